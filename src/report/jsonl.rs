//! `--format jsonl`: one JSON object per line — a finding, or a file that could not be read —
//! for streaming into other tools.

use super::FileResult;
use super::json::range;
use super::position::LineIndex;
use serde_json::json;

/// One line per finding (and per unreadable file), in input order.
pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for result in results {
        match &result.outcome {
            Err(message) => {
                out.push_str(&json!({"path": result.path, "error": message}).to_string());
                out.push('\n');
            }
            Ok(file) => {
                let index = LineIndex::new(&file.source);
                for f in &file.checked.findings {
                    let r = range(&index, file, f, f.span);
                    let line = json!({
                        "path": result.path,
                        "rule": f.rule,
                        "severity": f.severity.name(),
                        "message": f.message,
                        "line": r.line,
                        "column": r.column,
                        "end_line": r.end_line,
                        "end_column": r.end_column,
                        "help": f.help,
                    });
                    out.push_str(&line.to_string());
                    out.push('\n');
                }
            }
        }
    }
    out
}
