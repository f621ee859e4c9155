//! The grammar (nom) of a test result in APA style: a test and its degrees of freedom, a
//! comparison, the statistic, then the p-value — "t(28) = 2.20, p = .03", "F(2, 28) = 2.2;
//! p < .001", "χ²(1, N = 90) = 4.1, ns". It reads what statcheck reads, and a semicolon too.

use super::{number_at, ws};
use crate::parse::claims::{Comparison, PValue, TestKind, WrittenNumber};
use crate::span::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{not, opt, peek, recognize, value};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

type R<'a, T> = IResult<&'a str, T>;

/// A result read from the text, before it becomes a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Result {
    pub span: Span,
    pub test: TestKind,
    pub df: Vec<f64>,
    pub n: Option<u64>,
    pub statistic_span: Span,
    pub comparison: Comparison,
    pub value: WrittenNumber,
    pub p: PValue,
}

/// Every result in `span` of `text`, in order.
pub fn results(text: &str, span: Span) -> Vec<Result> {
    // A result compares its statistic with "=", "<" or ">" after the test's name: a sentence
    // without one holds none (most do not), and no result starts after the last one.
    match last_comparison(text, span) {
        Some(limit) => results_before(text, span, limit),
        None => Vec::new(),
    }
}

/// Every result in `span` of `text` that starts before `limit`, in order.
pub(super) fn results_before(text: &str, span: Span, limit: usize) -> Vec<Result> {
    let mut found = Vec::new();
    let mut pos = span.start;
    while pos < limit {
        let Some(c) = text[pos..].chars().next() else { break };
        if could_start(c)
            && at_word_start(text, pos)
            && let Some(result) = result_at(text, pos, span.end)
        {
            pos = result.span.end;
            found.push(result);
            continue;
        }
        pos += c.len_utf8();
    }
    found
}

/// Where the last "=", "<" or ">" of `span` is, if any.
fn last_comparison(text: &str, span: Span) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let within = bytes.get(span.start..end)?;
    memchr::memrchr3(b'=', b'<', b'>', within).map(|at| span.start + at)
}

fn could_start(c: char) -> bool {
    matches!(c, 't' | 'r' | 'F' | 'Q' | 'z' | 'Z' | 'χ' | 'Χ' | 'c' | 'C' | 'x' | 'X')
}

/// A test name must not continue a word: "at(28)" and "Qatar" are not tests.
fn at_word_start(text: &str, pos: usize) -> bool {
    !text[..pos].chars().next_back().is_some_and(|p| p.is_alphanumeric() || p == '_')
}

/// The result that starts at `start` and ends by `end`, if there is one.
fn result_at(text: &str, start: usize, end: usize) -> Option<Result> {
    let input = &text[start..end];
    let at = |rest: &str| start + (input.len() - rest.len());
    let (rest, (test, df, n)) = head(input).ok()?;
    let (rest, _) = ws(rest).ok()?;
    let (rest, comparison) = statistic_comparison(rest).ok()?;
    let (rest, _) = ws(rest).ok()?;
    let value_start = at(rest);
    let (rest, (negative, digits)) = signed_number(rest).ok()?;
    let value_span = Span::new(value_start, at(rest));
    let statistic_span = Span::new(start, at(rest));
    let (rest, _) = (ws, one_of(",;"), ws).parse(rest).ok()?;
    let p_start = at(rest);
    let (rest, (p_comparison, p_digits)) = p_value(rest).ok()?;
    let p_span = Span::new(p_start, at(rest));
    if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let value = written(digits, negative, value_span)?;
    let p_value = match p_digits {
        Some(d) => {
            let number = written(d, false, Span::new(p_span.end - d.len(), p_span.end))?;
            if !(0.0..=1.0).contains(&number.value) {
                return None;
            }
            Some(number)
        }
        None => None,
    };
    if !plausible(test, &df, value.value) {
        return None;
    }
    Some(Result {
        span: Span::new(start, p_span.end),
        test,
        df,
        n,
        statistic_span,
        comparison,
        value,
        p: PValue { span: p_span, comparison: p_comparison, value: p_value },
    })
}

/// Values no test can take: statcheck drops a correlation beyond ±1, and F, χ² and Q are never
/// negative.
fn plausible(test: TestKind, df: &[f64], value: f64) -> bool {
    if df.iter().any(|d| !d.is_finite() || *d <= 0.0) {
        return false;
    }
    match test {
        TestKind::R => value.abs() <= 1.0,
        TestKind::F | TestKind::Chi2 | TestKind::Q | TestKind::Qw | TestKind::Qb => value >= 0.0,
        TestKind::T | TestKind::Z => true,
    }
}

fn written(digits: &str, negative: bool, span: Span) -> Option<WrittenNumber> {
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    let magnitude: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let text = if negative { format!("-{plain}") } else { plain };
    Some(WrittenNumber { text, value: if negative { -magnitude } else { magnitude }, decimals, span })
}

