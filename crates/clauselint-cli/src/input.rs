//! Reading a contract file into a `Document`, with errors that name the file and the place.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clauselint_parser::{
    format_for_path, parse, parse_docx, parse_pdf, Document, DocxError, DocxOptions, Format,
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
    #[error("{path}: {reason}")]
    Pdf { path: PathBuf, reason: PdfError },
    /// A Word file that cannot be read: not a zip, encrypted, macro-enabled, an XML bomb, ….
    #[error("{path}: {reason}")]
    Docx { path: PathBuf, reason: DocxError },
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

pub fn load(path: &Path) -> Result<Document, InputError> {
    let format = format_for_path(&path.to_string_lossy());
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if format == Format::Pdf || bytes.starts_with(b"%PDF-") {
        return parse_pdf(&bytes).map_err(|reason| InputError::Pdf {
            path: path.to_path_buf(),
            reason,
        });
    }
    if format == Format::Docx {
        let options = DocxOptions {
            view: REVISION_VIEW.get().copied().unwrap_or_default(),
            ..DocxOptions::default()
        };
        return parse_docx(&bytes, &options).map_err(|reason| InputError::Docx {
            path: path.to_path_buf(),
            reason,
        });
    }
    let text = decode(path, bytes)?;
    Ok(parse(&text, format))
}
