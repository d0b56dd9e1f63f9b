//! `terms/liability-limit` (CLAUDETTE `ltd`)
//!
//! ## What it flags
//! Exclusions and limitations of the provider's liability: "in no event shall we be liable for …",
//! "we are not responsible for …", "we disclaim all liability", caps ("our total liability shall not
//! exceed $100"), releases, powers exercised "without liability", and clauses that point back at
//! them ("these limitations apply to all claims"), including saving clauses ("some jurisdictions do
//! not allow the exclusion …, so it may not apply to you"), which keep the exclusion wherever the
//! consumer's law allows it. The severity is raised to error when the
//! exclusion reaches death or personal injury, gross negligence, wilful misconduct or fraud.
//!
//! ## Why it matters
//! An exclusion moves the cost of the provider's failures onto the consumer. Excluding liability in
//! general is potentially unfair (CLAUDETTE level 2, warning). Excluding it for death or personal
//! injury, gross negligence, wilful misconduct or fraud is clearly unfair and void in most
//! consumer-law systems (level 3, error; Directive 93/13/EEC, Annex 1(a)–(b)).
//!
//! ## Not flagged
//! Pure warranty disclaimers ("provided as is", "no warranties of any kind"): they narrow what is
//! promised rather than excluding liability, and CLAUDETTE does not rate them as `ltd`; sentences
//! that combine them with an exclusion of liability are flagged for the exclusion. Bare risk statements ("use is at your own risk"), which CLAUDETTE
//! rates only when they come with an exclusion. Role statements ("as an agent, we are not responsible for the supply
//! of …"). Carve-outs that keep liability in place ("nothing in these Terms excludes our liability for
//! death or personal injury caused by our negligence", "we do not exclude or limit our liability
//! where it would be unlawful to do so") are reported as protection notes. The consumer's own
//! liability and indemnities are outside this rule.

use super::common::{
    dual_regex, finding_at, negator_before, quote_from, regex, sentences_with_any, subject_before,
    Party,
};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::{fewer_words_than, AnyWord};
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::protection_note;
use clauselint_parser::line_index::floor_char_boundary;

pub struct LiabilityLimit;

static META: RuleMeta = RuleMeta {
    id: "terms/liability-limit",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The provider excludes or limits its liability towards the consumer.",
        why: "The cost of the provider's failures is moved onto the consumer. A general exclusion is \
              potentially unfair; excluding liability for death, personal injury, gross negligence, wilful \
              misconduct or fraud is clearly unfair and void in most consumer-law systems.",
        example: "In no event shall we be liable for any indirect, incidental or consequential damages arising out of your use of the Service.",
        suggested: "We are responsible for loss or damage you suffer that is a foreseeable result of our breach of \
                    these Terms or of our failure to use reasonable care and skill. Nothing in these Terms excludes or \
                    limits our liability for death or personal injury caused by our negligence, for gross negligence, \
                    wilful misconduct or fraud, or for anything else that cannot be excluded or limited under the law \
                    of the country where you live.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — limitation of liability (ltd)",
            "Council Directive 93/13/EEC, Annex 1(a), 1(b)",
            "Lippi et al. (2019), CLAUDETTE, category ltd",
        ],
    },
};

/// The liability words a negation can deny.
fn liability_words() -> &'static crate::text_regex::TextRegex {
    regex!(
        r"(?-u:\b)(?:liable|liability|liabilities|responsible|responsibility|accountable)(?-u:\b)"
    )
}

/// Carve-out verbs: a negated "exclude/limit … liability" keeps liability in place.
fn carve_out(between: &str) -> bool {
    regex!(r"(?-u:\b)(?:exclude[sd]?|excluding|limits?|limiting|restricts?|affects?)(?: (?:or|and|and/or) (?:exclude[sd]?|limits?|restricts?))?(?: in any way)?(?: (?:our|its|their|the|any|such|your))?(?: [\w']+'s?)?\s*$|(?-u:\b)(?:purport(?-u:\w)*|intend(?-u:\w)*|deprive[sd]?)(?-u:\b)|(?-u:\b)appl(?:y|ies) to(?-u:\b)")
        .is_match(between)
}

