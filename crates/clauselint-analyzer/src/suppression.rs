//! Suppression comments inside a contract: a reviewer accepts one finding, a passage or the whole
//! file, with a reason, and the finding stops being reported.
//!
//! Two spellings, accepted in every format (the language server's quick fix writes the first in
//! Markdown and the second in plain text):
//!
//! ```text
//! <!-- clauselint-disable-next-line ai-training/opt-out-consent: accepted by counsel 2026-11-01 -->
//! [clauselint-disable-next-line ai-training/opt-out-consent: accepted by counsel 2026-11-01]
//! ```
//!
//! The bracket form must stand on a line of its own. Directives: `clauselint-disable-next-line`
//! (findings starting on the next non-blank line), `clauselint-disable` … `clauselint-enable` (a
//! range; an `enable` with rules ends only the ranges it names), `clauselint-disable-file` (the whole
//! document, wherever the comment is). Rules are ids or `group/*`, separated by commas or spaces; no
//! rule means every rule. The reason follows a colon.

use std::sync::OnceLock;

use crate::text_regex::TextRegex;
use clauselint_parser::{Document, Span};

use crate::finding::{Finding, FindingKind, Severity};
use crate::rule::{RuleDoc, RuleMeta};

pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    id: "meta/unused-suppression",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "A suppression comment that no longer suppresses anything (reported with `--report-unused-suppressions`).",
        why: "A suppression records a decision about a clause. When the clause is redrafted the finding goes \
              away, and a comment left behind would silently accept whatever the clause becomes next.",
        example: "<!-- clauselint-disable-next-line terms/arbitration: accepted -->\nThese terms are governed by the laws of Ireland.",
        suggested: "",
        references: &["docs/playbook.md: Suppression comments"],
    },
};

pub static INVALID_SUPPRESSION: RuleMeta = RuleMeta {
    id: "meta/invalid-suppression",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "A suppression comment that names an unknown rule or has nothing to end.",
        why: "A misspelt rule id suppresses nothing, so the finding the reviewer meant to accept is still \
              reported — or, worse, the reviewer believes a clause was accepted when it was not.",
        example: "<!-- clauselint-disable-next-line ai-training/opt-out: accepted -->",
        suggested: "",
        references: &["docs/playbook.md: Suppression comments"],
    },
};

/// The documented pseudo-rules this module reports under.
pub const META_RULES: &[&RuleMeta] = &[&UNUSED_SUPPRESSION, &INVALID_SUPPRESSION];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directive {
    DisableNextLine,
    Disable,
    Enable,
    DisableFile,
}

impl Directive {
    fn parse(s: &str) -> Option<Directive> {
        Some(match s {
            "disable-next-line" => Directive::DisableNextLine,
            "disable" => Directive::Disable,
            "enable" => Directive::Enable,
            "disable-file" => Directive::DisableFile,
            _ => return None,
        })
    }
}

/// One suppression comment as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub directive: Directive,
    /// The whole comment, in the source.
    pub span: Span,
    /// Rule ids or `group/*`; empty for every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
}

fn comment_regex() -> &'static TextRegex {
    static RE: OnceLock<TextRegex> = OnceLock::new();
    RE.get_or_init(|| {
        // An HTML comment anywhere, or a bracketed directive alone on its line.
        TextRegex::new(
            r"(?m)<!--[ \t]*clauselint-(disable-next-line|disable-file|disable|enable)\b((?s:.)*?)-->|^[ \t]*\[clauselint-(disable-next-line|disable-file|disable|enable)\b([^\]\r\n]*)\][ \t]*\r?$",
        )
        .expect("valid suppression regex")
    })
}

