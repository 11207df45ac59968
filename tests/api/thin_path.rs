//! The walking skeleton's thin path: a coordinator submits, an analyst accepts, the
//! overview chart shows the figure, and the PDF carries it.

use lagesbild::domain::role::Role;

use crate::helpers::spawn_app;
use crate::pdf::PdfText;

#[tokio::test]
async fn one_observation_travels_from_the_form_to_the_chart_and_the_pdf() {
    let mut app = spawn_app().await;
    app.open_period("2026-Q3").await;
    app.add_user("sam", Role::Coordinator, Some("SKV")).await;
    app.add_user("ana", Role::Analyst, None).await;

    // The coordinator enters two lines and submits.
    app.login_as("sam").await;
    let path = app.open_submission("2026-Q3").await;
    let id = path.rsplit('/').next().unwrap().to_string();
    let r = app
        .post_form(
            &format!("{path}/lines"),
            &path,
            &[
                ("misuse_type", "hijacked_identity"),
                ("document_type", "eu_passport"),
                ("chain_stage", "verification"),
                ("count", "4711"),
                ("trend", "increasing"),
                ("reliability", "B"),
                ("validity", "2"),
                (
                    "description",
                    "Kapade identiteter används för att öppna bankkonton.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.post_form(
        &format!("{path}/lines"),
        &path,
        &[("misuse_type", "look_alike"), ("count", "0")],
    )
    .await;
    let page = app.get_text(&path).await;
    assert!(page.contains("4\u{202f}711"), "the line is listed");
    assert_eq!(
        app.post_form(&format!("{path}/submit"), &path, &[])
            .await
            .status(),
        303
    );

    // Before acceptance nothing counts.
    app.login_as("ana").await;
    let before = app.get_text("/dashboard?period=2026-Q3").await;
    assert!(!before.contains("4\u{202f}711"));

    // The analyst accepts.
    let queue = app.get_text("/review").await;
    assert!(queue.contains(&format!("/review/{id}")));
    let review = format!("/review/{id}");
    let r = app
        .post_form(&review, &review, &[("decision", "accept")])
        .await;
    assert_eq!(r.status(), 303);

    // The overview chart (inline SVG) and its table carry the figure.
    let overview = app.get_text("/dashboard?period=2026-Q3").await;
    let svg_start = overview.find("<svg").expect("an inline SVG chart");
    let svg_end = overview.find("</svg>").expect("end of SVG");
    let svg = &overview[svg_start..svg_end];
    assert!(
        svg.contains("4\u{202f}711"),
        "the chart labels the submitted figure"
    );
    assert!(
        svg.contains("Kapad identitet"),
        "the legend names the series"
    );
    assert!(
        overview.contains("<td class=\"num\">4\u{202f}711</td>"),
        "the table repeats it"
    );
    assert!(overview.contains("Godkända fall per missbrukstyp och kvartal"));

    // The PDF.
    let r = app.get("/reports/pdf?period=2026-Q3").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    let pdf = PdfText::parse(&bytes);
    assert!(
        pdf.pages.len() >= 3,
        "title page, summary, trend: {} pages",
        pdf.pages.len()
    );
    assert!(pdf.pages[0].contains("Kunskaps- och lägesbild"));
    assert!(pdf.pages[0].contains("kvartal 3 2026"));
    pdf.assert_every_page_framed("Intern");
    assert!(
        pdf.all().contains("4\u{202f}711"),
        "the figure is in the PDF"
    );
    assert!(pdf.all().contains("Kapad identitet"));
    assert!(
        pdf.has_vector_paths_on_some_page(),
        "the chart is vector graphics"
    );

    // Audited: submission, acceptance and the PDF.
    for action in [
        "submission_submitted",
        "submission_accepted",
        "pdf_generated",
    ] {
        assert_eq!(
            app.count_rows(&format!("audit_log WHERE action = '{action}'"))
                .await,
            1,
            "{action}"
        );
    }
}
