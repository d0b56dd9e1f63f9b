//! `drafting/duplicate-definition`
//!
//! ## What it flags
//! A term defined more than once. The finding sits on the later definition, points at the first
//! through `related`, and says whether the two definitions read the same or differ.
//!
//! ## Why it matters
//! Two different definitions of one term leave open which governs, so the term's scope — and every
//! obligation that uses it — is open to argument. Two identical definitions are harmless today but
//! drift apart the first time one of them is amended.
//!
//! ## Not flagged
//! Pronoun labels (`"we"`, `"you"`), the same definition found twice at one place, and a later
//! definition that only points back ("has the meaning given in Section 1").

use clauselint_parser::{Definition, DefinitionStyle, Document};

use crate::context::Context;
use crate::finding::{Finding, FindingKind, Related, Severity};
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct DuplicateDefinition;

static META: RuleMeta = RuleMeta {
    id: "drafting/duplicate-definition",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The same term is defined more than once.",
        why: "Two definitions of one term leave open which governs, and with it the scope of every clause \
              that uses the term; identical duplicates drift apart at the first amendment.",
        example: "\"Customer Data\" means data Customer uploads to the Services.\n\n\
                  \"Customer Data\" means all data processed by Vendor on Customer's behalf.",
        suggested: "\"Customer Data\" means data Customer uploads to the Services, and all other data \
                    processed by Vendor on Customer's behalf.",
        references: &["REVIEW-GUIDE: Drafting — defined terms"],
    },
};

const PRONOUNS: &[&str] = &["we", "us", "our", "you", "your", "i", "me", "my"];

/// The words a definition gives the term, normalised for comparison.
fn body(doc: &Document, d: &Definition) -> String {
    let text = doc.plain(d.definition_span);
    let text = match d.style {
        // "… Zoom Video Communications, Inc. (“Zoom”)": the defining phrase is what precedes the
        // parenthesis; the start of the sentence is not part of it.
        DefinitionStyle::Parenthetical => {
            let words: Vec<&str> = text.split_whitespace().collect();
            let from = words.len().saturating_sub(6);
            words[from..].join(" ")
        }
        _ => text.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    text.to_lowercase()
        .replace(['“', '”'], "\"")
        .replace('’', "'")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// `"X" has the meaning given in …`, `as defined in Section 1`: a pointer, not a second definition.
fn points_elsewhere(doc: &Document, d: &Definition) -> bool {
    let between = doc
        .text
        .get(d.term_span.end..d.definition_span.start)
        .unwrap_or("")
        .to_lowercase();
    let body = doc.plain(d.definition_span).to_lowercase();
    let head: String = body.chars().take(80).collect();
    between.contains("meaning")
        || between.contains("defined")
        || head.trim_start().starts_with("has the meaning")
        || head.contains("as defined in")
        || head.contains("meaning given")
        || head.contains("meaning set forth")
        || head.contains("meaning ascribed")
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `"Dispute" will also include …`: a later sentence widening the definition, not replacing it.
fn extends(doc: &Document, d: &Definition) -> bool {
    let between = doc
        .text
        .get(d.term_span.end..d.definition_span.start)
        .unwrap_or("")
        .to_lowercase();
    between.contains("include") || between.contains("also")
}

fn shorten(s: &str) -> String {
    let folded: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() > 90 {
        let cut: String = folded.chars().take(87).collect();
        format!("{cut}…")
    } else {
        folded
    }
}

impl Rule for DuplicateDefinition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut found: Vec<(bool, Finding)> = Vec::new();
        for (i, later) in doc.definitions.iter().enumerate() {
            let lower = later.term.to_lowercase();
            if !later.is_capitalised()
                || PRONOUNS.contains(&lower.as_str())
                || !super::is_real_definition(doc, later)
            {
                continue;
            }
            let Some(first) = doc.definitions[..i].iter().find(|d| {
                d.term.to_lowercase() == lower
                    && super::is_real_definition(doc, d)
                    && !d.term_span.overlaps(later.term_span)
                    && d.definition_span != later.definition_span
            }) else {
                continue;
            };
            if points_elsewhere(doc, later) || points_elsewhere(doc, first) || extends(doc, later) {
                continue;
            }
            // Within one sentence the parser met the same definition twice.
            if first.sentence.is_some() && first.sentence == later.sentence {
                continue;
            }
            let term = &later.term;
            let repeated_sentence = match (first.sentence, later.sentence) {
                (Some(a), Some(b)) => fold(doc.sentence_text(a)) == fold(doc.sentence_text(b)),
                _ => false,
            };
            let line = doc.lines.line_col(&doc.source, first.term_span.start).line;
            let (a, b) = (body(doc, first), body(doc, later));
            let message = if a == b {
                format!(
                    "“{term}” is defined a second time, in the same words as on line {line}. The duplicate adds \
                     nothing and will drift from the first the next time one of them is amended; delete one \
                     and keep a single definition."
                )
            } else {
                format!(
                    "“{term}” is defined twice, and the definitions differ: line {line} says “{}”, this one says \
                     “{}”. It is unclear which governs, so the scope of every clause using “{term}” is open to \
                     argument. Keep one definition, or give the two meanings different names.",
                    shorten(&first_words(doc, first)),
                    shorten(&first_words(doc, later)),
                )
            };
            found.push((
                repeated_sentence,
                Finding {
                    rule: META.id,
                    severity: META.default_severity,
                    kind: FindingKind::Risk,
                    message,
                    span: later.term_span,
                    clause: doc.clause_at(later.term_span.start),
                    suggestion: None,
                    fix: None,
                    related: vec![Related {
                        span: first.term_span,
                        message: format!("“{}” is first defined here", first.term),
                    }],
                    document_level: false,
                },
            ));
        }
        // Many definitions repeated in identical sentences: the file holds two versions of the
        // terms (say, one per region), not one instrument that defines terms twice.
        let repeats = found.iter().filter(|(r, _)| *r).count();
        out.extend(
            found
                .into_iter()
                .filter(|(r, _)| !*r || repeats < 3)
                .map(|(_, f)| f),
        );
    }
}

/// What a message quotes of a definition: its body, or for a parenthetical the phrase before it.
fn first_words(doc: &Document, d: &Definition) -> String {
    let text = doc.plain(d.definition_span);
    match d.style {
        DefinitionStyle::Parenthetical => {
            let words: Vec<&str> = text.split_whitespace().collect();
            let from = words.len().saturating_sub(10);
            let phrase = words[from..].join(" ");
            if from > 0 {
                format!("…{phrase}")
            } else {
                phrase
            }
        }
        _ => text.to_string(),
    }
}
