//! Instruction-count probe for callgrind: a warm-up pass over one directory (regex compilation,
//! lazy DFA caches), then parse + context + every rule over a second, inside `measured`, so
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*probe*measured*'` counts
//! only the per-document work.
//! `cargo run --release -p clauselint-analyzer --example probe -- WARM_DIR MEASURED_DIR`

use std::path::{Path, PathBuf};

use clauselint_analyzer::{all_rules, Context};
use clauselint_parser::{format_for_path, parse};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn read_dir(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
        .collect()
}

#[inline(never)]
fn run(sources: &[(PathBuf, String)]) -> usize {
    let mut findings = 0;
    for (path, source) in sources {
        let doc = parse(source, format_for_path(&path.to_string_lossy()));
        let cx = Context::new(&doc);
        for rule in all_rules() {
            let mut out = Vec::new();
            rule.check(&cx, &mut out);
            findings += out.len();
        }
    }
    findings
}

#[inline(never)]
fn measured(sources: &[(PathBuf, String)]) -> usize {
    // Not the same body as `run`: identical functions may be folded into one symbol.
    std::hint::black_box(run(std::hint::black_box(sources)))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let warm = read_dir(Path::new(&args.next().expect("warm-up directory")));
    let measure = read_dir(Path::new(&args.next().expect("measured directory")));
    let warm_findings = run(&warm);
    let findings = measured(&measure);
    println!("{warm_findings} warm-up findings, {findings} measured findings");
}
