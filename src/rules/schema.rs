//! The rule-file format: what a YAML rule may say, field by field.

use super::yaml::Spanned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's example, run as a test: `bad` must fire the rule, `good` must not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<String>,
}

/// The documentation of a rule, in fixed sections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Docs {
    #[serde(default)]
    pub what_it_catches: String,
    #[serde(default)]
    pub why_it_matters: String,
    #[serde(default)]
    pub example: String,
    #[serde(default)]
    pub how_to_fix: String,
}

impl Docs {
    /// The sections with their headings, in order.
    pub fn sections(&self) -> [(&'static str, &str); 4] {
        [
            ("What it catches", &self.what_it_catches),
            ("Why it matters", &self.why_it_matters),
            ("Example", &self.example),
            ("How to fix", &self.how_to_fix),
        ]
    }
}

/// A rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Severity,
    pub summary: String,
    pub message: Spanned<String>,
    #[serde(default)]
    pub help: Option<Spanned<String>>,
    #[serde(default)]
    pub options: BTreeMap<String, Spanned<f64>>,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub docs: Docs,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// For `kind: assert`: the claim kind the expectation is about (change, share, …).
    #[serde(default)]
    pub on: Option<Spanned<String>>,
    /// For `kind: assert`: the expression that must hold; the rule fires when it certainly
    /// does not.
    #[serde(default)]
    pub expect: Option<Spanned<String>>,
}

fn enabled_by_default() -> bool {
    true
}
