//! The client against the in-memory simulator: resolution from every source, the cache, the
//! refusals that happen before any request, and paging.

use std::sync::Arc;

use zapi_communities::sim::Simulator;
use zapi_communities::{
    AnnounceOptions, AnnouncementSource, Client, CommunityId, Error, GroupId, Phone, Recipient, api::SendText,
};

fn phones(list: &[&str]) -> Vec<Phone> {
    list.iter().map(|p| Phone::parse(p).unwrap()).collect()
}

fn setup() -> (Arc<Simulator>, Client) {
    let sim = Arc::new(Simulator::demo());
    (sim.clone(), Client::simulated_with(sim).unwrap())
}

async fn community_with_group(client: &Client) -> (CommunityId, GroupId) {
    let community = client.create_community("Street", Some("News of the street")).await.unwrap();
    let group = client.create_group("Neighbours", &phones(&["5511911111111", "5511922222222"]), false).await.unwrap();
    client.link_groups(&community.id, std::slice::from_ref(&group.id)).await.unwrap();
    (community.id, group.id)
}

#[tokio::test]
async fn create_response_seeds_the_cache() {
    let (_, client) = setup();
    let community = client.create_community("Street", None).await.unwrap();
    let announcement = community.announcement_group.clone().expect("create lists the announcement group");
    let resolved = client.resolve_announcement_group(&community.id).await.unwrap();
    assert_eq!(resolved.group_id, announcement);
    assert_eq!(resolved.source, AnnouncementSource::CreateResponse);
    assert!(resolved.from_cache);
    assert_eq!(resolved.name.as_deref(), Some("Street"));
}

#[tokio::test]
async fn metadata_is_used_after_invalidation_and_chat_list_on_request() {
    let (sim, client) = setup();
    let (community, _) = community_with_group(&client).await;
    let expected = client.cached_announcement_group(&community).unwrap().group_id;

    client.invalidate(&community);
    assert_eq!(client.cached_announcement_group(&community), None);
    sim.clear_log();
    let from_metadata = client.resolve_announcement_group(&community).await.unwrap();
    assert_eq!((from_metadata.source, from_metadata.from_cache), (AnnouncementSource::CommunityMetadata, false));
    assert_eq!(from_metadata.group_id, expected);
    assert_eq!(sim.requests().len(), 1, "one metadata call");

    let from_chats = client.resolve_announcement_group_from(&community, AnnouncementSource::ChatList).await.unwrap();
    assert_eq!(from_chats.source, AnnouncementSource::ChatList);
    assert_eq!(from_chats.group_id, expected);
    let paths: Vec<String> = sim.requests().iter().map(|r| r.path.clone()).collect();
    assert!(paths.iter().any(|p| p == "/chats"), "{paths:?}");
    assert!(paths.iter().any(|p| p.starts_with("/light-group-metadata/")), "{paths:?}");

    let again = client.resolve_announcement_group(&community).await.unwrap();
    assert_eq!((again.source, again.from_cache), (AnnouncementSource::ChatList, true));
}

#[tokio::test]
async fn chat_list_tells_apart_the_announcement_groups_of_two_communities() {
    let (_, client) = setup();
    let (first, _) = community_with_group(&client).await;
    let second = client.create_community("Other street", None).await.unwrap();
    client.invalidate_all();
    let a = client.resolve_announcement_group_from(&first, AnnouncementSource::ChatList).await.unwrap();
    let b = client.resolve_announcement_group_from(&second.id, AnnouncementSource::ChatList).await.unwrap();
    assert_ne!(a.group_id, b.group_id);
    assert_eq!(Some(b.group_id), second.announcement_group);
}

#[tokio::test]
async fn list_announcement_groups_reads_only_the_flagged_chats() {
    let (_, client) = setup();
    let (first, regular) = community_with_group(&client).await;
    let second = client.create_community("Other street", None).await.unwrap();
    let found = client.list_announcement_groups(1, 100).await.unwrap();
    let first_announcement = client.cached_announcement_group(&first).unwrap().group_id;
    let mut want = vec![first_announcement, second.announcement_group.unwrap()];
    let mut got = found.clone();
    want.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    got.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    assert_eq!(got, want);
    assert!(!found.contains(&regular), "a linked regular group is not an announcement group");
    let chats = client.list_chats(1, 100).await.unwrap();
    let flagged: Vec<GroupId> = chats.iter().filter(|c| c.is_group_announcement).filter_map(|c| c.group_id()).collect();
    assert_eq!(found, flagged, "same ids, same order as the full parse");
    assert_eq!(client.list_announcement_groups(0, 100).await.unwrap_err().field(), Some("page"));
}

