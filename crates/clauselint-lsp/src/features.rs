//! Request handlers as plain functions over one [`Analysis`]: hover, go to definition, find
//! references, document symbols and code actions. Positions have already been turned into byte
//! offsets of the analysed text; results are turned back into protocol ranges here.

use std::collections::HashMap;

use clauselint_analyzer::{rule_by_id, Finding, FindingKind};
use clauselint_parser::{ClauseId, CrossRef, CrossRefTarget, Document, Format, NumberStyle, Span};
use serde_json::json;
use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeAction, CodeActionKind, CodeActionOrCommand, Command, DocumentChanges,
    DocumentSymbol, DocumentSymbolResponse, GotoDefinitionResponse, Hover, HoverContents, Location,
    LocationLink, MarkupContent, MarkupKind, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, SymbolInformation, SymbolKind, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use crate::analysis::Analysis;
use crate::docs::{fold, rule_hover_markdown};
use crate::position::{line_break_at, line_start_of, position_of_offset};

/// The command behind the "explain" code action; its one argument is a rule id.
pub const EXPLAIN_COMMAND: &str = "clauselint.explain";
/// The kind of the "explain" code action (a sub-kind of quick fix, so it shows next to the fixes).
pub const EXPLAIN_KIND: &str = "quickfix.explain";

/// What the client said it can take, reduced to the choices the handlers make.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientFlags {
    pub definition_links: bool,
    pub hierarchical_symbols: bool,
    pub document_changes: bool,
    pub show_document: bool,
    pub configuration: bool,
    pub markdown: bool,
}

impl ClientFlags {
    pub fn from_capabilities(caps: &ClientCapabilities) -> Self {
        let td = caps.text_document.as_ref();
        ClientFlags {
            definition_links: td
                .and_then(|t| t.definition.as_ref())
                .and_then(|d| d.link_support)
                .unwrap_or(false),
            hierarchical_symbols: td
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|d| d.hierarchical_document_symbol_support)
                .unwrap_or(false),
            document_changes: caps
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            show_document: caps
                .window
                .as_ref()
                .and_then(|w| w.show_document.as_ref())
                .is_some_and(|s| s.support),
            configuration: caps
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            markdown: td
                .and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_ref())
                .is_none_or(|formats| formats.contains(&MarkupKind::Markdown)),
        }
    }
}

/// A cursor is on a span from its first character to just after its last.
fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The definition a term use or a defined term at `offset` refers to, with the span under the
/// cursor.
fn term_at(doc: &Document, offset: usize) -> Option<(usize, Span)> {
    doc.term_uses
        .iter()
        .filter(|u| touches(u.span, offset) && u.definition < doc.definitions.len())
        .map(|u| (u.definition, u.span))
        .chain(
            doc.definitions
                .iter()
                .enumerate()
                .filter(|(_, d)| touches(d.term_span, offset))
                .map(|(i, d)| (i, d.term_span)),
        )
        .min_by_key(|(_, span)| span.len())
}

/// Every definition of the same term (a term defined twice has two).
fn same_term(doc: &Document, definition: usize) -> Vec<usize> {
    let term = &doc.definitions[definition].term;
    (0..doc.definitions.len())
        .filter(|&i| doc.definitions[i].term == *term)
        .collect()
}

fn xref_at(doc: &Document, offset: usize) -> Option<(&CrossRef, Option<&CrossRefTarget>)> {
    let x = doc
        .cross_refs
        .iter()
        .filter(|x| touches(x.span, offset))
        .min_by_key(|x| x.span.len())?;
    let target = x.targets.iter().find(|t| touches(t.span, offset));
    Some((x, target))
}

/// The targets a cursor on a cross-reference means: the one under it, or all of them.
fn xref_clauses(x: &CrossRef, target: Option<&CrossRefTarget>) -> Vec<(Span, ClauseId)> {
    match target {
        Some(t) => t.resolved.map(|c| (t.span, c)).into_iter().collect(),
        None => x
            .targets
            .iter()
            .filter_map(|t| t.resolved.map(|c| (x.span, c)))
            .collect(),
    }
}

