//! Bad input, end to end: what a CMS export or a newsroom's rule pack can throw at the binary.
//! Every case states the exit code (0 clean, 1 findings, 2 bad usage, unreadable input or broken
//! rules/configuration) and the message it expects, and runs in a temporary folder of its own.
//! Large inputs are generated at test time; nothing here reads hundreds of megabytes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    out: String,
    err: String,
    took: Duration,
}

impl Run {
    /// Asserts the exit code, printing everything the run said when it is wrong.
    fn code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "exit code\nstdout:\n{}\nstderr:\n{}", cut(&self.out), cut(&self.err));
        self
    }

    fn err_has(&self, text: &str) -> &Self {
        assert!(self.err.contains(text), "stderr lacks {text:?}:\n{}", cut(&self.err));
        self
    }

    fn out_has(&self, text: &str) -> &Self {
        assert!(self.out.contains(text), "stdout lacks {text:?}:\n{}", cut(&self.out));
        self
    }

    fn quiet(&self) -> &Self {
        assert!(self.err.is_empty(), "stderr should be empty:\n{}", cut(&self.err));
        self
    }

    fn within(&self, limit: Duration) -> &Self {
        assert!(self.took < limit, "took {:?}, over {limit:?}", self.took);
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.out)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", cut(&self.out)))
    }
}

/// The first few thousand characters of a long output, for assertion messages.
fn cut(text: &str) -> String {
    text.chars().take(3000).collect()
}

fn factlint(dir: &Path, args: &[&str]) -> Run {
    factlint_env(dir, args, &[])
}

fn factlint_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("FACTLINT_MAX_RULES")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("factlint runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
        took: started.elapsed(),
    }
}

