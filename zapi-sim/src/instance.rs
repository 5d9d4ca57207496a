//! Turning an HTTP request under `/instances/{id}/token/{token}/…` into the core's
//! [`HttpRequest`], the value [`zapi_communities::sim::Simulator::handle`] answers.

use hyper::body::Bytes;
use hyper::http::request::Parts;
use percent_encoding::percent_decode_str;
use zapi_communities::{HttpRequest, Method, Secret};

/// Why a request could not be handed to the simulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unroutable {
    /// The path is not `/instances/{id}/token/{token}[/…]`.
    NotInstancePath,
    /// A method the service never uses (PUT, PATCH, HEAD, …).
    UnsupportedMethod,
}

/// Builds the core request. `base_url` is the server's own URL.
pub(crate) fn to_core_request(parts: &Parts, body: &Bytes, base_url: &str) -> Result<HttpRequest, Unroutable> {
    let (instance_id, token, path) = split_path(parts.uri.path()).ok_or(Unroutable::NotInstancePath)?;
    let method = match parts.method.as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "DELETE" => Method::Delete,
        "PUT" => Method::Put,
        _ => return Err(Unroutable::UnsupportedMethod),
    };
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (name.as_str().to_owned().into(), String::from_utf8_lossy(value.as_bytes()).into_owned().into())
        })
        .collect();
    let body = if body.is_empty() { None } else { Some(String::from_utf8_lossy(body).into_owned()) };
    Ok(HttpRequest {
        method,
        base_url: base_url.into(),
        instance_id: instance_id.into(),
        token: Secret::new(token),
        path: path.into(),
        query: parts.uri.query().map(parse_query).unwrap_or_default().into_iter().map(|(k, v)| (k.into(), v)).collect(),
        headers,
        body,
    })
}

/// Splits `/instances/{id}/token/{token}/{rest}` into decoded id, decoded token and `/{rest}`
/// (still encoded, as the core's `HttpRequest::path` is).
pub(crate) fn split_path(path: &str) -> Option<(String, String, String)> {
    let rest = path.strip_prefix("/instances/")?;
    let (id, rest) = rest.split_once('/')?;
    let rest = rest.strip_prefix("token/")?;
    let (token, route) = match rest.split_once('/') {
        Some((token, route)) => (token, format!("/{route}")),
        None => (rest, "/".to_owned()),
    };
    if id.is_empty() || token.is_empty() {
        return None;
    }
    Some((decode(id), decode(token), route))
}

/// `a=1&b=x%20y` → `[("a","1"),("b","x y")]`; `+` is a space, as in any form-encoded query.
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(&key.replace('+', " ")), decode(&value.replace('+', " ")))
        })
        .collect()
}

fn decode(raw: &str) -> String {
    percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_instance_paths() {
        assert_eq!(
            split_path("/instances/SIM%2DX/token/t%40k/communities/link"),
            Some(("SIM-X".into(), "t@k".into(), "/communities/link".into()))
        );
        assert_eq!(split_path("/instances/I/token/T"), Some(("I".into(), "T".into(), "/".into())));
        assert_eq!(split_path("/instances/I/tok/T/x"), None);
        assert_eq!(split_path("/instances//token/T/x"), None);
        assert_eq!(split_path("/__sim/state"), None);
    }

    #[test]
    fn decodes_queries() {
        assert_eq!(
            parse_query("page=1&pageSize=a%20b&x=c+d&flag"),
            vec![
                ("page".into(), "1".into()),
                ("pageSize".into(), "a b".into()),
                ("x".into(), "c d".into()),
                ("flag".into(), String::new())
            ]
        );
    }
}