/// A denial of the provider's liability: "we are not liable", "in no event will X be liable",
/// "assumes no responsibility". Returns (start, end, carve-out).
fn denied(s: &SentenceFacts) -> Option<(usize, usize, bool)> {
    let norm = &s.norm;
    for l in liability_words().find_iter(norm) {
        let Some((n_start, n_end)) = negator_before(s, l.start()) else {
            continue;
        };
        // A parenthetical between negator and liability word ("under no circumstances (including
        // negligence) shall X be liable", "the Visa Parties (collectively, …) be liable") neither
        // breaks the link nor counts towards its length.
        let between = without_parentheticals(&norm[n_end..l.start()]);
        let between = between.as_str();
        if between.len() > 170 {
            continue;
        }
        // Another proposition between negator and liability ("we do not sell data and we are
        // responsible") breaks the link.
        // Another proposition between negator and liability ("is not required …; it is your
        // responsibility"), a negation of someone else ("the Merchant, and not Groupon, is
        // responsible"), or a different verb ("neither party may incur any liability").
        // A new subject (", you represent") or "without" ("would not be able to provide the
        // Services without these limitations of liability") also moves the negation elsewhere.
        if regex!(r"(?-u:\b)(?:and (?:we|you|they|it|is|are)|which|who|where|if|when|because|incur|create|bind|without|prejudice)(?-u:\b)|;|\)|, (?:is|are|you|we)(?-u:\b)").is_match(between) {
            continue;
        }
        // "You will not hold us responsible for, and you will indemnify us from, …": the consumer's
        // indemnity, outside this rule (as for "hold us harmless" below).
        if regex!(r"(?-u:\b)hold(?-u:\b)").is_match(between) && norm.contains("indemnif") {
            continue;
        }
        // "reserves the right, but disclaims any responsibility, to remove content", "no burden or
        // responsibility to provide you with markings": no duty to act, not an exclusion of
        // liability for loss.
        if duty_to_act(&norm[l.end()..]) {
            continue;
        }
        // "not responsible for examining or evaluating …", "not liable for replacing lost tickets",
        // "not responsible for, and does not control, when the funds arrive": a task or a timing
        // the provider does not take on, not liability for loss.
        if regex!(r"^ for,?(?: and [^,]{0,40},)? (?:when|whether|how|(?:examin|evaluat|replac|address|retriev|verify|check|review|screen|investigat)ing)(?-u:\b)").is_match(&norm[l.end()..]) {
            continue;
        }
        if subject_before(norm, n_start) == Party::Other {
            continue;
        }
        // Losses the consumer causes ("your failure to comply") and the consumer's own taxes are the
        // consumer's to bear in any fair contract.
        let object = &norm[l.end()..floor_char_boundary(norm, (l.end() + 100).min(norm.len()))];
        if regex!(r"(?-u:\b)(?:your (?:own )?failure|you fail(?:ed)? to|taxes)(?-u:\b)")
            .is_match(object)
        {
            continue;
        }
        // What others do — third parties, linked sites, other users — or what lies
        // outside the provider's control is not the provider's to answer for: a fair statement of
        // where its responsibility ends, unless it reaches losses in general.
        if others_conduct(object)
            && !regex!(r"(?-u:\b)(?:any|all) (?:direct|indirect|loss|losses|damages?)(?-u:\b)")
                .is_match(object)
        {
            continue;
        }
        let carve = carve_out(between) || regex!(r"^nothing(?-u:\b)").is_match(&norm[n_start..]);
        // "we will not hold you liable": the consumer is protected.
        if regex!(r"(?-u:\b)hold (?:you|users?|customers?)(?-u:\b)").is_match(between) {
            continue;
        }
        // "you are not liable", "you will not be responsible for unauthorised transactions": the
        // consumer's protection, not the provider's ("you agree not to hold us responsible" is the
        // provider's immunity, worded as a promise).
        if !carve
            && subject_before(norm, n_start) == Party::Consumer
            && !regex!(r"(?-u:\b)(?:hold|holding)(?-u:\b)").is_match(between)
            && !regex!(r"(?-u:\b)agree(?-u:\w)*\s*$").is_match(&norm[..n_start])
        {
            continue;
        }
        return Some((n_start, l.end(), carve));
    }
    None
}

