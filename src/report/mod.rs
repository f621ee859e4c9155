//! Rendering results: human (miette, graphical), JSON for findings, JSON for claims.
//! Renderers return strings; the command line decides where they go.

pub mod claims_json;
pub mod human;
pub mod json;
pub mod position;

use crate::engine::Finding;
use crate::rules::Severity;

/// The outcome of one input file.
#[derive(Clone, Debug)]
pub struct FileResult {
    /// The path as given (or `-` / `--stdin-filename` for standard input).
    pub path: String,
    pub outcome: Result<CheckedFile, String>,
}

/// A file that was read and checked.
#[derive(Clone, Debug)]
pub struct CheckedFile {
    /// The original text, which positions refer to.
    pub source: String,
    pub checked: crate::Checked,
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary { files: results.len(), ..Summary::default() };
        for f in results.iter().filter_map(|r| r.outcome.as_ref().ok()).flat_map(|c| &c.checked.findings) {
            s.findings += 1;
            match f.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    /// Findings at or above `level`.
    pub fn at_or_above(&self, level: Severity) -> usize {
        match level {
            Severity::Error => self.error,
            Severity::Warning => self.error + self.warning,
            Severity::Info => self.findings,
        }
    }
}

/// The original-file span of a finding's figure or label.
pub(crate) fn original_span(file: &CheckedFile, span: crate::span::Span) -> crate::span::Span {
    file.checked.article.document.span_to_original(span)
}

pub(crate) fn findings(file: &CheckedFile) -> &[Finding] {
    &file.checked.findings
}
