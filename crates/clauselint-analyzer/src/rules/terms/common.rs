//! Helpers shared by the `terms/*` rules: who acts in a clause, whether a power is a discretionary
//! one, and how to build a finding at a chosen severity. Kept private to the group.

pub(super) use crate::pattern::DualRegex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::rule::RuleMeta;
use crate::rules::{extend_words, sentence_finding, snippet};

pub(crate) use crate::text_regex::regex;

/// A regex compiled once per call site, searched at word boundaries (see [`DualRegex::new`]).
macro_rules! dual_regex {
    ($re:expr $(,)?) => {{
        static RE: $crate::pattern::DualRegex = $crate::pattern::DualRegex::new();
        RE.with_pattern(|| $re)
    }};
}
pub(super) use dual_regex;

/// Sentences holding at least one of the concepts in `mask` (outside headings): the concept
/// prefilter for rules whose trigger can be worded with any of several concepts.
pub(super) fn sentences_with_any<'a>(
    cx: &'a Context,
    mask: u64,
) -> impl Iterator<Item = &'a SentenceFacts> + 'a {
    cx.focused()
        .iter()
        .filter(move |s| s.mask & mask != 0 && !s.in_heading)
}

/// Who holds a power in a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Party {
    /// The provider, a named company, or nobody named (a passive: "may be terminated").
    Provider,
    /// The consumer alone: "you may close your account".
    Consumer,
    /// Both: "either party may terminate", "you and LinkedIn may".
    Both,
    /// Someone else: the consumer's organisation, a seller, a court.
    Other,
}

/// Where the clause containing `pos` starts: after `;`, a sentence break, or a colon. Unlike
/// `grammar::scope_start` it does not stop at "but"/"except", because the rules here read whole
/// propositions ("we may, but are not obliged to, remove …").
pub(super) fn clause_start(norm: &str, pos: usize) -> usize {
    let re =
        regex!(r";|: |\. |\((?-u:\w){1,4}\) |(?-u:\b)[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?\.? ");
    let head = &norm[..pos.min(norm.len())];
    re.find_iter(head).last().map_or(0, |m| m.end())
}

/// Where the clause containing `pos` ends.
pub(super) fn clause_end(norm: &str, pos: usize) -> usize {
    let re = regex!(r";|\. |\((?-u:\w){1,4}\) ");
    let pos = pos.min(norm.len());
    re.find(&norm[pos..])
        .map_or(norm.len(), |m| pos + m.start())
}

/// Words that name the consumer when they are the subject of a verb.
const CONSUMER_WORDS: &[&str] = &[
    "you",
    "user",
    "users",
    "customer",
    "customers",
    "consumer",
    "consumers",
    "member",
    "members",
    "subscriber",
    "subscribers",
    "licensee",
    "passenger",
    "passengers",
    "player",
    "players",
    "buyer",
    "buyers",
    "client",
    "clients",
    "sender",
];

/// Words that name neither party: the consumer's organisation, sellers, courts, issuers.
const OTHER_WORDS: &[&str] = &[
    "administrator",
    "administrators",
    "admin",
    "admins",
    "organization",
    "organisation",
    "employer",
    "seller",
    "sellers",
    "merchant",
    "merchants",
    "supplier",
    "suppliers",
    "issuer",
    "court",
    "courts",
    "jurisdiction",
    "representative",
    "parent",
    "parents",
    "recipient",
    "arbitrator",
    "apple",
    "beneficiaries",
    "beneficiary",
    "airline",
    "airlines",
    "bank",
    "operator",
];

fn is_consumer_word(w: &str) -> bool {
    CONSUMER_WORDS.contains(&w)
}

/// The party that is the subject of the verb phrase starting at `pos`: the last word before it in
/// its clause, skipping adverbs, commas and parentheses.
pub(super) fn subject_before(norm: &str, pos: usize) -> Party {
    let start = clause_start(norm, pos);
    let head = &norm[start..pos.min(norm.len())];
    // Remove parentheses and comma-delimited insertions at the end ("we may, in our discretion,").
    let mut cleaned = String::with_capacity(head.len());
    let mut depth = 0usize;
    for c in head.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => cleaned.push(c),
            _ => {}
        }
    }
    let both = regex!(
        r"(?-u:\b)(?:either party|either of us|both parties|each party|each of us|both of us|we each|we can each|you and (?:we|us|\S+(?: \S+)?)|both you and|you or (?:we|us)|we or you|neither party|either you or)(?-u:\b)"
    );
    let words: Vec<&str> = cleaned
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '&' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    const SKIP: &[&str] = &[
        "also",
        "further",
        "then",
        "therefore",
        "now",
        "still",
        "always",
        "immediately",
        "hereby",
        "at",
        "any",
        "time",
        "its",
        "their",
        "our",
        "sole",
        "discretion",
        "option",
        "only",
        "even",
        "however",
        "accordingly",
        "in",
        "addition",
        "additionally",
        "each",
        "shall",
        "will",
        "may",
        "can",
        "automatically",
        "reasonably",
        "thus",
        "furthermore",
        "expressly",
        "explicitly",
        "unilaterally",
        "nevertheless",
        "otherwise",
        "and",
        "or",
        "be",
        "been",
        "being",
        "is",
        "are",
        "remain",
        "remains",
        "not",
        "held",
        "solely",
        "legally",
    ];
    let pos_subject = words.iter().rposition(|w| !SKIP.contains(w));
    let subject = pos_subject.map(|i| words[i]);
    // "liability to you will …": a consumer named after a preposition is an object, not the subject.
    const PREPOSITIONS: &[&str] = &[
        "to", "for", "with", "by", "of", "on", "from", "against", "towards", "toward", "about",
    ];
    let after_preposition = pos_subject
        .and_then(|i| i.checked_sub(1))
        .is_some_and(|j| PREPOSITIONS.contains(&words[j]));
    // "you and LinkedIn may", "either party may": only the last few words decide.
    let tail_start = cleaned.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    if both.is_match(&cleaned[tail_start..]) && !cleaned.trim_end().ends_with("you") {
        return Party::Both;
    }
    match subject {
        Some(w) if is_consumer_word(w) && !after_preposition => Party::Consumer,
        Some(w) if OTHER_WORDS.contains(&w) => Party::Other,
        _ => Party::Provider,
    }
}

