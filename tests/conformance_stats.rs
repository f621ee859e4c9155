//! Conformance of `stat-p-mismatch` / `stat-decision-error` with statcheck and of `grim` with
//! the scrutiny package, over the oracle cases in `../shared/external/{statcheck,grim}/cases.tsv`.
//!
//! Run with `cargo test --test conformance_stats -- --nocapture` to see the agreement per
//! suite. When `../shared` is absent the tests say so and pass: the project's own tests never
//! need it. A disagreement fails the test unless it is listed in [`INTENDED`] with its reason.
#![allow(clippy::print_stdout)]

use factlint::engine::grim;
use factlint::engine::stat_p::{Settings, evaluate};
use factlint::parse::claims::{Claim, Comparison, StatisticClaim, TestKind};
use factlint::rules::RuleSet;
use std::path::PathBuf;

/// statcheck cases where factlint differs on purpose, with the reason.
const INTENDED: &[(&str, &str)] = &[(
    "39",
    "factlint reads a semicolon between statistic and p (\"t(28) = 2.20; p = .03\"), as issue 4 asks; \
     statcheck 1.6 reads only a comma, so it extracts nothing. factlint then flags the result \
     (t(28) = 2.20 gives p = .036), exactly as statcheck flags the comma form in case 1.",
)];

fn shared(path: &str) -> Option<String> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/external").join(path);
    match std::fs::read_to_string(&full) {
        Ok(text) => Some(text),
        Err(_) => {
            println!("conformance: {} is absent; skipped", full.display());
            None
        }
    }
}

