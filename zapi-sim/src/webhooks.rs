//! Posting the simulator's webhooks to the URLs set with the configuration calls, and the
//! record of every delivery the control API shows.
//!
//! Each event is posted as the service does: `POST`, `Content-Type: application/json`, the JSON
//! body, no signature. The service documents no retry policy; the simulator's is: up to
//! [`ATTEMPTS`] attempts, [`BACKOFF`] apart and doubling, each given [`TIMEOUT`], until the
//! receiver answers 2xx. Deliveries run in the background, in the order the events happened.
//!
//! Delivery faults (`POST /__sim/webhook-faults`) play what a receiver meets in production: an
//! event delayed on the way (later ones wait behind it), one that never arrives, and one that
//! arrives twice, as a retry after a lost answer does. A bot must survive all three.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
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

/// What a delivery fault does to the next events posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FaultKind {
    /// Posted after `ms` milliseconds; the events after it wait their turn.
    Delay,
    /// Never posted, as if the receiver were unreachable every time.
    Drop,
    /// Posted twice, as a retry after a lost answer would.
    Duplicate,
}

/// A delivery fault, for the next `times` events that have a URL.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeliveryFault {
    /// What happens to them.
    fault: FaultKind,
    /// The delay of a `delay` (at most a minute).
    #[serde(default)]
    ms: u64,
    /// How many events it applies to (default 1).
    #[serde(default = "one")]
    times: u32,
}

fn one() -> u32 {
    1
}

impl DeliveryFault {
    /// Refuses a fault that could not be applied as asked.
    pub(crate) fn check(&self) -> Result<(), String> {
        match (self.fault, self.ms, self.times) {
            (_, _, 0) => Err("times must be at least 1".to_owned()),
            (FaultKind::Delay, 0 | 60_001.., _) => Err("a delay needs ms from 1 to 60000".to_owned()),
            (FaultKind::Drop | FaultKind::Duplicate, 1.., _) => Err("only a delay takes ms".to_owned()),
            _ => Ok(()),
        }
    }
}

/// The deliveries of one server.
#[derive(Debug, Default)]
pub(crate) struct Deliveries {
    log: Arc<Mutex<Vec<Delivery>>>,
    /// Faults for the next events, the first applying first.
    faults: Mutex<VecDeque<DeliveryFault>>,
    next_id: std::sync::atomic::AtomicU64,
    client: reqwest::Client,
    /// Serialises deliveries, so receivers see events in the order they happened.
    order: Arc<tokio::sync::Mutex<()>>,
}

impl Deliveries {
    /// Records `events` and posts those with a URL, in the background.
    pub(crate) fn send(&self, events: Vec<SimWebhook>) {
        for event in events {
            let fault = event.url.as_ref().and_then(|_| self.next_fault());
            let id = self.record(&event);
            let Some(url) = event.url.clone() else { continue };
            let delay = match fault {
                Some(DeliveryFault { fault: FaultKind::Drop, .. }) => {
                    self.update(id, |d| {
                        d.error = Some("dropped by a webhook fault: never posted".to_owned());
                        d.done = true;
                    });
                    continue;
                }
                Some(DeliveryFault { fault: FaultKind::Delay, ms, .. }) => Duration::from_millis(ms),
                _ => Duration::ZERO,
            };
            let copy =
                matches!(fault, Some(DeliveryFault { fault: FaultKind::Duplicate, .. })).then(|| self.record(&event));
            let (log, client, order) = (Arc::clone(&self.log), self.client.clone(), Arc::clone(&self.order));
            tokio::spawn(async move {
                let _turn = order.lock().await;
                tokio::time::sleep(delay).await;
                for id in std::iter::once(id).chain(copy) {
                    post(&log, &client, id, &url, event.body.clone()).await;
                }
            });
        }
    }

    /// Queues delivery faults after those already pending.
    pub(crate) fn add_faults(&self, faults: Vec<DeliveryFault>) {
        self.lock_faults().extend(faults);
    }

    /// The delivery faults still to apply.
    pub(crate) fn pending_faults(&self) -> Vec<DeliveryFault> {
        self.lock_faults().iter().cloned().collect()
    }

    /// The fault for the next event with a URL, if any, counting it against its `times`.
    fn next_fault(&self) -> Option<DeliveryFault> {
        let mut faults = self.lock_faults();
        let first = faults.front_mut()?;
        first.times -= 1;
        let fault = first.clone();
        if first.times == 0 {
            faults.pop_front();
        }
        Some(fault)
    }

    fn lock_faults(&self) -> std::sync::MutexGuard<'_, VecDeque<DeliveryFault>> {
        self.faults.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn update(&self, id: u64, change: impl FnOnce(&mut Delivery)) {
        if let Some(record) = self.lock().iter_mut().rev().find(|d| d.id == id) {
            change(record);
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

    /// Forgets every delivery (those under way finish unrecorded) and every pending fault.
    pub(crate) fn clear(&self) {
        self.lock().clear();
        self.lock_faults().clear();
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
