//! `drafting/*`: drafting defects that create ambiguity — capitalised terms nobody defined,
//! definitions nobody uses or that are given twice, cross-references to clauses that are not there,
//! and defined terms written in more than one way.
//!
//! The rules share one reader of capitalised phrases ([`runs`]) and a few word lists; they read the
//! parser's definitions, term uses and cross-references rather than re-deriving them.

mod broken_cross_reference;
mod duplicate_definition;
mod inconsistent_term;
mod undefined_term;
mod unused_definition;

use std::collections::HashSet;

use clauselint_parser::{BlockKind, Definition, DefinitionStyle, Document, Span};

use crate::context::Context;
use crate::rule::Rule;

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

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑')
}

/// The words of `text[span]`: letters and digits, joined by inner hyphens and apostrophes.
pub(crate) fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    // English prose averages about six bytes a word.
    let mut out = Vec::with_capacity(span.len() / 6 + 1);
    let slice = &text[span.start..span.end];
    let mut iter = slice.char_indices().peekable();
    let mut prev_end = 0;
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if is_joiner(d) {
                // A joiner counts only between two word characters.
                let after = slice[j + d.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    iter.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let raw = &slice[start..end];
        let (word, possessive) = match raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .filter(|w| !w.is_empty())
        {
            Some(w) => (w, true),
            None => (raw, false),
        };
        out.push(Word {
            text: word,
            span: Span::new(span.start + start, span.start + start + word.len()),
            possessive,
            gap: &slice[prev_end..start],
        });
        prev_end = end;
    }
    out
}

/// `Customer`, `Third-Party`: an upper-case letter followed by at least one lower-case letter.
pub(crate) fn is_title_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// `API`, `EU`, `GDPR`.
pub(crate) fn is_acronym(w: &str) -> bool {
    // "URLs", "NFTs": an acronym's plural.
    let w = w.strip_suffix('s').filter(|r| r.len() >= 2).unwrap_or(w);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

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
    word.len() <= 15 && OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word))
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
    /// The lower-cased word before the run in the same line, if any.
    pub before: Option<String>,
    /// The word after the run in the same line and the gap before it.
    pub after: Option<(String, String)>,
    /// Opens a sentence, line, list item or follows a colon: its capitals prove nothing.
    pub opens: bool,
    /// Directly inside quotation marks.
    pub quoted: bool,
    /// The next word is capitalised but on the next line: the phrase may run on ("any Personal
    /// ⏎ Information").
    pub continues: bool,
}

fn plain_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

