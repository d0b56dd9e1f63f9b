//! The shape of `clauselint.toml`. The same types give serde's strict reading (unknown keys are
//! errors with their line) and the JSON Schema shipped for editors (`schema.rs`).

use std::collections::BTreeMap;

use clauselint_analyzer::Severity;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

/// `clauselint.toml`: an organisation's playbook for clauselint.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clauselint.toml")]
pub struct ConfigFile {
    /// Rule levels by rule id (`"ai-training/opt-out-consent"`) or group (`"drafting/*"`): `off`,
    /// `info`, `warning` or `error`. An exact id beats a group; a command-line `--disable` or
    /// `--enable` beats both.
    #[serde(default)]
    #[schemars(schema_with = "rules_schema")]
    pub rules: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// Extra phrases for the analyzer's concepts, by concept name, e.g. `customer-content =
    /// ["Client Materials"]`, `vendor = ["Acme"]`. Matched like built-in phrases: whole words,
    /// ignoring case, quote and dash styles.
    #[serde(default)]
    #[schemars(schema_with = "vocabulary_schema")]
    pub vocabulary: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// Folder of custom rule files (`*.toml`, one rule each), relative to this file.
    #[schemars(with = "Option<String>")]
    pub custom_rules: Option<Spanned<String>>,
    /// Report suppression comments that no longer suppress anything (`meta/unused-suppression`).
    pub report_unused_suppressions: Option<bool>,
    /// Settings for `clauselint scan`.
    pub scan: Option<ScanSection>,
    /// Bounds on the work one document may cause. A document over a limit is reported as an
    /// error naming the limit; the other documents are still checked.
    pub limits: Option<LimitsSection>,
}

/// `[limits]`: each key raises or lowers one limit; a missing key keeps the default. The command
/// line's `--max-…` options beat these.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsSection {
    /// Largest file read, in megabytes (default 32), in any format.
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_file_size_mb: Option<Spanned<u64>>,
    /// Deepest nesting of block quotes and lists (Markdown) and of clauses inside clauses
    /// (default 100).
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_nesting: Option<Spanned<u64>>,
    /// Longest time to read, parse and analyse one document, in seconds (default 60).
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_analysis_seconds: Option<Spanned<u64>>,
    /// Most objects in a PDF (default 2000000).
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_pdf_objects: Option<Spanned<u64>>,
    /// Largest decompressed size of one PDF stream, in megabytes (default 64): a decompression
    /// bomb stops here.
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_pdf_stream_mb: Option<Spanned<u64>>,
}

/// `[scan]`
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanSection {
    /// Glob patterns of files a scan skips, relative to this file's folder (`drafts/**`) or
    /// matched against the file name (`*.old.md`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
}

/// A rule's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Rule ids and groups are listed (editors complete them, with each rule's summary); custom rule
/// ids are allowed by pattern.
fn rules_schema(generator: &mut SchemaGenerator) -> Schema {
    let level = generator.subschema_for::<Level>();
    let mut properties = serde_json::Map::new();
    let mut groups: Vec<&str> = Vec::new();
    for rule in clauselint_analyzer::all_rules() {
        let meta = rule.meta();
        if !groups.contains(&meta.group()) {
            groups.push(meta.group());
        }
        let mut entry = serde_json::to_value(&level).unwrap_or_default();
        if let Some(obj) = entry.as_object_mut() {
            obj.insert("description".into(), meta.doc.summary.into());
        }
        properties.insert(meta.id.to_string(), entry);
    }
    for meta in clauselint_analyzer::suppression::META_RULES {
        if !groups.contains(&meta.group()) {
            groups.push(meta.group());
        }
        let mut entry = serde_json::to_value(&level).unwrap_or_default();
        if let Some(obj) = entry.as_object_mut() {
            obj.insert("description".into(), meta.doc.summary.into());
        }
        properties.insert(meta.id.to_string(), entry);
    }
    for group in groups {
        let mut entry = serde_json::to_value(&level).unwrap_or_default();
        if let Some(obj) = entry.as_object_mut() {
            obj.insert(
                "description".into(),
                format!("Every rule of the `{group}` group.").into(),
            );
        }
        properties.insert(format!("{group}/*"), entry);
    }
    json_schema!({
        "type": "object",
        "description": "Rule levels by rule id or `group/*`.",
        "properties": properties,
        "propertyNames": { "pattern": "^[a-z0-9][a-z0-9-]*/([a-z0-9][a-z0-9-]*|\\*)$" },
        "additionalProperties": level,
    })
}

fn vocabulary_schema(_: &mut SchemaGenerator) -> Schema {
    let mut properties = serde_json::Map::new();
    for (name, _, description) in clauselint_analyzer::vocabulary::CONCEPT_NAMES {
        properties.insert(
            (*name).to_string(),
            serde_json::json!({
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "description": description,
            }),
        );
    }
    json_schema!({
        "type": "object",
        "description": "Extra phrases for the analyzer's concepts.",
        "properties": properties,
        "additionalProperties": false,
    })
}