/// A temporary folder, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        Temp::under(&std::env::temp_dir(), name)
    }

    /// In memory where the system has a tmpfs (`/dev/shm`): creating ten thousand files on a
    /// loaded disk takes seconds, in memory a fraction of one.
    fn in_memory(name: &str) -> Temp {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() && tempfile_works(shm) { shm.to_path_buf() } else { std::env::temp_dir() };
        Temp::under(&base, name)
    }

    fn under(base: &Path, name: &str) -> Temp {
        let dir = base.join(format!("factlint-bad-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Temp(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn run(&self, args: &[&str]) -> Run {
        factlint(&self.0, args)
    }
}

fn tempfile_works(dir: &Path) -> bool {
    let probe = dir.join(format!("factlint-probe-{}", std::process::id()));
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const FALL: &str = "Prices fell 120% last year.";

/// What "quickly" means here: far above the second or less these runs take, even on a loaded
/// machine, and far below what reading 200 MB, expanding an alias bomb or a quadratic pass over
/// a megabyte would take.
const SLOW: Duration = Duration::from_secs(30);

/// A valid rule file with id `id`.
fn rule_yaml(id: &str) -> String {
    format!(
        "id: {id}\nkind: impossible-value\nseverity: warning\nsummary: s\nmessage: \"{{cue}} {{stated}}\"\n"
    )
}

/// The YAML of a "billion laughs": nine levels of nine merges each, every level a valid entry of
/// `key` (a list of maps), so that nothing but the reader's budget stops the expansion.
fn alias_bomb(key: &str, entry: &str) -> String {
    let mut yaml = format!("{key}:\n  - &e0 {{{entry}}}\n");
    for level in 1..10 {
        let aliases = vec![format!("*e{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("  - &e{level} {{<<: [{aliases}]}}\n"));
    }
    yaml
}

// ---------------------------------------------------------------------------------------------
// Articles

#[test]
fn empty_file_is_clean() {
    let t = Temp::new("empty");
    t.write("empty.txt", "");
    t.run(&["check", "--no-config", "empty.txt"]).code(0).quiet().out_has("No problems found in 1 file.");
}

#[test]
fn whitespace_only_is_clean() {
    let t = Temp::new("blank");
    t.write("blank.txt", " \n\t\n\r\n   \u{a0}\u{2003}\n");
    t.write("blank.md", "\n\n   \n");
    t.write("blank.html", "  \n<html><body>\n \n</body></html>");
    t.run(&["check", "--no-config", "blank.txt", "blank.md", "blank.html"])
        .code(0)
        .quiet()
        .out_has("No problems found in 3 files.");
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let t = Temp::new("utf8");
    t.write("bad.txt", b"Title\n\nPrices fell \xff 120% last year.\n");
    t.write("bom.txt", b"\xEF\xBB\xBFab\xC3(");
    let run = t.run(&["check", "--no-config", "bad.txt", "bom.txt"]);
    run.code(2)
        .err_has("error: bad.txt: invalid UTF-8 at byte offset 19; expected UTF-8 text")
        // the offset counts the byte order mark: it is a byte of the file
        .err_has("error: bom.txt: invalid UTF-8 at byte offset 5;")
        .out_has("(2 could not be checked)");
    let json = t.run(&["check", "--no-config", "bad.txt", "--format", "json"]).json();
    assert_eq!(
        json["files"][0]["error"].as_str().map(|e| e.contains("invalid UTF-8 at byte offset 19")),
        Some(true)
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let t = Temp::new("utf16");
    let text = format!("Title\n\n{FALL}\n");
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in &units {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    t.write("le.txt", &le);
    t.write("be.txt", &be);
    let json = t.run(&["check", "--no-config", "le.txt", "be.txt", "--format", "json"]).code(1).json();
    for file in json["files"].as_array().expect("files") {
        let finding = &file["findings"][0];
        assert_eq!(finding["rule"], "impossible-value", "{file}");
        // positions are lines and characters of the decoded text
        assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(3), Some(13)), "{file}");
    }
}

#[test]
fn broken_utf16_is_refused_clearly() {
    let t = Temp::new("utf16bad");
    t.write("odd.txt", b"\xFF\xFEP\0r\0i");
    t.write("surrogate.txt", b"\xFF\xFEP\0\x00\xD8a\0");
    let units: Vec<u8> = "Prices fell 120%.".encode_utf16().flat_map(u16::to_le_bytes).collect();
    t.write("nobom.txt", &units);
    t.run(&["check", "--no-config", "odd.txt", "surrogate.txt", "nobom.txt"])
        .code(2)
        .err_has("odd.txt: UTF-16 text with an odd number of bytes")
        .err_has("surrogate.txt: invalid UTF-16 at byte offset 4")
        .err_has("nobom.txt: looks like UTF-16LE text without a byte order mark (NUL byte at offset 1)");
}

#[test]
fn binary_files_are_refused_and_the_rest_still_checked() {
    let t = Temp::new("binary");
    t.write("stories/a.txt", format!("Title\n\n{FALL}\n"));
    t.write("stories/b.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    // binary without a NUL byte: refused as invalid UTF-8
    t.write("stories/c.txt", [0xC0u8, 0x80, 0xF5, 0xFF, 0x01, 0x02]);
    t.write("stories/d.txt", "Title\n\nRents fell 150% this year.\n");
    let run = t.run(&["check", "--no-config", "stories", "--format", "json"]);
    run.code(2)
        .err_has("b.txt: looks like a binary file (NUL byte at offset 8); expected text (UTF-8)")
        .err_has("c.txt: invalid UTF-8 at byte offset 0");
    let json = run.json();
    let findings: Vec<usize> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["findings"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(findings, vec![1, 0, 0, 1], "both good files are reported: {json}");
}

#[test]
fn a_200_mb_file_is_refused_by_the_size_limit_without_being_read() {
    let t = Temp::new("huge");
    let file = std::fs::File::create(t.0.join("huge.txt")).expect("create");
    // sparse: no 200 MB are written, and none may be read
    file.set_len(200 * 1024 * 1024).expect("set_len");
    t.write("small.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "huge.txt", "small.txt"])
        .code(2)
        .within(SLOW)
        .err_has(
            "error: huge.txt: file is 209715200 bytes, over the limit of 67108864 bytes; raise it with --max-file-size",
        )
        .out_has("Found 1 error in 2 files (1 could not be checked).");
}

#[test]
fn the_size_limit_is_raised_with_max_file_size() {
    let t = Temp::new("limit");
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "story.txt", "--max-file-size", "20"])
        .code(2)
        .err_has("story.txt: file is 35 bytes, over the limit of 20 bytes; raise it with --max-file-size");
    t.run(&["check", "--no-config", "story.txt", "--max-file-size", "35"]).code(1).quiet();
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_refused_at_the_limit() {
    // /dev/zero reports no size; reading must stop one byte past the limit.
    factlint(&root(), &["check", "--no-config", "/dev/zero", "--max-file-size", "100000"])
        .code(2)
        .within(SLOW)
        .err_has("error: /dev/zero: file is over the limit of 100000 bytes; raise it with --max-file-size");
}

#[test]
fn standard_input_is_held_to_the_size_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--no-config", "-", "--max-file-size", "10"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    use std::io::Write;
    let _ = child.stdin.take().expect("stdin").write_all(FALL.as_bytes());
    let output = child.wait_with_output().expect("finishes");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("-: standard input is over the limit of 10 bytes; raise it with --max-file-size"),
        "{err}"
    );
}

#[test]
fn a_one_megabyte_line_of_digits_is_read_in_linear_time() {
    let t = Temp::new("digits");
    t.write("digits.txt", format!("Title\n\n{}\n", "7".repeat(1 << 20)));
    t.write("groups.txt", format!("Title\n\n{}\n", "1,234,".repeat(1 << 17)));
    t.write("dots.md", format!("# Title\n\n{}\n", "1.2.3.".repeat(1 << 17)));
    t.run(&["check", "--no-config", "digits.txt", "groups.txt", "dots.md"])
        .code(0)
        .quiet()
        .within(SLOW)
        .out_has("No problems found in 3 files.");
}

#[test]
fn absurd_numbers_are_dropped_not_reported_as_infinite() {
    let t = Temp::new("absurd");
    let zeros = "0".repeat(400);
    let nines = "9".repeat(400);
    t.write(
        "absurd.txt",
        format!(
            "Absurd figures\n\n\
             The debt was 10^400 dollars, or 1e400, or 1{zeros} pounds.\n\n\
             Prices fell 1{zeros}% last year.\n\n\
             Support rose from 1{zeros}% to 2{zeros}%, up 5%.\n\n\
             Nearly {nines}.5 per cent agreed, and 0.{zeros}1% did not.\n\n\
             It cost ${nines} billion, -0 and -0.0%.\n"
        ),
    );
    t.run(&["check", "--no-config", "absurd.txt"]).code(0).quiet().out_has("No problems found in 1 file.");
    // every figure read has a finite value and a real interval (JSON has no infinity)
    let claims = t.run(&["claims", "absurd.txt"]);
    claims.code(0);
    for q in claims.json()["quantities"].as_array().expect("quantities") {
        assert!(q["value"].as_f64().is_some_and(f64::is_finite), "{q}");
        // a 400-digit whole number is infinite as a float and dropped; 0.000…1 underflows to a
        // finite zero whose interval still holds it, and is kept
        let text = q["text"].as_str().unwrap_or("");
        assert!(text.contains('.') || text.len() < 300, "an infinite figure was kept: {q}");
    }
    // a huge but finite figure is still checked
    t.write("huge.txt", format!("Title\n\nPrices fell 1{}% last year.\n", "0".repeat(300)));
    t.run(&["check", "--no-config", "huge.txt"]).code(1).out_has("impossible-value");
}

#[test]
fn a_list_of_small_numbers_is_not_one_big_number() {
    let t = Temp::new("list");
    t.write("list.txt", "Title\n\nThe list 1,2,3,4 and the scores 1,2,3,4% were read.\n");
    t.run(&["check", "--no-config", "list.txt"]).code(0).quiet();
    let claims = t.run(&["claims", "list.txt"]);
    let values: Vec<f64> = claims.code(0).json()["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .filter_map(|q| q["value"].as_f64())
        .collect();
    assert!(!values.contains(&1234.0), "\"1,2,3,4\" is not 1234: {values:?}");
}

#[test]
fn html_nested_ten_thousand_deep_is_read() {
    let t = Temp::new("nested");
    let depth = 10_000;
    t.write(
        "deep.html",
        format!(
            "<html><body><h1>Title</h1>\n{}\n<p>{FALL}</p>\n{}\n</body></html>\n",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    );
    t.write(
        "inline.html",
        format!("<h1>Title</h1>\n{}{FALL}{}\n", "<span>".repeat(depth), "</span>".repeat(depth)),
    );
    t.write("quotes.md", format!("# Title\n\n{} {FALL}\n", ">".repeat(depth)));
    let run = t.run(&["check", "--no-config", "deep.html", "inline.html", "quotes.md", "--format", "json"]);
    run.code(1).within(SLOW);
    let json = run.json();
    let found: Vec<(String, u64, u64)> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let x = &f["findings"][0];
            (
                x["rule"].as_str().unwrap_or("-").to_string(),
                x["line"].as_u64().unwrap_or(0),
                x["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let at = |line, column| ("impossible-value".to_string(), line, column);
    // the figure is found, at its place in the original file
    assert_eq!(found, vec![at(3, 16), at(2, 60_013), at(3, 10_014)]);
}

// ---------------------------------------------------------------------------------------------
// Rule packs and configuration

#[test]
fn an_alias_bomb_rule_file_is_refused_by_the_yaml_budget() {
    let t = Temp::new("bomb-rule");
    let header = "id: bomb\nkind: impossible-value\nseverity: error\nsummary: s\nmessage: m\n";
    t.write("rules/bomb.yml", format!("{header}{}", alias_bomb("examples", "good: x")));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "--rules", "rules", "story.txt"])
        .code(2)
        .within(SLOW)
        .err_has("rules/bomb.yml")
        .err_has("budget breached");
    // many aliases of one small value: the alias budget
    let many = vec!["{good: *s}"; 1_500].join(", ");
    t.write("rules/bomb.yml", format!("id: bomb\nkind: impossible-value\nseverity: error\nsummary: &s s\nmessage: m\nexamples: [{many}]\n"));
    t.run(&["check", "--no-config", "--rules", "rules", "story.txt"])
        .code(2)
        .err_has("rules/bomb.yml")
        .err_has("budget breached: Aliases");
}

#[test]
fn an_alias_bomb_is_refused_with_the_limits_named() {
    let t = Temp::new("bomb-message");
    t.write(".factlint.yml", alias_bomb("ignore", "path: story.txt"));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "story.txt"]).code(2).err_has(
        ".factlint.yml: over the YAML budget: at most 1000 aliases, 200000 nodes (aliases expanded) \
         and 64 levels of nesting",
    );
}

#[test]
fn an_alias_bomb_configuration_is_refused_by_the_yaml_budget() {
    let t = Temp::new("bomb-config");
    t.write(".factlint.yml", alias_bomb("ignore", "path: story.txt"));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "story.txt"]).code(2).within(SLOW).err_has(".factlint.yml").err_has("budget breached");
}

#[test]
fn yaml_nested_ten_thousand_deep_is_refused() {
    let t = Temp::new("deep-yaml");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    t.write(".factlint.yml", format!("include: {deep}\n"));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "story.txt"])
        .code(2)
        .within(SLOW)
        .err_has(".factlint.yml:1:")
        .err_has("recursion limit exceeded");
    t.write(
        "rules/deep.yml",
        format!(
            "id: deep\nkind: impossible-value\nseverity: error\nsummary: s\nmessage: m\nexamples: {deep}\n"
        ),
    );
    t.run(&["rules", "check", "rules"]).code(2).within(SLOW).err_has("rules/deep.yml:6:");
}