/// A single line break inside a hard-wrapped paragraph: the line before it is long and does not
/// end a sentence, so the break is layout, not structure.
fn soft_break(text: &str, gap_start: usize, gap: &str) -> bool {
    if gap.matches('\n').count() != 1 || !gap.chars().all(char::is_whitespace) {
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

fn quoted_before(gap: &str) -> bool {
    gap.trim_end().ends_with(['“', '"', '‘', '«', '\''])
}

/// The capitalised runs among `ws`, the words of a range of `text`.
fn runs_of(text: &str, ws: &[Word]) -> Vec<Run> {
    let mut out = Vec::new();
    let cap = |w: &Word| is_title_word(w.text) || is_acronym(w.text);
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
        let mut before = (i > 0 && same_line(text, ws, i)).then(|| ws[i - 1].text.to_lowercase());
        // "The Customer Materials …" at a sentence start: the article is grammar, the rest a term.
        while opens && first < j && is_opener(ws[first].text) {
            before = Some(ws[first].text.to_lowercase());
            first += 1;
            opens = false;
        }
        let quoted = quoted_before(ws[first].gap);
        let span = Span::new(ws[first].span.start, ws[j].span.end);
        let text_folded = text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let after = (j + 1 < ws.len() && same_line(text, ws, j + 1))
            .then(|| (ws[j + 1].text.to_string(), ws[j + 1].gap.to_string()));
        let continues = j + 1 < ws.len()
            && !same_line(text, ws, j + 1)
            && !ws[j].possessive
            && (is_title_word(ws[j + 1].text) || is_acronym(ws[j + 1].text));
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
    out
}

/// Lower-case singular form of a term without a leading article, for comparing `Services`,
/// `Service`, `services` and `the Parties` / `Party`.
pub(crate) fn term_key(term: &str) -> String {
    let lower = term
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'");
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    // "Order(s)", "Control(led)": the bracketed ending is an inflection.
    let mut bare = String::with_capacity(lower.len());
    let mut depth = 0usize;
    for c in lower.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    singular(bare.trim())
}

fn singular(s: &str) -> String {
    if let Some(stem) = s.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["xes", "sses", "ches", "shes", "zzes"] {
        if s.ends_with(ending) {
            return s[..s.len() - 2].to_string();
        }
    }
    if s.ends_with("ss") || s.ends_with("us") || s.ends_with("is") {
        return s.to_string();
    }
    s.strip_suffix('s').unwrap_or(s).to_string()
}

/// Is the parser's definition a real one? Not a heading it took for a Definitions entry (no text
/// after the term), nor a quoted title after a cross-reference (`Section 1 ("Information We
/// Collect") of our Privacy Policy`).
pub(crate) fn is_real_definition(doc: &Document, d: &Definition) -> bool {
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
    if is_alias(doc, d.term_span) {
        return false;
    }
    // Capitalisation conventions differ by language; only English definitions are read.
    if d.sentence
        .is_some_and(|s| !reads_as_english(doc.sentence_text(s)))
    {
        return false;
    }
    // A bold run-in clause title the parser read as a Definitions entry.
    if doc
        .clauses
        .iter()
        .any(|c| c.title_span.is_some_and(|t| t.overlaps(d.term_span)))
    {
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
            // "Section 19.B.3 (…)": the parser may stop the reference before ".B.3".
            !doc.cross_refs.iter().any(|r| {
                r.span.end <= open && {
                    let between = doc.text[r.span.end..open].trim();
                    between.len() <= 10 && !between.contains(char::is_whitespace)
                }
            })
        }
        _ => doc
            .plain(d.definition_span)
            .chars()
            .any(char::is_alphanumeric),
    }
}

/// Does the source show `term` in quotes or bold anywhere, i.e. does the author treat it as defined
/// (a definition the parser did not recognise, such as `is referred to as **Customer Content**`)?
pub(crate) fn marked_as_term(doc: &Document, term: &str) -> bool {
    let key = term_key(term);
    let quoted = ["“", "\"", "‘"].iter().any(|open| {
        let mut from = 0;
        while let Some(pos) = doc.text[from..].find(open) {
            let start = from + pos + open.len();
            from = start;
            let rest = &doc.text[start..];
            let end = rest
                .find(['”', '"', '’', '\n'])
                .unwrap_or(rest.len())
                .min(120);
            let end = (0..=end)
                .rev()
                .find(|&e| rest.is_char_boundary(e))
                .unwrap_or(0);
            if term_key(rest[..end].trim().trim_end_matches([',', '.', ';'])) == key {
                return true;
            }
        }
        false
    });
    quoted
        || doc.strong_spans.iter().any(|s| {
            let inner = doc.plain(*s).trim().trim_matches(['“', '”', '"']).trim();
            term_key(inner.trim_end_matches([',', '.', ';', ':'])) == key
        })
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
    let (mut letters, mut upper) = (0, 0);
    for c in text.chars() {
        letters += usize::from(c.is_alphabetic());
        upper += usize::from(c.is_uppercase());
    }
    letters >= 12 && upper * 10 >= letters * 6
}

/// Is the line containing `offset` a title (a short line of capitalised words without a sentence
/// end) — a plain-text heading the parser merged into the paragraph below it?
pub(crate) fn on_title_line(text: &str, offset: usize) -> bool {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
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
        .filter(|w| !MINOR_TITLE_WORDS.contains(&w.text.to_lowercase().as_str()))
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
pub(crate) fn is_alias(doc: &Document, term: Span) -> bool {
    let line_start = doc.text[..term.start].rfind('\n').map_or(0, |i| i + 1);
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
pub(crate) fn title_keys(doc: &Document) -> HashSet<String> {
    let mut keys = HashSet::new();
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

/// Is the offset inside a clause title (`**10.1 Customer Content**.`)?
pub(crate) fn in_clause_title(doc: &Document, span: Span) -> bool {
    doc.clauses
        .iter()
        .any(|c| c.title_span.is_some_and(|t| t.overlaps(span)))
}

/// Lower-case names of the parties and brands: terms defined alongside we/you, names followed by
/// `Inc.`/`LLC`/`Ltd`, and the brand in the document's title.
/// Per-document facts several drafting rules need; see [`shared`].
pub(crate) struct SharedFacts {
    brands: HashSet<String>,
    /// The capitalised runs of each prose sentence not written in capitals; `None` for the rest.
    runs: Vec<Option<Vec<Run>>>,
    /// Whether each sentence reads as English (see [`reads_as_english`]).
    english: Vec<bool>,
}

fn shared<'c>(cx: &'c Context) -> &'c SharedFacts {
    cx.drafting.get_or_init(|| {
        let doc = cx.doc;
        let words_of: Vec<Vec<Word>> = doc
            .sentences
            .iter()
            .map(|s| words(&doc.text, s.span))
            .collect();
        let runs = words_of
            .iter()
            .enumerate()
            .map(|(si, ws)| {
                let span = doc.sentences[si].span;
                (is_prose_block(doc, si) && !is_shouting(doc.plain(span)))
                    .then(|| runs_of(&doc.text, ws))
            })
            .collect();
        SharedFacts {
            brands: find_brand_words(cx, &words_of),
            runs,
            english: words_of.iter().map(|ws| english_words(ws)).collect(),
        }
    })
}

/// The capitalised runs of sentence `si`, if it is prose not written in capitals.
pub(crate) fn prose_runs<'c>(cx: &'c Context, si: usize) -> Option<&'c [Run]> {
    shared(cx).runs[si].as_deref()
}

