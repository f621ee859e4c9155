//! Two statements that imply different sizes for one population (`implied-base`): "22,000 …
//! 0.1% of the population" with "the city's 8 million residents".

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim, QuantityId};
use crate::rules::Rule;
use crate::source::ParagraphFinder;
use crate::span::Span;

pub const VARS: &[&str] = &["part", "share", "implied", "stated"];

/// How a share names the whole population.
const POPULATION_WHOLES: &[&str] = &[
    "the population",
    "the city's population",
    "the country's population",
    "the nation's population",
    "the total population",
    "its population",
    "their population",
    "all residents",
    "the residents",
    "residents",
    "the inhabitants",
    "population",
];

/// The count a share is a share of: the figure just before it ("22,000, or 0.1% of …"), or,
/// for "This is 0.1% of …", the last count of the sentences before it in its paragraph.
/// `sorted`: the article's quantities stand in the order of their starts (as the scan finds
/// them), so that those inside a range are found by bisection.
fn part_of(
    article: &Article,
    share: QuantityId,
    sentence: Span,
    sorted: bool,
    paragraphs: &ParagraphFinder,
) -> Option<QuantityId> {
    let text = &article.document.text;
    let s = article.quantity(share).span;
    let quantities = &article.quantities;
    let counts = |range: Span| {
        // Only quantities starting inside the range can lie inside it.
        let (low, high) = if sorted {
            (
                quantities.partition_point(|q| q.span.start < range.start),
                quantities.partition_point(|q| q.span.start <= range.end),
            )
        } else {
            (0, quantities.len())
        };
        (low..high)
            .map(move |id| (id, &quantities[id]))
            .filter(move |(_, q)| q.unit == Unit::Count && q.value >= 1.0 && range.contains(q.span))
    };
    if let Some((id, q)) = counts(Span::new(sentence.start, s.start)).next_back() {
        let between = Span::new(q.span.end, s.start).slice(text).trim().to_lowercase();
        // One noun may stand between: "1,200 people, or 2% of the population".
        let between = match between.split_once(|c: char| !c.is_alphabetic()) {
            Some((noun, rest)) if !noun.is_empty() && noun.len() < between.len() => rest.trim().to_string(),
            _ => between,
        };
        if matches!(
            between.as_str(),
            "," | ", or"
                | "or"
                | ", about"
                | ", some"
                | ", roughly"
                | "("
                | ", or about"
                | "is"
                | "are"
                | ", which is"
                | ", or roughly"
        ) {
            return Some(id);
        }
    }
    let lead = sentence.slice(text).trim_start().to_lowercase();
    let refers_back = [
        "this is",
        "that is",
        "this represents",
        "that represents",
        "this equals",
        "this amounts to",
        "they are",
        "they make up",
        "this makes up",
    ]
    .iter()
    .any(|p| lead.starts_with(p));
    if !refers_back {
        return None;
    }
    let paragraph = paragraphs.containing(sentence)?;
    counts(Span::new(paragraph.span.start, sentence.start)).next_back().map(|(id, _)| id)
}

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let sizes: Vec<QuantityId> = article
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Size(s) if s.base == "population" => Some(s.size),
            _ => None,
        })
        .collect();
    if sizes.is_empty() {
        return Vec::new();
    }
    let sorted = article.quantities.is_sorted_by_key(|q| q.span.start);
    let paragraphs = article.document.paragraph_finder();
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Share(c) = claim else { continue };
        let is_population = c.of.as_deref().is_some_and(|of| POPULATION_WHOLES.contains(&of));
        let share = article.quantity(c.share);
        if !is_population || share.unit != Unit::Percent || share.value <= 0.0 {
            continue;
        }
        let Some(part) = c.part.or_else(|| part_of(article, c.share, c.sentence, sorted, &paragraphs)) else {
            continue;
        };
        let fraction = share.interval_with(tol).scale(0.01);
        let Some(implied) = fraction.and_then(|f| article.quantity(part).interval_with(tol).div(&f)) else {
            continue;
        };
        // An article may speak of several populations (a city and a town): the share must fit
        // one of them; it is reported against the nearest before it.
        if sizes.iter().any(|&size| article.quantity(size).interval_with(tol).meets(&implied)) {
            continue;
        }
        let nearest = sizes
            .iter()
            .copied()
            .rfind(|&s| article.quantity(s).span.start < share.span.start)
            .or_else(|| sizes.first().copied());
        if let Some(size) = nearest {
            let value = article.quantity(part).value / (share.value / 100.0);
            hits.push(Hit {
                span: share.span,
                labels: vec![
                    label(article, part, "part"),
                    label(article, c.share, "share of the population"),
                    label(article, size, "the population"),
                ],
                vars: vec![
                    ("part", article.text_of(part)),
                    ("share", article.text_of(c.share)),
                    (
                        "implied",
                        format!(
                            "{} ({} to {} given rounding)",
                            format::count(value),
                            format::count(implied.low),
                            bound(implied)
                        ),
                    ),
                    ("stated", article.text_of(size)),
                ],
            });
        }
    }
    hits
}

fn bound(i: Interval) -> String {
    format::count(i.high)
}
