//! Finds every figure in a text: tries the quantity grammar at each word start, then decides
//! from the figure's shape and neighbours whether it is an amount or a year, date, time,
//! ordinal, score, phone number or name.

use super::lexicon;
use super::lexicon::index::{KeyHasher, packed_letters};
use super::numeral::{
    Numeral, NumeralKind, at_boundary, ci, digits, fraction_only, number_words, spaces, vulgar_fraction,
    words,
};
use super::quantity::{Form, Qualifier, Quantity, Unit};
use crate::interval::Interval;
use crate::span::Span;
use nom::Parser;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Every figure in `text`, in order, non-overlapping.
pub fn scan(text: &str) -> Vec<Quantity> {
    walk(text, false, true)
}

/// Every figure in `text` as [`scan`] finds them, and also the ordinals the grammar recognises
/// ("3rd", "twenty-first") as [`Unit::Ordinal`] with the ordinal's number as value. The pipeline
/// leaves ordinals out (they are never amounts); conformance runners want them.
pub fn scan_all(text: &str) -> Vec<Quantity> {
    walk(text, true, true)
}

/// The values of both ends of a range found by [`scan`] ("between 10 and 20" gives 10 and 20;
/// magnitudes and units shared by the ends applied), or `None` when `q` is not a range of `text`.
pub fn range_bounds(text: &str, q: &Quantity) -> Option<(f64, f64)> {
    if q.form != Form::Range {
        return None;
    }
    let found = quantity_at(text, q.span.start)?;
    Some((found.quantity.as_ref()?.value, found.high?))
}

/// Every figure from a walk over the word starts of `text`; `all` keeps ordinals, `filter`
/// skips a start word that no word of a figure follows ("in the"; off only to test that the
/// skip loses nothing).
fn walk(text: &str, all: bool, filter: bool) -> Vec<Quantity> {
    let tables = tables();
    let starts = &tables.starts;
    let bytes = text.as_bytes();
    // News has a figure every 200 bytes or so.
    let mut found = Vec::with_capacity(text.len() / 160);
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        // A word of ASCII letters: one pass decides, and skips it when no figure starts there.
        if b.is_ascii_alphabetic() {
            let (len, second) = word_head(bytes, pos);
            // Most words fail on their length and first two letters, before any hashing.
            let plausible = starts.shapes.admit(len, b, second)
                && {
                    let key = packed_letters(&bytes[pos..], len);
                    starts.contains(key)
                        && (!filter
                            || (tables.standalone.contains(key) || tables.may_follow(bytes, pos + len))
                                // "Apple's 5", "U.S. troops": the letters of no sign written here.
                                && !(tables.currency_only.contains(key) && currency_prefix(&text[pos..]).1.is_none())
                                // "in 2019": no phrase of "in" goes on so.
                                && (!tables.phrase_only.contains(key) || word_after(bytes, pos + len)))
                };
            // "zweiundzwanzig": a number word joined from parts is in no table.
            let plausible = plausible || tables.compounds && compound_at(&bytes[pos..]);
            if plausible
                && is_candidate_start(text, pos, char::from(b))
                && let Some(Found { quantity, end, .. }) = quantity_at(text, pos)
            {
                pos = end.max(pos + 1);
                if let Some(q) = quantity
                    && (all || q.unit != Unit::Ordinal)
                {
                    found.push(q);
                }
                continue;
            }
            pos += len;
            // Most words end at a space or a mark that goes on with nothing (as `skip_word`
            // would find); one space after the word is skipped with it.
            match bytes.get(pos) {
                Some(b' ') => pos += 1,
                Some(&d) if d < 0x80 && !d.is_ascii_alphanumeric() && d != b',' && d != b'.' => {}
                _ => pos = skip_word(text, pos),
            }
            continue;
        }
        // Spaces and punctuation that never start a figure cost one table look-up.
        if b < 0x80 && !ASCII_MAY_START[usize::from(b)] {
            pos += 1;
            continue;
        }
        let c = if b < 0x80 { char::from(b) } else { text[pos..].chars().next().unwrap_or(' ') };
        // Quotation marks, dashes and the rest of the general punctuation start no figure and
        // are no word: skipped without asking the Unicode tables (twice) what they are.
        if GENERAL_PUNCTUATION.contains(&c) {
            pos += c.len_utf8();
            continue;
        }
        if worth_trying(text, pos, c, tables)
            && is_candidate_start(text, pos, c)
            && let Some(Found { quantity, end, .. }) = quantity_at(text, pos)
        {
            pos = end.max(pos + c.len_utf8());
            if let Some(q) = quantity
                && (all || q.unit != Unit::Ordinal)
            {
                found.push(q);
            }
            continue;
        }
        // Skip the rest of a word or digit run: figures start at word starts only.
        pos += c.len_utf8();
        if c.is_alphanumeric() {
            pos = skip_word(text, pos);
        }
    }
    found
}

/// The block of general punctuation ("’", "“", "—", "…"): no letter, digit or sign of a figure.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// The length of the word of ASCII letters at `pos`, and its second letter lower-cased (0 for
/// a word of one letter): both from one load of sixteen bytes for most words.
#[inline(always)]
fn word_head(bytes: &[u8], pos: usize) -> (usize, u8) {
    if let Some(chunk) = bytes.get(pos..pos + 16) {
        // Sixteen bytes, so that a word's length costs no branch on whether it has eight
        // letters or more (a branch the processor guesses wrong a word in seven).
        let mut sixteen = [0u8; 16];
        sixteen.copy_from_slice(chunk);
        let x = u128::from_le_bytes(sixteen);
        let low = not_letters(x as u64);
        let high = not_letters((x >> 64) as u64);
        let not_letter = u128::from(high) << 64 | u128::from(low);
        if not_letter != 0 {
            let len = (not_letter.trailing_zeros() / 8) as usize;
            return (len, if len > 1 { (x >> 8) as u8 | 0x20 } else { 0 });
        }
    }
    let len = letters_at(bytes, pos);
    (len, if len > 1 { bytes[pos + 1] | 0x20 } else { 0 })
}

/// The high bit of each of the eight bytes of `x` (first byte lowest) that is no ASCII letter.
#[inline(always)]
fn not_letters(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Lower-cased, high bits cleared: adding 0x1f sets a byte's high bit when it is at least
    // 'a', adding 0x05 when it is past 'z'; no byte carries into the next.
    let y = (x | (ONES * 0x20)) & (ONES * 0x7f);
    let letter = (y + ONES * 0x1f) & !(y + ONES * 0x05) & !x & (ONES * 0x80);
    !letter & (ONES * 0x80)
}

/// The number of ASCII letters from `pos` on, eight bytes at a time: a word's end costs no
/// branch per letter.
pub(crate) fn letters_at(bytes: &[u8], pos: usize) -> usize {
    let mut len = 0;
    while let Some(chunk) = bytes.get(pos + len..pos + len + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let not_letter = not_letters(u64::from_le_bytes(eight));
        if not_letter != 0 {
            return len + (not_letter.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    len + bytes[pos + len..].iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// Whether the word at the start of `bytes` is a number written as one word ("zweiundzwanzig",
/// "fünfundzwanzig").
fn compound_at(bytes: &[u8]) -> bool {
    // No number word is longer than this; looking further would cost every word its text.
    let head = &bytes[..bytes.len().min(96)];
    let text = std::str::from_utf8(head).unwrap_or_else(|e| {
        // Cut where a character was cut (the text itself is UTF-8).
        std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
    });
    let word_end = text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
    super::numeral::compound(&text[..word_end]).is_some()
}

/// The end of the word or digit run going on at `pos` ("22,000.5" is one run).
fn skip_word(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&d) = bytes.get(pos) {
        if d < 0x80 {
            let inner = (d == b',' || d == b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
            if !(d.is_ascii_alphanumeric() || inner) {
                break;
            }
            pos += 1;
        } else {
            match text[pos..].chars().next() {
                Some(ch) if ch.is_alphanumeric() => pos += ch.len_utf8(),
                _ => break,
            }
        }
    }
    pos
}

/// ASCII bytes that may start a figure: letters, digits and `$ ~ + - . < >`.
const ASCII_MAY_START: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric() || matches!(b, b'$' | b'~' | b'+' | b'-' | b'.' | b'<' | b'>');
        i += 1;
    }
    table
};

/// The grammar's tables for one lexicon, built once from its words.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Lower-case words that may start a figure: the first words of qualifiers and phrases of
    /// equality, "between", sign words, number, fraction and ordinal words, "a"/"an", and the
    /// letters of currency codes and signs ("usd", "us" of "US$", "hk", "rs").
    starts: KeySet,
    /// Words that may begin the numeral itself (after any qualifier): number words, "a"/"an",
    /// "half", sign words, the letters of currency codes. A word after a qualifier that is not
    /// one of these starts no figure, which spares the grammar most "about the", "over a".
    numeral_starts: KeySet,
    /// Start words that are a figure on their own ("five", "third"); the others ("about",
    /// "a", "us") start one only before a word of [`Tables::followers`] or a non-letter.
    standalone: KeySet,
    /// The words that may come second in a figure: the first words of figures (`starts`,
    /// `numeral_starts`, `magnitude_words`, `unit_words`), the later words of qualifier,
    /// currency and unit phrases ("than", "cent"), bound suffixes, "and", "of", "to". "in the",
    /// "a new", "at home" start none.
    followers: KeySet,
    /// The shapes of every word `may_follow` accepts.
    follow_shapes: Shapes,
    /// Lower-case start words whose first letter is not ASCII ("über").
    other_starts: Vec<String>,
    /// Whether number words join into one word in this language ("zweiundzwanzig"): such a
    /// word starts a figure though it is in no table.
    compounds: bool,
    /// Words that may follow a numeral as its magnitude ("million", "bn", "k", "dozen").
    magnitude_words: KeySet,
    /// Words that may follow a numeral as its unit: percent and point words, currency words
    /// and codes, hundredths, units of time.
    unit_words: KeySet,
    /// The unit lists by first word: the unit after a figure is looked for only among the
    /// words that begin as the text after it does.
    units: UnitIndex,
    /// The bound suffixes ("or more", "and under") by first word.
    bound_suffixes: ListIndex,
    /// The letters that begin currency codes and signs written before a figure.
    currency_prefix_words: KeySet,
    /// Start words that are only the letters of a currency sign or code ("s" of "S$").
    currency_only: KeySet,
    /// Start words that begin a figure only as the first word of phrases that go on with a
    /// space and a word ("in" of "in excess of", "at" of "at least", "up" of "up to"): before
    /// anything else ("in 2019", "at 5 pm") they start none.
    phrase_only: KeySet,
    /// The currency signs and codes written before a figure, in the lexicon's order.
    currency_signs: Vec<CurrencySign>,
    /// The first bytes of the million codes ("MUSD").
    million_code_firsts: Vec<u8>,
    /// Qualifier phrases and phrases of equality that begin with an ASCII word, longest first,
    /// and their index by that word.
    qualifier_phrases: Vec<(&'static str, Qualifier)>,
    qualifier_index: ListIndex,
    /// Qualifier phrases whose first letter is not ASCII, longest first.
    other_qualifiers: Vec<(&'static str, Qualifier)>,
}

/// The positions of a lexicon list's words by their first run of ASCII letters (lower-cased,
/// [`word_key`]), for lists whose words match only whole (followed by no letter or digit): such
/// a word matches text only when both begin with the same run. Words with no such run (a
/// sign, a letter outside ASCII, more than sixteen letters) are kept apart and tried on text
/// that has none either.
#[derive(Debug)]
struct ListIndex {
    by_key: HashMap<u128, Vec<usize>, BuildHasherDefault<KeyHasher>>,
    keyless: Vec<usize>,
    shapes: Shapes,
}

impl ListIndex {
    fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_key: HashMap<u128, Vec<usize>, BuildHasherDefault<KeyHasher>> = HashMap::default();
        let mut keyless = Vec::new();
        for (i, word) in words.into_iter().enumerate() {
            match word_key(word.as_bytes()) {
                Some((key, _)) => by_key.entry(key).or_default().push(i),
                None => keyless.push(i),
            }
        }
        let shapes = Shapes::of(by_key.keys().copied());
        ListIndex { by_key, keyless, shapes }
    }

    /// The items of `list` (the list this index was built from) that may match at the start
    /// of `text`, in list order.
    fn at<'l, T>(&self, list: &'l [T], text: &str) -> impl Iterator<Item = &'l T> + use<'l, '_, T> {
        let bytes = text.as_bytes();
        let positions = match head(bytes) {
            Some((len, second)) if self.shapes.admit(len, bytes[0], second) => {
                self.by_key.get(&packed_letters(bytes, len)).map_or(&[][..], Vec::as_slice)
            }
            Some(_) => &[][..],
            None => &self.keyless,
        };
        positions.iter().filter_map(|&i| list.get(i))
    }
}

