//! `data-rights/retention-deletion`
//!
//! ## What it flags
//! Indefinite or vague retention ("as long as necessary" and its variants: "for so long as
//! reasonably required", "until no longer needed", "for a reasonable period", "as long as your
//! account is active"; "for legitimate business purposes"), the vendor keeping data with no bound
//! in the sentence ("Zoom retains Customer Content"), a discretion to delete ("may delete", "may
//! elect to delete", "reserves the right to delete") instead of a duty, deletion or retention
//! "according to our deletion practices / retention policy", deletion not guaranteed ("we cannot
//! promise that all data will be deleted", "may not be completely deleted"), retention after
//! termination or account deletion, and backup or archive
//! exceptions to deletion. Not: a stated period, a title announcing the periods ("How long we keep
//! your data"), keeping data safe or separate, or what the customer chooses to keep.
//!
//! ## Why it matters
//! Data that is kept can be breached, subpoenaed, repurposed or used for training. Only a duty to
//! delete within a stated time, covering backups, ends that risk.

use crate::text_regex::regex;
use crate::text_regex::TextRegex;
use clauselint_parser::line_index::floor_char_boundary;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, negated, Actor};
use crate::lexicon::Concept;
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};
use crate::rules::{sentence_finding, snippet};

pub struct RetentionDeletion;

static META: RuleMeta = RuleMeta {
    id: "data-rights/retention-deletion",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "Retention is indefinite or vague, deletion is discretionary, or backups and archives are excepted.",
        why: "Data that is kept can be breached, disclosed under legal process, repurposed or used for \
              training; only a duty to delete within a stated time, covering backups, ends that risk.",
        example: "We may retain your content for as long as necessary for our legitimate business purposes.",
        suggested: "Within 30 days after termination or Customer's request, Vendor will delete all Customer \
                    Content, including copies in backups, and certify the deletion in writing.",
        references: &["REVIEW-GUIDE: Data rights — retention and deletion"],
    },
};

