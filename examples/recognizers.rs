//! Conformance runner: the quantity grammar against the Microsoft Recognizers-Text English specs.
//!
//! ```sh
//! cargo run --release --example recognizers -- ../shared/external/recognizers-text
//! cargo run --release --example recognizers -- DIR --suite PercentModel   # one suite
//! cargo run --release --example recognizers -- DIR --quiet                # the table only
//! cargo run --release --example recognizers -- DIR --strict               # exit 1 below a target
//! ```
//!
//! Every case of NumberModel, PercentModel, PercentModelPercentMode, NumberRangeModel,
//! OrdinalModel and CurrencyModel is fed to [`factlint::parse::scan::scan_all`] (the figures the
//! pipeline sees, plus the ordinals it recognises and leaves out), and what was found is compared
//! with the expected results. A case passes when the figures of the kind the suite is about match
//! the expected results one to one:
//!
//! - **NumberModel**: every figure except ordinals; a figure matches a result when the result's
//!   text lies inside the figure (factlint keeps the currency, unit and qualifier with the number:
//!   "$20" holds the number "20") and the values agree.
//! - **PercentModel**: percentages; same text (a leading qualifier such as "about" aside) and
//!   value.
//! - **PercentModelPercentMode**: percentages and ratios, a ratio read as a percentage
//!   ("one in two" is 50%); same text (a trailing "of" in the expected text aside) and value.
//! - **NumberRangeModel**: ranges, bounded figures and figures stated with a phrase of equality
//!   ("between 20 and 30", "more than 30", "up to 700", "equal to 20"); the same text (a leading
//!   qualifier such as "about" aside, and a unit factlint keeps after the figure: "more than
//!   thirty years old" for "more than thirty") and the same bounds: both ends of a range, the one
//!   end of a bound and whether it is open ("more than 30" is (30,), "at least 30" is [30,)).
//!   Whether the ends of a two-sided range are open is not compared: the specs make every
//!   "between" half-open ([20,30)), factlint reads both ends as written.
//! - **OrdinalModel**: ordinals; same text and value. Relative ordinals ("next to last") come
//!   from [`factlint::parse::relative`] and are compared by the position they name ("end-1");
//!   an ordinal inside one ("second" of "the second to last") is not counted twice.
//! - **CurrencyModel**: money; same text (a leading qualifier aside), value and currency (the ISO
//!   code when the spec gives one, else the currency named by the unit: any dollar for "Dollar",
//!   any franc for "Franc"); factlint holds cents and pence as hundredths of their currency.
//!
//! Values agree within 1e-9 relative. Texts are compared by character offsets into the input,
//! ignoring case (the specs lower-case their texts). Cases that factlint deliberately reads
//! differently are listed with the reason in `examples/recognizers/deliberate-differences.md`; they
//! still count as failures, and the runner marks them (and says when one of them passes).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use factlint::parse::quantity::{Form, Qualifier, Quantity, Unit};
use factlint::parse::relative::{RelativeOrdinal, relative_ordinals};
use factlint::parse::scan;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The suites, their files and the accuracy each must reach.
const SUITES: &[(&str, f64)] = &[
    ("NumberModel", 95.0),
    ("PercentModel", 95.0),
    ("PercentModelPercentMode", 90.0),
    ("NumberRangeModel", 85.0),
    ("OrdinalModel", 90.0),
    ("CurrencyModel", 85.0),
];

const DIFFERENCES: &str = "examples/recognizers/deliberate-differences.md";

