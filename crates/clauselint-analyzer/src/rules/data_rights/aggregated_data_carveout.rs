//! `data-rights/aggregated-data-carveout`
//!
//! ## What it flags
//! Aggregated, anonymised, de-identified or derived data carved out of the customer's rights: owned
//! by the vendor, usable for any purpose, declared not to be personal data ("de-identified data is
//! not Personal Information"), or exempt from the contract's other limits. Using it to improve or
//! develop the vendor's own services is a vague purpose (`vague-purpose`), not a carve-out.
//!
//! ## Why it matters
//! "We may use aggregated or de-identified data for any purpose" removes that data from every other
//! promise in the document, and de-identification is often reversible.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::negated;
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::data_rights::{narrowed, open_purpose, unbounded_purpose};
use crate::rules::{sentence_finding, snippet};

pub struct AggregatedDataCarveout;

static META: RuleMeta = RuleMeta {
    id: "data-rights/aggregated-data-carveout",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Aggregated, anonymised or de-identified data is carved out of the customer's rights.",
        why: "A carve-out for aggregated or de-identified data takes that data outside every other promise \
              in the contract, and de-identification can often be reversed.",
        example: "Vendor may use aggregated and de-identified data derived from Customer Data for any purpose.",
        suggested: "Vendor may use aggregated statistics that cannot identify Customer or any individual, \
                    solely to operate and secure the Services, and will not attempt to re-identify them.",
        references: &["REVIEW-GUIDE: Data rights — aggregated / de-identified carve-outs"],
    },
};

fn carveout_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:owns?|own all|retains? all|property of|owned by)(?-u:\b)|(?-u:\b)not (?:be )?(?:considered|deemed|treated as|subject to)(?-u:\b)|(?-u:\b)(?:is|are|will be|shall be|becomes?) (?:no longer|not) (?:personal|customer|your)(?-u:\b)|(?-u:\b)(?:does|do|will) not (?:constitute|qualify as|count as) (?:personal|customer|your)(?-u:\b)|(?-u:\b)no longer (?:constitutes?|personal)(?-u:\b)|(?-u:\b)notwithstanding(?-u:\b)|(?-u:\b)does not include(?-u:\b)|(?-u:\b)(?:is|are|does|do|shall|will) not (?:intended to )?(?:apply|applies|cover|covers|govern|governs) (?:to )?(?:our |the |its )?(?:use|processing|collection)?(?-u:\b)|(?-u:\b)(?:accomplished|achieved|satisfied|fulfilled|effected|carried out|performed) (?:through|by|via)(?-u:\b)|(?-u:\b)excluded from(?-u:\b)|(?-u:\b)free to use(?-u:\b)|(?-u:\b)share(?-u:\b)|(?-u:\b)disclose(?-u:\b)|(?-u:\b)sell(?-u:\b)|(?-u:\b)publish(?-u:\b)|(?-u:\b)commerciali[sz]e(?-u:\b)|(?-u:\b)for (?:its|our) own(?-u:\b)|(?-u:\b)may use(?-u:\b)|(?-u:\b)will use(?-u:\b)|(?-u:\b)can use(?-u:\b)|(?-u:\b)use (?:that|such|the) (?:information|data)(?-u:\b)"
    )
}

/// Nouns that make "aggregate" an adjective ("aggregate data") rather than the vendor's act.
const DATA_NOUNS: &[&str] = &[
    " data",
    " information",
    " statistics",
    " form",
    " basis",
    " reports",
];

/// A carve-out match that is a plain use verb ("may use", "use such data") rather than a
/// declaration or an ownership claim.
fn carves_by_use(matched: &str) -> bool {
    matched.ends_with(" use") || matched.starts_with("use ")
}

/// "is not intended to apply to", "does not cover": the document's promises stop short of what
/// follows.
fn scope_exclusion(matched: &str) -> bool {
    [" apply", " applies", " cover", " govern"]
        .iter()
        .any(|w| matched.contains(w))
}

/// "accomplished through", "satisfied by": one act stands in for another.
fn replaces_deletion(matched: &str) -> bool {
    matched.ends_with(" through") || matched.ends_with(" by") || matched.ends_with(" via")
}

