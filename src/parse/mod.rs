//! From a [`crate::source::Document`] to its figures and claims: the quantity grammar (nom),
//! the lexicon it reads, and the claim patterns.

pub mod claims;
pub mod lexicon;
pub mod numeral;
pub mod patterns;
pub mod quantity;
pub mod scan;
pub mod stats;

pub use claims::{Article, Claim, QuantityId};
pub use quantity::{Quantity, Unit};

use crate::source::{Document, Role};

/// Reads an article: scans its figures and binds them into claims, sentence by sentence.
pub fn analyze(document: Document) -> Article {
    let mut quantities = scan::scan(&document.text);
    let mut claims = Vec::new();
    let mut next = 0;
    let stats = stats::Reader::new(&document);
    for paragraph in &document.paragraphs {
        for sentence in &paragraph.sentences {
            claims.extend(stats.sentence_claims(&document, paragraph, *sentence));
            while next < quantities.len() && quantities[next].span.start < sentence.start {
                next += 1;
            }
            let first = next;
            while next < quantities.len() && quantities[next].span.end <= sentence.end {
                next += 1;
            }
            let figures: Vec<QuantityId> = (first..next).collect();
            if figures.is_empty() {
                continue;
            }
            let mut found = patterns::sentence_claims(&document.text, *sentence, &mut quantities, &figures);
            if paragraph.role == Role::Headline {
                found.retain(|c| matches!(c, Claim::Change(_)));
            }
            claims.extend(found);
        }
    }
    Article { document, quantities, claims }
}
