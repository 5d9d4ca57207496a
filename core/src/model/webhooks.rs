//! Which webhook a URL is for (developer.z-api.io/webhooks/introduction).

use serde::Serialize;

/// One of the webhooks an instance posts to, each set by its own call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum WebhookKind {
    /// Received messages and group notifications (`/update-webhook-received`).
    Received,
    /// Received messages, and those the connected number sends
    /// (`/update-webhook-received-delivery`).
    ReceivedAndSent,
    /// Messages handed to WhatsApp (`/update-webhook-delivery`).
    Delivery,
    /// Message status changes (`/update-webhook-message-status`).
    MessageStatus,
    /// The phone disconnected (`/update-webhook-disconnected`).
    Disconnected,
    /// The phone connected (`/update-webhook-connected`).
    Connected,
    /// Chat presence (`/update-webhook-chat-presence`).
    ChatPresence,
}

impl WebhookKind {
    /// Every kind, in the docs' order.
    pub const ALL: [WebhookKind; 7] = [
        Self::Received,
        Self::ReceivedAndSent,
        Self::Delivery,
        Self::MessageStatus,
        Self::Disconnected,
        Self::Connected,
        Self::ChatPresence,
    ];

    /// The stable name shared by every language (`received`, `received_and_sent`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::ReceivedAndSent => "received_and_sent",
            Self::Delivery => "delivery",
            Self::MessageStatus => "message_status",
            Self::Disconnected => "disconnected",
            Self::Connected => "connected",
            Self::ChatPresence => "chat_presence",
        }
    }

    /// The route that sets it.
    pub fn route(self) -> &'static str {
        match self {
            Self::Received => "/update-webhook-received",
            Self::ReceivedAndSent => "/update-webhook-received-delivery",
            Self::Delivery => "/update-webhook-delivery",
            Self::MessageStatus => "/update-webhook-message-status",
            Self::Disconnected => "/update-webhook-disconnected",
            Self::Connected => "/update-webhook-connected",
            Self::ChatPresence => "/update-webhook-chat-presence",
        }
    }

    /// Reads a stable name, naming `field` in errors.
    ///
    /// # Errors
    /// [`crate::Error::Validation`] for anything else.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, crate::Error> {
        let name = raw.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|k| k.as_str() == name).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
            crate::Error::validation(field, format!("must be one of {}, got {raw:?}", names.join(", ")))
        })
    }
}
