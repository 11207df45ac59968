//! The dashboards in Swedish and in English: texts, taxonomy labels and agency names in the
//! reader's language, numbers written that language's way (`1 234` with a narrow no-break
//! space and `23,4 %` in Swedish, `1,234` and `23.4%` in English), the CSV's headers in the
//! language with the same plain numbers, and a cache that never hands one language's page
//! to a reader of the other.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// Swedish digit grouping: a narrow no-break space, as the pages write it (not escaped).
const THIN: char = '\u{202f}';

/// SKV reports 1 000 false identities in 2026-Q2 and 1 234 (two lines, 1 000 + 234) in
/// 2026-Q3, plus a few look-alikes; POL reports in 2026-Q3 only. An analyst is logged in.
async fn fixture() -> TestApp {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    let pol = app.agency_token("POL").await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q2",
        json!([{"misuse_type": "false_identity", "chain_stage": "verification", "count": 1000}]),
    )
    .await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q3",
        json!([
            {"misuse_type": "false_identity", "chain_stage": "verification", "count": 1000},
            {"misuse_type": "false_identity", "document_type": "eu_passport", "count": 234},
            {"misuse_type": "look_alike", "count": 3}
        ]),
    )
    .await;
    app.submit_and_accept(
        &pol,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 2}]),
    )
    .await;
    app.login_as("ana").await;
    app
}

async fn switch(app: &TestApp, lang: &str) {
    let r = app
        .post_form("/language", "/", &[("lang", lang), ("next", "/")])
        .await;
    assert_eq!(r.status(), 303, "switch to {lang}");
}

/// The inline SVG of a page.
fn svg(page: &str) -> &str {
    &page[page.find("<svg").expect("an inline chart")..page.find("</svg>").expect("end of SVG")]
}

/// The page without its chart (whose coordinates are numbers of their own).
fn text_of(page: &str) -> String {
    match (page.find("<svg"), page.find("</svg>")) {
        (Some(a), Some(b)) => format!("{}{}", &page[..a], &page[b..]),
        _ => page.to_string(),
    }
}

/// The header cells and the body rows (row header, cells) of the first table after
/// `marker`.
fn table(page: &str, marker: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let start = page
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {page}"));
    let t = &page[start..];
    let t = &t[..t.find("</table>").unwrap()];
    let head: Vec<String> = t[t.find("<thead>").unwrap()..t.find("</thead>").unwrap()]
        .split("<th scope=\"col\"")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            c[..c.find("</th>").unwrap()].to_string()
        })
        .collect();
    (head, crate::dashboards::table_rows(page, marker))
}

fn row<'a>(rows: &'a [(String, Vec<String>)], label: &str) -> &'a [String] {
    &rows
        .iter()
        .find(|(l, _)| l == label)
        .unwrap_or_else(|| panic!("row {label} in {rows:?}"))
        .1
}

