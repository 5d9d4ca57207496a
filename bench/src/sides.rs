//! The two sides of the per-call figures: the client as the benchmark builds it, and the same
//! request made with plain reqwest, as a hand-written caller would.

use std::time::Duration;

use serde::Deserialize;
use zapi_communities::api::Endpoint;
use zapi_communities::{Client, RetryPolicy};

/// What a hand-written reqwest caller would deserialize.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Item {
    id: String,
    name: String,
}

/// The client against `base`, without retries (nothing here fails).
pub fn client(base: &str) -> Client {
    let endpoint = Endpoint::new("BENCH", "bench-token").unwrap().with_base_url(base).unwrap().with_client_token("ct");
    Client::builder(endpoint).retry(RetryPolicy::none()).build().unwrap()
}

/// One call of the client's `list_communities`, the side the figures measure.
pub async fn our_call(client: &Client) {
    assert_eq!(client.list_communities(1, 10).await.expect("a list").len(), 1);
}

/// One `GET` of the community list with plain reqwest, read as a hand-written caller would.
pub async fn raw_call(http: &reqwest::Client, url: &str) {
    // With a timeout, as any production caller needs (and as the client always sets).
    let response = http
        .get(url)
        .timeout(Duration::from_secs(30))
        .header("Client-Token", "ct")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    let items: Vec<Item> = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(items.len(), 1);
}
