//! `data-rights/vague-purpose`
//!
//! ## What it flags
//! Customer data or content usable for open-ended purposes: "improving our services", "any
//! purpose", "business purposes", "developing new products", "research", "as we see fit", "in any
//! manner", "to make Pinterest better", the right to "monetize" the content, data that "helps us
//! enhance our Services" — in a sentence, in a list item under a lead-in or a section about the use
//! of data, or in a purpose entry ("To inform product development …") of a list or table under a section about
//! data, or a bare-verb entry ("Operate, maintain, and improve the Services") of a purpose column. Data
//! kept "to" such a purpose is used for it. Not flagged: purposes the customer must first permit ("we
//! may ask you for permission"), what a tool or an offering does ("tools that improve our services"),
//! the vendor using a tool ("we use analytics software to …"), aggregated data's purposes, and the
//! customer's own acts. Cookies, pixels and beacons collect data, so a purpose given to them
//! ("we use cookies … to improve our Services") is given to the data, unless it is what that kind of
//! cookie is for (advertising, performance, functionality). Also purposes named later or on notice
//! ("for other purposes about which we notify you", "will not use … for … incompatible purposes
//! without providing you notice"), the vendor's business or operations ("to accomplish our business
//! purposes") and legitimate interests left unnamed ("to further our legitimate interests").
//!
//! ## Why it matters
//! A purpose limits what the vendor may do with your data. "To improve our services" or "business
//! purposes" limits nothing: it covers analytics, product development, model training and more.
//! Use "to provide the Services to Customer" as the purpose, and list anything else expressly.

use crate::text_regex::regex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negator_before, vendor_permission, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::data_rights::{
    narrowing, open_purpose_matches, opens_item, section_topic, unbounded_purpose,
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
/// concepts or literal words. The words are searched in one pass of an automaton built once, not
/// one substring search each.
fn may_state_open_purpose(s: &crate::context::SentenceFacts) -> bool {
    if s.has(Concept::Improve) || s.has(Concept::Purpose) || s.has(Concept::Discretion) {
        return true;
    }
    static WORDS_AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    // The last word, "better", counts only beside "make" ("to make our services better").
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
        "moneti",
        "interest",
        " uses",
        "better",
    ];
    let ac = WORDS_AC
        .get_or_init(|| aho_corasick::AhoCorasick::new(WORDS).expect("valid purpose words"));
    let better = WORDS.len() - 1;
    ac.find_overlapping_iter(&s.norm)
        .any(|m| m.pattern().as_usize() != better || s.norm.contains("make"))
}

/// Open purposes `open_purpose` leaves to this rule: research ("conducting research for
/// technological development", "for research", "research and development"), and the vendor's
/// own named offering improved ("to continually improve the Evernote Service", "develop and
/// improve the Lyft Platform").
fn further_open_purpose(s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    // "to understand how customers use our products and services, to develop and improve them":
    // the pronoun stands for the offering named before it.
    let pronoun = regex!(
        r"(?-u:\b)(?:develop|improve|enhance)(?:\ and\ (?:develop|improve|enhance))?\ them(?-u:\b)"
    );
    if let Some(m) = pronoun.find(&s.norm) {
        let before = &s.norm[..m.start()];
        if before.contains("products") || before.contains("services") {
            return Some((m.start(), m.end()));
        }
    }
    // "We use the information we collect in existing services to help us develop new ones", "for
    // testing, research and statistical purposes".
    let more = regex!(
        r"(?-u:\b)develop(?:ing)?\ new\ ones(?-u:\b)|(?-u:\b)research(?:,?\ (?:and\ )?[a-z-]+){0,4}\ purposes(?-u:\b)"
    );
    if let Some(m) = more.find(&s.norm) {
        let before = &s.norm[..m.start()];
        let own = ["own ", "personal ", "your ", "their "]
            .iter()
            .any(|w| before.ends_with(w));
        if !own
            && (!m.as_str().starts_with("develop")
                || before.contains("products")
                || before.contains("services"))
        {
            return Some((m.start(), m.end()));
        }
    }
    // "for our legitimate interests in operating our Services, Websites and business": the
    // vendor's interest in running its business is no purpose at all.
    let interest = regex!(
        r"(?-u:\b)legitimate\ (?:business\ )?interests?\ (?:in|of)\ (?:operating|running|conducting|managing|developing|growing|improving)\ [^.;]{0,60}?(?-u:\b)business(?:es)?(?-u:\b)"
    );
    if let Some(m) = interest.find(&s.norm) {
        return Some((m.start(), m.end()));
    }
    // "In any other way we may describe when you provide the information": a purpose named later,
    // anywhere. "improve our regional data licensing services": the offering named in more words.
    let later = regex!(
        r"(?-u:\b)in\ any\ other\ (?:way|manner)\ (?:that\ )?(?:we|it)\ (?:may\ )?(?:describe|disclose|specify)(?-u:\b)|(?-u:\b)(?:improve|improving|enhance|enhancing|develop|developing)\ our\ (?:[a-z-]+\ ){1,3}?(?:services|products|platform|offerings)(?-u:\b)"
    );
    if let Some(m) = later.find(&s.norm) {
        return Some((m.start(), m.end()));
    }
    // "to improve Tumblr for everyone": the vendor's own name for its offering.
    if let Some(h) = s.hits_of(Concept::Improve).find(|h| {
        matches!(
            &s.norm[h.start..h.end],
            "improve" | "improving" | "enhance" | "enhancing" | "develop" | "developing"
        ) && s.hits_of(Concept::Vendor).any(|v| {
            v.start == h.end + 1
                && !matches!(&s.norm[v.start..v.end], "we" | "us" | "our" | "ours")
                && !s.norm[v.end..].starts_with("'s")
        })
    }) {
        let end = s.norm[h.end + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .map_or(s.norm.len(), |i| h.end + 1 + i);
        return Some((h.start, end));
    }
    if let Some(found) = monetises(s) {
        return Some(found);
    }
    regex!(r"(?-u:\b)(?:for|conduct|conducting|conducts|perform|performing|to\ do|doing)\ (?:[a-z]+\ ){0,2}?research(?-u:\b)|(?-u:\b)research\ and\ development(?-u:\b)|(?-u:\b)(?:improve|improving|enhance|enhancing|develop|developing)(?:,?\ (?:and\ |or\ )?(?:improve|improving|enhance|enhancing|develop|developing|personali[sz]e|promote|provide|operate|maintain),?)*\ the\ [a-z]+\ (?:service|services|platform|products?|apps?|websites?)(?-u:\b)")
    .find(&s.norm)
    .map(|m| (m.start(), m.end()))
}

/// Open purposes written in words the shared lexicon leaves out: purposes named later ("for other
/// purposes about which we notify you", "other business purposes stated when collecting your
/// Personal Data"), the vendor's business or operations as the purpose ("to accomplish our business
/// purposes", "for our operational purposes"), legitimate interests left unnamed ("to further our
/// legitimate interests", "the legitimate interest of us or third parties", "legitimate interests
/// such as …", "any other interest"), and an improvement of the offering among coordinated verbs
/// ("to develop, improve, and power our services").
fn unnamed_purpose(s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?x)
          (?-u:\b)(?:other|additional|new|further)\ (?:business\ |lawful\ |legitimate\ |compatible\ )?(?:purposes?|uses)\ (?:(?:about|for)\ which\ |that\ |which\ |as\ )?(?:we\ )?(?:may\ )?(?:will\ )?(?:notify|tell|inform|describe|disclose|provide\ (?:you\ )?(?:with\ )?(?:specific\ |separate\ )?notice|give\ (?:you\ )?notice|stated?|specif(?:y|ied)|communicate)(?-u:\b)
        | (?-u:\b)(?:accomplish|achieve|fulfil|fulfill|serve|pursue|support)\ (?:our|its)\ (?:own\ |internal\ |legitimate\ |lawful\ )?business\ (?:purposes|needs)(?-u:\b)
        | (?-u:\b)for\ (?:our|its)\ (?:own\ |internal\ )?(?:operational|lawful\ business|legal\ business)\ purposes(?-u:\b)
        | (?-u:\b)(?:further|furthers|furthering|pursue|pursuing)\ (?:the\ |our\ |its\ )?legitimate\ (?:business\ )?interests?(?-u:\b)
        | (?-u:\b)legitimate\ interests?\ of\ (?:us|ourselves|[a-z]+)\ (?:or|and)\ (?:of\ )?(?:others|third\ parties)(?-u:\b)
        | (?-u:\b)any\ other\ (?:legitimate\ |lawful\ )?interests?(?-u:\b)
        | (?-u:\b)(?:improve|enhance|develop)(?:,?\ (?:and\ |or\ )?(?:power|grow|expand|support|run|operate|maintain|provide|test|secure|protect|personali[sz]e|customi[sz]e|understand|inform|iterate|measure|monitor|study|update|deliver|offer|evaluate|analy[sz]e|train|design|debug|innovate|market|promote|administer|manage|refine|optimi[sz]e|improve|enhance|develop)){1,4}\ (?:our|the|its|this)\ (?:[a-z-]+\ )?(?:services?|products?|platform|offerings|websites?|apps?)(?-u:\b)
        "
    );
    re.find_iter(&s.norm)
        .find(|m| {
            // "to further our legitimate interests in preventing fraud": an interest named after
            // it is a purpose of its own, judged by the other patterns.
            !m.as_str().ends_with("interest") && !m.as_str().ends_with("interests")
                || m.as_str().starts_with("any other")
                || {
                    let rest = &s.norm[m.end()..];
                    rest.is_empty()
                        || rest.starts_with(['.', ',', ';', ':', ')'])
                        || rest.starts_with(" such as")
                        || rest.starts_with(" including")
                        || rest.starts_with(" of us")
                        || rest.starts_with(" of ours")
                }
        })
        .map(|m| (m.start(), m.end()))
}

