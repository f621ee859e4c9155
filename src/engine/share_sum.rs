//! Shares of one whole that add up to more than the whole (`share-sum`).

use super::{Hit, OptionSpec, format, label};
use crate::interval::Interval;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const OPTIONS: &[OptionSpec] = &[OptionSpec {
    name: "max_total",
    default: 100.0,
    doc: "the most, in percent, that shares of one whole may add up to",
}];

pub const VARS: &[&str] = &["shares", "total", "minimum", "max_total"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let max_total = rule.option("max_total");
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::ShareGroup(group) = claim else { continue };
        let mut sum = Interval::point(0.0);
        let mut total = 0.0;
        for &id in &group.shares {
            let q = article.quantity(id);
            sum = sum.add(&q.interval_with(tol)).unwrap_or(sum);
            total += q.value;
        }
        if sum.low <= max_total + 1e-9 {
            continue;
        }
        let first = article.quantity(group.shares[0]).span;
        let last = article.quantity(group.shares[group.shares.len() - 1]).span;
        let shares: Vec<String> = group.shares.iter().map(|&id| article.text_of(id).to_string()).collect();
        hits.push(Hit {
            span: first.cover(last),
            labels: group.shares.iter().map(|&id| label(article, id, "share")).collect(),
            vars: vec![
                ("shares", shares.join(" + ")),
                ("total", format::percent(total)),
                ("minimum", format::percent(sum.low)),
                ("max_total", format::percent(max_total)),
            ],
        });
    }
    hits
}
