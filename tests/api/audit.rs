//! The audit log: hash chain, `audit verify`, the admin's audit page and its CSV.

use std::process::Command;

use diesel::prelude::*;
use lagesbild::configuration::DatabaseUrl;
use lagesbild::db::{self, DbConnection};
use lagesbild::domain::audit_chain::{BreakKind, GENESIS};
use lagesbild::domain::role::Role;
use lagesbild::services::audit::{self, ChainStatus};
use serde_json::json;

use crate::helpers::{spawn_app, TestApp};

/// A message as a Swedish reader sees it.
fn sv(m: &lagesbild::i18n::Msg) -> String {
    std::sync::Arc::new(lagesbild::i18n::Catalogue::load().unwrap())
        .tr(lagesbild::i18n::Lang::Sv)
        .msg(m)
}

/// Writes `n` records through the service, as any use-case does.
async fn write_records(app: &TestApp, n: usize) {
    app.with_db(move |c| {
        for i in 0..n {
            audit::record(
                c,
                None,
                "test_event",
                "test",
                Some(&i.to_string()),
                Some("detalj"),
            )
            .unwrap();
        }
    })
    .await
}

async fn verify(app: &TestApp) -> ChainStatus {
    app.with_db(|c| audit::verify(c).unwrap()).await
}

async fn ids(app: &TestApp) -> Vec<i64> {
    app.with_db(|c| {
        use lagesbild::db::schema::audit_log;
        audit_log::table
            .select(audit_log::id)
            .order(audit_log::id)
            .load::<i64>(c)
            .unwrap()
    })
    .await
}

async fn sql(app: &TestApp, statement: String) -> usize {
    app.with_db(move |c| diesel::sql_query(statement).execute(c).unwrap())
        .await
}

#[tokio::test]
async fn verify_finds_a_detail_edited_directly_in_the_database() {
    let app = spawn_app().await;
    write_records(&app, 6).await;
    let status = verify(&app).await;
    assert!(status.intact(), "{status:?}");
    assert_eq!(status.checked, 6);
    let ids = ids(&app).await;
    assert_eq!(status.head.as_ref().unwrap().0, ids[5]);
    assert_eq!(
        sv(&status.summary()),
        "Granskningsloggen är obruten (6 poster)"
    );

    let edited = ids[3];
    assert_eq!(
        sql(
            &app,
            format!("UPDATE audit_log SET detail = 'ändrad' WHERE id = {edited}")
        )
        .await,
        1
    );
    let status = verify(&app).await;
    let broken = status.broken.clone().expect("the edit is found");
    assert_eq!(broken.id, edited);
    assert_eq!(broken.kind, BreakKind::HashMismatch);
    assert_eq!(status.checked, 3, "the records before it are intact");
    assert!(sv(&status.summary())
        .starts_with(&format!("Granskningsloggen är bruten vid post {edited}:")));
}

#[tokio::test]
async fn verify_finds_a_deleted_middle_record() {
    let app = spawn_app().await;
    write_records(&app, 5).await;
    let ids = ids(&app).await;
    assert_eq!(
        sql(&app, format!("DELETE FROM audit_log WHERE id = {}", ids[2])).await,
        1
    );
    let broken = verify(&app).await.broken.expect("the gap is found");
    assert_eq!(broken.id, ids[3], "the record after the deleted one");
    assert_eq!(broken.kind, BreakKind::PrevHashMismatch);
    assert_eq!(broken.previous_id, Some(ids[1]));
    assert!(sv(&broken.describe()).contains("prev_hash"));
}

#[tokio::test]
async fn a_removed_hash_in_the_middle_is_reported_not_resealed() {
    let app = spawn_app().await;
    write_records(&app, 4).await;
    let ids = ids(&app).await;
    sql(
        &app,
        format!("UPDATE audit_log SET hash = NULL WHERE id = {}", ids[1]),
    )
    .await;
    // Neither start-up sealing nor the next append touches a record inside the chain.
    assert_eq!(app.with_db(|c| audit::seal_unsealed(c).unwrap()).await, 0);
    write_records(&app, 1).await;
    let broken = verify(&app).await.broken.unwrap();
    assert_eq!((broken.id, broken.kind), (ids[1], BreakKind::MissingHash));
}

