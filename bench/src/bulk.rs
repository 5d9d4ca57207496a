//! The bulk figure: 5,000 numbers added to a community on `zapi-sim`, with the requests the
//! client sent counted from the simulator's own log (not from what the client says it sent).

use serde::Deserialize;
use zapi_communities::api::Endpoint;
use zapi_communities::bulk::{BulkOptions, BulkStatus};
use zapi_communities::{Client, RetryPolicy};

/// Numbers added.
pub const NUMBERS: usize = 5_000;
/// Numbers per request: the largest chunk the options allow, so the fewest POSTs.
pub const CHUNK: u32 = 100;

/// What the run sent, as the simulator logged it.
pub struct BulkCount {
    /// `POST /add-participant` requests.
    pub posts: usize,
    /// `GET /group-metadata/…` requests (the outcome reads).
    pub metadata_reads: usize,
    /// Every other request (finding the community's announcement group, if not known).
    pub other: usize,
    /// Numbers whose outcome is `done`.
    pub done: usize,
    /// Every chunk was sent.
    pub complete: bool,
    /// Wall time of the bulk call, in milliseconds.
    pub millis: f64,
}

#[derive(Deserialize)]
struct Logged {
    method: String,
    path: String,
}

/// Adds [`NUMBERS`] new numbers to a fresh community on the `zapi-sim` at `sim_url`, with no
/// pause between chunks, and counts the requests in the simulator's log.
pub async fn bench(sim_url: &str) -> BulkCount {
    let endpoint = Endpoint::new("SIM-INSTANCE", "sim-token")
        .and_then(|e| e.with_base_url(sim_url))
        .expect("the zapi-sim URL")
        .with_client_token("sim-client-token");
    let client = Client::builder(endpoint).retry(RetryPolicy::none()).build().expect("a client");
    let community = client.create_community("Bulk bench", None).await.expect("create a community");
    let phones: Vec<String> = (0..NUMBERS).map(|i| format!("5521{:09}", 900_000_000 + i)).collect();

    let control = reqwest::Client::new();
    let log_url = format!("{sim_url}/__sim/requests");
    control.delete(&log_url).send().await.expect("clear the sim's log");
    let options = BulkOptions { chunk_size: Some(CHUNK), pause_ms: Some(0), auto_invite: false };
    let start = std::time::Instant::now();
    let outcome = client.add_participants_bulk(&community.id, &phones, options).await.expect("the bulk call");
    let millis = start.elapsed().as_secs_f64() * 1e3;
    let log = control.get(&log_url).send().await.expect("the sim's log").bytes().await.expect("the log");
    let log: Vec<Logged> = serde_json::from_slice(&log).expect("the log as JSON");
    let count =
        |method: &str, prefix: &str| log.iter().filter(|r| r.method == method && r.path.starts_with(prefix)).count();
    let (posts, metadata_reads) = (count("POST", "/add-participant"), count("GET", "/group-metadata"));
    BulkCount {
        posts,
        metadata_reads,
        other: log.len() - posts - metadata_reads,
        done: outcome.with_status(BulkStatus::Done).len(),
        complete: outcome.complete,
        millis,
    }
}
