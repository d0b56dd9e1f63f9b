//! `data-rights/third-party-sharing`
//!
//! ## What it flags
//! Sharing, selling or disclosing customer data to third parties, affiliates, partners or
//! advertisers — beyond processors that act only on the vendor's behalf to run the service.
//!
//! ## Why it matters
//! Once data reaches a third party, the contract with the vendor no longer governs it. Sharing with
//! advertisers, "partners" or the vendor's corporate group multiplies the places the data lives.

use std::sync::OnceLock;

use regex::Regex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::{sentence_finding, snippet};

pub struct ThirdPartySharing;

static META: RuleMeta = RuleMeta {
    id: "data-rights/third-party-sharing",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Customer data is shared with, sold or disclosed to third parties, affiliates, partners or advertisers.",
        why: "Data that reaches a third party leaves the protection of your contract with the vendor; \
              sharing with affiliates, partners or advertisers multiplies where it lives and who uses it.",
        example: "We may share your personal information with our affiliates and business partners for marketing purposes.",
        suggested: "Vendor will disclose Customer Data only to sub-processors listed in the DPA that process it \
                    on Vendor's behalf to provide the Services, under written obligations at least as \
                    protective as this Agreement.",
        references: &["REVIEW-GUIDE: Data rights; CLAUDETTE / privacy sharing categories"],
    },
};

/// Recipients that are processors acting for the vendor, not third parties using data for their own
/// ends.
const PROCESSOR_RECIPIENTS: &[&str] = &["service providers", "vendors", "subprocessors", "sub-processors", "sub processors"];

fn on_behalf() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\bon (?:our|its|their) behalf\b|\bon behalf of\b|\bwho (?:help|assist) us\b|\bto (?:help us )?(?:provide|operate|deliver) (?:the|our) services?\b|\bacting as (?:our )?(?:data )?processors?\b|\bsubject to (?:confidentiality|contractual)\b")
            .expect("valid processor regex")
    })
}

fn legal_only() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:required|compelled) (?:to do so )?by (?:law|a court|applicable law)\b|\bsubpoena\b|\bcourt order\b|\blaw enforcement\b")
            .expect("valid legal regex")
    })
}

/// Who receives the data, if a third party does.
fn recipient(s: &SentenceFacts) -> Option<(usize, usize)> {
    let mut recipients = s.hits_of(Concept::ThirdParty).filter(|h| {
        let word = &s.norm[h.start..h.end];
        // "third-party websites", "third-party links": not recipients of data.
        !(word.starts_with("third") && {
            let after = &s.norm[h.end..];
            [" websites", " sites", " links", " content", " cookies", " services may", " applications"].iter().any(|w| after.starts_with(w))
        }) && word != "the public"
    });
    let first = recipients.next()?;
    let only_processors = PROCESSOR_RECIPIENTS.contains(&&s.norm[first.start..first.end])
        && recipients.all(|h| PROCESSOR_RECIPIENTS.contains(&&s.norm[h.start..h.end]));
    if only_processors && on_behalf().is_match(&s.norm) {
        return None;
    }
    if only_processors && !s.norm.contains("their own") {
        return None;
    }
    Some((first.start, first.end))
}

impl Rule for ThirdPartySharing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.sentences_with(Concept::ThirdParty.bit()) {
            if s.in_heading || cx.in_prohibited_list(s) {
                continue;
            }
            let Some(share) = s.hits_of(Concept::Share).find(|h| {
                let w = &s.norm[h.start..h.end];
                // "provide" alone ("third parties provide services") is not a disclosure.
                !matches!(w, "provide" | "provides" | "pass" | "passed" | "exchange")
            }) else {
                continue;
            };
            let data = s.has(Concept::Personal)
                || s.has(Concept::Content)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData)
                || cx.lead_in(s).is_some_and(|l| l.has(Concept::Data) || l.has(Concept::Personal));
            if !data {
                continue;
            }
            let Some((r_start, r_end)) = recipient(s) else {
                continue;
            };
            if negated(s, share.start) || (legal_only().is_match(&s.norm) && !s.norm.contains("advertis")) {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Your data may be disclosed to “{}” (“{}”). Once shared, your contract with the vendor \
                     no longer protects it; ask for disclosure only to listed sub-processors acting for the \
                     vendor.",
                    snippet(cx, s, r_start, r_end),
                    snippet(cx, s, share.start, share.end)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/third-party-sharing";

    #[test]
    fn flags_sharing() {
        // Twitter Privacy Policy.
        assert_flags(ID, "X also shares non-public personal information with advertisers that are not acting as data processors in order to enable those advertisers to measure their own advertising.");
        assert_flags(ID, "We may disclose your information to our affiliates and others within our corporate group.");
    }

    #[test]
    fn processors_and_refusals_are_clean() {
        assert_clean(ID, "We share personal data with service providers who process it on our behalf to provide the Services.");
        assert_clean(ID, "We do not sell your personal information to third parties.");
        assert_clean(ID, "Our Services may contain links to third-party websites.");
    }
}
