//! `Simulator`: the in-memory service a simulated client talks to, shared so a test or a tour can
//! play what people outside the account do (follow an invitation link).

use std::sync::Arc;

use pyo3::prelude::*;
use zapi_communities::sim::{SimWebhook, Simulator};
use zapi_communities::webhook::LinkMode;

use crate::errors::IntoPyResult;

/// An in-memory Z-API instance (the demo credentials, nothing in it yet). Pass it to
/// ``Client.simulated(simulator)`` to talk to it, and keep it to act as someone else.
#[pyclass(name = "Simulator", module = "zapi_communities", frozen)]
pub(crate) struct PySimulator(pub(crate) Arc<Simulator>);

#[pymethods]
impl PySimulator {
    #[new]
    fn new() -> Self {
        Self(Arc::new(Simulator::demo()))
    }

    /// Someone (`phone`) follows an invitation link (a full link or its code), as a person outside
    /// the account would: in a group that requires an admin's approval this is a join request
    /// (what `approve_participants` acts on), else they join. Returns ``"requested"``,
    /// ``"joined"`` or ``"already_member"``.
    ///
    /// Raises ``ValidationError`` naming ``phone`` or ``link`` (no group has that link).
    fn invite_join(&self, py: Python<'_>, link: &str, phone: &str) -> PyResult<&'static str> {
        self.0.invite_join(link, phone).map(|joined| joined.as_str()).or_raise(py)
    }

    /// Someone (``phone``) withdraws their request to join a group, as they can in the WhatsApp app:
    /// ``True``, and a ``JoinRequestRevoked`` event, if they had one.
    ///
    /// Raises ``ValidationError`` naming ``phone`` or ``group_id`` (no such group).
    fn withdraw_join_request(&self, py: Python<'_>, group_id: &str, phone: &str) -> PyResult<bool> {
        self.0.withdraw_join_request(group_id, phone).or_raise(py)
    }

    /// A group's admin sets in the WhatsApp app who may share its invitation link (``LinkMode``):
    /// ``True``, and a ``LinkModeChanged`` event, if that changed it.
    ///
    /// Raises ``ValidationError`` naming ``group_id`` (no such group).
    fn set_link_mode(&self, py: Python<'_>, group_id: &str, mode: LinkMode) -> PyResult<bool> {
        self.0.set_link_mode(group_id, mode).or_raise(py)
    }

    /// The phone disconnects (``False``) or connects again (``True``). While it is disconnected,
    /// ``send_text`` is still accepted and each message waits in the queue (at most 1000); on
    /// reconnection every queued message is sent, in order. Returns how many were sent.
    fn set_phone_connected(&self, connected: bool) -> u32 {
        self.0.set_phone_connected(connected)
    }

    /// Every event the instance has posted since the last call, oldest first: each ``SimWebhook``
    /// has its ``kind``, the ``url`` configured for it (or ``None``) and the ``body`` the service
    /// would post, for ``parse_webhook``.
    fn take_webhooks(&self) -> Vec<SimWebhook> {
        self.0.take_webhooks()
    }

    fn __repr__(&self) -> &'static str {
        "Simulator()"
    }
}
