//! From placed characters to lines in reading order: words by geometry (not by the spaces a
//! producer happened to draw), lines by baseline, columns by a recursive XY cut.

use super::interp::{PageContent, RawGlyph};

/// A character in page space with the dominant text direction turned to left-to-right.
#[derive(Clone, Copy, Debug)]
struct G {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    ch: char,
    space_before: bool,
    artifact: bool,
    /// Position in content order.
    seq: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
}

#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub words: Vec<Word>,
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    pub size: f32,
    /// Index into [`PageLines::cols`].
    pub col: usize,
    /// Every character was marked as an artifact by a tagged PDF.
    pub artifact: bool,
    /// Set by furniture detection: a running header, footer or page number.
    pub furniture: bool,
}

impl Line {
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }
}

/// A column: the region below one vertical cut, with the robust edges of its lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct Col {
    pub left: f32,
    pub right: f32,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct PageLines {
    pub lines: Vec<Line>,
    pub cols: Vec<Col>,
    /// Vertical extent of the page (after turning), for header and footer zones.
    pub top: f32,
    pub bottom: f32,
    pub images: usize,
    pub unmapped: usize,
}

fn turn(dir: u8, x: f32, y: f32) -> (f32, f32) {
    match dir {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

fn clean_char(c: char) -> Option<char> {
    match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fffd}' => None,
        '\u{f000}'..='\u{f0ff}' => Some('•'),
        // Canonical equivalents some producers map punctuation to.
        '\u{37e}' => Some(';'),
        '\u{387}' => Some('·'),
        '\u{2024}' => Some('.'),
        '\u{e000}'..='\u{f8ff}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

fn push_expanded(out: &mut String, c: char) {
    match c {
        '\u{fb00}' => out.push_str("ff"),
        '\u{fb01}' => out.push_str("fi"),
        '\u{fb02}' => out.push_str("fl"),
        '\u{fb03}' => out.push_str("ffi"),
        '\u{fb04}' => out.push_str("ffl"),
        '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
        c => out.push(c),
    }
}

/// The page's characters with the dominant direction turned upright, off-page ones dropped.
fn normalise(raw: &[RawGlyph], media: [f32; 4]) -> (Vec<G>, f32, f32) {
    let mut counts = [0usize; 4];
    for g in raw {
        if !g.ch.is_whitespace() {
            counts[usize::from(g.dir & 3)] += 1;
        }
    }
    let dir = (0..4u8)
        .max_by_key(|&d| counts[usize::from(d)])
        .unwrap_or(0);
    let [mx0, my0, mx1, my1] = media;
    let corners = [(mx0, my0), (mx1, my1), (mx0, my1), (mx1, my0)].map(|(x, y)| turn(dir, x, y));
    let (bx0, bx1) = corners
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &(x, _)| {
            (lo.min(x), hi.max(x))
        });
    let (by0, by1) = corners
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &(_, y)| {
            (lo.min(y), hi.max(y))
        });
    let mut out = Vec::with_capacity(raw.len());
    let mut pending_space = false;
    for g in raw {
        if g.dir != dir {
            pending_space = true;
            continue;
        }
        if g.ch.is_whitespace() {
            pending_space = true;
            continue;
        }
        let Some(ch) = clean_char(g.ch) else { continue };
        let (x, y) = turn(dir, g.ox, g.oy);
        if !(x.is_finite() && y.is_finite() && g.size.is_finite() && g.adv.is_finite())
            || g.size < 0.5
        {
            continue;
        }
        let size = g.size.min(2000.0);
        // Off the page (with a little slack): hidden or clipped text.
        let slack = size;
        if x < bx0 - slack || x > bx1 + slack || y < by0 - slack || y > by1 + slack {
            continue;
        }
        out.push(G {
            x0: x,
            x1: x + g.adv.max(0.0).min(4.0 * size),
            y,
            size,
            ch,
            space_before: pending_space,
            artifact: g.artifact,
            seq: out.len() as u32,
        });
        pending_space = false;
    }
    (out, by1, by0)
}

/// A run of characters on one baseline with no wide gap: part of a line in one column.
struct Seg {
    glyphs: Vec<G>,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    size: f32,
    line: usize,
    /// Number of words, by the same gaps [`words`] uses.
    words: usize,
}

