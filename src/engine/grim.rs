//! Means and percentages that no whole-number data can give (`grim`), after Brown & Heathers'
//! GRIM test: n people answering k whole-number items have a total that is a whole number, so
//! their mean is some integer over n·k; a mean as written stands for every value that rounds
//! to it, and is flagged only when no integer over n·k does.

use super::{Hit, Label, OptionSpec};
use crate::parse::claims::MeanClaim;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const OPTIONS: &[OptionSpec] = &[OptionSpec {
    name: "percentages",
    default: 1.0,
    doc: "1: test percentages of people (\"39.3% of the 28 patients\") as well as means; 0: means only",
}];

pub const VARS: &[&str] = &["what", "value", "sample", "n", "items", "product", "nearest"];

/// The GRIM test of one figure: the two whole-number totals nearest to what it implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grim {
    pub consistent: bool,
    /// n · items: the denominator of every possible mean.
    pub grains: u128,
    /// The whole-number totals just below and just above value · grains.
    pub below: u128,
    pub above: u128,
    /// value · grains in units of 10^-decimals (with percentages counted as fractions).
    product: u128,
    decimals: u32,
}

/// The digits of a figure as written ("5.19", "-0.150", "54.3") as an integer and its number of
/// decimals; the sign does not matter to GRIM.
fn mantissa(value: &str) -> Option<(u128, u32)> {
    let digits = value.trim_start_matches(['-', '+', '−']);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let joined = format!("{int}{frac}");
    Some((joined.parse().ok()?, u32::try_from(frac.len()).ok()?))
}

/// GRIM: whether some whole-number total over `n` people and `items` items per person gives
/// `value` as written, rounding either way at a tie (as the scrutiny package does). A
/// percentage is a mean of 0/1 answers with two more decimals. `None` when the figure cannot
/// be read or the numbers overflow.
pub fn test(value: &str, n: u64, items: u32, percent: bool) -> Option<Grim> {
    let (m, written_decimals) = mantissa(value)?;
    let decimals = written_decimals + if percent { 2 } else { 0 };
    let grains = u128::from(n).checked_mul(u128::from(items))?;
    if grains == 0 {
        return None;
    }
    let scale = 10u128.checked_pow(decimals)?;
    // value · grains, in units of 1/scale; a total k gives the value when
    // |k·scale − product| ≤ grains / 2, i.e. |2·k·scale − 2·product| ≤ grains.
    let product = m.checked_mul(grains)?;
    let below = product / scale;
    let above = below + 1;
    let fits = |k: u128| -> Option<bool> {
        Some(k.checked_mul(scale)?.checked_mul(2)?.abs_diff(product.checked_mul(2)?) <= grains)
    };
    let consistent = fits(below)? || fits(above)?;
    Some(Grim { consistent, grains, below, above, product, decimals })
}

/// Whether a figure passes GRIM (see [`test`]).
pub fn consistent(value: &str, n: u64, items: u32, percent: bool) -> Option<bool> {
    test(value, n, items, percent).map(|g| g.consistent)
}

/// An exact decimal `units / 10^decimals`, without trailing zeros.
fn exact(units: u128, decimals: u32) -> String {
    let scale = 10u128.pow(decimals);
    let (int, frac) = (units / scale, units % scale);
    if decimals == 0 || frac == 0 {
        return int.to_string();
    }
    let frac = format!("{frac:0width$}", width = decimals as usize);
    format!("{int}.{}", frac.trim_end_matches('0'))
}

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let percentages = rule.option("percentages") != 0.0;
    let text = &article.document.text;
    let one_line = |s: crate::span::Span| s.slice(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Mean(c) = claim else { continue };
        let (Some(cue), Some(items)) = (c.cue, c.items) else { continue };
        if c.n.is_empty() || (c.percent && !percentages) {
            continue;
        }
        // Any stated sample may be the mean's: flag only when none of them can give it.
        let tests: Option<Vec<Grim>> =
            c.n.iter().map(|n| test(&c.value.text, n.value, items, c.percent)).collect();
        let Some(tests) = tests else { continue };
        if tests.iter().any(|g| g.consistent) {
            continue;
        }
        let (grim, n) = (tests[0], &c.n[0]);
        let (what, value) = if c.percent {
            ("percentage", format!("{}%", c.value.text))
        } else {
            ("mean", c.value.text.clone())
        };
        let n_text = one_line(n.span);
        let sample = if items > 1 { format!("{n_text} and {items} items each") } else { n_text };
        let mut labels = vec![
            Label { span: c.value.span, text: format!("{what} of {value}") },
            Label { span: n.span, text: "sample".into() },
        ];
        if let Some(span) = c.items_span {
            labels.push(Label { span, text: "items per person".into() });
        }
        if !n.span.contains(cue) && !c.value.span.contains(cue) {
            labels.push(Label { span: cue, text: "whole numbers".into() });
        }
        hits.push(Hit {
            span: c.value.span,
            labels,
            vars: vec![
                ("what", what.into()),
                ("value", value.clone()),
                ("sample", sample),
                ("n", n.value.to_string()),
                ("items", items.to_string()),
                ("product", product_text(c, &value, n.value, items, &grim)),
                ("nearest", nearest_text(c, &grim)),
            ],
        });
    }
    hits
}

/// "5.19 × 28 = 145.32", "0.151 × 120 × 3 = 54.36", "54.3% of 28 = 15.204".
fn product_text(c: &MeanClaim, value: &str, n: u64, items: u32, grim: &Grim) -> String {
    let result = exact(grim.product, grim.decimals);
    if c.percent {
        format!("{value} of {n} = {result}")
    } else if items > 1 {
        format!("{value} × {n} × {items} = {result}")
    } else {
        format!("{value} × {n} = {result}")
    }
}

/// "5.18 (145/28) and 5.21 (146/28)", written with the figure's decimals.
fn nearest_text(c: &MeanClaim, grim: &Grim) -> String {
    let d = c.value.decimals as usize;
    let write = |k: u128| {
        let ratio = k as f64 / grim.grains as f64;
        let shown = if c.percent { format!("{:.d$}%", ratio * 100.0) } else { format!("{ratio:.d$}") };
        format!("{shown} ({k}/{})", grim.grains)
    };
    format!("{} and {}", write(grim.below), write(grim.above))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_decimals_as_written() {
        assert_eq!(consistent("5.19", 28, 1, false), Some(false));
        assert_eq!(consistent("5.21", 28, 1, false), Some(true));
        assert_eq!(consistent("5.20", 28, 1, false), Some(false));
        assert_eq!(consistent("5.2", 28, 1, false), Some(true));
    }

    #[test]
    fn items_and_percentages() {
        assert_eq!(consistent("0.87", 28, 2, false), Some(true), "49/56 = .875 rounds down to .87");
        assert_eq!(consistent("0.151", 120, 3, false), Some(false));
        assert_eq!(consistent("7", 50, 1, true), Some(false));
        assert_eq!(consistent("8", 50, 1, true), Some(true));
        assert_eq!(consistent("-5.21", 28, 1, false), Some(true));
    }

    #[test]
    fn large_samples_always_pass() {
        // With n ≥ 100 every two-decimal mean has some total.
        assert!(
            (0..1000)
                .all(|i| consistent(&format!("{}.{:02}", i / 100, i % 100), 100, 1, false) == Some(true))
        );
    }

    #[test]
    fn unreadable_figures_are_refused() {
        assert_eq!(consistent("", 28, 1, false), None);
        assert_eq!(consistent("5.1a", 28, 1, false), None);
        assert_eq!(consistent("5.19", 0, 1, false), None);
    }
}
