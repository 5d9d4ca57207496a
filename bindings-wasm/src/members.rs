//! Members, admins and invitation links of a community or group. A target is a community id
//! (bare digits) or a group id (`…-group`), told apart by the core's `MemberTarget::parse`.

use js_sys::Function;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::Error;
use zapi_communities::api::validate::parse_phones;
use zapi_communities::bulk::{BulkOptions, BulkOutcome, BulkProgress, BulkProgressFn, MemberChange};
use zapi_communities::{Client, GroupAddPrivacy, GroupInvitationMetadata, InviteLink};

use crate::args::{community_id, group_id, phones, string, target};
use crate::cancel::{Cancel, take_property};
use crate::client::JsClient;
use crate::convert::{options, plain, typed};
use crate::errors::{OrThrow, to_js};
use crate::options::{BlacklistOptions, InviteOptions};

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Adds people to a community or group.
    #[wasm_bindgen(js_name = addParticipants)]
    pub async fn add_participants(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "InviteOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: InviteOptions = options("options", raw_options)?;
        cancel.run(self.0.add_participants(to, &people, o.auto_invite.unwrap_or(false))).await?.js()
    }

    /// Adds any number of people to a community or group: repeats dropped and every number checked
    /// before anything is sent, then chunks paced by `options`, each followed by one read of the
    /// members, which is where each number's outcome comes from (`done`, `already_done`, `invited`,
    /// `not_done`, `failed`, `pending`). A 429 is waited out and the chunk sent again (it was not
    /// applied); any other failure is re-read, never re-sent, and stops the run: call again with
    /// the same list to resume.
    #[wasm_bindgen(js_name = addParticipantsBulk)]
    pub async fn add_participants_bulk(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "BulkCallOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<BulkOutcome>, JsValue> {
        bulk(&self.0, MemberChange::Add, &to, &people, raw_options).await
    }

    /// Removes any number of people from a community or group, as `add_participants_bulk` adds
    /// them.
    #[wasm_bindgen(js_name = removeParticipantsBulk)]
    pub async fn remove_participants_bulk(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "BulkCallOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<BulkOutcome>, JsValue> {
        bulk(&self.0, MemberChange::Remove, &to, &people, raw_options).await
    }

    /// Promotes any number of members to admins, as `add_participants_bulk` adds people.
    #[wasm_bindgen(js_name = addAdminsBulk)]
    pub async fn add_admins_bulk(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "BulkCallOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<BulkOutcome>, JsValue> {
        bulk(&self.0, MemberChange::Promote, &to, &people, raw_options).await
    }

    /// Takes admin rights from any number of people, as `add_participants_bulk` adds people.
    #[wasm_bindgen(js_name = removeAdminsBulk)]
    pub async fn remove_admins_bulk(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "BulkCallOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<BulkOutcome>, JsValue> {
        bulk(&self.0, MemberChange::Demote, &to, &people, raw_options).await
    }

    /// Removes people from a community or group.
    #[wasm_bindgen(js_name = removeParticipants)]
    pub async fn remove_participants(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        Cancel::read(&call)?.run(self.0.remove_participants(to, &people)).await?.js()
    }

    /// Promotes people to admins of a community or group.
    #[wasm_bindgen(js_name = addAdmins)]
    pub async fn add_admins(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        Cancel::read(&call)?.run(self.0.add_admins(to, &people)).await?.js()
    }

    /// Takes admin rights away in a community or group.
    #[wasm_bindgen(js_name = removeAdmins)]
    pub async fn remove_admins(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = phones, unchecked_param_type = "string[]")] people: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let (to, people) = (target(&to)?, phones(&people)?);
        Cancel::read(&call)?.run(self.0.remove_admins(to, &people)).await?.js()
    }

    /// Revokes the invitation link of a community or group and returns the new link.
    #[wasm_bindgen(js_name = redefineInvitationLink)]
    pub async fn redefine_invitation_link(
        &self,
        #[wasm_bindgen(js_name = target, unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<String, JsValue> {
        Cancel::read(&call)?.run(self.0.redefine_invitation_link(target(&to)?)).await?.js()
    }

    /// A community's current invitation link, read from its announcement group (the service has no
    /// community route for reading it).
    #[wasm_bindgen(js_name = communityInvitationLink)]
    pub async fn community_invitation_link(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<String, JsValue> {
        Cancel::read(&call)?.run(self.0.community_invitation_link(&community_id(&community)?)).await?.js()
    }

    /// A group's current invitation link.
    #[wasm_bindgen(js_name = groupInvitationLink)]
    pub async fn group_invitation_link(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<String, JsValue> {
        Cancel::read(&call)?.run(self.0.group_invitation_link(&group_id(&group)?)).await?.js()
    }

    /// The people of a whole community, with their admin flags: the participants of its
    /// announcement group, found the way `announce` finds it (cache first).
    #[wasm_bindgen(js_name = communityMembers, unchecked_return_type = "Participant[]")]
    pub async fn community_members(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        plain(&Cancel::read(&call)?.run(self.0.community_members(&community_id(&community)?)).await?.js()?)
    }

    /// The connected number joins a group from its invitation link (`https://chat.whatsapp.com/CODE`
    /// or the bare code); where an admin must approve, it asks to join.
    #[wasm_bindgen(js_name = acceptGroupInvite)]
    pub async fn accept_group_invite(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] link: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let link = InviteLink::parse(&string("link", &link)?).js()?;
        Cancel::read(&call)?.run(self.0.accept_group_invite(&link)).await?.js()
    }

    /// Previews the group behind an invitation link (`https://chat.whatsapp.com/CODE` or the bare
    /// code) without joining it.
    #[wasm_bindgen(js_name = groupInvitationMetadata)]
    pub async fn group_invitation_metadata(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] link: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<GroupInvitationMetadata>, JsValue> {
        let link = InviteLink::parse(&string("link", &link)?).js()?;
        typed(&Cancel::read(&call)?.run(self.0.group_invitation_metadata(&link)).await?.js()?)
    }

    /// Sets who may add the connected number to groups (an account setting: the reason adding
    /// someone fails is often theirs). With `contact_blacklist`, `blacklist_add` and
    /// `blacklist_remove` change who is on the blacklist.
    #[wasm_bindgen(js_name = setGroupAddPrivacy)]
    pub async fn set_group_add_privacy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupAddPrivacy")] who: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "BlacklistOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<(), JsValue> {
        let who = GroupAddPrivacy::parse_field(&string("who", &who)?, "who").js()?;
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: BlacklistOptions = options("options", raw_options)?;
        let add = parse_phones("blacklist_add", &o.blacklist_add.unwrap_or_default()).js()?;
        let remove = parse_phones("blacklist_remove", &o.blacklist_remove.unwrap_or_default()).js()?;
        cancel.run(self.0.set_group_add_privacy(who, &add, &remove)).await?.js()
    }

    /// The numbers that may not add the connected number to groups (the blacklist of
    /// `contact_blacklist`). The service does not say which setting is in force.
    #[wasm_bindgen(js_name = groupAddPrivacy)]
    pub async fn group_add_privacy(
        &self,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Vec<String>, JsValue> {
        Cancel::read(&call)?.run(self.0.group_add_privacy()).await?.js()
    }
}

/// The four bulk methods' one body: the arguments checked (the numbers as given: the core reads
/// them whole, naming every bad one), the `signal` and an `onProgress` function taken out of the
/// options before the rest is read, and the core's `bulk_with_progress` awaited.
async fn bulk(
    client: &Client,
    change: MemberChange,
    to: &JsValue,
    people: &JsValue,
    raw_options: JsValue,
) -> Result<Ts<BulkOutcome>, JsValue> {
    let (cancel, raw) = Cancel::take(raw_options)?;
    let (found, raw) = take_property(&raw, "onProgress");
    let progress = match found.dyn_ref::<Function>() {
        Some(function) => Some(JsProgress(function.clone())),
        None if found.is_undefined() => None,
        None => return Err(to_js(Error::validation("on_progress", "must be a function"))),
    };
    let options: BulkOptions = options("options", raw)?;
    let (to, people) = (target(to)?, crate::args::strings("phones", people)?);
    let report = progress.as_ref().map(JsProgress::report);
    typed(&cancel.run(client.bulk_with_progress(change, to, &people, options, report.as_deref())).await?.js()?)
}

/// An `onProgress` function, called with a `BulkProgress` after each chunk.
struct JsProgress(Function);

impl JsProgress {
    /// The core's progress function: calls the JS function. What it throws cannot stop a chunk
    /// already sent, so it is dropped and the run goes on.
    fn report(&self) -> Box<BulkProgressFn<'_>> {
        Box::new(move |progress: &BulkProgress| {
            if let Ok(value) = plain(progress) {
                let _ = self.0.call1(&JsValue::NULL, &value);
            }
        })
    }
}
