//! `drafting/broken-cross-reference`
//!
//! ## What it flags
//! An internal cross-reference to a clause the document does not have: "Section 14.6" in a
//! document whose Section 14 stops at 14.5, "Section 27.2(2)" where Section 27.2 lists items (i) and
//! (ii), "clause (iv) above" with no item (iv) in reach, and "Exhibit A" when no Exhibit A is
//! attached.
//!
//! ## Why it matters
//! A cross-reference imports something — an exception, a limit, a survival, a procedure. When it
//! points at nothing, what it was meant to import is a matter of argument, and the clause relying on
//! it may not work at all. Broken references usually come from renumbering after an amendment.
//!
//! ## Not flagged
//! References into other instruments ("Section 230 of the Communications Decency Act", "Section 4
//! of our Privacy Policy", "Article 6(1)(f) GDPR"). Section, clause and article references are
//! judged only when the document numbers at least three clauses, so a document without numbering
//! (whose references the parser cannot resolve) does not drown in findings. Items such as "(ii)"
//! that the parser did not split into clauses count as present when their enumerator appears in the
//! referenced clause.

use std::collections::HashMap;

use crate::text_regex::regex;
use crate::text_regex::TextRegex;
use clauselint_parser::{ClauseId, CrossRef, CrossRefKind, Document, NumberStyle, Span};

use crate::context::Context;
use crate::finding::{Edit, Finding, FindingKind, Fix, Related, Severity};
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct BrokenCrossReference;

static META: RuleMeta = RuleMeta {
    id: "drafting/broken-cross-reference",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "A cross-reference points to a clause or attachment the document does not contain.",
        why: "A reference imports an exception, limit or procedure; when it points at nothing, what it \
              imports is open to argument and the clause relying on it may not work.",
        example: "## 1. Fees\n\nFees are due monthly.\n\n## 2. Term\n\nThis Agreement runs for one year.\n\n\
                  ## 3. Termination\n\nSections 1 and 7 survive termination.",
        suggested: "## 1. Fees\n\nFees are due monthly.\n\n## 2. Term\n\nThis Agreement runs for one year.\n\n\
                    ## 3. Termination\n\nSections 1 and 2 survive termination.",
        references: &["REVIEW-GUIDE: Drafting — cross-references"],
    },
};

/// "… of our Privacy Policy", "… of the Data Processing Addendum", "… to the SCCs": the text right
/// after a reference names another instrument.
fn other_instrument_regex() -> &'static TextRegex {
    regex!(
        r"^(?:\s*(?:sub|para(?:graph)?|lit\.?)?\s*\([A-Za-z0-9]{1,4}\))*\s*,?\s*(?:of|in|under|to|from|within)\s+(?:the\s+|our\s+|its\s+|your\s+|their\s+|any\s+|applicable\s+|such\s+|each\s+|an?\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+(?:of\s+|and\s+|for\s+|on\s+)?[A-Z0-9][\w’'.-]*)*)"
    )
}

/// Names by which a document refers to itself.
const SELF_NAMES: &[&str] = &[
    "agreement",
    "terms",
    "contract",
    "conditions",
    "eula",
    "policy",
    "notice",
    "statement",
    "this",
    "these",
    "addendum",
    "dpa",
];

fn statute_before(doc: &Document, start: usize) -> bool {
    let from =
        clauselint_parser::line_index::floor_char_boundary(&doc.text, start.saturating_sub(60));
    let before = &doc.text[from..start];
    [
        "U.S.C",
        "C.F.R",
        " Act",
        "Regulation",
        "GDPR",
        "Code",
        "Convention",
        "Directive",
        "Treaty",
        "Uniform Rules",
    ]
    .iter()
    .any(|p| before.contains(p))
}

