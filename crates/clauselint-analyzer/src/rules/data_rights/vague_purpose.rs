//! `data-rights/vague-purpose`
//!
//! ## What it flags
//! Customer data or content usable for open-ended purposes: "improving our services", "any
//! purpose", "business purposes", "developing new products", "research", "as we see fit", "in any
//! manner" — in a sentence, in a list item under a lead-in or a section about the use of data, or in
//! a purpose entry ("To inform product development …") of a list or table under a section about
//! data. Not flagged: purposes the customer must first permit ("we may ask you for permission").
//!
//! ## Why it matters
//! A purpose limits what the vendor may do with your data. "To improve our services" or "business
//! purposes" limits nothing: it covers analytics, product development, model training and more.
//! Use "to provide the Services to Customer" as the purpose, and list anything else expressly.

use std::sync::OnceLock;

use crate::text_regex::TextRegex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, vendor_permission, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::data_rights::{
    narrowed, open_purpose, opens_item, section_topic, unbounded_purpose,
};
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

/// A cheap test that `open_purpose` or [`further_open_purpose`] can match at all: one of their
/// concepts or literal words.
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
        "commerci",
        " fit",
        "research",
    ];
    s.has(Concept::Improve)
        || s.has(Concept::Purpose)
        || s.has(Concept::Discretion)
        || WORDS.iter().any(|w| s.norm.contains(w))
}

/// Open purposes `open_purpose` leaves to this rule: research ("conducting research for
/// technological development", "for research", "research and development"), and the vendor's
/// own named offering improved ("to continually improve the Evernote Service", "develop and
/// improve the Lyft Platform").
fn further_open_purpose(s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    // "to understand how customers use our products and services, to develop and improve them":
    // the pronoun stands for the offering named before it.
    static PRONOUN: OnceLock<TextRegex> = OnceLock::new();
    let pronoun = PRONOUN.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)(?:develop|improve|enhance)(?:\ and\ (?:develop|improve|enhance))?\ them(?-u:\b)")
            .expect("valid pronoun-purpose regex")
    });
    if let Some(m) = pronoun.find(&s.norm) {
        let before = &s.norm[..m.start()];
        if before.contains("products") || before.contains("services") {
            return Some((m.start(), m.end()));
        }
    }
    // "for our legitimate interests in operating our Services, Websites and business": the
    // vendor's interest in running its business is no purpose at all.
    static INTEREST: OnceLock<TextRegex> = OnceLock::new();
    let interest = INTEREST.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)legitimate\ (?:business\ )?interests?\ (?:in|of)\ (?:operating|running|conducting|managing|developing|growing|improving)\ [^.;]{0,60}?(?-u:\b)business(?:es)?(?-u:\b)")
            .expect("valid legitimate-interest regex")
    });
    if let Some(m) = interest.find(&s.norm) {
        return Some((m.start(), m.end()));
    }
    // "In any other way we may describe when you provide the information": a purpose named later,
    // anywhere. "improve our regional data licensing services": the offering named in more words.
    static LATER: OnceLock<TextRegex> = OnceLock::new();
    let later = LATER.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)in\ any\ other\ (?:way|manner)\ (?:that\ )?(?:we|it)\ (?:may\ )?(?:describe|disclose|specify)(?-u:\b)|(?-u:\b)(?:improve|improving|enhance|enhancing|develop|developing)\ our\ (?:[a-z-]+\ ){1,3}?(?:services|products|platform|offerings)(?-u:\b)")
            .expect("valid later-purpose regex")
    });
    if let Some(m) = later.find(&s.norm) {
        return Some((m.start(), m.end()));
    }
    static RE: OnceLock<TextRegex> = OnceLock::new();
    RE.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)(?:for|conduct|conducting|conducts|perform|performing|to\ do|doing)\ (?:[a-z]+\ ){0,2}?research(?-u:\b)|(?-u:\b)research\ and\ development(?-u:\b)|(?-u:\b)(?:improve|improving|enhance|enhancing|develop|developing)(?:,?\ (?:and\ |or\ )?(?:improve|improving|enhance|enhancing|develop|developing|personali[sz]e|promote|provide|operate|maintain),?)*\ the\ [a-z]+\ (?:service|services|platform|products?|apps?|websites?)(?-u:\b)")
            .expect("valid further-purpose regex")
    })
    .find(&s.norm)
    .map(|m| (m.start(), m.end()))
}

