//! A synthetic demo: users for every role and eight quarters of plausible, invented
//! observations from several agencies. No real data of any kind. Everything is written
//! through the same use-cases as real reporting.

use super::auth::{self, NewAccount, User};
use super::{periods, submissions};
use crate::db::queries::{periods as period_q, users};
use crate::db::DbConnection;
use crate::domain::observation::ObservationInput;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::domain::status::PeriodStatus;
use crate::error::{AppError, AppResult};

/// A generated login, printed once.
pub struct DemoLogin {
    pub username: String,
    pub role: Role,
    pub password: String,
}

const DEMO_AGENCIES: [&str; 6] = ["SKV", "POL", "MIG", "EBM", "SSC", "AM"];

/// Base level per misuse type (per agency and quarter).
const MISUSE_BASE: [(&str, i64); 7] = [
    ("exploited_identity", 40),
    ("hijacked_identity", 22),
    ("false_identity", 14),
    ("look_alike", 6),
    ("forged_document", 18),
    ("incorrect_personal_data", 30),
    ("false_certificate", 5),
];

const DESCRIPTIONS: [&str; 4] = [
    "Fler fall där identiteter används för att registrera bolagsengagemang.",
    "Manipulerade EU-pass upptäcks oftare vid verifiering hos handläggare.",
    "Samma mönster som föregående kvartal, något fler ärenden.",
    "Ny metod: intyg från tredje land används för att styrka felaktiga uppgifter.",
];

/// Small deterministic pseudo-random numbers, so the demo looks the same every time.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The last complete quarter before today.
fn last_complete_quarter() -> Period {
    Period::quarter_of(chrono::Utc::now().date_naive()).previous()
}

