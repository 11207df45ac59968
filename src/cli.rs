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
use crate::services::{audit, auth, backup, demo, periods, report, tokens};
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
    /// Write a consistent copy of the SQLite database to FILE while the application runs
    /// (never overwrites). For PostgreSQL use pg_dump.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into the database DATABASE_URL names, which must be empty (a new
    /// file). For PostgreSQL use pg_restore.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
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
    /// `bench aggregates --period 2026-Q3`, `bench report`, `bench audit --records 100000`.
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
    /// Time the default report end to end (database → PDF bytes) for a period on the
    /// store DATABASE_URL names (after `seed-demo`): an edition of the standard template
    /// with synthetic narrative in every section.
    Report {
        #[arg(long, default_value = "2026-Q3")]
        period: String,
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Also write the last PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Time the default report's 13 aggregates for a quarter on the store DATABASE_URL
    /// names (after `seed-demo`), and print a checksum of each.
    Aggregates {
        #[arg(long)]
        period: String,
        #[arg(long, default_value_t = 5)]
        runs: usize,
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
    /// Give a user a new random password, printed once, and end their sessions (for an
    /// administrator who cannot log in; otherwise use Administration → Användare).
    ResetPassword {
        #[arg(long)]
        username: String,
    },
    /// Turn off a user's two-step verification (a lost phone) and end their sessions; they
    /// set it up again at their next login.
    ResetTwoFactor {
        #[arg(long)]
        username: String,
    },
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
    /// Write a report as PDF: `--edition ID [--version N]` writes a stored edition (the
    /// latest published version unless N is given; an unpublished version prints as a
    /// draft); `--period P` writes an unpublished draft from live data marked "UTKAST".
    Pdf {
        #[arg(long, conflicts_with = "edition", required_unless_present = "edition")]
        period: Option<String>,
        #[arg(long)]
        edition: Option<i64>,
        #[arg(long, requires = "edition")]
        version: Option<i32>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Say whether FILE is byte-identical to a published version, and which one.
    Verify { file: PathBuf },
}

/// The command line speaks Swedish (operators' messages); the catalogue gives the
/// domain's messages their text.
pub(crate) fn cli_tr() -> crate::i18n::Tr {
    std::sync::Arc::new(
        crate::i18n::Catalogue::load().expect("the catalogues are checked by tests"),
    )
    .tr(crate::i18n::Lang::Sv)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match init_tracing().and_then(|()| run(cli)) {
        Ok(code) => code,
        Err(e) => {
            let message = match &e {
                AppError::Validation(errors) => {
                    // The catalogue is parsed once, not per message.
                    let tr = cli_tr();
                    errors
                        .iter()
                        .map(|f| tr.msg(&f.message))
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                other => other.to_string(),
            };
            eprintln!("fel: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error (standard output carries what a command prints, such as a
/// new token), as text or, with `LAGESBILD_LOG_FORMAT=json`, one JSON object per line with
/// the request's span (its `request_id`).
fn init_tracing() -> AppResult<()> {
    let format = crate::configuration::LogFormat::from_env()?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("LAGESBILD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        crate::configuration::LogFormat::Text => builder.with_target(false).try_init(),
        crate::configuration::LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
    Ok(())
}

/// Exit code for "this is done with another tool" (backup and restore on PostgreSQL).
const EXIT_USE_OTHER_TOOL: u8 = 2;

fn run(cli: Cli) -> AppResult<ExitCode> {
    let url = DatabaseUrl::parse(&cli.database_url)?;
    // Backup and restore open the database themselves: a backup must not migrate the live
    // database, and a restore needs the target empty, before any migration.
    match &cli.command {
        Command::Backup { .. } | Command::Restore { .. }
            if matches!(url, DatabaseUrl::Postgres(_)) =>
        {
            eprintln!("{}", backup::POSTGRES_ADVICE);
            return Ok(ExitCode::from(EXIT_USE_OTHER_TOOL));
        }
        Command::Backup { out } => {
            let s = backup::backup(&url, out)?;
            println!(
                "Säkerhetskopian {} är skriven och kontrollerad: {} tabeller, {} rader, {} byte.",
                s.file.display(),
                s.tables.len(),
                s.rows(),
                s.bytes
            );
            return Ok(ExitCode::SUCCESS);
        }
        Command::Restore { from } => {
            let s = backup::restore(&url, from)?;
            println!(
                "Databasen {} är återställd från {}: {} tabeller, {} rader.",
                s.file.display(),
                from.display(),
                s.tables.len(),
                s.rows()
            );
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    run_command(cli, url).map(|()| ExitCode::SUCCESS)
}

fn run_command(cli: Cli, url: DatabaseUrl) -> AppResult<()> {
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
        Command::Backup { .. } | Command::Restore { .. } => unreachable!("handled in run"),
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
                    role: Some(role),
                    agency_code: a.agency.as_deref(),
                    password: &password,
                },
            )?;
            println!(
                "Användaren {} ({}) är skapad med id {id}.",
                a.username,
                cli_tr().t(role.key())
            );
            Ok(())
        }
        Command::User(UserCommand::ResetPassword { username }) => {
            let mut conn = db.conn()?;
            let row = named_user(&mut conn, &username)?;
            let password = crate::services::accounts::reset_password(&mut conn, None, row.id)?;
            println!(
                "Nytt lösenord för {} (visas en gång): {password}",
                row.username
            );
            Ok(())
        }
        Command::User(UserCommand::ResetTwoFactor { username }) => {
            let mut conn = db.conn()?;
            let row = named_user(&mut conn, &username)?;
            crate::services::two_factor::reset(&mut conn, None, row.id)?;
            println!(
                "Tvåstegsverifieringen för {} är avstängd; den ställs in igen vid nästa inloggning.",
                row.username
            );
            Ok(())
        }
        Command::Period(PeriodCommand::Open { period, deadline }) => {
            let p = Period::parse(&period).map_err(|e| AppError::Config(cli_tr().msg(&e.msg())))?;
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
            let summary = cli_tr().msg(&status.summary());
            if !status.intact() {
                return Err(AppError::Config(summary));
            }
            println!("{summary}");
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
        Command::Bench(BenchCommand::Report { period, runs, out }) => {
            crate::services::bench::report(&db, &settings, &period, runs, out.as_deref())
        }
        Command::Bench(BenchCommand::Aggregates { period, runs }) => {
            crate::services::bench::aggregates(&db, &period, runs)
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
        Command::Report(ReportCommand::Pdf {
            period,
            edition,
            version,
            out,
        }) => {
            let mut conn = db.conn()?;
            let cache = crate::services::signals::SignalCache::default();
            let catalogue =
                std::sync::Arc::new(crate::i18n::Catalogue::load().map_err(AppError::Config)?);
            let ctx = report::ReportContext {
                settings: report::data::DataSettings {
                    disclosure_k: settings.min_cell,
                    signal_alpha: settings.signal_alpha,
                },
                markings: &settings.markings,
                signals: Some(&cache),
                metrics: None,
                catalogue: &catalogue,
            };
            let (bytes, what) = match (period, edition) {
                (Some(period), _) => {
                    let p = Period::parse(&period)
                        .map_err(|e| AppError::Config(cli_tr().msg(&e.msg())))?;
                    let bytes = report::period_pdf(&mut conn, None, p, crate::i18n::Lang::Sv, ctx)?;
                    (bytes, format!("utkast för {}", p.code()))
                }
                (None, Some(edition)) => {
                    let no = match version {
                        Some(n) => n,
                        None => report::editions::latest_published_no(&mut conn, edition)?
                            .ok_or_else(|| {
                                AppError::Config(format!(
                                    "Utgåva {edition} har ingen publicerad version. Ange --version N för att skriva ut ett utkast."
                                ))
                            })?,
                    };
                    let v = report::editions::load_version(&mut conn, edition, no)?;
                    let d = report::editions::stored_or_draft(&mut conn, &v, ctx)?;
                    (
                        d.bytes,
                        format!("utgåva {edition} version {no}, SHA-256 {}", d.sha256),
                    )
                }
                (None, None) => {
                    return Err(AppError::Config("Ange --period eller --edition.".into()))
                }
            };
            std::fs::write(&out, &bytes)
                .map_err(|e| AppError::Config(format!("Kan inte skriva {}: {e}", out.display())))?;
            println!("Skrev {} ({what}, {} byte).", out.display(), bytes.len());
            Ok(())
        }
        Command::Report(ReportCommand::Verify { file }) => {
            let bytes = std::fs::read(&file)
                .map_err(|e| AppError::Config(format!("Kan inte läsa {}: {e}", file.display())))?;
            let mut conn = db.conn()?;
            let (sha, found) = report::editions::verify(&mut conn, &bytes)?;
            if found.is_empty() {
                println!(
                    "{} är INTE identisk med någon publicerad version (SHA-256 {sha}).",
                    file.display()
                );
                return Err(AppError::Conflict(crate::i18n::Msg::verbatim(
                    "verifieringen misslyckades",
                )));
            }
            for (e, v) in found {
                println!(
                    "{} är byte för byte identisk med utgåva {e} version {v} (SHA-256 {sha}).",
                    file.display()
                );
            }
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

/// The account with this username, or an error that names it.
fn named_user(
    conn: &mut crate::db::DbConnection,
    username: &str,
) -> AppResult<crate::db::models::UserRow> {
    crate::db::queries::users::by_username(conn, username.trim())?
        .ok_or_else(|| AppError::Config(format!("Det finns ingen användare ”{username}”.")))
}

fn serve(mut settings: Settings, db: Database, bind: &str, demo: bool) -> AppResult<()> {
    if demo {
        // Trying the demo should not need an authenticator app; a real installation
        // requires it of administrators and approvers unless configured otherwise.
        if std::env::var_os("LAGESBILD_TWO_FACTOR_ROLES").is_none() {
            settings.two_factor_roles.clear();
            println!("Demoläge: ingen roll måste använda tvåstegsverifiering (LAGESBILD_TWO_FACTOR_ROLES).");
        }
        let mut conn = db.conn()?;
        match demo::seed_if_empty(&mut conn, &mut |msg| eprintln!("{msg}"))? {
            Some(logins) => {
                println!("Demodata är skapad. Inloggningar (lösenorden visas bara nu):");
                let tr = cli_tr();
                for l in &logins {
                    println!(
                        "  {:<16} {:<22} lösenord: {}",
                        l.username,
                        tr.t(l.role.key()),
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
        if let Some(port) = app.metrics_port() {
            println!("Mätvärden för Prometheus: port {port}, sökväg /metrics.");
        }
        app.run_until_stopped()
            .await
            .map_err(|e| AppError::Config(e.to_string()))
    })
}
