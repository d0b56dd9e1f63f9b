//! Reading a contract file into a `Document`, with errors that name the file and the place.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clauselint_parser::pdf::{self, PdfOptions};
use clauselint_parser::{
    check_clause_depth, format_for_path, parse_docx, parse_extracted_limited, parse_limited,
    Deadline, Document, DocxError, DocxLimits, DocxOptions, Format, Limit, LimitExceeded, Limits,
    PdfError, RevisionView,
};

/// Which text of a Word file with tracked changes every command reads (`--revision`), set once
/// by `main` before any file is loaded.
static REVISION_VIEW: OnceLock<RevisionView> = OnceLock::new();

pub fn set_revision_view(view: RevisionView) {
    let _ = REVISION_VIEW.set(view);
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: line {line}: the file is not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first")]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{path}: this looks like a binary file (it contains NUL bytes at offset {offset}), not a contract in text, Markdown, PDF or Word (.docx)")]
    Binary { path: PathBuf, offset: usize },
    /// A PDF that cannot be read: not a PDF, corrupt, encrypted, no text layer, over a limit.
    #[error("{path}: {reason}{hint}", hint = raise_hint(reason.limit()))]
    Pdf { path: PathBuf, reason: PdfError },
    /// A Word file that cannot be read: not a zip, encrypted, macro-enabled, an XML bomb, ….
    #[error("{path}: {reason}")]
    Docx { path: PathBuf, reason: DocxError },
    #[error("{path}: not a regular file (a folder, a device or a pipe); only files are checked")]
    NotAFile { path: PathBuf },
    /// Over one of the document limits (`--max-…`, `[limits]`).
    #[error("{path}: {exceeded}")]
    Limit {
        path: PathBuf,
        exceeded: LimitExceeded,
    },
}

impl InputError {
    pub fn limit(path: &Path, exceeded: LimitExceeded) -> InputError {
        InputError::Limit {
            path: path.to_path_buf(),
            exceeded,
        }
    }
}

/// How to raise a limit a PDF exceeded, when it is one of the document limits.
fn raise_hint(limit: Option<Limit>) -> String {
    limit.map_or_else(String::new, |l| {
        format!(
            ". To raise the limit, pass {} or set `{}` under [limits] in clauselint.toml",
            l.flag(),
            l.config_key()
        )
    })
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
}

/// The file's bytes, refusing anything but a regular file and anything over the size limit, and
/// never reading more than the limit (the file may grow between the size check and the read).
fn read_bounded(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size: u64| {
        InputError::limit(
            path,
            LimitExceeded {
                limit: Limit::FileSize,
                found: megabytes(size),
                allowed: megabytes(max_bytes),
            },
        )
    };
    // Checked before opening: opening a named pipe would wait for a writer.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decode bytes as UTF-8 text, naming the line of the first invalid byte.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    // `contains` on bytes is a vectorised search; the position is only needed for the message.
    if let Some(offset) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        InputError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
        }
    })
}

/// Reads a document under the default limits, with its own clock.
pub fn load(path: &Path) -> Result<Document, InputError> {
    let limits = Limits::default();
    load_within(path, &limits, &Deadline::after(limits.max_time))
}

/// Reads and parses a document under `limits`, by `deadline` (which the analysis shares).
pub fn load_within(
    path: &Path,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Document, InputError> {
    let format = format_for_path(&path.to_string_lossy());
    let bytes = read_bounded(path, limits.max_file_bytes)?;
    let over = |exceeded| InputError::limit(path, exceeded);
    if format == Format::Pdf || bytes.starts_with(b"%PDF-") {
        let options = PdfOptions {
            limits: limits.pdf(deadline),
            ..PdfOptions::default()
        };
        let extraction = pdf::extract(&bytes, &options).map_err(|reason| InputError::Pdf {
            path: path.to_path_buf(),
            reason,
        })?;
        return parse_extracted_limited(
            extraction.text,
            extraction.page_starts,
            extraction.diagnostics,
            limits,
            deadline,
        )
        .map_err(over);
    }
    if format == Format::Docx {
        let options = DocxOptions {
            view: REVISION_VIEW.get().copied().unwrap_or_default(),
            limits: DocxLimits {
                max_input_bytes: usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX),
                ..DocxLimits::default()
            },
        };
        let doc = parse_docx(&bytes, &options).map_err(|reason| InputError::Docx {
            path: path.to_path_buf(),
            reason,
        })?;
        check_clause_depth(&doc, limits).map_err(over)?;
        deadline.check_now().map_err(over)?;
        return Ok(doc);
    }
    let text = decode(path, bytes)?;
    parse_limited(&text, format, limits, deadline).map_err(over)
}
