use super::*;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clauselint-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn config_error(text: &str) -> String {
    // Tests run in parallel and several call this: each call needs its own folder, or one test
    // reads the file another has just overwritten.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = temp_dir(&format!("error-{call}"));
    let path = write(&dir, CONFIG_FILE_NAME, text);
    let e = Playbook::load(&path).unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    shown
        .strip_prefix(&path.display().to_string())
        .unwrap()
        .to_string()
}

#[test]
fn discovery_walks_up_from_the_document() {
    let dir = temp_dir("discover");
    let config = write(
        &dir,
        CONFIG_FILE_NAME,
        "[rules]\n\"drafting/*\" = \"off\"\n",
    );
    let doc = write(&dir, "a/b/contract.md", "Text.");
    assert_eq!(
        discover(&doc).map(|p| std::fs::canonicalize(p).unwrap()),
        Some(std::fs::canonicalize(&config).unwrap())
    );
    let nearer = write(&dir, "a/clauselint.toml", "");
    assert_eq!(
        discover(&doc).map(|p| std::fs::canonicalize(p).unwrap()),
        Some(std::fs::canonicalize(&nearer).unwrap())
    );
    let playbook = Playbook::for_document(Some(&config), &doc).unwrap();
    assert_eq!(
        playbook.levels,
        vec![("drafting/*".to_string(), Level::Off)]
    );
}

#[test]
fn levels_exact_beats_group_and_overrides_beat_the_file() {
    let dir = temp_dir("levels");
    let path = write(
        &dir,
        CONFIG_FILE_NAME,
        "[rules]\n\"drafting/*\" = \"off\"\n\"drafting/undefined-term\" = \"error\"\n\"terms/arbitration\" = \"info\"\n",
    );
    let p = Playbook::load(&path).unwrap();
    let s = p.settings(&Overrides::default());
    assert!(!s.is_enabled("drafting/unused-definition"));
    assert!(s.is_enabled("drafting/undefined-term"));
    assert_eq!(
        s.severity_for("drafting/undefined-term", Severity::Info),
        Severity::Error
    );
    assert_eq!(
        s.severity_for("terms/arbitration", Severity::Warning),
        Severity::Info
    );
    let s = p.settings(&Overrides {
        enable: vec!["drafting/unused-definition".into()],
        disable: vec!["drafting/undefined-term".into()],
        severities: vec![("terms/*".into(), Severity::Error)],
        ..Overrides::default()
    });
    assert!(s.is_enabled("drafting/unused-definition"));
    assert!(!s.is_enabled("drafting/undefined-term"));
    assert!(!s.is_enabled("drafting/duplicate-definition"));
}

#[test]
fn every_config_error_names_the_line_and_key() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "[rules]\n\"terms/arbitration\" = \"loud\"\n",
            ":2:",
            &["loud", "off"],
        ),
        (
            "\n\n[rules]\n\"terms/no-such-rule\" = \"off\"\n",
            ":4:",
            &["terms/no-such-rule", "rules list"],
        ),
        ("\n[rulez]\n", ":2:", &["rulez", "unknown field"]),
        (
            "[scan]\nignore = [\"a\"]\nexclude = [\"b\"]\n",
            ":3:",
            &["exclude"],
        ),
        (
            "[vocabulary]\ncustomer-content = [\"Deal Papers\"]\ncheese = [\"x\"]\n",
            ":3:",
            &["cheese", "customer-content"],
        ),
        (
            "[vocabulary]\nvendor = [\"Acme\", \"  \"]\n",
            ":2:",
            &["vendor", "empty"],
        ),
        (
            "[scan]\nignore = [\"a/[b\"]\n",
            ":2:",
            &["scan.ignore", "a/[b"],
        ),
        (
            "custom_rules = \"no-such-folder\"\n",
            ":1:",
            &["custom_rules", "does not exist"],
        ),
        ("report_unused_suppressions = \"yes\"\n", ":1:", &["bool"]),
        ("[rules\n", ":1:", &[]),
    ];
    for (text, line, needles) in cases {
        let shown = config_error(text);
        assert!(shown.starts_with(line), "{text:?}: {shown}");
        for n in *needles {
            assert!(shown.contains(n), "{text:?}: {shown} lacks {n}");
        }
    }
}

