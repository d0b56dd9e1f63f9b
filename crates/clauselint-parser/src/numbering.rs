//! Clause numbers, titles and ALL-CAPS headings at the start of a block.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::NumberStyle;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// Dotted decimal components: `10.4` → [10, 4].
    Decimal(Vec<u32>),
    Article(String),
    Paren(String),
    Letter(String),
    Attachment(String, String),
}

#[derive(Clone, Debug)]
pub(crate) struct LeadingNumber {
    /// As written, trimmed of trailing `.`: `10.4`, `(a)`, `Section 5`, `§ 2`.
    pub written: String,
    pub label: Label,
    /// Bytes consumed including the whitespace after the number.
    pub len: usize,
}

fn number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)^(?:
              (?P<kw>(?i-u:section|sec\.|article|clause|part|paragraph))\s+(?P<kwnum>[0-9]{1,3}(?:\\?\.[0-9]{1,3})*|[IVXLCDM]{1,7}(?-u:\b)|[ivxlcdm]{1,7}(?-u:\b)|[A-Z](?-u:\b))(?:\\?[.:])?
            | (?P<att>(?i-u:exhibit|schedule|annex|appendix|attachment))\s+(?P<attnum>[A-Z0-9]{1,3}(?-u:\b)|[IVX]{1,4}(?-u:\b))(?:\\?[.:])?
            | (?P<sect>§{1,2})\s*(?P<sectnum>[0-9]{1,3}(?:\\?\.[0-9]{1,3})*)\\?\.?
            | (?P<dotted>[0-9]{1,3}(?:\\?\.[0-9]{1,3})+)\\?[.)]?
            | (?P<dec>[0-9]{1,3})(?:\\?\.|\ \.|\))
            | \((?P<paren>[a-z]{1,2}|[ivxlcdm]{1,6}|[A-Z]{1,2}|[IVXLCDM]{1,6}|[0-9]{1,3})\)
            | (?P<letter>[a-zA-Z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6})(?:\\?\.|\))
            )(?:\s+|$)",
        )
        .expect("valid clause-number regex")
    })
}

/// The words [`number_regex`] accepts before a number (`sec` as in `Sec. 4`).
const NUMBER_KEYWORDS: &[&str] = &[
    "section",
    "sec",
    "article",
    "clause",
    "part",
    "paragraph",
    "exhibit",
    "schedule",
    "annex",
    "appendix",
    "attachment",
];

/// Whether `content` can open with a clause number at all: false only where [`number_regex`]
/// cannot match. Most blocks open with a word that is neither a numbering keyword nor a lone
/// letter or roman numeral before `.` or `)`, and this spares them the capture search, the
/// largest single cost of parsing a long contract after Markdown itself.
fn may_open_with_number(content: &str) -> bool {
    let bytes = content.as_bytes();
    match bytes.first() {
        Some(b'0'..=b'9' | b'(') => true,
        Some(_) if content.starts_with('§') => true,
        Some(b) if b.is_ascii_alphabetic() => {
            let word_len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let word = &content[..word_len];
            let marked = matches!(bytes.get(word_len), Some(b'.' | b')' | b'\\'));
            let label = word_len == 1
                || (word_len <= 6 && word.bytes().all(|b| b"ivxlcdmIVXLCDM".contains(&b)));
            (marked && label) || NUMBER_KEYWORDS.iter().any(|k| word.eq_ignore_ascii_case(k))
        }
        _ => false,
    }
}

pub(crate) fn leading_number(content: &str) -> Option<LeadingNumber> {
    if !may_open_with_number(content) {
        return None;
    }
    let caps = number_regex().captures(content)?;
    let len = caps.get(0)?.end();
    let written_all = caps.get(0)?.as_str().trim_end();
    let written = written_all
        .trim_end_matches([':', '.'])
        .trim_end_matches('\\')
        .trim_end()
        .replace("\\.", ".");
    let label = if let Some(kw) = caps.name("kw") {
        let num = caps.name("kwnum")?.as_str().replace('\\', "");
        let kw = kw.as_str().to_ascii_lowercase();
        if kw == "article" && !num.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Label::Article(num.to_ascii_uppercase())
        } else if let Some(d) = parse_decimal(&num) {
            if kw == "article" {
                Label::Article(num)
            } else {
                Label::Decimal(d)
            }
        } else {
            Label::Article(num.to_ascii_uppercase())
        }
    } else if let Some(att) = caps.name("att") {
        Label::Attachment(
            att.as_str().to_ascii_lowercase(),
            caps.name("attnum")?.as_str().to_ascii_uppercase(),
        )
    } else if let Some(n) = caps.name("sectnum") {
        Label::Decimal(parse_decimal(&n.as_str().replace('\\', ""))?)
    } else if let Some(n) = caps.name("dotted").or_else(|| caps.name("dec")) {
        Label::Decimal(parse_decimal(&n.as_str().replace('\\', ""))?)
    } else if let Some(p) = caps.name("paren") {
        Label::Paren(p.as_str().to_string())
    } else if let Some(l) = caps.name("letter") {
        // "A. " could open a sentence ("A. Smith"); only single letters and roman numerals count.
        Label::Letter(l.as_str().to_string())
    } else {
        return None;
    };
    // "1.5 million" or "2. 5%" are not clause numbers: the text after a number must look like prose.
    let rest = &content[len..];
    if rest.starts_with(['%', '$']) {
        return None;
    }
    Some(LeadingNumber {
        written,
        label,
        len,
    })
}

