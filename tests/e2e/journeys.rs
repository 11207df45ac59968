//! One journey per role, through the pages as a person uses them: links, forms and buttons,
//! no direct requests. Data the journey needs beforehand (users, periods, accepted
//! submissions, a published edition) is made through the services or the HTTP API.

use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use lagesbild::domain::role::Role;
use serde_json::json;
use thirtyfour::prelude::*;

use crate::browser::{Browser, Js, Result};
use crate::helpers::{spawn_app, TestApp};

/// Runs `journey` in a browser; screenshots on failure, axe and the other checks at the
/// end. Returns quietly when the browser is missing here (the message says so).
macro_rules! run {
    ($name:expr, $app:expr, $js:expr, $journey:expr) => {{
        if let Some(mut b) = Browser::start($name, &$app.address, $js).await {
            let outcome = AssertUnwindSafe($journey(&mut b)).catch_unwind().await;
            b.finish(outcome).await;
        }
    }};
}

// ---------------------------------------------------------------------------------------
// Coordinator: a period with a validation error first, corrected, then submitted.

async fn coordinator_app() -> TestApp {
    let app = spawn_app().await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.open_period("2026-Q3").await;
    app
}

async fn coordinator(b: &mut Browser) -> Result {
    b.login("sam").await?;
    b.follow("Inrapportering", "submissions").await?;
    b.select("f-period", "2026-Q3").await?;
    b.press("Öppna inrapportering", "submission").await?;
    assert!(b.h1().await?.starts_with("Inrapportering 2026-Q3"));

    // A count in words: refused, the message next to the field and in a summary on top.
    b.select("f-misuse_type", "exploited_identity").await?;
    b.select("f-document_type", "eu_passport").await?;
    b.fill("f-count", "tolv").await?;
    b.fill(
        "f-description",
        "Kapade identiteter används för att öppna bankkonton.",
    )
    .await?;
    b.press("Spara observationen", "submission-error").await?;
    let summary = b.el(".error-summary").await?;
    assert_eq!(summary.attr("role").await?.as_deref(), Some("alert"));
    let link = summary.find(By::Css("a[href='#f-count']")).await?;
    assert!(
        link.text().await?.contains("heltal"),
        "the summary says what to do"
    );
    let message = b.el("div.field.has-error #f-count-error").await?;
    assert!(message.text().await?.contains("Ange antal som ett heltal"));
    let count = b.el("div.field.has-error #f-count").await?;
    let described = count.attr("aria-describedby").await?.unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "f-count-error"),
        "{described}"
    );
    assert_eq!(count.value().await?.as_deref(), Some("tolv"), "input kept");
    assert_eq!(
        b.el("#f-description").await?.value().await?.as_deref(),
        Some("Kapade identiteter används för att öppna bankkonton."),
        "the other fields are kept too"
    );
    // The summary's link leads to the field.
    link.click().await?;
    assert!(b.path().await.is_ok());
    assert!(b.driver.current_url().await?.as_str().ends_with("#f-count"));

    // Corrected: saved, shown in the table.
    b.fill("f-count", "12").await?;
    b.press("Spara observationen", "submission-line").await?;
    let table = b.el("#rader").await?.text().await?;
    assert!(
        table.contains("Utnyttjad identitet") && table.contains("12"),
        "{table}"
    );
    assert!(b
        .driver
        .find_all(By::Css(".error-summary"))
        .await?
        .is_empty());

    b.press("Skicka in för granskning", "submission-sent")
        .await?;
    let body = b.body().await?;
    assert!(body.contains("Inskickad"), "{body}");
    assert!(
        b.driver.find_all(By::Id("f-count")).await?.is_empty(),
        "no longer editable"
    );
    Ok(())
}

