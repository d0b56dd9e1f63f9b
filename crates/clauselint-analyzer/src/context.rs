//! Facts computed once per document and shared by every rule: each sentence's normalised text with
//! its concept hits, and document-wide knowledge (who the vendor is, which defined terms are content).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::text_regex::regex;
use crate::text_regex::TextRegex;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use clauselint_parser::{BlockKind, Deadline, Document, LimitExceeded, NumberStyle, Span};

use crate::lexicon::{lexicon, Concept};
use crate::vocabulary::Vocabulary;

/// One concept occurrence in a sentence's normalised text.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub mask: u64,
    pub start: usize,
    pub end: usize,
}

impl Hit {
    pub fn is(&self, c: Concept) -> bool {
        self.mask & c.bit() != 0
    }
}

/// A sentence prepared for matching: lower case, straight quotes, dashes as `-`, single spaces.
#[derive(Clone)]
pub struct SentenceFacts {
    pub index: usize,
    pub span: Span,
    pub norm: String,
    /// Source byte offset of each byte of `norm` (and of its end).
    map: SourceMap,
    pub hits: Vec<Hit>,
    pub mask: u64,
    /// The sentence is a heading or a title-only line, not a provision.
    pub in_heading: bool,
    /// For an item of a list ("(a) …", "- …"), the sentence that introduces the list
    /// ("You may not:", "We use your information to:").
    pub lead_in: Option<usize>,
}

impl SentenceFacts {
    pub fn has(&self, c: Concept) -> bool {
        self.mask & c.bit() != 0
    }

    pub fn has_all(&self, mask: u64) -> bool {
        self.mask & mask == mask
    }

    pub fn hits_of(&self, c: Concept) -> impl Iterator<Item = &Hit> + '_ {
        self.hits.iter().filter(move |h| h.is(c))
    }

    pub fn first(&self, c: Concept) -> Option<&Hit> {
        self.hits_of(c).next()
    }

    /// The source span of a range of the normalised text.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let len = self.norm.len();
        let s = self.map.get(&self.norm, start.min(len));
        let e = if end == 0 {
            s
        } else {
            // End of the last byte of the range, i.e. the start offset of the byte after it.
            self.map.get(&self.norm, end.min(len))
        };
        Span::new(s, e.max(s))
    }

    /// Any hit of `c` in the normalised byte range.
    pub fn has_in(&self, c: Concept, start: usize, end: usize) -> bool {
        self.hits_of(c).any(|h| h.start >= start && h.end <= end)
    }
}

/// Where each byte of a sentence's normalised text came from in the source, without a source
/// offset per byte. Normalised text mostly advances in step with the source (one byte of `norm`
/// per source byte), so only the bytes where that stops holding are stored as anchors — after a
/// collapsed run of whitespace, a curly quote, a lower-cased non-ASCII letter. A collapsed space
/// needs no anchor at all: it always maps to the byte after it (the next word's first byte).
/// Lookups reproduce exactly what a per-byte table would hold, for every offset.
#[derive(Clone, Debug)]
struct SourceMap {
    base: usize,
    /// `(offset in norm, source offset - base)`, ordered; the first is always at offset 0.
    anchors: Vec<(u32, u32)>,
    /// `source offset - norm offset` along the last anchor's run.
    run_shift: i64,
}

impl SourceMap {
    fn new(base: usize) -> Self {
        SourceMap {
            base,
            anchors: Vec::new(),
            run_shift: i64::MIN,
        }
    }

    /// Record that the byte at `norm_offset` (not a collapsed space) came from `base + source_offset`.
    #[inline]
    fn record(&mut self, norm_offset: usize, source_offset: usize) {
        let shift = source_offset as i64 - norm_offset as i64;
        if shift != self.run_shift {
            self.run_shift = shift;
            // Sentences are far below 4 GiB; saturating keeps a pathological one from panicking.
            self.anchors.push((
                u32::try_from(norm_offset).unwrap_or(u32::MAX),
                u32::try_from(source_offset).unwrap_or(u32::MAX),
            ));
        }
    }

    /// Source offset of byte `at` of `norm` (`at == norm.len()` is the end of the sentence).
    fn get(&self, norm: &str, at: usize) -> usize {
        let at = if norm.as_bytes().get(at) == Some(&b' ') {
            at + 1
        } else {
            at
        };
        let n = u32::try_from(at).unwrap_or(u32::MAX);
        let i = self.anchors.partition_point(|&(an, _)| an <= n);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((an, asrc)) => self.base + asrc as usize + (at - an as usize),
            None => self.base,
        }
    }
}

/// How normalising treats each byte: an ASCII byte other than white space is kept (lower-cased,
/// a backtick made a straight quote), ASCII white space collapses into one space, and any other
/// byte is part of a character decoded on the slow path.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => WHITE,
            _ => KEPT,
        };
        b += 1;
    }
    table
};
const KEPT: u8 = 0;
const WHITE: u8 = 1;
const NOT_ASCII: u8 = 2;

