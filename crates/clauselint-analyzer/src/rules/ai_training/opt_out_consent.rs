//! `ai-training/opt-out-consent`
//!
//! ## What it flags
//! AI training on customer data that is on by default: the customer must opt out or switch it off
//! in settings, consent is deemed from accepting the terms or continued use, the vendor relies on
//! "legitimate interests" (which only allows objection), or a prohibition carries a consent
//! exception ("will not … without your consent", "unless you opt in / agree").
//!
//! ## Why it matters
//! Defaults decide outcomes: most customers never find the toggle, and consent "given" by clicking
//! through the terms is no real choice. A prohibition with a consent exception moves the fight to
//! whoever can obtain that consent — often through a click-through.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, consent_exception, negated, Actor};
use crate::lexicon::Concept;
use crate::pattern::AnyWord;
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::ai_training::content_grant::ai_purpose;
use crate::rules::ai_training::content_grant::training_grants;
use crate::rules::{sentence_finding, snippet};

pub struct OptOutConsent;

static META: RuleMeta = RuleMeta {
    id: "ai-training/opt-out-consent",
    default_severity: Severity::Error,
    doc: RuleDoc {
        summary: "AI training on customer data is on by default (opt-out), deemed consented, or allowed by a consent loophole.",
        why: "Defaults decide outcomes: few customers find the toggle, and consent deemed from accepting the \
              terms or continued use is no real choice. A ban with a consent exception is only as strong as \
              the way that consent is obtained.",
        example: "We use your conversations to improve our AI models unless you opt out in your account settings.",
        suggested: "Vendor will not use Customer Content to train or improve any AI model. Any such use \
                    requires a separate written agreement signed by Customer, which accepting these terms does \
                    not constitute and which Customer may end at any time.",
        references: &["REVIEW-GUIDE: Opt-out and deemed consent"],
    },
};

/// The mechanics of an opt-out: "opt out", "turn off", "in your settings", "withdraw consent",
/// "object to", "if you don't want … used".
fn opt_out_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)opt(?:s|ed|ing)?[- ]?out(?-u:\b)|(?-u:\b)opt-out(?-u:\b)|(?-u:\b)turn(?:ing)? (?:it |this )?off(?-u:\b)|(?-u:\b)switch(?:ing)? (?:it )?off(?-u:\b)|(?-u:\b)(?:account|user|privacy|your) settings(?-u:\b)|(?-u:\b)settings(?-u:\b)|(?-u:\b)withdraw(?:ing)? (?:your )?consent(?-u:\b)|(?-u:\b)object to(?-u:\b)|(?-u:\b)right to object(?-u:\b)|(?-u:\b)if you (?:do not|don't) want(?-u:\b)|(?-u:\b)(?:change|adjust|update) your (?:(?-u:\w)+ )?(?:preferences?|settings)(?-u:\b)|(?-u:\b)training controls?(?-u:\b)|(?-u:\b)decide whether(?-u:\b)|(?-u:\b)choose whether(?-u:\b)|(?-u:\b)by default(?-u:\b)|(?-u:\b)enabled by default(?-u:\b)|(?-u:\b)unless you(?-u:\b)|(?-u:\b)(?:remov|exclud|withdraw|withhold)(?-u:\w)*(?-u:\b)[^.;]{0,60}?(?-u:\b)from (?:being used|use|training|model training)(?-u:\b)"
    )
}

/// What follows "unless you" makes it an opt-in: "unless you (actively) give your consent",
/// "unless you opt in", "unless you agree".
fn opt_in_condition(after: &str) -> bool {
    regex!(r"^ (?:(?-u:\w)+ )?(?:give|gives|provide|grant)? ?(?:your |us your )?(?:express |explicit |prior |affirmative )?(?:consent|permission|authori[sz]ation)(?-u:\b)|^ (?:(?-u:\w)+ )?(?:opt(?:s|ed)?[- ]?in|agree|consent|authori[sz]e|enable|turn (?:it |this )?on|choose to (?:share|allow|enable|opt in))(?-u:\b)")
    .is_match(after)
}

