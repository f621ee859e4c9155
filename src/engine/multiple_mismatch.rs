//! A multiple that does not match its levels (`multiple-mismatch`): "tripled from 10 to 25"
//! is ×2.5.

use super::{Hit, OptionSpec, format, label};
use crate::interval::Interval;
use crate::parse::quantity::Qualifier;
use crate::parse::{Article, Claim};

/// How far short of its multiple "nearly" may fall, as a fraction.
const NEARLY: f64 = 0.2;
use crate::rules::Rule;

pub const OPTIONS: &[OptionSpec] = &[OptionSpec {
    name: "word_tolerance",
    default: 0.05,
    doc: "how far a multiple said in a word (doubled, tripled) may stray, as a fraction of it",
}];

pub const VARS: &[&str] = &["multiple", "from", "to", "actual"];

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let word_tol = rule.option("word_tolerance");
    let text = &article.document.text;
    let mut hits = Vec::new();
    for claim in &article.claims {
        let Claim::Multiple(c) = claim else { continue };
        let (f, t) = (article.quantity(c.from), article.quantity(c.to));
        let Some(ratio) = t.interval_with(tol).div(&f.interval_with(tol)) else { continue };
        let mut readings: Vec<Interval> = Vec::new();
        if let Some(factor) = c.factor {
            let plain = Interval::around(factor, factor * word_tol);
            // Towards 1 for "nearly" (nearly tripled: a bit under ×3; nearly halved: a bit
            // over ×0.5), away from 1 for "more than".
            let toward_one = if factor >= 1.0 { factor * (1.0 - NEARLY) } else { factor / (1.0 - NEARLY) };
            readings.push(match c.qualifier {
                Qualifier::Nearly => Interval::new(toward_one, factor).unwrap_or(plain).hull(&plain),
                Qualifier::Over | Qualifier::AtLeast | Qualifier::JustOver => {
                    if factor >= 1.0 {
                        Interval::at_least(factor * (1.0 - word_tol))
                    } else {
                        Interval { low: 0.0, high: factor * (1.0 + word_tol) }
                    }
                }
                Qualifier::Approximately => Interval::around(factor, factor * tol.approx).hull(&plain),
                _ => plain,
            });
        }
        if let Some(id) = c.factor_figure {
            let stated = article.quantity(id).interval_with(tol);
            readings.push(stated);
            if c.more {
                readings.extend(stated.add(&Interval::point(1.0)));
            }
        }
        if readings.is_empty() || readings.iter().any(|r| r.meets(&ratio)) || f.value == 0.0 {
            continue;
        }
        let mut labels = vec![label(article, c.from, "from"), label(article, c.to, "to")];
        labels.push(super::Label { span: c.cue, text: "stated multiple".into() });
        hits.push(Hit {
            span: c.cue,
            labels,
            vars: vec![
                ("multiple", c.cue.slice(text).to_string()),
                ("from", article.text_of(c.from)),
                ("to", article.text_of(c.to)),
                ("actual", format!("×{}", format::number(t.value / f.value, 2))),
            ],
        });
    }
    hits
}