/// The use waits for the customer's permission: "we may ask you for permission to review portions
/// of your Content", "only with your express consent". What is opted into is not an open purpose
/// taken over the customer.
fn permission_first(s: &crate::context::SentenceFacts) -> bool {
    if !(s.norm.contains("permission") || s.norm.contains("consent")) {
        return false;
    }
    static RE: OnceLock<TextRegex> = OnceLock::new();
    RE.get_or_init(|| {
        TextRegex::new(r"(?-u:\b)(?:ask|asks|request|requests|seek|seeks|obtain|obtains)\ (?:you\ )?(?:for\ )?(?:your\ )?(?:express\ |explicit\ |prior\ |written\ )*(?:permission|consent)(?-u:\b)|(?-u:\b)only\ (?:with|after|upon)\ (?:obtaining\ )?your\ (?:express\ |explicit\ |prior\ |written\ )*(?:permission|consent)(?-u:\b)")
            .expect("valid permission regex")
    })
    .is_match(&s.norm)
}

/// "for any other purpose with your consent": the customer permits each further purpose.
fn consent_follows(rest: &str) -> bool {
    static RE: OnceLock<TextRegex> = OnceLock::new();
    RE.get_or_init(|| {
        TextRegex::new(r"^,?\ (?:with|upon|subject\ to)\ your\ (?:prior\ |express\ |explicit\ )?(?:consent|permission)(?-u:\b)|^,?\ (?:if|where|when)\ you\ (?:consent|agree)(?-u:\b)")
            .expect("valid consent-follows regex")
    })
    .is_match(rest)
}

/// An item under a lead-in that only discloses ("We may disclose Information …:  … For any other
/// purpose disclosed by us …"): the purpose is that of a disclosure, `third-party-sharing`'s finding.
/// A lead-in announcing purposes ("… to fulfill the following purposes:") or an item stating one as
/// an infinitive ("To develop, provide and personalize features") still lists purposes of use.
fn purpose_of_disclosure(cx: &Context, s: &crate::context::SentenceFacts) -> bool {
    let discloses = |l: &crate::context::SentenceFacts| {
        l.hits_of(Concept::Share).any(|h| {
            let verb = &l.norm[h.start..h.end];
            ["disclos", "shar", "sell", "sold", "transfer"]
                .iter()
                .any(|w| verb.starts_with(w))
        })
    };
    cx.lead_in(s).is_some_and(|l| {
        discloses(l)
            && !l.has(Concept::Use)
            && !l.has(Concept::License)
            && !l.norm.contains("purposes")
    }) && !s.has(Concept::Use)
        && !s.norm.starts_with("to ")
}

/// A purpose stated as an entry of a list or table in a section about data: a cell of a "Type of
/// Information | Purpose" table under "What data do we collect?" ("To inform product development
/// and marketing efforts"), or a list item "to improve our Services;". The infinitive is the
/// purpose; the section names the data.
fn purpose_entry(cx: &Context, s: &crate::context::SentenceFacts) -> bool {
    let Some(sentence) = cx.doc.sentences.get(s.index) else {
        return false;
    };
    let kind = cx.doc.blocks[sentence.block].kind;
    // A table cell's entries are separated by line breaks, each its own sentence.
    let entry = match kind {
        clauselint_parser::BlockKind::TableCell => true,
        clauselint_parser::BlockKind::ListItem => opens_item(cx, s),
        _ => false,
    };
    // A legal-basis entry ("It is in our legitimate interests to improve our services") names the
    // ground for processing, not a further purpose, and a cell without the infinitive may be a
    // header or a list of recipients.
    entry
        && s.norm.starts_with("to ")
        && !s.norm.contains("legitimate interest")
        && section_topic(cx, s).about_data
}

