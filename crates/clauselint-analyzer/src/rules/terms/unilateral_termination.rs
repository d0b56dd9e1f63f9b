//! `terms/unilateral-termination` (CLAUDETTE `ter`)
//!
//! ## What it flags
//! A power of the provider to suspend, close, block or terminate the consumer's account, access,
//! licence or the contract itself, or to stop providing the service: "we may terminate your account
//! at any time for any reason", "Tinder may terminate your account … if it believes that you have
//! violated this Agreement", "your account may be suspended without notice".
//!
//! ## Why it matters
//! Losing an account can mean losing paid-for services, purchases, data and a reputation built on
//! the platform. A power to terminate at any time, for any or no reason, without notice or in the
//! provider's sole discretion is clearly unfair (CLAUDETTE level 3, error); a power tied to stated
//! reasons — breach, fraud, legal requirement — is potentially unfair (level 2, warning) because
//! the provider still judges the breach on its own.
//!
//! ## Not flagged
//! The consumer's own right to leave ("you may close your account at any time"), and what happens
//! after termination ("upon termination, sections 5 and 9 survive").

use super::common::{
    discretion_in, finding_at, quote_from, regex, sentences_with_any, subject_before, Party,
};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::AnyWord;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::protection_note;
use clauselint_parser::line_index::floor_char_boundary;

pub struct UnilateralTermination;

static META: RuleMeta = RuleMeta {
    id: "terms/unilateral-termination",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The provider may suspend or terminate the account, the access or the contract on its own.",
        why: "The consumer can lose paid-for services, content and purchases. Termination at any time, for \
              any or no reason or without notice is clearly unfair; with stated reasons it is still one-sided \
              because the provider alone judges them.",
        example: "We may suspend or terminate your account at any time, for any reason or no reason, without notice.",
        suggested: "You may end this contract at any time. We will close or suspend your account only after \
                    written notice describing a serious or repeated breach that you have not remedied within 14 days, \
                    or where the law requires it; in every case we will tell you why, let you export your content, \
                    and refund any prepaid fees for the unused period.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — unilateral termination (ter)",
            "Council Directive 93/13/EEC, Annex 1(f), 1(g)",
            "Lippi et al. (2019), CLAUDETTE, category ter",
        ],
    },
};

/// What ends: the account, the access, the contract, the service, the consumer.
const OBJECTS: &str = r"accounts?|access|agreement|contract|terms(?: of (?:use|service))?|tos|relationship|licen[cs]es?|subscriptions?|registration|membership|user profiles?|rights? to (?:use|access)|your use|use of (?:the|our|any)|services?|site|website|platform|software|solution|offerings?|you|users?|members?|subscribers?|infringers";

/// Limiting verbs end something only when what they limit is the account or the access.
const LIMIT_OBJECTS: &str =
    r"accounts?|access|your use|use of (?:the|our|any)|services|subscriptions";

/// A termination power found in a sentence.
struct Power {
    modal: usize,
    verb: usize,
    end: usize,
    party: Party,
}

