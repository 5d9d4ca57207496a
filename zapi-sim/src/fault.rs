//! Faults: what can go wrong with an answer, and the rules that decide which request gets one.

use serde::{Deserialize, Serialize};

/// Largest `huge` body accepted (64 MiB): big enough to trip any sane body cap.
pub const MAX_HUGE_BYTES: usize = 64 * 1024 * 1024;
/// Longest `delay` and `slow_body` interval accepted (10 minutes).
pub const MAX_DELAY_MS: u64 = 600_000;

/// One way an answer goes wrong. JSON: an object whose `kind` names the variant in snake_case;
/// the other keys are camelCase, e.g. `{"kind":"rate_limit","retryAfter":3}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Fault {
    /// Wait `ms` milliseconds, then send the normal answer.
    Delay {
        /// Milliseconds to wait (at most 600 000).
        ms: u64,
    },
    /// Answer `status` with `{"error": message}` (message defaults to the status's reason).
    Status {
        /// Any status from 200 to 599, e.g. 500, 502, 503, 504.
        status: u16,
        /// The `error` text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// Answer 429 `{"error":"too many requests"}`, with `Retry-After: N` when `retryAfter` is set.
    RateLimit {
        /// Seconds for the `Retry-After` header; no header when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after: Option<u64>,
    },
    /// Close the connection after reading the request, before any response byte.
    ResetBeforeHeaders,
    /// Send the normal status, headers (full `Content-Length`) and the first half of the body,
    /// then abort the connection.
    ResetMidBody,
    /// Send the normal answer with a `Content-Length` `missingBytes` larger than the body, then
    /// close the connection.
    Truncated {
        /// How many bytes the declared length exceeds the body by (default 16, at least 1).
        #[serde(default = "default_missing_bytes")]
        missing_bytes: u64,
    },
    /// Answer `status` with an HTML error page (`Content-Type: text/html`), as a proxy would.
    Html {
        /// Status from 200 to 599.
        status: u16,
    },
    /// Answer `status` with an empty body (`Content-Length: 0`).
    Empty {
        /// Status from 200 to 599.
        status: u16,
    },
    /// Answer 200 with `Content-Type: application/json` and a body that is not JSON.
    Malformed,
    /// Answer 200 with a valid JSON object of exactly `bytes` bytes (at least 14).
    Huge {
        /// Body size in bytes (at most 64 MiB).
        bytes: usize,
    },
    /// Answer exactly this: status, headers and body (a canned response, e.g. from the shared
    /// response vectors), whatever the simulator would have said.
    Respond {
        /// Status from 100 to 599.
        status: u16,
        /// Extra headers, e.g. `{"Retry-After": "7"}`.
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        headers: std::collections::BTreeMap<String, String>,
        /// The body, sent byte for byte.
        #[serde(default)]
        body: String,
    },
    /// Answer 200 with the normal body's JSON with every scalar's type changed: strings become
    /// numbers, numbers strings, booleans `"maybe"`; an empty or non-JSON body becomes
    /// `{"success":"maybe"}`.
    WrongTypes,
    /// The normal answer plus unknown fields: `"simExtra"` and `"simExtraObject"` on the object,
    /// or on each object of an array; an empty body becomes an object with just those.
    ExtraFields,
    /// Answer `status` (301, 302, 307 or 308, any 3xx accepted) with a `Location` on the decoy
    /// host (another loopback address, see `/__sim/decoy`), carrying the request's whole path and
    /// query, token included. A client must follow none of them: the decoy counts connections.
    Redirect {
        /// A status from 300 to 399.
        status: u16,
    },
    /// The normal status and headers at once, then the body `chunkBytes` at a time every
    /// `intervalMs` milliseconds.
    SlowBody {
        /// Bytes per chunk (default 8, at least 1).
        #[serde(default = "default_chunk_bytes")]
        chunk_bytes: usize,
        /// Pause between chunks (default 100 ms).
        #[serde(default = "default_interval_ms")]
        interval_ms: u64,
    },
}

fn default_missing_bytes() -> u64 {
    16
}

fn default_chunk_bytes() -> usize {
    8
}

fn default_interval_ms() -> u64 {
    100
}

