//! `drafting/inconsistent-term`
//!
//! ## What it flags
//! - A defined term written with different capitals: "Customer data" or "customer data" where
//!   "Customer Data" is defined (lower-case variants only for terms of two or more words, since a
//!   single lower-case word such as "services" is ordinary English).
//! - A near-duplicate capitalised term used but never defined next to a defined one: "Customer
//!   Content" used when only "Customer Data" is defined (same leading words, last word in the same
//!   family: Data / Content / Information / Materials / Inputs …).
//!
//! ## Why it matters
//! A defined term carries its definition — its scope, carve-outs and the obligations attached to
//! it — only where it is written exactly as defined. A variant invites the argument that the
//! passage means something else: wider, narrower, or outside the protections the definition set up.
//!
//! ## Not flagged
//! Headings and clause titles, ALL-CAPS text, the definition's own sentence (`these terms of service
//! ("Terms of Service")`), capitals forced by a sentence start, and near-duplicates the document
//! itself puts in quotes or bold (a definition the parser did not recognise).

use std::collections::{HashMap, HashSet};

use clauselint_parser::{Document, Span};
use regex::Regex;

use super::{
    in_clause_title, is_link_text, is_prose_block, is_real_definition, is_shouting, marked_as_term,
    on_title_line_at, term_key, term_search, SpanIndex, DETERMINERS, FUNCTION_WORDS,
};
use crate::context::Context;
use crate::finding::{Edit, Finding, FindingKind, Fix, Related, Severity};
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct InconsistentTerm;

static META: RuleMeta = RuleMeta {
    id: "drafting/inconsistent-term",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "A defined term is written inconsistently, or a near-duplicate of it is used undefined.",
        why: "A defined term carries its definition only where it is written as defined; a variant invites \
              the argument that the passage means something else, outside the definition's scope and limits.",
        example: "\"Customer Data\" means all data Customer uploads to the Services. Vendor will encrypt \
                  Customer data at rest.",
        suggested: "\"Customer Data\" means all data Customer uploads to the Services. Vendor will encrypt \
                    Customer Data at rest.",
        references: &[
            "REVIEW-GUIDE: Drafting — defined terms",
            "Use each defined term exactly as defined, everywhere it is meant",
        ],
    },
};

/// Last words that name the same kind of thing: swapping one for another makes a near-duplicate.
const FAMILY: &[&str] = &[
    "data",
    "content",
    "contents",
    "information",
    "materials",
    "material",
    "inputs",
    "input",
    "submissions",
    "submission",
    "files",
    "records",
    "output",
    "outputs",
];

pub(crate) fn family(word: &str) -> bool {
    super::word_list!(FAMILY).contains_lower(word)
}

/// A capitalised, undefined `phrase` that differs from a defined term only in its last word, both
/// last words from the same family ("Customer Content" / "Customer Data"). Returns the definition.
pub(crate) fn near_defined(cx: &Context, phrase: &str) -> Option<usize> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() < 2 || !family(words[words.len() - 1]) {
        return None;
    }
    let index = super::definition_index(cx);
    if index.keys.contains(&term_key(phrase)) {
        return None;
    }
    let head = words[..words.len() - 1].join(" ").to_lowercase();
    let last = term_key(words[words.len() - 1]);
    index
        .by_head
        .get(&(head, words.len()))?
        .iter()
        .copied()
        .find(|&i| {
            let term = &cx.doc.definitions[i].term;
            term_key(term.split_whitespace().last().unwrap_or("")) != last
        })
}

