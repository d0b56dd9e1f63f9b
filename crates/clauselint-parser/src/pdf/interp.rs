//! Runs a page's content streams (and the form XObjects they draw) far enough to know where every
//! character lands: the text and graphics state operators, nothing that paints.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Object, ObjectId};

use super::font::{Code, Font};
use super::lexer::{Lexer, Tok};
use super::loader::Loaded;
use super::PdfError;

/// `[a b c d e f]`: a PDF transformation matrix (row-vector convention).
pub(crate) type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1 × m2`: first `m1`, then `m2`.
pub(crate) fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

fn sane(m: Matrix) -> Matrix {
    if m.iter().all(|v| v.is_finite() && v.abs() < 1e7) {
        m
    } else {
        IDENTITY
    }
}

/// One character as placed on the page, in default user space.
#[derive(Clone, Debug)]
pub(crate) struct RawGlyph {
    /// Origin of the glyph.
    pub ox: f32,
    pub oy: f32,
    /// Advance along the baseline direction.
    pub adv: f32,
    /// Height of the text (font size in user space).
    pub size: f32,
    /// Baseline direction: 0 = left to right, 1 = bottom to top, 2 = upside down, 3 = top to bottom.
    pub dir: u8,
    pub ch: char,
    /// Inside `/Artifact` marked content (headers, footers, page numbers in tagged PDFs).
    pub artifact: bool,
}

#[derive(Default)]
pub(crate) struct PageContent {
    pub glyphs: Vec<RawGlyph>,
    pub images: usize,
    /// Characters whose font gives no Unicode mapping.
    pub unmapped: usize,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
}

pub(crate) struct Interp<'a> {
    pdf: &'a Loaded,
    fonts: HashMap<ObjectId, Rc<Font>>,
    ops: usize,
    glyphs_total: usize,
    codes: Vec<Code>,
    text: String,
}

enum Operand<'a> {
    T(Tok<'a>),
    Arr(Vec<Tok<'a>>),
}

fn num(o: Option<&Operand>) -> f32 {
    match o {
        Some(Operand::T(Tok::Num(n))) => *n,
        _ => 0.0,
    }
}

fn nums<const N: usize>(ops: &[Operand]) -> Option<[f32; N]> {
    if ops.len() < N {
        return None;
    }
    let base = ops.len() - N;
    let mut out = [0.0; N];
    for (i, o) in ops[base..].iter().enumerate() {
        match o {
            Operand::T(Tok::Num(n)) => out[i] = *n,
            _ => return None,
        }
    }
    Some(out)
}

struct Frame<'r> {
    resources: Option<&'r Dictionary>,
    depth: usize,
}

impl<'a> Interp<'a> {
    pub(crate) fn new(pdf: &'a Loaded) -> Self {
        Interp {
            pdf,
            fonts: HashMap::new(),
            ops: 0,
            glyphs_total: 0,
            codes: Vec::new(),
            text: String::new(),
        }
    }

    pub(crate) fn run_page(&mut self, page: &Dictionary) -> Result<PageContent, PdfError> {
        let pdf = self.pdf;
        let resources = pdf
            .inherited(page, b"Resources")
            .and_then(|o| o.as_dict().ok());
        let mut data = Vec::new();
        let contents = page.get(b"Contents").ok();
        let parts: Vec<&Object> = match pdf.resolve(contents) {
            Some(Object::Array(a)) => a.iter().collect(),
            Some(o) => vec![o],
            None => Vec::new(),
        };
        for part in parts {
            if let Some(Object::Stream(s)) = pdf.resolve(Some(part)) {
                if let Some(d) = pdf.stream_data(s) {
                    data.extend_from_slice(&d);
                    data.push(b'\n');
                }
            }
            if let Some(e) = pdf.take_tripped() {
                return Err(e);
            }
        }
        let mut out = PageContent::default();
        let gs = GState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut visiting = Vec::new();
        self.run(
            &data,
            Frame {
                resources,
                depth: 0,
            },
            gs,
            &mut out,
            &mut visiting,
        )?;
        Ok(out)
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let pdf = self.pdf;
        let fonts = pdf.dict(resources?.get(b"Font").ok())?;
        let entry = fonts.get(name).ok()?;
        if let Object::Reference(id) = entry {
            if let Some(f) = self.fonts.get(id) {
                return Some(f.clone());
            }
            let dict = pdf.dict(Some(entry))?;
            let f = Rc::new(Font::load(pdf, dict));
            self.fonts.insert(*id, f.clone());
            return Some(f);
        }
        let dict = pdf.dict(Some(entry))?;
        Some(Rc::new(Font::load(pdf, dict)))
    }

    fn run(
        &mut self,
        data: &[u8],
        frame: Frame<'_>,
        mut gs: GState,
        out: &mut PageContent,
        visiting: &mut Vec<ObjectId>,
    ) -> Result<(), PdfError> {
        let pdf = self.pdf;
        let limits = &pdf.limits;
        let mut lex = Lexer::new(data);
        let mut stack: Vec<GState> = Vec::new();
        let mut operands: Vec<Operand> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        // Marked content: whether each open sequence is an artifact.
        let mut marked: Vec<bool> = Vec::new();
        while let Some(tok) = lex.next_tok() {
            let op = match tok {
                Tok::Op(op) => op,
                Tok::ArrOpen => {
                    let mut items = Vec::new();
                    let mut depth = 1usize;
                    while let Some(t) = lex.next_tok() {
                        match t {
                            Tok::ArrOpen => depth += 1,
                            Tok::ArrClose => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            Tok::DictOpen => lex.skip_dict(),
                            Tok::Op(_) | Tok::DictClose => {}
                            t if items.len() < 1_000_000 => items.push(t),
                            _ => {}
                        }
                    }
                    operands.push(Operand::Arr(items));
                    continue;
                }
                Tok::DictOpen => {
                    lex.skip_dict();
                    operands.push(Operand::T(Tok::DictOpen));
                    continue;
                }
                Tok::ArrClose | Tok::DictClose => continue,
                t => {
                    if operands.len() >= 1024 {
                        operands.clear();
                    }
                    operands.push(Operand::T(t));
                    continue;
                }
            };
            self.ops += 1;
            if self.ops > limits.max_operations {
                return Err(PdfError::LimitExceeded {
                    what: "content operation count",
                    limit: limits.max_operations.to_string(),
                });
            }
            if self.ops.is_multiple_of(8192) {
                pdf.check_time()?;
            }
            match op {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = nums::<6>(&operands) {
                        gs.ctm = sane(mul(&m, &gs.ctm));
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    gs.size = num(operands.last());
                    let name = operands.iter().rev().find_map(|o| match o {
                        Operand::T(Tok::Name(n)) => Some(*n),
                        _ => None,
                    });
                    gs.font = name.and_then(|n| self.font(frame.resources, n));
                    if let Some(e) = pdf.take_tripped() {
                        return Err(e);
                    }
                }
                b"Tc" => gs.char_space = num(operands.last()),
                b"Tw" => gs.word_space = num(operands.last()),
                b"Tz" => gs.hscale = num(operands.last()) / 100.0,
                b"TL" => gs.leading = num(operands.last()),
                b"Ts" => gs.rise = num(operands.last()),
                b"Td" | b"TD" => {
                    if let Some([tx, ty]) = nums::<2>(&operands) {
                        if op == b"TD" {
                            gs.leading = -ty;
                        }
                        tlm = sane(mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm));
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = nums::<6>(&operands) {
                        tlm = sane(m);
                        tm = tlm;
                    }
                }
                b"T*" => {
                    tlm = sane(mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm));
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"\"" {
                        if let Some([aw, ac]) =
                            nums::<2>(&operands[..operands.len().saturating_sub(1)])
                        {
                            gs.word_space = aw;
                            gs.char_space = ac;
                        }
                    }
                    if op == b"'" || op == b"\"" {
                        tlm = sane(mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm));
                        tm = tlm;
                    }
                    let artifact = marked.iter().any(|&a| a);
                    match operands.pop() {
                        Some(Operand::T(Tok::Str(s))) => {
                            self.show(&s, &gs, &mut tm, artifact, out)?;
                        }
                        Some(Operand::Arr(items)) => {
                            for item in items {
                                match item {
                                    Tok::Str(s) => self.show(&s, &gs, &mut tm, artifact, out)?,
                                    Tok::Num(n) => {
                                        let tx = -n / 1000.0 * gs.size * gs.hscale;
                                        tm = sane(mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm));
                                    }
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                b"BMC" | b"BDC" => {
                    let tag = operands.iter().find_map(|o| match o {
                        Operand::T(Tok::Name(n)) => Some(*n),
                        _ => None,
                    });
                    if marked.len() < 256 {
                        marked.push(tag == Some(b"Artifact"));
                    }
                }
                b"EMC" => {
                    marked.pop();
                }
                b"BI" => {
                    lex.skip_inline_image();
                    out.images += 1;
                }
                b"Do" => {
                    if let Some(Operand::T(Tok::Name(name))) = operands.last() {
                        self.draw_xobject(name, &frame, &gs, out, visiting)?;
                    }
                }
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }

    fn draw_xobject(
        &mut self,
        name: &[u8],
        frame: &Frame<'_>,
        gs: &GState,
        out: &mut PageContent,
        visiting: &mut Vec<ObjectId>,
    ) -> Result<(), PdfError> {
        let pdf = self.pdf;
        let Some(xobjects) = frame
            .resources
            .and_then(|r| pdf.dict(r.get(b"XObject").ok()))
        else {
            return Ok(());
        };
        let Ok(entry) = xobjects.get(name) else {
            return Ok(());
        };
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Some(Object::Stream(stream)) = pdf.resolve(Some(entry)) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => out.images += 1,
            Ok(b"Form") => {
                if frame.depth >= pdf.limits.max_nesting {
                    return Err(PdfError::LimitExceeded {
                        what: "form nesting depth",
                        limit: pdf.limits.max_nesting.to_string(),
                    });
                }
                if id.is_some_and(|id| visiting.contains(&id)) {
                    return Ok(()); // a form that draws itself
                }
                let Some(data) = pdf.stream_data(stream) else {
                    return match pdf.take_tripped() {
                        Some(e) => Err(e),
                        None => Ok(()),
                    };
                };
                let matrix = pdf
                    .resolve(stream.dict.get(b"Matrix").ok())
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| {
                        let v: Vec<f32> = a
                            .iter()
                            .filter_map(|o| match pdf.resolve(Some(o)) {
                                Some(Object::Integer(i)) => Some(*i as f32),
                                Some(Object::Real(r)) => Some(*r),
                                _ => None,
                            })
                            .collect();
                        (v.len() == 6).then(|| [v[0], v[1], v[2], v[3], v[4], v[5]])
                    })
                    .unwrap_or(IDENTITY);
                let mut inner = gs.clone();
                inner.ctm = sane(mul(&matrix, &gs.ctm));
                let resources = pdf
                    .dict(stream.dict.get(b"Resources").ok())
                    .or(frame.resources);
                if let Some(id) = id {
                    visiting.push(id);
                }
                let result = self.run(
                    &data,
                    Frame {
                        resources,
                        depth: frame.depth + 1,
                    },
                    inner,
                    out,
                    visiting,
                );
                if id.is_some() {
                    visiting.pop();
                }
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GState,
        tm: &mut Matrix,
        artifact: bool,
        out: &mut PageContent,
    ) -> Result<(), PdfError> {
        let Some(font) = gs.font.clone() else {
            return Ok(());
        };
        let mut codes = std::mem::take(&mut self.codes);
        font.codes(bytes, &mut codes);
        let limit = self.pdf.limits.max_glyphs;
        for code in &codes {
            let w0 = font.width(code) * font.scale;
            let trm = mul(
                &[gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            self.text.clear();
            let mapped = font.text(code, &mut self.text);
            if !mapped {
                out.unmapped += 1;
            }
            let (dx, dy) = (w0 * trm[0], w0 * trm[1]);
            let adv = (dx * dx + dy * dy).sqrt();
            let (ax, ay) = if adv > 1e-6 {
                (dx, dy)
            } else {
                (trm[0], trm[1])
            };
            let dir = if ax.abs() >= ay.abs() {
                if ax >= 0.0 {
                    0
                } else {
                    2
                }
            } else if ay >= 0.0 {
                1
            } else {
                3
            };
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt() * font.height;
            let n = self.text.chars().count().max(1) as f32;
            let mut k = 0.0f32;
            for ch in self.text.chars() {
                let frac = k / n;
                out.glyphs.push(RawGlyph {
                    ox: trm[4] + dx * frac,
                    oy: trm[5] + dy * frac,
                    adv: adv / n,
                    size,
                    dir,
                    ch,
                    artifact,
                });
                k += 1.0;
            }
            self.glyphs_total += 1;
            if self.glyphs_total > limit {
                self.codes = codes;
                return Err(PdfError::LimitExceeded {
                    what: "character count",
                    limit: limit.to_string(),
                });
            }
            let space = if font.is_word_space(code) {
                gs.word_space
            } else {
                0.0
            };
            let tx = (w0 * gs.size + gs.char_space + space) * gs.hscale;
            *tm = sane(mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm));
        }
        self.codes = codes;
        Ok(())
    }
}
