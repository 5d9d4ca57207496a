//! What happened to each number of a bulk call, told from the group's members before and after.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Participant, Phone};

/// The change a bulk call makes to each number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberChange {
    /// `add-participant`.
    Add,
    /// `remove-participant`.
    Remove,
    /// `add-admin`.
    Promote,
    /// `remove-admin`.
    Demote,
}

/// One number's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum BulkStatus {
    /// The change happened: added, removed, promoted or demoted.
    Done,
    /// Nothing to do: already a member (add), not a member (remove), already an admin (promote),
    /// not an admin (demote). Such numbers are not sent.
    AlreadyDone,
    /// Not added, and the call asked for `autoInvite`: the service sends such a person the
    /// group's link, as it does when their privacy refuses direct adds.
    Invited,
    /// The call was accepted but the change did not happen (for an add: the number's privacy,
    /// or no WhatsApp account, most often; the service does not say which).
    NotDone,
    /// The chunk holding this number failed; its error says why.
    Failed,
    /// Not sent yet: the run stopped before this number's chunk. A re-run resumes here.
    Pending,
}

impl BulkStatus {
    /// The stable name shared by every language (`done`, `already_done`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::AlreadyDone => "already_done",
            Self::Invited => "invited",
            Self::NotDone => "not_done",
            Self::Failed => "failed",
            Self::Pending => "pending",
        }
    }
}

/// One number and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct NumberOutcome {
    /// The number, normalised.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub phone: Phone,
    /// What happened.
    pub status: BulkStatus,
    /// Why, when it is known: the chunk's error for `failed`, a likely cause for `not_done`.
    pub reason: Option<String>,
}

/// What a bulk call did: every number's outcome, in the order given (repeats dropped), and what
/// it cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct BulkOutcome {
    /// One per distinct number.
    pub outcomes: Vec<NumberOutcome>,
    /// Indices in the given list dropped as repeats of an earlier number.
    pub duplicates: Vec<u32>,
    /// Whether every chunk was sent. When not, the numbers left are `pending` (and the failed
    /// chunk's `failed`): call again with the same list to resume, since numbers already done
    /// are skipped.
    pub complete: bool,
    /// Membership requests sent (one per chunk, plus one per 429 waited out).
    pub requests: u32,
    /// Group metadata reads: one before the first chunk and one after each chunk sent.
    pub metadata_reads: u32,
}

impl BulkOutcome {
    /// The numbers with `status`, in order.
    pub fn with_status(&self, status: BulkStatus) -> Vec<Phone> {
        self.outcomes.iter().filter(|o| o.status == status).map(|o| o.phone.clone()).collect()
    }
}

/// Who is in a group and who administers it, from one metadata read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Members {
    members: HashSet<String>,
    admins: HashSet<String>,
}

impl Members {
    /// From a group's participants.
    pub fn of(participants: &[Participant]) -> Self {
        Self {
            members: participants.iter().map(|p| p.phone.clone()).collect(),
            admins: participants.iter().filter(|p| p.is_admin || p.is_super_admin).map(|p| p.phone.clone()).collect(),
        }
    }

    /// Whether `phone` is a member.
    pub fn has_member(&self, phone: &Phone) -> bool {
        self.members.contains(phone.as_str())
    }

    /// Whether `phone` is an admin.
    pub fn has_admin(&self, phone: &Phone) -> bool {
        self.admins.contains(phone.as_str())
    }

    /// Whether `change` is already true of `phone`, so it need not be sent.
    pub fn already(&self, change: MemberChange, phone: &Phone) -> bool {
        match change {
            MemberChange::Add => self.has_member(phone),
            MemberChange::Remove => !self.has_member(phone),
            MemberChange::Promote => self.has_admin(phone),
            MemberChange::Demote => !self.has_admin(phone),
        }
    }
}

/// The outcome of a number that was sent in a chunk the service accepted, from the members read
/// after it.
pub fn classify(change: MemberChange, phone: &Phone, after: &Members, auto_invite: bool) -> NumberOutcome {
    let (status, reason) = if after.already(change, phone) {
        (BulkStatus::Done, None)
    } else if change == MemberChange::Add && auto_invite {
        (
            BulkStatus::Invited,
            Some("not added directly (likely their privacy settings); sent the group's link".to_owned()),
        )
    } else {
        let why = match change {
            MemberChange::Add => "not added: their privacy settings may not allow it, or the number has no WhatsApp",
            MemberChange::Remove => "still a member after the call",
            MemberChange::Promote => "not an admin after the call (a number must be a member to be promoted)",
            MemberChange::Demote => "still an admin after the call (the creator cannot be demoted)",
        };
        (BulkStatus::NotDone, Some(why.to_owned()))
    };
    NumberOutcome { phone: phone.clone(), status, reason }
}
