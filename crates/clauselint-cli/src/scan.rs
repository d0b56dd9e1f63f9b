//! `clauselint scan`: a corpus of contracts, in parallel, streaming results as each file finishes.
//!
//! Files are found with the `ignore` crate (so `.gitignore`/`.ignore` files are honoured), analysed
//! on a rayon pool, and handed to one writer thread: memory stays flat however many files there
//! are, and everything written before an interruption stays in `<output>.partial`. The output file
//! itself appears only when the scan completes (rename), so a report that exists is complete.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use clauselint_analyzer::Severity;
use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::playbook::Playbooks;
use crate::report::{analyze_file, JsonFile};
use crate::sarif::SarifWriter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScanFormat {
    Table,
    Jsonl,
    Csv,
    Sarif,
}

pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub format: ScanFormat,
    pub output: Option<PathBuf>,
    pub jobs: Option<usize>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub baseline: Option<PathBuf>,
    pub min_severity: Severity,
    pub progress: bool,
}

const CONTRACT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text", "pdf", "docx", "docm"];

/// Files to scan: explicit file arguments as given; folders walked with ignore files honoured,
/// keeping contract-like extensions and the include/exclude globs.
pub fn discover(opts: &ScanOptions) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for root in &opts.paths {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        if !root.exists() {
            return Err(format!("{}: no such file or folder", root.display()));
        }
        let mut overrides = OverrideBuilder::new(root);
        for glob in &opts.include {
            overrides
                .add(glob)
                .map_err(|e| format!("--include {glob}: {e}"))?;
        }
        for glob in &opts.exclude {
            overrides
                .add(&format!("!{glob}"))
                .map_err(|e| format!("--exclude {glob}: {e}"))?;
        }
        let overrides = overrides.build().map_err(|e| e.to_string())?;
        let walker = WalkBuilder::new(root)
            .overrides(overrides)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(false)
            .build();
        for entry in walker.flatten() {
            let path = entry.path();
            let is_file = entry.file_type().is_some_and(|t| t.is_file());
            let wanted = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| CONTRACT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            if is_file && wanted {
                files.push(path.to_path_buf());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Per-file severity counts, for the "most severe files" table.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Default)]
struct Summary {
    scanned: usize,
    failed: Vec<(String, String)>,
    /// Files read only in part, with what could not be read.
    read_in_part: Vec<(String, String)>,
    bytes: u64,
    by_rule: BTreeMap<(String, String), usize>,
    worst: Vec<(Counts, String)>,
    suppressed_by_baseline: usize,
}

impl Summary {
    fn record(&mut self, file: &JsonFile, bytes: u64) {
        self.bytes += bytes;
        if let Some(err) = file.errors.first() {
            self.failed.push((file.path.clone(), err.message.clone()));
            return;
        }
        self.scanned += 1;
        if !file.warnings.is_empty() {
            let gaps: Vec<&str> = file.warnings.iter().map(|w| w.message.as_str()).collect();
            self.read_in_part.push((file.path.clone(), gaps.join("; ")));
        }
        let mut counts = Counts::default();
        for f in &file.findings {
            *self
                .by_rule
                .entry((f.rule.to_string(), f.severity.to_string()))
                .or_default() += 1;
            match f.severity {
                "error" => counts.error += 1,
                "warning" => counts.warning += 1,
                _ => counts.info += 1,
            }
        }
        if counts != Counts::default() {
            self.worst.push((counts, file.path.clone()));
            // Keep only the 20 most severe: memory stays flat on huge corpora.
            if self.worst.len() > 40 {
                self.worst.sort_by(|a, b| b.0.cmp(&a.0));
                self.worst.truncate(20);
            }
        }
    }

    fn render(&mut self, elapsed: f64, total_findings: usize) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "Scanned {} file(s) ({:.1} MB) in {:.2} s — {:.1} MB/s, {:.0} files/s; {} failed; {} finding(s)",
            self.scanned,
            self.bytes as f64 / 1e6,
            elapsed,
            self.bytes as f64 / 1e6 / elapsed.max(1e-9),
            (self.scanned + self.failed.len()) as f64 / elapsed.max(1e-9),
            self.failed.len(),
            total_findings
        ));
        if !self.read_in_part.is_empty() {
            s.push_str(&format!("; {} read only in part", self.read_in_part.len()));
        }
        if self.suppressed_by_baseline > 0 {
            s.push_str(&format!(
                " ({} already in the baseline, not reported)",
                self.suppressed_by_baseline
            ));
        }
        s.push('\n');
        if !self.by_rule.is_empty() {
            s.push_str("\nFindings by rule\n");
            s.push_str(&format!(
                "  {:<44} {:>8} {:>8}\n",
                "rule", "severity", "count"
            ));
            for ((rule, severity), n) in &self.by_rule {
                s.push_str(&format!("  {rule:<44} {severity:>8} {n:>8}\n"));
            }
        }
        if !self.worst.is_empty() {
            self.worst.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.worst.truncate(20);
            s.push_str("\nMost severe files\n");
            s.push_str(&format!(
                "  {:>6} {:>8} {:>6}  file\n",
                "errors", "warnings", "info"
            ));
            for (c, path) in &self.worst {
                s.push_str(&format!(
                    "  {:>6} {:>8} {:>6}  {path}\n",
                    c.error, c.warning, c.info
                ));
            }
        }
        if !self.read_in_part.is_empty() {
            s.push_str(
                "\nFiles read only in part: their findings cover only the text that was read\n",
            );
            for (path, gaps) in &self.read_in_part {
                s.push_str(&format!("  {path}: {gaps}\n"));
            }
        }
        if !self.failed.is_empty() {
            s.push_str("\nFiles that could not be read\n");
            for (path, reason) in &self.failed {
                let reason = reason.strip_prefix(&format!("{path}: ")).unwrap_or(reason);
                s.push_str(&format!("  {path}: {reason}\n"));
            }
        }
        s
    }
}

