//! Översikt: the trend of accepted observations, as a chart and the same numbers in a table.
//!
//! Every page here is in the reader's language: texts from the catalogue, taxonomy labels
//! and agency names of that language, numbers written the language's way (`1 234` /
//! `1,234`), and the charts drawn with the same texts.

use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{Authorized, DashboardReader};
use super::layout::{render, Choice, Chrome};
use super::routes::Routes;
use super::AppState;
use crate::charts;
use crate::db::models::AgencyRow;
use crate::domain::access::Capability;
use crate::domain::notice::Issuer;
use crate::domain::period::Period;
use crate::domain::status::{PeriodStatus, SubmissionStatus};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg, Tr};
use crate::key;
use crate::services::aggregation;
use crate::services::analysis::{self, Axis, Cell, CrossQuery, PublishedTable, FORUM_KEY};
use crate::services::cache::VersionedCache;
use crate::services::report::TREND_QUARTERS;
use crate::web::analysis::TableParams;

pub fn config(r: &mut Routes) {
    r.get("/dashboard", overview)
        .get("/dashboard/trends", trends)
        .get("/dashboard/breakdown", breakdown)
        .get("/dashboard/heatmap", heatmap)
        .get("/dashboard/table.csv", table_csv_download)
        .get("/completeness", completeness)
        .get("/risks", risks);
}

#[derive(Deserialize)]
struct Query {
    period: Option<String>,
}

/// A taxonomy label in the language (the Swedish one when the English is missing).
fn tax_label<'a>(tax: &'a Taxonomy, lang: Lang, d: Dimension, code: &'a str) -> &'a str {
    match lang {
        Lang::Sv => tax.label_sv(d, code),
        Lang::En => match tax.label_en(d, code) {
            "" => tax.label_sv(d, code),
            en => en,
        },
    }
}

/// An agency's name in the language (the Swedish one when the English is missing).
fn agency_name(a: &AgencyRow, lang: Lang) -> String {
    match lang {
        Lang::En if !a.name_en.trim().is_empty() => a.name_en.clone(),
        _ => a.name_sv.clone(),
    }
}

/// Names the values of an axis in the reader's language: taxonomy labels, agency names,
/// and the catalogue's words for the sources, the forum and "not specified".
pub struct Names<'a> {
    pub tr: &'a Tr,
    pub tax: &'a Taxonomy,
    pub agencies: &'a [AgencyRow],
}

impl Names<'_> {
    pub fn of(&self, axis: Axis, code: &str) -> String {
        match axis {
            Axis::Period => code.to_string(),
            Axis::Source if code == crate::services::forum::SOURCE_FORUM => {
                self.tr.t("dashboard-source-forum")
            }
            Axis::Source => self.tr.t("dashboard-source-agencies"),
            Axis::Agency if code == FORUM_KEY => self.tr.t("dashboard-source-forum"),
            Axis::Agency => self
                .agencies
                .iter()
                .find(|a| a.code == code)
                .map(|a| agency_name(a, self.tr.lang))
                .unwrap_or_else(|| code.to_string()),
            Axis::Dim(_) if code.is_empty() => self.tr.t("dashboard-not-specified"),
            Axis::Dim(d) => tax_label(self.tax, self.tr.lang, d, code).to_string(),
        }
    }

    fn all(&self, axis: Axis, codes: &[String]) -> Vec<String> {
        codes.iter().map(|c| self.of(axis, c)).collect()
    }

    /// A published table with its rows and columns named.
    pub fn table(&self, t: PublishedTable, rows: Axis, cols: Axis) -> Named {
        Named {
            row_labels: self.all(rows, &t.rows),
            col_labels: self.all(cols, &t.cols),
            table: t,
        }
    }
}

/// A published table with its rows and columns named in the reader's language.
pub struct Named {
    pub table: PublishedTable,
    pub row_labels: Vec<String>,
    pub col_labels: Vec<String>,
}

/// The catalogue key of a submission's status on the dashboards (`None`: no submission).
fn submission_status_key(s: Option<SubmissionStatus>) -> &'static str {
    match s {
        None => key!("dashboard-status-none"),
        Some(SubmissionStatus::Draft) => key!("dashboard-status-draft"),
        Some(SubmissionStatus::Submitted) => key!("dashboard-status-submitted"),
        Some(SubmissionStatus::Accepted) => key!("dashboard-status-accepted"),
        Some(SubmissionStatus::Returned) => key!("dashboard-status-returned"),
    }
}

/// The sentence that says where a reporting period stands.
fn period_status_key(s: PeriodStatus) -> &'static str {
    match s {
        PeriodStatus::Open => key!("dashboard-completeness-period-open"),
        PeriodStatus::Closed => key!("dashboard-completeness-period-closed"),
        PeriodStatus::Locked => key!("dashboard-completeness-period-locked"),
    }
}