/// The clause whose opening block contains `offset` (the cursor is on its number or title).
fn clause_heading_at(doc: &Document, offset: usize) -> Option<ClauseId> {
    let b = doc
        .blocks
        .partition_point(|b| b.span.start <= offset)
        .checked_sub(1)?;
    let block = &doc.blocks[b];
    let c = block.clause?;
    (doc.clauses.get(c)?.head_block == b && touches(block.span, offset)).then_some(c)
}

/// The part of a clause a reader recognises it by: its number and title, or its first block.
fn clause_selection(doc: &Document, c: ClauseId) -> Span {
    let clause = &doc.clauses[c];
    let head = doc
        .blocks
        .get(clause.head_block)
        .map_or(clause.span, |b| b.text_span);
    let sel = match clause.title_span {
        Some(t) => Span::new(head.start.min(t.start), t.end),
        None => head,
    };
    let start = sel.start.clamp(clause.span.start, clause.span.end);
    let end = sel.end.clamp(start, clause.span.end);
    Span::new(start, end)
}

fn findings_at(a: &Analysis, offset: usize) -> Vec<&Finding> {
    let mut hits: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| touches(f.span, offset))
        .collect();
    hits.sort_by_key(|f| (f.span.len(), f.span.start));
    hits
}

fn truncate(s: String, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

pub fn hover(a: &Analysis, offset: usize, flags: &ClientFlags) -> Option<Hover> {
    let doc = a.doc.as_ref()?;
    let mut parts = Vec::new();
    let mut range: Option<Span> = None;
    if let Some((i, span)) = term_at(doc, offset) {
        let d = &doc.definitions[i];
        let place = d
            .sentence
            .and_then(|s| doc.sentences.get(s))
            .and_then(|s| s.clause)
            .or_else(|| doc.clause_at(d.term_span.start))
            .and_then(|c| doc.clause_label(c))
            .map(|l| format!(" in {l}"))
            .unwrap_or_default();
        parts.push(format!(
            "**“{}”** — defined{place}\n\n> {}",
            d.term,
            truncate(fold(doc.plain(d.definition_span)), 1500)
        ));
        range = Some(span);
    } else if let Some((x, t)) = xref_at(doc, offset) {
        for (_, c) in xref_clauses(x, t) {
            let clause = &doc.clauses[c];
            let label = doc
                .clause_label(c)
                .unwrap_or_else(|| "(untitled clause)".into());
            let body = truncate(fold(doc.plain(clause.span)), 400);
            parts.push(format!("**{label}**\n\n> {body}"));
        }
        if parts.is_empty() && !x.external {
            parts
                .push("This cross-reference does not resolve to a clause of this document.".into());
        }
        range = Some(t.map_or(x.span, |t| t.span));
    }
    let findings = findings_at(a, offset);
    for f in &findings {
        let Some(rule) = rule_by_id(f.rule) else {
            continue;
        };
        let meta = rule.meta();
        let kind = match f.kind {
            FindingKind::Risk => f.severity.as_str(),
            FindingKind::Protection => "protection",
        };
        parts.push(format!(
            "**{}** ({kind}) — {}\n\n{}\n\n{}",
            meta.id,
            fold(meta.doc.summary),
            f.message,
            rule_hover_markdown(meta, f.kind, f.suggestion.as_deref())
        ));
    }
    if range.is_none() {
        range = findings.first().map(|f| f.span);
    }
    if parts.is_empty() {
        return None;
    }
    let value = parts.join("\n\n---\n\n");
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: if flags.markdown {
                MarkupKind::Markdown
            } else {
                MarkupKind::PlainText
            },
            value,
        }),
        range: range.map(|s| a.range(s)),
    })
}

