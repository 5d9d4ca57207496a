//! Instructions per call, for `valgrind --tool=callgrind`: `calls ours N` or `calls raw N` makes N
//! sequential calls of one side of the Rust figures (the client's `list_communities`, or the same
//! request with plain reqwest) against the static responder, on a current-thread runtime;
//! `calls concurrent ours N` (or `raw`) makes them 64 at a time on a two-worker runtime, as the
//! concurrent rows do. Two runs with different N give the per-call count.
use futures_util::StreamExt;

#[path = "../src/responder.rs"]
mod responder;
#[path = "../src/sides.rs"]
mod sides;

/// Calls in flight in the concurrent mode, as in the bench's concurrent rows.
const CONCURRENCY: usize = 64;

fn main() {
    const USAGE: &str = "usage: calls [concurrent] ours|raw N";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (concurrent, side, count) = match &args[..] {
        [mode, side, count] if mode == "concurrent" => (true, side, count),
        [side, count] => (false, side, count),
        _ => panic!("{USAGE}"),
    };
    let ours = match side.as_str() {
        "ours" => true,
        "raw" => false,
        _ => panic!("{USAGE}"),
    };
    let count: usize = count.parse().expect(USAGE);
    let base = format!("http://{}", responder::start());
    let mut builder = if concurrent {
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        builder.worker_threads(2);
        builder
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = builder.enable_all().build().expect("runtime");
    let client = sides::client(&base);
    let http = reqwest::Client::new();
    let url = format!("{base}/instances/BENCH/token/bench-token/communities?page=1&pageSize=10");
    let call = || async {
        if ours {
            sides::our_call(&client).await;
        } else {
            sides::raw_call(&http, &url).await;
        }
    };
    runtime.block_on(async {
        if concurrent {
            futures_util::stream::iter(0..count)
                .map(|_| call())
                .buffer_unordered(CONCURRENCY)
                .for_each(|_| async {})
                .await;
        } else {
            for _ in 0..count {
                call().await;
            }
        }
    });
}
