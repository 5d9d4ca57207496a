//! Groups and chats.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{CreatedGroup, GroupMetadata, GroupSettings};

use crate::args::{count, group_id, optional_count, phones, string};
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
        #[wasm_bindgen(js_name = options)] raw_options: Option<Ts<InviteOptions>>,
    ) -> Result<Ts<CreatedGroup>, JsValue> {
        let (name, people) = (string("name", &name)?, phones(&people)?);
        let o: InviteOptions = options("options", raw_options.map_or(JsValue::UNDEFINED, |o| o.js_value()))?;
        typed(&self.0.create_group(&name, &people, o.auto_invite.unwrap_or(false)).await.js()?)
    }

    /// One page (from 1) of the chat list.
    #[wasm_bindgen(js_name = listChats, unchecked_return_type = "Chat[]")]
    pub async fn list_chats(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_param_type = "number")] page_size: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        plain(&self.0.list_chats(page, page_size).await.js()?)
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
    ) -> Result<Vec<String>, JsValue> {
        let (page, page_size) = (count("page", &page)?, count("page_size", &page_size)?);
        let found = self.0.list_announcement_groups(page, page_size).await.js()?;
        Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    pub fn chats(
        &self,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
    ) -> Result<ChatPager, JsValue> {
        Ok(ChatPager::new(self.0.chats().page_size_or_default(optional_count("page_size", &page_size)?)))
    }

    /// A group's metadata (members, flags, community).
    #[wasm_bindgen(js_name = groupMetadata)]
    pub async fn group_metadata(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
    ) -> Result<Ts<GroupMetadata>, JsValue> {
        typed(&self.0.group_metadata(&group_id(&group)?).await.js()?)
    }

    /// Sets a group's four switches.
    #[wasm_bindgen(js_name = updateGroupSettings)]
    pub async fn update_group_settings(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        settings: Ts<GroupSettings>,
    ) -> Result<(), JsValue> {
        let group = group_id(&group)?;
        // `GroupSettings` has no default: every switch must be given.
        let settings: GroupSettings = record("settings", settings.js_value())?;
        self.0.update_group_settings(&group, settings).await.js()
    }
}
