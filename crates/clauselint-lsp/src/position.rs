//! Byte offsets ↔ LSP positions (0-based line, UTF-16 code units), on a rope.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says (ropey's `cr_lines`). Every
//! conversion clamps: a position past the end of its line lands on the line's end (before the line
//! break), a line past the end of the document lands on the document's end, and a byte offset inside
//! a character rounds down to it. Nothing here panics on any input.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

use clauselint_parser::LineIndex;
use clauselint_parser::Span;

/// The char index just past the last character of `line` that is not part of its line break.
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let next = if line + 1 < rope.len_lines() {
        rope.line_to_char(line + 1)
    } else {
        rope.len_chars()
    };
    let start = rope.line_to_char(line);
    let mut end = next;
    if end > start && rope.char(end - 1) == '\n' {
        end -= 1;
    }
    if end > start && rope.char(end - 1) == '\r' {
        end -= 1;
    }
    end
}

/// The char index of an LSP position, clamped to the document.
pub fn char_of_position(rope: &Rope, pos: Position) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let end = line_content_end(rope, line);
    let start_cu = rope.char_to_utf16_cu(start);
    let end_cu = rope.char_to_utf16_cu(end);
    let target = start_cu.saturating_add(pos.character as usize).min(end_cu);
    // Inside a surrogate pair, ropey rounds down to the character that contains it.
    rope.utf16_cu_to_char(target)
}

/// The byte offset of an LSP position, clamped to the document.
pub fn offset_of_position(rope: &Rope, pos: Position) -> usize {
    rope.char_to_byte(char_of_position(rope, pos))
}

/// The LSP position of a byte offset (clamped; an offset inside a character rounds down).
pub fn position_of_offset(rope: &Rope, offset: usize) -> Position {
    let ch = rope.byte_to_char(offset.min(rope.len_bytes()));
    let line = rope.char_to_line(ch);
    let line_start = rope.line_to_char(line);
    let col = rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_start);
    Position::new(to_u32(line), to_u32(col))
}

/// Converts the many spans of one analysed text (its diagnostics) to LSP ranges. The document's
/// own line index answers with a binary search and a count within one line, where the rope takes
/// five tree walks per position; it splits lines at `\n` only, so a text with a lone `\r` (a line
/// break to the protocol) goes through the rope.
pub enum Positions<'a> {
    Lines { text: &'a str, lines: &'a LineIndex },
    Rope(&'a Rope),
}

impl<'a> Positions<'a> {
    /// `text` and `lines` must be the rope's text and its line index.
    pub fn new(rope: &'a Rope, text: &'a str, lines: &'a LineIndex) -> Self {
        let bytes = text.as_bytes();
        let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
        if lone_cr || text.len() != rope.len_bytes() {
            Positions::Rope(rope)
        } else {
            Positions::Lines { text, lines }
        }
    }

    pub fn range(&self, span: Span) -> Range {
        match self {
            Positions::Rope(rope) => range_of_span(rope, span),
            Positions::Lines { text, lines } => {
                let at = |offset: usize| {
                    let (line, character) = lines.utf16_position(text, offset);
                    Position::new(line, character)
                };
                Range::new(at(span.start), at(span.end.max(span.start)))
            }
        }
    }
}

pub fn range_of_span(rope: &Rope, span: Span) -> Range {
    let start = position_of_offset(rope, span.start);
    let end = position_of_offset(rope, span.end.max(span.start));
    Range::new(start, end)
}

