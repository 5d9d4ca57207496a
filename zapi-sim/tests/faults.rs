//! Each fault as an HTTP client sees it, and the rules around faults (matching, counts, apply).

mod common;

use std::time::{Duration, Instant};

use common::{Harness, read, start};
use serde_json::{Value, json};
use zapi_sim::{Fault, FaultRule};

const CHATS: &str = "/chats?page=1&pageSize=10";

/// A harness with one community, so answers have some body.
async fn with_community() -> Harness {
    let h = start().await;
    h.post_json("/communities", &json!({ "name": "Neighbours" })).send().await.unwrap();
    h
}

async fn normal_chats(h: &Harness) -> String {
    h.get(CHATS).send().await.unwrap().text().await.unwrap()
}

/// Reads chunks until the body fails; returns what arrived and the error (panics if it never fails).
async fn read_until_error(mut response: reqwest::Response) -> (Vec<u8>, reqwest::Error) {
    let mut received = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => received.extend_from_slice(&chunk),
            Ok(None) => panic!("the body ended cleanly after {} bytes", received.len()),
            Err(error) => return (received, error),
        }
    }
}

#[tokio::test]
async fn delay_waits_then_answers_normally() {
    let h = with_community().await;
    let expected = normal_chats(&h).await;
    h.queue(&json!({ "fault": { "kind": "delay", "ms": 300 } })).await;
    let started = Instant::now();
    let response = h.get(CHATS).send().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), expected);
}

#[tokio::test]
async fn delay_trips_a_client_timeout() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "delay", "ms": 2000 } })).await;
    let error = h.get(CHATS).timeout(Duration::from_millis(200)).send().await.unwrap_err();
    assert!(error.is_timeout(), "{error}");
}

#[tokio::test]
async fn status_answers_the_code_with_an_error_body() {
    let h = start().await;
    h.queue(&json!([
        { "fault": { "kind": "status", "status": 503 } },
        { "fault": { "kind": "status", "status": 500, "message": "boom" } },
    ]))
    .await;
    assert_eq!(read(h.get(CHATS).send().await.unwrap()).await, (503, json!({ "error": "Service Unavailable" })));
    assert_eq!(read(h.get(CHATS).send().await.unwrap()).await, (500, json!({ "error": "boom" })));
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 200, "one-shot faults are used up");
}

#[tokio::test]
async fn rate_limit_with_and_without_retry_after() {
    let h = start().await;
    h.queue(&json!([{ "fault": { "kind": "rate_limit", "retryAfter": 7 } }, { "fault": { "kind": "rate_limit" } }]))
        .await;
    let first = h.get(CHATS).send().await.unwrap();
    assert_eq!(first.headers()["retry-after"], "7");
    assert_eq!(read(first).await, (429, json!({ "error": "too many requests" })));
    let second = h.get(CHATS).send().await.unwrap();
    assert_eq!(second.status(), 429);
    assert!(second.headers().get("retry-after").is_none());
}

#[tokio::test]
async fn reset_before_headers_is_a_connection_error() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "reset_before_headers" } })).await;
    let error = h.get(CHATS).send().await.unwrap_err();
    assert!(!error.is_timeout() && error.status().is_none(), "{error}");
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 200, "the server keeps serving");
}

