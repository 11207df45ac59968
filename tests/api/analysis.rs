//! The analysis layer: one aggregation, disclosure control, signals.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// Submits and accepts one period for an agency through the API.
async fn accept(app: &TestApp, agency_token: &str, analyst: &str, period: &str, lines: Value) {
    app.submit_and_accept(agency_token, analyst, period, lines)
        .await;
}

fn cell(v: &Value, row: &str, col: &str) -> Value {
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
    v["cells"][r][c].clone()
}

#[tokio::test]
async fn aggregates_equal_accepted_submissions_and_no_report_is_not_zero() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    let pol = app.agency_token("POL").await;
    let mig = app.agency_token("MIG").await;
    accept(
        &app,
        &skv,
        &ana,
        "2026-Q3",
        json!([
            {"misuse_type": "false_identity", "document_type": "eu_passport", "count": 7},
            {"misuse_type": "false_identity", "document_type": "driving_licence", "count": 5},
            {"misuse_type": "look_alike", "count": 0}
        ]),
    )
    .await;
    accept(
        &app,
        &pol,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "false_identity", "count": 4}]),
    )
    .await;
    // MIG submits but is returned: returned versions never count.
    let r = app
        .api_post("/api/v1/submissions", &mig, json!({"period": "2026-Q3", "submit": true, "lines": [{"misuse_type": "false_identity", "count": 100}]}))
        .await;
    let mig_id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = app
        .api_post(
            &format!("/api/v1/submissions/{mig_id}/review"),
            &ana,
            json!({"decision": "return", "comment": "Kontrollera."}),
        )
        .await;
    assert_eq!(r.status(), 200);

    let r = app
        .api_get(
            "/api/v1/aggregates?period=2026-Q3&rows=misuse_type&cols=agency",
            &ana,
        )
        .await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        cell(&v, "false_identity", "SKV"),
        json!({"value": 12, "suppressed": false})
    );
    assert_eq!(
        cell(&v, "false_identity", "POL"),
        json!({"value": 4, "suppressed": false})
    );
    assert_eq!(
        cell(&v, "look_alike", "SKV"),
        json!({"value": 0, "suppressed": false}),
        "a reported zero"
    );
    assert_eq!(
        cell(&v, "false_identity", "MIG"),
        json!({"value": null, "suppressed": false}),
        "no report"
    );
    let fi = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x == "false_identity")
        .unwrap();
    assert_eq!(
        v["row_totals"][fi],
        json!({"value": 16, "suppressed": false})
    );
    assert_eq!(v["total"]["value"], 16);
    assert_eq!(
        v["reporting"],
        json!({"2026-Q3": ["POL", "SKV"]}),
        "who reported, per period"
    );

    // Filters and another dimension.
    let r = app.api_get("/api/v1/aggregates?period=2026-Q3&rows=document_type&cols=source&misuse_type=false_identity", &ana).await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(cell(&v, "eu_passport", "agency")["value"], 7);
    assert_eq!(
        cell(&v, "", "agency")["value"],
        4,
        "POL's line had no document type: ej angivet"
    );
    assert_eq!(
        cell(&v, "eu_passport", "forum")["value"],
        Value::Null,
        "the forum did not report"
    );

    // A period axis.
    let r = app.api_get("/api/v1/aggregates?period=2026-Q3&rows=misuse_type&cols=period&from=2026-Q1&to=2026-Q3", &ana).await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["cols"], json!(["2026-Q1", "2026-Q2", "2026-Q3"]));
    assert_eq!(cell(&v, "false_identity", "2026-Q1")["value"], Value::Null);
    assert_eq!(cell(&v, "false_identity", "2026-Q3")["value"], 16);

    let bad = app
        .api_get("/api/v1/aggregates?period=2026-Q3&rows=nonsense", &ana)
        .await;
    assert_eq!(bad.status(), 400);
    let bad = app
        .api_get(
            "/api/v1/aggregates?period=2026-Q3&misuse_type=x'%20OR%201=1--",
            &ana,
        )
        .await;
    assert_eq!(
        bad.status(),
        400,
        "codes are validated before they reach SQL"
    );
}

