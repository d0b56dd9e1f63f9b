//! `drafting/*`: drafting defects that create ambiguity — capitalised terms nobody defined,
//! definitions nobody uses or that are given twice, cross-references to clauses that are not there,
//! and defined terms written in more than one way.
//!
//! The rules share one reader of capitalised phrases ([`runs`]) and a few word lists; they read the
//! parser's definitions, term uses and cross-references rather than re-deriving them.

mod brand_tally;
mod broken_cross_reference;
mod duplicate_definition;
mod inconsistent_term;
mod term_search;
mod undefined_term;
mod unused_definition;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use clauselint_parser::{BlockKind, Definition, DefinitionStyle, Document, Span};

use crate::context::Context;
use crate::rule::Rule;

pub(crate) use brand_tally::BrandTally;

pub static RULES: &[&dyn Rule] = &[
    &undefined_term::UndefinedTerm,
    &unused_definition::UnusedDefinition,
    &duplicate_definition::DuplicateDefinition,
    &broken_cross_reference::BrokenCrossReference,
    &inconsistent_term::InconsistentTerm,
];

/// A word of body text. Possessive `’s` is left out of `text` and `span`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
    pub possessive: bool,
    /// The text between the previous word (or the start of the range) and this one.
    pub gap: &'a str,
}

/// The character starting at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// Is the character at byte `i` a word character (letter or digit)?
fn word_char_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(s, i).is_some_and(char::is_alphanumeric),
    }
}

/// The words of `text[span]`: letters and digits, joined by inner hyphens and apostrophes.
pub(crate) fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    // English prose averages about six bytes a word.
    let mut out = Vec::with_capacity(span.len() / 6 + 1);
    push_words(text, span, &mut out);
    out
}

/// [`words`], appended to `out`. Reads bytes, decoding only non-ASCII characters: this runs over
/// every sentence of every document.
fn push_words<'a>(text: &'a str, span: Span, out: &mut Vec<Word<'a>>) {
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut prev_end = 0;
    while i < n {
        let start = i;
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if !b.is_ascii_alphanumeric() {
                continue;
            }
        } else {
            let c = char_at(slice, i).unwrap_or(' ');
            i += c.len_utf8();
            if !c.is_alphanumeric() {
                continue;
            }
        }
        // Extend over word characters and joiners (`-`, `'`, `’`, `‑`) that stand between two
        // word characters; most words are ASCII letters, passed over without other tests.
        loop {
            while i < n && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b.is_ascii() {
                if (b == b'-' || b == b'\'') && word_char_at(slice, i + 1) {
                    i += 1;
                    continue;
                }
                break;
            }
            let c = char_at(slice, i).unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_alphanumeric() || (matches!(c, '’' | '‑') && word_char_at(slice, i + len)) {
                i += len;
            } else {
                break;
            }
        }
        let end = i;
        let raw = &slice[start..end];
        let (word, possessive) = if bytes[end - 1] == b's' {
            match raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .filter(|w| !w.is_empty())
            {
                Some(w) => (w, true),
                None => (raw, false),
            }
        } else {
            (raw, false)
        };
        out.push(Word {
            text: word,
            span: Span::new(span.start + start, span.start + start + word.len()),
            possessive,
            gap: &slice[prev_end..start],
        });
        prev_end = end;
    }
}

/// `Customer`, `Third-Party`: an upper-case letter followed by at least one lower-case letter.
pub(crate) fn is_title_word(w: &str) -> bool {
    // Asked of most capitalised words: ASCII bytes are read without decoding them.
    let bytes = w.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let rest = if first.is_ascii() {
        if !first.is_ascii_uppercase() {
            return false;
        }
        &w[1..]
    } else {
        let mut chars = w.chars();
        if !chars.next().is_some_and(char::is_uppercase) {
            return false;
        }
        chars.as_str()
    };
    // An ASCII lower-case letter is a lower-case character; other lower-case characters are
    // not ASCII.
    rest.bytes().any(|b| b.is_ascii_lowercase())
        || (!rest.is_ascii() && rest.chars().any(char::is_lowercase))
}

/// `API`, `EU`, `GDPR`.
pub(crate) fn is_acronym(w: &str) -> bool {
    // "URLs", "NFTs": an acronym's plural.
    let w = w.strip_suffix('s').filter(|r| r.len() >= 2).unwrap_or(w);
    if w.is_ascii() {
        let bytes = w.as_bytes();
        return bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
            && !bytes.iter().any(u8::is_ascii_lowercase);
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// `word` lower-cased into `out`, which is cleared first; an ASCII or already lower-case word is
/// copied without the allocation `to_lowercase` makes.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if word.chars().any(char::is_uppercase) {
        out.push_str(&word.to_lowercase());
    } else {
        out.push_str(word);
    }
}

/// Starts with a lower-case letter: neither a title word nor an acronym.
// Inlined: asked of every word of every sentence, and most words answer at their first byte.
#[inline]
fn starts_lower(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.chars().next().is_some_and(char::is_lowercase),
    }
}

/// [`is_title_word`] or [`is_acronym`]: a word written with a capital.
#[inline]
fn is_capitalised(w: &str) -> bool {
    !starts_lower(w) && (is_title_word(w) || is_acronym(w))
}

/// A fixed list of lower-case ASCII words, bucketed by length and first letter so a lookup
/// compares a handful of entries instead of scanning the list: the drafting rules look up most
/// words of a document in one list or another.
pub(crate) struct WordList {
    buckets: Vec<Vec<&'static str>>,
}

const WORD_LIST_MAX: usize = 24;

impl WordList {
    fn new(words: &[&'static str]) -> Self {
        let mut buckets = vec![Vec::new(); (WORD_LIST_MAX + 1) * 27];
        for w in words {
            debug_assert!(w.len() <= WORD_LIST_MAX && !w.chars().any(|c| c.is_ascii_uppercase()));
            buckets[Self::bucket(w.as_bytes())].push(*w);
        }
        WordList { buckets }
    }

    fn bucket(w: &[u8]) -> usize {
        let first = w.first().map_or(26, |b| {
            let b = b.to_ascii_lowercase();
            if b.is_ascii_lowercase() {
                usize::from(b - b'a')
            } else {
                26
            }
        });
        w.len() * 27 + first
    }

    fn candidates(&self, w: &str) -> &[&'static str] {
        if w.len() > WORD_LIST_MAX {
            return &[];
        }
        &self.buckets[Self::bucket(w.as_bytes())]
    }

    /// `w` is in the list exactly as written.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.candidates(w).contains(&w)
    }

    /// `w` matches an entry ignoring ASCII case (`str::eq_ignore_ascii_case`).
    pub(crate) fn contains_ignore_ascii_case(&self, w: &str) -> bool {
        self.candidates(w).iter().any(|e| e.eq_ignore_ascii_case(w))
    }

    /// `w.to_lowercase()` is in the list, without allocating for ASCII words.
    pub(crate) fn contains_lower(&self, w: &str) -> bool {
        if w.is_ascii() {
            self.contains_ignore_ascii_case(w)
        } else {
            self.contains(&w.to_lowercase())
        }
    }
}

/// A [`WordList`] built on first use.
macro_rules! word_list {
    ($list:expr) => {{
        static LIST: std::sync::OnceLock<$crate::rules::drafting::WordList> =
            std::sync::OnceLock::new();
        LIST.get_or_init(|| $crate::rules::drafting::WordList::new($list))
    }};
}
pub(crate) use word_list;

/// Words that open a sentence or clause and so carry a capital for grammatical reasons; stripped
/// from the front of a run that opens a sentence.
pub(crate) const OPENERS: &[&str] = &[
    "a",
    "all",
    "an",
    "any",
    "as",
    "at",
    "before",
    "both",
    "by",
    "during",
    "each",
    "either",
    "every",
    "except",
    "for",
    "from",
    "if",
    "in",
    "including",
    "neither",
    "no",
    "notwithstanding",
    "on",
    "once",
    "only",
    "our",
    "please",
    "such",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "to",
    "under",
    "unless",
    "upon",
    "when",
    "where",
    "whether",
    "while",
    "with",
    "without",
    "your",
    "its",
    "his",
    "her",
    "we",
    "you",
    "they",
    "it",
    "after",
    "although",
    "because",
    "since",
    "so",
    "then",
    "there",
    "until",
    "also",
    "however",
    "otherwise",
    "where",
    "like",
];

/// One of [`OPENERS`], in any capitalisation.
fn is_opener(word: &str) -> bool {
    word_list!(OPENERS).contains_ignore_ascii_case(word)
}

/// Determiners that mark a following Title-Case phrase as a defined-term-like noun.
pub(crate) const DETERMINERS: &[&str] = &[
    "the",
    "such",
    "any",
    "each",
    "all",
    "this",
    "these",
    "those",
    "that",
    "no",
    "every",
    "said",
    "either",
    "both",
    "another",
    "applicable",
    "relevant",
];

/// Possessives before a defined term (`your Customer Content`): weaker evidence than `the`/`such`.
pub(crate) const POSSESSIVES: &[&str] = &["your", "our", "its", "their", "his", "her", "my"];