/// Keyboard only on the observation form: skip link, then every control in the order
/// they are read, each with a visible focus ring.
async fn coordinator_keyboard(b: &mut Browser) -> Result {
    b.login("sam").await?;
    b.follow("Inrapportering", "submissions").await?;
    b.press("Öppna inrapportering", "submission").await?;
    let order = b.keyboard_walk().await?;
    let pos = |id: &str| {
        order
            .iter()
            .position(|o| o == id)
            .unwrap_or_else(|| panic!("{id} is not reachable by keyboard: {order:?}"))
    };
    let fields = [
        "f-misuse_type",
        "f-exploitation_area",
        "f-document_type",
        "f-count",
        "f-description",
    ];
    for w in fields.windows(2) {
        assert!(pos(w[0]) < pos(w[1]), "{} before {}: {order:?}", w[0], w[1]);
    }
    assert!(
        order.iter().any(|o| o == "Spara observationen"),
        "{order:?}"
    );
    // The login page too.
    b.logout().await?;
    let order = b.keyboard_walk().await?;
    let u = order.iter().position(|o| o == "f-username");
    let p = order.iter().position(|o| o == "f-password");
    let go = order.iter().position(|o| o == "Logga in");
    assert!(u < p && p < go && u.is_some(), "{order:?}");
    Ok(())
}

#[tokio::test]
async fn coordinator_reports_a_period_correcting_a_validation_error() {
    let app = coordinator_app().await;
    run!("coordinator", app, Js::On, coordinator);
    assert_eq!(
        app.count_rows("submissions WHERE status = 'submitted'")
            .await,
        1
    );
}

async fn coordinator_without_js(b: &mut Browser) -> Result {
    assert!(
        !b.runs_javascript().await?,
        "JavaScript is off in this browser"
    );
    coordinator(b).await
}

#[tokio::test]
async fn coordinator_journey_works_without_javascript() {
    let app = coordinator_app().await;
    run!("coordinator-no-js", app, Js::Off, coordinator_without_js);
    assert_eq!(
        app.count_rows("submissions WHERE status = 'submitted'")
            .await,
        1
    );
}

#[tokio::test]
async fn keyboard_alone_reaches_every_field_in_order_with_visible_focus() {
    let app = coordinator_app().await;
    run!("keyboard", app, Js::On, coordinator_keyboard);
}

// ---------------------------------------------------------------------------------------
// Analyst: reviews and accepts, filters a dashboard, downloads the CSV.

async fn accepted_history(app: &TestApp, quarters: &[(&str, i64)]) {
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    for (q, n) in quarters {
        app.submit_and_accept(
            &skv,
            &ana,
            q,
            json!([
                {"misuse_type": "exploited_identity", "count": n},
                {"misuse_type": "false_identity", "count": n / 2, "document_type": "eu_passport"}
            ]),
        )
        .await;
    }
}

async fn analyst(b: &mut Browser) -> Result {
    b.login("ana").await?;
    b.follow("Granskning", "review-list").await?;
    b.follow("Skatteverket", "review").await?;
    assert_eq!(b.h1().await?, "Granska Skatteverket, 2026-Q3");
    assert!(b.el("#rader").await?.text().await?.contains("61"));
    b.press("Godkänn", "review-accepted").await?;
    assert!(b
        .el("[role=status]")
        .await?
        .text()
        .await?
        .contains("godkänd"));

    b.follow("Översikt", "overview").await?;
    let overview = b.body().await?;
    assert!(overview.contains("2026-Q3"), "the accepted period is shown");
    b.follow("Trender", "trends").await?;
    b.select("f-misuse_type", "false_identity").await?;
    b.press("Visa", "trends-filtered").await?;
    assert!(b.path().await?.contains("misuse_type=false_identity"));
    let table = b.el(".table-wrap table").await?.text().await?;
    assert!(table.contains("Falsk identitet"), "{table}");
    assert!(!table.contains("Utnyttjad identitet"), "filtered: {table}");
    assert!(table.contains("30"), "2026-Q3: 61 / 2 = 30: {table}");

    b.driver
        .find(By::LinkText("Ladda ner CSV"))
        .await?
        .click()
        .await?;
    let (name, bytes) = b.download(".csv").await?;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{name}: UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec())?;
    assert!(text.contains(';'), "{text}");
    assert!(text.contains("30"), "{text}");
    assert!(!text.contains("exploited_identity"), "filtered: {text}");
    Ok(())
}

