//! Inputs built to hurt a parser: very long lines, extreme nesting, unbalanced markup, thousands of
//! definitions. Each must parse and analyse without panicking or overflowing the stack, keeping the
//! model's invariants. (Time and peak memory per case are measured by `benches/pathological.sh`
//! on the release build; here only completion and correctness are asserted.)

use clauselint_analyzer::{Analyzer, Deadline};
use clauselint_parser::{parse, Format};

fn survives(name: &str, text: &str, format: Format, analyse: bool) {
    let doc = parse(text, format);
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{name}: {}", violations.join("; "));
    if analyse {
        for f in Analyzer::default().analyze(&doc) {
            assert!(
                f.span.end <= text.len()
                    && text.is_char_boundary(f.span.start)
                    && text.is_char_boundary(f.span.end),
                "{name}: {} at {:?}",
                f.rule,
                f.span
            );
        }
    }
}

#[test]
fn a_single_five_megabyte_line_parses() {
    let sentence = "Vendor may use Customer Content — including “Inputs” — to train § 5 models; ";
    let text = sentence.repeat(5_000_000 / sentence.len());
    survives("5 MB line", &text, Format::Text, false);
    survives("5 MB line", &text, Format::Markdown, false);
    survives(
        "500 KB line",
        &text[..floor(&text, 500_000)],
        Format::Text,
        true,
    );
}

#[test]
fn one_hundred_thousand_nested_list_items() {
    survives(
        "100k list markers on one line",
        &format!("{}item\n", "- ".repeat(100_000)),
        Format::Markdown,
        true,
    );
    let stair: String = (0..20_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i % 64)))
        .collect();
    survives("nested list staircase", &stair, Format::Markdown, true);
}

#[test]
fn deeply_nested_quotes_and_unbalanced_markup() {
    survives(
        "100k quote markers",
        &format!("{} text\n", ">".repeat(100_000)),
        Format::Markdown,
        true,
    );
    survives(
        "unclosed brackets",
        &format!("{}x{}", "[".repeat(100_000), "](".repeat(50_000)),
        Format::Markdown,
        true,
    );
    survives(
        "unclosed emphasis",
        &"*a _b ".repeat(100_000),
        Format::Markdown,
        true,
    );
    survives(
        "unclosed parentheses",
        &"(a “b ".repeat(100_000),
        Format::Text,
        true,
    );
}

#[test]
fn deep_numbering_and_thousands_of_definitions() {
    let deep: String = (1..400)
        .map(|depth| format!("{} Clause text.\n", vec!["1"; depth].join(".")))
        .collect();
    survives("numbering 400 levels deep", &deep, Format::Text, true);
    let definitions: String = (0..5_000)
        .map(|i| {
            format!("“Term {i}” means the thing numbered {i}. “Customer Content” means data. ")
        })
        .collect();
    survives("5,000 definitions", &definitions, Format::Text, true);
}

#[test]
fn control_characters_nul_bytes_and_lone_surrogate_escapes() {
    let text = "1. Terms\u{0}\u{1}\u{7f}\u{1b}[0m “Data\u{0}” means \u{feff}\u{200b}\u{2028}\u{fffd} x.\r\r\n";
    survives("control characters", &text.repeat(1000), Format::Text, true);
    survives(
        "control characters",
        &text.repeat(1000),
        Format::Markdown,
        true,
    );
}

#[test]
fn the_analysis_stops_at_its_deadline() {
    let text =
        "1. Licence. Customer grants Vendor a perpetual licence to use Customer Content to train \
                its models — see § 2.\n\n"
            .repeat(300);
    let doc = parse(&text, Format::Text);
    let analyzer = Analyzer::default();
    let spent = Deadline::after(std::time::Duration::ZERO);
    std::thread::sleep(std::time::Duration::from_millis(2));
    let e = analyzer
        .analyze_within(&doc, &spent)
        .expect_err("no time left");
    assert_eq!(e.limit, clauselint_parser::Limit::Time);
    assert!(e.to_string().contains("max_analysis_seconds"), "{e}");
    let generous = Deadline::after(std::time::Duration::from_secs(3600));
    assert_eq!(
        analyzer.analyze_within(&doc, &generous).unwrap().len(),
        analyzer.analyze(&doc).len()
    );
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
