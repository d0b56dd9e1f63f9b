//! Rules written as data by an organisation (a playbook), compiled into the same analysis as the
//! built-in rules. A custom rule names the concepts a sentence must hold (the analyzer's
//! vocabulary, extended by the configuration), optionally the phrases or patterns that trigger it,
//! and whether a negated trigger ("will not", "never", a prohibited-uses list) counts.
//!
//! Reading rule files is the caller's job (this crate does no I/O): it fills a [`CustomRuleSpec`]
//! and calls [`CustomRule::compile`], whose errors name the offending field so the caller can point
//! at its line.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use clauselint_parser::{parse, Format};
use regex::{Regex, RegexBuilder};

use crate::context::{Context, SentenceFacts};
use crate::finding::{Edit, Finding, FindingKind, Fix, Severity};
use crate::grammar::{actor_before, negated, vendor_permission, Actor};
use crate::lexicon::Concept;
use crate::vocabulary::{concept_by_name, concept_name_list, normalise_phrase, Vocabulary};

/// Findings carry `&'static str` rule ids. A custom rule's id is interned once per distinct id, so
/// reloading a playbook (the language server does so on every change) does not grow memory.
pub fn intern(id: &str) -> &'static str {
    static IDS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut ids = IDS
        .get_or_init(|| Mutex::new(HashSet::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(existing) = ids.get(id) {
        return existing;
    }
    let leaked: &'static str = Box::leak(id.to_string().into_boxed_str());
    ids.insert(leaked);
    leaked
}

/// Who must be the one acting for the rule to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    /// The vendor acts or is granted the right ("we may", "you grant us", "… may be used").
    Vendor,
    /// The customer is the subject ("Customer shall").
    Customer,
}

/// One inline test case of a custom rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleTest {
    pub text: String,
    /// `true`: the text must trigger the rule; `false`: it must not.
    pub triggers: bool,
}

/// A custom rule as written, before compilation. Concept names are those of
/// [`crate::vocabulary::CONCEPT_NAMES`].
#[derive(Clone, Debug, Default)]
pub struct CustomRuleSpec {
    pub id: String,
    pub severity: Option<Severity>,
    pub message: String,
    pub description: String,
    pub suggestion: Option<String>,
    /// Every one of these concepts must occur in the sentence.
    pub requires: Vec<String>,
    /// At least one of these concepts must occur (when given).
    pub requires_any: Vec<String>,
    /// Phrases that trigger the rule (matched on word boundaries, case-insensitively).
    pub phrases: Vec<String>,
    /// Regular expressions over the sentence's normalised text (lower case, straight quotes).
    pub patterns: Vec<String>,
    /// Phrases that, anywhere in the sentence, make it acceptable.
    pub unless: Vec<String>,
    /// A negated trigger ("will not", "never", an item of a prohibited-uses list) does not count.
    pub unless_negated: bool,
    pub party: Option<Party>,
    pub tests: Vec<RuleTest>,
}

/// A compile error, naming the field (and the list element) at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    pub field: &'static str,
    pub index: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.index {
            Some(i) => write!(f, "`{}[{i}]`: {}", self.field, self.message),
            None => write!(f, "`{}`: {}", self.field, self.message),
        }
    }
}

/// Built-in rule groups a custom rule may not use: its id must not look like a built-in one.
pub const RESERVED_GROUPS: &[&str] = &["ai-training", "data-rights", "terms", "drafting", "meta"];

pub struct CustomRule {
    pub id: &'static str,
    pub severity: Severity,
    pub message: String,
    pub description: String,
    pub suggestion: Option<String>,
    pub tests: Vec<RuleTest>,
    requires: u64,
    requires_any: u64,
    triggers: Option<AhoCorasick>,
    patterns: Vec<Regex>,
    unless: Option<AhoCorasick>,
    unless_negated: bool,
    party: Option<Party>,
}

impl std::fmt::Debug for CustomRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CustomRule").field("id", &self.id).finish()
    }
}

