//! # clauselint-parser
//!
//! Turns a contract's text into a [`Document`]: a tree of clauses (numbers, titles, nesting), the
//! blocks and sentences in them, definitions and their uses, and cross-references — every node with
//! a byte span into the source exactly as read.
//!
//! This crate must not: read or write files (callers hand it text), know about rules or findings,
//! know about LSP, or panic on any input. What it cannot read becomes a [`ParseDiagnostic`].

mod definitions;
pub mod docx;
mod grammar;
mod invariants;
#[cfg(test)]
mod kept_parse_tests;
mod kept_search;
pub mod limits;
pub mod line_index;
mod markdown;
pub mod model;
mod numbering;
pub mod pdf;
mod sentences;
mod text;
mod xrefs;

pub use docx::{parse_docx, DocxError, DocxLimits, DocxOptions, RevisionView};
pub use grammar::ContractTree;
pub use kept_search::{common_prefix, common_suffix};
pub use limits::{Deadline, Limit, LimitExceeded, Limits};
pub use line_index::{LineCol, LineIndex};
pub use model::*;
pub use pdf::{parse_pdf, PdfError};

use numbering::{Label, LeadingNumber};

/// A block as the format readers produce it, before clause structure is known.
#[derive(Clone, Debug)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub span: Span,
    pub text_span: Span,
    pub heading_level: u8,
    pub list_number: Option<String>,
    /// For a Markdown ordered-list item, its ordered-list nesting (see `markdown::OrderedList`);
    /// 0 otherwise.
    pub list_depth: u8,
}

/// Guess the format from a file name; anything not Markdown, PDF or Word is read as plain text.
pub fn format_for_path(path: &str) -> Format {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdown") {
        Format::Markdown
    } else if lower.ends_with(".pdf") {
        Format::Pdf
    } else if [".docx", ".docm", ".dotx", ".dotm"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        Format::Docx
    } else {
        Format::Text
    }
}

/// Parse Markdown or plain text. (PDF text goes through [`parse_extracted`].)
pub fn parse(source: &str, format: Format) -> Document {
    unlimited(parse_limited(
        source,
        format,
        &Limits::unlimited(),
        &Deadline::never(),
    ))
}

/// As [`parse`], but an error once the document nests more deeply than `limits.max_nesting` or
/// parsing outlasts `deadline` (the caller checks the file size before reading it).
pub fn parse_limited(
    source: &str,
    format: Format,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Document, LimitExceeded> {
    parse_with_hook(source, format, limits, deadline, &mut PhaseHook::none())
}

/// The stages of a parse in the order they run, as [`parse_profiled`] reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParsePhase {
    /// Reading the format: Markdown events and blanking markup (or the plain-text grammar's tree),
    /// and the copies of the source the document keeps.
    Markup,
    /// Line starts of the source (`LineIndex`).
    LineIndex,
    /// Blocks assigned to clauses, clause numbers, titles and nesting.
    Structure,
    Sentences,
    Definitions,
    /// Every use of a defined term.
    TermUses,
    CrossReferences,
}

/// As [`parse`], calling `phase_done` as each [`ParsePhase`] ends, so a profiler can read its clock
/// there (`examples/parse_phases.rs`). Returns exactly what [`parse`] returns.
pub fn parse_profiled(
    source: &str,
    format: Format,
    phase_done: &mut dyn FnMut(ParsePhase),
) -> Document {
    unlimited(parse_with_hook(
        source,
        format,
        &Limits::unlimited(),
        &Deadline::never(),
        &mut PhaseHook(Some(phase_done)),
    ))
}

/// Where a parse reports the end of each phase: nowhere, except when profiled.
pub(crate) struct PhaseHook<'a>(Option<&'a mut dyn FnMut(ParsePhase)>);

impl PhaseHook<'_> {
    pub(crate) fn none() -> Self {
        PhaseHook(None)
    }

    fn done(&mut self, phase: ParsePhase) {
        if let Some(phase_done) = &mut self.0 {
            phase_done(phase);
        }
    }
}

