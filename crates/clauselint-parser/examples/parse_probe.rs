//! Instruction-count probe for callgrind, parse only. A warm-up pass over one directory compiles
//! the parser's regexes and fills their lazy DFA caches; then every file of a second directory is
//! parsed inside `measured`, so
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*parse_probe*measured*'`
//! counts only the per-document work. With `--cold FILE` instead, one file is parsed once and
//! nothing else: run that with the default `--collect-atstart=yes` to count what the first parse
//! in a process pays (compiling regexes and automata).
//! `cargo run --release -p clauselint-parser --example parse_probe -- WARM_DIR MEASURED_DIR`

use std::path::{Path, PathBuf};

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
    let mut sentences = 0;
    for (path, source) in sources {
        let doc = parse(source, format_for_path(&path.to_string_lossy()));
        sentences += doc.sentences.len();
    }
    sentences
}

#[inline(never)]
fn measured(sources: &[(PathBuf, String)]) -> usize {
    // Not the same body as `run`: identical functions may be folded into one symbol.
    std::hint::black_box(run(std::hint::black_box(sources)))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next().expect("warm-up directory or --cold");
    if first == "--cold" {
        let path = args.next().expect("file to parse once");
        let source = std::fs::read_to_string(&path).expect("readable file");
        let doc = parse(&source, format_for_path(&path));
        println!("{} sentences", doc.sentences.len());
        return;
    }
    let warm = read_dir(Path::new(&first));
    let measure = read_dir(Path::new(&args.next().expect("measured directory")));
    let warm_sentences = run(&warm);
    let sentences = measured(&measure);
    println!("{warm_sentences} warm-up sentences, {sentences} measured sentences");
}