/// The [`ListIndex`] of each list a unit after a figure is looked for in.
#[derive(Debug)]
struct UnitIndex {
    points: ListIndex,
    percent: ListIndex,
    million_codes: ListIndex,
    currency_after: ListIndex,
    hundredths: ListIndex,
    durations: ListIndex,
}

impl UnitIndex {
    fn new(lex: &lexicon::Lexicon) -> Self {
        let words = |list: &'_ [String]| ListIndex::new(list.iter().map(String::as_str));
        let pairs = |list: &'_ [(String, String)]| ListIndex::new(list.iter().map(|(w, _)| w.as_str()));
        UnitIndex {
            points: words(&lex.point_words),
            percent: words(&lex.percent_words),
            million_codes: pairs(&lex.currency_million_codes),
            currency_after: pairs(&lex.currency_after),
            hundredths: pairs(&lex.currency_hundredths),
            durations: words(&lex.duration_words),
        }
    }
}

/// The tables of the active lexicon.
fn tables() -> &'static Tables {
    let lex = lexicon::active();
    lex.scan_tables.get_or_init(|| Tables::new(lex))
}

impl Tables {
    fn new(lex: &'static lexicon::Lexicon) -> Tables {
        let first = |phrase: &str| -> String {
            let end = phrase.find(|c: char| !c.is_alphabetic()).unwrap_or(phrase.len());
            phrase[..end].to_lowercase()
        };
        let mut words: Vec<String> = Vec::new();
        words.extend(lex.qualifiers.iter().map(|(p, _)| first(p)));
        words.extend(lex.exact_phrases.iter().map(|p| first(p)));
        words.extend(lex.sign_words.iter().map(|p| first(p)));
        words.extend(lex.units.iter().map(|(w, _)| w.to_lowercase()));
        words.extend(lex.tens.iter().map(|(w, _)| w.to_lowercase()));
        words.extend(lex.ordinals.iter().map(|(w, _)| w.to_lowercase()));
        words.extend(
            ["between", "half", "halves", "quarter", "quarters", "nought", "naught"].map(String::from),
        );
        words.extend(lex.number_articles.iter().cloned());
        // Plural ordinals are fraction denominators ("fifths").
        words.extend(lex.ordinals.iter().map(|(w, _)| format!("{}s", w.to_lowercase())));
        let phrase_firsts = lex.qualifiers.len() + lex.exact_phrases.len();
        // Words that start a figure only as the letters of a currency sign or code ("s" of
        // "S$", "u" of "U.S. $"): a figure starts at one only where such a sign is written.
        let not_currency = KeySet::new(words.iter().map(|w| key_of(w)));
        let currency_words: Vec<String> =
            lex.currency_before.iter().chain(&lex.currency_million_codes).map(|(p, _)| first(p)).collect();
        let currency_only =
            KeySet::new(currency_words.iter().map(|w| key_of(w)).filter(|k| !not_currency.contains(*k)));
        words.extend(currency_words);
        let phrase_only = phrase_only(lex, &KeySet::new(words[phrase_firsts..].iter().map(|w| key_of(w))));
        words.retain(|w| !w.is_empty());
        let starts = KeySet::new(words.iter().map(|w| key_of(w)));
        let other_starts = words.iter().filter(|w| !w.starts_with(|c: char| c.is_ascii())).cloned().collect();
        let numeral_starts = KeySet::new(
            lex.units
                .iter()
                .chain(&lex.tens)
                .map(|(w, _)| key_of(w))
                .chain(lex.scales.iter().map(|(w, _)| key_of(w)))
                .chain(lex.ordinals.iter().flat_map(|(w, _)| [key_of(w), key_of(&format!("{w}s"))]))
                .chain(lex.dozens.iter().chain(&lex.sign_words).map(|w| key_of(w)))
                .chain(lex.currency_before.iter().chain(&lex.currency_million_codes).map(|(w, _)| key_of(w)))
                .chain(lex.number_articles.iter().map(|w| key_of(w)))
                .chain(["half", "halves", "quarter", "quarters", "nought", "naught", "point"].map(key_of)),
        );
        // A plural's key is its word's key and an "s" (no string built for it).
        let plural = |key: u128| if key >> 120 == 0 { key << 8 | u128::from(b's') } else { 0 };
        let standalone = KeySet::new(
            lex.units
                .iter()
                .chain(&lex.tens)
                .map(|(w, _)| key_of(w))
                .chain(lex.ordinals.iter().flat_map(|(w, _)| [key_of(w), plural(key_of(w))]))
                .chain(["half", "halves", "quarter", "quarters", "nought", "naught"].map(key_of)),
        );
        // The first word of each phrase is in `starts`, `numeral_starts`, `magnitude_words` or
        // `unit_words`; here the words after it ("than" of "more than", "cent" of "per cent")
        // and those of bound suffixes.
        let later_words = lex
            .qualifiers
            .iter()
            .map(|(p, _)| p)
            .chain(&lex.exact_phrases)
            .chain(&lex.sign_words)
            .chain(&lex.dozens)
            .chain(&lex.number_articles)
            .chain(lex.currency_before.iter().chain(&lex.currency_million_codes).map(|(p, _)| p))
            .chain(lex.units.iter().chain(&lex.tens).map(|(w, _)| w))
            .chain(
                lex.ordinals
                    .iter()
                    .chain(&lex.scales)
                    .chain(&lex.magnitudes)
                    .chain(&lex.money_magnitudes)
                    .map(|(w, _)| w),
            )
            .chain(&lex.percent_words)
            .chain(&lex.point_words)
            .flat_map(|p| p.split(|c: char| !c.is_ascii_alphabetic()).skip(1))
            .chain(lex.bound_suffixes.iter().flat_map(|(p, _)| p.split(|c: char| !c.is_ascii_alphabetic())))
            .map(key_of);
        let magnitude_words = KeySet::new(
            lex.magnitudes
                .iter()
                .chain(&lex.scales)
                .chain(&lex.money_magnitudes)
                .map(|(w, _)| key_of(w))
                .chain(lex.dozens.iter().map(|w| key_of(w))),
        );
        let unit_words = KeySet::new(
            lex.percent_words
                .iter()
                .chain(&lex.point_words)
                .chain(&lex.duration_words)
                .map(String::as_str)
                .chain(["percentage", "percents"])
                .chain(
                    lex.currency_after
                        .iter()
                        .chain(&lex.currency_hundredths)
                        .chain(&lex.currency_million_codes)
                        .map(|(w, _)| w.as_str()),
                )
                .map(key_of),
        );
        let followers = KeySet::new(
            later_words
                .chain(["between", "point", "and", "of", "than", "to", "percentage", "percents"].map(key_of)),
        );
        // Most words after a start word follow none: their shape says so before any hashing.
        let follow_shapes = Shapes::of(
            [&followers, &starts, &numeral_starts, &magnitude_words, &unit_words]
                .into_iter()
                .flat_map(|set| set.slots.iter().copied()),
        );
        let currency_prefix_words = KeySet::new(
            lex.currency_before.iter().chain(&lex.currency_million_codes).map(|(w, _)| key_of(w)),
        );
        let phrases = lex
            .qualifiers
            .iter()
            .map(|(p, q)| (p.as_str(), *q))
            .filter(|(p, _)| *p != "~")
            .chain(lex.exact_phrases.iter().map(|p| (p.as_str(), Qualifier::Exact)));
        // Phrases that begin with a letter beyond ASCII ("über") are kept apart; one that begins
        // with an ASCII sign is never looked for ("~" is read on its own).
        let beyond_ascii = |p: &str| !p.starts_with(|c: char| c.is_ascii());
        let (other_qualifiers, qualifier_phrases): (Vec<_>, Vec<_>) = phrases
            .filter(|(p, _)| beyond_ascii(p) || word_key(p.as_bytes()).is_some())
            .partition(|(p, _)| beyond_ascii(p));
        let qualifier_index = ListIndex::new(qualifier_phrases.iter().map(|(p, _)| *p));
        Tables {
            starts,
            standalone,
            followers,
            follow_shapes,
            numeral_starts,
            other_starts,
            compounds: !lex.compound_parts.is_empty(),
            magnitude_words,
            unit_words,
            units: UnitIndex::new(lex),
            bound_suffixes: ListIndex::new(lex.bound_suffixes.iter().map(|(w, _)| w.as_str())),
            currency_prefix_words,
            currency_only,
            phrase_only,
            currency_signs: lex.currency_before.iter().map(|(s, c)| CurrencySign::new(s, c)).collect(),
            million_code_firsts: lex
                .currency_million_codes
                .iter()
                .filter_map(|(c, _)| c.bytes().next())
                .collect(),
            qualifier_phrases,
            qualifier_index,
            other_qualifiers,
        }
    }

    /// Whether what comes after a start word ending at `end` may go on into a figure: anything
    /// but a letter (a digit, "$", a non-ASCII word), or a word of [`Tables::followers`].
    fn may_follow(&self, bytes: &[u8], end: usize) -> bool {
        let rest = &bytes[end..];
        let skip = rest.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(rest.len());
        let rest = &rest[skip..];
        !rest.first().is_some_and(u8::is_ascii_alphabetic)
            || self.follows(rest)
            || self.compounds && compound_at(rest)
    }

    /// Whether the word at the start of `bytes` is one `may_follow` accepts.
    fn follows(&self, bytes: &[u8]) -> bool {
        let Some((len, second)) = head(bytes) else { return false };
        self.follow_shapes.admit(len, bytes[0], second) && {
            let key = packed_letters(bytes, len);
            [&self.followers, &self.starts, &self.numeral_starts, &self.magnitude_words, &self.unit_words]
                .iter()
                .any(|set| set.contains(key))
        }
    }

