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
            role: Some(Role::Coordinator),
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
        crate::cli::cli_tr().msg(&status.summary()),
        status.checked as f64 / verify_secs.max(f64::EPSILON),
        1000.0 * page_secs,
        page.total,
    );
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
    if status.intact() {
        Ok(())
    } else {
        Err(AppError::Internal(
            crate::cli::cli_tr().msg(&status.summary()),
        ))
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
                role: Some(Role::Analyst),
                agency_code: None,
                password: "bench-password-2026",
            },
        )?;
    }
    let settings = crate::configuration::Settings {
        database_url: url,
        // The benchmark's own server: no metrics listener (it would take the real port).
        metrics_addr: None,
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

/// One of the report's 13 aggregates as numbers: `(row, column, value)` per reported cell.
type Cells = Vec<(String, String, i64)>;

/// The checksum the benchmark harness compares across Lägesbild, the sqlite3 floor and
/// the peer pipeline: non-zero cells, their sum and their sum of squares (which changes
/// when counts move between groups).
fn checksum(cells: &Cells) -> (usize, i64, i128) {
    cells.iter().filter(|c| c.2 != 0).fold((0, 0, 0), |acc, c| {
        (
            acc.0 + 1,
            acc.1 + c.2,
            acc.2 + i128::from(c.2) * i128::from(c.2),
        )
    })
}

fn table_cells(t: &super::analysis::CrossTable) -> Cells {
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().zip(&t.cells) {
        for (c, v) in t.cols.iter().zip(row) {
            if let Some(n) = v {
                out.push((r.clone(), c.clone(), *n));
            }
        }
    }
    out
}

fn trend_cells(t: &super::aggregation::TrendTable) -> Cells {
    let mut out = Vec::new();
    for s in &t.series {
        for (p, v) in t.periods.iter().zip(&s.values) {
            if let Some(n) = v {
                out.push((s.code.clone(), p.code(), *n));
            }
        }
    }
    out
}

/// The 13 aggregates of the default report for `period` (a quarter), each through the
/// aggregation layer the report uses: (1) misuse type × {P, previous, a year earlier};
/// (2) misuse type × quarter (8); (3) total × month (24); (4)–(9) exploitation area,
/// chain stage, document type, fraud type, age band, citizenship × quarter (8);
/// (10) misuse type × exploitation area for P; (11) agency × month of P; (12) misuse type
/// × agency for P; (13) misuse type × month over 120 months.
pub fn report_aggregates(
    conn: &mut crate::db::DbConnection,
    period: Period,
) -> AppResult<Vec<(&'static str, Cells, f64)>> {
    use super::aggregation::{self as agg, Filters};
    use super::analysis::{cross, Axis, CrossQuery};
    use crate::domain::period::PeriodKind;
    use crate::domain::taxonomy::Dimension;

    if period.kind() != PeriodKind::Quarter {
        return Err(AppError::BadRequest(crate::i18n::Msg::verbatim(format!(
            "Ange ett kvartal, t.ex. 2026-Q3, inte ”{}”.",
            period.code()
        ))));
    }
    let mut out: Vec<(&'static str, Cells, f64)> = Vec::with_capacity(13);
    // Each aggregate's own time, for finding the slow one.
    let mut mark = Instant::now();
    let mut push = |name: &'static str, cells: Cells| {
        out.push((name, cells, mark.elapsed().as_secs_f64() * 1000.0));
        mark = Instant::now();
    };
    let compared = [period, period.previous(), period.year_earlier()];
    let totals = agg::period_totals(conn, &compared)?;
    let mut cells = Vec::new();
    for t in &totals {
        for (mt, n) in &t.by_misuse_type {
            cells.push((mt.clone(), t.period.code(), *n));
        }
    }
    push("misuse_type x {P, prev, year-earlier}", cells);
    push(
        "misuse_type x quarter (8)",
        trend_cells(&agg::quarterly_by_misuse_type(conn, Some(period), 8)?),
    );
    let months24 = agg::trend(
        conn,
        Some(period),
        24,
        PeriodKind::Month,
        &Filters::default(),
    )?;
    let cells = months24
        .periods
        .iter()
        .zip(months24.totals())
        .filter_map(|(p, n)| n.map(|n| ("total".to_string(), p.code(), n)))
        .collect();
    push("total x month (24)", cells);
    let quarters = |rows: Axis, cols: Axis, from: Period, to: Period| CrossQuery {
        rows,
        cols,
        from,
        to,
        filters: Filters::default(),
    };
    for (name, dim) in [
        ("exploitation_area x quarter", Dimension::ExploitationArea),
        ("chain_stage x quarter", Dimension::ChainStage),
        ("document_type x quarter", Dimension::DocumentType),
        ("fraud_type x quarter", Dimension::FraudType),
        ("age_band x quarter", Dimension::AgeBand),
        ("citizenship x quarter", Dimension::Citizenship),
    ] {
        let q = quarters(Axis::Dim(dim), Axis::Period, period.offset(-7), period);
        push(name, table_cells(&cross(conn, &q)?));
    }
    let misuse = Axis::Dim(Dimension::MisuseType);
    let q = quarters(
        misuse,
        Axis::Dim(Dimension::ExploitationArea),
        period,
        period,
    );
    push(
        "misuse_type x exploitation_area (P)",
        table_cells(&cross(conn, &q)?),
    );
    let first_month = Period::month(period.year(), (period.index() - 1) * 3 + 1)
        .ok_or_else(|| AppError::internal("month"))?;
    let q = quarters(
        Axis::Agency,
        Axis::Period,
        first_month,
        first_month.offset(2),
    );
    push("agency x month (P)", table_cells(&cross(conn, &q)?));
    let q = quarters(misuse, Axis::Agency, period, period);
    push("misuse_type x agency (P)", table_cells(&cross(conn, &q)?));
    let history = agg::trend(
        conn,
        Some(period),
        120,
        PeriodKind::Month,
        &Filters::default(),
    )?;
    push("misuse_type x month (120)", trend_cells(&history));
    Ok(out)
}

/// `lagesbild bench aggregates --period P --runs N`: times the 13 aggregates of the
/// default report on the store DATABASE_URL names, and prints each aggregate's checksum
/// (non-zero cells, sum, sum of squares) so that other implementations can be compared.
pub fn aggregates(db: &Database, period: &str, runs: usize) -> AppResult<()> {
    let period = Period::parse(period).map_err(|e| AppError::Config(e.to_string()))?;
    let mut conn = db.conn()?;
    let mut last = Vec::new();
    let mut ms = Vec::with_capacity(runs.max(1));
    for run in 1..=runs.max(1) {
        let t = Instant::now();
        last = report_aggregates(&mut conn, period)?;
        let elapsed = t.elapsed().as_secs_f64() * 1000.0;
        println!("aggregates-run: {run} {elapsed:.3} ms");
        ms.push(elapsed);
    }
    for (i, (name, cells, elapsed)) in last.iter().enumerate() {
        let (n, sum, sumsq) = checksum(cells);
        println!("aggregates-check: {} {n} {sum} {sumsq} {name}", i + 1);
        println!("aggregates-time: {} {elapsed:.3} ms {name}", i + 1);
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "aggregates: 13 aggregat för {}, {} körningar, median {:.1} ms, min {:.1} ms, max {:.1} ms ({}, {})",
        period.code(),
        ms.len(),
        percentile(&ms, 0.5),
        ms.first().copied().unwrap_or(0.0),
        ms.last().copied().unwrap_or(0.0),
        db.backend_name(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    Ok(())
}

/// Synthetic narrative for one section: `n` paragraphs of invented assessment text.
fn narrative(section: &str, n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "Bedömning {i} för avsnittet {section}: omfattningen ligger i nivå med föregående kvartal, men fördelningen mellan utnyttjandeområden har förskjutits. Myndigheterna rapporterar fler fall där förfalskade eller manipulerade handlingar används vid folkbokföring och vid öppnande av bankkonton. Uppgifterna är anonymiserade och avser trender, inte enskilda ärenden.\n\n"
            )
        })
        .collect()
}

