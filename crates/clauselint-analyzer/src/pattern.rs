//! Regular expressions for sentence text that stay fast on long sentences: [`DualRegex`] searches
//! ASCII text with an ASCII-only automaton, anchored at word boundaries where that pays.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use regex_automata::nfa::thompson::{self, backtrack, pikevm};
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, meta, Anchored, Input};

/// A pattern with `\w`, `[^.;]` and the like, which Unicode makes large: the lazy DFA of the
/// Unicode form keeps building new states as it meets new text, the ASCII form stays small. On
/// ASCII text both match exactly the same, so ASCII text (most sentences) takes the ASCII form.
///
/// Even the ASCII form's DFA grows without end when searched unanchored: every word the search
/// passes may start another partial match (`by … using … you … agree`), and each combination of
/// them is a new state. A pattern every match of which starts at an ASCII word boundary
/// (`(?-u:\b)…`) is therefore searched anchored, at each such boundary where its first byte can
/// occur, in order: the first boundary with a match gives the leftmost match and the anchored
/// search gives the same end the unanchored one prefers there, so the matches are the same.
/// Text with other characters takes the pattern as written, searched the same way (a boundary
/// next to an ASCII word byte is always between two characters).
pub(crate) struct DualRegex {
    unicode: OnceLock<UnicodeRegex>,
    ascii: OnceLock<AsciiRegex>,
    pattern: OnceLock<String>,
}

/// The form of a [`DualRegex`] that text with non-ASCII characters is searched with.
enum UnicodeRegex {
    /// The pattern does not qualify for anchored search.
    Unanchored(Regex),
    /// Searched anchored at the word boundaries where a match can start.
    AtWordStarts(Box<AnchoredRegex>, MatchStarts),
}

/// The ASCII form of a [`DualRegex`].
enum AsciiRegex {
    /// The pattern does not qualify for anchored search.
    Unanchored(meta::Regex),
    /// Searched anchored at the word boundaries where a match can start.
    AtWordStarts(Box<AnchoredRegex>, MatchStarts),
}

/// Per-search scratch space of an [`AnchoredRegex`].
struct AnchoredCache {
    dfa: Option<hybrid::dfa::Cache>,
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

type CachePool =
    Pool<AnchoredCache, Box<dyn Fn() -> AnchoredCache + Send + Sync + UnwindSafe + RefUnwindSafe>>;

/// A pattern that is only ever searched anchored: what `meta::Regex` runs for an anchored search
/// (a lazy DFA over the forward NFA, and a backtracker or PikeVM when the lazy DFA gives up),
/// without what only unanchored searches need. A `meta::Regex` also compiles the reverse NFA
/// (the lazy DFA that finds where an unanchored match starts) and the literal prefilters, and for
/// a large Unicode pattern that is most of its cost: acceptance-by-use's patterns compile about
/// four times faster this way (8.3 → 2.2 ms for `{CONDUCT} … as acceptance`), and that was
/// a fifth of a cold first analysis of the AWS terms. The matches are the same: every engine of
/// `regex-automata` finds the leftmost-first match, and an anchored one starts where it is asked
/// to (a match is never empty, see [`anchorable_first_bytes`]).
struct AnchoredRegex {
    /// `None` when the NFA is too large for the lazy DFA's cache.
    dfa: Option<hybrid::dfa::DFA>,
    backtrack: backtrack::BoundedBacktracker,
    pikevm: pikevm::PikeVM,
    caches: CachePool,
}

impl AnchoredRegex {
    fn new(hir: &regex_syntax::hir::Hir, syntax: regex_automata::util::syntax::Config) -> Self {
        let nfa = thompson::Compiler::new()
            .syntax(syntax)
            .configure(
                thompson::Config::new()
                    .utf8(syntax.get_utf8())
                    .which_captures(thompson::WhichCaptures::Implicit),
            )
            .build_from_hir(hir)
            .expect("valid regex");
        // The lazy DFA's settings are those `meta::Regex` uses: it may quit (on a Unicode word
        // boundary next to a non-ASCII byte) or give up (when it keeps clearing its cache), and
        // then the search falls back to the NFA engines, which also serve an NFA too large for
        // the cache.
        let dfa = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .starts_for_each_pattern(true)
                    .unicode_word_boundary(true)
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .ok();
        let backtrack = backtrack::BoundedBacktracker::new_from_nfa(nfa.clone())
            .expect("a backtracker builds from any NFA");
        let pikevm = pikevm::PikeVM::new_from_nfa(nfa).expect("a PikeVM builds from any NFA");
        let (d, b, p) = (dfa.clone(), backtrack.clone(), pikevm.clone());
        let create: Box<dyn Fn() -> AnchoredCache + Send + Sync + UnwindSafe + RefUnwindSafe> =
            Box::new(move || AnchoredCache {
                dfa: d.as_ref().map(hybrid::dfa::DFA::create_cache),
                backtrack: b.create_cache(),
                pikevm: p.create_cache(),
            });
        AnchoredRegex {
            dfa,
            backtrack,
            pikevm,
            caches: Pool::new(create),
        }
    }

