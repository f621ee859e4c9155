//! Every rule's `examples` in the shipped pack run as tests: each `bad` fires its rule and
//! each `good` does not.

use factlint::rules::{RuleSet, run_examples};

#[test]
fn every_shipped_rule_example_behaves_as_documented() {
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    let (ran, failures) = run_examples(&rules);
    let report: Vec<String> = failures
        .iter()
        .map(|f| format!("{} ({} example {}): {}\n    {}", f.rule, f.origin, f.index, f.problem, f.text))
        .collect();
    assert!(failures.is_empty(), "{} of {ran} examples failed:\n{}", failures.len(), report.join("\n"));
    assert!(ran >= rules.rules().len() * 2, "every rule has a bad and a good example");
}

#[test]
fn every_shipped_rule_has_bad_and_good_examples_and_docs() {
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    for rule in rules.rules() {
        assert!(rule.examples.iter().any(|e| e.bad.is_some()), "{} has no bad example", rule.id);
        assert!(rule.examples.iter().any(|e| e.good.is_some()), "{} has no good example", rule.id);
        let docs = &rule.docs;
        for (section, text) in [
            ("what-it-catches", &docs.what_it_catches),
            ("why-it-matters", &docs.why_it_matters),
            ("example", &docs.example),
            ("how-to-fix", &docs.how_to_fix),
        ] {
            assert!(!text.trim().is_empty(), "{} has no docs.{section}", rule.id);
        }
    }
}

#[test]
fn the_four_foundation_rules_are_shipped() {
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    for id in ["change-mismatch", "change-direction", "share-sum", "impossible-value"] {
        assert!(rules.get(id).is_some(), "missing rule {id}");
    }
}

#[test]
fn a_broken_example_is_reported() {
    let mut rules = RuleSet::default();
    let yaml = "id: wrong-example\nkind: impossible-value\nseverity: error\nsummary: s\nmessage: m\nexamples:\n  - bad: \"Prices fell 12%.\"\n  - good: \"Prices fell 120%.\"\n";
    rules.add_files([("pack/wrong.yml".to_string(), Ok(yaml.to_string()))]).expect("valid rule");
    let (ran, failures) = run_examples(&rules);
    assert_eq!(ran, 2);
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].problem.contains("expected wrong-example to fire"));
    assert!(failures[1].problem.contains("expected no finding"));
}