/// A maximal run of capitalised words inside one sentence: `Customer Materials`,
/// `Terms of Service`, `Your Stuff & Your Permissions`.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    /// The words, whitespace folded to single spaces.
    pub text: String,
    pub span: Span,
    pub words: usize,
    /// The word before the run in the same line, if any.
    pub before: Option<Span>,
    /// The word after the run in the same line and the gap before it.
    pub after: Option<(Span, Span)>,
    /// Opens a sentence, line, list item or follows a colon: its capitals prove nothing.
    pub opens: bool,
    /// Directly inside quotation marks.
    pub quoted: bool,
    /// The next word is capitalised but on the next line: the phrase may run on ("any Personal
    /// ⏎ Information").
    pub continues: bool,
}

impl Run {
    /// The word before the run, as written.
    pub fn before_word<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.before.map(|s| &text[s.start..s.end])
    }
}

fn plain_gap(gap: &str) -> bool {
    gap == " " || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}'))
}

/// `text` with each run of whitespace written as one space, trimmed.
pub(crate) fn fold_whitespace(text: &str) -> String {
    let mut out = String::new();
    fold_whitespace_into(text, &mut out);
    out
}

/// [`fold_whitespace`], appended to `out`.
fn fold_whitespace_into(text: &str, out: &mut String) {
    // Most phrases are ASCII words with single spaces between them, already folded: copied
    // without splitting (which decodes every character). One pass over the few bytes of a
    // phrase: no other whitespace, no space first, last or after another.
    let bytes = text.as_bytes();
    let mut after_space = true;
    let already_folded = bytes.last().is_none_or(|&b| b != b' ')
        && bytes.iter().all(|&b| {
            let plain = b.is_ascii() && !matches!(b, b'\t'..=b'\r') && !(b == b' ' && after_space);
            after_space = b == b' ';
            plain
        });
    if already_folded {
        out.push_str(text);
        return;
    }
    out.reserve(text.len());
    for (k, piece) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

/// A single line break inside a hard-wrapped paragraph: the line before it is long and does not
/// end a sentence, so the break is layout, not structure.
fn soft_break(text: &str, gap_start: usize, gap: &str) -> bool {
    if memchr_count(b'\n', gap) != 1 || !gap.chars().all(char::is_whitespace) {
        return false;
    }
    let line_start = text[..gap_start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..gap_start].trim();
    line.len() >= 40
        && !line.ends_with(['.', ':', ';', '?', '!'])
        && !on_title_line(text, line_start)
}

/// The separator before word `i` reads as a space: a plain space or a soft line break.
fn spacing(text: &str, ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    plain_gap(w.gap) || soft_break(text, w.span.start - w.gap.len(), w.gap)
}

/// The separator before word `i` stays within one line of running text.
fn same_line(text: &str, ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    !w.gap.contains('\n') || soft_break(text, w.span.start - w.gap.len(), w.gap)
}

fn opens_unit(text: &str, ws: &[Word], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = ws[i].gap;
    if !same_line(text, ws, i) || gap.contains([':', '•', '·', '|', '>', '*', '#', '¶']) {
        return true;
    }
    let trimmed = gap.trim();
    // "(a) Customer …", "1. Customer …", "iv) Customer …"
    if trimmed.ends_with(')') || trimmed.ends_with('.') {
        let prev = ws[i - 1].text;
        let enumerator = prev.len() <= 4
            && (prev.chars().all(|c| c.is_ascii_digit())
                || prev.chars().all(|c| "ivxlcIVXLC".contains(c))
                || prev.chars().count() == 1);
        if enumerator {
            return true;
        }
    }
    // "… policy. Customer …" inside one parsed sentence: a sentence end the splitter kept.
    trimmed.ends_with(['.', '?', '!'])
}

fn memchr_count(needle: u8, hay: &str) -> usize {
    hay.bytes().filter(|&b| b == needle).count()
}

fn quoted_before(gap: &str) -> bool {
    gap.trim_end().ends_with(['“', '"', '‘', '«', '\''])
}

/// The capitalised runs among `ws`, the words of a range of `text`.
fn runs_of(text: &str, ws: &[Word]) -> Vec<Run> {
    let mut out = Vec::new();
    push_runs(text, ws, &mut out);
    out
}

/// [`runs_of`], appended to `out`.
fn push_runs(text: &str, ws: &[Word], out: &mut Vec<Run>) {
    let cap = |w: &Word| is_capitalised(w.text);
    // A capitalised function word ("You", "The", "If") starts a new phrase rather than extending
    // one: "the Transaction You will be notified".
    let joins = |w: &Word| cap(w) && !is_opener(w.text);
    let mut i = 0;
    while i < ws.len() {
        if !cap(&ws[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while !ws[j].possessive {
            let next = j + 1;
            if next < ws.len() && joins(&ws[next]) && spacing(text, ws, next) {
                j = next;
                continue;
            }
            if next < ws.len()
                && joins(&ws[next])
                && ws[next].gap.trim() == "&"
                && !ws[next].gap.contains('\n')
            {
                j = next;
                continue;
            }
            if next + 1 < ws.len()
                && ws[next].text == "of"
                && spacing(text, ws, next)
                && spacing(text, ws, next + 1)
                && is_title_word(ws[next + 1].text)
                && joins(&ws[next + 1])
            {
                j = next + 1;
                continue;
            }
            break;
        }
        let mut first = i;
        let mut opens = opens_unit(text, ws, i);
        let mut before = (i > 0 && same_line(text, ws, i)).then(|| ws[i - 1].span);
        // "The Customer Materials …" at a sentence start: the article is grammar, the rest a term.
        while opens && first < j && is_opener(ws[first].text) {
            before = Some(ws[first].span);
            first += 1;
            opens = false;
        }
        let quoted = quoted_before(ws[first].gap);
        let span = Span::new(ws[first].span.start, ws[j].span.end);
        let text_folded = fold_whitespace(&text[span.start..span.end]);
        let next_same_line = j + 1 < ws.len() && same_line(text, ws, j + 1);
        let after = next_same_line.then(|| {
            let next = &ws[j + 1];
            let gap = Span::new(next.span.start - next.gap.len(), next.span.start);
            (next.span, gap)
        });
        let continues = j + 1 < ws.len()
            && !next_same_line
            && !ws[j].possessive
            && is_capitalised(ws[j + 1].text);
        out.push(Run {
            text: text_folded,
            span,
            words: j - first + 1,
            before,
            after,
            opens,
            quoted,
            continues,
        });
        i = j + 1;
    }
}

/// Lower-case singular form of a term without a leading article, for comparing `Services`,
/// `Service`, `services` and `the Parties` / `Party`.
pub(crate) fn term_key(term: &str) -> String {
    let mut key = String::new();
    term_key_into(term, &mut key);
    key
}

/// [`term_key`] written into `key` (cleared first), so that a caller keying every phrase of a
/// document reuses one buffer.
pub(crate) fn term_key_into(term: &str, key: &mut String) {
    key.clear();
    fold_whitespace_into(term, key);
    if key.is_ascii() {
        key.make_ascii_lowercase();
    } else {
        let lower = key.to_lowercase().replace('’', "'");
        key.clear();
        key.push_str(&lower);
    }
    let skip = if key.starts_with("the ") { 4 } else { 0 };
    if !key[skip..].contains(['(', ')']) {
        let trimmed = key[skip..].trim();
        let start = trimmed.as_ptr() as usize - key.as_ptr() as usize;
        let end = start + trimmed.len();
        key.truncate(end);
        key.drain(..start);
        singular_in_place(key);
        return;
    }
    // "Order(s)", "Control(led)": the bracketed ending is an inflection.
    let mut bare = String::with_capacity(key.len());
    let mut depth = 0usize;
    for c in key[skip..].chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    key.clear();
    key.push_str(bare.trim());
    singular_in_place(key);
}

/// The singular of a lower-case phrase, cut in place: "policies" → "policy", "boxes" → "box",
/// "services" → "service"; "access", "status" and "analysis" stay.
fn singular_in_place(s: &mut String) {
    if s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
        return;
    }
    for ending in ["xes", "sses", "ches", "shes", "zzes"] {
        if s.ends_with(ending) {
            s.truncate(s.len() - 2);
            return;
        }
    }
    if s.ends_with("ss") || s.ends_with("us") || s.ends_with("is") {
        return;
    }
    if s.ends_with('s') {
        s.pop();
    }
}

/// Is the parser's definition `doc.definitions[index]` a real one? Not a heading it took for a
/// Definitions entry (no text after the term), nor a quoted title after a cross-reference
/// (`Section 1 ("Information We Collect") of our Privacy Policy`). Judged once per document: three
/// rules ask about every definition.
pub(crate) fn is_real_definition(cx: &Context, index: usize) -> bool {
    *shared(cx).real_definitions[index]
        .get_or_init(|| judge_definition(cx, &cx.doc.definitions[index]))
}

fn judge_definition(cx: &Context, d: &Definition) -> bool {
    let doc = cx.doc;
    // Markup inside the term ("T**rials and Betas**") leaves gaps in the parsed term; a closing
    // quote inside it ("Personal Data”" from `“Personal Data” : means`) a misread boundary.
    if d.term.contains("  ") || d.term.ends_with(['”', '"', '’']) {
        return false;
    }
    // `("NAM’s Mass Filing Rules")`: the parser stopped the term at the apostrophe.
    if doc.text[d.term_span.end..].starts_with(['’', '\'']) {
        return false;
    }
    // Another name given in passing, or an example: not a term defined for later use.
    if is_alias(cx, d.term_span) {
        return false;
    }
    // Capitalisation conventions differ by language; only English definitions are read.
    if d.sentence
        .is_some_and(|s| !sentence_reads_as_english_cheaply(cx, s))
    {
        return false;
    }
    // A bold run-in clause title the parser read as a Definitions entry.
    if in_clause_title(cx, d.term_span) {
        return false;
    }
    match d.style {
        DefinitionStyle::Parenthetical => {
            let open = doc.text[..d.term_span.start]
                .rfind('(')
                .unwrap_or(d.term_span.start);
            if !naming_parenthesis(doc, open) {
                return false;
            }
            // "Section 19.B.3 (…)": the parser may stop the reference before ".B.3". The text
            // between only grows as a reference ends earlier, so the last one to end before the
            // parenthesis decides.
            let ends = &shared(cx).cross_ref_ends;
            let last = ends.partition_point(|&e| e <= open);
            !(last > 0 && {
                let between = doc.text[ends[last - 1]..open].trim();
                between.len() <= 10 && !between.contains(char::is_whitespace)
            })
        }
        _ => doc
            .plain(d.definition_span)
            .chars()
            .any(char::is_alphanumeric),
    }
}

/// Is the range Markdown link text (`[Privacy Statement](…)`)?
pub(crate) fn is_link_text(doc: &Document, span: Span) -> bool {
    let before = doc.source[..span.start].trim_end_matches([' ', '*', '_']);
    let after = doc.source[span.end..].trim_start_matches([' ', '*', '_']);
    before.ends_with('[') && after.starts_with("](")
}

/// Block kinds whose text reads as prose (headings and table cells are labels).
pub(crate) fn is_prose_block(doc: &Document, sentence: usize) -> bool {
    let block = &doc.blocks[doc.sentences[sentence].block];
    matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
}

/// Mostly upper-case text (a disclaimer in capitals): capitalisation carries no signal there.
pub(crate) fn is_shouting(text: &str) -> bool {
    // Runs for every sentence. ASCII letters, upper-case ones and bytes from 0x80 are counted
    // over all bytes in one pass, in byte-wide counters per chunk of at most 255 bytes (which
    // cannot overflow them) that the compiler vectorises; no byte of a multi-byte character is
    // an ASCII letter. Only the multi-byte characters, a few curly quotes and dashes in most
    // sentences, are decoded.
    let bytes = text.as_bytes();
    let (mut letters, mut upper, mut ascii) = (0usize, 0usize, true);
    for chunk in bytes.chunks(255) {
        let (mut l, mut u, mut high) = (0u8, 0u8, 0u8);
        for &b in chunk {
            l = l.wrapping_add(u8::from((b | 0x20).wrapping_sub(b'a') < 26));
            u = u.wrapping_add(u8::from(b.wrapping_sub(b'A') < 26));
            high |= b;
        }
        letters += usize::from(l);
        upper += usize::from(u);
        ascii &= high < 0x80;
    }
    if !ascii {
        for (i, &b) in bytes.iter().enumerate() {
            // A byte from 0xC0 up starts a multi-byte character.
            if b >= 0xC0 {
                if let Some(c) = text[i..].chars().next() {
                    letters += usize::from(c.is_alphabetic());
                    upper += usize::from(c.is_uppercase());
                }
            }
        }
    }
    letters >= 12 && upper * 10 >= letters * 6
}

/// Is the line containing `offset` a title (a short line of capitalised words without a sentence
/// end) — a plain-text heading the parser merged into the paragraph below it?
pub(crate) fn on_title_line(text: &str, offset: usize) -> bool {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    title_line(text, start, end)
}

/// [`on_title_line`] for the line `text[start..end]`.
fn title_line(text: &str, start: usize, end: usize) -> bool {
    let line = text[start..end].trim();
    // "10. #### Your Rating of Others": a Markdown heading inside a list item.
    let unnumbered = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    if unnumbered.starts_with('#') {
        return true;
    }
    if line.is_empty() || line.len() > 120 || line.ends_with(['.', ';', ',', '?', '!', ':']) {
        return false;
    }
    let ws = words(text, Span::new(start, end));
    let content: Vec<_> = ws
        .iter()
        .filter(|w| !word_list!(MINOR_TITLE_WORDS).contains_lower(w.text))
        .collect();
    if content.is_empty() || content.len() > 12 {
        return false;
    }
    let capitalised = content
        .iter()
        .filter(|w| {
            w.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalised * 10 >= content.len() * 8
}

const MINOR_TITLE_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "your", "our", "vs",
];

/// `(the “Services”)`, `(collectively, “Data” or “Content”)`: a parenthesis that only names.
/// `(“Limit Ad Tracking” on iOS or …)` quotes a setting's label inside other words.
fn naming_parenthesis(doc: &Document, open: usize) -> bool {
    let Some(close) = doc.text[open..].find(')').map(|i| open + i) else {
        return true;
    };
    let inner = &doc.text[open + 1..close];
    // Drop the quoted names; what is left must be joining words.
    let mut rest = String::new();
    let mut quoted = false;
    for c in inner.chars() {
        match c {
            '“' | '‘' => quoted = true,
            '”' | '’' => quoted = false,
            '"' => quoted = !quoted,
            _ if !quoted => rest.push(c),
            _ => {}
        }
    }
    const JOINING: &[&str] = &[
        "the",
        "a",
        "an",
        "each",
        "collectively",
        "together",
        "or",
        "and",
        "hereinafter",
        "hereafter",
        "referred",
        "to",
        "as",
        "also",
        "individually",
        "jointly",
        "any",
        "all",
        "such",
        "our",
        "your",
        "its",
        "this",
        "these",
        "called",
        "known",
        "both",
        "either",
        "respectively",
        "herein",
        "below",
        "above",
    ];
    // "(collectively with the Site, the “Service”)": other terms may be named.
    words(&rest, Span::new(0, rest.len())).iter().all(|w| {
        JOINING.contains(&w.text.to_lowercase().as_str())
            || w.text == "with"
            || w.text.chars().next().is_some_and(char::is_uppercase)
    })
}

/// `(also known as “Local Shared Objects” or “LSOs”)`: another name for something, given in
/// passing rather than defined for later use.
pub(crate) fn is_alias(cx: &Context, term: Span) -> bool {
    let doc = cx.doc;
    let line_start = line_start(cx, term.start);
    let from = clauselint_parser::line_index::floor_char_boundary(
        &doc.text,
        term.start.saturating_sub(60).max(line_start),
    );
    let before = doc.text[from..term.start].to_lowercase();
    // Inside a parenthesis, its words; otherwise only the words just before the term.
    let before = match before.rfind('(') {
        // "(such as traffic flood ("Denial of Service") protection)": a parenthesis opening
        // right at the term sits inside an outer one.
        Some(open)
            if before[open..]
                .trim_matches(['(', ' ', '"', '“', '‘'])
                .is_empty() =>
        {
            let outer = &before[..open];
            outer[outer.rfind('(').unwrap_or(0)..].to_string()
        }
        Some(open) => before[open..].to_string(),
        None => before
            .chars()
            .rev()
            .take(25)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect(),
    };
    [
        "such as",
        "for example",
        "e.g.",
        "also known as",
        "also referred to as",
        "also called",
        "called",
        "known as",
        "so-called",
        "sometimes called",
        "commonly called",
    ]
    .iter()
    .any(|p| before.contains(p))
}

/// The clause titles and headings of the document, as [`term_key`]s.
pub(crate) fn title_keys(doc: &Document) -> WordSet {
    let mut keys = WordSet::default();
    for c in &doc.clauses {
        if let Some(t) = &c.title {
            keys.insert(term_key(t.trim_end_matches(['.', ':'])));
        }
    }
    for b in &doc.blocks {
        if b.kind == BlockKind::Heading {
            let t = doc.plain(b.text_span).trim();
            let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
            keys.insert(term_key(t.trim_end_matches(['.', ':'])));
        }
    }
    keys
}

/// Per-document facts several drafting rules need; see [`shared`]. Cheap indexes are built at
/// once; what needs a walk over every word ([`WordFacts`]) or a scan of the text only when a rule
/// asks for it.
pub(crate) struct SharedFacts {
    words: OnceLock<WordFacts>,
    /// Lower-case names of the parties and brands (see [`BrandScan`]), all of them: given by the
    /// incremental analysis, or counted when [`is_brand`] cannot judge a word by itself.
    brands: OnceLock<WordSet>,
    /// What [`is_brand`] judges single words with; `None` for a text it cannot.
    brand_evidence: OnceLock<Option<BrandEvidence>>,
    /// Whether a rule asked for brand names ([`brands_asked_for`]).
    brands_asked: std::sync::atomic::AtomicBool,
    /// Byte offset of each line of the analysis text.
    line_starts: Vec<usize>,
    /// The clause titles, for overlap queries.
    clause_titles: SpanIndex,
    /// Where cross-references end, sorted.
    cross_ref_ends: Vec<usize>,
    /// Term keys of the phrases the document puts in quotes or bold (see [`marked_as_term`]).
    marked: OnceLock<WordSet>,
    /// The definitions, indexed for [`near_defined`](inconsistent_term::near_defined).
    definitions: OnceLock<DefinitionIndex>,
    /// Where `“` and `”` stand in the analysis text.
    curly_quotes: OnceLock<(Vec<usize>, Vec<usize>)>,
    /// [`is_real_definition`] of each definition, once asked.
    real_definitions: Vec<OnceLock<bool>>,
}

/// What the drafting rules learn from walking every word of the document once.
struct WordFacts {
    /// The capitalised runs of each prose sentence not written in capitals; `None` for the rest.
    runs: Vec<Option<std::ops::Range<usize>>>,
    /// The runs of every sentence, one after another: `runs` holds each sentence's range.
    all_runs: Vec<Run>,
    /// Whether each sentence with runs reads as English (see [`reads_as_english`]); `None` for
    /// the others, whose words the walk does not read.
    english: Vec<Option<bool>>,
    /// Whether each sentence with runs is a heading run into the text (most long words capitalised).
    title_cased: Vec<bool>,
}

/// Intervals answering "does any of them overlap this span?" in logarithmic time.
pub(crate) struct SpanIndex {
    /// Interval starts, ascending.
    starts: Vec<usize>,
    /// The largest end among the intervals up to and including each position.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(crate) fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        SpanIndex {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Does any interval overlap `q` ([`Span::overlaps`])?
    pub(crate) fn overlaps(&self, q: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < q.end);
        before_end > 0 && self.max_end[before_end - 1] > q.start
    }
}

/// Definitions by term key and by all-but-last words, built once per document.
pub(crate) struct DefinitionIndex {
    /// [`term_key`] of every definition's term.
    pub keys: WordSet,
    /// Capitalised definitions whose last word is of a [`inconsistent_term`] family, by their
    /// lower-case leading words and word count, in document order.
    pub by_head: HashMap<(String, usize), Vec<usize>, foldhash::fast::RandomState>,
}

pub(crate) fn shared<'c>(cx: &'c Context) -> &'c SharedFacts {
    cx.drafting.get_or_init(|| {
        let doc = cx.doc;
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', doc.text.as_bytes()).map(|i| i + 1))
            .collect();
        let mut cross_ref_ends: Vec<usize> = doc.cross_refs.iter().map(|r| r.span.end).collect();
        cross_ref_ends.sort_unstable();
        SharedFacts {
            words: OnceLock::new(),
            brands: OnceLock::new(),
            brand_evidence: OnceLock::new(),
            brands_asked: Default::default(),
            line_starts,
            clause_titles: SpanIndex::new(
                doc.clauses.iter().filter_map(|c| c.title_span).collect(),
            ),
            cross_ref_ends,
            marked: OnceLock::new(),
            definitions: OnceLock::new(),
            curly_quotes: OnceLock::new(),
            real_definitions: doc.definitions.iter().map(|_| OnceLock::new()).collect(),
        }
    })
}

