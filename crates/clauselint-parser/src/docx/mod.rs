//! Word (`.docx`) → [`Document`]: reads the package with `zip` and its XML parts with `quick-xml`
//! into the same model as Markdown, text and PDF, so every rule works on it unchanged.
//!
//! The analysis text is the document as a reader sees it in Word: one paragraph per line, blank
//! lines between them, and each automatic number Word computes from `numbering.xml` written in
//! front of its paragraph (`10.4 Customer Content …`), so clause numbers and cross-references
//! resolve to what the lawyer sees. Tracked changes are read in one [`RevisionView`] (all accepted
//! by default, or the original); [`Document::revisions`] records each change with its author and
//! date and, when the view shows its text, where it is. Headers and footers stay out of the text
//! ([`Document::headers_footers`]); footnotes and endnotes follow the body as `[1] …` paragraphs;
//! comments are listed in [`Document::comments`] and never analysed. [`Document::paragraphs`] maps
//! the text back to Word's paragraphs.
//!
//! Takes bytes, never files. Untrusted input is bounded by [`DocxLimits`] and any panic is caught:
//! every input yields a `Document` or a [`DocxError`] whose message says what is wrong.

mod body;
mod comments;
mod numbering;
mod package;
mod styles;
mod xml;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::model::{
    BlockKind, DiagnosticLevel, Document, Format, HeaderFooter, HeaderFooterKind, Paragraph,
    ParseDiagnostic, Revision, Span, WordPart,
};
use crate::RawBlock;
use body::{RawParagraph, Walker};
use numbering::{Numbering, Rendered};
use package::{Package, DOCUMENT_PART};
use styles::Styles;
use xml::Element;

/// Which text of a document with tracked changes to analyse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RevisionView {
    /// As it reads with every change accepted (what the redline proposes).
    #[default]
    Accepted,
    /// As it read before the changes (every change rejected).
    Original,
}

/// Explicit bounds on the work a Word file may cause. Exceeding one is an error.
#[derive(Clone, Debug)]
pub struct DocxLimits {
    pub max_input_bytes: usize,
    /// Entries in the zip.
    pub max_parts: usize,
    /// Uncompressed size of any one part.
    pub max_part_bytes: u64,
    /// Uncompressed size of all parts read.
    pub max_total_bytes: u64,
    /// Largest uncompressed/compressed ratio allowed for a part bigger than `ratio_check_above`
    /// (text XML compresses 5–20:1; bombs 1000:1 and more).
    pub max_ratio: u64,
    pub ratio_check_above: u64,
    pub max_xml_depth: usize,
    /// Elements in one part.
    pub max_xml_elements: usize,
}

