//! Word-level similarity between an extraction and a reference text, for measuring fidelity.

/// Precision, recall and F1 of the longest common subsequence of two word sequences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Similarity {
    /// Words in the extraction / in the reference.
    pub words: usize,
    pub reference_words: usize,
    /// Length of the longest common word subsequence.
    pub common: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Folds whitespace and typography so that the comparison is about words: curly quotes become
/// straight, dashes become hyphens, ligatures are spelled out.
pub fn fold_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in text.split_whitespace() {
        let mut s = String::with_capacity(w.len());
        for c in w.chars() {
            match c {
                '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => s.push('\''),
                '“' | '”' | '„' | '‟' | '″' => s.push('"'),
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => s.push('-'),
                '\u{fb00}' => s.push_str("ff"),
                '\u{fb01}' => s.push_str("fi"),
                '\u{fb02}' => s.push_str("fl"),
                '\u{fb03}' => s.push_str("ffi"),
                '\u{fb04}' => s.push_str("ffl"),
                '\u{ad}' | '\u{200b}' | '\u{feff}' => {}
                c => s.push(c),
            }
        }
        if !s.is_empty() {
            out.push(s);
        }
    }
    out
}

/// Length of the longest common subsequence, by Myers' O((N+M)·D) algorithm; gives up (returning
/// a lower bound) once the edit distance passes `max_d`.
fn lcs_len<T: PartialEq>(a: &[T], b: &[T], max_d: usize) -> usize {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let max_d = max_d.min(max);
    let offset = max_d as isize + 1;
    let mut v = vec![0isize; 2 * max_d + 3];
    for d in 0..=max_d as isize {
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                return ((n + m - d) / 2) as usize;
            }
            k += 2;
        }
    }
    // Edit distance above the cap: the common part is at most (n + m - max_d) / 2.
    ((n + m - max_d as isize).max(0) / 2) as usize
}

/// Word-level similarity of `text` against `reference`.
pub fn word_similarity(text: &str, reference: &str) -> Similarity {
    let a = fold_words(text);
    let b = fold_words(reference);
    let cap = ((a.len() + b.len()) / 2).max(1000);
    let common = lcs_len(&a, &b, cap);
    let precision = if a.is_empty() {
        0.0
    } else {
        common as f64 / a.len() as f64
    };
    let recall = if b.is_empty() {
        0.0
    } else {
        common as f64 / b.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Similarity {
        words: a.len(),
        reference_words: b.len(),
        common,
        precision,
        recall,
        f1,
    }
}

/// The reference without the page furniture the extraction removed: each removed line's words
/// are deleted where they occur in the reference, in order and contiguous (reference texts often
/// glue a running header to the paragraph after it). Returns the reduced reference, as words, and
/// how many removed lines were found in it.
pub fn strip_lines(reference: &str, removed: &[String]) -> (String, usize) {
    let mut words = fold_words(reference);
    let mut found = 0;
    let mut cursor = 0;
    for line in removed {
        let r = fold_words(line);
        // A one-word line only when it is a page number or a stamp, not a stray "and".
        let plausible = r.len() >= 2
            || r.first()
                .is_some_and(|w| !w.chars().any(char::is_lowercase));
        if !plausible || r.len() > words.len() {
            continue;
        }
        let find =
            |from: usize| (from..=words.len() - r.len()).find(|&i| words[i..i + r.len()] == r[..]);
        if let Some(i) = find(cursor.min(words.len() - r.len())).or_else(|| find(0)) {
            words.drain(i..i + r.len());
            cursor = i;
            found += 1;
        }
    }
    (words.join(" "), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_and_folding() {
        let s = word_similarity(
            "the “Agreement” is  made\nnow",
            "the \"Agreement\" is made today now",
        );
        assert_eq!(s.common, 5);
        assert_eq!(s.words, 5);
        assert_eq!(s.reference_words, 6);
        assert!((s.precision - 1.0).abs() < 1e-9);
        let same = word_similarity("a b c", "a b c");
        assert!((same.f1 - 1.0).abs() < 1e-9);
        let none = word_similarity("x y", "a b");
        assert_eq!(none.common, 0);
        assert_eq!(lcs_len(&[1, 2, 3, 4], &[2, 4, 5], 100), 2);
        assert_eq!(word_similarity("", "").f1, 0.0);
        let (r, n) = strip_lines(
            "Body text.\nSource: X, 8-K 2 Header More.\nand\n",
            &[
                "Source: X, 8-K".to_string(),
                "2".to_string(),
                "and".to_string(),
            ],
        );
        assert_eq!((r.as_str(), n), ("Body text. Header More. and", 2));
    }
}
