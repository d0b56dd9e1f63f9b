//! `terms/content-removal` (CLAUDETTE `cr`)
//!
//! ## What it flags
//! A power of the provider to remove, delete, edit, block or refuse the consumer's content — posts,
//! reviews, submissions, messages, files, virtual items, usernames: "we may remove any Content at
//! any time for any reason", "Content which may be removed without warning", "we reserve the right
//! to edit or remove any material which in our reasonable opinion breaches this Agreement".
//!
//! ## Why it matters
//! The consumer's content may be their work, their records or their purchases. Removal at any time,
//! for any or no reason, without notice is clearly unfair (CLAUDETTE level 3, error): there is no
//! way to keep a copy, understand the decision or contest it. Removal tied to stated reasons — a
//! breach of the terms, an infringement notice — is potentially unfair (level 2, warning).
//!
//! ## Not flagged
//! The consumer deleting their own content ("you can delete your posts"), promises to delete data
//! on request or at the end of the contract, and statements that the provider does not review
//! content.

use super::common::{
    discretion_in, finding_at, quote_from, regex, sentences_with_any, subject_before, Party,
};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::AnyWord;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use clauselint_parser::line_index::floor_char_boundary;

pub struct ContentRemoval;

static META: RuleMeta = RuleMeta {
    id: "terms/content-removal",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The provider may remove, delete or edit the consumer's content on its own.",
        why: "The consumer can lose their work, records or purchases with no copy and no explanation. \
              Removal at any time, for any reason or without notice is clearly unfair; removal for stated \
              reasons still leaves the provider as the only judge.",
        example: "We may remove or edit your Content at any time, for any reason, without notice to you.",
        suggested: "We will take down your content only where it breaches the content rules in section 5 or the \
                    law. We will tell you which content and which rule, keep a copy you can download for 30 days, \
                    and restore it if you show that the decision was wrong; you can contest the decision through \
                    our complaint procedure.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — content removal (cr)",
            "Regulation (EU) 2022/2065 (Digital Services Act), Articles 17 and 20",
            "Lippi et al. (2019), CLAUDETTE, category cr",
        ],
    },
};

/// What the consumer puts on the service.
const CONTENT: &str = r"(?:your |user |user-generated |subscriber |member |any |such |the |all )*(?:content|submissions?|materials?|posts?|postings?|reviews?|answers?|questions?|comments?|messages?|photos?|videos?|listings?|spam|virtual items|username|user ?names|communications|data associated with your account|information (?:you|that you|posted)|it|them)";

fn content_re() -> &'static crate::text_regex::TextRegex {
    regex!(format!(r"(?-u:\b){CONTENT}(?-u:\b)"))
}

/// The power: permission followed by a removal verb and a content object. Returns the positions of
/// the permission, the verb and the end of the object.
fn active(norm: &str) -> Option<(usize, usize, usize)> {
    let modal = regex!(
        r"(?-u:\b)(?:may|can|reserves?(?: all| the| its| our)? rights?|retains? the right|ha(?:s|ve) the (?:sole (?:and absolute )?)?right|rights? to|(?:is|are|be) entitled to|is free to|at (?:its|our) (?:sole )?(?:discretion|option)|take (?:any |certain |appropriate |a number of |such )?(?:\(or no\) )?(?:of the following |other )?actions?)(?-u:\b)"
    );
    let verb = regex!(
        r"(?-u:\b)(?:remov(?:e|es|ing)|delet(?:e|es|ing)|edit(?:s|ing)?|block|disable(?: access to)?|refuse to (?:post|publish|distribute|display)|screen|take down|reclaim|make unavailable|prevent delivery of|moderate|filter|reject)(?-u:\b)"
    );
    for m in modal.find_iter(norm) {
        let after = &norm[m.end()..];
        if regex!(r"^(?: also| further)? (?:not|no longer|never)(?-u:\b)").is_match(after) {
            continue;
        }
        let takes_action = m.as_str().contains("action");
        let clause_end = if takes_action {
            norm.len()
        } else {
            super::common::clause_end(norm, m.end())
        };
        let reach = floor_char_boundary(
            norm,
            (m.end() + if takes_action { 600 } else { 120 }).min(clause_end),
        );
        for v in verb.find_iter(&norm[m.end()..reach]) {
            let v_start = m.end() + v.start();
            let gap =
                &norm[floor_char_boundary(norm, v_start.saturating_sub(40)).max(m.end())..v_start];
            if regex!(r"(?-u:\b)(?:you|users?|allow|permit|enable|able to)(?-u:\b)\s*(?:to\s*)?$")
                .is_match(gap)
                || regex!(r"^\s*be (?:required|obligated)(?-u:\b)")
                    .is_match(&norm[m.end()..v_start])
                || (!takes_action
                    && regex!(
                        r"(?-u:\b)(?:use|copy|reproduce|host|distribute|publish|licen[cs]e)(?-u:\b)"
                    )
                    .is_match(&norm[m.end()..v_start]))
            {
                continue;
            }
            let from = m.end() + v.end();
            let o_reach = floor_char_boundary(norm, (from + 70).min(clause_end.max(from)));
            let window = &norm[from..o_reach];
            if let Some(o) = content_re().find(window) {
                let obj = o.as_str();
                // "it"/"them" only as the direct object; personal data deletion is a privacy duty.
                if (obj.ends_with(" it") || obj == "it" || obj.ends_with("them")) && o.start() > 2 {
                    continue;
                }
                // "block the account of any user who provides a review" ends the account, not the review.
                if regex!(r"personal (?:data|information)|^\s*(?:the |your |any |an? |user )?(?:accounts?|access)(?-u:\b)").is_match(&window[..o.start()]) {
                    continue;
                }
                return Some((m.start(), v_start, from + o.end()));
            }
        }
    }
    None
}

