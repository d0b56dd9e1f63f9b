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

use crate::text_regex::regex;
use crate::text_regex::TextRegex;
use clauselint_parser::line_index::floor_char_boundary;
use clauselint_parser::Span;

use super::{
    in_clause_title, is_link_text, is_prose_block, marked_as_term, on_title_line_at, term_key,
    title_keys, word_list, Run, DETERMINERS, EXTERNAL_DOCUMENT_HEADS, FUNCTION_WORDS, POSSESSIVES,
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
        example: "\"Services\" means the hosted platform and \"Fees\" means the amounts due for it. Customer \
                  is responsible for the Customer Materials it uploads to the Services. We may remove any \
                  Customer Materials that violate these terms.",
        suggested: "\"Services\" means the hosted platform and \"Fees\" means the amounts due for it. \
                    \"Customer Materials\" means the files and content Customer uploads to the Services. \
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
    /// The capitalised phrase this one is coordinated with ("Key Payment" and "Service
    /// Information"), if any.
    partner: Option<String>,
    /// Followed directly by a lower-case noun: the capitals belong to a name used as a modifier
    /// ("the Zoom platform", "the English version").
    modifier: bool,
    /// The sentence and the index of the run among its [`push_runs_in_text`].
    sentence: usize,
    run: usize,
}

/// Statutes, regulations and legal instruments.
const STATUTE_WORDS: &[&str] = &[
    "act",
    "acts",
    "regulation",
    "regulations",
    "directive",
    "directives",
    "code",
    "convention",
    "treaty",
    "statute",
    "statutes",
    "tax",
    "taxes",
    "rule",
    "constitution",
    "ordinance",
    "amendment",
    "law",
    "laws",
    "bill",
    "decree",
    "procedure",
    "procedures",
    "rules",
    "clauses",
    "shield",
    "framework",
    "protocol",
    "gdpr",
    "ccpa",
    "cpra",
    "dmca",
    "coppa",
    "hipaa",
    "ferpa",
    "usc",
    "cfr",
];

/// Public bodies, courts, organisations.
const BODY_WORDS: &[&str] = &[
    "commission",
    "council",
    "court",
    "courts",
    "office",
    "authority",
    "authorities",
    "union",
    "institute",
    "bureau",
    "department",
    "agency",
    "board",
    "university",
    "committee",
    "bank",
    "tribunal",
    "parliament",
    "nations",
    "association",
    "foundation",
    "organization",
    "organisation",
    "inc",
    "llc",
    "ltd",
    "limited",
    "corporation",
    "corp",
    "gmbh",
    "plc",
    "commissioner",
    "officer",
    "supervisor",
    "ombudsman",
    "government",
    "ministry",
    "administration",
    "chamber",
    "service",
    "arbitration",
    "mediation",
    "group",
    "team",
    "network",
    "alliance",
    "consortium",
    "society",
    "federation",
    "reserve",
    "treasury",
    "scheme",
    "initiative",
    "trust",
    "trustees",
    "trustee",
    "registry",
];

/// Places.
const PLACE_WORDS: &[&str] = &[
    "states",
    "kingdom",
    "area",
    "republic",
    "region",
    "island",
    "islands",
    "province",
    "county",
    "district",
    "city",
    "emirates",
    "netherlands",
    "philippines",
    "bahamas",
    "americas",
    "zone",
    "territory",
    "territories",
    "street",
    "avenue",
    "road",
    "suite",
    "floor",
    "building",
    "square",
    "park",
    "airport",
    "station",
    "port",
    "harbour",
    "harbor",
    "mainland",
    "market",
    "state",
    "america",
    "europe",
    "asia",
    "africa",
    "ireland",
    "california",
    "york",
    "england",
    "wales",
    "scotland",
    "germany",
    "france",
    "canada",
    "australia",
    "japan",
    "china",
    "india",
    "brazil",
    "switzerland",
    "singapore",
    "delaware",
    "washington",
    "texas",
    "crimea",
    "cuba",
    "iran",
    "syria",
    "korea",
    "luxembourg",
    "sweden",
    "norway",
    "spain",
    "italy",
    "mexico",
    "israel",
    "russia",
    "ukraine",
    "francisco",
    "dublin",
    "london",
    "angeles",
    "county",
    "valley",
    "mountain",
    "east",
    "west",
    "north",
    "south",
    "world",
    "earth",
    "internet",
    "web",
];

