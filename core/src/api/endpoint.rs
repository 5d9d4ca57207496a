//! Where requests go and with which credentials.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::error::Error;
use crate::http::{CLIENT_TOKEN_HEADER, HttpRequest, Method};
use crate::secret::Secret;

/// The service's only documented host (developer.z-api.io/security/introduction).
pub const DEFAULT_BASE_URL: &str = "https://api.z-api.io";

/// The instance id and token an [`Endpoint::behind_proxy`] sends in their place: the proxy,
/// not the caller, holds the real ones.
pub const PROXY_PLACEHOLDER: &str = "proxy";

/// An instance of the service: base URL, instance id, instance token and the optional
/// account-level `Client-Token`. `Debug` never shows either token.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    // Shared with every request built from it (`HttpRequest`), which costs a reference count.
    base_url: Arc<str>,
    instance_id: Arc<str>,
    token: Secret,
    client_token: Option<Secret>,
}

impl Endpoint {
    /// An endpoint on the default host.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `instance_id` or `token` when either is empty or has
    /// characters that cannot be a path segment.
    pub fn new(instance_id: impl Into<String>, token: impl Into<Secret>) -> Result<Self, Error> {
        let instance_id = instance_id.into().trim().to_owned();
        let token = token.into();
        check_credential("instance_id", &instance_id)?;
        check_credential("token", token.expose().trim())?;
        Ok(Self {
            base_url: DEFAULT_BASE_URL.into(),
            instance_id: instance_id.into(),
            token: Secret::new(token.expose().trim()),
            client_token: None,
        })
    }

    /// An endpoint for your own backend proxy, which holds the credentials: for code running where
    /// no secret can be kept, such as a web page (developer.z-api.io/security/introduction: the
    /// instance id and token together let anyone send as you). Requests go to
    /// `{base_url}/instances/{instance_id}/token/proxy/{route}`; the proxy swaps in the real
    /// instance id and token (and adds `Client-Token`) before forwarding to the service.
    /// `instance_id` defaults to [`PROXY_PLACEHOLDER`] as well.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `base_url` unless it is an absolute http(s) URL, `token` when
    /// it is the service's own host (there is no proxy in between, so the token is needed), or
    /// `instance_id` when it cannot be a path segment.
    pub fn behind_proxy(base_url: &str, instance_id: Option<&str>) -> Result<Self, Error> {
        let endpoint =
            Self::new(instance_id.unwrap_or(PROXY_PLACEHOLDER), PROXY_PLACEHOLDER)?.with_base_url(base_url)?;
        if endpoint.is_public_host() {
            return Err(Error::validation(
                "token",
                "is required to call api.z-api.io directly; to keep it out of a web page, point base_url at your own backend proxy",
            ));
        }
        Ok(endpoint)
    }

