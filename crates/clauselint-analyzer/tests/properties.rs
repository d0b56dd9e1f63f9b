//! Property tests: for generated contract-like text, arbitrary Unicode and arbitrary Markdown, the
//! parser never panics and keeps the model's invariants, the rules never panic and every finding
//! points at whole characters inside the source, and positions round-trip through line/column and
//! the language server's UTF-16 coordinates.

use clauselint_analyzer::Analyzer;
use clauselint_parser::{parse, Document, Format, Span};
use proptest::prelude::*;

/// Pieces contracts are made of, including the ones parsers trip over: numbering in every style,
/// quotes of every kind, Markdown markup, line endings, non-ASCII letters, emoji and control bytes.
const FRAGMENTS: &[&str] = &[
    "1.",
    "1.2",
    "1.2.3",
    "10.4 Customer Content.",
    "(a)",
    "(iv)",
    "(b)",
    "Section 5",
    "Article IV",
    "§ 5",
    "§§ 2–3",
    "clause 2(b)",
    "Schedule 2",
    "EXHIBIT A",
    "Annex I",
    "“Customer Content” means",
    "\"Services\" means",
    "(the “Services”)",
    "(collectively, ‘Data’)",
    "means",
    "includes",
    "Vendor",
    "Customer",
    "We",
    "you",
    "will",
    "may",
    "not",
    "never",
    "use",
    "train",
    "improve",
    "machine learning",
    "artificial intelligence",
    "models",
    "Customer Data",
    "Usage Data",
    "without your consent",
    "unless you opt out",
    "except",
    "perpetual",
    "irrevocable",
    "worldwide",
    "sublicensable",
    "license",
    "third parties",
    "delete",
    "retain",
    "as is",
    "arbitration",
    "liable",
    "governed by",
    "terminate",
    "at any time",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "—",
    "–",
    "-",
    "’",
    "‘",
    "“",
    "”",
    "\"",
    "'",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "😀",
    "👩‍⚖️",
    "é",
    "İ",
    "ß",
    "ﬁ",
    "日本語",
    "#",
    "## ",
    "###### ",
    "* ",
    "- ",
    "+ ",
    "> ",
    ">> ",
    "|",
    "| a | b |\n|---|---|\n| c | d |",
    "**",
    "__",
    "_",
    "*",
    "`",
    "```\n",
    "~~~",
    "[",
    "](https://example.com)",
    "<!-- note -->",
    "<b>",
    "</b>",
    "&amp;",
    "&#8212;",
    "\\",
    "U.S.",
    "e.g.",
    "i.e.",
    "Inc.",
    "No. 5",
    "herein",
    "    ",
    "1)",
    "A.",
    "I.",
    "ii.",
    "\u{0}",
    "\u{1b}[31m",
    "\u{2028}",
    "0.",
    "999999999999999999999.",
];

fn contract_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => "[a-zA-Z]{1,12}".prop_map(|s| s),
        ],
        0..80,
    )
    .prop_map(|parts| {
        // Words need spaces between them to read as prose at all.
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i % 3 == 0 {
                out.push(' ');
            }
            out.push_str(p);
        }
        out
    })
}

fn check_span(doc: &Document, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= doc.source.len(),
        "{what} {span:?} is outside the source"
    );
    prop_assert!(
        doc.source.is_char_boundary(span.start) && doc.source.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
    Ok(())
}

fn check_document(text: &str, format: Format) -> Result<(), TestCaseError> {
    let doc = parse(text, format);
    let violations = doc.invariant_violations();
    prop_assert!(violations.is_empty(), "{}", violations.join("; "));
    for f in Analyzer::default().analyze(&doc) {
        check_span(&doc, f.span, f.rule)?;
        for r in &f.related {
            check_span(&doc, r.span, "related span")?;
        }
        if let Some(fix) = &f.fix {
            for e in &fix.edits {
                check_span(&doc, e.span, "fix edit")?;
            }
        }
    }
    Ok(())
}

fn check_positions(text: &str) -> Result<(), TestCaseError> {
    let doc = parse(text, Format::Text);
    for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let (line, column) = doc.lines.utf16_position(text, offset);
        prop_assert_eq!(doc.lines.offset_of_utf16(text, line, column), offset);
        let lc = doc.lines.line_col(text, offset);
        prop_assert_eq!(lc.line, line as usize + 1);
    }
    // Positions a client may send past the end of a line or of the document never panic and land
    // on a character boundary.
    for line in 0..doc.lines.line_count() as u32 + 2 {
        let offset = doc.lines.offset_of_utf16(text, line, u32::MAX);
        prop_assert!(text.is_char_boundary(offset));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn contract_like_text_keeps_the_model_invariants(text in contract_text()) {
        check_document(&text, Format::Text)?;
        check_document(&text, Format::Markdown)?;
    }

    #[test]
    fn arbitrary_unicode_keeps_the_model_invariants(text in any::<String>()) {
        check_document(&text, Format::Text)?;
        check_document(&text, Format::Markdown)?;
    }

    #[test]
    fn positions_round_trip_through_utf16(text in contract_text()) {
        check_positions(&text)?;
    }
}
