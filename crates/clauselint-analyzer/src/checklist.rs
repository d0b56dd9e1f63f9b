//! The pre-signing review checklist: a fixed list of questions a lawyer answers before signing,
//! each answered from the findings with a status, the evidence and the language to ask for.
//! Rendering (Markdown, HTML, JSON) is the CLI's job; this module only decides.

use serde::Serialize;

use crate::context::Context;
use crate::finding::{Finding, FindingKind, Severity};
use crate::lexicon::Concept;
use crate::registry::rule_by_id;
use clauselint_parser::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Status {
    /// Nothing in the document speaks to the question.
    #[serde(rename = "Not addressed")]
    NotAddressed,
    /// The document addresses it and no risk was found.
    #[serde(rename = "OK")]
    Ok,
    /// Only notes: a person should read the evidence.
    #[serde(rename = "Needs review")]
    NeedsReview,
    #[serde(rename = "Risk")]
    Risk,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotAddressed => "Not addressed",
            Status::Ok => "OK",
            Status::NeedsReview => "Needs review",
            Status::Risk => "Risk",
        }
    }
}

pub struct Question {
    pub number: usize,
    pub text: &'static str,
    pub rules: &'static [&'static str],
    /// Concepts whose presence shows the document addresses the topic at all.
    pub topic: &'static [Concept],
}

pub const QUESTIONS: &[Question] = &[
    Question {
        number: 1,
        text: "May the vendor train or improve AI/ML models on our content? Opt-in or opt-out?",
        rules: &["ai-training/content-grant", "ai-training/opt-out-consent"],
        topic: &[Concept::Ai, Concept::Train],
    },
    Question {
        number: 2,
        text: "Are our content and outputs ours? Who owns models or improvements built from our data?",
        rules: &["data-rights/ownership-not-stated", "ai-training/output-ownership", "ai-training/model-ownership"],
        topic: &[Concept::Ownership],
    },
    Question {
        number: 3,
        text: "How broad is any licence we grant (perpetual, irrevocable, sublicensable, survives termination)?",
        rules: &["data-rights/broad-license"],
        topic: &[Concept::License],
    },
    Question {
        number: 4,
        text: "For what purposes may our data be used? Is \"usage data\" kept apart from our content?",
        rules: &["data-rights/vague-purpose", "data-rights/usage-data-any-purpose"],
        topic: &[Concept::Purpose, Concept::UsageData],
    },
    Question {
        number: 5,
        text: "Is aggregated / de-identified data carved out?",
        rules: &["data-rights/aggregated-data-carveout"],
        topic: &[Concept::Aggregated],
    },
    Question {
        number: 6,
        text: "Is data shared with third parties or third-party AI providers?",
        rules: &["data-rights/third-party-sharing", "ai-training/third-party-models"],
        topic: &[Concept::ThirdParty],
    },
    Question {
        number: 7,
        text: "Is data deleted on termination or request, and when? What is retained?",
        rules: &["data-rights/retention-deletion"],
        topic: &[Concept::Delete, Concept::Retain],
    },
    Question {
        number: 8,
        text: "Who holds the encryption keys?",
        rules: &["data-rights/vendor-held-keys"],
        topic: &[Concept::Encryption],
    },
    Question {
        number: 9,
        text: "Can the vendor change the terms unilaterally, and does use count as acceptance?",
        rules: &["terms/unilateral-change", "terms/acceptance-by-use"],
        topic: &[Concept::Change],
    },
    Question {
        number: 10,
        text: "Termination, content removal, liability cap, governing law, jurisdiction, arbitration.",
        rules: &[
            "terms/unilateral-termination",
            "terms/content-removal",
            "terms/liability-limit",
            "terms/governing-law",
            "terms/jurisdiction",
            "terms/arbitration",
        ],
        topic: &[Concept::Terminate, Concept::Liability, Concept::Law, Concept::Court, Concept::Arbitration],
    },
    Question {
        number: 11,
        text: "Drafting defects that create ambiguity (undefined terms, broken cross-references).",
        rules: &[
            "drafting/undefined-term",
            "drafting/unused-definition",
            "drafting/duplicate-definition",
            "drafting/broken-cross-reference",
            "drafting/inconsistent-term",
        ],
        topic: &[],
    },
];

