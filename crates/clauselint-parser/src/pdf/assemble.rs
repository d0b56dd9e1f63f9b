//! From lines to the text the rules see: running headers and footers removed, paragraphs recovered
//! from line geometry, line-end hyphenation undone where the document's own vocabulary says the
//! hyphen was a line break, pages separated by a form feed.

use std::collections::{HashMap, HashSet};

use super::layout::{Line, PageLines};
use crate::numbering;

/// Normalised line text for comparing running headers across pages: lower case, digit runs as `#`.
fn furniture_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut last_digit = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                key.push('#');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        if c.is_whitespace() {
            continue;
        }
        key.extend(c.to_lowercase());
    }
    key
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 7 && s.chars().all(|c| "ivxlc".contains(c))
}

/// A line that is only a page number or a stamp, whatever page it is on.
fn is_page_mark(key: &str) -> bool {
    let k = key
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | '.' | '|'));
    if k == "#" || is_roman(k) {
        return true;
    }
    let k = k
        .strip_prefix("page")
        .or_else(|| k.strip_prefix("pg."))
        .or_else(|| k.strip_prefix("p."))
        .unwrap_or(k);
    matches!(k, "#" | "#of#" | "#/#")
        || is_roman(k)
        || (k.len() == 3
            && k.as_bytes()[1] == b'-'
            && k.ends_with('#')
            && k.as_bytes()[0].is_ascii_lowercase())
        || k == "confidential"
        || k == "strictlyconfidential"
        || k == "confidential-draft"
}

/// Marks running headers, footers and page numbers; returns the text of each line marked.
///
/// A line is furniture when a tagged PDF says so (`/Artifact`), when it is only a page number or a
/// stamp and one of the outermost three lines of its page, or when the same text (digits aside)
/// sits in the top or bottom band of several pages. PDFs rendered from paginated HTML place the old
/// page footers mid-page, so a repeated line long enough not to be a coincidence is removed
/// wherever it is.
pub(crate) fn mark_furniture(pages: &mut [PageLines]) -> Vec<String> {
    let n = pages.len();
    let mut edges: Vec<Vec<usize>> = Vec::with_capacity(n);
    let mut bands: Vec<Vec<usize>> = Vec::with_capacity(n);
    for page in pages.iter() {
        let height = (page.top - page.bottom).abs().max(1.0);
        let mut order: Vec<usize> = (0..page.lines.len()).collect();
        order.sort_by(|&a, &b| page.lines[b].y.total_cmp(&page.lines[a].y));
        let mut edge: Vec<usize> = order.iter().take(3).copied().collect();
        edge.extend(
            order
                .iter()
                .rev()
                .take(3)
                .filter(|i| !edge.contains(i))
                .collect::<Vec<_>>(),
        );
        let band = edge
            .iter()
            .copied()
            .filter(|&i| {
                let y = page.lines[i].y;
                y > page.top - 0.15 * height || y < page.bottom + 0.15 * height
            })
            .collect();
        edges.push(edge);
        bands.push(band);
    }
    // Band lines by text and height (in steps of a line height), with the pages they are on: a
    // running header sits at the same height on every page it runs on; body text that happens to
    // repeat at a page edge does not.
    let mut seen: HashMap<(String, i64), HashSet<usize>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for &i in &bands[p] {
            let l = &page.lines[i];
            let step = (l.y / l.size.max(1.0)).round() as i64;
            seen.entry((furniture_key(&l.text()), step))
                .or_default()
                .insert(p);
        }
    }
    let needed = if n == 2 { 2 } else { 3 };
    let mut repeated: HashSet<&String> = HashSet::new();
    for ((key, step), on) in &seen {
        if repeated.contains(key) || key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let mut all: HashSet<usize> = on.clone();
        for near in [step - 1, step + 1] {
            if let Some(more) = seen.get(&(key.clone(), near)) {
                all.extend(more);
            }
        }
        if all.len() >= needed {
            repeated.insert(key);
        }
    }
    let mut removed = Vec::new();
    for (p, page) in pages.iter_mut().enumerate() {
        for (i, line) in page.lines.iter_mut().enumerate() {
            let text = line.text();
            let key = furniture_key(&text);
            let furniture = line.artifact
                || (edges[p].contains(&i) && is_page_mark(&key))
                || (repeated.contains(&key) && (bands[p].contains(&i) || key.len() >= 12));
            if furniture {
                line.furniture = true;
                removed.push(text);
            }
        }
    }
    removed
}

