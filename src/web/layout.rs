//! What every page shares: the header with the user and the navigation, the CSRF token
//! for forms, and a one-time message. Rendering helpers live here too.

use actix_web::{http::StatusCode, HttpResponse};
use askama::Template;

use super::auth::{Authorized, Policy};
use crate::domain::access::Capability;
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::AppResult;
use crate::i18n::{Arg, Lang, Msg, Tr};
use crate::key;

pub struct NavItem {
    pub label: String,
    pub href: &'static str,
    pub current: bool,
}

pub struct UserBadge {
    pub name: String,
    pub role: String,
    pub agency: Option<String>,
    /// Unread notifications, shown next to the name.
    pub unread: i64,
}

/// The page chrome, passed to every template as `chrome`. Templates write their text
/// with `chrome.t` and a catalogue key (see `crate::i18n`).
pub struct Chrome {
    pub title: String,
    pub user: Option<UserBadge>,
    pub nav: Vec<NavItem>,
    pub csrf_token: String,
    pub flash: Option<String>,
    pub version: &'static str,
    /// The page's language.
    pub tr: Tr,
    /// The path of this page, where the language switch returns to.
    pub path: String,
}

/// Primary navigation by task; each item only for roles that may use it.
fn nav_for(role: Role, current: &str, tr: &Tr) -> Vec<NavItem> {
    let items: [(&str, &str, Capability); 9] = [
        (key!("nav-submissions"), "/submissions", Capability::Report),
        (key!("nav-review"), "/review", Capability::Review),
        (
            key!("nav-dashboard"),
            "/dashboard",
            Capability::ReadDashboards,
        ),
        (key!("nav-forum"), "/forum", Capability::ReadDashboards),
        (
            key!("nav-measures"),
            "/measures",
            Capability::ReadDashboards,
        ),
        (key!("nav-notices"), "/notices", Capability::ReadNotices),
        (
            key!("nav-references"),
            "/references",
            Capability::ReadDashboards,
        ),
        (key!("nav-reports"), "/reports", Capability::ReadReports),
        (key!("nav-admin"), "/admin", Capability::Administer),
    ];
    items
        .into_iter()
        .filter(|(_, _, cap)| cap.allows(role))
        .map(|(label, href, _)| NavItem {
            label: tr.t(label),
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
                role: auth.tr.t(u.role.key()),
                agency: match auth.tr.lang {
                    Lang::Sv => u.agency_name.clone(),
                    Lang::En => u.agency_name_en.clone(),
                },
                unread: auth.unread_notifications,
            }),
            nav: nav_for(u.role, path, &auth.tr),
            csrf_token: auth.csrf_token.clone(),
            flash: auth.flash.clone(),
            version: env!("CARGO_PKG_VERSION"),
            tr: auth.tr.clone(),
            path: path.to_string(),
        }
    }

    pub fn anonymous(title: impl Into<String>, csrf_token: String, tr: Tr) -> Self {
        Self {
            title: title.into(),
            user: None,
            nav: Vec::new(),
            csrf_token,
            flash: None,
            version: env!("CARGO_PKG_VERSION"),
            tr,
            path: "/".to_string(),
        }
    }

    /// An anonymous page at `path` (the language switch returns there).
    pub fn at(mut self, path: &str) -> Self {
        self.path = path.to_string();
        self
    }

    /// The message for `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.tr.t1(key, name, value)
    }

    pub fn t2(
        &self,
        key: &str,
        n1: &str,
        v1: impl Into<Arg>,
        n2: &str,
        v2: impl Into<Arg>,
    ) -> String {
        self.tr.t2(key, n1, v1, n2, v2)
    }

    pub fn msg(&self, m: &Msg) -> String {
        self.tr.msg(m)
    }

    /// The other languages, for the switch in the header.
    pub fn other_languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != self.tr.lang)
            .collect()
    }
}

/// A refused field as shown: its message already in the page's language.
#[derive(Debug, Clone)]
pub struct ShownError {
    pub line: Option<u32>,
    pub field: String,
    pub message: String,
}

impl ShownError {
    pub fn all(errors: &[FieldError], tr: &Tr) -> Vec<Self> {
        errors
            .iter()
            .map(|e| Self {
                line: e.line,
                field: e.field.clone(),
                message: tr.msg(&e.message),
            })
            .collect()
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
    pub errors: Vec<ShownError>,
}

impl FormState {
    /// Shows `errors` in the page's language.
    pub fn set_errors(&mut self, errors: &[FieldError], tr: &Tr) {
        self.errors = ShownError::all(errors, tr);
    }

    /// A form showing `errors`.
    pub fn with_errors(mut self, errors: &[FieldError], tr: &Tr) -> Self {
        self.set_errors(errors, tr);
        self
    }

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