/// Where the stretch of ASCII text starting at `start` (an ASCII byte that is not white space)
/// stops being copied to the normalised text as it is, but for case: at the first white space
/// other than one space between two such bytes, or at a non-ASCII byte. Written without a branch
/// per word: the stretch ends far less often than a word does.
/// Eight bytes at a time where they allow it ([`plain_eight`]), else byte by byte.
fn ascii_stretch_end(bytes: &[u8], start: usize) -> usize {
    let kept = |b: u8| BYTE_CLASS[usize::from(b)] == KEPT;
    let mut end = start + 1;
    loop {
        while plain_eight(bytes, end) {
            end += 8;
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        let next_kept = bytes.get(end + 1).is_some_and(|&n| kept(n));
        if !(kept(b) | ((b == b' ') & next_kept)) {
            break;
        }
        end += 1;
    }
    end
}

/// Whether the eight bytes from `at` all belong to an ASCII stretch (see [`ascii_stretch_end`]),
/// read as one word: each is a printable ASCII byte or a space, and the byte after each space
/// (up to the ninth byte, which must exist) is printable ASCII. Bytes below `0x20` that a stretch
/// would keep (control characters other than white space) answer `false`: the byte-by-byte loop
/// decides those.
#[inline]
fn plain_eight(bytes: &[u8], at: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (Some(this), Some(next)) = (bytes.get(at..at + 8), bytes.get(at + 1..at + 9)) else {
        return false;
    };
    let this = u64::from_le_bytes(this.try_into().unwrap_or([0; 8]));
    let next = u64::from_le_bytes(next.try_into().unwrap_or([0; 8]));
    // No byte from 0x80 and none below 0x20: the lowest offending byte sets its high bit after
    // the subtraction (bytes below it borrow nothing), so the test is exact where it says yes.
    let printable_or_space = |v: u64| (v | v.wrapping_sub(ONES * 0x20)) & HIGH == 0;
    // The high bit of each byte equal to a space (exact: no byte here has its high bit set).
    let spaces = |v: u64| {
        let x = v ^ (ONES * 0x20);
        !(((x & !HIGH).wrapping_add(!HIGH)) | x) & HIGH
    };
    printable_or_space(this) && printable_or_space(next) && spaces(this) & spaces(next) == 0
}

fn normalise(text: &str, base: usize) -> (String, SourceMap) {
    let bytes = text.as_bytes();
    // Built as bytes: an ASCII stretch is then one copy, lower-cased in place.
    let mut norm: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut map = SourceMap::new(base);
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most of a contract is ASCII: one byte in, at most one byte out, no decoding.
        match BYTE_CLASS[usize::from(b)] {
            WHITE => {
                pending_space = !norm.is_empty();
                i += 1;
                continue;
            }
            NOT_ASCII => {}
            _ => {
                if pending_space {
                    norm.push(b' ');
                    pending_space = false;
                }
                // ASCII words and the single spaces between them advance norm and source in
                // step: one anchor at the start covers all of it (a collapsed space needs none).
                map.record(norm.len(), i);
                let end = ascii_stretch_end(bytes, i);
                let at = norm.len();
                norm.extend_from_slice(&bytes[i..end]);
                let copied = &mut norm[at..];
                copied.make_ascii_lowercase();
                if memchr::memchr(b'`', copied).is_some() {
                    for b in copied.iter_mut().filter(|b| **b == b'`') {
                        *b = b'\'';
                    }
                }
                i = end;
                continue;
            }
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let width = ch.len_utf8();
        if ch.is_whitespace() {
            pending_space = !norm.is_empty();
            i += width;
            continue;
        }
        if pending_space {
            norm.push(b' ');
            pending_space = false;
        }
        let mapped = match ch {
            '’' | '‘' | '´' => Some(b'\''),
            '“' | '”' | '„' | '«' | '»' => Some(b'"'),
            '–' | '—' | '‐' | '‑' => Some(b'-'),
            _ => None,
        };
        let before = norm.len();
        let mut utf8 = [0u8; 4];
        match mapped {
            Some(m) => norm.push(m),
            None => {
                for lower in ch.to_lowercase() {
                    norm.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
        for at in before..norm.len() {
            map.record(at, i);
        }
        i += width;
    }
    map.record(norm.len(), text.len());
    // Only whole characters and ASCII bytes were written, so this is valid UTF-8; a lossy copy
    // rather than a panic if that ever breaks.
    let norm = String::from_utf8(norm)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (norm, map)
}

/// `text` in the normalised form sentences are matched in (for phrases from a configuration).
pub(crate) fn normalise_text(text: &str) -> String {
    normalise(text, 0).0
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before = match start.checked_sub(1).map(|i| bytes[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c)),
    };
    before
        && match bytes.get(end) {
            None => true,
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            Some(_) => text[end..].chars().next().is_none_or(|c| !is_word_char(c)),
        }
}

fn tag(norm: &str, automaton: &AhoCorasick, masks: &[u64], hits: &mut Vec<Hit>) {
    for m in automaton.find_iter(norm) {
        if word_bounded(norm, m.start(), m.end()) {
            hits.push(Hit {
                mask: masks[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            });
        }
    }
}

/// The shared lexicon's hits in a sentence's normalised text.
fn tag_lexicon(norm: &str, hits: &mut Vec<Hit>) {
    let lex = lexicon();
    let Some(compact) = &lex.compact else {
        return tag(norm, &lex.automaton, &lex.masks, hits);
    };
    for m in compact.find_iter(norm.as_bytes()) {
        if word_bounded(norm, m.start, m.end) {
            hits.push(Hit {
                mask: lex.masks[m.pattern],
                start: m.start,
                end: m.end,
            });
        }
    }
}

/// The document's own names (party aliases, content and usage terms) and a configuration's
/// phrases, as one automaton tagged on every sentence besides the shared lexicon.
pub(crate) struct ExtraNames {
    automaton: Option<AhoCorasick>,
    masks: Vec<u64>,
}

impl ExtraNames {
    pub(crate) fn new(facts: &DocFacts, vocabulary: &Vocabulary) -> Self {
        // Document-specific names and content terms join the shared vocabulary for this document.
        let mut extra_patterns: Vec<String> = Vec::new();
        let mut extra_masks: Vec<u64> = Vec::new();
        for a in &facts.vendor_aliases {
            extra_patterns.push(a.clone());
            extra_masks.push(Concept::Vendor.bit());
        }
        for a in &facts.customer_aliases {
            extra_patterns.push(a.clone());
            extra_masks.push(Concept::Customer.bit());
        }
        for (t, _) in &facts.content_terms {
            extra_patterns.push(t.clone());
            extra_masks.push(Concept::Content.bit());
        }
        for (t, _) in &facts.usage_terms {
            extra_patterns.push(t.clone());
            extra_masks.push(Concept::UsageData.bit());
        }
        // A phrase may be both a document name and a configured synonym: one pattern, both masks.
        for (phrase, concept) in vocabulary.entries() {
            match extra_patterns.iter().position(|p| p == phrase) {
                Some(i) => extra_masks[i] |= concept.bit(),
                None => {
                    extra_patterns.push(phrase.to_string());
                    extra_masks.push(concept.bit());
                }
            }
        }
        let automaton = (!extra_patterns.is_empty())
            .then(|| {
                // Built per document: a contiguous NFA builds several times faster than a DFA.
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&extra_patterns)
                    .ok()
            })
            .flatten();
        ExtraNames {
            automaton,
            masks: extra_masks,
        }
    }
}

/// One sentence's facts before the AI-backed tool names are marked (see [`mark_ai_terms`]), given
/// its block's lead-in.
pub(crate) fn sentence_facts(
    doc: &Document,
    index: usize,
    extra: &ExtraNames,
    lead_in: Option<usize>,
) -> SentenceFacts {
    let s = &doc.sentences[index];
    let (norm, map) = normalise(doc.plain(s.span), s.span.start);
    let mut hits = Vec::new();
    tag_lexicon(&norm, &mut hits);
    if let Some(extra_automaton) = &extra.automaton {
        let before = hits.len();
        tag(&norm, extra_automaton, &extra.masks, &mut hits);
        if hits.len() > before {
            hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        }
    }
    let mask = hits.iter().fold(0, |m, h| m | h.mask);
    SentenceFacts {
        index,
        span: s.span,
        norm,
        map,
        hits,
        mask,
        in_heading: in_heading(doc, index),
        lead_in,
    }
}

/// The sentence is a heading or a clause's title line.
pub(crate) fn in_heading(doc: &Document, index: usize) -> bool {
    let s = &doc.sentences[index];
    let block = &doc.blocks[s.block];
    let title_only = block.clause.is_some_and(|c| {
        let clause = &doc.clauses[c];
        let in_title = clause
            .title_span
            .is_some_and(|t| s.span.start <= t.start + 16 && s.span.end <= t.end + 3);
        clause.head_block == s.block && (clause.is_heading || in_title)
    });
    block.kind == BlockKind::Heading || title_only
}

impl SentenceFacts {
    /// The same facts for the same text moved by `delta` bytes (an edit earlier in the document).
    pub(crate) fn shift(&mut self, delta: isize) {
        if delta == 0 {
            return;
        }
        let by = |x: usize| x.wrapping_add_signed(delta);
        self.span = Span::new(by(self.span.start), by(self.span.end));
        self.map.base = by(self.map.base);
    }
}

/// Who the parties are and which defined terms carry content, learnt from the definitions.
#[derive(Default, Clone, PartialEq, Eq, Debug)]
pub struct DocFacts {
    /// Lower-case names standing for the vendor ("zoom", "github").
    pub vendor_aliases: Vec<String>,
    /// Lower-case names standing for the customer ("customer", "subscriber").
    pub customer_aliases: Vec<String>,
    /// Defined terms whose definition includes the customer's content, with the definition index.
    pub content_terms: Vec<(String, usize)>,
    /// Defined terms for usage/telemetry data, with the definition index.
    pub usage_terms: Vec<(String, usize)>,
    /// Lower-case names of the vendor's tools that the document says are built on AI / machine
    /// learning ("Epic uses machine learning in our Safety and Discovery Tools", a defined term whose
    /// definition mentions models): improving one of them is improving a model.
    pub ai_terms: Vec<String>,
}

pub struct Context<'d> {
    pub doc: &'d Document,
    /// Owned, except in a [`Context::focused_view`], which borrows another context's.
    pub sentences: Cow<'d, [SentenceFacts]>,
    pub facts: DocFacts,
    /// What the drafting rules share (capitalised runs, brand names), built by the first of them
    /// that needs it so a document is walked word by word once, not once per rule.
    pub(crate) drafting: OnceLock<crate::rules::drafting::SharedFacts>,
    /// The range of `sentences` that [`Context::focused`] yields; `None` for all.
    pub(crate) focus: Option<std::ops::Range<usize>>,
}

fn content_definition_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(content|contents|inputs?|prompts?|files|messages|recordings|transcripts|materials|submissions|uploads|posts|chats?|conversations?|documents|text|images|audio|video|(?:data|information|materials?) (?:that |which )?(?:you|customer|users?|end users) (?:provide|provides|submit|submits|upload|uploads|input|inputs|make available|makes available|transmit|transmits|store|stores|create|creates|post|posts|share|shares))(?-u:\b)"
    )
}

