//! A part, its whole and the stated share disagree (`share-mismatch`): "12 of the 50 members,
//! or 30%"; "one in five, or 35%"; "13% of 50 respondents" (no whole number of people).

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::quantity::{Qualifier, Unit};
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const VARS: &[&str] = &["share", "part", "whole", "actual", "range"];

/// Verbs that report what members did or said.
const RESULT_VERBS: &[&str] = &[
    "said",
    "say",
    "says",
    "answered",
    "responded",
    "reported",
    "chose",
    "voted",
    "agreed",
    "backed",
    "supported",
    "opposed",
    "were",
    "had",
    "did",
    "named",
    "picked",
    "preferred",
    "rated",
    "passed",
    "failed",
];

/// The largest whole for which "P% of N" is checked for a whole number of members.
const MAX_COUNTED_WHOLE: f64 = 100_000.0;

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
                        ("part", article.text_of(p)),
                        ("whole", article.text_of(w)),
                        ("actual", format::percent(value)),
                        ("range", format!("{} given rounding", range(actual))),
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
                        ("whole", "the whole".into()),
                        ("actual", format::percent(ratio.value * 100.0)),
                        ("range", format!("{} given rounding", range(actual))),
                    ],
                });
            }
            (None, Some(w), None) => {
                let whole = article.quantity(w);
                let exact = whole.written.high - whole.written.low <= 1.0 && whole.value.fract() == 0.0;
                if !exact
                    || whole.value < 1.0
                    || whole.value > MAX_COUNTED_WHOLE
                    || share.qualifier != Qualifier::Exact
                {
                    continue;
                }
                // Only a result counts ("13% of 50 respondents said"), not a threshold ("requires
                // the approval of 75 percent of the 30 owners").
                let sentence = c.sentence.slice(&article.document.text).to_lowercase();
                let result =
                    sentence.split(|ch: char| !ch.is_alphanumeric()).any(|w| RESULT_VERBS.contains(&w));
                if !result {
                    continue;
                }
                let n = whole.value;
                let low_count = (n * share.written.low / 100.0 - 1e-9).ceil();
                let high_count = (n * share.written.high / 100.0 + 1e-9).floor();
                if low_count <= high_count {
                    continue;
                }
                let nearest = (n * share.value / 100.0).round();
                hits.push(Hit {
                    span: share.span,
                    labels: vec![label(article, c.share, "stated share"), label(article, w, "whole")],
                    vars: vec![
                        ("share", article.text_of(c.share)),
                        ("part", format::number(nearest, 0)),
                        ("whole", article.text_of(w)),
                        ("actual", format::percent(nearest / n * 100.0)),
                        (
                            "range",
                            format!(
                                "no whole number of {} is {}",
                                article.text_of(w),
                                article.text_of(c.share)
                            ),
                        ),
                    ],
                });
            }
            _ => {}
        }
    }
    hits
}

fn range(i: Interval) -> String {
    format!("{} to {}", format::percent(i.low), format::percent(i.high))
}
