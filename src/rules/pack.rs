//! Loading rule packs: parse each file, check it against the kinds the engine knows, and
//! report every broken file with a pointer into its YAML.

use super::schema::{Docs, Example, RuleFile, Severity};
use super::yaml::{self, Spanned};
use crate::engine::Kind;
use miette::{Diagnostic, Report, SourceSpan};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

/// A validated rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub severity: Severity,
    pub summary: String,
    pub message: String,
    pub help: Option<String>,
    pub options: BTreeMap<String, f64>,
    pub examples: Vec<Example>,
    pub docs: Docs,
    pub enabled: bool,
    /// The file the rule came from ("rules/change-mismatch.yml" for shipped rules).
    pub origin: String,
    /// The expectation of an `assert` rule.
    pub assertion: Option<Assertion>,
}

/// What an `assert` rule expects of each claim of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Assertion {
    /// The claim kind ("change", "share", "quantity", …).
    pub on: String,
    /// The expression as written.
    pub source: String,
    pub expr: super::expr::Expr,
}

/// The rules of a run, in a stable order (by id).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// The lexicons of the run: the shipped ones as packs extend them.
    pub languages: crate::parse::lexicon::Languages,
    /// The language of articles that do not name theirs (`language:` of the configuration).
    pub language: Option<String>,
}

/// Every problem found while loading rules; each report names its file and place.
#[derive(Debug)]
pub struct RulesError {
    pub problems: Vec<Report>,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s) in rule files", self.problems.len())
    }
}

impl std::error::Error for RulesError {}

/// A problem that is not about one place in a file (a missing folder, an unreadable file).
#[derive(Debug, Diagnostic)]
#[diagnostic(code(factlint::rules::io))]
struct RulesIo {
    message: String,
}

impl fmt::Display for RulesIo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RulesIo {}

fn io_problem(message: String) -> Report {
    Report::new(RulesIo { message })
}

impl RuleSet {
    /// How many rules one run may hold, the shipped pack and every added pack together, unless
    /// the environment variable [`RuleSet::MAX_RULES_VAR`] raises it. Rules are written by hand,
    /// one a file; a pack of thousands is a generated or misplaced folder, and every rule runs
    /// on every file (10,000 copies of one rule print 10,000 findings per figure).
    pub const DEFAULT_MAX_RULES: usize = 1_000;

    /// The environment variable that sets the rule-count limit.
    pub const MAX_RULES_VAR: &'static str = "FACTLINT_MAX_RULES";

    /// The rule-count limit in force: [`RuleSet::MAX_RULES_VAR`] when it holds a whole number,
    /// [`RuleSet::DEFAULT_MAX_RULES`] otherwise.
    pub fn max_rules() -> usize {
        std::env::var(Self::MAX_RULES_VAR)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(Self::DEFAULT_MAX_RULES)
    }

    /// Refuses `more` rules from `what` when they would take the set past the limit.
    fn check_rule_count(&self, more: usize, what: &str) -> Result<(), RulesError> {
        let max = Self::max_rules();
        let total = self.rules.len().saturating_add(more);
        if total <= max {
            return Ok(());
        }
        let var = Self::MAX_RULES_VAR;
        let ignored = match std::env::var(var) {
            Ok(v) if v.trim().parse::<usize>().is_err() => format!(" ({var}=`{v}` is not a whole number)"),
            _ => String::new(),
        };
        Err(RulesError {
            problems: vec![io_problem(format!(
                "{what}: {more} rule file(s) would make {total} rules, over the limit of {max} rules{ignored}; \
                 raise it with the environment variable {var}, e.g. {var}={total}"
            ))],
        })
    }

