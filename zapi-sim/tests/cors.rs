//! CORS: a page on another localhost origin can call both the instance routes and the control API.

mod common;

use common::start;
use serde_json::json;

fn assert_cors(headers: &reqwest::header::HeaderMap) {
    assert_eq!(headers["access-control-allow-origin"], "*");
    let methods = headers["access-control-allow-methods"].to_str().unwrap();
    for method in ["GET", "POST", "PUT", "DELETE", "OPTIONS"] {
        assert!(methods.contains(method), "{methods}");
    }
    let allowed = headers["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("client-token") && allowed.contains("content-type"), "{allowed}");
}

#[tokio::test]
async fn preflight_is_204_with_cors_headers() {
    let h = start().await;
    let response = h
        .client
        .request(reqwest::Method::OPTIONS, h.instance("/communities"))
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "client-token, content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_cors(response.headers());
    assert!(h.server.simulator().requests().is_empty(), "preflights are not instance calls");
}

#[tokio::test]
async fn every_kind_of_response_carries_cors_headers() {
    let h = start().await;
    let ok = h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap();
    assert_cors(ok.headers());
    let refused = h.client.get(h.instance("/chats?page=1&pageSize=1")).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    assert_cors(refused.headers());
    let control = h.client.get(h.control("state")).send().await.unwrap();
    assert_cors(control.headers());
    h.queue(&json!({ "fault": { "kind": "rate_limit", "retryAfter": 2 } })).await;
    let faulted = h.get("/chats?page=1&pageSize=1").send().await.unwrap();
    assert_eq!(faulted.status(), 429);
    assert_cors(faulted.headers());
    assert!(faulted.headers()["access-control-expose-headers"].to_str().unwrap().contains("Retry-After"));
}
