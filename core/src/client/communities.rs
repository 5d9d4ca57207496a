//! Communities, their members and their invitation links.

use crate::api::{
    ChangeMembers, CreateCommunity, DeactivateCommunity, GetCommunityMetadata, GetGroupInvitationLink, LinkGroups,
    ListCommunities, MemberAction, MemberTarget, RedefineInvitationLink, UnlinkGroups, UpdateCommunityDescription,
    UpdateCommunityPhoto, UpdateCommunitySettings,
};
use crate::client::pager::Pager;
use crate::error::Error;
use crate::model::{
    AnnouncementSource, Community, CommunityId, CommunitySummary, GroupId, LinkOutcome, Participant, Phone, Photo,
    SkippedGroup, UnlinkOutcome, WhoCanAddGroups,
};
use crate::resolve;

use super::Client;

impl Client {
    /// Creates a community and remembers its announcement group from the response.
    ///
    /// # Errors
    /// [`Error::Validation`] (`name`, `description`) before any I/O, or any call error.
    pub async fn create_community(&self, name: &str, description: Option<&str>) -> Result<Community, Error> {
        let call = CreateCommunity { name: name.to_owned(), description: description.map(str::to_owned) };
        let community = self.execute(&call).await?;
        let announcement = resolve::from_community(&community, AnnouncementSource::CreateResponse);
        self.knowledge().learn_community(&community, announcement);
        Ok(community)
    }

    /// One page (from 1) of the community list, id and name only. The client remembers the ids,
    /// so a message addressed to one of them is refused (`not_announcement_group`).
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_communities(&self, page: u32, page_size: u32) -> Result<Vec<CommunitySummary>, Error> {
        let page = self.execute(&ListCommunities::page(page, page_size)).await?;
        self.knowledge().learn_community_ids(page.iter().map(|c| &c.id));
        Ok(page)
    }

    /// Pages through every community, `page_size` at a time (by default the client's
    /// `page_size` option). Nothing is requested until the first page.
    ///
    /// In Rust, [`Pager::page_size`] sets another size.
    pub fn communities(&self) -> Pager<ListCommunities> {
        Pager::new(self.clone())
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    ///
    /// # Errors
    /// Any call error.
    pub async fn community_metadata(&self, community_id: &CommunityId) -> Result<Community, Error> {
        let community = self.execute(&GetCommunityMetadata { community_id: community_id.clone() }).await?;
        let announcement = resolve::from_community(&community, AnnouncementSource::CommunityMetadata);
        self.knowledge().learn_community(&community, announcement);
        Ok(community)
    }

    /// Links groups to a community (at most 50; a group belongs to at most one) and says which
    /// were linked and which the service skipped. Their members join the announcement group.
    ///
    /// A group already in another community is skipped by the service. When the answer lists
    /// the skipped groups, that list is the outcome; when it does not (the documented
    /// `{"success": true}` says nothing either way), the client re-reads the community's
    /// metadata (one GET) and reports what it shows. Only what is true is remembered. What the
    /// client knows (groups already linked, groups owned by another community) is checked
    /// before anything is sent.
    ///
    /// # Errors
    /// [`Error::Validation`] (`group_ids`, `group_ids[i]`) before any I/O, or any call error.
    pub async fn link_groups(&self, community_id: &CommunityId, group_ids: &[GroupId]) -> Result<LinkOutcome, Error> {
        let call = {
            let known = self.knowledge();
            LinkGroups {
                community_id: community_id.clone(),
                group_ids: group_ids.to_vec(),
                known: known.groups(community_id),
                linked_elsewhere: known.owners(group_ids),
            }
        };
        let answer = self.execute(&call).await?;
        let (linked, skipped, verified) = match answer.skipped {
            Some(skipped) => {
                let linked = without(group_ids, &skipped);
                self.knowledge().linked(community_id, &linked);
                (linked, skipped, false)
            }
            None => {
                let now = self.community_metadata(community_id).await?;
                let (linked, missing) = split_by(group_ids, |g| now.groups.iter().any(|l| &l.id == g));
                let skipped = missing.into_iter().map(|g| self.skipped(g, "not linked after the call")).collect();
                (linked, skipped, true)
            }
        };
        Ok(LinkOutcome { linked, skipped: self.with_owners(skipped), verified_by_metadata: verified })
    }

    /// Unlinks groups from a community and says which were unlinked; the groups are kept. As
    /// with [`Client::link_groups`], an answer that does not list what it skipped is checked
    /// against the community's metadata (one GET).
    ///
    /// # Errors
    /// [`Error::Validation`] (e.g. unlinking the last regular group, when known) or any call error.
    pub async fn unlink_groups(
        &self,
        community_id: &CommunityId,
        group_ids: &[GroupId],
    ) -> Result<UnlinkOutcome, Error> {
        let known = self.knowledge().groups(community_id);
        let call = UnlinkGroups { community_id: community_id.clone(), group_ids: group_ids.to_vec(), known };
        let answer = self.execute(&call).await?;
        let (unlinked, skipped, verified) = match answer.skipped {
            Some(skipped) => {
                let unlinked = without(group_ids, &skipped);
                self.knowledge().unlinked(community_id, &unlinked);
                (unlinked, skipped, false)
            }
            None => {
                let now = self.community_metadata(community_id).await?;
                let (still, unlinked) = split_by(group_ids, |g| now.groups.iter().any(|l| &l.id == g));
                let skipped = still.into_iter().map(|g| self.skipped(g, "still linked after the call")).collect();
                (unlinked, skipped, true)
            }
        };
        Ok(UnlinkOutcome { unlinked, skipped, verified_by_metadata: verified })
    }

    fn skipped(&self, group_id: GroupId, reason: &str) -> SkippedGroup {
        SkippedGroup { group_id, reason: reason.to_owned(), other_community: None }
    }

    /// Fills in the community each skipped group is known to belong to.
    fn with_owners(&self, skipped: Vec<SkippedGroup>) -> Vec<SkippedGroup> {
        let known = self.knowledge();
        skipped
            .into_iter()
            .map(|s| {
                let owner = known.owners(std::slice::from_ref(&s.group_id)).pop().map(|(_, c)| c);
                SkippedGroup { other_community: s.other_community.or(owner), ..s }
            })
            .collect()
    }

    /// Deactivates a community: all its groups are unlinked and kept. Forgets what the client
    /// knew of it, announcement group included.
    ///
    /// # Errors
    /// Any call error.
    pub async fn deactivate_community(&self, community_id: &CommunityId) -> Result<(), Error> {
        self.execute(&DeactivateCommunity { community_id: community_id.clone() }).await?;
        self.knowledge().forget(community_id);
        Ok(())
    }

    /// Sets who may add groups to the community.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_community_settings(
        &self,
        community_id: &CommunityId,
        who_can_add_new_groups: WhoCanAddGroups,
    ) -> Result<(), Error> {
        self.execute(&UpdateCommunitySettings { community_id: community_id.clone(), who_can_add_new_groups }).await
    }

