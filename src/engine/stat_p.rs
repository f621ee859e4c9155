//! Test results whose p-value cannot follow from their statistic (`stat-p`), and those where
//! the error flips the conclusion (`stat-decision`), as statcheck judges them: the statistic
//! stands for every value its decimals round from, and a p is flagged only when it lies
//! outside the p-values of that whole interval.

use super::{Hit, Label, OptionSpec};
use crate::parse::claims::{Comparison, StatisticClaim, TestKind};
use crate::parse::{Article, Claim};
use crate::rules::Rule;
use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor, Normal, StudentsT};

pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "alpha",
        default: 0.05,
        doc: "the significance level that decides whether a result is significant",
    },
    OptionSpec {
        name: "tails",
        default: 2.0,
        doc: "2 reads t, z and r tests as two-tailed; 1 reads every test as one-tailed",
    },
    OptionSpec {
        name: "one_sided_text",
        default: 1.0,
        doc: "1: when the text says \"one-tailed\", \"one-sided\" or \"directional\", a p that a one-tailed test explains is not flagged (statcheck's OneTailedTxt); 0: ignore such words",
    },
    OptionSpec {
        name: "p_zero_error",
        default: 1.0,
        doc: "1: \"p = .000\" is always an error, since no p-value is zero; 0: read it as rounded",
    },
    OptionSpec {
        name: "p_equal_alpha_significant",
        default: 1.0,
        doc: "1: p = alpha counts as significant; 0: only p < alpha does",
    },
];

pub const VARS: &[&str] =
    &["test", "statistic", "p", "computed", "range", "tails", "reason", "said", "actual", "alpha"];

/// How results are judged; statcheck's options under their factlint names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    pub alpha: f64,
    /// Every test one-tailed (statcheck's OneTailedTests).
    pub one_tailed: bool,
    /// Read a test as one-tailed when the text says so and that explains the p (OneTailedTxt).
    pub one_sided_text: bool,
    pub p_zero_error: bool,
    pub p_equal_alpha_significant: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            alpha: 0.05,
            one_tailed: false,
            one_sided_text: true,
            p_zero_error: true,
            p_equal_alpha_significant: true,
        }
    }
}

impl Settings {
    pub fn of(rule: &Rule) -> Settings {
        Settings {
            alpha: rule.option("alpha"),
            one_tailed: rule.option("tails") == 1.0,
            one_sided_text: rule.option("one_sided_text") != 0.0,
            p_zero_error: rule.option("p_zero_error") != 0.0,
            p_equal_alpha_significant: rule.option("p_equal_alpha_significant") != 0.0,
        }
    }
}

/// What a result's figures imply, and whether its p agrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    /// The p-value of the statistic as written.
    pub computed: f64,
    /// The p-values of every statistic that rounds to the one written: (lowest, highest).
    pub range: (f64, f64),
    /// Whether the p-values are one-tailed.
    pub one_tailed: bool,
    /// The reported p cannot follow from the statistic.
    pub error: bool,
    /// And the error flips significance at alpha.
    pub decision_error: bool,
}

/// The p-value of `stat` under `test`; `None` when the degrees of freedom do not fit the test.
pub fn p_value(test: TestKind, stat: f64, df: &[f64], two_tailed: bool) -> Option<f64> {
    let one = || df.first().copied();
    let p = match test {
        TestKind::T => StudentsT::new(0.0, 1.0, one()?).ok()?.sf(stat.abs()),
        TestKind::Z => Normal::new(0.0, 1.0).ok()?.sf(stat.abs()),
        TestKind::R => {
            let d = one()?;
            if stat.abs() >= 1.0 {
                0.0
            } else {
                let t = stat / ((1.0 - stat * stat) / d).sqrt();
                StudentsT::new(0.0, 1.0, d).ok()?.sf(t.abs())
            }
        }
        TestKind::F => FisherSnedecor::new(*df.first()?, *df.get(1)?).ok()?.sf(stat.max(0.0)),
        TestKind::Chi2 | TestKind::Q | TestKind::Qw | TestKind::Qb => {
            ChiSquared::new(one()?).ok()?.sf(stat.max(0.0))
        }
    };
    let doubled = two_tailed && matches!(test, TestKind::T | TestKind::Z | TestKind::R);
    let p = if doubled { p * 2.0 } else { p };
    p.is_finite().then_some(p.clamp(0.0, 1.0))
}