/// "“Alexa” means Amazon's Alexa services, which include … digital content": the term names what the
/// vendor offers, and the content in its definition is part of the offering, not the customer's.
/// A definition that reaches for data first ("data you provide through the services, including
/// content") still names the customer's data.
fn names_an_offering(body: &str, term: &str) -> bool {
    let offering = regex!(
        r"(?-u:\b)(?:services?|platform|software|websites?|site|apps?|applications?|products?|devices?|offerings?)(?-u:\b)"
    );
    // The term's own words ("Service Content") say nothing about what it is.
    let body = body.find(term).map_or(body, |i| &body[i + term.len()..]);
    let Some(content) = content_definition_regex().find(body) else {
        return false;
    };
    let head = &body[..content.start()];
    let Some(first_offering) = offering.find(head) else {
        return false;
    };
    // The offering must be what the definition opens with ("means Amazon's Alexa services"), not
    // a later mention ("suggestions you give about the services, including text").
    let naming_words = head[..first_offering.start()]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "means"
                        | "mean"
                        | "shall"
                        | "refers"
                        | "to"
                        | "is"
                        | "the"
                        | "our"
                        | "its"
                        | "any"
                        | "all"
                        | "of"
                )
        })
        .collect::<Vec<_>>();
    naming_words.len() <= 2
        && !naming_words.iter().any(|w| {
            ["data", "information", "content", "material"]
                .iter()
                .any(|d| w.starts_with(d))
        })
}