#[tokio::test]
async fn analyst_reviews_filters_a_dashboard_and_downloads_the_csv() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    accepted_history(&app, &[("2025-Q4", 40), ("2026-Q1", 44), ("2026-Q2", 50)]).await;
    app.open_period("2026-Q3").await;
    let skv = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true, "lines": [
                {"misuse_type": "exploited_identity", "count": 61},
                {"misuse_type": "false_identity", "count": 30, "document_type": "eu_passport"}
            ]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    run!("analyst", app, Js::On, analyst);
    assert_eq!(
        app.count_rows("submissions WHERE status = 'accepted'")
            .await,
        4
    );
}

// ---------------------------------------------------------------------------------------
// Analyst composes an edition; the approver approves and publishes it.

async fn editions(b: &mut Browser) -> Result {
    b.login("ana").await?;
    b.follow("Lägesbilder", "reports").await?;
    b.follow("Ny lägesbild", "report-new").await?;
    b.fill("f-period", "2026-Q3").await?;
    b.select("f-language", "sv").await?;
    b.select("f-marking", "Intern").await?;
    b.select("f-tlp", "AMBER").await?;
    b.press("Skapa utgåvan", "report-compose").await?;
    let path = b.path().await?;
    assert!(path.ends_with("/versions/1/edit"), "{path}");
    let version = path.trim_end_matches("/edit").to_string();

    b.fill(
        "f-text-summary",
        "Utnyttjade identiteter **ökar** för tredje kvartalet i rad.",
    )
    .await?;
    b.submit("/sections/summary", "report-section-saved")
        .await?;
    assert!(b.body().await?.contains("Avsnittet är sparat."));
    b.follow("Förhandsgranska utgåvan", "report-draft").await?;
    assert_eq!(b.path().await?, version);
    assert!(b.body().await?.contains("Utnyttjade identiteter ökar"));
    b.press("Skicka för granskning", "report-in-review").await?;
    b.logout().await?;

    b.login("chef").await?;
    b.follow("Lägesbilder", "reports-approver").await?;
    b.follow("Version 1", "report-to-approve").await?;
    b.press("Godkänn", "report-approved").await?;
    b.press("Publicera", "report-published").await?;
    let facts = b.el("dl.facts").await?.text().await?;
    assert!(facts.contains("Publicerad"), "{facts}");
    assert_eq!(b.el("code.hash").await?.text().await?.len(), 64);
    Ok(())
}

async fn newsroom() -> TestApp {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("chef", Role::Approver, None).await;
    app.add_user("dep", Role::Ministry, None).await;
    accepted_history(&app, &[("2026-Q2", 40), ("2026-Q3", 55)]).await;
    app
}

#[tokio::test]
async fn analyst_composes_an_edition_and_the_approver_publishes_it() {
    let app = newsroom().await;
    run!("editions", app, Js::On, editions);
    assert_eq!(
        app.count_rows("report_versions WHERE status = 'published'")
            .await,
        1
    );
}

// ---------------------------------------------------------------------------------------
// Ministry reader: sees only the published edition and downloads its PDF.

