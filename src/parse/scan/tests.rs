//! Table-driven tests of the quantity grammar.

use super::scan;
use crate::parse::quantity::{Form, Qualifier, Unit};

/// (figure text, unit, value, written low, written high)
type Expected<'a> = (&'a str, Unit, f64, f64, f64);

fn check(text: &str, expected: &[Expected<'_>]) {
    let found = scan(text);
    let got: Vec<(String, Unit, f64, f64, f64)> = found
        .iter()
        .map(|q| (q.span.slice(text).to_string(), q.unit, q.value, q.written.low, q.written.high))
        .collect();
    assert_eq!(got.len(), expected.len(), "in {text:?}: got {got:#?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g.0, e.0, "text in {text:?}");
        assert_eq!(g.1, e.1, "unit of {:?} in {text:?}", e.0);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(g.2, e.2), "value of {:?}: {} vs {}", e.0, g.2, e.2);
        assert!(
            close(g.3, e.3) && close(g.4, e.4),
            "interval of {:?}: [{}, {}] vs [{}, {}]",
            e.0,
            g.3,
            g.4,
            e.3,
            e.4
        );
    }
}

fn units(text: &str) -> Vec<(String, Unit)> {
    scan(text).iter().map(|q| (q.span.slice(text).to_string(), q.unit)).collect()
}

