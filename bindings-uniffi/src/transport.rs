//! Bring your own HTTP stack: an app implements `HttpTransport` in Kotlin or Swift (OkHttp,
//! Ktor, URLSession, …) and builds its client with `Client.withTransport(config, transport)`.
//! The core still validates, builds, retries and parses; the app only moves bytes.

use std::fmt;
use std::sync::Arc;

use zapi_communities::{BoxFuture, HttpRequest, HttpResponse, SendOptions, Transport, TransportError};

/// One request to send. `url` and the `Client-Token` header carry the credentials: send them,
/// never log them. `toString()` / `description` shows the URL with the token as `***`.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct OutgoingRequest {
    request: HttpRequest,
    options: SendOptions,
}

/// One HTTP header.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HttpHeader {
    /// The header name.
    pub name: String,
    /// The header value.
    pub value: String,
}

/// What the server answered, whatever the status: the client reads error statuses itself.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IncomingResponse {
    /// The HTTP status code.
    pub status: u16,
    /// Response headers. The client reads only `Location` (of a refused redirect) and
    /// `Retry-After` (of a 429), so a transport may return just those two and skip copying the rest.
    #[uniffi(default)]
    pub headers: Vec<HttpHeader>,
    /// The raw body.
    pub body: Vec<u8>,
}

/// Why an `HttpTransport` got no answer. What matters is whether the request may have reached
/// the server: only after `Connect` is a POST repeated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum TransportFailure {
    /// No connection was made (refused, DNS, TLS handshake): nothing was sent.
    #[error("could not connect: {detail}")]
    Connect {
        /// What the HTTP stack said. (Not `message`: Kotlin exceptions already have one.)
        detail: String,
    },
    /// The exchange took longer than `OutgoingRequest.timeoutMs`.
    #[error("timed out")]
    Timeout,
    /// The connection failed after the request may have been sent.
    #[error("connection failed: {detail}")]
    Io {
        /// What the HTTP stack said.
        detail: String,
    },
}

/// An HTTP stack provided by the app. Implementations must not retry on their own (the client
/// decides what is safe to repeat) and **must not follow redirects**: turn redirect-following
/// off (OkHttp `followRedirects(false)`, Ktor `followRedirects = false`, a `URLSession`
/// delegate that refuses `willPerformHTTPRedirection`) and return the 3xx answer as it came. A
/// followed redirect hands the token in the URL and the `Client-Token` header to whatever host
/// `Location` names, and re-sends a POST; a 3xx handed back is refused as an `Api` error.
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends `request` and returns the answer, whatever its status (a 3xx included: never
    /// follow it).
    ///
    /// # Errors
    /// `TransportFailure` when no answer came; any other exception counts as `Io`.
    async fn send(&self, request: Arc<OutgoingRequest>) -> Result<IncomingResponse, TransportFailure>;
}

#[uniffi::export]
impl OutgoingRequest {
    /// `GET`, `POST` or `DELETE`.
    pub fn method(&self) -> String {
        self.request.method.as_str().to_owned()
    }

    /// The complete URL, token included.
    pub fn url(&self) -> String {
        self.request.url()
    }

    /// The headers to send, `Client-Token` included when configured.
    pub fn headers(&self) -> Vec<HttpHeader> {
        self.request
            .headers
            .iter()
            .map(|(name, value)| HttpHeader { name: name.to_string(), value: value.to_string() })
            .collect()
    }

    /// The JSON body, if any.
    pub fn body(&self) -> Option<String> {
        self.request.body.clone()
    }

    /// The client's timeout for this exchange, in milliseconds (the client also enforces it).
    pub fn timeout_ms(&self) -> u64 {
        u64::try_from(self.options.timeout.as_millis()).unwrap_or(u64::MAX)
    }
}

impl fmt::Display for OutgoingRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.request.method, self.request.redacted_url())
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for TransportFailure {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TransportFailure::Io { detail: error.reason }
    }
}

impl From<TransportFailure> for TransportError {
    fn from(failure: TransportFailure) -> Self {
        match failure {
            TransportFailure::Connect { detail } => TransportError::Connect { message: detail },
            TransportFailure::Timeout => TransportError::Timeout,
            TransportFailure::Io { detail } => TransportError::Io { message: detail },
        }
    }
}

/// The core's `Transport` over an app's `HttpTransport`. Timeouts and the body cap are enforced
/// here too, so a transport that ignores them cannot hang or flood the client.
pub(crate) struct ForeignTransport(pub(crate) Arc<dyn HttpTransport>);

impl Transport for ForeignTransport {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        // The app's transport holds its request for as long as it likes: it gets its own copy.
        let outgoing = Arc::new(OutgoingRequest { request: request.clone(), options });
        Box::pin(async move {
            let answer = tokio::time::timeout(options.timeout, self.0.send(outgoing))
                .await
                .map_err(|_| TransportError::Timeout)??;
            if answer.body.len() > options.max_body_bytes {
                return Err(TransportError::BodyTooLarge { limit: options.max_body_bytes });
            }
            let headers = answer.headers.into_iter().map(|h| (h.name, h.value)).collect();
            Ok(HttpResponse { status: answer.status, headers, body: answer.body })
        })
    }

    fn sleep(&self, duration: std::time::Duration) -> BoxFuture<'_, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

impl fmt::Debug for ForeignTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ForeignTransport")
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use zapi_communities::{Method, Secret};

    use super::*;

    fn outgoing() -> OutgoingRequest {
        let request = HttpRequest {
            method: Method::Post,
            base_url: "http://127.0.0.1:9".into(),
            instance_id: "INST".into(),
            token: Secret::new("canary-token"),
            path: "/send-text".into(),
            query: vec![],
            headers: vec![("Client-Token".into(), "canary-client".into())],
            body: Some("{}".into()),
        };
        OutgoingRequest { request, options: SendOptions { timeout: Duration::from_millis(1500), max_body_bytes: 10 } }
    }

    #[test]
    fn shows_the_request_without_tokens_and_hands_them_to_the_transport() {
        let r = outgoing();
        assert_eq!(r.to_string(), "POST http://127.0.0.1:9/instances/INST/token/***/send-text");
        assert_eq!(r.url(), "http://127.0.0.1:9/instances/INST/token/canary-token/send-text");
        assert_eq!(r.headers()[0].value, "canary-client");
        assert_eq!((r.method().as_str(), r.timeout_ms(), r.body().as_deref()), ("POST", 1500, Some("{}")));
    }

    #[test]
    fn failures_keep_whether_anything_was_sent() {
        let connect = TransportError::from(TransportFailure::Connect { detail: "refused".into() });
        assert_eq!(connect, TransportError::Connect { message: "refused".into() });
        assert_eq!(TransportError::from(TransportFailure::Timeout), TransportError::Timeout);
        let unexpected = TransportFailure::from(uniffi::UnexpectedUniFFICallbackError::new("boom"));
        assert!(matches!(TransportError::from(unexpected), TransportError::Io { .. }));
    }
}
