//! `parse_webhook`, a webhook body into its typed event, and `WebhookSecret`, the secret in the
//! webhook URL that tells the instance's posts from anyone else's.

use pyo3::prelude::*;
use zapi_communities::{WebhookEvent, WebhookSecret};

use crate::convert::with_body;
use crate::errors::IntoPyResult;

/// Reads one webhook body (``bytes`` or ``str``, as your handler received it) into its event: a
/// ``WebhookEvent`` whose variant says which callback it is (``WebhookEvent.Message``,
/// ``.Delivery``, ``.Status``, ``.Connected``, ``.Disconnected``, ``.Presence``), ready for
/// ``match``. Group notifications (join requests, people added, removed or leaving) are the
/// ``notification`` of a received message.
///
/// The service signs nothing: check the secret in your webhook URL before calling this. Raises
/// ``DecodeError`` for a body that is not an event (over 1 MiB, not JSON, no known ``type``).
#[pyfunction]
pub(crate) fn parse_webhook(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<WebhookEvent> {
    with_body(body, "parse_webhook", |bytes| zapi_communities::parse_webhook(bytes).or_raise(py))
}

/// The secret path segment of your webhook URL: the service signs nothing, so this is how a
/// handler tells the instance's posts from anyone else's. ``WebhookSecret.generate()`` makes a
/// new one; ``WebhookSecret(value)`` takes one you kept. ``repr`` never shows it.
///
/// Raises ``ValidationError`` naming ``secret`` for a value that is not 22 to 128 characters of
/// ``A-Z a-z 0-9 - _``.
#[pyclass(name = "WebhookSecret", module = "zapi_communities", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyWebhookSecret(WebhookSecret);

#[pymethods]
impl PyWebhookSecret {
    #[new]
    fn new(py: Python<'_>, value: &str) -> PyResult<Self> {
        WebhookSecret::new(value).map(Self).or_raise(py)
    }

    /// A new secret from the operating system's random source: 256 bits, 43 URL-safe characters.
    #[staticmethod]
    fn generate() -> Self {
        Self(WebhookSecret::generate())
    }

    /// The secret itself, to store with your other credentials (the instance keeps posting to the
    /// URL it was given). Never log it.
    fn expose(&self) -> &str {
        self.0.expose()
    }

    /// The URL to give ``set_webhook`` or ``set_every_webhook``: ``base_url`` with the secret as
    /// one more path segment. Raises ``ValidationError`` naming ``base_url`` for a URL those calls
    /// would refuse, or one with a query or fragment.
    fn url(&self, py: Python<'_>, base_url: &str) -> PyResult<String> {
        self.0.url(base_url).or_raise(py)
    }

    /// Whether an incoming request is the instance's: its target (``self.path`` in
    /// ``http.server``, ``PATH_INFO`` in WSGI, or a whole URL) ends in this secret. Compared in
    /// constant time.
    fn verify(&self, request_target: &str) -> bool {
        self.0.verify(request_target)
    }

    fn __repr__(&self) -> &'static str {
        "WebhookSecret(***)"
    }
}