fn vague_retention() -> &'static TextRegex {
    regex!(
        r"(?x)
            (?-u:\b)(?:for\ )?(?:as|so)\ long\ as\ (?:(?:it|this|they|that|is|are|remains?|otherwise|we\ are)\ ){0,2}(?:reasonably\ |strictly\ |legally\ |commercially\ )?(?:necessary|needed|required|appropriate|permitted|useful|relevant|we\ (?:need|deem|consider|have|reasonably|may|see\ fit)|the\ consent|a\ legitimate|you\ (?:have|maintain|use|continue\ to\ use)|(?:your|the)\ account\ (?:is|remains)\ (?:active|open)|(?:the|your|our)\ (?:customer\ |business\ |contractual\ )?relationship\ (?:is|remains|exists|continues|lasts))
          | (?-u:\b)until\ (?:such\ time\ as\ )?(?:(?:we|it|the\ company)\ (?:determines?|decides?|deems?|considers?|believes?)\ (?:that\ )?)?(?:it\ is\ |they\ are\ |the\ data\ is\ )?no\ longer\ (?:necessary|needed|required|relevant)(?-u:\b)
          | (?-u:\b)no\ longer\ than\ (?:is\ )?(?:the\ (?:time\ |period\ )?(?:period\ )?)?(?:reasonably\ |strictly\ )?(?:necessary|needed|required)(?-u:\b)
          | (?-u:\b)(?:not|never)\ (?:retain|keep|store|hold)\ (?:[a-z']+\ ){0,5}?(?:for\ )?(?:any\ )?longer\ than\ (?:is\ )?(?:reasonably\ |strictly\ )?(?:necessary|needed|required)(?-u:\b)
          | (?-u:\b)for\ (?:a|the)\ (?:time\ )?(?:period|duration|time)\ (?:of\ time\ )?(?:that\ is\ |as\ is\ |as\ )?(?:reasonably\ |strictly\ )?(?:necessary|needed)(?-u:\b)
          | (?-u:\b)for\ (?:a\ )?reasonable\ (?:period|time|amount\ of\ time|duration)(?-u:\b)
          | (?-u:\b)for\ an?\ (?:extended|indefinite|unspecified|undetermined)\ (?:period|time|duration)(?-u:\b)
          | (?-u:\b)(?:deleted|deletion|delete|erased|erase|destroyed|destroy|purged|purge)(?-u:\b)[^.;]*(?-u:\b)within\ a\ (?:commercially\ )?reasonable\ (?:time|period|timeframe|time\ frame)(?-u:\b)
          | (?-u:\b)for\ (?:the\ )?(?:life|lifetime|duration)\ of\ (?:the|your)\ account(?-u:\b)
          | (?-u:\b)for\ a\ (?:certain|limited)\ (?:period|amount\ of\ time|time)(?-u:\b)
          | (?-u:\b)for\ (?:at\ least|a\ minimum\ of)\ (?:\(?[0-9]+\)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\ (?:[a-z]+\ )?\(?[0-9]*\)?\ ?(?:days?|weeks?|months?|years?)(?-u:\b)
          | (?-u:\b)indefinitely(?-u:\b)|(?-u:\b)permanently\ retain|(?-u:\b)retained\ permanently(?-u:\b)|(?-u:\b)in\ perpetuity(?-u:\b)
          | (?-u:\b)longer\ (?:retention\ )?(?:period|periods|time)(?-u:\b)|(?-u:\b)for\ a\ longer\ period(?-u:\b)
          | (?-u:\b)(?:legitimate|business)\ (?:business\ )?(?:purposes|interests?)(?-u:\b)|(?-u:\b)business\ needs(?-u:\b)
          | (?-u:\b)may\ (?:also\ |still\ |for\ (?:a|some)\ time\ )?(?:retain|keep|store|preserve|persist|be\ (?:kept|saved|retained|stored|preserved))(?-u:\b)
          | (?-u:\b)(?:not\ be\ possible|impossible|unable|not\ always\ be\ possible)\ (?:for\ us\ )?to\ (?:completely\ |fully\ |entirely\ |permanently\ )?(?:delete|remove|erase)(?-u:\b)
          | (?-u:\b)(?:deletion|delete|deleting)\ (?:[a-z0-9,'-]+\ ){0,6}?(?:through|by|via)\ (?:de-?identif[a-z]*|anonymi[sz][a-z]*)
          | (?-u:\b)(?:and|but|while)\ (?:we\ )?(?:will\ )?(?:anonymi[sz]es?|de-?identif(?:y|ies)|aggregates?)\ (?:all\ )?(?:other|remaining|the\ remaining|the\ rest\ of\ (?:your|the))\ (?:data|information|content|personal\ data)(?-u:\b)
          | (?-u:\b)(?:reserves?|reserve)\ the\ right\ to\ (?:retain|keep|store|preserve)(?-u:\b)
          | (?-u:\b)may\ (?:\(?but\ (?:is|are)\ not\ (?:required|obligated)(?:\ to)?\)?\ )?(?:to\ )?delete(?-u:\b)
          | (?-u:\b)may(?:,\ (?:at|in)\ (?:its|our)\ (?:sole\ |absolute\ )?discretion,)?\ (?:elect|choose|decide)(?:,\ (?:at|in)\ (?:its|our)\ (?:sole\ |absolute\ )?discretion,)?\ (?:not\ )?to\ (?:\(a\)\ )?(?:delete|erase|destroy|purge)(?-u:\b)
          | (?-u:\b)may,\ (?:at|in)\ (?:its|our)\ (?:sole\ |absolute\ )?discretion,\ (?:delete|erase|destroy|purge)(?-u:\b)
          | (?-u:\b)(?:reserves?|reserve)\ the\ right\ to\ (?:delete|erase|destroy|purge)(?-u:\b)
          | (?-u:\b)(?:retained|kept|stored|retain|retains|keep|keeps)\ (?:[a-z,]+\ ){0,6}?(?:in\ accordance\ with|according\ to|pursuant\ to)\ (?:our|its|their)\ (?:own\ |internal\ |standard\ |data\ )*(?:retention\ |record\ |records\ )?(?:policy|policies|practices|schedules?|procedures)(?-u:\b)
          | (?-u:\b)(?:retained|kept|stored|retain|retains|keep|keeps)\ (?:[a-z,]+\ ){0,6}?(?:in\ accordance\ with|according\ to|pursuant\ to)\ the\ (?:[a-z0-9-]+(?:'s)?\ )?(?:internal\ |data\ )*(?:retention|records?\ retention)\ (?:policy|policies|schedules?|procedures)(?-u:\b)
          | (?-u:\b)(?:cannot|can\ not|can't|do\ not|don't|does\ not|will\ not)\ (?:guarantee|ensure|promise)\ (?:that\ )?(?:[a-z,']+\ ){0,8}?(?:deleted|erased|destroyed|removed|purged)(?-u:\b)
          | (?-u:\b)may\ not\ (?:always\ )?be\ (?:completely\ |fully\ |permanently\ |immediately\ |entirely\ )?(?:deleted|erased|purged)(?-u:\b)
          | (?-u:\b)(?:does|do|will)\ not\ (?:ensure|guarantee|require|mean)\ (?:or\ (?:ensure|guarantee|require)\ )?(?:the\ )?(?:complete|comprehensive|permanent|full|total)\ (?:or\ (?:complete|comprehensive|permanent|full)\ )?(?:removal|deletion|erasure)(?-u:\b)
          | (?-u:\b)(?:deleted|destroyed|erased|purged|deletion)\ (?:by\ [a-z]+\ )?(?:in\ accordance\ with|according\ to|pursuant\ to|under|as\ (?:set\ out|described)\ in)\ (?:[a-z,]+\ ){0,6}?(?:our|its|their)\ (?:own\ )?(?:regularly\ scheduled\ |standard\ |internal\ |usual\ |normal\ |data\ )*(?:deletion\ |retention\ |data\ )?(?:practices|protocols|policies|procedures|schedules?|processes|cycles?)(?-u:\b)
          | (?-u:\b)(?:no|not\ (?:under\ )?any)\ (?:obligation|duty)\ to\ (?:maintain|retain|delete)(?-u:\b)
          | (?-u:\b)not\ (?:be\ )?(?:able\ to\ )?(?:delete|remove|control\ (?:the\ )?removal)(?-u:\b)
          | (?-u:\b)will\ not\ delete(?-u:\b)|(?-u:\b)do\ not\ delete(?-u:\b)
          | (?-u:\b)unless\ and\ until\ you\ request\ deletion(?-u:\b)
          | (?-u:\b)determine\ the\ retention\ period(?-u:\b)
          | (?-u:\b)(?:(?:only\ )?(?:if|where|while|as)|for\ the\ (?:time|period)|no\ longer\ than)\ (?:it\ is\ )?(?:(?:legally\ permitted|reasonably|strictly)\ (?:and\ )?)*(?:necessary|needed|required)\ for\ the\ purposes?\ (?:for\ which|of|described|set\ out|outlined)(?-u:\b)
          | (?-u:\b)might\ persist(?-u:\b)|(?-u:\b)may\ persist(?-u:\b)|(?-u:\b)remain\ in\ (?:our\ )?(?:[a-z]+\ )?(?:backups?|archives?|systems?)(?-u:\b)
          "
    )
}

/// Two more open retentions, searched only in sentences that say "remain" or "law" (the word
/// gaps would slow the main search on every sentence): copies that "may remain", and keeping "in
/// accordance with the laws" with no period.
fn vague_retention_remain_or_law(norm: &str) -> Option<&'static TextRegex> {
    (norm.contains(" remain") || norm.contains(" law")).then(|| {
        regex!(
            r"(?x)
                (?-u:\b)(?:copies|copy|data|information|content)\ (?:[a-z'-]+\ ){0,6}?may\ (?:still\ |also\ |continue\ to\ )?remain(?:\ in\ (?:our\ )?(?:[a-z]+\ )?(?:backups?|archives?|systems?))?(?-u:\b)
              | (?-u:\b)(?:retained|kept|stored|retain|retains|keep|keeps)\ (?:[a-z,]+\ ){0,6}?(?:in\ accordance\ with|according\ to)\ (?:the\ )?(?:applicable\ )?laws?(?-u:\b)
            "
        )
    })
}

/// Backup, archive and after-termination language: a risk only where the sentence is about data
/// surviving deletion or termination.
fn survival_regex() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:back-?ups?|backed-up|archival copies|archived copies|residual copies|cached copies|disaster recovery|residual (?:data|information))(?-u:\b)|(?-u:\b)even if (?:[a-z']+ ){0,8}?(?:deleted|removed|closed|terminated|cancell?ed|deactivated)(?-u:\b)|(?-u:\b)(?:even after|after you (?:delete|close|cancel)|after your (?:[a-z]+ )?account (?:is|has been) (?:deleted|closed|terminated|cancell?ed)|after (?:account )?(?:closure|deletion|cancell?ation) of|following the termination|after (?:the )?termination)(?-u:\b)"
    )
}

fn bounded_period() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:for|up to|within|no (?:longer|more|later) than|plus|of)\s+(?:(?-u:\w)+\s+)?\(?(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen|thirty|sixty|ninety)\)?\s+(?:calendar\s+|business\s+)?(?:days|weeks|months|years)(?-u:\b)"
    )
}

/// Deleting content for breaching the rules is content removal, not retention.
fn removal_for_cause() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)violat(?-u:\w)*|(?-u:\b)breach(?-u:\w)*|(?-u:\b)objectionable(?-u:\b)|(?-u:\b)infring(?-u:\w)*|(?-u:\b)inappropriate(?-u:\b)"
    )
}

fn firm_duty() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:will|shall|must)\s+(?:permanently\s+|securely\s+)?(?:delete|destroy|erase|purge)(?-u:\b)[^.;]*(?-u:\b)within\s+(?:(?-u:\w)+\s+)?\(?[0-9]+\)?\s+(?:calendar\s+|business\s+)?days(?-u:\b)|(?-u:\b)within\s+(?:(?-u:\w)+\s+)?\(?[0-9]+\)?\s+(?:calendar\s+|business\s+)?days(?-u:\b)[^.;]*(?-u:\b)(?:will|shall|must)\s+(?:permanently\s+|securely\s+)?(?:delete|destroy|erase|purge)(?-u:\b)"
    )
}

