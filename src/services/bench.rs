//! Benchmarks run from the command line (`lagesbild bench …`), in release mode. Timing
//! targets live here, never in tests.

use std::time::Instant;

use super::auth::{self, NewAccount};
use super::{periods, submissions};
use crate::configuration::DatabaseUrl;
use crate::db::queries::users;
use crate::db::Database;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};

const MISUSE: [&str; 7] = [
    "exploited_identity",
    "hijacked_identity",
    "false_identity",
    "look_alike",
    "forged_document",
    "incorrect_personal_data",
    "false_certificate",
];
use super::synthetic::{AGE, AREA, CIT, DOC, STAGE};

/// A synthetic CSV with `n` distinct lines (every line a different combination).
pub fn synthetic_csv(n: usize) -> Vec<u8> {
    let mut out = String::from("misuse_type;exploitation_area;document_type;chain_stage;age_band;citizenship;count;trend;reliability;validity;description\n");
    let radix = [
        MISUSE.len(),
        AREA.len(),
        DOC.len(),
        STAGE.len(),
        AGE.len(),
        CIT.len(),
    ];
    let capacity: usize = radix.iter().product();
    for i in 0..n.min(capacity) {
        let mut k = i;
        let mut d = [0usize; 6];
        for (j, r) in radix.iter().enumerate() {
            d[j] = k % r;
            k /= r;
        }
        let description = if i % 10 == 0 {
            "Syntetisk beskrivning av ett mönster, ökning jämfört med förra kvartalet."
        } else {
            ""
        };
        out.push_str(&format!(
            "{};{};{};{};{};{};{};{};{};{};{}\n",
            MISUSE[d[0]],
            AREA[d[1]],
            DOC[d[2]],
            STAGE[d[3]],
            AGE[d[4]],
            CIT[d[5]],
            (i * 7919) % 250,
            ["increasing", "stable", "decreasing", "new"][i % 4],
            ["A", "B", "C", "D"][i % 4],
            ["1", "2", "3", "4"][(i / 4) % 4],
            description
        ));
    }
    out.into_bytes()
}

