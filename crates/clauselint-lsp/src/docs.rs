//! A rule's documentation as Markdown, and the link a diagnostic's `codeDescription` points at.
//!
//! There is no documentation site to link to, so by default the server writes each rule's page to
//! a folder under the system's temporary directory once per process and links the `file:` URI:
//! every client can open it, and it renders as Markdown. A client that sets `ruleDocsUrl` gets its
//! own template instead and nothing is written.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clauselint_analyzer::{all_rules, rule_by_id, FindingKind, RuleMeta};
use tower_lsp_server::ls_types::Uri;

use crate::config::Config;

pub(crate) fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The full page for a rule: summary, why it matters, example, suggested language, references.
pub fn rule_markdown(meta: &RuleMeta) -> String {
    let d = &meta.doc;
    let mut s = format!(
        "# {}\n\n**Default severity:** {} · **Group:** {}\n\n{}\n\n## Why it matters\n\n{}\n",
        meta.id,
        meta.default_severity.as_str(),
        meta.group(),
        fold(d.summary),
        fold(d.why)
    );
    if !d.example.is_empty() {
        s.push_str(&format!("\n## Example\n\n> {}\n", fold(d.example)));
    }
    if !d.suggested.is_empty() {
        s.push_str(&format!(
            "\n## Suggested language\n\n> {}\n",
            fold(d.suggested)
        ));
    }
    if !d.references.is_empty() {
        s.push_str("\n## References\n\n");
        for r in d.references {
            s.push_str(&format!("- {}\n", fold(r)));
        }
    }
    s.push_str(&format!(
        "\n## Switching it off\n\nFor one place: `<!-- clauselint-disable-next-line {id}: reason -->` on \
         the line before (Markdown) or `[clauselint-disable-next-line {id}: reason]` (plain text). \
         For a project: `\"{id}\" = \"off\"` (or `\"{group}/*\"`) under `[rules]` in `clauselint.toml`. \
         In this editor only: add `{id}` to the `disabled` setting.\n",
        id = meta.id,
        group = meta.group()
    ));
    s
}

/// What a hover over a finding shows about its rule: why it matters and the language to ask for.
pub fn rule_hover_markdown(meta: &RuleMeta, kind: FindingKind, suggestion: Option<&str>) -> String {
    let d = &meta.doc;
    let mut s = format!("**Why it matters.** {}\n", fold(d.why));
    if kind == FindingKind::Risk {
        let suggested = suggestion.unwrap_or(d.suggested);
        if !suggested.trim().is_empty() {
            s.push_str(&format!("\n**Suggested language.** {}\n", fold(suggested)));
        }
    }
    s
}

fn docs_dir() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!(
            "clauselint-rule-docs-{}",
            env!("CARGO_PKG_VERSION")
        ));
        write_docs(&dir).ok().map(|()| dir)
    })
    .as_deref()
}

fn write_docs(dir: &Path) -> std::io::Result<()> {
    for rule in all_rules() {
        let meta = rule.meta();
        let path = doc_path(dir, meta.id);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let page = rule_markdown(meta);
        // A page left by an earlier server of this version is usually the same: reading it is
        // cheaper than writing and renaming it again.
        if std::fs::read(&path).is_ok_and(|old| old == page.as_bytes()) {
            continue;
        }
        // Write-then-rename, so another server process never reads half a page.
        let tmp = path.with_extension(format!("md.{}.tmp", std::process::id()));
        std::fs::write(&tmp, page)?;
        std::fs::rename(&tmp, &path)?;
    }
    Ok(())
}

fn doc_path(dir: &Path, id: &str) -> PathBuf {
    let (group, name) = id.split_once('/').unwrap_or(("rules", id));
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    dir.join(clean(group)).join(format!("{}.md", clean(name)))
}

/// The documentation link for a rule id, if there is one.
pub fn rule_doc_uri(config: &Config, id: &str) -> Option<Uri> {
    rule_by_id(id)?;
    match &config.rule_docs_url {
        Some(template) => template.replace("{id}", id).parse().ok(),
        None => Uri::from_file_path(doc_path(docs_dir()?, id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_page_and_a_link() {
        let config = Config::default();
        for rule in all_rules() {
            let meta = rule.meta();
            let md = rule_markdown(meta);
            assert!(md.starts_with(&format!("# {}", meta.id)));
            assert!(md.contains("## Why it matters"));
            let uri = rule_doc_uri(&config, meta.id).expect("a link");
            let path = uri.to_file_path().expect("a file link");
            assert_eq!(std::fs::read_to_string(path).unwrap(), md);
        }
        assert!(rule_doc_uri(&config, "no/such-rule").is_none());
    }

    #[test]
    fn a_url_template_replaces_the_file_link() {
        let config = Config {
            rule_docs_url: Some("https://example.org/rules/{id}.html".into()),
            ..Config::default()
        };
        let id = all_rules()[0].meta().id;
        let uri = rule_doc_uri(&config, id).unwrap();
        assert_eq!(uri.as_str(), format!("https://example.org/rules/{id}.html"));
    }
}