    /// The pack compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RulesError> {
        let mut set = RuleSet::default();
        set.add_files(
            super::EMBEDDED_RULES.iter().map(|(name, text)| (name.to_string(), Ok(text.to_string()))),
        )?;
        Ok(set)
    }

    /// Adds every `*.yml` / `*.yaml` file of `dir` (not its subfolders) as a pack.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RulesError> {
        let entries = std::fs::read_dir(dir).map_err(|e| RulesError {
            problems: vec![io_problem(format!("cannot read the rules folder {}: {e}", dir.display()))],
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
            // Hidden files (such as a `.factlint.yml` beside the rules) are not rules.
            .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
            .collect();
        paths.sort();
        // A pack may hold rules, a `lexicon/` folder, or both.
        let lexicon = dir.join("lexicon");
        if paths.is_empty() && !lexicon.is_dir() {
            return Err(RulesError {
                problems: vec![io_problem(format!(
                    "the rules folder {} holds no .yml files and no lexicon/ folder",
                    dir.display()
                ))],
            });
        }
        // Counted before any file is read: a folder of thousands of files is refused at once.
        self.check_rule_count(paths.len(), &format!("the rules folder {}", dir.display()))?;
        self.add_lexicons(&lexicon)?;
        let files = paths.into_iter().map(|p| {
            let name = p.display().to_string();
            let text = crate::input::read_settings(&p).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    format!("{name} is not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to())
                })
            });
            (name, text)
        });
        self.add_files(files)
    }

    /// Adds the lexicon files of a pack's `lexicon/` folder (when there is one): each extends
    /// the language it names, or adds a language.
    fn add_lexicons(&mut self, dir: &Path) -> Result<(), RulesError> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for path in paths.into_iter().take(Self::MAX_LEXICON_FILES) {
            let name = path.display().to_string();
            let text = match crate::input::read_settings(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to();
                        problems
                            .push(io_problem(format!("{name} is not UTF-8 (invalid byte at offset {at})")));
                        continue;
                    }
                },
                Err(e) => {
                    problems.push(io_problem(e));
                    continue;
                }
            };
            match crate::parse::lexicon::parse_file(&text, &name) {
                Ok(file) => match file.problem() {
                    None => files.push(file),
                    Some(problem) => problems.push(yaml::invalid(&text, &name, problem, None, "", None)),
                },
                Err(report) => problems.push(report),
            }
        }
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        self.languages.extend(files);
        Ok(())
    }

    /// How many lexicon files one pack may hold.
    const MAX_LEXICON_FILES: usize = 64;

    /// Adds rules from `(name, text)` pairs, collecting every problem before failing.
    pub fn add_files(
        &mut self,
        files: impl IntoIterator<Item = (String, Result<String, String>)>,
    ) -> Result<(), RulesError> {
        let files: Vec<_> = files.into_iter().collect();
        self.check_rule_count(files.len(), "the rule files")?;
        let mut problems = Vec::new();
        let mut added: Vec<Rule> = Vec::new();
        // Where each id is defined, so that a large pack is checked for duplicates in linear time.
        let mut origins: HashMap<String, String> =
            self.rules.iter().map(|r| (r.id.clone(), r.origin.clone())).collect();
        for (name, text) in files {
            match text {
                Ok(text) => {
                    match parse_rule(&text, &name) {
                        Ok(rule) => {
                            if let Some(other) = origins.get(&rule.id) {
                                problems.push(io_problem(format!("{name}: rule id `{}` is already defined in {other}; rule ids must be unique", rule.id)));
                            } else {
                                origins.insert(rule.id.clone(), rule.origin.clone());
                                added.push(rule);
                            }
                        }
                        Err(report) => problems.push(report),
                    }
                }
                Err(message) => problems.push(io_problem(message)),
            }
        }
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        self.rules.extend(added);
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(())
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Rule> {
        self.rules.iter_mut().find(|r| r.id == id)
    }

    pub fn enabled(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.enabled)
    }

    /// A set holding only the rule `id`, enabled: how a rule's examples are run.
    pub fn only(&self, id: &str) -> RuleSet {
        let rules = self.get(id).cloned().map(|mut r| {
            r.enabled = true;
            r
        });
        RuleSet {
            rules: rules.into_iter().collect(),
            languages: self.languages.clone(),
            language: self.language.clone(),
        }
    }
}

