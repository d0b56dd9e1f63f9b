//! The document model every other layer reads.

use serde::Serialize;

use crate::line_index::LineIndex;

/// A half-open byte range into [`Document::source`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Text,
    Pdf,
    /// Word (`.docx`): `source` is the text as Word shows it, automatic numbers included.
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

pub type ClauseId = usize;

/// How a clause is numbered; decides nesting (a style already open is a sibling, a new one a child).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "style", content = "level")]
pub enum NumberStyle {
    /// A heading without a number; the level is the Markdown heading level (ALL-CAPS lines: 1).
    Heading(u8),
    /// `Article IV`, `ARTICLE 2`.
    Article,
    /// `1.`, `1.2`, `Section 5`, `§ 5.1`; the level is the number of dotted components.
    Decimal(u8),
    /// `(a)`
    ParenLower,
    /// `(A)`
    ParenUpper,
    /// `(iv)`
    ParenRoman,
    /// `(1)`
    ParenDigit,
    /// `a.` / `a)`
    AlphaLower,
    /// `A.` / `A)`
    AlphaUpper,
    /// `iv.` / `IV.`
    Roman,
    /// An unnumbered paragraph that opens with a run-in title (`Customer Content. You retain…`).
    RunIn,
    /// `Exhibit A`, `Schedule 1`, `Annex 2`, `Appendix B`.
    Attachment,
}

#[derive(Clone, Debug, Serialize)]
pub struct Clause {
    pub id: ClauseId,
    /// The number exactly as written, without trailing punctuation (`10.4`, `(a)`, `Section 5`).
    pub number: Option<String>,
    /// The canonical key cross-references resolve against (`10.4`, `2(b)`, `IV`, `exhibit a`).
    pub keys: Vec<String>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub style: NumberStyle,
    pub is_heading: bool,
    /// From the clause's first byte to the end of its last descendant.
    pub span: Span,
    /// The block that opens the clause.
    pub head_block: usize,
    pub depth: usize,
    pub parent: Option<ClauseId>,
    pub children: Vec<ClauseId>,
}