#[derive(Clone)]
pub struct Row {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "dashboard/overview.html")]
struct OverviewPage {
    chrome: Chrome,
    period: String,
    chart_title: String,
    chart_svg: String,
    chart_summary: String,
    has_data: bool,
    columns: Vec<String>,
    rows: Vec<Row>,
    totals: Vec<String>,
    reporting: Vec<String>,
    can_download_pdf: bool,
    comparison: Vec<CompareRow>,
    compare_heads: [String; 3],
    /// The period compared (`compare_heads[0]`).
    now: String,
    comparison_caption: Msg,
    comparison_notes: Vec<String>,
    signals: Vec<SignalView>,
    signals_caption: Msg,
    rising: Vec<String>,
    completeness: Vec<(String, String)>,
}

/// Everything on the overview that does not depend on who is looking, in one language:
/// computed from the data by the services, cached per instance and language until the
/// data changes (`DashboardCache`).
pub struct OverviewModel {
    period: String,
    chart_title: String,
    chart_svg: String,
    chart_summary: String,
    has_data: bool,
    columns: Vec<String>,
    rows: Vec<Row>,
    totals: Vec<String>,
    reporting: Vec<String>,
    comparison: Vec<CompareRow>,
    compare_heads: [String; 3],
    comparison_caption: Msg,
    comparison_notes: Vec<String>,
    signals: Vec<SignalView>,
    signals_caption: Msg,
    rising: Vec<String>,
    completeness: Vec<(String, String)>,
}

/// The per-instance caches of the dashboard pages. Keys hold everything a page depends
/// on besides the data (the query, the language, and for the trends page what decides
/// which notices and which disclosure the reader gets); the data is covered by the change
/// counter.
///
/// A cached page model is the page in one language — its texts, its numbers written that
/// language's way and its chart drawn with them — so the language is part of every key:
/// a reader never gets a page model made for a reader of the other language. (Caching
/// language-neutral numbers and drawing per request would redo the chart on every load;
/// keeping one entry per language costs at most twice the entries, and few people read
/// the dashboards in English.)
pub struct DashboardCache {
    overview: VersionedCache<OverviewKey, OverviewModel>,
    trends: VersionedCache<TrendsKey, TrendsModel>,
}

/// (period asked for, date, language).
type OverviewKey = (Option<String>, chrono::NaiveDate, &'static str);

/// (query string, date, user id, role, agency, language).
type TrendsKey = (
    String,
    chrono::NaiveDate,
    i64,
    &'static str,
    Option<i64>,
    &'static str,
);

impl Default for DashboardCache {
    fn default() -> Self {
        Self {
            // Few periods are looked at (in two languages); filter combinations are many,
            // so keep a bound.
            overview: VersionedCache::new(64),
            trends: VersionedCache::new(256),
        }
    }
}

/// A misuse type this period against the previous period and the same period last year.
#[derive(Clone)]
pub struct CompareRow {
    pub label: String,
    pub now: String,
    pub previous: String,
    pub change_previous: String,
    pub year_earlier: String,
    pub change_year: String,
}

#[derive(Clone)]
pub struct SignalView {
    pub label: String,
    pub agency: String,
    pub observed: String,
    pub expected: String,
    pub q_value: String,
}

/// The change in percent, "new" after a reported zero, `–` without both reports.
fn change(tr: &Tr, now: Option<i64>, before: Option<i64>) -> String {
    match (now, before) {
        (Some(n), Some(b)) if b > 0 => tr.lang.percent_change((n - b) as f64 / b as f64 * 100.0),
        (Some(_), Some(0)) => tr.t("dashboard-change-new"),
        _ => "–".into(),
    }
}

/// A count, or `–` for no report.
fn cell(lang: Lang, v: Option<i64>) -> String {
    v.map(|n| lang.int(n)).unwrap_or_else(|| "–".into())
}

async fn overview(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let end = match q.period.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.msg()))?),
        None => None,
    };
    let shared = state.clone();
    let tr = auth.tr.clone();
    let key = (
        end.map(|p| p.code()),
        chrono::Utc::now().date_naive(),
        tr.lang.code(),
    );
    let m = state
        .db
        .run(move |c| {
            shared.dashboards.overview.get_or_compute(c, key, |c| {
                overview_model(c, end, shared.settings.signal_alpha, &shared.signals, &tr)
            })
        })
        .await?;
    render(&OverviewPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("dashboard-title"), "/dashboard"),
        period: m.period.clone(),
        chart_title: m.chart_title.clone(),
        chart_svg: m.chart_svg.clone(),
        chart_summary: m.chart_summary.clone(),
        has_data: m.has_data,
        columns: m.columns.clone(),
        rows: m.rows.clone(),
        totals: m.totals.clone(),
        reporting: m.reporting.clone(),
        can_download_pdf: Capability::DraftReports.allows(auth.user.role),
        comparison: m.comparison.clone(),
        compare_heads: m.compare_heads.clone(),
        now: m.compare_heads[0].clone(),
        comparison_caption: m.comparison_caption.clone(),
        comparison_notes: m.comparison_notes.clone(),
        signals: m.signals.clone(),
        signals_caption: m.signals_caption.clone(),
        rising: m.rising.clone(),
        completeness: m.completeness.clone(),
    })
}

