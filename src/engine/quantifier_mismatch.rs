//! A word of quantity that its share contradicts (`quantifier-mismatch`): "most voters (45%)".

use super::{Hit, format, label};
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const VARS: &[&str] = &["quantifier", "share", "meaning"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Quantifier(c) = claim else { continue };
        let share = article.quantity(c.share).interval_with(tol);
        // "Most" and "a majority" need more than half; "a minority" less than half.
        let too_small = if c.low == 50.0 { share.high <= 50.0 } else { share.high < c.low };
        let too_large = if c.high == 50.0 { share.low >= 50.0 } else { share.low > c.high };
        if !too_small && !too_large {
            continue;
        }
        let meaning = if c.low == 50.0 && c.high == 100.0 {
            "more than half".to_string()
        } else if c.low == 0.0 && c.high == 50.0 {
            "less than half".to_string()
        } else if c.low == 0.0 {
            format!("at most about {}", format::percent(c.high))
        } else if c.high == 100.0 {
            format!("at least about {}", format::percent(c.low))
        } else {
            format!("about {} to {}", format::percent(c.low), format::percent(c.high))
        };
        hits.push(Hit {
            span: article.quantity(c.share).span,
            labels: vec![
                super::Label { span: c.word, text: "quantifier".into() },
                label(article, c.share, "stated share"),
            ],
            vars: vec![
                ("quantifier", c.word.slice(text).to_string()),
                ("share", article.text_of(c.share)),
                ("meaning", meaning),
            ],
        });
    }
    hits
}
