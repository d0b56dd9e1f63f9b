//! `data-rights/third-party-sharing`
//!
//! ## What it flags
//! Sharing, selling or disclosing customer data to third parties, affiliates, partners or
//! advertisers — beyond processors that act only on the vendor's behalf to run the service.
//! Also US state-privacy admissions ("may be considered a “sale” or “sharing”", "we have shared
//! and/or sold the following categories of personal information", "we share … for cross-context
//! behavioral advertising"), where the recipients go unnamed. Not flagged: denials ("we do not
//! sell"), the customer's opt-out rights, and access the customer itself gives an integration.
//!
//! ## Why it matters
//! Once data reaches a third party, the contract with the vendor no longer governs it. Sharing with
//! advertisers, "partners" or the vendor's corporate group multiplies the places the data lives.

use std::sync::OnceLock;

use crate::text_regex::TextRegex;

use crate::context::{Context, Hit, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::data_rights::{opens_item, run_in_title, section_topic};
use crate::rules::{sentence_finding, snippet};
use crate::text_regex::regex;

pub struct ThirdPartySharing;

static META: RuleMeta = RuleMeta {
    id: "data-rights/third-party-sharing",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Customer data is shared with, sold or disclosed to third parties, affiliates, partners or advertisers.",
        why: "Data that reaches a third party leaves the protection of your contract with the vendor; \
              sharing with affiliates, partners or advertisers multiplies where it lives and who uses it.",
        example: "We may share your personal information with our affiliates and business partners for marketing purposes.",
        suggested: "Vendor will disclose Customer Data only to sub-processors listed in the DPA that process it \
                    on Vendor's behalf to provide the Services, under written obligations at least as \
                    protective as this Agreement.",
        references: &["REVIEW-GUIDE: Data rights; CLAUDETTE / privacy sharing categories"],
    },
};

/// Recipients that are processors acting for the vendor, not third parties using data for their own
/// ends.
const PROCESSOR_RECIPIENTS: &[&str] = &[
    "service providers",
    "vendors",
    "subprocessors",
    "sub-processors",
    "sub processors",
];

fn on_behalf() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)on (?:our|its|their|[a-z.]+'s) behalf(?-u:\b)|(?-u:\b)on behalf of(?-u:\b)|(?-u:\b)who (?:help|assist) us(?-u:\b)|(?-u:\b)(?:help|helping|assist|assisting) us (?:to )?(?:provide|operate|deliver|run)(?-u:\b)|(?-u:\b)to (?:help us )?(?:provide|operate|deliver)(?:,? (?:and |or )?(?:support|protect|maintain|secure|improve))* (?:the|our) services?(?-u:\b)|(?-u:\b)acting as (?:our )?(?:data )?processors?(?-u:\b)|(?-u:\b)subject to (?:confidentiality|contractual)(?-u:\b)"
    )
}

fn legal_only() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:required|compelled|obligated|obliged) (?:to do so |to )?by (?:law|a court|applicable law|valid legal process|legal process)(?-u:\b)|(?-u:\b)legally (?:required|compelled|obligated|obliged)(?-u:\b)|(?-u:\b)subpoena(?-u:\b)|(?-u:\b)court order(?-u:\b)|(?-u:\b)law enforcement(?-u:\b)"
    )
}

/// "… to us", "… with us": the vendor is the one receiving.
fn vendor_receives() -> &'static TextRegex {
    regex!(r"(?-u:\b)(?:to|with) us(?-u:\b)")
}

/// A processor acting for the vendor: "service providers", "sub-processors", or a third party
/// named by what it provides ("our third-party AI providers", "third-party payment processors").
fn is_processor(s: &SentenceFacts, h: &Hit) -> bool {
    let word = &s.norm[h.start..h.end];
    if glosses_processor(s, h)
        || processes_for_vendor(&s.norm[h.end..])
        || runs_infrastructure(s, h)
    {
        return true;
    }
    // "payment-related companies": companies named by the service they give.
    if PROCESSOR_RECIPIENTS.contains(&word)
        || (word.starts_with("related") && s.norm[..h.start].ends_with('-'))
    {
        return true;
    }
    let re = regex!(
        r"^ (?:[a-z-]+ ){0,2}(?:service providers|providers|processors|sub-?processors|vendors|contractors|hosting providers)(?-u:\b)"
    );
    if !word.starts_with("third") {
        return false;
    }
    // "third parties acting as agents on our behalf", "third parties for processing on our
    // behalf": the recipient is described by the work it does for the vendor.
    let for_us = regex!(
        r"^[^.;,]{0,40}?(?:on (?:our|its|[a-z.]+'s) behalf|acting as (?:our )?(?:agents?|processors?))(?-u:\b)"
    );
    re.is_match(&s.norm[h.end..]) || for_us.is_match(&s.norm[h.end..])
}

/// "our payment processing partner", "third-party computing infrastructure", "external servers
/// operated by computing partners": a party named by the processing, hosting or computing it runs
/// for the vendor.
fn runs_infrastructure(s: &SentenceFacts, h: &Hit) -> bool {
    let before = &s.norm[..h.start];
    let after = &s.norm[h.end..];
    [
        "processing ",
        "payment ",
        "hosting ",
        "computing ",
        "cloud ",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || [
            " computing infrastructure",
            " infrastructure",
            " servers",
            " data centers",
            " data centres",
            " hosting",
            " cloud infrastructure",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        || {
            // Only the last few words can say "servers operated by": search those, and only when
            // "by" is among them.
            let mut from = before.len().saturating_sub(60);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let tail = &before[from..];
            tail.contains(" by ")
                && regex!(r"(?-u:\b)(?:servers|infrastructure|data cent(?:er|re)s) (?:operated|hosted|run|managed|provided) by (?:[a-z-]+ )?$")
                    .is_match(tail)
        }
}

/// "third party service providers (subprocessors, suppliers, vendors, or partners)": a party named
/// inside a parenthesis that glosses a processor term is that processor.
fn glosses_processor(s: &SentenceFacts, h: &Hit) -> bool {
    let before = &s.norm[..h.start];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    if before[open..].contains(')') {
        return false;
    }
    let head = before[..open].trim_end();
    PROCESSOR_RECIPIENTS.iter().any(|p| head.ends_with(p))
        || ["processors", "providers", "contractors"]
            .iter()
            .any(|p| head.ends_with(p))
}

/// "transfer your Personal Information to affiliated companies for the purpose of storing or
/// processing such information on its behalf": whoever receives it does the vendor's work.
fn processes_for_vendor(after_party: &str) -> bool {
    regex!(
        r"^ (?:for the purposes? of|in order to|to) (?:[a-z]+ ){0,3}?(?:process|processing|store|storing|host|hosting)(?-u:\b)(?:,? (?:and |or )?[a-z]+)*?(?: (?:such|this|that|the|your) (?:[a-z]+ )?(?:information|data))? on (?:our|its|[a-z.]+'s) behalf(?-u:\b)"
    )
    .is_match(after_party)
        && !own_ends().is_match(after_party)
}

/// "transfer your personal data to … outside the EEA", "to other countries": where the data is
/// processed, a cross-border transfer clause rather than a disclosure to a new recipient.
fn cross_border(s: &SentenceFacts) -> bool {
    regex!(r"(?-u:\b)(?:transfer|transfers|transferred)(?-u:\b)(?:[^.;]|\.\S|\. [a-z])*(?-u:\b)(?:outside (?:of )?(?:the )?(?:eea|european|uk|united|your)|outside (?:of )?(?:those|these|such) (?:countries|jurisdictions)|across (?:country |national |international )?(?:borders|boundaries)|other countries|another country|countries other than|international(?:ly)?)(?-u:\b)")
    .is_match(&s.norm)
        || recipients_abroad().is_match(&s.norm)
}

/// "If we share your Personal Data with any … affiliates or third parties located in countries outside
/// the European Economic Area, we take steps to ensure … safeguards": where the recipients sit, a
/// cross-border clause.
fn recipients_abroad() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)if we (?:share|disclose|transfer)(?-u:\b)[^;]{0,160}?(?-u:\b)(?:located|based|established) (?:in (?:countries|a country) )?outside(?-u:\b)"
    )
}

/// "third parties with whom we may share personal data", "our affiliate, X (with whom we may share
/// your details)": the recipient named before a relative clause whose verb is the vendor's share.
fn recipient_before_relative(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"^[^.;]{0,40}?(?:with|to) whom (?:we|it|they|[a-z]+) (?:may |will |might |can |also |could )*(?:share|shares|disclose|discloses|sell|sells|transfer|transfers|provide|provides)(?-u:\b)"
    );
    s.hits_of(Concept::ThirdParty).find_map(|h| {
        let word = &s.norm[h.start..h.end];
        if PROCESSOR_RECIPIENTS.contains(&word) || matches!(word, "the public" | "other users") {
            return None;
        }
        let m = re.find(&s.norm[h.end..])?;
        let verb_end = h.end + m.end();
        let verb_start = s.norm[..verb_end].rfind(' ').map_or(h.end, |i| i + 1);
        Some((share_verb(verb_start, verb_end), (h.start, h.end)))
    })
}

/// "make Your Content available to other companies": the verb split around its object.
fn made_available_to(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(r"(?-u:\b)(?:make|makes|made|making) (?:[^ .;]+ ){1,4}?available to(?-u:\b)");
    let m = re.find(&s.norm)?;
    let verb = share_verb(m.start(), m.end());
    let window_end = (m.end() + 80).min(s.norm.len());
    s.hits_of(Concept::ThirdParty)
        .find(|h| {
            h.start >= m.end()
                && h.end <= window_end
                && !PROCESSOR_RECIPIENTS.contains(&&s.norm[h.start..h.end])
                && !matches!(&s.norm[h.start..h.end], "the public" | "other users")
                && !s.norm[m.end()..h.start].contains(';')
        })
        .map(|h| (verb, (h.start, h.end)))
}

/// "protect Personal Data from … disclosure to unauthorized third parties": a recipient the
/// sentence keeps data away from is no recipient.
fn unauthorised(s: &SentenceFacts, h: &Hit) -> bool {
    let before = &s.norm[..h.start];
    before.ends_with("unauthorized ") || before.ends_with("unauthorised ")
}

/// The recipient a share verb sends data to: a third-party hit after the verb, introduced by "with"
/// or "to", that is not a processor acting for the vendor, other users, or the public.
fn recipient_after(s: &SentenceFacts, verb_end: usize) -> Option<(usize, usize)> {
    // "disclose your Personal Information (such as contact information, device information …) to
    // our marketing and advertising partners": a parenthesis describing the data does not count
    // against the distance to the recipient.
    let rest = &s.norm[verb_end..];
    let parenthetical = rest
        .find('(')
        .filter(|open| *open < 60)
        .and_then(|open| rest[open..].find(')').map(|close| close + 1))
        .filter(|len| *len <= 240)
        .unwrap_or(0);
    let window_end = (verb_end + 160 + parenthetical).min(s.norm.len());
    let mut recipients = s
        .hits_of(Concept::ThirdParty)
        .filter(|h| h.start >= verb_end && h.end <= window_end)
        .filter(|h| {
            let between = &s.norm[verb_end..h.start];
            // "share information between and among Starbucks Corporation, its subsidiaries, and
            // affiliates", "across our services and affiliated entities".
            ([" with ", " to ", " among ", " amongst ", " across "]
                .iter()
                .any(|w| between.contains(w))
                || ["with ", "to ", "among ", "amongst ", "across "]
                    .iter()
                    .any(|w| between.starts_with(w)))
                && !between.contains(';')
                // "information you make available to us via third-party applications": the vendor
                // receives it.
                && !vendor_receives().is_match(between)
        })
        .filter(|h| {
            let word = &s.norm[h.start..h.end];
            let after = &s.norm[h.end..];
            let thing = word.starts_with("third")
                && THIRD_PARTY_THINGS.iter().any(|w| after.starts_with(w));
            !thing && !matches!(word, "the public" | "other users") && !unauthorised(s, h)
        })
        .peekable();
    let first = *recipients.peek()?;
    let only_processors = recipients.all(|h| is_processor(s, h));
    // "share your email address in hashed form with marketing vendors to present targeted
    // marketing": a vendor that matches the customer for advertising is an advertising recipient.
    let targeting = s.norm.contains("targeted") || s.norm.contains("hashed");
    if only_processors
        && !targeting
        && (on_behalf().is_match(&s.norm) || !s.norm.contains("their own"))
    {
        return None;
    }
    Some((first.start, first.end))
}

