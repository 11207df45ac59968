//! Operations: `/metrics` on its own listener (route patterns as labels, submissions by
//! status, PDF time, pool usage; the token rule), request ids, and JSON logs from the real
//! binary that carry the request id and never a password, token or free text.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use lagesbild::configuration::DatabaseUrl;
use lagesbild::db::Database;
use lagesbild::domain::period::Period;
use lagesbild::domain::role::Role;
use lagesbild::services::{auth, periods, tokens};
use lagesbild::startup::Application;

use crate::helpers::{backend, csrf_from, new_client, spawn_app_with, test_settings, TestApp};

const METRICS_TOKEN: &str = "metrics-token-0123456789abcdef0123456789";

async fn app_with_metrics(token: Option<&str>) -> TestApp {
    let token = token.map(String::from);
    let app = spawn_app_with(|s| {
        s.metrics_addr = Some("127.0.0.1:0".into());
        s.metrics_token = token;
    })
    .await;
    assert!(app.metrics_address.is_some(), "the metrics listener runs");
    app
}

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut r =
        reqwest::Client::new().get(format!("{}/metrics", app.metrics_address.as_ref().unwrap()));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.send().await.unwrap()
}

async fn scrape_text(app: &TestApp) -> String {
    let r = scrape(app, None).await;
    assert_eq!(r.status(), 200);
    let ct = r.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("text/plain; version=0.0.4"), "{ct}");
    let text = r.text().await.unwrap();
    assert_prometheus_text(&text);
    text
}

