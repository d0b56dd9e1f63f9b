//! `terms/unilateral-change` (CLAUDETTE `ch`)
//!
//! ## What it flags
//! A power of the provider to change the terms, the service, its features or its prices on its
//! own: "we may modify these Terms at any time", "we reserve the right to change or discontinue the
//! Service", "prices are subject to change", passive "these terms may be updated from time to
//! time", and the duty it implies for the consumer to keep checking the terms for changes.
//!
//! ## Why it matters
//! A contract one side can rewrite is not much of a contract: the consumer accepted one bargain
//! and can be held to another. EU consumer law (Directive 93/13/EEC, Annex 1(j)–(k)) treats
//! alteration without a valid reason specified in the contract as presumptively unfair. Notice
//! alone does not make the power fair; a valid reason, advance notice and a free exit together do.
//!
//! ## Not flagged
//! Changes the consumer makes ("you may update your profile"), promises not to change ("changes
//! will not apply retroactively", "we will not change …"), and conditions ("if the terms are
//! changed, …").

use super::common::{discretion_in, quote_from, regex, subject_before, finding_at, Party};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta};

pub struct UnilateralChange;

static META: RuleMeta = RuleMeta {
    id: "terms/unilateral-change",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The provider may change the terms, the service or its prices on its own.",
        why: "The consumer is bound by a bargain the provider can rewrite. Without a valid reason \
              stated in the contract, advance notice and a right to leave free of charge, the power \
              is presumptively unfair (Directive 93/13/EEC, Annex 1(j)-(k)); notice alone does not cure it.",
        example: "We reserve the right to modify these Terms at any time in our sole discretion.",
        suggested: "Any change to these Terms must be for a valid reason stated in them, such as a change \
                    in the law or a documented security need. We will give you at least 30 days' notice by \
                    email, and if you object you may end the contract before the change takes effect, free of \
                    charge and with a pro-rata refund of prepaid fees.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — unilateral change (ch)",
            "Council Directive 93/13/EEC, Annex 1(j), 1(k)",
            "Lippi et al. (2019), CLAUDETTE, category ch",
        ],
    },
};

/// What kind of thing may be changed: the quote and the message depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Object {
    Terms,
    Price,
    Service,
}

fn classify(object: &str) -> Object {
    if regex!(r"^(?:terms|agreement|conditions|contract|t&cs|tos|eula|polic|provisions|rules|guidelines|user agreement)").is_match(object) {
        Object::Terms
    } else if regex!(r"^(?:price|pricing|fee|charge|rate|subscription fee|tariff|cost)").is_match(object) {
        Object::Price
    } else {
        Object::Service
    }
}

const OBJECTS: &str = r"terms(?: of (?:use|service|sale))?|agreement|conditions|contract|t&cs|tos|eula|polic(?:y|ies)|provisions|rules|guidelines|services?|site|website|websites|platform|features?|functionalit(?:y|ies)|prices?|pricing|fees?|charges|rates|tariffs?|costs|products?|software|apps?|applications?|offers?|offerings?|subscriptions?|plans?|limits|limitations|content|virtual items|username|user ?name|numbers?|timetables?|schedules?|practices|promotions?|promotional offers|discounts|coupons?|availability|specifications|goods|vouchers?|items|eligibility|payment methods|exceptions|providers|beta|trial|marketplaces|them|it";

