//! `data-rights/broad-license`
//!
//! ## What it flags
//! A licence the customer grants over its content that is perpetual, irrevocable, sublicensable
//! (also: granted to the vendor "and its sublicensees") or transferable, or that survives
//! termination — including a survival clause that lists the content provisions ("Section 3 (Your
//! Content)", or "Sections 3, 8 … will continue to be operative" where section 3 is titled "Your User
//! Content"). The message names which of those it is. Also, without the word "licence": use of the
//! content that continues after its deletion or the account ("may continue to use and make available
//! any and all Content … even if your account is terminated"), and the vendor's right to assign "any
//! rights and licenses granted hereunder" in a contract with a section on the customer's content. Also the customer's material passing into
//! the vendor's ownership ("any Feedback you provide will become the property of NYT", "we shall
//! own all right, title, and interest in and to such feedback"), which is broader than any licence.
//! A prohibition on the customer ("You may not … sublicense") is no licence.
//!
//! ## Why it matters
//! Each facet outlives the relationship or escapes it: a perpetual, irrevocable licence cannot be
//! ended by terminating; a sublicensable or transferable one lets rights reach parties the customer
//! never chose. "Worldwide, royalty-free, non-exclusive" alone is ordinary for a hosting service.

use std::sync::OnceLock;

use crate::text_regex::regex;
use crate::text_regex::TextRegex;

use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, scope_end, scope_start, vendor_permission, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::sentence_finding;

pub struct BroadLicense;

static META: RuleMeta = RuleMeta {
    id: "data-rights/broad-license",
    default_severity: Severity::Error,
    doc: RuleDoc {
        summary: "A licence over customer content is perpetual, irrevocable, sublicensable, transferable or survives termination.",
        why: "A licence with these facets outlives the contract or travels to parties you never chose; \
              terminating the agreement does not take the rights back.",
        example: "You hereby grant us a worldwide, perpetual, irrevocable, sublicensable and transferable \
                  license to use, reproduce and modify Your Content.",
        suggested: "Customer grants Vendor a non-exclusive, non-transferable licence, without the right to \
                    sublicense except to sub-processors bound by equivalent obligations, to use Customer \
                    Content solely to provide the Services to Customer during the term of this Agreement.",
        references: &["REVIEW-GUIDE: Data rights — licence facets"],
    },
};

struct Facet {
    name: &'static str,
    pattern: &'static str,
}

const FACETS: &[Facet] = &[
    Facet {
        name: "perpetual",
        pattern: r"(?-u:\b)perpetual(?:ly)?(?-u:\b)|(?-u:\b)in perpetuity(?-u:\b)",
    },
    // "for the entire duration of the intellectual property rights", "for the full term of any
    // copyright that may exist in such User Content": as long as the rights last is perpetual in
    // effect (European drafting avoids the word).
    Facet {
        name: "granted for as long as the rights last",
        pattern: r"(?-u:\b)for the (?:entire|full|whole|legal) (?:duration|term|period) of (?:the |any |such )?(?:intellectual property|copyrights?|author's rights|rights)(?-u:\b)",
    },
    Facet {
        name: "irrevocable",
        pattern: r"(?-u:\b)irrevocabl[ey](?-u:\b)|(?-u:\b)cannot revoke(?-u:\b)|(?-u:\b)can't revoke(?-u:\b)|(?-u:\b)may not revoke(?-u:\b)",
    },
    Facet {
        name: "sublicensable",
        pattern: r"(?-u:\b)sub-?licens(?:able|eable|e|ing)(?-u:\b)|(?-u:\b)right to (?:grant )?sub-?licen[cs]es?(?-u:\b)|(?-u:\b)through multiple tiers(?-u:\b)|(?-u:\b)sub-?licensees(?-u:\b)",
    },
    Facet {
        name: "transferable",
        pattern: r"(?-u:\b)transferr?able(?-u:\b)|(?-u:\b)assignable(?-u:\b)",
    },
    Facet {
        name: "stated to survive termination",
        pattern: r"(?-u:\b)surviv(?:e|es|ing)(?-u:\b)|(?-u:\b)(?:continue|remain)s? in (?:full )?(?:force|effect)(?-u:\b)|(?-u:\b)even (?:after|if) (?:you|your)(?-u:\b)",
    },
    Facet {
        name: "backed by an assignment of rights",
        pattern: r"(?-u:\b)assigns? (?:and agrees? to assign )?(?:to [a-z]+ )?(?:all|any)(?-u:\b)[^.;]{0,40}(?-u:\b)(?:right|title|interest)",
    },
];

