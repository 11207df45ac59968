//! The Operational ID Forum and the register of measures.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};
use crate::pdf::PdfText;

/// Administrator `adm`, coordinators `skv`, `pol`, `mig`, analyst `ana`; the rotation
/// SKV, POL, MIG (the administrator is logged in).
pub(crate) async fn forum_app() -> TestApp {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.add_user("skv", Role::Coordinator, Some("SKV")).await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("mig", Role::Coordinator, Some("MIG")).await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("adm").await;
    let r = app
        .post_form(
            "/admin/rotation",
            "/admin/rotation",
            &[("order", "SKV, POL, MIG")],
        )
        .await;
    assert_eq!(r.status(), 303);
    app
}

/// Posts a new meeting (`held_on`, `convener`, `override_reason`); the answer.
pub(crate) async fn new_meeting(
    app: &TestApp,
    date: &str,
    convener: &str,
    reason: &str,
) -> reqwest::Response {
    app.post_form(
        "/forum",
        "/forum",
        &[
            ("held_on", date),
            ("convener", convener),
            ("override_reason", reason),
        ],
    )
    .await
}

fn meeting_path(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn rotation_proposes_the_next_convener_and_an_override_needs_a_reason() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let page = app.get_text("/forum").await;
    assert!(
        page.contains("det <strong>Skatteverket</strong> som sammankallar"),
        "first in the rotation"
    );
    assert_eq!(
        new_meeting(&app, "2026-09-01", "SKV", "").await.status(),
        303
    );
    assert!(app
        .get_text("/forum")
        .await
        .contains("<strong>Polismyndigheten</strong> som sammankallar"));
    assert_eq!(
        new_meeting(&app, "2026-09-15", "POL", "").await.status(),
        303
    );
    assert!(app
        .get_text("/forum")
        .await
        .contains("<strong>Migrationsverket</strong> som sammankallar"));

    // Overriding the proposal (MIG) with SKV needs a reason.
    let r = new_meeting(&app, "2026-09-29", "SKV", "").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Skriv skälet"));
    let r = new_meeting(&app, "2026-09-29", "SKV", "Migrationsverket har förhinder.").await;
    assert_eq!(r.status(), 303);
    let page = app.get_text(&meeting_path(&r)).await;
    assert!(page.contains("i stället för Migrationsverket: Migrationsverket har förhinder."));
    // The rotation continues after the actual convener.
    assert!(app
        .get_text("/forum")
        .await
        .contains("<strong>Polismyndigheten</strong> som sammankallar"));
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'forum_meeting_created'")
            .await,
        3
    );
}

#[tokio::test]
async fn a_follow_up_carries_over_until_done_and_overdue_ones_stand_out() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let first = meeting_path(&new_meeting(&app, "2026-01-10", "SKV", "").await);
    let r = app
        .post_form(
            &format!("{first}/followups"),
            &first,
            &[
                ("followup", "Fördjupad analys av kapade konton"),
                ("owner", "POL"),
                ("due_on", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("#uppfoljning"));

    let second = meeting_path(&new_meeting(&app, "2026-01-24", "POL", "").await);
    // SKV is not attending the second meeting yet: only the convener's coordinator records.
    app.login_as("pol").await;
    let page = app.get_text(&second).await;
    assert!(page.contains("Fördjupad analys av kapade konton"));
    assert!(page.contains("Överförd från 2026-01-10"));
    assert!(page.contains("Försenad"), "due 2026-02-01 has passed");

    let fid = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::forum_followups as f;
            f::table.select(f::id).first::<i64>(c).unwrap()
        })
        .await;
    let r = app
        .post_form(
            &format!("{second}/followups/{fid}/status"),
            &second,
            &[("status", "done")],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.login_as("skv").await;
    let third = meeting_path(&new_meeting(&app, "2026-02-07", "MIG", "").await);
    assert!(
        !app.get_text(&third)
            .await
            .contains("Fördjupad analys av kapade konton"),
        "done: no longer carried over"
    );
}