/// A permission of the provider followed by a change verb and its object.
fn active(norm: &str) -> Option<(usize, usize, usize, usize)> {
    let re = regex!(
        r"\b(?P<modal>may|might|can|could|will|shall|reserves?(?: all| the| its| our)? rights?(?: [^,;.]{0,40},)? to|retains? the right to|ha(?:s|ve) the right(?: [^,;.]{0,40},)? to|(?:is|are|be|shall be) entitled to|needs?(?: the flexibility)? to|ha(?:s|ve) to|is free to)\b(?P<gap>(?:[^.;:]{0,60}?))\b(?P<verb>change|modify|amend|update|revise|alter|supplement|replace|discontinue|eliminate|withdraw|vary|adjust|substitute|add(?: or remove)?|remove|impose(?: new)?(?: or additional)? limits|set(?: storage)? limits|create limits|establish|cancel|suspend|stop|terminate|restrict|charge|make(?: any| future| further)?(?: and [a-z ]{0,30})? (?:changes|modifications|amendments|updates|revisions|improvements))\b(?P<rest>[^.;]{0,160})"
    );
    for c in re.captures_iter(norm) {
        let gap = c.name("gap").map_or("", |m| m.as_str());
        // "may, but need not, …" is fine; "may not", "can no longer" are not permissions.
        if regex!(r"^\s*(?:not|no longer|never)\b").is_match(gap) || gap.contains(" you ") && gap.trim_start().starts_with("require") {
            continue;
        }
        let verb = c.name("verb").expect("verb");
        let rest = c.name("rest").expect("rest");
        let obj_re = regex!(&format!(r"\b(?:{OBJECTS})\b"));
        // The object follows the verb closely ("change these Terms", "make changes to the Contract").
        let r = rest.as_str();
        let window = &r[..clauselint_parser::line_index::floor_char_boundary(r, r.len().min(110))];
        if let Some(o) = obj_re.find(window) {
            let modal = c.name("modal").expect("modal");
            return Some((modal.start(), verb.start(), rest.start() + o.start(), rest.start() + o.end()));
        }
    }
    None
}

/// "Prices are subject to change", "these Terms may be updated", "functionality may change".
fn passive(norm: &str) -> Option<(usize, usize, usize, usize)> {
    let re = regex!(
        r"\b(?:may|might|can|could|will|shall|are|is)(?: also)?(?: at any time)?(?: be)?(?: subject to)? (?P<verb>change[ds]?|modified|amended|updated|revised|altered|vary|varied|supplemented|replaced|discontinued|eliminated|withdrawn|adjusted|interrupted, suspended or discontinued)\b|\b(?P<subj>change)s? frequently\b"
    );
    for c in re.captures_iter(norm) {
        let m = c.get(0).expect("match");
        let verb = c.name("verb").or_else(|| c.name("subj")).expect("verb");
        let start = super::common::clause_start(norm, m.start());
        let head = &norm[start..m.start()];
        let obj_re = regex!(&format!(r"\b(?:{OBJECTS}|they|which)\b"));
        if let Some(o) = obj_re.find_iter(head).last() {
            // "you may be changed" is nonsense; a consumer-word subject is not an object.
            return Some((start + o.start(), verb.start(), start + o.start(), start + o.end()));
        }
    }
    None
}

/// "Please review these Terms regularly", "check this page periodically for changes".
fn review_duty(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"\b(?:review|check|consult|visit|re-read)\b[^.;]{0,80}\b(?:regularly|periodically|on a regular basis|from time to time|frequently|for the most recent version|for (?:any )?(?:changes|updates))\b"
    );
    let m = re.find(norm)?;
    regex!(r"\b(?:terms|agreement|conditions|version|changes|updates|page|policy|contract)\b")
        .is_match(norm)
        .then_some((m.start(), m.end()))
}

fn object_word(norm: &str, start: usize, end: usize) -> &str {
    &norm[start..end]
}

