//! The lexicon's leftmost-longest Aho-Corasick DFA copied into a table of 16-bit states, searched
//! by a loop of our own.
//!
//! Tagging every sentence is one DFA step per byte of the corpus, so its cost is the latency of
//! each step's table load. aho-corasick's DFA for the lexicon keeps 32-bit premultiplied states,
//! about 950 KB: more than a core's L2 cache, and it pays for states no search can reach. The copy
//! keeps only the states reachable from the unanchored start, numbered so that one comparison
//! tells a plain state from a match or the dead state, with a power-of-two row per state: about
//! 230 KB for the lexicon, and each step one table load and a shift. The search loop is
//! aho-corasick's own for a DFA without a prefilter (walk until the dead state, remember the last
//! match state, resume at the end of the match), so it finds exactly the matches
//! `AhoCorasick::find_iter` finds (a test compares them).

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{dfa, Anchored, MatchKind, StartKind};

/// A leftmost-longest match: pattern index and byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

pub(crate) struct CompactDfa {
    /// Equivalence class of each byte: every byte that occurs in no pattern shares class 0.
    classes: [u8; 256],
    /// log2 of a row's length (the number of classes rounded up to a power of two).
    row_shift: u32,
    /// `transitions[state << row_shift | class]`; state 0 is dead.
    transitions: Vec<u16>,
    start: u16,
    /// States `1..=last_match` are match states; higher ones are not.
    last_match: u16,
    /// The pattern matched in each match state (index `state - 1`).
    match_pattern: Vec<u32>,
    pattern_len: Vec<u32>,
}

impl CompactDfa {
    /// The DFA for `patterns`, or `None` when it does not fit 16-bit states (or a pattern is
    /// empty, which the search loop does not handle): callers then search with aho-corasick.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Option<CompactDfa> {
        if patterns.iter().any(|p| p.as_ref().is_empty()) {
            return None;
        }
        let source = dfa::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(patterns)
            .ok()?;
        // A byte in no pattern moves every state as every other such byte does.
        // With no such byte, class 0 is an ordinary one.
        let mut classes = [0u8; 256];
        let mut representatives: Vec<u8> = Vec::new();
        let mut in_patterns = [false; 256];
        for p in patterns {
            for &b in p.as_ref() {
                in_patterns[usize::from(b)] = true;
            }
        }
        let outside = (0..=255u8).find(|&b| !in_patterns[usize::from(b)]);
        representatives.extend(outside);
        for b in 0..=255u8 {
            if in_patterns[usize::from(b)] {
                classes[usize::from(b)] = u8::try_from(representatives.len()).ok()?;
                representatives.push(b);
            }
        }
        let row_shift = representatives.len().next_power_of_two().trailing_zeros();