/// Fingerprints of findings already reported: a rule and the clause text it quotes. Matching
/// ignores the path and the position, so a baseline from an older version of a contract (or an
/// earlier scan of a growing corpus) recognises the same clause wherever it now sits.
pub fn fingerprint(rule: &str, quote: &str) -> String {
    let folded: String = quote
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    // FNV-1a: stable across Rust versions and platforms, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in rule.bytes().chain([0u8]).chain(folded.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// Load a baseline written by `scan --format jsonl` / `check --format json` or `--format sarif`.
pub fn load_baseline(path: &Path) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let mut prints = HashSet::new();
    let mut add_file = |file: &serde_json::Value| {
        for f in file["findings"].as_array().into_iter().flatten() {
            if let (Some(rule), Some(quote)) = (f["rule"].as_str(), f["quote"].as_str()) {
                prints.insert(fingerprint(rule, quote));
            }
        }
    };
    if let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) {
        if let Some(runs) = doc["runs"].as_array() {
            for run in runs {
                for r in run["results"].as_array().into_iter().flatten() {
                    if let Some(fp) = r["partialFingerprints"]["clauselintQuote/v1"].as_str() {
                        prints.insert(fp.to_string());
                    }
                }
            }
            return Ok(prints);
        }
        if let Some(files) = doc["files"].as_array() {
            files.iter().for_each(&mut add_file);
            return Ok(prints);
        }
    }
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let file: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            format!(
                "{}: line {}: not a clauselint JSONL or SARIF baseline: {e}",
                path.display(),
                i + 1
            )
        })?;
        add_file(&file);
    }
    Ok(prints)
}

/// Where results go: the output file's `.partial` sibling (renamed on completion) or stdout.
struct Sink {
    writer: Box<dyn Write>,
    partial: Option<(PathBuf, PathBuf)>,
    /// The partial file, to flush to disk before it is renamed.
    file: Option<File>,
}

impl Sink {
    fn open(output: Option<&Path>) -> io::Result<Sink> {
        match output {
            Some(path) => {
                let mut partial = path.as_os_str().to_owned();
                partial.push(".partial");
                let partial = PathBuf::from(partial);
                let file = File::create(&partial)?;
                Ok(Sink {
                    writer: Box::new(BufWriter::new(file.try_clone()?)),
                    partial: Some((partial, path.to_path_buf())),
                    file: Some(file),
                })
            }
            None => Ok(Sink {
                writer: Box::new(io::stdout().lock()),
                partial: None,
                file: None,
            }),
        }
    }

    fn finish(mut self) -> io::Result<()> {
        self.writer.flush()?;
        drop(self.writer);
        // On disk before the rename makes it the report: a crash never leaves a short report.
        if let Some(file) = self.file {
            file.sync_all()?;
        }
        if let Some((partial, target)) = self.partial {
            std::fs::rename(partial, target)?;
        }
        Ok(())
    }
}

enum Encoder {
    Table,
    Jsonl,
    Csv,
    Sarif(SarifWriter),
}

