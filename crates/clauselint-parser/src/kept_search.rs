//! The defined-term search of the last document parsed on this thread, kept so that the next
//! version of the same document re-searches only around the one range where its text differs.
//!
//! An editor re-parses the whole text after every keystroke (the language server's analysis
//! thread), and the search for every use of every defined term was a quarter of that parse. The
//! search is Aho-Corasick's leftmost-longest, non-overlapping iteration, and two facts make a
//! windowed re-search give exactly its result:
//! - whether and which pattern matches at a position depends only on the next `longest` bytes,
//!   so every old match starting at least `longest` bytes before the edit is found again, and the
//!   new iteration is in the same state after the last of them (it resumes at that match's end);
//! - once the new iteration, in the unchanged text after the edit, finds a match the old one also
//!   found there (same place, end and pattern), both resume at the same point of the same text,
//!   so every later old match is found again, moved by the edit's change in length.
//!
//! A document that differs elsewhere (a batch scan) or asks for other terms is searched afresh.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

/// One match: byte range in the text and index of the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

struct KeptSearch {
    patterns: Vec<String>,
    automaton: AhoCorasick,
    longest: usize,
    text: String,
    matches: Vec<TermMatch>,
}

thread_local! {
    static KEPT: RefCell<Option<KeptSearch>> = const { RefCell::new(None) };
}

/// Every leftmost-longest, non-overlapping match of `patterns` in `text`, in order; `None` when
/// no automaton can be built for them.
pub(crate) fn term_matches(patterns: &[String], text: &str) -> Option<Vec<TermMatch>> {
    KEPT.with(|cell| {
        let mut kept = cell.borrow_mut();
        if let Some(k) = kept.as_mut().filter(|k| k.patterns == patterns) {
            if k.text != text {
                k.matches = search_after_edit(&k.automaton, k.longest, &k.text, &k.matches, text);
                k.text.clear();
                k.text.push_str(text);
            }
            return Some(k.matches.clone());
        }
        let automaton = automaton(patterns)?;
        let matches = search_from(&automaton, text, 0);
        // An empty pattern would match everywhere; no term is empty, but the window argument
        // assumes every match advances the iteration.
        *kept = (!patterns.iter().any(String::is_empty)).then(|| KeptSearch {
            patterns: patterns.to_vec(),
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
            automaton,
            text: text.to_owned(),
            matches: matches.clone(),
        });
        Some(matches)
    })
}

/// One automaton per set of terms: a contiguous NFA builds several times faster than the DFA the
/// builder would pick for few terms, and the prefilter does most searching.
fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

fn search_from(automaton: &AhoCorasick, text: &str, from: usize) -> Vec<TermMatch> {
    automaton
        .find_iter(Input::new(text).range(from..))
        .map(|m| TermMatch {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        })
        .collect()
}

/// The matches in `new`, given those `old` had (see the module documentation).
fn search_after_edit(
    automaton: &AhoCorasick,
    longest: usize,
    old: &str,
    old_matches: &[TermMatch],
    new: &str,
) -> Vec<TermMatch> {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let start = common_prefix(o, n);
    let suffix = common_suffix(o, n).min(o.len().min(n.len()) - start);
    let (old_end, new_end) = (o.len() - suffix, n.len() - suffix);
    let moved = |x: usize| x - old_end + new_end;
    let kept = old_matches.partition_point(|m| m.start + longest <= start);
    let mut matches = old_matches[..kept].to_vec();
    let resume = matches.last().map_or(0, |m| m.end);
    for m in automaton.find_iter(Input::new(new).range(resume..)) {
        let m = TermMatch {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        };
        if m.start >= new_end {
            let at = m.start - new_end + old_end;
            let i = old_matches.partition_point(|o| o.start < at);
            if old_matches
                .get(i)
                .is_some_and(|o| o.start == at && moved(o.end) == m.end && o.pattern == m.pattern)
            {
                matches.extend(old_matches[i..].iter().map(|o| TermMatch {
                    start: moved(o.start),
                    end: moved(o.end),
                    pattern: o.pattern,
                }));
                return matches;
            }
        }
        matches.push(m);
    }
    matches
}

/// The two stretches a new version of a text shares with the old one: the common prefix, and the
/// common suffix (moved by the change in length). A range lying wholly in either holds the same
/// bytes, at the same place relative to the edit, in both versions: what the kept parse phases
/// (`numbering::NumberReader`, `definitions::KeptDefinitions`) reuse.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct UnchangedText {
    prefix: usize,
    old_suffix_start: usize,
    new_suffix_start: usize,
}

impl UnchangedText {
    pub(crate) fn between(old: &str, new: &str) -> Self {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(a, b);
        let suffix = common_suffix(a, b).min(a.len().min(b.len()) - prefix);
        UnchangedText {
            prefix,
            old_suffix_start: a.len() - suffix,
            new_suffix_start: b.len() - suffix,
        }
    }

