//! # clauselint (the command)
//!
//! Reads contract files, hands them to the parser and analyzer, and prints findings for people
//! (`human`) or programs (`json`). This crate owns all file I/O on user documents and never writes
//! to the documents it reads.

mod checklist;
mod diff;
mod eval;
mod input;
mod outline;
mod pdf_eval;
mod playbook;
mod report;
mod rules;
mod sarif;
mod scan;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clauselint_analyzer::{Analyzer, Severity};
use clauselint_config::{LimitSettings, Overrides};

/// Analysis makes many small, short-lived allocations (normalised sentences, hits, findings);
/// mimalloc serves them faster than the system allocator, on one thread and across `scan`'s workers.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "clauselint",
    version,
    about = "A linter for contracts: finds AI-training, data-rights, unfair-terms and drafting risks"
)]
struct Cli {
    /// For Word files with tracked changes: analyse the text with all changes accepted (what the
    /// redline proposes) or the original before the changes.
    #[arg(long, global = true, value_enum, default_value = "accepted")]
    revision: Revision,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Revision {
    Accepted,
    Original,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

impl From<MinSeverity> for Severity {
    fn from(m: MinSeverity) -> Severity {
        match m {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check contracts and report findings.
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
        /// Report only findings at or above this severity (also decides the exit status).
        #[arg(long, value_enum, default_value = "info")]
        min_severity: MinSeverity,
        #[command(flatten)]
        playbook: PlaybookArgs,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Scan folders of contracts in parallel: a report per file and a summary to act on.
    Scan {
        #[arg(long, value_enum, default_value = "table")]
        format: scan::ScanFormat,
        /// Write the report here (atomically: `FILE.partial` until the scan completes).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Worker threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Only files matching this glob (repeatable).
        #[arg(long)]
        include: Vec<String>,
        /// Skip files matching this glob (repeatable).
        #[arg(long)]
        exclude: Vec<String>,
        /// A previous JSONL or SARIF report: report only findings that are new.
        #[arg(long)]
        baseline: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "info")]
        min_severity: MinSeverity,
        #[command(flatten)]
        playbook: PlaybookArgs,
        /// Hide the progress bar.
        #[arg(long)]
        no_progress: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// The pre-signing review checklist for one contract.
    Checklist {
        #[arg(long, value_enum, default_value = "md")]
        format: checklist::ChecklistFormat,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        playbook: PlaybookArgs,
        file: PathBuf,
    },
    /// What changed between two versions of a contract, in findings.
    Diff {
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
        old: PathBuf,
        new: PathBuf,
    },
    /// Print the clause tree, definitions and cross-references the parser found.
    Outline { file: PathBuf },
    /// Print the text the rules see.
    Text { file: PathBuf },
    /// Score the rules against the labelled corpora: precision, recall and F1 per rule.
    Eval {
        /// Folder of labelled documents in clauselint's JSON format.
        #[arg(long, default_value = "corpus/labels")]
        labels: PathBuf,
        /// Folder of CLAUDETTE `.xml` documents.
        #[arg(long, default_value = "corpus/claudette")]
        claudette: PathBuf,
        /// List every false positive and missed label.
        #[arg(long)]
        verbose: bool,
        /// Restrict to rules whose id starts with this prefix.
        #[arg(long)]
        rule: Option<String>,
        /// Print the false positives and missed labels (whole sentences) of rules whose id starts
        /// with this prefix.
        #[arg(long, value_name = "RULE")]
        misses: Option<String>,
        /// Score the labelled documents used for tuning, the held-out ones, or all.
        #[arg(long, value_enum, default_value = "all")]
        split: eval::Split,
    },
    /// List the rules with their documentation (`rules list`, `rules test DIR`).
    Rules {
        #[command(subcommand)]
        action: Option<rules::RulesAction>,
    },
    /// Run the language server on stdin/stdout (for editors).
    Lsp {
        /// Accepted for editors that always pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Measure PDF reading: word-level similarity of each NAME.pdf in DIR to its NAME.txt.
    PdfEval {
        dir: PathBuf,
        /// Fail (exit 1) when a file scores below this.
        #[arg(long, default_value_t = 0.98)]
        min: f64,
        /// Show precision and recall, and every header or footer line removed.
        #[arg(long)]
        verbose: bool,
    },
}

/// The playbook options shared by `check`, `scan` and `checklist`.
#[derive(Args)]
struct PlaybookArgs {
    /// Use this configuration instead of the nearest `clauselint.toml` above each document.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Switch a rule or group off (`drafting/*`); repeatable. Beats the configuration.
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
    /// Switch a rule or group on although the configuration says `off`; repeatable.
    #[arg(long = "enable", value_name = "RULE")]
    enabled: Vec<String>,
    /// Report suppression comments that no longer suppress anything (`meta/unused-suppression`).
    #[arg(long)]
    report_unused_suppressions: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Per-document limits (see README "Limits"); each beats `[limits]` in `clauselint.toml`.
#[derive(Args)]
struct LimitArgs {
    /// Largest file read, in megabytes (default 32).
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..))]
    max_file_size_mb: Option<u64>,
    /// Deepest nesting of block quotes, lists and clauses (default 100).
    #[arg(long, value_name = "LEVELS", value_parser = clap::value_parser!(u64).range(1..))]
    max_nesting: Option<u64>,
    /// Longest time to read and analyse one document, in seconds (default 60).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    max_analysis_seconds: Option<u64>,
    /// Most objects in a PDF (default 2000000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max_pdf_objects: Option<u64>,
    /// Largest decompressed PDF stream, in megabytes (default 64).
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..))]
    max_pdf_stream_mb: Option<u64>,
}

