//! `clauselint outline`: the clause tree, definitions and cross-references as the parser sees them.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clauselint_parser::{ClauseId, Document};

use crate::input;

pub fn run(path: &Path) -> ExitCode {
    let doc = match input::load(path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = anstream::stdout().lock();
    let _ = out.write_all(render(&doc, &path.display().to_string()).as_bytes());
    ExitCode::SUCCESS
}

pub fn render(doc: &Document, name: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "{name}: {} clauses, {} sentences, {} definitions, {} cross-references\n\n",
        doc.clauses.len(),
        doc.sentences.len(),
        doc.definitions.len(),
        doc.cross_refs.len()
    ));
    s.push_str("Clauses\n");
    for root in doc.roots() {
        render_clause(doc, root.id, &mut s);
    }
    s.push_str("\nDefinitions\n");
    for d in &doc.definitions {
        let uses = doc
            .term_uses
            .iter()
            .filter(|u| doc.definitions[u.definition].term == d.term)
            .count();
        let body = crate::fold(doc.plain(d.definition_span));
        let body: String = if body.chars().count() > 70 {
            format!("{}…", body.chars().take(69).collect::<String>())
        } else {
            body
        };
        s.push_str(&format!(
            "  “{}”  line {}  ({} uses)  {}\n",
            d.term,
            doc.lines.line_col(&doc.source, d.term_span.start).line,
            uses,
            body
        ));
    }
    let unresolved: Vec<String> = doc
        .cross_refs
        .iter()
        .filter(|r| !r.external)
        .flat_map(|r| {
            r.targets
                .iter()
                .filter(|t| t.resolved.is_none())
                .map(move |t| (r, t))
        })
        .map(|(r, t)| {
            format!(
                "{} (line {})",
                t.key,
                doc.lines.line_col(&doc.source, r.span.start).line
            )
        })
        .collect();
    s.push_str(&format!(
        "\nCross-references: {} ({} external, {} unresolved{})\n",
        doc.cross_refs.len(),
        doc.cross_refs.iter().filter(|r| r.external).count(),
        unresolved.len(),
        if unresolved.is_empty() {
            String::new()
        } else {
            format!(": {}", unresolved.join(", "))
        }
    ));
    if !doc.revisions.is_empty() || !doc.comments.is_empty() {
        let shown = doc.revisions.iter().filter(|r| r.span.is_some()).count();
        s.push_str(&format!(
            "\nWord: {} tracked changes ({shown} shown in the analysed text), {} comments, {} headers/footers\n",
            doc.revisions.len(),
            doc.comments.len(),
            doc.headers_footers.len()
        ));
        for r in &doc.revisions {
            s.push_str(&format!(
                "  ¶{}  {}: {}\n",
                r.paragraph,
                crate::report::revision_summary(r),
                crate::fold(&r.text)
            ));
        }
    }
    for d in &doc.diagnostics {
        s.push_str(&format!("note: {}\n", d.message));
    }
    s
}

fn render_clause(doc: &Document, id: ClauseId, s: &mut String) {
    let c = &doc.clauses[id];
    let indent = "  ".repeat(c.depth + 1);
    let line = doc.lines.line_col(&doc.source, c.span.start).line;
    let label = c.label().unwrap_or_else(|| "(untitled)".to_string());
    let label: String = if label.chars().count() > 90 {
        format!("{}…", label.chars().take(89).collect::<String>())
    } else {
        label
    };
    // Word users find a place by paragraph, not by a line of the reconstructed text.
    let place = match doc.paragraph_at(c.span.start) {
        Some(p) => format!("¶{}", p.index),
        None => format!("line {line}"),
    };
    s.push_str(&format!("{indent}{label}  [{place}]\n"));
    for &child in &c.children {
        render_clause(doc, child, s);
    }
}
