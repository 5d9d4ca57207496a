//! Groups, chats and their metadata.

use serde::Serialize;

use super::ids::{CommunityId, GroupId};

/// A group just created with `create-group`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct CreatedGroup {
    /// The new group's id.
    pub id: GroupId,
    /// Its invitation link, when returned.
    pub invitation_link: Option<String>,
}

/// One line of the chat list (`GET /chats`), read leniently (developer.z-api.io/chats/get-chats).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Chat {
    /// Contact phone or group id, as the service wrote it.
    pub phone: String,
    /// The chat's name, when present.
    pub name: Option<String>,
    /// A regular group.
    pub is_group: bool,
    /// A community's announcement group.
    pub is_group_announcement: bool,
    /// Unread messages (sent as a string by the service).
    pub unread: u64,
    /// Time of the last message as sent (seconds in `/chats`, milliseconds in `/groups`).
    pub last_message_time: Option<u64>,
    /// Whether the chat is muted.
    pub is_muted: bool,
    /// Whether the chat is archived.
    pub archived: bool,
    /// Whether the chat is pinned.
    pub pinned: bool,
}

impl Chat {
    /// The chat as a group id, when it is a group of either kind.
    pub fn group_id(&self) -> Option<GroupId> {
        if self.is_group || self.is_group_announcement || self.phone.ends_with("-group") {
            GroupId::parse(&self.phone).ok()
        } else {
            None
        }
    }
}

/// A member of a group and their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Participant {
    /// Phone or lid, as the service wrote it.
    pub phone: String,
    /// Whether they are an admin.
    pub is_admin: bool,
    /// Whether they are the creator (super admin).
    pub is_super_admin: bool,
}

/// `GET /group-metadata/{id}` (developer.z-api.io/group/metadata-group). Every field but the id is
/// optional on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct GroupMetadata {
    /// The group id.
    pub id: GroupId,
    /// The group's name (`subject`).
    pub name: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// The creator's phone.
    pub owner: Option<String>,
    /// Creation time in milliseconds.
    pub creation: Option<u64>,
    /// The invitation link (only when the connected number is admin).
    pub invitation_link: Option<String>,
    /// Why there is no invitation link, when the service says (`invitationLinkError`). A
    /// `too_many_requests` here is the only throttling signal the docs give.
    pub invitation_link_error: Option<InvitationLinkError>,
    /// The community this group belongs to (linked or announcement group).
    pub community_id: Option<CommunityId>,
    /// Whether this is a community's announcement group.
    pub is_group_announcement: bool,
    /// Only admins may send messages.
    pub admin_only_message: bool,
    /// Only admins may edit the group's info.
    pub admin_only_settings: bool,
    /// Joining requires an admin's approval.
    pub require_admin_approval: bool,
    /// The members.
    pub participants: Vec<Participant>,
}

/// Why a group's metadata has no invitation link: `invitationLinkError` of group metadata
/// (developer.z-api.io/group/metadata-group), read into a kind with the service's own text beside
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct InvitationLinkError {
    /// What the text says, as one of the documented reasons or `other`.
    pub kind: InvitationLinkErrorKind,
    /// The service's text, as sent (`not-authorized`, `too many requests`, …).
    pub text: String,
}

/// The documented reasons of `invitationLinkError` (developer.z-api.io/group/metadata-group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum InvitationLinkErrorKind {
    /// `forbidden`: the connected number may not see the link.
    Forbidden,
    /// `not-authorized`: the connected number is not an admin of the group.
    NotAuthorized,
    /// `too many requests`: WhatsApp is throttling invitation-link lookups; slow down.
    TooManyRequests,
    /// Any other text (kept in [`InvitationLinkError::text`]).
    Other,
}

impl InvitationLinkErrorKind {
    /// The stable name shared by every language: `forbidden`, `not_authorized`,
    /// `too_many_requests` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Forbidden => "forbidden",
            Self::NotAuthorized => "not_authorized",
            Self::TooManyRequests => "too_many_requests",
            Self::Other => "other",
        }
    }
}

impl InvitationLinkError {
    /// Reads the service's text; the docs give the words, not their exact spelling, so case,
    /// dashes, underscores and spaces do not matter. `None` for an empty text.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let words: String = text
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let kind = match words.as_str() {
            "forbidden" => InvitationLinkErrorKind::Forbidden,
            "not authorized" | "unauthorized" | "not authorised" => InvitationLinkErrorKind::NotAuthorized,
            "too many requests" | "rate overlimit" | "rate limited" | "429" => InvitationLinkErrorKind::TooManyRequests,
            _ => InvitationLinkErrorKind::Other,
        };
        Some(Self { kind, text: text.to_owned() })
    }
}

/// The four switches of `update-group-settings` (developer.z-api.io/group/update-group-settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
// Python builds it too (`GroupSettings(admin_only_message=True, …)`), hence `from_py_object`.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify, serde::Deserialize), tsify(missing_as_null))]
pub struct GroupSettings {
    /// Only admins may send messages.
    pub admin_only_message: bool,
    /// Only admins may edit the group's info.
    pub admin_only_settings: bool,
    /// Joining requires an admin's approval.
    pub require_admin_approval: bool,
    /// Only admins may add members.
    pub admin_only_add_member: bool,
}

#[cfg(test)]
mod tests {
    use super::{InvitationLinkError, InvitationLinkErrorKind as Kind};

    #[test]
    fn invitation_link_errors_read_the_documented_words_in_any_spelling() {
        for (text, kind) in [
            ("forbidden", Kind::Forbidden),
            ("not-authorized", Kind::NotAuthorized),
            ("Not Authorized", Kind::NotAuthorized),
            ("too many requests", Kind::TooManyRequests),
            ("TOO_MANY_REQUESTS", Kind::TooManyRequests),
            ("rate-overlimit", Kind::TooManyRequests),
            ("gone fishing", Kind::Other),
        ] {
            let parsed = InvitationLinkError::parse(text).unwrap();
            assert_eq!((parsed.kind, parsed.text.as_str()), (kind, text));
        }
        assert_eq!(InvitationLinkError::parse("  "), None);
    }
}