    /// The match starting exactly at `input`'s start (the input is anchored).
    fn search(&self, input: &Input<'_>) -> Option<regex_automata::Match> {
        let mut cache = self.caches.get();
        let cache = &mut *cache;
        let by_dfa = match (&self.dfa, &mut cache.dfa) {
            (Some(dfa), Some(dfa_cache)) => dfa.try_search_fwd(dfa_cache, input).ok(),
            _ => None,
        };
        match by_dfa {
            Some(end) => end
                .map(|end| regex_automata::Match::new(end.pattern(), input.start()..end.offset())),
            None if input.get_span().len() <= self.backtrack.max_haystack_len() => self
                .backtrack
                .try_find(&mut cache.backtrack, input.clone())
                .unwrap_or_else(|_| self.pikevm.find(&mut cache.pikevm, input.clone())),
            None => self.pikevm.find(&mut cache.pikevm, input.clone()),
        }
    }
}

/// What a position must offer for a match of a pattern to start there: every match starts at an
/// ASCII word boundary and is non-empty, its first byte is one of `first_bytes`, and (when the
/// pattern's prefixes are a finite set of literals) the text there starts with one of `prefixes`.
/// Asking this before an anchored search spares the regex engine's per-search setup at most
/// word starts (most words start with a byte some alternative can start with).
struct MatchStarts {
    first_bytes: Box<[bool; 256]>,
    /// Anchored-only automaton of the literal prefixes.
    prefixes: Option<AhoCorasick>,
}

impl MatchStarts {
    fn may_start_at(&self, bytes: &[u8], at: usize) -> bool {
        if !self.first_bytes[usize::from(bytes[at])] {
            return false;
        }
        self.prefixes.as_ref().is_none_or(|prefixes| {
            prefixes
                .find(
                    aho_corasick::Input::new(bytes)
                        .range(at..)
                        .anchored(aho_corasick::Anchored::Yes),
                )
                .is_some()
        })
    }
}

/// The leftmost-first, non-overlapping matches of a [`DualRegex`] in a text, in order.
pub(crate) struct TextMatches<'r, 't> {
    text: &'t str,
    search: Search<'r, 't>,
}

enum Search<'r, 't> {
    Unicode(regex::Matches<'r, 't>),
    Ascii(meta::FindMatches<'r, 't>),
    /// Anchored searches at word boundaries from `from` on.
    AtWordStarts {
        regex: &'r AnchoredRegex,
        starts: &'r MatchStarts,
        from: usize,
    },
}

impl Iterator for TextMatches<'_, '_> {
    /// A match's byte range.
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match &mut self.search {
            Search::Unicode(matches) => matches.next().map(|m| (m.start(), m.end())),
            Search::Ascii(matches) => matches.next().map(|m| (m.start(), m.end())),
            Search::AtWordStarts {
                regex,
                starts,
                from,
            } => {
                let m = anchored_at_boundaries(regex, starts, self.text.as_bytes(), *from)?;
                *from = m.end();
                Some((m.start(), m.end()))
            }
        }
    }
}

