//! Static files, compiled into the binary so it runs from any directory.

use actix_web::{http::header, web, HttpResponse};

use super::routes::Routes;

const STYLE_CSS: &str = include_str!("../../static/style.css");

pub fn config(r: &mut Routes) {
    r.get("/static/style.css", style)
        .get("/healthz", healthz)
        .get("/readyz", readyz);
}

async fn style() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(STYLE_CSS)
}

/// The process is alive.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body("ok")
}

/// Ready for traffic: the database answers and every migration this binary knows has run.
async fn readyz(state: web::Data<super::AppState>) -> HttpResponse {
    let ready = state.db.run(crate::db::migrations_current).await;
    match ready {
        Ok(true) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body("ready"),
        Ok(false) => HttpResponse::ServiceUnavailable()
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body("migrations pending"),
        Err(_) => HttpResponse::ServiceUnavailable()
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body("database unavailable"),
    }
}