impl Default for DocxLimits {
    fn default() -> Self {
        DocxLimits {
            max_input_bytes: 256 << 20,
            max_parts: 10_000,
            max_part_bytes: 128 << 20,
            max_total_bytes: 256 << 20,
            max_ratio: 200,
            ratio_check_above: 1 << 20,
            max_xml_depth: 256,
            max_xml_elements: 5_000_000,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct DocxOptions {
    pub limits: DocxLimits,
    pub view: RevisionView,
}

/// Why a Word file could not be read. `Display` gives the reason as one line, without the file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip at all.
    NotZip,
    /// An OLE compound file holding an `EncryptedPackage`.
    Encrypted,
    /// An OLE compound file without one: a Word 97–2003 `.doc`.
    LegacyDoc,
    CorruptZip(String),
    /// A zip, but not a Word document.
    NoDocumentPart,
    /// Carries a VBA project (`word/vbaProject.bin`).
    MacroEnabled,
    /// A `<!DOCTYPE>` in a part.
    Doctype {
        part: String,
    },
    MalformedXml {
        part: String,
        reason: String,
    },
    LimitExceeded {
        what: &'static str,
        limit: String,
    },
    /// A bug: the reader panicked (caught).
    Internal,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => write!(
                f,
                "not a Word .docx file (a .docx is a zip package and this file is not one)"
            ),
            DocxError::Encrypted => write!(
                f,
                "encrypted/password-protected Word file; open it in Word, remove the password (File › Info › Protect Document) and save a copy to check"
            ),
            DocxError::LegacyDoc => write!(
                f,
                "a Word 97–2003 .doc file, not .docx; save it as .docx (Word Document) and check that"
            ),
            DocxError::CorruptZip(why) => {
                write!(f, "the Word file is truncated or corrupt ({why})")
            }
            DocxError::NoDocumentPart => write!(
                f,
                "a zip file but not a Word document (it has no word/document.xml)"
            ),
            DocxError::MacroEnabled => write!(
                f,
                "macro-enabled Word file (contains word/vbaProject.bin); clauselint does not read files that carry macros — save a copy as a plain .docx (Word Document) and check that"
            ),
            DocxError::Doctype { part } => write!(
                f,
                "{part} declares a DTD (<!DOCTYPE>), which Word never writes and XML entity bombs rely on; refusing to read it"
            ),
            DocxError::MalformedXml { part, reason } => {
                write!(f, "{part} is not well-formed XML ({reason})")
            }
            DocxError::LimitExceeded { what, limit } => write!(
                f,
                "the Word file exceeds the {what} limit ({limit}); refusing to read it further"
            ),
            DocxError::Internal => write!(
                f,
                "internal error while reading the Word file (please report it with the file)"
            ),
        }
    }
}

impl std::error::Error for DocxError {}

/// Whether bytes may be a Word package or an encrypted Word file (zip or OLE signature).
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads a Word file into a [`Document`]. Never panics.
pub fn parse_docx(bytes: &[u8], options: &DocxOptions) -> Result<Document, DocxError> {
    catch_unwind(AssertUnwindSafe(|| read(bytes, options))).unwrap_or(Err(DocxError::Internal))
}

