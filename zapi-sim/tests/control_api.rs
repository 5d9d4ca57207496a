//! The `/__sim/` control API over real HTTP.

mod common;

use common::{read, start};
use serde_json::json;

#[tokio::test]
async fn requests_lists_the_log_without_secrets_and_delete_clears_it() {
    let h = start().await;
    h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap();
    h.get("/chats?page=2&pageSize=5").send().await.unwrap();
    let log = h.log().await;
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["method"], json!("POST"));
    assert_eq!(log[0]["path"], json!("/communities"));
    assert_eq!(log[0]["body"], json!(r#"{"name":"N"}"#));
    assert_eq!(log[0]["status"], json!(200));
    assert_eq!((log[0]["fault"].clone(), log[0]["applied"].clone()), (json!(null), json!(true)));
    assert_eq!(log[1]["query"], json!([["page", "2"], ["pageSize", "5"]]));
    let raw = serde_json::to_string(&log).unwrap();
    assert!(!raw.contains("sim-token") && !raw.contains("sim-client-token"), "{raw}");

    let cleared = h.client.delete(h.control("requests")).send().await.unwrap();
    assert_eq!(cleared.status(), 204);
    assert!(h.log().await.is_empty());
}

#[tokio::test]
async fn state_returns_the_snapshot() {
    let h = start().await;
    h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap();
    let state = h.control_json("state").await;
    assert_eq!(state["communities"][0]["name"], json!("N"));
    assert_eq!(state["connectedPhone"], json!("5511900000000"));
    assert_eq!(state, serde_json::from_str::<serde_json::Value>(&h.server.simulator().snapshot_json()).unwrap());
}

#[tokio::test]
async fn reset_without_body_restores_the_initial_state_and_clears_log_and_faults() {
    let h = start().await;
    h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap();
    h.queue(&json!({ "fault": { "kind": "malformed" } })).await;
    let response = h.client.post(h.control("reset")).send().await.unwrap();
    assert_eq!(read(response).await, (200, json!({ "reset": true })));
    assert_eq!(h.control_json("state").await["communities"], json!([]));
    assert!(h.log().await.is_empty());
    assert_eq!(h.control_json("faults").await, json!([]));
}

#[tokio::test]
async fn reset_with_a_fixture_loads_it() {
    let h = start().await;
    let fixture = json!({
        "groups": [{ "phone": "120363111100000001-group", "name": "From fixture", "participants": [{ "phone": "5511900000000", "isAdmin": true }] }],
    });
    let response = h.client.post(h.control("reset")).body(fixture.to_string()).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let (status, meta) = read(h.get("/group-metadata/120363111100000001-group").send().await.unwrap()).await;
    assert_eq!((status, meta["subject"].clone()), (200, json!("From fixture")));
}

#[tokio::test]
async fn reset_with_an_invalid_fixture_is_400_and_changes_nothing() {
    let h = start().await;
    h.post_json("/communities", &json!({ "name": "Kept" })).send().await.unwrap();
    let response = h.client.post(h.control("reset")).body(r#"{"communities": 3}"#).send().await.unwrap();
    let (status, body) = read(response).await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("fixture"), "{body}");
    assert_eq!(h.control_json("state").await["communities"][0]["name"], json!("Kept"));
}

#[tokio::test]
async fn someone_following_an_invitation_link_asks_to_join_where_approval_is_required() {
    let h = start().await;
    let fixture = json!({
        "groups": [{ "phone": "120363111100000001-group", "name": "Bakery", "requireAdminApproval": true,
            "invitationLink": "https://chat.whatsapp.com/BakeryLink0001",
            "participants": [{ "phone": "5511900000000", "isAdmin": true }] }],
    });
    h.client.post(h.control("reset")).body(fixture.to_string()).send().await.unwrap();
    let join = |body: serde_json::Value| h.client.post(h.control("invite-joins")).body(body.to_string()).send();
    let answer =
        join(json!({ "link": "https://chat.whatsapp.com/BakeryLink0001", "phone": "5511922222222" })).await.unwrap();
    assert_eq!(read(answer).await, (200, json!({ "result": "requested" })));
    assert_eq!(h.control_json("state").await["groups"][0]["pendingRequests"], json!(["5511922222222"]));
    let (status, body) = read(join(json!({ "link": "NoSuchLink0001", "phone": "5511922222222" })).await.unwrap()).await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("link"), "{body}");
    let (status, _) = read(join(json!({ "phone": "5511922222222" })).await.unwrap()).await;
    assert_eq!(status, 400);
    assert!(h.log().await.is_empty(), "a control request is not a request of the service");
}

#[tokio::test]
async fn faults_can_be_queued_listed_and_cleared() {
    let h = start().await;
    let one = json!({ "fault": { "kind": "status", "status": 503 }, "times": 2, "method": "POST", "pathPrefix": "/send-text" });
    let response = h.client.post(h.control("faults")).body(one.to_string()).send().await.unwrap();
    assert_eq!(read(response).await, (200, json!({ "queued": 1, "pending": 1 })));
    let many = json!([{ "fault": { "kind": "delay", "ms": 5 } }, { "fault": { "kind": "empty", "status": 502 }, "apply": true }]);
    let response = h.client.post(h.control("faults")).body(many.to_string()).send().await.unwrap();
    assert_eq!(read(response).await, (200, json!({ "queued": 2, "pending": 3 })));
    assert_eq!(
        h.control_json("faults").await,
        json!([
            { "fault": { "kind": "status", "status": 503 }, "times": 2, "method": "POST", "pathPrefix": "/send-text", "apply": false },
            { "fault": { "kind": "delay", "ms": 5 }, "times": 1, "apply": false },
            { "fault": { "kind": "empty", "status": 502 }, "times": 1, "apply": true },
        ])
    );
    assert_eq!(h.client.delete(h.control("faults")).send().await.unwrap().status(), 204);
    assert_eq!(h.control_json("faults").await, json!([]));
}

#[tokio::test]
async fn invalid_fault_rules_are_400_and_queue_nothing() {
    let h = start().await;
    let bad = [
        json!({ "fault": { "kind": "explode" } }),
        json!({ "fault": { "kind": "status", "status": 503, "sttaus": 1 } }),
        json!({ "fault": { "kind": "status", "status": 99 } }),
        json!({ "fault": { "kind": "delay", "ms": 5 }, "times": 0 }),
        json!({ "fault": { "kind": "delay", "ms": 5 }, "tiems": 2 }),
        json!([{ "fault": { "kind": "malformed" } }, { "fault": { "kind": "huge", "bytes": 1_000_000_000_u64 } }]),
    ];
    for rule in bad {
        let response = h.client.post(h.control("faults")).body(rule.to_string()).send().await.unwrap();
        let (status, body) = read(response).await;
        assert_eq!(status, 400, "{rule} → {body}");
        assert!(body["error"].as_str().unwrap().contains("fault"), "{body}");
    }
    let response = h.client.post(h.control("faults")).body("not json").send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(h.control_json("faults").await, json!([]));
}

#[tokio::test]
async fn unknown_control_endpoints_and_methods() {
    let h = start().await;
    let response = h.client.get(h.control("nope")).send().await.unwrap();
    assert_eq!(read(response).await, (404, json!({ "error": "unknown control endpoint" })));
    let response = h.client.delete(h.control("state")).send().await.unwrap();
    assert_eq!(read(response).await, (405, json!({ "error": "method not allowed" })));
    let response = h.client.get(h.control("reset")).send().await.unwrap();
    assert_eq!(response.status(), 405);
}
