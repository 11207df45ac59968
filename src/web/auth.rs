//! Authentication and role-based authorisation, in one place. Every handler names the
//! capability it needs in its signature (`Authorized<Reviewer>` etc.); the extractor
//! loads the user from the session on every request, checks that the account is still
//! active, that the session is current, and that the role has the capability.

use std::marker::PhantomData;

use actix_session::{Session, SessionExt};
use actix_web::{dev::Payload, http::header, web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::errors::for_path;
use super::{csrf, AppState};
use crate::configuration::Settings;
use crate::domain::access::Capability;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::services::auth::{load_active_user, User};
use crate::services::tokens;

const UID: &str = "uid";
const EPOCH: &str = "epoch";
const LOGIN_AT: &str = "login_at";
const SEEN_AT: &str = "seen_at";

/// A capability that a route requires, as a type.
pub trait Policy {
    const CAPABILITY: Capability;
}

macro_rules! policies {
    ($($(#[$doc:meta])* $name:ident => $cap:expr;)*) => {$(
        $(#[$doc])*
        pub struct $name;
        impl Policy for $name {
            const CAPABILITY: Capability = $cap;
        }
    )*};
}

policies! {
    /// Any logged-in user.
    AnyUser => Capability::Authenticated;
    /// Coordinators entering their agency's observations.
    Reporter => Capability::Report;
    /// Everyone who may read dashboards.
    DashboardReader => Capability::ReadDashboards;
    /// Analysts reviewing submissions.
    Reviewer => Capability::Review;
    /// Those who may produce draft reports from live data.
    ReportDrafter => Capability::DraftReports;
    /// Administrators.
    Administrator => Capability::Administer;
    /// Analysts and admins keeping the register of measures.
    MeasureEditor => Capability::ManageMeasures;
    /// Those who may open the knowledge notices (each notice is then checked on its own).
    NoticeReader => Capability::ReadNotices;
    /// Those who write knowledge notices.
    NoticeWriter => Capability::WriteNotices;
    /// Analysts and admins who register reference figures.
    ReferenceManager => Capability::ManageReferences;
    /// Everyone may open the report list; each version is then checked on its own.
    ReportReader => Capability::ReadReports;
    /// Approvers (beslutsfattare) who approve and publish report versions.
    ReportApprover => Capability::ApproveReports;
}

/// A logged-in user whose role has the capability `P`.
pub struct Authorized<P: Policy> {
    pub user: User,
    pub csrf_token: String,
    pub flash: Option<String>,
    /// The request's language.
    pub tr: Tr,
    /// The user's unread notifications (for the header; 0 for API calls).
    pub unread_notifications: i64,
    _policy: PhantomData<P>,
}

/// The cookie that holds the chosen language (`sv` or `en`).
pub const COOKIE: &str = "lagesbild_lang";

/// Whoever sends the request: a logged-in user's id, or none. For the few routes that
/// anyone may use (the language switch).
pub struct AnyUserOrAnonymous {
    pub user_id: Option<i64>,
}

impl FromRequest for AnyUserOrAnonymous {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            Ok(Self {
                user_id: session_user_id(&req).await,
            })
        })
    }
}

fn login_required(req: &HttpRequest) -> AppError {
    if req.path().starts_with("/api/") {
        AppError::Unauthorized
    } else {
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        AppError::LoginRequired { next }
    }
}

/// The bearer token of a request, if it has one.
fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

impl<P: Policy + 'static> FromRequest for Authorized<P> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let path = req.path().to_string();
            authorize::<P>(&req).await.map_err(|e| for_path(&path, e))
        })
    }
}

