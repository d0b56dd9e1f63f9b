//! `clauselint checklist`: the pre-signing review as Markdown, a self-contained HTML page, or JSON.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clauselint_analyzer::checklist::{build, Checklist, Status};
use clauselint_analyzer::FindingKind;
use serde::Serialize;

use crate::playbook::Loaded;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChecklistFormat {
    Md,
    Html,
    Json,
}

#[derive(Serialize)]
struct JsonChecklist<'a> {
    version: u32,
    document: String,
    date: String,
    #[serde(flatten)]
    checklist: &'a Checklist,
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock without a date crate.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's civil-from-days algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn run(
    loaded: &Loaded,
    file: &Path,
    format: ChecklistFormat,
    output: Option<&PathBuf>,
) -> ExitCode {
    let (doc, findings) = match loaded.check(file) {
        Ok(checked) => checked,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let checklist = build(&doc, &findings);
    let name = file.display().to_string();
    let date = today();
    let rendered = match format {
        ChecklistFormat::Md => markdown(&checklist, &name, &date),
        ChecklistFormat::Html => html(&checklist, &name, &date),
        ChecklistFormat::Json => {
            let json = JsonChecklist {
                version: 1,
                document: name.clone(),
                date: date.clone(),
                checklist: &checklist,
            };
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
    };
    let written = match output {
        Some(path) => crate::write_atomically(path, rendered.as_bytes()),
        None => std::io::stdout().lock().write_all(rendered.as_bytes()),
    };
    if let Err(e) = written {
        eprintln!(
            "error: {}: cannot write the checklist: {e}",
            output.map_or("-".into(), |p| p.display().to_string())
        );
        return ExitCode::from(2);
    }
    if checklist.items.iter().any(|i| i.status == Status::Risk) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn where_(clause: &Option<String>, page: Option<usize>, line: usize) -> String {
    let mut parts = Vec::new();
    if let Some(c) = clause {
        parts.push(format!("clause {c}"));
    }
    if let Some(p) = page {
        parts.push(format!("page {p}"));
    }
    parts.push(format!("line {line}"));
    parts.join(", ")
}

pub fn markdown(c: &Checklist, name: &str, date: &str) -> String {
    let mut s = format!(
        "# Pre-signing review: {name}\n\nReviewed {date} by clauselint. **Verdict: {}.**\n\n",
        c.verdict.label()
    );
    if !c.unread.is_empty() {
        s.push_str(UNREAD_LEAD);
        s.push_str("\n\n");
        for u in &c.unread {
            s.push_str(&format!("- {}\n", u.message));
        }
        s.push('\n');
    }
    s.push_str("| # | Question | Status |\n|---|---|---|\n");
    for i in &c.items {
        s.push_str(&format!(
            "| {} | {} | {} |\n",
            i.number,
            i.question,
            i.status.label()
        ));
    }
    for i in &c.items {
        s.push_str(&format!(
            "\n## {}. {}\n\n**{}**",
            i.number,
            i.question,
            i.status.label()
        ));
        if i.evidence.is_empty() {
            s.push_str(if i.status == Status::NotAddressed {
                " — the document does not address this.\n"
            } else {
                " — nothing of concern found.\n"
            });
            continue;
        }
        s.push('\n');
        for e in &i.evidence {
            let tag = if e.kind == FindingKind::Protection {
                "protection"
            } else {
                e.severity.as_str()
            };
            s.push_str(&format!(
                "\n- *{tag}* `{}` ({}): {}\n  > {}\n",
                e.rule,
                where_(&e.clause, e.page, e.line),
                e.message,
                e.quote
            ));
        }
        if !i.ask_for.is_empty() {
            s.push_str("\nAsk for:\n");
            for a in &i.ask_for {
                s.push_str(&format!("\n> {a}\n"));
            }
        }
    }
    s
}

/// Said before the answers whenever the parser could not read part of the document: "Not
/// addressed" may only mean "on a page nobody could read".
const UNREAD_LEAD: &str = "**Part of this document could not be read, so the answers below cover only \
     the text that was read** — a question marked *Not addressed* may be answered on an unread page. \
     Check these parts by hand (or run OCR and review again):";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const CSS: &str = "body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}\
.meta{color:#555}.verdict{display:inline-block;padding:.3rem .7rem;border-radius:.3rem;font-weight:bold;margin:.6rem 0}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #bbb;padding:.4rem .6rem;text-align:left;vertical-align:top}\
th{background:#f0f0f0}.s{font-weight:bold;white-space:nowrap;border-radius:.25rem;padding:.1rem .4rem}\
.Risk{background:#fde2e1;color:#8a1c12}.Needs{background:#fff1c7;color:#6b4d00}.OK{background:#e1f3e4;color:#1d5b2a}.Not{background:#e8e8e8;color:#444}\
.DoNot{background:#fde2e1;color:#8a1c12}.Negotiate{background:#fff1c7;color:#6b4d00}.NoBlocking{background:#e1f3e4;color:#1d5b2a}.Incomplete{background:#e8e8e8;color:#444}\
.unread{border:2px solid #6b4d00;background:#fff8e1;padding:.5rem 1rem;border-radius:.3rem}\
blockquote{margin:.3rem 0 .6rem;padding:.3rem .8rem;border-left:4px solid #bbb;background:#fafafa}\
.ev{margin:.8rem 0}.rule{font-family:monospace;font-size:.9em;color:#444}.ask{border-left-color:#2d6a3e;background:#f3faf4}\
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}.ev{page-break-inside:avoid}}";

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Risk => "Risk",
        Status::NeedsReview => "Needs",
        Status::Ok => "OK",
        Status::NotAddressed => "Not",
    }
}

/// One self-contained page: no external assets, readable without knowing the tool, prints well.
pub fn html(c: &Checklist, name: &str, date: &str) -> String {
    let verdict_class = match c.verdict {
        clauselint_analyzer::checklist::Verdict::DoNotSign => "DoNot",
        clauselint_analyzer::checklist::Verdict::Negotiate => "Negotiate",
        clauselint_analyzer::checklist::Verdict::Incomplete => "Incomplete",
        clauselint_analyzer::checklist::Verdict::NoBlockingIssues => "NoBlocking",
    };
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pre-signing review: {n}</title><style>{CSS}</style></head><body>\n\
         <h1>Pre-signing review</h1><p class=\"meta\">Document: <strong>{n}</strong> · Reviewed {date} by clauselint</p>\n\
         <p class=\"verdict {verdict_class}\">Verdict: {v}</p>\n\
         <p>Each question below is answered from the contract's own text. <em>Risk</em>: a clause works against you; \
         <em>Needs review</em>: a note for a person to read; <em>OK</em>: addressed, nothing of concern found; \
         <em>Not addressed</em>: the contract is silent.</p>\n",
        n = esc(name),
        v = c.verdict.label()
    );
    if !c.unread.is_empty() {
        // The same words as the Markdown lead, with its emphasis as HTML.
        let lead = esc(UNREAD_LEAD)
            .replacen("**", "<strong>", 1)
            .replacen("**", "</strong>", 1)
            .replacen('*', "<em>", 1)
            .replacen('*', "</em>", 1);
        s.push_str(&format!("<div class=\"unread\"><p>{lead}</p><ul>\n"));
        for u in &c.unread {
            s.push_str(&format!("<li>{}</li>\n", esc(&u.message)));
        }
        s.push_str("</ul></div>\n");
    }
    s.push_str("<table><thead><tr><th>#</th><th>Question</th><th>Status</th><th>Findings</th></tr></thead><tbody>\n");
    for i in &c.items {
        s.push_str(&format!(
            "<tr><td>{}</td><td><a href=\"#q{}\">{}</a></td><td><span class=\"s {}\">{}</span></td><td>{}</td></tr>\n",
            i.number,
            i.number,
            esc(i.question),
            status_class(i.status),
            i.status.label(),
            i.evidence.iter().filter(|e| e.kind == FindingKind::Risk).count()
        ));
    }
    s.push_str("</tbody></table>\n");
    for i in &c.items {
        s.push_str(&format!(
            "<h2 id=\"q{}\">{}. {} <span class=\"s {}\">{}</span></h2>\n",
            i.number,
            i.number,
            esc(i.question),
            status_class(i.status),
            i.status.label()
        ));
        if i.evidence.is_empty() {
            s.push_str(if i.status == Status::NotAddressed {
                "<p>The document does not address this.</p>\n"
            } else {
                "<p>Nothing of concern found.</p>\n"
            });
        }
        for e in &i.evidence {
            let tag = if e.kind == FindingKind::Protection {
                "protection"
            } else {
                e.severity.as_str()
            };
            s.push_str(&format!(
                "<div class=\"ev\"><strong>{}</strong> <span class=\"rule\">{}</span> — {}<br>{}<blockquote>{}</blockquote></div>\n",
                tag,
                esc(e.rule),
                esc(&where_(&e.clause, e.page, e.line)),
                esc(&e.message),
                esc(&e.quote)
            ));
        }
        if !i.ask_for.is_empty() {
            s.push_str("<p><strong>Ask for:</strong></p>\n");
            for a in &i.ask_for {
                s.push_str(&format!(
                    "<blockquote class=\"ask\">{}</blockquote>\n",
                    esc(a)
                ));
            }
        }
    }
    s.push_str("</body></html>\n");
    s
}