/// "We do not delete customer data unless the customer has instructed us to do so", "you are
/// responsible for and control the time periods for which you retain this data": the customer
/// decides what is kept, so keeping it is not the vendor's open retention.
fn customer_controls_retention() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)unless (?:you|the customer|customer) (?:has |have )?(?:instructed|requested|asked|directed|instructs|requests|asks|directs)(?-u:\b)|(?-u:\b)you (?:are responsible for and )?control (?:the )?(?:time periods?|retention|how long)(?-u:\b)|(?-u:\b)(?:you|the customer|customer) (?:choose|chooses|decide|decides|elect|elects) to (?:retain|keep|store|save)(?-u:\b)|(?-u:\b)(?:encourage|encourages|recommend|recommends|advise|advises) (?:you|customers?|creators?|users?) to(?-u:\b)"
    )
}

/// "Zoom retains Customer Content", "we keep copies of your messages": the vendor keeps data and
/// the sentence sets no bound on how long (no period, no end, no purpose that ends it).
fn open_ended_keeping() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:retain|retains|keep|keeps)\s+(?:(?:[^y\s]\S*|y[^o]\S*|yo[^u]\S*|your\S*)\s+){0,4}?(?:data|information|content|records|copies|logs|messages|files|recordings|materials)(?-u:\b)"
    )
}

/// Words that bound or qualify a retention in the same sentence: a period, an end, a duty to
/// delete, a purpose it is limited to, or keeping data safe rather than keeping it longer.
fn bounds_the_keeping(norm: &str, keeping_end: usize) -> bool {
    let re = regex!(
        r"(?-u:\b)(?:until|during|duration|period|periods|term|days?|weeks?|months?|years?|only|solely|delete|deleted|deletion|erase|destroy|anonymi[sz]e|as described|as set out|retention policy|schedule|ownership|title|rights?|secure|securely|safe|confidential|private|accurate|up to date|up-to-date|separate|separately|described|length of time|legal obligation to|required by|how long)(?-u:\b)"
    );
    // A title or a lead-in ("How long do we keep your data?", "We will retain your information as
    // follows:") announces the periods rather than leaving them open.
    let announces = norm.trim_end().ends_with(['?', ':']);
    // "keep your data in the EU" says where; "retain … in connection with potential legal claims"
    // does not.
    let rest = norm[keeping_end..].trim_start();
    let place = rest
        .strip_prefix("in ")
        .is_some_and(|after_in| !after_in.starts_with("connection "));
    re.is_match(norm) || announces || place
}

/// "may remain", "may display that information even if you have deleted your account": what
/// stays visible or kept after a deletion.
fn stays_after_deletion(norm: &str) -> bool {
    regex!(r"(?-u:\b)(?:remains?|retain|retains|retained|persists?|keep|keeps|kept|store|stored|display|continue to|viewable|accessible|available)(?-u:\b)")
        .is_match(norm)
}

/// "keep it safe", "keep your data secure": protecting stored data is not keeping it longer.
fn about_survival(norm: &str) -> bool {
    const SURVIVAL: &[&str] = &[
        "persist",
        "remain",
        "retain",
        "retention",
        "deleted",
        "deletion",
    ];
    if SURVIVAL.iter().any(|w| norm.contains(w)) {
        return true;
    }
    ["keep", "kept"].iter().any(|w| {
        norm.match_indices(w).any(|(i, _)| {
            let after = norm[i + w.len()..].trim_start();
            let after = after.strip_prefix("it ").unwrap_or(after);
            let after = after.strip_prefix("them ").unwrap_or(after);
            !(after.starts_with("safe") || after.starts_with("secure"))
        })
    })
}

/// What follows "may be stored" or "may store" when the sentence says where data is kept: a place,
/// after at most a verb joined to the storing ("and processed") and the data stored ("information").
fn storage_location() -> &'static TextRegex {
    regex!(
        r"^(?:(?:and|or|and/or)\ (?:process(?:ed)?|transfer(?:red)?|host(?:ed)?|maintain(?:ed)?|accessed)\ )?(?:as\ [a-z]+\ )?(?:[a-z'-]+\ ){0,5}?(?:(?:in|on|at|within)\ |outside|locally)"
    )
}

/// "in accordance with", "in connection with", "in order to", "in case": what follows "in" when
/// it names no place.
fn not_a_place(after_in: &str) -> bool {
    [
        "accordance ",
        "connection ",
        "order ",
        "case ",
        "the course ",
        "the event ",
        "the ordinary ",
        "the normal ",
        "line with",
        "compliance ",
    ]
    .iter()
    .any(|w| after_in.starts_with(w))
}

/// Keeping said without a keeping word: "may be saved", "copies … may remain".
fn kept_under_other_verbs() -> &'static TextRegex {
    regex!(r"(?-u:\b)may (?:also |still |continue to )?(?:be saved|remain)(?-u:\b)")
}

/// Messages and correspondence: the customer's content under the names retention clauses give it
/// ("we may retain that communication", "support requests … may be saved").
fn correspondence() -> &'static TextRegex {
    regex!(
        r"(?-u:\b)(?:communications?|correspondence|e-?mails?|support (?:requests?|tickets?)|messages?)(?-u:\b)"
    )
}

/// "You understand and acknowledge that, even after its removal …, copies … may remain": the
/// customer only acknowledges what follows; it is not the one keeping the data at `pos`.
fn acknowledged_fact(norm: &str, pos: usize) -> bool {
    let frame = regex!(
        r"(?-u:\b)you (?:hereby |expressly )?(?:understand|acknowledge|agree|accept|recognize|recognise)(?: and (?:acknowledge|agree|understand|accept))? that(?-u:\b)"
    );
    // "even after its removal by you or us": the customer named as an agent inside the fact does
    // not keep anything either.
    // "You agree that for the term … (e) you will retain …": the customer named as the subject
    // later in the sentence is the one keeping the data after all.
    frame.find(&norm[..pos]).is_some_and(|f| {
        let between = &norm[f.end()..pos];
        // "you agree that Content you remove may persist": the customer in a relative clause
        // after the data is not its keeper.
        regex!(r"(?-u:\b)you(?-u:\b)").find_iter(between).all(|y| {
            let head = &between[..y.start()];
            [
                "by ",
                "content ",
                "information ",
                "data ",
                "materials ",
                "files ",
            ]
            .iter()
            .any(|w| head.ends_with(w))
        }) && !regex!(r"(?-u:\b)you (?:will|shall|must|may|should)(?-u:\b)")
            .is_match(&norm[f.end()..])
    })
}

/// "We and our users may retain …": the vendor is one of the subjects that keeps the data, so
/// naming other users beside it does not make the keeping the customer's.
fn vendor_in_joint_subject(norm: &str, pos: usize) -> bool {
    let head = &norm[floor_char_boundary(norm, pos.saturating_sub(60))..pos];
    regex!(r"(?-u:\b)(?:we (?:and|or|and/or) |and we(?-u:\b))").is_match(head)
}

fn about_minors(s: &crate::context::SentenceFacts) -> bool {
    regex!(r"(?-u:\b)(?:minors?|child|children|under the age)(?-u:\b)").is_match(&s.norm)
}

