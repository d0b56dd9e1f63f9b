//! `clauselint check`: findings as a compiler-style listing for people, or the versioned JSON schema
//! for programs (see README "JSON output").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clauselint_analyzer::{Finding, Severity};
use clauselint_parser::Document;
use serde::Serialize;

use crate::input;
use crate::playbook::Playbooks;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct JsonReport {
    pub version: u32,
    pub files: Vec<JsonFile>,
}

#[derive(Serialize)]
pub struct JsonFile {
    pub path: String,
    pub format: Option<&'static str>,
    pub findings: Vec<JsonFinding>,
    pub errors: Vec<JsonError>,
}

#[derive(Serialize)]
pub struct JsonError {
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonFinding {
    pub rule: &'static str,
    pub severity: &'static str,
    pub kind: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub clause: Option<String>,
    pub page: Option<usize>,
    pub quote: String,
    pub suggestion: Option<String>,
    pub document_level: bool,
}

pub fn json_finding(doc: &Document, f: &Finding) -> JsonFinding {
    let start = doc.lines.line_col(&doc.source, f.span.start);
    let end = doc.lines.line_col(&doc.source, f.span.end);
    JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        kind: match f.kind {
            clauselint_analyzer::FindingKind::Risk => "risk",
            clauselint_analyzer::FindingKind::Protection => "protection",
        },
        message: f.message.clone(),
        start: f.span.start,
        end: f.span.end,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        clause: f.clause.and_then(|c| doc.clause_label(c)),
        page: doc.page_of(f.span.start),
        quote: crate::fold(doc.plain(f.span)),
        suggestion: f.suggestion.as_ref().map(|s| crate::fold(s)),
        document_level: f.document_level,
    }
}

/// Read, parse and analyse one file into its JSON record (findings, or the error that stopped it).
pub fn analyze_file(playbooks: &Playbooks, path: &std::path::Path, min: Severity) -> JsonFile {
    let loaded = match playbooks.for_document(path) {
        Ok(loaded) => loaded,
        Err(message) => {
            return JsonFile {
                path: path.display().to_string(),
                format: None,
                findings: Vec::new(),
                errors: vec![JsonError { message }],
            }
        }
    };
    match input::load(path) {
        Ok(doc) => JsonFile {
            path: path.display().to_string(),
            format: Some(doc.format.as_str()),
            findings: loaded
                .analyzer
                .analyze(&doc)
                .iter()
                .filter(|f| f.severity >= min)
                .map(|f| json_finding(&doc, f))
                .collect(),
            errors: Vec::new(),
        },
        Err(e) => JsonFile {
            path: path.display().to_string(),
            format: None,
            findings: Vec::new(),
            errors: vec![JsonError {
                message: e.to_string(),
            }],
        },
    }
}

