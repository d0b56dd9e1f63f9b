//! `drafting/undefined-term`
//!
//! ## What it flags
//! A capitalised phrase used the way defined terms are used — after a determiner such as "the",
//! "such", "any" or "each", mid-sentence, more than once ("the Customer Materials", "such
//! Subscription Data") — that the document never defines.
//!
//! ## Why it matters
//! Capitals tell the reader a term has a special meaning. When the document never gives it, the
//! parties can each read their own meaning into it, and an ambiguous term is construed against the
//! party that drafted it. Undefined capitalised terms are also a sign that a definition was lost
//! when clauses were copied from another agreement.
//!
//! ## Not flagged
//! Sentence starts, headings and clause titles, ALL-CAPS text, party and product names (names
//! defined alongside "we"/"you", the vendor's name and names followed by Inc./Ltd.), statutes and
//! regulations ("General Data Protection Regulation", "… Act"), public bodies and courts, months
//! and days, countries and places, named external documents ("the Privacy Policy", linked text), and
//! phrases the document puts in quotes or bold anywhere (it treats them as defined). Documents that
//! import definitions ("capitalised terms not defined here have the meaning given in …") are not
//! checked at all. A capitalised variant of a defined term is left to `drafting/inconsistent-term`.

use std::collections::HashMap;
use std::sync::OnceLock;

use clauselint_parser::Span;
use regex::Regex;

use super::{
    FUNCTION_WORDS, brand_words, in_clause_title, is_link_text, is_prose_block, is_shouting, marked_as_term,
    on_title_line, runs, term_key, title_keys, Run, DETERMINERS, EXTERNAL_DOCUMENT_HEADS,
    POSSESSIVES,
};
use crate::context::Context;
use crate::finding::{Edit, Finding, FindingKind, Fix, Severity};
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct UndefinedTerm;

static META: RuleMeta = RuleMeta {
    id: "drafting/undefined-term",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "A capitalised term is used like a defined term but the document never defines it.",
        why: "Capitals promise a special meaning the document never gives: each party can read its own \
              meaning into the term, and ambiguity is construed against the drafter.",
        example: "Customer is responsible for the Customer Materials. We may remove any Customer Materials \
                  that violate these terms.",
        suggested: "\"Customer Materials\" means the files and content Customer uploads to the service. \
                    Customer is responsible for the Customer Materials. We may remove any Customer Materials \
                    that violate these terms.",
        references: &[
            "REVIEW-GUIDE: Drafting — capitalised words are not all defined terms",
            "Contra proferentem: ambiguous terms are construed against the drafter",
        ],
    },
};

/// One appearance of a candidate phrase.
struct Occurrence {
    span: Span,
    opens: bool,
    determiner: bool,
    possessive_det: bool,
    /// Followed directly by a lower-case noun: the capitals belong to a name used as a modifier
    /// ("the Zoom platform", "the English version").
    modifier: bool,
}

/// Statutes, regulations and legal instruments.
const STATUTE_WORDS: &[&str] = &[
    "act", "acts", "regulation", "regulations", "directive", "directives", "code", "convention",
    "treaty", "statute", "statutes", "constitution", "ordinance", "amendment", "law", "laws", "bill",
    "decree", "procedure", "procedures", "rules", "clauses", "shield", "framework", "protocol",
    "gdpr", "ccpa", "cpra", "dmca", "coppa", "hipaa", "ferpa", "usc", "cfr",
];

/// Public bodies, courts, organisations.
const BODY_WORDS: &[&str] = &[
    "commission", "council", "court", "courts", "office", "authority", "authorities", "union",
    "institute", "bureau", "department", "agency", "board", "university", "committee", "bank",
    "tribunal", "parliament", "nations", "association", "foundation", "organization",
    "organisation", "inc", "llc", "ltd", "limited", "corporation", "corp", "gmbh", "plc",
    "commissioner", "supervisor", "ombudsman", "government", "ministry", "administration",
    "chamber", "service", "arbitration", "mediation", "group", "team", "network", "alliance",
    "consortium", "society", "federation", "reserve", "treasury",
];

/// Places.
const PLACE_WORDS: &[&str] = &[
    "states", "kingdom", "area", "republic", "region", "island", "islands", "province", "county",
    "district", "city", "emirates", "netherlands", "philippines", "bahamas", "americas", "zone",
    "territory", "territories", "street", "avenue", "road", "suite", "floor", "building", "square",
    "park", "state", "america", "europe", "asia", "africa", "ireland", "california", "york",
    "england", "wales", "scotland", "germany", "france", "canada", "australia", "japan", "china",
    "india", "brazil", "switzerland", "singapore", "delaware", "washington", "texas", "crimea",
    "cuba", "iran", "syria", "korea", "luxembourg", "sweden", "norway", "spain", "italy", "mexico",
    "israel", "russia", "ukraine", "francisco", "dublin", "london", "angeles", "county", "valley",
    "mountain", "east", "west", "north", "south", "world", "earth", "internet", "web",
];