/// Permissions (or announced acts) followed by a terminating verb and its object, in order.
fn active(norm: &str) -> Vec<Power> {
    let modal = regex!(
        r"(?-u:\b)(?:may|can|will|shall|'ll|reserves?(?: all| the| its| our)? rights?|retains? the right|ha(?:s|ve) the right|rights? to|(?:is|are|be|shall be) entitled to|needs?(?: the)?(?: flexibility)? to|is free to|policy)(?-u:\b)"
    );
    let verb = regex!(
        r"(?-u:\b)(?:terminat(?:e|es|ing)|suspend(?:s|ing)?|deactivat(?:e|es|ing)|disabl(?:e|es|ing)|clos(?:e|es|ing)|cancel(?:s|ling|ing)?|ban(?:s|ning)?|block(?:s|ing)?|end (?:this|the|your|any)|discontinu(?:e|es|ing)|cease(?: providing| offering| operating| to provide)?|stop(?: providing| offering| supporting)|refuse(?: to provide| service| access| any| to serve)?|deny(?: access)?|lock out|revoke)(?-u:\b)"
    );
    // Verbs that carry their own object.
    let whole = regex!(
        r"(?-u:\b)(?:delete (?:your|the|any|user) (?:(?-u:\w)+ )?accounts?|remove you|ban you|exclude (?:you|them|users) (?:permanently )?from)(?-u:\b)"
    );
    let limit = regex!(r"(?-u:\b)(?:restrict|impose limits on|withdraw)(?-u:\b)");
    let object = regex!(format!(r"(?-u:\b)(?:{OBJECTS})(?-u:\b)"));
    let limit_object = regex!(format!(r"(?-u:\b)(?:{LIMIT_OBJECTS})(?-u:\b)"));
    let content = regex!(
        r"(?-u:\b)(?:content|submissions?|material|posts?|information|data|refunds?|promotions?|their|his|her)(?-u:\b)"
    );
    let stop = regex!(
        r"(?-u:\b)(?:that|which|who|if|when|because|in order to|unless|until|as part of|in accordance with|pursuant to)(?-u:\b)"
    );
    let mut out = Vec::new();
    for m in modal.find_iter(norm) {
        let after = &norm[m.end()..];
        if regex!(r"^(?: also| further)? (?:not|no longer|never|only be)(?-u:\b)").is_match(after) {
            continue;
        }
        let clause_end = super::common::clause_end(norm, m.end());
        // "we may take any of the following actions: (i) suspend …": the list belongs to the power.
        // The regex needs both words; most modals are followed by neither.
        let takes_action = after.contains("take ")
            && after.contains("action")
            && regex!(r"^[^.;]{0,40}?(?-u:\b)take (?:any |certain |appropriate |a number of |such )?(?:\(or no\) )?(?:of the following |other )?actions?(?-u:\b)").is_match(after);
        let end = if takes_action { norm.len() } else { clause_end };
        let reach = floor_char_boundary(
            norm,
            (m.end() + if takes_action { 600 } else { 120 }).min(end),
        );
        let window = &norm[m.end()..reach];
        let mut hits: Vec<(crate::text_regex::Found, u8)> =
            verb.find_iter(window).map(|v| (v, 0)).collect();
        hits.extend(limit.find_iter(window).map(|v| (v, 1)));
        hits.extend(whole.find_iter(window).map(|v| (v, 2)));
        hits.sort_by_key(|(v, _)| v.start());
        for (v, kind) in hits {
            let v_start = m.end() + v.start();
            let gap =
                &norm[floor_char_boundary(norm, v_start.saturating_sub(40)).max(m.end())..v_start];
            // "you may be required to close", "until you elect to cancel", "allow you to cancel".
            if regex!(r"(?-u:\b)(?:required|asked|requested|allow|permit|enable|able to|you|users?|attempt to|try to)(?-u:\b)").is_match(gap) {
                break;
            }
            let from = m.end() + v.end();
            if kind == 2 {
                out.push(Power {
                    modal: m.start(),
                    verb: v_start,
                    end: from,
                    party: subject_before(norm, m.start()),
                });
                break;
            }
            let mut o_reach = floor_char_boundary(norm, (from + 60).min(end));
            if let Some(st) = stop.find(&norm[from..o_reach]) {
                o_reach = from + st.start();
            }
            let found = if kind == 1 {
                limit_object.find(&norm[from..o_reach])
            } else {
                object.find(&norm[from..o_reach])
            };
            if let Some(o) = found {
                let extra = if o.as_str() == "access" { 40 } else { 12 };
                let look = floor_char_boundary(norm, (from + o.end() + extra).min(norm.len()));
                if content.is_match(&norm[from..look]) {
                    continue;
                }
                out.push(Power {
                    modal: m.start(),
                    verb: v_start,
                    end: from + o.end(),
                    party: subject_before(norm, m.start()),
                });
                break;
            }
        }
    }
    out
}

