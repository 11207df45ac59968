//! Situation reports in two languages: the pages (list, new, compose, the edition's page)
//! speak the reader's language; the report itself (the PDF and the web view of an
//! edition) speaks the language chosen for the edition, whoever reads it.

use sha2::{Digest, Sha256};

use crate::editions::{create_edition_from, newsroom};
use crate::helpers::TestApp;
use crate::pdf::PdfText;

/// Switches the logged-in reader's language.
async fn switch(app: &TestApp, lang: &str) {
    let r = app
        .post_form(
            "/language",
            "/reports",
            &[("lang", lang), ("next", "/reports")],
        )
        .await;
    assert_eq!(r.status(), 303);
}

/// Creates a 2026-Q3 edition of the standard template in `language`; returns its id.
async fn create_edition(app: &TestApp, language: &str) -> i64 {
    create_edition_from(app, "2026-Q3", language, None).await
}

/// A workflow button on a version's page.
async fn act(app: &TestApp, page: &str, action: &str) -> u16 {
    app.post_form(&format!("{page}/{action}"), page, &[])
        .await
        .status()
        .as_u16()
}

async fn pdf_of(app: &TestApp, id: i64) -> (Vec<u8>, PdfText) {
    let r = app.get(&format!("/reports/{id}/versions/1/pdf")).await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap().to_vec();
    let pdf = PdfText::parse(&bytes);
    (bytes, pdf)
}