    /// Whether a start word whose first letter is not ASCII begins `text`.
    fn other_start(&self, text: &str) -> bool {
        !self.other_starts.is_empty() && {
            let word: String =
                text.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
            self.other_starts.contains(&word)
        }
    }
}

/// The first words of the lexicon's qualifier phrases and phrases of equality whose every
/// phrase goes on with a space and an ASCII letter, and that start no figure otherwise (are
/// not among `others`, the start words from all other lists).
fn phrase_only(lex: &lexicon::Lexicon, others: &KeySet) -> KeySet {
    let phrases =
        || lex.qualifiers.iter().map(|(p, _)| p.as_str()).chain(lex.exact_phrases.iter().map(String::as_str));
    let goes_on = |p: &str| word_after(p.as_bytes(), letters_at(p.as_bytes(), 0));
    let ends = KeySet::new(phrases().filter(|p| !goes_on(p)).map(key_of));
    KeySet::new(phrases().map(key_of).filter(|k| !ends.contains(*k) && !others.contains(*k)))
}

/// Whether a space and an ASCII letter follow `end`, as they follow the first word of a
/// phrase of [`Tables::phrase_only`].
fn word_after(bytes: &[u8], end: usize) -> bool {
    bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
}

/// The shapes of a set of words ([`word_key`]s): for each length and lower-cased first
/// letter, the second letters (a bit each; a word of one letter has its own bit 31). A word
/// whose shape is not among them is not in the set: most words are answered before any
/// hashing.
#[derive(Debug)]
struct Shapes([[u32; 26]; 17]);

impl Shapes {
    fn of(keys: impl Iterator<Item = u128>) -> Shapes {
        let mut shapes = [[0u32; 26]; 17];
        for key in keys.filter(|k| *k != 0) {
            let len = (128 - key.leading_zeros() as usize).div_ceil(8);
            let first = (key >> (8 * (len - 1))) as u8;
            let second = if len > 1 { (key >> (8 * (len - 2))) as u8 } else { 0 };
            if len <= 16 && first.is_ascii_lowercase() {
                shapes[len][usize::from(first - b'a')] |= 1 << (second.wrapping_sub(b'a') & 31);
            }
        }
        Shapes(shapes)
    }

    /// Whether a word of `len` ASCII letters (at least one) beginning with the letter `first`
    /// (any case), its second letter `second` lower-cased (0 for none), may be in the set.
    #[inline(always)]
    fn admit(&self, len: usize, first: u8, second: u8) -> bool {
        len <= 16
            && self.0[len][usize::from((first | 0x20) - b'a')] & (1u32 << (second.wrapping_sub(b'a') & 31))
                != 0
    }
}

/// The length and lower-cased second letter ([`word_head`]) of the word of ASCII letters that
/// begins `bytes`, when one does and has a [`word_key`] (at most sixteen letters).
#[inline(always)]
fn head(bytes: &[u8]) -> Option<(usize, u8)> {
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let (len, second) = word_head(bytes, 0);
    (len <= 16).then_some((len, second))
}

/// A cheap first test of whether a figure may start at `pos`: a digit, a sign before a digit, a
/// currency sign, a bound sign, a vulgar fraction, or a word from [`start_words`].
fn worth_trying(text: &str, pos: usize, c: char, tables: &Tables) -> bool {
    let bytes = text.as_bytes();
    let next_is_digit = || bytes.get(pos + c.len_utf8()).is_some_and(u8::is_ascii_digit);
    match c {
        '0'..='9' | '$' | '~' | '<' | '>' | '€' | '£' | '¥' | '₹' | '₿' | '≥' | '≤' => true,
        '.' | '+' | '-' | '−' => next_is_digit(),
        c if c.is_ascii_alphabetic() => tables.starts.starts(&bytes[pos..]),
        c if c.is_alphabetic() => tables.other_start(&text[pos..]),
        _ => vulgar_fraction(&text[pos..]).is_some(),
    }
}

fn is_candidate_start(text: &str, pos: usize, c: char) -> bool {
    let prev = text[..pos].chars().next_back();
    // "x>10", "> 30", "<=100"; never "=>30", "<>30", "=<30", nor the end of a tag ("<BA> 767").
    if matches!(c, '>' | '<' | '≥' | '≤') {
        let window = &text.as_bytes()[pos.saturating_sub(80)..pos];
        let line = window.rsplit(|b| *b == b'\n').next().unwrap_or(window);
        let closes_tag = c == '>' && line.iter().rev().take_while(|b| **b != b'>').any(|b| *b == b'<');
        return !prev.is_some_and(|p| matches!(p, '=' | '<' | '>' | '-'))
            && !closes_tag
            && !text[pos + c.len_utf8()..].starts_with(['<', '>']);
    }
    // '%' before digits is URL encoding ("%2020").
    if prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '/' || p == '#' || p == '%') {
        return false;
    }
    // "COVID-19", "F-16": a hyphen glued to a word before the digits makes a name.
    if prev == Some('-') && text[..pos - 1].chars().next_back().is_some_and(|p| p.is_alphanumeric()) {
        return false;
    }
    c.is_ascii_digit()
        || matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₿' | '~' | '+' | '-' | '−' | '.')
        || c.is_alphabetic()
        || vulgar_fraction(&text[pos..]).is_some()
}

/// What [`quantity_at`] recognised: a figure, or (`quantity` is `None`) text that is not a figure
/// and must not be rescanned, up to `end`.
struct Found {
    quantity: Option<Quantity>,
    end: usize,
    /// The value of a range's upper end.
    high: Option<f64>,
}

/// Tries a figure at `start`.
fn quantity_at(text: &str, start: usize) -> Option<Found> {
    let found = figure_at(text, start)?;
    match &found.quantity {
        Some(q) if is_bound(q.qualifier) && q.form != Form::Range => {
            Some(two_bounds(text, q, found.end).unwrap_or(found))
        }
        _ => Some(found),
    }
}

fn is_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::Over | Qualifier::AtLeast | Qualifier::Under | Qualifier::AtMost)
}

/// "more than 10 and less than 20", "at most 100 and at least 20", "above 1000, below 1500": two
/// bounds of one figure make a range when they meet.
fn two_bounds(text: &str, first: &Quantity, end: usize) -> Option<Found> {
    let rest = &text[end..];
    let joined = (
        nom::combinator::opt(nom::character::complete::char::<_, nom::error::Error<&str>>(',')),
        spaces,
        nom::combinator::opt((nom::branch::alt((ci("and"), ci("but"))), spaces)),
    )
        .parse(rest)
        .ok()?
        .0;
    let second_start = text.len() - joined.len();
    let found = figure_at(text, second_start)?;
    let second = found.quantity.as_ref()?;
    let lower = |q: Qualifier| matches!(q, Qualifier::Over | Qualifier::AtLeast);
    let (lo, hi) = match (lower(first.qualifier), lower(second.qualifier)) {
        (true, false) if is_bound(second.qualifier) => (first, second),
        (false, true) => (second, first),
        _ => return None,
    };
    if second.form == Form::Range || lo.value >= hi.value {
        return None;
    }
    let unit = match (lo.unit, hi.unit) {
        (a, b) if a == b => a,
        (Unit::Count, b) => b,
        (a, Unit::Count) => a,
        _ => return None,
    };
    if !unit.is_amount() {
        return None;
    }
    let q = Quantity {
        span: Span::new(first.span.start, found.end),
        value: lo.value,
        written: Interval::new(lo.written.low, hi.written.high)?,
        unit,
        currency: lo.currency.or(hi.currency),
        qualifier: Qualifier::Exact,
        form: Form::Range,
        decimals: lo.decimals.max(hi.decimals),
        magnitude: lo.magnitude,
    };
    Some(Found { quantity: Some(q), end: found.end, high: Some(hi.value) })
}

/// A figure at `start`, with its qualifier and a bound written after it ("200 or more").
fn figure_at(text: &str, start: usize) -> Option<Found> {
    let input = &text[start..];
    let (after_qualifier, qualifier) = qualifier(input);
    let (after_between, between) = match after_qualifier.as_bytes().first() {
        Some(b'b' | b'B') => match (ci("between"), spaces).parse(after_qualifier) {
            Ok((rest, _)) => (rest, true),
            Err(_) => (after_qualifier, false),
        },
        _ => (after_qualifier, false),
    };
    let core_start = start + (input.len() - after_between.len());
    if !may_begin_numeral(after_between) {
        return None;
    }
    if qualifier.is_none()
        && !between
        && let Some(not) = not_an_amount(text, core_start)
    {
        let quantity = not.ordinal.map(|value| {
            let numeral = Numeral {
                value,
                half_step: 0.0,
                decimals: 0,
                bare_integer: false,
                int_digits: 0,
                kind: NumeralKind::Ordinal,
            };
            ordinal(core_start, not.end, numeral, NumeralKind::Digits).quantity
        });
        return Some(Found { quantity, end: not.end, high: None });
    }
    let first = core(text, core_start)?;
    if first.quantity.unit == Unit::Ordinal {
        if qualifier.is_some() || between {
            return None;
        }
        return Some(Found { quantity: Some(first.quantity), end: first.end, high: None });
    }
    if is_pronoun_one(text, core_start, &first) {
        return Some(Found { quantity: None, end: first.end, high: None });
    }
    let mut q = first.quantity.clone();
    let mut end = first.end;
    let mut high = None;
    // Ranges: "between 10 and 20", "10-20%", "10 to 20 people".
    if let Some((second, second_end)) = range_end(text, &first, between) {
        let unit = if first.has_unit { first.quantity.unit } else { second.quantity.unit };
        let scale = lent_scale(&first, &second);
        // Written either way round: "10-20", or high to low ("3-2", "between 30 and 20").
        let (low, top) = if first.quantity.value * scale > second.quantity.value {
            (second.quantity.written.low, first.quantity.written.high * scale)
        } else {
            (first.quantity.written.low * scale, second.quantity.written.high)
        };
        q = Quantity {
            value: first.quantity.value * scale,
            written: Interval::new(low, top).unwrap_or(second.quantity.written),
            unit,
            currency: first.quantity.currency.or(second.quantity.currency),
            form: Form::Range,
            decimals: first.quantity.decimals.max(second.quantity.decimals),
            ..q
        };
        if (q.unit == Unit::Count && !first.has_unit) && looks_like_score(text, core_start, &first, &second) {
            q.unit = Unit::Score;
        }
        if q.unit == Unit::Count && is_year_span(&first.numeral, &second.numeral) {
            q.unit = Unit::Year;
        }
        end = second_end;
        high = Some(second.quantity.value);
    } else if between {
        return None;
    }
    if !q.value.is_finite() || !q.written.low.is_finite() || !q.written.high.is_finite() {
        return Some(Found { quantity: None, end, high: None });
    }
    if let Some(qual) = qualifier {
        q.qualifier = negated(text, start, qual);
    }
    if q.unit == Unit::Count && q.form != Form::Range && qualifier.is_none() {
        q.unit = classify_bare(text, start, end, &first);
    }
    // "lower than 2003's loss", "higher than 1990 levels": a year, not a bound on an amount.
    if qualifier.is_some() && q.unit == Unit::Count && q.form != Form::Range && is_year_numeral(&first) {
        let after = &text[end..];
        if after.starts_with(['\'', '’']) || comparative_qualifier(&text[start..]) {
            return Some(Found { quantity: None, end, high: None });
        }
    }
    if q.form != Form::Range
        && q.unit.is_amount()
        && let Some((len, qual)) = bound_suffix(&text[end..], q.qualifier)
    {
        q.qualifier = qual;
        end += len;
    }
    q.span = Span::new(start, end);
    Some(Found { quantity: Some(q), end, high })
}

