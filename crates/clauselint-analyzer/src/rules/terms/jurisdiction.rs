//! `terms/jurisdiction` (CLAUDETTE `j`)
//!
//! ## What it flags
//! A forum clause that sends the consumer's disputes to courts other than those of the consumer's
//! own place of residence: "all claims shall be brought exclusively in the courts of Santa Clara
//! County, California", "you submit to the exclusive jurisdiction of the courts of Dublin",
//! "you consent to venue and personal jurisdiction in such courts".
//!
//! ## Why it matters
//! A consumer who must sue — or defend — in another county or country will rarely do so: the cost
//! and distance make the claim worthless. EU law gives consumers the right to sue and be sued at
//! home (Regulation (EU) 1215/2012, Articles 17–19), and CLAUDETTE treats any other forum as
//! clearly unfair (level 3, error).
//!
//! ## Not flagged
//! Forums at the consumer's home ("the courts of your place of residence", "the EU country in which
//! you live", "your local courts"), including non-exclusive clauses that leave that option open;
//! they are reported as protection notes.

use super::common::{dual_regex, finding_at, quote_from, regex, sentences_with_any};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::protection_note;
use clauselint_parser::line_index::floor_char_boundary;

pub struct Jurisdiction;

static META: RuleMeta = RuleMeta {
    id: "terms/jurisdiction",
    default_severity: Severity::Error,
    doc: RuleDoc {
        summary: "Disputes must go to courts other than those of the consumer's place of residence.",
        why: "A distant forum makes most consumer claims too costly to bring. Consumers are entitled to sue \
              and be sued in the courts where they live; any other forum is clearly unfair.",
        example: "All claims arising out of these Terms shall be brought exclusively in the state or federal courts located in Santa Clara County, California, and you consent to the personal jurisdiction of those courts.",
        suggested: "If you are a consumer, you may bring proceedings relating to these Terms in the courts of the \
                    place where you live, and we will bring proceedings against you only in those courts.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — jurisdiction (j)",
            "Regulation (EU) No 1215/2012 (Brussels I bis), Articles 17-19",
            "Council Directive 93/13/EEC, Annex 1(q)",
            "Lippi et al. (2019), CLAUDETTE, category j",
        ],
    },
};

/// A clause choosing a forum. Returns the normalised range of the forum phrase.
fn forum(norm: &str) -> Option<(usize, usize)> {
    let re = dual_regex!(
        r"(?-u:\b)(?:(?:exclusive|sole|personal)(?-u:\b)[^.;]{0,30}(?-u:\b)(?:jurisdiction|venue|forum)|(?:submit(?-u:\w)*|consent(?-u:\w)*|agree(?-u:\w)*)(?: and (?:submit|consent|agree)(?-u:\w)*)? to (?:the )?(?:[a-z-]+,? ){0,6}?(?:jurisdiction|venue|courts?|forum)|subject to the (?:exclusive |non-exclusive |personal )?jurisdiction of|(?:brought|litigated|resolved|commenced|heard|filed|decided|settled|determined|adjudicated|instituted|tried|litigate)(?-u:\b)[^.;]*(?-u:\b)(?:courts?|tribunals?|county|in (?:the )?(?:state|country) of)|(?:courts?|tribunals?)(?-u:\b)[^.;]*(?-u:\b)(?:shall|will) have (?:the )?(?:exclusive |sole |non-exclusive )?jurisdiction|(?:exclusive|proper) (?:forum|venue)|inconvenient forum|forum non conveniens|(?:injunctive|equitable) (?:relief|remedies)[^.;]*(?-u:\b)in any (?:court|jurisdiction)|(?:legal claim|proceedings?|claim|action|lawsuit)(?-u:\b)[^.;]{0,40}(?-u:\b)you must do so (?:with)?in)(?-u:\b)"
    );
    re.find(norm)
}

