//! `parse_webhook`: a webhook body into its typed event.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use zapi_communities::WebhookEvent;

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
    let text;
    let bytes: &[u8] = if let Ok(bytes) = body.cast::<PyBytes>() {
        bytes.as_bytes()
    } else if let Ok(string) = body.cast::<PyString>() {
        text = string.to_cow()?;
        text.as_bytes()
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse_webhook() expects bytes or str, not {}",
            body.get_type().name()?
        )));
    };
    zapi_communities::parse_webhook(bytes).or_raise(py)
}
