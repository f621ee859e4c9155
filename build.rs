//! Embeds the shipped rule pack (`rules/*.yml`) and lexicons (`rules/lexicon/*.yml`) into the
//! binary. Lexicons are embedded as JSON: they are read on every start, and JSON reads many
//! times faster than YAML (a shipped lexicon that does not read is a build error).

use std::fmt::Write as _;
use std::path::Path;

/// The `*.yml` / `*.yaml` files of `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Writes `OUT_DIR/out` holding a Rust slice expression of (path, text) for the files of `dir`
/// (named `prefix/<file name>`).
fn embed(dir: &Path, prefix: &str, out: &str) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut code = String::from("&[\n");
    for path in yaml_files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(code, "    (\"{prefix}/{name}\", include_str!({:?})),", path.display().to_string());
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out);
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// Writes `OUT_DIR/embedded_lexicons.rs`: (path, JSON) for each lexicon file of `dir`.
fn embed_as_json(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut code = String::from("&[\n");
    for path in yaml_files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{} does not read: {e}", path.display()));
        let _ = writeln!(code, "    (\"rules/lexicon/{name}\", {:?}),", value.to_string());
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_lexicons.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    embed(&root, "rules", "embedded_rules.rs");
    embed_as_json(&root.join("lexicon"));
}