/// Times the default report end to end — data from the database through the aggregation
/// and disclosure control, layout, PDF bytes — on the store DATABASE_URL names (after
/// `seed-demo`). An edition of the standard template gets synthetic narrative in every
/// section, as an analyst would write it; every run recomputes everything (no caches).
pub fn report(
    db: &Database,
    settings: &crate::configuration::Settings,
    period: &str,
    runs: usize,
    out: Option<&std::path::Path>,
) -> AppResult<()> {
    use super::report::data::DataSettings;
    use super::report::editions::{self, NewEdition, ReportContext, SectionInput};
    use crate::domain::report::Component;

    let period = Period::parse(period).map_err(|e| AppError::Config(e.to_string()))?;
    let catalogue = std::sync::Arc::new(crate::i18n::Catalogue::load().map_err(AppError::Config)?);
    let mut conn = db.conn()?;
    let id = match users::by_username(&mut conn, "bench-analyst")? {
        Some(u) => u.id,
        None => auth::create_user(
            &mut conn,
            None,
            NewAccount {
                username: "bench-analyst",
                display_name: Some("Bänkanalytiker"),
                role: Some(Role::Analyst),
                agency_code: None,
                password: "bench-password-2026",
            },
        )?,
    };
    let user = auth::load_active_user(&mut conn, id)?.ok_or(AppError::NotFound)?;
    let edition = editions::create(
        &mut conn,
        &user,
        &NewEdition {
            period: period.code(),
            template_id: None,
            language: "sv".into(),
            marking: settings.markings.minimum.clone(),
            tlp: settings.markings.minimum_tlp.code().into(),
        },
        &settings.markings,
        &catalogue,
    )?;
    let v = editions::load_version(&mut conn, edition, 1)?;
    for s in &v.content.sections {
        let input = SectionInput {
            text: narrative(&s.title.sv, 6),
            components: Component::ALL
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c, true, i as i64))
                .collect(),
        };
        editions::update_section(&mut conn, &user, edition, 1, &s.key, &input)?;
    }
    let ctx = ReportContext {
        settings: DataSettings {
            disclosure_k: settings.min_cell,
            signal_alpha: settings.signal_alpha,
        },
        markings: &settings.markings,
        signals: None,
        metrics: None,
        catalogue: &catalogue,
    };
    let mut ms = Vec::with_capacity(runs.max(1));
    let mut bytes = Vec::new();
    for run in 1..=runs.max(1) {
        // What `stored_or_draft` does for a draft, in two timed steps.
        let t = Instant::now();
        let v = editions::load_version(&mut conn, edition, 1)?;
        let data = editions::data_of(&mut conn, &v, ctx)?;
        let read = t.elapsed().as_secs_f64() * 1000.0;
        bytes = super::report::render::render(
            &catalogue,
            &editions::info_of(&v, None),
            &v.content,
            &data,
        )
        .map_err(AppError::internal)?;
        let elapsed = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "report-run: {run} {elapsed:.1} ms (data {read:.1} ms, layout and PDF {:.1} ms), {} byte",
            elapsed - read,
            bytes.len()
        );
        ms.push(elapsed);
    }
    let pages = lopdf::Document::load_mem(&bytes)
        .map(|d| d.get_pages().len())
        .unwrap_or(0);
    let v = editions::load_version(&mut conn, edition, 1)?;
    let charts = v
        .content
        .sections
        .iter()
        .flat_map(|s| s.included())
        .filter(|c| c.is_chart())
        .count();
    if let Some(path) = out {
        std::fs::write(path, &bytes)
            .map_err(|e| AppError::Config(format!("Kan inte skriva {}: {e}", path.display())))?;
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "report: standardmallen för {}, {pages} sidor, {charts} diagram, {} körningar: median {:.1} ms, min {:.1} ms, max {:.1} ms ({})",
        period.code(),
        ms.len(),
        ms[ms.len() / 2],
        ms[0],
        ms[ms.len() - 1],
        db.backend_name()
    );
    Ok(())
}