/// Loss moved onto the consumer in so many words: "you are solely responsible for any damage to
/// your device", "the passenger is solely liable for the loss of carry-on baggage", "you assume sole
/// responsibility and risk for your use", "the entire risk arising out of your use remains with
/// you". Responsibility for the consumer's own content or conduct ("you are solely responsible
/// for your User Submissions") is not loss and stays outside.
fn risk_shifted(norm: &str) -> Option<(usize, usize)> {
    let shifted = regex!(r"(?-u:\b)(?:you|users?|passengers?|customers?|members?|consumers?|subscribers?)(?:\s+(?-u:\w)+){0,3}?\s+(?:are|is|shall be|will be|remains?|alone (?:are|is))\s+(?:solely|fully|entirely|exclusively)\s+(?:liable|responsible)\s+for\s+(?:any|all|the)?\s*(?:(?-u:\w)+\s+){0,2}?(?:damages?|loss|losses|harm)(?-u:\b)|(?-u:\b)(?:assume|assumes|bear|bears)\s+(?:the\s+)?(?:sole|entire|all|full)\s+(?:responsibility\s+and\s+)?risks?\s+(?:for|of|arising (?:out of|from))\s+(?:your\s+)?(?:use|using|access)(?-u:\b)|(?-u:\b)entire risk(?-u:\b)[^.;]*(?-u:\b)(?:remains?|rests?|lies|is)(?:\s+solely)?\s+with you(?-u:\b)")
        .find(norm)?;
    // Damage from the consumer's own infringement or submissions, and risk of third-party sites,
    // are the consumer's to bear in any fair contract.
    let rest = &norm[shifted.end()..];
    if regex!(r"(?-u:\b)(?:infring(?-u:\w)*|submissions?|your content|breach(?-u:\w)*|violat(?-u:\w)*|such (?:web)?sites|third[- ]part(?-u:\w)*|linked)(?-u:\b)").is_match(rest) {
        return None;
    }
    Some((shifted.start(), shifted.end()))
}

/// The text with every balanced parenthetical removed; an unbalanced parenthesis is kept, so a
/// clause that closes one opened before the negator still breaks the link.
fn without_parentheticals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut pending = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                pending.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    pending.clear();
                } else {
                    pending.push(c);
                }
            }
            _ if depth > 0 => pending.push(c),
            _ => out.push(c),
        }
    }
    out.push_str(&pending);
    out
}

/// "responsibility, to refuse to post", "obligation to monitor": the liability word names a duty
/// to do something (an infinitive follows), not liability towards someone ("responsibility to you").
fn duty_to_act(after: &str) -> bool {
    let rest = after
        .strip_prefix(", to ")
        .or_else(|| after.strip_prefix(" to "));
    rest.is_some_and(|r| {
        let word = r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        !matches!(
            word,
            "you"
                | "your"
                | "us"
                | "any"
                | "anyone"
                | "the"
                | "users"
                | "user"
                | "customers"
                | "customer"
                | "third"
                | "other"
                | "others"
                | "them"
                | "him"
                | "her"
                | "members"
                | "a"
                | "an"
                | "such"
                | "that"
                | "those"
                | "persons"
                | "person"
                | "yourself"
                | "passengers"
                | "consumers"
                | "clients"
                | "buyers"
                | "subscribers"
                | "players"
                | "holders"
                | "anybody"
                | "everyone"
                | "parties"
                | "licensees"
        ) && !word.is_empty()
    })
}

/// The object of a denial is someone else's acts, sites, content or products ("for the content of
/// linked third-party sites"), not a third party named as a co-claimant ("liable to you or any third
/// party for …").
fn others_conduct(object: &str) -> bool {
    // The regex's opening words and one word of each of its ends, asked first.
    let opens = [" for", " in relation to", " regarding"]
        .iter()
        .any(|w| object.starts_with(w));
    if !opens
        || !["third", "other ", "linked ", "external "]
            .iter()
            .any(|w| object.contains(w))
    {
        return false;
    }
    regex!(r"^(?: for| in relation to| regarding)(?: any| the| such)?[^.;]{0,50}?(?-u:\b)(?:third[- ]part(?:y|ies)(?:'s?)?|other (?:users|members|passengers|attendees)|linked (?:web)?sites?|external (?:web)?sites?)(?-u:\b)")
        .is_match(object)
}

/// "Nothing in these Terms limits or excludes our liability for …": the opening that keeps
/// liability in place.
fn nothing_limits(norm: &str) -> Option<(usize, usize)> {
    regex!(r"(?-u:\b)(?:nothing in (?:these|this|the)(?-u:\b)[^.;]*?(?-u:\b)(?:limits?|excludes?|restricts?|affects?|shall (?:limit|exclude|restrict|affect)|(?:is|are) intended to (?:limit|exclude))(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:liability|responsibility|rights)|(?:is|are|remains?|shall be|will be) (?:always |fully )?liable for(?-u:\b)|(?:we|it|company|provider) (?:is|are|shall be|will be|may be) liable (?:to you )?(?:for|where)(?-u:\b)|liable (?:and provides guarantees )?as laid down by|(?:do|does|shall|will) not (?:purport to )?(?:exclude|limit|restrict)(?-u:\b)[^.;]*(?-u:\b)(?:liability|rights)|(?:shall|will|does|do) not apply to (?:any )?(?:mandatory|liability for|statutory)|not (?:be )?(?:excluded|limited)(?-u:\b))")
        .find(norm)
        .map(|m| (m.start(), m.end()))
}