/// Imports `n` synthetic lines through the same path as `POST /api/v1/submissions.csv`
/// into a fresh SQLite database, and prints the rate.
pub fn csv_import(n: usize) -> AppResult<()> {
    let dir = std::env::temp_dir().join(format!("lagesbild-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(AppError::internal)?;
    let url = DatabaseUrl::Sqlite(dir.join("bench.db"));
    let db = Database::connect_and_migrate(&url, 2)?;
    let mut conn = db.conn()?;
    let period = Period::parse("2026-Q3").map_err(AppError::internal)?;
    periods::open_period(&mut conn, None, period, None)?;
    auth::create_user(
        &mut conn,
        None,
        NewAccount {
            username: "bench",
            display_name: None,
            role: Role::Coordinator,
            agency_code: Some("SKV"),
            password: &auth::generate_password(),
        },
    )?;
    let id = users::by_username(&mut conn, "bench")?
        .ok_or(AppError::NotFound)?
        .id;
    let user = auth::load_active_user(&mut conn, id)?.ok_or(AppError::NotFound)?;
    eprintln!("Skapar en syntetisk CSV-fil med {n} rader …");
    let csv = synthetic_csv(n);
    eprintln!("Läser in {} byte …", csv.len());
    let start = Instant::now();
    let outcome = submissions::import_csv(&mut conn, &user, "2026-Q3", &csv, true)?;
    let secs = start.elapsed().as_secs_f64();
    let version = crate::db::queries::submissions::version(&mut conn, outcome.id, outcome.version)?;
    let stored = crate::db::queries::submissions::lines(&mut conn, version.id)?.len();
    println!(
        "csv-import: {stored} rader på {secs:.2} s = {:.0} rader/s (SQLite, {})",
        stored as f64 / secs,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Appends `n` audit records to a fresh SQLite database (in transactions of 1 000, as a
/// busy use-case would, plus 200 on their own to time a lone append), then times
/// `audit verify` and the admin page's queries over the whole chain.
pub fn audit(n: usize) -> AppResult<()> {
    let dir = std::env::temp_dir().join(format!("lagesbild-bench-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(AppError::internal)?;
    let url = DatabaseUrl::Sqlite(dir.join("bench.db"));
    let db = Database::connect_and_migrate(&url, 2)?;
    let mut conn = db.conn()?;
    let record = |c: &mut crate::db::DbConnection, i: usize| {
        super::audit::record(
            c,
            None,
            ["submission_submitted", "submission_accepted", "login"][i % 3],
            "submission",
            Some(&(i / 3).to_string()),
            Some(&format!("version {}", i % 4 + 1)),
        )
    };
    let lone = 200.min(n);
    let start = Instant::now();
    for i in 0..lone {
        record(&mut conn, i)?;
    }
    let lone_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut written = lone;
    while written < n {
        let upto = (written + 1000).min(n);
        crate::db::transaction(&mut conn, |c| {
            for i in written..upto {
                record(c, i)?;
            }
            Ok(())
        })?;
        written = upto;
    }
    let batch_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let status = super::audit::verify(&mut conn)?;
    let verify_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let page = super::audit::search(
        &mut conn,
        &super::audit::AuditFilter::default(),
        1,
        super::audit::PAGE_SIZE,
    )?;
    let _ = super::audit::filter_choices(&mut conn)?;
    let page_secs = start.elapsed().as_secs_f64();
    let mode = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "audit: {lone} ensamma tillägg på {:.2} s = {:.2} ms/post; {} tillägg i transaktioner om 1 000 på {batch_secs:.2} s = {:.0} poster/s",
        lone_secs,
        1000.0 * lone_secs / lone.max(1) as f64,
        n - lone,
        (n - lone) as f64 / batch_secs.max(f64::EPSILON),
    );
    println!(
        "audit verify: {} på {verify_secs:.2} s = {:.0} poster/s; första sidan i /admin/audit (utan kedjekontrollen): {:.1} ms ({} poster, SQLite, {mode})",
        status.summary_sv(),
        status.checked as f64 / verify_secs.max(f64::EPSILON),
        1000.0 * page_secs,
        page.total,
    );
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
    if status.intact() {
        Ok(())
    } else {
        Err(AppError::Internal(status.summary_sv()))
    }
}

/// One HTTP/1.1 request over a plain TCP connection (the benchmark measures the server,
/// so the client stays trivial): returns status, headers and body.
fn http(
    addr: &str,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
) -> std::io::Result<(u16, String, String)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr)?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())?;
    let mut out = Vec::new();
    s.read_to_end(&mut out)?;
    let text = String::from_utf8_lossy(&out).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, head.to_string(), body.to_string()))
}

fn session_cookie(head: &str) -> Option<String> {
    head.lines()
        .filter(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .filter_map(|l| l.split_once(':').map(|(_, v)| v.trim()))
        .find(|v| v.starts_with("lagesbild_session="))
        .and_then(|v| v.split(';').next())
        .map(String::from)
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return 0.0;
    }
    let i = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms[i.min(sorted_ms.len() - 1)]
}

/// Seeds a fresh SQLite store with `lines` lines, serves it on a free port and times the
/// overview and trends pages over HTTP.
pub fn dashboard(
    settings: crate::configuration::Settings,
    lines: usize,
    requests: usize,
) -> AppResult<()> {
    let dir = std::env::temp_dir().join(format!("lagesbild-bench-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(AppError::internal)?;
    let url = DatabaseUrl::Sqlite(dir.join("bench.db"));
    let db = Database::connect_and_migrate(&url, 8)?;
    {
        let mut conn = db.conn()?;
        eprintln!("Bygger ett syntetiskt lager med {lines} rader …");
        let r = super::synthetic::seed(&mut conn, lines, &mut |m| eprintln!("{m}"))?;
        println!("seed: {} rader på {:.1} s", r.lines, r.seconds);
        auth::create_user(
            &mut conn,
            None,
            NewAccount {
                username: "bench-analyst",
                display_name: None,
                role: Role::Analyst,
                agency_code: None,
                password: "bench-password-2026",
            },
        )?;
    }
    let settings = crate::configuration::Settings {
        database_url: url,
        ..settings
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(AppError::internal)?;
    rt.block_on(async move {
        let app = crate::startup::Application::build(settings, db, "127.0.0.1:0")?;
        let addr = format!("127.0.0.1:{}", app.port());
        let server = tokio::spawn(app.run_until_stopped());
        let result = tokio::task::spawn_blocking(move || -> AppResult<()> {
            let io = |e: std::io::Error| AppError::internal(e);
            let (_, head, body) = http(&addr, "GET", "/login", "", "").map_err(io)?;
            let cookie = session_cookie(&head).unwrap_or_default();
            let token = body
                .split("name=\"csrf_token\" value=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_string();
            let form = format!("username=bench-analyst&password=bench-password-2026&csrf_token={token}");
            let (status, head, _) = http(&addr, "POST", "/login", &cookie, &form).map_err(io)?;
            if status != 303 {
                return Err(AppError::internal(format!("login failed: {status}")));
            }
            let cookie = session_cookie(&head).unwrap_or(cookie);
            for (name, path) in [("overview", "/dashboard"), ("trends", "/dashboard/trends")] {
                // Warm-up, then the timed requests.
                for _ in 0..3 {
                    http(&addr, "GET", path, &cookie, "").map_err(io)?;
                }
                let mut ms = Vec::with_capacity(requests);
                for _ in 0..requests {
                    let t = Instant::now();
                    let (status, _, _) = http(&addr, "GET", path, &cookie, "").map_err(io)?;
                    if status != 200 {
                        return Err(AppError::internal(format!("{path}: {status}")));
                    }
                    ms.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                ms.sort_by(f64::total_cmp);
                println!(
                    "{name}: {requests} anrop, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({lines} rader, {})",
                    percentile(&ms, 0.5),
                    percentile(&ms, 0.95),
                    ms.last().copied().unwrap_or(0.0),
                    if cfg!(debug_assertions) { "debug" } else { "release" }
                );
            }
            Ok(())
        })
        .await
        .map_err(AppError::internal)?;
        server.abort();
        result
    })?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