    /// Where the new text's `start..end` was in the old text, when it lies wholly in the common
    /// prefix or wholly in the common suffix.
    pub(crate) fn old_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end <= self.prefix {
            Some((start, end))
        } else if start >= self.new_suffix_start {
            let moved = |at: usize| at - self.new_suffix_start + self.old_suffix_start;
            Some((moved(start), moved(end)))
        } else {
            None
        }
    }
}

/// The length of the longest common prefix of `a` and `b`, compared 32 bytes at a time (two
/// versions of a document agree for hundreds of kilobytes around an edit).
pub fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 32;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + CHUNK <= n && a[i..i + CHUNK] == b[i..i + CHUNK] {
        i += CHUNK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the longest common suffix of `a` and `b`, as [`common_prefix`].
pub fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 32;
    let n = a.len().min(b.len());
    let (la, lb) = (a.len(), b.len());
    let mut i = 0;
    while i + CHUNK <= n && a[la - i - CHUNK..la - i] == b[lb - i - CHUNK..lb - i] {
        i += CHUNK;
    }
    while i < n && a[la - i - 1] == b[lb - i - 1] {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_prefix_and_suffix_count_bytes_across_whole_chunks_and_the_rest() {
        let head = "§ 4.2 “Customer Content” — ".repeat(5);
        let old = format!("{head}means data you upload{head}");
        let new = format!("{head}means files you upload{head}");
        let prefix = head.len() + "means ".len();
        let suffix = " you upload".len() + head.len();
        assert_eq!(common_prefix(old.as_bytes(), new.as_bytes()), prefix);
        assert_eq!(common_suffix(old.as_bytes(), new.as_bytes()), suffix);
        assert_eq!(common_prefix(b"", b"abc"), 0);
        assert_eq!(common_suffix(b"abc", b"abc"), 3);
        assert_eq!(common_prefix(head.as_bytes(), head.as_bytes()), head.len());
    }

    /// xorshift64*: deterministic, so a failure names its seed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1) as u64) as usize
        }
    }

    fn floor_char(text: &str, mut i: usize) -> usize {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    const PATTERNS: &[&str] = &[
        "Customer Content",
        "Customer Contents",
        "Customer",
        "Content",
        "Services",
        "Service",
        "Service Level Agreement",
        "Party",
        "Parties",
        "AWS Content",
        "Your Content",
        "Content Provider",
    ];

    const INSERTS: &[&str] = &[
        "x",
        "é",
        " ",
        "“",
        "”",
        "§",
        "—",
        "😀",
        "\r\n",
        "\n\n",
        "Customer",
        " Content",
        "Customer Content",
        "Services",
        "Service Level",
        "Agreement",
        "Parties",
        "AWS ",
        "Con",
        "tent",
    ];

    #[test]
    fn a_search_after_an_edit_equals_a_fresh_search() {
        let patterns: Vec<String> = PATTERNS.iter().map(|p| p.to_string()).collect();
        let fresh_automaton = automaton(&patterns).unwrap();
        let mut text = String::new();
        for i in 0..120 {
            text.push_str(&format!(
                "{i}. “Customer Content” means Your Content — the Services’ data § {i}; the Parties \
                 agree the Service Level Agreement applies to AWS Content and Content Providers 😀.\r\n\r\n"
            ));
        }
        let mut rng = Rng(0x5eed_7e57);
        assert_eq!(
            term_matches(&patterns, &text).unwrap(),
            search_from(&fresh_automaton, &text, 0)
        );
        for step in 0..600 {
            let at = floor_char(&text, rng.below(text.len() + 1));
            let end = if rng.below(3) == 0 {
                floor_char(&text, at + rng.below(40)).max(at)
            } else {
                at
            };
            let insert = if rng.below(4) == 0 {
                ""
            } else {
                INSERTS[rng.below(INSERTS.len())]
            };
            text.replace_range(at..end, insert);
            assert_eq!(
                term_matches(&patterns, &text).unwrap(),
                search_from(&fresh_automaton, &text, 0),
                "edit {step}: {insert:?} at {at}..{end}"
            );
        }
    }

    #[test]
    fn other_terms_or_another_text_are_searched_afresh() {
        let a: Vec<String> = vec!["Services".into(), "Fees".into()];
        let b: Vec<String> = vec!["Fees".into()];
        let text = "The Services cost Fees. Services again.";
        assert_eq!(term_matches(&a, text).unwrap().len(), 3);
        assert_eq!(term_matches(&b, text).unwrap().len(), 1);
        let other = "Nothing here but Fees and Fees.";
        assert_eq!(term_matches(&b, other).unwrap().len(), 2);
    }
}
