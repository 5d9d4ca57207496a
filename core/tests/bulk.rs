//! Bulk membership on the in-memory simulator: 1,000 numbers with repeats, members already in,
//! and people whose privacy refuses direct adds; exact outcomes, and the requests it took.

use std::sync::Arc;

use zapi_communities::api::Endpoint;
use zapi_communities::bulk::{BulkOptions, BulkStatus};
use zapi_communities::sim::{Simulator, SimulatorTransport};
use zapi_communities::{Client, Error, Phone, SIMULATOR_BASE_URL};

fn number(i: usize) -> String {
    format!("5511981{i:06}")
}

/// A client on `simulator` whose transport the test keeps, to see the pauses it took.
fn client_with_transport(simulator: &Arc<Simulator>) -> (Client, Arc<SimulatorTransport>) {
    let transport = Arc::new(SimulatorTransport::new(Arc::clone(simulator)));
    let endpoint = Endpoint::new("SIM-INSTANCE", "sim-token").unwrap().with_base_url(SIMULATOR_BASE_URL).unwrap();
    let endpoint = endpoint.with_client_token("sim-client-token");
    let client = Client::builder(endpoint).transport(transport.clone()).allow_insecure_http(true).build().unwrap();
    (client, transport)
}

#[tokio::test]
async fn a_thousand_numbers_get_exact_outcomes_in_a_bounded_number_of_requests() {
    let simulator = Arc::new(Simulator::demo());
    let (client, transport) = client_with_transport(&simulator);
    let members: Vec<Phone> = (0..5).map(|i| Phone::parse(&number(i)).unwrap()).collect();
    let group = client.create_group("Big group", &members, false).await.unwrap();
    // Every tenth number refuses direct adds.
    let mut state = simulator.state();
    state.refuses_adds = (0..1_000).filter(|i| i % 10 == 3).map(number).collect();
    simulator.load_state(state).unwrap();

    // 1,000 numbers, the first 5 members already, plus 10 repeats given in another spelling.
    let mut list: Vec<String> = (0..1_000).map(number).collect();
    list.extend((0..10).map(|i| format!("+55 11 981{:02}-{:04}", i / 10_000, i % 10_000)));
    let options = BulkOptions { chunk_size: Some(50), pause_ms: Some(1_500), auto_invite: false };
    let outcome = client.add_participants_bulk(group.id.clone(), &list, options).await.unwrap();

    assert!(outcome.complete);
    assert_eq!(outcome.duplicates, (1_000..1_010).collect::<Vec<u32>>());
    assert_eq!(outcome.outcomes.len(), 1_000);
    assert_eq!(outcome.outcomes[0].phone.as_str(), number(0), "in the order given");
    let count = |status| outcome.with_status(status).len();
    assert_eq!(count(BulkStatus::AlreadyDone), 5);
    // Number 3 refuses adds but was a member already.
    assert_eq!(count(BulkStatus::NotDone), 99);
    assert_eq!(count(BulkStatus::Done), 896);
    assert!(outcome.with_status(BulkStatus::NotDone).iter().all(|p| p.as_str().ends_with('3')));
    // 995 numbers to send, in chunks of 50: 20 requests, and a read before and after each.
    assert_eq!((outcome.requests, outcome.metadata_reads), (20, 21));
    let log = simulator.requests();
    let posts = log.iter().filter(|r| r.path == "/add-participant").count();
    let reads = log.iter().filter(|r| r.path.starts_with("/group-metadata/")).count();
    println!("1,000 numbers: {posts} add requests, {reads} metadata reads, {} requests in all", log.len());
    assert_eq!((posts, reads), (20, 21));
    let pauses = transport.sleeps();
    assert_eq!(pauses.len(), 19, "a pause between chunks, none before the first");
    assert!(pauses.iter().all(|p| p.as_millis() == 1_500));

    // A second run has nothing left to send but the refused.
    let again = client
        .add_participants_bulk(group.id.clone(), &list, BulkOptions { pause_ms: Some(0), ..BulkOptions::default() })
        .await
        .unwrap();
    assert_eq!(again.with_status(BulkStatus::AlreadyDone).len(), 901);
    assert_eq!(again.requests, 5, "the 99 refused, in chunks of 20");
}

