//! `ai-training/third-party-models`
//!
//! ## What it flags
//! Customer content sent to, shared with or processed by third-party AI providers or models
//! ("we send transcripts to our third-party AI providers", "Anthropic and OpenAI may process data",
//! "LLM providers").
//!
//! ## Why it matters
//! The customer's contract is with the vendor; the AI provider's own terms decide what happens to
//! the data there — retention, human review, training — unless the vendor binds it by contract.

use std::sync::OnceLock;

use regex::Regex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::ai_training::not_a_provision;
use crate::rules::{sentence_finding, snippet};

pub struct ThirdPartyModels;

static META: RuleMeta = RuleMeta {
    id: "ai-training/third-party-models",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Customer content is sent to or processed by third-party AI providers or models.",
        why: "Your contract binds the vendor, not its AI provider: unless the vendor's contract with that \
              provider forbids it, the provider's own terms decide retention, human review and training.",
        example: "We send audio recordings and transcripts to our third-party AI providers to generate summaries.",
        suggested: "Vendor will not disclose Customer Content to any third-party AI provider other than a \
                    sub-processor listed in the DPA that is contractually prohibited from retaining it beyond \
                    processing and from using it to train or improve any model.",
        references: &["REVIEW-GUIDE: AI training — including third-party models"],
    },
};

/// Named AI providers and phrases for third-party AI: "third-party AI providers", "LLM providers",
/// "OpenAI", "artificial intelligence services".
fn provider_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?-u:\b)(?:openai|anthropic|chatgpt|gpt-\d\w*|claude|gemini|mistral|cohere|azure\ openai|bedrock|deepseek|perplexity)(?-u:\b)
          | (?-u:\b)third[- ]part(?:y|ies)(?-u:\b)(?:\s+\S+){0,2}?\s+(?:ai|a\.i\.|llm|llms|models?|artificial\ intelligence|machine\ learning|generative)(?-u:\b)
          | (?-u:\b)(?:ai|llm|model|artificial\ intelligence|machine\ learning)\ (?:service\ |model\ )?(?:providers?|vendors?|partners?|sub-?processors?)(?-u:\b)
          | (?-u:\b)(?:disclose|send|share|transmit|provide|enter)\w*(?-u:\b)[^.;]*(?-u:\b)(?:to|into|with)(?-u:\b)[^.;]{0,20}(?-u:\b)(?:ai|artificial\ intelligence|llm)\ (?:services|tools|systems)(?-u:\b)
          | (?-u:\b)third[- ]party\ or\ open[- ]source\ models?(?-u:\b)
          | (?-u:\b)third[- ]part(?:y|ies)(?:\s+\S+){1,16}?\s+train\ their\ (?:own\ )?(?:\S+\ ){0,2}?(?:models?|ai|algorithms)(?-u:\b)
          | (?-u:\b)(?:ai|llm)\ features?\ (?:use|uses|utili[sz]e|rely\ on|are\ powered\ by)\ third[- ]party(?-u:\b)
          ",
        )
        .expect("valid provider regex")
    })
}

fn acts_on_data(s: &SentenceFacts) -> bool {
    s.has(Concept::Share)
        || s.has(Concept::Use)
        || s.has(Concept::Train)
        || s.norm.contains("entered into")
        || s.norm.contains("utiliz")
        || s.norm.contains("subject to the terms")
}

impl Rule for ThirdPartyModels {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.focused() {
            // A line of three words or fewer ("AI Providers Used") is a title, whatever its markup.
            if not_a_provision(cx, s)
                || !(s.has(Concept::Ai) || s.has(Concept::ThirdParty))
                || s.norm.split(' ').count() <= 3
            {
                continue;
            }
            let Some(m) = provider_regex().find(&s.norm) else {
                continue;
            };
            if !acts_on_data(s) {
                continue;
            }
            // "We do not send your content to third-party AI providers": the sending is negated. A
            // restriction on the provider's training ("we restrict our AI providers from training")
            // still discloses that the provider receives the data.
            let shares: Vec<usize> = s.hits_of(Concept::Share).map(|h| h.start).collect();
            if !shares.is_empty() && shares.iter().all(|&v| negated(s, v)) {
                continue;
            }
            if shares.is_empty() && negated(s, m.start()) && !s.has(Concept::Train) {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Your data goes to a third-party AI provider (“{}”). Its own terms govern what happens \
                     to it there; require a listed sub-processor bound not to retain or train on it.",
                    snippet(cx, s, m.start(), m.end())
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "ai-training/third-party-models";

    #[test]
    fn flags_third_party_ai() {
        // Limitless Privacy Policy.
        assert_flags(ID, "For example, if you use the Pendant or App, we send audio recordings or transcripts to our third-party AI providers who assist us in providing the Services.");
        // Gumb Privacy Policy.
        assert_flags(
            ID,
            "Anthropic and OpenAI may process data on servers located in the United States.",
        );
        // Grammarly Privacy Policy: a restriction on training still discloses the sharing.
        assert_flags(ID, "For example, we restrict our AI service providers from training their models on user content.");
    }

    #[test]
    fn third_parties_training_their_own_models() {
        // Starlink Privacy Policy § 3, with an em dash.
        assert_flags(ID, "To disclose your information to our affiliates and trusted third-party collaborators who may use such information to improve our tooling — and/or train their artificial intelligence models.");
        // Stack Overflow Terms of Service.
        assert_flags(ID, "AI Features utilize third-party provided services.");
        // A title, not a provision.
        assert_clean(ID, "AI Providers Used");
    }

    #[test]
    fn clean_when_not_shared() {
        assert_clean(
            ID,
            "We do not share your content with third-party AI providers.",
        );
        assert_clean(ID, "Our models run entirely on our own servers.");
    }
}