#[test]
fn ten_thousand_rules_are_refused_by_the_rule_count_limit() {
    let t = Temp::in_memory("many-rules");
    for i in 0..10_000 {
        t.write(&format!("rules/r{i:05}.yml"), rule_yaml(&format!("rule-{i}")));
    }
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    let run = t.run(&["check", "--no-config", "--rules", "rules", "story.txt"]);
    run.code(2).within(SLOW);
    let builtin = factlint(&root(), &["rules", "list"]).out.lines().count();
    run.err_has(&format!(
        "the rules folder rules: 10000 rule file(s) would make {} rules, over the limit of 1000 rules; \
         raise it with the environment variable FACTLINT_MAX_RULES, e.g. FACTLINT_MAX_RULES={}",
        10_000 + builtin,
        10_000 + builtin
    ));
    // raised, they load and every one of them runs
    let limit = (10_000 + builtin).to_string();
    let raised = factlint_env(
        &t.0,
        &["check", "--no-config", "--rules", "rules", "story.txt", "--format", "json"],
        &[("FACTLINT_MAX_RULES", &limit)],
    );
    assert_eq!(raised.code(1).json()["summary"]["warning"], 10_000);
    // a limit that is not a number is named, not silently ignored
    factlint_env(&t.0, &["rules", "check", "rules"], &[("FACTLINT_MAX_RULES", "lots")])
        .code(2)
        .err_has("over the limit of 1000 rules (FACTLINT_MAX_RULES=`lots` is not a whole number)");
}