/// A third party as the one acting on the data: "our advertising partners may use these cookies to
/// collect information", "GitHub's Affiliates may use your Inputs", "you grant us and our affiliates
/// a license". Returns the verb and the third party.
fn third_party_acts(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"^(?:(?:\S+\s+){0,3}?(?:may|will|can|could|might)?|(?:\S+\s+){4}(?:may|will|can|could|might))\s*(?:(?:also|then|sometimes|further|additionally)\s+)?(?:use|uses|collect|collects|access|accesses|receive|receives|obtain|obtains|combine|combines|link|links)(?-u:\b)"
    );
    for h in s.hits_of(Concept::ThirdParty) {
        let word = &s.norm[h.start..h.end];
        if runs_infrastructure(s, h) {
            continue;
        }
        if matches!(
            word,
            "the public"
                | "other users"
                | "service providers"
                | "vendors"
                | "subprocessors"
                | "sub-processors"
                | "sub processors"
        ) {
            continue;
        }
        let after = s.norm[h.end..].trim_start_matches([',', ' ']);
        // "Third-party websites may collect information about your activity" counts; the words
        // between the party and its verb are a short noun phrase at most.
        let noun_tail = s.norm[h.end..].trim_start();
        let skip_noun = noun_tail.split(' ').take(3).position(|w| {
            matches!(
                w,
                "may"
                    | "will"
                    | "can"
                    | "could"
                    | "might"
                    | "use"
                    | "collect"
                    | "receive"
                    | "receives"
                    | "access"
            )
        });
        if skip_noun.is_none() && !re.is_match(after) {
            continue;
        }
        if let Some(m) = re.find(after) {
            // "third party apps that you use", "rely on third parties to process", "third parties
            // and use of the Network": the verb is someone else's, a purpose, or a noun.
            let lead = &after[..m.end()];
            let tail = &after[m.end()..];
            let words: Vec<&str> = lead.split(' ').collect();
            // "advertising companies that use information about your visits": a relative clause
            // whose verb is the party's own; "apps that you use" gives the verb to someone else.
            let offset = h.end + (s.norm[h.end..].len() - after.len());
            // The relative clause must act on data ("use information about your visits"), not on
            // a product ("companies that use the Meta Products").
            let verb_end = offset + m.end();
            let data_follows = s.hits.iter().any(|d| {
                d.start >= verb_end
                    && d.start <= verb_end + 40
                    && s.norm[verb_end..d.start].split_whitespace().count() <= 2
                    && (d.is(Concept::Personal) || d.is(Concept::Data) || d.is(Concept::Content))
            }) && !on_behalf().is_match(&s.norm[verb_end..]);
            let relative_of_other = words.iter().enumerate().any(|(i, w)| {
                matches!(*w, "that" | "which" | "who")
                    && !(data_follows
                        && words.get(i + 1).is_some_and(|next| {
                            matches!(*next, "may" | "will" | "can" | "could" | "might" | "also")
                                || i + 2 == words.len()
                        }))
            });
            // "you may be giving the partner access to some or all of your data": the customer
            // grants the access, and "access" is the noun it grants.
            let access_granted = matches!(tail_verb(lead), "access" | "accesses")
                && s.norm[..h.start].split(' ').rev().take(4).any(|w| {
                    matches!(
                        w,
                        "give" | "gives" | "giving" | "grant" | "grants" | "granting"
                    )
                });
            // "These third parties have access to your Personal Data only to perform these tasks
            // on our behalf": what the party does, it does for the vendor.
            let for_vendor = on_behalf().is_match(&s.norm[verb_end..])
                && !advertising_context().is_match(&s.norm)
                && !own_ends().is_match(&s.norm);
            if relative_of_other
                || access_granted
                || for_vendor
                || words.iter().any(|w| matches!(*w, "you" | "we" | "to"))
                // "its subsidiaries and affiliates (collectively, “Starlink” or “we”) collect": a
                // definition of the vendor (or of a class of things), not a party of its own.
                || lead.contains("collectively")
                // "… (collectively, “Third-Party Services”) or provide links": the party sat
                // inside a parenthesis that closes before the verb.
                || lead.matches(')').count() > lead.matches('(').count()
                || ["“we”", "\"we\"", "“us”", "\"us\""]
                    .iter()
                    .any(|w| lead.contains(w))
                || tail.starts_with(" of ")
                // "we and third parties collect": the vendor's own collection, with helpers.
                || s.norm[..h.start].ends_with("we and ")
                || s.norm[..h.start].ends_with("we and our ")
                // "We and our third-party partners collect information using cookies": still the
                // vendor's collection; what the partners then *use* it for is theirs.
                || (s.norm[..h.start].ends_with("we and our third-party ")
                    && matches!(tail_verb(lead), "collect" | "collects" | "obtain" | "obtains"))
            {
                continue;
            }
            // The match runs from the party to its verb; the verb itself is its last word, so a
            // negator in between ("will not use") governs it.
            let verb_start = offset + lead.rfind(' ').map_or(0, |i| i + 1);
            let verb = Hit {
                mask: Concept::Use.bit(),
                start: verb_start,
                end: offset + m.end(),
            };
            return Some((verb, (h.start, h.end)));
        }
    }
    // A licence or right granted to the vendor "and its affiliates".
    if s.has(Concept::License) {
        if let Some(h) = s.hits_of(Concept::ThirdParty).find(|h| {
            matches!(
                &s.norm[h.start..h.end],
                "affiliates" | "affiliated companies" | "partners" | "group companies"
            )
        }) {
            // "grant us and our affiliates a licence", "grant GitHub and its Affiliates a
            // license": the affiliates sit on either side of the licence word.
            let grant = s
                .hits_of(Concept::License)
                .min_by_key(|g| g.start.abs_diff(h.start))?;
            let gap = if grant.start < h.start {
                h.start - grant.end
            } else {
                grant.start.saturating_sub(h.end)
            };
            // "any rights and licenses granted hereunder benefit Pinterest, Inc. and all of its
            // worldwide subsidiaries and affiliates": the licence runs to them by a verb of its own.
            let benefits = {
                let (from, to) = if grant.end <= h.start {
                    (grant.end, h.start)
                } else {
                    (h.end, grant.start)
                };
                // The rights run from the customer to the vendor's group: "Customer may … provide
                // access … to its Affiliates, in which case all rights granted … shall extend to
                // such Affiliates" gives the customer's affiliates the customer's own rights.
                licence_benefits().is_match(&s.norm[from..to]) && !customer_grants_access(&s.norm)
            };
            if (gap < 60 || (benefits && gap < 120)) && !on_behalf().is_match(&s.norm) {
                return Some((*grant, (h.start, h.end)));
            }
        }
    }
    None
}

/// "any rights and licenses granted hereunder benefit … its subsidiaries and affiliates": a licence
/// running to others by a verb of its own. The licence is the one over the customer's content, so
/// it needs no data word.
fn licence_benefits() -> &'static TextRegex {
    regex!(r"(?-u:\b)(?:benefit|benefits|extend to|extends to|inure to)(?-u:\b)")
}

/// "Customer may, at its option, provide access to the Service … to its Affiliates": the customer's
/// own group receives the customer's rights.
fn customer_grants_access(norm: &str) -> bool {
    regex!(r"^(?:the )?(?:customer|you|licensee) (?:may|shall|can)(?-u:\b)").is_match(norm)
}

/// "their own purposes", "in connection with their products and services": ends of the party's own.
fn own_ends() -> &'static TextRegex {
    regex!(r"(?-u:\b)their (?:own|products|services|purposes)(?-u:\b)")
}

/// The last word of a party-to-verb match: its verb.
fn tail_verb(lead: &str) -> &str {
    lead.rsplit(' ').next().unwrap_or(lead)
}

/// A disclosure that goes beyond what the law compels: "or in the good faith belief that such
/// disclosure is reasonably necessary to … protect the rights … of the company".
fn open_ended_disclosure() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:good[- ]faith belief|reasonably (?:deemed )?necessary|deem(?:ed)? (?:it )?necessary|protect (?:our|its|the) (?:rights|interests)|protect our interests|prevent harm|public interest)(?-u:\b)"
    )
}

/// "there is joint controllership", "Google and we are joint controllers": a recipient that
/// decides the purposes of the processing itself, which no processor does.
fn joint_controller(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"(?-u:\b)joint(?:ly)? (?:data )?controll(?:ers?|ership)(?-u:\b)|(?-u:\b)(?:act|acts|acting) as (?:an )?independent (?:data )?controllers?(?-u:\b)"
    );
    let m = re.find(&s.norm)?;
    // The sentence says what passes between them, not only where the agreement is published.
    let moves =
        regex!(r"(?-u:\b)(?:collect|transmi|shar|disclos|process|receiv|send|sent)(?-u:\w)*");
    if !moves.is_match(&s.norm) {
        return None;
    }
    let hit = share_verb(m.start(), m.end());
    Some((hit, (m.start(), m.end())))
}

/// Advertising and social platforms that use what they receive for their own advertising: data
/// sent to them, or collected by them, from the vendor's site is shared beyond any processor.
const AD_PLATFORMS: &[&str] = &[
    "google",
    "meta",
    "meta platforms",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "twitter",
    "pinterest",
    "snapchat",
    "criteo",
    "bing",
];

/// What marks a platform's part as advertising or tracking rather than hosting or payments.
fn advertising_context() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:advertis(?-u:\w)*|ads|adverts?|conversions?|audiences?|remarketing|retargeting|pixel|hashed|interaction with our (?:website|site|services?)|your (?:activity|interests|browsing)|browsing (?:activity|behaviou?r))(?-u:\b)"
    )
}

/// "is transmitted to Google … to better assign conversions", "LinkedIn receives information about
/// your interaction with our website".
fn ad_platform_recipient(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !advertising_context().is_match(&s.norm) {
        return None;
    }
    static RE: OnceLock<TextRegex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let names = AD_PLATFORMS.join("|");
        TextRegex::new(&format!(
            r"(?-u:\b)(?P<verb>transmitted|transmits?|transmission|sent|sends?|shared?|shares|disclosed?|discloses|passed|passes|provided|forwarded)(?:\s+\S+){{0,8}}?\s+(?:to|with)\s+(?P<to>{names})(?-u:\b)|(?-u:\b)(?P<by>{names})\s+(?:(?:may|can|will|also)\s+)*(?P<acts>receives?|collects?|obtains?|uses?|links?|combines?)(?-u:\b)"
        ))
        .expect("valid platform regex")
    });
    let c = re.captures(&s.norm)?;
    let (verb, party) = match (c.name("verb"), c.name("to"), c.name("by"), c.name("acts")) {
        (Some(v), Some(t), _, _) => (v, t),
        (_, _, Some(b), Some(a)) => (a, b),
        _ => return None,
    };
    // "sent to Google Cloud", "Google Analytics": a product name that continues the company's.
    let after = s.norm[party.end()..].trim_start();
    if [
        "cloud",
        "workspace",
        "analytics",
        "maps",
        "fonts",
        "pay",
        "play",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return None;
    }
    Some((
        share_verb(verb.start(), verb.end()),
        (party.start(), party.end()),
    ))
}

/// How a lead-in leaves its recipients to its list items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SharingLeadIn {
    /// "We may share with…", "We disclose your data to:": the verb waits for its recipients.
    Recipients,
    /// "We may disclose your information also:", "We may share Personal Data as follows:": the
    /// data is named, the recipients are left to the items' heads.
    ObjectOnly,
}

fn sharing_lead_in(l: &SentenceFacts) -> Option<SharingLeadIn> {
    let colon = l.norm.trim_end().ends_with(':');
    let end = l.norm.len();
    let mut found = None;
    for h in l.hits_of(Concept::Share) {
        if negated(l, h.start) || actor_before(l, h.start) == Actor::Customer {
            continue;
        }
        let tail = l.norm[h.end..].trim_end_matches(['.', ':', '…', ' ', '-', '—']);
        if tail.ends_with(" with") || tail.ends_with(" to") || tail.is_empty() {
            return Some(SharingLeadIn::Recipients);
        }
        // "We disclose your PI for a business purpose to the following categories of third
        // parties:": the recipients are the items.
        if colon
            && regex!(r"(?-u:\b)(?:to|with) the following (?:categories|types|kinds) of (?:third parties|recipients|parties|entities|companies)$")
                .is_match(tail)
        {
            return Some(SharingLeadIn::Recipients);
        }
        let object_only = colon
            && !tail.contains(" to ")
            && !tail.contains(" with ")
            && !l.has_in(Concept::ThirdParty, h.end, end)
            && (l.has_in(Concept::Personal, h.end, end)
                || l.has_in(Concept::Data, h.end, end)
                || l.has_in(Concept::Content, h.end, end)
                || l.has_in(Concept::UsageData, h.end, end));
        if object_only {
            found = Some(SharingLeadIn::ObjectOnly);
        }
    }
    found
}

/// A list item naming a recipient of its lead-in's share verb: "Our corporate affiliates", "Our
/// business partners … including advertisers", "Law enforcement and others as necessary to …
/// prevent harm".
fn recipient_item(cx: &Context, s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let l = cx.lead_in(s)?;
    // A run-in title ("**Development Partners.** We may share …") leaves the recipient to the
    // entry's own sentences, which are read for themselves; under a lead-in that names only the
    // data, the recipient is at an item's head, not in its later sentences ("Customers may enable
    // Third-Party Services").
    match sharing_lead_in(l)? {
        _ if run_in_title(cx, s) => return None,
        SharingLeadIn::ObjectOnly if !opens_item(cx, s) => return None,
        _ => {}
    }
    let verb = share_verb(0, 0);
    // "Third parties to whom you or your agents authorize us to disclose your PI": the customer's
    // choice.
    if s.norm.contains("authorize us") || s.norm.contains("authorise us") {
        return None;
    }
    // The item's first words name the recipient; a longer sentence that merely mentions a third
    // party is not one.
    let head_end = s.norm.len().min(40);
    if let Some(h) = s.hits_of(Concept::ThirdParty).find(|h| {
        let word = &s.norm[h.start..h.end];
        h.start < head_end
            && !is_processor(s, h)
            && !matches!(word, "the public" | "other users")
            && (!word.starts_with("third") || !s.norm[h.end..].starts_with(" web"))
    }) {
        return Some((verb, (h.start, h.end)));
    }
    if legal_only().is_match(&s.norm) && open_ended_disclosure().is_match(&s.norm) {
        let m = legal_only().find(&s.norm)?;
        return Some((verb, (m.start(), m.end())));
    }
    // "For any other purpose disclosed by us when you provide the Information.": the item opens the
    // disclosure to whatever purpose the vendor names later.
    any_purpose()
        .find(&s.norm)
        .map(|m| (verb, (m.start(), m.end())))
}

/// "for any other purpose", "for any lawful purpose": a disclosure with no purpose that limits it.
fn any_purpose() -> &'static TextRegex {
    regex!(r"(?-u:\b)for any (?:other )?(?:lawful |legitimate |business )?purposes?(?-u:\b)")
}

/// A lead-in that names the data ("We may disclose Information that we collect or you provide as
/// described in this Privacy Policy:", "Here are instances when we may disclose your personal
/// data:") and whose items send it to a recipient beyond a processor: the lead-in is where the
/// disclosure is made. Returns the item and the recipient in it.
fn list_of_recipients<'c>(
    cx: &'c Context,
    s: &SentenceFacts,
) -> Option<(&'c SentenceFacts, (usize, usize))> {
    // "All other transfers, uses, or sales of user data are prohibited, including:", "California
    // residents may also request the following information:": the list is of what is forbidden or
    // what the customer may ask for.
    if !s.norm.trim_end().ends_with(':')
        || sharing_lead_in(s).is_none()
        || s.norm.contains("prohibit")
        || rights_lead_in().is_match(&s.norm)
    {
        return None;
    }
    // "By sharing Content on Bluesky, you grant us …": the customer's sharing.
    let share = s.hits_of(Concept::Share).find(|h| {
        !negated(s, h.start)
            && actor_before(s, h.start) != Actor::Customer
            && !s.norm[..h.start].ends_with("by ")
    })?;
    // "Examples of when we may share your personal data with service providers include sharing
    // with:": the items describe the lead-in's processors.
    if s.hits_of(Concept::ThirdParty).any(|h| is_processor(s, h)) {
        return None;
    }
    let end = s.norm.len();
    let names_data = [
        Concept::Personal,
        Concept::Data,
        Concept::Content,
        Concept::UsageData,
    ]
    .iter()
    .any(|c| s.has_in(*c, share.end, end));
    if !names_data {
        return None;
    }
    cx.sentences
        .iter()
        .skip(s.index + 1)
        .take(40)
        .take_while(|t| t.lead_in.is_some())
        .filter(|t| t.lead_in == Some(s.index) && t.norm.len() < 240)
        .filter(|t| !excluded(&t.norm) && !consent_gated(t, None))
        .find_map(|t| recipient_item(cx, t).map(|(_, r)| (t, r)))
}

/// "may also disclose Your Content … in the good faith belief that such disclosure is reasonably
/// necessary", "may share your private information pursuant to our Privacy Policy", "as permitted
/// by law": a disclosure of the customer's data to whoever the vendor chooses.
fn open_disclosure_without_recipient(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    // "… or to protect the rights or property of itself or others that are directly related to
    // providing the Services": the open words are tied back to running the service.
    if [
        "directly related to providing",
        "directly related to the provision",
        "strictly necessary to provide",
    ]
    .iter()
    .any(|w| s.norm.contains(w))
    {
        return None;
    }
    let open = open_disclosure_basis();
    let broad = open_ended_disclosure().is_match(&s.norm);
    let open_match = open.find(&s.norm);
    if !broad && open_match.is_none() {
        return None;
    }
    s.hits_of(Concept::Share)
        .filter(|h| {
            matches!(
                &s.norm[h.start..h.end],
                "share" | "shares" | "disclose" | "discloses" | "sell" | "sells"
            )
        })
        .filter(|h| actor_before(s, h.start) != Actor::Customer && !negated(s, h.start))
        .find_map(|h| {
            // The object right after the verb is the customer's data: "disclose Your Content",
            // "share your personal data".
            let window = (h.end + 48).min(s.norm.len());
            let object = s.hits.iter().find(|d| {
                d.start >= h.end
                    && d.end <= window
                    && (d.is(Concept::Content) || d.is(Concept::Personal) || d.is(Concept::Data))
                    && !s.norm[h.end..d.start].contains([',', ';'])
            })?;
            // With no recipient named, the phrase that opens the disclosure stands in its place:
            // the data itself is not a recipient.
            let (p_start, p_end) = open_match
                .or_else(|| open_ended_disclosure().find(&s.norm))
                .map_or((object.start, object.end), |m| (m.start(), m.end()));
            Some((*h, (p_start, p_end)))
        })
}

