//! The frame, the login page, the start page of every role, the accessibility statement
//! and the administration pages in English; validation errors and dates follow the
//! language.

use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;
use lagesbild::domain::role::Role;

use crate::helpers::{spawn_app, TestApp, PASSWORD};

/// Switches the client to `lang` (the form on `page` gives the CSRF token).
async fn switch(app: &TestApp, page: &str, lang: &str) {
    let r = app
        .post_form("/language", page, &[("lang", lang), ("next", page)])
        .await;
    assert_eq!(r.status(), 303, "switch to {lang}");
}

/// Asserts that `page` holds every one of `english` and none of `swedish`.
#[track_caller]
fn in_english(page: &str, english: &[&str], swedish: &[&str]) {
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    for e in english {
        assert!(page.contains(e), "missing {e:?} in:\n{page}");
    }
    for s in swedish {
        assert!(!page.contains(s), "Swedish {s:?} left in:\n{page}");
    }
}

#[tokio::test]
async fn the_login_page_and_its_errors_come_in_english() {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    switch(&app, "/login", "en").await;
    let page = app.get_text("/login").await;
    in_english(
        &page,
        &["<h1>Log in</h1>", "Username", "Password", "<title>Log in –"],
        &["Logga in", "Användarnamn", "Lösenord"],
    );

    let r = app.login("ana", "wrong password entirely").await;
    assert_eq!(r.status(), 401);
    in_english(
        &r.text().await.unwrap(),
        &[
            "Login failed",
            "Wrong username or password. Check the spelling and try again.",
        ],
        &["Inloggningen misslyckades", "Fel användarnamn"],
    );

    // The accessibility statement, linked from every page, is in English too, with its
    // dates written the English way.
    let statement = app.get_text("/tillganglighet").await;
    in_english(
        &statement,
        &[
            "Accessibility statement for Lägesbild",
            "Known shortcomings",
            "The Agency for Digital Government (DIGG)",
            "28 Nov 2026",
        ],
        &["Kända brister", "Tillgänglighetsredogörelse", "2026-11-28"],
    );
    assert_eq!(app.login("ana", PASSWORD).await.status(), 303);
}

#[tokio::test]
async fn the_start_page_of_every_role_comes_in_english() {
    let mut app = spawn_app().await;
    let roles = [
        ("sam", Role::Coordinator, Some("SKV"), "Report your agency"),
        ("ana", Role::Analyst, None, "Accept or return submissions"),
        (
            "bes",
            Role::Approver,
            None,
            "Trends in accepted data by quarter.",
        ),
        ("dep", Role::Ministry, None, "Published situation reports"),
        (
            "adm",
            Role::Admin,
            None,
            "Trends in accepted data by quarter.",
        ),
    ];
    for (user, role, agency, _) in roles {
        app.add_user(user, role, agency).await;
    }
    for (user, role, _, card) in roles {
        app.login_as(user).await;
        let swedish = app.get_text("/").await;
        assert!(swedish.contains("Välkommen till Lägesbild"), "{swedish}");
        switch(&app, "/", "en").await;
        let page = app.get_text("/").await;
        let role_name = match role {
            Role::Coordinator => "Coordinator",
            Role::Analyst => "Analyst",
            Role::Approver => "Approver",
            Role::Ministry => "Ministry reader",
            Role::Admin => "Administrator",
        };
        in_english(
            &page,
            &[
                "Welcome to Lägesbild",
                "<title>Start page –",
                card,
                role_name,
                "Log out",
            ],
            &[
                "Välkommen",
                "Startsida",
                "Godkänn eller returnera",
                "Trender i godkända",
                "Publicerade lägesbilder",
            ],
        );
    }
}

/// The newest audit record's time, as stored (UTC).
async fn newest_audit_time(app: &TestApp) -> NaiveDateTime {
    app.with_db(|c| {
        use lagesbild::db::schema::audit_log::dsl as a;
        a::audit_log
            .order(a::id.desc())
            .select(a::at)
            .first::<NaiveDateTime>(c)
            .unwrap()
    })
    .await
}

