//! The shared fault suite (tests/faults/cases.json): the Rust client against every fault the
//! simulator server can inject. Each case ends in a typed error or a correct result, and the
//! server's log proves how often the request was sent.

#[path = "../../core/tests/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use zapi_communities::sim::SimConfig;
use zapi_communities::{Client, ClientOptions};
use zapi_sim::{FaultRule, SpawnOptions, spawn};

fn cases() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/faults/cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A client for the case, built from options as every binding builds one: its `client`
/// settings, and its `credentials` when it has some.
fn client(base: &str, case: &Value) -> Client {
    let (config, credentials) = (&case["client"], &case["credentials"]);
    let text = |v: &Value, default: &str| Some(v.as_str().unwrap_or(default).to_owned());
    ClientOptions {
        instance_id: Some(SimConfig::DEMO_INSTANCE_ID.to_owned()),
        token: text(&credentials["token"], SimConfig::DEMO_TOKEN),
        client_token: text(&credentials["client_token"], SimConfig::DEMO_CLIENT_TOKEN),
        base_url: Some(base.to_owned()),
        timeout_ms: config["timeout_ms"].as_u64(),
        max_retries: config["max_retries"].as_u64().map(|n| n as u32),
        max_body_bytes: config["max_body_bytes"].as_u64(),
        ..ClientOptions::default()
    }
    .build()
    .unwrap()
}

#[tokio::test]
async fn every_fault_ends_in_a_typed_outcome_and_no_post_is_sent_twice() {
    let server = spawn(SpawnOptions::default()).await.unwrap();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let cases = cases();
    assert!(cases.len() >= 20);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        server.simulator().reset();
        server.faults().clear();
        server.clear_decoy();
        let base = if case["closed_port"] == Value::Bool(true) { closed.clone() } else { server.url() };
        if let Some(rule) = case.get("rule") {
            server.push_fault(serde_json::from_value::<FaultRule>(rule.clone()).unwrap()).unwrap();
        }
        let client = client(&base, case);
        let outcome = tokio::time::timeout(
            Duration::from_secs(20),
            support::dispatch(&client, case["call"].as_str().unwrap(), &case["args"]),
        )
        .await
        .unwrap_or_else(|_| panic!("{name}: the client hung"));
        match (&case["expect"].get("ok"), outcome) {
            (Some(_), Ok(_)) => {}
            (None, Err(error)) => {
                let want = &case["expect"]["error"];
                let got = support::error_json(&error);
                assert!(support::matches_subset(want, &got), "{name}: want {want}, got {error:?}");
            }
            (_, other) => panic!("{name}: unexpected {other:?}"),
        }
        let method = case["method"].as_str().unwrap();
        // Give a request cut by the client's timeout time to be logged.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let sent = server.simulator().requests().iter().filter(|r| r.method.as_str() == method).count();
        assert_eq!(sent, case["requests"].as_u64().unwrap() as usize, "{name}: requests seen by the server");
        if let Some(want) = case.get("decoy_connections") {
            assert_eq!(server.decoy_connections(), want.as_u64().unwrap(), "{name}: connections to the decoy host");
        }
    }
}
