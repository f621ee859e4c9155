//! Finds every figure in a text: tries the quantity grammar at each word start, then decides
//! from the figure's shape and neighbours whether it is an amount or a year, date, time,
//! ordinal, score, phone number or name.

use super::lexicon::{
    self, CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DURATION_WORDS, IDENTIFIER_CUES, MAGNITUDE_ABBREVIATIONS,
    MONEY_MAGNITUDE_LETTERS, MONTHS, ORDINAL_WORDS, PERCENT_WORDS, POINT_WORDS, QUALIFIERS, SCALES,
    SCORE_CUES,
};
use super::numeral::{Numeral, NumeralKind, at_boundary, digits, fraction_words, spaces, words};
use super::quantity::{Form, Qualifier, Quantity, Unit};
use crate::interval::Interval;
use crate::span::Span;
use nom::Parser;
use nom::bytes::complete::tag_no_case;

/// Every figure in `text`, in order, non-overlapping.
pub fn scan(text: &str) -> Vec<Quantity> {
    walk(text, false)
}

/// Every figure in `text` as [`scan`] finds them, and also the ordinals the grammar recognises
/// ("3rd", "twenty-first") as [`Unit::Ordinal`] with the ordinal's number as value. The pipeline
/// leaves ordinals out (they are never amounts); conformance runners want them.
pub fn scan_all(text: &str) -> Vec<Quantity> {
    walk(text, true)
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

fn walk(text: &str, _all: bool) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let c = match text[pos..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if is_candidate_start(text, pos, c)
            && let Some(Found { quantity, end, .. }) = quantity_at(text, pos)
        {
            pos = end.max(pos + c.len_utf8());
            if let Some(q) = quantity {
                found.push(q);
            }
            continue;
        }
        // Skip the rest of a word or digit run: figures start at word starts only.
        if c.is_alphanumeric() {
            pos += c.len_utf8();
            while pos < text.len() {
                let d = text[pos..].chars().next().unwrap_or(' ');
                if !(d.is_alphanumeric()
                    || (d == ',' || d == '.') && bytes.get(pos + 1).is_some_and(|b| b.is_ascii_digit()))
                {
                    break;
                }
                pos += d.len_utf8();
            }
        } else {
            pos += c.len_utf8();
        }
    }
    found
}

fn is_candidate_start(text: &str, pos: usize, c: char) -> bool {
    let prev = text[..pos].chars().next_back();
    if prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '/' || p == '#') {
        return false;
    }
    // "COVID-19", "F-16": a hyphen glued to a word before the digits makes a name.
    if prev == Some('-') && text[..pos - 1].chars().next_back().is_some_and(|p| p.is_alphanumeric()) {
        return false;
    }
    c.is_ascii_digit()
        || matches!(c, '$' | '€' | '£' | '¥' | '₹' | '~' | '+' | '-' | '−' | '.')
        || c.is_alphabetic()
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
    let input = &text[start..];
    let (after_qualifier, qualifier) = qualifier(input);
    let (after_between, between) =
        match (tag_no_case::<_, _, nom::error::Error<&str>>("between"), spaces).parse(after_qualifier) {
            Ok((rest, _)) => (rest, true),
            Err(_) => (after_qualifier, false),
        };
    let core_start = start + (input.len() - after_between.len());
    if qualifier.is_none()
        && !between
        && let Some(end) = not_an_amount(text, core_start)
    {
        return Some(Found { quantity: None, end, high: None });
    }
    let first = core(text, core_start)?;
    let mut q = first.quantity.clone();
    let mut end = first.end;
    let mut high = None;
    // Ranges: "between 10 and 20", "10-20%", "10 to 20 people".
    if let Some((second, second_end)) = range_end(text, &first, between) {
        let unit = if first.has_unit { first.quantity.unit } else { second.quantity.unit };
        let scale = if first.has_magnitude { 1.0 } else { second.magnitude };
        let low = first.quantity.written.low * scale;
        q = Quantity {
            value: first.quantity.value * scale,
            written: Interval::new(low, second.quantity.written.high).unwrap_or(second.quantity.written),
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
        q.qualifier = qual;
    }
    if q.unit == Unit::Count && q.form != Form::Range && qualifier.is_none() {
        q.unit = classify_bare(text, start, end, &first);
    }
    q.span = Span::new(start, end);
    Some(Found { quantity: Some(q), end, high })
}

