//! Turns an input file into a [`Document`]: the text that is checked, split into headline,
//! paragraphs and sentences, with a map back to byte offsets of the original file.

mod builder;
mod html;
mod markdown;
mod plain;
mod sentences;

pub use builder::{DocumentBuilder, Segment};
pub use html::read_html;
pub use markdown::read_markdown;
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

/// The input formats factlint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name implies: `.md`/`.markdown` Markdown, `.html`/`.htm` HTML,
    /// anything else plain text.
    pub fn from_path(path: &str) -> Format {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Facts about the article that are not prose: from Markdown front matter or HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The publication date as written (`date:` in front matter).
    pub date: Option<String>,
    /// The language tag (`lang:` in front matter, `<html lang>`).
    pub lang: Option<String>,
    /// Suppression comments found in the file (`<!-- factlint-disable… -->`), in order.
    pub directives: Vec<Directive>,
    /// Tables, as rows of cells (checked-text spans; the header row first).
    pub tables: Vec<Vec<Vec<Span>>>,
}

/// A suppression comment and where it stands in the original file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// The comment's text inside `<!--` and `-->`, trimmed.
    pub text: String,
    /// Byte span of the whole comment in the original file.
    pub span: Span,
}

/// Reads `text` in `format`.
pub fn read(text: &str, format: Format) -> Document {
    match format {
        Format::Text => read_plain(text),
        Format::Markdown => read_markdown(text),
        Format::Html => read_html(text),
    }
}

/// Where `tag` is declared as the language in `original`: the tag's span in `lang="fr"`,
/// `lang: fr` or `language: fr` (any case, quoted or not), the first such declaration.
pub fn lang_declaration(original: &str, tag: &str) -> Option<Span> {
    let lower = original.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower.get(from..)?.find("lang") {
        let key = from + found;
        from = key + 4;
        // A key of its own, not the end of "hreflang" or "slang".
        if lower[..key].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        let mut at = key + 4;
        if lower[at..].starts_with("uage") {
            at += 4;
        }
        let rest = &original[at..];
        let after_key = rest.trim_start_matches([' ', '\t']);
        let Some(value) = after_key.strip_prefix(['=', ':']) else { continue };
        let value = value.trim_start_matches([' ', '\t', '"', '\'']);
        let start = original.len() - value.len();
        if value.starts_with(tag)
            && !value[tag.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        {
            return Some(Span::new(start, start + tag.len()));
        }
    }
    None
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
    pub metadata: Metadata,
    /// Where each piece of `text` came from, sorted; empty means `text` is the original.
    segments: Vec<Segment>,
}

impl Document {
    pub fn new(text: String, paragraphs: Vec<Paragraph>) -> Self {
        Self { text, paragraphs, metadata: Metadata::default(), segments: Vec::new() }
    }

    /// The segment holding text byte `offset`, if any starts at or before it.
    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let index = self.segments.partition_point(|s| s.text_start <= offset);
        index.checked_sub(1).map(|i| &self.segments[i])
    }

    /// The byte offset in the original file of byte `offset` of the checked text.
    pub fn to_original(&self, offset: usize) -> usize {
        if self.segments.is_empty() {
            return offset;
        }
        match self.segment_at(offset) {
            Some(s) if offset < s.text_start + s.text_len => {
                if s.is_verbatim() {
                    s.orig_start + (offset - s.text_start)
                } else {
                    s.orig_start
                }
            }
            Some(s) => s.orig_start + s.orig_len,
            None => 0,
        }
    }

    /// The original offset just after text byte `end - 1`: where a span ending at `end` ends.
    fn to_original_end(&self, end: usize) -> usize {
        if self.segments.is_empty() || end == 0 {
            return end;
        }
        match self.segment_at(end - 1) {
            Some(s) if end - 1 < s.text_start + s.text_len => {
                if s.is_verbatim() {
                    s.orig_start + (end - s.text_start)
                } else {
                    s.orig_start + s.orig_len
                }
            }
            Some(s) => s.orig_start + s.orig_len,
            None => 0,
        }
    }

    /// A span of the checked text as a span of the original file.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = if span.is_empty() { start } else { self.to_original_end(span.end) };
        Span::new(start, end)
    }

    pub fn headline(&self) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.role == Role::Headline)
    }

    /// A finder of the paragraph that holds a span, for rules that ask it of every claim.
    pub fn paragraph_finder(&self) -> ParagraphFinder<'_> {
        let ordered = self.paragraphs.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        ParagraphFinder { paragraphs: &self.paragraphs, ordered }
    }

    /// A finder of the sentence that holds a span, for rules that ask it of every figure.
    pub fn sentence_finder(&self) -> SentenceFinder {
        let spans: Vec<Span> = self.sentences().map(|(_, s)| s).collect();
        let ordered = spans.windows(2).all(|w| w[0].end <= w[1].start);
        SentenceFinder { spans, ordered }
    }

    /// Every sentence of the document with the paragraph index it belongs to.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, Span)> + '_ {
        self.paragraphs.iter().enumerate().flat_map(|(i, p)| p.sentences.iter().map(move |s| (i, *s)))
    }
}