#[test]
fn integers_decimals_and_signs() {
    use Unit::*;
    let cases: &[(&str, &[Expected<'_>])] = &[
        ("There are 22,000 workers.", &[("22,000", Count, 22_000.0, 21_500.0, 22_500.0)]),
        ("A total of 22,431 votes.", &[("22,431", Count, 22_431.0, 22_430.5, 22_431.5)]),
        ("Some 1,234,567 people.", &[("Some 1,234,567", Count, 1_234_567.0, 1_234_566.5, 1_234_567.5)]),
        ("It was 0.1 higher.", &[("0.1", Count, 0.1, 0.05, 0.15)]),
        ("The temperature was −3.5 at dawn.", &[("−3.5", Count, -3.5, -3.55, -3.45)]),
        ("The balance was +44 today.", &[("+44", Count, 44.0, 43.5, 44.5)]),
        ("Only 7 came.", &[("7", Count, 7.0, 6.5, 7.5)]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn magnitudes() {
    use Unit::*;
    let cases: &[(&str, &[Expected<'_>])] = &[
        ("It has 1.5 million residents.", &[("1.5 million", Count, 1.5e6, 1.45e6, 1.55e6)]),
        ("It cost $280bn last year.", &[("$280bn", Currency, 280e9, 279.5e9, 280.5e9)]),
        ("The city's 8 million residents.", &[("8 million", Count, 8e6, 7.5e6, 8.5e6)]),
        ("Profit was £600m.", &[("£600m", Currency, 600e6, 599.5e6, 600.5e6)]),
        ("Sales of 1.5 mln dlrs.", &[("1.5 mln dlrs", Currency, 1.5e6, 1.45e6, 1.55e6)]),
        ("A 5k run.", &[("5k", Count, 5e3, 4.5e3, 5.5e3)]),
        ("Debts of 3 bln.", &[("3 bln", Count, 3e9, 2.5e9, 3.5e9)]),
        ("Exports of 2tn yuan.", &[("2tn yuan", Currency, 2e12, 1.5e12, 2.5e12)]),
        ("A 10m wall.", &[]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn number_words_and_fractions() {
    use Unit::*;
    let cases: &[(&str, &[Expected<'_>])] = &[
        (
            "There were twenty-two thousand fans.",
            &[("twenty-two thousand", Count, 22_000.0, 21_500.0, 22_500.0)],
        ),
        ("She bought a dozen eggs.", &[("a dozen", Count, 12.0, 11.0, 13.0)]),
        ("Only nine voted.", &[("nine", Count, 9.0, 8.5, 9.5)]),
        ("About a hundred came.", &[("About a hundred", Count, 100.0, 50.0, 150.0)]),
        ("Half of them left.", &[("Half", Ratio, 0.5, 0.475, 0.525)]),
        (
            "Two-thirds of voters agreed.",
            &[("Two-thirds", Ratio, 2.0 / 3.0, 2.0 / 3.0 - 0.025, 2.0 / 3.0 + 0.025)],
        ),
        ("Three-quarters agreed.", &[("Three-quarters", Ratio, 0.75, 0.725, 0.775)]),
        ("A third of homes.", &[("A third", Ratio, 1.0 / 3.0, 1.0 / 3.0 - 0.025, 1.0 / 3.0 + 0.025)]),
        ("One in five adults smoke.", &[("One in five", Ratio, 0.2, 0.15, 0.25)]),
        ("4 in 10 people agree.", &[("4 in 10", Ratio, 0.4, 0.35, 0.45)]),
        ("1 out of 3 homes.", &[("1 out of 3", Ratio, 1.0 / 3.0, 1.0 / 3.0 - 0.05, 1.0 / 3.0 + 0.05)]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn percents_and_points() {
    use Unit::*;
    let cases: &[(&str, &[Expected<'_>])] = &[
        ("It fell 40%.", &[("40%", Percent, 40.0, 39.5, 40.5)]),
        ("It is 0.1% of the total.", &[("0.1%", Percent, 0.1, 0.05, 0.15)]),
        ("It rose 5 percent.", &[("5 percent", Percent, 5.0, 4.5, 5.5)]),
        ("It rose 5 per cent.", &[("5 per cent", Percent, 5.0, 4.5, 5.5)]),
        ("Output rose 3.2 pct in May.", &[("3.2 pct", Percent, 3.2, 3.15, 3.25)]),
        ("Support rose 5 percentage points.", &[("5 percentage points", Points, 5.0, 4.5, 5.5)]),
        ("Up 2pp on the year.", &[("2pp", Points, 2.0, 1.5, 2.5)]),
        ("A rise of 3 pts.", &[("3 pts", Points, 3.0, 2.5, 3.5)]),
        ("Inflation was forty percent.", &[("forty percent", Percent, 40.0, 39.5, 40.5)]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn currencies() {
    let cases: &[(&str, f64, &str)] = &[
        ("It cost $5.", 5.0, "USD"),
        ("It cost €12.50.", 12.5, "EUR"),
        ("It cost £3.", 3.0, "GBP"),
        ("It cost ¥300.", 300.0, "JPY"),
        ("It cost US$7.", 7.0, "USD"),
        ("It cost A$7.", 7.0, "AUD"),
        ("It cost HK$7.", 7.0, "HKD"),
        ("It cost 40 dollars.", 40.0, "USD"),
        ("It cost 40 euros.", 40.0, "EUR"),
        ("It cost 40 pounds.", 40.0, "GBP"),
        ("It cost 40 yuan.", 40.0, "CNY"),
        ("It cost USD 40.", 40.0, "USD"),
        ("It cost 40 EUR.", 40.0, "EUR"),
        ("It cost CNY 40.", 40.0, "CNY"),
    ];
    for (text, value, code) in cases {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].unit, Unit::Currency, "{text}");
        assert_eq!(found[0].value, *value, "{text}");
        assert_eq!(found[0].currency, Some(*code), "{text}");
    }
}

#[test]
fn things_that_are_not_amounts() {
    let cases: &[(&str, &[(&str, Unit)])] = &[
        ("It happened in 2019.", &[("2019", Unit::Year)]),
        ("It will be done by 2025.", &[("2025", Unit::Year)]),
        ("Between 2016–2018 it grew.", &[("2016–2018", Unit::Year)]),
        ("From 2016-2018 it grew.", &[("2016-2018", Unit::Year)]),
        ("On March 5 it rained.", &[]),
        ("On 5 March 2020 it rained.", &[("2020", Unit::Year)]),
        ("It was 5/3/2020.", &[]),
        ("Doors open at 9:30 sharp.", &[]),
        ("Doors open at 10 a.m. sharp.", &[]),
        ("He came 1st and she came third.", &[]),
        ("United won 3-1 at home.", &[("3-1", Unit::Score)]),
        ("They drew 2–0 last week.", &[("2–0", Unit::Score)]),
        ("Call 555-1234 now.", &[]),
        ("Call 020 7946 0958 now.", &[]),
        ("Call +44 20 7946 0958 now.", &[]),
        ("The COVID-19 crisis and the A380 jet.", &[]),
        (
            "Fly a Boeing 737 to see No. 10 and Article 50.",
            &[("737", Unit::Identifier), ("10", Unit::Identifier), ("50", Unit::Identifier)],
        ),
        ("A 5G network in the 1990s.", &[]),
        ("Version 4.1.2 is out.", &[]),
        ("Ping 192.168.1.2 or update to 4.1.2.7 today.", &[]),
        ("It took 10 years.", &[("10 years", Unit::Duration)]),
        ("A 45-year-old man.", &[("45-year-old", Unit::Duration)]),
    ];
    for (text, expected) in cases {
        let got = units(text);
        let amounts: Vec<_> = got.iter().filter(|(_, u)| u.is_amount()).collect();
        assert!(amounts.is_empty(), "{text:?}: no amount expected, got {amounts:?}");
        for (t, u) in *expected {
            assert!(got.contains(&(t.to_string(), *u)), "{text:?}: expected {t:?} as {u:?}, got {got:?}");
        }
    }
}

#[test]
fn ranges() {
    let found = scan("Between 10 and 20 people came.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].form, Form::Range);
    assert_eq!((found[0].written.low, found[0].written.high), (9.5, 20.5));

    let found = scan("Prices rose 10-20% this year.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].unit, Unit::Percent);
    assert_eq!((found[0].written.low, found[0].written.high), (9.5, 20.5));

    let found = scan("Some 10 to 20 people came.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].form, Form::Range);

    // "from 10 to 20" is a change, "rose 5% to 31%" two figures.
    assert_eq!(scan("It rose from 10 to 20.").len(), 2);
    assert_eq!(scan("It rose 5% to 31%.").len(), 2);
}

#[test]
fn qualifiers() {
    let cases: &[(&str, Qualifier)] = &[
        ("about 40%", Qualifier::Approximately),
        ("around 40%", Qualifier::Approximately),
        ("roughly 40%", Qualifier::Approximately),
        ("approximately 40%", Qualifier::Approximately),
        ("some 40 people", Qualifier::Approximately),
        ("~40%", Qualifier::Approximately),
        ("nearly 40%", Qualifier::Nearly),
        ("almost 40%", Qualifier::Nearly),
        ("over 40%", Qualifier::Over),
        ("more than 40%", Qualifier::Over),
        ("above 40%", Qualifier::Over),
        ("exceeding 40%", Qualifier::Over),
        ("under 40%", Qualifier::Under),
        ("less than 40%", Qualifier::Under),
        ("below 40%", Qualifier::Under),
        ("fewer than 40 people", Qualifier::Under),
        ("at least 40%", Qualifier::AtLeast),
        ("at most 40%", Qualifier::AtMost),
        ("up to 40%", Qualifier::AtMost),
        ("just over 40%", Qualifier::JustOver),
        ("just under 40%", Qualifier::Nearly),
    ];
    for (text, qualifier) in cases {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].qualifier, *qualifier, "{text}");
        assert_eq!(
            found[0].span.slice(text),
            text.trim_end_matches(" people"),
            "the span covers the qualifier"
        );
    }
    let over = &scan("over 40%")[0];
    assert_eq!(over.interval().low, 39.5);
    assert!(over.interval().high.is_infinite());
}

#[test]
fn lists_of_digits_are_separate_numbers() {
    let found = scan("1,2,3,4");
    assert!(found.iter().all(|q| q.value < 5.0), "{found:?}");
}

#[test]
fn long_runs_are_linear_and_safe() {
    let digits = "9".repeat(100_000);
    assert!(scan(&digits).is_empty());
    let many = "1 ".repeat(50_000);
    assert_eq!(scan(&many).len(), 50_000);
}

#[test]
fn mixed_numbers_fractions_of_scales_and_decimals_in_words() {
    use Unit::*;
    let cases: &[(&str, &str, Unit, f64)] = &[
        ("There were two and a half million cars.", "two and a half million", Count, 2.5e6),
        ("It took three and a half years.", "three and a half years", Duration, 3.5),
        ("Some 14 and a half million viewers.", "Some 14 and a half million", Count, 14.5e6),
        ("He paid half a million dollars.", "half a million dollars", Currency, 5e5),
        ("Nearly a quarter of a million people.", "Nearly a quarter of a million", Count, 2.5e5),
        ("A half-dozen sats.", "A half-dozen", Count, 6.0),
        ("It grew by one point three per cent.", "one point three per cent", Percent, 1.3),
        ("Staff get one eightieth of their salary.", "one eightieth", Ratio, 1.0 / 80.0),
        ("One hundred and three quarters.", "One hundred and three quarters", Count, 100.75),
        ("Ninety-five hundred came.", "Ninety-five hundred", Count, 9500.0),
        ("He counted 4 thousand 3 hundred and 21.", "4 thousand 3 hundred and 21", Count, 4321.0),
        ("It cost 13 lakh rupees.", "13 lakh rupees", Currency, 1.3e6),
        ("The total was three lakh crore.", "three lakh crore", Count, 3e12),
        ("A weight of 1.3e6 tonnes.", "1.3e6", Count, 1.3e6),
        ("She is 3½ now.", "3½", Count, 3.5),
        ("About 1/4 of voters agreed.", "About 1/4", Ratio, 0.25),
        ("Temperatures fell to minus 20 degrees.", "minus 20", Count, -20.0),
    ];
    for (text, figure, unit, value) in cases {
        let found = scan(text);
        let q = found.iter().find(|q| q.span.slice(text) == *figure);
        let q = q.unwrap_or_else(|| panic!("{text:?}: no {figure:?} in {found:#?}"));
        assert_eq!(q.unit, *unit, "{text:?}");
        assert!((q.value - value).abs() <= 1e-9 * value.abs().max(1.0), "{text:?}: {} vs {value}", q.value);
    }
}

#[test]
fn words_that_are_not_figures() {
    let none: &[&str] = &[
        "It was the one he wanted.",
        "They help one another.",
        "It rose plus or minus two points of error.",
        "The 7E7 is a plane.",
        "It was lower than 2003's loss.",
        "A 1650-pound satellite.",
        "Go to www.example.com/?q=30%25%2020% now.",
    ];
    for text in none {
        let amounts: Vec<_> = units(text).into_iter().filter(|(_, u)| u.is_amount()).collect();
        let bad: Vec<_> =
            amounts.iter().filter(|(t, _)| !(text.contains("plus or minus") && t == "two points")).collect();
        assert!(bad.is_empty(), "{text:?}: {amounts:?}");
    }
    // "<" opening a ticker is no bound.
    assert!(scan("<Four Seasons Hotels> said").iter().all(|q| q.qualifier == Qualifier::Exact));
    assert!(scan("Boeing Co <BA> 767 jets").iter().all(|q| q.qualifier == Qualifier::Exact));
    // "50 Cent" is a rapper, not half a dollar.
    assert!(scan("Rapper 50 Cent sang.").iter().all(|q| q.unit != Unit::Currency));
    // "six quarters" is a span of time, never a ratio of 1.5.
    assert!(scan("Profit fell for six quarters.").iter().all(|q| q.unit != Unit::Ratio));
    // "plus or minus two points" is a margin: never a negative figure.
    assert!(scan("plus or minus two points").iter().all(|q| q.value > 0.0));
}

#[test]
fn bounds_and_ranges() {
    let cases: &[(&str, &str, Qualifier, f64, f64)] = &[
        ("Aged 65 or over have tried it.", "65 or over", Qualifier::AtLeast, 64.5, f64::INFINITY),
        ("It will not exceed 29 vehicles.", "exceed 29", Qualifier::AtMost, f64::NEG_INFINITY, 29.5),
        ("When x >= 30 it holds.", ">= 30", Qualifier::AtLeast, 29.5, f64::INFINITY),
        ("Scores higher than 85 percent.", "higher than 85 percent", Qualifier::Over, 84.5, f64::INFINITY),
        (
            "It is more than 10 and less than 20.",
            "more than 10 and less than 20",
            Qualifier::Exact,
            9.5,
            20.5,
        ),
        ("At most 100 and at least 20 apples.", "At most 100 and at least 20", Qualifier::Exact, 19.5, 100.5),
        ("The range is 20 through 100.", "20 through 100", Qualifier::Exact, 19.5, 100.5),
        ("The range is 1013 – 5027.", "1013 – 5027", Qualifier::Exact, 1012.5, 5027.5),
        (
            "Between two and three billion dlrs.",
            "Between two and three billion dlrs",
            Qualifier::Exact,
            1.5e9,
            3.5e9,
        ),
        (
            "Between 700,000 and one million.",
            "Between 700,000 and one million",
            Qualifier::Exact,
            695_000.0,
            1.5e6,
        ),
        ("It paid 25 to 50 cts a share.", "25 to 50 cts", Qualifier::Exact, 0.245, 0.505),
    ];
    for (text, figure, qualifier, low, high) in cases {
        let found = scan(text);
        let q = found.iter().find(|q| q.span.slice(text) == *figure);
        let q = q.unwrap_or_else(|| panic!("{text:?}: no {figure:?} in {found:#?}"));
        assert_eq!(q.qualifier, *qualifier, "{text:?}");
        let i = q.interval();
        let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(i.low, *low) && close(i.high, *high), "{text:?}: [{}, {}]", i.low, i.high);
    }
    // Inconsistent bounds stay apart; "from X to Y" stays two figures (a change).
    assert!(scan("More than 40 and less than 10 are two ranges").iter().all(|q| q.form != Form::Range));
    assert_eq!(scan("It rose from one thousand to one thousand and five hundred.").len(), 2);
}

#[test]
fn money_in_many_forms() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("The dividend is 26 cts a share.", "26 cts", 0.26, "USD"),
        ("Shares closed at 197 pence.", "197 pence", 1.97, "GBP"),
        ("It cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        (
            "It cost thirteen dollars and forty-five cents.",
            "thirteen dollars and forty-five cents",
            13.45,
            "USD",
        ),
        ("Banknotes of 10 € each.", "10 €", 10.0, "EUR"),
        ("It cost 100元!", "100元", 100.0, "CNY"),
        ("It cost USD115.", "USD115", 115.0, "USD"),
        ("It cost 115USD.", "115USD", 115.0, "USD"),
        ("They lost 75 USD million.", "75 USD million", 75e6, "USD"),
        ("Losses of 30 MUSD.", "30 MUSD", 30e6, "USD"),
        ("It cost HK$7.", "HK$7", 7.0, "HKD"),
        ("It cost 420 million finnish markka.", "420 million finnish markka", 420e6, "FIM"),
        ("A 12-cent-a-share dividend.", "12-cent", 0.12, "USD"),
        ("It holds ₿21,000,000.", "₿21,000,000", 21e6, "BTC"),
    ];
    for (text, figure, value, code) in cases {
        let found = scan(text);
        let q = found.iter().find(|q| q.span.slice(text) == *figure);
        let q = q.unwrap_or_else(|| panic!("{text:?}: no {figure:?} in {found:#?}"));
        assert_eq!(q.unit, Unit::Currency, "{text:?}");
        assert_eq!(q.currency, Some(*code), "{text:?}");
        assert!((q.value - value).abs() <= 1e-9 * value.max(1.0), "{text:?}: {}", q.value);
    }
    // "us $" in lower case is the pronoun: the span starts at the sign.
    let text = "China lent us $1.4 trillion.";
    assert_eq!(scan(text)[0].span.slice(text), "$1.4 trillion");
}

#[test]
fn ordinals_only_with_scan_all() {
    use super::scan_all;
    let text = "The twenty-first and 3rd races, one hundred twenty fifth, and a trillionth.";
    assert!(scan(text).iter().all(|q| q.unit != Unit::Ordinal));
    let ordinals: Vec<(String, f64)> = scan_all(text)
        .iter()
        .filter(|q| q.unit == Unit::Ordinal)
        .map(|q| (q.span.slice(text).to_string(), q.value))
        .collect();
    assert_eq!(
        ordinals,
        vec![
            ("twenty-first".to_string(), 21.0),
            ("3rd".to_string(), 3.0),
            ("one hundred twenty fifth".to_string(), 125.0)
        ]
    );
}

#[test]
fn range_bounds_give_both_ends() {
    let text = "Between 1.5 and 2 million people.";
    let q = &scan(text)[0];
    assert_eq!(super::range_bounds(text, q), Some((1.5e6, 2e6)));
}

#[test]
fn odd_text_never_panics_and_spans_stay_on_boundaries() {
    use super::scan_all;
    let pieces = [
        "1", "22", ",", ".", "-", "−", "+", "%", "$", "€", "£", "元", "ரூ", "½", "¾", "x10^", "^", "e", " ",
        "\u{a0}", "\u{202f}", "\n", "one", "twenty", "-first", "half", "a", "and", "minus", "over", "than",
        "or more", ">", "<", "=", "million", "bn", "USD", "cents", "pct", "per cent", "/", "4", "of",
        "between", "to", "é", "“",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        let mut text = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let len = 1 + (state % 12) as usize;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        for q in scan_all(&text) {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end), "{text:?}");
            assert!(q.value.is_finite() && q.written.low <= q.written.high, "{text:?}: {q:?}");
        }
    }
}

#[test]
fn letters_at_counts_ascii_letters_only() {
    for text in [
        "",
        "a",
        "abc def",
        "ABCDEFGHIJ",
        "abcdefgh",
        "abcdefghijklmnopq1",
        "ab@[`{z",
        "café",
        "x\u{e9}y",
        "Zz_",
    ] {
        let bytes = text.as_bytes();
        for pos in 0..bytes.len() {
            let expected = bytes[pos..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(super::letters_at(bytes, pos), expected, "{text:?} at {pos}");
        }
    }
    for b in 0..=255u8 {
        let bytes = [b'a', b, b'a', b'a', b'a', b'a', b'a', b'a', b'a'];
        let expected = 1 + usize::from(b.is_ascii_alphabetic()) * 8;
        assert_eq!(super::letters_at(&bytes, 0), expected, "byte {b:#x}");
    }
}

#[test]
fn word_keys_pack_the_leading_letters_lower_cased() {
    // The key as one letter at a time builds it.
    let by_letters = |bytes: &[u8]| -> Option<(u128, usize)> {
        let len = bytes.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let key = bytes[..len].iter().fold(0u128, |k, c| k << 8 | u128::from(c.to_ascii_lowercase()));
        (1..=16).contains(&len).then_some((key, len))
    };
    let words =
        ["a", "In", "ABOUT", "percentage", "sixteenLettersXY", "seventeenLettersX", "é", "1", "", "x-y"];
    for word in words {
        for tail in ["", " ", "s more text after it", ".", "é and more after"] {
            let text = format!("{word}{tail}");
            assert_eq!(super::word_key(text.as_bytes()), by_letters(text.as_bytes()), "{text:?}");
        }
    }
}

#[test]
fn word_heads_are_the_length_and_second_letter() {
    let words = [
        "a",
        "In",
        "ABOUT",
        "percent",
        "sevennn",
        "eightABC",
        "ninelongs",
        "fifteenLettersX",
        "sixteenLettersXY",
        "seventeenLettersZ",
        "x-y",
        "Zo",
    ];
    for word in words {
        // Short tails and long ones: the word read from eight bytes, sixteen, or byte by byte.
        for tail in ["", " ", "s", ".5", "é", "1", "\n", " and the words after it", "s, then more words"] {
            let text = format!("{word}{tail}");
            let bytes = text.as_bytes();
            let len = bytes.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let second = if len > 1 { bytes[1].to_ascii_lowercase() } else { 0 };
            assert_eq!(super::word_head(bytes, 0), (len, second), "{text:?}");
            let padded = format!("  {text}");
            assert_eq!(super::word_head(padded.as_bytes(), 2), (len, second), "{padded:?}");
        }
    }
}

/// The text files under `fixtures/`, for tests that compare two ways of reading them.
fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
}

#[test]
fn skipping_start_words_by_what_follows_loses_no_figure() {
    let mut texts = fixture_texts();
    assert!(texts.len() > 20, "the fixtures are read");
    // Every start word before every word that may follow one, and before some that may not.
    for language in ["en", "de"] {
        let lex = crate::parse::lexicon::shipped(language).expect("a shipped lexicon");
        let _active = crate::parse::lexicon::activate(lex);
        let tables = super::tables();
        let firsts = [
            "a", "an", "in", "at", "about", "more", "over", "up", "us", "s", "u", "some", "no", "just",
            "mehr", "rund", "über", "um", "U.S.", "US", "U", "S", "HK", "C", "Rs", "USD", "A", "R", "MUSD",
            "Mex", "close", "less", "slightly", "equal", "upwards", "bis", "weniger", "nicht", "etwas",
        ];
        let seconds = [
            "the",
            "than",
            "million",
            "third",
            "half",
            "dozen",
            "least",
            "excess",
            "to",
            "$5",
            "5",
            "five",
            "record",
            "new",
            "US$",
            "€3",
            "$",
            "$ 5",
            ".S. $5",
            ". $5",
            "D$7",
            "$7",
            "of",
            "point",
            "percent",
            "Prozent",
            "Mio.",
            "fünf",
            "a",
            "an",
            "zweiundzwanzig",
            "Dreihundertfünfzig",
            "hundertzwanzig",
        ];
        let mut generated = String::new();
        for first in firsts {
            for second in seconds {
                for third in ["5", "five", "20%", "people", "$3 million", "fünf Prozent"] {
                    generated.push_str(&format!("{first} {second} {third}. {first}\n{second}  {third}, "));
                }
            }
        }
        texts.push(generated);
        for text in &texts {
            let filtered = format!("{:?}", super::walk(text, true, true));
            let unfiltered = format!("{:?}", super::walk(text, true, false));
            assert_eq!(filtered, unfiltered, "{language}: {}", &text[..text.len().min(200)]);
        }
        assert!(tables.followers.starts(b"than") || language != "en");
    }
}

#[test]
fn list_indexes_offer_every_word_that_matches_whole() {
    use crate::parse::lexicon::{self, Languages};
    let german = Languages::default().resolve(Some("de")).expect("German is shipped");
    for lex in [lexicon::english(), german] {
        let lists: Vec<Vec<&str>> = vec![
            lex.point_words.iter().map(String::as_str).collect(),
            lex.percent_words.iter().map(String::as_str).collect(),
            lex.duration_words.iter().map(String::as_str).collect(),
            lex.currency_after.iter().map(|(w, _)| w.as_str()).collect(),
            lex.currency_hundredths.iter().map(|(w, _)| w.as_str()).collect(),
            lex.currency_million_codes.iter().map(|(w, _)| w.as_str()).collect(),
            lex.bound_suffixes.iter().map(|(w, _)| w.as_str()).collect(),
            lex.qualifiers
                .iter()
                .map(|(w, _)| w.as_str())
                .chain(lex.exact_phrases.iter().map(String::as_str))
                .collect(),
        ];
        for list in &lists {
            let index = super::ListIndex::new(list.iter().copied());
            // Each word of every list, in three cases, alone and before what may follow it.
            let texts: Vec<String> = lists
                .iter()
                .flatten()
                .flat_map(|w| [w.to_string(), w.to_uppercase(), format!("{}s", w.to_lowercase())])
                .flat_map(|w| {
                    [w.clone(), format!("{w} more"), format!("{w}."), format!("{w}-old"), format!("{w}x")]
                })
                .collect();
            for text in &texts {
                let by_scan: Vec<&&str> =
                    list.iter().filter(|w| super::strip_word(text, w).is_some()).collect();
                let by_index: Vec<&&str> =
                    index.at(list, text).filter(|w| super::strip_word(text, w).is_some()).collect();
                assert_eq!(by_index, by_scan, "{text:?} in {list:?}");
            }
        }
    }
}

#[test]
fn general_punctuation_is_no_word_and_starts_no_figure() {
    let tables = super::tables();
    for c in super::GENERAL_PUNCTUATION {
        assert!(!c.is_alphanumeric(), "{c:?}");
        for tail in ["5", "½", " 5", "a"] {
            let text = format!("{c}{tail}");
            assert!(!super::worth_trying(&text, 0, c, tables), "{text:?}");
        }
    }
}

#[test]
fn word_shapes_answer_as_the_keys_do() {
    // Every word start of the fixtures and a few made-up words, in both shipped lexicons: a
    // look-up through the shapes finds what a look-up of the whole key finds.
    let mut texts = fixture_texts();
    texts.push("a A an In ATE Über 5 $5 x-y sixteenLettersXYZ seventeenLettersXY mio Mio. bn pct".into());
    for language in ["en", "de"] {
        let lex = crate::parse::lexicon::shipped(language).expect("a shipped lexicon");
        let _active = crate::parse::lexicon::activate(lex);
        let tables = super::tables();
        let sets = [
            &tables.starts,
            &tables.numeral_starts,
            &tables.standalone,
            &tables.followers,
            &tables.magnitude_words,
            &tables.unit_words,
            &tables.currency_prefix_words,
            &tables.currency_only,
        ];
        let units = &tables.units;
        let lists = [
            &tables.qualifier_index,
            &tables.bound_suffixes,
            &units.points,
            &units.percent,
            &units.million_codes,
            &units.currency_after,
            &units.hundredths,
            &units.durations,
        ];
        let list: Vec<usize> = (0..4096).collect();
        for text in &texts {
            for (at, _) in text.char_indices().filter(|(i, _)| *i == 0 || text.as_bytes()[i - 1] == b' ') {
                let bytes = &text.as_bytes()[at..];
                let key = super::word_key(bytes);
                for set in sets {
                    assert_eq!(
                        set.starts(bytes),
                        key.is_some_and(|(k, _)| set.contains(k)),
                        "{:?}",
                        &text[at..]
                    );
                }
                let followed = key.is_some_and(|(k, _)| {
                    [
                        &tables.followers,
                        &tables.starts,
                        &tables.numeral_starts,
                        &tables.magnitude_words,
                        &tables.unit_words,
                    ]
                    .iter()
                    .any(|set| set.contains(k))
                });
                assert_eq!(tables.follows(bytes), followed, "{:?}", &text[at..]);
                for index in lists {
                    let by_key: Vec<usize> = match key {
                        Some((k, _)) => index.by_key.get(&k).cloned().unwrap_or_default(),
                        None => index.keyless.clone(),
                    };
                    let found: Vec<usize> = index.at(&list, &text[at..]).copied().collect();
                    assert_eq!(found, by_key, "{:?}", &text[at..]);
                }
            }
        }
    }
}

#[test]
fn digits_that_end_plainly_are_no_name_date_or_time() {
    // Wherever the quick test says the digits end plainly, the full reading finds nothing.
    let befores = ["", "in ", "[", "'", "’", "+", "No. ", "am "];
    let digits = ["5", "09", "22", "2019", "1990", "123456", "3", "12"];
    let afters = [
        "",
        " people",
        " am",
        " pm",
        " a.m.",
        " P.M.",
        " Apr",
        " percent",
        " August",
        " st",
        " th",
        ",",
        ", 5",
        ",000",
        "%",
        ")",
        ";",
        " 5",
        " 555 1234",
        "-5/8",
        " 3/4",
        ".",
        ".5",
        ".30 Uhr",
        ". Oktober",
        "th",
        "s",
        ":30",
        "/2020",
        "-03-05",
        "]",
        "am",
        " x",
        " Zoo",
        "’s",
        ". ",
        ".\n",
        ". Die",
        ": ",
        ":",
        " pmx",
        " Pm.",
        " a.m",
        " amid",
        ".s",
    ];
    let mut plain = 0;
    for language in ["en", "de"] {
        let lex = crate::parse::lexicon::shipped(language).expect("a shipped lexicon");
        let _active = crate::parse::lexicon::activate(lex);
        for before in befores {
            for digit in digits {
                for after in afters {
                    let text = format!("{before}{digit}{after}");
                    let start = before.len();
                    if super::ends_plainly(&text, start) {
                        plain += 1;
                        assert!(super::read_not_an_amount(&text, start).is_none(), "{text:?}");
                    }
                }
            }
        }
    }
    assert!(plain > 500, "the quick test answers most: {plain}");
}