fn main() {
    let mut dir = None;
    let mut only = None;
    let mut quiet = false;
    let mut strict = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--suite" => only = args.next(),
            "--quiet" | "-q" => quiet = true,
            "--strict" => strict = true,
            "-h" | "--help" => {
                println!("usage: recognizers [DIR] [--suite NAME] [--quiet] [--strict]");
                return;
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = dir.unwrap_or_else(|| root.join("../shared/external/recognizers-text"));
    if !dir.is_dir() {
        println!("recognizers-text specs not found at {}: nothing to run", dir.display());
        return;
    }
    let explained = load_differences(&root.join(DIFFERENCES));

    let mut table = Vec::new();
    let mut report = String::new();
    let mut missed_target = false;
    for (suite, target) in SUITES {
        if only.as_deref().is_some_and(|o| o != *suite) {
            continue;
        }
        let path = dir.join(format!("{suite}.json"));
        let cases = match std::fs::read_to_string(&path) {
            Ok(text) => match serde_json::from_str::<Vec<Value>>(&text) {
                Ok(cases) => cases,
                Err(e) => {
                    eprintln!("{}: not a list of cases: {e}", path.display());
                    continue;
                }
            },
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                continue;
            }
        };
        let mut passed = 0;
        let mut explained_failures = 0;
        let mut failures = Vec::new();
        let mut stale = Vec::new();
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or("");
            let expected: Vec<Expected> =
                case["Results"].as_array().into_iter().flatten().map(|r| Expected::read(input, r)).collect();
            let found = scan::scan_all(input);
            let mut got: Vec<Got> =
                found.iter().filter_map(|q| Got::read(suite, input, q)).collect::<Vec<_>>();
            if *suite == "OrdinalModel" {
                // "the second to last" is one relative ordinal, not also the ordinal "second".
                let relative: Vec<Got> =
                    relative_ordinals(input).iter().map(|r| Got::relative(input, r)).collect();
                got.retain(|g| !relative.iter().any(|r| r.start <= g.start && g.end <= r.end));
                got.extend(relative);
                got.sort_by_key(|g| g.start);
            }
            let ok = matches(suite, input, &expected, &got);
            let reason = explained.get(&(suite.to_string(), input.trim().to_string()));
            if ok {
                passed += 1;
                if reason.is_some() {
                    stale.push(input.to_string());
                }
            } else {
                if reason.is_some() {
                    explained_failures += 1;
                }
                failures.push(describe(input, &expected, &got, reason.map(String::as_str)));
            }
        }
        let accuracy = 100.0 * passed as f64 / cases.len().max(1) as f64;
        if accuracy < *target {
            missed_target = true;
        }
        table.push((suite.to_string(), cases.len(), passed, accuracy, *target, explained_failures));
        if !failures.is_empty() || !stale.is_empty() {
            report.push_str(&format!("\n== {suite}: {} failures ==\n", failures.len()));
            for f in &failures {
                report.push_str(f);
            }
            for s in &stale {
                report.push_str(&format!("  (listed as a deliberate difference but passes: {s:?})\n"));
            }
        }
    }

    println!("Recognizers-Text English specs at {}", dir.display());
    println!();
    println!("| suite | cases | passed | accuracy | target | failures explained |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (suite, cases, passed, accuracy, target, explained) in &table {
        let mark = if accuracy >= target { "" } else { " (below)" };
        let failed = cases - passed;
        println!(
            "| {suite} | {cases} | {passed} | {accuracy:.1}% | ≥ {target:.0}%{mark} | {explained} of {failed} |"
        );
    }
    if !quiet {
        print!("{report}");
    }
    if strict && missed_target {
        std::process::exit(1);
    }
}

/// One expected result: where it is (characters) and what it resolves to.
#[derive(Debug)]
struct Expected {
    text: String,
    start: usize,
    end: usize,
    value: Option<f64>,
    /// Range bounds: (low, low closed), (high, high closed).
    low: Option<(f64, bool)>,
    high: Option<(f64, bool)>,
    unit: Option<String>,
    iso: Option<String>,
    /// The resolved value as written ("end-1" for a relative ordinal).
    raw: String,
}

