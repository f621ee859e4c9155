//! The command line end to end: stdout, stderr and exit code recorded together.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `factlint` in the crate root and returns "exit: N", stdout and stderr as one text.
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    }
    drop(child.stdin.take());
    let output = child.wait_with_output().expect("factlint finishes");
    let code = output.status.code().unwrap_or(-1);
    let text = format!(
        "exit: {code}\n--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (code, text)
}

#[test]
fn consistent_article_exits_zero() {
    let (code, text) = run(&["check", "fixtures/foreign-workers.txt"], None);
    assert_eq!(code, 0, "{text}");
    insta::assert_snapshot!("check_clean", text);
}

#[test]
fn inconsistent_article_exits_one_with_the_diagnostic() {
    let (code, text) = run(&["check", "fixtures/foreign-workers-over-60.txt"], None);
    assert_eq!(code, 1, "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not on a terminal");
    insta::assert_snapshot!("check_over_60", text);
}

#[test]
fn json_output_has_the_documented_shape() {
    let (code, text) = run(&["check", "fixtures/foreign-workers-over-60.txt", "--format", "json"], None);
    assert_eq!(code, 1, "{text}");
    let stdout = text.split("--- stdout\n").nth(1).and_then(|s| s.split("--- stderr").next()).unwrap_or("");
    let json: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let finding = &json["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "change-mismatch");
    assert_eq!(finding["severity"], "error");
    // "over 60%" starts at line 4, column 4 and ends before column 12.
    assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(4), Some(4)));
    assert_eq!((finding["end_line"].as_u64(), finding["end_column"].as_u64()), (Some(4), Some(12)));
    assert_eq!(finding["labels"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["files"][0]["error"], serde_json::Value::Null);
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "findings": 1, "error": 1, "warning": 0, "info": 0})
    );
    insta::assert_snapshot!("check_json", text);
}

#[test]
fn stdin_is_read_with_dash() {
    let (code, text) =
        run(&["check", "-", "--stdin-filename", "story.txt"], Some("Title\n\nPrices fell 120% last year.\n"));
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("story.txt:3:13"), "{text}");
    assert!(text.contains("impossible-value"), "{text}");
}

#[test]
fn fail_on_and_exit_zero() {
    let (code, _) = run(&["check", "fixtures/foreign-workers-over-60.txt", "--exit-zero"], None);
    assert_eq!(code, 0);
    let (code, _) = run(&["check", "fixtures/foreign-workers.txt", "--fail-on", "info"], None);
    assert_eq!(code, 0);
}

#[test]
fn missing_file_exits_two_and_other_files_are_still_checked() {
    let (code, text) =
        run(&["check", "fixtures/no-such-file.txt", "fixtures/foreign-workers-over-60.txt"], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("fixtures/no-such-file.txt: no such file or folder"), "{text}");
    assert!(text.contains("change-mismatch"), "the readable file is still reported: {text}");
}

