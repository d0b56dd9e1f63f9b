//! `ai-training/model-ownership`
//!
//! ## What it flags
//! The vendor owns models, improvements, derivatives or learnings built from customer data; or the
//! document grants AI training on customer data and says nothing about what happens to the models
//! trained on it (ownership, deletion or retraining after termination) — a document-level finding.
//!
//! ## Why it matters
//! Deleting the data does not delete what a model learnt from it. Unless the contract deals with
//! the trained model, the customer's data lives on in the vendor's asset after the relationship ends.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::ai_training::content_grant::training_grants;
use crate::rules::{document_finding, sentence_finding, snippet};

pub struct ModelOwnership;

static META: RuleMeta = RuleMeta {
    id: "ai-training/model-ownership",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The vendor owns models or improvements built from customer data, or nothing says what happens to them.",
        why: "Deleting your data does not delete what a model learnt from it; unless the contract deals with \
              the trained model, your data lives on in the vendor's asset after termination.",
        example: "Vendor shall own all right, title and interest in any models, improvements and derivatives \
                  developed using Customer Data.",
        suggested: "Any model trained or fine-tuned on Customer Data is used solely for Customer, and on \
                    termination Vendor will delete it or retrain it without Customer Data.",
        references: &["REVIEW-GUIDE: Ownership of models trained with customer data"],
    },
};

fn vendor_owns_models() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:owns?|shall own|will own|retains?|is the (?:sole |exclusive )?owner of|(?:are|is|remain|remains) the (?:sole |exclusive )?property of)(?-u:\b)[^.;]*(?-u:\b)(?:models?|improvements?|derivatives?|derivative works|learnings?|insights|algorithms?|enhancements?)(?-u:\b)"
    )
}

fn addresses_models() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)models?(?-u:\b)[^.;]*(?-u:\b)(?:delet(?-u:\w)*|destroy(?-u:\w)*|retrain(?-u:\w)*|remov(?-u:\w)*|purg(?-u:\w)*|unlearn(?-u:\w)*|exclusive benefit|solely for (?:you|customer))(?-u:\b)|(?-u:\b)(?:delet(?-u:\w)*|remov(?-u:\w)*|destroy(?-u:\w)*|purg(?-u:\w)*|exclud(?-u:\w)*)(?-u:\b)[^.;]*(?-u:\b)(?:from|in) (?:the |our |any |future )?(?:models?|training)(?-u:\b)|(?-u:\b)(?:delet(?-u:\w)*|destroy(?-u:\w)*|retrain(?-u:\w)*)(?-u:\b)[^.;]{0,30}(?-u:\b)models?(?-u:\b)|(?-u:\b)for your exclusive benefit(?-u:\b)"
    )
}

impl Rule for ModelOwnership {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.sentences_with(Concept::Ownership.bit()) {
            if s.in_heading
                || !(s.has(Concept::Content)
                    || s.has(Concept::Data)
                    || s.has(Concept::Personal)
                    || s.has(Concept::UsageData))
            {
                continue;
            }
            let Some(m) = vendor_owns_models().find(&s.norm) else {
                continue;
            };
            let head = s.norm[..m.start()].trim_end();
            if head.ends_with("you") || head.ends_with("customer") || negated(s, m.start()) {
                continue;
            }
            // Models or improvements "developed using / derived from / based on" the data.
            let tail = &s.norm[m.start()..];
            if !(tail.contains("using")
                || tail.contains("derived")
                || tail.contains("based on")
                || tail.contains("from")
                || tail.contains("trained"))
            {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "The vendor claims what it builds from your data (“{}”). Ask that models trained on your data \
                     serve only you and are deleted or retrained without it on termination.",
                    snippet(cx, s, m.start(), m.end())
                ),
            ));
        }
        let grant = training_grants(cx).next();
        if let Some(grant) = grant {
            if !cx
                .sentences
                .iter()
                .any(|s| addresses_models().is_match(&s.norm))
            {
                out.push(document_finding(
                    cx,
                    &META,
                    Some(grant.span),
                    "This document allows AI training on your data but never says what happens to the models \
                     trained on it — who owns them, or whether they are deleted or retrained when the contract \
                     ends."
                        .to_string(),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};

    const ID: &str = "ai-training/model-ownership";

    #[test]
    fn flags_vendor_owned_models() {
        assert_flags(ID, "Vendor shall own all right, title and interest in any models and improvements developed using Customer Data.");
    }

    #[test]
    fn flags_silence_about_trained_models() {
        let f = findings(ID, "We may use your prompts to train our AI models.");
        assert!(f.iter().any(|f| f.document_level), "{f:?}");
    }

    #[test]
    fn clean_when_models_are_dealt_with() {
        assert_clean(ID, "We may use your prompts to train our AI models. On termination we will delete any model fine-tuned on your prompts.");
        assert_clean(ID, "You own all models you train with your data.");
        assert_clean(ID, "We never train models on your content.");
    }
}
