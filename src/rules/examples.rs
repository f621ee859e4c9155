//! Runs the `examples` of every rule as tests: each `bad` must fire the rule, each `good`
//! must not.

use super::{Rule, RuleSet};

/// An example that did not behave as its rule file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    /// 1-based position of the example in the rule's list.
    pub index: usize,
    /// 1-based line of the example in the rule file, when it can be found there.
    pub line: Option<usize>,
    pub text: String,
    /// What went wrong, e.g. "expected change-mismatch to fire; nothing fired".
    pub problem: String,
}

/// Runs every example of every rule in `rules`; each rule runs alone.
pub fn run_examples(rules: &RuleSet) -> (usize, Vec<ExampleFailure>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for rule in rules.rules() {
        // A rule runs alone, except one that judges other rules' findings (suppressions).
        let alone = if rule.kind == crate::engine::Kind::UnusedSuppression {
            rules.clone()
        } else {
            rules.only(&rule.id)
        };
        for (i, example) in rule.examples.iter().enumerate() {
            ran += 1;
            if let Some(problem) = run_one(rule, &alone, example.bad.as_deref(), example.good.as_deref()) {
                let text = example.bad.clone().or_else(|| example.good.clone()).unwrap_or_default();
                failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    origin: rule.origin.clone(),
                    index: i + 1,
                    line: line_of(&rule.origin, &text),
                    text,
                    problem,
                });
            }
        }
    }
    (ran, failures)
}

fn run_one(rule: &Rule, alone: &RuleSet, bad: Option<&str>, good: Option<&str>) -> Option<String> {
    // Examples are Markdown body text: under a headline of their own, so they are never read
    // as one, and with suppression comments honoured.
    let findings = |t: &str| -> Vec<crate::engine::Finding> {
        // An example that brings its own headline ("Exports Down 40%\n\nExports fell …")
        // keeps it.
        // One that opens with front matter (its language, say) is an article as it stands.
        let article = if t.starts_with("---\n") {
            t.to_string()
        } else if t.contains("\n\n") {
            format!("# {t}\n")
        } else {
            format!("# Example\n\n{t}\n")
        };
        match crate::check_source("example.md", article, alone).outcome {
            Ok(file) => file.checked.findings.into_iter().filter(|f| f.rule == rule.id).collect(),
            Err(_) => Vec::new(),
        }
    };
    if let Some(text) = bad {
        let findings = findings(text);
        if findings.is_empty() {
            return Some(format!("bad example: expected {} to fire; nothing fired", rule.id));
        }
    }
    if let Some(text) = good {
        let findings = findings(text);
        if let Some(f) = findings.first() {
            return Some(format!("good example: expected no finding; {} fired: {}", rule.id, f.message));
        }
    }
    None
}

/// The line of a rule file on which `example` is written (its first line, as YAML quotes it
/// or not), read from the embedded pack or from disk.
fn line_of(origin: &str, example: &str) -> Option<usize> {
    let source = super::EMBEDDED_RULES
        .iter()
        .find(|(name, _)| *name == origin)
        .map(|(_, text)| text.to_string())
        .or_else(|| std::fs::read_to_string(origin).ok())?;
    let first = example.lines().next().filter(|l| !l.is_empty())?;
    let at = source.find(first)?;
    Some(source[..at].matches('\n').count() + 1)
}
