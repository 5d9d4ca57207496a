//! Announcement-group resolution: the pure part. Which group of a community is its announcement
//! group, judged from each of the three documented sources
//! (developer.z-api.io/communities/introduction). The client strings these together with I/O and a
//! cache ([`crate::Client::resolve_announcement_group`]).

use crate::model::{AnnouncementGroup, AnnouncementSource, Community, CommunityId, GroupMetadata};

/// The announcement group listed in a create response or community metadata, if any.
pub fn from_community(community: &Community, source: AnnouncementSource) -> Option<AnnouncementGroup> {
    let group = community.groups.iter().find(|g| g.is_announcement)?;
    Some(AnnouncementGroup {
        community_id: community.id.clone(),
        group_id: group.id.clone(),
        name: Some(if group.name.is_empty() { community.name.clone() } else { group.name.clone() }),
        source,
        from_cache: false,
    })
}

/// Whether a chat-list candidate is really `community`'s announcement group: its metadata must say
/// it is an announcement group *and* name that community
/// (developer.z-api.io/communities/introduction step 3). The chat list alone cannot tell which
/// community an announcement group belongs to.
pub fn confirms(metadata: &GroupMetadata, community: &CommunityId) -> bool {
    metadata.is_group_announcement && metadata.community_id.as_ref() == Some(community)
}

/// The announcement group confirmed by a candidate's metadata.
pub fn from_group_metadata(metadata: &GroupMetadata, community: &CommunityId) -> Option<AnnouncementGroup> {
    confirms(metadata, community).then(|| AnnouncementGroup {
        community_id: community.clone(),
        group_id: metadata.id.clone(),
        name: metadata.name.clone(),
        source: AnnouncementSource::ChatList,
        from_cache: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GroupId, LinkedGroup};

    fn community(groups: Vec<LinkedGroup>) -> Community {
        Community {
            id: CommunityId::parse("120363000000000001").unwrap(),
            name: "Street".into(),
            description: None,
            announcement_group: None,
            groups,
        }
    }

    fn group(id: &str, announcement: bool) -> LinkedGroup {
        LinkedGroup { id: GroupId::parse(id).unwrap(), name: String::new(), is_announcement: announcement }
    }

    fn metadata(announcement: bool, community: Option<&str>) -> GroupMetadata {
        GroupMetadata {
            id: GroupId::parse("120363000000000002-group").unwrap(),
            name: Some("Street".into()),
            description: None,
            owner: None,
            creation: None,
            invitation_link: None,
            invitation_link_error: None,
            community_id: community.map(|c| CommunityId::parse(c).unwrap()),
            is_group_announcement: announcement,
            admin_only_message: true,
            admin_only_settings: true,
            require_admin_approval: false,
            participants: vec![],
        }
    }

    #[test]
    fn finds_the_flagged_sub_group_and_names_it() {
        let c = community(vec![group("120363000000000003-group", false), group("120363000000000002-group", true)]);
        let found = from_community(&c, AnnouncementSource::CommunityMetadata).unwrap();
        assert_eq!(found.group_id.as_str(), "120363000000000002-group");
        assert_eq!(found.name.as_deref(), Some("Street"));
        assert_eq!(found.source, AnnouncementSource::CommunityMetadata);
        assert_eq!(
            from_community(
                &community(vec![group("120363000000000003-group", false)]),
                AnnouncementSource::CreateResponse
            ),
            None
        );
    }

    #[test]
    fn chat_candidates_need_both_flags() {
        let id = CommunityId::parse("120363000000000001").unwrap();
        assert!(confirms(&metadata(true, Some("120363000000000001")), &id));
        assert!(!confirms(&metadata(true, Some("120363000000000099")), &id), "another community's");
        assert!(!confirms(&metadata(false, Some("120363000000000001")), &id), "a linked regular group");
        assert!(!confirms(&metadata(true, None), &id));
        assert_eq!(
            from_group_metadata(&metadata(true, Some("120363000000000001")), &id).unwrap().source,
            AnnouncementSource::ChatList
        );
    }
}