/// [`reads_as_english`] for sentence `si`, computed once per document.
pub(crate) fn sentence_reads_as_english(cx: &Context, si: usize) -> bool {
    shared(cx).english[si]
}

/// The document's brand and company names, lower case, first word.
pub(crate) fn brand_words<'c>(cx: &'c Context) -> &'c HashSet<String> {
    &shared(cx).brands
}

fn find_brand_words(cx: &Context, words_of: &[Vec<Word>]) -> HashSet<String> {
    let doc = cx.doc;
    let mut out: HashSet<String> = HashSet::new();
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
    // Company forms, case-sensitive: "Zoom Communications, Inc.", "Gumb AG".
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
    for ws in words_of {
        for (i, w) in ws.iter().enumerate() {
            if i == 0 || !COMPANY.contains(&w.text) || ws[i].gap.contains('\n') {
                continue;
            }
            // Walk back over the capitalised name: "Zoom Communications, Inc."
            let mut k = i;
            while k > 0
                && (is_title_word(ws[k - 1].text) || is_acronym(ws[k - 1].text))
                && !OPENERS.contains(&ws[k - 1].text.to_lowercase().as_str())
                && !ws[k].gap.contains(['\n', '.', ';', ':', '('])
            {
                k -= 1;
            }
            if k < i {
                out.insert(ws[k].text.to_lowercase());
            }
        }
    }
    // Names used bare, again and again, never in lower case and almost never after "the": "Skype
    // may …", "you give Dropbox …". Party roles ("Customer") are left out: they head defined-term
    // candidates such as "Customer Materials".
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
    // (capitalised uses, after a determiner, modifying a lower-case noun, standing alone)
    let mut stats: std::collections::HashMap<String, (usize, usize, usize, usize)> =
        Default::default();
    // Borrowed where the word is already lower case, which is most words.
    let mut lower_seen: HashSet<std::borrow::Cow<str>> = HashSet::new();
    for ws in words_of {
        for (i, w) in ws.iter().enumerate() {
            if w.text.chars().next().is_some_and(char::is_lowercase) {
                let lower = if w.text.chars().any(char::is_uppercase) {
                    std::borrow::Cow::Owned(w.text.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(w.text)
                };
                // Addresses and URLs ("foundation.wikimedia.org") are not prose.
                let url = ['.', '/', '@', '%', '_', ':', '=', '-'];
                let domain = doc.text[w.span.end..].starts_with(url)
                    || doc.text[..w.span.start].ends_with(url);
                if !domain {
                    lower_seen.insert(lower);
                }
                continue;
            }
            if i == 0 || !(is_title_word(w.text) || w.text.chars().skip(1).any(char::is_uppercase))
            {
                continue;
            }
            let e = stats.entry(w.text.to_lowercase()).or_default();
            e.0 += 1;
            // "the Skype Software": the article belongs to the product, not to the brand.
            let heads_phrase = ws
                .get(i + 1)
                .is_some_and(|n| plain_gap(n.gap) && (is_title_word(n.text) || is_acronym(n.text)));
            // "the Wikimedia projects": a name used as an adjective.
            let modifies = ws.get(i + 1).is_some_and(|n| {
                plain_gap(n.gap)
                    && n.text.chars().next().is_some_and(char::is_lowercase)
                    && !FUNCTION_WORDS.contains(&n.text)
            });
            // "the Platform": the word itself is the noun the article introduces.
            if !heads_phrase
                && !modifies
                && DETERMINERS.contains(&ws[i - 1].text.to_lowercase().as_str())
            {
                e.1 += 1;
            }
            if modifies {
                e.2 += 1;
            }
            // "Apple may …", "to Skype": the word alone, without an article.
            let prev = ws[i - 1].text.to_lowercase();
            let alone = !heads_phrase
                && !ws[i - 1]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !DETERMINERS.contains(&prev.as_str())
                && !POSSESSIVES.contains(&prev.as_str());
            if alone {
                e.3 += 1;
            }
        }
    }
    for (word, (n, det, modifies, alone)) in stats {
        if n >= 5
            && (det * 10 <= n || modifies * 2 >= n)
            // Used alone ("Evernote may …"), as an adjective ("Wikimedia projects") or heading
            // product names ("Evernote Service", "Evernote Enterprise"), never after "the".
            && (alone * 10 >= n * 3 || modifies * 2 >= n || (n - modifies - det) * 10 >= n * 7)
            && !lower_seen.contains(word.as_str())
            && !ROLES.contains(&word.as_str())
            && !OPENERS.contains(&word.as_str())
        {
            out.insert(word);
        }
    }
    // The title: the first heading, or the first line of a plain-text document.
    let title = match doc.blocks.first() {
        Some(b) if b.kind == BlockKind::Heading => Some(doc.plain(b.text_span)),
        _ if doc.format != clauselint_parser::Format::Markdown => {
            doc.text.lines().find(|l| !l.trim().is_empty())
        }
        _ => None,
    };
    if let Some(title) = title {
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
                out.insert(lower);
                break;
            }
        }
    }
    out
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
