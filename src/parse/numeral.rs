//! nom parsers for the numeral at the heart of a figure: digits with separators and decimals,
//! number words, and fractions.

use super::lexicon::{self, contains, lookup};
use nom::{
    IResult, Parser,
    bytes::complete::{tag_no_case, take_while_m_n, take_while1},
    combinator::not,
    sequence::terminated,
};

/// A numeral before any magnitude or unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Half the step the figure was rounded to: 0.5 for "22,431", 500 for "22,000".
    pub half_step: f64,
    pub decimals: u32,
    /// Digits only, no separators, no decimals, no sign: a candidate year, score or name.
    pub bare_integer: bool,
    /// Number of digits before the decimal point.
    pub int_digits: u32,
    pub kind: NumeralKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumeralKind {
    Digits,
    Words,
    Fraction,
    /// "twenty-first", "21st": never an amount; the value is the ordinal's number.
    Ordinal,
}

pub type PResult<'a, T> = IResult<&'a str, T>;

pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// True when `rest` does not continue the current word.
pub fn at_boundary(rest: &str) -> bool {
    !rest.chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// The ASCII `word` at the start of the input in any case (ASCII case: a Kelvin sign is no
/// "k"); compares bytes, where nom's `tag_no_case` folds each character.
pub fn ci<'a>(word: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| match i.as_bytes().get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word.as_bytes()) => Ok((&i[word.len()..], &i[..word.len()])),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// A whole word, case-insensitive, not followed by a letter or digit.
pub fn word<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(w), not(take_while_m_n(1, 1, |c: char| c.is_alphanumeric())))
}

/// Spaces (including no-break spaces) between the words of a figure.
/// A figure may wrap onto the next line ("1.5\nbillion"), but never across a blank line.
#[inline]
pub fn spaces(i: &str) -> PResult<'_, &str> {
    // The grammar asks this after nearly every word it reads: most often one space and a word
    // follow, or no space at all.
    match i.as_bytes() {
        [b' ', next, ..] if next.is_ascii_alphanumeric() => Ok((&i[1..], &i[..1])),
        [first, ..] if first.is_ascii() && !matches!(first, b' ' | b'\t' | b'\r' | b'\n') => {
            Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::TakeWhile1)))
        }
        _ => spaces_run(i),
    }
}

/// [`spaces`] byte by byte.
fn spaces_run(i: &str) -> PResult<'_, &str> {
    let bytes = i.as_bytes();
    let (mut end, mut newlines) = (0, 0);
    loop {
        match bytes.get(end..) {
            Some([b' ' | b'\t' | b'\r', ..]) => end += 1,
            Some([b'\n', ..]) => {
                newlines += 1;
                end += 1;
            }
            // U+00A0 and U+202F, the no-break spaces.
            Some([0xc2, 0xa0, ..]) => end += 2,
            Some([0xe2, 0x80, 0xaf, ..]) => end += 3,
            _ => break,
        }
    }
    if end == 0 || newlines > 1 {
        let kind = if end == 0 { nom::error::ErrorKind::TakeWhile1 } else { nom::error::ErrorKind::Space };
        return Err(nom::Err::Error(nom::error::Error::new(i, kind)));
    }
    Ok((&i[end..], &i[..end]))
}

/// Vulgar fraction characters and their values.
const VULGAR_FRACTIONS: &[(char, f64, f64)] = &[
    ('½', 1.0, 2.0),
    ('⅓', 1.0, 3.0),
    ('⅔', 2.0, 3.0),
    ('¼', 1.0, 4.0),
    ('¾', 3.0, 4.0),
    ('⅕', 1.0, 5.0),
    ('⅖', 2.0, 5.0),
    ('⅗', 3.0, 5.0),
    ('⅘', 4.0, 5.0),
    ('⅙', 1.0, 6.0),
    ('⅚', 5.0, 6.0),
    ('⅐', 1.0, 7.0),
    ('⅛', 1.0, 8.0),
    ('⅜', 3.0, 8.0),
    ('⅝', 5.0, 8.0),
    ('⅞', 7.0, 8.0),
    ('⅑', 1.0, 9.0),
    ('⅒', 1.0, 10.0),
];

/// The vulgar fraction character at the start of `s`, as (value, denominator, its length).
pub fn vulgar_fraction(s: &str) -> Option<(f64, f64, usize)> {
    // Every one is a character beyond ASCII.
    if s.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    let c = s.chars().next()?;
    VULGAR_FRACTIONS.iter().find(|(v, _, _)| *v == c).map(|(_, n, d)| (n / d, *d, c.len_utf8()))
}

