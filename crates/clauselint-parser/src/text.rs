//! Plain text → blocks. Paragraphs are separated by blank lines; a line that opens with a clause
//! number or is an ALL-CAPS title also starts a block, so hard-wrapped contracts split correctly.

use crate::model::{BlockKind, Span};
use crate::numbering;
use crate::RawBlock;

struct Line {
    start: usize,
    /// End of the line's content, before `\r\n` / `\n`.
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(Line { start, end });
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
        });
    }
    out
}

fn trimmed(text: &str, line: &Line) -> Span {
    let s = &text[line.start..line.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(line.start + lead, line.end - trail)
}

pub(crate) fn blocks(text: &str) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut current: Option<(Span, BlockKind)> = None;
    let flush = |current: &mut Option<(Span, BlockKind)>, out: &mut Vec<RawBlock>| {
        if let Some((span, kind)) = current.take() {
            out.push(RawBlock {
                kind,
                span,
                text_span: span,
                heading_level: 0,
                list_number: None,
                list_depth: 0,
            });
        }
    };
    for line in lines(text) {
        let span = trimmed(text, &line);
        if span.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        let content = &text[span.start..span.end];
        if numbering::is_title_line(content) {
            flush(&mut current, &mut out);
            out.push(RawBlock {
                kind: BlockKind::Heading,
                span,
                text_span: span,
                heading_level: 0,
                list_number: None,
                list_depth: 0,
            });
            continue;
        }
        let starts_clause = numbering::leading_number(content).is_some();
        match &mut current {
            Some((open, _)) => {
                let previous = text[open.start..open.end].trim_end();
                let previous_closed = previous.ends_with(['.', ':', ';', '!', '?', '—'])
                    || previous.ends_with("and")
                    || previous.ends_with("or");
                if starts_clause && previous_closed {
                    flush(&mut current, &mut out);
                    current = Some((span, BlockKind::Paragraph));
                } else {
                    open.end = span.end;
                }
            }
            None => current = Some((span, BlockKind::Paragraph)),
        }
    }
    flush(&mut current, &mut out);
    out
}
