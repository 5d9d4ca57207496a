//! The default transport: reqwest, with rustls natively and the `fetch` API on wasm32.

use std::time::Duration;

use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method, RESPONSE_HEADERS_READ};
use crate::transport::{BoxFuture, SendOptions, Transport, TransportError};

/// Sends requests with one pooled `reqwest::Client` (keep-alive across calls), following no
/// redirects. The response it hands back carries only the headers the core reads
/// ([`RESPONSE_HEADERS_READ`]).
///
/// On wasm32 reqwest sends with the browser's `fetch` and offers no redirect policy, so there a
/// redirect is followed before the client sees it; the JS binding uses its own `fetch` transport
/// (`redirect: "manual"`) for that reason. A client from [`ReqwestTransport::from_client`] keeps the
/// given client's policy: build it with `redirect::Policy::none()`.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with a fresh connection pool.
    ///
    /// # Errors
    /// [`Error::Transport`] when the TLS stack cannot be initialised.
    pub fn new() -> Result<Self, Error> {
        let builder = reqwest::Client::builder();
        #[cfg(not(target_arch = "wasm32"))]
        let builder = builder
            // Never follow a redirect: the token (a path segment) and `Client-Token` would go to
            // wherever `Location` points, and a 307/308 would send a POST twice. The 3xx comes
            // back as a response, which the client refuses (`wire::redirect`).
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(10))
            .pool_idle_timeout(Duration::from_secs(60))
            .user_agent(concat!("zapi-communities/", env!("CARGO_PKG_VERSION")));
        let client =
            builder.build().map_err(|e| Error::Transport { detail: e.without_url().to_string(), sent: false })?;
        Ok(Self { client })
    }

    /// Wraps an existing `reqwest::Client` (to share its pool, proxy or TLS settings).
    pub fn from_client(client: reqwest::Client) -> Self {
        Self { client }
    }

    async fn exchange(&self, request: &HttpRequest, options: SendOptions) -> Result<HttpResponse, TransportError> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
            Method::Put => reqwest::Method::PUT,
        };
        let builder = match super::request_url::parsed(request) {
            Some(url) => self.client.request(method, url),
            None => self.client.request(method, request.url()),
        };
        let mut builder = builder.timeout(options.timeout);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_ref(), value.as_ref());
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let started = now_ms();
        let response = builder.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers = kept_headers(response.headers());
        let declared = response.content_length();
        if declared.is_some_and(|len| len > options.max_body_bytes as u64) {
            return Err(TransportError::BodyTooLarge { limit: options.max_body_bytes });
        }
        let body = read_capped(response, declared.unwrap_or(0) as usize, options.max_body_bytes)
            .await
            .map_err(|error| past_deadline(error, now_ms() - started, options.timeout))?;
        Ok(HttpResponse { status, headers, body })
    }
}

/// The response headers the core reads ([`RESPONSE_HEADERS_READ`]), as the JS transports hand
/// back too (an app's own Kotlin/Swift transport may): copying every header into owned strings
/// was a dozen allocations per call that nothing read.
fn kept_headers(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    RESPONSE_HEADERS_READ
        .iter()
        .flat_map(|name| headers.get_all(*name).iter().map(move |value| ((*name).to_owned(), header_text(value))))
        .collect()
}

/// A header value as text: nearly always visible ASCII, checked in one quick pass; anything
/// else is read as UTF-8 with replacement characters.
fn header_text(value: &reqwest::header::HeaderValue) -> String {
    match value.to_str() {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
    }
}

/// A body read that fails once the timeout has passed is the timeout: on wasm32, reqwest reports
/// the abort of a body read (unlike one of the send) as a plain error.
fn past_deadline(error: TransportError, elapsed_ms: f64, timeout: Duration) -> TransportError {
    match error {
        TransportError::Io { .. } if elapsed_ms >= timeout.as_secs_f64() * 1e3 => TransportError::Timeout,
        other => other,
    }
}

/// Milliseconds from an arbitrary origin (`std::time::Instant` panics on wasm32-unknown-unknown).
#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e3
}

/// Milliseconds from an arbitrary origin (`std::time::Instant` panics on wasm32-unknown-unknown).
#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Reads the body chunk by chunk and stops as soon as it passes the cap, so a huge body is
/// never held in memory (the length header may be absent or wrong).
#[cfg(not(target_arch = "wasm32"))]
async fn read_capped(mut response: reqwest::Response, declared: usize, cap: usize) -> Result<Vec<u8>, TransportError> {
    // Sized from `Content-Length` (already checked against the cap) so one allocation holds a
    // typical answer; only up to 64 KiB, since a server may declare far more than it sends.
    let mut body = Vec::with_capacity(declared.min(64 * 1024));
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        if body.len() + chunk.len() > cap {
            return Err(TransportError::BodyTooLarge { limit: cap });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `fetch` buffers the body itself; the cap is still applied before it is handed on.
#[cfg(target_arch = "wasm32")]
async fn read_capped(response: reqwest::Response, _declared: usize, cap: usize) -> Result<Vec<u8>, TransportError> {
    let bytes = response.bytes().await.map_err(classify)?;
    if bytes.len() > cap {
        return Err(TransportError::BodyTooLarge { limit: cap });
    }
    Ok(bytes.to_vec())
}

/// Maps reqwest's error to whether anything may have been sent. The URL (with the token) is
/// stripped from the message.
fn classify(error: reqwest::Error) -> TransportError {
    if error.is_timeout() {
        return TransportError::Timeout;
    }
    let connect = is_connect(&error);
    let message = describe(error.without_url());
    if connect { TransportError::Connect { message } } else { TransportError::Io { message } }
}

#[cfg(not(target_arch = "wasm32"))]
fn is_connect(error: &reqwest::Error) -> bool {
    error.is_connect()
}

/// `fetch` does not say whether a connection was made, so a wasm failure always counts as
/// possibly sent: a POST is then never retried.
#[cfg(target_arch = "wasm32")]
fn is_connect(_error: &reqwest::Error) -> bool {
    false
}

/// The error and its causes on one line (reqwest's top-level message alone is vague).
fn describe(error: reqwest::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

impl Transport for ReqwestTransport {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(self.exchange(request, options))
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        Box::pin(sleep(duration))
    }
}

#[cfg(not(target_arch = "wasm32"))]
async fn sleep(duration: Duration) {
    tokio::time::sleep(duration).await;
}

#[cfg(target_arch = "wasm32")]
async fn sleep(duration: Duration) {
    use wasm_bindgen::JsCast;
    let millis = duration.as_millis().min(i32::MAX as u128) as f64;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let global = js_sys::global();
        if let Ok(set_timeout) = js_sys::Reflect::get(&global, &"setTimeout".into()) {
            if let Some(set_timeout) = set_timeout.dyn_ref::<js_sys::Function>() {
                let _ = set_timeout.call2(&global, &resolve, &millis.into());
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_body_failures_are_timeouts() {
        let io = || TransportError::Io { message: "aborted".into() };
        let second = Duration::from_secs(1);
        assert_eq!(past_deadline(io(), 1000.0, second), TransportError::Timeout);
        assert_eq!(past_deadline(io(), 999.0, second), io());
        let refused = TransportError::Connect { message: "refused".into() };
        assert_eq!(past_deadline(refused.clone(), 5000.0, second), refused);
        assert!(now_ms() >= 0.0);
    }
}