/// The test and its degrees of freedom: "t(28)", "F(2, 28)", "χ2(1, N = 90)", "Qb(2)", "z".
fn head(i: &str) -> R<'_, (TestKind, Vec<f64>, Option<u64>)> {
    alt((
        (value(TestKind::T, char('t')), preceded(ws, one_df)).map(|(t, d)| (t, vec![d], None)),
        (value(TestKind::R, char('r')), preceded(ws, one_df)).map(|(t, d)| (t, vec![d], None)),
        (q_name, preceded(ws, one_df)).map(|(t, d)| (t, vec![d], None)),
        (value(TestKind::F, char('F')), preceded(ws, two_df)).map(|(t, d)| (t, d, None)),
        (value(TestKind::Chi2, chi_name), preceded(ws, chi_df)).map(|(t, (d, n))| (t, vec![d], n)),
        // z has no degrees of freedom; the letter must stand alone.
        value((TestKind::Z, Vec::new(), None), terminated(one_of("zZ"), peek(not(letter)))),
    ))
    .parse(i)
}

fn letter(i: &str) -> R<'_, char> {
    nom::character::complete::satisfy(|c| c.is_alphanumeric()).parse(i)
}

/// "Q", "Qw", "Q-within", "Qbetween", "Q b".
fn q_name(i: &str) -> R<'_, TestKind> {
    let (rest, _) = char('Q').parse(i)?;
    let within = alt((tag("within"), tag("Within"), tag("w"), tag("W")));
    let between = alt((tag("between"), tag("Between"), tag("b"), tag("B")));
    let which = alt((value(TestKind::Qw, within), value(TestKind::Qb, between)));
    let (rest, kind) =
        opt(preceded((ws, opt(char('-')), ws), terminated(which, peek(not(letter))))).parse(rest)?;
    let (rest, _) = peek(not(letter)).parse(rest)?;
    Ok((rest, kind.unwrap_or(TestKind::Q)))
}

/// "χ2", "χ²", "χ^2", "chi2", "chi-square", "Chi²", "X2".
fn chi_name(i: &str) -> R<'_, &str> {
    let squared = || alt((tag("2"), tag("²"), tag("^2")));
    recognize(alt((
        preceded(one_of("χΧ"), opt(squared())).map(|_| ()),
        preceded(
            tag_no_case("chi"),
            alt((
                squared(),
                preceded(opt(one_of("- ")), alt((tag_no_case("squared"), tag_no_case("square")))),
            )),
        )
        .map(|_| ()),
        preceded(one_of("xX"), squared()).map(|_| ()),
    )))
    .parse(i)
}

fn df_number(i: &str) -> R<'_, f64> {
    let (rest, digits) = recognize((digit1, opt((char('.'), digit1)))).parse(i)?;
    let value = digits.parse().unwrap_or(f64::NAN);
    Ok((rest, value))
}

/// "(28)".
fn one_df(i: &str) -> R<'_, f64> {
    delimited((char('('), ws), df_number, (ws, char(')'))).parse(i)
}

/// "(2, 28)"; typesetting sometimes turns a first df of 1 into "l" or "I".
fn two_df(i: &str) -> R<'_, Vec<f64>> {
    let first = alt((df_number, value(1.0, terminated(one_of("lI"), peek(not(letter))))));
    let (rest, (d1, _, d2)) =
        delimited((char('('), ws), (first, (ws, char(','), ws), df_number), (ws, char(')'))).parse(i)?;
    Ok((rest, vec![d1, d2]))
}

/// "(1)" or "(1, N = 11,455)".
fn chi_df(i: &str) -> R<'_, (f64, Option<u64>)> {
    let sample = preceded((ws, char(','), ws, one_of("Nn"), ws, char('='), ws), grouped_integer);
    delimited((char('('), ws), (df_number, opt(sample)), (ws, char(')'))).parse(i)
}

fn grouped_integer(i: &str) -> R<'_, u64> {
    let (rest, digits) = recognize((digit1, nom::multi::many0((char(','), digit1)))).parse(i)?;
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    match plain.parse() {
        Ok(n) => Ok((rest, n)),
        Err(_) => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit))),
    }
}

/// "=", "<" or ">", but not "<=" or ">=": statcheck reads no result with two signs.
fn statistic_comparison(i: &str) -> R<'_, Comparison> {
    terminated(comparison, peek(not(one_of("<>=≤≥")))).parse(i)
}

fn comparison(i: &str) -> R<'_, Comparison> {
    alt((
        value(Comparison::Equal, char('=')),
        value(Comparison::Less, char('<')),
        value(Comparison::Greater, char('>')),
    ))
    .parse(i)
}

/// A statistic with its sign: "2.20", "-2.20", "− 2.20", "–.22", "1,234.5".
fn signed_number(i: &str) -> R<'_, (bool, &str)> {
    let (rest, sign) = opt(terminated(one_of("-−–"), ws)).parse(i)?;
    let (rest, digits) = number_at(rest)?;
    Ok((rest, (sign.is_some(), digits)))
}

/// "p = .03", "p < .001", "P = 0.016", "p ≤ .05", "ns", "n.s.".
fn p_value(i: &str) -> R<'_, (Comparison, Option<&str>)> {
    let bounded =
        alt((comparison, value(Comparison::Less, char('≤')), value(Comparison::Greater, char('≥'))));
    let figure = recognize((opt(digit1), char('.'), digit1));
    let stated = preceded((one_of("pP"), ws), (terminated(bounded, ws), figure)).map(|(c, f)| (c, Some(f)));
    let ns = value(
        (Comparison::NotSignificant, None),
        (alt((tag("n.s."), tag("n.s"), tag("ns"))), peek(not(letter))),
    );
    alt((stated, ns)).parse(i)
}
