//! `data-rights/vendor-held-keys` (document level)
//!
//! ## What it flags
//! A document that talks about encryption but gives the customer no control of the keys (no
//! customer-managed keys, no bring-your-own-key) and no end-to-end encryption.
//!
//! ## Why it matters
//! Encryption with keys the vendor holds protects against outsiders, not against the vendor, its
//! staff, its sub-processors, or a government order served on the vendor.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::{AnyPhrase, AnyWord};
use crate::rule::{Rule, RuleDoc, RuleMeta};
use crate::rules::document_finding;

pub struct VendorHeldKeys;

static META: RuleMeta = RuleMeta {
    id: "data-rights/vendor-held-keys",
    default_severity: Severity::Info,
    doc: RuleDoc {
        summary: "Encryption is mentioned, but the customer controls no keys and there is no end-to-end encryption.",
        why: "Keys held by the vendor protect your data from outsiders, not from the vendor, its \
              sub-processors, or legal demands served on it.",
        example: "We encrypt your data in transit and at rest.",
        suggested: "Customer Content is encrypted at rest with keys managed by Customer (bring-your-own-key), \
                    and Vendor cannot decrypt Customer Content without Customer's key.",
        references: &["REVIEW-GUIDE: encryption keys held by the vendor instead of the customer"],
    },
};

/// Key control or encryption the vendor cannot undo, named as such: customer-managed keys,
/// bring-your-own-key, zero-access or zero-knowledge, client-side or end-to-end encryption.
fn customer_control() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)end[- ]to[- ]end encrypt(?-u:\w)*|(?-u:\b)(?:customer|client|user)[- ]managed (?:encryption )?keys?(?-u:\b)|(?-u:\b)bring[- ]your[- ]own[- ]key(?-u:\b)|(?-u:\b)byok(?-u:\b)|(?-u:\b)hold your own key(?-u:\b)|(?-u:\b)zero[- ]access(?-u:\b)|(?-u:\b)zero[- ]knowledge(?-u:\b)|(?-u:\b)client[- ]side encryption(?-u:\b)"
    )
}

/// Wording that gives the customer control only in a sentence about encryption: "end-to-end" (also
/// said of testing and solutions), "your keys" (also API keys), "keys under your control" (also said
/// of account keys), "we cannot access / decrypt / read" (also said of data the vendor merely
/// chooses not to look at), "only you can".
fn control_about_encryption() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)end-to-end(?-u:\b)|(?-u:\b)end to end(?-u:\b)|(?-u:\b)(?:your|customer's|customer) (?:own )?(?:encryption )?keys?(?-u:\b)|(?-u:\b)keys? (?:that |which )?(?:are |remain )?(?:under (?:your|the customer's|customer's|the user's) (?:sole |exclusive )?control|(?:you|the customer|customer) (?:alone )?(?:control|hold|manage)|(?:controlled|held|managed) (?:solely )?by (?:you|the customer|customer))(?-u:\b)|(?-u:\b)we (?:do not|don't|cannot|can't) (?:have access to|access|decrypt|read)(?-u:\b)|(?-u:\b)only you (?:can|hold|have)(?-u:\b)"
    )
}

fn gives_control(s: &crate::context::SentenceFacts) -> bool {
    static ABOUT_ENCRYPTION: AnyPhrase = AnyPhrase::new(&["encrypt", "decrypt", "cryptograph"]);
    customer_control().is_match(&s.norm)
        || (ABOUT_ENCRYPTION.is_in(&s.norm) && control_about_encryption().is_match(&s.norm))
}

impl Rule for VendorHeldKeys {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // "some information may remain in encrypted backups": a passing word about backups does not
        // address encryption.
        let mentions = |s: &&crate::context::SentenceFacts| {
            s.hits_of(Concept::Encryption).any(|h| {
                let word = &s.norm[h.start..h.end];
                let after = &s.norm[h.end..];
                word != "keys"
                    && word != "cryptographic"
                    && !(word == "encrypted"
                        && [" backup", " archive", " copies", " copy"]
                            .iter()
                            .any(|w| after.starts_with(w)))
            })
        };
        let Some(first) = cx.sentences.iter().find(mentions) else {
            return;
        };
        // Every alternative of `gives_control` holds one of these (one search for all of them).
        static CONTROL_WORDS: AnyWord =
            AnyWord::new(&["end", "key", "zero", "decrypt", "only you", "client"]);
        let may_give_control = |s: &&crate::context::SentenceFacts| {
            s.has(Concept::Encryption) || CONTROL_WORDS.is_in(&s.norm)
        };
        if cx
            .sentences
            .iter()
            .filter(may_give_control)
            .any(gives_control)
        {
            return;
        }
        out.push(document_finding(
            cx,
            &META,
            Some(first.span),
            "The document relies on encryption but nowhere gives you control of the keys or end-to-end \
             encryption, so the vendor can read the data it encrypts. Ask who holds the keys."
                .to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/vendor-held-keys";

    #[test]
    fn flags_vendor_keys() {
        assert_flags(
            ID,
            "We use industry-standard encryption to protect your data.",
        );
    }

    #[test]
    fn customer_keys_or_no_encryption_is_clean() {
        // Proton Mail-style end-to-end encryption.
        assert_clean(
            ID,
            "Your messages are protected with end-to-end encryption. We encrypt data at rest.",
        );
        assert_clean(
            ID,
            "Customer may use customer-managed keys. Data is encrypted at rest.",
        );
        assert_clean(ID, "We store your data in the EU.");
    }

    #[test]
    fn a_passing_word_about_backups_addresses_no_encryption() {
        // GitHub Terms of Service.
        assert_clean(ID, "We will delete your full profile within 90 days of cancellation (though some information may remain in encrypted backups).");
        assert_flags(
            ID,
            "Backups are kept for 30 days. We encrypt all backups and data at rest with AES-256.",
        );
    }

    #[test]
    fn control_words_count_only_when_they_speak_of_encryption() {
        // "end-to-end" of a process, "your keys" of an API, and a promise not to look are no key control.
        assert_flags(ID, "We provide an end-to-end solution for your projects. Data is encrypted in transit using TLS.");
        assert_flags(ID, "Keep your API keys secret. We do not access your data except to provide support. We encrypt data at rest.");
        assert_clean(ID, "Your files are encrypted on your device with keys only you hold. We cannot decrypt your files.");
    }

    #[test]
    fn keys_under_the_customers_control() {
        // Bitwarden Privacy Policy: the keys are the customer's, said without "your keys".
        assert_clean(ID, "Vault Data is encrypted using secure cryptographic keys under your control. We encrypt the transmission of that information using SSL.");
        // Protective-looking but the vendor's: keys under the vendor's control.
        assert_flags(
            ID,
            "Your data is encrypted at rest using keys under our control.",
        );
        // Tricky: control of something else in a sentence about encryption.
        assert_flags(
            ID,
            "Data is encrypted in transit; the account settings are under your control.",
        );
    }
}