/// A paragraph as lines of words, with what decides joins across page and column breaks.
#[derive(Debug)]
pub(crate) struct Para {
    pub lines: Vec<Vec<String>>,
    /// Its first line starts something new: a clause number, an indent, a title.
    pub fresh: bool,
    /// Its last line runs to the column edge without closing punctuation: it may continue.
    pub open: bool,
    /// Its first line starts in lower case, not with a list label.
    pub starts_lower: bool,
    /// Its last line ends with closing punctuation.
    pub ends_terminal: bool,
}

fn closed(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(['.', ':', ';', '!', '?', '—']) || t.ends_with(" and") || t.ends_with(" or")
}

fn terminal(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']);
    t.ends_with(['.', ':', ';', '!', '?'])
}

/// Splits a page's (non-furniture) lines into paragraphs.
pub(crate) fn paragraphs(page: &PageLines) -> Vec<Para> {
    let lines: Vec<&Line> = page.lines.iter().filter(|l| !l.furniture).collect();
    let mut ratios: Vec<f32> = lines
        .windows(2)
        .filter(|w| {
            w[0].col == w[1].col
                && (w[0].size - w[1].size).abs() < 0.15 * w[0].size
                && w[0].y > w[1].y
                && w[0].y - w[1].y < 3.0 * w[0].size
        })
        .map(|w| (w[0].y - w[1].y) / w[0].size)
        .collect();
    ratios.sort_by(f32::total_cmp);
    let typical = ratios
        .get(ratios.len() / 2)
        .copied()
        .unwrap_or(1.2)
        .max(1.0);

    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    let col_of = |l: &Line| page.cols.get(l.col).cloned().unwrap_or_default();
    // Centred lines (titles, parties, "and") stand alone.
    let centred = |i: usize| {
        let l = lines[i];
        let col = col_of(l);
        let (left, right) = (l.x0 - col.left, col.right - l.x1);
        let margin = (4.0 * l.size).max(0.1 * (col.right - col.left));
        left > margin && right > margin && (left - right).abs() < 1.5 * l.size
    };
    let fresh = |i: usize| {
        numbering::leading_number(&texts[i]).is_some()
            || numbering::is_title_line(&texts[i])
            || centred(i)
    };
    // A table-of-contents line: ends in a page number set apart from its entry.
    let toc = |i: usize| {
        let w = &lines[i].words;
        w.len() >= 2 && {
            let last = &w[w.len() - 1];
            let gap = last.x0 - w[w.len() - 2].x1;
            (last.text.chars().all(|c| c.is_ascii_digit()) || is_roman(&last.text))
                && (gap > 2.0 * lines[i].size || w[w.len() - 2].text.ends_with(".."))
        }
    };
    let open = |i: usize| {
        let l = lines[i];
        let col = col_of(l);
        l.x1 >= col.right - 2.0 * l.size && !terminal(&texts[i]) && !toc(i)
    };

    // A line that carries on a sentence: it starts in lower case (and not with a list label) after
    // a line without closing punctuation. Pages and columns of PDFs rendered from paginated HTML
    // break sentences in the middle, leaving a short line before the break.
    let continues = |i: usize| {
        i > 0
            && texts[i].starts_with(|c: char| c.is_lowercase())
            && numbering::leading_number(&texts[i]).is_none()
            && !terminal(&texts[i - 1])
            && !numbering::is_title_line(&texts[i - 1])
            && !centred(i - 1)
    };

    let mut out: Vec<Para> = Vec::new();
    for i in 0..lines.len() {
        let cur = lines[i];
        let words: Vec<String> = cur.words.iter().map(|w| w.text.clone()).collect();
        let brk = if i == 0 {
            true
        } else {
            let prev = lines[i - 1];
            let col = col_of(prev);
            let size = prev.size.max(cur.size);
            let first_word = cur.words.first().map_or(0.0, |w| w.x1 - w.x0);
            let pitch = prev.y - cur.y;
            let hard = (prev.size - cur.size).abs() > 0.2 * prev.size
                || (numbering::leading_number(&texts[i]).is_some() && closed(&texts[i - 1]))
                || centred(i)
                || centred(i - 1)
                || toc(i - 1);
            let soft = if cur.col != prev.col || pitch < 0.3 * size {
                // Another column or region: continue only a paragraph left open.
                !open(i - 1) || fresh(i)
            } else {
                pitch > typical * size * 1.3 + 0.1 * size
                    || prev.x1 < col.right - first_word - 0.8 * size
                    || (cur.x0 > prev.x0 + size && closed(&texts[i - 1]))
            };
            hard || (soft && !continues(i))
        };
        if brk {
            out.push(Para {
                lines: vec![words],
                fresh: fresh(i),
                open: open(i),
                starts_lower: continues_start(&texts[i]),
                ends_terminal: terminal(&texts[i]),
            });
        } else if let Some(p) = out.last_mut() {
            p.lines.push(words);
            p.open = open(i);
            p.ends_terminal = terminal(&texts[i]);
        }
    }
    out
}