        // Breadth-first over the states reachable from the unanchored start; `rows` holds each
        // state's successors by class, in the order states were found.
        let start = source.start_state(Anchored::No).ok()?;
        let mut order: Vec<StateID> = vec![start];
        let mut found = StateIndex::default();
        found.insert(start, 0);
        let mut rows: Vec<StateID> = Vec::new();
        let mut next = 0;
        while next < order.len() {
            let sid = order[next];
            next += 1;
            for &b in &representatives {
                let to = source.next_state(Anchored::No, sid, b);
                if !source.is_dead(to) && found.get(to).is_none() {
                    found.insert(to, order.len());
                    order.push(to);
                }
                rows.push(to);
            }
        }
        let is_match = |sid: StateID| !source.is_dead(sid) && source.is_match(sid);
        if order.len() >= usize::from(u16::MAX) || is_match(start) {
            return None;
        }
        // New numbers: dead 0, match states, then the rest.
        let mut number = vec![0u16; order.len()];
        let mut count = 0u16;
        let mut match_pattern = Vec::new();
        for (i, &sid) in order.iter().enumerate() {
            if is_match(sid) {
                count += 1;
                number[i] = count;
                match_pattern.push(source.match_pattern(sid, 0).as_u32());
            }
        }
        let last_match = count;
        for (i, &sid) in order.iter().enumerate() {
            if !is_match(sid) {
                count += 1;
                number[i] = count;
            }
        }
        let renumber = |sid: StateID| {
            if source.is_dead(sid) {
                0
            } else {
                number[found.get(sid).expect("every successor was found")]
            }
        };
        let row_len = 1usize << row_shift;
        let mut transitions = vec![0u16; (order.len() + 1) * row_len];
        for (i, row) in rows.chunks_exact(representatives.len()).enumerate() {
            let at = usize::from(number[i]) << row_shift;
            for (class, &to) in row.iter().enumerate() {
                transitions[at + class] = renumber(to);
            }
        }
        let pattern_len = (0..source.patterns_len())
            .map(|p| {
                let pid = aho_corasick::PatternID::new(p).expect("pattern index in range");
                u32::try_from(source.pattern_len(pid)).unwrap_or(u32::MAX)
            })
            .collect();
        Some(CompactDfa {
            classes,
            row_shift,
            transitions,
            start: renumber(start),
            last_match,
            match_pattern,
            pattern_len,
        })
    }

    /// The leftmost-longest match starting at or after `from`.
    #[inline]
    fn find_from(&self, haystack: &[u8], from: usize) -> Option<PhraseMatch> {
        let mut state = usize::from(self.start);
        let mut found = None;
        let last_match = usize::from(self.last_match);
        for (at, &b) in haystack.iter().enumerate().skip(from) {
            let class = usize::from(self.classes[usize::from(b)]);
            state = usize::from(self.transitions[(state << self.row_shift) | class]);
            if state <= last_match {
                if state == 0 {
                    break;
                }
                let pattern = self.match_pattern[state - 1] as usize;
                let end = at + 1;
                found = Some(PhraseMatch {
                    pattern,
                    start: end - self.pattern_len[pattern] as usize,
                    end,
                });
            }
        }
        found
    }

    /// Every leftmost-longest match, left to right, as `AhoCorasick::find_iter` yields them.
    pub(crate) fn find_iter<'a>(
        &'a self,
        haystack: &'a [u8],
    ) -> impl Iterator<Item = PhraseMatch> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(haystack, from)?;
            from = m.end;
            Some(m)
        })
    }
}

/// The order in which the breadth-first walk found each aho-corasick state: a table indexed by
/// state id (ids are small integers, offsets into aho-corasick's transition table), which costs a
/// fraction of a hash map's lookups over the lexicon's hundred thousand transitions.
#[derive(Default)]
struct StateIndex {
    order: Vec<u32>,
}

impl StateIndex {
    const ABSENT: u32 = u32::MAX;

    fn get(&self, sid: StateID) -> Option<usize> {
        match self.order.get(sid.as_usize()) {
            Some(&i) if i != Self::ABSENT => Some(i as usize),
            _ => None,
        }
    }

    fn insert(&mut self, sid: StateID, index: usize) {
        let at = sid.as_usize();
        if at >= self.order.len() {
            self.order
                .resize((at + 1).max(self.order.len() * 2), Self::ABSENT);
        }
        self.order[at] = u32::try_from(index).unwrap_or(Self::ABSENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind};

    fn reference(patterns: &[&str], text: &str) -> Vec<PhraseMatch> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .expect("patterns compile")
            .find_iter(text)
            .map(|m| PhraseMatch {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    fn assert_same(patterns: &[&str], text: &str) {
        let dfa = CompactDfa::new(patterns).expect("small pattern set fits");
        let ours: Vec<PhraseMatch> = dfa.find_iter(text.as_bytes()).collect();
        assert_eq!(ours, reference(patterns, text), "{patterns:?} in {text:?}");
    }

    #[test]
    fn finds_what_aho_corasick_finds() {
        let patterns = [
            "use",
            "user",
            "users",
            "data",
            "data processing",
            "third party",
            "third-party",
            "a.i.",
            "we",
            "you",
            "your",
            "isn't",
            "§",
            "ai",
        ];
        for text in [
            "",
            "we use your data",
            "the users' data processingx of third-party vendors",
            "reuse of the metadata processing by a.i. tools",
            "isn't it — “your” § 5 ai/ml",
            "usersusers data data processing processing",
        ] {
            assert_same(&patterns, text);
        }
    }

    #[test]
    fn the_lexicon_fits_16_bit_states() {
        let lexicon = crate::lexicon::lexicon();
        assert!(
            lexicon.compact.is_some(),
            "the lexicon's DFA fits 16-bit states"
        );
    }

    #[test]
    fn declines_an_empty_pattern() {
        assert!(CompactDfa::new(&["", "a"]).is_none());
    }

    proptest::proptest! {
        #[test]
        fn finds_what_aho_corasick_finds_on_any_text(
            patterns in proptest::collection::vec("[abc ]{1,4}", 1..8),
            text in "[abcd é.]{0,40}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            assert_same(&patterns, &text);
        }
    }
}
