//! `parseWebhook`: a webhook body into its typed event.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::WebhookEvent;

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
