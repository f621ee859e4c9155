//! Property tests of the quantity grammar and the pipeline.

use factlint::parse::scan::scan;
use factlint::rules::RuleSet;
use proptest::prelude::*;

/// `n` written with thousands separators: 1234567 → "1,234,567".
fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn integers_with_separators_parse_back(n in 10_000u64..1_000_000_000_000) {
        let written = with_separators(n);
        let text = format!("There were {written} of them.");
        let found = scan(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(found[0].value, n as f64);
        prop_assert_eq!(found[0].span.slice(&text), written.as_str());
        prop_assert!(found[0].written.contains(n as f64));
    }

    #[test]
    fn decimals_with_separators_parse_back(int in 1_000u64..10_000_000, frac in 0u32..1000) {
        let written = format!("{}.{:03}", with_separators(int), frac);
        let text = format!("The total was {written} tonnes.");
        let found = scan(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        let expected: f64 = format!("{int}.{frac:03}").parse().expect("a number");
        prop_assert!((found[0].value - expected).abs() < 1e-6, "{} vs {}", found[0].value, expected);
        prop_assert_eq!(found[0].decimals, 3);
        prop_assert!(found[0].written.contains(expected));
    }

    #[test]
    fn every_interval_contains_its_value(text in "[a-z ,.%$0-9]{0,80}") {
        for q in scan(&text) {
            prop_assert!(q.written.contains(q.value), "{:?} in {:?}", q, text);
            prop_assert!(q.span.end <= text.len() && text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
    }

    #[test]
    fn checking_is_deterministic_and_spans_stay_in_the_text(text in "\\PC{0,200}") {
        let rules = RuleSet::builtin().expect("valid pack");
        let first = factlint::check_text(&text, &rules);
        let second = factlint::check_text(&text, &rules);
        prop_assert_eq!(&first.findings, &second.findings);
        for f in &first.findings {
            prop_assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }
}
