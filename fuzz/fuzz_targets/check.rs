//! The whole pipeline on arbitrary bytes, read as plain text, Markdown and HTML: decoding,
//! reading, scanning, patterns, every built-in rule and suppressions. A panic anywhere is a
//! crash (libFuzzer's panic hook aborts even inside `check_source`'s `catch_unwind`), and so is
//! a finding whose span does not map into the original file on character boundaries.
#![no_main]

use factlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut set = RuleSet::builtin().expect("the shipped pack is valid");
        // Every rule on, so that disabled-by-default checks are fuzzed too.
        let ids: Vec<String> = set.rules().iter().map(|r| r.id.clone()).collect();
        for id in ids {
            if let Some(rule) = set.get_mut(&id) {
                rule.enabled = true;
            }
        }
        set
    })
}

fuzz_target!(|data: &[u8]| {
    for name in ["story.txt", "story.md", "story.html"] {
        let Ok(text) = factlint::input::decode(name, data) else { return };
        let result = factlint::check_source(name, text, rules());
        let file = match result.outcome {
            Ok(file) => file,
            Err(message) => panic!("{message}"),
        };
        let source = &file.source;
        let document = &file.checked.article.document;
        let checked = &document.text;
        for f in &file.checked.findings {
            let spans = std::iter::once(f.span).chain(f.labels.iter().map(|l| l.span));
            for span in spans {
                let original = if f.in_original {
                    span
                } else {
                    assert!(span.end <= checked.len(), "{name}: {span:?} outside the checked text");
                    assert!(
                        checked.is_char_boundary(span.start) && checked.is_char_boundary(span.end),
                        "{name}: {span:?} splits a char of the checked text"
                    );
                    document.span_to_original(span)
                };
                assert!(
                    original.start <= original.end && original.end <= source.len(),
                    "{name}: {span:?} maps to {original:?}, outside {} bytes",
                    source.len()
                );
                assert!(
                    source.is_char_boundary(original.start) && source.is_char_boundary(original.end),
                    "{name}: {span:?} maps to {original:?}, which splits a char of the file"
                );
            }
        }
    }
});
