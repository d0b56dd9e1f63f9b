//! `data-rights/ownership-not-stated` (document level)
//!
//! ## What it flags
//! A document that takes rights in the customer's content (a licence over it, or a right to train
//! on it), or that defines the customer's data ("Customer Data" means …, as a processing agreement
//! does), without saying anywhere that the customer keeps ownership of its content or data. A
//! condition ("if you own the copyright") or a statement about devices is not an ownership
//! statement; "your ownership in Posts is not affected" is.
//!
//! ## Why it matters
//! Silence on ownership leaves the licence as the only statement of who holds what; a sound
//! contract says plainly that the customer owns its content (and the outputs made from it).

use crate::text_regex::regex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::pattern::{AnyPhrase, DualRegex};
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::ai_training::content_grant::training_grants;
use crate::rules::data_rights::broad_license::granted_by_customer;
use crate::rules::document_finding;

pub struct OwnershipNotStated;

static META: RuleMeta = RuleMeta {
    id: "data-rights/ownership-not-stated",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The document takes rights in customer content but never says the customer keeps ownership of it.",
        why: "Without an ownership statement the licence is the only word on who holds what, and \
              ambiguity is resolved by whoever drafted it.",
        example: "You grant us a worldwide license to use, host and reproduce your content.",
        suggested: "As between the parties, Customer retains all right, title and interest in and to \
                    Customer Content and all outputs generated from it.",
        references: &["REVIEW-GUIDE: Data rights — ownership; silence is a finding"],
    },
};

/// "you retain ownership", "Customer owns", "we do not claim ownership", "remains your property".
/// Searched at word starts (every alternative starts at one): unanchored, its `(?:\s+\S+){0,6}?`
/// stretches kept the lazy DFA determinising.
pub(crate) fn ownership_statement() -> &'static DualRegex {
    static RE: DualRegex = DualRegex::new();
    RE.with_pattern(|| OWNERSHIP_STATEMENT)
}

