//! Fonts: from character codes to Unicode text and advance widths. Handles simple fonts (Type1,
//! TrueType, Type3) with built-in encodings and `/Differences`, composite fonts (Type0 with
//! Identity or embedded CMaps and `/W` widths), and `/ToUnicode` CMaps, which win when present.

use std::collections::HashMap;

use lopdf::{Dictionary, Object};

use super::lexer::{Lexer, Tok};
use super::loader::Loaded;
use super::tables;

/// One decoded character code.
pub(crate) struct Code {
    pub code: u32,
    pub len: u8,
}

#[derive(Default)]
pub(crate) struct CMap {
    /// Code space ranges per byte length (index 0 = one byte).
    codespace: [Vec<(u32, u32)>; 4],
    /// Single mappings keyed by `len << 32 | code`.
    single: HashMap<u64, Box<str>>,
    ranges: Vec<Range>,
    /// CID mappings (for `/Encoding` CMaps of composite fonts).
    cid_single: HashMap<u64, u32>,
    cid_ranges: Vec<(u8, u32, u32, u32)>,
}

struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    target: RangeTarget,
}

enum RangeTarget {
    /// UTF-16 units; the last one is incremented by `code - lo`.
    Base(Vec<u16>),
    List(Vec<Box<str>>),
}

fn code_of(bytes: &[u8]) -> Option<(u32, u8)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let mut v = 0u32;
    for &b in bytes {
        v = v << 8 | u32::from(b);
    }
    Some((v, bytes.len() as u8))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0)))
        .collect()
}

fn utf16_to_string(units: &[u16]) -> Box<str> {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect::<String>()
        .into_boxed_str()
}

fn key(code: u32, len: u8) -> u64 {
    u64::from(len) << 32 | u64::from(code)
}

