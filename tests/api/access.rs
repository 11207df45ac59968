use lagesbild::domain::role::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/submissions",
        "/review",
        "/dashboard",
        "/reports/pdf?period=2026-Q3",
        "/reports/new",
        "/dashboard/trends",
        "/forum",
        "/measures",
        "/notices",
        "/references",
        "/admin",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        let location = r.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/login?next="), "{path} -> {location}");
    }
}

#[tokio::test]
async fn a_coordinator_cannot_touch_another_agencys_submission() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("skv", Role::Coordinator, Some("SKV")).await;

    app.login_as("pol").await;
    let pol_submission = app.open_submission("2026-Q3").await;

    app.login_as("skv").await;
    let r = app.get(&pol_submission).await;
    assert_eq!(r.status(), 403);
    let body = r.text().await.unwrap();
    assert!(body.contains("annan myndighet"), "the page says why");
    assert!(body.contains("lang=\"sv\""), "rendered through the layout");

    let add = app
        .post_form(
            &format!("{pol_submission}/lines"),
            "/submissions",
            &[("misuse_type", "false_identity"), ("count", "3")],
        )
        .await;
    assert_eq!(add.status(), 403);
    let submit = app
        .post_form(&format!("{pol_submission}/submit"), "/submissions", &[])
        .await;
    assert_eq!(submit.status(), 403);
    assert_eq!(app.count_rows("observation_lines").await, 0);
    assert_eq!(
        app.count_rows("submissions WHERE status = 'submitted'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_ministry_reader_cannot_open_submission_or_analysis_pages() {
    let mut app = spawn_app().await;
    app.add_user("dep", Role::Ministry, None).await;
    app.login_as("dep").await;
    assert!(app.get_text("/").await.contains("href=\"/reports\""));
    assert_eq!(app.get("/reports").await.status(), 200);
    for path in [
        "/submissions",
        "/submissions/1",
        "/review",
        "/review/1",
        "/dashboard",
        "/reports/pdf?period=2026-Q3",
        "/reports/new",
        "/dashboard/trends",
        "/forum",
        "/measures",
        "/notices",
        "/references",
        "/admin",
        "/api/v1/aggregates?from=2026-Q1&to=2026-Q3",
    ] {
        assert_eq!(app.get(path).await.status(), 403, "{path}");
    }
}

#[tokio::test]
async fn analysts_cannot_enter_observations_and_coordinators_cannot_review() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("ana").await;
    assert_eq!(app.get("/submissions").await.status(), 403);
    app.login_as("sam").await;
    assert_eq!(app.get("/review").await.status(), 403);
    assert_eq!(app.get("/dashboard").await.status(), 200);
}

#[tokio::test]
async fn unknown_pages_get_a_swedish_404() {
    let app = spawn_app().await;
    let r = app.get("/finns-inte").await;
    assert_eq!(r.status(), 404);
    let body = r.text().await.unwrap();
    assert!(body.contains("Sidan finns inte"));
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status(), 200);
    assert_eq!(
        app.get("/").await.headers()["x-content-type-options"],
        "nosniff"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_hsts_behind_tls() {
    let app = spawn_app().await;
    let r = app.get("/login").await;
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(r.headers()["referrer-policy"], "same-origin");
    assert!(
        r.headers().get("strict-transport-security").is_none(),
        "plain HTTP: no HSTS"
    );
    let tls = crate::helpers::spawn_app_with(|s| s.cookie_secure = true).await;
    let r = tls.get("/login").await;
    assert_eq!(
        r.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn health_and_readiness_answer_without_login() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    let r = app.get("/readyz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "ready");
}
