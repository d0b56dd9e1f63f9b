//! Where a parse spends its time: CPU time per phase (Markdown events and markup blanking, line
//! index, clause structure, sentences, definitions, term uses, cross-references) summed over a
//! corpus, and what the first parse in a process pays for compiling the parser's regular
//! expressions and automata.
//!
//! `cargo run --release -p clauselint-parser --example parse_phases -- [DIR] [--runs N]`
//! (DIR defaults to ../shared/corpus/terms). With several runs, each phase's fastest run is shown:
//! on a shared machine the minimum is the figure least disturbed by other work.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clauselint_parser::{format_for_path, parse_profiled, Format, ParsePhase};

const PHASES: [ParsePhase; 7] = [
    ParsePhase::Markup,
    ParsePhase::LineIndex,
    ParsePhase::Structure,
    ParsePhase::Sentences,
    ParsePhase::Definitions,
    ParsePhase::TermUses,
    ParsePhase::CrossReferences,
];

/// CPU time of this thread: the measure that stays meaningful when other work shares the cores.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant the kernel knows.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "txt")
        ) {
            out.push(path);
        }
    }
}

/// Parse every source once; the CPU time each phase took, summed, in `PHASES` order.
fn time_phases(sources: &[(Format, String)]) -> [Duration; PHASES.len()] {
    let mut totals = [Duration::ZERO; PHASES.len()];
    for (format, source) in sources {
        let mut last = thread_cpu();
        let doc = parse_profiled(source, *format, &mut |phase| {
            let now = thread_cpu();
            let index = PHASES
                .iter()
                .position(|&p| p == phase)
                .expect("known phase");
            totals[index] += now - last;
            last = now;
        });
        std::hint::black_box(doc);
    }
    totals
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut dir = PathBuf::from("../shared/corpus/terms");
    let mut runs = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let mut paths = Vec::new();
    collect(&dir, &mut paths);
    paths.sort();
    let sources: Vec<(Format, String)> = paths
        .iter()
        .filter_map(|p| {
            let source = std::fs::read_to_string(p).ok()?;
            Some((format_for_path(&p.to_string_lossy()), source))
        })
        .collect();
    let bytes: usize = sources.iter().map(|(_, s)| s.len()).sum();

    // The first parse of a small document: mostly compiling what the parser compiles once per
    // process (a CLI run on one small file, or a language server's first open, pays it).
    let small = "# 1. Definitions\n\n“Services” means the services (the “Platform”). \
                 See Section 2 and clause 1(a).\n\n## 2. Use\n\nYou may use the Services.\n";
    let start = thread_cpu();
    std::hint::black_box(clauselint_parser::parse(small, Format::Markdown));
    let first = thread_cpu() - start;
    let start = thread_cpu();
    std::hint::black_box(clauselint_parser::parse(small, Format::Markdown));
    let second = thread_cpu() - start;
    println!(
        "first parse of a small document {:.2} ms CPU (second {:.3} ms): start-up {:.2} ms",
        ms(first),
        ms(second),
        ms(first.saturating_sub(second))
    );

    let mut best = [Duration::MAX; PHASES.len()];
    for _ in 0..runs.max(1) {
        let totals = time_phases(&sources);
        for (best, total) in best.iter_mut().zip(totals) {
            *best = (*best).min(total);
        }
    }
    let total: Duration = best.iter().sum();
    println!(
        "{} files, {:.1} MB: parse {:.1} ms CPU, {:.1} MB/s",
        sources.len(),
        bytes as f64 / 1e6,
        ms(total),
        bytes as f64 / 1e6 / total.as_secs_f64()
    );
    for (phase, time) in PHASES.iter().zip(best) {
        println!(
            "  {:<18} {:>8.1} ms  {:>5.1} %",
            format!("{phase:?}"),
            ms(time),
            100.0 * time.as_secs_f64() / total.as_secs_f64()
        );
    }
}
