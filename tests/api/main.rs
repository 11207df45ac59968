//! Integration tests: the real application on port 0, a real database (a fresh SQLite file
//! per test, or a fresh PostgreSQL schema when LAGESBILD_TEST_POSTGRES_URL is set), and a
//! real HTTP client that keeps cookies.

mod access;
mod admin;
mod analysis;
mod api;
mod auth;
mod backup;
mod cli;
mod csrf;
mod dashboards;
mod demo;
mod editions;
mod forum;
mod helpers;
mod instances;
mod notices;
mod pdf;
mod picture;
mod reporting;
mod shutdown;
mod submissions;
mod thin_path;
