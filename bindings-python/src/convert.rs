//! Arguments: what pyo3 extracts into owned Rust values (with the GIL held) and the conversions
//! to core values (run inside the call, so `AsyncClient` reports them through its awaitable).
//!
//! Every domain check is the core's (`CommunityId::parse`, `parse_group_ids`, `MemberTarget::parse`,
//! …); this file only adapts Python's types: an `int` to a `u32`, a `GroupMention` dict to the
//! core struct. Each conversion names the argument it came from.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pyclass::{PyClass, boolean_struct::True};
use pyo3::types::PyMapping;
use zapi_communities::api::MemberTarget;
use zapi_communities::bulk::{BulkOptions, BulkProgress, BulkProgressFn};
use zapi_communities::plan::CommunitySpec;
use zapi_communities::{
    AnnouncementSource, CommunityId, Error, GroupAddPrivacy, GroupId, GroupMentionInput, MessageOptions, WebhookKind,
    WhoCanAddGroups,
};

/// A whole number from Python as a `u32`, naming `field` when it does not fit.
pub(crate) fn count(field: &str, value: i64) -> Result<u32, Error> {
    u32::try_from(value)
        .map_err(|_| Error::validation(field, format!("must be a whole number from 0 to {}, got {value}", u32::MAX)))
}

pub(crate) fn optional_count(field: &str, value: Option<i64>) -> Result<Option<u32>, Error> {
    value.map(|v| count(field, v)).transpose()
}

/// `target` of the member and link calls: a group id is a group, bare digits a community.
pub(crate) fn member_target(raw: &str) -> Result<MemberTarget, Error> {
    MemberTarget::parse(raw, "target")
}

/// A `community_id` argument.
pub(crate) fn community(raw: &str) -> Result<CommunityId, Error> {
    CommunityId::parse(raw)
}

/// A `group_id` argument.
pub(crate) fn group(raw: &str) -> Result<GroupId, Error> {
    GroupId::parse(raw)
}

/// An enum argument given as the enum (`WhoCanAddGroups.ALL`) or as its stable name (`"all"`).
pub(crate) enum Named<T> {
    Value(T),
    Name(String),
}

impl<'a, 'py, T: PyClass<Frozen = True> + Copy + Sync> FromPyObject<'a, 'py> for Named<T> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(value) = obj.cast::<T>() {
            return Ok(Named::Value(*value.get()));
        }
        match obj.extract::<String>() {
            Ok(name) => Ok(Named::Name(name)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "expected {} or its name as a str, got {}",
                T::NAME,
                obj.get_type().name()?
            ))),
        }
    }
}

/// An enum a Python caller may give by its stable name: the core's parser for it.
pub(crate) trait ByName: Sized {
    /// Reads `name`, naming `field` in errors.
    fn by_name(name: &str, field: &str) -> Result<Self, Error>;
}

impl ByName for WhoCanAddGroups {
    fn by_name(name: &str, _field: &str) -> Result<Self, Error> {
        WhoCanAddGroups::parse(name)
    }
}

impl ByName for AnnouncementSource {
    fn by_name(name: &str, _field: &str) -> Result<Self, Error> {
        AnnouncementSource::parse(name)
    }
}

impl ByName for GroupAddPrivacy {
    fn by_name(name: &str, field: &str) -> Result<Self, Error> {
        GroupAddPrivacy::parse_field(name, field)
    }
}

impl ByName for WebhookKind {
    fn by_name(name: &str, field: &str) -> Result<Self, Error> {
        WebhookKind::parse_field(name, field)
    }
}

impl<T: ByName> Named<T> {
    /// The value, or the one its name stands for (errors name `field`).
    pub(crate) fn resolve(self, field: &str) -> Result<T, Error> {
        match self {
            Named::Value(v) => Ok(v),
            Named::Name(name) => T::by_name(&name, field),
        }
    }
}

/// One `GroupMention` dict (`{"group_id": …, "subject": …}`), read into the core's raw form.
pub(crate) struct MentionArg(GroupMentionInput);

impl<'a, 'py> FromPyObject<'a, 'py> for MentionArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let shape = || PyTypeError::new_err("a group mention is a dict {\"group_id\": str, \"subject\": str}");
        let mapping = obj.cast::<PyMapping>().map_err(|_| shape())?;
        let get = |key: &str| -> PyResult<String> { mapping.get_item(key).map_err(|_| shape())?.extract() };
        Ok(MentionArg(GroupMentionInput { group_id: get("group_id")?, subject: get("subject")? }))
    }
}

