//! Messages: `sendText` and `announce`.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{Announcement, MessageOptions, SentMessage};

use crate::args::{community_id, string};
use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::convert::{options, typed};
use crate::errors::OrThrow;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Sends a text message. A community id the client knows is refused: a community is messaged
    /// through its announcement group (`announce`).
    ///
    /// A community id the client knows is refused with a `ZapiError` of kind
    /// `not_announcement_group` (its `announcementGroup` says where to send instead): a
    /// community is messaged through its announcement group, see `announce`.
    #[wasm_bindgen(js_name = sendText)]
    pub async fn send_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] message: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "MessageOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<SentMessage>, JsValue> {
        let to = self.0.recipient(&string("to", &to)?).js()?;
        let message = string("message", &message)?;
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: MessageOptions = options("options", raw_options)?;
        let send = o.into_send_text(to, message).js()?;
        typed(&cancel.run(self.0.send_text(&send)).await?.js()?)
    }

    /// Sends `text` to the whole community: resolves its announcement group (cache first), then
    /// sends there. Only admins can post to it.
    ///
    /// Rejects with a `ZapiError`: `validation` before any request, `not_found` when no
    /// announcement group can be found, or any call error.
    pub async fn announce(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "MessageOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<Announcement>, JsValue> {
        let (community, text) = (community_id(&community)?, string("text", &text)?);
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: MessageOptions = options("options", raw_options)?;
        typed(&cancel.run(self.0.announce(&community, &text, o.into_announce().js()?)).await?.js()?)
    }
}
