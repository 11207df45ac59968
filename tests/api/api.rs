//! The JSON API: status codes and bodies asserted exactly.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

async fn app_with_period() -> TestApp {
    let app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app
}

fn line(mt: &str, count: Value) -> Value {
    json!({"misuse_type": mt, "exploitation_area": null, "document_type": "eu_passport",
           "chain_stage": "verification", "count": count, "trend": "increasing",
           "reliability": "B", "validity": "2", "description": "Ökning av manipulerade pass."})
}

#[tokio::test]
async fn an_agency_token_submits_and_gets_201_with_id_status_version_and_warnings() {
    let app = app_with_period().await;
    let token = app.agency_token("SKV").await;
    let r = app
        .api_post("/api/v1/submissions", &token, json!({"period": "2026-Q3", "submit": true, "lines": [line("false_identity", json!(12))]}))
        .await;
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    let id = body["id"].as_i64().unwrap();
    assert_eq!(
        body,
        json!({"id": id, "status": "submitted", "version": 1, "warnings": []})
    );

    // The agency's token reads it back.
    let r = app
        .api_get(&format!("/api/v1/submissions/{id}"), &token)
        .await;
    assert_eq!(r.status(), 200);
    let got: Value = r.json().await.unwrap();
    assert_eq!(got["agency"], "SKV");
    assert_eq!(got["status"], "submitted");
    assert_eq!(got["lines"][0]["count"], 12);
    assert_eq!(got["lines"][0]["document_type"], "eu_passport");
}

#[tokio::test]
async fn invalid_lines_get_422_listing_every_field_and_nothing_is_stored() {
    let app = app_with_period().await;
    let token = app.agency_token("SKV").await;
    let mut bad = line("false_identity", json!("tolv"));
    bad["description"] = json!("Ring 070-123 45 67 för detaljer");
    let mut bad2 = line("no_such_type", json!(3));
    bad2["reliability"] = json!("E");
    let r = app
        .api_post(
            "/api/v1/submissions",
            &token,
            json!({"period": "2026-Q3", "submit": true, "lines": [bad, bad2]}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body: Value = r.json().await.unwrap();
    let errors = body["errors"].as_array().unwrap();
    let summary: Vec<(i64, &str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().unwrap(),
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "count", "not_integer"),
            (1, "description", "personal_data"),
            (2, "misuse_type", "invalid_code"),
            (2, "reliability", "invalid_code"),
        ]
    );
    let pd = &errors[1]["message"].as_str().unwrap();
    assert!(
        pd.contains("telefonnummer") && pd.contains("tecken 6"),
        "{pd}"
    );
    assert!(!pd.contains("123 45 67"), "the match is masked: {pd}");
    assert_eq!(app.count_rows("observation_lines").await, 0);
    assert_eq!(app.count_rows("submissions").await, 0, "all or nothing");
}

#[tokio::test]
async fn missing_or_bad_tokens_get_401_and_closed_periods_409() {
    let app = app_with_period().await;
    let body = json!({"period": "2026-Q3", "lines": [line("false_identity", json!(1))]});
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/submissions"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["errors"][0]["code"], "unauthorized");
    assert_eq!(
        app.api_post("/api/v1/submissions", "lgb_fel", body.clone())
            .await
            .status(),
        401
    );

    let token = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &token,
            json!({"period": "2025-Q1", "lines": [line("false_identity", json!(1))]}),
        )
        .await;
    assert_eq!(r.status(), 409, "a period never opened");
    app.set_period("2026-Q3", "open", Some("2026-01-01")).await;
    let r = app
        .api_post("/api/v1/submissions", &token, body.clone())
        .await;
    assert_eq!(r.status(), 409, "deadline passed");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["errors"][0]["code"], "conflict");
}

