//! PDF assertions with a real parser (lopdf).

use lagesbild::domain::role::Role;

use crate::helpers::spawn_app;

pub struct PdfText {
    pub pages: Vec<String>,
    contents: Vec<Vec<u8>>,
}

impl PdfText {
    pub fn parse(bytes: &[u8]) -> Self {
        let doc = lopdf::Document::load_mem(bytes).expect("a parsable PDF");
        let page_ids: Vec<_> = doc.get_pages().into_iter().collect();
        let pages = page_ids
            .iter()
            .map(|(no, _)| doc.extract_text(&[*no]).expect("extractable text"))
            .collect();
        let contents = page_ids
            .iter()
            .map(|(_, id)| doc.get_page_content(*id))
            .collect();
        Self { pages, contents }
    }

    pub fn all(&self) -> String {
        self.pages.join("\n")
    }

    /// Every page carries the marking and "Sida x av y".
    pub fn assert_every_page_framed(&self, marking: &str) {
        let n = self.pages.len();
        for (i, text) in self.pages.iter().enumerate() {
            assert!(
                text.contains(marking),
                "page {} lacks the marking: {text}",
                i + 1
            );
            let label = format!("Sida {} av {n}", i + 1);
            assert!(text.contains(&label), "page {} lacks “{label}”", i + 1);
        }
    }

    /// Some page draws curves or lines (vector graphics, not an image).
    pub fn has_vector_paths_on_some_page(&self) -> bool {
        self.contents.iter().any(|c| {
            let s = String::from_utf8_lossy(c);
            s.matches(" l\n").count() + s.matches(" l ").count() > 20 && !s.contains(" Do")
        })
    }
}

#[tokio::test]
async fn a_period_without_accepted_data_still_gets_a_valid_pdf_that_says_so() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    let r = app.get("/reports/pdf?period=2026-Q2").await;
    assert_eq!(r.status(), 200);
    let pdf = PdfText::parse(&r.bytes().await.unwrap());
    assert!(pdf
        .all()
        .contains("Ingen myndighet har godkända uppgifter för kvartal 2 2026"));
    assert!(pdf.pages[0].contains("Informationsklass: Intern"));
    assert!(
        pdf.pages[0].contains("Lägesbild identitetsmissbruk – 2026-Q2"),
        "header title with å ä ö"
    );
    pdf.assert_every_page_framed("Intern");
    assert!(pdf.all().contains("UTKAST"));
}

#[tokio::test]
async fn a_bad_period_is_refused_with_the_accepted_forms() {
    let mut app = spawn_app().await;
    app.add_user("ana", Role::Analyst, None).await;
    app.login_as("ana").await;
    let r = app.get("/reports/pdf?period=2026-Q9").await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("2026-H2"));
}
