//! What the first analysis in a process costs against later ones: parse + every rule over one
//! document, several times in one process. The first run compiles the regular expressions and
//! automata it reaches and fills their lazily built caches; the language server's first open and
//! a one-file `clauselint check` pay that. Under callgrind, `-- FILE 1` counts the first run alone.
//! `cargo run --release -p clauselint-analyzer --example first_analysis -- FILE [RUNS]`

use std::time::Instant;

use clauselint_analyzer::Analyzer;
use clauselint_parser::{format_for_path, parse};

/// The allocator of the `clauselint` binary and the language server.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: first_analysis FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = match args.next().map(|s| s.parse()) {
        None => 4,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("RUNS must be a whole number");
            std::process::exit(2);
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let format = format_for_path(&path);
    for run in 1..=runs {
        let t = Instant::now();
        let doc = parse(&text, format);
        let parsed = t.elapsed();
        let findings = Analyzer::default().analyze(&doc);
        let total = t.elapsed();
        println!(
            "run {run}: parse {:6.1} ms, rules {:6.1} ms, total {:6.1} ms ({} findings)",
            parsed.as_secs_f64() * 1e3,
            (total - parsed).as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            findings.len()
        );
    }
}
