//! Defined terms: `"Customer Content" means …`, `(the "Services")`, `(collectively, "Data")`, and
//! bold or quoted entries in a Definitions section; then every use of each term.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::model::{BlockKind, Definition, DefinitionStyle, Document, Span, TermUse};

const OPEN_QUOTES: &[char] = &['"', '“', '‘'];

/// Does `text` contain one of [`OPEN_QUOTES`]? A vectorised search for `"` and the last bytes of
/// `“` (E2 80 9C) and `‘` (E2 80 98), each confirmed by the two bytes before it: most sentences
/// have no quote, and checking the three characters one by one was a tenth of the parse.
fn has_open_quote(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'"', 0x9C, 0x98, bytes)
        .any(|i| bytes[i] == b'"' || (i >= 2 && bytes[i - 2..i] == [0xE2, 0x80]))
}

/// The longest quoted term, in characters (an apostrophe with the letter after it counts as one).
const MAX_TERM_UNITS: usize = 80;

/// One character of a quoted term: anything but a quote or a line break. `’` followed by a letter
/// is an apostrophe ("Licensor’s Materials"), not the closing quote of a ‘single-quoted’ term.
const TERM_UNIT: &str = r#"(?:[^“”"‘’\n]|’\p{L})"#;

/// [`TERM_UNIT`] for a text in which every `’` is followed by an ASCII byte (or ends it), where
/// the letter after an apostrophe can only be an ASCII one. `\p{L}` was most of the cost of
/// compiling the term patterns (about 1.9M of 2.0M instructions each), which every process's first
/// parse paid.
const TERM_UNIT_ASCII_APOSTROPHE: &str = r#"(?:[^“”"‘’\n]|’[A-Za-z])"#;

/// Whether some `’` in `text` is followed by a non-ASCII character (which `\p{L}` may match).
fn apostrophe_before_non_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, "’").any(|at| bytes.get(at + 3).is_some_and(|&b| b >= 0x80))
}

/// Every term pattern opens with a quote and the spaces after it.
const TERM_OPEN: &str = r#"[“"‘]\s*"#;

/// What follows the term in `"X" means …`.
const MEANS_REST: &str = r#"(?x:
    \s*[,.]?\s*[”"’]
    \s*(?:\)\s*)?[,:]?\s*
    (?:(?:shall|will|should|also|which|hereinafter|herein|as\ used\ herein,?|as\ used\ in\ (?:this|these)\ [A-Za-z]+,?)\s+)*
    (?P<verb>means?|refers?\ to|has\ the\ meaning|have\ the\ meaning|is\ defined|are\ defined|includes?|shall\ include|is\ used\ to\ refer|collectively\ means)(?-u:\b)
)"#;

/// What follows the term in a quoted string that may be a term: `“Services”`, `"Order Form,"`.
const QUOTED_REST: &str = r#"\s*[,.;]?\s*[”"’]"#;

fn means_regex() -> &'static BoundedTermRegex {
    static RE: OnceLock<BoundedTermRegex> = OnceLock::new();
    RE.get_or_init(|| BoundedTermRegex::new(MEANS_REST, MAX_TERM_UNITS))
}

fn quoted_term_regex() -> &'static BoundedTermRegex {
    static RE: OnceLock<BoundedTermRegex> = OnceLock::new();
    RE.get_or_init(|| BoundedTermRegex::new(QUOTED_REST, MAX_TERM_UNITS))
}

