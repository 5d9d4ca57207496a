//! Community calls.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{Community, LinkOutcome, Photo, UnlinkOutcome, WhoCanAddGroups};

use crate::args::{community_id, count, group_ids, optional_count, optional_string, string};
use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::convert::{plain, typed};
use crate::errors::OrThrow;
use crate::pager::CommunityPager;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Creates a community and remembers its announcement group from the response.
    ///
    /// Rejects with a `ZapiError`: `validation` (`name`, `description`) before any request, or
    /// any call error.
    #[wasm_bindgen(js_name = createCommunity)]
    pub async fn create_community(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] description: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<Community>, JsValue> {
        let (name, description) = (string("name", &name)?, optional_string("description", &description)?);
        typed(&Cancel::read(&call)?.run(self.0.create_community(&name, description.as_deref())).await?.js()?)
    }

    /// One page (from 1) of the community list, id and name only. The client remembers the ids, so
    /// a message addressed to one of them is refused (`not_announcement_group`).
    #[wasm_bindgen(js_name = listCommunities, unchecked_return_type = "CommunitySummary[]")]
    pub async fn list_communities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        plain(&Cancel::read(&call)?.run(self.0.list_communities(page, page_size)).await?.js()?)
    }

    /// Pages through every community, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    pub fn communities(
        &self,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<CommunityPager, JsValue> {
        let pager = self.0.communities().page_size_or_default(optional_count("page_size", &page_size)?);
        Ok(CommunityPager::new(pager, Cancel::read(&call)?))
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    #[wasm_bindgen(js_name = communityMetadata)]
    pub async fn community_metadata(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<Community>, JsValue> {
        typed(&Cancel::read(&call)?.run(self.0.community_metadata(&community_id(&community)?)).await?.js()?)
    }

    /// Links groups to a community (at most 50; a group belongs to at most one) and says which were
    /// linked and which the service skipped. Their members join the announcement group.
    #[wasm_bindgen(js_name = linkGroups)]
    pub async fn link_groups(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupIds, unchecked_param_type = "string[]")] groups: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<LinkOutcome>, JsValue> {
        let (community, groups) = (community_id(&community)?, group_ids(&groups)?);
        typed(&Cancel::read(&call)?.run(self.0.link_groups(&community, &groups)).await?.js()?)
    }

    /// Unlinks groups from a community and says which were unlinked; the groups are kept. As with
    /// `link_groups`, an answer that does not list what it skipped is checked against the
    /// community's metadata (one GET).
    #[wasm_bindgen(js_name = unlinkGroups)]
    pub async fn unlink_groups(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupIds, unchecked_param_type = "string[]")] groups: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<UnlinkOutcome>, JsValue> {
        let (community, groups) = (community_id(&community)?, group_ids(&groups)?);
        typed(&Cancel::read(&call)?.run(self.0.unlink_groups(&community, &groups)).await?.js()?)
    }

    /// Deactivates a community: all its groups are unlinked and kept. Forgets what the client knew
    /// of it, announcement group included.
    #[wasm_bindgen(js_name = deactivateCommunity)]
    pub async fn deactivate_community(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.deactivate_community(&community_id(&community)?)).await?.js()
    }

    /// Sets who may add groups to the community.
    #[wasm_bindgen(js_name = updateCommunitySettings)]
    pub async fn update_community_settings(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = whoCanAddNewGroups, unchecked_param_type = "WhoCanAddGroups")] who: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let community = community_id(&community)?;
        let who = WhoCanAddGroups::parse(&string("who_can_add_new_groups", &who)?).js()?;
        Cancel::read(&call)?.run(self.0.update_community_settings(&community, who)).await?.js()
    }

    /// Replaces the community's description.
    #[wasm_bindgen(js_name = updateCommunityDescription)]
    pub async fn update_community_description(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] description: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let (community, description) = (community_id(&community)?, string("description", &description)?);
        Cancel::read(&call)?.run(self.0.update_community_description(&community, &description)).await?.js()
    }

    /// Replaces the community's photo.
    #[wasm_bindgen(js_name = updateCommunityPhoto)]
    pub async fn update_community_photo(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] photo: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let community = community_id(&community)?;
        let photo = Photo::parse(&string("photo", &photo)?).js()?;
        Cancel::read(&call)?.run(self.0.update_community_photo(&community, &photo)).await?.js()
    }
}