pub fn check(playbooks: &Playbooks, files: &[PathBuf], json: bool, min: Severity) -> ExitCode {
    let mut any_finding = false;
    let mut any_error = false;
    let mut report = JsonReport {
        version: SCHEMA_VERSION,
        files: Vec::new(),
    };
    let mut out = anstream::stdout().lock();
    let mut totals = [0usize; 3];
    for path in files {
        let name = path.display().to_string();
        let loaded = playbooks.for_document(path);
        match loaded.as_ref().map_err(Clone::clone).and_then(|l| {
            input::load(path)
                .map(|doc| (l, doc))
                .map_err(|e| e.to_string())
        }) {
            Ok((loaded, doc)) => {
                let findings: Vec<Finding> = loaded
                    .analyzer
                    .analyze(&doc)
                    .into_iter()
                    .filter(|f| f.severity >= min)
                    .collect();
                any_finding |= !findings.is_empty();
                for f in &findings {
                    totals[f.severity as usize] += 1;
                }
                if json {
                    report.files.push(JsonFile {
                        path: name,
                        format: Some(doc.format.as_str()),
                        findings: findings.iter().map(|f| json_finding(&doc, f)).collect(),
                        errors: Vec::new(),
                    });
                } else {
                    for f in &findings {
                        let _ = out.write_all(human_finding(&doc, &name, f).as_bytes());
                    }
                }
            }
            Err(e) => {
                any_error = true;
                if json {
                    report.files.push(JsonFile {
                        path: name,
                        format: None,
                        findings: Vec::new(),
                        errors: vec![JsonError {
                            message: e.to_string(),
                        }],
                    });
                } else {
                    let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
                    let _ = writeln!(out, "{style}error{style:#}: {e}\n");
                }
            }
        }
    }
    if json {
        let _ = serde_json::to_writer_pretty(&mut out, &report);
        let _ = writeln!(out);
    } else {
        let _ = writeln!(
            out,
            "{} error(s), {} warning(s), {} note(s) in {} file(s)",
            totals[2],
            totals[1],
            totals[0],
            files.len()
        );
    }
    if any_error || playbooks.had_errors() {
        ExitCode::from(2)
    } else if any_finding {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn severity_style(s: Severity) -> Style {
    let color = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// One finding as a compiler-style block: location, severity, rule, message; the clause; the quoted
/// text with the finding marked; the suggested language.
pub fn human_finding(doc: &Document, name: &str, f: &Finding) -> String {
    let pos = doc.lines.line_col(&doc.source, f.span.start);
    let sev = severity_style(f.severity);
    let dim = Style::new().dimmed();
    let bold = Style::new().bold();
    let mut s = format!(
        "{bold}{name}:{}:{}{bold:#}  {sev}{}{sev:#}  {dim}{}{dim:#}  {}\n",
        pos.line,
        pos.column,
        f.severity.as_str(),
        f.rule,
        f.message
    );
    if let Some(label) = f.clause.and_then(|c| doc.clause_label(c)) {
        s.push_str(&format!("   {dim}in{dim:#} {label}\n"));
    }
    if let Some(page) = doc.page_of(f.span.start) {
        s.push_str(&format!("   {dim}page{dim:#} {page}\n"));
    }
    let (before, marked, after) = excerpt(doc, f);
    let mark = Style::new().underline().bold();
    s.push_str(&format!(
        "   {dim}│{dim:#} {before}{mark}{marked}{mark:#}{after}\n"
    ));
    if !std::io::IsTerminal::is_terminal(&std::io::stdout())
        || std::env::var_os("NO_COLOR").is_some()
    {
        // Without colour the underline is lost, so mark the span with carets.
        let pad = before.chars().count();
        let width = marked.chars().count().max(1);
        s.push_str(&format!("   │ {}{}\n", " ".repeat(pad), "^".repeat(width)));
    }
    if let Some(suggestion) = &f.suggestion {
        s.push_str(&format!(
            "   {dim}= suggest:{dim:#} {}\n",
            crate::fold(suggestion)
        ));
    }
    s.push('\n');
    s
}

/// Up to 40 characters of context before, the marked text (shortened in the middle past 160
/// characters), and up to 30 after; whitespace folded.
fn excerpt(doc: &Document, f: &Finding) -> (String, String, String) {
    let line_start = doc.text[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[f.span.end..]
        .find('\n')
        .map_or(doc.text.len(), |i| f.span.end + i);
    let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let before_all = fold(&doc.text[line_start..f.span.start]);
    let before: String = if before_all.chars().count() > 40 {
        let skip = before_all.chars().count() - 39;
        format!("…{}", before_all.chars().skip(skip).collect::<String>())
    } else {
        before_all
    };
    let before = if before.is_empty() || doc.text[..f.span.start].ends_with(char::is_whitespace) {
        if before.is_empty() {
            before
        } else {
            format!("{before} ")
        }
    } else {
        before
    };
    let marked_all = fold(doc.plain(f.span));
    let n = marked_all.chars().count();
    let marked = if n > 160 {
        let head: String = marked_all.chars().take(100).collect();
        let tail: String = marked_all.chars().skip(n - 50).collect();
        format!("{head} … {tail}")
    } else {
        marked_all
    };
    let after_all = fold(&doc.text[f.span.end..line_end]);
    let after: String = if after_all.chars().count() > 30 {
        format!(" {}…", after_all.chars().take(29).collect::<String>())
    } else if after_all.is_empty() {
        after_all
    } else {
        format!(" {after_all}")
    };
    (before, marked, after)
}
