//! Sentence splitting that survives legal drafting: abbreviations (`e.g.`, `Inc.`, `U.S.`, `No. 5`),
//! clause numbers (`10.4`, `1.`), quoted terms ending in a stop, and semicolon-separated lists (which
//! stay one sentence).

use crate::model::Span;

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "ltd", "llc", "l.l.c", "co", "corp", "plc", "gmbh", "s.a", "n.v",
    "b.v", "pty", "u.s", "u.k", "e.u", "u.s.a", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr",
    "vs", "v", "cf", "al", "approx", "dept", "est", "fig", "sec", "secs", "art", "para", "paras",
    "cl", "ch", "pp", "p", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "a.m", "p.m", "viz", "ibid", "id", "incl", "excl", "min", "max", "nos",
    "tel", "ext", "govt", "assn", "bros", "u.s.c", "c.f.r", "seq", "subs", "reg", "regs",
];

/// Words that are abbreviations only before a number (`No. 5`, `Sec. 4`, `Art. 6`).
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "sec", "art", "para", "p", "pp", "vol", "ch", "cl",
];

/// Abbreviations that end a name — a company's legal form, a country, a list — and so often end a
/// sentence too: "… located in the U.S.A. The Company …", "… Acme Inc. All rights reserved."
const NAME_ENDINGS: &[&str] = &[
    "etc", "inc", "ltd", "llc", "l.l.c", "co", "corp", "plc", "gmbh", "s.a", "n.v", "b.v", "pty",
    "u.s", "u.k", "e.u", "u.s.a",
];

/// Words that open a sentence and cannot continue a name ("U.S. Data Privacy Framework" and
/// "Acme Inc. Board" go on; "U.S.A. The" and "Inc. If" do not).
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "These",
    "Those",
    "You",
    "We",
    "If",
    "Any",
    "All",
    "In",
    "Our",
    "Your",
    "Each",
    "It",
    "Please",
    "For",
    "To",
    "Unless",
    "Nothing",
    "Notwithstanding",
    "When",
    "Where",
    "Some",
    "However",
    "Additionally",
    "Also",
    "As",
    "Subject",
    "Without",
    "Upon",
    "By",
    "Such",
    "No",
];

/// A name-ending abbreviation followed by a word that can only open a sentence.
fn ends_sentence_after_name(token: &str, next_word: &str) -> bool {
    let token = token.trim_start_matches(['(', '“', '"']);
    let next_word = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    NAME_ENDINGS.iter().any(|a| a.eq_ignore_ascii_case(token))
        && SENTENCE_OPENERS.contains(&next_word)
}

/// The word before the stop at `dot`: back to a blank, `(`, `"`, `[`, `“` or `‘`.
fn token_before(text: &str, dot: usize) -> &str {
    // Byte by byte while the word is ASCII (nearly always); a character search otherwise.
    let bytes = text.as_bytes();
    let mut start = dot;
    while start > 0 {
        let b = bytes[start - 1];
        if !b.is_ascii() {
            return token_before_by_characters(text, dot);
        }
        if is_ascii_blank(b) || matches!(b, b'(' | b'"' | b'[') {
            break;
        }
        start -= 1;
    }
    &text[start..dot]
}

/// [`token_before`] character by character.
fn token_before_by_characters(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .rfind(|c: char| c.is_whitespace() || "(“\"‘[".contains(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[start..]
}

fn is_abbreviation(token: &str, next_word: &str) -> bool {
    if token.is_ascii() {
        return is_ascii_abbreviation(token, next_word);
    }
    let lower = token.to_lowercase();
    let lower = lower.trim_start_matches(['(', '“', '"']);
    if NUMBER_ABBREVIATIONS.contains(&lower) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if ABBREVIATIONS.contains(&lower) {
        return true;
    }
    // Initials and dotted acronyms: "J.", "U.S", "N.A".
    if token.chars().count() == 1 && token.chars().all(char::is_uppercase) {
        return true;
    }
    lower.contains('.') && lower.split('.').all(|p| p.chars().count() <= 2)
}

/// The longest entry of [`ABBREVIATIONS`] and [`NUMBER_ABBREVIATIONS`] ("approx"): most words
/// before a stop are longer, and need not be compared with a hundred entries.
const LONGEST_ABBREVIATION: usize = 6;

/// [`is_abbreviation`] for an ASCII token (nearly all of them), without lower-casing a copy: the
/// lists are lower-case ASCII, and ASCII case changes no length and no `.`.
fn is_ascii_abbreviation(token: &str, next_word: &str) -> bool {
    let lower = token.trim_start_matches(['(', '"']);
    if lower.len() <= LONGEST_ABBREVIATION {
        if NUMBER_ABBREVIATIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(lower))
        {
            return next_word.starts_with(|c: char| c.is_ascii_digit());
        }
        if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(lower)) {
            return true;
        }
    }
    if token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    lower.contains('.') && lower.split('.').all(|p| p.len() <= 2)
}