impl CMap {
    /// Parses the sections of a CMap program that matter for text: code space ranges, bf and cid
    /// mappings. Unknown syntax is skipped; mapping counts are bounded by the input size.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lex = Lexer::new(data);
        let mut operands: Vec<Tok> = Vec::new();
        #[derive(PartialEq)]
        enum Section {
            None,
            Codespace,
            BfChar,
            BfRange,
            CidChar,
            CidRange,
        }
        let mut section = Section::None;
        while let Some(tok) = lex.next_tok() {
            match tok {
                Tok::Op(op) => {
                    match op {
                        b"begincodespacerange" => section = Section::Codespace,
                        b"beginbfchar" => section = Section::BfChar,
                        b"beginbfrange" => section = Section::BfRange,
                        b"begincidchar" => section = Section::CidChar,
                        b"begincidrange" => section = Section::CidRange,
                        b"endcodespacerange" | b"endbfchar" | b"endbfrange" | b"endcidchar"
                        | b"endcidrange" => section = Section::None,
                        _ => {}
                    }
                    operands.clear();
                }
                Tok::ArrOpen if section == Section::BfRange => {
                    // Collect the array's strings as one operand.
                    let mut items = Vec::new();
                    while let Some(t) = lex.next_tok() {
                        match t {
                            Tok::Str(s) => items.push(utf16_to_string(&utf16_units(&s))),
                            Tok::ArrClose => break,
                            _ => {}
                        }
                    }
                    if operands.len() == 2 {
                        cmap.add_range(&operands[0], &operands[1], RangeTarget::List(items));
                    }
                    operands.clear();
                }
                Tok::DictOpen => lex.skip_dict(),
                tok => {
                    operands.push(tok);
                    let need = match section {
                        Section::None => {
                            if operands.len() > 64 {
                                operands.clear();
                            }
                            continue;
                        }
                        Section::Codespace | Section::BfChar | Section::CidChar => 2,
                        Section::BfRange | Section::CidRange => 3,
                    };
                    if operands.len() < need {
                        continue;
                    }
                    match section {
                        Section::Codespace => {
                            if let (Tok::Str(lo), Tok::Str(hi)) = (&operands[0], &operands[1]) {
                                if let (Some((lo, n)), Some((hi, _))) = (code_of(lo), code_of(hi)) {
                                    cmap.codespace[usize::from(n - 1)].push((lo, hi));
                                }
                            }
                        }
                        Section::BfChar => {
                            if let Tok::Str(src) = &operands[0] {
                                if let Some((code, n)) = code_of(src) {
                                    let text = match &operands[1] {
                                        Tok::Str(dst) => Some(utf16_to_string(&utf16_units(dst))),
                                        Tok::Name(name) => glyph_name_to_unicode(name)
                                            .map(|c| c.to_string().into_boxed_str()),
                                        _ => None,
                                    };
                                    if let Some(t) = text {
                                        cmap.single.insert(key(code, n), t);
                                    }
                                }
                            }
                        }
                        Section::BfRange => {
                            if let Tok::Str(dst) = &operands[2] {
                                let target = RangeTarget::Base(utf16_units(dst));
                                cmap.add_range(&operands[0], &operands[1], target);
                            }
                        }
                        Section::CidChar => {
                            if let (Tok::Str(src), Tok::Num(cid)) = (&operands[0], &operands[1]) {
                                if let Some((code, n)) = code_of(src) {
                                    cmap.cid_single.insert(key(code, n), cid.max(0.0) as u32);
                                }
                            }
                        }
                        Section::CidRange => {
                            if let (Tok::Str(lo), Tok::Str(hi), Tok::Num(cid)) =
                                (&operands[0], &operands[1], &operands[2])
                            {
                                if let (Some((lo, n)), Some((hi, _))) = (code_of(lo), code_of(hi)) {
                                    if lo <= hi {
                                        cmap.cid_ranges.push((n, lo, hi, cid.max(0.0) as u32));
                                    }
                                }
                            }
                        }
                        Section::None => {}
                    }
                    operands.clear();
                }
            }
        }
        cmap.ranges.sort_by_key(|r| (r.len, r.lo));
        cmap
    }

    fn add_range(&mut self, lo: &Tok, hi: &Tok, target: RangeTarget) {
        if let (Tok::Str(lo), Tok::Str(hi)) = (lo, hi) {
            if let (Some((lo, n)), Some((hi, _))) = (code_of(lo), code_of(hi)) {
                if lo <= hi {
                    self.ranges.push(Range {
                        len: n,
                        lo,
                        hi,
                        target,
                    });
                }
            }
        }
    }

    fn has_codespace(&self) -> bool {
        self.codespace.iter().any(|v| !v.is_empty())
    }

    /// The length of the code starting at `bytes`, by the code space ranges.
    fn code_len(&self, bytes: &[u8]) -> Option<u8> {
        for n in 1..=bytes.len().min(4) {
            let (code, _) = code_of(&bytes[..n])?;
            if self.codespace[n - 1]
                .iter()
                .any(|&(lo, hi)| lo <= code && code <= hi)
            {
                return Some(n as u8);
            }
        }
        None
    }

    fn lookup(&self, code: u32, len: u8, out: &mut String) -> bool {
        if let Some(t) = self.single.get(&key(code, len)) {
            out.push_str(t);
            return true;
        }
        // Ranges are sorted by (len, lo): find the last one starting at or before the code.
        let idx = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        for r in self.ranges[..idx].iter().rev().take(8) {
            if r.len != len {
                break;
            }
            if code > r.hi {
                continue;
            }
            let off = code - r.lo;
            match &r.target {
                RangeTarget::Base(units) => match units.as_slice() {
                    [single] => out.push(
                        char::from_u32(u32::from(single.wrapping_add(off as u16)))
                            .unwrap_or('\u{fffd}'),
                    ),
                    _ => {
                        let mut units = units.clone();
                        if let Some(last) = units.last_mut() {
                            *last = last.wrapping_add(off as u16);
                        }
                        out.push_str(&utf16_to_string(&units));
                    }
                },
                RangeTarget::List(items) => match items.get(off as usize) {
                    Some(t) => out.push_str(t),
                    None => return false,
                },
            }
            return true;
        }
        false
    }

    fn cid(&self, code: u32, len: u8) -> Option<u32> {
        if let Some(&c) = self.cid_single.get(&key(code, len)) {
            return Some(c);
        }
        self.cid_ranges
            .iter()
            .find(|&&(n, lo, hi, _)| n == len && lo <= code && code <= hi)
            .map(|&(_, lo, _, cid)| cid.saturating_add(code - lo))
    }
}

