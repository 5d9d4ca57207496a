//! The one error type of the library.
//!
//! Each variant is a kind a caller can act on; detail lives in fields, never in more variants.
//! No message ever contains the instance token or the `Client-Token`.

use std::time::Duration;

use crate::transport::TransportError;

/// Everything that can go wrong, from bad input to a refusing server.
///
/// Each kind has one set of fields, named the same in every language up to its case
/// convention (`retry_after_ms` / `retryAfterMs`), with one unit for durations: milliseconds.
/// This enum is their only declaration: Kotlin and Swift get it by derive, the TypeScript of
/// JS's `ZapiError` and the attributes of Python's exceptions come from its serde shape
/// (`{"kind": "rate_limited", "retryAfterMs": 3000}`), and `tests/vectors/errors.json` checks
/// the shape in every runtime.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
// Kotlin `ZapiException` (sealed, one subclass per kind), Swift `enum ZapiError: Error`.
// (`uniffi::export(Display)` cannot be added: uniffi 0.32 looks the trait up by the Rust name.)
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi(name = "ZapiError"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "ZapiErrorFields", missing_as_null))]
pub enum Error {
    /// An argument was rejected before any request was built or sent.
    ///
    /// `field` follows one convention in every language: the argument's snake_case name in the
    /// call that was made (`announce(community_id, text)` names `text`, `send_text(to, message)`
    /// names `message`), `name[i]` for the i-th element of a list argument, `name.part` for a
    /// part of a structured one (`group_mentioned[1].group_id`), the option's snake_case name
    /// for client settings (`timeout_ms`, `base_url`), and the variable's name for `from_env`
    /// (`ZAPI_TOKEN`). Bindings never rename it, so one string identifies one argument in every
    /// language.
    #[error("invalid {field}: {reason}")]
    Validation {
        /// The offending argument, named as in the call (`name`, `group_ids[3]`, `delay_message`, …).
        field: String,
        /// Why it was rejected and, where possible, what would be accepted.
        reason: String,
    },
    /// The service answered with an error status, an `{"error": …}` body or `success: false`
    /// (or a redirect, which is never followed).
    #[error("the service answered {status}: {detail}")]
    Api {
        /// The HTTP status (200 when a 2xx body reported failure; 0 for a redirect a browser hid).
        status: u16,
        /// The service's message, or a description of the body when it had none.
        detail: String,
    },
    /// The service asked us to slow down (HTTP 429).
    #[error("rate limited by the service{}", retry_after_ms.map(|ms| format!("; retry after {ms} ms")).unwrap_or_default())]
    RateLimited {
        /// Milliseconds to wait, from the `Retry-After` header, when it was sent.
        retry_after_ms: Option<u64>,
    },
    /// The request did not complete within the configured timeout. A POST may have been applied.
    #[error("the request timed out after {timeout_ms} ms")]
    Timeout {
        /// The timeout in force, in milliseconds.
        timeout_ms: u64,
    },
    /// The connection failed. `sent` says whether the request may have reached the server.
    #[error("transport failure ({}): {detail}", if *sent { "request may have been delivered" } else { "nothing was sent" })]
    Transport {
        /// What failed, with no URL or secret in it.
        detail: String,
        /// `false` only when the request provably never left (connection refused).
        sent: bool,
    },
    /// A 2xx response whose body could not be understood (or was larger than the cap).
    #[error("could not decode the response: {detail}")]
    Decode {
        /// What was wrong with the body.
        detail: String,
    },
    /// What was asked for does not exist (e.g. a community with no announcement group to be found).
    #[error("{what} not found: {id}")]
    NotFound {
        /// The kind of thing looked for (`announcement group`, `community`).
        what: String,
        /// The id it was looked for by.
        id: String,
    },
    /// A message was addressed to a community's own id; messages go to its announcement group.
    #[error(
        "{community_id} is a community id; to message the community send to its announcement group{}",
        announcement_group.as_ref().map(|g| format!(" {g}")).unwrap_or_else(|| " (resolve it with resolve_announcement_group or use announce)".into())
    )]
    NotAnnouncementGroup {
        /// The community id the message was addressed to.
        community_id: String,
        /// The announcement group to use instead, when the client already knows it.
        announcement_group: Option<String>,
    },
}

impl Error {
    /// A validation error for `field`.
    pub fn validation(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Validation { field: field.into(), reason: reason.into() }
    }

    /// A decode error.
    pub fn decode(detail: impl Into<String>) -> Self {
        Error::Decode { detail: detail.into() }
    }

