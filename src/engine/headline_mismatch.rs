//! A headline figure that the body contradicts (`headline-mismatch`): headline "Exports Down
//! 40%", body "exports fell 25%". The headline is allowed its usual rounding to a 5.

use super::{Hit, label};
use crate::interval::Interval;
use crate::parse::claims::ChangeClaim;
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim};
use crate::rules::Rule;
use crate::source::Role;
use crate::span::Span;

pub const VARS: &[&str] = &["headline", "body"];

/// How far a headline may round a figure that is a multiple of five.
const HEADLINE_ROUNDING: f64 = 2.5;

/// The stem of the word just before the change word: the thing that changed.
fn subject(text: &str, c: &ChangeClaim) -> Option<String> {
    let cue = c.cue?;
    let before = Span::new(c.sentence.start, cue.start).slice(text);
    let word = before.split(|ch: char| !ch.is_alphanumeric()).rev().find(|w| !w.is_empty())?;
    Some(stem(word))
}

fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    lower.strip_suffix('s').filter(|s| s.len() >= 3).map_or(lower.clone(), str::to_string)
}

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let doc = &article.document;
    let text = &doc.text;
    let paragraphs = doc.paragraph_finder();
    let role_of = |span: Span| paragraphs.containing(span).map(|p| p.role);
    let changes: Vec<&ChangeClaim> = article
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Change(ch) => ch.stated.filter(|s| article.quantity(*s).unit == Unit::Percent).map(|_| ch),
            _ => None,
        })
        .collect();
    let mut hits = Vec::new();
    for h in changes.iter().filter(|c| matches!(role_of(c.sentence), Some(Role::Headline | Role::Standfirst)))
    {
        let (Some(hs), Some(subject)) = (h.stated, subject(text, h)) else { continue };
        let hq = article.quantity(hs);
        let mut allowed = hq.interval_with(tol);
        if hq.value % 5.0 == 0.0 {
            allowed = allowed.hull(&Interval::around(hq.value, HEADLINE_ROUNDING));
        }
        let body: Vec<&&ChangeClaim> = changes
            .iter()
            .filter(|b| role_of(b.sentence) == Some(Role::Body) && b.direction == h.direction)
            .filter(|b| {
                let before =
                    Span::new(b.sentence.start, b.cue.map_or(b.sentence.start, |c| c.start)).slice(text);
                before.split(|ch: char| !ch.is_alphanumeric()).any(|w| !w.is_empty() && stem(w) == subject)
            })
            .collect();
        let Some(first) = body.first() else { continue };
        // The body may say the headline's figure in a way no pattern reads ("a 4 percent fall
        // in sales", "fell 8.2 billion dlrs, or 4.0 pct"): any percentage in the body that the
        // headline could round saves it.
        let saved = article.quantities.iter().any(|q| {
            q.unit == Unit::Percent
                && role_of(q.span) == Some(Role::Body)
                && q.interval_with(tol).meets(&allowed)
        });
        if saved {
            continue;
        }
        let bs = first.stated.unwrap_or(hs);
        let phrase = |c: &ChangeClaim, s: usize| {
            let start = c
                .cue
                .map_or(article.quantity(s).span.start, |cue| cue.start.min(article.quantity(s).span.start));
            Span::new(start, article.quantity(s).span.end)
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        hits.push(Hit {
            span: hq.span,
            labels: vec![label(article, hs, "headline"), label(article, bs, "body")],
            vars: vec![("headline", phrase(h, hs)), ("body", phrase(first, bs))],
        });
    }
    hits
}