fn concept_mask(field: &'static str, names: &[String]) -> Result<u64, SpecError> {
    let mut mask = 0;
    for (i, name) in names.iter().enumerate() {
        let concept: Concept = concept_by_name(name).ok_or_else(|| SpecError {
            field,
            index: Some(i),
            message: format!(
                "unknown concept `{name}`; the concepts are: {}",
                concept_name_list()
            ),
        })?;
        mask |= concept.bit();
    }
    Ok(mask)
}

fn phrase_automaton(
    field: &'static str,
    phrases: &[String],
) -> Result<Option<AhoCorasick>, SpecError> {
    let mut normalised = Vec::with_capacity(phrases.len());
    for (i, p) in phrases.iter().enumerate() {
        let n = normalise_phrase(p);
        if n.is_empty() {
            return Err(SpecError {
                field,
                index: Some(i),
                message: "a phrase is empty".into(),
            });
        }
        normalised.push(n);
    }
    if normalised.is_empty() {
        return Ok(None);
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&normalised)
        .map(Some)
        .map_err(|e| SpecError {
            field,
            index: None,
            message: format!("the phrases cannot be compiled: {e}"),
        })
}

/// Checks an id: `group/name`, lower-case words joined by hyphens, not in a built-in group.
pub fn check_id(id: &str) -> Result<(), String> {
    let Some((group, name)) = id.split_once('/') else {
        return Err(format!(
            "the id `{id}` must be `group/name`, e.g. `custom/perpetual-licence`"
        ));
    };
    let word = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if !word(group) || !word(name) {
        return Err(format!(
            "the id `{id}` must be lower-case letters, digits and hyphens, as `group/name`"
        ));
    }
    if RESERVED_GROUPS.contains(&group) {
        return Err(format!(
            "the id `{id}` is in the built-in group `{group}`; use a group of your own, e.g. `custom/{name}`"
        ));
    }
    Ok(())
}

