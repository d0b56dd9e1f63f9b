//! The rule trait and the metadata every rule carries.

use crate::context::Context;
use crate::finding::{Finding, Severity};

/// Fixed documentation sections, in the order the docs render them.
#[derive(Clone, Copy, Debug)]
pub struct RuleDoc {
    /// One line: what the rule flags.
    pub summary: &'static str,
    pub why: &'static str,
    /// A clause that triggers the rule (tests check that it does).
    pub example: &'static str,
    /// Language to ask for instead (tests check that it does not trigger the rule).
    pub suggested: &'static str,
    pub references: &'static [&'static str],
}

#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// Stable id, `group/name`; users write it into config and suppression comments.
    pub id: &'static str,
    pub default_severity: Severity,
    pub doc: RuleDoc,
}

impl RuleMeta {
    pub fn group(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Push findings for the document. Rules read the precomputed per-sentence facts in `cx`
    /// instead of re-scanning the text.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}
