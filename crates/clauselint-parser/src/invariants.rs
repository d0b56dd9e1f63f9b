//! The promises the document model makes to its consumers, checked on a built `Document`: every
//! span lies inside the source on character boundaries, clauses nest inside their parents in
//! order, sentences lie inside their blocks, and the analysis text keeps the source's length.
//! Rules, the language server and the CLI slice the source with these spans, so a broken promise
//! would be a panic downstream. Used by the corpus test, the property tests and the fuzz targets.

use crate::model::{Document, Span};

impl Document {
    /// Every violated invariant, described; empty for a well-formed document.
    pub fn invariant_violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut span = |span: Span, what: &str| {
            if span.start > span.end || span.end > self.source.len() {
                out.push(format!(
                    "{what} {span:?} is outside the source ({} bytes)",
                    self.source.len()
                ));
            } else if !self.source.is_char_boundary(span.start)
                || !self.source.is_char_boundary(span.end)
            {
                out.push(format!("{what} {span:?} splits a character"));
            }
        };
        for b in &self.blocks {
            span(b.span, "block");
            span(b.text_span, "block text");
        }
        for s in &self.sentences {
            span(s.span, "sentence");
        }
        for c in &self.clauses {
            span(c.span, "clause");
            if let Some(t) = c.title_span {
                span(t, "clause title");
            }
        }
        for d in &self.definitions {
            span(d.term_span, "defined term");
            span(d.definition_span, "definition");
        }
        for u in &self.term_uses {
            span(u.span, "term use");
        }
        for r in &self.cross_refs {
            span(r.span, "cross-reference");
            for t in &r.targets {
                span(t.span, "cross-reference target");
            }
        }
        for s in &self.strong_spans {
            span(*s, "strong text");
        }
        if self.text.len() != self.source.len() {
            out.push(format!(
                "analysis text is {} bytes, source {} bytes",
                self.text.len(),
                self.source.len()
            ));
        }
        for (i, b) in self.blocks.iter().enumerate() {
            let Some(sentences) = self
                .sentences
                .get(b.first_sentence..b.first_sentence + b.sentence_count)
            else {
                out.push(format!("block {i} lists sentences that do not exist"));
                continue;
            };
            for s in sentences {
                if !b.text_span.contains(s.span) || s.block != i {
                    out.push(format!(
                        "sentence {:?} is not inside its block {:?}",
                        s.span, b.text_span
                    ));
                }
            }
        }
        for (i, c) in self.clauses.iter().enumerate() {
            if c.id != i {
                out.push(format!("clause {i} carries id {}", c.id));
            }
            if let Some(p) = c.parent {
                match self.clauses.get(p) {
                    Some(parent) if parent.span.contains(c.span) && parent.children.contains(&i) => {
                        if parent.depth + 1 != c.depth {
                            out.push(format!("clause {i} has depth {} under a parent of depth {}", c.depth, parent.depth));
                        }
                    }
                    Some(parent) => out.push(format!(
                        "clause {i} {:?} {:?} is not nested in its parent {:?} or not listed as its child",
                        c.number, c.span, parent.span
                    )),
                    None => out.push(format!("clause {i} has a parent {p} that does not exist")),
                }
            }
            let mut previous: Option<Span> = None;
            for &k in &c.children {
                let Some(child) = self.clauses.get(k) else {
                    out.push(format!("clause {i} lists a child {k} that does not exist"));
                    continue;
                };
                if child.parent != Some(i) {
                    out.push(format!(
                        "clause {k} is listed under {i} but names another parent"
                    ));
                }
                if previous.is_some_and(|p| p.start > child.span.start) {
                    out.push(format!("the children of clause {i} are out of order"));
                }
                previous = Some(child.span);
            }
        }
        for u in &self.term_uses {
            if u.definition >= self.definitions.len() {
                out.push(format!(
                    "term use {:?} points at a missing definition",
                    u.span
                ));
            }
        }
        for r in &self.cross_refs {
            for t in &r.targets {
                if t.resolved.is_some_and(|c| c >= self.clauses.len()) {
                    out.push(format!(
                        "cross-reference {:?} resolves to a missing clause",
                        t.span
                    ));
                }
            }
        }
        out
    }
}
