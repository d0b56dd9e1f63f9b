//! Helpers for rule tests: run one rule over a snippet.

use clauselint_parser::{parse, Format};

use crate::finding::{Finding, FindingKind};
use crate::{Analyzer, Settings};

/// Every finding of `rule` (risks and protection notes) on a Markdown snippet.
pub fn findings(rule: &str, text: &str) -> Vec<Finding> {
    let doc = parse(text, Format::Markdown);
    Analyzer::new(Settings::default())
        .analyze(&doc)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The quoted text of each risk `rule` reports on a snippet.
pub fn risks(rule: &str, text: &str) -> Vec<String> {
    findings(rule, text)
        .into_iter()
        .filter(|f| f.kind == FindingKind::Risk)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

/// Assert that `rule` flags the snippet.
#[track_caller]
pub fn assert_flags(rule: &str, text: &str) {
    assert!(!risks(rule, text).is_empty(), "{rule} should flag: {text}");
}

/// Assert that `rule` reports no risk on the snippet.
#[track_caller]
pub fn assert_clean(rule: &str, text: &str) {
    let got = risks(rule, text);
    assert!(
        got.is_empty(),
        "{rule} should not flag: {text}\n got: {got:?}"
    );
}
