//! The analyzer's vocabulary as users name it: concept names for configuration files and custom
//! rules, and an organisation's extra phrases for those concepts.
//!
//! The built-in phrase lists (`lexicon`) are compiled once per process. A configuration's extra
//! phrases join the per-document automaton `Context` already builds for the document's own defined
//! names, so an analysis without a configuration does exactly the work it did before.

use crate::lexicon::Concept;

/// Every concept a configuration or custom rule may name: (name, concept, what it covers).
pub const CONCEPT_NAMES: &[(&str, Concept, &str)] = &[
    (
        "customer-content",
        Concept::Content,
        "The customer's content: content, inputs, prompts, files, messages, \"Customer Data\".",
    ),
    (
        "personal-data",
        Concept::Personal,
        "Personal data, personal information.",
    ),
    (
        "usage-data",
        Concept::UsageData,
        "Data about the customer's use: usage data, telemetry, diagnostics, metadata.",
    ),
    (
        "data",
        Concept::Data,
        "Generic \"data\" or \"information\".",
    ),
    (
        "ai",
        Concept::Ai,
        "Artificial intelligence, machine learning, models, algorithms.",
    ),
    (
        "ai-training",
        Concept::Train,
        "Training: train, fine-tune, retrain.",
    ),
    ("improve", Concept::Improve, "Improve, develop, enhance."),
    (
        "negation",
        Concept::Negation,
        "Negators: not, never, no, shall not.",
    ),
    (
        "exception",
        Concept::Exception,
        "Exceptions: unless, except, other than.",
    ),
    (
        "consent",
        Concept::Consent,
        "Consent, permission, authorisation.",
    ),
    (
        "opt-out",
        Concept::OptOut,
        "Opt out, turn off, settings, withdraw.",
    ),
    (
        "vendor",
        Concept::Vendor,
        "The vendor: we, us, our, the company, and the vendor's defined names.",
    ),
    (
        "customer",
        Concept::Customer,
        "The customer: you, your, and the customer's defined names.",
    ),
    (
        "license",
        Concept::License,
        "Licence words: license, licence, grant, right to use.",
    ),
    (
        "third-party",
        Concept::ThirdParty,
        "Third parties, partners, affiliates, advertisers.",
    ),
    (
        "aggregated",
        Concept::Aggregated,
        "Aggregated, anonymised, de-identified, derived.",
    ),
    ("retain", Concept::Retain, "Retain, keep, store, preserve."),
    ("delete", Concept::Delete, "Delete, erase, destroy, remove."),
    (
        "ownership",
        Concept::Ownership,
        "Own, ownership, title, property.",
    ),
    ("share", Concept::Share, "Share, sell, disclose, transfer."),
    (
        "output",
        Concept::Output,
        "Outputs, results, generated content.",
    ),
    ("encryption", Concept::Encryption, "Encrypt, encryption."),
    ("change", Concept::Change, "Change, modify, amend, update."),
    (
        "terminate",
        Concept::Terminate,
        "Terminate, suspend, deactivate.",
    ),
    (
        "liability",
        Concept::Liability,
        "Liability, damages, warranties.",
    ),
    (
        "court",
        Concept::Court,
        "Courts, tribunals, venue, jurisdiction.",
    ),
    ("law", Concept::Law, "Governed by, laws of."),
    (
        "arbitration",
        Concept::Arbitration,
        "Arbitration, arbitrators, class-action waivers.",
    ),
    (
        "discretion",
        Concept::Discretion,
        "At any time, sole discretion, for any reason, without notice.",
    ),
    ("use", Concept::Use, "Use, process, analyse, access."),
    ("purpose", Concept::Purpose, "Purpose, purposes."),
];

/// The concept a configuration names, e.g. `customer-content`.
pub fn concept_by_name(name: &str) -> Option<Concept> {
    CONCEPT_NAMES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, c, _)| *c)
}

/// The names a configuration may use, for error messages.
pub fn concept_name_list() -> String {
    CONCEPT_NAMES
        .iter()
        .map(|(n, _, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Phrases a configuration adds to concepts, in the normalised form sentences are matched in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    entries: Vec<(String, Concept)>,
}

impl Vocabulary {
    /// Adds `phrase` to `concept`. Matching ignores case, curly versus straight quotes, dash kinds
    /// and runs of whitespace, as for the built-in phrases. Blank phrases are ignored.
    pub fn add(&mut self, concept: Concept, phrase: &str) {
        let normalised = normalise_phrase(phrase);
        if normalised.is_empty() {
            return;
        }
        if !self
            .entries
            .iter()
            .any(|(p, c)| *p == normalised && *c == concept)
        {
            self.entries.push((normalised, concept));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// (normalised phrase, concept) pairs, in the order they were added.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Concept)> + '_ {
        self.entries.iter().map(|(p, c)| (p.as_str(), *c))
    }
}

/// A phrase in the normalised form of `context::SentenceFacts::norm`.
pub fn normalise_phrase(phrase: &str) -> String {
    crate::context::normalise_text(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::CONCEPT_COUNT;

    #[test]
    fn every_concept_has_exactly_one_name() {
        assert_eq!(CONCEPT_NAMES.len(), CONCEPT_COUNT);
        let mut bits = 0u64;
        for (name, c, _) in CONCEPT_NAMES {
            assert_eq!(bits & c.bit(), 0, "{name} names a concept twice");
            bits |= c.bit();
            assert_eq!(concept_by_name(name), Some(*c));
        }
        assert_eq!(concept_by_name("Content"), None);
    }

    #[test]
    fn phrases_are_normalised_like_sentences() {
        let mut v = Vocabulary::default();
        v.add(Concept::Content, "  Client’s   Deal—Materials ");
        v.add(Concept::Content, "client's deal-materials");
        v.add(Concept::Content, "   ");
        let got: Vec<_> = v.entries().collect();
        assert_eq!(got, vec![("client's deal-materials", Concept::Content)]);
    }
}