/// "as permitted by law", "pursuant to our Privacy Policy": a basis that leaves the recipient open.
fn open_disclosure_basis() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:permitted|allowed) by (?:applicable )?law(?-u:\b)|(?-u:\b)(?:pursuant to|in accordance with|as (?:set forth|described) in) (?:the terms (?:set forth |described )?(?:in|of) )?our privacy (?:policy|statement|notice)(?-u:\b)"
    )
}

/// What lies between "provide" and its recipient: the data, then "to" ("provide information to
/// analytics and measurement partners", "provide information to our related companies, including
/// … affiliates"), not information *about* something ("provide information about or links to
/// third-party products").
fn provided_to(between: &str) -> bool {
    let Some(to) = between.find(" to ") else {
        return false;
    };
    let object = &between[..to];
    object.len() <= 50
        && between.len() <= 160
        && !object.contains([',', ';'])
        && !object
            .split_whitespace()
            .any(|w| matches!(w, "about" | "regarding" | "on" | "for" | "with"))
}

/// The byte offset `max_chars` characters after `from`, or the end of `text`.
fn chars_after(text: &str, from: usize, max_chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| from + i)
}

/// The first match of `tail` that starts at most `max_chars` characters after `from` with no full
/// stop or semicolon before it: what `[^.;]{0,N}?tail` matches, without the bounded repetition
/// of a negated class that makes a regex costly to search.
fn tail_within<'t>(
    text: &'t str,
    from: usize,
    max_chars: usize,
    tail: &TextRegex,
) -> Option<crate::text_regex::Found<'t>> {
    let stop = text[from..]
        .find(['.', ';'])
        .map_or(text.len(), |i| from + i);
    let limit = stop.min(chars_after(text, from, max_chars));
    tail.find_at(text, from).filter(|m| m.start() <= limit)
}

/// "provide … with ": a provide or supply verb and the first " with " within 100 characters of
/// it in the same clause. Returns the verb's start and the end of " with ".
fn provide_then_with(norm: &str) -> Option<(usize, usize)> {
    let verb = regex!(r"(?-u:\b)(?:provide|provides|providing|supply|supplies) ");
    verb.find_iter(norm).find_map(|v| {
        // At least one character of object between the verb and " with ".
        let from = chars_after(norm, v.end(), 1);
        let stop = norm[v.end()..]
            .find(['.', ';'])
            .map_or(norm.len(), |i| v.end() + i);
        let at = from + norm.get(from..)?.find(" with ")?;
        (at <= stop && at <= chars_after(norm, v.end(), 100))
            .then(|| (v.start(), at + " with ".len()))
    })
}

/// "We provide ad-serving companies, ad networks and advertising companies with information":
/// the recipient sits between the verb and the data.
fn provided_with_data(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    // The literals the pattern cannot match without: most sentences have neither, and its bounded
    // stretch is costly to search.
    if !(s.norm.contains(" with ") && (s.norm.contains("provid") || s.norm.contains("suppl"))) {
        return None;
    }
    let (m_start, with_end) = provide_then_with(&s.norm)?;

    let data_follows = s.hits.iter().any(|d| {
        d.start >= with_end
            && d.start <= with_end + 24
            && (d.is(Concept::Personal) || d.is(Concept::Data) || d.is(Concept::Content))
            && !s.norm[with_end..d.start]
                .split_whitespace()
                .any(|w| matches!(w, "whom" | "which" | "that" | "who"))
    });
    // "with no more information than what is necessary to enable them to provide the services to
    // us", "to help us offer or operate our products": recipients working for the vendor.
    if on_behalf().is_match(&s.norm)
        || [
            "to help us",
            "services to us",
            "for us",
            "no more information than",
        ]
        .iter()
        .any(|w| s.norm.contains(w))
    {
        return None;
    }
    let recipient = s.hits_of(Concept::ThirdParty).find(|h| {
        h.start > m_start
            && h.end <= with_end
            && !is_processor(s, h)
            && !matches!(&s.norm[h.start..h.end], "the public" | "other users")
    })?;
    if !data_follows || actor_before(s, m_start) != Actor::Vendor || negated(s, m_start) {
        return None;
    }
    let verb_end = m_start + s.norm[m_start..].find(' ').unwrap_or(0);
    Some((
        share_verb(m_start, verb_end),
        (recipient.start, recipient.end),
    ))
}

/// Interest-based advertising run by others: "we use third-party advertising companies to serve
/// you targeted advertisements based on your browsing history", "we partner with … advertising
/// networks … to help us track your activity". The ad companies collect the data for their own
/// targeting, which no processor does.
fn advertising_companies_engaged(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    // The literals the pattern cannot match without (a recipient noun, then ads or tracking).
    if !(s.norm.contains("ad")
        && [
            " companies",
            " networks",
            " partners",
            " providers",
            " vendors",
            " servers",
        ]
        .iter()
        .any(|w| s.norm.contains(w))
        && (s.norm.contains("ads") || s.norm.contains("advertis") || s.norm.contains("track")))
    {
        return None;
    }
    let re = regex!(
        r"(?x)
            (?-u:\b)(?P<verb>use|uses|work\ with|works\ with|engage|engages|partner\ with|partners\ with)\ (?:[\w-]+,?\ ){0,8}?
            (?P<party>(?:advertising|ad|ad-serving|ad\ serving)\ (?:companies|networks|partners|providers|vendors|servers|technology\ companies))(?-u:\b)
            [^.;]{0,100}?(?-u:\b)(?:(?:serve|deliver|show|display|target)(?-u:\w)*\ [^.;]{0,60}?(?-u:\b)(?:ads|advertisements|advertising)(?-u:\b)|track(?-u:\w)*\ (?:your|users?|their))
        "
    );
    let c = re.captures(&s.norm)?;
    let (verb, party) = (c.name("verb")?, c.name("party")?);
    if negated(s, verb.start()) || actor_before(s, verb.start()) == Actor::Customer {
        return None;
    }
    Some((
        share_verb(verb.start(), verb.end()),
        (party.start(), party.end()),
    ))
}

/// US state-privacy wording that admits a sale or "sharing": "we have shared and/or sold the
/// following categories of personal information", "disclosures … may be considered a “sale”",
/// "we share … for cross-context behavioral advertising". The recipients are advertisers and
/// data buyers even where the sentence does not name them. A right to opt out of a sale, or a
/// denial ("we do not sell"), admits nothing.
fn state_law_sale(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !(s.norm.contains("sold")
        || s.norm.contains("sale")
        || s.norm.contains("selling")
        || s.norm.contains("advertising"))
    {
        return None;
    }
    let (m_start, m_end) = state_law_sale_find(&s.norm)?;
    let before = &s.norm[..m_start];
    // "You have the right to opt out of …", "the right to know how and when we sell …": a right
    // the customer has, not a practice admitted.
    if [
        "right to",
        "opt out",
        "opt-out",
        "request that",
        "do not",
        "does not",
        "not ",
    ]
    .iter()
    .any(|w| before.contains(w))
        || negated(s, m_start)
        // "If you believe our online tracking technologies qualify as a “sale”": a verb of being
        // has no actor, and the customer who believes it is not the one selling.
        || (!copular_sale(&s.norm[m_start..m_end]) && actor_before(s, m_start) == Actor::Customer)
    {
        return None;
    }
    let data = s.has(Concept::Personal)
        || s.has(Concept::Data)
        || s.has(Concept::Content)
        || s.norm.contains("categories");
    data.then(|| (share_verb(m_start, m_end), (m_start, m_end)))
}

fn copular_sale(phrase: &str) -> bool {
    ["considered", "deemed", "constitut", "qualif", "treated"]
        .iter()
        .any(|w| phrase.starts_with(w))
}

/// The state-law sale wording of [`state_law_sale`]: its start and end in `norm`, the earliest
/// of its shapes (the first shape listed wins a tie).
fn state_law_sale_find(norm: &str) -> Option<(usize, usize)> {
    // "considered a “sale” or “sharing”", "qualify as a sale": worth searching only where a verb
    // of being considered is present.
    let deemed = regex!(
        r#"(?x)
            (?-u:\b)(?:considered|deemed|constitutes?|constituting|qualifies\ as|qualify\ as|treated\ as)\ (?:an?\ |the\ )?(?:[“"'][^”"'.;]{1,30}[”"'],?\ (?:or\ |and\ |and/or\ )?){0,3}?[“"']?(?:sale|sales|selling|sharing|sold|shared)(?-u:\b)
        "#
    );
    let plain = regex!(
        r"(?-u:\b)we will stop (?:selling|sharing)(?-u:\b)|(?-u:\b)(?:have|has|may have) (?:shared|sold)(?:,? (?:and/or|and|or) (?:shared|sold|disclosed))?(?-u:\b)"
    );
    // "use third-party advertising partners … for interest-based advertising".
    let engages = regex!(
        r"(?-u:\b)(?:use|uses|work with|works with|engage|engages) (?:third[- ]party )?(?:advertising|ad|analytics) (?:and (?:advertising|ad|analytics) )?(?:services|partners|networks|companies|providers)(?-u:\b)"
    );
    let targeted = regex!(
        r"(?-u:\b)(?:interest[- ]based|targeted|cross[- ]context(?:ual)? behaviou?ral) advertising(?-u:\b)"
    );
    // "share … for cross-context behavioral advertising".
    let shares = regex!(
        r"(?-u:\b)(?:share|shares|sharing|shared|sell|sells|selling|sold|disclose|discloses|disclosed)(?-u:\b)"
    );
    let for_targeted = regex!(
        r"(?-u:\b)for (?:the )?(?:purposes? of )?(?:cross[- ]context(?:ual)? behaviou?ral|targeted|interest[- ]based) advertising(?-u:\b)"
    );
    let deemed_at = if ["consider", "deem", "constitut", "qualif", "treated"]
        .iter()
        .any(|w| norm.contains(w))
    {
        deemed.find(norm).map(|m| (m.start(), m.end()))
    } else {
        None
    };
    let plain_at = plain.find(norm).map(|m| (m.start(), m.end()));
    let advertising = norm.contains("advertising");
    let engages_at = if advertising {
        engages
            .find_iter(norm)
            .find_map(|h| tail_within(norm, h.end(), 200, targeted).map(|t| (h.start(), t.end())))
    } else {
        None
    };
    let shares_at = if advertising {
        shares.find_iter(norm).find_map(|h| {
            tail_within(norm, h.end(), 100, for_targeted).map(|t| (h.start(), t.end()))
        })
    } else {
        None
    };
    // The shapes in the order of precedence; `min_by_key` keeps the first of equal starts.
    [deemed_at, plain_at, engages_at, shares_at]
        .into_iter()
        .flatten()
        .min_by_key(|(start, _)| *start)
}

/// A merger, acquisition, sale of assets, bankruptcy or other change of control: the buyer or
/// successor that receives the data is a new controller, bound by nothing the customer agreed to.
fn corporate_deal() -> &'static TextRegex {
    regex!(
        r"(?x)
            (?-u:\b)(?:mergers?|acquisitions?|acquired\ by|reorgani[sz]ations?|restructur(?:e|ing|ings)|bankruptcy|insolvency|receivership|divestitures?|liquidation|corporate\ transactions?|business\ transfers?|asset\ (?:sales?|transfers?))(?-u:\b)
          | (?-u:\b)change\ (?:of|in)\ (?:control|ownership)(?-u:\b)
          | (?-u:\b)(?:sale|sell|sold|transfer|disposition)\ (?:of\ )?(?:all|substantially\ all|some|any|part|a\ portion|a\ part)(?:\ or\ (?:substantially\ all|some|any|part|a\ portion))*\ (?:(?-u:\w)+\ )?of\ (?:our|its|the|their)\ (?:(?-u:\w)+\ )?(?:business|assets|stock|shares|company|companies)(?-u:\b)
          | (?-u:\b)(?:sale|sell|sold|transfer|disposition)\ of\ (?:our|its|the\ company's|their)\ (?:(?-u:\w)+\ )?(?:business|assets|company|stock)(?-u:\b)
          | (?-u:\b)sales?\ of\ assets(?-u:\b)
          | (?-u:\b)(?:prospective|potential|actual)\ (?:buyers?|purchasers?|acquirers?)(?-u:\b)
        "
    )
}

/// "If we are involved in a merger, acquisition … your information may be transferred as part of
/// that deal", "we will provide information to a third party in the event of any reorganization,
/// merger, sale …", or an item "To facilitate a sale, merger or change in control …" under "We may
/// share information for the following purposes:". Assignment of the agreement itself ("Customer
/// may assign this Agreement … in connection with a merger") moves no data and is left alone.
fn corporate_transaction(cx: &Context, s: &SentenceFacts) -> Option<(Option<Hit>, (usize, usize))> {
    // "We may share information for the following purposes:": any share verb of the vendor's
    // governs its items, whether or not it waits for a recipient.
    let lead = cx.lead_in(s).filter(|l| {
        l.hits_of(Concept::Share).any(|h| {
            l.norm[h.start..h.end] != *"sale"
                && !negated(l, h.start)
                && actor_before(l, h.start) != Actor::Customer
        })
    });
    if lead.is_none() && !s.has(Concept::Share) {
        return None;
    }
    let data_here = s.has(Concept::Personal)
        || s.has(Concept::Content)
        || s.has(Concept::Data)
        || s.has(Concept::UsageData);
    let data_in_lead = lead.is_some_and(|l| {
        l.has(Concept::Personal) || l.has(Concept::Content) || l.has(Concept::Data)
    });
    if !(data_here || data_in_lead) {
        return None;
    }
    let deal = corporate_deal().find(&s.norm)?;
    let back_reference = ["such ", "that ", "this ", "the same "]
        .iter()
        .any(|w| s.norm[..deal.start()].ends_with(w));
    let share = s.hits_of(Concept::Share).find(|h| {
        let word = &s.norm[h.start..h.end];
        // "sale" names the deal, not the data's movement; so does "assignment or other transfer"
        // in a sentence that only refers back to a deal ("collected before such merger").
        let noun = back_reference
            && (s.norm[..h.start].ends_with("other ") || s.norm[..h.start].ends_with("such "));
        word != "sale"
            && !noun
            && actor_before(s, h.start) != Actor::Customer
            && !negated(s, h.start)
    });
    match share {
        Some(h) => Some((Some(*h), (deal.start(), deal.end()))),
        // The item itself has no verb; the lead-in's share verb governs it.
        None if lead.is_some() && s.norm.len() < 240 => Some((None, (deal.start(), deal.end()))),
        None => None,
    }
}

/// The recipient's own business as the end data serves: "help them … improve their business", "the
/// operational purposes of our … partners".
fn recipients_own_ends() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:help|helping|enable|enabling|allow|allowing) them (?:to )?(?:[a-z]+ ){0,3}?(?:improve|grow|develop|market|promote) their (?:own )?(?:business|businesses|products|services)(?-u:\b)|(?-u:\b)purposes of (?:our|its) (?:[a-z-]+ ){0,4}?(?:partners|affiliates|advertisers)(?-u:\b)"
    )
}