pub fn run(playbooks: &Playbooks, opts: &ScanOptions) -> ExitCode {
    let files = match discover(opts) {
        // A playbook's `[scan] ignore` globs apply to the documents it governs.
        Ok(f) => f
            .into_iter()
            .filter(|path| {
                !playbooks
                    .for_document(path)
                    .is_ok_and(|l| l.playbook.ignores(path))
            })
            .collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    after_discovery_test_hook(&files);
    let baseline = match opts.baseline.as_deref().map(load_baseline).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut sink = match Sink::open(opts.output.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "error: {}: cannot write the report: {e}",
                opts.output.as_deref().unwrap_or(Path::new("-")).display()
            );
            return ExitCode::from(2);
        }
    };
    let progress = if opts.progress && io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files  {msg}  ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let started = Instant::now();
    let mut encoder = match opts.format {
        ScanFormat::Table => Encoder::Table,
        ScanFormat::Jsonl => Encoder::Jsonl,
        ScanFormat::Csv => {
            let header = [
                "path",
                "rule",
                "severity",
                "kind",
                "line",
                "column",
                "start",
                "end",
                "clause",
                "page",
                "message",
                "quote",
                "suggestion",
            ];
            let mut w = csv::WriterBuilder::new().from_writer(&mut sink.writer);
            if let Err(e) = w
                .write_record(header)
                .and_then(|_| w.flush().map_err(csv::Error::from))
            {
                eprintln!("error: writing the report failed: {e}");
                return ExitCode::from(2);
            }
            Encoder::Csv
        }
        ScanFormat::Sarif => Encoder::Sarif(SarifWriter::new()),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return ExitCode::from(2);
        }
    };
    let (tx, rx) = mpsc::sync_channel::<(JsonFile, u64)>(64);
    let min = opts.min_severity;
    let mut summary = Summary::default();
    let mut total_findings = 0usize;
    let mut write_error: Option<io::Error> = None;
    // Largest files first, each worker taking the next file as soon as it is free: the long
    // contracts start early and the short ones fill in at the end, so no core sits idle while
    // another finishes a big file (halving the list between workers left the tail to one core).
    let mut queue: Vec<(u64, &PathBuf)> = files
        .iter()
        .map(|path| (std::fs::metadata(path).map_or(0, |m| m.len()), path))
        .collect();
    queue.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.broadcast(|_| {
                let tx = tx.clone();
                while let Some(&(bytes, path)) = queue.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let file = analyze_file(playbooks, path, min);
                    if tx.send((file, bytes)).is_err() {
                        break;
                    }
                }
            });
            drop(tx);
        });
        let mut bytes_done = 0u64;
        for (mut file, bytes) in rx {
            if let Some(prints) = &baseline {
                let before = file.findings.len();
                file.findings
                    .retain(|f| !prints.contains(&fingerprint(f.rule, &f.quote)));
                summary.suppressed_by_baseline += before - file.findings.len();
            }
            total_findings += file.findings.len();
            summary.record(&file, bytes);
            bytes_done += bytes;
            progress.inc(1);
            progress.set_message(format!(
                "{:.1} MB/s",
                bytes_done as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9)
            ));
            if write_error.is_some() {
                continue;
            }
            let result = match &mut encoder {
                Encoder::Table => Ok(()),
                Encoder::Jsonl => serde_json::to_writer(&mut sink.writer, &file)
                    .map_err(io::Error::other)
                    .and_then(|_| sink.writer.write_all(b"\n")),
                Encoder::Csv => write_csv(&mut sink.writer, &file),
                Encoder::Sarif(s) => s.write_file(&mut sink.writer, &file),
            };
            if let Err(e) = result {
                write_error = Some(e);
            }
        }
    });
    progress.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    let report = summary.render(elapsed, total_findings);
    let finished = match encoder {
        Encoder::Table => sink.writer.write_all(report.as_bytes()),
        Encoder::Sarif(s) => s.finish(&mut sink.writer, &summary.failed, &summary.read_in_part),
        _ => Ok(()),
    };
    if let Some(e) = write_error
        .or(finished.err())
        .or_else(|| sink.finish().err())
    {
        eprintln!("error: writing the report failed: {e}");
        return ExitCode::from(2);
    }
    if opts.format != ScanFormat::Table || opts.output.is_some() {
        eprint!("{report}");
    }
    if summary.scanned == 0 && !files.is_empty() {
        ExitCode::from(2)
    } else if total_findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// For tests of files that vanish or change during a scan: when `CLAUSELINT_TEST_DISCOVERY_HOOK`
/// names a path, the scan writes the files it found there and waits (up to a minute) until the
/// test removes it, so the test can delete or replace documents between discovery and reading
/// deterministically. Never set in normal use.
fn after_discovery_test_hook(files: &[PathBuf]) {
    let Some(hook) = std::env::var_os("CLAUSELINT_TEST_DISCOVERY_HOOK") else {
        return;
    };
    let hook = PathBuf::from(hook);
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    if std::fs::write(&hook, list).is_err() {
        return;
    }
    let started = Instant::now();
    while hook.exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn write_csv(out: &mut dyn Write, file: &JsonFile) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    // A row about reading the file, not about a clause: no rule, position, quote or suggestion.
    let mut reading_row = |severity: &str, kind: &str, page: String, message: &str| {
        w.write_record([
            file.path.as_str(),
            "",
            severity,
            kind,
            "",
            "",
            "",
            "",
            "",
            &page,
            message,
            "",
            "",
        ])
    };
    for e in &file.errors {
        reading_row("error", "read-error", String::new(), &e.message)?;
    }
    for warning in &file.warnings {
        let page = warning.page.map(|p| p.to_string()).unwrap_or_default();
        reading_row("warning", "read-warning", page, &warning.message)?;
    }
    for f in &file.findings {
        w.write_record([
            file.path.as_str(),
            f.rule,
            f.severity,
            f.kind,
            &f.line.to_string(),
            &f.column.to_string(),
            &f.start.to_string(),
            &f.end.to_string(),
            f.clause.as_deref().unwrap_or(""),
            &f.page.map(|p| p.to_string()).unwrap_or_default(),
            &f.message,
            &f.quote,
            f.suggestion.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()
}