#[tokio::test]
async fn personal_data_is_refused_in_agenda_notes_and_follow_ups() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let m = meeting_path(&new_meeting(&app, "2026-03-03", "SKV", "").await);
    for (path, fields) in [
        ("agenda", vec![("agenda", "Ärendet med 19850101-XXXX")]),
        (
            "notes",
            vec![("notes", "Ring 070-123 45 67"), ("decisions", "")],
        ),
        (
            "followups",
            vec![
                ("followup", "Mejla ansvarig@example.se"),
                ("owner", "SKV"),
                ("due_on", ""),
            ],
        ),
    ] {
        let r = app.post_form(&format!("{m}/{path}"), &m, &fields).await;
        assert_eq!(r.status(), 422, "{path}");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Inga personuppgifter får lämnas"),
            "{path}"
        );
    }
    assert_eq!(app.count_rows("forum_agenda_items").await, 0);
    assert_eq!(app.count_rows("forum_followups").await, 0);
    assert_eq!(
        app.count_rows("forum_meetings WHERE notes IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'personal_data_refused'")
            .await,
        3
    );
}

#[tokio::test]
async fn forum_observations_count_only_after_acceptance_and_as_source_forum() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let m = meeting_path(&new_meeting(&app, "2026-08-20", "SKV", "").await);
    // POL attends; its coordinator may then record too, MIG's may not.
    app.post_form(
        &format!("{m}/attendance"),
        &m,
        &[("agency", "SKV"), ("agency", "POL")],
    )
    .await;
    app.login_as("mig").await;
    let r = app
        .post_form(
            &format!("{m}/observations"),
            &m,
            &[("misuse_type", "look_alike"), ("count", "3")],
        )
        .await;
    assert_eq!(r.status(), 403);
    app.login_as("pol").await;
    let r = app
        .post_form(
            &format!("{m}/observations"),
            &m,
            &[
                ("misuse_type", "look_alike"),
                ("count", "777"),
                ("description", "Look-alike-fall vid gränskontroll."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.post_form(&format!("{m}/observations/submit"), &m, &[])
            .await
            .status(),
        303
    );

    let forum_totals = |app: &TestApp| {
        let app_db = app.db.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                let mut c = app_db.conn().unwrap();
                let q = lagesbild::domain::period::Period::parse("2026-Q3").unwrap();
                (
                    lagesbild::services::aggregation::totals_by_source(&mut c, "forum", &[q])
                        .unwrap(),
                    lagesbild::services::aggregation::totals_by_source(&mut c, "agency", &[q])
                        .unwrap(),
                )
            })
            .await
            .unwrap()
        }
    };
    let (forum, _) = forum_totals(&app).await;
    assert!(forum[0].is_empty(), "not accepted yet");

    app.login_as("ana").await;
    let queue = app.get_text("/review").await;
    let id = queue
        .split("/review/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let review = format!("/review/{id}");
    assert_eq!(
        app.post_form(&review, &review, &[("decision", "accept")])
            .await
            .status(),
        303
    );
    let (forum, agency) = forum_totals(&app).await;
    assert_eq!(forum[0].get("look_alike"), Some(&777));
    assert!(agency[0].is_empty(), "the forum is a source of its own");
    assert!(app
        .get_text("/dashboard?period=2026-Q3")
        .await
        .contains("777"));
}

#[tokio::test]
async fn minutes_are_a_pdf_with_the_meeting_date() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let m = meeting_path(&new_meeting(&app, "2026-10-06", "SKV", "").await);
    app.post_form(
        &format!("{m}/agenda"),
        &m,
        &[("agenda", "Nya former av förfalskade intyg")],
    )
    .await;
    app.post_form(
        &format!("{m}/notes"),
        &m,
        &[
            ("notes", "Ökning av intyg från tredje land."),
            ("decisions", "Arbetsgrupp tillsätts."),
        ],
    )
    .await;
    let r = app.get(&format!("{m}/minutes.pdf")).await;
    assert_eq!(r.status(), 200);
    let pdf = PdfText::parse(&r.bytes().await.unwrap());
    assert!(
        pdf.pages.len() <= 2,
        "one to two pages: {}",
        pdf.pages.len()
    );
    let text = pdf.all();
    assert!(text.contains("2026-10-06"));
    assert!(text.contains("Nya former av förfalskade intyg"));
    assert!(text.contains("Arbetsgrupp tillsätts."));
    pdf.assert_every_page_framed("Intern");
    // The ministry sees nothing of the forum.
    app.add_user("dep", Role::Ministry, None).await;
    app.login_as("dep").await;
    assert_eq!(app.get("/forum").await.status(), 403);
    assert_eq!(app.get(&m).await.status(), 403);
}

