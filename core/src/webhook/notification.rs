//! Group notifications: WhatsApp's system messages inside a received message, named by
//! `notification` with their `notificationParameters`
//! (developer.z-api.io/webhooks/on-message-received).

use serde::Serialize;

use super::fields::Fields;
use super::keys as key;

/// How someone asked to join a group that needs an admin's approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum JoinRequestMethod {
    /// `invite_link`: they followed the invitation link.
    InviteLink,
    /// `non_admin_add`: a member who is not an admin tried to add them.
    NonAdminAdd,
    /// Not said, or a value the docs do not list.
    Other,
}

impl JoinRequestMethod {
    /// The stable name shared by every language.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InviteLink => "invite_link",
            Self::NonAdminAdd => "non_admin_add",
            Self::Other => "other",
        }
    }
}

/// Who may share a group's invitation link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum LinkMode {
    /// `ADMIN_LINK`: only admins.
    AdminsOnly,
    /// `ALL_MEMBER_LINK`: every member.
    AllMembers,
}

impl LinkMode {
    /// The stable name shared by every language.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AdminsOnly => "admins_only",
            Self::AllMembers => "all_members",
        }
    }
}

/// A group notification, its parameters named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub enum GroupNotification {
    /// `MEMBERSHIP_APPROVAL_REQUEST`: people wait for an admin's approval to join; decide with
    /// `approve_participants` / `reject_participants`.
    JoinRequest {
        /// The numbers to approve or reject.
        requesters: Vec<String>,
        /// How they asked.
        method: JoinRequestMethod,
        /// The member who tried to add them (`non_admin_add`).
        added_by: Option<String>,
    },
    /// `REVOKED_MEMBERSHIP_REQUESTS`: people withdrew their request.
    JoinRequestRevoked {
        /// Who withdrew.
        requesters: Vec<String>,
    },
    /// `GROUP_MEMBER_LINK_PROPERTY_UPDATE`: who may share the invitation link changed.
    LinkModeChanged {
        /// Who may share it now.
        link_mode: LinkMode,
    },
    /// `GROUP_CREATE`: the group was created.
    GroupCreated {
        /// Its name.
        name: Option<String>,
    },
    /// `GROUP_PARTICIPANT_ADD`: people were added.
    ParticipantsAdded {
        /// Who.
        participants: Vec<String>,
    },
    /// `GROUP_PARTICIPANT_REMOVE`: people were removed.
    ParticipantsRemoved {
        /// Who.
        participants: Vec<String>,
    },
    /// `GROUP_PARTICIPANT_LEAVE`: people left.
    ParticipantsLeft {
        /// Who.
        participants: Vec<String>,
    },
    /// Any other notification, as sent.
    Unknown {
        /// `notification`.
        name: String,
        /// `notificationParameters`.
        parameters: Vec<String>,
    },
}

impl GroupNotification {
    /// The notification of a received body, if it is one.
    pub(crate) fn read(body: Fields<'_, '_>) -> Option<Self> {
        let name = body.text(key::NOTIFICATION)?;
        let parameters = body.texts(key::NOTIFICATION_PARAMETERS);
        Some(match name.as_str() {
            "MEMBERSHIP_APPROVAL_REQUEST" => {
                let method = match body.text(key::REQUEST_METHOD).as_deref() {
                    Some("invite_link") => JoinRequestMethod::InviteLink,
                    Some("non_admin_add") => JoinRequestMethod::NonAdminAdd,
                    _ => JoinRequestMethod::Other,
                };
                let added_by = body.text(key::PARTICIPANT_PHONE).filter(|_| method == JoinRequestMethod::NonAdminAdd);
                Self::JoinRequest { requesters: parameters, method, added_by }
            }
            "REVOKED_MEMBERSHIP_REQUESTS" => Self::JoinRequestRevoked { requesters: parameters },
            "GROUP_MEMBER_LINK_PROPERTY_UPDATE" => match body.text(key::LINK_MODE).as_deref() {
                Some("ADMIN_LINK") => Self::LinkModeChanged { link_mode: LinkMode::AdminsOnly },
                Some("ALL_MEMBER_LINK") => Self::LinkModeChanged { link_mode: LinkMode::AllMembers },
                _ => Self::Unknown { name, parameters },
            },
            "GROUP_CREATE" => Self::GroupCreated { name: parameters.into_iter().next() },
            "GROUP_PARTICIPANT_ADD" => Self::ParticipantsAdded { participants: parameters },
            "GROUP_PARTICIPANT_REMOVE" => Self::ParticipantsRemoved { participants: parameters },
            "GROUP_PARTICIPANT_LEAVE" => Self::ParticipantsLeft { participants: parameters },
            _ => Self::Unknown { name, parameters },
        })
    }
}
