//! `ai-training/*`: rights to train AI models on the customer's content.

pub mod content_grant;

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[&content_grant::ContentGrant];
