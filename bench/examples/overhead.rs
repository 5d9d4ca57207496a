//! Where the Rust client's per-call time goes: the core alone (static in-memory transport), the
//! reqwest transport with and without a per-request timeout.
use std::sync::Arc;
use std::time::{Duration, Instant};

use zapi_communities::api::Endpoint;
use zapi_communities::{
    BoxFuture, Client, HttpRequest, HttpResponse, RetryPolicy, SendOptions, Transport, TransportError,
};

struct Static;
impl Transport for Static {
    fn send<'a>(&'a self, _: &'a HttpRequest, _: SendOptions) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async { Ok(HttpResponse::new(200, r#"[{"name":"my first community","id":"120363019502650977"}]"#)) })
    }
    fn sleep(&self, _: Duration) -> BoxFuture<'_, ()> {
        Box::pin(async {})
    }
}

#[path = "../src/responder.rs"]
mod responder;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let endpoint = Endpoint::new("B", "t").unwrap().with_client_token("ct");
    let client = Client::builder(endpoint).transport(Arc::new(Static)).retry(RetryPolicy::none()).build().unwrap();
    for _ in 0..3 {
        let start = Instant::now();
        for _ in 0..100_000 {
            client.list_communities(1, 10).await.unwrap();
        }
        println!("core only: {:.2} µs/call", start.elapsed().as_secs_f64() * 1e6 / 100_000.0);
    }
    let addr = responder::start();
    let url = format!("http://{addr}/instances/B/token/t/communities?page=1&pageSize=10");
    let http = reqwest::Client::new();
    for round in 0..3 {
        for timeout in [None, Some(Duration::from_secs(30))] {
            let start = Instant::now();
            for _ in 0..3000 {
                let mut b = http.get(&url).header("Client-Token", "ct");
                if let Some(t) = timeout {
                    b = b.timeout(t);
                }
                let r = b.send().await.unwrap();
                let _ = r.bytes().await.unwrap();
            }
            println!(
                "round {round} reqwest timeout={timeout:?}: {:.1} µs/call",
                start.elapsed().as_secs_f64() * 1e6 / 3000.0
            );
        }
    }
}