/// The qualifier phrase at the start of `input`, and the input after it and its space.
fn qualifier(input: &str) -> (&str, Option<Qualifier>) {
    for (phrase, qual) in QUALIFIERS {
        if let Some(head) = input.get(..phrase.len())
            && head.eq_ignore_ascii_case(phrase)
        {
            let rest = &input[phrase.len()..];
            if *phrase == "~" {
                let rest = rest.trim_start_matches(' ');
                return (rest, Some(*qual));
            }
            if let Ok((after, _)) = spaces(rest) {
                return (after, Some(*qual));
            }
        }
    }
    (input, None)
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
    let input = &text[start..];
    let (rest, prefix_currency) = currency_prefix(input);
    let (rest, numeral, fraction_in) = numeral(rest)?;
    if numeral.kind == NumeralKind::Digits && !at_boundary_or_suffix(rest) {
        return None;
    }
    let (rest, magnitude, has_magnitude) = magnitude(rest, prefix_currency.is_some(), &numeral);
    let (rest, unit, suffix_currency) = unit_suffix(rest, &numeral);
    if numeral.kind == NumeralKind::Digits && !at_boundary(rest) {
        return None;
    }
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
    let value = numeral.value * magnitude;
    let half = numeral.half_step * magnitude;
    let end = start + (input.len() - rest.len());
    let quantity = Quantity {
        span: Span::new(start, end),
        value,
        written: Interval::around(value, half),
        unit,
        currency,
        qualifier: Qualifier::Exact,
        form: match numeral.kind {
            NumeralKind::Digits if fraction_in => Form::Fraction,
            NumeralKind::Digits => Form::Digits,
            NumeralKind::Words if fraction_in => Form::Fraction,
            NumeralKind::Words => Form::Words,
            NumeralKind::Fraction => Form::Fraction,
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

/// Digits may be followed directly by "%", a magnitude letter or a unit; nothing else glued on.
fn at_boundary_or_suffix(rest: &str) -> bool {
    if at_boundary(rest) {
        return true;
    }
    let lower: String = rest.chars().take(4).collect::<String>().to_ascii_lowercase();
    ["bn", "mn", "mln", "bln", "tn", "trn", "k", "m", "b", "pc", "pct", "pp", "pts"]
        .iter()
        .any(|s| lower.starts_with(s) && at_boundary(&rest[s.len().min(rest.len())..]))
}

fn currency_prefix(input: &str) -> (&str, Option<&'static str>) {
    for (sign, code) in CURRENCY_PREFIXES {
        if let Some(head) = input.get(..sign.len())
            && head == *sign
        {
            let rest = &input[sign.len()..];
            let is_code = sign.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
            let rest = if is_code {
                match spaces(rest) {
                    Ok((after, _)) => after,
                    Err(_) => continue,
                }
            } else {
                rest.trim_start_matches(' ')
            };
            if rest.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                return (rest, Some(code));
            }
        }
    }
    (input, None)
}

/// The numeral, and whether it was written as a ratio ("one in five", "4 out of 10").
fn numeral(input: &str) -> Option<(&str, Numeral, bool)> {
    if let Ok((rest, n)) = fraction_words(input)
        && fraction_is_plausible(input, rest)
    {
        return Some((rest, n, false));
    }
    let (rest, n) = digits(input).or_else(|_| words(input)).ok()?;
    if let Some((after, ratio)) = ratio_tail(rest, &n) {
        return Some((after, ratio, true));
    }
    Some((rest, n, false))
}

/// "third", "quarter" and "half" are also ordinals and parts of phrases ("a third term",
/// "the first half"): take them as fractions only before "of" or the end of a phrase.
fn fraction_is_plausible(input: &str, rest: &str) -> bool {
    let next = rest.trim_start();
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    if rest.starts_with('-') {
        return false;
    }
    let head = &input[..input.len() - rest.len()];
    let plural = head.ends_with('s');
    if plural {
        return true;
    }
    next_word.is_empty() && !next.starts_with(|c: char| c.is_ascii_digit())
        || ["of", "the", "their", "its", "his", "her", "all", "that", "those", "these"]
            .iter()
            .any(|w| next_word.eq_ignore_ascii_case(w))
}

/// "in five", "out of 10", "out of every four" after a numerator.
fn ratio_tail<'a>(rest: &'a str, numerator: &Numeral) -> Option<(&'a str, Numeral)> {
    if numerator.value <= 0.0 || numerator.decimals > 0 || numerator.value.fract() != 0.0 {
        return None;
    }
    let (after, _) = spaces(rest).ok()?;
    let after =
        if let Ok((a, _)) = (tag_no_case::<_, _, nom::error::Error<&str>>("out of"), spaces).parse(after) {
            a
        } else if let Ok((a, _)) = (tag_no_case::<_, _, nom::error::Error<&str>>("in"), spaces).parse(after) {
            a
        } else {
            return None;
        };
    let after = match (tag_no_case::<_, _, nom::error::Error<&str>>("every"), spaces).parse(after) {
        Ok((a, _)) => a,
        Err(_) => after,
    };
    let (tail, den) = digits(after).or_else(|_| words(after)).ok()?;
    if den.value <= numerator.value || den.value > 1000.0 || den.decimals > 0 || !at_boundary(tail) {
        return None;
    }
    // "5 in 10 years" is a count and a duration, not a ratio.
    let next: String = tail.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    if lexicon::contains(DURATION_WORDS, &next) || tail.trim_start().starts_with('%') {
        return None;
    }
    let value = numerator.value / den.value;
    let half_step = (0.5 / den.value).min(0.05);
    Some((
        tail,
        Numeral { value, half_step, decimals: 0, bare_integer: false, int_digits: 0, kind: numerator.kind },
    ))
}

/// A magnitude after the numeral: " million", "bn", " mln", "k"; "m"/"b" only next to money.
fn magnitude<'a>(rest: &'a str, money: bool, numeral: &Numeral) -> (&'a str, f64, bool) {
    if numeral.kind == NumeralKind::Fraction {
        return (rest, 1.0, false);
    }
    let spaced = spaces(rest).map(|(a, _)| a).unwrap_or(rest);
    for candidate in [rest, spaced] {
        let glued = candidate.len() == rest.len();
        let mut tables: Vec<&[(&str, f64)]> = vec![MAGNITUDE_ABBREVIATIONS];
        if !glued || numeral.kind == NumeralKind::Digits {
            tables.push(SCALES);
        }
        if glued && money {
            tables.push(MONEY_MAGNITUDE_LETTERS);
        }
        for table in tables {
            for (w, scale) in table {
                if *w == "hundred" {
                    continue;
                }
                if *w == "k" && !glued {
                    continue;
                }
                if let Some(head) = candidate.get(..w.len())
                    && head.eq_ignore_ascii_case(w)
                    && at_boundary(&candidate[w.len()..])
                {
                    return (&candidate[w.len()..], *scale, true);
                }
            }
        }
    }
    (rest, 1.0, false)
}

