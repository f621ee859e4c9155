//! The words that tell a statistic's reading: one-sided tests, data that are whole numbers by
//! nature, people counted, items per person, and the words that make a mean unsafe to test.
//! (Lists live here until the YAML lexicon takes them.)

use crate::span::Span;
use std::borrow::Cow;

/// People a sample counts: "28 participants", "39% of the patients".
pub const PEOPLE: &[&str] = &[
    "participants",
    "people",
    "persons",
    "respondents",
    "patients",
    "subjects",
    "students",
    "children",
    "adults",
    "volunteers",
    "individuals",
    "women",
    "men",
    "pupils",
    "undergraduates",
    "employees",
    "workers",
    "users",
    "customers",
    "teachers",
    "nurses",
    "doctors",
    "physicians",
    "parents",
    "mothers",
    "fathers",
    "smokers",
    "veterans",
    "athletes",
    "players",
    "infants",
    "adolescents",
    "teenagers",
    "teens",
    "girls",
    "boys",
    "readers",
    "viewers",
    "listeners",
    "consumers",
    "clients",
    "residents",
    "survivors",
    "donors",
    "recruits",
];

/// Words that say a p-value was adjusted for multiple tests, so it may exceed the p of its
/// statistic.
pub const ADJUSTED: &[&str] = &[
    "bonferroni",
    "bonferroni-corrected",
    "bonferroni-adjusted",
    "holm",
    "holm-bonferroni",
    "sidak",
    "šidák",
    "corrected",
    "adjusted",
    "fdr",
    "benjamini-hochberg",
    "tukey",
    "tukey's",
];

/// Magnitude words: "two million users" is no sample of two.
pub const MAGNITUDES: &[&str] = &[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "k",
    "m",
    "mn",
    "bn",
    "lakh",
    "crore",
];

/// Words that mark a poll or a weighted survey, whose percentages are not counts over the
/// people asked.
pub const WEIGHTED: &[&str] =
    &["poll", "polls", "polled", "polling", "pollster", "pollsters", "weighted", "weighting", "weights"];

/// Words that say the data are whole numbers per person: a rating, a Likert item, a count.
pub const WHOLE_NUMBER_WORDS: &[&str] = &["likert", "rated", "rating", "ratings", "counted", "tallied"];

/// Phrases that say the same.
pub const WHOLE_NUMBER_PHRASES: &[&[&str]] = &[&["how", "many"], &["single", "item"], &["one", "item"]];

/// Words near a mean that name a measure that is not a whole number per person (an age, a
/// time, a weight, money) or that is no plain mean (a difference, a change): GRIM cannot test
/// it.
pub const NOT_WHOLE_NUMBERS: &[&str] = &[
    "age",
    "aged",
    "ages",
    "year",
    "years",
    "old",
    "month",
    "months",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "ms",
    "millisecond",
    "milliseconds",
    "time",
    "duration",
    "latency",
    "reaction",
    "rt",
    "rts",
    "bmi",
    "weight",
    "weighed",
    "height",
    "tall",
    "kg",
    "lb",
    "lbs",
    "cm",
    "mm",
    "km",
    "miles",
    "income",
    "salary",
    "wage",
    "wages",
    "price",
    "cost",
    "spending",
    "dollars",
    "pounds",
    "euros",
    "temperature",
    "degrees",
    "difference",
    "differences",
    "change",
    "changes",
    "increase",
    "decrease",
    "gain",
    "loss",
    "reduction",
    "improvement",
    "effect",
    "correlation",
    "ratio",
    "rate",
    "proportion",
    "percentage",
    "percent",
    "accuracy",
    "log",
    "level",
    "levels",
    "concentration",
    "dose",
    "sleep",
];

/// Words that make a mean an average over several items or trials per person, whose number
/// must then be stated for GRIM to apply.
pub const SEVERAL_ITEMS: &[&str] = &[
    "items",
    "subscale",
    "subscales",
    "composite",
    "index",
    "summed",
    "trials",
    "stimuli",
    "questionnaire",
    "inventory",
    "battery",
    "sessions",
    "blocks",
];

/// Phrases that say the same.
pub const SEVERAL_ITEMS_PHRASES: &[&[&str]] = &[
    &["averaged", "across"],
    &["averaged", "over"],
    &["sum", "score"],
    &["total", "score"],
    &["across", "items"],
    &["across", "trials"],
];

/// Words after a sample size that say it is not the sample: "5 participants were excluded".
pub const LEFT_OUT: &[&str] = &[
    "excluded",
    "dropped",
    "removed",
    "withdrew",
    "declined",
    "refused",
    "discarded",
    "failed",
    "missing",
    "lost",
    "did",
];

/// Words that make a stated n the size of each of several groups: "n = 14 per group".
pub const EACH: &[&str] = &["per", "each"];

/// Words that put a mean in a subgroup of the sample, whose size is then unknown unless the
/// sentence states it.
pub const SUBGROUP: &[&str] = &[
    "group",
    "groups",
    "condition",
    "conditions",
    "arm",
    "arms",
    "among",
    "subgroup",
    "subsample",
    "women",
    "men",
    "girls",
    "boys",
    "those",
    "control",
    "treatment",
    "placebo",
    "cohort",
    "half",
    "sample's",
];

/// A word of a sentence, or a number, or a sign.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'t> {
    pub text: &'t str,
    /// Lower case (ASCII), for matching: the text itself when it has no capital.
    pub lower: Cow<'t, str>,
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

