//! Instructions per call, for `valgrind --tool=callgrind`: `calls ours N` or `calls raw N` makes N
//! sequential `list_communities` calls (or the same request with plain reqwest) against the static
//! responder, on a current-thread runtime. Two runs with different N give the per-call count.
use std::time::Duration;

use zapi_communities::Client;
use zapi_communities::api::Endpoint;

#[path = "../src/responder.rs"]
mod responder;

fn main() {
    let side = std::env::args().nth(1).unwrap_or_default();
    let count: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let addr = responder::start();
    let base = format!("http://{addr}");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let endpoint =
            Endpoint::new("B", "t").and_then(|e| e.with_base_url(&base)).expect("endpoint").with_client_token("ct");
        let client = Client::builder(endpoint).allow_insecure_http(true).build().expect("client");
        let http = reqwest::Client::new();
        let url = format!("{base}/instances/B/token/t/communities?page=1&pageSize=10");
        for _ in 0..count {
            if side == "ours" {
                assert_eq!(client.list_communities(1, 10).await.expect("a list").len(), 1);
            } else {
                let response = http
                    .get(&url)
                    .timeout(Duration::from_secs(30))
                    .header("Client-Token", "ct")
                    .header("Accept", "application/json")
                    .send()
                    .await
                    .expect("an answer");
                let items: serde_json::Value =
                    serde_json::from_slice(&response.bytes().await.expect("a body")).expect("JSON");
                assert_eq!(items.as_array().map(Vec::len), Some(1));
            }
        }
    });
}