fn usage_definition_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(usage|telemetry|diagnostic|metadata|generated by (?:your|customer's|the) use|generated (?:through|from) (?:your|the) use|(?:operation|performance) of the services?|(?:data|information) (?:about|pertaining to|relating to|regarding|concerning) (?:your |the |customer's )?(?:use|access|interactions?) (?:of|with) the|service generated|service-generated|log)(?-u:\b)"
    )
}

impl<'d> Context<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Context::with_vocabulary(doc, &Vocabulary::default())
    }

    /// As [`Context::new`], with a configuration's extra phrases tagged as their concepts.
    pub fn with_vocabulary(doc: &'d Document, vocabulary: &Vocabulary) -> Self {
        match Context::within(doc, vocabulary, &Deadline::never()) {
            Ok(cx) => cx,
            Err(e) => unreachable!("a context without a deadline ran out of time: {e}"),
        }
    }

    /// As [`Context::with_vocabulary`], an error once `deadline` passes (checked per sentence).
    pub fn within(
        doc: &'d Document,
        vocabulary: &Vocabulary,
        deadline: &Deadline,
    ) -> Result<Self, LimitExceeded> {
        let mut facts = doc_facts(doc);
        deadline.check_now()?;
        let extra = ExtraNames::new(&facts, vocabulary);
        // A block's sentences are consecutive and share its lead-in: look it up once per block.
        let mut block_lead_in: Option<(usize, Option<usize>)> = None;
        let mut sentences: Vec<SentenceFacts> = (0..doc.sentences.len())
            .map(|index| {
                deadline.check()?;
                let block = doc.sentences[index].block;
                let lead = match block_lead_in {
                    Some((b, lead)) if b == block => lead,
                    _ => {
                        let lead = lead_in(doc, block);
                        block_lead_in = Some((block, lead));
                        lead
                    }
                };
                Ok(sentence_facts(doc, index, &extra, lead))
            })
            .collect::<Result<_, LimitExceeded>>()?;
        facts.ai_terms = ai_terms(doc, &sentences);
        mark_ai_terms(&facts.ai_terms, &mut sentences);
        deadline.check_now()?;
        Ok(Context::from_parts(doc, sentences, facts))
    }

    /// A context from facts computed elsewhere (the incremental analysis reuses those of the
    /// sentences an edit did not touch).
    pub(crate) fn from_parts(
        doc: &'d Document,
        sentences: Vec<SentenceFacts>,
        facts: DocFacts,
    ) -> Self {
        Context {
            doc,
            sentences: Cow::Owned(sentences),
            facts,
            drafting: OnceLock::new(),
            focus: None,
        }
    }

    /// A context over the same sentences and facts, whose [`Context::focus`] its owner sets while
    /// other threads read this one unfocused: the incremental analysis runs the clause-level rules
    /// through it beside the whole-document rules. It borrows the sentences; the drafting facts it
    /// starts without are only read by whole-document rules.
    pub(crate) fn focused_view(&self) -> Context<'_> {
        Context {
            doc: self.doc,
            sentences: Cow::Borrowed(&self.sentences),
            facts: self.facts.clone(),
            drafting: OnceLock::new(),
            focus: None,
        }
    }

    /// The sentences a rule looks at: all of them, or, when the incremental analysis re-runs a
    /// [`Scope::Local`](crate::rule::Scope) rule on part of the document, that part. Rules iterate
    /// this (or [`Context::sentences_with`]) and index `sentences` only for neighbours.
    pub fn focused(&self) -> &[SentenceFacts] {
        match &self.focus {
            Some(range) => &self.sentences[range.clone()],
            None => &self.sentences,
        }
    }

    /// Sentences holding every concept in `mask`: the cheap prefilter rules start from.
    pub fn sentences_with(&self, mask: u64) -> impl Iterator<Item = &SentenceFacts> + '_ {
        self.focused().iter().filter(move |s| s.mask & mask == mask)
    }

    /// The sentence introducing the list `s` is an item of.
    pub fn lead_in(&self, s: &SentenceFacts) -> Option<&SentenceFacts> {
        s.lead_in.map(|i| &self.sentences[i])
    }

    /// `s` is an item of a list introduced by a prohibition ("You may not:", "You agree not to:").
    pub fn in_prohibited_list(&self, s: &SentenceFacts) -> bool {
        // "You must not: … (d) use the Site to do any of the following without our permission: …
        // 10. mine Content for AI": a list nested in a prohibited item is prohibited too.
        // "We do not share your data except in the following circumstances:" lists what is
        // allowed: an exception after the negation turns the list around.
        std::iter::successors(self.lead_in(s), |l| self.lead_in(l))
            .take(2)
            .any(|l| {
                let refused = l
                    .hits_of(Concept::Negation)
                    .find(|h| !crate::grammar::is_idiomatic_negation(&l.norm, h.start, h.end));
                match refused {
                    Some(n) => !l.hits_of(Concept::Exception).any(|e| e.start > n.start),
                    None => l.norm.contains("prohibited"),
                }
            })
    }

    /// The sentence before `s` in the same block, if any.
    pub fn previous_in_block(&self, s: &SentenceFacts) -> Option<&SentenceFacts> {
        let prev = s.index.checked_sub(1)?;
        (self.doc.sentences[prev].block == self.doc.sentences[s.index].block)
            .then(|| &self.sentences[prev])
    }

    pub fn quote(&self, span: Span) -> String {
        let text = self.doc.plain(span);
        let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.chars().count() > 300 {
            let cut: String = collapsed.chars().take(297).collect();
            format!("{cut}…")
        } else {
            collapsed
        }
    }
}

