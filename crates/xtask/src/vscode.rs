//! The VS Code extension's files generated from the analyzer's rule table.
//!
//! - `editors/vscode/package.json`: in `contributes.configuration`, the `clauselint.enabledGroups`
//!   setting of the main section (id `clauselint`) and one section per rule group (ids
//!   `clauselint.rules.<group>`) holding a setting per rule, `clauselint.rules.<group>.<name>`,
//!   whose description is the rule's summary and reason. Everything else in the file is written
//!   by hand (or by npm) and kept as it is.
//! - `editors/vscode/src/generated/rules.json`: the rule table itself (documentation sections,
//!   default severity, setting key), which the extension's "Explain rule" command shows and its
//!   settings mapping reads.

use std::path::{Path, PathBuf};

use clauselint_analyzer::{all_rules, RuleMeta};

use crate::ordered_json::Json;

pub const PACKAGE_JSON: &str = "editors/vscode/package.json";
pub const RULES_JSON: &str = "editors/vscode/src/generated/rules.json";

/// The id of the hand-written main settings section that receives `clauselint.enabledGroups`.
const MAIN_SECTION: &str = "clauselint";
/// Sections whose id starts with this are generated: removed and rebuilt on every run.
const RULE_SECTION_PREFIX: &str = "clauselint.rules.";
const ENABLED_GROUPS: &str = "clauselint.enabledGroups";

/// What a lawyer calls each rule group. A group the table gains must be named here.
const GROUPS: &[(&str, &str, &str)] = &[
    (
        "ai-training",
        "AI training",
        "Rights to train or improve AI models on your content, and who owns models and outputs.",
    ),
    (
        "data-rights",
        "Data rights",
        "Licences over your data, the purposes it may serve, sharing, retention and deletion, encryption keys.",
    ),
    (
        "terms",
        "Unfair terms",
        "One-sided terms: unilateral changes and termination, liability limits, arbitration, forum and law.",
    ),
    (
        "drafting",
        "Drafting",
        "Drafting defects: undefined, unused or duplicated definitions, inconsistent terms, broken cross-references.",
    ),
];

/// A generated file and the text it should have.
#[derive(Debug)]
pub struct Generated {
    pub path: &'static str,
    pub text: String,
}

/// One rule group, in table order, with its rules.
struct Group {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    rules: Vec<&'static RuleMeta>,
}