fn facet_regexes() -> &'static [(&'static str, TextRegex)] {
    static RES: OnceLock<Vec<(&'static str, TextRegex)>> = OnceLock::new();
    RES.get_or_init(|| {
        FACETS
            .iter()
            .map(|f| {
                (
                    f.name,
                    TextRegex::new(f.pattern).expect("valid facet regex"),
                )
            })
            .collect()
    })
}

/// "non-transferable", "non-sublicensable", "not transferable", "revocable": the facet is denied.
fn denied(norm: &str, start: usize) -> bool {
    let before = &norm[..start];
    before.ends_with("non-")
        || before.ends_with("non ")
        || before.ends_with("not ")
        || before.ends_with("without the ")
}

/// The facets present in a sentence, in the order of `FACETS`.
pub(crate) fn facets(s: &SentenceFacts) -> Vec<&'static str> {
    facet_regexes()
        .iter()
        .filter(|(_, re)| re.find_iter(&s.norm).any(|m| !denied(&s.norm, m.start())))
        .map(|(name, _)| *name)
        .collect()
}

/// The licence runs from the customer (or is passive): not "we grant you a licence".
pub(crate) fn granted_by_customer(s: &SentenceFacts) -> bool {
    let Some(grant) = s.first(Concept::License) else {
        return false;
    };
    let after = s.norm[grant.end..].trim_start();
    let grant_verb = matches!(
        &s.norm[grant.start..grant.end],
        "grant" | "grants" | "hereby grant" | "granted"
    );
    if grant_verb
        && (after.starts_with("you") || after.starts_with("to you"))
        && actor_before(s, grant.start) != Actor::Customer
    {
        return false;
    }
    !matches!(actor_before(s, grant.start), Actor::Vendor)
        || s.norm[..grant.start].contains("you ")
        || s.norm.contains(" you grant")
}

/// "You hereby grant us a perpetual license to do so", "these rights are irrevocable", "you grant us
/// a perpetual … licence to use … any such material": a licence whose object is the use or the
/// material named in the sentence before, when that sentence is about the customer's content ("Any
/// material you upload to our Service …").
fn refers_back_to_content(cx: &Context, s: &SentenceFacts) -> bool {
    let re = regex!(
        r"(?-u:\b)(?:to do so|do the same|(?:this|that|such|the above|the foregoing) (?:license|licence|right|permission)s?|(?:these|those|such) rights|such (?:material|materials|content|submissions?|uploads?))(?-u:\b)"
    );
    re.is_match(&s.norm)
        && cx
            .previous_in_block(s)
            .is_some_and(|p| p.has(Concept::Content) || supplied_by_customer(p))
}

/// A grant the licence lexicon does not name: "all right, title and interest in the Feedback"
/// assigned by the customer (broader than any licence), "permission for Stack Overflow to publish",
/// "the right for Quora to copy".
fn unnamed_grant(s: &SentenceFacts) -> Option<usize> {
    let re = regex!(
        r"(?-u:\b)(?:assign|assigns|assigned)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:all|any)(?: of (?:its|your|their))? (?:right|rights|title|interest)(?-u:\b)|(?-u:\b)(?:permission|the right|rights) for [a-z]+(?: [a-z]+)? to(?-u:\b)"
    );
    let m = re.find(&s.norm)?;
    // "We assign to you all right, title and interest in the Output": the vendor gives, not takes.
    let after = &s.norm[m.start()..];
    if after.contains(" to you") || after.contains(" to customer") {
        return None;
    }
    (actor_before(s, m.start()) != Actor::Vendor).then_some(m.start())
}