    /// Every kind's stable name and what it means, in the order of the enum: the text each
    /// binding shows for its error class of that kind.
    pub const KINDS: &'static [(&'static str, &'static str)] = &[
        ("validation", "An argument was rejected before any request was sent: `field` names it, `reason` says why."),
        (
            "api",
            "The service answered with an error: `status` is the HTTP status (200 when a 2xx body reported failure), `detail` its message.",
        ),
        (
            "rate_limited",
            "The service asked to slow down (HTTP 429): `retry_after_ms` is the wait it asked for, when it said.",
        ),
        ("timeout", "No answer within `timeout_ms`; a POST may still have been applied."),
        (
            "transport",
            "The connection failed: `detail` says how; `sent` is false only when the request provably never left.",
        ),
        (
            "decode",
            "A successful answer whose body could not be understood (or was larger than the cap): `detail` says why.",
        ),
        (
            "not_found",
            "What was asked for does not exist: `what` is the kind of thing, `id` the id it was looked for by.",
        ),
        (
            "not_announcement_group",
            "A message was addressed to a community's own id; a community is messaged through its announcement group (`announce`): `announcement_group` is that group when known.",
        ),
    ];

    /// A short, stable name of the kind (`validation`, `api`, `rate_limited`, `timeout`,
    /// `transport`, `decode`, `not_found`, `not_announcement_group`), shared by every language.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::Api { .. } => "api",
            Error::RateLimited { .. } => "rate_limited",
            Error::Timeout { .. } => "timeout",
            Error::Transport { .. } => "transport",
            Error::Decode { .. } => "decode",
            Error::NotFound { .. } => "not_found",
            Error::NotAnnouncementGroup { .. } => "not_announcement_group",
        }
    }

    /// The same error naming `to` where it named `from` (for a call whose argument has another
    /// name than the one the shared check uses).
    pub(crate) fn with_field_renamed(self, from: &str, to: &str) -> Self {
        match self {
            Error::Validation { field, reason } if field == from => Error::Validation { field: to.to_owned(), reason },
            other => other,
        }
    }

    /// Why a validation error refused its value, else the whole message: for errors that quote
    /// another error inside their own reason.
    pub(crate) fn into_reason(self) -> String {
        match self {
            Error::Validation { reason, .. } => reason,
            other => other.to_string(),
        }
    }

    /// The field a validation error names.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Turns a transport failure into the public error, given the timeout that was in force.
    pub(crate) fn from_transport(error: TransportError, timeout: Duration) -> Self {
        match error {
            TransportError::Connect { message } => Error::Transport { detail: message, sent: false },
            TransportError::Io { message } => Error::Transport { detail: message, sent: true },
            TransportError::Timeout => {
                Error::Timeout { timeout_ms: u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX) }
            }
            TransportError::Redirected { status, location } => {
                crate::wire::redirect::refused(status, location.as_deref())
            }
            TransportError::BodyTooLarge { limit } => {
                Error::Decode { detail: format!("response body larger than the {limit}-byte cap; refused unread") }
            }
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_readable() {
        assert_eq!(Error::validation("name", "must not be empty").to_string(), "invalid name: must not be empty");
        assert_eq!(
            Error::RateLimited { retry_after_ms: Some(3000) }.to_string(),
            "rate limited by the service; retry after 3000 ms"
        );
        let e =
            Error::NotAnnouncementGroup { community_id: "1203".into(), announcement_group: Some("99-group".into()) };
        assert!(e.to_string().contains("announcement group 99-group"));
        assert_eq!(e.kind(), "not_announcement_group");
    }

    #[test]
    fn transport_errors_keep_the_sent_flag() {
        let t = Duration::from_millis(1500);
        assert_eq!(
            Error::from_transport(TransportError::Connect { message: "refused".into() }, t),
            Error::Transport { detail: "refused".into(), sent: false }
        );
        assert_eq!(Error::from_transport(TransportError::Timeout, t), Error::Timeout { timeout_ms: 1500 });
    }

    #[test]
    fn every_kind_is_listed_once_and_serialises_with_its_kind() {
        let samples = [
            Error::validation("name", "r"),
            Error::Api { status: 500, detail: "d".into() },
            Error::RateLimited { retry_after_ms: None },
            Error::Timeout { timeout_ms: 1 },
            Error::Transport { detail: "d".into(), sent: true },
            Error::decode("d"),
            Error::NotFound { what: "w".into(), id: "i".into() },
            Error::NotAnnouncementGroup { community_id: "c".into(), announcement_group: None },
        ];
        let kinds: Vec<&str> = Error::KINDS.iter().map(|(k, _)| *k).collect();
        assert_eq!(samples.iter().map(Error::kind).collect::<Vec<_>>(), kinds);
        let shape = serde_json::to_value(Error::RateLimited { retry_after_ms: Some(3000) }).unwrap();
        assert_eq!(shape, serde_json::json!({"kind": "rate_limited", "retryAfterMs": 3000}));
    }
}
