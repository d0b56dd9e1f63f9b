//! The incremental analysis must equal a from-scratch analysis after every edit. Random edits
//! (typing, deleting, pasting, new paragraphs, numbers, quotes, definitions, non-ASCII text) of the
//! bundled corpus documents; `CLAUSELINT_EDITS` sets the edits per document and
//! `CLAUSELINT_SEED` the seed (printed on failure).

use std::sync::Arc;

use clauselint_parser::{format_for_path, parse, Format};

use super::{Incremental, Update};
use crate::rules::drafting::{brand_words, BrandTally};
use crate::testing::corpus_files;
use crate::{Analyzer, Context};

/// xorshift64*: deterministic, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What a lawyer types, pastes or deletes; several of them change structure or document facts.
const INSERTS: &[&str] = &[
    "x",
    "e",
    "é",
    " ",
    ".",
    ",",
    "“",
    "”",
    "’s",
    "§",
    "—",
    "😀",
    "not ",
    "never ",
    "AI ",
    "machine learning ",
    "train our models on Customer Content",
    "We may use your content to train our artificial intelligence models.",
    "\n",
    "\n\n",
    "\n\n1. ",
    "\n(a) ",
    "10.4",
    "Section 3",
    "**",
    "*",
    "_",
    "`",
    "[",
    "](x)",
    "# ",
    "- ",
    ":",
    "“Customer Content” means any files you upload. ",
    "(the “Service Data”)",
    // Variants of defined terms, for the kept term searches of `drafting::term_search`.
    "customer content ",
    "customer  content — ",
    "SERVICE  DATA — ",
    "Customer\u{a0}Content’s ",
    "we may terminate your account at any time without notice. ",
    "binding arbitration",
    "<!-- clauselint-disable-next-line -->\n",
    "\r\n",
];

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One random edit of `text`.
fn random_edit(rng: &mut Rng, text: &str) -> String {
    // Most edits land where typing happens: inside a line of prose.
    let at = floor_char(text, rng.below(text.len() + 1));
    let mut out = String::with_capacity(text.len() + 80);
    match rng.below(10) {
        0..=4 => {
            let insert = INSERTS[rng.below(INSERTS.len())];
            out.push_str(&text[..at]);
            out.push_str(insert);
            out.push_str(&text[at..]);
        }
        5..=7 => {
            let reach = if rng.below(4) == 0 { 200 } else { 6 };
            let end = floor_char(text, at + 1 + rng.below(reach));
            let end = if end == at {
                text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
            } else {
                end
            };
            out.push_str(&text[..at]);
            out.push_str(&text[end..]);
        }
        _ => {
            let end = floor_char(text, at + 1 + rng.below(12));
            let insert = INSERTS[rng.below(INSERTS.len())];
            out.push_str(&text[..at]);
            out.push_str(insert);
            out.push_str(&text[end.max(at)..]);
        }
    }
    out
}

fn rendered(findings: &[crate::Finding]) -> Vec<String> {
    findings.iter().map(|f| format!("{f:?}")).collect()
}