fn word_facts<'c>(cx: &'c Context) -> &'c WordFacts {
    shared(cx).words.get_or_init(|| {
        let doc = cx.doc;
        let n = doc.sentences.len();
        let mut runs = Vec::with_capacity(n);
        let mut all_runs = Vec::new();
        let mut english = Vec::with_capacity(n);
        let mut title_cased = Vec::with_capacity(n);
        let mut ws: Vec<Word> = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            // Headings, table cells and text in capitals have no runs: their words are read only
            // if a rule asks whether they read as English.
            let prose = is_prose_block(doc, si) && !is_shouting(doc.plain(s.span));
            if !prose {
                runs.push(None);
                english.push(None);
                title_cased.push(false);
                continue;
            }
            ws.clear();
            push_words(&doc.text, s.span, &mut ws);
            let stats = word_stats(&ws);
            english.push(Some(stats.english));
            let from = all_runs.len();
            push_runs(&doc.text, &ws, &mut all_runs);
            runs.push(Some(from..all_runs.len()));
            title_cased.push(stats.title_cased);
        }
        WordFacts {
            runs,
            all_runs,
            english,
            title_cased,
        }
    })
}

/// The capitalised runs of sentence `si`, if it is prose not written in capitals.
pub(crate) fn prose_runs<'c>(cx: &'c Context, si: usize) -> Option<&'c [Run]> {
    let facts = word_facts(cx);
    facts.runs[si].clone().map(|r| &facts.all_runs[r])
}

