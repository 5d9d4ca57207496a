//! How a foreign caller describes the instance to talk to.

use std::fmt;
use std::time::Duration;

use zapi_communities::api::Endpoint;
use zapi_communities::{ClientBuilder, Error, RetryPolicy};

/// The instance a [`crate::Client`] talks to, and how patiently.
///
/// Its `toString()` (Kotlin) and `description` / `debugDescription` (Swift) show `***` for both
/// tokens.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ClientConfig {
    /// The instance id (from the Z-API panel).
    pub instance_id: String,
    /// The instance token; it travels in the URL path, so it is never shown.
    pub token: String,
    /// The account's `Client-Token` header, once the account enables it (never shown).
    #[uniffi(default)]
    pub client_token: Option<String>,
    /// Another host: a white-label URL, your own proxy, or the simulator server. Default
    /// `https://api.z-api.io`.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Limit for one exchange (connect, send, read the body), in milliseconds. Must be above 0.
    #[uniffi(default = 30000)]
    pub timeout_ms: u64,
    /// Retries after the first attempt (0 disables them). POSTs are repeated only when nothing
    /// was sent.
    #[uniffi(default = 2)]
    pub max_retries: u32,
    /// Largest response body read, in bytes; a longer one is refused unread and the call fails
    /// with `Decode`. Default 32 MiB (a 100,000-chat page is about 28 MB); 0 refuses every
    /// non-empty body. A value beyond the platform's address space means no cap.
    #[uniffi(default = 33554432)]
    pub max_body_bytes: u64,
}

impl ClientConfig {
    /// A builder for the core client this configuration describes (the caller picks the
    /// transport, or leaves the default HTTP stack).
    pub(crate) fn into_builder(self) -> Result<ClientBuilder, Error> {
        let mut endpoint = Endpoint::new(self.instance_id, self.token)?;
        if let Some(base_url) = &self.base_url {
            endpoint = endpoint.with_base_url(base_url)?;
        }
        if let Some(client_token) = self.client_token {
            endpoint = endpoint.with_client_token(client_token);
        }
        Ok(zapi_communities::Client::builder(endpoint)
            .timeout(Duration::from_millis(self.timeout_ms))
            .retry(RetryPolicy { max_retries: self.max_retries, ..RetryPolicy::default() })
            // As in the JS binding: on a 32-bit target a cap beyond `usize` cannot be reached.
            .max_body_bytes(usize::try_from(self.max_body_bytes).unwrap_or(usize::MAX)))
    }
}

impl fmt::Display for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ClientConfig(instanceId={}, token=***, clientToken={}, baseUrl={}, timeoutMs={}, maxRetries={}, maxBodyBytes={})",
            self.instance_id,
            if self.client_token.is_some() { "***" } else { "null" },
            self.base_url.as_deref().unwrap_or("null"),
            self.timeout_ms,
            self.max_retries,
            self.max_body_bytes
        )
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            instance_id: "INST".into(),
            token: "canary-token-123".into(),
            client_token: Some("canary-client-456".into()),
            base_url: Some("http://127.0.0.1:9".into()),
            timeout_ms: 1500,
            max_retries: 0,
            max_body_bytes: 1024,
        }
    }

    #[test]
    fn never_shows_the_tokens() {
        let c = config();
        for shown in [c.to_string(), format!("{c:?}")] {
            assert!(!shown.contains("canary"), "{shown}");
            assert!(shown.contains("instanceId=INST") && shown.contains("timeoutMs=1500"), "{shown}");
        }
    }

    #[test]
    fn builds_the_client_the_fields_describe() {
        let client = config().into_builder().unwrap().build().unwrap();
        assert_eq!(client.endpoint().base_url(), "http://127.0.0.1:9");
        assert_eq!(client.config().timeout, Duration::from_millis(1500));
        assert_eq!(client.config().retry.max_retries, 0);
        assert_eq!(client.config().max_body_bytes, 1024);
        let zero =
            ClientConfig { timeout_ms: 0, ..config() }.into_builder().and_then(ClientBuilder::build).unwrap_err();
        assert_eq!(zero.field(), Some("timeout"));
        let blank = ClientConfig { token: " ".into(), ..config() }.into_builder().unwrap_err();
        assert_eq!(blank.field(), Some("token"));
    }

    #[test]
    fn the_default_body_cap_is_the_cores() {
        // `#[uniffi(default = …)]` takes a literal: this keeps it in step with the core.
        let default = ClientConfig { max_body_bytes: 33_554_432, ..config() };
        let client = default.into_builder().unwrap().build().unwrap();
        assert_eq!(client.config().max_body_bytes, zapi_communities::ClientConfig::default().max_body_bytes);
        assert!(config().to_string().contains("maxBodyBytes=1024"));
    }
}
