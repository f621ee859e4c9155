//! From a [`crate::source::Document`] to its figures and claims: the quantity grammar (nom),
//! the lexicon it reads, and the claim patterns.

pub mod claims;
pub mod lexicon;
pub mod numeral;
pub mod patterns;
pub mod quantity;
pub mod relative;
pub mod scan;
pub mod stats;

pub use claims::{Article, Claim, QuantityId};
pub use quantity::{Quantity, Unit};

use crate::source::{Document, Role};
use crate::span::Span;

/// Reads an article in its own language (`lang` of its front matter or HTML), English when it
/// names none; an article in a language without a lexicon is left unread ([`unread`]).
pub fn analyze(document: Document) -> Article {
    analyze_in(document, &lexicon::Languages::default(), None)
}

/// Reads an article with the lexicon of its language among `languages` (`default` when it
/// names none); an article in a language without a lexicon is left unread ([`unread`]).
pub fn analyze_in(document: Document, languages: &lexicon::Languages, default: Option<&str>) -> Article {
    match languages.resolve(document.metadata.lang.as_deref().or(default)) {
        Ok(lexicon) => analyze_with(document, lexicon),
        Err(tag) => {
            let tag = tag.to_string();
            unread(document, &tag)
        }
    }
}

/// Reads an article with `lexicon`: scans its figures and binds them into claims, sentence by
/// sentence.
pub fn analyze_with(mut document: Document, lexicon: &'static lexicon::Lexicon) -> Article {
    let _active = lexicon::activate(lexicon);
    join_after_abbreviations(&mut document, lexicon);
    let mut quantities = scan::scan(&document.text);
    let mut claims = Vec::new();
    let mut next = 0;
    let stats = stats::Reader::new(&document);
    // The figures of a sentence are a run of ids: a slice of this list.
    let ids: Vec<QuantityId> = (0..quantities.len()).collect();
    let mut scratch = patterns::Scratch::default();
    for paragraph in &document.paragraphs {
        let first_claim = claims.len();
        // The figures of the sentence before, for a total stated after its parts.
        let mut previous: Option<(Span, &[QuantityId])> = None;
        for sentence in &paragraph.sentences {
            // Statistics and means are written in digits: a sentence without one has none.
            if has_digit(sentence.slice(&document.text).as_bytes()) {
                claims.extend(stats.sentence_claims(&document, paragraph, *sentence));
            }
            while next < quantities.len() && quantities[next].span.start < sentence.start {
                next += 1;
            }
            let first = next;
            while next < quantities.len() && quantities[next].span.end <= sentence.end {
                next += 1;
            }
            let figures = &ids[first..next];
            // Years, dates and names alone make no claim.
            if !figures.iter().any(|&f| quantities[f].is_amount()) {
                previous = None;
                continue;
            }
            let mut found =
                patterns::sentence_claims(&mut scratch, &document.text, *sentence, &mut quantities, figures);
            if paragraph.role == Role::Headline {
                found.retain(|c| matches!(c, Claim::Change(_)));
            }
            // A total whose parts are in the sentence before, or none at all.
            found.retain_mut(|c| match c {
                Claim::Total(t) if t.parts.is_empty() => {
                    if let Some((span, figs)) = &previous {
                        t.parts = patterns::list_in(&document.text, *span, &quantities, figs, t.total);
                    }
                    !t.parts.is_empty()
                }
                _ => true,
            });
            claims.extend(found);
            previous = Some((*sentence, figures));
        }
        group_shares_across_sentences(&mut claims, first_claim);
    }
    claims.extend(table_totals(&document, &quantities));
    Article { document, quantities, claims, lexicon, unread_language: None }
}

/// Whether `bytes` hold an ASCII digit, sixteen bytes at a time (the compiler turns each
/// block into a few vector instructions).
fn has_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    let any_digit = |block: &[u8]| block.iter().fold(false, |seen, b| seen | b.is_ascii_digit());
    blocks.any(any_digit) || any_digit(blocks.remainder())
}

/// An article in a language no lexicon reads (`language`, its tag): its text and no figures.
/// Reading French with English words would take "3,5 %" for two figures; no reading is better
/// than a wrong one.
pub fn unread(document: Document, language: &str) -> Article {
    Article {
        document,
        quantities: Vec::new(),
        claims: Vec::new(),
        lexicon: lexicon::english(),
        unread_language: Some(language.to_string()),
    }
}

/// Joins sentences split after one of the lexicon's abbreviations ("22 Mio. Euro"): the
/// sentence splitter knows only the common English ones.
fn join_after_abbreviations(document: &mut Document, lexicon: &lexicon::Lexicon) {
    if lexicon.abbreviations.is_empty() {
        return;
    }
    let text = &document.text;
    for paragraph in &mut document.paragraphs {
        let mut joined: Vec<Span> = Vec::with_capacity(paragraph.sentences.len());
        for sentence in paragraph.sentences.drain(..) {
            match joined.last_mut() {
                Some(last) if ends_with_abbreviation(last.slice(text), lexicon) => {
                    *last = Span::new(last.start, sentence.end);
                }
                _ => joined.push(sentence),
            }
        }
        paragraph.sentences = joined;
    }
}