impl Rule for UnilateralChange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut seen = std::collections::HashSet::new();
        let candidates = cx
            .sentences_with(Concept::Change.bit())
            .chain(cx.sentences_with(Concept::Discretion.bit()));
        for s in candidates {
            if s.in_heading || !seen.insert(s.index) {
                continue;
            }
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if let Some((modal, verb, o_start, o_end)) = active(norm) {
        let party = subject_before(norm, modal);
        if party != Party::Consumer && !negated(s, verb) {
            let object = classify(object_word(norm, o_start, o_end));
            return Some(report(cx, s, verb, o_end, object));
        }
    }
    if let Some((subj, verb, o_start, o_end)) = passive(norm) {
        if !super::common::in_condition(norm, verb) && !negated(s, verb) {
            let object = classify(object_word(norm, o_start, o_end));
            return Some(report(cx, s, subj, verb.max(o_end), object));
        }
    }
    if let Some((start, end)) = review_duty(norm) {
        let quote = quote_from(cx, s, start, end, 0);
        return Some(finding_at(
            cx,
            &META,
            s,
            Severity::Warning,
            format!(
                "The consumer is asked to keep checking the terms for changes (“{quote}”): it presupposes \
                 that the provider may change them on its own and makes silence count as acceptance. Ask \
                 for changes to be notified individually, in advance, with a right to leave."
            ),
        ));
    }
    None
}

fn report(cx: &Context, s: &SentenceFacts, start: usize, end: usize, object: Object) -> Finding {
    let quote = quote_from(cx, s, start, end, 6);
    let discretion = discretion_in(s, 0, s.norm.len())
        .map(|(a, b)| format!(" — and “{}”", super::common::quote_from(cx, s, a, b, 0)))
        .unwrap_or_default();
    let why = match object {
        Object::Terms => "the provider can rewrite the contract the consumer accepted. Notice alone does not \
                          make this fair: ask for changes only for valid reasons stated in the contract, advance \
                          notice, and a right to end the contract free of charge before they take effect",
        Object::Price => "the price the consumer agreed to is not fixed. Ask that price changes apply only from \
                          the next billing period, after advance notice, with a right to cancel and a refund of \
                          prepaid amounts",
        Object::Service => "the provider can change or withdraw what the consumer is paying for or relying on. \
                            Ask for changes to be limited to valid reasons, notified in advance, and paired with a \
                            right to cancel and a pro-rata refund",
    };
    finding_at(
        cx,
        &META,
        s,
        Severity::Warning,
        format!("Unilateral change: “{quote}”{discretion}. This means {why}."),
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "terms/unilateral-change";

    #[test]
    fn flags_changes_to_the_terms() {
        // Amazon Conditions of Use.
        assert_flags(ID, "We reserve the right to make changes to any Amazon Services, policies, terms and conditions including these Conditions of Use, and Service Terms at any time.");
        // Garmin Terms of Use.
        assert_flags(ID, "Garmin may modify these Terms of Use at any time by updating this posting.");
        // Quora Terms of Service.
        assert_flags(ID, "We may amend this Agreement (including any policies, such as the Privacy Policy) at any time, in our sole discretion.");
        // Tumblr: notice alone does not make it fair.
        assert_flags(ID, "Tumblr reserves the right to modify this Agreement by (1) posting a revised Agreement on and/or through the Services and (2) providing notice to you that this Agreement has changed.");
    }

    #[test]
    fn flags_passive_and_service_changes() {
        // Tumblr / Endomondo.
        assert_flags(ID, "The Services change frequently, and their form and functionality may change without prior notice to you.");
        // Rovio.
        assert_flags(ID, "Price and availability of Virtual Items are subject to change without notice.");
        // Yelp.
        assert_flags(ID, "The Site may be modified, updated, interrupted, suspended or discontinued at any time without notice or liability.");
        // Endomondo.
        assert_flags(ID, "We may change, suspend, or discontinue any or all of the Services at any time, including the availability of any product, feature, database, or Content.");
        // Skype.
        assert_flags(ID, "Please review the Terms on a regular basis.");
    }

    #[test]
    fn consumer_changes_are_not_flagged() {
        assert_clean(ID, "You may update your profile information at any time in your account settings.");
        assert_clean(ID, "You may not modify, translate or create derivative works of the Software.");
        // Tumblr: a promise, not a power.
        assert_clean(ID, "Modifications will not apply retroactively.");
    }

    #[test]
    fn conditions_and_promises_are_not_flagged() {
        assert_clean(ID, "If these Terms are changed, the version in force at the time of your order applies.");
        assert_clean(ID, "We will not change these Terms without your express agreement.");
    }
}