#[tokio::test]
async fn the_administration_pages_come_in_english() {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    switch(&app, "/admin", "en").await;

    let index = app.get_text("/admin").await;
    in_english(
        &index,
        &["Reporting periods", "Taxonomy", "API tokens", "Audit log"],
        &["Rapporteringsperioder", "Granskningslogg", "Rapportmallar"],
    );

    // Periods: a bad code is refused in English with the accepted forms.
    let r = app
        .post_form(
            "/admin/periods",
            "/admin/periods",
            &[("period", "2026-13"), ("deadline", "15/10/2026")],
        )
        .await;
    assert_eq!(r.status(), 422);
    in_english(
        &r.text().await.unwrap(),
        &[
            "Please correct the following",
            "“2026-13” is not a valid period. Enter a month (2026-07), a quarter (2026-Q3), a half-year (2026-H2) or a year (2026).",
            "Enter the last day as YYYY-MM-DD, for example 2026-10-15.",
            "value=\"2026-13\"",
        ],
        &["ingen giltig period", "Ange sista dag"],
    );
    let r = app
        .post_form(
            "/admin/periods",
            "/admin/periods",
            &[("period", "2027-Q1"), ("deadline", "2099-04-15")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let periods = app.get_text("/admin/periods").await;
    in_english(
        &periods,
        &[
            "Period 2027-Q1 is open for reporting.",
            "Open a period",
            "Last day for reporting",
            "(Q1 2027)",
            "<td>Open</td>",
            "15 Apr 2099",
        ],
        &["Öppen", "kvartal 1 2027", "2099-04-15", "Öppna en period"],
    );
    let confirm = app.get_text("/admin/periods/2027-Q1/close").await;
    in_english(
        &confirm,
        &[
            "Close period 2027-Q1",
            "Do you want to close Q1 2027 for reporting?",
            "Cancel",
        ],
        &["Stäng perioden", "Avbryt"],
    );

    // Taxonomy: dimension names and a refused code in English.
    let taxonomy = app.get_text("/admin/taxonomy").await;
    in_english(
        &taxonomy,
        &[
            "Taxonomy, version 1",
            "Add a code",
            "Type of misuse",
            "In use",
        ],
        &["Taxonomi", "Missbrukstyp", "Lägg till"],
    );
    let r = app
        .post_form(
            "/admin/taxonomy",
            "/admin/taxonomy",
            &[
                ("dimension", "misuse_type"),
                ("code", "Bad Code"),
                ("label_sv", ""),
                ("label_en", "Synthetic identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    in_english(
        &r.text().await.unwrap(),
        &[
            "The code must be 1–40 characters",
            "The Swedish label must be 1–120 characters long.",
        ],
        &["Koden ska vara", "Den svenska benämningen"],
    );
    let code = app.get_text("/admin/taxonomy/misuse_type/look_alike").await;
    in_english(
        &code,
        &[
            "Type of misuse: <code>look_alike</code>",
            "Label in Swedish",
            "Save the labels",
            "Retire the code",
        ],
        &["Benämning på svenska", "Ta koden ur bruk"],
    );
    let retire = app
        .get_text("/admin/taxonomy/misuse_type/look_alike/retire")
        .await;
    in_english(
        &retire,
        &[
            "Retire code look_alike",
            "Do you want to retire code look_alike (type of misuse)?",
        ],
        &["Ta koden", "missbrukstyp"],
    );

    // Tokens: a personal token is named in English.
    let r = app
        .post_form(
            "/admin/tokens",
            "/admin/tokens",
            &[("kind", "user"), ("username", "adm")],
        )
        .await;
    assert_eq!(r.status(), 200);
    in_english(
        &r.text().await.unwrap(),
        &[
            "New token",
            "Copy the token now.",
            "Personal token for adm",
            "Create an agency token",
        ],
        &["Personlig token", "Skapa myndighetstoken", "Återkalla"],
    );
    let r = app
        .post_form(
            "/admin/tokens",
            "/admin/tokens",
            &[("kind", "user"), ("username", "nobody")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("There is no user “nobody”."));

    // Report templates.
    let templates = app.get_text("/admin/report-templates").await;
    in_english(
        &templates,
        &["Report templates", "New template", "Create the template"],
        &["Rapportmallar", "Skapa mallen"],
    );
    let r = app
        .post_form(
            "/admin/report-templates",
            "/admin/report-templates",
            &[("name", "Short")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let edit = app
        .get_text(r.headers()["location"].to_str().unwrap())
        .await;
    in_english(
        &edit,
        &[
            "Template: Short",
            "Automatic content",
            "Table: automatic signals",
            "Heading in English",
            "Cancel",
        ],
        &[
            "Automatiskt innehåll",
            "Tabell: automatiska signaler",
            "Avbryt",
        ],
    );
}

#[tokio::test]
async fn the_audit_log_writes_dates_and_headings_in_the_language() {
    let mut app = spawn_app().await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    app.open_period("2026-Q3").await;
    let at = newest_audit_time(&app).await;
    let time = at.format("%H:%M:%S");
    let iso = format!("{} {time}", at.format("%Y-%m-%d"));
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][at.month0() as usize];
    let english = format!("{} {month} {} {time}", at.day(), at.year());

    let swedish = app.get_text("/admin/audit").await;
    assert!(swedish.contains(&format!("<td>{iso}</td>")), "{swedish}");
    assert!(swedish.contains("Hashkedjan är obruten"));

    switch(&app, "/admin/audit", "en").await;
    let page = app.get_text("/admin/audit").await;
    in_english(
        &page,
        &[
            &format!("<td>{english}</td>"),
            "The hash chain is intact",
            "The audit log is intact (",
            "records, newest first.",
            "Time (UTC)",
            "Download CSV",
        ],
        &[
            &format!("<td>{iso}</td>"),
            "Hashkedjan",
            "Granskningsloggen",
            " poster",
        ],
    );

    // A refused filter, in English.
    let r = app.get("/admin/audit?from=28/11/2026").await;
    assert_eq!(r.status(), 422);
    in_english(
        &r.text().await.unwrap(),
        &["Enter the from date as YYYY-MM-DD, for example 2026-11-28."],
        &["Skriv från-datumet"],
    );
    let r = app.get("/admin/audit?from=2026-12-01&to=2026-11-01").await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("The to date is before the from date."));

    // The CSV: headings in English, the values (and the chain fields) as stored.
    let r = app.get("/admin/audit.csv").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("audit-log.csv"));
    let body = String::from_utf8(r.bytes().await.unwrap().to_vec()).unwrap();
    let first = body.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        first,
        "No.;Time (UTC);Who;User id;Event;Object;Object id;Detail;prev_hash;hash"
    );
    let r = app.get("/admin/audit.csv?to=next-week").await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Enter the to date as YYYY-MM-DD"));
}
