//! Markdown and plain text through the parser, then the built-in rules over the result. The first
//! byte picks the reader; the rest is the document (lossily decoded, as the CLI refuses invalid
//! UTF-8 before the parser sees it). The model's invariants (spans in bounds, on character
//! boundaries, nested in order) and every finding's span are checked, since the CLI, the language
//! server and the rules slice the source with them.
#![no_main]

use std::sync::OnceLock;

use clauselint_analyzer::Analyzer;
use clauselint_parser::{parse, parse_text_line_based, Format};
use libfuzzer_sys::fuzz_target;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::default)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let source = String::from_utf8_lossy(rest);
    let doc = match mode % 3 {
        0 => parse(&source, Format::Markdown),
        1 => parse(&source, Format::Text),
        _ => parse_text_line_based(&source),
    };
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{violations:#?}");
    for finding in analyzer().analyze(&doc) {
        let span = finding.span;
        assert!(
            span.start <= span.end
                && span.end <= doc.source.len()
                && doc.source.is_char_boundary(span.start)
                && doc.source.is_char_boundary(span.end),
            "{} reported {span:?} in a {}-byte source",
            finding.rule,
            doc.source.len()
        );
        let _ = doc.lines.line_col(&doc.source, span.end);
    }
});
