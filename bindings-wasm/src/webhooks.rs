//! Where the instance posts its events.

use wasm_bindgen::prelude::*;
use zapi_communities::WebhookKind;

use crate::args::{optional_bool, string};
use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::errors::OrThrow;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// Sets where one webhook posts its events: an `https://` URL (the service posts only to
    /// HTTPS; the simulator also takes `http://` to loopback). The service signs nothing, so
    /// put a long random secret in the URL and check it when events arrive.
    #[wasm_bindgen(js_name = setWebhook)]
    pub async fn set_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookKind")] kind: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let kind = WebhookKind::parse_field(&string("kind", &kind)?, "kind").js()?;
        Cancel::read(&call)?.run(self.0.set_webhook(kind, &string("url", &url)?)).await?.js()
    }

    /// Sets every webhook to one URL and, when `notify_sent_by_me` is given, whether messages
    /// the connected number sends are posted too.
    #[wasm_bindgen(js_name = setEveryWebhook)]
    pub async fn set_every_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
        #[wasm_bindgen(js_name = notifySentByMe, unchecked_optional_param_type = "boolean")] notify_sent_by_me: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?
            .run(
                self.0
                    .set_every_webhook(&string("url", &url)?, optional_bool("notify_sent_by_me", &notify_sent_by_me)?),
            )
            .await?
            .js()
    }

    /// Whether messages the connected number sends are posted to the received webhook, which
    /// must be set first.
    #[wasm_bindgen(js_name = setNotifySentByMe)]
    pub async fn set_notify_sent_by_me(
        &self,
        enabled: bool,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.set_notify_sent_by_me(enabled)).await?.js()
    }
}