async fn authorize<P: Policy + 'static>(req: &HttpRequest) -> Result<Authorized<P>, AppError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal("application state missing"))?;
    // Machine clients: a bearer token, no cookie, no CSRF token needed.
    if let Some(token) = bearer_token(req) {
        let key = tokens::digest(&token);
        let user = state
            .db
            .run(move |c| tokens::authenticate(c, &token))
            .await?
            .ok_or(AppError::Unauthorized)?;
        // Counted per token once it is known to be valid (unknown tokens take no memory).
        if let Err(retry_after) = state.api_limiter.check(&key) {
            return Err(AppError::TooManyRequests {
                retry_after,
                per_minute: state.api_limiter.per_minute(),
            });
        }
        if !P::CAPABILITY.allows(user.role) {
            return Err(AppError::forbidden());
        }
        return Ok(Authorized {
            user,
            csrf_token: String::new(),
            flash: None,
            tr: super::language::tr_of(req),
            unread_notifications: 0,
            _policy: PhantomData,
        });
    }
    let session = req.get_session();
    let Some((uid, epoch)) = current_session(&session, &state.settings) else {
        // Idle or old past the limits: nothing of that login is kept.
        if session.get::<i64>(UID).ok().flatten().is_some() {
            session.purge();
        }
        return Err(login_required(req));
    };
    // The header's unread count comes with the user, in the same trip to the database.
    let (user, unread_notifications) = state
        .db
        .run(move |c| {
            let user = load_active_user(c, uid)?;
            let unread = match &user {
                Some(u) => crate::services::notifications::unread_count(c, u.id)?,
                None => 0,
            };
            Ok((user, unread))
        })
        .await?;
    let user = match user {
        Some(u) if u.session_epoch == epoch => u,
        // Deactivated, deleted, or role changed since login: the session ends.
        _ => {
            session.purge();
            return Err(login_required(req));
        }
    };
    if !P::CAPABILITY.allows(user.role) {
        return Err(AppError::forbidden());
    }
    if !user.two_factor
        && state.settings.two_factor_roles.contains(&user.role)
        && req.path() != TWO_FACTOR_SETUP
    {
        return Err(AppError::TwoFactorRequired);
    }
    let _ = session.insert(SEEN_AT, chrono::Utc::now().timestamp());
    let csrf_token = csrf::token(&session)?;
    let flash = take_flash(&session);
    Ok(Authorized {
        user,
        csrf_token,
        flash,
        tr: super::language::tr_of(req),
        unread_notifications,
        _policy: PhantomData,
    })
}

/// The user id and session epoch a session names, if it is within the idle timeout and
/// the absolute lifetime (whether the account still agrees is for the caller to ask).
pub fn current_session(session: &Session, settings: &Settings) -> Option<(i64, i32)> {
    let read = |k: &str| session.get::<i64>(k).ok().flatten();
    let (uid, epoch) = (read(UID)?, read(EPOCH)?);
    let now = chrono::Utc::now().timestamp();
    let fresh = now - read(SEEN_AT).unwrap_or(0) <= settings.session_idle_secs
        && now - read(LOGIN_AT).unwrap_or(0) <= settings.session_max_secs;
    Some((uid, i32::try_from(epoch).ok()?)).filter(|_| fresh)
}

/// The id of the session's user if the session is current and the account active,
/// without the side effects of `authorize` (no flash taken, no idle clock moved).
pub async fn session_user_id(req: &HttpRequest) -> Option<i64> {
    let state = req.app_data::<web::Data<AppState>>()?.clone();
    let (uid, epoch) = current_session(&req.get_session(), &state.settings)?;
    let user = state
        .db
        .run(move |c| load_active_user(c, uid))
        .await
        .ok()??;
    (user.session_epoch == epoch).then_some(user.id)
}

/// Where a user whose role requires two-step verification sets it up: the one page they
/// may open before they have.
pub const TWO_FACTOR_SETUP: &str = "/account/two-factor";

/// Starts a fresh session for `user` (a new session id, so a pre-login id is useless).
pub fn start_session(session: &Session, user: &User) -> Result<(), AppError> {
    session.renew();
    // Keep nothing from the anonymous session but issue a new CSRF token.
    session.clear();
    let now = chrono::Utc::now().timestamp();
    let insert = |k: &str, v: i64| {
        session
            .insert(k, v)
            .map_err(|e| AppError::internal(e.to_string()))
    };
    insert(UID, user.id)?;
    insert(EPOCH, i64::from(user.session_epoch))?;
    insert(LOGIN_AT, now)?;
    insert(SEEN_AT, now)?;
    csrf::token(session)?;
    Ok(())
}

/// A one-time message shown on the next page (after a redirect).
pub fn set_flash(session: &Session, message: &str) {
    let _ = session.insert("flash", message);
}

fn take_flash(session: &Session) -> Option<String> {
    let msg = session.get::<String>("flash").ok().flatten();
    if msg.is_some() {
        session.remove("flash");
    }
    msg
}
