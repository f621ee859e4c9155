//! The shape of a lexicon file (`rules/lexicon/<language>.yml`) as serde reads it: every key
//! optional, so that a pack's file can extend a language with a few words.

use super::Direction;
use crate::parse::quantity::Qualifier;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A YAML mapping kept in the order written (words → meaning).
#[derive(Clone, Debug, PartialEq)]
pub struct Ordered<T, K = String>(pub Vec<(K, T)>);

impl<T, K> Default for Ordered<T, K> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>, K: Deserialize<'de>> Deserialize<'de> for Ordered<T, K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T, K>(std::marker::PhantomData<(T, K)>);
        impl<'de, T: Deserialize<'de>, K: Deserialize<'de>> Visitor<'de> for Entries<T, K> {
            type Value = Ordered<T, K>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of words to their meaning")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<K, T>()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// One lexicon file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconFile {
    /// The language tag ("en", "de"): a file for a language already known extends it.
    pub language: String,
    pub name: Option<String>,
    /// Other tags and names an article may give the language: ISO 639-2 codes ("deu",
    /// "ger") and names ("German").
    #[serde(default)]
    pub aliases: Vec<String>,
    pub numbers: Option<Numbers>,
    #[serde(default)]
    pub qualifiers: Ordered<Vec<String>, Qualifier>,
    #[serde(default)]
    pub bound_signs: Ordered<Vec<String>, Qualifier>,
    #[serde(default)]
    pub exact_phrases: Vec<String>,
    #[serde(default)]
    pub bound_suffixes: Ordered<Vec<String>, Qualifier>,
    #[serde(default)]
    pub number_words: NumberWords,
    #[serde(default)]
    pub magnitudes: Ordered<f64>,
    #[serde(default)]
    pub money_magnitudes: Ordered<f64>,
    #[serde(default)]
    pub currencies: Currencies,
    #[serde(default)]
    pub percent_words: Vec<String>,
    #[serde(default)]
    pub point_words: Vec<String>,
    #[serde(default)]
    pub duration_words: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    /// Relative ordinals and the position they name: "end+0" (last), "end-1", "current+1".
    #[serde(default)]
    pub relative_ordinals: Ordered<String>,
    #[serde(default)]
    pub identifier_cues: Vec<String>,
    #[serde(default)]
    pub score_cues: Vec<String>,
    #[serde(default)]
    pub change_words: ChangeWords,
    #[serde(default)]
    pub comparison_words: Vec<String>,
    #[serde(default)]
    pub not_a_level_words: Vec<String>,
    #[serde(default)]
    pub time_words: Vec<String>,
    #[serde(default)]
    pub level_fillers: Vec<String>,
    #[serde(default)]
    pub function_words: FunctionWords,
    pub verb_final: Option<bool>,
    pub verb_second: Option<bool>,
    #[serde(default)]
    pub multiples: Ordered<f64>,
    #[serde(default)]
    pub quantifiers: Ordered<[f64; 2]>,
    #[serde(default)]
    pub time_nouns: Vec<String>,
    #[serde(default)]
    pub count_nouns: Vec<String>,
    #[serde(default)]
    pub multi_answer_phrases: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
}

/// How digits are written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Numbers {
    /// The decimal mark: "." in English, "," in German.
    pub decimal_mark: char,
    /// Marks between groups of three digits: "," in English, "." in German, and thin or
    /// no-break spaces in both.
    pub group_marks: Vec<String>,
    /// Whether a full stop after digits writes an ordinal ("am 3. Oktober", "vom 5. auf den 2.
    /// Platz"): then digits and a full stop before a month, a word in lower case or one of
    /// `ordinal-nouns` are a position, never an amount.
    #[serde(default)]
    pub ordinal_dot: bool,
    /// Nouns that follow an ordinal written with a full stop ("2. Platz", "3. Quartal").
    #[serde(default)]
    pub ordinal_nouns: Vec<String>,
    /// Words after digits that make them a time of day ("14.30 Uhr").
    #[serde(default)]
    pub clock_words: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumberWords {
    #[serde(default)]
    pub units: Ordered<u32>,
    #[serde(default)]
    pub tens: Ordered<u32>,
    #[serde(default)]
    pub scales: Ordered<f64>,
    #[serde(default)]
    pub ordinals: Ordered<f64>,
    #[serde(default)]
    pub dozens: Vec<String>,
    #[serde(default)]
    pub signs: Vec<String>,
    /// Words for "one" before a scale or a fraction: "a million", "a third".
    #[serde(default)]
    pub articles: Vec<String>,
    /// How number words join into one word ("zweiundzwanzig", "dreihundertfünfzig"); absent
    /// in a language that writes them apart.
    #[serde(default)]
    pub compounds: Option<Compounds>,
}