#[tokio::test]
async fn reset_mid_body_sends_headers_then_fails_the_body() {
    let h = with_community().await;
    let expected = normal_chats(&h).await;
    h.queue(&json!({ "fault": { "kind": "reset_mid_body" } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-length"], expected.len().to_string().as_str());
    let (received, error) = read_until_error(response).await;
    assert_eq!(received, expected.as_bytes()[..expected.len() / 2], "the first half arrived");
    assert!(error.is_body() || error.is_decode(), "{error}");
}

#[tokio::test]
async fn truncated_declares_more_than_it_sends() {
    let h = with_community().await;
    let expected = normal_chats(&h).await;
    h.queue(&json!({ "fault": { "kind": "truncated", "missingBytes": 10 } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.headers()["content-length"], (expected.len() + 10).to_string().as_str());
    let (received, error) = read_until_error(response).await;
    assert_eq!(received, expected.as_bytes(), "the whole body arrived, just not the declared length");
    assert!(error.is_body() || error.is_decode(), "{error}");
}

#[tokio::test]
async fn html_is_an_error_page() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "html", "status": 502 } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.status(), 502);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let text = response.text().await.unwrap();
    assert!(text.starts_with("<!DOCTYPE html>") && text.contains("502 Bad Gateway"), "{text}");
}

#[tokio::test]
async fn empty_is_a_status_with_no_body() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "empty", "status": 200 } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-length"], "0");
    assert!(response.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn malformed_is_200_json_that_does_not_parse() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "malformed" } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(serde_json::from_str::<Value>(&response.text().await.unwrap()).is_err());
}

#[tokio::test]
async fn huge_is_valid_json_of_exactly_n_bytes() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "huge", "bytes": 3_000_000 } })).await;
    let response = h.get(CHATS).send().await.unwrap();
    assert_eq!(response.headers()["content-length"], "3000000");
    let body = response.bytes().await.unwrap();
    assert_eq!(body.len(), 3_000_000);
    let value: Value = serde_json::from_slice(&body).unwrap();
    assert!(value["padding"].is_string());
}

#[tokio::test]
async fn wrong_types_changes_every_scalar() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "wrong_types" } })).await;
    let (status, body) = read(h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(body["id"], json!(12345));
    assert_eq!(body["subGroups"][0]["name"], json!(12345));
    assert_eq!(body["subGroups"][0]["isGroupAnnouncement"], json!("maybe"));
    assert!(h.server.simulator().state().communities.is_empty(), "not applied by default");
    let (_, chats) = read(h.get(CHATS).send().await.unwrap()).await;
    assert_eq!(chats, json!([]), "one-shot");
}

#[tokio::test]
async fn wrong_types_on_an_empty_success_is_success_maybe() {
    let h = with_community().await;
    let id = h.server.simulator().state().communities[0].id.clone();
    h.queue(&json!({ "fault": { "kind": "wrong_types" }, "method": "DELETE" })).await;
    let url = h.instance(&format!("/communities/{id}"));
    let response = h.client.delete(url).header("Client-Token", common::CLIENT_TOKEN).send().await.unwrap();
    assert_eq!(read(response).await, (200, json!({ "success": "maybe" })));
}