pub fn definition(
    a: &Analysis,
    offset: usize,
    flags: &ClientFlags,
) -> Option<GotoDefinitionResponse> {
    let doc = a.doc.as_ref()?;
    // (origin under the cursor, whole target, the part of the target to select, the span a plain
    // `Location` points at: the defined term itself, or the whole clause)
    let mut targets: Vec<(Span, Span, Span, Span)> = Vec::new();
    if let Some((i, origin)) = term_at(doc, offset) {
        for j in same_term(doc, i) {
            let d = &doc.definitions[j];
            let whole = Span::new(
                d.term_span.start.min(d.definition_span.start),
                d.term_span.end.max(d.definition_span.end),
            );
            targets.push((origin, whole, d.term_span, d.term_span));
        }
    } else if let Some((x, t)) = xref_at(doc, offset) {
        for (origin, c) in xref_clauses(x, t) {
            let whole = doc.clauses[c].span;
            targets.push((origin, whole, clause_selection(doc, c), whole));
        }
    }
    if targets.is_empty() {
        return None;
    }
    if flags.definition_links {
        return Some(GotoDefinitionResponse::Link(
            targets
                .into_iter()
                .map(|(origin, whole, sel, _)| LocationLink {
                    origin_selection_range: Some(a.range(origin)),
                    target_uri: a.uri.clone(),
                    target_range: a.range(whole),
                    target_selection_range: a.range(sel),
                })
                .collect(),
        ));
    }
    let mut locations: Vec<Location> = targets
        .into_iter()
        .map(|(_, _, _, span)| Location::new(a.uri.clone(), a.range(span)))
        .collect();
    Some(if locations.len() == 1 {
        GotoDefinitionResponse::Scalar(locations.remove(0))
    } else {
        GotoDefinitionResponse::Array(locations)
    })
}

pub fn references(a: &Analysis, offset: usize, include_declaration: bool) -> Option<Vec<Location>> {
    let doc = a.doc.as_ref()?;
    let mut spans: Vec<Span> = Vec::new();
    if let Some((i, _)) = term_at(doc, offset) {
        let defs = same_term(doc, i);
        if include_declaration {
            spans.extend(defs.iter().map(|&j| doc.definitions[j].term_span));
        }
        spans.extend(
            doc.term_uses
                .iter()
                .filter(|u| defs.contains(&u.definition))
                .map(|u| u.span),
        );
    } else {
        let clause = xref_at(doc, offset)
            .and_then(|(x, t)| xref_clauses(x, t).first().map(|&(_, c)| c))
            .or_else(|| clause_heading_at(doc, offset))?;
        if include_declaration {
            spans.push(clause_selection(doc, clause));
        }
        spans.extend(
            doc.cross_refs
                .iter()
                .flat_map(|x| &x.targets)
                .filter(|t| t.resolved == Some(clause))
                .map(|t| t.span),
        );
    }
    spans.sort();
    spans.dedup();
    Some(
        spans
            .into_iter()
            .map(|s| Location::new(a.uri.clone(), a.range(s)))
            .collect(),
    )
}

fn symbol_kind(style: NumberStyle, is_heading: bool) -> SymbolKind {
    match style {
        NumberStyle::Attachment => SymbolKind::MODULE,
        NumberStyle::Article | NumberStyle::Heading(_) => SymbolKind::NAMESPACE,
        _ if is_heading => SymbolKind::NAMESPACE,
        NumberStyle::RunIn => SymbolKind::FIELD,
        _ => SymbolKind::OBJECT,
    }
}

fn clause_name(doc: &Document, c: ClauseId) -> String {
    doc.clauses[c]
        .label()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| {
            let head = doc
                .blocks
                .get(doc.clauses[c].head_block)
                .map(|b| fold(doc.plain(b.text_span)))
                .unwrap_or_default();
            if head.is_empty() {
                "(untitled)".into()
            } else {
                truncate(head, 60)
            }
        })
}

/// For a clause with a number but no title ("2.1 We process …"), the start of its text.
fn clause_detail(doc: &Document, c: ClauseId) -> Option<String> {
    let clause = &doc.clauses[c];
    if clause.title.is_some() {
        return None;
    }
    let number = clause.number.as_deref()?;
    let head = fold(doc.plain(doc.blocks.get(clause.head_block)?.text_span));
    let rest = head.strip_prefix(number).unwrap_or(&head);
    let rest = rest.trim_start_matches(['.', ')', ' ']);
    (!rest.is_empty()).then(|| truncate(rest.to_string(), 60))
}

