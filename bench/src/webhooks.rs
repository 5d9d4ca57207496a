//! Webhook events per second: `parse_webhook` on a typical received text message (the docs'
//! example, tests/vectors/events.json case 0) against `serde_json::Value` plus reading the same
//! fields by hand, the alternative a user without the library writes.

use std::hint::black_box;
use std::time::Instant;

use zapi_communities::webhook::MessageContent;
use zapi_communities::{WebhookEvent, parse_webhook};

use crate::stats::Summary;

/// The first event of the shared vectors: a received text message, as the docs show it.
pub fn typical_event() -> Vec<u8> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/events.json"))
        .expect("tests/vectors/events.json");
    let vectors: serde_json::Value = serde_json::from_str(&text).expect("events.json is JSON");
    vectors[0]["body"].as_str().expect("a body").as_bytes().to_vec()
}

/// Our side: the event read by `parse_webhook`, and the five fields `by_hand` reads taken from it.
pub fn ours(body: &[u8]) -> usize {
    let len = |field: &Option<String>| field.as_deref().map_or(0, str::len);
    match parse_webhook(black_box(body)) {
        Ok(WebhookEvent::Message { message }) => {
            let text = match &message.content {
                Some(MessageContent::Text { message, .. }) => message.len(),
                _ => 0,
            };
            message.chat.len() + len(&message.message_id) + text + len(&message.sender_name) + len(&message.chat_name)
        }
        _ => 0,
    }
}

/// The other side: a `serde_json::Value`, its type checked and the same five fields read from it
/// by hand.
pub fn by_hand(body: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(black_box(body)).unwrap_or_default();
    if value.get("type").and_then(|v| v.as_str()) != Some("ReceivedCallback") {
        return 0;
    }
    let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map_or(0, str::len);
    let text = value.get("text").and_then(|t| t.get("message")).and_then(|v| v.as_str()).map_or(0, str::len);
    field("phone") + field("messageId") + text + field("senderName") + field("chatName")
}

/// Events per second for each side, over `rounds` rounds of `per_round` events on one thread.
pub fn bench(rounds: usize, per_round: usize) -> (Summary, Summary) {
    let body = typical_event();
    assert!(ours(&body) > 0, "the typical event parses as a message");
    assert_eq!(ours(&body), by_hand(&body), "both sides read the same fields");
    let rate = |f: fn(&[u8]) -> usize| {
        let start = Instant::now();
        let mut sink = 0;
        for _ in 0..per_round {
            sink += f(&body);
        }
        black_box(sink);
        per_round as f64 / start.elapsed().as_secs_f64()
    };
    rate(ours);
    rate(by_hand);
    let (mut a, mut b) = (vec![], vec![]);
    for _ in 0..rounds {
        a.push(rate(ours));
        b.push(rate(by_hand));
    }
    (Summary::of(a), Summary::of(b))
}
