//! How computed figures are written in messages: thousands separators, a real minus sign,
//! one decimal for percentages, and the marks of the article's language ("−40,5" and
//! "22.000" in a German article), so that a computed figure reads like the stated ones.

use crate::interval::Interval;
use crate::parse::Quantity;
use crate::parse::quantity::Unit;

/// A number with thousands separators and at most `decimals` decimals (trailing zeros cut).
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "−∞".into() };
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s, String::new()),
    };
    // The article's decimal mark; thousands take the other of comma and full stop.
    let point = crate::parse::lexicon::active().decimal_mark;
    let group = if point == ',' { '.' } else { ',' };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let negative = v < 0.0 && (int.chars().any(|c| c != '0') || !frac.is_empty());
    let sign = if negative { "−" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}{point}{frac}") }
}

/// A signed number: "+19.2", "−40.5".
pub fn signed(v: f64, decimals: usize) -> String {
    let n = number(v, decimals);
    if v > 0.0 && n != "0" { format!("+{n}") } else { n }
}

/// A change in percent: "−40.5%".
pub fn percent_change(v: f64) -> String {
    format!("{}%", signed(v, 1))
}

/// A change in points: "+5 points".
pub fn points_change(v: f64) -> String {
    let n = signed(v, 1);
    let unit = if (v.abs() - 1.0).abs() < 1e-9 { "point" } else { "points" };
    format!("{n} {unit}")
}

/// A change in the unit of `like`: "+$4", "+2,500".
pub fn absolute_change(v: f64, like: &Quantity) -> String {
    let decimals = like.decimals.max(if v.fract() == 0.0 { 0 } else { 1 }) as usize;
    match (like.unit, like.currency) {
        (Unit::Currency, Some(code)) => format!("{} {}", signed(v, decimals), code),
        (Unit::Percent, _) => points_change(v),
        _ => signed(v, decimals),
    }
}

/// An interval of changes, nearest zero first: "−38.4% to −42.7%".
pub fn change_range(range: Interval, one: impl Fn(f64) -> String) -> String {
    let (a, b) =
        if range.low.abs() <= range.high.abs() { (range.low, range.high) } else { (range.high, range.low) };
    let (a, b) = (one(a), one(b));
    if a == b { a } else { format!("{a} to {b}") }
}

/// A large count in words a reader takes in: "22 million", "14.3 million", "45,000".
pub fn count(v: f64) -> String {
    if v.abs() >= 1e9 {
        format!("{} billion", number(v / 1e9, 1))
    } else if v.abs() >= 1e6 {
        format!("{} million", number(v / 1e6, 1))
    } else {
        number(v, 0)
    }
}

/// A plain percentage: "107%".
pub fn percent(v: f64) -> String {
    format!("{}%", number(v, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(37_000.0, 0), "37,000");
        assert_eq!(number(-1_234_567.25, 2), "−1,234,567.25");
        assert_eq!(number(0.5, 1), "0.5");
        assert_eq!(number(-0.01, 1), "0");
        assert_eq!(percent_change(-40.54), "−40.5%");
        assert_eq!(percent_change(19.23), "+19.2%");
        assert_eq!(points_change(5.0), "+5 points");
        assert_eq!(change_range(Interval { low: -42.67, high: -38.36 }, percent_change), "−38.4% to −42.7%");
    }

    #[test]
    fn numbers_in_the_marks_of_the_article() {
        let german = crate::parse::lexicon::Languages::default().for_tag(Some("de"));
        let _active = crate::parse::lexicon::activate(german);
        assert_eq!(number(37_000.0, 0), "37.000");
        assert_eq!(number(-1_234_567.25, 2), "−1.234.567,25");
        assert_eq!(percent_change(-40.54), "−40,5%");
    }
}
