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
    pub text: String,
    /// What went wrong, e.g. "expected change-mismatch to fire; nothing fired".
    pub problem: String,
}

/// Runs every example of every rule in `rules`; each rule runs alone.
pub fn run_examples(rules: &RuleSet) -> (usize, Vec<ExampleFailure>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for rule in rules.rules() {
        let alone = rules.only(&rule.id);
        for (i, example) in rule.examples.iter().enumerate() {
            ran += 1;
            if let Some(problem) = run_one(rule, &alone, example.bad.as_deref(), example.good.as_deref()) {
                failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    origin: rule.origin.clone(),
                    index: i + 1,
                    text: example.bad.clone().or_else(|| example.good.clone()).unwrap_or_default(),
                    problem,
                });
            }
        }
    }
    (ran, failures)
}

fn run_one(rule: &Rule, alone: &RuleSet, bad: Option<&str>, good: Option<&str>) -> Option<String> {
    // Examples are body text: under a headline of their own, so they are never read as one.
    let body = |t: &str| format!("Example\n\n{t}\n");
    if let Some(text) = bad {
        let findings = crate::check_text(&body(text), alone).findings;
        if findings.is_empty() {
            return Some(format!("bad example: expected {} to fire; nothing fired", rule.id));
        }
    }
    if let Some(text) = good {
        let findings = crate::check_text(&body(text), alone).findings;
        if let Some(f) = findings.first() {
            return Some(format!("good example: expected no finding; {} fired: {}", rule.id, f.message));
        }
    }
    None
}
