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

use crate::text_regex::regex;

use clauselint_parser::line_index::floor_char_boundary;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, Actor};
use crate::lexicon::Concept;
use crate::pattern::{AnyWord, DualRegex};
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::ai_training::content_grant::ai_purpose;
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
/// "OpenAI", "artificial intelligence services". A [`DualRegex`]: `[^.;]*`, `\S+` and `\w*` in
/// Unicode form made the lazy DFA determinise new states on nearly every sentence it searched.
///
/// The alternative that starts with a disclosure verb ([`DISCLOSED_TO_AI_SERVICES`]) is searched
/// on its own, only in sentences that name AI services, tools or systems: at word starts, its
/// `[^.;]*` after every "provide" or "share" read to the end of the sentence. No other
/// alternative can start where it starts (their first words differ from its verbs within the
/// verbs' own letters), so the leftmost of the two searches' matches is the leftmost match of
/// the pattern written in one piece, with the same end.
fn provider_match(norm: &str) -> Option<(usize, usize)> {
    static NAMED: DualRegex = DualRegex::new();
    static DISCLOSED: DualRegex = DualRegex::new();
    static AI_SERVICES: AnyWord = AnyWord::new(&[
        "ai services",
        "ai tools",
        "ai systems",
        "artificial intelligence services",
        "artificial intelligence tools",
        "artificial intelligence systems",
        "llm services",
        "llm tools",
        "llm systems",
    ]);
    let named = NAMED
        .with_pattern(|| format!("(?x){PROVIDERS_BEFORE}|{PROVIDERS_AFTER}"))
        .find(norm);
    let disclosed = if AI_SERVICES.is_in(norm) {
        DISCLOSED
            .with_pattern(|| format!("(?x){DISCLOSED_TO_AI_SERVICES}"))
            .find(norm)
    } else {
        None
    };
    match (named, disclosed) {
        (Some(n), Some(d)) => Some(if d.0 < n.0 { d } else { n }),
        (n, d) => n.or(d),
    }
}

/// The pattern's alternatives before [`DISCLOSED_TO_AI_SERVICES`] (verbose syntax).
const PROVIDERS_BEFORE: &str = r"
            (?-u:\b)(?:openai|anthropic|chatgpt|gpt-[0-9](?-u:\w)*|claude|gemini|mistral|cohere|azure\ openai|azure\ ai|vertex\ ai|bedrock|deepseek|perplexity|llama)(?-u:\b)
          | (?-u:\b)third[-\ ]part(?:y|ies)(?-u:\b)(?:\s+\S+){0,2}?\s+(?:ai|a\.i\.|llm|llms|models?|artificial\ intelligence|machine\ learning|generative)(?-u:\b)
          | (?-u:\b)(?:ai|llm|model|artificial\ intelligence|machine\ learning)\ (?:service\ |model\ )?(?:providers?|vendors?|partners?|sub-?processors?)(?-u:\b)
          ";

/// Content disclosed to AI services, tools or systems (verbose syntax).
const DISCLOSED_TO_AI_SERVICES: &str = r"
            (?-u:\b)(?:disclose|send|share|transmit|provide|enter)(?-u:\w)*(?-u:\b)[^.;]*(?-u:\b)(?:to|into|with)(?-u:\b)[^.;]{0,20}(?-u:\b)(?:ai|artificial\ intelligence|llm)\ (?:services|tools|systems)(?-u:\b)
          ";

