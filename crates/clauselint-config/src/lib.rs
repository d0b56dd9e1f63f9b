//! # clauselint-config
//!
//! An organisation's playbook: the `clauselint.toml` found by walking up from a document (or given
//! explicitly), which switches rules and groups on or off and sets their severity, adds synonyms
//! to the analyzer's vocabulary, lists paths a scan ignores, and names a folder of custom rules —
//! one TOML file per rule, with inline tests. Everything read here is validated: an unknown key, a
//! bad value, an unknown rule id or a broken custom rule is an error naming the file, the line and
//! the key. A broken rule file is reported and skipped; the other rules still load.
//!
//! This crate reads configuration and rule files only, never the contracts themselves, and holds
//! no analysis logic: it turns files into `clauselint_analyzer` settings, vocabulary and compiled
//! custom rules. The JSON Schema editors use for `clauselint.toml` is generated from the types here
//! ([`schema`]).

mod file;
mod rules;
pub mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clauselint_analyzer::vocabulary::{concept_by_name, concept_name_list};
use clauselint_analyzer::{
    all_rules, Analyzer, CustomRule, Limits, Settings, Severity, Vocabulary,
};
use globset::{Glob, GlobSet, GlobSetBuilder};

pub use file::{ConfigFile, Level};
pub use rules::{compile_rule_text, load_rule_dir, load_rule_file, RuleDirectory};

/// The file name looked for in a document's folder and its ancestors.
pub const CONFIG_FILE_NAME: &str = "clauselint.toml";

/// A problem in a configuration or rule file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

pub(crate) fn error_at(
    path: &Path,
    text: &str,
    span: std::ops::Range<usize>,
    message: String,
) -> ConfigError {
    ConfigError {
        path: path.to_path_buf(),
        line: Some(line_of(text, span.start)),
        message,
    }
}

/// The nearest `clauselint.toml` in `start` (a file's folder, or a folder) or an ancestor.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let absolute = std::path::absolute(&start).unwrap_or(start);
    absolute
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// What the command line (or the editor's settings) says on top of the configuration file. These
/// always win over the file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Rule ids or `group/*` switched off.
    pub disable: Vec<String>,
    /// Rule ids or `group/*` switched on even when the file says `off`.
    pub enable: Vec<String>,
    /// Severities by id or `group/*`.
    pub severities: Vec<(String, Severity)>,
    pub report_unused_suppressions: bool,
}

/// A loaded playbook: the configuration, its vocabulary and its custom rules.
#[derive(Debug, Default)]
pub struct Playbook {
    /// The configuration file, or `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// `[rules]` entries in file order: (id or `group/*`, level).
    pub levels: Vec<(String, Level)>,
    pub vocabulary: Vocabulary,
    pub custom: Vec<Arc<CustomRule>>,
    /// The file each custom rule was read from.
    pub custom_sources: BTreeMap<String, PathBuf>,
    /// Glob patterns (relative to the configuration's folder) a scan skips.
    pub ignore: Vec<String>,
    ignore_set: Option<GlobSet>,
    pub report_unused_suppressions: bool,
    /// Broken custom rule files: reported, skipped, the other rules still load.
    pub rule_errors: Vec<ConfigError>,
    /// `[limits]`: the limits the file sets (the others keep their defaults).
    pub limits: LimitSettings,
}

/// Limits set by a configuration's `[limits]` or by the command line, each `None` when not set.
/// Units are the ones users write: megabytes and seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LimitSettings {
    pub max_file_size_mb: Option<u64>,
    pub max_nesting: Option<u64>,
    pub max_analysis_seconds: Option<u64>,
    pub max_pdf_objects: Option<u64>,
    pub max_pdf_stream_mb: Option<u64>,
}