impl Expected {
    fn read(input: &str, r: &Value) -> Expected {
        let text = r["Text"].as_str().unwrap_or("").to_string();
        let res = &r["Resolution"];
        let raw = res["value"].as_str().unwrap_or("");
        let value = raw.trim_end_matches('%').parse::<f64>().ok();
        let (low, high) = parse_range(raw);
        let chars: Vec<char> = input.chars().collect();
        let mut start = r["Start"].as_u64().unwrap_or(0) as usize;
        let mut end = r["End"].as_u64().map_or(start, |e| e as usize + 1);
        let at = |s: usize, e: usize| -> String {
            chars.get(s..e.min(chars.len())).map(|c| c.iter().collect::<String>()).unwrap_or_default()
        };
        // A few specs' offsets are off; find the text itself then.
        if at(start, end).to_lowercase() != text.to_lowercase() {
            let lower: Vec<char> = input.to_lowercase().chars().collect();
            let needle: Vec<char> = text.to_lowercase().chars().collect();
            if let Some(i) = (0..lower.len()).find(|i| lower[*i..].starts_with(&needle)) {
                start = i;
                end = i + needle.len();
            }
        }
        Expected {
            text,
            start,
            end,
            value,
            low,
            high,
            unit: res["unit"].as_str().map(str::to_string),
            iso: res["isoCurrency"].as_str().map(str::to_string),
            raw: raw.to_string(),
        }
    }
}

/// "[20,30)" → ((20, closed), (30, open)); "(,100]" → (None, (100, closed)).
type Bound = Option<(f64, bool)>;

fn parse_range(raw: &str) -> (Bound, Bound) {
    let raw = raw.trim();
    if raw.len() < 3 || !(raw.starts_with('[') || raw.starts_with('(')) {
        return (None, None);
    }
    let low_closed = raw.starts_with('[');
    let high_closed = raw.ends_with(']');
    let inner = &raw[1..raw.len() - 1];
    let mut parts = inner.splitn(2, ',');
    let low = parts.next().and_then(|s| s.trim().parse::<f64>().ok()).map(|v| (v, low_closed));
    let high = parts.next().and_then(|s| s.trim().parse::<f64>().ok()).map(|v| (v, high_closed));
    (low, high)
}

/// A factlint figure as the suite sees it.
#[derive(Debug)]
struct Got {
    text: String,
    /// Character offsets of the figure, and of the figure without its qualifier.
    start: usize,
    end: usize,
    bare_start: usize,
    value: f64,
    low: Option<(f64, bool)>,
    high: Option<(f64, bool)>,
    unit: Unit,
    currency: Option<&'static str>,
    /// The position a relative ordinal names ("end-1").
    relative: Option<String>,
}

impl Got {
    /// A relative ordinal ("next to last") as the OrdinalModel suite sees it.
    fn relative(input: &str, r: &RelativeOrdinal) -> Got {
        let chars = |byte: usize| input[..byte].chars().count();
        Got {
            text: r.span.slice(input).to_string(),
            start: chars(r.span.start),
            end: chars(r.span.end),
            bare_start: chars(r.span.start),
            value: f64::NAN,
            low: None,
            high: None,
            unit: Unit::Ordinal,
            currency: None,
            relative: Some(r.position()),
        }
    }