/// The pattern's alternatives after [`DISCLOSED_TO_AI_SERVICES`] (verbose syntax).
const PROVIDERS_AFTER: &str = r"
            (?-u:\b)third[-\ ]party\ or\ open[-\ ]source\ models?(?-u:\b)
          | (?-u:\b)third[-\ ]part(?:y|ies)(?:\s+\S+){1,16}?\s+train\ their\ (?:own\ )?(?:\S+\ ){0,2}?(?:models?|ai|algorithms)(?-u:\b)
          | (?-u:\b)(?:ai|llm)\ features?\ (?:use|uses|utili[sz]e|rely\ on|are\ powered\ by)\ third[-\ ]party(?-u:\b)
          | (?-u:\b)(?:ai|llm|generative\ ai)\ (?:features?|tools?|functionality)\ (?:may\ |will\ |can\ )?(?:share|send|disclose|transmit)(?-u:\w)*(?-u:\b)[^.;]{0,40}?\ (?:with|to)\ 
          | (?-u:\b)(?:ai|llm)[-\ ](?:powered|based|driven)\ (?:[a-z]+\ ){0,2}?(?:from|by)\ (?:a|an|our|the)\ (?:trusted\ |third[-\ ]party\ |external\ |outside\ )?(?:provider|vendor|partner|supplier)s?(?-u:\b)
          ";

fn acts_on_data(s: &SentenceFacts) -> bool {
    s.has(Concept::Share)
        || s.has(Concept::Use)
        || s.has(Concept::Train)
        || s.norm.contains("entered into")
        || s.norm.contains("utiliz")
        || provider_terms_apply(&s.norm)
}

/// Bytes around the provider's mention within which keeping data or running the service counts
/// as said of that provider, not of something else the sentence lists.
const NEAR_PROVIDER: usize = 80;

/// The provider keeps the data, or the service runs on it: "AI providers may retain your inputs
/// for 30 days", "Spark leverages AI models … provided by third-party AI providers". Only close to
/// the provider's mention: a list of product names may hold a "Store" and a "Powered by" too.
fn keeps_data_or_powers_service(s: &SentenceFacts, start: usize, end: usize) -> bool {
    let from = start.saturating_sub(NEAR_PROVIDER);
    let to = (end + NEAR_PROVIDER).min(s.norm.len());
    if s.has_in(Concept::Retain, from, to) {
        return true;
    }
    let before = &s.norm[floor_char_boundary(&s.norm, from)..start];
    ["leverag", "powered by", "provided by"]
        .iter()
        .any(|w| before.contains(w))
}

/// "you will be subject to the terms of that model": the provider's own terms govern what is sent
/// to it. The terms of the customer's administrator or of the vendor's other products do not say
/// that anything reaches a third-party model.
fn provider_terms_apply(norm: &str) -> bool {
    regex!(r"(?-u:\b)subject to (?:the )?(?:own )?(?:terms|policies)(?: and (?:conditions|policies))? of (?:that|the|such|this|those|each|any) (?:third[- ]party )?(?:model|provider|ai|llm|service provider|vendor)s?(?-u:\b)|(?-u:\b)subject to (?:their|its) (?:own )?(?:terms|policies)(?-u:\b)")
    .is_match(norm)
}

/// "we share your information with third-party collaborators … for training artificial
/// intelligence models": a disclosure to third parties whose purpose is AI training.
fn shared_for_training(s: &SentenceFacts) -> Option<(usize, usize)> {
    if !s.has(Concept::ThirdParty) {
        return None;
    }
    let (p_start, p_end) = ai_purpose(s)?;
    let share = s.hits_of(Concept::Share).find(|h| {
        h.end <= p_start && !negated(s, h.start) && actor_before(s, h.start) != Actor::Customer
    })?;
    let third_party_between = s
        .hits_of(Concept::ThirdParty)
        .any(|t| t.start > share.start && t.end <= p_start);
    (third_party_between && !negated(s, p_start)).then_some((share.start, p_end))
}

