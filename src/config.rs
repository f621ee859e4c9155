//! `.factlint.yml`: rule packs, per-rule overrides, include/exclude globs, `fail-on` and
//! line ignores for plain text. Found from each file's folder upward, or named with
//! `--config`. Unknown keys, rule ids and options are errors that point into the file.

use crate::rules::yaml::{self, Spanned};
use crate::rules::{RuleSet, RulesError, Severity};
use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{Report, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file names a configuration may have, in order of preference.
pub const CONFIG_NAMES: [&str; 2] = [".factlint.yml", ".factlint.yaml"];

/// Overrides for one rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleOverride {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    #[serde(default)]
    pub options: BTreeMap<String, Spanned<f64>>,
}

/// Findings to ignore in one file: all of them, or those on one line, of some rules or all.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IgnoreEntry {
    /// The file, relative to the configuration's folder.
    pub path: String,
    /// A 1-based line; absent means the whole file.
    pub line: Option<usize>,
    /// Rule ids; empty means every rule.
    #[serde(default)]
    pub rules: Vec<String>,
}

/// The configuration file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Folders of extra rules, relative to the configuration's folder.
    #[serde(default)]
    pub packs: Vec<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, Spanned<RuleOverride>>,
    /// Globs of files to check when walking folders (default: every article file).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip when walking folders.
    #[serde(default)]
    pub exclude: Vec<String>,
    pub fail_on: Option<Severity>,
    #[serde(default)]
    pub ignore: Vec<IgnoreEntry>,
    /// The language of the articles ("en").
    pub language: Option<String>,
}

/// A loaded configuration: its rules, globs and ignores resolved.
#[derive(Debug)]
pub struct Config {
    /// The file it came from (`None` for the built-in defaults).
    pub path: Option<PathBuf>,
    /// The folder relative paths are resolved against.
    pub root: PathBuf,
    pub rules: RuleSet,
    pub fail_on: Option<Severity>,
    pub language: Option<String>,
    include: Option<GlobSet>,
    exclude: GlobSet,
    ignore: Vec<IgnoreEntry>,
}

fn problem(message: String) -> RulesError {
    RulesError { problems: vec![Report::msg(message)] }
}

impl Config {
    /// The built-in rules with `extra_packs`, and no configuration file.
    pub fn defaults(root: &Path, extra_packs: &[PathBuf]) -> Result<Config, RulesError> {
        let mut rules = RuleSet::builtin()?;
        for pack in extra_packs {
            rules.add_dir(pack)?;
        }
        Ok(Config {
            path: None,
            root: root.to_path_buf(),
            rules,
            fail_on: None,
            language: None,
            include: None,
            exclude: GlobSet::empty(),
            ignore: Vec::new(),
        })
    }

    /// Loads the configuration at `path`, adding `extra_packs` (from the command line).
    pub fn load(path: &Path, extra_packs: &[PathBuf]) -> Result<Config, RulesError> {
        let name = path.display().to_string();
        let bytes =
            crate::input::read_settings(path).map_err(|e| problem(format!("the configuration: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            problem(format!("{name} is not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))
        })?;
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            yaml::from_str(&text, &name).map_err(|report| RulesError { problems: vec![report] })?
        };
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let invalid = |message: String, span: Option<SourceSpan>, label: &str, help: Option<String>| {
            RulesError { problems: vec![yaml::invalid(&text, &name, message, span, label, help)] }
        };
        let mut rules = RuleSet::builtin()?;
        for pack in &file.packs {
            let dir = root.join(pack);
            if dir.canonicalize().ok() == root.canonicalize().ok() && !has_rule_files(&dir) {
                return Err(invalid(
                    format!("pack `{pack}` is the configuration's own folder and holds no rules"),
                    None,
                    "",
                    Some("name a folder of rule files".into()),
                ));
            }
            rules.add_dir(&dir)?;
        }
        for pack in extra_packs {
            rules.add_dir(pack)?;
        }
        for (id, overrides) in &file.rules {
            let known: Vec<String> = rules.rules().iter().map(|r| r.id.clone()).collect();
            let Some(rule) = rules.get_mut(id) else {
                return Err(invalid(
                    format!("no rule `{id}` to configure"),
                    yaml::span_of(overrides),
                    "unknown rule",
                    Some(format!("rules: {}", known.join(", "))),
                ));
            };
            let o = &overrides.value;
            if let Some(enabled) = o.enabled {
                rule.enabled = enabled;
            }
            if let Some(severity) = o.severity {
                rule.severity = severity;
            }
            for (key, value) in &o.options {
                let valid: Vec<&str> = rule.kind.options().iter().map(|s| s.name).collect();
                if !valid.contains(&key.as_str()) {
                    return Err(invalid(
                        format!("unknown option `{key}` for rule `{id}`"),
                        yaml::span_of(value),
                        "unknown option",
                        Some(format!("options of `{id}`: {}", valid.join(", "))),
                    ));
                }
                if !value.value.is_finite() || value.value < 0.0 {
                    return Err(invalid(
                        format!("option `{key}` must be a finite number of zero or more"),
                        yaml::span_of(value),
                        "not allowed",
                        None,
                    ));
                }
                rule.options.insert(key.clone(), value.value);
            }
        }
        let globs = |patterns: &[String]| -> Result<GlobSet, RulesError> {
            let mut builder = GlobSetBuilder::new();
            for p in patterns {
                let glob = Glob::new(p).map_err(|e| problem(format!("{name}: bad glob `{p}`: {e}")))?;
                builder.add(glob);
            }
            builder.build().map_err(|e| problem(format!("{name}: {e}")))
        };
        if let Some(language) = &file.language {
            let known: Vec<String> = rules.languages.all().iter().map(|l| l.language.clone()).collect();
            if !rules.languages.all().iter().any(|l| l.speaks(language)) {
                return Err(invalid(
                    format!("no lexicon for the language `{language}`"),
                    None,
                    "",
                    Some(format!(
                        "languages: {}; a pack adds one with lexicon/<language>.yml",
                        known.join(", ")
                    )),
                ));
            }
            rules.language = Some(language.clone());
        }
        let include = if file.include.is_empty() { None } else { Some(globs(&file.include)?) };
        let exclude = globs(&file.exclude)?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            root,
            rules,
            fail_on: file.fail_on,
            language: file.language,
            include,
            exclude,
            ignore: file.ignore,
        })
    }

    /// The configuration file that governs files in `dir`: the nearest `.factlint.yml` in it
    /// or a folder above it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let mut current = Some(dir);
        while let Some(d) = current {
            for name in CONFIG_NAMES {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
            current = d.parent();
        }
        None
    }

    fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Whether a file met while walking a folder is to be checked.
    pub fn wants(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        let included = self.include.as_ref().is_none_or(|g| g.is_match(rel));
        included && !self.exclude.is_match(rel)
    }

    /// The `(line, rules)` ignores for `path` (line `None`: the whole file; rules empty: all).
    pub fn ignores_for(&self, path: &Path) -> Vec<(Option<usize>, Vec<String>)> {
        let rel = self.relative(path);
        self.ignore
            .iter()
            .filter(|e| Path::new(&e.path) == rel || Path::new(e.path.trim_start_matches("./")) == rel)
            .map(|e| (e.line, e.rules.clone()))
            .collect()
    }
}

fn has_rule_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let p = e.path();
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            !hidden && p.extension().is_some_and(|x| x == "yml" || x == "yaml")
        })
    })
}