/// [`prose_runs`] of one sentence without forcing the walk over every word: borrowed from the
/// walk when a rule already made it, else read from the sentence alone.
pub(crate) fn prose_runs_of_sentence<'c>(
    cx: &'c Context,
    si: usize,
) -> Option<std::borrow::Cow<'c, [Run]>> {
    if let Some(facts) = shared(cx).words.get() {
        return facts.runs[si]
            .clone()
            .map(|r| std::borrow::Cow::Borrowed(&facts.all_runs[r]));
    }
    let doc = cx.doc;
    let span = doc.sentences[si].span;
    (is_prose_block(doc, si) && !is_shouting(doc.plain(span)))
        .then(|| std::borrow::Cow::Owned(runs_of(&doc.text, &words(&doc.text, span))))
}

/// Has a rule already walked every word of the document (so [`prose_runs`] costs nothing more)?
pub(crate) fn word_facts_made(cx: &Context) -> bool {
    shared(cx).words.get().is_some()
}

/// [`reads_as_english`] for sentence `si`: from the walk over every prose sentence, read afresh for
/// the others.
pub(crate) fn sentence_reads_as_english(cx: &Context, si: usize) -> bool {
    word_facts(cx).english[si].unwrap_or_else(|| reads_as_english(cx.doc.sentence_text(si)))
}

/// [`sentence_reads_as_english`] without forcing the walk over every word: from the walk when a
/// rule already made it, else from the one sentence.
pub(crate) fn sentence_reads_as_english_cheaply(cx: &Context, si: usize) -> bool {
    match shared(cx).words.get() {
        Some(facts) => {
            facts.english[si].unwrap_or_else(|| reads_as_english(cx.doc.sentence_text(si)))
        }
        None => reads_as_english(cx.doc.sentence_text(si)),
    }
}

/// A heading run into the text ("Categories, Sources and the Purposes It is Used for"): most of
/// the long words of sentence `si` are capitalised, so capitals carry no meaning. Known only for
/// sentences with [`prose_runs`].
pub(crate) fn sentence_title_cased(cx: &Context, si: usize) -> bool {
    word_facts(cx).title_cased[si]
}

/// What [`english_words`] and [`title_cased_words`] say of one sentence's words, found in one
/// pass over them.
struct WordStats {
    english: bool,
    title_cased: bool,
}

/// [`WordStats`] of `ws`.
fn word_stats(ws: &[Word]) -> WordStats {
    let (mut common, mut long, mut capitalised) = (0usize, 0usize, 0usize);
    for w in ws {
        let t = w.text.as_bytes();
        common += usize::from(is_common_word(t));
        // A word of more than three bytes has more than three characters if it is ASCII.
        let long_word = t.len() > 3 && (w.text.is_ascii() || w.text.chars().count() > 3);
        let first = t[0];
        let upper = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            w.text.chars().next().is_some_and(char::is_uppercase)
        };
        if long_word {
            long += 1;
            capitalised += usize::from(upper);
        }
    }
    WordStats {
        english: ws.len() < 6 || common * 12 >= ws.len(),
        title_cased: long >= 8 && capitalised * 10 >= long * 7,
    }
}

#[cfg(test)]
fn title_cased_words(ws: &[Word]) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    for w in ws {
        let long_word = if w.text.is_ascii() {
            w.text.len() > 3
        } else {
            w.text.chars().count() > 3
        };
        if long_word {
            long += 1;
            capitalised += usize::from(w.text.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 8 && capitalised * 10 >= long * 7
}

/// The document's brand and company names, lower case, first word.
pub(crate) fn brand_words<'c>(cx: &'c Context) -> &'c WordSet {
    shared(cx).brands.get_or_init(|| {
        let doc = cx.doc;
        let mut scan = BrandScan::default();
        let mut ws: Vec<Word> = Vec::new();
        for s in &doc.sentences {
            ws.clear();
            push_words(&doc.text, s.span, &mut ws);
            scan.scan(&ws);
        }
        scan.finish(cx, &mut ws)
    })
}

/// Is `word` (lower case) one of the document's brand and company names ([`brand_words`])?
///
/// The rules ask this of the few words of the phrases they are about to report, so it is answered
/// word by word from that word's own uses, found by a byte search, rather than by counting every
/// capitalised word of the document: the answer is the same (a test compares the two).
pub(crate) fn is_brand(cx: &Context, word: &str) -> bool {
    let facts = shared(cx);
    facts
        .brands_asked
        .store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(all) = facts.brands.get() {
        return all.contains(word);
    }
    match facts.brand_evidence.get_or_init(|| BrandEvidence::new(cx)) {
        Some(evidence) if BrandEvidence::can_judge(word) => evidence.is_brand(cx, word),
        // Text or a word the byte search cannot judge exactly: every word is counted once.
        _ => brand_words(cx).contains(word),
    }
}

/// What [`is_brand`] needs to judge one word at a time: the brands named as such, and a copy of
/// the text in which a word's uses in any capitals are found by one byte search.
struct BrandEvidence {
    /// [`named_brands`]: brands whatever their counts.
    named: WordSet,
    /// The analysis text with ASCII capitals lowered: the same byte offsets.
    lower_text: String,
    /// Words judged so far.
    judged: std::sync::Mutex<WordMap<bool>>,
}

