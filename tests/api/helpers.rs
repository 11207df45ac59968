use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::SimpleConnection;
use lagesbild::configuration::{DatabaseUrl, Settings};
use lagesbild::db::Database;
use lagesbild::domain::period::Period;
use lagesbild::domain::role::Role;
use lagesbild::services::{auth, periods};
use lagesbild::startup::Application;
use reqwest::redirect::Policy;

/// Where the test's database lives; dropping it removes the database.
enum DbGuard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { base_url: String, schema: String },
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        if let DbGuard::Postgres { base_url, schema } = self {
            if let Ok(mut c) = lagesbild::db::establish_postgres(base_url) {
                let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: Database,
    pub client: reqwest::Client,
    /// The database this app uses (a second instance can share it: `spawn_peer`).
    pub database_url: DatabaseUrl,
    /// `http://127.0.0.1:PORT` of the metrics listener, when the settings asked for one.
    pub metrics_address: Option<String>,
    /// This instance's background scheduler (its timer is off unless the settings say
    /// otherwise; tests call `tick_at`).
    pub scheduler: lagesbild::services::scheduler::Scheduler,
    _guard: std::sync::Arc<DbGuard>,
}

/// Which backend the suite runs on.
pub fn backend() -> &'static str {
    if std::env::var("LAGESBILD_TEST_POSTGRES_URL").is_ok() {
        "postgres"
    } else {
        "sqlite"
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh, migrated database for one test.
fn fresh_database() -> (DatabaseUrl, DbGuard) {
    match std::env::var("LAGESBILD_TEST_POSTGRES_URL") {
        Ok(base_url) => {
            let schema = format!(
                "t_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst),
                rand_suffix()
            );
            let mut c = lagesbild::db::establish_postgres(&base_url)
                .expect("LAGESBILD_TEST_POSTGRES_URL must point at a reachable PostgreSQL");
            c.batch_execute(&format!("CREATE SCHEMA {schema}"))
                .expect("create schema");
            let sep = if base_url.contains('?') { '&' } else { '?' };
            let url = format!("{base_url}{sep}options=-c%20search_path%3D{schema}");
            (
                DatabaseUrl::Postgres(url),
                DbGuard::Postgres { base_url, schema },
            )
        }
        Err(_) => {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("test.db");
            (DatabaseUrl::Sqlite(path), DbGuard::Sqlite(dir))
        }
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
}

pub fn test_settings(url: DatabaseUrl) -> Settings {
    Settings {
        database_url: url,
        cookie_secure: false,
        session_key: None,
        default_marking: "Intern".into(),
        markings: lagesbild::domain::report::MarkingPolicy::standard(),
        pool_size: 4,
        session_idle_secs: 1800,
        session_max_secs: 12 * 3600,
        min_cell: 3,
        signal_alpha: 0.05,
        shutdown_timeout_secs: 30,
        api_rate_per_minute: 600,
        metrics_addr: None,
        metrics_token: None,
        trusted_proxies: Vec::new(),
        // Tests that need it turn it on; the others log in with a password alone.
        two_factor_roles: Vec::new(),
        // The tests run the scheduler's rounds themselves (`TestApp::scheduler`).
        notifications: lagesbild::configuration::NotificationSettings {
            scheduler: false,
            ..Default::default()
        },
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The app with adjusted settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let (url, guard) = fresh_database();
    let db = Database::connect_and_migrate(&url, 4).expect("database");
    let mut settings = test_settings(url.clone());
    adjust(&mut settings);
    let app = Application::build(settings, db.clone(), "127.0.0.1:0").expect("app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let metrics_address = app.metrics_port().map(|p| format!("http://127.0.0.1:{p}"));
    let scheduler = app.scheduler();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        db,
        client: new_client(),
        database_url: url,
        metrics_address,
        scheduler,
        _guard: std::sync::Arc::new(guard),
    }
}

impl TestApp {
    /// A second instance of the application on its own port and connection pool, on the
    /// same database (as several instances behind a load balancer). The database lives
    /// until both are dropped.
    pub async fn spawn_peer(&self) -> TestApp {
        self.spawn_peer_with(|_| {}).await
    }

    /// The same instance seen from a second browser: its own cookie jar, no session yet.
    pub fn second_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            db: self.db.clone(),
            client: new_client(),
            database_url: self.database_url.clone(),
            metrics_address: self.metrics_address.clone(),
            scheduler: self.scheduler.clone(),
            _guard: self._guard.clone(),
        }
    }

    /// A second instance with adjusted settings.
    pub async fn spawn_peer_with(&self, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let db = Database::connect_and_migrate(&self.database_url, 4).expect("database");
        let mut settings = test_settings(self.database_url.clone());
        adjust(&mut settings);
        let app = Application::build(settings, db.clone(), "127.0.0.1:0").expect("app");
        let address = format!("http://127.0.0.1:{}", app.port());
        let scheduler = app.scheduler();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address,
            db,
            client: new_client(),
            database_url: self.database_url.clone(),
            metrics_address: None,
            scheduler,
            _guard: self._guard.clone(),
        }
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests assert them).
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

pub const PASSWORD: &str = "ett-långt-testlösenord-2026";

/// Reads the hidden `csrf_token` of the first form in a page.
pub fn csrf_from(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("page has a csrf_token field");
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_string()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Creates a user directly through the service layer.
    pub async fn add_user(&self, username: &str, role: Role, agency: Option<&str>) {
        let db = self.db.clone();
        let (u, a) = (username.to_string(), agency.map(String::from));
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            auth::create_user(
                &mut c,
                None,
                auth::NewAccount {
                    username: &u,
                    display_name: None,
                    role: Some(role),
                    agency_code: a.as_deref(),
                    password: PASSWORD,
                },
            )
            .unwrap();
        })
        .await
        .unwrap();
    }

    pub async fn open_period(&self, code: &str) {
        let db = self.db.clone();
        let p = Period::parse(code).unwrap();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            periods::open_period(&mut c, None, p, None).unwrap();
        })
        .await
        .unwrap();
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_text(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), 200, "GET {path}");
        r.text().await.unwrap()
    }

    /// Posts a form without adding a CSRF token.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("request")
    }

    /// Posts a form with the token read from `token_page` (a page with a form).
    pub async fn post_form(
        &self,
        path: &str,
        token_page: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = csrf_from(&self.get_text(token_page).await);
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_raw(path, &all).await
    }

    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.post_form(
            "/login",
            "/login",
            &[("username", username), ("password", password)],
        )
        .await
    }

    /// Logs in a new cookie jar (a fresh client) as `username`.
    pub async fn login_as(&mut self, username: &str) {
        self.client = new_client();
        let r = self.login(username, PASSWORD).await;
        assert_eq!(r.status(), 303, "login as {username}");
    }

    /// Counts rows of a table directly in the database.
    pub async fn count_rows(&self, table: &str) -> i64 {
        let table = table.to_string();
        use diesel::prelude::*;
        use diesel::sql_types::BigInt;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            diesel::sql_query(format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}"))
                .get_result::<N>(&mut *c)
                .unwrap()
                .n
        })
        .await
        .unwrap()
    }

    /// Opens a submission for `period` as the logged-in coordinator; returns its path.
    pub async fn open_submission(&self, period: &str) -> String {
        let r = self
            .post_form("/submissions", "/submissions", &[("period", period)])
            .await;
        assert_eq!(r.status(), 303, "open submission");
        r.headers()["location"].to_str().unwrap().to_string()
    }
}