#[tokio::test]
async fn autoinvite_turns_refusals_into_invitations_and_the_other_changes_have_the_same_shape() {
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let community = client.create_community("Street", None).await.unwrap();
    let mut state = simulator.state();
    state.refuses_adds = vec![number(2)];
    simulator.load_state(state).unwrap();
    let people = [number(1), number(2), number(3)];
    let options = BulkOptions { auto_invite: true, pause_ms: Some(0), ..BulkOptions::default() };
    let added = client.add_participants_bulk(community.id.clone(), &people, options.clone()).await.unwrap();
    let statuses: Vec<BulkStatus> = added.outcomes.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [BulkStatus::Done, BulkStatus::Invited, BulkStatus::Done]);

    let members = [number(1), number(3)];
    let promoted = client.add_admins_bulk(community.id.clone(), &members, options.clone()).await.unwrap();
    assert_eq!(promoted.with_status(BulkStatus::Done).len(), 2);
    // The service refuses a chunk naming a non-member: the chunk fails, is re-read, and stops.
    let refused = client.add_admins_bulk(community.id.clone(), &people[1..2], options.clone()).await.unwrap();
    assert!(!refused.complete);
    assert_eq!(refused.outcomes[0].status, BulkStatus::Failed);
    assert!(refused.outcomes[0].reason.as_deref().unwrap_or_default().contains("400"), "{refused:?}");
    let demoted = client.remove_admins_bulk(community.id.clone(), &people[..1], options.clone()).await.unwrap();
    assert_eq!(demoted.with_status(BulkStatus::Done).len(), 1);
    let removed = client.remove_participants_bulk(community.id.clone(), &people, options).await.unwrap();
    let statuses: Vec<BulkStatus> = removed.outcomes.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [BulkStatus::Done, BulkStatus::AlreadyDone, BulkStatus::Done]);
}

#[tokio::test]
async fn bad_input_is_refused_before_any_request() {
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let group = client.create_group("G", &[Phone::parse(&number(0)).unwrap()], false).await.unwrap();
    simulator.clear_log();
    let list = [number(1), "abc".into()];
    let refused = client.add_participants_bulk(group.id.clone(), &list, BulkOptions::default());
    let Err(Error::Validation { field, reason }) = refused.await else { panic!("accepted") };
    assert_eq!(field, "phones");
    assert!(reason.contains("phones[1] \"abc\""), "{reason}");
    let big = BulkOptions { chunk_size: Some(500), ..BulkOptions::default() };
    let refused = client.add_participants_bulk(group.id.clone(), &[number(1)], big).await.unwrap_err();
    assert_eq!(refused.field(), Some("chunk_size"));
    assert!(simulator.requests().is_empty());
}

#[tokio::test]
async fn a_per_minute_add_limit_is_waited_out_without_sending_a_chunk_twice() {
    let simulator = Arc::new(Simulator::demo());
    let (client, transport) = client_with_transport(&simulator);
    let group = client.create_group("Big group", &[Phone::parse(&number(0)).unwrap()], false).await.unwrap();
    let mut state = simulator.state();
    state.limits.adds_per_minute = Some(100);
    simulator.load_state(state).unwrap();

    let list: Vec<String> = (1..=1_000).map(number).collect();
    let options = BulkOptions { chunk_size: Some(50), pause_ms: Some(3_000), auto_invite: false };
    let outcome = client.add_participants_bulk(group.id.clone(), &list, options).await.unwrap();

    assert!(outcome.complete);
    assert_eq!(outcome.with_status(BulkStatus::Done).len(), 1_000);
    let posts: Vec<u16> =
        simulator.requests().iter().filter(|r| r.path == "/add-participant").map(|r| r.status).collect();
    let limited = posts.iter().filter(|s| **s == 429).count();
    println!("1,000 numbers at 100 a minute: {} add requests, {limited} answered 429 and waited out", posts.len());
    assert_eq!(posts.len() - limited, 20, "each chunk applied once");
    // Two chunks fit in a minute; every later pair waits once.
    assert_eq!(limited, 9);
    assert_eq!(outcome.requests as usize, posts.len());
    let waits: Vec<u64> = transport.sleeps().iter().map(|d| d.as_secs()).filter(|s| *s > 3).collect();
    assert_eq!(waits.len(), limited, "each 429's Retry-After was slept");
    assert!(waits.iter().all(|s| *s <= 60));
}

#[tokio::test]
async fn progress_is_told_after_each_chunk() {
    use std::sync::Mutex;
    use zapi_communities::bulk::{BulkProgress, MemberChange};

    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let group = client.create_group("Big group", &[Phone::parse(&number(0)).unwrap()], false).await.unwrap();
    let seen: Mutex<Vec<BulkProgress>> = Mutex::new(Vec::new());
    let record = |p: &BulkProgress| seen.lock().unwrap().push(p.clone());
    let list: Vec<String> = (0..25).map(number).collect();
    let options = BulkOptions { chunk_size: Some(10), pause_ms: Some(0), auto_invite: false };
    let outcome = client.bulk_with_progress(MemberChange::Add, group.id, &list, options, Some(&record)).await.unwrap();
    let seen = seen.into_inner().unwrap();
    let steps: Vec<(u32, u32, u32, u32, usize)> =
        seen.iter().map(|p| (p.settled, p.total, p.chunks_sent, p.chunks, p.latest.len())).collect();
    // Number 0 is a member already: 24 to send, in chunks of 10, 10 and 4.
    assert_eq!(steps, [(11, 25, 1, 3, 10), (21, 25, 2, 3, 10), (25, 25, 3, 3, 4)]);
    assert_eq!(seen[2].latest, outcome.outcomes[21..]);
}