#[test]
fn incremental_equals_full() {
    let edits: usize = std::env::var("CLAUSELINT_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let seed: u64 = std::env::var("CLAUSELINT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_c1a0);
    let analyzer = Arc::new(Analyzer::default());
    let files = corpus_files();
    assert!(files.len() > 10, "the bundled corpus is there");
    let (mut partial, mut full, mut tallied) = (0, 0, 0);
    for (n, path) in files.iter().enumerate() {
        let Ok(mut text) = std::fs::read_to_string(path) else {
            continue;
        };
        // Large documents cost seconds per full analysis in a debug build; the first 40 KB keep
        // every kind of structure.
        if text.len() > 40_000 {
            text.truncate(floor_char(&text, 40_000));
        }
        let format = match format_for_path(&path.to_string_lossy()) {
            Format::Markdown => Format::Markdown,
            _ => Format::Text,
        };
        let mut rng = Rng(seed ^ (n as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut state = Incremental::new(analyzer.clone(), Arc::new(parse(&text, format)));
        for step in 0..edits {
            text = random_edit(&mut rng, &text);
            let doc = Arc::new(parse(&text, format));
            // On a thread of its own: the drafting rules keep their last term searches per thread
            // (`drafting::term_search`), so there the full analysis searches afresh and checks
            // what the kept searches found.
            let expected = {
                let (analyzer, doc) = (analyzer.clone(), doc.clone());
                std::thread::spawn(move || rendered(&analyzer.analyze(&doc)))
                    .join()
                    .expect("the full analysis does not panic")
            };
            let update = state.update(doc.clone());
            match update {
                Update::Partial { .. } => partial += 1,
                Update::Full(_) => full += 1,
                Update::Unchanged => {}
            }
            // The kept facts must be what a fresh computation gives, not only the findings:
            // a stale sentence shows in the findings only once a later edit re-runs its unit.
            let fresh = crate::context::Context::new(&doc);
            for (i, (kept, fresh)) in state
                .sentences
                .iter()
                .zip(fresh.sentences.iter())
                .enumerate()
            {
                let same = kept.norm == fresh.norm
                    && kept.mask == fresh.mask
                    && kept.lead_in == fresh.lead_in
                    && kept.source_span(0, kept.norm.len())
                        == fresh.source_span(0, fresh.norm.len());
                assert!(
                    same,
                    "{} edit {step} (seed {seed}, {update:?}): the kept facts of sentence {i} are \
                     stale\nkept:  {:?}\nfresh: {:?}",
                    path.display(),
                    kept.norm,
                    fresh.norm
                );
            }
            let got = rendered(state.findings());
            if got != expected {
                let first = got
                    .iter()
                    .zip(&expected)
                    .position(|(a, b)| a != b)
                    .unwrap_or(got.len().min(expected.len()));
                panic!(
                    "{} edit {step} (seed {seed}, {update:?}): incremental differs from a full \
                     analysis at finding {first} ({} vs {} findings)\nincremental: {:?}\nfull:        {:?}",
                    path.display(),
                    got.len(),
                    expected.len(),
                    got.get(first),
                    expected.get(first)
                );
            }
            // The brand evidence kept across edits is what the new document gives afresh.
            if let Some(tally) = &state.brands {
                let doc = state.document();
                assert!(
                    tally.same_sums(&BrandTally::new(doc)),
                    "{} edit {step} (seed {seed}, {update:?}): brand sums differ from a fresh count",
                    path.display()
                );
                assert_eq!(
                    &tally.brands(&Context::new(doc)),
                    brand_words(&Context::new(doc)),
                    "{} edit {step} (seed {seed}): brand names",
                    path.display()
                );
                tallied += 1;
            }
        }
    }
    eprintln!("{partial} partial updates, {full} full analyses, {tallied} brand tallies");
    assert!(tallied > 0, "no document kept brand evidence");
    // The fast path must be what most edits take, or this test would prove little about it.
    assert!(
        partial > full,
        "{partial} partial updates, {full} full analyses"
    );
}

#[test]
fn typing_in_a_sentence_reruns_one_unit() {
    let mut text = String::new();
    for i in 1..=60 {
        text.push_str(&format!(
            "{i}. Clause {i}. We may use your content for any purpose — see § {i}.\n\n"
        ));
    }
    let analyzer = Arc::new(Analyzer::default());
    let mut state = Incremental::new(analyzer.clone(), Arc::new(parse(&text, Format::Markdown)));
    let at = text.find("content for any purpose — see § 30").unwrap() + 3;
    text.insert(at, 'x');
    let doc = Arc::new(parse(&text, Format::Markdown));
    let expected = rendered(&analyzer.analyze(&doc));
    let update = state.update(doc);
    assert!(
        matches!(update, Update::Partial { units: 1, of, .. } if of > 1),
        "{update:?}"
    );
    assert_eq!(rendered(state.findings()), expected);
    // A new numbered clause changes the structure: a full analysis.
    text.insert_str(0, "0. New. Text.\n\n");
    let doc = Arc::new(parse(&text, Format::Markdown));
    assert!(matches!(state.update(doc), Update::Full(_)));
}

#[test]
fn deleting_the_last_words_of_a_sentence_recomputes_it() {
    // Zoom Terms of Service: "… substantially similar to the Services." loses "ces." — the new
    // sentence ends exactly where the deleted text was, which once left its old facts in place.
    let mut text = String::new();
    for i in 1..=40 {
        text.push_str(&format!(
            "{i}. You may not build a product “substantially similar” to the Services — or theirs.\n\n"
        ));
    }
    let analyzer = Arc::new(Analyzer::default());
    let mut state = Incremental::new(analyzer.clone(), Arc::new(parse(&text, Format::Markdown)));
    let clause = text.find("20. You may not").unwrap();
    let end = clause + text[clause..].find("theirs.").unwrap() + "theirs.".len();
    text.replace_range(end - 4..end, "");
    let doc = Arc::new(parse(&text, Format::Markdown));
    let fresh = crate::context::Context::new(&doc);
    let expected = rendered(&analyzer.analyze(&doc));
    let update = state.update(doc.clone());
    assert!(matches!(update, Update::Partial { .. }), "{update:?}");
    let stale = state
        .sentences
        .iter()
        .zip(fresh.sentences.iter())
        .position(|(kept, fresh)| kept.norm != fresh.norm);
    assert_eq!(stale, None, "a kept sentence is stale");
    assert_eq!(rendered(state.findings()), expected);
}

#[test]
fn typing_inside_a_defined_term_keeps_the_fast_path() {
    // Typing into one use of “Customer Content” makes it no use of the term: only whole-document
    // rules read term uses, and they re-run anyway, so this is no reason for a full analysis.
    let mut text = String::from(
        "1. Definitions. “Customer Content” means the files you upload — including § 2 material.\r\n\r\n",
    );
    for i in 2..=40 {
        text.push_str(&format!(
            "{i}. We may process Customer Content to provide the service 😀 under clause {i}.\r\n\r\n"
        ));
    }
    let analyzer = Arc::new(Analyzer::default());
    let before = Arc::new(parse(&text, Format::Markdown));
    let mut state = Incremental::new(analyzer.clone(), before.clone());
    let at = text.find("20. We may process Cust").unwrap() + "20. We may process Cust".len();
    text.insert(at, 'x');
    let doc = Arc::new(parse(&text, Format::Markdown));
    assert_eq!(
        doc.term_uses.len() + 1,
        before.term_uses.len(),
        "the edit takes away one use of the term"
    );
    let expected = rendered(&analyzer.analyze(&doc));
    let update = state.update(doc);
    assert!(matches!(update, Update::Partial { .. }), "{update:?}");
    assert_eq!(rendered(state.findings()), expected);
}