/// Whether a numeral may begin `rest` (after any qualifier): anything but a word of ASCII
/// letters that no numeral begins with, or "a"/"an" before such a word ("a third", "a million"
/// may; "a rise", "an estimated" may not).
fn may_begin_numeral(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return true;
    }
    let tables = tables();
    if !tables.numeral_starts.starts(bytes) {
        return tables.compounds && compound_at(bytes);
    }
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !lexicon::contains(&lexicon::active().number_articles, &rest[..len]) {
        return true;
    }
    let next = rest[len..].trim_start_matches([' ', '\u{a0}']);
    !next.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        || tables.numeral_starts.starts(next.as_bytes())
}

/// The qualifier phrase at the start of `input`, and the input after it and its space: a word
/// ("over", "at least"), a sign ("> 30", "<=100") or a phrase of equality ("equal to").
fn qualifier(input: &str) -> (&str, Option<Qualifier>) {
    match qualifier_prefix(input) {
        Some((len, qual)) => (&input[len..], Some(qual)),
        None => (input, None),
    }
}

/// The length of the qualifier at the start of `text` (with the space after it) and what it
/// means; `Qualifier::Exact` for "equal to", "equals".
pub fn qualifier_prefix(text: &str) -> Option<(usize, Qualifier)> {
    let lex = lexicon::active();
    let first = text.as_bytes().first()?;
    if matches!(first, b'>' | b'<') || text.starts_with(['≥', '≤']) {
        for (sign, qual) in &lex.bound_signs {
            if let Some(rest) = text.strip_prefix(sign) {
                let after = rest.trim_start_matches(' ');
                // "> 30", "<-30": a number follows at once, never a word ("<Four Seasons>").
                let mut chars = after.chars();
                let number = match chars.next() {
                    Some(c) if c.is_ascii_digit() => true,
                    Some('-' | '.' | '−') => chars.next().is_some_and(|c| c.is_ascii_digit()),
                    _ => false,
                };
                return number.then(|| (text.len() - after.len(), *qual));
            }
        }
        return None;
    }
    if *first == b'~' {
        let after = text[1..].trim_start_matches(' ');
        return Some((text.len() - after.len(), Qualifier::Approximately));
    }
    if first.is_ascii_digit() {
        // No phrase begins with a digit.
        return None;
    }
    let tables = tables();
    if *first >= 0x80 {
        // "über 40 Prozent": phrases whose first letter is not ASCII, in any case.
        for (phrase, qual) in &tables.other_qualifiers {
            let Some(len) = prefix_len_ignoring_case(text, phrase) else { continue };
            if let Ok((after, _)) = spaces(&text[len..]) {
                return Some((text.len() - after.len(), *qual));
            }
        }
        return None;
    }
    // Only the phrases that start with this word are tried, longest first.
    for (phrase, qual) in tables.qualifier_index.at(&tables.qualifier_phrases, text) {
        if let Some(head) = text.get(..phrase.len())
            && head.eq_ignore_ascii_case(phrase)
            && let Ok((after, _)) = spaces(&text[phrase.len()..])
        {
            return Some((text.len() - after.len(), *qual));
        }
    }
    None
}

