//! The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility
//! of digital public services (2018:1937) requires: public, linked from every page's footer.

use actix_web::HttpResponse;
use askama::Template;

use actix_session::Session;
use chrono::NaiveDate;

use super::csrf;
use super::layout::{render, Chrome};
use super::routes::Routes;
use crate::error::AppResult;
use crate::i18n::Tr;

pub fn config(r: &mut Routes) {
    r.get("/tillganglighet", statement);
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct StatementPage {
    chrome: Chrome,
    /// When the service was last assessed, and when the statement was last updated.
    assessed: NaiveDate,
    updated: NaiveDate,
}

/// The dates the statement gives (update them with every new assessment).
const ASSESSED: (i32, u32, u32) = (2026, 11, 28);
const UPDATED: (i32, u32, u32) = (2026, 11, 28);

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Public: no login. The session only carries the CSRF token of the language switch.
async fn statement(session: Session, tr: Tr) -> AppResult<HttpResponse> {
    render(&StatementPage {
        chrome: Chrome::anonymous(tr.t("footer-accessibility"), csrf::token(&session)?, tr)
            .at("/tillganglighet"),
        assessed: date(ASSESSED),
        updated: date(UPDATED),
    })
}
