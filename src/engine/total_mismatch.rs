//! Parts that do not add up to their stated total (`total-mismatch`): "3 gold, 4 silver and
//! 5 bronze, 14 medals in all".

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const VARS: &[&str] = &["parts", "sum", "total"];

/// Words that make a list a selection of the total, not all of it.
const SELECTION_WORDS: &[&str] =
    &["including", "includes", "include", "among", "such as", "of which", "e.g.", "like"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Total(c) = claim else { continue };
        let mut sum = Interval::point(0.0);
        let mut value = 0.0;
        for &p in &c.parts {
            let Some(s) = sum.add(&super::count_interval(article.quantity(p), tol)) else { continue };
            sum = s;
            value += article.quantity(p).value;
        }
        let total = super::count_interval(article.quantity(c.total), tol);
        if sum.meets(&total) {
            continue;
        }
        let sentence = c.sentence.slice(text).to_lowercase();
        let selection = SELECTION_WORDS.iter().any(|w| sentence.contains(w));
        // A selection may fall short of the total; no list may exceed it.
        if selection && sum.high < total.low {
            continue;
        }
        let parts: Vec<String> = c.parts.iter().map(|&p| article.text_of(p)).collect();
        let mut labels: Vec<_> = c.parts.iter().map(|&p| label(article, p, "part")).collect();
        labels.push(label(article, c.total, "stated total"));
        hits.push(Hit {
            span: article.quantity(c.total).span,
            labels,
            vars: vec![
                ("parts", parts.join(" + ")),
                ("sum", format::number(value, 2)),
                ("total", article.text_of(c.total)),
            ],
        });
    }
    hits
}
