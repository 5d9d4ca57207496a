//! The webhook configuration routes.

use serde_json::json;

use super::*;
use crate::model::WebhookKind;
use crate::sim::Simulator;

fn put(path: &str, body: serde_json::Value) -> HttpRequest {
    let mut r = post(path, body);
    r.method = Method::Put;
    r
}

#[test]
fn each_route_sets_its_url_and_every_webhooks_sets_them_all() {
    let sim = Simulator::demo();
    let set = send(&sim, put("/update-webhook-message-status", json!({ "value": "https://bot.example/s" })));
    assert_eq!(set.ok(), &json!({ "value": true }));
    assert_eq!(sim.state().webhooks.get(WebhookKind::MessageStatus), Some("https://bot.example/s"));
    assert_eq!(sim.state().webhooks.get(WebhookKind::Received), None);
    send(&sim, put("/update-every-webhooks", json!({ "value": "http://127.0.0.1:9/all", "notifySentByMe": true })))
        .ok();
    let hooks = sim.state().webhooks;
    assert!(WebhookKind::ALL.iter().all(|k| hooks.get(*k) == Some("http://127.0.0.1:9/all")));
    assert!(hooks.notify_sent_by_me);
    send(&sim, post("/update-webhook-received", json!({ "value": "https://x" }))).refused(405, "method not allowed");
}

#[test]
fn urls_must_be_https_and_notify_needs_the_received_webhook() {
    let sim = Simulator::demo();
    send(&sim, put("/update-webhook-received", json!({ "value": "http://bot.example/r" }))).refused(400, "https://");
    send(&sim, put("/update-webhook-received", json!({}))).refused(400, "value is required");
    send(&sim, put("/update-notify-sent-by-me", json!({ "notifySentByMe": true })))
        .refused(400, "received webhook first");
    send(&sim, put("/update-webhook-received", json!({ "value": "https://bot.example/r" }))).ok();
    assert_eq!(
        send(&sim, put("/update-notify-sent-by-me", json!({ "notifySentByMe": true }))).ok(),
        &json!({ "value": true })
    );
    send(&sim, put("/update-notify-sent-by-me", json!({}))).refused(400, "notifySentByMe is required");
    send(&sim, put("/update-webhook-nothing", json!({ "value": "https://x" }))).refused(404, "route not found");
}