/// The length of `phrase` at the start of `text`, compared in lower case ("Über" and "über").
fn prefix_len_ignoring_case(text: &str, phrase: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for p in phrase.chars() {
        let c = chars.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// The leading ASCII letters of `bytes`, lower-cased and packed into one number (up to 16
/// letters), and how many there are: a cheap key for word tables.
fn word_key(bytes: &[u8]) -> Option<(u128, usize)> {
    let len = letters_at(bytes, 0);
    (1..=16).contains(&len).then(|| (packed_letters(bytes, len), len))
}

fn key_of(word: &str) -> u128 {
    word_key(word.as_bytes()).map_or(0, |(k, _)| k)
}

/// A set of word keys ([`word_key`]) hashed by one multiplication: a membership test costs a
/// multiply and a compare or two, which matters when it runs on every word of every article.
#[derive(Debug)]
struct KeySet {
    slots: Vec<u128>,
    shift: u32,
    shapes: Shapes,
}

impl KeySet {
    fn new(keys: impl IntoIterator<Item = u128>) -> Self {
        let keys: Vec<u128> = keys.into_iter().filter(|k| *k != 0).collect();
        let bits = (keys.len() * 4).next_power_of_two().max(16).trailing_zeros();
        let shapes = Shapes::of(keys.iter().copied());
        let mut set = KeySet { slots: vec![0; 1 << bits], shift: 64 - bits, shapes };
        for key in keys {
            let mut i = set.slot(key);
            while set.slots[i] != 0 && set.slots[i] != key {
                i = (i + 1) & (set.slots.len() - 1);
            }
            set.slots[i] = key;
        }
        set
    }

    fn slot(&self, key: u128) -> usize {
        let h = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn contains(&self, key: u128) -> bool {
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// Whether the word at the start of `bytes` is in the set.
    fn starts(&self, bytes: &[u8]) -> bool {
        head(bytes).is_some_and(|(len, second)| {
            self.shapes.admit(len, bytes[0], second) && self.contains(packed_letters(bytes, len))
        })
    }
}

/// Words after "or more", "and over" that show the phrase goes on ("and over the past year").
const SUFFIX_BLOCKERS: &[&str] = &[
    "than", "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "all", "my",
    "our", "your", "last", "next", "recent", "past", "time", "times", "of",
];

/// "not more than 5" is at most 5, "not to exceed 29" at most 29, "never fell below 2" at least 2.
fn negated(text: &str, start: usize, qual: Qualifier) -> Qualifier {
    if !matches!(qual, Qualifier::Over | Qualifier::JustOver | Qualifier::Under) {
        return qual;
    }
    let ends_with = |w: &str, end: &str| {
        w.len() >= end.len() && w.as_bytes()[w.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    };
    let negation = previous_words(text, start).take(3).any(|w| {
        ["not", "never", "cannot"].iter().any(|n| w.eq_ignore_ascii_case(n))
            || ends_with(w, "n't")
            || ends_with(w, "n’t")
    });
    match qual {
        Qualifier::Over | Qualifier::JustOver if negation => Qualifier::AtMost,
        Qualifier::Under if negation => Qualifier::AtLeast,
        q => q,
    }
}

fn is_year_numeral(first: &Core) -> bool {
    let n = &first.numeral;
    n.kind == NumeralKind::Digits
        && n.bare_integer
        && n.int_digits == 4
        && (1000.0..=2199.0).contains(&n.value)
}

/// "higher than", "lower than", "exceeds": qualifiers that compare with another figure, often a
/// year's ("higher than 2003").
fn comparative_qualifier(text: &str) -> bool {
    ["higher", "lower", "larger", "bigger", "smaller", "exceed", "surpass"]
        .iter()
        .any(|w| text.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
}

/// A bound written after the figure: " or more", " or less", " and above"; and " or equal (to)"
/// after a strict bound ("more than 5000 or equal to"). Returns the length and the new qualifier.
fn bound_suffix(rest: &str, current: Qualifier) -> Option<(usize, Qualifier)> {
    let lex = lexicon::active();
    let (after, _) = spaces(rest).ok()?;
    let word_end = |s: &str, w: &str| {
        s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) && at_boundary(&s[w.len()..])
    };
    if matches!(current, Qualifier::Over | Qualifier::Under) {
        for w in ["or equal to", "or equal"] {
            if word_end(after, w) {
                // "or equal to 6000" compares with another figure: not this one's bound.
                let tail = &after[w.len()..];
                if w == "or equal to" && tail.trim_start().starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    let next = tail.trim_start();
                    if next.starts_with(|c: char| c.is_ascii_digit()) || number_words(next).is_some() {
                        return None;
                    }
                }
                let qual = if current == Qualifier::Over { Qualifier::AtLeast } else { Qualifier::AtMost };
                return Some((rest.len() - tail.len(), qual));
            }
        }
        return None;
    }
    // "about 500 or more" is at least 500.
    if !matches!(current, Qualifier::Exact | Qualifier::Approximately) {
        return None;
    }
    for (w, qual) in tables().bound_suffixes.at(&lex.bound_suffixes, after) {
        if word_end(after, w) {
            let tail = &after[w.len()..];
            // "1986 and more than 50 pct", "5% and over the past year": the words go on.
            let next: String = tail.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
            if SUFFIX_BLOCKERS.iter().any(|b| next.eq_ignore_ascii_case(b)) {
                return None;
            }
            // "200 or greater than 190": the words bound the next figure, not this one.
            if w.ends_with(" than") {
                let next = tail.trim_start();
                if next.starts_with(|c: char| c.is_ascii_digit()) || number_words(next).is_some() {
                    return None;
                }
            }
            return Some((rest.len() - tail.len(), *qual));
        }
    }
    None
}

/// A single figure without qualifier: currency, numeral, magnitude, unit.
struct Core {
    quantity: Quantity,
    end: usize,
    numeral: Numeral,
    magnitude: f64,
    has_magnitude: bool,
    has_unit: bool,
}

fn core(text: &str, start: usize) -> Option<Core> {
    let full = &text[start..];
    let mut sign = sign_word(text, start);
    if sign > 0 && not_an_amount(text, start + sign).is_some() {
        sign = 0;
    }
    let input = &full[sign..];
    let negative = sign > 0;
    let (rest, prefix_currency, prefix_scale) = currency_prefix(input);
    let (rest, numeral, fraction_in) = numeral(rest)?;
    if numeral.kind == NumeralKind::Ordinal {
        if prefix_currency.is_some() || negative {
            return None;
        }
        let end = start + (full.len() - rest.len());
        return Some(ordinal(start, end, numeral, NumeralKind::Words));
    }
    if numeral.kind == NumeralKind::Digits && !at_boundary_or_suffix(rest) {
        return None;
    }
    let (rest, numeral) = and_a_half(rest, numeral);
    let (rest, mag) = magnitude(rest, prefix_currency.is_some(), &numeral);
    let suffix = unit_suffix(rest, &numeral, prefix_currency.is_some());
    let (rest, unit, suffix_currency) = (suffix.rest, suffix.unit, suffix.currency);
    if numeral.kind == NumeralKind::Digits && !at_boundary(rest) {
        return None;
    }
    let magnitude = mag.scale * suffix.scale * prefix_scale;
    let has_magnitude = mag.found || suffix.scale != 1.0 || prefix_scale != 1.0;
    let mut unit = unit;
    let currency = prefix_currency.or(suffix_currency);
    if currency.is_some() {
        unit = Unit::Currency;
    }
    if fraction_in || numeral.kind == NumeralKind::Fraction {
        if unit != Unit::Count {
            return None;
        }
        unit = Unit::Ratio;
    }
    let mut numeral = numeral;
    let mut value = numeral.value * magnitude + mag.extra * suffix.scale * prefix_scale + suffix.extra;
    let half = if suffix.extra > 0.0 {
        0.005
    } else {
        mag.half_step.map_or(numeral.half_step * magnitude, |h| h * suffix.scale * prefix_scale)
    };
    let mut written = Interval::around(value, half);
    if negative {
        value = -value;
        numeral.value = -numeral.value;
        written = Interval { low: -written.high, high: -written.low };
    }
    let end = start + (full.len() - rest.len());
    let quantity = Quantity {
        span: Span::new(start, end),
        value,
        written,
        unit,
        currency,
        qualifier: Qualifier::Exact,
        form: match numeral.kind {
            NumeralKind::Digits if fraction_in => Form::Fraction,
            NumeralKind::Digits => Form::Digits,
            NumeralKind::Words if fraction_in => Form::Fraction,
            NumeralKind::Words => Form::Words,
            NumeralKind::Fraction => Form::Fraction,
            NumeralKind::Ordinal => Form::Words,
        },
        decimals: numeral.decimals,
        magnitude,
    };
    Some(Core {
        quantity,
        end,
        numeral,
        magnitude,
        has_magnitude,
        has_unit: unit != Unit::Count || has_magnitude,
    })
}

/// "14 and a half", "2 and three quarters": a whole number in digits and a fraction in words.
fn and_a_half(rest: &str, numeral: Numeral) -> (&str, Numeral) {
    if numeral.kind != NumeralKind::Digits || !numeral.bare_integer {
        return (rest, numeral);
    }
    let Ok((after, _)) = (spaces, ci("and"), spaces).parse(rest) else {
        return (rest, numeral);
    };
    match fraction_only(after) {
        Some((r, f))
            if f.value < 1.0 && f.value > 0.0 && !r.trim_start().to_ascii_lowercase().starts_with("of ") =>
        {
            let n =
                Numeral { value: numeral.value + f.value, half_step: 0.25, bare_integer: false, ..numeral };
            (r, n)
        }
        _ => (rest, numeral),
    }
}

/// The length of a sign word at `start` ("minus ", "negative ") when it makes the number after it
/// negative: not in "plus or minus 2 pct" (a margin), "a negative one" (a pronoun) or "100 minus 5"
/// (a subtraction).
fn sign_word(text: &str, start: usize) -> usize {
    let lex = lexicon::active();
    let rest = &text[start..];
    let Some(word) =
        lex.sign_words.iter().find(|w| rest.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
    else {
        return 0;
    };
    let Ok((after, _)) = spaces(&rest[word.len()..]) else { return 0 };
    if !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == '$' || c == '€' || c == '£')
    {
        return 0;
    }
    let before = text[..start].trim_end();
    if before.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == ')') {
        return 0;
    }
    if previous_words(text, start)
        .next()
        .is_some_and(|w| ["a", "an", "the", "or"].iter().any(|x| w.eq_ignore_ascii_case(x)))
    {
        return 0;
    }
    rest.len() - after.len()
}

/// An ordinal ("21st", "twenty-first"): never an amount; its value is its number.
fn ordinal(start: usize, end: usize, numeral: Numeral, written: NumeralKind) -> Core {
    let quantity = Quantity {
        span: Span::new(start, end),
        value: numeral.value,
        written: Interval::point(numeral.value),
        unit: Unit::Ordinal,
        currency: None,
        qualifier: Qualifier::Exact,
        form: if written == NumeralKind::Digits { Form::Digits } else { Form::Words },
        decimals: 0,
        magnitude: 1.0,
    };
    Core { quantity, end, numeral, magnitude: 1.0, has_magnitude: false, has_unit: true }
}

/// Digits may be followed directly by "%", a magnitude letter or a unit; nothing else glued on.
fn at_boundary_or_suffix(rest: &str) -> bool {
    let lex = lexicon::active();
    if at_boundary(rest) {
        return true;
    }
    let glued_word = |s: &str| {
        rest.get(..s.len()).is_some_and(|h| h.eq_ignore_ascii_case(s)) && at_boundary(&rest[s.len()..])
    };
    ["bn", "mn", "mln", "bln", "tn", "trn", "tln", "k", "m", "b", "mm", "pc", "pct", "pp", "pts"].iter().any(|s| glued_word(s))
        // "100元"
        || rest.starts_with('元')
        // "115USD": an upper-case currency code glued to the digits.
        || rest.get(..3).is_some_and(|h| {
            h.bytes().all(|b| b.is_ascii_uppercase())
                && lex.currency_after.iter().any(|(w, _)| *w == h)
                && at_boundary(&rest[3..])
        })
}

/// A currency sign or code before the figure: "$", "US $", "HK$", "USD 40", "USD115", "₿";
/// "MAUD 60" (millions). Returns the input after it, the code, and a scale (1e6 for millions).
fn currency_prefix(input: &str) -> (&str, Option<&'static str>, f64) {
    let Some(&first) = input.as_bytes().first() else { return (input, None, 1.0) };
    let tables = tables();
    // Words: only the few that begin a currency code ("usd", "us" of "US$", "hk", "rs").
    let sign = first == b'$' || input.starts_with(['€', '£', '¥', '₹', '₿']);
    if !sign && (!first.is_ascii_alphabetic() || !tables.currency_prefix_words.starts(input.as_bytes())) {
        return (input, None, 1.0);
    }
    // Million codes are written in capitals: only those with this first byte are tried.
    if tables.million_code_firsts.contains(&first) {
        for (code, iso) in &lexicon::active().currency_million_codes {
            if let Some(rest) = input.strip_prefix(code.as_str())
                && let Ok((after, _)) = spaces(rest)
                && after.starts_with(|c: char| c.is_ascii_digit())
            {
                return (after, Some(iso), 1e6);
            }
        }
    }
    for prefix in tables.currency_signs.iter().filter(|p| p.first == first.to_ascii_lowercase()) {
        let sign = prefix.sign;
        let Some(head) = input.get(..sign.len()) else { continue };
        if !(head == sign || prefix.any_case && head.eq_ignore_ascii_case(sign)) {
            continue;
        }
        let rest = &input[sign.len()..];
        let rest = if prefix.is_code {
            match spaces(rest) {
                Ok((after, _)) => after,
                // "USD115": an upper-case code glued to the digits.
                Err(_) if prefix.letters == 3 && head.bytes().all(|c| c.is_ascii_uppercase()) => rest,
                Err(_) => continue,
            }
        } else {
            rest.trim_start_matches(' ')
        };
        if rest.as_bytes().first().is_some_and(|&c| c.is_ascii_digit() || c == b'.') {
            return (rest, Some(prefix.code), 1.0);
        }
    }
    (input, None, 1.0)
}

/// A currency sign or code written before a figure, with what matching it takes.
#[derive(Debug)]
struct CurrencySign {
    sign: &'static str,
    code: &'static str,
    /// The sign's first byte, lower-cased: the signs are tried only where it begins the text.
    first: u8,
    /// Its ASCII letters.
    letters: usize,
    /// Codes match in any case, but a lone letter only as written ("C $", never "a $5"), and
    /// a spaced "US $" only in capitals ("lent us $1.4 trillion").
    any_case: bool,
    /// Letters and full stops only ("USD", "Rs."): a space or a capital code's digits follow.
    is_code: bool,
}

impl CurrencySign {
    fn new(sign: &'static str, code: &'static str) -> Self {
        let letters = sign.chars().filter(char::is_ascii_alphabetic).count();
        let any_case = if sign.contains(' ') {
            matches!(sign, "C $" | "HK $") || sign.contains('.')
        } else {
            letters >= 2
        };
        CurrencySign {
            sign,
            code,
            first: sign.as_bytes().first().map_or(0, u8::to_ascii_lowercase),
            letters,
            any_case,
            is_code: sign.chars().all(|c| c.is_ascii_alphabetic() || c == '.'),
        }
    }
}

/// The numeral, and whether it was written as a ratio ("one in five", "4 out of 10").
fn numeral(input: &str) -> Option<(&str, Numeral, bool)> {
    if let Some((value, _, len)) = vulgar_fraction(input) {
        return Some((&input[len..], fraction_numeral(value), false));
    }
    // A numeral in digits begins with no letter; one in words with nothing else.
    let (rest, n) = if input.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        number_words(input)?
    } else {
        match digits(input) {
            Ok(found) => found,
            Err(_) => number_words(input)?,
        }
    };
    if let Some((after, fraction)) = slash_fraction(input, rest, &n) {
        return Some((after, fraction, false));
    }
    if matches!(n.kind, NumeralKind::Digits | NumeralKind::Words)
        && let Some((after, ratio)) = ratio_tail(rest, &n)
    {
        return Some((after, ratio, true));
    }
    Some((rest, n, false))
}

/// "1/4 of", "-4/5": a fraction in digits. Without a sign or "of" after it, N/M is a date
/// ("on 3/4") or an old stock price ("up 1/2"), and is not read here.
fn slash_fraction<'a>(input: &str, rest: &'a str, n: &Numeral) -> Option<(&'a str, Numeral)> {
    if n.kind != NumeralKind::Digits || n.decimals > 0 || n.value.fract() != 0.0 || n.value == 0.0 {
        return None;
    }
    let after = rest.strip_prefix('/')?;
    let (tail, den) = digits(after).ok()?;
    if !den.bare_integer || den.value <= n.value.abs() || den.value > 1000.0 || tail.starts_with('/') {
        return None;
    }
    let signed = input.starts_with(['-', '−', '+']);
    let of = tail.get(..3).is_some_and(|w| w.eq_ignore_ascii_case(" of")) && at_boundary(&tail[3..]);
    if !(signed || of) || !at_boundary(tail) {
        return None;
    }
    Some((tail, fraction_numeral(n.value / den.value)))
}

/// A fraction in digits or characters, with the slack of one.
fn fraction_numeral(value: f64) -> Numeral {
    Numeral {
        value,
        half_step: FRACTION_SLACK,
        decimals: 0,
        bare_integer: false,
        int_digits: 0,
        kind: NumeralKind::Fraction,
    }
}

/// The slack of a fraction in digits or characters ("1/4", "¾").
const FRACTION_SLACK: f64 = 0.025;

/// "in five", "out of 10", "out of every four" after a numerator.
fn ratio_tail<'a>(rest: &'a str, numerator: &Numeral) -> Option<(&'a str, Numeral)> {
    let lex = lexicon::active();
    if numerator.value <= 0.0 || numerator.decimals > 0 || numerator.value.fract() != 0.0 {
        return None;
    }
    let (after, _) = spaces(rest).ok()?;
    let mut over = false;
    let after = if let Ok((a, _)) = (ci("out of"), spaces).parse(after) {
        a
    } else if let Ok((a, _)) = (ci("in"), spaces).parse(after) {
        a
    } else if let Ok((a, _)) = (ci("over"), spaces).parse(after) {
        over = true;
        a
    } else {
        return None;
    };
    let after = match (ci("every"), spaces).parse(after) {
        Ok((a, _)) => a,
        Err(_) => after,
    };
    let (tail, den) = digits(after).or_else(|_| words(after)).ok()?;
    if den.value <= numerator.value || den.value > 1000.0 || den.decimals > 0 || !at_boundary(tail) {
        return None;
    }
    // "5 in 10 years" is a count and a duration, not a ratio.
    let next: String = tail.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    if lexicon::contains(&lex.duration_words, &next) || tail.trim_start().starts_with('%') {
        return None;
    }
    // "one over three" is a fraction only when nothing follows it: "2 over 3 years", "1986 over
    // 1985" and "won 6 over 4 rivals" are not.
    let year_like = |n: &Numeral| n.bare_integer && n.int_digits == 4;
    if over
        && (!next.is_empty()
            || tail.trim_start().starts_with(|c: char| c.is_ascii_digit())
            || year_like(numerator)
            || year_like(&den))
    {
        return None;
    }
    let value = numerator.value / den.value;
    let half_step = (0.5 / den.value).min(0.05);
    Some((
        tail,
        Numeral { value, half_step, decimals: 0, bare_integer: false, int_digits: 0, kind: numerator.kind },
    ))
}