    /// The figure if it is of the kind `suite` is about.
    fn read(suite: &str, input: &str, q: &Quantity) -> Option<Got> {
        let text = q.span.slice(input);
        // "equal to 20": an exact figure with a phrase of equality is the range [20, 20].
        let equal = q.qualifier == Qualifier::Exact && scan::qualifier_prefix(text).is_some();
        let bounded = equal
            || matches!(
                q.qualifier,
                Qualifier::Over | Qualifier::Under | Qualifier::AtLeast | Qualifier::AtMost
            );
        let relevant = match suite {
            "NumberModel" => q.unit != Unit::Ordinal,
            "PercentModel" => q.unit == Unit::Percent,
            "PercentModelPercentMode" => matches!(q.unit, Unit::Percent | Unit::Ratio),
            "NumberRangeModel" => q.form == Form::Range && q.unit != Unit::Year || bounded,
            "OrdinalModel" => q.unit == Unit::Ordinal,
            "CurrencyModel" => q.unit == Unit::Currency,
            _ => false,
        };
        if !relevant {
            return None;
        }
        let chars = |byte: usize| input[..byte].chars().count();
        let bare = strip_qualifier(text);
        let value = if suite == "PercentModelPercentMode" && q.unit == Unit::Ratio {
            q.value * 100.0
        } else {
            q.value
        };
        let (mut low, mut high) = (None, None);
        if q.form == Form::Range {
            if let Some((l, h)) = scan::range_bounds(input, q) {
                low = Some((l, true));
                high = Some((h, true));
            }
        } else {
            match q.qualifier {
                Qualifier::Exact if equal => {
                    low = Some((q.value, true));
                    high = Some((q.value, true));
                }
                Qualifier::Over => low = Some((q.value, false)),
                Qualifier::AtLeast => low = Some((q.value, true)),
                Qualifier::Under => high = Some((q.value, false)),
                Qualifier::AtMost => high = Some((q.value, true)),
                _ => {}
            }
        }
        Some(Got {
            text: text.to_string(),
            start: chars(q.span.start),
            end: chars(q.span.end),
            bare_start: chars(q.span.start + (text.len() - bare.len())),
            value,
            low,
            high,
            unit: q.unit,
            currency: q.currency,
            relative: None,
        })
    }
}