const OWNERSHIP_STATEMENT: &str = r"(?x)
            (?-u:\b)(?:you|customer|users?|licensee|subscriber|client|member|creator|artist|seller)s?(?-u:\b),?(?:\s+\S+){0,6}?\s+(?:own|owns|retain|retains|keep|keeps|maintain|maintains|hold|holds|continue\ to\ own|will\ own|shall\ own|remain\ the\ owner)(?-u:\b)(?:\s+\S+){0,6}?\s+(?:ownership|rights?|title|owner|intellectual\ property)(?-u:\b)
          | (?-u:\b)(?:you|customer)\s+(?:own|owns|shall\ own|will\ own|retain\ ownership|retains\ ownership)(?-u:\b)
          | (?-u:\b)we\s+(?:do\ not|don't|will\ not|shall\ not)\s+(?:claim|take|acquire|obtain|assert)\s+(?:any\s+)?(?:ownership|title|rights?\ of\ ownership)
          | (?-u:\b)(?:does\ not|do\ not|will\ not)\s+(?:claim|acquire|obtain|take)\s+(?:any\s+)?ownership
          | (?-u:\b)(?:remains?|is|are|will\ remain|shall\ remain)\s+(?:(?:your|the\ customer's|customer's|the\ user's)\s+(?:sole\s+|exclusive\s+)?property|the\ (?:sole\ |exclusive\ )?property\ of\ (?:you|the\ customer|customer|the\ user))(?-u:\b)
          | (?-u:\b)belongs?\ to\ you(?-u:\b)
          | (?-u:\b)is\ yours(?-u:\b)|(?-u:\b)are\ yours(?-u:\b)
          | (?-u:\b)ownership\ of\ (?:your|customer)(?-u:\b)(?:\s+\S+){0,4}?\s+(?:remains|stays|is\ retained)
          | (?-u:\b)(?:your|customer's|the\ customer's)\ ownership\ (?:of|in)(?:\s+\S+){1,4}?\s+(?:is|will\ be|shall\ be)\ not\ (?:affected|changed|transferred|diminished)(?-u:\b)
          | (?-u:\b)(?:not|never)\ (?:affect|affects|change|changes|transfer|transfers|diminish|diminishes)\ (?:your|customer's|the\ customer's)\ ownership(?-u:\b)
          ";

/// "you, or your licensors, retain ownership", "Customer owns all Customer Data"; not a condition or
/// a description of what the customer must hold ("if you own the copyright", "content which you
/// own", "content you created or own").
fn states_ownership(s: &crate::context::SentenceFacts) -> bool {
    let norm = s.norm.as_str();
    // "devices we infer belong to you", "it is yours to keep": "belongs to you" and "is yours" say
    // who owns the customer's content only in a sentence about content, data or rights in them.
    let about_content = || {
        s.has(Concept::Content)
            || s.has(Concept::Data)
            || s.has(Concept::Personal)
            || s.has(Concept::Output)
            || norm.contains("intellectual property")
            || norm.contains("copyright")
    };
    const NOT_A_STATEMENT: &[&str] = &[
        "if ", "whether ", "unless ", "where ", "which ", "not ", "must ",
    ];
    ownership_statement().find_iter(norm).any(|(start, end)| {
        let head = norm[..start].trim_end_matches([' ', ',']);
        let head = format!("{head} ");
        let conditional = NOT_A_STATEMENT.iter().any(|w| head.ends_with(w));
        let text = &norm[start..end];
        if (text.starts_with("belong") || text.ends_with("yours")) && !about_content() {
            return false;
        }
        // "your ownership in Posts is not affected" negates a change, not the ownership.
        let unaffected = [
            "not affect",
            "not change",
            "not transfer",
            "not diminish",
            "never ",
        ]
        .iter()
        .any(|w| text.contains(w));
        let denied = ((text.contains(" not ") || text.contains("n't ")) && !unaffected)
            || text.contains(" created or ");
        !(conditional || denied)
            || text.starts_with("we ")
            || text.contains("does not claim")
            || text.contains("do not claim")
    })
}

/// The document defines the customer's data ("Customer Data means all data, including all text,
/// sound, video, or image files … provided to SCALINGO by Customer"): it concerns the customer's
/// content even where it takes no licence in it, as a processing agreement does.
fn content_definition(cx: &Context) -> Option<clauselint_parser::Span> {
    const CUSTOMER_DATA_TERMS: &[&str] = &[
        "customer data",
        "customer content",
        "customer materials",
        "client data",
        "client content",
        "client materials",
        "user content",
        "user data",
        "your content",
        "your data",
    ];
    cx.doc.definitions.iter().find_map(|def| {
        let term = def.term.to_lowercase();
        CUSTOMER_DATA_TERMS
            .contains(&term.as_str())
            .then(|| def.sentence.map(|si| cx.sentences[si].span))
            .flatten()
    })
}

/// A privacy notice ("this Privacy Policy explains …") that handles the customer's own content
/// ("files you upload", "your documents", "messages you send"): it concerns content, not only the
/// account and usage data every notice lists, so its silence on ownership counts. A notice whose
/// service encrypts content end to end, so that the vendor cannot read it, is left alone.
fn privacy_notice_handling_content(cx: &Context) -> Option<clauselint_parser::Span> {
    let content = regex!(
        r"(?-u:\b)(?:content|contents|files|documents|messages|notes|recordings|uploads|photos|videos|emails|posts) (?:that |which )?you (?:upload|submit|create|store|post|send|share|provide|enter|input|import|transmit|save|make)(?-u:\b)|(?-u:\b)(?:your|customer|user|customers'|users') (?:content|files|documents|messages|notes|recordings|uploads|emails)(?-u:\b)"
    );
    static THIS_NOTICE: AnyPhrase = AnyPhrase::new(&[
        "this privacy policy",
        "this privacy notice",
        "this privacy statement",
    ]);
    let notice = cx
        .sentences
        .iter()
        .filter(|s| THIS_NOTICE.is_in(&s.norm))
        .take(2)
        .count()
        == 2;
    if !notice {
        return None;
    }
    if encrypts_content_end_to_end(cx) {
        return None;
    }
    // "We will not view the files that you upload", "customize your content preferences", "your
    // emails to us": a refusal, a setting or a support message is no handling of the content.
    cx.sentences
        .iter()
        .find(|s| {
            !s.in_heading
                && content.find_iter(&s.norm).any(|m| {
                    let after = &s.norm[m.end()..];
                    !negated(s, m.start())
                        && ![" preferences", " settings", " to us"]
                            .iter()
                            .any(|w| after.starts_with(w))
                })
        })
        .map(|s| s.span)
}

/// The service encrypts the customer's content end to end. Encryption said only of calls ("Voice
/// and video communications on Discord are designed to be end-to-end encrypted") leaves the stored
/// messages and files readable, so it does not count unless another sentence extends it to content.
fn encrypts_content_end_to_end(cx: &Context) -> bool {
    static END_TO_END: AnyPhrase = AnyPhrase::new(&[
        "end-to-end encrypt",
        "end to end encrypt",
        "zero-access",
        "zero access encrypt",
    ]);
    let e2e: Vec<&crate::context::SentenceFacts> = cx
        .sentences
        .iter()
        .filter(|s| END_TO_END.is_in(&s.norm))
        .collect();
    let content = regex!(
        r"(?-u:\b)(?:content|contents|messages?|files?|data|emails?|notes?|documents?|vaults?|attachments?|mailbox(?:es)?|drive|photos?|images?|recordings?|uploads?)(?-u:\b)"
    );
    let calls = regex!(r"(?-u:\b)(?:calls?|voice|video|audio|meetings?)(?-u:\b)");
    let covers_content = e2e.iter().any(|s| content.is_match(&s.norm));
    let calls_only = e2e
        .iter()
        .any(|s| calls.is_match(&s.norm) && !content.is_match(&s.norm));
    !e2e.is_empty() && (covers_content || !calls_only)
}

impl Rule for OwnershipNotStated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        static YOURS_OR_BELONG: AnyPhrase = AnyPhrase::new(&["yours", "belong"]);
        let may_state = |s: &&crate::context::SentenceFacts| {
            s.has(Concept::Ownership) || s.has(Concept::Retain) || YOURS_OR_BELONG.is_in(&s.norm)
        };
        if cx.sentences.iter().filter(may_state).any(states_ownership) {
            return;
        }
        let licence = cx.sentences.iter().find(|s| {
            !s.in_heading
                && s.has(Concept::License)
                && s.has(Concept::Content)
                && granted_by_customer(s)
        });
        let training = || training_grants(cx).next();
        let taken = licence
            .or_else(training)
            .map(|s| s.span)
            .or_else(|| content_definition(cx));
        if let Some(anchor) = taken {
            out.push(document_finding(
                cx,
                &META,
                Some(anchor),
                "The document takes rights in your content here but nowhere says that you keep ownership of \
                 your content or data. Ask for an express ownership clause."
                    .to_string(),
            ));
        } else if let Some(anchor) = privacy_notice_handling_content(cx) {
            out.push(document_finding(
                cx,
                &META,
                Some(anchor),
                "This notice handles your own content here but nowhere says that you keep ownership of \
                 it. Ask for a statement that your content stays yours and is used only to provide the \
                 service."
                    .to_string(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_clean, assert_flags, assert_same_as_regex};

    /// The word-start search finds what the pattern as written finds.
    #[test]
    fn ownership_statement_search_matches_the_pattern_as_written() {
        for text in [
            "you retain all of your ownership rights in your content.",
            "as between the parties, customer owns all customer content; we do not claim ownership",
            "the content remains your sole property and is yours — it belongs to you",
            "ownership of your uploaded files and media remains with you § 2",
            "les créateurs keep the title; members hold all intellectual property",
            "you, or your licensors, as applicable, retain ownership of the copyright",
            "this is a license only – your ownership in posts is not affected",
            "we may use it for any purpose",
            "",
        ] {
            assert_same_as_regex(OWNERSHIP_STATEMENT, ownership_statement(), text);
        }
    }

    const ID: &str = "data-rights/ownership-not-stated";

    #[test]
    fn flags_licence_without_ownership() {
        assert_flags(
            ID,
            "By posting, you grant us a license to use your content. We may change these terms.",
        );
    }

    #[test]
    fn ownership_statement_or_no_rights_taken_is_clean() {
        // Vimeo-style ownership statement.
        assert_clean(ID, "You retain all of your ownership rights in your content. You grant us a license to host your content.");
        assert_clean(ID, "As between the parties, Customer owns all Customer Content. Customer grants Vendor a license to use Customer Content to provide the Services.");
        assert_clean(ID, "We may change these terms at any time.");
    }

    #[test]
    fn ownership_kept_by_the_customer_or_its_licensors() {
        // Quora Terms of Service.
        assert_clean(ID, "You, or your licensors, as applicable, retain ownership of the copyright and other intellectual property in Your Content, subject to the non-exclusive rights granted below. By submitting Your Content, you grant Quora a license to use Your Content.");
        // Substack Terms of Service.
        assert_clean(ID, "You grant us a license to use your Posts. This is a license only – your ownership in Posts is not affected.");
    }

    #[test]
    fn a_condition_or_a_device_is_not_an_ownership_statement() {
        // sourcehut Terms of Service: "if you own the copyright" describes what the licence needs.
        assert_flags(ID, "You grant SourceHut sufficient rights for the operation of the services in relation to your content, such as the right to display the content on the website. If you own the copyright for the content you upload, these rights are granted automatically when you upload the content.");
        // Twitter Data Processor Agreement: devices, not content. Google Cloud Platform Terms of
        // Service: a processing agreement that defines Customer Data and takes no licence.
        assert_flags(ID, "We process devices we infer belong to you.\n\n“Customer Data” means information, data and other content, in any form or medium, that is collected, downloaded or otherwise received, directly or indirectly from Customer or an Authorized User by or through the Services.");
        assert_clean(ID, "“Customer Data” means information, data and other content, in any form or medium, that is received from Customer. As between the parties, Customer owns all Customer Data.");
    }

    #[test]
    fn a_privacy_notice_handling_the_customers_content() {
        // Foursquare Privacy Policy: pictures and messages the customer provides.
        assert_flags(ID, "This Privacy Policy explains how we handle your information. We may also collect other data you provide when you use the Consumer Services, including pictures you upload and messages you send through the Apps. Questions about this Privacy Policy can be sent to us.");
        // Gumb Privacy Policy: account and contact data only.
        assert_clean(ID, "This Privacy Policy explains how we handle your information. If you contact us by email, we process the personal data you provide to handle your request. Questions about this Privacy Policy can be sent to us.");
        // Content the service encrypts end to end (Proton Mail), or a refusal to look at it.
        assert_clean(ID, "This Privacy Policy explains how we handle your information. Messages you send are protected by end-to-end encryption. Questions about this Privacy Policy can be sent to us.");
        assert_clean(ID, "This Privacy Policy explains how we handle your information. We will not view the files that you upload. Questions about this Privacy Policy can be sent to us.");
        // Discord Privacy Policy: end-to-end encryption of calls only leaves stored messages
        // readable, so silence on their ownership still counts.
        assert_flags(ID, "This Privacy Policy explains how we handle your information. We collect and store the messages you send. Voice and video communications on Discord are designed to be end-to-end encrypted. Learn more about Discord’s end-to-end encryption. Questions about this Privacy Policy can be sent to us.");
        // Proctorio Privacy Policy: recordings of the exam are the content, end to end encrypted.
        assert_clean(ID, "This Privacy Policy explains how we handle your information. We store the recordings you make. Test-taker audio, video, and screen recordings and images received from Institutions are end-to-end encrypted. Questions about this Privacy Policy can be sent to us.");
        // Tricky: calls and messages both end to end.
        assert_clean(ID, "This Privacy Policy explains how we handle your information. We collect and store the messages you send. Voice and video calls are end-to-end encrypted, and so are your messages. Questions about this Privacy Policy can be sent to us.");
        // A notice that says the content stays the customer's.
        assert_clean(ID, "This Privacy Policy explains how we handle your information. We store the files you upload, and you retain ownership of your content. Questions about this Privacy Policy can be sent to us.");
    }
}
