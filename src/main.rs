//! The `factlint` command line: parses arguments, reads inputs, prints reports, sets the exit
//! code. Everything else lives in the library.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::config::Config;
use factlint::report::{FileResult, OutputFormat, Reporter, human};
use factlint::rules::{RuleSet, Severity};
use factlint::walk::{self, Input};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
        /// Add a rule pack (its lexicon extends the languages read); repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        packs: Vec<PathBuf>,
        /// Ignore every .factlint.yml (its `language:` and packs).
        #[arg(long)]
        no_config: bool,
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
    /// Use this configuration file for every input instead of finding `.factlint.yml`.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore every `.factlint.yml`.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Exit 1 when a finding of this severity or above is found [default: error, or the
    /// configuration's `fail-on`].
    #[arg(long, value_enum)]
    fail_on: Option<Level>,
    /// Exit 0 even when there are findings (errors reading input still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// The name to report for standard input (its ending sets the format: .md, .html).
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
    Jsonl,
    Sarif,
    Github,
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

impl Level {
    fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
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
        Command::Claims { file, format: ClaimsFormat::Json, packs, no_config } => {
            claims(&file, &packs, no_config)
        }
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

/// How many files are checked in parallel before their findings are printed.
const BATCH: usize = 256;

fn check(args: CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut configs = Configs {
        fixed: None,
        by_path: HashMap::new(),
        by_dir: HashMap::new(),
        defaults: None,
        packs: args.packs.clone(),
    };
    if let Some(path) = &args.config {
        match Config::load(path, &args.packs) {
            Ok(c) => configs.fixed = Some(Arc::new(c)),
            Err(e) => {
                print_rule_errors(e);
                return EXIT_TROUBLE;
            }
        }
    }
    let inputs = walk::inputs(&args.paths);
    // Each input with the configuration that governs it, loaded once per folder.
    let mut jobs: Vec<(Input, Arc<Config>)> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let dir = match &input {
            Input::File { path, .. } | Input::Unreadable { path, .. } => match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => cwd.join(p),
                _ => cwd.clone(),
            },
            Input::Stdin => cwd.clone(),
        };
        let config = match configs.for_dir(&dir, args.no_config) {
            Ok(c) => c,
            Err(e) => {
                print_rule_errors(e);
                return EXIT_TROUBLE;
            }
        };
        if let Input::File { path, walked: true } = &input
            && !config.wants(path)
        {
            continue;
        }
        jobs.push((input, config));
    }
    let format = match args.format {
        Format::Human => OutputFormat::Human(human::Style { color: use_color(args.color), width: 80 }),
        Format::Json => OutputFormat::Json,
        Format::Jsonl => OutputFormat::Jsonl,
        Format::Sarif => OutputFormat::Sarif,
        Format::Github => OutputFormat::Github,
    };
    let report_config = match configs.for_dir(&cwd, args.no_config) {
        Ok(c) => c,
        Err(e) => {
            print_rule_errors(e);
            return EXIT_TROUBLE;
        }
    };
    let mut reporter = Reporter::new(format);
    let mut any_failed = false;
    let mut failing = 0;
    let cli_fail_on = args.fail_on.map(Level::severity);
    // A batch is checked in parallel while this thread reports (and frees) the one before, so
    // that the reporting, which is serial, does not leave the other threads waiting. At most
    // two batches are held at once: the one reported and the one being checked.
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<FileResult>>(0);
        let (jobs, args) = (&jobs, &args);
        scope.spawn(move || {
            for batch in jobs.chunks(BATCH) {
                let results =
                    batch.par_iter().map(|(input, config)| check_one(input, config, args)).collect();
                if sender.send(results).is_err() {
                    break;
                }
            }
        });
        for (results, batch) in receiver.iter().zip(jobs.chunks(BATCH)) {
            for (result, (_, config)) in results.iter().zip(batch) {
                let fail_on = cli_fail_on.or(config.fail_on).unwrap_or(Severity::Error);
                match &result.outcome {
                    Ok(file) => {
                        failing += file.checked.findings.iter().filter(|f| f.severity >= fail_on).count()
                    }
                    Err(message) => {
                        any_failed = true;
                        err(&format!("error: {message}\n"));
                    }
                }
            }
            out(&reporter.batch(&results, &report_config.rules));
        }
    });
    out(&reporter.finish(&report_config.rules));
    if any_failed {
        EXIT_TROUBLE
    } else if !args.exit_zero && failing > 0 {
        EXIT_FINDINGS
    } else {
        0
    }
}

