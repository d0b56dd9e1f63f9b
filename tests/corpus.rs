//! Parses and analyses every document of the shared corpus (when `../shared` is present beside the
//! checkout) and of `corpus/`, checking the model's invariants: no panic, every span inside the
//! source on character boundaries, children inside parents, sentences inside their blocks.

use std::path::{Path, PathBuf};

use clauselint_analyzer::Analyzer;
use clauselint_parser::{format_for_path, parse, Document, Span};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
            out.push(path);
        }
    }
}

fn check_span(doc: &Document, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= doc.source.len(),
        "{what} {span:?} out of bounds"
    );
    assert!(
        doc.source.is_char_boundary(span.start) && doc.source.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fn check_invariants(doc: &Document, path: &Path) {
    let violations = doc.invariant_violations();
    assert!(
        violations.is_empty(),
        "{}: {}",
        path.display(),
        violations.join("; ")
    );
}

#[test]
fn every_corpus_document_parses_and_analyses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    files_under(&root.join("corpus"), &mut files);
    let shared = root.join("../shared/corpus");
    files_under(&shared.join("terms"), &mut files);
    files_under(&shared.join("claudette"), &mut files);
    assert!(
        files.len() >= 40,
        "corpus/ should hold the bundled documents"
    );
    if !shared.exists() {
        eprintln!(
            "note: ../shared/corpus not found; checked only the bundled corpus ({} files)",
            files.len()
        );
    }
    let analyzer = Analyzer::default();
    let mut clauses = 0;
    for path in &files {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = parse(&text, format_for_path(&path.to_string_lossy()));
        check_invariants(&doc, path);
        clauses += doc.clauses.len();
        for f in analyzer.analyze(&doc) {
            check_span(&doc, f.span, f.rule);
        }
    }
    eprintln!("{} documents, {clauses} clauses", files.len());
}