/// Starts in lower case and not with a list label: carries on a sentence from before.
fn continues_start(text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase()) && numbering::leading_number(text).is_none()
}

impl Para {
    /// Whether `next` (the first paragraph of the next page or column) carries this one on.
    fn continued_by(&self, next: &Para) -> bool {
        (self.open && !next.fresh) || (!self.ends_terminal && next.starts_lower)
    }
}

/// Words the document uses whole (not split at a line end), lower-cased, for hyphenation.
pub(crate) fn vocabulary(pages: &[Vec<Para>]) -> HashSet<String> {
    let mut vocab = HashSet::new();
    for para in pages.iter().flatten() {
        for line in &para.lines {
            for (k, w) in line.iter().enumerate() {
                if k + 1 == line.len() && w.ends_with(['-', '\u{ad}', '‐']) {
                    continue;
                }
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if !w.is_empty() {
                    vocab.insert(w.to_lowercase());
                    if w.contains('-') {
                        for part in w.split('-') {
                            if !part.is_empty() {
                                vocab.insert(part.to_lowercase());
                            }
                        }
                    }
                }
            }
        }
    }
    vocab
}

const HYPHEN_PREFIXES: &[&str] = &["non", "self", "third", "anti", "cross", "semi", "quasi"];

/// Whether `left` (ending in a hyphen at a line end) and `right` (the next line's first word) are one
/// word broken by hyphenation (`Some(true)`: drop the hyphen), a hyphenated compound (`Some(false)`),
/// or no hyphenation at all (`None`).
fn hyphen_join(left: &str, right: &str, vocab: &HashSet<String>) -> Option<bool> {
    let soft = left.ends_with('\u{ad}');
    let stem = left.strip_suffix(['-', '\u{ad}', '‐'])?;
    let l: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if l.is_empty() {
        return None;
    }
    if soft {
        return Some(true);
    }
    let r: String = right.chars().take_while(|c| c.is_alphabetic()).collect();
    if r.is_empty() || !r.starts_with(char::is_lowercase) {
        return Some(false);
    }
    let (l, r) = (l.to_lowercase(), r.to_lowercase());
    let joined = format!("{l}{r}");
    if vocab.contains(&joined) {
        return Some(true);
    }
    if vocab.contains(&format!("{l}-{r}"))
        || HYPHEN_PREFIXES.contains(&l.as_str())
        || (l.len() >= 2 && vocab.contains(&l) && vocab.contains(&r))
    {
        return Some(false);
    }
    Some(true)
}

