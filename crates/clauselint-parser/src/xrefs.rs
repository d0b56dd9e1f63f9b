//! Cross-references (`Section 10.4`, `Sections 3 and 4`, `clause 2(b)`, `Exhibit A`) and their
//! resolution against the clause tree.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::line_index::floor_char_boundary;
use crate::model::{ClauseId, CrossRef, CrossRefKind, CrossRefTarget, Document, Span};

/// An item label in parentheses: `(b)`, `(iv)`, `(2)`, `(aa)` — not an abbreviation such as the
/// `(SCCs)` after "Standard Contractual Clauses".
const PAREN: &str = r"\((?:[0-9]{1,3}|[a-z]{1,2}|[A-Z]{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6})\)";

fn ref_pattern() -> String {
    format!(
        r"(?:[0-9]{{1,3}}(?:\.[0-9]{{1,3}})*(?:\s?{PAREN})*|{PAREN}(?:{PAREN})*|[IVXLC]{{1,6}}(?-u:\b)|[A-Z](?-u:\b))"
    )
}

fn xref_pattern() -> String {
    // The keyword ends at a word boundary: "EXHIBITS" is a plural, not "Exhibit S".
    let reference = ref_pattern();
    format!(
        r"(?P<kw>(?-u:\b)(?i-u:sections?|sub-?sections?|clauses?|sub-?clauses?|articles?|paragraphs?|exhibits?|schedules?|annex(?:es)?|appendix|appendices|attachments?)(?-u:\b)|§§?)\s*(?P<list>{reference}(?:\s*(?:,|and|or|&|through|to|-|–)\s*(?:and\s+|or\s+)?{reference})*)"
    )
}

fn xref_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&xref_pattern()).expect("valid cross-reference regex"))
}

/// The cross-reference regex anchored at the start of its haystack.
fn anchored_xref_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("^(?:{})", xref_pattern())).expect("valid cross-reference regex")
    })
}

/// Every place a cross-reference keyword can start, in ASCII-lower-cased text. No stem occurs
/// inside another one except after a letter, where a keyword cannot start, so the non-overlapping
/// search misses no start. Case-sensitive, few and at least three bytes long, the stems let the
/// automaton skip through the text with its vectorised prefilter (`§`, two bytes, is searched on
/// its own: with it the prefilter could only tell two-byte prefixes apart, and "an", "at", "ar"
/// or "pa" are in almost every word).
fn keyword_starts() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build([
                "section",
                "sub",
                "clause",
                "article",
                "paragraph",
                "exhibit",
                "schedule",
                "annex",
                "appendi",
                "attachment",
            ])
            .expect("valid keyword set")
    })
}

/// The keywords `sub` starts: most of its hits ("subject", "submit") are none of them.
const AFTER_SUB: [&str; 4] = ["section", "-section", "clause", "-clause"];

/// The matches of [`xref_regex`] in `text`, as `find_iter` would return them. The regex has no
/// literal prefix its engine can skip ahead with (its keywords are case-insensitive), so it would
/// run its automaton over every byte; instead the keyword automaton and a search for `§` find
/// where a match can start and the anchored regex is tried there, leftmost first. Unicode case
/// folding also lets `ſ` (long s) spell an `s`: a text containing it takes the plain search.
fn xref_matches(text: &str) -> Vec<(usize, usize)> {
    if text.contains('ſ') {
        return xref_regex()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
    }
    // ASCII lower-casing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut starts: Vec<usize> = keyword_starts()
        .find_iter(&lower)
        .map(|m| m.start())
        .filter(|&start| {
            !lower[start..].starts_with("sub")
                || AFTER_SUB
                    .iter()
                    .any(|keyword| lower[start + 3..].starts_with(keyword))
        })
        .collect();
    // `§` is not ASCII, so it never overlaps a keyword: both searches together find every start.
    let keywords = starts.len();
    starts.extend(memchr::memmem::find_iter(lower.as_bytes(), "§"));
    if starts.len() > keywords {
        starts.sort_unstable();
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut resume = 0;
    for start in starts {
        if start < resume {
            continue;
        }
        // The keywords open with `(?-u:\b)`: an ASCII word byte before a letter rules them out.
        let is_keyword = bytes[start].is_ascii_alphabetic();
        if is_keyword
            && start > 0
            && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_')
        {
            continue;
        }
        if let Some(m) = anchored_xref_regex().find(&text[start..]) {
            found.push((start, start + m.end()));
            resume = start + m.end();
        }
    }
    found
}

fn ref_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&ref_pattern()).expect("valid ref regex"))
}

