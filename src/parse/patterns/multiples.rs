//! Multiples: "tripled from 10 to 30", "doubled to 30 from 15", "halved", "2.5 times",
//! "threefold", with the levels they relate.

use super::{Reader, Token};
use crate::parse::claims::{Claim, MultipleClaim, QuantityId};
use crate::parse::quantity::{Qualifier, Unit};
use crate::span::Span;

impl Reader<'_, '_> {
    pub(super) fn multiples(&self, claims: &mut Vec<Claim>) {
        // A multiple is a word with that role ("tripled") or a figure ("3 times").
        // Both lists are in token order (and hold different tokens): merged, not sorted.
        let (mut figures, mut marked) = (self.figures.iter().peekable(), self.marked.iter().peekable());
        let starts = std::iter::from_fn(|| match (figures.peek(), marked.peek()) {
            (Some(f), Some(m)) if m < f => marked.next(),
            (Some(_), _) => figures.next(),
            (None, _) => marked.next(),
        });
        for &t in starts {
            let Some((cue, factor, factor_figure, more, after)) = self.multiple_at(t) else { continue };
            if let Some((from, to)) = self.levels_after(after) {
                let qualifier = self.multiple_qualifier(t);
                claims.push(Claim::Multiple(MultipleClaim {
                    sentence: self.sentence,
                    cue,
                    factor,
                    factor_figure,
                    more,
                    qualifier,
                    from,
                    to,
                }));
            }
        }
    }

    /// The multiple stated at token `t`: its span, word factor or figure, whether it is "N
    /// times more", and the token after it.
    #[allow(clippy::type_complexity)]
    fn multiple_at(&self, t: usize) -> Option<(Span, Option<f64>, Option<QuantityId>, bool, usize)> {
        match self.tokens.get(t)? {
            Token::Word(_, span) => {
                let factor = self.roles(t).multiple?;
                Some((*span, Some(factor), None, false, t + 1))
            }
            Token::Figure(id) => {
                let q = &self.quantities[*id];
                if q.unit != Unit::Count || q.value <= 1.0 {
                    return None;
                }
                let text = q.span.slice(self.text);
                let (span, next) = if self.is_word(t + 1, &["times"]) {
                    let Some(Token::Word(_, times)) = self.tokens.get(t + 1) else { return None };
                    (q.span.cover(*times), t + 2)
                } else if text.ends_with("-fold") || self.is_word(t + 1, &["fold"]) {
                    (q.span, t + 2)
                } else {
                    return None;
                };
                let more = self.is_word(next, &["more", "higher", "larger", "bigger", "greater"]);
                // "three times as many" and "three times more" qualify a noun; the levels follow.
                Some((span, None, Some(*id), more, next))
            }
            Token::Punct(..) => None,
        }
    }

    /// The qualifier just before a multiple word: "nearly tripled", "more than doubled".
    fn multiple_qualifier(&self, t: usize) -> Qualifier {
        if t >= 1 && self.is_word(t - 1, &["nearly", "almost", "roughly"]) {
            return if self.is_word(t - 1, &["roughly"]) {
                Qualifier::Approximately
            } else {
                Qualifier::Nearly
            };
        }
        if t >= 2 && self.is_word(t - 1, &["than"]) && self.is_word(t - 2, &["more"]) {
            return Qualifier::Over;
        }
        if t >= 1 && self.is_word(t - 1, &["over"]) {
            return Qualifier::Over;
        }
        Qualifier::Exact
    }

    /// "(…) from X to Y" or "(…) to Y from X" within a few tokens after `k`.
    fn levels_after(&self, k: usize) -> Option<(QuantityId, QuantityId)> {
        for i in k..(k + 6).min(self.tokens.len()) {
            if self.is_word(i, &["from"]) {
                let from = self.amount(i + 1)?;
                if self.is_word(i + 2, &["to"]) {
                    let to = self.amount(i + 3)?;
                    return self.compatible(from, to).then_some((from, to));
                }
                return None;
            }
            if self.is_word(i, &["to"]) {
                let to = self.amount(i + 1)?;
                if self.is_word(i + 2, &["from"]) {
                    let from = self.amount(i + 3)?;
                    return self.compatible(from, to).then_some((from, to));
                }
                return None;
            }
            if matches!(self.tokens[i], Token::Figure(_) | Token::Punct('.' | ';' | ':', _)) {
                return None;
            }
        }
        None
    }
}
