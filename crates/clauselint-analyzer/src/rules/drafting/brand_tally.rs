//! The brand-name evidence of [`brand_words`](super::brand_words) kept as sums over sentences, so
//! that the incremental analysis can re-read only the sentences an edit touched: subtract what the
//! old sentence contributed, add what the new one does, and derive the brand names from the sums.
//!
//! Everything summed here is read from the words of one sentence plus at most one byte on either
//! side of a word (the address test), so a sentence whose lines the edit did not touch contributes
//! exactly what it did before.

use std::collections::HashMap;
use std::hash::BuildHasher;

use clauselint_parser::Document;

use super::{
    in_address, lower_into, push_words, shared, starts_lower, BrandScan, Word, WordMap, WordSet,
};
use crate::context::Context;

/// Brand evidence summed over every sentence of one document.
#[derive(Default)]
pub(crate) struct BrandTally {
    /// Capitalised-word statistics and company names, as one scan of every sentence counts them.
    scan: BrandScan,
    /// How often each word is written in lower case in running text (not inside an address), by
    /// its lower-case form: the words that cannot be brands.
    lower_case: WordMap<usize>,
}

impl BrandTally {
    /// The sums over every sentence of `doc`.
    pub(crate) fn new(doc: &Document) -> Self {
        let mut tally = BrandTally::default();
        let mut ws: Vec<Word> = Vec::new();
        for s in &doc.sentences {
            ws.clear();
            push_words(&doc.text, s.span, &mut ws);
            tally.scan.scan(&ws);
            for_each_lower_case(&doc.text, &ws, |w| {
                *tally.lower_case.entry(w.to_string()).or_default() += 1;
            });
        }
        tally
    }

    /// Replaces what sentence `si` of `old` contributed with what sentence `si` of `new`
    /// contributes.
    pub(crate) fn replace_sentence(&mut self, old: &Document, new: &Document, si: usize) {
        self.remove(old, si);
        self.add(new, si);
    }

    fn add(&mut self, doc: &Document, si: usize) {
        let ws = words_of(doc, si);
        self.scan.scan(&ws);
        for_each_lower_case(&doc.text, &ws, |w| {
            *self.lower_case.entry(w.to_string()).or_default() += 1;
        });
    }

    fn remove(&mut self, doc: &Document, si: usize) {
        let ws = words_of(doc, si);
        let mut part = BrandScan::default();
        part.scan(&ws);
        for (name, n) in part.companies {
            subtract(&mut self.scan.companies, name, |total| {
                *total = total.saturating_sub(n);
                *total == 0
            });
        }
        for (word, (n, det, modifies, alone)) in part.stats {
            subtract(&mut self.scan.stats, word, |total| {
                total.0 = total.0.saturating_sub(n);
                total.1 = total.1.saturating_sub(det);
                total.2 = total.2.saturating_sub(modifies);
                total.3 = total.3.saturating_sub(alone);
                total.0 == 0
            });
        }
        for_each_lower_case(&doc.text, &ws, |w| {
            subtract(&mut self.lower_case, w.to_string(), |total| {
                *total = total.saturating_sub(1);
                *total == 0
            });
        });
    }

    /// The brand names of the document in `cx` (the one the sums are of): exactly what
    /// [`brand_words`](super::brand_words) computes by walking every word.
    pub(crate) fn brands(&self, cx: &Context) -> WordSet {
        self.scan.brands(cx, |candidates| {
            candidates.retain(|c| !self.lower_case.contains_key(c.as_str()));
        })
    }

    /// The same sums as `other` (tests compare an updated tally with one made afresh).
    #[cfg(test)]
    pub(crate) fn same_sums(&self, other: &BrandTally) -> bool {
        self.scan.companies == other.scan.companies
            && self.scan.stats == other.scan.stats
            && self.lower_case == other.lower_case
    }

    /// Hands the brand names to the drafting rules of `cx`, so none of them walks every word for
    /// them.
    pub(crate) fn provide(&self, cx: &Context) {
        let brands = self.brands(cx);
        // Only a rule that already ran could have set them, and none has run yet.
        let _ = shared(cx).brands.set(brands);
    }
}

fn words_of(doc: &Document, si: usize) -> Vec<Word<'_>> {
    let mut ws = Vec::new();
    push_words(&doc.text, doc.sentences[si].span, &mut ws);
    ws
}

/// Applies `change` to `key`'s entry and drops the entry when `change` says it is now empty.
fn subtract<V, S: BuildHasher>(
    map: &mut HashMap<String, V, S>,
    key: String,
    change: impl FnOnce(&mut V) -> bool,
) {
    if let Some(total) = map.get_mut(&key) {
        if change(total) {
            map.remove(&key);
        }
    }
}

/// Calls `f` with the lower-case form of each word of `ws` written with a lower-case first letter
/// outside an address: the test [`drop_lower_case_words`](super::drop_lower_case_words) applies.
fn for_each_lower_case(text: &str, ws: &[Word], mut f: impl FnMut(&str)) {
    let mut lower = String::new();
    for w in ws {
        if !starts_lower(w.text) || in_address(text, w.span) {
            continue;
        }
        lower_into(w.text, &mut lower);
        f(&lower);
    }
}
