//! A synthetic store for benchmarks and demonstrations (`lagesbild seed-demo --lines N`):
//! 120 months ending 2026-09, every agency, every taxonomy code, forum observations and
//! measures, with skewed, seasonal counts and a few planted rises. Everything is invented
//! and goes through the same use-cases as real reporting.

use std::time::Instant;

use super::auth::{self, NewAccount, User};
use super::{forum, measures, periods, submissions};
use crate::db::queries::{agencies, periods as period_q, users};
use crate::db::DbConnection;
use crate::domain::observation::ObservationInput;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::domain::status::PeriodStatus;
use crate::error::{AppError, AppResult};

const MONTHS: i64 = 120;
const MISUSE: [(&str, f64); 7] = [
    ("exploited_identity", 1.0),
    ("hijacked_identity", 0.6),
    ("false_identity", 0.45),
    ("look_alike", 0.15),
    ("forged_document", 0.5),
    ("incorrect_personal_data", 0.8),
    ("false_certificate", 0.12),
];
pub(crate) const AREA: [&str; 10] = [
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
pub(crate) const DOC: [&str; 8] = [
    "",
    "eu_passport",
    "eu_national_id",
    "third_country_passport",
    "residence_permit_card",
    "driving_licence",
    "certificate",
    "other",
];
pub(crate) const STAGE: [&str; 5] = [
    "",
    "establishment",
    "issuance",
    "verification",
    "maintenance",
];
pub(crate) const AGE: [&str; 7] = ["", "0-17", "18-29", "30-44", "45-64", "65-79", "80+"];
pub(crate) const CIT: [&str; 5] = [
    "",
    "swedish",
    "eu_eea",
    "third_country",
    "stateless_unknown",
];

pub struct SeedReport {
    pub lines: usize,
    pub submissions: usize,
    pub seconds: f64,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn account(
    conn: &mut DbConnection,
    username: &str,
    role: Role,
    agency: Option<&str>,
) -> AppResult<User> {
    let id = match users::by_username(conn, username)? {
        Some(u) => u.id,
        None => auth::create_user(
            conn,
            None,
            NewAccount {
                username,
                display_name: None,
                role: Some(role),
                agency_code: agency,
                password: &auth::generate_password(),
            },
        )?,
    };
    auth::load_active_user(conn, id)?.ok_or(AppError::NotFound)
}

/// Builds the store with about `target_lines` accepted observation lines.
pub fn seed(
    conn: &mut DbConnection,
    target_lines: usize,
    progress: &mut dyn FnMut(&str),
) -> AppResult<SeedReport> {
    let started = Instant::now();
    let agency_rows = agencies::all(conn)?;
    let analyst = account(conn, "synt-analytiker", Role::Analyst, None)?;
    let end = Period::month(2026, 9).ok_or_else(|| AppError::internal("period"))?;
    let months = end.offset(-(MONTHS - 1)).range_to(end);
    let total_subs = months.len() * agency_rows.len();
    let per_sub = (target_lines / total_subs.max(1)).max(1);
    let mut rng = Rng(0x5eed_1a6e_5b11_d000);
    let mut reporters = Vec::new();
    for a in &agency_rows {
        reporters.push(account(
            conn,
            &format!("synt-{}", a.code.to_lowercase()),
            Role::Coordinator,
            Some(&a.code),
        )?);
    }
    let mut lines = 0;
    let mut subs = 0;
    let mut last_pct = 0;
    for (mi, month) in months.iter().enumerate() {
        periods::open_period(conn, None, *month, None)?;
        // Seasonality: more cases in spring and autumn.
        let season =
            1.0 + 0.25 * ((month.index() as f64 - 1.0) / 12.0 * std::f64::consts::TAU).sin();
        for (ai, reporter) in reporters.iter().enumerate() {
            let size = 1.0 / (1.0 + ai as f64 * 0.35);
            let mut inputs = Vec::with_capacity(per_sub);
            for k in 0..per_sub {
                // A distinct combination for every line of the submission.
                let mut x = k + (mi * 7 + ai * 13) % 7;
                let mt = x % MISUSE.len();
                x /= MISUSE.len();
                let area = x % AREA.len();
                x /= AREA.len();
                let doc = x % DOC.len();
                x /= DOC.len();
                let stage = x % STAGE.len();
                x /= STAGE.len();
                let age = x % AGE.len();
                x /= AGE.len();
                let cit = x % CIT.len();
                let (code, weight) = MISUSE[mt];
                // Planted rises: hijacked identities at the police and forged documents
                // everywhere in the last three quarters.
                let planted = mi as i64 >= MONTHS - 9
                    && ((code == "hijacked_identity" && ai == 1) || code == "forged_document");
                let skew = 1.0 / (1.0 + (area + doc + stage + age + cit) as f64);
                let mean = 40.0 * weight * size * season * skew * if planted { 3.0 } else { 1.0 };
                let count = (mean * (0.6 + 0.8 * rng.unit())).round() as i64;
                let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
                inputs.push(ObservationInput {
                    misuse_type: Some(code.to_string()),
                    exploitation_area: opt(AREA[area]),
                    document_type: opt(DOC[doc]),
                    chain_stage: opt(STAGE[stage]),
                    age_band: opt(AGE[age]),
                    citizenship: opt(CIT[cit]),
                    count: Some(count.to_string()),
                    ..Default::default()
                });
            }
            let outcome = submissions::submit_lines(conn, reporter, &month.code(), &inputs, true)?;
            submissions::review(conn, &analyst, outcome.id, submissions::Decision::Accept)?;
            lines += inputs.len();
            subs += 1;
        }
        if let Some(row) = period_q::by_code(conn, &month.code())? {
            period_q::update_status_and_deadline(conn, row.id, PeriodStatus::Closed.code(), None)?;
        }
        let pct = (mi + 1) * 100 / months.len();
        if pct / 5 > last_pct / 5 {
            progress(&format!(
                "[{:<20}] {pct:>3} %  {lines} rader, {subs} inrapporteringar",
                "#".repeat(pct / 5)
            ));
            last_pct = pct;
        }
    }
    // The forum: a meeting per quarter of the last two years, with a few observations.
    forum::set_rotation(conn, &analyst, &["SKV".into(), "POL".into(), "MIG".into()])?;
    for q in Period::quarter(2024, 4)
        .map(|p| p.range_to(Period::quarter(2026, 3).unwrap_or(p)))
        .unwrap_or_default()
    {
        let convener = forum::proposed_convener(conn)?
            .map(|a| a.code)
            .unwrap_or_else(|| "SKV".into());
        let recorder = reporters
            .iter()
            .find(|r| r.agency_code.as_deref() == Some(convener.as_str()))
            .cloned()
            .ok_or(AppError::NotFound)?;
        let meeting = forum::create_meeting(
            conn,
            &recorder,
            q.starts_on() + chrono::Duration::days(20),
            None,
            "",
        )?;
        let detail = forum::meeting(conn, &recorder, meeting)?;
        let sid = detail.observations.submission.id;
        let inputs: Vec<ObservationInput> = MISUSE
            .iter()
            .map(|(code, w)| ObservationInput {
                misuse_type: Some(code.to_string()),
                count: Some(((20.0 * w) * (0.7 + 0.6 * rng.unit())).round().to_string()),
                description: Some("Iakttagelse från forumet (syntetisk).".into()),
                ..Default::default()
            })
            .collect();
        submissions::add_lines(conn, &recorder, sid, &inputs, true)?;
        submissions::submit(conn, &recorder, sid)?;
        submissions::review(conn, &analyst, sid, submissions::Decision::Accept)?;
        lines += inputs.len();
        subs += 1;
    }
    // Measures: one that worked, one proposed, one rejected.
    for (title, status, start, target) in [
        (
            "Skärpt kontroll av EU-pass vid folkbokföring",
            "in_force",
            "2025-04-01",
            "false_identity",
        ),
        (
            "Förslag: bankernas kontroll av kapade identiteter",
            "proposed",
            "2026-10-01",
            "hijacked_identity",
        ),
        (
            "Avslaget förslag om intygsregister",
            "rejected",
            "2024-01-01",
            "false_certificate",
        ),
    ] {
        measures::save(
            conn,
            &analyst,
            None,
            &measures::MeasureInput {
                title: title.into(),
                kind: "control_campaign".into(),
                status: status.into(),
                start_on: start.into(),
                misuse_types: vec![target.into()],
                agencies: vec!["SKV".into(), "POL".into()],
                ..Default::default()
            },
        )?;
    }
    Ok(SeedReport {
        lines,
        submissions: subs,
        seconds: started.elapsed().as_secs_f64(),
    })
}
