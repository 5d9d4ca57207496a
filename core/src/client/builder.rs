//! [`ClientBuilder`] and [`ClientConfig`]: how a client is put together.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::api::Endpoint;
use crate::error::Error;
use crate::knowledge::Knowledge;
use crate::retry::RetryPolicy;
use crate::transport::Transport;

use super::{Client, Inner};

/// How the client behaves on every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientConfig {
    /// Limit for one exchange (connect, send, read the body). Default 30 s.
    pub timeout: Duration,
    /// Bodies longer than this are refused unread. Default 32 MiB (a 100,000-chat page is ~28 MB).
    pub max_body_bytes: usize,
    /// Which failures are retried, and how.
    pub retry: RetryPolicy,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(30), max_body_bytes: 32 * 1024 * 1024, retry: RetryPolicy::default() }
    }
}

/// Builds a [`Client`].
#[derive(Clone)]
pub struct ClientBuilder {
    pub(super) endpoint: Endpoint,
    pub(super) config: ClientConfig,
    pub(super) transport: Option<Arc<dyn Transport>>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder").field("endpoint", &self.endpoint).field("config", &self.config).finish()
    }
}

impl ClientBuilder {
    /// Sets the per-exchange timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// Sets the response body cap.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.config.max_body_bytes = limit;
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.config.retry = policy;
        self
    }

    /// Replaces the whole configuration.
    pub fn config(mut self, config: ClientConfig) -> Self {
        self.config = config;
        self
    }

    /// Sends through `transport` instead of the default HTTP stack.
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Finishes the client.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `timeout` when it is zero, or `transport` when no transport
    /// was given and the crate was built without the `reqwest` feature.
    // On wasm32 the transport need not be `Send + Sync` (see `transport::MaybeSend`): there are
    // no threads to share the `Arc` with, and one `Arc` keeps a single code path on every target.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
    pub fn build(self) -> Result<Client, Error> {
        if self.config.timeout.is_zero() {
            return Err(Error::validation("timeout", "must be greater than zero"));
        }
        let transport = match self.transport {
            Some(t) => t,
            None => default_transport()?,
        };
        if self.endpoint.is_public_host() && cfg!(target_arch = "wasm32") {
            // Facts §1.1: the instance token lets anyone send as you; it does not belong in a page.
            tracing::warn!(
                "calling api.z-api.io directly from a browser exposes the instance token; point base_url at your own backend proxy"
            );
        }
        Ok(Client {
            inner: Arc::new(Inner {
                endpoint: self.endpoint,
                config: self.config,
                transport,
                knowledge: Mutex::new(Knowledge::default()),
            }),
        })
    }
}

#[cfg(feature = "reqwest")]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Ok(Arc::new(crate::reqwest_transport::ReqwestTransport::new()?))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Err(Error::validation("transport", "built without the reqwest feature: pass a transport"))
}
