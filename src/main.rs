//! The `factlint` command line: parses arguments, reads inputs, prints reports, sets the exit
//! code. Everything else lives in the library.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::report::{FileResult, Summary, human};
use factlint::rules::{RuleSet, Severity};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "factlint", version, about = "Fact-checks the numbers in articles against themselves.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files, folders (recursively) or standard input (`-`).
    Check(CheckArgs),
    /// Print the figures and claims read from a file.
    Claims {
        /// The file to read (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Json)]
        format: ClaimsFormat,
    },
    /// List, show, validate or test rules.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. change-mismatch.
        rule: String,
        /// Extra rule packs to look in.
        #[arg(long = "rules", value_name = "DIR")]
        packs: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// A folder of extra rules (YAML, one rule a file); may be repeated.
    #[arg(long = "rules", value_name = "DIR")]
    packs: Vec<PathBuf>,
    /// Exit 1 when a finding of this severity or above is found.
    #[arg(long, value_enum, default_value_t = Level::Error)]
    fail_on: Level,
    /// Exit 0 even when there are findings (errors reading input still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// The name to report for standard input.
    #[arg(long, default_value = "-")]
    stdin_filename: String,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = factlint::input::DEFAULT_MAX_FILE_BYTES)]
    max_file_size: u64,
}

#[derive(Subcommand)]
enum RulesAction {
    /// List every rule with its kind, severity and summary.
    List {
        #[arg(long = "rules", value_name = "DIR")]
        packs: Vec<PathBuf>,
    },
    /// Show one rule in full.
    Show {
        id: String,
        #[arg(long = "rules", value_name = "DIR")]
        packs: Vec<PathBuf>,
    },
    /// Validate a folder of rule files.
    Check { dir: PathBuf },
    /// Run the examples of every rule in a folder.
    Test { dir: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or rule errors.
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    // A panic while checking a file is caught and reported by the library; keep it quiet here.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Claims { file, format: ClaimsFormat::Json } => claims(&file),
        Command::Rules { action } => rules(action),
        Command::Explain { rule, packs } => explain(&rule, &packs),
    };
    ExitCode::from(code)
}

fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The built-in rules plus any packs; on failure the problems are printed and `None` returned.
fn load_rules(packs: &[PathBuf]) -> Option<RuleSet> {
    let mut set = match RuleSet::builtin() {
        Ok(set) => set,
        Err(e) => return print_rule_errors(e),
    };
    for dir in packs {
        if let Err(e) = set.add_dir(dir) {
            return print_rule_errors(e);
        }
    }
    Some(set)
}

fn print_rule_errors(e: factlint::rules::RulesError) -> Option<RuleSet> {
    let style = human::Style {
        color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: 100,
    };
    for problem in &e.problems {
        err(&human::render_error(problem, style));
    }
    None
}

fn check(args: CheckArgs) -> u8 {
    let Some(rules) = load_rules(&args.packs) else { return EXIT_TROUBLE };
    let inputs = expand_paths(&args.paths);
    let mut results: Vec<FileResult> = Vec::with_capacity(inputs.len());
    for input in inputs {
        results.push(match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                match std::io::stdin().read_to_end(&mut bytes) {
                    Ok(_) => match factlint::input::decode(&args.stdin_filename, &bytes) {
                        Ok(text) => factlint::check_source(&args.stdin_filename, text, &rules),
                        Err(message) => {
                            FileResult { path: args.stdin_filename.clone(), outcome: Err(message) }
                        }
                    },
                    Err(e) => FileResult {
                        path: args.stdin_filename.clone(),
                        outcome: Err(format!("{}: cannot read standard input: {e}", args.stdin_filename)),
                    },
                }
            }
            Input::File(path) => factlint::check_file(&path, &rules, args.max_file_size),
            Input::Missing(path, message) => {
                FileResult { path: path.display().to_string(), outcome: Err(message) }
            }
        });
    }
    for failed in results.iter().filter_map(|r| r.outcome.as_ref().err()) {
        err(&format!("error: {failed}\n"));
    }
    match args.format {
        Format::Human => {
            out(&human::render(&results, human::Style { color: use_color(args.color), width: 80 }))
        }
        Format::Json => out(&(factlint::report::json::render(&results) + "\n")),
    }
    let summary = Summary::of(&results);
    let fail_on = match args.fail_on {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Info,
    };
    if results.iter().any(|r| r.outcome.is_err()) {
        EXIT_TROUBLE
    } else if !args.exit_zero && summary.at_or_above(fail_on) > 0 {
        EXIT_FINDINGS
    } else {
        0
    }
}

enum Input {
    Stdin,
    File(PathBuf),
    Missing(PathBuf, String),
}

/// Files to check, in a stable order: each argument in turn, folders walked in sorted order.
fn expand_paths(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            inputs.push(Input::Missing(path.clone(), format!("{}: no such file or folder", path.display())));
        }
    }
    inputs
}

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Missing(
                dir.to_path_buf(),
                format!("{}: cannot read folder: {e}", dir.display()),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, inputs);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            inputs.push(Input::File(path));
        }
    }
}