/// Consent taken from accepting the terms or using the service.
fn deemed_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)by (?:using|accessing|continuing to use|clicking|accepting|agreeing)(?-u:\b)[^.;]*(?-u:\b)you (?:agree|consent|acknowledge|accept)(?-u:\b)|(?-u:\b)(?:deemed|considered) (?:to (?:have )?)?(?:consent|consented|agree|agreed)(?-u:\b)|(?-u:\b)continued use(?-u:\b)[^.;]*(?-u:\b)(?:consent|agree|acceptance)(?-u:\b)"
    )
}

fn legitimate_interest() -> &'static TextRegex {
    regex!(r"(?-u:\b)legitimate interests?(?-u:\b)")
}

/// Opt-outs about something other than AI training.
fn other_subject() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)advertis(?-u:\w)*|(?-u:\b)marketing(?-u:\b)|(?-u:\b)emails?(?-u:\b)|(?-u:\b)cookies?(?-u:\b)|(?-u:\b)newsletters?(?-u:\b)|(?-u:\b)disclosures?(?-u:\b)|(?-u:\b)sales?(?-u:\b)|(?-u:\b)sell(?:ing)?(?-u:\b)|(?-u:\b)payments?(?-u:\b)|(?-u:\b)charges?(?-u:\b)"
    )
}

/// What is deemed consented to is the use of data ("you agree to the collection, use and disclosure
/// of your information"), not merely the terms ("you shall be deemed to have agreed to the entire
/// content of these Terms").
fn consents_to_data_use(s: &SentenceFacts, from: usize) -> bool {
    let object = &s.norm[from..crate::grammar::scope_end(&s.norm, from)];
    let data = [
        Concept::Personal,
        Concept::Data,
        Concept::Content,
        Concept::UsageData,
    ]
    .iter()
    .any(|&c| {
        s.hits_of(c).any(|h| {
            h.start >= from
                && h.start < from + object.len()
                // "the content of these Terms" names the document, not the customer's content.
                && !s.norm[h.end..].starts_with(" of th")
        })
    });
    // Word starts, so "users" is not "use"; storing or transferring data abroad is consent to
    // something other than what the data may be used for.
    let processing =
        regex!(r"(?-u:\b)(?:collect|use(?:s|d)?(?-u:\b)|usage|process|disclos|shar|train|analy)");
    data && processing.is_match(object)
}

/// "we have disabled model training in the account settings": the vendor switched training off.
fn vendor_switched_off(s: &SentenceFacts) -> bool {
    [
        "we have disabled",
        "we disabled",
        "we have turned off",
        "we turned off",
        "has been disabled",
    ]
    .iter()
    .any(|p| s.norm.contains(p))
}

/// A training context: this sentence, the one before it in its clause, or its list's lead-in states
/// an AI-training purpose.
fn training_context(cx: &Context, s: &SentenceFacts) -> bool {
    if ai_purpose(s).is_some() || (s.has(Concept::Train) && s.has(Concept::Ai)) {
        return true;
    }
    let block = cx.doc.sentences[s.index].block;
    let clause = cx.doc.sentences[s.index].clause;
    // The sentences just before, in the same paragraph — or in the same numbered clause when the
    // clause is short enough for "this use" to refer back to its training grant.
    let same_clause_before = (s.index.saturating_sub(4)..s.index)
        .rev()
        .map(|i| &cx.sentences[i])
        .filter(|p| {
            let ps = &cx.doc.sentences[p.index];
            ps.block == block
                || (ps.clause == clause
                    && clause.is_some_and(|c| cx.doc.clauses[c].number.is_some()))
        })
        .any(permits_training);
    // A neighbour's training purpose carries over only to a sentence about the use of data or one
    // that points back at it ("in this way", "such use"); "you can change your notification
    // settings" after a training clause is about something else.
    (same_clause_before && about_data_use(s)) || cx.lead_in(s).is_some_and(permits_training)
}

/// A neighbour's AI purpose carries a training context unless it is something the customer may
/// have prohibited: after "you can tag your work if you would like it to be prohibited from use in
/// datasets for generative AI", an opt-in for that tag protects against others' use, not the
/// vendor's training. (A refusal — "does not include training models" — still sets the topic.)
fn permits_training(p: &SentenceFacts) -> bool {
    ai_purpose(p).is_some_and(|(start, _)| {
        let scope = crate::grammar::scope_start(&p.norm, start);
        !p.hits_of(Concept::Negation).any(|h| {
            h.start >= scope
                && h.end <= start
                && ["prohibit", "forbid", "restrict"]
                    .iter()
                    .any(|w| p.norm[h.start..h.end].starts_with(w))
        })
    })
}

