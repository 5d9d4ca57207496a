//! The events a Z-API instance POSTs to its webhooks, one variant per callback type
//! (developer.z-api.io/webhooks/introduction).

use serde::Serialize;

use super::content::MessageContent;
use super::notification::GroupNotification;

/// One webhook delivery, by its callback `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
// One event is handled at a time; a `Box` would show in the type every binding derives.
#[allow(clippy::large_enum_variant)]
pub enum WebhookEvent {
    /// `ReceivedCallback`: a message or a group notification arrived
    /// (developer.z-api.io/webhooks/on-message-received).
    Message {
        /// The message.
        message: ReceivedMessage,
    },
    /// `DeliveryCallback`: a message the API sent was handed to WhatsApp, not yet delivered
    /// (developer.z-api.io/webhooks/on-message-send).
    Delivery {
        /// Which message.
        delivery: Delivery,
    },
    /// `MessageStatusCallback`: messages were delivered, read or played
    /// (developer.z-api.io/webhooks/on-whatsapp-message-status-changes).
    Status {
        /// The new status and the messages it applies to.
        status: MessageStatus,
    },
    /// `ConnectedCallback`: the phone connected (developer.z-api.io/webhooks/on-webhook-connected).
    Connected {
        /// The connection.
        connection: Connection,
    },
    /// `DisconnectedCallback`: the phone disconnected
    /// (developer.z-api.io/webhooks/on-whatsapp-disconnected).
    Disconnected {
        /// The disconnection.
        disconnection: Disconnection,
    },
    /// `PresenceChatCallback`: someone is typing, recording, online or away
    /// (developer.z-api.io/webhooks/on-chat-presence).
    Presence {
        /// The presence.
        presence: Presence,
    },
}

/// A message or a group notification the connected number received (or sent, with
/// "notify sent by me" on: `from_me`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ReceivedMessage {
    /// The chat: a phone number, a group id (`…-group`), `…@lid`, `…@newsletter` or `…-broadcast`.
    pub chat: String,
    /// The message id.
    pub message_id: Option<String>,
    /// Whether the chat is a group (in a group, the sender is `participant_phone`).
    pub is_group: bool,
    /// Whether the chat is a newsletter (channel).
    pub is_newsletter: bool,
    /// Whether the connected number sent it.
    pub from_me: bool,
    /// Whether it was sent through the API.
    pub from_api: bool,
    /// Whether it edits an earlier message.
    pub is_edit: bool,
    /// When, as the service wrote it (`momment`: milliseconds in the examples).
    pub moment: Option<u64>,
    /// Who wrote it in a group (or who acted, in a group notification).
    pub participant_phone: Option<String>,
    /// The sender's name.
    pub sender_name: Option<String>,
    /// The chat's name.
    pub chat_name: Option<String>,
    /// The connected number.
    pub connected_phone: Option<String>,
    /// The instance that received it.
    pub instance_id: Option<String>,
    /// The message's status (`RECEIVED`, …), as written.
    pub status: Option<String>,
    /// The message this one replies to.
    pub reference_message_id: Option<String>,
    /// What the message holds; none for notifications.
    pub content: Option<MessageContent>,
    /// The group notification this message is, if any.
    pub notification: Option<GroupNotification>,
}

/// A message the API sent, handed to WhatsApp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Delivery {
    /// The recipient.
    pub phone: Option<String>,
    /// The queue id the send call answered.
    pub zaap_id: Option<String>,
    /// The message id the send call answered.
    pub message_id: Option<String>,
    /// The instance.
    pub instance_id: Option<String>,
}

/// Where messages stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum DeliveryStatus {
    /// `SENT`.
    Sent,
    /// `RECEIVED`: delivered.
    Received,
    /// `READ`.
    Read,
    /// `READ_BY_ME`: read on the connected number.
    ReadByMe,
    /// `PLAYED`: an audio was heard.
    Played,
    /// A value the docs do not list (kept in `status_text`).
    Other,
}

impl DeliveryStatus {
    /// The stable name shared by every language.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Received => "received",
            Self::Read => "read",
            Self::ReadByMe => "read_by_me",
            Self::Played => "played",
            Self::Other => "other",
        }
    }
}

/// A status change of messages (a message may repeat a status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct MessageStatus {
    /// The new status.
    pub status: DeliveryStatus,
    /// The status as the service wrote it.
    pub status_text: String,
    /// The messages it applies to.
    pub ids: Vec<String>,
    /// The chat.
    pub phone: Option<String>,
    /// Whether the chat is a group.
    pub is_group: bool,
    /// When, as written (`momment`).
    pub moment: Option<u64>,
    /// The instance.
    pub instance_id: Option<String>,
}

/// The phone connected to the instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Connection {
    /// The connected number.
    pub phone: Option<String>,
    /// `connected` as sent.
    pub connected: bool,
    /// When, as written (`momment`).
    pub moment: Option<u64>,
    /// The instance.
    pub instance_id: Option<String>,
}

/// The phone disconnected from the instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Disconnection {
    /// Why, as the service wrote it.
    pub error: Option<String>,
    /// `disconnected` as sent.
    pub disconnected: bool,
    /// When, as written (`momment`: seconds in the example).
    pub moment: Option<u64>,
    /// The instance.
    pub instance_id: Option<String>,
}

/// What a contact is doing in a chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum PresenceStatus {
    /// `AVAILABLE`: online.
    Available,
    /// `UNAVAILABLE`: away.
    Unavailable,
    /// `COMPOSING`: typing.
    Composing,
    /// `RECORDING`: recording audio.
    Recording,
    /// `PAUSED`: stopped typing.
    Paused,
    /// A value the docs do not list (kept in `status_text`).
    Other,
}

impl PresenceStatus {
    /// The stable name shared by every language.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Available => "available",
            Self::Unavailable => "unavailable",
            Self::Composing => "composing",
            Self::Recording => "recording",
            Self::Paused => "paused",
            Self::Other => "other",
        }
    }
}

/// A presence update in a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Presence {
    /// The contact.
    pub phone: Option<String>,
    /// What they are doing.
    pub status: PresenceStatus,
    /// The status as the service wrote it.
    pub status_text: String,
    /// When they were last seen, as written.
    pub last_seen: Option<u64>,
    /// The instance.
    pub instance_id: Option<String>,
}