impl PlaybookArgs {
    fn playbooks(self) -> playbook::Playbooks {
        playbook::Playbooks::new(
            self.config,
            Overrides {
                disable: self.disabled,
                enable: self.enabled,
                severities: Vec::new(),
                report_unused_suppressions: self.report_unused_suppressions,
            },
            LimitSettings {
                max_file_size_mb: self.limits.max_file_size_mb,
                max_nesting: self.limits.max_nesting,
                max_analysis_seconds: self.limits.max_analysis_seconds,
                max_pdf_objects: self.limits.max_pdf_objects,
                max_pdf_stream_mb: self.limits.max_pdf_stream_mb,
            },
        )
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    input::set_revision_view(match cli.revision {
        Revision::Accepted => clauselint_parser::RevisionView::Accepted,
        Revision::Original => clauselint_parser::RevisionView::Original,
    });
    match cli.command {
        Command::Check {
            format,
            min_severity,
            playbook,
            files,
        } => report::check(
            &playbook.playbooks(),
            &files,
            matches!(format, OutputFormat::Json),
            min_severity.into(),
        ),
        Command::Scan {
            format,
            output,
            jobs,
            include,
            exclude,
            baseline,
            min_severity,
            playbook,
            no_progress,
            paths,
        } => scan::run(
            &playbook.playbooks(),
            &scan::ScanOptions {
                paths,
                format,
                output,
                jobs,
                include,
                exclude,
                baseline,
                min_severity: min_severity.into(),
                progress: !no_progress,
            },
        ),
        Command::Checklist {
            format,
            output,
            playbook,
            file,
        } => {
            let playbooks = playbook.playbooks();
            match playbooks.for_document(&file) {
                Ok(loaded) => {
                    let code = checklist::run(&loaded, &file, format, output.as_ref());
                    if playbooks.had_errors() {
                        ExitCode::from(2)
                    } else {
                        code
                    }
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Diff { format, old, new } => diff::run(
            &Analyzer::default(),
            &old,
            &new,
            matches!(format, OutputFormat::Json),
        ),
        Command::Outline { file } => outline::run(&file),
        Command::Text { file } => match input::load(&file) {
            Ok(doc) => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(doc.source.as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Eval {
            labels,
            claudette,
            verbose,
            rule,
            misses,
            split,
        } => eval::run(
            &labels,
            &claudette,
            &eval::EvalOptions {
                rule: rule.as_deref(),
                verbose,
                misses: misses.as_deref(),
                split,
            },
        ),
        Command::PdfEval { dir, min, verbose } => pdf_eval::run(&dir, min, verbose),
        Command::Lsp { .. } => match clauselint_lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot start the language server: {e}");
                ExitCode::from(2)
            }
        },
        Command::Rules { action } => rules::run(action),
    }
}

/// Write a whole file so that it either appears complete or not at all: a temporary sibling,
/// flushed, then renamed over the target.
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}

pub(crate) fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
