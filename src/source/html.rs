//! HTML: the prose of an article through lol_html's HTML5 tokenizer, with entities decoded
//! and every piece mapped to its bytes in the file. `<title>` and the first `<h1>` are
//! headlines; script, style, navigation, footers and forms are skipped.

use super::builder::DocumentBuilder;
use super::{Directive, Document, Role};
use crate::span::Span;
use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_comments, doc_text, element};
use std::cell::RefCell;
use std::rc::Rc;

/// Elements whose text is not article prose.
const SKIPPED: &str = "script, style, nav, footer, noscript, template, svg, math, aside, button, select, textarea, form, iframe, object, figure > img, head > meta";

/// Elements that start and end a block of prose.
const BLOCKS: &str = "p, div, li, dt, dd, td, th, caption, figcaption, blockquote, pre, section, article, main, header, h2, h3, h4, h5, h6, table, tr, ul, ol, dl";

#[derive(Default)]
struct State {
    builder: DocumentBuilder,
    skip_depth: usize,
    seen_h1: bool,
}

/// Reads HTML (already decoded to UTF-8) into a [`Document`].
pub fn read_html(text: &str) -> Document {
    let state = Rc::new(RefCell::new(State::default()));
    let skip = Rc::clone(&state);
    let headline = Rc::clone(&state);
    let block = Rc::clone(&state);
    let lang = Rc::clone(&state);
    let words = Rc::clone(&state);
    let comments = Rc::clone(&state);
    let settings =
        Settings::new()
            .append_element_content_handler(element!(SKIPPED, move |el| {
                if el.can_have_content() {
                    skip.borrow_mut().skip_depth += 1;
                    let inner = Rc::clone(&skip);
                    if let Some(handlers) = el.end_tag_handlers() {
                        handlers.push(Box::new(move |_: &mut lol_html::html_content::EndTag<'_>| {
                            let mut s = inner.borrow_mut();
                            s.skip_depth = s.skip_depth.saturating_sub(1);
                            Ok(())
                        }) as _);
                    } else {
                        // No end tag will come: do not skip the rest of the file.
                        let mut s = skip.borrow_mut();
                        s.skip_depth = s.skip_depth.saturating_sub(1);
                    }
                }
                Ok(())
            }))
            .append_element_content_handler(element!("title, h1", move |el| {
                let role = {
                    let mut s = headline.borrow_mut();
                    let is_h1 = el.tag_name().eq_ignore_ascii_case("h1");
                    let first_h1 = is_h1 && !s.seen_h1;
                    s.seen_h1 |= is_h1;
                    if !is_h1 || first_h1 { Role::Headline } else { Role::Body }
                };
                headline.borrow_mut().builder.start_block(role);
                close_on_end_tag(el, &headline);
                Ok(())
            }))
            .append_element_content_handler(element!(BLOCKS, move |el| {
                block.borrow_mut().builder.end_block();
                close_on_end_tag(el, &block);
                Ok(())
            }))
            .append_element_content_handler(element!("html[lang]", move |el| {
                lang.borrow_mut().builder.metadata.lang = el.get_attribute("lang");
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk| {
                let mut s = words.borrow_mut();
                if s.skip_depth > 0 || !matches!(chunk.text_type(), TextType::Data | TextType::RCData) {
                    return Ok(());
                }
                let start = chunk.source_location().bytes().start;
                push_decoded_text(&mut s.builder, chunk.as_str(), start);
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(move |comment| {
                let body = comment.text();
                let trimmed = body.trim();
                if trimmed.starts_with("factlint-") {
                    let range = comment.source_location().bytes();
                    comments.borrow_mut().builder.metadata.directives.push(Directive {
                        text: trimmed.to_string(),
                        span: Span::new(range.start, range.end),
                    });
                }
                Ok(())
            }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // A rewriting error (never expected for text input) leaves what was read so far.
    let _ = rewriter.write(text.as_bytes()).and_then(|()| rewriter.end());
    let state = Rc::try_unwrap(state).map(RefCell::into_inner).unwrap_or_default();
    state.builder.finish()
}

fn close_on_end_tag(el: &mut lol_html::html_content::Element<'_, '_>, state: &Rc<RefCell<State>>) {
    let inner = Rc::clone(state);
    if let Some(handlers) = el.end_tag_handlers() {
        handlers.push(Box::new(move |_: &mut lol_html::html_content::EndTag<'_>| {
            inner.borrow_mut().builder.end_block();
            Ok(())
        }) as _);
    }
}

/// Appends raw HTML text that starts at `start` in the file, decoding character references.
pub(crate) fn push_decoded_text(builder: &mut DocumentBuilder, raw: &str, start: usize) {
    let mut pos = 0;
    while let Some(amp) = raw[pos..].find('&').map(|i| pos + i) {
        builder.push_verbatim(&raw[pos..amp], start + pos);
        let rest = &raw[amp..];
        let end = rest
            .char_indices()
            .take(40)
            .find(|(i, c)| *c == ';' || c.is_whitespace() || *c == '<' || (*c == '&' && *i > 0))
            .filter(|(_, c)| *c == ';')
            .map(|(i, _)| i + 1);
        match end {
            Some(len) => {
                let reference = &rest[..len];
                let decoded = htmlize::unescape(reference);
                if decoded == reference {
                    builder.push_verbatim(reference, start + amp);
                } else {
                    builder.push_decoded(&decoded, start + amp, len);
                }
                pos = amp + len;
            }
            None => {
                builder.push_verbatim("&", start + amp);
                pos = amp + 1;
            }
        }
    }
    builder.push_verbatim(&raw[pos..], start + pos);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_headline_and_skipped_parts() {
        let html = "<html lang=\"de\"><head><title>Exports Down 40%</title><style>p{}</style></head>\
                    <body><nav>Home 2024</nav><h1>Exports fall</h1><p>Exports fell <b>25%</b> &amp; more.</p>\
                    <script>var x = 120;</script><footer>© 2024</footer></body></html>";
        let doc = read_html(html);
        let texts: Vec<(Role, &str)> =
            doc.paragraphs.iter().map(|p| (p.role, p.span.slice(&doc.text))).collect();
        assert_eq!(
            texts,
            vec![
                (Role::Headline, "Exports Down 40%"),
                (Role::Headline, "Exports fall"),
                (Role::Body, "Exports fell 25% & more.")
            ]
        );
        assert_eq!(doc.metadata.lang.as_deref(), Some("de"));
    }

    #[test]
    fn offsets_map_through_entities_and_markup() {
        let html = "<p>Caf&eacute; sales fell <b>25%</b> in&nbsp;2024.</p>";
        let doc = read_html(html);
        let at = doc.text.find("25%").expect("figure in text");
        let span = doc.span_to_original(Span::new(at, at + 3));
        assert_eq!(span.slice(html), "25%");
        let cafe = doc.text.find("Café").expect("decoded");
        assert_eq!(doc.span_to_original(Span::new(cafe, cafe + "Café".len())).slice(html), "Caf&eacute;");
    }

    #[test]
    fn deep_nesting_and_unclosed_tags_do_not_fail() {
        let html = format!("{}<p>Sales rose 5%.{}", "<div>".repeat(10_000), "</div>".repeat(3));
        let doc = read_html(&html);
        assert!(doc.text.contains("Sales rose 5%."));
    }

    #[test]
    fn suppression_comments_are_collected() {
        let html = "<p>a</p><!-- factlint-disable-next-line share-sum --><p>b</p><!-- other -->";
        let doc = read_html(html);
        assert_eq!(doc.metadata.directives.len(), 1);
        assert_eq!(doc.metadata.directives[0].text, "factlint-disable-next-line share-sum");
        assert_eq!(
            doc.metadata.directives[0].span.slice(html),
            "<!-- factlint-disable-next-line share-sum -->"
        );
    }
}