#[test]
fn an_unknown_rule_kind_points_into_the_yaml() {
    let t = Temp::new("unknown-kind");
    t.write(
        "rules/change.yml",
        "id: my-change\nkind: percent-change\nseverity: error\nsummary: s\nmessage: m\n",
    );
    t.run(&["rules", "check", "rules"])
        .code(2)
        .err_has("rules/change.yml: unknown rule kind `percent-change`")
        .err_has("rules/change.yml:2:7")
        .err_has("valid kinds: change, change-direction, share-sum, impossible-value");
}

#[test]
fn duplicate_rule_ids_name_both_files() {
    let t = Temp::new("duplicates");
    t.write("rules/a.yml", rule_yaml("same-id"));
    t.write("rules/b.yml", rule_yaml("same-id"));
    t.write("clash/share.yml", rule_yaml("share-sum"));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "--rules", "rules", "story.txt"])
        .code(2)
        .err_has("rules/b.yml: rule id `same-id` is already defined in rules/a.yml; rule ids must be unique");
    t.run(&["check", "--no-config", "--rules", "clash", "story.txt"])
        .code(2)
        .err_has("clash/share.yml: rule id `share-sum` is already defined in rules/share-sum.yml");
}

#[test]
fn a_missing_rules_folder_is_named() {
    let t = Temp::new("missing-rules");
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "--rules", "no-such-folder", "story.txt"])
        .code(2)
        .err_has("cannot read the rules folder no-such-folder:");
    std::fs::create_dir_all(t.0.join("empty")).expect("folder");
    t.run(&["check", "--no-config", "--rules", "empty", "story.txt"])
        .code(2)
        .err_has("the rules folder empty holds no .yml files");
}