/// Explicit exclusion, limitation, cap or release. Returns (start, end).
fn excluded(norm: &str) -> Option<(usize, usize)> {
    let re = dual_regex!(
        r"(?-u:\b)(?:disclaim[a-z]*(?-u:\b)[^.;]*?(?-u:\b)(?:liability|liabilities|responsibility)|(?:exclude[sd]?|limit[sd]?|restrict[s]?) (?:our|its|their|all|any|the)? ?(?:total |entire |aggregate )?(?:liability|liabilities|responsibility)|(?:liability|responsibility|liabilities)(?-u:\b)(?:[^.;]|\.[0-9])*?(?-u:\b)(?:is|are|shall be|will be|be|remains?) (?:[a-z]+ )?(?:excluded|limited|capped)|(?:liability|liabilities|damages|compensation|responsibility)(?-u:\b)(?:[^.;]|\.[0-9])*?(?-u:\b)(?:shall|will|does|do|to|may|in no (?:event|case|circumstances)) not exceed|in no (?:event|case|circumstances) exceed|exemptions? from (?:our |its )?liability|excluded damages|(?:this|these|the above|the foregoing|such|above|aforesaid) (?:exclusions? (?:or |and )?)?(?:limitations?|exclusions?)(?: (?:of|on) liability)?(?-u:\b)[^.;]*?(?-u:\b)(?:appl(?:y|ies)|shall apply|will apply)|limitations? (?:of|on) liability (?:in|set (?:out|forth) in|under) (?:this|these)(?-u:\b)[^.;]*?(?-u:\b)(?:appl(?:y|ies)|shall apply|will apply)|releas[a-z]*(?-u:\b)[^.;]*?(?-u:\b)from (?:all |any )?(?:and all )?(?:liability|claims|responsibility|damages)|without (?:any )?(?:notice or )?liability|with no liability|no (?:other|additional|further) liability|not (?:be )?entitled to (?:claim )?(?:damages|compensation)|excused from (?:performance|any)|not be in breach|(?:only|solely) (?:be )?liable|liable only|responsible to you only|(?:liability|responsibility) is limited|limited to (?:the )?(?:amount|greater|lesser|typical|reimbursing)|capped at|hold (?:us|[a-z]+)(?: [a-z]+)? (?:harmless|responsible|liable)|liable up to)(?-u:\b)"
    );
    for (m_start, m_end) in re.find_iter(norm) {
        let text = &norm[m_start..m_end];
        let party = subject_before(norm, m_start);
        if party == Party::Other {
            continue;
        }
        // "shall not … limit any liability that you may have": a negated limitation keeps it.
        let head = &norm[super::common::clause_start(norm, m_start)..m_start];
        if regex!(r"(?-u:\b)(?:exclu|limit|restrict)").is_match(text)
            && (regex!(r"(?-u:\b)(?:not|nothing|never|neither|nor)(?-u:\b)").is_match(head)
                || regex!(r"(?-u:\b)not (?:be )?(?:exclu|limit|restrict)").is_match(text))
        {
            continue;
        }
        let consumer = party == Party::Consumer;
        if consumer
            && !text.starts_with("releas")
            && !text.starts_with("hold")
            && !text.starts_with("not")
        {
            continue;
        }
        if text.starts_with("hold you") {
            continue;
        }
        if text.starts_with("disclaim") && duty_to_act(&norm[m_end..]) {
            continue;
        }
        // "defend, indemnify and hold us harmless": the consumer's indemnity, outside this rule.
        if text.starts_with("hold") && norm.contains("indemnif") {
            continue;
        }
        return Some((m_start, m_end));
    }
    None
}

