//! The binary's subcommands, run as a user would run them.

use std::process::Command;

use crate::helpers::backend;
use crate::pdf::PdfText;

fn lagesbild(db: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lagesbild"));
    c.env("DATABASE_URL", db).env_remove("LAGESBILD_PASSWORD");
    c
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

    let out = lagesbild(db).arg("migrate").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("migrerad"));

    let out = lagesbild(db)
        .args([
            "user",
            "add",
            "--username",
            "sam",
            "--role",
            "coordinator",
            "--agency",
            "SKV",
        ])
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

    // An administrator who cannot log in gets a new password printed once.
    let out = lagesbild(db)
        .args(["user", "reset-password", "--username", "sam"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let password = stdout.trim().rsplit(' ').next().unwrap();
    assert!(stdout.contains("Nytt lösenord för sam"), "{stdout}");
    assert_eq!(password.len(), 20, "{stdout}");
    let out = lagesbild(db)
        .args(["user", "reset-password", "--username", "okand"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Det finns ingen användare"));

    // A lost phone: two-step verification off from the command line.
    let out = lagesbild(db)
        .args(["user", "reset-two-factor", "--username", "sam"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Tvåstegsverifieringen för sam är avstängd")
    );

    let out = lagesbild(db)
        .args(["period", "open", "2026-Q3", "--deadline", "2026-10-15"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2026-10-15"));

    let out = lagesbild(db)
        .args(["period", "open", "2026-Q5"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-Q3"));

    let out = lagesbild(db)
        .args(["token", "create", "--agency", "SKV"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(token.starts_with("lgb_") && token.len() > 30, "{token}");
    let out = lagesbild(db)
        .args(["token", "create", "--user", "sam"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = lagesbild(db)
        .args(["token", "create", "--user", "ingen"])
        .output()
        .unwrap();
    assert!(!out.status.success());

    let pdf_path = dir.path().join("q3.pdf");
    let out = lagesbild(db)
        .args([
            "report",
            "pdf",
            "--period",
            "2026-Q3",
            "--out",
            pdf_path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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