/// The clause outline: numbers and titles, nested as the parser nested them.
pub fn document_symbols(a: &Analysis, flags: &ClientFlags) -> Option<DocumentSymbolResponse> {
    let doc = a.doc.as_ref()?;
    let n = doc.clauses.len();
    if !flags.hierarchical_symbols {
        #[allow(deprecated)]
        let flat = (0..n)
            .map(|c| {
                let clause = &doc.clauses[c];
                SymbolInformation {
                    name: clause_name(doc, c),
                    kind: symbol_kind(clause.style, clause.is_heading),
                    tags: None,
                    deprecated: None,
                    location: Location::new(a.uri.clone(), a.range(clause.span)),
                    container_name: clause.parent.map(|p| clause_name(doc, p)),
                }
            })
            .collect();
        return Some(DocumentSymbolResponse::Flat(flat));
    }
    // Children always come after their parent, so building from the last clause backwards finds
    // every child finished before its parent needs it (no recursion, whatever the depth).
    let mut children: Vec<Vec<DocumentSymbol>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for c in (0..n).rev() {
        let clause = &doc.clauses[c];
        let mut kids = std::mem::take(&mut children[c]);
        kids.reverse();
        #[allow(deprecated)]
        let symbol = DocumentSymbol {
            name: clause_name(doc, c),
            detail: clause_detail(doc, c),
            kind: symbol_kind(clause.style, clause.is_heading),
            tags: None,
            deprecated: None,
            range: a.range(clause.span),
            selection_range: a.range(clause_selection(doc, c)),
            children: (!kids.is_empty()).then_some(kids),
        };
        match clause.parent.filter(|&p| p < c) {
            Some(p) => children[p].push(symbol),
            None => roots.push(symbol),
        }
    }
    roots.reverse();
    Some(DocumentSymbolResponse::Nested(roots))
}

fn wants(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            kind.as_str() == k.as_str() || kind.as_str().starts_with(&format!("{}.", k.as_str()))
        })
    })
}

