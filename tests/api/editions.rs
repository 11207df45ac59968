//! Report editions: compose, four eyes, frozen publication, corrections, the ministry
//! portal, the CLI, and the printed PDF checked with a parser.

use lagesbild::domain::role::Role;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::helpers::{backend, spawn_app, TestApp};
use crate::pdf::PdfText;

/// Users: analyst `ana`, approvers `chef` and `chef2`, ministry reader `dep`,
/// coordinator `sam` (SKV). Accepted data for 2026-Q2 and 2026-Q3.
pub(crate) async fn newsroom() -> TestApp {
    let app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.add_user("chef", Role::Approver, None).await;
    app.add_user("chef2", Role::Approver, None).await;
    app.add_user("dep", Role::Ministry, None).await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    for (q, n) in [("2026-Q2", 40), ("2026-Q3", 55)] {
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
    app
}

/// Creates an edition of the standard template as the logged-in user; returns its id.
async fn create_edition(app: &TestApp, period: &str, language: &str) -> i64 {
    create_edition_from(app, period, language, None).await
}

/// Creates an edition from `template` (the standard one when `None`); returns its id.
pub(crate) async fn create_edition_from(
    app: &TestApp,
    period: &str,
    language: &str,
    template: Option<i64>,
) -> i64 {
    let template = template.map(|t| t.to_string()).unwrap_or_default();
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", period),
                ("language", language),
                ("template_id", &template),
                ("marking", "Intern"),
                ("tlp", "AMBER"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = location
        .trim_start_matches("/reports/")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(location, format!("/reports/{id}/versions/1/edit"));
    id
}

async fn post(app: &TestApp, path: &str, page: &str, fields: &[(&str, &str)]) -> u16 {
    app.post_form(path, page, fields).await.status().as_u16()
}

/// Walks a version from draft to published: `author` submits, `approver` approves and
/// publishes. Returns the SHA-256 shown on the page.
async fn publish(app: &mut TestApp, id: i64, no: i32, author: &str, approver: &str) -> String {
    let page = format!("/reports/{id}/versions/{no}");
    app.login_as(author).await;
    assert_eq!(post(app, &format!("{page}/submit"), &page, &[]).await, 303);
    app.login_as(approver).await;
    assert_eq!(post(app, &format!("{page}/approve"), &page, &[]).await, 303);
    assert_eq!(post(app, &format!("{page}/publish"), &page, &[]).await, 303);
    let html = app.get_text(&page).await;
    assert!(html.contains("Publicerad"));
    let marker = "<code class=\"hash\">";
    let start = html.find(marker).expect("the hash is shown") + marker.len();
    html[start..start + 64].to_string()
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[tokio::test]
async fn four_eyes_publication_freezes_the_data_and_the_next_edition_lists_what_moved() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let id = create_edition(&app, "2026-Q3", "sv").await;
    let edit = format!("/reports/{id}/versions/1/edit");
    let page = format!("/reports/{id}/versions/1");

    // The analyst writes the summary; an approver writes in the trends section.
    let r = post(
        &app,
        &format!("/reports/{id}/versions/1/sections/summary"),
        &edit,
        &[
            (
                "text",
                "Utnyttjade identiteter **ökar** för tredje kvartalet i rad.",
            ),
            ("include", "summary_table"),
            ("pos_summary_table", "1"),
        ],
    )
    .await;
    assert_eq!(r, 303);
    app.login_as("chef").await;
    let r = post(
        &app,
        &format!("/reports/{id}/versions/1/sections/trends"),
        &edit,
        &[
            ("text", "Beslutsfattarens egen mening."),
            ("include", "trend_by_misuse_type"),
            ("include", "monthly_total"),
        ],
    )
    .await;
    assert_eq!(r, 303);

    // Not published yet: the ministry sees neither the list entry nor the version.
    app.login_as("dep").await;
    assert!(!app.get_text("/reports").await.contains(&page));
    assert_eq!(app.get(&page).await.status(), 403);
    assert_eq!(app.get(&format!("{page}/pdf")).await.status(), 403);

    // Four eyes: chef wrote part of it and cannot approve; chef2 can.
    app.login_as("ana").await;
    assert_eq!(post(&app, &format!("{page}/submit"), &page, &[]).await, 303);
    app.login_as("chef").await;
    assert_eq!(
        post(&app, &format!("{page}/approve"), &page, &[]).await,
        403
    );
    // A refusal needs a reason, and records it.
    assert_eq!(
        post(&app, &format!("{page}/refuse"), &page, &[("reason", " ")]).await,
        422
    );
    assert_eq!(
        post(
            &app,
            &format!("{page}/refuse"),
            &page,
            &[("reason", "Lägg till en mening om dokumenttyperna.")]
        )
        .await,
        303
    );
    let html = app.get_text(&page).await;
    assert!(html.contains("Utkast"));
    assert!(html.contains("Lägg till en mening om dokumenttyperna."));
    // Analysts cannot approve at all.
    app.login_as("ana").await;
    assert_eq!(post(&app, &format!("{page}/submit"), &page, &[]).await, 303);
    assert_eq!(
        post(&app, &format!("{page}/approve"), &page, &[]).await,
        403
    );
    app.login_as("chef2").await;
    assert_eq!(
        post(&app, &format!("{page}/approve"), &page, &[]).await,
        303
    );
    assert_eq!(
        post(&app, &format!("{page}/publish"), &page, &[]).await,
        303
    );
    let html = app.get_text(&page).await;
    let marker = "<code class=\"hash\">";
    let start = html.find(marker).unwrap() + marker.len();
    let shown = html[start..start + 64].to_string();

    // The ministry downloads it; the bytes are the ones whose hash the page shows.
    app.login_as("dep").await;
    assert!(app.get_text("/reports").await.contains(&page));
    let r = app.get(&format!("{page}/pdf")).await;
    assert_eq!(r.status(), 200);
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("lagesbild-2026-Q3-utgava-")
            && disposition.contains("-v1-intern-tlp-amber.pdf"),
        "{disposition}"
    );
    let first = r.bytes().await.unwrap();
    assert_eq!(sha256(&first), shown);
    let pdf = PdfText::parse(&first);
    assert!(
        pdf.all().contains("Utnyttjade identiteter"),
        "the analyst's text"
    );
    assert!(!pdf.all().contains("UTKAST"));
    // Every download is audited: who, which edition and version.
    let audited = app
        .with_db(move |c| {
            lagesbild::db::queries::audit::recent(c, 50)
                .unwrap()
                .into_iter()
                .filter(|a| a.action == "report_downloaded" && a.actor == "dep")
                .map(|a| a.entity_id.unwrap_or_default())
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(audited, vec![format!("{id}/v1")]);
    // The period it covers is locked: no more changes to 2026-Q3.
    let skv = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            json!({"period": "2026-Q3", "submit": true, "lines": [{"misuse_type": "look_alike", "count": 9}]}),
        )
        .await;
    assert_eq!(r.status(), 409, "{}", r.text().await.unwrap());

    // A late submission for 2026-Q2 (not locked) changes the live data …
    let mig = app.agency_token("MIG").await;
    let ana = app.user_token("ana").await;
    app.submit_and_accept(
        &mig,
        &ana,
        "2026-Q2",
        json!([{"misuse_type": "exploited_identity", "count": 7}]),
    )
    .await;
    // … but never the published edition: same bytes, same hash.
    let again = app.get(&format!("{page}/pdf")).await.bytes().await.unwrap();
    assert_eq!(again, first);
    app.login_as("ana").await;
    assert!(app.get_text(&page).await.contains(&shown));

    // The next edition lists the moved figure (Q2: 40 → 47 utnyttjade identiteter).
    let next = create_edition(&app, "2026-Q4", "sv").await;
    let html = app.get_text(&format!("/reports/{next}/versions/1")).await;
    assert!(
        html.contains(&format!("Jämfört med utgåva {id} version 1 (2026-Q3).")),
        "baseline named"
    );
    let changes = &html[html.find("Ändrade siffror").expect("a changes table")..];
    assert!(
        changes.contains("<td>2026-Q2</td><td>40</td><td>47</td>"),
        "{}",
        &changes[..changes.len().min(1500)]
    );
}

#[tokio::test]
async fn a_correction_is_a_new_version_and_the_old_one_stays_downloadable() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let id = create_edition(&app, "2026-Q3", "sv").await;
    // chef2 writes part of version 1 …
    app.login_as("chef2").await;
    let edit = format!("/reports/{id}/versions/1/edit");
    assert_eq!(
        post(
            &app,
            &format!("/reports/{id}/versions/1/sections/forum"),
            &edit,
            &[
                ("text", "Forumet möttes tre gånger."),
                ("include", "forum_followups")
            ]
        )
        .await,
        303
    );
    let sha1 = publish(&mut app, id, 1, "ana", "chef").await;

    // Published is frozen: the composer refuses, and so does the database itself.
    app.login_as("ana").await;
    let v1 = format!("/reports/{id}/versions/1");
    assert_eq!(app.get(&format!("{v1}/edit")).await.status(), 409);
    let frozen = app
        .with_db(move |c| {
            use diesel::prelude::*;
            diesel::sql_query(
                "UPDATE report_versions SET title = 'ändrad' WHERE status = 'published'",
            )
            .execute(c)
            .is_err()
        })
        .await;
    assert!(frozen, "a trigger refuses to change a published version");

    // A correction needs a note; then it is version 2, a draft copying version 1.
    assert_eq!(
        post(
            &app,
            &format!("/reports/{id}/correct"),
            &v1,
            &[("note", "")]
        )
        .await,
        422
    );
    assert_eq!(
        post(
            &app,
            &format!("/reports/{id}/correct"),
            &v1,
            &[("note", "Tabell 1 saknade Migrationsverkets uppgifter.")]
        )
        .await,
        303
    );
    // … so chef2 wrote part of the correction too (its text is copied) and cannot approve it.
    let v2 = format!("/reports/{id}/versions/2");
    assert_eq!(post(&app, &format!("{v2}/submit"), &v2, &[]).await, 303);
    app.login_as("chef2").await;
    assert_eq!(post(&app, &format!("{v2}/approve"), &v2, &[]).await, 403);
    app.login_as("chef").await;
    assert_eq!(post(&app, &format!("{v2}/approve"), &v2, &[]).await, 303);
    assert_eq!(post(&app, &format!("{v2}/publish"), &v2, &[]).await, 303);
    let html = app.get_text(&v2).await;
    let marker = "<code class=\"hash\">";
    let start = html.find(marker).unwrap() + marker.len();
    let sha2 = html[start..start + 64].to_string();
    assert_ne!(sha1, sha2);

    app.login_as("dep").await;
    let list = app.get_text("/reports").await;
    assert!(list.contains(&format!("/reports/{id}/versions/1/pdf")));
    assert!(list.contains(&format!("/reports/{id}/versions/2/pdf")));
    let old = app.get(&format!("{v1}/pdf")).await.bytes().await.unwrap();
    assert_eq!(sha256(&old), sha1, "version 1 unchanged");
    let new = app
        .get(&format!("/reports/{id}/versions/2/pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    let pdf = PdfText::parse(&new);
    assert!(
        pdf.pages[0].contains("Rättelse: Tabell 1 saknade Migrationsverkets uppgifter."),
        "{}",
        pdf.pages[0]
    );
    assert!(pdf.pages[0].contains("version 2"));
}

#[tokio::test]
async fn markings_below_the_minimum_are_refused_and_stand_on_every_page() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", "2026-Q3"),
                ("language", "sv"),
                ("marking", "Öppen"),
                ("tlp", "GREEN"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Lägst tillåtna är ”Intern”"), "{html}");
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", "2026-Q9"),
                ("language", "sv"),
                ("marking", "Intern"),
                ("tlp", "CLEAR"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);

    let id = create_edition(&app, "2026-Q3", "sv").await;
    let edit = format!("/reports/{id}/versions/1/edit");
    assert_eq!(
        post(
            &app,
            &format!("/reports/{id}/versions/1/meta"),
            &edit,
            &[
                (
                    "title",
                    "Lägesbild identitetsmissbruk, tredje kvartalet 2026"
                ),
                ("language", "sv"),
                ("marking", "Begränsad – endast för tjänstebruk"),
                ("tlp", "RED"),
            ]
        )
        .await,
        303
    );
    let r = app.get(&format!("/reports/{id}/versions/1/pdf")).await;
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.ends_with("-utkast-begransad-endast-for-tjanstebruk-tlp-red.pdf\""),
        "{disposition}"
    );
    let pdf = PdfText::parse(&r.bytes().await.unwrap());
    pdf.assert_every_page_framed("Begränsad – endast för tjänstebruk · TLP:RED");
    for (i, page) in pdf.pages.iter().enumerate() {
        assert!(page.contains("UTKAST"), "draft mark on page {}", i + 1);
    }

    // Personal data in the text is refused and nothing is stored.
    let r = app
        .post_form(
            &format!("/reports/{id}/versions/1/sections/summary"),
            &edit,
            &[
                ("text", "Kontakta anna.andersson@example.se för detaljer."),
                ("include", "summary_table"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("e-postadress"));
    let stored = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::report_versions::dsl::*;
            report_versions.select(content).first::<String>(c).unwrap()
        })
        .await;
    assert!(!stored.contains("example.se"));
}

/// The printed edition, checked with a PDF parser: title page, contents that match the
/// headings, the frame on every page, metadata and fonts; long content paginates by the
/// rules; an English edition prints in English.
#[tokio::test]
async fn the_printed_edition_is_print_grade() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let id = create_edition(&app, "2026-Q3", "sv").await;
    let edit = format!("/reports/{id}/versions/1/edit");
    // 200 paragraphs of narrative in the trends section.
    let long: String = (1..=200)
        .map(|i| format!("Stycke {i}: utvecklingen beskrivs kort med ord som å ä ö.\n\n"))
        .collect();
    assert_eq!(
        post(
            &app,
            &format!("/reports/{id}/versions/1/sections/trends"),
            &edit,
            &[
                ("text", &long),
                ("include", "trend_by_misuse_type"),
                ("include", "monthly_total")
            ],
        )
        .await,
        303
    );
    publish(&mut app, id, 1, "ana", "chef").await;
    let bytes = app
        .get(&format!("/reports/{id}/versions/1/pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    let pdf = PdfText::parse(&bytes);
    let n = pdf.pages.len();
    assert!(n >= 15, "{n} pages");
    pdf.assert_every_page_framed("Intern · TLP:AMBER");

    // Title page.
    let title = &pdf.pages[0];
    for expected in [
        "Lägesbild identitetsmissbruk 2026-Q3",
        "kvartal 3 2026",
        &format!("Utgåva {id}, version 1"),
        "Publicerad",
        "Informationsklass: Intern · TLP:AMBER",
        "Nationellt ID-center",
    ] {
        assert!(
            title.contains(expected),
            "title page lacks {expected}: {title}"
        );
    }

    // Contents: every numbered section heading with the page it starts on.
    let toc = &pdf.pages[1];
    assert!(toc.contains("Innehåll"));
    let flat_toc = toc.replace('\n', " ");
    let entries: Vec<(String, usize)> =
        regex::Regex::new(r"(\d{1,2} [A-ZÅÄÖ][^.]+?) \.{3,} ?(\d+)")
            .unwrap()
            .captures_iter(&flat_toc)
            .map(|c| (c[1].trim().to_string(), c[2].parse().unwrap()))
            .collect();
    assert_eq!(
        entries.len(),
        10,
        "ten sections in the contents: {flat_toc}"
    );
    for (heading, page) in &entries {
        let found = pdf
            .pages
            .iter()
            .enumerate()
            .skip(2)
            .find(|(_, t)| t.lines().any(|l| l.trim() == heading))
            .map(|(i, _)| i + 1);
        assert_eq!(found, Some(*page), "{heading}");
    }

    // No section heading alone at the foot of a page: text follows it on its page.
    for (heading, page) in &entries {
        let text = &pdf.pages[page - 1];
        let at = text.find(heading.as_str()).unwrap();
        let after: String = text[at + heading.len()..]
            .lines()
            .filter(|l| !l.contains("Sida ") && !l.contains("Nationellt ID-center"))
            .collect();
        assert!(
            after.trim().len() > 20,
            "{heading} stands alone on page {page}"
        );
    }

    // The long narrative runs over several pages and every paragraph is there.
    let all = pdf.all();
    for i in [1, 100, 200] {
        assert!(all.contains(&format!("Stycke {i}:")), "paragraph {i}");
    }
    assert!(all.contains("å ä ö"), "å ä ö extractable as text");
    // A chart's data table split over pages repeats its header (the monthly table has
    // 24 rows); at least, every page with month rows has the header.
    let month_pages: Vec<&String> = pdf
        .pages
        .iter()
        .filter(|t| t.contains("2026-09") && t.contains("Totalt"))
        .collect();
    assert!(!month_pages.is_empty(), "the monthly table is printed");
    for page in month_pages {
        assert!(
            page.contains("Månad"),
            "header row on every page of the table"
        );
    }

    // Metadata, language, fonts.
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_id).unwrap();
    for key in [
        &b"Title"[..],
        b"Author",
        b"Subject",
        b"CreationDate",
        b"Producer",
    ] {
        assert!(
            info.get(key).is_ok(),
            "Info {}",
            String::from_utf8_lossy(key)
        );
    }
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"sv-SE");
    let meta_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = String::from_utf8_lossy(
        &doc.get_object(meta_id)
            .unwrap()
            .as_stream()
            .unwrap()
            .content,
    )
    .to_string();
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
    );
    assert!(
        catalog.get(b"OutputIntents").is_ok(),
        "an output intent for PDF/A"
    );
    let mut fonts = 0;
    for (_, object) in doc.objects.iter() {
        if let Ok(d) = object.as_dict() {
            if d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                fonts += 1;
                assert!(d.get(b"FontFile2").is_ok(), "every font is embedded");
            }
        }
    }
    assert!(fonts >= 2, "regular and bold fonts: {fonts}");

    // The same edition in English.
    let en = create_edition(&app, "2026-Q3", "en").await;
    let r = app.get(&format!("/reports/{en}/versions/1/pdf")).await;
    let pdf = PdfText::parse(&r.bytes().await.unwrap());
    let all = pdf.all();
    assert!(all.contains("Contents") && all.contains("Trends and tendencies"));
    assert!(all.contains(&format!("Page 1 of {}", pdf.pages.len())));
    assert!(all.contains("Accepted cases by type of misuse") && all.contains("Exploited identity"));
    assert!(all.contains("DRAFT"));
}

