//! Request limits: free-text bounds and body-size caps with a clear 413.

use lagesbild::domain::role::Role;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_review_comment_over_the_bound_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true,
                "lines": [{"misuse_type": "false_identity", "count": 4}]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/submissions/{id}/review");
    let r = app
        .api_post(
            &path,
            &ana,
            json!({"decision": "return", "comment": "x".repeat(1001)}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "comment");
    assert_eq!(body["errors"][0]["code"], "too_long");
    assert_eq!(
        app.count_rows("submissions WHERE status = 'submitted'")
            .await,
        1
    );
    let r = app
        .api_post(
            &path,
            &ana,
            json!({"decision": "return", "comment": "x".repeat(1000)}),
        )
        .await;
    assert_eq!(r.status(), 200, "exactly at the bound is fine");
}

#[tokio::test]
async fn an_oversized_api_body_gets_413_as_json_and_stores_nothing() {
    let app = spawn_app().await;
    app.open_period("2026-Q3").await;
    let skv = app.agency_token("SKV").await;
    let big = vec![b' '; lagesbild::web::api::JSON_LIMIT + 1];
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/submissions"))
        .bearer_auth(&skv)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["errors"][0]["code"], "too_large");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("för stort"));
    assert_eq!(app.count_rows("submissions").await, 0);
}