/// "deletion may be accomplished through de-identification": de-identification in place of
/// deletion.
fn deletion_replaced(norm: &str) -> bool {
    carveout_regex().find_iter(norm).any(|m| {
        replaces_deletion(m.as_str())
            && (norm[..m.start()].contains("delet") || norm[..m.start()].contains("eras"))
    })
}

/// "that in the aggregate exceed", "aggregate liability", "the aggregate amount": a sum of money
/// or liability, not aggregated data ("use this information in the aggregate to analyze" is).
fn totals_money(norm: &str, start: usize, end: usize) -> bool {
    const TOTALS: &[&str] = &[
        " liability",
        " amount",
        " amounts",
        " total",
        " fees",
        " sum",
        " damages",
        " cap",
        " maximum",
        " exceed",
        " consideration",
        " payments",
    ];
    norm[start..end].starts_with("aggregate") && TOTALS.iter().any(|t| norm[end..].starts_with(t))
}

/// "Deleting your account permanently deletes identifying information and anonymizes other data":
/// a deletion that anonymises, rather than deletes, the rest of the data. Returns where the
/// anonymising is said.
fn anonymises_the_rest(s: &SentenceFacts) -> Option<(usize, usize)> {
    if !["anonymi", "identif", "aggregat"]
        .iter()
        .any(|w| s.norm.contains(w))
    {
        return None;
    }
    let m = regex!(
        r"(?-u:\b)(?:and|but|while|or)\ (?:we\ )?(?:will\ |may\ )?(?:anonymi[sz]es?|de-?identif(?:y|ies)|aggregates?)\ (?:all\ )?(?:other|remaining|the\ remaining|the\ rest\ of\ (?:your|the))\ (?:data|information|content|personal\ data|personal\ information)(?-u:\b)"
    )
    .find(&s.norm)?;
    let deletion_before = s.hits_of(Concept::Delete).any(|h| h.end <= m.start());
    (deletion_before && !negated(s, m.start())).then(|| (m.start(), m.end()))
}

fn outlasts_the_contract(norm: &str) -> bool {
    regex!(r"(?-u:\b)(?:indefinitely|perpetual|perpetually|in perpetuity|after the term|after (?:the )?(?:termination|expiration)|during and after|other (?:unrelated )?customers|third parties|(?:business |commercial |marketing )?partners|advertisers)(?-u:\b)")
    .is_match(norm)
}

