//! The binary's subcommands, run as a user would run them.

use std::process::Command;

use crate::helpers::backend;
use crate::pdf::PdfText;

fn lagesbild(db: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lagesbild"));
    c.env("DATABASE_URL", db).env_remove("LAGESBILD_PASSWORD");
    c
}

/// Runs `lagesbild ARGS` on `db`; it must succeed. Its standard output.
fn ok(db: &str, args: &[&str]) -> String {
    let out = lagesbild(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `lagesbild ARGS` on `db`; it must fail. Its standard error.
fn refused(db: &str, args: &[&str]) -> String {
    let out = lagesbild(db).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The application's view of the same SQLite file, to check what a command did.
fn open(db: &str) -> lagesbild::db::Database {
    let url = lagesbild::configuration::DatabaseUrl::parse(db).unwrap();
    lagesbild::db::Database::connect_and_migrate(&url, 1).unwrap()
}

#[test]
fn migrate_user_add_period_open_and_report_pdf_work_from_the_command_line() {
    if backend() != "sqlite" {
        // The command-line run uses its own SQLite file; the PostgreSQL run covers the
        // same services through HTTP.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/cli.db");
    let db = db.to_str().unwrap();

    assert!(ok(db, &["migrate"]).contains("migrerad"));

    let add = ["user", "add", "--username", "sam", "--role", "coordinator"];
    let out = lagesbild(db)
        .args(add)
        .args(["--agency", "SKV"])
        .env("LAGESBILD_PASSWORD", "ett-långt-lösenord")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A coordinator without agency is refused with a message that says what to do.
    let out = lagesbild(db)
        .args(["user", "add", "--username", "x", "--role", "coordinator"])
        .env("LAGESBILD_PASSWORD", "ett-långt-lösenord")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--agency"));

    // An administrator who cannot log in gets a new password printed once: it is the one
    // that logs in now, and sam's sessions have ended.
    let store = open(db);
    let mut c = store.conn().unwrap();
    use lagesbild::services::auth::{authenticate, LoginOutcome};
    let epoch_before = lagesbild::db::queries::users::by_username(&mut c, "sam")
        .unwrap()
        .unwrap()
        .session_epoch;
    let stdout = ok(db, &["user", "reset-password", "--username", "sam"]);
    assert!(stdout.contains("Nytt lösenord för sam"), "{stdout}");
    let password = stdout.trim().rsplit(' ').next().unwrap();
    assert_eq!(password.len(), 20, "{stdout}");
    assert!(matches!(
        authenticate(&mut c, "sam", password, "cli-test").unwrap(),
        LoginOutcome::LoggedIn(_)
    ));
    assert!(matches!(
        authenticate(&mut c, "sam", "ett-långt-lösenord", "cli-test").unwrap(),
        LoginOutcome::Failed
    ));
    let sam = lagesbild::db::queries::users::by_username(&mut c, "sam")
        .unwrap()
        .unwrap();
    assert!(sam.session_epoch > epoch_before, "sessions ended");
    assert!(
        refused(db, &["user", "reset-password", "--username", "okand"])
            .contains("Det finns ingen användare")
    );

    // A lost phone: two-step verification off from the command line.
    lagesbild::db::queries::users::set_two_factor(
        &mut c,
        sam.id,
        Some(&lagesbild::services::two_factor::new_secret()),
        Some(1),
    )
    .unwrap();
    let stdout = ok(db, &["user", "reset-two-factor", "--username", "sam"]);
    assert!(stdout.contains("Tvåstegsverifieringen för sam är avstängd"));
    let sam = lagesbild::db::queries::users::by_username(&mut c, "sam")
        .unwrap()
        .unwrap();
    assert_eq!(sam.totp_secret, None);

    let stdout = ok(
        db,
        &["period", "open", "2026-Q3", "--deadline", "2026-10-15"],
    );
    assert!(stdout.contains("2026-10-15"));
    assert!(refused(db, &["period", "open", "2026-Q5"]).contains("2026-Q3"));

    let token = ok(db, &["token", "create", "--agency", "SKV"])
        .trim()
        .to_string();
    assert!(token.starts_with("lgb_") && token.len() > 30, "{token}");
    ok(db, &["token", "create", "--user", "sam"]);
    refused(db, &["token", "create", "--user", "ingen"]);

    let pdf_path = dir.path().join("q3.pdf");
    let pdf_out = pdf_path.to_str().unwrap();
    ok(
        db,
        &["report", "pdf", "--period", "2026-Q3", "--out", pdf_out],
    );
    let pdf = PdfText::parse(&std::fs::read(&pdf_path).unwrap());
    assert!(pdf.all().contains("Ingen myndighet har godkända uppgifter"));
    pdf.assert_every_page_framed("Intern");
}

#[test]
fn a_bad_database_url_fails_at_start_in_one_line() {
    let out = lagesbild("mysql://localhost/x")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("postgres://"));

    let out = lagesbild("postgres://nobody@127.0.0.1:1/none")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("Kan inte ansluta till databasen (PostgreSQL)"),
        "{err}"
    );
}
