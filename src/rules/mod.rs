//! Rules as data: the rule-file schema, loading and validating rule packs, and the pack
//! compiled into the binary.

mod examples;
pub mod expr;
mod pack;
mod schema;
pub mod yaml;

pub use examples::{ExampleFailure, run_examples};
pub use pack::{Assertion, Rule, RuleSet, RulesError, parse_rule};
pub use schema::{Docs, Example, Severity};

/// The shipped rule pack: (path, YAML).
pub const EMBEDDED_RULES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