/// Every suppression comment in a source text, in order.
pub fn comments(source: &str) -> Vec<Comment> {
    if !source.contains("clauselint-") {
        return Vec::new();
    }
    comment_regex()
        .captures_iter(source)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (kind, body) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(k), Some(b), _, _) | (_, _, Some(k), Some(b)) => (k.as_str(), b.as_str()),
                _ => return None,
            };
            let mut end = whole.end();
            // The bracket form's match may take the line's `\r`; the comment ends before it.
            if whole.as_str().ends_with('\r') {
                end -= 1;
            }
            let (rules, reason) = match body.split_once(':') {
                Some((rules, reason)) => (rules, Some(reason.trim().to_string())),
                None => (body, None),
            };
            Some(Comment {
                directive: Directive::parse(kind)?,
                span: Span::new(whole.start(), end),
                rules: rules
                    .split([',', ' ', '\t', '\r', '\n'])
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect(),
                reason: reason.filter(|r| !r.is_empty()),
            })
        })
        .collect()
}

fn pattern_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix("/*") {
        Some(group) => id.split('/').next() == Some(group),
        None => pattern == id,
    }
}

/// Where a comment applies, and which of its rules have suppressed something.
struct Active {
    comment: usize,
    range: Span,
    used: Vec<bool>,
    any_used: bool,
}

/// The byte range of the first non-blank line after `from`.
fn next_line(source: &str, from: usize) -> Span {
    let mut pos = match source[from..].find('\n') {
        Some(i) => from + i + 1,
        None => return Span::new(source.len(), source.len()),
    };
    while pos < source.len() {
        let end = source[pos..]
            .find('\n')
            .map_or(source.len(), |i| pos + i + 1);
        if !source[pos..end].trim().is_empty() {
            return Span::new(pos, end);
        }
        pos = end;
    }
    Span::new(source.len(), source.len())
}

/// What the analyzer knows about rules, to validate the ids a comment names.
pub struct Known<'a> {
    pub is_known: &'a dyn Fn(&str) -> bool,
    pub is_enabled: &'a dyn Fn(&str) -> bool,
}

fn meta_finding(meta: &'static RuleMeta, span: Span, message: String) -> Finding {
    Finding {
        rule: meta.id,
        severity: meta.default_severity,
        kind: FindingKind::Risk,
        message,
        span,
        clause: None,
        suggestion: None,
        fix: None,
        related: Vec::new(),
        document_level: false,
    }
}

