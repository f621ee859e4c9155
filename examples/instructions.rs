//! Runs `check_text` over every Nth article of the news corpus, for `bench/instructions.sh` to
//! count the instructions of (`valgrind --tool=callgrind`): a measure of the work done that,
//! unlike a timing, does not move with the load of a shared machine.
//!
//! `cargo run --release --example instructions -- [CORPUS_DIR] [EVERY_NTH]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use factlint::rules::RuleSet;

fn main() {
    let mut args = std::env::args().skip(1);
    let corpus = args.next().unwrap_or_else(|| "../shared/corpus/news".to_string());
    let step: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(8).max(1);
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!("corpus not found at {corpus}: nothing to count");
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let texts: Vec<String> =
        paths.iter().step_by(step).filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let rules = match RuleSet::builtin() {
        Ok(rules) => rules,
        Err(e) => {
            eprintln!("cannot load the built-in rules: {e}");
            std::process::exit(2);
        }
    };
    let findings: usize = texts.iter().map(|t| check(t, &rules)).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} articles, {bytes} bytes, {findings} findings", texts.len());
}

/// The work counted: `bench/instructions.sh` collects inside this function only.
#[inline(never)]
fn check(text: &str, rules: &RuleSet) -> usize {
    factlint::check_text(text, rules).findings.len()
}