impl LimitSettings {
    /// `limits` with every value set here.
    pub fn apply(&self, mut limits: Limits) -> Limits {
        const MB: u64 = 1 << 20;
        let size = |v: u64| usize::try_from(v.saturating_mul(MB)).unwrap_or(usize::MAX);
        let count = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        if let Some(v) = self.max_file_size_mb {
            limits.max_file_bytes = v.saturating_mul(MB);
        }
        if let Some(v) = self.max_nesting {
            limits.max_nesting = count(v);
        }
        if let Some(v) = self.max_analysis_seconds {
            limits.max_time = std::time::Duration::from_secs(v);
        }
        if let Some(v) = self.max_pdf_objects {
            limits.max_pdf_objects = count(v);
        }
        if let Some(v) = self.max_pdf_stream_mb {
            limits.max_pdf_stream_bytes = size(v);
        }
        limits
    }
}

fn pattern_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix("/*") {
        Some(group) => id.split('/').next() == Some(group),
        None => pattern == id,
    }
}

impl Playbook {
    /// Reads and validates a configuration file and the custom rules it names. Errors in the file
    /// itself are fatal (the caller must not check documents with a half-understood
    /// configuration); errors in single rule files are collected in `rule_errors`.
    pub fn load(path: &Path) -> Result<Playbook, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: None,
            message: format!("cannot read the configuration: {e}"),
        })?;
        Playbook::from_str(path, &text)
    }

    /// As [`Playbook::load`], with the file's text already read (`path` names it in errors and
    /// anchors relative paths).
    pub fn from_str(path: &Path, text: &str) -> Result<Playbook, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim_end().to_string(),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut playbook = Playbook {
            path: Some(path.to_path_buf()),
            report_unused_suppressions: file.report_unused_suppressions.unwrap_or(false),
            ..Playbook::default()
        };

        for (concept, phrases) in &file.vocabulary {
            let Some(c) = concept_by_name(concept.get_ref()) else {
                return Err(error_at(
                    path,
                    text,
                    concept.span(),
                    format!(
                        "vocabulary.{}: unknown concept; the concepts are: {}",
                        concept.get_ref(),
                        concept_name_list()
                    ),
                ));
            };
            for phrase in phrases {
                if phrase.get_ref().trim().is_empty() {
                    return Err(error_at(
                        path,
                        text,
                        phrase.span(),
                        format!("vocabulary.{}: a phrase is empty", concept.get_ref()),
                    ));
                }
                playbook.vocabulary.add(c, phrase.get_ref());
            }
        }

        if let Some(dir) = &file.custom_rules {
            let folder = base.join(dir.get_ref());
            if !folder.is_dir() {
                return Err(error_at(
                    path,
                    text,
                    dir.span(),
                    format!(
                        "custom_rules: the folder {} does not exist",
                        folder.display()
                    ),
                ));
            }
            let loaded = load_rule_dir(&folder);
            playbook.rule_errors = loaded.errors;
            for (rule, source) in loaded.rules {
                playbook.custom_sources.insert(rule.id.to_string(), source);
                playbook.custom.push(Arc::new(rule));
            }
            // Rules whose file is broken are still known by id, so `[rules]` may name them.
            playbook.custom_sources.extend(loaded.broken_ids);
        }

        for (pattern, level) in &file.rules {
            let id = pattern.get_ref();
            let known = all_rules()
                .iter()
                .map(|r| r.meta().id)
                .chain(
                    clauselint_analyzer::suppression::META_RULES
                        .iter()
                        .map(|m| m.id),
                )
                .chain(playbook.custom_sources.keys().map(String::as_str))
                .any(|known| pattern_matches(id, known));
            if !known {
                return Err(error_at(
                    path,
                    text,
                    pattern.span(),
                    format!(
                        "rules.\"{id}\": no rule or group has this id; `clauselint rules list` shows them all"
                    ),
                ));
            }
            playbook.levels.push((id.clone(), *level.get_ref()));
        }

        if let Some(section) = &file.limits {
            let read = |value: &Option<toml::Spanned<u64>>, key: &str| match value {
                Some(v) if *v.get_ref() == 0 => Err(error_at(
                    path,
                    text,
                    v.span(),
                    format!("limits.{key}: must be at least 1"),
                )),
                Some(v) => Ok(Some(*v.get_ref())),
                None => Ok(None),
            };
            playbook.limits = LimitSettings {
                max_file_size_mb: read(&section.max_file_size_mb, "max_file_size_mb")?,
                max_nesting: read(&section.max_nesting, "max_nesting")?,
                max_analysis_seconds: read(&section.max_analysis_seconds, "max_analysis_seconds")?,
                max_pdf_objects: read(&section.max_pdf_objects, "max_pdf_objects")?,
                max_pdf_stream_mb: read(&section.max_pdf_stream_mb, "max_pdf_stream_mb")?,
            };
        }

        if let Some(scan) = &file.scan {
            let mut builder = GlobSetBuilder::new();
            for glob in &scan.ignore {
                let g = Glob::new(glob.get_ref()).map_err(|e| {
                    error_at(
                        path,
                        text,
                        glob.span(),
                        format!(
                            "scan.ignore: invalid glob `{}`: {}",
                            glob.get_ref(),
                            e.kind()
                        ),
                    )
                })?;
                builder.add(g);
                playbook.ignore.push(glob.get_ref().clone());
            }
            playbook.ignore_set = builder.build().ok();
        }
        Ok(playbook)
    }

    /// The limits for documents under this playbook: the defaults, then `[limits]`, then the
    /// command line's.
    pub fn limits(&self, command_line: &LimitSettings) -> Limits {
        command_line.apply(self.limits.apply(Limits::default()))
    }

    /// The playbook for a document: `explicit` if given, else the nearest `clauselint.toml`
    /// above `document`, else the defaults.
    pub fn for_document(explicit: Option<&Path>, document: &Path) -> Result<Playbook, ConfigError> {
        match explicit
            .map(Path::to_path_buf)
            .or_else(|| discover(document))
        {
            Some(path) => Playbook::load(&path),
            None => Ok(Playbook::default()),
        }
    }

    /// Whether a scan skips `file` (matched relative to the configuration's folder, and by name).
    pub fn ignores(&self, file: &Path) -> bool {
        let Some(set) = &self.ignore_set else {
            return false;
        };
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .and_then(|p| std::path::absolute(p).ok());
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let relative = base
            .as_deref()
            .and_then(|b| absolute.strip_prefix(b).ok())
            .unwrap_or(file);
        set.is_match(relative) || file.file_name().is_some_and(|n| set.is_match(n))
    }

    /// Every rule id this playbook knows: built-in, meta and custom.
    fn known_ids(&self) -> Vec<&str> {
        all_rules()
            .iter()
            .map(|r| r.meta().id)
            .chain(
                clauselint_analyzer::suppression::META_RULES
                    .iter()
                    .map(|m| m.id),
            )
            .chain(self.custom.iter().map(|r| r.id))
            .collect()
    }

    /// The analyzer settings: the file's levels (an exact id beats a group; a later entry beats an
    /// earlier one), then the overrides, which beat the file.
    pub fn settings(&self, overrides: &Overrides) -> Settings {
        let mut settings = Settings {
            report_unused_suppressions: self.report_unused_suppressions
                || overrides.report_unused_suppressions,
            ..Settings::default()
        };
        for id in self.known_ids() {
            let level = self
                .levels
                .iter()
                .rev()
                .find(|(p, _)| p == id)
                .or_else(|| {
                    self.levels
                        .iter()
                        .rev()
                        .find(|(p, _)| pattern_matches(p, id))
                })
                .map(|(_, l)| *l);
            let cli_on = overrides.enable.iter().any(|p| pattern_matches(p, id));
            match level {
                Some(Level::Off) if !cli_on => settings.disabled.push(id.to_string()),
                Some(Level::Off) | None => {}
                Some(level) => {
                    if let Some(s) = level.severity() {
                        settings.severities.push((id.to_string(), s));
                    }
                }
            }
        }
        settings.disabled.extend(overrides.disable.iter().cloned());
        settings
            .severities
            .extend(overrides.severities.iter().cloned());
        settings
    }

    /// The analyzer for this playbook with `overrides` applied.
    pub fn analyzer(&self, overrides: &Overrides) -> Analyzer {
        Analyzer::with_playbook(
            self.settings(overrides),
            self.custom.clone(),
            self.vocabulary.clone(),
        )
    }
}

#[cfg(test)]
mod tests;
