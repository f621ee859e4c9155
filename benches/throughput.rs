//! Throughput benchmark: times `check_text` (and `read_text`) over the news corpus, single thread.
//!
//! Run with `cargo bench --bench throughput`. It reads every file of `../shared/corpus/news/`
//! (or of `$FACTLINT_CORPUS`), or generates synthetic articles when that folder is absent, then
//! reports MB/s, articles/s, per-article percentiles, the slowest articles, and a linearity check
//! (time on N versus 4N bytes of one input; the ratio should be near 4) for `check_text`,
//! `read_text` and the quantity grammar alone (`scan`), then a summary table. Timings are printed,
//! never asserted. Knobs: `FACTLINT_BENCH_PASSES` (default 3), `FACTLINT_BENCH_LINEAR_MB`
//! (default 1), `FACTLINT_BENCH_ONLY` (comma-separated sections: check, read, scan, linear).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use factlint::rules::RuleSet;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// Stop adding passes once the timed passes have taken this long.
const PASS_BUDGET: Duration = Duration::from_secs(25);
/// Skip the 4N input of a linearity case when the N input alone took longer than this.
const LINEAR_SKIP: Duration = Duration::from_millis(1500);
/// Each linearity input is timed this many times, and the best time kept: one run alone moves
/// by half on a shared machine.
const LINEAR_REPEATS: usize = 3;
/// Give up waiting for one linearity input after this long (the run goes on without it).
const LINEAR_TIMEOUT: Duration = Duration::from_secs(10);
/// Size of the synthetic corpus used when the real one is absent.
const SYNTHETIC_CORPUS_BYTES: usize = 4 << 20;

struct Article {
    name: String,
    text: String,
}

fn main() {
    let passes: usize = env_number("FACTLINT_BENCH_PASSES", 3).max(1);
    let linear_mb: usize = env_number("FACTLINT_BENCH_LINEAR_MB", 1).max(1);

    let rules = match RuleSet::builtin() {
        Ok(rules) => Arc::new(rules),
        Err(e) => {
            eprintln!("cannot load the built-in rules: {e}");
            for problem in &e.problems {
                eprintln!("{problem:?}");
            }
            std::process::exit(2);
        }
    };

    let articles = load_corpus();
    let total_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!("articles: {} ({:.2} MB), rules: built-in", articles.len(), mb(total_bytes));
    if articles.is_empty() {
        println!("nothing to time");
        return;
    }

    let only = std::env::var("FACTLINT_BENCH_ONLY").unwrap_or_default();
    let wanted = |section: &str| only.is_empty() || only.split(',').any(|s| s.trim() == section);
    let mut summary: Vec<(String, f64, f64, Duration, Duration)> = Vec::new();
    let mut note = |label: &str, timings: &Timings| {
        let best = timings.best_pass().as_secs_f64();
        let mut every: Vec<Duration> = timings.samples.iter().flatten().copied().collect();
        every.sort_unstable();
        summary.push((
            label.to_string(),
            mb(total_bytes) / best,
            articles.len() as f64 / best,
            percentile(&every, 50.0),
            percentile(&every, 99.0),
        ));
    };

    let mut check_best = None;
    if wanted("check") {
        println!();
        println!("== check_text (read + rules), single thread ==");
        let check = time_passes(&articles, passes, |text| {
            let checked = factlint::check_text(text, &rules);
            checked.findings.len()
        });
        check.report(&articles, total_bytes, "findings");
        note("check_text (read + rules)", &check);
        check_best = Some(check.best_pass());
    }

    if wanted("read") {
        println!();
        println!("== read_text (quantity scan + sentences + claims, no rules), single thread ==");
        let read = time_passes(&articles, passes, |text| {
            let article = factlint::read_text(text);
            article.quantities.len()
        });
        read.report(&articles, total_bytes, "quantities");
        if let Some(check) = check_best {
            let share = read.best_pass().as_secs_f64() / check.as_secs_f64() * 100.0;
            println!("  read_text share of check_text (best passes): {share:.0}%");
        }
        note("read_text (no rules)", &read);
    }

    if wanted("scan") {
        println!();
        println!("== scan (the quantity grammar alone: parse::scan::scan), single thread ==");
        let scan = time_passes(&articles, passes, |text| factlint::parse::scan::scan(text).len());
        scan.report(&articles, total_bytes, "figures");
        note("scan (quantity extraction only)", &scan);
    }

    if wanted("linear") {
        println!();
        println!(
            "== linearity: time(4N) / time(N), best of {LINEAR_REPEATS} runs each; ~4 is linear, ~16 quadratic =="
        );
        let n = linear_mb << 20;
        linearity("prose with numbers, paragraphs (bytes)", &rules, n, |size| {
            synthetic_document(size, Shape::Paragraphs, 11)
        });
        linearity("prose with numbers, one paragraph (bytes)", &rules, n, |size| {
            synthetic_document(size, Shape::OneParagraph, 12)
        });
        linearity("one line of numbers (numbers)", &rules, 100_000, number_line);
    }

    if !summary.is_empty() {
        println!();
        println!("== summary (best pass, one thread; per-article percentiles over all passes) ==");
        println!("| what | MB/s | articles/s | p50 per article | p99 per article |");
        println!("| --- | ---: | ---: | ---: | ---: |");
        for (label, rate, per_second, p50, p99) in &summary {
            println!(
                "| {label} | {rate:.1} | {per_second:.0} | {:.0} µs | {:.0} µs |",
                micros(*p50),
                micros(*p99)
            );
        }
    }
}

