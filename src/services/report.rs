//! The knowledge-and-situation report (kunskaps- och lägesbild) as a PDF. For now a
//! draft from live data; composition, approval and frozen editions come later.

use super::aggregation::{self, PeriodTotals, TrendTable};
use super::auth::User;
use super::{audit, taxonomy};
use crate::db::queries::agencies;
use crate::db::DbConnection;
use crate::domain::format::{int_sv, percent_change_sv};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::pdf::{Align, Composer, DocumentInfo, PageFrame, Table};

/// Quarters shown in the trend chart.
pub const TREND_QUARTERS: usize = 8;

/// Everything the report prints, computed from the data before layout.
pub struct ReportModel {
    pub period: Period,
    pub marking: String,
    pub current: PeriodTotals,
    pub previous: PeriodTotals,
    pub year_earlier: PeriodTotals,
    pub trend: TrendTable,
    pub taxonomy: Taxonomy,
    pub agency_names: Vec<(String, String)>,
    pub markers: Vec<crate::charts::ChartMarker>,
    pub generated_on: chrono::NaiveDate,
}

pub fn build_model(
    conn: &mut DbConnection,
    period: Period,
    marking: &str,
) -> AppResult<ReportModel> {
    let totals =
        aggregation::period_totals(conn, &[period, period.previous(), period.year_earlier()])?;
    let [current, previous, year_earlier]: [PeriodTotals; 3] = totals
        .try_into()
        .map_err(|_| AppError::internal("period totals"))?;
    let last_quarter = Period::quarter_of(period.ends_on());
    let trend = aggregation::quarterly_by_misuse_type(conn, Some(last_quarter), TREND_QUARTERS)?;
    let taxonomy = taxonomy::load(conn)?;
    let markers = super::measures::markers(conn, &trend.periods, None)?;
    let agency_names = agencies::all(conn)?
        .into_iter()
        .map(|a| (a.code, a.name_sv))
        .collect();
    Ok(ReportModel {
        period,
        marking: marking.to_string(),
        current,
        previous,
        year_earlier,
        trend,
        taxonomy,
        agency_names,
        markers,
        generated_on: chrono::Utc::now().date_naive(),
    })
}

/// The period's draft report as PDF bytes; audited.
pub fn period_pdf(
    conn: &mut DbConnection,
    actor: Option<&User>,
    period: Period,
    marking: &str,
) -> AppResult<Vec<u8>> {
    let model = build_model(conn, period, marking)?;
    let bytes = render(&model).map_err(AppError::internal)?;
    audit::record(
        conn,
        actor,
        "pdf_generated",
        "report",
        Some(&period.code()),
        Some(&format!("{} byte", bytes.len())),
    )?;
    Ok(bytes)
}

fn count_cell(v: Option<i64>) -> String {
    v.map(int_sv).unwrap_or_else(|| "–".into())
}

fn change_cell(now: Option<i64>, before: Option<i64>) -> String {
    match (now, before) {
        (Some(n), Some(b)) if b > 0 => percent_change_sv((n - b) as f64 / b as f64 * 100.0),
        _ => "–".into(),
    }
}

/// The title of the report series, as in every page header.
pub fn header_title(period: Period) -> String {
    format!("Lägesbild identitetsmissbruk – {}", period.code())
}

