//! `drafting/unused-definition`
//!
//! ## What it flags
//! A capitalised term the document defines but never uses anywhere else — or uses only in lower
//! case, so the definition never actually applies.
//!
//! ## Why it matters
//! An unused definition is clutter at best. More often it is a trace of a clause that was deleted or
//! reworded: the passage that should be using the defined term now says something else, and the
//! protection or limit the definition carried silently fell away.
//!
//! ## Not flagged
//! Pronoun labels (`"we"`, `"us"`, `"You"`), headings the parser took for definitions (no text after
//! the term), and multi-word terms used only with different capitals (reported by
//! `drafting/inconsistent-term`).

use std::collections::HashMap;

use clauselint_parser::{DefinitionStyle, Document, Span};
use regex::Regex;

use crate::context::Context;
use crate::finding::{Edit, Finding, FindingKind, Fix, Severity};
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct UnusedDefinition;

static META: RuleMeta = RuleMeta {
    id: "drafting/unused-definition",
    default_severity: Severity::Info,
    doc: RuleDoc {
        summary: "A term is defined but never used.",
        why: "An unused definition usually means the clause it was written for was removed or reworded, \
              and the passage that should rely on it now says something else.",
        example: "The United States maintains lists of sanctioned persons (the \"Sanctions Lists\"). You must \
                  comply with all export laws.",
        suggested: "The United States maintains lists of sanctioned persons (the \"Sanctions Lists\"). You must \
                    not deal with any person named on the Sanctions Lists.",
        references: &["REVIEW-GUIDE: Drafting — defined terms"],
    },
};

const PRONOUNS: &[&str] = &[
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "i",
    "me",
    "my",
    "they",
    "them",
    "their",
];

