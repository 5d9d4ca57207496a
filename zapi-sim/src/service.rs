//! One request: CORS preflight, control API, or an instance call (faulted or not).

use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::{BodyExt, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response};

use crate::body::SimBody;
use crate::faulted::{self, Abort};
use crate::instance::{self, Unroutable};
use crate::server::Shared;
use crate::{control, respond};

/// Largest request body read (16 MiB); more is a 413.
const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

/// Answers one request. `Err` makes hyper close the connection without answering.
pub(crate) async fn serve(
    request: Request<Incoming>,
    shared: Arc<Shared>,
    peer: SocketAddr,
) -> Result<Response<SimBody>, Abort> {
    let (parts, body) = request.into_parts();
    let body: Bytes = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(respond::with_cors(respond::error(413, "request body too large or unreadable"))),
    };
    if parts.method == Method::OPTIONS {
        return Ok(respond::with_cors(respond::preflight()));
    }
    if let Some(endpoint) = parts.uri.path().strip_prefix("/__sim/") {
        // Bound to 127.0.0.1 already; checked again so a future bind option cannot expose it.
        let response = if peer.ip().is_loopback() {
            control::handle(&shared, &parts.method, endpoint, &body)
        } else {
            respond::error(403, "the control API answers loopback callers only")
        };
        return Ok(respond::with_cors(response));
    }
    let request = match instance::to_core_request(&parts, &body, &shared.base_url) {
        Ok(request) => request,
        Err(Unroutable::NotInstancePath) => return Ok(respond::with_cors(respond::error(404, "route not found"))),
        Err(Unroutable::UnsupportedMethod) => {
            return Ok(respond::with_cors(respond::error(405, "method not allowed")));
        }
    };
    let query: Vec<String> = request.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    shared.wall_clock.follow(&shared.simulator);
    let response = match shared.faults.take(request.method.as_str(), &request.path, &query.join("&")) {
        None => respond::from_simulator(shared.simulator.handle(&request)),
        Some(rule) => faulted::answer(&shared.simulator, &request, rule, shared.decoy_url()).await?,
    };
    shared.deliveries.send(shared.simulator.take_webhooks());
    Ok(respond::with_cors(response))
}
