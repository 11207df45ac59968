//! Bad input never hurts: arbitrary bodies, headers, query strings and path segments to
//! every registered route, as an analyst session (with a valid CSRF token, so the input
//! reaches the handlers) and as an agency token; no answer may be a 5xx. Cases:
//! `LAGESBILD_FUZZ_CASES` (default 128 for `cargo test`; CI sets more).

use lagesbild::web::route_table;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::header::{HeaderName, HeaderValue};

use crate::helpers::csrf_from;
use crate::routes::world;

fn cases() -> u32 {
    std::env::var("LAGESBILD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

const FIELDS: &[&str] = &[
    "period",
    "misuse_type",
    "exploitation_area",
    "document_type",
    "chain_stage",
    "age_band",
    "citizenship",
    "fraud_type",
    "count",
    "trend",
    "reliability",
    "validity",
    "description",
    "comment",
    "decision",
    "title",
    "kind",
    "status",
    "start_on",
    "end_on",
    "agencies",
    "held_on",
    "convener",
    "override_reason",
    "followup",
    "owner",
    "due_on",
    "notes",
    "decisions",
    "agenda",
    "agency",
    "username",
    "password",
    "code",
    "dimension",
    "label_sv",
    "label_en",
    "order",
    "marking",
    "valid_from",
    "valid_to",
    "url",
    "value",
    "unit",
    "series",
    "source",
    "published_on",
    "rows",
    "cols",
    "from",
    "to",
    "disclosure",
    "submit",
    "deadline",
    "next",
    "lines",
    "confirm",
    "by",
    "q",
    "file",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{8,40}",
        "-[0-9]{1,25}",
        Just("2026-Q3".to_string()),
        Just("false_identity".to_string()),
        Just("on".to_string()),
        "[a-zA-Z0-9åäö\\x00 ;,\"'<>&%-]{0,64}",
        "x{4000,6000}",
        Just("1e309".to_string()),
        Just("NaN".to_string()),
    ]
}

fn form_body() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec((proptest::sample::select(FIELDS), value()), 0..12).prop_map(
        |pairs| {
            serde_urlencoded::to_string(&pairs)
                .unwrap_or_default()
                .into_bytes()
        },
    )
}

fn json_body() -> impl Strategy<Value = Vec<u8>> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)),
        value().prop_map(serde_json::Value::from),
    ];
    let tree = leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::vec((proptest::sample::select(FIELDS), inner), 0..8).prop_map(
                |kv| serde_json::Value::Object(
                    kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )
            ),
        ]
    });
    tree.prop_map(|v| serde_json::to_vec(&v).unwrap())
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        any::<Vec<u8>>(),
        form_body(),
        json_body(),
        "[a-z_;,\\n0-9\"]{0,400}".prop_map(String::into_bytes),
    ]
}

/// A raw query string: known and unknown keys, percent-escapes that decode to invalid
/// UTF-8 or NUL, and unescaped noise.
fn query() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        (proptest::sample::select(FIELDS), value())
            .prop_map(|(k, v)| { serde_urlencoded::to_string([(k, v)]).unwrap_or_default() }),
        proptest::collection::vec(any::<u8>(), 0..12).prop_map(|bytes| {
            let v: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            format!("period={v}")
        }),
        "[a-z=&%0-9]{0,20}",
    ];
    proptest::collection::vec(part, 0..5).prop_map(|parts| parts.join("&"))
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("application/x-www-form-urlencoded".into())),
        Just(Some("application/json".into())),
        Just(Some("text/csv".into())),
        Just(Some("multipart/form-data; boundary=xyz".into())),
        Just(Some("multipart/form-data".into())),
        "[ -~]{0,40}".prop_map(Some),
    ]
}