fn claims(file: &Path) -> u8 {
    let (name, text) = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            err(&format!("error: cannot read standard input: {e}\n"));
            return EXIT_TROUBLE;
        }
        ("-".to_string(), factlint::input::decode("-", &bytes))
    } else {
        (file.display().to_string(), factlint::input::read(file, factlint::input::DEFAULT_MAX_FILE_BYTES))
    };
    match text {
        Ok(text) => {
            let article = factlint::read_text(&text);
            out(&(factlint::report::claims_json::render(&name, &article) + "\n"));
            0
        }
        Err(message) => {
            err(&format!("error: {message}\n"));
            EXIT_TROUBLE
        }
    }
}

fn rules(action: RulesAction) -> u8 {
    match action {
        RulesAction::List { packs } => {
            let Some(set) = load_rules(&packs) else { return EXIT_TROUBLE };
            let width = set.rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut text = String::new();
            for r in set.rules() {
                let state = if r.enabled { "" } else { " (disabled)" };
                text.push_str(&format!("{:width$}  {:7}  {}{state}\n", r.id, r.severity.name(), r.summary));
            }
            out(&text);
            0
        }
        RulesAction::Show { id, packs } => {
            let Some(set) = load_rules(&packs) else { return EXIT_TROUBLE };
            match set.get(&id) {
                Some(rule) => {
                    out(&show_rule(rule));
                    0
                }
                None => unknown_rule(&id, &set),
            }
        }
        RulesAction::Check { dir } => {
            let mut set = RuleSet::default();
            match set.add_dir(&dir) {
                Ok(()) => {
                    out(&format!("{}: {} rule(s), all valid.\n", dir.display(), set.rules().len()));
                    0
                }
                Err(e) => {
                    print_rule_errors(e);
                    EXIT_TROUBLE
                }
            }
        }
        RulesAction::Test { dir } => {
            let mut set = RuleSet::default();
            if let Err(e) = set.add_dir(&dir) {
                print_rule_errors(e);
                return EXIT_TROUBLE;
            }
            let (ran, failures) = factlint::rules::run_examples(&set);
            for f in &failures {
                out(&format!(
                    "FAIL {} ({} example {}): {}\n    {}\n",
                    f.rule, f.origin, f.index, f.problem, f.text
                ));
            }
            out(&format!("{} passed, {} failed\n", ran - failures.len(), failures.len()));
            if failures.is_empty() { 0 } else { EXIT_FINDINGS }
        }
    }
}

fn unknown_rule(id: &str, set: &RuleSet) -> u8 {
    let ids: Vec<&str> = set.rules().iter().map(|r| r.id.as_str()).collect();
    err(&format!("error: no rule `{id}`; rules: {}\n", ids.join(", ")));
    EXIT_TROUBLE
}

fn show_rule(rule: &factlint::rules::Rule) -> String {
    let mut text = format!(
        "{}\n  kind: {}\n  severity: {}\n  enabled: {}\n  summary: {}\n  message: {}\n",
        rule.id,
        rule.kind.name(),
        rule.severity.name(),
        rule.enabled,
        rule.summary,
        rule.message
    );
    if let Some(help) = &rule.help {
        text.push_str(&format!("  help: {help}\n"));
    }
    let specs = rule.kind.options();
    if !specs.is_empty() {
        text.push_str("  options:\n");
        for spec in specs {
            text.push_str(&format!("    {}: {} ({})\n", spec.name, rule.option(spec.name), spec.doc));
        }
    }
    text.push_str(&format!("  from: {}\n", rule.origin));
    text
}

fn explain(id: &str, packs: &[PathBuf]) -> u8 {
    let Some(set) = load_rules(packs) else { return EXIT_TROUBLE };
    let Some(rule) = set.get(id) else { return unknown_rule(id, &set) };
    let docs = &rule.docs;
    let mut text =
        format!("# {} ({}, {})\n\n{}\n", rule.id, rule.severity.name(), rule.kind.name(), rule.summary);
    for (heading, body) in [
        ("What it catches", &docs.what_it_catches),
        ("Why it matters", &docs.why_it_matters),
        ("Example", &docs.example),
        ("How to fix", &docs.how_to_fix),
    ] {
        if !body.trim().is_empty() {
            text.push_str(&format!("\n## {heading}\n\n{}\n", body.trim_end()));
        }
    }
    let bad: Vec<&str> = rule.examples.iter().filter_map(|e| e.bad.as_deref()).collect();
    let good: Vec<&str> = rule.examples.iter().filter_map(|e| e.good.as_deref()).collect();
    if !bad.is_empty() || !good.is_empty() {
        text.push_str("\n## Examples\n\n");
        for b in bad {
            text.push_str(&format!("flagged:     {b}\n"));
        }
        for g in good {
            text.push_str(&format!("not flagged: {g}\n"));
        }
    }
    let specs = rule.kind.options();
    if !specs.is_empty() {
        text.push_str("\n## Options\n\n");
        for spec in specs {
            text.push_str(&format!("{}: {} — {}\n", spec.name, rule.option(spec.name), spec.doc));
        }
    }
    out(&text);
    0
}
