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

/// The words defining the term name a company ("Quora, Inc.", "Amazon.com Services LLC").
fn names_company(doc: &Document, d: &Definition) -> bool {
    let text = first_words(doc, d);
    [
        "Inc",
        "LLC",
        "Ltd",
        "Limited",
        "GmbH",
        "Corporation",
        "Corp",
        "S.A",
        "B.V",
        "plc",
        "AG",
        "S.à r.l",
        "SARL",
        "Pty",
    ]
    .iter()
    .any(|c| text.contains(c))
}

/// `(" Amazon.com " or " Us ")`: a party label given with its pronouns.
fn named_with_pronouns(doc: &Document, d: &Definition) -> bool {
    doc.definitions.iter().any(|o| {
        o.sentence == d.sentence
            && o.sentence.is_some()
            && o.term_span.start.abs_diff(d.term_span.start) < 80
            && PRONOUNS.contains(&o.term.to_lowercase().as_str())
    })
}

/// "DMCA", "CCPA", "PI": an abbreviation, glossed wherever it is convenient.
fn is_abbreviation(term: &str) -> bool {
    !term.contains(' ')
        && term.chars().count() <= 7
        && term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// "For purposes of BR Data, “Data Controller” means …", "As used in this Section, …": a
/// definition limited to a part of the document on purpose.
fn scoped(doc: &Document, d: &Definition) -> bool {
    let Some(si) = d.sentence else {
        return false;
    };
    let text = doc.sentence_text(si).trim_start().to_lowercase();
    let text = text.trim_start_matches(|c: char| !c.is_alphabetic());
    [
        "for purposes of",
        "for the purposes of",
        "for the purpose of",
        "for purpose of",
        "as used in this",
        "as used in these",
        "in this section",
        "in this clause",
        "in this schedule",
        "in this annex",
        "in this appendix",
        "in this addendum",
        "for this section",
    ]
    .iter()
    .any(|p| text.starts_with(p))
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
        // Definitions by lower-case term, in document order: a document with thousands of
        // definitions must not compare each with all the ones before it.
        let lowered: Vec<String> = doc
            .definitions
            .iter()
            .map(|d| d.term.to_lowercase())
            .collect();
        let mut by_term: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for (i, lower) in lowered.iter().enumerate() {
            by_term.entry(lower.as_str()).or_default().push(i);
        }
        for (i, later) in doc.definitions.iter().enumerate() {
            let lower = &lowered[i];
            if !later.is_capitalised()
                || PRONOUNS.contains(&lower.as_str())
                || !super::is_real_definition(cx, i)
                // "the Digital Millennium Copyright Act (“DMCA”)" glossed again: harmless.
                || is_abbreviation(&later.term)
                || scoped(doc, later)
            {
                continue;
            }
            let Some(first) = by_term[lower.as_str()]
                .iter()
                .take_while(|&&k| k < i)
                .find(|&&k| {
                    let d = &doc.definitions[k];
                    super::is_real_definition(cx, k)
                        && !d.term_span.overlaps(later.term_span)
                        && d.definition_span != later.definition_span
                })
                .map(|&k| &doc.definitions[k])
            else {
                continue;
            };
            if points_elsewhere(doc, later) || points_elsewhere(doc, first) || extends(doc, later) {
                continue;
            }
            // The party's name given again with its company details ("Better Stack, Inc., a
            // Delaware corporation"): the same entity. A party name that names two different things
            // ("Quora" the platform, "Quora" the company) is still reported.
            let party = cx.facts.vendor_aliases.contains(lower)
                || named_with_pronouns(doc, later)
                || named_with_pronouns(doc, first);
            if party && names_company(doc, first) && names_company(doc, later) {
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
            } else if a.split_whitespace().count() < 3 || b.split_whitespace().count() < 3 {
                // Too little text around one of them to quote usefully.
                format!(
                    "“{term}” is defined twice (first on line {line}) and the two passages are worded \
                     differently. If they can be read differently, it is unclear which governs; keep one \
                     definition, or confirm that the two say the same."
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

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, findings};

    const ID: &str = "drafting/duplicate-definition";

    #[test]
    fn differing_definitions_are_quoted_and_point_back() {
        // Hugging Face Terms of Service: "User" in the preamble and again in the definitions list.
        let text = "These Terms bind you, whether you are a user (“User”) or a customer.\n\n\
                    ## Definitions\n\n\
                    \"**User**\" refers to the individual person, company or organization that uses the Services.";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.span.start..f.span.end], "User");
        assert!(f.message.contains("differ"), "{}", f.message);
        assert_eq!(f.related.len(), 1);
        assert_eq!(
            &text[f.related[0].span.start..f.related[0].span.end],
            "User"
        );
        assert!(f.related[0].span.start < f.span.start);
    }

    #[test]
    fn identical_definitions_are_called_redundant() {
        // AdSupply Terms: the same definition in two clauses.
        let text = "Each party will notify the other of any data breach affecting Personal Data (“Data Breach”).\n\n\
                    Each party will notify the other of any data breach affecting Personal Data (“Data Breach”).";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("same words"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_party_name_that_names_two_things_is_reported() {
        // Quora Terms of Service: the platform and the company share a name.
        let text = "Welcome to Quora! Quora is a platform to share knowledge through our websites and \
                    applications (“Quora” or the “Quora Platform”).\n\n\
                    These terms of service (“Terms”) are an agreement between you and Quora, Inc. (“Quora” \
                    “we” or “us”).";
        assert_eq!(crate::testing::risks(ID, text), vec!["Quora"]);
    }

    #[test]
    fn extensions_pointers_scoped_and_abbreviations_are_not_duplicates() {
        // eBay User Agreement: a later sentence widens the definition.
        assert_clean(
            ID,
            "“Dispute” means any dispute between you and eBay.\n\n\
             For purposes of this Agreement to Arbitrate, \"Dispute\" will also include disputes that arose \
             before this Agreement.",
        );
        // Amazon Publisher Terms: definitions scoped to one kind of data.
        assert_clean(
            ID,
            "For purposes of EU Data, “Data Controller” means Amazon Europe Core S.a.r.l.\n\n\
             For purposes of BR Data, “Data Controller” means Amazon Serviços de Varejo do Brasil Ltda.",
        );
        assert_clean(
            ID,
            "“Confidential Information” means all non-public information.\n\n\
             “Confidential Information” has the meaning given in Section 1.",
        );
        assert_clean(
            ID,
            "We comply with the California Consumer Privacy Act (“CCPA”).\n\n\
             Residents have rights under the California Consumer Privacy Act (“CCPA”).",
        );
        // The same company named twice with its details (Better Stack Privacy Policy).
        assert_clean(
            ID,
            "Welcome to Better Stack, Inc. (“Better Stack”, “we”, “us”).\n\n\
             The data is controlled by our company Better Stack, Inc., a Delaware corporation (“Better Stack”).",
        );
    }

    #[test]
    fn crlf_and_em_dashes_keep_spans_exact() {
        let text =
            "“Site” means example.com — and its pages.\r\n\r\n“Site” means the mobile app.\r\n";
        let found = findings(ID, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.start..found[0].span.end], "Site");
        assert!(found[0].span.start > text.find("\r\n").unwrap());
    }
}
