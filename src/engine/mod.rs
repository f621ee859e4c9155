//! The rule engine: runs each enabled rule's check over an article's claims and returns
//! findings. Pure: no I/O, no printing.

mod assert;
mod change;
pub mod format;
pub mod grim;
mod headline_mismatch;
mod implied_base;
mod impossible;
mod multiple_mismatch;
mod percent_points;
mod quantifier_mismatch;
mod share_mismatch;
mod share_sum;
pub mod stat_p;
mod total_mismatch;
mod unit_mismatch;

use crate::parse::Article;
use crate::parse::quantity::Tolerances;
use crate::rules::{Rule, RuleSet, Severity};
use crate::span::Span;
use serde::Serialize;

/// A labelled figure in a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One problem found in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The figure the finding is about; labels mark every figure involved.
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// Whether `span` and the labels are offsets in the original file rather than in the
    /// checked text (findings about markup, such as an unused suppression comment).
    #[serde(skip)]
    pub in_original: bool,
}

/// What a check reports before the rule's templates are applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub span: Span,
    pub labels: Vec<Label>,
    /// Values for the `{placeholders}` of the rule's message and help.
    pub vars: Vec<(&'static str, String)>,
}

/// The built-in checks a rule can name with `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Change,
    ChangeDirection,
    ShareSum,
    ImpossibleValue,
    /// A p-value that cannot follow from its test statistic (statcheck).
    StatP,
    /// The same, when the error flips the result's significance.
    StatDecision,
    /// A mean or percentage no whole-number data can give (GRIM).
    Grim,
    /// A suppression comment that suppressed nothing (reported by the suppression pass).
    UnusedSuppression,
    /// An article in a language no lexicon reads, left unchecked (reported after reading).
    UnsupportedLanguage,
    PercentPoints,
    ShareMismatch,
    TotalMismatch,
    MultipleMismatch,
    QuantifierMismatch,
    HeadlineMismatch,
    UnitMismatch,
    ImpliedBase,
    /// A newsroom's own expectation, written as an expression (`on`, `expect`).
    Assert,
}

/// An option a kind accepts, with its default and meaning.
pub struct OptionSpec {
    pub name: &'static str,
    pub default: f64,
    pub doc: &'static str,
}