/// Parses and validates one rule file.
pub fn parse_rule(text: &str, name: &str) -> Result<Rule, Report> {
    let file: RuleFile = yaml::from_str(text, name)?;
    let invalid = |message: String, at: Option<SourceSpan>, label: &str, help: Option<String>| {
        yaml::invalid(text, name, message, at, label, help)
    };
    let id = &file.id.value;
    if id.is_empty()
        || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
    {
        return Err(invalid(
            format!("rule id `{id}` is not kebab-case"),
            yaml::span_of(&file.id),
            "here",
            Some("use lower-case letters, digits and hyphens, like `change-mismatch`".into()),
        ));
    }
    let kind = Kind::from_name(&file.kind.value).ok_or_else(|| {
        let valid: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        invalid(
            format!("unknown rule kind `{}`", file.kind.value),
            yaml::span_of(&file.kind),
            "unknown kind",
            Some(format!("valid kinds: {}", valid.join(", "))),
        )
    })?;
    let mut options = BTreeMap::new();
    for (key, value) in &file.options {
        let known = kind.options();
        if !known.iter().any(|o| o.name == key) {
            let valid: Vec<&str> = known.iter().map(|o| o.name).collect();
            let help = if valid.is_empty() {
                format!("kind `{}` takes no options", kind.name())
            } else {
                format!("options of kind `{}`: {}", kind.name(), valid.join(", "))
            };
            return Err(invalid(
                format!("unknown option `{key}` for kind `{}`", kind.name()),
                yaml::span_of(value),
                "unknown option",
                Some(help),
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
        options.insert(key.clone(), value.value);
    }
    let assertion = assertion(&file, kind, text, &invalid)?;
    let placeholders: Vec<&str> = match &assertion {
        Some(a) => {
            let mut names: Vec<&str> = crate::engine::assert_fields(&a.on).to_vec();
            names.push("expect");
            names
        }
        None => kind.placeholders().to_vec(),
    };
    let braces = |_: Kind| placeholders.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ");
    check_placeholders(&file.message, &placeholders).map_err(|(bad, at)| {
        invalid(
            format!("unknown placeholder `{{{bad}}}` in message"),
            at,
            "unknown placeholder",
            Some(format!("placeholders of kind `{}`: {}", kind.name(), braces(kind))),
        )
    })?;
    if let Some(help) = &file.help {
        check_placeholders(help, &placeholders).map_err(|(bad, at)| {
            invalid(
                format!("unknown placeholder `{{{bad}}}` in help"),
                at,
                "unknown placeholder",
                Some(format!("placeholders of kind `{}`: {}", kind.name(), braces(kind))),
            )
        })?;
    }
    for (i, example) in file.examples.iter().enumerate() {
        if example.bad.is_some() == example.good.is_some() {
            return Err(invalid(
                format!("example {} must have exactly one of `bad` or `good`", i + 1),
                None,
                "",
                None,
            ));
        }
    }
    Ok(Rule {
        id: id.clone(),
        kind,
        severity: file.severity,
        summary: file.summary,
        message: file.message.value,
        help: file.help.map(|h| h.value),
        options,
        examples: file.examples,
        docs: file.docs,
        enabled: file.enabled,
        origin: name.to_string(),
        assertion,
    })
}

/// Builds the error for an invalid rule: message, place, label, help.
type InvalidFn<'a> = dyn Fn(String, Option<SourceSpan>, &str, Option<String>) -> Report + 'a;

/// The `on` and `expect` of an `assert` rule, parsed and checked against the claim's fields;
/// errors point at the exact column of the expression in the YAML.
fn assertion(
    file: &RuleFile,
    kind: Kind,
    text: &str,
    invalid: &InvalidFn<'_>,
) -> Result<Option<Assertion>, Report> {
    if kind != Kind::Assert {
        if let Some(field) = file.on.as_ref().or(file.expect.as_ref()) {
            return Err(invalid(
                "`on` and `expect` belong to rules of kind `assert`".into(),
                yaml::span_of(field),
                "not used by this kind",
                None,
            ));
        }
        return Ok(None);
    }
    let (Some(on), Some(expect)) = (&file.on, &file.expect) else {
        return Err(invalid(
            "a rule of kind `assert` needs `on` (a claim kind) and `expect` (an expression)".into(),
            yaml::span_of(&file.kind),
            "assert",
            Some(format!("claim kinds: {}", crate::engine::assert_kinds().join(", "))),
        ));
    };
    let Some(fields) = crate::engine::assert_fields_checked(&on.value) else {
        return Err(invalid(
            format!("unknown claim kind `{}`", on.value),
            yaml::span_of(on),
            "unknown claim kind",
            Some(format!("claim kinds: {}", crate::engine::assert_kinds().join(", "))),
        ));
    };
    let source = expect.value.clone();
    // The expression's own place in the file, so that an error points at its exact column.
    let base = yaml::span_of(expect).map(|s| s.offset()).unwrap_or(0);
    let start = text[base.min(text.len())..].find(source.as_str()).map(|i| base + i);
    let at = |offset: usize| -> Option<SourceSpan> {
        start.map(|s| (s + offset.min(source.len()), 1).into()).or_else(|| yaml::span_of(expect))
    };
    let expr = super::expr::parse(&source).map_err(|e| {
        invalid(format!("cannot read the expression: {}", e.message), at(e.offset), "here", None)
    })?;
    super::expr::validate(&expr, &source, fields)
        .map_err(|e| invalid(e.message, at(e.offset), "here", None))?;
    Ok(Some(Assertion { on: on.value.clone(), source, expr }))
}

/// The first `{name}` in a template that is not in `placeholders`.
fn check_placeholders(
    template: &Spanned<String>,
    placeholders: &[&str],
) -> Result<(), (String, Option<SourceSpan>)> {
    let mut rest = template.value.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !placeholders.contains(&name) {
            return Err((name.to_string(), yaml::span_of(template)));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}
