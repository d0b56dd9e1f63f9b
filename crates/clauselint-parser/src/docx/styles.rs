//! Paragraph styles (`word/styles.xml`): which styles are headings, and the numbering a style
//! carries (`w:pPr/w:numPr`), both inherited along `w:basedOn`.

use std::collections::HashMap;

use super::xml::Element;

#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline_level: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
pub(crate) struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
    /// Numbering styles (`w:type="numbering"`) → the `numId` they apply.
    pub numbering_styles: HashMap<String, String>,
}

/// `basedOn` chains longer than this are treated as cycles.
const MAX_CHAIN: usize = 32;

impl Styles {
    pub fn parse(root: &Element) -> Styles {
        let mut styles = Styles::default();
        for style in root.children_named("style") {
            let Some(id) = style.attr("styleId") else {
                continue;
            };
            if style.attr("type") == Some("numbering") {
                let num_id = style
                    .child("pPr")
                    .and_then(|p| p.child("numPr"))
                    .and_then(|n| n.child_val("numId"));
                if let Some(num_id) = num_id {
                    styles
                        .numbering_styles
                        .insert(id.to_string(), num_id.to_string());
                }
                continue;
            }
            if style.attr("type").is_some_and(|t| t != "paragraph") {
                continue;
            }
            let ppr = style.child("pPr");
            let num_pr = ppr.and_then(|p| p.child("numPr"));
            let parsed = Style {
                name: style.child_val("name").unwrap_or_default().to_string(),
                based_on: style.child_val("basedOn").map(str::to_string),
                outline_level: ppr
                    .and_then(|p| p.child_val("outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                num_id: num_pr
                    .and_then(|n| n.child_val("numId"))
                    .map(str::to_string),
                ilvl: num_pr
                    .and_then(|n| n.child_val("ilvl"))
                    .and_then(|v| v.parse().ok()),
            };
            if matches!(style.attr("default"), Some("1" | "true" | "on")) {
                styles.default_paragraph = Some(id.to_string());
            }
            styles.by_id.insert(id.to_string(), parsed);
        }
        styles
    }

    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut cur = id.or(self.default_paragraph.as_deref());
        while let Some(name) = cur {
            let Some(style) = self.by_id.get(name) else {
                break;
            };
            out.push(style);
            if out.len() >= MAX_CHAIN {
                break;
            }
            cur = style.based_on.as_deref();
        }
        out
    }

    /// Heading level 1–9 of a paragraph style: its outline level, or a name like "heading 2" /
    /// "Title" (LibreOffice and older templates name headings without an outline level).
    pub fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        for style in self.chain(id) {
            if let Some(level) = style.outline_level {
                // Outline level 9 is "body text".
                return (level < 9).then_some(level + 1);
            }
            let name = style.name.to_ascii_lowercase();
            if let Some(n) = name.strip_prefix("heading ") {
                if let Ok(n @ 1..=9) = n.trim().parse::<u8>() {
                    return Some(n);
                }
            }
            if name == "title" {
                return Some(1);
            }
        }
        None
    }

    /// The numbering a paragraph style applies: `(numId, ilvl)`, the level left open when the style
    /// gives none (the abstract numbering's `w:pStyle` link decides it then).
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, Option<u8>)> {
        let chain = self.chain(id);
        let num_id = chain.iter().find_map(|s| s.num_id.clone())?;
        let ilvl = chain.iter().find_map(|s| s.ilvl);
        Some((num_id, ilvl))
    }
}
