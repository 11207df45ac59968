//! The audit log (granskningslogg): who did what, when. Never free text from users.
//!
//! Every record is sealed into a hash chain (`domain::audit_chain`) as it is written:
//! under the chain lock (`db::queries::audit::lock_chain`, inside the caller's transaction
//! if there is one) the last record's hash is read, the new record is inserted pointing at
//! it, and its own hash is computed from its id and stored. A rolled-back transaction takes
//! its audit records with it and the chain simply continues from the last committed one.
//!
//! Records written before the chain existed (hash NULL) are sealed in id order, starting
//! from the genesis, by [`seal_unsealed`] when the program starts, or at the latest by the
//! next append. Only records after the last sealed one are ever sealed: a record in the
//! middle of the chain that has lost its hash is reported by [`verify`], never re-sealed.

use super::auth::User;
use super::now;
use crate::db::models::{AuditRow, NewAudit};
use crate::db::queries::audit;
pub use crate::db::queries::audit::AuditFilter;
use crate::db::{transaction, DbConnection};
use crate::domain::audit_chain::{self, Broken, Record, Verifier, GENESIS};
use crate::domain::message::Msg;
use crate::error::AppResult;

/// Appends one record. `detail` is a short machine-made note (codes, counts), never
/// user-supplied text.
pub fn record(
    conn: &mut DbConnection,
    actor: Option<&User>,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    detail: Option<&str>,
) -> AppResult<()> {
    append(
        conn,
        actor.map(|u| u.id),
        actor.map(|u| u.username.as_str()).unwrap_or("system"),
        action,
        entity,
        entity_id,
        detail,
    )
    .map(|_| ())
}

/// A record with no known actor (failed logins).
pub fn record_anonymous(
    conn: &mut DbConnection,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
) -> AppResult<()> {
    append(conn, None, "anonymous", action, entity, entity_id, None).map(|_| ())
}

fn append(
    conn: &mut DbConnection,
    actor_user_id: Option<i64>,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    detail: Option<&str>,
) -> AppResult<i64> {
    transaction(conn, |conn| {
        audit::lock_chain(conn)?;
        let prev_hash = head_locked(conn)?;
        let at = audit_chain::stored_instant(now());
        let id = audit::insert(
            conn,
            &NewAudit {
                at,
                actor_user_id,
                actor,
                action,
                entity,
                entity_id,
                detail,
                prev_hash: Some(&prev_hash),
            },
        )?;
        let record = Record {
            id,
            at,
            actor_user_id,
            actor,
            action,
            entity,
            entity_id,
            detail,
        };
        audit::set_chain(
            conn,
            id,
            &prev_hash,
            &audit_chain::hash(&record, &prev_hash),
        )?;
        Ok(id)
    })
}

/// The hash the next record must point at. Seals an unsealed tail first. Needs the lock.
fn head_locked(conn: &mut DbConnection) -> AppResult<String> {
    match audit::last(conn)? {
        None => Ok(GENESIS.to_string()),
        Some((_, Some(hash))) => Ok(hash),
        Some((_, None)) => Ok(seal_tail_locked(conn)?.0),
    }
}

/// Seals, in id order, every record after the last sealed one (all of them if none is).
/// Returns the new head hash and how many records were sealed. Needs the lock.
fn seal_tail_locked(conn: &mut DbConnection) -> AppResult<(String, u64)> {
    let (mut prev, mut after) = match audit::last_sealed(conn)? {
        Some((id, hash)) => (hash, id),
        None => (GENESIS.to_string(), i64::MIN),
    };
    let mut sealed = 0;
    loop {
        let rows = audit::after(conn, after, 1000)?;
        if rows.is_empty() {
            return Ok((prev, sealed));
        }
        for row in &rows {
            let hash = audit_chain::hash(&chained(row), &prev);
            audit::set_chain(conn, row.id, &prev, &hash)?;
            prev = hash;
            after = row.id;
            sealed += 1;
        }
    }
}

/// Seals records written before the chain existed (an upgraded database). Run at start;
/// a no-op when everything is sealed. Returns how many records it sealed.
pub fn seal_unsealed(conn: &mut DbConnection) -> AppResult<u64> {
    transaction(conn, |conn| {
        audit::lock_chain(conn)?;
        match audit::last(conn)? {
            Some((_, None)) => Ok(seal_tail_locked(conn)?.1),
            _ => Ok(0),
        }
    })
}

fn chained(row: &AuditRow) -> Record<'_> {
    Record {
        id: row.id,
        at: row.at,
        actor_user_id: row.actor_user_id,
        actor: &row.actor,
        action: &row.action,
        entity: &row.entity,
        entity_id: row.entity_id.as_deref(),
        detail: row.detail.as_deref(),
    }
}

/// The outcome of walking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainStatus {
    /// Records that passed, in id order, before the first broken one (all, if intact).
    pub checked: u64,
    /// The last record that passed and its hash.
    pub head: Option<(i64, String)>,
    /// The first broken link, if any.
    pub broken: Option<Broken>,
}

impl ChainStatus {
    pub fn intact(&self) -> bool {
        self.broken.is_none()
    }

    /// One line for the command line and the admin page.
    pub fn summary(&self) -> Msg {
        match &self.broken {
            None => Msg::new("admin-audit-chain-intact").arg("count", self.checked),
            Some(b) => Msg::new("admin-audit-chain-broken")
                .arg("id", b.id.to_string())
                .arg("reason", b.describe())
                .arg("count", self.checked),
        }
    }
}

/// Walks the chain in id order and stops at the first broken link. Reads in batches, so
/// its memory does not grow with the log; records appended meanwhile are included.
pub fn verify(conn: &mut DbConnection) -> AppResult<ChainStatus> {
    const BATCH: i64 = 5000;
    let mut verifier = Verifier::new();
    let mut after = i64::MIN;
    let mut broken = None;
    'walk: loop {
        let rows = audit::after(conn, after, BATCH)?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            if let Err(b) =
                verifier.check(&chained(row), row.prev_hash.as_deref(), row.hash.as_deref())
            {
                broken = Some(b);
                break 'walk;
            }
            after = row.id;
        }
    }
    Ok(ChainStatus {
        checked: verifier.checked(),
        head: verifier.head().map(|(id, h)| (id, h.to_string())),
        broken,
    })
}

/// Records per page on the admin's audit page.
pub const PAGE_SIZE: i64 = 100;

/// One page of matching records, newest first.
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    /// How many records match in all.
    pub total: i64,
    /// The page shown (the one asked for, or the last one if it was beyond the end).
    pub page: i64,
    pub pages: i64,
}

/// Page `page` (from 1) of `per_page` matching records.
pub fn search(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    page: i64,
    per_page: i64,
) -> AppResult<AuditPage> {
    let total = audit::count(conn, filter)?;
    let pages = ((total + per_page - 1) / per_page).max(1);
    let page = page.clamp(1, pages);
    let rows = audit::search(conn, filter, Some(((page - 1) * per_page, per_page)))?;
    Ok(AuditPage {
        rows,
        total,
        page,
        pages,
    })
}

/// Every matching record, newest first (for the CSV export).
pub fn all_matching(conn: &mut DbConnection, filter: &AuditFilter) -> AppResult<Vec<AuditRow>> {
    Ok(audit::search(conn, filter, None)?)
}

/// The actions and entity kinds that occur in the log (the filter's choices).
pub fn filter_choices(conn: &mut DbConnection) -> AppResult<(Vec<String>, Vec<String>)> {
    Ok((audit::actions(conn)?, audit::entities(conn)?))
}
