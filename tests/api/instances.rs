//! Two application instances on one PostgreSQL database (the scale-out setup): concurrent
//! submissions and reviews spread over both lose nothing, duplicate nothing, and neither
//! instance reads stale approval state.

use futures_util::future::join_all;
use lagesbild::domain::role::Role;
use serde_json::{json, Value};

use crate::helpers::{backend, spawn_app, TestApp};

fn lines(count: i64) -> Value {
    json!([{"misuse_type": "false_identity", "document_type": "eu_passport",
            "count": count, "description": "Ökning av manipulerade pass."}])
}

async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> (u16, Value) {
    let r = app.api_post(path, token, body).await;
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn submit(app: &TestApp, token: &str, period: &str, count: i64) -> (u16, Value) {
    post(
        app,
        "/api/v1/submissions",
        token,
        json!({"period": period, "submit": true, "lines": lines(count)}),
    )
    .await
}

async fn accept(app: &TestApp, token: &str, id: i64) -> (u16, Value) {
    post(
        app,
        &format!("/api/v1/submissions/{id}/review"),
        token,
        json!({"decision": "accept"}),
    )
    .await
}

async fn status_on(app: &TestApp, token: &str, id: i64) -> String {
    let r = app
        .api_get(&format!("/api/v1/submissions/{id}"), token)
        .await;
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["status"]
        .as_str()
        .unwrap()
        .to_string()
}

const AGENCIES: [&str; 6] = ["SKV", "POL", "MIG", "SSC", "EBM", "AM"];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgresql_database_lose_nothing_and_read_fresh_state() {
    if backend() != "postgres" {
        println!(
            "SKIPPED (two instances on one database): PostgreSQL only; set LAGESBILD_TEST_POSTGRES_URL"
        );
        return;
    }
    let a = spawn_app().await;
    let b = a.spawn_peer().await;
    assert_ne!(a.address, b.address);
    let apps = [&a, &b];
    a.add_user("granskare", Role::Analyst, None).await;
    let analyst = a.user_token("granskare").await;
    let mut tokens = Vec::new();
    for ag in AGENCIES {
        tokens.push(a.agency_token(ag).await);
    }
    let periods: Vec<String> = (2020..2025)
        .flat_map(|y| (1..=4).map(move |q| format!("{y}-Q{q}")))
        .collect();
    for p in &periods {
        a.open_period(p).await;
    }

    // Every agency submits every period at once, alternating between the instances.
    let jobs: Vec<(usize, usize, i64)> = (0..AGENCIES.len())
        .flat_map(|ag| (0..periods.len()).map(move |p| (ag, p, (ag * 100 + p) as i64)))
        .collect();
    let results = join_all(jobs.iter().enumerate().map(|(n, &(ag, p, count))| {
        let app = apps[n % 2];
        let (token, period) = (tokens[ag].clone(), periods[p].clone());
        async move { submit(app, &token, &period, count).await }
    }))
    .await;
    let mut ids = Vec::new();
    for ((status, body), job) in results.iter().zip(&jobs) {
        assert_eq!(*status, 201, "{job:?}: {body}");
        ids.push(body["id"].as_i64().unwrap());
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "every acknowledgement has its own id"
    );
    assert_eq!(a.count_rows("submissions").await, ids.len() as i64);
    assert_eq!(
        a.count_rows("submission_versions").await,
        ids.len() as i64,
        "one version each"
    );
    assert_eq!(
        a.count_rows("observation_lines").await,
        ids.len() as i64,
        "one line each"
    );

    // Every submission accepted at once, each on the instance that did not take it.
    let reviews = join_all(ids.iter().enumerate().map(|(n, &id)| {
        let app = apps[(n + 1) % 2];
        let token = analyst.clone();
        async move { accept(app, &token, id).await }
    }))
    .await;
    for ((status, body), id) in reviews.iter().zip(&ids) {
        assert_eq!(*status, 200, "accept {id}: {body}");
    }
    assert_eq!(
        a.count_rows("submissions WHERE status = 'accepted'").await,
        ids.len() as i64
    );
    // The rollup holds each accepted submission once: its total equals the sum sent.
    let sent: i64 = jobs.iter().map(|j| j.2).sum();
    assert_eq!(
        a.count_rows("rollup_cells WHERE dim = ''").await,
        ids.len() as i64
    );
    let total = a
        .with_db(|c| {
            use diesel::prelude::*;
            use lagesbild::db::schema::rollup_cells as r;
            r::table
                .filter(r::dim.eq(""))
                .select(r::count)
                .load::<i64>(c)
                .unwrap()
                .into_iter()
                .sum::<i64>()
        })
        .await;
    assert_eq!(total, sent);

    // Accepting on A is visible on B at once: the submission and the aggregates.
    a.open_period("2025-Q1").await;
    let (s, body) = submit(&a, &tokens[0], "2025-Q1", 0).await;
    assert_eq!(s, 201, "{body}");
    let fresh = body["id"].as_i64().unwrap();
    a.open_period("2025-Q2").await;
    let agg = "/api/v1/aggregates?period=2025-Q1&rows=misuse_type&cols=agency";
    let before: Value = b.api_get(agg, &analyst).await.json().await.unwrap();
    assert_eq!(status_on(&b, &analyst, fresh).await, "submitted");
    assert_eq!(accept(&a, &analyst, fresh).await.0, 200);
    assert_eq!(status_on(&b, &analyst, fresh).await, "accepted");
    let after: Value = b.api_get(agg, &analyst).await.json().await.unwrap();
    assert_ne!(before, after, "B's aggregates include what A accepted");
    assert!(
        after.to_string().contains("\"SKV\""),
        "SKV's reported zero is there: {after}"
    );

    // Two analysts' instances accept the same submission at the same moment: exactly one
    // succeeds, the other is told someone else got there first.
    for (n, ag) in AGENCIES.iter().enumerate() {
        let token = a.agency_token(ag).await;
        let (s, body) = submit(&b, &token, "2025-Q2", n as i64).await;
        assert_eq!(s, 201, "{body}");
        let id = body["id"].as_i64().unwrap();
        let (x, y) = tokio::join!(accept(&a, &analyst, id), accept(&b, &analyst, id));
        let mut statuses = [x.0, y.0];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{x:?} {y:?}");
        let loser = if x.0 == 409 { &x.1 } else { &y.1 };
        let says = loser.to_string().to_lowercase();
        assert!(
            says.contains("någon annan") || says.contains("kan inte granskas"),
            "{loser}"
        );
        let versions = a
            .count_rows(&format!(
                "submission_versions WHERE submission_id = {id} AND status = 'accepted'"
            ))
            .await;
        assert_eq!(versions, 1);
        let audits = a
            .count_rows(&format!(
                "audit_log WHERE action = 'submission_accepted' AND entity_id = '{id}'"
            ))
            .await;
        assert_eq!(audits, 1, "one acceptance recorded");
    }

    // The same agency posting the same period to both instances at once (a retrying
    // client, say) leaves one submission, never two.
    for (n, token) in tokens.iter().enumerate() {
        let period = format!("2019-Q{}", n % 4 + 1);
        a.open_period(&period).await;
        let count_before = a.count_rows("submissions").await;
        let (x, y) = tokio::join!(submit(&a, token, &period, 5), submit(&b, token, &period, 5));
        let ok = [&x, &y].iter().filter(|r| r.0 == 201).count();
        assert!(ok >= 1, "{x:?} {y:?}");
        for r in [&x, &y] {
            assert!(
                r.0 == 201 || r.0 == 409,
                "201, or 409 for the later one: {r:?}"
            );
        }
        assert_eq!(a.count_rows("submissions").await, count_before + 1);
    }
}