/// Reads every file of the corpus folder, sorted by name, or generates articles when it is absent.
fn load_corpus() -> Vec<Article> {
    let dir = match std::env::var_os("FACTLINT_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news"),
    };
    let started = Instant::now();
    match read_folder(&dir) {
        Some(articles) => {
            println!(
                "corpus: {} (loaded in {:.2} s, not timed)",
                dir.display(),
                started.elapsed().as_secs_f64()
            );
            articles
        }
        None => {
            println!("corpus not found at {}; using generated text", dir.display());
            let articles = synthetic_corpus(SYNTHETIC_CORPUS_BYTES);
            println!("generated {} synthetic articles (not timed)", articles.len());
            articles
        }
    }
}

fn read_folder(dir: &Path) -> Option<Vec<Article>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    let mut articles = Vec::with_capacity(paths.len());
    let mut lossy = 0;
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {}; skipped", path.display());
            continue;
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                lossy += 1;
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        articles.push(Article { name, text });
    }
    if lossy > 0 {
        println!("note: {lossy} file(s) were not UTF-8 and were read lossily");
    }
    Some(articles)
}

/// Per-article timings of every pass.
struct Timings {
    /// `samples[pass][article]`.
    samples: Vec<Vec<Duration>>,
    /// The count returned by the timed closure, summed over the articles, per pass.
    counts: Vec<usize>,
}

fn time_passes(articles: &[Article], passes: usize, mut run: impl FnMut(&str) -> usize) -> Timings {
    let mut timings = Timings { samples: Vec::new(), counts: Vec::new() };
    let budget_start = Instant::now();
    for _ in 0..passes {
        let mut samples = Vec::with_capacity(articles.len());
        let mut count = 0;
        for article in articles {
            let text = black_box(article.text.as_str());
            let start = Instant::now();
            let n = black_box(run(text));
            samples.push(start.elapsed());
            count += n;
        }
        timings.samples.push(samples);
        timings.counts.push(count);
        if budget_start.elapsed() > PASS_BUDGET {
            break;
        }
    }
    timings
}

impl Timings {
    fn pass_total(&self, pass: usize) -> Duration {
        self.samples[pass].iter().sum()
    }

    fn best_pass(&self) -> Duration {
        (0..self.samples.len()).map(|p| self.pass_total(p)).min().unwrap_or_default()
    }