/// "Your account may be suspended", "access … may be suspended, restricted or terminated",
/// "your rights … will automatically terminate", "including termination of your account", "grounds
/// for a permanent ban".
fn passive(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:may|might|can|could|will|shall)(?: also)?(?: immediately| automatically)?(?: be)?(?: immediately| automatically)? (?:[a-z]+(?:,| or| and|, or|, and) ){0,4}?(?:terminated|suspended|deactivated|disabled|closed|cancel(?:l)?ed|banned|blocked|restricted|locked|expire|discontinued|revoked)(?-u:\b)|(?-u:\b)(?:will|shall) (?:automatically |immediately )?terminate (?:automatically|immediately|without notice)(?-u:\b)|(?-u:\b)(?:will|shall) (?:automatically|immediately) terminate(?-u:\b)|(?-u:\b)terminates? automatically(?-u:\b)|(?-u:\b)automatically (?:terminates?|expires?)(?-u:\b)|(?-u:\b)terminate (?:immediately |automatically )?if you(?-u:\b)"
    );
    let subject = regex!(
        r"(?-u:\b)(?:account|accounts|access|licen[cs]es?|rights?|permission|agreement|contract|services?|site|registration|subscription|membership|order|reservation|purchase)(?-u:\b)"
    );
    for m in re.find_iter(norm) {
        if super::common::in_condition(norm, m.start()) {
            continue;
        }
        let start = super::common::clause_start(norm, m.start()).max(m.start().saturating_sub(120));
        let start = floor_char_boundary(norm, start);
        let head = &norm[start..m.start()];
        if subject.is_match(head)
            && !regex!(r"(?-u:\b)(?:unenforceable|invalid|severab)").is_match(norm)
        {
            return Some((m.start(), m.end()));
        }
    }
    let noun = regex!(
        r"(?-u:\b)(?:including|result in|resulting in|lead to|such as|grounds for)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:(?:the )?(?:termination|suspension|deactivation|closure|closing|cancell?ation|disabling|terminating|suspending|deactivating|disabling|closing|blocking|banning) of(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:accounts?|access|agreement|contract|users?|infringers|registration|membership)(?-u:\b)|(?:terminating|suspending|disabling|deactivating|closing|blocking|banning) (?:your |an |the |any |user )?(?:accounts?|access|users?|right to use))(?-u:\b)|(?-u:\b)(?:grounds for|result in)(?: a| the)?(?: permanent)? (?:ban|termination|suspension)(?-u:\b)|(?-u:\b)result in (?:your )?inability to (?:access|use)(?-u:\b)"
    );
    noun.find(norm).map(|m| (m.start(), m.end()))
}

/// What follows termination rather than the power itself ("upon termination …").
fn not_a_power(norm: &str, pos: usize) -> bool {
    let clause = &norm[super::common::clause_start(norm, pos)..pos];
    if regex!(r"^\s*(?:[0-9][0-9.]* )?(?:upon|after|following|on|in the event of|if)\s+(?:the |any |such )?(?:expiry or )?(?:termination|cancell?ation|closure|expiration|deletion)(?-u:\b)").is_match(clause) {
        return true;
    }
    let head = &norm[floor_char_boundary(norm, pos.saturating_sub(40))..pos];
    regex!(r"(?-u:\b)(?:upon|after|following|on|in the event of|survives?|prior to|before)\s+(?:the\s+|any\s+|such\s+)?(?:expiry or\s+)?(?:termination|cancell?ation|closure|expiration)(?-u:\b)[^,;]*$").is_match(head)
}

/// "you have a statutory right to cancel", "your right to terminate under this clause": the
/// consumer's right, named with a possessive rather than as a subject.
fn consumer_right(norm: &str, modal: usize) -> bool {
    let head = &norm[floor_char_boundary(norm, modal.saturating_sub(30))..modal];
    regex!(r"(?-u:\b)(?:your|you have (?:a|the)|this|such|statutory|legal|their|you lose your|you(?:'ve| have) the)\s+(?:statutory\s+|legal\s+)?$").is_match(head)
}

