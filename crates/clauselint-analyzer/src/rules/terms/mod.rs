//! `terms/*`: unfair terms in the CLAUDETTE categories.

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[];