/// The sentence that introduces the list a block belongs to: the last sentence of the nearest
/// earlier non-item block, when that block ends with a colon (or "following") and the block itself
/// is a list item or an enumerated sub-clause.
pub(crate) fn lead_in(doc: &Document, block: usize) -> Option<usize> {
    let is_item = |b: usize| {
        let blk = &doc.blocks[b];
        blk.kind == BlockKind::ListItem
            || blk.clause.is_some_and(|c| {
                let clause = &doc.clauses[c];
                clause.head_block == b
                    && matches!(
                        clause.style,
                        NumberStyle::ParenLower
                            | NumberStyle::ParenRoman
                            | NumberStyle::ParenDigit
                            | NumberStyle::ParenUpper
                            | NumberStyle::AlphaLower
                            | NumberStyle::Roman
                    )
            })
    };
    if !is_item(block) {
        return None;
    }
    let mut b = block;
    for _ in 0..60 {
        b = b.checked_sub(1)?;
        let blk = &doc.blocks[b];
        let text = doc.plain(blk.text_span).trim_end();
        // Only ASCII letters lower-case to "following", so comparing the last nine bytes
        // ignoring ASCII case is the same as lower-casing the whole block first.
        // "We may share with…" introduces its list as a colon would.
        let introduces = text.ends_with([':', '—', '-', '…'])
            || text.ends_with("...")
            || text
                .len()
                .checked_sub(9)
                .is_some_and(|at| text.as_bytes()[at..].eq_ignore_ascii_case(b"following"));
        // A paragraph nested in an outer list item ("3. How we use it — We may use your data:")
        // introduces the inner list although it is itself part of an item; an ordinary sibling
        // item does not end with a colon.
        if is_item(b) && !(introduces && text.ends_with(':') && encloses(doc, b, block)) {
            continue;
        }
        return (introduces && blk.sentence_count > 0)
            .then(|| blk.first_sentence + blk.sentence_count - 1);
    }
    None
}

/// Block `outer` is in the clause of block `inner` or in one of its ancestors: an item ending in a
/// colon introduces its own sub-items ("(b) … content that may: 1. … 5. …"), not the sibling items
/// after them ("(d) use the Site to do any of the following:"). Blocks outside the clause tree
/// cannot be told apart and are taken to enclose.
fn encloses(doc: &Document, outer: usize, inner: usize) -> bool {
    let (Some(outer), Some(mut clause)) = (doc.blocks[outer].clause, doc.blocks[inner].clause)
    else {
        return true;
    };
    loop {
        if clause == outer {
            return true;
        }
        match doc.clauses[clause].parent {
            Some(parent) => clause = parent,
            None => return false,
        }
    }
}

/// "uses machine learning in our Safety and Discovery Tools", "AI technologies power our
/// recommendation engine": a named tool of the vendor stated to run on AI. The name must end in a
/// tool-like noun so that "AI in our Services" does not turn every mention of the service into a
/// model.
fn ai_tool_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:artificial intelligence|machine learning|machine-learning|ai|ml|ai/ml|deep learning|neural networks?)(?: (?:and|or) (?:artificial intelligence|machine learning|machine-learning|ai|ml|deep learning))?(?: technolog(?:y|ies)| models?| systems?| techniques)? (?:in|within|to power|powers|power) (?:our|its|the|[a-z]+'s) ((?:[a-z]+ ){0,4}?(?:tools|engines?|systems|filters|classifiers))(?-u:\b)"
    )
}

