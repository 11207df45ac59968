//! SQLite statements for `lagesbild backup` and `lagesbild restore`: a consistent online
//! copy with `VACUUM INTO`, and a restore that rebuilds an empty database from a copy in
//! one transaction. PostgreSQL has pg_dump and pg_restore for this.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct SchemaEntry {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    sql: String,
}

/// A plain connection to a database file: none of the server's settings (no switch to
/// WAL), so reading a backup never changes it.
pub fn open_file(path: &Path) -> Result<SqliteConnection, String> {
    let mut c = SqliteConnection::establish(&path.to_string_lossy()).map_err(|e| e.to_string())?;
    c.batch_execute("PRAGMA busy_timeout = 10000")
        .map_err(|e| e.to_string())?;
    Ok(c)
}

/// The SQLite connection inside the application's connection type.
pub fn sqlite(conn: &mut super::DbConnection) -> &mut SqliteConnection {
    match conn {
        super::DbConnection::Sqlite(c) => c,
        super::DbConnection::Postgres(_) => {
            unreachable!("backup and restore check for SQLite first")
        }
    }
}

/// `"name"` with embedded quotes doubled: identifiers read from `sqlite_master`.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Writes a consistent copy of the whole database to `out` (which must not exist). It
/// reads one snapshot, so writers carry on meanwhile (WAL).
pub fn vacuum_into(conn: &mut SqliteConnection, out: &Path) -> QueryResult<()> {
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(out.to_string_lossy().into_owned())
        .execute(conn)
        .map(|_| ())
}

/// The application's tables in `schema` ("main" or an attached name), by name; SQLite's
/// own (`sqlite_sequence`, `sqlite_stat1`) are left out.
pub fn table_names(conn: &mut SqliteConnection, schema: &str) -> QueryResult<Vec<String>> {
    let rows: Vec<Name> = diesel::sql_query(format!(
        "SELECT name FROM {}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        ident(schema)
    ))
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.name).collect())
}

/// Rows in one table.
pub fn row_count(conn: &mut SqliteConnection, schema: &str, table: &str) -> QueryResult<i64> {
    diesel::sql_query(format!(
        "SELECT COUNT(*) AS n FROM {}.{}",
        ident(schema),
        ident(table)
    ))
    .get_result::<Count>(conn)
    .map(|c| c.n)
}

/// Any schema object (table, index, view, trigger) at all in `main`.
pub fn schema_object_count(conn: &mut SqliteConnection) -> QueryResult<i64> {
    diesel::sql_query("SELECT COUNT(*) AS n FROM main.sqlite_master")
        .get_result::<Count>(conn)
        .map(|c| c.n)
}

/// `PRAGMA integrity_check` of `schema`: "ok", or the problems joined by "; ".
pub fn integrity_check(conn: &mut SqliteConnection, schema: &str) -> QueryResult<String> {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let rows: Vec<Check> =
        diesel::sql_query(format!("PRAGMA {}.integrity_check", ident(schema))).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| r.integrity_check)
        .collect::<Vec<_>>()
        .join("; "))
}

/// The migration versions recorded in `schema`, or `None` when it has no migration table
/// (not a Lägesbild database).
pub fn applied_migrations(
    conn: &mut SqliteConnection,
    schema: &str,
) -> QueryResult<Option<Vec<String>>> {
    if !table_names(conn, schema)?
        .iter()
        .any(|t| t == "__diesel_schema_migrations")
    {
        return Ok(None);
    }
    let rows: Vec<Name> = diesel::sql_query(format!(
        "SELECT version AS name FROM {}.__diesel_schema_migrations ORDER BY version",
        ident(schema)
    ))
    .load(conn)?;
    Ok(Some(rows.into_iter().map(|r| r.name).collect()))
}

pub fn attach(conn: &mut SqliteConnection, file: &Path, schema: &str) -> QueryResult<()> {
    diesel::sql_query(format!("ATTACH DATABASE ? AS {}", ident(schema)))
        .bind::<Text, _>(file.to_string_lossy().into_owned())
        .execute(conn)
        .map(|_| ())
}

pub fn detach(conn: &mut SqliteConnection, schema: &str) -> QueryResult<()> {
    conn.batch_execute(&format!("DETACH DATABASE {}", ident(schema)))
}

/// Recreates every table, index, trigger and view of the attached `from` in `main` and
/// copies every row, in one transaction (all or nothing). Foreign keys are checked at
/// the commit, once every table is full. Returns (table, rows) in name order.
pub fn copy_all(conn: &mut SqliteConnection, from: &str) -> QueryResult<Vec<(String, i64)>> {
    let entries: Vec<SchemaEntry> = diesel::sql_query(format!(
        "SELECT type AS kind, name, sql FROM {}.sqlite_master \
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid",
        ident(from)
    ))
    .load(conn)?;
    conn.immediate_transaction(|conn| {
        conn.batch_execute("PRAGMA defer_foreign_keys = ON")?;
        for e in entries.iter().filter(|e| e.kind == "table") {
            conn.batch_execute(&e.sql)?;
        }
        let mut copied = Vec::new();
        for e in entries.iter().filter(|e| e.kind == "table") {
            let n = diesel::sql_query(format!(
                "INSERT INTO main.{t} SELECT * FROM {f}.{t}",
                t = ident(&e.name),
                f = ident(from)
            ))
            .execute(conn)?;
            copied.push((e.name.clone(), n as i64));
        }
        // AUTOINCREMENT counters, so restored tables never reuse an id.
        let has_sequence = |conn: &mut SqliteConnection, schema: &str| {
            diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM {}.sqlite_master WHERE name = 'sqlite_sequence'",
                ident(schema)
            ))
            .get_result::<Count>(conn)
            .map(|c| c.n > 0)
        };
        if has_sequence(conn, from)? && has_sequence(conn, "main")? {
            conn.batch_execute(&format!(
                "DELETE FROM main.sqlite_sequence; \
                 INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM {}.sqlite_sequence",
                ident(from)
            ))?;
        }
        for e in entries.iter().filter(|e| e.kind != "table") {
            conn.batch_execute(&e.sql)?;
        }
        copied.sort();
        Ok(copied)
    })
}
