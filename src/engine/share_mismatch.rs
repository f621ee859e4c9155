//! A part, its whole and the stated share disagree (`share-mismatch`): "12 of the 50 members,
//! or 30%"; "one in five, or 35%". A percentage of a stated number of people that no whole
//! number of them can give ("13% of 50 respondents") is the `grim` rule's.

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const VARS: &[&str] = &["share", "part", "actual", "range"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Share(c) = claim else { continue };
        let share = article.quantity(c.share);
        if share.unit != Unit::Percent {
            continue;
        }
        let stated = share.interval_with(tol);
        match (c.part, c.whole, c.also) {
            (Some(p), Some(w), _) => {
                let (pi, wi) = (
                    super::count_interval(article.quantity(p), tol),
                    super::count_interval(article.quantity(w), tol),
                );
                let Some(actual) = pi.div(&wi).and_then(|r| r.scale(100.0)) else { continue };
                if stated.meets(&actual) {
                    continue;
                }
                let value = article.quantity(p).value / article.quantity(w).value * 100.0;
                hits.push(Hit {
                    span: share.span,
                    labels: vec![
                        label(article, p, "part"),
                        label(article, w, "whole"),
                        label(article, c.share, "stated share"),
                    ],
                    vars: vec![
                        ("share", article.text_of(c.share)),
                        ("part", format!("{} of {}", article.text_of(p), article.text_of(w))),
                        ("actual", format::percent(value)),
                        ("range", range(actual)),
                    ],
                });
            }
            (None, None, Some(r)) => {
                let ratio = article.quantity(r);
                let Some(actual) = ratio.interval_with(tol).scale(100.0) else { continue };
                if stated.meets(&actual) {
                    continue;
                }
                hits.push(Hit {
                    span: share.span,
                    labels: vec![label(article, r, "ratio"), label(article, c.share, "stated share")],
                    vars: vec![
                        ("share", article.text_of(c.share)),
                        ("part", article.text_of(r)),
                        ("actual", format::percent(ratio.value * 100.0)),
                        ("range", range(actual)),
                    ],
                });
            }
            _ => {}
        }
    }
    hits
}

/// " (23.5% to 24.5% given rounding)", or nothing when the figures are exact.
fn range(i: Interval) -> String {
    let (low, high) = (format::percent(i.low), format::percent(i.high));
    if low == high { String::new() } else { format!(" ({low} to {high} given rounding)") }
}
