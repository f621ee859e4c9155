//! Percent for points (`percent-points`): a change between two percentages stated in % that
//! is really the difference in points ("rose 5%, from 26% to 31%").

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const VARS: &[&str] = &["stated", "from", "to", "points", "relative"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Change(c) = claim else { continue };
        let (Some(s), Some(f), Some(t)) = (c.stated, c.from, c.to) else { continue };
        let (sq, fq, tq) = (article.quantity(s), article.quantity(f), article.quantity(t));
        if sq.unit != Unit::Percent || fq.unit != Unit::Percent || tq.unit != Unit::Percent || fq.value == 0.0
        {
            continue;
        }
        let (fi, ti) = (fq.interval_with(tol), tq.interval_with(tol));
        let stated = sq.interval_with(tol);
        let (Some(points), Some(relative)) = (ti.sub(&fi), Interval::percent_change(&fi, &ti)) else {
            continue;
        };
        let magnitude = |i: Interval| {
            Interval::new(i.low.abs(), i.high.abs())
                .map(|m| if i.contains(0.0) { Interval { low: 0.0, high: m.high } } else { m })
        };
        let (Some(points_size), Some(relative_size)) = (magnitude(points), magnitude(relative)) else {
            continue;
        };
        // Only when the points reading holds and the relative one cannot.
        if !stated.meets(&points_size) || stated.meets(&relative_size) {
            continue;
        }
        hits.push(Hit {
            span: sq.span,
            labels: vec![
                label(article, f, "from"),
                label(article, t, "to"),
                label(article, s, "a difference in points"),
            ],
            vars: vec![
                ("stated", article.text_of(s)),
                ("from", article.text_of(f)),
                ("to", article.text_of(t)),
                ("points", format::points_change(tq.value - fq.value)),
                ("relative", format::percent_change((tq.value / fq.value - 1.0) * 100.0)),
            ],
        });
    }
    hits
}
