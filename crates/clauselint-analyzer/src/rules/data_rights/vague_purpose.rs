//! `data-rights/vague-purpose`
//!
//! ## What it flags
//! Customer data or content usable for open-ended purposes: "improving our services", "any
//! purpose", "business purposes", "developing new products", "as we see fit", "in any manner".
//!
//! ## Why it matters
//! A purpose limits what the vendor may do with your data. "To improve our services" or "business
//! purposes" limits nothing: it covers analytics, product development, model training and more.
//! Use "to provide the Services to Customer" as the purpose, and list anything else expressly.

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, vendor_permission, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::data_rights::{narrowed, open_purpose};
use crate::rules::{sentence_finding, snippet};

pub struct VaguePurpose;

static META: RuleMeta = RuleMeta {
    id: "data-rights/vague-purpose",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Customer data may be used for open-ended purposes such as \"improving our services\" or \"any purpose\".",
        why: "An open purpose removes the limit a purpose clause exists to set: \"improving our services\" or \
              \"business purposes\" can cover analytics, new products and AI training alike.",
        example: "We may use your content to improve our services and to develop new products.",
        suggested: "Vendor will process Customer Content solely to provide the Services to Customer in \
                    accordance with Customer's documented instructions.",
        references: &["REVIEW-GUIDE: Data rights — \"to provide the Services\" is narrow; \"to improve, develop, market\" is not"],
    },
};

/// A cheap test that `open_purpose` can match at all: one of its concepts or literal words.
fn may_state_open_purpose(s: &crate::context::SentenceFacts) -> bool {
    const WORDS: &[&str] = &[
        "business",
        "optimi",
        "as we ",
        "as it ",
        "as they ",
        "in any ",
        "promotion",
        "freely",
        "restriction",
        "discretion",
    ];
    s.has(Concept::Improve)
        || s.has(Concept::Purpose)
        || s.has(Concept::Discretion)
        || WORDS.iter().any(|w| s.norm.contains(w))
}

impl Rule for VaguePurpose {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.focused() {
            if s.in_heading || cx.in_prohibited_list(s) {
                continue;
            }
            // Whose data: the sentence's own object, or the lead-in of a list of purposes.
            let data_here = s.has(Concept::Content)
                || s.has(Concept::Personal)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData);
            let data_in_lead = cx.lead_in(s).is_some_and(|l| {
                l.has(Concept::Content) || l.has(Concept::Personal) || l.has(Concept::Data)
            });
            let uses = s.has(Concept::Use)
                || s.has(Concept::License)
                || s.has(Concept::Share)
                || data_in_lead;
            if !(data_here || data_in_lead) || !uses || !may_state_open_purpose(s) {
                continue;
            }
            // Usage data alone ("System Data … for its business purposes") and aggregated or
            // de-identified data are judged by `usage-data-any-purpose` and
            // `aggregated-data-carveout`.
            let usage_only =
                s.has(Concept::UsageData) && !s.has(Concept::Content) && !s.has(Concept::Personal);
            if usage_only {
                continue;
            }
            let Some((p_start, p_end)) = open_purpose(s) else {
                continue;
            };
            // The data is aggregated ("de-identified data", "aggregate data"), as opposed to the
            // vendor's act of aggregating it ("we may aggregate or learn from data … to improve").
            let aggregated_data = s.hits_of(Concept::Aggregated).any(|h| {
                h.start < p_start
                    && (s.norm[..h.end].ends_with("ed")
                        || s.norm[h.end..].starts_with(" data")
                        || s.norm[h.end..].starts_with(" information"))
            });
            if aggregated_data {
                continue;
            }
            let by_customer = !data_in_lead
                && actor_before(s, p_start) == Actor::Customer
                && !vendor_permission(s, p_start);
            if negated(s, p_start) || narrowed(s) || by_customer || s.norm.contains("by using") {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Open-ended purpose for your data: “{}”. It sets no real limit on what the vendor may do \
                     with the data; ask for use solely to provide the Services, with any other use listed.",
                    snippet(cx, s, p_start, p_end)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/vague-purpose";

    #[test]
    fn usage_and_aggregated_data_belong_to_their_own_rules() {
        // Grammarly Commercial Terms § 6.3: System Data is usage data.
        assert_clean(ID, "Superhuman will collect, use, analyze, and process System Data internally for its business purposes, including providing, maintaining, developing, and improving the Services.");
        // Limitless Privacy Policy, a list item under "We may use your information:".
        assert_clean(ID, "We may generate de-identified, anonymized or aggregate data that we may use for any legal purpose.");
        // Hugging Face Terms of Service: aggregating is the vendor's act, the purpose is open.
        assert_flags(ID, "In addition and subject to our Privacy Policy, we may aggregate, anonymize, or otherwise learn from data relating to your use of the Services to improve our products and services.");
        // Starlink Privacy Policy.
        assert_clean(ID, "When information collected from or about you does not identify you as a specific person (e.g., when it has been de-identified), we may use that information for any purpose, including improving our services.");
    }

    #[test]
    fn flags_open_purposes() {
        // WeTransfer Terms of Service.
        assert_flags(ID, "You hereby grant us a royalty-free license to use your Content for the purposes of operating, developing, and improving the Service.");
        assert_flags(
            ID,
            "Superhuman may use that feedback without restriction or obligation to Customer.",
        );
        assert_flags(
            ID,
            "We may use the information we collect for any lawful purpose.",
        );
        // A list of purposes introduced by its lead-in (Limitless Privacy Policy).
        assert_flags(ID, "We use the information we collect:\n\n* To provide, maintain, improve, test and enhance our Services and to develop new products and services;\n");
    }

    #[test]
    fn narrow_or_negated_purposes_are_clean() {
        assert_clean(
            ID,
            "We will use Customer Content solely to provide the Services to you.",
        );
        assert_clean(
            ID,
            "We will not use your data for any purpose other than providing the Services.",
        );
        assert_clean(ID, "We are always working to improve our services.");
    }
}
