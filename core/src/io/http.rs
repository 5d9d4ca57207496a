//! Plain HTTP values: what the core asks a transport to send and what it gets back.
//!
//! Nothing here performs I/O. A user with their own HTTP stack takes an [`HttpRequest`] from a
//! call's `build`, sends it however they like, and hands the answer to the call's `parse` as an
//! [`HttpResponse`].

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::secret::Secret;

/// The HTTP methods the Z-API routes in scope use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: reads; safe to retry.
    Get,
    /// `POST`: creates, changes or sends; never retried once bytes may have left.
    Post,
    /// `DELETE`: deactivation; idempotent, so safe to retry.
    Delete,
    /// `PUT`: sets a webhook URL; idempotent, so safe to retry.
    Put,
}

impl Method {
    /// The method as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Put => "PUT",
        }
    }

    /// Whether repeating the request cannot change the outcome (GET, DELETE and PUT).
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Name of the account-level security header; its value is a secret.
pub const CLIENT_TOKEN_HEADER: &str = "Client-Token";

/// A fully rendered request to one instance of the service.
///
/// The URL is kept in parts so that the token (a path segment) can be left out of anything shown:
/// [`HttpRequest::url`] has it, [`HttpRequest::redacted_url`] and `Debug` do not. What every
/// request of an endpoint repeats is shared with it (`base_url`, `instance_id`, `token`) and what
/// is fixed text (most paths, every query key and header name) borrows the crate's literals, so
/// building a request allocates only what varies from call to call.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    /// The HTTP method.
    pub method: Method,
    /// Scheme and host, without a trailing slash, e.g. `https://api.z-api.io`.
    pub base_url: Arc<str>,
    /// The instance id (first path parameter).
    pub instance_id: Arc<str>,
    /// The instance token (second path parameter).
    pub token: Secret,
    /// The route under `/instances/{id}/token/{token}`, starting with `/`, already percent-encoded.
    pub path: Cow<'static, str>,
    /// Query parameters in order, not encoded.
    pub query: Vec<(Cow<'static, str>, String)>,
    /// Headers in order. A `Client-Token` value is a secret and is redacted by `Debug`.
    pub headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// The JSON body, if the call has one.
    pub body: Option<String>,
}

impl HttpRequest {
    /// The complete URL, token included. Send it; never log it.
    pub fn url(&self) -> String {
        self.render_url(Token::Encoded(self.token.expose()))
    }

    /// The URL with the token replaced by `***`, for logs and messages.
    pub fn redacted_url(&self) -> String {
        self.render_url(Token::Hidden)
    }

    /// The value of the first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Built piece by piece into one string sized up front: every call renders one.
    fn render_url(&self, token: Token<'_>) -> String {
        let query: usize = self.query.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        let mut url = String::with_capacity(
            self.base_url.len() + self.instance_id.len() + self.token.expose().len() + self.path.len() + query + 32,
        );
        url.push_str(&self.base_url);
        self.push_path_and_query_with(&mut url, token);
        url
    }

    /// Appends what the URL has after the base URL: `/instances/…/token/…`, the call's path and
    /// the query, encoded, the token included. For a transport that parses it against an origin it
    /// parsed before (`io::request_url`).
    #[cfg(feature = "reqwest")]
    pub(crate) fn push_path_and_query(&self, out: &mut String) {
        self.push_path_and_query_with(out, Token::Encoded(self.token.expose()));
    }

    fn push_path_and_query_with(&self, out: &mut String, token: Token<'_>) {
        use crate::wire::path::push_encoded;
        out.push_str("/instances/");
        push_encoded(out, &self.instance_id);
        out.push_str("/token/");
        match token {
            Token::Encoded(raw) => push_encoded(out, raw),
            // Written as is, so the placeholder stays readable.
            Token::Hidden => out.push_str("***"),
        }
        out.push_str(&self.path);
        for (i, (key, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            push_encoded(out, key);
            out.push('=');
            push_encoded(out, value);
        }
    }
}

/// What the token segment of a rendered URL shows.
enum Token<'a> {
    /// The token itself, percent-encoded.
    Encoded(&'a str),
    /// `***`.
    Hidden,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                if k.eq_ignore_ascii_case(CLIENT_TOKEN_HEADER) { (k.as_ref(), "***") } else { (k.as_ref(), v.as_ref()) }
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.redacted_url())
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

/// The only response headers the client reads, in lower case: `Location`, to name where a
/// refused redirect pointed, and `Retry-After`, how long a 429 asks to wait. A transport may leave
/// every other header out of [`HttpResponse::headers`], as the JS client's transports do (an answer
/// crosses into wasm with these two strings at most) and `ReqwestTransport` does (which
/// would otherwise copy every header into two owned strings per call for nothing).
pub const RESPONSE_HEADERS_READ: [&str; 2] = [LOCATION, RETRY_AFTER];
pub(crate) const LOCATION: &str = "location";
pub(crate) const RETRY_AFTER: &str = "retry-after";

/// What came back: status, headers and the (already size-capped) body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// Response headers in order; names compare case-insensitively.
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with a status and body and no headers (handy in tests and simulators).
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: Vec::new(), body: body.into() }
    }

    /// Adds a header and returns the response.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The value of the first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

fn find_header<'a, K: AsRef<str>, V: AsRef<str>>(headers: &'a [(K, V)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name)).map(|(_, v)| v.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> HttpRequest {
        HttpRequest {
            method: Method::Get,
            base_url: "https://api.z-api.io".into(),
            instance_id: "INST".into(),
            token: Secret::new("canary-token"),
            path: "/communities".into(),
            query: vec![("page".into(), "1".into()), ("pageSize".into(), "a b".into())],
            headers: vec![(CLIENT_TOKEN_HEADER.into(), "canary-client".into())],
            body: None,
        }
    }

    #[test]
    fn url_has_token_and_encoded_query() {
        assert_eq!(
            request().url(),
            "https://api.z-api.io/instances/INST/token/canary-token/communities?page=1&pageSize=a%20b"
        );
    }

    #[test]
    fn debug_hides_both_secrets() {
        let shown = format!("{:?}", request());
        assert!(!shown.contains("canary"), "{shown}");
        assert!(shown.contains("/token/***/communities"));
    }

    #[test]
    fn header_lookup_ignores_case() {
        let r = HttpResponse::new(429, "").with_header("Retry-After", "3");
        assert_eq!(r.header("retry-after"), Some("3"));
        assert!(!r.is_success());
        assert_eq!(request().header("client-token"), Some("canary-client"));
    }
}
