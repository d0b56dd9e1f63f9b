//! `clauselint rules`: the catalogue (built-in, meta and custom rules with their docs) and
//! `rules test DIR`, which runs the inline tests of a folder of custom rules.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clap::Subcommand;
use clauselint_analyzer::{all_rules, suppression::META_RULES, RuleMeta, Vocabulary};
use clauselint_config::{discover, load_rule_dir, Playbook};

use crate::fold;

#[derive(Subcommand)]
pub enum RulesAction {
    /// Every rule — built-in, suppression checks and the playbook's custom rules — with its docs.
    List {
        /// The configuration whose custom rules to list (default: the nearest `clauselint.toml`
        /// above the current folder).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Run the inline `[[test]]` cases of every custom rule file in DIR.
    Test {
        dir: PathBuf,
        /// The configuration whose vocabulary the tests use (default: the nearest
        /// `clauselint.toml` above DIR).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

fn write_builtin(out: &mut impl Write, m: &RuleMeta) {
    let _ = writeln!(
        out,
        "{}  ({})\n  {}\n  Why: {}\n  Example: {}\n  Suggested: {}\n",
        m.id,
        m.default_severity.as_str(),
        m.doc.summary,
        fold(m.doc.why),
        fold(m.doc.example),
        fold(m.doc.suggested)
    );
}

pub fn run(action: Option<RulesAction>) -> ExitCode {
    match action {
        None => {
            let mut out = anstream::stdout().lock();
            for r in all_rules() {
                write_builtin(&mut out, r.meta());
            }
            ExitCode::SUCCESS
        }
        Some(RulesAction::List { config }) => list(config),
        Some(RulesAction::Test { dir, config }) => test(&dir, config),
    }
}

fn load_config(explicit: Option<PathBuf>, near: &Path) -> Result<Option<Playbook>, ExitCode> {
    let Some(path) = explicit.or_else(|| discover(near)) else {
        return Ok(None);
    };
    match Playbook::load(&path) {
        Ok(p) => {
            for e in &p.rule_errors {
                eprintln!("error: {e} (this rule is skipped)");
            }
            Ok(Some(p))
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::from(2))
        }
    }
}

fn list(config: Option<PathBuf>) -> ExitCode {
    let playbook = match load_config(config, Path::new(".")) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut out = anstream::stdout().lock();
    for r in all_rules() {
        write_builtin(&mut out, r.meta());
    }
    for m in META_RULES {
        let _ = writeln!(
            out,
            "{}  ({})\n  {}\n  Why: {}\n",
            m.id,
            m.default_severity.as_str(),
            m.doc.summary,
            fold(m.doc.why)
        );
    }
    if let Some(p) = &playbook {
        for rule in &p.custom {
            let source = p
                .custom_sources
                .get(rule.id)
                .map(|s| s.display().to_string())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}  ({}, custom: {source})\n  {}\n  Why: {}\n  Suggested: {}\n",
                rule.id,
                rule.severity.as_str(),
                fold(&rule.message),
                fold(&rule.description),
                rule.suggestion.as_deref().map(fold).unwrap_or_default()
            );
        }
    }
    if playbook.as_ref().is_some_and(|p| !p.rule_errors.is_empty()) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn test(dir: &Path, config: Option<PathBuf>) -> ExitCode {
    if !dir.is_dir() {
        eprintln!(
            "error: {}: not a folder of custom rule files",
            dir.display()
        );
        return ExitCode::from(2);
    }
    // Only the vocabulary matters here: the rules tested are DIR's, not the configuration's.
    let vocabulary = match config
        .or_else(|| discover(dir))
        .map(|path| Playbook::load(&path))
        .transpose()
    {
        Ok(p) => p.map(|p| p.vocabulary).unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let loaded = load_rule_dir(dir);
    let mut out = anstream::stdout().lock();
    let (pass, fail) = (
        Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
        Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
    );
    for e in &loaded.errors {
        let _ = writeln!(out, "{fail}error{fail:#}: {e}");
    }
    let (mut tests, mut failed) = (0, 0);
    for (rule, source) in &loaded.rules {
        let failures = rule.failing_tests(&vocabulary as &Vocabulary);
        tests += rule.tests.len();
        failed += failures.len();
        if rule.tests.is_empty() {
            let _ = writeln!(
                out,
                "{fail}no tests{fail:#} {} ({}): add [[test]] cases with `triggers` and `passes`",
                rule.id,
                source.display()
            );
            continue;
        }
        if failures.is_empty() {
            let _ = writeln!(
                out,
                "{pass}ok{pass:#}   {} ({}): {} test(s) pass",
                rule.id,
                source.display(),
                rule.tests.len()
            );
        }
        for (index, what) in failures {
            let _ = writeln!(
                out,
                "{fail}FAIL{fail:#} {} ({}), test {}: {}",
                rule.id,
                source.display(),
                index + 1,
                fold(&what)
            );
        }
    }
    let _ = writeln!(
        out,
        "{} rule(s), {tests} test(s): {} passed, {failed} failed; {} file(s) with errors",
        loaded.rules.len(),
        tests - failed,
        loaded.errors.len()
    );
    let untested = loaded.rules.iter().any(|(r, _)| r.tests.is_empty());
    if !loaded.errors.is_empty() {
        ExitCode::from(2)
    } else if failed > 0 || untested {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
