//! Which files to check: the paths given, with folders walked recursively in a stable order,
//! honouring `.gitignore`, `.ignore` and hidden files (the `ignore` crate).

use std::path::{Path, PathBuf};

/// File endings that are articles factlint reads.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "html", "htm", "xhtml"];

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file named on the command line, or met while walking a folder (`walked`).
    File { path: PathBuf, walked: bool },
    /// A path that cannot be checked, with the reason.
    Unreadable { path: PathBuf, reason: String },
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expands `paths` into inputs: `-` is standard input, files are taken as given, folders are
/// walked (sorted by name) for article files.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut out);
        } else if path.exists() {
            out.push(Input::File { path: path.clone(), walked: false });
        } else if let Ok(meta) = std::fs::symlink_metadata(path) {
            let what = if meta.file_type().is_symlink() { "a broken link" } else { "unreadable" };
            out.push(Input::Unreadable {
                path: path.clone(),
                reason: format!("{}: cannot read: {what}", path.display()),
            });
        } else {
            out.push(Input::Unreadable {
                path: path.clone(),
                reason: format!("{}: no such file or folder", path.display()),
            });
        }
    }
    out
}

fn walk(root: &Path, out: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                if is_file && is_article(e.path()) {
                    out.push(Input::File { path: e.path().to_path_buf(), walked: true });
                }
            }
            Err(err) => {
                let path = match &err {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => root.to_path_buf(),
                };
                out.push(Input::Unreadable { path, reason: format!("{}: {err}", root.display()) });
            }
        }
    }
}