impl BrandEvidence {
    /// `None` when a word's uses cannot be found by a byte search of the lowered text: a
    /// character other than an ASCII capital lowers to an ASCII letter (the Kelvin sign `K` to
    /// `k`), or the sentences overlap, so that an offset does not name the one sentence holding it.
    fn new(cx: &Context) -> Option<Self> {
        let doc = cx.doc;
        let sentences_apart = doc
            .sentences
            .windows(2)
            .all(|pair| pair[0].span.end <= pair[1].span.start);
        if doc.text.contains('\u{212A}') || !sentences_apart {
            return None;
        }
        // Only sentences holding a company form as a word of its own can name a company. The
        // forms are letters only, so no match of one overlaps a word that is a form, and the
        // longest form matching where such a word starts is that word.
        let forms = {
            static FORMS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
            FORMS.get_or_init(|| {
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(COMPANY)
                    .expect("valid literals")
            })
        };
        let bytes = doc.text.as_bytes();
        let mut companies = Vec::new();
        let mut ws: Vec<Word> = Vec::new();
        let mut last = None;
        for m in forms.find_iter(&doc.text) {
            // A letter or digit next to it makes it part of a longer word.
            let inside_a_word = (m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric())
                || bytes.get(m.end()).is_some_and(u8::is_ascii_alphanumeric);
            if inside_a_word {
                continue;
            }
            let Some(si) = doc.sentence_at(m.start()).filter(|&si| last != Some(si)) else {
                continue;
            };
            last = Some(si);
            ws.clear();
            push_words(&doc.text, doc.sentences[si].span, &mut ws);
            for i in 0..ws.len() {
                if starts_lower(ws[i].text) {
                    continue;
                }
                if let Some(name) = company_named_at(&ws, i) {
                    companies.push(name.to_lowercase());
                }
            }
        }
        Some(BrandEvidence {
            named: named_brands(cx, companies.into_iter()),
            lower_text: doc.text.to_ascii_lowercase(),
            judged: Default::default(),
        })
    }

    /// Whether [`BrandEvidence::is_brand`] answers for `word`: non-empty ASCII without capitals.
    /// A word's lower-case form is ASCII only if the word is (but for the Kelvin sign), so its uses
    /// are where the lowered text holds it.
    fn can_judge(word: &str) -> bool {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    }

    fn is_brand(&self, cx: &Context, word: &str) -> bool {
        if self.named.contains(word) {
            return true;
        }
        if ROLES.contains(&word) || OPENERS.contains(&word) {
            return false;
        }
        let mut judged = self.judged.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&known) = judged.get(word) {
            return known;
        }
        let brand = self.used_like_a_brand(cx.doc, word);
        judged.insert(word.to_string(), brand);
        brand
    }

    /// [`used_like_a_brand`] for `word`, from the sentences where the text holds it in any
    /// capitals, and never written in lower case there.
    fn used_like_a_brand(&self, doc: &Document, word: &str) -> bool {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let bytes = self.lower_text.as_bytes();
        // Every place it occurs, overlapping ones too (`word` may hold a hyphen or apostrophe).
        let mut at = Vec::new();
        let mut from = 0;
        while let Some(i) = finder.find(&bytes[from..]) {
            at.push(from + i);
            from += i + 1;
        }
        // Five capitalised uses at least, each a place of its own.
        if at.len() < 5 {
            return false;
        }
        // The words of the sentence holding `offset` into `ws`, unless it is the `last` one read.
        fn words_of_sentence_at<'d>(
            doc: &'d Document,
            offset: usize,
            ws: &mut Vec<Word<'d>>,
            last: &mut Option<usize>,
        ) -> Option<()> {
            let si = doc.sentence_at(offset).filter(|&si| *last != Some(si))?;
            *last = Some(si);
            ws.clear();
            push_words(&doc.text, doc.sentences[si].span, ws);
            Some(())
        }
        let is_word = |w: &Word| w.text.as_bytes().eq_ignore_ascii_case(word.as_bytes());
        let text = doc.text.as_bytes();
        let mut ws: Vec<Word> = Vec::new();
        // Written in lower case (outside an address): an ordinary word. Such a use starts with a
        // lower-case letter, so only those places are read first.
        let mut last = None;
        for &i in &at {
            if !text[i].is_ascii_lowercase()
                || words_of_sentence_at(doc, i, &mut ws, &mut last).is_none()
            {
                continue;
            }
            if ws
                .iter()
                .any(|w| starts_lower(w.text) && is_word(w) && !in_address(&doc.text, w.span))
            {
                return false;
            }
        }
        let mut stats: BrandStats = (0, 0, 0, 0);
        let mut last = None;
        for &i in &at {
            if words_of_sentence_at(doc, i, &mut ws, &mut last).is_none() {
                continue;
            }
            for k in 0..ws.len() {
                if starts_lower(ws[k].text) || !is_word(&ws[k]) {
                    continue;
                }
                if let Some(seen) = capitalised_use(&ws, k) {
                    stats.0 += seen.0;
                    stats.1 += seen.1;
                    stats.2 += seen.2;
                    stats.3 += seen.3;
                }
            }
        }
        used_like_a_brand(word, stats)
    }
}

/// Did a rule ask for [`brand_words`] while analysing `cx`?
pub(crate) fn brands_asked_for(cx: &Context) -> bool {
    cx.drafting.get().is_some_and(|f| {
        f.brands_asked.load(std::sync::atomic::Ordering::Relaxed) || f.brands.get().is_some()
    })
}

/// Is the span inside a clause title (`**10.1 Customer Content**.`)?
pub(crate) fn in_clause_title(cx: &Context, span: Span) -> bool {
    shared(cx).clause_titles.overlaps(span)
}

/// The start of the line holding `offset` in the analysis text.
pub(crate) fn line_start(cx: &Context, offset: usize) -> usize {
    let starts = &shared(cx).line_starts;
    // A line starts after a newline strictly before `offset`.
    starts[starts.partition_point(|&s| s <= offset).saturating_sub(1)]
}

/// The end of the line holding `offset` (its newline, or the end of the text).
pub(crate) fn line_end(cx: &Context, offset: usize) -> usize {
    let starts = &shared(cx).line_starts;
    let next = starts.partition_point(|&s| s <= offset);
    starts.get(next).map_or(cx.doc.text.len(), |s| s - 1)
}

/// [`on_title_line`] with the line found through the line index.
pub(crate) fn on_title_line_at(cx: &Context, offset: usize) -> bool {
    title_line(&cx.doc.text, line_start(cx, offset), line_end(cx, offset))
}

/// The offsets of every `“` and of every `”` in the analysis text.
pub(crate) fn curly_quotes<'c>(cx: &'c Context) -> (&'c [usize], &'c [usize]) {
    let (opens, closes) = shared(cx).curly_quotes.get_or_init(|| {
        let text = &cx.doc.text;
        let at = |mark: &str| memchr::memmem::find_iter(text.as_bytes(), mark).collect();
        (at("“"), at("”"))
    });
    (opens, closes)
}

/// The definitions indexed by term key and leading words.
pub(crate) fn definition_index<'c>(cx: &'c Context) -> &'c DefinitionIndex {
    shared(cx).definitions.get_or_init(|| {
        let doc = cx.doc;
        let keys = doc.definitions.iter().map(|d| term_key(&d.term)).collect();
        let mut by_head: HashMap<(String, usize), Vec<usize>, foldhash::fast::RandomState> =
            HashMap::default();
        for (i, d) in doc.definitions.iter().enumerate() {
            let dw: Vec<&str> = d.term.split_whitespace().collect();
            if dw.len() < 2 || !d.is_capitalised() || !inconsistent_term::family(dw[dw.len() - 1]) {
                continue;
            }
            let head = dw[..dw.len() - 1].join(" ").to_lowercase();
            by_head.entry((head, dw.len())).or_default().push(i);
        }
        DefinitionIndex { keys, by_head }
    })
}

/// Does the source show `term` in quotes or bold anywhere, i.e. does the author treat it as defined
/// (a definition the parser did not recognise, such as `is referred to as **Customer Content**`)?
pub(crate) fn marked_as_term(cx: &Context, term: &str) -> bool {
    shared(cx)
        .marked
        .get_or_init(|| marked_keys(cx.doc))
        .contains(&term_key(term))
}

