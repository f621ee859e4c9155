//! factlint: finds the figures in an article that cannot all be true together.
//!
//! The pipeline is `source` (file → [`source::Document`]) → `parse` (figures and claims,
//! [`parse::Article`]) → `engine` (rules → [`engine::Finding`]s) → `report` (human, JSON).
//! The library never prints and never exits; `src/main.rs` is the command line.

pub mod engine;
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
