//! Turns an input file into a [`Document`]: the text that is checked, split into headline,
//! paragraphs and sentences, with a map back to byte offsets of the original file.

mod plain;
mod sentences;

pub use plain::read_plain;
pub use sentences::split_sentences;

use crate::span::Span;
use serde::Serialize;

/// What part of an article a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Headline,
    Standfirst,
    Body,
}

/// A block of text checked as a unit, with its sentences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    pub role: Role,
    pub span: Span,
    pub sentences: Vec<Span>,
}

/// An article ready to be checked.
///
/// `text` is what the grammar reads. For plain text it is the file itself; for formats with
/// markup it is the prose with markup removed, and [`Document::to_original`] maps each of its
/// byte offsets back to the file so that diagnostics point at the right line and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// Pairs `(text offset, original offset)` sorted by text offset; a text offset maps to the
    /// original offset of the last pair at or before it plus the distance from that pair.
    /// Empty means the text is the original.
    offset_map: Vec<(usize, usize)>,
}

impl Document {
    pub fn new(text: String, paragraphs: Vec<Paragraph>) -> Self {
        Self { text, paragraphs, offset_map: Vec::new() }
    }

    /// Attaches a map from text offsets to original offsets (see the field's doc).
    pub fn with_offset_map(mut self, mut map: Vec<(usize, usize)>) -> Self {
        map.sort_unstable();
        self.offset_map = map;
        self
    }

    /// The byte offset in the original file of byte `offset` of the checked text.
    pub fn to_original(&self, offset: usize) -> usize {
        if self.offset_map.is_empty() {
            return offset;
        }
        let index = self.offset_map.partition_point(|&(t, _)| t <= offset);
        match index.checked_sub(1).map(|i| self.offset_map[i]) {
            Some((t, o)) => o + (offset - t),
            None => offset,
        }
    }

    /// A span of the checked text as a span of the original file.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = if span.is_empty() { start } else { self.to_original(span.end - 1) + 1 };
        Span::new(start, end)
    }

    pub fn headline(&self) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.role == Role::Headline)
    }

    /// Every sentence of the document with the paragraph index it belongs to.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, Span)> + '_ {
        self.paragraphs.iter().enumerate().flat_map(|(i, p)| p.sentences.iter().map(move |s| (i, *s)))
    }
}
