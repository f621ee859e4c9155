//! Markdown through pulldown-cmark's offset iterator: the first `# ` heading (or a front
//! matter `title:`) is the headline; front matter, code, link targets and HTML are skipped;
//! list items and table cells are blocks of their own; every piece maps to its bytes.

use super::builder::DocumentBuilder;
use super::html::push_decoded_text;
use super::{Directive, Document, Role};
use crate::span::Span;
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// Reads Markdown (already decoded) into a [`Document`].
pub fn read_markdown(text: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut builder = DocumentBuilder::new();
    let mut skip_depth = 0usize;
    let mut in_metadata = false;
    let mut seen_h1 = false;
    let mut table: Vec<Vec<Span>> = Vec::new();
    let mut cell_start = 0;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) if skip_depth == 0 => table.clear(),
            Event::Start(Tag::TableHead | Tag::TableRow) if skip_depth == 0 => table.push(Vec::new()),
            Event::End(TagEnd::Table) if skip_depth == 0 => {
                builder.metadata.tables.push(std::mem::take(&mut table))
            }
            Event::Start(Tag::TableCell) if skip_depth == 0 => {
                builder.start_block(Role::Body);
                cell_start = builder.len();
            }
            Event::End(TagEnd::TableCell) if skip_depth == 0 => {
                builder.end_block();
                let cell = builder.last_block_since(cell_start).unwrap_or_default();
                if let Some(row) = table.last_mut() {
                    row.push(cell);
                }
            }
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::Text(_) if in_metadata => {
                front_matter(text, range.start, range.end, &mut builder, &mut seen_h1)
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::FootnoteDefinition(_)) => {
                skip_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::FootnoteDefinition) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                let headline = level == HeadingLevel::H1 && !seen_h1;
                seen_h1 |= level == HeadingLevel::H1;
                builder.start_block(if headline { Role::Headline } else { Role::Body });
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::BlockQuote(_)) => {
                builder.start_block(Role::Body);
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => builder.end_block(),
            Event::Text(piece) => {
                let source = &text[range.clone()];
                if source == &*piece {
                    builder.push_verbatim(source, range.start);
                } else if source.starts_with('&') {
                    builder.push_decoded(&piece, range.start, range.len());
                } else if source.starts_with('\\') && source.len() == piece.len() + 1 {
                    builder.push_verbatim(&piece, range.start + 1);
                } else {
                    builder.push_decoded(&piece, range.start, range.len());
                }
            }
            Event::SoftBreak | Event::HardBreak => builder.push_verbatim("\n", range.start.min(text.len())),
            Event::Code(_) if !builder.at_space() => {
                builder.push_synthetic(" ");
            }
            Event::Html(html) | Event::InlineHtml(html) => directives(&html, range.start, &mut builder),
            _ => {}
        }
    }
    builder.finish()
}

/// Suppression comments inside raw HTML.
fn directives(html: &str, start: usize, builder: &mut DocumentBuilder) {
    let mut pos = 0;
    while let Some(open) = html[pos..].find("<!--").map(|i| pos + i) {
        // The comment closes after its opening: "<!-->" is not a closed comment.
        let Some(close) = html[open + 4..].find("-->").map(|i| open + 4 + i) else { break };
        let body = html[open + 4..close].trim();
        if body.starts_with("factlint-") {
            builder
                .metadata
                .directives
                .push(Directive { text: body.to_string(), span: Span::new(start + open, start + close + 3) });
        }
        pos = close + 3;
    }
}

/// Reads `date:`, `lang:` and `title:` from YAML front matter (a line-based read: front
/// matter is the author's, and a malformed one must not stop the check).
fn front_matter(text: &str, start: usize, end: usize, builder: &mut DocumentBuilder, seen_h1: &mut bool) {
    let mut line_start = start;
    for line in text[start..end].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if let Some((key, value)) = trimmed.split_once(':') {
            let value_trimmed = value.trim();
            let unquoted = value_trimmed.trim_matches(|c| c == '"' || c == '\'');
            match key.trim() {
                "date" => builder.metadata.date = Some(unquoted.to_string()),
                "lang" | "language" => builder.metadata.lang = Some(unquoted.to_string()),
                "title" if !*seen_h1 && !unquoted.is_empty() => {
                    let offset = line_start + key.len() + 1 + (value.len() - value.trim_start().len());
                    let quote = usize::from(value_trimmed.len() != unquoted.len());
                    builder.start_block(Role::Headline);
                    push_decoded_text(builder, unquoted, offset + quote);
                    builder.end_block();
                    *seen_h1 = true;
                }
                _ => {}
            }
        }
        line_start += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(doc: &Document) -> Vec<(Role, &str)> {
        doc.paragraphs.iter().map(|p| (p.role, p.span.slice(&doc.text))).collect()
    }

    #[test]
    fn headline_lists_tables_and_skipped_code() {
        let md = "---\ndate: 2024-03-05\nlang: en\n---\n# Exports Down 40%\n\nExports fell `x` 25% [last year](https://e.com/2019/40).\n\n```\nfell 120%\n```\n\n- one item 5%\n- two item 6%\n\n| a | b |\n|---|---|\n| 40% | 60% |\n";
        let doc = read_markdown(md);
        assert_eq!(
            blocks(&doc),
            vec![
                (Role::Headline, "Exports Down 40%"),
                (Role::Body, "Exports fell  25% last year."),
                (Role::Body, "one item 5%"),
                (Role::Body, "two item 6%"),
                (Role::Body, "a"),
                (Role::Body, "b"),
                (Role::Body, "40%"),
                (Role::Body, "60%"),
            ]
        );
        assert_eq!(doc.metadata.date.as_deref(), Some("2024-03-05"));
        assert_eq!(doc.metadata.lang.as_deref(), Some("en"));
    }

    #[test]
    fn offsets_map_back_through_entities_and_emphasis() {
        let md = "# T\n\nCaf&eacute; **sales** fell *25%* in\n2024 — a 😀 drop.\n";
        let doc = read_markdown(md);
        let at = doc.text.find("25%").expect("figure");
        assert_eq!(doc.span_to_original(Span::new(at, at + 3)).slice(md), "25%");
        let cafe = doc.text.find("Café").expect("decoded entity");
        assert_eq!(doc.span_to_original(Span::new(cafe, cafe + "Café".len())).slice(md), "Caf&eacute;");
    }

    #[test]
    fn front_matter_title_is_the_headline() {
        let md = "---\ntitle: \"Exports Down 40%\"\n---\nExports fell 25%.\n";
        let doc = read_markdown(md);
        let headline = doc.headline().expect("headline");
        let span = doc.span_to_original(headline.span);
        assert_eq!(span.slice(md), "Exports Down 40%");
    }
}
