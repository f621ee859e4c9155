//! Rule-pack loading on arbitrary text: the YAML reader, schema and validation, the duplicate-id
//! check, rendering the error report, and, for a rule that loads, running its examples.
#![no_main]

use factlint::report::human::{Style, render_error};
use factlint::rules::{RuleSet, parse_rule, run_examples};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let style = Style { color: false, width: 80 };
    match parse_rule(text, "fuzz.yml") {
        Ok(rule) => {
            let mut set = RuleSet::default();
            let files =
                [("a.yml".to_string(), Ok(text.to_string())), ("b.yml".to_string(), Ok(text.to_string()))];
            let err = set.add_files(files).expect_err("the same rule twice is a duplicate id");
            for problem in &err.problems {
                let _ = render_error(problem, style);
            }
            let mut set = RuleSet::default();
            set.add_files([("a.yml".to_string(), Ok(text.to_string()))]).expect("parsed once, loads");
            assert_eq!(set.rules().len(), 1);
            assert_eq!(set.rules()[0].id, rule.id);
            let _ = run_examples(&set);
        }
        Err(report) => {
            let _ = render_error(&report, style);
        }
    }
});