/// The pattern `TERM_OPEN (?P<term>TERM_UNIT{1,max_units}?) rest`, searched without compiling the
/// bound: with `{1,80}?` the term's 80 copies of `\p{L}` cost 50–60 ms to compile (once per
/// process: a CLI run on a small file or a language server's first document paid it) and make a
/// lazy DFA that keeps determinising new states while it searches.
///
/// The same pattern with an unbounded `+?` term compiles in a millisecond, and its match at a
/// start equals the bounded pattern's whenever its term is within the bound: both try the spaces
/// after the quote greedily, then the fewest term units that let `rest` match, so a success within
/// the bound is the bounded pattern's first success too. When the term found is longer, it starts
/// after all the spaces (a shorter success would have come first), and any bounded success at
/// that start must leave some of those spaces to the term: a longer term would be a success after
/// all the spaces as well, with more units than the shortest. `rest` opens with `\s*`, so it
/// matches after one of the spaces exactly when it matches after all of them, and the bounded
/// pattern's first success takes the last space that is not a line break as its term, then `rest`.
/// (`tests` compare this with the bounded pattern, also under a bound of three units.)
///
/// The unbounded pattern is compiled anchored and tried at each opening quote in turn (every match
/// starts with one, and the pattern reads nothing before it): the first quote where it matches is
/// where the unanchored search's leftmost match starts, with the same groups. Searched unanchored,
/// the regex had to run a reverse automaton back from each match's end to find its start, which
/// kept determinising new states for `\p{L}`.
struct BoundedTermRegex {
    /// The pattern with an unbounded term, anchored at the start of its haystack, for a haystack
    /// in which every `’` is followed by an ASCII byte (see [`TERM_UNIT_ASCII_APOSTROPHE`]).
    unbounded_at_start: Regex,
    /// The same with [`TERM_UNIT`] as written, compiled the first time a haystack needs it.
    unbounded_at_start_any_letter: OnceLock<Regex>,
    /// `rest` itself, compiled anchored at the start of its haystack the first time a term is too
    /// long (few documents have one; every process's first parse paid for compiling it).
    rest: &'static str,
    rest_at_start: OnceLock<Regex>,
    max_units: usize,
}

/// Where a [`BoundedTermRegex`] matched: the whole match and its `term` group.
struct TermMatch {
    whole: Range<usize>,
    term: Range<usize>,
}

impl BoundedTermRegex {
    fn new(rest: &'static str, max_units: usize) -> Self {
        BoundedTermRegex {
            unbounded_at_start: Regex::new(&format!(
                "^{TERM_OPEN}(?P<term>{TERM_UNIT_ASCII_APOSTROPHE}+?){rest}"
            ))
            .expect("valid term pattern"),
            unbounded_at_start_any_letter: OnceLock::new(),
            rest,
            rest_at_start: OnceLock::new(),
            max_units,
        }
    }

    /// [`Self::rest`] anchored at the start of its haystack.
    fn rest_at_start(&self) -> &Regex {
        self.rest_at_start
            .get_or_init(|| Regex::new(&format!("^(?:{})", self.rest)).expect("valid term pattern"))
    }

    /// The unbounded pattern (anchored) to search `haystack` with.
    fn unbounded_for(&self, haystack: &str) -> &Regex {
        if !apostrophe_before_non_ascii(haystack) {
            return &self.unbounded_at_start;
        }
        self.unbounded_at_start_any_letter.get_or_init(|| {
            Regex::new(&format!("^{TERM_OPEN}(?P<term>{TERM_UNIT}+?){}", self.rest))
                .expect("valid term pattern")
        })
    }

    /// The leftmost match of the unbounded pattern starting at or after `at`: its whole match and
    /// its term, as `captures_at` of the unanchored pattern finds them. `unbounded` is the pattern
    /// [`Self::unbounded_for`] the haystack.
    fn unbounded_match_from(
        &self,
        unbounded: &Regex,
        haystack: &str,
        at: usize,
    ) -> Option<TermMatch> {
        let bytes = haystack.as_bytes();
        memchr::memchr3_iter(b'"', 0x9C, 0x98, &bytes[at..]).find_map(|offset| {
            let last = at + offset;
            // `"` itself, or the last byte of `“` (E2 80 9C) or `‘` (E2 80 98).
            let quote = if bytes[last] == b'"' {
                last
            } else if last >= at + 2 && bytes[last - 2..last] == [0xE2, 0x80] {
                last - 2
            } else {
                return None;
            };
            let caps = unbounded.captures(&haystack[quote..])?;
            let whole = caps.get(0).expect("whole match");
            let term = caps.name("term").expect("term group");
            let moved = |r: Range<usize>| r.start + quote..r.end + quote;
            Some(TermMatch {
                whole: moved(whole.range()),
                term: moved(term.range()),
            })
        })
    }