/// An edition for `period` created and, when `publish`, published over HTTP.
async fn edition(app: &mut TestApp, period: &str, publish: bool) {
    app.login_as("ana").await;
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", period),
                ("language", "sv"),
                ("marking", "Intern"),
                ("tlp", "AMBER"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = r.headers()["location"]
        .to_str()
        .unwrap()
        .trim_end_matches("/edit")
        .to_string();
    if publish {
        let r = app.post_form(&format!("{page}/submit"), &page, &[]).await;
        assert_eq!(r.status(), 303);
        app.login_as("chef").await;
        for step in ["approve", "publish"] {
            let r = app.post_form(&format!("{page}/{step}"), &page, &[]).await;
            assert_eq!(r.status(), 303, "{step}");
        }
    }
}

async fn ministry(b: &mut Browser) -> Result {
    b.login("dep").await?;
    let nav = b.el("nav.primary-nav").await?.text().await?;
    assert_eq!(
        nav.trim(),
        "Lägesbilder",
        "the ministry sees only the reports"
    );
    b.follow("Lägesbilder", "reports-ministry").await?;
    let rows = b.driver.find_all(By::Css("main table tbody tr")).await?;
    assert_eq!(rows.len(), 1, "only the published edition");
    let list = b.el("main table").await?.text().await?;
    assert!(
        list.contains("2026-Q3") && !list.contains("2026-Q2"),
        "{list}"
    );
    b.follow("Version 1", "report-ministry").await?;
    assert!(b.el("dl.facts").await?.text().await?.contains("Publicerad"));
    b.driver
        .find(By::LinkText("Ladda ner PDF"))
        .await?
        .click()
        .await?;
    let (name, pdf) = b.download(".pdf").await?;
    assert!(pdf.starts_with(b"%PDF-"), "{name} is a PDF");
    assert!(pdf.len() > 10_000, "{name}: {} bytes", pdf.len());
    Ok(())
}

#[tokio::test]
async fn ministry_reader_sees_only_the_published_edition_and_downloads_the_pdf() {
    let mut app = newsroom().await;
    edition(&mut app, "2026-Q3", true).await;
    edition(&mut app, "2026-Q2", false).await;
    run!("ministry", app, Js::On, ministry);
}

// ---------------------------------------------------------------------------------------
// Administrator: an account made, the password handed over, and changed by its user.

async fn administrator(b: &mut Browser) -> Result {
    b.login("adm").await?;
    b.follow("Administration", "admin").await?;
    // A report template of their own: both default texts of a section, then saved.
    b.follow("Rapportmallar", "templates").await?;
    b.fill("f-name", "Kort mall").await?;
    b.submit("/admin/report-templates", "template").await?;
    b.fill("txt-sv-0", "Skriv sammanfattningen här.").await?;
    b.fill("txt-en-0", "Write the summary here.").await?;
    b.press("Spara mallen", "template-saved").await?;
    assert!(b.body().await?.contains("Mallen är sparad"));
    b.follow("Administration", "admin-again").await?;
    b.follow("Användare", "users").await?;
    b.fill("f-username", "ny.analytiker").await?;
    b.fill("f-display_name", "Ny analytiker").await?;
    b.select("f-role", "analyst").await?;
    b.submit("/admin/users", "user-created").await?;
    let password = b.el("code.secret").await?.text().await?;
    assert_eq!(password.len(), 20, "a generated password is shown once");
    b.follow("ny.analytiker", "user").await?;
    b.follow("Återställ lösenordet", "reset-confirm").await?;
    b.press("Återställ lösenordet", "reset-done").await?;
    let password = b.el("code.secret").await?.text().await?;
    b.logout().await?;

    // The new analyst logs in with it and chooses their own.
    b.goto("/login", "login").await?;
    b.fill("f-username", "ny.analytiker").await?;
    b.fill("f-password", &password).await?;
    b.press("Logga in", "start-new-user").await?;
    b.goto("/account", "account").await?;
    b.follow("Byt lösenord", "password").await?;
    b.fill("f-current_password", &password).await?;
    b.fill("f-password", "kort").await?;
    b.fill("f-repeat_password", "kort").await?;
    b.press("Byt lösenord", "password-error").await?;
    assert!(b.body().await?.contains("minst 12 tecken"));
    b.fill("f-current_password", &password).await?;
    b.fill("f-password", "en-ny-fras-för-analytikern").await?;
    b.fill("f-repeat_password", "en-ny-fras-för-analytikern")
        .await?;
    b.press("Byt lösenord", "password-changed").await?;
    assert_eq!(b.path().await?, "/account");
    assert!(b.body().await?.contains("Lösenordet är bytt"));
    Ok(())
}

#[tokio::test]
async fn administrator_creates_an_account_and_its_user_changes_the_password() {
    let app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    run!("administrator", app, Js::On, administrator);
}

// ---------------------------------------------------------------------------------------
// Two-step verification: set up with the app's key, then a login with password and code.

/// The authenticator app's code for `key`, `steps_ahead` 30-second steps from now.
fn app_code(key: &str, steps_ahead: u64) -> String {
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(key).unwrap())
        .build()
        .unwrap();
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    totp.generate(now + 30 * steps_ahead).to_string()
}