/// Seeds the demo when the database has no users yet; returns the logins.
pub fn seed_if_empty(
    conn: &mut DbConnection,
    progress: &mut dyn FnMut(&str),
) -> AppResult<Option<Vec<DemoLogin>>> {
    if users::count(conn)? > 0 {
        return Ok(None);
    }
    progress("Skapar demoanvändare …");
    let mut logins = Vec::new();
    let mut add = |conn: &mut DbConnection,
                   username: &str,
                   name: &str,
                   role: Role,
                   agency: Option<&str>|
     -> AppResult<()> {
        let password = auth::generate_password();
        auth::create_user(
            conn,
            None,
            NewAccount {
                username,
                display_name: Some(name),
                role: Some(role),
                agency_code: agency,
                password: &password,
            },
        )?;
        logins.push(DemoLogin {
            username: username.into(),
            role,
            password,
        });
        Ok(())
    };
    add(
        conn,
        "samordnare",
        "Sam Samordnare (demo)",
        Role::Coordinator,
        Some("SKV"),
    )?;
    add(
        conn,
        "analytiker",
        "Ana Analytiker (demo)",
        Role::Analyst,
        None,
    )?;
    add(
        conn,
        "beslutsfattare",
        "Beda Beslutsfattare (demo)",
        Role::Approver,
        None,
    )?;
    add(
        conn,
        "departement",
        "Dag Departement (demo)",
        Role::Ministry,
        None,
    )?;
    add(conn, "admin", "Adam Admin (demo)", Role::Admin, None)?;

    let analyst = load_user(conn, "analytiker")?;
    let end = last_complete_quarter();
    let quarters = end.offset(-7).range_to(end);
    let mut rng = Lcg(20261128);
    for (qi, quarter) in quarters.iter().enumerate() {
        progress(&format!(
            "Skapar demoinrapporteringar för {} ({} av {}) …",
            quarter.code(),
            qi + 1,
            quarters.len()
        ));
        // Opened without a deadline while seeding: the real deadlines are in the past.
        periods::open_period(conn, None, *quarter, None)?;
        for (ai, agency) in DEMO_AGENCIES.iter().enumerate() {
            // The demo coordinator reports for SKV; the other agencies' data comes from
            // inactive import accounts that nobody can log in with.
            let reporter = if *agency == "SKV" {
                load_user(conn, "samordnare")?
            } else {
                import_account(conn, agency)?
            };
            let lines: Vec<ObservationInput> = MISUSE_BASE
                .iter()
                .enumerate()
                .filter(|(mi, _)| (mi + ai) % 3 != 2 || *agency == "POL")
                .map(|(mi, (code, base))| {
                    // A slow rise for hijacked identities and forged documents, seasonality.
                    let trend = if matches!(*code, "hijacked_identity" | "forged_document") {
                        qi as i64 * 3
                    } else {
                        0
                    };
                    let season = if quarter.index() == 3 { -4 } else { 2 };
                    let size = [3, 2, 2, 1, 1, 1][ai];
                    let count = ((base + trend + season) * size / 2 + rng.below(9) as i64).max(0);
                    ObservationInput {
                        misuse_type: Some(code.to_string()),
                        document_type: (mi == 4).then(|| "eu_passport".to_string()),
                        chain_stage: Some(
                            ["establishment", "issuance", "verification", "maintenance"][mi % 4]
                                .to_string(),
                        ),
                        count: Some(count.to_string()),
                        trend: Some(if trend > 0 { "increasing" } else { "stable" }.to_string()),
                        reliability: Some(["A", "B", "B", "C"][(mi + ai) % 4].to_string()),
                        validity: Some(["1", "2", "2", "3"][(mi + qi) % 4].to_string()),
                        description: (rng.below(4) == 0)
                            .then(|| DESCRIPTIONS[rng.below(4) as usize].to_string()),
                        ..Default::default()
                    }
                })
                .collect();
            let id = submissions::open_draft(conn, &reporter, &quarter.code())?;
            submissions::add_lines(conn, &reporter, id, &lines, true)?;
            submissions::submit(conn, &reporter, id)?;
            submissions::review(conn, &analyst, id, submissions::Decision::Accept)?;
        }
        close_period(conn, *quarter)?;
    }
    // The import accounts only carried the demo data; nobody logs in with them.
    for agency in DEMO_AGENCIES.iter().filter(|a| **a != "SKV") {
        if let Some(u) = users::by_username(conn, &format!("import-{}", agency.to_lowercase()))? {
            users::set_active(conn, u.id, false)?;
        }
    }
    let current = end.next();
    periods::open_period(
        conn,
        None,
        current,
        Some(current.ends_on() + chrono::Duration::days(30)),
    )?;
    progress(&format!(
        "Perioden {} är öppen för inrapportering.",
        current.code()
    ));
    Ok(Some(logins))
}

fn load_user(conn: &mut DbConnection, username: &str) -> AppResult<User> {
    let row = users::by_username(conn, username)?.ok_or(AppError::NotFound)?;
    auth::load_active_user(conn, row.id)?.ok_or(AppError::NotFound)
}

/// An inactive coordinator account that carries an agency's demo imports.
fn import_account(conn: &mut DbConnection, agency: &str) -> AppResult<User> {
    let username = format!("import-{}", agency.to_lowercase());
    let existing = users::by_username(conn, &username)?;
    let id = match existing {
        Some(u) => u.id,
        None => auth::create_user(
            conn,
            None,
            NewAccount {
                username: &username,
                display_name: Some(&format!("Import {agency} (demo)")),
                role: Some(Role::Coordinator),
                agency_code: Some(agency),
                password: &auth::generate_password(),
            },
        )?,
    };
    auth::load_active_user(conn, id)?.ok_or(AppError::NotFound)
}

fn close_period(conn: &mut DbConnection, p: Period) -> AppResult<()> {
    if let Some(row) = period_q::by_code(conn, &p.code())? {
        period_q::update_status_and_deadline(
            conn,
            row.id,
            PeriodStatus::Closed.code(),
            Some(p.ends_on() + chrono::Duration::days(30)),
        )?;
    }
    Ok(())
}
