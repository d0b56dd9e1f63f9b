//! `clauselint check`: findings as a compiler-style listing for people, or the versioned JSON schema
//! for programs (see README "JSON output").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clauselint_analyzer::{Finding, Severity};
use clauselint_parser::{Comment, Document, Format, HeaderFooter, Revision, RevisionKind};
use serde::Serialize;

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
    /// Parts of a file that was read but not completely (a scanned page, fonts without a Unicode
    /// mapping, a damaged part): the findings cover only the rest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<JsonWarning>,
    /// Word files: reviewers' comments (never analysed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// Word files: every tracked change, with `span` where the analysed text shows it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
    /// Word files: headers and footers, kept out of the analysed text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers_footers: Vec<HeaderFooter>,
}

impl JsonFile {
    pub fn read(path: String, doc: &Document, findings: Vec<JsonFinding>) -> JsonFile {
        JsonFile {
            path,
            format: Some(doc.format.as_str()),
            findings,
            errors: Vec::new(),
            warnings: doc
                .diagnostics
                .iter()
                .map(|d| JsonWarning {
                    message: d.message.clone(),
                    page: d.page,
                })
                .collect(),
            comments: doc.comments.clone(),
            revisions: doc.revisions.clone(),
            headers_footers: doc.headers_footers.clone(),
        }
    }

    pub fn failed(path: String, message: String) -> JsonFile {
        JsonFile {
            path,
            format: None,
            findings: Vec::new(),
            errors: vec![JsonError { message }],
            warnings: Vec::new(),
            comments: Vec::new(),
            revisions: Vec::new(),
            headers_footers: Vec::new(),
        }
    }
}

/// The tracked change a finding's text comes from (Word files).
#[derive(Serialize)]
pub struct JsonRevision {
    pub kind: RevisionKind,
    pub author: Option<String>,
    pub date: Option<String>,
    /// "inserted by Jane Roe (Acme Legal) on 2026-10-02".
    pub summary: String,
}

#[derive(Serialize)]
pub struct JsonError {
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonWarning {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
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
    /// Word files: the 1-based index of the paragraph the finding starts in (see README).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Word files: the number of the innermost numbered clause, as Word displays it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause_number: Option<String>,
    /// Word files: the tracked change the flagged text is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<JsonRevision>,
}

/// "inserted by Jane Roe (Acme Legal) on 2026-10-02", for a change the analysed text shows.
pub fn revision_summary(r: &Revision) -> String {
    let verb = match r.kind {
        RevisionKind::Insertion => "inserted",
        RevisionKind::MoveTo => "moved here",
        RevisionKind::Deletion => "deleted",
        RevisionKind::MoveFrom => "moved away",
    };
    format!("{verb} by {}", r.attribution())
}

/// The number of the innermost numbered clause around a finding.
fn clause_number(doc: &Document, f: &Finding) -> Option<String> {
    let clause = f.clause?;
    doc.clause_path(clause)
        .into_iter()
        .find_map(|c| doc.clauses[c].number.clone())
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
        paragraph: doc.paragraph_at(f.span.start).map(|p| p.index),
        clause_number: (doc.format == Format::Docx)
            .then(|| clause_number(doc, f))
            .flatten(),
        revision: doc.revision_overlapping(f.span).map(|r| JsonRevision {
            kind: r.kind,
            author: r.author.clone(),
            date: r.date.clone(),
            summary: revision_summary(r),
        }),
    }
}

