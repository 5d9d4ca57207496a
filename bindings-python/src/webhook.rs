//! `parse_webhook`: a webhook body into its typed event.

use pyo3::prelude::*;
use zapi_communities::WebhookEvent;

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
