//! Messages: what is sent and what comes back.

use serde::Serialize;

use super::community::AnnouncementGroup;
use super::ids::GroupId;

/// The ids the service returns for a queued message (developer.z-api.io/message/send-message-text).
/// A success means "queued", not "delivered".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SentMessage {
    /// Z-API's id for the message.
    pub zaap_id: String,
    /// WhatsApp's id; keep it to reply to, edit or delete the message.
    pub message_id: String,
}

/// A group mentioned in a message (`groupMentioned`, developer.z-api.io/group/mention-group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupMention {
    /// The mentioned group; the text must contain `@<its digits>`.
    pub group_id: GroupId,
    /// The group's name as shown in the mention.
    pub subject: String,
}

/// The result of [`crate::Client::announce`]: where it went and the message ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Announcement {
    /// The announcement group the message was sent to, and how it was found.
    pub announcement_group: AnnouncementGroup,
    /// The queued message.
    pub message: SentMessage,
}