#[tokio::test]
async fn small_cells_are_suppressed_on_request_and_the_ministry_gets_no_live_aggregates() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("dep", Role::Ministry, None).await;
    let ana = app.user_token("ana").await;
    let dep = app.user_token("dep").await;
    let skv = app.agency_token("SKV").await;
    let pol = app.agency_token("POL").await;
    accept(
        &app,
        &skv,
        &ana,
        "2026-Q3",
        json!([
            {"misuse_type": "false_identity", "age_band": "18-29", "count": 2},
            {"misuse_type": "false_identity", "age_band": "30-44", "count": 9},
            {"misuse_type": "look_alike", "age_band": "18-29", "count": 6}
        ]),
    )
    .await;
    accept(
        &app,
        &pol,
        &ana,
        "2026-Q3",
        json!([
            {"misuse_type": "false_identity", "age_band": "30-44", "count": 8},
            {"misuse_type": "look_alike", "age_band": "30-44", "count": 7}
        ]),
    )
    .await;
    let url = "/api/v1/aggregates?period=2026-Q3&rows=misuse_type&cols=age_band";
    let open: Value = app.api_get(url, &ana).await.json().await.unwrap();
    assert_eq!(
        cell(&open, "false_identity", "18-29")["value"],
        2,
        "analysts see everything by default"
    );

    let on: Value = app
        .api_get(&format!("{url}&disclosure=on"), &ana)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        cell(&on, "false_identity", "18-29"),
        json!({"value": null, "suppressed": true}),
        "2 < k = 3"
    );
    // The small demographic cell cannot be recomputed from its row or column.
    let published = |v: &Value| {
        let mut known = 0;
        for (r, row) in v["cells"].as_array().unwrap().iter().enumerate() {
            for (c, x) in row.as_array().unwrap().iter().enumerate() {
                if !x["suppressed"].as_bool().unwrap() {
                    known += 1;
                    let _ = (r, c);
                }
            }
        }
        known
    };
    assert!(
        published(&on) < published(&open),
        "secondary suppression too"
    );
    let fi = on["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x == "false_identity")
        .unwrap();
    let col_1829 = on["cols"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x == "18-29")
        .unwrap();
    let row_total_known = !on["row_totals"][fi]["suppressed"].as_bool().unwrap();
    let others_in_row_known = on["cells"][fi]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(c, _)| *c != col_1829)
        .all(|(_, x)| !x["suppressed"].as_bool().unwrap());
    assert!(
        !(row_total_known && others_in_row_known),
        "the row does not give the small cell away"
    );

    // The ministry reads published editions only; the live aggregates do not answer it.
    for q in ["", "&disclosure=off", "&disclosure=on"] {
        let r = app.api_get(&format!("{url}{q}"), &dep).await;
        assert_eq!(r.status(), 403, "ministry {q}");
    }
}

#[tokio::test]
async fn a_planted_rise_raises_a_signal_with_q_values() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    let quarters = [
        "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2",
        "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
    ];
    let flat = [10, 12, 9, 11, 10, 11, 9, 10, 12, 10, 11, 9];
    for (i, q) in quarters.iter().enumerate() {
        let fi = if i == quarters.len() - 1 { 40 } else { flat[i] };
        let la = if i == quarters.len() - 1 { 11 } else { flat[i] };
        accept(
            &app,
            &skv,
            &ana,
            q,
            json!([
                {"misuse_type": "false_identity", "count": fi},
                {"misuse_type": "look_alike", "count": la}
            ]),
        )
        .await;
    }
    let r = app.api_get("/api/v1/signals?period=2026-Q3", &ana).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    let find = |mt: &str, agency: Value| {
        v["signals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["misuse_type"] == mt && s["agency"] == agency)
            .cloned()
            .unwrap_or_else(|| panic!("{mt} {agency} evaluated: {v}"))
    };
    let fi = find("false_identity", Value::Null);
    assert_eq!(fi["observed"], 40);
    assert_eq!(fi["alarm"], true, "{fi}");
    assert!(fi["p_value"].as_f64().unwrap() < 0.001);
    assert!(fi["q_value"].as_f64().unwrap() <= 0.10);
    assert!(fi["expected"].as_f64().unwrap() > 9.0 && fi["expected"].as_f64().unwrap() < 12.0);
    assert_eq!(find("false_identity", json!("SKV"))["alarm"], true);
    assert_eq!(find("look_alike", Value::Null)["alarm"], false);
    assert_eq!(
        app.api_get("/api/v1/signals?period=2026", &ana)
            .await
            .status(),
        400
    );

    // A newly accepted submission shows at once (the per-instance cache follows the data).
    let pol = app.agency_token("POL").await;
    accept(
        &app,
        &pol,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "false_identity", "count": 5}]),
    )
    .await;
    let v: Value = app
        .api_get("/api/v1/signals?period=2026-Q3", &ana)
        .await
        .json()
        .await
        .unwrap();
    let fi = v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["misuse_type"] == "false_identity" && s["agency"].is_null())
        .unwrap()
        .clone();
    assert_eq!(fi["observed"], 45);
}