/// Finds the paragraph holding a span by bisection where the paragraphs follow one another
/// without overlapping (as every reader makes them), else by a search from the start: a rule
/// asking it of every claim stays linear in a long article.
pub struct ParagraphFinder<'d> {
    paragraphs: &'d [Paragraph],
    ordered: bool,
}

impl<'d> ParagraphFinder<'d> {
    /// The first paragraph whose span contains `span`.
    pub fn containing(&self, span: Span) -> Option<&'d Paragraph> {
        first_containing(self.paragraphs, |p| p.span, self.ordered, span).map(|at| &self.paragraphs[at])
    }
}

/// Finds the sentence holding a span as [`ParagraphFinder`] finds a paragraph.
pub struct SentenceFinder {
    spans: Vec<Span>,
    ordered: bool,
}

impl SentenceFinder {
    /// The first sentence (in the document's order) that contains `span`.
    pub fn containing(&self, span: Span) -> Option<Span> {
        first_containing(&self.spans, |s| *s, self.ordered, span).map(|at| self.spans[at])
    }
}

/// The index of the first of `items` whose span contains `span`; `ordered`: the items follow
/// one another without overlapping, and are bisected.
fn first_containing<T>(
    items: &[T],
    span_of: impl Fn(&T) -> Span,
    ordered: bool,
    span: Span,
) -> Option<usize> {
    if !ordered {
        return items.iter().position(|item| span_of(item).contains(span));
    }
    // In order and apart, only the last item starting at or before the span can hold it, and
    // the earlier ones that hold it too (an empty span where items touch) stand right before it.
    let mut at = items.partition_point(|item| span_of(item).start <= span.start).checked_sub(1)?;
    if !span_of(&items[at]).contains(span) {
        return None;
    }
    while at > 0 && span_of(&items[at - 1]).contains(span) {
        at -= 1;
    }
    Some(at)
}

#[cfg(test)]
mod finder_tests {
    use super::{Paragraph, Role};
    use crate::span::Span;

    #[test]
    fn the_sentence_finder_finds_what_a_search_from_the_start_finds() {
        let layouts: [&[(usize, usize)]; 3] =
            [&[(0, 5), (5, 5), (5, 9), (12, 20), (20, 20)], &[(0, 10), (2, 4), (11, 12)], &[]];
        for layout in layouts {
            let sentences: Vec<Span> = layout.iter().map(|&(a, b)| Span::new(a, b)).collect();
            let paragraph = Paragraph { role: Role::Body, span: Span::new(0, 24), sentences };
            let document = super::Document::new(" ".repeat(24), vec![paragraph]);
            let finder = document.sentence_finder();
            for start in 0..22 {
                for end in start..22 {
                    let span = Span::new(start, end);
                    let searched = document.sentences().map(|(_, s)| s).find(|s| s.contains(span));
                    assert_eq!(finder.containing(span), searched, "{layout:?} {span:?}");
                }
            }
        }
    }

    #[test]
    fn the_finder_finds_what_a_search_from_the_start_finds() {
        let layouts: [&[(usize, usize)]; 4] = [
            &[(0, 5), (5, 5), (5, 9), (12, 20), (20, 20)],
            &[(0, 10), (2, 4), (11, 12)],
            &[(3, 3), (3, 7), (9, 9), (9, 9)],
            &[],
        ];
        for layout in layouts {
            let paragraphs: Vec<Paragraph> = layout
                .iter()
                .map(|&(a, b)| Paragraph { role: Role::Body, span: Span::new(a, b), sentences: Vec::new() })
                .collect();
            let document = super::Document::new(" ".repeat(24), paragraphs);
            let finder = document.paragraph_finder();
            for start in 0..22 {
                for end in start..22 {
                    let span = Span::new(start, end);
                    let searched = document.paragraphs.iter().position(|p| p.span.contains(span));
                    let found = finder.containing(span).map(|p| p as *const Paragraph);
                    assert_eq!(
                        found,
                        searched.map(|i| &document.paragraphs[i] as *const Paragraph),
                        "{layout:?} {span:?}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod lang_tests {
    use super::lang_declaration;

    #[test]
    fn the_language_tag_is_found_where_it_is_declared() {
        let html = "<link hreflang=\"fr-CA\">\n<p lang=\"en\">x</p>\n<html LANG = 'fr-CA'>";
        let span = lang_declaration(html, "fr-CA").expect("found");
        assert_eq!(&html[span.start..span.end], "fr-CA");
        assert!(span.start > html.find("<html").expect("there"), "not the hreflang");
        let md = "---\ntitle: Slang: a study\nlanguage: fr\n---\n";
        let span = lang_declaration(md, "fr").expect("found");
        assert_eq!(&md[span.start..span.end], "fr");
        assert_eq!(span.start, md.find("fr\n").expect("there"));
        // "fr" is not the start of "fra"; a missing declaration is `None`.
        assert_eq!(lang_declaration("lang: fra", "fr"), None);
        assert_eq!(lang_declaration("no tag here", "fr"), None);
        assert_eq!(lang_declaration("é lang=ü", "ü").map(|s| (s.start, s.end)), Some((8, 10)));
    }
}