/// `x` rounded to `decimals` places, in units of the last place.
fn units(x: f64, decimals: u32) -> f64 {
    (x * 10f64.powi(decimals as i32)).round()
}

/// statcheck's error test: whether the reported p lies outside the p-values of the statistic's
/// rounding interval.
fn inconsistent(
    claim: &StatisticClaim,
    reported: f64,
    comparison: Comparison,
    p_decimals: u32,
    range: (f64, f64),
    settings: &Settings,
) -> bool {
    let (low_p, up_p) = range;
    if settings.p_zero_error && reported <= 0.0 {
        return true;
    }
    let rep = units(reported, p_decimals);
    match (claim.comparison, comparison) {
        (Comparison::Equal, Comparison::Equal) => {
            rep > units(up_p, p_decimals) || rep < units(low_p, p_decimals)
        }
        (Comparison::Equal, Comparison::Less) => reported < low_p,
        (Comparison::Equal, Comparison::Greater) => reported > up_p,
        (Comparison::Less, Comparison::Equal) => rep < units(up_p, p_decimals),
        (Comparison::Less, Comparison::Less) => reported < up_p,
        (Comparison::Greater, Comparison::Equal) => rep > units(low_p, p_decimals),
        (Comparison::Greater, Comparison::Greater) => reported > low_p,
        _ => false,
    }
}

/// statcheck's decision error test: reported and computed p on opposite sides of alpha.
fn flips(
    claim: &StatisticClaim,
    reported: f64,
    comparison: Comparison,
    computed: f64,
    settings: &Settings,
) -> bool {
    let a = settings.alpha;
    let (test, p) = (claim.comparison, comparison);
    use Comparison::{Equal as Eq, Greater as Gt, Less as Lt};
    if settings.p_equal_alpha_significant {
        match (test, p) {
            (Eq, Eq) => (reported <= a && computed > a) || (reported > a && computed <= a),
            (Eq, Lt) => reported <= a && computed > a,
            (Eq, Gt) => reported >= a && computed <= a,
            (Lt, Eq) | (Lt, Lt) => reported <= a && computed >= a,
            (Gt, Eq) => reported > a && computed <= a,
            (Gt, Gt) => reported >= a && computed <= a,
            _ => false,
        }
    } else {
        match (test, p) {
            (Eq, Eq) => (reported < a && computed >= a) || (reported >= a && computed < a),
            (Eq, Lt) => reported <= a && computed >= a,
            (Eq, Gt) => reported >= a && computed < a,
            (Lt, Eq) => reported < a && computed >= a,
            (Lt, Lt) => reported <= a && computed >= a,
            (Gt, Eq) | (Gt, Gt) => reported >= a && computed <= a,
            _ => false,
        }
    }
}

/// Judges one result with `tails` fixed.
fn judge(claim: &StatisticClaim, settings: &Settings, two_tailed: bool) -> Option<Verdict> {
    let stat = claim.value.value;
    let computed = p_value(claim.test, stat, &claim.df, two_tailed)?;
    // The statistic stands for every value that rounds to it.
    let half = 0.5 * 10f64.powi(-(claim.value.decimals.min(15) as i32));
    let magnitude = stat.abs();
    let (near, far) = ((magnitude - half).max(0.0), magnitude + half);
    let (near, far) = if claim.test == TestKind::R { (near.min(1.0), far.min(1.0)) } else { (near, far) };
    let up_p = p_value(claim.test, near, &claim.df, two_tailed)?;
    let low_p = p_value(claim.test, far, &claim.df, two_tailed)?;
    // "ns" is read as p > alpha.
    let (reported, comparison, decimals) = match &claim.p.value {
        Some(v) => (v.value, claim.p.comparison, v.decimals),
        None => (settings.alpha, Comparison::Greater, 2),
    };
    let error = inconsistent(claim, reported, comparison, decimals, (low_p, up_p), settings);
    let decision_error = error && flips(claim, reported, comparison, computed, settings);
    Some(Verdict { computed, range: (low_p, up_p), one_tailed: !two_tailed, error, decision_error })
}

