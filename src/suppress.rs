//! Suppressions: `<!-- factlint-disable-next-line RULE -->`, `<!-- factlint-disable RULE -->`
//! … `<!-- factlint-enable -->` in Markdown and HTML, and line ignores from the
//! configuration for any file; and the suppressions that suppressed nothing.

use crate::engine::Finding;
use crate::report::position::LineIndex;
use crate::source::{Directive, Document};
use crate::span::Span;

/// A suppression comment that suppressed nothing, or that factlint does not understand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unused {
    /// The comment, in original-file offsets.
    pub span: Span,
    pub text: String,
    /// Why it is reported.
    pub reason: String,
}

struct Suppressor {
    first_line: usize,
    last_line: usize,
    rules: Vec<String>,
    directive: Option<usize>,
    used: bool,
}

impl Suppressor {
    fn covers(&self, line: usize, rule: &str) -> bool {
        (self.first_line..=self.last_line).contains(&line)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// What a directive says.
enum Command {
    NextLine(Vec<String>),
    Disable(Vec<String>),
    Enable(Vec<String>),
    Unknown,
}

fn command(text: &str) -> Command {
    let mut words = text.split_whitespace();
    let head = words.next().unwrap_or("");
    let rules: Vec<String> =
        words.flat_map(|w| w.split(',')).filter(|w| !w.is_empty()).map(str::to_string).collect();
    match head {
        "factlint-disable-next-line" => Command::NextLine(rules),
        "factlint-disable" => Command::Disable(rules),
        "factlint-enable" => Command::Enable(rules),
        _ => Command::Unknown,
    }
}

/// Removes suppressed findings; returns the rest and the directives that suppressed nothing.
/// `ignores` are `(line, rules)` from the configuration (line `None`: the whole file).
pub fn apply(
    findings: Vec<Finding>,
    document: &Document,
    source: &str,
    ignores: &[(Option<usize>, Vec<String>)],
) -> (Vec<Finding>, Vec<Unused>) {
    let directives = &document.metadata.directives;
    if directives.is_empty() && ignores.is_empty() {
        return (findings, Vec::new());
    }
    let index = LineIndex::new(source);
    let lines: Vec<&str> = source.split('\n').collect();
    let line_of = |offset: usize| index.position(offset).line;
    let mut suppressors: Vec<Suppressor> = Vec::new();
    let mut unknown = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, Directive { text, span }) in directives.iter().enumerate() {
        let end_line = line_of(span.end.saturating_sub(1));
        match command(text) {
            Command::NextLine(rules) => {
                let next = (end_line + 1..=lines.len())
                    .find(|&l| lines.get(l - 1).is_some_and(|t| !t.trim().is_empty()))
                    .unwrap_or(end_line + 1);
                suppressors.push(Suppressor {
                    first_line: next,
                    last_line: next,
                    rules,
                    directive: Some(i),
                    used: false,
                });
            }
            Command::Disable(rules) => {
                open.push(suppressors.len());
                suppressors.push(Suppressor {
                    first_line: line_of(span.start),
                    last_line: usize::MAX,
                    rules,
                    directive: Some(i),
                    used: false,
                });
            }
            Command::Enable(rules) => {
                let here = line_of(span.start);
                open.retain(|&s| {
                    let closes = rules.is_empty() || suppressors[s].rules.iter().any(|r| rules.contains(r));
                    if closes {
                        suppressors[s].last_line = here;
                    }
                    !closes
                });
            }
            Command::Unknown => unknown.push(i),
        }
    }
    for (line, rules) in ignores {
        let (first_line, last_line) = line.map_or((1, usize::MAX), |l| (l, l));
        suppressors.push(Suppressor {
            first_line,
            last_line,
            rules: rules.clone(),
            directive: None,
            used: false,
        });
    }
    let kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let start = if f.in_original { f.span.start } else { document.span_to_original(f.span).start };
            let line = line_of(start);
            let mut suppressed = false;
            for s in suppressors.iter_mut().filter(|s| s.covers(line, &f.rule)) {
                s.used = true;
                suppressed = true;
            }
            !suppressed
        })
        .collect();
    let mut unused: Vec<Unused> = suppressors
        .iter()
        .filter(|s| !s.used)
        .filter_map(|s| s.directive)
        .map(|i| Unused {
            span: directives[i].span,
            text: directives[i].text.clone(),
            reason: "suppresses nothing".into(),
        })
        .collect();
    unused.extend(unknown.into_iter().map(|i| {
        Unused {
            span: directives[i].span,
            text: directives[i].text.clone(),
            reason:
                "is not a factlint directive (factlint-disable-next-line, factlint-disable, factlint-enable)"
                    .into(),
        }
    }));
    unused.sort_by_key(|u| u.span.start);
    (kept, unused)
}