/// The reference names another instrument right after it (or is read as external by the parser).
fn into_other_instrument(doc: &Document, r: &CrossRef) -> bool {
    if r.external || statute_before(doc, r.span.start) {
        return true;
    }
    let end = clauselint_parser::line_index::floor_char_boundary(
        &doc.text,
        (r.span.end + 120).min(doc.text.len()),
    );
    let after = &doc.text[r.span.end..end];
    // "§ 26 BDSG", "Article 6-V.A of the French …", "Clause 2(a) (Effect and invariability of the
    // Clauses)" where no clause here has that title.
    let tail = regex!(
        r"^[\w.-]*(?:\s*\([A-Za-z0-9]{1,4}\))*\s*(?:(?P<acronym>[A-Z]{2,6})\b|\((?P<title>[A-Z][^()]{3,80})\))"
    );
    if let Some(c) = tail.captures(after) {
        // In capitals ("SECTION 12 SHALL SURVIVE") every word looks like an acronym.
        let shouting = doc
            .sentence_at(r.span.start)
            .is_some_and(|si| super::is_shouting(doc.sentence_text(si)));
        if c.name("acronym").is_some() && !shouting {
            return true;
        }
        if let Some(title) = c.name("title") {
            let title = title.as_str().to_lowercase();
            let known = doc.clauses.iter().any(|cl| {
                cl.title.as_deref().is_some_and(|t| {
                    t.to_lowercase().contains(&title) || title.contains(&t.to_lowercase())
                })
            });
            if !known {
                return true;
            }
        }
    }
    // "§ 25 para 2 No. 2 TTDSG", "Section 14, Sub Section 3 of Law 25,326", "Article 5 (3)
    // ePrivacy Directive": a statute named within the next words of the sentence.
    let law = regex!(
        r"^[^;]{0,40}?\b(?:Act|Directive|Regulation|Code|Law|Convention|Treaty|Statute|GDPR|DSGVO|BDSG|TTDSG|UWG|CCPA|CPRA|DMCA|LGPD|PIPEDA|U\.S\.C|C\.F\.R)\b"
    );
    if law.is_match(after)
        && !after.to_lowercase().contains(" this ")
        && !after.to_lowercase().contains(" these ")
    {
        return true;
    }
    let after = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '.' || c == '-');
    let lower_after = after.trim_start().to_lowercase();
    if [
        "thereto",
        "thereof",
        "therein",
        "thereunder",
        "of that ",
        "to that ",
    ]
    .iter()
    .any(|p| lower_after.starts_with(p))
    {
        return true;
    }
    // "Exhibit B to the data processing agreement": an attachment of another instrument.
    if r.kind == CrossRefKind::Attachment {
        let attached = regex!(
            r"^\s*(?:to|of|in)\s+(?:the|our|its|your|their|any|each|an?)\s+(?P<name>[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s*(?:[,.;:)]|$|\s(?:and|or|which|that|between|with|for|is|are|will|shall|contains?|sets?|describes?)\b)"
        );
        if let Some(c) = attached.captures(after) {
            let name = c["name"].to_lowercase();
            if !SELF_NAMES.contains(&name.as_str()) {
                return true;
            }
        }
    }
    let Some(caps) = other_instrument_regex().captures(after) else {
        return false;
    };
    let name = caps["name"].to_lowercase();
    if SELF_NAMES.contains(&name.as_str()) {
        return false;
    }
    // "of the Terms of Use" in a privacy policy is another instrument, unless this document
    // defines that name for itself or is titled by it.
    let self_defined = doc
        .definitions
        .iter()
        .any(|d| d.term.to_lowercase() == name && definition_names_self(doc, d));
    let title = doc
        .blocks
        .iter()
        .find(|b| b.kind == clauselint_parser::BlockKind::Heading)
        .map(|b| doc.plain(b.text_span).to_lowercase())
        .unwrap_or_default();
    !(self_defined || (!title.is_empty() && title.contains(&name)))
}

fn definition_names_self(doc: &Document, d: &clauselint_parser::Definition) -> bool {
    let body = doc.plain(d.definition_span).to_lowercase();
    let sentence = d
        .sentence
        .map(|s| doc.sentence_text(s).to_lowercase())
        .unwrap_or_default();
    [
        "these terms",
        "this agreement",
        "this document",
        "these conditions",
        "this policy",
    ]
    .iter()
    .any(|p| body.contains(p) || sentence.contains(p))
}

/// `27.2(2)` → ("27.2", ["(2)"]).
fn split_key(key: &str) -> (&str, Vec<&str>) {
    let base_end = key.find('(').unwrap_or(key.len());
    let base = &key[..base_end];
    let mut parts = Vec::new();
    let mut rest = &key[base_end..];
    while let Some(close) = rest.find(')') {
        parts.push(&rest[..=close]);
        rest = &rest[close + 1..];
    }
    (base, parts)
}

fn clause_by_key(doc: &Document, key: &str) -> Option<ClauseId> {
    let trimmed = key.trim_end_matches('.');
    doc.clauses
        .iter()
        .find(|c| c.keys.iter().any(|k| k == key || k == trimmed))
        .map(|c| c.id)
}

