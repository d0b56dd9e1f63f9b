//! PDF → [`Document`]: reads a PDF's text layer with lopdf into the same model as Markdown and
//! plain text, so every rule works on it unchanged.
//!
//! The text is rebuilt from where each character lands, not from the order or spacing a producer
//! happened to use: words come from gaps (justified text gives single spaces), lines from
//! baselines, columns from a recursive XY cut, paragraphs from line geometry (a short line, a wider
//! gap, an indent, a clause number), and line-end hyphenation is undone where the document's own
//! vocabulary shows the hyphen was a line break (`termi-`/`nation`) and kept where it was a real
//! one (`third-party`). Running headers, footers and page numbers (lines in the top or bottom band
//! repeated across pages, `Page 3 of 12`, `CONFIDENTIAL`, tagged-PDF artifacts) are removed. Pages
//! are separated by a form feed and [`Document::page_starts`] records where each begins.
//!
//! Takes bytes, never files. Untrusted input is bounded by [`PdfLimits`] (input size, decompressed
//! size per stream and in total, object count, pages, content operations, characters, form
//! nesting, time) and any panic inside lopdf is caught: every input yields a `Document` or a
//! [`PdfError`] whose message says what is wrong.

mod assemble;
mod font;
mod interp;
mod layout;
mod lexer;
mod loader;
mod similarity;
mod tables;

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use lopdf::Object;

use crate::model::{DiagnosticLevel, Document, ParseDiagnostic};

pub use similarity::{fold_words, strip_lines, word_similarity, Similarity};

/// Explicit bounds on the work a PDF may cause. Exceeding one is an error, never a partial read.
#[derive(Clone, Debug)]
pub struct PdfLimits {
    pub max_input_bytes: usize,
    /// Decoded size of any one stream (guards against decompression bombs).
    pub max_stream_bytes: usize,
    /// Decoded size of all streams read together.
    pub max_total_decoded_bytes: usize,
    pub max_objects: usize,
    pub max_pages: usize,
    /// Content stream operators executed, over all pages and forms.
    pub max_operations: usize,
    /// Characters placed, over all pages.
    pub max_glyphs: usize,
    /// Form XObjects drawn inside form XObjects.
    pub max_nesting: usize,
    /// Wall-clock time for loading and reading.
    pub max_time: Duration,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_input_bytes: 256 << 20,
            max_stream_bytes: 64 << 20,
            max_total_decoded_bytes: 512 << 20,
            max_objects: 2_000_000,
            max_pages: 20_000,
            max_operations: 50_000_000,
            max_glyphs: 5_000_000,
            max_nesting: 12,
            max_time: Duration::from_secs(30),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    pub limits: PdfLimits,
    /// Keep running headers, footers and page numbers (for measuring extraction itself).
    pub keep_furniture: bool,
}

/// Why a PDF could not be read. `Display` gives the reason as one line, without the file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// No `%PDF-` header.
    NotPdf,
    /// Truncated or corrupt beyond what lopdf recovers.
    Corrupt(String),
    /// Encrypted with a password we do not have.
    Encrypted,
    NoPages,
    /// Pages but no text layer.
    NoText {
        pages: usize,
        images: usize,
        /// Characters drawn in fonts that give no Unicode mapping.
        unmapped: usize,
    },
    LimitExceeded {
        what: &'static str,
        limit: String,
    },
    /// A bug: the reader panicked (caught).
    Internal,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => write!(f, "not a PDF file (no %PDF- header)"),
            PdfError::Corrupt(why) => write!(f, "the PDF is truncated or corrupt ({why})"),
            PdfError::Encrypted => write!(
                f,
                "the PDF is encrypted and needs a password; save a decrypted copy and check that"
            ),
            PdfError::NoPages => write!(f, "the PDF has zero pages"),
            PdfError::NoText {
                unmapped, pages, ..
            } if *unmapped > 0 => write!(
                f,
                "no text found: the {pages}-page PDF draws its text in fonts without a Unicode mapping, so OCR is needed to read it"
            ),
            PdfError::NoText { pages, images, .. } if *images > 0 => write!(
                f,
                "no text found: the {pages}-page PDF is a scanned image with no text layer; OCR is needed (e.g. `ocrmypdf`) before it can be checked"
            ),
            PdfError::NoText { pages, .. } => write!(
                f,
                "no text found in the {pages}-page PDF (no text layer; if it is a scan, OCR is needed)"
            ),
            PdfError::LimitExceeded { what, limit } => write!(
                f,
                "the PDF exceeds the {what} limit ({limit}); refusing to read it further"
            ),
            PdfError::Internal => write!(
                f,
                "internal error while reading the PDF (please report it with the file)"
            ),
        }
    }
}

impl std::error::Error for PdfError {}