impl CustomRule {
    pub fn compile(spec: &CustomRuleSpec) -> Result<CustomRule, SpecError> {
        check_id(&spec.id).map_err(|message| SpecError {
            field: "id",
            index: None,
            message,
        })?;
        for (field, value) in [
            ("message", &spec.message),
            ("description", &spec.description),
        ] {
            if value.trim().is_empty() {
                return Err(SpecError {
                    field,
                    index: None,
                    message: "must not be empty".into(),
                });
            }
        }
        let requires = concept_mask("requires", &spec.requires)?;
        let requires_any = concept_mask("requires_any", &spec.requires_any)?;
        let triggers = phrase_automaton("phrases", &spec.phrases)?;
        let unless = phrase_automaton("unless", &spec.unless)?;
        let mut patterns = Vec::with_capacity(spec.patterns.len());
        for (i, p) in spec.patterns.iter().enumerate() {
            let re = RegexBuilder::new(p)
                .case_insensitive(true)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| SpecError {
                    field: "patterns",
                    index: Some(i),
                    message: format!("invalid regular expression: {e}"),
                })?;
            patterns.push(re);
        }
        if requires == 0 && requires_any == 0 && triggers.is_none() && patterns.is_empty() {
            return Err(SpecError {
                field: "requires",
                index: None,
                message:
                    "the rule has no trigger: give `requires` concepts, `phrases` or `patterns`"
                        .into(),
            });
        }
        Ok(CustomRule {
            id: intern(&spec.id),
            severity: spec.severity.unwrap_or(Severity::Warning),
            message: spec.message.trim().to_string(),
            description: spec.description.trim().to_string(),
            suggestion: spec
                .suggestion
                .as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            tests: spec.tests.clone(),
            requires,
            requires_any,
            triggers,
            patterns,
            unless,
            unless_negated: spec.unless_negated,
            party: spec.party,
        })
    }

    pub fn group(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }

    /// Normalised ranges in `s` where the rule's phrases or patterns match; when it has none, the
    /// place where its last required concept first occurs.
    fn trigger_ranges(&self, s: &SentenceFacts) -> Vec<(usize, usize)> {
        let mut ranges = Vec::new();
        if let Some(ac) = &self.triggers {
            for m in ac.find_iter(&s.norm) {
                if word_bounded(&s.norm, m.start(), m.end()) {
                    ranges.push((m.start(), m.end()));
                }
            }
        }
        for re in &self.patterns {
            ranges.extend(re.find_iter(&s.norm).map(|m| (m.start(), m.end())));
        }
        if self.triggers.is_none() && self.patterns.is_empty() {
            // The first occurrence of each required concept; the rule applies from the latest one.
            let bits = if self.requires != 0 {
                self.requires
            } else {
                self.requires_any
            };
            let anchor = (0..64)
                .map(|i| 1u64 << i)
                .filter(|b| bits & b != 0)
                .filter_map(|b| s.hits.iter().find(|h| h.mask & b != 0))
                .max_by_key(|h| h.start)
                .map(|h| (h.start, h.end));
            ranges.extend(anchor);
        }
        ranges.sort_unstable();
        ranges
    }

    fn applies_at(&self, cx: &Context, s: &SentenceFacts, start: usize) -> bool {
        if self.unless_negated && (negated(s, start) || cx.in_prohibited_list(s)) {
            return false;
        }
        match self.party {
            None => true,
            Some(Party::Vendor) => vendor_permission(s, start),
            Some(Party::Customer) => actor_before(s, start) == Actor::Customer,
        }
    }

    /// Pushes a finding for each sentence that triggers the rule.
    pub fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for s in cx.sentences_with(self.requires) {
            if s.in_heading || (self.requires_any != 0 && s.mask & self.requires_any == 0) {
                continue;
            }
            if let Some(unless) = &self.unless {
                if unless
                    .find_iter(&s.norm)
                    .any(|m| word_bounded(&s.norm, m.start(), m.end()))
                {
                    continue;
                }
            }
            let Some((start, end)) = self
                .trigger_ranges(s)
                .into_iter()
                .find(|&(start, _)| self.applies_at(cx, s, start))
            else {
                continue;
            };
            let matched = cx.quote(s.source_span(start, end));
            out.push(Finding {
                rule: self.id,
                severity: self.severity,
                kind: FindingKind::Risk,
                message: self.message.replace("{match}", &matched),
                span: s.span,
                clause: cx.doc.sentences[s.index].clause,
                suggestion: self.suggestion.clone(),
                fix: self.suggestion.as_ref().map(|text| Fix {
                    title: "Replace with the suggested language".to_string(),
                    edits: vec![Edit {
                        span: s.span,
                        new_text: text.clone(),
                    }],
                }),
                related: Vec::new(),
                document_level: false,
            });
        }
    }

    /// Runs the rule alone on a Markdown snippet, with the configuration's vocabulary.
    pub fn findings_on(&self, text: &str, vocabulary: &Vocabulary) -> Vec<Finding> {
        let doc = parse(text, Format::Markdown);
        let cx = Context::with_vocabulary(&doc, vocabulary);
        let mut out = Vec::new();
        self.check(&cx, &mut out);
        out
    }

    /// The inline tests that fail, with what went wrong.
    pub fn failing_tests(&self, vocabulary: &Vocabulary) -> Vec<(usize, String)> {
        self.tests
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let hit = !self.findings_on(&t.text, vocabulary).is_empty();
                match (t.triggers, hit) {
                    (true, false) => Some((i, format!("should trigger but does not: {}", t.text))),
                    (false, true) => Some((i, format!("should not trigger but does: {}", t.text))),
                    _ => None,
                }
            })
            .collect()
    }
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> CustomRuleSpec {
        CustomRuleSpec {
            id: "custom/no-training".into(),
            severity: Some(Severity::Error),
            message: "Training on our content: {match}".into(),
            description: "We never accept training on client materials.".into(),
            suggestion: Some("Vendor will not use Client Materials to train any model.".into()),
            requires: vec!["customer-content".into()],
            phrases: vec!["train".into(), "fine-tune".into()],
            unless_negated: true,
            party: Some(Party::Vendor),
            ..CustomRuleSpec::default()
        }
    }

    fn hits(rule: &CustomRule, text: &str, vocabulary: &Vocabulary) -> usize {
        rule.findings_on(text, vocabulary).len()
    }

    #[test]
    fn triggers_on_a_grant_and_not_on_a_protection() {
        let rule = CustomRule::compile(&spec()).unwrap();
        let none = Vocabulary::default();
        assert_eq!(
            hits(&rule, "We may use your content to train our models.", &none),
            1
        );
        let f = &rule.findings_on("We may use your content to train our models.", &none)[0];
        assert_eq!(f.message, "Training on our content: train");
        assert_eq!(f.rule, "custom/no-training");
        assert_eq!(
            hits(
                &rule,
                "We will never use your content to train our models.",
                &none
            ),
            0
        );
        assert_eq!(
            hits(
                &rule,
                "You may not:\n\n- use any content to train a competing model;",
                &none
            ),
            0
        );
        // The customer training its own model is not the vendor taking a right.
        assert_eq!(
            hits(
                &rule,
                "Customer shall train its staff on the content of this policy.",
                &none
            ),
            0
        );
    }

    #[test]
    fn configured_synonyms_join_the_concepts() {
        let mut s = spec();
        s.requires = vec!["customer-content".into(), "ai".into()];
        s.phrases.clear();
        let rule = CustomRule::compile(&s).unwrap();
        let text = "Supplier may analyse the Deal Papers with its neural engines.";
        assert_eq!(hits(&rule, text, &Vocabulary::default()), 0);
        let mut v = Vocabulary::default();
        v.add(Concept::Content, "Deal Papers");
        v.add(Concept::Ai, "neural engines");
        v.add(Concept::Vendor, "Supplier");
        assert_eq!(hits(&rule, text, &v), 1);
    }

    #[test]
    fn unless_phrases_and_non_ascii_text() {
        let mut s = spec();
        s.unless = vec!["prior written consent".into()];
        let rule = CustomRule::compile(&s).unwrap();
        let none = Vocabulary::default();
        assert_eq!(
            hits(
                &rule,
                "§ 4 — We may use “your content” to train models with your prior written consent.",
                &none
            ),
            0
        );
        assert_eq!(
            hits(
                &rule,
                "§ 4 — We may use “your content” to fine‑tune models.",
                &none
            ),
            1
        );
    }

    #[test]
    fn compile_errors_name_the_field() {
        let mut s = spec();
        s.patterns = vec!["ok".into(), "(unclosed".into()];
        let e = CustomRule::compile(&s).unwrap_err();
        assert_eq!((e.field, e.index), ("patterns", Some(1)));
        assert!(e.message.contains("invalid regular expression"), "{e}");

        let mut s = spec();
        s.requires = vec!["customer-content".into(), "cheese".into()];
        let e = CustomRule::compile(&s).unwrap_err();
        assert_eq!((e.field, e.index), ("requires", Some(1)));
        assert!(e.message.contains("customer-content, personal-data"), "{e}");

        for (id, needle) in [
            ("ai-training/mine", "built-in group"),
            ("nogroup", "group/name"),
            ("Custom/Upper", "lower-case"),
        ] {
            let mut s = spec();
            s.id = id.into();
            let e = CustomRule::compile(&s).unwrap_err();
            assert_eq!(e.field, "id");
            assert!(e.message.contains(needle), "{id}: {e}");
        }

        let mut s = spec();
        s.message = "  ".into();
        assert_eq!(CustomRule::compile(&s).unwrap_err().field, "message");

        let s = CustomRuleSpec {
            id: "custom/empty".into(),
            message: "m".into(),
            description: "d".into(),
            ..CustomRuleSpec::default()
        };
        assert!(CustomRule::compile(&s)
            .unwrap_err()
            .message
            .contains("no trigger"));
    }

    #[test]
    fn inline_tests_report_failures() {
        let mut s = spec();
        s.tests = vec![
            RuleTest {
                text: "We may use your content to train our models.".into(),
                triggers: true,
            },
            RuleTest {
                text: "We will not use your content to train our models.".into(),
                triggers: true,
            },
        ];
        let rule = CustomRule::compile(&s).unwrap();
        let failing = rule.failing_tests(&Vocabulary::default());
        assert_eq!(failing.len(), 1);
        assert_eq!(failing[0].0, 1);
    }

    #[test]
    fn interning_reuses_ids() {
        let a = intern("custom/same-id");
        let b = intern(&String::from("custom/same-id"));
        assert!(std::ptr::eq(a, b));
    }
}
