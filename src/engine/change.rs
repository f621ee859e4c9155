//! Changes: a stated change that disagrees with the levels it relates (`change`), and a change
//! word that points the wrong way (`change-direction`).

use super::{Hit, format, label};
use crate::interval::Interval;
use crate::parse::claims::ChangeClaim;
use crate::parse::lexicon::Direction;
use crate::parse::quantity::{Quantity, Tolerances, Unit};
use crate::parse::{Article, Claim};
use crate::rules::Rule;

pub const MISMATCH_VARS: &[&str] = &["stated", "from", "to", "actual", "range"];
pub const DIRECTION_VARS: &[&str] = &["cue", "from", "to", "actual", "said", "actual_direction"];

/// One way of reading the levels: the change they imply, and how to write it.
struct Reading {
    range: Interval,
    point: f64,
    write: fn(f64) -> String,
}

fn changes(article: &Article) -> impl Iterator<Item = &ChangeClaim> {
    article.claims.iter().filter_map(|c| match c {
        Claim::Change(change) => Some(change),
        _ => None,
    })
}

/// The levels of a change, if both are amounts of one kind.
fn levels<'a>(article: &'a Article, c: &ChangeClaim) -> Option<(&'a Quantity, &'a Quantity)> {
    let (f, t) = (article.quantity(c.from?), article.quantity(c.to?));
    (f.is_amount() && f.unit == t.unit && f.currency == t.currency && f.unit != Unit::Ratio).then_some((f, t))
}

/// Whether the levels certainly moved against the change word.
fn contradicts(direction: Option<Direction>, from: Interval, to: Interval) -> bool {
    match direction {
        Some(Direction::Up) => to.high < from.low,
        Some(Direction::Down) => to.low > from.high,
        None => false,
    }
}

/// The ways a level may be read: as written; with the magnitude of its partner when only the
/// partner carries one ("to 4.80 … from 3.50 billion"); and, for a figure with exactly three
/// decimals, with the dot as a thousands separator ("25.269 units from 26,414").
fn level_readings(level: &Quantity, partner: &Quantity, tol: Tolerances) -> Vec<(Interval, f64)> {
    let written = level.interval_with(tol);
    let mut out = vec![(written, level.value)];
    let mut scale = |k: f64| {
        if let Some(i) = written.scale(k) {
            out.push((i, level.value * k));
        }
    };
    if level.magnitude == 1.0 && partner.magnitude > 1.0 && level.value.abs() < 1000.0 {
        scale(partner.magnitude);
    }
    if level.magnitude == 1.0 && level.decimals == 3 && level.value.abs() < 1000.0 {
        scale(1000.0);
    }
    out
}

/// Whether a change word certainly points against the levels under every reading of them.
fn contradicted(direction: Option<Direction>, f: &Quantity, t: &Quantity, tol: Tolerances) -> bool {
    let (fs, ts) = (level_readings(f, t, tol), level_readings(t, f, tol));
    fs.iter().all(|(fi, _)| ts.iter().all(|(ti, _)| contradicts(direction, *fi, *ti)))
}

/// Readings of the change from `f` to `t` in the terms of the stated figure `s`.
fn readings(s: &Quantity, f: &Quantity, t: &Quantity, tol: Tolerances) -> Vec<Reading> {
    let mut out = Vec::new();
    for (fi, fv) in level_readings(f, t, tol) {
        for (ti, tv) in level_readings(t, f, tol) {
            out.extend(readings_of(s, f, fi, fv, ti, tv));
        }
    }
    out
}

fn readings_of(s: &Quantity, f: &Quantity, fi: Interval, fv: f64, ti: Interval, tv: f64) -> Vec<Reading> {
    let mut out = Vec::new();
    let points = || ti.sub(&fi).map(|range| Reading { range, point: tv - fv, write: format::points_change });
    match s.unit {
        Unit::Percent => {
            if let Some(range) = Interval::percent_change(&fi, &ti).filter(|_| fv != 0.0) {
                out.push(Reading { range, point: (tv / fv - 1.0) * 100.0, write: format::percent_change });
            }
            if f.unit == Unit::Percent {
                out.extend(points());
            }
        }
        Unit::Points if f.unit == Unit::Percent => out.extend(points()),
        _ if s.unit == f.unit && s.currency == f.currency => {
            if let Some(range) = ti.sub(&fi) {
                out.push(Reading { range, point: tv - fv, write: |v| format::signed(v, 2) });
            }
        }
        _ => {}
    }
    out.retain(|r| r.range.low.is_finite() && r.range.high.is_finite() && r.point.is_finite());
    out
}