#[test]
fn rule_and_configuration_files_that_are_not_utf8_are_named() {
    let t = Temp::new("yaml-utf8");
    t.write("rules/bad.yml", b"id: x\nsummary: \xff\n");
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "--rules", "rules", "story.txt"])
        .code(2)
        .err_has("rules/bad.yml is not UTF-8 (invalid byte at offset 15)");
    t.write(".factlint.yml", b"fail-on: \xfe\n");
    t.run(&["check", "story.txt"]).code(2).err_has(".factlint.yml is not UTF-8 (invalid byte at offset 9)");
}

#[test]
fn huge_rule_lexicon_and_configuration_files_are_refused_unread() {
    let t = Temp::new("yaml-huge");
    let huge = format!("# {}\n", "x".repeat(5 << 20));
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.write("rules/huge.yml", huge.as_bytes());
    t.run(&["check", "--no-config", "--rules", "rules", "story.txt"])
        .code(2)
        .err_has("rules/huge.yml: over 4 MiB; rule, lexicon and configuration files");
    t.write("words/lexicon/en.yml", huge.as_bytes());
    t.run(&["check", "--no-config", "--rules", "words", "story.txt"])
        .code(2)
        .err_has("words/lexicon/en.yml: over 4 MiB");
    t.write(".factlint.yml", huge.as_bytes());
    t.run(&["check", "story.txt"]).code(2).err_has(".factlint.yml: over 4 MiB");
}