/// Data given to serve the recipient's own business: "we may disclose certain information to these
/// users in order to … help them understand and improve their business", or an item "the
/// operational purposes of our service providers and integration partners" under "Personal
/// Information … is used for the following purposes:". Whoever the recipient is, it then uses the
/// data for ends of its own, as no processor does.
fn serves_recipients_own_ends(
    cx: &Context,
    s: &SentenceFacts,
) -> Option<(Option<Hit>, (usize, usize))> {
    if !(s.norm.contains("their") || s.norm.contains("purposes of")) {
        return None;
    }
    let m = recipients_own_ends().find(&s.norm)?;
    let data = |f: &SentenceFacts| {
        f.has(Concept::Personal) || f.has(Concept::Data) || f.has(Concept::Content)
    };
    let lead = cx.lead_in(s);
    // The vendor's share verb before the ends, in the same clause, or the lead-in's verb of use
    // or sharing over an item that has none.
    let share = s.hits_of(Concept::Share).find(|h| {
        h.end <= m.start()
            && !s.norm[h.end..m.start()].contains(';')
            && !matches!(
                &s.norm[h.start..h.end],
                "sale" | "pass" | "passed" | "exchange" | "trade"
            )
            && actor_before(s, h.start) != Actor::Customer
            && !negated(s, h.start)
    });
    let from = share.map_or(0, |h| h.start);
    let between = &s.norm[from..m.start()];
    if ["not ", "never ", "prohibit", "other than", "except"]
        .iter()
        .any(|w| between.contains(w))
    {
        return None;
    }
    match share {
        Some(h) if data(s) => Some((Some(*h), (m.start(), m.end()))),
        None if s.norm.len() < 240
            && lead.is_some_and(|l| {
                data(l)
                    && (l.has(Concept::Use) || l.has(Concept::Share))
                    && !l.hits.iter().any(|h| negated(l, h.start))
            }) =>
        {
            Some((None, (m.start(), m.end())))
        }
        _ => None,
    }
}

/// "Partners: if you have a relationship with one of our partners, we may share certain personal
/// information with them", "provided by these independent business partners, we may share your
/// information with them": the recipient is a pronoun for a party the sentence named before the verb.
fn pronoun_recipient(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !(s.norm.contains(" them") || s.norm.contains(" these ") || s.norm.contains(" such ")) {
        return None;
    }
    let re = regex!(
        r"(?-u:\b)(?:with|to) (?:them|these (?:companies|parties|entities|organi[sz]ations)|such (?:companies|parties|entities|organi[sz]ations))(?-u:\b)"
    );
    let to = re.find(&s.norm)?;
    // The share verb right before the pronoun, in the same clause, is the vendor's.
    let share = s
        .hits_of(Concept::Share)
        .filter(|h| {
            h.end <= to.start()
                && to.start() - h.end <= 80
                && !s.norm[h.end..to.start()].contains([';', ','])
                && !matches!(
                    &s.norm[h.start..h.end],
                    "sale" | "pass" | "passed" | "exchange" | "trade"
                )
        })
        .last()?;
    if actor_before(s, share.start) == Actor::Customer
        || vendor_receives().is_match(&s.norm[share.end..to.end()])
    {
        return None;
    }
    let data = s.hits.iter().any(|d| {
        d.start >= share.end
            && d.end <= to.start()
            && (d.is(Concept::Personal) || d.is(Concept::Data) || d.is(Concept::Content))
    });
    let party = s
        .hits_of(Concept::ThirdParty)
        .filter(|h| h.end <= share.start)
        .last()?;
    let word = &s.norm[party.start..party.end];
    // "We rely on third parties to process … transactions and must therefore share payment
    // information with them": parties engaged to do the vendor's work.
    let engaged = [
        "rely on ",
        "relies on ",
        "engage ",
        "engages ",
        "use ",
        "hire ",
        "retain ",
        "assistance from ",
    ]
    .iter()
    .any(|w| s.norm[..party.start].ends_with(w))
        || s.norm.contains("so that we can provide")
        || [
            " to process",
            " to provide",
            " to perform",
            " to help",
            " to handle",
            " to host",
            " to operate",
        ]
        .iter()
        .any(|w| s.norm[party.end..].starts_with(w));
    if !data
        || engaged
        || is_processor(s, party)
        || matches!(word, "the public" | "other users")
        || third_party_thing(s, party)
        || on_behalf().is_match(&s.norm)
    {
        return None;
    }
    Some((*share, (party.start, party.end)))
}

/// What follows "third-party" when it names a thing rather than a party: "third-party websites",
/// "third-party apps".
const THIRD_PARTY_THINGS: &[&str] = &[
    " websites",
    " sites",
    " links",
    " content",
    " cookies",
    " applications",
    " apps",
    " offerings",
    " materials",
    " products",
    " software",
    " license",
];

/// Third-party things rather than parties, counting what a third party offers as a thing too
/// ("third-party services", "third-party integrations").
fn third_party_thing(s: &SentenceFacts, h: &Hit) -> bool {
    let after = &s.norm[h.end..];
    s.norm[h.start..h.end].starts_with("third")
        && THIRD_PARTY_THINGS
            .iter()
            .chain(&[
                " services",
                " service",
                " integrations",
                " tools",
                " platforms",
            ])
            .any(|w| after.starts_with(w))
}

/// "allow certain third-party advertising companies to collect your hashed email address", "to
/// allow Zoom and Zoom's authorized third parties to access, use, and share Customer Content": the
/// vendor lets a third party take the data itself. Access the customer gives its own apps ("you may
/// allow third-party applications to access your account") is the customer's choice.
fn allowed_to_take(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"(?-u:\b)(?:allow|allows|allowed|allowing|permit|permits|permitted|permitting|enable|enables|enabling)(?-u:\b)"
    );
    let act = regex!(
        r"^ (?:[^ .;]+ ){0,4}?to (?:(?:directly|also|then) )?(?:access|use|collect|obtain|receive|share|process|combine)(?-u:\b)"
    );
    if !(s.norm.contains("allow") || s.norm.contains("permit") || s.norm.contains("enabl")) {
        return None;
    }
    re.find_iter(&s.norm).find_map(|v| {
        // "Clicking on links … may allow third parties to collect", "Using third-party products
        // … may allow the third party to collect": what the customer's own visit lets through.
        let subject = &s.norm[..v.start()];
        if negated(s, v.start())
            || subject.contains("click")
            || subject.contains("link")
            || [
                "using ",
                "enabling ",
                "connecting ",
                "visiting ",
                "interacting ",
            ]
            .iter()
            .any(|w| subject.starts_with(w))
        {
            return None;
        }
        let stop = s.norm[v.end()..]
            .find(['.', ';'])
            .map_or(s.norm.len(), |i| v.end() + i);
        let window = stop.min(v.end() + 80);
        let party = s.hits_of(Concept::ThirdParty).find(|h| {
            let word = &s.norm[h.start..h.end];
            h.start >= v.end()
                && h.end <= window
                && !is_processor(s, h)
                && !matches!(word, "the public" | "other users")
                && !third_party_thing(s, h)
                && !unauthorised(s, h)
                && act.is_match(&s.norm[h.end..])
        })?;
        // Whose party it is: the customer's own ("your third-party providers") is left alone;
        // the vendor's ("our partners", "Zoom's authorized third parties") counts whoever allows.
        let before = &s.norm[v.end()..party.start];
        if before.split(' ').any(|w| w == "your") {
            return None;
        }
        let vendors = before
            .split(' ')
            .any(|w| matches!(w, "our" | "its") || w.ends_with("'s"));
        if !vendors && actor_before(s, v.start()) == Actor::Customer {
            return None;
        }
        // The data the party takes follows its verb.
        let after = party.end + act.find(&s.norm[party.end..])?.end();
        let data = s.hits.iter().any(|d| {
            d.start >= after
                && d.start <= after + 60
                && (d.is(Concept::Personal) || d.is(Concept::Data) || d.is(Concept::Content))
        }) || profile_words(s);
        data.then(|| (share_verb(v.start(), v.end()), (party.start, party.end)))
    })
}

/// "Customer acknowledges that the Third-Party Service developer will not be a Subprocessor", "shares
/// … with advertisers that are not acting as data processors": a recipient the contract says is no
/// processor uses the data on its own account.
fn declared_not_processor(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"(?-u:\b)(?:is|are|will|shall|would) not (?:be |acting as |act as )?(?:an? |our |its )?(?:data )?(?:sub-?processors?|processors?)(?-u:\b)"
    );
    if !s.norm.contains("processor") {
        return None;
    }
    let m = re.find(&s.norm)?;
    // The party the sentence speaks of comes just before the denial.
    let party = s
        .hits_of(Concept::ThirdParty)
        .filter(|h| {
            h.end <= m.start()
                && m.start() - h.end <= 60
                && !matches!(&s.norm[h.start..h.end], "the public" | "other users")
        })
        .last()
        .filter(|h| !is_processor(s, h))?;
    // "… if the provider is not a sub-processor, we will not share": a condition or a refusal.
    let before = &s.norm[..party.start];
    if before.ends_with("if ") || before.ends_with("if the ") || before.ends_with("unless ") {
        return None;
    }
    Some((share_verb(m.start(), m.end()), (party.start, party.end)))
}

/// "we also use the extended matching (transmission of hashed email addresses to improve audience
/// formation)", "share your email address in hashed form": hashing identifiers only serves to match
/// them at an advertising platform, which then knows who the customer is.
fn hashed_identifiers_sent(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !s.norm.contains("hash") || !advertising_context().is_match(&s.norm) {
        return None;
    }
    let re = regex!(
        r"(?-u:\b)(?:transmission|transmit|transmits|transmitted|transfer|transfers|transferred|share|shares|shared|sharing|send|sends|sent|upload|uploads|uploaded|disclose|discloses|disclosed|provide|provides|provided|pass|passes|passed)(?-u:\b)"
    );
    let hashed = regex!(
        r"(?-u:\b)(?:hashed (?:(?:e-?mail|phone|contact|customer|user)(?-u:\w)*|identifiers?|data|information|lists?|versions?|form)|(?:in|as) (?:a )?hashed (?:form|format|version)|hash(?:es|ed)? (?:of )?(?:your |their |the )?(?:e-?mail|phone))(?-u:\b)"
    );
    let h = hashed.find(&s.norm)?;
    let v = re
        .find_iter(&s.norm)
        .filter(|v| v.start().abs_diff(h.start()) <= 80)
        .find(|v| {
            // "These partners also share information with us, such as … hashed email addresses",
            // "They may provide us with … hashed emails": the vendor receives; "To opt-out of us
            // sharing your hashed email address": the customer's right.
            let before = &s.norm[..v.start()];
            let after = &s.norm[v.end()..(v.end() + 12).min(s.norm.len())];
            !negated(s, v.start())
                && actor_before(s, v.start()) != Actor::Customer
                && !after.starts_with(" us")
                && !vendor_receives().is_match(after)
                && !s.hits_of(Concept::ThirdParty).any(|p| {
                    p.end <= v.start()
                        && v.start() - p.end <= 12
                        && !s.norm[p.end..v.start()].contains(',')
                })
                && !before.contains("opt out")
                && !before.contains("opt-out")
        })?;
    Some((share_verb(v.start(), v.end()), (h.start(), h.end())))
}

/// "These companies collect and use this information under their own privacy policies", "will be
/// used by Salesforce.com, Inc. pursuant to its privacy policy": a recipient that uses the data
/// under its own rules is an independent controller, not a processor. A notice that linked sites
/// have privacy policies of their own moves no data and is left alone.
fn under_own_privacy_policy(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let re = regex!(
        r"(?-u:\b)(?:under|pursuant to|in accordance with|subject to|governed by) (?:their|its) (?:own )?(?:respective )?privacy (?:policies|policy|notices?|statements?)(?-u:\b)"
    );
    let acts = regex!(
        r"(?-u:\b)(?:collect|collects|use|uses|used|receive|receives|received|process|processes|processed|disclosed|shared|provided|transferred)(?-u:\b)"
    );
    let policy = re.find(&s.norm)?;
    // Linked websites and apps the customer visits: their policies govern what the customer gives
    // them directly.
    if ["website", "sites", "links", "linked", "visit"]
        .iter()
        .any(|w| s.norm.contains(w))
    {
        return None;
    }
    let verb = acts.find_iter(&s.norm[..policy.start()]).last()?;
    if negated(s, verb.start()) || actor_before(s, verb.start()) == Actor::Customer {
        return None;
    }
    Some((
        share_verb(verb.start(), verb.end()),
        (policy.start(), policy.end()),
    ))
}

/// The share verb of a finding: the words of the sentence that move the data (empty, at 0, for a
/// list item whose lead-in's verb governs it).
fn share_verb(start: usize, end: usize) -> Hit {
    Hit {
        mask: Concept::Share.bit(),
        start,
        end,
    }
}

/// A context where disclosure is the customer's right or choice, or confidential information
/// under a confidentiality clause.
fn excluded(norm: &str) -> bool {
    if customers_authorised_party(norm) {
        return true;
    }
    // Match positions only where an open confidential-information disclosure needs them.
    if !excluded_context().is_match(norm) {
        return false;
    }
    !open_confidential_disclosure(norm)
        || excluded_context()
            .find_iter(norm)
            .any(|m| m.as_str() != "confidential information")
}

/// "Zoom also may disclose Customer Confidential Information to its consultants, contractors, service
/// providers, subprocessors, and other third parties who are bound by confidentiality obligations": one
/// party's licence to pass the other's confidential information to recipients left open. A mutual
/// need-to-know clause ("the recipient may disclose Confidential Information only to its affiliates,
/// employees, agents, or professional advisors") names its recipients and stays out of this rule.
fn open_confidential_disclosure(norm: &str) -> bool {
    (norm.contains("and other third parties") || norm.contains("or other third parties"))
        && !["recipient", "receiving party", "each party", "either party"]
            .iter()
            .any(|w| norm.contains(w))
}

/// "authorized third parties", "your authorized third parties": parties the customer authorises.
/// The vendor's own ("Zoom's authorized third parties", "our authorized third parties") are its
/// recipients.
fn customers_authorised_party(norm: &str) -> bool {
    ["authorized third part", "authorised third part"]
        .iter()
        .flat_map(|w| norm.match_indices(w))
        .any(|(i, _)| {
            let before = &norm[..i];
            // "unauthorized third parties" is another word.
            let word_start = !before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            word_start
                && !(before.ends_with("'s ")
                    || matches!(before.trim_end().rsplit(' ').next(), Some("our" | "its")))
        })
}

fn excluded_context() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)confidential information(?-u:\b)|(?-u:\b)portability(?-u:\b)|(?-u:\b)request the transfer(?-u:\b)|(?-u:\b)at your (?:request|direction)(?-u:\b)|(?-u:\b)your request or(?-u:\b)|(?-u:\b)we encourage you(?-u:\b)|(?-u:\b)you direct us(?-u:\b)|(?-u:\b)shine the light(?-u:\b)|(?-u:\b)you may request(?-u:\b)|(?-u:\b)(?:upon|at|on) (?:the )?request of (?:the |an? )?(?:customer|advertiser|user|account holder|you)(?-u:\b)|(?-u:\b)before disclosing(?-u:\b)|(?-u:\b)(?:you've|you have|that you|you) authori[sz]ed?(?-u:\b)|(?-u:\b)consent-based(?-u:\b)|(?-u:\b)setting enabled(?-u:\b)|(?-u:\b)in accordance with your (?:settings|instructions|choices)(?-u:\b)|(?-u:\b)only (?:share|disclose|provide)(?-u:\w)* (?:(?-u:\w)+ ){0,3}?to the extent (?:strictly )?(?:necessary|required) to provide(?-u:\b)|(?-u:\b)(?:right|permits?|entitled|may ask) (?:(?-u:\w)+ ){0,6}?to request(?-u:\b)|(?-u:\b)entitled to (?:ask|request|receive|obtain)(?-u:\b)"
    )
}