/// Reads an optional part: absent is fine, and so is (with a warning) one that is not XML; a DTD or
/// a limit is still an error.
fn optional_part(
    package: &mut Package<'_>,
    name: &str,
    limits: &DocxLimits,
    diagnostics: &mut Vec<ParseDiagnostic>,
) -> Result<Option<Element>, DocxError> {
    let Some(bytes) = package.read(name)? else {
        return Ok(None);
    };
    match xml::parse(&bytes, name, limits) {
        Ok(root) => Ok(Some(root)),
        Err(e @ DocxError::MalformedXml { .. }) => {
            diagnostics.push(ParseDiagnostic {
                level: DiagnosticLevel::Warning,
                message: format!("{e}; read without it"),
                span: None,
                page: None,
            });
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn read(bytes: &[u8], options: &DocxOptions) -> Result<Document, DocxError> {
    let limits = &options.limits;
    let mut package = Package::open(bytes, limits)?;
    let mut diagnostics = Vec::new();
    let document_xml = package
        .read(DOCUMENT_PART)?
        .ok_or(DocxError::NoDocumentPart)?;
    let document = xml::parse(&document_xml, DOCUMENT_PART, limits)?;
    drop(document_xml);
    let styles = optional_part(&mut package, "word/styles.xml", limits, &mut diagnostics)?
        .map(|root| Styles::parse(&root))
        .unwrap_or_default();
    let mut numbering =
        optional_part(&mut package, "word/numbering.xml", limits, &mut diagnostics)?
            .map(|root| Numbering::parse(&root, styles.numbering_styles.clone()))
            .unwrap_or_default();

    let mut body = Walker::new(options.view);
    if let Some(b) = document.child("body") {
        body.blocks(b, false);
    }
    let mut stories: Vec<Vec<RawParagraph>> = vec![std::mem::take(&mut body.paragraphs)];
    let mut labels: Vec<Option<String>> = vec![None];
    let mut parts = vec![WordPart::Body];

    // Notes in the order the text refers to them, numbered as Word numbers them by default.
    for (part, file) in [
        (WordPart::Footnote, "word/footnotes.xml"),
        (WordPart::Endnote, "word/endnotes.xml"),
    ] {
        let ids: Vec<&String> = {
            let mut seen = HashSet::new();
            body.note_refs
                .iter()
                .filter(|(p, _)| *p == part)
                .map(|(_, id)| id)
                .filter(|id| seen.insert(id.as_str()))
                .collect()
        };
        if ids.is_empty() {
            continue;
        }
        let Some(root) = optional_part(&mut package, file, limits, &mut diagnostics)? else {
            continue;
        };
        let notes: HashMap<&str, &Element> = root
            .elements()
            .filter(|n| n.name == "footnote" || n.name == "endnote")
            .filter_map(|n| Some((n.attr("id")?, n)))
            .collect();
        for (n, id) in ids.iter().enumerate() {
            let Some(note) = notes.get(id.as_str()) else {
                continue;
            };
            let mut walker = Walker::new(options.view);
            walker.blocks(note, false);
            stories.push(walker.paragraphs);
            labels.push(Some(match part {
                WordPart::Endnote => {
                    format!("[{}]", numbering::format_number(n as i64 + 1, "lowerRoman"))
                }
                _ => format!("[{}]", n + 1),
            }));
            parts.push(part);
        }
    }

    let mut out = Assembler::default();
    for ((story, label), part) in stories.into_iter().zip(labels).zip(parts) {
        out.story(story, label, part, &styles, &mut numbering);
    }

    let mut headers_footers = Vec::new();
    for (kind, prefix) in [
        (HeaderFooterKind::Header, "word/header"),
        (HeaderFooterKind::Footer, "word/footer"),
    ] {
        for name in package.parts_starting(prefix) {
            let Some(root) = optional_part(&mut package, &name, limits, &mut diagnostics)? else {
                continue;
            };
            let mut walker = Walker::new(options.view);
            walker.blocks(&root, false);
            let text = walker
                .paragraphs
                .iter()
                .map(|p| p.text.trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            if !text.is_empty() {
                headers_footers.push(HeaderFooter {
                    kind,
                    part: name,
                    text,
                });
            }
        }
    }

    let comments = match optional_part(&mut package, "word/comments.xml", limits, &mut diagnostics)?
    {
        Some(root) => comments::read(&root, &out.comment_spans),
        None => Vec::new(),
    };

    let Assembler {
        text,
        blocks,
        strong,
        paragraphs,
        revisions,
        ..
    } = out;
    // Word's own limits bound the package; the caller checks nesting and time on the result.
    let mut doc = crate::unlimited(crate::build(
        text.clone(),
        text,
        Format::Docx,
        blocks,
        strong,
        diagnostics,
        &crate::Deadline::never(),
        &mut crate::PhaseHook::none(),
    ));
    doc.paragraphs = paragraphs;
    doc.revisions = revisions;
    doc.comments = comments;
    doc.headers_footers = headers_footers;
    Ok(doc)
}

/// Lays paragraphs out into the analysis text, numbering them as it goes.
#[derive(Default)]
struct Assembler {
    text: String,
    blocks: Vec<RawBlock>,
    strong: Vec<Span>,
    paragraphs: Vec<Paragraph>,
    revisions: Vec<Revision>,
    comment_spans: HashMap<String, Span>,
    open_comments: HashMap<String, usize>,
}

impl Assembler {
    fn story(
        &mut self,
        story: Vec<RawParagraph>,
        mut label: Option<String>,
        part: WordPart,
        styles: &Styles,
        numbering: &mut Numbering,
    ) {
        let mut carried: Option<RawParagraph> = None;
        for para in story {
            let para = match carried.take() {
                Some(before) => before.merge_into(para),
                None => para,
            };
            if para.runs_on {
                carried = Some(para);
                continue;
            }
            self.paragraph(para, label.take(), part, styles, numbering);
        }
        if let Some(last) = carried {
            self.paragraph(last, label.take(), part, styles, numbering);
        }
    }

    fn paragraph(
        &mut self,
        para: RawParagraph,
        note_label: Option<String>,
        part: WordPart,
        styles: &Styles,
        numbering: &mut Numbering,
    ) {
        let style = para.style.as_deref();
        let numbered = para.num.clone().or_else(|| {
            let (num_id, ilvl) = styles.numbering(style)?;
            let ilvl = ilvl
                .or_else(|| style.and_then(|s| numbering.level_for_style(&num_id, s)))
                .unwrap_or(0);
            Some((num_id, Some(ilvl)))
        });
        // Word shows (and counts) the number of an empty numbered paragraph too.
        let number = numbered.and_then(|(num_id, ilvl)| numbering.next(&num_id, ilvl.unwrap_or(0)));
        let heading_level = para
            .outline_level
            .map(|l| l.saturating_add(1))
            .filter(|&l| l <= 9)
            .or_else(|| styles.heading_level(style));

        let lead = para.text.len() - para.text.trim_start().len();
        let content = para.text.trim();
        if content.is_empty() {
            self.place_comments(&para, None);
            self.hidden_revisions(&para, part);
            return;
        }
        let start = self.text.len();
        let label = match (&number, note_label) {
            (_, Some(note)) => Some(note),
            (Some(Rendered::Label(l)), None) => Some(l.clone()),
            _ => None,
        };
        if let Some(l) = &label {
            self.text.push_str(l);
            self.text.push(' ');
        }
        let content_start = self.text.len();
        self.text.push_str(content);
        let end = self.text.len();
        // Offsets in the paragraph's own text → offsets in the analysis text.
        let map = |at: usize| -> usize {
            (content_start + at.saturating_sub(lead)).clamp(content_start, end)
        };
        for r in &para.bold {
            let s = Span::new(map(r.start), map(r.end));
            if !s.is_empty() {
                self.strong.push(s);
            }
        }
        for c in &para.changes {
            self.revisions.push(Revision {
                kind: c.change.kind,
                author: c.change.author.clone(),
                date: c.change.date.clone(),
                text: match &c.range {
                    Some(r) => para.text[r.clone()].to_string(),
                    None => c.hidden_text.clone(),
                },
                span: c
                    .range
                    .as_ref()
                    .map(|r| Span::new(map(r.start), map(r.end)))
                    .filter(|s| !s.is_empty()),
                paragraph: para.index,
                part,
            });
        }
        self.place_comments(&para, Some(&map));
        let span = Span::new(start, end);
        self.blocks.push(RawBlock {
            kind: if heading_level.is_some() {
                BlockKind::Heading
            } else if para.in_table {
                BlockKind::TableCell
            } else {
                BlockKind::Paragraph
            },
            span,
            text_span: span,
            heading_level: heading_level.unwrap_or(0),
            list_number: None,
            list_depth: 0,
        });
        self.paragraphs.push(Paragraph {
            index: para.index,
            part,
            span,
            number: match number {
                Some(Rendered::Label(l)) => Some(l),
                _ => None,
            },
            style: para.style.clone(),
        });
        self.text.push_str("\n\n");
    }

    fn hidden_revisions(&mut self, para: &RawParagraph, part: WordPart) {
        for c in &para.changes {
            self.revisions.push(Revision {
                kind: c.change.kind,
                author: c.change.author.clone(),
                date: c.change.date.clone(),
                text: match &c.range {
                    Some(r) => para.text[r.clone()].to_string(),
                    None => c.hidden_text.clone(),
                },
                span: None,
                paragraph: para.index,
                part,
            });
        }
    }

    fn place_comments(&mut self, para: &RawParagraph, map: Option<&dyn Fn(usize) -> usize>) {
        let here = self.text.len();
        for (id, at, is_start) in &para.comment_marks {
            let offset = map.map_or(here, |m| m(*at));
            if *is_start {
                self.open_comments.insert(id.clone(), offset);
            } else if let Some(start) = self.open_comments.remove(id) {
                self.comment_spans
                    .insert(id.clone(), Span::new(start, offset.max(start)));
            }
        }
    }
}