/// The stated change as a signed interval, or `None` when only its size is known.
fn stated_signed(c: &ChangeClaim, s: &Quantity, tol: Tolerances) -> (Interval, bool) {
    // Reports often cut a percentage rather than round it ("15.5" for 15.58): allow one more
    // step of the last written digit away from zero.
    let step = s.written.high - s.written.low;
    let truncated = Interval::new(s.value, s.value + step.copysign(s.value)).unwrap_or(s.written);
    let i = s.interval_with(tol).hull(&truncated);
    if s.value < 0.0 {
        return (i, true);
    }
    match c.direction {
        Some(Direction::Up) => (i, true),
        Some(Direction::Down) => (i.neg(), true),
        None => (i, false),
    }
}

/// The stated change as the text words it: "decline of over 60%" when the change word comes
/// just before the figure, else the figure.
fn stated_text(article: &Article, c: &ChangeClaim, stated: usize) -> String {
    let text = &article.document.text;
    let s = article.quantity(stated).span;
    if let Some(cue) = c.cue
        && cue.end <= s.start
        && s.start - cue.end <= 5
    {
        return one_line(crate::span::Span::new(cue.start, s.end).slice(text));
    }
    // A change word just before the figure ("a fall of 10%") names the change better.
    let before = text[c.sentence.start.min(s.start)..s.start].trim_end();
    let words: Vec<&str> = before.rsplit(' ').take(3).collect();
    for (n, w) in words.iter().enumerate() {
        let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
        if article.lexicon.change(w).is_some() {
            let start =
                (before.len() + 1).saturating_sub(words[..=n].iter().map(|x| x.len() + 1).sum::<usize>());
            return one_line(&text[c.sentence.start.min(s.start) + start..s.end]);
        }
    }
    one_line(s.slice(text))
}

pub fn mismatches(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let mut hits = Vec::new();
    for c in changes(article) {
        let (Some(stated), Some((f, t))) = (c.stated, levels(article, c)) else { continue };
        let s = article.quantity(stated);
        if contradicted(c.direction, f, t, tol) {
            continue; // change-direction reports it
        }
        let readings = readings(s, f, t, tol);
        let Some(first) = readings.first() else { continue };
        let (claimed, signed) = stated_signed(c, s, tol);
        let saved =
            readings.iter().any(|r| claimed.meets(&r.range) || (!signed && claimed.meets(&r.range.neg())));
        if saved {
            continue;
        }
        let (from_text, to_text) = (
            article.text_of(c.from.unwrap_or_default()).to_string(),
            article.text_of(c.to.unwrap_or_default()).to_string(),
        );
        hits.push(Hit {
            span: s.span,
            labels: vec![
                label(article, c.from.unwrap_or_default(), "from"),
                label(article, c.to.unwrap_or_default(), "to"),
                label(article, stated, "stated change"),
            ],
            vars: vec![
                ("stated", stated_text(article, c, stated)),
                ("from", from_text),
                ("to", to_text),
                ("actual", (first.write)(first.point)),
                ("range", format::change_range(first.range, first.write)),
            ],
        });
    }
    hits
}

pub fn wrong_directions(article: &Article, rule: &Rule) -> Vec<Hit> {
    let tol = rule.tolerances();
    let mut hits = Vec::new();
    for c in changes(article) {
        let (Some(cue), Some((f, t))) = (c.cue, levels(article, c)) else { continue };
        if !contradicted(c.direction, f, t, tol) {
            continue;
        }
        let (said, actual_direction) = match c.direction {
            Some(Direction::Up) => ("a rise", "a fall"),
            _ => ("a fall", "a rise"),
        };
        let actual = if f.unit == Unit::Percent {
            format::points_change(t.value - f.value)
        } else if f.value != 0.0 {
            format::percent_change((t.value / f.value - 1.0) * 100.0)
        } else {
            format::signed(t.value - f.value, 2)
        };
        let cue_text = cue.slice(&article.document.text).to_string();
        let mut labels = vec![crate::engine::Label { span: cue, text: format!("says {said}") }];
        labels.push(label(article, c.from.unwrap_or_default(), "from"));
        labels.push(label(article, c.to.unwrap_or_default(), "to"));
        hits.push(Hit {
            span: cue,
            labels,
            vars: vec![
                ("cue", cue_text),
                ("from", one_line(f.span.slice(&article.document.text))),
                ("to", one_line(t.span.slice(&article.document.text))),
                ("actual", actual),
                ("said", said.to_string()),
                ("actual_direction", actual_direction.to_string()),
            ],
        });
    }
    hits
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