const PLACE_FIRST_WORDS: &[&str] = &[
    "united",
    "european",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "north",
    "south",
    "east",
    "west",
    "san",
    "los",
    "las",
    "hong",
    "isle",
    "middle",
    "latin",
    "federal",
    "supreme",
    "superior",
    "district",
    "state",
    "county",
    "city",
    "american",
    "british",
    "english",
    "irish",
    "german",
    "french",
    "swiss",
    "canadian",
    "australian",
    "japanese",
    "chinese",
    "international",
    "internal",
    "national",
    // Titles of sections and documents: "Use of Cookies", "What Information Do We Collect".
    "use",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "which",
];

const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christmas",
    "easter",
    "eastern",
    "pacific",
    "standard",
    "time",
    "gmt",
    "utc",
    "pst",
    "est",
    "cet",
];

/// Last words of product, feature and screen names ("our Model Hub", "your Account Settings").
const PRODUCT_HEADS: &[&str] = &[
    "hub",
    "store",
    "app",
    "apps",
    "marketplace",
    "studio",
    "cloud",
    "console",
    "dashboard",
    "editor",
    "assistant",
    "api",
    "apis",
    "sdk",
    "plugin",
    "plugins",
    "extension",
    "browser",
    "player",
    "pro",
    "plus",
    "premium",
    "enterprise",
    "mobile",
    "desktop",
    "settings",
    "setting",
    "tab",
    "menu",
    "button",
    "icon",
    "screen",
    "panel",
    "preferences",
    "inbox",
    "feed",
    "chat",
    "messenger",
    "wallet",
    "pay",
    "id",
    "library",
    "gallery",
    "spaces",
    "workspace",
    "lab",
    "game",
    "games",
    "labs",
    "academy",
    "blog",
    "forum",
    "forums",
    "community",
    "support",
    "help",
    "shop",
    "drive",
    "play",
    "live",
    "tv",
    "music",
    "maps",
    "search",
    "ads",
    "analytics",
    "connect",
    "tool",
    "tools",
    "widget",
    "widgets",
    "logo",
    "logos",
    "badge",
    "badges",
];

/// Capitalised nouns that are names or conventional capitals, not defined terms.
const COMMON_PROPER: &[&str] = &[
    // Roles the GDPR and the Standard Contractual Clauses define.
    "data exporter",
    "data importer",
    "data controller",
    "data processor",
    "data subject",
    "supervisory authority",
    "sub-processor",
    "controller",
    "processor",
    "internet",
    "english",
    "web",
    "world wide web",
    "i",
    "god",
    "bitcoin",
    "ethereum",
    "android",
    "ios",
    "windows",
    "mac",
    "linux",
    "wi-fi",
    "bluetooth",
    "euro",
    "euros",
    "dollar",
    "dollars",
    "us",
    "u",
    "ok",
    "id",
    "faq",
    "cookie",
    "cookies",
    "covid-19",
    "people",
    "you",
    "we",
    "your",
    "our",
    "me",
    "my",
    "they",
    "them",
    "their",
    "he",
    "she",
    "it",
];

fn incorporation_regex() -> &'static TextRegex {
    regex!(
        r"(?i)capitali[sz]ed\s+(?:terms|words)[^.]{0,120}?(?:not\s+(?:otherwise\s+)?defined|have\s+the\s+(?:same\s+)?meanings?|shall\s+have|defined\s+(?:in|elsewhere))"
    )
}

