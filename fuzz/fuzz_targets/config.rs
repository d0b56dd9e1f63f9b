//! The playbook loader: arbitrary `clauselint.toml` text (read strictly, resolved into analyzer
//! settings and vocabulary) or an arbitrary custom rule file (compiled, then run over a short
//! contract). Every input is a playbook or a `ConfigError` naming the file, never a panic.
#![no_main]

use std::path::Path;

use clauselint_analyzer::Analyzer;
use clauselint_config::{compile_rule_text, Overrides, Playbook};
use clauselint_parser::{parse, Format};
use libfuzzer_sys::fuzz_target;

const CONTRACT: &str =
    "# Terms\n\n1. Licence. You grant Vendor a perpetual licence to use Customer Content to train \
its models.\n\n2. \u{201c}Services\u{201d} means the hosted product \u{2014} see Section 1.\n";

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let doc = parse(CONTRACT, Format::Markdown);
    if mode & 1 == 0 {
        // A relative `rules` folder resolves under this path, which does not exist: a clean error.
        if let Ok(playbook) =
            Playbook::from_str(Path::new("/nonexistent/fuzz/clauselint.toml"), &text)
        {
            let _ = playbook.ignores(Path::new("/nonexistent/fuzz/contract.md"));
            let _ = playbook.analyzer(&Overrides::default()).analyze(&doc);
        }
    } else if let Ok(rule) = compile_rule_text(Path::new("/nonexistent/fuzz/rule.toml"), &text) {
        let analyzer = Analyzer::with_playbook(
            Default::default(),
            vec![std::sync::Arc::new(rule)],
            Default::default(),
        );
        for finding in analyzer.analyze(&doc) {
            assert!(finding.span.end <= doc.source.len());
        }
    }
});
