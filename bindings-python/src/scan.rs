//! `parse_announcement_groups`: the chat-list scan over a body the caller already has.

use pyo3::prelude::*;
use zapi_communities::api::ListChats;

use crate::convert::with_body;
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
    let found = with_body(body, "parse_announcement_groups", |bytes| {
        py.detach(|| runtime::guard(|| ListChats::announcement_groups_in_body(bytes))).or_raise(py)
    })?;
    Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
}
