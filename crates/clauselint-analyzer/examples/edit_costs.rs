//! What one keystroke costs the language server's analysis, in thread CPU time (meaningful on a
//! shared machine, unlike wall time): parse of the new text, then [`Incremental::update`], over
//! edits spread through one document (typing a character, then pasting `“§—`, alternately), and
//! the wall time of an update (the drafting rules run on a helper thread beside the others).
//! `cargo run --release -p clauselint-analyzer --example edit_costs -- FILE [EDITS]`
//! Run it under `perf record` to see where an update spends its time.

use std::sync::Arc;
use std::time::Duration;

use clauselint_analyzer::{Analyzer, Incremental, Update};
use clauselint_parser::{format_for_path, parse};

fn clock(id: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant the kernel knows.
    unsafe { libc::clock_gettime(id, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// CPU time of this thread.
fn cpu_now() -> Duration {
    clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time of all threads of the process: an update runs the drafting rules on a helper thread
/// (`incremental::rule_helper`), which this thread's clock does not count.
fn process_cpu_now() -> Duration {
    clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p / 100.0).round() as usize;
    sorted[i]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        "/work/shared/corpus/terms/Amazon Web Services/Terms of Service.md".into()
    });
    let edits: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let format = format_for_path(&path);

    let t = cpu_now();
    let doc = Arc::new(parse(&text, format));
    let first_parse = cpu_now() - t;
    let t = cpu_now();
    let mut state = Incremental::new(Arc::new(Analyzer::default()), doc);
    let first_analysis = cpu_now() - t;
    let t = cpu_now();
    let doc = Arc::new(parse(&text, format));
    let warm_parse = cpu_now() - t;
    let t = cpu_now();
    drop(Incremental::new(Arc::new(Analyzer::default()), doc));
    let warm_analysis = cpu_now() - t;
    println!(
        "open: {:.1} ms parse + {:.1} ms analysis cold (first in the process), {:.1} + {:.1} ms warm",
        ms(first_parse),
        ms(first_analysis),
        ms(warm_parse),
        ms(warm_analysis)
    );

    // Lines long enough to be prose, spread over the document.
    let lines: Vec<(usize, usize)> = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, l)| (l.chars().count() >= 40).then_some((i, l.chars().count() / 2)))
        .collect();
    let mut current = text.clone();
    let (mut parses, mut updates, mut update_totals) = (Vec::new(), Vec::new(), Vec::new());
    let mut update_walls = Vec::new();
    let (mut partial, mut full) = (0, Vec::new());
    for i in 0..edits {
        let (line, col) = lines[(i * lines.len() / edits.max(1)) % lines.len()];
        let start: usize = current.split_inclusive('\n').take(line).map(str::len).sum();
        let at = start
            + current[start..]
                .char_indices()
                .nth(col)
                .map_or(0, |(b, _)| b);
        if i % 2 == 0 {
            current.insert(at, 'x');
        } else {
            current.insert_str(at, "“§—");
        }
        let t = cpu_now();
        let doc = Arc::new(parse(&current, format));
        parses.push(ms(cpu_now() - t));
        let (t, total, wall) = (cpu_now(), process_cpu_now(), std::time::Instant::now());
        match state.update(doc) {
            Update::Partial { .. } => partial += 1,
            Update::Full(reason) => full.push(reason),
            Update::Unchanged => {}
        }
        updates.push(ms(cpu_now() - t));
        update_walls.push(ms(wall.elapsed()));
        update_totals.push(ms(process_cpu_now() - total));
    }
    parses.sort_by(f64::total_cmp);
    updates.sort_by(f64::total_cmp);
    update_totals.sort_by(f64::total_cmp);
    update_walls.sort_by(f64::total_cmp);
    println!(
        "per edit: parse {:.2} ms median ({:.2} p95), update {:.2} ms median ({:.2} p95) on this thread, \
         {:.2} ms median ({:.2} p95) on all threads, {:.2} ms median wall; {partial} partial, {} full {:?}",
        percentile(&parses, 50.0),
        percentile(&parses, 95.0),
        percentile(&updates, 50.0),
        percentile(&updates, 95.0),
        percentile(&update_totals, 50.0),
        percentile(&update_totals, 95.0),
        percentile(&update_walls, 50.0),
        full.len(),
        full
    );
}
