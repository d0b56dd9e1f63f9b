//! Where the time goes: parse, shared context, and each rule, summed over a corpus, on one thread.
//! `cargo run --release -p clauselint-analyzer --example rule_costs -- ../shared/corpus/terms`

use std::path::{Path, PathBuf};
use std::time::Duration;

use clauselint_analyzer::{all_rules, pattern_matches, Context};
use clauselint_parser::{format_for_path, parse};

/// The allocator of the `clauselint` binary and the language server: with the system allocator
/// this example charged the stages for malloc and free costs the shipped programs do not pay.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of this thread: the measure that stays meaningful when other work shares the cores.
#[derive(Clone, Copy)]
struct Instant(Duration);

impl Instant {
    fn now() -> Self {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant the kernel knows.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        Instant(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }

    fn elapsed(&self) -> Duration {
        Instant::now().0.saturating_sub(self.0)
    }
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

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/terms".into());
    let mut paths = Vec::new();
    collect(Path::new(&root), &mut paths);
    paths.sort();
    let sources: Vec<(PathBuf, String)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
        .collect();
    let bytes: usize = sources.iter().map(|(_, s)| s.len()).sum();
    // `RULES=drafting/undefined-term,terms/*` limits the run to those rules (for profiling one).
    let only: Vec<String> = std::env::var("RULES")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let rules: Vec<_> = all_rules()
        .iter()
        .copied()
        .filter(|r| {
            let id = r.meta().id;
            only.is_empty() || only.iter().any(|p| pattern_matches(p, id))
        })
        .collect();
    let mut parse_time = Duration::ZERO;
    let mut context_time = Duration::ZERO;
    let mut rule_times = vec![Duration::ZERO; rules.len()];
    let mut findings = 0usize;
    let wall = Instant::now();
    for (path, source) in &sources {
        let t = Instant::now();
        let doc = parse(source, format_for_path(&path.to_string_lossy()));
        parse_time += t.elapsed();
        let t = Instant::now();
        let cx = Context::new(&doc);
        context_time += t.elapsed();
        for (rule, time) in rules.iter().zip(&mut rule_times) {
            let mut out = Vec::new();
            let t = Instant::now();
            rule.check(&cx, &mut out);
            *time += t.elapsed();
            findings += out.len();
        }
    }
    let total = wall.elapsed();
    println!(
        "{} files, {:.1} MB, {findings} findings, {:.2} s CPU, {:.1} MB/s",
        sources.len(),
        bytes as f64 / 1e6,
        total.as_secs_f64(),
        bytes as f64 / 1e6 / total.as_secs_f64()
    );
    let mut rows: Vec<(String, Duration)> = vec![
        ("parse".into(), parse_time),
        ("context".into(), context_time),
    ];
    rows.extend(
        rules
            .iter()
            .zip(rule_times)
            .map(|(r, t)| (r.meta().id.to_string(), t)),
    );
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    for (name, time) in rows {
        println!(
            "{name:<40} {:>8.1} ms  {:>5.1} %",
            time.as_secs_f64() * 1e3,
            100.0 * time.as_secs_f64() / total.as_secs_f64()
        );
    }
}
