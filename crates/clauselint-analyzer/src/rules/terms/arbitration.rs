//! `terms/arbitration` (CLAUDETTE `a`)
//!
//! ## What it flags
//! Arbitration the consumer must accept before or instead of going to court, and the waivers that
//! come with it: "all disputes will be resolved by binding arbitration", "you agree to arbitrate",
//! "… by binding, individual arbitration and you waive your right to participate in a class
//! action", and the rules that fix where and how such an arbitration takes place. A class or jury
//! waiver in a sentence that does not mention arbitration is not flagged here (CLAUDETTE rates it
//! `a` only with the arbitration it belongs to).
//!
//! ## Why it matters
//! Mandatory arbitration takes the consumer's dispute out of the public courts: the procedure is
//! private, appeal is limited, and class and jury waivers make small claims uneconomic to pursue.
//! A term "excluding or hindering the consumer's right to take legal action" by requiring
//! arbitration is on the EU grey list (Directive 93/13/EEC, Annex 1(q)). Binding or exclusive
//! arbitration is reported as an error; other arbitration terms as warnings.
//!
//! ## Not flagged
//! Arbitration the consumer may choose, under the law of their country, with courts still open —
//! and the right to opt out of an arbitration agreement, which is reported as a protection note.

use super::common::{dual_regex, finding_at, quote_from, regex, sentences_with_any, DualRegex};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::protection_note;

pub struct Arbitration;

static META: RuleMeta = RuleMeta {
    id: "terms/arbitration",
    default_severity: Severity::Error,
    doc: RuleDoc {
        summary: "Disputes must go to arbitration before or instead of the courts.",
        why: "Mandatory arbitration takes the consumer's dispute out of the public courts, limits appeal, and \
              with class and jury waivers makes small claims uneconomic. Requiring it of consumers is presumptively \
              unfair (Directive 93/13/EEC, Annex 1(q)).",
        example: "You and we agree that any dispute arising out of these Terms will be resolved by final and binding arbitration, and you waive your right to participate in a class action.",
        suggested: "You may bring any dispute about these Terms before the courts of the country where you live. \
                    If both of us agree after a dispute has arisen, we may instead refer it to a consumer ADR body; \
                    doing so will not prevent you from going to court.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — arbitration (a)",
            "Council Directive 93/13/EEC, Annex 1(q)",
            "Directive 2013/11/EU (consumer ADR), Article 10",
            "Lippi et al. (2019), CLAUDETTE, category a",
        ],
    },
};

/// The normalised text with quoted titles ("Binding Arbitration / Class Waiver") blanked out, so a
/// cross-reference to the arbitration section is not read as the arbitration clause itself.
fn without_titles(norm: &str) -> String {
    let re = regex!(r#""[^"]{1,60}""#);
    let mut out = norm.to_string();
    for m in re.find_iter(norm) {
        if regex!(r"arbitrat|class").is_match(m.as_str()) {
            out.replace_range(m.range(), &" ".repeat(m.len()));
        }
    }
    out
}

/// Binding, exclusive or mandatory arbitration, or a waiver of class or jury proceedings.
/// "Determined" is left out of the verbs: "your rights will be determined by a neutral arbitrator,
/// not a judge or jury" explains the clause rather than stating it.
fn mandatory_regex() -> &'static DualRegex {
    dual_regex!(
        r"(?-u:\b)(?:(?:binding|mandatory|compulsory|exclusive(?:ly)?|final(?:ly)?)(?:(?:,| and| or) (?:binding|final|mandatory|confidential|individual))*(?: [a-z-]+){0,2} arbitrat(?-u:\w)*|(?:resolved|settled|decided|submitted|referred|heard)(?-u:\b)[^.;]*(?-u:\b)(?:by|through|in|to|under|before)(?-u:\b)[^.;]{0,40}(?-u:\b)arbitrat(?-u:\w)*|(?:agree|agrees|agreement|consent) to (?:submit to )?(?:(?-u:\w)+ )?arbitrat(?-u:\w)*|submit to (?:the )?(?:(?-u:\w)+ )?(?:personal and exclusive )?arbitration|(?:waive|waiver|waiving|waives)(?-u:\b)[^.;]*(?-u:\b)(?:class|jury|representative|collective|consolidated)|class[- ]action waiver|class waiver|(?:only|solely) on an individual basis|on an individual basis(?:,)? (?:and )?not (?:as|in)|rather than (?:in )?(?:a )?court|instead of (?:going to )?(?:a )?court|exclusive means of resolving|mandatorily submitted to mediation)(?-u:\b)"
    )
}