async fn two_step(b: &mut Browser) -> Result {
    b.login("ana").await?;
    b.follow("Ditt konto", "account").await?;
    b.follow("Hantera tvåstegsverifiering", "two-factor-setup")
        .await?;
    let key = b.el("code.secret").await?.text().await?;
    b.fill("f-code", &app_code(&key, 0)).await?;
    b.press("Aktivera tvåstegsverifiering", "two-factor-on")
        .await?;
    assert!(b
        .body()
        .await?
        .contains("Tvåstegsverifieringen är aktiverad"));
    b.logout().await?;

    b.goto("/login", "login").await?;
    b.fill("f-username", "ana").await?;
    b.fill("f-password", crate::helpers::PASSWORD).await?;
    b.press("Logga in", "code").await?;
    assert_eq!(b.path().await?, "/login/code");
    b.fill("f-code", &app_code(&key, 1)).await?;
    b.press("Logga in", "start-after-code").await?;
    assert_eq!(b.path().await?, "/");
    Ok(())
}

#[tokio::test]
async fn a_user_sets_up_two_step_verification_and_logs_in_with_a_code() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    run!("two-step", app, Js::On, two_step);
}

/// The same reader in English: the switch in the header (a form, no script), every page
/// checked again in English, and the PDF downloaded from the English page.
async fn ministry_in_english(b: &mut Browser) -> Result {
    b.login("dep").await?;
    b.press("English", "start-en").await?;
    let lang = b.driver.find(By::Tag("html")).await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("en"), "the page says it is English");
    let nav = b.el("nav.primary-nav").await?.text().await?;
    assert_eq!(nav.trim(), "Situation reports");
    b.follow("Situation reports", "reports-ministry-en").await?;
    let rows = b.driver.find_all(By::Css("main table tbody tr")).await?;
    assert_eq!(rows.len(), 1, "only the published edition");
    b.follow("Version 1", "report-ministry-en").await?;
    assert!(b.el("dl.facts").await?.text().await?.contains("Published"));
    b.driver
        .find(By::LinkText("Download the PDF"))
        .await?
        .click()
        .await?;
    let (name, pdf) = b.download(".pdf").await?;
    assert!(pdf.starts_with(b"%PDF-"), "{name} is a PDF");
    // Back to Swedish, and the choice holds on the next page.
    b.press("Svenska", "report-ministry-sv").await?;
    let lang = b.driver.find(By::Tag("html")).await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("sv"));
    Ok(())
}

#[tokio::test]
async fn ministry_reader_switches_to_english_and_every_page_passes_in_english() {
    let mut app = newsroom().await;
    edition(&mut app, "2026-Q3", true).await;
    run!("ministry-en", app, Js::On, ministry_in_english);
}

// ---------------------------------------------------------------------------------------
// Convener: records a forum meeting.

