//! `data-rights/*`: rights over the customer's data: licences, purposes, retention, sharing.

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[];