/// The Unicode character for a glyph name: the Adobe Glyph List subset, `uniXXXX`, `uXXXX[XX]`,
/// and names with a suffix (`a.sc`, `f_i` handled by the table).
pub(crate) fn glyph_name_to_unicode(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if let Ok(i) = tables::GLYPH_NAMES.binary_search_by(|(n, _)| (*n).cmp(base)) {
        return char::from_u32(u32::from(tables::GLYPH_NAMES[i].1));
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Simple,
    Type3,
    Composite,
}

pub(crate) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// For composite fonts with an embedded `/Encoding` CMap: code space and CIDs.
    encoding_cmap: Option<CMap>,
    /// Simple fonts: code → Unicode (0 = unknown).
    simple: [u16; 256],
    /// Simple fonts: widths by code, in glyph units (1/1000 of text space for non-Type3).
    widths: Vec<f32>,
    first_char: u32,
    missing_width: f32,
    /// Composite fonts: CID widths.
    cid_widths: HashMap<u32, f32>,
    cid_ranges: Vec<(u32, u32, f32)>,
    default_width: f32,
    /// Glyph units → text space (0.001 except for Type3 fonts).
    pub(crate) scale: f32,
    /// Vertical size of glyphs relative to the font size (Type3 fonts with unusual matrices).
    pub(crate) height: f32,
}

/// Standard-14 metrics for fonts that omit `/Widths`, characters 32..=126 (Adobe AFM values).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

impl Font {
    pub(crate) fn load(pdf: &Loaded, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let kind = match subtype {
            b"Type0" => Kind::Composite,
            b"Type3" => Kind::Type3,
            _ => Kind::Simple,
        };
        let to_unicode = pdf
            .resolve(dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| pdf.stream_data(s))
            .map(|d| CMap::parse(&d));
        let mut font = Font {
            kind,
            to_unicode,
            encoding_cmap: None,
            simple: [0; 256],
            widths: Vec::new(),
            first_char: 0,
            missing_width: 0.0,
            cid_widths: HashMap::new(),
            cid_ranges: Vec::new(),
            default_width: 1000.0,
            scale: 0.001,
            height: 1.0,
        };
        match kind {
            Kind::Composite => font.load_composite(pdf, dict),
            Kind::Simple | Kind::Type3 => font.load_simple(pdf, dict),
        }
        font
    }