/// What follows a numeral as its magnitude: the multiplier ("million"), and for compounds the
/// value added after it ("4 thousand 3 hundred and 21", "3 million and a half").
struct Magnitude {
    scale: f64,
    found: bool,
    extra: f64,
    half_step: Option<f64>,
}

/// A magnitude after the numeral: " million", "bn", " mln", "k", " hundred" after digits, "3
/// dozen"; "m"/"b"/"mm" only next to money.
fn magnitude<'a>(rest: &'a str, money: bool, numeral: &Numeral) -> (&'a str, Magnitude) {
    let lex = lexicon::active();
    let none = Magnitude { scale: 1.0, found: false, extra: 0.0, half_step: None };
    if numeral.kind == NumeralKind::Fraction {
        return (rest, none);
    }
    let digits = numeral.kind == NumeralKind::Digits;
    let spaced = spaces(rest).map(|(a, _)| a).unwrap_or(rest);
    // Most figures have no magnitude: one look-up of the next word says so.
    let next = if rest.starts_with(|c: char| c.is_ascii_alphabetic()) { rest } else { spaced };
    if !tables().magnitude_words.starts(next.as_bytes()) {
        return (rest, none);
    }
    for candidate in [rest, spaced] {
        let glued = candidate.len() == rest.len();
        let all: [&[(String, f64)]; 3] = [&lex.magnitudes, &lex.scales, &lex.money_magnitudes];
        let wanted = [true, !glued || digits, glued && money];
        for (table, _) in all.iter().zip(wanted).filter(|(_, w)| *w) {
            for (w, scale) in table.iter() {
                if *w == "hundred" && (glued || !digits) {
                    continue;
                }
                if *w == "k" && !glued {
                    continue;
                }
                if let Some(head) = candidate.get(..w.len())
                    && head.eq_ignore_ascii_case(w)
                    && at_boundary(&candidate[w.len()..])
                {
                    let after = &candidate[w.len()..];
                    if let Some((after, extra, half)) = compound_tail(after, *scale) {
                        return (
                            after,
                            Magnitude { scale: *scale, found: true, extra, half_step: Some(half) },
                        );
                    }
                    return (after, Magnitude { scale: *scale, found: true, extra: 0.0, half_step: None });
                }
            }
        }
        // "3 dozen", "3 dozens"
        if digits && !glued && numeral.bare_integer {
            for w in &lex.dozens {
                if let Some(after) = strip_word(candidate, w) {
                    return (after, Magnitude { scale: 12.0, found: true, extra: 0.0, half_step: Some(6.0) });
                }
            }
        }
    }
    (rest, none)
}

/// What may follow "4 thousand": " 3 hundred and 21" (a smaller group), " and 21" after
/// "hundred", " and two hundred" (a smaller group in words), " and a half" (a fraction of the
/// scale). Returns the input after it, the value it adds and the half-step of the whole.
fn compound_tail(rest: &str, scale: f64) -> Option<(&str, f64, f64)> {
    let mut rest_out = None;
    let mut last = scale;
    let mut extra = 0.0;
    let mut cursor = rest;
    while let Ok((after_space, _)) = spaces(cursor) {
        let (after_and, and) = match (ci("and"), spaces).parse(after_space) {
            Ok((a, _)) => (a, true),
            Err(_) => (after_space, false),
        };
        // "3 million and a half"
        if and
            && last >= 1000.0
            && let Some((r, f)) = fraction_only(after_and)
            && f.value < 1.0
            && !next_is_scale(r)
        {
            extra += f.value * last;
            rest_out = Some((r, last * 0.125));
            break;
        }
        let Some((r, n)) = digits(after_and)
            .ok()
            .filter(|(_, n)| n.bare_integer && n.value >= 1.0 && n.value < 1000.0)
            .or_else(|| words(after_and).ok().filter(|(_, n)| n.value >= 1.0))
        else {
            break;
        };
        if !at_boundary(r) {
            break;
        }
        if let Some((r2, s2)) = scale_word(r)
            && s2 < last
            && n.value < 1000.0
        {
            extra += n.value * s2;
            last = s2;
            cursor = r2;
            rest_out = Some((r2, s2 / 2.0));
            continue;
        }
        // A last group after "and": "3 hundred and 21", "6 crore and two hundred".
        let own_scale = n.kind == NumeralKind::Words && n.value >= 100.0;
        if and && n.value < last && (last == 100.0 || own_scale) && !next_is_scale(r) {
            extra += n.value;
            rest_out = Some((r, n.half_step));
        }
        break;
    }
    rest_out.map(|(r, half)| (r, extra, half))
}

/// A scale word after spaces: " hundred", " thousand", " lakh".
fn scale_word(rest: &str) -> Option<(&str, f64)> {
    let lex = lexicon::active();
    let (after, _) = spaces(rest).ok()?;
    lex.scales.iter().find_map(|(w, s)| strip_word(after, w).map(|a| (a, *s)))
}

fn next_is_scale(rest: &str) -> bool {
    scale_word(rest).is_some()
}

/// What follows a figure as its unit.
struct Suffix<'a> {
    rest: &'a str,
    unit: Unit,
    currency: Option<&'static str>,
    /// A multiplier the unit brings: 0.01 for cents, 1e6 for "MUSD" or "USD million".
    scale: f64,
    /// Hundredths written after the currency: "3 dollars 50 cents" adds 0.50.
    extra: f64,
}

/// The unit after the figure: percent, points, a currency word, code or sign, hundredths of a
/// currency ("50 cents"), a unit of time. `prefixed`: the figure has a currency before it.
fn unit_suffix<'a>(rest: &'a str, numeral: &Numeral, prefixed: bool) -> Suffix<'a> {
    let lex = lexicon::active();
    let plain = |rest: &'a str, unit: Unit, currency: Option<&'static str>| Suffix {
        rest,
        unit,
        currency,
        scale: 1.0,
        extra: 0.0,
    };
    if let Some(after) =
        rest.strip_prefix('%').or_else(|| rest.strip_prefix(" %")).or_else(|| rest.strip_prefix("\u{a0}%"))
    {
        return plain(after, Unit::Percent, None);
    }
    let glued = rest;
    let spaced = spaces(rest).map(|(a, _)| a).unwrap_or(rest);
    let digits = numeral.kind == NumeralKind::Digits;
    // Most figures are followed by a word that is no unit: one look-up of it says so.
    let next = if rest.starts_with(|c: char| c.is_ascii_alphabetic()) { rest } else { spaced };
    let letter_next = next.starts_with(|c: char| c.is_ascii_alphabetic());
    if letter_next && !rest.starts_with('-') && !tables().unit_words.starts(next.as_bytes()) {
        return plain(rest, Unit::Count, None);
    }
    if !letter_next
        && !rest.starts_with('-')
        && !next.starts_with(|c: char| !c.is_ascii() || c == '$' || c == '%')
    {
        return plain(rest, Unit::Count, None);
    }
    let tables = tables();
    let units = &tables.units;
    for (candidate, is_glued) in [(glued, true), (spaced, false)] {
        if is_glued && !digits {
            continue;
        }
        for w in units.points.at(&lex.point_words, candidate) {
            if is_glued && w.len() > 4 {
                continue;
            }
            if let Some(after) = strip_word(candidate, w) {
                return plain(after, Unit::Points, None);
            }
        }
        for w in units.percent.at(&lex.percent_words, candidate) {
            if let Some(after) = strip_word(candidate, w) {
                return plain(after, Unit::Percent, None);
            }
        }
        // "30 percentage", "one hundred percents"; "percentage point(s)" is points, above.
        if !is_glued {
            for w in ["percentage", "percents"] {
                if let Some(after) = strip_word(candidate, w) {
                    return plain(after, Unit::Percent, None);
                }
            }
        }
    }
    if !prefixed {
        let spaced_apart = spaced.len() != rest.len();
        // "30 MUSD", "48.5 MGBP"
        for (code, iso) in units.million_codes.at(&lex.currency_million_codes, spaced) {
            if let Some(after) = spaced.strip_prefix(code)
                && at_boundary(after)
            {
                return Suffix {
                    rest: after,
                    unit: Unit::Currency,
                    currency: Some(iso),
                    scale: 1e6,
                    extra: 0.0,
                };
            }
        }
        for (w, code) in units.currency_after.at(&lex.currency_after, spaced) {
            let glued_code = !spaced_apart && digits && w.len() == 3 && spaced.get(..3) == Some(w.as_str());
            if let Some(after) = strip_word(spaced, w)
                && (spaced_apart || glued_code)
            {
                // "75 USD million"
                if let Some((after_scale, s)) = scale_word(after).filter(|(_, s)| *s >= 1000.0) {
                    return Suffix {
                        rest: after_scale,
                        unit: Unit::Currency,
                        currency: Some(code),
                        scale: s,
                        extra: 0.0,
                    };
                }
                let (after, extra) = cents_after(after);
                return Suffix { rest: after, unit: Unit::Currency, currency: Some(code), scale: 1.0, extra };
            }
        }
        for (w, code) in units.hundredths.at(&lex.currency_hundredths, spaced) {
            // Lower case only: "50 Cent" is a rapper, "99 Cents Only" a shop.
            if let Some(after) = strip_word(spaced, w)
                && spaced_apart
                && (spaced[..w.len()].bytes().all(|b| b.is_ascii_lowercase())
                    || spaced[..w.len()] == w.to_ascii_uppercase())
            {
                return Suffix {
                    rest: after,
                    unit: Unit::Currency,
                    currency: Some(code),
                    scale: 0.01,
                    extra: 0.0,
                };
            }
        }
        // "10 €", "100₾", "10 $"; never "1 $10" (the sign belongs to the next figure).
        // Signs match without a word boundary ("Kr" of a pack would match "Kroner"), so they
        // are not in a `ListIndex`: all are tried (there are few).
        for (sign, code) in &lex.currency_signs_after {
            if let Some(after) = spaced.strip_prefix(sign)
                && !after.starts_with(|c: char| c.is_ascii_digit())
                && (digits || spaced_apart)
            {
                let (after, extra) = cents_after(after);
                return Suffix { rest: after, unit: Unit::Currency, currency: Some(code), scale: 1.0, extra };
            }
        }
    }
    // "10 years", "a 10-year bond", "45-year-old"; "a 12-cent dividend", "one-yen bid".
    let hyphened = rest.strip_prefix('-');
    for candidate in [Some(spaced).filter(|s| s.len() != rest.len()), hyphened].into_iter().flatten() {
        for w in units.durations.at(&lex.duration_words, candidate) {
            if let Some(after) = strip_word(candidate, w) {
                let after = after.strip_prefix("-old").unwrap_or(after);
                let after = strip_word(after.trim_start_matches(' '), "old").map_or(after, |a| a);
                return plain(after, Unit::Duration, None);
            }
        }
    }
    if let Some(candidate) = hyphened
        && !prefixed
    {
        for (w, code) in units.hundredths.at(&lex.currency_hundredths, candidate) {
            if let Some(after) = strip_word(candidate, w) {
                return Suffix {
                    rest: after,
                    unit: Unit::Currency,
                    currency: Some(code),
                    scale: 0.01,
                    extra: 0.0,
                };
            }
        }
        // Not "a 1650-pound satellite" (a weight).
        for (w, code) in units
            .currency_after
            .at(&lex.currency_after, candidate)
            .filter(|(w, _)| matches!(w.as_str(), "dollar" | "euro" | "yen"))
        {
            if let Some(after) = strip_word(candidate, w) {
                return plain(after, Unit::Currency, Some(code));
            }
        }
    }
    plain(rest, Unit::Count, None)
}

