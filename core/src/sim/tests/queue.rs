//! The message queue: messages wait in it while the phone is disconnected, are listed by
//! cursor, deleted one by one or all at once, and go out in order on reconnection.

use serde_json::json;

use super::*;
use crate::model::WebhookKind;
use crate::webhook::{WebhookEvent, parse_webhook};

const ANA: &str = "5511911111111";

fn send_text(sim: &Simulator, text: &str) -> String {
    let answer = send(sim, post("/send-text", json!({ "phone": ANA, "message": text })));
    answer.ok()["zaapId"].as_str().expect("zaapId").to_owned()
}

fn list(sim: &Simulator, body: serde_json::Value) -> Answer {
    send(sim, post("/queue", body))
}

#[test]
fn messages_sent_while_disconnected_wait_in_the_queue_and_go_out_in_order_on_reconnection() {
    let sim = Simulator::demo();
    send_text(&sim, "sent at once");
    assert_eq!(list(&sim, json!({})).ok(), &json!({ "messages": [], "pagingState": null, "hasMore": false }));
    sim.take_webhooks();

    assert_eq!(sim.set_phone_connected(false), 0);
    let ids: Vec<String> = (0..3).map(|i| send_text(&sim, &format!("queued {i}"))).collect();
    assert_eq!(sim.messages().len(), 1, "nothing queued was sent");
    let page = list(&sim, json!({})).ok().clone();
    assert_eq!(page["hasMore"], json!(false));
    let first = &page["messages"][0];
    assert_eq!((first["ZaapId"].as_str(), first["_id"].as_str()), (Some(ids[0].as_str()), Some(ids[0].as_str())));
    assert_eq!((first["Phone"].as_str(), first["Message"].as_str()), (Some(ANA), Some("queued 0")));
    assert_eq!((first["DelayMessage"].as_i64(), first["DelayTyping"].as_i64()), (Some(-1), Some(0)));

    assert_eq!(send(&sim, delete(&format!("/queue/{}", ids[1]))).status, 200);
    send(&sim, delete(&format!("/queue/{}", ids[1]))).refused(404, "no queued message");
    assert_eq!(sim.set_phone_connected(true), 2);
    let sent: Vec<String> = sim.messages().iter().map(|m| m.message.clone()).collect();
    assert_eq!(sent, ["sent at once", "queued 0", "queued 2"]);
    assert!(sim.state().queue.is_empty());
    let kinds: Vec<WebhookKind> = sim.take_webhooks().iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WebhookKind::Disconnected, WebhookKind::Connected, WebhookKind::Delivery, WebhookKind::Delivery]
    );
    assert_eq!(sim.set_phone_connected(true), 0, "already connected");
}

#[test]
fn pages_follow_the_cursor_and_clearing_sends_nothing() {
    let sim = Simulator::demo();
    sim.set_phone_connected(false);
    for i in 0..45 {
        send_text(&sim, &format!("m{i}"));
    }
    let first = list(&sim, json!({})).ok().clone();
    assert_eq!((first["messages"].as_array().unwrap().len(), &first["hasMore"]), (20, &json!(true)));
    let cursor = first["pagingState"].as_str().unwrap().to_owned();
    let second = list(&sim, json!({ "pageSize": 30, "pagingState": cursor })).ok().clone();
    assert_eq!(second["messages"].as_array().unwrap().len(), 25);
    assert_eq!((second["messages"][0]["Message"].as_str(), &second["hasMore"]), (Some("m20"), &json!(false)));

    list(&sim, json!({ "pageSize": 31 })).refused(400, "pageSize");
    list(&sim, json!({ "pagingState": "eyJi..." })).refused(400, "pagingState");
    assert_eq!(send(&sim, delete("/queue")).status, 200);
    assert_eq!(sim.set_phone_connected(true), 0);
    assert!(sim.messages().is_empty());
}

#[test]
fn a_full_queue_refuses_the_next_message() {
    let sim = Simulator::demo();
    let mut state = sim.state();
    state.phone_connected = false;
    let message = crate::sim::SimMessage {
        zaap_id: String::new(),
        message_id: String::new(),
        phone: ANA.into(),
        message: "old".into(),
        delay_message: None,
        delay_typing: None,
        edit_message_id: None,
        mentioned: Vec::new(),
        group_mentioned: Vec::new(),
        sent_at: 0,
    };
    state.queue = (0..1000).map(|i| crate::sim::SimMessage { zaap_id: format!("Z{i}"), ..message.clone() }).collect();
    sim.load_state(state).unwrap();
    send(&sim, post("/send-text", json!({ "phone": ANA, "message": "one too many" }))).refused(400, "queue is full");
    let snapshot: serde_json::Value = serde_json::from_str(&sim.snapshot_json()).unwrap();
    assert_eq!(
        (snapshot["phoneConnected"].as_bool(), snapshot["queue"].as_array().map(Vec::len)),
        (Some(false), Some(1000))
    );
}

#[test]
fn the_connection_events_read_back_as_the_parser_knows_them() {
    let sim = Simulator::demo();
    sim.set_phone_connected(false);
    sim.set_phone_connected(true);
    let events: Vec<WebhookEvent> =
        sim.take_webhooks().iter().map(|w| parse_webhook(w.body.as_bytes()).unwrap()).collect();
    assert!(matches!(&events[0], WebhookEvent::Disconnected { disconnection } if disconnection.disconnected));
    assert!(matches!(&events[1], WebhookEvent::Connected { connection } if connection.connected));
}