fn workspace_edit(a: &Analysis, edits: Vec<TextEdit>, flags: &ClientFlags) -> WorkspaceEdit {
    if flags.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: a.uri.clone(),
                    version: Some(a.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(a.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

const MD_OPEN: &str = "<!-- clauselint-disable-next-line ";
const MD_CLOSE: &str = " -->";
const TXT_OPEN: &str = "[clauselint-disable-next-line ";
const TXT_CLOSE: &str = "]";

/// The edit that suppresses `rule` on the line where `offset` is: a comment on the line before, or
/// the rule added to a suppression comment already there. `None` if that comment already names it.
pub fn suppression_edit(a: &Analysis, rule: &str, offset: usize) -> Option<TextEdit> {
    let (open, close) = match a.format {
        Format::Markdown => (MD_OPEN, MD_CLOSE),
        Format::Text | Format::Pdf | Format::Docx => (TXT_OPEN, TXT_CLOSE),
    };
    let line_start = line_start_of(&a.rope, offset);
    let line_no = a.rope.byte_to_line(line_start);
    if line_no > 0 {
        let prev = a.rope.line(line_no - 1).to_string();
        let body = prev.trim_end_matches(['\r', '\n']);
        let trimmed = body.trim();
        if let Some(inner) = trimmed
            .strip_prefix(open.trim_end())
            .and_then(|r| r.strip_suffix(close.trim_start()))
        {
            // The rules come before the reason's colon (`RULE, RULE: reason`), as the analyzer's
            // `suppression` module reads them.
            let rules = inner.split(':').next().unwrap_or(inner);
            if rules.split([',', ' ']).any(|r| r == rule) {
                return None;
            }
            // Insert ", rule" after the last rule: before the reason, else the closing marker.
            let prev_start = a.rope.line_to_byte(line_no - 1);
            let after_open = body.find(open.trim_end())? + open.trim_end().len();
            let close_rel = body.rfind(close.trim_start())?;
            let anchor = body[after_open..close_rel]
                .find(':')
                .map_or(close_rel, |i| after_open + i);
            let inner_end = prev[..anchor].trim_end().len() + prev_start;
            let pos = position_of_offset(&a.rope, inner_end);
            return Some(TextEdit::new(
                tower_lsp_server::ls_types::Range::new(pos, pos),
                format!(", {rule}"),
            ));
        }
    }
    let line = a.rope.line(line_no);
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = line_break_at(&a.rope, line_start);
    let pos = Position::new(u32::try_from(line_no).unwrap_or(u32::MAX), 0);
    Some(TextEdit::new(
        tower_lsp_server::ls_types::Range::new(pos, pos),
        format!("{indent}{open}{rule}{close}{eol}"),
    ))
}

/// Quick fixes for the findings in `span`: the rule's suggested language, a suppression comment,
/// and "explain". Nothing is applied: the client applies an edit only if the user picks it.
pub fn code_actions(
    a: &Analysis,
    span: Span,
    only: Option<&[CodeActionKind]>,
    flags: &ClientFlags,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let mut seen_rules: Vec<&str> = Vec::new();
    let explain_kind = CodeActionKind::new(EXPLAIN_KIND);
    for (i, f) in a.findings.iter().enumerate() {
        if !(f.span.start <= span.end && span.start <= f.span.end) {
            continue;
        }
        let diagnostic = a.diagnostics.get(i).cloned();
        if let Some(fix) = f.fix.as_ref().filter(|fix| !fix.edits.is_empty()) {
            if wants(only, &CodeActionKind::QUICKFIX) {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(a.range(e.span), e.new_text.clone()))
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("{} ({})", fix.title, f.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: diagnostic.clone().map(|d| vec![d]),
                    edit: Some(workspace_edit(a, edits, flags)),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
        }
        if seen_rules.contains(&f.rule) {
            continue;
        }
        seen_rules.push(f.rule);
        if wants(only, &CodeActionKind::QUICKFIX) {
            if let Some(edit) = suppression_edit(a, f.rule, f.span.start) {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Disable {} here", f.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: diagnostic.map(|d| vec![d]),
                    edit: Some(workspace_edit(a, vec![edit], flags)),
                    ..CodeAction::default()
                }));
            }
        }
        if wants(only, &explain_kind) {
            // A bare command rather than a code action carrying one: some client libraries take
            // any action with a `command` member for a `Command` and mangle it.
            actions.push(CodeActionOrCommand::Command(Command::new(
                format!("Explain {}", f.rule),
                EXPLAIN_COMMAND.into(),
                Some(vec![json!(f.rule)]),
            )));
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::analyse;
    use crate::position::{apply_change, offset_of_position};
    use ropey::Rope;
    use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

    const CONTRACT: &str = "# Terms\n\n\
## 1. Definitions\n\n\
“Customer Content” means any data, text or files you upload to the Services 😀.\n\n\
## 2. Use of Customer Content\n\n\
2.1 We process Customer Content only as described in Section 3.1.\n\n\
2.2 Customer Content is deleted on request.\n\n\
## 3. Security\n\n\
3.1 We protect Customer Content with encryption (§ 3.1 applies).\n";

    fn flags() -> ClientFlags {
        ClientFlags {
            definition_links: false,
            hierarchical_symbols: true,
            document_changes: false,
            show_document: false,
            configuration: false,
            markdown: true,
        }
    }

    fn nth(text: &str, needle: &str, n: usize) -> usize {
        text.match_indices(needle).nth(n).unwrap().0
    }

    #[test]
    fn hover_on_a_term_use_shows_its_definition() {
        let a = analyse(CONTRACT, Format::Markdown);
        let doc = a.doc.as_ref().unwrap();
        assert!(
            doc.definition_of("Customer Content").is_some(),
            "{:?}",
            doc.definitions
        );
        let use_at = nth(CONTRACT, "Customer Content", 2) + 3;
        let h = hover(&a, use_at, &flags()).expect("hover");
        let HoverContents::Markup(m) = h.contents else {
            panic!()
        };
        assert!(m.value.contains("“Customer Content”"), "{}", m.value);
        assert!(m.value.contains("upload to the Services"), "{}", m.value);
        // The hover range is the use under the cursor, in UTF-16 units.
        let r = h.range.unwrap();
        assert_eq!(
            offset_of_position(&a.rope, r.start),
            nth(CONTRACT, "Customer Content", 2)
        );
    }

    #[test]
    fn definition_and_references_of_a_term() {
        let a = analyse(CONTRACT, Format::Markdown);
        let use_at = nth(CONTRACT, "Customer Content", 3);
        let Some(GotoDefinitionResponse::Scalar(loc)) = definition(&a, use_at, &flags()) else {
            panic!("definition")
        };
        assert_eq!(
            offset_of_position(&a.rope, loc.range.start),
            nth(CONTRACT, "Customer Content", 0)
        );
        let refs = references(&a, use_at, true).unwrap();
        let doc = a.doc.as_ref().unwrap();
        let uses = doc.term_uses.len();
        assert!(uses >= 3, "{:?}", doc.term_uses);
        assert_eq!(refs.len(), uses + 1);
        assert_eq!(references(&a, use_at, false).unwrap().len(), uses);
        // With link support the whole definition is the target and the term is selected.
        let links = ClientFlags {
            definition_links: true,
            ..flags()
        };
        let Some(GotoDefinitionResponse::Link(l)) = definition(&a, use_at, &links) else {
            panic!("links")
        };
        assert_eq!(
            offset_of_position(&a.rope, l[0].target_selection_range.start),
            nth(CONTRACT, "Customer Content", 0)
        );
    }

    #[test]
    fn definition_of_a_cross_reference_is_the_clause() {
        let a = analyse(CONTRACT, Format::Markdown);
        let doc = a.doc.as_ref().unwrap();
        let at = nth(CONTRACT, "Section 3.1", 0) + "Section ".len();
        let target = doc
            .clauses
            .iter()
            .find(|c| c.keys.iter().any(|k| k == "3.1"))
            .expect("clause 3.1");
        let Some(GotoDefinitionResponse::Scalar(loc)) = definition(&a, at, &flags()) else {
            panic!("definition of a cross-reference")
        };
        assert_eq!(loc.range, a.range(target.span));
        // The clause's references include this cross-reference and the § one.
        let refs = references(&a, at, false).unwrap();
        assert!(refs.len() >= 2, "{refs:?}");
        let h = hover(&a, at, &flags()).unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!()
        };
        assert!(m.value.contains("3.1"), "{}", m.value);
    }

    #[test]
    fn symbols_are_the_nested_clause_outline() {
        let a = analyse(CONTRACT, Format::Markdown);
        let Some(DocumentSymbolResponse::Nested(roots)) = document_symbols(&a, &flags()) else {
            panic!()
        };
        fn names(s: &[DocumentSymbol], depth: usize, out: &mut Vec<(usize, String)>) {
            for x in s {
                assert!(x.range.start <= x.selection_range.start);
                assert!(x.selection_range.end <= x.range.end);
                out.push((depth, x.name.clone()));
                names(x.children.as_deref().unwrap_or(&[]), depth + 1, out);
            }
        }
        let mut out = Vec::new();
        names(&roots, 0, &mut out);
        let find = |n: &str| out.iter().find(|(_, x)| x.starts_with(n)).cloned();
        let (d_sec, _) = find("3 Security").expect("section 3");
        let (d_sub, _) = find("3.1").expect("clause 3.1");
        assert!(d_sub > d_sec, "{out:?}");
        let flat = document_symbols(&a, &ClientFlags::default()).unwrap();
        let DocumentSymbolResponse::Flat(flat) = flat else {
            panic!()
        };
        assert_eq!(flat.len(), a.doc.as_ref().unwrap().clauses.len());
    }

    fn first_rule_with_fix() -> &'static clauselint_analyzer::RuleMeta {
        clauselint_analyzer::all_rules()
            .iter()
            .map(|r| r.meta())
            .find(|m| {
                let a = analyse(m.doc.example, Format::Markdown);
                a.findings.iter().any(|f| {
                    f.rule == m.id
                        && f.kind == FindingKind::Risk
                        && f.fix.as_ref().is_some_and(|x| !x.edits.is_empty())
                })
            })
            .expect("some rule offers a fix")
    }

    fn apply(text: &str, edits: &[TextEdit]) -> String {
        let mut rope = Rope::from_str(text);
        let mut edits = edits.to_vec();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        for e in edits {
            apply_change(
                &mut rope,
                &TextDocumentContentChangeEvent {
                    range: Some(e.range),
                    range_length: None,
                    text: e.new_text,
                },
            );
        }
        rope.to_string()
    }

    fn edits_of(action: &CodeActionOrCommand) -> Vec<TextEdit> {
        let CodeActionOrCommand::CodeAction(a) = action else {
            panic!()
        };
        let edit = a.edit.as_ref().unwrap();
        match (&edit.changes, &edit.document_changes) {
            (Some(c), _) => c.values().next().unwrap().clone(),
            (None, Some(DocumentChanges::Edits(e))) => e[0]
                .edits
                .iter()
                .map(|x| match x {
                    OneOf::Left(t) => t.clone(),
                    OneOf::Right(a) => a.text_edit.clone(),
                })
                .collect(),
            _ => panic!(),
        }
    }

    #[test]
    fn the_fix_action_removes_the_finding() {
        let meta = first_rule_with_fix();
        let a = analyse(meta.doc.example, Format::Markdown);
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == meta.id && f.kind == FindingKind::Risk)
            .unwrap();
        let actions = code_actions(&a, f.span, None, &flags());
        let fix = actions
            .iter()
            .find(
                |x| matches!(x, CodeActionOrCommand::CodeAction(c) if c.is_preferred == Some(true)),
            )
            .expect("a fix");
        let fixed = apply(meta.doc.example, &edits_of(fix));
        let after = analyse(&fixed, Format::Markdown);
        assert!(
            !after
                .findings
                .iter()
                .any(|g| g.rule == meta.id && g.kind == FindingKind::Risk),
            "{}: {fixed}",
            meta.id
        );
        // Versioned edits when the client takes them.
        let versioned = ClientFlags {
            document_changes: true,
            ..flags()
        };
        let actions = code_actions(&a, f.span, None, &versioned);
        assert_eq!(
            edits_of(&actions[0]).len(),
            f.fix.as_ref().unwrap().edits.len()
        );
        // Only explain when only "quickfix.explain" is asked for.
        let only = [CodeActionKind::new(EXPLAIN_KIND)];
        let actions = code_actions(&a, f.span, Some(&only), &flags());
        assert!(actions
            .iter()
            .all(|x| matches!(x, CodeActionOrCommand::Command(c) if c.command == EXPLAIN_COMMAND)));
        assert!(!actions.is_empty());
    }

    #[test]
    fn suppression_comments_follow_format_indent_and_line_breaks() {
        let meta = first_rule_with_fix();
        let body = fold(meta.doc.example);
        let md = format!("# Terms\r\n\r\n  {body}\r\n");
        let a = analyse(&md, Format::Markdown);
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == meta.id)
            .expect("finding");
        let e = suppression_edit(&a, meta.id, f.span.start).unwrap();
        assert_eq!(
            e.new_text,
            format!("  <!-- clauselint-disable-next-line {} -->\r\n", meta.id)
        );
        assert_eq!(e.range.start, Position::new(2, 0));
        let with = apply(&md, &[e]);
        // A second rule joins the existing comment; the same rule is not offered twice.
        let a2 = analyse(&with, Format::Markdown);
        let at = nth(&with, &body[..10], 0);
        assert!(suppression_edit(&a2, meta.id, at).is_none());
        let e2 = suppression_edit(&a2, "drafting/other", at).unwrap();
        // With a reason, the rule joins the list before the colon.
        let with_reason = format!(
            "<!-- clauselint-disable-next-line {}: accepted by counsel -->\n{}",
            meta.id, meta.doc.example
        );
        let a3 = analyse(&with_reason, Format::Markdown);
        let at3 = with_reason.find(meta.doc.example).unwrap();
        assert!(suppression_edit(&a3, meta.id, at3).is_none());
        let e3 = suppression_edit(&a3, "drafting/other", at3).unwrap();
        assert_eq!(e3.new_text, ", drafting/other");
        let line3 = with_reason.lines().next().unwrap();
        let colon_col = line3.find(':').unwrap();
        assert_eq!(e3.range.start.character as usize, colon_col);
        assert!(apply(&with, &[e2]).contains(&format!(
            "<!-- clauselint-disable-next-line {}, drafting/other -->",
            meta.id
        )));

        let txt = format!("{body}\n");
        let a = analyse(&txt, Format::Text);
        let e = suppression_edit(&a, meta.id, 0).unwrap();
        assert_eq!(
            e.new_text,
            format!("[clauselint-disable-next-line {}]\n", meta.id)
        );
    }

    #[test]
    fn handlers_never_panic_on_any_offset() {
        let text = "“Ünïcode” 😀 means § 1.\r\n\r\n1. Section 9 applies; see Exhibit Z.\r\n";
        for format in [Format::Markdown, Format::Text] {
            let a = analyse(text, format);
            for offset in 0..=text.len() + 2 {
                let _ = hover(&a, offset, &flags());
                let _ = definition(&a, offset, &flags());
                let _ = references(&a, offset, true);
                let _ = code_actions(&a, Span::new(offset, offset), None, &flags());
            }
            let _ = document_symbols(&a, &flags());
        }
    }
}