/// "With your permission we may also share with the provider …", "whenever you consent to or direct
/// such sharing", "only … where we have obtained consent": the customer decides each disclosure.
/// Consent to advertising ("With your consent, … is transmitted to Google in hashed form") still
/// sends the data to an advertiser for its own use, and stays a finding.
fn consent_gated(s: &SentenceFacts, share: Option<Hit>) -> bool {
    let re = regex!(
        r"(?-u:\b)with your (?:prior |express |explicit |affirmative )?(?:permission|consent)(?-u:\b)|(?-u:\b)(?:when|whenever|if|where) you (?:consent|agree) to(?-u:\b)|(?-u:\b)(?:when|whenever|if|where|once) we have obtained (?:your )?(?:prior )?(?:consent|permission)(?-u:\b)"
    );
    if advertising_context().is_match(&s.norm) {
        return false;
    }
    re.find_iter(&s.norm).any(|m| {
        // "with your consent when required", "(if required)": consent only where the law asks
        // for it, so elsewhere the sharing goes ahead without it.
        let after = s.norm[m.end()..].trim_start_matches([' ', '(', ',']);
        // "…, with parties with whom we enter into …, and with your consent": one alternative among
        // several, not a condition on the others.
        let alternative = {
            let before = s.norm[..m.start()].trim_end_matches([' ', ',']);
            [" and", " or", ";", " as well as", " otherwise"]
                .iter()
                .any(|w| before.ends_with(w))
        };
        let only_where_required = [
            "when required",
            "where required",
            "if required",
            "where it is required",
            "where necessary",
        ]
        .iter()
        .any(|w| after.starts_with(w));
        // The consent governs the clause of the share verb, not a sharing in a clause of its own
        // ("We may share … with our affiliates …, and we may also share … whenever you consent").
        let same_clause = share.is_none_or(|h| {
            let (from, to) = if h.start < m.start() {
                (h.end, m.start())
            } else {
                (m.end(), h.start)
            };
            let between = &s.norm[from.min(to)..to.max(from)];
            !between.contains(';') && !between.contains(" and we ") && !between.contains(", and ")
        });
        !only_where_required && !alternative && same_clause
    })
}

impl Rule for ThirdPartySharing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.focused() {
            if s.in_heading || caption_or_reference(&s.norm) {
                continue;
            }
            let found = if s.has(Concept::ThirdParty)
                && (s.has(Concept::Share) || s.has(Concept::License) || s.has(Concept::Use))
            {
                named_recipient(cx, s)
            } else {
                None
            };
            // Recipients the third-party concept does not name: joint controllers, advertising
            // platforms, the lead-in's recipients, or none at all ("may disclose … as permitted by
            // law").
            let found = found
                .or_else(|| third_party_trackers(s))
                .map(|(share, recipient)| (Some(share), recipient))
                .or_else(|| {
                    if s.lead_in.is_some() && s.norm.len() < 200 {
                        recipient_item(cx, s).map(|(_, r)| (None, r))
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    if s.norm.len() < 240 && !s.has(Concept::Negation) {
                        listed_recipient(cx, s).map(|r| (None, r))
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    if s.norm.len() < 1200 {
                        corporate_transaction(cx, s)
                    } else {
                        None
                    }
                })
                .or_else(|| serves_recipients_own_ends(cx, s))
                .or_else(|| {
                    let data = s.has(Concept::Personal)
                        || s.has(Concept::Content)
                        || s.has(Concept::Data)
                        || s.has(Concept::UsageData)
                        || categories_of_data(s);
                    if !data {
                        return None;
                    }
                    // One pass for the words every check below needs at least one of, in place of
                    // a substring search per check per sentence.
                    let w = gate_words(&s.norm);
                    let found = if w & CONTROLL != 0 {
                        joint_controller(s)
                    } else {
                        None
                    };
                    let found = found.or_else(|| {
                        (w & AD_CONTEXT != 0)
                            .then(|| ad_platform_recipient(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        (w & (SALE | ADVERT) != 0)
                            .then(|| state_law_sale(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        (w & WITH != 0 && w & PROVIDE != 0)
                            .then(|| provided_with_data(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        (w & (ADS | ADVERT | TRACK) != 0)
                            .then(|| advertising_companies_engaged(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        (w & PRIVACY_POLICY != 0)
                            .then(|| under_own_privacy_policy(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        if s.has(Concept::Share) {
                            open_disclosure_without_recipient(s)
                        } else {
                            None
                        }
                    });
                    let found =
                        found.or_else(|| (w & ALLOW != 0).then(|| allowed_to_take(s)).flatten());
                    let found = found.or_else(|| {
                        (w & OTHER != 0 && s.has(Concept::Share))
                            .then(|| other_parties(s))
                            .flatten()
                    });
                    let found = found.or_else(|| {
                        (w & PRONOUN != 0 && s.has(Concept::Share))
                            .then(|| pronoun_recipient(s))
                            .flatten()
                    });
                    let found = found
                        .or_else(|| (w & OPT_OUT != 0).then(|| opt_out_of_sharing(s)).flatten());
                    found
                        .filter(|(h, _)| !negated(s, h.start))
                        .map(|(h, r)| (Some(h), r))
                })
                // A recipient declared no processor, or identifiers hashed for matching: the data
                // is named by the clause around them, or by the hashing itself.
                .or_else(|| {
                    declared_not_processor(s)
                        .or_else(|| hashed_identifiers_sent(s))
                        .filter(|(h, _)| !negated(s, h.start))
                        .map(|(h, r)| (Some(h), r))
                });
            let Some((share, (r_start, r_end))) = found else {
                if let Some((item, (r_start, r_end))) = list_of_recipients(cx, s) {
                    if !cx.in_prohibited_list(s) && !excluded(&s.norm) {
                        out.push(sentence_finding(
                            cx,
                            &META,
                            s,
                            format!(
                                "This introduces a list of disclosures of your data, one of them to “{}”: \
                                 beyond processors acting for the vendor, your contract no longer protects \
                                 it. Ask for disclosure only to listed sub-processors acting for the vendor.",
                                snippet(cx, item, r_start, r_end),
                            ),
                        ));
                    }
                }
                continue;
            };
            if cx.in_prohibited_list(s)
                || excluded(&s.norm)
                || consent_gated(s, share)
                || describes_disclosures(cx, s)
                || describes_a_disclosure_law(&s.norm)
            {
                continue;
            }
            let how = match share {
                Some(h) => format!(" (“{}”)", snippet(cx, s, h.start, h.end)),
                None => String::new(),
            };
            if s.norm[r_start..r_end].contains("privacy polic") {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "The recipient uses your data under its own rules (“{}”){how}: it acts as an \
                         independent controller, outside your contract with the vendor. Ask that data go only \
                         to sub-processors bound to use it solely on the vendor's instructions.",
                        snippet(cx, s, r_start, r_end),
                    ),
                ));
                continue;
            }
            if state_law_sale_find(&s.norm[r_start..r_end]).is_some() {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "Your personal data is sold or “shared” in the sense of US state privacy law (“{}”): \
                         it goes to advertisers or other businesses for their own use. Ask that it be \
                         neither sold nor shared, or at least that this be off until you opt in.",
                        snippet(cx, s, r_start, r_end),
                    ),
                ));
                continue;
            }
            if corporate_deal().is_match(&s.norm[r_start..r_end]) {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "Your data may pass to a buyer or successor in a corporate transaction (“{}”){how}. \
                         The new owner is not bound by your contract; ask that the recipient be held to \
                         this agreement's terms, with notice to you and a right to delete your data first.",
                        snippet(cx, s, r_start, r_end),
                    ),
                ));
                continue;
            }
            if recipients_own_ends().is_match(&s.norm[r_start..r_end]) {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "Your data serves its recipients' own business (“{}”){how}: they use it for ends \
                         of their own, outside your contract with the vendor. Ask that data go only to \
                         processors acting for the vendor.",
                        snippet(cx, s, r_start, r_end),
                    ),
                ));
                continue;
            }
            let opening = &s.norm[r_start..r_end];
            if any_purpose().is_match(opening)
                || open_ended_disclosure().is_match(opening)
                || open_disclosure_basis().is_match(opening)
            {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    format!(
                        "Your data may be disclosed to recipients the clause does not name, on the vendor's \
                         own judgement (“{}”){how}. Once shared, your contract with the vendor no longer \
                         protects it; ask for disclosure only to listed sub-processors, or as the law compels.",
                        snippet(cx, s, r_start, r_end),
                    ),
                ));
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Your data may be disclosed to “{}”{how}. Once shared, your contract with the vendor \
                     no longer protects it; ask for disclosure only to listed sub-processors acting for the \
                     vendor.",
                    snippet(cx, s, r_start, r_end),
                ),
            ));
        }
    }
}

/// The literal words the checks on a sentence with data need (each needs at least one of its
/// group): found in one pass of an automaton built once. Bit `i` is set when group `i` is present.
fn gate_words(norm: &str) -> u32 {
    static AC: OnceLock<(aho_corasick::AhoCorasick, Vec<u32>)> = OnceLock::new();
    let (ac, bits) = AC.get_or_init(|| {
        let groups: &[(&str, u32)] = &[
            ("controll", CONTROLL),
            ("advert", ADVERT | AD_CONTEXT),
            ("ads", ADS | AD_CONTEXT),
            ("conversion", AD_CONTEXT),
            ("audience", AD_CONTEXT),
            ("remarketing", AD_CONTEXT),
            ("retargeting", AD_CONTEXT),
            ("pixel", AD_CONTEXT),
            ("hashed", AD_CONTEXT),
            ("interaction with our", AD_CONTEXT),
            ("your activit", AD_CONTEXT),
            ("your interests", AD_CONTEXT),
            ("browsing", AD_CONTEXT),
            ("sold", SALE),
            ("sale", SALE),
            ("selling", SALE),
            (" with ", WITH),
            ("provid", PROVIDE),
            ("suppl", PROVIDE),
            ("track", TRACK),
            ("privacy polic", PRIVACY_POLICY),
            ("allow", ALLOW),
            ("permit", ALLOW),
            ("enabl", ALLOW),
            (" other ", OTHER),
            (" them", PRONOUN),
            (" these ", PRONOUN),
            (" such ", PRONOUN),
            ("opt-out of allowing", OPT_OUT),
            ("opt out of allowing", OPT_OUT),
        ];
        let ac = aho_corasick::AhoCorasick::new(groups.iter().map(|(w, _)| w))
            .expect("valid gate words");
        (ac, groups.iter().map(|(_, b)| *b).collect())
    });
    ac.find_overlapping_iter(norm)
        .fold(0, |acc, m| acc | bits[m.pattern().as_usize()])
}

const CONTROLL: u32 = 1;
const AD_CONTEXT: u32 = 1 << 1;
const ADVERT: u32 = 1 << 2;
const ADS: u32 = 1 << 3;
const SALE: u32 = 1 << 4;
const WITH: u32 = 1 << 5;
const PROVIDE: u32 = 1 << 6;
const TRACK: u32 = 1 << 7;
const PRIVACY_POLICY: u32 = 1 << 8;
const ALLOW: u32 = 1 << 9;
const OTHER: u32 = 1 << 10;
const PRONOUN: u32 = 1 << 11;
const OPT_OUT: u32 = 1 << 12;

/// "You may choose to opt-out of allowing your Personal Information to be shared with certain
/// third-parties": the sharing happens unless the customer acts, so it is the default. A statutory
/// right to opt out of a sale ("you have the right to opt-out of the sale of …") states the law, not
/// the vendor's practice, and is left alone.
fn opt_out_of_sharing(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let m = regex!(r"(?-u:\b)opt[- ]out of allowing (?:your |their )?(?:[a-z-]+ ){0,3}?to be (?:shared|disclosed|sold|transferred) (?:with|to) ")
        .find(&s.norm)?;
    let party = s
        .hits_of(Concept::ThirdParty)
        .find(|h| h.start >= m.end() && h.start <= m.end() + 24 && !is_processor(s, h))?;
    let verb_start = m
        .as_str()
        .find("to be ")
        .map_or(m.start(), |i| m.start() + i);
    Some((share_verb(verb_start, m.end()), (party.start, party.end)))
}

/// "Categories of Third Parties With Whom We Share this Personal Data" as the caption of a list of
/// recipients, "The “How We Share Your Personal Data” section above details how we share": a caption
/// or a pointer to the disclosures, which are judged where they are made.
fn caption_or_reference(norm: &str) -> bool {
    // "Categories of Third Parties to Whom Personal Data is Sold" admits a sale.
    (norm.len() < 100
        && (norm.starts_with("categories of third parties")
            || norm.starts_with("categories of recipients"))
        && !["sell", "sold", "sale"].iter().any(|w| norm.contains(w)))
        || (norm.contains("section")
            && regex!(r"(?-u:\b)section (?:above |below )?(?:details|describes|explains|sets out) how (?:we|it) (?:share|disclose)")
                .is_match(norm))
}

/// A recipient named by a list entry whose list says it receives data: an item under a caption
/// "Categories of Third Parties With Whom We Share this Personal Data" ("Business Partners"), an
/// entry of a section about sharing ("**Affiliates.** …"), or a party said there to partner with
/// the vendor ("These parties partner with us in offering various services", "Companies that we
/// partner with to offer joint promotional offers").
fn listed_recipient(cx: &Context, s: &SentenceFacts) -> Option<(usize, usize)> {
    // Each way needs a party at an item's head or a partnering: the cheap tests come before the
    // caption is looked for or the section's titles are read.
    let partnering = if s.norm.contains("partner") {
        regex!(r"(?-u:\b)(?:partner|partners|partnered) with us(?-u:\b)|(?-u:\b)(?:companies|businesses|parties|organi[sz]ations|entities) (?:that|whom|which|with whom) we (?:may )?partner with(?-u:\b)")
            .find(&s.norm)
    } else {
        None
    };
    let item = s.lead_in.is_none() && s.has(Concept::ThirdParty) && opens_item(cx, s);
    if partnering.is_none() && !item {
        return None;
    }
    let captioned = item && s.norm.len() < 80 && under_caption(cx, s);
    let sharing_section = !captioned && section_topic(cx, s).shares_data;
    if !(captioned || sharing_section) {
        return None;
    }
    if sharing_section {
        if let Some(m) = partnering {
            return Some((m.start(), m.end()));
        }
        // An entry of the section is a recipient only when it opens with the party ("Affiliates.",
        // "Advertising partners"), not when it tells what the vendor does with third parties'
        // products, or what it must disclose by law or has processors do.
        // A bare "Third Party" is a column header, not an entry.
        if !item
            || matches!(
                s.norm.trim_end_matches(['.', ':', '*']),
                "third party" | "third parties"
            )
            || s.norm.contains("legal request")
            || legal_only().is_match(&s.norm)
            || on_behalf().is_match(&s.norm)
        {
            return None;
        }
    }
    let head_end = if sharing_section {
        5
    } else {
        s.norm.len().min(40)
    };
    // The item's head names the party; one the customer reaches itself ("Third parties you access
    // through the services", "Parties You Authorize") is the customer's choice.
    s.hits_of(Concept::ThirdParty)
        .find(|h| {
            let word = &s.norm[h.start..h.end];
            h.start < head_end
                && !is_processor(s, h)
                && !third_party_thing(s, h)
                && !matches!(word, "the public" | "other users")
                && !s.norm[h.end..].starts_with(" you ")
                && !s.norm.contains("you authori")
        })
        .map(|h| (h.start, h.end))
}

