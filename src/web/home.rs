//! The start page: what the user can do, by role.

use actix_web::HttpResponse;
use askama::Template;

use super::auth::{AnyUser, Authorized};
use super::layout::{render, Chrome};
use super::routes::Routes;
use crate::domain::access::Capability;
use crate::error::AppResult;

pub fn config(r: &mut Routes) {
    r.get("/", home);
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    can_report: bool,
    can_review: bool,
    can_read_dashboards: bool,
    can_read_notices: bool,
    is_ministry: bool,
}

async fn home(auth: Authorized<AnyUser>) -> AppResult<HttpResponse> {
    let role = auth.user.role;

    render(&HomePage {
        chrome: Chrome::for_user(&auth, auth.tr.t("home-title"), "/"),
        can_report: Capability::Report.allows(role),
        can_review: Capability::Review.allows(role),
        can_read_dashboards: Capability::ReadDashboards.allows(role),
        can_read_notices: Capability::ReadNotices.allows(role),
        is_ministry: role == crate::domain::role::Role::Ministry,
    })
}
