//! Which community an event's group belongs to.

use crate::error::Error;
use crate::model::{CommunityContext, GroupId};

use super::Client;

impl Client {
    /// The community a group belongs to and whether it is that community's announcement group:
    /// what a bot needs to turn "someone joined group 1203…" (a webhook event's `chat`) into
    /// "someone joined community X". Answered from what the client knows when it can, else from
    /// the group's light metadata (one request, remembered). None for a group in no community.
    ///
    /// # Errors
    /// Any call error of the metadata read.
    pub async fn community_context(&self, group_id: &GroupId) -> Result<Option<CommunityContext>, Error> {
        if let Some((community_id, Some(is_announcement_group))) = self.knowledge().context(group_id) {
            return Ok(Some(CommunityContext {
                community_id,
                group_id: group_id.clone(),
                is_announcement_group,
                from_cache: true,
            }));
        }
        let metadata = self.light_group_metadata(group_id).await?;
        Ok(metadata.community_id.map(|community_id| CommunityContext {
            community_id,
            group_id: group_id.clone(),
            is_announcement_group: metadata.is_group_announcement,
            from_cache: false,
        }))
    }
}