#[test]
fn a_configuration_that_points_at_itself_is_refused() {
    let t = Temp::new("self-config");
    t.write(".factlint.yml", "packs: [.]\n");
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "story.txt"])
        .code(2)
        .err_has(".factlint.yml: pack `.` is the configuration's own folder and holds no rules")
        .err_has("name a folder of rule files");
    // two configurations naming each other's folders: packs are read for rules, never for
    // configurations, so there is no loop, only an empty pack
    t.write(".factlint.yml", "packs: [sub]\n");
    t.write("sub/.factlint.yml", "packs: [..]\n");
    t.run(&["check", "story.txt"]).code(2).within(SLOW).err_has("holds no .yml files");
}

#[test]
fn a_missing_input_is_named_and_the_others_still_checked() {
    let t = Temp::new("missing-input");
    t.write("story.txt", format!("Title\n\n{FALL}\n"));
    t.run(&["check", "--no-config", "gone.txt", "story.txt"])
        .code(2)
        .err_has("error: gone.txt: no such file or folder")
        .out_has("impossible-value")
        .out_has("Found 1 error in 2 files (1 could not be checked).");
}

// ---------------------------------------------------------------------------------------------
// Isolation, crashes found by fuzzing, and determinism

/// The `check` fuzz target's first crash (`fixtures/bad/fuzz-check-crash-81e94a1a.md`, as found;
/// `markdown-comment-closed-at-once.md`, made small): a Markdown comment closed at once, `<!-->`,
/// made the Markdown reader slice `html[4..2]` and panic.
#[test]
fn a_markdown_comment_closed_at_once_is_read() {
    let dir = root().join("fixtures/bad");
    factlint(&dir, &["check", "--no-config", "markdown-comment-closed-at-once.md", "--format", "jsonl"])
        .code(1)
        .quiet()
        .out_has("\"rule\":\"impossible-value\"");
    factlint(&dir, &["check", "--no-config", "fuzz-check-crash-81e94a1a.md"]).code(0).quiet();
}