impl DualRegex {
    /// A regex searched at word boundaries where its matches allow it: for patterns whose lazy
    /// DFA keeps growing when searched unanchored.
    pub(crate) const fn new() -> Self {
        DualRegex {
            unicode: OnceLock::new(),
            ascii: OnceLock::new(),
            pattern: OnceLock::new(),
        }
    }

    pub(crate) fn with_pattern<S: AsRef<str>>(
        &'static self,
        pattern: impl FnOnce() -> S,
    ) -> &'static Self {
        self.pattern.get_or_init(|| pattern().as_ref().to_string());
        self
    }

    fn pattern(&self) -> &str {
        self.pattern.get().map_or("", String::as_str)
    }

    /// The leftmost-first, non-overlapping matches in `text` (as byte ranges), in order: what
    /// `Regex::find_iter` gives for the pattern as written.
    pub(crate) fn find_iter<'r, 't>(&'r self, text: &'t str) -> TextMatches<'r, 't> {
        let search = if text.is_ascii() {
            match self.ascii_regex() {
                AsciiRegex::AtWordStarts(regex, starts) => Search::AtWordStarts {
                    regex,
                    starts,
                    from: 0,
                },
                AsciiRegex::Unanchored(regex) => Search::Ascii(regex.find_iter(text.as_bytes())),
            }
        } else {
            match self.unicode_regex() {
                UnicodeRegex::AtWordStarts(regex, starts) => Search::AtWordStarts {
                    regex,
                    starts,
                    from: 0,
                },
                UnicodeRegex::Unanchored(regex) => Search::Unicode(regex.find_iter(text)),
            }
        };
        TextMatches { text, search }
    }

    /// The first `Some` that `f` gives for the leftmost-first, non-overlapping matches in `text`
    /// (as byte ranges), in order.
    pub(crate) fn find_map<T>(
        &self,
        text: &str,
        mut f: impl FnMut(usize, usize) -> Option<T>,
    ) -> Option<T> {
        self.find_iter(text).find_map(|(start, end)| f(start, end))
    }

    /// The leftmost-first match starting at or after `from` (a character boundary), as
    /// `Regex::find_at` gives it: the text before `from` is still seen by `\b`.
    pub(crate) fn find_at(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let found = if text.is_ascii() {
            match self.ascii_regex() {
                AsciiRegex::AtWordStarts(regex, starts) => {
                    anchored_at_boundaries(regex, starts, bytes, from)
                }
                AsciiRegex::Unanchored(regex) => regex.find(Input::new(bytes).range(from..)),
            }
        } else {
            match self.unicode_regex() {
                UnicodeRegex::AtWordStarts(regex, starts) => {
                    anchored_at_boundaries(regex, starts, bytes, from)
                }
                UnicodeRegex::Unanchored(regex) => {
                    return regex.find_at(text, from).map(|m| (m.start(), m.end()))
                }
            }
        };
        found.map(|m| (m.start(), m.end()))
    }

    /// The leftmost-first match.
    pub(crate) fn find(&self, text: &str) -> Option<(usize, usize)> {
        self.find_iter(text).next()
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        if !text.is_ascii() {
            return match self.unicode_regex() {
                UnicodeRegex::AtWordStarts(regex, starts) => {
                    anchored_at_boundaries(regex, starts, text.as_bytes(), 0).is_some()
                }
                UnicodeRegex::Unanchored(regex) => regex.is_match(text),
            };
        }
        match self.ascii_regex() {
            AsciiRegex::AtWordStarts(regex, starts) => {
                anchored_at_boundaries(regex, starts, text.as_bytes(), 0).is_some()
            }
            AsciiRegex::Unanchored(regex) => regex.is_match(text.as_bytes()),
        }
    }

    fn unicode_regex(&self) -> &UnicodeRegex {
        self.unicode.get_or_init(|| {
            // `Regex::new`'s syntax: the same pattern as written.
            let syntax = regex_automata::util::syntax::Config::new();
            let hir = regex_automata::util::syntax::parse_with(self.pattern(), &syntax)
                .expect("valid regex");
            match match_starts(&hir) {
                Some(starts) => {
                    UnicodeRegex::AtWordStarts(Box::new(AnchoredRegex::new(&hir, syntax)), starts)
                }
                None => UnicodeRegex::Unanchored(Regex::new(self.pattern()).expect("valid regex")),
            }
        })
    }

    fn ascii_regex(&self) -> &AsciiRegex {
        self.ascii.get_or_init(|| {
            let syntax = regex_automata::util::syntax::Config::new()
                .unicode(false)
                .utf8(false);
            let hir = regex_automata::util::syntax::parse_with(self.pattern(), &syntax)
                .expect("valid ASCII regex");
            match match_starts(&hir) {
                Some(starts) => {
                    AsciiRegex::AtWordStarts(Box::new(AnchoredRegex::new(&hir, syntax)), starts)
                }
                None => AsciiRegex::Unanchored(
                    meta::Regex::builder()
                        .syntax(syntax)
                        .build_from_hir(&hir)
                        .expect("valid ASCII regex"),
                ),
            }
        })
    }
}