/// The unit after the figure: percent, points, a currency word, a unit of time.
fn unit_suffix<'a>(rest: &'a str, numeral: &Numeral) -> (&'a str, Unit, Option<&'static str>) {
    if let Some(after) =
        rest.strip_prefix('%').or_else(|| rest.strip_prefix(" %")).or_else(|| rest.strip_prefix("\u{a0}%"))
    {
        return (after, Unit::Percent, None);
    }
    let glued = rest;
    let spaced = spaces(rest).map(|(a, _)| a).unwrap_or(rest);
    for (candidate, is_glued) in [(glued, true), (spaced, false)] {
        if is_glued && numeral.kind != NumeralKind::Digits {
            continue;
        }
        for w in PERCENT_WORDS {
            if let Some(after) = strip_word(candidate, w) {
                return (after, Unit::Percent, None);
            }
        }
        for w in POINT_WORDS {
            if is_glued && w.len() > 4 {
                continue;
            }
            if let Some(after) = strip_word(candidate, w) {
                return (after, Unit::Points, None);
            }
        }
    }
    for (w, code) in CURRENCY_SUFFIXES {
        if let Some(after) = strip_word(spaced, w)
            && spaced.len() != rest.len()
        {
            return (after, Unit::Currency, Some(code));
        }
    }
    // "10 years", "a 10-year bond", "45-year-old".
    let hyphened = rest.strip_prefix('-');
    for candidate in [Some(spaced).filter(|s| s.len() != rest.len()), hyphened].into_iter().flatten() {
        for w in DURATION_WORDS {
            if let Some(after) = strip_word(candidate, w) {
                let after = after.strip_prefix("-old").unwrap_or(after);
                let after = strip_word(after.trim_start_matches(' '), "old").map_or(after, |a| a);
                return (after, Unit::Duration, None);
            }
        }
    }
    (rest, Unit::Count, None)
}

