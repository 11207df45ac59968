//! SQLite durability and concurrency against the real binary (issue 7 §4).
//!
//! Ignored by default because it runs for about 45 s:
//!
//! ```sh
//! cargo test --test durability -- --ignored --nocapture
//! ```
//!
//! `LAGESBILD_DURABILITY_SECS` (default 20) and `LAGESBILD_DURABILITY_CLIENTS` (default 50)
//! change the load. Each run starts `lagesbild serve` on a fresh SQLite file; every client
//! submits (agency token) and accepts (analyst token) as fast as the server answers, each
//! submission for its own agency and period, so every request should succeed.
//!
//! * `sigkill_mid_load_loses_no_acknowledged_submission`: halfway through, the server gets
//!   SIGKILL and is started again on the same file; the clients carry on. Afterwards every
//!   submission whose 201 was received must be there with exactly the lines that were sent
//!   (accepted if its acceptance got 200), the rollup must agree with the lines, and
//!   `PRAGMA integrity_check` must say ok.
//! * `the_same_load_without_a_kill_has_no_errors`: every request gets 201/200 ("database is
//!   locked" never reaches a client), and the same checks hold.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use lagesbild::configuration::DatabaseUrl;
use lagesbild::db::Database;
use lagesbild::domain::period::Period;
use lagesbild::domain::role::Role;
use lagesbild::services::{auth, periods, tokens};
use serde_json::{json, Value};

/// The two runs share the machine's cores; running them one after the other keeps the
/// figures meaningful.
static SERIAL: Mutex<()> = Mutex::new(());

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// A running `lagesbild serve`; its standard output is drained by a thread (a full pipe
/// would stall the server) and lines that mention errors are kept.
struct Server {
    child: Child,
    base: String,
}

fn start_server(db: &Path, log: Arc<Mutex<Vec<String>>>) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lagesbild"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("DATABASE_URL", db)
        .env("LAGESBILD_LOG", "warn")
        // A load test: 50 clients and the read-back share a few agency tokens, far beyond
        // the per-token rate limit meant for one agency's system.
        .env("LAGESBILD_API_RATE_PER_MINUTE", "1000000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start lagesbild serve");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let log2 = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                if line.contains("körs på") {
                    let _ = tx.send(rest.split('/').next().unwrap_or_default().to_string());
                }
            }
            keep_if_error(&log2, line);
        }
    });
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            keep_if_error(&log, line);
        }
    });
    let host = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server prints its address");
    Server {
        child,
        base: format!("http://{host}"),
    }
}

fn keep_if_error(log: &Mutex<Vec<String>>, line: String) {
    let l = line.to_lowercase();
    if l.contains("error") || l.contains("locked") || l.contains("busy") || l.contains("fel") {
        log.lock().unwrap().push(line);
    }
}

