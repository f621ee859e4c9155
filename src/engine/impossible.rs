//! Figures no reading can make true: a fall of more than 100% (`impossible-value`).

use super::{Hit, OptionSpec, label};
use crate::parse::lexicon::Direction;
use crate::parse::quantity::Unit;
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const OPTIONS: &[OptionSpec] = &[OptionSpec {
    name: "max_fall",
    default: 100.0,
    doc: "the largest fall, in percent, that a quantity can have",
}];

pub const VARS: &[&str] = &["stated", "cue", "max_fall"];

/// Words before the change that name something which can turn negative: a loss that "fell
/// 120%" became a profit, which is possible.
const SIGNED_SUBJECTS: &[&str] =
    &["loss", "losses", "deficit", "deficits", "debt", "outflow", "outflows", "balance", "net"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let max_fall = rule.option("max_fall");
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Change(c) = claim else { continue };
        let (Some(Direction::Down), Some(stated), Some(cue)) = (c.direction, c.stated, c.cue) else {
            continue;
        };
        let s = article.quantity(stated);
        if s.unit != Unit::Percent || s.value < 0.0 || s.interval_with(tol).low <= max_fall {
            continue;
        }
        let before = crate::span::Span::new(c.sentence.start, cue.start).slice(text).to_lowercase();
        if before.split(|ch: char| !ch.is_alphanumeric()).any(|w| SIGNED_SUBJECTS.contains(&w)) {
            continue;
        }
        hits.push(Hit {
            span: s.span,
            labels: vec![
                crate::engine::Label { span: cue, text: "a fall".into() },
                label(article, stated, "more than 100%"),
            ],
            vars: vec![
                ("stated", article.text_of(stated).to_string()),
                ("cue", cue.slice(text).to_string()),
                ("max_fall", super::format::percent(max_fall)),
            ],
        });
    }
    hits
}
