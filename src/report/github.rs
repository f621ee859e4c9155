//! `--format github`: GitHub Actions workflow commands (`::error file=…::message`), escaped as
//! the runner expects, then the summary line.

use super::json::range;
use super::position::LineIndex;
use super::{FileResult, Summary};
use crate::rules::Severity;

/// Escapes a command's message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Workflow commands for every finding and unreadable file, then the summary line.
pub fn render(results: &[FileResult]) -> String {
    let mut out = commands(results);
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    out.push_str(&super::human::summary_line(&Summary::of(results), failed));
    out
}

/// Workflow commands for every finding and unreadable file of `results`.
pub fn commands(results: &[FileResult]) -> String {
    let mut out = String::new();
    for result in results {
        match &result.outcome {
            Err(message) => {
                out.push_str(&format!(
                    "::error file={}::{}\n",
                    escape_property(&result.path),
                    escape_data(message)
                ));
            }
            Ok(file) => {
                let index = LineIndex::new(&file.source);
                for f in &file.checked.findings {
                    let command = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let r = range(&index, file, f, f.span);
                    // Columns only make sense on a one-line span.
                    let place = if r.line == r.end_line {
                        format!(
                            "line={},endLine={},col={},endColumn={}",
                            r.line, r.end_line, r.column, r.end_column
                        )
                    } else {
                        format!("line={},endLine={}", r.line, r.end_line)
                    };
                    let mut message = f.message.clone();
                    if let Some(help) = &f.help {
                        message.push_str(&format!("\n{help}"));
                    }
                    out.push_str(&format!(
                        "::{command} file={},{place},title={}::{}\n",
                        escape_property(&result.path),
                        escape_property(&format!("factlint {}", f.rule)),
                        escape_data(&message)
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("fell 40%: a, b\nnext"), "fell 40%25: a, b%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