fn parse_with_hook(
    source: &str,
    format: Format,
    limits: &Limits,
    deadline: &Deadline,
    hook: &mut PhaseHook,
) -> Result<Document, LimitExceeded> {
    let (text, raw_blocks, strong_spans) = match format {
        Format::Markdown => {
            let parts = markdown::parse(source);
            check_nesting(parts.max_nesting, limits)?;
            (parts.text, parts.blocks, parts.strong_spans)
        }
        Format::Text => {
            let text = blank_bom(source);
            let doc = match grammar::parse_tree(&text) {
                Some(tree) => build_from_tree(source.to_string(), text, &tree, deadline, hook)?,
                None => build(
                    source.to_string(),
                    text.clone(),
                    Format::Text,
                    text::blocks(&text),
                    Vec::new(),
                    Vec::new(),
                    deadline,
                    hook,
                )?,
            };
            check_clause_depth(&doc, limits)?;
            return Ok(doc);
        }
        Format::Pdf | Format::Docx => {
            let text = blank_bom(source);
            let blocks = text::blocks(&text);
            (text, blocks, Vec::new())
        }
    };
    deadline.check_now()?;
    let doc = build(
        source.to_string(),
        text,
        format,
        raw_blocks,
        strong_spans,
        Vec::new(),
        deadline,
        hook,
    )?;
    check_clause_depth(&doc, limits)?;
    Ok(doc)
}

/// The result of a parse that had no limits to exceed.
pub(crate) fn unlimited(result: Result<Document, LimitExceeded>) -> Document {
    match result {
        Ok(doc) => doc,
        Err(e) => unreachable!("a parse without limits exceeded one: {e}"),
    }
}

fn check_nesting(depth: usize, limits: &Limits) -> Result<(), LimitExceeded> {
    if depth <= limits.max_nesting {
        return Ok(());
    }
    Err(LimitExceeded {
        limit: Limit::Nesting,
        found: format!("{depth} levels"),
        allowed: format!("{} levels", limits.max_nesting),
    })
}

/// An error when the document's clauses nest more deeply than `limits.max_nesting` (for readers
/// whose own limits bound the rest, such as Word).
pub fn check_clause_depth(doc: &Document, limits: &Limits) -> Result<(), LimitExceeded> {
    // `depth` counts enclosing clauses; the clause itself is one more level.
    let deepest = doc.clauses.iter().map(|c| c.depth + 1).max().unwrap_or(0);
    check_nesting(deepest, limits)
}

/// Plain text through the line-based structure reader that preceded the grammar (and still reads
/// PDF text, whose page furniture the grammar was not written for). Kept public so the two readers
/// can be compared (`examples/grammar_agreement.rs`).
pub fn parse_text_line_based(source: &str) -> Document {
    let text = blank_bom(source);
    let blocks = text::blocks(&text);
    unlimited(build(
        source.to_string(),
        text,
        Format::Text,
        blocks,
        Vec::new(),
        Vec::new(),
        &Deadline::never(),
        &mut PhaseHook::none(),
    ))
}

/// Plain text whose structure comes from an existing contract-grammar tree of `source` (see
/// [`ContractTree`], which keeps that tree up to date as the text is edited).
pub fn parse_text_with_tree(source: &str, tree: &tree_sitter::Tree) -> Document {
    unlimited(build_from_tree(
        source.to_string(),
        blank_bom(source),
        tree,
        &Deadline::never(),
        &mut PhaseHook::none(),
    ))
}

fn build_from_tree(
    source: String,
    text: String,
    tree: &tree_sitter::Tree,
    deadline: &Deadline,
    hook: &mut PhaseHook,
) -> Result<Document, LimitExceeded> {
    hook.done(ParsePhase::Markup);
    let mut doc = empty_document(source, text, Format::Text, Vec::new(), Vec::new());
    hook.done(ParsePhase::LineIndex);
    let numbers = grammar::build_structure(&mut doc, tree, deadline)?;
    hook.done(ParsePhase::Structure);
    finish(&mut doc, &numbers, deadline, hook)?;
    Ok(doc)
}