#[tokio::test]
async fn extra_fields_adds_unknown_keys_to_the_normal_answer() {
    let h = with_community().await;
    h.queue(&json!({ "fault": { "kind": "extra_fields" } })).await;
    let (status, chats) = read(h.get(CHATS).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(chats[0]["simExtra"], json!("an unexpected field"));
    assert_eq!(chats[0]["isGroupAnnouncement"], json!(true), "the normal fields are still there");
    h.queue(&json!({ "fault": { "kind": "extra_fields" } })).await;
    let (_, refused) = read(h.get("/chats").send().await.unwrap()).await;
    assert_eq!(refused["error"], json!("page is required"));
    assert!(refused["simExtraObject"].is_object());
}

#[tokio::test]
async fn slow_body_sends_headers_at_once_and_the_body_slowly() {
    let h = with_community().await;
    let expected = normal_chats(&h).await;
    h.queue(&json!({ "fault": { "kind": "slow_body", "chunkBytes": 100, "intervalMs": 200 } })).await;
    let chunks = u32::try_from(expected.len().div_ceil(100)).unwrap();
    let dribble = Duration::from_millis(200) * chunks;
    let started = Instant::now();
    let response = h.get(CHATS).send().await.unwrap();
    let headers_after = started.elapsed();
    let body = response.text().await.unwrap();
    assert!(headers_after < dribble / 2, "headers took {headers_after:?}, the body needs {dribble:?}");
    assert!(started.elapsed() >= dribble);
    assert_eq!(body, expected);
}

#[tokio::test]
async fn slow_body_trips_a_client_timeout() {
    let h = with_community().await;
    h.queue(&json!({ "fault": { "kind": "slow_body", "chunkBytes": 1, "intervalMs": 200 } })).await;
    let response = h.get(CHATS).timeout(Duration::from_millis(500)).send().await.unwrap();
    let error = response.bytes().await.unwrap_err();
    assert!(error.is_timeout() || error.is_body(), "{error}");
}

#[tokio::test]
async fn a_faulted_post_is_not_applied_unless_asked() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "status", "status": 504 } })).await;
    assert_eq!(h.post_json("/communities", &json!({ "name": "Lost" })).send().await.unwrap().status(), 504);
    assert!(h.server.simulator().state().communities.is_empty());

    h.queue(&json!({ "fault": { "kind": "reset_before_headers" }, "apply": true })).await;
    assert!(h.post_json("/communities", &json!({ "name": "Applied" })).send().await.is_err());
    assert_eq!(h.server.simulator().state().communities[0].name, "Applied");

    let log = h.log().await;
    assert_eq!(log.len(), 2, "faulted requests are logged too");
    assert_eq!((log[0]["fault"].clone(), log[0]["applied"].clone()), (json!("status"), json!(false)));
    assert_eq!((log[1]["fault"].clone(), log[1]["applied"].clone()), (json!("reset_before_headers"), json!(true)));
}

#[tokio::test]
async fn delay_with_apply_changes_the_state_even_if_the_client_gave_up() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "delay", "ms": 1000 }, "apply": true })).await;
    let error =
        h.post_json("/communities", &json!({ "name": "Late" })).timeout(Duration::from_millis(100)).send().await;
    assert!(error.unwrap_err().is_timeout());
    assert_eq!(h.server.simulator().state().communities.len(), 1);
}

#[tokio::test]
async fn rules_match_on_method_and_path_prefix_and_count_down() {
    let h = start().await;
    h.queue(&json!({ "fault": { "kind": "status", "status": 500 }, "times": 2, "method": "post", "pathPrefix": "/send-text" }))
        .await;
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 200, "GET does not match");
    assert_eq!(h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap().status(), 200);
    let text = json!({ "phone": "5511999999999", "message": "hi" });
    assert_eq!(h.post_json("/send-text", &text).send().await.unwrap().status(), 500);
    assert_eq!(h.control_json("faults").await[0]["times"], json!(1));
    assert_eq!(h.post_json("/send-text", &text).send().await.unwrap().status(), 500);
    assert_eq!(h.post_json("/send-text", &text).send().await.unwrap().status(), 200);
    assert_eq!(h.server.simulator().messages().len(), 1, "only the unfaulted send was applied");
}

#[tokio::test]
async fn faults_can_be_queued_from_rust() {
    let h = start().await;
    let rule = FaultRule::once(Fault::RateLimit { retry_after: Some(1) }).times(2).method("GET").path_prefix("/chats");
    h.server.push_fault(rule.clone()).unwrap();
    assert_eq!(h.server.faults().pending(), vec![rule]);
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 429);
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 429);
    assert_eq!(h.get(CHATS).send().await.unwrap().status(), 200);
    assert!(h.server.push_fault(FaultRule::once(Fault::Empty { status: 42 })).is_err());
}

#[test]
fn fault_rules_serialize_to_the_documented_json() {
    let rule = FaultRule::once(Fault::SlowBody { chunk_bytes: 8, interval_ms: 100 }).apply(true);
    assert_eq!(
        serde_json::to_value(&rule).unwrap(),
        json!({ "fault": { "kind": "slow_body", "chunkBytes": 8, "intervalMs": 100 }, "times": 1, "apply": true })
    );
    let parsed: FaultRule = serde_json::from_value(json!({ "fault": { "kind": "truncated" } })).unwrap();
    assert_eq!(parsed, FaultRule::once(Fault::Truncated { missing_bytes: 16 }));
    let parsed: FaultRule =
        serde_json::from_value(json!({ "fault": { "kind": "reset_mid_body" }, "pathPrefix": "/x" })).unwrap();
    assert_eq!(parsed.path_prefix.as_deref(), Some("/x"));
}

