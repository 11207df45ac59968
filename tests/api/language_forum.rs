//! The forum, measures, knowledge notices and reference figures in English: pages,
//! errors, one-time messages, dates and numbers, and the minutes PDF in the language of
//! the reader who downloads it.

use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::forum::{forum_app, new_meeting};
use crate::helpers::{spawn_app, TestApp};
use crate::pdf::PdfText;

/// Switches the logged-in user to English (remembered for the account).
async fn english(app: &TestApp) {
    let r = app
        .post_form("/language", "/", &[("lang", "en"), ("next", "/")])
        .await;
    assert_eq!(r.status(), 303);
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

/// Asserts that `page` holds every one of `english` and none of `swedish`.
fn assert_english(page: &str, english: &[&str], swedish: &[&str]) {
    assert!(page.contains("<html lang=\"en\">"), "an English page");
    for e in english {
        assert!(page.contains(e), "“{e}” missing in:\n{page}");
    }
    for s in swedish {
        assert!(!page.contains(s), "Swedish “{s}” left in:\n{page}");
    }
}

/// A new meeting's page (it must be made).
async fn meeting_at(app: &TestApp, date: &str, convener: &str, reason: &str) -> String {
    let r = new_meeting(app, date, convener, reason).await;
    assert_eq!(r.status(), 303, "meeting {date}");
    location(&r)
}

#[tokio::test]
async fn the_forum_list_a_meeting_page_and_the_rotation_come_in_english() {
    let mut app = forum_app().await;
    // The administrator's rotation page.
    english(&app).await;
    let rotation = app.get_text("/admin/rotation").await;
    assert_english(
        &rotation,
        &[
            "Rotation of the convening agency",
            "Save the order",
            "<code>SKV</code> Swedish Tax Agency",
        ],
        &["Spara ordningen", "Skatteverket"],
    );

    app.login_as("skv").await;
    english(&app).await;
    let list = app.get_text("/forum").await;
    assert_english(
        &list,
        &[
            "<h1>Operational ID Forum</h1>",
            "According to the rotation, <strong>Swedish Tax Agency</strong> convenes the next meeting.",
            "Convening agency",
            "Create the meeting",
            "No meetings yet.",
        ],
        &["Skapa mötet", "Sammankallande myndighet", "Skatteverket", "sammankallar"],
    );

    // A validation error in English, next to the field.
    let r = app
        .post_form(
            "/forum",
            "/forum",
            &[("held_on", "28/11/2026"), ("convener", "SKV")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("Enter the meeting date as YYYY-MM-DD, e.g. 2026-11-28."),
        "{body}"
    );
    assert!(!body.contains("Ange mötesdatum"));
    // Another convener than the rotation's needs a reason, said in English.
    let r = app
        .post_form(
            "/forum",
            "/forum",
            &[("held_on", "2026-01-10"), ("convener", "POL")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Write the reason."));

    let m = meeting_at(&app, "2026-01-10", "POL", "SKV cannot host.").await;
    let r = app
        .post_form(
            &format!("{m}/attendance"),
            &m,
            &[("agency", "POL"), ("agency", "SKV")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post_form(
            &format!("{m}/followups"),
            &m,
            &[
                ("followup", "Deeper analysis of hijacked accounts"),
                ("owner", "POL"),
                ("due_on", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text(&m).await;
    assert_english(
        &page,
        &[
            "<h1>Forum meeting 10 Jan 2026</h1>",
            "Convener: <strong>Swedish Police Authority</strong> (instead of Swedish Tax Agency: SKV cannot host.).",
            "Minutes as PDF",
            "Attendance",
            "Agenda",
            "Notes and decisions",
            "Observations from the forum",
            "<strong>Draft</strong> (version 1)",
            "Follow-ups, including open ones from earlier meetings",
            "<td>Swedish Police Authority</td>",
            "1 Feb 2026",
            "Overdue",
            ">Open</option>",
            // The one-time message after the follow-up was added.
            "The follow-up has been added.",
        ],
        &[
            "Forummöte",
            "Närvaro",
            "Dagordning",
            "Uppföljningspunkter",
            "Försenad",
            "2026-02-01",
            "Polismyndigheten",
        ],
    );

    // A refusal for personal data in English.
    let r = app
        .post_form(
            &format!("{m}/agenda"),
            &m,
            &[("agenda", "Call 070-123 45 67")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("The item contains something that looks like a phone number")
            && body.contains("No personal data may be entered."),
        "{body}"
    );
    assert!(!body.contains("Inga personuppgifter får lämnas"));

    // The list shows the meeting with its date in English.
    let list = app.get_text("/forum").await;
    assert!(
        list.contains(">10 Jan 2026</a>") && list.contains("<td>Swedish Police Authority</td>")
    );
}

#[tokio::test]
async fn the_minutes_pdf_is_written_in_the_downloaders_language() {
    let mut app = forum_app().await;
    app.login_as("skv").await;
    let m = meeting_at(&app, "2026-10-06", "SKV", "").await;
    app.post_form(
        &format!("{m}/agenda"),
        &m,
        &[("agenda", "New forms of forged certificates")],
    )
    .await;
    app.post_form(
        &format!("{m}/notes"),
        &m,
        &[
            ("notes", "More certificates from third countries."),
            ("decisions", "A working group is set up."),
        ],
    )
    .await;
    app.post_form(
        &format!("{m}/followups"),
        &m,
        &[
            ("followup", "Map the certificate routes"),
            ("owner", "POL"),
            ("due_on", "2026-12-01"),
        ],
    )
    .await;

    // Swedish first: the default.
    let r = app.get(&format!("{m}/minutes.pdf")).await;
    assert_eq!(r.status(), 200);
    let sv = PdfText::parse(&r.bytes().await.unwrap()).all();
    assert!(sv.contains("Minnesanteckningar 2026-10-06") && sv.contains("Dagordning"));

    // The same minutes downloaded by an English reader.
    english(&app).await;
    let r = app.get(&format!("{m}/minutes.pdf")).await;
    assert_eq!(r.status(), 200);
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("forum-minutes-2026-10-06.pdf"),
        "{disposition}"
    );
    let pdf = PdfText::parse(&r.bytes().await.unwrap());
    let text = pdf.all();
    for heading in [
        "Minutes 6 Oct 2026",
        "The Operational ID Forum. Convener: Swedish Tax Agency.",
        "Agencies present",
        "Agenda",
        "Notes",
        "Decisions",
        "Observations",
        "No observations were recorded.",
        "Follow-ups",
        "Owner",
        "Swedish Police Authority",
        "1 Dec 2026",
        "Open",
        "Operational ID Forum – minutes",
        "Page 1 of",
    ] {
        assert!(text.contains(heading), "“{heading}” missing in:\n{text}");
    }
    for swedish in [
        "Minnesanteckningar",
        "Närvarande myndigheter",
        "Dagordning",
        "Beslut",
        "Uppföljningspunkter",
        "Sammankallande",
        "Skatteverket",
        "Sida 1 av",
    ] {
        assert!(
            !text.contains(swedish),
            "Swedish “{swedish}” left in:\n{text}"
        );
    }
    // What was recorded stays as written.
    assert!(text.contains("New forms of forged certificates"));
    assert!(text.contains("A working group is set up."));
}

/// Eight quarters of accepted data: false identities fall after 2026-Q1.
async fn accepted_quarters(app: &TestApp) {
    let token = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let quarters = [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4",
    ];
    let false_identity = [20, 22, 19, 21, 8, 9, 7, 10];
    for (q, n) in quarters.iter().zip(false_identity) {
        let lines: Vec<Value> = vec![json!({"misuse_type": "false_identity", "count": n})];
        app.submit_and_accept(&token, &ana, q, json!(lines)).await;
    }
}

#[tokio::test]
async fn the_measures_list_form_and_page_come_in_english() {
    let mut app = forum_app().await;
    accepted_quarters(&app).await;
    app.login_as("ana").await;
    english(&app).await;

    let form = app.get_text("/measures/new").await;
    assert_english(
        &form,
        &[
            "<h1>New measure</h1>",
            "Kind of measure",
            ">Control campaign</option>",
            ">In force</option>",
            "Types of misuse the measure targets (required, at least one)",
            "False identity",
            "Swedish Tax Agency",
            "Save the measure",
            ">Cancel</a>",
        ],
        &[
            "Ny åtgärd",
            "Slag av åtgärd",
            "Falsk identitet",
            "Spara åtgärden",
            "Avbryt",
        ],
    );

    // Errors in English.
    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[("title", ""), ("start_on", "1 March")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    for e in [
        "Enter a title of at most 200 characters.",
        "Choose what kind of measure it is.",
        "Enter the start date as YYYY-MM-DD, e.g. 2026-03-01.",
        "Choose at least one type of misuse that the measure targets.",
    ] {
        assert!(body.contains(e), "“{e}” missing in:\n{body}");
    }
    assert!(!body.contains("Välj minst en missbrukstyp"));

    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[
                ("title", "Stricter checks at population registration"),
                ("kind", "control_campaign"),
                ("status", "in_force"),
                ("start_on", "2026-01-15"),
                ("end_on", ""),
                ("agencies", "SKV"),
                ("misuse_type", "false_identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text(&location(&r)).await;
    // Before (20+22+19+21)/4 = 20.5, after (8+9+7+10)/4 = 8.5: −58.5 %, p < 0.001.
    assert_english(
        &page,
        &[
            "Control campaign · In force · start 15 Jan 2026 (2026-Q1) · end –",
            "Responsible agencies:</strong> Swedish Tax Agency",
            "Targets:</strong> False identity",
            "Measured effect",
            "<th scope=\"row\">False identity</th>",
            ">20.5<",
            ">8.5<",
            "−58.5%",
            "&#60; 0.001",
            "A clear decrease after the start",
            "The measure has been saved.",
        ],
        &[
            "Uppmätt effekt",
            "20,5",
            "Tydlig minskning",
            "Falsk identitet",
        ],
    );

    let list = app.get_text("/measures").await;
    assert_english(
        &list,
        &[
            "<h1>Measures</h1>",
            "Register a measure",
            "Registered measures, latest start first",
            "<td>Control campaign</td><td>In force</td><td>15 Jan 2026</td>",
        ],
        &[
            "Registrera en åtgärd",
            "Kontrollinsats",
            "Gäller",
            "2026-01-15",
        ],
    );
}

fn notice_form<'a>(
    title: &'a str,
    description: &'a str,
    valid_to: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "modus_operandi"),
        ("title", title),
        ("description", description),
        ("misuse_type", "look_alike"),
        ("document_type", "driving_licence"),
        ("marking", "GREEN"),
        ("valid_from", "2026-07-01"),
        ("valid_to", valid_to),
    ]
}

#[tokio::test]
async fn the_notices_list_and_form_with_an_error_come_in_english() {
    let mut app = spawn_app().await;
    app.add_user("skv", Role::Coordinator, Some("SKV")).await;
    app.login_as("skv").await;
    english(&app).await;

    let list = app.get_text("/notices").await;
    assert_english(
        &list,
        &[
            "<h1>Knowledge notices</h1>",
            "Write a new notice",
            "Search terms",
            "Kind of notice",
            ">Modus operandi</option>",
            ">Operational ID Forum</option>",
            ">Swedish Tax Agency</option>",
            "There are no notices you can see yet.",
        ],
        &[
            "Kunskapsnotiser",
            "Sökord",
            "Tillvägagångssätt",
            "Skatteverket",
        ],
    );

    let form = app.get_text("/notices/new").await;
    assert_english(
        &form,
        &[
            "<h1>New knowledge notice</h1>",
            "Issuer:</strong> Swedish Tax Agency",
            "Types of misuse the notice concerns",
            "Choose all that apply, or none.",
            "<strong>TLP:GREEN</strong> – All agencies in Lägesbild and the Swedish National ID-center.",
            "Save as draft",
        ],
        &["Ny kunskapsnotis", "Spara som utkast", "Alla myndigheter i Lägesbild"],
    );

    // One form, several problems: every message in English, next to its field.
    let r = app
        .post_form(
            "/notices",
            "/notices/new",
            &notice_form("", "Call 070-123 45 67 for details.", "2026-06-30"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    for e in [
        "Please correct the following",
        "Write the title.",
        "The description contains something that looks like a phone number",
        "The end date is before the start date.",
        "id=\"f-title-error\"",
    ] {
        assert!(body.contains(e), "“{e}” missing in:\n{body}");
    }
    assert!(!body.contains("Skriv rubriken") && !body.contains("Slutdatumet"));
    assert_eq!(app.count_rows("notices").await, 0);

    let r = app
        .post_form(
            "/notices",
            "/notices/new",
            &notice_form(
                "Swapped photos in driving licences",
                "Driving licences with swapped photos are used to open accounts.",
                "",
            ),
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text(&location(&r)).await;
    assert_english(
        &page,
        &[
            "The notice has been saved as a draft.",
            "<dt>Kind</dt><dd>Modus operandi</dd>",
            "<dt>Issuer</dt><dd>Swedish Tax Agency</dd>",
            "<dt>Valid</dt><dd>from 1 Jul 2026</dd>",
            "<dt>Status</dt><dd>Draft</dd>",
            "<dt>Type of misuse</dt><dd>Look-alike</dd>",
            "<dt>Document type</dt><dd>Driving licence</dd>",
            "Submit for review",
        ],
        &["Utkast", "Tillvägagångssätt", "Körkort", "från 2026-07-01"],
    );
    let list = app.get_text("/notices").await;
    assert!(
        list.contains("1 knowledge notice, most recently changed first"),
        "{list}"
    );
    let concerns = list
        .split("Concerns: ")
        .nth(1)
        .expect("the series it concerns");
    let concerns = &concerns[..concerns.find('<').unwrap()];
    assert!(
        concerns.contains("Look-alike") && concerns.contains("Driving licence"),
        "{concerns}"
    );
}

#[tokio::test]
async fn the_reference_figures_page_comes_in_english() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    english(&app).await;
    let figure = |value: &'static str, period: &'static str| {
        vec![
            ("source", "Police situation report on organised crime"),
            ("title", "Reported frauds with hijacked identities"),
            ("published_on", "2026-05-15"),
            ("url", "https://polisen.se/lagesbild"),
            ("value", value),
            ("unit", "cases"),
            ("period", period),
            ("series", "misuse_type:hijacked_identity"),
        ]
    };

    let form = app.get_text("/references/new").await;
    assert_english(
        &form,
        &[
            "<h1>Register a reference figure</h1>",
            "Publication date",
            "<optgroup label=\"Type of misuse\">",
            ">Hijacked identity</option>",
            "Register the figure",
        ],
        &[
            "Publiceringsdatum",
            "Kapad identitet",
            "Registrera uppgiften",
        ],
    );
    let r = app
        .post_form(
            "/references",
            "/references/new",
            &figure("1 234,5", "2026-Q5"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains(
            "“2026-Q5” is not a valid period. Enter a month (2026-07), a quarter (2026-Q3)"
        ),
        "{body}"
    );

    let r = app
        .post_form(
            "/references",
            "/references/new",
            &figure("1 234,5", "2026-Q3"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let list = app.get_text("/references").await;
    assert_english(
        &list,
        &[
            "<h1>Reference figures</h1>",
            "The reference figure has been registered.",
            "Reference figures by series and period",
            "<th scope=\"col\" class=\"num\">Figure</th>",
            "Hijacked identity <span class=\"hint\">(type of misuse)</span>",
            "<td class=\"num\">1,234.5</td>",
            "published 15 May 2026",
            ">Edit<span",
            ">Delete<span",
        ],
        &[
            "Referensuppgifter per serie",
            "1\u{202f}234,5",
            "publicerad",
            "Kapad identitet",
        ],
    );

    // The edit form gives the figure back as an English reader types it.
    let rid: i64 = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::reference_figures as rf;
            rf::table.select(rf::id).first(c).unwrap()
        })
        .await;
    let edit = app.get_text(&format!("/references/{rid}/edit")).await;
    assert!(edit.contains("value=\"1234.5\"") && edit.contains("<h1>Edit reference figure</h1>"));
    let confirm = app.get_text(&format!("/references/{rid}/delete")).await;
    assert_english(
        &confirm,
        &[
            "Do you want to delete the figure 1,234.5 cases for Hijacked identity (2026-Q3)",
            ">Delete</button>",
        ],
        &["Vill du ta bort"],
    );
}