/// The list item sits under a caption of recipients: walking back over the items before it, one
/// reads "Categories of Third Parties With Whom We Share this Personal Data".
fn under_caption(cx: &Context, s: &SentenceFacts) -> bool {
    (s.index.saturating_sub(12)..s.index)
        .rev()
        .map(|i| &cx.sentences[i])
        .take_while(|t| {
            cx.doc.sentences.get(t.index).is_some_and(|d| {
                cx.doc.blocks[d.block].kind == clauselint_parser::BlockKind::ListItem
            })
        })
        .any(|t| {
            t.norm.len() < 120
                && (t.norm.starts_with("categories of third parties")
                    || t.norm.starts_with("categories of recipients"))
        })
}

/// "We disclose your Personal Data to the categories of service providers and other parties listed
/// in this section": processors named beside parties left open.
fn other_parties(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !s.norm.contains(" other ") {
        return None;
    }
    let re = regex!(
        r"^ (?:[a-z-]+ ){0,4}?(?:to|with) (?:the )?(?:[a-z-]+ ){0,6}?(?:and|or) other (?:parties|companies|businesses|entities|organi[sz]ations)(?-u:\b)"
    );
    s.hits_of(Concept::Share)
        .filter(|h| actor_before(s, h.start) != Actor::Customer && !negated(s, h.start))
        .find_map(|h| {
            let m = re.find(&s.norm[h.end..])?;
            Some((
                *h,
                (
                    h.end + m.end() - "other parties".len().min(m.end()),
                    h.end + m.end(),
                ),
            ))
        })
}

/// "Wolfram may use third-party cookies when working with outside partners": third-party cookies
/// the vendor places let the third party collect the data itself.
fn third_party_trackers(s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    if !s.norm.contains("third") {
        return None;
    }
    let m = regex!(r"(?-u:\b)(?:use|uses|allow|allows|permit|permits|place|places|set|sets|work with|works with) (?:certain |some |various )?third[- ]party (?:advertising |analytics |tracking )?(?:cookies|pixels|trackers|tracking technologies)(?-u:\b)")
        .find(&s.norm)?;
    if actor_before(s, m.start()) == Actor::Customer || negated(s, m.start()) {
        return None;
    }
    let verb_end = m.as_str().find(" third").map_or(m.end(), |i| m.start() + i);
    Some((share_verb(m.start(), verb_end), (verb_end + 1, m.end())))
}

/// "If you make this request, we will return to you: … The categories of third parties with whom we
/// share personal information.": an item naming what the customer may ask to be told, a description
/// of disclosures rather than one.
fn describes_disclosures(cx: &Context, s: &SentenceFacts) -> bool {
    ["the categories of ", "categories of ", "a list of "]
        .iter()
        .any(|w| s.norm.starts_with(w))
        && std::iter::successors(cx.lead_in(s), |l| cx.lead_in(l))
            .take(2)
            .any(|l| rights_lead_in().is_match(&l.norm))
}

/// "the California Consumer Privacy Act (CCPA) requires certain disclosures about … the third
/// parties with whom we share it", "… Protection Act to require website operators to disclose …
/// whether third parties collect personally identifiable information": what a law makes the vendor
/// tell, not a disclosure. The law must be the subject: "the delivery of digital ads requires
/// disclosure of … Personal Data to … advertisers" is a disclosure.
fn describes_a_disclosure_law(norm: &str) -> bool {
    regex!(
        r"(?:(?-u:\b)(?:act|acts|law|laws|code|statute|regulations?|ccpa|cpra)|\((?:ccpa|cpra|gdpr)\)) (?:also )?(?:to )?(?:requires?|required|requiring) (?:certain )?disclosures? (?:about|of|regarding|concerning)(?-u:\b)|(?:(?-u:\b)(?:act|acts|law|laws|code|statute|regulations?|ccpa|cpra)|\((?:ccpa|cpra|gdpr)\)) (?:also )?(?:to )?(?:require|requires|requiring) (?:[a-z-]+ ){1,3}?to disclose (?:how|whether|what|which|the categories)(?-u:\b)"
    )
    .is_match(norm)
}

/// A lead-in to what the customer may ask for or be told: "you have the right to request:", "we
/// will return to you:".
fn rights_lead_in() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:request|requests|right|rights|entitled|ask us|return to you|disclose to you|provide you)(?-u:\b)"
    )
}

/// "We may disclose these categories to third-party advertising networks": US state-privacy
/// notices speak of "categories" of personal information they have just listed.
fn categories_of_data(s: &SentenceFacts) -> bool {
    s.norm.contains("these categories") || s.norm.contains("such categories")
}

/// The sentence names a third party (the lexicon's concept) that receives or acts on the data.
fn named_recipient(cx: &Context, s: &SentenceFacts) -> Option<(Hit, (usize, usize))> {
    let data = s.has(Concept::Personal)
        || s.has(Concept::Content)
        || s.has(Concept::Data)
        || s.has(Concept::UsageData)
        || profile_words(s)
        || categories_of_data(s)
        || (s.has(Concept::License)
            && licence_benefits().is_match(&s.norm)
            && !customer_grants_access(&s.norm))
        || cx
            .lead_in(s)
            .is_some_and(|l| l.has(Concept::Data) || l.has(Concept::Personal));
    if !data {
        return None;
    }
    let found = s
        .hits_of(Concept::Share)
        .filter(|h| {
            let w = &s.norm[h.start..h.end];
            // "may provide information to its vendors, consultants, marketing partners": providing
            // moves data only when the data is its object; "provide services to third parties"
            // does not.
            if matches!(w, "provide" | "provides") {
                return actor_before(s, h.start) != Actor::Customer
                    && s.hits.iter().any(|d| {
                        d.start >= h.end
                            && d.start <= h.end + 24
                            && (d.is(Concept::Personal)
                                || d.is(Concept::Data)
                                || d.is(Concept::Content))
                            && s.norm[h.end..d.start].split_whitespace().count() <= 2
                            && !s.norm[h.end..d.start].split_whitespace().any(|g| {
                                matches!(g, "and" | "or" | "for" | "of" | "to" | "access" | "us")
                                    || g.contains([',', ';'])
                            })
                    });
            }
            !matches!(w, "pass" | "passed" | "exchange" | "trade" | "sale")
        })
        .filter(|h| actor_before(s, h.start) != Actor::Customer)
        .find_map(|h| recipient_after(s, h.end).map(|r| (*h, r)));
    // "provide information to its vendors": the data, then "to" and the recipient; "provide
    // information about or links to third-party products … or allow third parties" is no transfer.
    let found = found.filter(|(h, r)| {
        !matches!(&s.norm[h.start..h.end], "provide" | "provides")
            || provided_to(&s.norm[h.end..r.0])
    });
    let (share, recipient) = found
        .or_else(|| recipient_before_relative(s))
        .or_else(|| made_available_to(s))
        .or_else(|| third_party_acts(s))?;
    if negated(s, share.start)
        || (legal_only().is_match(&s.norm)
            && !s.norm.contains("advertis")
            && !open_ended_disclosure().is_match(&s.norm))
        || (cross_border(s) && !s.norm.contains("advertis"))
    {
        return None;
    }
    Some((share, recipient))
}

