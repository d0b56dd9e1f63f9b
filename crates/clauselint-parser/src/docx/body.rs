//! Paragraphs, runs and tables of a Word story (the body, a footnote, a header), read in order
//! for one view of the tracked changes.
//!
//! Text inside `w:ins`/`w:moveTo` exists once changes are accepted; text inside `w:del`/`w:moveFrom`
//! (as `w:delText`) exists in the original. A paragraph whose mark was deleted (accepted view) or
//! inserted (original view) did not end there, so its text runs on into the next paragraph.
//! Comment anchors, bold runs and footnote references are recorded with their byte offsets.

use std::ops::Range;

use super::xml::{flag, Element};
use super::RevisionView;
use crate::model::{RevisionKind, WordPart};

/// Who changed something and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Change {
    pub kind: RevisionKind,
    pub author: Option<String>,
    pub date: Option<String>,
}

impl Change {
    fn from(e: &Element, kind: RevisionKind) -> Change {
        Change {
            kind,
            author: e.attr("author").map(str::to_string),
            date: e.attr("date").map(str::to_string),
        }
    }
}

/// A tracked change as read in one paragraph: `range` is into the paragraph's visible text, or
/// `None` with the text kept in `hidden_text` when the view leaves it out.
#[derive(Clone, Debug)]
pub(crate) struct ChangeSpan {
    pub change: Change,
    pub range: Option<Range<usize>>,
    pub hidden_text: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct RawParagraph {
    pub index: usize,
    pub in_table: bool,
    pub style: Option<String>,
    /// Direct `w:numPr`: `numId` and `ilvl`.
    pub num: Option<(String, Option<u8>)>,
    pub outline_level: Option<u8>,
    pub text: String,
    pub changes: Vec<ChangeSpan>,
    pub bold: Vec<Range<usize>>,
    /// `(comment id, offset, is_start)`.
    pub comment_marks: Vec<(String, usize, bool)>,
    /// In this view the paragraph mark does not exist: the text continues in the next paragraph.
    pub runs_on: bool,
}

impl RawParagraph {
    /// Appends `next` to this paragraph's text (a paragraph whose mark is gone), keeping the
    /// properties of `next`, whose mark now ends the merged paragraph.
    pub fn merge_into(mut self, mut next: RawParagraph) -> RawParagraph {
        let shift = self.text.len();
        self.text.push_str(&next.text);
        for c in &mut next.changes {
            if let Some(r) = &mut c.range {
                *r = r.start + shift..r.end + shift;
            }
        }
        self.changes.append(&mut next.changes);
        self.bold
            .extend(next.bold.iter().map(|r| r.start + shift..r.end + shift));
        self.comment_marks.extend(
            next.comment_marks
                .drain(..)
                .map(|(id, at, start)| (id, at + shift, start)),
        );
        RawParagraph {
            index: self.index,
            text: self.text,
            changes: self.changes,
            bold: self.bold,
            comment_marks: self.comment_marks,
            ..next
        }
    }
}

/// Reads the paragraphs of one story.
pub(crate) struct Walker {
    view: RevisionView,
    pub paragraphs: Vec<RawParagraph>,
    next_index: usize,
    /// Footnote and endnote ids in the order the visible text refers to them.
    pub note_refs: Vec<(WordPart, String)>,
}

#[derive(Clone, Copy, Default)]
struct Marks<'a> {
    inserted: Option<&'a Element>,
    insert_kind: Option<RevisionKind>,
    deleted: Option<&'a Element>,
    delete_kind: Option<RevisionKind>,
}

impl Walker {
    pub fn new(view: RevisionView) -> Walker {
        Walker {
            view,
            paragraphs: Vec::new(),
            next_index: 1,
            note_refs: Vec::new(),
        }
    }