fn digit_count(b: &[u8], from: usize) -> usize {
    b.get(from..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// Whether digits, a full stop and more digits (`whole`, then `rest` from after the stop) are a
/// date or a time of day: "31.12." (a day and a month, and the date's closing stop), "14.30 Uhr"
/// (a word of the lexicon's `clock-words`).
pub(crate) fn dotted_date_or_time(whole: &str, rest: &str) -> bool {
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (part, after) = rest.split_at(n);
    let small = |s: &str, top: u32| s.len() <= 2 && s.parse::<u32>().is_ok_and(|v| (1..=top).contains(&v));
    dotted_time_of_day(rest) || after.starts_with('.') && small(whole, 31) && small(part, 12)
}

/// Whether the digits after a full stop (`rest`, from after the stop) are followed by a word of
/// the lexicon's `clock-words`: "14.30 Uhr".
fn dotted_time_of_day(rest: &str) -> bool {
    let lex = super::lexicon::active();
    let next = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches([' ', '\u{a0}']);
    let word = &next[..next.find(|c: char| !c.is_alphabetic()).unwrap_or(next.len())];
    !word.is_empty() && contains(&lex.clock_words, word)
}

/// Whether the full stop at `p` of a lexicon that groups digits with it (German "22.000") is a
/// decimal point written the English way: followed by digits that are not a group of three
/// ("3.5", "3.50", "1.2345"), and not by a further ".digits" (a version or a date, "2.0.1").
pub(crate) fn foreign_point(b: &[u8], p: usize, group_marks: &[String]) -> bool {
    if b.get(p) != Some(&b'.') || !group_marks.iter().any(|m| m == ".") {
        return false;
    }
    let n = digit_count(b, p + 1);
    let after = p + 1 + n;
    n > 0 && n != 3 && !(b.get(after) == Some(&b'.') && digit_count(b, after + 1) > 0)
}

/// The end of the integer part at `from` with thousands separators: "22,000", "1,234,567",
/// "40 000" with a no-break or thin space, "12,34,567" (Indian grouping: pairs, then a
/// group of three). `None` when there is no separator.
fn grouped_end(s: &str, from: usize, lead: usize, marks: &[String]) -> Option<usize> {
    let b = s.as_bytes();
    // Indian grouping: 1-2 digits, one or more ",dd", then ",ddd" not followed by a digit.
    if lead <= 2 && marks.iter().any(|m| m == ",") {
        let mut p = from + lead;
        let mut pairs = 0;
        while b.get(p) == Some(&b',') && digit_count(b, p + 1) == 2 && b.get(p + 3) == Some(&b',') {
            pairs += 1;
            p += 3;
        }
        if pairs > 0 && b.get(p) == Some(&b',') && digit_count(b, p + 1) == 3 {
            return Some(p + 4);
        }
    }
    if lead > 3 {
        return None;
    }
    for sep in marks.iter().map(String::as_str) {
        let mut p = from + lead;
        let mut groups = 0;
        while s[p..].starts_with(sep) && digit_count(b, p + sep.len()) == 3 {
            p += sep.len() + 3;
            groups += 1;
        }
        if groups > 0 {
            return Some(p);
        }
    }
    None
}

/// Digits: "22,000", "0.1", ".04", "−3.5", "+44", "40 000" (no-break spaces), "12,34,567"
/// (Indian grouping), "2½", "1.3e6", "1.3x10^6", "2.5^-1".
pub fn digits(i: &str) -> PResult<'_, Numeral> {
    let lex = super::lexicon::active();
    let point = u8::try_from(lex.decimal_mark).ok().filter(u8::is_ascii_punctuation).unwrap_or(b'.');
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let b = i.as_bytes();
    let (mut p, negative, signed) = if i.starts_with('-') {
        (1, true, true)
    } else if i.starts_with('+') {
        (1, false, true)
    } else if i.starts_with('−') {
        ('−'.len_utf8(), true, true)
    } else {
        (0, false, false)
    };
    let int_start = p;
    let lead = digit_count(b, p);
    let grouped = if lead > 0 { grouped_end(i, p, lead, &lex.group_marks) } else { None };
    p = grouped.unwrap_or(p + lead);
    let int_end = p;
    let mut frac_len = 0;
    let foreign = grouped.is_none() && lead > 0 && point != b'.' && foreign_point(b, p, &lex.group_marks);
    // "rund 14.30 Uhr": a time of day is no figure, not "14" and "30".
    if foreign && dotted_time_of_day(&i[p + 1..]) {
        return Err(fail());
    }
    if b.get(p) == Some(&point) && digit_count(b, p + 1) > 0 {
        frac_len = digit_count(b, p + 1);
        p += 1 + frac_len;
    } else if foreign {
        // "3.5 Prozent", "€3.5", "von 6.1 auf 5.9 Prozent": where the full stop groups
        // thousands, a full stop before anything but a group of three digits is the writer's
        // decimal point, not "3" and "5 Prozent". A bare date ("31.12.") never gets here: the
        // scan keeps it out of the amounts first.
        frac_len = digit_count(b, p + 1);
        p += 1 + frac_len;
    }
    if lead == 0 && frac_len == 0 {
        return Err(fail());
    }
    let int_text = &i[int_start..int_end];
    // The fraction with a full stop for its decimal mark, as Rust reads it (".04" for ",04").
    let fraction = |from: usize| -> String {
        let digits = &i[from..p];
        if point == b'.' { digits.to_string() } else { digits.replacen(char::from(point), ".", 1) }
    };
    // The integer's digits without their group marks, on the stack when they fit.
    let mut buffer = [0u8; 64];
    let heap: String;
    let plain: Option<&str> = if grouped.is_some() {
        let count = int_text.bytes().filter(u8::is_ascii_digit).count();
        let digits = int_text.bytes().filter(u8::is_ascii_digit);
        if count <= buffer.len() {
            for (slot, digit) in buffer.iter_mut().zip(digits) {
                *slot = digit;
            }
            Some(std::str::from_utf8(&buffer[..count]).unwrap_or_default())
        } else {
            heap = digits.map(char::from).collect();
            Some(&heap)
        }
    } else {
        None
    };
    let frac_digits = if frac_len > 0 { &b[int_end + 1..p] } else { &[][..] };
    let quick = quick_decimal(plain.map_or(&b[int_start..int_end], str::as_bytes), frac_digits);
    let mut magnitude: f64 = if let Some(value) = quick {
        value
    } else if let Some(plain) = plain {
        let read = if frac_len > 0 { format!("{plain}{}", fraction(int_end)).parse() } else { plain.parse() };
        read.unwrap_or(f64::INFINITY)
    } else {
        // ".04" or "22.5"; read in place when the decimal mark is Rust's own.
        let from = if lead == 0 { int_end } else { int_start };
        let read = if point == b'.' { i[from..p].parse::<f64>() } else { fraction(from).parse::<f64>() };
        match read {
            Ok(value) => value,
            Err(_) if lead == 0 => return Err(fail()),
            Err(_) => f64::INFINITY,
        }
    };
    let int_digits = plain.map_or(lead, str::len);
    let decimals = frac_len as u32;
    let mut half_step = if decimals > 0 {
        0.5 * 10f64.powi(-(decimals.min(300) as i32))
    } else if let Some(plain) = plain {
        integer_half_step(plain)
    } else {
        integer_half_step(int_text)
    };
    let mut bare_integer = !signed && frac_len == 0 && grouped.is_none();
    let mut kind = NumeralKind::Digits;
    // "2½"
    if let Some((f, den, len)) = vulgar_fraction(&i[p..])
        && frac_len == 0
    {
        magnitude += f;
        half_step = 0.25 / den * 2.0;
        bare_integer = false;
        p += len;
    }
    // "1.3e6", "12.32e+14", "1.3x10^6", "6.23 × 10^-4", "1.1^23"
    if let Some((len, exponent, power)) = exponent_tail(&i[p..]) {
        if power {
            let (lo, hi) = ((magnitude - half_step).powi(exponent), (magnitude + half_step).powi(exponent));
            magnitude = magnitude.powi(exponent);
            half_step = (magnitude - lo).abs().max((hi - magnitude).abs());
        } else {
            let scale = 10f64.powi(exponent);
            magnitude *= scale;
            half_step *= scale;
        }
        bare_integer = false;
        p += len;
        kind = NumeralKind::Digits;
    }
    let value = if negative { -magnitude } else { magnitude };
    Ok((&i[p..], Numeral { value, half_step, decimals, bare_integer, int_digits: int_digits as u32, kind }))
}

/// The value of the decimal number with the ASCII digits `int` before its decimal mark and
/// `frac` after it, as `str::parse::<f64>` reads it, when that is quick: a mantissa of at most
/// fifteen digits is exact in an `f64`, as is a power of ten up to 10^22, and one division
/// rounds correctly, as the parse does (Clinger's fast path). `None` for longer numbers.
fn quick_decimal(int: &[u8], frac: &[u8]) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
        1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if int.len() + frac.len() > 15 || int.len() + frac.len() == 0 {
        return None;
    }
    let mut mantissa = 0u64;
    for &d in int.iter().chain(frac) {
        if !d.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(d - b'0');
    }
    Some(mantissa as f64 / POWERS[frac.len()])
}