/// "Any Feedback you provide will become the property of NYT", "we shall own all right, title, and
/// interest in and to such feedback": the customer's material passes into the vendor's ownership,
/// which no licence facet describes because it is broader than all of them. Returns the
/// normalised range of the ownership phrase.
fn vendor_takes_ownership(s: &SentenceFacts) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:become|becomes|(?:shall|will) be) (?:the )?(?:(?:sole|exclusive|absolute) (?:and (?:sole|exclusive|absolute) )?)?property of (?P<owner>[a-z]+)(?-u:\b)|(?-u:\b)owns? (?:all|the entire|exclusive) (?:right|rights|title)(?-u:\b)[^.;]{0,30}? in(?: and to)? "
    );
    if !s.has(Concept::Content) || !s.has(Concept::Ownership) {
        return None;
    }
    re.captures_iter(&s.norm).find_map(|c| {
        let m = c.get(0)?;
        let content_is_owned = match c.name("owner") {
            // "… will become the property of": the content is the subject, in the same clause.
            // Only a transfer counts: "Our Content and Materials remain the property of Quora"
            // states the vendor's existing property.
            // The owner's own name is no content of the customer's ("funds transferred to
            // NextRoll become the property of NextRoll").
            Some(owner) => {
                let clause = scope_start(&s.norm, m.start());
                !matches!(
                    owner.as_str(),
                    "you" | "your" | "customer" | "user" | "users" | "its" | "their" | "the"
                ) && s.hits_of(Concept::Content).any(|h| {
                    h.start >= clause
                        && h.end <= m.start()
                        && s.norm[h.start..h.end] != *owner.as_str()
                })
            }
            // "… own all right, title and interest in and to": the content is the object, and
            // the vendor the owner.
            // the vendor the owner. "… in any materials we develop based on such feedback" is
            // the vendor's own work.
            None => {
                actor_before(s, m.start()) == Actor::Vendor
                    && s.hits_of(Concept::Content).any(|h| {
                        h.start >= m.end()
                            && h.start <= m.end() + 12
                            && !made_by_vendor(&s.norm[h.end..])
                    })
            }
        };
        // The quote stops before the owner's name, which normalisation has lower-cased.
        let end = c.name("owner").map_or(m.end(), |o| o.start());
        content_is_owned.then(|| (m.start(), end))
    })
}

/// "… materials or items we develop based on such feedback": what follows a noun says the vendor
/// made it.
fn made_by_vendor(after_noun: &str) -> bool {
    let after = after_noun.trim_start();
    // A coordinated second noun: "materials or items", "works and inventions".
    let after = ["or ", "and "]
        .iter()
        .find_map(|conj| after.strip_prefix(conj))
        .and_then(|rest| rest.split_once(' ').map(|(_, rest)| rest))
        .unwrap_or(after);
    let after = after
        .strip_prefix("that ")
        .or_else(|| after.strip_prefix("which "))
        .unwrap_or(after);
    ["we ", "vendor ", "company "].iter().any(|who| {
        after.strip_prefix(who).is_some_and(|rest| {
            ["develop", "create", "make", "build", "produce", "generate"]
                .iter()
                .any(|verb| rest.starts_with(verb))
        })
    })
}

/// "The following provisions will survive expiration or termination of these Terms: … Section 3
/// (Your Content) …": the content provisions, licence included, outlive the contract. The section may
/// be named by its number only ("Upon termination, Sections 3, 8, 9 … will continue to be
/// operative"), when the number resolves to a section whose title names the customer's content.
fn survival_of_content_provisions(cx: &Context, s: &SentenceFacts) -> Option<usize> {
    // "Upon termination, Sections 3, 8 … will continue to be operative", "Sections 10 through 15
    // will survive and remain in effect": other words for surviving, with the termination named.
    let continues = regex!(
        r"(?-u:\b)(?:sections?|clauses?|paragraphs?|provisions?|articles?)(?-u:\b)[^.]*(?-u:\b)(?:surviv(?:e|es)|continue\ to\ be\ operative|(?:continue|continues|remain|remains)\ in\ (?:full\ )?(?:force|effect)|continue\ to\ apply)(?-u:\b)"
    );
    // The cheap tests first: a termination named, and a cross-reference that resolves to a content
    // section; the pattern only then.
    let ends = ["terminat", "expir"].iter().any(|w| s.norm.contains(w));
    if ends && refers_to_content_section(cx, s) {
        if let Some(m) = continues.find(&s.norm) {
            return Some(m.start());
        }
    }
    let re = regex!(
        r"(?-u:\b)(?:sections?|clauses?|paragraphs?|provisions?|articles?)(?-u:\b)[^.]*(?-u:\b)surviv(?:e|es|ing)\s+(?:any\s+|the\s+)?(?:expiration|expiry|termination)(?-u:\b)|(?-u:\b)surviv(?:e|es|ing)\s+(?:any\s+|the\s+)?(?:expiration|expiry|termination)(?-u:\b)[^.]*(?-u:\b)(?:sections?|clauses?|paragraphs?|articles?)(?-u:\b)"
    );
    if !s.has(Concept::Content) {
        return None;
    }
    let m = re.find(&s.norm)?;
    // The content must be named as a provision: "Section 3 (Your Content)", "4. Content".
    let names_content_provision = s.hits_of(Concept::Content).any(|h| {
        let before = s.norm[..h.start].trim_end_matches([' ', '(']);
        let before = before
            .strip_suffix("your")
            .unwrap_or(before)
            .trim_end_matches([' ', '(']);
        before.ends_with(|c: char| c.is_ascii_digit() || c == ')')
    });
    names_content_provision.then_some(m.start())
}