/// Judges a result as statcheck does: two-tailed unless every test is one-tailed; and when
/// the text says its tests are one-sided, read as one-tailed if that explains the p.
///
/// When neither reading explains it, statcheck keeps the two-tailed verdict; factlint shows
/// the one-tailed figures the text announces, and calls the conclusion wrong only when both
/// readings flip it.
pub fn evaluate(claim: &StatisticClaim, settings: &Settings) -> Option<Verdict> {
    let two = judge(claim, settings, !settings.one_tailed)?;
    if !two.error || settings.one_tailed || !settings.one_sided_text || claim.one_sided.is_none() {
        return Some(two);
    }
    let one = judge(claim, settings, false)?;
    Some(Verdict { decision_error: one.decision_error && two.decision_error, ..one })
}

/// Inconsistent results whose conclusion stands (`decisions` false), or whose conclusion
/// flips (`decisions` true).
pub fn check(article: &Article, rule: &Rule, decisions: bool) -> Vec<Hit> {
    // Most articles report no test: their rule settings are never read.
    if !article.claims.iter().any(|c| matches!(c, Claim::Statistic(_))) {
        return Vec::new();
    }
    let settings = Settings::of(rule);
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Statistic(c) = claim else { continue };
        let Some(v) = evaluate(c, &settings) else { continue };
        if !v.error || v.decision_error != decisions || adjusted_upwards(c, &v) {
            continue;
        }
        let one_line = |s: crate::span::Span| s.slice(text).split_whitespace().collect::<Vec<_>>().join(" ");
        let test = one_line(c.statistic_span);
        let statistic = one_line(c.value.span);
        let p = one_line(c.p.span);
        let decimals = c.p.value.as_ref().map_or(3, |v| v.decimals.max(3));
        let computed = format_p(v.computed, decimals);
        let tails = if v.one_tailed { "one-tailed" } else { "two-tailed" };
        let significant = |x: bool| if x { "significant" } else { "not significant" };
        let reported_significant = match (&c.p.value, c.p.comparison) {
            (Some(r), Comparison::Less) => r.value <= settings.alpha,
            (Some(r), Comparison::Equal) => {
                r.value < settings.alpha || (settings.p_equal_alpha_significant && r.value == settings.alpha)
            }
            _ => false,
        };
        let computed_significant = v.computed < settings.alpha
            || (settings.p_equal_alpha_significant && v.computed == settings.alpha);
        let mut labels =
            vec![Label { span: c.statistic_span, text: format!("gives {}", p_phrase(&computed)) }];
        labels.push(Label { span: c.p.span, text: "reported".into() });
        hits.push(Hit {
            span: c.p.span,
            labels,
            vars: vec![
                ("test", test),
                ("statistic", statistic.clone()),
                ("p", p.clone()),
                ("computed", p_phrase(&computed)),
                ("range", range_text(v.range, decimals)),
                ("tails", tails.into()),
                ("reason", reason(c, &v, &p, &statistic, decimals, &settings)),
                ("said", significant(reported_significant).into()),
                ("actual", significant(computed_significant).into()),
                ("alpha", format_p(settings.alpha, 2)),
            ],
        });
    }
    hits
}

/// A p-value as APA writes it, without the leading zero: ".036", "< .001", "1.000".
fn format_p(p: f64, decimals: u32) -> String {
    let d = decimals as usize;
    let floor = 10f64.powi(-(decimals as i32));
    if (p > 0.0 && p < floor * 0.5) || p == 0.0 {
        return format!("< {}", format!("{floor:.d$}").trim_start_matches('0'));
    }
    let s = format!("{p:.d$}");
    s.strip_prefix('0').map(str::to_string).unwrap_or(s)
}

