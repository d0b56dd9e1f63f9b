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

use super::common::{
    discretion_in, finding_at, quote_from, regex, sentences_with_any, subject_before, Party,
};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::AnyWord;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::extend_words;
use clauselint_parser::line_index::floor_char_boundary;

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

const OBJECTS: &str = r"terms(?: of (?:use|service|sale))?|agreement|conditions|contract|t&cs|tos|eula|polic(?:y|ies)|provisions|rules|guidelines|regulations|procedures|services?|site|website|websites|platform|features?|functionalit(?:y|ies)|prices?|pricing|fees?|charges|rates|tariffs?|products?|software|apps?|applications?|solution|tools?|programs?|games?|offers?|offerings?|subscriptions?|plans?|limits|limitations|virtual items|virtual currency|username|user ?name|timetables?|schedules?|practices|promotions?|promotional offers|discounts|coupons?|availability|specifications|goods|vouchers?|items|eligibility|payment methods|exceptions|beta|trial|marketplaces|them";

fn object_re() -> &'static crate::text_regex::TextRegex {
    regex!(format!(r"(?-u:\b)(?:{OBJECTS})(?-u:\b)"))
}

/// A permission of the provider followed by a change verb and its object. Returns the normalised
/// positions of the permission, the verb, and the object.
fn active(norm: &str) -> Option<(usize, usize, usize, usize)> {
    let modal = regex!(
        r"(?-u:\b)(?:may|might|can|could|reserves?(?: all| the| its| our)? rights?|retains? the right|ha(?:s|ve) the right|rights? to|(?:is|are|be) entitled to|needs?(?: the)?(?: flexibility)? to|ha(?:s|ve) to|is free to)(?-u:\b)"
    );
    // Verbs that change whatever their object is.
    let verb = regex!(
        r"(?-u:\b)(?:change|modify|amend|update|upgrade|revise|alter|supplement|replace|adjust|substitute|add or remove|add new|impose(?: new)?(?: or additional)? limits|set(?: storage)? limits|create limits|establish|make(?: any| future| further| such)?(?: and [a-z ]{0,30})? (?:changes|modifications|amendments|updates|revisions|improvements)|charge(?: you)?(?: a)? (?:fees?|for))(?-u:\b)"
    );
    // Verbs that withdraw something: a change only when their object is a feature or an offer
    // (withdrawing the account or the whole service is termination).
    let withdraw = regex!(
        r"(?-u:\b)(?:cancel|withdraw|eliminate|discontinue|revoke|remove|stop)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:features?|functionalit(?:y|ies)|discounts|coupons?|offers?|offerings?|beta|trial|virtual items|exceptions|subscriptions?|prices?)(?-u:\b)"
    );
    // Words that end the object's reach: what follows is a reason or a scope, not the object.
    let stop = regex!(
        r"(?-u:\b)(?:that|which|who|if|when|where|because|in order to|to the extent|we believe|it deems|following)(?-u:\b)"
    );
    let not_ours = regex!(
        r"(?-u:\b)(?:use|copy|reproduce|distribute|publish|display|review|monitor|screen|edit|required|asked|requested|prompted|both parties|parties agree)(?-u:\b)"
    );
    for m in modal.find_iter(norm) {
        let after = &norm[m.end()..];
        if regex!(r"^(?: also| further)? (?:not|no longer|never|only)(?-u:\b)").is_match(after) {
            continue;
        }
        let clause_end = super::common::clause_end(norm, m.end());
        let reach = floor_char_boundary(norm, (m.end() + 90).min(clause_end));
        let found = verb
            .find(&norm[m.end()..reach])
            .map(|v| (v.start(), v.end(), false))
            .or_else(|| {
                withdraw
                    .find(&norm[m.end()..reach])
                    .map(|v| (v.start(), v.end(), true))
            });
        let Some((v_rel, v_end_rel, withdrawal)) = found else {
            continue;
        };
        let v_start = m.end() + v_rel;
        if not_ours.is_match(&norm[m.end()..v_start]) {
            continue;
        }
        if withdrawal {
            return Some((m.start(), v_start, v_start, m.end() + v_end_rel));
        }
        let from = m.end() + v_end_rel;
        // "make changes to the Contract": the object may follow a preposition.
        let mut o_reach = floor_char_boundary(norm, (from + 150).min(clause_end));
        if let Some(st) = stop.find(&norm[from..o_reach]) {
            o_reach = from + st.start();
        }
        let verb_text = &norm[v_start..from];
        let window_start = from.min(o_reach);
        if let Some(o) = object_re().find(&norm[window_start..o_reach]) {
            return Some((
                m.start(),
                v_start,
                window_start + o.start(),
                window_start + o.end(),
            ));
        }
        if verb_text.starts_with("charge") {
            return Some((m.start(), v_start, v_start, from));
        }
    }
    None
}