/// Number words written as one word: its parts are the units, tens and scales, and these.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Compounds {
    /// The word between a unit and its tens ("und" of "zweiundzwanzig").
    #[serde(default)]
    pub joins: Vec<String>,
    /// Forms of units used only inside a compound ("ein" of "einundzwanzig", "einhundert").
    #[serde(default)]
    pub units: Ordered<u32>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Currencies {
    #[serde(default)]
    pub before: Ordered<String>,
    #[serde(default)]
    pub after: Ordered<String>,
    #[serde(default)]
    pub signs_after: Ordered<String>,
    #[serde(default)]
    pub million_codes: Ordered<String>,
    #[serde(default)]
    pub hundredths: Ordered<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChangeWords {
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FunctionWords {
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default)]
    pub by: Vec<String>,
    #[serde(default)]
    pub of: Vec<String>,
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default)]
    pub joins: Vec<String>,
    /// Words besides capitalised nouns that make up a subject standing between a change verb
    /// and its figures in a verb-second language ("stieg der Umsatz um 5 Prozent").
    #[serde(default)]
    pub subject_words: Vec<String>,
}

impl LexiconFile {
    /// Every word and phrase of the file with the key it is under.
    fn words(&self) -> Vec<(&'static str, &str)> {
        let mut all: Vec<(&'static str, &str)> = Vec::new();
        fn list<'a>(all: &mut Vec<(&'static str, &'a str)>, key: &'static str, words: &'a [String]) {
            all.extend(words.iter().map(|w| (key, w.as_str())));
        }
        list(&mut all, "aliases", &self.aliases);
        list(&mut all, "exact-phrases", &self.exact_phrases);
        list(&mut all, "number-words.dozens", &self.number_words.dozens);
        list(&mut all, "number-words.signs", &self.number_words.signs);
        list(&mut all, "number-words.articles", &self.number_words.articles);
        list(&mut all, "percent-words", &self.percent_words);
        list(&mut all, "point-words", &self.point_words);
        list(&mut all, "duration-words", &self.duration_words);
        list(&mut all, "months", &self.months);
        list(&mut all, "identifier-cues", &self.identifier_cues);
        list(&mut all, "score-cues", &self.score_cues);
        list(&mut all, "change-words.up", &self.change_words.up);
        list(&mut all, "change-words.down", &self.change_words.down);
        list(&mut all, "change-words.nouns", &self.change_words.nouns);
        list(&mut all, "comparison-words", &self.comparison_words);
        list(&mut all, "not-a-level-words", &self.not_a_level_words);
        list(&mut all, "time-words", &self.time_words);
        list(&mut all, "level-fillers", &self.level_fillers);
        let f = &self.function_words;
        for (key, words) in [
            ("function-words.from", &f.from),
            ("function-words.to", &f.to),
            ("function-words.by", &f.by),
            ("function-words.of", &f.of),
            ("function-words.articles", &f.articles),
            ("function-words.joins", &f.joins),
            ("function-words.subject-words", &f.subject_words),
        ] {
            list(&mut all, key, words);
        }
        list(&mut all, "time-nouns", &self.time_nouns);
        list(&mut all, "count-nouns", &self.count_nouns);
        list(&mut all, "multi-answer-phrases", &self.multi_answer_phrases);
        list(&mut all, "abbreviations", &self.abbreviations);
        for (key, groups) in [
            ("qualifiers", &self.qualifiers),
            ("bound-signs", &self.bound_signs),
            ("bound-suffixes", &self.bound_suffixes),
        ] {
            for (_, words) in &groups.0 {
                list(&mut all, key, words);
            }
        }
        let n = &self.number_words;
        all.extend(n.units.0.iter().map(|(w, _)| ("number-words.units", w.as_str())));
        all.extend(n.tens.0.iter().map(|(w, _)| ("number-words.tens", w.as_str())));
        all.extend(n.scales.0.iter().map(|(w, _)| ("number-words.scales", w.as_str())));
        all.extend(n.ordinals.0.iter().map(|(w, _)| ("number-words.ordinals", w.as_str())));
        all.extend(self.magnitudes.0.iter().map(|(w, _)| ("magnitudes", w.as_str())));
        all.extend(self.money_magnitudes.0.iter().map(|(w, _)| ("money-magnitudes", w.as_str())));
        all.extend(self.multiples.0.iter().map(|(w, _)| ("multiples", w.as_str())));
        all.extend(self.quantifiers.0.iter().map(|(w, _)| ("quantifiers", w.as_str())));
        all.extend(self.relative_ordinals.0.iter().map(|(w, _)| ("relative-ordinals", w.as_str())));
        let c = &self.currencies;
        for (key, table) in [
            ("currencies.before", &c.before),
            ("currencies.after", &c.after),
            ("currencies.signs-after", &c.signs_after),
            ("currencies.million-codes", &c.million_codes),
            ("currencies.hundredths", &c.hundredths),
        ] {
            for (w, code) in &table.0 {
                all.push((key, w.as_str()));
                all.push((key, code.as_str()));
            }
        }
        all
    }