/// Exclusion of liability for harm the law does not let a consumer contract exclude: the harm is
/// named after the exclusion, not inside a carve-out ("unless caused by gross negligence").
fn serious_harm(norm: &str) -> Option<(usize, usize)> {
    let re = regex!(
        r"(?-u:\b)(?:personal injur(?-u:\w)*|bodily injur(?-u:\w)*|injur(?:y|ies)|death|life or health|physical (?:harm|injury|activities)|health problems|gross(?:ly)? negligen(?-u:\w)*|wil(?:l)?ful (?:misconduct|default)|intentional (?:misconduct|acts?|harm)|deliberate (?:acts?|misconduct)|fraud(?-u:\w)*)(?-u:\b)"
    );
    let exclusion = regex!(
        r"(?-u:\b)(?:in no event|under no circumstances|in no way|not (?:be )?(?:held )?(?:responsible|liable)|no (?:liability|responsibility)|exclude[sd]?|disclaim(?-u:\w)*|limit(?:ed|s)?)(?-u:\b)"
    );
    let exception = regex!(
        r"(?-u:\b)(?:except|unless|other than|excluding|with the exception|save|nothing|not apply|does not|do not|don't|shall not (?:exclude|limit|apply)|will not (?:exclude|limit|apply)|not (?:limit|exclude|restrict)|always liable|we are liable|is liable|liable for)(?-u:\b)"
    );
    for m in re.find_iter(norm) {
        let head = &norm[super::common::clause_start(norm, m.start())..m.start()];
        let last_exclusion = exclusion.find_iter(head).last().map(|x| x.start());
        let last_exception = exception
            .find_iter(head)
            .filter(|x| {
                !matches!(x.as_str(), "does not" | "do not" | "don't")
                    || head[x.end()..].trim_start().starts_with("apply")
            })
            .last()
            .map(|x| x.start());
        match (last_exclusion, last_exception) {
            (_, Some(e)) if last_exclusion.is_none_or(|x| e > x) => continue,
            _ => return Some((m.start(), m.end())),
        }
    }
    None
}

impl Rule for LiabilityLimit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in sentences_with_any(cx, Concept::Liability.bit()) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