impl Fault {
    /// The `kind` as written in JSON (and in the request log's `fault`).
    pub fn name(&self) -> &'static str {
        match self {
            Fault::Delay { .. } => "delay",
            Fault::Status { .. } => "status",
            Fault::RateLimit { .. } => "rate_limit",
            Fault::ResetBeforeHeaders => "reset_before_headers",
            Fault::ResetMidBody => "reset_mid_body",
            Fault::Truncated { .. } => "truncated",
            Fault::Html { .. } => "html",
            Fault::Empty { .. } => "empty",
            Fault::Malformed => "malformed",
            Fault::Huge { .. } => "huge",
            Fault::Respond { .. } => "respond",
            Fault::WrongTypes => "wrong_types",
            Fault::ExtraFields => "extra_fields",
            Fault::SlowBody { .. } => "slow_body",
            Fault::Redirect { .. } => "redirect",
        }
    }

    /// Checks the parameters are ones the server can honour.
    ///
    /// # Errors
    /// [`FaultError`] naming the bad parameter.
    pub fn validate(&self) -> Result<(), FaultError> {
        let status_ok = |status: &u16| (200..=599).contains(status);
        match self {
            Fault::Status { status, .. } | Fault::Html { status } | Fault::Empty { status } if !status_ok(status) => {
                Err(FaultError::new(format!("{}: status must be from 200 to 599", self.name())))
            }
            Fault::Respond { status, .. } if !(100..=599).contains(status) => {
                Err(FaultError::new("respond: status must be from 100 to 599"))
            }
            Fault::Redirect { status } if !(300..=399).contains(status) => {
                Err(FaultError::new("redirect: status must be from 300 to 399"))
            }
            Fault::Delay { ms } if *ms > MAX_DELAY_MS => Err(FaultError::new("delay: ms must be at most 600000")),
            Fault::Huge { bytes } if *bytes > MAX_HUGE_BYTES => {
                Err(FaultError::new(format!("huge: bytes must be at most {MAX_HUGE_BYTES}")))
            }
            Fault::Truncated { missing_bytes: 0 } => Err(FaultError::new("truncated: missingBytes must be at least 1")),
            Fault::SlowBody { chunk_bytes: 0, .. } => Err(FaultError::new("slow_body: chunkBytes must be at least 1")),
            Fault::SlowBody { interval_ms, .. } if *interval_ms > MAX_DELAY_MS => {
                Err(FaultError::new("slow_body: intervalMs must be at most 600000"))
            }
            _ => Ok(()),
        }
    }
}

/// A fault with the requests it applies to. JSON, camelCase:
/// `{"fault": {...}, "times": 1, "method": "POST", "pathPrefix": "/communities/link", "apply": false}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    /// What goes wrong.
    pub fault: Fault,
    /// How many matching requests it hits (default 1; at least 1). In `GET /__sim/faults` this
    /// is how many are left.
    #[serde(default = "one")]
    pub times: u32,
    /// Only requests with this method (case-insensitive); any method when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Only requests whose route (the path after `/instances/{id}/token/{token}`, as sent)
    /// starts with this, e.g. `/communities/link`; any route when absent. A prefix with a `?`
    /// names one page exactly: the route and its decoded query must equal it
    /// (`/chats?page=2&pageSize=200`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// Whether the request still changes the simulator's state (default false: the answer is
    /// computed on a throw-away copy, so a test can prove a POST was not applied).
    #[serde(default)]
    pub apply: bool,
}

fn one() -> u32 {
    1
}

impl FaultRule {
    /// A rule hitting the next instance request once, whatever its method and route, without
    /// applying it.
    pub fn once(fault: Fault) -> Self {
        Self { fault, times: 1, method: None, path_prefix: None, apply: false }
    }

    /// Hit `times` matching requests instead of one.
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    /// Hit only requests with this method (`GET`, `POST`, `DELETE`).
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    /// Hit only requests whose route starts with `prefix`, e.g. `/send-text`.
    pub fn path_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.path_prefix = Some(prefix.into());
        self
    }

    /// Let the faulted requests change the state (or not).
    pub fn apply(mut self, apply: bool) -> Self {
        self.apply = apply;
        self
    }

    /// Checks the rule and its fault.
    ///
    /// # Errors
    /// [`FaultError`] naming the bad parameter.
    pub fn validate(&self) -> Result<(), FaultError> {
        if self.times == 0 {
            return Err(FaultError::new("times must be at least 1"));
        }
        self.fault.validate()
    }

    /// Whether the rule applies to a request: its method, route and decoded query (`k=v&k=v`,
    /// empty when there is none).
    pub fn matches(&self, method: &str, path: &str, query: &str) -> bool {
        let method_ok = self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method));
        let path_ok = self.path_prefix.as_deref().is_none_or(|p| match p.split_once('?') {
            Some((route, wanted)) => path == route && query == wanted,
            None => path.starts_with(p),
        });
        method_ok && path_ok
    }
}

/// A fault rule the server cannot honour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid fault: {0}")]
pub struct FaultError(String);

impl FaultError {
    fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}