/// A one-line paragraph stating a purpose right after a lead-in: "Here are the ways we use your
/// information:" then "To provide, personalize and improve our Products" written as a paragraph
/// rather than a list item, so that no list links it to its lead-in.
fn paragraph_lead_in<'c>(
    cx: &'c Context,
    s: &crate::context::SentenceFacts,
) -> Option<&'c crate::context::SentenceFacts> {
    if s.lead_in.is_some() || s.norm.len() > 160 {
        return None;
    }
    let sentence = cx.doc.sentences.get(s.index)?;
    let block = &cx.doc.blocks[sentence.block];
    if block.kind != clauselint_parser::BlockKind::Paragraph
        || block.first_sentence != s.index
        || block.sentence_count != 1
        || !(s.norm.starts_with("to ") || starts_with_purpose_verb(&s.norm))
    {
        return None;
    }
    let previous = &cx.doc.blocks[sentence.block.checked_sub(1)?];
    if previous.sentence_count == 0 || !cx.doc.plain(previous.text_span).trim_end().ends_with(':') {
        return None;
    }
    cx.sentences
        .get(previous.first_sentence + previous.sentence_count - 1)
}

/// The vendor stops or is limited in using the data: "we will stop collecting and using new
/// information … to understand and improve our services", "Limit our ability to use your data to
/// improve our services". A control the customer has, not a purpose taken.
fn use_halted(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let head = &s.norm[..purpose.min(s.norm.len())];
    regex!(r"(?-u:\b)(?:stop|stops|cease|ceases|limit|limits)\ (?:our\ ability\ to\ |us\ from\ )?(?:[a-z]+\ and\ )?(?:use|using|process|processing)(?-u:\b)")
        .find_iter(head)
        .any(|m| !head[m.end()..].contains(['.', ';']))
}

/// Cookies, pixels and other tracking technologies collect data about the customer: a purpose given
/// to them ("The Services use cookies … to … operate and improve our Services", "Cookies … help us
/// to improve the Services") is a purpose given to the data they collect.
fn tracking_technology(s: &crate::context::SentenceFacts) -> bool {
    ["cookie", "pixel", "beacon", "tracking technolog"]
        .iter()
        .any(|w| s.norm.contains(w))
}

/// What cookies are for by their kind, not an open use of what they collect: "cookies for
/// advertising purposes" (the advertising is `third-party-sharing`'s to judge), "performance
/// cookies … so we can measure and improve the performance of our Services", "to enhance the
/// functionality of our website".
fn tracking_purpose(purpose: &str) -> bool {
    ["advertising", "performance", "functionality"]
        .iter()
        .any(|w| purpose.contains(w))
}

/// A notice loophole: "We will not … use the Personal Data we collected for materially different,
/// unrelated or incompatible purposes without providing you notice": the refusal gives way to a
/// notice, so the vendor may take on a new purpose by telling the customer.
fn new_purpose_on_notice(s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    if !s.norm.contains("notice") && !s.norm.contains("notify") && !s.norm.contains("inform") {
        return None;
    }
    let m = regex!(r"(?-u:\b)(?:(?:materially\ )?(?:different|unrelated|incompatible|new|other)(?:,?\ (?:or\ |and\ )?(?:unrelated|incompatible|different|new))*)\ purposes\ without\ (?:first\ )?(?:providing\ |giving\ )?(?:you\ )?(?:(?:with\ )?(?:prior\ |advance\ )?notice|notifying\ you|informing\ you)(?-u:\b)")
        .find(&s.norm)?;
    Some((m.start(), m.end()))
}

/// "a … license to use, … monetize, download … your User Content", "the right to monetize your
/// Content": turning the material into money is commercial exploitation named by its own verb, when
/// the vendor is given or takes that right. The customer's or a partner's own monetising ("Partners
/// having the opportunity to monetize their Content", "if your app … monetizes access") is not, and
/// the noun ("ineligible for monetization") names a programme, not a use.
fn monetises(s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    let m = regex!(r"(?-u:\b)moneti[sz](?:e|es|ing)(?-u:\b)").find(&s.norm)?;
    let granted = s.has(Concept::License)
        || regex!(r"(?-u:\b)(?:grant|grants|give|gives)(?-u:\b)[^.;]*(?-u:\b)(?:right|rights|permission)\ to\ $")
            .is_match(&s.norm[..m.start()])
        || actor_before(s, m.start()) == Actor::Vendor;
    if !granted {
        return None;
    }
    // "and not by selling or monetizing user content": a negator heading the coordinated verbs
    // refuses each of them, whatever clause the sentence opened with.
    let refused = regex!(r"(?-u:\b)(?:not|never)\ (?:by\ )?(?:[a-z]+,?\ ){0,4}(?:or|and|nor)\ $")
        .is_match(&s.norm[..m.start()]);
    (!refused).then(|| (m.start(), m.end()))
}

