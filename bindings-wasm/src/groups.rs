//! Groups and chats.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{CreatedGroup, GroupMetadata, GroupSettings, Photo};

use crate::args::{count, group_id, optional_count, phones, string};
use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::convert::{options, plain, record, typed};
use crate::errors::OrThrow;
use crate::options::InviteOptions;
use crate::pager::ChatPager;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Creates a group (to link it to a community afterwards).
    #[wasm_bindgen(js_name = createGroup)]
    pub async fn create_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "InviteOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<CreatedGroup>, JsValue> {
        let (name, people) = (string("name", &name)?, phones(&people)?);
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: InviteOptions = options("options", raw_options)?;
        typed(&cancel.run(self.0.create_group(&name, &people, o.auto_invite.unwrap_or(false))).await?.js()?)
    }

    /// One page (from 1) of the chat list.
    #[wasm_bindgen(js_name = listChats, unchecked_return_type = "Chat[]")]
    pub async fn list_chats(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        plain(&Cancel::read(&call)?.run(self.0.list_chats(page, page_size)).await?.js()?)
    }

    /// The ids of the announcement groups on one page of the chat list (`isGroupAnnouncement`),
    /// read without building a `Chat` for every entry: the cheap way through a list of 100,000
    /// chats. The ids are not checked against group metadata; to find the announcement group of one
    /// community, use `resolve_announcement_group`.
    #[wasm_bindgen(js_name = listAnnouncementGroups)]
    pub async fn list_announcement_groups(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Vec<String>, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        let found = Cancel::read(&call)?.run(self.0.list_announcement_groups(page, page_size)).await?.js()?;
        Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    pub fn chats(
        &self,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<ChatPager, JsValue> {
        let pager = self.0.chats().page_size_or_default(optional_count("page_size", &page_size)?);
        Ok(ChatPager::new(pager, Cancel::read(&call)?))
    }

    /// A group's metadata (members, flags, community).
    #[wasm_bindgen(js_name = groupMetadata)]
    pub async fn group_metadata(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<GroupMetadata>, JsValue> {
        typed(&Cancel::read(&call)?.run(self.0.group_metadata(&group_id(&group)?)).await?.js()?)
    }

    /// Sets a group's four switches.
    #[wasm_bindgen(js_name = updateGroupSettings)]
    pub async fn update_group_settings(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        settings: Ts<GroupSettings>,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let group = group_id(&group)?;
        // `GroupSettings` has no default: every switch must be given.
        let settings: GroupSettings = record("settings", settings.js_value())?;
        Cancel::read(&call)?.run(self.0.update_group_settings(&group, settings)).await?.js()
    }

    /// One page (from 1) of the groups the connected number is in. Announcement groups are not
    /// marked in it.
    #[wasm_bindgen(js_name = listGroups, unchecked_return_type = "Chat[]")]
    pub async fn list_groups(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        plain(&Cancel::read(&call)?.run(self.0.list_groups(page, page_size)).await?.js()?)
    }

    /// Pages through every group, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    pub fn groups(
        &self,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<ChatPager, JsValue> {
        let pager = self.0.groups().page_size_or_default(optional_count("page_size", &page_size)?);
        Ok(ChatPager::groups(pager, Cancel::read(&call)?))
    }

    /// A group's metadata without its invitation link: cheaper than `group_metadata`, and what a
    /// non-admin can read in full.
    #[wasm_bindgen(js_name = lightGroupMetadata)]
    pub async fn light_group_metadata(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<GroupMetadata>, JsValue> {
        typed(&Cancel::read(&call)?.run(self.0.light_group_metadata(&group_id(&group)?)).await?.js()?)
    }

    /// The community a group belongs to (a linked group or an announcement group), or none, read
    /// from its light metadata. The client remembers the answer, so linking the group elsewhere is
    /// refused before any request.
    #[wasm_bindgen(js_name = communityOf)]
    pub async fn community_of(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Option<String>, JsValue> {
        Ok(Cancel::read(&call)?
            .run(self.0.community_of(&group_id(&group)?))
            .await?
            .js()?
            .map(|id| id.as_str().to_owned()))
    }

    /// The community a group belongs to and whether it is that community's announcement group:
    /// what a bot needs to turn "someone joined group 1203…" (a webhook event's `chat`) into
    /// "someone joined community X". Answered from what the client knows when it can, else from
    /// the group's light metadata (one request, remembered). None for a group in no community.
    #[wasm_bindgen(js_name = communityContext, unchecked_return_type = "CommunityContext | null")]
    pub async fn community_context(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        plain(&Cancel::read(&call)?.run(self.0.community_context(&group_id(&group)?)).await?.js()?)
    }

    /// Approves the pending join requests of `phones` in a group that requires an admin's
    /// approval: they become members (of the community's announcement group too, for a linked
    /// group). Requests arrive as `MEMBERSHIP_APPROVAL_REQUEST` webhooks; the service says
    /// nothing per number.
    #[wasm_bindgen(js_name = approveParticipants)]
    pub async fn approve_participants(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.approve_participants(&group_id(&group)?, &phones(&people)?)).await?.js()
    }

    /// Rejects the pending join requests of `phones` in a group; the service says nothing per
    /// number.
    #[wasm_bindgen(js_name = rejectParticipants)]
    pub async fn reject_participants(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.reject_participants(&group_id(&group)?, &phones(&people)?)).await?.js()
    }

    /// The connected number leaves a group.
    #[wasm_bindgen(js_name = leaveGroup)]
    pub async fn leave_group(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.leave_group(&group_id(&group)?)).await?.js()
    }

    /// Renames a group (1–100 characters). Only admins can.
    #[wasm_bindgen(js_name = updateGroupName)]
    pub async fn update_group_name(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let group = group_id(&group)?;
        Cancel::read(&call)?.run(self.0.update_group_name(&group, &string("name", &name)?)).await?.js()
    }

    /// Replaces a group's description (at most 2048 characters; empty clears it). Only admins can.
    #[wasm_bindgen(js_name = updateGroupDescription)]
    pub async fn update_group_description(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] description: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let group = group_id(&group)?;
        Cancel::read(&call)?
            .run(self.0.update_group_description(&group, &string("description", &description)?))
            .await?
            .js()
    }

    /// Replaces a group's photo (an https URL or Base64 data). Only admins can.
    #[wasm_bindgen(js_name = updateGroupPhoto)]
    pub async fn update_group_photo(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] photo: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let group = group_id(&group)?;
        let photo = Photo::parse(&string("photo", &photo)?).js()?;
        Cancel::read(&call)?.run(self.0.update_group_photo(&group, &photo)).await?.js()
    }
}
