//! Arguments: what pyo3 extracts into owned Rust values (with the GIL held) and the conversions
//! to core values (run inside the call, so `AsyncClient` reports them through its awaitable).
//!
//! Every domain check is the core's (`CommunityId::parse`, `parse_group_ids`, `MemberTarget::parse`,
//! …); this file only adapts Python's types: an `int` to a `u32`, seconds to a `Duration`, a
//! `GroupMention` dict to the core struct. Each conversion names the argument it came from.

use std::time::Duration;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pyclass::{PyClass, boolean_struct::True};
use pyo3::types::PyMapping;
use zapi_communities::api::validate::{parse_group_mentions, parse_phones};
use zapi_communities::api::{Endpoint, MemberTarget};
use zapi_communities::{
    AnnounceOptions, AnnouncementSource, Client, ClientBuilder, Error, GroupMention, RetryPolicy, WhoCanAddGroups,
};

/// A whole number from Python as a `u32`, naming `field` when it does not fit.
pub(crate) fn count(field: &str, value: i64) -> Result<u32, Error> {
    u32::try_from(value)
        .map_err(|_| Error::validation(field, format!("must be a whole number from 0 to {}, got {value}", u32::MAX)))
}

fn optional_count(field: &str, value: Option<i64>) -> Result<Option<u32>, Error> {
    value.map(|v| count(field, v)).transpose()
}

/// Seconds as a `Duration` (zero is left for the core to refuse, with its own message).
pub(crate) fn seconds(field: &str, value: f64) -> Result<Duration, Error> {
    Duration::try_from_secs_f64(value)
        .map_err(|_| Error::validation(field, format!("must be a finite, non-negative number of seconds, got {value}")))
}

/// The keyword options every constructor takes.
pub(crate) struct Settings {
    pub(crate) timeout: f64,
    pub(crate) max_retries: i64,
    pub(crate) max_body_bytes: Option<i64>,
}

impl Settings {
    /// Applies the options to a builder and builds.
    pub(crate) fn build(self, builder: ClientBuilder) -> Result<Client, Error> {
        let retry = RetryPolicy { max_retries: count("max_retries", self.max_retries)?, ..RetryPolicy::default() };
        let mut builder = builder.timeout(seconds("timeout", self.timeout)?).retry(retry);
        if let Some(limit) = self.max_body_bytes {
            let limit = usize::try_from(limit)
                .map_err(|_| Error::validation("max_body_bytes", format!("must be a whole number ≥ 0, got {limit}")))?;
            builder = builder.max_body_bytes(limit);
        }
        builder.build()
    }
}

/// `Client(instance_id=…, token=…, client_token=…, base_url=…)`.
pub(crate) fn endpoint(
    instance_id: String,
    token: String,
    client_token: Option<String>,
    base_url: Option<String>,
) -> Result<Endpoint, Error> {
    let mut endpoint = Endpoint::new(instance_id, token)?;
    if let Some(url) = base_url {
        endpoint = endpoint.with_base_url(&url)?;
    }
    if let Some(client_token) = client_token {
        endpoint = endpoint.with_client_token(client_token);
    }
    Ok(endpoint)
}

/// `target` of the member and link calls: a group id is a group, bare digits a community.
pub(crate) fn target(raw: &str) -> Result<MemberTarget, Error> {
    MemberTarget::parse(raw, "target")
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

impl Named<WhoCanAddGroups> {
    pub(crate) fn resolve(self) -> Result<WhoCanAddGroups, Error> {
        match self {
            Named::Value(v) => Ok(v),
            Named::Name(name) => WhoCanAddGroups::parse(&name),
        }
    }
}

impl Named<AnnouncementSource> {
    pub(crate) fn resolve(self) -> Result<AnnouncementSource, Error> {
        match self {
            Named::Value(v) => Ok(v),
            Named::Name(name) => AnnouncementSource::parse(&name),
        }
    }
}

/// One `GroupMention` dict (`{"group_id": …, "subject": …}`), read into owned strings.
pub(crate) struct MentionArg {
    group_id: String,
    subject: String,
}

impl<'a, 'py> FromPyObject<'a, 'py> for MentionArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let shape = || PyTypeError::new_err("a group mention is a dict {\"group_id\": str, \"subject\": str}");
        let mapping = obj.cast::<PyMapping>().map_err(|_| shape())?;
        let get = |key: &str| -> PyResult<String> { mapping.get_item(key).map_err(|_| shape())?.extract() };
        Ok(MentionArg { group_id: get("group_id")?, subject: get("subject")? })
    }
}

fn mentions(raw: Vec<MentionArg>) -> Result<Vec<GroupMention>, Error> {
    parse_group_mentions(raw.into_iter().map(|m| (m.group_id, m.subject)))
}

/// The options `send_text` and `announce` share.
pub(crate) struct MessageOptions {
    pub(crate) delay_message: Option<i64>,
    pub(crate) delay_typing: Option<i64>,
    pub(crate) mentioned: Option<Vec<String>>,
    pub(crate) group_mentioned: Option<Vec<MentionArg>>,
}

impl MessageOptions {
    /// As the core's options (each value converted, none checked beyond its type).
    pub(crate) fn into_core(self) -> Result<AnnounceOptions, Error> {
        Ok(AnnounceOptions {
            delay_message: optional_count("delay_message", self.delay_message)?,
            delay_typing: optional_count("delay_typing", self.delay_typing)?,
            mentioned: parse_phones("mentioned", self.mentioned.as_deref().unwrap_or_default())?,
            group_mentioned: mentions(self.group_mentioned.unwrap_or_default())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_numbers_name_their_argument() {
        assert_eq!(count("page", 3).unwrap(), 3);
        assert_eq!(count("page", -1).unwrap_err().field(), Some("page"));
        assert_eq!(count("page_size", i64::from(u32::MAX) + 1).unwrap_err().field(), Some("page_size"));
        assert_eq!(seconds("timeout", 1.5).unwrap(), Duration::from_millis(1500));
        assert_eq!(seconds("timeout", -1.0).unwrap_err().field(), Some("timeout"));
        assert_eq!(seconds("timeout", f64::NAN).unwrap_err().field(), Some("timeout"));
    }

    #[test]
    fn mentions_name_their_position() {
        let raw = vec![
            MentionArg { group_id: "120363019502650977-group".into(), subject: "A".into() },
            MentionArg { group_id: "nope".into(), subject: "B".into() },
        ];
        assert_eq!(mentions(raw).unwrap_err().field(), Some("group_mentioned[1].group_id"));
    }
}
