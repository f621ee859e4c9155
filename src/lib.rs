//! factlint: finds the figures in an article that cannot all be true together.
//!
//! The pipeline is `source` (file → [`source::Document`]) → `parse` (figures and claims,
//! [`parse::Article`]) → `engine` (rules → [`engine::Finding`]s) → `report` (human, JSON).
//! The library never prints and never exits; `src/main.rs` is the command line.

pub mod engine;
pub mod input;
pub mod interval;
pub mod parse;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;

use engine::Finding;
use parse::Article;
use rules::RuleSet;

/// An article read and checked.
#[derive(Clone, Debug)]
pub struct Checked {
    pub article: Article,
    pub findings: Vec<Finding>,
}

/// Reads plain text into an article (figures and claims), without checking it.
pub fn read_text(text: &str) -> Article {
    parse::analyze(source::read_plain(text))
}

/// Reads and checks plain text against `rules`.
pub fn check_text(text: &str, rules: &RuleSet) -> Checked {
    let article = read_text(text);
    let findings = engine::check(&article, rules);
    Checked { article, findings }
}

/// Checks one input's text, never panicking: a panic inside the checker becomes an error that
/// names the input, so one bad file never costs the findings of the others.
pub fn check_source(path: &str, text: String, rules: &RuleSet) -> report::FileResult {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_text(&text, rules)))
        .map(|checked| report::CheckedFile { source: text, checked })
        .map_err(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("{path}: internal error while checking this file ({what}); please report it")
        });
    report::FileResult { path: path.to_string(), outcome }
}

/// Reads and checks one file.
pub fn check_file(path: &std::path::Path, rules: &RuleSet, max_bytes: u64) -> report::FileResult {
    let name = path.display().to_string();
    match input::read(path, max_bytes) {
        Ok(text) => check_source(&name, text, rules),
        Err(message) => report::FileResult { path: name, outcome: Err(message) },
    }
}
