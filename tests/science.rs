//! Science writing: p-values that do not follow from their statistics (`stat-p-mismatch`,
//! `stat-decision-error`) and impossible means (`grim`), over the fixtures in
//! `fixtures/science/` and over single sentences; rendered diagnostics are insta snapshots.

use factlint::report::CheckedFile;
use factlint::report::human::{Style, render_finding};
use factlint::rules::{RuleSet, run_examples};

const SCIENCE_RULES: [&str; 3] = ["stat-p-mismatch", "stat-decision-error", "grim"];

fn rules() -> RuleSet {
    RuleSet::builtin().expect("the shipped pack is valid")
}

/// (rule, figure text) of every finding in `text`, checked as body text.
fn findings(text: &str) -> Vec<(String, String)> {
    let body = format!("\n{text}\n");
    factlint::check_text(&body, &rules())
        .findings
        .into_iter()
        .map(|f| (f.rule.clone(), f.span.slice(&body).to_string()))
        .collect()
}

fn fired(text: &str) -> Vec<String> {
    findings(text).into_iter().map(|f| f.0).collect()
}

/// (rule, line, figure text) of every finding of a fixture, and the rendered report.
fn fixture(name: &str) -> (Vec<(String, usize, String)>, String) {
    let path = format!("fixtures/science/{name}");
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&path))
        .expect("fixture exists");
    let checked = factlint::check_text(&text, &rules());
    let file = CheckedFile { source: text.clone(), checked };
    let mut found = Vec::new();
    let mut rendered = String::new();
    for f in &file.checked.findings {
        let line = text[..f.span.start].matches('\n').count() + 1;
        found.push((f.rule.clone(), line, f.span.slice(&text).to_string()));
        rendered.push_str(&render_finding(&path, &file, f, Style { color: false, width: 80 }));
        rendered.push('\n');
    }
    (found, rendered)
}

fn row(rule: &str, line: usize, figure: &str) -> (String, usize, String) {
    (rule.to_string(), line, figure.to_string())
}

#[test]
fn the_science_rules_examples_behave_as_documented() {
    let rules = rules();
    for id in SCIENCE_RULES {
        assert!(rules.get(id).is_some(), "{id} is shipped");
    }
    let (_, failures) = run_examples(&rules);
    let ours: Vec<String> = failures
        .iter()
        .filter(|f| SCIENCE_RULES.contains(&f.rule.as_str()))
        .map(|f| format!("{} example {}: {}\n    {}", f.rule, f.index, f.problem, f.text))
        .collect();
    assert!(ours.is_empty(), "{}", ours.join("\n"));
}

#[test]
fn news_story() {
    let (found, rendered) = fixture("news-story.txt");
    assert_eq!(
        found,
        vec![
            row("stat-p-mismatch", 9, "p = .03"),
            row("stat-decision-error", 12, "p = .04"),
            row("grim", 19, "5.19"),
            row("grim", 22, "10.5%"),
        ],
        // Quiet: "t(58) = 0.84, ns" and F(1, 58) = 0.92, p = .34 (consistent); 39.3% of 28
        // (11/28); the mean of 3.47 from 1,204 people, where every mean is possible.
    );
    insta::assert_snapshot!("news_story", rendered);
}

#[test]
fn results_section() {
    let (found, rendered) = fixture("results-section.txt");
    assert_eq!(
        found,
        vec![
            row("stat-decision-error", 9, "p = .04"),
            row("stat-decision-error", 12, "ns"),
            row("stat-p-mismatch", 16, "p = .000"),
            row("grim", 20, "3.91"),
        ],
        // Quiet: every other result; M = 4.37 from 84 (367/84); the mean age; M = 5.19 where
        // the only n is per condition.
    );
    insta::assert_snapshot!("results_section", rendered);
}

#[test]
fn one_sided_results() {
    let (found, rendered) = fixture("one-sided-results.txt");
    // p = .039, .048 and .30 are right one-tailed; p = .04 for t(48) = 1.20 is wrong either
    // way and flips the conclusion; p = .03 for t(48) = 2.90 is wrong but stays significant.
    assert_eq!(found, vec![row("stat-decision-error", 8, "p = .04"), row("stat-p-mismatch", 10, "p = .03")]);
    insta::assert_snapshot!("one_sided_results", rendered);
}

