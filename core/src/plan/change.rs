//! A [`Plan`]: the changes that take a community from what the service reports to its spec, and
//! what applying them did ([`ApplyOutcome`]).

use serde::{Deserialize, Serialize};

use crate::model::{CommunityId, GroupId, WhoCanAddGroups};

/// A group a change acts on: its spec name, and its id unless the plan creates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PlannedGroup {
    /// The group's name.
    pub name: String,
    /// Its id; `None` for a group an earlier step creates.
    pub id: Option<GroupId>,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub enum PlanChange {
    /// Create the community (and with it its announcement group).
    CreateCommunity {
        /// Its name.
        name: String,
        /// Its description.
        description: Option<String>,
    },
    /// Replace the community's description.
    UpdateDescription {
        /// The new description.
        description: String,
    },
    /// Set who may add groups.
    UpdateSettings {
        /// Admins or everyone.
        who_can_add_new_groups: WhoCanAddGroups,
    },
    /// Set the community's photo.
    UpdatePhoto {
        /// An http(s) URL or a base64 data URI.
        photo: String,
    },
    /// Rename a group the spec names by its id.
    RenameGroup {
        /// The group, under its current name.
        group: PlannedGroup,
        /// Its new name.
        name: String,
    },
    /// Create a group with its first members.
    CreateGroup {
        /// Its name.
        name: String,
        /// Its first members (numbers).
        members: Vec<String>,
    },
    /// Link groups to the community.
    LinkGroups {
        /// The groups.
        groups: Vec<PlannedGroup>,
    },
    /// Unlink groups from the community (they are not deleted).
    UnlinkGroups {
        /// The groups.
        groups: Vec<PlannedGroup>,
    },
    /// Add people to a group.
    AddMembers {
        /// The group.
        group: PlannedGroup,
        /// The numbers.
        phones: Vec<String>,
    },
    /// Remove people from a group.
    RemoveMembers {
        /// The group.
        group: PlannedGroup,
        /// The numbers.
        phones: Vec<String>,
    },
    /// Promote members to admins of a group, or of the community when `group` is `None`.
    AddAdmins {
        /// The group, or `None` for the community.
        group: Option<PlannedGroup>,
        /// The numbers.
        phones: Vec<String>,
    },
    /// Take admin rights away in a group, or in the community when `group` is `None`.
    RemoveAdmins {
        /// The group, or `None` for the community.
        group: Option<PlannedGroup>,
        /// The numbers.
        phones: Vec<String>,
    },
}

impl PlanChange {
    /// Where the change runs in the safe order: the community before anything in it, groups
    /// created before they are linked, people added before they are promoted, demotions before
    /// removals, and unlinking last, once every link has landed.
    pub fn phase(&self) -> u8 {
        match self {
            Self::CreateCommunity { .. } => 0,
            Self::UpdateDescription { .. }
            | Self::UpdateSettings { .. }
            | Self::UpdatePhoto { .. }
            | Self::RenameGroup { .. } => 1,
            Self::CreateGroup { .. } => 2,
            Self::LinkGroups { .. } => 3,
            Self::AddMembers { .. } => 4,
            Self::AddAdmins { .. } => 5,
            Self::RemoveAdmins { .. } => 6,
            Self::RemoveMembers { .. } => 7,
            Self::UnlinkGroups { .. } => 8,
        }
    }