/// An exponent after a mantissa: "e6", "E+14", "e-1", "x10^6", "×10^-4" (a power of ten), or
/// "^23", "^-1" (a power of the number). Returns its length, the exponent, and whether it is
/// a power of the number itself. Only when nothing but a word boundary follows.
fn exponent_tail(s: &str) -> Option<(usize, i32, bool)> {
    let b = s.as_bytes();
    let signed = |from: usize| -> Option<(usize, i32)> {
        let (sign_len, negative) = match b.get(from) {
            Some(b'+') => (1, false),
            Some(b'-') => (1, true),
            _ => (0, false),
        };
        let n = digit_count(b, from + sign_len);
        if n == 0 || n > 3 {
            return None;
        }
        let e: i32 = s[from + sign_len..from + sign_len + n].parse().ok()?;
        Some((sign_len + n, if negative { -e } else { e }))
    };
    let boundary = |end: usize| {
        !s[end..].starts_with(|c: char| {
            c.is_alphanumeric()
                || c == '^'
                || c == '.' && s[end + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
    };
    match b.first()? {
        // Lower case only: "7E7" is a Boeing.
        b'e' => {
            let (len, e) = signed(1)?;
            boundary(1 + len).then_some((1 + len, e, false))
        }
        b'^' => {
            let (len, e) = signed(1)?;
            boundary(1 + len).then_some((1 + len, e, true))
        }
        _ => {
            let t = s.trim_start_matches(' ');
            let pad = s.len() - t.len();
            let x = ["x", "×", "*"].iter().find(|x| t.starts_with(**x))?;
            let t2 = &t[x.len()..];
            let t3 = t2.trim_start_matches(' ');
            if !t3.starts_with("10^") {
                return None;
            }
            let from = s.len() - t3.len() + 3;
            let (len, e) = signed(from)?;
            let _ = pad;
            boundary(from + len).then_some((from + len, e, false))
        }
    }
}

/// The rounding step implied by an integer's trailing zeros. Numbers below 1,000 are read as
/// exact counts; larger round numbers as rounded to at least two significant figures
/// ("22,000" ± 500, "1,500" ± 50, "1,000,000" ± 50,000).
fn integer_half_step(digits: &str) -> f64 {
    let significant = digits.trim_start_matches('0');
    if significant.len() < 4 {
        return 0.5;
    }
    let zeros = significant.len() - significant.trim_end_matches('0').len();
    let rounded = zeros.min(significant.len().saturating_sub(2));
    0.5 * 10f64.powi(rounded.min(300) as i32)
}

fn alpha_word(i: &str) -> PResult<'_, &str> {
    // ASCII letters eight at a time; a letter beyond ASCII sends the word to the full test.
    let ascii = super::scan::letters_at(i.as_bytes(), 0);
    if ascii > 0 && i.as_bytes().get(ascii).is_none_or(|b| b.is_ascii()) {
        return Ok((&i[ascii..], &i[..ascii]));
    }
    take_while1(|c: char| c.is_alphabetic()).parse(i)
}

/// Number words: "nine", "twenty-two thousand", "two hundred and fifty", "a dozen", "a hundred",
/// "five point five", "one and a half", "half a million". Fractions alone ("two thirds") are
/// [`fraction_words`]; ordinals are not numbers.
pub fn words(i: &str) -> PResult<'_, Numeral> {
    match number_words(i) {
        Some((rest, n)) if n.kind == NumeralKind::Words => Ok((rest, n)),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha))),
    }
}

/// A fraction in words: "half", "a third", "two-thirds", "three quarters", "a hundredth". The
/// value is the fraction of one; `half_step` is the slack a writer takes when rounding to such a
/// fraction.
pub fn fraction_words(i: &str) -> PResult<'_, Numeral> {
    match number_words(i) {
        Some((rest, n)) if n.kind == NumeralKind::Fraction => Ok((rest, n)),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha))),
    }
}

/// A fraction in words alone, without a scale after it: "a half" in "14 and a half million".
pub fn fraction_only(i: &str) -> Option<(&str, Numeral)> {
    let toks = tokens(i);
    let f = fraction_reading(&toks, i).filter(|f| f.kind == NumeralKind::Fraction)?;
    let end = toks[f.used - 1].end;
    Some((
        &i[end..],
        Numeral {
            value: f.value,
            half_step: f.half_step,
            decimals: 0,
            bare_integer: false,
            int_digits: 0,
            kind: f.kind,
        },
    ))
}

/// The slack of a fraction written in words ("two thirds" may be 64% to 69%).
const FRACTION_SLACK: f64 = 0.025;
/// Words looked at in one number-word phrase; phrases are short, and this keeps the scan linear.
const MAX_PHRASE_WORDS: usize = 24;