fn strip_word<'a>(input: &'a str, w: &str) -> Option<&'a str> {
    let head = input.get(..w.len())?;
    (head.eq_ignore_ascii_case(w) && at_boundary(&input[w.len()..])).then(|| &input[w.len()..])
}

/// The second figure of a range, with where it ends.
fn range_end(text: &str, first: &Core, between: bool) -> Option<(Core, usize)> {
    let rest = &text[first.end..];
    let (sep_len, spaced_to) = if between {
        let (after, _) =
            (spaces, tag_no_case::<_, _, nom::error::Error<&str>>("and"), spaces).parse(rest).ok()?;
        (rest.len() - after.len(), true)
    } else if let Some(r) =
        rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')).or_else(|| rest.strip_prefix('—'))
    {
        if first.numeral.kind != NumeralKind::Digits || !r.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (rest.len() - r.len(), false)
    } else if let Ok((after, _)) =
        (spaces, tag_no_case::<_, _, nom::error::Error<&str>>("to"), spaces).parse(rest)
    {
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
    if spaced_to && !between && second.quantity.value <= first.quantity.value {
        return None;
    }
    if first.has_unit && second.has_unit && first.quantity.unit != second.quantity.unit {
        return None;
    }
    let end = second.end;
    Some((second, end))
}

/// "2016–2018", "2016-18".
fn is_year_span(first: &Numeral, second: &Numeral) -> bool {
    let year = |n: &Numeral| n.bare_integer && n.int_digits == 4 && (1000.0..=2199.0).contains(&n.value);
    year(first) && second.bare_integer && (year(second) || second.int_digits == 2)
}

fn looks_like_score(text: &str, start: usize, first: &Core, second: &Core) -> bool {
    first.numeral.bare_integer
        && second.numeral.bare_integer
        && first.numeral.int_digits <= 2
        && second.numeral.int_digits <= 2
        && previous_words(text, start, 4).iter().any(|w| lexicon::contains(SCORE_CUES, w))
}

/// Years, decades, times, dates, ordinals, phone numbers and glued names at `start`; returns
/// where the non-amount ends.
fn not_an_amount(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let b = rest.as_bytes();
    if let Some(len) = rest.strip_prefix('+').and_then(phone_length) {
        return Some(start + 1 + len);
    }
    if !b.first().is_some_and(u8::is_ascii_digit) {
        // Ordinal words are never amounts.
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if lexicon::contains(ORDINAL_WORDS, &word) && !rest[word.len()..].starts_with('-') {
            return Some(start + word.len());
        }
        return None;
    }
    let run = digit_run(rest);
    // [81]: a reference mark, as in pages copied from encyclopaedias.
    if text[..start].ends_with('[') && rest[run..].starts_with(']') {
        return Some(start + run + 1);
    }
    // '09, '90s: a year with its century cut.
    if run == 2 && text[..start].ends_with(['\'', '’']) {
        return Some(start + run + usize::from(rest[run..].starts_with('s')));
    }
    // 59-5/8, 12 3/4: a whole number and a fraction (old stock prices).
    if let Some(sep) = b.get(run).filter(|c| **c == b'-' || **c == b' ') {
        let _ = sep;
        let after = &rest[run + 1..];
        let num = digit_run(after);
        if num > 0 && after.as_bytes().get(num) == Some(&b'/') && digit_run(&after[num + 1..]) > 0 {
            return Some(start + run + 1 + num + 1 + digit_run(&after[num + 1..]));
        }
    }
    // Phone numbers: three or more groups of digits joined by spaces, dashes or dots.
    if let Some(len) = phone_length(rest) {
        return Some(start + len);
    }
    match b.get(run) {
        // 9:30, 9:30am
        Some(b':') if run <= 2 && b.get(run + 1).is_some_and(u8::is_ascii_digit) => {
            let end = run + 1 + digit_run(&rest[run + 1..]);
            return Some(start + end + am_pm(&rest[end..]));
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
            return Some(start + end);
        }
        Some(b'-') if run == 4 => {
            let r2 = &rest[run + 1..];
            let m = digit_run(r2);
            if m == 2 && r2.as_bytes().get(2) == Some(&b'-') && digit_run(&r2[3..]) == 2 {
                return Some(start + run + 1 + 2 + 1 + 2);
            }
        }
        _ => {}
    }
    let tail = &rest[run..];
    // 10am, 9.30pm, 10 a.m.
    let time = am_pm(tail);
    if time > 0 && run <= 2 {
        return Some(start + run + time);
    }
    if run <= 2 && tail.starts_with('.') && digit_run(&tail[1..]) == 2 {
        let t = am_pm(&tail[3..]);
        if t > 0 {
            return Some(start + run + 3 + t);
        }
    }
    // 1st, 22nd, 3rd, 4th
    let suffix: String = tail.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let lower = suffix.to_ascii_lowercase();
    if ["st", "nd", "rd", "th"].contains(&lower.as_str()) {
        return Some(start + run + suffix.len());
    }
    // 1990s, '90s
    if lower == "s" && run == 4 {
        return Some(start + run + 1);
    }
    // Version numbers and similar: 4.1.2
    if tail.starts_with('.') && digit_run(&tail[1..]) > 0 {
        let t2 = &tail[1 + digit_run(&tail[1..])..];
        if t2.starts_with('.') && digit_run(&t2[1..]) > 0 {
            let len = run + 1 + digit_run(&tail[1..]) + 1 + digit_run(&t2[1..]);
            return Some(start + len);
        }
    }
    None
}

fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn am_pm(s: &str) -> usize {
    let t = s.strip_prefix(' ').unwrap_or(s);
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
    let b = s.as_bytes();
    let mut i = 0;
    let mut groups = Vec::new();
    loop {
        let run = digit_run(&s[i..]);
        if run == 0 {
            break;
        }
        groups.push(run);
        i += run;
        // Phone numbers are short: stop early so that a long list of numbers stays linear.
        if groups.len() > 6 || run > 5 {
            return None;
        }
        match b.get(i) {
            Some(b' ' | b'-' | b'.') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let sep = b[i];
                // Digits then "." is a decimal, unless more groups follow with the same dot.
                if sep == b'.' && groups.len() == 1 && !s[i + 1..].contains('.') {
                    break;
                }
                i += 1;
            }
            _ => break,
        }
    }
    let digits: usize = groups.iter().sum();
    let ends_clean = at_boundary(&s[i..]);
    let dashed_local = groups.len() == 2 && groups[0] == 3 && groups[1] == 4 && s.as_bytes()[3] == b'-';
    let many_groups = groups.len() >= 3 && digits >= 7 && groups.iter().all(|g| *g >= 2) && groups[0] <= 5;
    (ends_clean && (dashed_local || many_groups)).then_some(i)
}