#[tokio::test]
async fn revoked_tokens_stop_working() {
    let app = app_with_period().await;
    let token = app.agency_token("POL").await;
    app.with_db(|c| {
        use diesel::prelude::*;
        use lagesbild::db::schema::api_tokens;
        diesel::update(api_tokens::table)
            .set(api_tokens::revoked_at.eq(Some(chrono::Utc::now().naive_utc())))
            .execute(c)
            .unwrap();
    })
    .await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &token,
            json!({"period": "2026-Q3", "lines": [line("false_identity", json!(1))]}),
        )
        .await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn reading_a_submission_is_limited_to_its_agency_analysts_and_admins() {
    let app = app_with_period().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("dep", Role::Ministry, None).await;
    let skv = app.agency_token("SKV").await;
    let pol = app.agency_token("POL").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true, "lines": [line("look_alike", json!(2))]}),
        )
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let path = format!("/api/v1/submissions/{id}");
    assert_eq!(app.api_get(&path, &pol).await.status(), 403);
    assert_eq!(
        app.api_get(&path, &app.user_token("ana").await)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.api_get(&path, &app.user_token("dep").await)
            .await
            .status(),
        403
    );
    assert_eq!(
        app.api_get("/api/v1/submissions/999999", &skv)
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn analysts_review_by_api_and_a_return_needs_a_comment() {
    let app = app_with_period().await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true, "lines": [line("look_alike", json!(2))]}),
        )
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let review = format!("/api/v1/submissions/{id}/review");

    assert_eq!(
        app.api_post(&review, &skv, json!({"decision": "accept"}))
            .await
            .status(),
        403,
        "coordinators do not review"
    );
    let r = app
        .api_post(&review, &ana, json!({"decision": "return"}))
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errors"][0]["field"],
        "comment"
    );
    let r = app
        .api_post(
            &review,
            &ana,
            json!({"decision": "return", "comment": "Dela upp per handlingstyp."}),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"id": id, "status": "returned", "version": 1})
    );

    // The agency corrects and resubmits: version 2.
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true, "lines": [line("look_alike", json!(3))]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(r.json::<Value>().await.unwrap()["version"], 2);
    let r = app
        .api_post(&review, &ana, json!({"decision": "accept"}))
        .await;
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"id": id, "status": "accepted", "version": 2})
    );
    // Accepted means frozen for the agency.
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "lines": [line("look_alike", json!(4))]}),
        )
        .await;
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn cookie_authenticated_api_calls_need_the_csrf_header() {
    let mut app = app_with_period().await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    let body = json!({"period": "2026-Q3", "lines": [line("look_alike", json!(2))]});
    let r = app
        .client
        .post(app.url("/api/v1/submissions"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errors"][0]["code"],
        "csrf"
    );
    let token = crate::helpers::csrf_from(&app.get_text("/submissions").await);
    let r = app
        .client
        .post(app.url("/api/v1/submissions"))
        .header("X-CSRF-Token", token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

#[tokio::test]
async fn malformed_json_gets_a_json_error_not_a_page() {
    let app = app_with_period().await;
    let token = app.agency_token("SKV").await;
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/submissions"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"period\": \"2026-Q3\", \"lines\": [ {\"count\": 1, \"extra\": true} ]}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["errors"][0]["code"], "invalid_json");
    assert_eq!(
        app.api_get("/api/v1/nothing-here", &token).await.status(),
        404
    );
}

#[tokio::test]
async fn a_csv_file_is_imported_all_or_nothing_with_file_line_numbers() {
    let app = app_with_period().await;
    let token = app.agency_token("MIG").await;
    let post = |body: Vec<u8>| {
        reqwest::Client::new()
            .post(app.url("/api/v1/submissions.csv?period=2026-Q3&submit=true"))
            .bearer_auth(&token)
            .header("content-type", "text/csv")
            .body(body)
    };
    // Errors on file lines 3 and 5; a quoted multi-line description on line 2–3 shifts them.
    let bad = "\u{feff}misuse_type;count;description\nfalse_identity;4;\"Två rader\ntext\"\nlook_alike;fyra;\nhijacked_identity;2;\nforged_document;1;mejla a.b@example.se\n";
    let r = post(bad.as_bytes().to_vec()).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    let lines: Vec<(i64, &str)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_i64().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, vec![(4, "not_integer"), (6, "personal_data")]);
    assert_eq!(app.count_rows("observation_lines").await, 0);

    let good = "misuse_type,document_type,count\nfalse_identity,eu_passport,4\nlook_alike,,0\n";
    let r = post(good.as_bytes().to_vec()).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "submitted");
    assert_eq!(app.count_rows("observation_lines").await, 2);
    assert_eq!(
        app.count_rows("observation_lines WHERE count = 0").await,
        1,
        "a reported zero is stored"
    );
}