/// The keyword options of `send_text` and `announce`, as Python gave them.
pub(crate) struct PyMessageOptions {
    pub(crate) delay_message: Option<i64>,
    pub(crate) delay_typing: Option<i64>,
    pub(crate) edit_message_id: Option<String>,
    pub(crate) mentioned: Option<Vec<String>>,
    pub(crate) group_mentioned: Option<Vec<MentionArg>>,
}

impl PyMessageOptions {
    /// As the core's raw options (each number converted to its type; the core parses the rest).
    pub(crate) fn into_core(self) -> Result<MessageOptions, Error> {
        Ok(MessageOptions {
            delay_message: optional_count("delay_message", self.delay_message)?,
            delay_typing: optional_count("delay_typing", self.delay_typing)?,
            edit_message_id: self.edit_message_id,
            mentioned: self.mentioned.unwrap_or_default(),
            group_mentioned: self.group_mentioned.unwrap_or_default().into_iter().map(|m| m.0).collect(),
        })
    }
}

/// Runs `read` over the bytes of a body a caller already has (`bytes`, or `str` as UTF-8); `what`
/// names the function in the `TypeError` for anything else. Both are immutable while borrowed,
/// so `read` may release the GIL; a `bytearray` could change under it and is refused.
pub(crate) fn with_body<T>(
    body: &Bound<'_, PyAny>,
    what: &str,
    read: impl FnOnce(&[u8]) -> PyResult<T>,
) -> PyResult<T> {
    if let Ok(bytes) = body.cast::<pyo3::types::PyBytes>() {
        read(bytes.as_bytes())
    } else if let Ok(string) = body.cast::<pyo3::types::PyString>() {
        // Borrowed where the limited API allows it, else one UTF-8 copy.
        read(string.to_cow()?.as_bytes())
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what}() expects bytes or str, not {}",
            body.get_type().name()?
        )))
    }
}

/// A bulk call's keyword arguments as the core's [`BulkOptions`], each number checked.
pub(crate) fn bulk_options(
    chunk_size: Option<i64>,
    pause_ms: Option<i64>,
    auto_invite: bool,
) -> Result<BulkOptions, Error> {
    Ok(BulkOptions {
        chunk_size: optional_count("chunk_size", chunk_size)?,
        pause_ms: optional_count("pause_ms", pause_ms)?,
        auto_invite,
    })
}

/// `plan`'s spec as Python gave it: a `CommunitySpec`, its JSON text, or the document as a dict
/// (any mapping `json.dumps` takes). Reading it never fails here: a bad document is kept as the
/// core's `ValidationError`, raised by the call like every other argument's.
pub(crate) struct SpecArg(pub(crate) Result<CommunitySpec, Error>);

impl<'a, 'py> FromPyObject<'a, 'py> for SpecArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(spec) = obj.cast::<CommunitySpec>() {
            return Ok(SpecArg(Ok(spec.get().clone())));
        }
        if let Ok(text) = obj.extract::<String>() {
            return Ok(SpecArg(CommunitySpec::from_json(&text)));
        }
        if obj.cast::<PyMapping>().is_err() {
            return Err(PyTypeError::new_err("spec must be a CommunitySpec, a dict or JSON text"));
        }
        let text: String = obj.py().import("json")?.call_method1("dumps", (obj,))?.extract()?;
        Ok(SpecArg(CommunitySpec::from_json(&text)))
    }
}

/// A bulk call's `progress` callable as the core's progress function: called with the GIL after
/// each chunk. An exception it raises cannot stop a chunk already sent, so it is reported the way
/// Python reports errors it cannot raise (`sys.unraisablehook`) and the run goes on.
pub(crate) fn progress_callback(callable: Py<PyAny>) -> Box<BulkProgressFn<'static>> {
    Box::new(move |progress: &BulkProgress| {
        Python::attach(|py| {
            if let Err(error) = callable.call1(py, (progress.clone(),)) {
                error.write_unraisable(py, Some(callable.bind(py)));
            }
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_numbers_name_their_argument() {
        assert_eq!(count("page", 3).unwrap(), 3);
        assert_eq!(count("page", -1).unwrap_err().field(), Some("page"));
        assert_eq!(count("page_size", i64::from(u32::MAX) + 1).unwrap_err().field(), Some("page_size"));
    }
}
