//! Parse time of the contract grammar on the largest documents of a corpus: from scratch, and
//! after a one-character edit (incremental re-parse with `Tree::edit`), next to the full plain-text
//! model build and the line-based reader it replaced.
//!
//! `cargo run --release -p clauselint-parser --example grammar_bench -- [DIR] [--top N]`
//! (DIR defaults to ../shared/corpus/terms; run through `benches/grammar.sh`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clauselint_parser::{parse, parse_text_line_based, ContractTree, Format};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// Every `.md` / `.txt` file under `dir`, recursively, sorted.
fn contract_files(dir: &std::path::Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/corpus/terms");
    let mut top = 5;
    while let Some(arg) = args.next() {
        if arg == "--top" {
            top = args.next().and_then(|n| n.parse().ok()).unwrap_or(top);
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let Ok(paths) = contract_files(&dir) else {
        eprintln!("error: cannot read {}", dir.display());
        std::process::exit(2);
    };
    let mut files: Vec<(u64, PathBuf)> = paths
        .into_iter()
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.len(), p)))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    println!("document | KiB | clauses | tree-sitter scratch ms | one-char edit + incremental reparse ms | model from tree ms | full text parse ms | line-based parse ms");
    for (size, path) in files.into_iter().take(top) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("warning: skipping unreadable {}", path.display());
            continue;
        };
        let runs = 15;
        let scratch = time(runs, || {
            ContractTree::new(&text);
        });
        // Type one character in the middle of the document, then delete it again: each edit is one
        // incremental re-parse; the median over both directions is reported.
        let mut tree = ContractTree::new(&text);
        let middle = (text.len() / 2..text.len())
            .find(|&i| text.is_char_boundary(i) && text.as_bytes()[i] == b' ')
            .unwrap_or(0);
        let mut edits = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            tree.edit(middle, middle, "x");
            edits.push(start.elapsed());
            let start = Instant::now();
            tree.edit(middle, middle + 1, "");
            edits.push(start.elapsed());
        }
        let incremental = median(edits);
        let model = time(runs, || {
            tree.document();
        });
        let full = time(runs, || {
            parse(&text, Format::Text);
        });
        let line_based = time(runs, || {
            parse_text_line_based(&text);
        });
        let clauses = tree.document().clauses.len();
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!(
            "{name} | {} | {clauses} | {} | {} | {} | {} | {}",
            size / 1024,
            ms(scratch),
            ms(incremental),
            ms(model),
            ms(full),
            ms(line_based)
        );
    }
}