/// "to make Pinterest better", "to make our services even better", "so we can make them better":
/// improving the offering in other words. The offering is the vendor's own name, an offering noun
/// after "our" or "the", or a pronoun standing for products or services named before it.
fn makes_better(cx: &Context, s: &crate::context::SentenceFacts) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)make\ (?:(?:our|the|its)\ (?:[a-z-]+\ ){0,2}?(?:products?|services?|platform|offerings|websites?|apps?|sites?|features|tools|software|technolog(?:y|ies))|(?P<pronoun>them|it)|(?P<name>[a-z][a-z.-]*))\ (?:even\ |a\ lot\ |much\ )?better(?-u:\b)"
    );
    re.captures_iter(&s.norm).find_map(|c| {
        let m = c.get(0)?;
        let stands = if c.name("pronoun").is_some() {
            let before = &s.norm[..m.start()];
            before.contains("products") || before.contains("services")
        } else if let Some(name) = c.name("name") {
            // The vendor's own name for its offering ("make Pinterest better"), not any word
            // ("make decisions better").
            names_the_offering(cx, s, name.start(), name.end())
        } else {
            true
        };
        stands.then(|| (m.start(), m.end()))
    })
}

/// The word at `start..end` is the vendor's name or the name of its offering: a vendor alias
/// ("Tumblr"), or a term defined together with "the Service" or "the Platform" (“Pinterest” or
/// the “Service”).
fn names_the_offering(
    cx: &Context,
    s: &crate::context::SentenceFacts,
    start: usize,
    end: usize,
) -> bool {
    let word = &s.norm[start..end];
    if matches!(word, "we" | "us" | "our" | "ours") {
        return false;
    }
    if s.hits_of(Concept::Vendor)
        .any(|v| v.start == start && v.end == end)
    {
        return true;
    }
    let defs = &cx.doc.definitions;
    defs.iter()
        .filter(|d| d.term.eq_ignore_ascii_case(word))
        .any(|d| {
            defs.iter().any(|o| {
                o.sentence == d.sentence
                    && o.definition_span == d.definition_span
                    && ["service", "services", "platform", "site", "website"]
                        .iter()
                        .any(|w| o.term.eq_ignore_ascii_case(w))
            })
        })
}

/// "to provide and improve Pinterest", "to develop Pinterest": the offering improved under its own
/// name, where the name is no vendor alias the vocabulary knows.
fn improves_the_named_offering(
    cx: &Context,
    s: &crate::context::SentenceFacts,
) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:improve|improving|enhance|enhancing|develop|developing)\ (?P<name>[a-z][a-z.-]*[a-z])(?-u:\b)"
    );
    re.captures_iter(&s.norm).find_map(|c| {
        let m = c.get(0)?;
        let name = c.name("name")?;
        (!s.norm[name.end()..].starts_with("'s")
            && names_the_offering(cx, s, name.start(), name.end()))
        .then(|| (m.start(), m.end()))
    })
}

/// "The PI we obtain from users … helps us enhance and refine our Services", "this information
/// allows us to improve the Services": the data, as the subject, serves the vendor's purpose, which
/// is a use of it though no verb of use is written.
fn data_serves_vendor(s: &crate::context::SentenceFacts) -> bool {
    if !s.norm.contains(" us") {
        return false;
    }
    let re = regex!(r"(?-u:\b)(?:help|helps|allow|allows|enable|enables|lets)\ us(?-u:\b)");
    let Some(m) = re.find(&s.norm) else {
        return false;
    };
    // The subject: the first party or data word of the sentence, within its first three words.
    s.hits
        .iter()
        .filter(|h| h.end <= m.start())
        .find(|h| {
            h.is(Concept::Content)
                || h.is(Concept::Personal)
                || h.is(Concept::Data)
                || h.is(Concept::UsageData)
                || h.is(Concept::Vendor)
                || h.is(Concept::Customer)
                || h.is(Concept::ThirdParty)
        })
        .is_some_and(|h| {
            !(h.is(Concept::Vendor) || h.is(Concept::Customer) || h.is(Concept::ThirdParty))
                && s.norm[..h.start].split_whitespace().count() <= 2
        })
}

/// The use waits for the customer's permission: "we may ask you for permission to review portions
/// of your Content", "only with your express consent". What is opted into is not an open purpose
/// taken over the customer.
fn permission_first(s: &crate::context::SentenceFacts) -> bool {
    if !(s.norm.contains("permission") || s.norm.contains("consent")) {
        return false;
    }
    regex!(r"(?-u:\b)(?:ask|asks|request|requests|seek|seeks|obtain|obtains)\ (?:you\ )?(?:for\ )?(?:your\ )?(?:express\ |explicit\ |prior\ |written\ )*(?:permission|consent)(?-u:\b)|(?-u:\b)only\ (?:with|after|upon)\ (?:obtaining\ )?your\ (?:express\ |explicit\ |prior\ |written\ )*(?:permission|consent)(?-u:\b)")
    .is_match(&s.norm)
}

/// "for any other purpose with your consent": the customer permits each further purpose.
fn consent_follows(rest: &str) -> bool {
    regex!(r"^,?\ (?:with|upon|subject\ to)\ your\ (?:prior\ |express\ |explicit\ )?(?:consent|permission)(?-u:\b)|^,?\ (?:if|where|when)\ you\ (?:consent|agree)(?-u:\b)|^,?\ (?:where|for\ which|when)\ (?:your\ )?consent\ is\ (?:required|needed)(?-u:\b)")
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
        && (s.norm.starts_with("to ") || starts_with_purpose_verb(&s.norm))
        && !s.norm.contains("legitimate interest")
        && section_topic(cx, s).about_data
}

/// An entry stated as a bare verb, as purpose columns and lists write them: "Operate, maintain, and
/// improve the Services", "Manage and improve our Services", "Develop new features".
fn starts_with_purpose_verb(norm: &str) -> bool {
    regex!(r"^(?:[*•●-]\s*)?(?:for\ (?:the\ )?(?:improvement|development|research|product|service)|provide|providing|operate|operating|maintain|maintaining|manage|managing|improve|improving|develop|developing|enhance|enhancing|evaluate|evaluating|analy[sz]e|analy[sz]ing|personali[sz]e|personali[sz]ing|create|creating|build|building|conduct|conducting|perform|performing|support|supporting|research)(?-u:\b)")
    .is_match(norm)
}

/// "to prevent fraud, protect our rights …, and to help provide and improve our services": a verb
/// that negates ("prevent", "restrict") governs its own object, not the purposes listed after it.
/// A negator before that verb ("we do not restrict …") still counts.
fn purpose_negated(s: &crate::context::SentenceFacts, pos: usize, end: usize) -> bool {
    // "display of Promotional Materials, and, if so, you may not attempt to access … in any
    // manner": a refusal inside the matched stretch governs it too.
    if s.hits_of(Concept::Negation).any(|h| {
        h.start > pos
            && h.end <= end
            && !crate::grammar::is_idiomatic_negation(&s.norm, h.start, h.end)
    }) {
        return true;
    }
    let mut pos = pos;
    while let Some((start, end)) = negator_before(s, pos) {
        let verb = matches!(
            &s.norm[start..end],
            "prevent" | "prevents" | "restrict" | "restricts"
        );
        let between = &s.norm[end..pos];
        let own_object_only =
            between.contains(", ") || between.contains(" and ") || between.contains(" or ");
        let reaches = !(verb && own_object_only || new_clause_after(between));
        if reaches {
            return true;
        }
        pos = start;
    }
    false
}

