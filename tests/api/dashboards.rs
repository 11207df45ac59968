//! Dashboards: numbers equal the accepted submissions; CSV equals the table; disclosure is
//! the same on the page, in the CSV and in the API.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

async fn fixture() -> TestApp {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    for (agency, lines) in [
        (
            "SKV",
            json!([
                {"misuse_type": "false_identity", "document_type": "eu_passport", "chain_stage": "verification", "count": 7},
                {"misuse_type": "false_identity", "document_type": "driving_licence", "count": 5},
                {"misuse_type": "look_alike", "chain_stage": "issuance", "count": 2}
            ]),
        ),
        (
            "POL",
            json!([{"misuse_type": "false_identity", "chain_stage": "verification", "count": 4}]),
        ),
    ] {
        let token = app.agency_token(agency).await;
        app.open_period("2026-Q3").await;
        let r = app
            .api_post(
                "/api/v1/submissions",
                &token,
                json!({"period": "2026-Q3", "submit": true, "lines": lines}),
            )
            .await;
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        app.api_post(
            &format!("/api/v1/submissions/{id}/review"),
            &ana,
            json!({"decision": "accept"}),
        )
        .await;
    }
    // A draft that must never count.
    let mig = app.agency_token("MIG").await;
    app.api_post(
        "/api/v1/submissions",
        &mig,
        json!({"period": "2026-Q3", "lines": [{"misuse_type": "false_identity", "count": 500}]}),
    )
    .await;
    app.login_as("ana").await;
    app
}

/// The body rows of the first data table after `marker`: (row header, cells).
pub(crate) fn table_rows(page: &str, marker: &str) -> Vec<(String, Vec<String>)> {
    let start = page.find(marker).unwrap_or_else(|| panic!("{marker}"));
    let body = &page[start..];
    let body = &body[body.find("<tbody>").unwrap()..body.find("</tbody>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let label = row
                .split("<th scope=\"row\">")
                .nth(1)
                .unwrap()
                .split("</th>")
                .next()
                .unwrap()
                .to_string();
            let cells = row
                .split("<td class=\"num\">")
                .skip(1)
                .map(|c| {
                    c.split("</td>")
                        .next()
                        .unwrap()
                        .replace("<strong>", "")
                        .replace("</strong>", "")
                })
                .collect();
            (label, cells)
        })
        .collect()
}

fn row<'a>(rows: &'a [(String, Vec<String>)], label: &str) -> &'a Vec<String> {
    &rows
        .iter()
        .find(|(l, _)| l == label)
        .unwrap_or_else(|| panic!("row {label}"))
        .1
}