/// Is the item `(ii)` written inside `span` (outside `except`): as `(ii)` not glued to a word, in
/// either case, or as `ii)` / `ii.` opening a line?
fn has_item(doc: &Document, span: Span, item: &str, except: Span) -> bool {
    let text = &doc.text[span.start..span.end];
    for form in [item.to_string(), item.to_lowercase(), item.to_uppercase()] {
        for (pos, _) in text.match_indices(form.as_str()) {
            let at = span.start + pos;
            if except.start <= at && at < except.end {
                continue;
            }
            // "(ii)" must not be part of a longer reference such as "Section 4(ii)".
            let before = doc.text[..at].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric() && c != ')') {
                return true;
            }
        }
    }
    // "ii) …", "b. …", "8 . …" (a Markdown escape blanked) opening a line of text.
    let inner = item.trim_matches(['(', ')']);
    let Ok(re) = TextRegex::new(&format!(
        r"(?im)^[\s*_#>-]*\(?{}\s*[.)]\s",
        regex::escape(inner)
    )) else {
        return false;
    };
    let found = re
        .find_iter(text)
        .any(|m| !(except.start <= span.start + m.start() && span.start + m.start() < except.end));
    found
}

/// The position of an item in its list: `(4)`, `(iv)` and `(d)` are all the fourth.
fn ordinal(item: &str) -> Option<usize> {
    let inner = item.trim_matches(['(', ')']).to_lowercase();
    inner
        .parse::<usize>()
        .ok()
        .or_else(|| roman_value(&inner))
        .or_else(|| {
            let c = inner.chars().next()?;
            (inner.len() == 1 && c.is_ascii_lowercase()).then(|| (c as usize) - ('a' as usize) + 1)
        })
}

/// An ordered-list line for the `n`th item inside `span` ("4. …", "4) …"). List markers carry no
/// style of their own — a converter may have turned "(d)" into "4." — so any style of that ordinal
/// is taken as present.
fn has_list_marker(doc: &Document, span: Span, n: usize) -> bool {
    let Ok(re) = TextRegex::new(&format!(r"(?m)^[ \t>*_]*{n}\\?[.)][ \t]")) else {
        return false;
    };
    re.is_match(&doc.source[span.start..span.end])
}

/// Is the item present in any form the document could have meant?
fn item_present(doc: &Document, span: Span, item: &str, except: Span) -> bool {
    has_item(doc, span, item, except)
        || ordinal(item).is_some_and(|n| has_list_marker(doc, span, n))
}

/// `(ii)`, `(b)`, `(12)`: the shapes enumerators take. `(SCCs)` is an abbreviation.
fn plausible_item(item: &str) -> bool {
    let inner = item.trim_matches(['(', ')']);
    (inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit()))
        || roman_value(&inner.to_lowercase()).is_some()
        || (inner.len() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic()))
}

fn roman(n: usize) -> Option<&'static str> {
    const R: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    n.checked_sub(1).and_then(|i| R.get(i)).copied()
}

fn roman_value(s: &str) -> Option<usize> {
    (1..=12).find(|&n| roman(n) == Some(s))
}

/// Another spelling of an item that the clause does have: `(2)` → `(ii)` or `(b)`.
fn alternative(doc: &Document, span: Span, item: &str, except: Span) -> Option<String> {
    let inner = item.trim_matches(['(', ')']);
    let n = inner
        .parse::<usize>()
        .ok()
        .or_else(|| roman_value(inner))
        .or_else(|| {
            let c = inner.chars().next()?;
            (inner.len() == 1 && c.is_ascii_lowercase()).then(|| (c as usize) - ('a' as usize) + 1)
        })?;
    let mut options = vec![n.to_string()];
    if let Some(r) = roman(n) {
        options.push(r.to_string());
    }
    if n <= 26 {
        options.push(((b'a' + n as u8 - 1) as char).to_string());
    }
    options
        .into_iter()
        .map(|o| format!("({o})"))
        .find(|o| o != item && has_item(doc, span, o, except))
}

