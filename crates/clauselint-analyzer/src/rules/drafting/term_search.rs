//! Where a document's defined terms occur: every occurrence of each ASCII term, in any capitals,
//! with any run of whitespace between its words, found by one Aho-Corasick automaton over the text
//! with its whitespace runs collapsed to single spaces.
//!
//! The language server analyses the same document again after every keystroke, and an edit that
//! leaves the definitions alone leaves the terms alone. So the last few searches made on a thread
//! are kept — their terms, automaton, text and matches — and a search for the same terms in a text
//! that differs from the kept one in a single range searches only around that range:
//! - an occurrence is read from its own bytes only (it starts and ends with a word character, so
//!   every whitespace run it crosses lies inside it), so an occurrence that ends before the edited
//!   range or starts after it is the same in both texts (moved by the change in length);
//! - an occurrence that overlaps the edited range covers at most as many collapsed bytes as the
//!   longest term, so it lies inside a window reaching that far on either side of the range, which
//!   is searched afresh.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::incremental::{common_prefix, common_suffix};

/// One occurrence of a term in the text: byte offsets, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// Index of the term among the patterns searched for.
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

/// Every occurrence of each of `terms` (ASCII words joined by single spaces) in `text`, ignoring
/// ASCII case, with any whitespace run in `text` standing for a space: occurrences of one term come
/// in order of their start. `None` when the automaton cannot be built.
pub(super) fn occurrences(text: &str, terms: Vec<String>) -> Option<Vec<Occurrence>> {
    // A document's analysis searches for its defined terms and for the word families of
    // `inconsistent_term`; a few documents may be open at once.
    const KEPT: usize = 4;
    thread_local! {
        static RECENT: RefCell<Vec<KeptSearch>> = const { RefCell::new(Vec::new()) };
    }
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        let search = match recent.iter().position(|k| k.terms == terms) {
            Some(i) => recent.remove(i).update(text)?,
            None => KeptSearch::new(terms, text)?,
        };
        let found = search.found.clone();
        recent.insert(0, search);
        recent.truncate(KEPT);
        Some(found)
    })
}

/// Above this many bytes of terms the automaton is left to the builder's choice: a DFA's table
/// grows with the terms (about a megabyte for this many), an NFA's much less.
const DFA_TERM_BYTES: usize = 20_000;

/// The automaton of a set of terms, the text last searched, and what was found in it.
struct KeptSearch {
    terms: Vec<String>,
    /// A DFA up to [`DFA_TERM_BYTES`]: slower to build than the NFA the builder picks for many
    /// terms, but several times faster to search, and kept for every later version of the
    /// document. Terms that all have a space are first found without one
    /// ([`spaced_occurrences`]: building it cost more than that search), and it is built when a
    /// next version of the text (an edit, in the language server) is searched around its edit.
    automaton: Option<AhoCorasick>,
    /// The longest term, in bytes.
    longest: usize,
    /// Whether a term has a space: else no occurrence crosses whitespace and the text is searched
    /// as it is, without collapsing it.
    spaced: bool,
    text: String,
    found: Vec<Occurrence>,
}

impl KeptSearch {
    fn new(terms: Vec<String>, text: &str) -> Option<Self> {
        let spaced = terms.iter().any(|t| t.contains(' '));
        let (automaton, found) = match spaced_occurrences(text, &terms) {
            Some(found) => (None, found),
            None => {
                let automaton = automaton_of(&terms)?;
                let mut found = Vec::new();
                search(&automaton, spaced, text, 0, text.len(), &mut found);
                (Some(automaton), found)
            }
        };
        Some(KeptSearch {
            longest: terms.iter().map(String::len).max().unwrap_or(0),
            spaced,
            terms,
            automaton,
            text: text.to_string(),
            found,
        })
    }

