//! `factlint claims --format json`: the figures and claims of an article (the AST), with byte
//! offsets in the original file.

use crate::parse::{Article, Claim};
use serde::Serialize;

#[derive(Serialize)]
struct QuantityOut<'a> {
    id: usize,
    text: &'a str,
    value: f64,
    low: f64,
    high: f64,
    unit: &'static str,
    currency: Option<&'static str>,
    qualifier: &'static str,
    form: crate::parse::quantity::Form,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    version: u32,
    path: &'a str,
    /// The language tag of an article no lexicon reads (its figures were not read).
    #[serde(skip_serializing_if = "Option::is_none")]
    unread_language: Option<&'a str>,
    quantities: Vec<QuantityOut<'a>>,
    claims: &'a [Claim],
}

/// JSON holding every figure (with the interval it stands for) and every claim; claims name
/// figures by their `id`.
pub fn render(path: &str, article: &Article) -> String {
    let doc = &article.document;
    let quantities = article
        .quantities
        .iter()
        .enumerate()
        .map(|(id, q)| {
            let interval = q.interval();
            let span = doc.span_to_original(q.span);
            QuantityOut {
                id,
                text: q.span.slice(&doc.text),
                value: q.value,
                low: interval.low,
                high: interval.high,
                unit: q.unit.name(),
                currency: q.currency,
                qualifier: q.qualifier.name(),
                form: q.form,
                start: span.start,
                end: span.end,
            }
        })
        .collect();
    let unread_language = article.unread_language.as_deref();
    let out = ArticleOut { version: 1, path, unread_language, quantities, claims: &article.claims };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