/// Every line is a `# HELP`/`# TYPE` comment or `name{labels} value` with a number.
fn assert_prometheus_text(text: &str) {
    for line in text.lines().filter(|l| !l.is_empty()) {
        if line.starts_with("# HELP ") || line.starts_with("# TYPE ") {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').expect("name and value");
        assert!(
            series.starts_with("lagesbild_"),
            "our namespace only: {line}"
        );
        assert!(value.parse::<f64>().is_ok(), "a number: {line}");
    }
}

/// The value of one series (`name{labels}` exactly as exposed), if present.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .map(|v| v.parse().unwrap())
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_read_submissions_and_pool() {
    let mut app = app_with_metrics(None).await;
    app.add_user("ana", Role::Analyst, None).await;
    let skv = app.agency_token("SKV").await;
    let ana = app.user_token("ana").await;
    let id = app
        .submit_and_accept(
            &skv,
            &ana,
            "2026-Q3",
            serde_json::json!([{"misuse_type": "false_identity", "count": 12}]),
        )
        .await;
    let r = app
        .api_get(&format!("/api/v1/submissions/{id}"), &skv)
        .await;
    assert_eq!(r.status(), 200);
    let r = app.get("/finns-inte/19121212-1212").await;
    assert_eq!(r.status(), 404);

    let text = scrape_text(&app).await;
    let route = r#"method="GET",route="/api/v1/submissions/{id}""#;
    assert_eq!(
        sample(
            &text,
            &format!(r#"lagesbild_http_requests_total{{{route},status="200"}}"#)
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            &format!("lagesbild_http_request_duration_seconds_count{{{route}}}")
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"lagesbild_http_requests_total{method="POST",route="/api/v1/submissions/{id}/review",status="200"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"lagesbild_http_requests_total{method="GET",route="unmatched",status="404"}"#
        ),
        Some(1.0)
    );
    // Raw paths (ids, whatever a client typed) never become labels.
    assert!(!text.contains(&format!("/api/v1/submissions/{id}\"")));
    assert!(!text.contains("19121212"));

    assert_eq!(
        sample(&text, r#"lagesbild_submissions{status="accepted"}"#),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, r#"lagesbild_submissions{status="draft"}"#),
        Some(0.0)
    );
    assert_eq!(sample(&text, "lagesbild_database_up"), Some(1.0));
    assert_eq!(
        sample(&text, "lagesbild_db_pool_max_connections"),
        Some(4.0)
    );
    let open = sample(&text, "lagesbild_db_pool_connections").unwrap();
    let idle = sample(&text, "lagesbild_db_pool_idle_connections").unwrap();
    let in_use = sample(&text, "lagesbild_db_pool_in_use_connections").unwrap();
    assert!((1.0..=4.0).contains(&open), "{open}");
    assert_eq!(in_use, open - idle);

    // The PDF histogram counts a report drafted just now.
    assert_eq!(
        sample(
            &text,
            r#"lagesbild_pdf_generation_seconds_count{document="period_draft"}"#
        ),
        None
    );
    app.login_as("ana").await;
    let r = app.get("/reports/pdf?period=2026-Q3").await;
    assert_eq!(r.status(), 200);
    let text = scrape_text(&app).await;
    assert_eq!(
        sample(
            &text,
            r#"lagesbild_pdf_generation_seconds_count{document="period_draft"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"lagesbild_http_requests_total{method="GET",route="/reports/pdf",status="200"}"#
        ),
        Some(1.0)
    );
}

#[tokio::test]
async fn metrics_are_not_served_on_the_application_port() {
    let mut app = app_with_metrics(None).await;
    assert_eq!(app.get("/metrics").await.status(), 404);
    app.add_user("adm", Role::Admin, None).await;
    app.login_as("adm").await;
    assert_eq!(app.get("/metrics").await.status(), 404);
    // And without LAGESBILD_METRICS_ADDR there is no listener at all.
    let plain = spawn_app_with(|_| {}).await;
    assert!(plain.metrics_address.is_none());
    assert_eq!(plain.get("/metrics").await.status(), 404);
}

#[tokio::test]
async fn with_a_metrics_token_only_its_bearer_may_scrape() {
    let app = app_with_metrics(Some(METRICS_TOKEN)).await;
    let r = scrape(&app, None).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer realm=\"metrics\"");
    assert_eq!(scrape(&app, Some("fel-token")).await.status(), 401);
    let skv = app.agency_token("SKV").await;
    assert_eq!(
        scrape(&app, Some(&skv)).await.status(),
        401,
        "an API token is not the metrics token"
    );
    let r = scrape(&app, Some(METRICS_TOKEN)).await;
    assert_eq!(r.status(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("# TYPE lagesbild_database_up gauge"));
}

#[tokio::test]
async fn a_metrics_address_other_hosts_can_reach_needs_a_token() {
    let (url, _dir) = sqlite_file();
    let db = Database::connect_and_migrate(&url, 2).unwrap();
    let mut settings = test_settings(url.clone());
    settings.metrics_addr = Some("0.0.0.0:0".into());
    let err = match Application::build(settings.clone(), db.clone(), "127.0.0.1:0") {
        Ok(_) => panic!("a public metrics listener without a token must not start"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("LAGESBILD_METRICS_TOKEN"), "{err}");
    settings.metrics_token = Some(METRICS_TOKEN.into());
    let app = Application::build(settings, db, "127.0.0.1:0").expect("with a token it starts");
    assert!(app.metrics_port().is_some());
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_proxys_id_is_kept() {
    let app = spawn_app_with(|_| {}).await;
    let r = app.get("/healthz").await;
    let id = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(id.len(), 32, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    let r = app.get("/healthz").await;
    assert_ne!(r.headers()["x-request-id"].to_str().unwrap(), id);

    // nginx's $request_id is kept, so its log and ours can be joined.
    let nginx = "0123456789abcdef0123456789abcdef";
    let r = app
        .client
        .get(app.url("/login"))
        .header("X-Request-Id", nginx)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["x-request-id"], nginx);
    // Anything else a client sends is replaced (it would be text in the log).
    let r = app
        .client
        .get(app.url("/nowhere"))
        .header("X-Request-Id", "anna 19121212-1212")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let replaced = r.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(replaced.len(), 32);
    assert!(!replaced.contains("1912"));
}

fn sqlite_file() -> (DatabaseUrl, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::Sqlite(dir.path().join("ops.db"));
    (url, dir)
}

/// The binary with `LAGESBILD_LOG_FORMAT=json`: every line of its log is a JSON object;
/// every request is logged once with its id (the one echoed in `X-Request-Id`), route
/// pattern and status; the passwords, the token and the free text used never appear.
#[test]
fn json_logs_carry_the_request_id_and_no_secret_or_free_text() {
    if backend() != "sqlite" {
        println!("SKIPPED (JSON logs): drives the binary on its own SQLite file");
        return;
    }
    const PASSWORD: &str = "Loggtest-lösenord-hemligt-7431";
    const WRONG_PASSWORD: &str = "Fel-lösenord-får-inte-loggas-9902";
    const SEARCH: &str = "sokfritext-som-inte-far-loggas";
    const DESCRIPTION: &str = "Beskrivningsfritext som inte får loggas";

    let (url, _dir) = sqlite_file();
    let token = {
        let db = Database::connect_and_migrate(&url, 1).unwrap();
        let mut c = db.conn().unwrap();
        auth::create_user(
            &mut c,
            None,
            auth::NewAccount {
                username: "logg-analytiker",
                display_name: None,
                role: Some(Role::Analyst),
                agency_code: None,
                password: PASSWORD,
            },
        )
        .unwrap();
        periods::open_period(&mut c, None, Period::parse("2026-Q3").unwrap(), None).unwrap();
        tokens::create_agency_token(&mut c, None, "SKV").unwrap()
    };
    let DatabaseUrl::Sqlite(path) = &url else {
        unreachable!()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_lagesbild"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("DATABASE_URL", path)
        .env("LAGESBILD_LOG", "info")
        .env("LAGESBILD_LOG_FORMAT", "json")
        .env("LAGESBILD_SHUTDOWN_TIMEOUT_SECS", "2")
        .env_remove("LAGESBILD_METRICS_ADDR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = stdout
            .next()
            .expect("the server prints its address")
            .unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let base = format!("http://{addr}");

    let rt = tokio::runtime::Runtime::new().unwrap();
    let (echoed, made) = rt.block_on(async {
        let client = new_client();
        let mut made = 0;
        let login_page = client
            .get(format!("{base}/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        made += 1;
        let csrf = csrf_from(&login_page);
        for (password, expected) in [(WRONG_PASSWORD, 200), (PASSWORD, 303)] {
            let r = client
                .post(format!("{base}/login"))
                .form(&[
                    ("username", "logg-analytiker"),
                    ("password", password),
                    ("csrf_token", csrf.as_str()),
                ])
                .send()
                .await
                .unwrap();
            made += 1;
            assert_eq!(r.status().as_u16() == 303, expected == 303, "login");
        }
        let r = client
            .get(format!("{base}/notices"))
            .query(&[("q", SEARCH)])
            .send()
            .await
            .unwrap();
        made += 1;
        assert_eq!(r.status(), 200);
        let r = reqwest::Client::new()
            .post(format!("{base}/api/v1/submissions"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"period": "2026-Q3", "lines": [
                {"misuse_type": "false_identity", "count": 5, "description": DESCRIPTION}
            ]}))
            .send()
            .await
            .unwrap();
        made += 1;
        assert_eq!(r.status(), 201);
        let echoed = r.headers()["x-request-id"].to_str().unwrap().to_string();
        (echoed, made)
    });
    drop(rt);
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let lines = log.join().unwrap();

    let mut requests = Vec::new();
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("a log line that is not JSON ({e}): {line}"));
        assert!(
            v["level"].is_string() && v["timestamp"].is_string(),
            "{line}"
        );
        if v["message"] == "request" {
            let id = v["span"]["request_id"]
                .as_str()
                .unwrap_or_else(|| panic!("a request line without span.request_id: {line}"));
            assert_eq!(id.len(), 32, "{line}");
            assert!(v["route"].is_string() && v["status"].is_u64(), "{line}");
            requests.push(v);
        }
    }
    assert_eq!(requests.len(), made, "one line per request: {lines:#?}");
    let submission = requests
        .iter()
        .find(|v| v["span"]["request_id"] == echoed.as_str())
        .expect("the echoed X-Request-Id is the one in the log");
    assert_eq!(submission["route"], "/api/v1/submissions");
    assert_eq!(submission["method"], "POST");
    assert_eq!(submission["status"], 201);
    assert!(requests
        .iter()
        .any(|v| v["route"] == "/login" && v["method"] == "POST" && v["status"] == 303));

    let all = lines.join("\n");
    for secret in [
        PASSWORD,
        WRONG_PASSWORD,
        token.as_str(),
        SEARCH,
        DESCRIPTION,
        "?q=",
    ] {
        assert!(!all.contains(secret), "the log contains “{secret}”:\n{all}");
    }
}