impl Rule for AggregatedDataCarveout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.sentences_with(Concept::Delete.bit()) {
            if s.in_heading {
                continue;
            }
            if let Some((a, b)) = anonymises_the_rest(s) {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "Deletion keeps the rest of the data in anonymised form (“{}”), outside your rights and \
                         the deletion promise. Ask for deletion of all of it, or statistics that cannot identify \
                         you, used only to run the Services.",
                        snippet(cx, s, a, b)
                    ),
                ));
            }
        }
        for s in cx.sentences_with(Concept::Aggregated.bit()) {
            if s.in_heading || cx.in_prohibited_list(s) || anonymises_the_rest(s).is_some() {
                continue;
            }
            // "any damages that in the aggregate exceed the fees", "aggregate liability": a total,
            // not aggregated data.
            if s.hits_of(Concept::Aggregated)
                .all(|h| totals_money(&s.norm, h.start, h.end))
            {
                continue;
            }
            let agg = s.first(Concept::Aggregated).expect("prefiltered");
            // Weak markers alone ("anonymous surveys", "insights into") do not make a carve-out,
            // nor does the act named as a noun ("measures such as aggregation or
            // anonymization") — unless it stands in for a deletion ("deletion may be
            // accomplished through de-identification").
            // "Anonymous Information … disclosed to third parties, including advertisers": a class
            // of data, unlike "anonymous surveys", carved out when it goes to others or to any
            // purpose (not "shared with our hosting providers" for the product to work).
            let strong = s.hits_of(Concept::Aggregated).any(|h| {
                let word = &s.norm[h.start..h.end];
                let names_data = word == "anonymous"
                    && [" information", " data", " statistics", " usage data"]
                        .iter()
                        .any(|n| s.norm[h.end..].starts_with(n))
                    && (outlasts_the_contract(&s.norm) || unbounded_purpose(s).is_some());
                names_data
                    || !matches!(
                        &s.norm[h.start..h.end],
                        "insights"
                            | "anonymous"
                            | "anonymization"
                            | "anonymisation"
                            | "de-identification"
                            | "deidentification"
                    )
            });
            let names_the_act = s
                .hits_of(Concept::Aggregated)
                .any(|h| s.norm[h.start..h.end].ends_with("ation"));
            let replaces_a_deletion = names_the_act && deletion_replaced(&s.norm);
            if !(strong || replaces_a_deletion) {
                continue;
            }
            // "we will maintain and use the information in deidentified form and will not attempt
            // to reidentify it": a safeguard, not a carve-out.
            if s.norm.contains("not attempt to re") || s.norm.contains("not to re-identify") {
                continue;
            }
            let data_like = s.has(Concept::Data)
                || s.has(Concept::Content)
                || s.has(Concept::Personal)
                || s.has(Concept::UsageData);
            // Improving or developing the vendor's own offering with aggregated data is a vague
            // purpose (`vague-purpose`), not a carve-out; "for any purpose" or "commercially
            // exploit" is.
            let purpose = unbounded_purpose(s);
            // "De-identified data is not Personal Information": the aggregated data must be what
            // is declared outside personal data, not "information that is not personal
            // information, or aggregate information" named after it.
            let carve = carveout_regex().find_iter(&s.norm).find(|m| {
                let text = m.as_str();
                // "This policy is not intended to apply to our use of aggregated … data",
                // "deletion may be accomplished through de-identification": the carve-out is
                // what follows, and it must be aggregated data (or, for the second, replace a
                // deletion).
                if scope_exclusion(text) || replaces_deletion(text) {
                    let follows = s
                        .hits_of(Concept::Aggregated)
                        .any(|h| h.start >= m.end() && h.start - m.end() <= 30);
                    let deletion = !replaces_deletion(text)
                        || s.norm[..m.start()].contains("delet")
                        || s.norm[..m.start()].contains("eras");
                    return follows && deletion;
                }
                let declares = ["is ", "are ", "will ", "shall ", "become", "no longer"]
                    .iter()
                    .any(|w| text.starts_with(w));
                // "We may use your User Information to understand how users use our Services on
                // an aggregate basis": a plain use verb carves out aggregated data only when that
                // data is what it uses — named before it or as its object.
                let use_verb = carves_by_use(text);
                let near = |limit: usize| {
                    s.hits_of(Concept::Aggregated).any(|h| {
                        (h.end <= m.start() && m.start() - h.end <= limit)
                            || (use_verb && h.start >= m.end() && h.start - m.end() <= 40)
                    })
                };
                if declares {
                    near(50)
                } else if use_verb {
                    near(usize::MAX)
                } else {
                    true
                }
            });
            // "we may use de-identified data to improve our services": using aggregated data to
            // improve the vendor's offering is `vague-purpose`'s finding, not a carve-out — unless
            // the use outlasts the contract or serves others ("indefinitely", "during and after
            // the term", "other unrelated customers").
            let carve = carve.filter(|m| {
                !(carves_by_use(m.as_str())
                    && purpose.is_none()
                    && (s.has(Concept::Improve) || open_purpose(s).is_some())
                    && !outlasts_the_contract(&s.norm))
            });
            let (a, b) = match (purpose, carve) {
                (Some(p), _) => p,
                (None, Some(m)) => (m.start(), m.end()),
                _ => continue,
            };
            // "we may aggregate, anonymize, or otherwise learn from data … to improve those
            // Services", "these are anonymized to the extent possible": the vendor's act (or a
            // safeguard) with a purpose is judged by vague-purpose; a carve-out needs aggregated
            // data that something is done with.
            let act_only = carve.is_none()
                && s.hits_of(Concept::Aggregated).all(|h| {
                    let word = &s.norm[h.start..h.end];
                    let before = &s.norm[..h.start];
                    let after = &s.norm[h.end..];
                    let verb = matches!(
                        word,
                        "aggregate" | "anonymize" | "anonymise" | "de-identify"
                    ) && !DATA_NOUNS.iter().any(|n| after.starts_with(n));
                    let predicate = word.ends_with("ed")
                        && ["are ", "is ", "be ", "been "]
                            .iter()
                            .any(|p| before.ends_with(p));
                    verb || predicate
                });
            if !data_like || negated(s, a) || (purpose.is_none() && narrowed(s)) || act_only {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Aggregated / de-identified data (“{}”) is taken outside your rights (“{}”). Limit it to \
                     statistics that cannot identify you, used only to run the Services, with a duty not to \
                     re-identify.",
                    snippet(cx, s, agg.start, agg.end),
                    snippet(cx, s, a, b)
                ),
            ));
        }
        for s in cx.sentences_with(Concept::Ownership.bit()) {
            if let Some(found) = owns_data_made_aggregated_before(cx, s) {
                let (own, prev, data) = (found.owns, found.before, found.data);
                let aggregated = prev
                    .first(Concept::Aggregated)
                    .map_or((0, 0), |h| (h.start, h.end));
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "The vendor claims ownership (“{}”) of “{}”, which the sentence before makes \
                         aggregated or de-identified data (“{}”). Limit it to statistics that cannot \
                         identify you, used only to run the Services, with a duty not to re-identify.",
                        snippet(cx, s, own.0, own.1),
                        snippet(cx, s, data.0, data.1),
                        snippet(cx, prev, aggregated.0, aggregated.1),
                    ),
                ));
            }
        }
    }
}

