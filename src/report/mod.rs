//! Rendering results: human (miette, graphical), JSON, JSON lines, SARIF, GitHub workflow
//! commands, and JSON for claims.
//! Renderers return strings; the command line decides where they go.

pub mod claims_json;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod position;
pub mod sarif;

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
    /// Adds another batch's counts.
    pub fn add(&mut self, other: Summary) {
        self.files += other.files;
        self.findings += other.findings;
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
    }

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
pub(crate) fn original_span(
    file: &CheckedFile,
    finding: &Finding,
    span: crate::span::Span,
) -> crate::span::Span {
    if finding.in_original { span } else { file.checked.article.document.span_to_original(span) }
}

pub(crate) fn findings(file: &CheckedFile) -> &[Finding] {
    &file.checked.findings
}

/// The output formats of `factlint check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Human(human::Style),
    Json,
    Jsonl,
    Sarif,
    Github,
}

/// Renders results batch by batch, so that a run over many files keeps only the findings of
/// files already checked, never their text: streamed formats print each batch at once, whole
/// documents (JSON, SARIF) keep light values until the end.
pub struct Reporter {
    format: OutputFormat,
    summary: Summary,
    failed: usize,
    values: Vec<serde_json::Value>,
    notifications: Vec<serde_json::Value>,
}

impl Reporter {
    pub fn new(format: OutputFormat) -> Self {
        Self { format, summary: Summary::default(), failed: 0, values: Vec::new(), notifications: Vec::new() }
    }

    /// Takes a batch of results (in input order); returns the text to print now.
    pub fn batch(&mut self, results: &[FileResult], rules: &crate::rules::RuleSet) -> String {
        self.summary.add(Summary::of(results));
        self.failed += results.iter().filter(|r| r.outcome.is_err()).count();
        match self.format {
            OutputFormat::Human(style) => human::findings_of(results, style),
            OutputFormat::Github => github::commands(results),
            OutputFormat::Jsonl => jsonl::render(results),
            OutputFormat::Json => {
                self.values.extend(results.iter().map(json::file_value));
                String::new()
            }
            OutputFormat::Sarif => {
                for result in results {
                    match sarif::file_values(result, rules) {
                        Ok(values) => self.values.extend(values),
                        Err(note) => self.notifications.push(note),
                    }
                }
                String::new()
            }
        }
    }

    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// The text that closes the report.
    pub fn finish(self, rules: &crate::rules::RuleSet) -> String {
        match self.format {
            OutputFormat::Human(_) | OutputFormat::Github => human::summary_line(&self.summary, self.failed),
            OutputFormat::Jsonl => String::new(),
            OutputFormat::Json => json::document(self.values, self.summary) + "\n",
            OutputFormat::Sarif => sarif::document(rules, self.values, self.notifications) + "\n",
        }
    }
}
