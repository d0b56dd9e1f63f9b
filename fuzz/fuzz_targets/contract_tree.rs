//! The tree-sitter structure pass: plain text through the contract grammar, then a sequence of
//! arbitrary edits applied incrementally to a `ContractTree`, as the language server does on every
//! `didChange`. Offsets are arbitrary (past the end, inside a multi-byte character, reversed):
//! the tree clamps them. After every edit the incrementally re-parsed tree must equal a fresh parse
//! of the same text, and the document built from it must keep the model's invariants.
#![no_main]

use arbitrary::Arbitrary;
use clauselint_parser::ContractTree;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Edit {
    start: u16,
    old_end: u16,
    replacement: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    edits: Vec<Edit>,
}

fn sexp(tree: &ContractTree) -> Option<String> {
    tree.tree().map(|t| t.root_node().to_sexp())
}

fuzz_target!(|input: Input| {
    let mut tree = ContractTree::new(&input.text);
    let violations = tree.document().invariant_violations();
    assert!(violations.is_empty(), "{violations:#?}");
    for edit in input.edits.iter().take(16) {
        tree.edit(
            usize::from(edit.start),
            usize::from(edit.old_end),
            &edit.replacement,
        );
        let fresh = ContractTree::new(tree.text());
        assert_eq!(
            sexp(&tree),
            sexp(&fresh),
            "incremental re-parse differs from a fresh parse of {:?}",
            tree.text()
        );
    }
    let violations = tree.document().invariant_violations();
    assert!(violations.is_empty(), "{violations:#?}");
});