fn median(v: &mut [f32]) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// Orders one line's characters: runs drawn left to right in content order stay whole, and runs are
/// placed by where they start, so text drawn over other text does not interleave character by
/// character. Overprinted duplicates (fake bold, shadows) are dropped.
fn order_runs(mut cluster: Vec<G>) -> Vec<G> {
    cluster.sort_by_key(|g| g.seq);
    let mut runs: Vec<Vec<G>> = Vec::new();
    for g in cluster {
        let continues = runs.last().and_then(|r| r.last()).is_some_and(|last| {
            g.x0 >= last.x0 + 0.01 * g.size && g.x0 - last.x1 < 1.5 * g.size.max(last.size)
        });
        match runs.last_mut() {
            Some(r) if continues => r.push(g),
            _ => runs.push(vec![g]),
        }
    }
    runs.sort_by(|a, b| a[0].x0.total_cmp(&b[0].x0));
    let mut out: Vec<G> = Vec::new();
    let mut kept_runs: Vec<(f32, f32, String)> = Vec::new();
    for mut run in runs {
        let text: String = run.iter().map(|g| g.ch).collect();
        let (x0, size) = (run[0].x0, run[0].size);
        if kept_runs
            .iter()
            .rev()
            .take(4)
            .any(|(kx, ks, kt)| (kx - x0).abs() < 0.25 * ks.max(size) && *kt == text)
        {
            continue;
        }
        if let Some(last) = out.last() {
            if x0 < last.x1 - 0.1 * size {
                // Drawn over the previous run: a separate piece of text.
                run[0].space_before = true;
            }
        }
        kept_runs.push((x0, size, text));
        out.extend(run);
    }
    out
}

/// Groups characters into line clusters by vertical overlap and splits each at wide gaps.
fn segments(mut glyphs: Vec<G>) -> Vec<Seg> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let span = |g: &G| (g.y - 0.25 * g.size, g.y + 0.75 * g.size);
    let mut clusters: Vec<Vec<G>> = Vec::new();
    let mut core = (0.0f32, 0.0f32, 0.0f32); // lo, hi, size of the largest glyph
    for g in glyphs {
        let (lo, hi) = span(&g);
        let joins = clusters.last().is_some() && {
            let overlap = hi.min(core.1) - lo.max(core.0);
            overlap >= 0.5 * (hi - lo).min(core.1 - core.0)
        };
        if joins {
            if g.size > core.2 {
                core = (lo, hi, g.size);
            }
            if let Some(c) = clusters.last_mut() {
                c.push(g);
            }
        } else {
            core = (lo, hi, g.size);
            clusters.push(vec![g]);
        }
    }
    let mut segs = Vec::new();
    for (line, cluster) in clusters.into_iter().enumerate() {
        let kept = order_runs(cluster);
        let mut sizes: Vec<f32> = kept.iter().map(|g| g.size).collect();
        let line_size = median(&mut sizes).max(1.0);
        let mut current: Vec<G> = Vec::new();
        let flush = |current: &mut Vec<G>, segs: &mut Vec<Seg>| {
            if current.is_empty() {
                return;
            }
            let glyphs = std::mem::take(current);
            let mut ys: Vec<f32> = glyphs.iter().map(|g| g.y).collect();
            let mut sz: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
            let y = median(&mut ys);
            let size = median(&mut sz).max(1.0);
            let x0 = glyphs.iter().map(|g| g.x0).fold(f32::MAX, f32::min);
            let x1 = glyphs.iter().map(|g| g.x1).fold(f32::MIN, f32::max);
            let words = 1 + glyphs
                .windows(2)
                .filter(|w| w[1].space_before || w[1].x0 - w[0].x1 > 0.15 * w[1].size)
                .count();
            segs.push(Seg {
                words,
                x0,
                x1,
                top: y + 0.75 * size,
                bottom: y - 0.25 * size,
                size,
                line,
                glyphs,
            });
        };
        for g in kept {
            if let Some(last) = current.last() {
                let right = current
                    .iter()
                    .rev()
                    .take(8)
                    .map(|g| g.x1)
                    .fold(last.x1, f32::max);
                if g.x0 - right > 1.5 * line_size {
                    flush(&mut current, &mut segs);
                }
            }
            current.push(g);
        }
        flush(&mut current, &mut segs);
    }
    segs
}

/// Splits characters into words: at drawn spaces and at gaps wider than a fraction of the size.
fn words(glyphs: &[G]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut right = f32::MIN;
    for g in glyphs {
        let gap = g.x0 - right;
        let new_word = out.is_empty() || g.space_before || gap > 0.15 * g.size;
        if new_word {
            out.push(Word {
                text: String::new(),
                x0: g.x0,
                x1: g.x1,
            });
        }
        if let Some(w) = out.last_mut() {
            push_expanded(&mut w.text, g.ch);
            w.x1 = w.x1.max(g.x1);
        }
        right = if new_word { g.x1 } else { right.max(g.x1) };
    }
    out
}

