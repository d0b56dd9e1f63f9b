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
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Pdf => "pdf",
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
