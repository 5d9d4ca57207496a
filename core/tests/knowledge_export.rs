//! `export_knowledge` / `import_knowledge`: a second process starts from what the first found
//! out, with no request, and a bad document changes nothing.

use std::sync::Arc;

use zapi_communities::sim::Simulator;
use zapi_communities::{Client, Error, Phone};

const EMPTY: &str = r#"{"version":1,"communities":[],"groupOwners":{}}"#;

#[tokio::test]
async fn another_process_resolves_routes_and_refuses_from_the_imported_knowledge() {
    let simulator = Arc::new(Simulator::demo());
    let first = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let phones = [Phone::parse("5511911110001").unwrap()];
    let community = first.create_community("Street", None).await.unwrap();
    let group = first.create_group("Building A", &phones, false).await.unwrap();
    first.link_groups(&community.id, std::slice::from_ref(&group.id)).await.unwrap();
    let exported = first.export_knowledge();
    assert!(exported.starts_with(r#"{"version":1,"communities":[{"id":""#), "{exported}");
    assert!(!exported.contains("token"), "ids and names only: {exported}");

    let second = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    assert_eq!(second.export_knowledge(), EMPTY);
    second.import_knowledge(&exported).unwrap();
    simulator.clear_log();
    let found = second.resolve_announcement_group(&community.id).await.unwrap();
    assert_eq!(Some(&found.group_id), community.announcement_group.as_ref());
    assert!(found.from_cache);
    let context = second.community_context(&group.id).await.unwrap().unwrap();
    assert_eq!((&context.community_id, context.is_announcement_group), (&community.id, false));
    assert!(matches!(second.recipient(community.id.as_str()), Err(Error::NotAnnouncementGroup { .. })));
    assert!(simulator.requests().is_empty(), "all of it from the imported knowledge");
    assert_eq!(second.export_knowledge(), exported, "the same knowledge is the same text");
}

#[test]
fn a_bad_document_is_refused_whole_naming_where() {
    let client = Client::simulated();
    let good_then_bad = r#"{"version":1,"communities":[{"id":"120363000000000001"},{"id":"nope"}]}"#;
    for (document, hint) in [
        ("not json", "not a knowledge document"),
        (r#"{"version":2}"#, "version 2"),
        (r#"{"version":1,"extra":true}"#, "unknown field"),
        (good_then_bad, "communities[1].id"),
        (
            r#"{"version":1,"communities":[{"id":"120363000000000001","announcementGroup":{"groupId":"120363000000000002-group","source":"guess"}}]}"#,
            "announcementGroup.source",
        ),
        (r#"{"version":1,"groupOwners":{"120363000000000002-group":"x"}}"#, "groupOwners"),
    ] {
        let Err(Error::Validation { field, reason }) = client.import_knowledge(document) else {
            panic!("{document} was accepted")
        };
        assert_eq!(field, "knowledge");
        assert!(reason.contains(hint), "{reason:?} should mention {hint:?}");
    }
    assert_eq!(client.export_knowledge(), EMPTY, "nothing was imported");
}

#[test]
fn owners_are_written_in_group_order_and_a_repeated_group_keeps_its_last_entry() {
    let client = Client::simulated();
    // As a JSON map reads it: the earlier entry for group …09 (even an invalid one) is replaced.
    let document = r#"{"version":1,"groupOwners":{
        "120363000000000009-group":"nope",
        "120363000000000003-group":"120363000000000001",
        "120363000000000009-group":"120363000000000002"}}"#;
    client.import_knowledge(document).unwrap();
    assert_eq!(
        client.export_knowledge(),
        r#"{"version":1,"communities":[],"groupOwners":{"120363000000000003-group":"120363000000000001","120363000000000009-group":"120363000000000002"}}"#
    );
}