/// One block's clause number, as read by [`NumberReader`]: the block's content range in the
/// analysis text and what [`leading_number`] found there.
struct KeptNumber {
    start: usize,
    end: usize,
    number: Option<LeadingNumber>,
}

thread_local! {
    /// The analysis text of the last document whose structure was read on this thread, and the
    /// clause numbers of its blocks in text order.
    static KEPT_NUMBERS: std::cell::RefCell<(String, Vec<KeptNumber>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// [`leading_number`] for every block of one document, reusing what the last document parsed on
/// this thread had where a block's content is byte for byte the same text at the same place.
///
/// An editor parses the whole text again after every keystroke, and reading clause numbers (a
/// capture search per numbered block) was a fifth of that parse on a numbered contract. A number is
/// read from its block's content alone, so a block lying wholly in the text before the edited range
/// (the common prefix of the two versions), or wholly in the text after it (the common suffix,
/// moved by the change in length), has the number it had. A batch scan, where documents share no
/// text, reads every block.
pub(crate) struct NumberReader {
    old: Vec<KeptNumber>,
    /// Blocks read so far, for the next document.
    read: Vec<KeptNumber>,
    /// The old text's buffer, refilled with this one's when done.
    text_buffer: String,
    unchanged: crate::kept_search::UnchangedText,
}

impl NumberReader {
    pub(crate) fn new(text: &str) -> Self {
        let (old_text, old) = KEPT_NUMBERS.with(|k| std::mem::take(&mut *k.borrow_mut()));
        NumberReader {
            old,
            read: Vec::new(),
            unchanged: crate::kept_search::UnchangedText::between(&old_text, text),
            text_buffer: old_text,
        }
    }

    /// The clause number at the start of `text[start..end]`: what [`leading_number`] returns.
    pub(crate) fn read(&mut self, text: &str, start: usize, end: usize) -> Option<LeadingNumber> {
        let kept = self
            .unchanged
            .old_range(start, end)
            .and_then(|(old_start, old_end)| {
                let i = self
                    .old
                    .binary_search_by_key(&old_start, |k| k.start)
                    .ok()?;
                (self.old[i].end == old_end).then(|| self.old[i].number.take())
            });
        let number = match kept {
            Some(number) => number,
            None => leading_number(&text[start..end]),
        };
        self.read.push(KeptNumber {
            start,
            end,
            number: number.clone(),
        });
        number
    }

    /// Keeps this document's numbers for the next parse on this thread.
    pub(crate) fn finish(mut self, text: &str) {
        self.text_buffer.clear();
        self.text_buffer.push_str(text);
        // Blocks come in text order; the search above relies on it.
        if self.read.windows(2).all(|w| w[0].start < w[1].start) {
            KEPT_NUMBERS.with(|k| *k.borrow_mut() = (self.text_buffer, self.read));
        }
    }
}

fn parse_decimal(s: &str) -> Option<Vec<u32>> {
    s.trim_end_matches('.')
        .split('.')
        .map(|p| p.parse::<u32>().ok())
        .collect()
}

pub(crate) fn is_roman(s: &str) -> bool {
    !s.is_empty() && roman_value(s).is_some()
}

pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c.to_ascii_lowercase() {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let values: Option<Vec<u32>> = s.chars().map(digit).collect();
    let values = values?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    (total > 0 && total < 4000).then_some(total as u32)
}

/// Style for a parenthesised or dotted letter label, resolving `(i)`: a roman numeral unless the
/// open alphabetic list's last letter was `h` (then it is the letter after `h`).
pub(crate) fn letter_style(
    label: &str,
    paren: bool,
    open_alpha_last: Option<&str>,
    open_roman: bool,
) -> NumberStyle {
    let lower = label.chars().all(|c| c.is_ascii_lowercase());
    let digit = label.chars().all(|c| c.is_ascii_digit());
    if digit {
        return if paren {
            NumberStyle::ParenDigit
        } else {
            NumberStyle::Decimal(1)
        };
    }
    let roman_style = if paren {
        NumberStyle::ParenRoman
    } else {
        NumberStyle::Roman
    };
    let alpha_style = match (paren, lower) {
        (true, true) => NumberStyle::ParenLower,
        (true, false) => NumberStyle::ParenUpper,
        (false, true) => NumberStyle::AlphaLower,
        (false, false) => NumberStyle::AlphaUpper,
    };
    if !is_roman(label) {
        return alpha_style;
    }
    if label.len() > 1 {
        // "ii", "iv", "xi": a letter list never gets that far with doubled letters except "ii".
        return roman_style;
    }
    let follows_alpha = open_alpha_last.is_some_and(|last| {
        last.len() == 1
            && (last.as_bytes()[0].to_ascii_lowercase() + 1)
                == label.as_bytes()[0].to_ascii_lowercase()
    });
    if follows_alpha {
        return alpha_style;
    }
    if open_roman || label.eq_ignore_ascii_case("i") {
        return roman_style;
    }
    alpha_style
}

/// An ALL-CAPS title line (`LIMITATION OF LIABILITY`, `10. CUSTOMER CONTENT`): short, mostly
/// upper-case letters, not ending like a sentence that continues.
pub(crate) fn is_title_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() < 3 || line.len() > 100 || line.ends_with([',', ';']) {
        return false;
    }
    let words = line.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters < 3 {
        return false;
    }
    // A disclaimer sentence in capitals ends with a full stop and runs long; a title does not.
    upper * 10 >= letters * 9 && !(line.ends_with('.') && words > 6)
}

/// A run-in title at the start of a block's content (`Customer Content. You retain…`): up to eight
/// words, each significant one capitalised, ending with a full stop (or a colon) before more text.
/// Returns the title's length in bytes (without the stop).
pub(crate) fn run_in_title(content: &str, strong_prefix: Option<usize>) -> Option<usize> {
    // The stops are ASCII: a byte search finds the same offset as a character search.
    let end = memchr::memchr3(b'.', b':', b'\n', content.as_bytes())?;
    let stop = content.as_bytes()[end];
    if stop == b'\n' {
        return None;
    }
    let title = content[..end].trim_end();
    let after = content[end + 1..].trim_start();
    if title.is_empty() || title.len() > 80 {
        return None;
    }
    // A title must be followed by more text (or end the block, as in "1. Definitions.").
    if !after.is_empty() && !after.starts_with(|c: char| c.is_uppercase() || "“\"(‘'".contains(c))
    {
        return None;
    }
    if let Some(strong_end) = strong_prefix {
        // Bold text that covers the title is the drafter's own marking.
        if strong_end + 2 >= end {
            return Some(title.len());
        }
    }
    // Up to eight words, walked without collecting them (this runs for most blocks).
    let word_count = title.split_whitespace().take(9).count();
    if word_count == 0 || word_count > 8 {
        return None;
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
        "&", "-", "–", "—", "your", "our", "its", "from", "under",
    ];
    // `w` is trimmed to alphanumerics, so no dash is left to compare, and no non-ASCII letter
    // lower-cases to these ASCII words (only the Kelvin sign becomes ASCII: `k`): an ASCII
    // case-insensitive comparison is the comparison of the lower-cased word.
    let capitalised = title.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || SMALL.iter().any(|small| small.eq_ignore_ascii_case(w))
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let first_cap = title
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    // Abbreviation stops ("Inc.", "U.S.") are not title ends.
    const ABBREVIATIONS: &[&str] = &[
        "inc", "ltd", "co", "corp", "llc", "no", "u.s", "mr", "ms", "dr", "st", "e.g", "i.e",
    ];
    let last = title.split_whitespace().next_back().unwrap_or("");
    let abbreviation =
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last)) || last.len() == 1;
    (capitalised && first_cap && !abbreviation && (stop == b'.' || word_count <= 6))
        .then_some(title.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(s: &str) -> Option<String> {
        leading_number(s).map(|n| n.written)
    }

    #[test]
    fn kept_numbers_give_what_a_fresh_parse_gives() {
        const PIECES: &[&str] = &[
            "1",
            "2.",
            "(a)",
            "(iv) ",
            "§ ",
            "Section ",
            ".",
            " ",
            "\n",
            "\n\n",
            "x",
            "“",
            "—",
            "%",
            "A.",
            "10.4 ",
            ")",
            "\n\n3.\n\n",
        ];
        let base = "# Terms\n\n1. Definitions\n\n1.1 “Customer Data” means data you upload.\n\n                    (a) first item;\n\n(b) second item.\n\n2. Use\n\nSection 3 applies — see § 4.\n\n                    A. Lettered.\n\niv) roman.\n\n10.4 Survival.\n\n5% of fees.\n";
        crate::kept_parse_tests::assert_edits_parse_as_fresh(&crate::kept_parse_tests::Edits {
            base,
            pieces: PIECES,
            same_length: b"1x.( )a",
            // Half the edits land at or just after a block's start, where its number is.
            aims: |text| text.match_indices("\n\n").map(|(i, _)| i + 2).collect(),
            spread: 4,
            rounds: 400,
            reset_every: 50,
            seed: 0x2545_f491_4f6c_dd1d,
        });
    }

    #[test]
    fn recognises_numbering_styles() {
        assert_eq!(written("1. Definitions"), Some("1".into()));
        assert_eq!(written("1.2 Scope"), Some("1.2".into()));
        assert_eq!(written("1.2.3. Scope"), Some("1.2.3".into()));
        assert_eq!(written("(a) the Services"), Some("(a)".into()));
        assert_eq!(written("(iv) any"), Some("(iv)".into()));
        assert_eq!(written("Section 5. Fees"), Some("Section 5".into()));
        assert_eq!(written("ARTICLE IV TERM"), Some("ARTICLE IV".into()));
        assert_eq!(written("§ 5 Term"), Some("§ 5".into()));
        assert_eq!(written("10\\. Customer Content"), Some("10".into()));
        // Markdown's escaped "1\." reaches the analysis text with the backslash blanked.
        assert_eq!(written("1 . ACCOUNT INFORMATION"), Some("1".into()));
        assert_eq!(written("Exhibit A Pricing"), Some("Exhibit A".into()));
    }

    /// The cheap test never turns away a block the regex would number: every opening the
    /// alternatives allow, in both cases, with prose and markup after it, and real blocks.
    #[test]
    fn the_cheap_test_keeps_every_numbered_opening() {
        let openings = [
            "1.",
            "1.2",
            "10\\.",
            "1 .",
            "3)",
            "(a)",
            "(iv)",
            "(A)",
            "(12)",
            "§ 5",
            "§§ 2.1",
            "a.",
            "b)",
            "Z.",
            "ii.",
            "IV)",
            "xiv\\.",
            "Section 5",
            "SEC. 4",
            "sec. 4",
            "Article IV",
            "clause 7",
            "Part B",
            "PARAGRAPH 2",
            "Exhibit A",
            "schedule 2",
            "Annex I",
            "Appendix C",
            "ATTACHMENT 3",
            "Customer",
            "The",
            "Sections 3",
            "A Smith",
            "“1.",
            "— 2.",
            " 1.",
            "é.",
            "",
        ];
        let tails = ["", " ", " Definitions", ". Fees", "\n", ": the"];
        let mut texts: Vec<String> = Vec::new();
        for o in openings {
            for t in tails {
                texts.push(format!("{o}{t}"));
            }
        }
        let zoom = include_str!("../../../corpus/examples/zoom-terms-of-service.md");
        texts.extend(
            zoom.lines()
                .map(|l| l.trim_start_matches(['#', ' ', '*']).to_string()),
        );
        for text in &texts {
            if number_regex().is_match(text) {
                assert!(may_open_with_number(text), "turned away: {text:?}");
            }
        }
        assert!(!may_open_with_number("Customer shall pay."));
        assert!(!may_open_with_number("Sections 3 and 4"));
    }

    #[test]
    fn prose_is_not_numbered() {
        assert!(leading_number("30 days after").is_none());
        assert!(leading_number("2023 was").is_none());
        assert!(leading_number("Customer shall").is_none());
        assert!(leading_number("1.5 %").is_none());
    }

    #[test]
    fn roman_or_alpha() {
        assert_eq!(
            letter_style("i", true, None, false),
            NumberStyle::ParenRoman
        );
        assert_eq!(
            letter_style("i", true, Some("h"), false),
            NumberStyle::ParenLower
        );
        assert_eq!(
            letter_style("c", true, Some("b"), false),
            NumberStyle::ParenLower
        );
        assert_eq!(letter_style("v", true, None, true), NumberStyle::ParenRoman);
        assert_eq!(
            letter_style("iv", true, None, false),
            NumberStyle::ParenRoman
        );
    }

    #[test]
    fn title_lines() {
        assert!(is_title_line("LIMITATION OF LIABILITY"));
        assert!(is_title_line("10. CUSTOMER CONTENT"));
        assert!(!is_title_line(
            "IN NO EVENT SHALL ZOOM BE LIABLE FOR ANY DAMAGES WHATSOEVER ARISING."
        ));
        assert!(!is_title_line("Customer Content"));
    }

    #[test]
    fn run_in_titles() {
        assert_eq!(
            run_in_title("Customer Content. You retain all rights.", None),
            Some(16)
        );
        assert_eq!(
            run_in_title("System Requirements. Use of the Services", None),
            Some(19)
        );
        assert_eq!(
            run_in_title("Zoom Video Communications, Inc. The", None),
            None
        );
        assert_eq!(
            run_in_title("You agree that we may use it. Then", None),
            None
        );
    }
}
