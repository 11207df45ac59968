//! Integration tests: the real application on port 0, a real database (a fresh SQLite file
//! per test, or a fresh PostgreSQL schema when LAGESBILD_TEST_POSTGRES_URL is set), and a
//! real HTTP client that keeps cookies.

mod access;
mod accounts;
mod admin;
mod analysis;
mod api;
mod audit;
mod auth;
mod backup;
mod cli;
mod csrf;
mod dashboards;
mod demo;
mod editions;
mod forum;
mod fuzz;
mod helpers;
mod instances;
mod language;
mod language_admin;
mod language_dashboards;
mod language_forum;
mod language_reporting;
mod language_reports;
mod limits;
mod notices;
mod notifications;
mod observability;
mod pdf;
mod picture;
mod rate_limit;
mod reporting;
mod routes;
mod shutdown;
mod smtp_sink;
mod submissions;
mod thin_path;
mod two_factor;
