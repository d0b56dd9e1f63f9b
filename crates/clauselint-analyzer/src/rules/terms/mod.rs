//! `terms/*`: unfair terms in the CLAUDETTE categories (Lippi et al. 2019): one rule per category,
//! each telling the one-sided version of a clause from the fair one.

pub mod acceptance_by_use;
pub mod arbitration;
mod common;
pub mod content_removal;
pub mod governing_law;
pub mod jurisdiction;
pub mod liability_limit;
pub mod unilateral_change;
pub mod unilateral_termination;

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[
    &unilateral_change::UnilateralChange,
    &acceptance_by_use::AcceptanceByUse,
    &unilateral_termination::UnilateralTermination,
    &content_removal::ContentRemoval,
    &liability_limit::LiabilityLimit,
    &jurisdiction::Jurisdiction,
    &governing_law::GoverningLaw,
    &arbitration::Arbitration,
];
