//! `--format json`: every file with its findings and any error, and a summary.
//!
//! Shape (version 1): `{"version":1,"files":[{"path","findings":[{"rule","severity","message",
//! "line","column","end_line","end_column","labels":[{"line","column","end_line","end_column",
//! "text"}],"help"}],"error"}],"summary":{"files","findings","error","warning","info"}}`.
//! Lines are 1-based; columns count Unicode characters from 1; both refer to the original
//! file; `end_column` is exclusive.

use super::position::LineIndex;
use super::{CheckedFile, FileResult, Summary, original_span};
use crate::span::Span;
use serde::Serialize;

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    findings: Vec<FindingOut<'a>>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct Range {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    #[serde(flatten)]
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    #[serde(flatten)]
    range: Range,
    labels: Vec<LabelOut<'a>>,
    help: Option<&'a str>,
}

pub(crate) fn range(
    index: &LineIndex<'_>,
    file: &CheckedFile,
    finding: &crate::engine::Finding,
    span: Span,
) -> Range {
    let span = original_span(file, finding, span);
    let start = index.position(span.start);
    let end = index.position(span.end);
    Range { line: start.line, column: start.column, end_line: end.line, end_column: end.column }
}

fn file_out(result: &FileResult) -> FileOut<'_> {
    match &result.outcome {
        Err(message) => FileOut { path: &result.path, findings: Vec::new(), error: Some(message) },
        Ok(file) => {
            let index = LineIndex::new(&file.source);
            let findings = super::findings(file)
                .iter()
                .map(|f| FindingOut {
                    rule: &f.rule,
                    severity: f.severity.name(),
                    message: &f.message,
                    range: range(&index, file, f, f.span),
                    labels: f
                        .labels
                        .iter()
                        .map(|l| LabelOut { range: range(&index, file, f, l.span), text: &l.text })
                        .collect(),
                    help: f.help.as_deref(),
                })
                .collect();
            FileOut { path: &result.path, findings, error: None }
        }
    }
}

/// One file's entry of the JSON report.
pub fn file_value(result: &FileResult) -> serde_json::Value {
    serde_json::to_value(file_out(result)).unwrap_or_default()
}

/// The JSON report from file entries (see [`file_value`]) and the summary, pretty-printed.
pub fn document(files: Vec<serde_json::Value>, summary: Summary) -> String {
    #[derive(Serialize)]
    struct Output {
        version: u32,
        files: Vec<serde_json::Value>,
        summary: Summary,
    }
    let output = Output { version: 1, files, summary };
    serde_json::to_string_pretty(&output).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// The JSON report of `results`, pretty-printed.
pub fn render(results: &[FileResult]) -> String {
    document(results.iter().map(file_value).collect(), Summary::of(results))
}