/// Where the first `”`, `"`, `’` or line feed in `text` starts: `text.find(['”', '"', '’', '\n'])`
/// read as bytes (the curly marks are `E2 80 9D` and `E2 80 99`, and `E2` only ever starts a
/// character).
fn closing_mark(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr3(b'"', b'\n', 0xE2, &bytes[from..]) {
        let at = from + i;
        if bytes[at] != 0xE2 || matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9D | 0x99])) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The [`term_key`] of every phrase in quotes (up to the closing quote, the end of the line or 120
/// bytes) and of every bold span.
fn marked_keys(doc: &Document) -> WordSet {
    let mut keys = WordSet::default();
    for open in ["“", "\"", "‘"] {
        // A mark is one character: its occurrences cannot overlap, so the byte search finds
        // what `match_indices` finds.
        for pos in memchr::memmem::find_iter(doc.text.as_bytes(), open.as_bytes()) {
            let start = pos + open.len();
            let rest = &doc.text[start..];
            // The closing mark must start within 120 bytes; a three-byte mark at 120 ends by 123.
            let window = &rest
                [..clauselint_parser::line_index::floor_char_boundary(rest, rest.len().min(124))];
            let end = closing_mark(window).unwrap_or(rest.len()).min(120);
            let end = (0..=end)
                .rev()
                .find(|&e| rest.is_char_boundary(e))
                .unwrap_or(0);
            keys.insert(term_key(
                rest[..end].trim().trim_end_matches([',', '.', ';']),
            ));
        }
    }
    for s in &doc.strong_spans {
        let inner = doc.plain(*s).trim().trim_matches(['“', '”', '"']).trim();
        keys.insert(term_key(inner.trim_end_matches([',', '.', ';', ':'])));
    }
    keys
}

/// Company forms, case-sensitive: "Zoom Communications, Inc.", "Gumb AG".
const COMPANY: &[&str] = &[
    "Inc",
    "LLC",
    "Ltd",
    "Limited",
    "GmbH",
    "Corp",
    "Corporation",
    "plc",
    "PLC",
    "AG",
    "Pty",
    "LLP",
    "LP",
    "SARL",
    "SAS",
    "Oy",
    "AB",
    "Incorporated",
    "KK",
    "SpA",
    "BV",
    "NV",
    "SA",
];

/// One of [`COMPANY`], compared as the compiler compares string patterns (by length first):
/// asked of every capitalised word.
fn is_company_form(w: &str) -> bool {
    let found = matches!(
        w,
        "Inc"
            | "LLC"
            | "Ltd"
            | "Limited"
            | "GmbH"
            | "Corp"
            | "Corporation"
            | "plc"
            | "PLC"
            | "AG"
            | "Pty"
            | "LLP"
            | "LP"
            | "SARL"
            | "SAS"
            | "Oy"
            | "AB"
            | "Incorporated"
            | "KK"
            | "SpA"
            | "BV"
            | "NV"
            | "SA"
    );
    debug_assert_eq!(found, COMPANY.contains(&w));
    found
}

/// Party roles ("Customer") head defined-term candidates such as "Customer Materials": never
/// brands.
const ROLES: &[&str] = &[
    "customer",
    "user",
    "users",
    "licensee",
    "licensor",
    "subscriber",
    "client",
    "member",
    "provider",
    "vendor",
    "supplier",
    "seller",
    "buyer",
    "party",
    "company",
    "contractor",
    "partner",
    "developer",
    "publisher",
    "merchant",
    "participant",
    "host",
    "owner",
];

/// How a capitalised word is used: (capitalised uses, after a determiner, modifying a lower-case
/// noun, standing alone).
type BrandStats = (usize, usize, usize, usize);

/// A hash map with a hasher faster than the default one on short keys: the brand scan looks up
/// every capitalised word of a document. (No protection against crafted collisions is needed for
/// a count of words.)
pub(crate) type WordMap<V> = HashMap<String, V, foldhash::fast::RandomState>;
/// The set of [`WordMap`]: brand candidates, looked up for every lower-case word.
pub(crate) type WordSet = HashSet<String, foldhash::fast::RandomState>;

/// The word-by-word part of [`find_brand_words`], fed one sentence at a time.
#[derive(Default)]
struct BrandScan {
    /// Names followed by a company form, with how often.
    companies: WordMap<usize>,
    stats: WordMap<BrandStats>,
    /// Reused for lower-casing words without allocating.
    lower: String,
}

impl BrandScan {
    fn scan(&mut self, ws: &[Word]) {
        for (i, w) in ws.iter().enumerate() {
            if starts_lower(w.text) {
                continue;
            }
            if let Some(name) = company_named_at(ws, i) {
                *self.companies.entry(name.to_lowercase()).or_default() += 1;
            }
            let Some(seen) = capitalised_use(ws, i) else {
                continue;
            };
            self.lower.clear();
            if w.text.is_ascii() {
                self.lower.push_str(w.text);
                self.lower.make_ascii_lowercase();
            } else {
                self.lower.push_str(&w.text.to_lowercase());
            }
            // One look-up for a word seen before, the usual case.
            match self.stats.get_mut(self.lower.as_str()) {
                Some(e) => {
                    e.0 += seen.0;
                    e.1 += seen.1;
                    e.2 += seen.2;
                    e.3 += seen.3;
                }
                None => {
                    self.stats.insert(self.lower.clone(), seen);
                }
            }
        }
    }

    /// The brand words, given every sentence has been scanned. `ws` is a scratch buffer.
    fn finish<'d>(self, cx: &Context<'d>, ws: &mut Vec<Word<'d>>) -> WordSet {
        let doc = cx.doc;
        self.brands(cx, |candidates| drop_lower_case_words(doc, candidates, ws))
    }

    /// The brand words from the scan's counts; `drop_lower_case` removes the candidates the
    /// document also writes in lower case (see [`drop_lower_case_words`]).
    fn brands(&self, cx: &Context, drop_lower_case: impl FnOnce(&mut WordSet)) -> WordSet {
        let mut out = named_brands(cx, self.companies.keys().cloned());
        // Names used bare, again and again, never in lower case and almost never after "the":
        // "Skype may …", "you give Dropbox …".
        let mut candidates: WordSet = self
            .stats
            .iter()
            .filter(|(word, stats)| used_like_a_brand(word, **stats))
            .map(|(word, _)| word.clone())
            .collect();
        // A candidate written in lower case in running text is an ordinary word.
        if !candidates.is_empty() {
            drop_lower_case(&mut candidates);
        }
        out.extend(candidates);
        out
    }
}

/// The brands a document names as such, whatever their counts: the `companies` (names before
/// "Inc.", "Ltd." …), the first words of the parties' names, and the brand in the title.
fn named_brands(cx: &Context, companies: impl Iterator<Item = String>) -> WordSet {
    let mut out: WordSet = companies.collect();
    for a in cx
        .facts
        .vendor_aliases
        .iter()
        .chain(&cx.facts.customer_aliases)
    {
        if let Some(first) = a.split_whitespace().next() {
            out.insert(first.to_string());
        }
    }
    if let Some(word) = title_brand(cx.doc) {
        out.insert(word);
    }
    out
}

/// The company name closed by word `i` of `ws` when it is a company form ("Zoom Communications,
/// Inc." → "Zoom"): the first of the capitalised words before it on the same line. Word `i` does
/// not start in lower case.
fn company_named_at<'a>(ws: &[Word<'a>], i: usize) -> Option<&'a str> {
    let w = &ws[i];
    // Company forms start with an ASCII capital (a cheap test before the list).
    if i == 0
        || !w.text.as_bytes()[0].is_ascii_uppercase()
        || !is_company_form(w.text)
        || ws[i].gap.contains('\n')
    {
        return None;
    }
    // Walk back over the capitalised name: "Zoom Communications, Inc."
    let mut k = i;
    while k > 0
        && (is_title_word(ws[k - 1].text) || is_acronym(ws[k - 1].text))
        && !word_list!(OPENERS).contains_lower(ws[k - 1].text)
        && !ws[k].gap.contains(['\n', '.', ';', ':', '('])
    {
        k -= 1;
    }
    (k < i).then_some(ws[k].text)
}

/// How word `i` of `ws`, which does not start in lower case, counts towards [`BrandStats`]: `None`
/// when it opens the sentence or has no capital after a first character that is not one.
fn capitalised_use(ws: &[Word], i: usize) -> Option<BrandStats> {
    let w = &ws[i];
    if i == 0 || !(is_title_word(w.text) || w.text.chars().skip(1).any(char::is_uppercase)) {
        return None;
    }
    let mut seen: BrandStats = (1, 0, 0, 0);
    // "the Skype Software": the article belongs to the product, not to the brand.
    let heads_phrase = ws
        .get(i + 1)
        .is_some_and(|n| plain_gap(n.gap) && is_capitalised(n.text));
    // "the Wikimedia projects": a name used as an adjective.
    let modifies = ws.get(i + 1).is_some_and(|n| {
        plain_gap(n.gap) && starts_lower(n.text) && !word_list!(FUNCTION_WORDS).contains(n.text)
    });
    let prev = ws[i - 1].text;
    let after_determiner = word_list!(DETERMINERS).contains_lower(prev);
    // "the Platform": the word itself is the noun the article introduces.
    if !heads_phrase && !modifies && after_determiner {
        seen.1 += 1;
    }
    if modifies {
        seen.2 += 1;
    }
    // "Apple may …", "to Skype": the word alone, without an article.
    let alone = !heads_phrase
        && !prev.chars().next().is_some_and(char::is_uppercase)
        && !after_determiner
        && !word_list!(POSSESSIVES).contains_lower(prev);
    if alone {
        seen.3 += 1;
    }
    Some(seen)
}

/// Names used bare, again and again, almost never after "the" ("Skype may …", "you give Dropbox
/// …"), judged on the counts of their capitalised uses: brands unless the document also writes
/// them in lower case.
fn used_like_a_brand(word: &str, (n, det, modifies, alone): BrandStats) -> bool {
    n >= 5
        && (det * 10 <= n || modifies * 2 >= n)
        // Used alone ("Evernote may …"), as an adjective ("Wikimedia projects") or heading
        // product names ("Evernote Service", "Evernote Enterprise"), never after "the".
        && (alone * 10 >= n * 3 || modifies * 2 >= n || (n - modifies - det) * 10 >= n * 7)
        && !ROLES.contains(&word)
        && !OPENERS.contains(&word)
}