impl Clause {
    /// "10.4 Customer Content", "(a)", "Privacy": what a reader uses to find the clause.
    pub fn label(&self) -> Option<String> {
        match (&self.number, &self.title) {
            (Some(n), Some(t)) => Some(format!("{n} {t}")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// A paragraph-level unit of text: a heading, paragraph, list item or table cell.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block including Markdown markup.
    pub span: Span,
    /// The readable text of the block (markup excluded at both ends).
    pub text_span: Span,
    /// The innermost clause this block belongs to.
    pub clause: Option<ClauseId>,
    pub first_sentence: usize,
    pub sentence_count: usize,
    /// Markdown heading level, 0 otherwise.
    pub heading_level: u8,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
    pub clause: Option<ClauseId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefinitionStyle {
    /// `"Customer Content" means …`
    Means,
    /// `… (the "Services")`, `(collectively, "Data")`
    Parenthetical,
    /// A bold or quoted term opening an entry of a Definitions section.
    DefinitionsSection,
}

#[derive(Clone, Debug, Serialize)]
pub struct Definition {
    pub term: String,
    pub term_span: Span,
    pub definition_span: Span,
    pub style: DefinitionStyle,
    pub sentence: Option<usize>,
}

impl Definition {
    /// Pronouns and lower-case labels (`"we"`, `"you"`) are definitions but not capitalised terms.
    pub fn is_capitalised(&self) -> bool {
        self.term.chars().next().is_some_and(char::is_uppercase)
    }
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct TermUse {
    pub definition: usize,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrossRefKind {
    Section,
    Article,
    Clause,
    Paragraph,
    Attachment,
}

#[derive(Clone, Debug, Serialize)]
pub struct CrossRefTarget {
    /// The canonical key (`10.4`, `2(b)`, `exhibit a`).
    pub key: String,
    pub span: Span,
    pub resolved: Option<ClauseId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CrossRef {
    pub kind: CrossRefKind,
    pub span: Span,
    pub targets: Vec<CrossRefTarget>,
    /// Refers into another instrument ("Section 230 of the Communications Decency Act").
    pub external: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    Warning,
    Error,
}

/// Something the parser could not read, reported rather than panicking.
#[derive(Clone, Debug, Serialize)]
pub struct ParseDiagnostic {
    pub level: DiagnosticLevel,
    pub message: String,
    pub span: Option<Span>,
    pub page: Option<usize>,
}

/// Which part of a Word file a paragraph comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordPart {
    Body,
    Footnote,
    Endnote,
}

/// A Word paragraph as it appears in the analysis text (Word files only).
#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    /// 1-based position among the `w:p` elements of its part, counting empty paragraphs and those in
    /// tables, as the file stores them (tracked changes do not renumber it).
    pub index: usize,
    pub part: WordPart,
    /// The paragraph's text, automatic number included, in [`Document::source`].
    pub span: Span,
    /// The automatic number Word displays (`10.4`, `(a)`), as rendered from `numbering.xml`.
    pub number: Option<String>,
    /// The paragraph style's id (`Heading1`), if any.
    pub style: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionKind {
    Insertion,
    Deletion,
    MoveFrom,
    MoveTo,
}

impl RevisionKind {
    /// Whether the change adds text (an insertion or the destination of a move).
    pub fn adds_text(self) -> bool {
        matches!(self, RevisionKind::Insertion | RevisionKind::MoveTo)
    }
}

/// A tracked change in a Word file.
#[derive(Clone, Debug, Serialize)]
pub struct Revision {
    pub kind: RevisionKind,
    pub author: Option<String>,
    /// As stored (`2026-10-02T09:30:00Z`).
    pub date: Option<String>,
    pub text: String,
    /// Where the changed text is in [`Document::source`]; `None` when the view leaves it out
    /// (a deletion once changes are accepted, an insertion in the original).
    pub span: Option<Span>,
    /// Index of the Word paragraph it is in (see [`Paragraph::index`]).
    pub paragraph: usize,
    pub part: WordPart,
}

impl Revision {
    /// "Jane Roe (Acme Legal) on 2026-10-02": who made the change and when, for messages.
    pub fn attribution(&self) -> String {
        let who = self.author.as_deref().unwrap_or("an unknown author");
        match self.date.as_deref().and_then(|d| d.get(..10)) {
            Some(day) => format!("{who} on {day}"),
            None => who.to_string(),
        }
    }
}

/// A reviewer's comment in a Word file: never analysed, listed for the reader.
#[derive(Clone, Debug, Serialize)]
pub struct Comment {
    pub id: String,
    pub author: Option<String>,
    pub date: Option<String>,
    pub text: String,
    /// The commented text in [`Document::source`], when its range survives the view.
    pub span: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderFooterKind {
    Header,
    Footer,
}

/// A Word header or footer, kept out of the analysed text.
#[derive(Clone, Debug, Serialize)]
pub struct HeaderFooter {
    pub kind: HeaderFooterKind,
    /// The package part it comes from (`word/header1.xml`).
    pub part: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub format: Format,
    /// The text exactly as read (for PDF: the extracted text). Every span indexes into it.
    pub source: String,
    /// `source` with Markdown markup blanked to spaces: same length, same char boundaries, so
    /// matching on it yields spans valid in `source`.
    pub text: String,
    pub blocks: Vec<Block>,
    pub clauses: Vec<Clause>,
    pub sentences: Vec<Sentence>,
    pub definitions: Vec<Definition>,
    pub term_uses: Vec<TermUse>,
    pub cross_refs: Vec<CrossRef>,
    /// Bold spans from Markdown (`**Term**`), used to find definitions.
    pub strong_spans: Vec<Span>,
    pub diagnostics: Vec<ParseDiagnostic>,
    pub lines: LineIndex,
    /// Byte offset where each page starts (PDF only; empty otherwise).
    pub page_starts: Vec<usize>,
    /// Word paragraphs in source order (Word only; empty otherwise).
    pub paragraphs: Vec<Paragraph>,
    /// Tracked changes (Word only).
    pub revisions: Vec<Revision>,
    /// Reviewers' comments (Word only).
    pub comments: Vec<Comment>,
    /// Headers and footers (Word only), not part of `source`.
    pub headers_footers: Vec<HeaderFooter>,
}

impl Document {
    pub fn roots(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.parent.is_none())
    }

    pub fn slice(&self, span: Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }

    /// The markup-free text of a span.
    pub fn plain(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        self.plain(self.sentences[index].span)
    }

    /// 1-based page of a byte offset, for PDF documents.
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        if self.page_starts.is_empty() {
            return None;
        }
        Some(
            self.page_starts
                .partition_point(|&start| start <= offset)
                .max(1),
        )
    }

    /// The Word paragraph containing a byte offset (Word documents only).
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        let i = self
            .paragraphs
            .partition_point(|p| p.span.start <= offset)
            .checked_sub(1)?;
        let p = &self.paragraphs[i];
        (offset <= p.span.end).then_some(p)
    }

    /// The first visible tracked change overlapping a span: an insertion when changes are accepted,
    /// a deletion the redline proposes when reading the original.
    pub fn revision_overlapping(&self, span: Span) -> Option<&Revision> {
        self.revisions
            .iter()
            .find(|r| r.span.is_some_and(|s| s.overlaps(span)))
    }

    /// The innermost clause containing a byte offset.
    pub fn clause_at(&self, offset: usize) -> Option<ClauseId> {
        let block = self
            .blocks
            .partition_point(|b| b.span.start <= offset)
            .checked_sub(1)?;
        self.blocks[block].clause
    }

    /// The sentence containing a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        (self.sentences[i].span.end > offset).then_some(i)
    }

    /// Ancestors from the clause itself outward.
    pub fn clause_path(&self, id: ClauseId) -> Vec<ClauseId> {
        let mut path = vec![id];
        let mut cur = self.clauses[id].parent;
        while let Some(p) = cur {
            path.push(p);
            cur = self.clauses[p].parent;
        }
        path
    }

    /// The label of the nearest clause (or ancestor) that has a number or title.
    pub fn clause_label(&self, id: ClauseId) -> Option<String> {
        self.clause_path(id)
            .into_iter()
            .find_map(|c| self.clauses[c].label())
    }

    pub fn definition_of(&self, term: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.term == term)
    }
}
