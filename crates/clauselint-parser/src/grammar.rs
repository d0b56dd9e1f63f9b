//! Plain-text clause structure from the tree-sitter contract grammar (`grammars/tree-sitter-contract`),
//! and [`ContractTree`], which keeps one syntax tree per document and re-parses it incrementally.
//!
//! The grammar decides what a line is (heading, numbered clause, run-in title, body text) and how
//! clauses nest; this module turns its tree into the same [`Block`]s and [`Clause`]s the rest of the
//! crate reads. Numbers are re-read with `numbering` so keys, styles and `written` forms match the
//! other formats exactly.

use tree_sitter::{InputEdit, Node, Parser, Point, Tree};

use crate::model::{Block, BlockKind, Clause, Document, NumberStyle, Span};
use crate::numbering::{self, Label};
use crate::{clause_keys, collapse_ws, style_for, Deadline, LimitExceeded, OpenClause};

fn new_parser() -> Option<Parser> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_contract::LANGUAGE.into())
        .ok()?;
    Some(parser)
}

/// Parses plain text with the contract grammar. `None` only if the grammar cannot be loaded (an ABI
/// mismatch), in which case callers fall back to the line-based reader.
pub(crate) fn parse_tree(text: &str) -> Option<Tree> {
    new_parser()?.parse(text, None)
}

/// A document's text and its syntax tree, edited in place as the user types: each edit is applied
/// to the text, to the tree with [`Tree::edit`], and the tree is re-parsed reusing every unchanged
/// subtree.
pub struct ContractTree {
    parser: Option<Parser>,
    tree: Option<Tree>,
    text: String,
}

impl ContractTree {
    pub fn new(text: &str) -> Self {
        let mut parser = new_parser();
        let tree = parser.as_mut().and_then(|p| p.parse(text, None));
        ContractTree {
            parser,
            tree,
            text: text.to_string(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The current syntax tree (`None` only if the grammar could not be loaded).
    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref()
    }

    /// Replaces the bytes `start..old_end` of the current text with `replacement` and re-parses
    /// incrementally. Offsets outside the text or off a character boundary are clamped to the
    /// nearest valid position rather than rejected: the editor's view wins, and the next full
    /// [`ContractTree::replace`] resynchronises.
    pub fn edit(&mut self, start: usize, old_end: usize, replacement: &str) {
        let start = crate::line_index::floor_char_boundary(&self.text, start.min(self.text.len()));
        let old_end = crate::line_index::floor_char_boundary(
            &self.text,
            old_end.clamp(start, self.text.len()),
        );
        let start_position = point_at(&self.text, start);
        let old_end_position = point_at(&self.text, old_end);
        self.text.replace_range(start..old_end, replacement);
        let new_end = start + replacement.len();
        let new_end_position = point_at(&self.text, new_end);
        if let Some(tree) = self.tree.as_mut() {
            tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: old_end,
                new_end_byte: new_end,
                start_position,
                old_end_position,
                new_end_position,
            });
        }
        self.reparse();
    }

    /// Replaces the whole text (a full-document sync) and parses from scratch.
    pub fn replace(&mut self, text: &str) {
        self.text = text.to_string();
        self.tree = None;
        self.reparse();
    }

    fn reparse(&mut self) {
        if let Some(parser) = self.parser.as_mut() {
            self.tree = parser.parse(&self.text, self.tree.as_ref());
        }
    }

    /// The document model of the current text, read as plain text, from the current tree.
    pub fn document(&self) -> Document {
        match &self.tree {
            Some(tree) => crate::parse_text_with_tree(&self.text, tree),
            None => crate::parse_text_line_based(&self.text),
        }
    }
}

/// Row and byte column of a byte offset, as tree-sitter counts them.
fn point_at(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Point::new(row, offset - line_start)
}

/// The end of `span` without trailing whitespace.
fn trim_end(text: &str, span: Span) -> Span {
    let slice = text.get(span.start..span.end).unwrap_or("");
    Span::new(span.start, span.start + slice.trim_end().len())
}

