//! Byte offset ↔ line/column conversion. Columns are counted in characters (1-based) for people and
//! in UTF-16 code units (0-based) for the language server protocol.

#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

/// A 1-based line and 1-based character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// 1-based line and character column. Offsets inside a character are rounded down to it.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// 0-based line and UTF-16 column, as the language server protocol counts them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let before = &text[start..offset];
        // An ASCII stretch (a vectorised test) counts one unit per byte.
        let col: usize = if before.is_ascii() {
            before.len()
        } else {
            before.chars().map(char::len_utf16).sum()
        };
        (line as u32, col as u32)
    }

    /// The byte offset of a 0-based line and UTF-16 column, clamped to the line's end so that
    /// out-of-range positions from a client never panic.
    pub fn offset_of_utf16(&self, text: &str, line: u32, utf16_col: u32) -> usize {
        let Some(&start) = self.line_starts.get(line as usize) else {
            return text.len();
        };
        let line_end = self
            .line_starts
            .get(line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let mut remaining = utf16_col as usize;
        let mut offset = start;
        for ch in text[start..line_end].chars() {
            if remaining < ch.len_utf16() {
                break;
            }
            remaining -= ch.len_utf16();
            offset += ch.len_utf8();
        }
        offset
    }
}

/// The nearest char boundary at or before `offset` (clamped to the text).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "§ 1 “Data”\r\nmeans — all";
        let idx = LineIndex::new(text);
        let data = text.find("Data").unwrap();
        assert_eq!(idx.line_col(text, data), LineCol { line: 1, column: 6 });
        let means = text.find("means").unwrap();
        assert_eq!(idx.line_col(text, means), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn utf16_round_trips_with_emoji_and_curly_quotes() {
        let text = "a 😀 “b”\nc";
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let (line, col) = idx.utf16_position(text, offset);
            assert_eq!(idx.offset_of_utf16(text, line, col), offset);
        }
        let b = text.find('b').unwrap();
        assert_eq!(idx.utf16_position(text, b), (0, 6));
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset_of_utf16(text, 0, 99), 2);
        assert_eq!(idx.offset_of_utf16(text, 9, 0), text.len());
    }
}