    /// What is wrong with values that read but cannot be used, if anything.
    pub fn problem(&self) -> Option<String> {
        const LONGEST: usize = 64;
        let tag = &self.language;
        if !(2..=8).contains(&tag.len()) || !tag.bytes().all(|b| b.is_ascii_lowercase()) {
            return Some(format!(
                "language: `{tag}` must be a primary language tag in lower case (`en`, `de`); a file for a \
                 region (`de-AT`) extends its language (`de`)"
            ));
        }
        let n = &self.number_words;
        if let Some((w, v)) =
            n.units.0.iter().find(|(_, v)| *v >= 100).or_else(|| n.tens.0.iter().find(|(_, v)| *v >= 1000))
        {
            return Some(format!("number-words: `{w}` is {v}; units are below 100 and tens below 1000"));
        }
        if let Some((w, v)) = n.ordinals.0.iter().find(|(_, v)| !(v.is_finite() && *v >= 1.0)) {
            return Some(format!(
                "number-words.ordinals: `{w}` must be a finite number of 1 or more, not {v}"
            ));
        }
        if let Some((key, w)) = self
            .words()
            .into_iter()
            .find(|(_, w)| w.trim().is_empty() || w.trim() != *w || w.chars().count() > LONGEST)
        {
            return Some(format!(
                "{key}: `{w}` is not a word: words are 1 to {LONGEST} characters, with no space at either end"
            ));
        }
        if let Some(n) = &self.numbers {
            if !matches!(n.decimal_mark, '.' | ',') {
                return Some(format!("numbers.decimal-mark `{}` must be `.` or `,`", n.decimal_mark));
            }
            if let Some(bad) = n.group_marks.iter().find(|g| {
                g.is_empty() || g.contains(n.decimal_mark) || g.chars().any(|c| c.is_alphanumeric())
            }) {
                return Some(format!(
                    "numbers.group-marks: `{bad}` cannot separate thousands (empty, a letter or digit, or the decimal mark)"
                ));
            }
        }
        let positive = |table: &Ordered<f64>, key: &str| {
            table
                .0
                .iter()
                .find(|(_, v)| !(v.is_finite() && *v > 0.0))
                .map(|(w, v)| format!("{key}: `{w}` must be a finite number above zero, not {v}"))
        };
        if let Some(p) = positive(&self.magnitudes, "magnitudes")
            .or_else(|| positive(&self.money_magnitudes, "money-magnitudes"))
            .or_else(|| positive(&self.number_words.scales, "number-words.scales"))
            .or_else(|| positive(&self.multiples, "multiples"))
        {
            return Some(p);
        }
        if let Some((w, at)) = self.relative_ordinals.0.iter().find(|(_, at)| relative_position(at).is_none())
        {
            return Some(format!(
                "relative-ordinals: `{w}` names `{at}`, not a position such as end+0, end-1 or current+1"
            ));
        }
        if let Some((w, [low, high])) =
            self.quantifiers.0.iter().find(|(_, [l, h])| !(0.0 <= *l && l <= h && *h <= 100.0))
        {
            return Some(format!(
                "quantifiers: `{w}` needs 0 ≤ low ≤ high ≤ 100 (percent), not [{low}, {high}]"
            ));
        }
        None
    }