async fn accepted_quarters(app: &TestApp, series: &[(&str, &[i64])]) {
    let token = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let quarters = [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4",
    ];
    for (i, q) in quarters.iter().enumerate() {
        let lines: Vec<Value> = series
            .iter()
            .map(|(mt, v)| json!({"misuse_type": mt, "count": v[i]}))
            .collect();
        app.submit_and_accept(&token, &ana, q, json!(lines)).await;
    }
}

#[tokio::test]
async fn a_measure_shows_its_measured_effect_and_marks_the_trend_chart() {
    let mut app = forum_app().await;
    accepted_quarters(
        &app,
        &[
            ("false_identity", &[20, 22, 19, 21, 8, 9, 7, 10]),
            ("look_alike", &[10, 11, 9, 10, 10, 9, 11, 10]),
        ],
    )
    .await;
    app.login_as("ana").await;
    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[
                ("title", "Skärpt kontroll vid folkbokföring"),
                ("kind", "control_campaign"),
                ("status", "in_force"),
                ("start_on", "2026-01-15"),
                ("end_on", ""),
                ("description", "Extra kontroll av identitetshandlingar."),
                ("agencies", "SKV"),
                ("agencies", "POL"),
                ("misuse_type", "false_identity"),
                ("misuse_type", "look_alike"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app
        .get_text(r.headers()["location"].to_str().unwrap())
        .await;
    // false_identity: before (20+22+19+21)/4 = 20.5, after (8+9+7+10)/4 = 8.5, −58.5 %.
    // Exact test: X = 34 of T = 116 with p = 0.5; two-sided p ≈ 9.7e-6.
    let row = |label: &str| {
        let s = page
            .find(&format!("<th scope=\"row\">{label}</th>"))
            .unwrap();
        page[s..s + page[s..].find("</tr>").unwrap()].to_string()
    };
    let fi = row("Falsk identitet");
    assert!(
        fi.contains(">20,5<") && fi.contains(">8,5<") && fi.contains("−58,5"),
        "{fi}"
    );
    assert!(
        fi.contains("&#60; 0,001") && fi.contains("Tydlig minskning"),
        "{fi}"
    );
    // look_alike: 40 before and 40 after: no change, p = 1.
    let la = row("Look-alike");
    assert!(
        la.contains(">10,0<")
            && la.contains("0,0")
            && la.contains("1,000")
            && la.contains("Ingen säkerställd förändring"),
        "{la}"
    );

    // The query for a time range finds the measure in force, and not outside its time.
    let found = app
        .with_db(|c| {
            let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            let inside =
                lagesbild::services::measures::in_range(c, d("2026-02-01"), d("2026-03-31"))
                    .unwrap();
            let before =
                lagesbild::services::measures::in_range(c, d("2025-01-01"), d("2025-12-31"))
                    .unwrap();
            (inside.len(), before.len())
        })
        .await;
    assert_eq!(found, (1, 0));

    // The marker stands on the trend chart.
    let overview = app.get_text("/dashboard?period=2026-Q4").await;
    let svg = &overview[overview.find("<svg").unwrap()..overview.find("</svg>").unwrap()];
    assert!(
        svg.contains("▲ Skärpt kontroll vid folkbok"),
        "marker label in the SVG"
    );

    // A measure starting after the data says plainly that it is too early to judge.
    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[
                ("title", "Ny rutin för intyg"),
                ("kind", "new_routine"),
                ("status", "decided"),
                ("start_on", "2026-10-01"),
                ("misuse_type", "false_identity"),
            ],
        )
        .await;
    let page = app
        .get_text(r.headers()["location"].to_str().unwrap())
        .await;
    assert!(
        page.contains("För få perioder för att bedöma: 1 kvartal efter starten"),
        "{}",
        &page[page.find("Uppmätt").unwrap()..]
    );

    // Coordinators read measures but cannot edit them.
    app.login_as("skv").await;
    assert_eq!(app.get("/measures").await.status(), 200);
    assert_eq!(app.get("/measures/new").await.status(), 403);
}