/// Split `text[span]` into sentences. `number_len` is the length of a leading clause number that
/// must not end a sentence on its own.
#[cfg(test)]
pub(crate) fn split(text: &str, span: Span, number_len: usize) -> Vec<Span> {
    let mut out = Vec::new();
    split_into(text, span, number_len, &mut out);
    out
}

/// [`split`], appending the sentences to `out` (one buffer for all the blocks of a document,
/// rather than a vector per block).
pub(crate) fn split_into(text: &str, span: Span, number_len: usize, out: &mut Vec<Span>) {
    let from = out.len();
    let bytes = text.as_bytes();
    let content_start = skip_space(text, span.start, span.end);
    // A leading clause number ("1.", "(a)") belongs to the clause, not to its first sentence.
    let mut start = skip_space(text, (content_start + number_len).min(span.end), span.end);
    let mut i = start;
    while i < span.end {
        // Only a stop can end a sentence: skip straight to the next one (they are ASCII, so the
        // byte search never lands inside a character).
        match memchr::memchr3(b'.', b'!', b'?', &bytes[i..span.end]) {
            Some(offset) => i += offset,
            None => break,
        }
        let b = bytes[i];
        let dot = i;
        // Take closing quotes and brackets with the stop: `"`, `'`, `)`, `]`, `*`, `_`, and `”`
        // and `’` (E2 80 9D and E2 80 99).
        let mut j = i + 1;
        while j < span.end {
            let rest = &bytes[j..span.end];
            j += match rest[0] {
                b'"' | b'\'' | b')' | b']' | b'*' | b'_' => 1,
                0xE2 if rest.starts_with("”".as_bytes()) || rest.starts_with("’".as_bytes()) => {
                    3
                }
                _ => break,
            };
        }
        let after_space = skip_space(text, j, span.end);
        let at_end = after_space >= span.end;
        if after_space > j || at_end {
            let next = &text[after_space..span.end];
            let starts_sentence = at_end
                || next.starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || "“\"‘'(§[*".contains(c)
                });
            // Whether the stop ends a sentence, asked only where the next one could start.
            let boundary = || {
                b != b'.' || {
                    let next_word = next.split_whitespace().next().unwrap_or("");
                    let token = token_before(text, dot);
                    let in_number = token.chars().all(|c| c.is_ascii_digit() || c == '.');
                    !((is_abbreviation(token, next_word)
                        && !ends_sentence_after_name(token, next_word))
                        || (in_number && dot < content_start + number_len + 2 && !token.is_empty()))
                }
            };
            if starts_sentence && boundary() {
                out.push(Span::new(start, j));
                start = after_space;
                i = after_space;
                continue;
            }
        }
        i = j;
    }
    let end = trim_end(text, start, span.end);
    if end > start {
        out.push(Span::new(start, end));
    }
    if out[from..].iter().any(|s| s.end - s.start > MAX_SENTENCE) {
        let block: Vec<Span> = out.drain(from..).collect();
        out.extend(block.into_iter().flat_map(|s| cut_run_on(text, s)));
    }
}

/// The longest span read as one sentence. The longest real sentence in 877 terms of service is
/// under 9 KB; a run-on "sentence" beyond this (a line of text without stops, an extraction that
/// lost its punctuation) is cut so that reading a sentence stays cheap: several rules look back
/// from each hit to the start of its clause, which costs the square of a sentence's length.
pub const MAX_SENTENCE: usize = 16 * 1024;

/// `span` in pieces of at most [`MAX_SENTENCE`] bytes, each cut after the last "; " before the
/// limit, else the last ", ", else the last blank, else at a character boundary.
fn cut_run_on(text: &str, span: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let limit = crate::line_index::floor_char_boundary(text, start + MAX_SENTENCE);
        let window = &text[start..limit];
        let cut = ["; ", ", ", " "]
            .iter()
            .find_map(|sep| window.rfind(sep).map(|i| start + i + sep.len()))
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        let end = trim_end(text, start, cut);
        if end > start {
            pieces.push(Span::new(start, end));
        }
        start = skip_space(text, cut, span.end);
    }
    if span.end > start {
        pieces.push(Span::new(start, span.end));
    }
    pieces
}