impl Token<'_> {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokenKind::Word && self.lower == w
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
}

/// Splits `span` of `text` into words (letters and digits, with inner hyphens and
/// apostrophes), numbers ("5.19", "11,455", ".22") and single signs.
pub fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut pos = span.start;
    while pos < span.end {
        let Some(c) = text[pos..].chars().next() else { break };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let starts_number = c == '.'
            && text[pos + 1..].starts_with(|d: char| d.is_ascii_digit())
            && !text[..pos].ends_with(|p: char| p.is_alphanumeric());
        if c.is_alphanumeric() || starts_number {
            pos += c.len_utf8();
            while pos < span.end {
                let Some(d) = text[pos..].chars().next() else { break };
                let next_is = |f: fn(char) -> bool| text[pos + d.len_utf8()..span.end].starts_with(f);
                let prev_digit = text[..pos].ends_with(|p: char| p.is_ascii_digit());
                let inner = match d {
                    '-' | '\'' | '’' => next_is(char::is_alphanumeric),
                    '.' | ',' => prev_digit && next_is(|x| x.is_ascii_digit()),
                    _ => d.is_alphanumeric(),
                };
                if !inner {
                    break;
                }
                pos += d.len_utf8();
            }
            let piece = &text[start..pos];
            // Only a digit or a point can start a number.
            let numeric = piece.starts_with(|c: char| c.is_ascii_digit() || c == '.');
            let kind = if numeric && super::number_at(piece).is_ok_and(|(rest, _)| rest.is_empty()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                text: piece,
                lower: if piece.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(piece.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(piece)
                },
                span: Span::new(start, pos),
                kind,
            });
        } else {
            pos += c.len_utf8();
            out.push(Token {
                text: &text[start..pos],
                lower: Cow::Borrowed(&text[start..pos]),
                span: Span::new(start, pos),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// A whole number written in digits or words ("28", "1,024", "twenty-eight").
pub fn whole_number(token: &Token<'_>) -> Option<u64> {
    match token.kind {
        TokenKind::Number if !token.text.contains('.') => token.text.replace(',', "").parse().ok(),
        TokenKind::Word => number_word(&token.lower),
        _ => None,
    }
}

/// A whole number in digits or in lower-case words up to ninety-nine ("3", "three",
/// "twenty-eight").
pub fn number_word(word: &str) -> Option<u64> {
    use crate::parse::lexicon::lookup;
    let lex = crate::parse::lexicon::active();
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    if let Some(v) = lookup(&lex.units, word).or_else(|| lookup(&lex.tens, word)) {
        return Some(u64::from(v));
    }
    let (tens, units) = word.split_once('-')?;
    Some(u64::from(lookup(&lex.tens, tens)? + lookup(&lex.units, units).filter(|u| *u < 10)?))
}

/// Where the document says its tests are one-sided: "one-tailed", "one sided", "directional"
/// (but not "non-directional" or "bidirectional"), as statcheck looks for it.
pub fn one_sided(text: &str) -> Option<Span> {
    // Every cue ends in "tailed" or "sided" or is "directional": most texts hold none of them,
    // which one pass over their bytes tells without lower-casing the text.
    if !mentions_sides(text.as_bytes()) {
        return None;
    }
    one_sided_in(text)
}

/// [`one_sided`] without its first pass.
pub(super) fn one_sided_in(text: &str) -> Option<Span> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let word_start = |at: usize| !lower[..at].ends_with(|c: char| c.is_alphanumeric());
    let word_end = |at: usize| !lower[at..].starts_with(|c: char| c.is_alphanumeric());
    let mut from = 0;
    while let Some(found) = lower[from..].find(['o', '1', 'd']) {
        let at = from + found;
        from = at + 1;
        if !word_start(at) {
            continue;
        }
        let rest = &lower[at..];
        if let Some(after) = rest.strip_prefix("one").or_else(|| rest.strip_prefix('1')) {
            let joiner = ["-", " ", "–", "_", ""].into_iter().find(|j| {
                after.starts_with(j)
                    && (after[j.len()..].starts_with("tailed") || after[j.len()..].starts_with("sided"))
            });
            if let Some(j) = joiner {
                let tail = if after[j.len()..].starts_with("tailed") { "tailed" } else { "sided" };
                let end = at + (rest.len() - after.len()) + j.len() + tail.len();
                if word_end(end) {
                    return Some(Span::new(at, end));
                }
            }
        } else if rest.starts_with("directional") && word_end(at + "directional".len()) {
            let before = &lower[..at];
            let negated = before.ends_with("non-") || before.ends_with("non ") || before.ends_with("bi-");
            if (!negated && bytes.get(at.wrapping_sub(1)) != Some(&b'-')) || before.ends_with("uni-") {
                return Some(Span::new(at, at + "directional".len()));
            }
        }
    }
    None
}

/// Whether `bytes` hold "tailed", "sided" or "directional" in any ASCII case: found from each
/// "d", the letter all three share.
fn mentions_sides(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'd', b'D', bytes).any(|at| {
        let before = |word: &[u8]| {
            at.checked_sub(word.len()).is_some_and(|from| bytes[from..at].eq_ignore_ascii_case(word))
        };
        before(b"taile")
            || before(b"side")
            || bytes.get(at + 1..at + 11).is_some_and(|rest| rest.eq_ignore_ascii_case(b"irectional"))
    })
}
