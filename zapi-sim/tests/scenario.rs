//! The shared scenario (tests/scenario/story.json) played by the Rust client over real HTTP
//! against the simulator server; the server's final log and state go to
//! target/scenario/rust.json for the cross-language comparison.

#[path = "../../core/tests/support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use zapi_communities::Client;
use zapi_communities::api::Endpoint;
use zapi_communities::sim::SimConfig;
use zapi_sim::{SpawnOptions, spawn};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Replaces `$name` strings (also inside arrays and objects) with saved values.
fn substitute(value: &Value, saved: &HashMap<String, Value>) -> Value {
    match value {
        Value::String(s) if s.starts_with('$') => saved.get(&s[1..]).cloned().unwrap_or_else(|| panic!("unknown {s}")),
        Value::Array(items) => Value::Array(items.iter().map(|v| substitute(v, saved)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), substitute(v, saved))).collect()),
        other => other.clone(),
    }
}

#[tokio::test]
async fn the_shared_story_ends_in_the_shared_state() {
    let story: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/scenario/story.json")).unwrap()).unwrap();
    let server = spawn(SpawnOptions::default()).await.unwrap();
    let demo = SimConfig::demo();
    let endpoint = Endpoint::new(demo.instance_id, demo.token.expose())
        .unwrap()
        .with_base_url(&server.url())
        .unwrap()
        .with_client_token(zapi_communities::sim::SimConfig::DEMO_CLIENT_TOKEN);
    let client = Client::builder(endpoint).build().unwrap();
    let http = reqwest::Client::new();
    let loaded =
        http.post(format!("{}/__sim/reset", server.url())).body(story["fixture"].to_string()).send().await.unwrap();
    assert_eq!(loaded.status(), 200, "the story's fixture");

    let mut saved = HashMap::new();
    for (i, step) in story["steps"].as_array().unwrap().iter().enumerate() {
        let call = step["call"].as_str().unwrap();
        let args = substitute(&step["args"], &saved);
        let result = support::dispatch(&client, call, &args).await.unwrap_or_else(|e| panic!("step {i} {call}: {e}"));
        if let Some(expect) = step.get("expect") {
            let expect = substitute(expect, &saved);
            assert!(support::matches_subset(&expect, &result), "step {i} {call}: want {expect}, got {result}");
        }
        if let Some(save) = step["save"].as_object() {
            for (name, key) in save {
                saved.insert(name.clone(), result[key.as_str().unwrap()].clone());
            }
        }
    }

    let requests: Value =
        http.get(format!("{}/__sim/requests", server.url())).send().await.unwrap().json().await.unwrap();
    let state: Value = http.get(format!("{}/__sim/state", server.url())).send().await.unwrap().json().await.unwrap();
    let log: Vec<Value> = requests
        .as_array()
        .or_else(|| requests["requests"].as_array())
        .expect("a request list")
        .iter()
        .map(|r| {
            let body = r["body"].as_str().map(|b| serde_json::from_str(b).unwrap_or(json!(b))).unwrap_or(Value::Null);
            json!({"method": r["method"], "path": r["path"], "query": r["query"], "body": body})
        })
        .collect();
    // Every step but `invalidate` (client-side only) sends at least one request.
    assert!(log.len() >= story["steps"].as_array().unwrap().len() - 1, "{} requests", log.len());
    let out = root().join("target/scenario");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("rust.json"),
        serde_json::to_string_pretty(&json!({"requests": log, "state": state})).unwrap(),
    )
    .unwrap();
}