/// What one word of a number-word phrase is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// zero to nineteen, "nought".
    Unit(u32),
    Tens(u32),
    Hundred,
    /// thousand and up, lakh, crore.
    Scale(f64),
    Dozen,
    /// "fifth", "fifths", "hundredth"; `plural` for the fraction denominators ("fifths").
    Ordinal {
        value: f64,
        plural: bool,
    },
    Half {
        plural: bool,
    },
    Quarter {
        plural: bool,
    },
    A,
    And,
    Point,
    Of,
    /// "naught": zero only before "point" ("naught point five"); alone it means nothing.
    Naught,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    /// Byte offsets in the phrase's input.
    end: usize,
    /// Joined to the word before by a hyphen ("twenty-one", "fifty - two").
    hyphen_before: bool,
}

/// The kind of every word [`classify`] knows: by word key, and by lower-cased word for words
/// with letters beyond ASCII ("fünf", "zwölf").
#[derive(Debug, Default)]
pub(crate) struct WordKinds {
    ascii: std::collections::HashMap<u128, Kind, std::hash::BuildHasherDefault<lexicon::index::KeyHasher>>,
    other: std::collections::HashMap<String, Kind>,
}

/// The word kinds of the active lexicon, built once from its words.
fn word_kinds() -> &'static WordKinds {
    let lex = lexicon::active();
    lex.numeral_kinds.get_or_init(|| {
        let mut words: Vec<String> =
            ["hundred", "and", "of", "point", "nought", "naught", "half", "halves", "quarter", "quarters"]
                .iter()
                .map(|w| w.to_string())
                .collect();
        words.extend(lex.number_articles.iter().cloned());
        words.extend(lex.units.iter().map(|(w, _)| w.clone()));
        words.extend(lex.tens.iter().map(|(w, _)| w.clone()));
        words.extend(lex.scales.iter().map(|(w, _)| w.clone()));
        words.extend(lex.dozens.iter().cloned());
        words.extend(lex.ordinals.iter().flat_map(|(w, _)| [w.clone(), format!("{w}s")]));
        let mut kinds = WordKinds::default();
        for w in words {
            let Some(kind) = classify_slow(lex, &w) else { continue };
            match pack(&w) {
                Some(key) => {
                    kinds.ascii.insert(key, kind);
                }
                None => {
                    kinds.other.insert(w.to_lowercase(), kind);
                }
            }
        }
        kinds
    })
}

/// Up to 16 ASCII letters, lower-cased, packed into one number.
fn pack(w: &str) -> Option<u128> {
    if w.is_empty() || w.len() > 16 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(w.bytes().fold(0u128, |k, b| k << 8 | u128::from(b.to_ascii_lowercase())))
}

fn classify(w: &str) -> Option<Kind> {
    let kinds = word_kinds();
    match pack(w) {
        Some(key) => kinds.ascii.get(&key).copied(),
        None if kinds.other.is_empty() => None,
        None => kinds.other.get(&w.to_lowercase()).copied(),
    }
}

fn classify_slow(lex: &lexicon::Lexicon, w: &str) -> Option<Kind> {
    let lower_eq = |x: &str| w.eq_ignore_ascii_case(x);
    if let Some(v) = lookup(&lex.units, w) {
        return Some(Kind::Unit(v));
    }
    if let Some(v) = lookup(&lex.tens, w) {
        return Some(Kind::Tens(v));
    }
    if lower_eq("hundred") {
        return Some(Kind::Hundred);
    }
    // A language's word for a hundred ("hundert") composes as "hundred" does.
    if let Some(v) = lookup(&lex.scales, w) {
        return Some(if v == 100.0 { Kind::Hundred } else { Kind::Scale(v) });
    }
    if contains(&lex.number_articles, w) {
        return Some(Kind::A);
    }
    if lower_eq("and") {
        return Some(Kind::And);
    }
    if lower_eq("of") {
        return Some(Kind::Of);
    }
    if lower_eq("point") {
        return Some(Kind::Point);
    }
    if lower_eq("nought") {
        return Some(Kind::Unit(0));
    }
    if lower_eq("naught") {
        return Some(Kind::Naught);
    }
    if contains(&lex.dozens, w) {
        return Some(Kind::Dozen);
    }
    if lower_eq("half") {
        return Some(Kind::Half { plural: false });
    }
    if lower_eq("halves") {
        return Some(Kind::Half { plural: true });
    }
    if lower_eq("quarter") {
        return Some(Kind::Quarter { plural: false });
    }
    if lower_eq("quarters") {
        return Some(Kind::Quarter { plural: true });
    }
    if let Some(v) = lookup(&lex.ordinals, w) {
        return Some(Kind::Ordinal { value: v, plural: false });
    }
    // "fifths", "hundredths"; never "seconds" (time).
    let singular = w.strip_suffix(['s', 'S'])?;
    lookup(&lex.ordinals, singular).filter(|v| *v != 2.0).map(|v| Kind::Ordinal { value: v, plural: true })
}

/// The words of a number-word phrase at the start of `i`, up to the first word that cannot be
/// part of one.
/// The words of a phrase, on the stack (phrases are short; this runs on every number word).
struct Toks {
    items: [Tok; MAX_PHRASE_WORDS],
    len: usize,
}

impl Toks {
    fn push(&mut self, tok: Tok) {
        self.items[self.len] = tok;
        self.len += 1;
    }
}

impl std::ops::Deref for Toks {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.items[..self.len]
    }
}

/// The kinds of a run of words, on the stack.
fn kinds_of(toks: &[Tok]) -> ([Kind; MAX_PHRASE_WORDS + 1], usize) {
    let mut kinds = [Kind::And; MAX_PHRASE_WORDS + 1];
    for (k, t) in kinds.iter_mut().zip(toks) {
        *k = t.kind;
    }
    (kinds, toks.len().min(MAX_PHRASE_WORDS))
}