/// "Content … which may be removed without warning", "it may be edited or deleted by … Quora",
/// "your content … might become unavailable", "including … removing your content".
fn passive(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:may|might|can|could)(?: also)?(?: at any time)? (?:be (?:[a-z]+(?:,| or| and|, or|, and) ){0,3}?(?:removed|deleted|edited|blocked|disabled|taken down|modified|screened|rejected)|become unavailable)(?-u:\b)"
    );
    for m in re.find_iter(norm) {
        if super::common::in_condition(norm, m.start()) {
            continue;
        }
        let start = floor_char_boundary(
            norm,
            super::common::clause_start(norm, m.start()).max(m.start().saturating_sub(120)),
        );
        let head = &norm[start..m.start()];
        if regex!(r"(?-u:\b)(?:content|submissions?|materials?|posts?|reviews?|answers?|questions?|comments?|messages?|photos?|listings?|it|which|they)(?-u:\b)").is_match(head)
            && !regex!(r"(?-u:\b)(?:by you|you can|you may)(?-u:\b)").is_match(&norm[m.start()..floor_char_boundary(norm, (m.end() + 30).min(norm.len()))])
        {
            return Some((m.start(), m.end()));
        }
    }
    let noun = regex!(
        r"(?-u:\b)(?:including|such as|for example|e\.g\.)(?-u:\b)[^.;]*?(?-u:\b)(?:removing|deleting|editing|blocking|removal of|deletion of) (?:your |the |any |user |user-generated |such )*(?:content|information|submissions?|material|posts?)(?-u:\b)"
    );
    noun.find(norm).map(|m| (m.start(), m.end()))
}

impl Rule for ContentRemoval {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let concepts = Concept::Delete.bit() | Concept::Change.bit() | Concept::Terminate.bit();
        for s in sentences_with_any(cx, concepts) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

/// Every removal wording that [`active`] and [`passive`] look for contains one of these; a
/// sentence without any skips their searches.
static REMOVAL_WORDS: AnyWord = AnyWord::new(&[
    "remov",
    "delet",
    "edit",
    "block",
    "disabl",
    "refuse to",
    "screen",
    "take down",
    "taken down",
    "reclaim",
    "unavailable",
    "prevent delivery",
    "moderate",
    "filter",
    "reject",
    "modified",
]);

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if !REMOVAL_WORDS.is_in(norm) {
        return None;
    }
    let (start, end) = match active(norm) {
        Some((modal, verb, end)) => {
            let party = subject_before(norm, modal);
            if matches!(party, Party::Consumer | Party::Other) {
                return None;
            }
            (verb, end)
        }
        None => passive(norm)?,
    };
    let quote = quote_from(cx, s, start, end, 5);
    let (severity, why) = match discretion_in(s, 0, norm.len()) {
        Some((a, b)) => (
            Severity::Error,
            format!(
                "Nothing ties the removal to a stated reason or to notice (“{}”), so the consumer can lose \
                 their content without warning, a copy or a way to contest it. Ask for removal only for \
                 breach of stated content rules or the law, with notice, reasons, a copy and an appeal",
                quote_from(cx, s, a, b, 0)
            ),
        ),
        None => (
            Severity::Warning,
            "The provider alone decides whether its reasons are met. Ask for notice giving the reason, a \
             copy of the content, and a way to contest the decision"
                .to_string(),
        ),
    };
    Some(finding_at(
        cx,
        &META,
        s,
        severity,
        format!("Content removal: “{quote}”. {why}."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::Severity;

    const ID: &str = "terms/content-removal";

    #[test]
    fn flags_removal_at_will_as_error() {
        // Endomondo (Under Armour).
        let text =
            "We can edit or remove your Content from our Services at any time for any reason.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Error);
        // Uber.
        assert_flags(ID, "Uber may, but shall not be obligated to, review, monitor, or remove User Content, at Uber’s sole discretion and at any time and for any reason, without notice to you.");
        // Endomondo: passive, "without warning".
        assert_flags(ID, "Accordingly, please do not contribute the following types of Content, which may be removed without warning.");
    }

    #[test]
    fn flags_removal_for_stated_reasons_as_warning() {
        // Facebook Terms of Service.
        let text = "We can remove or block content that is in breach of these provisions.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
        // Yelp.
        assert_flags(
            ID,
            "For example, we may remove a review if we believe it violates our Content Guidelines.",
        );
    }

    #[test]
    fn licences_and_account_blocks_are_not_removal() {
        // Tricky (LinkedIn): a licence to modify content is not a power to take it down.
        assert_clean(ID, "A worldwide, transferable and sublicensable right to use, copy, modify, distribute, publish and process, information and content that you provide through our Services.");
        // Tricky: blocking the account of a reviewer is termination, not removal.
        assert_clean(ID, "We may block the account of any User who provides a review that does not comply with these Terms.");
    }

    #[test]
    fn consumer_deletion_and_privacy_duties_are_not_flagged() {
        assert_clean(
            ID,
            "You can delete your posts at any time from your profile page.",
        );
        assert_clean(
            ID,
            "We will delete your personal data within 30 days after you close your account.",
        );
        assert_clean(ID, "We do not review or remove content posted by users.");
    }
}