/// Builds `doc.blocks` and `doc.clauses` from the tree. Returns, per block, the length of its
/// leading clause number (for sentence splitting), as `build_structure` does for the other formats.
pub(crate) fn build_structure(
    doc: &mut Document,
    tree: &Tree,
    deadline: &Deadline,
) -> Result<Vec<usize>, LimitExceeded> {
    let mut number_lens = Vec::new();
    // The path to the most recently opened clause: what was open when the next clause's number was
    // read, which decides "(i)" after "(h)" exactly as the line-based reader does.
    let mut last_path: Vec<OpenClause> = Vec::new();
    // Depth-first, without recursion: (node, enclosing clause).
    let root = tree.root_node();
    let mut pending: Vec<(Node, Option<usize>)> = Vec::new();
    let mut cursor = root.walk();
    let top: Vec<Node> = root.named_children(&mut cursor).collect();
    pending.extend(top.into_iter().rev().map(|n| (n, None)));

    while let Some((node, parent)) = pending.pop() {
        deadline.check()?;
        match node.kind() {
            "clause" => {
                let id = open_clause(doc, node, parent, &mut last_path, &mut number_lens);
                let mut cursor = node.walk();
                let nested: Vec<Node> = node
                    .named_children(&mut cursor)
                    .filter(|c| matches!(c.kind(), "clause" | "paragraph"))
                    .collect();
                pending.extend(nested.into_iter().rev().map(|n| (n, Some(id))));
            }
            "paragraph" => {
                let span = trim_end(&doc.text, Span::new(node.start_byte(), node.end_byte()));
                doc.blocks
                    .push(new_block(BlockKind::Paragraph, span, parent));
                number_lens.push(0);
            }
            _ => {}
        }
    }

    // A clause ends with the last block inside it; children come after their parents in id order.
    for block in &doc.blocks {
        if let Some(c) = block.clause {
            let clause = &mut doc.clauses[c];
            clause.span.end = clause.span.end.max(block.span.end);
        }
    }
    for id in (0..doc.clauses.len()).rev() {
        if let Some(p) = doc.clauses[id].parent {
            let end = doc.clauses[id].span.end;
            let parent = &mut doc.clauses[p];
            parent.span.end = parent.span.end.max(end);
        }
    }
    Ok(number_lens)
}

fn new_block(kind: BlockKind, span: Span, clause: Option<usize>) -> Block {
    Block {
        kind,
        span,
        text_span: span,
        clause,
        first_sentence: 0,
        sentence_count: 0,
        heading_level: 0,
    }
}

