//! Administration: periods, taxonomy, tokens, through the pages.

use lagesbild::domain::role::Role;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn an_admin_opens_and_closes_periods_in_the_browser() {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    let r = app
        .post_form(
            "/admin/periods",
            "/admin/periods",
            &[("period", "2026-13"), ("deadline", "2026-10-15")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("2026-H2"), "the accepted forms are listed");
    assert!(body.contains("value=\"2026-13\""), "input kept");

    let r = app
        .post_form(
            "/admin/periods",
            "/admin/periods",
            &[("period", "2027-Q1"), ("deadline", "2099-04-15")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/admin/periods").await;
    assert!(page.contains("2027-Q1") && page.contains("2099-04-15") && page.contains("Öppen"));

    // Closing asks on a second page first.
    let confirm = app.get_text("/admin/periods/2027-Q1/close").await;
    assert!(confirm.contains("Stäng perioden"));
    let r = app
        .post_form(
            "/admin/periods/2027-Q1/close",
            "/admin/periods/2027-Q1/close",
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.count_rows("reporting_periods WHERE status = 'closed'")
            .await,
        1
    );
}

#[tokio::test]
async fn taxonomy_codes_are_added_relabelled_and_retired_never_deleted() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    let add = |code: &'static str, sv: &'static str| {
        [
            ("dimension", "misuse_type"),
            ("code", code),
            ("label_sv", sv),
            ("label_en", "Synthetic identity"),
        ]
    };
    let r = app
        .post_form(
            "/admin/taxonomy",
            "/admin/taxonomy",
            &add("Bad Code", "Syntetisk identitet"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = app
        .post_form(
            "/admin/taxonomy",
            "/admin/taxonomy",
            &add("synthetic_identity", "Kontakt: x.y@example.se"),
        )
        .await;
    assert_eq!(r.status(), 422, "labels are screened for personal data");
    let r = app
        .post_form(
            "/admin/taxonomy",
            "/admin/taxonomy",
            &add("synthetic_identity", "Syntetisk identitet"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/admin/taxonomy").await;
    assert!(page.contains("Taxonomi, version 2"));

    // The new code is usable at once, by the API too.
    let token = app.agency_token("SKV").await;
    let line =
        json!({"period": "2026-Q3", "lines": [{"misuse_type": "synthetic_identity", "count": 2}]});
    assert_eq!(
        app.api_post("/api/v1/submissions", &token, line.clone())
            .await
            .status(),
        201
    );

    // Relabel, then retire: old data keeps the code, new data may not use it.
    let r = app
        .post_form(
            "/admin/taxonomy/misuse_type/synthetic_identity",
            "/admin/taxonomy/misuse_type/synthetic_identity",
            &[
                ("label_sv", "Syntetisk identitet (ny)"),
                ("label_en", "Synthetic identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post_form(
            "/admin/taxonomy/misuse_type/synthetic_identity/retire",
            "/admin/taxonomy/misuse_type/synthetic_identity/retire",
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(app
        .get_text("/admin/taxonomy")
        .await
        .contains("Taxonomi, version 3"));
    let r = app.api_post("/api/v1/submissions", &token, line).await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        app.count_rows("taxonomy_codes WHERE code = 'synthetic_identity' AND retired = 1")
            .await,
        1
    );
    assert_eq!(
        app.count_rows("observation_lines WHERE misuse_type = 'synthetic_identity'")
            .await,
        1
    );
}

#[tokio::test]
async fn admins_create_tokens_shown_once_and_revoke_them() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    let r = app
        .post_form(
            "/admin/tokens",
            "/admin/tokens",
            &[("kind", "agency"), ("agency", "EBM")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    let start = page.find("lgb_").expect("the token is shown once");
    let token: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    assert!(
        !app.get_text("/admin/tokens").await.contains(&token),
        "never shown again"
    );

    let body = json!({"period": "2026-Q3", "lines": [{"misuse_type": "look_alike", "count": 1}]});
    assert_eq!(
        app.api_post("/api/v1/submissions", &token, body.clone())
            .await
            .status(),
        201
    );
    let id = app
        .with_db(|c| {
            use diesel::prelude::*;
            lagesbild::db::schema::api_tokens::table
                .select(lagesbild::db::schema::api_tokens::id)
                .first::<i64>(c)
                .unwrap()
        })
        .await;
    let path = format!("/admin/tokens/{id}/revoke");
    assert!(app.get_text(&path).await.contains("Återkalla"));
    assert_eq!(app.post_form(&path, &path, &[]).await.status(), 303);
    assert_eq!(
        app.api_post("/api/v1/submissions", &token, body)
            .await
            .status(),
        401
    );
    // Non-admins never reach these pages.
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    assert_eq!(app.get("/admin/tokens").await.status(), 403);
}

#[tokio::test]
async fn a_coordinator_uploads_a_csv_file_in_the_browser() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    let r = app
        .upload_csv("2026-Q3", "misuse_type;count\nlook_alike;1\nokänd;2\n")
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Rad 3 i filen"), "errors name the file line");
    assert_eq!(app.count_rows("observation_lines").await, 0);

    let r = app
        .upload_csv(
            "2026-Q3",
            "misuse_type;count\nlook_alike;1\nfalse_identity;2\n",
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let page = app.get_text(&location).await;
    assert!(page.contains("Filen är inläst"));
    assert_eq!(app.count_rows("observation_lines").await, 2);

    // Without the token in the query string the upload is refused.
    let form = reqwest::multipart::Form::new().text("period", "2026-Q3");
    let r = app
        .client
        .post(app.url("/submissions/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}