/// Removes the findings the document's suppression comments cover and returns the findings about
/// the comments themselves: unknown rules and unmatched `enable`s always, suppressions that
/// suppressed nothing when `report_unused` is set.
pub fn apply(
    doc: &Document,
    findings: &mut Vec<Finding>,
    known: &Known,
    report_unused: bool,
) -> Vec<Finding> {
    let comments = comments(&doc.source);
    if comments.is_empty() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    let mut active: Vec<Active> = Vec::new();
    // Open `disable` ranges, by index into `active`.
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in comments.iter().enumerate() {
        let bad: Vec<&str> = c
            .rules
            .iter()
            .map(String::as_str)
            .filter(|r| !(known.is_known)(r))
            .collect();
        if !bad.is_empty() {
            notes.push(meta_finding(
                &INVALID_SUPPRESSION,
                c.span,
                format!(
                    "This suppression names {} no rule has: {}. Check the spelling against `clauselint rules list`; \
                     a reason goes after a colon (`RULE: reason`).",
                    if bad.len() == 1 { "an id" } else { "ids" },
                    bad.iter().map(|b| format!("`{b}`")).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        let range = match c.directive {
            Directive::DisableNextLine => next_line(&doc.source, c.span.end),
            Directive::DisableFile => Span::new(0, doc.source.len()),
            Directive::Disable => {
                open.push(active.len());
                Span::new(c.span.end, doc.source.len())
            }
            Directive::Enable => {
                let before = open.len();
                open.retain(|&a| {
                    let opened = &comments[active[a].comment];
                    let ends = c.rules.is_empty() || opened.rules == c.rules;
                    if ends {
                        active[a].range.end = c.span.start;
                    }
                    !ends
                });
                if open.len() == before {
                    notes.push(meta_finding(
                        &INVALID_SUPPRESSION,
                        c.span,
                        "This `clauselint-enable` ends no `clauselint-disable` before it (an `enable` naming \
                         rules ends only a `disable` naming the same rules)."
                            .into(),
                    ));
                }
                continue;
            }
        };
        active.push(Active {
            comment: i,
            range,
            used: vec![false; c.rules.len()],
            any_used: false,
        });
    }
    findings.retain(|f| {
        let mut suppressed = false;
        for a in &mut active {
            // A finding on the covered lines: it starts there, or (a plain-text paragraph that
            // begins with the bracketed directive itself) runs into them.
            let end = a.range.end.max(a.range.start + 1);
            let starts_inside = a.range.start <= f.span.start && f.span.start < end;
            let runs_into = f.span.start < a.range.start && f.span.end > a.range.start;
            if !(starts_inside || runs_into) {
                continue;
            }
            let rules = &comments[a.comment].rules;
            if rules.is_empty() {
                suppressed = true;
                a.any_used = true;
            } else {
                for (r, used) in rules.iter().zip(a.used.iter_mut()) {
                    if pattern_matches(r, f.rule) {
                        suppressed = true;
                        *used = true;
                        a.any_used = true;
                    }
                }
            }
        }
        !suppressed
    });
    if report_unused {
        for a in &active {
            let c = &comments[a.comment];
            let unused: Vec<&str> = if c.rules.is_empty() {
                if a.any_used {
                    continue;
                }
                vec![]
            } else {
                c.rules
                    .iter()
                    .zip(&a.used)
                    .filter(|(r, used)| !**used && (known.is_known)(r) && (known.is_enabled)(r))
                    .map(|(r, _)| r.as_str())
                    .collect()
            };
            if !c.rules.is_empty() && unused.is_empty() {
                continue;
            }
            let what = if unused.is_empty() {
                "every rule".to_string()
            } else {
                unused
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            notes.push(meta_finding(
                &UNUSED_SUPPRESSION,
                c.span,
                format!(
                    "This suppression of {what} no longer suppresses anything: the text it covers does not \
                     trigger {}. Remove it, so that a later change to the clause is reviewed afresh.",
                    if unused.len() > 1 { "them" } else { "it" }
                ),
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_with_rules_and_reasons() {
        let src = "<!-- clauselint-disable-next-line ai-training/opt-out-consent, terms/* : accepted by counsel — 2026-11-01 -->\r\n\
                   Text.\r\n  [clauselint-disable-file]\r\n[clauselint-enable drafting/undefined-term]\n";
        let got = comments(src);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].directive, Directive::DisableNextLine);
        assert_eq!(
            got[0].rules,
            vec!["ai-training/opt-out-consent".to_string(), "terms/*".into()]
        );
        assert_eq!(
            got[0].reason.as_deref(),
            Some("accepted by counsel — 2026-11-01")
        );
        assert_eq!(got[1].directive, Directive::DisableFile);
        assert!(got[1].rules.is_empty());
        assert_eq!(
            &src[got[1].span.start..got[1].span.end],
            "  [clauselint-disable-file]"
        );
        assert_eq!(got[2].directive, Directive::Enable);
        assert_eq!(got[2].rules, vec!["drafting/undefined-term".to_string()]);
    }

    #[test]
    fn bracket_form_only_on_its_own_line() {
        assert!(comments("See [clauselint-disable-file] in prose.").is_empty());
        assert!(comments("clauselint-disable-file").is_empty());
        assert!(comments("<!-- clauselint-disabled -->").is_empty());
    }

    fn rules_of(
        text: &str,
        format: clauselint_parser::Format,
        report_unused: bool,
    ) -> Vec<&'static str> {
        let doc = clauselint_parser::parse(text, format);
        crate::Analyzer::new(crate::Settings {
            report_unused_suppressions: report_unused,
            ..crate::Settings::default()
        })
        .analyze(&doc)
        .into_iter()
        .map(|f| f.rule)
        .collect()
    }

    const RISK: &str = "We use your conversations to improve our AI models unless you opt out in your account settings.";

    #[test]
    fn every_form_suppresses_in_markdown_and_text_with_crlf_and_non_ascii() {
        use clauselint_parser::Format;
        let plain = rules_of(RISK, Format::Markdown, false);
        assert!(plain.contains(&"ai-training/opt-out-consent"), "{plain:?}");
        let cases = [
            (Format::Markdown, format!("<!-- clauselint-disable-next-line ai-training/opt-out-consent: accepted by counsel — “Zoë” 2026-11-01 -->\r\n{RISK}\r\n")),
            (Format::Markdown, format!("<!-- clauselint-disable ai-training/* : § 4 accepted -->\r\n\r\n{RISK}\r\n\r\n<!-- clauselint-enable ai-training/* -->\r\n")),
            (Format::Markdown, format!("{RISK}\n\n<!-- clauselint-disable-file ai-training/opt-out-consent -->\n")),
            (Format::Text, format!("[clauselint-disable-next-line ai-training/opt-out-consent: accepted]\r\n{RISK}\r\n")),
            (Format::Text, format!("[clauselint-disable]\n{RISK}\n[clauselint-enable]\n")),
        ];
        for (format, text) in &cases {
            let got = rules_of(text, *format, true);
            assert!(
                !got.contains(&"ai-training/opt-out-consent"),
                "{text}: {got:?}"
            );
            assert!(
                !got.iter().any(|r| r.starts_with("meta/")),
                "{text}: {got:?}"
            );
        }
        // A range ends at its `enable`: the same clause after it is reported again.
        let text =
            format!("<!-- clauselint-disable -->\n{RISK}\n<!-- clauselint-enable -->\n\n{RISK}\n");
        let got = rules_of(&text, Format::Markdown, false);
        assert_eq!(
            got.iter()
                .filter(|r| **r == "ai-training/opt-out-consent")
                .count(),
            1,
            "{got:?}"
        );
        // The next line only: a clause two paragraphs down is still reported.
        let text = format!("<!-- clauselint-disable-next-line ai-training/opt-out-consent -->\nRecitals.\n\n{RISK}\n");
        assert!(rules_of(&text, Format::Markdown, false).contains(&"ai-training/opt-out-consent"));
    }

    #[test]
    fn unused_and_invalid_suppressions_are_reported() {
        use clauselint_parser::Format;
        let text = "<!-- clauselint-disable-next-line terms/arbitration: accepted -->\nThese terms are governed by the laws of Ireland.\n";
        assert!(!rules_of(text, Format::Markdown, false).contains(&"meta/unused-suppression"));
        let got = rules_of(text, Format::Markdown, true);
        assert!(got.contains(&"meta/unused-suppression"), "{got:?}");
        let doc = clauselint_parser::parse(text, Format::Markdown);
        let note = crate::Analyzer::new(crate::Settings {
            report_unused_suppressions: true,
            ..crate::Settings::default()
        })
        .analyze(&doc)
        .into_iter()
        .find(|f| f.rule == "meta/unused-suppression")
        .unwrap();
        assert_eq!(note.span.start, 0);
        assert!(
            note.message.contains("`terms/arbitration`"),
            "{}",
            note.message
        );

        let typo =
            format!("<!-- clauselint-disable-next-line ai-training/opt-out accepted -->\n{RISK}\n");
        let got = rules_of(&typo, Format::Markdown, false);
        assert!(got.contains(&"meta/invalid-suppression"), "{got:?}");
        assert!(got.contains(&"ai-training/opt-out-consent"), "{got:?}");
        let stray = rules_of("[clauselint-enable]\nText.\n", Format::Text, false);
        assert_eq!(stray, vec!["meta/invalid-suppression"]);
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let src = "<!-- c -->\n\n  \nThe clause.\nNext.";
        let span = next_line(src, 10);
        assert_eq!(&src[span.start..span.end], "The clause.\n");
    }
}
