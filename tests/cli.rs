//! End-to-end tests of the `clauselint` binary: exit codes, the JSON schema, human output and errors
//! on bad input.

#[path = "docx/builder.rs"]
mod docx_builder;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn clauselint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauselint"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run clauselint")
}

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = clauselint(args);
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "invalid JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().unwrap_or(-1), value)
}

#[test]
fn bundled_example_reports_ai_training_with_exact_offsets() {
    let (code, report) = json(&[
        "check",
        "--format",
        "json",
        "corpus/examples/zoom-terms-of-service.md",
    ]);
    assert_eq!(code, 1, "findings mean exit status 1");
    assert_eq!(report["version"], 1);
    let file = &report["files"][0];
    assert_eq!(file["format"], "markdown");
    let source =
        std::fs::read_to_string(root().join("corpus/examples/zoom-terms-of-service.md")).unwrap();
    let findings = file["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "data-rights/broad-license"));
    for f in findings {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert!(source.is_char_boundary(start) && source.is_char_boundary(end));
        // The line of `start` is where the finding says it is.
        let line = source[..start].matches('\n').count() + 1;
        assert_eq!(f["line"].as_u64().unwrap() as usize, line);
        let column = source[..start].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(f["column"].as_u64().unwrap() as usize, column);
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
}

#[test]
fn fixture_findings_carry_clause_and_suggestion() {
    let (code, report) = json(&["check", "--format", "json", "tests/fixtures/short-terms.md"]);
    assert_eq!(code, 1);
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let grant = findings
        .iter()
        .find(|f| f["rule"] == "ai-training/content-grant")
        .expect("content grant found");
    assert_eq!(grant["clause"], "2.2 AI");
    assert_eq!(
        grant["quote"],
        "Acme may use Customer Content to train and improve its machine learning models."
    );
    assert!(grant["suggestion"]
        .as_str()
        .unwrap()
        .contains("will not use Customer Content"));
    let licence = findings
        .iter()
        .find(|f| f["rule"] == "data-rights/broad-license")
        .unwrap();
    assert!(licence["message"]
        .as_str()
        .unwrap()
        .contains("perpetual and irrevocable"));
    // The protective clause about advertisers is not a sharing risk.
    assert!(!findings
        .iter()
        .any(|f| f["rule"] == "data-rights/third-party-sharing"));
}

#[test]
fn crlf_text_offsets_point_at_the_sentence() {
    let (_, report) = json(&["check", "--format", "json", "tests/fixtures/crlf.txt"]);
    let source = std::fs::read_to_string(root().join("tests/fixtures/crlf.txt")).unwrap();
    let f = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ai-training/content-grant")
        .expect("grant in CRLF text");
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &source[start..end],
        "We may use Data to train our AI models."
    );
    assert_eq!(f["line"], 4);
}

#[test]
fn min_severity_filters_and_sets_exit_status() {
    let (code, report) = json(&[
        "check",
        "--format",
        "json",
        "--min-severity",
        "error",
        "--disable",
        "ai-training/*",
        "--disable",
        "data-rights/*",
        "--disable",
        "terms/*",
        "tests/fixtures/short-terms.md",
    ]);
    let findings = report["files"][0]["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["severity"] == "error"));
    assert_eq!(code, if findings.is_empty() { 0 } else { 1 });
}

#[test]
fn unreadable_files_are_reported_and_the_batch_goes_on() {
    let dir = std::env::temp_dir().join(format!("clauselint-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"line one\nCaf\xe9 terms\n").unwrap();
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\x00\x00").unwrap();
    let missing = dir.join("missing.md");
    let out = clauselint(&[
        "check",
        latin1.to_str().unwrap(),
        binary.to_str().unwrap(),
        missing.to_str().unwrap(),
        "tests/fixtures/short-terms.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("latin1.txt: line 2: the file is not UTF-8"),
        "{stdout}"
    );
    assert!(
        stdout.contains("image.txt: this looks like a binary file"),
        "{stdout}"
    );
    assert!(
        stdout.contains("missing.md: cannot read the file"),
        "{stdout}"
    );
    // The readable file was still checked.
    assert!(stdout.contains("short-terms.md:"), "{stdout}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn human_output_marks_the_span() {
    let out = clauselint(&["check", "tests/fixtures/crlf.txt"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!(stdout);
}

#[test]
fn outline_shows_clauses_definitions_and_references() {
    let out = clauselint(&["outline", "tests/fixtures/short-terms.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!(stdout);
}

#[test]
fn eval_prints_per_rule_scores() {
    let out = clauselint(&["eval", "--rule", "ai-training/content-grant"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ai-training/content-grant"));
    assert!(stdout.contains("precision"));
}

/// A Word file in a fresh temporary folder (the tests never write into the repository).
fn word_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clauselint-docx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write docx");
    path
}

fn word_redline() -> Vec<u8> {
    use docx_builder::*;
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, 1, "decimal", "%1.", ""),
        lvl(1, 1, "decimal", "%1.%2", ""),
    );
    Docx::new()
        .numbering(&numbering)
        .body(&numbered(1, 0, "Customer Data"))
        .body(&numbered(1, 1, "You retain all rights in “Customer Data” — as defined in § 1."))
        .body(&format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{}{}{}</w:p>"#,
            r("We may use Customer Data to provide the Services"),
            ins(
                "Jane Roe (Acme Legal)",
                "2026-10-02T09:30:00Z",
                " and to train and improve our artificial intelligence and machine learning models"
            ),
            r(".")
        ))
        .body(&format!(
            r#"<w:p>{}<w:commentRangeStart w:id="3"/>{}<w:commentRangeEnd w:id="3"/></w:p>"#,
            r("Section 1.2 governs "),
            r("all use of data.")
        ))
        .comments(&format!(
            r#"<w:comment w:id="3" w:author="John Smith" w:date="2026-10-03T10:00:00Z">{}</w:comment>"#,
            p("Reject the AI-training insertion.")
        ))
        .build()
}

#[test]
fn word_redline_findings_name_paragraph_clause_and_author() {
    let path = word_file("redline.docx", &word_redline());
    let file = path.to_str().expect("utf-8 path");
    let out = clauselint(&["check", file]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{human}");
    assert!(
        human.contains("redline.docx: ¶3  error  ai-training/content-grant"),
        "{human}"
    );
    assert!(human.contains("   in 1.2\n"), "{human}");
    assert!(
        human.contains(
            "the redline adds this text: inserted by Jane Roe (Acme Legal) on 2026-10-02"
        ),
        "{human}"
    );
    assert!(
        human.contains("│ 1.2 We may use Customer Data to provide the Services and to train"),
        "{human}"
    );

    let (code, report) = json(&["check", "--format", "json", file]);
    assert_eq!(code, 1);
    let file_report = &report["files"][0];
    assert_eq!(file_report["format"], "docx");
    let finding = file_report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "ai-training/content-grant")
        .expect("content grant");
    assert_eq!(finding["paragraph"], 3);
    assert_eq!(finding["clause_number"], "1.2");
    assert_eq!(finding["revision"]["kind"], "insertion");
    assert_eq!(finding["revision"]["author"], "Jane Roe (Acme Legal)");
    assert_eq!(finding["revision"]["date"], "2026-10-02T09:30:00Z");
    let comment = &file_report["comments"][0];
    assert_eq!(comment["author"], "John Smith");
    assert_eq!(comment["text"], "Reject the AI-training insertion.");
    assert_eq!(file_report["revisions"][0]["kind"], "insertion");

    // The original, before the counterparty's redline, grants no AI training.
    let (code, report) = json(&["check", "--revision", "original", "--format", "json", file]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["files"][0]["findings"], serde_json::json!([]));

    let text = clauselint(&["text", file]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.starts_with("1. Customer Data\n\n1.1 You retain"),
        "{text}"
    );
    assert!(
        !text.contains("Reject"),
        "comments are not analysed: {text}"
    );
}

/// A Word file whose comments part is not well-formed XML: the body is read, the comments are not.
fn word_file_read_in_part(name: &str) -> PathBuf {
    use docx_builder::*;
    let bytes = Docx::new()
        .body(&p(
            "We will not use your content to train any AI model — see § 2.",
        ))
        .body(&p("You retain all rights in your “Content”."))
        .comments(r#"<w:comment w:id="1" w:author="Jane Roe"><w:p>unclosed"#)
        .build();
    word_file(name, &bytes)
}

#[test]
fn a_file_read_only_in_part_says_so_in_every_output() {
    let path = word_file_read_in_part("partly.docx");
    let file = path.to_str().expect("utf-8 path");
    let dir = path.parent().expect("dir").to_str().expect("utf-8 path");

    let out = clauselint(&["check", file]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("warning: ")
            && human.contains("partly.docx: ")
            && human.contains("comments"),
        "{human}"
    );
    assert!(human.contains("1 file(s) read only in part"), "{human}");

    let (_, report) = json(&["check", "--format", "json", file]);
    let warning = &report["files"][0]["warnings"][0]["message"];
    assert!(
        warning
            .as_str()
            .is_some_and(|m| m.contains("read without it")),
        "{report}"
    );

    let out = clauselint(&["scan", "--no-progress", dir]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("Files read only in part") && table.contains("partly.docx"),
        "{table}"
    );

    let out = clauselint(&["scan", "--no-progress", "--format", "csv", dir]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.lines()
            .any(|l| l.contains("partly.docx") && l.contains("read-warning")),
        "{csv}"
    );

    let out = clauselint(&["scan", "--no-progress", "--format", "sarif", dir]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(
        notes
            .as_array()
            .expect("notifications")
            .iter()
            .any(|n| n["level"] == "warning"
                && n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .is_some_and(|u| u.ends_with("partly.docx"))),
        "{notes}"
    );

    let out = clauselint(&["checklist", file]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("Verdict: Incomplete review")
            && md.contains("Part of this document could not be read"),
        "{md}"
    );
}

#[test]
fn unreadable_word_files_are_named_and_do_not_stop_a_scan() {
    let encrypted = {
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.resize(512, 0);
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        ole
    };
    let locked = word_file("locked.docx", &encrypted);
    let dir = locked.parent().expect("dir").to_path_buf();
    std::fs::write(dir.join("plain.docx"), "just text").expect("write");
    std::fs::write(dir.join("good.docx"), word_redline()).expect("write");
    let out = clauselint(&["check", locked.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("locked.docx: encrypted/password-protected Word file"),
        "{stdout}"
    );
    let out = clauselint(&[
        "scan",
        "--no-progress",
        "--format",
        "jsonl",
        dir.to_str().expect("path"),
    ]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let by_name = |name: &str| {
        lines
            .iter()
            .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} missing from {lines:?}"))
    };
    assert!(by_name("plain.docx")["errors"][0]["message"]
        .as_str()
        .expect("message")
        .contains("not a Word .docx file"));
    assert_eq!(by_name("good.docx")["format"], "docx");
    assert!(!by_name("good.docx")["findings"]
        .as_array()
        .expect("findings")
        .is_empty());
}

#[test]
fn eval_scores_the_held_out_documents_apart() {
    // The split is counted from the label files, so adding a labelled document keeps this test
    // honest without editing it.
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/labels");
    let (mut held_out_docs, mut tuning_docs) = (0, 0);
    for entry in std::fs::read_dir(&labels).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let label: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if label["split"] == "heldout" {
                held_out_docs += 1;
            } else {
                tuning_docs += 1;
            }
        }
    }
    assert!(held_out_docs >= 5 && tuning_docs >= 17);
    let held_out = clauselint(&["eval", "--split", "heldout", "--rule", "data-rights/"]);
    assert!(held_out.status.success());
    let stdout = String::from_utf8_lossy(&held_out.stdout);
    assert!(stdout.contains("held-out set"), "{stdout}");
    assert!(
        stdout.contains(&format!("— {held_out_docs} documents")),
        "{stdout}"
    );
    let tuning = clauselint(&[
        "eval",
        "--split",
        "tuning",
        "--rule",
        "data-rights/",
        "--misses",
        "data-rights/third-party-sharing",
    ]);
    let stdout = String::from_utf8_lossy(&tuning.stdout);
    assert!(
        stdout.contains(&format!("— {tuning_docs} documents")),
        "{stdout}"
    );
    // Misses are printed for the named rule only, each with its document.
    let misses: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("    FP ") || l.starts_with("    FN "))
        .collect();
    assert!(!misses.is_empty(), "{stdout}");
    assert!(misses
        .iter()
        .all(|l| l.contains("data-rights/third-party-sharing [docs/")));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clauselint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rules_in(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_nearest_playbook_governs_a_document_and_the_command_line_beats_it() {
    let doc = "corpus/playbooks/example/contracts/supplier-terms.md";
    let (code, report) = json(&["check", "--format", "json", doc]);
    assert_eq!(code, 1);
    let rules = rules_in(&report);
    // Clause 2.1 triggers the custom rule; 2.2 carries a suppression comment for it.
    assert!(
        rules.contains(&("custom/perpetual-licence".into(), 9)),
        "{rules:?}"
    );
    assert!(
        !rules.contains(&("custom/perpetual-licence".into(), 12)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("custom/client-materials-training".into(), 16)),
        "{rules:?}"
    );
    // 3.2 is protective: no custom finding.
    assert!(
        !rules
            .iter()
            .any(|(r, l)| r.starts_with("custom/") && *l == 18),
        "{rules:?}"
    );
    // "drafting/*" = "warning" in the playbook.
    for f in report["files"][0]["findings"].as_array().unwrap() {
        if f["rule"].as_str().unwrap().starts_with("drafting/") && f["kind"] == "risk" {
            assert_eq!(f["severity"], "warning");
        }
    }

    let (_, report) = json(&["check", "--format", "json", "--disable", "custom/*", doc]);
    assert!(!rules_in(&report)
        .iter()
        .any(|(r, _)| r.starts_with("custom/")));

    // Without the playbook's vocabulary, "Client Materials" is not customer content.
    let dir = temp_dir("elsewhere");
    let copy = dir.join("supplier-terms.md");
    std::fs::copy(root().join(doc), &copy).unwrap();
    let (_, report) = json(&["check", "--format", "json", copy.to_str().unwrap()]);
    assert!(!rules_in(&report)
        .iter()
        .any(|(r, _)| r.starts_with("custom/")));
    // --config applies a playbook from anywhere.
    let (_, report) = json(&[
        "check",
        "--format",
        "json",
        "--config",
        "corpus/playbooks/example/clauselint.toml",
        copy.to_str().unwrap(),
    ]);
    assert!(rules_in(&report)
        .iter()
        .any(|(r, _)| r == "custom/client-materials-training"));
}

#[test]
fn a_bad_configuration_names_file_line_and_key_and_other_files_are_still_checked() {
    let dir = temp_dir("badconfig");
    std::fs::create_dir_all(dir.join("team")).unwrap();
    std::fs::write(
        dir.join("team/clauselint.toml"),
        "[rules]\n\"terms/arbitration\" = \"loud\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("team/a.md"),
        "We may use your content to train our AI models.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.md"),
        "We may use your content to train our AI models.\n",
    )
    .unwrap();
    let out = clauselint(&[
        "check",
        dir.join("team/a.md").to_str().unwrap(),
        dir.join("b.md").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("team/clauselint.toml:2: unknown variant `loud`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("b.md:1:1"),
        "the other file is still checked: {stdout}"
    );
}

#[test]
fn rules_test_runs_inline_cases_and_reports_broken_files() {
    let out = clauselint(&["rules", "test", "corpus/playbooks/example/rules"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));

    let dir = temp_dir("rules");
    let good = std::fs::read_to_string(
        root().join("corpus/playbooks/example/rules/perpetual-licence.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("a-good.toml"), &good).unwrap();
    std::fs::write(
        dir.join("b-bad.toml"),
        good.replace("phrases = [", "patterns = [\"(unclosed\"]\nphrases = ["),
    )
    .unwrap();
    std::fs::write(
        dir.join("c-failing.toml"),
        good.replace("custom/perpetual-licence", "custom/other")
            .replace("unless_negated = true", "unless_negated = false"),
    )
    .unwrap();
    let out = clauselint(&["rules", "test", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("b-bad.toml:"), "{stdout}");
    assert!(stdout.contains("invalid regular expression"), "{stdout}");
    assert!(stdout.contains("ok   custom/perpetual-licence"), "{stdout}");
    assert!(stdout.contains("FAIL custom/other"), "{stdout}");
    assert!(
        stdout.contains("should not trigger but does: Supplier will not obtain"),
        "{stdout}"
    );

    let out = clauselint(&[
        "rules",
        "list",
        "--config",
        "corpus/playbooks/example/clauselint.toml",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("custom/perpetual-licence  (error, custom: "),
        "{stdout}"
    );
    assert!(
        stdout.contains("meta/unused-suppression  (warning)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ai-training/opt-out-consent  (error)"),
        "{stdout}"
    );
}

#[test]
fn scan_skips_the_playbooks_ignored_paths_and_reports_unused_suppressions() {
    let out = clauselint(&[
        "scan",
        "--format",
        "jsonl",
        "--no-progress",
        "corpus/playbooks/example",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("supplier-terms.md"), "{stdout}");
    assert!(!stdout.contains("old-draft.md"), "{stdout}");

    let dir = temp_dir("unused");
    let doc = dir.join("terms.txt");
    std::fs::write(
        &doc,
        "[clauselint-disable-next-line terms/arbitration: accepted in 2025]\r\nThese terms are governed by the laws of Ireland — § 12.\r\n",
    )
    .unwrap();
    let (_, report) = json(&["check", "--format", "json", doc.to_str().unwrap()]);
    assert!(!rules_in(&report)
        .iter()
        .any(|(r, _)| r.starts_with("meta/")));
    let (_, report) = json(&[
        "check",
        "--format",
        "json",
        "--report-unused-suppressions",
        doc.to_str().unwrap(),
    ]);
    assert!(rules_in(&report).contains(&("meta/unused-suppression".into(), 1)));
}

#[test]
fn a_misspelt_rule_id_on_the_command_line_is_an_error_not_a_silent_no_op() {
    let out = clauselint(&[
        "check",
        "--disable",
        "terms/arbitraton",
        "tests/fixtures/short-terms.md",
    ]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{report}");
    assert!(
        report.contains("--disable terms/arbitraton: no rule has this id"),
        "{report}"
    );
    // A real group and a real id are accepted.
    let out = clauselint(&[
        "check",
        "--disable",
        "terms/*",
        "--enable",
        "drafting/undefined-term",
        "tests/fixtures/short-terms.md",
    ]);
    assert_ne!(out.status.code(), Some(2));
}
