//! zapi-sim posts its webhooks to a real receiver on loopback: a bot approves a join request from
//! the event it received, and a receiver that is absent is tried again, then given up on.

mod common;

use std::time::Duration;

use common::{read, start};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use zapi_communities::webhook::GroupNotification;
use zapi_communities::{WebhookEvent, parse_webhook};

/// A webhook receiver on loopback: every body it is posted goes to the channel; it answers 200.
async fn receiver() -> (String, mpsc::UnboundedReceiver<String>) {
    slow_receiver(Vec::new()).await
}

/// A receiver that waits `delays[n]` before answering its n-th connection (none after the list),
/// and sends each body to the channel once it has answered.
async fn slow_receiver(delays: Vec<Duration>) -> (String, mpsc::UnboundedReceiver<String>) {
    let delays = std::sync::Arc::new(std::sync::Mutex::new(std::collections::VecDeque::from(delays)));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook/s3cr3t", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let tx = tx.clone();
            let delay = delays.lock().unwrap().pop_front().unwrap_or_default();
            tokio::spawn(async move {
                let mut data = Vec::new();
                let mut buffer = [0u8; 4096];
                loop {
                    let Ok(n) = socket.read(&mut buffer).await else { return };
                    if n == 0 {
                        return;
                    }
                    data.extend_from_slice(&buffer[..n]);
                    let text = String::from_utf8_lossy(&data).into_owned();
                    let Some((head, body)) = text.split_once("\r\n\r\n") else { continue };
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned())
                        })
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(0);
                    if body.len() >= length {
                        tokio::time::sleep(delay).await;
                        let answered = socket
                            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                            .await;
                        if answered.is_ok() {
                            let _ = tx.send(body[..length].to_owned());
                        }
                        return;
                    }
                }
            });
        }
    });
    (url, rx)
}

/// A group "Bakery" whose joins need an admin's approval: its id and invitation link.
async fn approval_group(h: &common::Harness) -> (String, Value) {
    let group = h.post_json("/create-group", &json!({ "groupName": "Bakery", "phones": ["5511911111111"] }));
    let group = read(group.send().await.unwrap()).await.1["phone"].as_str().unwrap().to_owned();
    h.post_json("/update-group-settings", &json!({ "phone": group, "requireAdminApproval": true }))
        .send()
        .await
        .unwrap();
    let link =
        read(h.get(&format!("/group-invitation-link/{group}")).send().await.unwrap()).await.1["invitationLink"].clone();
    (group, link)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<String>) -> WebhookEvent {
    let body = tokio::time::timeout(Duration::from_secs(5), rx.recv()).await.expect("a webhook in time").unwrap();
    parse_webhook(body.as_bytes()).unwrap()
}

#[tokio::test]
async fn a_bot_approves_the_join_request_it_was_posted() {
    let h = start().await;
    let (url, mut rx) = receiver().await;
    let put = h.client.put(h.instance("/update-webhook-received")).header("Client-Token", common::CLIENT_TOKEN);
    let (status, _) = read(put.json(&json!({ "value": url })).send().await.unwrap()).await;
    assert_eq!(status, 200);
    let (_, link) = approval_group(&h).await;
    let created = next(&mut rx).await;
    assert!(
        matches!(created, WebhookEvent::Message { message } if message.notification == Some(GroupNotification::GroupCreated { name: Some("Bakery".into()) }))
    );
    let join =
        h.client.post(h.control("invite-joins")).body(json!({ "link": link, "phone": "5511922222222" }).to_string());
    assert_eq!(read(join.send().await.unwrap()).await.1, json!({ "result": "requested" }));

    // The bot: approve whoever asks.
    let WebhookEvent::Message { message } = next(&mut rx).await else { panic!("not a message") };
    let Some(GroupNotification::JoinRequest { requesters, .. }) = message.notification else {
        panic!("not a join request")
    };
    let approve = h.post_json("/approve-participant", &json!({ "groupId": message.chat, "phones": requesters }));
    assert_eq!(read(approve.send().await.unwrap()).await.0, 200);
    let WebhookEvent::Message { message } = next(&mut rx).await else { panic!("not a message") };
    assert_eq!(
        message.notification,
        Some(GroupNotification::ParticipantsAdded { participants: vec!["5511922222222".into()] })
    );

    let log: Value = h.control_json("webhooks").await;
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 3);
    assert!(
        log.iter().all(|d| d["done"] == json!(true) && d["status"] == json!(200) && d["attempts"] == json!(1)),
        "{log:?}"
    );
}

