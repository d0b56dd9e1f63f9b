//! [`TextRegex`]: a regular expression over sentence text that is compiled for ASCII text first.
//!
//! Most sentences of a contract are ASCII once curly quotes and dashes are normalised, and for
//! ASCII text a pattern's Unicode classes mean only their ASCII members. Compiling those is far
//! cheaper: Unicode `[^.;]` is a UTF-8 automaton of about ten states, its ASCII meaning one byte
//! class, and the rules repeat such classes thousands of times (`[^.;]{0,200}`). The first analysis
//! a process makes (the document a lawyer opens in the editor, `clauselint check`) pays for
//! compiling every pattern it reaches, so this is time a user waits for. The pattern as written is
//! compiled only when a sentence with other characters reaches it.
//!
//! The API follows `regex::Regex` for what the rules use (`is_match`, `find`, `find_iter`,
//! `find_at`, `captures`, `captures_iter`), so a rule reads the same with either type.

use std::ops::{Index, Range};
use std::sync::OnceLock;

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::Input;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};

/// A [`TextRegex`] compiled once per call site: the pattern expression is evaluated only the first
/// time the site is reached.
macro_rules! regex {
    ($re:expr $(,)?) => {{
        static RE: std::sync::OnceLock<$crate::text_regex::TextRegex> = std::sync::OnceLock::new();
        $crate::text_regex::compiled(&RE, || $re)
    }};
}
pub(crate) use regex;

/// The regex in `cell`, compiled from `pattern` on first use.
pub(crate) fn compiled<S: AsRef<str>>(
    cell: &'static OnceLock<TextRegex>,
    pattern: impl FnOnce() -> S,
) -> &'static TextRegex {
    cell.get_or_init(|| TextRegex::new(pattern().as_ref()).expect("valid regex"))
}

/// A regex searched with its ASCII form on ASCII text and as written on other text: the matches
/// are those of `regex::Regex::new(pattern)` either way.
pub struct TextRegex {
    /// The pattern as written, parsed: compiled on first use by non-ASCII text.
    hir: Hir,
    ascii: meta::Regex,
    unicode: OnceLock<meta::Regex>,
}

impl std::fmt::Debug for TextRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextRegex").field("hir", &self.hir).finish()
    }
}

/// Why a pattern could not be compiled.
#[derive(Debug)]
pub struct PatternError(String);

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PatternError {}

impl TextRegex {
    /// Parses `pattern` with `regex::Regex`'s syntax and compiles its ASCII form.
    pub fn new(pattern: &str) -> Result<TextRegex, PatternError> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(pattern)
            .map_err(|e| PatternError(e.to_string()))?;
        let ascii_hir = ascii_only(&hir);
        let ascii = meta::Builder::new()
            .build_from_hir(&ascii_hir)
            .map_err(|e| PatternError(e.to_string()))?;
        let unicode = OnceLock::new();
        // A pattern with nothing that reads characters beyond ASCII (no Unicode class, word
        // boundary or literal) matches the same in every text: its ASCII form is its only form.
        if ascii_hir == hir {
            let _ = unicode.set(ascii.clone());
        }
        let regex = TextRegex {
            hir,
            ascii,
            unicode,
        };
        // Tests compile both forms at once, so a pattern only the Unicode form rejects (too large)
        // fails where it is written rather than on the first non-ASCII sentence in production.
        #[cfg(debug_assertions)]
        regex.unicode();
        Ok(regex)
    }

    fn unicode(&self) -> &meta::Regex {
        self.unicode.get_or_init(|| {
            meta::Builder::new()
                .build_from_hir(&self.hir)
                .expect("the pattern parsed, and its ASCII form compiled")
        })
    }

    fn for_text(&self, text: &str) -> &meta::Regex {
        if text.is_ascii() {
            &self.ascii
        } else {
            self.unicode()
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_match(text)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        self.for_text(text)
            .find(text)
            .map(|m| Found::new(text, m.range()))
    }

    /// The first match starting at or after `start`, with the text before `start` still seen by
    /// look-arounds such as `\b` (as `regex::Regex::find_at`).
    pub fn find_at<'t>(&self, text: &'t str, start: usize) -> Option<Found<'t>> {
        self.for_text(text)
            .find(Input::new(text).range(start..))
            .map(|m| Found::new(text, m.range()))
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Found<'t>> + 'r
    where
        't: 'r,
    {
        self.for_text(text)
            .find_iter(text)
            .map(move |m| Found::new(text, m.range()))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        let regex = self.for_text(text);
        let mut caps = regex.create_captures();
        regex.captures(text, &mut caps);
        caps.is_match().then_some(Groups { text, caps })
    }

    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Groups<'t>> + 'r
    where
        't: 'r,
    {
        self.for_text(text)
            .captures_iter(text)
            .map(move |caps| Groups { text, caps })
    }
}

