//! # clauselint-analyzer
//!
//! Rules over a parsed [`Document`]: each rule has a stable id, documentation and a check that
//! produces [`Finding`]s with byte spans, severity, an explanation and suggested language. Shared
//! per-sentence facts ([`context`]) are computed once per document so rules never re-scan the text.
//!
//! This crate must not: read or write user files, know about LSP or terminals, or depend on the
//! CLI. It takes a `Document` and returns findings.

pub mod checklist;
mod compact_dfa;
pub mod context;
pub mod custom;
pub mod finding;
pub mod grammar;
pub mod incremental;
pub mod lexicon;
mod pattern;
pub mod registry;
pub mod rule;
mod rules;
pub mod scoring;
pub mod suppression;
#[doc(hidden)]
pub mod testing;
pub mod text_regex;
pub mod vocabulary;

use std::sync::Arc;

pub use clauselint_parser::{Deadline, Document, LimitExceeded, Limits};
pub use context::Context;
pub use custom::{CustomRule, CustomRuleSpec};
pub use finding::{Edit, Finding, FindingKind, Fix, Related, Severity};
pub use incremental::{Incremental, Update};
pub use registry::{all_rules, rule_by_id};
pub use rule::{Rule, RuleDoc, RuleMeta, Scope};
pub use vocabulary::Vocabulary;

/// Which rules run and at what severity.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Rule ids or `group/*` patterns switched off.
    pub disabled: Vec<String>,
    /// Severity overrides by rule id or `group/*`.
    pub severities: Vec<(String, Severity)>,
    /// Report suppression comments that no longer suppress anything (`meta/unused-suppression`).
    pub report_unused_suppressions: bool,
}

/// Does a rule id match `pattern`: an exact id, or `group/*` for every rule of a group?
pub fn pattern_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix("/*") {
        Some(group) => id.split('/').next() == Some(group),
        None => pattern == id,
    }
}

impl Settings {
    pub fn is_enabled(&self, id: &str) -> bool {
        !self.disabled.iter().any(|p| pattern_matches(p, id))
    }

    pub fn severity_for(&self, id: &str, default: Severity) -> Severity {
        // Exact ids beat group patterns; later entries beat earlier ones.
        self.severities
            .iter()
            .rev()
            .find(|(p, _)| p == id)
            .or_else(|| {
                self.severities
                    .iter()
                    .rev()
                    .find(|(p, _)| pattern_matches(p, id))
            })
            .map_or(default, |(_, s)| *s)
    }
}

pub struct Analyzer {
    rules: Vec<&'static dyn Rule>,
    /// Every custom rule loaded, enabled or not (suppression comments may name a disabled one).
    custom: Vec<Arc<CustomRule>>,
    vocabulary: Vocabulary,
    settings: Settings,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Settings::default())
    }
}

impl Analyzer {
    pub fn new(settings: Settings) -> Self {
        let rules = all_rules()
            .iter()
            .copied()
            .filter(|r| settings.is_enabled(r.meta().id))
            .collect();
        Analyzer {
            rules,
            custom: Vec::new(),
            vocabulary: Vocabulary::default(),
            settings,
        }
    }

    /// An analyzer with an organisation's playbook: custom rules run after the built-in ones, and
    /// the vocabulary's phrases count as their concepts for every rule.
    pub fn with_playbook(
        settings: Settings,
        custom: Vec<Arc<CustomRule>>,
        vocabulary: Vocabulary,
    ) -> Self {
        let mut analyzer = Analyzer::new(settings);
        analyzer.custom = custom;
        analyzer.vocabulary = vocabulary;
        analyzer
    }

    /// The built-in rules that run.
    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// Every custom rule loaded (including ones the settings switch off).
    pub fn custom_rules(&self) -> &[Arc<CustomRule>] {
        &self.custom
    }

    pub fn custom_rule(&self, id: &str) -> Option<&CustomRule> {
        self.custom.iter().find(|r| r.id == id).map(|r| &**r)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Whether `pattern` (an id or `group/*`) names a built-in, custom or meta rule.
    pub fn is_known_rule(&self, pattern: &str) -> bool {
        all_rules()
            .iter()
            .map(|r| r.meta().id)
            .chain(self.custom.iter().map(|r| r.id))
            .chain(suppression::META_RULES.iter().map(|m| m.id))
            .any(|id| pattern_matches(pattern, id))
    }

    /// All findings for a document, sorted by position.
    pub fn analyze(&self, doc: &Document) -> Vec<Finding> {
        match self.analyze_within(doc, &Deadline::never()) {
            Ok(findings) => findings,
            Err(e) => unreachable!("an analysis without a deadline ran out of time: {e}"),
        }
    }

    /// As [`Analyzer::analyze`], an error once `deadline` passes: checked per sentence while the
    /// shared facts are computed and between rules.
    pub fn analyze_within(
        &self,
        doc: &Document,
        deadline: &Deadline,
    ) -> Result<Vec<Finding>, LimitExceeded> {
        let cx = Context::within(doc, &self.vocabulary, deadline)?;
        let mut findings = Vec::new();
        for rule in &self.rules {
            deadline.check_now()?;
            let before = findings.len();
            rule.check(&cx, &mut findings);
            self.settle(rule.meta(), doc, &mut findings[before..]);
        }
        self.check_custom(&cx, &mut findings, deadline)?;
        Ok(self.finish(doc, findings))
    }

    /// Severity from the settings and the clause of a built-in rule's fresh findings.
    pub(crate) fn settle(&self, meta: &RuleMeta, doc: &Document, findings: &mut [Finding]) {
        for f in findings {
            if f.kind == FindingKind::Risk && f.severity == meta.default_severity {
                f.severity = self.settings.severity_for(meta.id, meta.default_severity);
            }
            if f.clause.is_none() {
                f.clause = doc.clause_at(f.span.start);
            }
        }
    }

    /// The enabled custom rules' findings.
    pub(crate) fn check_custom(
        &self,
        cx: &Context,
        findings: &mut Vec<Finding>,
        deadline: &Deadline,
    ) -> Result<(), LimitExceeded> {
        for rule in &self.custom {
            if !self.settings.is_enabled(rule.id) {
                continue;
            }
            deadline.check_now()?;
            let before = findings.len();
            rule.check(cx, findings);
            let severity = self.settings.severity_for(rule.id, rule.severity);
            for f in &mut findings[before..] {
                f.severity = severity;
            }
        }
        Ok(())
    }

    /// Suppression comments applied to every rule's findings, then position order.
    pub(crate) fn finish(&self, doc: &Document, mut findings: Vec<Finding>) -> Vec<Finding> {
        let known = |p: &str| self.is_known_rule(p);
        let enabled = |p: &str| {
            all_rules()
                .iter()
                .map(|r| r.meta().id)
                .chain(self.custom.iter().map(|r| r.id))
                .any(|id| pattern_matches(p, id) && self.settings.is_enabled(id))
        };
        let notes = suppression::apply(
            doc,
            &mut findings,
            &suppression::Known {
                is_known: &known,
                is_enabled: &enabled,
            },
            self.settings.report_unused_suppressions,
        );
        for mut note in notes {
            if self.settings.is_enabled(note.rule) {
                note.severity = self.settings.severity_for(note.rule, note.severity);
                note.clause = doc.clause_at(note.span.start);
                findings.push(note);
            }
        }
        findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
        findings
    }
}