/// The text of the whole document with line breaks as spaces (paragraphs wrap).
fn flat(pdf: &PdfText) -> String {
    pdf.all().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The edition prints in English: frame, title page, headings, table headers and the
/// method section — and none of their Swedish counterparts.
fn assert_english(pdf: &PdfText, id: i64) {
    let n = pdf.pages.len();
    for (i, page) in pdf.pages.iter().enumerate() {
        let label = format!("Page {} of {n}", i + 1);
        assert!(page.contains(&label), "page {} lacks “{label}”", i + 1);
        assert!(page.contains("Swedish National ID-center"), "footer");
    }
    let title = pdf.pages[0]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let all = flat(pdf);
    for expected in [
        "Situation report on identity misuse 2026-Q3",
        "Knowledge and situation report on identity misuse",
        "Period: Q3 2026 (2026-Q3)",
        &format!("Edition {id}, version 1 – draft, not approved"),
        "Classification: Intern · TLP:AMBER",
    ] {
        assert!(
            title.contains(expected),
            "title page lacks {expected}: {title}"
        );
    }
    for expected in [
        // Contents and section headings.
        "Contents",
        "1 Summary",
        "Trends and tendencies",
        "Method and data quality",
        // Table captions and headers.
        "Table 1. Accepted cases by type of misuse, 2026-Q3",
        "Type of misuse",
        "Change",
        "Total",
        "Month",
        "Figure 1. Cases by type of misuse and quarter, 2024-Q4–2026-Q3 – the chart's figures",
        "Agency",
        "“..” = suppressed for disclosure control",
        // The method section.
        "This situation report is based only on submissions accepted in review by the Swedish National ID-center.",
        "Accepted figures for Q3 2026 come from: Swedish Tax Agency.",
        "Disclosure control was applied to every table and chart",
        "The figures were read from the database at",
        "There is no earlier published edition to compare with.",
        // Data labels in the edition's language.
        "Exploited identity",
    ] {
        assert!(all.contains(expected), "the English edition lacks “{expected}”");
    }
    for swedish in [
        "Sida ",
        "Innehåll",
        "Sammanfattning",
        "Missbrukstyp",
        "Förändring",
        "Tabell ",
        "Månad",
        "Myndighet",
        "Röjandekontroll",
        "Lägesbilden bygger",
        "Utnyttjad identitet",
        "UTKAST",
    ] {
        assert!(
            !all.contains(swedish),
            "the English edition prints “{swedish}”"
        );
    }
}

/// The edition prints in Swedish, and nothing of the English report text.
fn assert_swedish(pdf: &PdfText, id: i64) {
    pdf.assert_every_page_framed("Intern · TLP:AMBER");
    let all = flat(pdf);
    for expected in [
        "Lägesbild identitetsmissbruk 2026-Q3",
        "Kunskaps- och lägesbild över identitetsmissbruk",
        "Period: kvartal 3 2026 (2026-Q3)",
        &format!("Utgåva {id}, version 1 – utkast, ej fastställd"),
        "Informationsklass: Intern · TLP:AMBER",
        "Innehåll",
        "1 Sammanfattning",
        "Metod och datakvalitet",
        "Tabell 1. Godkända fall per missbrukstyp, 2026-Q3",
        "Missbrukstyp",
        "Förändring",
        "Månad",
        "Myndighet",
        "Lägesbilden bygger enbart på inrapporteringar som har godkänts vid granskning hos Nationellt ID-center.",
        "Godkända uppgifter för kvartal 3 2026 finns från: Skatteverket.",
        "Utnyttjad identitet",
        "UTKAST",
    ] {
        assert!(all.contains(expected), "the Swedish edition lacks “{expected}”");
    }
    for english in [
        "Page 1 of",
        "Contents",
        "Summary",
        "Type of misuse",
        "Table 1.",
        "Disclosure control",
        "Exploited identity",
        "DRAFT",
    ] {
        assert!(
            !all.contains(english),
            "the Swedish edition prints “{english}”"
        );
    }
}

#[tokio::test]
async fn an_english_reader_sees_the_report_pages_in_english() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    switch(&app, "en").await;

    let list = app.get_text("/reports").await;
    assert!(list.contains("<html lang=\"en\">"));
    assert!(list.contains("<h1>Situation reports</h1>"), "{list}");
    assert!(list.contains("New situation report"));
    assert!(list.contains("There are no editions yet."));
    assert!(!list.contains("Lägesbilder") && !list.contains("Ny lägesbild"));

    let new = app.get_text("/reports/new").await;
    for expected in [
        "<h1>New situation report</h1>",
        "The edition is created from a template.",
        "Distribution level (TLP)",
        "Standard template",
        ">Swedish</option>",
        ">English</option>",
        "Create the edition",
        "Cancel",
        "(required)",
    ] {
        assert!(new.contains(expected), "the new page lacks {expected}");
    }
    assert!(!new.contains("Skapa utgåvan") && !new.contains("Standardmall"));

    // A refused form answers in English, next to the field.
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", "2026-Q9"),
                ("language", "en"),
                ("marking", "Öppen"),
                ("tlp", "AMBER"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("is not a period"), "{html}");
    assert!(html.contains("The lowest allowed is “Intern”"), "{html}");
    assert!(!html.contains("Lägst tillåtna"));

    // An English edition: composed in English, its sections and default texts in English.
    let en = create_edition(&app, "en").await;
    let edit = app
        .get_text(&format!("/reports/{en}/versions/1/edit"))
        .await;
    for expected in [
        &format!("<h1>Compose edition {en}, version 1 (2026-Q3)</h1>"),
        "Title, language and classification",
        "Save the details",
        "1 Summary",
        "Write a summary of the period",
        "Automatic content",
        "Table: cases by type of misuse compared with the previous period and the year before",
        "Chart: types of misuse by quarter",
        "Save the section",
        "Situation report on identity misuse 2026-Q3",
    ] {
        assert!(edit.contains(expected), "the compose page lacks {expected}");
    }
    assert!(!edit.contains("Spara avsnittet") && !edit.contains("Sammanfattning"));

    // A Swedish edition read by the English reader: the page in English, the report's
    // own sections in Swedish.
    let sv = create_edition(&app, "sv").await;
    let edit = app
        .get_text(&format!("/reports/{sv}/versions/1/edit"))
        .await;
    assert!(edit.contains("Save the section") && edit.contains("1 Sammanfattning"));
    let page = app.get_text(&format!("/reports/{sv}/versions/1")).await;
    for expected in [
        "<dt>Status</dt><dd><strong>Draft</strong></dd>",
        "<dt>Language</dt><dd>Swedish</dd>",
        "Preview the PDF (draft)",
        "Send for review",
        "History",
        "Created by ana",
        "<article class=\"report\" lang=\"sv\"",
        "Godkända fall per missbrukstyp, 2026-Q3",
        "”..” = undertryckt av röjandeskäl",
    ] {
        assert!(
            page.contains(expected),
            "the edition's page lacks {expected}"
        );
    }
    assert!(!page.contains("Skicka för granskning") && !page.contains("Historik"));

    // The list names both editions and their status in English.
    let list = app.get_text("/reports").await;
    assert!(list.contains(&format!("Edition {en}")) && list.contains(&format!("Edition {sv}")));
    assert!(list.contains(": Draft"));

    // Back in Swedish, the same pages are Swedish again.
    switch(&app, "sv").await;
    let edit = app
        .get_text(&format!("/reports/{en}/versions/1/edit"))
        .await;
    assert!(edit.contains("Spara avsnittet") && edit.contains("1 Summary"));
    assert!(!edit.contains("Save the section"));
}