/// Whether the sentence says its p-values were adjusted for multiple tests and the reported p
/// lies above the statistic's: an adjustment explains that, so it is not flagged.
fn adjusted_upwards(c: &StatisticClaim, v: &Verdict) -> bool {
    let above = match (&c.p.value, c.p.comparison) {
        (None, _) => true,
        (Some(p), Comparison::Equal | Comparison::Greater) => p.value > v.range.1,
        (Some(_), _) => false,
    };
    c.adjusted.is_some() && above
}

/// "p = .036", or "p < .001".
fn p_phrase(formatted: &str) -> String {
    if formatted.starts_with('<') { format!("p {formatted}") } else { format!("p = {formatted}") }
}

/// ".035 to .037"; up to two more decimals when the ends would write alike (".0190 to
/// .0192"), and one figure when they still do.
fn range_text((low, high): (f64, f64), decimals: u32) -> String {
    for d in decimals..=decimals + 2 {
        let (a, b) = (format_p(low, d), format_p(high, d));
        if a != b {
            return format!("{a} to {b}");
        }
        if a.starts_with('<') {
            break;
        }
    }
    format_p(high, decimals)
}

/// Why the reported p cannot stand, in the reader's terms.
fn reason(
    c: &StatisticClaim,
    v: &Verdict,
    p: &str,
    statistic: &str,
    decimals: u32,
    settings: &Settings,
) -> String {
    let reported = c.p.value.as_ref();
    if settings.p_zero_error && reported.is_some_and(|r| r.value <= 0.0) {
        return "a p-value is never exactly 0; write p < .001".into();
    }
    let (low, high) = (format_p(v.range.0, decimals), format_p(v.range.1, decimals));
    match (c.comparison, c.p.comparison) {
        (_, Comparison::NotSignificant) => format!(
            "“{p}” means p > {}, but the largest p that {statistic} allows is {high}",
            format_p(settings.alpha, 2)
        ),
        (Comparison::Equal, Comparison::Equal) => format!(
            "no p in that range rounds to {}",
            reported.map_or(String::new(), |r| format_p(r.value, r.decimals))
        ),
        (Comparison::Equal, Comparison::Less) => {
            format!("{p} cannot hold: the smallest p that {statistic} allows is {low}")
        }
        (Comparison::Equal, Comparison::Greater) => {
            format!("{p} cannot hold: the largest p that {statistic} allows is {high}")
        }
        _ => format!(
            "{p} cannot hold for a statistic {} {statistic}",
            if c.comparison == Comparison::Less { "below" } else { "above" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_match_r() {
        // Values from R: 2 * pt(-2.2, 28), pf(2.2, 2, 28, lower = FALSE), pchisq(22.2, 28,
        // lower = FALSE), 2 * pnorm(-2.2).
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
        assert!(close(p_value(TestKind::T, 2.2, &[28.0], true).unwrap_or(0.0), 0.0362255));
        assert!(close(p_value(TestKind::F, 2.2, &[2.0, 28.0], true).unwrap_or(0.0), 0.129593));
        assert!(close(p_value(TestKind::Chi2, 22.2, &[28.0], true).unwrap_or(0.0), 0.771949));
        assert!(close(p_value(TestKind::Z, 2.2, &[], true).unwrap_or(0.0), 0.0278069));
        assert!(close(p_value(TestKind::R, 0.22, &[28.0], true).unwrap_or(0.0), 0.242739));
        assert!(p_value(TestKind::F, 2.2, &[2.0], true).is_none());
    }

    #[test]
    fn formats_p_as_apa_does() {
        assert_eq!(format_p(0.0362255, 3), ".036");
        assert_eq!(format_p(2.6e-19, 3), "< .001");
        assert_eq!(format_p(1.0, 3), "1.000");
        assert_eq!(format_p(0.05, 2), ".05");
        assert_eq!(range_text((0.0353, 0.0372), 3), ".035 to .037");
        assert_eq!(range_text((0.01902, 0.01921), 3), ".0190 to .0192");
        assert_eq!(range_text((1e-20, 2e-20), 3), "< .001");
        assert_eq!(range_text((0.0002, 0.0021), 3), "< .001 to .002");
    }
}