/// The figure's text without a leading qualifier phrase ("about 40%" → "40%").
fn strip_qualifier(text: &str) -> &str {
    match scan::qualifier_prefix(text) {
        Some((len, _)) => &text[len..],
        None => text,
    }
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn same_bound(expected: Bound, got: Bound, compare_closed: bool) -> bool {
    match (expected, got) {
        (None, None) => true,
        (Some((e, ec)), Some((g, gc))) => same(e, g) && (!compare_closed || ec == gc),
        _ => false,
    }
}

/// Whether one figure matches one expected result under the suite's rule.
fn pair(suite: &str, input: &str, e: &Expected, g: &Got) -> bool {
    let value_ok = e.value.is_some_and(|v| same(v, g.value));
    let exact_text = e.start == g.start && e.end == g.end;
    let text_without_qualifier = e.start == g.bare_start && e.end == g.end;
    match suite {
        "NumberModel" => g.start <= e.start && e.end <= g.end && value_ok,
        "PercentModel" => (exact_text || text_without_qualifier) && value_ok,
        "PercentModelPercentMode" => {
            let trailing_of =
                e.text.to_lowercase().ends_with(" of") && e.start == g.start && e.end == g.end + 3;
            (exact_text || text_without_qualifier || trailing_of) && value_ok
        }
        "NumberRangeModel" => {
            let two_sided = e.low.is_some() && e.high.is_some();
            // factlint keeps a unit with the figure ("more than thirty years old").
            let unit_after = e.end < g.end
                && input
                    .chars()
                    .skip(e.end)
                    .take(g.end - e.end)
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
            let starts = e.start == g.start || e.start == g.bare_start;
            starts
                && (e.end == g.end || unit_after)
                && same_bound(e.low, g.low, !two_sided)
                && same_bound(e.high, g.high, !two_sided)
        }
        "OrdinalModel" => exact_text && (value_ok || g.relative.as_deref() == Some(e.raw.as_str())),
        "CurrencyModel" => {
            // factlint holds cents and pence as hundredths of the currency.
            let hundredths = matches!(e.unit.as_deref(), Some("Cent" | "Pence" | "Penny"));
            let value_ok = e.value.is_some_and(|v| same(if hundredths { v / 100.0 } else { v }, g.value));
            (exact_text || text_without_qualifier) && value_ok && same_currency(e, g)
        }
        _ => false,
    }
}

/// The expected currency against factlint's ISO code: the spec's ISO code when it gives one,
/// else the currency named by its unit (any dollar for "Dollar", any franc for "Franc").
fn same_currency(e: &Expected, g: &Got) -> bool {
    if let Some(iso) = &e.iso {
        return g.currency == Some(iso.as_str());
    }
    let code = g.currency.unwrap_or("");
    let unit = e.unit.as_deref().unwrap_or("").to_lowercase();
    match unit.as_str() {
        "dollar" => code.ends_with('D'),
        "cent" => code.ends_with('D') || code == "EUR",
        "pound" | "british pound" | "pence" | "penny" => code == "GBP",
        "euro" => code == "EUR",
        "yen" | "japanese yen" => code == "JPY",
        "franc" => matches!(code, "CHF" | "FRF" | "BEF"),
        "finnish markka" => code == "FIM",
        "peseta" => code == "ESP",
        "netherlands guilder" => code == "NLG",
        "rupee" => code == "INR",
        "bitcoin" => code == "BTC",
        _ => false,
    }
}

/// One to one: every expected result has its own figure and no figure is left over.
fn matches(suite: &str, input: &str, expected: &[Expected], got: &[Got]) -> bool {
    if expected.len() != got.len() {
        return false;
    }
    // Both lists are in text order; a greedy walk is enough, with a fallback for the rare case
    // of results listed out of order.
    let mut used = vec![false; got.len()];
    expected.iter().all(|e| {
        let hit = (0..got.len()).find(|i| !used[*i] && pair(suite, input, e, &got[*i]));
        if let Some(i) = hit {
            used[i] = true;
        }
        hit.is_some()
    })
}

fn describe(input: &str, expected: &[Expected], got: &[Got], reason: Option<&str>) -> String {
    let show_expected: Vec<String> = expected
        .iter()
        .map(|e| {
            let res = match (e.low, e.high) {
                (None, None) => e.value.map_or("(no value)".to_string(), |v| format!("{v}")),
                _ => show_bounds(e.low, e.high).to_string(),
            };
            let cur = e.iso.clone().or_else(|| e.unit.clone()).map_or(String::new(), |c| format!(" {c}"));
            format!("{:?} = {res}{cur}", e.text)
        })
        .collect();
    let show_got: Vec<String> = got
        .iter()
        .map(|g| {
            let res = match (g.low, g.high) {
                (None, None) => format!("{}", g.value),
                _ => show_bounds(g.low, g.high),
            };
            let cur = g.currency.map_or(String::new(), |c| format!(" {c}"));
            format!("{:?} = {res} {}{cur}", g.text, g.unit.name())
        })
        .collect();
    let mut out = format!(
        "- {:?}\n    expected: [{}]\n    factlint: [{}]\n",
        input,
        show_expected.join(", "),
        show_got.join(", ")
    );
    if let Some(reason) = reason {
        out.push_str(&format!("    deliberate: {reason}\n"));
    }
    out
}

fn show_bounds(low: Bound, high: Bound) -> String {
    let l = low.map_or("(".to_string(), |(v, c)| format!("{}{v}", if c { "[" } else { "(" }));
    let h = high.map_or(")".to_string(), |(v, c)| format!("{v}{}", if c { "]" } else { ")" }));
    format!("{l},{h}")
}

/// The table of deliberate differences: `| suite | input | reason |` rows.
fn load_differences(path: &Path) -> BTreeMap<(String, String), String> {
    let mut map = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(path) else { return map };
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('|') || line.starts_with("| suite") || line.starts_with("| ---") {
            continue;
        }
        let cells: Vec<String> = split_row(line);
        if cells.len() < 3 {
            continue;
        }
        let input = cells[1].trim().trim_matches('`').to_string();
        map.insert((cells[0].trim().to_string(), input), cells[2].trim().to_string());
    }
    map
}

/// Splits a Markdown table row on unescaped `|`.
fn split_row(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                if let Some(s) = cells.last_mut() {
                    s.push('|')
                }
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => {
                if let Some(s) = cells.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    cells
}
