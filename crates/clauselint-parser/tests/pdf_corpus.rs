//! Fidelity floor on real contracts: each CUAD PDF, read by clauselint, against CUAD's own `.txt`
//! of the same contract (word-level LCS F1, whitespace and typography folded). Runs on the bundled
//! `corpus/pdf/` always, and on `../shared/corpus/pdf/` when it is checked out beside the repository
//! (skipped with a note otherwise). `clauselint pdf-eval DIR` prints the same figures.

use std::path::{Path, PathBuf};

use clauselint_parser::parse_pdf;
use clauselint_parser::pdf::{extract, strip_lines, word_similarity, PdfOptions};

/// Everything read from the pages (running headers and footers kept) against the reference.
const EXTRACTED_FLOOR: f64 = 0.985;
/// The text the rules see against the reference without the header and footer lines removed.
const RULES_FLOOR: f64 = 0.985;

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && p.with_extension("txt").is_file())
        .collect();
    files.sort();
    files
}

fn check(files: &[PathBuf]) {
    let mut failures = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).unwrap();
        let reference =
            String::from_utf8_lossy(&std::fs::read(path.with_extension("txt")).unwrap())
                .into_owned();
        let raw = extract(
            &bytes,
            &PdfOptions {
                keep_furniture: true,
                ..PdfOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rules = extract(&bytes, &PdfOptions::default()).unwrap();
        let extracted = word_similarity(&raw.text, &reference).f1;
        let (stripped, _) = strip_lines(&reference, &rules.furniture);
        let adjusted = word_similarity(&rules.text, &stripped).f1;
        let name = path.file_name().unwrap().to_string_lossy();
        eprintln!("{extracted:.4} {adjusted:.4} {name}");
        if extracted < EXTRACTED_FLOOR || adjusted < RULES_FLOOR {
            failures.push(format!(
                "{name}: extracted {extracted:.4}, rules* {adjusted:.4}"
            ));
        }
        // The whole pipeline holds together on real files: pages, clauses, spans.
        let doc = parse_pdf(&bytes).unwrap();
        assert_eq!(doc.page_starts.len(), rules.pages, "{name}");
        assert!(!doc.clauses.is_empty(), "{name}: no clauses found");
        assert!(doc.sentences.iter().all(|s| s.span.end <= doc.source.len()));
    }
    assert!(
        failures.is_empty(),
        "below the floor:\n{}",
        failures.join("\n")
    );
}

#[test]
fn bundled_pdf_reads_faithfully() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let files = pdfs(&dir);
    assert!(
        !files.is_empty(),
        "corpus/pdf/ should hold a PDF with its .txt"
    );
    check(&files);
}

#[test]
fn shared_cuad_pdfs_read_faithfully() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/pdf");
    let files = pdfs(&dir);
    if files.is_empty() {
        eprintln!(
            "note: {} not found; skipped the shared PDF corpus",
            dir.display()
        );
        return;
    }
    check(&files);
}