/// Read, parse and analyse one file into its JSON record (findings, or the error that stopped it).
pub fn analyze_file(playbooks: &Playbooks, path: &std::path::Path, min: Severity) -> JsonFile {
    let loaded = match playbooks.for_document(path) {
        Ok(loaded) => loaded,
        Err(message) => return JsonFile::failed(path.display().to_string(), message),
    };
    match loaded.check(path) {
        Ok((doc, findings)) => {
            let findings = findings
                .iter()
                .filter(|f| f.severity >= min)
                .map(|f| json_finding(&doc, f))
                .collect();
            JsonFile::read(path.display().to_string(), &doc, findings)
        }
        Err(e) => JsonFile::failed(path.display().to_string(), e.to_string()),
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
    let mut read_in_part = 0usize;
    for path in files {
        let name = path.display().to_string();
        let loaded = playbooks.for_document(path);
        match loaded
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|l| l.check(path).map_err(|e| e.to_string()))
        {
            Ok((doc, findings)) => {
                let findings: Vec<Finding> =
                    findings.into_iter().filter(|f| f.severity >= min).collect();
                any_finding |= !findings.is_empty();
                for f in &findings {
                    totals[f.severity as usize] += 1;
                }
                if json {
                    let json = findings.iter().map(|f| json_finding(&doc, f)).collect();
                    report.files.push(JsonFile::read(name, &doc, json));
                } else {
                    for f in &findings {
                        let _ = out.write_all(human_finding(&doc, &name, f).as_bytes());
                    }
                    let style = severity_style(Severity::Warning);
                    for d in &doc.diagnostics {
                        let _ = writeln!(
                            out,
                            "{style}warning{style:#}: {name}: {}; the findings cover only the text that was read\n",
                            d.message
                        );
                    }
                }
                read_in_part += usize::from(!doc.diagnostics.is_empty());
            }
            Err(e) => {
                any_error = true;
                if json {
                    report.files.push(JsonFile::failed(name, e));
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
        let _ = write!(
            out,
            "{} error(s), {} warning(s), {} note(s) in {} file(s)",
            totals[2],
            totals[1],
            totals[0],
            files.len()
        );
        let _ = match read_in_part {
            0 => writeln!(out),
            n => writeln!(
                out,
                "; {n} file(s) read only in part (see the warnings above)"
            ),
        };
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
    if doc.format == Format::Docx {
        return human_word_finding(doc, name, f);
    }
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

/// A finding in a Word file: located by paragraph and clause number (line numbers mean nothing in
/// Word), the whole paragraph quoted with the flagged text marked, and who inserted it if it comes
/// from a tracked change.
fn human_word_finding(doc: &Document, name: &str, f: &Finding) -> String {
    let sev = severity_style(f.severity);
    let dim = Style::new().dimmed();
    let bold = Style::new().bold();
    let paragraph = doc.paragraph_at(f.span.start);
    let place = match paragraph {
        Some(p) if p.part == clauselint_parser::WordPart::Body => format!("¶{}", p.index),
        Some(p) => format!("{} ¶{}", format!("{:?}", p.part).to_lowercase(), p.index),
        None => "document".to_string(),
    };
    let mut s = format!(
        "{bold}{name}: {place}{bold:#}  {sev}{}{sev:#}  {dim}{}{dim:#}  {}\n",
        f.severity.as_str(),
        f.rule,
        f.message
    );
    let number = clause_number(doc, f);
    match (f.clause.and_then(|c| doc.clause_label(c)), number) {
        (Some(label), Some(n)) if !label.starts_with(n.as_str()) => {
            s.push_str(&format!("   {dim}in{dim:#} {n} · {label}\n"))
        }
        (Some(label), _) => s.push_str(&format!("   {dim}in{dim:#} {label}\n")),
        (None, Some(n)) => s.push_str(&format!("   {dim}in{dim:#} {n}\n")),
        (None, None) => {}
    }
    if let Some(r) = doc.revision_overlapping(f.span) {
        let redline = if r.kind.adds_text() {
            "the redline adds this text"
        } else {
            "the redline removes this text"
        };
        let style = Style::new()
            .fg_color(Some(AnsiColor::Magenta.into()))
            .bold();
        s.push_str(&format!(
            "   {style}{redline}:{style:#} {}\n",
            revision_summary(r)
        ));
    }
    if let Some(p) = paragraph.filter(|_| !f.document_level) {
        let text = &doc.text;
        let start = f.span.start.clamp(p.span.start, p.span.end);
        let end = f.span.end.clamp(start, p.span.end);
        let before = folded_tail(&text[p.span.start..start], 300, false);
        let marked = crate::fold(&text[start..end]);
        let after = folded_head(&text[end..p.span.end], 300, false);
        let shorten = |t: String, keep: usize, from_end: bool| -> String {
            let n = t.chars().count();
            if n <= keep {
                return t;
            }
            if from_end {
                format!("…{}", t.chars().skip(n - keep).collect::<String>())
            } else {
                format!("{}…", t.chars().take(keep).collect::<String>())
            }
        };
        let before = shorten(before, 300, true);
        let after = shorten(after, 300, false);
        let mark = Style::new().underline().bold();
        let gap = |t: &str, left: bool| match (t.is_empty(), left) {
            (true, _) => String::new(),
            (false, true) => format!("{t} "),
            (false, false) => format!(" {t}"),
        };
        s.push_str(&format!(
            "   {dim}│{dim:#} {}{mark}{marked}{mark:#}{}\n",
            gap(&before, true),
            gap(&after, false)
        ));
        if !std::io::IsTerminal::is_terminal(&std::io::stdout())
            || std::env::var_os("NO_COLOR").is_some()
        {
            s.push_str(&format!(
                "   │ {}{}\n",
                " ".repeat(gap(&before, true).chars().count()),
                "^".repeat(marked.chars().count().max(1))
            ));
        }
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
    let fold = crate::fold;
    let before_all = folded_tail(&doc.text[..f.span.start], 40, true);
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
    let after_all = folded_head(&doc.text[f.span.end..], 30, true);
    let after: String = if after_all.chars().count() > 30 {
        format!(" {}…", after_all.chars().take(29).collect::<String>())
    } else if after_all.is_empty() {
        after_all
    } else {
        format!(" {after_all}")
    };
    (before, marked, after)
}

/// The end of `t` with its whitespace folded: all of it, or (when that is longer) more than `keep`
/// characters of whole words, which is all a caller that keeps the last `keep` can tell apart.
/// With `line`, only the text after the last line break. Reads only as much of `t` as that takes:
/// a paragraph or a line can be megabytes long, and it is excerpted once per finding.
fn folded_tail(t: &str, keep: usize, line: bool) -> String {
    let mut window = keep.saturating_mul(8).max(64);
    loop {
        let from =
            clauselint_parser::line_index::floor_char_boundary(t, t.len().saturating_sub(window));
        let part = &t[from..];
        let (part, whole) = match part.rfind('\n').filter(|_| line) {
            Some(i) => (&part[i + 1..], true),
            None => (part, from == 0),
        };
        if whole {
            return crate::fold(part);
        }
        // The window may begin inside a word: leave that word out.
        let words = part
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest);
        let folded = crate::fold(words);
        if folded.chars().count() > keep {
            return folded;
        }
        window = window.saturating_mul(2);
    }
}

/// [`folded_tail`] for the start of `t`: all of it folded, or more than `keep` characters of whole
/// words; with `line`, only the text before the first line break.
fn folded_head(t: &str, keep: usize, line: bool) -> String {
    let mut window = keep.saturating_mul(8).max(64);
    loop {
        let to = clauselint_parser::line_index::floor_char_boundary(t, window.min(t.len()));
        let part = &t[..to];
        let (part, whole) = match part.find('\n').filter(|_| line) {
            Some(i) => (&part[..i], true),
            None => (part, to == t.len()),
        };
        if whole {
            return crate::fold(part);
        }
        let words = part
            .rsplit_once(char::is_whitespace)
            .map_or("", |(rest, _)| rest);
        let folded = crate::fold(words);
        if folded.chars().count() > keep {
            return folded;
        }
        window = window.saturating_mul(2);
    }
}
