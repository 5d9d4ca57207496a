//! `zapi-bench`: the Rust figures of BENCHMARKS.md, measured side by side in one run and printed
//! as ratios (run by `bench/run.sh`; not part of the test run).
//!
//! Each figure is the median of several rounds after a warm-up, with the spread (min–max).

mod bulk;
mod chats;
mod responder;
mod sides;
mod stats;
mod webhooks;

use std::process::Command;
use std::time::Instant;

use futures_util::StreamExt;
use sides::{client, raw_call};
use stats::{Summary, micros_per_op};
use zapi_communities::Client;

const ROUNDS: usize = 5;
const SEQUENTIAL_CALLS: usize = 2_000;
const CONCURRENT_CALLS: usize = 10_000;
const CONCURRENCY: usize = 64;

async fn sequential_ours(client: &Client, n: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        assert_eq!(client.list_communities(1, 10).await.unwrap().len(), 1);
    }
    micros_per_op(start.elapsed(), n)
}

async fn sequential_raw(http: &reqwest::Client, url: &str, n: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        raw_call(http, url).await;
    }
    micros_per_op(start.elapsed(), n)
}

async fn concurrent_ours(client: &Client, n: usize) -> f64 {
    let start = Instant::now();
    futures_util::stream::iter(0..n)
        .map(|_| {
            let client = client.clone();
            async move { client.list_communities(1, 10).await.unwrap() }
        })
        .buffer_unordered(CONCURRENCY)
        .for_each(|_| async {})
        .await;
    n as f64 / start.elapsed().as_secs_f64()
}

async fn concurrent_raw(http: &reqwest::Client, url: &str, n: usize) -> f64 {
    let start = Instant::now();
    futures_util::stream::iter(0..n)
        .map(|_| raw_call(http, url))
        .buffer_unordered(CONCURRENCY)
        .for_each(|_| async {})
        .await;
    n as f64 / start.elapsed().as_secs_f64()
}

/// The sequential figures again on a current-thread runtime (a thread of its own), where the
/// request future, hyper's connection task and the I/O driver share one thread: no cross-thread
/// wake-up per request, which is most of what separates a tokio client from `wrk` on loopback.
fn sequential_on_current_thread(base: &str, url: &str) -> (Summary, Summary) {
    let (base, url) = (base.to_owned(), url.to_owned());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async {
            let ours = client(&base);
            let http = reqwest::Client::new();
            sequential_ours(&ours, 300).await;
            sequential_raw(&http, &url, 300).await;
            let (mut a, mut b) = (vec![], vec![]);
            for _ in 0..ROUNDS {
                a.push(sequential_ours(&ours, SEQUENTIAL_CALLS).await);
                b.push(sequential_raw(&http, &url, SEQUENTIAL_CALLS).await);
            }
            (Summary::of(a), Summary::of(b))
        })
    })
    .join()
    .expect("current-thread run")
}

