//! The one seam between the core and the network.
//!
//! A [`Transport`] sends an [`HttpRequest`] and returns the [`HttpResponse`]; it also owns time
//! (timeouts and the pause between retries), because the core starts no runtime and
//! `std::time` sleeping is unavailable on `wasm32-unknown-unknown`. Implementations shipped here:
//! [`crate::ReqwestTransport`] (feature `reqwest`) and [`crate::sim::SimulatorTransport`].

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::http::{HttpRequest, HttpResponse};

/// `Send` on native targets; nothing on wasm32, where futures are single-threaded.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + ?Sized> MaybeSend for T {}
/// `Send` on native targets; nothing on wasm32, where futures are single-threaded.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}

/// `Send + Sync` on native targets; nothing on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSync: Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Sync + ?Sized> MaybeSync for T {}
/// `Send + Sync` on native targets; nothing on wasm32.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSync for T {}

/// A boxed future that is `Send` wherever threads exist.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// A boxed future that is `Send` wherever threads exist.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Per-request limits the client passes to the transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendOptions {
    /// Give up when the whole exchange (connect, send, read the body) takes longer than this.
    pub timeout: Duration,
    /// Refuse, without buffering it, a body longer than this many bytes.
    pub max_body_bytes: usize,
}

/// Why a request got no usable response.
///
/// The distinction that matters is whether bytes may have reached the server:
/// [`TransportError::Connect`] guarantees they did not, so even a POST may be retried after it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// No connection was made (refused, DNS failure, TLS handshake failure): nothing was sent.
    #[error("could not connect: {message}")]
    Connect {
        /// What the HTTP stack said, with no URL in it.
        message: String,
    },
    /// The exchange exceeded [`SendOptions::timeout`]. The request may have been delivered.
    #[error("timed out")]
    Timeout,
    /// The connection failed after the request may have been sent (reset, truncated body, …).
    #[error("connection failed: {message}")]
    Io {
        /// What the HTTP stack said, with no URL in it.
        message: String,
    },
    /// The server answered a redirect that the HTTP stack reports without its response (a
    /// browser's `fetch` hides the status and `Location` of a redirect it was told not to
    /// follow). Transports that see the 3xx response return it as an [`HttpResponse`] instead.
    #[error("redirect refused")]
    Redirected {
        /// The status, or 0 when the stack hides it.
        status: u16,
        /// The `Location` header, when the stack shows it.
        location: Option<String>,
    },
    /// The response body exceeded [`SendOptions::max_body_bytes`]; it was not read to the end.
    #[error("response body larger than {limit} bytes")]
    BodyTooLarge {
        /// The cap in force.
        limit: usize,
    },
}

/// Sends requests and sleeps. Implement it to bring your own HTTP stack.
///
/// Implementations must not retry on their own (the client decides what is safe to repeat),
/// must not follow redirects (a redirect to another host would hand it the token and the
/// `Client-Token`; return the 3xx response and the client refuses it), and must not put the
/// request URL in error messages (it contains the token).
pub trait Transport: MaybeSend + MaybeSync {
    /// Sends one request, honouring the timeout and body cap in `options`. The request is lent,
    /// not given: the client keeps it for a retry, so no attempt costs a copy of it.
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>>;

    /// Waits for `duration` (used between retries).
    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()>;
}