/// The consumer's own forum: "the courts of your place of residence", "the EU country in which
/// you live", "your local courts", "the court … of the consumer".
fn home_forum(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:(?:your|the consumer's|consumer's|the user's|their) (?:own |local |home )?(?:habitual )?(?:place of |country of |state of |county of |member state of |regular place of )?(?:habitual )?(?:residence|domicile|home|abode|employment|jurisdiction|country|local courts)|(?:country|state|member state|place|county|jurisdiction|eu country|city) (?:where|in which) you (?:live|reside|are (?:resident|domiciled|located|habitually resident))|local courts|(?:that|your) member state|(?:district|county|place) in which your (?:address|residence) is located|(?:residence|domicile)(?-u:\b)[^.;]{0,30}(?-u:\b)of the consumer|eligible jurisdiction of your residence|home jurisdiction|country of residence)(?-u:\b)"
    );
    for m in re.find_iter(norm) {
        let before = &norm[floor_char_boundary(norm, m.start().saturating_sub(30))..m.start()];
        // "unless prohibited by the laws of the country where you reside" is about law, not forum.
        if regex!(r"(?-u:\b)laws?(?-u:\b)").is_match(before)
            && !regex!(r"(?-u:\b)courts?(?-u:\b)").is_match(before)
        {
            continue;
        }
        return Some((m.start(), m.end()));
    }
    None
}

/// Courts named by place, or an exclusive forum.
fn named_court(norm: &str) -> bool {
    let re = regex!(
        r"(?-u:\b)(?:courts?|tribunals?|venue|jurisdiction)(?-u:\b)(?: located| sitting| situated| serving)?(?: in and serving)? (?:of|in|within|at) (?:the )?(?P<w>[a-z]+)"
    );
    re.captures_iter(norm).any(|c| {
        !matches!(
            c.name("w").map_or("", |m| m.as_str()),
            "competent"
                | "any"
                | "a"
                | "your"
                | "which"
                | "whose"
                | "small"
                | "such"
                | "those"
                | "these"
                | "that"
                | "this"
                | "court"
                | "law"
                | "equity"
                | "accordance"
                | "relation"
                | "respect"
                | "connection"
                | "order"
                | "lieu"
                | "favor"
                | "favour"
                | "addition"
                | "case"
        )
    }) || regex!(r"(?-u:\b)exclusive (?:jurisdiction|venue|forum)(?-u:\b)").is_match(norm)
}

/// The named place, for the message: "santa clara county, california", "dublin, ireland".
fn place(norm: &str, from: usize) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:courts?|tribunals?|venue|jurisdiction)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:of|in|located in|located within|sitting in|serving|within)\s+(?:the\s+)?(?:district of |state of |county of |city of |republic of |grand duchy of )?(?P<place>[a-z][a-z ,.]{2,50}?)(?:\s+(?:for|to|and you|and we|arising|which|unless|will|shall|have|has|with|over|,\s*(?:and|which|unless))(?-u:\b)|[;:()]|\.\s|$)"
    );
    let c = re.captures(&norm[from..])?;
    let p = c.name("place")?;
    if regex!(r"^(?:those|such|these|that|this|said|any|competent|disputes|claims|all)(?-u:\b)")
        .is_match(p.as_str())
    {
        return None;
    }
    let trimmed = p.as_str().trim_end_matches(['.', ',', ' ']);
    Some((from + p.start(), from + p.start() + trimmed.len()))
}

