//! Random edits of a document, each parsed on a thread that keeps state from the version before
//! and on a fresh thread, whose results must be equal: the tests of the kept parse phases
//! (`numbering::NumberReader`, `definitions::KeptDefinitions`).

/// What a round of edits inserts, replaces with, and aims at.
pub(crate) struct Edits<'a> {
    pub base: &'a str,
    /// Inserted at random.
    pub pieces: &'a [&'a str],
    /// ASCII bytes a same-length replacement writes: every range stays, so only the bounds
    /// of the kept region can tell.
    pub same_length: &'a [u8],
    /// Where half the edits land (plus up to `spread - 1` bytes).
    pub aims: fn(&str) -> Vec<usize>,
    pub spread: u64,
    pub rounds: usize,
    /// The text goes back to `base` every this many rounds.
    pub reset_every: usize,
    pub seed: u64,
}

/// xorshift64 from `seed`: the parser tests' random texts and edits, deterministic so that a
/// failure can be replayed from its seed.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

/// A parse on a thread of its own: nothing kept from an earlier document.
fn fresh_parse(text: &str) -> String {
    let text = text.to_string();
    std::thread::spawn(move || format!("{:?}", crate::parse(&text, crate::Format::Markdown)))
        .join()
        .unwrap()
}

/// Parses `version` on this thread (keeping what the last version left) and on a fresh one.
pub(crate) fn assert_kept_parse_is_fresh(version: &str) {
    let kept = format!("{:?}", crate::parse(version, crate::Format::Markdown));
    assert_eq!(kept, fresh_parse(version), "{version:?}");
}

pub(crate) fn assert_edits_parse_as_fresh(e: &Edits) {
    let mut next = xorshift(e.seed);
    let mut text = e.base.to_string();
    for round in 0..e.rounds {
        if round % e.reset_every == 0 {
            text = e.base.to_string();
        }
        let aims = (e.aims)(&text);
        let mut at = if next().is_multiple_of(2) && !aims.is_empty() {
            let aim = aims[(next() % aims.len() as u64) as usize];
            (aim + (next() % e.spread) as usize).min(text.len())
        } else {
            (next() % (text.len() as u64 + 1)) as usize
        };
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let op = next() % 3;
        if op == 2 && text.as_bytes().get(at).is_some_and(u8::is_ascii) {
            let by = e.same_length[(next() % e.same_length.len() as u64) as usize] as char;
            text.replace_range(at..at + 1, by.encode_utf8(&mut [0; 4]));
        } else if op == 1 && at < text.len() {
            let mut end = (at + 1 + (next() % 6) as usize).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, "");
        } else {
            text.insert_str(at, e.pieces[(next() % e.pieces.len() as u64) as usize]);
        }
        assert_kept_parse_is_fresh(&text);
    }
}
