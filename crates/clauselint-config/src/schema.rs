//! The JSON Schema of `clauselint.toml`, generated from the types that read it. The committed copy
//! (`editors/schema/clauselint.schema.json`) is checked against this by a test, so the schema
//! editors use cannot drift from the code.

use crate::file::ConfigFile;

/// Where the committed schema lives, relative to the workspace root.
pub const SCHEMA_PATH: &str = "editors/schema/clauselint.schema.json";

/// The schema as pretty-printed JSON, ending in a newline.
pub fn generate() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