/// The rows of a TSV file as maps from column name to cell, skipping `#` comment lines.
fn rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let Some(header) = lines.next() else { return Vec::new() };
    let names: Vec<&str> = header.split('\t').collect();
    lines
        .map(|line| {
            names
                .iter()
                .zip(line.split('\t').chain(std::iter::repeat("")))
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// statcheck's options for a case, under factlint's names: statcheck's defaults, then the
/// case's own. statcheck's OneTailedTxt is off by default, factlint's `one_sided_text` on.
fn statcheck_options(options: &str) -> Vec<(&'static str, f64)> {
    let mut out = vec![
        ("alpha", 0.05),
        ("tails", 2.0),
        ("one_sided_text", 0.0),
        ("p_zero_error", 1.0),
        ("p_equal_alpha_significant", 1.0),
    ];
    let set = |out: &mut Vec<(&'static str, f64)>, name: &'static str, v: f64| {
        if let Some(o) = out.iter_mut().find(|o| o.0 == name) {
            o.1 = v;
        }
    };
    let body = options.trim().trim_start_matches('{').trim_end_matches('}');
    for pair in body.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((key, value)) = pair.split_once(':') else { continue };
        let key = key.trim().trim_matches('\'');
        let value = value.trim();
        let flag = if value == "True" { 1.0 } else { 0.0 };
        match key {
            "OneTailedTests" => set(&mut out, "tails", if flag == 1.0 { 1.0 } else { 2.0 }),
            "OneTailedTxt" => set(&mut out, "one_sided_text", flag),
            "pZeroError" => set(&mut out, "p_zero_error", flag),
            "pEqualAlphaSig" => set(&mut out, "p_equal_alpha_significant", flag),
            "alpha" => set(&mut out, "alpha", value.parse().unwrap_or(0.05)),
            other => panic!("unknown statcheck option {other}"),
        }
    }
    out
}

fn stat_rules(options: &[(&'static str, f64)]) -> RuleSet {
    let mut rules = RuleSet::builtin().expect("the shipped pack is valid");
    let ids: Vec<String> = rules.rules().iter().map(|r| r.id.clone()).collect();
    for id in ids {
        let Some(rule) = rules.get_mut(&id) else { continue };
        rule.enabled = id == "stat-p-mismatch" || id == "stat-decision-error";
        for (name, value) in options {
            if rule.enabled {
                rule.options.insert(name.to_string(), *value);
            }
        }
    }
    rules
}

fn settings(options: &[(&'static str, f64)]) -> Settings {
    let get = |name: &str| options.iter().find(|o| o.0 == name).map_or(0.0, |o| o.1);
    Settings {
        alpha: get("alpha"),
        one_tailed: get("tails") == 1.0,
        one_sided_text: get("one_sided_text") != 0.0,
        p_zero_error: get("p_zero_error") != 0.0,
        p_equal_alpha_significant: get("p_equal_alpha_significant") != 0.0,
    }
}

/// statcheck's name for a test type.
fn statcheck_type(test: TestKind) -> &'static str {
    match test {
        TestKind::T => "t",
        TestKind::F => "F",
        TestKind::R => "r",
        TestKind::Chi2 => "Chi2",
        TestKind::Z => "Z",
        TestKind::Q => "Q",
        TestKind::Qw => "Qw",
        TestKind::Qb => "Qb",
    }
}

fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::Equal => "=",
        Comparison::Less => "<",
        Comparison::Greater => ">",
        Comparison::NotSignificant => "ns",
    }
}

/// What factlint read, in statcheck's columns (df1 and df2 as statcheck places them).
fn parsed_columns(s: &StatisticClaim) -> Vec<(&'static str, String)> {
    let num = |v: Option<f64>| {
        v.map_or("NA".to_string(), |d| if d.fract() == 0.0 { format!("{d:.0}") } else { d.to_string() })
    };
    let (df1, df2) = match s.test {
        TestKind::F => (s.df.first().copied(), s.df.get(1).copied()),
        TestKind::T | TestKind::R => (None, s.df.first().copied()),
        TestKind::Z => (None, None),
        _ => (s.df.first().copied(), None),
    };
    let p = s.p.value.as_ref();
    vec![
        ("parsed_type", statcheck_type(s.test).to_string()),
        ("parsed_value", s.value.text.clone()),
        ("df1", num(df1)),
        ("df2", num(df2)),
        ("test_comp", comparison(s.comparison).to_string()),
        ("p_comp", comparison(s.p.comparison).to_string()),
        ("reported_p", p.map_or("NA".to_string(), |v| v.text.clone())),
        ("test_dec", s.value.decimals.to_string()),
        ("p_dec", p.map_or(0, |v| v.decimals).to_string()),
    ]
}

#[test]
fn statcheck_suite() {
    let Some(text) = shared("statcheck/cases.tsv") else { return };
    let cases = rows(&text);
    let (mut agree, mut computed_checked, mut computed_agree, mut derived_checked, mut derived_agree) =
        (0, 0, 0, 0, 0);
    let (mut explained, mut unexplained) = (Vec::new(), Vec::new());
    for case in &cases {
        let id = case["id"].as_str();
        let options = statcheck_options(&case["options"]);
        let input = format!("\n{}\n", case["input"]);
        let checked = factlint::check_text(&input, &stat_rules(&options));
        let stats: Vec<&StatisticClaim> = checked
            .article
            .claims
            .iter()
            .filter_map(|c| if let Claim::Statistic(s) = c { Some(s) } else { None })
            .collect();
        let mut problems = Vec::new();
        let expect_none = case["expected_extraction"].starts_with("NO result");
        match (expect_none, stats.as_slice()) {
            (true, []) => {}
            (true, found) => {
                problems.push(format!("statcheck extracts nothing; factlint read {} result(s)", found.len()))
            }
            (false, [one]) => {
                for (column, ours) in parsed_columns(one) {
                    if case[column] != ours {
                        problems.push(format!("{column}: statcheck {}, factlint {ours}", case[column]));
                    }
                }
                if let (Ok(derived), Some(v)) =
                    (case["derived_computed_p"].parse::<f64>(), evaluate(one, &settings(&options)))
                {
                    computed_checked += 1;
                    if (v.computed - derived).abs() <= 1e-5 * derived.max(1e-12) + 1e-12
                        || (v.computed - derived).abs() < 5e-7
                    {
                        computed_agree += 1;
                    } else {
                        problems.push(format!("computed p: derived {derived}, factlint {}", v.computed));
                    }
                }
            }
            (false, found) => {
                problems.push(format!("statcheck extracts 1 result; factlint read {}", found.len()))
            }
        }
        let error = !checked.findings.is_empty();
        let decision = checked.findings.iter().any(|f| f.rule == "stat-decision-error");
        for (column, ours) in [("expected_error", error), ("expected_decision_error", decision)] {
            match case[column].as_str() {
                "TRUE" if !ours => problems.push(format!("{column}: statcheck TRUE, factlint FALSE")),
                "FALSE" if ours => problems.push(format!("{column}: statcheck FALSE, factlint TRUE")),
                _ => {}
            }
        }
        // The derived columns are a re-implementation, not upstream assertions: counted apart.
        for (column, ours) in [("derived_error", error), ("derived_decision_error", decision)] {
            if let Some(derived) = match case[column].as_str() {
                "TRUE" => Some(true),
                "FALSE" => Some(false),
                _ => None,
            } {
                derived_checked += 1;
                if derived == ours {
                    derived_agree += 1;
                } else {
                    problems.push(format!("{column}: derived {derived}, factlint {ours}"));
                }
            }
        }
        if problems.is_empty() {
            agree += 1;
        } else if let Some((_, why)) = INTENDED.iter().find(|(i, _)| *i == id) {
            explained.push(format!("case {id} `{}`: {} — {why}", case["input"].trim(), problems.join("; ")));
        } else {
            unexplained.push(format!("case {id} `{}`: {}", case["input"].trim(), problems.join("; ")));
        }
    }
    println!(
        "statcheck: {agree}/{} cases agree ({:.1}%); computed p matches the derived column in {computed_agree}/{computed_checked}, error and decision error the derived columns in {derived_agree}/{derived_checked}",
        cases.len(),
        100.0 * agree as f64 / cases.len() as f64
    );
    for line in explained.iter() {
        println!("  intended: {line}");
    }
    for line in unexplained.iter() {
        println!("  DISAGREES: {line}");
    }
    assert!(unexplained.is_empty(), "unexplained disagreements with statcheck:\n{}", unexplained.join("\n"));
    assert_eq!(agree + explained.len(), cases.len());
    let stale: Vec<&str> = INTENDED
        .iter()
        .map(|(i, _)| *i)
        .filter(|i| !explained.iter().any(|e| e.starts_with(&format!("case {i} "))))
        .collect();
    assert!(stale.is_empty(), "listed as intended but agreeing now: {stale:?}");
}

/// A sentence that states the case's sample, items and figure the way a results section
/// does; `None` for a percentage over 100, which no share of people can be.
fn grim_sentence(x: &str, n: &str, items: &str, percent: bool) -> Option<String> {
    if percent {
        let value: f64 = x.parse().ok()?;
        return (value <= 100.0).then(|| format!("\nOf the {n} participants, {x}% agreed.\n"));
    }
    Some(if items == "1" {
        format!("\nParticipants (N = {n}) rated the statement on a 1–7 scale (M = {x}).\n")
    } else {
        format!("\nParticipants (N = {n}) rated a {items}-item scale (M = {x}).\n")
    })
}

#[test]
fn grim_suite() {
    let Some(text) = shared("grim/cases.tsv") else { return };
    let cases = rows(&text);
    let mut rules = RuleSet::builtin().expect("the shipped pack is valid");
    let ids: Vec<String> = rules.rules().iter().map(|r| r.id.clone()).collect();
    for id in ids {
        if let Some(rule) = rules.get_mut(&id) {
            rule.enabled = id == "grim";
        }
    }
    let (mut agree, mut through_text, mut text_agree) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for case in &cases {
        let (x, n, items) = (case["x"].as_str(), case["n"].as_str(), case["items"].as_str());
        let percent = case["percent"] == "TRUE";
        let expected = case["expected_consistent"] == "TRUE";
        let (Ok(n_value), Ok(items_value)) = (n.parse::<u64>(), items.parse::<u32>()) else {
            panic!("bad row {case:?}")
        };
        let ours = grim::consistent(x, n_value, items_value, percent);
        if ours == Some(expected) {
            agree += 1;
        } else {
            disagreements.push(format!(
                "{} x={x} n={n} items={items} percent={percent}: scrutiny {expected}, factlint {ours:?}",
                case["source"]
            ));
        }
        if let Some(sentence) = grim_sentence(x, n, items, percent) {
            through_text += 1;
            let fired = !factlint::check_text(&sentence, &rules).findings.is_empty();
            if fired != expected {
                text_agree += 1;
            } else {
                disagreements.push(format!(
                    "through text {sentence:?}: scrutiny consistent={expected}, grim fired={fired}"
                ));
            }
        }
    }
    println!(
        "grim: {agree}/{} cases agree ({:.1}%); through text: {text_agree}/{through_text} (the other {} are percentages over 100%, which no sentence about people states)",
        cases.len(),
        100.0 * agree as f64 / cases.len() as f64,
        cases.len() - through_text
    );
    for line in &disagreements {
        println!("  DISAGREES: {line}");
    }
    assert!(disagreements.is_empty(), "disagreements with scrutiny:\n{}", disagreements.join("\n"));
}
