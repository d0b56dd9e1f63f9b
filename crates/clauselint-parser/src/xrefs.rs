//! Cross-references (`Section 10.4`, `Sections 3 and 4`, `clause 2(b)`, `Exhibit A`) and their
//! resolution against the clause tree.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::line_index::floor_char_boundary;
use crate::model::{ClauseId, CrossRef, CrossRefKind, CrossRefTarget, Document, Span};

const REF: &str = r"(?:\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-zA-Z0-9]{1,4}\))*|\([a-zA-Z0-9]{1,4}\)(?:\([a-zA-Z0-9]{1,4}\))*|[IVXLC]{1,6}(?-u:\b)|[A-Z](?-u:\b))";

fn xref_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?P<kw>(?-u:\b)(?i:sections?|sub-?sections?|clauses?|sub-?clauses?|articles?|paragraphs?|exhibits?|schedules?|annex(?:es)?|appendix|appendices|attachments?)|§§?)\s*(?P<list>{REF}(?:\s*(?:,|and|or|&|through|to|-|–)\s*(?:and\s+|or\s+)?{REF})*)"
        ))
        .expect("valid cross-reference regex")
    })
}

fn ref_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(REF).expect("valid ref regex"))
}

/// "Section 230 of the Communications Decency Act", "Article 6 GDPR", "17 U.S.C. § 512".
fn external_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:of|under|in)\s+(?:the\s+)?(?P<name>[A-Z][\w.’'-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z0-9][\w.’'-]*)*)|^\s*(?:GDPR|UK\s+GDPR|CCPA|DMCA|U\.S\.C|C\.F\.R|EU|BGB)(?-u:\b)")
            .expect("valid external regex")
    })
}

fn normalise_key(kind: CrossRefKind, raw: &str, kw: &str) -> String {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    match kind {
        CrossRefKind::Attachment => format!("{} {}", attachment_word(kw), compact.to_lowercase()),
        _ => compact,
    }
}

fn attachment_word(kw: &str) -> &'static str {
    let k = kw.to_lowercase();
    if k.starts_with("exhibit") {
        "exhibit"
    } else if k.starts_with("schedule") {
        "schedule"
    } else if k.starts_with("annex") {
        "annex"
    } else if k.starts_with("attachment") {
        "attachment"
    } else {
        "appendix"
    }
}

pub(crate) fn extract(doc: &mut Document) {
    let mut keys: HashMap<String, ClauseId> = HashMap::new();
    for clause in &doc.clauses {
        for key in &clause.keys {
            keys.entry(key.clone()).or_insert(clause.id);
        }
    }
    let text = doc.text.as_str();
    let mut refs = Vec::new();
    // Find matches with the fast DFA search, then take capture groups on the match alone: capture
    // search over a whole document would fall back to the slow PikeVM.
    for found in xref_regex().find_iter(text) {
        let Some(caps) = xref_regex().captures(found.as_str()) else {
            continue;
        };
        let base = found.start();
        let kw = caps.name("kw").expect("kw").as_str();
        let lower = kw.to_lowercase();
        let kind = if lower.starts_with('§') || lower.contains("section") {
            CrossRefKind::Section
        } else if lower.starts_with("article") {
            CrossRefKind::Article
        } else if lower.contains("clause") {
            CrossRefKind::Clause
        } else if lower.starts_with("paragraph") {
            CrossRefKind::Paragraph
        } else {
            CrossRefKind::Attachment
        };
        // Headings such as "Section 5. Fees" define, not refer.
        let line_start = text[..found.start()].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..found.start()].trim().is_empty() && kind != CrossRefKind::Attachment {
            let after = &text[found.end()..];
            if after.starts_with(['.', ':'])
                || after.trim_start().starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
        }
        let list = caps.name("list").expect("list");
        // "Exhibit" refs are single letters or digits; bare capital letters after "Section" are
        // usually a sentence ("… see Section A of …") only in attachment kinds.
        let after = &text[found.end()..floor_char_boundary(text, found.end() + 120)];
        let before =
            &text[floor_char_boundary(text, found.start().saturating_sub(12))..found.start()];
        let external = external_regex().captures(after).is_some_and(|c| {
            c.name("name").is_none_or(|n| {
                let n = n.as_str();
                !(n.starts_with("This")
                    || n.starts_with("These")
                    || n.starts_with("Agreement")
                    || n.starts_with("Terms"))
            })
        }) || before.contains("U.S.C")
            || before.contains("C.F.R");
        let mut targets = Vec::new();
        for r in ref_regex().find_iter(list.as_str()) {
            let raw = r.as_str();
            if kind != CrossRefKind::Attachment
                && raw.len() == 1
                && raw.chars().all(|c| c.is_ascii_uppercase())
                && !matches!(raw, "I" | "V" | "X")
            {
                continue;
            }
            let key = normalise_key(kind, raw, kw);
            let resolved = keys.get(&key).copied().or_else(|| {
                // "Section 10.4" also finds a clause numbered "10.4." and "Article IV" a "IV".
                keys.get(key.trim_end_matches('.')).copied()
            });
            let start = base + list.start() + r.start();
            targets.push(CrossRefTarget {
                key,
                span: Span::new(start, start + raw.len()),
                resolved,
            });
        }
        if targets.is_empty() {
            continue;
        }
        refs.push(CrossRef {
            kind,
            span: Span::new(found.start(), found.end()),
            targets,
            external,
        });
    }
    doc.cross_refs = refs;
}
