//! `ai-training/content-grant`
//!
//! ## What it flags
//! A right for the vendor to use the customer's content — content, inputs, outputs, prompts, files,
//! conversations, feedback, "Customer Data", or a defined term whose definition includes content —
//! to train, fine-tune, develop or improve AI / machine-learning models or algorithms, directly or
//! through a licence whose purposes include machine learning.
//!
//! ## Why it matters
//! A model trained on your content keeps what it learnt after the contract ends; deletion of the
//! data does not undo the training, and outputs of that model may reproduce your material for other
//! customers. This is the right the 2023 videoconferencing terms controversy was about.
//!
//! ## Not flagged
//! Protective clauses ("will not use Customer Content to train any AI model") are reported as an
//! info note. A prohibition with a consent loophole is left to `ai-training/opt-out-consent`.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;
use clauselint_parser::line_index::floor_char_boundary;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::{consent_exception, negated, vendor_permission};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::ai_training::{customer_data, not_a_provision};
use crate::rules::{extend_words, protection_note, sentence_finding, snippet};

pub struct ContentGrant;

static META: RuleMeta = RuleMeta {
    id: "ai-training/content-grant",
    default_severity: Severity::Error,
    doc: RuleDoc {
        summary: "The vendor may use customer content to train or improve AI / machine-learning models.",
        why: "Training is irreversible in practice: a model keeps what it learnt from your content after \
              the contract ends and after the data is deleted, and may surface it to others.",
        example: "You agree that we may use Customer Content to train and improve our artificial \
                  intelligence and machine learning models.",
        suggested: "Vendor will not use Customer Content, including inputs and outputs, to train, fine-tune \
                    or otherwise improve any artificial intelligence or machine learning model, whether its \
                    own or a third party's.",
        references: &[
            "REVIEW-GUIDE: AI training — actor + permission, object, purpose",
            "Zoom Terms of Service §10.4 (2023 version) and its withdrawal",
        ],
    },
};

/// Where in the sentence the AI-training purpose is stated: a training verb in a sentence about
/// models, an improve/develop verb whose object is a model or AI, or machine learning named as a
/// purpose of a licence. Returns the normalised byte range of the purpose phrase.
pub(crate) fn ai_purpose(s: &SentenceFacts) -> Option<(usize, usize)> {
    ai_purposes(s).into_iter().next()
}

/// Every place the sentence states an AI-training purpose, training verbs first, then
/// improve/develop verbs whose object is AI, then machine learning named as a licence purpose.
/// A sentence can hold a grant and a narrow prohibition ("may use your art to improve our tools,
/// but won't use it to train generative AI"), so the caller judges each one.
pub(crate) fn ai_purposes(s: &SentenceFacts) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let ai_hits: Vec<_> = s.hits_of(Concept::Ai).collect();
    if ai_hits.is_empty() {
        return found;
    }
    for t in s.hits_of(Concept::Train) {
        // "the model's training data" names data, not a purpose.
        let after = &s.norm[t.end..];
        if [
            " data",
            " dataset",
            " set",
            " corpus",
            " corpora",
            " material",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            continue;
        }
        // "training" in "staff training" is not model training; a model must be near.
        if ai_hits.iter().any(|a| a.start.abs_diff(t.start) < 120) {
            found.push((t.start, t.end));
        }
    }
    // "to create systems and models that can …": building a model is developing one.
    let builds = regex!(r"(?-u:\b)(?:create|creating|build|building)(?-u:\b)")
        .find_iter(&s.norm)
        .map(|m| crate::context::Hit {
            mask: 0,
            start: m.start(),
            end: m.end(),
        });
    for i in s.hits_of(Concept::Improve).copied().chain(builds) {
        // A building verb needs the model as its near object: "create profiles) in our
        // algorithm", "create or manage profiles … (collectively, “AI … Features”)" build no model.
        let building = i.mask == 0;
        // "improve our services using AI": AI as the means is not a model being improved.
        let object_is_ai = ai_hits.iter().any(|a| {
            a.start > i.end && a.start - i.end < if building { 25 } else { 45 } && {
                let between = &s.norm[i.end..a.start];
                !(building && (between.contains(')') || between.contains(',')))
                    && ![
                        "use of",
                        "using",
                        "through",
                        "with the help",
                        " via ",
                        " by ",
                    ]
                    .iter()
                    .any(|m| between.contains(m))
            }
        });
        // "to improve (1) our safety tools and (2) our search tools (collectively, the “Discovery
        // Tools”)": the objects are named by an inline definition of an AI-backed tool.
        let defined_object = !building
            && ai_hits.iter().any(|a| {
                a.start > i.end && a.start - i.end < 400 && {
                    let before = &s.norm[i.end..a.start];
                    let tail =
                        &before[floor_char_boundary(before, before.len().saturating_sub(24))..];
                    tail.contains("collectively") && !before.contains(". ")
                }
            });
        if object_is_ai || defined_object {
            found.push((i.start, i.end));
        }
    }
    if s.has(Concept::License) {
        // "a licence to submit your content to AI-based detection systems": AI names the tool
        // the content is run through, not a purpose the licence serves.
        let names_a_tool = |a: &&crate::context::Hit| {
            let after = &s.norm[a.end..];
            [
                "-based", " based", "-powered", " powered", "-driven", " driven", "-enabled",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        };
        let named = ai_hits.iter().find(|a| {
            matches!(
                &s.norm[a.start..a.end],
                "machine learning"
                    | "artificial intelligence"
                    | "ai"
                    | "ai/ml"
                    | "machine-learning"
            ) && !names_a_tool(a)
        });
        if let Some(a) = named {
            if s.hits_of(Concept::License).any(|l| l.start < a.start) {
                found.push((a.start, a.end));
            }
        }
    }
    found
}