    fn load_composite(&mut self, pdf: &Loaded, dict: &Dictionary) {
        if let Some(Object::Stream(s)) = pdf.resolve(dict.get(b"Encoding").ok()) {
            if let Some(d) = pdf.stream_data(s) {
                let cmap = CMap::parse(&d);
                if cmap.has_codespace() {
                    self.encoding_cmap = Some(cmap);
                }
            }
        }
        let descendant = pdf
            .resolve(dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| pdf.resolve(Some(o)))
            .and_then(|o| o.as_dict().ok());
        let Some(desc) = descendant else { return };
        if let Some(dw) = pdf.resolve(desc.get(b"DW").ok()).and_then(num) {
            self.default_width = dw;
        }
        let Some(w) = pdf
            .resolve(desc.get(b"W").ok())
            .and_then(|o| o.as_array().ok())
        else {
            return;
        };
        let mut i = 0;
        while i < w.len() {
            let Some(first) = pdf.resolve(Some(&w[i])).and_then(num) else {
                break;
            };
            let first = first.max(0.0) as u32;
            match w.get(i + 1).and_then(|o| pdf.resolve(Some(o))) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().enumerate().take(65_536) {
                        if let Some(v) = pdf.resolve(Some(o)).and_then(num) {
                            self.cid_widths.insert(first.saturating_add(k as u32), v);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = num(last).unwrap_or(0.0).max(0.0) as u32;
                    let v = w
                        .get(i + 2)
                        .and_then(|o| pdf.resolve(Some(o)))
                        .and_then(num)
                        .unwrap_or(self.default_width);
                    if first <= last {
                        self.cid_ranges.push((first, last, v));
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_simple(&mut self, pdf: &Loaded, dict: &Dictionary) {
        let base_font = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| {
                let n = String::from_utf8_lossy(n).into_owned();
                // Drop a subset prefix ("ABCDEF+Times").
                match n.split_once('+') {
                    Some((p, rest)) if p.len() == 6 => rest.to_string(),
                    _ => n,
                }
            })
            .unwrap_or_default();
        let descriptor = pdf
            .resolve(dict.get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok());
        let flags = descriptor
            .and_then(|d| pdf.resolve(d.get(b"Flags").ok()))
            .and_then(num)
            .unwrap_or(0.0) as i64;
        let symbolic = flags & 4 != 0 && flags & 32 == 0;
        let lower = base_font.to_ascii_lowercase();

        // Base encoding.
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let mut table = if lower.contains("symbol") && !lower.contains("wingding") {
            tables::SYMBOL
        } else if subtype == b"TrueType" || symbolic {
            tables::WIN_ANSI
        } else {
            tables::STANDARD
        };
        let encoding = pdf.resolve(dict.get(b"Encoding").ok());
        let named = |n: &[u8]| match n {
            b"WinAnsiEncoding" => Some(tables::WIN_ANSI),
            b"MacRomanEncoding" => Some(tables::MAC_ROMAN),
            b"StandardEncoding" => Some(tables::STANDARD),
            _ => None,
        };
        let mut differences: Option<&Vec<Object>> = None;
        match encoding {
            Some(Object::Name(n)) => {
                if let Some(t) = named(n) {
                    table = t;
                }
            }
            Some(Object::Dictionary(d)) => {
                if let Some(t) = d
                    .get(b"BaseEncoding")
                    .ok()
                    .and_then(|o| o.as_name().ok())
                    .and_then(named)
                {
                    table = t;
                }
                differences = pdf
                    .resolve(d.get(b"Differences").ok())
                    .and_then(|o| o.as_array().ok());
            }
            _ => {}
        }
        self.simple = table;
        if let Some(diffs) = differences {
            let mut code = 0usize;
            for o in diffs {
                match pdf.resolve(Some(o)) {
                    Some(Object::Integer(i)) => code = (*i).clamp(0, 256) as usize,
                    Some(Object::Name(n)) => {
                        if code < 256 {
                            self.simple[code] = glyph_name_to_unicode(n)
                                .map(|c| {
                                    let c = c as u32;
                                    if c <= 0xffff {
                                        c as u16
                                    } else {
                                        0xfffd
                                    }
                                })
                                .unwrap_or(0);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }

        // Widths.
        self.first_char = pdf
            .resolve(dict.get(b"FirstChar").ok())
            .and_then(num)
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        if let Some(w) = pdf
            .resolve(dict.get(b"Widths").ok())
            .and_then(|o| o.as_array().ok())
        {
            self.widths = w
                .iter()
                .take(256)
                .map(|o| pdf.resolve(Some(o)).and_then(num).unwrap_or(0.0))
                .collect();
        }
        self.missing_width = descriptor
            .and_then(|d| pdf.resolve(d.get(b"MissingWidth").ok()))
            .and_then(num)
            .unwrap_or(0.0);
        if self.kind == Kind::Type3 {
            if let Some(m) = pdf
                .resolve(dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
            {
                let v: Vec<f32> = m
                    .iter()
                    .map(|o| pdf.resolve(Some(o)).and_then(num).unwrap_or(0.0))
                    .collect();
                if v.len() >= 4 && v[0].abs() > 1e-6 {
                    self.scale = v[0].abs();
                    self.height = (v[3].abs() * 1000.0).clamp(0.05, 20.0);
                }
            }
        }
        if self.widths.is_empty() && self.kind == Kind::Simple {
            // Standard-14 font (or one that omits widths): built-in metrics.
            let metrics: Option<&[u16; 95]> = if lower.contains("courier") {
                None
            } else if lower.contains("times") {
                Some(&TIMES)
            } else {
                Some(&HELVETICA)
            };
            self.first_char = 0;
            self.widths = (0..256u32)
                .map(|c| match metrics {
                    None => 600.0,
                    Some(m) => {
                        let u = u32::from(self.simple[c as usize]);
                        let idx = if (32..=126).contains(&u) { u } else { c };
                        if (32..=126).contains(&idx) {
                            f32::from(m[(idx - 32) as usize])
                        } else {
                            500.0
                        }
                    }
                })
                .collect();
        }
    }

    /// Splits a string operand into character codes.
    pub(crate) fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        out.clear();
        if self.kind != Kind::Composite {
            out.extend(bytes.iter().map(|&b| Code {
                code: u32::from(b),
                len: 1,
            }));
            return;
        }
        let cmap = self
            .encoding_cmap
            .as_ref()
            .or(self.to_unicode.as_ref().filter(|c| c.has_codespace()));
        let mut i = 0;
        while i < bytes.len() {
            let n = cmap
                .and_then(|c| c.code_len(&bytes[i..]))
                .map_or(2, usize::from)
                .min(bytes.len() - i);
            let (code, len) = code_of(&bytes[i..i + n]).unwrap_or((0, 1));
            out.push(Code { code, len });
            i += n.max(1);
        }
    }

    /// Width of a code in glyph units.
    pub(crate) fn width(&self, c: &Code) -> f32 {
        match self.kind {
            Kind::Composite => {
                let cid = self
                    .encoding_cmap
                    .as_ref()
                    .and_then(|m| m.cid(c.code, c.len))
                    .unwrap_or(c.code);
                if let Some(&w) = self.cid_widths.get(&cid) {
                    return w;
                }
                self.cid_ranges
                    .iter()
                    .find(|&&(lo, hi, _)| lo <= cid && cid <= hi)
                    .map_or(self.default_width, |&(_, _, w)| w)
            }
            Kind::Simple | Kind::Type3 => c
                .code
                .checked_sub(self.first_char)
                .and_then(|i| self.widths.get(i as usize))
                .copied()
                .filter(|&w| w > 0.0 || self.kind == Kind::Type3)
                .unwrap_or(if self.missing_width > 0.0 {
                    self.missing_width
                } else if self.kind == Kind::Type3 {
                    0.0
                } else {
                    500.0
                }),
        }
    }

    /// Appends the Unicode text of a code; returns false when the font does not say.
    pub(crate) fn text(&self, c: &Code, out: &mut String) -> bool {
        if let Some(cmap) = &self.to_unicode {
            let before = out.len();
            if cmap.lookup(c.code, c.len, out) {
                // Some producers map glyphs to NUL or the replacement character; fall back.
                if !out[before..].contains(['\0', '\u{fffd}']) {
                    return true;
                }
                out.truncate(before);
            }
        }
        if self.kind == Kind::Composite {
            return false;
        }
        let u = self.simple.get(c.code as usize).copied().unwrap_or(0);
        if u != 0 {
            if let Some(ch) = char::from_u32(u32::from(u)) {
                out.push(ch);
                return true;
            }
        }
        false
    }

    /// Whether a code is the single-byte space that word spacing (`Tw`) applies to.
    pub(crate) fn is_word_space(&self, c: &Code) -> bool {
        c.len == 1 && c.code == 32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_to_unicode_cmaps() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar\n\
              1 beginbfrange <0024> <0026> <0041> endbfrange\n\
              1 beginbfrange <0030> <0031> [<0078> <D83DDE00>] endbfrange\n\
              endcmap CMapName currentdict /CMap defineresource pop end end",
        );
        let mut s = String::new();
        for code in [0x03, 0x11, 0x25, 0x31] {
            assert!(cmap.lookup(code, 2, &mut s));
        }
        assert_eq!(s, " fiB😀");
        assert!(!cmap.lookup(0x99, 2, &mut s));
        assert_eq!(cmap.code_len(&[0, 3, 0]), Some(2));
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode(b"quoteright"), Some('’'));
        assert_eq!(glyph_name_to_unicode(b"uni00E9"), Some('é'));
        assert_eq!(glyph_name_to_unicode(b"a.sc"), Some('a'));
        assert_eq!(glyph_name_to_unicode(b"fi"), Some('\u{fb01}'));
        assert_eq!(glyph_name_to_unicode(b"g123"), None);
    }
}
