//! The audit log table. Appends are serialised by [`lock_chain`]; the chain itself is
//! computed in `services::audit` with `domain::audit_chain`.

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::models::{AuditRow, NewAudit};
use crate::db::schema::audit_log;
use crate::db::{DbConnection, MultiBackend};
use crate::with_backend;

/// The PostgreSQL advisory-lock key that serialises audit appends across instances
/// ("LGBAUD"; the migration lock uses another key).
const CHAIN_LOCK_KEY: i64 = 0x4c47_4241_5544;

/// Takes the audit chain's append lock for the rest of the current transaction, so that
/// reading the last record and inserting the next happen with no other append in between
/// (from this instance or any other sharing the database). Must be called inside
/// [`crate::db::transaction`].
///
/// * PostgreSQL: `pg_advisory_xact_lock`, released when the outermost transaction ends.
///   Under READ COMMITTED every later statement sees what the previous holder committed.
/// * SQLite: nothing to do here, because `db::transaction` opens every transaction with
///   `BEGIN IMMEDIATE`: the connection already holds the database's single write lock, and
///   its snapshot is the newest, so the read cannot be stale and the insert never has to
///   upgrade a read (which in WAL mode fails at once with SQLITE_BUSY_SNAPSHOT).
pub fn lock_chain(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Postgres(c) => {
            c.batch_execute(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})"))
        }
        DbConnection::Sqlite(_) => Ok(()),
    }
}

/// Inserts a record (its hash still empty); returns its id.
pub fn insert(conn: &mut DbConnection, new: &NewAudit<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(audit_log::table)
        .values(new)
        .returning(audit_log::id)
        .get_result(c))
}

/// The newest records.
pub fn recent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)
}

/// Sets a record's chain link and hash.
pub fn set_chain(
    conn: &mut DbConnection,
    id: i64,
    prev_hash: &str,
    hash: &str,
) -> QueryResult<usize> {
    diesel::update(audit_log::table.find(id))
        .set((audit_log::prev_hash.eq(prev_hash), audit_log::hash.eq(hash)))
        .execute(conn)
}

/// The record with the highest id and its hash (`None` when it is not sealed).
pub fn last(conn: &mut DbConnection) -> QueryResult<Option<(i64, Option<String>)>> {
    audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash))
        .first(conn)
        .optional()
}

/// The sealed record with the highest id, and its hash.
pub fn last_sealed(conn: &mut DbConnection) -> QueryResult<Option<(i64, String)>> {
    audit_log::table
        .filter(audit_log::hash.is_not_null())
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash.assume_not_null()))
        .first(conn)
        .optional()
}

/// Up to `limit` records with an id above `after`, in id order (for walking the chain).
pub fn after(conn: &mut DbConnection, after: i64, limit: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)
}

/// What the admin's audit page filters on; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub entity: Option<String>,
    /// At or after this instant.
    pub from: Option<NaiveDateTime>,
    /// Before this instant.
    pub until: Option<NaiveDateTime>,
}

fn filtered(f: &AuditFilter) -> audit_log::BoxedQuery<'static, MultiBackend> {
    let mut q = audit_log::table.into_boxed::<MultiBackend>();
    if let Some(a) = &f.actor {
        q = q.filter(audit_log::actor.eq(a.clone()));
    }
    if let Some(a) = &f.action {
        q = q.filter(audit_log::action.eq(a.clone()));
    }
    if let Some(e) = &f.entity {
        q = q.filter(audit_log::entity.eq(e.clone()));
    }
    if let Some(t) = f.from {
        q = q.filter(audit_log::at.ge(t));
    }
    if let Some(t) = f.until {
        q = q.filter(audit_log::at.lt(t));
    }
    q
}

/// How many records match.
pub fn count(conn: &mut DbConnection, f: &AuditFilter) -> QueryResult<i64> {
    filtered(f).count().get_result(conn)
}

/// Matching records, newest first: one page (`Some((offset, limit))`) or all of them.
pub fn search(
    conn: &mut DbConnection,
    f: &AuditFilter,
    page: Option<(i64, i64)>,
) -> QueryResult<Vec<AuditRow>> {
    let mut q = filtered(f)
        .select(AuditRow::as_select())
        .order(audit_log::id.desc());
    if let Some((offset, limit)) = page {
        q = q.offset(offset).limit(limit);
    }
    q.load(conn)
}

/// The distinct actions in the log, sorted (for the filter's choices).
pub fn actions(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action.asc())
        .load(conn)
}

/// The distinct entity kinds in the log, sorted.
pub fn entities(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::entity)
        .distinct()
        .order(audit_log::entity.asc())
        .load(conn)
}
