//! Communities, the groups linked to them, and their announcement group.

use serde::{Deserialize, Serialize};

use super::ids::{CommunityId, GroupId};

/// A community as the service describes it (create response or metadata).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Community {
    /// The community id (bare digits).
    pub id: CommunityId,
    /// The community's name (also the announcement group's name).
    pub name: String,
    /// The description, when the service returned one.
    pub description: Option<String>,
    /// The announcement group, when the response listed it.
    pub announcement_group: Option<GroupId>,
    /// Every group the response listed, the announcement group included.
    pub groups: Vec<LinkedGroup>,
}

impl Community {
    /// The regular (non-announcement) groups.
    pub fn regular_groups(&self) -> impl Iterator<Item = &LinkedGroup> {
        self.groups.iter().filter(|g| !g.is_announcement)
    }
}

/// One entry of a community's `subGroups`: a linked group or the announcement group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct LinkedGroup {
    /// The group id (`…-group`).
    pub id: GroupId,
    /// The group's name.
    pub name: String,
    /// Whether this is the community's announcement group.
    pub is_announcement: bool,
}

/// A line of the community list: only id and name
/// (developer.z-api.io/communities/list-communities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct CommunitySummary {
    /// The community id.
    pub id: CommunityId,
    /// The community's name.
    pub name: String,
}

/// Who may add new groups to a community (`whoCanAddNewGroups`,
/// developer.z-api.io/communities/community-settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, from_py_object, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum WhoCanAddGroups {
    /// Only community admins.
    Admins,
    /// Any member.
    All,
}

impl WhoCanAddGroups {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            WhoCanAddGroups::Admins => "admins",
            WhoCanAddGroups::All => "all",
        }
    }

    /// Reads `admins` or `all` (case-insensitive).
    ///
    /// # Errors
    /// [`crate::Error::Validation`] naming `who_can_add_new_groups` for anything else.
    pub fn parse(raw: &str) -> Result<Self, crate::Error> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "admins" => Ok(Self::Admins),
            "all" => Ok(Self::All),
            other => Err(crate::Error::validation(
                "who_can_add_new_groups",
                format!("must be \"admins\" or \"all\", got {other:?}"),
            )),
        }
    }
}

/// Where the announcement group of a community was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum AnnouncementSource {
    /// From the create-community response's `subGroups`.
    CreateResponse,
    /// From `GET /communities-metadata/{id}`.
    CommunityMetadata,
    /// From the chat list's `isGroupAnnouncement`, confirmed by the group's metadata.
    ChatList,
    /// Told to the client by the caller.
    Explicit,
}

impl AnnouncementSource {
    /// The stable name shared by every language (`create_response`, `community_metadata`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            AnnouncementSource::CreateResponse => "create_response",
            AnnouncementSource::CommunityMetadata => "community_metadata",
            AnnouncementSource::ChatList => "chat_list",
            AnnouncementSource::Explicit => "explicit",
        }
    }

    /// Reads a stable name (`create_response`, `community_metadata`, `chat_list`, `explicit`).
    ///
    /// # Errors
    /// [`crate::Error::Validation`] naming `source` for anything else.
    pub fn parse(raw: &str) -> Result<Self, crate::Error> {
        [Self::CreateResponse, Self::CommunityMetadata, Self::ChatList, Self::Explicit]
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
            .ok_or_else(|| {
                crate::Error::validation(
                    "source",
                    format!("must be create_response, community_metadata, chat_list or explicit, got {raw:?}"),
                )
            })
    }
}

/// The group through which a whole community is messaged
/// (developer.z-api.io/communities/introduction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct AnnouncementGroup {
    /// The community it belongs to.
    pub community_id: CommunityId,
    /// The group to send to.
    pub group_id: GroupId,
    /// Its name (the community's name), when known.
    pub name: Option<String>,
    /// How it was found.
    pub source: AnnouncementSource,
    /// Whether this answer came from the client's cache rather than a fresh lookup.
    pub from_cache: bool,
}

/// Where a group stands in a community (`Client.community_context`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CommunityContext {
    /// The community.
    pub community_id: CommunityId,
    /// The group asked about.
    pub group_id: GroupId,
    /// Whether it is the community's announcement group (else a linked group).
    pub is_announcement_group: bool,
    /// Whether the client answered from what it knew, without a request.
    pub from_cache: bool,
}
