//! User administration and one's own password: accounts made and changed on
//! `/admin/users`, sessions that end when access changes, and `/account/password`.

use lagesbild::domain::role::Role;

use crate::helpers::{spawn_app, TestApp, PASSWORD};

/// The secret shown once in a `<code class="secret">` on the page.
fn shown_password(page: &str) -> String {
    let marker = "<code class=\"secret\">";
    let start = page.find(marker).expect("a password is shown") + marker.len();
    let end = page[start..].find('<').unwrap() + start;
    page[start..end].to_string()
}

/// A second client logged in as `username` with `password`.
async fn session_of(app: &TestApp, username: &str, password: &str) -> TestApp {
    let other = app.second_browser();
    let r = other.login(username, password).await;
    assert_eq!(r.status(), 303, "login as {username}");
    other
}

#[tokio::test]
async fn an_administrator_creates_an_account_whose_password_is_shown_once() {
    let mut app = spawn_app().await;
    app.add_user("admin", Role::Admin, None).await;
    app.login_as("admin").await;

    let r = app
        .post_form(
            "/admin/users",
            "/admin/users",
            &[
                ("username", "ny.samordnare"),
                ("display_name", "Ny samordnare, SKV"),
                ("role", "coordinator"),
                ("agency", "SKV"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Kontot ny.samordnare är skapat"), "{page}");
    let password = shown_password(&page);
    assert_eq!(password.len(), 20);
    // The list shows the account; the password is nowhere else. An agency token's service
    // account is not a login: it is managed under API tokens, not here.
    app.agency_token("SKV").await;
    let list = app.get_text("/admin/users").await;
    assert!(list.contains("ny.samordnare") && list.contains("Ny samordnare, SKV"));
    assert!(!list.contains(&password));
    assert!(!list.contains("api-skv"), "{list}");
    let service = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::users as u;
            u::table
                .filter(u::username.like("api-skv-%"))
                .select(u::id)
                .first::<i64>(c)
                .unwrap()
        })
        .await;
    assert_eq!(
        app.get(&format!("/admin/users/{service}")).await.status(),
        404
    );

    // The new user logs in with it and works as their agency's coordinator.
    let user = session_of(&app, "ny.samordnare", &password).await;
    assert_eq!(user.get("/submissions").await.status(), 200);
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'user_created'")
            .await,
        2
    );
}

