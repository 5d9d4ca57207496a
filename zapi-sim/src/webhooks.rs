//! Posting the simulator's webhooks to the URLs set with the configuration calls, and the
//! record of every delivery the control API shows.
//!
//! Each event is posted as the service does: `POST`, `Content-Type: application/json`, the JSON
//! body, no signature. The service documents no retry policy; the simulator's is: up to
//! [`ATTEMPTS`] attempts, [`BACKOFF`] apart and doubling, each given [`TIMEOUT`], until the
//! receiver answers 2xx. Deliveries run in the background, in the order the events happened.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use zapi_communities::WebhookKind;
use zapi_communities::sim::SimWebhook;

/// Attempts per event.
pub(crate) const ATTEMPTS: u32 = 3;
/// The wait before the second attempt (doubled before each later one).
pub(crate) const BACKOFF: Duration = Duration::from_millis(200);
/// How long one attempt may take.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(2);
/// Deliveries kept for `GET /__sim/webhooks` (the oldest go first).
const KEPT: usize = 10_000;

/// One event's delivery, as the control API shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Delivery {
    /// Its number, from 1, in the order the events happened.
    id: u64,
    /// The webhook (`received`, `delivery`, …).
    kind: &'static str,
    /// Where it was posted; `null` when no URL is set for its webhook (then it is not posted).
    url: Option<String>,
    /// The JSON body.
    body: String,
    /// Attempts made so far.
    attempts: u32,
    /// The receiver's last status, if it answered.
    status: Option<u16>,
    /// The last failure (connection refused, timeout, a non-2xx status).
    error: Option<String>,
    /// Whether it is over: delivered, given up, or never posted.
    done: bool,
}

/// The deliveries of one server.
#[derive(Debug, Default)]
pub(crate) struct Deliveries {
    log: Arc<Mutex<Vec<Delivery>>>,
    next_id: std::sync::atomic::AtomicU64,
    client: reqwest::Client,
    /// Serialises deliveries, so receivers see events in the order they happened.
    order: Arc<tokio::sync::Mutex<()>>,
}

impl Deliveries {
    /// Records `events` and posts those with a URL, in the background.
    pub(crate) fn send(&self, events: Vec<SimWebhook>) {
        for event in events {
            let id = self.record(&event);
            if let Some(url) = event.url.clone() {
                let (log, client, order) = (Arc::clone(&self.log), self.client.clone(), Arc::clone(&self.order));
                tokio::spawn(async move {
                    let _turn = order.lock().await;
                    post(&log, &client, id, &url, event.body).await;
                });
            }
        }
    }

    /// An arbitrary event for `kind`, posted to the URL `url` (the one set for that webhook).
    pub(crate) fn inject(&self, kind: WebhookKind, url: Option<String>, body: String) {
        self.send(vec![SimWebhook { kind, url, body }]);
    }

    /// Every delivery, oldest first.
    pub(crate) fn list(&self) -> Vec<Delivery> {
        self.lock().clone()
    }

    /// Forgets every delivery (those under way finish unrecorded).
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Delivery>> {
        self.log.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds the record of `event` and returns its id.
    fn record(&self, event: &SimWebhook) -> u64 {
        let id = self.next_id.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let mut log = self.lock();
        if log.len() == KEPT {
            log.remove(0);
        }
        log.push(Delivery {
            id,
            kind: event.kind.as_str(),
            url: event.url.clone(),
            body: event.body.clone(),
            attempts: 0,
            status: None,
            error: None,
            done: event.url.is_none(),
        });
        id
    }
}

async fn post(log: &Mutex<Vec<Delivery>>, client: &reqwest::Client, id: u64, url: &str, body: String) {
    let mut wait = BACKOFF;
    for attempt in 1..=ATTEMPTS {
        let sent = client
            .post(url)
            .header("content-type", "application/json")
            .body(body.clone())
            .timeout(TIMEOUT)
            .send()
            .await;
        let (status, error) = match sent {
            Ok(answer) if answer.status().is_success() => (Some(answer.status().as_u16()), None),
            Ok(answer) => (Some(answer.status().as_u16()), Some(format!("the receiver answered {}", answer.status()))),
            Err(e) if e.is_timeout() => (None, Some(format!("no answer within {} ms", TIMEOUT.as_millis()))),
            Err(_) => (None, Some("could not connect to the receiver".to_owned())),
        };
        let delivered = error.is_none();
        if let Some(record) = log.lock().unwrap_or_else(|p| p.into_inner()).iter_mut().rev().find(|d| d.id == id) {
            record.attempts = attempt;
            record.status = status;
            record.error = error;
            record.done = delivered || attempt == ATTEMPTS;
        }
        if delivered {
            return;
        }
        if attempt < ATTEMPTS {
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
    }
}
