//! Just enough clause grammar for contracts: where a negation's scope starts, whether a prohibition
//! carries an exception, and who the acting party is.

use std::sync::OnceLock;

use regex::Regex;

use crate::context::SentenceFacts;
use crate::lexicon::Concept;

/// Where the clause containing `pos` starts: after the last `;`, `:`, or a conjunction that opens a
/// new proposition ("but", "however", "provided that").
pub fn scope_start(norm: &str, pos: usize) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r";|: |\. |\bbut\b|\bhowever\b|\bprovided that\b|\bwhereas\b|\bwhile\b|\bnevertheless\b|\bnotwithstanding\b|\botherwise\b|\binstead\b|\bexcept\b|\bunless\b|\bother than\b|\(\w{1,4}\) ")
            .expect("valid scope regex")
    });
    let head = &norm[..pos.min(norm.len())];
    re.find_iter(head).last().map_or(0, |m| m.end())
}

/// Where the clause containing `pos` ends.
pub fn scope_end(norm: &str, pos: usize) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r";|\. |\bbut\b|\bhowever\b|\bprovided that\b|\bexcept\b|\bunless\b|\bother than\b",
        )
        .expect("valid scope-end regex")
    });
    let pos = pos.min(norm.len());
    re.find(&norm[pos..])
        .map_or(norm.len(), |m| pos + m.start())
}

/// A negator that is really part of another idiom: "not limited to", "no later than", "if you do
/// not …" (a condition, not a prohibition), "whether or not".
fn idiomatic(norm: &str, start: usize, end: usize) -> bool {
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
    let before_idiom = before.ends_with("whether or ")
        || before.ends_with("or ")
        || before.ends_with("but ")
        || before.ends_with("if ")
        || before.ends_with("even if ");
    // "if you do not …", "unless you do not …": the negation sits inside a condition.
    let tail = &before[clauselint_parser::line_index::floor_char_boundary(before, before.len().saturating_sub(40))..];
    let conditional = {
        static RE: OnceLock<Regex> = OnceLock::new();
        RE.get_or_init(|| {
            Regex::new(r"\b(if|when|where|unless|until|in case|to the extent)\b(?:\s+\S+){0,4}\s*$")
                .expect("valid")
        })
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
        .filter(|h| !idiomatic(&s.norm, h.start, h.end))
        .map(|h| (h.start, h.end))
        .last()
}

fn consent_exception_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:unless|except|other than|save|absent|without|until)\b[^.;]{0,100}?\b(?:consent|consents|consented|permission|authori[sz]ation|authori[sz]e|approval|approve|opt(?:s|ed)?[- ]?in|agree|agrees|agreed|agreement|instruct\w*|request\w*|choose|chooses|elect|elects|enable|enables|turn on|allow|allows|permit|permits)\b",
        )
        .expect("valid consent-exception regex")
    })
}

/// An exception that turns a prohibition into a consent-based permission ("will not … without your
/// consent", "unless you opt in"). Returns its normalised range.
pub fn consent_exception(s: &SentenceFacts, from: usize) -> Option<(usize, usize)> {
    let from = from.min(s.norm.len());
    consent_exception_regex()
        .find(&s.norm[from..])
        .map(|m| (from + m.start(), from + m.end()))
}

/// Words that are possessives, not actors: "your content" does not make the customer the subject.
fn possessive(norm: &str, start: usize, end: usize) -> bool {
    let word = &norm[start..end];
    matches!(
        word,
        "your" | "yours" | "our" | "ours" | "customer's" | "user's" | "users'"
    ) || norm[end..].starts_with("'s ")
        || norm[end..].starts_with("' ")
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
            .rfind(|h| !possessive(&s.norm, h.start, h.end))
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

/// "we may", "you grant us", "… may be used": a permission or grant in favour of the vendor.
pub fn vendor_permission(s: &SentenceFacts, pos: usize) -> bool {
    static GRANT: OnceLock<Regex> = OnceLock::new();
    let grant = GRANT.get_or_init(|| {
        Regex::new(r"\b(?:grant|grants|give|gives|provide|provides)\b(?:\s+\S+){0,3}?\s+(?:us|we)\b|\blicen[cs]e to\b|\bright to\b|\bauthori[sz]e\b")
            .expect("valid grant regex")
    });
    let head = &s.norm[..pos.min(s.norm.len())];
    match actor_before(s, pos) {
        Actor::Vendor => true,
        Actor::Customer => grant.is_match(head),
        Actor::Unknown => true,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn idioms_are_not_negations() {
        let norm = "including but not limited to training";
        assert!(super::idiomatic(norm, 14, 17));
        let norm = "if you do not opt out we train";
        let p = norm.find("not").unwrap();
        assert!(super::idiomatic(norm, p, p + 3));
    }
}