const TOLERANCE_OPTIONS: [OptionSpec; 2] = [
    OptionSpec {
        name: "approx_tolerance",
        default: 0.1,
        doc: "how far \"about 40\" may stray, as a fraction (0.1 reads it as 36 to 44)",
    },
    OptionSpec {
        name: "nearly_tolerance",
        default: 0.1,
        doc: "how far below \"nearly 40\" the truth may be, as a fraction",
    },
];

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Change,
        Kind::ChangeDirection,
        Kind::ShareSum,
        Kind::ImpossibleValue,
        Kind::StatP,
        Kind::StatDecision,
        Kind::Grim,
        Kind::UnusedSuppression,
        Kind::UnsupportedLanguage,
        Kind::PercentPoints,
        Kind::ShareMismatch,
        Kind::TotalMismatch,
        Kind::MultipleMismatch,
        Kind::QuantifierMismatch,
        Kind::HeadlineMismatch,
        Kind::UnitMismatch,
        Kind::ImpliedBase,
        Kind::Assert,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Change => "change",
            Kind::ChangeDirection => "change-direction",
            Kind::ShareSum => "share-sum",
            Kind::ImpossibleValue => "impossible-value",
            Kind::StatP => "stat-p",
            Kind::StatDecision => "stat-decision",
            Kind::Grim => "grim",
            Kind::UnusedSuppression => "unused-suppression",
            Kind::UnsupportedLanguage => "unsupported-language",
            Kind::PercentPoints => "percent-points",
            Kind::ShareMismatch => "share-mismatch",
            Kind::TotalMismatch => "total-mismatch",
            Kind::MultipleMismatch => "multiple-mismatch",
            Kind::QuantifierMismatch => "quantifier-mismatch",
            Kind::HeadlineMismatch => "headline-mismatch",
            Kind::UnitMismatch => "unit-mismatch",
            Kind::ImpliedBase => "implied-base",
            Kind::Assert => "assert",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The options a rule of this kind may set.
    pub fn options(self) -> &'static [OptionSpec] {
        match self {
            Kind::Change | Kind::ChangeDirection => &TOLERANCE_OPTIONS,
            Kind::ShareSum => share_sum::OPTIONS,
            Kind::ImpossibleValue => impossible::OPTIONS,
            Kind::StatP | Kind::StatDecision => stat_p::OPTIONS,
            Kind::Grim => grim::OPTIONS,
            Kind::UnusedSuppression | Kind::UnsupportedLanguage => &[],
            Kind::MultipleMismatch => multiple_mismatch::OPTIONS,
            Kind::PercentPoints
            | Kind::ShareMismatch
            | Kind::TotalMismatch
            | Kind::QuantifierMismatch
            | Kind::HeadlineMismatch
            | Kind::UnitMismatch
            | Kind::ImpliedBase
            | Kind::Assert => &TOLERANCE_OPTIONS,
        }
    }

    /// The `{placeholders}` its message and help may use.
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            Kind::Change => change::MISMATCH_VARS,
            Kind::ChangeDirection => change::DIRECTION_VARS,
            Kind::ShareSum => share_sum::VARS,
            Kind::ImpossibleValue => impossible::VARS,
            Kind::StatP | Kind::StatDecision => stat_p::VARS,
            Kind::Grim => grim::VARS,
            Kind::UnusedSuppression => &["directive", "reason"],
            Kind::UnsupportedLanguage => &["language", "known"],
            Kind::PercentPoints => percent_points::VARS,
            Kind::ShareMismatch => share_mismatch::VARS,
            Kind::TotalMismatch => total_mismatch::VARS,
            Kind::MultipleMismatch => multiple_mismatch::VARS,
            Kind::QuantifierMismatch => quantifier_mismatch::VARS,
            Kind::HeadlineMismatch => headline_mismatch::VARS,
            Kind::UnitMismatch => unit_mismatch::VARS,
            Kind::ImpliedBase => implied_base::VARS,
            // An assert rule's placeholders are its claim's fields (see `assert_fields`).
            Kind::Assert => &["expect"],
        }
    }

    fn run(self, article: &Article, rule: &Rule) -> Vec<Hit> {
        match self {
            Kind::Change => change::mismatches(article, rule),
            Kind::ChangeDirection => change::wrong_directions(article, rule),
            Kind::ShareSum => share_sum::check(article, rule),
            Kind::ImpossibleValue => impossible::check(article, rule),
            Kind::StatP => stat_p::check(article, rule, false),
            Kind::StatDecision => stat_p::check(article, rule, true),
            Kind::Grim => grim::check(article, rule),
            // Found after the checks, by `suppress::apply`; see `unused_suppressions`.
            Kind::UnusedSuppression => Vec::new(),
            // Found by reading, in the original text; see `unread_language`.
            Kind::UnsupportedLanguage => Vec::new(),
            Kind::PercentPoints => percent_points::check(article, rule),
            Kind::ShareMismatch => share_mismatch::check(article, rule),
            Kind::TotalMismatch => total_mismatch::check(article, rule),
            Kind::MultipleMismatch => multiple_mismatch::check(article, rule),
            Kind::QuantifierMismatch => quantifier_mismatch::check(article, rule),
            Kind::HeadlineMismatch => headline_mismatch::check(article, rule),
            Kind::UnitMismatch => unit_mismatch::check(article, rule),
            Kind::ImpliedBase => implied_base::check(article, rule),
            Kind::Assert => assert::check(article, rule),
        }
    }
}

impl Rule {
    /// The value of a numeric option, or the kind's default.
    pub fn option(&self, name: &str) -> f64 {
        self.options
            .get(name)
            .copied()
            .unwrap_or_else(|| self.kind.options().iter().find(|o| o.name == name).map_or(0.0, |o| o.default))
    }