impl Rule for ContentGrant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.sentences_with(Concept::Ai.bit()) {
            let Some(assessment) = assess(cx, s) else {
                continue;
            };
            let finding = match assessment {
                Assessment::Grant { purpose, object } => sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "The vendor may use your content (“{object}”) for AI training (“{purpose}”). A model \
                         trained on it keeps what it learnt after termination and deletion; ask for a \
                         prohibition, or at least a separate opt-in."
                    ),
                ),
                Assessment::Prohibited { purpose } => protection_note(
                    cx,
                    &META,
                    s,
                    format!(
                        "Protective clause: content is kept out of AI training (“{purpose}”). Check its scope — \
                         which data, which models, and any exceptions."
                    ),
                ),
                Assessment::OptIn { condition } => protection_note(
                    cx,
                    &META,
                    s,
                    format!(
                        "AI training here depends on the customer's opt-in (“{condition}”). Check that the \
                         opt-in is separate from accepting the terms and can be withdrawn."
                    ),
                ),
            };
            out.push(finding);
        }
        for s in cx.focused() {
            if !(s.has(Concept::Content) || s.has(Concept::Personal)) {
                continue;
            }
            if let Some((purpose, object)) = continued_grant(cx, s) {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "The vendor may use your content (“{object}”) under the AI-training grant of the \
                         sentence before (“{purpose}”). A model trained on it keeps what it learnt after \
                         termination and deletion; ask for a prohibition, or at least a separate opt-in."
                    ),
                ));
            }
        }
    }
}

/// How a sentence that mentions AI training treats the customer's content.
pub(crate) enum Assessment {
    /// The vendor may train on the content.
    Grant { purpose: String, object: String },
    /// Training on the content is prohibited without a consent loophole.
    Prohibited { purpose: String },
    /// Training happens only on the customer's affirmative choice.
    OptIn { condition: String },
}