/// A section title about the customer's material: "Your User Content", "User-Generated Content",
/// "Your Content" — not the vendor's ("Our Content and Materials") or a third party's. A feedback
/// section is left out: its licence is perpetual in itself, flagged where it is granted, so its
/// survival adds nothing.
fn content_title(title: &str) -> bool {
    let title = title.to_lowercase();
    regex!(r"(?-u:\b)(?:content|contents|submissions|uploads|user materials|your materials|customer data|your data)(?-u:\b)")
        .is_match(&title)
        && !regex!(r"(?-u:\b)(?:our|third|third-party|prohibited)(?-u:\b)").is_match(&title)
}

/// A cross-reference in the sentence resolves to a section whose title names the customer's
/// material ("Sections 3, 8, 9 …" where section 3 is "Your User Content").
fn refers_to_content_section(cx: &Context, s: &SentenceFacts) -> bool {
    cx.doc
        .cross_refs
        .iter()
        .filter(|r| r.span.start >= s.span.start && r.span.end <= s.span.end)
        .flat_map(|r| r.targets.iter())
        .filter_map(|t| t.resolved)
        .any(|id| {
            cx.doc.clauses[id]
                .title
                .as_deref()
                .is_some_and(content_title)
        })
}

/// "The Company may continue to use and make available any and all Content … even if your account is
/// terminated", "anything you post … may be used by the public … even after you delete it": a use
/// of the customer's material that outlasts its deletion or the account, granted without the word
/// "licence".
fn continued_use(s: &SentenceFacts) -> bool {
    // The cheap test first: every form below says "continue to" or "be …".
    if !(s.norm.contains("continue to") || s.norm.contains(" be ")) {
        return false;
    }
    let content = s.hits_of(Concept::Content).any(|h| {
        let hit = &s.norm[h.start..h.end];
        !(hit.contains("personal") || hit.contains("information") || hit.contains("data"))
    }) || supplied_by_customer(s);
    if !content {
        return false;
    }
    let continuing = regex!(
        r"(?-u:\b)(?:may|can|will|shall)\ (?:also\ |still\ )?(?:retain\ and\ |keep\ and\ )?continue\ to\ (?:use|display|distribute|reproduce|publish|exploit|make\ available)(?-u:\b)"
    );
    let used_after = regex!(
        r"(?-u:\b)(?:may|can|will)\ (?:still\ |continue\ to\ )?be\ (?:used|displayed|distributed|reproduced|published)(?-u:\b)"
    );
    let after_deletion = regex!(
        r"(?-u:\b)(?:even\ )?(?:after|if|once)\ (?:you\ (?:delete|remove|close|terminate|cancel)|your\ (?:account|content)\ (?:is|has\ been)\ (?:deleted|terminated|closed|removed)|(?:the\ )?(?:deletion|termination|removal))(?-u:\b)"
    );
    // "We and our users may retain and continue to use": a vendor subject beside the users. The
    // content is what is used ("… any of your User Content"), not a word elsewhere ("we will
    // continue to use that watch history … to recommend content").
    if let Some(m) = continuing.find(&s.norm) {
        let end = scope_end(&s.norm, m.end());
        let object = s.hits_of(Concept::Content).any(|h| {
            h.start >= m.end() && h.end <= end && {
                let between = &s.norm[m.end()..h.start];
                !between.contains(" to ") && !between.contains(" for ")
            }
        });
        return object && vendor_permission(s, m.start()) && !negated(s, m.start());
    }
    // A passive use ("anything you post … may be used by the public"): whoever uses it, the
    // customer is not the one permitted.
    used_after
        .find(&s.norm)
        .filter(|m| after_deletion.is_match(&s.norm[m.end()..]))
        .is_some_and(|m| !negated(s, m.start()))
}

/// The document has a section about the customer's material ("3. Your User Content"): the licences
/// granted under it include one over that material.
fn has_content_section(cx: &Context) -> bool {
    cx.doc
        .clauses
        .iter()
        .any(|c| c.title.as_deref().is_some_and(content_title))
}

