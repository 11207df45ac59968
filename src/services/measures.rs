//! The register of measures (åtgärder) and their measured effect: computed from the data,
//! never typed in.

use chrono::NaiveDate;

use super::aggregation;
use super::auth::User;
use super::{audit, now, taxonomy};
use crate::charts::ChartMarker;
use crate::db::models::{AgencyRow, MeasureFields, MeasureRow};
use crate::db::queries::{agencies, measures as q};
use crate::db::{transaction, DbConnection};
use crate::domain::effect::{measure_effect, EffectVerdict};
use crate::domain::measure::{MeasureKind, MeasureStatus};
use crate::domain::notice::screen_text;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// Periods before and after the start compared by default.
pub const DEFAULT_EFFECT_PERIODS: usize = 4;
/// The longest title and description.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// A measure as entered in the form.
#[derive(Debug, Clone, Default)]
pub struct MeasureInput {
    pub title: String,
    pub kind: String,
    pub description: String,
    pub status: String,
    pub start_on: String,
    pub end_on: String,
    pub agencies: Vec<String>,
    pub misuse_types: Vec<String>,
    pub document_types: Vec<String>,
    pub exploitation_areas: Vec<String>,
}

struct Parsed {
    title: String,
    kind: MeasureKind,
    description: Option<String>,
    status: MeasureStatus,
    start_on: NaiveDate,
    end_on: Option<NaiveDate>,
    agency_ids: Vec<i64>,
    targets: Vec<(String, String)>,
}