fn tokens(i: &str) -> Toks {
    let mut toks =
        Toks { items: [Tok { kind: Kind::And, end: 0, hyphen_before: false }; MAX_PHRASE_WORDS], len: 0 };
    let mut pos = 0;
    let mut hyphen_before = false;
    while toks.len < MAX_PHRASE_WORDS {
        let rest = &i[pos..];
        let Ok((after, w)) = alpha_word(rest) else { break };
        if !at_boundary(after) && !after.starts_with('-') {
            break;
        }
        let end = pos + w.len();
        match classify(w) {
            Some(kind) => toks.push(Tok { kind, end, hyphen_before }),
            // "zweiundzwanzig": one word, the parts of a number; it must fit whole.
            None => match compound(w) {
                Some((kinds, n)) if toks.len + n <= MAX_PHRASE_WORDS => {
                    for (k, kind) in kinds[..n].iter().enumerate() {
                        toks.push(Tok { kind: *kind, end, hyphen_before: hyphen_before && k == 0 });
                    }
                }
                _ => break,
            },
        }
        // The joiner to the next word: "-", " - ", " – ", or spaces.
        let after = &i[end..];
        let (joined, hyphen) = if let Some(a) = after.strip_prefix('-') {
            (a, true)
        } else if let Ok((a, _)) = spaces(after) {
            match a.strip_prefix('-').or_else(|| a.strip_prefix('–')) {
                Some(b) => match spaces(b) {
                    Ok((c, _)) => (c, true),
                    Err(_) => break,
                },
                None => (a, false),
            }
        } else {
            break;
        };
        if !joined.starts_with(|c: char| c.is_alphabetic()) {
            break;
        }
        pos = i.len() - joined.len();
        hyphen_before = hyphen;
    }
    toks
}

/// The most parts one number word may be made of ("zweihundertfünfundzwanzigtausend" has
/// five once "fünfundzwanzig" is one).
const MAX_COMPOUND_PARTS: usize = 8;

/// A number written as one word in a language that joins its number words
/// (`number-words.compounds`): "zweiundzwanzig" 22, "dreihundertfünfzig" 350,
/// "zweitausendvierhundert" 2,400, "einhundert" 100. Returns the word kinds it stands for, to be
/// read as if written apart ("zwei hundert fünfzig"), when the whole word is one number.
pub(crate) fn compound(word: &str) -> Option<([Kind; MAX_COMPOUND_PARTS], usize)> {
    let parts = &lexicon::active().compound_parts;
    if parts.is_empty() || word.len() < 6 {
        return None;
    }
    let lower = word.to_lowercase();
    let mut found = [lexicon::CompoundPart::Join; MAX_COMPOUND_PARTS * 2];
    // A real number word splits with little backtracking ("achtzehn" is also "acht" "zehn");
    // a word made to split many ways ("achtzehnachtzehn…") is given up on, so each costs O(1).
    let mut budget = 64;
    split_compound(&lower, parts, &mut found, 0, &mut budget)
}

/// The first split of `rest` into parts (longest first) that reads as one number, trying at
/// most `budget` more splits.
fn split_compound(
    rest: &str,
    parts: &[(String, lexicon::CompoundPart)],
    found: &mut [lexicon::CompoundPart; MAX_COMPOUND_PARTS * 2],
    n: usize,
    budget: &mut u32,
) -> Option<([Kind; MAX_COMPOUND_PARTS], usize)> {
    if rest.is_empty() {
        return if n >= 2 { compound_kinds(&found[..n]) } else { None };
    }
    if n == found.len() || *budget == 0 {
        return None;
    }
    *budget -= 1;
    for (word, part) in parts {
        if let Some(after) = rest.strip_prefix(word.as_str()) {
            found[n] = *part;
            if let Some(read) = split_compound(after, parts, found, n + 1, budget) {
                return Some(read);
            }
        }
    }
    None
}

/// The word kinds of a compound's parts, when they make one whole number: a unit joined to
/// its tens becomes the tens ("zwei und zwanzig" is 22), a leading scale counts one of it
/// ("hundertzwanzig" is 120).
fn compound_kinds(parts: &[lexicon::CompoundPart]) -> Option<([Kind; MAX_COMPOUND_PARTS], usize)> {
    use lexicon::CompoundPart as P;
    let mut kinds = [Kind::And; MAX_COMPOUND_PARTS];
    let mut n = 0;
    let mut push = |kind: Kind| -> Option<()> {
        *kinds.get_mut(n)? = kind;
        n += 1;
        Some(())
    };
    let mut i = 0;
    while i < parts.len() {
        match (parts[i], parts.get(i + 1), parts.get(i + 2)) {
            (P::Unit(u), Some(P::Join), Some(P::Tens(t))) if (1..10).contains(&u) => {
                push(Kind::Tens(u + t))?;
                i += 3;
                continue;
            }
            (P::Unit(u), ..) => push(Kind::Unit(u))?,
            (P::Tens(t), ..) => push(Kind::Tens(t))?,
            (P::Scale(s), ..) => {
                if i == 0 {
                    push(Kind::Unit(1))?;
                }
                push(if s == 100.0 { Kind::Hundred } else { Kind::Scale(s) })?;
            }
            (P::Join, ..) => return None,
        }
        i += 1;
    }
    exact_cardinal(&kinds[..n])?;
    Some((kinds, n))
}

/// A whole number read from number words.
#[derive(Clone, Copy, Debug)]
struct Cardinal {
    value: f64,
    half_step: f64,
    /// Tokens used.
    used: usize,
    /// The scale of the last word ("million" 1e6; 1 for "five").
    last_scale: f64,
}

