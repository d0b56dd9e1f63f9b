//! One file per rule, grouped by id prefix.

pub mod ai_training;
pub mod data_rights;
pub mod drafting;
pub mod terms;

use clauselint_parser::Span;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Edit, Finding, FindingKind, Fix, Severity};
use crate::rule::RuleMeta;

/// A sentence-level finding over the whole sentence, with the rule's suggested language offered as
/// a replacement of the sentence.
pub(crate) fn sentence_finding(
    cx: &Context,
    meta: &'static RuleMeta,
    s: &SentenceFacts,
    message: String,
) -> Finding {
    Finding {
        rule: meta.id,
        severity: meta.default_severity,
        kind: FindingKind::Risk,
        message,
        span: s.span,
        clause: cx.doc.sentences[s.index].clause,
        suggestion: Some(meta.doc.suggested.to_string()),
        fix: Some(Fix {
            title: "Replace with the suggested language".to_string(),
            edits: vec![Edit {
                span: s.span,
                new_text: meta.doc.suggested.to_string(),
            }],
        }),
        related: Vec::new(),
        document_level: false,
    }
}

/// An info note that a protective clause exists (not a risk).
pub(crate) fn protection_note(
    cx: &Context,
    meta: &'static RuleMeta,
    s: &SentenceFacts,
    message: String,
) -> Finding {
    Finding {
        rule: meta.id,
        severity: Severity::Info,
        kind: FindingKind::Protection,
        message,
        span: s.span,
        clause: cx.doc.sentences[s.index].clause,
        suggestion: None,
        fix: None,
        related: Vec::new(),
        document_level: false,
    }
}

/// A document-level finding: something the document should say and does not. It is anchored at
/// `anchor` (the clause it most concerns) or at the document's first sentence, and the suggestion
/// is offered as an insertion after the anchor.
pub(crate) fn document_finding(
    cx: &Context,
    meta: &'static RuleMeta,
    anchor: Option<Span>,
    message: String,
) -> Finding {
    let span = anchor
        .or_else(|| cx.doc.sentences.first().map(|s| s.span))
        .unwrap_or_default();
    Finding {
        rule: meta.id,
        severity: meta.default_severity,
        kind: FindingKind::Risk,
        message,
        span,
        clause: cx.doc.clause_at(span.start),
        suggestion: Some(meta.doc.suggested.to_string()),
        fix: Some(Fix {
            title: "Insert the suggested clause".to_string(),
            edits: vec![Edit {
                span: Span::new(span.end, span.end),
                new_text: format!(" {}", meta.doc.suggested),
            }],
        }),
        related: Vec::new(),
        document_level: true,
    }
}

/// Source text of a normalised range, whitespace folded: what a message quotes.
pub(crate) fn snippet(cx: &Context, s: &SentenceFacts, start: usize, end: usize) -> String {
    cx.quote(s.source_span(start, end))
}

/// Extend a normalised range forward by up to `words` words, stopping at a clause boundary.
pub(crate) fn extend_words(norm: &str, end: usize, words: usize) -> usize {
    let mut pos = end;
    let mut count = 0;
    for (i, c) in norm[end..].char_indices() {
        if matches!(c, ',' | ';' | '.' | ':' | '(' | ')') {
            return end + i;
        }
        if c == ' ' {
            count += 1;
            if count > words {
                return end + i;
            }
        }
        pos = end + i + c.len_utf8();
    }
    pos
}