fn parse(conn: &mut DbConnection, input: &MeasureInput) -> AppResult<Parsed> {
    let mut errors = Vec::new();
    let title = input.title.trim().to_string();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        errors.push(FieldError::new(
            "title",
            "required",
            Msg::new("measures-title-required").arg("max", MAX_TITLE_CHARS),
        ));
    } else if let Err(e) = screen_text("title", Msg::new("measures-field-title"), &title) {
        errors.extend(e);
    }
    let description = match input.description.trim() {
        "" => None,
        d if d.chars().count() > MAX_DESCRIPTION_CHARS => {
            errors.push(FieldError::new(
                "description",
                "too_long",
                Msg::new("measures-description-too-long").arg("max", MAX_DESCRIPTION_CHARS),
            ));
            None
        }
        d => match screen_text("description", Msg::new("measures-field-description"), d) {
            Ok(()) => Some(d.to_string()),
            Err(e) => {
                errors.extend(e);
                None
            }
        },
    };
    let kind = MeasureKind::parse(&input.kind);
    if kind.is_none() {
        errors.push(FieldError::new(
            "kind",
            "required",
            Msg::new("measures-kind-required"),
        ));
    }
    let status = MeasureStatus::parse(&input.status);
    if status.is_none() {
        errors.push(FieldError::new(
            "status",
            "required",
            Msg::new("measures-status-required"),
        ));
    }
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let start_on = date(&input.start_on);
    if start_on.is_none() {
        errors.push(FieldError::new(
            "start_on",
            "invalid",
            Msg::new("measures-start-invalid"),
        ));
    }
    let end_on = match input.end_on.trim() {
        "" => None,
        s => match date(s) {
            Some(d) if start_on.is_none_or(|st| d >= st) => Some(d),
            Some(_) => {
                errors.push(FieldError::new(
                    "end_on",
                    "invalid",
                    Msg::new("measures-end-before-start"),
                ));
                None
            }
            None => {
                errors.push(FieldError::new(
                    "end_on",
                    "invalid",
                    Msg::new("measures-end-invalid"),
                ));
                None
            }
        },
    };
    let mut agency_ids = Vec::new();
    for code in input.agencies.iter().filter(|c| !c.trim().is_empty()) {
        match agencies::by_code(conn, code.trim())? {
            Some(a) => agency_ids.push(a.id),
            None => errors.push(FieldError::new(
                "agencies",
                "invalid_code",
                Msg::new("measures-agency-unknown").arg("code", code.trim()),
            )),
        }
    }
    let tax = taxonomy::load(conn)?;
    let mut targets = Vec::new();
    for (dim, codes) in [
        (Dimension::MisuseType, &input.misuse_types),
        (Dimension::DocumentType, &input.document_types),
        (Dimension::ExploitationArea, &input.exploitation_areas),
    ] {
        for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            if tax.all(dim).any(|e| e.code == code) {
                targets.push((dim.code().to_string(), code.to_string()));
            } else {
                errors.push(FieldError::new(
                    dim.code(),
                    "invalid_code",
                    Msg::new("measures-target-invalid").arg("dimension", dim.code()),
                ));
            }
        }
    }
    if !targets
        .iter()
        .any(|(d, _)| d == Dimension::MisuseType.code())
    {
        errors.push(FieldError::new(
            "misuse_type",
            "required",
            Msg::new("measures-misuse-type-required"),
        ));
    }
    match (kind, status, start_on, errors.is_empty()) {
        (Some(kind), Some(status), Some(start_on), true) => Ok(Parsed {
            title,
            kind,
            description,
            status,
            start_on,
            end_on,
            agency_ids,
            targets,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// Creates (`id` None) or updates a measure. Every change is audited.
pub fn save(
    conn: &mut DbConnection,
    user: &User,
    id: Option<i64>,
    input: &MeasureInput,
) -> AppResult<i64> {
    let result = transaction(conn, |conn| {
        let p = parse(conn, input)?;
        let fields = MeasureFields {
            title: &p.title,
            kind: p.kind.code(),
            description: p.description.as_deref(),
            status: p.status.code(),
            start_on: p.start_on,
            end_on: p.end_on,
            updated_at: now(),
        };
        let id = match id {
            Some(id) => {
                q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
                q::update(conn, id, &fields)?;
                audit::record(
                    conn,
                    Some(user),
                    "measure_updated",
                    "measure",
                    Some(&id.to_string()),
                    Some(p.status.code()),
                )?;
                id
            }
            None => {
                let id = q::insert(conn, &fields, user.id)?;
                audit::record(
                    conn,
                    Some(user),
                    "measure_created",
                    "measure",
                    Some(&id.to_string()),
                    Some(p.status.code()),
                )?;
                id
            }
        };
        q::replace_links(conn, id, &p.agency_ids, &p.targets)?;
        Ok(id)
    });
    if let Err(AppError::Validation(errors)) = &result {
        if errors.iter().any(|e| e.code == "personal_data") {
            audit::record(
                conn,
                Some(user),
                "personal_data_refused",
                "measure",
                id.map(|i| i.to_string()).as_deref(),
                None,
            )?;
        }
    }
    result
}

/// The measured effect on one targeted misuse type.
#[derive(Debug, Clone)]
pub struct TargetEffect {
    pub misuse_type: String,
    pub verdict: EffectVerdict,
}

/// A measure with everything its page shows.
pub struct MeasureDetail {
    pub measure: MeasureRow,
    pub kind: MeasureKind,
    pub status: MeasureStatus,
    pub agencies: Vec<AgencyRow>,
    /// (dimension, code, Swedish label); pages take the label of their language from
    /// `taxonomy`.
    pub targets: Vec<(String, String, String)>,
    pub start_period: Period,
    pub effects: Vec<TargetEffect>,
    pub effect_periods: usize,
    pub taxonomy: Taxonomy,
}

pub fn detail(conn: &mut DbConnection, id: i64, n: usize) -> AppResult<MeasureDetail> {
    let measure = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let tax = taxonomy::load(conn)?;
    let targets: Vec<(String, String, String)> = q::targets_of(conn, id)?
        .into_iter()
        .map(|(d, c)| {
            let label = Dimension::parse(&d)
                .map(|dim| tax.label_sv(dim, &c).to_string())
                .unwrap_or_else(|| c.clone());
            (d, c, label)
        })
        .collect();
    let start_period = Period::quarter_of(measure.start_on);
    let effects = effects(conn, start_period, &targets, n)?;
    Ok(MeasureDetail {
        kind: MeasureKind::parse(&measure.kind).unwrap_or(MeasureKind::Other),
        status: MeasureStatus::parse(&measure.status).unwrap_or(MeasureStatus::Proposed),
        agencies: q::agencies_of(conn, id)?,
        targets,
        start_period,
        effects,
        effect_periods: n,
        measure,
        taxonomy: tax,
    })
}

/// For each targeted misuse type: quarterly totals over every source, `n` quarters before
/// the start against `n` from the start on, with the exact conditional Poisson test.
/// Quarters after the latest one with accepted data are not counted (they have not
/// happened or not been reported yet).
fn effects(
    conn: &mut DbConnection,
    start: Period,
    targets: &[(String, String, String)],
    n: usize,
) -> AppResult<Vec<TargetEffect>> {
    let latest = aggregation::latest_quarter(conn)?;
    let wanted_end = start.offset(n as i64 - 1);
    let end = match latest {
        Some(l) if l < wanted_end => l.max(start.previous()),
        _ => wanted_end,
    };
    let first = start.offset(-(n as i64));
    let len = first.range_to(end).len();
    let table = aggregation::quarterly_by_misuse_type(conn, Some(end), len.max(1))?;
    let start_index = table
        .periods
        .iter()
        .position(|p| *p == start)
        .unwrap_or(table.periods.len());
    Ok(targets
        .iter()
        .filter(|(d, _, _)| d == Dimension::MisuseType.code())
        .map(|(_, code, _)| {
            let series: Vec<Option<u64>> = table
                .series
                .iter()
                .find(|s| &s.code == code)
                .map(|s| {
                    s.values
                        .iter()
                        .map(|v| v.map(|x| x.max(0) as u64))
                        .collect()
                })
                .unwrap_or_default();
            TargetEffect {
                misuse_type: code.clone(),
                verdict: measure_effect(&series, start_index, n),
            }
        })
        .collect())
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<MeasureRow>> {
    Ok(q::all(conn)?)
}

/// Markers for a quarterly chart from `from` to `to`: measures taken (decided, in force or
/// ended) that started in the range and target one of `misuse_types` (all when None).
pub fn markers(
    conn: &mut DbConnection,
    periods: &[Period],
    misuse_types: Option<&[String]>,
) -> AppResult<Vec<ChartMarker>> {
    let mut out = Vec::new();
    for m in q::all(conn)? {
        if !MeasureStatus::parse(&m.status).is_some_and(|s| s.taken()) {
            continue;
        }
        let start = Period::quarter_of(m.start_on);
        let Some(x) = periods
            .iter()
            .position(|p| p.rollup(PeriodKind::Quarter) == Some(start))
        else {
            continue;
        };
        if let Some(types) = misuse_types {
            let targets = q::targets_of(conn, m.id)?;
            if !targets
                .iter()
                .any(|(d, c)| d == Dimension::MisuseType.code() && types.contains(c))
            {
                continue;
            }
        }
        out.push(ChartMarker {
            x,
            label: short_label(&m.title),
        });
    }
    Ok(out)
}

fn short_label(title: &str) -> String {
    const MAX: usize = 28;
    if title.chars().count() <= MAX {
        title.to_string()
    } else {
        format!("{}…", title.chars().take(MAX - 1).collect::<String>())
    }
}

/// Measures whose active time overlaps `from..=to` (open-ended ones count as ongoing).
pub fn in_range(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<MeasureRow>> {
    Ok(q::all(conn)?
        .into_iter()
        .filter(|m| m.start_on <= to && m.end_on.is_none_or(|e| e >= from))
        .collect())
}