const PLACE_FIRST_WORDS: &[&str] = &[
    "united", "european", "northern", "southern", "eastern", "western", "central", "new", "north",
    "south", "east", "west", "san", "los", "las", "hong", "isle", "middle", "latin", "federal",
    "supreme", "superior", "district", "state", "county", "city", "american", "british", "english",
    "irish", "german", "french", "swiss", "canadian", "australian", "japanese", "chinese",
    "international", "internal", "national",
];

const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter", "eastern", "pacific", "standard", "time", "gmt",
    "utc", "pst", "est", "cet",
];

/// Last words of product, feature and screen names ("our Model Hub", "your Account Settings").
const PRODUCT_HEADS: &[&str] = &[
    "hub", "store", "app", "apps", "marketplace", "studio", "cloud", "console", "dashboard",
    "editor", "assistant", "api", "apis", "sdk", "plugin", "plugins", "extension", "browser",
    "player", "pro", "plus", "premium", "enterprise", "mobile", "desktop", "settings", "setting",
    "tab", "menu", "button", "icon", "screen", "panel", "preferences", "inbox", "feed", "chat",
    "messenger", "wallet", "pay", "id", "library", "gallery", "spaces", "workspace", "lab",
    "labs", "academy", "blog", "forum", "forums", "community", "support", "help", "shop",
    "drive", "play", "live", "tv", "music", "maps", "search", "ads", "analytics",
];

/// Capitalised nouns that are names or conventional capitals, not defined terms.
const COMMON_PROPER: &[&str] = &[
    "internet", "english", "web", "world wide web", "i", "god", "bitcoin", "ethereum", "android",
    "ios", "windows", "mac", "linux", "wi-fi", "bluetooth", "euro", "euros", "dollar", "dollars",
    "us", "u", "ok", "id", "faq", "cookie", "cookies", "covid-19",
];


fn incorporation_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)capitali[sz]ed\s+(?:terms|words)[^.]{0,120}?(?:not\s+(?:otherwise\s+)?defined|have\s+the\s+(?:same\s+)?meanings?|shall\s+have|defined\s+(?:in|elsewhere))")
            .expect("valid regex")
    })
}

fn is_modifier(run: &Run) -> bool {
    let Some((next, gap)) = &run.after else {
        return false;
    };
    if !plain(gap) {
        return false;
    }
    let lower = next.to_lowercase();
    next.chars().next().is_some_and(char::is_lowercase)
        && next.chars().all(|c| c.is_alphabetic() || c == '-')
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && !lower.ends_with("ed")
        && !lower.ends_with("ly")
}

fn plain(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
}

/// Reasons a capitalised phrase is a name rather than a would-be defined term.
fn is_name(phrase: &str, brands: &std::collections::HashSet<String>) -> bool {
    let lower = phrase.to_lowercase();
    let ws: Vec<&str> = lower.split(' ').filter(|w| *w != "of" && *w != "&").collect();
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return true;
    };
    let last = last.trim_end_matches(['\'', '’']);
    COMMON_PROPER.contains(&lower.as_str())
        || brands.contains(*first)
        || ws.iter().any(|w| {
            CALENDAR_WORDS.contains(w)
                || STATUTE_WORDS.contains(w)
                || brands.contains(*w)
                || ["section", "clause", "article", "exhibit", "schedule", "annex", "appendix", "part", "chapter", "title", "paragraph"].contains(w)
        })
        || BODY_WORDS.contains(&last)
        || PLACE_WORDS.contains(&last)
        || PLACE_FIRST_WORDS.contains(first)
        || EXTERNAL_DOCUMENT_HEADS.contains(&last)
        || PRODUCT_HEADS.contains(&last)
        // The document's own name: "these Terms of Use", "the Terms and Conditions".
        || *first == "terms"
        // Acronyms alone ("EU", "API") are abbreviations, not defined-term candidates.
        || phrase.split(' ').all(|w| super::is_acronym(w) || w == "of" || w == "&")
}