#[test]
fn each_test_is_checked() {
    for text in [
        "The groups differed, t(28) = 2.20, p = .03.",
        "Diet mattered, F(2, 28) = 2.20, p = .15.",
        "Height predicted pay, r(28) = .22, p = .26.",
        "Choices differed, chi2(28) = 22.20, p = .79.",
        "Choices differed, χ²(28) = 22.20, p = .79.",
        "The effect held, z = 2.20, p = .04.",
        "Studies varied, Q(28) = 22.20, p = .79.",
        "Scores fell, t(28) = −2.20, p = .03.",
        "Scores fell, t(28) = –2.20; p = .03.",
    ] {
        assert_eq!(fired(text), vec!["stat-p-mismatch"], "{text}");
    }
    for text in [
        "The groups differed, t(28) = 2.20, p = .036.",
        "The groups differed, t(28) = 2.2, p = .03.",
        "Scores fell, Z = -2.42, p = 0.016.",
        "The association held, χ2(1, N = 11,455) = 16.78, p < .001.",
        "Conditions differed, F(l, 76) = 23.95, p < .001.",
        "Scores rose, t(28) = 2.0, p < .05.",
    ] {
        assert!(fired(text).is_empty(), "{text}: {:?}", fired(text));
    }
}

#[test]
fn decision_errors_are_errors_and_reported_once() {
    let text = "\nSleep improved, t(28) = 1.20, p = .03.\n";
    let checked = factlint::check_text(text, &rules());
    assert_eq!(checked.findings.len(), 1, "{:?}", checked.findings);
    let f = &checked.findings[0];
    assert_eq!((f.rule.as_str(), f.severity.name()), ("stat-decision-error", "error"));
    assert_eq!(
        f.message,
        "“p = .03” says significant, but t(28) = 1.20 gives p = .240 (two-tailed): not significant at α = .05"
    );
    let labelled: Vec<&str> = f.labels.iter().map(|l| l.span.slice(text)).collect();
    assert_eq!(labelled, vec!["t(28) = 1.20", "p = .03"]);
    // "ns" and "p > .05" for a significant statistic.
    assert_eq!(fired("No effect emerged, t(28) = 2.20, ns."), vec!["stat-decision-error"]);
    assert_eq!(fired("No effect emerged, t(28) = 2.20, p > .05."), vec!["stat-decision-error"]);
    assert!(fired("No effect emerged, t(28) = 1.20, ns.").is_empty());
    // A plain inconsistency is a warning.
    let checked = factlint::check_text("\nThe groups differed, t(28) = 2.20, p = .03.\n", &rules());
    assert_eq!(checked.findings[0].severity.name(), "warning");
    assert_eq!(
        checked.findings[0].help.as_deref(),
        Some(
            "t(28) = 2.20 gives p = .036 (two-tailed; .036 to .037 given rounding of 2.20): no p in that range rounds to .03"
        )
    );
}

#[test]
fn one_sided_tests_follow_the_text() {
    let result = "t(28) = 2.20, p = .018.";
    assert_eq!(fired(&format!("Scores rose, {result}")), vec!["stat-p-mismatch"]);
    for cue in ["one-tailed", "one-sided", "one tailed", "directional"] {
        assert!(fired(&format!("We ran {cue} tests. Scores rose, {result}")).is_empty(), "{cue}");
    }
    assert_eq!(
        fired(&format!("We ran non-directional tests. Scores rose, {result}")),
        vec!["stat-p-mismatch"]
    );
}

#[test]
fn adjusted_p_values_may_exceed_the_statistics() {
    assert!(fired("After Bonferroni correction the groups differed, t(28) = 2.20, p = .11.").is_empty());
    // An adjustment never makes a p smaller.
    assert_eq!(
        fired("After Bonferroni correction the groups differed, t(28) = 2.20, p = .01."),
        vec!["stat-p-mismatch"]
    );
}