/// "Develop and improve AI (subject to your settings)": a reference to settings that states
/// neither the default nor what the customer must do.
fn defers_to_settings(norm: &str, m: &crate::text_regex::Found) -> bool {
    m.as_str().ends_with("settings")
        && [
            "subject to ",
            "in accordance with ",
            "according to ",
            "depending on ",
        ]
        .iter()
        .any(|w| norm[..m.start()].ends_with(w) || norm[..m.start()].ends_with(&format!("{w}the ")))
}

/// The sentence speaks of the customer's data or content, of training, or refers back to the use
/// just described.
fn about_data_use(s: &SentenceFacts) -> bool {
    let back = regex!(
        r"(?-u:\b)(?:this|that|such|these|the same) (?:use|uses|processing|way|manner|purposes?|feature|features|setting|activity)(?-u:\b)|(?-u:\b)(?:in this way|to this|of this)(?-u:\b)"
    );
    [
        Concept::Content,
        Concept::Personal,
        Concept::Data,
        Concept::UsageData,
        Concept::Share,
        Concept::Train,
        Concept::Ai,
    ]
    .iter()
    .any(|&c| s.has(c))
        || back.is_match(&s.norm)
}

/// "Training on your content is off by default", "we will not use your data for training unless
/// you turn it on": the default is no training, which is opt-in.
fn off_by_default(norm: &str) -> bool {
    regex!(r"(?-u:\b)(?:off|disabled|turned off|switched off|not (?:enabled|active|activated|turned on|switched on|used))(?: (?-u:\w)+){0,2} by default(?-u:\b)|(?-u:\b)by default(?: (?-u:\w)+){0,3} (?:off|disabled|not (?:enabled|used|shared))(?-u:\b)")
    .is_match(norm)
}

