//! Knowledge notices and reference figures, through the pages, on both backends.

use lagesbild::domain::notice::Marking;
use lagesbild::domain::period::Period;
use lagesbild::domain::role::Role;
use lagesbild::domain::taxonomy::Dimension;
use lagesbild::services::{auth, notices, references};
use serde_json::json;

use crate::helpers::{spawn_app, TestApp};

/// A complete notice form; `extra` replaces or adds fields.
fn notice_form<'a>(title: &'a str, marking: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "modus_operandi"),
        ("title", title),
        (
            "description",
            "Körkort med utbytta foton används när konton öppnas digitalt.",
        ),
        ("misuse_type", "look_alike"),
        ("misuse_type", "forged_document"),
        ("document_type", "driving_licence"),
        ("chain_stage", "verification"),
        ("marking", marking),
        ("valid_from", "2026-07-01"),
        ("valid_to", ""),
    ]
}

fn with<'a>(
    mut form: Vec<(&'a str, &'a str)>,
    field: &'a str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    form.retain(|(k, _)| *k != field);
    form.push((field, value));
    form
}

/// Creates a notice as the logged-in user; returns its path.
async fn create_notice(app: &TestApp, form: &[(&str, &str)]) -> String {
    let r = app.post_form("/notices", "/notices/new", form).await;
    assert_eq!(r.status(), 303, "create notice");
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn submit_notice(app: &TestApp, path: &str) {
    let r = app.post_form(&format!("{path}/submit"), path, &[]).await;
    assert_eq!(r.status(), 303, "submit {path}");
}

async fn review_notice(
    app: &TestApp,
    path: &str,
    decision: &str,
    comment: &str,
) -> reqwest::Response {
    app.post_form(
        &format!("{path}/review"),
        path,
        &[("decision", decision), ("comment", comment)],
    )
    .await
}

async fn user(app: &TestApp, username: &str) -> auth::User {
    let u = username.to_string();
    app.with_db(move |c| {
        let row = lagesbild::db::queries::users::by_username(c, &u)
            .unwrap()
            .unwrap();
        auth::load_active_user(c, row.id).unwrap().unwrap()
    })
    .await
}

async fn status_of(app: &TestApp, path: &str) -> String {
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    app.with_db(move |c| {
        use diesel::prelude::*;
        use lagesbild::db::schema::notices as n;
        n::table
            .find(id)
            .select(n::status)
            .first::<String>(c)
            .unwrap()
    })
    .await
}

async fn people() -> TestApp {
    let app = spawn_app().await;
    app.add_user("skv", Role::Coordinator, Some("SKV")).await;
    app.add_user("skv2", Role::Coordinator, Some("SKV")).await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("ana2", Role::Analyst, None).await;
    app.add_user("chef", Role::Approver, None).await;
    app.add_user("dep", Role::Ministry, None).await;
    app
}

#[tokio::test]
async fn a_notice_reaches_other_agencies_only_after_review_and_amber_stays_within_the_id_center() {
    let mut app = people().await;

    // A coordinator drafts and submits a GREEN notice.
    app.login_as("skv").await;
    let green = create_notice(&app, &notice_form("Utbytta foton i körkort", "GREEN")).await;
    let page = app.get_text(&green).await;
    assert!(page.contains("Utkast") && page.contains("Skatteverket"));
    assert!(page.contains("TLP:GREEN"));
    assert!(page.contains("Look-alike") && page.contains("Körkort"));
    submit_notice(&app, &green).await;
    assert_eq!(status_of(&app, &green).await, "submitted");

    // Another agency sees nothing yet; the author's agency does.
    app.login_as("pol").await;
    assert!(!app.get_text("/notices").await.contains("Utbytta foton"));
    assert_eq!(app.get(&green).await.status(), 404);
    app.login_as("skv2").await;
    assert!(app.get_text("/notices").await.contains("Utbytta foton"));

    // A coordinator cannot review; an analyst approves.
    let r = review_notice(&app, &green, "accept", "").await;
    assert_eq!(r.status(), 403);
    app.login_as("ana").await;
    let list = app.get_text("/notices").await;
    assert!(list.contains("Utbytta foton") && list.contains("väntar på granskning"));
    let r = review_notice(&app, &green, "accept", "").await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, &green).await, "approved");

    app.login_as("pol").await;
    assert!(app.get_text("/notices").await.contains("Utbytta foton"));
    assert_eq!(app.get(&green).await.status(), 200);

    // The author cannot approve their own notice (an analyst writing for the forum).
    app.login_as("ana").await;
    let forum = create_notice(&app, &notice_form("Forumets iakttagelse om intyg", "CLEAR")).await;
    assert!(app.get_text(&forum).await.contains("Operativt ID-forum"));
    submit_notice(&app, &forum).await;
    let page = app.get_text(&forum).await;
    assert!(page.contains("En annan analytiker behöver granska den"));
    assert!(
        !page.contains("name=\"decision\""),
        "no review form for the author"
    );
    let r = review_notice(&app, &forum, "accept", "").await;
    assert_eq!(r.status(), 403);
    assert_eq!(status_of(&app, &forum).await, "submitted");
    app.login_as("ana2").await;
    assert_eq!(
        review_notice(&app, &forum, "accept", "").await.status(),
        303
    );

    // AMBER: after approval, only the ID-center and the issuing agency see it.
    app.login_as("skv").await;
    let amber = create_notice(
        &app,
        &notice_form("Sårbarhet i kontroll av uppehållskort", "AMBER"),
    )
    .await;
    submit_notice(&app, &amber).await;
    app.login_as("ana").await;
    assert_eq!(
        review_notice(&app, &amber, "accept", "").await.status(),
        303
    );
    for (who, sees) in [
        ("pol", false),
        ("skv2", true),
        ("ana", true),
        ("ana2", true),
        ("chef", true),
    ] {
        app.login_as(who).await;
        let list = app.get_text("/notices").await;
        assert_eq!(list.contains("Sårbarhet i kontroll"), sees, "{who} list");
        assert_eq!(
            app.get(&amber).await.status(),
            if sees { 200 } else { 404 },
            "{who} page"
        );
        assert!(
            list.contains("Utbytta foton"),
            "{who} sees the approved GREEN notice"
        );
    }

    // The ministry sees no notices in the application.
    app.login_as("dep").await;
    assert_eq!(app.get("/notices").await.status(), 403);
    assert_eq!(app.get(&green).await.status(), 403);
    assert_eq!(app.get("/notices/new").await.status(), 403);
    assert!(!app.get_text("/reports").await.contains("href=\"/notices\""));

    // The lists the dashboard and the report will use follow the same rules.
    let q3 = Period::parse("2026-Q3").unwrap();
    let pol = user(&app, "pol").await;
    let seen = app
        .with_db(move |c| {
            notices::for_series(c, &pol, Some("look_alike"), Some("driving_licence"), q3).unwrap()
        })
        .await;
    let titles: Vec<&str> = seen.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Forumets iakttagelse om intyg", "Utbytta foton i körkort"]
    );
    let pol = user(&app, "pol").await;
    let none = app
        .with_db(move |c| notices::for_series(c, &pol, Some("false_identity"), None, q3).unwrap())
        .await;
    assert!(none.is_empty());
    let earlier = Period::parse("2026-Q2").unwrap();
    let pol = user(&app, "pol").await;
    let before_valid = app
        .with_db(move |c| notices::for_series(c, &pol, Some("look_alike"), None, earlier).unwrap())
        .await;
    assert!(before_valid.is_empty(), "not yet valid in 2026-Q2");
    let in_report = |level: Marking| {
        app.with_db(move |c| {
            notices::for_report(c, q3, level)
                .unwrap()
                .into_iter()
                .map(|n| n.marking)
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(in_report(Marking::Clear).await, vec![Marking::Clear]);
    let mut green_level = in_report(Marking::Green).await;
    green_level.sort();
    assert_eq!(green_level, vec![Marking::Clear, Marking::Green]);
    assert_eq!(in_report(Marking::Amber).await.len(), 3);

    for (action, n) in [
        ("notice_created", 3),
        ("notice_submitted", 3),
        ("notice_approved", 3),
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
async fn personal_data_in_a_notice_or_a_return_comment_is_refused_stored_nowhere_and_audited() {
    let mut app = people().await;
    app.login_as("skv").await;
    let refused = "audit_log WHERE action = 'personal_data_refused' AND entity = 'notice'";

    let r = app
        .post_form(
            "/notices",
            "/notices/new",
            &with(
                notice_form("Ring 070-123 45 67", "GREEN"),
                "description",
                "Fråga anna.svensson@polisen.se om detaljer.",
            ),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("role=\"alert\""), "error summary");
    assert!(body.contains("href=\"#f-title\"") && body.contains("href=\"#f-description\""));
    assert!(
        body.contains("id=\"f-description-error\""),
        "message next to the field"
    );
    assert!(
        body.contains("telefonnummer") && body.contains("e-postadress"),
        "says what was found"
    );
    assert!(body.contains("checked"), "the checked links are kept");
    assert_eq!(app.count_rows("notices").await, 0);
    assert_eq!(app.count_rows("notice_links").await, 0);
    assert_eq!(app.count_rows(refused).await, 1);
    let detail: String = app
        .with_db(|c| {
            lagesbild::db::queries::audit::recent(c, 1).unwrap()[0]
                .detail
                .clone()
                .unwrap()
        })
        .await;
    assert!(
        !detail.contains("anna") && !detail.contains("070"),
        "no text in the audit: {detail}"
    );

    // Other mistakes are listed too, with the input kept.
    let r = app
        .post_form(
            "/notices",
            "/notices/new",
            &with(
                with(notice_form("Ett utkast", "RED"), "valid_to", "2026-06-01"),
                "kind",
                "",
            ),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("href=\"#f-kind\"") && body.contains("href=\"#f-marking\""));
    assert!(body.contains("Slutdatumet ligger före startdatumet"));
    assert!(body.contains("value=\"Ett utkast\""));
    assert_eq!(app.count_rows("notices").await, 0);

    // A valid notice; the analyst's return comment is screened as well.
    let path = create_notice(
        &app,
        &notice_form("Falska intyg vid folkbokföring", "GREEN"),
    )
    .await;
    submit_notice(&app, &path).await;
    app.login_as("ana").await;
    let r = review_notice(&app, &path, "return", "Kontakta Anna på 070-123 45 67.").await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("id=\"f-comment-error\""));
    assert_eq!(status_of(&app, &path).await, "submitted");
    assert_eq!(
        app.count_rows("notices WHERE review_comment IS NOT NULL")
            .await,
        0
    );
    assert_eq!(app.count_rows(refused).await, 2);
    let r = review_notice(&app, &path, "return", "").await;
    assert_eq!(r.status(), 422, "a return needs a comment");

    let r = review_notice(
        &app,
        &path,
        "return",
        "Ange vilka handlingstyper det gäller.",
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, &path).await, "returned");

    // The author sees the comment, edits and resubmits. Edits are screened too.
    app.login_as("skv").await;
    assert!(app
        .get_text(&path)
        .await
        .contains("Ange vilka handlingstyper det gäller."));
    let edit = format!("{path}/edit");
    let form = app.get_text(&edit).await;
    assert!(
        form.contains("value=\"Falska intyg vid folkbokföring\""),
        "the form is filled in"
    );
    let r = app
        .post_form(
            &edit,
            &edit,
            &with(
                notice_form("Falska intyg", "GREEN"),
                "description",
                "Se Storgatan 12 i Åmål.",
            ),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(app.count_rows(refused).await, 3);
    assert_eq!(
        app.count_rows("notices WHERE title = 'Falska intyg'").await,
        0
    );
    let r = app
        .post_form(
            &edit,
            &edit,
            &with(
                notice_form("Falska intyg vid folkbokföring", "GREEN"),
                "document_type",
                "certificate",
            ),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        status_of(&app, &path).await,
        "returned",
        "stays returned until resubmitted"
    );
    assert_eq!(
        app.count_rows("notice_links WHERE code = 'certificate'")
            .await,
        1
    );
    assert_eq!(
        app.count_rows("notice_links WHERE code = 'driving_licence'")
            .await,
        0
    );
    submit_notice(&app, &path).await;
    assert_eq!(status_of(&app, &path).await, "submitted");
    // Submitted notices cannot be edited.
    assert_eq!(
        app.post_form(&edit, &path, &notice_form("Ändrad", "GREEN"))
            .await
            .status(),
        409
    );
    for action in ["notice_returned", "notice_updated"] {
        assert_eq!(
            app.count_rows(&format!("audit_log WHERE action = '{action}'"))
                .await,
            1,
            "{action}"
        );
    }
}

fn search_path(params: &[(&str, &str)]) -> String {
    format!("/notices?{}", serde_urlencoded::to_string(params).unwrap())
}

#[tokio::test]
async fn search_folds_swedish_letters_and_case_and_treats_wildcards_literally() {
    let mut app = people().await;
    app.login_as("skv").await;
    create_notice(
        &app,
        &notice_form("Förfalskade körkort från Österåker", "GREEN"),
    )
    .await;
    create_notice(
        &app,
        &with(
            with(
                with(
                    notice_form("Ökning med 40 % av falska intyg", "AMBER"),
                    "kind",
                    "risk_indicator",
                ),
                "document_type",
                "certificate",
            ),
            "description",
            "Andelen falska intyg vid folkbokföring ökar.",
        ),
    )
    .await;
    let found = |page: &str| page.contains(">Förfalskade körkort från Österåker</a>");
    let other = |page: &str| page.contains(">Ökning med 40 % av falska intyg</a>");

    for q in [
        "österÅker",
        "FÖRFALSKADE",
        "körkort",
        "KÖRKORT österåker",
        "ÖSTERÅKER",
    ] {
        let page = app.get_text(&search_path(&[("q", q)])).await;
        assert!(found(&page), "{q} finds the notice");
        assert!(!other(&page), "{q} finds only it");
    }
    let page = app.get_text(&search_path(&[("q", "stockholm")])).await;
    assert!(!found(&page) && !other(&page));
    assert!(page.contains("Inga notiser matchar sökningen"));

    // % and _ are literal characters, not wildcards.
    let page = app.get_text(&search_path(&[("q", "%")])).await;
    assert!(other(&page) && !found(&page), "% matches only a literal %");
    let page = app.get_text(&search_path(&[("q", "_")])).await;
    assert!(!other(&page) && !found(&page), "_ matches nothing here");
    let page = app.get_text(&search_path(&[("q", "40 %")])).await;
    assert!(other(&page));

    // Filters, combined with the search, and kept in the form.
    let page = app
        .get_text(&search_path(&[
            ("document_type", "driving_licence"),
            ("q", ""),
        ]))
        .await;
    assert!(found(&page) && !other(&page));
    let page = app
        .get_text(&search_path(&[("kind", "risk_indicator")]))
        .await;
    assert!(other(&page) && !found(&page));
    assert!(page.contains("<option value=\"risk_indicator\" selected>"));
    let page = app.get_text(&search_path(&[("marking", "AMBER")])).await;
    assert!(other(&page) && !found(&page));
    let page = app
        .get_text(&search_path(&[
            ("agency", "SKV"),
            ("misuse_type", "look_alike"),
            ("chain_stage", "verification"),
        ]))
        .await;
    assert!(found(&page) && other(&page));
    let page = app.get_text(&search_path(&[("agency", "forum")])).await;
    assert!(!found(&page) && !other(&page));
    let page = app
        .get_text(&search_path(&[("status", "draft"), ("q", "körkort")]))
        .await;
    assert!(found(&page));
    assert_eq!(
        app.get(&search_path(&[("kind", "gossip")])).await.status(),
        400
    );

    // Another agency's coordinator finds nothing: both are unapproved drafts.
    app.login_as("pol").await;
    let page = app.get_text(&search_path(&[("q", "österåker")])).await;
    assert!(!found(&page));
}

/// The numeric cells of the overview table.
fn table_cells(page: &str) -> Vec<String> {
    page.split("<td class=\"num\">")
        .skip(1)
        .map(|s| s.split("</td>").next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn reference_figures_are_registered_filtered_edited_deleted_and_never_counted() {
    let mut app = people().await;
    app.open_period("2026-Q3").await;
    // Accepted data on the dashboard first.
    let token = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &token,
            json!({"period": "2026-Q3", "submit": true, "lines": [{"misuse_type": "hijacked_identity", "count": 17}]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    app.login_as("ana").await;
    let review = format!("/review/{id}");
    assert_eq!(
        app.post_form(&review, &review, &[("decision", "accept")])
            .await
            .status(),
        303
    );
    let before = app.get_text("/dashboard?period=2026-Q3").await;
    let cells_before = table_cells(&before);
    assert!(cells_before.contains(&"17".to_string()), "{cells_before:?}");

    let figure = |url: &'static str, period: &'static str, value: &'static str| {
        vec![
            ("source", "Polisens lägesbild över organiserad brottslighet"),
            ("title", "Anmälda bedrägerier med kapad identitet"),
            ("published_on", "2026-05-15"),
            ("url", url),
            ("value", value),
            ("unit", "antal"),
            ("period", period),
            ("series", "misuse_type:hijacked_identity"),
        ]
    };
    // A bad link and a bad period are refused with messages that say what to do.
    let r = app
        .post_form(
            "/references",
            "/references/new",
            &figure("javascript:alert(1)", "2026-Q5", "1 200"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("börjar med https://"), "url message");
    assert!(body.contains("ett kvartal (2026-Q3)"), "period message");
    assert!(body.contains("id=\"f-url-error\"") && body.contains("id=\"f-period-error\""));
    assert!(body.contains("value=\"2026-Q5\""), "input kept");
    let r = app
        .post_form(
            "/references",
            "/references/new",
            &figure("ftp://polisen.se/fil", "2026-Q3", "1 200"),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(app.count_rows("reference_figures").await, 0);

    let r = app
        .post_form(
            "/references",
            "/references/new",
            &figure("https://polisen.se/lagesbild", "2026-Q3", "1 234,5"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let mut other = figure("https://bra.se/rapport", "2026", "3");
    other.retain(|(k, _)| *k != "series" && *k != "title");
    other.push(("series", "exploitation_area:loans"));
    other.push(("title", "Låneupplägg med falska identiteter"));
    assert_eq!(
        app.post_form("/references", "/references/new", &other)
            .await
            .status(),
        303
    );

    let list = app.get_text("/references").await;
    assert!(
        list.contains("1\u{202f}234,5") && list.contains("Anmälda bedrägerier med kapad identitet")
    );
    assert!(list.contains("href=\"https://polisen.se/lagesbild\""));
    let filtered = app
        .get_text("/references?series=misuse_type%3Ahijacked_identity")
        .await;
    assert!(filtered.contains("1\u{202f}234,5") && !filtered.contains("Låneupplägg med"));
    let filtered = app
        .get_text("/references?series=exploitation_area%3Aloans")
        .await;
    assert!(!filtered.contains("1\u{202f}234,5") && filtered.contains("Låneupplägg med"));
    assert_eq!(
        app.get("/references?series=document_type%3Aeu_passport")
            .await
            .status(),
        400
    );

    // Never mixed into the aggregation: the dashboard's numbers are unchanged.
    let after = app.get_text("/dashboard?period=2026-Q3").await;
    assert_eq!(table_cells(&after), cells_before);

    // For charts and reports.
    let (from, to) = (
        Period::parse("2026-Q1").unwrap(),
        Period::parse("2026-Q4").unwrap(),
    );
    let series = app
        .with_db(move |c| {
            references::for_series(c, Dimension::MisuseType, "hijacked_identity", from, to).unwrap()
        })
        .await;
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].value, 1234.5);
    assert_eq!(series[0].period, Period::parse("2026-Q3").unwrap());
    let loans = app
        .with_db(move |c| {
            references::for_series(c, Dimension::ExploitationArea, "loans", from, to).unwrap()
        })
        .await;
    assert_eq!(
        loans.len(),
        1,
        "a year figure lies within four quarters of the year"
    );
    let q3 = Period::parse("2026-Q3").unwrap();
    let none = app
        .with_db(move |c| {
            references::for_series(c, Dimension::ExploitationArea, "loans", q3, q3).unwrap()
        })
        .await;
    assert!(
        none.is_empty(),
        "a year figure does not lie within one quarter"
    );

    // Edit, with the form filled in; personal data refused; then delete after confirming.
    let rid: i64 = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::reference_figures as rf;
            rf::table
                .filter(rf::code.eq("hijacked_identity"))
                .select(rf::id)
                .first(c)
                .unwrap()
        })
        .await;
    let edit = format!("/references/{rid}/edit");
    let form = app.get_text(&edit).await;
    assert!(form.contains("value=\"1234,5\"") && form.contains("value=\"2026-Q3\""));
    let mut screened = figure("https://polisen.se/lagesbild", "2026-Q3", "1 300");
    screened.retain(|(k, _)| *k != "source");
    screened.push(("source", "Uppgift från kalle.anka@polisen.se"));
    assert_eq!(app.post_form(&edit, &edit, &screened).await.status(), 422);
    assert_eq!(
        app.count_rows(
            "audit_log WHERE action = 'personal_data_refused' AND entity = 'reference_figure'"
        )
        .await,
        1
    );
    let r = app
        .post_form(
            &edit,
            &edit,
            &figure("https://polisen.se/lagesbild", "2026-H2", "1 300"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let list = app.get_text("/references").await;
    assert!(list.contains("1\u{202f}300") && list.contains("2026-H2"));

    let delete = format!("/references/{rid}/delete");
    let confirm = app.get_text(&delete).await;
    assert!(confirm.contains("Vill du ta bort uppgiften"));
    assert_eq!(
        app.count_rows("reference_figures").await,
        2,
        "asking deletes nothing"
    );
    assert_eq!(app.post_form(&delete, &delete, &[]).await.status(), 303);
    assert_eq!(app.count_rows("reference_figures").await, 1);
    for action in [
        "reference_created",
        "reference_updated",
        "reference_deleted",
    ] {
        assert!(
            app.count_rows(&format!("audit_log WHERE action = '{action}'"))
                .await
                >= 1,
            "{action}"
        );
    }

    // Dashboard readers read; only analysts and admins edit; the ministry sees nothing.
    app.login_as("pol").await;
    assert!(app
        .get_text("/references")
        .await
        .contains("Låneupplägg med"));
    assert_eq!(app.get("/references/new").await.status(), 403);
    let token_page = "/notices/new";
    assert_eq!(
        app.post_form(
            "/references",
            token_page,
            &figure("https://polisen.se/x", "2026", "1")
        )
        .await
        .status(),
        403
    );
    app.login_as("dep").await;
    assert_eq!(app.get("/references").await.status(), 403);
    assert_eq!(app.count_rows("reference_figures").await, 1);
}