#[test]
fn vocabulary_and_ignore_globs() {
    let dir = temp_dir("vocab");
    let path = write(
        &dir,
        CONFIG_FILE_NAME,
        "[vocabulary]\ncustomer-content = [\"Client Materials\"]\nvendor = [\"Acme\"]\n\n[scan]\nignore = [\"drafts/**\", \"*.old.md\"]\n",
    );
    let p = Playbook::load(&path).unwrap();
    assert_eq!(p.vocabulary.entries().count(), 2);
    assert!(p.ignores(&dir.join("drafts/x/contract.md")));
    assert!(p.ignores(&dir.join("final/contract.old.md")));
    assert!(!p.ignores(&dir.join("final/contract.md")));
}

fn rule_error(text: &str) -> String {
    let dir = temp_dir("rule");
    let path = write(&dir, "rule.toml", text);
    let (e, _) = load_rule_file(&path).unwrap_err();
    e.to_string()
        .strip_prefix(&path.display().to_string())
        .unwrap()
        .to_string()
}

const GOOD_RULE: &str = "id = \"custom/no-training\"\nmessage = \"m\"\ndescription = \"d\"\nrequires = [\"customer-content\"]\nphrases = [\"train\"]\n";

#[test]
fn every_rule_error_names_the_line() {
    let cases: &[(String, &str, &[&str])] = &[
        (
            GOOD_RULE.replace(
                "phrases = [\"train\"]",
                "patterns = [\"ok\",\n  \"(unclosed\"]",
            ),
            ":6:",
            &["patterns[1]", "regular expression"],
        ),
        (
            GOOD_RULE.replace("customer-content", "cheese"),
            ":4:",
            &["requires[0]", "cheese"],
        ),
        (
            GOOD_RULE.replace("message = \"m\"\n", ""),
            ":1:",
            &["missing `message`"],
        ),
        (
            GOOD_RULE.replace("id = \"custom/no-training\"", "id = \"terms/mine\""),
            ":1:",
            &["built-in group"],
        ),
        (format!("{GOOD_RULE}colour = \"red\"\n"), ":6:", &["colour"]),
        (
            format!("{GOOD_RULE}severity = \"fatal\"\n"),
            ":6:",
            &["fatal"],
        ),
        (
            format!("{GOOD_RULE}\n[[test]]\ntriggers = \"a\"\npasses = \"b\"\n"),
            ":7:",
            &["exactly one"],
        ),
        (
            format!("{GOOD_RULE}\n[[test]]\nexpect = \"a\"\n"),
            ":8:",
            &["expect"],
        ),
    ];
    for (text, line, needles) in cases {
        let shown = rule_error(text);
        assert!(shown.starts_with(line), "{text:?}: {shown}");
        for n in *needles {
            assert!(shown.contains(n), "{text:?}: {shown} lacks {n}");
        }
    }
}

#[test]
fn a_bad_rule_file_does_not_disable_the_others() {
    let dir = temp_dir("ruledir");
    write(&dir, "rules/a.toml", GOOD_RULE);
    write(
        &dir,
        "rules/b.toml",
        &GOOD_RULE.replace("[\"train\"]", "[\"train\""),
    );
    write(&dir, "rules/c.toml", GOOD_RULE);
    write(
        &dir,
        "rules/d.toml",
        &GOOD_RULE
            .replace("no-training", "other")
            .replace("customer-content", "cheese"),
    );
    write(&dir, "rules/notes.md", "not a rule");
    let path = write(
        &dir,
        CONFIG_FILE_NAME,
        "custom_rules = \"rules\"\n\n[rules]\n\"custom/other\" = \"off\"\n",
    );
    let p = Playbook::load(&path).unwrap();
    assert_eq!(p.custom.len(), 1);
    assert_eq!(p.custom[0].id, "custom/no-training");
    assert_eq!(p.rule_errors.len(), 3, "{:?}", p.rule_errors);
    let shown: Vec<String> = p.rule_errors.iter().map(ToString::to_string).collect();
    assert!(shown[0].contains("b.toml:5:"), "{}", shown[0]);
    assert!(
        shown[1].contains("c.toml:1:")
            && shown[1].contains("duplicate rule id")
            && shown[1].contains("a.toml"),
        "{}",
        shown[1]
    );
    assert!(shown[2].contains("d.toml:4:"), "{}", shown[2]);
    let analyzer = p.analyzer(&Overrides::default());
    assert!(analyzer.settings().is_enabled("custom/no-training"));
}

