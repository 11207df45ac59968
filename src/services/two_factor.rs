//! Two-step verification (*tvåstegsverifiering*): after the password, a six-digit code
//! from an authenticator app (time-based one-time codes, RFC 6238: HMAC-SHA-1, 30-second
//! steps, one step of clock drift either way). A code is accepted once: the step it
//! belongs to is stored, and only a later step is accepted next time. Wrong codes are
//! throttled per account like wrong passwords.
//!
//! Users turn it on themselves on their account page; the roles in
//! `LAGESBILD_TWO_FACTOR_ROLES` must (the web guard sends them there first). An
//! administrator, or `lagesbild user reset-two-factor`, turns it off for a user who lost
//! their phone.

use rand::RngCore;
use totp_rs::{Builder, Secret, Totp};

use super::accounts::reloaded;
use super::audit;
use super::auth::{check_current_password, load_active_user, locked_for, throttle_key, User};
use super::now;
use crate::db::queries::{throttle, users};
use crate::db::{transaction, DbConnection};
use crate::domain::message::Msg;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};

/// Wrong codes for one account before it must wait (doubling, as for passwords).
const CODE_LIMIT: usize = 5;

/// What a user needs to add the account to an authenticator app.
pub struct Enrollment {
    /// The secret in base32, for typing in by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub url: String,
    /// The QR code as an SVG element.
    pub qr_svg: String,
}

/// `issuer`: the name the authenticator app shows beside the account (the product's name
/// from the catalogue); it plays no part in checking a code.
fn totp(secret: &str, account: &str, issuer: Option<&str>) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret)
        .map_err(|_| AppError::internal("a two-step secret is not base32"))?;
    Builder::new()
        .with_secret(secret)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_account_name(account)
        .with_issuer(issuer)
        .build()
        .map_err(|e| AppError::internal(format!("two-step settings: {e:?}")))
}

fn unix_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

/// A new random secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rng().fill_bytes(&mut bytes);
    Secret::from(&bytes[..]).to_base32()
}

/// The QR code and address for adding `username` with `secret` to an app, under the name
/// `issuer`.
pub fn enrollment(secret: &str, username: &str, issuer: &str) -> AppResult<Enrollment> {
    let url = totp(secret, username, Some(issuer))?
        .to_url()
        .map_err(|e| AppError::internal(format!("otpauth address: {e:?}")))?;
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(AppError::internal)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    // The element only: the XML declaration has no place inside an HTML page.
    let qr_svg = svg[svg.find("<svg").unwrap_or(0)..].to_string();
    Ok(Enrollment {
        secret: secret.to_string(),
        url,
        qr_svg,
    })
}

/// The time step `code` belongs to, if it is right for `secret` now.
fn step_of(secret: &str, username: &str, code: &str) -> AppResult<Option<i64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(totp(secret, username, None)?
        .check(&code, unix_now())
        .and_then(|s| i64::try_from(s).ok()))
}

fn wrong_code() -> AppError {
    AppError::Validation(vec![FieldError::new(
        "code",
        "wrong",
        Msg::new("two-factor-code-wrong"),
    )])
}

/// Turns two-step verification on with `secret` once a code from the app proves the app
/// has it. The account's other sessions end (they were opened with the password alone);
/// returns the account as it is now, for the caller's fresh session.
pub fn enable(conn: &mut DbConnection, user: &User, secret: &str, code: &str) -> AppResult<User> {
    let step = step_of(secret, &user.username, code)?.ok_or_else(wrong_code)?;
    transaction(conn, |conn| {
        users::set_two_factor(conn, user.id, Some(secret), Some(step))?;
        audit::record(
            conn,
            Some(user),
            "two_factor_enabled",
            "user",
            Some(&user.id.to_string()),
            None,
        )?;
        reloaded(conn, user.id)
    })
}

