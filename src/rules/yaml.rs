//! The one module that reads YAML.
//!
//! Rule packs and configuration are read with serde through serde-saphyr: pure Rust, no
//! panics on malformed input, budgets against alias bombs and deep nesting, and errors that
//! carry the line and column of the bad node for miette to point at. (serde_yaml, the usual
//! choice, is archived.) Nothing else in the crate names the YAML library.

use miette::{Diagnostic, NamedSource, Report, SourceSpan};
use serde::de::DeserializeOwned;

pub use serde_saphyr::Spanned;

/// The YAML budget: aliases, nodes (with aliases expanded) and nesting depth.
const MAX_ALIASES: usize = 1_000;
const MAX_NODES: usize = 200_000;
const MAX_DEPTH: usize = 64;

/// Deserialises `text` (from the file `name`) into `T`, with strict budgets; the error is a
/// miette report that points into the YAML.
pub fn from_str<T: DeserializeOwned>(text: &str, name: &str) -> Result<T, Report> {
    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let message = e.to_string();
        if message.contains("budget") {
            // Name the limits, so that a deliberate bomb and an honest large file both know why.
            return Report::msg(format!(
                "{name}: over the YAML budget: at most {MAX_ALIASES} aliases, {MAX_NODES} nodes (aliases \
                 expanded) and {MAX_DEPTH} levels of nesting ({message})"
            ));
        }
        let render = serde_saphyr::render_options! { source_name: Some(name) };
        serde_saphyr::miette::to_miette_report_with_options(&e, text, name, render)
    })
}

/// The byte span of a spanned YAML value, for labels of our own.
pub fn span_of<T>(value: &Spanned<T>) -> Option<SourceSpan> {
    let span = value.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len().unwrap_or(0)).ok()?;
    Some((start, len.max(1)).into())
}

/// The whole file as a named miette source.
pub fn source(text: &str, name: &str) -> NamedSource<String> {
    NamedSource::new(name, text.to_owned())
}

/// A YAML file (rule or configuration) that parsed but says something invalid, pointing at
/// the place.
#[derive(Debug, Diagnostic)]
#[diagnostic(code(factlint::invalid))]
struct Invalid {
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Invalid {}

/// The report for an invalid value at `span` of the file `name` (whose text is `text`).
pub fn invalid(
    text: &str,
    name: &str,
    message: String,
    span: Option<SourceSpan>,
    label: &str,
    help: Option<String>,
) -> Report {
    Report::new(Invalid {
        message: format!("{name}: {message}"),
        src: source(text, name),
        span,
        label: label.to_string(),
        help,
    })
}