#[tokio::test]
async fn the_command_line_writes_and_verifies_stored_editions() {
    if backend() != "sqlite" {
        // The binary opens its own connection; on PostgreSQL the HTTP tests cover this.
        return;
    }
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let id = create_edition(&app, "2026-Q3", "sv").await;
    let sha = publish(&mut app, id, 1, "ana", "chef").await;
    let lagesbild::configuration::DatabaseUrl::Sqlite(path) = app.database_url.clone() else {
        unreachable!()
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("v1.pdf");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_lagesbild"))
            .env("DATABASE_URL", &path)
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&[
        "report",
        "pdf",
        "--edition",
        &id.to_string(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(sha256(&bytes), sha, "the CLI writes the stored bytes");
    let o = run(&["report", "verify", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&format!("identisk med utgåva {id} version 1"))
    );

    // One byte changed: not verified.
    let mut tampered = bytes.clone();
    let last = tampered.len() - 10;
    tampered[last] ^= 1;
    let bad = dir.path().join("bad.pdf");
    std::fs::write(&bad, &tampered).unwrap();
    let o = run(&["report", "verify", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("INTE identisk"));

    // A period draft from live data is marked UTKAST on every page.
    let draft = dir.path().join("draft.pdf");
    let o = run(&[
        "report",
        "pdf",
        "--period",
        "2026-Q3",
        "--out",
        draft.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = PdfText::parse(&std::fs::read(&draft).unwrap());
    assert!(pdf.pages.iter().all(|p| p.contains("UTKAST")));
}

#[tokio::test]
async fn an_administrators_template_decides_sections_order_and_default_texts_per_language() {
    let mut app = newsroom().await;
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    let r = app
        .post_form(
            "/admin/report-templates",
            "/admin/report-templates",
            &[("name", "Kort mall")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = r.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let template = app
        .with_db(move |c| {
            lagesbild::services::report::templates::list(c)
                .unwrap()
                .into_iter()
                .find(|t| t.id == Some(id))
                .unwrap()
                .template
        })
        .await;

    // Trends first, then the summary with texts of its own in each language; modus
    // operandi left out; everything else as it was.
    let mut fields: Vec<(String, String)> = vec![("name".into(), "Kort mall".into())];
    for (i, s) in template.sections.iter().enumerate() {
        let f = |name: &str| format!("sec_{i}_{name}");
        fields.push((f("key"), s.key.clone()));
        if s.key != "modus_operandi" {
            fields.push((f("keep"), "1".into()));
        }
        let pos = match s.key.as_str() {
            "trends" => 0,
            _ => i + 1,
        };
        fields.push((f("pos"), pos.to_string()));
        fields.push((f("title_sv"), s.title.sv.clone()));
        fields.push((f("title_en"), s.title.en.clone()));
        let (sv, en) = if s.key == "summary" {
            (
                "Svensk standardtext ur mallen.",
                "English default text from the template.",
            )
        } else {
            (s.default_text.sv.as_str(), s.default_text.en.as_str())
        };
        fields.push((f("text_sv"), sv.into()));
        fields.push((f("text_en"), en.into()));
        for c in &s.components {
            fields.push((f("comp"), c.code().into()));
        }
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post_form(&page, &page, &borrowed).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    // The form shows both texts again.
    let form = app.get_text(&page).await;
    assert!(form.contains("Svensk standardtext ur mallen."));
    assert!(form.contains("English default text from the template."));

    // Editions made from it, one in each language.
    app.login_as("ana").await;
    let mut made = Vec::new();
    for language in ["sv", "en"] {
        let edition = create_edition_from(&app, "2026-Q3", language, Some(id)).await;
        made.push(
            app.get_text(&format!("/reports/{edition}/versions/1/edit"))
                .await,
        );
    }
    let (sv, en) = (&made[0], &made[1]);
    assert!(sv.contains("Svensk standardtext ur mallen."), "{sv}");
    assert!(!sv.contains("English default text from the template."));
    assert!(
        en.contains("English default text from the template."),
        "{en}"
    );
    assert!(!en.contains("Svensk standardtext ur mallen."));
    let at = |page: &str, what: &str| page.find(what).unwrap_or_else(|| panic!("{what}"));
    assert!(at(sv, "Trender och tendenser") < at(sv, "Sammanfattning"));
    assert!(!sv.contains("Tillvägagångssätt"), "modus operandi left out");
}
