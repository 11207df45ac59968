//! Notifications, e-mail and the background scheduler: notices made with the change they
//! tell about, e-mail in the recipient's language to allowed domains only (checked at a
//! local SMTP sink), retries while the mail server is down, deadline reminders made once,
//! overdue periods closed, one leader among several instances, and nobody touching
//! another user's notices.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use lagesbild::configuration::{NotificationSettings, Settings};
use lagesbild::db::queries::notifications as nq;
use lagesbild::db::schema::{mail_outbox, notifications, reporting_periods, users};
use lagesbild::domain::lang::Lang;
use lagesbild::domain::role::Role;
use lagesbild::services::scheduler::TickReport;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use crate::smtp_sink::{Mail, SmtpSink};

const PUBLIC_URL: &str = "https://lagesbild.test";

/// Mail through `sink` to the listed domains; the scheduler's timer off (the tests run
/// its rounds).
fn mail_settings(sink: &SmtpSink) -> impl FnOnce(&mut Settings) {
    let url = sink.url();
    move |s: &mut Settings| {
        s.notifications = NotificationSettings {
            smtp_url: Some(url),
            mail_from: Some("Lägesbild <lagesbild@idcentrum.se>".into()),
            allowed_domains: vec![
                "skatteverket.se".into(),
                "polisen.se".into(),
                "idcentrum.se".into(),
                "regeringskansliet.se".into(),
            ],
            public_url: Some(PUBLIC_URL.into()),
            scheduler: false,
            ..Default::default()
        }
        .check()
        .expect("valid mail settings");
    }
}

async fn app_with_mail(sink: &SmtpSink) -> TestApp {
    spawn_app_with(mail_settings(sink)).await
}

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// Sets a user's language and e-mail address directly (an address outside the allowed
/// domains can only get there this way, or from before the list changed).
async fn profile(app: &TestApp, username: &str, lang: Lang, email: Option<&str>) {
    let (u, e) = (username.to_string(), email.map(String::from));
    app.with_db(move |c| {
        let id = user_id(c, &u);
        lagesbild::services::auth::set_language(c, id, lang).unwrap();
        lagesbild::db::queries::users::set_email(c, id, e.as_deref()).unwrap();
    })
    .await
}

fn user_id(c: &mut lagesbild::db::DbConnection, username: &str) -> i64 {
    users::table
        .filter(users::username.eq(username))
        .select(users::id)
        .first(c)
        .unwrap()
}

/// (id, kind, link, read) of a user's notifications, oldest first.
async fn notices_of(app: &TestApp, username: &str) -> Vec<(i64, String, String, bool)> {
    let u = username.to_string();
    app.with_db(move |c| {
        let id = user_id(c, &u);
        notifications::table
            .filter(notifications::user_id.eq(id))
            .order(notifications::id.asc())
            .select((
                notifications::id,
                notifications::kind,
                notifications::link,
                notifications::read_at.is_not_null(),
            ))
            .load(c)
            .unwrap()
    })
    .await
}

/// Every outbox row as (status, attempts, last_error).
async fn outbox(app: &TestApp) -> Vec<(String, i32, Option<String>)> {
    app.with_db(|c| {
        mail_outbox::table
            .order(mail_outbox::id.asc())
            .select((
                mail_outbox::status,
                mail_outbox::attempts,
                mail_outbox::last_error,
            ))
            .load(c)
            .unwrap()
    })
    .await
}

async fn tick(app: &TestApp, at: NaiveDateTime) -> TickReport {
    app.scheduler.tick_at(at).await.expect("a scheduler round")
}

