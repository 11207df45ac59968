//! The language of the pages: chosen with the switch in the header (a form, so it works
//! without JavaScript), remembered in a cookie and, for a logged-in user, in their
//! account so it follows them to another computer and into their e-mails. Errors are
//! rendered here too, in the language of the request that caused them.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use futures_util::future::{ready, Ready};
use serde::Deserialize;

use super::auth::{AnyUserOrAnonymous, COOKIE};
use super::errors::ApiError;
use super::routes::Routes;
use super::AppState;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};

pub fn config(r: &mut Routes) {
    r.post("/language", switch);
}

/// The request's language: the cookie the switch sets; API clients may also ask with
/// `Accept-Language`; Swedish otherwise.
pub fn lang_of(req: &HttpRequest) -> Lang {
    if let Some(lang) = req.cookie(COOKIE).and_then(|c| Lang::parse(c.value())) {
        return lang;
    }
    if req.path().starts_with("/api/") {
        let primary = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|t| {
                t.trim()
                    .split(['-', ';'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            });
        if let Some(lang) = primary.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::default()
}

/// The translator for a request's language.
pub fn tr_of(req: &HttpRequest) -> Tr {
    let lang = lang_of(req);
    match req.app_data::<web::Data<AppState>>() {
        Some(state) => state.catalogue.tr(lang),
        // Only outside the application (never in a served request).
        None => std::sync::Arc::new(
            crate::i18n::Catalogue::load().expect("the catalogues are checked by tests"),
        )
        .tr(lang),
    }
}

impl FromRequest for Tr {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(tr_of(req)))
    }
}

/// The cookie that remembers a language for a year.
pub fn cookie(lang: Lang, secure: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, lang.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(secure)
        .finish()
}

#[derive(Deserialize)]
struct SwitchForm {
    lang: String,
    next: Option<String>,
}

/// `POST /language`: sets the cookie, stores the choice for a logged-in user, and goes
/// back to the page the switch was on.
async fn switch(
    state: web::Data<AppState>,
    who: AnyUserOrAnonymous,
    form: web::Form<SwitchForm>,
) -> AppResult<HttpResponse> {
    let lang = Lang::parse(&form.lang).ok_or_else(|| {
        AppError::BadRequest(
            crate::i18n::Msg::new("language-unknown").arg("lang", form.lang.as_str()),
        )
    })?;
    if let Some(user_id) = who.user_id {
        state
            .db
            .run(move |c| crate::services::auth::set_language(c, user_id, lang))
            .await?;
    }
    let next = super::session::safe_next(form.next.as_deref());
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, next))
        .cookie(cookie(lang, state.settings.cookie_secure))
        .finish())
}

/// Renders every error response in the language of its request: the page in the common
/// layout, or the API's JSON. (An error's own `error_response` has no request to ask.)
pub async fn localise_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let tr = tr_of(req.request());
    let res = next.call(req).await?;
    let rendered = match res.response().error() {
        Some(e) => {
            if let Some(app) = e.as_error::<AppError>() {
                Some(app.render_page(&tr))
            } else {
                e.as_error::<ApiError>().map(|api| api.render_json(&tr))
            }
        }
        None => None,
    };
    Ok(match rendered {
        Some(fresh) => {
            let (req, old) = res.into_parts();
            let mut fresh: HttpResponse = fresh;
            // Keep what the error's own response set (Allow, Retry-After, Location, …).
            for (name, value) in old.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    fresh.headers_mut().insert(name.clone(), value.clone());
                }
            }
            ServiceResponse::new(req, fresh)
        }
        None => res.map_into_boxed_body(),
    })
}