/// Text right after a phrase that defines it (a definition the parser did not recognise) or
/// points to where it is defined: `Adapted Material means …`, `Notice of Dispute, which is a …`,
/// `Money Transfer Control Number or "MTCN"`, `(as that term is defined in …)`, `(defined below)`,
/// or a closing quote.
fn defines_regex() -> &'static TextRegex {
    regex!(
        r#"(?x)^
            (?:\s+(?:and|or|&)\s+(?:[A-Z][\w’'-]*\s+){0,4}?[A-Z][\w’'-]*)?
            (?:
                \s*[”"’]
              | \s*\(\s*(?:the\s+|a\s+|an\s+|each\s+|collectively\s*,?\s*|hereinafter\s+)?[“"‘]
              | \s*,?\s*(?:or|also\s+known\s+as|hereinafter(?:\s+referred\s+to\s+as)?)\s+[“"‘]
              | (?:\s*[,:–—-])?\s*(?:means|shall\s+mean|refers?\s+to|is\s+defined|are\s+defined|has\s+the\s+meaning|have\s+the\s+meaning)\b
              | \s*,?\s*\(?\s*(?:as\s+(?:that\s+term\s+is\s+|such\s+terms?\s+(?:is|are)\s+|those\s+terms\s+are\s+)?defined|defined\s+(?:below|above|in|herein|hereunder|under|by))
              | \s*,\s*(?:which|that)\s+(?:is|are|means)\s+(?:a|an|the|any|all)\b
              | \s+(?:is|are)\s+\((?:i|a|1)\)
              | \s*\(\s*[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,6}\s*\)
              | \s+includes?\s+(?:all|any|without)\b
            )"#
    )
}

pub(super) fn defined_here(after: &str) -> bool {
    defines_regex().is_match(after)
}

/// `the Withdrawing Money section`, `the Share button`, `Battle.net`: a heading, a control or a
/// domain name, not a term.
fn names_a_part(after: &str) -> bool {
    let re = regex!(
        r"^(?:\.[A-Za-z0-9]|\s+(?:section|sections|clause|heading|paragraph|tab|page|menu|button|link|settings?|screen|feature|features|program|programme|option|icon|field|website|site|app|application)\b|\s+(?:[a-z]+\s+){1,3}(?:feature|function|setting|settings|button|tab|menu|toggle|option)\b|\s+(?:is|are)\s+(?:turned|switched)\s+(?:on|off)\b|\s+(?:is|are)\s+(?:enabled|disabled)\b)"
    );
    re.is_match(after)
}

/// `We call those Feature Tools`, `known as Partner Badges`: a name given without quotes.
fn named_before(text: &str, start: usize) -> bool {
    let re = regex!(
        r#"(?i)(?:\bcall(?:s|ed)?(?:\s+(?:this|these|those|it|them|that))?|\bknown\s+as|\breferred\s+to\s+as|\bnamed|\bentitled|\btitled|\bbranded)\s+(?:the\s+|an?\s+|our\s+)?[“"‘]?$"#
    );
    let from = floor_char_boundary(text, start.saturating_sub(40));
    re.is_match(&text[from..start])
}

/// `the Trustees of the Air Travel Trust`: the phrase is the head of a longer proper name.
fn of_a_name(after: &str) -> bool {
    // The regex needs whitespace, then one of these words.
    let rest = after.trim_start();
    if rest.len() == after.len()
        || !["of", "to", "for", "on"]
            .iter()
            .any(|w| rest.starts_with(w))
    {
        return false;
    }
    let re = regex!(r"^\s+(?:of|to|for|on)\s+(?:the\s+)?[A-Z][a-z]");
    re.is_match(after)
}

/// `(the Facebook Products or Products)`: a parenthesis that only names, i.e. a definition written
/// without quotes.
fn in_naming_parenthesis(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let Some(open) = text[line_start..span.start]
        .rfind('(')
        .map(|i| line_start + i)
    else {
        return false;
    };
    let Some(close) = text[span.end..].find(')').map(|i| span.end + i) else {
        return false;
    };
    let inner = &text[open + 1..close];
    if inner.len() > 100 || inner.contains(['(', '\n']) {
        return false;
    }
    const LEAD: &[&str] = &[
        "the",
        "collectively",
        "together",
        "each",
        "a",
        "an",
        "hereinafter",
        "referred",
        "to",
        "as",
        "or",
        "and",
        "individually",
        "jointly",
    ];
    let mut capitals = 0;
    for w in super::words(inner, Span::new(0, inner.len())) {
        if super::is_title_word(w.text) || super::is_acronym(w.text) {
            capitals += 1;
        } else if !LEAD.contains(&w.text.to_lowercase().as_str()) {
            return false;
        }
    }
    capitals > 0
}

/// `Section 6. Your Privacy Choices`, `Paragraph 7 (Subject Matter and Details of …)`: the title
/// of a referenced clause.
fn titles_a_reference(text: &str, span: Span) -> bool {
    let re = regex!(
        r"(?i)(?:section|clause|article|paragraph|part|schedule|annex|exhibit|appendix|§)\s*[0-9IVXivx]+(?:\.[0-9]+)*\.?\s*(?:\([^()]*)?(?:(?:Your|Our|The)\s+)?$"
    );
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let from = floor_char_boundary(text, span.start.saturating_sub(100).max(line_start));
    re.is_match(&text[from..span.start])
}

/// `the Contracts (Rights of Third Parties) Act`.
fn statute_after(after: &str) -> bool {
    let re = regex!(r"^\s*\([^)]{1,60}\)\s+(?:Act|Regulations?|Directive|Code)\b");
    re.is_match(after)
}

/// `b. Ticket – a document issued by the Carrier`: an entry of a glossary without quotes.
fn glossary_entry(after: &str) -> bool {
    let re = regex!(r"^\s*(?:[–—:]|-\s|\s-)\s*\S");
    re.is_match(after)
}

fn is_modifier(text: &str, run: &Run) -> bool {
    let Some((next, gap)) = run.after else {
        return false;
    };
    let (next, gap) = (&text[next.start..next.end], &text[gap.start..gap.end]);
    if !plain(gap) || !next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let lower = if next.is_ascii() {
        std::borrow::Cow::Borrowed(next)
    } else {
        std::borrow::Cow::Owned(next.to_lowercase())
    };
    let ends_with = |suffix: &str| {
        lower.len() >= suffix.len()
            && lower.as_bytes()[lower.len() - suffix.len()..]
                .eq_ignore_ascii_case(suffix.as_bytes())
    };
    next.chars().all(|c| c.is_alphabetic() || c == '-')
        && !word_list!(FUNCTION_WORDS).contains_lower(&lower)
        && !ends_with("ed")
        && !ends_with("ly")
}

fn plain(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace)
}

/// Parts of a document: a phrase naming one ("Section Title", "Annex Schedules") is a heading.
const DIVISION_WORDS: &[&str] = &[
    "section",
    "sub-section",
    "subsection",
    "clause",
    "article",
    "exhibit",
    "schedule",
    "annex",
    "appendix",
    "part",
    "chapter",
    "title",
    "paragraph",
];

/// Reasons a capitalised phrase is a name rather than a would-be defined term.
fn is_name(cx: &Context, phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    let ws: Vec<&str> = lower
        .split(' ')
        .filter(|w| *w != "of" && *w != "&")
        .collect();
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return true;
    };
    let last = last.trim_end_matches(['\'', '’']);
    // The word lists and shapes first: a brand needs a search of the text for each word.
    let listed = word_list!(COMMON_PROPER).contains(&lower)
        || ws.iter().any(|w| {
            word_list!(CALENDAR_WORDS).contains(w)
                || word_list!(STATUTE_WORDS).contains(w)
                || word_list!(DIVISION_WORDS).contains(w.trim_end_matches('s'))
        })
        || word_list!(BODY_WORDS).contains(last)
        || word_list!(PLACE_WORDS).contains(last)
        || word_list!(PLACE_FIRST_WORDS).contains(first)
        || word_list!(EXTERNAL_DOCUMENT_HEADS).contains(last)
        || word_list!(PRODUCT_HEADS).contains(last)
        // The document's own name or another instrument: "these Terms of Use", "these Conditions
        // of Carriage", "the Data Processing Agreement Annex".
        || ws.iter().any(|w| {
            matches!(
                *w,
                "terms" | "conditions" | "agreement" | "policy" | "addendum" | "guidelines" | "notice" | "statement" | "contract"
            )
        })
        // "The Trade Desk" mid-sentence: the article belongs to a name.
        || (ws.len() > 1 && phrase.starts_with("The "))
        // "the Browser Company": a company's name.
        || (ws.len() > 1 && matches!(last, "company" | "companies"))
        // "CriteoService", "AppleConfidential", "DreamUp": a name or a word run together.
        || phrase.split(' ').any(|w| {
            let cs: Vec<char> = w.chars().collect();
            cs.windows(2).any(|p| p[0].is_lowercase() && p[1].is_uppercase())
        })
        // "Brazilian Federal …", "Italian Data Protection Authority": a nationality opens a name.
        || (ws.len() > 1 && ["ian", "ish", "ese", "ean"].iter().any(|x| first.ends_with(x)))
        // "the ID-card", "E-mail": a hyphenated word whose second part is lower case.
        || (ws.len() == 1
            && phrase.contains('-')
            && phrase
                .split('-')
                .skip(1)
                .all(|p| p.chars().next().is_some_and(char::is_lowercase)))
        // "the Powered by AWS Logo": a participle is not a term.
        || (ws.len() == 1 && first.ends_with("ed"))
        // Acronyms alone ("EU", "API") are abbreviations, not defined-term candidates.
        || phrase.split(' ').all(|w| super::is_acronym(w) || w == "of" || w == "&");
    listed || ws.iter().any(|w| super::is_brand(cx, w))
}

impl Rule for UndefinedTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // Definitions imported from elsewhere: undefined-looking terms may be defined there.
        if incorporation_regex().is_match(&doc.text) {
            return;
        }
        // A document that defines nothing does not follow the defined-term convention: its
        // capitals are house style (feature names, headings), not promises of a definition.
        let capitalised_definitions = doc
            .definitions
            .iter()
            .filter(|d| d.is_capitalised() && d.term.len() > 3)
            .count();
        if capitalised_definitions < 2 {
            return;
        }
        let defined = &super::definition_index(cx).keys;
        let titles = title_keys(doc);
        // Every use of each phrase first, judged on cheap evidence; the costlier vetoes (regexes
        // around each use) run only for the few phrases that would be reported.
        let mut order: Vec<String> = Vec::new();
        let mut seen: super::WordMap<Vec<Occurrence>> = super::WordMap::default();
        // Each sentence's runs in text, found once: the reports and vetoes below look them up
        // (`text_runs[si]` is the range of `kept_runs` holding sentence `si`'s).
        let mut kept_runs: Vec<&Run> = Vec::new();
        let mut text_runs: Vec<std::ops::Range<usize>> = vec![0..0; doc.sentences.len()];
        // Buffers reused from sentence to sentence and run to run.
        let mut inherits_modifier: Vec<bool> = Vec::new();
        let mut partner: Vec<Option<String>> = Vec::new();
        let mut key = String::new();
        for (si, range) in text_runs.iter_mut().enumerate() {
            if !is_prose_block(doc, si) {
                continue;
            }
            if super::prose_runs(cx, si).is_none()
                || !super::sentence_reads_as_english(cx, si)
                || super::sentence_title_cased(cx, si)
            {
                continue;
            }
            let from = kept_runs.len();
            push_runs_in_text(cx, si, &mut kept_runs);
            *range = from..kept_runs.len();
            let rs = &kept_runs[from..];
            // "the Creator Subscriptions or Ads Revenue Share programs", "the Acceptable Use and
            // Content Moderation Policy": a run coordinated with the next shares its role.
            inherits_modifier.clear();
            inherits_modifier.resize(rs.len(), false);
            partner.clear();
            partner.resize(rs.len(), None);
            for k in (0..rs.len().saturating_sub(1)).rev() {
                let gap = &doc.text[rs[k].span.end..rs[k + 1].span.start];
                if !gap.contains('\n') && matches!(gap.trim(), "and" | "&") {
                    partner[k] = Some(rs[k + 1].text.clone());
                }
                if coordinated(gap) {
                    inherits_modifier[k] =
                        is_modifier(&doc.text, rs[k + 1]) || inherits_modifier[k + 1];
                }
            }
            for (k, run) in rs.iter().enumerate() {
                // "Publisher Site" and "Publisher Sites" are one term.
                super::term_key_into(&run.text, &mut key);
                if defined.contains(&key) || titles.contains(&key) {
                    continue;
                }
                let end = floor_char_boundary(&doc.text, (run.span.end + 100).min(doc.text.len()));
                let after = &doc.text[run.span.end..end];
                let before = run.before_word(&doc.text).unwrap_or("");
                let occ = Occurrence {
                    span: run.span,
                    opens: run.opens,
                    determiner: word_list!(DETERMINERS).contains_lower(before),
                    // "our Bolus Calculator", "our Key Payment …": "our" + capitals is
                    // usually the vendor's product or document, so only "your …" counts.
                    possessive_det: word_list!(POSSESSIVES).contains_lower(before)
                        && !is_lower(before, "our"),
                    modifier: is_modifier(&doc.text, run)
                        || inherits_modifier[k]
                        || of_a_name(after)
                        || run.continues,
                    partner: partner[k].take(),
                    sentence: si,
                    run: k,
                };
                match seen.get_mut(key.as_str()) {
                    Some(occs) => occs.push(occ),
                    None => {
                        order.push(key.clone());
                        seen.insert(key.clone(), vec![occ]);
                    }
                }
            }
        }
        for key in order {
            let occs = &seen[&key];
            // The spelling of the first use, for names and messages.
            let first_use = kept_runs[text_runs[occs[0].sentence].start + occs[0].run];
            let phrase = &first_use.text;
            // The counts first: most phrases are used too rarely to look further (each test
            // below only clears a phrase, so their order does not matter).
            let mid: Vec<&Occurrence> = occs.iter().filter(|o| !o.opens).collect();
            let det = mid.iter().filter(|o| o.determiner).count();
            let modifiers = mid.iter().filter(|o| o.modifier).count();
            let single = !phrase.contains(' ');
            // Product and feature names come with "your" ("your Fire TV Recast"); defined-term
            // usage shows in "the", "such", "any".
            let enough = if single {
                det >= 2 && mid.len() >= 3 && !super::OPENERS.contains(&key.as_str())
            } else {
                mid.len() >= 2 && det >= 1
            };
            if !enough || modifiers * 2 > mid.len() {
                continue;
            }
            // Always "Key Payment and Service Information": one name, not two terms. (Asked
            // before the name tests, which search the text for brands.)
            if occs.len() >= 2
                && occs[0].partner.is_some()
                && occs.iter().all(|o| o.partner == occs[0].partner)
            {
                continue;
            }
            let phrase = phrase.clone();
            if is_name(cx, &phrase) {
                continue;
            }
            // "Your SPI", "Our Services": a possessive written with a capital before a name or a
            // defined term.
            if let Some(rest) = phrase
                .strip_prefix("Your ")
                .or_else(|| phrase.strip_prefix("Our "))
            {
                if defined.contains(&term_key(rest)) || is_name(cx, rest) {
                    continue;
                }
            }
            if occs
                .iter()
                .any(|o| vetoed(cx, &kept_runs[text_runs[o.sentence].clone()], o))
                || super::inconsistent_term::near_defined(cx, &phrase).is_some()
                || marked_as_term(cx, &phrase)
            {
                continue;
            }
            let first = mid
                .iter()
                .find(|o| o.determiner)
                .or_else(|| mid.iter().find(|o| o.possessive_det))
                .unwrap_or(&mid[0]);
            let lower = phrase.to_lowercase();
            let uses = occs.len();
            let times = if uses == 1 {
                "once".to_string()
            } else {
                format!("{uses} times")
            };
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
                            new_text: doc
                                .slice(o.span)
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                                .to_lowercase(),
                        })
                        .collect(),
                }),
                related: Vec::new(),
                document_level: false,
            });
        }
    }
}