/// Removes from `candidates` every word the document also writes in lower case (first letter
/// lower case; addresses and URLs such as "foundation.wikimedia.org" do not count).
fn drop_lower_case_words<'d>(doc: &'d Document, candidates: &mut WordSet, ws: &mut Vec<Word<'d>>) {
    let lengths = candidate_lengths(candidates);
    for s in &doc.sentences {
        ws.clear();
        push_words(&doc.text, s.span, ws);
        drop_lower_case_among(&doc.text, candidates, &lengths, ws.iter().map(|w| w.span));
        if candidates.is_empty() {
            return;
        }
    }
}

/// Which lengths (up to 63) and first two letters the candidates have, so that most words can be
/// passed over without a look-up: per first letter `a`–`z` and second letter `a`–`z` (or 26 for
/// anything else, or none), a bit per length; first letters outside `a`–`z` share slot 26.
type CandidateShapes = [[u64; 27]; 27];

/// The slot of a lower-case byte in [`CandidateShapes`].
fn letter_slot(b: Option<&u8>) -> usize {
    match b {
        Some(&b) if b.is_ascii_lowercase() => usize::from(b - b'a'),
        _ => 26,
    }
}

fn candidate_lengths(candidates: &WordSet) -> CandidateShapes {
    let mut shapes = [[0u64; 27]; 27];
    for c in candidates {
        let bytes = c.as_bytes();
        shapes[letter_slot(bytes.first())][letter_slot(bytes.get(1))] |= 1 << c.len().min(63);
    }
    shapes
}

/// [`drop_lower_case_words`] over the words of `text` at `spans`; `shapes` from
/// [`candidate_lengths`].
fn drop_lower_case_among(
    text: &str,
    candidates: &mut WordSet,
    shapes: &CandidateShapes,
    spans: impl IntoIterator<Item = Span>,
) {
    let mut lower = String::new();
    for span in spans {
        let word = &text[span.start..span.end];
        if !starts_lower(word) {
            continue;
        }
        if word.is_ascii() {
            // An ASCII word starting lower case starts with `a`–`z` and keeps its length lowered.
            let bytes = word.as_bytes();
            let second = bytes.get(1).map(u8::to_ascii_lowercase);
            if shapes[letter_slot(bytes.first())][letter_slot(second.as_ref())]
                & (1 << word.len().min(63))
                == 0
            {
                continue;
            }
        }
        lower_into(word, &mut lower);
        if !candidates.contains(lower.as_str()) {
            continue;
        }
        if !in_address(text, span) {
            candidates.remove(lower.as_str());
            if candidates.is_empty() {
                return;
            }
        }
    }
}

/// Is the word at `span` part of an address or URL ("foundation.wikimedia.org")?
fn in_address(text: &str, span: Span) -> bool {
    let url = ['.', '/', '@', '%', '_', ':', '=', '-'];
    text[span.end..].starts_with(url) || text[..span.start].ends_with(url)
}

/// The brand in the title: the first distinctive capitalised word of the first heading, or of the
/// first line of a plain-text document.
fn title_brand(doc: &Document) -> Option<String> {
    let title = match doc.blocks.first() {
        Some(b) if b.kind == BlockKind::Heading => Some(doc.plain(b.text_span)),
        _ if doc.format != clauselint_parser::Format::Markdown => {
            doc.text.lines().find(|l| !l.trim().is_empty())
        }
        _ => None,
    }?;
    const GENERIC: &[&str] = &[
        "terms",
        "term",
        "of",
        "service",
        "services",
        "use",
        "privacy",
        "policy",
        "notice",
        "statement",
        "agreement",
        "user",
        "conditions",
        "and",
        "the",
        "customer",
        "end",
        "license",
        "licence",
        "data",
        "processing",
        "addendum",
        "general",
        "global",
        "platform",
        "website",
        "site",
        "cookie",
        "cookies",
        "legal",
        "master",
        "subscription",
        "online",
        "community",
        "guidelines",
        "acceptable",
        "a",
        "for",
        "our",
        "your",
        "developer",
        "api",
        "business",
        "commercial",
        "consumer",
        "standard",
        "app",
        "apps",
        "application",
        "software",
        "product",
        "products",
        "supplemental",
        "additional",
        "dpa",
        "eula",
    ];
    for w in words(title, Span::new(0, title.len())) {
        let lower = w.text.to_lowercase();
        if !GENERIC.contains(&lower.as_str())
            && !OPENERS.contains(&lower.as_str())
            && w.text.chars().next().is_some_and(char::is_uppercase)
        {
            return Some(lower);
        }
    }
    None
}

/// Words that end a capitalised phrase naming a document outside this one.
pub(crate) const EXTERNAL_DOCUMENT_HEADS: &[&str] = &[
    "policy",
    "policies",
    "statement",
    "notice",
    "notices",
    "guidelines",
    "guideline",
    "guide",
    "guides",
    "terms",
    "conditions",
    "agreement",
    "agreements",
    "addendum",
    "addenda",
    "description",
    "descriptions",
    "rules",
    "standards",
    "principles",
    "charter",
    "code",
    "handbook",
    "faq",
    "faqs",
    "center",
    "centre",
    "page",
    "pages",
    "portal",
    "schedule",
    "exhibit",
    "annex",
    "appendix",
    "clauses",
    "framework",
    "shield",
    "questions",
    "tips",
    "instructions",
    "requirements",
    "specifications",
    "manual",
    "license",
    "licence",
    "licenses",
    "program",
    "programme",
    "plan",
    "plans",
    "form",
    "forms",
];

/// Words after a capitalised run that show it is the subject or object of the sentence rather than
/// a modifier of a lower-case noun.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "shall",
    "may",
    "might",
    "must",
    "can",
    "could",
    "would",
    "should",
    "do",
    "does",
    "did",
    "not",
    "only",
    "solely",
    "also",
    "and",
    "or",
    "nor",
    "but",
    "of",
    "to",
    "in",
    "for",
    "with",
    "by",
    "on",
    "at",
    "from",
    "under",
    "through",
    "about",
    "into",
    "upon",
    "within",
    "without",
    "via",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "so",
    "than",
    "including",
    "other",
    "after",
    "before",
    "during",
    "until",
    "unless",
    "where",
    "when",
    "whether",
    "against",
    "between",
    "among",
    "per",
    "you",
    "we",
    "it",
    "they",
    "he",
    "she",
    "include",
    "includes",
    "contain",
    "contains",
    "provide",
    "provides",
    "mean",
    "means",
    "remain",
    "remains",
    "become",
    "becomes",
    "constitute",
    "constitutes",
    "apply",
    "applies",
    "exceed",
    "exceeds",
    "together",
    "here",
    "there",
    "hereunder",
    "thereunder",
    "herein",
    "therein",
    "such",
    "any",
    "all",
    "each",
    "either",
    "the",
    "a",
    "an",
    "your",
    "our",
    "its",
    "their",
    "this",
    "these",
    "those",
    "please",
    "then",
    "collectively",
    "individually",
    "respectively",
    "now",
    "hereafter",
    "thereafter",
    "below",
    "above",
    "accordingly",
    "directly",
    "immediately",
    "automatically",
    "promptly",
    "available",
    "no",
    "none",
    "made",
    "set",
    "used",
    "given",
    "owned",
    "sold",
    "paid",
    "due",
    "same",
    "like",
    "out",
    "up",
    "over",
    "off",
    "while",
    "because",
    "since",
    "although",
    "though",
    "even",
    "i",
    "me",
    "us",
    "him",
    "them",
    "do",
    "use",
    "uses",
    "used",
    "allow",
    "allows",
    "permit",
    "permits",
    "require",
    "requires",
    "grant",
    "grants",
    "own",
    "owns",
    "retain",
    "retains",
];

/// Capitalisation conventions differ by language; only English sentences are read.
pub(crate) fn reads_as_english(text: &str) -> bool {
    english_words(&words(text, Span::new(0, text.len())))
}

fn english_words(ws: &[Word]) -> bool {
    let common = ws
        .iter()
        .filter(|w| is_common_word(w.text.as_bytes()))
        .count();
    ws.len() < 6 || common * 12 >= ws.len()
}

/// Up to four bytes of a word, ASCII letters lower-cased, as one number (little end first).
const fn pack_lower(w: &[u8]) -> u32 {
    let mut packed = 0u32;
    let mut i = 0;
    while i < w.len() && i < 4 {
        packed |= (w[i].to_ascii_lowercase() as u32) << (8 * i);
        i += 1;
    }
    packed
}

