use lagesbild::domain::role::Role;

use crate::helpers::{spawn_app, TestApp};

async fn coordinator_with_submission() -> (TestApp, String) {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.login_as("sam").await;
    let path = app.open_submission("2026-Q3").await;
    (app, path)
}

#[tokio::test]
async fn opening_the_same_period_twice_returns_the_same_submission() {
    let (app, path) = coordinator_with_submission().await;
    assert_eq!(app.open_submission("2026-Q3").await, path);
    assert_eq!(app.count_rows("submissions").await, 1);
}

#[tokio::test]
async fn an_invalid_line_is_shown_next_to_the_field_with_the_input_kept() {
    let (app, path) = coordinator_with_submission().await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "false_identity"),
                ("count", "tolv"),
                ("description", "Fler fall i år"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("role=\"alert\""), "error summary");
    assert!(
        body.contains("href=\"#f-count\""),
        "the summary links to the field"
    );
    assert!(
        body.contains("id=\"f-count-error\""),
        "the message stands next to the field"
    );
    assert!(body.contains("aria-describedby=\"f-count-hint f-count-error\""));
    assert!(body.contains("Ange antal som ett heltal, t.ex. 12."));
    assert!(body.contains("value=\"tolv\""), "input kept");
    assert!(body.contains("Fler fall i år"), "description kept");
    assert_eq!(app.count_rows("observation_lines").await, 0);
}

#[tokio::test]
async fn personal_data_in_a_description_is_refused_and_nothing_is_stored() {
    let (app, path) = coordinator_with_submission().await;
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "false_identity"),
                ("count", "2"),
                (
                    "description",
                    "Kontakta handläggaren på test.person@example.se",
                ),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("e-post"), "the message says what was found");
    assert!(
        !body.contains("test.person@example.se\" "),
        "the match is not echoed in a message"
    );
    assert_eq!(app.count_rows("observation_lines").await, 0);
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'personal_data_refused'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_empty_submission_cannot_be_sent_and_a_duplicate_line_is_refused() {
    let (app, path) = coordinator_with_submission().await;
    let r = app.post_form(&format!("{path}/submit"), &path, &[]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("minst en observation"));

    let line = [
        ("misuse_type", "false_identity"),
        ("document_type", "eu_passport"),
        ("count", "5"),
    ];
    assert_eq!(
        app.post_form(&format!("{path}/lines"), &path, &line)
            .await
            .status(),
        303
    );
    let dup = app.post_form(&format!("{path}/lines"), &path, &line).await;
    assert_eq!(dup.status(), 422);
    assert!(dup.text().await.unwrap().contains("samma kombination"));
    assert_eq!(app.count_rows("observation_lines").await, 1);
}

#[tokio::test]
async fn a_returned_submission_is_corrected_as_a_new_version_and_the_old_one_is_kept() {
    let (mut app, path) = coordinator_with_submission().await;
    app.add_user("ana", Role::Analyst, None).await;
    let id = path.rsplit('/').next().unwrap().to_string();
    app.post_form(
        &format!("{path}/lines"),
        &path,
        &[("misuse_type", "look_alike"), ("count", "7")],
    )
    .await;
    assert_eq!(
        app.post_form(&format!("{path}/submit"), &path, &[])
            .await
            .status(),
        303
    );

    app.login_as("ana").await;
    let review = format!("/review/{id}");
    let no_comment = app
        .post_form(&review, &review, &[("decision", "return"), ("comment", "")])
        .await;
    assert_eq!(no_comment.status(), 422);
    let r = app
        .post_form(
            &review,
            &review,
            &[("decision", "return"), ("comment", "Kontrollera antalet.")],
        )
        .await;
    assert_eq!(r.status(), 303);

    app.login_as("sam").await;
    let page = app.get_text(&path).await;
    assert!(
        page.contains("Kontrollera antalet."),
        "the reviewer's comment is shown"
    );
    app.post_form(
        &format!("{path}/lines"),
        &path,
        &[("misuse_type", "false_identity"), ("count", "1")],
    )
    .await;
    assert_eq!(
        app.post_form(&format!("{path}/submit"), &path, &[])
            .await
            .status(),
        303
    );
    assert_eq!(app.count_rows("submission_versions").await, 2);
    // Version 1 still has its single line; version 2 has both.
    assert_eq!(app.count_rows("observation_lines").await, 3);

    // The analyst sees what changed, line by line.
    app.login_as("ana").await;
    let page = app.get_text(&review).await;
    assert!(page.contains("Ändringar sedan version 1"));
    let changes = &page[page.find("Skillnader mellan version 1 och 2").unwrap()..];
    let changes = &changes[..changes.find("</table>").unwrap()];
    assert!(
        changes.contains("<td>Tillagd</td><td>Falsk identitet</td>"),
        "{changes}"
    );
    assert!(
        !changes.contains("Look-alike"),
        "unchanged lines are not listed"
    );
}

#[tokio::test]
async fn an_oversized_form_gets_413_with_a_message_and_stores_nothing() {
    let (app, path) = coordinator_with_submission().await;
    let huge = "ökning ".repeat(60_000);
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "look_alike"),
                ("count", "1"),
                ("description", &huge),
            ],
        )
        .await;
    assert_eq!(r.status(), 413);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("för stort"),
        "{}",
        &body[..200.min(body.len())]
    );
    assert!(body.contains("lang=\"sv\""), "through the layout");
    assert_eq!(app.count_rows("observation_lines").await, 0);
}
