//! A tokenizer for content streams and CMaps: numbers, names, strings, arrays, dictionaries and
//! operators. Hand-written rather than lopdf's parser so that a syntax error costs one token, not
//! the page, and so that no input can make it recurse or allocate without bound.

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok<'a> {
    Num(f32),
    /// A name without its `/`, undecoded (`#xx` escapes are rare in font and XObject names).
    Name(&'a [u8]),
    Str(Vec<u8>),
    ArrOpen,
    ArrClose,
    DictOpen,
    DictClose,
    /// An operator or other keyword (`Tj`, `begincmap`, `true`).
    Op(&'a [u8]),
}

pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

pub(crate) fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_end(&self, from: usize) -> usize {
        let mut end = from;
        while end < self.data.len() && !is_white(self.data[end]) && !is_delim(self.data[end]) {
            end += 1;
        }
        end
    }

    pub(crate) fn next_tok(&mut self) -> Option<Tok<'a>> {
        loop {
            self.skip_space();
            let b = self.peek()?;
            match b {
                b'/' => {
                    let start = self.pos + 1;
                    let end = self.regular_end(start);
                    self.pos = end;
                    return Some(Tok::Name(&self.data[start..end]));
                }
                b'(' => {
                    self.pos += 1;
                    return Some(Tok::Str(self.literal_string()));
                }
                b'<' => {
                    if self.data.get(self.pos + 1) == Some(&b'<') {
                        self.pos += 2;
                        return Some(Tok::DictOpen);
                    }
                    self.pos += 1;
                    return Some(Tok::Str(self.hex_string()));
                }
                b'>' => {
                    self.pos += if self.data.get(self.pos + 1) == Some(&b'>') {
                        2
                    } else {
                        1
                    };
                    return Some(Tok::DictClose);
                }
                b'[' => {
                    self.pos += 1;
                    return Some(Tok::ArrOpen);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Tok::ArrClose);
                }
                b'{' | b'}' | b')' => {
                    // PostScript procedure braces (CMaps) and stray parentheses carry no text.
                    self.pos += 1;
                    continue;
                }
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let start = self.pos;
                    let end = self.regular_end(start).max(start + 1);
                    self.pos = end;
                    return Some(Tok::Num(parse_number(&self.data[start..end])));
                }
                _ => {
                    let start = self.pos;
                    let end = self.regular_end(start).max(start + 1);
                    self.pos = end;
                    return Some(Tok::Op(&self.data[start..end]));
                }
            }
        }
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return out;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_val(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// After `BI`: skip the inline image's dictionary and data, through `EI`.
    pub(crate) fn skip_inline_image(&mut self) {
        // The dictionary: tokens up to `ID`.
        let mut guard = 0usize;
        loop {
            guard += 1;
            match self.next_tok() {
                None => return,
                Some(Tok::Op(b"ID")) => break,
                Some(_) if guard > 10_000 => return,
                Some(_) => {}
            }
        }
        // One whitespace byte, then binary data up to whitespace + `EI` + a delimiter or the end.
        self.pos += 1;
        let d = self.data;
        let mut i = self.pos.max(1);
        while i + 1 < d.len() {
            if is_white(d[i - 1])
                && d[i] == b'E'
                && d[i + 1] == b'I'
                && d.get(i + 2).is_none_or(|&c| is_white(c) || is_delim(c))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = d.len();
    }

    /// Skip a dictionary whose `<<` was just read (nesting counted, not recursed).
    pub(crate) fn skip_dict(&mut self) {
        let mut depth = 1usize;
        while let Some(t) = self.next_tok() {
            match t {
                Tok::DictOpen => depth += 1,
                Tok::DictClose => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

/// Parses a PDF number leniently (`-.5`, `3.`, `--2` as -2); anything unreadable or non-finite is 0.
pub(crate) fn parse_number(s: &[u8]) -> f32 {
    let mut neg = false;
    let mut i = 0;
    while i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        if s[i] == b'-' {
            neg = !neg;
        }
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale = 1.0f64;
    let mut seen_dot = false;
    for &b in &s[i..] {
        match b {
            b'0'..=b'9' => {
                let d = f64::from(b - b'0');
                if seen_dot {
                    scale /= 10.0;
                    frac += d * scale;
                } else {
                    int = int * 10.0 + d;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
    }
    let v = (int + frac) as f32;
    let v = if neg { -v } else { v };
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok<'_>> {
        let mut l = Lexer::new(s.as_bytes());
        std::iter::from_fn(|| l.next_tok()).collect()
    }

    #[test]
    fn reads_operands_and_operators() {
        let t =
            toks("BT /F1 12 Tf 1 0 0 1 72.5 -700 Tm (a\\(b\\) \\101) Tj [<48 65> -250 (x)] TJ ET");
        assert_eq!(t[1], Tok::Name(b"F1"));
        assert_eq!(t[2], Tok::Num(12.0));
        assert_eq!(t[9], Tok::Num(-700.0));
        assert_eq!(t[11], Tok::Str(b"a(b) A".to_vec()));
        assert_eq!(t[13], Tok::ArrOpen);
        assert_eq!(t[14], Tok::Str(b"He".to_vec()));
        assert_eq!(t[15], Tok::Num(-250.0));
    }

    #[test]
    fn skips_inline_images_and_survives_garbage() {
        let mut l = Lexer::new(b"BI /W 1 /H 1 ID \xff\x00EIx EI Q (unterminated <4");
        assert_eq!(l.next_tok(), Some(Tok::Op(b"BI")));
        l.skip_inline_image();
        assert_eq!(l.next_tok(), Some(Tok::Op(b"Q")));
        assert_eq!(l.next_tok(), Some(Tok::Str(b"unterminated <4".to_vec())));
        assert_eq!(l.next_tok(), None);
        assert_eq!(parse_number(b"--2"), 2.0);
        assert_eq!(parse_number(b"-.5"), -0.5);
        assert_eq!(parse_number(b"1e999"), 1.0);
    }
}