/// Whether a bare count is really a year, a date or a name, judged by its neighbours.
fn classify_bare(text: &str, start: usize, end: usize, first: &Core) -> Unit {
    let n = &first.numeral;
    if n.kind != NumeralKind::Digits || !n.bare_integer || first.has_magnitude {
        return Unit::Count;
    }
    let v = n.value;
    if n.int_digits == 4 && (1000.0..=2199.0).contains(&v) {
        return Unit::Year;
    }
    let prev = previous_words(text, start, 1);
    let prev_word = prev.first().map(String::as_str).unwrap_or("");
    let next_word: String = text[end..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    if v <= 31.0
        && (lexicon::contains(MONTHS, prev_word.trim_end_matches('.'))
            || lexicon::contains(MONTHS, &next_word))
    {
        return Unit::Date;
    }
    if lexicon::contains(IDENTIFIER_CUES, prev_word) || prev_word.eq_ignore_ascii_case("no.") {
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

/// Up to `n` words before `pos`, nearest first, lower-cased, trailing punctuation kept only
/// for "no.".
pub(crate) fn previous_words(text: &str, pos: usize, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut end = pos;
    while out.len() < n {
        let before = &text[..end];
        let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '(');
        if trimmed.is_empty() {
            break;
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '\'' || *c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &trimmed[word_start..];
        if w.is_empty() {
            break;
        }
        let keep_dot = w.eq_ignore_ascii_case("no.");
        let w = if keep_dot { w } else { w.trim_end_matches('.') };
        out.push(w.to_string());
        end = word_start;
    }
    out
}

fn preceded_by_word(text: &str, pos: usize, words: &[&str]) -> bool {
    previous_words(text, pos, 1).first().is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests;
