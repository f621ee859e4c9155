//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it — the rules with their
//! descriptions and help, one result per finding with a repository-relative location, and
//! files that could not be read as tool execution notifications.

use super::json::{Range, range};
use super::position::LineIndex;
use super::{CheckedFile, FileResult};
use crate::rules::{RuleSet, Severity};
use serde_json::{Value, json};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI: forward slashes, no leading "./", spaces and other specials
/// percent-encoded.
pub fn relative_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(r: &Range) -> Value {
    json!({"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column})
}

fn location(uri: &str, r: &Range, message: Option<&str>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "region": region(r),
        }
    });
    if let Some(text) = message {
        loc["message"] = json!({"text": text});
    }
    loc
}

fn rule_descriptor(rule: &crate::rules::Rule) -> Value {
    let docs = &rule.docs;
    let mut help = String::new();
    let mut markdown = String::new();
    for (heading, body) in docs.sections() {
        if !body.trim().is_empty() {
            help.push_str(&format!("{heading}: {}\n", body.trim()));
            markdown.push_str(&format!("### {heading}\n\n{}\n\n", body.trim()));
        }
    }
    let what = docs.what_it_catches.split_whitespace().collect::<Vec<_>>().join(" ");
    let full = if what.is_empty() { rule.summary.clone() } else { what };
    if help.is_empty() {
        help = rule.summary.clone();
        markdown = rule.summary.clone();
    }
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": help.trim_end(), "markdown": markdown.trim_end()},
        "defaultConfiguration": {"level": level(rule.severity), "enabled": rule.enabled},
        "properties": {"kind": rule.kind.name()},
    })
}

fn results_of(file: &CheckedFile, path: &str, rules: &RuleSet) -> Vec<Value> {
    let uri = relative_uri(path);
    let index = LineIndex::new(&file.source);
    file.checked
        .findings
        .iter()
        .map(|f| {
            let primary = range(&index, file, f, f.span);
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str(&format!("\n{help}"));
            }
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": message},
                "locations": [location(&uri, &primary, None)],
                "relatedLocations": f.labels.iter().enumerate().map(|(i, l)| {
                    let mut loc = location(&uri, &range(&index, file, f, l.span), Some(&l.text));
                    loc["id"] = json!(i);
                    loc
                }).collect::<Vec<_>>(),
            });
            if let Some(i) = rules.rules().iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .collect()
}

/// One file's SARIF results, or its tool execution notification when it could not be read.
pub fn file_values(result: &FileResult, rules: &RuleSet) -> Result<Vec<Value>, Value> {
    match &result.outcome {
        Ok(file) => Ok(results_of(file, &result.path, rules)),
        Err(message) => Err(json!({
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": relative_uri(&result.path), "uriBaseId": "%SRCROOT%"}}}],
        })),
    }
}

/// The SARIF log from results and notifications (see [`file_values`]), described by `rules`.
pub fn document(rules: &RuleSet, results: Vec<Value>, notifications: Vec<Value>) -> String {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/factlint",
                "rules": rules.rules().iter().map(rule_descriptor).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the folder factlint ran in"}}},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// The SARIF log of `results`, described by `rules`.
pub fn render(results: &[FileResult], rules: &RuleSet) -> String {
    let mut all = Vec::new();
    let mut notifications = Vec::new();
    for result in results {
        match file_values(result, rules) {
            Ok(values) => all.extend(values),
            Err(note) => notifications.push(note),
        }
    }
    document(rules, all, notifications)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(relative_uri("./stories/my story.md"), "stories/my%20story.md");
        assert_eq!(relative_uri("a\\b.txt"), "a/b.txt");
    }
}