async fn convener(b: &mut Browser) -> Result {
    b.login("skv").await?;
    b.follow("Forum", "forum").await?;
    assert!(b
        .body()
        .await?
        .contains("det Skatteverket som sammankallar"));
    b.fill("f-held_on", "2026-09-01").await?;
    b.select("f-convener", "SKV").await?;
    b.press("Skapa mötet", "forum-meeting").await?;
    assert_eq!(b.h1().await?, "Forummöte 2026-09-01");

    for agency in ["SKV", "POL"] {
        b.el(&format!("input[name=agency][value={agency}]"))
            .await?
            .click()
            .await?;
    }
    b.submit("/attendance", "forum-attendance").await?;
    b.fill("f-agenda", "Kapade identiteter vid bolagsregistrering")
        .await?;
    b.submit("/agenda", "forum-agenda").await?;
    b.fill(
        "f-notes",
        "Flera myndigheter ser samma upplägg med bulvaner i styrelser.",
    )
    .await?;
    b.fill(
        "f-decisions",
        "Polismyndigheten tar fram en lägesbeskrivning.",
    )
    .await?;
    b.submit("/notes", "forum-notes").await?;
    b.select("f-misuse_type", "hijacked_identity").await?;
    b.fill("f-count", "7").await?;
    b.submit("/observations", "forum-observation").await?;
    b.fill("f-followup", "Fördjupad analys av bulvanupplägg")
        .await?;
    b.select("f-owner", "POL").await?;
    b.fill("f-due_on", "2026-10-15").await?;
    b.submit("/followups", "forum-followup").await?;
    b.press(
        "Skicka observationerna till granskning",
        "forum-observations-sent",
    )
    .await?;

    let page = b.body().await?;
    for expected in [
        "Kapade identiteter vid bolagsregistrering",
        "Flera myndigheter ser samma upplägg",
        "Kapad identitet",
        "Fördjupad analys av bulvanupplägg",
        "Inskickad",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    assert!(
        b.el("input[name=agency][value=POL]")
            .await?
            .is_selected()
            .await?
    );
    Ok(())
}

#[tokio::test]
async fn convener_records_a_forum_meeting() {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.add_user("skv", Role::Coordinator, Some("SKV")).await;
    app.open_period("2026-Q3").await;
    app.login_as("adm").await;
    let r = app
        .post_form(
            "/admin/rotation",
            "/admin/rotation",
            &[("order", "SKV, POL, MIG")],
        )
        .await;
    assert_eq!(r.status(), 303);
    run!("convener", app, Js::On, convener);
    assert_eq!(app.count_rows("forum_followups").await, 1);
}

// ---------------------------------------------------------------------------------------
// The accessibility statement: public, linked from every page.

async fn statement(b: &mut Browser) -> Result {
    b.goto("/login", "login").await?;
    b.follow("Tillgänglighetsredogörelse", "statement").await?;
    assert_eq!(b.path().await?, "/tillganglighet");
    assert_eq!(b.h1().await?, "Tillgänglighetsredogörelse för Lägesbild");
    let text = b.body().await?;
    for part in [
        "Hur tillgänglig är tjänsten?",
        "Kända brister",
        "Rapportera brister",
        "Myndigheten för digital förvaltning (DIGG)",
        "Hur vi testat tjänsten",
    ] {
        assert!(text.contains(part), "{part}");
    }
    Ok(())
}

#[tokio::test]
async fn the_accessibility_statement_is_public_and_linked_from_every_page() {
    let app = spawn_app().await;
    run!("statement", app, Js::On, statement);
}

// ---------------------------------------------------------------------------------------
// The checker itself: a page with known faults must be reported.

async fn faulty_page(b: &mut Browser) -> Result {
    let (violations, problems) = b
        .audit_html(
            r##"<!DOCTYPE html><html lang="sv"><head><title>Fel</title></head><body>
            <a class="skip-link" href="#main">Hoppa till innehållet</a>
            <main id="main"><h1>Fel</h1>
            <p style="color:#aaaaaa;background:#ffffff">Ljusgrå text på vit botten.</p>
            <form><div class="field has-error"><p class="field-error">Ange ett heltal.</p>
            <input id="n" name="n" type="text"></div></form>
            <figure><div role="img" aria-label="Ett diagram med en lång beskrivning"><svg width="1200" height="10"></svg></div></figure>
            </main></body></html>"##,
        )
        .await?;
    let all = format!("{violations:?}");
    assert!(all.contains("color-contrast"), "{all}");
    assert!(all.contains("label"), "{all}");
    let p = problems.join("\n");
    for expected in [
        "control without a label: n",
        "field error not referenced by aria-describedby",
        "field errors without an error summary",
        "no link to the accessibility statement",
        "chart without a one-line summary",
        "chart without a data table after it",
        "at 200 % zoom the page scrolls sideways",
    ] {
        assert!(p.contains(expected), "{expected}: {p}");
    }
    Ok(())
}

#[tokio::test]
async fn the_checker_reports_the_faults_of_a_faulty_page() {
    let app = spawn_app().await;
    run!("checker", app, Js::On, faulty_page);
}