/// The longest whole number at the start of `toks`: "two hundred and fifty", "twenty-one
/// trillion three hundred", "ninety-five hundred", "three lakh crore", "three dozen".
fn cardinal(toks: &[Kind]) -> Option<Cardinal> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut small = 0.0;
    let mut group_scale = f64::INFINITY;
    let mut last_scale = 1.0;
    let mut used = 0;
    let mut prev: Option<Kind> = None;
    let mut dozen = None;
    let mut i = 0;
    if toks.first() == Some(&Kind::A) {
        if !matches!(toks.get(1), Some(Kind::Hundred | Kind::Scale(_) | Kind::Dozen)) {
            return None;
        }
        current = 1.0;
        small = 1.0;
        prev = Some(Kind::Unit(1));
        i = 1;
    }
    while let Some(&tok) = toks.get(i) {
        let after_group = matches!(prev, None | Some(Kind::Hundred | Kind::Scale(_) | Kind::And));
        match tok {
            Kind::Unit(v) => {
                let after_tens = matches!(prev, Some(Kind::Tens(_))) && v < 10 && v > 0;
                if !(after_group || after_tens) {
                    break;
                }
                current += f64::from(v);
                small = if after_tens { small + f64::from(v) } else { f64::from(v) };
                last_scale = 1.0;
            }
            Kind::Tens(v) => {
                if !after_group {
                    break;
                }
                current += f64::from(v);
                small = f64::from(v);
                last_scale = 1.0;
            }
            Kind::Hundred => {
                if !matches!(prev, Some(Kind::Unit(_) | Kind::Tens(_))) || current >= 100.0 || current == 0.0
                {
                    break;
                }
                current *= 100.0;
                small = 0.0;
                last_scale = 100.0;
            }
            Kind::Scale(s) => match prev {
                Some(Kind::Scale(p)) if s > p && current == 0.0 => {
                    // "three lakh crore", "three thousand million": the scales multiply.
                    total *= s;
                    group_scale = s;
                    last_scale = s;
                }
                Some(Kind::Unit(_) | Kind::Tens(_) | Kind::Hundred) if s < group_scale && current > 0.0 => {
                    total += current * s;
                    current = 0.0;
                    small = 0.0;
                    group_scale = s;
                    last_scale = s;
                }
                _ => break,
            },
            Kind::Dozen => {
                if !matches!(prev, Some(Kind::Unit(_) | Kind::Tens(_))) || small == 0.0 {
                    break;
                }
                current += small * 11.0;
                dozen = Some(if i == 1 && toks[0] == Kind::A { 1.0 } else { 6.0 });
                used = i + 1;
                break;
            }
            Kind::And => {
                let joins = matches!(prev, Some(Kind::Hundred | Kind::Scale(_)))
                    && matches!(toks.get(i + 1), Some(Kind::Unit(_) | Kind::Tens(_)));
                if !joins {
                    break;
                }
                prev = Some(tok);
                i += 1;
                continue;
            }
            _ => break,
        }
        prev = Some(tok);
        i += 1;
        used = i;
    }
    if used == 0 || (used == 1 && toks[0] == Kind::A) {
        return None;
    }
    let half_step = match dozen {
        Some(h) => h,
        None if last_scale > 1.0 => last_scale / 2.0,
        None => 0.5,
    };
    Some(Cardinal { value: total + current, half_step, used, last_scale })
}

/// The whole of `toks` as one whole number, or `None`.
fn exact_cardinal(toks: &[Kind]) -> Option<f64> {
    if toks == [Kind::A] {
        return Some(1.0);
    }
    cardinal(toks).filter(|c| c.used == toks.len()).map(|c| c.value)
}

/// The denominator written by `toks[j..=d]` ("fifths" 5, "thirty fifths" 35, "one hundred
/// fifth" 105, "hundredths" 100), and whether it is plural.
fn denominator(toks: &[Tok], j: usize, d: usize) -> Option<(f64, bool)> {
    let (value, plural) = match toks[d].kind {
        Kind::Half { plural } if j == d => (2.0, plural),
        Kind::Quarter { plural } if j == d => (4.0, plural),
        Kind::Ordinal { value, plural } => (value, plural),
        _ => return None,
    };
    if j == d {
        // "first" and "second" are no denominators on their own.
        let ordinal = matches!(toks[d].kind, Kind::Ordinal { .. });
        return (!ordinal || value > 2.0).then_some((value, plural));
    }
    // A denominator of several words never starts inside a hyphenated word.
    if toks[j].hyphen_before {
        return None;
    }
    let (mut kinds, n) = kinds_of(&toks[j..d]);
    kinds[n] = as_cardinal(value);
    exact_cardinal(&kinds[..=n]).filter(|v| *v > 2.0).map(|v| (v, plural))
}

/// The cardinal word for an ordinal's number: fifth → five, hundredth → hundred.
fn as_cardinal(value: f64) -> Kind {
    if value < 20.0 {
        Kind::Unit(value as u32)
    } else if value < 100.0 {
        Kind::Tens(value as u32)
    } else if value == 100.0 {
        Kind::Hundred
    } else {
        Kind::Scale(value)
    }
}

/// A reading of a phrase: its value, its rounding, how many tokens it used and what it is.
#[derive(Clone, Copy, Debug)]
struct Reading {
    value: f64,
    half_step: f64,
    decimals: u32,
    used: usize,
    kind: NumeralKind,
}

/// Fractions, mixed numbers and ordinals ending at the first fraction or ordinal word `d`:
/// the longest denominator whose numerator is a whole number wins ("one hundred thirty fifths"
/// is 100/35; "one hundred and thirty fifths" is 130/5); a proper fraction after "and" is the
/// fractional part of a mixed number ("two and fifty-four hundredths"); with no numerator the
/// words are an ordinal ("twenty-fifth", "a hundred trillionth").
fn fraction_reading(toks: &[Tok], input: &str) -> Option<Reading> {
    let d = toks
        .iter()
        .position(|t| matches!(t.kind, Kind::Ordinal { .. } | Kind::Half { .. } | Kind::Quarter { .. }))?;
    let (kinds, n) = kinds_of(toks);
    let kinds = &kinds[..n];
    if kinds[..d].iter().any(|k| {
        !matches!(k, Kind::Unit(_) | Kind::Tens(_) | Kind::Hundred | Kind::Scale(_) | Kind::A | Kind::And)
    }) {
        return None;
    }
    let rest = &input[toks[d].end..];
    for j in 0..=d {
        let Some((den, plural)) = denominator(toks, j, d) else { continue };
        if j == 0 {
            // No numerator: "half" alone is a half.
            if matches!(toks[d].kind, Kind::Half { plural: false })
                && (scale_after(kinds, d + 1) || fraction_is_plausible(rest, false, false))
            {
                return Some(fraction(0.5, 2.0, d + 1));
            }
            continue;
        }
        // A mixed number: "one hundred and three quarters", "twenty and three fifths".
        if let Some(m) = (0..j).rev().find(|m| kinds[*m] == Kind::And)
            && let Some(whole) = exact_cardinal(&kinds[..m])
            && let Some(num) = exact_cardinal(&kinds[m + 1..j])
            && num < den
            && (num > 1.0) == plural
            && !toks[m + 1].hyphen_before
        {
            // "one million and a half" is a half of the million, unless a scale follows the
            // fraction ("one billion and a half million").
            let scale = cardinal(&kinds[..m]).map_or(1.0, |c| c.last_scale);
            let scale_follows = matches!(kinds.get(d + 1), Some(Kind::Scale(_)));
            let scale = if scale >= 1000.0 && !scale_follows { scale } else { 1.0 };
            let part = num / den * scale;
            return Some(Reading {
                value: whole + part,
                half_step: scale / (2.0 * den),
                decimals: 0,
                used: d + 1,
                kind: NumeralKind::Words,
            });
        }
        let Some(num) = exact_cardinal(&kinds[..j]) else { continue };
        if num == 0.0 || (num > 1.0) != plural {
            continue;
        }
        // "eight quarters" and "two halves" are spans of time and parts, not fractions.
        if matches!(toks[d].kind, Kind::Half { .. } | Kind::Quarter { .. }) && num >= den {
            continue;
        }
        // "one third discount" is a fraction, "the one hundredth anniversary" an ordinal.
        let explicit = kinds[0] != Kind::A && den <= 10.0;
        if !plural && !scale_after(kinds, d + 1) && !fraction_is_plausible(rest, explicit, num > 1.0) {
            continue;
        }
        return Some(fraction(num / den, den, d + 1));
    }
    // An ordinal: the words before it and its number make one whole number.
    if let Kind::Ordinal { value, plural: false } = toks[d].kind {
        if d == 0 {
            // "first", "hundredth", "trillionth"
            return Some(Reading { value, half_step: 0.0, decimals: 0, used: 1, kind: NumeralKind::Ordinal });
        }
        let (mut as_number, n) = kinds_of(&toks[..d]);
        as_number[n] = as_cardinal(value);
        if let Some(v) = exact_cardinal(&as_number[..=n]) {
            return Some(Reading {
                value: v,
                half_step: 0.0,
                decimals: 0,
                used: d + 1,
                kind: NumeralKind::Ordinal,
            });
        }
    }
    None
}