/// An ownership claim over data the sentence before made aggregated: the ownership words and the
/// data named (normalised ranges of the claiming sentence), and that earlier sentence.
struct AnaphoricOwnership<'a> {
    owns: (usize, usize),
    before: &'a SentenceFacts,
    data: (usize, usize),
}

/// "Provided that the Service Data is aggregated and anonymized, … Linear is free to use the
/// Service Data in any manner. Linear owns all right, title, and interest in and to such Service
/// Data.": an ownership claim over "such" data that the sentence just before, in the same
/// paragraph, made aggregated. Returns the ownership words, that sentence, and the data named.
fn owns_data_made_aggregated_before<'a>(
    cx: &'a Context,
    s: &SentenceFacts,
) -> Option<AnaphoricOwnership<'a>> {
    let owns = regex!(
        r"(?-u:\b)(?:owns?|shall own|will own|retains? all|(?:is|are|remains?) the (?:sole |exclusive )?property of|owned by)(?-u:\b)"
    );
    if s.has(Concept::Aggregated) || s.in_heading || s.index == 0 {
        return None;
    }
    let prev = &cx.sentences[s.index - 1];
    if !prev.has(Concept::Aggregated)
        || cx.doc.sentences[prev.index].block != cx.doc.sentences[s.index].block
    {
        return None;
    }
    let m = owns.find(&s.norm)?;
    let head = s.norm[..m.start()].trim_end();
    if head.ends_with("you")
        || head.ends_with("customer")
        || head.ends_with("user")
        || negated(s, m.start())
    {
        return None;
    }
    // The data named right after "such", also named in the sentence before within a few words of
    // its aggregation ("the service data is aggregated").
    let data = s.hits.iter().find(|h| {
        (h.is(Concept::Data) || h.is(Concept::UsageData) || h.is(Concept::Content))
            && h.start > m.end()
            && s.norm[..h.start].ends_with("such ")
    })?;
    let name = &s.norm[data.start..data.end];
    let named_aggregated = prev.norm.match_indices(name).any(|(i, _)| {
        prev.hits_of(Concept::Aggregated)
            .any(|h| h.start.abs_diff(i) <= 40)
    });
    named_aggregated.then_some(AnaphoricOwnership {
        owns: (m.start(), m.end()),
        before: prev,
        data: (data.start, data.end),
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/aggregated-data-carveout";

    #[test]
    fn the_vendors_act_or_a_safeguard_is_not_a_carve_out() {
        // Hugging Face Terms of Service: judged by vague-purpose.
        assert_clean(ID, "In addition and subject to our Privacy Policy, we may aggregate, anonymize, or otherwise learn from data relating to your use of the Services, and use the foregoing to improve those Services.");
        // Gumb Privacy Policy: anonymisation as a safeguard.
        assert_clean(ID, "Product development, UI/UX optimization, and preparation of presentations and documents; where user scenarios or customer cases are discussed, these are anonymized to the extent possible");
        // Limitless Privacy Policy: aggregate data, used for any purpose.
        assert_flags(ID, "To generate de-identified, anonymized or aggregate data that we may use for any legal purpose;");
        assert_flags(
            ID,
            "We may aggregate your data and use aggregate data for any purpose.",
        );
    }

    #[test]
    fn flags_carveouts() {
        // Limitless Privacy Policy.
        assert_flags(ID, "We use the information we collect:\n\n* To generate de-identified, anonymized or aggregate data that we may use for any legal purpose;\n");
        // Starlink Privacy Policy.
        assert_flags(ID, "When information collected from or about you does not identify you as a specific person (e.g., when it has been de-identified), we may use that information for any purpose, including improving our services, to the extent permitted by applicable law.");
    }

    #[test]
    fn protective_or_unrelated_is_clean() {
        assert_clean(
            ID,
            "We will not sell aggregated or de-identified data derived from Customer Data.",
        );
        assert_clean(ID, "You can take part in anonymous surveys.");
    }

    #[test]
    fn de_identified_data_declared_not_personal_data() {
        // ACDelco Privacy Policy and Substack Commercial Terms.
        assert_flags(ID, "De-identified data is not Personal Information and may be used and disclosed for purposes not described in this Privacy Statement.");
        assert_flags(ID, "Such anonymized data is not personal data, and is exempt from any deletion or return obligations under the DPA.");
        // Tricky: non-personal information named before the aggregated data, which is only
        // collected (Forbes Privacy Policy).
        assert_clean(ID, "We may collect information that is not personal information (“non-personal information”), including information lawfully made available from federal, state, or local government records, or aggregate or de-identified information.");
    }

    #[test]
    fn improving_the_service_with_aggregated_data_is_not_a_carve_out() {
        // Y Combinator and Vodafone Privacy Policies: a vague purpose, not a carve-out.
        assert_clean(ID, "We may aggregate Personal Information and use the aggregated information to analyze the effectiveness of our Services, to improve and add features to our Services, and for other similar purposes.");
        assert_clean(ID, "We collect information about your use of our products and services on an aggregated or anonymous basis in order to help us manage and improve the services we offer to everyone.");
        // The same data for any purpose is one.
        assert_flags(ID, "We may aggregate Personal Information and use the aggregated information for any purpose, including to improve our Services.");
    }

    #[test]
    fn a_use_verb_carves_out_only_the_aggregated_data_it_uses() {
        // Ubiquiti Privacy Policy: the user information is used; "aggregate" describes the analysis.
        assert_clean(ID, "We also may use your User Information to (1) understand how users access and use our Services on an aggregate and individualized basis, to improve the quality and design of our Services.");
        // Amazon Web Services Terms of Service: de-identified content used to improve a service.
        assert_clean(ID, "You agree and instruct that we may use and store de-identified Amazon Connect Health Content to develop and improve Amazon Connect Health and its underlying technologies.");
        // Allrecipes Privacy Policy: a commitment not to re-identify.
        assert_clean(ID, "Where we process deidentified information and are required to keep such information deidentified, we commit to maintain and use the information in deidentified form and will not attempt to reidentify the information.");
        // Verizon Privacy Policy: aggregated data others may use for business purposes.
        assert_flags(ID, "We may de-identify or aggregate information so that Verizon or others may use it for business and marketing purposes.");
    }

    #[test]
    fn ownership_of_such_data_made_aggregated_just_before() {
        // Linear Terms of Service § Service Data.
        assert_flags(ID, "Provided that the Service Data is aggregated and anonymized, and no User Information is revealed to any third party, Linear is free to use the Service Data in any manner. Linear owns all right, title, and interest in and to such Service Data.");
        // The ownership sentence alone, after a sentence that only aggregates.
        assert_flags(ID, "The Service Data is aggregated and anonymized by Linear’s systems. Linear owns all right, title, and interest in and to such Service Data.");
        assert_clean(
            ID,
            "The Service Data is aggregated and anonymized by Linear’s systems.",
        );
        // The customer's ownership, or data the sentence before did not aggregate, is no carve-out.
        assert_clean(ID, "We may aggregate usage statistics for reporting to you. You own all right, title and interest in such Customer Data.");
        assert_clean(
            ID,
            "Customer Data is encrypted at rest. We own no rights in such Customer Data — ever.",
        );
    }

    #[test]
    fn a_scope_exclusion_or_deletion_by_de_identification_is_a_carve_out() {
        // Evernote Privacy Policy; Persumi Privacy Policy.
        assert_flags(ID, "This policy is not intended to apply to our use of aggregated, de-identified, or anonymized data.");
        assert_flags(ID, "In some cases, deletion may be accomplished through de-identification of the information.");
        // The exclusion of something else, or de-identification that is not in place of deletion.
        assert_clean(ID, "This policy does not apply to third-party websites, which may publish aggregated statistics.");
        assert_clean(ID, "Security is accomplished through encryption; we never store de-identified copies of your files.");
        // Dailymotion Privacy Policy: anonymization named as a safeguard of a disclosure.
        assert_clean(ID, "We may disclose information about You to such Commercial Partners, but such disclosure is always accompanied by appropriate measures aimed at ensuring the security of Your information (e.g., aggregation, anonymization).");
    }

    #[test]
    fn a_total_is_not_aggregated_data() {
        // Linear Terms of Service, limitation of liability (capitals as in the original).
        assert_clean(ID, "NOTWITHSTANDING ANYTHING TO THE CONTRARY, NEITHER PARTY WILL BE LIABLE FOR LOSS OR CORRUPTION OF DATA, OR ANY DAMAGES THAT IN THE AGGREGATE EXCEED THE TOTAL FEES PAID.");
        assert_clean(
            ID,
            "Our aggregate liability for loss of your data shall not exceed €100.",
        );
        // Aggregated data all the same (Shockwave.com Privacy Policy construction).
        assert_flags(ID, "We may use this information in the aggregate and share aggregate information with non-affiliated companies for any purpose.");
    }

    #[test]
    fn a_negation_inside_the_opening_condition_does_not_protect() {
        // Substack Publisher Agreement § Privacy.
        assert_flags(ID, "To the extent such outputs are produced using irreversible anonymization techniques so that individuals can no longer be identified, directly or indirectly, you agree that we may also retain and use a copy of this anonymized, aggregate data for our own purposes (such as platform improvement).");
    }

    #[test]
    fn improvement_that_outlasts_the_contract_is_a_carve_out() {
        // The Register Privacy Policy.
        assert_flags(ID, "We may anonymize your data for research or statistical purposes, in which case we may use this information indefinitely.");
        // Zoom Terms of Service construction: for other customers, during and after the term.
        assert_flags(ID, "Zoom may use the Aggregated Anonymous Data to analyze, develop and improve the Services provided to you or other unrelated customers, during and after the term of this Agreement.");
    }
    #[test]
    fn anonymised_leftovers_of_a_deletion_and_partners_use() {
        // Discord Privacy Policy: deletion anonymises, rather than deletes, the rest.
        assert_flags(ID, "Deleting your account permanently deletes identifying information and anonymizes other data as described in our data retention policy.");
        // Hugging Face Privacy Policy: "Anonymous Information" disclosed to advertisers.
        assert_flags(ID, "The Company may disclose Anonymous Information (with or without compensation) to third parties, including advertisers and partners, for purposes including, but not limited to, targeting advertisements.");
        // Wix Privacy Policy: business partners use the aggregated data for their own services.
        assert_flags(ID, "To create aggregated statistical data and other aggregated and/or inferred information, which we or our business partners may use to provide and improve our respective services;");
        // DuckDuckGo Privacy Policy: anonymous information given to hosting providers so the
        // product works.
        assert_clean(ID, "In order for our product to function (for example, for security and display purposes), we share anonymous information (for example, browser and device types) with our hosting and content providers.");
        // Tricky: all of it deleted or anonymised at the end of a period (Paradox Interactive
        // Privacy Policy), anonymous surveys, and aggregated data used only by the vendor to
        // improve its services (vague-purpose's finding).
        assert_clean(
            ID,
            "After the applicable retention period has expired, we will either delete or anonymize your data.",
        );
        assert_clean(
            ID,
            "We may send you anonymous surveys and share the results with our partners.",
        );
        assert_clean(
            ID,
            "We may use aggregated data derived from your information to improve our services.",
        );
    }
}