/// Every occurrence of each term in `text`, case-insensitively, with any run of whitespace between
/// its words and an optional plural "s"/"es" — per term, leftmost and non-overlapping. One pass over
/// the document serves all terms: a per-term regex rebuilt its automaton for every document.
fn term_occurrences(text: &str, terms: &[&str]) -> Vec<Vec<Span>> {
    let mut found: Vec<Vec<Span>> = vec![Vec::new(); terms.len()];
    // Terms with non-ASCII letters need Unicode case folding: rare enough for a regex each. A
    // non-ASCII space between ASCII words ("Amazon\u{a0}WorkSpaces") is whitespace like any other,
    // which the collapsed text below already matches.
    let (ascii, unicode): (Vec<usize>, Vec<usize>) =
        (0..terms.len()).partition(|&i| terms[i].split_whitespace().all(str::is_ascii));
    for i in unicode {
        let body = terms[i]
            .split_whitespace()
            .map(regex::escape)
            .collect::<Vec<_>>()
            .join(r"\s+");
        if let Ok(re) = Regex::new(&format!(r"(?i){body}(?:s|es)?")) {
            found[i] = re
                .find_iter(text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
        }
    }
    if ascii.is_empty() {
        return found;
    }
    let patterns: Vec<String> = ascii
        .iter()
        .map(|&i| terms[i].split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let Some(occurrences) = term_search::occurrences(text, patterns) else {
        return found;
    };
    let mut last_end = vec![0usize; ascii.len()];
    for o in occurrences {
        let p = o.term;
        if o.start < last_end[p] {
            continue;
        }
        let mut end = o.end;
        let rest = &text.as_bytes()[end..];
        if rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b's')) {
            end += 1;
        } else if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"es") {
            end += 2;
        }
        last_end[p] = end;
        found[ascii[p]].push(Span::new(o.start, end));
    }
    found
}

/// Capitals only where the sentence start forces them: compare without the first letter.
fn same_but_first(a: &str, b: &str) -> bool {
    let mut ca = a.chars();
    let mut cb = b.chars();
    let fa = ca.next().map(|c| c.to_lowercase().to_string());
    let fb = cb.next().map(|c| c.to_lowercase().to_string());
    fa == fb && ca.as_str() == cb.as_str()
}

/// Words whose capitals carry no meaning in a term: "Not As Described" / "Not as Described",
/// "your Account" / "Your Account".
const MINOR: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "not", "your", "our", "its",
];