fn check_one(input: &Input, config: &Config, args: &CheckArgs) -> FileResult {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            let name = &args.stdin_filename;
            let limit = args.max_file_size;
            match std::io::stdin().take(limit.saturating_add(1)).read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 > limit => FileResult {
                    path: name.clone(),
                    outcome: Err(format!(
                        "{name}: standard input is over the limit of {limit} bytes; raise it with --max-file-size"
                    )),
                },
                Ok(_) => match factlint::input::decode(name, &bytes) {
                    Ok(text) => factlint::check_source_with(name, text, &config.rules, &[]),
                    Err(message) => FileResult { path: name.clone(), outcome: Err(message) },
                },
                Err(e) => FileResult {
                    path: name.clone(),
                    outcome: Err(format!("{name}: cannot read standard input: {e}")),
                },
            }
        }
        Input::File { path, .. } => {
            let ignores = config.ignores_for(path);
            factlint::check_file_with(path, &config.rules, args.max_file_size, &ignores)
        }
        Input::Unreadable { path, reason } => {
            FileResult { path: path.display().to_string(), outcome: Err(reason.clone()) }
        }
    }
}

/// Configurations by file, loaded once each, and by folder, looked up once each.
struct Configs {
    fixed: Option<Arc<Config>>,
    by_path: HashMap<PathBuf, Arc<Config>>,
    /// The configuration that governs each folder met so far: finding it means looking for a
    /// file in every folder up to the root, which a folder of thousands of articles would
    /// otherwise do for each of them.
    by_dir: HashMap<PathBuf, Arc<Config>>,
    defaults: Option<Arc<Config>>,
    packs: Vec<PathBuf>,
}

impl Configs {
    fn for_dir(&mut self, dir: &Path, no_config: bool) -> Result<Arc<Config>, factlint::rules::RulesError> {
        if let Some(c) = &self.fixed {
            return Ok(Arc::clone(c));
        }
        if let Some(c) = self.by_dir.get(dir) {
            return Ok(Arc::clone(c));
        }
        let config = self.find_for_dir(dir, no_config)?;
        self.by_dir.insert(dir.to_path_buf(), Arc::clone(&config));
        Ok(config)
    }

    fn find_for_dir(
        &mut self,
        dir: &Path,
        no_config: bool,
    ) -> Result<Arc<Config>, factlint::rules::RulesError> {
        let found = if no_config { None } else { Config::find(dir) };
        match found {
            Some(path) => {
                if let Some(c) = self.by_path.get(&path) {
                    return Ok(Arc::clone(c));
                }
                let c = Arc::new(Config::load(&path, &self.packs)?);
                self.by_path.insert(path, Arc::clone(&c));
                Ok(c)
            }
            None => {
                if let Some(c) = &self.defaults {
                    return Ok(Arc::clone(c));
                }
                let c = Arc::new(Config::defaults(dir, &self.packs)?);
                self.defaults = Some(Arc::clone(&c));
                Ok(c)
            }
        }
    }
}

/// Prints the figures and claims of one file, read as `check` reads it: in its language, with
/// the configuration that governs its folder and the packs given.
fn claims(file: &Path, packs: &[PathBuf], no_config: bool) -> u8 {
    let folder = match file.parent() {
        Some(p) if file.as_os_str() != "-" && !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let found = if no_config { None } else { Config::find(&folder) };
    let config = match &found {
        Some(path) => Config::load(path, packs),
        None => Config::defaults(&folder, packs),
    };
    let rules = match config {
        Ok(config) => config.rules,
        Err(e) => {
            print_rule_errors(e);
            return EXIT_TROUBLE;
        }
    };
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
            let article = factlint::read_with(&text, factlint::source::Format::from_path(&name), &rules);
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
                let place = f.line.map_or(f.origin.clone(), |l| format!("{}:{l}", f.origin));
                out(&format!(
                    "FAIL {} ({place}, example {}): {}\n    {}\n",
                    f.rule, f.index, f.problem, f.text
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
    for (heading, body) in docs.sections() {
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