impl Rule for UnilateralTermination {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let concepts = Concept::Terminate.bit() | Concept::Change.bit() | Concept::Delete.bit();
        for s in sentences_with_any(cx, concepts) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

/// Every verb, limit and removal that [`active`] looks for and every wording [`passive`] accepts
/// contains one of these; a sentence without any (most of those about changes or deletion)
/// skips the searches.
static POWER_WORDS: AnyWord = AnyWord::new(&[
    "terminat",
    "suspen",
    "deactivat",
    "disabl",
    "clos",
    "cancel",
    "ban",
    "block",
    "end ",
    "discontinu",
    "cease",
    "stop",
    "refuse",
    "deny",
    "lock",
    "revoke",
    "restrict",
    "impose limits on",
    "withdraw",
    "delete ",
    "remove you",
    "exclude ",
    "expire",
    "inability to",
]);

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if crate::pattern::fewer_words_than(norm, 5) || !POWER_WORDS.is_in(norm) {
        return None;
    }
    let powers = active(norm);
    let document_subject = regex!(r"(?:terms|agreement|contract|licen[cs]es?|provisions|tos)\s*$");
    let provider = powers.iter().find(|p| {
        matches!(p.party, Party::Provider | Party::Both)
            && !consumer_right(norm, p.modal)
            && !not_a_power(norm, p.verb)
            && !super::common::in_condition(norm, p.modal)
            && !document_subject.is_match(norm[..p.modal].trim_end_matches([' ', ',']))
    });
    let (start, end, party) = match provider {
        Some(p) => (p.verb, p.end, p.party),
        None if !powers.is_empty() => return None,
        None => {
            let (a, b) = passive(norm)?;
            if not_a_power(norm, a) {
                return None;
            }
            (a, b, Party::Provider)
        }
    };
    // The fair shape: termination only after notice of a breach and a chance to remedy it.
    if regex!(r"(?-u:\b)only (?:for|if|where|when|after|on|upon|in)(?-u:\b)").is_match(norm)
        && regex!(r"(?-u:\b)(?:remed(?-u:\w)*|cure[ds]?|curing)(?-u:\b)").is_match(norm)
    {
        return Some(protection_note(
            cx,
            &META,
            s,
            format!(
                "Protective clause: termination is limited to stated breaches after notice and a chance to \
                 remedy (“{}”). Check that the provider must give reasons and refund prepaid fees.",
                quote_from(cx, s, start, end, 5)
            ),
        ));
    }
    let quote = quote_from(cx, s, start, end, 5);
    let discretion = discretion_in(s, 0, norm.len());
    let reason = regex!(r"(?-u:\b)(?:if|where|when|in the event|in case|due to|because|for (?:breach|fraud|non-?payment|violation|inactivity|repeat)|in response to|to comply with|notif(?-u:\w)*|notice|repeat(?:ed)? infring|infringers|inactiv|breach|violat|fraud)").is_match(norm);
    let (severity, why) = match (discretion, party) {
        (Some((a, b)), _) => (
            Severity::Error,
            format!(
                "The power is not tied to a stated reason or to notice (“{}”), so the consumer can lose the \
                 account, its content and anything prepaid without warning or recourse. Ask for termination \
                 only for a serious breach left unremedied after written notice, with reasons given, time to \
                 export content, and a refund for the unused period",
                quote_from(cx, s, a, b, 0)
            ),
        ),
        (None, Party::Both) => (
            Severity::Warning,
            "Both parties may end the contract, but losing the account costs the consumer far more than \
             losing one customer costs the provider. Ask for a reasonable notice period, reasons, and a refund \
             of prepaid fees"
                .to_string(),
        ),
        (None, _) if reason => (
            Severity::Warning,
            "Reasons or notice are stated, but the provider alone decides whether they are met. Ask for \
             written notice describing the breach, a chance to remedy it, a way to contest the decision, and \
             a refund of prepaid fees"
                .to_string(),
        ),
        (None, _) => (
            Severity::Error,
            "No reason and no notice period is stated, so the power is exercisable at will. Ask for \
             termination only for a serious breach left unremedied after written notice, with reasons given \
             and a refund for the unused period"
                .to_string(),
        ),
    };
    Some(finding_at(
        cx,
        &META,
        s,
        severity,
        format!("Unilateral termination: “{quote}”. {why}."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::Severity;

    const ID: &str = "terms/unilateral-termination";

    #[test]
    fn flags_termination_at_will_as_error() {
        // Yelp Terms of Service.
        let text = "We reserve the right to close your account at any time for any or no reason.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Error);
        // Tumblr.
        assert_flags(ID, "Tumblr may terminate or suspend your access to or ability to use any and all Services immediately, without prior notice or liability, for any reason or no reason.");
        // Snap.
        assert_flags(ID, "Snap Group Limited may also terminate these Terms with you at any time, for any reason.");
        // Groupon, passive.
        assert_flags(ID, "Access to the Services and the Site may be suspended, restricted or terminated at any time.");
    }

    #[test]
    fn flags_termination_for_stated_reasons_as_warning() {
        // LinkedIn User Agreement.
        let text = "LinkedIn reserves the right to restrict, suspend, or terminate your account if you breach this Contract or the law or are misusing the Services.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
        // Dropbox.
        assert_flags(ID, "We reserve the right to delete or disable content alleged to be infringing and terminate accounts of repeat infringers.");
        // Kardia (AliveCor): automatic termination.
        assert_flags(ID, "If you violate any provision of these Terms, your permission from us to use the AliveCor Service will terminate automatically.");
    }

    #[test]
    fn mutual_termination_is_flagged_and_fair_termination_is_a_protection() {
        // Tumblr: CLAUDETTE rates "either party … at any time" as clearly unfair too.
        assert_flags(
            ID,
            "Either party may terminate this Agreement at any time by notifying the other party.",
        );
        // Tricky: a termination power limited to unremedied breaches after notice.
        let text = "We will close your account only after written notice describing a serious breach that you have not remedied within 14 days.";
        assert_clean(ID, text);
        assert_eq!(findings(ID, text)[0].kind, crate::FindingKind::Protection);
    }

    #[test]
    fn consumer_exit_and_aftermath_are_not_flagged() {
        assert_clean(
            ID,
            "You may close your account at any time from your settings page.",
        );
        assert_clean(ID, "Upon termination, Sections 5, 9 and 12 will survive.");
        assert_clean(ID, "You can cancel your subscription whenever you like.");
    }
}