/// Content hits that are the customer's: "Third-Party Materials" and "our content" are not.
fn customer_content(s: &crate::context::SentenceFacts) -> bool {
    s.hits_of(Concept::Content).any(|h| {
        let before = &s.norm[..h.start];
        let hit = &s.norm[h.start..h.end];
        !(hit.starts_with("third")
            || hit.starts_with("our ")
            || before.ends_with("third-party ")
            || before.ends_with("third party ")
            || before.ends_with("our ")
            || before.ends_with("its "))
    })
}

/// "We may disclose any information … with vendors and service providers retained in connection
/// with the provision, operation or improvement of our Services": the purpose describes what the
/// processors do for the vendor, not a further use of the data.
fn shared_with_processors(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let shared = s.hits_of(Concept::Share).any(|h| h.end <= purpose);
    shared
        && s.hits_of(Concept::ThirdParty).any(|h| {
            h.end <= purpose
                && matches!(
                    &s.norm[h.start..h.end],
                    "service providers"
                        | "vendors"
                        | "subprocessors"
                        | "sub-processors"
                        | "sub processors"
                )
        })
        && !s.hits_of(Concept::ThirdParty).any(|h| {
            matches!(
                &s.norm[h.start..h.end],
                "affiliates"
                    | "partners"
                    | "advertisers"
                    | "business partners"
                    | "advertising partners"
            )
        })
}

