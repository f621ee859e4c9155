//! The quantity grammar on arbitrary text, with each shipped lexicon (English, German): never
//! panics, every figure's span lies inside the text on character boundaries, and every
//! interval holds the value as written; relative ordinals stay inside the text too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lexicon in factlint::parse::lexicon::builtin() {
        let _active = factlint::parse::lexicon::activate(lexicon);
        check(text);
    }
});

fn check(text: &str) {
    for r in factlint::parse::relative::relative_ordinals(text) {
        assert!(r.span.end <= text.len() && text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
    }
    for found in [factlint::parse::scan::scan(text), factlint::parse::scan::scan_all(text)] {
        let mut last_end = 0;
        for q in &found {
            let s = q.span;
            assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} outside {} bytes", text.len());
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "span {s:?} splits a char"
            );
            assert!(s.start >= last_end, "figures overlap or are out of order at {s:?}");
            last_end = s.end;
            assert!(q.value.is_finite(), "non-finite value {q:?}");
            assert!(q.written.contains(q.value), "interval does not hold its value: {q:?}");
            let _ = factlint::parse::scan::range_bounds(text, q);
        }
    }
}