    /// The successive non-overlapping matches in `haystack`, as the bounded pattern's
    /// `captures_iter` finds them.
    fn captures_iter<'h>(&'h self, haystack: &'h str) -> impl Iterator<Item = TermMatch> + 'h {
        let mut at = 0;
        let unbounded = self.unbounded_for(haystack);
        std::iter::from_fn(move || loop {
            let found = self.unbounded_match_from(unbounded, haystack, at)?;
            let (whole, term) = (found.whole, found.term);
            if term_units(&haystack[term.clone()]) <= self.max_units {
                at = whole.end;
                return Some(TermMatch { whole, term });
            }
            // Too long: the bounded pattern's only chance at this start is a space for a term.
            let start = whole.start;
            let quote_len = haystack[start..].chars().next().map_or(1, char::len_utf8);
            let spaces = start + quote_len..term.start;
            let last_space = haystack[spaces.clone()]
                .char_indices()
                .rev()
                .find(|&(_, c)| c != '\n');
            if let Some((offset, space)) = last_space {
                let term_start = spaces.start + offset;
                let term_end = term_start + space.len_utf8();
                if let Some(rest) = self.rest_at_start().find(&haystack[term_end..]) {
                    at = term_end + rest.end();
                    return Some(TermMatch {
                        whole: start..at,
                        term: term_start..term_end,
                    });
                }
            }
            at = start + quote_len;
        })
    }
}

/// The units of a term matched by [`TERM_UNIT`]s: every `’` in it is an apostrophe that forms one
/// unit with the letter after it.
fn term_units(term: &str) -> usize {
    term.chars().count() - term.matches('’').count()
}

/// Words allowed in a parenthesis before its first quoted term: `(the "Services")`,
/// `(collectively, "Data")`, `(each an "Order Form")`, `(hereinafter referred to as "X")`.
fn parenthetical_lead_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)^\s*(?:(?:the|a|an|each|any|such|this|these|our|your|its|collectively|together|jointly|individually|separately|hereinafter|herein|hereafter|after|referred|to|as|and|or|also|known|called|defined|below|above|further|each\ of\ which\ is|as\ amended|what\ we\ call|we\ call|we\ refer\ to)[\s,:]*)*$",
        )
        .expect("valid lead regex")
    })
}

fn clean_term(raw: &str) -> &str {
    raw.trim().trim_end_matches([',', '.', ';', ':']).trim()
}

/// The plausibility of a quoted string as a defined term: short, starts with a letter.
fn plausible_term(term: &str) -> bool {
    let words = term.split_whitespace().count();
    (1..=8).contains(&words)
        && term.chars().next().is_some_and(char::is_alphabetic)
        && !term.ends_with(['?', '!'])
        && !ends_with_function_word(term)
        && !looks_like_code_or_file(term)
}

/// Words a defined term never ends on: "Suspension or Termination of an" and "Between Creators
/// and" are heading fragments cut off mid-phrase, not terms.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "from", "as",
];

/// Extensions of a file name in quotes: `image_path("Form.pdf")` quotes a file, not a term.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "html", "htm", "php", "asp", "aspx", "doc", "docx", "txt", "png", "jpg", "jpeg", "gif",
    "svg", "js", "css", "json", "xml", "zip",
];

