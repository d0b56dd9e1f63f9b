//! What a rule reports.

use clauselint_parser::{ClauseId, Span};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A risk to act on, or a note that a protection exists (not scored as a hit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Risk,
    Protection,
}

/// One text replacement. A fix is offered, never applied by a batch tool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// Another place that explains a finding (the definition a rule relied on).
#[derive(Clone, Debug, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
    pub span: Span,
    pub clause: Option<ClauseId>,
    /// Suggested language to ask for, in words a reviewer can paste into a mark-up.
    pub suggestion: Option<String>,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
    /// Raised about the document as a whole (something required is missing).
    pub document_level: bool,
}
