//! Pure types and rules of the domain: no actix, no diesel.

pub mod access;
pub mod audit_chain;
pub mod csv_import;
pub mod csv_safe;
pub mod diff;
pub mod disclosure;
pub mod effect;
pub mod format;
pub mod forum;
pub mod lang;
pub mod markdown;
pub mod measure;
pub mod message;
pub mod notice;
pub mod notification;
pub mod numerics;
pub mod observation;
pub mod outlier;
pub mod period;
pub mod reference;
pub mod report;
pub mod risk;
pub mod role;
pub mod screening;
pub mod signals;
pub mod status;
pub mod taxonomy;
pub mod validation;

#[cfg(test)]
mod parser_fuzz;
