//! Scoring findings against labelled spans: the arithmetic behind `clauselint eval`. Loading the
//! labelled corpora is the CLI's job; this module only counts.

use std::collections::BTreeMap;

use clauselint_parser::Span;

use crate::finding::{Finding, FindingKind};

/// A labelled span: a sentence a reviewer marked for `rule`. Neutral spans (CLAUDETTE's fair,
/// level-1 clauses) are neither hits nor false alarms.
#[derive(Clone, Debug)]
pub struct LabelledSpan {
    pub rule: String,
    pub span: Span,
    pub neutral: bool,
}

#[derive(Clone, Debug, Default)]
pub struct DocLabels {
    /// Rules whose every sentence in this document was judged (`group/*` patterns allowed).
    pub judged: Vec<String>,
    pub spans: Vec<LabelledSpan>,
    /// Document-level verdicts: rule → whether the document deserves the finding.
    pub document_level: Vec<(String, bool)>,
}

impl DocLabels {
    pub fn judges(&self, rule: &str) -> bool {
        self.judged.iter().any(|p| match p.strip_suffix("/*") {
            Some(group) => rule.split('/').next() == Some(group),
            None => p == rule,
        })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Findings that overlap a labelled span of their rule.
    pub true_positives: usize,
    /// Findings that overlap none.
    pub false_positives: usize,
    /// Labelled spans some finding of the rule overlaps.
    pub found: usize,
    /// Labelled spans no finding of the rule overlaps.
    pub missed: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.found + self.missed)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.found += other.found;
        self.missed += other.missed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A scored mistake, for printing what to look at.
#[derive(Clone, Debug)]
pub struct Miss {
    pub rule: String,
    pub span: Span,
    pub false_positive: bool,
}

/// Add one document's counts into `totals`, keyed by rule id (document-level verdicts under
/// `"<rule> (document)"`). Returns the mistakes.
pub fn score_document(
    findings: &[Finding],
    labels: &DocLabels,
    rules: &[&str],
    totals: &mut BTreeMap<String, Counts>,
) -> Vec<Miss> {
    let mut misses = Vec::new();
    for &rule in rules {
        if !labels.judges(rule) {
            continue;
        }
        let risks: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule == rule && f.kind == FindingKind::Risk)
            .collect();
        let sentence_risks: Vec<&&Finding> = risks.iter().filter(|f| !f.document_level).collect();
        let labelled: Vec<&LabelledSpan> = labels.spans.iter().filter(|l| l.rule == rule).collect();
        let mut c = Counts::default();
        for f in &sentence_risks {
            let overlapping: Vec<&&LabelledSpan> = labelled
                .iter()
                .filter(|l| l.span.overlaps(f.span))
                .collect();
            if overlapping.iter().any(|l| !l.neutral) {
                c.true_positives += 1;
            } else if overlapping.is_empty() {
                c.false_positives += 1;
                misses.push(Miss {
                    rule: rule.to_string(),
                    span: f.span,
                    false_positive: true,
                });
            }
        }
        for l in labelled.iter().filter(|l| !l.neutral) {
            if sentence_risks.iter().any(|f| f.span.overlaps(l.span)) {
                c.found += 1;
            } else {
                c.missed += 1;
                misses.push(Miss {
                    rule: rule.to_string(),
                    span: l.span,
                    false_positive: false,
                });
            }
        }
        totals.entry(rule.to_string()).or_default().add(c);

        if let Some((_, deserved)) = labels.document_level.iter().find(|(r, _)| r == rule) {
            let raised = risks.iter().any(|f| f.document_level);
            let mut d = Counts::default();
            match (raised, *deserved) {
                (true, true) => {
                    d.true_positives = 1;
                    d.found = 1;
                }
                (true, false) => d.false_positives = 1,
                (false, true) => d.missed = 1,
                (false, false) => {}
            }
            if raised != *deserved {
                misses.push(Miss {
                    rule: format!("{rule} (document)"),
                    span: Span::default(),
                    false_positive: raised,
                });
            }
            totals
                .entry(format!("{rule} (document)"))
                .or_default()
                .add(d);
        }
    }
    misses
}
