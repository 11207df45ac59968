//! Lägesbild – the reporting system of the Swedish National ID-center (Nationellt ID-center).
//!
//! Layers, each using only those below it:
//! `web` and `cli` → `services` (use-cases) → `charts`, `pdf`, `db`, `i18n` (message
//! catalogues) → `domain` (pure rules).

pub mod charts;
pub mod cli;
pub mod configuration;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod metrics;
pub mod pdf;
pub mod services;
pub mod startup;
pub mod web;

pub use error::{AppError, AppResult};
