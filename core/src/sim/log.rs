//! The request log: what arrived, in order, without secrets.

use serde::{Deserialize, Serialize};

use crate::http::{CLIENT_TOKEN_HEADER, HttpRequest};

/// Most entries kept; older ones are dropped first (`seq` keeps counting).
const MAX_ENTRIES: usize = 10_000;

/// One request as the simulator saw it. It never holds the instance token (the path is the
/// route after `/instances/{id}/token/{token}`) and the `Client-Token` header value is `***`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    /// Arrival number, from 1.
    pub seq: u64,
    /// `GET`, `POST` or `DELETE`.
    pub method: String,
    /// The route as sent, still percent-encoded, e.g. `/communities-metadata/1203630000000001`.
    pub path: String,
    /// Query parameters in order, decoded (JSON: an array of `[key, value]` pairs).
    pub query: Vec<(String, String)>,
    /// Request headers in order, `Client-Token` redacted (JSON: `[name, value]` pairs).
    pub headers: Vec<(String, String)>,
    /// The body as sent, if any.
    pub body: Option<String>,
    /// The status the simulator answered with (a fault may have replaced it on the wire).
    pub status: u16,
    /// Whether the request was run against the state. False when a fault with `apply: false`
    /// intercepted it: the answer was computed on a throw-away copy.
    pub applied: bool,
    /// Name of the fault that hit the request (server mode), if any.
    pub fault: Option<String>,
}

/// The log itself.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: std::collections::VecDeque<LoggedRequest>,
    last_seq: u64,
}

impl RequestLog {
    /// Appends a request with the outcome it got.
    pub(crate) fn record(&mut self, request: &HttpRequest, status: u16, applied: bool, fault: Option<&str>) {
        self.last_seq = self.last_seq.wrapping_add(1);
        let headers = request
            .headers
            .iter()
            .map(|(name, value)| {
                let value = if name.eq_ignore_ascii_case(CLIENT_TOKEN_HEADER) { "***" } else { value };
                (name.to_string(), value.to_owned())
            })
            .collect();
        if self.entries.len() == MAX_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(LoggedRequest {
            seq: self.last_seq,
            method: request.method.as_str().to_owned(),
            path: request.path.to_string(),
            query: request.query.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            headers,
            body: request.body.clone(),
            status,
            applied,
            fault: fault.map(str::to_owned),
        });
    }

    /// All entries, oldest first.
    pub(crate) fn entries(&self) -> Vec<LoggedRequest> {
        self.entries.iter().cloned().collect()
    }

    /// Forgets every entry (numbering restarts at 1).
    pub(crate) fn clear(&mut self) {
        *self = Self::default();
    }
}
