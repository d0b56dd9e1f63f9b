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

/// What a rule's findings depend on, which decides what the incremental analysis
/// ([`crate::incremental`]) re-runs after an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// What the rule reports while looking at a sentence depends only on that sentence, the other
    /// sentences of its block, its list's lead-in sentence, and the document-wide facts
    /// (`cx.facts`, the parsed structure). The rule iterates [`Context::focused`] or
    /// [`Context::sentences_with`], never the whole of `cx.sentences`, and reports each finding
    /// while looking at the sentence it is about, so it can run on a part of the document.
    Local,
    /// Anything else: whole-document checks ("nothing in the document says …"), rules that count
    /// or compare across sections. Re-run on the whole document after every edit.
    Document,
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// See [`Scope`]. The default is the always-correct [`Scope::Document`].
    fn scope(&self) -> Scope {
        Scope::Document
    }
    /// Push findings for the document. Rules read the precomputed per-sentence facts in `cx`
    /// instead of re-scanning the text.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}
