//! A richer picture: demographic dimensions, the document-fraud typology, uncovered risks.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

#[tokio::test]
async fn demographic_dimensions_travel_through_form_api_and_csv() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    let path = app.open_submission("2026-Q3").await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "hijacked_identity"),
                ("age_band", "65-79"),
                ("citizenship", "swedish"),
                ("count", "4"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let bad = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "hijacked_identity"),
                ("age_band", "90-99"),
                ("count", "4"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);

    let token = app.agency_token("POL").await;
    let r = app
        .api_post("/api/v1/submissions", &token, json!({"period": "2026-Q3", "lines": [{"misuse_type": "false_identity", "age_band": "18-29", "citizenship": "third_country", "count": 2}]}))
        .await;
    assert_eq!(r.status(), 201);
    let csv = "misuse_type;age_band;citizenship;count\nlook_alike;80+;eu_eea;1\n";
    let mig = app.agency_token("MIG").await;
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/submissions.csv?period=2026-Q3"))
        .bearer_auth(&mig)
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    for (age, cit) in [
        ("65-79", "swedish"),
        ("18-29", "third_country"),
        ("80+", "eu_eea"),
    ] {
        assert_eq!(
            app.count_rows(&format!(
                "observation_lines WHERE age_band = '{age}' AND citizenship = '{cit}'"
            ))
            .await,
            1,
            "{age} {cit}"
        );
    }
}

#[tokio::test]
async fn a_fraud_type_needs_a_document_type() {
    let app = spawn_app().await;
    app.open_period("2026-Q3").await;
    let token = app.agency_token("SKV").await;
    let r = app
        .api_post("/api/v1/submissions", &token, json!({"period": "2026-Q3", "lines": [{"misuse_type": "forged_document", "fraud_type": "counterfeit", "count": 2}]}))
        .await;
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["errors"][0]["field"], "fraud_type");
    assert_eq!(v["errors"][0]["code"], "requires_document_type");
    let r = app
        .api_post("/api/v1/submissions", &token, json!({"period": "2026-Q3", "submit": true, "lines": [
            {"misuse_type": "forged_document", "document_type": "eu_passport", "fraud_type": "counterfeit", "count": 2},
            {"misuse_type": "forged_document", "document_type": "eu_passport", "fraud_type": "impostor", "count": 5},
            {"misuse_type": "forged_document", "document_type": "driving_licence", "count": 3}
        ]}))
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let mut app = app;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    app.api_post(
        &format!("/api/v1/submissions/{id}/review"),
        &ana,
        json!({"decision": "accept"}),
    )
    .await;
    // Document type × fraud type (two dimensions besides the misuse type: summed from the
    // stored lines rather than the rollup).
    let v: Value = app
        .api_get(
            "/api/v1/aggregates?period=2026-Q3&rows=document_type&cols=fraud_type",
            &ana,
        )
        .await
        .json()
        .await
        .unwrap();
    let at = |row: &str, col: &str| {
        let r = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x == row)
            .unwrap();
        let c = v["cols"]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x == col)
            .unwrap();
        v["cells"][r][c]["value"].clone()
    };
    assert_eq!(at("eu_passport", "counterfeit"), 2);
    assert_eq!(at("eu_passport", "impostor"), 5);
    assert_eq!(at("driving_licence", ""), 3, "no fraud type given");
    assert_eq!(v["total"]["value"], 10);
    let _ = &mut app;
}

async fn accepted(app: &TestApp, series: &[(&str, [i64; 7])]) {
    let token = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let quarters = [
        "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2",
    ];
    for (i, q) in quarters.iter().enumerate() {
        let lines: Vec<Value> = series
            .iter()
            .map(|(mt, v)| json!({"misuse_type": mt, "count": v[i]}))
            .collect();
        app.submit_and_accept(&token, &ana, q, json!(lines)).await;
    }
}

#[tokio::test]
async fn uncovered_risks_list_rising_series_without_a_measure_in_force() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    // Two series rise three quarters in a row above their baseline; one stays flat.
    accepted(
        &app,
        &[
            ("false_identity", [10, 10, 10, 10, 15, 16, 18]),
            ("hijacked_identity", [20, 21, 19, 20, 26, 28, 31]),
            ("look_alike", [10, 11, 9, 10, 10, 9, 11]),
        ],
    )
    .await;
    app.login_as("ana").await;
    let measure = |title: &'static str, status: &'static str, mt: &'static str| {
        [
            ("title", title),
            ("kind", "control_campaign"),
            ("status", status),
            ("start_on", "2026-01-01"),
            ("misuse_type", mt),
        ]
    };
    assert_eq!(
        app.post_form(
            "/measures",
            "/measures/new",
            &measure(
                "Kontroll av bolagsregistrering",
                "in_force",
                "false_identity"
            )
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        app.post_form(
            "/measures",
            "/measures/new",
            &measure("Förslag om bankkontroll", "proposed", "hijacked_identity")
        )
        .await
        .status(),
        303
    );

    let page = app.get_text("/risks?period=2026-Q2").await;
    let uncovered = &page[page.find("Stigande serier utan gällande åtgärd").unwrap()
        ..page.find("</table>").unwrap()];
    assert!(uncovered.contains("Kapad identitet"), "{uncovered}");
    assert!(uncovered.contains("Förslag om bankkontroll") && uncovered.contains("föreslagen"));
    assert!(
        !uncovered.contains("Falsk identitet"),
        "covered by a measure in force"
    );
    assert!(!uncovered.contains("Look-alike"), "not rising");
    let covered = &page[page.find("Stigande serier som en gällande åtgärd").unwrap()..];
    assert!(
        covered.contains("Falsk identitet") && covered.contains("Kontroll av bolagsregistrering")
    );
}
