//! Plain text: paragraphs are separated by blank lines; the first line is the headline when a
//! blank line follows it, or when a short standfirst line and then a blank line follow it.

use super::{Document, Paragraph, Role, split_sentences};
use crate::span::Span;

/// A headline is a line, not a paragraph: anything longer is body text.
const MAX_HEADLINE_CHARS: usize = 200;
/// A standfirst under a headline is one short line.
const MAX_STANDFIRST_CHARS: usize = 160;

/// Reads plain text (already decoded) into a [`Document`].
pub fn read_plain(text: &str) -> Document {
    let lines = line_spans(text);
    let blocks = blocks(text, &lines);
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        if index == 0
            && let Some(split) = headline_split(text, block)
        {
            paragraphs.extend(split);
            continue;
        }
        let span = Span::new(block.first().map_or(0, |l| l.start), block.last().map_or(0, |l| l.end));
        paragraphs.push(Paragraph { role: Role::Body, span, sentences: split_sentences(text, span) });
    }
    Document::new(text.to_owned(), paragraphs)
}

/// Spans of every line, without its line ending.
fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            spans.push(Span::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// Runs of non-blank lines; an indented line after an unindented one also starts a block
/// (wire copy marks paragraphs by indenting their first line).
fn blocks(text: &str, lines: &[Span]) -> Vec<Vec<Span>> {
    let mut blocks: Vec<Vec<Span>> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let indented = |line: &Span| {
        let s = line.slice(text);
        s.starts_with("  ") || s.starts_with('\t')
    };
    for (i, line) in lines.iter().enumerate() {
        if line.slice(text).trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else if !current.is_empty() && indented(line) && i > 0 && !indented(&lines[i - 1]) {
            blocks.push(std::mem::take(&mut current));
            current.push(trimmed(text, *line));
        } else {
            current.push(trimmed(text, *line));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// The first block as headline (and standfirst), if it has that shape.
fn headline_split(text: &str, block: &[Span]) -> Option<Vec<Paragraph>> {
    let first = *block.first()?;
    if first.slice(text).chars().count() > MAX_HEADLINE_CHARS {
        return None;
    }
    let headline = Paragraph { role: Role::Headline, span: first, sentences: vec![first] };
    match block {
        [_] => Some(vec![headline]),
        [_, second] if second.slice(text).chars().count() <= MAX_STANDFIRST_CHARS => {
            let standfirst = Paragraph {
                role: Role::Standfirst,
                span: *second,
                sentences: split_sentences(text, *second),
            };
            Some(vec![headline, standfirst])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, &str)> {
        read_plain(text).paragraphs.iter().map(|p| (p.role, p.span.slice(text))).collect()
    }

    #[test]
    fn headline_then_blank_line() {
        let text = "Exports Down 40%\n\nExports fell 25% last year.\n";
        assert_eq!(
            roles(text),
            vec![(Role::Headline, "Exports Down 40%"), (Role::Body, "Exports fell 25% last year.")]
        );
    }

    #[test]
    fn headline_with_short_standfirst() {
        let text = "Exports Down 40%\nA bad year for trade\n\nBody text here.";
        assert_eq!(
            roles(text),
            vec![
                (Role::Headline, "Exports Down 40%"),
                (Role::Standfirst, "A bad year for trade"),
                (Role::Body, "Body text here.")
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraph_is_not_a_headline() {
        let text = "Sales rose from 10 to 12 in the\nfirst quarter, the company said.\nIt expects more.\n";
        assert_eq!(roles(text)[0].0, Role::Body);
    }

    #[test]
    fn indented_lines_start_wire_paragraphs() {
        let text = "Title\n\nFirst paragraph starts\nand goes on.\n    Second one starts here\nand ends.\n";
        let paragraphs: Vec<&str> = roles(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            paragraphs,
            vec!["Title", "First paragraph starts\nand goes on.", "Second one starts here\nand ends."]
        );
    }

    #[test]
    fn crlf_and_trailing_spaces() {
        let text = "Title  \r\n\r\nBody one.\r\n";
        assert_eq!(roles(text), vec![(Role::Headline, "Title"), (Role::Body, "Body one.")]);
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(read_plain("").paragraphs.is_empty());
        assert!(read_plain(" \n\n\t\n").paragraphs.is_empty());
    }
}