/// Whole-word occurrences of `word` (case-sensitive unless `fold_case`) outside `skip`: the
/// matches of the regex `word` with `\s+` between its words, in order and without overlap, that
/// stand alone as words.
fn occurrences(doc: &Document, word: &str, fold_case: bool, skip: &[Span]) -> Vec<Span> {
    let words: Vec<&str> = word.split_whitespace().collect();
    let matches = if words.is_empty() || (fold_case && !ascii_folding_is_exact(&doc.text, word)) {
        regex_matches(&doc.text, &words, fold_case)
    } else {
        phrase_matches(&doc.text, &words, fold_case)
    };
    matches
        .into_iter()
        .filter(|m| {
            let ok_before = doc.text[..m.start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-');
            let ok_after = doc.text[m.end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-');
            ok_before && ok_after && !skip.iter().any(|s| s.overlaps(*m))
        })
        .collect()
}

/// Does comparing ASCII letters case-insensitively find what the regex's `(?i)` finds? Unicode
/// simple case folding also pairs `k` with the Kelvin sign and `s` with the long s, and a non-ASCII
/// `word` needs Unicode folding throughout.
fn ascii_folding_is_exact(text: &str, word: &str) -> bool {
    let folds_further = |b: u8| matches!(b, b'k' | b'K' | b's' | b'S');
    word.is_ascii()
        && (!word.bytes().any(folds_further)
            || ["\u{212a}", "\u{17f}"]
                .iter()
                .all(|c| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_none()))
}

/// The regex `w1\s+w2…` (with `(?i)` when `fold_case`), compiled for this search.
fn regex_matches(text: &str, words: &[&str], fold_case: bool) -> Vec<Span> {
    let body = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join(r"\s+");
    let flags = if fold_case { "(?i)" } else { "" };
    let Ok(re) = Regex::new(&format!("{flags}{body}")) else {
        return Vec::new();
    };
    re.find_iter(text)
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// The matches [`regex_matches`] finds, without compiling a regex per term (a few per definition of
/// every document): each match starts where the first word occurs, and the `\s+` before each
/// further word, which starts with a non-space, takes the whole run of whitespace. With
/// `fold_case`, `words` are ASCII and compared ignoring ASCII case.
fn phrase_matches(text: &str, words: &[&str], fold_case: bool) -> Vec<Span> {
    let (first, rest) = words.split_first().expect("at least one word");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = find_word(text, first, from, fold_case) {
        match phrase_end(text, start + first.len(), rest, fold_case) {
            Some(end) => {
                out.push(Span::new(start, end));
                from = end;
            }
            None => from = start + 1,
        }
    }
    out
}

/// The first occurrence of `word` at or after byte `from`.
fn find_word(text: &str, word: &str, from: usize, fold_case: bool) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    let needle = word.as_bytes();
    if !fold_case {
        return memchr::memmem::find(hay, needle).map(|i| from + i);
    }
    let first = needle[0];
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, hay)
        .find(|&i| {
            hay.get(i..i + needle.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(needle))
        })
        .map(|i| from + i)
}

/// Where `words` end when each follows a run of whitespace, starting at byte `at`.
fn phrase_end(text: &str, mut at: usize, words: &[&str], fold_case: bool) -> Option<usize> {
    for w in words {
        let spaces = text[at..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(text.len() - at, |(i, _)| i);
        if spaces == 0 {
            return None;
        }
        at += spaces;
        let candidate = text.as_bytes().get(at..at + w.len())?;
        let same = if fold_case {
            candidate.eq_ignore_ascii_case(w.as_bytes())
        } else {
            candidate == w.as_bytes()
        };
        if !same {
            return None;
        }
        at += w.len();
    }
    Some(at)
}

/// "DMCA", "PRC", "BaFin", "CySEC": an abbreviation glossed in passing, not a term the drafting
/// relies on.
fn is_abbreviation(term: &str) -> bool {
    !term.contains(' ')
        && term.chars().count() <= 7
        && term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Another name defined in the same breath is used: the pair is one definition.
fn sibling_used(
    doc: &Document,
    d: &clauselint_parser::Definition,
    uses: &HashMap<&str, usize>,
) -> bool {
    doc.definitions.iter().any(|o| {
        o.term != d.term
            && o.sentence == d.sentence
            && o.term_span.start.abs_diff(d.term_span.start) < 80
            && uses.get(o.term.as_str()).copied().unwrap_or(0) > 0
    })
}

/// `(“Bitwarden”, “we”, “us”)`, `"The User," "You," and "Your"`: party labels given together.
fn grouped_with_pronoun(doc: &Document, d: &clauselint_parser::Definition) -> bool {
    doc.definitions.iter().any(|o| {
        o.sentence == d.sentence
            && o.sentence.is_some()
            && o.term_span.start.abs_diff(d.term_span.start) < 80
            && PRONOUNS.contains(&o.term.to_lowercase().as_str())
    })
}

/// Inflections of a term that count as uses of it.
fn other_forms(term: &str) -> Vec<String> {
    let mut out = Vec::new();
    // "Control(led)" → "Control", "Controlled".
    if let (Some(open), Some(close)) = (term.find('('), term.find(')')) {
        if open < close {
            let inner = &term[open + 1..close];
            let base = format!("{}{}", &term[..open], &term[close + 1..]);
            // "Addendum(a)" → "Addenda".
            if let Some(stem) = term[..open].strip_suffix("um") {
                out.push(format!("{stem}{inner}{}", &term[close + 1..]));
            }
            out.push(format!("{}{inner}{}", &term[..open], &term[close + 1..]));
            out.push(base);
            return out;
        }
    }
    if let Some(stem) = term.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = term
        .strip_suffix("es")
        .filter(|s| s.ends_with('x') || s.ends_with("ch") || s.ends_with("sh") || s.ends_with("ss"))
    {
        out.push(stem.to_string());
    } else if let Some(stem) = term.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        out.push(stem.to_string());
    } else if let Some(stem) = term.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{term}es"));
    }
    out
}

/// The parenthesis holding only this definition (`␠(the "OFAC")`), to offer its removal.
fn own_parenthesis(doc: &Document, term: Span, others: &[Span]) -> Option<Span> {
    let line_start = doc.text[..term.start].rfind('\n').map_or(0, |i| i + 1);
    let open = line_start + doc.text[line_start..term.start].rfind('(')?;
    let close = term.end + doc.text[term.end..].find(')')?;
    if doc.text[open..close].contains('\n')
        || doc.text[open + 1..term.start].contains(')')
        || close - open > 120
        || others
            .iter()
            .any(|o| *o != term && open < o.start && o.end < close)
    {
        return None;
    }
    let start = if doc.text[..open].ends_with(' ') {
        open - 1
    } else {
        open
    };
    Some(Span::new(start, close + 1))
}

impl Rule for UnusedDefinition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for u in &doc.term_uses {
            *uses
                .entry(doc.definitions[u.definition].term.as_str())
                .or_default() += 1;
        }
        let term_spans: Vec<Span> = doc.definitions.iter().map(|d| d.term_span).collect();
        let mut reported: Vec<&str> = Vec::new();
        for (i, d) in doc.definitions.iter().enumerate() {
            let term = d.term.as_str();
            if !d.is_capitalised()
                || PRONOUNS.contains(&term.to_lowercase().as_str())
                || reported.contains(&term)
                || uses.get(term).copied().unwrap_or(0) > 0
            {
                continue;
            }
            if !super::is_real_definition(cx, i)
                || term.contains('/')
                || term.contains(" (")
                || term.contains("’s")
                || term.contains("'s")
                || term.ends_with(" etc")
                // "Digital Millennium Copyright Act (“DMCA”)": an abbreviation glossed in passing,
                // not a term the drafting relies on.
                || is_abbreviation(term)
                // "User generated content": a label in sentence case, not a capitalised term.
                || (term.contains(' ')
                    && term
                        .split_whitespace()
                        .skip(1)
                        .all(|w| !w.chars().any(char::is_uppercase)))
                // `(the “Digital Markets Act” or “DMA”)`: one of two names, the other in use.
                || sibling_used(doc, d, &uses)
                // "The User", "You" and "Your": a label for a party next to its pronouns.
                || grouped_with_pronoun(doc, d)
            {
                continue;
            }
            // "The Storage Service" is used as "the Storage Service".
            if let Some(rest) = term.strip_prefix("The ") {
                if !occurrences(doc, rest, false, &term_spans).is_empty() {
                    continue;
                }
            }
            // "NSFW (“Not Safe for Work”)": the spelled-out form of an abbreviation in use.
            let before_paren = doc.text[..d.term_span.start]
                .trim_end_matches(['“', '"', '‘', ' ', '('])
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            if d.style == DefinitionStyle::Parenthetical && super::is_acronym(before_paren) {
                continue;
            }
            // Written with other spacing ("Business Connect\n Analytics") it is still used.
            if !occurrences(doc, term, false, &term_spans).is_empty() {
                continue;
            }
            // Defined inside an ALL-CAPS paragraph ("RELEASED MATTERS"), the term is then written in
            // ordinary capitals: any capitalisation is a use.
            if !term.chars().any(char::is_lowercase)
                && !occurrences(doc, term, true, &term_spans).is_empty()
            {
                continue;
            }
            // Uses inside ALL-CAPS paragraphs ("THE ALIVECOR ENTITIES") are uses.
            let upper = term.to_uppercase();
            if upper != term && !occurrences(doc, &upper, false, &term_spans).is_empty() {
                continue;
            }
            // Other forms of the term: "each Charge" for "Charges", "Sales Taxes" for "Sales Tax",
            // "Controlled" for "Control(led)".
            if other_forms(term)
                .iter()
                .any(|f| !occurrences(doc, f, false, &term_spans).is_empty())
            {
                continue;
            }
            // A sentence-case label ("User generated content") is used in lower case.
            let sentence_case = term.contains(' ')
                && term
                    .split_whitespace()
                    .skip(1)
                    .all(|w| !w.chars().any(char::is_uppercase));
            if sentence_case && !occurrences(doc, term, true, &term_spans).is_empty() {
                continue;
            }
            // Other capitalisations outside the definition's own sentence: worth naming when they
            // stand where the term would ("the Artstation" / "ArtStation", "the company").
            let own_sentence = d
                .sentence
                .map(|s| doc.sentences[s].span)
                .unwrap_or(d.term_span);
            let mut skip = term_spans.clone();
            skip.push(own_sentence);
            let variants: Vec<Span> = occurrences(doc, term, true, &skip)
                .into_iter()
                .filter(|v| {
                    let text = doc.plain(*v);
                    let line_start = doc.text[..v.start]
                        .trim_end_matches([' ', '\t', '*', '_', '#', '>', '-'])
                        .ends_with(['\n', '.', ':']);
                    let mixed = text.chars().any(char::is_uppercase)
                        && text.chars().any(char::is_lowercase)
                        && (text.chars().skip(1).any(char::is_uppercase) || !line_start);
                    let before = doc.text[..v.start].trim_end();
                    let prev: String = before
                        .chars()
                        .rev()
                        .take_while(|c| c.is_alphabetic())
                        .collect::<String>()
                        .chars()
                        .rev()
                        .collect::<String>()
                        .to_lowercase();
                    mixed
                        || super::DETERMINERS.contains(&prev.as_str())
                        || super::POSSESSIVES.contains(&prev.as_str())
                })
                .collect();
            reported.push(term);
            let message = if variants.is_empty() {
                format!(
                    "“{term}” is defined but never used. An unused definition often means the clause it was \
                     written for was removed or reworded, and the passage that should rely on it now says \
                     something else. Delete the definition, or use “{term}” where it was meant."
                )
            } else {
                let shown: String = doc.plain(variants[0]).to_string();
                let n = variants.len();
                let times = if n == 1 {
                    "once".to_string()
                } else {
                    format!("{n} times")
                };
                format!(
                    "“{term}” is defined but never used in the form defined: the document writes “{shown}” \
                     ({times}) instead, so it is unclear whether the definition ever applies. Write “{term}” \
                     where the defined meaning is intended, or delete the definition."
                )
            };
            let fix = (d.style == DefinitionStyle::Parenthetical && variants.is_empty())
                .then(|| own_parenthesis(doc, d.term_span, &term_spans))
                .flatten()
                .map(|span| Fix {
                    title: format!("Delete the unused definition of “{term}”"),
                    edits: vec![Edit {
                        span,
                        new_text: String::new(),
                    }],
                });
            out.push(Finding {
                rule: META.id,
                severity: META.default_severity,
                kind: FindingKind::Risk,
                message,
                span: d.term_span,
                clause: doc.clause_at(d.term_span.start),
                suggestion: None,
                fix,
                related: Vec::new(),
                document_level: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ascii_folding_is_exact, phrase_matches, regex_matches};
    use crate::testing::{assert_clean, findings, risks};

    const ID: &str = "drafting/unused-definition";

    /// The hand-written phrase search finds exactly what the regex it replaces finds.
    fn assert_phrase_matches_like_the_regex(text: &str, phrase: &str) {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        assert_eq!(
            phrase_matches(text, &words, false),
            regex_matches(text, &words, false),
            "{phrase:?} in {text:?}"
        );
        if ascii_folding_is_exact(text, phrase) {
            assert_eq!(
                phrase_matches(text, &words, true),
                regex_matches(text, &words, true),
                "{phrase:?} in {text:?}, any case"
            );
        }
    }

    #[test]
    fn the_phrase_search_matches_the_regex_on_non_ascii_text() {
        let text = "“Customer Data” means … CUSTOMER\u{a0}DATA — customer \r\n\t data; § 3 Customer\u{2003}Data’s \
                    Customer  Customer Data, Straße Straße Data, data data data, Kelvin \u{212a}elvin";
        for phrase in [
            "Customer Data",
            "customer data",
            "Customer",
            "Straße Data",
            "data data",
            "Data’s",
            "§ 3",
            "Kelvin",
            "a",
        ] {
            assert_phrase_matches_like_the_regex(text, phrase);
        }
        // Kelvin sign and long s fold to k and s under the regex's Unicode case folding.
        assert!(!ascii_folding_is_exact(text, "kelvin"));
        assert!(ascii_folding_is_exact(text, "Data"));
        assert!(ascii_folding_is_exact(
            "Customer Data — § 3",
            "Customer Data"
        ));
    }

    proptest::proptest! {
        #[test]
        fn the_phrase_search_matches_the_regex_on_any_text(
            text in "[ \t\n\u{a0}\u{2003}aAbB.’“§—ßſ\u{212a}kK]{0,40}",
            phrase in "[aAbBß’§kK]{1,3}( [aAbBkK]{1,2}){0,2}",
        ) {
            assert_phrase_matches_like_the_regex(&text, &phrase);
        }
    }

    #[test]
    fn flags_a_definition_nothing_uses_and_offers_to_delete_it() {
        // Bandcamp Terms of Use, payments to artists.
        let text =
            "Bandcamp will remit the sale price, minus the Revenue Share and any applicable Fees \
                    (the “Artist Payout”).\n\nPayments are made monthly.";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Artist Payout"
        );
        let fix = found[0].fix.as_ref().expect("deletion offered");
        assert_eq!(
            &text[fix.edits[0].span.start..fix.edits[0].span.end],
            " (the “Artist Payout”)"
        );
        assert_eq!(fix.edits[0].new_text, "");
    }

    #[test]
    fn a_term_used_only_in_lower_case_says_so() {
        // Grammarly Commercial Terms, dispute resolution.
        let text = "Any dispute arising out of this Agreement (collectively, “Disputes”) will be determined by \
                    arbitration. We will try to resolve the disputes informally first.";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("“disputes”"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn inflected_and_other_uses_count() {
        // Plural defined, singular used; "(s)" endings; ALL-CAPS uses; a used alternative name.
        assert_clean(
            ID,
            "All fees (the “Charges”) are due monthly. Each Charge is non-refundable.",
        );
        assert_clean(
            ID,
            "Customer may buy subscriptions through ordering screens (“Order(s)”). All Orders are final.",
        );
        assert_clean(
            ID,
            "You will indemnify our officers and agents (the “Indemnified Parties”).\n\n\
             YOU WILL HOLD THE INDEMNIFIED PARTIES HARMLESS.",
        );
        assert_clean(
            ID,
            "These terms (“Contract” or “User Agreement”) bind you. The Contract may change.",
        );
    }

    #[test]
    fn pronouns_abbreviations_and_misread_definitions_are_skipped() {
        // Zoom Terms of Service: the party labels and an abbreviation glossed in passing.
        assert_clean(
            ID,
            "This Agreement is between you and Zoom Communications, Inc. (“Zoom”, “we”, “us”, or “our”). \
             Zoom may update it. You must comply with the U.S. Department of the Treasury’s Office of \
             Foreign Assets Control (“OFAC”) rules.",
        );
        // A quoted setting label, not a definition (CafeMom Privacy Policy).
        assert_clean(
            ID,
            "Please use the settings on your device (“Limit Ad Tracking” on iOS) to opt out.",
        );
        // A quoted section title after a cross-reference (X Privacy Policy).
        assert_clean(
            ID,
            "For more, please refer to Section 1 (\"Information We Collect\") of our Privacy Policy.",
        );
    }

    #[test]
    fn curly_quotes_section_signs_and_crlf_keep_spans_exact() {
        let text =
            "§ 4 — Renewal.\r\n\r\nThe term renews for further 12 month periods (each a “Renewal \
                    Period”) unless cancelled.\r\n";
        assert_eq!(risks(ID, text), vec!["Renewal Period"]);
    }
}