#[tokio::test]
async fn explicit_groups_are_used_until_invalidated() {
    let (_, client) = setup();
    let community = CommunityId::parse("120363999999999999").unwrap();
    let group = GroupId::parse("120363999999999998-group").unwrap();
    client.remember_announcement_group(&community, &group);
    let got = client.resolve_announcement_group(&community).await.unwrap();
    assert_eq!((got.source, got.group_id), (AnnouncementSource::Explicit, group));
    client.invalidate(&community);
    assert!(matches!(
        client.resolve_announcement_group(&community).await,
        Err(Error::Api { .. } | Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn announce_reaches_the_announcement_group() {
    let (sim, client) = setup();
    let (community, _) = community_with_group(&client).await;
    let sent = client.announce(&community, "Bins go out tonight", AnnounceOptions::default()).await.unwrap();
    assert!(!sent.message.message_id.is_empty());
    let last = sim.requests().pop().unwrap();
    assert_eq!(last.path, "/send-text");
    let body: serde_json::Value = serde_json::from_str(last.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["phone"], sent.announcement_group.group_id.as_str());
    assert_eq!(body["message"], "Bins go out tonight");
}

#[tokio::test]
async fn a_community_id_is_never_a_recipient() {
    let (sim, client) = setup();
    let (community, _) = community_with_group(&client).await;
    sim.clear_log();
    let err = client.recipient(community.as_str()).unwrap_err();
    let Error::NotAnnouncementGroup { community_id, announcement_group } = &err else { panic!("{err:?}") };
    assert_eq!(community_id, community.as_str());
    assert_eq!(
        announcement_group.as_deref(),
        client.cached_announcement_group(&community).map(|g| g.group_id.to_string()).as_deref()
    );
    assert!(err.to_string().contains("announcement group"));
    let as_group = SendText::new(Recipient::Group(GroupId::parse(community.as_str()).unwrap()), "hi");
    assert!(matches!(client.send_text(&as_group).await, Err(Error::NotAnnouncementGroup { .. })));
    assert!(sim.requests().is_empty(), "refused before any request");
}

#[tokio::test]
async fn known_state_refuses_impossible_link_and_unlink_before_io() {
    let (sim, client) = setup();
    let (community, group) = community_with_group(&client).await;
    let other = client.create_community("Elsewhere", None).await.unwrap();
    sim.clear_log();

    let err = client.unlink_groups(&community, std::slice::from_ref(&group)).await.unwrap_err();
    assert_eq!(err.field(), Some("group_ids"), "{err}");
    let err = client.link_groups(&other.id, std::slice::from_ref(&group)).await.unwrap_err();
    assert_eq!(err.field(), Some("group_ids[0]"), "{err}");
    let many: Vec<GroupId> =
        (0..50).map(|i| GroupId::parse(&format!("{}", 120_363_555_000_000_000u64 + i)).unwrap()).collect();
    let err = client.link_groups(&community, &many).await.unwrap_err();
    assert_eq!(err.field(), Some("group_ids"), "{err}");
    let err = client.announce(&community, " ", AnnounceOptions::default()).await.unwrap_err();
    assert_eq!(err.field(), Some("text"), "announce names its own argument");
    let itself = GroupId::parse(&format!("{community}-group")).unwrap();
    let linked = client.link_groups(&community, &[group.clone(), itself.clone()]).await.unwrap_err();
    let unlinked = client.unlink_groups(&community, std::slice::from_ref(&itself)).await.unwrap_err();
    for (err, field) in [(linked, "group_ids[1]"), (unlinked, "group_ids[0]")] {
        assert_eq!(err.field(), Some(field));
        assert!(err.to_string().contains("own id with -group appended"), "{err}");
    }
    let err = client
        .announce(&community, "x", AnnounceOptions { delay_message: Some(16), ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("delay_message"));
    assert!(sim.requests().is_empty(), "no request for any refusal: {:?}", sim.requests());
}

#[tokio::test]
async fn deactivation_forgets_the_community() {
    let (_, client) = setup();
    let (community, group) = community_with_group(&client).await;
    client.deactivate_community(&community).await.unwrap();
    assert_eq!(client.cached_announcement_group(&community), None);
    let metadata = client.group_metadata(&group).await.unwrap();
    assert_eq!(metadata.community_id, None, "the group survives, unlinked");
}

#[tokio::test]
async fn pagers_walk_every_page() {
    let (_, client) = setup();
    for i in 0..5 {
        client.create_community(&format!("Community {i}"), None).await.unwrap();
    }
    let mut pager = client.communities().page_size(2);
    let mut sizes = Vec::new();
    while let Some(page) = pager.next_page().await.unwrap() {
        sizes.push(page.len());
    }
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(pager.next_page().await.unwrap(), None);
    let all = client.communities().page_size(10).collect_all().await.unwrap();
    assert_eq!(all.len(), 5);
    let chats = client.chats().page_size(3).collect_all().await.unwrap();
    assert_eq!(chats.iter().filter(|c| c.is_group_announcement).count(), 5);
}

#[tokio::test]
async fn members_admins_links_and_settings_round_trip() {
    let (sim, client) = setup();
    let (community, group) = community_with_group(&client).await;
    client.add_participants(&community, &phones(&["5511933333333"]), true).await.unwrap();
    client.add_admins(&community, &phones(&["5511933333333"])).await.unwrap();
    client.remove_admins(&community, &phones(&["5511933333333"])).await.unwrap();
    client.remove_participants(&community, &phones(&["5511933333333"])).await.unwrap();
    let old = client.community_invitation_link(&community).await.unwrap();
    let new = client.redefine_invitation_link(&community).await.unwrap();
    assert_ne!(old, new);
    assert_eq!(
        client.community_invitation_link(&community).await.unwrap(),
        new,
        "read back from the announcement group"
    );
    client.update_community_settings(&community, zapi_communities::WhoCanAddGroups::All).await.unwrap();
    client.update_community_description(&community, "New description").await.unwrap();
    client
        .update_community_photo(&community, &zapi_communities::Photo::parse("https://example.com/a.png").unwrap())
        .await
        .unwrap();
    let meta = client.community_metadata(&community).await.unwrap();
    assert_eq!(meta.description.as_deref(), Some("New description"));
    assert_eq!(meta.regular_groups().count(), 1);
    let group_meta = client.group_metadata(&group).await.unwrap();
    assert_eq!(group_meta.community_id.as_ref(), Some(&community));
    let bodies: Vec<String> = sim.requests().iter().filter_map(|r| r.body.clone()).collect();
    assert!(bodies.iter().any(|b| b.contains("\"communityId\"") && b.contains("\"autoInvite\":true")));
}

#[test]
fn a_simulator_with_unusable_credentials_is_an_error_not_a_panic() {
    let mut config = zapi_communities::sim::SimConfig::demo();
    config.instance_id = "a/b".into();
    let err = Client::simulated_with(Arc::new(Simulator::new(config))).unwrap_err();
    assert_eq!(err.field(), Some("instance_id"));
}

#[tokio::test]
async fn communities_seen_in_a_list_are_refused_as_recipients() {
    let (sim, writer) = setup();
    let listed = writer.create_community("Listed", None).await.unwrap();
    // A second client on the same instance knows nothing of it until it lists the communities.
    let reader = Client::simulated_with(Arc::clone(&sim)).unwrap();
    let before = reader.recipient(listed.id.as_str()).unwrap_err();
    assert_eq!(before.kind(), "validation", "unknown yet: read as a (too long) phone number");
    reader.list_communities(1, 10).await.unwrap();
    let after = reader.recipient(listed.id.as_str()).unwrap_err();
    assert!(matches!(after, Error::NotAnnouncementGroup { .. }), "{after:?}");
    let paged = Client::simulated_with(Arc::clone(&sim)).unwrap();
    paged.communities().page_size(10).collect_all().await.unwrap();
    assert!(matches!(paged.recipient(listed.id.as_str()), Err(Error::NotAnnouncementGroup { .. })));
}