/// For a pattern whose every match is non-empty and starts at an ASCII word boundary, where a
/// match can start: the bytes it can start with and the literals it starts with (every byte and no
/// literals when the pattern's prefixes are not a finite set). The extractor's literals, exact or
/// not, are prefixes of every match.
fn match_starts(hir: &regex_syntax::hir::Hir) -> Option<MatchStarts> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::Look;
    let props = hir.properties();
    if !props.look_set_prefix().contains(Look::WordAscii) || props.minimum_len().unwrap_or(0) == 0 {
        return None;
    }
    let mut first_bytes = Box::new([true; 256]);
    let mut prefixes = None;
    let extracted = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    if let Some(literals) = extracted.literals() {
        if literals.iter().all(|l| !l.as_bytes().is_empty()) {
            first_bytes.fill(false);
            for l in literals {
                first_bytes[usize::from(l.as_bytes()[0])] = true;
            }
            prefixes = Some(
                AhoCorasick::builder()
                    .start_kind(aho_corasick::StartKind::Anchored)
                    .build(literals.iter().map(|l| l.as_bytes()))
                    .expect("valid literals"),
            );
        }
    }
    Some(MatchStarts {
        first_bytes,
        prefixes,
    })
}

fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The leftmost match of `regex` starting at or after `from`, found by anchored searches at the
/// ASCII word boundaries where a match can start (see [`DualRegex`]).
fn anchored_at_boundaries(
    regex: &AnchoredRegex,
    starts: &MatchStarts,
    bytes: &[u8],
    from: usize,
) -> Option<regex_automata::Match> {
    let mut before_is_word = from
        .checked_sub(1)
        .is_some_and(|i| is_ascii_word_byte(bytes[i]));
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        let is_word = is_ascii_word_byte(b);
        if is_word != before_is_word && starts.may_start_at(bytes, at) {
            let input = Input::new(bytes).range(at..).anchored(Anchored::Yes);
            if let Some(m) = regex.search(&input) {
                return Some(m);
            }
        }
        before_is_word = is_word;
    }
    None
}

/// Words a set of patterns cannot match without: whether a sentence holds any of them is one
/// vectorised search that rules most sentences out before a costlier regex or automaton runs.
pub(crate) struct AnyWord {
    words: &'static [&'static str],
    automaton: OnceLock<AhoCorasick>,
}

impl AnyWord {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        AnyWord {
            words,
            automaton: OnceLock::new(),
        }
    }

    /// Whether `text` contains one of the words (anywhere, not only as a whole word).
    pub(crate) fn is_in(&self, text: &str) -> bool {
        self.automaton
            .get_or_init(|| {
                // Leftmost matching, although any match answers: aho-corasick uses its SIMD
                // prefilter only for the leftmost match kinds.
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(self.words)
                    .expect("valid literals")
            })
            .is_match(text)
    }
}

