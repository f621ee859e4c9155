//! Words of quantity restated as a share: "most voters (45%)", "a majority of members, 48%,",
//! "half of them (38%)".

use super::Reader;
use crate::parse::claims::{Claim, QuantifierClaim};
use crate::parse::lexicon;
use crate::parse::quantity::Unit;
use crate::span::Span;

impl Reader<'_, '_> {
    pub(super) fn quantifiers(&self, claims: &mut Vec<Claim>) {
        let n = self.tokens.len();
        // The next token a phrase may start at (phrases do not overlap).
        let mut next = 0;
        for &t in self.marked {
            // Most words start no quantifier phrase: their roles say so.
            if t < next || !self.roles(t).quantifier_start {
                continue;
            }
            let found = self
                .lex
                .quantifiers
                .iter()
                .find(|(words, ..)| words.iter().enumerate().all(|(i, w)| self.is_word(t + i, &[w])));
            let Some((words, low, high)) = found else { continue };
            let last = t + words.len() - 1;
            // "the most popular (45%)" is a superlative; "a few" is a small count.
            let superlative = *words == ["most"]
                && (t > 0 && self.is_word(t - 1, &["the", "at", "second", "third"])
                    || !self.names_people(last + 1));
            // "for most of the season" is a share of time, not of people.
            let of_time = (last + 1..(last + 5).min(n))
                .any(|k| self.word(k).is_some_and(|w| lexicon::contains(&self.lex.time_nouns, w)));
            let a_few = *words == ["few"] && t > 0 && self.is_word(t - 1, &["a", "quite"]);
            if !superlative
                && !a_few
                && !of_time
                && let Some(share) = self.restated_share(last + 1)
            {
                let (start, end) = (self.token_span(t), self.token_span(last));
                if let (Some(start), Some(end)) = (start, end) {
                    claims.push(Claim::Quantifier(QuantifierClaim {
                        sentence: self.sentence,
                        word: start.cover(end),
                        low: *low,
                        high: *high,
                        share,
                    }));
                }
            }
            next = last + 1;
        }
        // Fraction words: "half of voters (38%)", "a third (45%)".
        for &t in self.figures {
            let Some(id) = self.amount(t) else { continue };
            let q = &self.quantities[id];
            if q.unit != Unit::Ratio || self.is_counted_ratio(id) {
                continue;
            }
            if let Some(share) = self.restated_share(t + 1) {
                let slack = 5.0;
                let interval = q.interval();
                claims.push(Claim::Quantifier(QuantifierClaim {
                    sentence: self.sentence,
                    word: q.span,
                    low: (interval.low * 100.0 - slack).max(0.0),
                    high: (interval.high * 100.0 + slack).min(100.0),
                    share,
                }));
            }
        }
    }

    /// Whether the word at `t` can be what "most" counts: "of", or a plural noun ("voters",
    /// "people"), not an adjective ("most likely", "most dangerous").
    fn names_people(&self, t: usize) -> bool {
        let Some(word) = self.word(t).map(str::to_ascii_lowercase) else { return false };
        if ["of", "people", "men", "women", "children", "staff", "police", "public"].contains(&word.as_str())
        {
            return true;
        }
        word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ous")
            && !word.ends_with("ss")
            && !word.ends_with("less")
    }

    fn token_span(&self, t: usize) -> Option<Span> {
        match self.tokens.get(t)? {
            super::Token::Word(_, span) | super::Token::Punct(_, span) => Some(*span),
            super::Token::Figure(id) => Some(self.quantities[*id].span),
        }
    }
}