#[test]
fn p_of_zero_is_an_error() {
    assert_eq!(
        findings("The effect was large, t(28) = 22.20, p = .000."),
        vec![("stat-p-mismatch".into(), "p = .000".into())]
    );
    assert!(fired("The effect was large, t(28) = 22.20, p < .001.").is_empty());
}

#[test]
fn grim_keeps_decimals_as_written() {
    let sentence = |m: &str| format!("Participants (N = 28) rated the film on a 1–7 scale (M = {m}).");
    assert_eq!(fired(&sentence("5.19")), vec!["grim"]);
    assert_eq!(fired(&sentence("5.20")), vec!["grim"]);
    assert!(fired(&sentence("5.2")).is_empty());
    assert!(fired(&sentence("5.21")).is_empty());
    let text = format!("\n{}\n", sentence("5.19"));
    let f = &factlint::check_text(&text, &rules()).findings[0];
    assert_eq!(f.message, "a mean of 5.19 is impossible with N = 28: no whole-number total gives it");
    assert_eq!(
        f.help.as_deref(),
        Some(
            "5.19 × 28 = 145.32, not a whole number; the nearest possible means are 5.18 (145/28) and 5.21 (146/28)"
        )
    );
}

#[test]
fn grim_needs_whole_numbers_and_a_stated_n() {
    // No cue that the data are whole numbers.
    assert!(fired("The 28 participants had a mean score of 5.19.").is_empty());
    // No sample size.
    assert!(fired("Participants rated the film on a 1–7 scale (M = 5.19).").is_empty());
    // Large n: every two-decimal mean is possible.
    assert!(fired("The 280 participants rated the film on a 1–7 scale (M = 5.19).").is_empty());
    // A named instrument has several items.
    assert!(
        fired("The 28 participants rated themselves on the Rosenberg Self-Esteem Scale (M = 3.19).")
            .is_empty()
    );
    // Several items, number unknown; then stated.
    assert!(fired("The 28 participants rated the film on a 1–7 composite scale (M = 5.19).").is_empty());
    // With 40 people, 5.19 needs two items per person (415/80 = 5.1875).
    assert_eq!(fired("The 40 participants rated the film on a 1–7 scale (M = 5.19)."), vec!["grim"]);
    assert!(fired("The 40 participants rated a 2-item scale (M = 5.19).").is_empty());
    // A percentage of people.
    assert_eq!(fired("Of the 28 patients, 39.5% said the pain had eased."), vec!["grim"]);
    assert!(fired("Of the 28 patients, 39.3% said the pain had eased.").is_empty());
    assert_eq!(fired("In the end 12.5% of the 28 patients said the pain had eased."), vec!["grim"]);
}

#[test]
fn statistics_and_means_are_claims() {
    let text = "\nParticipants (N = 28) rated the film on a 1–7 scale (M = 5.19), t(27) = 2.20, p = .03.\n";
    let json = factlint::report::claims_json::render("results.txt", &factlint::read_text(text));
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let claims = value["claims"].as_array().expect("claims");
    let kinds: Vec<&str> = claims.iter().filter_map(|c| c["kind"].as_str()).collect();
    assert!(kinds.contains(&"statistic") && kinds.contains(&"mean"), "{kinds:?}");
    let stat = claims.iter().find(|c| c["kind"] == "statistic").expect("a statistic");
    assert_eq!(
        (stat["test"].as_str(), stat["df"][0].as_f64(), stat["value"]["text"].as_str()),
        (Some("t"), Some(27.0), Some("2.20"))
    );
    assert_eq!(
        (stat["p"]["comparison"].as_str(), stat["p"]["value"]["text"].as_str()),
        (Some("="), Some(".03"))
    );
    let mean = claims.iter().find(|c| c["kind"] == "mean").expect("a mean");
    assert_eq!(
        (mean["value"]["text"].as_str(), mean["n"][0]["value"].as_u64(), mean["items"].as_u64()),
        (Some("5.19"), Some(28), Some(1))
    );
}