#[tokio::test]
async fn every_dashboard_shows_the_accepted_numbers() {
    let app = fixture().await;
    let trends = app
        .get_text("/dashboard/trends?from=2026-Q2&to=2026-Q3")
        .await;
    let rows = table_rows(
        &trends,
        "<caption>Godkända fall per missbrukstyp, 2026-Q2–2026-Q3",
    );
    assert_eq!(
        row(&rows, "Falsk identitet"),
        &vec!["–".to_string(), "16".into(), "16".into()]
    );
    assert_eq!(
        row(&rows, "Look-alike"),
        &vec!["–".to_string(), "2".into(), "2".into()]
    );
    assert!(trends.contains("<svg"));

    let filtered = app
        .get_text("/dashboard/trends?from=2026-Q3&to=2026-Q3&document_type=eu_passport")
        .await;
    let rows = table_rows(&filtered, "<caption>Godkända fall per missbrukstyp");
    assert_eq!(row(&rows, "Falsk identitet")[0], "7");

    let by_agency = app
        .get_text("/dashboard/breakdown?by=agency&from=2026-Q3&to=2026-Q3")
        .await;
    let rows = table_rows(&by_agency, "<caption>Godkända fall per myndighet");
    assert_eq!(row(&rows, "Skatteverket")[0], "14");
    assert_eq!(row(&rows, "Polismyndigheten")[0], "4");
    assert_eq!(
        row(&rows, "Migrationsverket")[0],
        "–",
        "a draft is not a report"
    );

    let by_doc = app
        .get_text("/dashboard/breakdown?by=document_type&from=2026-Q3&to=2026-Q3")
        .await;
    let rows = table_rows(&by_doc, "<caption>Godkända fall per handlingstyp");
    assert_eq!(row(&rows, "EU-pass")[0], "7");
    assert_eq!(row(&rows, "Körkort")[0], "5");
    assert_eq!(row(&rows, "Ej angivet")[0], "6");

    let heat = app.get_text("/dashboard/heatmap?period=2026-Q3").await;
    let rows = table_rows(&heat, "<caption>Steg i identitetskedjan och missbrukstyp");
    let head = &heat[heat.find("<caption>Steg i identitetskedjan").unwrap()..];
    let cols: Vec<&str> = head[..head.find("</thead>").unwrap()]
        .split("<th scope=\"col\" class=\"num\">")
        .skip(1)
        .map(|c| c.split("</th>").next().unwrap())
        .collect();
    let fi = cols.iter().position(|c| *c == "Falsk identitet").unwrap();
    let la = cols.iter().position(|c| *c == "Look-alike").unwrap();
    assert_eq!(row(&rows, "Verifiering av identitet")[fi], "11");
    assert_eq!(row(&rows, "Ej angivet")[fi], "5");
    assert_eq!(row(&rows, "Utfärdande av handling")[la], "2");

    let overview = app.get_text("/dashboard?period=2026-Q3").await;
    let rows = table_rows(
        &overview,
        "<caption>Godkända fall per missbrukstyp: 2026-Q3",
    );
    assert_eq!(row(&rows, "Falsk identitet")[0], "16");
    assert_eq!(row(&rows, "Falsk identitet")[1], "–", "2026-Q2: no report");
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
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
async fn the_csv_is_the_table_and_disclosure_agrees_everywhere() {
    let app = fixture().await;
    for disclosure in ["", "&disclosure=on"] {
        let page = app
            .get_text(&format!("/dashboard/heatmap?period=2026-Q3{disclosure}"))
            .await;
        let html = table_rows(&page, "<caption>Steg i identitetskedjan och missbrukstyp");
        let link = page
            .split("href=\"/dashboard/table.csv?")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#38;", "&");
        let r = app.get(&format!("/dashboard/table.csv?{link}")).await;
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let csv = csv_rows(&r.bytes().await.unwrap());
        for (label, cells) in &html {
            let line = csv
                .iter()
                .find(|l| &l[0] == label)
                .unwrap_or_else(|| panic!("{label} in CSV {csv:?} {link}"));
            let plain: Vec<String> = cells.iter().map(|c| c.replace('\u{202f}', "")).collect();
            assert_eq!(&line[1..], &plain[..], "{label} {disclosure}");
        }
        // The API marks exactly the same cells as suppressed.
        let ana = app.user_token("ana").await;
        let v: Value = app
            .api_get(&format!("/api/v1/aggregates?period=2026-Q3&rows=chain_stage&cols=misuse_type{disclosure}"), &ana)
            .await
            .json()
            .await
            .unwrap();
        let api_suppressed: Vec<bool> = v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["suppressed"].as_bool().unwrap())
            })
            .collect();
        let html_suppressed: Vec<bool> = html
            .iter()
            .flat_map(|(_, cells)| cells[..cells.len() - 1].iter().map(|c| c == ".."))
            .collect();
        assert_eq!(api_suppressed, html_suppressed, "{disclosure}");
        if disclosure.is_empty() {
            assert!(api_suppressed.iter().all(|s| !s));
        } else {
            assert!(
                api_suppressed.iter().any(|s| *s),
                "2 < k: something is suppressed"
            );
            assert!(page.contains("röjandeskydd"));
        }
    }
}

/// The overview's comparison row and the trends table's row for `label` (latest quarter
/// first on the overview; the trends table as shown).
async fn both_pages(app: &TestApp, label: &str) -> (String, String, String, String) {
    let overview = app.get_text("/dashboard").await;
    let now = row(
        &table_rows(&overview, "<caption>Godkända fall per missbrukstyp: "),
        label,
    )[0]
    .clone();
    let trends = app
        .get_text("/dashboard/trends?from=2026-Q3&to=2026-Q3")
        .await;
    let cell = row(
        &table_rows(&trends, "<caption>Godkända fall per missbrukstyp, "),
        label,
    )[0]
    .clone();
    (now, cell, overview, trends)
}

