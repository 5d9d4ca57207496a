use serde_json::json;

use super::*;
use crate::sim::Simulator;

const ANA: &str = "5511911111111";

#[test]
fn chats_list_regular_and_announcement_groups_with_string_scalars() {
    let sim = Simulator::demo();
    let (_, announcement, group) = community_with_group(&sim, &[ANA]);
    let chats = send(&sim, get_page("/chats", "1", "10")).ok().clone();
    let find = |phone: &str| chats.as_array().unwrap().iter().find(|c| c["phone"] == json!(phone)).cloned().unwrap();
    let regular = find(&group);
    let time = sim.group(&group).unwrap().last_activity.to_string();
    assert_eq!(
        regular,
        json!({
            "name": "Street 1", "phone": group, "unread": "0", "lastMessageTime": time, "isMuted": "0",
            "isMarkedSpam": "false", "profileThumbnail": null, "isGroupAnnouncement": false, "isGroup": true,
            "archived": "false", "pinned": "false", "muteEndTime": null, "messagesUnread": 0,
        })
    );
    let ann = find(&announcement);
    assert_eq!((ann["isGroupAnnouncement"].clone(), ann["isGroup"].clone()), (json!(true), json!(false)));
    assert_eq!(ann["name"], json!("Neighbours"));
}

#[test]
fn chats_put_the_most_recent_first_and_include_contacts() {
    let sim = Simulator::demo();
    let old = new_group(&sim, "Old", &[ANA]);
    let new = new_group(&sim, "New", &[ANA]);
    send(&sim, post("/send-text", json!({ "phone": "5511977776666", "message": "hi" }))).ok();
    let chats = send(&sim, get_page("/chats", "1", "10")).ok().clone();
    let phones: Vec<&str> = chats.as_array().unwrap().iter().map(|c| c["phone"].as_str().unwrap()).collect();
    assert_eq!(phones, vec!["5511977776666", new.as_str(), old.as_str()]);
    assert_eq!(chats[0]["isGroup"], json!(false));
    assert_eq!(chats[0]["isGroupAnnouncement"], json!(false));
    send(&sim, post("/send-text", json!({ "phone": old, "message": "bump" }))).ok();
    let chats = send(&sim, get_page("/chats", "1", "1")).ok().clone();
    assert_eq!(chats[0]["phone"], json!(old));
}

#[test]
fn chats_page_and_require_paging() {
    let sim = Simulator::demo();
    for i in 0..5 {
        new_group(&sim, &format!("G{i}"), &[ANA]);
    }
    assert_eq!(send(&sim, get_page("/chats", "2", "2")).ok().as_array().unwrap().len(), 2);
    assert_eq!(send(&sim, get_page("/chats", "3", "2")).ok().as_array().unwrap().len(), 1);
    assert_eq!(send(&sim, get_page("/chats", "4", "2")).ok(), &json!([]));
    send(&sim, get("/chats")).refused(400, "page is required");
    let mut r = get("/chats");
    r.query = vec![("page".into(), "1".into())];
    send(&sim, r).refused(400, "pageSize is required");
    send(&sim, get_page("/chats", "-1", "2")).refused(400, "page must be");
}

#[test]
fn groups_list_only_regular_groups_in_the_groups_shape() {
    let sim = Simulator::demo();
    let (_, _, group) = community_with_group(&sim, &[ANA]);
    let time = (sim.group(&group).unwrap().last_activity * 1000).to_string();
    assert_eq!(
        send(&sim, get_page("/groups", "1", "10")).ok(),
        &json!([{
            "isGroup": true, "name": "Street 1", "phone": group, "unread": "0", "lastMessageTime": time,
            "isMuted": "0", "isMarkedSpam": "false", "archived": "false", "pinned": "false",
            "muteEndTime": null, "messagesUnread": "0",
        }])
    );
    send(&sim, get("/groups")).refused(400, "page is required");
}