/// Hundredths after a currency: " 50 cents", " and forty-five cents", and " 50" or " and 15" at
/// the end of a sentence ("15 dollars 50."). Returns the input after them and their value.
fn cents_after(rest: &str) -> (&str, f64) {
    let Ok((after, _)) = spaces(rest) else { return (rest, 0.0) };
    let after = match (ci("and"), spaces).parse(after) {
        Ok((a, _)) => a,
        Err(_) => after,
    };
    let Some((tail, n)) = digits(after)
        .ok()
        .filter(|(_, n)| n.bare_integer)
        .or_else(|| words(after).ok())
        .filter(|(t, n)| n.value >= 1.0 && n.value < 100.0 && at_boundary(t))
    else {
        return (rest, 0.0);
    };
    for w in ["cents", "cent", "pence", "p"] {
        if let Ok((a, _)) = spaces(tail)
            && let Some(after_cents) = strip_word(a, w)
        {
            return (after_cents, n.value / 100.0);
        }
    }
    // "15 dollars 50." — nothing but the end of the sentence may follow.
    let end = tail.trim_start_matches(' ');
    if end.is_empty()
        || end.starts_with(['.', '!', '?', ';']) && !end[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return (tail, n.value / 100.0);
    }
    (rest, 0.0)
}

fn strip_word<'a>(input: &'a str, w: &str) -> Option<&'a str> {
    let head = input.get(..w.len())?;
    (head.eq_ignore_ascii_case(w) && at_boundary(&input[w.len()..])).then(|| &input[w.len()..])
}

/// The second figure of a range, with where it ends.
fn range_end(text: &str, first: &Core, between: bool) -> Option<(Core, usize)> {
    let rest = &text[first.end..];
    // Every separator begins with a dash or a tilde, or is "to", "through" or "thru", after
    // any spaces: most figures are followed by none of these.
    let lead = spaces(rest).map_or(rest, |(after, _)| after);
    if !between && !lead.starts_with(['-', '–', '—', '~', 't', 'T']) {
        return None;
    }
    let (sep_len, spaced_to) = if between {
        let (after, _) = (spaces, ci("and"), spaces).parse(rest).ok()?;
        (rest.len() - after.len(), true)
    } else if let Some(r) =
        rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')).or_else(|| rest.strip_prefix('—'))
    {
        if first.numeral.kind != NumeralKind::Digits || !r.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (rest.len() - r.len(), false)
    } else if let Some(r) = rest.strip_prefix('~').or_else(|| {
        let (after, _) = spaces(rest).ok()?;
        let r = ["-", "–", "~"].iter().find_map(|s| after.strip_prefix(s))?;
        spaces(r).ok().map(|(a, _)| a)
    }) {
        // "20~100", "1000 - 5000", "1000 – 5000": digits on both sides, rising.
        let r = r.trim_start_matches(' ');
        if first.numeral.kind != NumeralKind::Digits || !r.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (rest.len() - r.len(), true)
    } else if let Ok((after, _)) = (spaces, nom::branch::alt((ci("through"), ci("thru"))), spaces).parse(rest)
    {
        // "20 through 100"
        if !after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (rest.len() - after.len(), true)
    } else if let Ok((after, _)) = (spaces, ci("to"), spaces).parse(rest) {
        // "10 to 20 people", never "from 10 to 20" (a change) nor "rose 5% to 31%".
        if first.has_unit || preceded_by_word(text, first.quantity.span.start, &["from", "between"]) {
            return None;
        }
        (rest.len() - after.len(), true)
    } else {
        return None;
    };
    let second_start = first.end + sep_len;
    let second = core(text, second_start)?;
    if first.numeral.kind == NumeralKind::Fraction || second.numeral.kind == NumeralKind::Fraction {
        return None;
    }
    let low = first.quantity.value * lent_scale(first, &second);
    if spaced_to && !between && second.quantity.value <= low {
        return None;
    }
    if first.has_unit && second.has_unit && first.quantity.unit != second.quantity.unit {
        return None;
    }
    let end = second.end;
    Some((second, end))
}

/// The magnitude the first end of a range borrows from the second: "between 1.5 and 2 million",
/// "25 to 50 cents"; never when that would make the first end the larger ("between 700,000 and 1
/// million").
fn lent_scale(first: &Core, second: &Core) -> f64 {
    if first.has_magnitude || first.numeral.value.abs() >= 1000.0 {
        return 1.0;
    }
    // "three billion" in words carries its scale in its value; its half-step tells which.
    let words_scale = second.numeral.half_step * 2.0;
    let scale = if second.has_magnitude {
        second.magnitude
    } else if second.numeral.kind == NumeralKind::Words
        && words_scale >= 1000.0
        && (second.numeral.value % words_scale).abs() < 1e-6
        && first.numeral.kind == NumeralKind::Words
    {
        words_scale
    } else {
        1.0
    };
    if first.quantity.value * scale > second.quantity.value { 1.0 } else { scale }
}

/// "2016–2018", "2016-18".
fn is_year_span(first: &Numeral, second: &Numeral) -> bool {
    let year = |n: &Numeral| n.bare_integer && n.int_digits == 4 && (1000.0..=2199.0).contains(&n.value);
    year(first) && second.bare_integer && (year(second) || second.int_digits == 2)
}

fn looks_like_score(text: &str, start: usize, first: &Core, second: &Core) -> bool {
    let lex = lexicon::active();
    first.numeral.bare_integer
        && second.numeral.bare_integer
        && first.numeral.int_digits <= 2
        && second.numeral.int_digits <= 2
        && previous_words(text, start).take(4).any(|w| lexicon::contains(&lex.score_cues, w))
}

/// What [`not_an_amount`] found: where it ends, and the number of an ordinal ("21st").
struct NotAmount {
    end: usize,
    ordinal: Option<f64>,
}

impl From<usize> for NotAmount {
    fn from(end: usize) -> Self {
        NotAmount { end, ordinal: None }
    }
}

/// Years, decades, times, dates, ordinals in digits, phone numbers and glued names at `start`.
fn not_an_amount(text: &str, start: usize) -> Option<NotAmount> {
    if ends_plainly(text, start) {
        return None;
    }
    read_not_an_amount(text, start)
}

/// Whether the digits at `start` end where none of the readings of [`read_not_an_amount`]
/// can, as most figures do: at the text's end, a comma, "%", ")" or ";"; a space and a word
/// (for one or two digits, a word that is no "am" or "pm"); a full stop or a colon before
/// anything but a digit (a full stop only in a lexicon that writes no ordinals with one).
/// Two digits after an apostrophe ("’09") are a year whatever follows them.
fn ends_plainly(text: &str, start: usize) -> bool {
    let b = &text.as_bytes()[start..];
    let run = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if run == 0 || run == 2 && text[..start].ends_with(['\'', '’']) {
        return false;
    }
    let digit_next = b.get(run + 1).is_some_and(u8::is_ascii_digit);
    match b.get(run) {
        None | Some(b',' | b'%' | b')' | b';') => true,
        Some(b' ') => {
            b.get(run + 1).is_some_and(u8::is_ascii_alphabetic)
                && (run > 2 || am_pm(&text[start + run..]) == 0)
        }
        Some(b'.') => !digit_next && !lexicon::active().ordinal_dot,
        Some(b':') => !digit_next,
        _ => false,
    }
}

/// [`not_an_amount`] read in full.
fn read_not_an_amount(text: &str, start: usize) -> Option<NotAmount> {
    let rest = &text[start..];
    let b = rest.as_bytes();
    if let Some(len) = rest.strip_prefix('+').and_then(|r| phone_length_from(r, true)) {
        return Some((start + 1 + len).into());
    }
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let run = digit_run(rest);
    // [81]: a reference mark, as in pages copied from encyclopaedias.
    if text[..start].ends_with('[') && rest[run..].starts_with(']') {
        return Some((start + run + 1).into());
    }
    // '09, '90s: a year with its century cut.
    if run == 2 && text[..start].ends_with(['\'', '’']) {
        return Some((start + run + usize::from(rest[run..].starts_with('s'))).into());
    }
    // 59-5/8, 12 3/4: a whole number and a fraction (old stock prices).
    if let Some(sep) = b.get(run).filter(|c| **c == b'-' || **c == b' ') {
        let _ = sep;
        let after = &rest[run + 1..];
        let num = digit_run(after);
        if num > 0 && after.as_bytes().get(num) == Some(&b'/') && digit_run(&after[num + 1..]) > 0 {
            return Some((start + run + 1 + num + 1 + digit_run(&after[num + 1..])).into());
        }
    }
    // "am 3. Oktober", "vom 5. auf den 2. Platz": where a full stop after digits writes an
    // ordinal, a position.
    if run <= 4 && b.get(run) == Some(&b'.') && ordinal_dot_follows(&rest[run + 1..]) {
        return Some(NotAmount { end: start + run + 1, ordinal: rest[..run].parse::<f64>().ok() });
    }
    // "31.12.", "14.30 Uhr": where the full stop groups thousands and is no decimal mark, digits
    // after it that are no group of three, with no unit after them, are a date or a time.
    if let Some(len) = full_stop_date_or_time(rest, run) {
        return Some((start + len).into());
    }
    // "1.234.567" in German is a number; in English, dots between groups make a version or
    // an address ("4.1.2", "192.168.1.2").
    let grouped_by_dots = grouped_by_full_stops(rest, run);
    // Phone numbers: three or more groups of digits joined by spaces, dashes or dots.
    if !grouped_by_dots && let Some(len) = phone_length(rest) {
        return Some((start + len).into());
    }
    match b.get(run) {
        // 9:30, 9:30am
        Some(b':') if run <= 2 && b.get(run + 1).is_some_and(u8::is_ascii_digit) => {
            let end = run + 1 + digit_run(&rest[run + 1..]);
            return Some((start + end + am_pm(&rest[end..])).into());
        }
        // 5/3/2020, 2020-03-05
        Some(b'/') if b.get(run + 1).is_some_and(u8::is_ascii_digit) => {
            let mut end = run + 1 + digit_run(&rest[run + 1..]);
            if rest.as_bytes().get(end) == Some(&b'/') {
                end += 1 + digit_run(&rest[end + 1..]);
            }
            if run == 4 {
                return None; // "2016/17" is a span of years, read as a range below
            }
            // "1/4 of the vote" is a fraction, read by the grammar.
            let single = rest.as_bytes().get(end) != Some(&b'/');
            if single
                && rest[end..].get(..3).is_some_and(|w| w.eq_ignore_ascii_case(" of"))
                && at_boundary(&rest[end + 3..])
            {
                let (num, den) = (rest[..run].parse::<u32>().ok()?, rest[run + 1..end].parse::<u32>().ok()?);
                if num > 0 && num < den {
                    return None;
                }
            }
            return Some((start + end).into());
        }
        Some(b'-') if run == 4 => {
            let r2 = &rest[run + 1..];
            let m = digit_run(r2);
            if m == 2 && r2.as_bytes().get(2) == Some(&b'-') && digit_run(&r2[3..]) == 2 {
                return Some((start + run + 1 + 2 + 1 + 2).into());
            }
        }
        _ => {}
    }
    let tail = &rest[run..];
    // 10am, 9.30pm, 10 a.m.
    let time = if run <= 2 { am_pm(tail) } else { 0 };
    if time > 0 {
        return Some((start + run + time).into());
    }
    if run <= 2 && tail.starts_with('.') && digit_run(&tail[1..]) == 2 {
        let t = am_pm(&tail[3..]);
        if t > 0 {
            return Some((start + run + 3 + t).into());
        }
    }
    // 1st, 22nd, 3rd, 4th
    let suffix = &tail[..tail.bytes().take_while(u8::is_ascii_alphabetic).count()];
    if ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)) {
        let value = rest[..run].parse::<f64>().ok();
        return Some(NotAmount { end: start + run + suffix.len(), ordinal: value });
    }
    // 1990s, '90s
    if suffix.eq_ignore_ascii_case("s") && run == 4 {
        return Some((start + run + 1).into());
    }
    // Version numbers and addresses: 4.1.2, 192.168.1.2 — every group is part of the name.
    if !grouped_by_dots && tail.starts_with('.') && digit_run(&tail[1..]) > 0 {
        let t2 = &tail[1 + digit_run(&tail[1..])..];
        if t2.starts_with('.') && digit_run(&t2[1..]) > 0 {
            let mut len = run;
            while rest[len..].starts_with('.') && digit_run(&rest[len + 1..]) > 0 {
                len += 1 + digit_run(&rest[len + 1..]);
            }
            return Some((start + len).into());
        }
    }
    None
}