/// The overview's numbers, chart and texts up to `end` (default: the latest quarter with
/// accepted data) in the language of `tr`, from the same services as every other view of
/// the data.
fn overview_model(
    c: &mut crate::db::DbConnection,
    end: Option<Period>,
    alpha: f64,
    signal_cache: &crate::services::signals::SignalCache,
    tr: &Tr,
) -> AppResult<OverviewModel> {
    let lang = tr.lang;
    let table = aggregation::quarterly_by_misuse_type(c, end, TREND_QUARTERS)?;
    let markers = crate::services::measures::markers(c, &table.periods, None)?;
    let p = *table
        .periods
        .last()
        .ok_or_else(|| AppError::internal("no periods"))?;
    let totals3 = aggregation::period_totals(c, &[p, p.previous(), p.year_earlier()])?;
    let signal_rows = signal_cache.get(c, p, alpha)?;
    // Completeness by agency, when the period exists as a reporting period.
    let completeness = match crate::services::completeness::for_period(c, p) {
        Ok(cp) => cp
            .agencies
            .into_iter()
            .map(|a| {
                let name = match lang {
                    Lang::En if !a.agency_name_en.trim().is_empty() => a.agency_name_en,
                    _ => a.agency_name,
                };
                (name, tr.t(submission_status_key(a.status)))
            })
            .collect(),
        Err(AppError::NotFound) => Vec::new(),
        Err(e) => return Err(e),
    };
    let tax = crate::services::taxonomy::load(c)?;
    let label = |code: &str| tax_label(&tax, lang, Dimension::MisuseType, code).to_string();
    let [now_t, prev_t, year_t] = [&totals3[0], &totals3[1], &totals3[2]];
    let comparison: Vec<CompareRow> = tax
        .all(Dimension::MisuseType)
        .map(|e| {
            let (n, p, y) = (now_t.get(&e.code), prev_t.get(&e.code), year_t.get(&e.code));
            CompareRow {
                label: label(&e.code),
                now: cell(lang, n),
                previous: cell(lang, p),
                change_previous: change(tr, n, p),
                year_earlier: cell(lang, y),
                change_year: change(tr, n, y),
            }
        })
        .collect();
    // The five fastest-rising misuse types against the previous period (at least 5 cases).
    let mut rising: Vec<(f64, String)> = tax
        .all(Dimension::MisuseType)
        .filter_map(|e| {
            let (n, p) = (now_t.get(&e.code)?, prev_t.get(&e.code)?);
            (n >= 5 && p > 0 && n > p).then(|| {
                (
                    (n - p) as f64 / p as f64,
                    tr.msg(
                        &Msg::new("dashboard-rising-item")
                            .arg("label", label(&e.code))
                            .arg("count", n)
                            .arg("change", change(tr, Some(n), Some(p)))
                            .arg("period", prev_t.period.code()),
                    ),
                )
            })
        })
        .collect();
    rising.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rising: Vec<String> = rising.into_iter().take(5).map(|r| r.1).collect();
    // Say when the comparison rests on different agencies.
    let mut comparison_notes = Vec::new();
    for other in [prev_t, year_t] {
        let only_now: Vec<&str> = now_t
            .reporting
            .difference(&other.reporting)
            .map(String::as_str)
            .collect();
        let only_then: Vec<&str> = other
            .reporting
            .difference(&now_t.reporting)
            .map(String::as_str)
            .collect();
        let only = |period: Period, sources: &[&str]| {
            (!sources.is_empty()).then(|| {
                tr.t2(
                    "dashboard-comparison-only",
                    "period",
                    period.code(),
                    "sources",
                    sources.join(", "),
                )
            })
        };
        let details: Vec<String> = [
            only(now_t.period, &only_now),
            only(other.period, &only_then),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !details.is_empty() {
            comparison_notes.push(tr.t2(
                "dashboard-comparison-sources",
                "period",
                other.period.code(),
                "details",
                details.join("; "),
            ));
        }
    }
    let signals: Vec<SignalView> = signal_rows
        .iter()
        .filter(|r| r.highlighted())
        .map(|r| SignalView {
            label: label(&r.misuse_type),
            agency: r
                .agency
                .clone()
                .unwrap_or_else(|| tr.t("dashboard-signals-all-sources")),
            observed: tr.int(r.observed as i64),
            expected: tr.decimal(r.expected, 1),
            q_value: tr.decimal(r.q_value, 3),
        })
        .collect();
    let compare_heads = [
        now_t.period.code(),
        prev_t.period.code(),
        year_t.period.code(),
    ];
    let comparison_caption = Msg::new("dashboard-comparison-caption")
        .arg("now", compare_heads[0].clone())
        .arg("previous", compare_heads[1].clone())
        .arg("year", compare_heads[2].clone());
    let signals_caption = Msg::new("dashboard-signals-caption")
        .arg("period", compare_heads[0].clone())
        .arg(
            "q",
            crate::i18n::Arg::Decimal(crate::services::signals::Q_HIGHLIGHT, 2),
        );
    let first = table.periods.first().map(|p| p.code()).unwrap_or_default();
    let last_code = table.periods.last().map(|p| p.code()).unwrap_or_default();
    let chart_title = tr.t2(
        "charts-overview-title",
        "from",
        first,
        "to",
        last_code.as_str(),
    );
    let chart = charts::TrendChart {
        title: chart_title.clone(),
        x_labels: table.periods.iter().map(|p| p.code()).collect(),
        x_axis: tr.t("charts-axis-quarter"),
        y_axis: tr.t("charts-axis-cases"),
        series: table
            .series
            .iter()
            .filter(|s| s.values.iter().any(|v| v.is_some_and(|n| n > 0)))
            .map(|s| charts::ChartSeries {
                label: label(&s.code),
                values: s.values.clone(),
            })
            .collect(),
        markers,
        lang,
    };
    let chart_svg = charts::trend_svg(&chart).map_err(AppError::internal)?;
    let totals = table.totals();
    let chart_summary = match totals.last().copied().flatten() {
        Some(n) => tr.msg(
            &Msg::new("charts-overview-summary")
                .arg("series", chart.series.len())
                .arg("period", last_code.clone())
                .arg("total", n),
        ),
        None => tr.t1(
            "charts-overview-summary-empty",
            "period",
            last_code.as_str(),
        ),
    };
    Ok(OverviewModel {
        period: last_code,
        chart_title,
        chart_svg,
        chart_summary,
        has_data: !table.is_empty(),
        columns: table.periods.iter().map(|p| p.code()).collect(),
        rows: table
            .series
            .iter()
            .map(|s| Row {
                label: label(&s.code),
                cells: s.values.iter().map(|v| cell(lang, *v)).collect(),
            })
            .collect(),
        totals: totals.into_iter().map(|v| cell(lang, v)).collect(),
        reporting: table
            .reporting
            .iter()
            .map(|r| tr.int(r.len() as i64))
            .collect(),
        comparison,
        compare_heads,
        comparison_caption,
        comparison_notes,
        signals,
        signals_caption,
        rising,
        completeness,
    })
}

pub struct CompletenessRow {
    pub agency: String,
    pub code: String,
    /// The catalogue key of the status.
    pub status: &'static str,
    pub version: String,
    pub missing: bool,
}

#[derive(Template)]
#[template(path = "dashboard/completeness.html")]
struct CompletenessPage {
    chrome: Chrome,
    period: String,
    /// The catalogue key of the sentence on the period's status.
    period_status: &'static str,
    deadline: String,
    deadline_passed: bool,
    rows: Vec<CompletenessRow>,
    accepted: usize,
    total: usize,
}

/// Inrapporteringsläge: where every agency's report for a period stands.
async fn completeness(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let raw = q.period.clone().unwrap_or_default();
    let period = Period::parse(&raw).map_err(|e| AppError::BadRequest(e.msg()))?;
    let c = state
        .db
        .run(move |conn| crate::services::completeness::for_period(conn, period))
        .await?;
    let accepted = c.count(Some(SubmissionStatus::Accepted));
    let tr = &auth.tr;
    let deadline = match c.deadline {
        Some(d) if c.deadline_passed => tr.t1("dashboard-completeness-deadline-passed", "date", d),
        Some(d) => tr.t1("dashboard-completeness-deadline", "date", d),
        None => tr.t("dashboard-completeness-no-deadline"),
    };
    render(&CompletenessPage {
        chrome: Chrome::for_user(
            &auth,
            tr.t1("dashboard-completeness-title", "period", c.period.as_str()),
            "/dashboard",
        ),
        period_status: period_status_key(c.status),
        deadline,
        deadline_passed: c.deadline_passed,
        total: c.agencies.len(),
        accepted,
        rows: c
            .agencies
            .iter()
            .map(|a| CompletenessRow {
                agency: match tr.lang {
                    Lang::En if !a.agency_name_en.trim().is_empty() => a.agency_name_en.clone(),
                    _ => a.agency_name.clone(),
                },
                code: a.agency_code.clone(),
                status: submission_status_key(a.status),
                version: a.version.map(|v| tr.int(v)).unwrap_or_else(|| "–".into()),
                missing: a.status.is_none(),
            })
            .collect(),
        period: c.period,
    })
}

pub struct RiskRow {
    pub label: String,
    pub observed: String,
    pub expected: String,
    pub reasons: String,
    pub covered_by: Vec<(i64, String)>,
    pub not_taken: Vec<(i64, String, String)>,
}

#[derive(Template)]
#[template(path = "dashboard/risks.html")]
struct RisksPage {
    chrome: Chrome,
    period: String,
    uncovered: Vec<RiskRow>,
    covered: Vec<RiskRow>,
}

/// Obehandlade risker: rising series that no measure in force targets.
async fn risks(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let at = match q.period.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.msg()))?),
        None => None,
    };
    let ((period, series), tax) = state
        .db
        .run(move |c| {
            Ok((
                crate::services::risks::rising(c, at)?,
                crate::services::taxonomy::load(c)?,
            ))
        })
        .await?;
    let tr = &auth.tr;
    let row = |s: &crate::services::risks::RisingSeries| RiskRow {
        label: tax_label(&tax, tr.lang, Dimension::MisuseType, &s.misuse_type).to_string(),
        observed: tr.int(s.observed as i64),
        expected: s
            .expected
            .map(|e| tr.decimal(e, 1))
            .unwrap_or_else(|| "–".into()),
        reasons: [
            s.signal.then(|| tr.t("dashboard-risks-reason-signal")),
            s.sustained
                .then(|| tr.t("dashboard-risks-reason-sustained")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        covered_by: s
            .covered_by
            .iter()
            .map(|m| (m.id, m.title.clone()))
            .collect(),
        not_taken: s
            .not_taken
            .iter()
            .map(|m| {
                (
                    m.id,
                    m.title.clone(),
                    // Written after the title in parentheses, mid-sentence: "(föreslagen)".
                    crate::domain::measure::MeasureStatus::parse(&m.status)
                        .map(|st| auth.tr.t(st.key()).to_lowercase())
                        .unwrap_or_default(),
                )
            })
            .collect(),
    };
    render(&RisksPage {
        chrome: Chrome::for_user(&auth, tr.t("dashboard-risks-title"), "/dashboard"),
        period: period.code(),
        uncovered: series.iter().filter(|s| s.uncovered()).map(row).collect(),
        covered: series.iter().filter(|s| !s.uncovered()).map(row).collect(),
    })
}

/// A published table as the page shows it.
#[derive(Clone)]
pub struct TableView {
    pub caption: String,
    pub row_header: String,
    pub col_labels: Vec<String>,
    pub rows: Vec<(String, Vec<String>, String)>,
    pub col_totals: Vec<String>,
    pub total: String,
    pub suppressed: bool,
    pub disclosure: bool,
    pub csv_url: String,
}

pub fn table_view(
    n: &Named,
    caption: String,
    row_header: String,
    csv_url: String,
    lang: Lang,
) -> TableView {
    let t = &n.table;
    let show = |c: &Cell| c.display(lang);
    TableView {
        caption,
        row_header,
        col_labels: n.col_labels.clone(),
        rows: n
            .row_labels
            .iter()
            .zip(&t.cells)
            .zip(&t.row_totals)
            .map(|((label, cells), total)| {
                (label.clone(), cells.iter().map(show).collect(), show(total))
            })
            .collect(),
        col_totals: t.col_totals.iter().map(show).collect(),
        total: show(&t.total),
        suppressed: t.any_suppressed(),
        disclosure: t.disclosure_k.is_some(),
        csv_url,
    }
}

/// The same numbers as CSV for Swedish Excel: `;`, UTF-8 with BOM, `..` for suppressed.
/// The headers and the row names are in the reader's language; the numbers are plain.
pub fn table_csv(n: &Named, row_header: &str, total: &str) -> Vec<u8> {
    let t = &n.table;
    let plain = |c: &Cell| match (c.suppressed, c.value) {
        (true, _) => "..".to_string(),
        (false, None) => "–".to_string(),
        (false, Some(n)) => n.to_string(),
    };
    let mut header: Vec<&str> = vec![row_header];
    header.extend(n.col_labels.iter().map(String::as_str));
    header.push(total);
    let mut rows: Vec<Vec<String>> = n
        .row_labels
        .iter()
        .zip(&t.cells)
        .zip(&t.row_totals)
        .map(|((label, cells), row_total)| {
            let mut r = vec![label.clone()];
            r.extend(cells.iter().map(plain));
            r.push(plain(row_total));
            r
        })
        .collect();
    let mut totals = vec![total.to_string()];
    totals.extend(t.col_totals.iter().map(plain));
    totals.push(plain(&t.total));
    rows.push(totals);
    crate::domain::csv_safe::write_sv(&header, &rows)
}

/// The query string of a page, for its CSV link.
fn csv_link(query_string: &str, rows: &str, cols: &str) -> String {
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query_string).unwrap_or_default();
    pairs.retain(|(k, _)| k != "rows" && k != "cols" && k != "by");
    pairs.push(("rows".into(), rows.into()));
    pairs.push(("cols".into(), cols.into()));
    format!(
        "/dashboard/table.csv?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

#[derive(Clone)]
pub struct FilterForm {
    pub misuse_types: Vec<Choice>,
    pub agencies: Vec<Choice>,
    pub sources: Vec<Choice>,
    pub document_types: Vec<Choice>,
    pub chain_stages: Vec<Choice>,
    pub exploitation_areas: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub disclosure: bool,
    /// The breakdown page's "by", kept when the filters change.
    pub by: Option<String>,
}

fn filter_form(p: &TableParams, q: &CrossQuery, names: &Names) -> FilterForm {
    let choose = |current: &Option<String>, opts: Vec<(String, String)>| -> Vec<Choice> {
        opts.into_iter()
            .map(|(value, label)| Choice {
                selected: current.as_deref() == Some(value.as_str()),
                value,
                label,
            })
            .collect()
    };
    let dim = |d: Dimension| {
        names
            .tax
            .all(d)
            .map(|e| (e.code.clone(), names.of(Axis::Dim(d), &e.code)))
            .collect::<Vec<_>>()
    };
    let sources = [
        crate::services::submissions::SOURCE_AGENCY,
        crate::services::forum::SOURCE_FORUM,
    ]
    .iter()
    .map(|s| (s.to_string(), names.of(Axis::Source, s)))
    .collect();
    FilterForm {
        misuse_types: choose(&p.misuse_type, dim(Dimension::MisuseType)),
        agencies: choose(
            &p.agency,
            names
                .agencies
                .iter()
                .map(|a| (a.code.clone(), agency_name(a, names.tr.lang)))
                .collect(),
        ),
        sources: choose(&p.source, sources),
        document_types: choose(&p.document_type, dim(Dimension::DocumentType)),
        chain_stages: choose(&p.chain_stage, dim(Dimension::ChainStage)),
        exploitation_areas: choose(&p.exploitation_area, dim(Dimension::ExploitationArea)),
        from: q.from.code(),
        to: q.to.code(),
        disclosure: matches!(p.disclosure.as_deref(), Some("on" | "1" | "true")),
        by: None,
    }
}

/// A chart's one-line summary in the language of `tr`: its largest published cell, and
/// where the numbers are. The dashboards and the report's web view both use it.
pub(crate) fn peak_summary(
    tr: &Tr,
    rows: &[String],
    cols: &[String],
    cells: &[Vec<Cell>],
) -> String {
    let peak = rows
        .iter()
        .zip(cells)
        .flat_map(|(r, row)| cols.iter().zip(row).map(move |(c, cell)| (r, c, cell)))
        .filter(|(_, _, cell)| !cell.suppressed)
        .filter_map(|(r, c, cell)| cell.value.map(|n| (r, c, n)))
        .max_by_key(|(_, _, n)| *n);
    match peak {
        Some((r, c, n)) => tr.msg(
            &Msg::new("charts-summary-peak")
                .arg("row", r.as_str())
                .arg("col", c.as_str())
                .arg("count", n),
        ),
        None => tr.t("charts-summary-table"),
    }
}

/// The end of the default range: the latest quarter with accepted data.
async fn default_to(state: &AppState, p: &mut TableParams) -> AppResult<()> {
    if needs_default_to(p) {
        let latest = state.db.run(aggregation::latest_quarter).await?;
        set_default_to(p, latest);
    }
    Ok(())
}

/// The same, on a connection the caller already holds.
fn default_to_in(c: &mut crate::db::DbConnection, p: &mut TableParams) -> AppResult<()> {
    if needs_default_to(p) {
        let latest = aggregation::latest_quarter(c)?;
        set_default_to(p, latest);
    }
    Ok(())
}

fn needs_default_to(p: &TableParams) -> bool {
    p.to.as_deref().is_none_or(|s| s.trim().is_empty())
        && p.period.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn set_default_to(p: &mut TableParams, latest: Option<Period>) {
    let q = latest.unwrap_or_else(|| Period::quarter_of(chrono::Utc::now().date_naive()));
    p.to = Some(q.code());
}

/// A cross table under the query, disclosure-controlled and named, with what its filters
/// and names need (the agencies and the taxonomy).
fn named_cross(
    c: &mut crate::db::DbConnection,
    q: &CrossQuery,
    k: Option<u64>,
    tr: &Tr,
) -> AppResult<(Named, Vec<AgencyRow>, Taxonomy)> {
    let table = analysis::cross(c, q)?;
    let agencies = crate::db::queries::agencies::all(c)?;
    let tax = crate::services::taxonomy::load(c)?;
    let named = Names {
        tr,
        tax: &tax,
        agencies: &agencies,
    }
    .table(analysis::publish(&table, k), q.rows, q.cols);
    Ok((named, agencies, tax))
}

#[derive(Template)]
#[template(path = "dashboard/trends.html")]
struct TrendsPage {
    chrome: Chrome,
    chart_summary: String,
    filters: FilterForm,
    chart_title: String,
    chart_svg: String,
    table: TableView,
    notices: Vec<(i64, String, String, String)>,
    references: Vec<ReferenceView>,
}

/// A reference figure beside the series: another published picture's number, never
/// mixed into ours.
#[derive(Clone)]
pub struct ReferenceView {
    pub series: String,
    pub source: String,
    pub title: String,
    pub period: String,
    pub figure: String,
    pub url: String,
}

/// Everything on the trends page but the chrome, for one query, one reader and one
/// language.
pub struct TrendsModel {
    chart_summary: String,
    filters: FilterForm,
    chart_title: String,
    chart_svg: String,
    table: TableView,
    notices: Vec<(i64, String, String, String)>,
    references: Vec<ReferenceView>,
}

/// Trender: a series per misuse type with filters, measure markers and the table.
async fn trends(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let p = q.into_inner();
    let query_string = req.query_string().to_string();
    let user = auth.user.clone();
    let tr = auth.tr.clone();
    // The page depends on the query, the date (default range), the language, and the
    // reader: the role decides disclosure, the reader which notices show. The data is
    // the counter's job.
    let key = (
        query_string.clone(),
        chrono::Utc::now().date_naive(),
        user.id,
        user.role.code(),
        user.agency_id,
        tr.lang.code(),
    );
    let shared = state.clone();
    let m = state
        .db
        .run(move |c| {
            shared.dashboards.trends.get_or_compute(c, key, |c| {
                trends_model(c, p, &query_string, &user, shared.settings.min_cell, &tr)
            })
        })
        .await?;
    render(&TrendsPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("dashboard-trends-title"), "/dashboard"),
        chart_summary: m.chart_summary.clone(),
        filters: m.filters.clone(),
        chart_title: m.chart_title.clone(),
        chart_svg: m.chart_svg.clone(),
        table: m.table.clone(),
        notices: m.notices.clone(),
        references: m.references.clone(),
    })
}

fn trends_model(
    c: &mut crate::db::DbConnection,
    mut p: TableParams,
    query_string: &str,
    user: &crate::services::auth::User,
    min_cell: u64,
    tr: &Tr,
) -> AppResult<TrendsModel> {
    default_to_in(c, &mut p)?;
    let query = p.query(Axis::Dim(Dimension::MisuseType), Axis::Period)?;
    let query = CrossQuery {
        rows: Axis::Dim(Dimension::MisuseType),
        cols: Axis::Period,
        ..query
    };
    let k = p.disclosure(user.role, min_cell)?;
    let (named, agencies, tax) = named_cross(c, &query, k, tr)?;
    let periods = query.from.range_to(query.to);
    let mts: Vec<String> = named.table.rows.clone();
    let markers = crate::services::measures::markers(c, &periods, Some(&mts))?;
    // Knowledge notices and reference figures for the series shown.
    let mut notices: Vec<crate::services::notices::NoticeSummary> = Vec::new();
    let mut references = Vec::new();
    for mt in &mts {
        for n in crate::services::notices::for_series(c, user, Some(mt), None, query.to)? {
            if !notices.iter().any(|x| x.id == n.id) {
                notices.push(n);
            }
        }
        references.extend(crate::services::references::for_series(
            c,
            Dimension::MisuseType,
            mt,
            query.from,
            query.to,
        )?);
    }
    let names = Names {
        tr,
        tax: &tax,
        agencies: &agencies,
    };
    let published = &named.table;
    let title = tr.t2(
        "charts-trends-title",
        "from",
        query.from.code(),
        "to",
        query.to.code(),
    );
    let chart = charts::TrendChart {
        title: title.clone(),
        x_labels: named.col_labels.clone(),
        x_axis: tr.t("charts-axis-period"),
        y_axis: tr.t("charts-axis-cases"),
        series: named
            .row_labels
            .iter()
            .zip(&published.cells)
            .filter(|(_, cells)| cells.iter().any(|c| c.value.is_some_and(|n| n > 0)))
            .map(|(label, cells)| charts::ChartSeries {
                label: label.clone(),
                values: cells.iter().map(|c| c.value).collect(),
            })
            .collect(),
        markers,
        lang: tr.lang,
    };
    let chart_svg = charts::trend_svg(&chart).map_err(AppError::internal)?;
    Ok(TrendsModel {
        chart_summary: peak_summary(tr, &named.row_labels, &named.col_labels, &published.cells),
        filters: filter_form(&p, &query, &names),
        table: table_view(
            &named,
            title.clone(),
            tr.t(query.rows.key()),
            csv_link(query_string, "misuse_type", "period"),
            tr.lang,
        ),
        chart_title: title,
        chart_svg,
        notices: notices
            .iter()
            .take(10)
            .map(|n| {
                let issuer = match n.issuer {
                    Issuer::Forum => tr.t("dashboard-source-forum"),
                    Issuer::Agency(id) => agencies
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| agency_name(a, tr.lang))
                        .unwrap_or_else(|| n.issuer_name.clone()),
                };
                (n.id, n.title.clone(), issuer, tr.date(n.valid_from))
            })
            .collect(),
        references: references
            .iter()
            .map(|r| ReferenceView {
                series: names.of(Axis::Dim(Dimension::MisuseType), &r.code),
                source: r.source.clone(),
                title: r.title.clone(),
                period: r.period.code(),
                figure: format!("{} {}", tr.decimal(r.value, r.decimals), r.unit),
                url: r.url.clone(),
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "dashboard/breakdown.html")]
struct BreakdownPage {
    chrome: Chrome,
    chart_summary: String,
    filters: FilterForm,
    by_choices: Vec<Choice>,
    chart_title: String,
    chart_svg: String,
    table: TableView,
}

/// What the breakdown can be by, in the order offered.
const BREAKDOWN_AXES: [Axis; 5] = [
    Axis::Agency,
    Axis::Dim(Dimension::DocumentType),
    Axis::Dim(Dimension::ExploitationArea),
    Axis::Dim(Dimension::AgeBand),
    Axis::Dim(Dimension::Citizenship),
];

/// Fördelning: stacked bars by agency, document type or exploitation area.
async fn breakdown(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
    by: web::Query<ByQuery>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    default_to(&state, &mut p).await?;
    let by_axis = BREAKDOWN_AXES
        .into_iter()
        .find(|a| Some(a.code()) == by.by.as_deref())
        .unwrap_or(Axis::Agency);
    let query = p.query(by_axis, Axis::Period)?;
    let query = CrossQuery {
        rows: by_axis,
        cols: Axis::Period,
        ..query
    };
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let q2 = query.clone();
    let tr = auth.tr.clone();
    let (named, agencies, tax) = state.db.run(move |c| named_cross(c, &q2, k, &tr)).await?;
    let tr = &auth.tr;
    let names = Names {
        tr,
        tax: &tax,
        agencies: &agencies,
    };
    let title = tr.msg(
        &Msg::new("charts-breakdown-title")
            .arg("by", tr.t(by_axis.key()).to_lowercase())
            .arg("from", query.from.code())
            .arg("to", query.to.code()),
    );
    let published = &named.table;
    let chart = charts::StackedChart {
        title: title.clone(),
        x_labels: named.col_labels.clone(),
        y_axis: tr.t("charts-axis-cases"),
        series: named
            .row_labels
            .iter()
            .zip(&published.cells)
            .map(|(label, cells)| (label.clone(), cells.iter().map(|c| c.value).collect()))
            .collect(),
        lang: tr.lang,
    };
    let chart_svg = charts::stacked_svg(&chart).map_err(AppError::internal)?;
    let by_code = by_axis.code().to_string();
    render(&BreakdownPage {
        chart_summary: peak_summary(tr, &named.row_labels, &named.col_labels, &published.cells),
        chrome: Chrome::for_user(&auth, tr.t("dashboard-breakdown-title"), "/dashboard"),
        filters: FilterForm {
            by: Some(by_code.clone()),
            ..filter_form(&p, &query, &names)
        },
        by_choices: BREAKDOWN_AXES
            .iter()
            .map(|a| Choice {
                value: a.code().to_string(),
                label: tr.t(a.key()),
                selected: a.code() == by_code,
            })
            .collect(),
        table: table_view(
            &named,
            title.clone(),
            tr.t(by_axis.key()),
            csv_link(req.query_string(), &by_code, "period"),
            tr.lang,
        ),
        chart_title: title,
        chart_svg,
    })
}

#[derive(Deserialize)]
struct ByQuery {
    by: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/heatmap.html")]
struct HeatmapPage {
    chrome: Chrome,
    chart_summary: String,
    period: String,
    disclosure: bool,
    chart_title: String,
    chart_svg: String,
    table: TableView,
}

/// Steg i identitetskedjan × missbrukstyp för en period.
async fn heatmap(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    if p.period.as_deref().is_none_or(|s| s.trim().is_empty()) {
        default_to(&state, &mut p).await?;
        p.period = p.to.take();
    }
    let query = CrossQuery {
        rows: Axis::Dim(Dimension::ChainStage),
        cols: Axis::Dim(Dimension::MisuseType),
        ..p.query(
            Axis::Dim(Dimension::ChainStage),
            Axis::Dim(Dimension::MisuseType),
        )?
    };
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let q2 = query.clone();
    let tr = auth.tr.clone();
    let (named, _, _) = state.db.run(move |c| named_cross(c, &q2, k, &tr)).await?;
    let tr = &auth.tr;
    let published = &named.table;
    let title = tr.t1("charts-heatmap-title", "period", query.to.code());
    let map = charts::Heatmap {
        title: title.clone(),
        rows: named.row_labels.clone(),
        cols: named.col_labels.clone(),
        cells: published
            .cells
            .iter()
            .map(|r| r.iter().map(|c| (c.display(tr.lang), c.value)).collect())
            .collect(),
    };
    let chart_svg = charts::heatmap_svg(&map).map_err(AppError::internal)?;
    render(&HeatmapPage {
        chart_summary: peak_summary(tr, &named.row_labels, &named.col_labels, &published.cells),
        chrome: Chrome::for_user(&auth, tr.t("dashboard-heatmap-title"), "/dashboard"),
        period: query.to.code(),
        disclosure: k.is_some(),
        table: table_view(
            &named,
            title.clone(),
            tr.t(query.rows.key()),
            csv_link(req.query_string(), "chain_stage", "misuse_type"),
            tr.lang,
        ),
        chart_title: title,
        chart_svg,
    })
}

/// "Ladda ner CSV": exactly the numbers of the table on the page, with the headers and
/// row names in the reader's language.
async fn table_csv_download(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    default_to(&state, &mut p).await?;
    let query = p.query(Axis::Dim(Dimension::MisuseType), Axis::Period)?;
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let row_header = auth.tr.t(query.rows.key());
    let tr = auth.tr.clone();
    let (named, _, _) = state
        .db
        .run(move |c| named_cross(c, &query, k, &tr))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_TYPE,
            "text/csv; charset=utf-8",
        ))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"lagesbild-tabell.csv\"",
        ))
        .body(table_csv(
            &named,
            &row_header,
            &auth.tr.t("dashboard-total"),
        )))
}
