//! Answering a request that a fault hit. The request always goes through the simulator first
//! (so it is logged with the fault's name, and applied only when the rule says `apply`); the
//! fault then decides what actually goes on the wire.

use std::io;
use std::time::Duration;

use hyper::Response;
use hyper::body::Bytes;
use serde_json::{Value, json};
use zapi_communities::sim::Simulator;
use zapi_communities::{HttpRequest, HttpResponse};

use crate::body::{ChunkSender, SimBody};
use crate::fault::{Fault, FaultRule};
use crate::respond;

/// The connection must be dropped without an answer (`reset_before_headers`).
#[derive(Debug)]
pub(crate) struct Abort;

impl std::fmt::Display for Abort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection aborted by a simulated fault")
    }
}

impl std::error::Error for Abort {}

/// Pause that lets hyper flush what was written before the connection is cut, so the client
/// really receives the headers and the partial body first.
const FLUSH_PAUSE: Duration = Duration::from_millis(50);

/// Answers `request` through `rule`'s fault; `decoy` is the host a `redirect` points at.
pub(crate) async fn answer(
    simulator: &Simulator,
    request: &HttpRequest,
    rule: FaultRule,
    decoy: &str,
) -> Result<Response<SimBody>, Abort> {
    let normal = simulator.handle_faulted(request, rule.fault.name(), rule.apply);
    Ok(match rule.fault {
        Fault::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            respond::from_simulator(normal)
        }
        Fault::Status { status, message } => {
            let reason = hyper::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("error");
            respond::error(status, message.as_deref().unwrap_or(reason))
        }
        Fault::RateLimit { retry_after } => {
            let response = respond::error(429, "too many requests");
            match retry_after {
                Some(secs) => with_header(response, "retry-after", &secs.to_string()),
                None => response,
            }
        }
        Fault::ResetBeforeHeaders => return Err(Abort),
        Fault::ResetMidBody => reset_mid_body(normal),
        Fault::Truncated { missing_bytes } => truncated(normal, missing_bytes),
        Fault::Html { status } => html(status),
        Fault::Empty { status } => respond::build(status, &[], SimBody::full(Vec::new())),
        Fault::Malformed => {
            let headers = [("content-type".to_owned(), "application/json".to_owned())];
            respond::build(200, &headers, SimBody::full(&br#"{"success": tru"#[..]))
        }
        Fault::Huge { bytes } => huge(bytes),
        Fault::Respond { status, headers, body } => {
            let headers: Vec<(String, String)> = headers.into_iter().collect();
            respond::build(status, &headers, SimBody::full(body.into_bytes()))
        }
        Fault::WrongTypes => {
            let value = parse(&normal).map(mangle).unwrap_or_else(|| json!({ "success": "maybe" }));
            respond::json(200, &value)
        }
        Fault::ExtraFields => extra_fields(normal),
        Fault::Redirect { status } => redirect(status, request, decoy),
        Fault::SlowBody { chunk_bytes, interval_ms } => slow_body(normal, chunk_bytes, interval_ms),
    })
}

/// `status` with a `Location` on the decoy host carrying the whole request path and query,
/// token included: what an attacker between client and service would ask for.
fn redirect(status: u16, request: &HttpRequest, decoy: &str) -> Response<SimBody> {
    let url = request.url();
    let path = url.strip_prefix(&*request.base_url).unwrap_or(&url);
    let headers = [
        ("location".to_owned(), format!("{decoy}{path}")),
        ("content-type".to_owned(), "text/html; charset=utf-8".to_owned()),
    ];
    respond::build(status, &headers, SimBody::full(&b"<html><body>Moved</body></html>"[..]))
}

fn with_header(mut response: Response<SimBody>, name: &'static str, value: &str) -> Response<SimBody> {
    if let Ok(value) = hyper::header::HeaderValue::try_from(value) {
        response.headers_mut().insert(name, value);
    }
    response
}

/// The normal headers minus `Content-Length` (the fault sets its own).
fn headers_without_length(normal: &HttpResponse) -> Vec<(String, String)> {
    normal.headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("content-length")).cloned().collect()
}

/// A streamed response declaring `declared_length`, fed by `produce`.
fn streamed<F, Fut>(normal: &HttpResponse, declared_length: u64, produce: F) -> Response<SimBody>
where
    F: FnOnce(ChunkSender) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let mut headers = headers_without_length(normal);
    headers.push(("content-length".into(), declared_length.to_string()));
    let (tx, body) = SimBody::channel();
    tokio::spawn(produce(tx));
    respond::build(normal.status, &headers, body)
}

