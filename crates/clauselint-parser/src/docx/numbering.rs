//! Automatic numbering (`word/numbering.xml`): Word stores "10.4" nowhere in the text; it computes
//! it while laying out the document. This module replays that computation paragraph by paragraph.
//!
//! A `w:num` (what a paragraph's `numId` names) points at a `w:abstractNum` (the levels: `start`,
//! `numFmt`, `lvlText` such as `%1.%2`, `lvlRestart`, `isLgl`, a linked `pStyle`) and may override
//! levels (`w:lvlOverride`: a `startOverride` or a whole `w:lvl`). Counters belong to the abstract
//! numbering, so two `num`s on one abstract continue each other, except that a `num` with a
//! `startOverride` restarts that level the first time it is used.

use std::collections::{HashMap, HashSet};

use super::xml::{flag, Element};

const LEVELS: usize = 9;
/// `numStyleLink` indirections followed before giving up (cycles).
const MAX_LINKS: usize = 8;

#[derive(Clone, Debug, Default)]
pub(crate) struct Level {
    pub start: i64,
    pub format: String,
    pub text: Option<String>,
    /// `None`: restart after any higher level; `Some(0)`: never; `Some(n)`: after level `n`
    /// (1-based) or a higher one.
    pub restart: Option<u8>,
    pub legal: bool,
    pub style: Option<String>,
}

impl Level {
    fn parse(lvl: &Element) -> Level {
        Level {
            start: lvl
                .child_val("start")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            format: lvl.child_val("numFmt").unwrap_or("decimal").to_string(),
            text: lvl.child_val("lvlText").map(str::to_string),
            restart: lvl.child_val("lvlRestart").and_then(|v| v.parse().ok()),
            legal: flag(lvl.child("isLgl")),
            style: lvl.child_val("pStyle").map(str::to_string),
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    /// `w:numStyleLink`: the levels live in the abstract of the numbering style named here.
    style_link: Option<String>,
    /// `w:styleLink`: this abstract defines the numbering style named here.
    defines_style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, i64>,
    level_overrides: HashMap<usize, Level>,
}

/// The numbering definitions of a package plus the counters while paragraphs are read in order.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    /// Numbering style id → the `numId` its `w:pPr/w:numPr` names (from styles.xml).
    style_nums: HashMap<String, String>,
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    started_nums: HashSet<String>,
}

/// A rendered automatic number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Rendered {
    /// What the reader sees before the paragraph text (`10.4.`, `(a)`, `Article IV`).
    Label(String),
    /// A bullet or an empty number: nothing a cross-reference can name.
    Bullet,
}

impl Numbering {
    pub fn parse(root: &Element, numbering_styles: HashMap<String, String>) -> Numbering {
        let mut numbering = Numbering {
            style_nums: numbering_styles,
            ..Numbering::default()
        };
        for abs in root.children_named("abstractNum") {
            let Some(id) = abs.attr("abstractNumId") else {
                continue;
            };
            let mut levels = vec![None; LEVELS];
            for lvl in abs.children_named("lvl") {
                if let Some(i) = level_index(lvl) {
                    levels[i] = Some(Level::parse(lvl));
                }
            }
            numbering.abstracts.insert(
                id.to_string(),
                Abstract {
                    levels,
                    style_link: abs.child_val("numStyleLink").map(str::to_string),
                    defines_style: abs.child_val("styleLink").map(str::to_string),
                },
            );
        }
        for num in root.children_named("num") {
            let (Some(id), Some(abstract_id)) = (num.attr("numId"), num.child_val("abstractNumId"))
            else {
                continue;
            };
            let mut parsed = Num {
                abstract_id: abstract_id.to_string(),
                ..Num::default()
            };
            for o in num.children_named("lvlOverride") {
                let Some(i) = level_index(o) else { continue };
                if let Some(start) = o.child_val("startOverride").and_then(|v| v.parse().ok()) {
                    parsed.start_overrides.insert(i, start);
                }
                if let Some(lvl) = o.child("lvl") {
                    parsed.level_overrides.insert(i, Level::parse(lvl));
                }
            }
            numbering.nums.insert(id.to_string(), parsed);
        }
        numbering
    }