#[test]
fn invalid_utf8_names_the_file_and_byte() {
    let dir = std::env::temp_dir().join(format!("factlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 prices fell 12%.\n").expect("write");
    let (code, text) = run(&["check", bad.to_str().expect("utf-8 path")], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("latin1.txt: invalid UTF-8 at byte offset 3"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folders_are_walked_in_order() {
    let (code, text) = run(&["check", "fixtures/rules", "--format", "json"], None);
    assert_eq!(code, 1, "{text}");
    let paths: Vec<&str> = text.lines().filter_map(|l| l.trim().strip_prefix("\"path\": \"")).collect();
    assert!(paths.len() >= 4, "{text}");
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn a_misspelt_field_in_a_rule_pack_points_into_the_yaml() {
    let (code, text) = run(
        &["check", "fixtures/foreign-workers.txt", "--rules", "fixtures/rule-packs/misspelt-field"],
        None,
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("sevrity"), "{text}");
    assert!(text.contains("change.yml:3"), "names file and line: {text}");
    insta::assert_snapshot!("rules_misspelt_field", text);
}

#[test]
fn an_unknown_kind_lists_the_valid_ones() {
    let (code, text) = run(&["rules", "check", "fixtures/rule-packs/unknown-kind"], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("unknown rule kind `percent-change`"), "{text}");
    assert!(text.contains("valid kinds: change, change-direction"), "{text}");
    insta::assert_snapshot!("rules_unknown_kind", text);
}

#[test]
fn an_unknown_placeholder_is_refused() {
    let (code, text) = run(&["rules", "check", "fixtures/rule-packs/bad-placeholder"], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("unknown placeholder `{truth}`"), "{text}");
}

#[test]
fn malformed_yaml_is_refused_with_its_place() {
    let (code, text) = run(&["rules", "check", "fixtures/rule-packs/malformed"], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("change.yml"), "{text}");
}

#[test]
fn a_missing_rules_folder_is_refused() {
    let (code, text) =
        run(&["check", "fixtures/foreign-workers.txt", "--rules", "fixtures/no-such-pack"], None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("cannot read the rules folder fixtures/no-such-pack"), "{text}");
}

#[test]
fn a_valid_user_pack_adds_its_rule_and_its_examples_pass() {
    let (code, text) = run(&["rules", "test", "fixtures/rule-packs/valid"], None);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("2 passed, 0 failed"), "{text}");
    let (code, text) = run(
        &["check", "-", "--rules", "fixtures/rule-packs/valid"],
        Some("T\n\nPrices fell 60% in a year.\n"),
    );
    assert_eq!(code, 0, "a warning does not fail the default --fail-on error: {text}");
    assert!(text.contains("big-fall"), "{text}");
}

#[test]
fn rules_list_and_explain() {
    let (code, text) = run(&["rules", "list"], None);
    assert_eq!(code, 0, "{text}");
    for id in ["change-mismatch", "change-direction", "share-sum", "impossible-value"] {
        assert!(text.contains(id), "{id} listed: {text}");
    }
    let (code, text) = run(&["explain", "change-mismatch"], None);
    assert_eq!(code, 0, "{text}");
    for section in ["## What it catches", "## Why it matters", "## Example", "## How to fix"] {
        assert!(text.contains(section), "{section}: {text}");
    }
    insta::assert_snapshot!("explain_change_mismatch", text);
    let (code, text) = run(&["explain", "no-such-rule"], None);
    assert_eq!(code, 2, "{text}");
}

#[test]
fn claims_json_lists_figures_and_claims() {
    let (code, text) = run(&["claims", "fixtures/foreign-workers.txt"], None);
    assert_eq!(code, 0, "{text}");
    let stdout = text.split("--- stdout\n").nth(1).and_then(|s| s.split("--- stderr").next()).unwrap_or("");
    let json: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    let quantities = json["quantities"].as_array().expect("quantities");
    let first = &quantities[0];
    assert_eq!(first["text"], "22,000");
    assert_eq!(
        (first["value"].as_f64(), first["low"].as_f64(), first["high"].as_f64()),
        (Some(22000.0), Some(21500.0), Some(22500.0))
    );
    assert_eq!(first["unit"], "count");
    let over = quantities.iter().find(|q| q["text"] == "over 40%").expect("over 40%");
    assert_eq!(
        (over["value"].as_f64(), over["unit"].as_str(), over["qualifier"].as_str()),
        (Some(40.0), Some("percent"), Some("over"))
    );
    assert_eq!(over["high"], serde_json::Value::Null, "an open bound is null");
    let change = json["claims"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["kind"] == "change"))
        .expect("a change claim");
    assert_eq!((change["to"].as_u64(), change["stated"].as_u64()), (Some(0), Some(1)));
}

#[test]
fn usage_errors_exit_two() {
    let (code, _) = run(&["check"], None);
    assert_eq!(code, 2);
    let (code, _) = run(&["frobnicate"], None);
    assert_eq!(code, 2);
}

#[test]
fn the_human_header_counts_columns_in_characters_as_json_does() {
    // Curly quotes and umlauts take several bytes; an editor counts them as one column each.
    let text = "„Über“ – “the boss” said: prices fell 120% last year.\n";
    let (_, human) = run(&["check", "-", "--stdin-filename", "quote.txt", "--color", "never"], Some(text));
    let (_, json) = run(&["check", "-", "--stdin-filename", "quote.txt", "--format", "jsonl"], Some(text));
    let column = text.chars().take_while(|c| *c != '1').count() + 1;
    assert!(human.contains(&format!("[quote.txt:1:{column}]")), "{human}");
    assert!(json.contains(&format!("\"column\":{column},")), "{json}");
}