/// Submits `count` of false identities for `period` with the agency's token; returns the
/// submission's id.
async fn submit(app: &TestApp, agency_token: &str, period: &str) -> i64 {
    let r = app
        .api_post(
            "/api/v1/submissions",
            agency_token,
            json!({"period": period, "submit": true,
                "lines": [{"misuse_type": "false_identity", "count": 4}]}),
        )
        .await;
    assert_eq!(r.status(), 201, "{period}");
    r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn review(app: &TestApp, analyst_token: &str, id: i64, body: serde_json::Value) {
    let r = app
        .api_post(
            &format!("/api/v1/submissions/{id}/review"),
            analyst_token,
            body,
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}

/// The one message to `address`.
fn only_mail_to(sink: &SmtpSink, address: &str) -> Mail {
    let mails = sink.to(address);
    assert_eq!(mails.len(), 1, "one message to {address}: {mails:#?}");
    mails.into_iter().next().unwrap()
}

/// What every notification e-mail must be: plain text, one part, no attachment, from the
/// configured sender, marked as sent automatically.
fn assert_plain_notice(m: &Mail) {
    let ct = m.header("Content-Type").unwrap_or_default().to_lowercase();
    assert!(ct.starts_with("text/plain"), "{ct}");
    assert!(!m.raw.to_lowercase().contains("multipart"), "{}", m.raw);
    assert!(m.header("Content-Disposition").is_none(), "{}", m.raw);
    assert!(!m.raw.contains("%PDF") && !m.raw.to_lowercase().contains("application/pdf"));
    assert!(
        m.raw.len() < 8 * 1024,
        "a short message: {} bytes",
        m.raw.len()
    );
    assert_eq!(m.from, "lagesbild@idcentrum.se");
    assert!(m.header("From").unwrap().contains("lagesbild@idcentrum.se"));
    assert_eq!(
        m.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert!(m.header("Message-ID").is_some());
}

#[tokio::test]
async fn a_reviewed_submission_tells_the_agencys_coordinators_in_their_own_language() {
    let sink = SmtpSink::start().await;
    let mut app = app_with_mail(&sink).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("sam-en", Role::Coordinator, Some("SKV")).await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("ana", Role::Analyst, None).await;
    profile(&app, "sam", Lang::Sv, Some("sam@skatteverket.se")).await;
    profile(&app, "sam-en", Lang::En, Some("sam.en@skatteverket.se")).await;
    profile(&app, "pol", Lang::Sv, Some("pol@polisen.se")).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;

    // Returned: the reviewer's comment is free text and goes in no notice or e-mail.
    app.open_period("2026-Q3").await;
    let id = submit(&app, &skv, "2026-Q3").await;
    let comment = "Kontrollera rad ett mot ärendesystemet";
    review(
        &app,
        &ana,
        id,
        json!({"decision": "return", "comment": comment}),
    )
    .await;
    let link = format!("/submissions/{id}");
    for who in ["sam", "sam-en"] {
        let n = notices_of(&app, who).await;
        assert_eq!(n.len(), 1, "{who}");
        assert_eq!(
            (n[0].1.as_str(), n[0].2.as_str(), n[0].3),
            ("submission_returned", link.as_str(), false)
        );
    }
    assert!(
        notices_of(&app, "pol").await.is_empty(),
        "another agency's coordinator"
    );
    // Nothing is sent during the request: the e-mail waits in the outbox.
    assert!(sink.mails().is_empty());
    assert_eq!(outbox(&app).await.len(), 2);

    // The list and the header, in Swedish.
    app.login_as("sam").await;
    let home = app.get_text("/").await;
    assert!(home.contains("Meddelanden (1 oläst)"), "the header's count");
    let page = app.get_text("/notifications").await;
    assert!(page.contains("Er inrapportering för 2026-Q3 (version 1) har returnerats"));
    assert!(page.contains(&format!("href=\"{link}\"")));
    assert!(page.contains("Oläst"));
    assert!(!page.contains(comment));

    // The scheduler's round sends one e-mail each, in the recipient's language.
    let report = tick(&app, now()).await;
    assert!(report.leader);
    assert_eq!(
        (report.mail.sent, report.mail.retry, report.mail.refused),
        (2, 0, 0)
    );
    let sv = only_mail_to(&sink, "sam@skatteverket.se");
    assert_plain_notice(&sv);
    assert_eq!(sv.subject(), "Lägesbild: er inrapportering har returnerats");
    let body = sv.body();
    assert!(
        body.contains("Er inrapportering för 2026-Q3 (version 1) har returnerats"),
        "{body}"
    );
    assert!(body.contains(&format!("{PUBLIC_URL}{link}\n")), "{body}");
    assert!(body.contains(&format!("{PUBLIC_URL}/account")), "{body}");
    assert!(!body.contains(comment), "{body}");
    let en = only_mail_to(&sink, "sam.en@skatteverket.se");
    assert_plain_notice(&en);
    assert_eq!(en.subject(), "Lägesbild: your submission has been returned");
    let body = en.body();
    assert!(
        body.contains("Your agency's submission for 2026-Q3 (version 1) has been returned"),
        "{body}"
    );
    assert!(body.contains(&format!("{PUBLIC_URL}{link}\n")), "{body}");
    assert!(outbox(&app)
        .await
        .iter()
        .all(|(s, a, _)| s == "sent" && *a == 1));
    // A second round sends nothing again.
    let again = tick(&app, now()).await;
    assert_eq!(again.mail.sent, 0);
    assert_eq!(sink.mails().len(), 2);

    // Accepted (another period): the same people hear of it.
    let id2 = app
        .submit_and_accept(
            &skv,
            &ana,
            "2026-Q2",
            json!([{"misuse_type": "look_alike", "count": 2}]),
        )
        .await;
    let n = notices_of(&app, "sam-en").await;
    assert_eq!(n.len(), 2);
    assert_eq!(
        (n[1].1.as_str(), n[1].2.clone()),
        ("submission_accepted", format!("/submissions/{id2}"))
    );
    tick(&app, now()).await;
    let accepted: Vec<Mail> = sink
        .to("sam.en@skatteverket.se")
        .into_iter()
        .filter(|m| m.subject() == "Lägesbild: your submission has been accepted")
        .collect();
    assert_eq!(accepted.len(), 1);
    assert!(accepted[0]
        .body()
        .contains(&format!("{PUBLIC_URL}/submissions/{id2}")));
    assert_eq!(sink.to("sam@skatteverket.se").len(), 2);

    // The header counts what is unread; marking read takes it down.
    let home = app.get_text("/").await;
    assert!(home.contains("Meddelanden (2 olästa)"));
    let first = notices_of(&app, "sam").await[0].0;
    let r = app
        .post_form(
            &format!("/notifications/{first}/read"),
            "/notifications",
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(app.get_text("/").await.contains("Meddelanden (1 oläst)"));
    let r = app
        .post_form("/notifications/read-all", "/notifications", &[])
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/notifications").await;
    assert!(
        page.contains("Ett meddelande är markerat som läst."),
        "the flash"
    );
    assert!(!page.contains("Oläst") && !page.contains("oläst)"));
    assert!(notices_of(&app, "sam").await.iter().all(|n| n.3));
    // The other coordinator's are still unread: one's own only.
    assert!(notices_of(&app, "sam-en").await.iter().all(|n| !n.3));

    // In English, the page speaks English.
    app.login_as("sam-en").await;
    app.post_form("/language", "/", &[("lang", "en"), ("next", "/")])
        .await;
    let page = app.get_text("/notifications").await;
    assert!(
        page.contains("Notifications (2 unread)"),
        "the header in English"
    );
    assert!(page.contains("has been accepted"));
    assert!(page.contains("2 notifications, 2 unread."));
}

#[tokio::test]
async fn editions_ask_approvers_who_did_not_write_them_and_tell_ministry_readers_by_link() {
    let sink = SmtpSink::start().await;
    let mut app = app_with_mail(&sink).await;
    for (name, role) in [
        ("ana", Role::Analyst),
        ("chef", Role::Approver),
        ("chef2", Role::Approver),
        ("dep", Role::Ministry),
        ("dep-en", Role::Ministry),
    ] {
        app.add_user(name, role, None).await;
    }
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    profile(&app, "chef", Lang::Sv, Some("chef@idcentrum.se")).await;
    profile(&app, "chef2", Lang::Sv, Some("chef2@idcentrum.se")).await;
    profile(&app, "dep", Lang::Sv, Some("dep@regeringskansliet.se")).await;
    profile(
        &app,
        "dep-en",
        Lang::En,
        Some("dep.en@regeringskansliet.se"),
    )
    .await;
    let skv = app.agency_token("SKV").await;
    let ana_token = app.user_token("ana").await;
    app.submit_and_accept(
        &skv,
        &ana_token,
        "2026-Q3",
        json!([{"misuse_type": "exploited_identity", "count": 40}]),
    )
    .await;

    // The analyst drafts; the approver `chef` writes in it too (an author now).
    app.login_as("ana").await;
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", "2026-Q3"),
                ("language", "sv"),
                ("marking", "Intern"),
                ("tlp", "AMBER"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let id: i64 = r.headers()["location"]
        .to_str()
        .unwrap()
        .split('/')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    let page = format!("/reports/{id}/versions/1");
    let edit = format!("{page}/edit");
    app.login_as("chef").await;
    let r = app
        .post_form(
            &format!("{page}/sections/trends"),
            &edit,
            &[
                ("text", "Beslutsfattarens mening."),
                ("include", "monthly_total"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.login_as("ana").await;
    assert_eq!(
        app.post_form(&format!("{page}/submit"), &page, &[])
            .await
            .status(),
        303
    );

    // Awaiting approval: chef2 only (chef wrote part of it; ana is no approver).
    let n = notices_of(&app, "chef2").await;
    assert_eq!(n.len(), 1);
    assert_eq!(
        (n[0].1.as_str(), n[0].2.as_str()),
        ("edition_awaiting_approval", page.as_str())
    );
    assert!(
        notices_of(&app, "chef").await.is_empty(),
        "an author is not asked"
    );
    assert!(notices_of(&app, "ana").await.is_empty());
    assert!(
        notices_of(&app, "dep").await.is_empty(),
        "not published yet"
    );
    tick(&app, now()).await;
    let m = only_mail_to(&sink, "chef2@idcentrum.se");
    assert_plain_notice(&m);
    assert_eq!(
        m.subject(),
        "Lägesbild: en lägesbild väntar på fastställande"
    );
    assert!(m.body().contains(&format!("{PUBLIC_URL}{page}\n")));
    assert!(sink.to("chef@idcentrum.se").is_empty());

    // Published: every ministry reader hears of it by a link to the edition's page.
    app.login_as("chef2").await;
    assert_eq!(
        app.post_form(&format!("{page}/approve"), &page, &[])
            .await
            .status(),
        303
    );
    assert_eq!(
        app.post_form(&format!("{page}/publish"), &page, &[])
            .await
            .status(),
        303
    );
    for who in ["dep", "dep-en"] {
        let n = notices_of(&app, who).await;
        assert_eq!(n.len(), 1, "{who}");
        assert_eq!(
            (n[0].1.as_str(), n[0].2.as_str()),
            ("edition_published", page.as_str())
        );
    }
    assert!(notices_of(&app, "sam")
        .await
        .iter()
        .all(|n| n.1 != "edition_published"));
    let report = tick(&app, now()).await;
    assert_eq!(report.mail.sent, 2);
    let sv = only_mail_to(&sink, "dep@regeringskansliet.se");
    assert_plain_notice(&sv);
    assert_eq!(sv.subject(), "Lägesbild: en ny lägesbild är publicerad");
    let body = sv.body();
    assert!(body.contains("Lägesbild 2026-Q3, utgåva"), "{body}");
    assert!(
        body.contains(&format!("{PUBLIC_URL}{page}\n")),
        "the edition's page: {body}"
    );
    assert!(!body.contains("/pdf"), "never the PDF: {body}");
    let en = only_mail_to(&sink, "dep.en@regeringskansliet.se");
    assert_plain_notice(&en);
    assert!(en.body().contains("has been published"));
    assert!(en.body().contains(&format!("{PUBLIC_URL}{page}\n")));

    // The ministry reader follows the link and may read the page.
    app.login_as("dep").await;
    let list = app.get_text("/notifications").await;
    assert!(list.contains(&format!("href=\"{page}\"")));
    assert_eq!(app.get(&page).await.status(), 200);
}

#[tokio::test]
async fn a_recipient_outside_the_allowed_domains_gets_the_notice_and_no_email() {
    let sink = SmtpSink::start().await;
    let mut app = app_with_mail(&sink).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("sam2", Role::Coordinator, Some("SKV")).await;
    app.add_user("ana", Role::Analyst, None).await;
    // An address from before the list changed (the account page refuses it now).
    profile(&app, "sam", Lang::Sv, Some("sam.privat@gmail.com")).await;
    profile(&app, "sam2", Lang::Sv, Some("sam2@skatteverket.se")).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 2}]),
    )
    .await;
    assert_eq!(
        notices_of(&app, "sam").await.len(),
        1,
        "the notice is there"
    );
    let report = tick(&app, now()).await;
    assert_eq!((report.mail.sent, report.mail.refused), (1, 1));
    assert!(sink.to("sam.privat@gmail.com").is_empty());
    assert_eq!(sink.mails().len(), 1);
    assert_eq!(sink.mails()[0].to, vec!["sam2@skatteverket.se".to_string()]);
    let rows = outbox(&app).await;
    let refused: Vec<_> = rows.iter().filter(|r| r.0 == "refused").collect();
    assert_eq!(refused.len(), 1);
    let why = refused[0].2.clone().unwrap_or_default();
    assert!(why.contains("domain") && !why.contains('@'), "{why}");
    // Refused for good: later rounds do not try again.
    assert_eq!(
        tick(&app, now() + Duration::hours(2)).await.mail,
        Default::default()
    );

    // The account page explains the rule and refuses an address elsewhere.
    app.login_as("sam").await;
    let page = app.get_text("/account").await;
    assert!(page.contains("skatteverket.se, polisen.se, idcentrum.se, regeringskansliet.se"));
    let r = app
        .post_form("/account", "/account", &[("email", "sam.privat@gmail.com")])
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("Lägesbild skickar bara e-post till adresser hos"),
        "{body}"
    );
    assert!(
        body.contains("value=\"sam.privat@gmail.com\""),
        "the input kept"
    );
    let r = app
        .post_form("/account", "/account", &[("email", "not an address")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Ange en e-postadress i formen"));
    let r = app
        .post_form(
            "/account",
            "/account",
            &[("email", " Sam@Skatteverket.SE ")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/account").await;
    assert!(page.contains("E-postadressen är sparad."));
    assert!(page.contains("value=\"Sam@skatteverket.se\""));
    let r = app
        .post_form("/account", "/account", &[("email", "")])
        .await;
    assert_eq!(r.status(), 303);
    assert!(app
        .get_text("/account")
        .await
        .contains("E-postadressen är borttagen."));
    let stored = app
        .with_db(|c| {
            users::table
                .filter(users::username.eq("sam"))
                .select(users::email)
                .first::<Option<String>>(c)
                .unwrap()
        })
        .await;
    assert_eq!(stored, None);

    // What counts is the address when sending: one removed after the e-mail was queued
    // gets nothing, one changed gets it at the new address.
    profile(&app, "sam", Lang::Sv, Some("sam@skatteverket.se")).await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q2",
        json!([{"misuse_type": "look_alike", "count": 2}]),
    )
    .await;
    profile(&app, "sam", Lang::Sv, None).await;
    profile(&app, "sam2", Lang::Sv, Some("sam2.ny@skatteverket.se")).await;
    let report = tick(&app, now()).await;
    assert_eq!((report.mail.sent, report.mail.refused), (1, 1));
    assert!(sink.to("sam@skatteverket.se").is_empty());
    assert_eq!(sink.to("sam2.ny@skatteverket.se").len(), 1);
    assert_eq!(sink.to("sam2@skatteverket.se").len(), 1, "only the first");
}

#[tokio::test]
async fn mail_waits_while_the_smtp_server_is_down_and_goes_on_a_later_round() {
    let mut sink = SmtpSink::down();
    let mut app = app_with_mail(&sink).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("ana", Role::Analyst, None).await;
    profile(&app, "sam", Lang::Sv, Some("sam@skatteverket.se")).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    app.open_period("2026-Q3").await;
    let id = submit(&app, &skv, "2026-Q3").await;
    // The review succeeds although no mail server answers: sending is not its business.
    review(
        &app,
        &ana,
        id,
        json!({"decision": "return", "comment": "Rätta raden."}),
    )
    .await;

    let t0 = now();
    let report = tick(&app, t0).await;
    assert_eq!((report.mail.sent, report.mail.retry), (0, 1));
    let rows = outbox(&app).await;
    assert_eq!((rows[0].0.as_str(), rows[0].1), ("pending", 1));
    assert!(rows[0].2.is_some(), "the error is recorded");
    // Nobody sees it: the coordinator's pages are as usual.
    app.login_as("sam").await;
    let page = app.get_text("/notifications").await;
    assert!(page.contains("har returnerats"));
    assert!(!page.to_lowercase().contains("smtp") && !page.contains("e-post kunde inte"));

    // The server comes up; the message waits for its back-off, then goes.
    sink.listen().await;
    let early = tick(&app, t0 + Duration::seconds(5)).await;
    assert_eq!(early.mail, Default::default(), "not before its time");
    assert!(sink.mails().is_empty());
    let later = tick(&app, t0 + Duration::minutes(10)).await;
    assert_eq!((later.mail.sent, later.mail.retry), (1, 0));
    let m = only_mail_to(&sink, "sam@skatteverket.se");
    assert!(m.body().contains(&format!("{PUBLIC_URL}/submissions/{id}")));
    let rows = outbox(&app).await;
    assert_eq!((rows[0].0.as_str(), rows[0].1), ("sent", 2));
}

/// Today's date as the scheduler sees it.
fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

#[tokio::test]
async fn the_scheduler_closes_overdue_periods_and_makes_each_reminder_once() {
    let sink = SmtpSink::start().await;
    let mut app = app_with_mail(&sink).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("mig", Role::Coordinator, Some("MIG")).await;
    profile(&app, "sam", Lang::Sv, Some("sam@skatteverket.se")).await;
    profile(&app, "pol", Lang::En, None).await;
    profile(&app, "mig", Lang::Sv, Some("mig@idcentrum.se")).await;
    let overdue = (today() - Duration::days(1)).to_string();
    let soon = (today() + Duration::days(7)).to_string();
    app.open_period("2026-Q2").await;
    app.set_period("2026-Q2", "open", Some(&overdue)).await;
    app.open_period("2026-Q3").await;
    app.set_period("2026-Q3", "open", Some(&soon)).await;
    // MIG has submitted 2026-Q3; SKV has only a draft; POL nothing.
    let mig = app.agency_token("MIG").await;
    submit(&app, &mig, "2026-Q3").await;
    let skv = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": false,
                "lines": [{"misuse_type": "false_identity", "count": 1}]}),
        )
        .await;
    assert_eq!(r.status(), 201);

    let first = tick(&app, now()).await;
    assert!(first.leader);
    assert_eq!(first.closed, vec!["2026-Q2".to_string()]);
    // SKV's and POL's coordinators; not the service accounts behind the agency tokens,
    // which are coordinators of their agency too but nobody reads for.
    assert_eq!(first.reminders, 2);
    assert_eq!(app.count_rows("notifications").await, 2);
    let status = app
        .with_db(|c| {
            reporting_periods::table
                .filter(reporting_periods::code.eq("2026-Q2"))
                .select(reporting_periods::status)
                .first::<String>(c)
                .unwrap()
        })
        .await;
    assert_eq!(status, "closed");
    let closed_by = app
        .with_db(|c| {
            use lagesbild::db::schema::audit_log as a;
            a::table
                .filter(a::action.eq("period_closed"))
                .select(a::actor)
                .load::<String>(c)
                .unwrap()
        })
        .await;
    assert_eq!(
        closed_by,
        vec!["system".to_string()],
        "audited as the system"
    );
    for _ in 0..3 {
        let r = tick(&app, now()).await;
        assert!(r.closed.is_empty() && r.reminders == 0, "{r:?}");
    }
    assert_eq!(notices_of(&app, "sam").await.len(), 1);
    assert_eq!(notices_of(&app, "pol").await.len(), 1);
    assert!(
        notices_of(&app, "mig").await.is_empty(),
        "MIG has submitted"
    );
    let m = only_mail_to(&sink, "sam@skatteverket.se");
    assert_plain_notice(&m);
    let body = m.body();
    assert!(
        body.contains(&format!(
            "Sista dag för inrapportering för 2026-Q3 är {soon} (om 7 dagar)"
        )),
        "{body}"
    );
    assert!(
        body.contains(&format!("{PUBLIC_URL}/submissions\n")),
        "{body}"
    );
    assert_eq!(
        sink.mails().len(),
        1,
        "pol has no address, mig is not reminded"
    );

    // Six days on, the last reminder: once more each, in the reader's language.
    let later = now() + Duration::days(6);
    assert_eq!(tick(&app, later).await.reminders, 2);
    assert_eq!(tick(&app, later).await.reminders, 0);
    assert_eq!(sink.to("sam@skatteverket.se").len(), 2);
    app.login_as("pol").await;
    let page = app.get_text("/notifications").await;
    assert!(
        page.contains("(tomorrow)") && page.contains("(in 7 days)"),
        "{page}"
    );
}

#[tokio::test]
async fn of_two_instances_exactly_one_leads_and_each_reminder_and_email_is_made_once() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let peer = app.spawn_peer_with(mail_settings(&sink)).await;
    for (name, agency, email) in [
        ("sam", "SKV", "sam@skatteverket.se"),
        ("pol", "POL", "pol@polisen.se"),
        ("pol2", "POL", "pol2@polisen.se"),
    ] {
        app.add_user(name, Role::Coordinator, Some(agency)).await;
        profile(&app, name, Lang::Sv, Some(email)).await;
    }
    app.open_period("2026-Q3").await;
    let tomorrow = (today() + Duration::days(1)).to_string();
    app.set_period("2026-Q3", "open", Some(&tomorrow)).await;

    let t0 = now();
    let mut leaders = Vec::new();
    for round in 0..4 {
        let at = t0 + Duration::seconds(round);
        let (a, b) = tokio::join!(tick(&app, at), tick(&peer, at));
        assert!(a.leader != b.leader, "exactly one leads: {a:?} {b:?}");
        leaders.push(if a.leader {
            app.scheduler.holder()
        } else {
            peer.scheduler.holder()
        });
    }
    assert!(
        leaders.windows(2).all(|w| w[0] == w[1]),
        "the leader keeps the lease"
    );
    let count = app.count_rows("notifications").await;
    assert_eq!(count, 3, "one reminder per coordinator");
    assert_eq!(sink.mails().len(), 3, "one e-mail each");
    for a in ["sam@skatteverket.se", "pol@polisen.se", "pol2@polisen.se"] {
        assert_eq!(sink.to(a).len(), 1, "{a}");
    }

    // The leader stops renewing (it died): after the lease, the other takes over and makes
    // nothing twice.
    let (leader, follower) = if leaders[0] == app.scheduler.holder() {
        (&app, &peer)
    } else {
        (&peer, &app)
    };
    let after = t0 + Duration::seconds(follower.scheduler.lease_secs() + 10);
    let r = tick(follower, after).await;
    assert!(r.leader, "the follower takes over an expired lease");
    assert_eq!(r.reminders, 0);
    assert!(
        !tick(leader, after).await.leader,
        "the old leader is now a follower"
    );
    assert_eq!(app.count_rows("notifications").await, 3);
    assert_eq!(sink.mails().len(), 3);
}

#[tokio::test]
async fn a_user_cannot_mark_another_users_notice_read() {
    let sink = SmtpSink::start().await;
    let mut app = app_with_mail(&sink).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("pol", Role::Coordinator, Some("POL")).await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    app.submit_and_accept(
        &skv,
        &ana,
        "2026-Q3",
        json!([{"misuse_type": "look_alike", "count": 2}]),
    )
    .await;
    let sams = notices_of(&app, "sam").await[0].0;

    app.login_as("pol").await;
    let r = app
        .post_form(
            &format!("/notifications/{sams}/read"),
            "/notifications",
            &[],
        )
        .await;
    assert_eq!(r.status(), 404, "another user's notice is not found");
    let r = app
        .post_form("/notifications/999999/read", "/notifications", &[])
        .await;
    assert_eq!(r.status(), 404);
    assert!(!app
        .get_text("/notifications")
        .await
        .contains("har godkänts"));
    let r = app
        .post_form("/notifications/read-all", "/notifications", &[])
        .await;
    assert_eq!(r.status(), 303);
    assert!(!notices_of(&app, "sam").await[0].3, "still unread");
    // Without the CSRF token, not even one's own.
    app.login_as("sam").await;
    let r = app
        .post_raw(&format!("/notifications/{sams}/read"), &[])
        .await;
    assert_eq!(r.status(), 403);
    assert!(!notices_of(&app, "sam").await[0].3);
    // Reading them through the query layer needs the owner too.
    let other = app
        .with_db(move |c| {
            let pol = user_id(c, "pol");
            nq::of_user(c, pol, sams).unwrap()
        })
        .await;
    assert!(other.is_none());
}

#[tokio::test]
async fn the_timer_runs_rounds_by_itself() {
    let app = spawn_app_with(|s| {
        s.notifications.scheduler = true;
        s.notifications.interval_secs = 1;
    })
    .await;
    app.open_period("2026-Q2").await;
    let overdue = (today() - Duration::days(1)).to_string();
    app.set_period("2026-Q2", "open", Some(&overdue)).await;
    let started = std::time::Instant::now();
    loop {
        let status = app
            .with_db(|c| {
                reporting_periods::table
                    .filter(reporting_periods::code.eq("2026-Q2"))
                    .select(reporting_periods::status)
                    .first::<String>(c)
                    .unwrap()
            })
            .await;
        if status == "closed" {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "the scheduler closed the period within a few rounds"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A notification for `user` made at `created_at`, with an e-mail record of `mail` status.
fn note_made_at(
    c: &mut lagesbild::db::DbConnection,
    user: i64,
    created_at: NaiveDateTime,
    mail: Option<&str>,
) {
    let id = nq::insert(
        c,
        &nq::NewNotification {
            user_id: user,
            kind: "submission_accepted",
            message_key: "notifications-submission-accepted",
            args: r#"{"period":{"text":"2026-Q2"},"version":{"int":1}}"#,
            link: "/submissions",
            created_at,
            dedupe_key: None,
        },
    )
    .unwrap()
    .unwrap();
    if let Some(status) = mail {
        nq::insert_outbox(
            c,
            &nq::NewOutbox {
                notification_id: id,
                to_address: "sam@skatteverket.se",
                status,
                attempts: 1,
                created_at,
                // Not due in these rounds: the drain leaves it as it is.
                next_attempt_at: created_at + Duration::days(400),
            },
        )
        .unwrap();
    }
}

#[tokio::test]
async fn notifications_and_sent_mail_records_go_after_the_retention_time() {
    let app = spawn_app().await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    let sam = app.user_id("sam").await;
    let now = Utc::now().naive_utc();
    let old = now - Duration::days(181);
    app.with_db(move |c| {
        note_made_at(c, sam, old, Some("sent")); // goes, with its e-mail record
        note_made_at(c, sam, old, None); // goes
        note_made_at(c, sam, old, Some("pending")); // stays: still to be sent
        note_made_at(c, sam, now, Some("sent")); // stays: recent
    })
    .await;
    let report = tick(&app, now).await;
    assert!(report.leader);
    assert_eq!(report.purged, 3, "{report:?}");
    assert_eq!(app.count_rows("notifications").await, 2);
    assert_eq!(app.count_rows("mail_outbox").await, 2);
    assert_eq!(
        app.count_rows("mail_outbox WHERE status = 'pending'").await,
        1
    );
    // Once a day: the next round the same day leaves even a newly expired one alone; the
    // next day's first round deletes it.
    app.with_db(move |c| note_made_at(c, sam, old, None)).await;
    assert_eq!(tick(&app, now).await.purged, 0);
    assert_eq!(tick(&app, now + Duration::days(1)).await.purged, 1);
}