#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub rule: &'static str,
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
    pub quote: String,
    pub clause: Option<String>,
    pub page: Option<usize>,
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub number: usize,
    pub question: &'static str,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    /// Language to ask for, one per rule that found a risk.
    pub ask_for: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Verdict {
    #[serde(rename = "Do not sign as drafted")]
    DoNotSign,
    #[serde(rename = "Negotiate before signing")]
    Negotiate,
    /// Nothing blocking in the text that was read, but part of the document could not be read
    /// (a scanned page, fonts without a Unicode mapping, a damaged file): "no blocking issues"
    /// would claim more than the review saw.
    #[serde(rename = "Incomplete review: part of the document could not be read")]
    Incomplete,
    #[serde(rename = "No blocking issues found")]
    NoBlockingIssues,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::DoNotSign => "Do not sign as drafted",
            Verdict::Negotiate => "Negotiate before signing",
            Verdict::Incomplete => "Incomplete review: part of the document could not be read",
            Verdict::NoBlockingIssues => "No blocking issues found",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Checklist {
    pub verdict: Verdict,
    pub items: Vec<Item>,
    /// What the reader could not read, from the parser's warnings: the answers cover only the rest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<Unread>,
}

/// A part of the document the parser could not read (a page to OCR, a damaged part of the file).
#[derive(Clone, Debug, Serialize)]
pub struct Unread {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Answer every question from a document and its findings.
pub fn build(doc: &Document, findings: &[Finding]) -> Checklist {
    let cx = Context::new(doc);
    let mut items = Vec::new();
    for q in QUESTIONS {
        let mine: Vec<&Finding> = findings
            .iter()
            .filter(|f| q.rules.contains(&f.rule))
            .collect();
        let risk = mine
            .iter()
            .any(|f| f.kind == FindingKind::Risk && f.severity >= Severity::Warning);
        let notes = mine.iter().any(|f| f.kind == FindingKind::Risk);
        let addressed = q.topic.is_empty()
            || !mine.is_empty()
            || cx
                .sentences
                .iter()
                .any(|s| q.topic.iter().any(|c| s.has(*c)));
        let status = if risk {
            Status::Risk
        } else if notes {
            Status::NeedsReview
        } else if addressed {
            Status::Ok
        } else {
            Status::NotAddressed
        };
        let mut evidence: Vec<Evidence> = mine
            .iter()
            .map(|f| Evidence {
                rule: f.rule,
                severity: f.severity,
                kind: f.kind,
                message: f.message.clone(),
                quote: fold(doc.plain(f.span)),
                clause: f.clause.and_then(|c| doc.clause_label(c)),
                page: doc.page_of(f.span.start),
                line: doc.lines.line_col(&doc.source, f.span.start).line,
                start: f.span.start,
                end: f.span.end,
            })
            .collect();
        // Risks first, most severe first, then in document order.
        evidence.sort_by(|a, b| {
            (
                b.kind == FindingKind::Risk,
                b.severity,
                std::cmp::Reverse(b.start),
            )
                .cmp(&(
                    a.kind == FindingKind::Risk,
                    a.severity,
                    std::cmp::Reverse(a.start),
                ))
        });
        let mut ask_for: Vec<String> = Vec::new();
        for f in mine.iter().filter(|f| f.kind == FindingKind::Risk) {
            if let Some(rule) = rule_by_id(f.rule) {
                let s = fold(rule.meta().doc.suggested);
                if !ask_for.contains(&s) {
                    ask_for.push(s);
                }
            }
        }
        items.push(Item {
            number: q.number,
            question: q.text,
            status,
            evidence,
            ask_for,
        });
    }
    let any_error = findings
        .iter()
        .any(|f| f.kind == FindingKind::Risk && f.severity == Severity::Error);
    let unread: Vec<Unread> = doc
        .diagnostics
        .iter()
        .map(|d| Unread {
            message: d.message.clone(),
            page: d.page,
        })
        .collect();
    let verdict = if any_error {
        Verdict::DoNotSign
    } else if items.iter().any(|i| i.status == Status::Risk) {
        Verdict::Negotiate
    } else if !unread.is_empty() {
        Verdict::Incomplete
    } else {
        Verdict::NoBlockingIssues
    };
    Checklist {
        verdict,
        items,
        unread,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;
    use clauselint_parser::{parse, Format};

    fn checklist(text: &str) -> Checklist {
        let doc = parse(text, Format::Markdown);
        let findings = Analyzer::default().analyze(&doc);
        build(&doc, &findings)
    }

    #[test]
    fn statuses_follow_the_findings() {
        let c = checklist(
            "We may use your content to train our AI models.\n\nWe encrypt data at rest.\n\nYou retain ownership of your content.",
        );
        assert_eq!(c.items[0].status, Status::Risk);
        assert!(!c.items[0].evidence.is_empty());
        assert!(!c.items[0].ask_for.is_empty());
        assert_eq!(
            c.items[7].status,
            Status::NeedsReview,
            "vendor-held keys is an info note"
        );
        assert_eq!(
            c.items[4].status,
            Status::NotAddressed,
            "nothing about aggregated data"
        );
        assert_eq!(c.verdict, Verdict::DoNotSign);
    }

    fn with_unreadable_page(text: &str) -> Checklist {
        let mut doc = parse(text, Format::Markdown);
        doc.diagnostics.push(clauselint_parser::ParseDiagnostic {
            level: clauselint_parser::DiagnosticLevel::Warning,
            message: "page 4 has no readable text (a scanned image); OCR is needed to check it"
                .to_string(),
            span: None,
            page: Some(4),
        });
        let findings = Analyzer::default().analyze(&doc);
        build(&doc, &findings)
    }

    #[test]
    fn an_unreadable_page_makes_a_clean_review_incomplete_but_never_hides_a_risk() {
        let clean = with_unreadable_page(
            "We will not use your content to train any AI model. You retain ownership of your content — see § 2.",
        );
        assert_eq!(clean.verdict, Verdict::Incomplete);
        assert_eq!(clean.unread.len(), 1);
        assert_eq!(clean.unread[0].page, Some(4));
        let risky = with_unreadable_page("We may use your content to train our AI models.");
        assert_eq!(risky.verdict, Verdict::DoNotSign);
        assert_eq!(risky.unread.len(), 1, "the gap is still listed");
    }

    #[test]
    fn protective_terms_are_ok() {
        let c = checklist("We will not use your content to train any AI model. You retain ownership of your content.");
        assert_eq!(c.items[0].status, Status::Ok);
        assert!(c.items[0]
            .evidence
            .iter()
            .all(|e| e.kind == FindingKind::Protection));
    }
}