/// "You agree not to make public statements …, and specifically acknowledge that any feedback …
/// may be used": a coordinated "and acknowledge that" opens a clause the refusal does not reach.
fn new_clause_after(between: &str) -> bool {
    regex!(r", and (?:[a-z]+ly )?(?:also )?(?:acknowledge|acknowledges|agree|agrees|understand|understands|accept|accepts|confirm|confirms) that ")
    .is_match(between)
}

/// "When we send you emails", "provide you with support": a message or a service sent to the
/// customer, not the customer's data passed on.
fn sends_to_customer(norm: &str, verb_end: usize) -> bool {
    let rest = &norm[verb_end.min(norm.len())..];
    rest.starts_with(" you ") || rest.starts_with(" you,") || rest.starts_with(" users ")
}

/// "we may use embedded pixels or other technologies to track information", "We may use analytics
/// software … or other tools to help diagnose problems": the vendor uses a tool, whose purpose is
/// told, not the data.
fn uses_a_tool(s: &crate::context::SentenceFacts, use_end: usize) -> bool {
    const TOOLS: &[&str] = &[
        "software",
        "tools",
        "tool",
        "technologies",
        "technology",
        "pixels",
        "pixel",
        "cookies",
        "beacons",
        "sdks",
        "scripts",
        "tags",
    ];
    s.norm[use_end.min(s.norm.len())..]
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !matches!(*w, "to" | "for" | "data" | "information" | "content"))
        .any(|w| TOOLS.contains(&w))
}

/// "These are the terms that apply to …, including how your data may be used for development": an
/// announcement of what a text covers, not a use.
fn announces_how(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let re = regex!(r"(?-u:\b)(?:including|explains?|describes?|about|details|sets out)\ how\ ");
    let head = &s.norm[..purpose.min(s.norm.len())];
    re.find_iter(head).last().is_some_and(|m| {
        let question = &head[m.end()..];
        !question.contains(", ")
            && [" may be ", " will be ", " can be ", " is ", " are "]
                .iter()
                .any(|w| question.contains(w))
    })
}

/// The limit "solely to provide …" holds only for the purposes outside it: "solely for the purposes
/// of providing and improving the Services" lists the open purpose within the limit.
fn narrowed_to(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let Some((start, end)) = narrowing(s) else {
        return false;
    };
    let within = start < purpose
        && end <= purpose
        && !s.norm[end..purpose].contains(['.', ';', ':'])
        && purpose - end <= 80;
    !within
}

/// "we develop AI-enabled tools that improve our services", "advertising offerings that generate
/// revenue to support and improve its services": the improvement is what a tool or an offering
/// does, told in a relative clause, not a purpose given to the data. A relative clause on the data
/// itself ("information that you provide to improve …") is not such a clause.
fn purpose_of_something_else(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let head = &s.norm[..purpose];
    let Some(rel) = [" that ", " which "]
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| (i, i + w.len())))
        .max()
    else {
        return false;
    };
    let (rel_start, rel_end) = rel;
    let clause = &head[rel_end..];
    if clause.contains(", ") || clause.contains(['(', ')']) || clause.split(' ').count() > 6 {
        return false;
    }
    let names_data = |h: &crate::context::Hit| {
        h.is(Concept::Content)
            || h.is(Concept::Personal)
            || h.is(Concept::Data)
            || h.is(Concept::UsageData)
    };
    // The noun the clause hangs on is not data, and the clause itself neither uses data nor names
    // a party acting ("that we use to improve" is the vendor's own act).
    let on_data = s.hits.iter().any(|h| names_data(h) && h.end == rel_start);
    let inside = s.hits.iter().any(|h| {
        h.start >= rel_end
            && h.end <= purpose
            && (names_data(h)
                || h.is(Concept::Use)
                || h.is(Concept::License)
                || h.is(Concept::Vendor)
                || h.is(Concept::Customer))
    });
    !on_data && !inside
}

/// "You agree that this license includes the right for the Company to provide, promote, and improve
/// the Services", "you agree that SurveyMonkey may collect data … to improve": the customer agrees
/// to a permission given to another party, named by a word the vocabulary may not know.
fn permission_for_another(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    let re = regex!(
        r"(?-u:\b)(?:right|rights|license|licence)\ for\ (?:the\ )?([a-z][a-z.-]*)\ to(?-u:\b)|(?-u:\b)(?:agree|agrees|acknowledge|acknowledges|understand|understands)\ that\ (?:the\ )?([a-z][a-z.-]*)\ (?:may|can|will|shall|is\ (?:free|entitled|permitted))(?-u:\b)"
    );
    re.captures_iter(&s.norm[..purpose.min(s.norm.len())])
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .any(|w| {
            !matches!(
                w.as_str(),
                "you"
                    | "your"
                    | "user"
                    | "users"
                    | "customer"
                    | "customers"
                    | "licensee"
                    | "it"
                    | "this"
                    | "these"
                    | "such"
                    | "they"
            )
        })
}

/// The aggregated word describes the data ("de-identified, anonymized or aggregate data", "content
/// that is de-identified") rather than something else ("aggregated, anonymous reporting").
fn modifies_data(norm: &str, start: usize, end: usize) -> bool {
    const NOUNS: &[&str] = &[
        "data",
        "information",
        "content",
        "statistics",
        "form",
        "level",
        "way",
        "manner",
        "basis",
        "format",
        "datasets",
        "records",
        "metrics",
        "insights",
    ];
    let before = norm[..start].trim_end();
    let predicate = ["been", "is", "are", "be", "was", "were", "being"]
        .iter()
        .any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c == ' ')
        });
    if predicate {
        return true;
    }
    if norm[start..end].ends_with(" data") {
        return true;
    }
    let mut rest = &norm[end.min(norm.len())..];
    let mut modifiers = 0;
    for _ in 0..6 {
        rest = rest.trim_start_matches([',', ' ', '"', '\'', '“', '”', '’', '/']);
        rest = rest
            .strip_prefix("and ")
            .or_else(|| rest.strip_prefix("or "))
            .unwrap_or(rest);
        let word = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        if word.is_empty() {
            return false;
        }
        if NOUNS.contains(&word) {
            return true;
        }
        let qualifier = word.ends_with("ed")
            || [
                "anonym",
                "aggregat",
                "pseudonym",
                "de-ident",
                "deident",
                "non-",
            ]
            .iter()
            .any(|w| word.starts_with(w));
        // "aggregated or de-identified Device Data", "aggregated statistical data": a word or two
        // naming the kind of data may stand before the noun.
        let stop = [
            "for", "to", "of", "with", "by", "in", "on", "at", "that", "which", "we", "you", "it",
        ]
        .contains(&word);
        if !qualifier && (stop || modifiers == 2) {
            return false;
        }
        if !qualifier {
            modifiers += 1;
        }
        rest = &rest[word.len()..];
    }
    false
}

/// "prohibiting them from using personal data for any purpose other than to provide services": an
/// open purpose cut down by an exception inside a refusal.
fn any_purpose_but(s: &crate::context::SentenceFacts, purpose_end: usize) -> bool {
    let rest = s.norm[purpose_end.min(s.norm.len())..].trim_start_matches([',', ' ']);
    ["other than", "except", "besides", "beyond", "unrelated to"]
        .iter()
        .any(|w| rest.starts_with(w))
        && s.has(Concept::Negation)
}

