//! Builds the checked text of a marked-up file piece by piece, remembering where every piece
//! came from and where paragraphs begin and end.

use super::{Document, Metadata, Paragraph, Role, split_sentences};
use crate::span::Span;

/// A run of checked text and the run of the original file it stands for. A verbatim run has
/// the same bytes in both; a decoded one ("&amp;" → "&") maps as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text_start: usize,
    pub text_len: usize,
    pub orig_start: usize,
    pub orig_len: usize,
    verbatim: bool,
}

impl Segment {
    pub fn is_verbatim(&self) -> bool {
        self.verbatim
    }
}

/// Accumulates text, segments and paragraphs.
#[derive(Debug, Default)]
pub struct DocumentBuilder {
    text: String,
    segments: Vec<Segment>,
    paragraphs: Vec<Paragraph>,
    open: Option<(Role, usize)>,
    pub metadata: Metadata,
}

impl DocumentBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `piece`, which stands at `orig_start` in the original file byte for byte.
    pub fn push_verbatim(&mut self, piece: &str, orig_start: usize) {
        if piece.is_empty() {
            return;
        }
        self.ensure_open();
        let text_start = self.text.len();
        // Extend the previous segment when this one continues it.
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && last.text_start + last.text_len == text_start
            && last.orig_start + last.orig_len == orig_start
        {
            last.text_len += piece.len();
            last.orig_len += piece.len();
            self.text.push_str(piece);
            return;
        }
        self.segments.push(Segment {
            text_start,
            text_len: piece.len(),
            orig_start,
            orig_len: piece.len(),
            verbatim: true,
        });
        self.text.push_str(piece);
    }

    /// Appends `decoded`, which stands for the `orig_len` bytes at `orig_start` as a whole.
    pub fn push_decoded(&mut self, decoded: &str, orig_start: usize, orig_len: usize) {
        if decoded.is_empty() {
            return;
        }
        self.ensure_open();
        self.segments.push(Segment {
            text_start: self.text.len(),
            text_len: decoded.len(),
            orig_start,
            orig_len,
            verbatim: false,
        });
        self.text.push_str(decoded);
    }

    /// Appends text that is in no place of the original (a space for skipped markup).
    pub fn push_synthetic(&mut self, piece: &str) {
        if self.open.is_some() {
            self.text.push_str(piece);
        }
    }

    /// Whether the current paragraph's text so far ends in white space (or nothing).
    pub fn at_space(&self) -> bool {
        match self.open {
            Some((_, start)) => self.text.len() == start || self.text.ends_with(char::is_whitespace),
            None => true,
        }
    }

    fn ensure_open(&mut self) {
        if self.open.is_none() {
            self.open = Some((Role::Body, self.text.len()));
        }
    }

    /// Closes the current paragraph (if any) and opens one with `role`.
    pub fn start_block(&mut self, role: Role) {
        self.end_block();
        self.open = Some((role, self.text.len()));
    }

    /// Closes the current paragraph; empty ones are dropped.
    pub fn end_block(&mut self) {
        let Some((role, start)) = self.open.take() else { return };
        let raw = Span::new(start, self.text.len());
        let body = raw.slice(&self.text);
        let lead = body.len() - body.trim_start().len();
        let trail = body.len() - body.trim_end().len();
        if lead + trail < body.len() {
            let span = Span::new(raw.start + lead, raw.end - trail);
            let sentences =
                if role == Role::Headline { vec![span] } else { split_sentences(&self.text, span) };
            self.paragraphs.push(Paragraph { role, span, sentences });
        }
        self.text.push_str("\n\n");
    }

    /// The span of the paragraph closed last, if it was closed at `since` or later.
    pub fn last_block_since(&self, since: usize) -> Option<Span> {
        self.paragraphs.last().map(|p| p.span).filter(|s| s.start >= since)
    }

    /// Where the text ends now.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn finish(mut self) -> Document {
        self.end_block();
        let mut doc = Document::new(self.text, self.paragraphs);
        doc.metadata = self.metadata;
        doc.segments = self.segments;
        doc
    }
}