/// `wrk`'s requests per second for `connections` connections, if wrk is installed.
fn wrk(url: &str, connections: usize) -> Option<f64> {
    let threads = connections.clamp(1, 2).to_string();
    let output =
        Command::new("wrk").args(["-t", &threads, "-c", &connections.to_string(), "-d", "3s", url]).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines().find_map(|l| l.strip_prefix("Requests/sec:")).and_then(|v| v.trim().parse().ok())
}

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "missed" }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let addr = responder::start();
    let base = format!("http://{addr}");
    let url = format!("{base}/instances/BENCH/token/bench-token/communities?page=1&pageSize=10");
    let ours = client(&base);
    let http = reqwest::Client::new();

    // Warm-up: connections, allocator, branch predictors.
    sequential_ours(&ours, 300).await;
    sequential_raw(&http, &url, 300).await;

    let (mut seq_ours, mut seq_raw, mut con_ours, mut con_raw) = (vec![], vec![], vec![], vec![]);
    for _ in 0..ROUNDS {
        seq_ours.push(sequential_ours(&ours, SEQUENTIAL_CALLS).await);
        seq_raw.push(sequential_raw(&http, &url, SEQUENTIAL_CALLS).await);
        con_ours.push(concurrent_ours(&ours, CONCURRENT_CALLS).await);
        con_raw.push(concurrent_raw(&http, &url, CONCURRENT_CALLS).await);
    }
    let (seq_ours, seq_raw) = (Summary::of(seq_ours), Summary::of(seq_raw));
    let (con_ours, con_raw) = (Summary::of(con_ours), Summary::of(con_raw));
    let (seq_local_ours, seq_local_raw) = sequential_on_current_thread(&base, &url);
    let limit_c1 = wrk(&url, 1).map(|rps| 1e6 / rps);
    let limit_c64 = wrk(&url, CONCURRENCY);

    // Memory: RSS after 10,000 more calls, twice, to see a trend.
    let rss0 = rss_kib();
    sequential_ours(&ours, 10_000).await;
    let rss1 = rss_kib();
    sequential_ours(&ours, 10_000).await;
    let rss2 = rss_kib();

    let (events_ours, events_by_hand) = webhooks::bench(ROUNDS, 200_000);
    // Run by bench/run.sh with a zapi-sim; without one the row says so.
    let bulk = match std::env::var("ZAPI_BENCH_SIM_URL") {
        Ok(url) => Some(bulk::bench(&url).await),
        Err(_) => None,
    };
    let chat_json = chats::chat_list_json(100_000);
    let (scan_ours, scan_generic, found) = chats::bench(&chat_json, ROUNDS);

    println!(
        "### Rust client (loopback, static responder, {} cores)\n",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    println!("| figure | ours | alternative | ratio | target |");
    println!("|---|---|---|---|---|");
    let r = seq_ours.median / seq_raw.median;
    println!(
        "| sequential `list_communities`, µs/call | {} | raw reqwest + timeout {} | {r:.2}× | ≤1.05× ({}) |",
        seq_ours.show("µs"),
        seq_raw.show("µs"),
        verdict(r <= 1.05)
    );
    if let Some(limit) = limit_c1 {
        let r = seq_ours.median / limit;
        println!(
            "| sequential vs loopback limit | {} | wrk -c1 {limit:.1} µs | {r:.2}× | ≤1.5× ({}) |",
            seq_ours.show("µs"),
            verdict(r <= 1.5)
        );
    } else {
        println!("| sequential vs loopback limit | {} | wrk not installed | – | ≤1.5× |", seq_ours.show("µs"));
    }
    let r = seq_local_ours.median / seq_local_raw.median;
    println!(
        "| sequential, current-thread runtime, µs/call | {} | raw reqwest + timeout {} | {r:.2}× | ≤1.05× ({}) |",
        seq_local_ours.show("µs"),
        seq_local_raw.show("µs"),
        verdict(r <= 1.05)
    );
    if let Some(limit) = limit_c1 {
        let r = seq_local_ours.median / limit;
        println!(
            "| sequential, current-thread runtime, vs loopback limit | {} | wrk -c1 {limit:.1} µs | {r:.2}× | ≤1.5× ({}) |",
            seq_local_ours.show("µs"),
            verdict(r <= 1.5)
        );
    }
    let r = con_raw.median / con_ours.median;
    println!(
        "| concurrency {CONCURRENCY}, req/s | {} | raw reqwest + timeout {} | {r:.2}× time | ≤1.05× ({}) |",
        con_ours.show("req/s"),
        con_raw.show("req/s"),
        verdict(r <= 1.05)
    );
    if let Some(limit) = limit_c64 {
        let r = limit / con_ours.median;
        println!(
            "| concurrency {CONCURRENCY} vs loopback limit | {} | wrk -c64 {limit:.0} req/s | {r:.2}× time | ≤1.2× ({}) |",
            con_ours.show("req/s"),
            verdict(r <= 1.2)
        );
    }
    let r = scan_generic.median / scan_ours.median;
    println!(
        "| announcement groups in 100,000 chats ({:.1} MB, {found} found), ms | {} | serde_json::Value + filter {} | {r:.2}× faster | – |",
        chat_json.len() as f64 / 1e6,
        scan_ours.show("ms"),
        scan_generic.show("ms")
    );
    let r = events_ours.median / events_by_hand.median;
    println!(
        "| webhook events, a typical received message, per second on one core | {} | serde_json::Value + the same fields {} | {r:.2}× faster | ≥1 M/s ({}) |",
        events_ours.show("events/s"),
        events_by_hand.show("events/s"),
        verdict(events_ours.median >= 1e6)
    );
    match bulk {
        Some(b) => {
            let chunks = bulk::NUMBERS.div_ceil(bulk::CHUNK as usize);
            println!(
                "| bulk add of {} numbers on `zapi-sim`, chunks of {}, no pause | {} POSTs + {} metadata reads + {} other, {} done in {:.0} ms | ⌈n/chunk⌉ = {chunks} POSTs + {} reads | – | POSTs = ⌈n/chunk⌉, one read before and one per chunk ({}) |",
                bulk::NUMBERS,
                bulk::CHUNK,
                b.posts,
                b.metadata_reads,
                b.other,
                b.done,
                b.millis,
                chunks + 1,
                verdict(b.complete && b.posts == chunks && b.metadata_reads == chunks + 1 && b.done == bulk::NUMBERS)
            );
        }
        None => println!("| bulk add on `zapi-sim` | ZAPI_BENCH_SIM_URL not set | – | – | – |"),
    }
    if let (Some(a), Some(b), Some(c)) = (rss0, rss1, rss2) {
        let growth = b.saturating_sub(a) as f64 / 1024.0;
        let trend = c.saturating_sub(b) as f64 / 1024.0;
        println!(
            "| RSS growth after 10,000 calls (then 10,000 more) | {growth:.2} MB (then {trend:.2} MB) | – | – | ≤10 MB, no trend ({}) |",
            verdict(growth <= 10.0 && trend <= growth.max(0.5))
        );
    }
}
