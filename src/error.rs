//! One error type for the whole application. How it renders (an HTML page in the common
//! layout, or JSON for the API) lives in `web::errors`.

use crate::domain::message::Msg;
use crate::domain::validation::FieldError;

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Bad configuration at start (bad URL, unreachable server, bad key).
    #[error("{0}")]
    Config(String),
    #[error("databasfel: {0}")]
    Database(String),
    #[error("databasen svarar inte: {0}")]
    Unavailable(String),
    #[error("sidan eller posten finns inte")]
    NotFound,
    #[error("{0:?}")]
    Forbidden(Msg),
    /// A page needs a logged-in user; `next` is where to return after login.
    #[error("inloggning krävs")]
    LoginRequired { next: String },
    /// The user's role signs in with two-step verification, which they have not set up:
    /// pages send them to set it up first.
    #[error("tvåstegsverifiering krävs")]
    TwoFactorRequired,
    /// The API needs a valid token or session.
    #[error("inloggning krävs")]
    Unauthorized,
    #[error("formuläret har gått ut")]
    Csrf,
    /// The input was refused; every problem is listed.
    #[error("uppgifterna behöver rättas")]
    Validation(Vec<FieldError>),
    /// The path exists, but not for this method; `allow` lists the methods it has.
    #[error("metoden stöds inte")]
    MethodNotAllowed { allow: String },
    #[error("{0:?}")]
    Conflict(Msg),
    #[error("{0:?}")]
    BadRequest(Msg),
    /// The request body is larger than the limit for that kind of request.
    #[error("{0:?}")]
    TooLarge(Msg),
    /// Too many API calls with one token; the client may try again after `retry_after`
    /// seconds.
    #[error("för många anrop")]
    TooManyRequests { retry_after: u64, per_minute: u32 },
    #[error("internt fel: {0}")]
    Internal(String),
}

impl AppError {
    pub fn forbidden() -> Self {
        Self::Forbidden(Msg::new("error-forbidden"))
    }

    /// The one message for a request body over its limit.
    pub fn too_large() -> Self {
        Self::TooLarge(Msg::new("error-too-large"))
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        Self::Internal(e.to_string())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => Self::NotFound,
            // SQLite's busy timeout ran out: another writer held the lock too long. Say so
            // (503, "try again") rather than show an internal error.
            diesel::result::Error::DatabaseError(_, info)
                if info.message().starts_with("database is locked")
                    || info.message().starts_with("database is busy") =>
            {
                Self::Unavailable(info.message().to_string())
            }
            other => Self::Database(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable(e.to_string())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(format!("mallfel: {e}"))
    }
}