/// ASCII white space as `char::is_whitespace` has it: tab, line feed, vertical tab, form feed,
/// carriage return and space (`u8::is_ascii_whitespace` leaves out the vertical tab).
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        // An ASCII byte is white space or not on its own; anything else is decoded.
        if bytes[i].is_ascii() {
            if !is_ascii_blank(bytes[i]) {
                break;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('x');
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_run_on_line_is_cut_into_bounded_sentences() {
        let clause = "Vendor may use Customer Content — including “Inputs” — to train § 5 models; ";
        let text = clause.repeat(2_000);
        let spans = super::split(&text, crate::model::Span::new(0, text.len()), 0);
        assert!(spans.len() > 1);
        for s in &spans {
            assert!(s.end - s.start <= super::MAX_SENTENCE, "{s:?}");
            assert!(text[s.start..s.end].starts_with("Vendor"), "{s:?}");
            assert!(text[s.start..s.end].ends_with(';'), "{s:?}");
        }
        // Consecutive pieces leave out nothing but the blank between them.
        for w in spans.windows(2) {
            assert_eq!(text[w[0].end..w[1].start].trim(), "");
        }
        // Without any blank, the cut falls on a character boundary.
        let text = "§".repeat(20_000);
        let spans = super::split(&text, crate::model::Span::new(0, text.len()), 0);
        assert_eq!(spans.len(), 3);
        assert!(spans
            .iter()
            .all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end)));
    }

    use super::*;

    /// The splitter as it was before its byte-level shortcuts (stops, blanks, the word before a
    /// stop, abbreviation lengths), to compare with.
    mod by_characters {
        use super::super::{
            cut_run_on, ends_sentence_after_name, trim_end, ABBREVIATIONS, MAX_SENTENCE,
            NUMBER_ABBREVIATIONS,
        };
        use crate::model::Span;

        /// The word before a stop was always found character by character before.
        fn token_before(text: &str, dot: usize) -> &str {
            super::super::token_before_by_characters(text, dot)
        }

        /// Only the ASCII path changed (it gained the length shortcut); other tokens go through
        /// the splitter's own function, unchanged.
        fn is_abbreviation(token: &str, next_word: &str) -> bool {
            if token.is_ascii() {
                return is_ascii_abbreviation(token, next_word);
            }
            super::super::is_abbreviation(token, next_word)
        }

        fn is_ascii_abbreviation(token: &str, next_word: &str) -> bool {
            let lower = token.trim_start_matches(['(', '"']);
            if NUMBER_ABBREVIATIONS
                .iter()
                .any(|a| a.eq_ignore_ascii_case(lower))
            {
                return next_word.starts_with(|c: char| c.is_ascii_digit());
            }
            if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(lower)) {
                return true;
            }
            if token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase()) {
                return true;
            }
            lower.contains('.') && lower.split('.').all(|p| p.len() <= 2)
        }

        pub(super) fn split(text: &str, span: Span, number_len: usize) -> Vec<Span> {
            let mut out = Vec::new();
            let bytes = text.as_bytes();
            let content_start = skip_space(text, span.start, span.end);
            // A leading clause number ("1.", "(a)") belongs to the clause, not to its first sentence.
            let mut start = skip_space(text, (content_start + number_len).min(span.end), span.end);
            let mut i = start;
            while i < span.end {
                // Only a stop can end a sentence: skip straight to the next one (they are ASCII, so the
                // byte search never lands inside a character).
                match memchr::memchr3(b'.', b'!', b'?', &bytes[i..span.end]) {
                    Some(offset) => i += offset,
                    None => break,
                }
                let b = bytes[i];
                let dot = i;
                // Take closing quotes and brackets with the stop.
                let mut j = i + 1;
                while j < span.end {
                    let rest = &text[j..span.end];
                    let c = rest.chars().next().unwrap_or(' ');
                    if "\"”’')]*_".contains(c) {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let after_space = skip_space(text, j, span.end);
                let at_end = after_space >= span.end;
                if after_space > j || at_end {
                    let next = &text[after_space..span.end];
                    let next_word = next.split_whitespace().next().unwrap_or("");
                    let starts_sentence = at_end
                        || next.starts_with(|c: char| {
                            c.is_uppercase() || c.is_ascii_digit() || "“\"‘'(§[*".contains(c)
                        });
                    let boundary = b != b'.' || {
                        let token = token_before(text, dot);
                        let in_number = token.chars().all(|c| c.is_ascii_digit() || c == '.');
                        !((is_abbreviation(token, next_word)
                            && !ends_sentence_after_name(token, next_word))
                            || (in_number
                                && dot < content_start + number_len + 2
                                && !token.is_empty()))
                    };
                    if starts_sentence && boundary {
                        out.push(Span::new(start, j));
                        start = after_space;
                        i = after_space;
                        continue;
                    }
                }
                i = j;
            }
            let end = trim_end(text, start, span.end);
            if end > start {
                out.push(Span::new(start, end));
            }
            if out.iter().any(|s| s.end - s.start > MAX_SENTENCE) {
                out = out.into_iter().flat_map(|s| cut_run_on(text, s)).collect();
            }
            out
        }

        fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
            while i < end {
                let c = text[i..].chars().next().unwrap_or('x');
                if c.is_whitespace() {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            i
        }
    }

    /// Random text over the pieces the splitter reads: stops, abbreviations, closing marks,
    /// blanks (Unicode ones too), capitals, digits and non-ASCII words.
    #[test]
    fn splits_as_the_character_level_splitter_on_random_text() {
        const PIECES: &[&str] = &[
            ".",
            ". ",
            "! ",
            "? ",
            "Inc.",
            "U.S.A.",
            "e.g.",
            "No.",
            "approx.",
            "Ltd",
            " The ",
            " the ",
            "The",
            "“",
            "”",
            "’",
            "‘",
            "\"",
            "'",
            ")",
            "]",
            "*",
            "_",
            "(",
            "[",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{0b}",
            "\u{a0}",
            "\u{85}",
            "\u{2003}",
            "1.",
            "10.4",
            "5",
            "é",
            "État",
            "Ökonomie.",
            "J.",
            "x",
            "Sec",
            "Services",
            "§",
        ];
        let mut next = crate::kept_parse_tests::xorshift(0x2545_f491_4f6c_dd1d_u64);
        for _ in 0..30_000 {
            let len = 1 + next() % 30;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            // A leading clause number, as the structure reader reports it.
            let content = text.trim_start();
            let number_len = ["10.4", "1.", "5"]
                .iter()
                .find(|n| content.starts_with(**n))
                .map_or(0, |n| n.len());
            let span = Span::new(0, text.len());
            assert_eq!(
                split(&text, span, number_len),
                by_characters::split(&text, span, number_len),
                "{text:?} {number_len}"
            );
        }
    }

    #[test]
    fn the_longest_abbreviation_is_known() {
        let longest = ABBREVIATIONS
            .iter()
            .chain(NUMBER_ABBREVIATIONS)
            .map(|a| a.len())
            .max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()), 0)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text =
            "Zoom Video Communications, Inc. provides the Services, e.g. meetings, i.e. video. \
                    It is a U.S. company under Sec. 5 and No. 12. Next sentence.";
        assert_eq!(
            sentences(text),
            vec![
                "Zoom Video Communications, Inc. provides the Services, e.g. meetings, i.e. video.",
                "It is a U.S. company under Sec. 5 and No. 12.",
                "Next sentence."
            ]
        );
    }

    #[test]
    fn a_name_ending_abbreviation_can_end_a_sentence() {
        let text = "The Services are operated from the U.S.A. The Company — Acme, Inc. — may change them. \
                    Copyright 2026 Acme Ltd. All rights reserved. It follows the E.U.-U.S. Data Privacy Framework \
                    and the U.S. Data Privacy Framework, as Acme Inc. Board members agreed.";
        assert_eq!(
            sentences(text),
            vec![
                "The Services are operated from the U.S.A.",
                "The Company — Acme, Inc. — may change them.",
                "Copyright 2026 Acme Ltd.",
                "All rights reserved.",
                "It follows the E.U.-U.S. Data Privacy Framework and the U.S. Data Privacy Framework, as Acme Inc. Board members agreed."
            ]
        );
        // "e.g." and "No." never end a sentence on their own.
        assert_eq!(sentences("Use it for, e.g. The Times, or No. 5.").len(), 1);
    }

    #[test]
    fn section_numbers_and_quotes() {
        let text =
            "As set out in Section 10.4, you own it. The term is “Services.” We may change it.";
        assert_eq!(
            sentences(text),
            vec![
                "As set out in Section 10.4, you own it.",
                "The term is “Services.”",
                "We may change it."
            ]
        );
    }

    #[test]
    fn semicolon_lists_stay_together() {
        let text = "You will not: (a) copy the Software; (b) resell it; and (c) reverse engineer it. Done.";
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn leading_clause_number_is_not_a_sentence() {
        let text = "1. Definitions apply. Second.";
        let got: Vec<&str> = split(text, Span::new(0, text.len()), 3)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, vec!["Definitions apply.", "Second."]);
    }
}