/// The byte span of an LSP range, ordered and clamped.
pub fn span_of_range(rope: &Rope, range: Range) -> Span {
    let a = offset_of_position(rope, range.start);
    let b = offset_of_position(rope, range.end);
    Span::new(a.min(b), a.max(b))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Applies one content change from `textDocument/didChange`: a ranged replacement, or the whole
/// text when the change has no range.
pub fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let a = char_of_position(rope, range.start);
            let b = char_of_position(rope, range.end);
            let (start, end) = (a.min(b), a.max(b));
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

/// The line break used by the line containing `offset` (`"\r\n"`, `"\r"` or `"\n"`); `"\n"` for a
/// last line without one, following the line before it when there is one.
pub fn line_break_at(rope: &Rope, offset: usize) -> &'static str {
    let line = rope.byte_to_line(offset.min(rope.len_bytes()));
    let probe = |l: usize| -> Option<&'static str> {
        let end = line_content_end(rope, l);
        let next = if l + 1 < rope.len_lines() {
            rope.line_to_char(l + 1)
        } else {
            rope.len_chars()
        };
        match next - end {
            0 => None,
            2 => Some("\r\n"),
            _ if rope.char(end) == '\r' => Some("\r"),
            _ => Some("\n"),
        }
    };
    probe(line)
        .or_else(|| line.checked_sub(1).and_then(probe))
        .unwrap_or("\n")
}