#[tokio::test]
async fn records_written_before_the_chain_are_sealed_in_id_order() {
    let app = spawn_app().await;
    // An upgraded database: records without prev_hash and hash.
    for i in 0..3 {
        sql(
            &app,
            format!(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) \
                 VALUES ('2026-01-0{} 10:00:00', 'system', 'old_event', 'test', '{i}', NULL)",
                i + 1
            ),
        )
        .await;
    }
    assert_eq!(
        verify(&app).await.broken.unwrap().kind,
        BreakKind::MissingHash
    );
    assert_eq!(app.with_db(|c| audit::seal_unsealed(c).unwrap()).await, 3);
    assert_eq!(app.with_db(|c| audit::seal_unsealed(c).unwrap()).await, 0);
    write_records(&app, 2).await;
    let status = verify(&app).await;
    assert!(status.intact(), "{status:?}");
    assert_eq!(status.checked, 5);
    let first_prev: Option<String> = app
        .with_db(|c| {
            use lagesbild::db::schema::audit_log;
            audit_log::table
                .order(audit_log::id)
                .select(audit_log::prev_hash)
                .first(c)
                .unwrap()
        })
        .await;
    assert_eq!(first_prev.as_deref(), Some(GENESIS));

    // Without start-up sealing, the next append seals an unsealed tail first.
    sql(
        &app,
        "INSERT INTO audit_log (at, actor, action, entity) \
         VALUES ('2026-02-01 10:00:00', 'system', 'old_event', 'test')"
            .into(),
    )
    .await;
    write_records(&app, 1).await;
    let status = verify(&app).await;
    assert!(status.intact(), "{status:?}");
    assert_eq!(status.checked, 7);
}