    /// Uses another base URL (a white-label host, a local proxy, the simulator).
    ///
    /// # Errors
    /// [`Error::Validation`] naming `base_url` unless it is an absolute http(s) URL with a host.
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self, Error> {
        let url = base_url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| Error::validation("base_url", "must start with http:// or https://"))?;
        if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) || rest.contains(['?', '#']) {
            return Err(Error::validation("base_url", "must be an absolute URL with a host and no query"));
        }
        self.base_url = url.into();
        Ok(self)
    }

    /// Sends `Client-Token` on every request (required once the account enables it,
    /// developer.z-api.io/security/client-token). An empty value means "none".
    pub fn with_client_token(mut self, client_token: impl Into<Secret>) -> Self {
        let secret: Secret = client_token.into();
        self.client_token = (!secret.expose().trim().is_empty()).then(|| Secret::new(secret.expose().trim()));
        self
    }

    /// The base URL, e.g. `https://api.z-api.io`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The instance id.
    pub fn instance_id(&self) -> &str {
        &self.instance_id
    }

    /// Whether the base URL is the service's public host (as opposed to a proxy or simulator).
    pub fn is_public_host(&self) -> bool {
        *self.base_url == *DEFAULT_BASE_URL
    }

    /// Whether what is sent to the base URL stays between the client and its host: `https://`,
    /// or plain `http://` to a loopback host (127.0.0.0/8, `::1`, `localhost`), which never
    /// leaves the machine.
    pub fn is_confidential(&self) -> bool {
        match self.base_url.strip_prefix("http://") {
            None => true,
            Some(rest) => is_loopback(host_of(rest)),
        }
    }

    /// Replaces both tokens with `***` in `text`, and whatever follows `/token/` in a path (the
    /// token's segment, whatever its length: see [`Secret::redact_in`] for short secrets).
    pub fn redact(&self, text: &str) -> String {
        let once = crate::wire::response::scrub_token_segments(&self.token.redact_in(text));
        match &self.client_token {
            Some(c) => c.redact_in(&once),
            None => once,
        }
    }

    /// Removes both tokens from every message an error carries.
    pub fn redact_error(&self, error: Error) -> Error {
        match error {
            Error::Validation { field, reason } => Error::Validation { field, reason: self.redact(&reason) },
            Error::Api { status, detail } => Error::Api { status, detail: self.redact(&detail) },
            Error::Transport { detail, sent } => Error::Transport { detail: self.redact(&detail), sent },
            Error::Decode { detail } => Error::Decode { detail: self.redact(&detail) },
            Error::NotFound { what, id } => Error::NotFound { what, id: self.redact(&id) },
            other => other,
        }
    }

    /// Renders a request to `path` (already encoded, starting with `/`). `body` is JSON text
    /// (see `api::json_body`) and gets `Content-Type: application/json`, without which the
    /// service answers 415 (every call's page, e.g. developer.z-api.io/communities/create-community).
    pub(crate) fn request(
        &self,
        method: Method,
        path: impl Into<Cow<'static, str>>,
        query: Vec<(Cow<'static, str>, String)>,
        body: Option<String>,
    ) -> HttpRequest {
        let mut headers = Vec::with_capacity(3);
        headers.push((Cow::Borrowed("Accept"), Cow::Borrowed("application/json")));
        if body.is_some() {
            headers.push((Cow::Borrowed("Content-Type"), Cow::Borrowed("application/json")));
        }
        if let Some(client_token) = &self.client_token {
            headers.push((Cow::Borrowed(CLIENT_TOKEN_HEADER), Cow::Owned(client_token.expose().to_owned())));
        }
        HttpRequest {
            method,
            base_url: self.base_url.clone(),
            instance_id: self.instance_id.clone(),
            token: self.token.clone(),
            path: path.into(),
            query,
            headers,
            body,
        }
    }
}

/// Whether `rest` (what follows `http://`) names a loopback host.
pub(crate) fn is_loopback_authority(rest: &str) -> bool {
    is_loopback(host_of(rest))
}

/// The host of `authority[/path]`: without user info and port, IPv6 brackets kept.
fn host_of(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    }
}

/// 127.0.0.0/8, `::1` and `localhost` (any case, with or without a trailing dot, and its
/// subdomains, which RFC 6761 reserves for loopback too).
fn is_loopback(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    if let Ok(v4) = host.parse::<std::net::Ipv4Addr>() {
        return v4.is_loopback();
    }
    host.parse::<std::net::Ipv6Addr>().is_ok_and(|v6| v6.is_loopback())
}

