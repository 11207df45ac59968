//! `lagesbild backup` and `lagesbild restore`, run as an operator would, against the
//! database of a running application.

use std::path::Path;
use std::process::{Command, Output};

use diesel::prelude::*;
use diesel::sql_types::Text;
use lagesbild::configuration::DatabaseUrl;
use lagesbild::services::demo;

use crate::helpers::{backend, spawn_app};

fn lagesbild(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lagesbild"))
        .env("DATABASE_URL", db)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[derive(QueryableByName)]
struct Text1 {
    #[diesel(sql_type = Text)]
    t: String,
}

fn strings(c: &mut SqliteConnection, sql: &str) -> Vec<String> {
    diesel::sql_query(sql)
        .load::<Text1>(c)
        .unwrap()
        .into_iter()
        .map(|r| r.t)
        .collect()
}

/// Every table of the database (from the database itself), each with all its rows as
/// text (every column through `quote()`, so NULL, numbers and text stay distinct), in a
/// fixed order.
fn dump(path: &Path) -> Vec<(String, Vec<String>)> {
    let mut c = SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    let tables = strings(
        &mut c,
        "SELECT name AS t FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    tables
        .into_iter()
        .map(|t| {
            let cols = strings(
                &mut c,
                &format!("SELECT name AS t FROM pragma_table_info('{t}') ORDER BY cid"),
            );
            let row = cols
                .iter()
                .map(|col| format!("quote(\"{col}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let rows = strings(
                &mut c,
                &format!("SELECT {row} AS t FROM \"{t}\" ORDER BY 1"),
            );
            (t, rows)
        })
        .collect()
}

#[tokio::test]
async fn a_backup_of_a_running_database_restores_to_identical_tables() {
    if backend() != "sqlite" {
        println!(
            "SKIPPED (backup round trip): SQLite only; on PostgreSQL the commands point to pg_dump/pg_restore (tested below)"
        );
        return;
    }
    let app = spawn_app().await;
    // A realistic store: users, agencies, taxonomy, eight quarters of accepted
    // submissions with their versions, lines, rollup and audit trail.
    app.with_db(|c| demo::seed_if_empty(c, &mut |_| {}).unwrap())
        .await
        .unwrap();
    let token = app.agency_token("SKV").await;
    assert!(token.starts_with("lgb_"));
    let DatabaseUrl::Sqlite(live) = app.database_url.clone() else {
        unreachable!()
    };
    let live_s = live.to_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kopia.db");
    let copy_s = copy.to_str().unwrap().to_string();

    // Online: the application is running with its pool open.
    let out = lagesbild(&live_s, &["backup", "--out", &copy_s]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("är skriven och kontrollerad"), "{said}");

    // Never over an existing file, which stays as it was.
    let before = std::fs::read(&copy).unwrap();
    let out = lagesbild(&live_s, &["backup", "--out", &copy_s]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("finns redan"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&copy).unwrap(), before);

    let restored = dir.path().join("ny/aterstalld.db");
    let restored_s = restored.to_str().unwrap().to_string();
    let out = lagesbild(&restored_s, &["restore", "--from", &copy_s]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Row by row, every table the live database has.
    let original = dump(&live);
    let back = dump(&restored);
    let names = |d: &[(String, Vec<String>)]| d.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    assert_eq!(names(&back), names(&original), "the same tables");
    for ((table, rows), (_, got)) in original.iter().zip(&back) {
        assert_eq!(got.len(), rows.len(), "{table}: row count");
        for (a, b) in rows.iter().zip(got) {
            assert_eq!(b, a, "{table}: row differs");
        }
    }
    // The comparison covered real data, not empty tables.
    let rows_in = |t: &str| original.iter().find(|(n, _)| n == t).unwrap().1.len();
    for t in [
        "users",
        "agencies",
        "api_tokens",
        "submissions",
        "submission_versions",
        "observation_lines",
        "rollup_cells",
        "audit_log",
        "taxonomy_codes",
        "__diesel_schema_migrations",
    ] {
        assert!(rows_in(t) > 0, "{t} has rows in the test data");
    }

    // The restored database serves: the application starts on it with nothing pending.
    let out = lagesbild(&restored_s, &["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // A restore never goes into a database that has anything in it.
    let out = lagesbild(&restored_s, &["restore", "--from", &copy_s]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("inte tom"), "{}", stderr(&out));
    assert_eq!(dump(&restored), back);
}

#[test]
fn on_postgresql_backup_and_restore_point_to_pg_dump_and_exit_2() {
    let url = "postgres://postgres@127.0.0.1:5432/lagesbild";
    let out = lagesbild(url, &["backup", "--out", "/tmp/lagesbild-never-written.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pg_dump"), "{}", stderr(&out));
    assert!(!Path::new("/tmp/lagesbild-never-written.db").exists());
    let out = lagesbild(url, &["restore", "--from", "whatever.dump"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pg_restore"), "{}", stderr(&out));
}
