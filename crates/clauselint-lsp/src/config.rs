//! Settings from the client: `initializationOptions` and `workspace/didChangeConfiguration`.
//!
//! Both carry the same object, either bare or under a `"clauselint"` key:
//!
//! ```json
//! { "disabled": ["drafting/*", "terms/unilateral-change"],
//!   "severities": { "data-rights/*": "warning" },
//!   "minSeverity": "warning",
//!   "configPath": "clauselint.toml",
//!   "debounceMs": 100,
//!   "maxDocumentBytes": 4194304,
//!   "ruleDocsUrl": "https://example.org/rules/{id}" }
//! ```
//!
//! Unknown keys are ignored; a value of the wrong type is reported and the default kept.

use std::time::Duration;

use clauselint_analyzer::{Settings, Severity};
use serde_json::Value;

/// Debounce between the last keystroke and the analysis it triggers.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(100);
/// Documents larger than this are not analysed (a huge paste should not pin a core for seconds).
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct Config {
    /// Which rules run and at what severity.
    pub settings: Settings,
    /// Findings below this severity are not published.
    pub min_severity: Severity,
    /// A `clauselint.toml` to use instead of the nearest one above each document; a relative
    /// path is taken from the document's folder.
    pub config_path: Option<String>,
    pub debounce: Duration,
    pub max_document_bytes: usize,
    /// Template for a rule's documentation link; `{id}` is replaced by the rule id.
    pub rule_docs_url: Option<String>,
    /// Test hook: an artificial delay inside each analysis, to make "changed while analysed" races
    /// reproducible. Not settable by clients.
    pub(crate) analysis_delay: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            settings: Settings::default(),
            min_severity: Severity::Info,
            config_path: None,
            debounce: DEFAULT_DEBOUNCE,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            rule_docs_url: None,
            analysis_delay: Duration::ZERO,
        }
    }
}

impl Config {
    /// Applies the keys present in `value` on top of `self`. Returns a warning for each value that
    /// could not be used.
    pub fn update(&mut self, value: &Value) -> Vec<String> {
        let mut warnings = Vec::new();
        let obj = match value.get("clauselint").unwrap_or(value) {
            Value::Object(obj) => obj,
            Value::Null => return warnings,
            other => {
                warnings.push(format!("settings must be an object, got {other}"));
                return warnings;
            }
        };
        for (key, v) in obj {
            match key.as_str() {
                "disabled" | "disable" | "disabledRules" => match string_list(v) {
                    Some(list) => self.settings.disabled = list,
                    None => {
                        warnings.push(format!("{key}: expected a list of rule ids or patterns"))
                    }
                },
                "severities" | "severity" => match v {
                    Value::Object(map) => {
                        let mut out = Vec::new();
                        for (pattern, sev) in map {
                            match sev.as_str().and_then(Severity::parse) {
                                Some(s) => out.push((pattern.clone(), s)),
                                None => warnings.push(format!(
                                    "severities.{pattern}: expected \"info\", \"warning\" or \"error\""
                                )),
                            }
                        }
                        self.settings.severities = out;
                    }
                    _ => warnings.push(format!("{key}: expected an object of rule → severity")),
                },
                "minSeverity" | "min_severity" | "min-severity" => {
                    match v.as_str().and_then(Severity::parse) {
                        Some(s) => self.min_severity = s,
                        None => warnings.push(format!(
                            "{key}: expected \"info\", \"warning\" or \"error\""
                        )),
                    }
                }
                "configPath" | "configFile" | "config" => match v {
                    Value::String(s) if !s.is_empty() => self.config_path = Some(s.clone()),
                    Value::String(_) | Value::Null => self.config_path = None,
                    _ => warnings.push(format!("{key}: expected a path")),
                },
                "debounceMs" | "debounce" => match v.as_u64() {
                    Some(ms) => self.debounce = Duration::from_millis(ms.min(10_000)),
                    None => warnings.push(format!("{key}: expected milliseconds")),
                },
                "maxDocumentBytes" => match v.as_u64() {
                    Some(n) => self.max_document_bytes = usize::try_from(n).unwrap_or(usize::MAX),
                    None => warnings.push(format!("{key}: expected a number of bytes")),
                },
                "ruleDocsUrl" => match v {
                    Value::String(s) if s.contains("{id}") => self.rule_docs_url = Some(s.clone()),
                    Value::Null => self.rule_docs_url = None,
                    _ => warnings.push(format!("{key}: expected a URL template containing {{id}}")),
                },
                _ => {}
            }
        }
        warnings
    }
}

fn string_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_bare_and_nested_settings() {
        let mut c = Config::default();
        let w = c.update(&json!({
            "disabled": ["drafting/*"],
            "minSeverity": "warning",
            "configPath": "clauselint.toml",
            "debounceMs": 0,
            "severities": {"data-rights/*": "error"}
        }));
        assert!(w.is_empty(), "{w:?}");
        assert!(!c.settings.is_enabled("drafting/undefined-term"));
        assert!(c.settings.is_enabled("data-rights/broad-license"));
        assert_eq!(c.min_severity, Severity::Warning);
        assert_eq!(c.config_path.as_deref(), Some("clauselint.toml"));
        assert_eq!(c.debounce, Duration::ZERO);
        assert_eq!(
            c.settings
                .severity_for("data-rights/broad-license", Severity::Info),
            Severity::Error
        );

        let w = c.update(&json!({"clauselint": {"disabled": "terms/unilateral-change"}}));
        assert!(w.is_empty());
        assert_eq!(c.settings.disabled, vec!["terms/unilateral-change"]);
        // Keys not given keep their values.
        assert_eq!(c.min_severity, Severity::Warning);
    }

    #[test]
    fn bad_values_warn_and_keep_defaults() {
        let mut c = Config::default();
        let w = c.update(&json!({"minSeverity": "loud", "disabled": 3, "debounceMs": "soon"}));
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(c.min_severity, Severity::Info);
        assert!(c.settings.disabled.is_empty());
        assert_eq!(c.debounce, DEFAULT_DEBOUNCE);
        assert_eq!(c.update(&json!(7)).len(), 1);
        assert!(c.update(&Value::Null).is_empty());
    }
}
