use lagesbild::domain::role::Role;

use crate::helpers::{spawn_app, TestApp, PASSWORD};

#[tokio::test]
async fn login_with_the_right_password_opens_the_start_page() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;

    let r = app.login("ana", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("lagesbild_session="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");

    let home = app.get_text("/").await;
    assert!(home.contains("ana"), "the header names the user");
    assert!(home.contains("Analytiker"));
    assert!(home.contains("lang=\"sv\""));
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;

    let wrong = app.login("ana", "fel-lösenord-123456").await;
    assert_eq!(wrong.status(), 401);
    let wrong_body = wrong.text().await.unwrap();
    let unknown = app.login("ingen-sadan", "fel-lösenord-123456").await;
    assert_eq!(unknown.status(), 401);
    let unknown_body = unknown.text().await.unwrap();
    let message = "Fel användarnamn eller lösenord.";
    assert!(wrong_body.contains(message));
    assert!(unknown_body.contains(message));

    // Still not logged in.
    let r = app.get("/").await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/login"));

    // Both failures are audited.
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'login_failed'")
            .await,
        2
    );
}

#[tokio::test]
async fn logout_ends_the_session() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    assert_eq!(app.get("/").await.status(), 200);

    let r = app.post_form("/logout", "/", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login");

    let after = app.get("/").await;
    assert_eq!(
        after.status(),
        303,
        "logged out users are sent to the login page"
    );
}

/// The session cookie as the server set it (to replay it from another client).
fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("lagesbild_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("a session cookie")
}

async fn with_cookie(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_copied_session_cookie_is_worthless_after_logout() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.client = crate::helpers::new_client();
    let r = app.login("ana", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let copied = session_cookie(&r);
    assert_eq!(with_cookie(&app, &copied, "/").await.status(), 200);

    assert_eq!(app.post_form("/logout", "/", &[]).await.status(), 303);
    let replayed = with_cookie(&app, &copied, "/").await;
    assert_eq!(replayed.status(), 303, "the copy ended with the logout");
    assert_eq!(app.count_rows("audit_log WHERE action = 'logout'").await, 1);
    // Logging in again works, and an old copy cannot log the new session out.
    app.login_as("ana").await;
    let r = reqwest::Client::new()
        .post(app.url("/logout"))
        .header("cookie", &copied)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error() || r.status().is_redirection());
    assert_eq!(app.get("/").await.status(), 200);
}

#[tokio::test]
async fn the_cookie_from_before_login_never_becomes_a_logged_in_session() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.client = crate::helpers::new_client();
    let before = session_cookie(&app.get("/login").await);
    let r = app.login("ana", PASSWORD).await;
    let after = session_cookie(&r);
    assert_ne!(before, after, "a new session at login");
    assert_eq!(with_cookie(&app, &before, "/").await.status(), 303);
    assert_eq!(with_cookie(&app, &after, "/").await.status(), 200);
}

#[tokio::test]
async fn an_idle_session_and_an_old_session_end() {
    // Short limits so the test waits seconds, not half an hour.
    let mut idle = crate::helpers::spawn_app_with(|s| s.session_idle_secs = 1).await;
    idle.add_user("ana", Role::Analyst, None).await;
    idle.login_as("ana").await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let r = idle.get("/").await;
    assert_eq!(r.status(), 303, "idle longer than the limit");
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/login"));

    let mut old = crate::helpers::spawn_app_with(|s| s.session_max_secs = 2).await;
    old.add_user("ana", Role::Analyst, None).await;
    old.login_as("ana").await;
    // Active all the time (never idle), yet the absolute lifetime ends it.
    for _ in 0..2 {
        tokio::time::sleep(std::time::Duration::from_millis(900)).await;
        assert_eq!(old.get("/").await.status(), 200);
    }
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    assert_eq!(old.get("/").await.status(), 303, "older than the lifetime");
}

