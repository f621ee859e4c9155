//! Plain text: paragraphs are separated by blank lines; the first line is the headline when a
//! blank line follows it, or when a short standfirst line and then a blank line follow it.

use super::sentences::{lead_len, trail_len};
use super::{Document, Paragraph, Role, split_sentences};
use crate::span::Span;

/// A headline is a line, not a paragraph: anything longer is body text.
const MAX_HEADLINE_CHARS: usize = 200;
/// A standfirst under a headline is one short line.
const MAX_STANDFIRST_CHARS: usize = 160;

/// Reads plain text (already decoded) into a [`Document`].
pub fn read_plain(text: &str) -> Document {
    let lines = trimmed_lines(text);
    let blocks = blocks(&lines);
    let mut paragraphs = Vec::with_capacity(blocks.len() + 1);
    for (index, block) in blocks.into_iter().enumerate() {
        let block = &lines[block];
        if index == 0
            && let Some(split) = headline_split(text, block)
        {
            paragraphs.extend(split);
            continue;
        }
        let span =
            Span::new(block.first().map_or(0, |l| l.span.start), block.last().map_or(0, |l| l.span.end));
        paragraphs.push(Paragraph { role: Role::Body, span, sentences: split_sentences(text, span) });
    }
    Document::new(text.to_owned(), paragraphs)
}

/// One line: its text without surrounding white space (empty for a blank line), and whether
/// it is indented.
#[derive(Clone, Copy)]
struct Line {
    span: Span,
    indented: bool,
}

/// Every line, trimmed, without its line ending.
fn trimmed_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let mut line = |start: usize, end: usize| {
        let raw = &text[start..end];
        let lead = lead_len(raw);
        let body = &raw[lead..];
        let body = &body[..body.len() - trail_len(body)];
        // A blank line's empty span stands at the line's start.
        let lead = if body.is_empty() { 0 } else { lead };
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        lines.push(Line { span: Span::new(start + lead, start + lead + body.len()), indented });
    };
    for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
        line(start, at);
        start = at + 1;
    }
    if start < text.len() {
        line(start, text.len());
    }
    lines
}

/// Runs of non-blank lines, as ranges of `lines`; an indented line after an unindented one
/// also starts a block (wire copy marks paragraphs by indenting their first line).
fn blocks(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    // Blocks are mostly parted by one blank line: room for all of them at once.
    let mut blocks = Vec::with_capacity(lines.len() / 2 + 1);
    let mut current: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.span.is_empty() {
            if let Some(first) = current.take() {
                blocks.push(first..i);
            }
        } else if let Some(first) = current
            && line.indented
            && i > 0
            && !lines[i - 1].indented
        {
            blocks.push(first..i);
            current = Some(i);
        } else if current.is_none() {
            current = Some(i);
        }
    }
    if let Some(first) = current {
        blocks.push(first..lines.len());
    }
    blocks
}

/// The first block as headline (and standfirst), if it has that shape.
fn headline_split(text: &str, block: &[Line]) -> Option<Vec<Paragraph>> {
    let first = block.first()?.span;
    if first.slice(text).chars().count() > MAX_HEADLINE_CHARS {
        return None;
    }
    let headline = Paragraph { role: Role::Headline, span: first, sentences: vec![first] };
    match block {
        [_] => Some(vec![headline]),
        [_, second] if second.span.slice(text).chars().count() <= MAX_STANDFIRST_CHARS => {
            let standfirst = Paragraph {
                role: Role::Standfirst,
                span: second.span,
                sentences: split_sentences(text, second.span),
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
    fn lines_are_trimmed_as_str_trim_trims_them() {
        let text = "  Title\u{a0}\r\n\u{3000}\n\tBody\u{2028}\r\u{85}x\n \u{a0} \nend. ";
        let mut start = 0;
        for (line, raw) in trimmed_lines(text).iter().zip(text.split('\n')) {
            let body = raw.trim();
            let lead = if body.is_empty() { 0 } else { raw.len() - raw.trim_start().len() };
            assert_eq!(line.span, Span::new(start + lead, start + lead + body.len()), "{raw:?}");
            start += raw.len() + 1;
        }
        assert_eq!(trimmed_lines(text).len(), text.split('\n').count());
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(read_plain("").paragraphs.is_empty());
        assert!(read_plain(" \n\n\t\n").paragraphs.is_empty());
    }
}