    /// Paragraphs and tables directly under `container` (the body, a cell, a note).
    pub fn blocks(&mut self, container: &Element, in_table: bool) {
        for child in container.elements() {
            match child.name.as_str() {
                "p" => self.paragraph(child, in_table),
                "tbl" => {
                    for row in child.children_named("tr") {
                        for cell in row.children_named("tc") {
                            self.blocks(cell, true);
                        }
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.blocks(content, in_table);
                    }
                }
                "customXml" | "ins" | "moveTo" => self.blocks(child, in_table),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element, in_table: bool) {
        let ppr = p.child("pPr");
        let num = ppr.and_then(|p| p.child("numPr")).and_then(|n| {
            let id = n.child_val("numId")?;
            Some((
                id.to_string(),
                n.child_val("ilvl").and_then(|v| v.parse().ok()),
            ))
        });
        let mark = ppr.and_then(|p| p.child("rPr"));
        let mark_has = |name: &str| mark.is_some_and(|m| m.child(name).is_some());
        let runs_on = match self.view {
            RevisionView::Accepted => mark_has("del") || mark_has("moveFrom"),
            RevisionView::Original => mark_has("ins") || mark_has("moveTo"),
        };
        let mut para = RawParagraph {
            index: self.next_index,
            in_table,
            style: ppr.and_then(|p| p.child_val("pStyle")).map(str::to_string),
            num,
            outline_level: ppr
                .and_then(|p| p.child_val("outlineLvl"))
                .and_then(|v| v.parse().ok()),
            runs_on,
            ..RawParagraph::default()
        };
        self.next_index += 1;
        self.inline(p, &mut para, Marks::default());
        self.paragraphs.push(para);
    }

    fn inline<'a>(&mut self, e: &'a Element, para: &mut RawParagraph, marks: Marks<'a>) {
        for child in e.elements() {
            match child.name.as_str() {
                "r" => self.run(child, para, marks),
                "ins" | "moveTo" => {
                    let kind = if child.name == "ins" {
                        RevisionKind::Insertion
                    } else {
                        RevisionKind::MoveTo
                    };
                    let marks = Marks {
                        inserted: Some(child),
                        insert_kind: Some(kind),
                        ..marks
                    };
                    self.inline(child, para, marks);
                }
                "del" | "moveFrom" => {
                    let kind = if child.name == "del" {
                        RevisionKind::Deletion
                    } else {
                        RevisionKind::MoveFrom
                    };
                    let marks = Marks {
                        deleted: Some(child),
                        delete_kind: Some(kind),
                        ..marks
                    };
                    self.inline(child, para, marks);
                }
                "hyperlink" | "smartTag" | "customXml" | "fldSimple" | "sdtContent" | "bdo"
                | "dir" => self.inline(child, para, marks),
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.inline(content, para, marks);
                    }
                }
                "commentRangeStart" | "commentRangeEnd" => {
                    if let Some(id) = child.attr("id") {
                        para.comment_marks.push((
                            id.to_string(),
                            para.text.len(),
                            child.name == "commentRangeStart",
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, para: &mut RawParagraph, marks: Marks<'_>) {
        let rpr = r.child("rPr");
        if flag(rpr.and_then(|p| p.child("vanish"))) {
            return;
        }
        let visible = match self.view {
            RevisionView::Accepted => marks.deleted.is_none(),
            RevisionView::Original => marks.inserted.is_none(),
        };
        let mut text = String::new();
        for c in r.elements() {
            match c.name.as_str() {
                "t" | "delText" => text.push_str(&c.text()),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "footnoteReference" | "endnoteReference" if visible => {
                    if let Some(id) = c.attr("id") {
                        let part = if c.name == "footnoteReference" {
                            WordPart::Footnote
                        } else {
                            WordPart::Endnote
                        };
                        self.note_refs.push((part, id.to_string()));
                    }
                }
                _ => {}
            }
        }
        if text.is_empty() {
            return;
        }
        // Which change the reader should hear about for this text: in the accepted view the
        // insertion that added it; in the original the deletion the redline proposes for it.
        let change = match self.view {
            RevisionView::Accepted => marks
                .inserted
                .zip(marks.insert_kind)
                .or(marks.deleted.zip(marks.delete_kind)),
            RevisionView::Original => marks
                .deleted
                .zip(marks.delete_kind)
                .or(marks.inserted.zip(marks.insert_kind)),
        }
        .map(|(e, kind)| Change::from(e, kind));
        if !visible {
            if let Some(change) = change {
                match para.changes.last_mut() {
                    Some(last) if last.range.is_none() && last.change == change => {
                        last.hidden_text.push_str(&text)
                    }
                    _ => para.changes.push(ChangeSpan {
                        change,
                        range: None,
                        hidden_text: text,
                    }),
                }
            }
            return;
        }
        let start = para.text.len();
        para.text.push_str(&text);
        let end = para.text.len();
        if flag(rpr.and_then(|p| p.child("b"))) {
            match para.bold.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => para.bold.push(start..end),
            }
        }
        if let Some(change) = change {
            match para.changes.last_mut() {
                Some(ChangeSpan {
                    change: last,
                    range: Some(r),
                    ..
                }) if *last == change && r.end == start => r.end = end,
                _ => para.changes.push(ChangeSpan {
                    change,
                    range: Some(start..end),
                    hidden_text: String::new(),
                }),
            }
        }
    }
}
