//! Word reading speed: reads every `.docx` in a folder ROUNDS times into a `Document` (package,
//! XML, numbering, tracked changes, clause tree, sentences, definitions, cross-references) and
//! prints files/s and MB/s. Run through `benches/docx.sh`.

use std::time::Instant;

use clauselint_parser::{parse_docx, DocxOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "tests/fixtures/docx".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        })
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .docx files in {dir}");
    let options = DocxOptions::default();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut text_bytes = 0usize;
    let start = Instant::now();
    for _ in 0..rounds {
        for (name, data) in &files {
            match parse_docx(data, &options) {
                Ok(doc) => text_bytes += doc.source.len(),
                Err(e) => panic!("{name}: {e}"),
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = files.len() * rounds;
    println!(
        "{} files × {rounds} rounds in {secs:.2} s: {:.0} files/s, {:.1} MB/s of .docx, {:.1} MB/s of text",
        files.len(),
        n as f64 / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        text_bytes as f64 / secs / 1e6
    );
}
