//! What linking and unlinking groups really did.
//!
//! The link page says that groups already in another community are skipped and "indicated in the
//! response", without saying how (developer.z-api.io/communities/link-groups); the documented
//! answer is only `{"success": true}`. So the client reads a `skipped` list when the answer has
//! one, and otherwise re-reads the community's metadata (one GET) to see which groups are linked
//! now.

use serde::Serialize;

use super::ids::{CommunityId, GroupId};

/// The result of `link_groups`: which of the requested groups are linked now, and which were not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct LinkOutcome {
    /// The requested groups that are linked to the community now, in the order asked.
    pub linked: Vec<GroupId>,
    /// The requested groups that are not, each with the reason.
    pub skipped: Vec<SkippedGroup>,
    /// Whether the outcome comes from the community's metadata, read after the call because
    /// the answer did not say (one more GET), rather than from the answer itself.
    pub verified_by_metadata: bool,
}

/// The result of `unlink_groups`: which of the requested groups are no longer linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct UnlinkOutcome {
    /// The requested groups that are no longer linked to the community, in the order asked.
    pub unlinked: Vec<GroupId>,
    /// The requested groups that still are, each with the reason.
    pub skipped: Vec<SkippedGroup>,
    /// Whether the outcome comes from the community's metadata read after the call (see
    /// [`LinkOutcome::verified_by_metadata`]).
    pub verified_by_metadata: bool,
}

/// A requested group that the call did not change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SkippedGroup {
    /// The group.
    pub group_id: GroupId,
    /// Why, in words: the service's own reason when it gave one, else what the metadata shows.
    pub reason: String,
    /// The community the group belongs to instead, when known (a group belongs to at most one,
    /// developer.z-api.io/communities/link-groups).
    pub other_community: Option<CommunityId>,
}
