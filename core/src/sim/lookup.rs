//! Read helpers over the state: find communities and groups and answer "who is admin" questions.

use super::state::{SimCommunity, SimGroup, SimState};

impl SimState {
    /// The active (not deactivated) community with this id.
    pub(crate) fn active_community(&self, id: &str) -> Option<&SimCommunity> {
        self.communities.iter().find(|c| c.id == id && !c.deactivated)
    }

    /// Mutable access to the active community with this id.
    pub(crate) fn active_community_mut(&mut self, id: &str) -> Option<&mut SimCommunity> {
        self.communities.iter_mut().find(|c| c.id == id && !c.deactivated)
    }

    /// The group with this id.
    pub(crate) fn group(&self, phone: &str) -> Option<&SimGroup> {
        self.groups.iter().find(|g| g.phone == phone)
    }

    /// Mutable access to the group with this id.
    pub(crate) fn group_mut(&mut self, phone: &str) -> Option<&mut SimGroup> {
        self.groups.iter_mut().find(|g| g.phone == phone)
    }

    /// The announcement group of an active community.
    pub(crate) fn announcement_group(&self, community_id: &str) -> Option<&SimGroup> {
        let community = self.active_community(community_id)?;
        self.group(&community.announcement_group)
    }

    /// Mutable access to the announcement group of an active community.
    pub(crate) fn announcement_group_mut(&mut self, community_id: &str) -> Option<&mut SimGroup> {
        let phone = self.active_community(community_id)?.announcement_group.clone();
        self.group_mut(&phone)
    }

    /// The regular (non-announcement) groups linked to a community, in creation order.
    pub(crate) fn linked_groups<'a>(&'a self, community_id: &'a str) -> impl Iterator<Item = &'a SimGroup> + 'a {
        self.groups.iter().filter(move |g| !g.is_group_announcement && g.community_id.as_deref() == Some(community_id))
    }

    /// Whether the connected phone has admin rights in the group.
    pub(crate) fn connected_is_group_admin(&self, group: &SimGroup) -> bool {
        group.participants.iter().any(|p| p.phone == self.connected_phone && p.has_admin_rights())
    }

    /// Whether the connected phone is a member of the group.
    pub(crate) fn connected_is_member(&self, group: &SimGroup) -> bool {
        group.participants.iter().any(|p| p.phone == self.connected_phone)
    }

    /// Whether the connected phone is a community admin, i.e. an admin of its announcement group
    /// (developer.z-api.io/communities/introduction,
    /// developer.z-api.io/communities/update-community-description: admins post there and change
    /// preferences).
    pub(crate) fn connected_is_community_admin(&self, community_id: &str) -> bool {
        self.announcement_group(community_id).is_some_and(|g| self.connected_is_group_admin(g))
    }

    /// Whether the connected phone is a member of the community (of its announcement group).
    pub(crate) fn connected_is_community_member(&self, community_id: &str) -> bool {
        self.announcement_group(community_id).is_some_and(|g| self.connected_is_member(g))
    }
}

/// Whether `phone` is a participant of `group`.
pub(crate) fn is_participant(group: &SimGroup, phone: &str) -> bool {
    group.participants.iter().any(|p| p.phone == phone)
}