/// Whether what follows digits and a full stop (`after`, from the space on) makes them an
/// ordinal, in a lexicon that writes ordinals so: a space, then a month, a word in lower case
/// or an ordinal noun ("3. Oktober", "5. auf", "2. Platz").
fn ordinal_dot_follows(after: &str) -> bool {
    let lex = lexicon::active();
    if !lex.ordinal_dot {
        return false;
    }
    let next = after.trim_start_matches([' ', '\u{a0}']);
    if next.len() == after.len() {
        return false;
    }
    let word_len = next.find(|c: char| !c.is_alphabetic()).unwrap_or(next.len());
    let word = &next[..word_len];
    !word.is_empty()
        && (word.starts_with(char::is_lowercase)
            || lexicon::contains(&lex.months, word)
            || lexicon::contains(&lex.ordinal_nouns, word))
}

/// The length of a date or a time written with full stops in a lexicon that groups digits with
/// them ("31.12.", "3.5.", "14.30 Uhr"), at the start of `rest` (`run` digits before the stop);
/// other digits after such a stop are a decimal written the English way ("3.5 Prozent").
fn full_stop_date_or_time(rest: &str, run: usize) -> Option<usize> {
    let lex = lexicon::active();
    let b = rest.as_bytes();
    // The full stop of a decimal written the English way; "1.1.2024" (a whole date) is left to
    // the check for dotted names below.
    if lex.decimal_mark == '.'
        || !super::numeral::foreign_point(b, run, &lex.group_marks)
        || !super::numeral::dotted_date_or_time(&rest[..run], &rest[run + 1..])
    {
        return None;
    }
    let end = run + 1 + digit_run(&rest[run + 1..]);
    // "31.12.": the date's closing stop too, unless it ends the sentence.
    let closing = b.get(end) == Some(&b'.') && !rest[end + 1..].trim_start().starts_with(char::is_uppercase);
    Some(end + usize::from(closing))
}

/// Whether the digits at the start of `rest` (`run` of them before the first mark) are a number
/// grouped by full stops in a lexicon that groups with them: "1.234.567" in German, every group
/// of three, at most two groups or three before a unit (three alone make an address,
/// "192.168.100.200"), and no further ".digits" after the last.
fn grouped_by_full_stops(rest: &str, run: usize) -> bool {
    if run == 0 || run > 3 || !lexicon::active().group_marks.iter().any(|m| m == ".") {
        return false;
    }
    let b = rest.as_bytes();
    let mut p = run;
    let mut groups = 0;
    while b.get(p) == Some(&b'.') && digit_run(&rest[p + 1..]) == 3 {
        p += 4;
        groups += 1;
    }
    // Three groups are an address ("192.168.100.200") unless a unit follows ("1.234.567.890 Euro").
    let sized = groups <= 2 || groups == 3 && unit_follows(&rest[p..]);
    groups > 0
        && sized
        && !(b.get(p) == Some(&b'.') && rest[p + 1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a unit follows a figure's digits (`rest`, after them): "%", "€", "$", or a word of
/// the grammar's unit or magnitude tables ("Prozent", "Mrd.", "Euro").
fn unit_follows(rest: &str) -> bool {
    let next = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let tables = tables();
    next.starts_with(['%', '€', '$'])
        || tables.unit_words.starts(next.as_bytes())
        || tables.magnitude_words.starts(next.as_bytes())
}

fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn am_pm(s: &str) -> usize {
    let t = s.strip_prefix(' ').unwrap_or(s);
    if !t.starts_with(['a', 'A', 'p', 'P']) {
        return 0;
    }
    let skipped = s.len() - t.len();
    for form in ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"] {
        if let Some(head) = t.get(..form.len())
            && head.eq_ignore_ascii_case(form)
            && (form.ends_with('.') || at_boundary(&t[form.len()..]))
        {
            return skipped + form.len();
        }
    }
    0
}

/// The length of a phone number at the start of `s`, if one is there.
fn phone_length(s: &str) -> Option<usize> {
    phone_length_from(s, false)
}

/// `international`: after "+", where the first group is a country code of one to three digits.
fn phone_length_from(s: &str, international: bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    // Phone numbers are short: more than six groups, or one of more than five digits, is none.
    let mut found = [0usize; 6];
    let mut count = 0;
    loop {
        let run = digit_run(&s[i..]);
        if run == 0 {
            break;
        }
        if count == found.len() || run > 5 {
            return None;
        }
        found[count] = run;
        count += 1;
        i += run;
        match b.get(i) {
            Some(b' ' | b'-' | b'.') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let sep = b[i];
                // Digits then "." is a decimal, unless more groups follow with the same dot.
                // Look a few bytes ahead only, so that a long line of numbers stays linear.
                let window = &b[i + 1..b.len().min(i + 16)];
                if sep == b'.' && count == 1 && !window.contains(&b'.') {
                    break;
                }
                i += 1;
            }
            _ => break,
        }
    }
    let groups = &found[..count];
    let digits: usize = groups.iter().sum();
    let ends_clean = at_boundary(&s[i..]);
    let dashed_local = groups.len() == 2 && groups[0] == 3 && groups[1] == 4 && s.as_bytes()[3] == b'-';
    let many_groups = groups.len() >= 3
        && digits >= 7
        && groups.iter().skip(usize::from(international)).all(|g| *g >= 2)
        && groups[0] <= 5;
    (ends_clean && (dashed_local || many_groups)).then_some(i)
}

/// Whether a bare count is really a year, a date or a name, judged by its neighbours.
fn classify_bare(text: &str, start: usize, end: usize, first: &Core) -> Unit {
    let lex = lexicon::active();
    let n = &first.numeral;
    if n.kind != NumeralKind::Digits || !n.bare_integer || first.has_magnitude {
        return Unit::Count;
    }
    let v = n.value;
    if n.int_digits == 4 && (1000.0..=2199.0).contains(&v) {
        return Unit::Year;
    }
    let prev_word = previous_words(text, start).next().unwrap_or("");
    let after = text[end..].trim_start();
    let next_word = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    if v <= 31.0
        && (lexicon::contains(&lex.months, prev_word.trim_end_matches('.'))
            || lexicon::contains(&lex.months, next_word))
    {
        return Unit::Date;
    }
    if lexicon::contains(&lex.identifier_cues, prev_word) || prev_word.eq_ignore_ascii_case("no.") {
        return Unit::Identifier;
    }
    // "Boeing 737", "Windows 10": a capitalised word (not at a sentence start) names the number.
    // Only a word right before the number counts ("Labour, 15" is a list, not a name).
    let before_prev = text[..start].trim_end_matches([' ', '\u{a0}']);
    if prev_word.chars().next().is_some_and(char::is_uppercase)
        && !prev_word.ends_with('.')
        && before_prev.ends_with(prev_word)
    {
        let word_start = before_prev.len() - prev_word.len();
        let gap = &text[..word_start];
        let lead = gap.trim_end();
        // A word that opens a line or a sentence is capitalised for that reason alone.
        let sentence_start = lead.is_empty()
            || lead.ends_with(['.', '!', '?', ':', '"', '“', '(', '\n'])
            || gap[lead.len()..].contains('\n');
        if !sentence_start && prev_word.chars().skip(1).any(char::is_lowercase) {
            return Unit::Identifier;
        }
    }
    Unit::Count
}

/// Words before "one" that make it a pronoun ("the one you mentioned", "which one").
const PRONOUN_ONE_BEFORE: &[&str] =
    &["the", "this", "that", "which", "each", "any", "no", "another", "someone", "anyone", "everyone"];

/// "one" as a pronoun, not a number: "the one you mentioned", "that one", "one another".
fn is_pronoun_one(text: &str, start: usize, first: &Core) -> bool {
    if first.numeral.kind != NumeralKind::Words || first.quantity.value != 1.0 {
        return false;
    }
    let written = &text[start..first.end];
    if !written.eq_ignore_ascii_case("one") {
        return false;
    }
    let after = text[first.end..].trim_start();
    if after.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("another")) {
        return true;
    }
    // "one of the five" counts one thing.
    if after.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("of ")) {
        return false;
    }
    previous_words(text, start).next().is_some_and(|w| lexicon::contains(PRONOUN_ONE_BEFORE, w))
}

/// The words before `pos`, nearest first, trailing punctuation kept only for "no.".
pub(crate) fn previous_words(text: &str, pos: usize) -> PreviousWords<'_> {
    PreviousWords { text, end: pos }
}

/// The iterator of [`previous_words`]: nothing is allocated.
pub(crate) struct PreviousWords<'t> {
    text: &'t str,
    end: usize,
}

impl<'t> Iterator for PreviousWords<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let before = &self.text[..self.end];
        let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '(');
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '\'' || *c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &trimmed[word_start..];
        if w.is_empty() {
            // Nothing more: the iterator stays at its end.
            self.end = 0;
            return None;
        }
        self.end = word_start;
        let keep_dot = w.eq_ignore_ascii_case("no.");
        Some(if keep_dot { w } else { w.trim_end_matches('.') })
    }
}

fn preceded_by_word(text: &str, pos: usize, words: &[&str]) -> bool {
    previous_words(text, pos).next().is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests;
