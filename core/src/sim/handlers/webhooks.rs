//! Where the instance posts its events: the webhook configuration routes
//! (developer.z-api.io/webhooks/introduction, developer.z-api.io/webhooks/update-every-webhooks,
//! developer.z-api.io/webhooks/update-notify-sent-by-me).

use super::super::body::JsonBody;
use super::super::reply::{Refusal, value_true};
use super::super::state::SimState;
use super::Outcome;
use crate::api::webhook_url;
use crate::http::HttpRequest;
use crate::model::WebhookKind;

/// `PUT /update-webhook-<kind> {value}` → `{"value": true}`; 400 for a URL the service would not
/// post to (not `https://`; the simulator also takes `http://` to loopback, for a local receiver).
pub(super) fn set(state: &mut SimState, request: &HttpRequest, kind: WebhookKind) -> Outcome {
    let url = url(&JsonBody::parse(request)?)?;
    state.tick();
    state.webhooks.set(kind, url);
    value_true()
}

/// `PUT /update-every-webhooks {value, notifySentByMe?}` → `{"value": true}`: every webhook posts
/// to `value` (received and the others; `received_and_sent` follows `notifySentByMe`).
pub(super) fn set_every(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let url = url(&body)?;
    let notify = body.optional_bool("notifySentByMe")?;
    state.tick();
    for kind in WebhookKind::ALL {
        state.webhooks.set(kind, url.clone());
    }
    if let Some(notify) = notify {
        state.webhooks.notify_sent_by_me = notify;
    }
    value_true()
}

/// `PUT /update-notify-sent-by-me {notifySentByMe}` → `{"value": true}`; 400 unless the
/// received webhook is set (the page says it must be first).
pub(super) fn notify_sent_by_me(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let Some(enabled) = body.optional_bool("notifySentByMe")? else {
        return Err(Refusal::bad_request("notifySentByMe is required"));
    };
    if state.webhooks.get(WebhookKind::Received).is_none() && state.webhooks.get(WebhookKind::ReceivedAndSent).is_none()
    {
        return Err(Refusal::bad_request("set the received webhook first"));
    }
    state.tick();
    state.webhooks.notify_sent_by_me = enabled;
    value_true()
}

fn url(body: &JsonBody) -> Result<String, Refusal> {
    let raw = body.non_empty_string("value")?;
    webhook_url("value", &raw).map_err(|e| Refusal::bad_request(e.to_string()))
}