fn render(para: &Para, vocab: &HashSet<String>, out: &mut String) {
    let mut first = true;
    for line in &para.lines {
        for (k, w) in line.iter().enumerate() {
            if first {
                first = false;
            } else if k == 0 {
                // A line break inside the paragraph.
                let prev_word = out
                    .rsplit(' ')
                    .next()
                    .map(str::to_string)
                    .unwrap_or_default();
                match hyphen_join(&prev_word, w, vocab) {
                    Some(true) => {
                        let cut = out.char_indices().next_back().map_or(out.len(), |(i, _)| i);
                        out.truncate(cut);
                    }
                    Some(false) => {}
                    None => out.push(' '),
                }
            } else {
                out.push(' ');
            }
            out.extend(w.chars().filter(|&c| c != '\u{ad}' || k + 1 == line.len()));
        }
    }
    // Soft hyphens kept only for the line-end decision above.
    if out.contains('\u{ad}') {
        *out = out.replace('\u{ad}', "");
    }
}

/// The extracted text and the byte offset where each page starts.
pub(crate) fn assemble(mut pages: Vec<Vec<Para>>) -> (String, Vec<usize>) {
    let vocab = vocabulary(&pages);
    // Pull a word hyphenated across a page break back onto the earlier page.
    for p in 1..pages.len() {
        let (before, after) = pages.split_at_mut(p);
        let (Some(prev), Some(next)) = (before[p - 1].last_mut(), after[0].first_mut()) else {
            continue;
        };
        if !prev.continued_by(next) {
            continue;
        }
        let (Some(last_line), Some(first_line)) = (prev.lines.last_mut(), next.lines.first_mut())
        else {
            continue;
        };
        let (Some(left), Some(right)) = (last_line.last(), first_line.first()) else {
            continue;
        };
        if let Some(join) = hyphen_join(left, right, &vocab) {
            let mut word = left.clone();
            if join {
                word.pop();
            }
            word.push_str(right);
            if let Some(l) = last_line.last_mut() {
                *l = word;
            }
            first_line.remove(0);
        }
    }

    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    let mut prev: Option<&Para> = None;
    for (p, paras) in pages.iter().enumerate() {
        if p > 0 {
            let continues = prev
                .zip(paras.first())
                .is_some_and(|(a, b)| a.continued_by(b));
            text.push_str(if continues { "\n\x0c" } else { "\n\n\x0c" });
        }
        starts.push(text.len());
        let mut first = true;
        for para in paras {
            if para.lines.iter().all(Vec::is_empty) {
                continue;
            }
            if !first {
                text.push_str("\n\n");
            }
            first = false;
            let mut s = String::new();
            render(para, &vocab, &mut s);
            text.push_str(s.trim_start());
        }
        if let Some(last) = paras
            .iter()
            .rev()
            .find(|p| p.lines.iter().any(|l| !l.is_empty()))
        {
            prev = Some(last);
        }
    }
    text.push('\n');
    (text, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn hyphenation_uses_the_documents_vocabulary() {
        let v = vocab(&["termination", "third-party", "third", "party", "nation"]);
        assert_eq!(hyphen_join("termi-", "nation", &v), Some(true));
        assert_eq!(hyphen_join("third-", "party", &v), Some(false));
        assert_eq!(hyphen_join("Non-", "Compete", &v), Some(false));
        assert_eq!(hyphen_join("indemnifi-", "cation", &v), Some(true));
        assert_eq!(hyphen_join("non-", "exclusive", &v), Some(false));
        assert_eq!(hyphen_join("word", "next", &v), None);
        assert_eq!(hyphen_join("2-", "3", &v), None);
    }

    #[test]
    fn page_marks() {
        for s in [
            "Page 3 of 12",
            "- 3 -",
            "12",
            "iv",
            "CONFIDENTIAL",
            "A-3",
            "[3]",
        ] {
            assert!(is_page_mark(&furniture_key(s)), "{s}");
        }
        for s in [
            "3. Term",
            "Section 4",
            "Exhibit A",
            "Confidential Information",
        ] {
            assert!(!is_page_mark(&furniture_key(s)), "{s}");
        }
    }
}