pub fn render(m: &ReportModel) -> Result<Vec<u8>, crate::pdf::PdfError> {
    let mut c = Composer::new(&DocumentInfo {
        title: header_title(m.period),
        subject: format!(
            "Kunskaps- och lägesbild över identitetsmissbruk, {}",
            m.period.label_sv()
        ),
        author: "Nationellt ID-center".into(),
        created_unix: chrono::Utc::now().timestamp(),
    })?;

    // Title page.
    c.vspace(120.0);
    c.title_line("Kunskaps- och lägesbild", 26.0, true);
    c.title_line("Identitetsmissbruk i Sverige", 20.0, false);
    c.vspace(24.0);
    c.title_line(
        &format!("Period: {} ({})", m.period.label_sv(), m.period.code()),
        13.0,
        false,
    );
    c.title_line(
        &format!("Utgåva {} · utkast, ej fastställd", m.period.code()),
        13.0,
        false,
    );
    c.title_line(
        &format!("Framställd {}", m.generated_on.format("%Y-%m-%d")),
        13.0,
        false,
    );
    c.title_line(&format!("Informationsklass: {}", m.marking), 13.0, false);
    c.vspace(40.0);
    c.title_line("Nationellt ID-center", 13.0, true);
    c.new_page();
    c.table_of_contents_here();

    // 1 Summary.
    c.heading("1 Sammanfattning", 1);
    let reporting = m.current.reporting.len();
    if m.current.has_reports() {
        c.paragraph(&format!(
            "Under {} rapporterade {} {} totalt {} fall av identitetsmissbruk som har godkänts vid granskning. Tabellen jämför med föregående period ({}) och samma period ett år tidigare ({}).",
            m.period.label_sv(),
            reporting,
            if reporting == 1 { "myndighet" } else { "myndigheter" },
            int_sv(m.current.total().unwrap_or(0)),
            m.previous.period.code(),
            m.year_earlier.period.code(),
        ));
    } else {
        c.paragraph(&format!(
            "Det finns inga godkända inrapporteringar för {}. Rapporten innehåller därför inga uppgifter för perioden. Siffror för tidigare perioder visas där de finns.",
            m.period.label_sv()
        ));
    }
    let mut rows: Vec<Vec<String>> = m
        .taxonomy
        .all(Dimension::MisuseType)
        .map(|e| {
            let now = m.current.get(&e.code);
            let prev = m.previous.get(&e.code);
            let year = m.year_earlier.get(&e.code);
            vec![
                e.label_sv.clone(),
                count_cell(now),
                count_cell(prev),
                change_cell(now, prev),
                count_cell(year),
                change_cell(now, year),
            ]
        })
        .collect();
    let (now, prev, year) = (
        m.current.total(),
        m.previous.total(),
        m.year_earlier.total(),
    );
    rows.push(vec![
        "Totalt".into(),
        count_cell(now),
        count_cell(prev),
        change_cell(now, prev),
        count_cell(year),
        change_cell(now, year),
    ]);
    let bold_total = rows.len() - 1;
    c.table(&Table {
        caption: format!("Tabell 1. Godkända fall per missbrukstyp, {}", m.period.code()),
        header: vec![
            "Missbrukstyp".into(),
            m.period.code(),
            m.previous.period.code(),
            "Förändring".into(),
            m.year_earlier.period.code(),
            "Förändring".into(),
        ],
        rows,
        widths: vec![3.2, 1.0, 1.0, 1.1, 1.0, 1.1],
        align: vec![Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right],
        bold_rows: vec![bold_total],
        note: Some("– betyder att ingen myndighet har rapporterat för perioden; 0 betyder att rapporterade värden summerar till noll.".into()),
    });

    // 2 Trends.
    c.heading("2 Trender och tendenser", 1);
    let first = m
        .trend
        .periods
        .first()
        .map(|p| p.code())
        .unwrap_or_default();
    let last = m.trend.periods.last().map(|p| p.code()).unwrap_or_default();
    let title = format!("Fall per missbrukstyp och kvartal, {first}–{last}");
    if m.trend.is_empty() {
        c.paragraph("Det finns inga godkända uppgifter för kvartalen i diagrammet.");
    } else {
        let mut chart = m.trend.chart(title.clone());
        chart.markers = m.markers.clone();
        c.chart(&chart, 280.0)?;
    }
    let mut header = vec!["Missbrukstyp".to_string()];
    header.extend(m.trend.periods.iter().map(|p| p.code()));
    let mut rows: Vec<Vec<String>> = m
        .trend
        .series
        .iter()
        .map(|s| {
            let mut r = vec![s.label.clone()];
            r.extend(s.values.iter().map(|v| count_cell(*v)));
            r
        })
        .collect();
    let mut total_row = vec!["Totalt".to_string()];
    total_row.extend(m.trend.totals().into_iter().map(count_cell));
    rows.push(total_row);
    let n = m.trend.periods.len();
    let mut widths = vec![1.9];
    widths.extend(std::iter::repeat_n(1.0, n));
    let mut align = vec![Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, n));
    c.table(&Table {
        caption: format!("Tabell 2. {title}"),
        header,
        bold_rows: vec![rows.len() - 1],
        rows,
        widths,
        align,
        note: Some(
            "Samma siffror som i diagrammet. – = ingen inrapportering för kvartalet.".into(),
        ),
    });

    // 3 Method and data quality.
    c.heading("3 Metod och datakvalitet", 1);
    c.paragraph("Rapporten bygger enbart på inrapporteringar som har godkänts vid granskning hos Nationellt ID-center. Utkast och returnerade inrapporteringar ingår inte. Månadsuppgifter summeras till kvartal.");
    let names: Vec<String> = m
        .current
        .reporting
        .iter()
        .map(|code| {
            m.agency_names
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| code.clone())
        })
        .collect();
    if names.is_empty() {
        c.paragraph(&format!(
            "Ingen myndighet har godkända uppgifter för {}.",
            m.period.label_sv()
        ));
    } else {
        c.paragraph(&format!(
            "Myndigheter med godkända uppgifter för {}: {}.",
            m.period.label_sv(),
            names.join(", ")
        ));
    }
    if m.period.kind() != PeriodKind::Quarter {
        c.paragraph("Trenddiagrammet visar kvartal; halvårs- och årsuppgifter kan inte delas upp på kvartal och ingår bara i periodtabellen.");
    }

    c.finish(&PageFrame {
        marking: m.marking.clone(),
        header_right: header_title(m.period),
        version: "Utkast".into(),
        draft_label: Some("UTKAST".into()),
    })
}
