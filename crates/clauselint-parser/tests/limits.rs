//! The document limits of `parse_limited`: nesting beyond the limit and a spent deadline are
//! errors naming the limit and how to raise it; within the limits the result is the same document
//! `parse` gives.

use std::time::Duration;

use clauselint_parser::{parse, parse_limited, Deadline, Format, Limit, Limits};

fn limited(text: &str, format: Format, limits: &Limits) -> Result<usize, Limit> {
    parse_limited(text, format, limits, &Deadline::after(limits.max_time))
        .map(|doc| doc.clauses.len())
        .map_err(|e| e.limit)
}

#[test]
fn one_hundred_thousand_nested_list_items_exceed_the_nesting_limit() {
    let text = format!("{}item\n", "- ".repeat(100_000));
    let e = parse_limited(
        &text,
        Format::Markdown,
        &Limits::default(),
        &Deadline::never(),
    )
    .expect_err("100,000 nested lists");
    assert_eq!(e.limit, Limit::Nesting);
    let message = e.to_string();
    assert!(message.contains("100000 levels"), "{message}");
    assert!(message.contains("limit 100 levels"), "{message}");
    assert!(
        message.contains("--max-nesting") && message.contains("`max_nesting` under [limits]"),
        "{message}"
    );
}

#[test]
fn deeply_nested_quotes_exceed_the_nesting_limit_and_shallow_ones_do_not() {
    let deep = format!("{} “Customer Data” — § 2\n", ">".repeat(5_000));
    assert_eq!(
        limited(&deep, Format::Markdown, &Limits::default()),
        Err(Limit::Nesting)
    );
    let shallow = format!("{} 1. Customer Data — § 2\n", "> ".repeat(20));
    assert!(limited(&shallow, Format::Markdown, &Limits::default()).is_ok());
    let raised = Limits {
        max_nesting: 10_000,
        ..Limits::default()
    };
    assert!(limited(&deep, Format::Markdown, &raised).is_ok());
}

#[test]
fn clause_depth_counts_for_plain_text() {
    let deep: String = (1..=30)
        .map(|depth| format!("{} Clause text — “Term”.\n", vec!["1"; depth].join(".")))
        .collect();
    let tight = Limits {
        max_nesting: 5,
        ..Limits::default()
    };
    assert_eq!(limited(&deep, Format::Text, &tight), Err(Limit::Nesting));
    let doc = parse(&deep, Format::Text);
    let deepest = doc.clauses.iter().map(|c| c.depth + 1).max().unwrap();
    assert!(deepest > 5, "the fixture nests {deepest} deep");
    let exact = Limits {
        max_nesting: deepest,
        ..Limits::default()
    };
    assert_eq!(limited(&deep, Format::Text, &exact), Ok(doc.clauses.len()));
}

#[test]
fn a_spent_deadline_is_a_time_error() {
    let text =
        "1. Licence. Customer grants Vendor a licence.\n\n2. Fees. Customer pays.\n".repeat(200);
    let spent = Deadline::after(Duration::ZERO);
    std::thread::sleep(Duration::from_millis(2));
    for format in [Format::Text, Format::Markdown] {
        let e = parse_limited(&text, format, &Limits::default(), &spent).expect_err("no time");
        assert_eq!(e.limit, Limit::Time);
        assert!(e.to_string().contains("--max-analysis-seconds"), "{e}");
    }
}

#[test]
fn within_the_limits_the_document_is_what_parse_gives() {
    let text = "# Terms\n\n1. “Customer Data” means data — see § 2.\n\n> 2. Vendor may not train models.\n";
    for format in [Format::Text, Format::Markdown] {
        let limited = parse_limited(text, format, &Limits::default(), &Deadline::never()).unwrap();
        let plain = parse(text, format);
        assert_eq!(limited.clauses.len(), plain.clauses.len());
        assert_eq!(limited.sentences.len(), plain.sentences.len());
        assert_eq!(limited.text, plain.text);
    }
}
