//! Two-step verification: turning it on with a code from the app, logging in with
//! password and code, a code accepted only once, wrong codes throttled, roles that must
//! use it, and an administrator's reset for a lost phone.

use lagesbild::domain::role::Role;
use totp_rs::{Builder, Secret};

use crate::helpers::{spawn_app, spawn_app_with, TestApp, PASSWORD};

/// The key shown on the set-up page.
fn key_on(page: &str) -> String {
    let marker = "<code class=\"secret\">";
    let start = page.find(marker).expect("the key is shown") + marker.len();
    page[start..start + page[start..].find('<').unwrap()].to_string()
}

/// The app's code for `key`, `steps_ahead` 30-second steps from now.
fn code(key: &str, steps_ahead: u64) -> String {
    let totp = Builder::new()
        .with_secret(Secret::try_from_base32(key).unwrap())
        .build()
        .unwrap();
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    totp.generate(now + 30 * steps_ahead).to_string()
}

/// Sets two-step verification up for the logged-in user; returns the key.
async fn enable(app: &TestApp) -> String {
    let key = key_on(&app.get_text("/account/two-factor").await);
    let r = app
        .post_form(
            "/account/two-factor",
            "/account/two-factor",
            &[("code", &code(&key, 0))],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account");
    key
}

/// The password step in a fresh browser: where it leads.
async fn password_step(app: &mut TestApp, username: &str) -> String {
    app.client = crate::helpers::new_client();
    let r = app.login(username, PASSWORD).await;
    assert_eq!(r.status(), 303);
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn code_step(app: &TestApp, code: &str) -> reqwest::Response {
    app.post_form("/login/code", "/login/code", &[("code", code)])
        .await
}

#[tokio::test]
async fn a_user_turns_it_on_and_then_logs_in_with_password_and_a_code_used_once() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    let elsewhere = app.second_browser();
    assert_eq!(elsewhere.login("ana", PASSWORD).await.status(), 303);

    // A wrong code turns nothing on.
    let page = app.get_text("/account/two-factor").await;
    assert!(page.contains("<svg"), "a QR code");
    let r = app
        .post_form(
            "/account/two-factor",
            "/account/two-factor",
            &[("code", "000000")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Koden stämmer inte"));
    let key = enable(&app).await;
    assert!(app
        .get_text("/account")
        .await
        .contains("Tvåstegsverifieringen är aktiverad"));
    // Sessions opened with the password alone have ended.
    assert_eq!(elsewhere.get("/").await.status(), 303);

    // The password alone no longer logs in: it leads to the code.
    assert_eq!(password_step(&mut app, "ana").await, "/login/code");
    assert_eq!(
        app.get("/").await.status(),
        303,
        "not logged in before the code"
    );
    assert_eq!(code_step(&app, "123456").await.status(), 401);
    let next = code(&key, 1);
    let r = code_step(&app, &next).await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.get("/").await.status(), 200);

    // The same code again, in another login: refused, it has been used.
    assert_eq!(password_step(&mut app, "ana").await, "/login/code");
    let r = code_step(&app, &next).await;
    assert_eq!(r.status(), 401);
    assert!(r.text().await.unwrap().contains("redan använts"));

    for (action, n) in [
        ("two_factor_enabled", 1),
        ("login_password_accepted", 2),
        ("login_code_failed", 2),
    ] {
        assert_eq!(
            app.count_rows(&format!("audit_log WHERE action = '{action}'"))
                .await,
            n,
            "{action}"
        );
    }
}

#[tokio::test]
async fn wrong_codes_are_throttled_and_the_code_page_needs_the_password_first() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    // Without a password step the code page says to start over, and a code does nothing.
    app.client = crate::helpers::new_client();
    let page = app.get_text("/login/code").await;
    assert!(page.contains("Ingen inloggning väntar på en kod"), "{page}");
    let r = code_step(&app, "123456").await;
    assert_eq!(r.status(), 303);

    app.login_as("ana").await;
    let key = enable(&app).await;
    password_step(&mut app, "ana").await;
    for _ in 0..5 {
        assert_eq!(code_step(&app, "000000").await.status(), 401);
    }
    // Now even the right code waits.
    let r = code_step(&app, &code(&key, 1)).await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains("Vänta"));
}

#[tokio::test]
async fn a_role_that_requires_it_sets_it_up_before_anything_else_and_cannot_turn_it_off() {
    let mut app = spawn_app_with(|s| s.two_factor_roles = vec![Role::Admin]).await;
    app.add_user("adm", Role::Admin, None).await;
    app.add_user("ana", Role::Analyst, None).await;

    app.login_as("adm").await;
    let r = app.get("/admin").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account/two-factor");
    let page = app.get_text("/account/two-factor").await;
    assert!(page.contains("Din roll kräver tvåstegsverifiering"));
    enable(&app).await;
    assert_eq!(app.get("/admin").await.status(), 200);
    let r = app
        .post_form(
            "/account/two-factor/disable",
            "/account/two-factor",
            &[("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("kan inte stängas av"));

    // Other roles are not asked; an analyst may turn it on and off again.
    app.login_as("ana").await;
    assert_eq!(app.get("/dashboard").await.status(), 200);
    enable(&app).await;
    let r = app
        .post_form(
            "/account/two-factor/disable",
            "/account/two-factor",
            &[("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(password_step(&mut app, "ana").await, "/");
}

#[tokio::test]
async fn an_administrator_resets_it_for_a_lost_phone() {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    enable(&app).await;
    let id = app.user_id("ana").await;

    app.login_as("adm").await;
    let page = format!("/admin/users/{id}");
    assert!(app
        .get_text(&page)
        .await
        .contains("loggar in med lösenord och kod"));
    let confirm = format!("/admin/users/{id}/two-factor");
    assert!(app
        .get_text(&confirm)
        .await
        .contains("Återställ tvåstegsverifieringen för ana?"));
    let r = app.post_form(&confirm, &confirm, &[]).await;
    assert_eq!(r.status(), 303);
    assert!(app.get_text(&page).await.contains("har inte ställt in"));
    // Ana's password logs her straight in again; she sets it up anew if she wants.
    assert_eq!(password_step(&mut app, "ana").await, "/");
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'two_factor_reset'")
            .await,
        1
    );
}
