//! Just enough clause grammar for contracts: where a negation's scope starts, whether a prohibition
//! carries an exception, and who the acting party is.

use std::sync::OnceLock;

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use clauselint_parser::line_index::floor_char_boundary;

use crate::context::SentenceFacts;
use crate::lexicon::Concept;

/// Where the clause containing `pos` starts: after the last `;`, `:`, or a conjunction that opens a
/// new proposition ("but", "however", "provided that").
pub fn scope_start(norm: &str, pos: usize) -> usize {
    let re = regex!(
        r";|: |\. |(?-u:\b)but(?-u:\b)|(?-u:\b)provided that(?-u:\b)|(?-u:\b)whereas(?-u:\b)|(?-u:\b)while(?-u:\b)|(?-u:\b)nevertheless(?-u:\b)|(?-u:\b)notwithstanding(?-u:\b)|(?-u:\b)instead(?-u:\b)|(?-u:\b)except(?-u:\b)|(?-u:\b)unless(?-u:\b)|(?-u:\b)other than(?-u:\b)"
    );
    let head = &norm[..pos.min(norm.len())];
    // A semicolon or colon that introduces the next item of an enumeration ("; (ii)", "; or (c)")
    // continues the clause that governs the list.
    // Boundaries inside parentheses ("(except as required by law)") do not end the clause around them.
    // The depth is counted up to each match's start as the matches come, in order.
    // "will not (a) copy the Service, except as the law allows, (c) license the Service": a boundary
    // inside an earlier item of an inline enumeration ends that item, not the clause that governs
    // the whole list, so it does not end the scope of an item after it.
    let sibling_items = inline_sibling_items(head);
    let bytes = head.as_bytes();
    let mut depth = 0i32;
    let mut counted = 0;
    re.find_iter(head)
        .filter(|m| !sibling_items.contains(&m.start()))
        .filter(|m| {
            for &b in &bytes[counted..m.start()] {
                match b {
                    b'(' => depth += 1,
                    b')' => depth = (depth - 1).max(0),
                    _ => {}
                }
            }
            counted = m.start();
            depth == 0
        })
        .filter(|m| {
            let sep = &head[m.start()..m.end()];
            if sep != ";" && sep != ": " {
                return true;
            }
            let after = head[m.end()..].trim_start();
            let after = after
                .strip_prefix("and ")
                .or_else(|| after.strip_prefix("or "))
                .unwrap_or(after);
            !after.starts_with('(')
        })
        .last()
        .map_or(0, |m| m.end())
}

/// In `head`, the byte range from an inline enumeration's first item marker ("(a)", "(i)", "(1)") to
/// the marker of the last item before the end of `head`: the earlier, sibling items of that item.
/// Empty when `head` does not end inside a second or later item.
fn inline_sibling_items(head: &str) -> std::ops::Range<usize> {
    let re = regex!(r"(?:^|[ ,;:])(\((?:[a-z]|[ivx]{1,4}|[0-9]{1,2})\)) ");
    if !head.contains(") ") {
        return 0..0;
    }
    let mut markers = re.captures_iter(head).filter_map(|c| c.get(1));
    let Some(first) = markers.find(|m| matches!(m.as_str(), "(a)" | "(i)" | "(1)")) else {
        return 0..0;
    };
    match markers.last() {
        Some(current) => first.start()..current.start(),
        None => 0..0,
    }
}

/// Where the clause containing `pos` ends.
pub fn scope_end(norm: &str, pos: usize) -> usize {
    let re = regex!(
        r";|\. |(?-u:\b)but(?-u:\b)|(?-u:\b)however(?-u:\b)|(?-u:\b)provided that(?-u:\b)|(?-u:\b)except(?-u:\b)|(?-u:\b)unless(?-u:\b)|(?-u:\b)other than(?-u:\b)"
    );
    let pos = pos.min(norm.len());
    re.find(&norm[pos..])
        .map_or(norm.len(), |m| pos + m.start())
}

/// A negator that is really part of another idiom: "not limited to", "no later than", "if you do
/// not …" (a condition, not a prohibition), "whether or not".
pub fn is_idiomatic_negation(norm: &str, start: usize, end: usize) -> bool {
    let after = &norm[end.min(norm.len())..];
    let before = &norm[..start];
    let after_idiom = after.starts_with(" limited")
        || after.starts_with(" later")
        || after.starts_with(" more than")
        || after.starts_with(" less than")
        || after.starts_with(" fewer than")
        || after.starts_with(" sooner")
        || after.starts_with(" only")
        || after.starts_with(" exceed")
        || after.starts_with(" matter");
    let spaced = format!(
        " {}",
        &before[floor_char_boundary(before, before.len().saturating_sub(20))..]
    );
    let before_idiom = [" or ", " but ", " if ", " whether "]
        .iter()
        .any(|w| spaced.ends_with(w));
    // "if you do not …", "unless you do not …": the negation sits inside a condition.
    let tail = &before[floor_char_boundary(before, before.len().saturating_sub(80))..];
    let conditional = {
        regex!(r"(?-u:\b)(if|when|where|unless|until|in case|to the extent)(?-u:\b)(?:\s+[^\s,;]+){0,8}\s*$")
        .is_match(tail)
    };
    after_idiom || before_idiom || conditional
}