fn ends_with_function_word(term: &str) -> bool {
    let mut words = term.split_whitespace();
    let last = words.next_back();
    words.next().is_some()
        && last.is_some_and(|w| FUNCTION_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// `image_path("Form.pdf")`, `"https://…"`, `"{{ name }}"`: quoted strings of markup or code.
fn looks_like_code_or_file(term: &str) -> bool {
    if term.contains(['/', '\\', '=', '<', '>', '{', '}', '_', '@']) {
        return true;
    }
    term.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && !stem.ends_with(' ')
            && FILE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// The definitions made inside sentence `si` ("X" means …, ( … "X" … ), a bold term in
/// parentheses), appended to `defs`: what one sentence's text and the bold spans that start in it
/// say, nothing else (the kept extraction relies on it).
fn sentence_definitions(doc: &Document, si: usize, defs: &mut Vec<Definition>) {
    let text = &doc.text;
    let s = doc.sentences[si].span;
    let slice = &text[s.start..s.end];
    // "X" means …: a quote and one of the verbs must be there (their case is fixed), so most
    // sentences need no regex search at all.
    let may_define = has_open_quote(slice)
        && ["mean", "refer", "defined", "include"]
            .iter()
            .any(|verb| slice.contains(verb));
    for found in may_define
        .then(|| means_regex().captures_iter(slice))
        .into_iter()
        .flatten()
    {
        let term = &slice[found.term.clone()];
        let cleaned = clean_term(term);
        if !plausible_term(cleaned) {
            continue;
        }
        let lead = term.len() - term.trim_start().len();
        let start = s.start + found.term.start + lead;
        let def_start = s.start + found.whole.end;
        defs.push(Definition {
            term: cleaned.to_string(),
            term_span: Span::new(start, start + cleaned.len()),
            definition_span: Span::new(def_start.min(s.end), s.end),
            style: DefinitionStyle::Means,
            sentence: Some(si),
        });
    }
    // ( … "X" … )
    let mut search_from = 0;
    while let Some(open) = memchr::memchr(b'(', &slice.as_bytes()[search_from..]) {
        let open = search_from + open;
        search_from = open + 1;
        let Some(close) = matching_paren(slice, open) else {
            break;
        };
        let inner = &slice[open + 1..close];
        if inner.len() > 240 || follows_section_number(&slice[..open]) {
            continue;
        }
        let Some(first_quote) = inner.find(OPEN_QUOTES) else {
            if let Some(def) = bold_parenthetical(doc, s.start + open, s.start + close, si) {
                defs.push(def);
            }
            continue;
        };
        if !parenthetical_lead_regex().is_match(&inner[..first_quote]) {
            continue;
        }
        for found in quoted_term_regex().captures_iter(inner) {
            let term = &inner[found.term.clone()];
            let cleaned = clean_term(term);
            if !plausible_term(cleaned) {
                continue;
            }
            let lead = term.len() - term.trim_start().len();
            let start = s.start + open + 1 + found.term.start + lead;
            defs.push(Definition {
                term: cleaned.to_string(),
                term_span: Span::new(start, start + cleaned.len()),
                definition_span: Span::new(s.start, s.start + open),
                style: DefinitionStyle::Parenthetical,
                sentence: Some(si),
            });
        }
    }
}

/// The definitions of one sentence of the last document parsed on this thread.
struct KeptSentence {
    span: Span,
    /// The bold spans that start inside the sentence.
    strong: Vec<Span>,
    definitions: Vec<Definition>,
}

thread_local! {
    /// The analysis text of the last document whose definitions were read on this thread, and its
    /// sentences' definitions in text order.
    static KEPT_DEFINITIONS: std::cell::RefCell<(String, Vec<KeptSentence>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// [`sentence_definitions`] for every sentence of one document, reusing what the last document
/// parsed on this thread had where a sentence is byte for byte the same text at the same place,
/// with the same bold spans starting in it: an editor parses the whole text again after every
/// keystroke, and these searches were a fifth of that parse. A sentence lying wholly in the text
/// before the edited range (the common prefix of the two versions) or wholly after it (the common
/// suffix, moved by the change in length) qualifies. A batch scan, where documents share no text,
/// reads every sentence.
struct KeptDefinitions {
    old: Vec<KeptSentence>,
    read: Vec<KeptSentence>,
    /// The old text's buffer, refilled with this one's when done.
    text_buffer: String,
    unchanged: crate::kept_search::UnchangedText,
}

impl KeptDefinitions {
    fn take() -> Self {
        let (text_buffer, old) = KEPT_DEFINITIONS.with(|k| std::mem::take(&mut *k.borrow_mut()));
        KeptDefinitions {
            old,
            read: Vec::new(),
            text_buffer,
            unchanged: Default::default(),
        }
    }

    /// Appends sentence `si`'s definitions to `defs`.
    fn read(&mut self, doc: &Document, si: usize, defs: &mut Vec<Definition>) {
        if si == 0 {
            self.unchanged =
                crate::kept_search::UnchangedText::between(&self.text_buffer, &doc.text);
        }
        let span = doc.sentences[si].span;
        let strong = strong_starting_in(&doc.strong_spans, span);
        let from = defs.len();
        match self.kept(span, strong) {
            Some(old) => {
                let (old_start, new_start) = (old.span.start, span.start);
                let moved = |at: usize| at - old_start + new_start;
                defs.extend(old.definitions.iter().map(|d| Definition {
                    term: d.term.clone(),
                    term_span: Span::new(moved(d.term_span.start), moved(d.term_span.end)),
                    definition_span: Span::new(
                        moved(d.definition_span.start),
                        moved(d.definition_span.end),
                    ),
                    style: d.style,
                    sentence: Some(si),
                }));
            }
            None => sentence_definitions(doc, si, defs),
        }
        self.read.push(KeptSentence {
            span,
            strong: strong.to_vec(),
            definitions: defs[from..].to_vec(),
        });
    }

    /// The old sentence at the same text as `span`, with the same bold spans (moved), if any.
    fn kept(&self, span: Span, strong: &[Span]) -> Option<&KeptSentence> {
        let (old_start, old_end) = self.unchanged.old_range(span.start, span.end)?;
        let old_span = Span::new(old_start, old_end);
        let i = self
            .old
            .binary_search_by_key(&old_span.start, |k| k.span.start)
            .ok()?;
        let old = &self.old[i];
        let same_strong = old.strong.len() == strong.len()
            && old.strong.iter().zip(strong).all(|(o, n)| {
                o.start - old_span.start == n.start - span.start
                    && o.end.checked_sub(old_span.start) == n.end.checked_sub(span.start)
            });
        (old.span.end == old_span.end && same_strong).then_some(old)
    }

    /// Keeps this document's sentences for the next parse on this thread.
    fn keep(mut self, doc: &Document) {
        self.text_buffer.clear();
        self.text_buffer.push_str(&doc.text);
        // Sentences come in text order; the search above relies on it.
        if self
            .read
            .windows(2)
            .all(|w| w[0].span.start < w[1].span.start)
        {
            KEPT_DEFINITIONS.with(|k| *k.borrow_mut() = (self.text_buffer, self.read));
        }
    }
}

/// The bold spans (sorted by start) that start inside `span`.
fn strong_starting_in(strong: &[Span], span: Span) -> &[Span] {
    let from = strong.partition_point(|b| b.start < span.start);
    let to = strong.partition_point(|b| b.start < span.end);
    &strong[from..to.max(from)]
}

/// The document's definitions, in source order.
pub(crate) fn extract(doc: &Document) -> Vec<Definition> {
    let mut defs: Vec<Definition> = Vec::new();
    let text = &doc.text;
    let in_definitions_section = definitions_section_blocks(doc);
    let mut kept = KeptDefinitions::take();
    for si in 0..doc.sentences.len() {
        kept.read(doc, si, &mut defs);
    }
    kept.keep(doc);
    // Bold or quoted entries opening a paragraph of a Definitions section: "**Affiliate**: …".
    for &bi in &in_definitions_section {
        let block = &doc.blocks[bi];
        let content = block.text_span;
        let strong = crate::strong_opening(&doc.strong_spans, content.start, content.end, 8);
        let candidate = if let Some(strong) = strong {
            let inner = text[strong.start..strong.end].trim();
            let start = strong.start + text[strong.start..strong.end].find(inner).unwrap_or(0);
            Some((start, inner))
        } else {
            let block_text = &text[content.start..content.end];
            quoted_term_regex()
                .captures_iter(block_text)
                .next()
                .filter(|found| found.term.start <= 4)
                .map(|found| {
                    (
                        content.start + found.term.start,
                        &block_text[found.term.clone()],
                    )
                })
        };
        if let Some((start, raw)) = candidate {
            let cleaned = clean_term(raw.trim_matches(OPEN_QUOTES).trim_matches(['”', '"', '’']));
            if !plausible_term(cleaned) || defs.iter().any(|d| d.term_span.start == start) {
                continue;
            }
            let term_start = start + text[start..].find(cleaned).unwrap_or(0);
            let first_sentence = (block.sentence_count > 0).then_some(block.first_sentence);
            defs.push(Definition {
                term: cleaned.to_string(),
                term_span: Span::new(term_start, term_start + cleaned.len()),
                definition_span: Span::new(
                    (term_start + cleaned.len()).min(content.end),
                    content.end,
                ),
                style: DefinitionStyle::DefinitionsSection,
                sentence: first_sentence,
            });
        }
    }
    defs.sort_by_key(|d| d.term_span.start);
    defs.dedup_by_key(|d| d.term_span.start);
    defs
}

/// "sections 9 (**Our Intellectual Property Rights**), 11 (“Advertising”)": a parenthesis right after
/// a section number holds that section's title, not a new defined term.
fn follows_section_number(before: &str) -> bool {
    let before = before.trim_end();
    let last_word = before
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let numbered = last_word.ends_with(|c: char| c.is_ascii_digit())
        && last_word.starts_with(|c: char| c.is_ascii_digit() || c == '§');
    // An address ends in a number too ("CA 94501 (“Company”)"): a section word must be near.
    let window =
        &before[crate::line_index::floor_char_boundary(before, before.len().saturating_sub(160))..];
    numbered && {
        let lower = window.to_lowercase();
        ["section", "clause", "paragraph", "article", "§"]
            .iter()
            .any(|w| lower.contains(w))
    }
}

/// The `)` closing the `(` at `open`, counting nested pairs — `(“Acme” (as defined below), and its
/// affiliates)`, `(“Client(s)”)`; without a balanced one, the first `)` as before.
fn matching_paren(slice: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in slice.bytes().enumerate().skip(open) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        if i - open > 400 {
            break;
        }
    }
    slice[open..].find(')').map(|c| open + c)
}

/// `(hereinafter referred to as **Customer**)`, `(the **Services**)`: a term set in bold rather
/// than quotes, alone in a parenthesis after the usual lead words.
fn bold_parenthetical(doc: &Document, open: usize, close: usize, si: usize) -> Option<Definition> {
    let first = doc.strong_spans.partition_point(|b| b.start <= open);
    let strong = doc.strong_spans.get(first)?;
    if strong.end > close {
        return None;
    }
    let text = doc.text.as_str();
    let lead = &text[open + 1..strong.start];
    let trailing = text[strong.end..close].trim();
    if !trailing.is_empty() || !parenthetical_lead_regex().is_match(lead) {
        return None;
    }
    let raw = text[strong.start..strong.end].trim();
    let cleaned = clean_term(raw);
    if !plausible_term(cleaned) || !cleaned.starts_with(char::is_uppercase) {
        return None;
    }
    let start = strong.start + text[strong.start..strong.end].find(cleaned)?;
    let sentence_start = doc.sentences[si].span.start;
    Some(Definition {
        term: cleaned.to_string(),
        term_span: Span::new(start, start + cleaned.len()),
        definition_span: Span::new(sentence_start, open),
        style: DefinitionStyle::Parenthetical,
        sentence: Some(si),
    })
}

/// Blocks under a heading or clause titled "Definitions" (or "Defined Terms").
fn definitions_section_blocks(doc: &Document) -> Vec<usize> {
    let is_definitions = |title: &str| {
        let t = title.to_lowercase();
        t.contains("definition") || t.contains("defined terms")
    };
    let mut out = Vec::new();
    for clause in &doc.clauses {
        if !clause.title.as_deref().is_some_and(is_definitions) {
            continue;
        }
        for (bi, block) in doc.blocks.iter().enumerate() {
            if bi != clause.head_block
                && clause.span.contains(block.span)
                && block.kind != BlockKind::Heading
            {
                out.push(bi);
            }
        }
    }
    out
}

/// Does `span` overlap one of `sorted` (spans ordered by start, none longer than `longest`)?
/// A binary search, so that a document with thousands of definitions stays linear.
fn overlaps_any(sorted: &[Span], longest: usize, span: Span) -> bool {
    let after = sorted.partition_point(|d| d.start < span.end);
    sorted[..after]
        .iter()
        .rev()
        .take_while(|d| d.start + longest >= span.start)
        .any(|d| d.overlaps(span))
}

/// The plurals a use of a singular term may take: "Party" → "Parties", "Business" →
/// "Businesses", "Fee" → "Fees" — and the plain "s" as well, which drafters also write
/// ("SuperCrushs"). A term already ending in "s" is taken to be plural ("Services", "Terms").
fn plurals_of(term: &str) -> Vec<String> {
    let ends_with = |suffix: &str| {
        term.len() >= suffix.len()
            && term.is_char_boundary(term.len() - suffix.len())
            && term[term.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let mut plurals = Vec::new();
    if ["ss", "x", "ch", "sh", "z"].iter().any(|s| ends_with(s)) {
        plurals.push(format!("{term}es"));
    }
    let mut chars = term.chars().rev();
    if let (Some('y'), Some(before)) = (chars.next(), chars.next()) {
        if before.is_ascii_lowercase() && !matches!(before, 'a' | 'e' | 'i' | 'o' | 'u') {
            plurals.push(format!("{}ies", &term[..term.len() - 1]));
        }
    }
    if !term.ends_with(['s', 'S']) {
        plurals.push(format!("{term}s"));
    }
    plurals
}

/// Every use of a capitalised defined term outside the definitions themselves.
pub(crate) fn find_uses(doc: &Document) -> Vec<TermUse> {
    // Lower-case terms ("we", "you") are pronoun labels: every "we" is not worth recording.
    let mut patterns: Vec<String> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, d) in doc.definitions.iter().enumerate() {
        if !d.is_capitalised() || seen.contains_key(d.term.as_str()) {
            continue;
        }
        seen.insert(&d.term, i);
        patterns.push(d.term.clone());
        owner.push(i);
        for plural in plurals_of(&d.term) {
            patterns.push(plural);
            owner.push(i);
        }
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    // The next version of the last document parsed on this thread is re-searched only around
    // its edit (see `kept_search`).
    let Some(matches) = crate::kept_search::term_matches(&patterns, &doc.text) else {
        return Vec::new();
    };
    let definition_terms: Vec<Span> = doc.definitions.iter().map(|d| d.term_span).collect();
    let longest = definition_terms.iter().map(|d| d.len()).max().unwrap_or(0);
    let text = doc.text.as_str();
    let mut uses = Vec::new();
    for m in matches {
        let (start, end) = (m.start, m.end);
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        let span = Span::new(start, end);
        if before_ok && after_ok && !overlaps_any(&definition_terms, longest, span) {
            uses.push(TermUse {
                definition: owner[m.pattern],
                span,
            });
        }
    }
    uses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_definitions_give_what_a_fresh_parse_gives() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "(",
            ")",
            "**",
            "means",
            " the ",
            "Data",
            ". ",
            "\n\n",
            "1.",
            "x",
            "§",
            "—",
            "(the “Term”)",
            "**Bold Term**",
            "“A” refers to b. ",
        ];
        let base = "# Terms\n\n1. Definitions\n\n“Customer Data” means data you upload.                     “Service” refers to the platform.\n\nAcme Inc. (the “Vendor”) and you (**Customer**) agree.                     The Vendor may use Customer Data (as defined in Section 1).\n\n**Affiliate**: an entity                     (including its “Subsidiaries”) controlled by a party.\n\nSee section 4 (“Fees”) for fees.\n\n\
                    The platform (the “Site”)\n\nOur tools (the “Tools”)\n";
        // Bold marks typed in an earlier sentence pair differently with those of a later one: its
        // bold spans decide whether it defines a term (its analysis text changes too, as markup is
        // blanked only where it pairs, and the kept sentence is compared on both).
        for versions in [
            [
                "Hi there. You (**Customer**) agree.",
                "Hi **there. You (**Customer**) agree.",
            ],
            [
                "Hi **there. You (**Customer**) agree.",
                "Hi there. You (**Customer**) agree.",
            ],
        ] {
            for version in versions {
                crate::kept_parse_tests::assert_kept_parse_is_fresh(version);
            }
        }
        crate::kept_parse_tests::assert_edits_parse_as_fresh(&crate::kept_parse_tests::Edits {
            base,
            pieces: PIECES,
            same_length: b"x(\")* .",
            // Half the edits land at or just after a quote, a parenthesis or a bold mark.
            aims: |text| {
                text.char_indices()
                    .filter(|(_, c)| matches!(c, '“' | '”' | '(' | ')' | '*' | '"'))
                    .map(|(i, _)| i)
                    .collect()
            },
            spread: 3,
            rounds: 1500,
            reset_every: 60,
            seed: 0x9e37_79b9_7f4a_7c15,
        });
    }

    /// What the bounded pattern's own `captures_iter` finds: (whole match, term).
    fn plain(regex: &Regex, haystack: &str) -> Vec<(Range<usize>, Range<usize>)> {
        regex
            .captures_iter(haystack)
            .map(|c| (c.get(0).unwrap().range(), c.name("term").unwrap().range()))
            .collect()
    }

    fn bounded(regex: &BoundedTermRegex, haystack: &str) -> Vec<(Range<usize>, Range<usize>)> {
        regex
            .captures_iter(haystack)
            .map(|m| (m.whole, m.term))
            .collect()
    }

    const SAMPLES: &[&str] = &[
        "“Services” means the services (the “Platform”) and (collectively, “Data”).",
        "\"Licensor’s Materials\" shall mean it; ‘Fees’ includes taxes; “X’ y” means z.",
        // Quoted passages longer than the bound, followed by a verb or a closing quote.
        "“We may, at our sole discretion and without notice, change, suspend or discontinue any \
         part of the Services at any time for any reason whatsoever” means that we can. “Short” means s.",
        "(the “Agreement between the parties as amended from time to time and including every order \
         form, statement of work and schedule”) and (the “Order”)",
        // A long term after a run of spaces: the bounded pattern can only take one space as term.
        "“  ’shall include all of the following documents, whether written or oral, whether signed or \
         unsigned, and whether” means x",
        "“ \n ’s mean", "“\t’shall mean the”", "“” means", "“ ” means“A” means",
        "“ \u{a0}\n’shall include the documents listed in every schedule attached to this agreement \
         from time to time” means",
    ];

    #[test]
    fn open_quotes_are_found_by_their_bytes() {
        for text in [
            "",
            "no quote ’ ” here",
            "a \"b",
            "“b",
            "a ‘b’",
            "ü œ ✘ 漢 ”",
            "x”“",
        ] {
            assert_eq!(
                has_open_quote(text),
                OPEN_QUOTES.iter().any(|&q| text.contains(q)),
                "{text:?}"
            );
        }
    }

    /// The pattern a [`BoundedTermRegex`] stands for, compiled with its bound.
    fn bounded_pattern(rest: &str, max_units: usize) -> Regex {
        Regex::new(&format!(
            "{TERM_OPEN}(?P<term>{TERM_UNIT}{{1,{max_units}}}?){rest}"
        ))
        .expect("valid pattern")
    }

    #[test]
    fn the_unbounded_search_finds_what_the_bounded_pattern_finds() {
        for (rest, regex) in [
            (MEANS_REST, means_regex()),
            (QUOTED_REST, quoted_term_regex()),
        ] {
            let bounded_regex = bounded_pattern(rest, MAX_TERM_UNITS);
            for text in SAMPLES {
                assert_eq!(
                    bounded(regex, text),
                    plain(&bounded_regex, text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn apostrophes_before_other_letters_are_found() {
        assert!(!apostrophe_before_non_ascii(
            "Licensor’s “Materials” and the users’"
        ));
        assert!(!apostrophe_before_non_ascii("no apostrophe: “é” ‘x’ s"));
        assert!(apostrophe_before_non_ascii("l’économie"));
        assert!(apostrophe_before_non_ascii("‘Term’” means"));
        assert!(apostrophe_before_non_ascii("x’s y’’"));
    }

    /// With a bound of three units, random text over the characters that matter exercises the
    /// long-term path at every turn.
    #[test]
    fn a_small_bound_behaves_as_the_bounded_pattern_on_random_text() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "’s",
            "’é",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "\r",
            ",",
            ".",
            ";",
            ":",
            ")",
            "A",
            "é",
            "means",
            " shall ",
            "include",
            "also ",
            "refers to",
            "x",
        ];
        let mut next = crate::kept_parse_tests::xorshift(0x9e37_79b9_7f4a_7c15_u64);
        for rest in [MEANS_REST, QUOTED_REST] {
            let small = BoundedTermRegex::new(rest, 3);
            let bounded_regex = bounded_pattern(rest, 3);
            for _ in 0..20_000 {
                let len = 1 + next() % 24;
                let text: String = (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect();
                assert_eq!(
                    bounded(&small, &text),
                    plain(&bounded_regex, &text),
                    "{text:?}"
                );
            }
        }
    }
}
