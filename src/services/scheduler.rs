//! The background scheduler: every `LAGESBILD_SCHEDULER_INTERVAL_SECS` it closes open
//! periods whose deadline has passed, makes the deadline reminders that are due and sends
//! the e-mail in the outbox.
//!
//! Several instances may share one database; exactly one leads. Each round, an instance
//! takes or renews the lease row in one statement (`UPDATE scheduler_lease SET holder =
//! me, expires_at = now + ttl WHERE holder = me OR expires_at < now`): while the leader
//! renews, nobody else matches; when it stops (or dies), another takes over once the
//! lease has expired, at most three rounds later. The work is safe even if two ever ran
//! at once (a clock jump): closing a period twice changes nothing, reminders have a unique
//! key, and each e-mail is claimed before it is sent.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use rand::distr::{Alphanumeric, SampleString};

use super::mail::{self, DrainReport, Mailer};
use super::{notifications, now, periods};
use crate::configuration::NotificationSettings;
use crate::db::queries::notifications as q;
use crate::db::{transaction, Database, DbConnection};
use crate::domain::period::Period;
use crate::error::AppResult;
use crate::i18n::Catalogue;
use crate::metrics::Metrics;

/// A handle to this instance's scheduler. Cheap to clone.
#[derive(Clone)]
pub struct Scheduler {
    inner: Arc<Inner>,
}

struct Inner {
    db: Database,
    settings: NotificationSettings,
    mailer: Option<Mailer>,
    catalogue: Arc<Catalogue>,
    metrics: Arc<Metrics>,
    /// Who this instance is in the lease row: the process id and a random part.
    holder: String,
    /// The day this instance last deleted what is past its retention (once a day is
    /// enough; the rounds come every minute).
    last_purge: std::sync::Mutex<Option<chrono::NaiveDate>>,
}

/// What one round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickReport {
    /// Whether this instance led (did the work) this round.
    pub leader: bool,
    /// Periods closed because their deadline had passed.
    pub closed: Vec<String>,
    pub reminders: usize,
    pub mail: DrainReport,
    /// Old notifications and finished e-mail records deleted (retention).
    pub purged: usize,
}

impl Scheduler {
    pub fn new(
        db: Database,
        settings: &NotificationSettings,
        catalogue: Arc<Catalogue>,
        metrics: Arc<Metrics>,
    ) -> AppResult<Self> {
        let holder = format!(
            "pid{}-{}",
            std::process::id(),
            Alphanumeric.sample_string(&mut rand::rng(), 12)
        );
        Ok(Self {
            inner: Arc::new(Inner {
                mailer: Mailer::from_settings(settings)?,
                settings: settings.clone(),
                db,
                catalogue,
                metrics,
                holder,
                last_purge: std::sync::Mutex::new(None),
            }),
        })
    }

    pub fn holder(&self) -> &str {
        &self.inner.holder
    }

    /// How long a lease lasts: three rounds, and at least 10 seconds.
    pub fn lease_secs(&self) -> i64 {
        (3 * self.inner.settings.interval_secs as i64).max(10)
    }

    /// One round now.
    pub async fn tick(&self) -> AppResult<TickReport> {
        self.tick_at(now()).await
    }

    /// One round as if the time were `now` (tests move the clock on; the work compares
    /// deadlines, lease and retry times with it).
    pub async fn tick_at(&self, now: NaiveDateTime) -> AppResult<TickReport> {
        let inner = &self.inner;
        let (holder, until) = (
            inner.holder.clone(),
            now + chrono::Duration::seconds(self.lease_secs()),
        );
        let leader = inner
            .db
            .run(move |c| {
                q::ensure_lease(c)?;
                Ok(q::take_lease(c, &holder, now, until)?)
            })
            .await?;
        inner.metrics.set_scheduler_leader(leader);
        let mut report = TickReport {
            leader,
            ..Default::default()
        };
        if !leader {
            return Ok(report);
        }
        let today = now.date();
        // Each step on its own: a failure is logged and the others still run.
        match inner.db.run(move |c| close_overdue_periods(c, today)).await {
            Ok(closed) => report.closed = closed,
            Err(e) => tracing::error!(error = %e, "scheduler: closing periods failed"),
        }
        let days = inner.settings.reminder_days.clone();
        match inner
            .db
            .run(move |c| notifications::create_reminders(c, today, &days))
            .await
        {
            Ok(n) => report.reminders = n,
            Err(e) => tracing::error!(error = %e, "scheduler: reminders failed"),
        }
        match mail::drain(
            &inner.db,
            inner.mailer.as_ref(),
            &inner.catalogue,
            &inner.metrics,
            now,
        )
        .await
        {
            Ok(m) => report.mail = m,
            Err(e) => tracing::error!(error = %e, "scheduler: sending e-mail failed"),
        }
        // Data minimisation: what is past its retention goes (addresses included), in the
        // first round this instance leads each day.
        let purge_due = {
            let mut last = inner
                .last_purge
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            last.replace(today) != Some(today)
        };
        if purge_due {
            let cutoff = now - chrono::Duration::days(i64::from(inner.settings.retention_days));
            match inner
                .db
                .run(move |c| transaction(c, |c| Ok(q::purge_before(c, cutoff)?)))
                .await
            {
                Ok((mail, notes)) => report.purged = mail + notes,
                Err(e) => {
                    tracing::error!(error = %e, "scheduler: deleting old notifications failed")
                }
            }
        }
        if !report.closed.is_empty()
            || report.purged > 0
            || report.reminders > 0
            || report.mail != DrainReport::default()
        {
            tracing::info!(
                closed = report.closed.len(),
                reminders = report.reminders,
                sent = report.mail.sent,
                retry = report.mail.retry,
                failed = report.mail.failed,
                refused = report.mail.refused,
                purged = report.purged,
                "scheduler round"
            );
        }
        Ok(report)
    }

    /// Runs a round every interval until `stop` turns true (or its sender is dropped),
    /// then gives up the lease. A round in progress is finished first.
    pub async fn run(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        let every = Duration::from_secs(self.inner.settings.interval_secs.max(1));
        let mut timer = tokio::time::interval(every);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tracing::info!(
            interval_secs = every.as_secs(),
            mail = self.inner.mailer.is_some(),
            "scheduler started"
        );
        loop {
            tokio::select! {
                _ = timer.tick() => {
                    if let Err(e) = self.tick().await {
                        tracing::warn!(error = %e, "scheduler round failed");
                    }
                }
                changed = stop.changed() => {
                    if changed.is_err() || *stop.borrow() {
                        break;
                    }
                }
            }
        }
        let holder = self.inner.holder.clone();
        if let Err(e) = self
            .inner
            .db
            .run(move |c| Ok(q::release_lease(c, &holder)?))
            .await
        {
            tracing::warn!(error = %e, "scheduler: could not release the lease");
        }
        self.inner.metrics.set_scheduler_leader(false);
        tracing::info!("scheduler stopped");
    }
}

/// Closes every open period whose deadline is before `today`, through the period service
/// (audited as the system). Returns the codes closed.
pub fn close_overdue_periods(
    conn: &mut DbConnection,
    today: chrono::NaiveDate,
) -> AppResult<Vec<String>> {
    let mut closed = Vec::new();
    for (_, code, deadline) in q::open_with_deadline(conn)? {
        if deadline >= today {
            continue;
        }
        let Ok(period) = Period::parse(&code) else {
            tracing::warn!(
                period = code.as_str(),
                "scheduler: a period code it cannot read"
            );
            continue;
        };
        transaction(conn, |c| periods::close_period(c, None, period))?;
        closed.push(code);
    }
    Ok(closed)
}
