//! The audit log (granskningslogg): who did what, when. Never free text from users.

use super::auth::User;
use super::now;
use crate::db::models::NewAudit;
use crate::db::queries::audit;
use crate::db::DbConnection;
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
    audit::insert(
        conn,
        &NewAudit {
            at: now(),
            actor_user_id: actor.map(|u| u.id),
            actor: actor.map(|u| u.username.as_str()).unwrap_or("system"),
            action,
            entity,
            entity_id,
            detail,
        },
    )?;
    Ok(())
}

/// A record with no known actor (failed logins).
pub fn record_anonymous(
    conn: &mut DbConnection,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
) -> AppResult<()> {
    audit::insert(
        conn,
        &NewAudit {
            at: now(),
            actor_user_id: None,
            actor: "anonymous",
            action,
            entity,
            entity_id,
            detail: None,
        },
    )?;
    Ok(())
}
