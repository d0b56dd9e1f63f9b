//! `data-rights/*`: rights over the customer's data — licences, purposes, usage data, aggregated
//! data, ownership, sharing, retention and encryption keys.

pub mod aggregated_data_carveout;
pub mod broad_license;
pub mod ownership_not_stated;
pub mod retention_deletion;
pub mod third_party_sharing;
pub mod usage_data_any_purpose;
pub mod vague_purpose;
pub mod vendor_held_keys;

use std::sync::OnceLock;

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::pattern::DualRegex;

use crate::context::{Context, SentenceFacts};
use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[
    &broad_license::BroadLicense,
    &vague_purpose::VaguePurpose,
    &usage_data_any_purpose::UsageDataAnyPurpose,
    &aggregated_data_carveout::AggregatedDataCarveout,
    &ownership_not_stated::OwnershipNotStated,
    &third_party_sharing::ThirdPartySharing,
    &retention_deletion::RetentionDeletion,
    &vendor_held_keys::VendorHeldKeys,
];

/// Open-ended purposes: "for any purpose", "to improve our services", "develop new products",
/// "business purposes" (also "for many different business purposes"), "as we see fit", "in any manner", "without restriction", "commercially
/// exploit", "in connection with … Company's business".
pub(crate) fn open_purpose(s: &SentenceFacts) -> Option<(usize, usize)> {
    open_purpose_regex().find(&s.norm)
}

/// Every open purpose of the sentence, in order: the first may be the customer's or negated where
/// a later one is the vendor's.
pub(crate) fn open_purpose_matches(s: &SentenceFacts) -> impl Iterator<Item = (usize, usize)> + '_ {
    open_purpose_regex().find_iter(&s.norm)
}

/// An open purpose that is not the vendor improving or developing its own offering: "for any
/// purpose", "business purposes", "in any manner", "without restriction", "commercially exploit",
/// "as we see fit". Usage data put to such a purpose is `usage-data-any-purpose`'s finding;
/// usage data used "to improve our services" is a vague purpose like any other data's.
pub(crate) fn unbounded_purpose(s: &SentenceFacts) -> Option<(usize, usize)> {
    const IMPROVEMENT: &[&str] = &[
        "improv",
        "enhanc",
        "develop",
        "optimi",
        "product ",
        "service ",
        "promotion",
        "build",
        "creat",
        "make improvements",
        "making improvements",
    ];
    open_purpose_regex()
        .find_iter(&s.norm)
        .find(|&(start, end)| {
            !IMPROVEMENT
                .iter()
                .any(|w| s.norm[start..end].starts_with(w))
        })
}

/// Searched at word starts (every alternative starts at one): unanchored, the `[^.;]` stretches
/// and `\w+` repeats made its lazy DFA build states for as long as it met new text.
fn open_purpose_regex() -> &'static DualRegex {
    static RE: DualRegex = DualRegex::new();
    RE.with_pattern(|| OPEN_PURPOSE)
}