#[tokio::test]
async fn a_new_account_is_refused_with_reasons_and_nothing_is_stored() {
    let mut app = spawn_app().await;
    app.add_user("admin", Role::Admin, None).await;
    app.login_as("admin").await;
    let before = app.count_rows("users").await;

    // A coordinator without an agency, a bad username, and a personnummer-like name.
    let r = app
        .post_form(
            "/admin/users",
            "/admin/users",
            &[
                ("username", "x"),
                ("display_name", "Anna 19121212-1212"),
                ("role", "coordinator"),
                ("agency", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("En samordnare måste höra till en myndighet"),
        "{page}"
    );
    assert!(
        page.contains("Användarnamnet ska vara 3–64 tecken"),
        "{page}"
    );
    assert!(
        page.contains("personuppgift") || page.contains("personnummer"),
        "{page}"
    );
    // No role chosen.
    let r = app
        .post_form(
            "/admin/users",
            "/admin/users",
            &[("username", "utan.roll"), ("role", "")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Välj en roll."));
    assert_eq!(app.count_rows("users").await, before);
}

/// Saves Ana's account page with this role and status; the response status.
async fn save_ana(app: &TestApp, page: &str, role: &str, active: bool) -> u16 {
    let mut fields = vec![("display_name", "Ana"), ("role", role), ("agency", "")];
    if active {
        fields.push(("active", "on"));
    }
    app.post_form(page, page, &fields).await.status().as_u16()
}

#[tokio::test]
async fn a_changed_role_or_a_deactivation_ends_the_users_sessions() {
    let mut app = spawn_app().await;
    app.add_user("admin", Role::Admin, None).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("admin").await;
    let ana = session_of(&app, "ana", PASSWORD).await;
    assert_eq!(ana.get("/review").await.status(), 200);
    let id = app.user_id("ana").await;
    let page = format!("/admin/users/{id}");

    // Saving without a change keeps the session.
    assert_eq!(save_ana(&app, &page, "analyst", true).await, 303);
    assert_eq!(
        ana.get("/review").await.status(),
        200,
        "no change of access"
    );

    // Analyst → approver: Ana's open session ends at her next request.
    assert_eq!(save_ana(&app, &page, "approver", true).await, 303);
    let after = ana.get("/review").await;
    assert_eq!(after.status(), 303);
    assert!(after.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/login"));
    // Logged in again she has the new role: review is an analyst's, not hers now.
    let ana = session_of(&app, "ana", PASSWORD).await;
    assert_eq!(ana.get("/review").await.status(), 403);
    assert_eq!(ana.get("/dashboard").await.status(), 200);

    // Deactivated: the session ends and she cannot log in again.
    assert_eq!(save_ana(&app, &page, "approver", false).await, 303);
    assert_eq!(ana.get("/dashboard").await.status(), 303);
    assert_eq!(ana.login("ana", PASSWORD).await.status(), 401);
    let list = app.get_text("/admin/users").await;
    assert!(list.contains("Avaktiverat"));

    // Reactivated: she can log in again.
    assert_eq!(save_ana(&app, &page, "approver", true).await, 303);
    session_of(&app, "ana", PASSWORD).await;

    for action in [
        "user_role_changed",
        "user_deactivated",
        "user_activated",
        "user_renamed",
    ] {
        assert_eq!(
            app.count_rows(&format!("audit_log WHERE action = '{action}'"))
                .await,
            1,
            "{action}"
        );
    }
}

#[tokio::test]
async fn administrators_cannot_lock_themselves_out() {
    let mut app = spawn_app().await;
    app.add_user("admin", Role::Admin, None).await;
    app.login_as("admin").await;
    let id = app.user_id("admin").await;
    let page = format!("/admin/users/{id}");
    let r = app
        .post_form(
            &page,
            &page,
            &[
                ("display_name", "admin"),
                ("role", "analyst"),
                ("agency", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("Du kan inte avaktivera ditt eget konto"),
        "{body}"
    );
    assert!(body.contains("Du kan inte ta bort din egen administratörsroll"));
    // Still an administrator, still logged in.
    assert_eq!(app.get("/admin/users").await.status(), 200);
}

#[tokio::test]
async fn a_reset_password_replaces_the_old_one_and_ends_the_sessions() {
    let mut app = spawn_app().await;
    app.add_user("admin", Role::Admin, None).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("admin").await;
    let sam = session_of(&app, "sam", PASSWORD).await;
    let id = app.user_id("sam").await;

    let confirm = app.get_text(&format!("/admin/users/{id}/password")).await;
    assert!(confirm.contains("Återställ lösenordet för sam?"));
    let r = app
        .post_form(
            &format!("/admin/users/{id}/password"),
            &format!("/admin/users/{id}/password"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 200);
    let password = shown_password(&r.text().await.unwrap());

    assert_eq!(sam.get("/submissions").await.status(), 303, "session ended");
    assert_eq!(sam.login("sam", PASSWORD).await.status(), 401);
    session_of(&app, "sam", &password).await;
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'user_password_reset'")
            .await,
        1
    );
}

#[tokio::test]
async fn users_change_their_own_password_and_their_other_sessions_end() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    let elsewhere = session_of(&app, "ana", PASSWORD).await;
    let new = "en-helt-ny-lösenordsfras-77";

    // Wrong current password, a short one, and two that differ: refused with reasons.
    let r = app
        .post_form(
            "/account/password",
            "/account/password",
            &[
                ("current_password", "fel-lösenord-123456"),
                ("password", "kort"),
                ("repeat_password", "annat"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Det nuvarande lösenordet stämmer inte"),
        "{page}"
    );
    assert!(page.contains("Lösenordet ska vara minst 12 tecken"));
    assert!(page.contains("Lösenorden är inte lika"));
    assert!(
        !page.contains("fel-lösenord-123456"),
        "passwords never echo"
    );

    let r = app
        .post_form(
            "/account/password",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", new),
                ("repeat_password", new),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account");
    // This session goes on; the other one has ended; only the new password works.
    let account = app.get_text("/account").await;
    assert!(account.contains("Lösenordet är bytt"));
    assert_eq!(elsewhere.get("/dashboard").await.status(), 303);
    assert_eq!(elsewhere.login("ana", PASSWORD).await.status(), 401);
    session_of(&app, "ana", new).await;
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'password_changed'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_password_form_is_no_way_round_the_login_throttle() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    let new = "en-helt-ny-lösenordsfras-77";
    let change = |current: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "/account/password",
                "/account/password",
                &[
                    ("current_password", current),
                    ("password", new),
                    ("repeat_password", new),
                ],
            )
            .await
        }
    };
    // Someone with Ana's open session guesses her password: five guesses, then the
    // account waits, here as at the login page.
    for _ in 0..5 {
        assert_eq!(change("fel-lösenord-123456").await.status(), 422);
    }
    let r = change(PASSWORD).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vänta"));
    assert_eq!(
        app.second_browser().login("ana", PASSWORD).await.status(),
        429
    );
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'password_check_failed'")
            .await,
        5
    );
}