impl Rule for Jurisdiction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in sentences_with_any(cx, Concept::Court.bit()) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if crate::pattern::fewer_words_than(norm, 6) {
        return None;
    }
    // "Judgment on the award may be entered in any court of competent jurisdiction" enforces an
    // arbitration award; the forum is the arbitration, judged by `terms/arbitration`.
    if regex!(r"(?-u:\b)(?:judgment|judgement) (?:on|upon) the award(?-u:\b)|(?-u:\b)award(?-u:\b)[^.;]*(?-u:\b)entered(?-u:\b)")
        .is_match(norm)
    {
        return None;
    }
    let (start, end) = forum(norm)?;
    // Clauses about arbitration, small claims or severability mention courts without choosing one;
    // they count only when they name the courts ("the courts located in Baltimore, Maryland").
    let side_topic = regex!(r"(?-u:\b)(?:arbitrat(?-u:\w)*|small claims|jury|unenforceable|invalid|illegal|null and void|severab(?-u:\w)*)(?-u:\b)").is_match(norm);
    if side_topic && !named_court(norm) {
        return None;
    }
    // "Either party may seek injunctive relief in any court": the same for both sides.
    if regex!(r"(?-u:\b)(?:either party|both parties|a party|each party|either of us)(?-u:\b)[^.;]{0,40}(?-u:\b)(?:may|can) (?:seek|apply|bring)").is_match(norm) {
        return None;
    }
    if let Some((a, b)) = home_forum(norm) {
        return Some(protection_note(
            cx,
            &META,
            s,
            format!(
                "Protective clause: the consumer keeps a forum at home (“{}”). Check that it is available \
                 for every claim, not only some, and that the provider may sue the consumer only there.",
                quote_from(cx, s, a, b, 3)
            ),
        ));
    }
    // A small-claims option alone leaves the forum where it is; only a home forum cures it.
    let quote = match place(norm, 0) {
        Some((a, b)) => format!(
            "“{}” (forum: {})",
            quote_from(cx, s, start, end, 4),
            super::common::quote_from(cx, s, a, b, 0)
        ),
        None => format!("“{}”", quote_from(cx, s, start, end, 4)),
    };
    // A non-exclusive foreign forum leaves other courts open, but does not name the consumer's.
    let non_exclusive = regex!(r"(?-u:\b)non-exclusive(?-u:\b)").is_match(norm);
    let severity = if non_exclusive {
        Severity::Warning
    } else {
        Severity::Error
    };
    Some(finding_at(
        cx,
        &META,
        s,
        severity,
        format!(
            "Forum away from the consumer's home: {quote}. Consumers are entitled to sue and be sued where \
             they live; a distant court makes most claims too costly to pursue. Ask that consumers may bring \
             proceedings in the courts of their place of residence and be sued only there."
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::FindingKind;

    const ID: &str = "terms/jurisdiction";

    #[test]
    fn flags_foreign_exclusive_forums() {
        // Mozilla Communications Terms.
        assert_flags(ID, "All claims and disputes arising out of the Communications or these Terms shall be brought exclusively in the courts of Santa Clara County, California, and you consent to personal jurisdiction in those courts.");
        // Yelp, in capitals.
        assert_flags(ID, "FOR ANY CLAIM BROUGHT BY EITHER PARTY, YOU AGREE TO SUBMIT AND CONSENT TO THE PERSONAL AND EXCLUSIVE JURISDICTION IN, AND THE EXCLUSIVE VENUE OF, THE COURTS OF DUBLIN, IRELAND.");
        // Dropbox: a follow-up sentence referring to "such courts".
        assert_flags(
            ID,
            "Both you and Dropbox consent to venue and personal jurisdiction in such courts.",
        );
    }

    #[test]
    fn law_of_residence_does_not_make_the_forum_fair() {
        // Snap: the consumer's country is named only as a source of law.
        assert_flags(ID, "Both you and Snap Group Limited agree that all claims and disputes will be litigated exclusively in the courts of England in the United Kingdom, unless this is prohibited by the laws of the country where you reside.");
    }

    #[test]
    fn home_forums_are_protections() {
        // Endomondo (Under Armour): the consumer's courts or the provider's, at the consumer's choice.
        let text = "All disputes arising under the Terms between you and Under Armour will be subject to the non-exclusive jurisdiction of the courts located in your place of domicile, or the courts located in the Netherlands.";
        assert_clean(ID, text);
        assert_eq!(findings(ID, text)[0].kind, FindingKind::Protection);
        // Western Union.
        assert_clean(ID, "If You are a consumer, You can bring legal proceedings in respect of claims or disputes arising from these Terms and Conditions in either the courts of Your habitual residence or the courts of Austria.");
        // Amazon: non-exclusive, with the consumer's home courts open.
        assert_clean(ID, "We both agree to submit to the non-exclusive jurisdiction of the courts of the district of Luxembourg City, which means that you may bring a claim to enforce your consumer protection rights in Luxembourg or in the EU country in which you live.");
    }

    #[test]
    fn severability_is_not_a_forum() {
        // Zoom: severability names a court without choosing a forum.
        assert_clean(ID, "If any provision of this Agreement is held by a court of competent jurisdiction to be illegal, invalid or unenforceable, that provision will be amended to achieve as nearly as possible the same economic effect.");
    }

    #[test]
    fn award_enforcement_and_mere_mentions_are_not_flagged() {
        // Quora arbitration rules.
        assert_clean(ID, "Any judgment on the award rendered by the arbitrator may be entered in any court of competent jurisdiction.");
        assert_clean(
            ID,
            "You are responsible for complying with the laws of your jurisdiction.",
        );
    }
}