fn check_credential(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    if value.contains(['/', '?', '#', ' ']) || value.chars().any(char::is_control) {
        return Err(Error::validation(field, "contains characters that cannot appear in a URL path segment"));
    }
    Ok(())
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("base_url", &self.base_url)
            .field("instance_id", &self.instance_id)
            .field("token", &"***")
            .field("client_token", &self.client_token.as_ref().map(|_| "***"))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_credentials_and_base_url() {
        assert_eq!(Endpoint::new("", "t").unwrap_err().field(), Some("instance_id"));
        assert_eq!(Endpoint::new("i", " ").unwrap_err().field(), Some("token"));
        assert_eq!(Endpoint::new("i", "a/b").unwrap_err().field(), Some("token"));
        let e = Endpoint::new("i", "t").unwrap();
        assert_eq!(e.clone().with_base_url("ftp://x").unwrap_err().field(), Some("base_url"));
        assert_eq!(e.clone().with_base_url("https://").unwrap_err().field(), Some("base_url"));
        assert_eq!(e.with_base_url("http://127.0.0.1:8080/").unwrap().base_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn only_https_or_loopback_is_confidential() {
        let at = |url: &str| Endpoint::new("i", "t").unwrap().with_base_url(url).unwrap().is_confidential();
        for url in [
            "https://api.z-api.io",
            "https://example.com:8443/x",
            "http://127.0.0.1:8080",
            "http://127.8.9.10",
            "http://localhost:3000/zapi",
            "http://LOCALHOST.",
            "http://api.localhost",
            "http://[::1]:9000",
            "http://user:pw@127.0.0.1:1/",
        ] {
            assert!(at(url), "{url}");
        }
        for url in [
            "http://example.com",
            "http://10.0.0.1",
            "http://128.0.0.1",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
            "http://[::2]",
            "http://127.0.0.1@evil.example",
        ] {
            assert!(!at(url), "{url}");
        }
    }

    #[test]
    fn proxy_endpoints_carry_placeholders_and_refuse_the_public_host() {
        let e = Endpoint::behind_proxy("https://example.com/zapi/", None).unwrap();
        let r = e.request(Method::Get, "/chats", vec![], None);
        assert_eq!(r.url(), "https://example.com/zapi/instances/proxy/token/proxy/chats");
        assert_eq!(r.header("client-token"), None);
        let named = Endpoint::behind_proxy("http://127.0.0.1:8080", Some(" MY-INSTANCE ")).unwrap();
        assert_eq!(named.instance_id(), "MY-INSTANCE");
        assert!(!named.is_public_host());
        assert_eq!(Endpoint::behind_proxy("https://api.z-api.io/", None).unwrap_err().field(), Some("token"));
        assert_eq!(Endpoint::behind_proxy("example.com", None).unwrap_err().field(), Some("base_url"));
        assert_eq!(
            Endpoint::behind_proxy("https://example.com", Some("a/b")).unwrap_err().field(),
            Some("instance_id")
        );
    }

    #[test]
    fn debug_and_redaction_hide_tokens() {
        let e = Endpoint::new("inst", "canary-tok").unwrap().with_client_token("canary-ct");
        let shown = format!("{e:?}");
        assert!(!shown.contains("canary"), "{shown}");
        assert_eq!(e.redact("a canary-tok b canary-ct"), "a *** b ***");
        let err = e.redact_error(Error::Api { status: 500, detail: "echo canary-tok".into() });
        assert!(!err.to_string().contains("canary"));
    }

    #[test]
    fn short_tokens_do_not_garble_messages_and_their_segment_still_goes() {
        let e = Endpoint::new("inst", "t").unwrap().with_client_token("C");
        assert_eq!(
            e.redact("Connect failed for http://h/instances/inst/token/t/chats with Client-Token C"),
            "Connect failed for http://h/instances/inst/token/***/chats with Client-Token ***"
        );
        let long = Endpoint::new("inst", "a-very-long-token").unwrap().with_client_token("client-token-long");
        assert_eq!(long.redact("xa-very-long-tokeny client-token-long"), "x***y ***");
    }

    #[test]
    fn json_requests_carry_content_type_and_client_token() {
        let e = Endpoint::new("inst", "tok").unwrap().with_client_token("ct");
        let r = e.request(Method::Post, "/x", vec![], Some(r#"{"a":1}"#.to_owned()));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.header("client-token"), Some("ct"));
        let g = Endpoint::new("inst", "tok").unwrap().request(Method::Get, "/x", vec![], None);
        assert_eq!(g.header("content-type"), None);
        assert_eq!(g.header("client-token"), None);
    }
}