/// Whether the proposition at `pos` is negated by a negator earlier in its clause.
pub fn negated(s: &SentenceFacts, pos: usize) -> bool {
    negator_before(s, pos).is_some()
}

/// The negator governing `pos`, if any, as a normalised byte range.
pub fn negator_before(s: &SentenceFacts, pos: usize) -> Option<(usize, usize)> {
    let start = scope_start(&s.norm, pos);
    s.hits_of(Concept::Negation)
        .filter(|h| h.start >= start && h.end <= pos)
        .filter(|h| !is_idiomatic_negation(&s.norm, h.start, h.end))
        .filter(|h| !in_closed_condition(&s.norm, start, h.end, pos))
        .map(|h| (h.start, h.end))
        .last()
}

/// "Provided that … no User Information … is revealed, the parties agree that Linear is free to
/// use …", "to the extent … individuals can no longer be identified, you agree that we may …": a
/// negator inside an opening condition does not reach the main clause that a comma and a new
/// subject start after it.
fn in_closed_condition(norm: &str, scope: usize, negator_end: usize, pos: usize) -> bool {
    static OPENER: OnceLock<TextRegex> = OnceLock::new();
    static MAIN: OnceLock<TextRegex> = OnceLock::new();
    let opener = OPENER.get_or_init(|| {
        TextRegex::new(
            r"^\s*(?:provided that|to the extent|if|where|when|so long as|as long as|once)(?-u:\b)",
        )
        .expect("valid condition-opener regex")
    });
    let main = MAIN.get_or_init(|| {
        TextRegex::new(r"^(?:and )?(?:you|we|the parties|both parties|each party|(?:the )?customer|(?:the )?company|(?:the )?licensee|[a-z]+ (?:inc|llc|ltd)\.?)(?: also)? (?:agree|agrees|acknowledge|acknowledges|may|will|shall|can|must|hereby)(?-u:\b)")
            .expect("valid main-clause regex")
    });
    let head = &norm[..scope];
    let opens_with_condition =
        opener.is_match(&norm[scope..negator_end]) || head.trim_end().ends_with("provided that");
    if !opens_with_condition || pos > norm.len() || negator_end > pos {
        return false;
    }
    // Any comma may close the condition ("…, directly or indirectly, you agree that we may …"),
    // not only the last one before `pos`.
    norm[negator_end..pos]
        .match_indices(", ")
        .any(|(comma, _)| main.is_match(&norm[negator_end + comma + 2..pos]))
}

fn consent_exception_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:unless|except|other than|save|absent|without|until)(?-u:\b)[^.;]*?(?-u:\b)(?:consent|consents|consented|permission|authori[sz]ation|authori[sz]e|approval|approve|opt(?:s|ed)?[- ]?in|agree|agrees|agreed|agreement|instruct(?-u:\w)*|request(?-u:\w)*|directs? us|asks? us|choose|chooses|elect|elects|enable|enables|turn on|allow|allows|permit|permits)(?-u:\b)"
    )
}

/// An exception that turns a prohibition into a consent-based permission ("will not … without your
/// consent", "unless you opt in"). Returns its normalised range.
pub fn consent_exception(s: &SentenceFacts, from: usize) -> Option<(usize, usize)> {
    let from = from.min(s.norm.len());
    consent_exception_regex()
        .find(&s.norm[from..])
        .map(|m| (from + m.start(), from + m.end()))
}