/// Whether a scale follows at `k`: "million", "a million", "of a million", "a dozen".
fn scale_after(kinds: &[Kind], mut k: usize) -> bool {
    if kinds.get(k) == Some(&Kind::Of) {
        k += 1;
    }
    if kinds.get(k) == Some(&Kind::A) {
        k += 1;
    }
    matches!(kinds.get(k), Some(Kind::Scale(_) | Kind::Dozen))
}

fn fraction(value: f64, den: f64, used: usize) -> Reading {
    Reading {
        value,
        half_step: if den > 10.0 { value * 0.05 } else { FRACTION_SLACK },
        decimals: 0,
        used,
        kind: NumeralKind::Fraction,
    }
}

/// "third", "quarter" and "half" are also ordinals and parts of phrases ("a third term",
/// "the first half"): a singular fraction with "a" ("a third") counts only before "of" or the end
/// of a phrase. `rest` is the text after the fraction word.
fn fraction_is_plausible(rest: &str, explicit_numerator: bool, plural: bool) -> bool {
    if rest.starts_with('-') {
        return false;
    }
    if plural || explicit_numerator {
        return true;
    }
    let next = rest.trim_start();
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    next_word.is_empty() && !next.starts_with(|c: char| c.is_ascii_digit())
        || ["of", "the", "their", "its", "his", "her", "all", "that", "those", "these"]
            .iter()
            .any(|w| next_word.eq_ignore_ascii_case(w))
        || lookup(&lexicon::active().scales, &next_word).is_some()
}

/// "point five", "point zero three", "point seventy-one": the digits after a decimal point in
/// words, starting at `toks[0]`; returns the digits and how many tokens they used.
fn decimal_words(toks: &[Kind]) -> Option<(String, usize)> {
    let mut digits = String::new();
    let mut used = 0;
    for (i, k) in toks.iter().enumerate() {
        match k {
            Kind::Unit(v) if *v < 10 && (used == i) => {
                digits.push(char::from(b'0' + *v as u8));
                used = i + 1;
            }
            Kind::Naught if used == i => {
                digits.push('0');
                used = i + 1;
            }
            _ => break,
        }
    }
    if used > 0 {
        return Some((digits, used));
    }
    // "point seventy-one", "point eleven"
    let c = cardinal(&toks[..toks.len().min(2)])?;
    if c.value >= 100.0 || c.value < 10.0 {
        return None;
    }
    Some((format!("{}", c.value as u32), c.used))
}

