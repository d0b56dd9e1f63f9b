//! Custom rule files: one TOML file per rule, read strictly, compiled by the analyzer, every error
//! placed on its line. A broken file is reported and skipped; the folder's other rules still load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clauselint_analyzer::custom::{check_id, Party, RuleTest, SpecError};
use clauselint_analyzer::{rule_by_id, CustomRule, CustomRuleSpec, Severity};
use serde::Deserialize;
use toml::Spanned;

use crate::{error_at, line_of, ConfigError};

/// A custom rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: Option<Spanned<String>>,
    severity: Option<Spanned<FileSeverity>>,
    message: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    suggestion: Option<Spanned<String>>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    #[serde(default)]
    requires_any: Vec<Spanned<String>>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    unless_negated: bool,
    party: Option<FileParty>,
    #[serde(default)]
    test: Vec<Spanned<TestCase>>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FileSeverity {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FileParty {
    Vendor,
    Customer,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TestCase {
    /// Text that must trigger the rule.
    triggers: Option<String>,
    /// Text that must not trigger the rule.
    passes: Option<String>,
}

fn strings(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| s.get_ref().clone()).collect()
}

/// Reads one rule file. On failure, the id is returned too when it could be read, so the
/// configuration can still refer to the rule.
pub fn load_rule_file(path: &Path) -> Result<CustomRule, (ConfigError, Option<String>)> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        (
            ConfigError {
                path: path.to_path_buf(),
                line: None,
                message: format!("cannot read the rule file: {e}"),
            },
            None,
        )
    })?;
    compile_rule_text(path, &text)
}

/// As [`load_rule_file`], with the file's text already read (`path` names it in errors).
pub fn compile_rule_text(
    path: &Path,
    text: &str,
) -> Result<CustomRule, (ConfigError, Option<String>)> {
    let file: RuleFile = toml::from_str(text).map_err(|e| {
        (
            ConfigError {
                path: path.to_path_buf(),
                line: e.span().map(|s| line_of(text, s.start)),
                message: e.message().trim_end().to_string(),
            },
            None,
        )
    })?;
    let id = file.id.as_ref().map(|i| i.get_ref().clone());
    let fail = |span: std::ops::Range<usize>, message: String| {
        (error_at(path, text, span, message), id.clone())
    };
    let missing = |field: &str, what: &str| {
        (
            ConfigError {
                path: path.to_path_buf(),
                line: Some(1),
                message: format!("missing `{field}` ({what})"),
            },
            id.clone(),
        )
    };
    let id_field = file
        .id
        .as_ref()
        .ok_or_else(|| missing("id", "the rule's id, e.g. \"custom/perpetual-licence\""))?;
    let message = file
        .message
        .as_ref()
        .ok_or_else(|| missing("message", "the note shown with each finding"))?;
    let description = file.description.as_ref().ok_or_else(|| {
        missing(
            "description",
            "why the clause matters, shown by `clauselint rules list` and on hover",
        )
    })?;
    if let Err(message) = check_id(id_field.get_ref()) {
        return Err(fail(id_field.span(), format!("id: {message}")));
    }
    if rule_by_id(id_field.get_ref()).is_some() {
        return Err(fail(
            id_field.span(),
            format!("id: `{}` is a built-in rule", id_field.get_ref()),
        ));
    }
    let mut tests = Vec::new();
    for case in &file.test {
        let t = case.get_ref();
        match (&t.triggers, &t.passes) {
            (Some(text), None) => tests.push(RuleTest {
                text: text.clone(),
                triggers: true,
            }),
            (None, Some(text)) => tests.push(RuleTest {
                text: text.clone(),
                triggers: false,
            }),
            _ => {
                return Err(fail(
                    case.span(),
                    "[[test]]: give exactly one of `triggers = \"…\"` (text that must trigger the rule) \
                     or `passes = \"…\"` (text that must not)"
                        .into(),
                ))
            }
        }
    }
    let spec = CustomRuleSpec {
        id: id_field.get_ref().clone(),
        severity: file.severity.as_ref().map(|s| match s.get_ref() {
            FileSeverity::Info => Severity::Info,
            FileSeverity::Warning => Severity::Warning,
            FileSeverity::Error => Severity::Error,
        }),
        message: message.get_ref().clone(),
        description: description.get_ref().clone(),
        suggestion: file.suggestion.as_ref().map(|s| s.get_ref().clone()),
        requires: strings(&file.requires),
        requires_any: strings(&file.requires_any),
        phrases: strings(&file.phrases),
        patterns: strings(&file.patterns),
        unless: strings(&file.unless),
        unless_negated: file.unless_negated,
        party: file.party.map(|p| match p {
            FileParty::Vendor => Party::Vendor,
            FileParty::Customer => Party::Customer,
        }),
        tests,
    };
    CustomRule::compile(&spec).map_err(|e: SpecError| {
        let span = match (e.field, e.index) {
            ("id", _) => Some(id_field.span()),
            ("message", _) => Some(message.span()),
            ("description", _) => Some(description.span()),
            (field, index) => {
                let list = match field {
                    "requires" => &file.requires,
                    "requires_any" => &file.requires_any,
                    "phrases" => &file.phrases,
                    "patterns" => &file.patterns,
                    "unless" => &file.unless,
                    _ => &file.requires,
                };
                index.and_then(|i| list.get(i)).map(Spanned::span)
            }
        };
        let error = match span {
            Some(span) => error_at(path, text, span, e.to_string()),
            None => ConfigError {
                path: path.to_path_buf(),
                line: None,
                message: e.to_string(),
            },
        };
        (error, id.clone())
    })
}

/// The rules of one folder, and the files that could not be used.
#[derive(Debug, Default)]
pub struct RuleDirectory {
    pub rules: Vec<(CustomRule, PathBuf)>,
    pub errors: Vec<ConfigError>,
    /// Ids of rules whose file is broken (so the configuration may still name them).
    pub broken_ids: BTreeMap<String, PathBuf>,
}

/// Every `*.toml` file in `dir` (sorted by name; not recursive), one rule each. A file that cannot
/// be used, or whose id another file already took, is reported and skipped.
pub fn load_rule_dir(dir: &Path) -> RuleDirectory {
    let mut out = RuleDirectory::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.errors.push(ConfigError {
                path: dir.to_path_buf(),
                line: None,
                message: format!("cannot read the custom rules folder: {e}"),
            });
            return out;
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for path in files {
        match load_rule_file(&path) {
            Ok(rule) => {
                if let Some((_, first)) = out.rules.iter().find(|(r, _)| r.id == rule.id) {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    let line = text
                        .find(rule.id)
                        .map_or(1, |offset| line_of(&text, offset));
                    out.errors.push(ConfigError {
                        path: path.clone(),
                        line: Some(line),
                        message: format!(
                            "id: duplicate rule id `{}`, already defined in {}; this file is skipped",
                            rule.id,
                            first.display()
                        ),
                    });
                    continue;
                }
                out.rules.push((rule, path));
            }
            Err((error, id)) => {
                out.errors.push(error);
                if let Some(id) = id {
                    out.broken_ids.entry(id).or_insert(path);
                }
            }
        }
    }
    out
}