/// Byte offset of the start of the line containing `offset`.
pub fn line_start_of(rope: &Rope, offset: usize) -> usize {
    let line = rope.byte_to_line(offset.min(rope.len_bytes()));
    rope.line_to_byte(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Texts of random pieces: ASCII words, curly quotes, `§`, em dashes, emoji, and every kind
    /// of line break.
    fn random_text(seed: &mut u64) -> String {
        const PIECES: &[&str] = &[
            "word ",
            "Customer Data",
            "“",
            "”",
            "§ 4",
            "—",
            "😀",
            "é",
            "\n",
            "\r\n",
            "\r",
            ". ",
            "\n\n",
        ];
        let mut text = String::new();
        for _ in 0..(next(seed) % 60) {
            text.push_str(PIECES[(next(seed) % PIECES.len() as u64) as usize]);
        }
        text
    }

    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn the_line_index_gives_the_ropes_positions() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut by_lines = 0;
        for _ in 0..2000 {
            let text = random_text(&mut seed);
            let rope = Rope::from_str(&text);
            let lines = LineIndex::new(&text);
            let positions = Positions::new(&rope, &text, &lines);
            if matches!(positions, Positions::Lines { .. }) {
                by_lines += 1;
            } else {
                assert!(text.contains('\r'), "{text:?}");
            }
            // Every offset, character boundaries or not, and past the end.
            for start in 0..=text.len() + 1 {
                let end = start + (next(&mut seed) % 8) as usize;
                let span = Span::new(start, end);
                assert_eq!(
                    positions.range(span),
                    range_of_span(&rope, span),
                    "{text:?} {span:?}"
                );
            }
        }
        assert!(by_lines > 300, "the fast path was taken {by_lines} times");
    }

    #[test]
    fn curly_quotes_section_sign_and_emoji_count_in_utf16_units() {
        let text = "§ 1 “Data” 😀 means\nnext";
        let rope = Rope::from_str(text);
        // "§ 1 “" is 5 UTF-16 units; "Data" starts there.
        let data = text.find("Data").unwrap();
        assert_eq!(position_of_offset(&rope, data), pos(0, 5));
        // The emoji is two UTF-16 units: "means" is at 5 + 4 + 1 (”) + 1 + 2 + 1 = 14.
        let means = text.find("means").unwrap();
        assert_eq!(position_of_offset(&rope, means), pos(0, 14));
        assert_eq!(offset_of_position(&rope, pos(0, 14)), means);
        // Every character boundary round-trips.
        for (offset, _) in text.char_indices() {
            let p = position_of_offset(&rope, offset);
            assert_eq!(offset_of_position(&rope, p), offset, "{p:?}");
        }
    }

    #[test]
    fn agrees_with_the_parser_line_index_on_lf_text() {
        let text = "“Customer Content” means — data 😀.\n§ 10.4 applies.\n\nEnd";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let (line, col) = idx.utf16_position(text, offset);
            assert_eq!(position_of_offset(&rope, offset), pos(line, col));
            assert_eq!(offset_of_position(&rope, pos(line, col)), offset);
        }
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_rounds_down() {
        let text = "a😀b";
        let rope = Rope::from_str(text);
        assert_eq!(offset_of_position(&rope, pos(0, 2)), 1);
        assert_eq!(offset_of_position(&rope, pos(0, 3)), 5);
        // A byte offset inside the emoji rounds down to it.
        assert_eq!(position_of_offset(&rope, 3), pos(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines_and_columns_clamp_before_them() {
        let text = "ab\r\ncd\ref\ngh";
        let rope = Rope::from_str(text);
        assert_eq!(
            position_of_offset(&rope, text.find('c').unwrap()),
            pos(1, 0)
        );
        assert_eq!(
            position_of_offset(&rope, text.find('e').unwrap()),
            pos(2, 0)
        );
        assert_eq!(
            position_of_offset(&rope, text.find('g').unwrap()),
            pos(3, 0)
        );
        // Past the end of "ab": before the CR, never between CR and LF.
        assert_eq!(offset_of_position(&rope, pos(0, 99)), 2);
        assert_eq!(offset_of_position(&rope, pos(1, 99)), 6);
        assert_eq!(line_break_at(&rope, 0), "\r\n");
        assert_eq!(line_break_at(&rope, text.find('c').unwrap()), "\r");
        assert_eq!(line_break_at(&rope, text.find('e').unwrap()), "\n");
        assert_eq!(line_break_at(&rope, text.len()), "\n");
        assert_eq!(line_start_of(&rope, text.find('d').unwrap()), 4);
    }

    #[test]
    fn out_of_range_positions_clamp_and_never_panic() {
        let text = "ab\ncd";
        let rope = Rope::from_str(text);
        assert_eq!(offset_of_position(&rope, pos(0, 99)), 2);
        assert_eq!(offset_of_position(&rope, pos(9, 0)), text.len());
        assert_eq!(
            offset_of_position(&rope, pos(u32::MAX, u32::MAX)),
            text.len()
        );
        assert_eq!(position_of_offset(&rope, usize::MAX), pos(1, 2));
        let empty = Rope::new();
        assert_eq!(offset_of_position(&empty, pos(3, 3)), 0);
        assert_eq!(position_of_offset(&empty, 7), pos(0, 0));
        assert_eq!(line_break_at(&empty, 0), "\n");
        // A reversed range is ordered.
        let span = span_of_range(&rope, Range::new(pos(1, 1), pos(0, 1)));
        assert_eq!(span, Span::new(1, 4));
    }

    #[test]
    fn incremental_changes_apply_in_utf16_units() {
        let mut rope = Rope::from_str("“Data” 😀 x\r\nline two");
        let change = |range: Option<Range>, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        };
        // Replace the "x" after the emoji (col 10: “ D a t a ” sp 😀(2) sp).
        apply_change(
            &mut rope,
            &change(Some(Range::new(pos(0, 10), pos(0, 11))), "§"),
        );
        assert_eq!(rope.to_string(), "“Data” 😀 §\r\nline two");
        // Insert at the very end of a CRLF line, past its end: lands before the CR.
        apply_change(
            &mut rope,
            &change(Some(Range::new(pos(0, 50), pos(0, 50))), "!"),
        );
        assert_eq!(rope.to_string(), "“Data” 😀 §!\r\nline two");
        // Join the lines by deleting the CRLF.
        apply_change(
            &mut rope,
            &change(Some(Range::new(pos(0, 12), pos(1, 0))), " "),
        );
        assert_eq!(rope.to_string(), "“Data” 😀 §! line two");
        // Out-of-range edits clamp to the end.
        apply_change(
            &mut rope,
            &change(Some(Range::new(pos(7, 0), pos(9, 9))), "."),
        );
        assert_eq!(rope.to_string(), "“Data” 😀 §! line two.");
        apply_change(&mut rope, &change(None, "fresh"));
        assert_eq!(rope.to_string(), "fresh");
    }
}