/// Is `w` one of the commonest English words, in any capitalisation? Runs for every word of a
/// document, so the short words are compared as numbers.
#[inline]
fn is_common_word(w: &[u8]) -> bool {
    const THE: u32 = pack_lower(b"the");
    const AND: u32 = pack_lower(b"and");
    const OF: u32 = pack_lower(b"of");
    const TO: u32 = pack_lower(b"to");
    const OR: u32 = pack_lower(b"or");
    const YOU: u32 = pack_lower(b"you");
    const WE: u32 = pack_lower(b"we");
    const IS: u32 = pack_lower(b"is");
    const ARE: u32 = pack_lower(b"are");
    const ANY: u32 = pack_lower(b"any");
    const IN: u32 = pack_lower(b"in");
    const FOR: u32 = pack_lower(b"for");
    const YOUR: u32 = pack_lower(b"your");
    const OUR: u32 = pack_lower(b"our");
    const WILL: u32 = pack_lower(b"will");
    const MAY: u32 = pack_lower(b"may");
    const WITH: u32 = pack_lower(b"with");
    const THIS: u32 = pack_lower(b"this");
    const THAT: u32 = pack_lower(b"that");
    const BY: u32 = pack_lower(b"by");
    // Only ASCII letters fold; another byte (a digit, a joiner, part of a multi-byte character)
    // stays as it is and matches no entry, all of whose bytes are lower-case letters.
    w.len() <= 4
        && w.len() >= 2
        && matches!(
            pack_lower(w),
            THE | AND
                | OF
                | TO
                | OR
                | YOU
                | WE
                | IS
                | ARE
                | ANY
                | IN
                | FOR
                | YOUR
                | OUR
                | WILL
                | MAY
                | WITH
                | THIS
                | THAT
                | BY
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`english_words`] as first written: a lookup of each short word in a list.
    fn english_by_list(ws: &[Word]) -> bool {
        const COMMON: &[&str] = &[
            "the", "and", "of", "to", "or", "you", "we", "is", "are", "any", "in", "for", "your",
            "our", "will", "may", "with", "this", "that", "by",
        ];
        let common = ws
            .iter()
            .filter(|w| w.text.len() <= 4 && COMMON.iter().any(|c| c.eq_ignore_ascii_case(w.text)))
            .count();
        ws.len() < 6 || common * 12 >= ws.len()
    }

    #[test]
    fn byte_level_word_tests_agree_with_the_character_tests() {
        let title = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        };
        let acronym = |w: &str| {
            let w = w.strip_suffix('s').filter(|r| r.len() >= 2).unwrap_or(w);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        let shouting = |t: &str| {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let upper = t.chars().filter(|c| c.is_uppercase()).count();
            letters >= 12 && upper * 10 >= letters * 6
        };
        for w in [
            "",
            "A",
            "Ab",
            "AB",
            "ABs",
            "URLs",
            "Ümlaut",
            "ÜBER",
            "Über-Alles",
            "É",
            "ÉÉs",
            "aB",
            "3D",
            "X’s",
            "Straße",
            "STRASSE",
            "ΣΑΣ",
            "Σας",
            "ǅungla",
            "ǅ",
            "Ⅻ",
            "ⅫⅫ",
            "A1",
            "A-b",
        ] {
            assert_eq!(is_title_word(w), title(w), "{w}");
            assert_eq!(is_acronym(w), acronym(w), "{w}");
        }
        for t in [
            "THE SERVICE IS PROVIDED “AS IS” — WITHOUT WARRANTY.",
            "ÜBER DIE HAFTUNG ÄNDERT SICH NICHTS, SAGT DER ANBIETER.",
            "Über die Haftung ändert sich nichts, sagt der Anbieter.",
            "THE CUSTOMER’S DATA",
            "ΣΑΣ ΠΑΡΈΧΟΥΜΕ ΤΗΝ ΥΠΗΡΕΣΊΑ ΩΣ ΈΧΕΙ",
            "",
            "@[`{ AZ az @@@@@@@@@@@@ [[[[[[[[[[[[ ````````` {{{{{{{{{{",
        ] {
            assert_eq!(is_shouting(t), shouting(t), "{t}");
        }
        // Across the counters' chunks: 300 capitals after 200 lower-case letters, and the reverse.
        let long = format!("{}{}", "a".repeat(200), "Z".repeat(300));
        assert_eq!(is_shouting(&long), shouting(&long));
        let long = format!("{}{}", "Z".repeat(200), "a".repeat(300));
        assert_eq!(is_shouting(&long), shouting(&long));
    }

    proptest::proptest! {
        #[test]
        fn shouting_is_read_like_the_character_level_definition_on_any_text(
            text in "([A-Z]{0,40}[a-z]{0,20}[ @\\[`{.,ÜüΣσß“—]{0,3}){0,30}",
        ) {
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let upper = text.chars().filter(|c| c.is_uppercase()).count();
            proptest::prop_assert_eq!(
                is_shouting(&text),
                letters >= 12 && upper * 10 >= letters * 6
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn folded_whitespace_is_the_words_joined_by_single_spaces_on_any_text(
            text in "([A-Za-z]{0,6}[ \t\n\r\u{a0}\u{2003}]{0,3}){0,8}",
        ) {
            proptest::prop_assert_eq!(
                fold_whitespace(&text),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }

    #[test]
    fn closing_marks_are_found_where_the_character_search_finds_them() {
        for t in [
            "",
            "Customer Data” means",
            "a \"b\" c",
            "line\nbreak ” later",
            "it’s here",
            "—–“‘ no close",
            "€ ‚ ‛ ‟ ” end",
            "x\u{2019}",
        ] {
            assert_eq!(closing_mark(t), t.find(['”', '"', '’', '\n']), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn closing_marks_are_found_where_the_character_search_finds_them_on_any_text(
            text in "[a \n\"”’“‘—–€‚‛‟]{0,30}",
        ) {
            proptest::prop_assert_eq!(closing_mark(&text), text.find(['”', '"', '’', '\n']));
        }
    }

    #[test]
    fn the_shape_filter_never_passes_over_a_candidate() {
        let mut candidates: WordSet = ["ebay", "zoom", "x", "été", "a-b", "q1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let text = "we use eBay and zoom, x, a-b and q1 daily; ébay été";
        let spans = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.span)
            .collect::<Vec<_>>();
        let shapes = candidate_lengths(&candidates);
        drop_lower_case_among(text, &mut candidates, &shapes, spans);
        assert!(candidates.is_empty(), "{candidates:?}");
    }

    /// The bundled corpus documents and a few made to hit the edge cases of the byte search.
    fn brand_test_documents() -> Vec<Document> {
        let paths = crate::testing::corpus_files();
        let mut docs: Vec<Document> = paths
            .iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(p).ok()?;
                Some(clauselint_parser::parse(
                    &text,
                    clauselint_parser::format_for_path(&p.to_string_lossy()),
                ))
            })
            .collect();
        let made = [
            // Company forms inside words, next to each other and as possessives; a brand used
            // bare, once in lower case inside an address only.
            "Zoom Video Communications, Inc. provides Zoom. You give Zoom your files. Zoom may \
             share them. Zoom Rooms and Zoom Phone are Zoom products. Contact zoom.us or \
             help@zoom.us. LIABILITY ABOUT DAMAGES: Acme SAS and Acme SA, Beta Ltd's staff.",
            // The same name also written in lower case: an ordinary word.
            "Dropbox stores files. Dropbox may copy them. Dropbox keeps copies. Ask Dropbox. Use \
             Dropbox. Our dropbox folder is shared.",
            // A hyphenated name and overlapping occurrences.
            "Sub-Processor lists change. Each Sub-Processor signs. Notify Sub-Processor staff. \
             Ask Sub-Processor teams. Call Sub-Processor now. aaa aaaa Aaaa Aaaa Aaaa Aaaa Aaaa.",
        ];
        docs.extend(
            made.iter()
                .map(|t| clauselint_parser::parse(t, clauselint_parser::Format::Text)),
        );
        docs
    }

    #[test]
    fn brands_judged_word_by_word_are_the_brands_counted_over_every_word() {
        let mut judged_alone = 0;
        for doc in brand_test_documents() {
            let all = brand_words(&Context::new(&doc)).clone();
            let cx = Context::new(&doc);
            let mut asked: Vec<String> = Vec::new();
            let mut lower = String::new();
            for s in &doc.sentences {
                for w in words(&doc.text, s.span) {
                    lower_into(w.text, &mut lower);
                    asked.push(lower.clone());
                }
            }
            asked.extend(all.iter().cloned());
            // Words the byte search leaves to the full count: asked last, as they switch to it.
            let (simple, other): (Vec<String>, Vec<String>) =
                asked.into_iter().partition(|w| BrandEvidence::can_judge(w));
            for w in simple.iter().chain(&other) {
                assert_eq!(
                    is_brand(&cx, w),
                    all.contains(w.as_str()),
                    "{w:?} in {:?}",
                    &doc.text[..doc.text.len().min(80)]
                );
            }
            if shared(&cx).brands.get().is_none() || other.is_empty() {
                judged_alone += 1;
            }
        }
        assert!(judged_alone > 10, "the word-by-word path was taken");
    }

    #[test]
    fn one_pass_word_stats_agree_with_the_word_by_word_tests() {
        for text in [
            "The Customer’s Data is THE data of the Customer, and OUR Services are for You.",
            "Thé Ärzte Über Alles — Été Ñandú Øresund Straße Großbritannien Überseegebiete Ålesund",
            "Categories, Sources and the Purposes It Is Used For Personal Information Collected Online",
            "Wir übernehmen keine Haftung für Schäden, die durch die Nutzung entstehen § 5 ¶ 3",
            "yOUR tHe AnD x1 the-end y’all it's the 2024 Thethe andand ofs",
            "",
        ] {
            let ws = words(text, Span::new(0, text.len()));
            let stats = word_stats(&ws);
            assert_eq!(stats.english, english_by_list(&ws), "{text}");
            assert_eq!(stats.english, english_words(&ws), "{text}");
            assert_eq!(stats.title_cased, title_cased_words(&ws), "{text}");
        }
    }
}