fn groups() -> Result<Vec<Group>, String> {
    let mut out: Vec<Group> = Vec::new();
    for rule in all_rules() {
        let meta = rule.meta();
        let group = meta.group();
        if let Some(g) = out.iter_mut().find(|g| g.id == group) {
            g.rules.push(meta);
            continue;
        }
        let Some(&(id, title, description)) = GROUPS.iter().find(|(id, ..)| *id == group) else {
            return Err(format!(
                "rule {} is in the group `{group}`, which has no title: add it to GROUPS in \
                 crates/xtask/src/vscode.rs",
                meta.id
            ));
        };
        out.push(Group {
            id,
            title,
            description,
            rules: vec![meta],
        });
    }
    Ok(out)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `ai-training/content-grant` → `clauselint.rules.ai-training.content-grant`. A dot, not the
/// slash, so the setting sits under its group in the Settings editor's tree.
pub fn setting_key(rule_id: &str) -> String {
    format!("{RULE_SECTION_PREFIX}{}", rule_id.replacen('/', ".", 1))
}

fn rule_setting(meta: &RuleMeta, order: u64) -> Json {
    let default = meta.default_severity.as_str();
    let doc = &meta.doc;
    let description = format!(
        "**{id}** — {summary}\n\n{why}\n\nDefault severity: `{default}`. \
         Run *clauselint: Explain rule* for an example and the language to ask for instead.",
        id = meta.id,
        summary = fold(doc.summary),
        why = fold(doc.why),
    );
    Json::object([
        ("type", Json::str("string")),
        (
            "enum",
            Json::strings(["default", "off", "info", "warning", "error"]),
        ),
        (
            "enumDescriptions",
            Json::strings([
                format!("Run it at its default severity ({default})."),
                "Do not run this rule.".into(),
                "Run it, reported as information.".into(),
                "Run it, reported as a warning.".into(),
                "Run it, reported as an error.".into(),
            ]),
        ),
        ("default", Json::str("default")),
        ("scope", Json::str("window")),
        ("order", Json::from(order)),
        ("markdownDescription", Json::str(description)),
    ])
}

fn enabled_groups_setting(groups: &[Group]) -> Json {
    let ids: Vec<&str> = groups.iter().map(|g| g.id).collect();
    Json::object([
        ("type", Json::str("array")),
        (
            "items",
            Json::object([
                ("type", Json::str("string")),
                ("enum", Json::strings(ids.iter().copied())),
                (
                    "enumDescriptions",
                    Json::strings(groups.iter().map(|g| {
                        format!("{}: {} ({} rules)", g.title, g.description, g.rules.len())
                    })),
                ),
            ]),
        ),
        ("uniqueItems", Json::Bool(true)),
        ("default", Json::strings(ids.iter().copied())),
        ("scope", Json::str("window")),
        ("order", Json::from(1)),
        (
            "markdownDescription",
            Json::str(
                "The rule groups that run. A rule whose own setting under *Rules* is not \
                 `default` runs (or stays off) as that setting says, whatever its group.",
            ),
        ),
    ])
}

fn rule_section(group: &Group, order: u64) -> Json {
    let properties = group
        .rules
        .iter()
        .zip(1u64..)
        .map(|(meta, n)| (setting_key(meta.id), rule_setting(meta, n)))
        .collect::<Vec<_>>();
    Json::object([
        (
            "id",
            Json::str(format!("{RULE_SECTION_PREFIX}{}", group.id)),
        ),
        ("title", Json::str(format!("Rules: {}", group.title))),
        ("order", Json::from(order)),
        ("properties", Json::Object(properties)),
    ])
}

/// `package.json` with its generated parts brought up to date; everything else untouched.
pub fn render_package_json(current: &str) -> Result<String, String> {
    let groups = groups()?;
    let mut package: Json = serde_json::from_str(current)
        .map_err(|e| format!("{PACKAGE_JSON} is not valid JSON: {e}"))?;
    let Some(Json::Array(sections)) = package
        .get_mut("contributes")
        .and_then(|c| c.get_mut("configuration"))
    else {
        return Err(format!(
            "{PACKAGE_JSON} has no `contributes.configuration` array of sections"
        ));
    };
    sections.retain(|s| {
        !s.get("id")
            .and_then(Json::as_str)
            .is_some_and(|id| id.starts_with(RULE_SECTION_PREFIX))
    });
    let Some(main) = sections
        .iter_mut()
        .find(|s| s.get("id").and_then(Json::as_str) == Some(MAIN_SECTION))
    else {
        return Err(format!(
            "{PACKAGE_JSON}: `contributes.configuration` has no section with \"id\": \"{MAIN_SECTION}\""
        ));
    };
    let Some(properties) = main.get_mut("properties") else {
        return Err(format!(
            "{PACKAGE_JSON}: the \"{MAIN_SECTION}\" settings section has no `properties`"
        ));
    };
    if !properties.set(ENABLED_GROUPS, enabled_groups_setting(&groups)) {
        return Err(format!(
            "{PACKAGE_JSON}: the \"{MAIN_SECTION}\" section's `properties` is not an object"
        ));
    }
    sections.extend(groups.iter().zip(1u64..).map(|(g, n)| rule_section(g, n)));
    Ok(package.to_pretty_string())
}

/// The rule table for the extension.
pub fn render_rules_json() -> Result<String, String> {
    let groups = groups()?;
    let group_entries = groups.iter().map(|g| {
        Json::object([
            ("id", Json::str(g.id)),
            ("title", Json::str(g.title)),
            ("description", Json::str(g.description)),
        ])
    });
    let rule_entries = groups.iter().flat_map(|g| g.rules.iter()).map(|meta| {
        let doc = &meta.doc;
        Json::object([
            ("id", Json::str(meta.id)),
            ("group", Json::str(meta.group())),
            ("setting", Json::str(setting_key(meta.id))),
            ("defaultSeverity", Json::str(meta.default_severity.as_str())),
            ("summary", Json::str(fold(doc.summary))),
            ("why", Json::str(fold(doc.why))),
            ("example", Json::str(fold(doc.example))),
            ("suggested", Json::str(fold(doc.suggested))),
            (
                "references",
                Json::strings(doc.references.iter().map(|r| fold(r))),
            ),
        ])
    });
    Ok(Json::object([
        (
            "generatedBy",
            Json::str("cargo xtask vscode-settings (from the analyzer's rule table; do not edit)"),
        ),
        ("groups", Json::Array(group_entries.collect())),
        ("rules", Json::Array(rule_entries.collect())),
    ])
    .to_pretty_string())
}

/// Every generated file, rendered from the files as they are under `root`.
pub fn generate(root: &Path) -> Result<Vec<Generated>, String> {
    let package_path = root.join(PACKAGE_JSON);
    let current = std::fs::read_to_string(&package_path)
        .map_err(|e| format!("{}: cannot read it: {e}", package_path.display()))?;
    Ok(vec![
        Generated {
            path: PACKAGE_JSON,
            text: render_package_json(&current)?,
        },
        Generated {
            path: RULES_JSON,
            text: render_rules_json()?,
        },
    ])
}

/// The generated files whose committed text differs from what the generator makes.
pub fn stale(root: &Path, files: &[Generated]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|g| std::fs::read_to_string(root.join(g.path)).ok().as_deref() != Some(&g.text))
        .map(|g| PathBuf::from(g.path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// CI's guard: the committed extension files match the rule table.
    #[test]
    fn committed_vscode_files_are_up_to_date() {
        let root = repo_root();
        let files = generate(&root).unwrap();
        let stale = stale(&root, &files);
        assert!(
            stale.is_empty(),
            "out of date: {stale:?}; run `cargo xtask vscode-settings` and commit the result"
        );
    }

    const MINIMAL: &str = r#"{
  "name": "x",
  "contributes": {
    "commands": [],
    "configuration": [
      {
        "id": "clauselint",
        "title": "clauselint",
        "properties": {
          "clauselint.path": {
            "type": "string"
          }
        }
      },
      {
        "id": "clauselint.rules.retired-group",
        "title": "Rules: gone",
        "properties": {}
      }
    ]
  }
}
"#;

    #[test]
    fn rebuilds_generated_sections_and_keeps_the_rest() {
        let out = render_package_json(MINIMAL).unwrap();
        assert_eq!(render_package_json(&out).unwrap(), out, "idempotent");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let sections = value["contributes"]["configuration"].as_array().unwrap();
        assert!(!out.contains("retired-group"));
        assert_eq!(sections[0]["id"], "clauselint");
        assert_eq!(
            sections[0]["properties"]["clauselint.path"]["type"],
            "string"
        );
        let groups: Vec<_> = sections[0]["properties"][ENABLED_GROUPS]["default"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        assert_eq!(groups, ["ai-training", "data-rights", "terms", "drafting"]);
        assert_eq!(sections.len(), 1 + groups.len());
        // Every rule has exactly one setting, with its summary in the description.
        let mut settings = 0;
        for rule in all_rules() {
            let meta = rule.meta();
            let section = sections
                .iter()
                .find(|s| s["id"] == format!("clauselint.rules.{}", meta.group()))
                .unwrap();
            let setting = &section["properties"][setting_key(meta.id)];
            let description = setting["markdownDescription"].as_str().unwrap();
            assert!(description.contains(&fold(meta.doc.summary)), "{}", meta.id);
            assert_eq!(setting["default"], "default");
            settings += 1;
        }
        let generated: usize = sections[1..]
            .iter()
            .map(|s| s["properties"].as_object().unwrap().len())
            .sum();
        assert_eq!(generated, settings);
        // Key order of the hand-written part survives.
        assert!(out.find("\"name\"").unwrap() < out.find("\"contributes\"").unwrap());
        assert!(out.find("\"commands\"").unwrap() < out.find("\"configuration\"").unwrap());
    }

    #[test]
    fn explains_what_is_missing() {
        let err = render_package_json(r#"{"name": "x"}"#).unwrap_err();
        assert!(err.contains("contributes.configuration"), "{err}");
        let err = render_package_json(r#"{"contributes": {"configuration": [{"id": "other"}]}}"#)
            .unwrap_err();
        assert!(err.contains("\"id\": \"clauselint\""), "{err}");
        let err = render_package_json("{ not json").unwrap_err();
        assert!(err.contains("not valid JSON"), "{err}");
    }

    #[test]
    fn rule_table_lists_every_rule_with_its_setting() {
        let table: serde_json::Value = serde_json::from_str(&render_rules_json().unwrap()).unwrap();
        let rules = table["rules"].as_array().unwrap();
        assert_eq!(rules.len(), all_rules().len());
        for (entry, rule) in rules.iter().zip(all_rules()) {
            let meta = rule.meta();
            assert_eq!(entry["id"], meta.id);
            assert_eq!(entry["setting"], setting_key(meta.id));
            assert_eq!(entry["defaultSeverity"], meta.default_severity.as_str());
            assert!(!entry["why"].as_str().unwrap().contains("  "));
        }
        assert_eq!(
            setting_key("ai-training/content-grant"),
            "clauselint.rules.ai-training.content-grant"
        );
    }
}
