//! `parseWebhook`, a webhook body into its typed event, and `WebhookSecret`, the secret in the
//! webhook URL that tells the instance's posts from anyone else's.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::{WebhookEvent, WebhookSecret};

use crate::args;
use crate::convert::typed;
use crate::errors::OrThrow;

/// Reads one webhook body (the request's bytes in a `Uint8Array`, or its text) into its event: a
/// `WebhookEvent` whose `type` says which callback it is (`message`, `delivery`, `status`,
/// `connected`, `disconnected`, `presence`), a discriminated union in TypeScript. Group
/// notifications (join requests, people added, removed or leaving) are the `notification` of a
/// received message.
///
/// The service signs nothing: check the secret in your webhook URL before calling this. Throws a
/// `ZapiError` of kind `decode` for a body that is not an event (over 1 MiB, not JSON, no known
/// `type`).
#[wasm_bindgen(js_name = parseWebhook)]
pub fn parse_webhook(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] body: JsValue,
) -> Result<Ts<WebhookEvent>, JsValue> {
    let bytes = args::body("body", &body)?;
    typed(&zapi_communities::parse_webhook(&bytes).js()?)
}

/// The largest webhook body `parseWebhook` reads (1 MiB): refuse a longer `Content-Length`
/// before reading it.
#[wasm_bindgen(js_name = maxWebhookBytes)]
pub fn max_webhook_bytes() -> u32 {
    zapi_communities::webhook::MAX_WEBHOOK_BYTES as u32
}

/// The secret path segment of your webhook URL: the service signs nothing, so this is how a
/// handler tells the instance's posts from anyone else's. `WebhookSecret.generate()` makes a new
/// one; `new WebhookSecret(value)` takes one you kept. `toString()` never shows it.
///
/// Throws a `ZapiError` of kind `validation` naming `secret` for a value that is not 22 to 128
/// characters of `A-Z a-z 0-9 - _`.
#[wasm_bindgen(js_name = WebhookSecret)]
pub struct JsWebhookSecret(WebhookSecret);

#[wasm_bindgen(js_class = WebhookSecret)]
impl JsWebhookSecret {
    /// A secret you kept.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> Result<JsWebhookSecret, JsValue> {
        WebhookSecret::new(&args::string("secret", &value)?).map(Self).js()
    }

    /// A new secret from `crypto.getRandomValues`: 256 bits, 43 URL-safe characters.
    pub fn generate() -> JsWebhookSecret {
        Self(WebhookSecret::generate())
    }

    /// The secret itself, to store with your other credentials (the instance keeps posting to the
    /// URL it was given). Never log it.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// The URL to give `setWebhook` or `setEveryWebhook`: `baseUrl` with the secret as one more
    /// path segment. Throws a `ZapiError` of kind `validation` naming `base_url` for a URL those
    /// calls would refuse, or one with a query or fragment.
    pub fn url(
        &self,
        #[wasm_bindgen(js_name = baseUrl, unchecked_param_type = "string")] base_url: JsValue,
    ) -> Result<String, JsValue> {
        self.0.url(&args::string("base_url", &base_url)?).js()
    }

    /// Whether an incoming request is the instance's: its target (`req.url` in `node:http`, or a
    /// whole URL) ends in this secret. Compared in constant time.
    pub fn verify(&self, #[wasm_bindgen(js_name = requestTarget)] request_target: &str) -> bool {
        self.0.verify(request_target)
    }

    /// `WebhookSecret(***)`: never the secret.
    #[wasm_bindgen(js_name = toString)]
    #[allow(clippy::inherent_to_string)] // JS's toString, so template strings and logs show no secret
    pub fn to_string(&self) -> String {
        format!("{:?}", self.0)
    }

    /// `"WebhookSecret(***)"` for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> String {
        self.to_string()
    }
}
