//! The browser harness: Debian's chromium driven through chromedriver (W3C WebDriver, the
//! `thirtyfour` crate), axe-core injected into every page a journey visits, and the
//! accessibility checks axe does not make (labels, announced errors, keyboard use, chart
//! text alternatives, 200 % zoom).
//!
//! Every test starts its own chromedriver on a free port and a chromium with a fresh
//! profile; one browser runs at a time (two cores). When chromium, chromedriver or axe-core
//! is missing the test says so on the terminal and passes, except under CI (`CI` set),
//! where it fails. On a failure, the screenshot of every page the journey visited, and the
//! HTML of the last one, are written to `target/e2e-artifacts/<journey>/` (or to
//! `$LAGESBILD_E2E_ARTIFACTS/<journey>/`).

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::prelude::*;
use tokio::sync::Semaphore;

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The flags this machine needs (no sandbox as root, no network beyond localhost).
const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
];

/// Window size for the journeys; the zoom check halves the width (200 %).
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 1000;

/// One browser at a time over all tests of the binary.
static SLOT: Semaphore = Semaphore::const_new(1);
/// Pages axe has checked, over all tests (printed by each test as it ends).
pub static AXE_PAGES: AtomicUsize = AtomicUsize::new(0);

/// Writes to the terminal past libtest's output capture, so skips and counts are seen.
pub fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Skips the test with a visible message, or fails it under CI.
fn skip(journey: &str, why: &str) {
    if on_ci() {
        panic!("e2e {journey}: {why} (CI must run the browser tests: see .ci/run)");
    }
    say(&format!("SKIPPED e2e {journey}: {why}"));
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in names {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_file())
}

fn e2e_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e")
}

/// axe-core's browser build, installed by `npm ci` in tests/e2e (run here when missing).
fn axe_source() -> std::result::Result<&'static str, String> {
    static AXE: OnceLock<std::result::Result<String, String>> = OnceLock::new();
    AXE.get_or_init(|| {
        let file = e2e_dir().join("node_modules/axe-core/axe.min.js");
        if !file.is_file() {
            let npm = which(&["npm"]).ok_or("axe-core is not installed and npm is missing")?;
            let out = Command::new(npm)
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(e2e_dir())
                .output()
                .map_err(|e| format!("npm ci: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "npm ci in tests/e2e failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))
    })
    .clone()
    .map(|s| &*Box::leak(s.into_boxed_str()))
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn artifacts_root() -> PathBuf {
    match std::env::var_os("LAGESBILD_E2E_ARTIFACTS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("target dir")
            .join("e2e-artifacts"),
    }
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(binary: &Path) -> Result<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let d = Driver { child, port };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if start.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not listen within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(d)
    }
}

/// JavaScript in the pages: on (axe runs) or off (the no-JS journey).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Js {
    On,
    Off,
}

/// A browser session for one journey.
pub struct Browser {
    pub driver: WebDriver,
    pub base: String,
    pub journey: String,
    pub downloads: tempfile::TempDir,
    js: Js,
    axe: Option<&'static str>,
    /// Every page visited: (name, screenshot).
    shots: Vec<(String, Vec<u8>)>,
    violations: Vec<String>,
    problems: Vec<String>,
    checked: usize,
    _profile: tempfile::TempDir,
    _driver: Driver,
    _slot: tokio::sync::SemaphorePermit<'static>,
}

impl Browser {
    /// Starts chromium for `journey` against the app at `base`; `None` (with a visible
    /// message) when the browser or axe-core is missing here.
    pub async fn start(journey: &str, base: &str, js: Js) -> Option<Browser> {
        let chromedriver = env_path("CHROMEDRIVER").or_else(|| which(&["chromedriver"]));
        let chromium = env_path("CHROMIUM")
            .or_else(|| which(&["chromium", "chromium-browser", "google-chrome"]));
        let (Some(chromedriver), Some(chromium)) = (chromedriver, chromium) else {
            skip(
                journey,
                "chromium or chromedriver not found (apt-get install chromium chromium-driver)",
            );
            return None;
        };
        let axe = match axe_source() {
            Ok(src) => src,
            Err(e) => {
                skip(journey, &e);
                return None;
            }
        };
        let slot = SLOT.acquire().await.expect("semaphore");
        let dir = artifacts_root().join(journey);
        let _ = std::fs::remove_dir_all(&dir);
        let driver = Driver::start(&chromedriver).expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let downloads = tempfile::tempdir().expect("download dir");

        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(chromium.to_str().expect("utf-8 path"))
            .unwrap();
        for f in CHROMIUM_FLAGS {
            caps.add_arg(f).unwrap();
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display()))
            .unwrap();
        caps.add_arg(&format!("--window-size={WIDTH},{HEIGHT}"))
            .unwrap();
        caps.add_arg("--lang=sv-SE").unwrap();
        caps.add_experimental_option(
            "prefs",
            json!({
                "download.default_directory": downloads.path().to_str().unwrap(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
                "plugins.always_open_pdf_externally": true,
                "profile.managed_default_content_settings.javascript": if js == Js::On { 1 } else { 2 },
            }),
        )
        .unwrap();
        let wd = WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
            .await
            .expect("a chromium session");
        let b = Browser {
            driver: wd,
            base: base.to_string(),
            journey: journey.to_string(),
            downloads,
            js,
            axe: Some(axe),
            shots: Vec::new(),
            violations: Vec::new(),
            problems: Vec::new(),
            checked: 0,
            _profile: profile,
            _driver: driver,
            _slot: slot,
        };
        Some(b)
    }

