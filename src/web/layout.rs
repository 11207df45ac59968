//! What every page shares: the header with the user and the navigation, the CSRF token
//! for forms, and a one-time message. Rendering helpers live here too.

use actix_web::{http::StatusCode, HttpResponse};
use askama::Template;

use super::auth::{Authorized, Policy};
use crate::domain::access::Capability;
use crate::domain::role::Role;
use crate::error::AppResult;

pub struct NavItem {
    pub label: &'static str,
    pub href: &'static str,
    pub current: bool,
}

pub struct UserBadge {
    pub name: String,
    pub role: &'static str,
    pub agency: Option<String>,
}

/// The page chrome, passed to every template as `chrome`.
pub struct Chrome {
    pub title: String,
    pub user: Option<UserBadge>,
    pub nav: Vec<NavItem>,
    pub csrf_token: String,
    pub flash: Option<String>,
    pub version: &'static str,
}

/// Primary navigation by task; each item only for roles that may use it.
fn nav_for(role: Role, current: &str) -> Vec<NavItem> {
    let items: [(&str, &str, Capability); 9] = [
        ("Inrapportering", "/submissions", Capability::Report),
        ("Granskning", "/review", Capability::Review),
        ("Översikt", "/dashboard", Capability::ReadDashboards),
        ("Forum", "/forum", Capability::ReadDashboards),
        ("Åtgärder", "/measures", Capability::ReadDashboards),
        ("Kunskapsnotiser", "/notices", Capability::ReadNotices),
        (
            "Referensuppgifter",
            "/references",
            Capability::ReadDashboards,
        ),
        ("Lägesbilder", "/reports", Capability::ReadReports),
        ("Administration", "/admin", Capability::Administer),
    ];
    items
        .into_iter()
        .filter(|(_, _, cap)| cap.allows(role))
        .map(|(label, href, _)| NavItem {
            label,
            href,
            current: href == current || (href != "/" && current.starts_with(href)),
        })
        .collect()
}

impl Chrome {
    pub fn for_user<P: Policy>(auth: &Authorized<P>, title: impl Into<String>, path: &str) -> Self {
        let u = &auth.user;
        Self {
            title: title.into(),
            user: Some(UserBadge {
                name: u.display_name.clone(),
                role: u.role.label_sv(),
                agency: u.agency_name.clone(),
            }),
            nav: nav_for(u.role, path),
            csrf_token: auth.csrf_token.clone(),
            flash: auth.flash.clone(),
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    pub fn anonymous(title: impl Into<String>, csrf_token: String) -> Self {
        Self {
            title: title.into(),
            user: None,
            nav: Vec::new(),
            csrf_token,
            flash: None,
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Renders a template as an HTML response with the given status.
pub fn render_with(status: StatusCode, tpl: &impl Template) -> AppResult<HttpResponse> {
    let body = tpl.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub fn render(tpl: &impl Template) -> AppResult<HttpResponse> {
    render_with(StatusCode::OK, tpl)
}

/// 303 See Other: after a successful POST, go to a page (Post/Redirect/Get).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

/// A form's submitted values and its errors, for re-rendering with the user's input kept.
#[derive(Default)]
pub struct FormState {
    pub values: std::collections::HashMap<String, String>,
    /// Fields with several values (checkbox groups).
    pub multi: std::collections::HashMap<String, Vec<String>>,
    pub errors: Vec<crate::domain::validation::FieldError>,
}

impl FormState {
    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// Builds the state from a submitted form (repeated keys collect into `multi`).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            if k == super::csrf::FIELD {
                continue;
            }
            f.values.insert(k.clone(), v.clone());
            f.multi.entry(k.clone()).or_default().push(v.clone());
        }
        f
    }

    pub fn all(&self, field: &str) -> Vec<String> {
        self.multi.get(field).cloned().unwrap_or_default()
    }

    /// Choices for a select or checkbox group, marking what the form holds.
    pub fn choices(
        &self,
        field: &str,
        options: impl IntoIterator<Item = (String, String)>,
    ) -> Vec<Choice> {
        let chosen = self.all(field);
        options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: chosen.contains(&value) || self.value(field) == value,
                value,
                label,
            })
            .collect()
    }
}

/// A choice in a select list.
#[derive(Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The second page that a destructive action asks for (no JavaScript dialogs).
#[derive(askama::Template)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub chrome: Chrome,
    pub heading: String,
    pub question: String,
    pub action: String,
    pub button: String,
    pub cancel: String,
}