#[tokio::test]
async fn an_edition_prints_in_its_own_language_whatever_the_readers_language() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    let en = create_edition(&app, "en").await;
    let sv = create_edition(&app, "sv").await;

    // A Swedish reader.
    let (_, pdf) = pdf_of(&app, en).await;
    assert_english(&pdf, en);
    let (_, pdf) = pdf_of(&app, sv).await;
    assert_swedish(&pdf, sv);

    // An English reader: the same editions print the same way.
    switch(&app, "en").await;
    let (_, pdf) = pdf_of(&app, en).await;
    assert_english(&pdf, en);
    let (_, pdf) = pdf_of(&app, sv).await;
    assert_swedish(&pdf, sv);

    // The web view of the English edition is English for a Swedish reader too.
    switch(&app, "sv").await;
    let page = app.get_text(&format!("/reports/{en}/versions/1")).await;
    assert!(page.contains("<html lang=\"sv\">"));
    assert!(page.contains("<article class=\"report\" lang=\"en\""));
    assert!(page.contains("Accepted cases by type of misuse, 2026-Q3"));
    assert!(page.contains("This situation report is based only on submissions"));
    assert!(
        page.contains("Förhandsgranska PDF (utkast)"),
        "the page itself is Swedish"
    );
}

#[tokio::test]
async fn a_published_english_edition_is_the_same_file_for_every_reader() {
    let mut app = newsroom().await;
    app.login_as("ana").await;
    switch(&app, "en").await;
    let en = create_edition(&app, "en").await;
    let page = format!("/reports/{en}/versions/1");
    assert_eq!(act(&app, &page, "submit").await, 303);
    app.login_as("chef").await;
    assert_eq!(act(&app, &page, "approve").await, 303);
    assert_eq!(act(&app, &page, "publish").await, 303);

    // The approver reads Swedish: the stored PDF is English and says it is published.
    let (swedish_reader, pdf) = pdf_of(&app, en).await;
    let all = flat(&pdf);
    assert!(all.contains(&format!("Edition {en}, version 1")));
    assert!(all.contains("Published") && !all.contains("DRAFT"));
    assert!(!all.contains("Publicerad") && !all.contains("Sida "));

    switch(&app, "en").await;
    let (english_reader, _) = pdf_of(&app, en).await;
    assert_eq!(
        hex::encode(Sha256::digest(&swedish_reader)),
        hex::encode(Sha256::digest(&english_reader)),
        "one stored file, whatever the reader's language"
    );
    let html = app.get_text(&page).await;
    assert!(html.contains("<dt>Status</dt><dd><strong>Published</strong></dd>"));
    assert!(html.contains("Download the PDF"));
    assert!(html.contains("lagesbild report verify FILE"));
}