    pub fn tolerances(&self) -> Tolerances {
        Tolerances { approx: self.option("approx_tolerance"), nearly: self.option("nearly_tolerance") }
    }
}

/// Fills `{name}` placeholders from `vars`; unknown names stay as written.
pub fn render_template(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs every enabled rule on the article; findings come sorted by position, then rule id.
pub fn check(article: &Article, rules: &RuleSet) -> Vec<Finding> {
    let _active = crate::parse::lexicon::activate(article.lexicon);
    let mut findings = Vec::new();
    for rule in rules.enabled() {
        for hit in rule.kind.run(article, rule) {
            findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: render_template(&rule.message, &hit.vars),
                span: hit.span,
                labels: hit.labels,
                help: rule.help.as_deref().map(|h| render_template(h, &hit.vars)),
                in_original: false,
            });
        }
    }
    findings.sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
    findings
}

fn label(article: &Article, id: crate::parse::QuantityId, text: impl Into<String>) -> Label {
    Label { span: article.quantity(id).span, text: text.into() }
}

/// Findings for suppression comments that suppressed nothing, if the `unused-suppression`
/// rule is enabled. Their spans are offsets in the original file.
pub fn unused_suppressions(unused: &[crate::suppress::Unused], rules: &RuleSet) -> Vec<Finding> {
    let Some(rule) = rules.get("unused-suppression").filter(|r| r.enabled) else { return Vec::new() };
    unused
        .iter()
        .map(|u| {
            let vars = [("directive", u.text.clone()), ("reason", u.reason.clone())];
            Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: render_template(&rule.message, &vars),
                span: u.span,
                labels: vec![Label { span: u.span, text: u.reason.clone() }],
                help: rule.help.as_deref().map(|h| render_template(h, &vars)),
                in_original: true,
            }
        })
        .collect()
}

/// The finding for an article left unread because no lexicon reads its language, if the
/// `unsupported-language` rule is enabled; it points at the language tag in `original` (the
/// file's text), or at the start of the file.
pub fn unread_language(article: &Article, original: &str, rules: &RuleSet) -> Option<Finding> {
    let tag = article.unread_language.as_deref()?;
    let rule = rules.get("unsupported-language").filter(|r| r.enabled)?;
    let known: Vec<String> =
        rules.languages.all().iter().map(|l| format!("{} ({})", l.language, l.name)).collect();
    let vars = [("language", tag.to_string()), ("known", known.join(", "))];
    let span = crate::source::lang_declaration(original, tag).unwrap_or(Span::new(0, 0));
    Some(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: render_template(&rule.message, &vars),
        span,
        labels: vec![Label { span, text: "no lexicon reads this language".to_string() }],
        help: rule.help.as_deref().map(|h| render_template(h, &vars)),
        in_original: true,
    })
}

/// A figure's interval, with a whole count written in full ("12 members") taken as exact:
/// people and medals come in whole numbers, so "12" cannot be 12.4.
pub(crate) fn count_interval(q: &crate::parse::Quantity, tol: Tolerances) -> crate::interval::Interval {
    let exact_count = q.unit == crate::parse::Unit::Count
        && q.value.fract() == 0.0
        && q.written.high - q.written.low <= 1.0
        && q.qualifier == crate::parse::quantity::Qualifier::Exact;
    if exact_count { crate::interval::Interval::point(q.value) } else { q.interval_with(tol) }
}

/// The fields of a claim kind that `assert` rules may name (empty for an unknown kind).
pub fn assert_fields(on: &str) -> &'static [&'static str] {
    assert::fields_of(on).unwrap_or(&[])
}

/// The fields of a claim kind, or `None` for a kind `assert` rules cannot be `on`.
pub fn assert_fields_checked(on: &str) -> Option<&'static [&'static str]> {
    assert::fields_of(on)
}

/// The claim kinds `assert` rules can be `on`.
pub fn assert_kinds() -> Vec<&'static str> {
    assert::CLAIM_FIELDS.iter().map(|(k, _)| *k).collect()
}
