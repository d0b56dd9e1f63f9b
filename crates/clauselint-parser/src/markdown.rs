//! Markdown → blocks, with markup blanked out of the analysis text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{BlockKind, Span};
use crate::RawBlock;

pub(crate) struct MarkdownParts {
    pub text: String,
    pub blocks: Vec<RawBlock>,
    pub strong_spans: Vec<Span>,
    /// The most block quotes and lists open inside each other.
    pub max_nesting: usize,
}

struct OpenBlock {
    kind: BlockKind,
    start: usize,
    text_start: Option<usize>,
    text_end: usize,
    heading_level: u8,
    list_number: Option<String>,
    /// The item's ordered-list nesting: the enclosing ordered lists plus the levels their restarts
    /// opened (1 for a top-level numbered item).
    list_depth: u8,
    /// The block's text has been emitted; the frame stays only to match its end tag.
    done: bool,
}

impl OpenBlock {
    fn new(kind: BlockKind, start: usize, heading_level: u8, list_number: Option<String>) -> Self {
        OpenBlock {
            kind,
            start,
            text_start: None,
            text_end: start,
            heading_level,
            list_number,
            list_depth: 0,
            done: false,
        }
    }

    fn emit(&mut self, end: usize, blocks: &mut Vec<RawBlock>) {
        if self.done {
            return;
        }
        self.done = true;
        if let Some(text_start) = self.text_start {
            blocks.push(RawBlock {
                kind: self.kind,
                span: Span::new(self.start, end.max(self.text_end)),
                text_span: Span::new(text_start, self.text_end),
                heading_level: self.heading_level,
                list_number: self.list_number.take(),
                list_depth: self.list_depth,
            });
        }
    }
}

/// An open ordered list and how its items are numbered. Markdown renderers number items by count
/// from the list's first number, but the source says what the drafter wrote, and documents
/// converted to Markdown often flatten sub-items into the parent list: "12. Paid Services",
/// "1. General", "2. Refunds", "13. Mobile". A restart at 1 after a higher number opens a level
/// (items 1 and 2 belong to 12); the next number of an outer level closes it again. A list whose
/// first two items are both "1." relies on automatic numbering, and is numbered by count.
struct OrderedList {
    next_by_count: u64,
    items: usize,
    by_count: bool,
    /// The last written number at each level opened by a restart; the list's own level first.
    levels: Vec<u64>,
}

impl OrderedList {
    fn new(start: u64) -> Self {
        OrderedList {
            next_by_count: start,
            items: 0,
            by_count: false,
            levels: Vec::new(),
        }
    }

    /// The levels this list adds to an item's nesting: 1, plus one per restart still open.
    fn depth(&self) -> usize {
        self.levels.len().max(1)
    }

    /// The number of the next item, given the number written before it (if any).
    fn next_item(&mut self, written: Option<u64>) -> String {
        let by_count = self.next_by_count;
        self.next_by_count += 1;
        self.items += 1;
        let Some(written) = written else {
            return by_count.to_string();
        };
        // After one item the only level holds the first written number.
        if self.items == 2 && self.levels == [written] {
            self.by_count = true;
        }
        if self.by_count {
            return by_count.to_string();
        }
        match self.levels.last().copied() {
            None => self.levels.push(written),
            Some(last) if written == last + 1 => {}
            Some(last) => {
                if let Some(outer) = self.levels.iter().rposition(|&n| written == n + 1) {
                    self.levels.truncate(outer + 1);
                } else if written == 1 && last > 1 {
                    self.levels.push(0);
                }
            }
        }
        *self.levels.last_mut().expect("a level is open") = written;
        written.to_string()
    }
}

/// The number an ordered-list item's marker writes: "12." → 12.
fn written_number(item_source: &str) -> Option<u64> {
    let digits = item_source.trim_start_matches([' ', '\t', '>']);
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok().filter(|_| end > 0 && end <= 9)
}

/// Pop frames up to and including the innermost one of `kind`, emitting what is still open.
fn close_until(
    stack: &mut Vec<OpenBlock>,
    kind: BlockKind,
    end: usize,
    blocks: &mut Vec<RawBlock>,
) {
    if !stack.iter().any(|b| b.kind == kind) {
        return;
    }
    while let Some(mut open) = stack.pop() {
        let is_target = open.kind == kind;
        let block_end = if is_target { end } else { open.text_end };
        open.emit(block_end, blocks);
        if is_target {
            break;
        }
    }
}

/// Blank every byte outside the readable text; newlines survive so line structure is kept.
fn blank_markup(source: &str) -> Vec<u8> {
    // One fill and a vectorised search for the line ends, not a test and a push per byte: this
    // runs over every byte of every Markdown document.
    let bytes = source.as_bytes();
    let mut masked = vec![b' '; bytes.len()];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        masked[i] = bytes[i];
    }
    masked
}

