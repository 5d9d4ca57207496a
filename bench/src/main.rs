//! `zapi-bench`: the Rust figures of BENCHMARKS.md, measured side by side in one run and printed
//! as ratios (run by `bench/run.sh`; not part of the test run).
//!
//! Each figure is the median of several rounds after a warm-up, with the spread (min–max). Within
//! a round the two sides of a per-call figure take turns, and its ratio is the median of the
//! rounds' ratios.

mod bulk;
mod chats;
mod responder;
mod sides;
mod stats;
mod webhooks;

use std::process::Command;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sides::{client, our_call, raw_call};
use stats::{Pair, micros_per_op, show_ratio};
use zapi_communities::Client;

const ROUNDS: usize = 7;
// Odd, so that a median is one round's figure and turns over with the figure (rates to times).
const _: () = assert!(ROUNDS % 2 == 1);
/// Calls per side in a sequential round, made [`SEQUENTIAL_TURN`] at a time.
const SEQUENTIAL_CALLS: usize = 2_000;
const SEQUENTIAL_TURN: usize = 10;
/// Calls per side in a concurrent round, made [`CONCURRENT_TURN`] at a time.
const CONCURRENT_CALLS: usize = 10_000;
const CONCURRENT_TURN: usize = 1_000;
const CONCURRENCY: usize = 64;

async fn sequential_ours(client: &Client, n: usize) {
    for _ in 0..n {
        our_call(client).await;
    }
}

async fn sequential_raw(http: &reqwest::Client, url: &str, n: usize) {
    for _ in 0..n {
        raw_call(http, url).await;
    }
}

async fn concurrent_ours(client: &Client, n: usize) {
    futures_util::stream::iter(0..n)
        .map(|_| {
            let client = client.clone();
            async move { client.list_communities(1, 10).await.unwrap() }
        })
        .buffer_unordered(CONCURRENCY)
        .for_each(|_| async {})
        .await;
}

async fn concurrent_raw(http: &reqwest::Client, url: &str, n: usize) {
    futures_util::stream::iter(0..n)
        .map(|_| raw_call(http, url))
        .buffer_unordered(CONCURRENCY)
        .for_each(|_| async {})
        .await;
}

/// One round in which the two sides take `turns` turns each, the side going first alternating,
/// so that a slow stretch of a shared host falls on both: the time each side took in all.
async fn take_turns<A, B>(turns: usize, mut ours: impl FnMut() -> A, mut theirs: impl FnMut() -> B) -> [Duration; 2]
where
    A: Future<Output = ()>,
    B: Future<Output = ()>,
{
    let mut took = [Duration::ZERO; 2];
    for turn in 0..turns {
        for side in [turn % 2, 1 - turn % 2] {
            let start = Instant::now();
            if side == 0 {
                ours().await
            } else {
                theirs().await
            }
            took[side] += start.elapsed();
        }
    }
    took
}

/// The sequential rounds after a warm-up, on whatever runtime runs this future, the sides taking
/// turns [`SEQUENTIAL_TURN`] calls at a time: µs per call for each side.
async fn sequential_rounds(ours: &Client, http: &reqwest::Client, url: &str) -> Pair {
    sequential_ours(ours, 300).await;
    sequential_raw(http, url, 300).await;
    let mut pair = Pair::default();
    for _ in 0..ROUNDS {
        let [a, b] = take_turns(
            SEQUENTIAL_CALLS / SEQUENTIAL_TURN,
            || sequential_ours(ours, SEQUENTIAL_TURN),
            || sequential_raw(http, url, SEQUENTIAL_TURN),
        )
        .await;
        pair.push(micros_per_op(a, SEQUENTIAL_CALLS), micros_per_op(b, SEQUENTIAL_CALLS));
    }
    pair
}

/// The concurrent rounds after a warm-up, the sides taking turns [`CONCURRENT_TURN`] calls at a
/// time (at most [`CONCURRENCY`] in flight): calls per second for each side.
async fn concurrent_rounds(ours: &Client, http: &reqwest::Client, url: &str) -> Pair {
    concurrent_ours(ours, CONCURRENT_TURN).await;
    concurrent_raw(http, url, CONCURRENT_TURN).await;
    let mut pair = Pair::default();
    for _ in 0..ROUNDS {
        let [a, b] = take_turns(
            CONCURRENT_CALLS / CONCURRENT_TURN,
            || concurrent_ours(ours, CONCURRENT_TURN),
            || concurrent_raw(http, url, CONCURRENT_TURN),
        )
        .await;
        let rate = |took: Duration| CONCURRENT_CALLS as f64 / took.as_secs_f64();
        pair.push(rate(a), rate(b));
    }
    pair
}

/// The sequential figures again on a current-thread runtime (a thread of its own), where the
/// request future, hyper's connection task and the I/O driver share one thread: no cross-thread
/// wake-up per request, which is most of what separates a tokio client from `wrk` on loopback.
fn sequential_on_current_thread(base: &str, url: &str) -> Pair {
    let (base, url) = (base.to_owned(), url.to_owned());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(sequential_rounds(&client(&base), &reqwest::Client::new(), &url))
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

    // Each side warms up (connections, allocator, branch predictors) before its rounds.
    let seq = sequential_rounds(&ours, &http, &url).await;
    let con = concurrent_rounds(&ours, &http, &url).await;
    let seq_local = sequential_on_current_thread(&base, &url);
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
    let (seq_ours, ratios) = (seq.ours(), seq.ratios());
    println!(
        "| sequential `list_communities`, µs/call | {} | raw reqwest + timeout {} | {} | ≤1.05× ({}) |",
        seq_ours.show("µs"),
        seq.theirs().show("µs"),
        show_ratio(ratios, false),
        verdict(ratios.median <= 1.05)
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
    let (seq_local_ours, ratios) = (seq_local.ours(), seq_local.ratios());
    println!(
        "| sequential, current-thread runtime, µs/call | {} | raw reqwest + timeout {} | {} | ≤1.05× ({}) |",
        seq_local_ours.show("µs"),
        seq_local.theirs().show("µs"),
        show_ratio(ratios, false),
        verdict(ratios.median <= 1.05)
    );
    if let Some(limit) = limit_c1 {
        let r = seq_local_ours.median / limit;
        println!(
            "| sequential, current-thread runtime, vs loopback limit | {} | wrk -c1 {limit:.1} µs | {r:.2}× | ≤1.5× ({}) |",
            seq_local_ours.show("µs"),
            verdict(r <= 1.5)
        );
    }
    // Calls per second: the time ratio is the rate ratio turned over.
    let (con_ours, ratios) = (con.ours(), con.ratios());
    println!(
        "| concurrency {CONCURRENCY}, req/s | {} | raw reqwest + timeout {} | {} time | ≤1.05× ({}) |",
        con_ours.show("req/s"),
        con.theirs().show("req/s"),
        show_ratio(ratios, true),
        verdict(1.0 / ratios.median <= 1.05)
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