/// The first mandatory-arbitration phrase that is a statement of the clause, not a condition
/// ("unless submitted to arbitration, …"), a count of arbitrators, or a title in capitals.
/// A match that is not a statement ("if the dispute has not been settled within 60 days …, it shall
/// be finally resolved by arbitration") may hide one that is, so the search resumes at the next word.
fn mandatory_in(cx: &Context, s: &SentenceFacts, norm: &str) -> Option<(usize, usize)> {
    // A class or jury waiver alone is not the arbitration clause; the clause it belongs to is.
    if !norm.contains("arbitrat") {
        return None;
    }
    let re = mandatory_regex();
    let mut from = 0;
    while let Some((a, b)) = re.find_at(norm, from) {
        if stated(cx, s, norm, a, b) {
            return Some((a, b));
        }
        from = norm[a..].find(' ').map_or(norm.len(), |i| a + i + 1);
    }
    None
}

fn stated(cx: &Context, s: &SentenceFacts, norm: &str, a: usize, b: usize) -> bool {
    let text = &norm[a..b];
    let head = &norm[super::common::clause_start(norm, a)..a];
    // "claims that are not submitted to arbitration will be litigated in court": a forum clause;
    // "you may have the right to invoke binding arbitration": the consumer's option.
    if regex!(r"(?-u:\b)(?:not|never)\s*$").is_match(head)
        || regex!(r"(?-u:\b)(?:(?:you|consumers?)(?: (?-u:\w)+){0,3}? (?:may|can)(?: (?-u:\w)+){0,2}?|right to) (?:invoke|elect|choose|request)\s*$")
            .is_match(head)
        || super::common::in_condition(norm, a)
        || regex!(r"(?-u:\b)(?:unless|except|if|whether)(?-u:\b)[^,]*$").is_match(head)
        || regex!(r"(?-u:\b)(?:one|a single|three|sole) (?:\([0-9]\) )?arbitrators?(?-u:\b)")
            .is_match(text)
    {
        return false;
    }
    // "… apply to the Binding Arbitration and Class Action Waiver": a section named in Title Case
    // inside an ordinary sentence.
    let source = cx.quote(s.source_span(a, b));
    let sentence = cx.quote(s.span);
    let letters: Vec<char> = sentence.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().filter(|c| c.is_uppercase()).count() * 10 > letters.len() * 8;
    let words: Vec<&str> = source
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    !(!all_caps
        && words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// Arbitration procedure: place, rules, administering body.
fn procedure(norm: &str) -> Option<(usize, usize)> {
    // Only the seat matters here: a hearing far from the consumer is what defeats small claims.
    let re = regex!(
        r"(?-u:\b)(?:arbitration|arbitration hearing|hearing)(?-u:\b)[^.;]*?(?-u:\b)(?:will|shall|may) (?:be )?(?:conducted|held|take place|seated|located)(?-u:\b)[^.;]{0,40}?(?-u:\b)in (?:the )?(?P<place>[a-z]+)"
    );
    // The rules the arbitration runs under: "governed by the AAA's commercial arbitration rules".
    let rules = regex!(
        r"(?-u:\b)arbitration(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:will|shall) be (?:governed by|administered by|conducted under|conducted in accordance with|subject to)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:rules|procedures)(?-u:\b)"
    );
    if let Some(m) = rules.find(norm) {
        return Some((m.start(), m.end()));
    }
    for c in re.captures_iter(norm) {
        let place = c.name("place").map_or("", |m| m.as_str());
        if matches!(
            place,
            "english"
                | "both"
                | "writing"
                | "person"
                | "accordance"
                | "a"
                | "any"
                | "your"
                | "which"
                | "such"
                | "private"
                | "confidence"
                | "good"
        ) {
            continue;
        }
        if regex!(r"(?-u:\b)(?:where you (?:live|reside|work)|your (?:county|city|place) of (?:residence|business)|closest to you|near you)(?-u:\b)").is_match(norm)
            && !regex!(r"(?-u:\b)upon your request(?-u:\b)|(?-u:\b)at your request(?-u:\b)").is_match(norm)
        {
            continue;
        }
        let m = c.get(0)?;
        return Some((m.start(), m.end()));
    }
    None
}

/// The consumer's own choice: opt-out rights and arbitration they may elect.
fn optional(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:you (?:may|can|have the right to) (?:choose to )?(?:opt out|opt-out|reject|decline)(?-u:\b)[^.;]*(?-u:\b)arbitrat(?-u:\w)*|(?:right|option) to opt[- ]out of(?-u:\b)[^.;]*(?-u:\b)arbitrat(?-u:\w)*|(?:does|do|shall|will) not apply to (?:you|consumers|residents|users)(?-u:\b)[^.;]*|arbitration (?:provision|agreement|clause)? ?(?:does|do|shall|will) not apply)"
    );
    re.find(norm).map(|m| (m.start(), m.end()))
}

