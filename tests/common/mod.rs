//! What the end-to-end tests share: running the built `factlint` binary. Each test crate
//! uses some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The project folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `factlint ARGS` in `dir` with no standard input: (exit code, stdout, stderr).
pub fn factlint_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("factlint runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs `factlint ARGS` in the project folder.
pub fn factlint(args: &[&str]) -> (i32, String, String) {
    factlint_in(&root(), args)
}