/// What a customer says about the service is its material too: "By providing such comments, you
/// irrevocably grant all rights necessary for their use for product improvement purposes".
fn feedback_words(s: &crate::context::SentenceFacts) -> bool {
    ["comments", "suggestions", "ideas", "recommendations"]
        .iter()
        .any(|w| {
            s.norm.match_indices(w).any(|(at, _)| {
                let before = s.norm[..at].chars().next_back();
                let after = s.norm[at + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
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
            let data_here = customer_content(s)
                || s.has(Concept::Personal)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData)
                || feedback_words(s);
            let data_in_lead = cx.lead_in(s).is_some_and(|l| {
                l.has(Concept::Content)
                    || l.has(Concept::Personal)
                    || l.has(Concept::Data)
                    || l.has(Concept::UsageData)
            });
            if !may_state_open_purpose(s) {
                continue;
            }
            let uses = s.has(Concept::Use)
                || s.has(Concept::License)
                || s.has(Concept::Share)
                || data_in_lead;
            // A purpose listed under "How We Use Information We Collect" or "Purposes of
            // processing" is a use of the data the title names, though the item says neither.
            let data_in_section = !(data_in_lead || (data_here && uses))
                && ((opens_item(cx, s) && section_topic(cx, s).uses_data) || purpose_entry(cx, s));
            if !(data_here || data_in_lead || data_in_section) || !(uses || data_in_section) {
                continue;
            }
            // Usage data alone for unbounded purposes ("System Data … for its business purposes")
            // and aggregated or de-identified data are judged by `usage-data-any-purpose` and
            // `aggregated-data-carveout`; usage data used "to improve our Services" is a vague
            // purpose like any other data's.
            let usage_only =
                s.has(Concept::UsageData) && !s.has(Concept::Content) && !s.has(Concept::Personal);
            if usage_only && unbounded_purpose(s).is_some() {
                continue;
            }
            let Some((p_start, p_end)) = open_purpose(s).or_else(|| further_open_purpose(s)) else {
                continue;
            };
            // The data is aggregated ("de-identified data", "aggregate data"), as opposed to the
            // vendor's act of aggregating it ("we may aggregate or learn from data … to improve").
            // "information at an aggregate level", "in a deidentified, anonymous way", and
            // "non-personally-identifying Information" are such data too.
            let aggregated_data = s.hits_of(Concept::Aggregated).any(|h| {
                h.start < p_start
                    && (s.norm[..h.end].ends_with("ed")
                        || [
                            " data",
                            " information",
                            " level",
                            " form",
                            " way",
                            " manner",
                            " basis",
                        ]
                        .iter()
                        .any(|w| s.norm[h.end..].starts_with(w)))
            }) || (s.norm[..p_start].contains("non-personal")
                // "Personally Identifiable Information and Non-Personally Identifiable Information"
                // names personal data as well.
                && !s.norm[..p_start].contains("and non-personal"));
            if aggregated_data {
                continue;
            }
            // "Amazon uses information about … who you communicate with the most, to provide and
            // improve our services": the vendor's verb governs the purpose, not the "you" of a
            // relative clause nearer to it.
            let vendor_verb = s
                .hits
                .iter()
                .filter(|h| h.end <= p_start && (h.is(Concept::Use) || h.is(Concept::License)))
                .any(|h| actor_before(s, h.start) == Actor::Vendor && !negated(s, h.start));
            let by_customer = !data_in_lead
                && actor_before(s, p_start) == Actor::Customer
                && !vendor_permission(s, p_start)
                && !vendor_verb;
            if negated(s, p_start)
                || narrowed(s)
                || by_customer
                // "By using the Services, you agree that …" binds the customer; a licence granted
                // "by using" them still takes the purposes it lists.
                || (s.norm.contains("by using") && !s.has(Concept::License))
                || shared_with_processors(s, p_start)
                || permission_first(s)
                || consent_follows(&s.norm[p_end..])
                || purpose_of_disclosure(cx, s)
            {
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
    fn commercial_exploitation_and_the_vendors_business() {
        // GitHub Terms of Service (feedback).
        assert_flags(ID, "If you choose to give us any ideas, know-how, algorithms, code contributions, suggestions, enhancement requests, recommendations or any other feedback for our products or services (collectively, “Feedback”), you acknowledge and agree that GitHub will have a royalty-free, fully paid-up, worldwide, transferable, sub-licensable, irrevocable and perpetual license to implement, use, modify, commercially exploit and/or incorporate the Feedback into our products, services, and documentation.");
        // Bandcamp Terms of Service: the company's business, not the service.
        assert_flags(ID, "You hereby grant Company a worldwide, non-exclusive license to use, edit, modify, reproduce, distribute and otherwise fully exploit the User Submissions in connection with the Site, the Service and Company’s (and its successors’ and affiliates’) business.");
        // Overleaf Terms of Service: comments are the customer's material.
        assert_flags(ID, "By providing such comments, you irrevocably grant all rights necessary for their use for product improvement purposes and otherwise as we may choose.");
        // The customer's own commercial use is not a purpose the vendor takes.
        assert_clean(ID, "You may not use the Services or any content for commercial purposes without our consent.");
        assert_clean(ID, "We will process Customer Data solely to provide the Services in connection with your business.");
    }

    #[test]
    fn processors_and_third_party_material() {
        // Google Antigravity Terms of Service: two companies' products.
        assert_flags(ID, "We use your content to evaluate, develop, and improve Google and Alphabet research, products, services and machine learning technologies.");
        // Limitless Privacy Policy: processors that help run and improve the service.
        assert_clean(ID, "We may disclose any information we receive or collect with vendors and service providers retained in connection with the provision, operation or improvement of our Services.");
        // ... but affiliates are not processors.
        assert_flags(ID, "We may disclose any information we receive or collect with vendors, service providers and affiliates in connection with the improvement of our Services.");
        // WeTransfer Terms of Service: third parties' materials, not the customer's.
        assert_clean(ID, "We, and our providers and licensors, reserve the right to change, suspend, remove, limit, or disable access to any Third-Party Services or Third-Party Materials at any time to offer new or different features, technologies, or services, to repair, improve or further develop the Service.");
    }

    #[test]
    fn lists_of_purposes_for_technical_data_and_marketing() {
        // Better Stack Privacy Policy construction: items under a lead-in naming technical data.
        assert_flags(ID, "We use technical data to:\n\n*   Provide, operate, and maintain our Services\n*   Improve, personalize, and expand our Services\n");
        // Binance Privacy Policy: marketing is a stated purpose, taken with consent.
        assert_clean(ID, "We rely on your consent to process and share your personal data for marketing purposes.");
        // Spark Terms of Service construction: “and other purposes” after a list.
        assert_flags(ID, "By submitting your feedback about our App, you grant us the right to use and publicly display the feedback for marketing, advertising, and other purposes — see § 7.");
        // A named vendor's discretion (“as Linear sees fit”).
        assert_flags(ID, "Customer grants Linear a license to use, disclose and otherwise exploit any suggestions or other Feedback as Linear sees fit.");
        // Alibaba.com Terms of Service: discretion over discipline, not over data.
        assert_clean(ID, "If a Member breaches any Terms, Alibaba.com shall have the right to take such disciplinary actions as it deems appropriate, including suspending the Member’s account and removing product information.");
        // A list item that only runs the service.
        assert_clean(
            ID,
            "We use technical data to:\n\n*   Provide, operate, and maintain our Services\n",
        );
    }

    #[test]
    fn purposes_listed_under_a_section_about_the_use_of_data() {
        // Grammarly Privacy Policy: the item names neither the data nor the verb; the title does.
        assert_flags(ID, "## How We Use Information We Collect\n\n*   Provide and tailor our products to you.\n*   Improve our products and build new ones. We’re continually developing new ways of making our products smarter.\n");
        // Better Stack Privacy Policy: a sub-section of “purposes … for processing your PII”.
        assert_flags(ID, "## What are the purposes and legal basis for processing your PII?\n\n### Improve our Services\n\n*   to develop new features for all users;\n");
        // Twitter Privacy Policy: a remark in running text under such a title is not a purpose
        // given to data.
        assert_clean(ID, "## How we use information\n\nFor example, advertising revenues allow us to support and improve our services.\n");
        // Running the service is a stated purpose, under any title.
        assert_clean(ID, "## How We Use Information We Collect\n\n*   Provide and tailor our products to you.\n*   Respond to your requests for support.\n");
        // The customer improving its own site is not the vendor's use of data.
        assert_clean(ID, "## How we use your data\n\nYou can use the analytics dashboard to improve your website.\n");
        // A title about using the Services, not data, gives no data.
        assert_clean(
            ID,
            "## Use of the Services\n\n*   Improve our products and build new ones.\n",
        );
    }

    #[test]
    fn a_licence_granted_by_using_the_service_keeps_its_purposes() {
        // Sketchfab Terms of Service § (a).
        assert_flags(ID, "**(a) License to Provide and Improve the Services.** By using the Services, you grant a worldwide, non-exclusive, royalty-free, fully paid-up, perpetual, irrevocable, sub-licensable (through multiple tiers) right and license to Sketchfab to use, reproduce, publicly display, adapt, modify, reformat, and distribute User Content as necessary to provide, improve and promote the Services.");
        assert_clean(
            ID,
            "By using the Services, you agree that we may improve our Services over time.",
        );
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

    #[test]
    fn purposes_in_a_table_under_a_section_about_data() {
        // Evernote Privacy Policy: a “Type of Information | Purpose” table under “What data do we
        // collect?”, entries separated by line breaks.
        let table = "## What data do we collect?\n\n| Type of Information | Purpose |\n| --- | --- |\n| Your device information | To provide account support.  <br>  <br>To inform our product development and marketing efforts, including our advertising efforts. |\n";
        assert_flags(ID, table);
        // Running the service is a stated purpose.
        assert_clean(ID, "## What data do we collect?\n\n| Type of Information | Purpose |\n| --- | --- |\n| Your payment information | To process your payment. |\n");
        // A legal-basis column states the ground, not the purpose (WeChat Privacy Policy).
        assert_clean(ID, "## What data do we collect?\n\n| Purpose | Legal basis |\n| --- | --- |\n| Account registration | To manage registrations; it is in our legitimate interests to improve our services. |\n");
        // A table in a section about something else names no data.
        assert_clean(ID, "## Our plans\n\n| Plan | Aim |\n| --- | --- |\n| Pro | To improve our products for teams. |\n");
    }

    #[test]
    fn research_and_the_vendors_named_service() {
        // Starlink Privacy Policy: the pronoun stands for the products and services.
        assert_flags(ID, "We process your personal data as necessary to understand how customers use our products and services, to develop and improve them for you and others.");
        // Miro Privacy Policy construction.
        assert_flags(ID, "We use your personal data as permitted by law, including for our legitimate interests in operating our Services, Websites and business.");
        assert_clean(ID, "We use your personal data to send you the invoices and to improve them on your request.");
        // Evernote Privacy Policy.
        assert_flags(ID, "Our systems automatically analyze your data to power Evernote features and to continually improve the Evernote Service for you.");
        // ACDelco Privacy Policy construction: a list item under “We use your information to:”.
        assert_flags(
            ID,
            "We use your personal information to:\n\n* Conduct internal research;\n",
        );
        assert_flags(
            ID,
            "We may use your personal data for research and development.",
        );
        // Research the customer does, or opted into, is not a purpose taken over its data.
        assert_clean(ID, "You may use automated tools to obtain public information from the services for the purposes of archival or open-access research.");
    }

    #[test]
    fn purposes_the_customer_must_first_permit_are_not_open() {
        // Evernote Privacy Policy.
        assert_clean(ID, "To help refine or improve the technology, we may ask you for permission to review portions of your Content.");
        // Financial Times Privacy Policy.
        assert_clean(ID, "For example, if you complete one of our general enquiry forms, we would ask for your consent if we wanted to use your personal information for any other purpose.");
        // Alexa Terms of Service construction: the "you" of a relative clause is not the actor.
        assert_flags(ID, "We use information about your contacts and connections, including who you communicate with the most, to provide and improve our services.");
        assert_clean(ID, "You can use the analytics dashboard and your data to improve the services you offer to your customers.");
        // Consent mentioned elsewhere does not narrow the purpose.
        assert_flags(ID, "We may use your personal data to improve our services, and you can withdraw your consent to marketing at any time.");
    }

    #[test]
    fn promotion_of_the_service_is_a_purpose_but_a_promotional_offer_is_not() {
        // After Dailymotion Terms of Service: the development-of phrase spans a few words.
        assert_flags(ID, "We may use your personal data for the promotion and improvement of all or part of the Services.");
        // WordPress.com Terms of Service (Automatic Renewal): "promotion" is a discount, and the
        // "of the" ten words later belongs to another phrase.
        assert_clean(ID, "If you received a discount, used a coupon code, or subscribed during a free trial or promotion, your subscription will automatically renew for the full price of the subscription at the end of the discount period.");
    }

    #[test]
    fn purposes_named_later_or_in_more_words() {
        // Persumi and IPinfo Privacy Policies (a widely reused template).
        assert_flags(ID, "We use information that we collect about you or that you provide to us:\n\n*   In any other way we may describe when you provide the Information.\n");
        // IPinfo Privacy Policy: the offering named in more words, with an em dash.
        assert_flags(ID, "We use the precise geolocation coordinates collected via our SDK to analyze network performance — and improve our regional data licensing services.");
    }

    #[test]
    fn consented_de_identified_and_disclosed_purposes_are_left_to_their_rules() {
        // Persumi and IPinfo Privacy Policies: the customer permits each further purpose.
        assert_clean(ID, "We use information that we collect about you or that you provide to us:\n\n*   For any other purpose with your consent.\n");
        // IPinfo Privacy Policy, SurveyMonkey Privacy Policy: de-identified or aggregate data.
        assert_clean(ID, "We can use and share non-personally-identifying Information for any purpose without restriction.");
        assert_clean(ID, "We use information at an aggregate level about how you use our services to improve our services for all users.");
        // Ubiquiti Privacy Policy: personal data named beside the non-personal.
        assert_flags(ID, "We may use your Personally Identifiable Information and Non-Personally Identifiable Information (together, “User Information”) to operate, maintain, improve, customize and provide the Services.");
        // IPinfo Privacy Policy: the purpose of a disclosure is `third-party-sharing`'s finding.
        assert_clean(ID, "We may disclose Information that we collect or you provide:\n\n*   To our subsidiaries and affiliates.\n*   For any other purpose disclosed by us when you provide the Information.\n");
        // Lyft Privacy Policy construction: a disclosure "to fulfill the following purposes" lists purposes.
        assert_flags(ID, "We disclose those categories of personal information to these other parties to fulfill the following purposes:\n\n*   Undertaking research to develop and improve the Lyft Platform.\n");
    }
}
