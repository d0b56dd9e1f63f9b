//! The Word package: a zip of XML parts. Recognises what is not a readable `.docx` (an OLE file —
//! password-protected or legacy `.doc` — a macro-enabled file, a zip without `word/document.xml`)
//! and reads parts under size and compression-ratio limits, so a decompression bomb stops early.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::{DocxError, DocxLimits};

/// The OLE compound-file signature: Word wraps a password-protected `.docx` in one, and a legacy
/// `.doc` is one.
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(crate) const DOCUMENT_PART: &str = "word/document.xml";

pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    limits: &'a DocxLimits,
    read_so_far: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limits: &'a DocxLimits) -> Result<Self, DocxError> {
        if bytes.len() > limits.max_input_bytes {
            return Err(DocxError::LimitExceeded {
                what: "input size",
                limit: format!("{} bytes", limits.max_input_bytes),
            });
        }
        if bytes.starts_with(&OLE_SIGNATURE) {
            return Err(if contains_utf16(bytes, "EncryptedPackage") {
                DocxError::Encrypted
            } else {
                DocxError::LegacyDoc
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(DocxError::NotZip);
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        if archive.len() > limits.max_parts {
            return Err(DocxError::LimitExceeded {
                what: "number of parts in the package",
                limit: limits.max_parts.to_string(),
            });
        }
        let names: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        let package = Package {
            archive,
            names,
            limits,
            read_so_far: 0,
        };
        if package
            .names
            .iter()
            .any(|n| n.eq_ignore_ascii_case("word/vbaProject.bin"))
        {
            return Err(DocxError::MacroEnabled);
        }
        if !package.has(DOCUMENT_PART) {
            return Err(DocxError::NoDocumentPart);
        }
        Ok(package)
    }

    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Part names under a folder matching a prefix (`word/header`), sorted naturally
    /// (`header2` before `header10`).
    pub fn parts_starting(&self, prefix: &str) -> Vec<String> {
        let mut parts: Vec<String> = self
            .names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
            .cloned()
            .collect();
        parts.sort_by_key(|n| {
            let digits: String = n.chars().filter(char::is_ascii_digit).collect();
            (digits.parse::<u64>().unwrap_or(0), n.clone())
        });
        parts
    }

    /// Reads a part, or `None` if the package has none by that name.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        if !self.has(name) {
            return Ok(None);
        }
        let limits = self.limits;
        let mut file = self.archive.by_name(name).map_err(zip_error)?;
        if file.encrypted() {
            return Err(DocxError::Encrypted);
        }
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        if declared > limits.max_part_bytes {
            return Err(DocxError::LimitExceeded {
                what: "uncompressed part size",
                limit: format!(
                    "{} bytes, {name} declares {declared}",
                    limits.max_part_bytes
                ),
            });
        }
        if declared > limits.ratio_check_above && declared / compressed > limits.max_ratio {
            return Err(DocxError::LimitExceeded {
                what: "compression ratio",
                limit: format!(
                    "{}:1, {name} expands {}:1",
                    limits.max_ratio,
                    declared / compressed
                ),
            });
        }
        // The declared size can lie: read at most one byte past the limit to find out.
        let cap = limits
            .max_part_bytes
            .min(limits.max_total_bytes.saturating_sub(self.read_so_far));
        let mut out = Vec::with_capacity(declared.min(cap) as usize);
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocxError::CorruptZip(format!("{name}: {e}")))?;
        if out.len() as u64 > cap {
            return Err(DocxError::LimitExceeded {
                what: "uncompressed size",
                limit: format!(
                    "{} bytes per part, {} bytes in total",
                    limits.max_part_bytes, limits.max_total_bytes
                ),
            });
        }
        if out.len() as u64 > limits.ratio_check_above
            && out.len() as u64 / compressed > limits.max_ratio
        {
            return Err(DocxError::LimitExceeded {
                what: "compression ratio",
                limit: format!("{}:1", limits.max_ratio),
            });
        }
        self.read_so_far += out.len() as u64;
        Ok(Some(out))
    }
}

fn zip_error(e: ZipError) -> DocxError {
    match e {
        ZipError::UnsupportedArchive(why) if why.to_ascii_lowercase().contains("password") => {
            DocxError::Encrypted
        }
        ZipError::InvalidPassword => DocxError::Encrypted,
        ZipError::CompressionMethodNotSupported(method) => DocxError::CorruptZip(format!(
            "compression method {method} is not one Word uses (only stored and deflate are read)"
        )),
        other => DocxError::CorruptZip(other.to_string()),
    }
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let wide: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}