    /// The change's stable name shared by every language (its `kind` in JSON).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::CreateCommunity { .. } => "create_community",
            Self::UpdateDescription { .. } => "update_description",
            Self::UpdateSettings { .. } => "update_settings",
            Self::UpdatePhoto { .. } => "update_photo",
            Self::RenameGroup { .. } => "rename_group",
            Self::CreateGroup { .. } => "create_group",
            Self::LinkGroups { .. } => "link_groups",
            Self::UnlinkGroups { .. } => "unlink_groups",
            Self::AddMembers { .. } => "add_members",
            Self::RemoveMembers { .. } => "remove_members",
            Self::AddAdmins { .. } => "add_admins",
            Self::RemoveAdmins { .. } => "remove_admins",
        }
    }

    /// One line saying what the change does, the same in every language (for tables and logs).
    pub fn summary(&self) -> String {
        let names = |groups: &[PlannedGroup]| groups.iter().map(|g| format!("{:?}", g.name)).collect::<Vec<_>>();
        let scope = |group: &Option<PlannedGroup>| match group {
            Some(g) => format!("group {:?}", g.name),
            None => "the community".to_owned(),
        };
        match self {
            Self::CreateCommunity { name, .. } => format!("create community {name:?}"),
            Self::UpdateDescription { .. } => "update the community description".to_owned(),
            Self::UpdateSettings { who_can_add_new_groups } => {
                format!("let {} add groups", who_can_add_new_groups.as_str())
            }
            Self::UpdatePhoto { .. } => "set the community photo".to_owned(),
            Self::RenameGroup { group, name } => format!("rename group {:?} to {name:?}", group.name),
            Self::CreateGroup { name, members } => format!("create group {name:?} with {}", count(members.len())),
            Self::LinkGroups { groups } => format!("link {}", names(groups).join(", ")),
            Self::UnlinkGroups { groups } => format!("unlink {}", names(groups).join(", ")),
            Self::AddMembers { group, phones } => format!("add {} to group {:?}", count(phones.len()), group.name),
            Self::RemoveMembers { group, phones } => {
                format!("remove {} from group {:?}", count(phones.len()), group.name)
            }
            Self::AddAdmins { group, phones } => format!("promote {} in {}", count(phones.len()), scope(group)),
            Self::RemoveAdmins { group, phones } => format!("demote {} in {}", count(phones.len()), scope(group)),
        }
    }
}

fn count(n: usize) -> String {
    if n == 1 { "1 person".to_owned() } else { format!("{n} people") }
}

/// One change and why it is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PlanStep {
    /// What to do.
    pub change: PlanChange,
    /// What it does, in one line ([`PlanChange::summary`]).
    pub summary: String,
    /// Why: what the service reported that differs from the spec.
    pub reason: String,
}

impl PlanStep {
    /// A step with its summary.
    pub fn new(change: PlanChange, reason: impl Into<String>) -> Self {
        Self { summary: change.summary(), change, reason: reason.into() }
    }
}

/// The changes that make a community match its spec, in the order they run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Plan {
    /// The community's name.
    pub community_name: String,
    /// The community, unless the plan creates it.
    pub community_id: Option<CommunityId>,
    /// Regular groups linked to it when the plan was made (the guard that keeps the last one).
    pub linked_groups: u32,
    /// The steps, in the order they run; empty when the community matches its spec.
    pub steps: Vec<PlanStep>,
    /// What the plan could not check, and why (the photo and settings of an existing community,
    /// which the service does not report).
    pub notes: Vec<String>,
}

impl Plan {
    /// Whether the community already matches its spec.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// What became of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum StepStatus {
    /// The service accepted it.
    Done,
    /// A dry run: it would run, nothing was sent.
    DryRun,
    /// It failed; its error says why, and the steps after it did not run.
    Failed,
    /// Not run: an earlier step failed.
    NotRun,
}

impl StepStatus {
    /// The stable name shared by every language (`done`, `dry_run`, `failed`, `not_run`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::DryRun => "dry_run",
            Self::Failed => "failed",
            Self::NotRun => "not_run",
        }
    }
}

/// One step and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct StepOutcome {
    /// The step.
    pub step: PlanStep,
    /// What became of it.
    pub status: StepStatus,
    /// Why it failed.
    pub error: Option<String>,
}

/// What applying a plan did: every step in the order run, stopping at the first failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ApplyOutcome {
    /// Every step, in the order run.
    pub steps: Vec<StepOutcome>,
    /// Whether every step is done (or, in a dry run, would run).
    pub complete: bool,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// The community (created by the plan, or the one it was made for).
    pub community_id: Option<CommunityId>,
    /// Changes sent, one per step run (0 in a dry run); a link or unlink whose answer does not
    /// say what it did also reads the community's metadata once, not counted here.
    pub requests: u32,
}
