//! Integration tests: the real application on port 0, a real database (a fresh SQLite file
//! per test, or a fresh PostgreSQL schema when LAGESBILD_TEST_POSTGRES_URL is set), and a
//! real HTTP client that keeps cookies.

mod access;
mod admin;
mod analysis;
mod api;
mod audit;
mod auth;
mod cli;
mod csrf;
mod dashboards;
mod demo;
mod forum;
mod helpers;
mod notices;
mod pdf;
mod picture;
mod reporting;
mod submissions;
mod thin_path;
