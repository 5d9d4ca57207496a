//! The message queue over loopback HTTP: the Rust client lists and deletes what waits while the
//! control API keeps the phone disconnected, and a reconnection sends the rest.

mod common;

use common::{CLIENT_TOKEN, read, start};
use serde_json::json;
use zapi_communities::api::Endpoint;
use zapi_communities::api::SendText;
use zapi_communities::sim::SimConfig;
use zapi_communities::{Client, Phone};

#[tokio::test]
async fn the_client_sees_and_trims_the_queue_until_the_phone_reconnects() {
    let h = start().await;
    let demo = SimConfig::demo();
    let endpoint = Endpoint::new(demo.instance_id, demo.token.expose())
        .unwrap()
        .with_base_url(&h.server.url())
        .unwrap()
        .with_client_token(CLIENT_TOKEN);
    let client = Client::builder(endpoint).build().unwrap();
    let phone =
        |connected: bool| h.client.post(h.control("phone")).body(json!({ "connected": connected }).to_string()).send();

    assert_eq!(read(phone(false).await.unwrap()).await, (200, json!({ "sent": 0 })));
    let mut sent = Vec::new();
    for text in ["first", "second", "third"] {
        let call = SendText::new(Phone::parse("5511911111111").unwrap(), text);
        sent.push(client.send_text(&call).await.unwrap());
    }
    let queued = client.queued_messages().await.unwrap();
    let texts: Vec<&str> = queued.iter().map(|m| m.message.as_str()).collect();
    assert_eq!(texts, ["first", "second", "third"]);
    assert_eq!(queued[1].zaap_id, sent[1].zaap_id);
    assert_eq!(queued[1].message_id.as_deref(), Some(sent[1].message_id.as_str()));

    client.delete_queued_message(&sent[1].zaap_id).await.unwrap();
    let first_page = client.list_queue(None, Some(1)).await.unwrap();
    assert!(first_page.has_more);
    let rest = client.list_queue(first_page.paging_state.as_deref(), Some(1)).await.unwrap();
    assert_eq!((rest.messages[0].message.as_str(), rest.has_more), ("third", false));

    assert_eq!(read(phone(true).await.unwrap()).await, (200, json!({ "sent": 2 })));
    assert!(client.list_queue(None, None).await.unwrap().messages.is_empty());
    client.clear_queue().await.unwrap();
    assert_eq!(read(h.client.post(h.control("phone")).body("{}").send().await.unwrap()).await.0, 400);
}