    /// The abstract numbering a `numId` finally uses, following numbering-style links.
    fn abstract_for(&self, num_id: &str) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..MAX_LINKS {
            let abs = self.abstracts.get(id)?;
            let Some(link) = &abs.style_link else {
                return Some((id, abs));
            };
            let linked = self
                .style_nums
                .get(link)
                .and_then(|n| self.nums.get(n))
                .map(|n| n.abstract_id.as_str())
                .or_else(|| {
                    self.abstracts
                        .iter()
                        .find(|(_, a)| a.defines_style.as_deref() == Some(link))
                        .map(|(k, _)| k.as_str())
                })?;
            if linked == id {
                return Some((id, abs));
            }
            id = linked;
        }
        None
    }

    fn level(&self, num_id: &str, ilvl: usize) -> Option<Level> {
        if let Some(l) = self.nums.get(num_id)?.level_overrides.get(&ilvl) {
            return Some(l.clone());
        }
        self.abstract_for(num_id)?.1.levels.get(ilvl)?.clone()
    }

    /// The level a numbered paragraph style sits at when its `numPr` gives no `ilvl`: the level
    /// whose `w:pStyle` names the style.
    pub fn level_for_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let (_, abs) = self.abstract_for(num_id)?;
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            .map(|i| i as u8)
    }

    /// Advances the counters for one numbered paragraph and renders the number it shows.
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<Rendered> {
        if num_id == "0" {
            return None;
        }
        let ilvl = (ilvl as usize).min(LEVELS - 1);
        let (abstract_id, _) = self.abstract_for(num_id)?;
        let abstract_id = abstract_id.to_string();
        let levels: Vec<Option<Level>> = (0..LEVELS).map(|i| self.level(num_id, i)).collect();
        let level = levels[ilvl].clone()?;
        let num = self.nums.get(num_id)?;
        // A level replaced by an override restarts at its own start, like a `startOverride`.
        let mut overrides = num.start_overrides.clone();
        for (&i, l) in &num.level_overrides {
            overrides.entry(i).or_insert(l.start);
        }
        let first_use = self.started_nums.insert(num_id.to_string());
        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        if first_use {
            for (&i, _) in overrides.iter().filter(|(&i, _)| i < LEVELS) {
                counters[i] = None;
            }
        }
        let start_of = |i: usize| -> i64 {
            overrides
                .get(&i)
                .copied()
                .or_else(|| levels[i].as_ref().map(|l| l.start))
                .unwrap_or(0)
        };
        counters[ilvl] = Some(match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels[deeper].as_ref().and_then(|l| l.restart);
            let resets = match restart {
                None => true,
                Some(0) => false,
                Some(after) => ilvl < after as usize,
            };
            if resets {
                *counter = None;
            }
        }
        if level.format == "bullet" || level.format == "none" {
            return Some(Rendered::Bullet);
        }
        let template = level.text.clone().unwrap_or_default();
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let i = (d as usize).saturating_sub(1).min(LEVELS - 1);
                    let value = counters[i].unwrap_or_else(|| start_of(i));
                    let format = if level.legal && i < ilvl {
                        "decimal"
                    } else {
                        levels[i].as_ref().map_or("decimal", |l| l.format.as_str())
                    };
                    out.push_str(&format_number(value, format));
                    continue;
                }
            }
            out.push(c);
        }
        let out = out.trim().to_string();
        Some(if out.is_empty() {
            Rendered::Bullet
        } else {
            Rendered::Label(out)
        })
    }
}

fn level_index(e: &Element) -> Option<usize> {
    e.attr("ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

/// One counter value in a Word number format.
pub(crate) fn format_number(value: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerRoman" => roman(value).to_lowercase(),
        "upperRoman" => roman(value),
        "decimalZero" if (0..10).contains(&value) => format!("0{value}"),
        "ordinal" => format!("{value}{}", ordinal_suffix(value)),
        _ => value.to_string(),
    }
}

/// Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not a base-26 count).
fn letters(value: i64) -> String {
    if value <= 0 {
        return value.to_string();
    }
    let v = (value - 1) as usize;
    let letter = (b'A' + (v % 26) as u8) as char;
    std::iter::repeat_n(letter, (v / 26 + 1).min(50)).collect()
}

fn roman(value: i64) -> String {
    if !(1..4000).contains(&value) {
        return value.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut v = value;
    let mut out = String::new();
    for (n, s) in TABLE {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

fn ordinal_suffix(value: i64) -> &'static str {
    match (value % 100, value % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_word() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(1, "lowerLetter"), "a");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(format_number(12, "ordinal"), "12th");
        assert_eq!(format_number(22, "ordinal"), "22nd");
        assert_eq!(format_number(7, "decimal"), "7");
    }
}
