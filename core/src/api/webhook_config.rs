//! `PUT /update-webhook-*`, `PUT /update-every-webhooks` and `PUT /update-notify-sent-by-me`:
//! where the instance posts its events (developer.z-api.io/webhooks/introduction,
//! developer.z-api.io/webhooks/update-every-webhooks,
//! developer.z-api.io/webhooks/update-notify-sent-by-me). The service answers an empty 200 or
//! `{"value": true}`.

use serde::Serialize;

use super::{Call, Endpoint, json_body};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::WebhookKind;
use crate::wire::response;

/// Sets the URL of one webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetWebhook {
    /// Which webhook.
    pub kind: WebhookKind,
    /// Where the events go (checked by [`webhook_url`]).
    pub url: String,
}

/// Sets every webhook to one URL and, optionally, whether messages the connected number sends
/// are posted too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetEveryWebhook {
    /// Where every event goes.
    pub url: String,
    /// Post the connected number's own messages too (`None`: leave it as it is).
    pub notify_sent_by_me: Option<bool>,
}

/// Whether messages the connected number sends are posted to the received webhook (which must
/// be set first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetNotifySentByMe {
    /// On or off.
    pub enabled: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UrlBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    notify_sent_by_me: Option<bool>,
    value: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotifyBody {
    notify_sent_by_me: bool,
}

/// Checks a webhook URL: `https://` with a host (the service posts only to HTTPS), or
/// `http://` to a loopback host, which only a local simulator can reach; no spaces, at most
/// 2048 characters.
///
/// # Errors
/// [`Error::Validation`] naming `field`.
pub fn webhook_url(field: &str, raw: &str) -> Result<String, Error> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    if url.len() > 2048 || url.chars().any(char::is_whitespace) {
        return Err(Error::validation(field, "must be one URL of at most 2048 characters, without spaces"));
    }
    let ok = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => !rest.split(['/', '?', '#']).next().unwrap_or_default().is_empty(),
        (_, Some(rest)) => super::endpoint::is_loopback_authority(rest),
        _ => false,
    };
    if ok {
        Ok(url.to_owned())
    } else {
        Err(Error::validation(field, "must be an https:// URL (the service posts only to HTTPS)"))
    }
}

impl Call for SetWebhook {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let url = webhook_url("url", &self.url)?;
        let body = json_body(&UrlBody { notify_sent_by_me: None, value: &url });
        Ok(endpoint.request(Method::Put, self.kind.route(), vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

impl Call for SetEveryWebhook {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let url = webhook_url("url", &self.url)?;
        let body = json_body(&UrlBody { notify_sent_by_me: self.notify_sent_by_me, value: &url });
        Ok(endpoint.request(Method::Put, "/update-every-webhooks", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

impl Call for SetNotifySentByMe {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let body = json_body(&NotifyBody { notify_sent_by_me: self.enabled });
        Ok(endpoint.request(Method::Put, "/update-notify-sent-by-me", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn each_webhook_has_its_route_and_a_value_body() {
        for kind in WebhookKind::ALL {
            let r = SetWebhook { kind, url: "https://bot.example/hook?s=1".into() }.build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Put, kind.route()));
            assert_eq!(body(&r), json!({"value": "https://bot.example/hook?s=1"}));
            assert_eq!(headers(&r), JSON_HEADERS);
        }
        let every = SetEveryWebhook { url: "https://bot.example/h".into(), notify_sent_by_me: Some(true) };
        let r = every.build(&endpoint()).unwrap();
        assert_eq!(
            (&*r.path, body(&r)),
            ("/update-every-webhooks", json!({"value": "https://bot.example/h", "notifySentByMe": true}))
        );
        let r = SetNotifySentByMe { enabled: false }.build(&endpoint()).unwrap();
        assert_eq!((&*r.path, body(&r)), ("/update-notify-sent-by-me", json!({"notifySentByMe": false})));
        assert!(SetNotifySentByMe { enabled: true }.parse(&HttpResponse::new(200, "")).is_ok());
        assert!(SetNotifySentByMe { enabled: true }.parse(&HttpResponse::new(200, r#"{"value":false}"#)).is_err());
    }

    #[test]
    fn only_https_or_a_loopback_simulator_url() {
        for good in ["https://bot.example/hook", "http://127.0.0.1:8080/hook", "http://localhost/h"] {
            assert!(webhook_url("url", good).is_ok(), "{good}");
        }
        for bad in ["", "http://bot.example/hook", "ftp://x", "https://", "https://a b", "bot.example/hook"] {
            assert_eq!(webhook_url("url", bad).unwrap_err().field(), Some("url"), "{bad}");
        }
    }
}
