//! The JS client's transport: the runtime's own `fetch`, driven by `js/fetch.js`.
//!
//! The core's default transport (reqwest) also uses `fetch` on wasm32, but builds a `Request`,
//! a `Headers` and an `AbortController` through many small calls across the wasm boundary and
//! brings its own glue into the module. Here a request crosses once, as plain strings, and the
//! response comes back as one object: a call costs about what a hand-written `fetch` costs, and
//! the module is smaller. Under Node a refused connection is also told apart from a failure after
//! sending (`sent: false`), which reqwest's wasm path cannot do.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use zapi_communities::{
    BoxFuture, HttpRequest, HttpResponse, RESPONSE_HEADERS_READ, SendOptions, Transport, TransportError,
};

use crate::cancel::{self, Listening};

#[wasm_bindgen(module = "/js/fetch.js")]
extern "C" {
    #[wasm_bindgen(js_name = send)]
    fn fetch_send(
        method: &str,
        url: &str,
        headers: Vec<String>,
        body: Option<String>,
        timeout_ms: f64,
        max_body_bytes: f64,
        kept_headers: &Array,
    ) -> Pending;

    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: f64) -> Pending;

    /// What `send` and `sleep` return: a promise with a `cancel()`.
    #[derive(Clone)]
    #[wasm_bindgen(extends = Promise)]
    type Pending;
    #[wasm_bindgen(method)]
    fn cancel(this: &Pending);

    /// What `send` resolves with (see js/fetch.js).
    type Outcome;
    #[wasm_bindgen(method, getter)]
    fn failure(this: &Outcome) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn message(this: &Outcome) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Outcome) -> u16;
    #[wasm_bindgen(method, getter)]
    fn headers(this: &Outcome) -> Array;
    #[wasm_bindgen(method, getter)]
    fn body(this: &Outcome) -> Uint8Array;
}

thread_local! {
    /// The response headers handed back across the boundary: only those the core reads
    /// ([`RESPONSE_HEADERS_READ`]), since every other one would cost two strings copied into wasm
    /// per call for nothing. Made once per thread.
    static KEPT_HEADERS: Array = RESPONSE_HEADERS_READ.iter().map(|name| JsValue::from_str(name)).collect();
}

/// Sends with the global `fetch` (Node >= 18, browsers, workers).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FetchTransport;

impl FetchTransport {
    async fn exchange(request: &HttpRequest, options: SendOptions) -> Result<HttpResponse, TransportError> {
        let url = request.url();
        let headers = request.headers.iter().flat_map(|(name, value)| [name.to_string(), value.to_string()]).collect();
        let pending = KEPT_HEADERS.with(|kept| {
            fetch_send(
                request.method.as_str(),
                &url,
                headers,
                request.body.clone(),
                // setTimeout fires at once for delays past 2^31 - 1 ms (~24.8 days): cap instead.
                options.timeout.as_millis().min(i32::MAX as u128) as f64,
                options.max_body_bytes as f64,
                kept,
            )
        });
        let outcome: Outcome = InFlight::new(pending)
            .await
            .map_err(|_| TransportError::Io { message: "fetch glue failed".into() })?
            .unchecked_into();
        if let Some(failure) = outcome.failure() {
            let message = outcome.message().unwrap_or_default();
            return Err(match failure.as_str() {
                "timeout" => TransportError::Timeout,
                "too_large" => TransportError::BodyTooLarge { limit: options.max_body_bytes },
                // A browser shows neither the status nor the `Location` of a manual redirect.
                "redirect" => TransportError::Redirected { status: 0, location: None },
                "connect" => TransportError::Connect { message },
                _ => TransportError::Io { message },
            });
        }
        let flat = outcome.headers();
        let headers = (0..flat.length() / 2)
            .map(|i| {
                let text = |at: u32| flat.get(at).as_string().unwrap_or_default();
                (text(2 * i), text(2 * i + 1))
            })
            .collect();
        Ok(HttpResponse { status: outcome.status(), headers, body: outcome.body().to_vec() })
    }
}

impl Transport for FetchTransport {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(Self::exchange(request, options))
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            let _ = InFlight::new(js_sleep(duration.as_millis().min(i32::MAX as u128) as f64)).await;
        })
    }
}

/// A request or a pause in flight: awaits it, wakes the call when the call's signal aborts
/// (`cancel.rs`), and cancels it when dropped before it settles (the call was cancelled), so
/// that an aborted call leaves no request running and no timer behind.
struct InFlight {
    pending: Option<Pending>,
    settled: JsFuture,
    listening: Option<Listening>,
}

impl InFlight {
    fn new(pending: Pending) -> Self {
        let settled = JsFuture::from(Promise::from(JsValue::from(pending.clone())));
        Self { pending: Some(pending), settled, listening: cancel::current().map(|signal| Listening::to(&signal)) }
    }
}

impl Future for InFlight {
    type Output = Result<JsValue, JsValue>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if let Some(listening) = &mut this.listening {
            listening.wake_on_abort(cx);
        }
        let result = ready!(Pin::new(&mut this.settled).poll(cx));
        this.pending = None;
        Poll::Ready(result)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(pending) = self.pending.take() {
            pending.cancel();
        }
    }
}
