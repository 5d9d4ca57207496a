//! The chat-list scan: finding announcement groups in a 100,000-chat page (~28 MB of JSON).

use std::time::Instant;

use zapi_communities::HttpResponse;
use zapi_communities::api::ListChats;

use crate::stats::Summary;

/// A chat list shaped like the service's (string scalars included), with one announcement group
/// in every 500 chats.
pub fn chat_list_json(count: usize) -> String {
    let mut out = String::with_capacity(count * 290);
    out.push('[');
    for i in 0..count {
        if i > 0 {
            out.push(',');
        }
        let announcement = i % 500 == 7;
        let group = announcement || i % 5 == 0;
        let phone = if group { format!("1203630{i:011}-group") } else { format!("55119{i:08}") };
        out.push_str(&format!(
            concat!(
                r#"{{"archived":"false","pinned":"false","messagesUnread":0,"phone":"{}","unread":"{}","#,
                r#""name":"Chat number {} with a realistic name","lastMessageTime":"{}","muteEndTime":null,"#,
                r#""isMuted":"0","isMarkedSpam":"false","profileThumbnail":"https://pps.whatsapp.net/v/t61/{}.jpg","#,
                r#""isGroupAnnouncement":{},"isGroup":{}}}"#
            ),
            phone,
            i % 7,
            i,
            1_622_991_687 + i,
            i,
            announcement,
            group && !announcement
        ));
    }
    out.push(']');
    out
}

/// Times the core's scan against a generic `serde_json::Value` parse + filter (what a Rust user
/// without the library would write). Returns (core, generic) in milliseconds and the count found.
pub fn bench(body: &str, rounds: usize) -> (Summary, Summary, usize) {
    let response = HttpResponse::new(200, body.as_bytes().to_vec());
    let mut ours = Vec::new();
    let mut generic = Vec::new();
    let mut found = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        found = ListChats::announcement_groups(&response).expect("scan").len();
        ours.push(start.elapsed().as_secs_f64() * 1e3);

        let start = Instant::now();
        let value: serde_json::Value = serde_json::from_slice(body.as_bytes()).expect("json");
        let naive = value
            .as_array()
            .expect("array")
            .iter()
            .filter(|c| c["isGroupAnnouncement"] == serde_json::Value::Bool(true))
            .count();
        generic.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(naive, found, "both scans must agree");
    }
    (Summary::of(ours), Summary::of(generic), found)
}
