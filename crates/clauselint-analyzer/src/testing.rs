//! Helpers for rule tests: run one rule over a snippet.

use clauselint_parser::{parse, Format};

use crate::finding::{Finding, FindingKind};
#[cfg(test)]
use crate::pattern::DualRegex;
use crate::{Analyzer, Settings};

/// Separators a property test puts after each word: one or two spaces, a no-break space, or
/// none (which glues two words into one).
pub const SEPARATOR: &str = "( |  |\u{a0}|)";

/// A property test's text: each word followed by its separator.
pub fn interleave(words: &[String], separators: &[String]) -> String {
    words
        .iter()
        .zip(separators)
        .flat_map(|(w, s)| [w.as_str(), s.as_str()])
        .collect()
}

/// Assert that `dual` finds on `text` exactly what `pattern`, compiled as written, finds: every
/// match, whether there is one, and (on short texts) the match from every start.
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_same_as_regex(pattern: &str, dual: &DualRegex, text: &str) {
    let plain = regex::Regex::new(pattern).unwrap();
    let expected: Vec<(usize, usize)> = plain
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    let found: Vec<(usize, usize)> = dual.find_iter(text).collect();
    assert_eq!(found, expected, "{pattern} on {text:?}");
    assert_eq!(
        dual.is_match(text),
        plain.is_match(text),
        "{pattern} on {text:?}"
    );
    // Every start on short texts; a long text's matches are checked by the searches above.
    for (from, _) in text.char_indices().take_while(|_| text.len() < 4096) {
        assert_eq!(
            dual.find_at(text, from),
            plain.find_at(text, from).map(|m| (m.start(), m.end())),
            "{pattern} on {text:?} from {from}"
        );
    }
}

/// Every finding of `rule` (risks and protection notes) on a Markdown snippet.
pub fn findings(rule: &str, text: &str) -> Vec<Finding> {
    let doc = parse(text, Format::Markdown);
    Analyzer::new(Settings::default())
        .analyze(&doc)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The quoted text of each risk `rule` reports on a snippet.
pub fn risks(rule: &str, text: &str) -> Vec<String> {
    findings(rule, text)
        .into_iter()
        .filter(|f| f.kind == FindingKind::Risk)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

/// Assert that `rule` flags the snippet.
#[track_caller]
pub fn assert_flags(rule: &str, text: &str) {
    assert!(!risks(rule, text).is_empty(), "{rule} should flag: {text}");
}

/// Assert that `rule` reports no risk on the snippet.
#[track_caller]
pub fn assert_clean(rule: &str, text: &str) {
    let got = risks(rule, text);
    assert!(
        got.is_empty(),
        "{rule} should not flag: {text}\n got: {got:?}"
    );
}

/// Every Markdown and text file under the repository's `corpus/` folder, in path order: real
/// contracts for tests that compare two ways of computing the same thing.
#[cfg(test)]
pub(crate) fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("md" | "txt")) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}
