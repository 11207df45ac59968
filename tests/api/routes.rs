//! Access control, exhaustively: every route the application registers (the table comes
//! from `lagesbild::web::route_table()`, the same `config` functions the server runs) ×
//! anonymous and every role, against the expectations declared below. A route without a
//! declared expectation fails the test, so a new route cannot escape it. Every response
//! also carries the security headers; every state-changing route refuses a request without
//! a CSRF token.

use std::collections::{BTreeMap, HashMap};

use lagesbild::domain::role::Role;
use lagesbild::web::route_table;
use reqwest::{Client, Method, Response};

use crate::helpers::{csrf_from, new_client, spawn_app, TestApp, PASSWORD};

/// Who is asking, in the column order of [`EXPECTATIONS`].
const WHO: [&str; 6] = [
    "anonymous",
    "coordinator",
    "analyst",
    "approver",
    "ministry",
    "admin",
];

/// What each route answers, per column of [`WHO`]:
/// - `L` login required: a page redirects to `/login?next=…`, the API answers 401;
/// - `D` refused by role: 403 with the generic "no permission" message;
/// - `A` allowed: a GET answers 200 (the path names real objects the user may see); a POST
///   gets past the role check (no 401, no login redirect, no role refusal, no 5xx);
/// - `O` allowed by role but refused for this object: 403 with a specific message, or 404;
/// - `C` allowed by role, but the object's state forbids it now: 409;
/// - `P` public: anyone, no login (GET: 200; POST: no 5xx).
const EXPECTATIONS: &[(&str, &str)] = &[
    // route                                           anon coord analyst approver ministry admin
    ("GET /admin", "L D D D D A"),
    ("GET /admin/periods", "L D D D D A"),
    ("POST /admin/periods", "L D D D D A"),
    ("GET /admin/periods/{code}/close", "L D D D D A"),
    ("POST /admin/periods/{code}/close", "L D D D D A"),
    ("GET /admin/taxonomy", "L D D D D A"),
    ("POST /admin/taxonomy", "L D D D D A"),
    ("GET /admin/taxonomy/{dimension}/{code}", "L D D D D A"),
    ("POST /admin/taxonomy/{dimension}/{code}", "L D D D D A"),
    (
        "GET /admin/taxonomy/{dimension}/{code}/retire",
        "L D D D D A",
    ),
    (
        "POST /admin/taxonomy/{dimension}/{code}/retire",
        "L D D D D A",
    ),
    ("GET /admin/tokens", "L D D D D A"),
    ("POST /admin/tokens", "L D D D D A"),
    ("GET /admin/tokens/{id}/revoke", "L D D D D A"),
    ("POST /admin/tokens/{id}/revoke", "L D D D D A"),
    // User administration (the account in the path is a spare analyst's).
    ("GET /admin/users", "L D D D D A"),
    ("POST /admin/users", "L D D D D A"),
    ("GET /admin/users/{id}", "L D D D D A"),
    ("POST /admin/users/{id}", "L D D D D A"),
    ("GET /admin/users/{id}/password", "L D D D D A"),
    ("POST /admin/users/{id}/password", "L D D D D A"),
    ("GET /admin/users/{id}/two-factor", "L D D D D A"),
    ("POST /admin/users/{id}/two-factor", "L D D D D A"),
    ("GET /admin/rotation", "L D D D D A"),
    ("GET /admin/audit", "L D D D D A"),
    ("GET /admin/audit.csv", "L D D D D A"),
    ("POST /admin/rotation", "L D D D D A"),
    // The JSON API.
    ("POST /api/v1/submissions", "L A D D D D"),
    ("POST /api/v1/submissions.csv", "L A D D D D"),
    ("GET /api/v1/submissions/{id}", "L A A A O A"),
    ("POST /api/v1/submissions/{id}/review", "L D A D D D"),
    ("GET /api/v1/openapi.json", "P P P P P P"),
    ("GET /api/v1/aggregates", "L A A A D A"),
    ("GET /api/v1/signals", "L A A A D A"),
    // Public.
    ("GET /static/style.css", "P P P P P P"),
    ("GET /healthz", "P P P P P P"),
    ("GET /readyz", "P P P P P P"),
    ("GET /login", "P P P P P P"),
    ("GET /tillganglighet", "P P P P P P"),
    ("POST /login", "P P P P P P"),
    ("GET /login/code", "P P P P P P"),
    ("POST /login/code", "P P P P P P"),
    ("POST /logout", "P P P P P P"),
    ("POST /language", "P P P P P P"),
    ("GET /", "L A A A A A"),
    // Reporting.
    ("POST /submissions/import", "L A D D D D"),
    ("GET /submissions", "L A D D D D"),
    ("POST /submissions", "L A D D D D"),
    ("GET /submissions/{id}", "L A D D D D"),
    ("POST /submissions/{id}/lines", "L A D D D D"),
    ("GET /submissions/{id}/lines/{line}/delete", "L A D D D D"),
    ("POST /submissions/{id}/lines/{line}/delete", "L A D D D D"),
    ("POST /submissions/{id}/submit", "L A D D D D"),
    ("GET /review", "L D A D D D"),
    ("GET /review/{id}", "L D A D D D"),
    ("POST /review/{id}", "L D A D D D"),
    // Dashboards.
    ("GET /dashboard", "L A A A D A"),
    ("GET /dashboard/trends", "L A A A D A"),
    ("GET /dashboard/breakdown", "L A A A D A"),
    ("GET /dashboard/heatmap", "L A A A D A"),
    ("GET /dashboard/table.csv", "L A A A D A"),
    ("GET /completeness", "L A A A D A"),
    ("GET /risks", "L A A A D A"),
    ("GET /reports/pdf", "L D A A D A"),
    // Report editions (the one in the path is a draft by the analyst; the ministry and
    // coordinators read published versions only, so this draft is refused to them).
    ("GET /reports", "L A A A A A"),
    ("POST /reports", "L D A A D A"),
    ("GET /reports/new", "L D A A D A"),
    ("GET /reports/{id}", "L O A A O A"),
    ("POST /reports/{id}/correct", "L D C C D C"),
    ("GET /reports/{id}/versions/{no}", "L O A A O A"),
    ("GET /reports/{id}/versions/{no}/pdf", "L O A A O A"),
    ("GET /reports/{id}/versions/{no}/edit", "L D A A D A"),
    ("POST /reports/{id}/versions/{no}/meta", "L D A A D A"),
    (
        "POST /reports/{id}/versions/{no}/sections/{key}",
        "L D A A D A",
    ),
    ("POST /reports/{id}/versions/{no}/submit", "L D A A D A"),
    ("POST /reports/{id}/versions/{no}/approve", "L D D A D D"),
    ("POST /reports/{id}/versions/{no}/refuse", "L D D A D D"),
    ("POST /reports/{id}/versions/{no}/publish", "L D D A D D"),
    ("GET /admin/report-templates", "L D D D D A"),
    ("POST /admin/report-templates", "L D D D D A"),
    ("GET /admin/report-templates/{id}", "L D D D D A"),
    ("POST /admin/report-templates/{id}", "L D D D D A"),
    // Measures.
    ("GET /measures", "L A A A D A"),
    ("GET /measures/new", "L D A D D A"),
    ("POST /measures", "L D A D D A"),
    ("GET /measures/{id}", "L A A A D A"),
    ("GET /measures/{id}/edit", "L D A D D A"),
    ("POST /measures/{id}", "L D A D D A"),
    // The forum (recording is for the convening and attending agencies' coordinators).
    ("GET /forum", "L A A A D A"),
    ("POST /forum", "L A A A D A"),
    ("GET /forum/{id}", "L A A A D A"),
    ("GET /forum/{id}/minutes.pdf", "L A A A D A"),
    ("POST /forum/{id}/attendance", "L A A A D A"),
    ("POST /forum/{id}/agenda", "L A A A D A"),
    ("POST /forum/{id}/notes", "L A A A D A"),
    ("POST /forum/{id}/observations", "L A A A D A"),
    ("POST /forum/{id}/observations/submit", "L A A A D A"),
    ("POST /forum/{id}/followups", "L A A A D A"),
    ("POST /forum/{id}/followups/{fid}/status", "L A A A D A"),
    // Knowledge notices (the one in the path is approved, CLEAR, issued by SKV).
    ("GET /notices", "L A A A D A"),
    ("POST /notices", "L A A D D D"),
    ("GET /notices/new", "L A A D D D"),
    ("GET /notices/{id}", "L A A A D A"),
    ("GET /notices/{id}/edit", "L C C D D D"),
    ("POST /notices/{id}/edit", "L A A D D D"),
    ("POST /notices/{id}/submit", "L A A D D D"),
    ("POST /notices/{id}/review", "L D A D D D"),
    // Notifications and the account page: every user, their own only.
    ("GET /notifications", "L A A A A A"),
    ("POST /notifications/read-all", "L A A A A A"),
    ("POST /notifications/{id}/read", "L A A A A A"),
    ("GET /account", "L A A A A A"),
    ("POST /account", "L A A A A A"),
    ("GET /account/password", "L A A A A A"),
    ("POST /account/password", "L A A A A A"),
    ("GET /account/two-factor", "L A A A A A"),
    ("POST /account/two-factor", "L A A A A A"),
    ("POST /account/two-factor/disable", "L A A A A A"),
    // Reference figures.
    ("GET /references", "L A A A D A"),
    ("POST /references", "L D A D D A"),
    ("GET /references/new", "L D A D D A"),
    ("GET /references/{id}/edit", "L D A D D A"),
    ("POST /references/{id}/edit", "L D A D D A"),
    ("GET /references/{id}/delete", "L D A D D A"),
    ("POST /references/{id}/delete", "L D A D D A"),
];

