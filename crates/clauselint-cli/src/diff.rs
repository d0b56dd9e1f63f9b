//! `clauselint diff OLD NEW`: what changed between two versions of a contract, in findings —
//! new risks, removed protections, resolved risks — clause by clause. The case of a vendor quietly
//! rewriting its terms.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clauselint_analyzer::{Analyzer, Finding, FindingKind};
use clauselint_parser::Document;
use serde::Serialize;

use crate::input;

#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub rule: &'static str,
    pub severity: &'static str,
    pub clause: Option<String>,
    pub line: usize,
    pub quote: String,
    pub message: String,
    /// For a changed clause: the earlier wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_quote: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct DiffReport {
    pub new_risks: Vec<Entry>,
    pub changed_risks: Vec<Entry>,
    pub removed_protections: Vec<Entry>,
    pub resolved_risks: Vec<Entry>,
    pub new_protections: Vec<Entry>,
}

fn words(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

fn entry(doc: &Document, f: &Finding, previous: Option<String>) -> Entry {
    Entry {
        rule: f.rule,
        severity: f.severity.as_str(),
        clause: f.clause.and_then(|c| doc.clause_label(c)),
        line: doc.lines.line_col(&doc.source, f.span.start).line,
        quote: crate::fold(doc.plain(f.span)),
        message: f.message.clone(),
        previous_quote: previous,
    }
}

/// Compare the findings of two versions. Findings match when the rule and the quoted clause text
/// are the same; an unmatched pair of the same rule with mostly the same words is a change.
pub fn compare(old: &Document, old_f: &[Finding], new: &Document, new_f: &[Finding]) -> DiffReport {
    let key = |doc: &Document, f: &Finding| (f.rule, crate::fold(doc.plain(f.span)).to_lowercase());
    let mut old_left: Vec<Option<&Finding>> = old_f.iter().map(Some).collect();
    let mut report = DiffReport::default();
    let mut unmatched_new = Vec::new();
    for f in new_f {
        let k = key(new, f);
        let hit = old_left
            .iter_mut()
            .find(|o| o.is_some_and(|o| o.kind == f.kind && key(old, o) == k));
        match hit {
            Some(slot) => *slot = None,
            None => unmatched_new.push(f),
        }
    }
    for f in unmatched_new {
        let text = crate::fold(new.plain(f.span));
        let similar = old_left
            .iter_mut()
            .filter(|o| o.is_some_and(|o| o.rule == f.rule && o.kind == f.kind))
            .map(|o| {
                let old_text = crate::fold(old.plain(o.expect("filtered").span));
                (similarity(&text, &old_text), o)
            })
            .filter(|(s, _)| *s >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match (f.kind, similar) {
            (FindingKind::Risk, Some((_, slot))) => {
                let previous = slot.take().map(|o| crate::fold(old.plain(o.span)));
                report.changed_risks.push(entry(new, f, previous));
            }
            (FindingKind::Protection, Some((_, slot))) => {
                slot.take();
            }
            (FindingKind::Risk, None) => report.new_risks.push(entry(new, f, None)),
            (FindingKind::Protection, None) => report.new_protections.push(entry(new, f, None)),
        }
    }
    for o in old_left.into_iter().flatten() {
        match o.kind {
            FindingKind::Risk => report.resolved_risks.push(entry(old, o, None)),
            FindingKind::Protection => report.removed_protections.push(entry(old, o, None)),
        }
    }
    report
}

fn print_section(out: &mut String, title: &str, entries: &[Entry]) {
    if entries.is_empty() {
        return;
    }
    out.push_str(&format!("\n{title} ({})\n", entries.len()));
    let mut by_clause: BTreeMap<(usize, String), Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        let clause = e.clause.clone().unwrap_or_else(|| "(no clause)".into());
        by_clause.entry((e.line, clause)).or_default().push(e);
    }
    for ((line, clause), es) in by_clause {
        out.push_str(&format!("  {clause} (line {line})\n"));
        for e in es {
            out.push_str(&format!(
                "    {} {}: {}\n      “{}”\n",
                e.severity, e.rule, e.message, e.quote
            ));
            if let Some(p) = &e.previous_quote {
                out.push_str(&format!("      was: “{p}”\n"));
            }
        }
    }
}

pub fn run(analyzer: &Analyzer, old: &Path, new: &Path, json: bool) -> ExitCode {
    let (old_doc, new_doc) = match (input::load(old), input::load(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = compare(
        &old_doc,
        &analyzer.analyze(&old_doc),
        &new_doc,
        &analyzer.analyze(&new_doc),
    );
    let mut out = std::io::stdout().lock();
    if json {
        let _ = serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({"version": 1, "old": old.display().to_string(), "new": new.display().to_string(), "changes": report}),
        );
        let _ = writeln!(out);
    } else {
        let mut s = format!("{} → {}\n", old.display(), new.display());
        print_section(&mut s, "New risks", &report.new_risks);
        print_section(&mut s, "Changed risky clauses", &report.changed_risks);
        print_section(&mut s, "Protections removed", &report.removed_protections);
        print_section(&mut s, "Risks no longer present", &report.resolved_risks);
        print_section(&mut s, "Protections added", &report.new_protections);
        if report.new_risks.is_empty()
            && report.changed_risks.is_empty()
            && report.removed_protections.is_empty()
            && report.resolved_risks.is_empty()
            && report.new_protections.is_empty()
        {
            s.push_str("\nNo change in findings.\n");
        }
        let _ = out.write_all(s.as_bytes());
    }
    if report.new_risks.is_empty()
        && report.removed_protections.is_empty()
        && report.changed_risks.is_empty()
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clauselint_parser::{parse, Format};

    #[test]
    fn a_quiet_rewrite_shows_as_new_risk_and_removed_protection() {
        let old = parse("We will not use your content to train AI models.\n\nYou grant us a license to host your content.", Format::Markdown);
        let new = parse("We may use your content to train AI models.\n\nYou grant us a license to host your content.", Format::Markdown);
        let a = Analyzer::default();
        let r = compare(&old, &a.analyze(&old), &new, &a.analyze(&new));
        assert!(
            r.new_risks
                .iter()
                .any(|e| e.rule == "ai-training/content-grant"),
            "{r:?}"
        );
        assert!(
            r.removed_protections
                .iter()
                .any(|e| e.rule == "ai-training/content-grant"),
            "{r:?}"
        );
    }

    #[test]
    fn identical_documents_have_no_changes() {
        let doc = parse(
            "We may use your content to train AI models.",
            Format::Markdown,
        );
        let a = Analyzer::default();
        let f = a.analyze(&doc);
        let r = compare(&doc, &f, &doc, &f);
        assert!(
            r.new_risks.is_empty() && r.resolved_risks.is_empty() && r.changed_risks.is_empty()
        );
    }
}
