//! Small response builders shared by the control API and the instance routes.

use hyper::header::{HeaderName, HeaderValue};
use hyper::{Response, StatusCode};
use serde_json::{Value, json};
use zapi_communities::HttpResponse;

use crate::body::SimBody;

/// Headers that let a browser page on another origin call the simulator.
const CORS: [(&str, &str); 5] = [
    ("access-control-allow-origin", "*"),
    ("access-control-allow-methods", "GET, POST, PUT, DELETE, OPTIONS"),
    ("access-control-allow-headers", "Client-Token, Content-Type, Accept"),
    ("access-control-expose-headers", "Retry-After, Content-Length"),
    ("access-control-max-age", "600"),
];

/// Adds the CORS headers to any response.
pub(crate) fn with_cors(mut response: Response<SimBody>) -> Response<SimBody> {
    for (name, value) in CORS {
        response.headers_mut().insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    response
}

/// 204 answer to a CORS preflight (`OPTIONS` on any path).
pub(crate) fn preflight() -> Response<SimBody> {
    build(204, &[], SimBody::full(Vec::new()))
}

/// A response from parts; an invalid status becomes 500 and invalid headers are skipped.
pub(crate) fn build(status: u16, headers: &[(String, String)], body: SimBody) -> Response<SimBody> {
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name.as_str()), HeaderValue::try_from(value.as_str())) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// The simulator's answer as an HTTP response.
pub(crate) fn from_simulator(answer: HttpResponse) -> Response<SimBody> {
    build(answer.status, &answer.headers, SimBody::full(answer.body))
}

/// A JSON response.
pub(crate) fn json(status: u16, value: &Value) -> Response<SimBody> {
    let headers = [("content-type".to_owned(), "application/json".to_owned())];
    build(status, &headers, SimBody::full(value.to_string()))
}

/// `status` with `{"error": message}`.
pub(crate) fn error(status: u16, message: &str) -> Response<SimBody> {
    json(status, &json!({ "error": message }))
}

/// 204 with no body.
pub(crate) fn no_content() -> Response<SimBody> {
    build(204, &[], SimBody::full(Vec::new()))
}