struct Cut<'s> {
    segs: &'s [Seg],
    leaves: Vec<(Vec<usize>, usize)>,
    cols: usize,
}

impl Cut<'_> {
    /// Recursive XY cut: a column gutter when there is one that separates two real columns,
    /// otherwise the widest horizontal gaps; leaves come out in reading order.
    fn cut(&mut self, mut idx: Vec<usize>, col: usize, depth: usize) {
        let segs = self.segs;
        if idx.len() <= 1 || depth > 40 {
            self.leaf(idx, col);
            return;
        }
        let mut sizes: Vec<f32> = idx.iter().map(|&i| segs[i].size).collect();
        let m = median(&mut sizes).max(1.0);

        // Vertical gaps in the projection onto x.
        idx.sort_by(|&a, &b| segs[a].x0.total_cmp(&segs[b].x0));
        let mut best_x: Option<(f32, f32)> = None; // (width, split x)
        let mut reach = segs[idx[0]].x1;
        for &i in &idx[1..] {
            let gap = segs[i].x0 - reach;
            if gap >= m && best_x.is_none_or(|(w, _)| gap > w) {
                best_x = Some((gap, reach + gap / 2.0));
            }
            reach = reach.max(segs[i].x1);
        }
        // Horizontal gaps in the projection onto y.
        idx.sort_by(|&a, &b| segs[b].top.total_cmp(&segs[a].top));
        let mut ygaps: Vec<(f32, f32)> = Vec::new(); // (height, split y)
        let mut floor = segs[idx[0]].bottom;
        for &i in &idx[1..] {
            let gap = floor - segs[i].top;
            if gap > 0.0 {
                ygaps.push((gap, floor - gap / 2.0));
            }
            floor = floor.min(segs[i].bottom);
        }
        let best_y = ygaps.iter().map(|g| g.0).fold(0.0f32, f32::max);

        if let Some((width, split)) = best_x {
            if width >= 0.5 * best_y {
                let (left, right): (Vec<usize>, Vec<usize>) =
                    idx.iter().partition(|&&i| segs[i].x1 <= split);
                let extent = |v: &[usize]| {
                    let x0 = v.iter().map(|&i| segs[i].x0).fold(f32::MAX, f32::min);
                    let x1 = v.iter().map(|&i| segs[i].x1).fold(f32::MIN, f32::max);
                    x1 - x0
                };
                let lines = |v: &[usize]| {
                    let mut l: Vec<usize> = v.iter().map(|&i| segs[i].line).collect();
                    l.sort_unstable();
                    l.dedup();
                    l.len()
                };
                // Text columns hold prose; a table's columns hold short cells and are read by row.
                let prose = |v: &[usize]| {
                    let mut w: Vec<f32> = v.iter().map(|&i| segs[i].words as f32).collect();
                    median(&mut w) >= 4.0
                };
                let total = extent(&idx);
                let columns = lines(&left) >= 2
                    && lines(&right) >= 2
                    && extent(&left) >= 0.2 * total
                    && extent(&right) >= 0.2 * total
                    && prose(&left)
                    && prose(&right);
                if columns {
                    let lc = self.cols;
                    let rc = self.cols + 1;
                    self.cols += 2;
                    self.cut(left, lc, depth + 1);
                    self.cut(right, rc, depth + 1);
                    return;
                }
            }
        }
        if best_y > 0.0 {
            let threshold = 0.5 * best_y;
            let mut splits: Vec<f32> = ygaps
                .iter()
                .filter(|g| g.0 >= threshold)
                .map(|g| g.1)
                .collect();
            splits.sort_by(|a, b| b.total_cmp(a));
            let mut bands: Vec<Vec<usize>> = vec![Vec::new(); splits.len() + 1];
            for &i in &idx {
                let band = splits.partition_point(|&s| s > segs[i].top);
                bands[band.min(splits.len())].push(i);
            }
            if bands.iter().filter(|b| !b.is_empty()).count() > 1 {
                for band in bands {
                    if !band.is_empty() {
                        self.cut(band, col, depth + 1);
                    }
                }
                return;
            }
        }
        self.leaf(idx, col);
    }

    fn leaf(&mut self, mut idx: Vec<usize>, col: usize) {
        let segs = self.segs;
        // Line clusters are numbered top to bottom.
        idx.sort_by(|&a, &b| {
            segs[a]
                .line
                .cmp(&segs[b].line)
                .then(segs[a].x0.total_cmp(&segs[b].x0))
        });
        self.leaves.push((idx, col));
    }
}