/// Every exclusion, cap, denial, carve-out or saving clause the rule reads contains one of these;
/// sentences that only mention loss, harm, risk or warranties skip the regexes.
static TRIGGERS: AnyWord = AnyWord::new(&[
    "liab",
    "responsib",
    "accountab",
    "disclaim",
    "exclu",
    "limit",
    "exceed",
    "releas",
    "harmless",
    "excused",
    "breach",
    "capped",
    "damages",
    "compensation",
    "exempt",
    "entire risk",
    "sole risk",
    "all risk",
    "solely risk",
]);

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let norm = &s.norm;
    if !TRIGGERS.is_in(norm) {
        return None;
    }
    // Headings ("12. Limitation of Liability") name the topic; the clauses under them are flagged.
    if fewer_words_than(norm, 7) {
        return None;
    }
    // "Some jurisdictions do not allow the exclusion …, so the above may not apply to you": the
    // saving clause restates the exclusion and leaves the consumer to find out whether their own
    // law overrides it (CLAUDETTE rates it `ltd` level 2).
    // Only a saving clause that itself names the excluded damages restates the exclusion; one that
    // points back at "the limitations above" or at warranty disclaimers adds nothing to flag.
    let saving = regex!(
        r"(?-u:\b)(?:do not|does not|don't|doesn't|may not) (?:allow|permit)(?-u:\b)[^.]*(?-u:\b)(?:exclusion|limitation|disclaimer)"
    );
    if let Some(m) = saving
        .find(norm)
        .filter(|m| regex!(r"(?-u:\b)damages(?-u:\b)").is_match(&norm[m.start()..]))
    {
        return Some(finding_at(
            cx,
            &META,
            s,
            Severity::Warning,
            format!(
                "Saving clause for a limitation of liability: “{}”. It keeps the exclusion wherever the \
                 consumer's law allows it and leaves the consumer to work out where that is; ask for the \
                 limitation to be stated with its carve-outs instead.",
                quote_from(cx, s, m.start(), m.end(), 8)
            ),
        ));
    }
    if saving.is_match(norm) || regex!(r"(?-u:\b)may not apply to you(?-u:\b)").is_match(norm) {
        return None;
    }
    // Pointers to the limitation ("subject to these Terms (including the limitations of
    // liability)") and survival lists name it;
    // it is flagged where it is stated.
    if regex!(r"(?-u:\b)(?:survive (?:any )?(?:expiration|termination)|shall survive|will survive|including the (?:disclaimers and )?limitations? of liability)(?-u:\b)").is_match(norm) {
        return None;
    }
    // Role statements ("as an agent, we are not responsible for the supply of …", "Amazon is not a
    // party to this contract") say who the supplier is; the supplier's liability is untouched.
    if regex!(r"(?-u:\b)(?:as an? (?:agent|intermediary)|not a party to|responsib(?-u:\w)* for the (?:supply|provision)(?: and/or provision)? of)(?-u:\b)").is_match(norm) {
        return None;
    }
    let denial = denied(s);
    // Each search below runs only where the choice that follows reads its result: a plain denial
    // ("we are not liable for …") decides alone, and the shifted risk counts only when there is
    // no denial, exclusion or carve-out.
    let plain_denial = matches!(denial, Some((_, _, false)));
    let exclusion = if plain_denial { None } else { excluded(norm) };
    let carve = if plain_denial {
        None
    } else {
        nothing_limits(norm)
    };
    let shifted = if denial.is_none() && exclusion.is_none() && carve.is_none() {
        risk_shifted(norm)
    } else {
        None
    };
    let (start, end) = match (denial, exclusion) {
        (Some((a, b, false)), _) => (a, b),
        (_, Some((a, b))) if carve.is_none_or(|(c, _)| a < c) => (a, b),
        (None, None) if carve.is_none() && shifted.is_some() => shifted?,
        _ => {
            let (a, b) = carve.or(denial.map(|(a, b, _)| (a, b)))?;
            // A carve-out keeps liability in place: a protection, not a risk.
            return Some(protection_note(
                cx,
                &META,
                s,
                format!(
                    "Protective clause: liability is kept in place (“{}”). Check that it covers death and \
                     personal injury, gross negligence, wilful misconduct and fraud, and everything the \
                     consumer's own law does not allow to be excluded.",
                    quote_from(cx, s, a, b, 8)
                ),
            ));
        }
    };
    let quote = quote_from(cx, s, start, end, 8);
    let (severity, why) = match serious_harm(norm) {
        Some((a, b)) => (
            Severity::Error,
            format!(
                "It reaches “{}”: liability for physical harm, gross negligence, wilful misconduct or fraud \
                 cannot fairly be excluded and usually cannot be excluded at all. Ask for an express carve-out \
                 for these, and for losses that are a foreseeable result of the provider's breach",
                quote_from(cx, s, a, b, 0)
            ),
        ),
        None => (
            Severity::Warning,
            "The consumer bears losses the provider caused or could have prevented. Ask for liability for \
             foreseeable loss caused by the provider's breach or lack of care, and an express carve-out for \
             death, personal injury, gross negligence, wilful misconduct and fraud"
                .to_string(),
        ),
    };
    Some(finding_at(
        cx,
        &META,
        s,
        severity,
        format!("Limitation of liability: “{quote}”. {why}."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags, findings};
    use crate::{FindingKind, Severity};

    const ID: &str = "terms/liability-limit";

    #[test]
    fn a_parenthetical_between_negator_and_liability_keeps_the_link() {
        // Endomondo (Under Armour) Terms of Service.
        assert_flags(ID, "To the maximum extent permitted by applicable law, under no circumstances (including, without limitation, negligence) shall Under Armour, its subsidiaries, partners or any wireless carriers be liable to you or any third party for any indirect, incidental, special or consequential damages.");
        // Visa: a long defined-term parenthetical between "in no event" and "be liable".
        assert_flags(ID, "IN NO EVENT SHALL VISA AND ITS AFFILIATES, AND EACH OF THEIR RESPECTIVE OFFICERS, DIRECTORS, EMPLOYEES OR AUTHORIZED AGENTS (COLLECTIVELY, THE \"VISA PARTIES\", AS DEFINED IN THE SECTION ON WARRANTIES ABOVE AND USED THROUGHOUT THESE TERMS) BE LIABLE FOR ANY DAMAGES OR LOSSES INCURRED.");
        // Tricky: an unbalanced parenthesis still ends the negation ("(a) we do not sell …; (b) …").
        assert_clean(ID, "We do not (a) sell your data) or (b) accept responsibility for your own device settings you chose.");
    }

    #[test]
    fn loss_moved_onto_the_consumer_is_a_limitation() {
        // Terravision, Mysugr, Visa, Uber.
        assert_flags(
            ID,
            "For this reason, the passenger is solely liable for the loss of carry-on baggage.",
        );
        assert_flags(ID, "The User is solely liable for all damage that could be created in their IT system or devices or for the loss of data as a result of downloading materials associated with our Products.");
        assert_flags(ID, "TO THE FULLEST EXTENT PERMITTED UNDER APPLICABLE LAW, YOU EXPRESSLY ACKNOWLEDGE AND AGREE THAT YOU ASSUME SOLE RESPONSIBILITY AND RISK FOR YOUR USE OF THE VISA SOLUTION, AND THE RESULTS AND PERFORMANCE THEREOF.");
        assert_flags(ID, "YOU AGREE THAT THE ENTIRE RISK ARISING OUT OF YOUR USE OF THE SERVICES, AND ANY SERVICE OR GOOD REQUESTED IN CONNECTION THEREWITH, REMAINS SOLELY WITH YOU, TO THE MAXIMUM EXTENT PERMITTED UNDER APPLICABLE LAW.");
        // The consumer's own content and conduct are theirs to answer for.
        assert_clean(ID, "You are and will remain solely responsible for the User Submissions you distribute on or through any Garmin Site.");
        assert_clean(ID, "You assume all risks associated with Your Content, including anyone's reliance on its quality.");
        // Garmin, Quora: the consumer's own infringement, and third-party sites.
        assert_clean(ID, "You will be solely liable for any damage resulting from any infringement of copyrights, proprietary rights, or any other harm resulting from a User Submission.");
        assert_clean(
            ID,
            "You assume all risk arising out of your use of such websites or resources.",
        );
    }

    #[test]
    fn tasks_and_timings_the_provider_does_not_take_on_are_not_limitations() {
        // Amazon, Terravision, Google Payments.
        assert_clean(ID, "We are not responsible for examining or evaluating, and we do not warrant the offerings of, any of these businesses or individuals.");
        assert_clean(
            ID,
            "Lost Ticket Terravision is not liable for replacing lost or stolen tickets.",
        );
        assert_clean(ID, "GPL will not be responsible for, and does not control, when GPL receives the funds from Your Funding Instrument.");
        // Liability for loss stays a finding.
        assert_flags(
            ID,
            "Terravision is not liable for any loss caused by delays in replacing lost tickets.",
        );
    }

    #[test]
    fn indemnities_and_preserved_liabilities_are_not_limitations() {
        // PayPal User Agreement: the consumer's indemnity.
        assert_clean(ID, "You will not hold us responsible for, and you will indemnify us from, any liability arising from the actions or inactions of such third parties in connection with the permissions you granted.");
        // Groupon: termination does not prejudice accrued liabilities.
        assert_clean(ID, "Our right to terminate this Agreement shall not prejudice any other right or remedy we may have in respect of any breach or any rights, obligations or liabilities accrued prior to termination.");
        // Without the indemnity, the promise not to hold the provider responsible is its immunity.
        assert_flags(ID, "In addition, PayPal is not liable, and you agree not to hold PayPal responsible, for any damages or losses resulting from your use of the services.");
    }

    #[test]
    fn others_conduct_and_survival_lists_are_not_limitations() {
        // Kardia: third-party sites are not the provider's to answer for.
        assert_clean(
            ID,
            "Linked websites are not under our control, and we are not responsible for the content of any third-party website.",
        );
        // Garmin, with curly quotes.
        assert_clean(ID, "Garmin is not responsible for the content of linked third‑party sites or the “privacy practices” of other users.");
        // Tumblr: a survival list names the limitation; it is flagged where it is stated.
        assert_clean(ID, "All provisions of this Agreement that by their nature should survive termination shall survive termination, including warranty disclaimers and limitations of liability.");
    }

    #[test]
    fn a_third_party_as_co_claimant_still_limits() {
        // Tinder: "to you or any third party" names who cannot claim, not whose conduct is excluded.
        assert_flags(ID, "Tinder shall have no liability to you or any third party in the event that Tinder exercises any such rights.");
        // Third parties' conduct, but losses in general — § 12 style.
        assert_flags(ID, "We are not liable for any loss or damages caused by third parties — including any indirect losses.");
    }

    #[test]
    fn flags_exclusions_and_caps() {
        // Zoom Terms of Service, in capitals.
        assert_flags(ID, "TO THE MAXIMUM EXTENT PERMITTED BY APPLICABLE LAW, IN NO EVENT WILL ZOOM OR ITS AFFILIATES, SUPPLIERS OR RESELLERS BE LIABLE FOR ANY SPECIAL, INCIDENTAL, INDIRECT, EXEMPLARY OR CONSEQUENTIAL DAMAGES WHATSOEVER.");
        // Mozilla: a cap.
        assert_flags(ID, "THE COLLECTIVE LIABILITY OF MOZILLA AND THE INDEMNIFIED PARTIES UNDER THIS AGREEMENT WILL NOT EXCEED $500 (FIVE HUNDRED DOLLARS).");
        // Amazon.
        assert_flags(ID, "Amazon does not assume any responsibility or liability for the actions, product, and content of all of these or any other third parties.");
        // Kardia (AliveCor): risk shifted onto the user.
        assert_flags(ID, "You accept that any reliance on these reminders will be at your own risk, and AliveCor disclaims all liability arising from your use of them.");
        // Yelp: a "without liability" power.
        assert_flags(ID, "The Site may be modified, updated, interrupted, suspended or discontinued at any time without notice or liability.");
    }

    #[test]
    fn exclusion_of_personal_injury_is_an_error() {
        // Endomondo (Under Armour).
        let text = "Except as otherwise set out in these Terms, and to the maximum extent permitted by applicable law, we are not responsible or liable, either directly or indirectly, for any injuries or damages sustained from your physical activities, even if caused in whole or part by the action, inaction or negligence of Under Armour or others.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Error);
        // An exclusion with a carve-out for injury stays a warning (Terravision).
        let text = "The Carrier shall not be responsible for any loss or damage of the above-mentioned objects, unless such a damage or loss was caused by willful misconduct or gross negligence of the Carrier.";
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
    }

    #[test]
    fn carve_outs_are_protections() {
        // Facebook Terms of Service.
        let text = "Nothing in these Terms is intended to exclude or limit our liability for death, personal injury or fraudulent misrepresentation caused by our negligence, or to affect your statutory rights.";
        assert_clean(ID, text);
        assert_eq!(findings(ID, text)[0].kind, FindingKind::Protection);
        // Skype.
        assert_clean(ID, "Nothing in these Terms shall exclude or restrict Skype's liability for (a) death or personal injury, (b) loss resulting from Skype's wilful default or gross negligence, (c) fraud or deliberate misrepresentation.");
        // Western Union.
        assert_clean(ID, "We do not exclude or limit in any way Our liability to You where it would be unlawful to do so.");
    }

    #[test]
    fn saving_clauses_are_flagged_and_warranty_disclaimers_left_alone() {
        // Mozilla: a saving clause restates the limitation (CLAUDETTE `ltd2`), at warning level.
        let text = "SOME JURISDICTIONS DO NOT ALLOW THE EXCLUSION OR LIMITATION OF INCIDENTAL, CONSEQUENTIAL, OR SPECIAL DAMAGES, SO THIS EXCLUSION AND LIMITATION MAY NOT APPLY TO YOU.";
        assert_flags(ID, text);
        assert_eq!(findings(ID, text)[0].severity, Severity::Warning);
        // Snap: a pure warranty disclaimer (CLAUDETTE does not rate these as `ltd`).
        assert_clean(ID, "The Services are provided “as is” and “as available” and to the extent permitted by law without warranties of any kind, either express or implied.");
        // Mozilla: a saving clause for warranty disclaimers only.
        assert_clean(ID, "SOME JURISDICTIONS DO NOT ALLOW THE EXCLUSION OR LIMITATION OF IMPLIED WARRANTIES, SO THIS DISCLAIMER MAY NOT APPLY TO YOU.");
        // Groupon: a role statement, not an exclusion.
        assert_clean(ID, "As an agent, we are not legally responsible for the provision of your Accommodation, which will be supplied by the Supplier to you.");
    }

    #[test]
    fn duties_to_act_and_indemnities_are_not_limitations() {
        // Garmin: no duty to moderate, not an exclusion of liability for loss.
        assert_clean(ID, "We reserve the right, but disclaim any obligation or responsibility, to refuse to post or communicate or remove any User Submission from any Garmin Site that violates these Terms of Use.");
        // Terravision: no duty to refund.
        assert_clean(ID, "Terravision is not liable to refund due to mistake bookings, changes in travel plans or flight delays or cancellations.");
        // Liability towards someone is still liability (Skype).
        assert_flags(ID, "Skype has no responsibility to you or any third party for any User Submissions that you create, submit, post or publish on the Skype Websites.");
        // PayPal: the consumer's indemnity.
        assert_clean(ID, "You agree to defend, indemnify and hold PayPal harmless from any claim or demand (including reasonable legal fees) made or incurred by any third party due to or arising out of your breach of this user agreement.");
        // Endomondo: the negation governs "be able to provide", not liability.
        assert_clean(ID, "We would not be able to provide the Services to you on an economically reasonable basis without these warranty disclaimers, releases, and limitations of liability.");
    }

    #[test]
    fn consumer_liability_is_not_flagged() {
        assert_clean(
            ID,
            "You are responsible for maintaining the confidentiality of your password.",
        );
        assert_clean(
            ID,
            "You will not be liable for unauthorised transactions reported within 13 months.",
        );
        assert_clean(
            ID,
            "We are responsible for the performance of the services we provide to you.",
        );
    }
}
