//! Property tests of robustness, beyond `tests/properties.rs`: figures written in any of the
//! forms the grammar reads parse back to their value; every interval holds its value; checking
//! is deterministic; and every span, of a figure or a finding, lies inside the file on character
//! boundaries — for plain text, Markdown and HTML, mapped back to the original file.

use factlint::parse::scan::{range_bounds, scan};
use factlint::report::CheckedFile;
use factlint::rules::RuleSet;
use factlint::span::Span;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut set = RuleSet::builtin().expect("valid pack");
        let ids: Vec<String> = set.rules().iter().map(|r| r.id.clone()).collect();
        for id in ids {
            if let Some(rule) = set.get_mut(&id) {
                rule.enabled = true;
            }
        }
        set
    })
}

/// `digits` grouped in threes with `sep`: ("1234567", ",") → "1,234,567".
fn grouped(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// How a figure is written: its integer part, decimals, grouping, magnitude and unit.
#[derive(Clone, Debug)]
struct Written {
    int: u64,
    decimals: String,
    group: bool,
    magnitude: (&'static str, f64),
    unit: Unit,
}

#[derive(Clone, Copy, Debug)]
enum Unit {
    Count,
    Percent(&'static str),
    Money(&'static str),
}

impl Written {
    fn text(&self) -> String {
        let digits = self.int.to_string();
        let mut number = if self.group { grouped(&digits, ",") } else { digits };
        if !self.decimals.is_empty() {
            number = format!("{number}.{}", self.decimals);
        }
        match self.unit {
            Unit::Count => format!("{number}{}", self.magnitude.0),
            Unit::Percent(sign) => format!("{number}{sign}"),
            Unit::Money(symbol) => format!("{symbol}{number}{}", self.magnitude.0),
        }
    }

    fn value(&self) -> f64 {
        let number: f64 = format!("{}.{}0", self.int, self.decimals).parse().expect("a number");
        match self.unit {
            Unit::Percent(_) => number,
            _ => number * self.magnitude.1,
        }
    }

    fn sentence(&self) -> String {
        match self.unit {
            Unit::Count => format!("There were {} of them in total.", self.text()),
            Unit::Percent(_) => format!("Support was {} in the poll.", self.text()),
            Unit::Money(_) => format!("It cost {} in total.", self.text()),
        }
    }
}

fn written() -> impl Strategy<Value = Written> {
    let magnitude = prop_oneof![
        Just(("", 1.0)),
        Just((" thousand", 1e3)),
        Just((" million", 1e6)),
        Just((" billion", 1e9)),
        Just((" trillion", 1e12)),
        Just(("bn", 1e9)),
        Just(("k", 1e3)),
    ];
    let unit = prop_oneof![
        Just(Unit::Count),
        Just(Unit::Percent("%")),
        Just(Unit::Percent(" per cent")),
        Just(Unit::Percent(" percent")),
        Just(Unit::Money("$")),
        Just(Unit::Money("£")),
        Just(Unit::Money("€")),
        Just(Unit::Money("US$")),
    ];
    (0u64..1_000_000_000_000, "[0-9]{0,3}", any::<bool>(), magnitude, unit).prop_map(
        |(int, decimals, group, magnitude, unit)| {
            // A bare count of four digits or fewer may be a year; give it a separator or a
            // magnitude so that it is an amount. Percentages take no magnitude.
            let int = if matches!(unit, Unit::Count) && magnitude.1 == 1.0 && decimals.is_empty() {
                int.max(10_000)
            } else {
                int
            };
            let group = group || int >= 10_000 && decimals.is_empty() && magnitude.1 == 1.0;
            Written { int, decimals, group, magnitude, unit }
        },
    )
}

/// A text fragment in one of the three formats: prose with figures, claims that fire rules,
/// multi-byte characters, markup, entities and suppression comments.
fn fragment(format: &'static str) -> BoxedStrategy<String> {
    let prose = prop_oneof![
        (1u32..300).prop_map(|n| format!("Prices fell {n}% last year. ")),
        (1u32..90_000, 1u32..90_000, 1u32..100).prop_map(|(a, b, p)| format!(
            "The number rose from {} to {}, up {p}%. ",
            grouped(&a.to_string(), ","),
            grouped(&b.to_string(), ",")
        )),
        (1u32..80, 1u32..80, 1u32..80)
            .prop_map(|(a, b, c)| format!("{a}% said yes, {b}% said no and {c}% did not know. ")),
        (1u32..99).prop_map(|n| format!("Nearly {n} per cent — “über” naïve café 🦀 — agreed. ")),
        (1u32..40, 1u32..9).prop_map(|(a, b)| format!("t({a}) = {b}.20, p = .0{b}. ")),
        Just("It cost $2.5bn, or £1,234.5 million, about 7k each. ".to_string()),
        Just("Zürich’s 3rd year: 10:30, 3-2, 2019. ".to_string()),
        (1u32..90_000, 1u32..90_000, 1u32..100).prop_map(|(a, b, p)| format!(
            "Die Zahl ist von {} auf {} gesunken, ein Rückgang um über {p},5 Prozent. ",
            grouped(&a.to_string(), "."),
            grouped(&b.to_string(), ".")
        )),
        Just("Rund 0,1 % mehr, 22 Mio. Euro und 1,5 Mrd. € – mindestens 3.300 Menschen. ".to_string()),
        "[a-z0-9 ,.%$]{0,30}",
        "\\PC{0,12}",
    ];
    let markup: BoxedStrategy<String> = match format {
        "md" => prop_oneof![
            Just("\n\n".to_string()),
            Just("# ".to_string()),
            Just("**".to_string()),
            Just("_".to_string()),
            Just("`".to_string()),
            Just("\n```\nPrices fell 130%.\n```\n".to_string()),
            Just("\n> ".to_string()),
            Just("\n- ".to_string()),
            Just("[link](http://example.com/150%) ".to_string()),
            Just("\\*".to_string()),
            Just("&amp; &#37; ".to_string()),
            Just("\n| a | 13% |\n|---|---|\n| b | 64% |\n".to_string()),
            Just("<!-- factlint-disable-next-line -->\n".to_string()),
            Just("<!-- factlint-disable impossible-value -->".to_string()),
            Just("<b>".to_string()),
        ]
        .boxed(),
        "html" => prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<h1>".to_string()),
            Just("</h1>".to_string()),
            Just("<span class=\"x\">".to_string()),
            Just("</span>".to_string()),
            Just("<b>".to_string()),
            Just("</b>".to_string()),
            Just("&#37;".to_string()),
            Just("&nbsp;".to_string()),
            Just("&amp;".to_string()),
            Just("&unknown;".to_string()),
            Just("<script>Prices fell 130%.</script>".to_string()),
            Just("<!-- factlint-disable-next-line -->\n".to_string()),
            Just("<br>".to_string()),
            Just("\n".to_string()),
        ]
        .boxed(),
        _ => prop_oneof![Just("\n\n".to_string()), Just("\n".to_string()), Just(" ".to_string())].boxed(),
    };
    prop_oneof![3 => prose, 2 => markup].boxed()
}

fn document(format: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(format), 1..16).prop_map(|parts| parts.concat())
}

/// Asserts that `span` of the checked text maps into `file`'s original text on character
/// boundaries, and that a figure starting with a digit maps to that digit (or to the `&` of the
/// character reference it was decoded from).
fn assert_maps_into_the_file(file: &CheckedFile, span: Span, in_original: bool, what: &str) {
    let source = &file.source;
    let document = &file.checked.article.document;
    let original = if in_original {
        span
    } else {
        let text = &document.text;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{what}: {span:?} outside the checked text"
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what}: {span:?} splits a character of the checked text"
        );
        let mapped = document.span_to_original(span);
        if let Some(first) = text[span.start..].chars().next().filter(char::is_ascii_digit) {
            let at = source.get(mapped.start..).and_then(|s| s.chars().next());
            assert!(
                at == Some(first) || at == Some('&'),
                "{what}: {span:?} ({:?}) maps to {mapped:?}, which starts with {at:?}",
                span.slice(text)
            );
        }
        mapped
    };
    assert!(
        original.start <= original.end && original.end <= source.len(),
        "{what}: {span:?} maps to {original:?}, outside the file's {} bytes",
        source.len()
    );
    assert!(
        source.is_char_boundary(original.start) && source.is_char_boundary(original.end),
        "{what}: {span:?} maps to {original:?}, which splits a character of the file"
    );
}