impl Rule for UndefinedTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if incorporation_regex().is_match(&doc.text) {
            return;
        }
        let defined: std::collections::HashSet<String> =
            doc.definitions.iter().map(|d| term_key(&d.term)).collect();
        let titles = title_keys(doc);
        let brands = brand_words(cx);
        let mut order: Vec<String> = Vec::new();
        let mut seen: HashMap<String, Vec<Occurrence>> = HashMap::new();
        let mut vetoed: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            if !is_prose_block(doc, si) {
                continue;
            }
            let text = doc.plain(s.span);
            if is_shouting(text) {
                continue;
            }
            let rs: Vec<Run> = runs(&doc.text, s.span)
                .into_iter()
                .filter(|r| !in_clause_title(doc, r.span) && !on_title_line(&doc.text, r.span.start))
                .collect();
            // "the Creator Subscriptions or Ads Revenue Share programs", "the Acceptable Use and
            // Content Moderation Policy": a run coordinated with the next shares its role.
            let mut inherits_modifier = vec![false; rs.len()];
            let mut inherits_name = vec![false; rs.len()];
            for k in (0..rs.len().saturating_sub(1)).rev() {
                let gap = &doc.text[rs[k].span.end..rs[k + 1].span.start];
                let g = gap.trim();
                if !gap.contains('\n') && matches!(g, "and" | "or" | "&" | "," | "and/or" | ", and" | ", or") {
                    inherits_modifier[k] = is_modifier(&rs[k + 1]) || inherits_modifier[k + 1];
                    inherits_name[k] = is_name(&rs[k + 1].text, &brands) || inherits_name[k + 1];
                }
            }
            for (k, run) in rs.iter().enumerate() {
                let key = run.text.clone();
                if run.quoted || inherits_name[k] || is_link_text(doc, run.span) {
                    vetoed.insert(key);
                    continue;
                }
                let before = run.before.as_deref().unwrap_or("");
                let occ = Occurrence {
                    span: run.span,
                    opens: run.opens,
                    determiner: DETERMINERS.contains(&before),
                    possessive_det: POSSESSIVES.contains(&before),
                    modifier: is_modifier(run) || inherits_modifier[k],
                };
                if !seen.contains_key(&key) {
                    order.push(key.clone());
                }
                seen.entry(key).or_default().push(occ);
            }
        }
        for phrase in order {
            if vetoed.contains(&phrase) {
                continue;
            }
            let occs = &seen[&phrase];
            let key = term_key(&phrase);
            if std::env::var_os("DRAFT_DEBUG").is_some() {
                let mid: Vec<&Occurrence> = occs.iter().filter(|o| !o.opens).collect();
                eprintln!("CAND {phrase:?} n={} mid={} det={} poss={} mod={} defined={} title={} name={}", occs.len(), mid.len(),
                    mid.iter().filter(|o| o.determiner).count(), mid.iter().filter(|o| o.possessive_det).count(), mid.iter().filter(|o| o.modifier).count(),
                    defined.contains(&key), titles.contains(&key), is_name(&phrase, &brands));
            }
            if defined.contains(&key) || titles.contains(&key) || is_name(&phrase, &brands) {
                continue;
            }
            let mid: Vec<&Occurrence> = occs.iter().filter(|o| !o.opens).collect();
            let det = mid.iter().filter(|o| o.determiner).count();
            let poss = mid.iter().filter(|o| o.possessive_det).count();
            let modifiers = mid.iter().filter(|o| o.modifier).count();
            let single = !phrase.contains(' ');
            let enough = if single {
                det >= 2 && mid.len() >= 3
            } else {
                mid.len() >= 2 && (det >= 1 || poss >= 2)
            };
            if !enough || modifiers * 2 > mid.len() {
                continue;
            }
            if super::inconsistent_term::near_defined(doc, &phrase).is_some()
                || marked_as_term(doc, &phrase)
            {
                continue;
            }
            let first = mid
                .iter()
                .find(|o| o.determiner || o.possessive_det)
                .unwrap_or(&mid[0]);
            let lower = phrase.to_lowercase();
            let uses = occs.len();
            let times = if uses == 1 { "once".to_string() } else { format!("{uses} times") };
            out.push(Finding {
                rule: META.id,
                severity: META.default_severity,
                kind: FindingKind::Risk,
                message: format!(
                    "“{phrase}” is capitalised like a defined term (used {times}) but the document never \
                     defines it. Readers cannot tell whether it carries a special meaning or what it covers, \
                     and an ambiguous term is read against the drafter. Define it (“{phrase}” means …) or, \
                     if the ordinary meaning is intended, write it in lower case."
                ),
                span: first.span,
                clause: doc.clause_at(first.span.start),
                suggestion: Some(format!("“{phrase}” means […].")),
                fix: Some(Fix {
                    title: format!("Write “{lower}” in lower case (ordinary meaning)"),
                    edits: mid
                        .iter()
                        .map(|o| Edit {
                            span: o.span,
                            new_text: lower.clone(),
                        })
                        .collect(),
                }),
                related: Vec::new(),
                document_level: false,
            });
        }
    }
}
