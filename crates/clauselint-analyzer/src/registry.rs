//! The table of rules. Ids are stable: users write them into configuration and suppression
//! comments, so an id is never reused or renamed without a redirect.

use std::sync::OnceLock;

use crate::rule::Rule;
use crate::rules::{ai_training, data_rights, drafting, terms};

/// Every rule, group by group, in the order they are documented.
pub fn all_rules() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            ai_training::RULES,
            data_rights::RULES,
            terms::RULES,
            drafting::RULES,
        ]
        .into_iter()
        .flatten()
        .copied()
        .collect()
    })
}

pub fn rule_by_id(id: &str) -> Option<&'static dyn Rule> {
    all_rules().iter().copied().find(|r| r.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_grouped() {
        let mut seen = HashSet::new();
        for r in all_rules() {
            let id = r.meta().id;
            assert!(seen.insert(id), "duplicate rule id {id}");
            let (group, name) = id.split_once('/').expect("group/name");
            assert!(
                ["ai-training", "data-rights", "terms", "drafting"].contains(&group),
                "{id}"
            );
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
        }
    }

    #[test]
    fn every_doc_example_triggers_and_suggestion_does_not() {
        for r in all_rules() {
            let meta = r.meta();
            let hits = crate::testing::risks(meta.id, meta.doc.example);
            assert!(
                !hits.is_empty(),
                "{}: its documented example does not trigger it",
                meta.id
            );
            if !meta.doc.suggested.is_empty() {
                let hits = crate::testing::risks(meta.id, meta.doc.suggested);
                assert!(
                    hits.is_empty(),
                    "{}: its suggested language triggers it: {hits:?}",
                    meta.id
                );
            }
        }
    }
}
