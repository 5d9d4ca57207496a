//! `community_context`: which community a webhook event's group belongs to, from what the client
//! knows first and from light metadata otherwise.

use std::sync::Arc;

use zapi_communities::sim::Simulator;
use zapi_communities::{Client, Phone};

#[tokio::test]
async fn a_known_group_is_answered_without_a_request_and_an_unknown_one_is_looked_up() {
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let phones = [Phone::parse("5511911110001").unwrap()];
    let community = client.create_community("Street", None).await.unwrap();
    let group = client.create_group("Building A", &phones, false).await.unwrap();
    let loose = client.create_group("Elsewhere", &phones, false).await.unwrap();
    client.link_groups(&community.id, std::slice::from_ref(&group.id)).await.unwrap();
    simulator.clear_log();

    let linked = client.community_context(&group.id).await.unwrap().unwrap();
    assert_eq!((&linked.community_id, linked.is_announcement_group, linked.from_cache), (&community.id, false, true));
    let announcement = community.announcement_group.clone().unwrap();
    let top = client.community_context(&announcement).await.unwrap().unwrap();
    assert!(top.is_announcement_group && top.from_cache);
    assert!(simulator.requests().is_empty(), "answered from what the client knew");

    // Another process knows nothing yet: one light-metadata read each.
    let fresh = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let looked_up = fresh.community_context(&group.id).await.unwrap().unwrap();
    assert_eq!(
        (&looked_up.community_id, looked_up.is_announcement_group, looked_up.from_cache),
        (&community.id, false, false)
    );
    let top = fresh.community_context(&announcement).await.unwrap().unwrap();
    assert!(top.is_announcement_group && !top.from_cache);
    assert_eq!(fresh.community_context(&loose.id).await.unwrap(), None);
    let paths: Vec<String> = simulator.requests().iter().map(|r| r.path.clone()).collect();
    assert!(paths.iter().all(|p| p.starts_with("/light-group-metadata/")), "{paths:?}");
    assert_eq!(paths.len(), 3);
}
