//! Loading a PDF with lopdf under explicit limits, and bounded access to its objects and streams.

use std::cell::Cell;
use std::time::Instant;

use lopdf::{Dictionary, Document as LoDocument, LoadOptions, Object, ObjectId, Stream};

use super::{PdfError, PdfLimits};

pub(crate) struct Loaded {
    pub doc: LoDocument,
    pub limits: PdfLimits,
    started: Instant,
    decoded: Cell<usize>,
    /// Set when a limit was hit inside a call that cannot return an error (font loading).
    pub tripped: Cell<Option<PdfError>>,
}

/// Where the `%PDF-` header is, if the bytes are a PDF at all (it may follow up to 1 KiB of junk).
pub(crate) fn header_offset(bytes: &[u8]) -> Option<usize> {
    let window = &bytes[..bytes.len().min(1024 + 5)];
    window.windows(5).position(|w| w == b"%PDF-")
}

fn describe(err: &lopdf::Error) -> String {
    let s = err.to_string();
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        "unreadable structure".to_string()
    } else {
        s.to_string()
    }
}

impl Loaded {
    pub(crate) fn load(bytes: &[u8], limits: &PdfLimits) -> Result<Loaded, PdfError> {
        if bytes.len() > limits.max_input_bytes {
            return Err(PdfError::LimitExceeded {
                what: "file size",
                limit: format!("{} bytes", limits.max_input_bytes),
            });
        }
        let Some(offset) = header_offset(bytes) else {
            return Err(PdfError::NotPdf);
        };
        let started = Instant::now();
        let options = LoadOptions {
            max_decompressed_size: Some(limits.max_stream_bytes),
            ..LoadOptions::default()
        };
        let doc = match LoDocument::load_mem_with_options(&bytes[offset..], options) {
            Ok(doc) => doc,
            Err(e) => {
                let text = format!("{e:?}");
                if text.contains("MemoryLimitExceeded") {
                    return Err(PdfError::LimitExceeded {
                        what: "decompressed stream size",
                        limit: format!("{} bytes", limits.max_stream_bytes),
                    });
                }
                if text.contains("RecursionLimit") || text.contains("ReferenceLimit") {
                    return Err(PdfError::LimitExceeded {
                        what: "object nesting depth",
                        limit: "lopdf's".to_string(),
                    });
                }
                if text.contains("InvalidPassword")
                    || text.contains("Decryption")
                    || text.contains("UnsupportedSecurityHandler")
                {
                    return Err(PdfError::Encrypted);
                }
                return Err(PdfError::Corrupt(describe(&e)));
            }
        };
        if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
            return Err(PdfError::Encrypted);
        }
        if doc.objects.len() > limits.max_objects {
            return Err(PdfError::LimitExceeded {
                what: "object count",
                limit: limits.max_objects.to_string(),
            });
        }
        let loaded = Loaded {
            doc,
            limits: limits.clone(),
            started,
            decoded: Cell::new(0),
            tripped: Cell::new(None),
        };
        loaded.check_time()?;
        Ok(loaded)
    }

    pub(crate) fn check_time(&self) -> Result<(), PdfError> {
        if self.started.elapsed() > self.limits.max_time {
            return Err(PdfError::LimitExceeded {
                what: "time",
                limit: format!("{:?}", self.limits.max_time),
            });
        }
        Ok(())
    }

    /// Follows references (a bounded number of hops).
    pub(crate) fn resolve<'a>(&'a self, mut obj: Option<&'a Object>) -> Option<&'a Object> {
        for _ in 0..32 {
            match obj? {
                Object::Reference(id) => obj = self.doc.objects.get(id),
                other => return Some(other),
            }
        }
        None
    }

    pub(crate) fn get(&self, id: ObjectId) -> Option<&Object> {
        self.resolve(self.doc.objects.get(&id))
    }

    pub(crate) fn dict<'a>(&'a self, obj: Option<&'a Object>) -> Option<&'a Dictionary> {
        match self.resolve(obj)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// A stream's decoded bytes, bounded per stream and in total. Undecodable streams (unknown
    /// filters, corrupt data) yield `None`; exceeding a limit also records the error.
    pub(crate) fn stream_data(&self, stream: &Stream) -> Option<Vec<u8>> {
        let remaining = self
            .limits
            .max_total_decoded_bytes
            .saturating_sub(self.decoded.get());
        let limit = self.limits.max_stream_bytes.min(remaining);
        match stream.decompressed_content_with_limit(limit) {
            Ok(data) => {
                self.decoded.set(self.decoded.get() + data.len());
                Some(data)
            }
            Err(e) => {
                let text = format!("{e:?}");
                if text.contains("MemoryLimitExceeded") {
                    let what = if limit == remaining {
                        "total decompressed size"
                    } else {
                        "decompressed stream size"
                    };
                    self.trip(PdfError::LimitExceeded {
                        what,
                        limit: format!("{limit} bytes"),
                    });
                } else if stream.dict.get(b"Filter").is_err() {
                    return Some(stream.content.clone());
                }
                None
            }
        }
    }

    pub(crate) fn trip(&self, err: PdfError) {
        let previous = self.tripped.take();
        self.tripped.set(previous.or(Some(err)));
    }

    /// The first recorded limit error, if any.
    pub(crate) fn take_tripped(&self) -> Option<PdfError> {
        self.tripped.take()
    }

    /// A page attribute, inherited from the page tree when the page does not set it.
    pub(crate) fn inherited<'a>(&'a self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut node = page;
        for _ in 0..64 {
            if let Ok(v) = node.get(key) {
                return self.resolve(Some(v));
            }
            node = self.dict(node.get(b"Parent").ok())?;
        }
        None
    }
}