    /// The search moved to `text`: re-searched around the one range where it differs from the
    /// kept text, or everywhere when that range is most of it. `None` when the automaton cannot
    /// be built.
    fn update(mut self, text: &str) -> Option<Self> {
        if self.text == text {
            return Some(self);
        }
        if self.automaton.is_none() {
            self.automaton = Some(automaton_of(&self.terms)?);
        }
        let automaton = self.automaton.as_ref()?;
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let mut start = common_prefix(old, new);
        let suffix = common_suffix(old, new).min(old.len().min(new.len()) - start);
        let (mut old_end, mut new_end) = (old.len() - suffix, new.len() - suffix);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(old_end) || !text.is_char_boundary(new_end) {
            old_end += 1;
            new_end += 1;
        }
        let from = window_start(text, start, self.longest);
        let to = window_end(text, new_end, self.longest);
        if (to - from) * 2 > text.len() {
            self.found.clear();
            search(automaton, self.spaced, text, 0, text.len(), &mut self.found);
        } else {
            let mut around = Vec::new();
            search(automaton, self.spaced, text, from, to, &mut around);
            let moved = |o: &Occurrence| Occurrence {
                start: o.start - old_end + new_end,
                end: o.end - old_end + new_end,
                ..*o
            };
            let mut found = Vec::with_capacity(self.found.len() + around.len());
            found.extend(self.found.iter().filter(|o| o.end <= start));
            found.extend(
                around
                    .into_iter()
                    .filter(|o| o.start < new_end && o.end > start),
            );
            found.extend(self.found.iter().filter(|o| o.start >= old_end).map(moved));
            self.found = found;
        }
        self.text.clear();
        self.text.push_str(text);
        Some(self)
    }
}

/// The automaton for `terms`: a DFA up to [`DFA_TERM_BYTES`] of terms, else the builder's choice.
fn automaton_of(terms: &[String]) -> Option<AhoCorasick> {
    let term_bytes: usize = terms.iter().map(String::len).sum();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind((term_bytes <= DFA_TERM_BYTES).then_some(AhoCorasickKind::DFA))
        .build(terms)
        .ok()
}

/// Appends the occurrences inside `text[from..to]` to `out`; neither end may split a whitespace
/// run (then the window collapses exactly as the whole text does there). `spaced`: some term has
/// a space, so whitespace runs are collapsed first.
fn search(
    automaton: &AhoCorasick,
    spaced: bool,
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Occurrence>,
) {
    if !spaced {
        out.extend(
            automaton
                .find_overlapping_iter(&text[from..to])
                .map(|m| Occurrence {
                    term: m.pattern().as_usize(),
                    start: from + m.start(),
                    end: from + m.end(),
                }),
        );
        return;
    }
    let (collapsed, shifts) = collapse_whitespace(&text[from..to]);
    // Offset in `text` of byte `p` of `collapsed`.
    let origin = |p: usize| {
        let k = shifts.partition_point(|&(at, _)| at < p);
        from + p + k.checked_sub(1).map_or(0, |k| shifts[k].1)
    };
    for m in automaton.find_overlapping_iter(&collapsed) {
        out.push(Occurrence {
            term: m.pattern().as_usize(),
            start: origin(m.start()),
            // A term ends on a non-space byte, so its end maps back exactly.
            end: origin(m.end() - 1) + 1,
        });
    }
}

/// A character boundary before `at` with more than `longest` collapsed bytes between them (or the
/// start of the text), not inside a whitespace run: no occurrence starting before it reaches `at`.
fn window_start(text: &str, at: usize, longest: usize) -> usize {
    let mut collapsed = 0;
    let mut rest = text[..at].chars().rev().peekable();
    let mut i = at;
    while collapsed <= longest + 1 {
        let Some(c) = rest.next() else {
            return 0;
        };
        i -= c.len_utf8();
        if c.is_whitespace() {
            while let Some(&w) = rest.peek().filter(|w| w.is_whitespace()) {
                i -= w.len_utf8();
                rest.next();
            }
            collapsed += 1;
        } else {
            collapsed += c.len_utf8();
        }
    }
    i
}

/// [`window_start`] after `at`: no occurrence ending after the returned offset starts before `at`.
fn window_end(text: &str, at: usize, longest: usize) -> usize {
    let mut collapsed = 0;
    let mut rest = text[at..].chars().peekable();
    let mut i = at;
    while collapsed <= longest + 1 {
        let Some(c) = rest.next() else {
            return text.len();
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            while let Some(&w) = rest.peek().filter(|w| w.is_whitespace()) {
                i += w.len_utf8();
                rest.next();
            }
            collapsed += 1;
        } else {
            collapsed += c.len_utf8();
        }
    }
    i
}

