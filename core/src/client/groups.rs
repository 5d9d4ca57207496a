//! Groups and the chat list.

use crate::api::{Call, CreateGroup, GetGroupMetadata, ListChats, ListGroups, UpdateGroupSettings};
use crate::client::pager::Pager;
use crate::error::Error;
use crate::model::{Chat, CommunityId, CreatedGroup, GroupId, GroupMetadata, GroupSettings, Phone};

use super::Client;

impl Client {
    /// Creates a group (to link it to a community afterwards).
    ///
    /// # Errors
    /// [`Error::Validation`] (`name`, `phones`) or any call error.
    pub async fn create_group(&self, name: &str, phones: &[Phone], auto_invite: bool) -> Result<CreatedGroup, Error> {
        self.execute(&CreateGroup { name: name.to_owned(), phones: phones.to_vec(), auto_invite }).await
    }

    /// One page (from 1) of the chat list.
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_chats(&self, page: u32, page_size: u32) -> Result<Vec<Chat>, Error> {
        self.execute(&ListChats { page, page_size }).await
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    ///
    /// In Rust, [`Pager::page_size`] sets another size.
    pub fn chats(&self) -> Pager<ListChats> {
        Pager::new(self.clone())
    }

    /// The ids of the announcement groups on one page of the chat list (`isGroupAnnouncement`),
    /// read without building a [`Chat`] for every entry: the cheap way through a list of
    /// 100,000 chats. The ids are not checked against group metadata; to find the announcement
    /// group of one community, use [`Client::resolve_announcement_group`].
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_announcement_groups(&self, page: u32, page_size: u32) -> Result<Vec<GroupId>, Error> {
        let request = ListChats { page, page_size }.build(&self.inner.endpoint)?;
        let response = self.send(request).await?;
        ListChats::announcement_groups(&response).map_err(|e| self.inner.endpoint.redact_error(e))
    }

    /// A group's metadata (members, flags, community).
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_metadata(&self, group_id: &GroupId) -> Result<GroupMetadata, Error> {
        let metadata = self.execute(&GetGroupMetadata { group_id: group_id.clone(), light: false }).await?;
        self.knowledge().learn_group_owner(&metadata.id, metadata.community_id.as_ref());
        Ok(metadata)
    }

    /// Sets a group's four switches.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_group_settings(&self, group_id: &GroupId, settings: GroupSettings) -> Result<(), Error> {
        self.execute(&UpdateGroupSettings { group_id: group_id.clone(), settings }).await
    }

    /// One page (from 1) of the groups the connected number is in. Announcement groups are not
    /// marked in it.
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_groups(&self, page: u32, page_size: u32) -> Result<Vec<Chat>, Error> {
        self.execute(&ListGroups { page, page_size }).await
    }

    /// Pages through every group, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    ///
    /// In Rust, [`Pager::page_size`] sets another size.
    pub fn groups(&self) -> Pager<ListGroups> {
        Pager::new(self.clone())
    }

    /// A group's metadata without its invitation link: cheaper than `group_metadata`, and what a
    /// non-admin can read in full.
    ///
    /// # Errors
    /// Any call error.
    pub async fn light_group_metadata(&self, group_id: &GroupId) -> Result<GroupMetadata, Error> {
        let metadata = self.execute(&GetGroupMetadata { group_id: group_id.clone(), light: true }).await?;
        self.knowledge().learn_group_owner(&metadata.id, metadata.community_id.as_ref());
        Ok(metadata)
    }

    /// The community a group belongs to (a linked group or an announcement group), or none, read
    /// from its light metadata. The client remembers the answer, so linking the group elsewhere is
    /// refused before any request.
    ///
    /// # Errors
    /// Any call error.
    pub async fn community_of(&self, group_id: &GroupId) -> Result<Option<CommunityId>, Error> {
        Ok(self.light_group_metadata(group_id).await?.community_id)
    }
}