fn ai_definition_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:artificial intelligence|machine learning|machine-learning|deep learning|neural networks?|large language models?|ai models?)(?-u:\b)"
    )
}

/// Names the document ties to AI: defined terms whose definition mentions machine learning, and
/// tools a sentence says run on it. Negated statements ("we do not use AI in our review tools")
/// teach nothing.
fn ai_terms(doc: &Document, sentences: &[SentenceFacts]) -> Vec<String> {
    ai_terms_from(
        doc,
        sentences
            .iter()
            .filter(|s| s.has(Concept::Ai) && !s.has(Concept::Negation))
            .map(|s| s.norm.as_str()),
    )
}

/// [`ai_terms`] from the normalised text of the sentences that mention AI without a negation
/// (their facts before [`mark_ai_terms`]).
pub(crate) fn ai_terms_from<'a>(
    doc: &Document,
    ai_sentences: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for d in &doc.definitions {
        let lower = d.term.to_lowercase();
        if !d.is_capitalised() || lower.split_whitespace().count() > 5 {
            continue;
        }
        let body = doc.plain(d.definition_span).to_lowercase();
        if ai_definition_regex().is_match(&body) && !body.contains("does not include") {
            terms.push(lower);
        }
    }
    for norm in ai_sentences {
        for caps in ai_tool_regex().captures_iter(norm) {
            let name = caps[1].trim();
            if name.split(' ').count() >= 2 {
                terms.push(name.to_string());
            }
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

/// Give each mention of an AI-backed tool the `Ai` concept, so rules read "improve our Safety and
/// Discovery Tools" as improving a model.
fn mark_ai_terms(terms: &[String], sentences: &mut [SentenceFacts]) {
    if terms.is_empty() {
        return;
    }
    // A searcher per term, made once for the document, tells which sentences hold a term at
    // all: `str::match_indices` prepares its search anew for every sentence and term, which cost
    // more than searching. A sentence without any term is left as marking would leave it.
    let finders: Vec<memchr::memmem::Finder> = terms
        .iter()
        .map(|t| memchr::memmem::Finder::new(t.as_bytes()))
        .collect();
    for s in sentences.iter_mut() {
        if finders.iter().any(|f| f.find(s.norm.as_bytes()).is_some()) {
            mark_ai_terms_in(terms, s);
        }
    }
}

/// [`mark_ai_terms`] for one sentence; whether it added anything.
pub(crate) fn mark_ai_terms_in(terms: &[String], s: &mut SentenceFacts) -> bool {
    let mut added = false;
    for t in terms {
        for (at, _) in s.norm.match_indices(t.as_str()) {
            let end = at + t.len();
            if word_bounded(&s.norm, at, end)
                && !s
                    .hits
                    .iter()
                    .any(|h| h.start == at && h.end == end && h.is(Concept::Ai))
            {
                s.hits.push(Hit {
                    mask: Concept::Ai.bit(),
                    start: at,
                    end,
                });
                added = true;
            }
        }
    }
    if added {
        s.hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        s.mask |= Concept::Ai.bit();
    }
    added
}

pub(crate) fn doc_facts(doc: &Document) -> DocFacts {
    let mut facts = DocFacts::default();
    const VENDOR_PRONOUNS: &[&str] = &["we", "us", "our"];
    const CUSTOMER_PRONOUNS: &[&str] = &["you", "your"];
    // Parenthetical groups: terms defined in one parenthesis share a sentence and a definition span.
    for d in &doc.definitions {
        let group: Vec<&str> = doc
            .definitions
            .iter()
            .filter(|o| o.sentence == d.sentence && o.definition_span == d.definition_span)
            .map(|o| o.term.as_str())
            .collect();
        let lower = d.term.to_lowercase();
        if !d.is_capitalised() || lower.split_whitespace().count() > 4 {
            continue;
        }
        let group_lower: Vec<String> = group.iter().map(|t| t.to_lowercase()).collect();
        if group_lower
            .iter()
            .any(|t| VENDOR_PRONOUNS.contains(&t.as_str()))
        {
            facts.vendor_aliases.push(lower.clone());
        } else if group_lower
            .iter()
            .any(|t| CUSTOMER_PRONOUNS.contains(&t.as_str()))
            || matches!(
                lower.as_str(),
                "customer" | "subscriber" | "licensee" | "client" | "end user"
            )
        {
            facts.customer_aliases.push(lower.clone());
        }
    }
    for (i, d) in doc.definitions.iter().enumerate() {
        if !d.is_capitalised() {
            continue;
        }
        let lower = d.term.to_lowercase();
        let body = doc.plain(d.definition_span).to_lowercase();
        let is_usage =
            usage_definition_regex().is_match(&lower) || usage_definition_regex().is_match(&body);
        let mentions_content = content_definition_regex().is_match(&body)
            || content_definition_regex().is_match(&lower);
        if is_usage && !facts.usage_terms.iter().any(|(t, _)| *t == lower) {
            facts.usage_terms.push((lower.clone(), i));
        }
        let excludes_content = body.contains("does not include")
            || body.contains("excluding")
            || body.contains("excludes");
        if mentions_content
            && !excludes_content
            && !names_an_offering(&body, &lower)
            && !facts.content_terms.iter().any(|(t, _)| *t == lower)
        {
            facts.content_terms.push((lower, i));
        }
    }
    facts.vendor_aliases.sort();
    facts.vendor_aliases.dedup();
    facts.customer_aliases.sort();
    facts.customer_aliases.dedup();
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ai_terms_are_marked_as_marking_every_sentence_marks_them() {
        let text = "Epic uses machine learning in our Safety and Discovery Tools. The safety and \
                    discovery tools review reports.\n\nWe improve our Safety and Discovery Tools and \
                    our recommendation engine with your content. Nothing else here.\n\n\
                    Our recommendation engines, our recommendation engine-room and safety and \
                    discovery toolset.";
        let doc = clauselint_parser::parse(text, clauselint_parser::Format::Markdown);
        let facts = doc_facts(&doc);
        let extra = ExtraNames::new(&facts, &Vocabulary::default());
        let fresh = || -> Vec<SentenceFacts> {
            (0..doc.sentences.len())
                .map(|i| sentence_facts(&doc, i, &extra, None))
                .collect()
        };
        let terms: Vec<String> = ["recommendation engine", "safety and discovery tools", ""]
            .iter()
            .map(|t| t.to_string())
            .collect();
        for terms in [&terms[..2], &terms[..1], &terms[..], &[]] {
            let mut prefiltered = fresh();
            mark_ai_terms(terms, &mut prefiltered);
            let mut every = fresh();
            for s in &mut every {
                mark_ai_terms_in(terms, s);
            }
            let key = |s: &SentenceFacts| {
                let hits: Vec<_> = s.hits.iter().map(|h| (h.start, h.end, h.mask)).collect();
                (s.mask, hits)
            };
            assert_eq!(
                prefiltered.iter().map(key).collect::<Vec<_>>(),
                every.iter().map(key).collect::<Vec<_>>(),
                "{terms:?}"
            );
        }
        // The comparison saw marking happen.
        let mut marked = fresh();
        let before: usize = marked.iter().map(|s| s.hits.len()).sum();
        mark_ai_terms(&terms[..2], &mut marked);
        assert!(marked.iter().map(|s| s.hits.len()).sum::<usize>() >= before + 4);
    }

    fn prohibited(text: &str, sentence_start: &str) -> bool {
        let doc = clauselint_parser::parse(text, clauselint_parser::Format::Markdown);
        let cx = Context::new(&doc);
        let s = cx
            .sentences
            .iter()
            .find(|s| s.norm.starts_with(sentence_start))
            .expect("the sentence");
        cx.in_prohibited_list(s)
    }

    #[test]
    fn lists_nested_in_prohibitions_and_lists_of_exceptions() {
        // ArtStation Terms of Service § 7: a numbered list inside a prohibited item.
        let text = "You must not:\n\n(a) reverse engineer the Services;\n\n(b) upload anything that may:\n\n\
                    1.  violate any law;\n2.  impersonate any person;\n\n(c) upload a virus;\n\n\
                    (d) use the Site to do any of the following without Epic’s prior written permission:\n\n\
                    1.  send spam;\n2.  mine NoAI Content for the development of Generative AI Programs.\n";
        assert!(prohibited(text, "mine noai content"));
        // The sibling item's own sub-list ("(b) … that may:") does not introduce (d)'s.
        let doc = clauselint_parser::parse(text, clauselint_parser::Format::Markdown);
        let cx = Context::new(&doc);
        let mine = cx
            .sentences
            .iter()
            .find(|s| s.norm.starts_with("mine"))
            .unwrap();
        let lead = cx.lead_in(mine).expect("a lead-in");
        assert!(lead.norm.starts_with("use the site"), "{}", lead.norm);
        // SurveyMonkey Privacy Policy § 5: the list enumerates what is allowed.
        let text = "We do not share your information with third parties except in the following limited \
                    circumstances:\n\n*   With our affiliates, who may use it for their own purposes.\n";
        assert!(!prohibited(text, "with our affiliates"));
        let text = "You agree not to:\n\n*   use any content to train AI models.\n";
        assert!(prohibited(text, "use any content"));
    }

    #[test]
    fn a_term_naming_the_offering_is_not_customer_content() {
        // Alexa Terms of Use: the service "includes digital content", the vendor's.
        let text = "“Alexa” means Amazon’s Alexa services, which include digital content and software.\n\n\
                    “Customer Data” means data you provide through the services, including content.\n\n\
                    “Service Content” means content you post on the services.\n";
        let doc = clauselint_parser::parse(text, clauselint_parser::Format::Markdown);
        let facts = doc_facts(&doc);
        let terms: Vec<&str> = facts
            .content_terms
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(terms, ["customer data", "service content"]);
    }

    #[test]
    fn normalisation_maps_back_to_source() {
        let text = "We  may use “Customer Content” — to train";
        let (norm, map) = normalise(text, 10);
        assert_eq!(norm, "we may use \"customer content\" - to train");
        let i = norm.find("customer").unwrap();
        let at = map.get(&norm, i);
        assert_eq!(&text[at - 10..at - 10 + 8], "Customer");
    }

    /// The compact DFA tags real contracts exactly as the lexicon's aho-corasick automaton does.
    #[test]
    fn compact_lexicon_tags_as_aho_corasick_does() {
        let lex = lexicon();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/claudette");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("the CLAUDETTE corpus is in the repository")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let mut tagged = 0;
        for path in files.iter().take(6) {
            let source = std::fs::read_to_string(path).expect("readable corpus file");
            let doc = clauselint_parser::parse(&source, clauselint_parser::Format::Text);
            for s in &doc.sentences {
                let (norm, _) = normalise(doc.plain(s.span), s.span.start);
                let mut compact = Vec::new();
                tag_lexicon(&norm, &mut compact);
                let mut reference = Vec::new();
                tag(&norm, &lex.automaton, &lex.masks, &mut reference);
                let key = |h: &Hit| (h.start, h.end, h.mask);
                assert_eq!(
                    compact.iter().map(key).collect::<Vec<_>>(),
                    reference.iter().map(key).collect::<Vec<_>>(),
                    "{norm:?}"
                );
                tagged += compact.len();
            }
        }
        assert!(
            tagged > 1000,
            "only {tagged} hits: the comparison saw too little"
        );
    }

    /// The per-byte table the source map replaces: what every lookup must still return.
    fn per_byte_map(text: &str, base: usize) -> (String, Vec<usize>) {
        let mut norm = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut pending_space = false;
        for (i, ch) in text.char_indices() {
            if ch.is_whitespace() {
                pending_space = !norm.is_empty();
                continue;
            }
            if pending_space {
                norm.push(' ');
                map.push(base + i);
                pending_space = false;
            }
            let mapped = match ch {
                '’' | '‘' | '`' | '´' => Some('\''),
                '“' | '”' | '„' | '«' | '»' => Some('"'),
                '–' | '—' | '‐' | '‑' => Some('-'),
                _ => None,
            };
            let before = norm.len();
            match mapped {
                Some(m) => norm.push(m),
                None if ch.is_ascii() => norm.push(ch.to_ascii_lowercase()),
                None => norm.extend(ch.to_lowercase()),
            }
            map.extend(std::iter::repeat_n(base + i, norm.len() - before));
        }
        map.push(base + text.len());
        (norm, map)
    }

    fn assert_same_as_per_byte(text: &str, base: usize) {
        let (expected_norm, expected_map) = per_byte_map(text, base);
        let (norm, map) = normalise(text, base);
        assert_eq!(norm, expected_norm, "{text:?}");
        for (at, &expected) in expected_map.iter().enumerate() {
            assert_eq!(map.get(&norm, at), expected, "byte {at} of {text:?}");
        }
    }

    #[test]
    fn source_map_matches_a_per_byte_table() {
        for text in [
            "",
            "   ",
            "We  may use “Customer Content” — to train",
            "\u{feff}Straße İstanbul ΣΑΣ «Kunden» ‘x’ `y´ a\u{a0}b\u{2003}\u{2003}c\u{b}\u{c}d",
            "1.\tDefinitions.\r\n   (a) “Affiliate” means…  ",
            "ǅ ﬁ ẞ Kelvin K Å",
            " a b  c `d` e\t f \u{a0}g\u{a0} h \n",
        ] {
            assert_same_as_per_byte(text, 0);
            assert_same_as_per_byte(text, 1234);
        }
    }

    /// The byte-by-byte loop [`ascii_stretch_end`] reads eight bytes at a time instead of.
    fn stretch_end_byte_by_byte(bytes: &[u8], start: usize) -> usize {
        let kept = |b: u8| BYTE_CLASS[usize::from(b)] == KEPT;
        let mut end = start + 1;
        while let Some(&b) = bytes.get(end) {
            let next_kept = bytes.get(end + 1).is_some_and(|&n| kept(n));
            if !(kept(b) | ((b == b' ') & next_kept)) {
                break;
            }
            end += 1;
        }
        end
    }

    fn assert_stretches_end_byte_by_byte(text: &str) {
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            if BYTE_CLASS[usize::from(bytes[start])] == KEPT {
                assert_eq!(
                    ascii_stretch_end(bytes, start),
                    stretch_end_byte_by_byte(bytes, start),
                    "from byte {start} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn stretches_end_where_the_byte_by_byte_loop_ends_them() {
        for text in [
            "We may use Customer Content to train our models, and we may share it.",
            "the services  and the\tsite\u{1}ok\u{7f}del é the end of the line \n next",
            "abcdefgh ijklmnop qrstuvw x",
            "abcdefg  hijklmnop",
            "abcdefgh ",
            "abcdefgh",
            "a~}|{`_^ ]\\[@?>=<;:/.-,+*)('&%$#\"! 0",
        ] {
            assert_stretches_end_byte_by_byte(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn stretches_end_where_the_byte_by_byte_loop_ends_them_on_any_text(
            text in "([a-z]{0,12}[ .,\t\n\u{0}\u{1}\u{1f}\u{7f}\u{85}é]?[ ]?){0,12}",
        ) {
            assert_stretches_end_byte_by_byte(&text);
        }
    }

    proptest::proptest! {
        #[test]
        fn source_map_matches_a_per_byte_table_on_any_text(
            text in "[ \t\n\r\u{b}\u{c}\u{a0}\u{2003}a-zA-Z0-9.,;`´’‘“”„«»–—‐‑İẞßΣﬁǅ]{0,40}",
            base in 0usize..100_000,
        ) {
            assert_same_as_per_byte(&text, base);
        }
    }
}