/// A user turns two-step verification off with their password; refused when their role
/// requires it. Returns the account as it is now, for the caller's fresh session.
pub fn disable(
    conn: &mut DbConnection,
    user: &User,
    password: &str,
    required: bool,
) -> AppResult<User> {
    if required {
        return Err(AppError::Validation(vec![FieldError::new(
            "password",
            "required_by_role",
            Msg::new("two-factor-required-by-role"),
        )]));
    }
    // Outside the transaction: a wrong password must stay counted when it is refused.
    let row = users::by_id(conn, user.id)?.ok_or(AppError::NotFound)?;
    if let Some(refusal) = check_current_password(conn, &row, password, "password")? {
        return Err(AppError::Validation(vec![refusal]));
    }
    transaction(conn, |conn| {
        users::set_two_factor(conn, user.id, None, None)?;
        audit::record(
            conn,
            Some(user),
            "two_factor_disabled",
            "user",
            Some(&user.id.to_string()),
            None,
        )?;
        reloaded(conn, user.id)
    })
}

/// An administrator (or the command line, `admin` = `None`) turns it off for a user who
/// lost their app; their sessions end and they can set it up again.
pub fn reset(conn: &mut DbConnection, admin: Option<&User>, id: i64) -> AppResult<()> {
    transaction(conn, |conn| {
        users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        users::set_two_factor(conn, id, None, None)?;
        audit::record(
            conn,
            admin,
            "two_factor_reset",
            "user",
            Some(&id.to_string()),
            None,
        )
    })
}

/// What the second step of a login came to.
#[derive(Debug)]
pub enum CodeOutcome {
    LoggedIn(User),
    /// Wrong, or already used.
    Wrong,
    /// Too many wrong codes: wait this many seconds.
    Throttled(i64),
}

/// Checks the code of a login whose password was right (`user_id` from the pending
/// login). A code is accepted once, on every instance: its step is taken in the UPDATE.
pub fn verify_login(conn: &mut DbConnection, user_id: i64, code: &str) -> AppResult<CodeOutcome> {
    let key = throttle_key("code", &user_id.to_string());
    if let Some(secs) = locked_for(conn, &key, CODE_LIMIT, true)? {
        return Ok(CodeOutcome::Throttled(secs));
    }
    let Some(row) = users::by_id(conn, user_id)? else {
        return Ok(CodeOutcome::Wrong);
    };
    let step = match &row.totp_secret {
        Some(secret) if row.active != 0 => step_of(secret, &row.username, code)?,
        _ => None,
    };
    transaction(conn, |conn| {
        let taken = match step {
            Some(step) => users::take_code_step(conn, user_id, step)? == 1,
            None => false,
        };
        if !taken {
            throttle::record(conn, &key, now())?;
            audit::record_anonymous(
                conn,
                "login_code_failed",
                "user",
                Some(&user_id.to_string()),
            )?;
            return Ok(CodeOutcome::Wrong);
        }
        throttle::clear(conn, &key)?;
        let user = load_active_user(conn, user_id)?.ok_or(AppError::NotFound)?;
        audit::record(
            conn,
            Some(&user),
            "login",
            "user",
            Some(&user.id.to_string()),
            None,
        )?;
        Ok(CodeOutcome::LoggedIn(user))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_from_the_secret_is_right_now_and_one_step_either_side_but_not_two() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32, "160 bits in base32");
        let t = totp(&secret, "anna", None).unwrap();
        let now = unix_now();
        for (offset, ok) in [
            (0i64, true),
            (-30, true),
            (30, true),
            (-90, false),
            (90, false),
        ] {
            let at = (now as i64 + offset) as u64;
            let code = t.generate(at).to_string();
            assert_eq!(
                step_of(&secret, "anna", &code).unwrap().is_some(),
                ok,
                "offset {offset} s"
            );
        }
        assert_eq!(step_of(&secret, "anna", "12345").unwrap(), None);
        assert_eq!(step_of(&secret, "anna", "abcdef").unwrap(), None);
        // Spaces as apps show them ("123 456") are accepted.
        let code = t.generate(now).to_string();
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(step_of(&secret, "anna", &spaced).unwrap().is_some());
    }

    #[test]
    fn the_enrollment_holds_an_otpauth_address_and_a_qr_code() {
        let e = enrollment(&new_secret(), "anna", "Lagesbild").unwrap();
        assert!(e.url.starts_with("otpauth://totp/"), "{}", e.url);
        assert!(e.url.contains(&format!("secret={}", e.secret)), "{}", e.url);
        assert!(e.qr_svg.starts_with("<svg") && e.qr_svg.ends_with("</svg>"));
    }
}