/// "we have disabled model training in the respective account settings": what the sentence says
/// about the provider is that the vendor switched its training off.
fn vendor_switched_off_training(s: &SentenceFacts) -> bool {
    s.has(Concept::Train)
        && !s.has(Concept::Share)
        && [
            "we have disabled",
            "we disabled",
            "we have turned off",
            "we turned off",
            "we have opted out",
            "we opted out",
        ]
        .iter()
        .any(|p| s.norm.contains(p))
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
                || crate::pattern::fewer_words_than(&s.norm, 4)
            {
                continue;
            }
            // The cheap conditions first: they decide as often as the provider search does.
            // Everything `keeps_data_or_powers_service` can accept must pass this cheap test.
            let acts = acts_on_data(s);
            if !(acts
                || s.has(Concept::Retain)
                || s.norm.contains(" by ")
                || s.norm.contains("leverag"))
                || vendor_switched_off_training(s)
            {
                continue;
            }
            let Some((m_start, m_end)) = provider_match(&s.norm).or_else(|| shared_for_training(s))
            else {
                continue;
            };
            if !acts && !keeps_data_or_powers_service(s, m_start, m_end) {
                continue;
            }
            // "We do not send your content to third-party AI providers": the sending is negated. A
            // restriction on the provider's training ("we restrict our AI providers from training")
            // still discloses that the provider receives the data.
            let shares: Vec<usize> = s.hits_of(Concept::Share).map(|h| h.start).collect();
            if !shares.is_empty() && shares.iter().all(|&v| negated(s, v)) {
                continue;
            }
            // "The AI provider will not have access to your other emails": whatever the provider
            // could do with the data is denied.
            let actions: Vec<usize> = s
                .hits
                .iter()
                .filter(|h| h.is(Concept::Share) || h.is(Concept::Use) || h.is(Concept::Retain))
                .map(|h| h.start)
                .collect();
            if !actions.is_empty()
                && actions.iter().all(|&v| v > m_start && negated(s, v))
                && !s.has(Concept::Train)
            {
                continue;
            }
            if shares.is_empty() && negated(s, m_start) && !s.has(Concept::Train) {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Your data goes to a third-party AI provider (“{}”). Its own terms govern what happens \
                     to it there; require a listed sub-processor bound not to retain or train on it.",
                    snippet(cx, s, m_start, m_end)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_clean, assert_flags};

    /// The pattern as it was written, in one piece.
    fn provider_regex_in_one_piece() -> crate::text_regex::TextRegex {
        crate::text_regex::TextRegex::new(&format!(
            "(?x){PROVIDERS_BEFORE}|{DISCLOSED_TO_AI_SERVICES}|{PROVIDERS_AFTER}"
        ))
        .unwrap()
    }

    #[test]
    fn provider_match_is_the_leftmost_match_of_the_pattern_in_one_piece() {
        let plain = provider_regex_in_one_piece();
        for text in [
            "we send audio recordings to our third-party ai providers who assist us",
            "you may provide prompts to chatgpt; we share your data with openai",
            "we will share, send and provide content with our ai tools and third party models",
            "content you enter into the ai systems — and any llm services — is shared with anthropic",
            "to provide the services we transmit data to partners. machine learning vendors",
            "the ai features may share outputs with the partners and ai services",
            "provide data to ai services; deepseek and perplexity; disclosed to a.i. tools",
            "entertainment content is shared with “ai systems” in the eea § 4",
            "",
        ] {
            let expected = plain.find(text).map(|m| (m.start(), m.end()));
            assert_eq!(provider_match(text), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn provider_match_is_the_leftmost_match_on_any_text(
            words in proptest::collection::vec(
                "(share|shares|provide|enter|entered|send|disclose|transmit|to|into|with|ai|llm|artificial|intelligence|services|tools|systems|third-party|third|party|models|openai|deepseek|perplexity|providers|features|may|train|their|é|§|’|—|;|\\.|,)",
                0..24,
            ),
            separators in proptest::collection::vec(crate::testing::SEPARATOR, 24),
        ) {
            let text = crate::testing::interleave(&words, &separators);
            let expected = provider_regex_in_one_piece()
                .find(&text)
                .map(|m| (m.start(), m.end()));
            proptest::prop_assert_eq!(provider_match(&text), expected, "{:?}", text);
        }
    }

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
        // Miro Privacy Policy: the AI features themselves pass data to a named provider.
        assert_flags(ID, "For example, the AI features may share limited data with Microsoft in connection with the use of the AI features.");
        // Tricky: the vendor's AI features sharing nothing with anyone.
        assert_clean(ID, "The AI features do not share your data with anyone.");
        // A title, not a provision.
        assert_clean(ID, "AI Providers Used");
    }

    #[test]
    fn third_parties_without_a_hyphen_and_their_own_terms() {
        // Google Antigravity Terms of Service § 8: "third party" spelt without a hyphen.
        assert_flags(ID, "If you select a third party or open source model as your main agent model, you will be subject to the terms of that model.");
        assert_flags(
            ID,
            "We send your prompts to third party AI providers to generate answers.",
        );
        // Tricky (Google Antigravity § 1): the terms of the customer's own administrator are not a
        // provider's terms, even beside a product name.
        assert_clean(ID, "If you are accessing the Service through Gemini Enterprise, then you are subject to the terms of use accepted or signed by your administrator applicable to such service.");
    }

    #[test]
    fn data_shared_with_third_parties_for_training() {
        // Starlink Privacy Policy § 4.
        assert_flags(ID, "We may share your personal information with our affiliates, service providers, and third-party collaborators for the purposes we outline above and, unless you opt out, for training artificial intelligence models, including for their own independent purposes.");
        // Dailymotion Privacy Policy.
        assert_flags(ID, "In addition, we may, from time to time, disclose some of Your Data to selected Data Partners for their use to train general purpose Artificial Intelligence.");
        // Protective: the disclosure is negated.
        assert_clean(ID, "We do not share your personal information with third parties for training artificial intelligence models.");
        // A restriction on the customer, not a disclosure by the vendor.
        assert_clean(ID, "You shall not share any data obtained through the API with a third party to train machine learning models.");
    }

    #[test]
    fn a_provider_whose_training_the_vendor_switched_off_is_a_protection() {
        // Gumb Privacy Policy.
        assert_clean(ID, "For both ChatGPT (OpenAI) and Claude (Anthropic), we have disabled model training in the respective account settings.");
    }

    #[test]
    fn providers_that_keep_data_or_power_the_features() {
        // Spark Privacy Policy (the retention by the provider shows it received the inputs).
        assert_flags(ID, "AI providers may only retain your inputs for up to thirty (30) days as part of their abuse and misuse monitoring.");
        assert_flags(ID, "For AI features, Spark leverages AI models that operate locally on your device and/or provided by third-party AI providers such as Azure OpenAI Service by Microsoft Corporation and Claude by Anthropic.");
        assert_flags(ID, "To enhance your experience, we may offer the option of using AI‑powered assistance from a trusted provider — you can always continue without it.");
        assert_flags(
            ID,
            "We may retain AI providers to define the category of your feedback more efficiently.",
        );
        // "leverages" alone, with no "by" after it.
        assert_flags(
            ID,
            "Our assistant leverages third-party AI models from OpenAI.",
        );
        // Protective: the provider is denied access, or the assistance is the vendor's own.
        assert_clean(
            ID,
            "The AI provider will not have access to your other emails.",
        );
        assert_clean(
            ID,
            "Our AI-powered assistant is built by our own team and runs on our servers.",
        );
        // Tricky: a list of product names with a "Store" and a "Powered by" far from the model.
        assert_clean(ID, "Marks: Amazon Appstore, Amazon Athena, Amazon Aurora, Amazon Braket, Amazon Chime, Amazon CloudFront, Amazon CloudSearch, Amazon CloudWatch, Amazon Bedrock, Amazon Comprehend, Amazon Connect, Amazon Corretto, Amazon DataZone, Amazon Detective, Powered by AWS.");
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