/// "These Terms, and any rights and licenses granted hereunder, … may be assigned by us without
/// restriction", "GitHub may assign … these Terms …, including the license grant in Section D.4":
/// the vendor may pass the licences it holds, the one over the customer's content among them, to
/// anyone. Returns where the assignment is stated.
fn vendor_assigns_licences(cx: &Context, s: &SentenceFacts) -> Option<usize> {
    if !(s.has(Concept::License) && (s.norm.contains("assign") || s.norm.contains("transfer"))) {
        return None;
    }
    regex!(r"(?-u:\b)(?:rights\ and\ licen[cs]es|licen[cs]es\ and\ rights|licen[cs]e\ grants?|licen[cs]es\ granted)(?-u:\b)")
        .find(&s.norm)?;
    let by = regex!(
        r"(?-u:\b)(?:assigned|transferred|delegated)\ (?:or\ (?:assigned|transferred|delegated)\ )?by\ (?P<who>[a-z][a-z.-]*)(?-u:\b)"
    );
    let passive = by.captures_iter(&s.norm).find_map(|c| {
        let who = c.name("who")?.as_str();
        let m = c.get(0)?;
        (!matches!(
            who,
            "you"
                | "your"
                | "customer"
                | "customers"
                | "user"
                | "users"
                | "licensee"
                | "either"
                | "any"
        ) && !negated(s, m.start()))
        .then_some(m.start())
    });
    let active = || {
        regex!(r"(?-u:\b)(?:assign|transfer|delegate)(?-u:\b)")
            .find_iter(&s.norm)
            .find(|m| actor_before(s, m.start()) == Actor::Vendor && !negated(s, m.start()))
            .map(|m| m.start())
    };
    let at = passive.or_else(active)?;
    has_content_section(cx).then_some(at)
}

/// The customer's own material named by how it arrives: "any question you post", "anything users
/// upload".
fn supplied_by_customer(s: &SentenceFacts) -> bool {
    regex!(r"(?-u:\b)(?:you|users?|customers?) (?:post|posts|upload|uploads|submit|submits|contribute|contributes|publish|publishes)(?-u:\b)|(?-u:\b)by (?:providing|submitting|posting|uploading|sending|contributing|sharing)(?-u:\b)")
    .is_match(&s.norm)
}

impl Rule for BroadLicense {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.focused() {
            // "You may not … transfer or sub-license the Learning Resources": a prohibition on the
            // customer, not a licence it grants.
            if s.in_heading || cx.in_prohibited_list(s) {
                continue;
            }
            if let Some((start, end)) = vendor_takes_ownership(s) {
                if !negated(s, start) {
                    let taken = cx.quote(s.source_span(start, end));
                    out.push(sentence_finding(
                        cx,
                        &META,
                        s,
                        format!(
                            "Your material becomes the vendor's property (“{taken}”). Ownership is broader \
                             than any licence: it is perpetual and irrevocable, survives termination, and \
                             lets the vendor license or sell the material to anyone. Ask for a non-exclusive \
                             licence limited to the stated purpose instead, and keep ownership."
                        ),
                    ));
                    continue;
                }
            }
            // The assignment clause names the licences ("any rights and licenses granted
            // hereunder"), so it is read before the licence words send the sentence on.
            if vendor_assigns_licences(cx, s).is_some() {
                out.push(sentence_finding(
                    cx,
                    &META,
                    s,
                    "The vendor may assign the agreement with the licences you grant, the one over your \
                     content included, to anyone: the licence is transferable in effect. Ask that an \
                     assignment need your consent or be limited to a successor of the whole business bound \
                     by the same terms."
                        .to_string(),
                ));
                continue;
            }
            if !s.has(Concept::License) {
                if continued_use(s) {
                    out.push(sentence_finding(
                        cx,
                        &META,
                        s,
                        "Your content may go on being used after you delete it or your account ends. \
                         That use survives termination like a perpetual licence; ask that use end, and \
                         copies be deleted, when the content or the account is removed."
                            .to_string(),
                    ));
                    continue;
                }
                if let Some(at) = survival_of_content_provisions(cx, s) {
                    if !negated(s, at) {
                        out.push(sentence_finding(
                            cx,
                            &META,
                            s,
                            "The provisions on your content, with the licence over it, are stated to survive \
                             termination. Those rights would outlast the contract; let the licence end with \
                             the term, except as needed to wind down the Services."
                                .to_string(),
                        ));
                        continue;
                    }
                }
            }
            let named = s.has(Concept::License);
            let unnamed = if !named && (s.has(Concept::Ownership) || s.norm.contains(" for ")) {
                unnamed_grant(s)
            } else {
                None
            };
            if !named && unnamed.is_none() {
                continue;
            }
            let about_content = s.has(Concept::Content)
                || s.norm.contains("license rights granted by you")
                || s.norm.contains("licenses granted by you")
                || s.norm.contains("rights granted by you")
                || supplied_by_customer(s)
                || refers_back_to_content(cx, s);
            if !about_content || (named && !granted_by_customer(s)) {
                continue;
            }
            let found = facets(s);
            if found.is_empty() {
                continue;
            }
            let grant = match unnamed {
                Some(at) => at,
                None => s.first(Concept::License).map_or(0, |h| h.start),
            };
            if negated(s, grant) && !found.contains(&"irrevocable") {
                continue;
            }
            let list = match found.as_slice() {
                [one] => one.to_string(),
                [init @ .., last] => format!("{} and {last}", init.join(", ")),
                [] => unreachable!("checked non-empty"),
            };
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "The licence over your content is {list}. Those rights would outlast the contract or \
                     pass to others; limit it to providing the Services during the term."
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};