/// "your use of the Services", "their use of our products": the customer's use, named as a noun.
/// "whether you access any links", "when you use the Services": the customer's own act.
fn customers_use(norm: &str, start: usize, end: usize) -> bool {
    let before = norm[..start].trim_end();
    let noun = [
        "your",
        "their",
        "users'",
        "user's",
        "customer's",
        "his or her",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        && norm[end..].starts_with(" of ");
    let act = before.ends_with(" you") || before == "you";
    noun || act
}

/// "we may aggregate, anonymize, or otherwise learn from data", "combine it with": acts on data the
/// vocabulary's use verbs do not name.
fn learns_from_data(norm: &str) -> bool {
    [
        "learn from",
        "combine",
        "merge",
        "anonymize ",
        "anonymise ",
        "de-identify ",
        "deidentify ",
        "pseudonymize ",
        "pseudonymise ",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// "we must obtain from you certain rights related to Content": rights taken over the content are a
/// licence, though the sentence does not say "licence".
fn obtains_rights(norm: &str) -> bool {
    regex!(r"(?-u:\b)(?:obtain|obtains|need|needs|require|requires|receive|receives|acquire|acquires)\ (?:from\ you\ )?(?:certain\ |the\ |all\ |such\ )?(?:rights|permissions)\ (?:related\ to|in|to|over)(?-u:\b)")
    .is_match(norm)
}

/// The vendor keeps data, as an active verb with the data after it: "we retain some of your
/// information", "we may keep pseudonymised personal information". Returns the verb's end.
fn keeps_data(s: &crate::context::SentenceFacts) -> Option<usize> {
    s.hits_of(Concept::Retain)
        .filter(|h| {
            matches!(
                &s.norm[h.start..h.end],
                "retain" | "retains" | "keep" | "keeps" | "store" | "stores" | "preserve"
            ) && actor_before(s, h.start) == Actor::Vendor
        })
        .find(|h| {
            // "we may retain that communication to respond to you": the customer's message.
            regex!(r"^ (?:that|this|such|the|your|those|these) (?:communications?|correspondence|emails?)(?-u:\b)")
                .is_match(&s.norm[h.end..])
                || s.hits.iter().any(|d| {
                    d.start >= h.end
                        && d.start <= h.end + 40
                        && (d.is(Concept::Content)
                            || d.is(Concept::Personal)
                            || d.is(Concept::Data)
                            || d.is(Concept::UsageData))
                })
        })
        .map(|h| h.end)
}

/// The data is kept "to" the open purpose: an infinitive between the keeping and the purpose, and
/// not a business purpose (how long data is kept is `retention-deletion`'s finding).
fn kept_for(s: &crate::context::SentenceFacts, purpose: usize) -> bool {
    keeps_data(s).is_some_and(|kept| {
        kept < purpose
            && s.norm[kept..purpose].contains(" to ")
            && !s.norm[purpose..].starts_with("business")
            // "to pursue our legitimate interests": a ground for keeping, as vague as "legitimate
            // business purposes" and as much `retention-deletion`'s.
            && !s.norm[purpose..].split(' ').take(4).any(|w| w.starts_with("legitimate"))
    })
}

/// Content hits that are the customer's: "Third-Party Materials" and "our content" are not.
fn customer_content(s: &crate::context::SentenceFacts) -> bool {
    s.hits_of(Concept::Content).any(|h| {
        let before = &s.norm[..h.start];
        let hit = &s.norm[h.start..h.end];
        !(hit.starts_with("third")
            || hit.starts_with("our ")
            || before.ends_with("advertising ")
            || before.ends_with("marketing ")
            || before.ends_with("promotional ")
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

/// Whether the open purpose at `p_start..p_end` is one the vendor takes over the customer's data:
/// not negated, narrowed, the customer's own, aggregated data's, a processor's or a disclosure's.
fn purpose_stands(
    cx: &Context,
    s: &crate::context::SentenceFacts,
    (p_start, p_end): (usize, usize),
    uses: bool,
    data_in_section: bool,
    data_in_lead: bool,
) -> bool {
    // Keeping data for a purpose is a use of it: "we retain some of your information … to
    // continue to develop and improve our Services". Keeping it "for legitimate business
    // purposes" is a retention period, `retention-deletion`'s finding.
    if !(uses || data_in_section || kept_for(s, p_start)) {
        return false;
    }
    // The data is aggregated ("de-identified data", "aggregate data"), as opposed to the
    // vendor's act of aggregating it ("we may aggregate or learn from data … to improve").
    // "information at an aggregate level", "in a deidentified, anonymous way", and
    // "non-personally-identifying Information" are such data too.
    // "personal data, including anonymized and deidentified data", "(including anonymous
    // … information, as well as personally identifiable information)": personal data named
    // beside the aggregated is used for the purpose too.
    let aggregated_added = s.hits_of(Concept::Aggregated).any(|a| {
        let before = s.norm[..a.start].trim_end();
        before.ends_with("including") || before.ends_with("as well as") || before.ends_with('(')
    });
    let personal_named = aggregated_added
        && s.hits_of(Concept::Personal).any(|h| {
            h.start < p_start && {
                let before = &s.norm[h.start.saturating_sub(24)..h.start];
                !(before.ends_with("non-")
                    || before.ends_with("non ")
                    || s.hits_of(Concept::Aggregated)
                        .any(|a| a.end <= h.start && h.start - a.end <= 12))
            }
        });
    let aggregated_data = !personal_named
        && s.hits_of(Concept::Aggregated).any(|h| {
            h.start < p_start
                && ((s.norm[..h.end].ends_with("ed") && modifies_data(&s.norm, h.start, h.end))
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
        })
        || (s.norm[..p_start].contains("non-personal")
            // "Personally Identifiable Information and Non-Personally Identifiable Information"
            // names personal data as well.
            && !s.norm[..p_start].contains("and non-personal"));
    if aggregated_data {
        return false;
    }
    // "Amazon uses information about … who you communicate with the most, to provide and
    // improve our services": the vendor's verb governs the purpose, not the "you" of a
    // relative clause nearer to it.
    let vendor_verb = s
        .hits
        .iter()
        .filter(|h| h.end <= p_start && (h.is(Concept::Use) || h.is(Concept::License)))
        .any(|h| {
            // "… and data collected from their use, may be used to help us develop": a use in the
            // passive, with no agent, is permitted to the vendor.
            let passive = h.is(Concept::Use)
                && [" be ", " is ", " are "].iter().any(|w| {
                    s.norm[..h.start].strip_suffix(w).is_some_and(|subject| {
                        // "Users will be licensed to use …": the customer is the passive's subject.
                        let subject = subject
                            .trim_end_matches(" will")
                            .trim_end_matches(" may")
                            .trim_end_matches(" shall")
                            .trim_end_matches(" can");
                        !["you", "users", "user", "customers", "customer", "licensee"]
                            .iter()
                            .any(|c| subject.ends_with(c))
                    })
                });
            (actor_before(s, h.start) == Actor::Vendor || passive)
                && !purpose_negated(s, h.start, h.start)
        });
    let by_customer = !data_in_lead
        && actor_before(s, p_start) == Actor::Customer
        && !vendor_permission(s, p_start)
        && !permission_for_another(s, p_start)
        && !vendor_verb;
    if purpose_negated(s, p_start, p_end)
            || narrowed_to(s, p_start)
            || by_customer
            || purpose_of_something_else(s, p_start)
        || announces_how(s, p_start)
            || any_purpose_but(s, p_end)
            // "By using the Services, you agree that …" binds the customer; a licence granted
            // "by using" them still takes the purposes it lists.
            || (s.norm.contains("by using") && !s.has(Concept::License))
            || shared_with_processors(s, p_start)
            || permission_first(s)
            || consent_follows(&s.norm[p_end..])
            || purpose_of_disclosure(cx, s)
            || use_halted(s, p_start)
    {
        return false;
    }
    true
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
            // The cheap word test first: most sentences state no open purpose at all.
            if s.in_heading || !may_state_open_purpose(s) || cx.in_prohibited_list(s) {
                continue;
            }
            // Whose data: the sentence's own object, or the lead-in of a list of purposes.
            let tracking = tracking_technology(s);
            let named_data = customer_content(s)
                || s.has(Concept::Personal)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData)
                || feedback_words(s);
            let data_here = named_data || tracking;
            let data_in_lead = cx
                .lead_in(s)
                .or_else(|| paragraph_lead_in(cx, s))
                .is_some_and(|l| {
                    l.has(Concept::Content)
                        || l.has(Concept::Personal)
                        || l.has(Concept::Data)
                        || l.has(Concept::UsageData)
                });
            // "your use of the Services" is the customer's use, not the vendor's.
            let uses = s.hits_of(Concept::Use).any(|h| {
                !customers_use(&s.norm, h.start, h.end) && (tracking || !uses_a_tool(s, h.end))
            }) || (tracking && s.norm.contains(" us "))
                || s.has(Concept::License)
                || obtains_rights(&s.norm)
                || learns_from_data(&s.norm)
                || data_serves_vendor(s)
                || s.hits_of(Concept::Share)
                    .any(|h| !sends_to_customer(&s.norm, h.end))
                || data_in_lead;
            // A purpose listed under "How We Use Information We Collect" or "Purposes of
            // processing" is a use of the data the title names, though the item says neither.
            let data_in_section = !(data_in_lead || (data_here && uses))
                && ((opens_item(cx, s) && section_topic(cx, s).uses_data) || purpose_entry(cx, s));
            let keeps = keeps_data(s).is_some();
            if !(data_here || keeps || data_in_lead || data_in_section)
                || !(uses || keeps || data_in_section)
            {
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
            let standing = open_purpose_matches(s)
                .chain(further_open_purpose(s))
                .chain(unnamed_purpose(s))
                .chain(makes_better(cx, s))
                .chain(improves_the_named_offering(cx, s))
                .find(|&(p_start, p_end)| {
                    !(tracking && !named_data && tracking_purpose(&s.norm[p_start..p_end]))
                        && purpose_stands(
                            cx,
                            s,
                            (p_start, p_end),
                            uses,
                            data_in_section,
                            data_in_lead,
                        )
                });
            // A refusal that gives way to a notice is no refusal: its own test, since the negation
            // is what it reads.
            let standing = standing.or_else(|| {
                new_purpose_on_notice(s).filter(|_| (data_here || data_in_lead) && uses)
            });
            let Some((p_start, p_end)) = standing else {
                continue;
            };
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

    #[test]
    fn a_negating_verb_governs_its_own_object_not_the_purposes_after_it() {
        // Zillow Privacy Policy: "prevent fraud" is one purpose of several.
        assert_flags(ID, "We use this information to comply with our legal obligations, to monitor activity to identify and provide you with promotions and offers, and to prevent fraud, protect our rights and the rights of others, to inform our marketing and advertising activities, and to help provide and improve our services.");
        // eBay User Agreement: "detect and prevent fraudulent activity … and (ii) provide and improve".
        assert_flags(ID, "eBay's automated systems may scan and analyze the contents of every message sent through its messaging platforms, to: (i) detect and prevent fraudulent activity or violations of eBay's User Agreement and (ii) provide and improve our Services.");
        // A refusal before the verb still governs the whole list.
        assert_clean(
            ID,
            "We do not use your personal data to prevent fraud, or to improve our services.",
        );
        // Zoom Privacy Policy: "prohibiting" refuses, and "any purpose other than" is a limit.
        assert_clean(ID, "These vendors can access personal data subject to contractual and technical requirements for protecting personal data and prohibiting them from using personal data for any purpose other than to provide services to Zoom or as required by law.");
        // PlayStation Network Terms of Service: a refusal inside the matched stretch.
        assert_clean(ID, "We may prevent you from skipping or manipulating the display of Promotional Materials, and, if so, you may not attempt to access Ad Supported Content in any manner not prescribed by us.");
        // Overleaf Terms of Service: "and specifically acknowledge that" opens a clause the
        // refusal before it does not reach.
        assert_flags(ID, "You agree not to make public statements relating to any Beta Service without our prior written approval, and specifically acknowledge that any feedback you provide in relation to any Beta Service, and data collected from their use, may be used to help us develop and improve our products, notwithstanding any other provision of these Terms.");
    }

    #[test]
    fn personal_data_named_beside_aggregated_data_is_still_used() {
        // Glassdoor Privacy Policy.
        assert_flags(ID, "We use personal data, including anonymized and deidentified data, to analyze, research, and understand, and improve our products and services, understand user behavior, and enhance user experiences.");
        // Xanga Privacy Policy construction: "aggregated, anonymous reporting" is a report, not the
        // data.
        assert_flags(ID, "We use the information it collects for authentication purposes, to customize the advertising and content you see, to fulfill your requests for products and services, to provide aggregated, anonymous reporting for Xanga or third parties, to improve our services, and to communicate with you as part of the Xanga service.");
        // Thryv Privacy Policy: personal information stripped, then the anonymized data used.
        assert_clean(ID, "We may anonymize, aggregate or otherwise strip any Personal Information or other information we collect of all personally identifying characteristics and may use or share that aggregated, anonymized data with third parties for any purpose we deem appropriate.");
        // Atlassian Privacy Policy: content that is de-identified and aggregated.
        assert_clean(ID, "We may use content that is de-identified and aggregated in accordance with applicable data contribution product functionalities to develop and improve our Services.");
    }

    #[test]
    fn a_permission_given_to_a_named_party_is_the_vendors() {
        // Tagged Terms of Service.
        assert_flags(ID, "You agree that this license includes the right for the Company to provide, promote, and improve the Services and to make Content submitted to or through the Services available to other companies, organizations or individuals for the syndication, broadcast, distribution, promotion or publication of such Content on other media and services.");
        // SurveyMonkey Terms of Service.
        assert_flags(ID, "In exchange for your use of a Beta Service, you agree that SurveyMonkey may collect data regarding your use of the Beta Service, including any feedback, and analyze your Content (including manual review) to improve and troubleshoot the Service, and develop new features and insights.");
        // The customer's own right is not the vendor's.
        assert_clean(ID, "You agree that this license includes the right for you to use the analytics dashboard to improve your services.");
    }

    #[test]
    fn the_customer_as_an_object_is_not_the_actor() {
        // Firefox Privacy Policy: "to you" is an object.
        assert_flags(ID, "Mozilla processes this data to serve you relevant suggestions, understand how useful the suggestions are to you, and improve the service.");
        // Nextdoor Privacy Policy: "information about you".
        assert_flags(ID, "If you engage with third party partners through Nextdoor, the third parties may share with us certain personal information about you to allow us to coordinate, assess, and improve the services provided to you.");
        // WeTransfer Terms of Service: "provide you with", and rights obtained over Content.
        assert_flags(ID, "In order to allow us to operate, provide you with, and improve the Service and our technologies, we must obtain from you certain rights related to Content that is covered by intellectual property rights.");
        // pixiv Terms of Service: the customer is the subject of the passive.
        assert_clean(ID, "Users will be licensed to use Output Items for any purpose, as long as they do not breach the license conditions specified for any Provided Content used in 3D models created using Software.");
        // The customer still acts where it is the subject.
        assert_clean(
            ID,
            "You may use your data to improve the services you offer to your customers.",
        );
    }

    #[test]
    fn a_limit_that_lists_the_open_purpose_does_not_narrow_it() {
        // Ubiquiti Terms of Service.
        assert_flags(ID, "Customer acknowledges that the Services will require Authorized Users to share with Provider certain information which may include Personal Information regarding the Authorized Users solely for the purposes of providing and improving the Services.");
        assert_clean(
            ID,
            "We will process Customer Data solely for the purpose of providing the Services.",
        );
    }

    #[test]
    fn what_a_tool_or_an_offering_does_is_not_a_purpose_given_to_data() {
        // Starlink Privacy Policy: the tools improve the services.
        assert_clean(ID, "In all other cases, we process your personal data based on the Legitimate Interests legal basis to help us develop AI-enabled tools that improve our services and our customers’ experiences when using our service.");
        // A relative clause on the data itself keeps the purpose.
        assert_flags(
            ID,
            "We use information that you provide to improve our services.",
        );
        // GitLab Terms of Service: the vendor uses a tool.
        assert_clean(ID, "GitLab uses session replay tools to record user interactions for the purposes of improving user experience, troubleshooting technical issues, and enhancing our services.");
        // Limitless Privacy Policy: pixels are tracking technology, and what they collect is used
        // to improve the Services (the labels' decision for cookies, session 11).
        assert_flags(ID, "When we send you emails, we may use embedded pixels or other technologies to track information about your receipt and interaction with our emails, such as whether you access any links included in our emails, to learn how to deliver a better customer experience and improve our Services.");
        // GitHub Terms of Service: an announcement of what the terms cover.
        assert_clean(ID, "These are the terms that apply to GitHub Copilot and other AI features, including how your data may be used for development and improvement of the artificial intelligence and machine learning models, and the controls available to you.");
        // Bandcamp Terms of Service: advertising materials are the vendor's.
        assert_clean(ID, "You hereby grant to Company the right to use and display your trademarks solely in connection with the Service or in the marketing, promotion or advertising of the service, including in all forms of marketing, promotion, and advertising materials.");
    }

    #[test]
    fn data_kept_to_improve_the_services_is_used_for_it() {
        // Atlassian Privacy Policy.
        assert_flags(ID, "We also retain some of your information as necessary to comply with our legal obligations, to resolve disputes, to enforce our agreements, to support business operations, and to continue to develop and improve our Services.");
        // Reddit Privacy Policy: how long data is kept is `retention-deletion`'s finding.
        assert_clean(ID, "We may retain certain information for legitimate business purposes and/or if we believe doing so is in accordance with, or as required by, any applicable law.");
        // Streamable Privacy Policy: cookies that help the vendor improve the Services.
        assert_flags(ID, "Cookies are small data files stored on your hard drive or in device memory that help us to improve the Services and your experience, see which areas and features of the Services are popular and count visits.");
    }

    #[test]
    fn more_ways_of_naming_an_improvement_or_research() {
        // Substack Privacy Policy: "monitor, improve and protect".
        assert_flags(ID, "We use your information to help us monitor, improve and protect our services, content and website.");
        // Vodafone Privacy Policy: the quality of the products.
        assert_flags(ID, "We collect and combine information in order to monitor your use of products and services, and that of our other customers, as well as to help us to improve the quality of our products and services.");
        // Google Privacy Policy.
        assert_flags(
            ID,
            "We use the information we collect in existing services to help us develop new ones.",
        );
        assert_flags(
            ID,
            "And we use your information to make improvements to our services.",
        );
        // PayPal Privacy Policy: research among other purposes; Bing: the user's own research.
        assert_flags(ID, "We may use your personal information for customer analysis, to administer our Services, and for internal operations, for example troubleshooting, data analysis, testing, research and statistical purposes.");
        assert_clean(ID, "A Search is the act of an individual user manually entering text for the good faith purpose of obtaining search results for such user’s own research purposes.");
        // Streamable Privacy Policy construction: purposes joined by slashes.
        assert_flags(
            ID,
            "We use your personal data for improving / developing our products / services.",
        );
        // Vodafone Privacy Policy: consent where required limits the purpose.
        assert_clean(ID, "If Vodafone is sharing personal data for any purpose where consent is required, we will ensure to respect your preferences.");
    }

    #[test]
    fn bare_verb_purpose_entries_in_a_section_about_data() {
        // Atlassian Privacy Policy: a purpose column written as bare verbs.
        assert_flags(ID, "## How we use information\n\n| Category | Purposes |\n| --- | --- |\n| Geolocation data, such as your approximate location | Operate, maintain, and improve the Services |\n");
        assert_clean(ID, "## How we use information\n\n| Category | Purposes |\n| --- | --- |\n| Payment information | Process payments |\n");
    }

    #[test]
    fn the_vendors_own_name_for_its_offering() {
        // Tumblr Privacy Policy.
        assert_flags(ID, "Tumblr, Inc. (“Tumblr”, “we”, “us”) operates the service.\n\nWe use information about how you interact with Tumblr in order to personalize it for you, to keep both you and our community safe from harm, and to improve Tumblr for everyone who uses it.\n");
        assert_clean(ID, "Tumblr, Inc. (“Tumblr”, “we”, “us”) operates the service.\n\nYou can use the editor to improve your Tumblr posts.\n");
    }

    #[test]
    fn monetising_the_material_is_commercial_exploitation() {
        // Pinterest Terms of Service: the licence's verbs include "monetize".
        assert_flags(ID, "By providing any User Content on the Service, you grant us and our affiliates and service providers, and our users, a non-exclusive, royalty-free, transferable, sublicensable, worldwide license to use, store, publicly perform or display, reproduce, save, modify, create derivative works, monetize, download, translate and distribute your User Content, including for the purpose of promoting and redistributing part or all of the Pinterest Service.");
        // YouTube Terms of Service.
        assert_flags(ID, "You grant to YouTube the right to monetize your Content on the Service (and such monetization may include displaying ads on or within Content or charging users a fee for access).");
        // Superhuman (Grammarly) Privacy Policy: the refusal heads the coordinated verbs, after a
        // "when" clause.
        assert_clean(ID, "We make money when users purchase our paid products and not by selling or monetizing user content.");
        // Signal Privacy Policy: a refusal.
        assert_clean(ID, "Signal does not sell, rent or monetize your personal data or content in any way – ever.");
        // Google AdSense policies: the customer's own act.
        assert_clean(ID, "When you monetize your content with Google ad code you are required to adhere to the following policies.");
        // Dailymotion Terms of Service: a partner monetising its own Content.
        assert_clean(ID, "For Partners having the opportunity to monetize their Content, excluding the Content posted on such Dailymotion Account from monetization.");
        // App Store Review Guidelines: the developer's app, and a third party's content.
        assert_clean(ID, "If your app uses, accesses, monetizes access to, or displays content from a third-party service, ensure that you are specifically permitted to do so under the service’s terms of use.");
        // Tricky, Reddit Terms of Service: the noun names a programme the content may be kept out of.
        assert_clean(ID, "Although we have no obligation to screen, edit, or monitor Your Content, we may, in our sole discretion, delete, deem your content ineligible for monetization, or remove Your Content, at any time.");
    }

    #[test]
    fn making_the_offering_better_is_improving_it() {
        // Pinterest Terms of Service ("Pinterest" defined as the vendor).
        assert_flags(ID, "These Terms govern your use of any products offered by Pinterest (“Pinterest” or the “Service”).\n\nWe appreciate your feedback and will use your suggestions and reporting to make Pinterest better.");
        // Wikimedia Privacy Policy.
        assert_flags(
            ID,
            "Put simply: we use this information to make the Wikimedia Sites better for you.",
        );
        // Tricky, Mozilla Community Guidelines: "our own ideas" are no offering, and no data is used.
        assert_clean(
            ID,
            "A more productive goal is to be open to ideas that make our own ideas better.",
        );
        // A refusal.
        assert_clean(
            ID,
            "We will not use your content to make our services better.",
        );
    }

    #[test]
    fn data_that_helps_the_vendor_improve_is_used_for_it() {
        // Wolfram Privacy Policy: the data is the subject.
        assert_flags(ID, "The PI we obtain from users, site participants and visitors helps us enhance and refine our Services.");
        // Guilded Privacy Policy.
        assert_flags(ID, "Just like any other usage information we collect, this information allows us to improve the Services and customize your online experience.");
        // Tricky, ACDelco Privacy Policy: companies, not the data, help the vendor.
        assert_clean(ID, "Service providers who work on our behalf and who do not have an independent right to use the AI Assistant Interaction Information, such as companies that help us develop our products and services");
    }

    #[test]
    fn the_offering_improved_under_its_own_name() {
        // Pinterest Terms of Service: "Pinterest" is defined beside "the Service".
        assert_flags(ID, "These Terms govern your use of any products offered by Pinterest (“Pinterest” or the “Service”). For the purpose of these Terms, anything that you post is referred to as \"User Content.\"\n\nIf you choose to post User Content, you give us permission to use it to provide and improve Pinterest.");
        // Tricky: a name defined as something other than the offering.
        assert_clean(ID, "Our partner Acme Corp (“Acme”) builds our payment tools. We use your payment data to provide the Services and to improve Acme.");
        // A refusal.
        assert_clean(ID, "These Terms govern your use of any products offered by Pinterest (“Pinterest” or the “Service”).\n\nWe will never use your User Content to improve Pinterest.");
    }

    #[test]
    fn cookies_collect_data_and_their_purposes_are_its_purposes() {
        // Linear Privacy Policy.
        assert_flags(ID, "The Services use cookies and similar technologies such as pixel tags, web beacons, clear GIFs and JavaScript (collectively, “Cookies”) to enable our servers to recognize your web browser, tell us how and when you visit and use our Services, analyze trends, learn about our user base and operate and improve our Services.");
        // Hugging Face Privacy Policy: "only" does not narrow a list that names improving.
        assert_flags(ID, "We use cookies only for the purposes of delivering, updating, monitoring, improving the Services, and maintaining security on our Services by detecting, preventing and responding to any type of threats or incidents.");
        // Starlink Privacy Policy: what a performance cookie is for.
        assert_clean(ID, "Performance Cookies – used to count visitor traffic to our Site so that we can measure and improve the performance of our Site.");
        // Tinder Privacy Policy construction: advertising cookies are the sharing rule's.
        assert_clean(
            ID,
            "These cookies may also be used for advertising purposes.",
        );
        // A refusal.
        assert_clean(
            ID,
            "We do not use cookies to improve our Services or to develop new products.",
        );
    }

    #[test]
    fn purposes_named_later_or_on_mere_notice() {
        // Bitwarden Privacy Policy, list items under a lead-in naming the data.
        assert_flags(ID, "Bitwarden may use the Personal Information collected by the Site for:\n\n*   For other purposes about which we notify you and, where relevant or required, give you choice about the new purpose.\n*   Other uses for which we provide you with notice\n");
        // Linear Privacy Policy: the refusal gives way to a notice.
        assert_flags(ID, "We will not collect additional categories of Personal Data or use the Personal Data we collected for materially different, unrelated or incompatible purposes without providing you notice.");
        // ... but not to consent.
        assert_clean(ID, "We will not use the Personal Data we collected for materially different, unrelated or incompatible purposes without your consent.");
        // A purpose named now is not one named later.
        assert_clean(
            ID,
            "We will notify you before we use your personal information to process a refund.",
        );
    }

    #[test]
    fn the_vendors_business_operations_and_unnamed_interests() {
        // Bitwarden Privacy Policy.
        assert_flags(ID, "Bitwarden may use the Personal Information collected by the Site to provide you with services, to accomplish our business purposes and to fulfill other legal obligations, including:");
        // Linear Privacy Policy.
        assert_flags(ID, "We process the following categories of Personal Data when we believe it furthers the legitimate interest of us or third parties.");
        assert_flags(ID, "We may also de-identify or anonymize Personal Data to further our legitimate interests.");
        // Hugging Face Privacy Policy.
        assert_flags(ID, "Apart from the above cases, Hugging Face will use the information collected from you to pursue legitimate interests such as legal or regulatory compliance, security control, business operations, scientific research, or any other interest reasonably held as legitimate.");
        // Tricky, Proton Mail Privacy Policy: an interest named after it is a purpose of its own.
        assert_clean(ID, "In order to pursue our legitimate interest of preventing the creation of accounts by spam bots or human spammers, we use your information for human verification.");
        // Hugging Face Privacy Policy: keeping data for legitimate interests is a retention ground.
        assert_clean(ID, "We retain your Information for as long as necessary to deliver the Services, to comply with any applicable legal requirements, to maintain security and prevent incidents and, in general, to pursue our legitimate interests.");
    }

    #[test]
    fn coordinated_verbs_and_kept_messages() {
        // Discord Privacy Policy: "power" among the verbs.
        assert_flags(ID, "We may also use content posted in larger spaces to help us develop, improve, and power our services, including features that help you catch up on conversations.");
        // Guilded Privacy Policy.
        assert_flags(ID, "We process Personal Data to operate, improve, understand and personalize our Services.");
        // Wolfram Privacy Policy: the customer's message, kept to improve.
        assert_flags(ID, "When you send email or other communication to us, we may retain that communication to respond to you and improve our Services.");
        // Running the service only.
        assert_clean(
            ID,
            "We process Personal Data to operate, provide and secure our Services.",
        );
    }

    #[test]
    fn a_purpose_paragraph_after_its_lead_in() {
        // Instagram Privacy Policy: the purpose is a paragraph, not a list item.
        assert_flags(ID, "Here are the ways we use your information:\n\nTo provide, personalize and improve our Products\n");
        assert_clean(
            ID,
            "Here are the ways we use your information:\n\nTo provide our Products\n",
        );
        // A lead-in about something else gives no data.
        assert_clean(ID, "Here is what our team does every day:\n\nTo provide, personalize and improve our Products\n");
    }

    #[test]
    fn stopping_or_limiting_the_use_is_a_control() {
        // Discord Privacy Policy.
        assert_clean(ID, "If you turn off these settings, we will stop collecting and using new information about how you use and/or navigate Discord in order to understand and improve our services as described in these settings.");
        assert_clean(
            ID,
            "Limit our ability to use your data to improve our services.",
        );
        // A limit on something else leaves the purpose standing.
        assert_flags(ID, "We limit access to your data to employees, and we use your data to improve our services.");
    }
}
