//! # clauselint-analyzer
//!
//! Rules over a parsed [`Document`]: each rule has a stable id, documentation and a check that
//! produces [`Finding`]s with byte spans, severity, an explanation and suggested language. Shared
//! per-sentence facts ([`context`]) are computed once per document so rules never re-scan the text.
//!
//! This crate must not: read or write user files, know about LSP or terminals, or depend on the
//! CLI. It takes a `Document` and returns findings.

pub mod checklist;
pub mod context;
pub mod finding;
pub mod grammar;
pub mod lexicon;
pub mod registry;
pub mod rule;
mod rules;
pub mod scoring;
#[doc(hidden)]
pub mod testing;

pub use clauselint_parser::Document;
pub use context::Context;
pub use finding::{Edit, Finding, FindingKind, Fix, Related, Severity};
pub use registry::{all_rules, rule_by_id};
pub use rule::{Rule, RuleDoc, RuleMeta};

/// Which rules run and at what severity.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Rule ids or `group/*` patterns switched off.
    pub disabled: Vec<String>,
    /// Severity overrides by rule id or `group/*`.
    pub severities: Vec<(String, Severity)>,
}

fn pattern_matches(pattern: &str, id: &str) -> bool {
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
        Analyzer { rules, settings }
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// All findings for a document, sorted by position.
    pub fn analyze(&self, doc: &Document) -> Vec<Finding> {
        let cx = Context::new(doc);
        let mut findings = Vec::new();
        for rule in &self.rules {
            let before = findings.len();
            rule.check(&cx, &mut findings);
            let meta = rule.meta();
            for f in &mut findings[before..] {
                if f.kind == FindingKind::Risk && f.severity == meta.default_severity {
                    f.severity = self.settings.severity_for(meta.id, meta.default_severity);
                }
                if f.clause.is_none() {
                    f.clause = doc.clause_at(f.span.start);
                }
            }
        }
        findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
        findings
    }
}