#[tokio::test]
async fn deactivated_users_lose_their_session() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    assert_eq!(app.get("/").await.status(), 200);
    let db = app.db.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use lagesbild::db::schema::users;
        let mut c = db.conn().unwrap();
        diesel::update(users::table.filter(users::username.eq("ana")))
            .set(users::active.eq(0))
            .execute(&mut *c)
            .unwrap();
    })
    .await
    .unwrap();
    assert_eq!(app.get("/").await.status(), 303);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_name_with_a_clear_message() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    for _ in 0..5 {
        assert_eq!(app.login("ana", "fel-lösenord-123456").await.status(), 401);
    }
    // Locked now: even the right password waits, and the page says what to do.
    let r = app.login("ana", PASSWORD).await;
    assert_eq!(r.status(), 429);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("För många misslyckade inloggningar. Vänta"),
        "{body}"
    );
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'account_locked'")
            .await,
        1
    );
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'login_throttled'")
            .await,
        1
    );
    // Other accounts are not affected.
    app.add_user("bosse", Role::Analyst, None).await;
    app.login_as("bosse").await;
    // The name is stored only hashed: the five failures sit under its digest.
    use sha2::Digest;
    let digest = hex::encode(sha2::Sha256::digest(b"ana"));
    assert_eq!(
        app.count_rows(&format!(
            "login_failures WHERE throttle_key = 'name:{digest}'"
        ))
        .await,
        5
    );
    assert_eq!(
        app.count_rows("login_failures WHERE throttle_key = 'name:ana'")
            .await,
        0
    );
}

#[test]
fn the_password_policy_refuses_short_common_and_name_based_passwords() {
    use lagesbild::services::auth::check_password_policy;
    let codes = |u: &str, p: &str| {
        check_password_policy(u, p)
            .iter()
            .map(|e| e.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("ana", "kort"), ["too_short"]);
    assert_eq!(codes("ana", "Password1234"), ["common"]);
    assert_eq!(codes("ana", "aaaaaaaaaaaaaaa"), ["common"]);
    assert_eq!(
        codes("anders.svensson", "anders.svensson-2026"),
        ["contains_username"]
    );
    assert!(codes("ana", "korrekt häst batteri häftklammer").is_empty());
}

/// A login through a fresh browser whose request carries `X-Forwarded-For: forwarded`.
async fn login_from(app: &TestApp, forwarded: &str, username: &str, password: &str) -> u16 {
    let client = crate::helpers::new_client();
    let page = client
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = crate::helpers::csrf_from(&page);
    client
        .post(app.url("/login"))
        .header("x-forwarded-for", forwarded)
        .form(&[
            ("username", username),
            ("password", password),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_throttled_on_its_own() {
    use lagesbild::services::auth::ADDRESS_LIMIT;
    let app = crate::helpers::spawn_app_with(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    app.add_user("ana", Role::Analyst, None).await;
    // Failures from one client behind the proxy, each under another name so that the
    // per-account limit stays out of it.
    for i in 0..ADDRESS_LIMIT {
        let name = format!("okand{i}");
        assert_eq!(
            login_from(&app, "203.0.113.5", &name, "fel-lösenord-123456").await,
            401
        );
    }
    assert_eq!(login_from(&app, "203.0.113.5", "ana", PASSWORD).await, 429);
    // Another client behind the same proxy is not held up by it.
    assert_eq!(login_from(&app, "203.0.113.6", "ana", PASSWORD).await, 303);
}

#[tokio::test]
async fn a_forged_forwarded_header_does_not_escape_the_address_throttle() {
    use lagesbild::services::auth::ADDRESS_LIMIT;
    // No trusted proxy: every request comes from the test's own address, whatever it says.
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    for i in 0..ADDRESS_LIMIT {
        let (from, name) = (format!("203.0.113.{i}"), format!("okand{i}"));
        assert_eq!(
            login_from(&app, &from, &name, "fel-lösenord-123456").await,
            401
        );
    }
    assert_eq!(login_from(&app, "198.51.100.1", "ana", PASSWORD).await, 429);
}
