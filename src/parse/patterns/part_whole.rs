//! Parts of a whole said two ways: "12 of the 50 members, or 24%", "one in five (20%)",
//! "13% of 50 respondents"; and sizes of a population ("the city's 8 million residents").

use super::{Reader, Token};
use crate::parse::claims::{Claim, QuantityId, ShareClaim, SizeClaim};
use crate::parse::quantity::Unit;

/// Determiners before the whole of a part ("of the 50 members").
const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "all", "our", "these", "those"];

impl Reader<'_, '_> {
    /// "X of (the) Y …, or P%", "X out of Y … (P%)", "one in five, or P%".
    pub(super) fn part_whole(&self, claims: &mut Vec<Claim>) {
        for &t in self.figures {
            let Some(first) = self.amount(t) else { continue };
            let q = &self.quantities[first];
            if q.unit == Unit::Count {
                let mut k = t + 1;
                if self.is_word(k, &["out"]) && self.is_word(k + 1, &["of"]) {
                    k += 2;
                } else if self.is_word(k, &["of"]) {
                    k += 1;
                } else {
                    continue;
                }
                while self.is_word(k, DETERMINERS) {
                    k += 1;
                }
                let Some(whole) = self.amount(k).filter(|w| self.quantities[*w].unit == Unit::Count) else {
                    continue;
                };
                if self.quantities[whole].value < q.value {
                    continue;
                }
                if let Some(share) = self.restated_share(k + 1) {
                    claims.push(Claim::Share(ShareClaim {
                        opens_clause: false,
                        sentence: self.sentence,
                        share,
                        part: Some(first),
                        whole: Some(whole),
                        also: None,
                        of: None,
                    }));
                }
            } else if q.unit == Unit::Ratio
                && self.is_counted_ratio(first)
                && let Some(share) = self.restated_share(t + 1)
            {
                claims.push(Claim::Share(ShareClaim {
                    opens_clause: false,
                    sentence: self.sentence,
                    share,
                    part: None,
                    whole: None,
                    also: Some(first),
                    of: None,
                }));
            }
        }
    }

    /// "one in five", "4 out of 10": a ratio of counts, not a fraction word.
    pub(super) fn is_counted_ratio(&self, id: QuantityId) -> bool {
        let text = self.quantities[id].span.slice(self.text).to_ascii_lowercase();
        text.contains(" in ") || text.contains(" out of ")
    }

    /// A percentage that restates what comes before, from token `k`: up to four words, then
    /// ", or P%", "(P%)", ", P%," or "— P%".
    pub(super) fn restated_share(&self, k: usize) -> Option<QuantityId> {
        let mut k = k;
        let mut words = 0;
        while self.word(k).is_some() && !self.is_word(k, &["or"]) && words < 4 {
            k += 1;
            words += 1;
        }
        let percent = |i: usize| self.amount(i).filter(|p| self.quantities[*p].unit == Unit::Percent);
        if self.is_punct(k, &['(']) {
            return percent(k + 1).filter(|_| self.is_punct(k + 2, &[')', ',', ';']));
        }
        if self.is_punct(k, &[',', '—', '–']) {
            if self.is_word(k + 1, &["or"]) {
                return percent(k + 2);
            }
            return percent(k + 1)
                .filter(|_| self.is_punct(k + 2, &[',', '—', '–', '.', ')']) || k + 2 >= self.tokens.len());
        }
        if self.is_word(k, &["or"]) {
            return percent(k + 1);
        }
        None
    }

    /// "the city's 8 million residents", "a population of 8 million".
    pub(super) fn sizes(&self, claims: &mut Vec<Claim>) {
        for &t in self.figures {
            let Some(size) = self.amount(t) else { continue };
            let q = &self.quantities[size];
            if q.unit != Unit::Count || q.value < 1000.0 {
                continue;
            }
            let after = self.word(t + 1).map(str::to_ascii_lowercase);
            let before_population =
                t >= 2 && self.is_word(t - 1, &["of"]) && self.is_word(t - 2, &["population"]);
            let noun_after =
                after.as_deref().is_some_and(|w| crate::parse::lexicon::contains(&self.lex.count_nouns, w));
            // "22,000 people work abroad" is a part, not the population: people counts only
            // after a possessive or "a population of".
            let possessive = t >= 1
                && matches!(self.tokens[t - 1], Token::Word(w, _) if w.ends_with("'s") || w.ends_with("’s") || w.eq_ignore_ascii_case("its") || w.eq_ignore_ascii_case("their"));
            let people_ok = after.as_deref() != Some("people") || possessive;
            if before_population
                || (noun_after && people_ok && (possessive || after.as_deref() != Some("people")))
            {
                claims.push(Claim::Size(SizeClaim {
                    sentence: self.sentence,
                    size,
                    base: "population".into(),
                }));
            }
        }
    }

    /// The whole after "of" with determiners skipped, when it is a figure.
    pub(super) fn whole_after_of(&self, t: usize) -> Option<QuantityId> {
        if !self.is_word(t, &["of"]) {
            return None;
        }
        let mut k = t + 1;
        while self.is_word(k, DETERMINERS) {
            k += 1;
        }
        self.amount(k).filter(|w| self.quantities[*w].unit == Unit::Count)
    }
}
