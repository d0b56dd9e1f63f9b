//! Which playbook (configuration and custom rules) governs each document: `--config FILE` for
//! all, or else the nearest `clauselint.toml` above each document. Each configuration is read once
//! per run; a broken custom rule file is reported once and the rest of the playbook still applies.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use clauselint_analyzer::{Analyzer, Deadline, Finding, Limits};
use clauselint_config::{discover, LimitSettings, Overrides, Playbook};
use clauselint_parser::Document;

use crate::input::{self, InputError};

pub struct Loaded {
    pub playbook: Playbook,
    pub analyzer: Analyzer,
    /// The defaults, then the configuration's `[limits]`, then the command line's `--max-…`.
    pub limits: Limits,
}

impl Loaded {
    /// Reads, parses and analyses one document under this playbook's limits, on one clock.
    pub fn check(&self, path: &Path) -> Result<(Document, Vec<Finding>), InputError> {
        let deadline = Deadline::after(self.limits.max_time);
        let doc = input::load_within(path, &self.limits, &deadline)?;
        let findings = self
            .analyzer
            .analyze_within(&doc, &deadline)
            .map_err(|e| InputError::limit(path, e))?;
        Ok((doc, findings))
    }
}

/// A configuration's playbook, or why it cannot be used.
type LoadResult = Result<Arc<Loaded>, String>;

pub struct Playbooks {
    explicit: Option<PathBuf>,
    overrides: Overrides,
    limits: LimitSettings,
    /// By configuration file (`None`: the defaults).
    cache: Mutex<HashMap<Option<PathBuf>, LoadResult>>,
    had_errors: AtomicBool,
}

impl Playbooks {
    pub fn new(explicit: Option<PathBuf>, overrides: Overrides, limits: LimitSettings) -> Self {
        Playbooks {
            explicit,
            overrides,
            limits,
            cache: Mutex::new(HashMap::new()),
            had_errors: AtomicBool::new(false),
        }
    }

    /// The analyzer for `document`, or the configuration error that prevents checking it.
    pub fn for_document(&self, document: &Path) -> LoadResult {
        let config = self.explicit.clone().or_else(|| discover(document));
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = cache.get(&config) {
            return found.clone();
        }
        let loaded = match &config {
            None => Ok(Playbook::default()),
            Some(path) => Playbook::load(path),
        }
        .map_err(|e| format!("{e} (configuration for {})", document.display()))
        .and_then(|playbook| {
            if !playbook.rule_errors.is_empty() {
                self.had_errors.store(true, Ordering::Relaxed);
                let mut err = std::io::stderr().lock();
                for e in &playbook.rule_errors {
                    let _ = writeln!(err, "error: {e} (this rule is skipped)");
                }
            }
            let analyzer = playbook.analyzer(&self.overrides);
            // A misspelt id would otherwise switch nothing off and look like it worked.
            let flagged = (self.overrides.disable.iter().map(|id| ("--disable", id)))
                .chain(self.overrides.enable.iter().map(|id| ("--enable", id)));
            for (flag, id) in flagged {
                if !analyzer.is_known_rule(id) {
                    return Err(format!(
                        "{flag} {id}: no rule has this id (`clauselint rules list` shows them; a group is written `group/*`)"
                    ));
                }
            }
            let limits = playbook.limits(&self.limits);
            Ok(Arc::new(Loaded {
                playbook,
                analyzer,
                limits,
            }))
        })
        .inspect_err(|_| self.had_errors.store(true, Ordering::Relaxed));
        cache.insert(config, loaded.clone());
        loaded
    }

    /// Whether a configuration or a custom rule file could not be used.
    pub fn had_errors(&self) -> bool {
        self.had_errors.load(Ordering::Relaxed)
    }
}
