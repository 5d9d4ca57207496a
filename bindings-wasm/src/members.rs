//! Members, admins and invitation links of a community or group. A target is a community id
//! (bare digits) or a group id (`…-group`), told apart by the core's `MemberTarget::parse`.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::args::{community_id, group_id, phones, target};
use crate::client::JsClient;
use crate::convert::options;
use crate::errors::OrThrow;
use crate::options::InviteOptions;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Adds people to a community or group.
    #[wasm_bindgen(js_name = addParticipants)]
    pub async fn add_participants(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options)] raw_options: Option<Ts<InviteOptions>>,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        let o: InviteOptions = options("options", raw_options.map_or(JsValue::UNDEFINED, |o| o.js_value()))?;
        self.0.add_participants(to, &people, o.auto_invite.unwrap_or(false)).await.js()
    }

    /// Removes people from a community or group.
    #[wasm_bindgen(js_name = removeParticipants)]
    pub async fn remove_participants(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        self.0.remove_participants(to, &people).await.js()
    }

    /// Promotes people to admins of a community or group.
    #[wasm_bindgen(js_name = addAdmins)]
    pub async fn add_admins(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        self.0.add_admins(to, &people).await.js()
    }

    /// Takes admin rights away in a community or group.
    #[wasm_bindgen(js_name = removeAdmins)]
    pub async fn remove_admins(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        self.0.remove_admins(to, &people).await.js()
    }

    /// Revokes the invitation link of a community or group and returns the new link.
    #[wasm_bindgen(js_name = redefineInvitationLink)]
    pub async fn redefine_invitation_link(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
    ) -> Result<String, JsValue> {
        self.0.redefine_invitation_link(target(&to)?).await.js()
    }

    /// A community's current invitation link, read from its announcement group (the service has no
    /// community route for reading it).
    #[wasm_bindgen(js_name = communityInvitationLink)]
    pub async fn community_invitation_link(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
    ) -> Result<String, JsValue> {
        self.0.community_invitation_link(&community_id(&community)?).await.js()
    }

    /// A group's current invitation link.
    #[wasm_bindgen(js_name = groupInvitationLink)]
    pub async fn group_invitation_link(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
    ) -> Result<String, JsValue> {
        self.0.group_invitation_link(&group_id(&group)?).await.js()
    }
}
