//! [`ClientBuilder`] and [`ClientConfig`]: how a client is put together.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::api::Endpoint;
use crate::client::knowledge::Knowledge;
use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::transport::Transport;

use super::{Client, Inner};

/// How the client behaves on every call: the resolved form of [`super::ClientOptions`], whose
/// docs these defaults are held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientConfig {
    /// Limit for one exchange (connect, send, read the body). Default 30 s.
    pub timeout: Duration,
    /// Bodies longer than this are refused unread. Default 32 MiB (a 100,000-chat page is ~28 MB).
    pub max_body_bytes: usize,
    /// Which failures are retried, and how.
    pub retry: RetryPolicy,
    /// Whether a plain `http://` base URL to a host other than loopback is accepted. Default false.
    pub allow_insecure_http: bool,
    /// Items per page of a pager given no page size. Default 100.
    pub page_size: u32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_body_bytes: 32 * 1024 * 1024,
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
            page_size: 100,
        }
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

    /// Accepts (or not) a plain `http://` base URL to a host other than loopback, which sends
    /// the token in clear text.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.config.allow_insecure_http = allow;
        self
    }

    /// Sets the page size of pagers given none.
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.config.page_size = page_size;
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
    /// [`Error::Validation`] naming `timeout_ms` when it is zero, `base_url` when it is plain
    /// `http://` to a host other than loopback and `allow_insecure_http` is not set, or
    /// `transport` when no transport was given and the crate was built without the `reqwest`
    /// feature.
    // On wasm32 the transport need not be `Send + Sync` (see `transport::MaybeSend`): there are
    // no threads to share the `Arc` with, and one `Arc` keeps a single code path on every target.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
    pub fn build(self) -> Result<Client, Error> {
        if self.config.timeout.is_zero() {
            return Err(Error::validation("timeout_ms", "must be greater than zero"));
        }
        refuse_clear_text(&self.endpoint, self.config.allow_insecure_http)?;
        let transport = match self.transport {
            Some(t) => t,
            None => default_transport()?,
        };
        if self.endpoint.is_public_host() && cfg!(target_arch = "wasm32") {
            // developer.z-api.io/security/introduction: the instance token lets anyone send as you;
            // it does not belong in a page.
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

/// Refuses a base URL that would carry the token in clear text over the network (plain
/// `http://` to a host other than loopback), unless the caller accepted that.
pub(super) fn refuse_clear_text(endpoint: &Endpoint, allowed: bool) -> Result<(), Error> {
    if allowed || endpoint.is_confidential() {
        return Ok(());
    }
    Err(Error::validation(
        "base_url",
        format!(
            "{} is plain http:// to a host that is not loopback, so the token would travel in clear text; \
             use https://, or set allow_insecure_http (ZAPI_ALLOW_INSECURE_HTTP=1) to accept that",
            endpoint.base_url()
        ),
    ))
}

#[cfg(feature = "reqwest")]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Ok(Arc::new(crate::io::reqwest::ReqwestTransport::new()?))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Err(Error::validation("transport", "built without the reqwest feature: pass a transport"))
}