/// The items a clause lists, for the message: "(i), (ii)".
fn items_in(doc: &Document, span: Span, like: &str) -> Vec<String> {
    let inner = like.trim_matches(['(', ')']);
    let candidates: Vec<String> = if inner.chars().all(|c| c.is_ascii_digit())
        || roman_value(inner).is_some()
        || inner.len() == 1
    {
        (1..=12)
            .flat_map(|n| {
                let mut v = vec![format!("({n})")];
                if let Some(r) = roman(n) {
                    v.push(format!("({r})"));
                }
                v.push(format!("({})", (b'a' + n as u8 - 1) as char));
                v
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut found: Vec<String> = Vec::new();
    for c in candidates {
        let literal = doc.text[span.start..span.end].contains(c.as_str());
        if !found.contains(&c) && literal {
            found.push(c);
        }
    }
    found
}

enum Broken {
    /// No clause with this number at all.
    Missing,
    /// The clause exists but has no such item; maybe another spelling of it.
    NoItem {
        clause: ClauseId,
        item: String,
        alternative: Option<String>,
    },
    /// No attachment with this name.
    NoAttachment,
    /// "Section 12.2" for item (2) of Section 12.
    WrongStyle {
        clause: ClauseId,
        written: String,
        meant: String,
    },
}

/// Numbers used once each. When many clauses share a number (nested lists restarting at 1, a
/// table of contents, appendices numbered afresh), which clause a reference means cannot be told.
fn numbering_is_consistent(doc: &Document) -> bool {
    let keys: Vec<&String> = doc
        .clauses
        .iter()
        .filter(|c| matches!(c.style, NumberStyle::Decimal(_) | NumberStyle::Article))
        .filter_map(|c| c.keys.first())
        .collect();
    // Counted in a map: comparing every key with every other was quadratic in the clauses.
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    for k in &keys {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    let shared = keys.iter().filter(|k| counts[k.as_str()] > 1).count();
    shared * 5 <= keys.len()
}

/// What the visible numbering lets us judge about a missing number.
struct VisibleNumbering {
    min_top: u32,
    /// Distinct top-level numbers referred to but not found: many means the numbering the
    /// references use is not the one shown (lost in conversion).
    missing_tops: usize,
}

impl VisibleNumbering {
    fn judges(&self, doc: &Document, r: &CrossRef, t: &clauselint_parser::CrossRefTarget) -> bool {
        let top = t
            .key
            .split(['.', '('])
            .next()
            .and_then(|n| n.parse::<u32>().ok());
        // "Nothing in this article 10.14 …": the clause it sits in, whose number we cannot see.
        let before = doc.text[..r.span.start].trim_end().to_lowercase();
        let this = before.ends_with(" this") || before.ends_with(" these");
        self.missing_tops < 3 && !this && top.is_none_or(|n| n >= self.min_top)
    }
}

/// "PART III", "Chapter 2": divisions above the clauses, numbered separately.
fn is_division(c: &clauselint_parser::Clause) -> bool {
    let n = c.number.as_deref().unwrap_or("").to_lowercase();
    ["part", "chapter", "title", "book", "division"]
        .iter()
        .any(|p| n.starts_with(p))
}

fn visible_numbering(doc: &Document) -> VisibleNumbering {
    let tops: Vec<u32> = doc
        .clauses
        .iter()
        .filter(|c| matches!(c.style, NumberStyle::Decimal(_) | NumberStyle::Article))
        .filter(|c| !is_division(c))
        .filter_map(|c| c.keys.iter().find_map(|k| numeric_key(k)))
        .filter_map(|k| k.first().copied())
        .collect();
    let mut missing: Vec<u32> = doc
        .cross_refs
        .iter()
        .filter(|r| !r.external && r.kind != CrossRefKind::Attachment)
        .flat_map(|r| r.targets.iter())
        .filter(|t| t.resolved.is_none())
        .filter_map(|t| t.key.split(['.', '(']).next()?.parse::<u32>().ok())
        .filter(|n| !tops.contains(n))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    VisibleNumbering {
        min_top: tops.iter().copied().min().unwrap_or(1),
        missing_tops: missing.len(),
    }
}

/// Annexes and appendices of the Standard Contractual Clauses, discussed in the clauses that
/// complete them.
fn scc_context(doc: &Document, at: usize) -> bool {
    let from =
        clauselint_parser::line_index::floor_char_boundary(&doc.text, at.saturating_sub(2000));
    let before = &doc.text[from..at];
    before.contains("Standard Contractual Clauses")
        || before.contains("SCCs")
        || before.contains("standard contractual clauses")
}

/// How many distinct top-level numbers the document uses ("1", "2", "3" …, or "I", "II" …): a
/// document numbered only "6.1", "6.2" cannot be judged.
fn numbered_clauses(doc: &Document) -> usize {
    let mut tops: Vec<&str> = doc
        .clauses
        .iter()
        .filter(|c| matches!(c.style, NumberStyle::Decimal(_) | NumberStyle::Article))
        .filter_map(|c| c.keys.first())
        .map(|k| k.split('.').next().unwrap_or(k))
        .collect();
    tops.sort_unstable();
    tops.dedup();
    tops.len()
}

fn max_top_number(doc: &Document) -> usize {
    doc.clauses
        .iter()
        .filter(|c| matches!(c.style, NumberStyle::Decimal(_) | NumberStyle::Article))
        .filter_map(|c| {
            c.keys
                .iter()
                .find_map(|k| k.split('.').next()?.parse::<usize>().ok())
        })
        .max()
        .unwrap_or(0)
}

/// The clause a reference without a number ("clause (ii) of this Section 32", "paragraph (c)
/// above") lives in: a following "of Section N", else the root clause around it.
fn context_clause(doc: &Document, r: &CrossRef) -> Option<ClauseId> {
    if let Some(next) = doc.cross_refs.iter().find(|o| {
        o.span.start >= r.span.end
            && o.span.start <= r.span.end + 20
            && doc.text[r.span.end..o.span.start]
                .to_lowercase()
                .contains("of")
    }) {
        if let Some(c) = next.targets.first().and_then(|t| t.resolved) {
            return Some(c);
        }
    }
    let here = doc.clause_at(r.span.start)?;
    doc.clause_path(here).into_iter().last()
}

/// Where a clause's text runs: from its start to the next clause numbered outside it. The parser's
/// nesting can stop a clause early (inline items, unusual layouts); numbering is steadier.
fn region(doc: &Document, clause: ClauseId) -> Span {
    let c = &doc.clauses[clause];
    let Some(own) = c.keys.iter().find_map(|k| numeric_key(k)) else {
        return c.span;
    };
    // The next clause numbered after this one at its level or above: "13" or "28" after "12" or
    // "27.2"; nested list items numbered "1.", "2." do not end it.
    let next = doc
        .clauses
        .iter()
        .filter(|o| o.span.start > c.span.start)
        .filter(|o| matches!(o.style, NumberStyle::Decimal(_) | NumberStyle::Article))
        .find(|o| {
            o.keys.iter().filter_map(|k| numeric_key(k)).any(|k| {
                let cut = k.len().min(own.len());
                k.len() <= own.len() && k[..cut] >= own[..cut] && k != own
            })
        })
        .map_or(doc.text.len(), |o| o.span.start);
    Span::new(c.span.start, next.max(c.span.end))
}

/// "27.2" → [27, 2].
fn numeric_key(key: &str) -> Option<Vec<u32>> {
    key.trim_end_matches('.')
        .split('.')
        .map(|p| p.parse::<u32>().ok())
        .collect()
}

/// A line opening with the number ("12.2 …", "**Section 4.** …"): a clause the parser did not
/// recognise as one.
fn numbered_lines(doc: &Document, key: &str) -> usize {
    let Ok(re) = TextRegex::new(&format!(
        r"(?im)^[\s*_#>]*(?:section|article|clause|§)?\s*{}\\?(?:[.):\s*]|[A-Z]|$)",
        regex::escape(key)
    )) else {
        return 0;
    };
    // The source, where list markers ("7.  ### XFINITY EQUIPMENT") are still written.
    re.find_iter(&doc.source).count()
}

/// Two clauses numbered alike (an appendix that restarts at 1, a list read as clauses): which one
/// a reference means cannot be told, so it is not judged.
fn ambiguous(doc: &Document, key: &str) -> bool {
    let clauses = doc
        .clauses
        .iter()
        .filter(|c| c.keys.iter().any(|k| k == key))
        .count();
    clauses > 1 || numbered_lines(doc, key) > 1
}

fn judge(doc: &Document, r: &CrossRef, index: usize, enough_numbering: bool) -> Option<Broken> {
    let t = &r.targets[index];
    if t.resolved.is_some() {
        return None;
    }
    // "Annex(es)": a plural the parser read as item "(es)"; "Section S-1.4": a prefixed numbering
    // it does not know.
    if doc.text[..t.span.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
        || doc.text[t.span.end..].starts_with('-')
    {
        return None;
    }
    if r.kind == CrossRefKind::Attachment {
        // The parser may not have split the attachment out as a clause: look for a line opening
        // with its name ("Exhibit A", "SCHEDULE 1 – …", "Exhibit ABinding Arbitration").
        let name = t.key.to_lowercase();
        let present = doc.text.lines().any(|l| {
            let l = l.trim_start_matches(['#', '*', '_', ' ', '\t', '>', '-']);
            // "i. Annex 1 A: List of Parties", "(a) Annex II – …": an enumerated heading.
            let l = match l.split_once(['.', ')']) {
                Some((head, rest))
                    if head.len() <= 4
                        && head
                            .trim_start_matches('(')
                            .chars()
                            .all(char::is_alphanumeric) =>
                {
                    rest.trim_start()
                }
                _ => l,
            };
            l.to_lowercase().starts_with(&name)
                && l.get(name.len()..).is_some_and(|rest| {
                    rest.chars()
                        .next()
                        .is_none_or(|c| !(c.is_lowercase() || c.is_numeric()))
                })
        });
        return (!present).then_some(Broken::NoAttachment);
    }
    if !enough_numbering {
        return None;
    }
    // "Article 40" in a document whose clauses are not articles names a statute's article.
    if r.kind == CrossRefKind::Article
        && !doc
            .clauses
            .iter()
            .any(|c| matches!(c.style, NumberStyle::Article))
    {
        return None;
    }
    let (base, items) = split_key(&t.key);
    if !items.iter().all(|i| plausible_item(i)) {
        return None;
    }
    if base.is_empty() {
        // "Sections 2(b)(1)-(2)": a bare item after the first target continues that target.
        if index > 0 {
            return None;
        }
        let clause = context_clause(doc, r)?;
        let span = region(doc, clause);
        let missing = items.iter().find(|i| !item_present(doc, span, i, r.span))?;
        return Some(Broken::NoItem {
            clause,
            item: missing.to_string(),
            alternative: alternative(doc, span, missing, r.span),
        });
    }
    if base.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let top: usize = base
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        // "Section 230" in a document numbered to 20 names a statute, not a clause.
        if top > 3 * max_top_number(doc).max(10) {
            return None;
        }
    }
    let Some(clause) = clause_by_key(doc, base) else {
        if numbered_lines(doc, base) > 0 {
            return None;
        }
        // "Section 12.2" where Section 12 lists items (1), (2): the numbering style is wrong.
        if let Some((parent_key, last)) = base.rsplit_once('.') {
            if let Some(parent) = clause_by_key(doc, parent_key) {
                let item = format!("({last})");
                let span = region(doc, parent);
                // A nested list marker may have been rendered "6.6" originally: only a literal
                // "(6)" shows the reference is in the wrong style.
                if ordinal(&item).is_some_and(|n| has_list_marker(doc, span, n)) {
                    return None;
                }
                if has_item(doc, span, &item, r.span) {
                    return Some(Broken::WrongStyle {
                        clause: parent,
                        written: base.to_string(),
                        meant: format!("{parent_key}{item}"),
                    });
                }
            }
        }
        // "Section 17.1" where Section 17 has no numbered sub-clauses at all: its items are in a
        // layout the parser did not number (nested lists), so absence proves nothing.
        if let Some((parent_key, _)) = base.rsplit_once('.') {
            let prefix = format!("{parent_key}.");
            let subnumbered = doc
                .clauses
                .iter()
                .any(|c| c.keys.iter().any(|k| k.starts_with(&prefix)));
            if !subnumbered {
                return None;
            }
        }
        return Some(Broken::Missing);
    };
    if ambiguous(doc, base) {
        return None;
    }
    let span = region(doc, clause);
    let missing = items.iter().find(|i| !item_present(doc, span, i, r.span))?;
    Some(Broken::NoItem {
        clause,
        item: missing.to_string(),
        alternative: alternative(doc, span, missing, r.span),
    })
}

/// "Section 27.2 (Exceptions to Arbitration)", "Article IV", "clause (b)".
fn clause_name(doc: &Document, id: ClauseId) -> String {
    let c = &doc.clauses[id];
    let number = c.number.as_deref().unwrap_or("").trim_end_matches('.');
    let named = if number.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
        format!("Section {number}")
    } else if number.is_empty() {
        "the clause".to_string()
    } else if matches!(c.style, NumberStyle::Article)
        && !number.to_lowercase().starts_with("article")
    {
        format!("Article {number}")
    } else {
        number.to_string()
    };
    match &c.title {
        Some(t) => format!("{named} ({})", t.trim_end_matches(['.', ':'])),
        None => named,
    }
}

fn kind_word(kind: CrossRefKind) -> &'static str {
    match kind {
        CrossRefKind::Section => "section",
        CrossRefKind::Article => "article",
        CrossRefKind::Clause => "clause",
        CrossRefKind::Paragraph => "paragraph",
        CrossRefKind::Attachment => "attachment",
    }
}

impl Rule for BrokenCrossReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let enough_numbering = numbered_clauses(doc) >= 3 && numbering_is_consistent(doc);
        let top = max_top_number(doc);
        // "Article 40 of the Digital Services Act … as described in Article 40": once a number is
        // shown to belong to another instrument, later bare mentions of it do too.
        let mut external_keys: Vec<(CrossRefKind, String)> = Vec::new();
        let visible = visible_numbering(doc);
        let first_numbered = doc
            .clauses
            .iter()
            .filter(|c| matches!(c.style, NumberStyle::Decimal(_) | NumberStyle::Article))
            .map(|c| c.span.start)
            .min()
            .unwrap_or(0);
        let mut english: HashMap<usize, bool> = HashMap::new();
        for r in &doc.cross_refs {
            // A long preamble before the first numbered clause is often another instrument
            // (offer terms, a summary) with numbering of its own.
            if r.kind != CrossRefKind::Attachment
                && r.span.start < first_numbered
                && first_numbered > 5000
            {
                continue;
            }
            if r.kind == CrossRefKind::Attachment && scc_context(doc, r.span.start) {
                continue;
            }
            if into_other_instrument(doc, r) {
                external_keys.extend(r.targets.iter().map(|t| (r.kind, t.key.clone())));
                continue;
            }
            if r.targets
                .iter()
                .any(|t| external_keys.contains(&(r.kind, t.key.clone())))
            {
                continue;
            }
            // The drafting rules' per-sentence fact when a rule made it, else the sentence read
            // once, not once per reference in it: a sentence holding thousands of references was
            // read thousands of times. (Forcing the fact would walk every word of documents whose
            // other drafting rules never need it: 75 → 151 ms over the corpus.)
            if doc.sentence_at(r.span.start).is_some_and(|si| {
                !*english
                    .entry(si)
                    .or_insert_with(|| super::sentence_reads_as_english_cheaply(cx, si))
            }) {
                continue;
            }
            for (index, t) in r.targets.iter().enumerate() {
                let Some(broken) = judge(doc, r, index, enough_numbering) else {
                    continue;
                };
                if matches!(broken, Broken::Missing) && !visible.judges(doc, r, t) {
                    continue;
                }
                // One target: the whole reference ("Section 14.6"); several: just the number.
                let span = if r.targets.len() == 1 { r.span } else { t.span };
                let quoted = cx.quote(span);
                let written = doc.plain(t.span).to_string();
                let (message, fix, related) = match broken {
                    Broken::Missing => {
                        let range = if top > 0 {
                            format!(" (its clauses are numbered 1 to {top})")
                        } else {
                            String::new()
                        };
                        (
                            format!(
                                "“{quoted}” points to a {} this document does not have{range}. Whatever the \
                                 reference was meant to import — an exception, a limit, a procedure — is left to \
                                 argument. Correct the number (it may be left over from a renumbering) or remove \
                                 the reference.",
                                kind_word(r.kind)
                            ),
                            None,
                            Vec::new(),
                        )
                    }
                    Broken::NoItem { clause, item, alternative } => {
                        let label = clause_name(doc, clause);
                        let listed = items_in(doc, doc.clauses[clause].span, &item);
                        let has = if listed.is_empty() {
                            String::new()
                        } else {
                            format!(" (it lists {})", listed.join(", "))
                        };
                        let fix = alternative.as_ref().map(|alt| {
                            let new_text = written.replacen(&item, alt, 1);
                            Fix {
                                title: format!("Refer to item {alt}"),
                                edits: vec![Edit { span: t.span, new_text }],
                            }
                        });
                        let hint = alternative
                            .map(|alt| format!(" Item {alt} may be what is meant."))
                            .unwrap_or_default();
                        (
                            format!(
                                "“{quoted}” refers to item {item}, but {label} has no item {item}{has}. The \
                                 reference does not identify what it imports, so its effect is open to \
                                 argument.{hint} Correct the reference."
                            ),
                            fix,
                            vec![Related {
                                span: doc.clauses[clause].title_span.unwrap_or(Span::new(
                                    doc.clauses[clause].span.start,
                                    doc.clauses[clause].span.start,
                                )),
                                message: format!("{label} starts here"),
                            }],
                        )
                    }
                    Broken::WrongStyle { clause, written, meant } => {
                        let label = clause_name(doc, clause);
                        (
                            format!(
                                "“{quoted}” points to a clause this document does not have: there is no {written}, \
                                 but {label} has an item {}, which is probably what is meant. Correct the \
                                 reference so that it identifies the item unambiguously.",
                                &meant[meant.find('(').unwrap_or(0)..]
                            ),
                            Some(Fix {
                                title: format!("Refer to {meant}"),
                                edits: vec![Edit {
                                    span: t.span,
                                    new_text: meant.clone(),
                                }],
                            }),
                            Vec::new(),
                        )
                    }
                    Broken::NoAttachment => (
                        format!(
                            "“{quoted}” is referred to but is not part of this document. Terms incorporated from \
                             a missing attachment are uncertain and may not bind at all. Attach it, or say where \
                             it is published (a URL or the instrument it belongs to)."
                        ),
                        None,
                        Vec::new(),
                    ),
                };
                out.push(Finding {
                    rule: META.id,
                    severity: META.default_severity,
                    kind: FindingKind::Risk,
                    message,
                    span,
                    clause: doc.clause_at(span.start),
                    suggestion: None,
                    fix,
                    related,
                    document_level: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, findings, risks};

    const ID: &str = "drafting/broken-cross-reference";

    /// Zoom Terms of Service §27.2–27.4 (abridged): 27.2 lists (i) and (ii), but 27.3 cites 27.2(2).
    const ZOOM: &str = "**27\\. DISPUTE RESOLUTION**\n\n\
        **27.1 Covered Disputes**. This Arbitration Agreement covers all Disputes.\n\n\
        **27.2 Exceptions to Arbitration**. This Arbitration Agreement shall not require arbitration of: \
        (i) small claims court actions; and (ii) claims pertaining to intellectual property rights.\n\n\
        **27.3 Informal Dispute Resolution First**. If you or Zoom have a Dispute involving claims under \
        the exception to arbitration in Section 27.2(2), then this Section 27.3 does not apply.\n\n\
        **28\\. ANONYMIZED DATA**\n\nZoom may aggregate data.\n\n\
        **29\\. MARKETING**\n\nZoom may use your logo.";

    #[test]
    fn an_item_the_clause_does_not_have_is_reported_with_the_likely_fix() {
        let found = findings(ID, ZOOM);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(&ZOOM[f.span.start..f.span.end], "Section 27.2(2)");
        assert!(
            f.message
                .contains("Section 27.2 (Exceptions to Arbitration) has no item (2)"),
            "{}",
            f.message
        );
        let fix = f.fix.as_ref().expect("fix");
        assert_eq!(fix.edits[0].new_text, "27.2(ii)");
    }

    #[test]
    fn a_missing_sub_clause_is_reported() {
        // Wise Terms of Use: section 15 stops at 15.6 but a definition points to 15.7.
        let text = "1. Definitions\n\n\"Negative Currency Accounts\" has the meaning given in section 15.7.\n\n\
                    2. Your account\n\nKeep it safe.\n\n\
                    15. Balances\n\n15.1 You can hold money.\n\n15.2 What is a Main Account? It is where money sits.\n\n\
                    15.3 A Jar is a sub account.\n\n16. Fees\n\nFees apply.";
        assert_eq!(risks(ID, text), vec!["section 15.7"]);
    }

    #[test]
    fn a_missing_attachment_is_reported_unless_it_is_there() {
        // Infolinks Publisher Terms: "Schedule A attached hereto" with no schedule attached.
        let text =
            "You may use the Service only on the websites listed in Schedule A attached hereto.";
        assert_eq!(risks(ID, text), vec!["Schedule A"]);
        // Zoom (2019 text): the exhibit follows, its heading run into its title.
        assert_clean(
            ID,
            "Disputes are resolved under Exhibit A.\n\nExhibit ABinding Arbitration\n\nThis Exhibit A describes \
             the arbitration.",
        );
    }

    #[test]
    fn references_into_other_instruments_are_not_judged() {
        let numbered = "1. Scope\n\nText.\n\n2. Use\n\nText.\n\n3. Liability\n\n";
        for tail in [
            "We rely on Section 230 of the Communications Decency Act.",
            "See Section 4 of our Privacy Policy.",
            "We process data under Article 6(1)(f) GDPR.",
            "Transfers rely on § 26 BDSG.",
            "The Standard Contractual Clauses are set out in Exhibit B to the data processing agreement.",
            "Details of the processing are listed in Annex II of the Standard Contractual Clauses.",
        ] {
            assert_clean(ID, &format!("{numbered}{tail}"));
        }
    }

    #[test]
    fn documents_without_reliable_numbering_are_not_judged() {
        // Unnumbered: the parser cannot resolve anything, so nothing is claimed.
        assert_clean(
            ID,
            "Fees\n\nFees are due.\n\nTermination\n\nSections 9 and 10 survive termination.",
        );
        // Items in nested lists the converter renumbered: "12(d)" may be the fourth item.
        assert_clean(
            ID,
            "1. Account\n\nText.\n\n2. Content\n\nText.\n\n12. Paid Services\n\n\
             1. General.\n2. No refunds.\n3. Payment.\n4. Renewal.\n\n13. Mobile\n\nSee Section 12(d) above.",
        );
    }

    #[test]
    fn crlf_and_section_signs_keep_spans_exact() {
        let text =
            "1. Fees\r\n\r\nFees are due.\r\n\r\n2. Term\r\n\r\nOne year.\r\n\r\n3. End\r\n\r\n\
                    On termination, § 1 and § 7 survive — as does § 2.\r\n";
        assert_eq!(risks(ID, text), vec!["§ 7"]);
    }
}