impl TestApp {
    /// Runs blocking service code against the test database.
    pub async fn with_db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut lagesbild::db::DbConnection) -> T + Send + 'static,
    ) -> T {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            f(&mut c)
        })
        .await
        .unwrap()
    }

    pub async fn agency_token(&self, agency: &str) -> String {
        let a = agency.to_string();
        self.with_db(move |c| {
            lagesbild::services::tokens::create_agency_token(c, None, &a).unwrap()
        })
        .await
    }

    /// Uploads `csv` as the logged-in coordinator's CSV file for `period`, the way the
    /// browser's form does (multipart, the page's CSRF token).
    pub async fn upload_csv(&self, period: &str, csv: &str) -> reqwest::Response {
        let token = csrf_from(&self.get_text("/submissions").await);
        let form = reqwest::multipart::Form::new()
            .text("period", period.to_string())
            .part(
                "file",
                reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("lines.csv"),
            );
        self.client
            .post(self.url(&format!("/submissions/import?csrf_token={token}")))
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    /// The id of the account `username`.
    pub async fn user_id(&self, username: &str) -> i64 {
        let name = username.to_string();
        self.with_db(move |c| {
            lagesbild::db::queries::users::by_username(c, &name)
                .unwrap()
                .unwrap_or_else(|| panic!("no user {name}"))
                .id
        })
        .await
    }

    pub async fn user_token(&self, username: &str) -> String {
        let u = username.to_string();
        self.with_db(move |c| lagesbild::services::tokens::create_user_token(c, None, &u).unwrap())
            .await
    }

    pub async fn api_post(
        &self,
        path: &str,
        token: &str,
        body: serde_json::Value,
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn api_get(&self, path: &str, token: &str) -> reqwest::Response {
        reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    /// Sets a period's status directly (e.g. "locked", which only publication does).
    pub async fn set_period(&self, code: &str, status: &str, deadline: Option<&str>) {
        let (code, status) = (code.to_string(), status.to_string());
        let deadline = deadline.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        self.with_db(move |c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::reporting_periods as rp;
            diesel::update(rp::table.filter(rp::code.eq(code)))
                .set((rp::status.eq(status), rp::deadline.eq(deadline)))
                .execute(c)
                .unwrap();
        })
        .await
    }
}

impl TestApp {
    /// Opens the period, submits `lines` with the agency token and accepts them with the
    /// analyst's token; returns the submission id.
    pub async fn submit_and_accept(
        &self,
        agency_token: &str,
        analyst_token: &str,
        period: &str,
        lines: serde_json::Value,
    ) -> i64 {
        self.open_period(period).await;
        let r = self
            .api_post(
                "/api/v1/submissions",
                agency_token,
                serde_json::json!({"period": period, "submit": true, "lines": lines}),
            )
            .await;
        assert_eq!(r.status(), 201, "{period}");
        let id = r.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        let r = self
            .api_post(
                &format!("/api/v1/submissions/{id}/review"),
                analyst_token,
                serde_json::json!({"decision": "accept"}),
            )
            .await;
        assert_eq!(r.status(), 200, "accept {period}");
        id
    }
}
