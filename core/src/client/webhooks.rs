//! Where the instance posts its events.

use crate::api::{SetEveryWebhook, SetNotifySentByMe, SetWebhook};
use crate::error::Error;
use crate::model::WebhookKind;

use super::Client;

impl Client {
    /// Sets where one webhook posts its events: an `https://` URL (the service posts only to
    /// HTTPS; the simulator also takes `http://` to loopback). The service signs nothing, so
    /// put a long random secret in the URL and check it when events arrive.
    ///
    /// # Errors
    /// [`Error::Validation`] (`url`) or any call error.
    pub async fn set_webhook(&self, kind: WebhookKind, url: &str) -> Result<(), Error> {
        self.execute(&SetWebhook { kind, url: url.to_owned() }).await
    }

    /// Sets every webhook to one URL and, when `notify_sent_by_me` is given, whether messages
    /// the connected number sends are posted too.
    ///
    /// # Errors
    /// [`Error::Validation`] (`url`) or any call error.
    pub async fn set_every_webhook(&self, url: &str, notify_sent_by_me: Option<bool>) -> Result<(), Error> {
        self.execute(&SetEveryWebhook { url: url.to_owned(), notify_sent_by_me }).await
    }

    /// Whether messages the connected number sends are posted to the received webhook, which
    /// must be set first.
    ///
    /// # Errors
    /// Any call error.
    pub async fn set_notify_sent_by_me(&self, enabled: bool) -> Result<(), Error> {
        self.execute(&SetNotifySentByMe { enabled }).await
    }
}
