//! `parse_announcement_groups`: the chat-list scan over a body the caller already has.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use zapi_communities::api::ListChats;

use crate::errors::IntoPyResult;
use crate::runtime;

/// The ids of the announcement groups (``isGroupAnnouncement``) in the body of a ``GET /chats``
/// response that you fetched yourself (or stored): ``bytes`` or ``str``.
///
/// The body is scanned in Rust with the GIL released, reading two fields per chat without
/// building a Python object for each, which is several times faster than ``json.loads`` and a
/// list filter on a large list. Raises ``ApiError`` for an ``{"error": …}`` body and
/// ``DecodeError`` for one that is not a chat list. ``Client.list_announcement_groups`` does the
/// same over HTTP.
#[pyfunction]
pub(crate) fn parse_announcement_groups(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    // Both are immutable while we hold a reference, so reading them without the GIL is sound;
    // a `bytearray` could change under us and is refused.
    let text;
    let bytes: &[u8] = if let Ok(bytes) = body.cast::<PyBytes>() {
        bytes.as_bytes()
    } else if let Ok(string) = body.cast::<PyString>() {
        // Borrowed where the limited API allows it, else one UTF-8 copy.
        text = string.to_cow()?;
        text.as_bytes()
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse_announcement_groups() expects bytes or str, not {}",
            body.get_type().name()?
        )));
    };
    let found = py.detach(|| runtime::guard(|| ListChats::announcement_groups_in_body(bytes))).or_raise(py)?;
    Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
}
