//! `Simulator`: the in-memory service a simulated client talks to, shared so a test or a tour can
//! play what people outside the account do (follow an invitation link).

use std::sync::Arc;

use pyo3::prelude::*;
use zapi_communities::sim::{SimWebhook, Simulator};

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