async fn wait_ready(base: &str) {
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            if r.status() == 200 {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{base} did not become ready");
}

/// SIGTERM, then the exit status (must be success: a graceful stop).
fn terminate(mut server: Server) -> std::process::ExitStatus {
    let pid = server.child.id().to_string();
    let ok = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(ok.success());
    server.child.wait().expect("wait")
}

/// Credentials and the work list made before the server starts.
struct Fixture {
    analyst_token: String,
    /// (agency code, token) per client, and each client's own periods.
    clients: Vec<(String, String, Vec<String>)>,
}

/// Migrates a fresh database, adds an analyst and tokens, and opens every period from 1990
/// to 2100 (months, quarters, halves, years), so no client ever reuses an agency–period.
fn prepare(db_path: &Path, clients: usize) -> Fixture {
    let url = DatabaseUrl::Sqlite(db_path.to_path_buf());
    let db = Database::connect_and_migrate(&url, 1).expect("database");
    let mut c = db.conn().unwrap();
    auth::create_user(
        &mut c,
        None,
        auth::NewAccount {
            username: "granskare",
            display_name: None,
            role: Some(Role::Analyst),
            agency_code: None,
            password: "ett-långt-testlösenord-2026",
        },
    )
    .unwrap();
    let analyst_token = tokens::create_user_token(&mut c, None, "granskare").unwrap();
    let mut codes = Vec::new();
    for year in 1990..=2100 {
        codes.push(format!("{year}"));
        for h in 1..=2 {
            codes.push(format!("{year}-H{h}"));
        }
        for q in 1..=4 {
            codes.push(format!("{year}-Q{q}"));
        }
        for m in 1..=12 {
            codes.push(format!("{year}-{m:02}"));
        }
    }
    lagesbild::db::transaction(&mut c, |c| {
        for code in &codes {
            periods::open_period(c, None, Period::parse(code).unwrap(), None)?;
        }
        Ok(())
    })
    .unwrap();
    let agencies: Vec<String> = lagesbild::db::queries::agencies::all(&mut c)
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert!(!agencies.is_empty());
    // Clients sharing an agency split the periods between them.
    let sharing = clients.div_ceil(agencies.len());
    let clients = (0..clients)
        .map(|i| {
            let agency = agencies[i % agencies.len()].clone();
            let token = tokens::create_agency_token(&mut c, None, &agency).unwrap();
            let slot = i / agencies.len();
            let mine: Vec<String> = codes
                .iter()
                .enumerate()
                .filter(|(j, _)| j % sharing == slot)
                .map(|(_, p)| p.clone())
                .collect();
            (agency, token, mine)
        })
        .collect();
    Fixture {
        analyst_token,
        clients,
    }
}

const MISUSE: [&str; 4] = [
    "false_identity",
    "hijacked_identity",
    "forged_document",
    "look_alike",
];

/// The lines a client sends for its n-th submission (deterministic, varied).
fn lines_for(client: usize, n: usize) -> Vec<Value> {
    let h = (client as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (n as u64).wrapping_mul(31);
    let k = 1 + (h % 3) as usize;
    (0..k)
        .map(|i| {
            json!({
                "misuse_type": MISUSE[(i + (h as usize >> 8)) % MISUSE.len()],
                "exploitation_area": null,
                "document_type": if i == 0 { json!("eu_passport") } else { json!(null) },
                "chain_stage": "verification",
                "count": ((h >> (8 * i)) % 5000) as i64,
                "trend": "increasing",
                "reliability": "B",
                "validity": "2",
                "description": "Ökning av manipulerade pass."
            })
        })
        .collect()
}

/// A submission the server acknowledged with 201.
#[derive(Debug, Clone)]
struct Ack {
    id: i64,
    agency: String,
    period: String,
    lines: Vec<Value>,
    accepted: bool,
    before_kill: bool,
}

#[derive(Default)]
struct Tally {
    acks: Mutex<Vec<Ack>>,
    /// Answers other than 201/200 (with a sample of their bodies).
    http_errors: AtomicUsize,
    http_error_samples: Mutex<Vec<String>>,
    /// Requests that got no answer (connection refused or reset: the server was down).
    transport_errors: AtomicUsize,
    in_flight: AtomicUsize,
    accepts: AtomicU64,
}

impl Tally {
    fn http_error(&self, what: String) {
        self.http_errors.fetch_add(1, Ordering::SeqCst);
        let mut s = self.http_error_samples.lock().unwrap();
        if s.len() < 10 {
            s.push(what);
        }
    }
}

/// One client: submit, then accept, until the time is up or its periods run out.
/// What every client shares: where the server is now, whether it has been killed, the
/// tally, and when to stop.
struct Shared {
    base: RwLock<String>,
    killed: std::sync::atomic::AtomicBool,
    tally: Tally,
    until: Instant,
}

async fn client_loop(
    i: usize,
    (agency, token, periods): (String, String, Vec<String>),
    analyst: String,
    shared: Arc<Shared>,
) {
    let Shared {
        base,
        killed,
        tally,
        until,
    } = &*shared;
    let until = *until;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    for (n, period) in periods.into_iter().enumerate() {
        if Instant::now() >= until {
            return;
        }
        let lines = lines_for(i, n);
        let url = format!("{}/api/v1/submissions", base.read().unwrap());
        let before_kill = !killed.load(Ordering::SeqCst);
        tally.in_flight.fetch_add(1, Ordering::SeqCst);
        let r = http
            .post(url)
            .bearer_auth(&token)
            .json(&json!({"period": period, "submit": true, "lines": lines}))
            .send()
            .await;
        let r = match r {
            Ok(r) => {
                let status = r.status();
                r.text().await.map(|t| (status, t))
            }
            Err(e) => Err(e),
        };
        tally.in_flight.fetch_sub(1, Ordering::SeqCst);
        let id = match r {
            Ok((s, body)) if s == 201 => serde_json::from_str::<Value>(&body).unwrap()["id"]
                .as_i64()
                .unwrap(),
            Ok((s, body)) => {
                tally.http_error(format!("submit {period}: {s} {body}"));
                continue;
            }
            Err(_) => {
                tally.transport_errors.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let index = {
            let mut acks = tally.acks.lock().unwrap();
            acks.push(Ack {
                id,
                agency: agency.clone(),
                period: period.clone(),
                lines,
                accepted: false,
                before_kill,
            });
            acks.len() - 1
        };
        let url = format!("{}/api/v1/submissions/{id}/review", base.read().unwrap());
        tally.in_flight.fetch_add(1, Ordering::SeqCst);
        let r = http
            .post(url)
            .bearer_auth(&analyst)
            .json(&json!({"decision": "accept"}))
            .send()
            .await;
        let r = match r {
            Ok(r) => {
                let status = r.status();
                r.text().await.map(|t| (status, t))
            }
            Err(e) => Err(e),
        };
        tally.in_flight.fetch_sub(1, Ordering::SeqCst);
        match r {
            Ok((s, _)) if s == 200 => {
                tally.acks.lock().unwrap()[index].accepted = true;
                tally.accepts.fetch_add(1, Ordering::SeqCst);
            }
            Ok((s, body)) => tally.http_error(format!("accept {id}: {s} {body}")),
            Err(_) => {
                tally.transport_errors.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// What the verification found.
#[derive(Debug, Default)]
struct Verified {
    found: usize,
    intact: usize,
    problems: Vec<String>,
}

/// Reads every acknowledged submission back through the API and compares it with what
/// was sent.
async fn verify_via_api(base: &str, analyst: &str, acks: &[Ack]) -> Verified {
    let http = reqwest::Client::new();
    let results = Arc::new(Mutex::new(Verified::default()));
    let chunks: Vec<Vec<Ack>> = acks
        .chunks(acks.len().div_ceil(8).max(1))
        .map(<[Ack]>::to_vec)
        .collect();
    let mut tasks = Vec::new();
    for chunk in chunks {
        let (http, base, analyst, results) = (
            http.clone(),
            base.to_string(),
            analyst.to_string(),
            results.clone(),
        );
        tasks.push(tokio::spawn(async move {
            for ack in chunk {
                let r = http
                    .get(format!("{base}/api/v1/submissions/{}", ack.id))
                    .bearer_auth(&analyst)
                    .send()
                    .await
                    .unwrap();
                let status = r.status();
                let body: Value = r.json().await.unwrap_or(Value::Null);
                let mut res = results.lock().unwrap();
                if status != 200 {
                    res.problems
                        .push(format!("{} missing: {status} {body}", ack.id));
                    continue;
                }
                res.found += 1;
                let got_status = body["status"].as_str().unwrap_or_default();
                let status_ok = if ack.accepted {
                    got_status == "accepted"
                } else {
                    // The acceptance may have committed with its answer lost in the kill.
                    got_status == "submitted" || got_status == "accepted"
                };
                let lines_ok = body["lines"].as_array().is_some_and(|got| {
                    got.len() == ack.lines.len()
                        && got.iter().zip(&ack.lines).all(|(g, s)| {
                            [
                                "misuse_type",
                                "exploitation_area",
                                "document_type",
                                "chain_stage",
                                "count",
                                "trend",
                                "reliability",
                                "validity",
                                "description",
                            ]
                            .iter()
                            .all(|f| g[f] == s[f])
                        })
                });
                if body["agency"] == ack.agency.as_str()
                    && body["period"] == ack.period.as_str()
                    && body["version"] == 1
                    && status_ok
                    && lines_ok
                {
                    res.intact += 1;
                } else if res.problems.len() < 20 {
                    res.problems
                        .push(format!("{} differs: sent {ack:?}, got {body}", ack.id));
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    Arc::try_unwrap(results).unwrap().into_inner().unwrap()
}

/// `PRAGMA integrity_check`, and accepted submissions whose rollup total differs from
/// their lines (must be none), read directly from the file after the server has stopped.
fn check_file(db: &Path) -> (String, i64, i64) {
    let mut c = SqliteConnection::establish(&db.to_string_lossy()).unwrap();
    c.batch_execute("PRAGMA busy_timeout = 10000").unwrap();
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let rows: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut c)
        .unwrap();
    let integrity = rows
        .into_iter()
        .map(|r| r.integrity_check)
        .collect::<Vec<_>>()
        .join("; ");
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mismatched = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM submissions s WHERE s.status = 'accepted' AND \
         (SELECT COALESCE(SUM(r.count), 0) FROM rollup_cells r \
            WHERE r.submission_id = s.id AND r.dim = '') <> \
         (SELECT COALESCE(SUM(ol.count), 0) FROM observation_lines ol \
            JOIN submission_versions sv ON sv.id = ol.version_id \
            WHERE sv.submission_id = s.id AND sv.version = s.current_version)",
    )
    .get_result::<N>(&mut c)
    .unwrap()
    .n;
    let accepted =
        diesel::sql_query("SELECT COUNT(*) AS n FROM submissions WHERE status = 'accepted'")
            .get_result::<N>(&mut c)
            .unwrap()
            .n;
    (integrity, mismatched, accepted)
}

struct RunReport {
    acks: Vec<Ack>,
    http_errors: usize,
    samples: Vec<String>,
    transport_errors: usize,
    accepts: u64,
    in_flight_at_kill: Option<usize>,
    secs: f64,
    verified: Verified,
    integrity: String,
    rollup_mismatches: i64,
    accepted_in_file: i64,
    exit_ok: bool,
    log: Vec<String>,
}

fn run_load(kill_midway: bool) -> RunReport {
    let secs = env_u64("LAGESBILD_DURABILITY_SECS", 20);
    let clients = env_u64("LAGESBILD_DURABILITY_CLIENTS", 50) as usize;
    let dir = tempfile::tempdir().unwrap();
    let db_path: PathBuf = dir.path().join("durability.db");
    let fixture = prepare(&db_path, clients);
    let log = Arc::new(Mutex::new(Vec::new()));
    let server = start_server(&db_path, log.clone());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (shared, server, in_flight_at_kill, elapsed) = rt.block_on(async {
        wait_ready(&server.base).await;
        let start = Instant::now();
        let shared = Arc::new(Shared {
            base: RwLock::new(server.base.clone()),
            killed: Default::default(),
            tally: Tally::default(),
            until: start + Duration::from_secs(secs),
        });
        let (base, killed, tally) = (&shared.base, &shared.killed, &shared.tally);
        let mut tasks = Vec::new();
        for (i, client) in fixture.clients.iter().cloned().enumerate() {
            tasks.push(tokio::spawn(client_loop(
                i,
                client,
                fixture.analyst_token.clone(),
                shared.clone(),
            )));
        }
        let mut server = server;
        let mut in_flight_at_kill = None;
        if kill_midway {
            tokio::time::sleep(Duration::from_secs(secs) / 2).await;
            killed.store(true, Ordering::SeqCst);
            in_flight_at_kill = Some(tally.in_flight.load(Ordering::SeqCst));
            server.child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
            server.child.wait().unwrap();
            server = start_server(&db_path, log.clone());
            wait_ready(&server.base).await;
            *base.write().unwrap() = server.base.clone();
        }
        for t in tasks {
            t.await.unwrap();
        }
        let elapsed = start.elapsed().as_secs_f64();
        (shared.clone(), server, in_flight_at_kill, elapsed)
    });
    let tally = &shared.tally;
    let acks: Vec<Ack> = tally.acks.lock().unwrap().clone();
    let verified = rt.block_on(verify_via_api(&server.base, &fixture.analyst_token, &acks));
    let exit_ok = terminate(server).success();
    let (integrity, rollup_mismatches, accepted_in_file) = check_file(&db_path);
    let log = log.lock().unwrap().clone();
    let samples = tally.http_error_samples.lock().unwrap().clone();
    RunReport {
        http_errors: tally.http_errors.load(Ordering::SeqCst),
        samples,
        transport_errors: tally.transport_errors.load(Ordering::SeqCst),
        accepts: tally.accepts.load(Ordering::SeqCst),
        acks,
        in_flight_at_kill,
        secs: elapsed,
        verified,
        integrity,
        rollup_mismatches,
        accepted_in_file,
        exit_ok,
        log,
    }
}

fn print(title: &str, r: &RunReport) {
    let before = r.acks.iter().filter(|a| a.before_kill).count();
    let agencies: BTreeMap<&str, usize> = r.acks.iter().fold(BTreeMap::new(), |mut m, a| {
        *m.entry(a.agency.as_str()).or_default() += 1;
        m
    });
    println!("== {title}");
    println!(
        "load: {:.1} s, {} clients, {} agencies",
        r.secs,
        env_u64("LAGESBILD_DURABILITY_CLIENTS", 50),
        agencies.len()
    );
    let before = if r.in_flight_at_kill.is_some() {
        format!(" ({before} before the kill)")
    } else {
        String::new()
    };
    println!(
        "submissions acknowledged (201): {}{before}, acceptances acknowledged (200): {}",
        r.acks.len(),
        r.accepts
    );
    if let Some(n) = r.in_flight_at_kill {
        println!("requests in flight at SIGKILL: {n}");
    }
    println!(
        "found after restart: {}, intact: {}",
        r.verified.found, r.verified.intact
    );
    println!(
        "PRAGMA integrity_check: {}; accepted submissions in the file: {}; rollup totals differing from lines: {}",
        r.integrity, r.accepted_in_file, r.rollup_mismatches
    );
    println!(
        "errors: {} HTTP (non-201/200), {} without an answer (server down); exit after SIGTERM ok: {}",
        r.http_errors, r.transport_errors, r.exit_ok
    );
    for s in &r.samples {
        println!("  sample error: {s}");
    }
    for l in r.log.iter().take(10) {
        println!("  server log: {l}");
    }
    for p in r.verified.problems.iter().take(10) {
        println!("  problem: {p}");
    }
}

fn assert_nothing_lost(r: &RunReport) {
    assert!(!r.acks.is_empty(), "the load acknowledged nothing");
    assert_eq!(
        r.verified.found,
        r.acks.len(),
        "acknowledged submissions missing"
    );
    assert_eq!(
        r.verified.intact,
        r.acks.len(),
        "acknowledged submissions changed"
    );
    assert_eq!(r.integrity, "ok");
    assert_eq!(r.rollup_mismatches, 0);
    assert!(r.accepted_in_file >= r.accepts as i64);
    assert!(r.exit_ok, "the server did not exit 0 on SIGTERM");
}

#[test]
#[ignore = "runs ~25 s of load against the real binary; see the module docs"]
fn sigkill_mid_load_loses_no_acknowledged_submission() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let r = run_load(true);
    print("SQLite, SIGKILL mid-load and restart", &r);
    assert_nothing_lost(&r);
    assert!(
        r.in_flight_at_kill.unwrap() > 0,
        "the kill must come while requests are in flight"
    );
    assert!(
        r.acks.iter().any(|a| a.before_kill) && r.acks.iter().any(|a| !a.before_kill),
        "submissions are acknowledged both before the kill and after the restart"
    );
    assert_eq!(r.http_errors, 0, "only the downtime may fail requests");
}

#[test]
#[ignore = "runs ~20 s of load against the real binary; see the module docs"]
fn the_same_load_without_a_kill_has_no_errors() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let r = run_load(false);
    print("SQLite, the same load without a kill", &r);
    assert_nothing_lost(&r);
    assert_eq!(
        r.http_errors + r.transport_errors,
        0,
        "every request succeeds"
    );
}