/// Parse text extracted from a PDF, with the byte offsets where its pages start.
pub fn parse_extracted(
    text: String,
    page_starts: Vec<usize>,
    diagnostics: Vec<ParseDiagnostic>,
) -> Document {
    unlimited(parse_extracted_limited(
        text,
        page_starts,
        diagnostics,
        &Limits::unlimited(),
        &Deadline::never(),
    ))
}

/// As [`parse_extracted`], under the nesting limit and the document's deadline.
pub fn parse_extracted_limited(
    text: String,
    page_starts: Vec<usize>,
    diagnostics: Vec<ParseDiagnostic>,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Document, LimitExceeded> {
    let analysis = blank_bom(&text);
    let blocks = text::blocks(&analysis);
    let mut doc = build(
        text,
        analysis,
        Format::Pdf,
        blocks,
        Vec::new(),
        diagnostics,
        deadline,
        &mut PhaseHook::none(),
    )?;
    check_clause_depth(&doc, limits)?;
    doc.page_starts = page_starts;
    Ok(doc)
}

fn blank_bom(source: &str) -> String {
    match source.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => source.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    source: String,
    text: String,
    format: Format,
    raw_blocks: Vec<RawBlock>,
    strong_spans: Vec<Span>,
    diagnostics: Vec<ParseDiagnostic>,
    deadline: &Deadline,
    hook: &mut PhaseHook,
) -> Result<Document, LimitExceeded> {
    hook.done(ParsePhase::Markup);
    let mut doc = empty_document(source, text, format, strong_spans, diagnostics);
    hook.done(ParsePhase::LineIndex);
    doc.blocks.reserve(raw_blocks.len());
    let numbers = build_structure(&mut doc, raw_blocks, deadline)?;
    hook.done(ParsePhase::Structure);
    finish(&mut doc, &numbers, deadline, hook)?;
    Ok(doc)
}

fn empty_document(
    source: String,
    text: String,
    format: Format,
    strong_spans: Vec<Span>,
    diagnostics: Vec<ParseDiagnostic>,
) -> Document {
    let lines = LineIndex::new(&source);
    Document {
        format,
        source,
        text,
        blocks: Vec::new(),
        clauses: Vec::new(),
        sentences: Vec::new(),
        definitions: Vec::new(),
        term_uses: Vec::new(),
        cross_refs: Vec::new(),
        strong_spans,
        diagnostics,
        lines,
        page_starts: Vec::new(),
        paragraphs: Vec::new(),
        revisions: Vec::new(),
        comments: Vec::new(),
        headers_footers: Vec::new(),
    }
}

/// Sentences, definitions and cross-references, once blocks and clauses are known.
fn finish(
    doc: &mut Document,
    number_lens: &[usize],
    deadline: &Deadline,
    hook: &mut PhaseHook,
) -> Result<(), LimitExceeded> {
    split_sentences(doc, number_lens, deadline)?;
    hook.done(ParsePhase::Sentences);
    deadline.check_now()?;
    doc.definitions = definitions::extract(doc);
    hook.done(ParsePhase::Definitions);
    doc.term_uses = definitions::find_uses(doc);
    hook.done(ParsePhase::TermUses);
    deadline.check_now()?;
    xrefs::extract(doc);
    hook.done(ParsePhase::CrossReferences);
    deadline.check_now()
}

pub(crate) struct OpenClause {
    pub id: ClauseId,
    pub style: NumberStyle,
    /// Heading level for headings (numbered or not); `None` for body clauses.
    pub heading_level: Option<u8>,
    pub last_letter: Option<String>,
    /// Opened by a Markdown ordered-list marker rather than a number written in the text.
    pub from_list: bool,
}

/// Assigns every block to a clause and builds the clause tree. Returns, per block, the length of a
/// leading clause number (so sentence splitting does not treat "1." as a sentence).
fn build_structure(
    doc: &mut Document,
    raw_blocks: Vec<RawBlock>,
    deadline: &Deadline,
) -> Result<Vec<usize>, LimitExceeded> {
    let mut stack: Vec<OpenClause> = Vec::new();
    let mut number_lens = Vec::with_capacity(raw_blocks.len());
    let mut last_block_end = 0usize;
    let mut first_block = true;
    let mut numbers = numbering::NumberReader::new(&doc.text);

    for raw in raw_blocks {
        deadline.check()?;
        let bi = doc.blocks.len();
        let content_start = raw.text_span.start
            + (doc.text[raw.text_span.start..raw.text_span.end].len()
                - doc.text[raw.text_span.start..raw.text_span.end]
                    .trim_start()
                    .len());
        let content = &doc.text[content_start..raw.text_span.end];
        let leading = numbers.read(&doc.text, content_start, raw.text_span.end);
        let strong_at_start =
            strong_opening(&doc.strong_spans, content_start, raw.text_span.end, 2);
        let bold_title = raw.kind == BlockKind::Paragraph
            && strong_at_start.is_some_and(|s| s.end + 2 >= raw.text_span.end)
            && content.split_whitespace().nth(12).is_none()
            && !content.trim_end().ends_with(['.', ',', ';']);
        // Only a paragraph can be an ALL-CAPS title (a heading has its level, and list items and
        // table cells stay what they are); the title test rejects a long block by its length.
        let caps_title = raw.kind == BlockKind::Paragraph
            && numbering::is_title_line(content)
            && !content.contains('\n');
        let heading_level = match raw.kind {
            BlockKind::Heading if raw.heading_level > 0 => Some(raw.heading_level),
            BlockKind::Heading | BlockKind::Paragraph
                if caps_title || raw.kind == BlockKind::Heading =>
            {
                Some(if first_block { 1 } else { 2 })
            }
            _ if bold_title => Some(6),
            _ => None,
        };
        first_block = false;

        // What opens a clause: a heading, a number, a Markdown ordered-list marker, or a run-in title.
        let from_list = leading.is_none() && raw.list_number.is_some();
        let (number, style, rest_start) = match (leading, &raw.list_number) {
            (Some(n), _) => {
                let style = style_for(&n.label, &stack);
                let rest_start = content_start + n.len;
                (Some(n), Some(style), rest_start)
            }
            (None, Some(list_number)) => {
                // Items of one list are siblings: their level is the list's own nesting, below
                // any clause or heading numbered in the text ("## 3. Fees") that holds the list.
                let written = stack
                    .iter()
                    .filter(|c| matches!(c.style, NumberStyle::Decimal(_)) && !c.from_list)
                    .count();
                let depth = written + usize::from(raw.list_depth.max(1)) - 1;
                let label = Label::Decimal(vec![list_number.parse().unwrap_or(1)]);
                let n = LeadingNumber {
                    written: format!("{list_number}."),
                    label,
                    len: 0,
                };
                (
                    Some(n),
                    Some(NumberStyle::Decimal((depth + 1).min(9) as u8)),
                    content_start,
                )
            }
            (None, None) => (None, heading_level.map(NumberStyle::Heading), content_start),
        };
        let rest = &doc.text[rest_start..raw.text_span.end];
        let rest_trim_start = rest_start + (rest.len() - rest.trim_start().len());
        let rest = rest.trim_start();

        let (style, title_len) = match style {
            Some(style) if heading_level.is_some() => {
                let t = rest.trim_end().trim_end_matches(['.', ':']).trim_end();
                (Some(style), (!t.is_empty()).then_some(t.len()))
            }
            Some(style) => {
                let strong_end = strong_at_start.map(|s| s.end.saturating_sub(rest_trim_start));
                let title = numbering::run_in_title(rest, strong_end).or_else(|| {
                    // "1. Definitions" alone on its line is a title too. (Counting stops after nine
                    // words: a clause's whole body may follow its number.)
                    let words = rest.split_whitespace().take(9).count();
                    (words > 0
                        && words <= 8
                        && !rest.contains(['.', ';', ','])
                        && rest.starts_with(|c: char| c.is_uppercase()))
                    .then_some(rest.trim_end().len())
                });
                (Some(style), title)
            }
            None if raw.kind == BlockKind::Paragraph => {
                let strong_end = strong_at_start.map(|s| s.end.saturating_sub(rest_trim_start));
                match numbering::run_in_title(rest, strong_end) {
                    Some(len) if rest.len() > len + 1 => (Some(NumberStyle::RunIn), Some(len)),
                    _ => (None, None),
                }
            }
            None => (None, None),
        };
        number_lens.push(number.as_ref().map_or(0, |n| n.len));

        let Some(style) = style else {
            let clause = stack.last().map(|c| c.id);
            doc.blocks.push(block_from(raw, clause));
            last_block_end = doc.blocks[bi].span.end;
            continue;
        };

        // Close what the new clause ends.
        pop_for(
            &mut stack,
            style,
            heading_level,
            from_list,
            doc,
            last_block_end,
        );
        let parent = stack.last().map(|c| c.id);
        let id = doc.clauses.len();
        let title_span = title_len.map(|len| Span::new(rest_trim_start, rest_trim_start + len));
        let title = title_span.map(|s| collapse_ws(&doc.text[s.start..s.end]));
        let keys = clause_keys(number.as_ref(), parent.map(|p| &doc.clauses[p]));
        let letter = number.as_ref().and_then(|n| match &n.label {
            Label::Paren(l) | Label::Letter(l) => Some(l.clone()),
            _ => None,
        });
        doc.clauses.push(Clause {
            id,
            number: number.as_ref().map(|n| n.written.clone()),
            keys,
            title,
            title_span,
            style,
            is_heading: heading_level.is_some(),
            // Markdown can place a nested item's marker before its parent's first text byte or the
            // end of the previous block; a clause never starts before its parent or its sibling.
            span: {
                let start = parent
                    .map_or(raw.span.start, |p| {
                        raw.span.start.max(doc.clauses[p].span.start)
                    })
                    .max(last_block_end.min(raw.text_span.start));
                Span::new(start, raw.span.end.max(start))
            },
            head_block: bi,
            depth: stack.len(),
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            doc.clauses[p].children.push(id);
        }
        stack.push(OpenClause {
            id,
            style,
            heading_level,
            last_letter: letter,
            from_list,
        });
        doc.blocks.push(block_from(raw, Some(id)));
        last_block_end = doc.blocks[bi].span.end;
    }
    while let Some(open) = stack.pop() {
        close_clause(doc, open.id, last_block_end);
    }
    numbers.finish(&doc.text);
    Ok(number_lens)
}

/// The bold span that opens text starting at `start` (within `slack` bytes) and ends by `end`.
/// `spans` are in document order, so a binary search finds the candidates.
pub(crate) fn strong_opening(
    spans: &[Span],
    start: usize,
    end: usize,
    slack: usize,
) -> Option<Span> {
    let upto = spans.partition_point(|s| s.start <= start + slack);
    spans[..upto]
        .iter()
        .rev()
        .take(4)
        .find(|s| s.end > start && s.end <= end)
        .copied()
}

fn block_from(raw: RawBlock, clause: Option<ClauseId>) -> Block {
    Block {
        kind: raw.kind,
        span: raw.span,
        text_span: raw.text_span,
        clause,
        first_sentence: 0,
        sentence_count: 0,
        heading_level: raw.heading_level,
    }
}

fn close_clause(doc: &mut Document, id: ClauseId, end: usize) {
    let clause = &mut doc.clauses[id];
    clause.span.end = clause.span.end.max(end);
}

pub(crate) fn style_for(label: &Label, stack: &[OpenClause]) -> NumberStyle {
    match label {
        Label::Decimal(parts) => NumberStyle::Decimal(parts.len().min(9) as u8),
        Label::Article(_) => NumberStyle::Article,
        Label::Attachment(..) => NumberStyle::Attachment,
        Label::Paren(l) | Label::Letter(l) => {
            let paren = matches!(label, Label::Paren(_));
            let lower = l.chars().all(|c| c.is_ascii_lowercase());
            let alpha_style = match (paren, lower) {
                (true, true) => NumberStyle::ParenLower,
                (true, false) => NumberStyle::ParenUpper,
                (false, true) => NumberStyle::AlphaLower,
                (false, false) => NumberStyle::AlphaUpper,
            };
            let roman_style = if paren {
                NumberStyle::ParenRoman
            } else {
                NumberStyle::Roman
            };
            let open_alpha_last = stack
                .iter()
                .rev()
                .find(|c| c.style == alpha_style)
                .and_then(|c| c.last_letter.as_deref());
            let open_roman = stack.iter().any(|c| c.style == roman_style);
            numbering::letter_style(l, paren, open_alpha_last, open_roman)
        }
    }
}

/// Pops the clauses a new clause of `style` closes: a heading closes everything up to a heading of a
/// higher level; a numbered clause closes back to its sibling of the same style, or to a shallower
/// decimal level.
fn pop_for(
    stack: &mut Vec<OpenClause>,
    style: NumberStyle,
    heading_level: Option<u8>,
    from_list: bool,
    doc: &mut Document,
    end: usize,
) {
    let keep = |stack: &[OpenClause]| -> usize {
        if let (Some(level), NumberStyle::Heading(_)) = (heading_level, style) {
            return stack
                .iter()
                .rposition(|c| c.heading_level.is_some_and(|l| l < level))
                .map_or(0, |i| i + 1);
        }
        if let Some(i) = stack.iter().rposition(|c| c.style == style) {
            return i;
        }
        if let NumberStyle::Decimal(d) = style {
            if let Some(i) = stack
                .iter()
                .rposition(|c| matches!(c.style, NumberStyle::Decimal(k) if k < d))
            {
                return i + 1;
            }
        }
        if let Some(level) = heading_level {
            // A numbered heading also closes headings at its level or below.
            if let Some(i) = stack
                .iter()
                .position(|c| c.heading_level.is_some_and(|l| l >= level))
            {
                return i;
            }
        }
        stack.len()
    };
    let mut keep = keep(stack);
    if from_list {
        // Markdown numbers every list from 1: an item's "1." is no sibling of a heading "1.".
        let below_headings = stack
            .iter()
            .rposition(|c| c.heading_level.is_some())
            .map_or(0, |i| i + 1);
        keep = keep.max(below_headings);
    }
    while stack.len() > keep {
        let open = stack.pop().expect("len checked");
        close_clause(doc, open.id, end);
    }
}

pub(crate) fn clause_keys(number: Option<&LeadingNumber>, parent: Option<&Clause>) -> Vec<String> {
    let Some(number) = number else {
        return Vec::new();
    };
    match &number.label {
        Label::Decimal(parts) => {
            use std::fmt::Write as _;
            let mut key = String::with_capacity(parts.len() * 3);
            for (i, part) in parts.iter().enumerate() {
                let separator = if i > 0 { "." } else { "" };
                // Writing to a String cannot fail.
                let _ = write!(key, "{separator}{part}");
            }
            vec![key]
        }
        Label::Article(a) => {
            let mut keys = vec![a.clone()];
            if let Some(v) = numbering::roman_value(a) {
                keys.push(v.to_string());
            }
            keys
        }
        Label::Attachment(word, id) => vec![format!("{word} {}", id.to_lowercase())],
        Label::Paren(l) | Label::Letter(l) => {
            let own = format!("({l})");
            let mut keys = vec![own.clone()];
            if let Some(parent_key) =
                parent.and_then(|p| p.keys.iter().find(|k| !k.starts_with('(')))
            {
                keys.push(format!("{parent_key}{own}"));
            }
            keys
        }
    }
}

/// `s` with every run of whitespace made one space, and none at either end.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut collapsed = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

fn split_sentences(
    doc: &mut Document,
    number_lens: &[usize],
    deadline: &Deadline,
) -> Result<(), LimitExceeded> {
    let mut sentences = Vec::new();
    let mut spans = Vec::new();
    for (bi, block) in doc.blocks.iter_mut().enumerate() {
        deadline.check()?;
        block.first_sentence = sentences.len();
        spans.clear();
        sentences::split_into(
            &doc.text,
            block.text_span,
            number_lens.get(bi).copied().unwrap_or(0),
            &mut spans,
        );
        block.sentence_count = spans.len();
        sentences.extend(spans.iter().map(|&span| Sentence {
            span,
            block: bi,
            clause: block.clause,
        }));
    }
    doc.sentences = sentences;
    Ok(())
}