/// "Prices are subject to change", "these Terms may be updated", "functionality may change".
fn passive(norm: &str) -> Option<(usize, usize, usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:(?:may|might|can|could|will|shall)(?: also)?(?: at any time)?(?: be)?|(?:are|is)(?: also)? subject to|(?:may|might|can|could|will|shall) be subject to) (?P<verb>change[ds]?|modified|amended|updated|revised|altered|supplemented|replaced|discontinued|eliminated|withdrawn|adjusted|vary from time to time|vary at any time|vary without)(?-u:\b)|(?-u:\b)(?P<subj>change)s? frequently(?-u:\b)"
    );
    let tail = regex!(
        r"^[^.;]{0,30}(?-u:\b)(?:only by|only with|in writing|signed by|to the minimum|to reflect|to achieve|to the extent necessary|by (?:you|the seller|your issuer))(?-u:\b)"
    );
    for c in re.captures_iter(norm) {
        let m = c.get(0).expect("match");
        let verb = c.name("verb").or_else(|| c.name("subj")).expect("verb");
        if tail.is_match(&norm[verb.end()..]) {
            continue;
        }
        let start = super::common::clause_start(norm, m.start()).max(m.start().saturating_sub(45));
        let start = floor_char_boundary(norm, start);
        let head = &norm[start..m.start()];
        let obj_re = regex!(format!(r"(?-u:\b)(?:{OBJECTS}|they)(?-u:\b)"));
        if let Some(o) = obj_re.find_iter(head).last() {
            return Some((
                start + o.start(),
                verb.start(),
                start + o.start(),
                start + o.end(),
            ));
        }
    }
    None
}

/// "Please review these Terms regularly", "check this page periodically for changes".
fn review_duty(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:review|check|consult|visit|re-read)(?-u:\b)[^.;]*(?-u:\b)(?:regularly|periodically|on a regular basis|from time to time|frequently|for the most recent version|for (?:any )?(?:changes|updates))(?-u:\b)|(?-u:\b)(?:regularly|periodically|frequently) (?:check|review|visit|consult)(?-u:\b)"
    );
    let m = re.find(norm)?;
    regex!(r"(?-u:\b)(?:terms|agreement|conditions|version|changes|updates|page|policy|contract)(?-u:\b)")
        .is_match(norm)
        .then_some((m.start(), m.end()))
}

/// A negator between the power and its verb: "we will not change", "may not be modified".
fn negated_near(norm: &str, from: usize, verb: usize) -> bool {
    let start = floor_char_boundary(norm, from.saturating_sub(20))
        .max(super::common::clause_start(norm, from));
    regex!(r"(?-u:\b)(?:not|never|no longer|neither|nor)(?-u:\b)")
        .is_match(&norm[start..verb.max(start)])
}

fn object_word(norm: &str, start: usize, end: usize) -> &str {
    &norm[start..end]
}

impl Rule for UnilateralChange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let concepts = Concept::Change.bit() | Concept::Discretion.bit() | Concept::Delete.bit();
        for s in sentences_with_any(cx, concepts) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

/// Every change, withdrawal or review wording that [`active`], [`passive`] and [`review_duty`]
/// look for contains one of these; a sentence without any skips their searches.
static CHANGE_WORDS: AnyWord = AnyWord::new(&[
    "change",
    "charge",
    "modif",
    "amend",
    "update",
    "upgrade",
    "revis",
    "alter",
    "supplement",
    "replace",
    "adjust",
    "substitute",
    "add or remove",
    "add new",
    "limits",
    "establish",
    "improvement",
    "cancel",
    "withdraw",
    "eliminate",
    "discontinu",
    "revoke",
    "remove",
    "stop",
    "vary",
    "review",
    "check",
    "consult",
    "visit",
    "re-read",
]);

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if !CHANGE_WORDS.is_in(norm) {
        return None;
    }
    if let Some((modal, verb, o_start, o_end)) = active(norm) {
        let party = subject_before(norm, modal);
        if party != Party::Consumer && !negated_near(norm, modal, verb) {
            let object = classify(object_word(norm, o_start, o_end));
            return Some(report(cx, s, verb, o_end, object));
        }
    }
    if let Some((subj, verb, o_start, o_end)) = passive(norm) {
        if !super::common::in_condition(norm, verb) && !negated_near(norm, subj, verb) {
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
    let quote = quote_from(cx, s, start, end, 8);
    let quoted_to = extend_words(&s.norm, end, 8);
    let discretion = discretion_in(s, 0, s.norm.len())
        .filter(|&(a, b)| a >= quoted_to || b <= start)
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
        assert_flags(
            ID,
            "Garmin may modify these Terms of Use at any time by updating this posting.",
        );
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
        assert_flags(
            ID,
            "Price and availability of Virtual Items are subject to change without notice.",
        );
        // Yelp.
        assert_flags(ID, "The Site may be modified, updated, interrupted, suspended or discontinued at any time without notice or liability.");
        // Endomondo.
        assert_flags(ID, "We may change, suspend, or discontinue any or all of the Services at any time, including the availability of any product, feature, database, or Content.");
        // Skype.
        assert_flags(ID, "Please review the Terms on a regular basis.");
    }

    #[test]
    fn consumer_changes_are_not_flagged() {
        assert_clean(
            ID,
            "You may update your profile information at any time in your account settings.",
        );
        assert_clean(
            ID,
            "You may not modify, translate or create derivative works of the Software.",
        );
        // Tumblr: a promise, not a power.
        assert_clean(ID, "Modifications will not apply retroactively.");
    }

    #[test]
    fn conditions_and_promises_are_not_flagged() {
        assert_clean(
            ID,
            "If these Terms are changed, the version in force at the time of your order applies.",
        );
        assert_clean(
            ID,
            "We will not change these Terms without your express agreement.",
        );
    }
}