/// `w.to_lowercase() == lower` for an ASCII `lower`, without allocating for ASCII words.
fn is_lower(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        w.eq_ignore_ascii_case(lower)
    } else {
        w.to_lowercase() == lower
    }
}

/// The runs of sentence `si` outside clause titles and title lines, where capitals can mean a
/// term, appended to `out`.
fn push_runs_in_text<'c>(cx: &'c Context, si: usize, out: &mut Vec<&'c Run>) {
    // Runs of a sentence mostly share a line: judge each line once.
    let mut last_line: Option<(usize, bool)> = None;
    out.extend(super::prose_runs(cx, si).unwrap_or(&[]).iter().filter(|r| {
        if in_clause_title(cx, r.span) {
            return false;
        }
        let line = super::line_start(cx, r.span.start);
        let title = match last_line {
            Some((start, title)) if start == line => title,
            _ => {
                let title = on_title_line_at(cx, r.span.start);
                last_line = Some((line, title));
                title
            }
        };
        !title
    }));
}

/// The text between two runs joins them as one list: "and", "or", "&", a comma, possibly with
/// "the"/"our"/"any".
fn coordinated(gap: &str) -> bool {
    let g = gap.trim();
    let g = g
        .strip_suffix(" the")
        .or_else(|| g.strip_suffix(" our"))
        .or_else(|| g.strip_suffix(" any"))
        .unwrap_or(g);
    !gap.contains('\n') && matches!(g, "and" | "or" | "&" | "," | "and/or" | ", and" | ", or")
}