fn reset_mid_body(normal: HttpResponse) -> Response<SimBody> {
    // An empty normal body (deactivate) still needs bytes to cut in half.
    let body = if normal.body.len() < 2 { br#"{"value":true}"#.to_vec() } else { normal.body.clone() };
    let half = Bytes::copy_from_slice(&body[..body.len() / 2]);
    streamed(&normal, body.len() as u64, move |tx| async move {
        if tx.send(Ok(half)).await.is_ok() {
            tokio::time::sleep(FLUSH_PAUSE).await;
            let _ = tx.send(Err(io::Error::new(io::ErrorKind::ConnectionReset, "simulated reset"))).await;
        }
    })
}

fn truncated(normal: HttpResponse, missing_bytes: u64) -> Response<SimBody> {
    let body = Bytes::from(normal.body.clone());
    streamed(&normal, (body.len() as u64).saturating_add(missing_bytes), move |tx| async move {
        if body.is_empty() || tx.send(Ok(body)).await.is_ok() {
            tokio::time::sleep(FLUSH_PAUSE).await;
        }
        // Dropping `tx` ends the body short of the declared length; hyper closes the connection.
    })
}

fn html(status: u16) -> Response<SimBody> {
    let reason = hyper::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\
         <body><h1>{status} {reason}</h1><hr><center>nginx</center></body></html>\n"
    );
    let headers = [("content-type".to_owned(), "text/html; charset=utf-8".to_owned())];
    respond::build(status, &headers, SimBody::full(page))
}

/// A JSON object of exactly `bytes` bytes (at least the 14 of `{"padding":""}`), streamed in
/// 64 KiB chunks so it is never held in memory whole.
fn huge(bytes: usize) -> Response<SimBody> {
    const OPEN: &[u8] = br#"{"padding":""#;
    const CLOSE: &[u8] = br#""}"#;
    let total = bytes.max(OPEN.len() + CLOSE.len());
    let normal = HttpResponse::new(200, Vec::new()).with_header("content-type", "application/json");
    streamed(&normal, total as u64, move |tx| async move {
        let mut left = total - OPEN.len() - CLOSE.len();
        if tx.send(Ok(Bytes::from_static(OPEN))).await.is_err() {
            return;
        }
        let chunk = Bytes::from(vec![b'x'; 64 * 1024]);
        while left > 0 {
            let n = left.min(chunk.len());
            if tx.send(Ok(chunk.slice(..n))).await.is_err() {
                return;
            }
            left -= n;
        }
        let _ = tx.send(Ok(Bytes::from_static(CLOSE))).await;
    })
}

fn slow_body(normal: HttpResponse, chunk_bytes: usize, interval_ms: u64) -> Response<SimBody> {
    let body = Bytes::from(normal.body.clone());
    streamed(&normal, body.len() as u64, move |tx| async move {
        let mut offset = 0;
        while offset < body.len() {
            tokio::time::sleep(Duration::from_millis(interval_ms)).await;
            let end = offset.saturating_add(chunk_bytes).min(body.len());
            if tx.send(Ok(body.slice(offset..end))).await.is_err() {
                return;
            }
            offset = end;
        }
    })
}

fn extra_fields(normal: HttpResponse) -> Response<SimBody> {
    let value = match parse(&normal) {
        Some(Value::Object(map)) => Value::Object(add_extras(map)),
        Some(Value::Array(items)) => Value::Array(
            items
                .into_iter()
                .map(|item| match item {
                    Value::Object(map) => Value::Object(add_extras(map)),
                    other => other,
                })
                .collect(),
        ),
        Some(other) => other,
        None if normal.body.is_empty() => Value::Object(add_extras(serde_json::Map::new())),
        None => return respond::from_simulator(normal),
    };
    let mut headers = headers_without_length(&normal);
    headers.retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
    headers.push(("content-type".into(), "application/json".into()));
    respond::build(normal.status, &headers, SimBody::full(value.to_string()))
}

fn add_extras(mut map: serde_json::Map<String, Value>) -> serde_json::Map<String, Value> {
    map.insert("simExtra".into(), json!("an unexpected field"));
    map.insert("simExtraObject".into(), json!({ "nested": [1, 2, 3], "flag": true }));
    map
}

fn parse(response: &HttpResponse) -> Option<Value> {
    serde_json::from_slice(&response.body).ok()
}

/// Changes every scalar's type, keeping arrays and objects: strings → numbers, numbers →
/// strings, booleans → `"maybe"`; null stays null.
fn mangle(value: Value) -> Value {
    match value {
        Value::String(_) => json!(12345),
        Value::Number(_) => json!("not-a-number"),
        Value::Bool(_) => json!("maybe"),
        Value::Array(items) => Value::Array(items.into_iter().map(mangle).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, mangle(v))).collect()),
        Value::Null => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangle_changes_every_scalar_type() {
        assert_eq!(
            mangle(json!({ "success": true, "id": "1", "n": 3, "list": [{ "phone": "x" }], "z": null })),
            json!({ "success": "maybe", "id": 12345, "n": "not-a-number", "list": [{ "phone": 12345 }], "z": null })
        );
    }
}
