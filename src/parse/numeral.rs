//! nom parsers for the numeral at the heart of a figure: digits with separators and decimals,
//! number words, and fractions.

use super::lexicon::{FRACTION_DENOMINATORS, SCALES, TENS, UNITS, lookup};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::{char, digit1},
    combinator::{not, opt, recognize},
    multi::many1,
    sequence::{preceded, terminated},
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
}

pub type PResult<'a, T> = IResult<&'a str, T>;

pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// True when `rest` does not continue the current word.
pub fn at_boundary(rest: &str) -> bool {
    !rest.chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// A whole word, case-insensitive, not followed by a letter or digit.
pub fn word<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(w), not(take_while_m_n(1, 1, |c: char| c.is_alphanumeric())))
}

/// Spaces (including no-break spaces) between the words of a figure.
/// A figure may wrap onto the next line ("1.5\nbillion"), but never across a blank line.
pub fn spaces(i: &str) -> PResult<'_, &str> {
    let (rest, run) =
        take_while1(|c: char| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\n' | '\r')).parse(i)?;
    if run.bytes().filter(|b| *b == b'\n').count() > 1 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Space)));
    }
    Ok((rest, run))
}

/// "22,000", "1,234,567.5": an integer with thousands separators.
fn grouped_integer(i: &str) -> PResult<'_, &str> {
    recognize((
        take_while_m_n(1, 3, is_digit),
        many1(preceded(char(','), terminated(take_while_m_n(3, 3, is_digit), not(digit1)))),
    ))
    .parse(i)
}

/// Digits: "22,000", "0.1", ".04", "−3.5", "+44".
pub fn digits(i: &str) -> PResult<'_, Numeral> {
    let (rest, sign) = opt(alt((char('-'), char('−'), char('+')))).parse(i)?;
    let (rest, int_part) = opt(alt((grouped_integer, digit1))).parse(rest)?;
    let (rest, frac) = match int_part {
        Some(_) => opt(preceded(char('.'), digit1)).parse(rest)?,
        None => preceded(char('.'), digit1).map(Some).parse(rest)?,
    };
    let int_part = int_part.unwrap_or("");
    let int_digits: String = int_part.chars().filter(|c| *c != ',').collect();
    let frac_digits = frac.unwrap_or("");
    let text = format!(
        "{}.{}",
        if int_digits.is_empty() { "0" } else { &int_digits },
        if frac_digits.is_empty() { "0" } else { frac_digits }
    );
    let magnitude: f64 = text.parse().unwrap_or(f64::INFINITY);
    let value = if sign == Some('-') || sign == Some('−') { -magnitude } else { magnitude };
    let decimals = frac_digits.len() as u32;
    let half_step = if decimals > 0 {
        0.5 * 10f64.powi(-(decimals.min(300) as i32))
    } else {
        integer_half_step(&int_digits)
    };
    Ok((
        rest,
        Numeral {
            value,
            half_step,
            decimals,
            bare_integer: sign.is_none() && frac.is_none() && !int_part.contains(','),
            int_digits: int_digits.len() as u32,
            kind: NumeralKind::Digits,
        },
    ))
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

fn unit_word(i: &str) -> PResult<'_, u32> {
    let (rest, w) = terminated(take_while1(|c: char| c.is_ascii_alphabetic()), |r| Ok((r, ()))).parse(i)?;
    lookup(UNITS, w)
        .or_else(|| lookup(TENS, w))
        .map(|v| (rest, v))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha)))
}

fn alpha_word(i: &str) -> PResult<'_, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic()).parse(i)
}