#[tokio::test]
async fn respond_sends_the_canned_answer_byte_for_byte() {
    let server = zapi_sim::spawn(zapi_sim::SpawnOptions::default()).await.unwrap();
    let rule: zapi_sim::FaultRule = serde_json::from_str(
        r#"{"fault":{"kind":"respond","status":429,"headers":{"Retry-After":"7"},"body":"{\"error\":\"slow down\"}"},"times":1}"#,
    )
    .unwrap();
    server.push_fault(rule).unwrap();
    let url = format!("{}/chats?page=1&pageSize=2", server.instance_url());
    let response = reqwest::Client::new().get(url).header("Client-Token", "sim-client-token").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(response.text().await.unwrap(), r#"{"error":"slow down"}"#);
}

#[tokio::test]
async fn redirect_points_at_the_decoy_with_the_whole_path_and_the_decoy_counts_followers() {
    let h = start().await;
    let decoy = h.control_json("decoy").await;
    let decoy_url = decoy["url"].as_str().unwrap().to_owned();
    assert!(decoy_url.starts_with("http://127.0.0."), "{decoy_url}");
    assert_ne!(decoy_url, h.server.url());
    assert_eq!(decoy["connections"], 0);
    h.queue(&json!({ "fault": { "kind": "redirect", "status": 307 } })).await;
    // The harness client follows redirects (reqwest's default): this one does not.
    let plain = reqwest::Client::builder().no_proxy().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response =
        plain.get(h.instance("/communities?page=1&pageSize=2")).header("Client-Token", "x").send().await.unwrap();
    assert_eq!(response.status(), 307);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(&format!("{decoy_url}/instances/")), "{location}");
    assert!(location.ends_with("/communities?page=1&pageSize=2"), "{location}");
    assert_eq!(h.server.decoy_connections(), 0, "not following leaves the decoy alone");
    // A client that follows redirects ends up at the decoy, which counts it and answers nothing.
    h.queue(&json!({ "fault": { "kind": "redirect", "status": 302 } })).await;
    assert!(h.get(CHATS).send().await.is_err(), "the decoy closes the connection");
    assert!(h.server.decoy_connections() >= 1);
    assert!(h.control_json("decoy").await["connections"].as_u64().unwrap() >= 1);
    let cleared = h.client.delete(h.control("decoy")).send().await.unwrap();
    assert_eq!(cleared.status(), 204);
    assert_eq!(h.server.decoy_connections(), 0);
}

#[tokio::test]
async fn redirect_statuses_outside_3xx_are_refused() {
    let h = start().await;
    let response = h
        .client
        .post(h.control("faults"))
        .body(json!({ "fault": { "kind": "redirect", "status": 200 } }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn a_prefix_with_a_query_matches_that_page_only() {
    let h = with_community().await;
    h.queue(&json!({
        "fault": { "kind": "respond", "status": 200, "body": "[]" },
        "times": 5,
        "pathPrefix": "/chats?page=2&pageSize=10"
    }))
    .await;
    let first = h.get(CHATS).send().await.unwrap().text().await.unwrap();
    assert_ne!(first, "[]", "page 1 is not faulted");
    let second = h.get("/chats?page=2&pageSize=10").send().await.unwrap().text().await.unwrap();
    assert_eq!(second, "[]");
    let other = h.get("/chats?page=2&pageSize=100").send().await.unwrap();
    assert_eq!(other.status(), 200);
    assert_eq!(h.control_json("faults").await[0]["times"], 4, "only the exact page used the rule");
}
