//! Instructions per call, for `valgrind --tool=callgrind`: `calls ours N` or `calls raw N` makes N
//! sequential calls of one side of the Rust figures (the client's `list_communities`, or the same
//! request with plain reqwest) against the static responder, on a current-thread runtime. Two runs
//! with different N give the per-call count.
#[path = "../src/responder.rs"]
mod responder;
#[path = "../src/sides.rs"]
mod sides;

fn main() {
    let side = std::env::args().nth(1).unwrap_or_default();
    let count: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let base = format!("http://{}", responder::start());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let client = sides::client(&base);
        let http = reqwest::Client::new();
        let url = format!("{base}/instances/BENCH/token/bench-token/communities?page=1&pageSize=10");
        for _ in 0..count {
            if side == "ours" {
                assert_eq!(client.list_communities(1, 10).await.expect("a list").len(), 1);
            } else {
                sides::raw_call(&http, &url).await;
            }
        }
    });
}