/// Evidence at one use that the phrase is defined, named or a title rather than an undefined
/// term; one such use clears the phrase everywhere.
/// `rs` are the [`push_runs_in_text`] of the occurrence's sentence.
fn vetoed(cx: &Context, rs: &[&Run], o: &Occurrence) -> bool {
    let doc = cx.doc;
    let run = rs[o.run];
    // Coordinated with a name ("Facebook and Instagram Products"): part of that name.
    let mut inherits_name = false;
    for j in o.run..rs.len().saturating_sub(1) {
        if !coordinated(&doc.text[rs[j].span.end..rs[j + 1].span.start]) {
            break;
        }
        if is_name(cx, &rs[j + 1].text) {
            inherits_name = true;
            break;
        }
    }
    let end = floor_char_boundary(&doc.text, (run.span.end + 100).min(doc.text.len()));
    let after = &doc.text[run.span.end..end];
    run.quoted
        || inherits_name
        || is_link_text(doc, run.span)
        || defined_here(after)
        || names_a_part(after)
        || (run.opens && glossary_entry(after))
        || in_naming_parenthesis(&doc.text, run.span)
        || named_before(&doc.text, run.span.start)
        || titles_a_reference(&doc.text, run.span)
        || statute_after(after)
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, findings, risks};

    const ID: &str = "drafting/undefined-term";

    /// Two definitions so the document follows the defined-term convention.
    const DEFS: &str =
        "“Service” means the hosted platform. “Fees” means the amounts payable for it.\n\n";

    fn doc(body: &str) -> String {
        format!("{DEFS}{body}")
    }

    #[test]
    fn flags_capitalised_terms_nobody_defined() {
        // Linear Terms of Service, §10 (indemnity exclusions).
        let text = doc(
            "The foregoing obligations do not apply to portions of the Service that are combined with \
             materials not reasonably contemplated by Linear or the Documentation, or (c) where Customer’s \
             use of the Service is not in accordance with this Agreement or the Documentation. Linear \
             will update the Documentation from time to time.",
        );
        assert_eq!(risks(ID, &text), vec!["Documentation"]);
        // DeviantArt Terms of Service, marketplace disclaimers.
        let text = doc(
            "DeviantArt is not a fiduciary, contracting agent, or representative of any Seller or Buyer.\n\n\
             DeviantArt does not endorse any Seller or any of the content made available through the Platform.\n\n\
             Each Seller is responsible for the listings it publishes.",
        );
        assert_eq!(risks(ID, &text), vec!["Seller"]);
    }

    #[test]
    fn reports_once_at_the_first_determiner_use_with_a_count() {
        let text = doc(
            "Customer Materials are stored in the EU. You are responsible for the Customer Materials. \
             We may delete such Customer Materials on termination.",
        );
        let found = findings(ID, &text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.span.start..f.span.end], "Customer Materials");
        assert!(
            text[..f.span.start].ends_with("for the "),
            "first use after a determiner"
        );
        assert!(f.message.contains("used 3 times"), "{}", f.message);
        let fix = f.fix.as_ref().expect("lower-case fix");
        assert!(fix.edits.iter().all(|e| e.new_text == "customer materials"));
        // The sentence-start use keeps its capital: only mid-sentence uses are rewritten.
        assert_eq!(fix.edits.len(), 2);
    }

    #[test]
    fn names_statutes_places_and_other_documents_are_not_terms() {
        assert_clean(
            ID,
            &doc(
                "We comply with the General Data Protection Regulation and the California Consumer Privacy Act. \
                 Data may be stored in the United States or the European Economic Area. Please read the \
                 Privacy Policy and the Acceptable Use Policy. The Privacy Policy explains our practices. \
                 Payments are due in January. Disputes go to the Northern District of California, and the \
                 Federal Trade Commission may investigate. See the [Services Description](https://example.com) \
                 and the [Services Description](https://example.com) again.",
            ),
        );
    }

    #[test]
    fn sentence_starts_headings_and_capitals_are_not_uses() {
        assert_clean(
            ID,
            &doc(
                "## Customer Materials\n\nCustomer Materials stay yours.\n\n\
                 THE SERVICE IS PROVIDED AS IS AND THE CUSTOMER MATERIALS ARE NOT BACKED UP BY THE VENDOR.\n\n\
                 THE CUSTOMER MATERIALS ARE YOUR RESPONSIBILITY.",
            ),
        );
    }

    #[test]
    fn definitions_the_parser_missed_count_as_definitions() {
        // Zoom Terms of Service §10.1: a bold term introduced by "is referred to as".
        assert_clean(
            ID,
            &doc(
                "Data, content, files and other materials that you provide is referred to as **Customer Content**.\n\n\
                 Zoom may process the Customer Content. You own such Customer Content.",
            ),
        );
        // Endomondo Terms: defined by reference to another document.
        assert_clean(
            ID,
            &doc(
                "By using our Services, your Personal Data (as that term is defined in the Privacy Policy) is \
                 processed. We protect the Personal Data and delete such Personal Data on request.",
            ),
        );
        // Facebook Terms: a naming parenthesis without quotes.
        assert_clean(
            ID,
            &doc(
                "These Terms govern your use of Facebook and the other products we offer (the Facebook Products \
                 or Products). These Products are provided by Facebook. The Products may change and the \
                 Products may be discontinued.",
            ),
        );
        // Documents that import definitions are not checked.
        assert_clean(
            ID,
            &doc(
                "Capitalized terms not defined in this Addendum have the meanings given in the Agreement. \
                 The Customer Materials are processed only on instructions. We return the Customer Materials.",
            ),
        );
    }

    #[test]
    fn brands_and_products_are_not_terms() {
        // Hugging Face Terms: product names.
        assert_clean(
            ID,
            &doc(
                "Hugging Face, Inc. provides the Hugging Face Hub. Models are hosted on the Hugging Face Hub and \
                 the Hugging Face Hub keeps them private. Hugging Face may update the Hub.",
            ),
        );
    }

    #[test]
    fn section_titles_in_references_are_not_terms() {
        assert_clean(
            ID,
            &doc(
                "For more information, please review Section 6. Your Privacy Choices, and Section 6. Your \
                 Privacy Choices again, as well as the Your Privacy Choices section.",
            ),
        );
    }

    #[test]
    fn documents_without_definitions_are_not_checked() {
        // Snapchat Privacy Policy style: feature names in capitals, nothing defined.
        assert_clean(
            ID,
            "We show content others have posted to the Map. You can hide from the Map. The Map updates often.",
        );
    }

    #[test]
    fn curly_quotes_em_dashes_section_signs_and_crlf_keep_spans_exact() {
        let text = "“Service” means the platform — including apps.\r\n\r\n“Fees” means § 4 amounts.\r\n\r\n\
                    You must protect the Account Credentials — and you must not share the Account Credentials \
                    with anyone.\r\n";
        assert_eq!(risks(ID, text), vec!["Account Credentials"]);
    }
}