/// A match: its byte range in the searched text and the text it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Found<'t> {
    fn new(text: &'t str, range: Range<usize>) -> Self {
        Found {
            text,
            start: range.start,
            end: range.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The groups of a match, by number or name.
#[derive(Clone, Debug)]
pub struct Groups<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Groups<'t> {
    pub fn get(&self, index: usize) -> Option<Found<'t>> {
        self.caps
            .get_group(index)
            .map(|span| Found::new(self.text, span.range()))
    }

    pub fn name(&self, name: &str) -> Option<Found<'t>> {
        self.caps
            .get_group_by_name(name)
            .map(|span| Found::new(self.text, span.range()))
    }
}

impl Index<usize> for Groups<'_> {
    type Output = str;

    fn index(&self, index: usize) -> &str {
        self.get(index)
            .map(|m| &self.text[m.range()])
            .unwrap_or_else(|| panic!("no group {index} in this match"))
    }
}

impl Index<&str> for Groups<'_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| &self.text[m.range()])
            .unwrap_or_else(|| panic!("no group named {name} in this match"))
    }
}

/// What `hir` can match in ASCII text: each class keeps its ASCII members, Unicode word
/// boundaries become ASCII ones (the same on ASCII text), and a literal with other characters,
/// which ASCII text cannot contain, never matches. Groups are kept, with their numbers and names.
fn ascii_only(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => {
            if lit.0.is_ascii() {
                hir.clone()
            } else {
                Hir::fail()
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut ascii = class.clone();
            ascii.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
            if ascii.ranges().is_empty() {
                Hir::fail()
            } else {
                Hir::class(Class::Unicode(ascii))
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut ascii = class.clone();
            ascii.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7F)]));
            if ascii.ranges().is_empty() {
                Hir::fail()
            } else {
                Hir::class(Class::Bytes(ascii))
            }
        }
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(ascii_only(&rep.sub)),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(ascii_only(&cap.sub)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_only).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_only).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns of the shapes the rules use, with Unicode classes, word boundaries, case folding,
    /// non-ASCII literals and classes, and named groups.
    const PATTERNS: &[&str] = &[
        r"(?-u:\b)(?:courts?|venue)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:of|in)\s+(?:the\s+)?(?P<place>[a-z][a-z ,.]{2,50}?)(?:\s+(?:for|to)(?-u:\b)|[;:()]|\.\s|$)",
        r"(?i)\bsections?\s+(\d+(?:\.\d+)*)",
        r"[“”]",
        r#"(?:[“"'][^”"'.;]{1,30}[”"'],?\ ){0,3}?[“"']?(?:sale|sharing)"#,
        r"§\s*(?P<n>\d+)|\bclause\s+(?P<m>\w+)",
        r"\w+ment\b",
        r"^(?:those|such)\b|(?m)^\s*\d+\.",
        r"(?-u:\b)(?:may|can)\b[^.]*?\bdelete\b",
        r"(?-u:\b)(?:liable|liability)(?-u:\b)(?:\ [a-z-]+){0,3}\ (?P<for>for|to)(?-u:\b)",
        r"^(?:[a-z]+\ ){0,2}?(?-u:\w)+ment(?-u:\b)",
    ];

    const TEXTS: &[&str] = &[
        "the courts of the state of california for any dispute.",
        "Section 10.4 and sections 2 of the agreement, clause 7b",
        "“Sale” or “sharing” as defined, \"sale\" of data; we may later delete it",
        "§ 12 of the code — courts in dublin, ireland; the venue in santa clara county; ",
        "the agreement’s enforcement and payment: those clauses\n 3. items",
        "naïve résumé management by the courts of münchen for claims",
        "",
        "ſection 4 and SECTION 5 and the Kelvin K",
    ];

    fn groups_of(re: &regex::Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    fn text_groups_of(
        re: &TextRegex,
        text: &str,
        count: usize,
    ) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| {
                (0..count)
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn matches_what_regex_matches_on_ascii_and_other_text() {
        for pattern in PATTERNS {
            let expected = regex::Regex::new(pattern).unwrap();
            let ours = TextRegex::new(pattern).unwrap();
            for text in TEXTS {
                let want: Vec<_> = expected.find_iter(text).map(|m| m.range()).collect();
                let got: Vec<_> = ours.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(got, want, "{pattern} on {text:?}");
                assert_eq!(ours.is_match(text), expected.is_match(text));
                assert_eq!(
                    ours.find(text).map(|m| m.as_str()),
                    expected.find(text).map(|m| m.as_str())
                );
                for start in [0, 1, 5, 17]
                    .into_iter()
                    .filter(|&s| text.is_char_boundary(s))
                {
                    assert_eq!(
                        ours.find_at(text, start).map(|m| m.range()),
                        expected.find_at(text, start).map(|m| m.range()),
                        "{pattern} on {text:?} from {start}"
                    );
                }
                let count = expected.captures_len();
                assert_eq!(
                    text_groups_of(&ours, text, count),
                    groups_of(&expected, text),
                    "groups of {pattern} on {text:?}"
                );
            }
        }
    }

    #[test]
    fn groups_by_name_and_number() {
        let re = TextRegex::new(r"§\s*(?P<n>\d+)|(?i:clause)\s+(?P<m>\w+)").unwrap();
        let caps = re.captures("see clause 7b").unwrap();
        assert_eq!(&caps["m"], "7b");
        assert!(caps.name("n").is_none());
        assert_eq!(&caps[0], "clause 7b");
        let caps = re.captures("under § 12").unwrap();
        assert_eq!(&caps["n"], "12");
        assert_eq!(caps.get(1).map(|m| m.as_str()), Some("12"));
        assert!(re.captures("nothing here").is_none());
    }

    #[test]
    fn the_ascii_form_drops_what_ascii_text_cannot_hold() {
        let re = TextRegex::new(r"[“”]|§|(?i)k").unwrap();
        assert!(!re.ascii.is_match("no quotes here"));
        assert!(re.is_match("“quoted”"));
        assert!(re.is_match("K"));
        // The Kelvin sign folds to k in the pattern as written; the ASCII form never sees it.
        assert!(re.is_match("\u{212A}"));
    }

    #[test]
    fn a_pattern_that_reads_only_ascii_has_one_form() {
        let plain = |p: &str| {
            let hir = regex_syntax::ParserBuilder::new().build().parse(p).unwrap();
            ascii_only(&hir) == hir
        };
        assert!(plain(
            r"(?-u:\b)(?:liable|liability)(?-u:\b)(?:\ [a-z-]+){0,3}"
        ));
        assert!(!plain(r"[^.;]{0,40}"));
        assert!(!plain(r"\bdelete\b"));
        assert!(!plain(r"(?i)k"));
        assert!(!plain(r"§"));
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(TextRegex::new(r"(unclosed").is_err());
        assert!(TextRegex::new(r"(?-u:[^.])").is_err());
    }
}