/// The message of a refusal by role (`AppError::forbidden`).
const ROLE_REFUSAL: &str = "Du har inte behörighet till den här sidan.";

fn key(method: &str, path: &str) -> String {
    format!("{method} {path}")
}

/// The route's method for reqwest (actix and reqwest use different `http` versions).
fn method_of(route: &lagesbild::web::routes::RouteEntry) -> Method {
    Method::from_bytes(route.method.as_str().as_bytes()).unwrap()
}

/// The declared expectations, keyed by "METHOD /path".
fn declared() -> BTreeMap<String, Vec<char>> {
    let mut map = BTreeMap::new();
    for (route, cells) in EXPECTATIONS {
        let cells: Vec<char> = cells.split_whitespace().flat_map(|c| c.chars()).collect();
        assert_eq!(cells.len(), WHO.len(), "{route}: one letter per column");
        assert!(
            map.insert(route.to_string(), cells).is_none(),
            "{route} declared twice"
        );
    }
    map
}

#[test]
fn every_route_has_a_declared_expectation_and_every_expectation_a_route() {
    let table = route_table();
    assert!(table.len() >= 80, "the table lists the app's routes");
    let declared = declared();
    let registered: Vec<String> = table
        .iter()
        .map(|r| key(r.method.as_str(), r.path))
        .collect();
    let missing: Vec<&String> = registered
        .iter()
        .filter(|r| !declared.contains_key(*r))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a declared expectation in tests/api/routes.rs: {missing:?}"
    );
    let stale: Vec<&String> = declared
        .keys()
        .filter(|d| !registered.contains(d))
        .collect();
    assert!(stale.is_empty(), "declared but not registered: {stale:?}");
}