const OPEN_PURPOSE: &str = r"(?x)
            (?-u:\b)for\ any\ (?:lawful\ |legal\ |other\ |legitimate\ |business\ )?purposes?(?-u:\b)
          | (?-u:\b)any\ purpose\ whatsoever(?-u:\b)
          | (?-u:\b)(?:for|in\ connection\ with)\ (?:(?:many|various|different|several|numerous|a\ variety\ of|a\ range\ of|a\ number\ of)\ )*(?:our|its|the\ specific|specific)?\s?(?:own\ |internal\ |legitimate\ |general\ )?business\ (?:purposes|operations)(?-u:\b)
          | (?-u:\b)to\ (?:develop|grow|build)\ our\ business(?-u:\b)
          | (?-u:\b)(?:improve|improving|improvement\ of|(?:make|making)\ improvements\ to|enhance|enhancing|develop|developing|development\ of|optimi[sz]e|optimi[sz]ing)(?-u:\b),?(?:\s*(?:\s(?:and|or)|,|/)?\s*(?:improve|improving|enhance|develop|developing|test|provide|maintain|operate|promote|market|improvement|development|promotion|provision|distribution|personali[sz]e|customi[sz]e|expand|analy[sz]e|evaluate|build|create|protect|secure|support|administer|modify|monitor|manage|update|upgrade|troubleshoot|assess|measure|refine|tailor|innovate|train)(?-u:\w)*,?)*\s+(?:of\ )?(?:our|the|its|new|those|such|these|google|[a-z]+'s)?\s*(?:and\ [a-z]+(?:'s)?\ )?(?:research,?\s+)?(?:products?|services?|offerings|platform|technolog(?:y|ies)|business|features|websites?|apps?|site|tools|software|service)(?-u:\b)
          | (?-u:\b)(?:develop(?:ing)?|creat(?:e|ing)|build(?:ing)?)\ new\ (?:products|services|features|offerings|technologies)(?-u:\b)
          | (?-u:\b)(?:improve|improving|enhance|enhancing)\ the\ (?:quality|performance|functionality|reliability|accuracy|usability)\ (?:and\ [a-z]+\ )?of\ (?:our|the|its)\ (?:products?|services?|platform|offerings|websites?|apps?)(?-u:\b)
          | (?-u:\b)(?:product|service)\ (?:improvement|development)(?-u:\b)
          | (?-u:\b)(?:for|in)\ (?:research|advertising)(?:\ and\ [a-z]+)?\ purposes(?-u:\b)
          | (?-u:\b)as\ (?:we|it|they)\ (?:may\ )?(?:see\ fit|deem\ appropriate|choose|determine)(?-u:\b)
          | (?-u:\b)as\ [a-z]+\ (?:sees|deems)\ fit(?-u:\b)
          | (?-u:\b)(?:marketing|advertising|promotion|promotional),?\ (?:and|or)\ (?:for\ )?other\ purposes(?-u:\b)
          | (?-u:\b)(?:use|exploit|display|distribute|disclose)(?-u:\b)[^.;]*(?-u:\b)in\ any\ (?:manner|way)(?-u:\b)
          | (?-u:\b)(?:development|improvement|promotion)(?-u:\b)(?:,?\s+(?:and\ )?(?-u:\w)+){0,5}\s+of\ (?:the|our|its)(?-u:\b)
          | (?-u:\b)at\ (?:our|its)\ (?:sole\ |absolute\ )?discretion(?-u:\b)[^.;]{0,40}(?-u:\b)(?:use|exploit|disclose)(?-u:\b)
          | (?-u:\b)freely(?-u:\b)
          | (?-u:\b)without\ (?:any\ )?restrictions?(?-u:\b)
          | (?-u:\b)for\ (?:the\ )?purposes?\ of\ (?:our\ )?(?:advertising|research)(?-u:\b)
          | (?-u:\b)commercially\ exploit(?-u:\b)
          | (?-u:\b)commerciali[sz](?:e|ing)(?-u:\b)
          | (?-u:\b)for\ (?:any\ )?commercial\ purposes(?-u:\b)
          | (?-u:\b)in\ connection\ with\ (?:[^.;]{0,80}?\ )?(?:our|its|company's)(?:\ \([^)]{0,60}\))?\ business(?:es)?(?-u:\b)
          ";

/// Limits that make a purpose narrow: "solely to provide the Services", "only as necessary to
/// perform".
pub(crate) fn narrowed(s: &SentenceFacts) -> bool {
    narrowing(s).is_some()
}

/// Where [`narrowed`] finds its limit, as a normalised byte range.
pub(crate) fn narrowing(s: &SentenceFacts) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:solely|only|exclusively|strictly)\s+(?:(?-u:\w)+\s+){0,3}?(?:to|for|as)\s+(?:necessary\s+to\s+)?(?:provide|perform|deliver|operate|fulfil|fulfill|support|comply|the purpose of providing)(?-u:\b)|(?-u:\b)for the sole purpose of providing(?-u:\b)"
    );
    re.find(&s.norm).map(|m| (m.start(), m.end()))
}

/// What the titles of the clauses around a sentence say its section is about: "How We Use
/// Information We Collect", "What are the purposes and legal basis for processing your PII?",
/// "How we share your personal data", "What is the storage period". A list item under such a title
/// ("Improve our products and build new ones") need not repeat the data or the verb.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SectionTopic {
    /// A title names data at all ("What data do we collect?").
    pub about_data: bool,
    pub uses_data: bool,
    pub shares_data: bool,
    pub retention: bool,
}

