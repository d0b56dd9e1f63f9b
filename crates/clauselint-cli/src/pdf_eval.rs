//! `clauselint pdf-eval DIR`: how faithfully PDFs are read, against reference texts.
//!
//! For every `NAME.pdf` in the folder that has a `NAME.txt` beside it (CUAD ships both), compares
//! words (whitespace folded, typographic quotes and dashes folded) by longest common subsequence:
//!
//! - `extracted`: everything read from the pages, running headers and footers included;
//! - `rules`: the text the rules see (headers, footers and page numbers removed) against the same
//!   reference, which still contains them;
//! - `rules*`: the text the rules see against the reference without its lines that are the page
//!   furniture removed.
//!
//! Prints F1 per file and exits 1 when `extracted` or `rules*` is below `--min` for any file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clauselint_parser::pdf::{extract, strip_lines, word_similarity, PdfOptions};

pub fn run(dir: &Path, min: f64, verbose: bool) -> ExitCode {
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
                    && p.with_extension("txt").is_file()
            })
            .collect(),
        Err(e) => {
            eprintln!("error: {}: cannot read the folder: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    files.sort();
    if files.is_empty() {
        eprintln!(
            "error: {}: no NAME.pdf with a NAME.txt reference beside it",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let mut out = anstream::stdout().lock();
    let _ = writeln!(
        out,
        "{:<44} {:>5} {:>7} {:>9} {:>7} {:>7} {:>6} {:>8}",
        "file", "pages", "words", "extracted", "rules", "rules*", "furn.", "ms"
    );
    let mut worst = f64::INFINITY;
    let mut failed = false;
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let short: String = name.chars().take(44).collect();
        let (bytes, reference) = match (
            std::fs::read(path),
            std::fs::read(path.with_extension("txt")),
        ) {
            (Ok(b), Ok(r)) => (b, String::from_utf8_lossy(&r).into_owned()),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("error: {}: cannot read the file: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let started = Instant::now();
        let rules = extract(&bytes, &PdfOptions::default());
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let raw = extract(
            &bytes,
            &PdfOptions {
                keep_furniture: true,
                ..PdfOptions::default()
            },
        );
        let (rules, raw) = match (rules, raw) {
            (Ok(r), Ok(k)) => (r, k),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("error: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let extracted = word_similarity(&raw.text, &reference);
        let plain = word_similarity(&rules.text, &reference);
        let (stripped, _) = strip_lines(&reference, &rules.furniture);
        let adjusted = word_similarity(&rules.text, &stripped);
        let low = extracted.f1.min(adjusted.f1);
        worst = worst.min(low);
        failed |= low < min;
        let _ = writeln!(
            out,
            "{short:<44} {:>5} {:>7} {:>9.4} {:>7.4} {:>7.4} {:>6} {:>8.1}{}",
            rules.pages,
            extracted.words,
            extracted.f1,
            plain.f1,
            adjusted.f1,
            rules.furniture.len(),
            ms,
            if low < min { "  < min" } else { "" }
        );
        if verbose {
            let _ = writeln!(
                out,
                "    extracted: precision {:.4} recall {:.4} ({} of {} reference words)",
                extracted.precision, extracted.recall, extracted.common, extracted.reference_words
            );
            for line in &rules.furniture {
                let _ = writeln!(out, "    removed: {line}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\nlowest of extracted and rules*: {worst:.4} (target {min}); `extracted` keeps running \
         headers and footers, `rules*` compares the rules' text with the reference minus those lines"
    );
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
