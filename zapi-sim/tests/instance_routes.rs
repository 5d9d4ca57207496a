//! The instance routes over real HTTP: a happy path, authentication and routing refusals.

mod common;

use common::{CLIENT_TOKEN, read, start};
use serde_json::json;

#[tokio::test]
async fn create_then_read_a_community_over_http() {
    let h = start().await;
    let (status, created) =
        read(h.post_json("/communities", &json!({ "name": "Neighbours" })).send().await.unwrap()).await;
    assert_eq!(status, 200);
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["subGroups"][0]["isGroupAnnouncement"], json!(true));
    let response = h.get(&format!("/communities-metadata/{id}")).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/json");
    let (status, meta) = read(response).await;
    assert_eq!((status, meta["name"].clone()), (200, json!("Neighbours")));
    assert_eq!(h.server.simulator().state().communities.len(), 1, "the Rust handle sees the same state");
}

#[tokio::test]
async fn query_parameters_reach_the_simulator_decoded() {
    let h = start().await;
    let (status, body) = read(h.get("/chats?page=1&pageSize=x%20y").send().await.unwrap()).await;
    assert_eq!((status, body), (400, json!({ "error": "pageSize must be a whole number of at least 1" })));
    let (status, body) = read(h.get("/chats?page=1&pageSize=10").send().await.unwrap()).await;
    assert_eq!((status, body), (200, json!([])));
}

#[tokio::test]
async fn wrong_token_is_401_and_the_token_is_not_echoed() {
    let h = start().await;
    let url = format!("{}/instances/SIM-INSTANCE/token/canary-token/chats?page=1&pageSize=1", h.server.url());
    let response = h.client.get(url).header("Client-Token", CLIENT_TOKEN).send().await.unwrap();
    assert_eq!(response.status(), 401);
    let text = response.text().await.unwrap();
    assert_eq!(text, r#"{"error":"instance not found or invalid token"}"#);
}

#[tokio::test]
async fn missing_client_token_is_null_not_allowed() {
    let h = start().await;
    let response = h.client.get(h.instance("/chats?page=1&pageSize=1")).send().await.unwrap();
    assert_eq!(read(response).await, (403, json!({ "error": "null not allowed" })));
}

#[tokio::test]
async fn routing_refusals() {
    let h = start().await;
    assert_eq!(read(h.get("/nope").send().await.unwrap()).await, (404, json!({ "error": "route not found" })));
    let response = h.get("/communities/link").send().await.unwrap();
    assert_eq!(response.headers()["allow"], "POST");
    assert_eq!(read(response).await, (405, json!({ "error": "method not allowed" })));
    let put = h.client.put(h.instance("/communities")).header("Client-Token", CLIENT_TOKEN).send().await.unwrap();
    assert_eq!(put.status(), 405);
    let outside = h.client.get(format!("{}/elsewhere", h.server.url())).send().await.unwrap();
    assert_eq!(read(outside).await, (404, json!({ "error": "route not found" })));
}

#[tokio::test]
async fn json_without_content_type_is_415() {
    let h = start().await;
    let response = h
        .client
        .post(h.instance("/communities"))
        .header("Client-Token", CLIENT_TOKEN)
        .body(r#"{"name":"X"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(h.server.simulator().state().communities.is_empty());
}

#[tokio::test]
async fn deactivate_is_an_empty_200() {
    let h = start().await;
    let (_, created) = read(h.post_json("/communities", &json!({ "name": "N" })).send().await.unwrap()).await;
    let url = h.instance(&format!("/communities/{}", created["id"].as_str().unwrap()));
    let response = h.client.delete(url).header("Client-Token", CLIENT_TOKEN).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-length"], "0");
    assert!(response.bytes().await.unwrap().is_empty());
}