#[tokio::test]
async fn an_absent_receiver_is_tried_three_times_and_an_injected_event_is_posted() {
    let h = start().await;
    let gone = { TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap() };
    let put = h.client.put(h.instance("/update-webhook-delivery")).header("Client-Token", common::CLIENT_TOKEN);
    put.json(&json!({ "value": format!("http://{gone}/hook") })).send().await.unwrap();
    h.post_json("/send-text", &json!({ "phone": "5511911111111", "message": "hi" })).send().await.unwrap();
    let mut log = Value::Null;
    for _ in 0..50 {
        log = h.control_json("webhooks").await;
        if log[0]["done"] == json!(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        (log[0]["kind"].clone(), log[0]["attempts"].clone(), log[0]["status"].clone()),
        (json!("delivery"), json!(3), Value::Null)
    );
    assert!(log[0]["error"].as_str().unwrap().contains("connect"), "{log}");

    let (url, mut rx) = receiver().await;
    let put = h.client.put(h.instance("/update-webhook-connected")).header("Client-Token", common::CLIENT_TOKEN);
    put.json(&json!({ "value": url })).send().await.unwrap();
    let inject = json!({ "kind": "connected", "body": { "type": "ConnectedCallback", "connected": true, "phone": "5511900000000" } });
    let answer = h.client.post(h.control("webhooks")).body(inject.to_string()).send().await.unwrap();
    assert_eq!(read(answer).await.1["url"], json!(url));
    assert!(matches!(next(&mut rx).await, WebhookEvent::Connected { connection } if connection.connected));
    let refused = h.client.post(h.control("webhooks")).body(r#"{"kind":"everything","body":{}}"#).send().await.unwrap();
    assert_eq!(refused.status(), 400);
}

/// Waits until every delivery in the record is over, and returns the record.
async fn settled(h: &common::Harness, expected: usize) -> Vec<Value> {
    for _ in 0..100 {
        let log = h.control_json("webhooks").await;
        let log = log.as_array().unwrap().clone();
        if log.len() == expected && log.iter().all(|d| d["done"] == json!(true)) {
            return log;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("deliveries did not settle: {}", h.control_json("webhooks").await);
}

async fn set_webhook(h: &common::Harness, route: &str, url: &str) {
    let put = h.client.put(h.instance(route)).header("Client-Token", common::CLIENT_TOKEN);
    assert_eq!(put.json(&json!({ "value": url })).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_slow_receiver_times_out_and_the_retry_delivers() {
    let h = start().await;
    // Past the 2 s timeout the first time, at once after.
    let (url, mut rx) = slow_receiver(vec![Duration::from_millis(2_500)]).await;
    set_webhook(&h, "/update-webhook-delivery", &url).await;
    h.post_json("/send-text", &json!({ "phone": "5511911111111", "message": "hi" })).send().await.unwrap();
    assert!(matches!(next(&mut rx).await, WebhookEvent::Delivery { .. }));
    let log = settled(&h, 1).await;
    assert_eq!((log[0]["attempts"].clone(), log[0]["status"].clone()), (json!(2), json!(200)), "{log:?}");
    assert_eq!(log[0]["error"], Value::Null, "the last attempt succeeded");
}

#[tokio::test]
async fn delivery_faults_drop_duplicate_and_delay_events() {
    let h = start().await;
    let (url, mut rx) = receiver().await;
    set_webhook(&h, "/update-webhook-delivery", &url).await;
    let faults = json!([{ "fault": "drop" }, { "fault": "duplicate" }, { "fault": "delay", "ms": 300 }]);
    let queued = h.client.post(h.control("webhook-faults")).body(faults.to_string()).send().await.unwrap();
    assert_eq!(queued.status(), 204);
    assert_eq!(h.control_json("webhook-faults").await.as_array().unwrap().len(), 3);
    for text in ["dropped", "twice", "late", "plain"] {
        h.post_json("/send-text", &json!({ "phone": "5511911111111", "message": text })).send().await.unwrap();
    }
    let log = settled(&h, 5).await;
    let attempts: Vec<_> = log.iter().map(|d| d["attempts"].as_u64().unwrap()).collect();
    assert_eq!(attempts, [0, 1, 1, 1, 1], "the dropped event was never posted: {log:?}");
    assert!(log[0]["error"].as_str().unwrap().contains("dropped"));
    let mut ids = Vec::new();
    for _ in 0..4 {
        let WebhookEvent::Delivery { delivery } = next(&mut rx).await else { panic!("not a delivery") };
        ids.push(delivery.message_id.unwrap());
    }
    assert_eq!(ids[0], ids[1], "the duplicate is the same event");
    assert_eq!(ids.iter().collect::<std::collections::BTreeSet<_>>().len(), 3, "{ids:?}");
    assert_eq!(h.control_json("webhook-faults").await, json!([]));
    for bad in [json!({ "fault": "delay" }), json!({ "fault": "drop", "ms": 5 }), json!({ "fault": "lose" })] {
        let refused = h.client.post(h.control("webhook-faults")).body(bad.to_string()).send().await.unwrap();
        assert_eq!(refused.status(), 400, "{bad}");
    }
}

#[tokio::test]
async fn a_withdrawn_request_and_a_link_mode_change_are_posted() {
    let h = start().await;
    let (url, mut rx) = receiver().await;
    set_webhook(&h, "/update-webhook-received", &url).await;
    let (group, link) = approval_group(&h).await;
    next(&mut rx).await; // created
    let control = |endpoint: &str, body: Value| h.client.post(h.control(endpoint)).body(body.to_string()).send();
    control("invite-joins", json!({ "link": link, "phone": "5511922222222" })).await.unwrap();
    next(&mut rx).await; // requested
    let withdrawn = control("join-request-withdrawals", json!({ "groupId": group, "phone": "5511922222222" }));
    assert_eq!(read(withdrawn.await.unwrap()).await.1, json!({ "withdrawn": true }));
    let WebhookEvent::Message { message } = next(&mut rx).await else { panic!("not a message") };
    assert_eq!(
        message.notification,
        Some(GroupNotification::JoinRequestRevoked { requesters: vec!["5511922222222".into()] })
    );
    let changed = control("link-modes", json!({ "groupId": group, "linkMode": "all_members" }));
    assert_eq!(read(changed.await.unwrap()).await.1, json!({ "changed": true }));
    let WebhookEvent::Message { message } = next(&mut rx).await else { panic!("not a message") };
    assert_eq!(
        message.notification,
        Some(GroupNotification::LinkModeChanged { link_mode: zapi_communities::webhook::LinkMode::AllMembers })
    );
    let unknown = control("link-modes", json!({ "groupId": "120363000000000099-group", "linkMode": "all_members" }));
    assert_eq!(unknown.await.unwrap().status(), 400);
}
