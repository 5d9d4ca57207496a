//! Community calls.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{Community, LinkOutcome, Photo, UnlinkOutcome, WhoCanAddGroups};

use crate::args::{community_id, count, group_ids, optional_count, optional_string, string};
use crate::client::JsClient;
use crate::convert::{plain, typed};
use crate::errors::OrThrow;
use crate::pager::CommunityPager;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Creates a community; WhatsApp creates its announcement group with it, and the client
    /// remembers that group (source `create_response`).
    ///
    /// Rejects with a `ZapiError`: `validation` (`name`, `description`) before any request, or
    /// any call error.
    #[wasm_bindgen(js_name = createCommunity)]
    pub async fn create_community(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] description: JsValue,
    ) -> Result<Ts<Community>, JsValue> {
        let (name, description) = (string("name", &name)?, optional_string("description", &description)?);
        typed(&self.0.create_community(&name, description.as_deref()).await.js()?)
    }

    /// One page of the community list (id and name only). Pages start at 1; the last page is
    /// the first one shorter than `pageSize`.
    #[wasm_bindgen(js_name = listCommunities, unchecked_return_type = "CommunitySummary[]")]
    pub async fn list_communities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        plain(&self.0.list_communities(page, page_size).await.js()?)
    }

    /// Every community, page by page: `for await (const c of client.communities())`, or call
    /// `nextPage()` on the result. Nothing is requested until then. `pageSize` defaults to the
    /// client's `pageSize` option.
    pub fn communities(
        &self,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
    ) -> Result<CommunityPager, JsValue> {
        Ok(CommunityPager::new(self.0.communities().page_size_or_default(optional_count("page_size", &page_size)?)))
    }

    /// A community's name, description and groups (announcement group included); refreshes
    /// what the client knows of it.
    #[wasm_bindgen(js_name = communityMetadata)]
    pub async fn community_metadata(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
    ) -> Result<Ts<Community>, JsValue> {
        typed(&self.0.community_metadata(&community_id(&community)?).await.js()?)
    }

    /// Links groups (at most 50 per community; a group belongs to one community at most).
    /// Their members join the announcement group. Resolves to which groups were linked and
    /// which the service skipped; when its answer does not say, the community's metadata is
    /// read once to find out (`verifiedByMetadata`).
    #[wasm_bindgen(js_name = linkGroups)]
    pub async fn link_groups(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupIds, unchecked_param_type = "string[]")] groups: JsValue,
    ) -> Result<Ts<LinkOutcome>, JsValue> {
        let (community, groups) = (community_id(&community)?, group_ids(&groups)?);
        typed(&self.0.link_groups(&community, &groups).await.js()?)
    }

    /// Unlinks groups; the groups are kept. Unlinking the community's last regular group is
    /// refused (`validation` when the client knows it, `api` otherwise). Resolves to which
    /// groups were unlinked.
    #[wasm_bindgen(js_name = unlinkGroups)]
    pub async fn unlink_groups(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupIds, unchecked_param_type = "string[]")] groups: JsValue,
    ) -> Result<Ts<UnlinkOutcome>, JsValue> {
        let (community, groups) = (community_id(&community)?, group_ids(&groups)?);
        typed(&self.0.unlink_groups(&community, &groups).await.js()?)
    }

    /// Deactivates a community: its groups are unlinked and kept. The client forgets it.
    #[wasm_bindgen(js_name = deactivateCommunity)]
    pub async fn deactivate_community(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
    ) -> Result<(), JsValue> {
        self.0.deactivate_community(&community_id(&community)?).await.js()
    }

    /// Sets who may add groups to the community: `"admins"` or `"all"`.
    #[wasm_bindgen(js_name = updateCommunitySettings)]
    pub async fn update_community_settings(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = whoCanAddNewGroups, unchecked_param_type = "WhoCanAddGroups")] who: JsValue,
    ) -> Result<(), JsValue> {
        let community = community_id(&community)?;
        let who = WhoCanAddGroups::parse(&string("who_can_add_new_groups", &who)?).js()?;
        self.0.update_community_settings(&community, who).await.js()
    }

    /// Replaces the community's description (at most 2048 characters; empty clears it).
    #[wasm_bindgen(js_name = updateCommunityDescription)]
    pub async fn update_community_description(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] description: JsValue,
    ) -> Result<(), JsValue> {
        let (community, description) = (community_id(&community)?, string("description", &description)?);
        self.0.update_community_description(&community, &description).await.js()
    }

    /// Replaces the community's photo: an `http(s)` URL or a `data:image/…;base64,…` URI.
    #[wasm_bindgen(js_name = updateCommunityPhoto)]
    pub async fn update_community_photo(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] photo: JsValue,
    ) -> Result<(), JsValue> {
        let community = community_id(&community)?;
        let photo = Photo::parse(&string("photo", &photo)?).js()?;
        self.0.update_community_photo(&community, &photo).await.js()
    }
}
