//! In-process PDF benchmark: per file, clauselint's PDF reading and all rules (without process
//! start-up), against `pdftotext -layout` run on the same file in the same run.
//!
//!   cargo run --release -p clauselint-cli --example pdf_bench -- DIR [RUNS]
//!
//! Figures are medians of RUNS (default 5). `benches/pdf.sh` runs this after its end-to-end
//! comparison of the two commands.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clauselint_analyzer::{Analyzer, Settings};
use clauselint_parser::parse_pdf;

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "corpus/pdf".to_string()));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();

    let started = Instant::now();
    let analyzer = Analyzer::new(Settings::default());
    let setup = started.elapsed().as_secs_f64() * 1000.0;
    let have_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();

    println!(
        "{:<44} {:>7} {:>8} {:>8} {:>10} {:>10} {:>6}",
        "file", "read ms", "rules ms", "total ms", "pdftotext", "findings", "ratio"
    );
    let (mut sum_ours, mut sum_theirs) = (0.0, 0.0);
    for path in &files {
        let bytes = std::fs::read(path).expect("readable");
        let (mut read, mut rules, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
        let mut findings = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let doc = match parse_pdf(&bytes) {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    break;
                }
            };
            read.push(t.elapsed());
            let t = Instant::now();
            findings = analyzer.analyze(&doc).len();
            rules.push(t.elapsed());
            if have_pdftotext {
                let t = Instant::now();
                let _ = Command::new("pdftotext")
                    .args(["-layout".as_ref(), path.as_os_str(), "-".as_ref()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                theirs.push(t.elapsed());
            }
        }
        if read.is_empty() {
            continue;
        }
        let (r, a) = (median(read), median(rules));
        let p = if theirs.is_empty() {
            f64::NAN
        } else {
            median(theirs)
        };
        sum_ours += r + a;
        sum_theirs += p;
        let name: String = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .chars()
            .take(44)
            .collect();
        println!(
            "{name:<44} {r:>7.1} {a:>8.1} {:>8.1} {p:>10.1} {findings:>10} {:>5.1}x",
            r + a,
            p / (r + a)
        );
    }
    println!(
        "{:<44} {:>7} {:>8} {sum_ours:>8.1} {sum_theirs:>10.1} {:>10} {:>5.1}x",
        "total",
        "",
        "",
        "",
        sum_theirs / sum_ours
    );
    println!("(analyzer set-up, once per process: {setup:.1} ms; ratio > 1: clauselint faster)");
}
