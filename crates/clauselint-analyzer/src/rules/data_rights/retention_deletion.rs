//! `data-rights/retention-deletion`
//!
//! ## What it flags
//! Indefinite or vague retention ("as long as necessary", "for legitimate business purposes"), a
//! discretion to delete ("may delete") instead of a duty, retention after termination or account
//! deletion, and backup or archive exceptions to deletion.
//!
//! ## Why it matters
//! Data that is kept can be breached, subpoenaed, repurposed or used for training. Only a duty to
//! delete within a stated time, covering backups, ends that risk.

use std::sync::OnceLock;

use regex::Regex;

use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::grammar::{actor_before, Actor};
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

fn vague_retention() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?-u:\b)(?:for\ )?as\ long\ as\ (?:is\ )?(?:reasonably\ |strictly\ )?(?:necessary|needed|required|appropriate|permitted|we\ (?:need|deem|consider|have)|the\ consent|a\ legitimate|you\ (?:have|maintain))
          | (?-u:\b)for\ (?:the\ )?(?:life|lifetime)\ of\ (?:the|your)\ account(?-u:\b)
          | (?-u:\b)indefinitely(?-u:\b)|(?-u:\b)permanently\ retain|(?-u:\b)retained\ permanently(?-u:\b)|(?-u:\b)in\ perpetuity(?-u:\b)
          | (?-u:\b)longer\ (?:retention\ )?(?:period|periods|time)(?-u:\b)|(?-u:\b)for\ a\ longer\ period(?-u:\b)
          | (?-u:\b)(?:legitimate|business)\ (?:business\ )?(?:purposes|interests?)(?-u:\b)
          | (?-u:\b)may\ (?:also\ )?(?:retain|keep|store|preserve|persist|be\ (?:kept|saved|retained|stored|preserved))(?-u:\b)
          | (?-u:\b)(?:reserves?|reserve)\ the\ right\ to\ (?:retain|keep|store|preserve)(?-u:\b)
          | (?-u:\b)may\ (?:\(?but\ (?:is|are)\ not\ (?:required|obligated)(?:\ to)?\)?\ )?(?:to\ )?delete(?-u:\b)
          | (?-u:\b)(?:no|not\ (?:under\ )?any)\ (?:obligation|duty)\ to\ (?:maintain|retain|delete)(?-u:\b)
          | (?-u:\b)not\ (?:be\ )?(?:able\ to\ )?(?:delete|remove|control\ (?:the\ )?removal)(?-u:\b)
          | (?-u:\b)will\ not\ delete(?-u:\b)|(?-u:\b)do\ not\ delete(?-u:\b)
          | (?-u:\b)unless\ and\ until\ you\ request\ deletion(?-u:\b)
          | (?-u:\b)continue\ in\ full\ force(?-u:\b)
          | (?-u:\b)determine\ the\ retention\ period(?-u:\b)
          | (?-u:\b)(?:(?:only\ )?(?:if|where|while|as)|for\ the\ (?:time|period)|no\ longer\ than)\ (?:it\ is\ )?(?:(?:legally\ permitted|reasonably|strictly)\ (?:and\ )?)*(?:necessary|needed|required)\ for\ the\ purposes?\ (?:for\ which|of|described|set\ out|outlined)(?-u:\b)
          | (?-u:\b)might\ persist(?-u:\b)|(?-u:\b)may\ persist(?-u:\b)|(?-u:\b)remain\ in\ (?:our\ )?(?:[a-z]+\ )?(?:backups?|archives?|systems?)(?-u:\b)
          ",
        )
        .expect("valid retention regex")
    })
}

/// Backup, archive and after-termination language: a risk only where the sentence is about data
/// surviving deletion or termination.
fn survival_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:back-?ups?|backed-up|archival copies|archived copies|residual copies|cached copies)(?-u:\b)|(?-u:\b)(?:even after|after you delete|after your account is (?:deleted|closed|terminated)|following the termination|after (?:the )?termination)(?-u:\b)")
            .expect("valid survival regex")
    })
}

fn bounded_period() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:for|up to|within|no (?:longer|more) than|plus)\s+(?:\w+\s+)?\(?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen|thirty|sixty|ninety)\)?\s+(?:calendar\s+|business\s+)?(?:days|weeks|months|years)(?-u:\b)")
            .expect("valid period regex")
    })
}

/// Deleting content for breaching the rules is content removal, not retention.
fn removal_for_cause() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)violat\w*|(?-u:\b)breach\w*|(?-u:\b)objectionable(?-u:\b)|(?-u:\b)infring\w*|(?-u:\b)inappropriate(?-u:\b)").expect("valid cause regex")
    })
}

fn firm_duty() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:will|shall|must)\s+(?:permanently\s+|securely\s+)?(?:delete|destroy|erase|purge)(?-u:\b)[^.;]*(?-u:\b)within\s+(?:\w+\s+)?\(?\d+\)?\s+(?:calendar\s+|business\s+)?days(?-u:\b)|(?-u:\b)within\s+(?:\w+\s+)?\(?\d+\)?\s+(?:calendar\s+|business\s+)?days(?-u:\b)[^.;]*(?-u:\b)(?:will|shall|must)\s+(?:permanently\s+|securely\s+)?(?:delete|destroy|erase|purge)(?-u:\b)")
            .expect("valid duty regex")
    })
}

/// "We do not delete customer data unless the customer has instructed us to do so", "you are
/// responsible for and control the time periods for which you retain this data": the customer
/// decides what is kept, so keeping it is not the vendor's open retention.
fn customer_controls_retention() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)unless (?:you|the customer|customer) (?:has |have )?(?:instructed|requested|asked|directed|instructs|requests|asks|directs)(?-u:\b)|(?-u:\b)you (?:are responsible for and )?control (?:the )?(?:time periods?|retention|how long)(?-u:\b)")
            .expect("valid customer-control regex")
    })
}

fn about_minors(s: &crate::context::SentenceFacts) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:minors?|child|children|under the age)(?-u:\b)")
            .expect("valid minors regex")
    })
    .is_match(&s.norm)
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
            if s.in_heading
                || cx.in_prohibited_list(s)
                || !(s.has(Concept::Retain) || s.has(Concept::Delete))
            {
                continue;
            }
            let data = s.has(Concept::Content)
                || s.has(Concept::Personal)
                || s.has(Concept::Data)
                || s.has(Concept::UsageData);
            if !data {
                continue;
            }
            let survives = || {
                let m = survival_regex().find(&s.norm)?;
                let about_survival = [
                    "persist",
                    "remain",
                    "retain",
                    "retention",
                    "deleted",
                    "deletion",
                    "kept",
                    "keep",
                ]
                .iter()
                .any(|w| s.norm.contains(w));
                (about_survival && !bounded_period().is_match(&s.norm)).then_some(m)
            };
            let Some(m) = vague_retention().find(&s.norm).or_else(survives) else {
                continue;
            };
            let phrase = m.as_str();
            let strong = [
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
            if actor_before(s, m.start()) == Actor::Customer
                || customer_controls_retention().is_match(&s.norm)
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
}