/// Whether a party word is the subject of a verb ("we may", "Customer shall", "you hereby grant"),
/// as opposed to a possessive ("your content"), an object ("grant us") or a modifier ("customer
/// service").
fn is_subject(norm: &str, start: usize, end: usize) -> bool {
    const VERBS: &[&str] = &[
        "may",
        "will",
        "shall",
        "can",
        "could",
        "might",
        "must",
        "would",
        "should",
        "agree",
        "agrees",
        "grant",
        "grants",
        "hereby",
        "use",
        "uses",
        "has",
        "have",
        "is",
        "are",
        "does",
        "do",
        "reserve",
        "reserves",
        "retain",
        "retains",
        "own",
        "owns",
        "collect",
        "collects",
        "process",
        "processes",
        "share",
        "shares",
        "also",
        "acknowledge",
        "acknowledges",
        "understand",
        "understands",
        "choose",
        "chooses",
        "consent",
        "consents",
        "provide",
        "provides",
        "give",
        "gives",
        "allow",
        "allows",
        "permit",
        "permits",
        "license",
        "licenses",
        "obtain",
        "obtains",
        "receive",
        "receives",
        "and",
        "need",
        "needs",
        "want",
        "wants",
        "only",
        "expressly",
        "irrevocably",
        "disclose",
        "discloses",
        "sell",
        "sells",
        "store",
        "stores",
        "keep",
        "keeps",
        "train",
        "trains",
        "create",
        "creates",
        "submit",
        "submits",
        "upload",
        "uploads",
        "post",
        "posts",
        "remains",
        "retain",
        "reserve",
    ];
    let word = &norm[start..end];
    if matches!(
        word,
        "your" | "yours" | "our" | "ours" | "us" | "customer's" | "user's" | "users'"
    ) {
        return false;
    }
    let rest = &norm[end..];
    if rest.starts_with("'s ") || rest.starts_with("' ") {
        return false;
    }
    // "suggestions … to you, and improve the service", "about you to allow us", "from our members
    // and using it": the object of a preposition is no subject.
    const PREPOSITIONS: &[&str] = &[
        "to", "for", "with", "about", "from", "of", "by", "on", "at", "toward", "towards",
        "between", "among", "than", "like",
    ];
    let mut words = norm[..start].split_whitespace().rev();
    let mut previous = words.next();
    if matches!(
        previous,
        Some("our" | "the" | "all" | "other" | "its" | "their" | "such")
    ) {
        previous = words.next();
    }
    if previous.is_some_and(|w| PREPOSITIONS.contains(&w)) {
        return false;
    }
    // "to operate, provide you with, and improve the Service", "we will notify you": the object
    // of a verb that takes the customer as its object.
    const OBJECT_TAKING: &[&str] = &[
        "provide",
        "provides",
        "providing",
        "give",
        "gives",
        "giving",
        "send",
        "sends",
        "sending",
        "offer",
        "offers",
        "offering",
        "show",
        "shows",
        "showing",
        "notify",
        "notifies",
        "tell",
        "tells",
        "ask",
        "asks",
        "help",
        "helps",
        "helping",
        "let",
        "lets",
        "remind",
        "invite",
        "inform",
        "informs",
        "contact",
        "serve",
        "charge",
        "bill",
    ];
    if matches!(word, "you" | "users" | "customers")
        && previous.is_some_and(|w| OBJECT_TAKING.contains(&w))
    {
        return false;
    }
    let next = rest
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    VERBS.contains(&next) || (matches!(word, "we" | "you" | "they") && !next.is_empty())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Vendor,
    Customer,
    Unknown,
}

/// The nearest party named before `pos` in its clause (or before it in the sentence when the clause
/// names none), ignoring possessives.
pub fn actor_before(s: &SentenceFacts, pos: usize) -> Actor {
    let scope = scope_start(&s.norm, pos);
    let nearest = |from: usize| {
        s.hits
            .iter()
            .filter(|h| h.end <= pos && h.start >= from)
            .filter(|h| h.is(Concept::Vendor) || h.is(Concept::Customer))
            .filter(|h| !in_closed_adverbial_clause(&s.norm, h.start, pos))
            .rfind(|h| is_subject(&s.norm, h.start, h.end))
            .map(|h| {
                if h.is(Concept::Vendor) {
                    Actor::Vendor
                } else {
                    Actor::Customer
                }
            })
    };
    nearest(scope)
        .or_else(|| nearest(0))
        .unwrap_or(Actor::Unknown)
}

/// "When you create a voice ID, Alexa uses recordings of your voice …": the subject of an
/// introductory "when / if / once …" clause that a comma closes before `pos` is not the actor of the
/// main clause that follows it.
fn in_closed_adverbial_clause(norm: &str, start: usize, pos: usize) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "when ",
        "whenever ",
        "if ",
        "where ",
        "once ",
        "after ",
        "before ",
        "as soon as ",
        "because ",
        "since ",
        "each time ",
    ];
    let segment_start = norm[..start].rfind(", ").map_or(0, |i| i + 2);
    let segment = &norm[segment_start..start];
    // "Please note that if you request …, it may not be possible": the subordinator may follow
    // other words of the segment, as long as it stands right before the party.
    SUBORDINATORS.iter().any(|w| {
        segment.starts_with(w)
            || (segment.ends_with(w) && segment[..segment.len() - w.len()].ends_with(' '))
    }) && norm[start..pos.min(norm.len())].contains(", ")
}