impl SectionTopic {
    fn read(&mut self, title: &str) {
        static USE: OnceLock<TextRegex> = OnceLock::new();
        static DATA: OnceLock<TextRegex> = OnceLock::new();
        static SHARE: OnceLock<TextRegex> = OnceLock::new();
        static RETENTION: OnceLock<TextRegex> = OnceLock::new();
        let title = title.to_lowercase();
        let about_data = DATA
            .get_or_init(|| {
                TextRegex::new(r"(?-u:\b)(?:data|information|pii|personal|we collect)(?-u:\b)")
                    .expect("valid data-title regex")
            })
            .is_match(&title);
        let uses = USE
            .get_or_init(|| {
                TextRegex::new(r"(?-u:\b)(?:use|uses|using|process|processing|purposes?)(?-u:\b)")
                    .expect("valid use-title regex")
            })
            .is_match(&title);
        self.about_data |= about_data;
        self.uses_data |= about_data && uses;
        self.shares_data |= SHARE
            .get_or_init(|| {
                TextRegex::new(
                    r"(?-u:\b)(?:share|sharing|disclose|disclosure|disclosures|recipients)(?-u:\b)",
                )
                .expect("valid share-title regex")
            })
            .is_match(&title);
        self.retention |= RETENTION
            .get_or_init(|| {
                TextRegex::new(r"(?-u:\b)(?:retention|retain|storage period|how long)(?-u:\b)")
                    .expect("valid retention-title regex")
            })
            .is_match(&title);
    }
}

/// The topics named by the titles of the sentence's clause and its ancestors. Titles are part of the
/// structure the incremental fast path keeps equal, so a local rule may read them.
pub(crate) fn section_topic(cx: &Context, s: &SentenceFacts) -> SectionTopic {
    let mut topic = SectionTopic::default();
    let mut clause = cx.doc.sentences.get(s.index).and_then(|d| d.clause);
    while let Some(id) = clause {
        let c = &cx.doc.clauses[id];
        if let Some(title) = &c.title {
            topic.read(title);
        }
        clause = c.parent;
    }
    topic
}

/// The sentence opens a list item or table cell: the head of one entry of a list ("Improve our
/// products and build new ones", "to our subsidiaries and affiliates;").
pub(crate) fn opens_item(cx: &Context, s: &SentenceFacts) -> bool {
    let Some(sentence) = cx.doc.sentences.get(s.index) else {
        return false;
    };
    let block = &cx.doc.blocks[sentence.block];
    block.first_sentence == s.index
        && matches!(
            block.kind,
            clauselint_parser::BlockKind::ListItem | clauselint_parser::BlockKind::TableCell
        )
}

/// The sentence is a run-in title: a short first sentence followed by the entry's own sentences
/// ("**Development Partners.** We may share Personal Data with developers …").
pub(crate) fn run_in_title(cx: &Context, s: &SentenceFacts) -> bool {
    let Some(sentence) = cx.doc.sentences.get(s.index) else {
        return false;
    };
    let block = &cx.doc.blocks[sentence.block];
    block.first_sentence == s.index && block.sentence_count > 1 && s.norm.len() < 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_same_as_regex;

    /// The word-start search of [`open_purpose_regex`] finds what the pattern as written finds.
    #[test]
    fn open_purpose_search_matches_the_pattern_as_written() {
        for text in [
            "we may use your content to improve our services and to develop new products.",
            "for any lawful purpose; for various different business purposes, as we see fit",
            "in connection with the operation of company's (and its affiliates’) business",
            "at our sole discretion we may use, exploit or disclose it in any manner — freely",
            "improving, enhancing, and developing, google products § 3 and services",
            "développement of our services for research and marketing purposes, as acme deems fit",
            "without any restriction, commercialise; for commercial purposes; product development",
            "",
        ] {
            assert_same_as_regex(OPEN_PURPOSE, open_purpose_regex(), text);
            assert!(
                text.is_empty() || open_purpose_regex().is_match(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn open_purpose_search_matches_the_pattern_as_written_on_any_text(
            words in proptest::collection::vec(
                "(for|any|purpose|business|purposes|improve|improving|and|our|services|products|in|connection|with|its|as|we|see|fit|use|manner|freely|é|§|’|—|;|\\.|,|\\(x\\))",
                0..24,
            ),
            separators in proptest::collection::vec(crate::testing::SEPARATOR, 24),
        ) {
            let text = crate::testing::interleave(&words, &separators);
            assert_same_as_regex(OPEN_PURPOSE, open_purpose_regex(), &text);
        }
    }
}