/// Number words: "nine", "twenty-two thousand", "two hundred and fifty", "a dozen", "a hundred".
pub fn words(i: &str) -> PResult<'_, Numeral> {
    // "a hundred", "a dozen", "a million"
    if let Ok((rest, _)) = (alt((word("a"), word("an"))), spaces).parse(i)
        && let Ok((after, w)) = alpha_word(rest)
    {
        if w.eq_ignore_ascii_case("dozen") {
            return Ok((
                after,
                Numeral {
                    value: 12.0,
                    half_step: 1.0,
                    decimals: 0,
                    bare_integer: false,
                    int_digits: 2,
                    kind: NumeralKind::Words,
                },
            ));
        }
        if let Some(scale) = lookup(SCALES, w) {
            return Ok((
                after,
                Numeral {
                    value: scale,
                    half_step: scale / 2.0,
                    decimals: 0,
                    bare_integer: false,
                    int_digits: 0,
                    kind: NumeralKind::Words,
                },
            ));
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_scale = 1.0;
    let mut rest = i;
    let mut consumed_any = false;
    let mut pending_tens = false;
    while let Ok((after, w)) = alpha_word(rest) {
        if !at_boundary(after) {
            break;
        }
        if let Some(v) = lookup(UNITS, w).or_else(|| lookup(TENS, w)) {
            if consumed_any && current % 100.0 != 0.0 && !pending_tens {
                break; // "five six" is two numbers
            }
            pending_tens = lookup(TENS, w).is_some();
            current += f64::from(v);
            last_scale = 1.0;
        } else if w.eq_ignore_ascii_case("hundred") && consumed_any {
            current = current.max(1.0) * 100.0;
            last_scale = 100.0;
            pending_tens = false;
        } else if w.eq_ignore_ascii_case("dozen") && consumed_any {
            current = current.max(1.0) * 12.0;
            last_scale = 1.0;
        } else if let (Some(scale), true) = (lookup(SCALES, w), consumed_any) {
            total += current.max(1.0) * scale;
            current = 0.0;
            last_scale = scale;
            pending_tens = false;
        } else {
            break;
        }
        consumed_any = true;
        rest = after;
        // Join "twenty-two", "two hundred and fifty", "twenty two".
        let joined =
            alt((recognize((tag("-"), |r| Ok((r, ())))), recognize((spaces, word("and"), spaces)), spaces))
                .parse(rest);
        match joined {
            Ok((next, _)) if next.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) => {
                // Continue only if the next word is a number word.
                let continues = alpha_word(next).ok().is_some_and(|(a, nw)| {
                    at_boundary(a)
                        && (lookup(UNITS, nw).is_some()
                            || lookup(TENS, nw).is_some()
                            || lookup(SCALES, nw).is_some()
                            || nw.eq_ignore_ascii_case("dozen"))
                });
                if continues {
                    rest = next;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    if !consumed_any {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha)));
    }
    let value = total + current;
    Ok((
        rest,
        Numeral {
            value,
            half_step: if last_scale > 1.0 { last_scale / 2.0 } else { 0.5 },
            decimals: 0,
            bare_integer: false,
            int_digits: 0,
            kind: NumeralKind::Words,
        },
    ))
}

/// A fraction in words: "half", "a third", "two-thirds", "three quarters". The value is the
/// fraction of one; `half_step` is the slack a writer takes when rounding to such a fraction.
pub fn fraction_words(i: &str) -> PResult<'_, Numeral> {
    const FRACTION_SLACK: f64 = 0.025;
    let numerator = opt(terminated(
        alt((alt((word("a"), word("an"))).map(|_| 1u32), unit_word)),
        alt((tag("-"), spaces)),
    ))
    .parse(i)?;
    let (rest, num) = numerator;
    let (after, w) = alpha_word(rest)?;
    let den = lookup(FRACTION_DENOMINATORS, w)
        .filter(|_| at_boundary(after))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha)))?;
    let num = match num {
        Some(n) => n,
        None if den == 2 => 1,
        None => return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha))),
    };
    let plural = w.ends_with('s') && !w.eq_ignore_ascii_case("halves");
    if num == 0 || num >= den || (num > 1) != plural {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((
        after,
        Numeral {
            value: f64::from(num) / f64::from(den),
            half_step: FRACTION_SLACK,
            decimals: 0,
            bare_integer: false,
            int_digits: 0,
            kind: NumeralKind::Fraction,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
