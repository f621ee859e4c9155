//! The human report: one miette graphical diagnostic per finding, a label on every figure
//! involved and a help line with the arithmetic; then file errors and a summary line.

use super::{CheckedFile, FileResult, Summary, original_span};
use crate::engine::Finding;
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to draw the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Self { color: false, width: 80 }
    }
}

/// A finding as a miette diagnostic over the original file.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: FileSource<'a>,
    labels: Vec<LabeledSpan>,
}

/// The original file as miette reads it: borrowed (a file with many findings is not copied
/// for each), and with the header's column counted in characters, as the JSON, SARIF and
/// GitHub formats count it; miette's own count is in bytes, which puts the column of a
/// figure after "“" or "ü" too far right.
struct FileSource<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for FileSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let mut column = inner.column();
        // miette gives a column only for a span read without context lines.
        if column > 0 {
            let start = span.offset();
            let line_start = self.text.get(..start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
            column = self.text.get(line_start..start).map_or(column, |s| s.chars().count());
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme)
        .without_syntax_highlighting()
        .with_width(style.width)
        .with_links(false)
}

/// One finding of `file`, rendered.
pub fn render_finding(path: &str, file: &CheckedFile, finding: &Finding, style: Style) -> String {
    let mut labels: Vec<LabeledSpan> = finding
        .labels
        .iter()
        .map(|l| {
            let span = original_span(file, finding, l.span);
            // The finding's own figure is the primary label, so the header shows its place.
            if l.span == finding.span {
                LabeledSpan::new_primary_with_span(Some(l.text.clone()), (span.start, span.len()))
            } else {
                LabeledSpan::new(Some(l.text.clone()), span.start, span.len())
            }
        })
        .collect();
    labels.sort_by_key(|l| l.offset());
    // miette draws a label with padding as wide as its column and underlines as long as the
    // label; past 65,535 columns Rust's formatting panics. A finding far along a line of
    // megabytes is written plainly instead.
    let too_wide = labels.iter().any(|l| {
        let line_start = file.source.get(..l.offset()).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
        l.offset() - line_start + l.len() > MAX_DRAWN_COLUMNS
    });
    let diagnostic =
        FindingDiagnostic { finding, source: FileSource { name: path, text: &file.source }, labels };
    let mut out = String::new();
    // A renderer that fails, or panics on a shape not foreseen here, costs the drawing only.
    let drawn = !too_wide
        && std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handler(style).render_report(&mut out, &diagnostic).is_ok()
        }))
        .unwrap_or(false);
    if !drawn {
        out = plain_finding(path, file, finding);
    }
    out
}

/// The widest line position miette is asked to draw (its padding is formatted with a width,
/// which Rust limits to 65,535).
const MAX_DRAWN_COLUMNS: usize = 60_000;

/// A finding without the drawing: "path:line:column: rule: message", then its help.
fn plain_finding(path: &str, file: &CheckedFile, finding: &Finding) -> String {
    let span = original_span(file, finding, finding.span);
    let at = super::position::LineIndex::new(&file.source).position(span.start);
    let mut out = format!("{path}:{}:{}: {}: {}\n", at.line, at.column, finding.rule, finding.message);
    if let Some(help) = &finding.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

/// The whole human report: findings file by file, then errors, then the summary line.
pub fn render(results: &[FileResult], style: Style) -> String {
    let mut out = findings_of(results, style);
    out.push_str(&summary_line(&Summary::of(results), results.iter().filter(|r| r.outcome.is_err()).count()));
    out
}

/// The rendered findings of `results`, file by file.
pub fn findings_of(results: &[FileResult], style: Style) -> String {
    let mut out = String::new();
    for result in results {
        if let Ok(file) = &result.outcome {
            for finding in &file.checked.findings {
                out.push_str(&render_finding(&result.path, file, finding, style));
                out.push('\n');
            }
        }
    }
    out
}

/// "2 errors, 1 warning in 3 files." or "No problems in 1 file."
pub fn summary_line(summary: &Summary, failed: usize) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    let files = plural(summary.files, "file");
    let unread = if failed > 0 { format!(" ({} could not be checked)", failed) } else { String::new() };
    if summary.findings == 0 {
        return format!("No problems found in {files}{unread}.\n");
    }
    let mut parts = Vec::new();
    if summary.error > 0 {
        parts.push(plural(summary.error, "error"));
    }
    if summary.warning > 0 {
        parts.push(plural(summary.warning, "warning"));
    }
    if summary.info > 0 {
        parts.push(plural(summary.info, "note"));
    }
    format!("Found {} in {files}{unread}.\n", parts.join(", "))
}

/// A configuration or rule-file error (a miette report), rendered like findings but with
/// long messages kept on one line so that file names and values stay searchable.
pub fn render_error(report: &miette::Report, style: Style) -> String {
    let mut out = String::new();
    let handler = handler(style).with_wrap_lines(false);
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        out = format!("{report}\n");
    }
    out
}