/// The best reading of the number words at the start of `i`: a whole number, a decimal, a
/// mixed number, a fraction (perhaps of a scale: "half a million") or an ordinal.
pub fn number_words(i: &str) -> Option<(&str, Numeral)> {
    let toks = tokens(i);
    if toks.is_empty() {
        return None;
    }
    let (kinds, n) = kinds_of(&toks);
    let kinds = &kinds[..n];
    let mut best: Option<Reading> = None;
    let mut consider = |r: Reading| {
        if best.is_none_or(|b| r.used > b.used) {
            best = Some(r);
        }
    };
    // "naught point five", "zero point zero eight", "two hundred point zero three"
    let whole = if kinds[0] == Kind::Naught {
        Some(Cardinal { value: 0.0, half_step: 0.5, used: 1, last_scale: 1.0 })
    } else {
        cardinal(kinds)
    };
    if let Some(c) = whole {
        if kinds.get(c.used) == Some(&Kind::Point)
            && c.value < 1000.0
            && let Some((digits, n)) = decimal_words(&kinds[c.used + 1..])
        {
            let value: f64 = format!("{}.{digits}", c.value as u64).parse().unwrap_or(f64::NAN);
            let decimals = digits.len() as u32;
            let mut r = Reading {
                value,
                half_step: 0.5 * 10f64.powi(-(decimals as i32)),
                decimals,
                used: c.used + 1 + n,
                kind: NumeralKind::Words,
            };
            if let Some(Kind::Scale(s)) = kinds.get(r.used) {
                r = Reading { value: r.value * s, half_step: r.half_step * s, used: r.used + 1, ..r };
            }
            consider(r);
        } else if kinds[0] != Kind::Naught {
            consider(Reading {
                value: c.value,
                half_step: c.half_step,
                decimals: 0,
                used: c.used,
                kind: NumeralKind::Words,
            });
        }
    }
    // Fractions, mixed numbers and ordinals, perhaps of a scale ("half a million", "five and a
    // half million", "two thirds of a million", "three quarters billion", "half a dozen").
    if let Some(f) = fraction_reading(&toks, i) {
        let mut r = f;
        if f.kind != NumeralKind::Ordinal {
            let mut k = f.used;
            if kinds.get(k) == Some(&Kind::Of) {
                k += 1;
            }
            if kinds.get(k) == Some(&Kind::A) {
                k += 1;
            }
            let scale = match kinds.get(k) {
                Some(Kind::Scale(s)) => Some(*s),
                Some(Kind::Hundred) => Some(100.0),
                Some(Kind::Dozen) => Some(12.0),
                _ => None,
            };
            // "one billion and a half million": the fraction of a smaller scale is added.
            if let Some(s) = scale
                && (k == f.used || kinds[f.used..k].contains(&Kind::A))
            {
                let whole_part = f.value.trunc();
                let frac_part = f.value - whole_part;
                let value = if f.kind == NumeralKind::Words && whole_part >= 1000.0 {
                    whole_part + frac_part * s
                } else {
                    f.value * s
                };
                let half = if s == 12.0 { 0.5 } else { s / 8.0 };
                r = Reading { value, half_step: half, decimals: 0, used: k + 1, kind: NumeralKind::Words };
            }
        }
        consider(r);
    }
    // Half of a fraction word alone needs a scale: "half million", "quarter million".
    if let Some(Kind::Half { plural: false } | Kind::Quarter { plural: false }) = kinds.first()
        && let Some(Kind::Scale(s)) = kinds.get(1)
    {
        let f = if kinds[0] == (Kind::Half { plural: false }) { 0.5 } else { 0.25 };
        consider(Reading {
            value: f * s,
            half_step: s / 8.0,
            decimals: 0,
            used: 2,
            kind: NumeralKind::Words,
        });
    }
    let r = best?;
    let end = toks[r.used - 1].end;
    if !r.value.is_finite() {
        return None;
    }
    Some((
        &i[end..],
        Numeral {
            value: r.value,
            half_step: r.half_step,
            decimals: r.decimals,
            bare_integer: false,
            int_digits: 0,
            kind: r.kind,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_read_as_the_character_rule_does() {
        // The rule the byte loop implements: a run of these characters, with at most one line
        // break.
        let by_characters = |i: &str| -> Option<usize> {
            let end = i
                .find(|c: char| !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\n' | '\r'))
                .unwrap_or(i.len());
            (end > 0 && i[..end].matches('\n').count() <= 1).then_some(end)
        };
        let pieces =
            [" ", "\t", "\n", "\r", "\u{a0}", "\u{202f}", "\u{2009}", "x", "5", "\u{a1}", "\u{2080}", ""];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}x");
                    let read = spaces(&text).ok().map(|(rest, run)| {
                        assert_eq!(run.len() + rest.len(), text.len());
                        run.len()
                    });
                    assert_eq!(read, by_characters(&text), "{text:?}");
                }
            }
        }
    }

    fn value(p: PResult<'_, Numeral>) -> (f64, f64, &str) {
        let (rest, n) = p.expect("parses");
        (n.value, n.half_step, rest)
    }

    #[test]
    fn digit_forms() {
        assert_eq!(value(digits("22,000 x")), (22_000.0, 500.0, " x"));
        assert_eq!(value(digits("22,431")), (22_431.0, 0.5, ""));
        assert_eq!(value(digits("1,234,567")), (1_234_567.0, 0.5, ""));
        assert_eq!(value(digits("0.1%")), (0.1, 0.05, "%"));
        assert_eq!(value(digits(".04 ")), (0.04, 0.005, " "));
        assert_eq!(value(digits("−3.5")), (-3.5, 0.05, ""));
        assert_eq!(value(digits("+44")), (44.0, 0.5, ""));
        assert_eq!(value(digits("200")), (200.0, 0.5, ""));
        assert_eq!(value(digits("1,500")), (1_500.0, 50.0, ""));
        assert_eq!(value(digits("1,000,000")), (1_000_000.0, 50_000.0, ""));
    }

    #[test]
    fn separators_need_groups_of_three() {
        assert_eq!(value(digits("1,2,3,4")), (1.0, 0.5, ",2,3,4"));
        assert_eq!(value(digits("12,34")), (12.0, 0.5, ",34"));
    }

    #[test]
    fn absurd_digits_do_not_panic() {
        let huge = "9".repeat(400);
        let (_, n) = digits(&huge).expect("parses");
        assert!(n.value.is_infinite());
    }

    #[test]
    fn number_words() {
        assert_eq!(value(words("nine people")).0, 9.0);
        assert_eq!(value(words("twenty-two thousand")), (22_000.0, 500.0, ""));
        assert_eq!(value(words("one million two thousand")), (1_002_000.0, 500.0, ""));
        assert_eq!(value(words("two hundred and fifty")).0, 250.0);
        assert_eq!(value(words("a dozen eggs")), (12.0, 1.0, " eggs"));
        assert_eq!(value(words("a hundred")), (100.0, 50.0, ""));
        assert_eq!(value(words("three million")).0, 3_000_000.0);
        assert!(words("seven and").is_ok_and(|(rest, _)| rest == " and"));
    }

    #[test]
    fn fractions() {
        assert_eq!(value(fraction_words("half of")).0, 0.5);
        assert!((value(fraction_words("two-thirds")).0 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(value(fraction_words("three quarters")).0, 0.75);
        assert!((value(fraction_words("a third")).0 - 1.0 / 3.0).abs() < 1e-12);
        assert!(fraction_words("third").is_err());
        assert!(fraction_words("two third").is_err());
    }

    #[test]
    fn quick_decimals_read_as_the_parse_does() {
        // Every split of digit strings of up to fifteen digits, from a fixed pseudo-random run
        // and from the numbers that round hardest (long runs of nines, one past a power of two).
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut strings: Vec<String> = vec!["9".repeat(15), "9007199254740993".into(), "0".repeat(15)];
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 1 + (seed % 15) as usize;
            strings.push(format!("{:015}", seed % 1_000_000_000_000_000)[15 - len..].to_string());
        }
        for digits in &strings {
            for cut in 0..=digits.len() {
                let (int, frac) = digits.split_at(cut);
                let quick = quick_decimal(int.as_bytes(), frac.as_bytes());
                if digits.len() > 15 {
                    assert_eq!(quick, None);
                    continue;
                }
                let parsed: f64 = format!("{int}.{frac}").parse().unwrap();
                assert_eq!(quick.map(f64::to_bits), Some(parsed.to_bits()), "{int}.{frac}");
            }
        }
        assert_eq!(quick_decimal(b"", b""), None);
        assert_eq!(quick_decimal(b"1,000", b""), None);
    }
}
