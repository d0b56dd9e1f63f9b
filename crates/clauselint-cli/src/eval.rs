//! `clauselint eval`: precision, recall and F1 per rule against two labelled corpora — CLAUDETTE's
//! expert-tagged terms of service (for `terms/*`) and our own labels (for `ai-training/*` and
//! `data-rights/*`, format in `corpus/labels/README.md`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clauselint_analyzer::scoring::{score_document, Counts, DocLabels, LabelledSpan, Miss};
use clauselint_analyzer::{all_rules, Analyzer};
use clauselint_parser::{parse, Document, Format, Span};
use serde::Deserialize;

/// CLAUDETTE tag → rule id. `pinc` (privacy included) has no rule.
pub const CLAUDETTE_CATEGORIES: &[(&str, &str)] = &[
    ("a", "terms/arbitration"),
    ("ch", "terms/unilateral-change"),
    ("cr", "terms/content-removal"),
    ("j", "terms/jurisdiction"),
    ("law", "terms/governing-law"),
    ("ltd", "terms/liability-limit"),
    ("ter", "terms/unilateral-termination"),
    ("use", "terms/acceptance-by-use"),
];

#[derive(Deserialize)]
struct LabelFile {
    document: String,
    judged: Vec<String>,
    #[serde(default)]
    document_level: BTreeMap<String, bool>,
    spans: Vec<LabelEntry>,
    /// `"heldout"` for documents kept out of rule tuning; absent means the tuning set.
    #[serde(default)]
    split: Option<String>,
}

/// Which labelled documents to score: those rules were tuned on, those held out, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    All,
    Tuning,
    Heldout,
}

impl Split {
    fn admits(self, heldout: bool) -> bool {
        match self {
            Split::All => true,
            Split::Tuning => !heldout,
            Split::Heldout => heldout,
        }
    }
}

#[derive(Deserialize)]
struct LabelEntry {
    rule: String,
    quote: String,
}

pub struct LabelledDoc {
    pub name: String,
    pub doc: Document,
    pub labels: DocLabels,
}

fn all_occurrences(hay: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

pub fn load_labels(dir: &Path, split: Split) -> Result<Vec<LabelledDoc>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: LabelFile =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let heldout = match file.split.as_deref() {
            None | Some("tuning") => false,
            Some("heldout") => true,
            Some(other) => {
                return Err(format!(
                    "{}: unknown split {other:?} (expected \"tuning\" or \"heldout\")",
                    path.display()
                ))
            }
        };
        if !split.admits(heldout) {
            continue;
        }
        let doc_path = dir.join(&file.document);
        let source = std::fs::read_to_string(&doc_path)
            .map_err(|e| format!("{}: {e}", doc_path.display()))?;
        let mut spans = Vec::new();
        for entry in &file.spans {
            let found = all_occurrences(&source, &entry.quote);
            if found.is_empty() {
                return Err(format!(
                    "{}: quote for {} not found in {}: {:?}",
                    path.display(),
                    entry.rule,
                    file.document,
                    entry.quote
                ));
            }
            spans.extend(found.into_iter().map(|span| LabelledSpan {
                rule: entry.rule.clone(),
                span,
                neutral: false,
            }));
        }
        let doc = parse(&source, clauselint_parser::format_for_path(&file.document));
        out.push(LabelledDoc {
            name: file.document.clone(),
            doc,
            labels: DocLabels {
                judged: file.judged,
                spans,
                document_level: file.document_level.into_iter().collect(),
            },
        });
    }
    Ok(out)
}

/// Strip CLAUDETTE's inline tags (`<ltd2>…</ltd2>`) and return the text with the tagged spans.
pub fn parse_claudette(xml: &str) -> (String, Vec<LabelledSpan>) {
    let mut text = String::with_capacity(xml.len());
    let mut open: Vec<(String, u8, usize)> = Vec::new();
    let mut spans = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            text.push_str(after);
            rest = "";
            break;
        };
        let tag = &after[1..gt];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let split = name.find(|c: char| c.is_ascii_digit());
        let parsed = split.and_then(|i| {
            let (cat, level) = name.split_at(i);
            let level: u8 = level.parse().ok()?;
            (cat.chars().all(|c| c.is_ascii_lowercase()) && !cat.is_empty())
                .then(|| (cat.to_string(), level))
        });
        match parsed {
            Some((cat, level)) => {
                if closing {
                    if let Some(pos) = open.iter().rposition(|(c, l, _)| *c == cat && *l == level) {
                        let (_, _, start) = open.remove(pos);
                        if let Some((_, rule)) =
                            CLAUDETTE_CATEGORIES.iter().find(|(c, _)| *c == cat)
                        {
                            spans.push(LabelledSpan {
                                rule: rule.to_string(),
                                span: Span::new(start, text.len()),
                                neutral: level < 2,
                            });
                        }
                    }
                } else {
                    open.push((cat, level, text.len()));
                }
            }
            None => text.push_str(&after[..=gt]),
        }
        rest = &after[gt + 1..];
    }
    text.push_str(rest);
    (text, spans)
}

