//! Newsroom-written rules: the `assert` kind loaded from a folder as a user would, and its
//! expression errors refused with a pointer into the YAML.

mod common;

use common::factlint;

#[test]
fn the_example_desk_rules_pass_their_own_examples() {
    let (code, out, err) = factlint(&["rules", "test", "rules/examples"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("9 passed, 0 failed"), "{out}");
}

#[test]
fn desk_rules_loaded_from_a_folder_fire_on_an_article() {
    let (code, out, err) =
        factlint(&["check", "fixtures/desk-rules.txt", "--rules", "rules/examples", "--format", "jsonl"]);
    assert_eq!(code, 1, "{out}{err}");
    let rules: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["rule"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(rules, vec!["vote-share-over-100", "turnout-swing", "exchange-rate-consistency"], "{out}");
    assert!(out.contains("120% of the vote is more than the whole vote"), "{out}");
    // Without the pack, the shipped rules stay quiet on the same article.
    let (code, out, _) = factlint(&["check", "fixtures/desk-rules.txt", "--format", "jsonl"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn an_expression_that_does_not_parse_points_at_its_column() {
    let (code, _, err) = factlint(&["rules", "check", "fixtures/rule-packs/bad-expression"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the expression"), "{err}");
    assert!(err.contains("rule.yml:6:42"), "the exact column of the missing operand: {err}");
}

#[test]
fn an_unknown_field_in_an_expression_is_refused() {
    let (code, _, err) = factlint(&[
        "check",
        "fixtures/foreign-workers.txt",
        "--rules",
        "fixtures/rule-packs/unknown-expression-field",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `change.too`"), "{err}");
    assert!(err.contains("rule.yml:6:25"), "{err}");
}

#[test]
fn rules_test_names_the_file_line_and_what_fired() {
    let (code, out, _) = factlint(&["rules", "test", "fixtures/rule-packs/failing-example"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAIL wrong-example (fixtures/rule-packs/failing-example/rule.yml:8, example 2): bad example: expected wrong-example to fire; nothing fired"),
        "{out}"
    );
    assert!(out.contains("1 passed, 1 failed"), "{out}");
}