fn ends_with_abbreviation(sentence: &str, lexicon: &lexicon::Lexicon) -> bool {
    let Some(body) = sentence.strip_suffix('.') else { return false };
    let word = body.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    !word.is_empty() && lexicon.abbreviations.iter().any(|a| word.to_lowercase() == *a)
}

/// Shares of one named whole that open their clauses in different sentences of a paragraph
/// ("Of the staff, 45% work in research. Another 62% of the staff teach.") form one group.
fn group_shares_across_sentences(claims: &mut Vec<Claim>, from: usize) {
    use std::collections::BTreeMap;
    // "the staff" and "the staff teach" name one whole: the phrase after "of" may run into
    // the verb, so one phrase that starts the other is the same whole.
    let same_whole = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        long == short || long.starts_with(&format!("{short} "))
    };
    let mut by_whole: BTreeMap<String, Vec<(Span, QuantityId)>> = BTreeMap::new();
    for claim in &claims[from..] {
        if let Claim::Share(s) = claim
            && let (true, Some(of)) = (s.opens_clause, &s.of)
        {
            let key = by_whole.keys().find(|k| same_whole(k, of)).cloned();
            match key {
                Some(k) if k.len() > of.len() => {
                    let mut entries = by_whole.remove(&k).unwrap_or_default();
                    entries.push((s.sentence, s.share));
                    by_whole.insert(of.clone(), entries);
                }
                Some(k) => by_whole.entry(k).or_default().push((s.sentence, s.share)),
                None => by_whole.entry(of.clone()).or_default().push((s.sentence, s.share)),
            }
        }
    }
    for (of, shares) in by_whole {
        let sentences: std::collections::BTreeSet<Span> = shares.iter().map(|s| s.0).collect();
        let grouped_already = claims[from..].iter().any(
            |c| matches!(c, Claim::ShareGroup(g) if g.of.as_deref().is_some_and(|o| same_whole(o, &of))),
        );
        if sentences.len() < 2 || grouped_already {
            continue;
        }
        let last = shares.last().map(|s| s.0).unwrap_or_default();
        claims.push(Claim::ShareGroup(claims::ShareGroupClaim {
            sentence: last,
            shares: shares.iter().map(|s| s.1).collect(),
            of: Some(of),
        }));
    }
}

/// Words that open a table's total row.
const TOTAL_ROW_WORDS: &[&str] = &["total", "totals", "all", "overall", "sum", "combined"];

/// In a table whose last row is a total ("Total | 120"), each column's figures above it are
/// its parts.
fn table_totals(document: &Document, quantities: &[Quantity]) -> Vec<Claim> {
    let text = &document.text;
    let figure_in = |cell: Span| -> Option<QuantityId> {
        let inside: Vec<QuantityId> = (0..quantities.len())
            .filter(|&i| cell.contains(quantities[i].span) && quantities[i].is_amount())
            .collect();
        match inside.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let mut claims = Vec::new();
    for table in &document.metadata.tables {
        let Some((total_row, body)) = table.split_last() else { continue };
        let label = total_row.first().map(|c| c.slice(text).trim().to_lowercase()).unwrap_or_default();
        if !TOTAL_ROW_WORDS.iter().any(|w| label.split_whitespace().next() == Some(*w)) {
            continue;
        }
        for column in 1..total_row.len() {
            let Some(total) = total_row.get(column).and_then(|c| figure_in(*c)) else { continue };
            // Row 0 is the header.
            let parts: Option<Vec<QuantityId>> =
                body.iter().skip(1).map(|row| row.get(column).and_then(|c| figure_in(*c))).collect();
            let Some(parts) = parts else { continue };
            let same_unit = parts.iter().all(|&p| {
                quantities[p].unit == quantities[total].unit
                    && quantities[p].currency == quantities[total].currency
            });
            if parts.len() >= 2 && same_unit {
                claims.push(Claim::Total(claims::TotalClaim { sentence: total_row[column], parts, total }));
            }
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::has_digit;

    #[test]
    fn a_digit_is_found_in_every_block_and_in_the_remainder() {
        for len in 0..40 {
            let mut text = vec![b'x'; len];
            assert!(!has_digit(&text));
            for at in 0..len {
                text[at] = b'7';
                assert!(has_digit(&text), "digit at {at} of {len}");
                text[at] = if at % 2 == 0 { b'/' } else { b':' };
                assert!(!has_digit(&text), "'/' and ':' border the digits");
                text[at] = b'x';
            }
        }
    }
}
