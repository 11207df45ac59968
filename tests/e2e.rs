//! End-to-end journeys in a real browser: Debian's chromium, driven through chromedriver,
//! against the real application on port 0 (the same `spawn_app` as tests/api), with
//! axe-core (WCAG 2.1 A and AA rules) and the further accessibility checks of
//! `e2e/browser.rs` on every page a journey visits.
//!
//! `cargo test --test e2e`. Needs `chromium` and `chromedriver` on the PATH (Debian:
//! `apt-get install chromium chromium-driver`; or `CHROMIUM` / `CHROMEDRIVER` naming the
//! binaries) and axe-core in tests/e2e/node_modules (`npm ci` there; the tests run it when
//! it is missing). Without them the tests print why and pass, except under CI.

#[path = "api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

#[path = "e2e/browser.rs"]
mod browser;
#[path = "e2e/journeys.rs"]
mod journeys;
