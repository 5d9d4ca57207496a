//! Conversions for the Python binding (pyo3, feature `python`).
//!
//! The model types are `#[pyclass]`es by derive (see `crate::model`); what the orphan rule forces
//! to live here is:
//!
//! - the id newtypes ([`CommunityId`], [`GroupId`], [`Phone`]) leaving Rust as plain `str`, in
//!   their normalised form. Coming in, the binding parses them itself with the core's `parse`
//!   functions and the argument's own name (`group_ids[2]`), so a bad value raises the binding's
//!   `ValidationError` naming that argument; there is deliberately no `FromPyObject` for them;
//! - a dataclass-style `__repr__` for every struct (pyo3's default shows only the address);
//! - `value` / `__str__` on the enums (the stable names shared by every language);
//! - a keyword constructor for [`GroupSettings`], the one struct Python builds.

use std::convert::Infallible;
use std::fmt::Write as _;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::bulk::{BulkOutcome, BulkProgress, BulkStatus, NumberOutcome};
use crate::model::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Community, CommunityContext, CommunityId,
    CommunitySummary, CreatedGroup, GroupAddPrivacy, GroupId, GroupInvitationMetadata, GroupMetadata, GroupSettings,
    InvitationLinkError, InvitationLinkErrorKind, LinkOutcome, LinkedGroup, Participant, Phone, QueuePage,
    QueuedMessage, SentMessage, SkippedGroup, UnlinkOutcome, WebhookKind, WhoCanAddGroups,
};
use crate::plan::{PlanStep, PlannedGroup, StepOutcome, StepStatus};
use crate::sim::SimWebhook;
use crate::webhook::{
    Connection, Delivery, DeliveryStatus, Disconnection, JoinRequestMethod, LinkMode, MessageStatus, Presence,
    PresenceStatus, ReceivedMessage,
};

macro_rules! id_as_str {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, self.as_str()))
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, self.as_str()))
            }
        }
    )*};
}
id_as_str!(CommunityId, GroupId, Phone);

/// `Name(field=repr(value), …)` from the object's own attributes, so nested values, `None`,
/// strings and booleans are shown exactly as Python shows them.
pub(super) fn dataclass_repr(obj: &Bound<'_, PyAny>, name: &str, fields: &[&str]) -> PyResult<String> {
    let mut out = String::with_capacity(64);
    out.push_str(name);
    out.push('(');
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let value = obj.getattr(*field)?.repr()?;
        let _ = write!(out, "{field}={value}");
    }
    out.push(')');
    Ok(out)
}

/// `__repr__` for structs. The destructuring pattern lists every field, so adding a field to a
/// struct without adding it here is a compile error rather than a silently incomplete repr.
macro_rules! dataclass {
    ($($t:ident { $($field:ident),* $(,)? })*) => {$(
        #[pymethods]
        impl $t {
            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                let $t { $($field: _),* } = slf.get();
                dataclass_repr(slf.as_any(), stringify!($t), &[$(stringify!($field)),*])
            }
        }
    )*};
}

