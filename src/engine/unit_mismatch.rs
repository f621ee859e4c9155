//! A count measured in percent (`unit-mismatch`): "the number of applicants rose from 26% to
//! 31%".

use super::{Hit, label};
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim};
use crate::rules::Rule;
use crate::span::Span;

pub const VARS: &[&str] = &["noun", "from", "to"];

/// Words that make "the number of …" a share after all.
const SHARE_WORDS: &[&str] = &["share", "proportion", "percentage", "percent", "rate", "fraction", "ratio"];

pub fn check(article: &Article, _rule: &Rule) -> Vec<Hit> {
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Change(c) = claim else { continue };
        let (Some(f), Some(t)) = (c.from, c.to) else { continue };
        let (fq, tq) = (article.quantity(f), article.quantity(t));
        if fq.unit != Unit::Percent || tq.unit != Unit::Percent {
            continue;
        }
        // "12.1 pct of the working population" names its whole: a share after all.
        let of_after = |span: Span| text[span.end..].trim_start().starts_with("of ");
        if of_after(fq.span) || of_after(tq.span) {
            continue;
        }
        let lead_end = c.cue.map_or(fq.span.start, |cue| cue.start.min(fq.span.start));
        let lead = Span::new(c.sentence.start, lead_end).slice(text).to_lowercase();
        let Some(at) = lead.rfind("number of ") else { continue };
        let words: Vec<&str> = lead.split(|ch: char| !ch.is_alphanumeric()).collect();
        if words.iter().any(|w| SHARE_WORDS.contains(w)) {
            continue;
        }
        let noun: String =
            lead[at + "number of ".len()..].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        hits.push(Hit {
            span: fq.span.cover(tq.span),
            labels: vec![label(article, f, "a percentage"), label(article, t, "a percentage")],
            vars: vec![("noun", noun), ("from", article.text_of(f)), ("to", article.text_of(t))],
        });
    }
    hits
}
