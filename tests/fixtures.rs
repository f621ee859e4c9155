//! The fixtures in `fixtures/`: which rules fire where, and the rendered diagnostics (insta
//! snapshots, unicode without colour, width 80).

use factlint::report::CheckedFile;
use factlint::report::human::{Style, render_finding};
use factlint::rules::RuleSet;

fn fixture(name: &str) -> (String, String) {
    let path = format!("fixtures/{name}");
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&path))
        .expect("fixture exists");
    (path, text)
}

/// (rule, line, column, figure text) of every finding, and the rendered report.
fn check(name: &str) -> (Vec<(String, usize, usize, String)>, String) {
    let (path, text) = fixture(name);
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    let checked = factlint::check_text(&text, &rules);
    let file = CheckedFile { source: text.clone(), checked };
    let mut rendered = String::new();
    let mut found = Vec::new();
    for f in &file.checked.findings {
        let line = text[..f.span.start].matches('\n').count() + 1;
        let column = text[..f.span.start].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        found.push((f.rule.clone(), line, column, f.span.slice(&text).to_string()));
        rendered.push_str(&render_finding(&path, &file, f, Style::default()));
        rendered.push('\n');
    }
    (found, rendered)
}

fn rules_of(found: &[(String, usize, usize, String)]) -> Vec<&str> {
    found.iter().map(|f| f.0.as_str()).collect()
}

#[test]
fn the_consistent_article_is_quiet() {
    let (found, _) = check("foreign-workers.txt");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn over_sixty_percent_is_one_change_mismatch_on_three_figures() {
    let (path, text) = fixture("foreign-workers-over-60.txt");
    let rules = RuleSet::builtin().expect("valid pack");
    let checked = factlint::check_text(&text, &rules);
    assert_eq!(checked.findings.len(), 1, "{:?}", checked.findings);
    let finding = &checked.findings[0];
    assert_eq!(finding.rule, "change-mismatch");
    let labelled: Vec<&str> = finding.labels.iter().map(|l| l.span.slice(&text)).collect();
    assert_eq!(labelled, vec!["37,000", "22,000", "over 60%"]);
    let help = finding.help.as_deref().unwrap_or("");
    assert!(help.contains("−40.5%") && help.contains("−38.4% to −42.7%"), "{help}");
    let file = CheckedFile { source: text.clone(), checked: checked.clone() };
    insta::assert_snapshot!("over_60", render_finding(&path, &file, finding, Style::default()));
}

#[test]
fn change_mismatch_fixture() {
    let (found, rendered) = check("rules/change-mismatch.txt");
    assert_eq!(rules_of(&found), vec!["change-mismatch", "change-mismatch", "change-mismatch"], "{found:?}");
    assert_eq!(found[0].3, "12%");
    assert_eq!(found[1].3, "10%");
    // The stated change right before its levels, with no comma between.
    assert_eq!(found[2].3, "40%");
    insta::assert_snapshot!("change_mismatch", rendered);
}

#[test]
fn change_direction_fixture() {
    let (found, rendered) = check("rules/change-direction.txt");
    assert_eq!(rules_of(&found), vec!["change-direction", "change-direction"], "{found:?}");
    assert_eq!((found[0].3.as_str(), found[1].3.as_str()), ("rose", "dropped"));
    insta::assert_snapshot!("change_direction", rendered);
}

#[test]
fn share_sum_fixture() {
    let (found, rendered) = check("rules/share-sum.txt");
    assert_eq!(rules_of(&found), vec!["share-sum", "share-sum"], "{found:?}");
    assert_eq!((found[0].1, found[1].1), (3, 4), "the two true positives, not the negatives");
    insta::assert_snapshot!("share_sum", rendered);
}

#[test]
fn impossible_value_fixture() {
    let (found, rendered) = check("rules/impossible-value.txt");
    assert_eq!(rules_of(&found), vec!["impossible-value"], "{found:?}");
    assert_eq!(found[0].3, "120%");
    assert_eq!(found[0].1, 3);
    insta::assert_snapshot!("impossible_value", rendered);
}

#[test]
fn variants_of_the_seed_article_fire_each_foundation_rule() {
    let rules = RuleSet::builtin().expect("valid pack");
    let (_, seed) = fixture("foreign-workers.txt");
    let variants = [
        (
            "The city's unemployment rate fell from 6.1% to 4.3%",
            "The city's unemployment rate rose from 31% to 26%",
            "change-direction",
        ),
        (
            "35% work in\nconstruction, 28% in care homes and 22% in hospitality",
            "35% work in\nconstruction, 28% in care homes and 44% in hospitality",
            "share-sum",
        ),
        (
            "Applications for work permits dropped\n25% to 4,500",
            "Applications for work permits fell\n120% to 4,500",
            "impossible-value",
        ),
    ];
    for (from, to, rule) in variants {
        assert!(seed.contains(from), "the fixture holds {from:?}");
        let text = seed.replace(from, to);
        let findings = factlint::check_text(&text, &rules).findings;
        let ids: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(ids.contains(&rule), "{rule} expected for {to:?}, got {ids:?}");
    }
}

/// (fixture, the rules expected to fire in order, the lines they fire on)
const RULE_FIXTURES: &[(&str, &[&str], &[usize])] = &[
    ("rules/percent-points.txt", &["percent-points", "percent-points"], &[3, 4]),
    ("rules/share-mismatch.txt", &["share-mismatch", "share-mismatch"], &[3, 4]),
    ("rules/total-mismatch.txt", &["total-mismatch", "total-mismatch"], &[3, 4]),
    ("rules/multiple-mismatch.txt", &["multiple-mismatch", "multiple-mismatch"], &[3, 3]),
    (
        "rules/quantifier-mismatch.txt",
        &["quantifier-mismatch", "quantifier-mismatch", "quantifier-mismatch"],
        &[3, 3, 4],
    ),
    ("rules/headline-mismatch.txt", &["headline-mismatch"], &[1]),
    ("rules/headline-mismatch-negative.txt", &[], &[]),
    ("rules/unit-mismatch.txt", &["unit-mismatch"], &[3]),
    ("rules/implied-base.txt", &["implied-base"], &[3]),
    ("negatives.txt", &[], &[]),
];

#[test]
fn catalogue_fixtures_fire_only_on_their_true_positives() {
    for (name, rules, lines) in RULE_FIXTURES {
        let (found, rendered) = check(name);
        assert_eq!(rules_of(&found), rules.to_vec(), "{name}: {found:?}");
        let found_lines: Vec<usize> = found.iter().map(|f| f.1).collect();
        assert_eq!(found_lines, lines.to_vec(), "{name}");
        let snapshot = name.trim_end_matches(".txt").replace('/', "__");
        insta::assert_snapshot!(snapshot, rendered);
    }
}