fn open_clause(
    doc: &mut Document,
    node: Node,
    parent: Option<usize>,
    last_path: &mut Vec<OpenClause>,
    number_lens: &mut Vec<usize>,
) -> usize {
    let start = node.start_byte();
    // The head block: the clause's own line(s), up to its first paragraph or sub-clause.
    let mut head_end = start;
    let mut title_node = None;
    let mut is_heading = false;
    let mut has_number = false;
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        match child.kind() {
            "clause" | "paragraph" => break,
            "number" => has_number = true,
            "title" => title_node = Some(child),
            "heading" => {
                title_node = Some(child);
                is_heading = true;
            }
            _ => {}
        }
        head_end = head_end.max(child.end_byte());
    }
    let span = trim_end(&doc.text, Span::new(start, head_end));
    let content = doc.text.get(span.start..span.end).unwrap_or("");
    let leading = has_number
        .then(|| numbering::leading_number(content))
        .flatten();
    let heading_level = is_heading.then_some(if doc.blocks.is_empty() { 1 } else { 2 });
    let style = match &leading {
        Some(n) => style_for(&n.label, last_path),
        None if is_heading => NumberStyle::Heading(heading_level.unwrap_or(2)),
        None => NumberStyle::RunIn,
    };
    let title_span = title_node.map(|t| Span::new(t.start_byte(), t.end_byte()));
    let title = title_span.map(|s| collapse_ws(doc.text.get(s.start..s.end).unwrap_or("")));
    let keys = clause_keys(leading.as_ref(), parent.map(|p| &doc.clauses[p]));
    let id = doc.clauses.len();
    let depth = parent.map_or(0, |p| doc.clauses[p].depth + 1);
    let head_block = doc.blocks.len();
    doc.clauses.push(Clause {
        id,
        number: leading.as_ref().map(|n| n.written.clone()),
        keys,
        title,
        title_span,
        style,
        is_heading,
        span,
        head_block,
        depth,
        parent,
        children: Vec::new(),
    });
    if let Some(p) = parent {
        doc.clauses[p].children.push(id);
    }
    let kind = if is_heading {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    doc.blocks.push(new_block(kind, span, Some(id)));
    number_lens.push(leading.as_ref().map_or(0, |n| n.len));

    // What is open now: this clause's ancestors and itself.
    last_path.truncate(depth);
    last_path.push(OpenClause {
        id,
        style,
        heading_level,
        last_letter: leading.and_then(|n| match n.label {
            Label::Paren(l) | Label::Letter(l) => Some(l),
            _ => None,
        }),
        from_list: false,
    });
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(doc: &Document) -> Vec<String> {
        doc.clauses
            .iter()
            .map(|c| {
                format!(
                    "{}{} [{}]",
                    "  ".repeat(c.depth),
                    c.label().unwrap_or_default(),
                    doc.plain(c.span).lines().next().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn nested_clauses_with_non_ascii_text() {
        let text = "MASTER SUBSCRIPTION AGREEMENT\n\n1. Definitions\n\n1.1 “Customer Content” means data — including files.\n\n(a) first;\n(b) second;\n(i) roman one; and\n(ii) roman two.\n\n2. Fees. Customer pays (the “Fees”) per § 5.\n\nLIMITATION OF LIABILITY\n\nLiability is capped.\n";
        let doc = crate::parse(text, crate::Format::Text);
        assert_eq!(
            outline(&doc),
            vec![
                "MASTER SUBSCRIPTION AGREEMENT [MASTER SUBSCRIPTION AGREEMENT]",
                "  1 Definitions [1. Definitions]",
                "    1.1 [1.1 “Customer Content” means data — including files.]",
                "      (a) [(a) first;]",
                "      (b) [(b) second;]",
                "        (i) [(i) roman one; and]",
                "        (ii) [(ii) roman two.]",
                "  2 Fees [2. Fees. Customer pays (the “Fees”) per § 5.]",
                "  LIMITATION OF LIABILITY [LIMITATION OF LIABILITY]",
            ]
        );
        let liability = &doc.clauses[8];
        assert_eq!(
            doc.plain(liability.span),
            "LIMITATION OF LIABILITY\n\nLiability is capped."
        );
        assert!(doc.definitions.iter().any(|d| d.term == "Customer Content"));
        assert!(doc.definitions.iter().any(|d| d.term == "Fees"));
    }

    #[test]
    fn incremental_edits_match_a_fresh_parse() {
        let text = "1. Fees. Customer pays.\n\n(a) monthly;\n(b) yearly.\n\n2. Term. One year.\n";
        let mut tree = ContractTree::new(text);
        // Insert a clause, then retitle one, then delete a line, with a non-ASCII character.
        let at = text.find("2. Term").expect("in text");
        tree.edit(at, at, "1.1 Taxes — extra.\n\n");
        tree.edit(0, 2, "§ 1");
        let end = tree.text().len();
        tree.edit(end - 1, end, "");
        let fresh = ContractTree::new(tree.text());
        assert_eq!(
            tree.tree().expect("tree").root_node().to_sexp(),
            fresh.tree().expect("tree").root_node().to_sexp()
        );
        assert_eq!(outline(&tree.document()), outline(&fresh.document()));
        assert_eq!(
            outline(&tree.document()),
            vec![
                "§ 1 Fees [§ 1 Fees. Customer pays.]",
                "  (a) [(a) monthly;]",
                "  (b) [(b) yearly.]",
                "  1.1 [1.1 Taxes — extra.]",
                "2 Term [2. Term. One year.]",
            ]
        );
    }

    #[test]
    fn out_of_range_edits_are_clamped() {
        let mut tree = ContractTree::new("1. Fees.\n");
        tree.edit(100, 200, "x");
        tree.edit(3, 1, "é");
        tree.edit(4, 4, "y");
        assert!(tree.text().starts_with("1. "));
        assert!(!tree.tree().expect("tree").root_node().has_error());
    }
}