/// Judge one sentence; `None` when it is not about training on customer content (or is a
/// prohibition with a consent loophole, which `opt-out-consent` reports).
pub(crate) fn assess(cx: &Context, s: &SentenceFacts) -> Option<Assessment> {
    if not_a_provision(cx, s) {
        return None;
    }
    let purposes = ai_purposes(s);
    let &(first_purpose, first_purpose_end) = purposes.first()?;
    // The object is named in this sentence, in its list's lead-in, or in the licence this sentence
    // extends ("You agree that this license includes the right for us to … train …").
    let (object_sentence, c_start, c_end) = match customer_data(cx, s) {
        Some((a, b, false)) => (s, a, b),
        Some((a, b, true)) => (cx.lead_in(s)?, a, b),
        None => licensed_content(cx, s)?,
    };
    let from_lead_in = !std::ptr::eq(object_sentence, s);
    let lead_uses = from_lead_in
        && (object_sentence.has(Concept::Use)
            || object_sentence.has(Concept::Share)
            || object_sentence.has(Concept::License));
    // The proposition of a purpose starts at its object (or at the purpose for a list item); a
    // negation before either denies it.
    let denied = |p: usize| {
        let object = if from_lead_in {
            p
        } else {
            content_before(s, p).unwrap_or(c_start).min(p)
        };
        negated(s, p) || negated(s, object) || (!from_lead_in && negated(s, c_start.min(p)))
    };
    let Some((p_start, p_end)) = purposes.iter().copied().find(|&(p, _)| !denied(p)) else {
        if !lead_uses && !uses_data(s, first_purpose) {
            return None;
        }
        let purpose = snippet(
            cx,
            s,
            first_purpose,
            extend_words(&s.norm, first_purpose_end, 5),
        );
        return consent_exception(s, first_purpose_end)
            .is_none()
            .then_some(Assessment::Prohibited { purpose });
    };
    if !lead_uses && !uses_data(s, p_start) {
        return None;
    }
    let purpose = snippet(cx, s, p_start, extend_words(&s.norm, p_end, 5));
    if is_control_statement(s, p_start)
        || !vendor_permission(s, p_start)
        || used_by_third_parties(s, if from_lead_in { 0 } else { c_start }, p_start)
    {
        return None;
    }
    if let Some(m) = opt_in_regex().find(&s.norm[..p_start]) {
        return Some(Assessment::OptIn {
            condition: snippet(cx, s, m.start(), m.end()),
        });
    }
    let object = snippet(cx, object_sentence, c_start, c_end);
    Some(Assessment::Grant { purpose, object })
}

/// "This license includes the right for us to … train our models": a sentence that extends "this
/// licence" without naming its object licenses what the licence granted a sentence or two before,
/// in the same paragraph or numbered clause, covers. Returns that sentence and its content words.
fn licensed_content<'c>(
    cx: &'c Context,
    s: &SentenceFacts,
) -> Option<(&'c SentenceFacts, usize, usize)> {
    let this_licence = regex!(
        r"(?-u:\b)(?:this|that|such|the (?:above|foregoing)|these) (?:licen[cs]e|rights)(?-u:\b)"
    );
    if !this_licence.is_match(&s.norm) {
        return None;
    }
    sentences_just_before(cx, s).find_map(|p| {
        let licence = p.first(Concept::License)?;
        let object = p
            .hits
            .iter()
            .find(|h| h.is(Concept::Content) && h.start > licence.start)?;
        (!negated(p, licence.start)).then_some((p, object.start, object.end))
    })
}

/// "… their Content being downloaded and used by third parties for the purposes of developing AI":
/// the use is a third party's, which `third-party-models` and `data-rights/third-party-sharing`
/// judge; it grants the vendor nothing.
fn used_by_third_parties(s: &SentenceFacts, object: usize, purpose: usize) -> bool {
    s.hits_of(Concept::ThirdParty).any(|h| {
        h.start > object && h.end <= purpose && {
            let before = s.norm[..h.start].trim_end();
            before.ends_with(" by") || before.ends_with(" by any") || before.ends_with(" by other")
        }
    })
}

/// Sentences that grant the vendor AI training on customer content.
pub(crate) fn training_grants<'c>(cx: &'c Context) -> impl Iterator<Item = &'c SentenceFacts> + 'c {
    cx.sentences_with(Concept::Ai.bit())
        .filter(move |s| matches!(assess(cx, s), Some(Assessment::Grant { .. })))
}

/// "where you have chosen to share…", "if you opt in", "with your express consent": training that
/// only happens on the customer's affirmative choice.
fn opt_in_regex() -> &'static TextRegex {
    static RE: std::sync::OnceLock<TextRegex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)(?:if|where|when|once)\s+you\s+(?:have\s+)?(?:actively\s+|expressly\s+|explicitly\s+|affirmatively\s+)?(?:chosen|choose|opt(?:ed)?[- ]in|consent(?:ed)?|agreed|enable(?:d)?|turn(?:ed)? on)(?-u:\b)|(?-u:\b)with your (?:prior\s+)?(?:express|explicit|affirmative)\s+(?:consent|permission)(?-u:\b)|(?-u:\b)only (?:if|when|with)(?-u:\b)")
            .expect("valid opt-in regex")
    })
}

