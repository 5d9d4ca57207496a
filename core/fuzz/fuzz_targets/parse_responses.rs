//! Every response reader on arbitrary status + body: a typed result or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zapi_communities::api::{
    Call, CreateCommunity, DeactivateCommunity, GetCommunityMetadata, GetGroupMetadata, ListChats, ListCommunities,
    RedefineInvitationLink, SendText, MemberTarget,
};
use zapi_communities::{CommunityId, GroupId, HttpResponse, Phone};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = 100 + u16::from_le_bytes([data[0], data[1]]) % 500;
    let response = HttpResponse::new(status, &data[2..]).with_header("Retry-After", "3");
    let community = CommunityId::parse("120363019502650977").unwrap();
    let group = GroupId::parse("120363019502650978-group").unwrap();
    let _ = CreateCommunity::new("x").parse(&response);
    let _ = ListCommunities::default().parse(&response);
    let _ = GetCommunityMetadata { community_id: community.clone() }.parse(&response);
    let _ = DeactivateCommunity { community_id: community.clone() }.parse(&response);
    let _ = RedefineInvitationLink { target: MemberTarget::Community(community) }.parse(&response);
    let _ = GetGroupMetadata { group_id: group, light: false }.parse(&response);
    // The announcement-group scan (a fast pass with serde behind it) must agree with the full
    // parse and a filter whenever the full parse succeeds.
    let scanned = ListChats::announcement_groups(&response);
    let _ = ListChats::announcement_groups_in_body(&data[2..]);
    if let Ok(chats) = (ListChats { page: 1, page_size: 1 }).parse(&response) {
        let flagged: Vec<GroupId> = chats.iter().filter(|c| c.is_group_announcement).filter_map(|c| c.group_id()).collect();
        assert_eq!(scanned.expect("the full parse succeeded"), flagged);
    }
    let _ = SendText::new(Phone::parse("5511999999999").unwrap(), "x").parse(&response);
});
