//! `lagesbild backup` and `lagesbild restore` on SQLite. A backup is a consistent copy
//! taken while the application runs; a restore fills an empty database from one. On
//! PostgreSQL the database's own tools do this better ([`POSTGRES_ADVICE`]).

use std::path::{Path, PathBuf};

use diesel::migration::MigrationSource;
use diesel::SqliteConnection;

use crate::configuration::DatabaseUrl;
use crate::db::backup::{self as q, sqlite};
use crate::db::{ConnectionManager, SQLITE_MIGRATIONS};
use crate::error::{AppError, AppResult};

/// What the CLI says, with exit code 2, when DATABASE_URL names PostgreSQL.
pub const POSTGRES_ADVICE: &str = "Säkerhetskopiering och återställning av PostgreSQL görs med \
PostgreSQL:s egna verktyg. Ta en kopia medan Lägesbild körs: pg_dump --format=custom \
--file=lagesbild.dump \"$DATABASE_URL\". Återställ till en tom databas: pg_restore --no-owner \
--dbname=\"$DATABASE_URL\" lagesbild.dump, och starta sedan Lägesbild (migreringarna körs vid \
start).";

/// What a backup or restore did.
#[derive(Debug, Clone)]
pub struct Summary {
    pub file: PathBuf,
    pub bytes: u64,
    /// (table, rows), by table name.
    pub tables: Vec<(String, i64)>,
}

impl Summary {
    pub fn rows(&self) -> i64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

fn sqlite_path(url: &DatabaseUrl) -> AppResult<&Path> {
    match url {
        DatabaseUrl::Sqlite(p) => Ok(p),
        DatabaseUrl::Postgres(_) => Err(AppError::Config(POSTGRES_ADVICE.into())),
    }
}

fn file_err(what: &str, path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::Config(format!("{what} {}: {e}", path.display()))
}

fn open_plain(path: &Path) -> AppResult<SqliteConnection> {
    q::open_file(path).map_err(|e| file_err("Kan inte öppna", path, e))
}

fn tables_with_counts(c: &mut SqliteConnection, schema: &str) -> AppResult<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for t in q::table_names(c, schema)? {
        let n = q::row_count(c, schema, &t)?;
        out.push((t, n));
    }
    Ok(out)
}

/// Writes a consistent copy of the SQLite database to `out`, while the application may
/// be running. Never overwrites: `out` must not exist. The copy is written under a
/// temporary name, checked (`PRAGMA integrity_check`), synced to disk, and only then
/// given its name.
pub fn backup(url: &DatabaseUrl, out: &Path) -> AppResult<Summary> {
    let source = sqlite_path(url)?;
    if !source.is_file() {
        return Err(AppError::Config(format!(
            "Databasen {} finns inte. Kontrollera DATABASE_URL.",
            source.display()
        )));
    }
    if out.exists() {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Filen {} finns redan. Ange ett nytt filnamn; en säkerhetskopia skriver aldrig över en annan fil.",
            out.display()
        ))));
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(AppError::Config(format!(
            "Mappen {} finns inte. Skapa den först eller välj en annan plats för säkerhetskopian.",
            dir.display()
        )));
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lagesbild-backup.db".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut conn = ConnectionManager::new(url.clone())
            .establish()
            .map_err(|e| file_err("Kan inte öppna databasen", source, e))?;
        q::vacuum_into(sqlite(&mut conn), &tmp)?;
        drop(conn);
        // VACUUM INTO does not sync its output; a backup must be on disk before it counts.
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| file_err("Kan inte skriva", &tmp, e))?;
        let mut copy = open_plain(&tmp)?;
        let check = q::integrity_check(&mut copy, "main")?;
        if check != "ok" {
            return Err(AppError::Internal(format!(
                "Kopian klarade inte integritetskontrollen: {check}"
            )));
        }
        let tables = tables_with_counts(&mut copy, "main")?;
        drop(copy);
        // A hard link gives the copy its name only if the name is still free.
        std::fs::hard_link(&tmp, out).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                AppError::Conflict(crate::i18n::Msg::verbatim(format!(
                    "Filen {} skapades av någon annan under kopieringen. Ange ett nytt filnamn.",
                    out.display()
                )))
            } else {
                file_err("Kan inte skapa", out, e)
            }
        })?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        let bytes = std::fs::metadata(out)
            .map(|m| m.len())
            .map_err(|e| file_err("Kan inte läsa", out, e))?;
        Ok(Summary {
            file: out.to_path_buf(),
            bytes,
            tables,
        })
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Restores a backup into the SQLite database DATABASE_URL names, which must be empty
/// (a new file, or one without any table). The backup is checked first; everything is
/// copied in one transaction; migrations newer than the backup then run as at start.
pub fn restore(url: &DatabaseUrl, from: &Path) -> AppResult<Summary> {
    let target = sqlite_path(url)?;
    if !from.is_file() {
        return Err(AppError::Config(format!(
            "Säkerhetskopian {} finns inte.",
            from.display()
        )));
    }
    // The copy: intact, a Lägesbild database, and not from a newer version.
    {
        let mut copy = open_plain(from)?;
        let check = q::integrity_check(&mut copy, "main")
            .map_err(|e| file_err("Filen är ingen SQLite-databas:", from, e))?;
        if check != "ok" {
            return Err(AppError::Config(format!(
                "Säkerhetskopian {} är skadad ({check}). Använd en annan kopia.",
                from.display()
            )));
        }
        let applied = q::applied_migrations(&mut copy, "main")?.ok_or_else(|| {
            AppError::Config(format!(
                "{} är ingen säkerhetskopia av Lägesbild (den saknar migreringstabellen).",
                from.display()
            ))
        })?;
        let known = known_migrations()?;
        if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
            return Err(AppError::Config(format!(
                "Säkerhetskopian kommer från en nyare version av Lägesbild (migrering {unknown}). Återställ den med den versionen."
            )));
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| file_err("Kan inte skapa mappen", dir, e))?;
    }
    let mut conn = ConnectionManager::new(url.clone())
        .establish()
        .map_err(|e| file_err("Kan inte öppna databasen", target, e))?;
    let c = sqlite(&mut conn);
    let objects = q::schema_object_count(c)?;
    if objects > 0 {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Databasen {} är inte tom ({objects} tabeller och index). Återställning görs bara till en tom databas: ange en ny fil i DATABASE_URL.",
            target.display()
        ))));
    }
    const FROM: &str = "lagesbild_backup";
    q::attach(c, from, FROM)?;
    let copied = q::copy_all(c, FROM);
    q::detach(c, FROM)?;
    let tables = copied?;
    crate::db::run_migrations(&mut conn)?;
    let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
    Ok(Summary {
        file: target.to_path_buf(),
        bytes,
        tables,
    })
}

/// The versions of the migrations this binary carries, as diesel records them.
fn known_migrations() -> AppResult<Vec<String>> {
    let migrations = MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(migrations
        .iter()
        .map(|m| m.name().version().to_string())
        .collect())
}