/// The nearest customer-content or personal-data word before `pos` in its clause: the object the
/// purpose at `pos` applies to when a sentence names several.
fn content_before(s: &SentenceFacts, pos: usize) -> Option<usize> {
    let scope = crate::grammar::scope_start(&s.norm, pos);
    s.hits
        .iter()
        .filter(|h| h.start >= scope && h.end <= pos)
        .rfind(|h| h.is(Concept::Content) || h.is(Concept::Personal))
        .map(|h| h.start)
}

/// "… under this license", "for these purposes", "in this way": a use whose purpose is the one the
/// sentence before stated. "In the same way as" compares rather than refers back.
fn refers_back(norm: &str) -> Option<(usize, usize)> {
    static RE: std::sync::OnceLock<TextRegex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)(?:(?:under|pursuant to|within the scope of) (?:this|that|such|the foregoing) licen[cs]e|for (?:this|that|these|those|such) purposes?|in (?:this|that) (?:way|manner)|for such uses?)(?-u:\b)")
            .expect("valid back-reference regex")
    })
    .find(norm)
    .map(|m| (m.start(), m.end()))
}

/// A sentence that uses the customer's content "under this license" or "for these purposes" right
/// after a sentence granting AI training on it: the same grant, extended (to affiliates, by
/// default, to more data). Returns the earlier grant's purpose and the object.
fn continued_grant(cx: &Context, s: &SentenceFacts) -> Option<(String, String)> {
    if s.has(Concept::Ai) || not_a_provision(cx, s) {
        return None;
    }
    let (r_start, _) = refers_back(&s.norm)?;
    let object = s
        .hits
        .iter()
        .find(|h| (h.is(Concept::Content) || h.is(Concept::Personal)) && h.start < r_start)?;
    let uses = s
        .hits
        .iter()
        .any(|h| (h.is(Concept::Use) || h.is(Concept::License)) && h.start < r_start);
    // "Unless you opt out, GitHub's Affiliates may use …": the vendor's affiliates or partners
    // acting under the vendor's licence are the vendor's side too.
    let head = &s.norm[..object.start];
    let vendor_side_actor = s.hits_of(Concept::ThirdParty).any(|h| {
        h.end <= object.start
            && matches!(
                head[h.end..].split_whitespace().next(),
                Some("may" | "will" | "can" | "shall" | "could")
            )
    });
    if !uses
        || negated(s, object.start)
        || negated(s, r_start)
        || !(vendor_permission(s, object.start) || vendor_side_actor)
    {
        return None;
    }
    sentences_just_before(cx, s).find_map(|p| match assess(cx, p)? {
        Assessment::Grant { purpose, .. } => {
            Some((purpose, snippet(cx, s, object.start, object.end)))
        }
        _ => None,
    })
}

/// The up to three sentences before `s`, nearest first, while they share its paragraph or numbered
/// clause: "this license" is often granted in the paragraph before, followed by what an opt-out
/// does. (This reach across blocks is why the rule runs on the whole document.)
fn sentences_just_before<'c>(
    cx: &'c Context,
    s: &SentenceFacts,
) -> impl Iterator<Item = &'c SentenceFacts> + 'c {
    let here = &cx.doc.sentences[s.index];
    (s.index.saturating_sub(3)..s.index)
        .rev()
        .map(|i| &cx.sentences[i])
        .take_while(move |p| {
            let there = &cx.doc.sentences[p.index];
            here.block == there.block || (here.clause.is_some() && here.clause == there.clause)
        })
}

/// A verb of use: "use", "process", a licence, or "train" itself used as a verb ("we train our
/// models on…", "to train"), as opposed to a noun phrase such as "the model's training data".
fn uses_data(s: &SentenceFacts, purpose_start: usize) -> bool {
    if s.has(Concept::Use) || s.has(Concept::License) || s.has(Concept::Share) {
        return true;
    }
    let before = format!(" {}", s.norm[..purpose_start].trim_end());
    before.ends_with(" to")
        || before.ends_with(" may")
        || before.ends_with(" will")
        || before.ends_with(" we")
}

