//! Statistics in science writing: test results with their p-values (read as statcheck reads
//! them) and means of whole-number data with their sample sizes (for the GRIM test).

mod apa;
mod cues;
mod mean;
#[cfg(test)]
mod tests;

use super::claims::{Claim, StatisticClaim};
use crate::source::{Document, Paragraph};
use crate::span::Span;
use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, digit1};
use nom::combinator::{opt, recognize};
use nom::multi::many1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// What the statistics of a document share: where, if anywhere, it says its tests are
/// one-sided.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reader {
    one_sided: Option<Span>,
}

impl Reader {
    pub fn new(document: &Document) -> Reader {
        // Only a result reads the cue, and every result has an "=", "<" or ">": a text without
        // one (most news) need not be searched.
        let text = &document.text;
        let compares = memchr::memchr3(b'=', b'<', b'>', text.as_bytes()).is_some();
        Reader { one_sided: if compares { cues::one_sided(text) } else { None } }
    }

    /// The statistics and means of one sentence of `paragraph`.
    pub fn sentence_claims(&self, document: &Document, paragraph: &Paragraph, sentence: Span) -> Vec<Claim> {
        let text = &document.text;
        let adjusted = || {
            cues::tokens(text, sentence)
                .into_iter()
                .find(|t| cues::ADJUSTED.contains(&t.lower.as_ref()))
                .map(|t| t.span)
        };
        let mut claims: Vec<Claim> = apa::results(text, sentence)
            .into_iter()
            .map(|r| {
                Claim::Statistic(StatisticClaim {
                    sentence,
                    span: r.span,
                    test: r.test,
                    df: r.df,
                    n: r.n,
                    statistic_span: r.statistic_span,
                    comparison: r.comparison,
                    value: r.value,
                    p: r.p,
                    one_sided: self.one_sided,
                    adjusted: adjusted(),
                })
            })
            .collect();
        let taken: Vec<Span> = claims
            .iter()
            .filter_map(|c| if let Claim::Statistic(s) = c { Some(s.span) } else { None })
            .collect();
        claims.extend(mean::means(text, paragraph, sentence, &taken).into_iter().map(Claim::Mean));
        claims
    }
}

/// White space inside a result, possibly none; it may wrap onto the next line but never
/// crosses a blank line.
pub(crate) fn ws(i: &str) -> IResult<&str, &str> {
    let end = i
        .find(|c: char| !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\n' | '\r'))
        .unwrap_or(i.len());
    let run = &i[..end];
    if run.bytes().filter(|b| *b == b'\n').count() > 1 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Space)));
    }
    Ok((&i[end..], run))
}

/// An unsigned number as written: "2.20", ".22", "11,455", "1,234.5".
pub(crate) fn number_at(i: &str) -> IResult<&str, &str> {
    let grouped =
        recognize((take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), many1((char(','), three_digits))));
    let integer = alt((grouped, digit1));
    alt((recognize((integer, opt((char('.'), digit1)))), recognize(preceded(char('.'), digit1)))).parse(i)
}

/// Exactly three digits, not followed by a fourth: a thousands group.
fn three_digits(i: &str) -> IResult<&str, &str> {
    let (rest, d) = digit1(i)?;
    if d.len() == 3 {
        Ok((rest, d))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))
    }
}