    /// Replaces the community's description.
    ///
    /// # Errors
    /// [`Error::Validation`] (`description`) or any call error.
    pub async fn update_community_description(
        &self,
        community_id: &CommunityId,
        description: &str,
    ) -> Result<(), Error> {
        let call =
            UpdateCommunityDescription { community_id: community_id.clone(), description: description.to_owned() };
        self.execute(&call).await
    }

    /// Replaces the community's photo.
    ///
    /// # Errors
    /// Any call error (the photo was validated by [`Photo::parse`]).
    pub async fn update_community_photo(&self, community_id: &CommunityId, photo: &Photo) -> Result<(), Error> {
        self.execute(&UpdateCommunityPhoto { community_id: community_id.clone(), photo: photo.clone() }).await
    }

    /// Adds people to a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn add_participants(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[Phone],
        auto_invite: bool,
    ) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::AddParticipants { auto_invite }, phones).await
    }

    /// Removes people from a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn remove_participants(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::RemoveParticipants, phones).await
    }

    /// Promotes people to admins of a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn add_admins(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::AddAdmins, phones).await
    }

    /// Takes admin rights away in a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn remove_admins(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::RemoveAdmins, phones).await
    }

    async fn change_members(&self, target: MemberTarget, action: MemberAction, phones: &[Phone]) -> Result<(), Error> {
        self.execute(&ChangeMembers { target, action, phones: phones.to_vec() }).await
    }

    /// Revokes the invitation link of a community or group and returns the new link.
    ///
    /// # Errors
    /// Any call error.
    pub async fn redefine_invitation_link(&self, target: impl Into<MemberTarget>) -> Result<String, Error> {
        self.execute(&RedefineInvitationLink { target: target.into() }).await
    }

    /// A community's current invitation link, read from its announcement group (the service has
    /// no community route for reading it).
    ///
    /// # Errors
    /// Resolution errors ([`Error::NotFound`]) or any call error.
    pub async fn community_invitation_link(&self, community_id: &CommunityId) -> Result<String, Error> {
        let group = self.resolve_announcement_group(community_id).await?;
        self.group_invitation_link(&group.group_id).await
    }

    /// The people of a whole community, with their admin flags: the participants of its
    /// announcement group, found the way `announce` finds it (cache first).
    ///
    /// # Errors
    /// Resolution errors ([`Error::NotFound`]) or any call error.
    pub async fn community_members(&self, community_id: &CommunityId) -> Result<Vec<Participant>, Error> {
        let group = self.resolve_announcement_group(community_id).await?;
        Ok(self.light_group_metadata(&group.group_id).await?.participants)
    }

    /// A group's current invitation link.
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_invitation_link(&self, group_id: &GroupId) -> Result<String, Error> {
        self.execute(&GetGroupInvitationLink { group_id: group_id.clone() }).await
    }
}

/// `groups` without the skipped ones, in order.
fn without(groups: &[GroupId], skipped: &[SkippedGroup]) -> Vec<GroupId> {
    groups.iter().filter(|g| !skipped.iter().any(|s| &s.group_id == *g)).cloned().collect()
}

/// `groups` split into those that satisfy `test` and the rest, each in order.
fn split_by(groups: &[GroupId], test: impl Fn(&GroupId) -> bool) -> (Vec<GroupId>, Vec<GroupId>) {
    groups.iter().cloned().partition(|g| test(g))
}

impl From<CommunityId> for MemberTarget {
    fn from(value: CommunityId) -> Self {
        MemberTarget::Community(value)
    }
}

impl From<&CommunityId> for MemberTarget {
    fn from(value: &CommunityId) -> Self {
        MemberTarget::Community(value.clone())
    }
}

impl From<GroupId> for MemberTarget {
    fn from(value: GroupId) -> Self {
        MemberTarget::Group(value)
    }
}

impl From<&GroupId> for MemberTarget {
    fn from(value: &GroupId) -> Self {
        MemberTarget::Group(value.clone())
    }
}