/// Discretion markers: "at any time", "for any reason", "without notice", "sole discretion",
/// "immediately". Returns the first one in the normalised range.
pub(super) fn discretion_in(s: &SentenceFacts, start: usize, end: usize) -> Option<(usize, usize)> {
    if let Some(h) = s
        .hits_of(Concept::Discretion)
        .find(|h| h.start >= start && h.end <= end)
    {
        let phrase = &s.norm[h.start..h.end];
        // "from time to time" is a rhythm, not a discretion; "without liability" is about damages.
        if !matches!(
            phrase,
            "from time to time"
                | "without liability"
                | "periodically"
                | "regularly"
                | "on a regular basis"
        ) {
            return Some((h.start, h.end));
        }
    }
    let re = regex!(
        r"(?-u:\b)(?:sole (?:and absolute )?(?:discretion|judgment|judgement|option)|(?:our|its|their) (?:absolute |own )?(?:discretion|option)|any or no reason|no reason|any reason whatsoever|without (?:any )?(?:prior |advance )?(?:notice|warning|notification)|with or without (?:prior )?(?:notice|cause|warning)|immediately|at all times|for whatever reason)(?-u:\b)"
    );
    let end = end.min(s.norm.len());
    re.find(&s.norm[start..end])
        .map(|m| (start + m.start(), start + m.end()))
}

/// A finding for the whole sentence at a chosen severity.
pub(super) fn finding_at(
    cx: &Context,
    meta: &'static RuleMeta,
    s: &SentenceFacts,
    severity: Severity,
    message: String,
) -> Finding {
    let mut f = sentence_finding(cx, meta, s, message);
    f.severity = severity;
    f
}

/// The quoted phrase from `start`, extended by a few words to the end of its clause.
pub(super) fn quote_from(
    cx: &Context,
    s: &SentenceFacts,
    start: usize,
    end: usize,
    words: usize,
) -> String {
    snippet(cx, s, start, extend_words(&s.norm, end, words))
}

/// Whether `pos` sits inside a condition or an exception that carves the clause out ("if …",
/// "unless …", "except …"): the nearest such opener between the clause start and `pos`.
pub(super) fn in_condition(norm: &str, pos: usize) -> bool {
    let start = clause_start(norm, pos);
    let head = &norm[start..pos.min(norm.len())];
    let re =
        regex!(r"(?-u:\b)(?:if|when|whenever|where|unless|until|in case|in the event)(?-u:\b)");
    let Some(m) = re.find_iter(head).last() else {
        return false;
    };
    // The condition ends at a comma followed by the main clause ("if you breach, we may …").
    !head[m.end()..].contains(", ")
}

/// Where the proposition containing `pos` starts, for negation scope: after `;`, `:`, a sentence
/// break, an enumeration marker, or a conjunction that opens a new proposition.
fn negation_scope_start(norm: &str, pos: usize) -> usize {
    let re = regex!(
        r";|: |\. |\((?-u:\w){1,4}\) |(?-u:\b)(?:but|however|provided that|whereas|while|nevertheless|notwithstanding|except|unless|other than)(?-u:\b)"
    );
    let head = &norm[..pos.min(norm.len())];
    re.find_iter(head).last().map_or(0, |m| m.end())
}

/// A negator that belongs to another idiom: "not limited to", "no later than", "whether or not",
/// "if you do not …" (a condition). "To the extent permitted by law, we are not liable" is a real
/// negation: the extent qualifies it, it does not make it conditional.
fn idiomatic_negator(norm: &str, start: usize, end: usize) -> bool {
    let after = &norm[end.min(norm.len())..];
    let before = &norm[..start];
    if regex!(r"^ (?:limited|later|more than|less than|fewer than|sooner|only|matter)(?-u:\b)")
        .is_match(after)
        || regex!(r"(?:(?-u:\b)whether or|(?-u:\b)or|(?-u:\b)but|(?-u:\b)if|(?-u:\b)even if) $")
            .is_match(before)
    {
        return true;
    }
    let tail_from = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    regex!(r"(?-u:\b)(?:if|when|where|unless|until|in case)(?-u:\b)(?:\s+\S+){0,4}\s*$")
        .is_match(&before[tail_from..])
}

/// The negator governing `pos` in its proposition, as a normalised range.
pub(super) fn negator_before(s: &SentenceFacts, pos: usize) -> Option<(usize, usize)> {
    let start = negation_scope_start(&s.norm, pos);
    s.hits_of(Concept::Negation)
        .filter(|h| h.start >= start && h.end <= pos)
        .filter(|h| !idiomatic_negator(&s.norm, h.start, h.end))
        .map(|h| (h.start, h.end))
        .last()
}
