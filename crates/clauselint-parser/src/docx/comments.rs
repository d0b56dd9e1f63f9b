//! Reviewers' comments (`word/comments.xml`), tied to the text they are anchored on. The rules never
//! see them; JSON output lists them.

use std::collections::HashMap;

use super::xml::Element;
use crate::model::{Comment, Span};

pub(crate) fn read(root: &Element, anchors: &HashMap<String, Span>) -> Vec<Comment> {
    root.children_named("comment")
        .filter_map(|c| {
            let id = c.attr("id")?.to_string();
            let text = c
                .elements()
                .filter(|p| p.name == "p")
                .map(paragraph_text)
                .collect::<Vec<_>>()
                .join("\n");
            Some(Comment {
                span: anchors.get(&id).copied(),
                id,
                author: c.attr("author").map(str::to_string),
                date: c.attr("date").map(str::to_string),
                text: text.trim().to_string(),
            })
        })
        .collect()
}

fn paragraph_text(p: &Element) -> String {
    let mut out = String::new();
    collect(p, &mut out);
    out
}

fn collect(e: &Element, out: &mut String) {
    for c in e.elements() {
        match c.name.as_str() {
            "t" => out.push_str(&c.text()),
            "tab" => out.push('\t'),
            "br" => out.push('\n'),
            "del" | "moveFrom" => {}
            _ => collect(c, out),
        }
    }
}
