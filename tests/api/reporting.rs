//! A whole period's reporting: calendar, corrections, completeness, outliers, taxonomy.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

async fn submit_api(app: &TestApp, token: &str, period: &str, lines: Value) -> reqwest::Response {
    app.api_post(
        "/api/v1/submissions",
        token,
        json!({"period": period, "submit": true, "lines": lines}),
    )
    .await
}

#[tokio::test]
async fn a_closed_period_takes_only_corrections_and_a_locked_one_nothing() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("sam").await;
    let path = app.open_submission("2026-Q3").await;
    let id = path.rsplit('/').next().unwrap().to_string();
    app.post_form(
        &format!("{path}/lines"),
        &path,
        &[("misuse_type", "look_alike"), ("count", "2")],
    )
    .await;
    app.post_form(&format!("{path}/submit"), &path, &[]).await;
    app.login_as("ana").await;
    let review = format!("/review/{id}");
    app.post_form(
        &review,
        &review,
        &[("decision", "return"), ("comment", "Ange handlingstyp.")],
    )
    .await;

    // The deadline passes: no new submissions, but the returned one may be corrected.
    app.set_period("2026-Q3", "open", Some("2026-01-01")).await;
    let pol = app.agency_token("POL").await;
    let r = submit_api(
        &app,
        &pol,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 1}]),
    )
    .await;
    assert_eq!(r.status(), 409);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("stängd för inrapportering"));
    app.login_as("sam").await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[("misuse_type", "false_identity"), ("count", "1")],
        )
        .await;
    assert_eq!(r.status(), 303, "a correction after the deadline");
    assert_eq!(
        app.post_form(&format!("{path}/submit"), &path, &[])
            .await
            .status(),
        303
    );

    // Locked: every change is refused with a clear message.
    app.set_period("2026-Q3", "locked", None).await;
    app.login_as("ana").await;
    app.post_form(
        &review,
        &review,
        &[("decision", "return"), ("comment", "Igen.")],
    )
    .await;
    app.login_as("sam").await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[("misuse_type", "hijacked_identity"), ("count", "1")],
        )
        .await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("låst"));
}

#[tokio::test]
async fn completeness_tells_no_report_from_a_reported_zero() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let pol = app.agency_token("POL").await;
    submit_api(
        &app,
        &skv,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 0}]),
    )
    .await;
    app.api_post(
        "/api/v1/submissions",
        &pol,
        json!({"period": "2026-Q3", "lines": [{"misuse_type": "look_alike", "count": 5}]}),
    )
    .await;
    app.login_as("ana").await;
    let page = app.get_text("/completeness?period=2026-Q3").await;
    let row = |agency: &str| {
        let start = page
            .find(&format!("<td>{agency}</td>"))
            .unwrap_or_else(|| panic!("{agency} listed"));
        page[start..start + 300].to_string()
    };
    assert!(row("SKV").contains("Inskickad"), "{}", row("SKV"));
    assert!(row("POL").contains("Utkast"));
    assert!(row("MIG").contains("Ingen inrapportering"));
    assert!(page.contains("0 av 12 myndigheter har godkända uppgifter"));

    // Accept SKV's reported zero: it counts as a report with 0 on the dashboard.
    let id = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::submissions as s;
            s::table
                .filter(s::status.eq("submitted"))
                .select(s::id)
                .first::<i64>(c)
                .unwrap()
        })
        .await;
    let review = format!("/review/{id}");
    app.post_form(&review, &review, &[("decision", "accept")])
        .await;
    let overview = app.get_text("/dashboard?period=2026-Q3").await;
    let overview = &overview[overview.find("Utveckling över tid").unwrap()..];
    let look_alike = overview.find("<th scope=\"row\">Look-alike</th>").unwrap();
    let cells = &overview[look_alike..overview[look_alike..].find("</tr>").unwrap() + look_alike];
    assert!(
        cells.ends_with("<td class=\"num\">0</td>"),
        "reported zero shows 0: {cells}"
    );
    assert!(
        cells.contains("<td class=\"num\">–</td>"),
        "earlier quarters without reports show –"
    );
}

async fn seed_history(app: &TestApp, token: &str, ana: &str) {
    for (q, n) in [
        "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2",
    ]
    .iter()
    .zip([20, 22, 19, 25, 21, 18, 23, 20])
    {
        app.submit_and_accept(
            token,
            ana,
            q,
            json!([{"misuse_type": "false_identity", "count": n}]),
        )
        .await;
    }
}

#[tokio::test]
async fn an_unusual_count_warns_in_the_api_and_asks_for_confirmation_in_the_form() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    seed_history(&app, &skv, &ana).await;
    app.open_period("2026-Q3").await;

    // The form: a warning, nothing stored, the input kept; "Spara ändå" stores it.
    app.login_as("sam").await;
    let path = app.open_submission("2026-Q3").await;
    let before = app.count_rows("observation_lines").await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[("misuse_type", "false_identity"), ("count", "400")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Kontrollera antalet"));
    assert!(page.contains("name=\"confirm\" value=\"1\""));
    assert!(page.contains("value=\"400\""));
    assert_eq!(app.count_rows("observation_lines").await, before);
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "false_identity"),
                ("count", "400"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.count_rows("observation_lines").await, before + 1);
    // Once confirmed, further lines of the same type do not ask again.
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "false_identity"),
                ("document_type", "eu_passport"),
                ("count", "3"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn the_api_returns_outlier_warnings_but_stores_the_lines() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    seed_history(&app, &skv, &ana).await;
    app.open_period("2026-Q3").await;
    let r = submit_api(&app, &skv, "2026-Q3", json!([{"misuse_type": "look_alike", "count": 1}, {"misuse_type": "false_identity", "count": 400}])).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{v}");
    assert_eq!(warnings[0]["line"], 2);
    assert_eq!(warnings[0]["misuse_type"], "false_identity");
    assert_eq!(warnings[0]["count"], 400);
    assert!(warnings[0]["expected_max"].as_i64().unwrap() < 40);
    assert_eq!(v["status"], "submitted");
}
