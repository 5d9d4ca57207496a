//! The webhooks the simulated instance posts when its state changes, in the documented shapes
//! (developer.z-api.io/webhooks/on-message-received, developer.z-api.io/webhooks/on-message-send,
//! developer.z-api.io/webhooks/on-whatsapp-message-status-changes).
//!
//! A handler queues an event on the state it changes; the simulator keeps the events of the
//! requests it applies (a refused request posts nothing) and hands them out with
//! [`crate::sim::Simulator::take_webhooks`], each with the URL configured for its webhook, if any.

use serde_json::{Map, Value, json};

use super::state::SimState;
use crate::model::WebhookKind;

/// An event the simulated instance posts to a webhook.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SimWebhook {
    /// The webhook it is for.
    pub kind: WebhookKind,
    /// Where the instance posts it: the URL set for `kind`, if any (a received event also goes
    /// to the `received_and_sent` URL when only that one is set).
    pub url: Option<String>,
    /// The JSON body, as the service would post it (`parse_webhook` reads it).
    pub body: String,
}

/// An event a handler queued, before the instance id is filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Queued {
    pub(crate) kind: WebhookKind,
    pub(crate) body: Map<String, Value>,
}

impl SimState {
    /// A group notification (`ReceivedCallback` with `notification`): `actor` is who did it
    /// (`participantPhone`), `extra` adds keys such as `requestMethod`.
    pub(crate) fn notify_group(
        &mut self,
        group_id: &str,
        actor: Option<&str>,
        notification: &str,
        parameters: &[String],
        extra: &[(&str, &str)],
    ) {
        // From the clock (which every change moves) and the events this request queued, not
        // from `nextSeq`: the ids of groups and messages stay what they are without events.
        let message_id = format!("3EB0EVT{:010}{:03}", self.clock, self.outbox.len());
        let chat_name = self.group(group_id).map(|g| g.name.clone());
        let mut body = json!({
            "isGroup": true,
            "isNewsletter": false,
            "messageId": message_id,
            "phone": group_id,
            "connectedPhone": self.connected_phone,
            "fromMe": false,
            "momment": self.clock.saturating_mul(1000),
            "status": "RECEIVED",
            "chatName": chat_name,
            "participantPhone": actor,
            "type": "ReceivedCallback",
            "notification": notification,
            "notificationParameters": parameters,
        });
        for (key, value) in extra {
            body[*key] = json!(value);
        }
        self.queue(WebhookKind::Received, body);
    }

    /// A message the API sent, handed to WhatsApp (`DeliveryCallback`).
    pub(crate) fn notify_delivery(&mut self, phone: &str, zaap_id: &str, message_id: &str) {
        let body = json!({ "phone": phone, "zaapId": zaap_id, "messageId": message_id, "type": "DeliveryCallback" });
        self.queue(WebhookKind::Delivery, body);
    }

    /// A status change of one message (`MessageStatusCallback`).
    pub(crate) fn notify_status(&mut self, phone: &str, message_id: &str, status: &str, is_group: bool) {
        let body = json!({
            "status": status,
            "ids": [message_id],
            "momment": self.clock.saturating_mul(1000),
            "phone": phone,
            "type": "MessageStatusCallback",
            "isGroup": is_group,
        });
        self.queue(WebhookKind::MessageStatus, body);
    }

    /// The phone connected (`ConnectedCallback`) or disconnected (`DisconnectedCallback`)
    /// (developer.z-api.io/webhooks/on-webhook-connected,
    /// developer.z-api.io/webhooks/on-whatsapp-disconnected).
    pub(crate) fn notify_connection(&mut self, connected: bool) {
        let momment = self.clock.saturating_mul(1000);
        if connected {
            let body = json!({
                "type": "ConnectedCallback",
                "connected": true,
                "momment": momment,
                "phone": self.connected_phone,
            });
            self.queue(WebhookKind::Connected, body);
        } else {
            // The error text of the documented example.
            let body = json!({
                "type": "DisconnectedCallback",
                "disconnected": true,
                "momment": momment,
                "error": "Device has been disconnected",
            });
            self.queue(WebhookKind::Disconnected, body);
        }
    }

    fn queue(&mut self, kind: WebhookKind, body: Value) {
        if let Value::Object(body) = body {
            self.outbox.push(Queued { kind, body });
        }
    }
}

impl Queued {
    /// The event as posted by `instance_id`, to the URL `state` has for it.
    pub(crate) fn into_webhook(mut self, instance_id: &str, state: &SimState) -> SimWebhook {
        self.body.insert("instanceId".into(), json!(instance_id));
        let url = state.webhooks.get(self.kind).or_else(|| {
            (self.kind == WebhookKind::Received).then(|| state.webhooks.get(WebhookKind::ReceivedAndSent)).flatten()
        });
        SimWebhook { kind: self.kind, url: url.map(str::to_owned), body: Value::Object(self.body).to_string() }
    }
}