/// "You can decide whether we use your content to train…", "To opt out of the use of your data for
/// model training…": a sentence about the customer's control, which `opt-out-consent` judges.
fn is_control_statement(s: &SentenceFacts, purpose_start: usize) -> bool {
    let scope = crate::grammar::scope_start(&s.norm, purpose_start);
    let head = &s.norm[scope..purpose_start];
    s.hits_of(Concept::OptOut).any(|h| {
        h.start >= scope
            && h.end <= purpose_start
            && !matches!(
                &s.norm[h.start..h.end],
                "by using" | "default" | "by default"
            )
            // "unless you opt out, … for training": a grant that is on by default is still a grant.
            && !default_on_condition(&s.norm[..h.start])
    }) || head.contains("whether")
}

/// The text before an opt-out word makes it the condition of a default-on grant: "unless you",
/// "until you", "if you do not".
fn default_on_condition(before: &str) -> bool {
    let before = before.trim_end();
    [
        "unless you",
        "until you",
        "if you do not",
        "if you don't",
        "unless you choose to",
    ]
    .iter()
    .any(|c| before.ends_with(c))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::FindingKind;

    const ID: &str = "ai-training/content-grant";

    #[test]
    fn a_licence_to_run_content_through_an_ai_tool_names_no_ai_purpose() {
        // Substack Commercial Terms: AI names the detection tool, not what the licence is for.
        assert_clean(ID, "You also grant us a limited license to submit your content to automated analysis tools, including AI‑based detection systems, for the purpose of platform safety, content integrity, and compliance with our Terms of Use and applicable law.");
        assert_clean(ID, "You grant us a licence to scan your uploads with AI-powered filters — solely to detect malware.");
        // The licence that lists AI as a purpose still is a grant.
        assert_flags(ID, "You grant us a worldwide licence to use your content for research, product development and artificial intelligence.");
    }

    #[test]
    fn a_tool_the_document_says_runs_on_ai_is_a_model() {
        // After ArtStation Terms of Service §§ 11(b), 46(c): the AI vocabulary is in another section.
        let text = "## 11. Your Content\n\nEpic may use Your Content to improve our Safety and Discovery Tools — \
                    including the ranking of search results.\n\n## 46. How We use AI\n\nEpic uses artificial \
                    intelligence and machine learning technologies in our Safety and Discovery Tools to keep \
                    the Site safe.\n";
        assert_flags(ID, text);
        // A defined term whose definition mentions machine learning.
        assert_flags(
            ID,
            "“Smart Filters” means the classifiers we build with machine learning. We may use your \
             uploads to improve the Smart Filters.",
        );
    }

    #[test]
    fn ai_named_for_the_service_in_general_or_denied_teaches_nothing() {
        // "AI in our Services" would make every improvement of the service a model; the rule needs a
        // tool-like name.
        assert_clean(
            ID,
            "We use AI technologies in our Services. We may use your content to improve our Services.",
        );
        // A negated statement does not tie the tool to AI.
        assert_clean(
            ID,
            "We do not use machine learning in our review tools. We may use your content to improve our \
             review tools.",
        );
        // Tricky: the tool is AI-backed but the clause keeps content out of it.
        assert_clean(
            ID,
            "Epic uses machine learning in our Safety and Discovery Tools. Epic will not use Your Content \
             to improve the Safety and Discovery Tools.",
        );
    }

    #[test]
    fn a_list_nested_in_an_outer_item_takes_its_own_lead_in() {
        // After Starlink Privacy Policy § 3: the lead-in is a paragraph inside numbered item 3.
        let text = "3.  #### How and Why Do We Use Personal Information?\n\n    To the extent permitted by \
                    applicable law, we may use your personal information:\n\n    *   To process orders;\n    \
                    *   To train our machine learning or artificial intelligence models for the purposes \
                    outlined in this policy;\n";
        assert_flags(ID, text);
    }

    #[test]
    fn the_customer_in_an_introductory_clause_is_not_the_actor_of_the_grant() {
        // Alexa Terms of Service (Voice ID): "when you create …" sets the occasion; the product uses
        // the recordings.
        assert_flags(
            ID,
            "When you create a voice ID, Alexa uses recordings of your voice to create an acoustic model \
             of your voice characteristics, to update that model over time, and to improve Alexa’s voice \
             recognition capabilities.",
        );
        assert_flags(
            ID,
            "If you upload content, it may be used to train our machine learning models.",
        );
        // The customer is still the actor when the main clause is theirs.
        assert_clean(
            ID,
            "When you create a voice ID, you may use recordings of your voice to improve your own \
             voice recognition model.",
        );
        // An opt-in condition stays an opt-in, not a grant.
        assert_clean(
            ID,
            "If you choose to share your recordings, we may use them to improve our speech recognition \
             models.",
        );
    }

    #[test]
    fn flags_direct_grants() {
        // Zoom Terms of Service §10.4 (2023 version).
        assert_flags(
            ID,
            "You agree to grant and hereby grant Zoom a perpetual, worldwide, non-exclusive, royalty-free, \
             sublicensable, and transferable license and all other rights required or necessary to \
             redistribute, publish, import, access, use, store, transmit, review, disclose, preserve, \
             extract, modify, reproduce, share, use, display, copy, distribute, translate, transcribe, \
             create derivative works, and process Customer Content and to perform all acts with respect to \
             the Customer Content for the purpose of product and service development, marketing, \
             analytics, quality assurance, machine learning, artificial intelligence, training, testing, \
             improvement of the Services, Software, or Zoom’s other products, services, and software.",
        );
        assert_flags(
            ID,
            "We may use your prompts and outputs to train and improve our models.",
        );
        assert_flags(
            ID,
            "Inputs and Outputs may be used to develop and improve our AI models.",
        );
        assert_flags(ID, "We use the conversations you have with the assistant to fine-tune our large language models.");
        // SurveyMonkey Privacy Policy: survey responses are the customer's content, de-identified or not.
        assert_flags(ID, "For example, if you have open text responses in a survey, our machine learning may provide you with insights and we use de-identified response data to train our models.");
    }

    #[test]
    fn a_narrow_prohibition_beside_a_grant_is_still_a_grant() {
        // ArtStation Terms of Service § 11(b), with the AI tool named in another section.
        let text = "## 11. Your Content\n\nEpic may use your art to improve our Safety and Discovery Tools, but \
                    we won't use or license your content for use in, or to train, Generative AI.\n\n## 46. How We \
                    use AI\n\nEpic uses artificial intelligence and machine learning technologies in our Safety \
                    and Discovery Tools.\n";
        assert_flags(ID, text);
        // Both purposes refused: a protection.
        assert_clean(ID, "We won't use your art to improve our models, and we won't use your content to train generative AI.");
    }

    #[test]
    fn objects_named_by_an_inline_definition_of_an_ai_tool() {
        // ArtStation Terms of Service § 11(b): the improved tools are defined at the end of the sentence.
        let text = "Epic uses Your Content to improve (1) our internal safety tools and (2) our search and \
                    recommendation tools ((1) and (2), collectively, “Safety and Discovery Tools”).\n\nEpic uses \
                    machine learning in our Safety and Discovery Tools.\n";
        assert_flags(ID, text);
    }

    #[test]
    fn an_opt_out_condition_does_not_make_a_grant_a_control_statement() {
        // Starlink Privacy Policy § 4: training on by default, "unless you opt out".
        assert_flags(ID, "We may share your personal information with our affiliates and third-party collaborators and, unless you opt out, for training artificial intelligence models.");
        // The customer's control, judged by opt-out-consent instead.
        assert_clean(ID, "To opt out of the use of your personal information for training artificial intelligence models, visit your settings.");
    }

    #[test]
    fn a_use_under_the_licence_just_granted_continues_the_grant() {
        // GitHub Terms of Service § J.3: the licence is granted in the paragraph before.
        let text = "## 3. Development and Improvement\n\nYou also grant GitHub and its Affiliates a license to \
                    collect and use your Inputs and Outputs to develop, train and improve artificial intelligence \
                    and machine learning models, unless you opt out through your account settings. If you opt \
                    out, GitHub will not collect or use your Inputs and Outputs for these purposes.\n\nUnless you \
                    opt out, GitHub's Affiliates may use your Inputs and Outputs under this license in accordance \
                    with their applicable privacy and contractual obligations.\n";
        let hits = crate::testing::risks(ID, text);
        assert!(
            hits.iter()
                .any(|h| h.starts_with("Unless you opt out, GitHub's Affiliates")),
            "{hits:?}"
        );
        // Tricky: "in the same way" compares; it does not refer back to the training grant.
        assert_clean(ID, "We use your content to provide the Services. We process sensitive data only for the permitted purposes, in the same way we process user content generally.");
        // Twitter Terms of Service § 3: the training right is added to the content licence of the
        // sentence before ("this license includes the right for us to …").
        let text = "You grant us a worldwide, non-exclusive, royalty-free license (with the right to \
                    sublicense) to use, copy, reproduce, process, adapt and distribute such Content. You agree \
                    that this license includes the right for us to (i) provide, promote, and improve the \
                    Services, including, for example, for use with and training of our machine learning and \
                    artificial intelligence models, whether generative or another type.";
        let hits = crate::testing::risks(ID, text);
        assert!(
            hits.iter()
                .any(|h| h.starts_with("You agree that this license")),
            "{hits:?}"
        );
        // Tricky: "this license" over the service, not over content, grants nothing in content.
        assert_clean(ID, "We grant you a license to use the Software. This license includes the right for us to improve our machine learning models from crash reports.");
        // No training grant before: "this license" is the service licence.
        assert_clean(ID, "We grant you a license to use the Services. You may use your files under this license.");
    }

    #[test]
    fn protective_clauses_are_notes_not_risks() {
        let text = "Vendor will not use Customer Content to train any AI model.";
        assert_clean(ID, text);
        let notes = findings(ID, text);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind, FindingKind::Protection);
        assert_clean(
            ID,
            "We do not use your content to train our generative AI models.",
        );
        assert_clean(ID, "Zoom does not use any of your audio, video, chat, screen sharing, attachments or other communications-like Customer Content to train Zoom’s or third-party artificial intelligence models.");
    }

    #[test]
    fn loopholes_are_left_to_opt_out_consent() {
        assert_clean(ID, "We will not use Customer Data to train any generative AI models without Customer’s prior written consent.");
    }

    #[test]
    fn customer_side_restrictions_and_usage_data_are_not_grants() {
        assert_clean(
            ID,
            "You may not use the Output to develop models that compete with us.",
        );
        assert_clean(
            ID,
            "We use machine learning to detect spam in your messages.",
        );
        assert_clean(ID, "We may use usage statistics to train our models.");
        assert_clean(
            ID,
            "Our staff receive training on how to handle your files.",
        );
        // DeviantArt Terms of Service § 16: use by third parties is not a grant to the vendor.
        assert_clean(ID, "Out of respect for its users' choices, DeviantArt has developed clear directives to communicate when its users do not consent to their Content being downloaded and used by third parties for the purposes of developing or operating artificial intelligence or other machine learning systems.");
    }

    #[test]
    fn defined_terms_that_include_content_count_as_content() {
        let text = "“Service Data” means data that you upload, including meeting recordings and messages.\n\n\
                    We may use Service Data to train our machine learning models.";
        assert_flags(ID, text);
    }

    #[test]
    fn non_ascii_and_crlf_spans_are_exact() {
        let text = "§ 4 — “Customer Content”.\r\n\r\nWe may use Customer Content to train our AI models.\r\n";
        let hits = crate::testing::risks(ID, text);
        assert_eq!(
            hits,
            vec!["We may use Customer Content to train our AI models."]
        );
    }
    #[test]
    fn content_used_to_create_or_build_models() {
        // Discord Privacy Policy: user content used "to create systems and models".
        assert_flags(ID, "We also use certain information, which may include content reported to us, content that violates our Terms of Service, and certain other content widely available on the service (such as public posts, usernames, avatars, banners, user profiles, server names, server icons, and server banners), to create systems and models that can be automated to more swiftly detect, categorize, and take action against prohibited content or conduct.");
        assert_flags(
            ID,
            "We may use your conversations to build new machine learning models.",
        );
        // Tricky: content the customer creates with the AI (not a model built from it), data
        // that created profiles used in an algorithm (AcuityAds Privacy Policy), and a
        // prohibition.
        assert_clean(ID, "We use the data (including the data used to create profiles) in our algorithm to better understand your interactions online and to pair the right advertisements with the right consumers.");
        assert_clean(
            ID,
            "You can use your content to create images using our AI models.",
        );
        assert_clean(
            ID,
            "We will not use your content to build or create any AI models.",
        );
    }
}