/// A header that may or may not be valid on the wire; invalid ones are skipped.
fn extra_header() -> impl Strategy<Value = (String, Vec<u8>)> {
    (
        prop_oneof![
            Just("accept".to_string()),
            Just("accept-language".to_string()),
            Just("x-csrf-token".to_string()),
            Just("cookie".to_string()),
            Just("authorization".to_string()),
            Just("range".to_string()),
            "x-[a-z]{1,10}",
        ],
        proptest::collection::vec(any::<u8>(), 0..80),
    )
}

/// Replaces a numeric path segment with something else (another id, huge, negative, junk).
fn segment() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some("0".into())),
        1 => Just(Some("-1".into())),
        1 => Just(Some("99999999999999999999999".into())),
        1 => Just(Some("9223372036854775807".into())),
        1 => Just(Some("%00".into())),
        1 => Just(Some("%FF%FE".into())),
        1 => Just(Some("abc".into())),
        1 => Just(Some("..".into())),
    ]
}

#[test]
fn no_input_to_any_route_yields_a_server_error() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let world = rt.block_on(world());
    let analyst = world.clients[2].clone();
    let csrf = rt.block_on(async {
        let page = analyst
            .get(world.app.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        csrf_from(&page)
    });
    let agency_token = rt.block_on(world.app.agency_token("SKV"));
    // Logging out would end the analyst's session for the cases after it.
    let routes: Vec<_> = route_table()
        .into_iter()
        .filter(|r| r.path != "/logout")
        .collect();
    let cases = cases();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..routes.len(),
        any::<bool>(),
        body(),
        query(),
        content_type(),
        proptest::collection::vec(extra_header(), 0..3),
        segment(),
    );
    let sent = std::cell::Cell::new(0u32);
    runner
        .run(
            &strategy,
            |(i, use_token, body, query, ct, headers, seg)| {
                let route = &routes[i];
                let method = reqwest::Method::from_bytes(route.method.as_str().as_bytes()).unwrap();
                let mut path = world.fill(route.path);
                if let Some(seg) = seg {
                    let replaced: Vec<String> = path
                        .split('/')
                        .map(|s| {
                            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                                seg.clone()
                            } else {
                                s.to_string()
                            }
                        })
                        .collect();
                    path = replaced.join("/");
                }
                let mut query = query;
                if !use_token {
                    // The session's token rides in the query so any body reaches the handler.
                    query = format!("csrf_token={csrf}&{query}");
                }
                let sep = if path.contains('?') { '&' } else { '?' };
                let url = format!("{}{path}{sep}{query}", world.app.address);
                let status = rt.block_on(async {
                    let client = if use_token {
                        reqwest::Client::new()
                    } else {
                        analyst.clone()
                    };
                    let mut req = client.request(method.clone(), &url);
                    if use_token {
                        req = req.bearer_auth(&agency_token);
                    }
                    if let Some(ct) = &ct {
                        if let Ok(v) = HeaderValue::from_str(ct) {
                            req = req.header("content-type", v);
                        }
                    }
                    for (name, value) in &headers {
                        if use_token && name == "authorization" {
                            continue;
                        }
                        if let (Ok(n), Ok(v)) = (
                            HeaderName::from_bytes(name.as_bytes()),
                            HeaderValue::from_bytes(value),
                        ) {
                            req = req.header(n, v);
                        }
                    }
                    match req.body(body.clone()).send().await {
                        Ok(r) => r.status().as_u16(),
                        // reqwest refused to send it (e.g. an unparsable URL): not our bug.
                        Err(e) if e.is_builder() => 0,
                        Err(e) => panic!("{method} {url}: {e}"),
                    }
                });
                sent.set(sent.get() + 1);
                if status >= 500 {
                    return Err(TestCaseError::fail(format!(
                        "{method} {url} ({} bytes, content-type {ct:?}, token: {use_token}) answered {status}",
                        body.len()
                    )));
                }
                Ok(())
            },
        )
        .unwrap();
    let sent = sent.get();
    eprintln!(
        "fuzz: {sent} requests over {} routes, none answered 5xx",
        routes.len()
    );
}