    /// Each article's best time over the passes (the least disturbed by other work on the machine).
    fn best_per_article(&self) -> Vec<Duration> {
        let n = self.samples[0].len();
        (0..n).map(|i| self.samples.iter().map(|pass| pass[i]).min().unwrap_or_default()).collect()
    }

    fn report(&self, articles: &[Article], total_bytes: usize, count_name: &str) {
        let passes = self.samples.len();
        for pass in 0..passes {
            let secs = self.pass_total(pass).as_secs_f64();
            println!(
                "  pass {}: {:.3} s  {:.2} MB/s  {:.0} articles/s  {} {}",
                pass + 1,
                secs,
                mb(total_bytes) / secs,
                articles.len() as f64 / secs,
                self.counts[pass],
                count_name,
            );
        }
        if self.counts.iter().any(|&c| c != self.counts[0]) {
            println!("  WARNING: {count_name} differ between passes: {:?}", self.counts);
        }
        let all: Duration = (0..passes).map(|p| self.pass_total(p)).sum();
        let secs = all.as_secs_f64();
        println!(
            "  all {passes} pass(es): {:.2} MB/s  {:.0} articles/s  (best pass {:.2} MB/s)",
            mb(total_bytes * passes) / secs,
            (articles.len() * passes) as f64 / secs,
            mb(total_bytes) / self.best_pass().as_secs_f64(),
        );
        let mut every: Vec<Duration> = self.samples.iter().flatten().copied().collect();
        every.sort_unstable();
        println!(
            "  per article (all samples): p50 {:.1} µs  p90 {:.1} µs  p99 {:.1} µs  max {:.1} µs",
            micros(percentile(&every, 50.0)),
            micros(percentile(&every, 90.0)),
            micros(percentile(&every, 99.0)),
            micros(every.last().copied().unwrap_or_default()),
        );

        let best = self.best_per_article();
        let mut by_source: BTreeMap<&str, (usize, usize, Duration)> = BTreeMap::new();
        for (article, time) in articles.iter().zip(&best) {
            let source = article.name.rsplit_once('_').map_or(article.name.as_str(), |(prefix, _)| prefix);
            let entry = by_source.entry(source).or_default();
            entry.0 += 1;
            entry.1 += article.text.len();
            entry.2 += *time;
        }
        if by_source.len() > 1 {
            println!("  by source (best time per article):");
            for (source, (count, bytes, time)) in &by_source {
                println!(
                    "    {source:<20} {count:>6} articles  {:>7.2} MB  {:>7.2} MB/s  mean {:>8.1} µs",
                    mb(*bytes),
                    mb(*bytes) / time.as_secs_f64(),
                    micros(*time) / *count as f64,
                );
            }
        }

        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(best[i]));
        println!("  slowest articles (best time over passes):");
        for &i in order.iter().take(5) {
            let bytes = articles[i].text.len();
            println!(
                "    {:<32} {:>9.1} µs  {:>8} bytes  {:>6.2} MB/s",
                articles[i].name,
                micros(best[i]),
                bytes,
                mb(bytes) / best[i].as_secs_f64(),
            );
        }
        // The largest articles are the slowest; the lowest rate per byte points at slow paths.
        let mut rated: Vec<usize> = (0..articles.len()).filter(|&i| articles[i].text.len() >= 2048).collect();
        rated.sort_by(|&i, &j| rate(&articles[i], best[i]).total_cmp(&rate(&articles[j], best[j])));
        println!("  lowest MB/s (articles of 2 KB or more, best time over passes):");
        for &i in rated.iter().take(5) {
            println!(
                "    {:<32} {:>9.1} µs  {:>8} bytes  {:>6.2} MB/s",
                articles[i].name,
                micros(best[i]),
                articles[i].text.len(),
                rate(&articles[i], best[i]),
            );
        }
    }
}

