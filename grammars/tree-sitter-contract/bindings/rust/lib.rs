//! # tree-sitter-contract
//!
//! The tree-sitter grammar for the structure of a contract (headings, numbered clauses at any
//! depth, run-in titles, definitions, defined-term quotes, cross-references, body text), for
//! editors and for clauselint's parser. The generated parser (`src/parser.c`) and the external
//! scanner (`src/scanner.c`) are committed and compiled by `build.rs`; building never runs the
//! tree-sitter CLI. This crate must not hold analysis logic: it only exposes the language and its
//! queries.
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser.set_language(&tree_sitter_contract::LANGUAGE.into()).unwrap();
//! let tree = parser.parse("1. Fees. Customer pays.\n", None).unwrap();
//! assert_eq!(tree.root_node().child(0).unwrap().kind(), "clause");
//! ```

use tree_sitter_language::LanguageFn;

extern "C" {
    fn tree_sitter_contract() -> *const ();
}

/// The tree-sitter [`LanguageFn`] for contracts.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_contract) };

/// The content of the [`node-types.json`] file for this grammar.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// Highlighting: clause numbers, titles, headings, defined terms, cross-references.
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// Folding: a clause with its sub-clauses.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

/// Text objects (`@clause.outer`, `@clause.inner`, …) for Neovim and Helix.
pub const TEXTOBJECTS_QUERY: &str = include_str!("../../queries/textobjects.scm");

#[cfg(test)]
mod tests {
    use tree_sitter::{Parser, Query};

    fn parser() -> Parser {
        let mut parser = Parser::new();
        parser
            .set_language(&super::LANGUAGE.into())
            .expect("grammar ABI matches the tree-sitter crate");
        parser
    }

    #[test]
    fn queries_compile() {
        let language = super::LANGUAGE.into();
        for query in [
            super::HIGHLIGHTS_QUERY,
            super::FOLDS_QUERY,
            super::TEXTOBJECTS_QUERY,
        ] {
            Query::new(&language, query).expect("query compiles against the grammar");
        }
    }

    #[test]
    fn prose_never_fails_to_parse() {
        let inputs = [
            "",
            "\n\n\n",
            "just words",
            "1.",
            "(",
            "\"",
            "“unterminated quote\n",
            "Section",
            "§",
            "(the \"",
            "\"Term\" means",
            "ARTICLE IV\n(a) x\n(i) y\n(ii) z\n(b) w\n",
            "1.2.3.4.5.6.7.8.9.10 deep\n",
            "\r\n\r\n1. Fees\r\nMore\r\n",
            "— em dash – en dash … ellipsis “curly” ‘single’ § 5 ¶ 7\n",
            "\u{feff}   \t\u{a0}\n",
        ];
        let mut parser = parser();
        for input in inputs {
            let tree = parser.parse(input, None).expect("parse");
            assert!(
                !tree.root_node().has_error(),
                "{input:?} parsed with errors: {}",
                tree.root_node().to_sexp()
            );
        }
    }

    #[test]
    fn deep_numbering_is_bounded() {
        // More nested levels than the scanner's stack holds: the rest is body text, not an error.
        let mut input = String::new();
        for depth in 1..=120 {
            let number: Vec<String> = (0..depth.min(9)).map(|_| "1".to_string()).collect();
            input.push_str(&format!("({}) item {depth}:\n", roman(depth)));
            input.push_str(&format!("{}. x;\n", number.join(".")));
        }
        let tree = parser().parse(&input, None).expect("parse");
        assert!(!tree.root_node().has_error());
    }

    fn roman(n: usize) -> String {
        let mut out = String::new();
        let mut n = n;
        for (value, digits) in [
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ] {
            while n >= value {
                out.push_str(digits);
                n -= value;
            }
        }
        out
    }
}
