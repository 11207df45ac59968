//! The command line: `serve`, `migrate`, `user add`, `period open`, `report pdf`,
//! `audit verify`.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::configuration::{DatabaseUrl, Settings};
use crate::db::Database;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::services::{audit, auth, demo, periods, report, tokens};
use crate::startup::Application;

#[derive(Parser)]
#[command(
    name = "lagesbild",
    version,
    about = "Lägesbild – Nationellt ID-centers kunskaps- och lägesbild över identitetsmissbruk"
)]
struct Cli {
    /// Database: a SQLite file path (or sqlite://path) or a postgres:// URL.
    #[arg(long, env = "DATABASE_URL", default_value = DatabaseUrl::DEFAULT, global = true)]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (migrates first).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "LAGESBILD_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Seed a synthetic demo (users, agencies' observations) if the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Run pending database migrations and exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage reporting periods.
    #[command(subcommand)]
    Period(PeriodCommand),
    /// Produce reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The audit log (granskningsloggen).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Measure: `bench csv-import --lines 100000`, `bench dashboard --lines 1000000`,
    /// `bench audit --records 100000`.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Build a synthetic store of about N accepted lines (120 months ending 2026-09) in
    /// the database DATABASE_URL names.
    SeedDemo {
        #[arg(long, default_value_t = 10_000)]
        lines: usize,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token; it is printed once. `--agency SKV` acts as that agency's
    /// coordinator; `--user NAME` acts as that user with their role.
    Create {
        #[arg(long, conflicts_with = "user", required_unless_present = "user")]
        agency: Option<String>,
        #[arg(long)]
        user: Option<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the audit log's hash chain in id order; report the first broken record and
    /// exit with status 1, or print the number of records and the head hash.
    Verify,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Import a synthetic CSV file of N lines into a fresh database and report the rate.
    CsvImport {
        #[arg(long, default_value_t = 100_000)]
        lines: usize,
    },
    /// Seed a fresh database with N lines, serve it, and time the overview and trends
    /// pages over HTTP (p50, p95, max).
    Dashboard {
        #[arg(long, default_value_t = 10_000)]
        lines: usize,
        #[arg(long, default_value_t = 100)]
        requests: usize,
    },
    /// Append N audit records to a fresh database, then time `audit verify` over them.
    Audit {
        #[arg(long, default_value_t = 100_000)]
        records: usize,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user. The password is read from LAGESBILD_PASSWORD or standard input.
    Add(UserAdd),
}

#[derive(Args)]
struct UserAdd {
    #[arg(long)]
    username: String,
    /// coordinator, analyst, approver, ministry or admin.
    #[arg(long)]
    role: String,
    /// Agency code (required for coordinators), e.g. SKV.
    #[arg(long)]
    agency: Option<String>,
    /// Name shown in the interface (defaults to the username).
    #[arg(long)]
    name: Option<String>,
}

#[derive(Subcommand)]
enum PeriodCommand {
    /// Open a period for submissions, e.g. `period open 2026-Q3 --deadline 2026-10-15`.
    Open {
        period: String,
        #[arg(long)]
        deadline: Option<String>,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Write the period's report (a draft from live data) as PDF.
    Pdf {
        #[arg(long)]
        period: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = match &e {
                AppError::Validation(errors) => errors
                    .iter()
                    .map(|f| f.message.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.to_string(),
            };
            eprintln!("fel: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("LAGESBILD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

fn run(cli: Cli) -> AppResult<()> {
    let url = DatabaseUrl::parse(&cli.database_url)?;
    let settings = Settings::from_env(url.clone())?;
    let db = Database::connect_and_migrate(&url, settings.pool_size)?;
    // Records from before the audit chain existed are sealed once, in id order.
    let sealed = audit::seal_unsealed(&mut *db.conn()?)?;
    if sealed > 0 {
        eprintln!("Förseglade {sealed} äldre poster i granskningsloggens hashkedja.");
    }
    match cli.command {
        Command::Migrate => {
            println!("Databasen ({}) är migrerad.", db.backend_name());
            Ok(())
        }
        Command::Serve { bind, demo } => serve(settings, db, &bind, demo),
        Command::User(UserCommand::Add(a)) => {
            let role = Role::parse(&a.role).ok_or_else(|| {
                AppError::Config(format!(
                    "Okänd roll ”{}”. Välj coordinator, analyst, approver, ministry eller admin.",
                    a.role
                ))
            })?;
            let password = read_password()?;
            let mut conn = db.conn()?;
            let id = auth::create_user(
                &mut conn,
                None,
                auth::NewAccount {
                    username: &a.username,
                    display_name: a.name.as_deref(),
                    role,
                    agency_code: a.agency.as_deref(),
                    password: &password,
                },
            )?;
            println!(
                "Användaren {} ({}) är skapad med id {id}.",
                a.username,
                role.label_sv()
            );
            Ok(())
        }
        Command::Period(PeriodCommand::Open { period, deadline }) => {
            let p = Period::parse(&period).map_err(|e| AppError::Config(e.to_string()))?;
            let deadline = deadline
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                        AppError::Config(format!(
                            "Ange sista dag som ÅÅÅÅ-MM-DD, t.ex. 2026-10-15, inte ”{d}”."
                        ))
                    })
                })
                .transpose()?;
            let mut conn = db.conn()?;
            let row = periods::open_period(&mut conn, None, p, deadline)?;
            match row.deadline {
                Some(d) => println!(
                    "Perioden {} är öppen för inrapportering till och med {d}.",
                    row.code
                ),
                None => println!("Perioden {} är öppen för inrapportering.", row.code),
            }
            Ok(())
        }
        Command::Token(TokenCommand::Create { agency, user }) => {
            let mut conn = db.conn()?;
            let secret = match (agency, user) {
                (Some(a), _) => tokens::create_agency_token(&mut conn, None, &a)?,
                (None, Some(u)) => tokens::create_user_token(&mut conn, None, &u)?,
                (None, None) => {
                    return Err(AppError::Config(
                        "Ange --agency KOD eller --user NAMN.".into(),
                    ))
                }
            };
            eprintln!("Spara token nu; den visas inte igen.");
            println!("{secret}");
            Ok(())
        }
        Command::Audit(AuditCommand::Verify) => {
            let status = audit::verify(&mut *db.conn()?)?;
            println!("Kontrollerade {} poster i id-ordning.", status.checked);
            if !status.intact() {
                return Err(AppError::Conflict(status.summary_sv()));
            }
            println!("{}", status.summary_sv());
            if let Some((id, hash)) = &status.head {
                println!("Senaste post: {id}, hash {hash}");
            }
            Ok(())
        }
        Command::Bench(BenchCommand::CsvImport { lines }) => {
            crate::services::bench::csv_import(lines)
        }
        Command::Bench(BenchCommand::Dashboard { lines, requests }) => {
            crate::services::bench::dashboard(settings, lines, requests)
        }
        Command::Bench(BenchCommand::Audit { records }) => crate::services::bench::audit(records),
        Command::SeedDemo { lines } => {
            let mut conn = db.conn()?;
            let r = crate::services::synthetic::seed(&mut conn, lines, &mut |m| eprintln!("{m}"))?;
            println!(
                "seed-demo: {} rader i {} inrapporteringar på {:.1} s ({})",
                r.lines,
                r.submissions,
                r.seconds,
                db.backend_name()
            );
            Ok(())
        }
        Command::Report(ReportCommand::Pdf { period, out }) => {
            let p = Period::parse(&period).map_err(|e| AppError::Config(e.to_string()))?;
            let mut conn = db.conn()?;
            let bytes = report::period_pdf(&mut conn, None, p, &settings.default_marking)?;
            std::fs::write(&out, &bytes)
                .map_err(|e| AppError::Config(format!("Kan inte skriva {}: {e}", out.display())))?;
            println!("Skrev {} ({} byte).", out.display(), bytes.len());
            Ok(())
        }
    }
}

/// The password never comes from an argument (it would show in the process list and
/// the shell history).
fn read_password() -> AppResult<String> {
    if let Ok(p) = std::env::var("LAGESBILD_PASSWORD") {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Lösenord (minst {} tecken): ", auth::MIN_PASSWORD_CHARS);
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| AppError::Config(format!("Kan inte läsa lösenordet: {e}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn serve(settings: Settings, db: Database, bind: &str, demo: bool) -> AppResult<()> {
    if demo {
        let mut conn = db.conn()?;
        match demo::seed_if_empty(&mut conn, &mut |msg| eprintln!("{msg}"))? {
            Some(logins) => {
                println!("Demodata är skapad. Inloggningar (lösenorden visas bara nu):");
                for l in &logins {
                    println!(
                        "  {:<16} {:<22} lösenord: {}",
                        l.username,
                        l.role.label_sv(),
                        l.password
                    );
                }
            }
            None => println!("Databasen har redan användare; ingen demodata skapades."),
        }
    }
    let backend = db.backend_name();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| AppError::Config(e.to_string()))?;
    rt.block_on(async move {
        let app = Application::build(settings, db, bind)?;
        let host = bind.rsplit_once(':').map(|(h, _)| h).unwrap_or("127.0.0.1");
        println!(
            "Lägesbild körs på http://{host}:{}/ ({backend}). Avsluta med Ctrl+C.",
            app.port()
        );
        app.run_until_stopped()
            .await
            .map_err(|e| AppError::Config(e.to_string()))
    })
}