/// A few phrases searched one after another with prebuilt substring finders: for two to four
/// phrases in a sentence, cheaper than as many `str::contains` (each of which sets its search up
/// again) and than an [`AnyWord`] automaton (whose setup per search outweighs a short sentence).
pub(crate) struct AnyPhrase {
    phrases: &'static [&'static str],
    finders: OnceLock<Vec<memchr::memmem::Finder<'static>>>,
}

impl AnyPhrase {
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Self {
        AnyPhrase {
            phrases,
            finders: OnceLock::new(),
        }
    }

    /// Whether `text` contains one of the phrases (anywhere, not only as whole words).
    pub(crate) fn is_in(&self, text: &str) -> bool {
        self.finders
            .get_or_init(|| {
                self.phrases
                    .iter()
                    .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
                    .collect()
            })
            .iter()
            .any(|f| f.find(text.as_bytes()).is_some())
    }
}

/// Literals every match of a pattern contains in a given order, without overlapping, inside one
/// stretch of text free of `separators` (the bytes the pattern cannot match, such as `.` and `;`
/// for a pattern built from `[^.;]` runs): a search for them rules out, cheaply, most sentences
/// that hold each word somewhere but not in the shape the pattern needs. Each step is a set of
/// literals, one of which lies inside the part of the match that the step stands for.
pub(crate) struct InOrder {
    steps: &'static [&'static [&'static str]],
    separators: &'static [u8],
    automata: OnceLock<Vec<AhoCorasick>>,
}

impl InOrder {
    pub(crate) const fn new(
        steps: &'static [&'static [&'static str]],
        separators: &'static [u8],
    ) -> Self {
        InOrder {
            steps,
            separators,
            automata: OnceLock::new(),
        }
    }

    /// Whether some stretch of `text` holds a literal of each step, each starting after the one
    /// before starts. Taking, at each step, the occurrence that starts first leaves the most room
    /// for the next, so no arrangement is missed; letting the next one start inside it only makes
    /// the check looser, and lets the search be a leftmost one, which aho-corasick vectorises.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        let automata = self.automata.get_or_init(|| {
            self.steps
                .iter()
                .map(|literals| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostFirst)
                        .build(*literals)
                        .expect("valid literals")
                })
                .collect()
        });
        text.as_bytes()
            .split(|b| self.separators.contains(b))
            .any(|stretch| {
                let mut from = 0;
                automata.iter().all(|step| {
                    match step.find(aho_corasick::Input::new(stretch).range(from..)) {
                        Some(m) => {
                            from = m.start() + 1;
                            true
                        }
                        None => false,
                    }
                })
            })
    }
}

