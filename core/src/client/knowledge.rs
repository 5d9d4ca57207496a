//! What a client has learnt about communities from its own calls: announcement groups (the
//! resolver's cache), linked groups and group ownership. It is used to resolve without I/O and
//! to refuse requests that cannot succeed; it may go stale when the state changes elsewhere
//! (another device, the phone app), so every entry can be invalidated.

use std::collections::HashMap;

use crate::api::CommunityGroups;
use crate::model::{AnnouncementGroup, Community, CommunityId, GroupId};

#[derive(Debug, Default)]
pub(crate) struct Knowledge {
    communities: HashMap<CommunityId, KnownCommunity>,
    owner_of_group: HashMap<GroupId, CommunityId>,
}

/// Every community's entry, and every group's owner: what a knowledge document holds.
pub(crate) type Entries = (Vec<(CommunityId, KnownCommunity)>, Vec<(GroupId, CommunityId)>);

/// What is known of one community.
#[derive(Debug, Default, Clone)]
pub(crate) struct KnownCommunity {
    pub(crate) announcement: Option<AnnouncementGroup>,
    pub(crate) groups: Option<CommunityGroups>,
}

impl Knowledge {
    /// Records a community as a create response or metadata described it.
    pub(crate) fn learn_community(&mut self, community: &Community, announcement: Option<AnnouncementGroup>) {
        let entry = self.communities.entry(community.id.clone()).or_default();
        // The same group found again keeps the source it was first found by (the resolver
        // reports where an answer came from); a different one replaces it.
        let same = matches!((&entry.announcement, &announcement), (Some(a), Some(b)) if a.group_id == b.group_id);
        if announcement.is_some() && !same {
            entry.announcement = announcement;
        }
        let groups = CommunityGroups::from(community);
        for group in &groups.regular {
            self.owner_of_group.insert(group.clone(), community.id.clone());
        }
        if let Some(a) = &groups.announcement {
            self.owner_of_group.insert(a.clone(), community.id.clone());
        }
        entry.groups = Some(groups);
    }

    /// Records that these communities exist (a list page says no more): enough to refuse a
    /// message addressed to one of them.
    pub(crate) fn learn_community_ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a CommunityId>) {
        for id in ids {
            // Looked up first: nearly every id of a list page is known already, and `entry` would
            // take a copy of it to find that out.
            if !self.communities.contains_key(id) {
                self.communities.insert(id.clone(), Default::default());
            }
        }
    }

    pub(crate) fn remember_announcement(&mut self, group: AnnouncementGroup) {
        self.owner_of_group.insert(group.group_id.clone(), group.community_id.clone());
        let community = group.community_id.clone();
        self.communities.entry(community).or_default().announcement = Some(group);
    }

    pub(crate) fn announcement(&self, community: &CommunityId) -> Option<AnnouncementGroup> {
        self.communities.get(community)?.announcement.clone().map(|g| AnnouncementGroup { from_cache: true, ..g })
    }

    pub(crate) fn groups(&self, community: &CommunityId) -> Option<CommunityGroups> {
        self.communities.get(community)?.groups.clone()
    }

    pub(crate) fn is_known_community(&self, digits: &str) -> Option<&CommunityId> {
        // A map lookup, not a scan: this runs before every send.
        self.communities.get_key_value(digits).map(|(id, _)| id)
    }

    /// Known memberships of `groups` in any community.
    pub(crate) fn owners(&self, groups: &[GroupId]) -> Vec<(GroupId, CommunityId)> {
        groups.iter().filter_map(|g| Some((g.clone(), self.owner_of_group.get(g)?.clone()))).collect()
    }

    /// The community `group` is known to belong to, and whether it is that community's
    /// announcement group (`None` when the client does not know which group that is).
    pub(crate) fn context(&self, group: &GroupId) -> Option<(CommunityId, Option<bool>)> {
        let community = self.owner_of_group.get(group)?;
        let known = self.communities.get(community);
        let announcement = known.and_then(|k| {
            k.announcement.as_ref().map(|a| a.group_id.clone()).or_else(|| k.groups.as_ref()?.announcement.clone())
        });
        Some((community.clone(), announcement.map(|a| a == *group)))
    }

    pub(crate) fn learn_group_owner(&mut self, group: &GroupId, community: Option<&CommunityId>) {
        match community {
            Some(c) => self.owner_of_group.insert(group.clone(), c.clone()),
            None => self.owner_of_group.remove(group),
        };
    }

    pub(crate) fn linked(&mut self, community: &CommunityId, groups: &[GroupId]) {
        for group in groups {
            self.owner_of_group.insert(group.clone(), community.clone());
        }
        if let Some(known) = self.communities.get_mut(community).and_then(|k| k.groups.as_mut()) {
            for group in groups {
                if !known.regular.contains(group) {
                    known.regular.push(group.clone());
                }
            }
        }
    }

    pub(crate) fn unlinked(&mut self, community: &CommunityId, groups: &[GroupId]) {
        for group in groups {
            if self.owner_of_group.get(group) == Some(community) {
                self.owner_of_group.remove(group);
            }
        }
        if let Some(known) = self.communities.get_mut(community).and_then(|k| k.groups.as_mut()) {
            known.regular.retain(|g| !groups.contains(g));
        }
    }

    /// Forgets everything about one community.
    pub(crate) fn forget(&mut self, community: &CommunityId) {
        self.communities.remove(community);
        self.owner_of_group.retain(|_, owner| owner != community);
    }

    /// A copy of every entry, for the knowledge document.
    pub(crate) fn entries(&self) -> Entries {
        let communities = self.communities.iter().map(|(id, k)| (id.clone(), k.clone())).collect();
        (communities, self.owner_of_group.iter().map(|(g, c)| (g.clone(), c.clone())).collect())
    }

    /// Adds entries read from a knowledge document; an entry replaces what was known of its
    /// community or group.
    pub(crate) fn absorb(&mut self, (communities, owners): Entries) {
        self.communities.extend(communities);
        self.owner_of_group.extend(owners);
    }

    pub(crate) fn forget_all(&mut self) {
        *self = Self::default();
    }
}
