//! Reporting in English: the coordinator's form and its errors, the CSV import, the API's
//! answers and the analyst's review, all in the reader's language; Swedish stays the
//! default.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// Switches the client's language from a page with a form (the header's switch).
async fn switch(app: &TestApp, page: &str, lang: &str) {
    let r = app
        .post_form("/language", page, &[("lang", lang), ("next", page)])
        .await;
    assert_eq!(r.status(), 303, "switch to {lang}");
}

/// A page as a reader sees it: the escaped apostrophes and quotes of the HTML unescaped.
async fn fetch(app: &TestApp, path: &str) -> String {
    unescape(&app.get_text(path).await)
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'").replace("&quot;", "\"")
}

/// The text of the element with `id` (up to its first closing tag).
fn element<'a>(page: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\">");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no element {id} in the page"))
        + marker.len();
    let end = page[start..].find("</").unwrap() + start;
    &page[start..end]
}

#[tokio::test]
async fn a_coordinators_form_and_its_errors_come_in_english() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    switch(&app, "/submissions", "en").await;

    let list = fetch(&app, "/submissions").await;
    assert!(list.contains("<html lang=\"en\">"));
    assert!(list.contains("Report your agency's observations"), "{list}");
    assert!(list.contains("Reporting period <span class=\"req\">(required)</span>"));
    assert!(!list.contains("Inrapportering"), "{list}");

    let path = app.open_submission("2026-Q3").await;
    let page = fetch(&app, &path).await;
    assert!(
        page.contains("Submission 2026-Q3 – Swedish Tax Agency"),
        "{page}"
    );
    assert!(page.contains("Period: quarter 3 2026."), "{page}");
    assert!(page.contains("<strong>Draft</strong> (version 1)"));
    assert!(page.contains("Add an observation") && page.contains("Type of misuse"));
    assert!(
        page.contains(">False identity</option>"),
        "English taxonomy labels"
    );
    assert!(page.contains(">Not specified</option>"));
    assert!(page.contains("A whole number from 0 to 1,000,000."));

    // Three mistakes at once: no misuse type, a count in words, an e-mail address.
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", ""),
                ("count", "tolv"),
                ("description", "Mejla a.b@example.se för detaljer"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = unescape(&r.text().await.unwrap());
    assert!(
        body.contains("Please correct the following"),
        "error summary"
    );
    assert_eq!(
        element(&body, "f-count-error"),
        "Enter the count as a whole number, e.g. 12."
    );
    assert_eq!(
        element(&body, "f-misuse_type-error"),
        "Choose the type of misuse."
    );
    let pd = element(&body, "f-description-error");
    assert!(
        pd.starts_with(
            "The description contains something that looks like an e-mail address at character 7"
        ),
        "{pd}"
    );
    assert!(pd.contains("No personal data may be entered. Remove the e-mail address."));
    assert!(!body.contains("Ange antal") && !body.contains("Beskrivningen"));
    assert!(body.contains("value=\"tolv\""), "the input is kept");

    // A saved line: the flash and the count in the English way.
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "false_identity"),
                ("count", "1234"),
                ("trend", "increasing"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = fetch(&app, &path).await;
    assert!(page.contains("The observation has been saved."));
    assert!(
        page.contains("Observations in version 1 (1 line)"),
        "{page}"
    );
    assert!(page.contains("<td class=\"num\">1,234</td>"));
    assert!(page.contains("<td>Increasing</td>"));
    let submit = app.post_form(&format!("{path}/submit"), &path, &[]).await;
    assert_eq!(submit.status(), 303);
    let page = fetch(&app, &path).await;
    assert!(page.contains("The submission has been sent for review. Thank you!"));
    assert!(page.contains("<strong>Submitted</strong>"));

    // The same page in Swedish: Swedish words and the Swedish digit grouping.
    switch(&app, &path, "sv").await;
    let page = fetch(&app, &path).await;
    assert!(page.contains("<strong>Inskickad</strong>"));
    assert!(
        page.contains("<td class=\"num\">1\u{202f}234</td>"),
        "{page}"
    );
    assert!(page.contains("Period: kvartal 3 2026."));
}