dataclass! {
    Community { id, name, description, announcement_group, groups }
    LinkedGroup { id, name, is_announcement }
    CommunitySummary { id, name }
    AnnouncementGroup { community_id, group_id, name, source, from_cache }
    CreatedGroup { id, invitation_link }
    Chat { phone, name, is_group, is_group_announcement, unread, last_message_time, is_muted, archived, pinned }
    Participant { phone, is_admin, is_super_admin }
    GroupMetadata {
        id, name, description, owner, creation, invitation_link, invitation_link_error, community_id,
        is_group_announcement, admin_only_message, admin_only_settings, require_admin_approval, participants,
    }
    InvitationLinkError { kind, text }
    GroupInvitationMetadata { id, name, description, owner, creation, participants_count, participants }
    LinkOutcome { linked, skipped, verified_by_metadata }
    UnlinkOutcome { unlinked, skipped, verified_by_metadata }
    SkippedGroup { group_id, reason, other_community }
    SentMessage { zaap_id, message_id }
    QueuedMessage { zaap_id, message_id, phone, message, delay_message, delay_typing, created }
    QueuePage { messages, paging_state, has_more }
    Announcement { announcement_group, message }
    ReceivedMessage {
        chat, message_id, is_group, is_newsletter, from_me, from_api, is_edit, moment, participant_phone,
        sender_name, chat_name, connected_phone, instance_id, status, reference_message_id, content, notification,
    }
    Delivery { phone, zaap_id, message_id, instance_id }
    MessageStatus { status, status_text, ids, phone, is_group, moment, instance_id }
    Connection { phone, connected, moment, instance_id }
    Disconnection { error, disconnected, moment, instance_id }
    Presence { phone, status, status_text, last_seen, instance_id }
    SimWebhook { kind, url, body }
    CommunityContext { community_id, group_id, is_announcement_group, from_cache }
    BulkOutcome { outcomes, duplicates, complete, requests, metadata_reads }
    NumberOutcome { phone, status, reason }
    BulkProgress { settled, total, chunks_sent, chunks, latest }
    PlannedGroup { name, id }
    PlanStep { change, summary, reason }
    StepOutcome { step, status, error }
}

#[pymethods]
impl GroupSettings {
    /// The four switches; each one left out is `False`. All four are sent on update.
    #[new]
    #[pyo3(signature = (
        *,
        admin_only_message = false,
        admin_only_settings = false,
        require_admin_approval = false,
        admin_only_add_member = false
    ))]
    fn py_new(
        admin_only_message: bool,
        admin_only_settings: bool,
        require_admin_approval: bool,
        admin_only_add_member: bool,
    ) -> Self {
        Self { admin_only_message, admin_only_settings, require_admin_approval, admin_only_add_member }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let GroupSettings {
            admin_only_message: _,
            admin_only_settings: _,
            require_admin_approval: _,
            admin_only_add_member: _,
        } = slf.get();
        dataclass_repr(
            slf.as_any(),
            "GroupSettings",
            &["admin_only_message", "admin_only_settings", "require_admin_approval", "admin_only_add_member"],
        )
    }
}

/// `value` (the stable name shared by every language) and `__str__` for simple enums.
macro_rules! named_enum {
    ($($t:ty: $doc:literal),* $(,)?) => {$(
        #[pymethods]
        impl $t {
            #[doc = $doc]
            #[getter]
            fn value(&self) -> &'static str {
                self.as_str()
            }

            fn __str__(&self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}

named_enum! {
    AnnouncementSource: "The stable name shared by every language: `create_response`, `community_metadata`, `chat_list` or `explicit`.",
    InvitationLinkErrorKind: "The stable name shared by every language: `forbidden`, `not_authorized`, `too_many_requests` or `other`.",
    WhoCanAddGroups: "The wire value: `admins` or `all`.",
    GroupAddPrivacy: "The stable name shared by every language: `all`, `contacts` or `contact_blacklist`.",
    DeliveryStatus: "The stable name shared by every language: `sent`, `received`, `read`, `read_by_me`, `played` or `other`.",
    PresenceStatus: "The stable name shared by every language: `available`, `unavailable`, `composing`, `recording`, `paused` or `other`.",
    JoinRequestMethod: "The stable name shared by every language: `invite_link`, `non_admin_add` or `other`.",
    LinkMode: "The stable name shared by every language: `admins_only` or `all_members`.",
    BulkStatus: "The stable name shared by every language: `done`, `already_done`, `invited`, `not_done`, `failed` or `pending`.",
    StepStatus: "The stable name shared by every language: `done`, `dry_run`, `failed` or `not_run`.",
    WebhookKind: "The stable name shared by every language: `received`, `received_and_sent`, `delivery`, `message_status`, `disconnected`, `connected` or `chat_presence`.",
}
