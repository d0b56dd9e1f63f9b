//! `drafting/*`: drafting defects that create ambiguity.

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[];