/// Lays out one page: lines in reading order, each with its column.
pub(crate) fn page_lines(content: &PageContent, media: [f32; 4]) -> PageLines {
    let (glyphs, top, bottom) = normalise(&content.glyphs, media);
    let segs = segments(glyphs);
    let mut cut = Cut {
        segs: &segs,
        leaves: Vec::new(),
        cols: 1,
    };
    cut.cut((0..segs.len()).collect(), 0, 0);
    let ncols = cut.cols;
    let leaves = cut.leaves;

    let mut lines: Vec<Line> = Vec::new();
    for (idx, col) in leaves {
        // Segments of one line cluster within a leaf form one line.
        let mut i = 0;
        while i < idx.len() {
            let line_id = segs[idx[i]].line;
            let mut j = i;
            let mut glyphs: Vec<G> = Vec::new();
            while j < idx.len() && segs[idx[j]].line == line_id {
                glyphs.extend_from_slice(&segs[idx[j]].glyphs);
                j += 1;
            }
            let artifact = glyphs.iter().all(|g| g.artifact);
            let ws = words(&glyphs);
            if !ws.is_empty() {
                let mut ys: Vec<f32> = glyphs.iter().map(|g| g.y).collect();
                let mut sz: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
                lines.push(Line {
                    x0: ws.first().map_or(0.0, |w| w.x0),
                    x1: ws.iter().map(|w| w.x1).fold(f32::MIN, f32::max),
                    y: median(&mut ys),
                    size: median(&mut sz).max(1.0),
                    words: ws,
                    col,
                    artifact,
                    furniture: false,
                });
            }
            i = j;
        }
    }
    let mut cols = vec![Col::default(); ncols];
    for (c, col) in cols.iter_mut().enumerate() {
        let mut x0s: Vec<f32> = lines.iter().filter(|l| l.col == c).map(|l| l.x0).collect();
        let mut x1s: Vec<f32> = lines.iter().filter(|l| l.col == c).map(|l| l.x1).collect();
        if x0s.is_empty() {
            continue;
        }
        x0s.sort_by(f32::total_cmp);
        x1s.sort_by(|a, b| b.total_cmp(a));
        col.left = x0s[x0s.len() / 5];
        col.right = x1s[x1s.len() / 5];
    }
    PageLines {
        lines,
        cols,
        top,
        bottom,
        images: content.images,
        unmapped: content.unmapped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs_for(text: &str, x: f32, y: f32, size: f32) -> Vec<RawGlyph> {
        let mut out = Vec::new();
        let mut x = x;
        for ch in text.chars() {
            out.push(RawGlyph {
                ox: x,
                oy: y,
                adv: size * 0.5,
                size,
                dir: 0,
                ch,
                artifact: false,
            });
            x += size * 0.5;
        }
        out
    }

    #[test]
    fn two_columns_read_in_column_order() {
        let mut raw = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 14.0 * i as f32;
            raw.extend(glyphs_for(&format!("left line {i} text"), 72.0, y, 10.0));
            raw.extend(glyphs_for(&format!("right line {i} text"), 320.0, y, 10.0));
        }
        let page = page_lines(
            &PageContent {
                glyphs: raw,
                ..PageContent::default()
            },
            [0.0, 0.0, 612.0, 792.0],
        );
        let texts: Vec<String> = page.lines.iter().map(Line::text).collect();
        assert_eq!(texts[0], "left line 0 text");
        assert_eq!(texts[5], "left line 5 text");
        assert_eq!(texts[6], "right line 0 text");
        assert_ne!(page.lines[0].col, page.lines[6].col);
    }

    #[test]
    fn words_from_gaps_not_spaces() {
        // "Hello" then "world" placed apart with no space character, and a justified run of spaces.
        let mut raw = glyphs_for("Hello", 72.0, 700.0, 10.0);
        raw.extend(glyphs_for("world", 72.0 + 25.0 + 4.0, 700.0, 10.0));
        raw.extend(glyphs_for("    again", 72.0 + 60.0, 700.0, 10.0));
        let page = page_lines(
            &PageContent {
                glyphs: raw,
                ..PageContent::default()
            },
            [0.0, 0.0, 612.0, 792.0],
        );
        assert_eq!(page.lines[0].text(), "Hello world again");
    }
}
