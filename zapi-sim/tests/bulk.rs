//! A bulk add over HTTP against zapi-sim: a chunk whose POST failed after being applied is
//! re-read, never re-sent; the run stops and a second run resumes where it stopped; a 429 (a
//! fault, or the seeded per-minute add limit) is waited out and the chunk sent again.

mod common;

use common::start;
use serde_json::json;
use zapi_communities::api::Endpoint;
use zapi_communities::bulk::{BulkOptions, BulkStatus};
use zapi_communities::{Client, GroupId, Phone};

fn number(i: usize) -> String {
    format!("5511982{i:06}")
}

async fn client_and_group(h: &common::Harness) -> (Client, GroupId) {
    let endpoint = Endpoint::new("SIM-INSTANCE", "sim-token").unwrap().with_base_url(&h.server.url()).unwrap();
    let client = Client::builder(endpoint.with_client_token(common::CLIENT_TOKEN)).build().unwrap();
    let group = client.create_group("Big group", &[Phone::parse(&number(0)).unwrap()], false).await.unwrap();
    (client, group.id)
}

fn posts(log: &[serde_json::Value]) -> usize {
    log.iter().filter(|r| r["path"] == "/add-participant").count()
}

#[tokio::test]
async fn a_failed_chunk_is_re_read_not_re_sent_and_a_second_run_resumes() {
    let h = start().await;
    let (client, group) = client_and_group(&h).await;
    let list: Vec<String> = (1..=25).map(number).collect();
    // The second chunk is applied, but its answer is lost.
    let applied_then_lost = json!({ "fault": { "kind": "status", "status": 500 }, "method": "POST",
        "pathPrefix": "/add-participant", "apply": true });
    let options = BulkOptions { chunk_size: Some(10), pause_ms: Some(0), auto_invite: false };
    let first_chunk = client.add_participants_bulk(group.clone(), &list[..10], options.clone()).await.unwrap();
    assert!(first_chunk.complete);
    h.queue(&applied_then_lost).await;
    let log_before = h.log().await.len();

    let stopped = client.add_participants_bulk(group.clone(), &list, options.clone()).await.unwrap();
    assert!(!stopped.complete);
    let count = |o: &zapi_communities::bulk::BulkOutcome, s| o.with_status(s).len();
    assert_eq!(count(&stopped, BulkStatus::AlreadyDone), 10);
    assert_eq!(count(&stopped, BulkStatus::Done), 10, "the lost answer's chunk was applied, as the re-read shows");
    assert_eq!(count(&stopped, BulkStatus::Pending), 5);
    let log = h.log().await;
    assert_eq!(posts(&log[log_before..]), 1, "the failed chunk was not sent again");
    assert_eq!(stopped.requests, 1);

    let resumed = client.add_participants_bulk(group.clone(), &list, options).await.unwrap();
    assert!(resumed.complete);
    assert_eq!((count(&resumed, BulkStatus::AlreadyDone), count(&resumed, BulkStatus::Done)), (20, 5));
    assert_eq!(resumed.requests, 1);
}

#[tokio::test]
async fn a_429_is_waited_out_and_the_chunk_sent_again() {
    let h = start().await;
    let (client, group) = client_and_group(&h).await;
    h.queue(&json!({ "fault": { "kind": "rate_limit", "retryAfter": 1 }, "method": "POST", "pathPrefix": "/add-participant" }))
        .await;
    let started = std::time::Instant::now();
    let options = BulkOptions { pause_ms: Some(0), ..BulkOptions::default() };
    let outcome = client.add_participants_bulk(group, &[number(1), number(2)], options).await.unwrap();
    assert!(started.elapsed().as_millis() >= 1_000, "Retry-After: 1 was honoured");
    assert!(outcome.complete);
    assert_eq!(outcome.with_status(BulkStatus::Done).len(), 2);
    assert_eq!(outcome.requests, 2, "the 429, then the chunk again");
}

#[tokio::test]
async fn the_per_minute_add_limit_answers_429_until_its_window_moves_in_real_time() {
    let h = start().await;
    let (client, group) = client_and_group(&h).await;
    // 20 adds a minute, all used 58 seconds ago: the window has room again in 2 seconds.
    let mut state = h.control_json("state").await;
    let clock = state["clock"].as_u64().unwrap();
    state["limits"] = json!({ "addsPerMinute": 20 });
    state["recentAdds"] = json!([[clock - 58, 20]]);
    let reset = h.client.post(h.control("reset")).body(state.to_string()).send().await.unwrap();
    assert_eq!(reset.status(), 200);

    let list: Vec<String> = (1..=10).map(number).collect();
    let started = std::time::Instant::now();
    let options = BulkOptions { pause_ms: Some(0), ..BulkOptions::default() };
    let outcome = client.add_participants_bulk(group, &list, options).await.unwrap();
    assert!(started.elapsed().as_millis() >= 2_000, "the Retry-After the limit gave was honoured");
    assert!(outcome.complete);
    assert_eq!(outcome.with_status(BulkStatus::Done).len(), 10);
    let statuses: Vec<u64> = h
        .log()
        .await
        .iter()
        .filter(|r| r["path"] == "/add-participant")
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [429, 200]);
}