/// Whether `norm` (a normalised sentence, words separated by single spaces) has fewer than
/// `words` space-separated pieces: `norm.split(' ').count() < words` without walking every piece.
pub(crate) fn fewer_words_than(norm: &str, words: usize) -> bool {
    let spaces = words.saturating_sub(1);
    memchr::memchr_iter(b' ', norm.as_bytes())
        .take(spaces)
        .count()
        < spaces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_same_as_regex;

    /// Patterns of the shapes the rules use: word-boundary starts with `[^.;]` runs, bounded
    /// repetitions and `\w`, and one that does not qualify for anchored search.
    const PATTERNS: &[&str] = &[
        r"(?-u:\b)by (?:[a-z\x22',/ ]{0,60}? )?(?:using|accessing|continu\w* (?:to )?use)(?-u:\b)[^.;]*?(?-u:\b)you(?-u:\b)[^.;]*?(?-u:\b)agree\w*",
        r"(?-u:\b)(?:exclusive|sole)(?-u:\b)[^.;]{0,30}(?-u:\b)(?:jurisdiction|venue)|(?-u:\b)courts?(?-u:\b)[^.;]*(?-u:\b)have jurisdiction(?-u:\b)",
        r"(?-u:\b)third[-\ ]part(?:y|ies)(?-u:\b)(?:\s+\S+){0,2}?\s+(?:ai|models?)(?-u:\b)",
        r"\w+ment(?-u:\b)",
        // A Unicode word boundary: the lazy DFA quits at a non-ASCII byte next to it and the
        // search falls back to the backtracker, or on long text to the PikeVM.
        r"(?-u:\b)agree\b[^.;]*?(?-u:\b)(?:terms|models?)\b",
    ];

    /// Each of [`PATTERNS`] as a `DualRegex`, compiled once for all tests.
    fn duals() -> &'static [(&'static str, &'static DualRegex)] {
        static DUALS: OnceLock<Vec<(&'static str, &'static DualRegex)>> = OnceLock::new();
        DUALS.get_or_init(|| {
            PATTERNS
                .iter()
                .map(|&p| {
                    let dual: &'static DualRegex = Box::leak(Box::new(DualRegex::new()));
                    (p, dual.with_pattern(|| p))
                })
                .collect()
        })
    }

    #[test]
    fn matches_what_the_pattern_as_written_matches() {
        for text in [
            "by using the service you agree to these terms.",
            "by continuing to use it, you agree; by accessing “the site” you agreed",
            "by accessing § 3 of the site — you agree to the amendment",
            "the exclusive jurisdiction and venue; the sole and exclusive venue",
            "les courts of Zürich shall have jurisdiction over the agreement",
            "third-party ai, third parties’ models, third party large models",
            "éagreement in the agreement; bymentment",
            "",
        ] {
            for &(pattern, dual) in duals() {
                assert_same_as_regex(pattern, dual, text);
            }
        }
    }

    #[test]
    fn long_text_with_non_ascii_words_takes_the_fallback_engines_and_matches_the_same() {
        let unit = "we agree that the modèles and the terms, agree é terms; agreé models. ";
        for repeat in [1, 40, 4000] {
            let text = unit.repeat(repeat);
            for &(pattern, dual) in duals() {
                assert_same_as_regex(pattern, dual, &text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_what_the_pattern_as_written_matches_on_any_text(
            words in proptest::collection::vec(
                "(by|using|you|agree|agreement|the|exclusive|jurisdiction|courts|have|third-party|ai|models|é|§|’|—|;|\\.|,|x)",
                0..24,
            ),
            separators in proptest::collection::vec(crate::testing::SEPARATOR, 24),
        ) {
            let text = crate::testing::interleave(&words, &separators);
            for &(pattern, dual) in duals() {
                assert_same_as_regex(pattern, dual, &text);
            }
        }
    }

    #[test]
    fn fewer_words_than_counts_space_separated_pieces() {
        for text in [
            "",
            "a",
            "a b",
            " a  b ",
            "by using – the “service”",
            "x y z w",
        ] {
            for words in 0..7 {
                assert_eq!(
                    fewer_words_than(text, words),
                    text.split(' ').count() < words,
                    "{text:?} {words}"
                );
            }
        }
    }

    #[test]
    fn in_order_needs_each_step_after_the_one_before_in_one_stretch() {
        static BY_USE_AGREE: InOrder =
            InOrder::new(&[&["by "], &["use", "using"], &["agree"]], b".;");
        assert!(BY_USE_AGREE.may_match("by using the site you agree"));
        assert!(BY_USE_AGREE.may_match("we agree. by the use of it — you agree"));
        assert!(!BY_USE_AGREE.may_match("you agree by using the site"));
        assert!(!BY_USE_AGREE.may_match("by using the site; you agree"));
        // A literal that starts first but ends last still leaves room for the next step.
        static NESTED: InOrder = InOrder::new(&[&["abcdef", "cd"], &["ef"]], b".");
        assert!(NESTED.may_match("abcdef"));
    }

    #[test]
    fn any_word_finds_words_inside_others() {
        static WORDS: AnyWord = AnyWord::new(&["agree", "subject to"]);
        assert!(WORDS.is_in("this agreement"));
        assert!(WORDS.is_in("… is subject to change"));
        assert!(!WORDS.is_in("subject of the agréement"));
    }
}
