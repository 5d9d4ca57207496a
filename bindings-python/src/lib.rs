#![doc = include_str!("../README.md")]
//!
//! # The crate
//!
//! The native module `zapi_communities._zapi_communities` behind the PyPI package
//! `zapi-communities` (the Python side is in `python/zapi_communities/`). The model classes
//! (`Community`, `AnnouncementGroup`, …) are the core's own types, made `#[pyclass]` by derive
//! under the core's `python` feature; this crate adds the two clients, the pagers, the exceptions
//! and the bridge from `tracing` to `logging`.
//!
//! | file | what |
//! |---|---|
//! | `methods.rs` | every call once, in one table expanded into both clients |
//! | `handle.rs` | the state both clients wrap; their constructors (one keyword argument per core option) and shared members |
//! | `client.rs` | `Client`: blocking, the GIL released while waiting; context manager, pagers |
//! | `async_client.rs` | `AsyncClient`: asyncio awaitables; async context manager, pagers |
//! | `options.rs` | keyword arguments → the core's `ClientOptions` |
//! | `convert.rs` | Python arguments → core values |
//! | `pager.rs` | `Pager` / `AsyncPager` |
//! | `errors.rs` | the exception classes and the one mapping from the core's `Error` |
//! | `scan.rs` | `parse_announcement_groups`, the chat-list scan over a body the caller has |
//! | `webhook.rs` | `parse_webhook`, a webhook body into its typed event; `WebhookSecret` |
//! | `runtime/` | the tokio runtimes (one of each per process) and the panic fences |
//! | `transport.rs` | the HTTP transport, one connection pool per process |
//! | `logging.rs` | the core's log lines → `logging.getLogger("zapi_communities")` |
#![cfg(not(target_family = "wasm"))]

mod async_client;
mod client;
mod convert;
mod errors;
mod handle;
mod logging;
mod methods;
mod options;
mod pager;
mod runtime;
mod scan;
mod simulator;
mod transport;
mod webhook;

use pyo3::prelude::*;
use zapi_communities::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Community, CommunityContext, CommunitySummary,
    CreatedGroup, GroupAddPrivacy, GroupInvitationMetadata, GroupMetadata, GroupSettings, InvitationLinkError,
    InvitationLinkErrorKind, LinkOutcome, LinkedGroup, Participant, SentMessage, SkippedGroup, UnlinkOutcome,
    WebhookKind, WhoCanAddGroups, webhook as events,
};

/// Typed client for the Communities features of the Z-API WhatsApp HTTP API (native part).
#[pymodule]
fn _zapi_communities(m: &Bound<'_, PyModule>) -> PyResult<()> {
    runtime::register_fork_hook(m)?;
    runtime::record_main_thread(m.py())?;
    logging::install();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<client::PyClient>()?;
    m.add_class::<simulator::PySimulator>()?;
    m.add_class::<zapi_communities::sim::SimWebhook>()?;
    m.add_class::<async_client::PyAsyncClient>()?;
    m.add_class::<pager::PyPager>()?;
    m.add_class::<pager::PyAsyncPager>()?;
    m.add_class::<Community>()?;
    m.add_class::<LinkedGroup>()?;
    m.add_class::<CommunitySummary>()?;
    m.add_class::<WhoCanAddGroups>()?;
    m.add_class::<AnnouncementSource>()?;
    m.add_class::<AnnouncementGroup>()?;
    m.add_class::<CreatedGroup>()?;
    m.add_class::<Chat>()?;
    m.add_class::<Participant>()?;
    m.add_class::<GroupMetadata>()?;
    m.add_class::<InvitationLinkError>()?;
    m.add_class::<InvitationLinkErrorKind>()?;
    m.add_class::<GroupInvitationMetadata>()?;
    m.add_class::<GroupAddPrivacy>()?;
    m.add_class::<CommunityContext>()?;
    m.add_class::<WebhookKind>()?;
    m.add_class::<LinkOutcome>()?;
    m.add_class::<UnlinkOutcome>()?;
    m.add_class::<SkippedGroup>()?;
    m.add_class::<GroupSettings>()?;
    m.add_class::<SentMessage>()?;
    m.add_class::<Announcement>()?;
    m.add_class::<zapi_communities::QueuedMessage>()?;
    m.add_class::<zapi_communities::QueuePage>()?;
    m.add_class::<zapi_communities::bulk::BulkOutcome>()?;
    m.add_class::<zapi_communities::bulk::NumberOutcome>()?;
    m.add_class::<zapi_communities::bulk::BulkStatus>()?;
    m.add_class::<zapi_communities::bulk::BulkProgress>()?;
    m.add_class::<zapi_communities::plan::CommunitySpec>()?;
    m.add_class::<zapi_communities::plan::GroupSpec>()?;
    m.add_class::<zapi_communities::plan::CommunitySettingsSpec>()?;
    m.add_class::<zapi_communities::plan::Plan>()?;
    m.add_class::<zapi_communities::plan::PlanStep>()?;
    m.add_class::<zapi_communities::plan::PlanChange>()?;
    m.add_class::<zapi_communities::plan::PlannedGroup>()?;
    m.add_class::<zapi_communities::plan::ApplyOutcome>()?;
    m.add_class::<zapi_communities::plan::StepOutcome>()?;
    m.add_class::<zapi_communities::plan::StepStatus>()?;
    m.add_function(wrap_pyfunction!(scan::parse_announcement_groups, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::parse_webhook, m)?)?;
    m.add_class::<webhook::PyWebhookSecret>()?;
    m.add("MAX_WEBHOOK_BYTES", zapi_communities::webhook::MAX_WEBHOOK_BYTES)?;
    m.add_class::<events::WebhookEvent>()?;
    m.add_class::<events::ReceivedMessage>()?;
    m.add_class::<events::Delivery>()?;
    m.add_class::<events::MessageStatus>()?;
    m.add_class::<events::DeliveryStatus>()?;
    m.add_class::<events::Connection>()?;
    m.add_class::<events::Disconnection>()?;
    m.add_class::<events::Presence>()?;
    m.add_class::<events::PresenceStatus>()?;
    m.add_class::<events::MessageContent>()?;
    m.add_class::<events::GroupNotification>()?;
    m.add_class::<events::JoinRequestMethod>()?;
    m.add_class::<events::LinkMode>()?;
    errors::register(m)?;
    Ok(())
}
