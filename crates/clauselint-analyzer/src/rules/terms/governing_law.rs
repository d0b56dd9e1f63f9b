//! `terms/governing-law` (CLAUDETTE `law`)
//!
//! ## What it flags
//! A choice of law other than the law of the consumer's own country: "these Terms are governed by
//! the laws of the State of California", "Irish law will govern these Terms", "subject exclusively
//! to Austrian law".
//!
//! ## Why it matters
//! A foreign law is one the consumer cannot read or rely on, and a choice of law can be used to
//! suggest that home-country protections do not apply. Under Regulation (EC) 593/2008 (Rome I),
//! Article 6, a consumer keeps the mandatory protection of the law of their habitual residence
//! whatever law is chosen; a clause that does not say so is potentially unfair (CLAUDETTE level 2).
//!
//! ## Not flagged
//! The consumer's own law ("the law of the country where you live", "the laws of that Member State"
//! for consumers residing there, "Canadian law" for residents of Canada), and clauses that only
//! preserve mandatory consumer protection; they are reported as protection notes.

use super::common::{finding_at, quote_from, regex, sentences_with_any};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::protection_note;

pub struct GoverningLaw;

static META: RuleMeta = RuleMeta {
    id: "terms/governing-law",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The contract is governed by a law other than the consumer's own.",
        why: "A foreign law is one the consumer cannot read or rely on, and may be used to suggest that home \
              protections do not apply. Consumers keep the mandatory protection of the law where they live; the \
              clause should say so or choose that law.",
        example: "These Terms shall be governed by and construed in accordance with the laws of the State of California, without regard to its conflict of law provisions.",
        suggested: "If you are a consumer, the law of the country where you live applies to these Terms, and \
                    nothing in them deprives you of the protection of its mandatory provisions.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — choice of law (law)",
            "Regulation (EC) No 593/2008 (Rome I), Article 6",
            "CJEU C-191/15, Verein für Konsumenteninformation v Amazon EU (2016)",
            "Lippi et al. (2019), CLAUDETTE, category law",
        ],
    },
};

/// The chosen law: returns the range of the whole choice and of the law's name.
fn chosen_law(norm: &str) -> Option<((usize, usize), (usize, usize))> {
    let named = regex!(
        r"(?-u:\b)(?:governed (?:in all respects |exclusively |solely )?by|construed (?:and enforced )?(?:in accordance with|under)|interpreted (?:in accordance with|under)|determined by|subject (?:exclusively |only )?to|in accordance with|governed by and construed in accordance with)(?: and (?:construed|interpreted|enforced)(?: in accordance with| under)?)?\s+(?:the\s+)?(?:substantive\s+)?laws?\s+(?:of|in force in)\s+(?:the\s+)?(?P<place>(?:state of |commonwealth of |grand duchy of |republic of |kingdom of |province of )?[a-z][a-z.' -]{1,40}?)(?:\s*(?:,|\(|;|\.\s|\.$|$|and|without|excluding|exclusive|except|with the|with|as|applicable|regardless|notwithstanding|other than|for|which|that|to the|to|shall|will))"
    );
    let adjective = regex!(
        r"(?-u:\b)(?:governed (?:in all respects |exclusively |solely )?by|subject (?:exclusively |only )?to|in accordance with|construed under|using)\s+(?P<place>[a-z]+(?:(?: and| or|,) [a-z]+)?) laws?(?-u:\b)|(?-u:\b)(?P<place2>[a-z]+(?: and [a-z]+)?) laws? (?:will|shall|must|is to|to) (?:exclusively )?(?:govern|apply)(?-u:\b)|(?-u:\b)laws? of (?:the )?(?P<place3>(?:state of )?[a-z][a-z.' -]{1,40}?)(?:,(?:[^.;]|\.[a-z,]){0,80}?,)? (?:(?:will|shall|must) (?:exclusively |also )?(?:govern|apply)|governs?|applies|apply)(?-u:\b)|(?-u:\b)governed by the applicable law set (?:forth|out) (?P<place4>below|above)"
    );
    if let Some(c) = named.captures(norm) {
        let p = c.name("place")?;
        return Some(((c.get(0)?.start(), p.end()), (p.start(), p.end())));
    }
    for c in adjective.captures_iter(norm) {
        let p = c
            .name("place")
            .or_else(|| c.name("place2"))
            .or_else(|| c.name("place3"))
            .or_else(|| c.name("place4"))?;
        let word = p.as_str().trim();
        let last = word.rsplit(' ').next().unwrap_or(word);
        // "your country's laws will apply": the consumer's own law; the name is the possessive.
        if let Some(m) = regex!(r"(?-u:\b)your (?:own |home )?(?:country|state|jurisdiction)'$")
            .find(&norm[..p.start()])
        {
            return Some(((m.start(), c.get(0)?.end()), (m.start(), p.end())));
        }
        if word.len() < 3 {
            continue;
        }
        if regex!(r"^(?:applicable|the|any|all|such|federal|mandatory|consumer|local|your|their|relevant|other|these|this|governing|statutory|those|its|of|by|to|and|or|under|with|in|protection|privacy|export|criminal|competition|tax|copyright|what|which|whose|same|different|new|national|international|domestic|foreign)$").is_match(last) {
            continue;
        }
        // "valid under Japanese law will apply": the law tests validity, the terms apply.
        if regex!(r"(?-u:\b)under\s*$").is_match(&norm[..p.start()]) {
            continue;
        }
        return Some(((c.get(0)?.start(), c.get(0)?.end()), (p.start(), p.end())));
    }
    None
}