/// "build a profile of your interests", "information about your activity": personal data named by
/// what it describes rather than by a data word.
fn profile_words(s: &SentenceFacts) -> bool {
    regex!(r"(?-u:\b)(?:profiles? of your|your (?:interests|browsing|online activit(?:y|ies))|(?:your|hashed) (?:e-?mail address(?:es)?|phone numbers?|device identifiers?|ip address(?:es)?|contact (?:details|information)))(?-u:\b)")
    .is_match(&s.norm)
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/third-party-sharing";

    #[test]
    fn flags_sharing() {
        // Twitter Privacy Policy.
        assert_flags(ID, "X also shares non-public personal information with advertisers that are not acting as data processors in order to enable those advertisers to measure their own advertising.");
        assert_flags(ID, "We may disclose your information to our affiliates and others within our corporate group.");
    }

    #[test]
    fn a_licence_to_the_vendor_and_its_affiliates_shares_the_content() {
        // GitHub Terms of Service § D.4 (AI features).
        assert_flags(ID, "You also grant GitHub and its Affiliates a license to collect and use your Inputs and Outputs to develop, train and improve artificial intelligence models.");
        // Grammarly Commercial Terms: affiliates, but only to run the service — “provide, support, and protect”.
        assert_clean(ID, "Customer grants Superhuman and its Affiliates a worldwide, non-exclusive, limited right to use Customer Data to provide, support, and protect the Services in accordance with this Agreement.");
    }

    #[test]
    fn recipients_named_before_the_verb_or_around_its_object() {
        // Twitter Privacy Policy: the recipients come first, in a relative clause.
        assert_flags(ID, "The table below describes the categories of third parties with whom we may share certain personal data from the listed data categories.");
        // Overleaf Terms of Service.
        assert_flags(ID, "You may also access related products and services provided by our affiliate, ThinqLab Ltd (with whom we may share your details for such purposes in accordance with our privacy policy).");
        // Quora Terms of Service: “make … available to”.
        assert_flags(ID, "This license includes the right for Quora to make Your Content available to other companies, organizations, business partners, or individuals who collaborate with Quora for the syndication of Your Content.");
        // Limitless Privacy Policy: a third party collecting on its own account, no sharing verb.
        assert_flags(ID, "Our third-party partners, such as analytics partners, may use these technologies to collect information about your online activities over time and across different services.");
    }

    #[test]
    fn disclosures_beyond_what_the_law_compels() {
        // WeTransfer Terms of Service § 12.
        assert_flags(ID, "We may disclose your Content, your registration information, or both to governmental or public authorities, law enforcement agencies, or third parties, where legally required or reasonably deemed necessary to comply with our legal obligations, protect our interests, or safeguard third parties.");
        assert_clean(ID, "We may disclose your personal information to law enforcement agencies where required by law.");
    }

    #[test]
    fn processors_transfers_and_user_choices_are_clean() {
        // Limitless Privacy Policy: AI providers that assist the vendor.
        assert_clean(ID, "For example, if you use the Pendant or App, we send audio recordings or transcripts to our third-party AI providers who assist us in providing the Services, including for transcription and summarization purposes.");
        // Limitless: the vendor receives what the customer makes available.
        assert_clean(ID, "If you apply through third-party services, we will collect the information you make available to us via such third-party applications or services.");
        // Starlink: a cross-border transfer clause.
        assert_clean(ID, "We may transfer your personal data to service providers and business partners outside of the EEA and/or UK.");
        // Proton Mail: third parties engaged to process payments.
        assert_clean(ID, "We rely on third parties to process credit card, PayPal, and Bitcoin transactions and must therefore share payment information with them.");
        // Overleaf: the customer's own sharing.
        assert_clean(ID, "The Services provide features that allow you to share your stuff with others (including third party apps that you use to access your Overleaf account) or to make it public.");
        // Limitless: a description of the customer's right to ask.
        assert_clean(ID, "California law permits consumers in California to request certain details about how their personal information is disclosed to third parties for direct marketing purposes.");
        // Grammarly Commercial Terms: a refusal.
        assert_clean(ID, "Superhuman (and its Affiliates) will not use Customer Data to train any generative artificial intelligence models without Customer’s prior written consent.");
    }

    #[test]
    fn joint_controllers_and_advertising_platforms_are_recipients() {
        // Gumb Privacy Policy: the platform decides its own purposes.
        assert_flags(ID, "Regarding the collection and transmission of event data to Meta Platforms, there is joint controllership pursuant to Art. 26 GDPR.");
        assert_flags(ID, "With your consent, we use Enhanced Conversions: Certain data (e.g., email addresses) is transmitted to Google in hashed form (SHA-256) to better assign conversions.");
        assert_flags(ID, "LinkedIn receives information about your interaction with our website, which can be linked to your LinkedIn account if you are logged in there.");
        // Starlink Privacy Policy: the profile is the personal data.
        assert_flags(ID, "Our third-party advertising partners may use these cookies to build a profile of your interests in order to show you relevant ads on other third-party websites and platforms.");
        // Gumb: where the joint-controller agreement is published says nothing about the data.
        assert_clean(ID, "The agreement on joint controllership (“Controller Addendum”) is available in Meta’s data protection information.");
        // A refusal, and a platform with no advertising part.
        assert_clean(
            ID,
            "We will not share your email address with Facebook for advertising.",
        );
        assert_clean(
            ID,
            "Payment details are sent to Google Pay to complete your purchase.",
        );
    }

    #[test]
    fn a_lead_in_naming_the_data_and_leaving_the_recipients_to_its_items() {
        // A widely reused privacy-policy template (“Disclosure of Data … Other cases”).
        assert_flags(
            ID,
            "We may disclose your information also:\n\n1.  to our subsidiaries and affiliates;\n",
        );
        assert_flags(ID, "We may share the personal information we collect about you — including your “profile”:\n\n*   Advertising partners, who combine it with other data.\n");
        // Processors named by the items, and the customer's own sharing, stay clean.
        assert_clean(ID, "We may disclose your information also:\n\n1.  to our service providers acting on our behalf;\n");
        assert_clean(
            ID,
            "You may share your documents:\n\n*   with your affiliates;\n",
        );
        // A lead-in that already names who receives the data is read as before.
        assert_clean(ID, "We may disclose your information to our hosting provider:\n\n*   Our corporate affiliates\n");
        // Miro Privacy Policy: run-in titles and the entry's later sentences are not recipients;
        // the entry's sharing sentence is.
        assert_clean(ID, "We may share Personal Data as follows:\n\n*   **Third-Party Services**. Customers may enable Third-Party Services.\n");
        assert_flags(ID, "We may share Personal Data as follows:\n\n*   **Development Partners.** We may share Personal Data with developers, partners and others we engage to create Miro applications.\n");
        // Woman's Day Privacy Policy construction: under a lead-in waiting for recipients, an entry's
        // later sentence still names them.
        assert_flags(ID, "We may share your information with:\n\n*   **Affiliates.** We work closely with affiliates and subsidiaries within our family of companies.\n");
        // Hugging Face Terms of Service: a list of offerings is not a list of recipients.
        assert_clean(ID, "We provide the following services:\n\n*   **Hardware Partner Program**: access hardware from our partners.\n");
    }

    #[test]
    fn recipients_listed_under_a_sharing_lead_in() {
        // Twitter Data Processor Agreement: the table's recipients, one per item.
        assert_flags(ID, "We may share with...\n\n*   Our corporate affiliates\n");
        assert_flags(ID, "We may share with...\n\n*   Law enforcement and others as necessary to comply with law, prevent harm, and serve the public interest\n");
        assert_clean(ID, "We may share with...\n\n*   Our service providers\n");
        // A refusal introduces no recipients.
        assert_clean(
            ID,
            "We do not share your personal data with:\n\n*   our affiliates\n",
        );
    }

    #[test]
    fn open_disclosures_need_no_named_recipient() {
        // Quora Terms of Service § 3 (the vendor's name as "we": a snippet defines no party names).
        assert_flags(ID, "You acknowledge and agree that we may preserve Your Content and may also disclose Your Content and related information if required to do so by law or in the good faith belief that such preservation or disclosure is reasonably necessary to: (a) comply with legal process, applicable laws or government requests; (b) enforce these Terms of Service; (c) respond to claims that any of Your Content violates the rights of third parties; (d) detect, prevent, or otherwise address fraud, security or technical issues; or (e) protect the rights, property, or personal safety of Quora, its users, or the public.");
        // Hugging Face Terms of Service.
        assert_flags(ID, "However, we may access or share your private information pursuant to the terms set forth in our Privacy Policy.");
        assert_clean(
            ID,
            "We may disclose your personal information if required to do so by law.",
        );
        assert_clean(
            ID,
            "We will never share your content as permitted by law or otherwise.",
        );
    }

    #[test]
    fn processors_and_refusals_are_clean() {
        assert_clean(ID, "We share personal data with service providers who process it on our behalf to provide the Services.");
        assert_clean(
            ID,
            "We do not sell your personal information to third parties.",
        );
        assert_clean(
            ID,
            "Our Services may contain links to third-party websites.",
        );
        // Bitwarden Privacy Policy: onward transfers to agents acting for the vendor.
        assert_clean(ID, "Bitwarden has responsibility for the processing of Personal Information it receives under the Data Privacy Framework and subsequently transfers to a third party acting as an agent on its behalf.");
        // Limitless Privacy Policy: the vendor's own collection, with its helpers.
        assert_clean(ID, "We and our third-party partners collect information using cookies, pixel tags, and similar technologies (collectively, \"Cookies\") to collect information about your browsing activities.");
        // Starlink Privacy Policy: the vendor's own definition is not a third party.
        assert_clean(ID, "This Global Privacy Policy (“Policy”) explains how Starlink and its subsidiaries and affiliates (collectively, “Starlink” or “we”) collect, use, share, and protect your personal information.");
    }

    #[test]
    fn data_passing_to_a_buyer_in_a_corporate_transaction() {
        // Discord Privacy Policy (bold run-in title, the trailing zero-width joiner kept).
        assert_flags(ID, "*   **Sale, Acquisition, or Transfer of Assets**. We may disclose information if Discord is evaluating and/or engaging in a merger, acquisition, reorganization, bankruptcy, or sale, transfer, or change in ownership of Discord or any of its assets.**\u{200d}**");
        // LinkedIn Privacy Policy.
        assert_flags(ID, "We can also share your personal data as part of a sale, merger or change in control, or in preparation for any of these events.");
        // Blizzard Entertainment Privacy Policy: passive voice, no recipient named.
        assert_flags(ID, "Similarly, in the event of a merger, acquisition, reorganisation, bankruptcy, or other similar event, your personal information may be transferred to Blizzard’s successor or assigned.");
        // A verbless item under a sharing lead-in (SurveyMonkey Privacy Policy, § 5(g)).
        assert_flags(ID, "We also may have to share information or data for the following purposes:\n\n*   To meet any applicable law, regulation, legal process or enforceable governmental request;\n*   To facilitate a sale, merger or change in control of all or any part of our company or business or in preparation for any of these events.\n");
        // The message names the deal, not a “recipient” called “merger”.
        let found = crate::testing::findings(ID, "If we are involved in a merger, acquisition or other reorganization, your information may be transferred as part of that deal — see § 9.");
        assert!(
            found[0].message.contains("buyer or successor"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn assignment_of_the_agreement_and_refusals_in_a_deal_are_clean() {
        // Grammarly Commercial Terms § 12.3: the agreement moves, no data is named.
        assert_clean(ID, "Notwithstanding the foregoing, Customer may assign this Agreement to the surviving entity in connection with a merger, acquisition, or sale of all or substantially all of its assets.");
        // App Store Review Guidelines: the sale of a good, not of the business.
        assert_clean(ID, "Apps using Apple Pay must provide all material purchase information to the user prior to sale of any good or service.");
        assert_clean(ID, "We will not transfer your personal data to any acquirer in a merger or sale of our business without your prior written consent.");
    }

    #[test]
    fn recipients_using_data_under_their_own_policies() {
        // Viber Trackers Policy.
        assert_flags(ID, "These third parties collect and use this information under their own privacy policies, and are responsible for their practices concerning personal data.");
        // Linked websites' own policies move no data.
        assert_clean(ID, "Third-party websites you visit through links on our Site collect information under their own privacy policies, which we do not control.");
        // Hashed identifiers for targeted marketing (SurveyMonkey Privacy Policy construction).
        assert_flags(ID, "Depending on your location, we may share your email address in hashed form with marketing vendors to present targeted marketing — see § 4.");
        // Grammarly Privacy Policy construction: the vendor's corporate family.
        assert_flags(ID, "Companies within the Superhuman corporate family may access information about you, including for business operations and product integration.");
    }

    #[test]
    fn sales_and_sharing_admitted_under_us_state_privacy_law() {
        // Wargaming Privacy Policy.
        assert_flags(ID, "However, some of our disclosures of personal information may be considered a “sale” or “share” under applicable law, including for California.");
        // AdRoll Privacy Policy.
        assert_flags(ID, "In the preceding twelve (12) months, we have shared and/or sold the following categories of personal information for the commercial purpose of providing cross-context behavioral advertising services:");
        // Outbrain Privacy Policy.
        assert_flags(ID, "Under certain United States state privacy laws, some of the ways in which we share Personal Data for targeted or cross-context behavioural advertising may be considered “sales” or “sharing”.");
        let found = crate::testing::findings(
            ID,
            "In some US states, this sharing of personal information may be considered a “sale.”",
        );
        assert!(
            found[0].message.contains("US state privacy law"),
            "{}",
            found[0].message
        );
        // Denials and the customer's rights admit nothing (WPEngine, Starbucks, hi5 Privacy Policies).
        assert_clean(ID, "We do not and will not sell your personal information.");
        assert_clean(ID, "You may have the right to opt-out of your personal information being sold or shared for purposes of targeted advertising.");
        assert_clean(ID, "We do not sell or share sensitive personal information for cross-context behavioral advertising.");
        assert_clean(
            ID,
            "You have the right to know whether we have sold or shared your personal information.",
        );
    }

    #[test]
    fn data_provided_to_partners_and_advertising_recipients() {
        // Blizzard Entertainment Privacy Policy.
        assert_flags(ID, "Blizzard may provide information to its vendors, consultants, marketing partners, research firms and other service providers or business partners.");
        // Mix Privacy Policy.
        assert_flags(ID, "We may also provide Personal Information to business partners with whom we may jointly offer products or services.");
        // Discord Privacy Policy.
        assert_flags(ID, "We may also provide information to analytics and measurement partners to measure the effectiveness of sponsored content if you engage with it.");
        // Instacart Privacy Policy: a parenthesis describing the data does not hide the recipient.
        assert_flags(ID, "We may disclose your Personal Information (such as contact information, device information, browser and activity information, and general location) to our marketing and advertising partners, including social media platforms.");
        // Tagged Privacy Policy: “these categories” of personal information.
        assert_flags(ID, "We may disclose these categories to third-party advertising networks, analytics providers, and social networks for purposes of marketing and advertising.");
        // Rubicon Project Privacy Policy: the advertising companies' own use.
        assert_flags(ID, "As an example, we work with third-party advertising companies that use information about your visits to various websites or applications across multiple devices in order to provide you with ads of interest.");
        // IMDb Privacy Policy: the recipients before the data.
        assert_flags(ID, "We provide ad-serving companies, ad networks and advertising companies with information that allows them to serve you with more useful and relevant ads.");
        // Kick Privacy Policy.
        assert_flags(ID, "We may participate in interest-based advertising and use third-party advertising companies to serve you targeted advertisements based on your browsing history and other personal information.");
        assert_clean(ID, "We do not use third-party advertising companies to serve you targeted advertisements based on your personal information.");
        // Recipients doing work for the vendor (Twitter Privacy Policy construction).
        assert_clean(ID, "We also provide certain third parties with information to help us offer or operate our products and services.");
        // Zora Terms of Service: information about third-party products goes to the customer.
        assert_clean(ID, "We may further provide information about or links to third-party products, services, activities, or events.");
        // Zillow Privacy Policy: third parties collecting on the vendor's behalf.
        assert_clean(ID, "We might also collect personal data about you from our business partners and other third parties who collect personal data on our behalf.");
        // Providing services, or receiving data from a party, moves none of the customer's data.
        assert_clean(ID, "We provide hosting services to third parties and affiliates under separate agreements.");
        assert_clean(ID, "Third party advertisers who use our Ad Services may also provide us with information about you as part of their ad campaigns.");
        assert_clean(ID, "Websites and apps provided by other companies that use the Meta Products may show you content.");
    }

    #[test]
    fn disclosures_the_law_compels_in_other_words() {
        // Glassdoor Terms of Service.
        assert_clean(ID, "You understand and agree that in certain circumstances we may disclose users’ personal data to third parties, such as when we are required to by law or valid legal process.");
        // TP-Link Terms of Service.
        assert_clean(ID, "You acknowledge and agree that TP-Link may disclose the User Content to law enforcement authorities, government officials, and/or third parties, if legally required to do so.");
        // ... but not when the vendor's own belief or interests widen it.
        assert_flags(ID, "We may disclose your personal data to third parties if legally required to do so or if we believe in good faith that disclosure is reasonably necessary to protect our rights.");
    }

    #[test]
    fn access_the_customer_grants_to_an_integration_is_not_the_vendors_sharing() {
        // Evernote Privacy Policy: the customer connects the app and gives it access.
        assert_clean(ID, "If you connect your Evernote account to these third-party services, you may be giving the partner access to some or all of your data, including, in some cases, your Content.");
        assert_flags(
            ID,
            "Our partners may access your data, including your Content, for their own purposes.",
        );
    }

    #[test]
    fn safeguards_against_unauthorised_recipients_are_clean() {
        // Scalingo Data Processor Agreement: a protective purpose, with a section sign and curly quotes.
        assert_clean(ID, "These measures aim to (i) protect Personal Data from destruction, loss, alteration, disclosure to unauthorized third parties and (ii) ensure the restoration of “availability” — see § 4.");
        // ubuntu.com Privacy Policy.
        assert_clean(ID, "These measures include technical architectures to prevent unauthorised third parties from accessing your personal information.");
        assert_flags(ID, "We may disclose personal data to third parties — including advertisers — for their own purposes.");
    }

    #[test]
    fn sharing_the_customer_consents_to_each_time_is_clean() {
        // Alexa Terms of Service, Evernote and Miro Privacy Policies.
        assert_clean(ID, "With your permission we may also share with the provider of a Third-Party Service your Amazon account information necessary to complete a transaction.");
        assert_clean(ID, "We also may disclose personal data about you to third parties whenever you consent to or direct such sharing.");
        assert_clean(ID, "Where necessary, Miro may only share Personal Data with third parties where we have obtained consent to do so.");
        // Consent as one alternative among several bases, or only where the law requires it (Webcrawler,
        // GitHub Privacy Policies), and a sharing in a clause of its own (Allstate Privacy Policy).
        assert_flags(ID, "We may share your Personal Information within the System1 Group, with our professional partners, or otherwise with your consent.");
        assert_flags(ID, "We may share your data with these partners and resellers where allowed, and with your consent when required.");
        assert_flags(ID, "We may share your personal information with our affiliates for business purposes, and we may also share personal information about you with third parties whenever you consent.");
        // Gumb Privacy Policy: consent to advertising still hands the data to an advertiser.
        assert_flags(ID, "With your consent, we use Enhanced Conversions: certain data (e.g., email addresses) is transmitted to Google in hashed form (SHA-256) to better assign conversions.");
    }

    #[test]
    fn the_processors_own_work_for_the_vendor_is_clean() {
        // Persumi and IPinfo Privacy Policies.
        assert_clean(ID, "These third parties have access to your Personal Data only to perform these tasks on our behalf and are obligated not to disclose or use it for any other purpose.");
        assert_clean(ID, "These third parties may have limited access to databases of user Information for the purpose of helping us to provide and/or improve the Services, and they will be subject to contractual restrictions.");
        // IMDb Privacy Policy: ad companies acting partly "on behalf of" the vendor still serve their ads.
        assert_flags(ID, "Third parties use cookies in the process of delivering content, including ads relevant to your interests, to measure the effectiveness of their ads, and to perform services on behalf of IMDb.");
    }

    #[test]
    fn cross_border_clauses_are_not_disclosures() {
        // Limitless Privacy Policy: "U.S." does not end the sentence.
        assert_clean(ID, "Also, we may transfer your data from the U.S. to other countries or regions in connection with storage and processing of data, utilizing third-party analytics services, and operating the Services.");
        // Miro Privacy Policy.
        assert_clean(ID, "If we share your Personal Data with any affiliates or third parties located in countries outside the European Economic Area, we take steps to ensure that appropriate safeguards are in place.");
    }

    #[test]
    fn what_the_customer_may_ask_to_be_told_is_no_disclosure() {
        // IPinfo Privacy Policy ("Shine the Light").
        assert_clean(ID, "Under California Civil Code Sections 1798.83-1798.84, California residents are entitled to ask us for a notice identifying the categories of Personal Information which we share with our affiliates and/or third parties for marketing purposes.");
        // Persumi Privacy Policy: items under the customer's request.
        assert_clean(ID, "If you make this request, we will return to you:\n\n1.  The categories of third parties with whom we share personal information.\n2.  A list of categories of personal information that we have sold, along with the category of any other company we sold it to.\n");
        // Wargaming Privacy Policy: the same words as an admission, not under a request.
        assert_flags(ID, "The categories of third parties to whom we sell or share your personal information include vendors and other parties involved in cross-context behavioral advertising.");
    }

    #[test]
    fn a_lead_in_naming_the_data_of_a_list_of_recipients() {
        // IPinfo Privacy Policy: the lead-in is the disclosure; the message names the item's recipient.
        let text = "We may disclose Information that we collect or you provide as described in this Privacy Policy:\n\n*   To our subsidiaries and affiliates.\n*   To contractors, service providers, and other third parties we use to support our business.\n*   For any other purpose disclosed by us when you provide the Information.\n*   With your consent.\n";
        let found = crate::testing::findings(ID, text);
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("list of disclosures")
                    && f.message.contains("subsidiaries")),
            "{found:?}"
        );
        // The open-ended purpose item is a finding of its own, and its message names no recipient.
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("does not name")
                    && f.message.contains("any other purpose")),
            "{found:?}"
        );
        // A lead-in without the data (Twitter's "We may share with..."), one of processors (The Guardian),
        // one of prohibitions (Google APIs Developer Terms) and the customer's own sharing (Bluesky) are clean.
        assert_clean(ID, "We may share with...\n\n*   Our service providers\n");
        assert_clean(ID, "Examples of when we may share your personal data with service providers include sharing with:\n\n*   Companies that help deliver newspapers\n");
        assert_clean(ID, "All other transfers, uses, or sales of user data are prohibited, including:\n\n1.  Transferring or selling user data to third parties like advertising platforms.\n");
    }

    #[test]
    fn us_state_sale_admissions_in_other_shapes() {
        // IPinfo Privacy Policy: the customer "believes", the technologies "qualify as" a sale.
        assert_flags(ID, "If you believe our online tracking technologies qualify as a \"sale\" or \"sharing\" of your personal information under applicable US state laws (including targeted advertising), you can opt out of these technologies by submitting a request.");
        // Grammarly Privacy Policy: a list of quoted terms before “sharing”, with en dashes.
        assert_flags(ID, "These activities–disclosing unique IDs and disclosing data through Cookies–may constitute “targeted advertising”, “sharing”, or “selling” under certain privacy laws.");
        // Persumi Privacy Policy.
        assert_flags(ID, "If you submit a request to stop selling your personal information, we will stop selling it.");
        // Miro Privacy Policy.
        assert_flags(ID, "We may use advertising and analytics services that are intended to analyze your use of our Services based on information obtained from cookies, including for delivering advertising to you (such as interest-based, targeted, or cross-context behavioral advertising).");
        assert_clean(ID, "We do not use advertising services that deliver cross-context behavioral advertising based on your personal information.");
    }

    #[test]
    fn open_disclosure_words_tied_back_to_the_service() {
        // ArtStation Terms of Service.
        assert_clean(ID, "We may disclose any information that is necessary to satisfy any law, regulation or lawful request or as necessary to operate the Services or to protect the rights or property of itself or others that are directly related to providing the Services.");
        // WeTransfer Terms of Service: the same words without the tie.
        assert_flags(ID, "We may disclose your Content to third parties where reasonably deemed necessary to protect our interests.");
    }

    #[test]
    fn disclosure_at_the_customers_request_or_an_authoritys() {
        // Google Ads Terms of Service: the customer's own information, to the customer.
        assert_clean(ID, "Google may, upon request of an Advertiser, share Advertiser-specific information with Advertiser.");
        // sony.com Privacy Policy: a request of authorities is one ground among open-ended ones.
        assert_flags(ID, "We may transfer and disclose information, including Usage Information and Device Identifiers (including IP addresses), to third parties: to comply with a legal obligation; at the request of governmental authorities conducting an investigation; or otherwise to protect the rights, property, safety, or security of third parties, visitors to our Website or the public.");
    }

    #[test]
    fn a_pronoun_for_a_party_named_before_the_verb() {
        // Netflix Privacy Policy.
        assert_flags(ID, "Partners: if you have a relationship with one or more of our partners, we may share certain personal information with them in compliance with applicable law.");
        // Starbucks Privacy Policy.
        assert_flags(ID, "When you obtain products, services, or experiences provided by these independent business partners, we may share your information with them, or you may provide it to them directly.");
        // Processors named before the pronoun, and the partners sending to the vendor.
        assert_clean(ID, "Our service providers host our systems, and we share your information with them so that they can provide the services on our behalf.");
        assert_clean(
            ID,
            "If you engage with our partners, you may share your information with them directly.",
        );
        // ASKfm Privacy Policy: technical helpers.
        assert_clean(ID, "For some elements of the Service we get technical assistance from other companies, and we may need to share your information with them so that we can provide those Services to you.");
    }

    #[test]
    fn third_parties_the_vendor_lets_take_the_data() {
        // Verizon Privacy Policy.
        assert_flags(ID, "We may disclose, or allow certain third-party advertising and analytics companies to collect personal information such as your email address, information about your purchase of products and services from us, and information about your activity on our sites and in our apps.");
        // Zoom Terms of Service: the customer obtains the consents, the vendor's parties take the data.
        assert_flags(ID, "You are solely responsible for obtaining proper End User consents, which may be necessary to allow Zoom and Zoom’s authorized third parties to access, use, and share Customer Content.");
        // Spotify Privacy Policy: the customer's own click lets the third party in.
        assert_clean(
            ID,
            "Clicking on such links may allow third parties to collect or share data about you.",
        );
        assert_clean(
            ID,
            "You may allow third-party applications to access your account data.",
        );
        assert_clean(
            ID,
            "We do not allow advertising companies to collect your personal information.",
        );
        // The customer's own authorised parties are still the customer's choice.
        assert_clean(
            ID,
            "We may disclose your personal information to your authorized third parties.",
        );
    }

    #[test]
    fn recipients_declared_no_processor() {
        // Grammarly Commercial Terms.
        assert_flags(ID, "Customer acknowledges that the Third-Party Service developer will not be a Subprocessor (as defined in the DPA).");
        // Ubiquiti Terms of Service: processors of the vendor, each for itself.
        assert_clean(
            ID,
            "Provider and such third party service providers are not sub-processors of each other.",
        );
    }

    #[test]
    fn identifiers_hashed_for_advertising_matching() {
        // Gumb Privacy Policy.
        assert_flags(ID, "If you have consented, we also use the extended matching (transmission of hashed email addresses to improve audience formation).");
        // WordPress.com Privacy Policy.
        assert_flags(ID, "For instance, we may share a hashed version of your email address to facilitate customized ad campaigns on other platforms.");
        // TikTok Privacy Policy: the vendor receives the hashed identifiers.
        assert_clean(ID, "These partners also share information with us, such as mobile identifiers for advertising, hashed email addresses and phone numbers, and cookie identifiers.");
        // Wargaming Privacy Policy: the customer's opt-out.
        assert_clean(ID, "To opt-out of us sharing your hashed email address for Matched Ads please contact us and specify that you wish to opt out of Matched Ads.");
    }

    #[test]
    fn confidential_information_passed_to_recipients_left_open() {
        // Zoom Terms of Service.
        assert_flags(ID, "In addition to the foregoing permitted disclosures, Zoom also may disclose Customer Confidential Information to its consultants, contractors, service providers, subprocessors, and other third parties who are bound by confidentiality obligations at least as protective as the confidentiality provisions herein.");
        // Grammarly Commercial Terms: a mutual need-to-know clause.
        assert_clean(ID, "The recipient may disclose Confidential Information only to its affiliates, employees, agents, or professional advisors who need to know it and who have agreed in writing to keep it confidential.");
    }

    #[test]
    fn group_companies_and_abbreviated_personal_information() {
        // Xfinity Privacy Policy.
        assert_flags(ID, "We may disclose your personal information, including information that personally identifies you, to our related businesses for purposes consistent with those described in our privacy policy, including marketing and advertising.");
        // Dailymotion Privacy Policy: “PI”.
        assert_flags(ID, "We may also Share Your PI with third parties for the purpose of Targeted Advertisement.");
        // Starbucks Privacy Policy: “among”.
        assert_flags(ID, "We may share information between and among Starbucks Corporation, its subsidiaries, and affiliates for purposes of management and analysis, decision making, and other business purposes.");
        // pixiv Privacy Policy: companies named by the service they give.
        assert_clean(ID, "In order to detect payment abuse, we may provide payment-related User Data to payment-related companies.");
        // The Mirror Privacy Policy: a right to be told, not a disclosure.
        assert_clean(ID, "California’s “Shine the Light” law permits users of our App that are California residents to request certain information regarding our disclosure of personal information to third-parties for their direct marketing purposes.");
    }

    #[test]
    fn recipients_that_do_the_vendors_work() {
        // Bitwarden Privacy Policy: "partners" glosses the service providers in a parenthesis.
        assert_clean(ID, "This section describes our accountability with regard to the onward transfer of your Personal Information to third party service providers (subprocessors, suppliers, vendors, or partners) and across country borders.");
        // Hugging Face Privacy Policy: affiliates storing and processing on the vendor's behalf.
        assert_clean(ID, "The Company may transfer your Personal Information to affiliated companies for the purpose of storing or processing such information on its behalf.");
        // Miro Privacy Policy: affiliates for a purpose of the group's own.
        assert_flags(ID, "Miro may share Personal Data with its corporate affiliates, parents and/or subsidiaries for business continuity purposes.");
        // Tricky: processing on the vendor's behalf next to ends of the affiliates' own.
        assert_flags(ID, "We may share your information with our affiliates for the purpose of processing it on our behalf and for their own marketing purposes.");
    }

    #[test]
    fn cross_border_liability_and_back_references_to_a_deal() {
        // Discord Privacy Policy: the Data Privacy Framework's onward-transfer liability.
        assert_clean(ID, "In certain circumstances, we may be liable for the transfer of personal data from the EU, Switzerland, or the UK to a third party outside those countries.");
        // Bitwarden Privacy Policy: "such merger … or other transfer" refers back to the deal.
        assert_clean(ID, "If the third party proposes to materially change the privacy practices described in this Privacy Policy involving your Personal Information collected before such merger, acquisition, assignment or other transfer:");
        // Blockworks Privacy Policy: an item naming a buyer in a deal it describes.
        assert_flags(ID, "We may share personal information and other information that we collect as follows:\n\n*   With a buyer, successor, or other third party due to a merger, restructuring, reorganization, or other transfer or disposition of Blockworks or our operations, including, but not limited to, in the event of a sale, bankruptcy, dissolution, or similar proceeding. In such event, we will provide you with prior notification if your information will become subject to a different privacy policy.\n");
        // Tricky: the sentence that makes the transfer (Bitwarden Privacy Policy).
        assert_flags(ID, "We may also provide your Personal Information to a third party in connection with a merger or acquisition of Bitwarden, either in part or in whole, or the assignment or other transfer of the Site or Service.");
    }

    #[test]
    fn what_a_disclosure_law_requires_is_no_disclosure() {
        // Bitwarden and Hugging Face Privacy Policies.
        assert_clean(ID, "For individuals who are California residents, the California Consumer Privacy Act (CCPA) requires certain disclosures about the categories of Personal Information we collect and how we use it, the categories of sources from whom we collect Personal Information, and the third parties with whom we share it.");
        assert_clean(ID, "On September 27, 2013, California enacted A.B. 370, amending the California Online Privacy Protection Act to require website operators to disclose how they respond to \"Do Not Track Signals\"; and whether third parties collect personally identifiable information about users when they use online services.");
        // Tricky: the vendor's own disclosure to the same kind of recipient, and a disclosure that
        // advertising, not a law, requires (Dailymotion Privacy Policy).
        assert_flags(ID, "We may share your personal information with third parties with whom we have business relationships, such as advertisers.");
        assert_flags(ID, "For example, in general, the delivery of digital ads requires disclosure of some of Your Personal Data to companies participating in the ad-delivery process (ex. to advertisers, agencies, technical facilitators, etc.).");
    }

    #[test]
    fn an_ad_platform_linking_activity_across_sites() {
        // Bitwarden Privacy Policy.
        assert_flags(ID, "When you visit the Site using Google Analytics, we and Google may link information about your activity from that site with activity from other sites that use Google Analytics services.");
        // Tricky: the platform named as a tool, with nothing passing to it for its own use.
        assert_clean(
            ID,
            "We use a variety of tools to do this, including Google Analytics.",
        );
    }

    #[test]
    fn data_that_serves_the_recipients_own_business() {
        // Discord Privacy Policy: buyers' information given to sellers for their own business.
        assert_flags(ID, "Additionally, if you purchase goods or services from other users on Discord, we may disclose certain information to these users in order to facilitate the delivery of the goods or services purchased or help them understand and improve their business.");
        // Bitwarden Privacy Policy: an item under a lead-in of uses.
        assert_flags(ID, "All of the categories of Personal Information we collect about you are used for the following purposes:\n\n*   For our operational purposes, and the operational purposes of our service providers and integration partners\n");
        // Tricky: the same disclosure only to complete the purchase, and a prohibition.
        assert_clean(ID, "Additionally, if you purchase goods or services from other users on Discord, we may disclose certain information to these users in order to facilitate the delivery of the goods or services purchased.");
        assert_clean(ID, "Our service providers are not permitted to use the personal information we share with them to help them improve their products.");
    }

    #[test]
    fn a_caption_of_recipients_is_judged_by_its_items() {
        // Linear Privacy Policy: the caption is no disclosure; the business partners under it are.
        assert_clean(
            ID,
            "Categories of Third Parties With Whom We Share this Personal Data",
        );
        assert_flags(ID, "*   _Examples of Personal Data We Collect_\n    *   Identifying information in emails or letters you send us\n*   _Categories of Third Parties With Whom We Share this Personal Data_\n    *   Service Providers\n    *   Business Partners\n    *   Parties You Authorize, Access or Authenticate\n");
        assert_clean(ID, "*   _Examples of Personal Data We Collect_\n    *   Email\n*   _Categories of Third Parties With Whom We Share this Personal Data_\n    *   Service Providers\n    *   Parties You Authorize, Access or Authenticate\n");
        // A pointer to the sharing section.
        assert_clean(ID, "The “How We Share Your Personal Data” section above details how we share your Personal Data with third parties.");
    }

    #[test]
    fn parties_running_the_vendors_processing_or_computing() {
        // Linear Privacy Policy.
        assert_clean(ID, "Our payment processing partner collects your voluntarily-provided payment card information necessary to process your payment.");
        // Wolfram Privacy Policy.
        assert_clean(ID, "When you use Wolfram Compute Services, your submitted code and data are transmitted to and temporarily processed on third-party computing infrastructure.");
        assert_clean(
            ID,
            "Your code submissions are sent to external servers operated by computing partners.",
        );
        // Partners that use the data for themselves are still recipients.
        assert_flags(
            ID,
            "Our marketing partners collect your email address to send you their offers.",
        );
    }

    #[test]
    fn entries_of_a_section_about_sharing() {
        assert_flags(ID, "## How We Share Your Personal Data\n\n*   Advertising partners\n*   Service providers\n");
        // Linear Privacy Policy: partners described, not named.
        assert_flags(ID, "## How We Share Your Personal Data\n\n*   **Business Partners.** These parties partner with us in offering various services.\n");
        // Coindesk Privacy Policy: legal requests; a bare column header.
        assert_clean(ID, "## How We Share Your Personal Data\n\n*   Service providers\n*   Third parties relating to legal requests.\n*   Third Party\n");
        // Outside a section about sharing, partnering says nothing of data.
        assert_clean(
            ID,
            "## About us\n\nThese parties partner with us in offering various services.\n",
        );
    }

    #[test]
    fn other_parties_beside_processors_and_licences_that_benefit_affiliates() {
        // Linear Privacy Policy.
        assert_flags(ID, "We disclose your Personal Data to the categories of service providers and other parties listed in this section.");
        assert_clean(
            ID,
            "We disclose your Personal Data only to our service providers.",
        );
        // Pinterest Terms of Service.
        assert_flags(ID, "As Pinterest is a worldwide service, you agree that any rights and licenses granted hereunder benefit Pinterest, Inc. and all of its worldwide subsidiaries and affiliates.");
        assert_clean(
            ID,
            "You agree that any rights and licenses granted hereunder benefit Pinterest, Inc.",
        );
        // Linear Terms of Service: the customer's own affiliates take the customer's rights.
        assert_clean(ID, "Customer may, at its option, provide access to the Service and Documentation to its Affiliates, in which case all rights granted, and obligations incurred, under this Agreement shall extend to such Affiliates.");
    }

    #[test]
    fn recipients_listed_under_the_following_categories() {
        // Wolfram Privacy Policy: the items name the recipients.
        assert_flags(ID, "We disclose your PI for a business purpose to the following categories of third parties:\n\n*   Our affiliates\n");
        assert_flags(ID, "We may share your PI with:\n\n*   Our affiliates\n");
        // ... but not those the customer authorises.
        assert_clean(ID, "We may share your PI with:\n\n*   Third parties to whom you or your agents authorize us to disclose your PI in connection with products or Services we provide to you\n");
    }

    #[test]
    fn third_party_cookies_the_vendor_uses() {
        // Wolfram Privacy Policy.
        assert_flags(ID, "On specific sites, Wolfram may use third-party cookies when working with outside partners for analytics and to optimize delivery of information that may be of interest to you.");
        assert_clean(ID, "We do not use third-party cookies on our websites.");
        // What third-party cookies are is no use of them.
        assert_clean(
            ID,
            "Third-party cookies are set by a domain other than the one you are visiting.",
        );
    }

    #[test]
    fn an_opt_out_from_sharing_admits_the_default() {
        // Bitwarden Privacy Policy.
        assert_flags(ID, "You may choose to opt-out of allowing your Personal Information to be shared with certain third-parties.");
        // A statutory right states the law.
        assert_clean(ID, "If you are a resident of Nevada, you have the right to opt-out of the sale of certain Personal Data to third parties who intend to license or sell that Personal Data.");
        // Processors are no third parties for this rule.
        assert_clean(ID, "You may opt out of allowing your personal information to be shared with our service providers.");
    }
}