pub(crate) fn parse(source: &str) -> MarkdownParts {
    let mut masked = blank_markup(source);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut strong_spans = Vec::new();
    let mut stack: Vec<OpenBlock> = Vec::new();
    // One per open list; `None` for bullet lists.
    let mut lists: Vec<Option<OrderedList>> = Vec::new();
    let mut in_image = 0usize;
    // Block quotes and lists open at once, and the most seen (the document's nesting depth).
    let mut containers = 0usize;
    let mut max_nesting = 0usize;

    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => stack.push(OpenBlock::new(
                    BlockKind::Heading,
                    range.start,
                    level as u8,
                    None,
                )),
                Tag::Paragraph | Tag::CodeBlock(_) => {
                    // The first paragraph of a list item is the item's own text.
                    let continues_item = stack.last().is_some_and(|b| {
                        b.kind == BlockKind::ListItem && !b.done && b.text_start.is_none()
                    });
                    if !continues_item {
                        stack.push(OpenBlock::new(BlockKind::Paragraph, range.start, 0, None));
                    }
                }
                Tag::TableCell => {
                    stack.push(OpenBlock::new(BlockKind::TableCell, range.start, 0, None))
                }
                Tag::BlockQuote(_) => {
                    containers += 1;
                    max_nesting = max_nesting.max(containers);
                }
                Tag::List(first) => {
                    containers += 1;
                    max_nesting = max_nesting.max(containers);
                    // A nested list ends the text of the item that holds it.
                    if let Some(open) = stack.last_mut() {
                        if open.kind == BlockKind::ListItem && open.text_start.is_some() {
                            let end = open.text_end;
                            open.emit(end, &mut blocks);
                        }
                    }
                    lists.push(first.map(OrderedList::new));
                }
                Tag::Item => {
                    let list_number = lists
                        .last_mut()
                        .and_then(|l| l.as_mut())
                        .map(|list| list.next_item(written_number(&source[range.start..])));
                    let mut item = OpenBlock::new(BlockKind::ListItem, range.start, 0, list_number);
                    let depth: usize = lists.iter().flatten().map(OrderedList::depth).sum();
                    item.list_depth = depth.min(9) as u8;
                    stack.push(item);
                }
                Tag::Strong => strong_spans.push(Span::new(range.start, range.end)),
                Tag::Image { .. } => in_image += 1,
                _ => {}
            },
            Event::End(tag_end) => match tag_end {
                TagEnd::Heading(_) => {
                    close_until(&mut stack, BlockKind::Heading, range.end, &mut blocks)
                }
                TagEnd::TableCell => {
                    close_until(&mut stack, BlockKind::TableCell, range.end, &mut blocks)
                }
                TagEnd::Item => {
                    close_until(&mut stack, BlockKind::ListItem, range.end, &mut blocks)
                }
                TagEnd::Paragraph | TagEnd::CodeBlock => match stack.last_mut() {
                    Some(open) if open.kind == BlockKind::Paragraph => {
                        let mut open = stack.pop().expect("matched above");
                        open.emit(range.end, &mut blocks);
                    }
                    Some(open) if open.kind == BlockKind::ListItem => {
                        open.emit(range.end, &mut blocks)
                    }
                    _ => {}
                },
                TagEnd::List(_) => {
                    lists.pop();
                    containers = containers.saturating_sub(1);
                }
                TagEnd::BlockQuote(_) => containers = containers.saturating_sub(1),
                TagEnd::Image => in_image = in_image.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) | Event::Code(_) => {
                if in_image > 0 {
                    continue;
                }
                // Text after an item's nested list (or outside any block) gets a paragraph of its own.
                if stack.last().is_none_or(|b| b.done) {
                    stack.push(OpenBlock::new(BlockKind::Paragraph, range.start, 0, None));
                }
                let open = stack.last_mut().expect("pushed above");
                let raw = &source[range.clone()];
                masked[range.clone()].copy_from_slice(raw.as_bytes());
                open.text_start.get_or_insert(range.start);
                open.text_end = open.text_end.max(range.end);
            }
            _ => {}
        }
    }
    while let Some(mut open) = stack.pop() {
        let end = open.text_end;
        open.emit(end, &mut blocks);
    }
    blocks.sort_by_key(|b| (b.text_span.start, b.text_span.end));
    // `masked` only ever received whole source ranges from text events (char-aligned) over ASCII
    // spaces, so it is valid UTF-8; fall back to a lossy copy rather than panic if that ever breaks.
    let text = String::from_utf8(masked)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    MarkdownParts {
        text,
        blocks,
        strong_spans,
        max_nesting,
    }
}

#[cfg(test)]
mod tests {
    use super::blank_markup;

    #[test]
    fn blanking_keeps_line_ends_and_blanks_every_other_byte() {
        let source = "# Terms\r\n\r\n“Customer” — see § 4.\n\t**bold**\u{a0}end\r";
        let by_byte: Vec<u8> = source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        assert_eq!(blank_markup(source), by_byte);
        assert_eq!(blank_markup(""), Vec::<u8>::new());
    }
}