fn csv_lines(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    text.lines()
        .map(|l| {
            l.split(';')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_overview_writes_numbers_and_texts_in_the_readers_language() {
    let app = fixture().await;

    let sv = app.get_text("/dashboard?period=2026-Q3").await;
    assert!(sv.contains("<html lang=\"sv\">"));
    let (_, rows) = table(&sv, "<caption>Godkända fall per missbrukstyp: 2026-Q3");
    let fi = row(&rows, "Falsk identitet");
    assert_eq!(
        fi[0],
        format!("1{THIN}234"),
        "thousands with a narrow space"
    );
    assert_eq!(fi[1], format!("1{THIN}000"));
    // (1 234 − 1 000) / 1 000 = 23.4 %: a decimal comma and a space before the sign.
    assert_eq!(fi[2], "+23,4\u{a0}%");
    assert!(sv.contains(&format!("Under 2026-Q3 godkändes totalt 1{THIN}239 fall.")));
    assert!(
        svg(&sv).contains(&format!("1{THIN}234")),
        "the chart's label of the latest value"
    );
    let text = text_of(&sv);
    assert!(!text.contains("1,234") && !text.contains("23.4"), "{text}");

    switch(&app, "en").await;
    let en = app.get_text("/dashboard?period=2026-Q3").await;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<h1>Overview</h1>"), "{en}");
    let (head, rows) = table(&en, "<caption>Accepted cases by type of misuse: 2026-Q3");
    assert_eq!(head[0], "Type of misuse");
    assert_eq!(head[3], "Change");
    let fi = row(&rows, "False identity");
    assert_eq!(fi[0], "1,234");
    assert_eq!(fi[1], "1,000");
    assert_eq!(fi[2], "+23.4%", "a decimal point in English");
    assert!(en.contains("A total of 1,239 cases were accepted in 2026-Q3."));
    assert!(en.contains("Accepted cases by type of misuse and quarter, "));
    assert!(en.contains("Reporting status for 2026-Q3"));
    // The trend table under the chart, its totals row and the agencies' names.
    let (_, rows) = table(&en, "<caption>Accepted cases by type of misuse and quarter");
    assert_eq!(row(&rows, "False identity").last().unwrap(), "1,234");
    assert!(en.contains("<th scope=\"row\">Total</th>"));
    assert!(en.contains("<strong>Swedish Tax Agency</strong>: Accepted"));
    assert!(en.contains("<strong>Swedish Migration Agency</strong>: No submission"));
    let chart = svg(&en);
    assert!(chart.contains("1,234") && !chart.contains(THIN), "{chart}");
    assert!(chart.contains("False identity") && chart.contains("Number of cases"));
    for swedish in [
        "Godkända",
        "Falsk identitet",
        "Totalt",
        "Inrapporteringsläge",
        "Antal fall",
        "Kvartal",
        "Ingen inrapportering",
        "Skatteverket",
    ] {
        assert!(!en.contains(swedish), "{swedish} on the English overview");
    }
    assert!(!en.contains(THIN), "no Swedish digit grouping in English");
}

#[tokio::test]
async fn trends_breakdown_and_heat_map_speak_english_with_charts_and_tables() {
    let app = fixture().await;
    switch(&app, "en").await;

    let trends = app
        .get_text("/dashboard/trends?from=2026-Q2&to=2026-Q3")
        .await;
    let (head, rows) = table(
        &trends,
        "<caption>Accepted cases by type of misuse, 2026-Q2–2026-Q3",
    );
    assert_eq!(head, ["Type of misuse", "2026-Q2", "2026-Q3", "Total"]);
    assert_eq!(row(&rows, "False identity"), ["1,000", "1,234", "2,234"]);
    assert_eq!(row(&rows, "Look-alike"), ["0", "5", "5"]);
    let chart = svg(&trends);
    for text in [
        "Accepted cases by type of misuse, 2026-Q2–2026-Q3",
        "Number of cases",
        "Period",
        "False identity",
        "1,234",
    ] {
        assert!(chart.contains(text), "{text} in the trends chart");
    }
    assert!(trends.contains("Highest: False identity, 2026-Q3, with 1,234 cases."));
    assert!(trends.contains("<legend>Selection</legend>"));
    assert!(trends.contains(">Swedish Tax Agency</option>"));
    assert!(trends.contains("Download CSV"));
    for swedish in ["Godkända", "Missbrukstyp", "Totalt", "Antal fall", "Urval"] {
        assert!(
            !trends.contains(swedish),
            "{swedish} on the English trends page"
        );
    }

    let by_agency = app
        .get_text("/dashboard/breakdown?by=agency&from=2026-Q3&to=2026-Q3")
        .await;
    let (head, rows) = table(
        &by_agency,
        "<caption>Accepted cases by agency and period, 2026-Q3–2026-Q3",
    );
    assert_eq!(head[0], "Agency");
    assert_eq!(row(&rows, "Swedish Tax Agency")[0], "1,237");
    assert_eq!(row(&rows, "Operational ID Forum")[0], "–");
    assert!(svg(&by_agency).contains("Swedish Tax Agency"));

    let heat = app.get_text("/dashboard/heatmap?period=2026-Q3").await;
    let (head, rows) = table(
        &heat,
        "<caption>Identity chain stage and type of misuse, 2026-Q3",
    );
    assert_eq!(head[0], "Identity chain stage");
    assert!(head.iter().any(|h| h == "False identity"), "{head:?}");
    let fi = head.iter().position(|h| h == "False identity").unwrap() - 1;
    assert_eq!(row(&rows, "Verification of identity")[fi], "1,000");
    assert_eq!(row(&rows, "Not specified")[fi], "234");
    assert!(svg(&heat).contains("1,000"), "the heat map's cells");

    // Back in Swedish, the same pages are Swedish again.
    switch(&app, "sv").await;
    let trends = app
        .get_text("/dashboard/trends?from=2026-Q2&to=2026-Q3")
        .await;
    let (head, rows) = table(
        &trends,
        "<caption>Godkända fall per missbrukstyp, 2026-Q2–2026-Q3",
    );
    assert_eq!(head, ["Missbrukstyp", "2026-Q2", "2026-Q3", "Totalt"]);
    assert_eq!(
        row(&rows, "Falsk identitet"),
        [
            format!("1{THIN}000"),
            format!("1{THIN}234"),
            format!("2{THIN}234")
        ]
    );
    assert!(svg(&trends).contains("Antal fall"));
}

#[tokio::test]
async fn the_csv_headers_follow_the_language_and_the_numbers_do_not() {
    let app = fixture().await;
    let path = "/dashboard/table.csv?rows=misuse_type&cols=period&from=2026-Q2&to=2026-Q3";
    let sv = csv_lines(&app.get(path).await.bytes().await.unwrap());
    switch(&app, "en").await;
    let r = app.get(path).await;
    assert_eq!(r.status(), 200);
    let en = csv_lines(&r.bytes().await.unwrap());

    assert_eq!(sv[0], ["Missbrukstyp", "2026-Q2", "2026-Q3", "Totalt"]);
    assert_eq!(en[0], ["Type of misuse", "2026-Q2", "2026-Q3", "Total"]);
    let line = |lines: &[Vec<String>], label: &str| -> Vec<String> {
        lines
            .iter()
            .find(|l| l[0] == label)
            .unwrap_or_else(|| panic!("{label} in {lines:?}"))[1..]
            .to_vec()
    };
    // The numbers are plain in both: for a spreadsheet, not for reading.
    assert_eq!(line(&sv, "Falsk identitet"), ["1000", "1234", "2234"]);
    assert_eq!(line(&en, "False identity"), ["1000", "1234", "2234"]);
    assert_eq!(line(&sv, "Totalt"), line(&en, "Total"));
    assert_eq!(sv.len(), en.len());
}

#[tokio::test]
async fn the_cache_never_serves_one_languages_page_to_the_other() {
    let app = fixture().await;
    let trends = "/dashboard/trends?from=2026-Q2&to=2026-Q3";
    // Swedish twice: the second load comes from the cache.
    for _ in 0..2 {
        let overview = app.get_text("/dashboard?period=2026-Q3").await;
        assert!(overview.contains("Godkända fall per missbrukstyp och kvartal"));
        assert!(app
            .get_text(trends)
            .await
            .contains("Godkända fall per missbrukstyp, "));
    }
    // Nothing changed in the data: only the language differs.
    switch(&app, "en").await;
    for _ in 0..2 {
        let overview = app.get_text("/dashboard?period=2026-Q3").await;
        assert!(
            overview.contains("Accepted cases by type of misuse and quarter"),
            "an English overview, not the cached Swedish one"
        );
        assert!(!overview.contains("Godkända") && !overview.contains(THIN));
        assert!(svg(&overview).contains("False identity"));
        let page = app.get_text(trends).await;
        assert!(
            page.contains("Accepted cases by type of misuse, ") && !page.contains("Godkända"),
            "an English trends page, not the cached Swedish one"
        );
    }
    // And back: the Swedish entries were not overwritten by the English ones.
    switch(&app, "sv").await;
    let overview = app.get_text("/dashboard?period=2026-Q3").await;
    assert!(overview.contains("Godkända fall per missbrukstyp och kvartal"));
    assert!(!overview.contains("Accepted cases"));
    assert!(svg(&overview).contains("Falsk identitet"));
}

#[tokio::test]
async fn completeness_risks_and_analysis_errors_in_english() {
    let app = fixture().await;
    switch(&app, "en").await;

    let page = app.get_text("/completeness?period=2026-Q3").await;
    assert!(
        page.contains("<h1>Reporting status for 2026-Q3</h1>"),
        "{page}"
    );
    assert!(page.contains("The period is open."));
    assert!(
        page.contains("2 of 12 agencies have accepted data."),
        "{page}"
    );
    assert!(page.contains("<td>Swedish Tax Agency</td>"));
    assert!(page.contains("No submission") && page.contains("Accepted"));
    assert!(!page.contains("Inrapporteringsläge") && !page.contains("myndigheter"));

    let risks = app.get_text("/risks?period=2026-Q3").await;
    assert!(
        risks.contains("<h1>Unaddressed risks 2026-Q3</h1>"),
        "{risks}"
    );
    assert!(!risks.contains("Obehandlade") && !risks.contains("Stigande"));

    // A bad request to a dashboard answers in the page's language.
    let r = app.get("/dashboard/trends?rows=nonsense&to=2026-Q3").await;
    assert_eq!(r.status(), 400);
    let body = r.text().await.unwrap();
    assert!(body.contains("Unknown dimension “nonsense”"), "{body}");

    // The aggregates API answers in the language asked for.
    let ana = app.user_token("ana").await;
    for (lang, expected) in [
        (
            "en",
            "Choose two different dimensions for the rows and the columns.",
        ),
        ("sv", "Välj två olika dimensioner för rader och kolumner."),
    ] {
        let r = reqwest::Client::new()
            .get(app.url("/api/v1/aggregates?period=2026-Q3&rows=agency&cols=agency"))
            .bearer_auth(&ana)
            .header("Accept-Language", lang)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let v: Value = r.json().await.unwrap();
        assert!(v.to_string().contains(expected), "{lang}: {v}");
    }
}
