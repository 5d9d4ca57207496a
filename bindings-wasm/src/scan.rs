//! `parseAnnouncementGroups`: the chat-list scan over a body the caller already has.

use wasm_bindgen::prelude::*;
use zapi_communities::api::ListChats;

use crate::args;
use crate::errors::OrThrow;

/// The ids of the announcement groups (`isGroupAnnouncement`) in the body of a `GET /chats`
/// response you fetched yourself (or stored): the bytes (`await response.arrayBuffer()` in a
/// `Uint8Array`, the cheapest to hand over) or the text.
///
/// The body is scanned inside the module, reading two fields per chat without creating a JS
/// object for each: faster than `JSON.parse` and a filter on a large list. Throws a `ZapiError`
/// of kind `api` for an `{"error": …}` body, `decode` for one that is not a chat list, and
/// `validation` (field `body`) for anything but a `Uint8Array` or a string.
#[wasm_bindgen(js_name = parseAnnouncementGroups)]
pub fn parse_announcement_groups(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] body: JsValue,
) -> Result<Vec<String>, JsValue> {
    let bytes = args::body("body", &body)?;
    let found = ListChats::announcement_groups_in_body(&bytes).js()?;
    Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
}