/// Isolation: a panic while checking one file becomes an error that names the file (exit 2), and
/// every other file is still checked and reported. The one input known to panic through the
/// public API is `<!-->` in Markdown (above); once its fix lands nothing panics any more, and
/// this test then checks only that such a file is read (the CLI side of a failed file is the
/// same path as an unreadable one, tested with binary and missing files above).
#[test]
fn a_panic_in_one_file_is_reported_and_the_others_still_checked() {
    let rules = factlint::rules::RuleSet::builtin().expect("valid pack");
    let crash = "Prices fell 20% last year. <!--> The rest.\n";
    let outcome = factlint::check_source("crash.md", crash.to_string(), &rules).outcome;
    let Err(message) = outcome else {
        return;
    };
    assert!(message.starts_with("crash.md: internal error while checking this file ("), "{message}");
    assert!(message.ends_with("); please report it"), "{message}");
    let t = Temp::new("isolation");
    t.write("a.md", format!("# Title\n\n{FALL}\n"));
    t.write("crash.md", crash);
    t.write("z.txt", "Title\n\nRents fell 150% this year.\n");
    let run = t.run(&["check", "--no-config", "a.md", "crash.md", "z.txt", "--format", "json"]);
    run.code(2).err_has("error: crash.md: internal error while checking this file (");
    let json = run.json();
    let files: Vec<(String, usize, bool)> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap_or("").to_string();
            (path, f["findings"].as_array().map_or(0, Vec::len), f["error"].is_string())
        })
        .collect();
    let expected = [("a.md", 1, false), ("crash.md", 0, true), ("z.txt", 1, false)];
    assert_eq!(files, expected.map(|(p, n, e)| (p.to_string(), n, e)), "{json}");
    // the human report prints both findings and counts the file that failed
    t.run(&["check", "--no-config", "a.md", "crash.md", "z.txt"])
        .code(2)
        .out_has("a.md:3:13")
        .out_has("z.txt:3:12")
        .out_has("(1 could not be checked)");
}

/// Every outcome of a file through the library is `Ok` on these inputs: the catch in
/// `check_source` is the last line of defence, not the way bad input is handled. (The public
/// API offers no input that panics, so the catch itself cannot be exercised from here; the CLI
/// side of a failed file, an error naming it and every other file still reported, is the same
/// path as an unreadable file and is tested above.)
#[test]
fn hostile_text_is_checked_without_a_caught_panic() {
    let rules = factlint::rules::RuleSet::builtin().expect("valid pack");
    let inputs = [
        String::new(),
        "\u{feff}".to_string(),
        "7".repeat(100_000),
        "<".repeat(10_000),
        "<!--".repeat(1_000),
        "<!-- factlint-disable -->".repeat(100),
        "&#".repeat(5_000),
        "```\n".repeat(1_000),
        "---\n".repeat(1_000),
        "% ".repeat(10_000),
        "\u{0301}1\u{0301}%\u{200d}".repeat(1_000),
        format!("{}1", "-".repeat(10_000)),
        "1,2,3,4 ".repeat(1_000),
    ];
    for text in &inputs {
        for name in ["story.txt", "story.md", "story.html"] {
            let result = factlint::check_source(name, text.clone(), &rules);
            assert!(result.outcome.is_ok(), "{name} ({} bytes): {:?}", text.len(), result.outcome.err());
        }
    }
}

#[test]
fn output_is_deterministic_over_the_fixtures() {
    for format in ["human", "json", "sarif"] {
        let args = ["check", "fixtures", "--format", format];
        let first = factlint(&root(), &args);
        let second = factlint_env(&root(), &args, &[("RAYON_NUM_THREADS", "1")]);
        assert_eq!(first.code, second.code, "{format}");
        assert_eq!(first.out, second.out, "{format}: stdout differs between runs");
        assert_eq!(first.err, second.err, "{format}: stderr differs between runs");
        assert!(!first.out.is_empty(), "{format}");
    }
}

#[test]
fn a_finding_far_along_a_long_line_is_written_plainly() {
    // The drawing would pad the figure's column past what Rust's formatting allows.
    let t = Temp::new("long-line");
    t.write("long.txt", format!("{}Exports fell 120% last year.\n", "word ".repeat(30_000)));
    t.write("short.txt", "Prices fell 120% last year.\n");
    let run = t.run(&["check", "--no-config", "--color", "never", "long.txt", "short.txt"]);
    run.code(1)
        .quiet()
        .out_has("long.txt:1:150014: impossible-value: “fell 120%” is impossible")
        .out_has("  help: a fall of 100% leaves nothing");
    // The other file is drawn as usual.
    run.out_has("╭─[short.txt:1:13]").out_has("Found 2 errors in 2 files.");
}
