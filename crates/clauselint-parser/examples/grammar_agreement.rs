//! How far the grammar-driven plain-text structure agrees with the line-based reader it replaced.
//!
//! `cargo run --release -p clauselint-parser --example grammar_agreement -- [DIR] [--examples N]`
//! (DIR defaults to ../shared/corpus/terms; a single FILE instead prints both readers' clause trees). Each Markdown file is read twice as plain text: raw
//! (the file as `clauselint text` prints it) and as Markdown's analysis text (markup blanked). A
//! clause is matched by where it starts; matched clauses are compared on number, title, depth,
//! parent and extent. Prints totals, differences by reason, and a few examples of each.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use clauselint_parser::{parse, parse_text_line_based, Document, Format};

#[derive(Default)]
struct Tally {
    docs: usize,
    old_clauses: usize,
    new_clauses: usize,
    identical: usize,
    reasons: BTreeMap<&'static str, usize>,
    examples: BTreeMap<&'static str, Vec<String>>,
}

fn line_at(doc: &Document, offset: usize) -> String {
    let text = &doc.text;
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line: String = text[start..end].trim().chars().take(90).collect();
    line
}

fn compare(name: &str, text: &str, tally: &mut Tally, keep: usize) {
    let old = parse_text_line_based(text);
    let new = parse(text, Format::Text);
    tally.docs += 1;
    tally.old_clauses += old.clauses.len();
    tally.new_clauses += new.clauses.len();
    let by_start = |doc: &Document| -> HashMap<usize, usize> {
        doc.clauses.iter().map(|c| (c.span.start, c.id)).collect()
    };
    let old_at = by_start(&old);
    let new_at = by_start(&new);
    let note = |reason: &'static str, detail: String, tally: &mut Tally| {
        *tally.reasons.entry(reason).or_default() += 1;
        let list = tally.examples.entry(reason).or_default();
        if list.len() < keep {
            list.push(format!("{name}: {detail}"));
        }
    };
    for c in &old.clauses {
        let Some(&n) = new_at.get(&c.span.start) else {
            note(
                "only in line-based reader",
                line_at(&old, c.span.start),
                tally,
            );
            continue;
        };
        let d = &new.clauses[n];
        let parent_start = |doc: &Document, p: Option<usize>| p.map(|p| doc.clauses[p].span.start);
        let mut differs = false;
        if c.number != d.number {
            differs = true;
            note(
                "number differs",
                format!(
                    "{:?} vs {:?}: {}",
                    c.number,
                    d.number,
                    line_at(&old, c.span.start)
                ),
                tally,
            );
        }
        if c.title != d.title {
            differs = true;
            let underline = |t: &str| t.trim_end_matches(['=', '-', ' ']).to_string();
            let reason = match (&c.title, &d.title) {
                (Some(a), Some(b)) if underline(a) == *b => {
                    "title: line-based kept a setext underline (=== / ---) in it"
                }
                (None, Some(_)) => "title: only the grammar found one",
                (Some(_), None) => "title: only the line-based reader found one",
                _ => "title: text differs",
            };
            note(
                reason,
                format!(
                    "{:?} vs {:?}: {}",
                    c.title,
                    d.title,
                    line_at(&old, c.span.start)
                ),
                tally,
            );
        }
        if parent_start(&old, c.parent) != parent_start(&new, d.parent) || c.depth != d.depth {
            differs = true;
            note(
                "parent differs",
                format!(
                    "depth {} vs {}: {}",
                    c.depth,
                    d.depth,
                    line_at(&old, c.span.start)
                ),
                tally,
            );
        }
        if c.span.end != d.span.end {
            differs = true;
            note(
                "extent differs",
                format!(
                    "ends at {} vs {}: {}",
                    c.span.end,
                    d.span.end,
                    line_at(&old, c.span.start)
                ),
                tally,
            );
        }
        if c.style != d.style {
            differs = true;
            note(
                "style differs",
                format!(
                    "{:?} vs {:?}: {}",
                    c.style,
                    d.style,
                    line_at(&old, c.span.start)
                ),
                tally,
            );
        }
        if !differs {
            tally.identical += 1;
        }
    }
    for d in &new.clauses {
        if !old_at.contains_key(&d.span.start) {
            note("only in grammar", line_at(&new, d.span.start), tally);
        }
    }
}

fn report(label: &str, tally: &Tally) {
    println!("== {label}");
    println!(
        "documents {}, clauses: line-based {}, grammar {}; identical {} ({:.2}% of line-based)",
        tally.docs,
        tally.old_clauses,
        tally.new_clauses,
        tally.identical,
        100.0 * tally.identical as f64 / tally.old_clauses.max(1) as f64
    );
    for (reason, count) in &tally.reasons {
        println!("  {reason}: {count}");
        for example in tally.examples.get(reason).into_iter().flatten() {
            println!("      {example}");
        }
    }
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

/// One file: both readers' clause trees, one line per clause.
fn show(path: &std::path::Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("error: cannot read {}", path.display());
        std::process::exit(2);
    };
    for (label, doc) in [
        ("line-based", parse_text_line_based(&text)),
        ("grammar", parse(&text, Format::Text)),
    ] {
        println!("== {label}");
        for c in &doc.clauses {
            println!(
                "{:>6} {}{:?} {:?} | {}",
                c.span.start,
                "  ".repeat(c.depth),
                c.number,
                c.title,
                line_at(&doc, c.span.start)
            );
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/corpus/terms");
    let mut keep = 4;
    while let Some(arg) = args.next() {
        if arg == "--examples" {
            keep = args.next().and_then(|n| n.parse().ok()).unwrap_or(keep);
        } else {
            dir = PathBuf::from(arg);
        }
    }
    if dir.is_file() {
        show(&dir);
        return;
    }
    let files = match contract_files(&dir) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let mut raw = Tally::default();
    let mut blanked = Tally::default();
    for path in &files {
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("warning: skipping {}: {e}", path.display());
                continue;
            }
        };
        compare(&name, &text, &mut raw, keep);
        let markdown = parse(&text, Format::Markdown);
        compare(&name, &markdown.text, &mut blanked, keep);
    }
    report("raw files read as plain text", &raw);
    report(
        "Markdown analysis text (markup blanked) read as plain text",
        &blanked,
    );
}