pub fn load_claudette(dir: &Path) -> Result<Vec<LabelledDoc>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let xml = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (text, spans) = parse_claudette(&xml);
        let doc = parse(&text, Format::Text);
        out.push(LabelledDoc {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            doc,
            labels: DocLabels {
                judged: vec!["terms/*".to_string()],
                spans,
                document_level: Vec::new(),
            },
        });
    }
    Ok(out)
}

pub struct EvalResult {
    pub totals: BTreeMap<String, Counts>,
    pub misses: Vec<(String, Miss, String)>,
}

pub fn evaluate(docs: &[LabelledDoc], rule_filter: Option<&str>) -> EvalResult {
    let analyzer = Analyzer::default();
    let mut rules: Vec<String> = all_rules()
        .iter()
        .map(|r| r.meta().id.to_string())
        .collect();
    for d in docs {
        let labelled = d.labels.spans.iter().map(|s| &s.rule);
        for rule in labelled.chain(d.labels.document_level.iter().map(|(r, _)| r)) {
            if !rules.contains(rule) {
                rules.push(rule.clone());
            }
        }
    }
    rules.retain(|r| rule_filter.is_none_or(|f| r.starts_with(f)));
    let rule_refs: Vec<&str> = rules.iter().map(String::as_str).collect();
    let mut totals = BTreeMap::new();
    let mut misses = Vec::new();
    for d in docs {
        let findings = analyzer.analyze(&d.doc);
        for m in score_document(&findings, &d.labels, &rule_refs, &mut totals) {
            let text = crate::fold(d.doc.plain(m.span));
            misses.push((d.name.clone(), m, text));
        }
    }
    EvalResult { totals, misses }
}

fn print_row(out: &mut impl Write, label: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "  {:<46} {:>5} {:>5} {:>5} {:>6} {:>9.3} {:>7.3} {:>6.3}",
        label,
        c.true_positives,
        c.false_positives,
        c.missed,
        c.found + c.missed,
        c.precision(),
        c.recall(),
        c.f1()
    );
}

fn print_table(out: &mut impl Write, title: &str, totals: &BTreeMap<String, Counts>) {
    let _ = writeln!(out, "\n{title}");
    let _ = writeln!(
        out,
        "  {:<46} {:>5} {:>5} {:>5} {:>6} {:>9} {:>7} {:>6}",
        "rule", "TP", "FP", "FN", "labels", "precision", "recall", "F1"
    );
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    for (rule, c) in totals {
        print_row(out, rule, c);
        if !rule.ends_with("(document)") {
            groups
                .entry(rule.split('/').next().unwrap_or("").to_string())
                .or_default()
                .add(*c);
        }
    }
    for (group, c) in groups {
        print_row(out, &format!("{group}/* (all)"), &c);
    }
}

/// What to print besides the tables.
pub struct EvalOptions<'a> {
    /// Only rules whose id starts with this prefix.
    pub rule: Option<&'a str>,
    /// Print every false positive and missed label, with its sentence.
    pub verbose: bool,
    /// Print the false positives and missed labels of rules starting with this prefix.
    pub misses: Option<&'a str>,
    pub split: Split,
}

pub fn run(labels: &Path, claudette: &Path, options: &EvalOptions) -> ExitCode {
    let rule = options.rule;
    let mut out = std::io::stdout().lock();
    let mut status = ExitCode::SUCCESS;
    for (title, loaded) in [
        (
            format!(
                "Own labels (ai-training/*, data-rights/*), {} set: {}",
                match options.split {
                    Split::All => "whole",
                    Split::Tuning => "tuning",
                    Split::Heldout => "held-out",
                },
                labels.display()
            ),
            load_labels(labels, options.split),
        ),
        (
            "CLAUDETTE (terms/*): ".to_string() + &claudette.display().to_string(),
            load_claudette(claudette),
        ),
    ] {
        match loaded {
            Ok(docs) => {
                let result = evaluate(&docs, rule);
                print_table(
                    &mut out,
                    &format!("{title} — {} documents", docs.len()),
                    &result.totals,
                );
                let shown = |rule: &str| {
                    options.verbose || options.misses.is_some_and(|p| rule.starts_with(p))
                };
                for (doc, m, text) in result.misses.iter().filter(|(_, m, _)| shown(&m.rule)) {
                    let kind = if m.false_positive { "FP" } else { "FN" };
                    // `--misses` is for reading the cases, so it shows whole sentences.
                    let text: String = if options.misses.is_some() {
                        text.clone()
                    } else {
                        text.chars().take(220).collect()
                    };
                    let _ = writeln!(out, "    {kind} {} [{doc}] {text}", m.rule);
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claudette_tags_become_spans() {
        let (text, spans) =
            parse_claudette("A <ltd2>We are not liable.</ltd2> B <j1><law1>Your law.</law1></j1>");
        assert_eq!(text, "A We are not liable. B Your law.");
        assert_eq!(spans.len(), 3);
        let ltd = spans
            .iter()
            .find(|s| s.rule == "terms/liability-limit")
            .unwrap();
        assert_eq!(&text[ltd.span.start..ltd.span.end], "We are not liable.");
        assert!(!ltd.neutral);
        assert!(spans
            .iter()
            .filter(|s| s.rule != "terms/liability-limit")
            .all(|s| s.neutral));
    }
}
