//! Real inputs and CI outputs: Markdown and HTML with exact positions in the original file,
//! configuration, suppressions, SARIF validated against the official schema, GitHub
//! workflow commands, and many files with bad ones among them.

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn factlint(args: &[&str], dir: &Path) -> (i32, String, String) {
    common::factlint_in(dir, args)
}

/// (rule, line, column, end_line, end_column) of every finding in `--format json` output.
fn positions(json: &str) -> Vec<(String, u64, u64, u64, u64)> {
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let mut out = Vec::new();
    for file in value["files"].as_array().expect("files") {
        for f in file["findings"].as_array().expect("findings") {
            let n = |k: &str| f[k].as_u64().unwrap_or(0);
            out.push((
                f["rule"].as_str().unwrap_or("").to_string(),
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
            ));
        }
    }
    out
}

fn label_positions(json: &str) -> Vec<(u64, u64, u64)> {
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let f = &value["files"][0]["findings"][0];
    f["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap_or(0),
                l["column"].as_u64().unwrap_or(0),
                l["end_column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn markdown_positions_are_exact_in_the_original_file() {
    let (code, out, err) = factlint(&["check", "fixtures/markdown/story.md", "--format", "json"], &root());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        positions(&out),
        vec![
            // after an emoji and "**": columns count characters
            ("change-mismatch".to_string(), 10, 20, 10, 23),
            // inside a nested list; the code block, inline code, link target and the
            // suppressed line below are not reported
            ("impossible-value".to_string(), 15, 29, 15, 33),
        ]
    );
    // labels: $2.40 (from), $2.80 (to), 12% (stated)
    assert_eq!(label_positions(&out), vec![(10, 40, 45), (10, 29, 34), (10, 20, 23)]);
}

#[test]
fn html_positions_are_exact_through_entities_and_nested_markup() {
    let (code, out, err) = factlint(&["check", "fixtures/html/story.html", "--format", "json"], &root());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        positions(&out),
        vec![
            // "12&#37;": the decoded % maps back to the whole entity
            ("change-mismatch".to_string(), 12, 60, 12, 67),
            // inside two nested spans
            ("impossible-value".to_string(), 16, 59, 16, 63),
            // a suppression with nothing to suppress
            ("unused-suppression".to_string(), 20, 5, 20, 50),
        ]
    );
    assert_eq!(label_positions(&out), vec![(13, 19, 24), (13, 8, 13), (12, 60, 67)]);
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, out, err) = factlint(
        &[
            "check",
            "fixtures/html/story.html",
            "fixtures/markdown/story.md",
            "fixtures/no-such.txt",
            "--format",
            "sarif",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    let instance: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).expect("the schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("https://json.schemastore.org/sarif-2.1.0.json", schema).expect("schema loads");
    let index = compiler
        .compile("https://json.schemastore.org/sarif-2.1.0.json", &mut schemas)
        .expect("schema compiles");
    if let Err(e) = schemas.validate(&instance, index) {
        panic!("SARIF output is not valid: {e:#}");
    }
    let run = &instance["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 5);
    let first = &results[0];
    assert_eq!(first["ruleId"], "change-mismatch");
    assert_eq!(first["level"], "error");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "fixtures/html/story.html");
    assert_eq!(location["region"]["startLine"], 12);
    assert_eq!(location["region"]["startColumn"], 60);
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let index = first["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], "change-mismatch");
    assert!(rules[index]["help"]["text"].as_str().is_some_and(|h| h.contains("How to fix")));
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn github_commands_escape_percent_colon_and_comma() {
    let dir = tempdir("github");
    std::fs::write(dir.join("a, b: c.txt"), "Title\n\nSupport rose 5%, from 26% to 41%.\n").expect("write");
    let (code, out, err) = factlint(&["check", "a, b: c.txt", "--format", "github"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    let line = out.lines().next().expect("a command");
    assert!(line.starts_with("::error file=a%2C b%3A c.txt,line=3,endLine=3,col=14,endColumn=16,title=factlint change-mismatch::"), "{line}");
    assert!(line.contains("“rose 5%25”, but 26%25 → 41%25 is +57.7%25%0A26%25 → 41%25"), "{line}");
    let message = line.split("::").nth(2).expect("message");
    assert!(
        !message.contains('%')
            || message.split('%').skip(1).all(|rest| rest.starts_with("25") || rest.starts_with("0A")),
        "{message}"
    );
    assert!(out.trim_end().ends_with("Found 1 error in 1 file."), "{out}");
}

#[test]
fn ten_files_with_an_unreadable_and_an_invalid_one() {
    let dir = tempdir("ten");
    for i in 0..8 {
        std::fs::write(
            dir.join(format!("story{i}.txt")),
            format!("Story {i}\n\nPrices fell 1{i}5% last year.\n"),
        )
        .expect("write");
    }
    std::fs::write(dir.join("story8.txt"), b"Story\n\nPrices fell \xff 20% last year.\n").expect("write");
    let link = dir.join("story9.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("gone.txt"), &link).expect("symlink");
    let mut args = vec!["check".to_string(), "--format".to_string(), "json".to_string()];
    args.extend((0..10).map(|i| format!("story{i}.txt")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = factlint(&args, &dir);
    assert_eq!(code, 2, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let files = value["files"].as_array().expect("files");
    assert_eq!(files.len(), 10);
    let reported = files
        .iter()
        .filter(|f| f["error"].is_null() && f["findings"].as_array().is_some_and(|x| x.len() == 1))
        .count();
    assert_eq!(reported, 8, "all eight good files are reported: {out}");
    assert!(err.contains("story8.txt: invalid UTF-8 at byte offset 19"), "{err}");
    assert!(err.contains("story9.txt: cannot read: a broken link"), "{err}");
    assert_eq!(files[8]["error"].as_str().map(|e| e.contains("invalid UTF-8")), Some(true));
}

#[test]
fn configuration_disables_overrides_excludes_and_ignores() {
    let dir = root().join("fixtures/config");
    let (code, out, err) = factlint(&["check", "stories", "--format", "json"], &dir);
    let found: Vec<(String, u64)> = positions(&out).into_iter().map(|(r, l, ..)| (r, l)).collect();
    // line 3's change-direction is ignored by the config; share-sum is disabled; the draft
    // is excluded; impossible-value is a warning, and fail-on: warning makes it fail.
    assert_eq!(
        found,
        vec![("change-direction".to_string(), 4), ("impossible-value".to_string(), 6)],
        "{out}{err}"
    );
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(value["files"][0]["findings"][1]["severity"], "warning");
    assert_eq!(code, 1);
    let (code, _, _) = factlint(&["check", "stories", "--no-config"], &dir);
    assert_eq!(code, 1);
    let (_, out, _) = factlint(&["check", "stories", "--no-config", "--format", "json"], &dir);
    assert_eq!(positions(&out).len(), 5, "without the config: line 3, share-sum and the draft too: {out}");
}

#[test]
fn configuration_errors_point_into_the_file() {
    let dir = tempdir("badconfig");
    std::fs::write(dir.join(".factlint.yml"), "rules:\n  share-sum:\n    enabeld: false\n").expect("write");
    std::fs::write(dir.join("a.txt"), "T\n\nNothing here.\n").expect("write");
    let (code, _, err) = factlint(&["check", "a.txt"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `enabeld`") && err.contains(".factlint.yml:3"), "{err}");
    std::fs::write(dir.join(".factlint.yml"), "rules:\n  share-summ:\n    enabled: false\n").expect("write");
    let (code, _, err) = factlint(&["check", "a.txt"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("no rule `share-summ` to configure"), "{err}");
    std::fs::write(dir.join(".factlint.yml"), "packs: [.]\n").expect("write");
    let (code, _, err) = factlint(&["check", "a.txt"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("the configuration's own folder"), "a config that points at itself: {err}");
}

#[test]
fn jsonl_is_one_finding_per_line() {
    let (code, out, _) = factlint(&["check", "fixtures/rules", "--format", "jsonl"], &root());
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert!(lines.len() >= 7, "{out}");
    assert!(lines.iter().all(|l| l["path"].is_string() && l["rule"].is_string() && l["line"].is_u64()));
}

#[test]
fn stdin_filename_sets_the_format() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "-", "--stdin-filename", "story.md", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"# T\n\n```\nPrices fell 120%.\n```\nPrices fell **130%**.\n")
        .expect("write");
    let output = child.wait_with_output().expect("finishes");
    let out = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "the code block is skipped as Markdown: {out}");
    assert!(lines[0].contains("\"line\":6,\"column\":15"), "{out}");
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factlint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn markdown_tables_and_paragraphs_are_checked_as_wholes() {
    let (code, out, err) = factlint(&["check", "fixtures/markdown/tables.md", "--format", "json"], &root());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        positions(&out),
        vec![
            // "In all, it won 14 medals." totals the sentence before it
            ("total-mismatch".to_string(), 3, 67, 3, 69),
            // the Total row of a table: 5 + 4 + 3 is not 13; the money column adds up
            ("total-mismatch".to_string(), 10, 15, 10, 17),
            // shares of "the staff" in two sentences of one paragraph
            ("share-sum".to_string(), 12, 15, 12, 48),
        ]
    );
}
