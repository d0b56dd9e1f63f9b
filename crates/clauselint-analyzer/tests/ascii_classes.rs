//! The analyzer's and parser's regular expressions write word characters as `(?-u:\w)`, not `\w`.
//!
//! Unicode `\w` is about 770 code-point ranges: each occurrence compiles into a large UTF-8
//! automaton (about 0.7 ms against 0.01 ms for the ASCII class). With a hundred of them the
//! language server spent a sixth of its first analysis compiling word classes, which is time a
//! lawyer waits for after opening a contract. The rules read English suffixes ("delet\w*"), for
//! which the ASCII class is the same. Character classes (`[\w’'-]`, in defined-term names that
//! may carry accented letters) keep the Unicode meaning and are not flagged. `pattern.rs` and
//! `text_regex.rs` compare the Unicode and ASCII forms of patterns on purpose and are exempt.

use std::path::{Path, PathBuf};

fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source directory is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Byte offsets of `\w` on `line` outside a character class and not already written `(?-u:\w)`.
fn unicode_word_classes(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if i + 1 < bytes.len() => {
                if bytes[i + 1] == b'w' && class_depth == 0 && !line[..i].ends_with("(?-u:") {
                    found.push(i);
                }
                i += 2;
                continue;
            }
            b'[' => class_depth += 1,
            b']' => class_depth = class_depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    found
}

#[test]
fn regexes_use_the_ascii_word_class() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_sources(&manifest.join("src"), &mut files);
    rust_sources(&manifest.join("../clauselint-parser/src"), &mut files);
    assert!(files.len() > 20, "found the crates' sources");
    let mut offenders = Vec::new();
    for file in files
        .iter()
        .filter(|f| !f.ends_with("pattern.rs") && !f.ends_with("text_regex.rs"))
    {
        let text = std::fs::read_to_string(file).expect("source is UTF-8");
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for column in unicode_word_classes(line) {
                offenders.push(format!("{}:{}:{}", file.display(), number + 1, column + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "write `(?-u:\\w)` instead of `\\w` outside character classes:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_scan_tells_classes_and_ascii_forms_apart() {
    assert_eq!(unicode_word_classes(r"delet\w*|remov\w*"), vec![5, 14]);
    assert!(unicode_word_classes(r"delet(?-u:\w)*").is_empty());
    assert!(unicode_word_classes(r"[A-Z][\w’'-]*").is_empty());
    assert_eq!(unicode_word_classes(r"[\w-]+ \w+"), vec![7]);
    assert!(unicode_word_classes(r"\\w is escaped").is_empty());
}