    const ID: &str = "data-rights/broad-license";

    #[test]
    fn names_the_facets() {
        // Bandcamp Terms of Service.
        let text = "By Submitting any User Submissions through the Site or the Service, you hereby grant Company a \
                    worldwide, non-exclusive, perpetual, irrevocable, royalty-free, fully paid, sublicensable and \
                    transferable license to use, edit, modify, reproduce and distribute such User Submissions.";
        let f = findings(ID, text);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("perpetual, irrevocable, sublicensable and transferable"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_licence_that_points_back_to_content() {
        // ArtStation Terms of Service: the licence's object is in the sentence before.
        assert_flags(
            ID,
            "We may display Your Content on the Site and in Epic’s promotions. You hereby grant us a \
             royalty-free, perpetual, world-wide license to do so.",
        );
        // Deliveroo Terms of Service: "such material" is what the customer uploads.
        assert_flags(ID, "Any material you upload to our Service will be considered non-confidential and non-proprietary. To the extent that such material is protected by intellectual property rights, you grant us a perpetual, worldwide, royalty-free licence to use, copy, modify, distribute, sell and disclose to third parties any such material or data for any purpose related to our business.");
        // ... but not the vendor's own material.
        assert_clean(ID, "Our Service contains material that we publish for our customers. We grant you a non-exclusive, perpetual licence to view such material for personal use.");
        // Tricky: the back-reference follows a sentence that is not about content.
        assert_clean(
            ID,
            "We may send you marketing e-mails — see § 4. You hereby grant us a perpetual license to do so.",
        );
    }

    #[test]
    fn feedback_and_survival() {
        // Vimeo Terms of Service (feedback).
        assert_flags(ID, "You grant Vimeo a perpetual and irrevocable right and license to use, copy, transmit, distribute, publicly perform, and display such feedback in any manner without any compensation to you.");
        assert_flags(
            ID,
            "The license you grant us in Your Content survives termination of these Terms.",
        );
    }

    #[test]
    fn grants_without_the_word_licence() {
        // Grammarly Commercial Terms (the vendor's name as "we": a snippet defines no party names).
        assert_flags(ID, "If Customer or its End Users provide us with any suggestions, enhancement requests, recommendations, or other feedback regarding the Services, we may use that feedback without restriction or obligation to Customer, and Customer hereby assigns all rights, title, and interest in such feedback to us.");
        // Stack Overflow Terms of Service: "cannot revoke" is irrevocable.
        assert_flags(ID, "This means that you cannot revoke permission for Stack Overflow to publish, distribute, store and use such content and to allow others to have derivative rights to publish, distribute, store and use such content.");
        // Quora Terms of Service: the content named by how it arrives.
        assert_flags(ID, "The right for Quora to copy, display, transmit, publish, perform, distribute, store, modify, and otherwise use any question you post, and sublicense those rights to others, is perpetual and irrevocable, to the maximum extent permitted by law, except as otherwise specified in these Terms.");
        // The vendor assigning outputs to the customer is the opposite.
        assert_clean(
            ID,
            "We hereby irrevocably assign to you all right, title and interest in the Output.",
        );
        // A revocable permission.
        assert_clean(
            ID,
            "You may revoke permission for us to display your content at any time.",
        );
    }

    #[test]
    fn ordinary_or_reverse_licences_are_clean() {
        assert_clean(ID, "You grant us a worldwide, non-exclusive, royalty-free license to host and display Your Content solely to provide the Services.");
        // The vendor licensing its software to the customer.
        assert_clean(ID, "Zoom grants you a limited, non-exclusive, non-transferable, non-sublicensable, revocable license to use the Software.");
        assert_clean(
            ID,
            "We grant you a perpetual license to use the fonts included in the app.",
        );
    }

    #[test]
    fn sublicensees_feedback_and_surviving_content_provisions() {
        // Bandcamp Terms of Service: a licence running to the vendor's sublicensees.
        assert_flags(ID, "Each Artist uploading Music to the Service grants Company and its authorized sublicensees and distributors, if any, the worldwide, non-exclusive, royalty-free, right and license to reproduce, distribute and publicly perform the Artist’s Music.");
        // Overleaf Terms of Service: content named by how it arrives.
        assert_flags(ID, "By providing such comments, you irrevocably grant all rights necessary for their use for product improvement purposes and otherwise as we may choose.");
        // Quora Terms of Service: the content section survives.
        assert_flags(ID, "The following provisions will survive expiration or termination of these Terms: 1.6 (Feedback), Section 3 (Your Content), Section 8 (Termination), and Section 12 (General Terms).");
        // Tricky: surviving provisions that are not about content.
        assert_clean(ID, "The following provisions will survive termination of these Terms: Section 8 (Termination), Section 9 (Disclaimers) and Section 12 (General Terms).");
    }

    #[test]
    fn the_vendor_taking_ownership_of_the_customers_material() {
        // WPEngine Terms of Service.
        let f = findings(ID, "Except to the limited extent such feedback contains any of your Confidential Information, we are free to use and disclose such feedback for any purpose without an accounting to you or any other person, and we shall own all right, title, and interest in and to such feedback along with any changes we make.");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("(“own all right, title, and interest in and to”)"),
            "{}",
            f[0].message
        );
        let f = findings(
            ID,
            "Any Feedback you provide will become the property of NYT.",
        );
        assert!(
            f[0].message.contains("(“become the property of”)"),
            "{}",
            f[0].message
        );
        // The New York Times Terms of Service, with curly quotes and an em dash around it.
        assert_flags(ID, "During the beta — as “Beta Tester” — any Feedback you provide will become the property of NYT without any right to compensation.");
        // Lyft Terms of Service: "sole property".
        assert_flags(ID, "Any questions, comments, suggestions, ideas, feedback or other information (“Submissions”) provided by you to us are non-confidential and shall become the sole property of Lyft.");
        // Protective: the customer keeps ownership, or the vendor disclaims it.
        assert_clean(
            ID,
            "You own all right, title, and interest in and to User Content.",
        );
        assert_clean(
            ID,
            "Your feedback remains the property of you and your organisation.",
        );
        assert_clean(ID, "You acknowledge and agree that Our Content and Materials remain the property of Quora's users or Quora.");
        assert_clean(ID, "We do not own all rights in your content, and your content will not become the property of Acme.");
        // Viber Terms of Service: what the vendor develops from feedback is its own work.
        assert_clean(ID, "You agree that we will own all rights in any materials or items we develop based on such feedback or suggestions.");
        // Tricky: the vendor owns its own Services, not the customer's material.
        assert_clean(ID, "We own all right, title and interest in and to the Services, including any software we provide to process your files.");
    }

    #[test]
    fn a_prohibition_on_the_customer_is_no_licence() {
        // Viber Terms of Service: a list of what the customer may not do.
        assert_clean(ID, "You may not:\n\n* rent, lease, lend, sell, redistribute or sublicense the Material or the Services.\n");
        // Linear Terms of Service: an item's own exception ("except as … prohibited by law") does
        // not lift the prohibition from the items after it.
        assert_clean(ID, "Customer agrees that it will not, and will not allow Users or third parties to, directly or indirectly (a) modify, translate, copy or create derivative works based on the Service, (b) reverse engineer the Service, except as and only to the extent this restriction is prohibited by law, (c) license, sublicense, sell, resell, transfer, assign, distribute or otherwise make the Service available to any third party, or (d) remove any proprietary notices from User Content.");
    }

    /// A contract with a section on the customer's content, as Pinterest's Terms of Service lay it
    /// out, followed by `tail`.
    fn with_content_section(title: &str, tail: &str) -> String {
        format!(
            "3\\. {title}\n=====\n\nYou grant us a non-exclusive licence to use the material you post.\n\n\
             7\\. Termination\n=====\n\n{tail}\n"
        )
    }

    #[test]
    fn a_licence_for_as_long_as_the_rights_last() {
        // Steam Subscriber Agreement: the licence sentence before it names the content.
        let f = findings(ID, "When you upload your content to Steam, you grant Valve and its affiliates the worldwide, non-exclusive right to use, reproduce and distribute your User Generated Content. This license is granted to Valve as the content is uploaded on Steam for the entire duration of the intellectual property rights.");
        assert!(
            f.iter()
                .any(|f| f.message.contains("granted for as long as the rights last")),
            "{f:?}"
        );
        // Tricky: the duration of a subscription is no such term.
        assert_clean(ID, "You grant us a non-exclusive license to host Your Content for the entire duration of your subscription.");
        // The vendor licensing its software to the customer.
        assert_clean(
            ID,
            "We grant you a licence to use the Software for the full term of the copyright in it.",
        );
    }

    #[test]
    fn surviving_sections_named_by_number() {
        // Pinterest Terms of Service: section 3 is "Your User Content".
        assert_flags(ID, &with_content_section("Your User Content", "Upon termination, Sections 3, 8, 9, 10, 11, 12, and 13 of these Terms will continue to be operative."));
        // The same survival clause where section 3 is about something else.
        assert_clean(ID, &with_content_section("Fees and Payment", "Upon termination, Sections 3, 8, 9, 10, 11, 12, and 13 of these Terms will continue to be operative."));
        // Tricky: the vendor's own content section (Quora: "Our Content and Materials").
        assert_clean(ID, &with_content_section("Our Content and Materials", "Upon termination, Sections 3, 8, 9, 10, 11, 12, and 13 of these Terms will continue to be operative."));
    }

    #[test]
    fn use_that_continues_after_deletion_or_termination() {
        // hi5 / Tagged Terms of Service.
        assert_flags(ID, "The Company may continue to use and make available any and all Content and the Company will continue to have all of these rights even if your account is terminated.");
        // Pinterest Terms of Service.
        assert_flags(ID, "We and our users may retain and continue to use, store, display, reproduce, save, modify, create derivative works, perform, and distribute any of your User Content that you or other users have stored or shared on Pinterest.");
        // Imgur Terms of Service: a passive use, after deletion.
        assert_flags(ID, "Also, of course, anything you post to a public portion of our site may be used by the public pursuant to the following paragraph even after you delete it.");
        // The hi5 clause refused.
        assert_clean(ID, "The Company will not continue to use or make available any Content if your account is terminated.");
        // Tricky, YouTube Kids Privacy Policy: the history is used, the content only recommended.
        assert_clean(ID, "When you sign in with your Google account, we use the watch and search history tied to each specific installation of the app to recommend content on YouTube Kids, and we will continue to use that watch and search history for recommendations even if you sign out of the app.");
        // Tinder Terms of Service: the customer's own use of the service.
        assert_clean(ID, "If you cancel a subscription, you may continue to use the cancelled service until the end of your then-current subscription term.");
        // Tricky, Bandcamp Privacy Policy: an acquirer using personal data is sharing, not a
        // licence over content.
        assert_clean(ID, "You acknowledge that such transfers may occur, and that any acquirer of Bandcamp may continue to use your Personal Data as set forth in this policy.");
    }

    #[test]
    fn the_vendor_assigning_the_licences_it_holds() {
        // Pinterest Terms of Service.
        assert_flags(ID, &with_content_section("Your User Content", "In all other cases, these Terms, and any rights and licenses granted hereunder, may not be transferred or assigned by you, but may be assigned by us without restriction."));
        assert_flags(ID, &with_content_section("Your User Content", "If you’re a consumer in the EEA, Switzerland, or the UK, either you or we may assign this agreement, and any rights and licenses granted under it, to a third party."));
        // Zora Terms of Service: only the customer is restricted.
        assert_clean(ID, &with_content_section("Your User Content", "These Terms, and any rights and licenses granted hereunder, may not be transferred or assigned by you without the prior written consent of Zora."));
        // Tricky: no licence over content in a contract without a content section.
        assert_clean(ID, &with_content_section("Fees and Payment", "In all other cases, these Terms, and any rights and licenses granted hereunder, may not be transferred or assigned by you, but may be assigned by us without restriction."));
    }
}
