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
const AREA: [&str; 10] = [
    "",
    "company_roles",
    "bank_accounts",
    "property",
    "loans",
    "benefit_fraud",
    "relations_data",
    "population_registration",
    "labour_migration",
    "other",
];
const DOC: [&str; 8] = [
    "",
    "eu_passport",
    "eu_national_id",
    "third_country_passport",
    "residence_permit_card",
    "driving_licence",
    "certificate",
    "other",
];
const STAGE: [&str; 5] = [
    "",
    "establishment",
    "issuance",
    "verification",
    "maintenance",
];
const AGE: [&str; 7] = ["", "0-17", "18-29", "30-44", "45-64", "65-79", "80+"];
const CIT: [&str; 5] = [
    "",
    "swedish",
    "eu_eea",
    "third_country",
    "stateless_unknown",
];

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