#[tokio::test]
async fn a_csv_import_error_names_the_line_in_english() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    switch(&app, "/submissions", "en").await;

    // A value error on file line 4.
    let r = app
        .upload_csv(
            "2026-Q3",
            "misuse_type;count\nlook_alike;1\nfalse_identity;2\nhijacked_identity;four\n",
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = unescape(&r.text().await.unwrap());
    assert!(
        page.contains("Line 4 of the file: Enter the count as a whole number, e.g. 12."),
        "{page}"
    );
    assert!(!page.contains("Rad 4"));

    // A structural error: the file's own line, and what to check.
    let r = app
        .upload_csv(
            "2026-Q3",
            "misuse_type;count\nlook_alike;1\nfalse_identity;2;3\n",
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = unescape(&r.text().await.unwrap());
    assert!(
        page.contains("Line 3 has 3 fields but the header line has 2."),
        "{page}"
    );
    assert_eq!(app.count_rows("observation_lines").await, 0);

    let r = app
        .upload_csv("2026-Q3", "misuse_type;count\nlook_alike;1\n")
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let page = fetch(&app, &location).await;
    assert!(
        page.contains("The file has been imported. The submission's status is ‘draft’."),
        "{page}"
    );
}

/// Eight accepted quarters of about 20 false identities: the history a count of 400 is
/// far above.
async fn seed_history(app: &TestApp, token: &str, analyst: &str) {
    for (q, n) in [
        "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2",
    ]
    .iter()
    .zip([20, 22, 19, 25, 21, 18, 23, 20])
    {
        app.submit_and_accept(
            token,
            analyst,
            q,
            json!([{"misuse_type": "false_identity", "count": n}]),
        )
        .await;
    }
}

#[tokio::test]
async fn the_api_answers_a_bad_line_and_a_warning_in_the_language_asked_for() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    let ana = app.user_token("ana").await;
    let skv = app.agency_token("SKV").await;
    let post = |path: &'static str, lang: Option<&'static str>, body: reqwest::Body, ct| {
        let mut r = reqwest::Client::new()
            .post(app.url(path))
            .bearer_auth(&skv)
            .header("content-type", ct)
            .body(body);
        if let Some(lang) = lang {
            r = r.header("Accept-Language", lang);
        }
        r.send()
    };
    let bad = json!({"period": "2026-Q3", "lines": [
        {"misuse_type": "false_identity", "count": 1},
        {"misuse_type": "look_alike", "count": "four"},
    ]})
    .to_string();
    app.open_period("2026-Q3").await;

    let r = post(
        "/api/v1/submissions",
        Some("en-GB,en;q=0.9"),
        bad.clone().into(),
        "application/json",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    let e = &v["errors"][0];
    assert_eq!(
        (e["line"].as_i64(), e["code"].as_str()),
        (Some(2), Some("not_integer"))
    );
    assert_eq!(e["message"], "Enter the count as a whole number, e.g. 12.");

    // Without the header: Swedish, the default.
    let r = post("/api/v1/submissions", None, bad.into(), "application/json")
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["errors"][0]["message"],
        "Ange antal som ett heltal, t.ex. 12."
    );

    // A CSV file: the structural error names the file's line in English.
    let r = post(
        "/api/v1/submissions.csv?period=2026-Q3",
        Some("en"),
        "misuse_type;count\nlook_alike;1\nfalse_identity;2;3\n".into(),
        "text/csv",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["errors"][0]["line"], 3);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Line 3 has 3 fields but the header line has 2."),
        "{v}"
    );

    // A warning about an unusual count comes in the caller's language too.
    seed_history(&app, &skv, &ana).await;
    let body = json!({"period": "2026-Q3", "lines": [
        {"misuse_type": "false_identity", "count": 4000},
    ]})
    .to_string();
    let r = post(
        "/api/v1/submissions",
        Some("en"),
        body.into(),
        "application/json",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    let message = v["warnings"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("The count for false identity (4,000) is much higher than in your agency's earlier periods"),
        "{v}"
    );
}

#[tokio::test]
async fn an_analysts_review_pages_come_in_english() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let submit = |app: &TestApp, lines: Value| {
        let body = json!({"period": "2026-Q3", "submit": true, "lines": lines});
        let (url, token) = (app.url("/api/v1/submissions"), skv.clone());
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let first = json!([{"misuse_type": "false_identity", "count": 1234, "trend": "increasing"}]);
    let r = submit(&app, first.clone()).await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let review = format!("/review/{id}");

    app.login_as("ana").await;
    switch(&app, "/review", "en").await;
    let list = fetch(&app, "/review").await;
    assert!(list.contains("<html lang=\"en\">"));
    assert!(
        list.contains("Submissions waiting for review, oldest first."),
        "{list}"
    );
    assert!(
        list.contains(">Swedish Tax Agency</a>"),
        "the agency's English name"
    );
    assert!(!list.contains("Granskning"));

    // A return needs a comment: the error in English, next to the field.
    let r = app
        .post_form(&review, &review, &[("decision", "return"), ("comment", "")])
        .await;
    assert_eq!(r.status(), 422);
    let body = unescape(&r.text().await.unwrap());
    assert_eq!(
        element(&body, "f-comment-error"),
        "Write a comment that says what needs correcting."
    );
    let r = app
        .post_form(
            &review,
            &review,
            &[("decision", "return"), ("comment", "Add the look-alikes.")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(fetch(&app, "/review")
        .await
        .contains("The submission's status is now ‘returned’."));

    // The agency sends version 2 with one more line.
    let mut second = first.as_array().unwrap().clone();
    second.push(json!({"misuse_type": "look_alike", "count": 3}));
    assert_eq!(submit(&app, Value::Array(second)).await.status(), 201);

    let page = fetch(&app, &review).await;
    assert!(
        page.contains("Review Swedish Tax Agency, 2026-Q3"),
        "{page}"
    );
    assert!(page.contains("<strong>Submitted</strong> (version 2)"));
    assert!(page.contains("Changes since version 1"));
    assert!(
        page.contains("<tr><td>Added</td><td>Look-alike</td><td></td><td>count 3</td></tr>"),
        "{page}"
    );
    assert!(page.contains("Observations in version 2 (2 lines)"));
    assert!(page.contains("<td>False identity</td>") && page.contains("<td>Increasing</td>"));
    assert!(page.contains("<td class=\"num\">1,234</td>"));
    assert!(page.contains(">Accept</button>") && page.contains(">Return</button>"));
    assert!(!page.contains("Godkänn") && !page.contains("Tillagd"));

    let r = app
        .post_form(&review, &review, &[("decision", "accept")])
        .await;
    assert_eq!(r.status(), 303);
    assert!(fetch(&app, "/review")
        .await
        .contains("The submission's status is now ‘accepted’."));
}