/// "we may", "you grant us", "… may be used": a permission or grant in favour of the vendor.
pub fn vendor_permission(s: &SentenceFacts, pos: usize) -> bool {
    let grant = regex!(
        r"(?-u:\b)(?:grant|grants|give|gives)(?-u:\b)|(?-u:\b)(?:provide|provides)(?-u:\b)(?:\s+\S+){0,3}?\s+(?:us|we)(?-u:\b)|(?-u:\b)licen[cs]e to(?-u:\b)|(?-u:\b)right (?:for us )?to(?-u:\b)|(?-u:\b)authori[sz]e(?-u:\b)|(?-u:\b)consent to(?-u:\b)"
    );
    let head = &s.norm[..pos.min(s.norm.len())];
    // Any vendor subject before the purpose makes it the vendor's permission, even when a customer
    // is the subject of an embedded clause ("we use the conversations you have … to train").
    let vendor_subject = s
        .hits_of(Concept::Vendor)
        .any(|h| h.end <= pos && is_subject(&s.norm, h.start, h.end));
    vendor_subject
        || match actor_before(s, pos) {
            Actor::Vendor | Actor::Unknown => true,
            Actor::Customer => grant.is_match(head),
        }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_earlier_items_exception_does_not_end_the_lists_scope() {
        // Linear: the prohibition governs item (c) although item (b) carries its own "except".
        let norm = "customer agrees that it will not (a) modify the service, (b) reverse engineer the \
                    service, except as and only to the extent this restriction is prohibited by law, \
                    (c) license, sublicense or transfer the service to any third party";
        let pos = norm.find("license,").unwrap();
        assert_eq!(super::scope_start(norm, pos), 0);
        // Inside item (b) the exception still ends the prohibition's scope.
        let pos = norm.find("prohibited").unwrap();
        assert!(super::scope_start(norm, pos) > norm.find("except").unwrap());
        // A boundary inside the current item still counts, and one before the list still counts.
        let norm =
            "we will not sell your data; you may (i) export it, (ii) delete it, but we keep logs";
        let pos = norm.find("logs").unwrap();
        assert_eq!(
            super::scope_start(norm, pos),
            norm.find(" we keep").unwrap()
        );
        let pos = norm.find("delete").unwrap();
        assert_eq!(
            super::scope_start(norm, pos),
            norm.find(" you may").unwrap()
        );
    }

    #[test]
    fn idioms_are_not_negations() {
        let norm = "including but not limited to training";
        assert!(super::is_idiomatic_negation(norm, 14, 17));
        let norm = "if you do not opt out we train";
        let p = norm.find("not").unwrap();
        assert!(super::is_idiomatic_negation(norm, p, p + 3));
    }

    #[test]
    fn a_negator_in_an_opening_condition_stops_at_the_main_clause() {
        // Linear Terms of Service; Substack Publisher Agreement.
        let norm = "provided that the service data is aggregated, and no user information is revealed to any third party, the parties agree that linear is free to use the service data in any manner.";
        let neg = norm.find(" no ").unwrap() + 1;
        let scope = super::scope_start(norm, norm.len());
        assert!(super::in_closed_condition(
            norm,
            scope,
            neg + 2,
            norm.find("free").unwrap()
        ));
        let norm = "to the extent such outputs are anonymised so that individuals can no longer be identified, you agree that we may use this data for our own purposes.";
        let neg = norm.find("no longer").unwrap() + 9;
        assert!(super::in_closed_condition(
            norm,
            0,
            neg,
            norm.find("for our own").unwrap()
        ));
        // A negation in the main clause itself, or a condition not yet closed, still governs.
        let norm = "if you agree, we will not use your content, including for training.";
        let neg = norm.find("not").unwrap() + 3;
        assert!(!super::in_closed_condition(
            norm,
            0,
            neg,
            norm.find("training").unwrap()
        ));
        // Nextdoor Privacy Policy: the condition closed before the negator, in "please note".
        let norm = "if this information is cached by third parties, please note we do not control these third parties, and they may use caches.";
        let neg = norm.find("do not").unwrap() + 6;
        assert!(!super::in_closed_condition(
            norm,
            0,
            neg,
            norm.find("use caches").unwrap()
        ));
        let norm = "we will not use «aggregated» data, except as you agree.";
        let neg = norm.find("not").unwrap() + 3;
        assert!(!super::in_closed_condition(
            norm,
            0,
            neg,
            norm.find("data").unwrap()
        ));
    }
}