/// Found by these properties: a range written high to low got the interval from the first
/// end's low to the second end's high ("3-2" → [2.5, 2.5], "between 30 and 20" → [20.5, 29.5]),
/// which held neither end.
#[test]
fn descending_ranges_hold_their_value() {
    for text in
        ["The score was 3-2.", "Between 30 and 20 people came.", "Prices were 5-3% lower.", "It was 3–2."]
    {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let q = &found[0];
        let (first, second) = range_bounds(text, q).expect("a range");
        for v in [q.value, first, second] {
            assert!(q.written.contains(v), "{text}: {:?} does not hold {v}", q.written);
        }
    }
}

/// Checks `text` as `name` twice: the same findings both times, and every span in the file.
fn check_twice(name: &str, text: &str) -> Result<(), TestCaseError> {
    let first = factlint::check_source(name, text.to_string(), rules());
    let second = factlint::check_source(name, text.to_string(), rules());
    let (first, second) = match (first.outcome, second.outcome) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => return Err(TestCaseError::fail(format!("{name}: {:?} / {:?}", a.err(), b.err()))),
    };
    prop_assert_eq!(&first.checked.findings, &second.checked.findings, "{}", name);
    prop_assert_eq!(&first.checked.article.quantities, &second.checked.article.quantities, "{}", name);
    for q in &first.checked.article.quantities {
        assert_maps_into_the_file(&first, q.span, false, &format!("{name}: figure"));
        prop_assert!(q.written.contains(q.value), "{}: {:?}", name, q);
    }
    for f in &first.checked.findings {
        assert_maps_into_the_file(&first, f.span, f.in_original, &format!("{name}: {}", f.rule));
        for label in &f.labels {
            assert_maps_into_the_file(
                &first,
                label.span,
                f.in_original,
                &format!("{name}: {} label", f.rule),
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn figures_in_every_written_form_parse_back(w in written()) {
        let text = w.sentence();
        let found = scan(&text);
        prop_assert_eq!(found.len(), 1, "{} → {:?}", text, found);
        let q = &found[0];
        let expected = w.value();
        let as_written = w.text();
        prop_assert_eq!(q.span.slice(&text), as_written.as_str(), "{}", text);
        prop_assert!(
            (q.value - expected).abs() <= expected.abs() * 1e-12,
            "{}: read {} for {}", text, q.value, expected
        );
        prop_assert!(q.written.contains(q.value), "{}: {:?}", text, q);
        prop_assert!(
            q.written.low <= expected * (1.0 + 1e-12) && expected * (1.0 - 1e-12) <= q.written.high,
            "{}: {:?} does not hold {}", text, q.written, expected
        );
    }

    #[test]
    fn every_interval_holds_its_value_in_any_text(text in "([0-9]{1,6}|[ ,.%$£€-]|per cent|million|bn|k|about |over |nearly |half|one in five|\\PC){0,40}") {
        for q in scan(&text) {
            prop_assert!(q.value.is_finite(), "{:?}", q);
            prop_assert!(q.written.contains(q.value), "{:?} in {:?}", q, text);
            prop_assert!(q.span.end <= text.len() && text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
    }

    #[test]
    fn plain_text_is_checked_the_same_twice_with_spans_in_the_file(text in document("txt")) {
        check_twice("story.txt", &text)?;
    }

    #[test]
    fn markdown_is_checked_the_same_twice_with_spans_in_the_file(text in document("md")) {
        check_twice("story.md", &text)?;
    }

    #[test]
    fn html_is_checked_the_same_twice_with_spans_in_the_file(text in document("html")) {
        check_twice("story.html", &text)?;
    }

    #[test]
    fn german_is_checked_the_same_twice_with_spans_in_the_file(text in document("md")) {
        check_twice("story.md", &format!("---\nlang: de\n---\n{text}"))?;
        check_twice("story.html", &format!("<html lang=\"de\"><body><p>{text}</p></body></html>"))?;
    }
}