impl Rule for OptOutConsent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // Deemed consent matters where the document trains on customer data at all.
        let document_trains = training_grants(cx).next().is_some();
        // A training context needs an AI-training purpose here, before or in the lead-in, and that
        // needs a sentence naming AI: without one no sentence is in a training context.
        let mentions_ai = cx.sentences.iter().any(|s| s.has(Concept::Ai));
        for s in cx.sentences.iter() {
            // One search for these words, not one per word, on the sentences the concepts
            // leave (most of them).
            static CANDIDATE_WORDS: AnyWord = AnyWord::new(&[
                "want",
                "whether",
                "unless you",
                "legitimate",
                "from being used",
                "from use",
                "from training",
                "from model training",
            ]);
            if crate::rules::ai_training::not_a_provision(cx, s) {
                continue;
            }
            // Without these concepts the sentence states no AI purpose (`ai_purpose` needs an AI
            // hit), so only an opt-out in a training context or deemed consent in a document that
            // trains can be reported below: the words are looked for only then.
            let candidate = s.has(Concept::OptOut)
                || s.has(Concept::Ai)
                || s.has(Concept::Consent)
                || ((document_trains || (mentions_ai && training_context(cx, s)))
                    && CANDIDATE_WORDS.is_in(&s.norm));
            if !candidate {
                continue;
            }
            // "You may not use any content to train models unless you have written authorization":
            // a restriction on the customer, not the vendor's training.
            let customer_restricted = ai_purpose(s)
                .is_some_and(|(p, _)| negated(s, p) && actor_before(s, p) == Actor::Customer);
            if customer_restricted {
                continue;
            }
            let reason = if let Some((p_start, p_end)) =
                ai_purpose(s).filter(|(p, _)| negated(s, *p))
            {
                // A prohibition with a consent loophole.
                consent_exception(s, p_end).map(|(a, b)| {
                    format!(
                        "The prohibition on AI training (“{}”) has a consent exception (“{}”): training is \
                         allowed whenever that consent is obtained, possibly by a click-through.",
                        snippet(cx, s, p_start, p_end),
                        snippet(cx, s, a, b)
                    )
                })
            } else {
                None
            };
            let reason = reason.or_else(|| {
                // Asked first: it settles most sentences without the opt-out search.
                if !training_context(cx, s) {
                    return None;
                }
                // "Unless you give your consent, we will tag your work `noai`": consent as the
                // condition of a use is opt-in, not an opt-out.
                let m = opt_out_regex().find_iter(&s.norm).find(|m| {
                    (m.as_str() != "unless you" || !opt_in_condition(&s.norm[m.end()..]))
                        && !defers_to_settings(&s.norm, m)
                })?;
                if crate::pattern::fewer_words_than(&s.norm, 5)
                    || vendor_switched_off(s)
                    || off_by_default(&s.norm)
                {
                    return None;
                }
                // "does not use inputs to train its models by default": a refusal, not an opt-out
                // (a refusal with a consent loophole was judged above).
                if ai_purpose(s).is_some_and(|(p, _)| negated(s, p)) {
                    return None;
                }
                // An opt-out from something else ("opt out of targeted advertising").
                let own_ai = s.has(Concept::Train) || s.has(Concept::Ai);
                if !own_ai && other_subject().is_match(&s.norm) {
                    return None;
                }
                Some(format!(
                    "AI training on your data is on unless you act (“{}”). Make it opt-in: off by default, \
                     switched on only by a separate, revocable choice.",
                    snippet(cx, s, m.start(), m.end())
                ))
            });
            let reason = reason.or_else(|| {
                let (p, _) = ai_purpose(s)?;
                let m = legitimate_interest().find(&s.norm)?;
                (!negated(s, p)).then(|| {
                    format!(
                        "AI training relies on “{}”, which needs no consent: you can only object after the \
                         fact. Ask for opt-in consent instead.",
                        snippet(cx, s, m.start(), m.end())
                    )
                })
            });
            let reason = reason.or_else(|| {
                if !document_trains {
                    return None;
                }
                let m = deemed_regex().find(&s.norm)?;
                consents_to_data_use(s, m.end()).then(|| {
                    format!(
                        "Consent is taken from use or acceptance of the terms (“{}”), and this document trains AI \
                         models on your data: that is not a real opt-in.",
                        snippet(cx, s, m.start(), m.end())
                    )
                })
            });
            if let Some(message) = reason {
                out.push(sentence_finding(cx, &META, s, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "ai-training/opt-out-consent";

    #[test]
    fn flags_loopholes() {
        // Grammarly Commercial Terms §5.4.
        assert_flags(ID, "Superhuman (and its Affiliates) will not use Customer Data to train any generative artificial intelligence models without Customer’s prior written consent.");
        assert_flags(
            ID,
            "We will not use your Inputs or Outputs to train AI models unless you opt in.",
        );
    }

    #[test]
    fn flags_opt_out_defaults() {
        // Grammarly Privacy Policy.
        assert_flags(ID, "You can decide whether Superhuman can use your user content to train our AI models by adjusting the available training control(s) in your account settings.");
        // Google Antigravity Terms: the opt-out sentence follows the training sentence in its clause.
        assert_flags(ID, "We use Interactions to train and improve our machine learning models. If you don’t want your Interactions used in this way, navigate to settings to change your preference.");
    }

    #[test]
    fn flags_deemed_consent_in_a_training_document() {
        assert_flags(ID, "We use your recordings to train our AI models.\n\nBy using any of the Services, you agree to the collection, use and disclosure of your information as described in this Privacy Policy.");
    }

    #[test]
    fn deemed_consent_to_the_terms_alone_is_not_consent_to_training() {
        // pixiv Terms of Use, in a document that trains models.
        assert_clean(ID, "We use your works to train our AI models.\n\nBy using the Individual Service, User shall be deemed to have agreed to the entire content of these Individual Terms of Use.");
        assert_clean(ID, "We use your recordings to train our AI models.\n\nBy using Alexa, you agree to the terms of this Agreement on behalf of yourself and all other persons who use Alexa under your account.");
    }

    #[test]
    fn refusals_and_customer_restrictions_are_clean() {
        // Dune, quoting Anthropic: a refusal that happens to say "by default".
        assert_clean(ID, "Anthropic also states that it does not use commercial/API inputs or outputs to train its models by default.");
        // Dailymotion Terms of Use: a restriction on the user, with an exception.
        assert_clean(ID, "More specifically, unless you have obtained express prior written authorization from Dailymotion, You may not access, extract, scrape, or use any Platform Content to train, develop, or improve any artificial intelligence model.");
    }

    #[test]
    fn opt_in_defaults_are_not_opt_outs() {
        // DeviantArt Terms of Service: the protective tag applies unless the user consents.
        assert_clean(ID, "We use machine learning to recommend art.\n\nUnless you actively give your consent, for Artificial Intelligence Purposes, DeviantArt will include a robots meta tag with the \"noai\" directive in the page of that Content.");
        assert_clean(ID, "We may use your content to train our AI models. Training on your content is off by default and starts only when you enable it.");
        // The opt-out form stays a finding.
        assert_flags(ID, "We use your conversations to train our AI models unless you turn this off in your settings.");
    }

    #[test]
    fn deemed_consent_must_reach_the_use_of_data() {
        // Sketchfab Terms of Service, in a document that trains models: consent to a transfer abroad,
        // and to terms that bind "all users", is not consent to the use of the data.
        assert_clean(ID, "We use your uploads to train our AI models.\n\nBy using the Services, you agree to the transfer of your data to locations that may be outside your country of residence.");
        assert_clean(ID, "We use your uploads to train our AI models.\n\nBy using our Service, you agree to be bound by Section I of these Terms, which contains provisions applicable to all users of our Service.");
    }

    #[test]
    fn a_neighbouring_training_clause_needs_a_link() {
        // The settings sentence speaks of something else.
        assert_clean(ID, "We use your recordings to train our AI models. You can change your notification preferences in your account settings.");
        // Starlink Privacy Policy: "sharing preferences" after a sharing-for-training sentence.
        assert_flags(ID, "We may share your personal information with collaborators for training artificial intelligence models. You may adjust your sharing preferences by navigating to your account's user settings.");
    }

    #[test]
    fn an_opt_in_protection_after_a_prohibition_is_not_an_opt_out() {
        // ArtStation Terms of Service: the "NoAI" tag protects against others' use.
        assert_clean(ID, "You are able to tag your projects containing Your Content with “NoAI” if you would like Your Content to be prohibited from use in datasets utilized by Generative AI Programs. This tag will not be applied to your projects or Your Content by default; you must actively designate your projects for the “NoAI” tag to apply.");
        // After a training grant, the same default is an opt-out.
        assert_flags(ID, "We use your projects to train our generative AI models. The “NoAI” tag will not be applied to Your Content by default; you must actively designate your projects for it to apply.");
    }

    #[test]
    fn settings_named_as_a_reference_are_not_an_opt_out() {
        // Grammarly Privacy Policy, a table row of purposes.
        assert_clean(ID, "• Improve our products and build new ones; • Develop and improve AI (subject to your settings); • Secure our products and troubleshoot problems;");
        assert_flags(
            ID,
            "We use your documents to train our AI models; you can turn this off in your settings.",
        );
    }

    #[test]
    fn removing_data_from_use_is_an_opt_out() {
        // X (Twitter) Data Processor Agreement, after its model-training clause.
        assert_flags(ID, "X uses public posts to train its generative artificial intelligence models. To safeguard the rights of those who use our services, users can easily “protect” their posts, or delete their posts at any time, thereby removing their posts and related metadata from being used.");
    }

    #[test]
    fn a_direction_from_the_customer_is_a_consent_exception() {
        // Evernote Privacy Policy.
        assert_flags(ID, "We will not use your Input or Output from an AI Feature to train our artificial intelligence models or tools unless you direct us to do so.");
        assert_clean(ID, "We will not use your Input or Output to train our artificial intelligence models — even if you ask.");
    }

    #[test]
    fn protective_or_unrelated_is_clean() {
        assert_clean(ID, "We will never use your content to train AI models.");
        assert_clean(ID, "You can turn off marketing emails in your settings.");
        assert_clean(ID, "By using the Services you agree to these Terms.");
    }
}