/// The consumer's own law: by description, or by a residence condition naming the same country.
fn own_law(norm: &str, place: (usize, usize)) -> bool {
    let name = &norm[place.0..place.1];
    if regex!(r"(?-u:\b)(?:your|you|that member state|the member state|where you|in which you|residence|resident|home|habitually)(?-u:\b)").is_match(name) {
        return true;
    }
    // "If you live in Scotland, Scottish law shall apply": residence and law name one country.
    let residence = regex!(
        r"(?-u:\b)(?:resident of|residents of|resident in|reside in|residing in|live in|living in|located in|habitually reside in|citizen of)\s+(?:the\s+)?(?P<country>[a-z][a-z ,-]{2,60}?)(?:[:;,]|\s+(?:or|and|then|the|these|if|you|we)(?-u:\b))"
    );
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let law_words: Vec<String> = name
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| {
            w.len() >= 4
                && !matches!(
                    *w,
                    "state" | "united" | "republic" | "kingdom" | "grand" | "duchy"
                )
        })
        .map(stem)
        .collect();
    residence.captures_iter(norm).any(|c| {
        let country = c.name("country").map_or("", |m| m.as_str());
        country
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 4)
            .any(|w| law_words.contains(&stem(w)))
    })
}

impl Rule for GoverningLaw {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in sentences_with_any(cx, Concept::Law.bit()) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    let Some(((start, end), place)) = chosen_law(norm) else {
        // "You keep the protection of the mandatory provisions of the law of your country."
        let keeps = regex!(
            r"(?-u:\b)mandatory (?:provisions|consumer protection|protections?|rules)(?-u:\b)[^.;]*(?-u:\b)(?:law|laws)(?-u:\b)|(?-u:\b)(?:law|laws) of (?:your|the) (?:country|state|member state) (?:of (?:your )?residence|where you|in which you)"
        );
        let m = keeps.find(norm)?;
        return Some(protection_note(
            cx,
            &META,
            s,
            format!(
                "Protective clause: the consumer keeps the protection of their own law (“{}”). Check that it \
                 covers all claims and is not limited to some countries.",
                quote_from(cx, s, m.start(), m.end(), 3)
            ),
        ));
    };
    if own_law(norm, place) {
        return Some(protection_note(
            cx,
            &META,
            s,
            format!(
                "Protective clause: the consumer's own law applies (“{}”).",
                quote_from(cx, s, start, end, 3)
            ),
        ));
    }
    let law = super::common::quote_from(cx, s, place.0, place.1, 0);
    let saved = regex!(
        r"(?-u:\b)mandatory(?-u:\b)|(?-u:\b)not deprive(?-u:\b)|(?-u:\b)does not affect(?-u:\b)"
    )
    .is_match(norm);
    let tail = if saved {
        "The clause preserves some mandatory protection; check that it covers every consumer, whatever \
         their country"
    } else {
        "Ask that consumers keep the law of the country where they live, or at least an express statement \
         that its mandatory protections continue to apply"
    };
    Some(finding_at(
        cx,
        &META,
        s,
        Severity::Warning,
        format!(
            "Choice of law: “{}” — the law of {law}, not necessarily the consumer's own. A consumer cannot be \
             expected to know a foreign law, and the choice may be read as removing home-country protection. {tail}.",
            quote_from(cx, s, start, end, 2)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::FindingKind;

    const ID: &str = "terms/governing-law";

    #[test]
    fn flags_foreign_law() {
        // Mozilla Communications Terms.
        assert_flags(ID, "The Communications and these Terms are governed by the laws of the state of California, U.S.A., excluding its conflict of law provisions.");
        // Yelp.
        assert_flags(ID, "Irish law will govern these Terms, as well as any claim, cause of action or dispute that might arise between you and Yelp.");
        // mySugr.
        assert_flags(ID, "These T&Cs and the entire legal relationship between mySugr and the User is subject exclusively to Austrian law, with the exception of its reference provisions and the UN Sales Convention.");
        // Endomondo: a residence condition naming a different country.
        assert_flags(ID, "If you are a resident of the European Union: These Terms shall be governed by and construed in accordance with the laws of the Netherlands, without regard to its conflict of law principles.");
    }

    #[test]
    fn own_law_is_a_protection() {
        // Groupon.
        let text = "If you live in England and Wales, the laws of England shall apply; if you live in Scotland, then Scottish law shall apply.";
        assert_clean(ID, text);
        // Endomondo: Canadian law for residents of Canada.
        assert_clean(ID, "If you are a resident of Canada: any dispute pertaining to such purchase, shall be governed by and construed in accordance with Canadian law, without regard to its conflict of law principles.");
        // Facebook.
        let text = "If you are a consumer and habitually reside in a Member State of the European Union, the laws of that Member State will apply to any claim.";
        assert_clean(ID, text);
        assert_eq!(findings(ID, text)[0].kind, FindingKind::Protection);
    }

    #[test]
    fn compliance_and_applicable_law_are_not_choices() {
        assert_clean(ID, "To the maximum extent permitted by applicable law, we are not liable for indirect damages.");
        assert_clean(
            ID,
            "You must comply with the laws of your country when using the Service.",
        );
    }
}
