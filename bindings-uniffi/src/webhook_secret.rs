//! `WebhookSecret`: the secret in the webhook URL that tells the instance's posts from anyone
//! else's (the service signs nothing).

use std::fmt;
use std::sync::Arc;

use zapi_communities::Error;

/// The secret path segment of your webhook URL. `WebhookSecret.generate()` makes a new one;
/// `WebhookSecret(value)` takes one you kept. `toString()` (Swift: `description`) never shows it.
#[derive(uniffi::Object, PartialEq)]
#[uniffi::export(Display, Eq)]
pub struct WebhookSecret(zapi_communities::WebhookSecret);

#[uniffi::export]
impl WebhookSecret {
    /// A secret you kept.
    ///
    /// # Errors
    /// `Validation` naming `secret` for a value that is not 22 to 128 characters of
    /// `A-Z a-z 0-9 - _`.
    #[uniffi::constructor]
    pub fn new(value: String) -> Result<Arc<Self>, Error> {
        Ok(Arc::new(Self(zapi_communities::WebhookSecret::new(&value)?)))
    }

    /// A new secret from the operating system's random source: 256 bits, 43 URL-safe characters.
    #[uniffi::constructor]
    pub fn generate() -> Arc<Self> {
        Arc::new(Self(zapi_communities::WebhookSecret::generate()))
    }

    /// The secret itself, to store with your other credentials (the instance keeps posting to the
    /// URL it was given). Never log it.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// The URL to give `setWebhook` or `setEveryWebhook`: `baseUrl` with the secret as one more
    /// path segment.
    ///
    /// # Errors
    /// `Validation` naming `base_url` for a URL those calls would refuse, or one with a query or
    /// fragment.
    pub fn url(&self, base_url: String) -> Result<String, Error> {
        self.0.url(&base_url)
    }

    /// Whether an incoming request is the instance's: its target (the request's path and query,
    /// or a whole URL) ends in this secret. Compared in constant time.
    pub fn verify(&self, request_target: String) -> bool {
        self.0.verify(&request_target)
    }
}

impl fmt::Display for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// The largest webhook body `parseWebhook` reads (1 MiB): refuse a longer `Content-Length` before
/// reading it.
#[uniffi::export]
pub fn max_webhook_bytes() -> u32 {
    zapi_communities::webhook::MAX_WEBHOOK_BYTES as u32
}