impl Rule for RetentionDeletion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.focused() {
            // "may be saved by our staff", "copies … may remain": keeping under other verbs.
            let kept_otherwise = || {
                (s.norm.contains("saved") || s.norm.contains(" remain"))
                    && kept_under_other_verbs().is_match(&s.norm)
            };
            // "Content will not be deleted within 90 days … in the following situations:": a
            // refused deletion's list holds the exceptions that keep data, not prohibitions.
            let exceptions_to_deletion = || {
                std::iter::successors(cx.lead_in(s), |l| cx.lead_in(l))
                    .take(2)
                    .any(|l| {
                        l.has(Concept::Delete)
                        && regex!(
                            r"(?-u:\b)(?:not|never) be (?:deleted|erased|removed|destroyed)(?-u:\b)"
                        )
                        .is_match(&l.norm)
                    })
            };
            if s.in_heading
                || (cx.in_prohibited_list(s) && !exceptions_to_deletion())
                || !(s.has(Concept::Retain) || s.has(Concept::Delete) || kept_otherwise())
            {
                continue;
            }
            // Messages and correspondence are content when they are kept ("we may retain that
            // communication"), not when marketing communications stop after a deletion.
            let data = s.has(Concept::Content)
                || s.has(Concept::Personal)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData)
                || ((s.has(Concept::Retain) || s.norm.contains("saved"))
                    && correspondence().is_match(&s.norm));
            if !data {
                continue;
            }
            let survives = || {
                let m = survival_regex().find(&s.norm)?;
                // "not obligated to restore data, even if a Member has deleted an account": an
                // "even if" needs something that stays.
                let stays = !m.as_str().starts_with("even if") || stays_after_deletion(&s.norm);
                (stays && about_survival(&s.norm) && !bounded_period().is_match(&s.norm))
                    .then_some(m)
            };
            let keeps_open_ended = || {
                let m = open_ended_keeping().find(&s.norm)?;
                let head =
                    &s.norm[floor_char_boundary(&s.norm, m.start().saturating_sub(16))..m.start()];
                (actor_before(s, m.start()) == Actor::Vendor
                    && !negated(s, m.start())
                    && !head.contains("not ")
                    && !head.contains("never ")
                    && !bounds_the_keeping(&s.norm, m.end()))
                .then_some(m)
            };
            // "The licences granted by you … for a reasonable period … (provided we may retain
            // server copies … indefinitely)": the customer's act named first must not hide the
            // vendor's retention after it.
            // "must be kept confidential pursuant to applicable Law": keeping secret, not keeping
            // longer.
            let kept_secret = |m: &crate::text_regex::Found| {
                regex!(r"^(?:retained|kept|stored|retain|retains|keep|keeps) (?:it |them )?(?:confidential|secure|securely|safe|private)(?-u:\b)")
                    .is_match(m.as_str())
            };
            let searches = [
                Some(vague_retention()),
                vague_retention_remain_or_law(&s.norm),
            ];
            let vague = searches
                .iter()
                .flatten()
                .find_map(|re| {
                    re.find_iter(&s.norm)
                        .filter(|m| !kept_secret(m))
                        .find(|m| actor_before(s, m.start()) != Actor::Customer)
                })
                .or_else(|| {
                    searches
                        .iter()
                        .flatten()
                        .find_map(|re| re.find_iter(&s.norm).find(|m| !kept_secret(m)))
                });
            let Some(m) = vague.or_else(survives).or_else(keeps_open_ended) else {
                continue;
            };
            let phrase = m.as_str();
            let strong = [
                "at least",
                "minimum",
                "as long as",
                "indefinitely",
                "permanent",
                "perpetuity",
                "longer",
                "legitimate",
                "business",
                "life of",
                "lifetime",
            ]
            .iter()
            .any(|w| phrase.contains(w));
            let discretionary_delete = phrase.contains("delete");
            let included = s.norm[..m.start()]
                .rfind("including")
                .is_some_and(|i| m.start() - i < 30);
            let backup_exception =
                (phrase.contains("back") || phrase.contains("archiv")) && !included;
            // "we will delete … within 90 days (though some information may remain in encrypted
            // backups)": the period bounds the deletion, not the backups named after it.
            let bounded = bounded_period()
                .find(&s.norm)
                .is_some_and(|p| !(backup_exception && p.end() <= m.start()));
            // "files that you have in common with other users may be retained", "your Customer
            // Content will be deleted according to our … protocols": in a passive the customer
            // named before it is not the one keeping or deleting the data.
            let passive = [
                "may be",
                "may also be",
                "may not",
                "retained",
                "kept",
                "stored",
                "deleted",
                "destroyed",
                "erased",
                "purged",
                "deletion",
            ]
            .iter()
            .any(|p| phrase.starts_with(p));
            // "may be stored on your device", "may be stored and processed in the United States",
            // "we may also store information on servers … in other countries": where data is kept,
            // not how long, unless an open period follows.
            let after = s.norm[m.end()..].trim_start();
            // Another keeping the vendor allows itself with no place ("we may use and store Your
            // Content … to develop …; and … we may store Your Content in an AWS region outside …")
            // says more than where.
            let storage_place = (phrase.ends_with("stored")
                || phrase.ends_with("store")
                || phrase.ends_with("saved"))
                && storage_location()
                    .find(after)
                    .is_some_and(|p| !not_a_place(&after[p.end()..]))
                && !vague_retention().is_match(after)
                && !s.hits_of(Concept::Retain).any(|h| {
                    let after = s.norm[h.end..].trim_start();
                    let placed = storage_location()
                        .find(after)
                        .is_some_and(|p| !not_a_place(&after[p.end()..]));
                    let head =
                        &s.norm[floor_char_boundary(&s.norm, h.start.saturating_sub(24))..h.start];
                    !placed && head.contains("may ")
                });
            // "may be stored and disclosed by third parties (such as a recipient's email service
            // provider)": others keep it, which is not the vendor's retention.
            let kept_by_others = passive
                && regex!(r"^(?:(?:and|or|and/or) [a-z]+ )?by (?:third[- ]part|other users|(?:the |your |a )?recipients?(?-u:\b))")
                    .is_match(after);
            if storage_place || kept_by_others {
                continue;
            }
            // "deleting that app will not delete your account": what the customer's own act leaves
            // in place, not data the vendor refuses to delete.
            let customer_act_leaves = (phrase.starts_with("will not delete")
                || phrase.starts_with("do not delete"))
                && ["deleting ", "uninstalling ", "removing "]
                    .iter()
                    .any(|w| s.norm[..m.start()].contains(w));
            if customer_act_leaves {
                continue;
            }
            let customer_is_subject = !passive || s.norm[..m.start()].trim_end().ends_with("you");
            // "We retain the personal information you provide to us for as long as your account is
            // active", "Data you have provided … will be retained for as long as you maintain your
            // account": the customer named in a relative clause does not keep the data when the
            // sentence's first keeping is the vendor's or a passive.
            // A keeping word used as a noun ("in store") keeps nothing, and a right the customer
            // has ("the right to restrict processing where … data must be retained") is the
            // customer's.
            let vendor_keeps_first = s
                .hits_of(Concept::Retain)
                .find(|h| {
                    let head = s.norm[..h.start].trim_end();
                    ![" in", " the", " a", " our", " your", " its"]
                        .iter()
                        .any(|w| head.ends_with(w))
                })
                .is_some_and(|h| {
                    let head = s.norm[..h.start].trim_end();
                    ![
                        "right to",
                        "can request",
                        "may request",
                        "can ask",
                        "may ask",
                    ]
                    .iter()
                    .any(|w| head.contains(w))
                        && (actor_before(s, h.start) == Actor::Vendor
                            || [" be", " is", " are", " been"]
                                .iter()
                                .any(|w| head.ends_with(w)))
                });
            // "For as long as you use or store any user data …, you agree to …": with no actor
            // before the phrase, a keeping joined to it decides ("… or stored by other users"
            // far after it does not).
            let customer_named_first = || {
                s.hits_of(Concept::Retain).next().is_some_and(|h| {
                    h.start < m.end() + 24 && actor_before(s, h.start) == Actor::Customer
                })
            };
            let actor = actor_before(s, m.start());
            let customer_keeps = customer_is_subject
                && (actor == Actor::Customer
                    || (actor == Actor::Unknown && customer_named_first()))
                && !vendor_keeps_first
                && !acknowledged_fact(&s.norm, m.start())
                && !vendor_in_joint_subject(&s.norm, m.start())
                // "A request to remove content … you have posted does not ensure … removal":
                // deletion not assured is the vendor's, whoever posted the data.
                && !["guarantee", "ensure", "promise", "possible"]
                    .iter()
                    .any(|w| phrase.contains(w));
            // "Unless Customer has requested … destroy …, Superhuman may elect … to delete":
            // the customer's say over what is kept does not cover the vendor's discretion to
            // delete.
            let at_discretion = discretionary_delete
                && (phrase.starts_with("may") || phrase.starts_with("reserve"));
            let customer_controls =
                customer_controls_retention().is_match(&s.norm) && !at_discretion;
            // "laws requiring us to keep transaction records for a certain period of time": the
            // period is the law's.
            let legal_period = phrase.starts_with("for a ")
                && regex!(r"(?-u:\b)(?:laws? (?:require|requires|requiring)|legal obligation|required by (?:applicable )?law)(?-u:\b)")
                    .is_match(&s.norm);
            if customer_keeps
                || legal_period
                || customer_controls
                || (discretionary_delete && removal_for_cause().is_match(&s.norm))
                // "If we learn we collected data from a Minor, we may delete it": deletion as a
                // safeguard, unlike "does not delete any information that children contributed".
                || (phrase.starts_with("may") && discretionary_delete && about_minors(s))
                || (!strong && bounded && !discretionary_delete)
            {
                continue;
            }
            // A firm, time-bound duty to delete with no backup exception is what we ask for.
            if firm_duty().is_match(&s.norm) && !backup_exception {
                continue;
            }
            out.push(sentence_finding(
                cx,
                &META,
                s,
                format!(
                    "Retention or deletion is left open (“{}”). Kept data can be breached, disclosed or reused; \
                     ask for deletion within a fixed period after termination or request, backups included.",
                    snippet(cx, s, m.start(), m.end())
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    const ID: &str = "data-rights/retention-deletion";

    #[test]
    fn periods_spelled_in_words_are_bounded() {
        // sourcehut Terms of Service.
        assert_clean(ID, "We may retain your content in our system (e.g. for backups) for up to six weeks, but it will not display on our website during this period.");
        assert_flags(ID, "We may retain your content in our system (e.g. for backups) for as long as we consider necessary.");
    }

    #[test]
    fn plain_language_content_is_content() {
        // Overleaf Terms of Service: “your stuff” is the customer's content.
        assert_flags(ID, "We may retain and use your stuff as necessary to comply with our legal obligations, resolve disputes and enforce our agreements.");
        // Tricky: a firm, dated duty to delete it.
        assert_clean(
            ID,
            "We will delete your stuff within 30 days of termination — backups included.",
        );
    }

    #[test]
    fn flags_vague_retention() {
        // Limitless Privacy Policy.
        assert_flags(ID, "We retain your personal information for as long as is reasonably necessary for the purposes specified in this Privacy Policy.");
        // ArtStation Terms of Service.
        assert_flags(ID, "(f) Epic may (but is not required to) delete some or all of Your Content from the Site and from your account within 60 days after termination;");
        assert_flags(
            ID,
            "Deleted content may persist in backup copies for a reasonable period.",
        );
    }

    #[test]
    fn purpose_bound_retention_and_backups() {
        // Kept while “necessary for the purposes”: Qobuz and Coursera Privacy Policies.
        assert_flags(ID, "Personal data is stored for the time necessary for the purposes for which they are collected.");
        assert_flags(ID, "We keep your Personal Data for no longer than necessary for the purposes for which the Personal Data is collected and processed, to comply with our legal and regulatory obligations — see § 8.");
        // GitHub Terms of Service: a firm 90-day deletion with an open backup exception.
        assert_flags(ID, "We will retain and use your information as necessary to comply with our legal obligations, but barring legal requirements, we will delete your full profile and the Content of your repositories within 90 days of cancellation or termination (though some information may remain in encrypted backups).");
    }

    #[test]
    fn protective_and_customer_controlled_deletion_is_clean() {
        // SurveyMonkey Privacy Policy constructions.
        assert_clean(ID, "If it comes to our attention that we have collected Personal Data from a Minor, we may delete this information without notice.");
        assert_clean(
            ID,
            "We do not delete customer data unless the customer has instructed us to do so.",
        );
        // VocabularySpellingCity Privacy Policy: keeping children's data is no safeguard.
        assert_flags(ID, "Please note that VocabularySpellingCity does not delete any information that children have contributed to VocabularySpellingCity.");
        assert_clean(ID, "If you are a Creator, we generally do not delete the data in your account as long as your account is active – you are responsible for and control the time periods for which you retain this data.");
    }

    #[test]
    fn firm_duties_are_clean() {
        assert_clean(
            ID,
            "Vendor will delete all Customer Content within 30 days after termination.",
        );
        assert_clean(ID, "You can download your data at any time.");
    }

    #[test]
    fn as_long_as_necessary_in_other_words() {
        // Apple and Couchsurfing Privacy Policies.
        assert_flags(ID, "Apple retains personal data only for so long as necessary to fulfill the purposes for which it was collected, including as described in this Privacy Policy or in our service-specific privacy notices, or as required by law.");
        assert_flags(ID, "To protect the safety and security of our users, your personal data will be retained for a reasonable period of time following account deletion or deactivation.");
        // Tricky: a period fixed by law, with its length, is not open (Gofile Privacy Policy).
        assert_clean(ID, "Billing Data: Invoicing records are retained for the period required by applicable tax and accounting laws (typically 10 years under French law).");
    }

    #[test]
    fn the_vendor_keeping_data_with_no_bound() {
        // Teads Privacy Policy.
        assert_flags(ID, "We will retain and use your information as necessary to comply with our legal obligations, resolve disputes, and enforce our agreements.");
        // Tricky: titles, keeping data apart, and not keeping it (Instagram, Google Nest, Yelp).
        assert_clean(ID, "How long do we keep your information?");
        assert_clean(ID, "We keep your Wi-Fi network performance data separate from advertising and don’t use it for ad personalization.");
        assert_clean(ID, "Even when we do not retain such information, it still must be transmitted to our servers initially and stored long enough to process.");
    }

    #[test]
    fn deletion_at_the_vendors_discretion_or_by_its_own_practices() {
        // Zoom Terms of Service: deleted "according to … our regularly scheduled deletion protocols".
        assert_flags(ID, "For thirty (30) calendar days following expiration or termination of this Agreement, Zoom will provide you access to retrieve your Customer Content, after which time your Customer Content will be deleted according to applicable Law, this Agreement, and our regularly scheduled deletion protocols, policies, and procedures.");
        // Dailymotion Terms of Service construction.
        assert_flags(ID, "Dailymotion reserves the right to delete any Content and data of a User whose account has been inactive for more than one year.");
        // Tricky: a dated duty to delete, backups included.
        assert_clean(ID, "Within thirty (30) days after termination, Zoom will delete all Customer Content, including copies in backups.");
    }

    #[test]
    fn passive_retention_and_the_vendors_act_after_the_customers() {
        // Overleaf Terms of Service: "you" belongs to the relative clause, not to the retention.
        assert_flags(
            ID,
            "In addition, files that you have in common with other users may be retained.",
        );
        // Snapchat Terms of Service: the customer's removal is named before the vendor's retention.
        assert_flags(ID, "The licences granted by you for Public Content continue for so long as the Public Content is on the Services and for a reasonable period of time after you remove or delete the Public Content from the Services (provided we may retain server copies of your Public Content indefinitely).");
        // WhatsApp Privacy Policy: backups outlast the 90 days.
        assert_flags(ID, "Copies of your information may also remain after the 90 days for a limited time in the backup storage that we use to recover lost data in the event of a disaster, software error, or other data loss event.");
        // Tricky: what the customer chooses to keep (Limitless Privacy Policy), and a backup that
        // keeps data safe (Overleaf Terms of Service).
        assert_clean(
            ID,
            "We do not delete the information that you choose to retain indefinitely.",
        );
        assert_clean(ID, "These include rights to store and reformat and to analyze for aggregate reporting and analysis purposes, and will involve us making choices in the way we technically administer our Services, for example, how we redundantly backup data to keep it safe.");
    }

    #[test]
    fn where_data_is_stored_is_not_how_long() {
        // Hugging Face Privacy Policy and a transfer clause (Watch.Hockey Privacy Policy).
        assert_clean(ID, "Please be aware that certain Personal Information and other information provided by you in connection with your use of the Services may be stored on your device (even if that Information is not collected by the Company).");
        assert_clean(ID, "When you submit personal information to one of our affiliates, you understand and agree that this information may be transferred across national boundaries and may be stored in other countries.");
        // The same verb with an open period.
        assert_flags(
            ID,
            "Personal information you submit may be stored for as long as we deem necessary.",
        );
    }

    #[test]
    fn retention_by_an_unseen_policy_and_deletion_not_guaranteed() {
        assert_flags(ID, "We retain your personal information in accordance with our internal retention policies.");
        assert_flags(
            ID,
            "We cannot guarantee that all of your personal data will be deleted from our systems.",
        );
        assert_flags(
            ID,
            "Information you share with other users may not be completely deleted.",
        );
        // Tricky: the policy is this document, with its periods; a firm duty.
        assert_clean(ID, "We retain your personal information for 12 months, as described in this Privacy Policy.");
        assert_clean(
            ID,
            "We will delete your personal data within 30 days of your request.",
        );
    }

    #[test]
    fn files_kept_as_a_protection_are_clean() {
        // Tresorit Terms of Service: suspension does not delete the customer's files.
        assert_clean(ID, "As a result of suspension, Customer Files will not be deleted unless specified otherwise in this Agreement or Customer explicitly requests their deletion.");
    }

    #[test]
    fn deletion_that_cannot_be_complete_or_is_de_identification() {
        // IPinfo Privacy Policy.
        assert_flags(ID, "Please note that if you request that your Information be removed from our databases, it may not be possible to completely delete all of your Information due to technological and legal constraints.");
        // Persumi Privacy Policy.
        assert_flags(ID, "In some cases, deletion may be accomplished through de-identification of your personal information.");
        assert_flags(ID, "We may still retain your personal data in our systems for the purposes described in § 5.");
    }

    #[test]
    fn what_the_customer_does_or_is_advised_to_do_is_not_vendor_retention() {
        // SoundCloud Terms of Use construction, with curly quotes.
        assert_clean(ID, "If you connected a “third-party app”, deleting that app will not delete your account or your content.");
        // SurveyMonkey Privacy Policy.
        assert_clean(ID, "We encourage Creators to actively review their data retention practices in their account and take care to retain data only as long as is strictly necessary.");
        assert_flags(
            ID,
            "We will not delete your content after you close your account.",
        );
    }

    #[test]
    fn extended_periods_reasonable_times_and_retention_after_a_named_account() {
        // Instagram Privacy Policy.
        assert_flags(ID, "In some instances and for specific reasons, we’ll keep information for an extended period of time.");
        // Pinterest Privacy Policy: the account is named.
        assert_flags(ID, "In certain cases, we also keep your information for legal and regulatory reasons, including after your Pinterest account has been deleted.");
        // Snapchat Terms of Service: more words between the data and the policy.
        assert_flags(ID, "We reserve the right to terminate or limit the visibility of your account, and retain data relating to your account in accordance with our data retention policies.");
        // Frank Privacy Policy: deletion at no set time.
        assert_flags(
            ID,
            "We will delete such information from our files within a reasonable time.",
        );
        // A stated period is what we ask for.
        assert_clean(
            ID,
            "We will delete such information from our files within 30 days.",
        );
        // Frank Privacy Policy construction: a reply in reasonable time is not a deletion.
        assert_clean(ID, "We will respond to your request about your personal data within a reasonable period of time.");
        // Hugging Face Terms of Service: efforts to delete within a stated period.
        assert_clean(ID, "Upon cancellation of your Account, we will use commercially reasonable efforts to delete your information and Content of your own Repositories, whether public or private, within 90 days.");
    }

    #[test]
    fn retention_until_the_vendor_decides_or_by_a_named_policy() {
        // Discord Privacy Policy: the vendor decides when data is no longer needed.
        assert_flags(ID, "We retain personal information until we determine it is no longer needed for the processing purposes for which we collected or retain it or for legal compliance.");
        // Bitwarden Privacy Policy: a retention policy named by the vendor's name, with no period.
        assert_flags(
            ID,
            "This information is retained in accordance with the Bitwarden retention policy.",
        );
        // Tricky: a duty to delete under the same policy (Bitwarden Privacy Policy), and retention
        // by the privacy policy itself, whose periods the reader has (Logitech Privacy Policy
        // construction: "in accordance with the Logitech Privacy Policy").
        assert_clean(
            ID,
            "We will retain collected information in accordance with the Privacy Policy.",
        );
        assert_clean(ID, "If you terminate your relationship with Bitwarden, we will delete your Personal Information in accordance with our data retention policies.");
    }

    #[test]
    fn retention_in_connection_with_claims_is_no_place() {
        // Discord Privacy Policy: "in connection with" names no place that bounds the keeping.
        assert_flags(ID, "We retain and use your information in connection with potential legal claims when necessary and for compliance, regulatory, and auditing purposes.");
        // Tricky: retention the law compels (Discord Privacy Policy, the next sentence).
        assert_clean(ID, "For example, we retain information where we are required by law or if we are compelled to do so by a court order or regulatory body.");
        // Stack Overflow and Viber Privacy Policies: "in order to" still reads as a bound.
        assert_clean(ID, "While you remain a user of the Public Network or a customer, we will retain your data in order to keep providing services to you.");
        assert_clean(ID, "Compliance with our legal obligations – we are required to retain certain types of data in order to comply with our obligations under applicable laws.");
    }

    #[test]
    fn deletion_that_anonymises_the_rest() {
        // Discord Privacy Policy: account deletion keeps the other data in anonymised form.
        assert_flags(ID, "Deleting your account permanently deletes identifying information and anonymizes other data as described in our data retention policy.");
        // Tricky: deletion or anonymisation of all of it at the end of a retention period (Paradox
        // Interactive Privacy Policy).
        assert_clean(
            ID,
            "After the applicable retention period has expired, we will either delete or anonymize your data.",
        );
    }

    #[test]
    fn storing_in_a_place_by_any_verb_form() {
        // Discord and Hugging Face Privacy Policies: where data is stored, not how long.
        assert_clean(ID, "We may also store information on servers and equipment in other countries depending on a variety of factors, including the locations of our users and service providers.");
        assert_clean(ID, "Personal Information collected by the Services may be stored and processed in the United States or any other country in which the Company or its affiliates, subsidiaries or agents maintain facilities.");
        // Dailymotion Terms of Service: two places, no period.
        assert_clean(ID, "In addition to them being stored in the EEA Your Comments may be stored in the USA on servers used by our service provider assisting us in operating the comment feature.");
        // DeviantArt Terms of Service: limits the vendor may set, one of them where content is stored.
        assert_clean(ID, "DeviantArt may establish additional limits concerning your use of the Service, including the maximum number of days that Your Content will be retained by the Service, the maximum size of any Content files that may be stored on the Service.");
        // Amazon Web Services Terms of Service: the same sentence also keeps content to develop
        // the service, so it says more than where.
        assert_flags(ID, "(a) we may use and store Your Content that is processed by the AWS Supply Chain service to develop and improve the service and its underlying technologies; and (c) we may store Your Content in an AWS region outside of the AWS region where you are using AWS Supply Chain.");
        // Tricky: a place followed by an open period.
        assert_flags(
            ID,
            "We may store your information on our servers for as long as we deem necessary.",
        );
    }

    #[test]
    fn the_customer_in_a_relative_clause_keeps_nothing() {
        // The Trade Desk and Blizzard Privacy Policies: the vendor keeps what the customer provided.
        assert_flags(ID, "We retain the personal information you provide to us for as long as your account is active or as needed to provide you services or perform the purposes for which it was supplied.");
        assert_flags(
            ID,
            "We keep the information you give us only as long as necessary.",
        );
        // Viber Privacy Policy: a passive keeping of what the customer provided.
        assert_flags(ID, "Personal data you have voluntarily provided during registration or through your account – these types of data, including your photo, date of birth, email address, will be retained for as long as you maintain your account.");
        // Tricky: what the customer itself chooses to keep (Limitless Privacy Policy), a store
        // that is a shop (Ikea Privacy Policy), a removal that is no keeping (Airbnb Terms of
        // Service), and a period that ends it (Olvid Privacy Policy, shortened before its
        // "longer period" exception).
        assert_clean(
            ID,
            "We do not delete the information that you choose to retain indefinitely.",
        );
        // Energia Privacy Policy: the customer's right, described.
        assert_clean(ID, "In certain circumstances you can request the restriction of the processing of your personal data where you contest the accuracy of the information; where you object to processing which is based on legitimate interests; or where we no longer require to retain your personal data but you wish the personal data to be held while you establish, exercise or defend a legal claim.");
        assert_clean(ID, "You have legitimate interest in providing this information to IKEA to ensure we can manage any of the occurrences that may occur in store.");
        assert_clean(ID, "Where we remove or disable Content, we will notify a Member and provide the reasons for such a measure, unless such notification would (i) prevent or impede the detection or prevention of fraud or other illegal activities, (ii) harm the legitimate interests of other Members or third parties, or (iii) contravene applicable laws.");
        assert_clean(ID, "Your billing data will be kept by Olvid for the period of time that you use Our services, and deleted no later than three years from the last contact.");
    }

    #[test]
    fn no_longer_than_necessary_in_other_words() {
        // Thryv YellowPages, WeChat, Crunchyroll and Wix Privacy Policies.
        assert_flags(ID, "We will not retain your Personal Information for longer than necessary for the purposes set out in this policy.");
        assert_flags(ID, "We do not retain Personal Information for longer than is necessary unless we are required or permitted to do so under applicable laws.");
        assert_flags(ID, "For Personal Data that we collect and process for the purposes described above, we retain such Personal Data for no longer than the period necessary to fulfil the purposes outlined in this Privacy and Cookies Policy.");
        assert_flags(ID, "We retain your Personal Information for the time period reasonably necessary to achieve the purposes described in this Privacy Policy, or any other notice provided at the time of collection.");
        // Tricky: a stated maximum (Blizzard Entertainment construction with a period).
        assert_clean(
            ID,
            "We will not retain your voice recording for longer than 30 days.",
        );
    }
    #[test]
    fn copies_that_remain_and_content_saved_under_other_verbs() {
        // Goodreads and Atlassian Privacy Policies: copies and posts that outlast a deletion.
        assert_flags(ID, "If you remove User Content, copies may remain viewable in cached and archived pages or if other users have copied or stored your User Content.");
        assert_flags(
            ID,
            "Your posts and certain profile information may remain even after you terminate your account.",
        );
        // Pinterest Terms of Service: "even if" a deletion.
        assert_flags(
            ID,
            "Copies of User Content shared with others may remain even if the User Content or your account have been deleted.",
        );
        // GitLab Privacy Policy.
        assert_flags(ID, "For example, if you provide your information in connection with a blog post or comment, we may display that information even if you have deleted your account as we do not automatically delete community posts.");
        // Proton Mail and Wolfram Privacy Policies: correspondence is content.
        assert_flags(ID, "Your communications with us, such as support requests, bug reports, or feature requests may be saved by our staff.");
        assert_flags(ID, "When you send email or other communication to us, we may retain that communication to respond to you and improve our Services.");
        // Tricky: a restore the vendor owes nothing for (pixiv Terms of Service), marketing
        // messages that stop (Wargaming Privacy Policy), severability, and data saved in the
        // customer's own account by its own setting (Google Privacy Policy).
        assert_clean(ID, "Please be advised that the Company is not obligated to restore or recover data etc., even if a Member has deleted an account by mistake.");
        assert_clean(
            ID,
            "We will be able to stop all communications only after your Account is deleted.",
        );
        assert_clean(ID, "If any provision of these Terms is held invalid, the remaining provisions, including those on your information, will remain in full force and effect.");
        assert_clean(ID, "For example, if you’re signed in to your Google Account and have Search services history or Web & App Activity turned on, your activity data on Google sites, apps and services that use those settings may be saved as history in your Google Account.");
    }

    #[test]
    fn the_customer_who_only_acknowledges_or_shares_the_subject_keeps_nothing() {
        // Wix Privacy Policy and Toyota Connected Services Terms of Service: the customer
        // acknowledges what the vendor keeps.
        assert_flags(ID, "You understand and acknowledge that, even after its removal by you or us, copies of User Content may remain viewable in cached and archived pages or if any third parties (including any of your Users-of-Users) have copied or stored such User Content.");
        assert_flags(ID, "You acknowledge and agree that Toyota may preserve User Content and may also disclose User Content if required to do so by law.");
        // Pinterest Terms of Service: the vendor is one of the subjects.
        assert_flags(ID, "We and our users may retain and continue to use, store, display, reproduce, save, modify, create derivative works, perform, and distribute any of your User Content that you or other users have stored or shared on Pinterest.");
        // Tricky: the customer agrees to its own retention (Amazon Seller Central), and others
        // keep the data (Mailjet Terms of Service).
        assert_clean(ID, "You agree that for the term of the Agreement and 5 years after termination: (a) all Confidential Information will remain Amazon's exclusive property; and (b) you will retain Confidential Information only for so long as its use is necessary for participation in the Services.");
        assert_clean(ID, "Email sent using the Services may be unsecured, may be intercepted by other users of the public internet, and may be stored and disclosed by third parties (such as a recipient’s email service provider).");
    }

    #[test]
    fn retention_by_the_law_of_a_place_and_storage_places() {
        // Wolfram Privacy Policy: kept "in accordance with the laws", no period.
        assert_flags(ID, "Any information about you collected by us is retained and protected in accordance with the laws governing your location.");
        // Tricky: keeping secret (Zoom Terms of Service construction), a duty not to keep unless
        // the law requires it (Wire Data Processor Agreement), and where data is processed (Wix
        // Privacy Policy).
        assert_clean(ID, "Customer Confidential Information means any information disclosed by you to Zoom that must be kept confidential in accordance with applicable Law.");
        assert_clean(ID, "Upon termination, the Processor shall delete copies of all personal data, provided that no legal obligation to keep the personal data exists pursuant to the law.");
        assert_clean(ID, "We may store and process Personal Information in the USA, Europe, Israel, or other jurisdictions, whether by ourselves or with the help of our affiliates and service providers.");
    }

    #[test]
    fn the_customers_say_over_retention_does_not_cover_a_discretion_to_delete() {
        // Grammarly Commercial Terms construction with the vendor named as "we".
        assert_flags(ID, "Unless Customer has requested that we return all Customer Data before the end of the Subscription Term, we may elect, at our discretion, to delete Customer’s accounts.");
        // Tricky: the customer's instruction governs the deletion (protective).
        assert_clean(
            ID,
            "We do not delete Customer Data unless the Customer has instructed us to do so.",
        );
    }
    #[test]
    fn periods_tied_to_an_account_or_relationship_and_unnamed_periods() {
        // Twitter, VR and WordPress.com Privacy Policies.
        assert_flags(ID, "We keep your usage information, such as the content you post, your interactions with other users’ content and how you interact with others on the platform for the duration of your account or until such content is removed.");
        assert_flags(ID, "Data relating to marketing is retained for as long as the customer relationship is active or until the data subject withdraws their consent or objects to the processing.");
        assert_flags(ID, "If you are a job applicant, we will keep your personal data during the application process, and for a certain period thereafter.");
        // An ad-tech privacy policy: "legitimate business needs".
        assert_flags(ID, "We will retain personal information for the period necessary to fulfill the purposes outlined in this Policy and where we have ongoing legitimate business needs to do so.");
        // Tricky: a limited period that is stated (construction), and a relationship that ends
        // with a period (PayPal Privacy Policy, shortened).
        assert_clean(
            ID,
            "Backups of your data are kept for a limited period of 30 days and then deleted.",
        );
        assert_clean(ID, "Personal Information used for the ongoing relationship between you and PayPal is stored for the duration of the relationship plus a period of 10 years.");
    }

    #[test]
    fn removal_not_ensured_and_persisting_copies_the_customer_agrees_to() {
        // Palia Privacy Policy.
        assert_flags(ID, "A request to remove content or information that you have posted does not ensure or require the complete or comprehensive removal of such content or information from our databases (for example, content that has been reposted by another user may not be removable).");
        // Ning Terms of Service: the customer in a relative clause inside what it agrees to.
        assert_flags(ID, "Without limiting the foregoing, you agree that Content you remove may persist for a reasonable amount of time in back-up copies (but these copies will not be available to others).");
        // Tricky: a removal the vendor ensures (construction).
        assert_clean(ID, "A request to remove your content will ensure the complete removal of such content from our databases within 30 days.");
    }
    #[test]
    fn periods_the_law_sets_and_the_customers_own_keeping() {
        // Zoom Privacy Policy: the law's "certain period".
        assert_clean(ID, "Whether we have a legal obligation to keep the data (for example, certain laws require us to keep records of your transactions for a certain period of time before we can delete them); or");
        // Google APIs Terms of Service: the developer keeps what it obtained.
        assert_clean(ID, "For as long as you use or store any user data that you obtained through the APIs, you agree to enable your users to export their equivalent data to other services or applications of their choice.");
        // We Heart It Privacy Policy: law enforcement's needs are no retention purpose.
        assert_clean(ID, "We will make any legally required disclosures of any breach of the security of your electronically stored personal data to you via email without unreasonable delay, insofar as consistent with the legitimate needs of law enforcement.");
        // Webs Privacy Policy: others who stored copies, named far after the copies that remain.
        assert_flags(ID, "Even after you remove information from your profile or delete your account, copies of that information may remain viewable elsewhere to the extent it has been shared with others, it was otherwise distributed pursuant to your privacy settings or privacy settings of the Website(s) or Application(s) you used, or it was copied or stored by other users.");
        // Gofile Privacy Policy: a limited period that is never stated.
        assert_flags(ID, "These logs are retained for a limited period and are used exclusively for security, abuse prevention, rate limiting, and platform diagnostics.");
    }
    #[test]
    fn exceptions_to_a_refused_deletion_and_minimum_periods() {
        // Instagram Terms of Service: the items of a "will not be deleted … in the following
        // situations:" list keep data.
        assert_flags(ID, "Content will not be deleted within 90 days of the account deletion process beginning in the following situations:\n\n* where deletion would restrict our ability to investigate illegal activity, in which case, the content will be retained for no longer than is necessary for the purposes for which it has been retained.");
        // Lyft and ArtStation Privacy Policies: a floor with no ceiling.
        assert_flags(ID, "We retain transactional information such as rides and payments for at least seven years to ensure we can perform legitimate business functions, such as accounting for tax obligations.");
        assert_flags(ID, "We will keep personal information used to make a decision affecting you for at least one year after using it to make the decision.");
        // Tricky: a prohibition list (construction), and a maximum (Blizzard Entertainment Privacy
        // Policy).
        assert_clean(
            ID,
            "You may not:\n\n* retain other users' content for as long as necessary for your own purposes.",
        );
        assert_clean(
            ID,
            "Transaction information may be retained for up to 7 years (primarily for audit purposes).",
        );
    }
}
