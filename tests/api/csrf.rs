use lagesbild::domain::role::Role;

use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn login_without_csrf_token_is_refused() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    // Visit the form first so the session exists, then leave the token out.
    app.get_text("/login").await;
    let r = app
        .post_raw("/login", &[("username", "ana"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(app.get("/").await.status(), 303, "not logged in");
}

#[tokio::test]
async fn state_changes_without_a_valid_token_change_nothing() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;

    let missing = app.post_raw("/submissions", &[("period", "2026-Q3")]).await;
    assert_eq!(missing.status(), 403);
    let wrong = app
        .post_raw(
            "/submissions",
            &[("period", "2026-Q3"), ("csrf_token", "gissat")],
        )
        .await;
    assert_eq!(wrong.status(), 403);
    let header_only = app
        .client
        .post(app.url("/submissions"))
        .header("X-CSRF-Token", "gissat")
        .form(&[("period", "2026-Q3")])
        .send()
        .await
        .unwrap();
    assert_eq!(header_only.status(), 403);
    assert_eq!(app.count_rows("submissions").await, 0);

    // With the token it works.
    app.open_submission("2026-Q3").await;
    assert_eq!(app.count_rows("submissions").await, 1);
}