/// Times one input of `n` units and one of `4n` units and prints the ratio. Each input is checked
/// on its own thread, abandoned after [`LINEAR_TIMEOUT`] so a quadratic case cannot stall the run.
fn linearity(label: &str, rules: &Arc<RuleSet>, n: usize, make: fn(usize) -> String) {
    print!("  {label:<42}");
    let Some((small_len, small_time)) = time_in_thread(rules, n, make) else {
        println!(" N: over {} s, abandoned (4N skipped)", LINEAR_TIMEOUT.as_secs());
        return;
    };
    print!(" N = {:>5.2} MB: {:>8.1} ms", mb(small_len), millis(small_time));
    if small_time > LINEAR_SKIP {
        println!("  4N skipped (N alone took over {:.1} s)", LINEAR_SKIP.as_secs_f64());
        return;
    }
    match time_in_thread(rules, 4 * n, make) {
        Some((large_len, large_time)) => println!(
            "  4N = {:>5.2} MB: {:>8.1} ms  ratio {:.2}",
            mb(large_len),
            millis(large_time),
            large_time.as_secs_f64() / small_time.as_secs_f64()
        ),
        None => println!("  4N: over {} s, abandoned", LINEAR_TIMEOUT.as_secs()),
    }
}

/// Builds the input of size `n` (not timed) and times `check_text` on it (the best of
/// [`LINEAR_REPEATS`] runs), or `None` on timeout.
fn time_in_thread(rules: &Arc<RuleSet>, n: usize, make: fn(usize) -> String) -> Option<(usize, Duration)> {
    let rules = Arc::clone(rules);
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let text = make(n);
        let mut best = Duration::MAX;
        for _ in 0..LINEAR_REPEATS {
            let start = Instant::now();
            let checked = black_box(factlint::check_text(black_box(&text), &rules));
            best = best.min(start.elapsed());
            drop(checked);
        }
        let _ = sender.send((text.len(), best));
    });
    receiver.recv_timeout(LINEAR_TIMEOUT).ok()
}

// ---------------------------------------------------------------------------------------------
// Synthetic text: deterministic, built from sentence templates.

/// A small deterministic generator (SplitMix64), so every run times the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "Unemployment",
    "Turnout",
    "The party's share of the vote",
    "Inflation",
    "The company's market share",
    "Support for the plan",
    "The jobless rate",
    "Home ownership",
];
const VERBS_UP: &[&str] = &["rose", "climbed", "increased", "jumped"];
const VERBS_DOWN: &[&str] = &["fell", "dropped", "declined", "slipped"];
const UNITS: &[&str] = &["million", "billion", "thousand"];
const MONTHS: &[&str] = &["January", "March", "June", "September", "November"];
const PLAIN: &[&str] = &[
    "Officials declined to comment on the matter.",
    "The decision was welcomed by local residents, who had campaigned for years.",
    "Critics said the plan did not go far enough.",
    "The minister is expected to make a statement later this week.",
    "Analysts said the outlook remained uncertain.",
    "It was not immediately clear what had caused the delay.",
    "The report has been sent to the committee for review.",
    "Speaking after the meeting, she said the talks had been constructive.",
];