#[tokio::test]
async fn the_cached_dashboards_show_every_change_on_the_next_load() {
    let mut app = fixture().await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    let ana = app.user_token("ana").await;
    // Twice, so the second load is served from the cache.
    for _ in 0..2 {
        let (now, cell, _, _) = both_pages(&app, "Falsk identitet").await;
        assert_eq!((now.as_str(), cell.as_str()), ("16", "16"));
    }

    // A new acceptance, made through another instance on the same database.
    let peer = app.spawn_peer().await;
    let ebm = peer.agency_token("EBM").await;
    peer.submit_and_accept(
        &ebm,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "false_identity", "count": 10}]),
    )
    .await;
    let (now, cell, _, _) = both_pages(&app, "Falsk identitet").await;
    assert_eq!(
        (now.as_str(), cell.as_str()),
        ("26", "26"),
        "the acceptance shows at once"
    );

    // A new measure: its marker stands on both charts at once.
    let (_, _, overview, trends) = both_pages(&app, "Falsk identitet").await;
    assert!(!overview.contains("▲ Riktad kontroll av pass"));
    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[
                ("title", "Riktad kontroll av pass"),
                ("kind", "control_campaign"),
                ("status", "in_force"),
                ("start_on", "2026-08-01"),
                ("end_on", ""),
                ("description", "Extra kontroll av pass vid ansökan."),
                ("agencies", "SKV"),
                ("misuse_type", "false_identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, _, overview2, trends2) = both_pages(&app, "Falsk identitet").await;
    for (name, before, after) in [
        ("overview", &overview, &overview2),
        ("trends", &trends, &trends2),
    ] {
        let svg =
            |page: &str| page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()].to_string();
        assert!(
            !svg(before).contains("▲ Riktad kontroll"),
            "{name}: no marker before the measure"
        );
        assert!(
            svg(after).contains("▲ Riktad kontroll"),
            "{name}: the marker shows at once"
        );
    }

    // A taxonomy relabel: the new label on both pages at once.
    let r = app
        .post_form(
            "/admin/taxonomy/misuse_type/false_identity",
            "/admin/taxonomy",
            &[
                ("label_sv", "Falsk identitet (ny benämning)"),
                ("label_en", "False identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (now, cell, overview, trends) = both_pages(&app, "Falsk identitet (ny benämning)").await;
    assert_eq!((now.as_str(), cell.as_str()), ("26", "26"));
    assert!(!overview.contains("<th scope=\"row\">Falsk identitet</th>"));
    assert!(!trends.contains("<th scope=\"row\">Falsk identitet</th>"));
}

#[tokio::test]
async fn every_change_to_what_the_dashboards_read_moves_the_change_counter() {
    // (Measures are covered through the page above; the triggers are one per table alike.)
    let app = fixture().await;
    let moved = app
        .with_db(|c| {
            use diesel::connection::SimpleConnection;
            use lagesbild::db::queries::changes::version;
            let mut moved = Vec::new();
            for (table, sql) in [
                ("agencies", "UPDATE agencies SET sort_order = sort_order + 1 WHERE code = 'SKV'"),
                ("reporting_periods", "UPDATE reporting_periods SET deadline = NULL"),
                ("taxonomy_codes", "UPDATE taxonomy_codes SET label_sv = label_sv || ' ' WHERE code = 'look_alike'"),
                ("submissions", "UPDATE submissions SET source = source"),
                ("submission_versions", "UPDATE submission_versions SET status = status"),
            ] {
                let before = version(c).unwrap();
                c.batch_execute(sql).unwrap();
                moved.push((table, version(c).unwrap() > before));
            }
            moved
        })
        .await;
    for (table, m) in moved {
        assert!(m, "a change to {table} moves the counter");
    }
}
