//! The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility
//! of digital public services (2018:1937) requires: public, linked from every page's footer.

use actix_web::HttpResponse;
use askama::Template;

use actix_session::Session;

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
}

/// Public: no login. The session only carries the CSRF token of the language switch.
async fn statement(session: Session, tr: Tr) -> AppResult<HttpResponse> {
    render(&StatementPage {
        chrome: Chrome::anonymous(tr.t("footer-accessibility"), csrf::token(&session)?, tr)
            .at("/tillganglighet"),
    })
}