/// One sentence: plain prose a third of the time, otherwise a template with figures (a few wrong).
fn sentence(rng: &mut Rng, out: &mut String) {
    use std::fmt::Write as _;
    let a = rng.below(60) + 1;
    let b = rng.below(60) + 1;
    let year = 1990 + rng.below(35);
    let _ = match rng.below(12) {
        0..=3 => write!(out, "{}", rng.pick(PLAIN)),
        4 => write!(
            out,
            "{} {} from {a}% to {b}% in {year}.",
            rng.pick(SUBJECTS),
            // One in eight goes the wrong way, so the rules have something to find.
            if (b >= a) != (rng.below(8) == 0) { rng.pick(VERBS_UP) } else { rng.pick(VERBS_DOWN) }
        ),
        5 => write!(
            out,
            "Profit {} {a}.{} percent to ${b}.{} {}.",
            rng.pick(VERBS_DOWN),
            rng.below(10),
            rng.below(10),
            rng.pick(UNITS)
        ),
        6 => {
            // Sums to 100% or a little over, and well over when a + b > 100.
            let c = 100u64.saturating_sub(a + b).max(1) + rng.below(3);
            write!(out, "Of the staff, {a}% work in research, {b}% in administration and {c}% in teaching.")
        }
        7 => write!(
            out,
            "About {} people attended in {}, up {a}% from {} in {year}.",
            rng.below(90_000) + 1_000,
            rng.pick(MONTHS),
            rng.below(80_000) + 500
        ),
        8 => write!(
            out,
            "The index {} {}.{} points, or {}.{} pct, to {},{:03}.{:02}.",
            rng.pick(VERBS_UP),
            rng.below(40),
            rng.below(10),
            rng.below(5),
            rng.below(10),
            rng.below(9) + 1,
            rng.below(1000),
            rng.below(100)
        ),
        9 => write!(
            out,
            "Revenue {} by {a} million pounds to {} million pounds.",
            rng.pick(VERBS_UP),
            a + b + rng.below(300)
        ),
        10 => write!(
            out,
            "{} was {a}.{} per cent in {}, compared with {b} per cent a year earlier.",
            rng.pick(SUBJECTS),
            rng.below(10),
            rng.pick(MONTHS)
        ),
        _ => write!(
            out,
            "Shares {} {a} cents, or {}.{}%, to ${b}.{:02} on {} {}.",
            rng.pick(VERBS_DOWN),
            rng.below(9),
            rng.below(10),
            rng.below(100),
            rng.pick(MONTHS),
            rng.below(28) + 1
        ),
    };
}

#[derive(Clone, Copy)]
enum Shape {
    /// Headline, blank line, paragraphs of 3 to 6 sentences.
    Paragraphs,
    /// Headline, blank line, one paragraph of many sentences.
    OneParagraph,
}

/// An article of about `bytes` bytes.
fn synthetic_document(bytes: usize, shape: Shape, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 256);
    out.push_str("Figures rise and fall across the region\n\n");
    let mut in_paragraph = 0;
    let mut paragraph_len = 3 + rng.below(4);
    while out.len() < bytes {
        if in_paragraph > 0 {
            out.push(' ');
        }
        sentence(&mut rng, &mut out);
        in_paragraph += 1;
        if matches!(shape, Shape::Paragraphs) && in_paragraph >= paragraph_len {
            out.push_str("\n\n");
            in_paragraph = 0;
            paragraph_len = 3 + rng.below(4);
        }
    }
    out.push('\n');
    out
}

/// A single line holding `count` numbers (percentages, decimals, thousands), as one sentence.
fn number_line(count: usize) -> String {
    let mut rng = Rng(13);
    let mut out = String::with_capacity(count * 8);
    out.push_str("Readings:");
    for i in 0..count {
        let value = rng.below(100_000);
        let _ = match i % 4 {
            0 => std::fmt::Write::write_fmt(&mut out, format_args!(" {}%,", value % 100)),
            1 => std::fmt::Write::write_fmt(&mut out, format_args!(" {}.{},", value / 100, value % 10)),
            2 => std::fmt::Write::write_fmt(
                &mut out,
                format_args!(" {},{:03},", value / 1000 + 1, value % 1000),
            ),
            _ => std::fmt::Write::write_fmt(&mut out, format_args!(" {value},")),
        };
    }
    out.pop();
    out.push_str(".\n");
    out
}

/// Synthetic articles of 1 to 6 KB until `total` bytes.
fn synthetic_corpus(total: usize) -> Vec<Article> {
    let mut rng = Rng(7);
    let mut articles = Vec::new();
    let mut bytes = 0;
    while bytes < total {
        let size = 1024 + rng.below(5 * 1024) as usize;
        let text = synthetic_document(size, Shape::Paragraphs, rng.next());
        bytes += text.len();
        articles.push(Article { name: format!("synthetic_{:05}.txt", articles.len()), text });
    }
    articles
}

// ---------------------------------------------------------------------------------------------

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn rate(article: &Article, time: Duration) -> f64 {
    mb(article.text.len()) / time.as_secs_f64().max(1e-9)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