#[test]
fn the_committed_schema_matches_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let committed = std::fs::read_to_string(root.join(schema::SCHEMA_PATH)).unwrap_or_default();
    let generated = schema::generate();
    if committed != generated && std::env::var_os("CLAUSELINT_BLESS").is_some() {
        std::fs::create_dir_all(root.join("editors/schema")).unwrap();
        std::fs::write(root.join(schema::SCHEMA_PATH), &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "{} is out of date: run `CLAUSELINT_BLESS=1 cargo test -p clauselint-config` and commit it",
        schema::SCHEMA_PATH
    );
    let value: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert!(value["properties"]["rules"]["properties"]["ai-training/opt-out-consent"].is_object());
    assert!(value["properties"]["vocabulary"]["properties"]["customer-content"].is_object());
}

#[test]
fn the_example_playbook_loads_and_its_tests_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let p = Playbook::load(&root.join("corpus/playbooks/example/clauselint.toml")).unwrap();
    assert!(p.rule_errors.is_empty(), "{:?}", p.rule_errors);
    assert!(p.custom.len() >= 2);
    for rule in &p.custom {
        assert!(rule.tests.len() >= 2, "{}", rule.id);
        let failing = rule.failing_tests(&p.vocabulary);
        assert!(failing.is_empty(), "{}: {failing:?}", rule.id);
    }
}

#[test]
fn limits_come_from_the_file_then_the_command_line() {
    let p = Playbook::from_str(
        Path::new("/tmp/clauselint.toml"),
        "[limits]\nmax_file_size_mb = 2\nmax_nesting = 12\nmax_analysis_seconds = 5\n",
    )
    .unwrap();
    let defaults = Limits::default();
    let limits = p.limits(&LimitSettings::default());
    assert_eq!(limits.max_file_bytes, 2 << 20);
    assert_eq!(limits.max_nesting, 12);
    assert_eq!(limits.max_time, std::time::Duration::from_secs(5));
    assert_eq!(limits.max_pdf_objects, defaults.max_pdf_objects);
    assert_eq!(limits.max_pdf_stream_bytes, defaults.max_pdf_stream_bytes);
    let command_line = LimitSettings {
        max_nesting: Some(400),
        max_pdf_stream_mb: Some(1),
        ..LimitSettings::default()
    };
    let limits = p.limits(&command_line);
    assert_eq!(limits.max_nesting, 400);
    assert_eq!(limits.max_file_bytes, 2 << 20);
    assert_eq!(limits.max_pdf_stream_bytes, 1 << 20);
    assert_eq!(
        Playbook::default().limits(&LimitSettings::default()),
        defaults
    );
}

#[test]
fn bad_limits_name_the_key_and_line() {
    assert_eq!(
        config_error("[rules]\n\n[limits]\nmax_nesting = 0\n"),
        ":4: limits.max_nesting: must be at least 1"
    );
    let e = config_error("[limits]\nmax_pages = 3\n");
    assert!(e.starts_with(":2:") && e.contains("max_pages"), "{e}");
    let e = config_error("[limits]\nmax_file_size_mb = \"big\"\n");
    assert!(e.starts_with(":2:"), "{e}");
}