/// The objects the paths name, created through the application.
pub struct World {
    pub app: TestApp,
    /// Logged-in clients per column of [`WHO`] (anonymous has a session, no login).
    pub clients: Vec<Client>,
    /// Personal API tokens per column (anonymous: none).
    pub tokens: Vec<Option<String>>,
    draft: i64,
    /// The id of the draft's one line.
    line: i64,
    submitted: i64,
    meeting: i64,
    followup: i64,
    measure: i64,
    notice: i64,
    reference: i64,
    token_id: i64,
    edition: i64,
    template: i64,
    /// A notification of the coordinator's.
    notification: i64,
    /// An account for the user administration's pages (its password may be reset).
    spare_user: i64,
}

async fn logged_in(app: &TestApp, username: &str) -> Client {
    let client = new_client();
    let page = client
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_from(&page);
    let r = client
        .post(app.url("/login"))
        .form(&[
            ("username", username),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "login as {username}");
    client
}

fn location(r: &Response) -> String {
    r.headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn id_from(location: &str) -> i64 {
    location
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|s| s.split(['?', '#']).next())
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("an id at the end of {location}"))
}

pub async fn world() -> World {
    let mut app = spawn_app().await;
    app.open_period("2026-Q2").await;
    app.open_period("2026-Q3").await;
    let users = [
        ("samordnare", Role::Coordinator, Some("SKV")),
        ("analytiker", Role::Analyst, None),
        ("beslutsfattare", Role::Approver, None),
        ("departement", Role::Ministry, None),
        ("admin", Role::Admin, None),
        ("analytiker2", Role::Analyst, None),
        ("polis", Role::Coordinator, Some("POL")),
        ("reserv", Role::Analyst, None),
    ];
    for (name, role, agency) in users {
        app.add_user(name, role, agency).await;
    }

    // A submitted submission (SKV, 2026-Q2) for review, and a draft with one line (2026-Q3).
    let skv = app.agency_token("SKV").await;
    let r = app
        .api_post(
            "/api/v1/submissions",
            &skv,
            serde_json::json!({"period": "2026-Q2", "submit": true,
                "lines": [{"misuse_type": "false_identity", "count": 4}]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let submitted = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    app.login_as("samordnare").await;
    let draft_path = app.open_submission("2026-Q3").await;
    let draft = id_from(&draft_path);
    let r = app
        .post_form(
            &format!("{draft_path}/lines"),
            &draft_path,
            &[("misuse_type", "false_identity"), ("count", "3")],
        )
        .await;
    assert_eq!(r.status(), 303, "add a line");
    let line = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::observation_lines as l;
            l::table
                .select(l::id)
                .order(l::id.desc())
                .first::<i64>(c)
                .unwrap()
        })
        .await;

    // A forum meeting convened by SKV, with a follow-up.
    app.login_as("admin").await;
    let r = app
        .post_form(
            "/admin/rotation",
            "/admin/rotation",
            &[("order", "SKV, POL, MIG")],
        )
        .await;
    assert_eq!(r.status(), 303, "rotation");
    app.login_as("samordnare").await;
    let r = app
        .post_form(
            "/forum",
            "/forum",
            &[
                ("held_on", "2026-09-01"),
                ("convener", "SKV"),
                ("override_reason", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "meeting");
    let meeting_path = location(&r);
    let meeting = id_from(&meeting_path);
    let r = app
        .post_form(
            &format!("{meeting_path}/followups"),
            &meeting_path,
            &[
                ("followup", "Fördjupad analys av kapade konton"),
                ("owner", "POL"),
                ("due_on", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "follow-up");
    let followup = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::forum_followups as f;
            f::table.select(f::id).first::<i64>(c).unwrap()
        })
        .await;

    // A notice by SKV, submitted and approved (CLEAR: every dashboard reader sees it).
    let r = app
        .post_form(
            "/notices",
            "/notices/new",
            &[
                ("kind", "modus_operandi"),
                ("title", "Utbytta foton i körkort"),
                ("description", "Körkort med utbytta foton används digitalt."),
                ("misuse_type", "look_alike"),
                ("marking", "CLEAR"),
                ("valid_from", "2026-07-01"),
                ("valid_to", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "notice");
    let notice_path = location(&r);
    let notice = id_from(&notice_path);
    let r = app
        .post_form(&format!("{notice_path}/submit"), &notice_path, &[])
        .await;
    assert_eq!(r.status(), 303, "submit notice");

    // A measure and a reference figure, by an analyst; the analyst approves the notice.
    app.login_as("analytiker").await;
    let r = app
        .post_form(
            &format!("{notice_path}/review"),
            &notice_path,
            &[("decision", "accept"), ("comment", "")],
        )
        .await;
    assert_eq!(r.status(), 303, "approve notice");
    let r = app
        .post_form(
            "/measures",
            "/measures/new",
            &[
                ("title", "Skärpt kontroll vid folkbokföring"),
                ("kind", "control_campaign"),
                ("status", "in_force"),
                ("start_on", "2026-01-15"),
                ("end_on", ""),
                ("description", "Extra kontroll av identitetshandlingar."),
                ("agencies", "SKV"),
                ("misuse_type", "false_identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "measure");
    let measure = id_from(&location(&r));
    let r = app
        .post_form(
            "/references",
            "/references/new",
            &[
                ("source", "Polisens lägesbild över organiserad brottslighet"),
                ("title", "Anmälda bedrägerier med kapad identitet"),
                ("published_on", "2026-05-15"),
                ("url", "https://polisen.se/lagesbild"),
                ("value", "1 200"),
                ("unit", "antal"),
                ("period", "2026-Q3"),
                ("series", "misuse_type:hijacked_identity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "reference");
    let reference = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::reference_figures as r;
            r::table.select(r::id).first::<i64>(c).unwrap()
        })
        .await;

    // A draft report edition by the analyst.
    let r = app
        .post_form(
            "/reports",
            "/reports/new",
            &[
                ("period", "2026-Q3"),
                ("language", "sv"),
                ("marking", "Intern"),
                ("tlp", "GREEN"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "edition");
    let edition: i64 = location(&r).split('/').nth(2).unwrap().parse().unwrap();
    let template = app
        .with_db(|c| {
            lagesbild::services::report::templates::list(c).unwrap()[0]
                .id
                .unwrap()
        })
        .await;

    // A token for the revoke pages, apart from the ones the matrix calls with.
    app.agency_token("MIG").await;
    let token_id = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::api_tokens as t;
            t::table
                .select(t::id)
                .order(t::id.desc())
                .first::<i64>(c)
                .unwrap()
        })
        .await;

    // A notification of the coordinator's (the other roles are refused it: 404).
    let notification = app
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::queries::notifications::{insert, NewNotification};
            use lagesbild::db::schema::users as u;
            let owner = u::table
                .filter(u::username.eq("samordnare"))
                .select(u::id)
                .first::<i64>(c)
                .unwrap();
            insert(
                c,
                &NewNotification {
                    user_id: owner,
                    kind: "submission_accepted",
                    message_key: "notifications-submission-accepted",
                    args: r#"{"period":{"text":"2026-Q2"},"version":{"int":1}}"#,
                    link: "/submissions",
                    created_at: chrono::Utc::now().naive_utc(),
                    dedupe_key: None,
                },
            )
            .unwrap()
            .unwrap()
        })
        .await;

    let spare_user = app.user_id("reserv").await;

    let mut clients = vec![new_client()];
    // The anonymous client gets a session (and a CSRF token) from the login page.
    clients[0]
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut tokens = vec![None];
    for name in [
        "samordnare",
        "analytiker",
        "beslutsfattare",
        "departement",
        "admin",
    ] {
        clients.push(logged_in(&app, name).await);
        tokens.push(Some(app.user_token(name).await));
    }
    World {
        app,
        clients,
        tokens,
        draft,
        line,
        submitted,
        meeting,
        followup,
        measure,
        notice,
        reference,
        token_id,
        edition,
        template,
        notification,
        spare_user,
    }
}

impl World {
    /// The concrete path (with the query string it needs) for a route pattern.
    pub fn fill(&self, pattern: &str) -> String {
        let (m, f) = (self.meeting, self.followup);
        let path = pattern
            .replace(
                "/admin/taxonomy/{dimension}/{code}",
                "/admin/taxonomy/misuse_type/look_alike",
            )
            .replace("/admin/periods/{code}", "/admin/periods/2026-Q3")
            .replace(
                "/admin/users/{id}",
                &format!("/admin/users/{}", self.spare_user),
            )
            .replace(
                "/admin/tokens/{id}",
                &format!("/admin/tokens/{}", self.token_id),
            )
            .replace(
                "/api/v1/submissions/{id}",
                &format!("/api/v1/submissions/{}", self.submitted),
            )
            .replace(
                "/submissions/{id}/lines/{line}",
                &format!("/submissions/{}/lines/{}", self.draft, self.line),
            )
            .replace("/submissions/{id}", &format!("/submissions/{}", self.draft))
            .replace("/review/{id}", &format!("/review/{}", self.submitted))
            .replace(
                "/forum/{id}/followups/{fid}",
                &format!("/forum/{m}/followups/{f}"),
            )
            .replace("/forum/{id}", &format!("/forum/{m}"))
            .replace("/measures/{id}", &format!("/measures/{}", self.measure))
            .replace("/notices/{id}", &format!("/notices/{}", self.notice))
            .replace(
                "/references/{id}",
                &format!("/references/{}", self.reference),
            )
            .replace(
                "/versions/{no}/sections/{key}",
                "/versions/1/sections/summary",
            )
            .replace("/versions/{no}", "/versions/1")
            .replace("/reports/{id}", &format!("/reports/{}", self.edition))
            .replace(
                "/admin/report-templates/{id}",
                &format!("/admin/report-templates/{}", self.template),
            )
            .replace(
                "/notifications/{id}",
                &format!("/notifications/{}", self.notification),
            );
        assert!(
            !path.contains('{'),
            "{pattern}: tell World::fill which object the path names"
        );
        let query = match pattern {
            "/reports/pdf"
            | "/completeness"
            | "/dashboard/table.csv"
            | "/api/v1/aggregates"
            | "/api/v1/signals"
            | "/api/v1/submissions.csv" => "?period=2026-Q3",
            _ => "",
        };
        format!("{path}{query}")
    }

    /// The session's CSRF token for the client in column `who` (from the login page,
    /// which every session may open).
    async fn csrf(&self, who: usize) -> String {
        let page = self.clients[who]
            .get(self.app.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        csrf_from(&page)
    }
}

fn assert_security_headers(r: &Response, what: &str) {
    let h = r.headers();
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: CSP"))
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{what}: {csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(h["referrer-policy"], "same-origin", "{what}");
    assert_eq!(h["x-frame-options"], "DENY", "{what}");
}

/// Checks one response against the declared letter.
async fn check(r: Response, method: &Method, pattern: &str, expect: char, what: &str) {
    assert_security_headers(&r, what);
    if !pattern.starts_with("/static/") {
        let cache = r
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        assert!(
            cache.contains("no-store"),
            "{what}: Cache-Control {cache:?}"
        );
    }
    let status = r.status().as_u16();
    let loc = location(&r);
    let api = pattern.starts_with("/api/");
    let body = r.text().await.unwrap_or_default();
    let role_refusal = status == 403 && body.contains(ROLE_REFUSAL);
    let login = if api {
        status == 401
    } else {
        status == 303 && loc.starts_with("/login?next=")
    };
    match expect {
        'L' => assert!(login, "{what}: login required, got {status} {loc}"),
        'D' => assert!(role_refusal, "{what}: refused by role, got {status}"),
        'O' => assert!(
            (status == 403 && !role_refusal) || status == 404,
            "{what}: refused for this object, got {status}"
        ),
        'C' => assert_eq!(status, 409, "{what}: a conflict with the object's state"),
        'A' | 'P' if *method == Method::GET => {
            assert_eq!(status, 200, "{what}: allowed, got {status} {loc}")
        }
        'A' => assert!(
            !login && !role_refusal && status != 401 && status < 500,
            "{what}: past the role check, got {status} {loc}"
        ),
        'P' => assert!(
            status < 500 && status != 401,
            "{what}: public, got {status}"
        ),
        other => panic!("unknown expectation {other}"),
    }
}

#[tokio::test]
async fn every_route_answers_anonymous_and_every_role_as_declared() {
    let world = world().await;
    let declared = declared();
    let table = route_table();
    // GETs first (they change nothing), then the state-changing routes; logging out last.
    let mut order: Vec<_> = table.iter().collect();
    order.sort_by_key(|r| (method_of(r) != Method::GET, r.path == "/logout"));
    let mut cells = 0;
    for route in &order {
        let cells_for = &declared[&key(route.method.as_str(), route.path)];
        let path = world.fill(route.path);
        let method = method_of(route);
        for (who, expect) in cells_for.iter().enumerate() {
            let client = &world.clients[who];
            let what = format!("{method} {path} as {}", WHO[who]);
            let r = if method == Method::GET {
                client.get(world.app.url(&path)).send().await.unwrap()
            } else {
                let token = world.csrf(who).await;
                client
                    .request(method.clone(), world.app.url(&path))
                    .form(&[("csrf_token", token.as_str())])
                    .send()
                    .await
                    .unwrap()
            };
            check(r, &method, route.path, *expect, &what).await;
            cells += 1;
        }
    }
    assert_eq!(cells, table.len() * WHO.len());
    eprintln!(
        "access matrix: {} routes × {} = {cells} cells",
        table.len(),
        WHO.len()
    );
}

#[tokio::test]
async fn the_api_answers_every_role_token_as_declared() {
    let world = world().await;
    let declared = declared();
    let mut cells = 0;
    for route in route_table().iter().filter(|r| r.path.starts_with("/api/")) {
        let path = world.fill(route.path);
        let method = method_of(route);
        for (who, expect) in declared[&key(route.method.as_str(), route.path)]
            .iter()
            .enumerate()
        {
            let mut req = reqwest::Client::new().request(method.clone(), world.app.url(&path));
            if let Some(token) = &world.tokens[who] {
                req = req.bearer_auth(token);
            }
            if method == Method::POST {
                req = req.header("content-type", "application/json").body("{}");
            }
            let r = req.send().await.unwrap();
            let what = format!("{method} {path} with the {} token", WHO[who]);
            check(r, &method, route.path, *expect, &what).await;
            cells += 1;
        }
    }
    eprintln!("API token matrix: {cells} cells");
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_request_without_a_csrf_token() {
    let world = world().await;
    let tables = [
        "submissions",
        "submission_versions",
        "observation_lines",
        "forum_meetings",
        "forum_agenda_items",
        "forum_followups",
        "measures",
        "notices",
        "reference_figures",
        "api_tokens",
        "taxonomy_codes",
        "reporting_periods",
        "users",
    ];
    let mut before = HashMap::new();
    for t in tables {
        before.insert(t, world.app.count_rows(t).await);
    }
    let mut refused = 0;
    for route in route_table().iter().filter(|r| method_of(r) != Method::GET) {
        let path = world.fill(route.path);
        for (who, client) in world.clients.iter().enumerate() {
            for token in [None, Some("gissat")] {
                let mut fields = vec![("misuse_type", "false_identity"), ("count", "5")];
                if let Some(t) = token {
                    fields.push(("csrf_token", t));
                }
                let r = client
                    .post(world.app.url(&path))
                    .form(&fields)
                    .send()
                    .await
                    .unwrap();
                let what = format!("POST {path} as {} with token {token:?}", WHO[who]);
                assert_security_headers(&r, &what);
                let status = r.status().as_u16();
                let body = r.text().await.unwrap();
                // An API call without a session (anonymous) carries no ambient authority
                // and gets 401 from the extractor instead.
                if who == 0 && route.path.starts_with("/api/") {
                    assert_eq!(status, 403, "{what}: the anonymous client has a session");
                }
                assert_eq!(status, 403, "{what}");
                assert!(
                    body.contains("Formuläret har gått ut") || body.contains("\"csrf\""),
                    "{what}: the CSRF refusal, not another: {body}"
                );
                refused += 1;
            }
        }
    }
    for t in tables {
        assert_eq!(world.app.count_rows(t).await, before[t], "{t} unchanged");
    }
    eprintln!("CSRF: {refused} requests refused");
}

#[tokio::test]
async fn object_level_rules_hold_for_ids_of_other_agencies() {
    let world = world().await;
    // A coordinator of POL asks for SKV's submissions by id: the page, the API (session
    // and personal token) and the line routes all refuse.
    let pol = logged_in(&world.app, "polis").await;
    for path in [
        format!("/submissions/{}", world.draft),
        format!("/submissions/{}/lines/{}/delete", world.draft, world.line),
        format!("/api/v1/submissions/{}", world.submitted),
        format!("/api/v1/submissions/{}", world.draft),
    ] {
        let r = pol.get(world.app.url(&path)).send().await.unwrap();
        assert_eq!(r.status(), 403, "{path}");
        let body = r.text().await.unwrap();
        assert!(
            !body.contains(ROLE_REFUSAL),
            "{path}: refused for the object"
        );
    }
    let token = world.app.user_token("polis").await;
    let r = world
        .app
        .api_get(&format!("/api/v1/submissions/{}", world.submitted), &token)
        .await;
    assert_eq!(r.status(), 403);
    let page = pol
        .get(world.app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_from(&page);
    for path in [
        format!("/submissions/{}/lines", world.draft),
        format!("/submissions/{}/lines/{}/delete", world.draft, world.line),
        format!("/submissions/{}/submit", world.draft),
    ] {
        let r = pol
            .post(world.app.url(&path))
            .form(&[
                ("misuse_type", "look_alike"),
                ("count", "9"),
                ("csrf_token", csrf.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{path}");
    }
    assert_eq!(
        world
            .app
            .count_rows("observation_lines WHERE count = 9")
            .await,
        0
    );
    assert_eq!(
        world
            .app
            .count_rows(&format!(
                "submissions WHERE status = 'draft' AND id = {}",
                world.draft
            ))
            .await,
        1,
        "the draft is still a draft"
    );
    // The ministry asks for a submission by id through the API: refused.
    let dep = world.tokens[4].clone().unwrap();
    let r = world
        .app
        .api_get(&format!("/api/v1/submissions/{}", world.submitted), &dep)
        .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn a_known_path_with_another_method_gets_405_with_allow() {
    let app = spawn_app().await;
    let r = app
        .client
        .delete(app.url("/api/v1/submissions/1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405, "{:?}", r.text().await);
    assert_eq!(r.headers()["allow"], "GET");
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "method_not_allowed");
    let r = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/notices/1/edit"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "GET, POST");
    assert_security_headers(&r, "405 page");
    assert_eq!(app.get("/finns-inte").await.status(), 404);
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = spawn_app().await;
    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status(), 200, "served without login");
    let doc: serde_json::Value = r.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut n = 0;
    for route in route_table()
        .iter()
        .filter(|r| r.path.starts_with("/api/v1/"))
    {
        let op = &doc["paths"][route.path][route.method.as_str().to_lowercase()];
        assert!(op.is_object(), "{route} is missing from openapi.json");
        assert!(op["responses"].is_object(), "{route}: responses");
        n += 1;
    }
    assert!(n >= 7);
    // And nothing is described that the app does not serve.
    let table = route_table();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            assert!(
                table
                    .iter()
                    .any(|r| r.path == path && r.method.as_str().eq_ignore_ascii_case(method)),
                "{method} {path} is described but not served"
            );
        }
    }
}

/// Removes the elements marked as Swedish (`lang="sv"`: a Swedish edition's text, the
/// Swedish labels an administrator edits, the switch's "Svenska"), whatever their tag.
fn without_swedish_parts(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(" lang=\"sv\"") {
        let start = rest[..i].rfind('<').unwrap();
        let tag: String = rest[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.push_str(&rest[..start]);
        let close = format!("</{tag}>");
        // Void elements (input) end at their own '>'.
        let end = match rest[start..].find(&close) {
            Some(j) if tag != "input" => start + j + close.len(),
            _ => start + rest[start..].find('>').unwrap() + 1,
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What a page says: its text outside tags, scripts and styles, and the attribute texts
/// people read (labels, titles, placeholders, alternative text), with entities decoded.
fn readable_text(html: &str) -> String {
    let html = without_swedish_parts(html.split_once("<body>").map_or(html, |(_, b)| b));
    let mut out = String::new();
    let mut rest = html.as_str();
    // Drop script and style blocks.
    let mut cleaned = String::new();
    while let Some(i) = rest.find("<s") {
        let tail = &rest[i..];
        let close = if tail.starts_with("<script") {
            Some("</script>")
        } else if tail.starts_with("<style") {
            Some("</style>")
        } else {
            None
        };
        match close.and_then(|c| tail.find(c).map(|j| (j, c.len()))) {
            Some((j, n)) => {
                cleaned.push_str(&rest[..i]);
                rest = &tail[j + n..];
            }
            None => {
                cleaned.push_str(&rest[..i + 2]);
                rest = &tail[2..];
            }
        }
    }
    cleaned.push_str(rest);
    let mut in_tag = false;
    let mut tag = String::new();
    for c in cleaned.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                for attr in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
                    if let Some(i) = tag.find(attr) {
                        let v = &tag[i + attr.len()..];
                        out.push(' ');
                        out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                        out.push(' ');
                    }
                }
                out.push(' ');
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
}

/// Swedish that may stand on an English page: the product's name and the configured
/// marking names (printed exactly as configured).
const SWEDISH_NAMES: &[&str] = &["Lägesbild", "Begränsad – endast för tjänstebruk", "Öppen"];

/// The texts this test's world entered; charts wrap them, so each of their words may
/// stand alone.
const SWEDISH_DATA: &[&str] = &[
    "Fördjupad analys av kapade konton",
    "Körkort med utbytta foton används digitalt.",
    "Utbytta foton i körkort",
    "Skärpt kontroll vid folkbokföring",
    "Polisens lägesbild över organiserad brottslighet",
    "Anmälda bedrägerier med kapad identitet",
];

/// The whole application in English: every page each role may open says nothing in
/// Swedish (no word with å, ä or ö beyond the data above), and says it is English.
#[tokio::test]
async fn every_page_reads_in_english_for_every_role() {
    let world = world().await;
    for (who, name) in WHO.iter().enumerate() {
        let token = world.csrf(who).await;
        let r = world.clients[who]
            .post(world.app.url("/language"))
            .form(&[
                ("lang", "en"),
                ("next", "/"),
                ("csrf_token", token.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{name}: language switch");
    }
    let declared = declared();
    let mut pages = 0;
    let mut swedish: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for route in route_table() {
        if route.method.as_str() != "GET" {
            continue;
        }
        let cells = &declared[&key("GET", route.path)];
        let path = world.fill(route.path);
        for (who, expect) in cells.iter().enumerate() {
            if !matches!(expect, 'A' | 'P') {
                continue;
            }
            let r = world.clients[who]
                .get(world.app.url(&path))
                .send()
                .await
                .unwrap();
            let html = r
                .headers()
                .get("content-type")
                .is_some_and(|t| t.to_str().unwrap_or("").starts_with("text/html"));
            if !html || r.status() != 200 {
                continue;
            }
            let body = r.text().await.unwrap();
            let what = format!("GET {path} as {}", WHO[who]);
            assert!(
                body.contains("<html lang=\"en\">"),
                "{what}: not marked English"
            );
            pages += 1;
            let mut text = readable_text(&body);
            for name in SWEDISH_NAMES {
                text = text.replace(name, " ");
            }
            let data_word = |w: &str| {
                SWEDISH_DATA
                    .iter()
                    .any(|d| d.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
            };
            for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if word.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) && !data_word(word) {
                    swedish
                        .entry(word.to_string())
                        .or_default()
                        .push(what.clone());
                }
            }
        }
    }
    assert!(pages > 40, "only {pages} pages walked");
    let report: Vec<String> = swedish
        .iter()
        .map(|(w, at)| format!("{w}: {} (first {})", at.len(), at[0]))
        .collect();
    assert!(
        report.is_empty(),
        "Swedish on English pages ({} words):\n{}",
        report.len(),
        report.join("\n")
    );
}
