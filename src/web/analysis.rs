//! The analysis API: cross tables with disclosure control, and signals.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::auth::{Authorized, DashboardReader};
use super::errors::ApiError;
use super::routes::Routes;
use super::AppState;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::domain::taxonomy::Dimension;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::aggregation::Filters;
use crate::services::analysis::{self, Axis, CrossQuery};

pub fn config(r: &mut Routes) {
    r.get("/api/v1/aggregates", aggregates)
        .get("/api/v1/signals", signals_api);
}

/// The query string shared by the aggregates API and the dashboard tables.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TableParams {
    pub period: Option<String>,
    pub rows: Option<String>,
    pub cols: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub disclosure: Option<String>,
    pub agency: Option<String>,
    pub source: Option<String>,
    pub misuse_type: Option<String>,
    pub exploitation_area: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    pub age_band: Option<String>,
    pub citizenship: Option<String>,
    pub fraud_type: Option<String>,
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

impl TableParams {
    pub fn filters(&self) -> Filters {
        let mut f = Filters {
            agency: nonempty(&self.agency),
            source: nonempty(&self.source),
            taxonomy: Vec::new(),
        };
        for (d, v) in [
            (Dimension::MisuseType, &self.misuse_type),
            (Dimension::ExploitationArea, &self.exploitation_area),
            (Dimension::DocumentType, &self.document_type),
            (Dimension::ChainStage, &self.chain_stage),
            (Dimension::AgeBand, &self.age_band),
            (Dimension::Citizenship, &self.citizenship),
            (Dimension::FraudType, &self.fraud_type),
        ] {
            if let Some(v) = nonempty(v) {
                f.taxonomy.push((d, v));
            }
        }
        f
    }

    fn period(v: &Option<String>) -> Result<Option<Period>, AppError> {
        nonempty(v)
            .map(|s| Period::parse(&s).map_err(|e| AppError::BadRequest(e.msg())))
            .transpose()
    }

    /// The cross query these parameters describe.
    pub fn query(&self, default_rows: Axis, default_cols: Axis) -> Result<CrossQuery, AppError> {
        let rows = nonempty(&self.rows)
            .map(|r| Axis::parse(&r))
            .transpose()?
            .unwrap_or(default_rows);
        let cols = nonempty(&self.cols)
            .map(|c| Axis::parse(&c))
            .transpose()?
            .unwrap_or(default_cols);
        let period = Self::period(&self.period)?;
        let uses_period = rows == Axis::Period || cols == Axis::Period;
        let to = Self::period(&self.to)?
            .or(period)
            .ok_or_else(|| AppError::BadRequest(Msg::new("analysis-period-required")))?;
        // Without a period axis the table covers the one period asked for.
        let from = if uses_period {
            Self::period(&self.from)?.unwrap_or_else(|| analysis::default_from(to))
        } else {
            to
        };
        if from.kind() != to.kind() {
            return Err(AppError::BadRequest(Msg::new(
                "analysis-period-kinds-differ",
            )));
        }
        Ok(CrossQuery {
            rows,
            cols,
            from,
            to,
            filters: self.filters(),
        })
    }

    /// Disclosure control: always for the ministry, on request for others. A value that
    /// is neither on nor off is refused rather than read as off: whoever asked for
    /// protection must not silently get unprotected figures.
    pub fn disclosure(&self, role: Role, k: u64) -> Result<Option<u64>, AppError> {
        let asked = match self.disclosure.as_deref().map(str::trim) {
            None | Some("" | "off" | "0" | "false") => false,
            Some("on" | "1" | "true") => true,
            Some(_) => return Err(AppError::BadRequest(Msg::new("analysis-disclosure-value"))),
        };
        Ok((asked || role == Role::Ministry).then_some(k))
    }
}

async fn aggregates(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<TableParams>,
) -> Result<HttpResponse, ApiError> {
    let query = q.query(Axis::Dim(Dimension::MisuseType), Axis::Agency)?;
    let k = q.disclosure(auth.user.role, state.settings.min_cell)?;
    let table = state.db.run(move |c| analysis::cross(c, &query)).await?;
    Ok(HttpResponse::Ok().json(analysis::publish(&table, k)))
}

#[derive(Deserialize)]
struct SignalQuery {
    period: Option<String>,
}

async fn signals_api(
    state: web::Data<AppState>,
    _auth: Authorized<DashboardReader>,
    q: web::Query<SignalQuery>,
) -> Result<HttpResponse, ApiError> {
    let period = Period::parse(q.period.as_deref().unwrap_or("").trim())
        .map_err(|e| AppError::BadRequest(e.msg()))?;
    let alpha = state.settings.signal_alpha;
    let cache = state.signals.clone();
    let list = state.db.run(move |c| cache.get(c, period, alpha)).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "signals": *list })))
}