/// Many writers at once, on separate connections, some inside transactions that read
/// before they write: the chain never forks and nobody sees "database is locked".
#[tokio::test]
async fn concurrent_appends_keep_one_unbroken_chain() {
    let app = spawn_app().await;
    const WRITERS: usize = 6;
    const EACH: usize = 30;
    let mut handles = Vec::new();
    for w in 0..WRITERS {
        let pool = app.db.clone();
        handles.push(tokio::task::spawn_blocking(move || {
            let mut c = pool.conn().unwrap();
            for i in 0..EACH {
                let result = if (w + i) % 2 == 0 {
                    audit::record(&mut c, None, "concurrent", "test", None, Some("direkt"))
                } else {
                    // A use-case's transaction: it reads first, then audits.
                    db::transaction(&mut c, |c: &mut DbConnection| {
                        use lagesbild::db::schema::audit_log;
                        let _: i64 = audit_log::table.count().get_result(c)?;
                        audit::record(c, None, "concurrent", "test", None, Some("i transaktion"))
                    })
                };
                result.unwrap_or_else(|e| panic!("writer {w}, record {i}: {e}"));
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let status = verify(&app).await;
    assert!(status.intact(), "{status:?}");
    assert_eq!(status.checked as usize, WRITERS * EACH);
}

#[tokio::test]
async fn a_rolled_back_transaction_takes_its_record_and_the_chain_continues() {
    let app = spawn_app().await;
    write_records(&app, 2).await;
    let result = app
        .with_db(|c| {
            db::transaction(c, |c| {
                audit::record(c, None, "rolled_back", "test", None, None)?;
                Err::<(), _>(lagesbild::error::AppError::Conflict(
                    lagesbild::i18n::Msg::verbatim("nej"),
                ))
            })
        })
        .await;
    assert!(result.is_err());
    write_records(&app, 1).await;
    let status = verify(&app).await;
    assert!(status.intact(), "{status:?}");
    assert_eq!(status.checked, 3);
}

/// `lagesbild audit verify` against the test's database (SQLite file or PostgreSQL schema).
async fn verify_cli(app: &TestApp) -> std::process::Output {
    let url = match app.db.url() {
        DatabaseUrl::Sqlite(path) => path.to_string_lossy().into_owned(),
        DatabaseUrl::Postgres(url) => url.clone(),
    };
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_lagesbild"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", url)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_binary_verifies_and_exits_non_zero_on_a_broken_chain() {
    let app = spawn_app().await;
    write_records(&app, 4).await;
    let out = verify_cli(&app).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Kontrollerade 4 poster"), "{stdout}");
    assert!(
        stdout.contains("Granskningsloggen är obruten (4 poster)"),
        "{stdout}"
    );
    let ids = ids(&app).await;
    sql(
        &app,
        format!("UPDATE audit_log SET detail = 'x' WHERE id = {}", ids[2]),
    )
    .await;
    let out = verify_cli(&app).await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("bruten vid post {}", ids[2])) && stderr.contains("hash"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kontrollerade 2 poster"));
}

async fn admin_app() -> TestApp {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("adm").await;
    app
}

#[tokio::test]
async fn only_admins_see_the_audit_log() {
    let mut app = admin_app().await;
    assert!(app
        .get_text("/admin")
        .await
        .contains("href=\"/admin/audit\""));
    app.login_as("ana").await;
    assert_eq!(app.get("/admin/audit").await.status(), 403);
    assert_eq!(app.get("/admin/audit.csv").await.status(), 403);
    app.client = crate::helpers::new_client();
    let r = app.get("/admin/audit").await;
    assert_eq!(r.status(), 303, "to the login page");
}

#[tokio::test]
async fn admins_filter_page_and_see_the_chain_status() {
    let app = admin_app().await;
    write_records(&app, 150).await;
    app.open_period("2026-Q3").await;

    let page = app.get_text("/admin/audit").await;
    assert!(page.contains("Hashkedjan är obruten"), "{page}");
    // Two users created, a login, 150 records and an opened period.
    let total = verify(&app).await.checked;
    assert!(total >= 153, "{total}");
    assert!(page.contains("Sida 1 av 2"));
    let first = page
        .find("<code>period_opened</code>")
        .expect("newest first");
    assert!(first < page.find("<code>test_event</code>").unwrap());

    // Page 2 is a plain link that keeps the filter.
    let filtered = app.get_text("/admin/audit?action=test_event").await;
    assert!(filtered.contains("150 poster"));
    assert!(!filtered.contains("<code>period_opened</code>"));
    let next = filtered
        .split("rel=\"next\"")
        .next()
        .unwrap()
        .rsplit("href=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    assert_eq!(next, "/admin/audit?action=test_event&page=2");
    let second = app.get_text(&next).await;
    assert!(second.contains("Sida 2 av 2"));
    assert_eq!(second.matches("<code>test_event</code>").count(), 50);

    // By actor, and by date (UTC, "to" inclusive).
    let by_actor = app.get_text("/admin/audit?actor=adm").await;
    assert!(by_actor.contains("<code>login</code>"), "adm logged in");
    assert!(!by_actor.contains("<code>test_event</code>"));
    let days: Vec<chrono::NaiveDateTime> = app
        .with_db(|c| {
            use lagesbild::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::action.eq("test_event"))
                .select(audit_log::at)
                .load(c)
                .unwrap()
        })
        .await;
    let first = days.iter().min().unwrap().date();
    let last = days.iter().max().unwrap().date();
    let in_range = app
        .get_text(&format!(
            "/admin/audit?action=test_event&from={first}&to={last}"
        ))
        .await;
    assert!(in_range.contains("150 poster"), "{in_range}");
    let before = app
        .get_text(&format!(
            "/admin/audit?action=test_event&from=2020-01-01&to={}",
            first.pred_opt().unwrap()
        ))
        .await;
    assert!(before.contains("Inga poster matchar"));
    let r = app.get("/admin/audit?from=28/11/2026").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("ÅÅÅÅ-MM-DD"));
    let r = app.get("/admin/audit?from=2026-12-01&to=2026-11-01").await;
    assert_eq!(r.status(), 422);

    // A page past the end shows the last page.
    let past = app.get_text("/admin/audit?action=test_event&page=99").await;
    assert!(past.contains("Sida 2 av 2"));

    // Tampering shows on the page.
    let ids = ids(&app).await;
    sql(
        &app,
        format!(
            "UPDATE audit_log SET actor = 'någon' WHERE id = {}",
            ids[10]
        ),
    )
    .await;
    let page = app.get_text("/admin/audit").await;
    assert!(page.contains("Hashkedjan är bruten"));
    assert!(page.contains(&format!("bruten vid post {}", ids[10])));
}

fn csv_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[tokio::test]
async fn the_csv_is_the_filtered_set_with_formulas_neutralised() {
    let app = admin_app().await;
    write_records(&app, 3).await;
    // Nothing a user types reaches the audit detail today; store one through the service
    // to prove the export guards whatever is stored.
    app.with_db(|c| {
        audit::record(
            c,
            None,
            "test_event",
            "test",
            Some("-3"),
            Some("=HYPERLINK(\"http://evil.example\";\"Klicka\")"),
        )
        .unwrap()
    })
    .await;
    // A real path: taxonomy codes may start with '+' or '-', and become the entity id.
    let r = app
        .post_form(
            "/admin/taxonomy",
            "/admin/taxonomy",
            &[
                ("dimension", "misuse_type"),
                ("code", "+hyperlink"),
                ("label_sv", "Testkod"),
                ("label_en", "Test code"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);

    let r = app.get("/admin/audit.csv?action=test_event").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("granskningslogg.csv"));
    let lines = csv_lines(&r.bytes().await.unwrap());
    assert_eq!(
        lines[0],
        "Nr;Tid (UTC);Vem;Användar-id;Händelse;Objekt;Objektets id;Detalj;prev_hash;hash"
    );
    assert_eq!(lines.len(), 1 + 4, "the filtered set, all of it: {lines:?}");
    assert!(
        lines[1].contains(";system;;test_event;test;-3;"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klicka\"\")\";"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| !l.contains(";=")));

    let r = app.get("/admin/audit.csv?action=taxonomy_code_added").await;
    let lines = csv_lines(&r.bytes().await.unwrap());
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[1].contains(";misuse_type;'+hyperlink;"),
        "{}",
        lines[1]
    );

    // The exported chain fields are the stored ones: the last exported hash is the head.
    let all = csv_lines(&app.get("/admin/audit.csv").await.bytes().await.unwrap());
    let head = verify(&app).await.head.unwrap();
    let newest: Vec<&str> = all[1].split(';').collect();
    assert_eq!(newest[0], head.0.to_string());
    assert_eq!(newest[9], head.1);

    let r = app.get("/admin/audit.csv?to=nästa-vecka").await;
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn the_dashboard_csv_neutralises_a_formula_in_a_label() {
    let app = admin_app().await;
    let label = "=HYPERLINK(\"http://evil.example\";\"Klicka\")";
    let r = app
        .post_form(
            "/admin/taxonomy/misuse_type/look_alike",
            "/admin/taxonomy/misuse_type/look_alike",
            &[("label_sv", label), ("label_en", "Look-alike")],
        )
        .await;
    assert_eq!(r.status(), 303, "an admin may set any label");
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 4}]),
    )
    .await;
    let r = app
        .get("/dashboard/table.csv?rows=misuse_type&cols=period&from=2026-Q3&to=2026-Q3")
        .await;
    assert_eq!(r.status(), 200);
    let lines = csv_lines(&r.bytes().await.unwrap());
    let row = lines
        .iter()
        .find(|l| l.contains("HYPERLINK"))
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert!(
        row.starts_with("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klicka\"\")\";4;"),
        "{row}"
    );
}
