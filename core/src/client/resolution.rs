//! Finding a community's announcement group, and the cache of what was found.

use crate::api::{Call, GetGroupMetadata, ListChats};
use crate::error::Error;
use crate::model::{AnnouncementGroup, AnnouncementSource, CommunityId, GroupId};
use crate::resolve;

use super::Client;

/// Page size used when the resolver scans the chat list.
const CHAT_SCAN_PAGE_SIZE: u32 = 200;

impl Client {
    /// The announcement group of a community: from the cache when known (the create response
    /// and earlier lookups fill it), else from community metadata, else from the chat list
    /// confirmed by each candidate's group metadata. The answer says which source found it.
    ///
    /// # Errors
    /// [`Error::NotFound`] when no source has it, or any call error.
    pub async fn resolve_announcement_group(&self, community_id: &CommunityId) -> Result<AnnouncementGroup, Error> {
        if let Some(cached) = self.cached_announcement_group(community_id) {
            return Ok(cached);
        }
        match self.resolve_announcement_group_from(community_id, AnnouncementSource::CommunityMetadata).await {
            Err(Error::NotFound { .. }) => {
                self.resolve_announcement_group_from(community_id, AnnouncementSource::ChatList).await
            }
            other => other,
        }
    }

    /// Looks the announcement group up from one source only, bypassing and then refreshing the
    /// cache. `CreateResponse` and `Explicit` are answered from the cache.
    ///
    /// # Errors
    /// [`Error::NotFound`] when that source does not have it, or any call error.
    pub async fn resolve_announcement_group_from(
        &self,
        community_id: &CommunityId,
        source: AnnouncementSource,
    ) -> Result<AnnouncementGroup, Error> {
        let found = match source {
            AnnouncementSource::CommunityMetadata => {
                let community = self.community_metadata(community_id).await?;
                resolve::from_community(&community, source)
            }
            AnnouncementSource::ChatList => self.scan_chats_for_announcement(community_id).await?,
            AnnouncementSource::CreateResponse | AnnouncementSource::Explicit => {
                self.cached_announcement_group(community_id).filter(|g| g.source == source)
            }
        };
        let found = found.ok_or_else(|| Error::NotFound {
            what: format!("announcement group (from {})", source.as_str()),
            id: community_id.to_string(),
        })?;
        if matches!(source, AnnouncementSource::CommunityMetadata | AnnouncementSource::ChatList) {
            self.knowledge().remember_announcement(found.clone());
        }
        Ok(found)
    }

    async fn scan_chats_for_announcement(
        &self,
        community_id: &CommunityId,
    ) -> Result<Option<AnnouncementGroup>, Error> {
        let mut page = 1;
        let mut end = crate::client::pager::PageEnd::default();
        loop {
            let call = ListChats { page, page_size: CHAT_SCAN_PAGE_SIZE };
            let request = call.build(&self.inner.endpoint)?;
            let response = self.send(request).await?;
            let (candidates, rows) =
                ListChats::scan_announcement_groups(&response).map_err(|e| self.inner.endpoint.redact_error(e))?;
            for candidate in candidates {
                let metadata = self.execute(&GetGroupMetadata { group_id: candidate, light: true }).await?;
                self.knowledge().learn_group_owner(&metadata.id, metadata.community_id.as_ref());
                if let Some(found) = resolve::from_group_metadata(&metadata, community_id) {
                    return Ok(Some(found));
                }
            }
            if end.is_last(rows) {
                return Ok(None);
            }
            page += 1;
        }
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one stored
    /// by your application. It is used until invalidated.
    pub fn remember_announcement_group(&self, community_id: &CommunityId, group_id: &GroupId) -> AnnouncementGroup {
        let group = AnnouncementGroup {
            community_id: community_id.clone(),
            group_id: group_id.clone(),
            name: None,
            source: AnnouncementSource::Explicit,
            from_cache: false,
        };
        self.knowledge().remember_announcement(group.clone());
        group
    }

    /// The cached announcement group of a community, with no I/O.
    pub fn cached_announcement_group(&self, community_id: &CommunityId) -> Option<AnnouncementGroup> {
        self.knowledge().announcement(community_id)
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    pub fn invalidate(&self, community_id: &CommunityId) {
        self.knowledge().forget(community_id);
    }

    /// Forgets everything the client has cached.
    pub fn invalidate_all(&self) {
        self.knowledge().forget_all();
    }
}
