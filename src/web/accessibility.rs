//! The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility
//! of digital public services (2018:1937) requires: public, linked from every page's footer.

use actix_web::HttpResponse;
use askama::Template;

use super::layout::{render, Chrome};
use super::routes::Routes;
use crate::error::AppResult;

pub fn config(r: &mut Routes) {
    r.get("/tillganglighet", statement);
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct StatementPage {
    chrome: Chrome,
}

/// Public: no login, no form, so no session and no CSRF token either.
async fn statement() -> AppResult<HttpResponse> {
    render(&StatementPage {
        chrome: Chrome::anonymous("Tillgänglighetsredogörelse", String::new()),
    })
}
