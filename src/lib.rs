//! factlint: finds the figures in an article that cannot all be true together.
//!
//! The pipeline is `source` (file → [`source::Document`]) → `parse` (figures and claims,
//! [`parse::Article`]) → `engine` (rules → [`engine::Finding`]s) → `suppress` → `report`
//! (human, JSON, JSON lines, SARIF, GitHub). The library never prints and never exits;
//! `src/main.rs` is the command line.

pub mod config;
pub mod engine;
pub mod input;
pub mod interval;
pub mod parse;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
pub mod walk;

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

/// Reads text in `format` into an article, in the language it names (English by default).
pub fn read_as(text: &str, format: source::Format) -> Article {
    parse::analyze(source::read(text, format))
}

/// Reads text in `format` into an article with the lexicons of `rules` (packs may extend a
/// language) and its default language (`language:` of the configuration).
pub fn read_with(text: &str, format: source::Format, rules: &RuleSet) -> Article {
    let document = source::read(text, format);
    parse::analyze_in(document, &rules.languages, rules.language.as_deref())
}

/// Reads and checks plain text against `rules`.
pub fn check_text(text: &str, rules: &RuleSet) -> Checked {
    check_as(text, source::Format::Text, rules)
}

/// Reads text in `format` and checks it against `rules` (no suppressions applied).
pub fn check_as(text: &str, format: source::Format, rules: &RuleSet) -> Checked {
    let article = read_with(text, format, rules);
    let mut findings = engine::check(&article, rules);
    findings.extend(engine::unread_language(&article, text, rules));
    Checked { article, findings }
}

/// Checks one input's text (format from its name), applying its suppression comments.
pub fn check_source(path: &str, text: String, rules: &RuleSet) -> report::FileResult {
    check_source_with(path, text, rules, &[])
}

/// Checks one input's text with line ignores from the configuration, never panicking: a
/// panic inside the checker becomes an error that names the input, so one bad file never
/// costs the findings of the others.
pub fn check_source_with(
    path: &str,
    text: String,
    rules: &RuleSet,
    ignores: &[(Option<usize>, Vec<String>)],
) -> report::FileResult {
    let format = source::Format::from_path(path);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut checked = check_as(&text, format, rules);
        let findings = std::mem::take(&mut checked.findings);
        let (mut kept, unused) = suppress::apply(findings, &checked.article.document, &text, ignores);
        kept.extend(engine::unused_suppressions(&unused, rules));
        kept.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        checked.findings = kept;
        checked
    }))
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
    check_file_with(path, rules, max_bytes, &[])
}

/// Reads and checks one file with line ignores from the configuration.
pub fn check_file_with(
    path: &std::path::Path,
    rules: &RuleSet,
    max_bytes: u64,
    ignores: &[(Option<usize>, Vec<String>)],
) -> report::FileResult {
    let name = path.display().to_string();
    match input::read(path, max_bytes) {
        Ok(text) => check_source_with(&name, text, rules, ignores),
        Err(message) => report::FileResult { path: name, outcome: Err(message) },
    }
}
