//! The instance's message queue (developer.z-api.io/queue/introduction): messages the API
//! accepted that have not gone out yet. While the phone is disconnected they wait there (up to
//! 1000), and they all go out as soon as it reconnects, however old they are by then: look at
//! the queue first, and delete what no longer makes sense.

use serde::Serialize;

/// A message waiting in the queue (developer.z-api.io/queue/post-queue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct QueuedMessage {
    /// Z-API's id for the message: the one `send_text` returned, and the one to delete it by.
    pub zaap_id: String,
    /// WhatsApp's id, when the service gave one.
    pub message_id: Option<String>,
    /// The recipient: a phone number or a group id.
    pub phone: String,
    /// The text.
    pub message: String,
    /// Seconds the queue waits before sending it, when the message set a delay.
    pub delay_message: Option<u32>,
    /// Seconds of "typing…" shown before it, when the message set one.
    pub delay_typing: Option<u32>,
    /// When it was queued, in milliseconds since the epoch.
    pub created: Option<u64>,
}

/// One page of the queue, oldest message first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct QueuePage {
    /// The messages of this page.
    pub messages: Vec<QueuedMessage>,
    /// The cursor of the next page: pass it back as `paging_state` while `has_more` is true.
    pub paging_state: Option<String>,
    /// Whether more messages follow this page.
    pub has_more: bool,
}