    /// Ends the journey: on a panic or an error, writes the screenshots and panics with
    /// the cause; otherwise asserts that axe and the extra checks found nothing.
    pub async fn finish(mut self, outcome: std::thread::Result<Result>) {
        let failure: Option<String> = match outcome {
            Err(panic) => Some(
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".into()),
            ),
            Ok(Err(e)) => Some(format!("WebDriver: {e}")),
            Ok(Ok(())) if !self.violations.is_empty() || !self.problems.is_empty() => {
                Some(format!(
                    "axe-core (WCAG 2.1 A/AA) violations:\n{}\nother accessibility problems:\n{}",
                    self.violations.join("\n"),
                    self.problems.join("\n")
                ))
            }
            Ok(Ok(())) => None,
        };
        say(&format!(
            "e2e {}: {} pages checked with axe-core ({} in all so far)",
            self.journey,
            self.checked,
            AXE_PAGES.load(Ordering::SeqCst)
        ));
        if let Some(msg) = failure {
            let dir = self.save_artifacts().await;
            let _ = self.driver.quit().await;
            panic!(
                "e2e {} failed: {msg}\nscreenshots of each page: {}",
                self.journey,
                dir.display()
            );
        }
        self.driver.quit().await.expect("quit chromium");
    }

    fn problem(&mut self, p: String) {
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    async fn save_artifacts(&mut self) -> PathBuf {
        let dir = artifacts_root().join(&self.journey);
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.driver.screenshot_as_png().await {
            self.shots.push(("failure".into(), png));
        }
        if let Ok(html) = self.driver.source().await {
            let _ = std::fs::write(dir.join("failure.html"), html);
        }
        for (i, (name, png)) in self.shots.iter().enumerate() {
            let _ = std::fs::write(dir.join(format!("{:02}-{name}.png", i + 1)), png);
        }
        dir
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Goes to `path` and checks the page.
    pub async fn goto(&mut self, path: &str, name: &str) -> Result {
        self.driver.goto(self.url(path)).await?;
        self.page(name).await
    }

    /// The page that is now shown: screenshot, axe-core and the extra checks (with
    /// JavaScript off only the screenshot).
    pub async fn page(&mut self, name: &str) -> Result {
        let png = self.driver.screenshot_as_png().await?;
        self.shots.push((name.to_string(), png));
        if self.js == Js::Off {
            return Ok(());
        }
        let url = self.driver.current_url().await?.to_string();
        let path = url.strip_prefix(&self.base).unwrap_or(&url).to_string();
        self.axe(&path).await?;
        self.extra_checks(&path).await?;
        self.zoom_check(&path).await?;
        self.checked += 1;
        AXE_PAGES.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    async fn axe(&mut self, path: &str) -> Result {
        let loaded = self
            .driver
            .execute("return typeof window.axe !== 'undefined';", vec![])
            .await?
            .convert::<bool>()?;
        if !loaded {
            self.driver
                .execute(self.axe.expect("axe source"), vec![])
                .await?;
        }
        let ret = self
            .driver
            .execute_async(
                r##"const done = arguments[arguments.length - 1];
                axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                  resultTypes: ['violations']
                }).then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\s+/g, ' '))
                })))).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"##,
                vec![],
            )
            .await?;
        let violations: Vec<Value> = ret.convert()?;
        for v in violations {
            self.violations.push(format!(
                "{path}: {} ({}) {}\n    {}",
                v["id"].as_str().unwrap_or(""),
                v["impact"].as_str().unwrap_or(""),
                v["help"].as_str().unwrap_or(""),
                v["nodes"]
                    .as_array()
                    .map(|a| a
                        .iter()
                        .filter_map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join("\n    "))
                    .unwrap_or_default()
            ));
        }
        Ok(())
    }

    /// What axe does not check: one h1; every control labelled; errors announced (the
    /// message referenced by the field's aria-describedby, a summary with links to fields
    /// that exist); the skip link first and pointing at main; no positive tabindex; the
    /// accessibility statement in the footer; every chart a labelled image followed by its
    /// table and a one-line summary.
    async fn extra_checks(&mut self, path: &str) -> Result {
        let ret = self
            .driver
            .execute(
                r##"const p = [];
                const h1 = document.querySelectorAll('h1').length;
                if (h1 !== 1) p.push(h1 + ' h1 elements');
                for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                  const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
                  if (!named) p.push('control without a label: ' + (c.id || c.name));
                }
                const described = new Set();
                for (const e of document.querySelectorAll('[aria-describedby]'))
                  for (const id of e.getAttribute('aria-describedby').split(/\s+/)) described.add(id);
                for (const e of document.querySelectorAll('[aria-describedby]'))
                  for (const id of e.getAttribute('aria-describedby').split(/\s+/))
                    if (id && !document.getElementById(id)) p.push('aria-describedby names a missing id: ' + id);
                const errors = document.querySelectorAll('.field-error');
                for (const err of errors) {
                  const field = err.closest('.field');
                  if (!field || !field.querySelector('input:not([type=hidden]), select, textarea')) continue;
                  if (!err.id || !described.has(err.id)) p.push('field error not referenced by aria-describedby: ' + err.textContent.trim());
                }
                const summary = document.querySelector('.error-summary');
                if (errors.length > 0 && !summary) p.push('field errors without an error summary');
                if (summary) {
                  if (summary.getAttribute('role') !== 'alert') p.push('error summary without role=alert');
                  const main = document.querySelector('main');
                  const firstForm = main.querySelector('form:not(.inline)');
                  if (firstForm && (firstForm.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_PRECEDING) === 0
                      && !firstForm.contains(summary)) p.push('error summary after the first form');
                  for (const a of summary.querySelectorAll('a[href^="#"]'))
                    if (!document.getElementById(a.getAttribute('href').slice(1))) p.push('error summary links to a missing field: ' + a.getAttribute('href'));
                }
                const focusable = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
                for (const f of focusable) if (f.tabIndex > 0) p.push('positive tabindex: ' + f.outerHTML.slice(0, 80));
                const first = Array.from(focusable).find(f => f.tabIndex >= 0);
                if (!first || !first.classList.contains('skip-link')) p.push('the skip link is not the first focusable element');
                else if (!document.getElementById(first.getAttribute('href').slice(1))) p.push('the skip link target is missing');
                if (!document.querySelector('footer a[href="/tillganglighet"]')) p.push('no link to the accessibility statement in the footer');
                for (const svg of document.querySelectorAll('main svg')) {
                  const img = svg.closest('[role=img]');
                  if (!img || (img.getAttribute('aria-label') || '').trim().length < 20) { p.push('chart without a text alternative'); continue; }
                  // A QR code is a picture of a key, not a chart: no summary or table to give.
                  if (img.closest('figure.qr')) continue;
                  const fig = img.closest('figure');
                  if (!fig || !fig.querySelector('.chart-summary')) p.push('chart without a one-line summary: ' + img.getAttribute('aria-label'));
                  const after = Array.from(document.querySelectorAll('main table')).some(t => img.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
                  if (!after) p.push('chart without a data table after it');
                }
                return p;"##,
                vec![],
            )
            .await?;
        let found: Vec<String> = ret.convert()?;
        for f in found {
            let p = format!("{path}: {f}");
            if !self.problems.contains(&p) {
                self.problems.push(p);
            }
        }
        Ok(())
    }

    /// 200 % zoom: the same page in half the width (1280 → 640 CSS pixels) must not
    /// scroll sideways (wide tables scroll inside their own box) and keeps its h1 visible.
    async fn zoom_check(&mut self, path: &str) -> Result {
        self.driver.set_window_rect(0, 0, WIDTH / 2, HEIGHT).await?;
        let ret = self
            .driver
            .execute(
                r##"const d = document.documentElement;
                const h1 = document.querySelector('h1');
                const r = h1 ? h1.getBoundingClientRect() : null;
                return {inner: window.innerWidth, scroll: d.scrollWidth,
                        h1: !!r && r.width > 0 && r.right <= window.innerWidth + 1,
                        wide: Array.from(document.querySelectorAll('body *'))
                          .filter(e => {
                            const r = e.getBoundingClientRect();
                            const contentRight = r.left + Math.max(r.width, getComputedStyle(e).overflowX === 'visible' ? e.scrollWidth : 0);
                            if (contentRight <= window.innerWidth + 1) return false;
                            for (let a = e.parentElement; a; a = a.parentElement) {
                              const o = getComputedStyle(a).overflowX;
                              if ((o === 'auto' || o === 'hidden' || o === 'scroll') && a !== document.documentElement && a !== document.body) return false;
                            }
                            return true;
                          })
                          .reverse().slice(0, 3).map(e => (e.textContent || '').trim().slice(0, 40) + ' in ' + e.tagName + (typeof e.className === 'string' && e.className ? '.' + e.className : '') + (e.id ? '#' + e.id : ''))};"##,
                vec![],
            )
            .await?;
        let v: Value = ret.convert()?;
        self.driver.set_window_rect(0, 0, WIDTH, HEIGHT).await?;
        let (inner, scroll) = (
            v["inner"].as_i64().unwrap_or(0),
            v["scroll"].as_i64().unwrap_or(0),
        );
        if scroll > inner + 1 {
            self.problem(format!(
                "{path}: at 200 % zoom the page scrolls sideways ({scroll} > {inner} px): {}",
                v["wide"]
            ));
        }
        if v["h1"] != json!(true) {
            self.problem(format!("{path}: at 200 % zoom the h1 is not fully visible"));
        }
        Ok(())
    }

    /// Runs axe-core and the extra checks on a page given as HTML (for testing the
    /// checker itself); returns what they found instead of failing the journey.
    pub async fn audit_html(&mut self, html: &str) -> Result<(Vec<String>, Vec<String>)> {
        let url = format!("data:text/html;charset=utf-8,{}", urlencode(html));
        self.driver.goto(url).await?;
        self.axe("test page").await?;
        self.extra_checks("test page").await?;
        self.zoom_check("test page").await?;
        Ok((
            std::mem::take(&mut self.violations),
            std::mem::take(&mut self.problems),
        ))
    }

    /// Keyboard only: the first Tab shows the skip link, Enter moves focus to main, and
    /// every further Tab lands on the next element in document order with a visible focus
    /// indicator, until the page's end. Returns the ids or texts focused, in order.
    pub async fn keyboard_walk(&mut self) -> Result<Vec<String>> {
        let path = self.driver.current_url().await?.path().to_string();
        self.driver.refresh().await?;
        self.driver
            .action_chain()
            .send_keys(Key::Tab)
            .perform()
            .await?;
        let first: Value = self
            .driver
            .execute(
                r##"const a = document.activeElement; const r = a.getBoundingClientRect();
                return {skip: a.classList.contains('skip-link'), visible: r.left >= 0 && r.top >= 0 && r.width > 0};"##,
                vec![],
            )
            .await?
            .convert()?;
        assert_eq!(
            first,
            json!({"skip": true, "visible": true}),
            "{path}: the first Tab shows the skip link"
        );
        self.driver
            .action_chain()
            .send_keys(Key::Enter)
            .perform()
            .await?;
        let main: String = self
            .driver
            .execute("return document.activeElement.id;", vec![])
            .await?
            .convert()?;
        assert_eq!(
            main, "main",
            "{path}: the skip link moves focus to the content"
        );

        let mut order = Vec::new();
        let mut last_index: i64 = -1;
        for _ in 0..150 {
            self.driver
                .action_chain()
                .send_keys(Key::Tab)
                .perform()
                .await?;
            let v: Value = self
                .driver
                .execute(
                    r##"const a = document.activeElement;
                    if (!a || a === document.body) return null;
                    const all = Array.from(document.querySelectorAll('*'));
                    const s = getComputedStyle(a);
                    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
                    const r = a.getBoundingClientRect();
                    return {index: all.indexOf(a), ring: ring,
                            inView: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
                            name: a.id || (a.textContent || '').trim().slice(0, 40) || a.tagName};"##,
                    vec![],
                )
                .await?
                .convert()?;
            if v.is_null() {
                break;
            }
            let index = v["index"].as_i64().unwrap_or(-1);
            let name = v["name"].as_str().unwrap_or("").to_string();
            if index <= last_index {
                break; // wrapped around to the browser chrome and back
            }
            assert_eq!(v["ring"], json!(true), "{path}: no visible focus on {name}");
            assert_eq!(
                v["inView"],
                json!(true),
                "{path}: focused {name} is off screen"
            );
            last_index = index;
            order.push(name);
        }
        assert!(!order.is_empty(), "{path}: nothing to reach by keyboard");
        Ok(order)
    }

    pub async fn el(&self, css: &str) -> Result<WebElement> {
        Ok(self.driver.find(By::Css(css)).await?)
    }

    pub async fn fill(&self, id: &str, text: &str) -> Result {
        let e = self.driver.find(By::Id(id)).await?;
        e.clear().await?;
        e.send_keys(text).await?;
        Ok(())
    }

    pub async fn select(&self, id: &str, value: &str) -> Result {
        self.driver
            .find(By::Css(format!("#{id} option[value=\"{value}\"]")))
            .await?
            .click()
            .await?;
        Ok(())
    }

    /// Clicks `element` and waits until the next page has loaded.
    async fn click_to_next_page(&self, element: WebElement) -> Result {
        self.driver
            .execute("document.documentElement.dataset.e2eLeaving = '1';", vec![])
            .await?;
        element.click().await?;
        let start = Instant::now();
        loop {
            let done: bool = self
                .driver
                .execute(
                    "return !document.documentElement.dataset.e2eLeaving && document.readyState === 'complete';",
                    vec![],
                )
                .await?
                .convert()?;
            if done {
                return Ok(());
            }
            if start.elapsed() > Duration::from_secs(20) {
                return Err("the next page did not load within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the button with this text and checks the page it leads to.
    pub async fn press(&mut self, text: &str, name: &str) -> Result {
        let button = self
            .driver
            .find(By::XPath(format!("//button[normalize-space()='{text}']")))
            .await?;
        self.click_to_next_page(button).await?;
        self.page(name).await
    }

    /// Submits the form whose action ends with `action` with its (first) submit button.
    pub async fn submit(&mut self, action: &str, name: &str) -> Result {
        let button = self
            .driver
            .find(By::Css(format!(
                "form[action$=\"{action}\"] button[type=submit]"
            )))
            .await?;
        self.click_to_next_page(button).await?;
        self.page(name).await
    }

    /// Follows the link with this text (in main when there is one) and checks the page.
    pub async fn follow(&mut self, text: &str, name: &str) -> Result {
        let link = self
            .driver
            .find(By::XPath(format!(
                "//a[normalize-space()='{text}' or normalize-space(.//text())='{text}']"
            )))
            .await?;
        self.click_to_next_page(link).await?;
        self.page(name).await
    }

    pub async fn body(&self) -> Result<String> {
        Ok(self.driver.find(By::Tag("body")).await?.text().await?)
    }

    pub async fn h1(&self) -> Result<String> {
        Ok(self.driver.find(By::Tag("h1")).await?.text().await?)
    }

    pub async fn path(&self) -> Result<String> {
        let u = self.driver.current_url().await?;
        Ok(match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        })
    }

    /// Logs in through the login page.
    pub async fn login(&mut self, username: &str) -> Result {
        self.goto("/login", "login").await?;
        self.fill("f-username", username).await?;
        self.fill("f-password", crate::helpers::PASSWORD).await?;
        self.press("Logga in", "start").await?;
        assert_eq!(self.path().await?, "/", "logged in as {username}");
        Ok(())
    }

    pub async fn logout(&mut self) -> Result {
        let button = self
            .driver
            .find(By::XPath("//button[normalize-space()='Logga ut']"))
            .await?;
        self.click_to_next_page(button).await?;
        assert!(self.path().await?.starts_with("/login"), "logged out");
        Ok(())
    }

    /// Waits for a finished download whose name ends with `suffix`; returns its bytes.
    pub async fn download(&self, suffix: &str) -> Result<(String, Vec<u8>)> {
        let start = Instant::now();
        loop {
            for e in std::fs::read_dir(self.downloads.path())? {
                let p = e?.path();
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                if name.ends_with(suffix) {
                    return Ok((name, std::fs::read(&p)?));
                }
            }
            if start.elapsed() > Duration::from_secs(20) {
                return Err(format!("no download ending in {suffix} within 20 s").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether the pages run JavaScript: a page that writes with a script shows it, one
    /// without JavaScript shows its noscript text.
    pub async fn runs_javascript(&self) -> Result<bool> {
        self.driver
            .goto("data:text/html,<noscript>off</noscript><script>document.write('on')</script>")
            .await?;
        Ok(self.body().await?.trim() == "on")
    }
}