/// Do the two spellings differ in the capitals of a word that matters? Capitals forced by a
/// sentence start, of minor words, and after a hyphen ("Opt-out" / "Opt-Out") do not count.
fn significant_difference(found: &str, defined: &str, opens: bool) -> bool {
    let a: Vec<&str> = found.split_whitespace().collect();
    let b: Vec<&str> = defined.split_whitespace().collect();
    if a.len() != b.len() {
        return true;
    }
    a.iter().zip(&b).enumerate().any(|(i, (x, y))| {
        if x == y || MINOR.contains(&x.to_lowercase().as_str()) {
            return false;
        }
        if i == 0 && opens && same_but_first(x, y) {
            return false;
        }
        let head = |w: &str| w.split('-').next().unwrap_or("").to_string();
        !(x.contains('-') && head(x) == head(y))
    })
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "the proprietary rights of others", "the end user license agreement": the lower-case phrase is
/// about someone else's thing, or only modifies a noun that follows.
fn generic_after(doc: &Document, end: usize) -> bool {
    let rest = doc.text[end..].trim_start_matches([' ', '\u{a0}']);
    let lower: String = rest.chars().take(30).collect::<String>().to_lowercase();
    if [
        "of others",
        "of third",
        "of any third",
        "of another",
        "of other",
        "of the",
        "of any",
        "of such",
        "of a ",
        "of an ",
        "of that",
        "of those",
        "of their",
        "of its",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // "the privacy notice for each Hearst Business", "the emergency services to respond", "the
    // terms of use and privacy policy of any Other Site": qualified, so some other thing.
    let next: String = lower.chars().take_while(|c| c.is_alphabetic()).collect();
    if matches!(
        next.as_str(),
        "for"
            | "of"
            | "to"
            | "that"
            | "which"
            | "under"
            | "on"
            | "at"
            | "by"
            | "with"
            | "and"
            | "or"
            | "from"
            | "published"
            | "posted"
            | "specified"
            | "issued"
            | "thereon"
            | "therein"
    ) && doc.text[end..].starts_with([' ', '\u{a0}'])
    {
        return true;
    }
    if !doc.text[end..].starts_with([' ', '\u{a0}']) {
        return false;
    }
    let next: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    next.chars().next().is_some_and(char::is_lowercase)
        && !FUNCTION_WORDS.contains(&next.as_str())
        && !next.ends_with("ed")
}

/// A short line without a sentence end ("Controlling your personal information"), or the run-in
/// title of a numbered clause ("6.6 E-wallet Provider and integrated Payment System Provider.
/// VINTED contracts …"): a heading, where capitals follow house style.
fn in_run_in_title(cx: &Context, start: usize) -> bool {
    let doc = cx.doc;
    let line_start = super::line_start(cx, start);
    let line_end = super::line_end(cx, start);
    let line = doc.text[line_start..line_end].trim();
    if line.len() <= 60 && !line.ends_with(['.', ';', ':', ',', '?', '!', ')']) {
        return true;
    }
    let numbered = line
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.contains('.'));
    let before = &doc.text[line_start..start];
    numbered && before.len() < 100 && !before.contains(". ")
}

/// Inside a quoted title on the same line (`the “Other Instances When We May Disclose Your Data”
/// section`).
fn in_quoted_title(cx: &Context, start: usize) -> bool {
    let line_start = super::line_start(cx, start);
    let (opens, closes) = super::curly_quotes(cx);
    let count =
        |at: &[usize]| at.partition_point(|&p| p < start) - at.partition_point(|&p| p < line_start);
    count(opens) > count(closes)
}

fn word_before(doc: &Document, start: usize) -> String {
    doc.text[..start]
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase()
}

fn after_determiner(doc: &Document, start: usize) -> bool {
    let before = doc.text[..start].trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase();
    // "its terms of service", "their confidential information": someone else's;
    // "applicable terms of sale": a class of things, not the defined one; "except that audience
    // partners …": a conjunction.
    (DETERMINERS.contains(&word.as_str())
        && !matches!(word.as_str(), "applicable" | "relevant" | "that" | "each"))
        || matches!(word.as_str(), "your" | "our")
}

fn at_unit_start(doc: &Document, start: usize) -> bool {
    if doc
        .sentence_at(start)
        .is_some_and(|i| doc.sentences[i].span.start == start)
    {
        return true;
    }
    let before = doc.text[..start].trim_end_matches([' ', '\t', '“', '"', '(']);
    before.is_empty() || before.ends_with(['\n', '.', ':', '?', '!', ')', '•'])
}

struct Variant {
    spans: Vec<Span>,
}

fn pluralise(term: &str, variant: &str) -> String {
    let lower_v = variant.to_lowercase();
    let lower_t = term.to_lowercase();
    if lower_v.len() > lower_t.len() {
        format!(
            "{term}{}",
            &variant[variant.len() - (lower_v.len() - lower_t.len())..]
        )
    } else {
        term.to_string()
    }
}

fn case_variants(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let mut done: Vec<&str> = Vec::new();
    let mut selected = Vec::new();
    for (i, d) in doc.definitions.iter().enumerate() {
        if !d.is_capitalised()
            || d.term.split_whitespace().count() < 2
            || done.contains(&d.term.as_str())
            || !is_real_definition(cx, i)
            || d.term.split_whitespace().skip(1).all(|w| !w.chars().any(char::is_uppercase))
            // Defined inside an ALL-CAPS disclaimer ("VISA PARTIES"): the capitals are the
            // paragraph's, not the term's.
            || !d.term.chars().any(char::is_lowercase)
        {
            continue;
        }
        done.push(&d.term);
        selected.push(d);
    }
    if selected.is_empty() {
        return;
    }
    let terms: Vec<&str> = selected.iter().map(|d| d.term.as_str()).collect();
    let occurrences = term_occurrences(&doc.text, &terms);
    // What each use is checked against, indexed once: a document with thousands of definitions
    // and uses must not compare every use with all of them.
    let defined_terms: HashSet<&str> = doc.definitions.iter().map(|o| o.term.as_str()).collect();
    let term_spans = SpanIndex::new(doc.definitions.iter().map(|o| o.term_span).collect());
    let use_spans = SpanIndex::new(doc.term_uses.iter().map(|u| u.span).collect());
    let mut defines = vec![false; doc.sentences.len()];
    for o in &doc.definitions {
        if let Some(slot) = o.sentence.and_then(|si| defines.get_mut(si)) {
            *slot = true;
        }
    }
    for (d, spans) in selected.into_iter().zip(occurrences) {
        let mut variants: Vec<(String, Variant)> = Vec::new();
        for span in spans {
            let (start, end) = (span.start, span.end);
            let before_ok = doc.text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-');
            let after_ok = doc.text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-');
            if !before_ok || !after_ok {
                continue;
            }
            let found = fold(&doc.text[start..end]);
            let exact = found == d.term
                || found
                    .strip_prefix(d.term.as_str())
                    .is_some_and(|s| s == "s" || s == "es");
            if exact
                || !found.chars().any(char::is_lowercase)
                || term_spans.overlaps(span)
                || defined_terms.contains(found.as_str())
            {
                continue;
            }
            let Some(si) = doc.sentence_at(start) else {
                continue;
            };
            if !is_prose_block(doc, si)
                // A definition's own sentence uses ordinary words ("those digital currencies
                // that Coinbase supports (“Supported Digital Currencies”)").
                || defines[si]
                // "Personal Data subject to …" overlapping "Data Subject": a use of another term.
                || use_spans.overlaps(span)
                || in_quoted_title(cx, start)
                || in_run_in_title(cx, start)
                || in_clause_title(cx, span)
                || on_title_line_at(cx, start)
                || is_shouting(doc.sentence_text(si))
                || is_link_text(doc, span)
            {
                continue;
            }
            let defined_form = pluralise(&d.term, &found);
            let opens = at_unit_start(doc, start);
            if !significant_difference(&found, &defined_form, opens)
                || !super::sentence_reads_as_english_cheaply(cx, si)
            {
                continue;
            }
            let all_lower = !found.chars().skip(1).any(char::is_uppercase)
                && (opens || found.chars().next().is_some_and(char::is_lowercase));
            // A lower-case phrase is often the everyday sense ("other arbitration agreements",
            // "generate sound recordings"); it competes with the defined term only where the
            // defined term would stand: after "the", "such", "your" …
            // So is a brand followed by lower-case words ("other Bitwarden services", "one
            // Coinbase account"): the same test applies.
            let first_word = found.split_whitespace().next().unwrap_or("").to_lowercase();
            let rest_lower = !found.chars().skip(1).any(char::is_uppercase);
            let first_raw = found.split_whitespace().next().unwrap_or("");
            // A closure: the brand test searches the text for the word, worth it only here.
            let brand_led = || {
                rest_lower && super::is_brand(cx, &first_word)
                    || super::is_acronym(first_raw)
                        && found
                            .split_whitespace()
                            .skip(1)
                            .all(|w| !w.chars().any(char::is_uppercase))
            };
            // "Personal Data subject to …": the variant starts inside a longer capitalised
            // phrase.
            let prev_word: String = doc.text[..start]
                .trim_end()
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            if super::is_title_word(&prev_word) && super::is_title_word(first_raw) && !opens {
                continue;
            }
            if (opens || !after_determiner(doc, start) || generic_after(doc, end))
                && (all_lower || brand_led())
            {
                continue;
            }
            // "Your privacy policy must explain …": the reader's own document, not the defined one.
            let names_document = d.term.split_whitespace().last().is_some_and(|w| {
                super::EXTERNAL_DOCUMENT_HEADS.contains(&w.to_lowercase().as_str())
            });
            if all_lower && names_document && word_before(doc, start) == "your" {
                continue;
            }
            // "Intellectual Property Rights shall mean all intellectual property rights …": a
            // definition the parser did not recognise; its words are ordinary English.
            let sentence = doc.sentence_text(si);
            if [" means", " shall mean", " refers to", " mean "]
                .iter()
                .any(|v| sentence.contains(&format!("{}{v}", d.term)))
            {
                continue;
            }
            // One finding per spelling; a sentence-start capital folds into the lower-case spelling.
            let label =
                if at_unit_start(doc, start) && same_but_first(&found, &found.to_lowercase()) {
                    found.to_lowercase()
                } else {
                    found.clone()
                };
            let label = term_key(&label);
            match variants.iter_mut().find(|(l, _)| *l == label) {
                Some((_, v)) => v.spans.push(span),
                None => variants.push((label, Variant { spans: vec![span] })),
            }
        }
        for (_, v) in variants {
            let first = v.spans[0];
            let shown = fold(doc.plain(first));
            let n = v.spans.len();
            let times = if n == 1 {
                "once".to_string()
            } else {
                format!("{n} times")
            };
            let opens = at_unit_start(doc, first.start);
            let lower = shown
                .split_whitespace()
                .enumerate()
                .all(|(i, w)| (i == 0 && opens) || !w.chars().any(char::is_uppercase));
            let term = &d.term;
            let message = if lower {
                format!(
                    "“{shown}” appears in lower case ({times}) although “{term}” is a defined term. A reader \
                     cannot tell whether these passages mean the defined “{term}” or the everyday sense, which \
                     may be wider or narrower than the definition. Use “{term}” where the definition is meant; \
                     otherwise choose different words."
                )
            } else {
                format!(
                    "“{shown}” (used {times}) is a differently capitalised form of the defined term “{term}”. \
                     A variant invites the argument that it means something other than the defined term, \
                     outside the definition's scope and limits. Write “{term}” consistently."
                )
            };
            out.push(Finding {
                rule: META.id,
                severity: META.default_severity,
                kind: FindingKind::Risk,
                message,
                span: first,
                clause: doc.clause_at(first.start),
                suggestion: Some(term.clone()),
                fix: Some(Fix {
                    title: format!("Use the defined term “{term}”"),
                    edits: v
                        .spans
                        .iter()
                        .map(|s| Edit {
                            span: *s,
                            new_text: pluralise(term, &fold(doc.plain(*s))),
                        })
                        .collect(),
                }),
                related: vec![Related {
                    span: d.term_span,
                    message: format!("“{term}” is defined here"),
                }],
                document_level: false,
            });
        }
    }
}

/// The sentences holding a word of the [`FAMILY`] with a capital first letter, in order: a run
/// ends in a capitalised word, so only these can hold a near duplicate.
fn sentences_with_capitalised_family_word(doc: &Document) -> Vec<usize> {
    let words = FAMILY.iter().map(|w| w.to_string()).collect();
    let mut out: Vec<usize> = Vec::new();
    for m in term_search::occurrences(&doc.text, words).unwrap_or_default() {
        if !doc.text.as_bytes()[m.start].is_ascii_uppercase() {
            continue;
        }
        if let Some(si) = doc.sentence_at(m.start) {
            if out.last() != Some(&si) {
                out.push(si);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn near_duplicates(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    // Without a definition of the Data / Content / Information family no run can be a near
    // duplicate of one.
    if super::definition_index(cx).by_head.is_empty() {
        return;
    }
    let mut order: Vec<String> = Vec::new();
    let mut uses: HashMap<String, (usize, Vec<Span>)> = HashMap::new();
    let mut vetoed: HashSet<String> = HashSet::new();
    // A run ends in a capitalised word, so only a sentence holding a capitalised word of the
    // family can hold a near duplicate: found by a search of the text unless the runs of every
    // sentence are at hand anyway.
    let sentences: Vec<usize> = if super::word_facts_made(cx) {
        (0..doc.sentences.len()).collect()
    } else {
        sentences_with_capitalised_family_word(doc)
    };
    for si in sentences {
        let Some(sentence_runs) = super::prose_runs_of_sentence(cx, si) else {
            continue;
        };
        for run in sentence_runs.iter() {
            // The run's text is folded: its last word follows its last space.
            if run.words < 2 || !family(run.text.rsplit(' ').next().unwrap_or("")) {
                continue;
            }
            let Some(def) = near_defined(cx, &run.text) else {
                continue;
            };
            if in_clause_title(cx, run.span) || on_title_line_at(cx, run.span.start) {
                continue;
            }
            let end = clauselint_parser::line_index::floor_char_boundary(
                &doc.text,
                (run.span.end + 100).min(doc.text.len()),
            );
            if run.quoted
                || is_link_text(doc, run.span)
                || in_quoted_title(cx, run.span.start)
                || super::undefined_term::defined_here(&doc.text[run.span.end..end])
            {
                vetoed.insert(run.text.clone());
                continue;
            }
            if !uses.contains_key(&run.text) {
                order.push(run.text.clone());
            }
            uses.entry(run.text.clone())
                .or_insert((def, Vec::new()))
                .1
                .push(run.span);
        }
    }
    for phrase in order {
        if vetoed.contains(&phrase) || marked_as_term(cx, &phrase) {
            continue;
        }
        let (def, spans) = &uses[&phrase];
        let d = &doc.definitions[*def];
        let term = &d.term;
        let n = spans.len();
        let times = if n == 1 {
            "once".to_string()
        } else {
            format!("{n} times")
        };
        out.push(Finding {
            rule: META.id,
            severity: META.default_severity,
            kind: FindingKind::Risk,
            message: format!(
                "“{phrase}” is used ({times}) but never defined, while the document defines “{term}”. It is \
                 unclear whether “{phrase}” means the same thing — and so whether the definition's scope and \
                 the obligations attached to “{term}” apply to it. Use “{term}” if that is what is meant; \
                 otherwise define “{phrase}”."
            ),
            span: spans[0],
            clause: doc.clause_at(spans[0].start),
            suggestion: Some(term.clone()),
            fix: Some(Fix {
                title: format!("Use the defined term “{term}”"),
                edits: spans
                    .iter()
                    .map(|s| Edit {
                        span: *s,
                        new_text: term.clone(),
                    })
                    .collect(),
            }),
            related: vec![Related {
                span: d.term_span,
                message: format!("“{term}” is defined here"),
            }],
            document_level: false,
        });
    }
}

impl Rule for InconsistentTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        case_variants(cx, out);
        near_duplicates(cx, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, findings, risks};

    const ID: &str = "drafting/inconsistent-term";

    #[test]
    fn a_differently_capitalised_defined_term_is_reported_with_a_fix() {
        // Bandcamp Terms of Use: "Fan Account" defined, "Fan accounts" used.
        let text =
            "If you register to buy music, you will have a fan account (a “Fan Account”).\n\n\
                    Bandcamp shows a feed of content for Fan accounts only.";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.span.start..f.span.end], "Fan accounts");
        assert_eq!(f.fix.as_ref().unwrap().edits[0].new_text, "Fan Accounts");
        assert_eq!(
            &text[f.related[0].span.start..f.related[0].span.end],
            "Fan Account"
        );
    }

    #[test]
    fn a_lower_case_variant_where_the_term_would_stand_is_reported() {
        // Vimeo Terms of Service §11.
        let text = "This section contains an arbitration agreement (the “Arbitration Agreement”).\n\n\
                    The arbitration agreement set forth in Section 11.4 will be governed by the FAA.";
        assert_eq!(risks(ID, text), vec!["arbitration agreement"]);
    }

    #[test]
    fn everyday_lower_case_uses_are_not_variants() {
        // Zoom Terms of Service §27.11 and §30.
        assert_clean(
            ID,
            "You agree to arbitrate (the “Arbitration Agreement”). Opting out of this Arbitration Agreement \
             has no effect on any other arbitration agreements that you may enter into with us.",
        );
        assert_clean(
            ID,
            "“End User” means a Host or Participant. The Government receives those rights granted to all other \
             end users pursuant to the terms of this Agreement.",
        );
        assert_clean(
            ID,
            "Please read these terms of service (“Terms of Service”) carefully. Each linked website is subject \
             to its terms of service.",
        );
        // ALL-CAPS text and headings carry no capitalisation signal.
        assert_clean(
            ID,
            "“Customer Data” means data you upload.\n\n## Customer data\n\nTHE CUSTOMER DATA IS PROVIDED AS IS.",
        );
    }

    #[test]
    fn a_near_duplicate_of_a_defined_term_is_reported() {
        let text =
            "“Customer Data” means data Customer uploads to the Services. Vendor will back up the \
                    Customer Content daily and delete such Customer Content on termination.";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Customer Content"
        );
        assert!(
            found[0].message.contains("“Customer Data”"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_near_duplicate_the_document_defines_its_own_way_is_not() {
        // Zoom Terms of Service §10.1: defined in bold, without quotes.
        assert_clean(
            ID,
            "“Customer Data” means billing information.\n\n\
             Data, files and messages that you provide is referred to as **Customer Content**. Zoom will \
             process the Customer Content only as instructed.",
        );
    }

    #[test]
    fn curly_quotes_em_dashes_and_crlf_keep_spans_exact() {
        let text =
            "“Personal Data” means any information — direct or indirect — about a person.\r\n\r\n\
                    We never sell your personal data.\r\n";
        assert_eq!(risks(ID, text), vec!["personal data"]);
    }
}
