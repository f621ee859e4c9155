//! Totals: a list of parts and the total they make, "3 gold, 4 silver and 5 bronze, 14 medals
//! in all" or "14 medals in all: 3 gold, 4 silver and 5 bronze".

use super::{Reader, Token};
use crate::parse::claims::{Claim, QuantityId, TotalClaim};
use crate::parse::quantity::{Form, Unit};

impl Reader<'_, '_> {
    /// Totals stated with "in all", "in total", "altogether", "a total of", "totalling".
    pub(super) fn totals(&self, claims: &mut Vec<Claim>) {
        for &t in self.figures {
            let Some(total) = self.total_at(t) else { continue };
            if self.opened_by_total(t) {
                // "In all, the team won 14 medals." after a sentence that lists them: the
                // paragraph pass fills the parts from the sentence before.
                claims.push(Claim::Total(TotalClaim { sentence: self.sentence, parts: Vec::new(), total }));
                continue;
            }
            let parts = self.part_list(total);
            if parts.len() >= 2 && self.adjacent(&parts, t) && self.same_scale(&parts, total) {
                claims.push(Claim::Total(TotalClaim { sentence: self.sentence, parts, total }));
            }
        }
    }

    /// Whether the list touches its total: "…, 5 bronze, 14 medals in all" (the total right
    /// after the last part and its noun) or "a total of 40 seats: 12 …" (the list right after
    /// the total and its noun).
    fn adjacent(&self, parts: &[QuantityId], total_token: usize) -> bool {
        let position = |id: QuantityId| self.tokens.iter().position(|t| *t == Token::Figure(id));
        let (Some(first), Some(last)) =
            (parts.first().and_then(|p| position(*p)), parts.last().and_then(|p| position(*p)))
        else {
            return false;
        };
        const MAX_GAP: usize = 5;
        if last < total_token {
            total_token - last <= MAX_GAP
        } else {
            first > total_token
                && first - total_token <= MAX_GAP
                && (total_token + 1..first).any(|k| self.is_punct(k, &[':', ',', '(', '—', '–']))
        }
    }

    /// Parts and total of one scale: "1.9 billion riyals" is not made of "30, 91".
    pub(super) fn same_scale(&self, parts: &[QuantityId], total: QuantityId) -> bool {
        let m = self.quantities[total].magnitude;
        parts.iter().all(|&p| {
            let q = &self.quantities[p];
            q.magnitude == m
                || (q.magnitude > 1.0 && m > 1.0)
                || (m == 1.0 && q.value * q.magnitude < self.quantities[total].value * 10.0)
        })
    }

    /// Whether the sentence opens with "In all," / "In total," / "Altogether," and the figure
    /// at `t` is its first: the total of a list in the sentence before.
    fn opened_by_total(&self, t: usize) -> bool {
        let opened =
            (self.is_word(0, &["in"]) && self.is_word(1, &["all", "total"]) && self.is_punct(2, &[',']))
                || (self.is_word(0, &["altogether"]) && self.is_punct(1, &[',']));
        opened
            && matches!(self.tokens.get(t), Some(Token::Figure(_)))
            && (0..t).all(|k| !matches!(self.tokens[k], Token::Figure(_)))
    }

    /// The total figure marked at token `t`.
    fn total_at(&self, t: usize) -> Option<QuantityId> {
        let id = self.amount(t)?;
        let q = &self.quantities[id];
        if !matches!(q.unit, Unit::Count | Unit::Currency) || q.form == Form::Range {
            return None;
        }
        let before = |words: &[&str]| {
            t >= words.len() && words.iter().rev().enumerate().all(|(i, w)| self.is_word(t - 1 - i, &[w]))
        };
        if self.opened_by_total(t) {
            return Some(id);
        }
        if before(&["a", "total", "of"])
            || before(&["total", "of"])
            || before(&["totalling"])
            || before(&["totaling"])
        {
            return Some(id);
        }
        // "14 medals in all", "14 in total", "14 altogether": up to two nouns in between.
        let mut k = t + 1;
        let mut nouns = 0;
        while nouns < 2 && self.word(k).is_some() && !self.is_word(k, &["in", "altogether"]) {
            k += 1;
            nouns += 1;
        }
        let marked = (self.is_word(k, &["in"]) && self.is_word(k + 1, &["all", "total"]))
            || self.is_word(k, &["altogether"]);
        marked.then_some(id)
    }

    /// The list of parts that goes with `total`: figures of its unit joined by commas and
    /// "and", each followed by at most four words, with nothing else between them.
    pub(super) fn part_list(&self, total: QuantityId) -> Vec<QuantityId> {
        let unit = (self.quantities[total].unit, self.quantities[total].currency);
        let mut best: Vec<QuantityId> = Vec::new();
        let mut current: Vec<QuantityId> = Vec::new();
        let mut gap_ok = true;
        let mut words_since = 0;
        for token in self.tokens {
            match token {
                Token::Figure(id) if *id != total => {
                    let q = &self.quantities[*id];
                    let same = (q.unit, q.currency) == unit && q.form != Form::Range;
                    if same && gap_ok && (current.is_empty() || words_since <= 4) {
                        current.push(*id);
                    } else {
                        if current.len() > best.len() {
                            best = std::mem::take(&mut current);
                        }
                        current.clear();
                        if same {
                            current.push(*id);
                        }
                    }
                    gap_ok = false;
                    words_since = 0;
                }
                Token::Figure(_) => {
                    if current.len() > best.len() {
                        best = std::mem::take(&mut current);
                    }
                    current.clear();
                }
                Token::Word(w, _) => {
                    words_since += 1;
                    if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("plus") {
                        gap_ok = true;
                    }
                }
                Token::Punct(c, _) => {
                    if matches!(c, ',' | ';') {
                        gap_ok = true;
                    } else if matches!(c, ':') {
                        if current.len() > best.len() {
                            best = std::mem::take(&mut current);
                        }
                        current.clear();
                        gap_ok = true;
                    }
                }
            }
        }
        if current.len() > best.len() {
            best = current;
        }
        best
    }
}
