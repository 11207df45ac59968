//! Swedish and English: the switch in the header, the choice remembered in the browser
//! and in the account, errors and API answers in the chosen language.

use lagesbild::domain::role::Role;
use serde_json::Value;

use crate::helpers::{new_client, spawn_app, PASSWORD};

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn switch(app: &crate::helpers::TestApp, from_page: &str, lang: &str) -> reqwest::Response {
    app.post_form(
        "/language",
        from_page,
        &[("lang", lang), ("next", from_page)],
    )
    .await
}

#[tokio::test]
async fn the_switch_changes_the_language_and_the_browser_remembers_it() {
    let app = spawn_app().await;
    let login = app.get_text("/login").await;
    assert!(login.contains("<html lang=\"sv\">"), "Swedish by default");
    assert!(login.contains("Hoppa till innehållet"));
    // The switch offers English, marked as English for screen readers.
    assert!(login.contains("lang=\"en\""), "{login}");

    let r = switch(&app, "/login", "en").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lagesbild_lang=en"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age"),
        "{cookie}"
    );

    let login = app.get_text("/login").await;
    assert!(login.contains("<html lang=\"en\">"));
    assert!(login.contains("Skip to content"));
    assert!(!login.contains("Hoppa till innehållet"));

    // Back to Swedish.
    let r = switch(&app, "/login", "sv").await;
    assert_eq!(r.status(), 303);
    assert!(app.get_text("/login").await.contains("<html lang=\"sv\">"));
}

#[tokio::test]
async fn the_switch_refuses_other_sites_and_unknown_languages() {
    let app = spawn_app().await;
    let r = app
        .post_form(
            "/language",
            "/login",
            &[("lang", "en"), ("next", "//evil.example/phish")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/", "only local paths");

    let r = switch(&app, "/login", "fi").await;
    assert_eq!(r.status(), 400);
    let body = r.text().await.unwrap();
    // The first switch already chose English.
    assert!(body.contains("There is no language fi"), "{body}");

    // Without the form's token: refused like every other state change.
    let r = app
        .post_raw("/language", &[("lang", "en"), ("next", "/login")])
        .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn a_users_choice_follows_them_to_another_browser() {
    let mut app = spawn_app().await;
    app.add_user("analytiker1", Role::Analyst, None).await;
    app.login_as("analytiker1").await;
    let r = switch(&app, "/", "en").await;
    assert_eq!(r.status(), 303);
    let home = app.get_text("/").await;
    assert!(home.contains("<html lang=\"en\">"));
    assert!(
        home.contains("Log out") && home.contains("Analyst"),
        "{home}"
    );

    // A new browser without the cookie: after login the stored choice applies.
    app.client = new_client();
    let r = app.login("analytiker1", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let all: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        all.iter().any(|c| c.starts_with("lagesbild_lang=en")),
        "{all:?}"
    );
    assert!(app.get_text("/").await.contains("<html lang=\"en\">"));

    // Choosing Swedish before logging in, in a third browser, becomes the stored choice.
    app.client = new_client();
    let r = switch(&app, "/login", "sv").await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.login("analytiker1", PASSWORD).await.status(), 303);
    let lang = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::users::dsl as u;
            u::users
                .filter(u::username.eq("analytiker1"))
                .select(u::language)
                .first::<String>(c)
                .unwrap()
        })
        .await;
    assert_eq!(lang, "sv");
}

#[tokio::test]
async fn errors_come_in_the_chosen_language() {
    let app = spawn_app().await;
    let r = app.get("/no-such-page").await;
    assert_eq!(r.status(), 404);
    let body = r.text().await.unwrap();
    assert!(body.contains("Sidan finns inte"), "{body}");

    switch(&app, "/login", "en").await;
    let r = app.get("/no-such-page").await;
    assert_eq!(r.status(), 404);
    let body = r.text().await.unwrap();
    assert!(body.contains("Page not found") && body.contains("<html lang=\"en\">"));
    assert!(!body.contains("Sidan finns inte"));

    // A CSRF refusal (a middleware's answer, not a handler's) too.
    let r = app.post_raw("/logout", &[]).await;
    assert_eq!(r.status(), 403);
    let body = r.text().await.unwrap();
    assert!(body.contains("The form has expired"), "{body}");
    // 405 keeps its Allow header when the body is rendered in the language.
    let r = app.get("/logout").await;
    assert_eq!(r.status(), 405);
    assert!(r.headers().contains_key("allow"));
    assert!(r.text().await.unwrap().contains("Method not supported"));
}

#[tokio::test]
async fn the_api_answers_in_the_language_the_client_asks_for() {
    let app = spawn_app().await;
    app.add_user("samordnare1", Role::Coordinator, Some("SKV"))
        .await;
    let token = app.user_token("samordnare1").await;
    let ask = |lang: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            let r = reqwest::Client::new()
                .get(app.url("/api/v1/submissions/999999"))
                .bearer_auth(&token)
                .header("Accept-Language", lang)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 404);
            r.json::<Value>().await.unwrap()["errors"][0]["message"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    assert!(ask("en-GB,en;q=0.9")
        .await
        .starts_with("The page or record does not exist"));
    assert!(ask("sv-SE")
        .await
        .starts_with("Sidan eller posten finns inte"));
    // Unknown languages fall back to Swedish.
    assert!(ask("de").await.starts_with("Sidan eller posten finns inte"));
}
