//! Bounds on the work one document may cause, for every format: its size on disk, how deeply its
//! structure nests, and how long reading and analysing it may take. Exceeding one is an error for
//! that document ([`LimitExceeded`]), never a partial result and never a reason to stop a batch.
//!
//! The time bound is a [`Deadline`] checked between phases and inside the per-block and
//! per-sentence loops of the parser and the analyzer: a clock read every few hundred items, not a
//! watchdog thread per document.

use std::cell::Cell;
use std::fmt;
use std::time::{Duration, Instant};

use crate::pdf::PdfLimits;

/// The limits a caller (the CLI, from the command line and `clauselint.toml`) applies to each
/// document. The PDF and Word readers keep their finer-grained limits ([`PdfLimits`],
/// [`crate::DocxLimits`]); the ones a user is likely to need to raise are surfaced here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Size of the file as read, in bytes, in any format.
    pub max_file_bytes: u64,
    /// Block quotes and lists nested in each other (Markdown), and clauses nested in clauses.
    pub max_nesting: usize,
    /// Wall-clock time to read, parse and analyse one document.
    pub max_time: Duration,
    /// Objects in a PDF's cross-reference table.
    pub max_pdf_objects: usize,
    /// Decompressed size of any one PDF stream (a decompression bomb stops here).
    pub max_pdf_stream_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        let pdf = PdfLimits::default();
        Limits {
            max_file_bytes: 32 << 20,
            max_nesting: 100,
            max_time: Duration::from_secs(60),
            max_pdf_objects: pdf.max_objects,
            max_pdf_stream_bytes: pdf.max_stream_bytes,
        }
    }
}

impl Limits {
    /// No bound at all (the infallible entry points such as [`crate::parse`]).
    pub fn unlimited() -> Self {
        Limits {
            max_file_bytes: u64::MAX,
            max_nesting: usize::MAX,
            max_time: Duration::MAX,
            max_pdf_objects: usize::MAX,
            max_pdf_stream_bytes: usize::MAX,
        }
    }

    /// The PDF reader's limits with this document's size, object, stream and time bounds.
    pub fn pdf(&self, deadline: &Deadline) -> PdfLimits {
        let defaults = PdfLimits::default();
        PdfLimits {
            max_input_bytes: usize::try_from(self.max_file_bytes).unwrap_or(usize::MAX),
            max_objects: self.max_pdf_objects,
            max_stream_bytes: self.max_pdf_stream_bytes,
            max_total_decoded_bytes: defaults
                .max_total_decoded_bytes
                .max(self.max_pdf_stream_bytes),
            max_nesting: defaults.max_nesting.min(self.max_nesting),
            max_time: deadline.remaining(),
            ..defaults
        }
    }
}

/// Which limit a document exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    Nesting,
    Time,
    PdfObjects,
    PdfStreamSize,
}

impl Limit {
    /// The key under `[limits]` in `clauselint.toml` that raises it.
    pub fn config_key(self) -> &'static str {
        match self {
            Limit::FileSize => "max_file_size_mb",
            Limit::Nesting => "max_nesting",
            Limit::Time => "max_analysis_seconds",
            Limit::PdfObjects => "max_pdf_objects",
            Limit::PdfStreamSize => "max_pdf_stream_mb",
        }
    }

    /// The command-line option that raises it.
    pub fn flag(self) -> String {
        format!("--{}", self.config_key().replace('_', "-"))
    }
}

/// A document went past one of its [`Limits`]. `Display` is one line without the file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitExceeded {
    pub limit: Limit,
    /// What the document has or needed, as far as it was read ("at least 3 levels").
    pub found: String,
    /// The limit in force, in the unit of its setting.
    pub allowed: String,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.limit {
            Limit::FileSize => "the file is larger than the maximum file size",
            Limit::Nesting => {
                "block quotes, lists or clauses nest more deeply than the maximum nesting"
            }
            Limit::Time => "reading and analysing the document took longer than the time limit",
            Limit::PdfObjects => "the PDF has more objects than the limit",
            Limit::PdfStreamSize => {
                "a PDF stream decompresses to more than the limit (a decompression bomb?)"
            }
        };
        write!(
            f,
            "{what} ({}, limit {}); not checked. To raise the limit, pass {} or set `{}` under [limits] in clauselint.toml",
            self.found,
            self.allowed,
            self.limit.flag(),
            self.limit.config_key()
        )
    }
}

impl std::error::Error for LimitExceeded {}

/// When the current document must be finished. Cheap to check: the clock is read only every
/// `STRIDE` calls to [`Deadline::check`].
#[derive(Debug)]
pub struct Deadline {
    started: Instant,
    budget: Duration,
    calls: Cell<u32>,
}

const STRIDE: u32 = 64;

impl Deadline {
    /// Starts the clock for a document that may take `budget`.
    pub fn after(budget: Duration) -> Self {
        Deadline {
            started: Instant::now(),
            budget,
            calls: Cell::new(0),
        }
    }

    /// A deadline that never passes.
    pub fn never() -> Self {
        Deadline::after(Duration::MAX)
    }

    pub fn remaining(&self) -> Duration {
        self.budget.saturating_sub(self.started.elapsed())
    }

    /// An error once the budget is spent. Reads the clock on every [`STRIDE`]th call, so it may
    /// be called per sentence.
    pub fn check(&self) -> Result<(), LimitExceeded> {
        let calls = self.calls.get().wrapping_add(1);
        self.calls.set(calls);
        if calls.is_multiple_of(STRIDE) {
            self.check_now()
        } else {
            Ok(())
        }
    }

    /// As [`Deadline::check`], reading the clock now (between phases).
    pub fn check_now(&self) -> Result<(), LimitExceeded> {
        if self.budget == Duration::MAX || self.started.elapsed() <= self.budget {
            return Ok(());
        }
        Err(LimitExceeded {
            limit: Limit::Time,
            found: format!(
                "stopped after {:.1} s",
                self.started.elapsed().as_secs_f64()
            ),
            allowed: format!("{} s", self.budget.as_secs_f64()),
        })
    }
}
