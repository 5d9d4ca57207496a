//! Building the simulator's answers: JSON successes and the service-style `{"error": …}` refusals.

use serde_json::{Value, json};

use crate::http::HttpResponse;

/// A request the simulator turns down, rendered as `status` + `{"error": message}`.
///
/// The service documents only the `{"error": "..."}` shape
/// (developer.z-api.io/security/client-token) and statuses 405/415
/// (developer.z-api.io/communities/create-community); the other statuses are the simulator's
/// choice, listed in the module docs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) status: u16,
    pub(crate) message: String,
    /// One header the refusal carries: `Allow` (405) or `Retry-After` (429).
    pub(crate) header: Option<(&'static str, String)>,
}

impl Refusal {
    fn new(status: u16, message: impl Into<String>) -> Self {
        Self { status, message: message.into(), header: None }
    }

    /// 400: malformed input or a community rule that forbids the change.
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, message)
    }

    /// 401: unknown instance id or wrong instance token.
    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, message)
    }

    /// 403: missing Client-Token, or the connected phone lacks the rights (not an admin).
    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(403, message)
    }

    /// 404: unknown route or unknown id.
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, message)
    }

    /// 405: known route, wrong method (developer.z-api.io/communities/create-community).
    pub(crate) fn method_not_allowed(allow: String) -> Self {
        Self { header: Some(("Allow", allow)), ..Self::new(405, "method not allowed") }
    }

    /// The per-minute add limit is reached: 429 with `Retry-After` (whole seconds), or the
    /// fixture's other status as a plain error.
    pub(crate) fn add_limit(status: u16, retry_after: u64) -> Self {
        let refusal = Self::new(status, "too many requests: the add limit is reached, try again later");
        match status {
            429 => Self { header: Some(("Retry-After", retry_after.to_string())), ..refusal },
            _ => refusal,
        }
    }

    /// 415: JSON body without `Content-Type: application/json`
    /// (developer.z-api.io/security/client-token).
    pub(crate) fn unsupported_media_type() -> Self {
        Self::new(415, "unsupported media type: send Content-Type: application/json")
    }

    /// 500: the state broke an invariant (only reachable through a simulator bug).
    pub(crate) fn inconsistent(what: &str) -> Self {
        Self::new(500, format!("simulator state is inconsistent: {what}"))
    }

    /// The response the service would send.
    pub(crate) fn into_response(self) -> HttpResponse {
        let response = json_response(self.status, &json!({ "error": self.message }));
        match self.header {
            Some((name, value)) => response.with_header(name, value),
            None => response,
        }
    }
}

/// A JSON response with `Content-Type: application/json`.
pub(crate) fn json_response(status: u16, value: &Value) -> HttpResponse {
    HttpResponse::new(status, value.to_string()).with_header("Content-Type", "application/json")
}

/// 200 with a JSON body.
pub(crate) fn ok(value: Value) -> Result<HttpResponse, Refusal> {
    Ok(json_response(200, &value))
}

/// 200 `{"success": true}`: link, unlink and settings (developer.z-api.io/communities/link-groups,
/// developer.z-api.io/communities/unlink-groups,
/// developer.z-api.io/communities/community-settings).
pub(crate) fn success() -> Result<HttpResponse, Refusal> {
    ok(json!({ "success": true }))
}

/// 200 `{"value": true}`: participants, admins, description, photo, group settings
/// (developer.z-api.io/communities/add-community-participant,
/// developer.z-api.io/group/update-group-settings).
pub(crate) fn value_true() -> Result<HttpResponse, Refusal> {
    ok(json!({ "value": true }))
}

/// 200 with no body at all: deactivation documents none
/// (developer.z-api.io/communities/deactivate-community).
pub(crate) fn empty_ok() -> Result<HttpResponse, Refusal> {
    Ok(HttpResponse::new(200, Vec::new()))
}
