//! `ai-training/*`: rights to train AI models on the customer's content.

pub mod content_grant;
pub mod model_ownership;
pub mod opt_out_consent;
pub mod output_ownership;
pub mod third_party_models;

use crate::text_regex::regex;

use crate::context::{Context, SentenceFacts};
use crate::lexicon::Concept;
use crate::rule::Rule;

/// Where the customer's data appears as the object of a use: a content word, personal data,
/// "information you provide" / "data we collect" phrasings, or — for a list item such as "To train
/// our models;" — the object named in the list's lead-in ("We use your information to:").
/// Returns the normalised range in `s`, or `None` with `Some` from the lead-in signalled by the
/// boolean.
pub(crate) fn customer_data(cx: &Context, s: &SentenceFacts) -> Option<(usize, usize, bool)> {
    let phrase = regex!(
        r"(?-u:\b)(?:information|data|content|materials?)\s+(?:that\s+|which\s+)?(?:you|users?|individuals|customers?|people|members|creators)\s+(?:provide|submit|upload|share|post|create|send|give|make available|input)|(?-u:\b)(?:information|data)\s+(?:that\s+)?(?:we|it)\s+(?:collects?|receives?|obtains?)(?-u:\b)"
    );
    let own = |f: &SentenceFacts| {
        f.first(Concept::Content)
            .or_else(|| f.first(Concept::Personal))
            .map(|h| (h.start, h.end))
            .or_else(|| phrase.find(&f.norm).map(|m| (m.start(), m.end())))
    };
    if let Some((a, b)) = own(s) {
        return Some((a, b, false));
    }
    let lead = cx.lead_in(s)?;
    own(lead).map(|(a, b)| (a, b, true))
}

/// The sentence is a customer-side restriction or a heading rather than a vendor's provision.
pub(crate) fn not_a_provision(cx: &Context, s: &SentenceFacts) -> bool {
    s.in_heading || cx.in_prohibited_list(s)
}

pub static RULES: &[&dyn Rule] = &[
    &content_grant::ContentGrant,
    &opt_out_consent::OptOutConsent,
    &third_party_models::ThirdPartyModels,
    &model_ownership::ModelOwnership,
    &output_ownership::OutputOwnership,
];
