//! The API's rate limit per bearer token.

use lagesbild::domain::role::Role;

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn a_token_over_its_rate_gets_429_with_retry_after_and_other_tokens_do_not() {
    // Two calls a minute: the third within the minute is refused (a call comes back
    // every 30 seconds, far longer than this test runs).
    let app = spawn_app_with(|s| s.api_rate_per_minute = 2).await;
    app.add_user("ana", Role::Analyst, None).await;
    let first = app.user_token("ana").await;
    let second = app.agency_token("SKV").await;
    let path = "/api/v1/aggregates?period=2026-Q3";
    for _ in 0..2 {
        assert_eq!(app.api_get(path, &first).await.status(), 200);
    }
    let r = app.api_get(path, &first).await;
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "Retry-After {wait}");
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "rate_limited");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("högst 2 per minut") && message.contains("Vänta"),
        "{message}"
    );
    // Every call counts, whatever it asks for.
    let r = app
        .api_post(
            "/api/v1/submissions",
            &first,
            serde_json::json!({"period": "2026-Q3", "lines": []}),
        )
        .await;
    assert_eq!(r.status(), 429);
    // Another token has its own allowance; a wrong token is still simply 401.
    assert_eq!(app.api_get(path, &second).await.status(), 200);
    assert_eq!(app.api_get(path, "lgb_gissad").await.status(), 401);
}

#[tokio::test]
async fn sessions_are_not_limited_per_token() {
    let mut app = spawn_app_with(|s| s.api_rate_per_minute = 1).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/api/v1/aggregates?period=2026-Q3").await.status(),
            200
        );
    }
}