/// `text` with each whitespace run written as one space, and where the offsets shift: after each
/// run that is not a single byte, its position in the collapsed text and the number of bytes
/// removed up to and including it.
pub(super) fn collapse_whitespace(text: &str) -> (String, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut collapsed = String::with_capacity(text.len());
    let mut shifts = Vec::new();
    let mut removed = 0;
    // `text[copied..i]` is kept as it is: no whitespace but single spaces before other bytes.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most bytes are ASCII other than whitespace, or a lone space before one: passed over
        // and copied in bulk.
        if plain_ascii(b) || (b == b' ' && bytes.get(i + 1).is_none_or(|&n| plain_ascii(n))) {
            i += 1;
            continue;
        }
        let (is_space, len) = if b.is_ascii() {
            (true, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !is_space {
            i += len;
            continue;
        }
        collapsed.push_str(&text[copied..i]);
        let space_start = i;
        i = skip_while_whitespace(text, i, true);
        let space_len = i - space_start;
        let at = collapsed.len();
        collapsed.push(' ');
        if space_len != 1 {
            removed += space_len - 1;
            shifts.push((at, removed));
        }
        copied = i;
    }
    collapsed.push_str(&text[copied..]);
    (collapsed, shifts)
}

/// [`occurrences`] of terms that all have a space (ASCII words joined by single spaces), found
/// from the whitespace runs of `text`; `None` for any other terms.
///
/// In the text with its whitespace runs collapsed, a term's first space stands on a collapsed run,
/// so an occurrence is: the end of the word before a run (its first word; the word may be longer,
/// as the automaton matches inside words too), the words after the run that equal its middle words
/// whole, and the start of the word after those (its last word). A run is tried only with the
/// terms whose first word ends with the byte before it and whose second word starts with the byte
/// after it (a bit per pair of bytes says whether there are any). Occurrences of one term come in
/// order of their start; every occurrence the automaton finds is found (a test compares the two).
fn spaced_occurrences(text: &str, terms: &[String]) -> Option<Vec<Occurrence>> {
    let words: Vec<Vec<&[u8]>> = terms
        .iter()
        .map(|t| t.as_bytes().split(|&b| b == b' ').collect())
        .collect();
    let well_formed = |ws: &Vec<&[u8]>| {
        ws.len() >= 2
            && ws
                .iter()
                .all(|w| !w.is_empty() && w.iter().all(|&b| plain_ascii(b)))
    };
    if words.is_empty() || !words.iter().all(well_formed) {
        return None;
    }
    // The byte pair around a term's first space, lower-cased.
    let pair = |before: u8, after: u8| {
        usize::from(before.to_ascii_lowercase()) << 8 | usize::from(after.to_ascii_lowercase())
    };
    let mut by_pair: Vec<(usize, usize)> = words
        .iter()
        .enumerate()
        .map(|(p, ws)| (pair(ws[0][ws[0].len() - 1], ws[1][0]), p))
        .collect();
    // Stable: a pair's terms stay in the order given.
    by_pair.sort_by_key(|&(key, _)| key);
    let mut any_pair = vec![0u64; 1 << 10];
    for &(key, _) in &by_pair {
        any_pair[key >> 6] |= 1 << (key & 63);
    }
    let spans = word_spans(text);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for j in 1..spans.len() {
        let (before_start, before_end) = spans[j - 1];
        let key = pair(bytes[before_end - 1], bytes[spans[j].0]);
        if any_pair[key >> 6] & (1 << (key & 63)) == 0 {
            continue;
        }
        let from = by_pair.partition_point(|&(k, _)| k < key);
        for &(_, p) in by_pair[from..].iter().take_while(|&&(k, _)| k == key) {
            let ws = &words[p];
            let k = ws.len();
            let first = ws[0];
            if j + k - 1 > spans.len()
                || before_end - before_start < first.len()
                || !bytes[before_end - first.len()..before_end].eq_ignore_ascii_case(first)
            {
                continue;
            }
            let middle_whole = (1..k - 1).all(|m| {
                let (s, e) = spans[j + m - 1];
                bytes[s..e].eq_ignore_ascii_case(ws[m])
            });
            let (last_start, last_end) = spans[j + k - 2];
            let last = ws[k - 1];
            if middle_whole
                && last_end - last_start >= last.len()
                && bytes[last_start..last_start + last.len()].eq_ignore_ascii_case(last)
            {
                found.push(Occurrence {
                    term: p,
                    start: before_end - first.len(),
                    end: last_start + last.len(),
                });
            }
        }
    }
    // A term is tried at most once per run, run after run: its occurrences ascend.
    Some(found)
}

/// The stretches of `text` between whitespace runs (whitespace in the sense of
/// [`char::is_whitespace`]), as byte ranges. Reads ASCII bytes without decoding them.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut spans = Vec::with_capacity(n / 6 + 1);
    // Whether the character at `i` is whitespace, and its length.
    let class = |i: usize| {
        let b = bytes[i];
        if b.is_ascii() {
            (!plain_ascii(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        }
    };
    let mut i = 0;
    while i < n {
        let (space, len) = class(i);
        if space {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < n {
            if plain_ascii(bytes[i]) {
                i += 1;
                continue;
            }
            let (space, len) = class(i);
            if space {
                break;
            }
            i += len;
        }
        spans.push((start, i));
    }
    spans
}

/// An ASCII byte that is not whitespace in the sense of [`char::is_whitespace`].
fn plain_ascii(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ')
}

/// The first offset from `i` (a character boundary) whose character is not (`whitespace`) or is
/// (`!whitespace`) whitespace in the sense of [`char::is_whitespace`]. Reads ASCII bytes without
/// decoding them: this runs over the whole document.
fn skip_while_whitespace(text: &str, mut i: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let (is_space, len) = if b.is_ascii() {
            // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
            // return and space (`u8::is_ascii_whitespace` leaves out the vertical tab).
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if is_space != whitespace {
            break;
        }
        i += len;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The occurrences a fresh search finds, in the order the kept search keeps them per term.
    fn fresh(terms: &[String], text: &str) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(terms)
            .unwrap();
        search(&automaton, true, text, 0, text.len(), &mut found);
        found.sort_by_key(|o| (o.term, o.start));
        found
    }

    /// Grouped by term, keeping each term's occurrences in the order given (a stable sort).
    fn by_term(mut found: Vec<Occurrence>) -> Vec<Occurrence> {
        found.sort_by_key(|o| o.term);
        found
    }

    /// Applies each edit in turn, comparing the kept search with a fresh one after each.
    fn assert_edits_search_like_a_fresh_search(
        terms: &[&str],
        text: &str,
        edits: &[(usize, usize, &str)],
    ) {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let mut text = text.to_string();
        let mut kept = KeptSearch::new(terms.clone(), &text).unwrap();
        assert_eq!(by_term(kept.found.clone()), fresh(&terms, &text));
        for &(at, remove, insert) in edits {
            let at = (0..=at.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            let end = (at + remove.min(text.len() - at)..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            text.replace_range(at..end, insert);
            kept = kept.update(&text).unwrap();
            assert_eq!(
                by_term(kept.found.clone()),
                fresh(&terms, &text),
                "after editing {text:?}"
            );
        }
    }

    #[test]
    fn edits_find_what_a_fresh_search_finds() {
        let text = "“Customer Data” means … Customer\u{a0}\u{a0}Data — customer \r\n\t data; § 3 \
                    CUSTOMER DATAS Customer Data, Customer  Content and customer content.\n\n";
        assert_edits_search_like_a_fresh_search(
            &["customer data", "customer content", "data"],
            text,
            &[
                (30, 0, "x"),
                (0, 3, ""),
                (40, 0, "“§—"),
                (45, 6, "Customer   \n Data"),
                (200, 0, " Customer"),
                (70, 0, "\n\n"),
                (10, 40, ""),
                (3, 0, "Data Customer Data"),
            ],
        );
    }

    /// The collapsing the byte-level [`collapse_whitespace`] replaced, written with `char`
    /// predicates.
    fn collapse_by_chars(text: &str) -> (String, Vec<(usize, usize)>) {
        let mut collapsed = String::new();
        let mut shifts = Vec::new();
        let mut removed = 0;
        let mut rest = text;
        while !rest.is_empty() {
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            collapsed.push_str(&rest[..word_end]);
            rest = &rest[word_end..];
            let space_end = rest
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len());
            if space_end > 0 {
                let at = collapsed.len();
                collapsed.push(' ');
                if space_end != 1 {
                    removed += space_end - 1;
                    shifts.push((at, removed));
                }
                rest = &rest[space_end..];
            }
        }
        (collapsed, shifts)
    }

    #[test]
    fn whitespace_collapses_like_the_char_by_char_reading() {
        for text in [
            "",
            " ",
            "“Customer Data” —\u{a0}§ 3\r\n\r\n\tCustomer\u{2003}\u{2003}data\u{b}\u{c}x\u{85}y\u{3000}",
            "a  b\n\nc ",
        ] {
            assert_eq!(collapse_whitespace(text), collapse_by_chars(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn whitespace_collapses_like_the_char_by_char_reading_on_any_text(
            text in "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{3000}aZ.“”§—]{0,40}",
        ) {
            proptest::prop_assert_eq!(collapse_whitespace(&text), collapse_by_chars(&text));
        }
    }

    /// [`spaced_occurrences`] finds what the automaton over the collapsed text finds, each term's
    /// occurrences in order of their start.
    fn assert_spaced_like_the_automaton(terms: &[String], text: &str) {
        let spaced = spaced_occurrences(text, terms).expect("terms with spaces");
        assert_eq!(by_term(spaced), fresh(terms, text), "{terms:?} in {text:?}");
    }

    #[test]
    fn spaced_terms_are_found_like_the_automaton_finds_them() {
        let terms: Vec<String> = [
            "customer data",
            "Customer Data Processing",
            "data subject",
            "data data",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let text = "“Customer Data” means … Customer\u{a0}\u{a0}Data — customer \r\n\t data; XCustomer \
                    DATASUBJECT CUSTOMER DATAS data data data Data\u{2003}Subject customer data\n\nprocessing \
                    Customer Data Processings data";
        assert_spaced_like_the_automaton(&terms, text);
        assert_spaced_like_the_automaton(&terms, "");
        assert_spaced_like_the_automaton(&terms, " customer ");
        // A term without a space, or with other whitespace, is left to the automaton.
        assert!(spaced_occurrences(text, &["data".to_string()]).is_none());
        assert!(spaced_occurrences(text, &["customer  data".to_string()]).is_none());
        assert!(spaced_occurrences(text, &["customer\tdata".to_string()]).is_none());
        assert!(spaced_occurrences(text, &["données client".to_string()]).is_none());
    }

    proptest::proptest! {
        #[test]
        fn spaced_terms_on_any_text_are_found_like_the_automaton_finds_them(
            text in "[ \t\n\u{b}\u{85}\u{a0}\u{2003}aAbB.é“]{0,60}",
            terms in proptest::collection::vec(
                proptest::collection::vec("[aAbB.]{1,3}", 2..4), 1..5),
        ) {
            let terms: Vec<String> = terms.iter().map(|ws| ws.join(" ")).collect();
            assert_spaced_like_the_automaton(&terms, &text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_edits_find_what_a_fresh_search_finds(
            text in "[ \n\u{a0}\u{2003}abAB“§—]{0,60}",
            edits in proptest::collection::vec((0usize..70, 0usize..8, "[ \n\u{a0}abAB“§—]{0,6}"), 1..6),
        ) {
            let edits: Vec<(usize, usize, &str)> =
                edits.iter().map(|(a, r, s)| (*a, *r, s.as_str())).collect();
            assert_edits_search_like_a_fresh_search(&["ab", "a b", "ba ab", "bb"], &text, &edits);
            // Without a space in any term the text is searched as it is.
            assert_edits_search_like_a_fresh_search(&["ab", "b", "bab"], &text, &edits);
            // With a space in every term the first search needs no automaton; the edits build it.
            assert_edits_search_like_a_fresh_search(&["a b", "ba ab", "b b"], &text, &edits);
        }
    }
}