impl PdfError {
    /// The document-wide [`crate::Limit`] this error is about, when it is one a user can raise.
    pub fn limit(&self) -> Option<crate::Limit> {
        match self {
            PdfError::LimitExceeded { what, .. } => match *what {
                "file size" => Some(crate::Limit::FileSize),
                "decompressed stream size" => Some(crate::Limit::PdfStreamSize),
                "object count" => Some(crate::Limit::PdfObjects),
                "time" => Some(crate::Limit::Time),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Text extracted from a PDF, before parsing.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// Pages separated by a form feed; paragraphs by a blank line, one paragraph per line.
    pub text: String,
    /// Byte offset where each page's text starts.
    pub page_starts: Vec<usize>,
    pub diagnostics: Vec<ParseDiagnostic>,
    pub pages: usize,
    /// The running header, footer and page-number lines removed, in order.
    pub furniture: Vec<String>,
}

/// Whether bytes look like a PDF (a `%PDF-` header within the first KiB).
pub fn is_pdf(bytes: &[u8]) -> bool {
    loader::header_offset(bytes).is_some()
}

/// Reads a PDF into a [`Document`] with the default limits.
pub fn parse_pdf(bytes: &[u8]) -> Result<Document, PdfError> {
    parse_pdf_with(bytes, &PdfOptions::default())
}

pub fn parse_pdf_with(bytes: &[u8], options: &PdfOptions) -> Result<Document, PdfError> {
    let e = extract(bytes, options)?;
    Ok(crate::parse_extracted(e.text, e.page_starts, e.diagnostics))
}

/// Extracts the text the rules see from a PDF. Never panics.
pub fn extract(bytes: &[u8], options: &PdfOptions) -> Result<Extraction, PdfError> {
    catch_unwind(AssertUnwindSafe(|| extract_inner(bytes, options)))
        .unwrap_or(Err(PdfError::Internal))
}

fn page_box(pdf: &loader::Loaded, page: &lopdf::Dictionary) -> [f32; 4] {
    let read = |key: &[u8]| -> Option<[f32; 4]> {
        let arr = pdf.inherited(page, key)?.as_array().ok()?;
        let v: Vec<f32> = arr
            .iter()
            .filter_map(|o| match pdf.resolve(Some(o)) {
                Some(Object::Integer(i)) => Some(*i as f32),
                Some(Object::Real(r)) => Some(*r),
                _ => None,
            })
            .filter(|v| v.is_finite())
            .collect();
        (v.len() == 4).then(|| {
            [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]
        })
    };
    let media = read(b"MediaBox")
        .filter(|b| b[2] - b[0] > 1.0 && b[3] - b[1] > 1.0)
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    match read(b"CropBox") {
        Some(c) if c[2] - c[0] > 1.0 && c[3] - c[1] > 1.0 => [
            media[0].max(c[0]),
            media[1].max(c[1]),
            media[2].min(c[2]).max(media[0].max(c[0]) + 1.0),
            media[3].min(c[3]).max(media[1].max(c[1]) + 1.0),
        ],
        _ => media,
    }
}

fn extract_inner(bytes: &[u8], options: &PdfOptions) -> Result<Extraction, PdfError> {
    let pdf = loader::Loaded::load(bytes, &options.limits)?;
    let page_ids: Vec<lopdf::ObjectId> = pdf
        .doc
        .page_iter()
        .take(options.limits.max_pages.saturating_add(1))
        .collect();
    if page_ids.len() > options.limits.max_pages {
        return Err(PdfError::LimitExceeded {
            what: "page count",
            limit: options.limits.max_pages.to_string(),
        });
    }
    if page_ids.is_empty() {
        // A catalog without a page tree reads as zero pages; so does a file lopdf could not
        // make sense of at all.
        if pdf.doc.objects.is_empty() {
            return Err(PdfError::Corrupt("no objects could be read".to_string()));
        }
        let tree = pdf
            .doc
            .catalog()
            .ok()
            .and_then(|c| pdf.dict(c.get(b"Pages").ok()));
        if tree.is_none() {
            return Err(PdfError::Corrupt(
                "no readable catalog or page tree".to_string(),
            ));
        }
        return Err(PdfError::NoPages);
    }

    let mut interp = interp::Interp::new(&pdf);
    let mut pages = Vec::with_capacity(page_ids.len());
    let empty = lopdf::Dictionary::new();
    for id in &page_ids {
        let page = pdf
            .get(*id)
            .and_then(|o| o.as_dict().ok())
            .unwrap_or(&empty);
        let content = interp.run_page(page)?;
        pdf.check_time()?;
        pages.push(layout::page_lines(&content, page_box(&pdf, page)));
    }

    let total_lines: usize = pages.iter().map(|p| p.lines.len()).sum();
    if total_lines == 0 {
        return Err(PdfError::NoText {
            pages: pages.len(),
            images: pages.iter().map(|p| p.images).sum(),
            unmapped: pages.iter().map(|p| p.unmapped).sum(),
        });
    }
    let mut diagnostics = Vec::new();
    if pdf.doc.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) {
        diagnostics.push(ParseDiagnostic {
            level: DiagnosticLevel::Warning,
            message: "the PDF is damaged or truncated (its cross-reference table had to be \
                      rebuilt); some text may be missing"
                .to_string(),
            span: None,
            page: None,
        });
    }
    for (i, page) in pages.iter().enumerate() {
        if page.lines.is_empty() && (page.images > 0 || page.unmapped > 0) {
            diagnostics.push(ParseDiagnostic {
                level: DiagnosticLevel::Warning,
                message: format!(
                    "page {} has no readable text ({}); OCR is needed to check it",
                    i + 1,
                    if page.unmapped > 0 {
                        "its fonts have no Unicode mapping"
                    } else {
                        "a scanned image"
                    }
                ),
                span: None,
                page: Some(i + 1),
            });
        } else if page.unmapped > 20 {
            diagnostics.push(ParseDiagnostic {
                level: DiagnosticLevel::Warning,
                message: format!(
                    "page {}: {} characters are in fonts without a Unicode mapping and were skipped",
                    i + 1,
                    page.unmapped
                ),
                span: None,
                page: Some(i + 1),
            });
        }
    }

    let furniture = if options.keep_furniture {
        Vec::new()
    } else {
        assemble::mark_furniture(&mut pages)
    };
    let paras: Vec<Vec<assemble::Para>> = pages.iter().map(assemble::paragraphs).collect();
    let (text, page_starts) = assemble::assemble(paras);
    Ok(Extraction {
        text,
        page_starts,
        diagnostics,
        pages: pages.len(),
        furniture,
    })
}