    /// Adds `other`'s words to these: lists and mappings grow (a word already known takes the
    /// new meaning), single values are replaced.
    pub fn extend(&mut self, other: LexiconFile) {
        fn list(into: &mut Vec<String>, more: Vec<String>) {
            for w in more {
                if !into.iter().any(|x| x.eq_ignore_ascii_case(&w)) {
                    into.push(w);
                }
            }
        }
        fn map<T>(into: &mut Ordered<T>, more: Ordered<T>) {
            for (k, v) in more.0 {
                match into.0.iter_mut().find(|(x, _)| *x == k) {
                    Some(slot) => slot.1 = v,
                    None => into.0.push((k, v)),
                }
            }
        }
        fn grouped(into: &mut Ordered<Vec<String>, Qualifier>, more: Ordered<Vec<String>, Qualifier>) {
            // A phrase given a meaning leaves the meaning it had.
            for (k, v) in &more.0 {
                for (other, words) in into.0.iter_mut().filter(|(o, _)| o != k) {
                    let _ = other;
                    words.retain(|w| !v.iter().any(|x| x.eq_ignore_ascii_case(w)));
                }
            }
            for (k, v) in more.0 {
                match into.0.iter_mut().find(|(x, _)| *x == k) {
                    Some(slot) => list(&mut slot.1, v),
                    None => into.0.push((k, v)),
                }
            }
        }
        let o = other;
        if o.name.is_some() {
            self.name = o.name;
        }
        list(&mut self.aliases, o.aliases);
        if o.numbers.is_some() {
            self.numbers = o.numbers;
        }
        if o.verb_final.is_some() {
            self.verb_final = o.verb_final;
        }
        if o.verb_second.is_some() {
            self.verb_second = o.verb_second;
        }
        grouped(&mut self.qualifiers, o.qualifiers);
        grouped(&mut self.bound_signs, o.bound_signs);
        list(&mut self.exact_phrases, o.exact_phrases);
        grouped(&mut self.bound_suffixes, o.bound_suffixes);
        let (n, m) = (&mut self.number_words, o.number_words);
        if m.compounds.is_some() {
            n.compounds = m.compounds;
        }
        map(&mut n.units, m.units);
        map(&mut n.tens, m.tens);
        map(&mut n.scales, m.scales);
        map(&mut n.ordinals, m.ordinals);
        list(&mut n.dozens, m.dozens);
        list(&mut n.signs, m.signs);
        list(&mut n.articles, m.articles);
        map(&mut self.magnitudes, o.magnitudes);
        map(&mut self.money_magnitudes, o.money_magnitudes);
        let (c, d) = (&mut self.currencies, o.currencies);
        map(&mut c.before, d.before);
        map(&mut c.after, d.after);
        map(&mut c.signs_after, d.signs_after);
        map(&mut c.million_codes, d.million_codes);
        map(&mut c.hundredths, d.hundredths);
        list(&mut self.percent_words, o.percent_words);
        list(&mut self.point_words, o.point_words);
        list(&mut self.duration_words, o.duration_words);
        list(&mut self.months, o.months);
        list(&mut self.identifier_cues, o.identifier_cues);
        list(&mut self.score_cues, o.score_cues);
        // A word of change given a direction leaves the other one.
        let c = &mut self.change_words;
        c.down.retain(|w| !o.change_words.up.iter().any(|x| x.eq_ignore_ascii_case(w)));
        c.up.retain(|w| !o.change_words.down.iter().any(|x| x.eq_ignore_ascii_case(w)));
        list(&mut self.change_words.up, o.change_words.up);
        list(&mut self.change_words.down, o.change_words.down);
        list(&mut self.change_words.nouns, o.change_words.nouns);
        list(&mut self.comparison_words, o.comparison_words);
        list(&mut self.not_a_level_words, o.not_a_level_words);
        list(&mut self.time_words, o.time_words);
        list(&mut self.level_fillers, o.level_fillers);
        let (f, g) = (&mut self.function_words, o.function_words);
        list(&mut f.from, g.from);
        list(&mut f.to, g.to);
        list(&mut f.by, g.by);
        list(&mut f.of, g.of);
        list(&mut f.articles, g.articles);
        list(&mut f.joins, g.joins);
        list(&mut f.subject_words, g.subject_words);
        map(&mut self.multiples, o.multiples);
        map(&mut self.quantifiers, o.quantifiers);
        map(&mut self.relative_ordinals, o.relative_ordinals);
        list(&mut self.time_nouns, o.time_nouns);
        list(&mut self.count_nouns, o.count_nouns);
        list(&mut self.multi_answer_phrases, o.multi_answer_phrases);
        list(&mut self.abbreviations, o.abbreviations);
    }
}

/// A relative position as a lexicon writes it: "end+0", "end-1", "current+1", "start+2" →
/// (anchor, offset).
pub fn relative_position(at: &str) -> Option<(&str, i32)> {
    let split = at.find(['+', '-'])?;
    let (anchor, offset) = at.split_at(split);
    let offset: i32 = offset.strip_prefix('+').unwrap_or(offset).parse().ok()?;
    matches!(anchor, "end" | "current" | "start").then_some((anchor, offset))
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}
