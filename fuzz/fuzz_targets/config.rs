//! `.factlint.yml` on arbitrary text: the YAML reader into the configuration schema and the
//! rendering of its error report; a file that parses is then loaded for real
//! (`Config::load`: packs, rule overrides, options, globs) from a scratch folder.
#![no_main]

use factlint::config::{Config, ConfigFile};
use factlint::report::human::{Style, render_error};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("factlint-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let style = Style { color: false, width: 80 };
    match factlint::rules::yaml::from_str::<ConfigFile>(text, ".factlint.yml") {
        Ok(file) => {
            let _ = format!("{file:?}");
            let path = scratch().join(".factlint.yml");
            std::fs::write(&path, text).expect("write the configuration");
            match Config::load(&path, &[]) {
                Ok(config) => {
                    let story = scratch().join("story.txt");
                    let _ = config.wants(&story);
                    let _ = config.ignores_for(&story);
                }
                Err(e) => {
                    for problem in &e.problems {
                        let _ = render_error(problem, style);
                    }
                }
            }
        }
        Err(report) => {
            let _ = render_error(&report, style);
        }
    }
});
