//! Credential checks, in the order the service applies them: the instance id and token in the path,
//! then the account's `Client-Token` header (developer.z-api.io/security/introduction,
//! developer.z-api.io/security/client-token).

use super::config::SimConfig;
use super::reply::Refusal;
use crate::http::{CLIENT_TOKEN_HEADER, HttpRequest};

/// Refuses a request whose credentials do not match `config`.
///
/// - Wrong instance id or token → 401 `{"error":"instance not found or invalid token"}`. The
///   service's status and wording are undocumented (developer.z-api.io/security/client-token, whose
///   examples disagree); one message for both cases keeps the simulator from telling which half was
///   wrong. Nothing presented is echoed.
/// - Client-Token configured but missing or different → 403 `{"error":"null not allowed"}`, the
///   documented body (developer.z-api.io/security/client-token); the status is the simulator's
///   choice.
pub(crate) fn check(config: &SimConfig, request: &HttpRequest) -> Result<(), Refusal> {
    if *request.instance_id != *config.instance_id || request.token.expose() != config.token.expose() {
        return Err(Refusal::unauthorized("instance not found or invalid token"));
    }
    if let Some(expected) = &config.client_token {
        if request.header(CLIENT_TOKEN_HEADER) != Some(expected.expose()) {
            return Err(Refusal::forbidden("null not allowed"));
        }
    }
    Ok(())
}