impl Rule for Arbitration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in sentences_with_any(cx, Concept::Arbitration.bit()) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = without_titles(&s.norm);
    // Headings ("(d) Binding Arbitration.") announce the clause; the clause itself is flagged.
    if crate::pattern::fewer_words_than(&norm, 8)
        || !regex!(
            r"(?-u:\b)(?:arbitrat(?-u:\w)*|class[- ]action|class-wide|jury|mediation)(?-u:\b)"
        )
        .is_match(&norm)
    {
        return None;
    }
    // Fallback and scope provisions: what happens if the waiver fails, what the clause does not
    // preclude, which disputes it covers.
    if regex!(r"(?-u:\b)(?:found|held|deemed|determined) (?:to be |not to )?(?:illegal|invalid|unenforceable|void|apply)|(?-u:\b)not preclude(?-u:\b)|(?-u:\b)only applies to(?-u:\b)|(?-u:\b)please (?:review|see|refer to)(?-u:\b)|(?-u:\b)(?:agreement to arbitrate|arbitration (?:agreement|provision|clause))(?: (?-u:\w)+){0,2} (?:includes|covers|extends to)(?-u:\b)|(?-u:\b)for (?:the |more )?details(?-u:\b)|(?-u:\b)describes the(?-u:\b)").is_match(&norm) {
        return None;
    }
    let binding = regex!(
        r"(?-u:\b)(?:binding|mandatory|resolved (?:by|through)|waiv(?-u:\w)*|exclusive(?-u:\w)*)(?-u:\b)"
    )
    .is_match(&norm);
    // An arbitration seated at the consumer's home is the fair version.
    let home = regex!(r"(?-u:\b)(?:where you (?:live|reside|work)|your (?:county|city|state|country|district) of (?:residence|domicile)|your (?:primary )?(?:business )?location|closest to you)(?-u:\b)").is_match(&norm);
    if home && !binding && !regex!(r"(?-u:\b)(?:upon|at) your request(?-u:\b)").is_match(&norm) {
        return None;
    }
    // "… subject to the mandatory arbitration provisions below": a pointer to the clause, which is
    // flagged where it is stated.
    if regex!(r"(?-u:\b)(?:following|below|above)(?-u:\b)[^.;]{0,30}(?-u:\b)arbitration (?:provisions?|clauses?|section)(?-u:\b)|(?-u:\b)arbitration (?:provisions?|clauses?|section) (?:below|above|in section)(?-u:\b)").is_match(&norm) {
        return None;
    }
    // "… these Terms, which include your agreement to arbitrate claims", "as an exception to the
    // binding arbitration rule": notices and exceptions that point at the clause.
    if regex!(r"(?-u:\b)(?:which|that) (?:include|includes|contain|contains) (?:an? |your |the )?(?:binding )?(?:agreement to arbitrate|arbitration)|(?-u:\b)exceptions? to the (?:binding )?arbitration(?-u:\b)").is_match(&norm) {
        return None;
    }
    // A title in capitals with no verb ("BINDING ARBITRATION AND CLASS ACTION WAIVER FOR UNITED
    // STATES ACCOUNTS.") announces the clause.
    let source = cx.quote(s.span);
    if !source.chars().any(char::is_lowercase)
        && !regex!(r"(?-u:\b)(?:will|shall|may|must|are|is|agree|agrees|waive|waiving|be|include|includes|contain|contains)(?-u:\b)")
            .is_match(&norm)
    {
        return None;
    }
    // "The agreement to arbitrate will not apply to the following": a scope provision.
    if !binding && regex!(r"(?-u:\b)(?:will|shall|does|do) not apply(?-u:\b)").is_match(&norm) {
        return None;
    }
    let hard = mandatory_in(cx, s, &norm);
    if !binding || hard.is_none() {
        if let Some((a, b)) = optional(&norm) {
            return Some(protection_note(
                cx,
                &META,
                s,
                format!(
                    "Protective clause: arbitration is optional or excluded here (“{}”). Check how the choice is \
                     exercised and whether the deadline is realistic.",
                    quote_from(cx, s, a, b, 3)
                ),
            ));
        }
    }
    let (severity, (start, end), why) = match hard {
        Some(r) => (
            Severity::Error,
            r,
            "The consumer's dispute is taken out of the public courts: the procedure is private, appeal is \
             limited, and class or jury waivers make small claims uneconomic. Ask that consumers may always \
             go to the courts where they live, with arbitration only by agreement after a dispute arises",
        ),
        None => (
            Severity::Warning,
            procedure(&norm)?,
            "The arbitration rules fix where and how the consumer's claim is heard; with a distant seat or \
             commercial rules the costs alone can defeat a small claim. Ask for consumer rules, a hearing \
             near the consumer, and the provider paying the fees",
        ),
    };
    let quote = quote_from(cx, s, start, end, 4);
    Some(finding_at(
        cx,
        &META,
        s,
        severity,
        format!("Arbitration: “{quote}”. {why}."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::{FindingKind, Severity};

    const ID: &str = "terms/arbitration";

    #[test]
    fn titles_notices_and_forum_waivers_are_not_the_clause() {
        // Skype: a title in capitals.
        assert_clean(
            ID,
            "BINDING ARBITRATION AND CLASS ACTION WAIVER FOR UNITED STATES ACCOUNTS.",
        );
        // Zoom: a notice that the terms contain the clause.
        assert_clean(ID, "YOUR USE OF THE SERVICES IS CONDITIONED UPON YOUR ACCEPTANCE OF THESE TERMS, WHICH INCLUDE YOUR AGREEMENT TO ARBITRATE CLAIMS.");
        // Rovio: an exception announced.
        assert_clean(ID, "As an exception to the binding arbitration rule, to the extent the Dispute arises from:");
        // A forum-non-conveniens waiver is a jurisdiction term, not a class or jury waiver (§ 14).
        assert_clean(ID, "All claims will be brought solely in the courts of Santa Clara County, and you consent to the jurisdiction of such courts and waive any objection as to inconvenient forum.");
    }

    #[test]
    fn flags_binding_arbitration_and_waivers() {
        // Dropbox Terms of Service.
        let text = "You and Dropbox agree to resolve any claims relating to these Terms or the Services through final and binding arbitration by a single arbitrator, except as set forth under Exceptions to Agreement to Arbitrate below.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Error);
        // Endomondo, in capitals.
        assert_flags(ID, "THESE TERMS INCLUDE A BINDING ARBITRATION CLAUSE AND A CLASS ACTION WAIVER IN SECTION 15.");
        // Zoom.
        assert_flags(ID, "If You are located in the United States, You agree to resolve disputes only on an individual basis, through arbitration pursuant to the provisions of Exhibit A.");
    }

    #[test]
    fn flags_procedure_as_warning() {
        // Snap.
        let text = "There will be one arbitrator (to be appointed by the LCIA), the arbitration will take place in London, and the arbitration will be conducted in English.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
    }

    #[test]
    fn waivers_scope_and_explanations_without_the_clause_are_not_flagged() {
        // Visa: a class waiver that does not mention arbitration (CLAUDETTE rates waivers `a` only
        // together with the arbitration they belong to).
        assert_clean(ID, "BY ENTERING INTO THESE TERMS, YOU AND VISA ARE EACH WAIVING THE RIGHT TO PARTICIPATE IN A CLASS ACTION.");
        // Kardia: the scope of an agreement to arbitrate stated elsewhere.
        assert_clean(ID, "This agreement to arbitrate disputes includes all claims arising out of or relating to any aspect of these Terms, whether based in contract, tort, statute, fraud, misrepresentation, or any other legal theory.");
        // Tinder: an explanation of what arbitration means.
        assert_clean(ID, "Your rights will be determined by a NEUTRAL ARBITRATOR and NOT a judge or jury, and your claims cannot be brought as a class action.");
        // Tinder: claims not submitted to arbitration go to court — a forum clause.
        assert_clean(ID, "All claims arising out of or relating to this Agreement that for whatever reason are not submitted to arbitration will be litigated exclusively in the federal or state courts of Dallas County, Texas.");
        // The waiver inside the arbitration clause is still flagged.
        assert_flags(ID, "You agree that any disputes will be resolved by binding, individual arbitration and you waive your right to participate in a class action.");
    }

    #[test]
    fn arbitration_the_consumer_may_invoke_is_not_mandatory() {
        // Glassdoor Privacy Policy (Data Privacy Framework).
        assert_clean(ID, "If your DPF complaint cannot be resolved through the above channels, under certain conditions, you may also have the right to invoke binding arbitration for some residual claims.");
        // Crunchyroll: either party may force arbitration — the mandatory clause itself.
        assert_flags(ID, "If Informal Dispute Resolution efforts fail, then either party may initiate binding arbitration using the procedures set forth below as the sole means to resolve claims.");
        // eBay.
        assert_flags(ID, "Such complaints shall be decided by an independent arbitrator in accordance with this User Agreement.");
    }

    #[test]
    fn a_condition_does_not_hide_the_clause_after_it() {
        // Uber: the mediation condition comes first.
        assert_flags(ID, "If such Dispute has not been settled within sixty (60) days after a request for mediation has been submitted under such ICC Mediation Rules, such Dispute can be referred to and shall be exclusively and finally resolved by arbitration under the Rules of Arbitration of the International Chamber of Commerce.");
    }

    #[test]
    fn arbitration_rules_are_procedure() {
        // Rovio.
        let text = "The arbitration will be governed by the AAA’s commercial arbitration rules and, if the arbitrator deems them applicable, the supplementary procedures for consumer related disputes.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
    }

    #[test]
    fn arbitration_as_a_condition_of_a_forum_clause_is_not_flagged() {
        // Tricky (Quora): arbitration only as the condition of a forum clause.
        assert_clean(ID, "Unless submitted to arbitration as set forth in the following paragraph, all claims arising in connection with your use of the Quora Platform will be brought solely in Santa Clara County, California.");
    }

    #[test]
    fn optional_arbitration_and_titles_are_not_flagged() {
        let text = "You may opt out of this arbitration agreement by sending us written notice within 30 days.";
        assert_clean(ID, text);
        assert_eq!(findings(ID, text)[0].kind, FindingKind::Protection);
        // Rovio: a cross-reference to the arbitration section's title.
        assert_clean(ID, "Notwithstanding Article 8 “Binding arbitration / Class Waiver,” Rovio may update these TOS from time to time.");
        assert_clean(ID, "The arbitration provision in this section does not apply to consumers resident in the European Union.");
    }
}