/// "Section 230 of the Communications Decency Act", "Article 6 GDPR", "17 U.S.C. § 512".
///
/// The name's letters are ASCII word bytes (`[0-9A-Za-z_]`, not Unicode `\w`, whose classes made
/// this the costliest of the parser's patterns to compile). Only whether the name starts with a
/// few ASCII words is read, and everything after its first capital is optional: the ASCII name is
/// the Unicode one cut at its first other letter, so it starts with those words exactly when the
/// Unicode one does.
fn external_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:of|under|in)\s+(?:the\s+)?(?P<name>[A-Z][0-9A-Za-z_.’'-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z0-9][0-9A-Za-z_.’'-]*)*)|^\s*(?:GDPR|UK\s+GDPR|CCPA|DMCA|U\.S\.C|C\.F\.R|EU|BGB)(?-u:\b)")
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
    for (found_start, found_end) in xref_matches(text) {
        // The anchored regex matched at `found_start` and ended at `found_end`; on exactly that
        // stretch it finds the same match with the same groups. Cutting the text there changes
        // no byte a path reads before the end and only one assertion: a word boundary at the
        // end. The pattern's boundaries all follow a letter, and a path whose last reference ends
        // in a letter at `found_end` had its boundary there in the whole text as well (it is the
        // match), so no path succeeds on the stretch that failed on the whole text. This spares
        // the first parse in a process compiling the unanchored form (`xref_regex`).
        let Some(caps) = anchored_xref_regex().captures(&text[found_start..found_end]) else {
            continue;
        };
        let base = found_start;
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
        // Read back over blanks only: searching back for the line's start cost the length of the
        // line for every reference on it (quadratic on a run-on line).
        let opens_line = text[..found_start]
            .chars()
            .rev()
            .find(|c| !c.is_whitespace() || *c == '\n')
            .is_none_or(|c| c == '\n');
        if opens_line && kind != CrossRefKind::Attachment {
            let after = &text[found_end..];
            if after.starts_with(['.', ':'])
                || after.trim_start().starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
        }
        let list = caps.name("list").expect("list");
        // "Exhibit" refs are single letters or digits; bare capital letters after "Section" are
        // usually a sentence ("… see Section A of …") only in attachment kinds.
        let after = &text[found_end..floor_char_boundary(text, found_end + 120)];
        let before = &text[floor_char_boundary(text, found_start.saturating_sub(12))..found_start];
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
            span: Span::new(found_start, found_end),
            targets,
            external,
        });
    }
    doc.cross_refs = refs;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_search(text: &str) -> Vec<(usize, usize)> {
        xref_regex()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// What `extract` reads from a match: the anchored regex's groups on the match alone.
    fn groups_on_match(
        regex: &Regex,
        text: &str,
        (start, end): (usize, usize),
    ) -> [Option<(usize, usize)>; 3] {
        let caps = regex
            .captures(&text[start..end])
            .expect("a match matches itself");
        let group = |name| caps.name(name).map(|m| (m.start(), m.end()));
        [
            caps.get(0).map(|m| (m.start(), m.end())),
            group("kw"),
            group("list"),
        ]
    }

    #[test]
    fn anchored_groups_on_a_match_are_the_plain_regex_groups() {
        for text in CROSS_REFERENCE_TEXTS {
            for found in plain_search(text) {
                assert_eq!(
                    groups_on_match(anchored_xref_regex(), text, found),
                    groups_on_match(xref_regex(), text, found),
                    "{text:?} {found:?}"
                );
            }
        }
    }

    const CROSS_REFERENCE_TEXTS: &[&str] = &[
        "See Section 10.4 and sections 3, 4 and 5(b). SECTION 2",
        "subsection (a) and Sub-Clause 4 apply; Sub-section 2(c)(ii) does not.",
        "under §§ 3-5 and § 7, Annexes A and B, Appendix C, appendices 1 to 3, Exhibit A.",
        "intersection 5 crossections 4 subsection5 _section 6 éSection 7 “Section 8”",
        "Articles I through IV, Article 6 GDPR, Paragraph 2, Schedule 1, Attachment B.",
        "Section Section 5 clause clauses 2 and 3 exhibit",
        "Sections 1. 2. See ſection 4 and Section 9.",
        "xsub-section 5, subsub-clause 3, Sub-Sections 4 and 5, §§§ 2",
        "Subject to § 4, subscribers sub-clause 2 SUBSECTION (b) sub- section 3 §5 sub",
        "Section 5A, Exhibit IVa, Sections 5 and 6A, Schedule A1, clause IV2 and V, Article X.",
        "Sections 2(a)(iv) through 2(c)andB, Exhibits C or D2, Section 3 (b) and (cc)x",
        "",
    ];

    #[test]
    fn keyword_search_finds_what_the_plain_search_finds() {
        for text in CROSS_REFERENCE_TEXTS {
            assert_eq!(xref_matches(text), plain_search(text), "{text:?}");
        }
    }
}
