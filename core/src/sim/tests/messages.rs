use serde_json::{Value, json};

use super::*;
use crate::sim::{SimGroupMention, Simulator};

const ANA: &str = "5511911111111";

fn send_text(sim: &Simulator, body: Value) -> Answer {
    send(sim, post("/send-text", body))
}

#[test]
fn send_text_answers_ids_and_records_the_message() {
    let sim = Simulator::demo();
    let answer = send_text(&sim, json!({ "phone": "5511999999999", "message": "Welcome to *Z-API*" }));
    let body = answer.ok().clone();
    assert_eq!(body.as_object().unwrap().len(), 3);
    assert_eq!(body["id"], body["messageId"]);
    assert_eq!(body["zaapId"].as_str().unwrap().len(), 32);
    assert_eq!(body["messageId"].as_str().unwrap().len(), 20);
    let messages = sim.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].message, "Welcome to *Z-API*");
    assert_eq!(json!(messages[0].zaap_id), body["zaapId"]);
}

#[test]
fn delays_must_be_whole_seconds_from_1_to_15() {
    let sim = Simulator::demo();
    for key in ["delayMessage", "delayTyping"] {
        for ok in [1, 15] {
            send_text(&sim, json!({ "phone": ANA, "message": "m", key: ok })).ok();
        }
        for bad in [json!(0), json!(16), json!(2.5), json!(-1)] {
            send_text(&sim, json!({ "phone": ANA, "message": "m", key: bad })).refused(400, "from 1 to 15");
        }
        send_text(&sim, json!({ "phone": ANA, "message": "m", key: "5" })).refused(400, "must be a number");
    }
    let m = &sim.messages()[0];
    assert_eq!((m.delay_message, m.delay_typing), (Some(1), None));
    assert_eq!(sim.messages().len(), 4);
}

#[test]
fn send_text_refuses_bad_recipients_and_missing_fields() {
    let sim = Simulator::demo();
    send_text(&sim, json!({ "message": "m" })).refused(400, "phone is required");
    send_text(&sim, json!({ "phone": ANA })).refused(400, "message is required");
    send_text(&sim, json!({ "phone": ANA, "message": "" })).refused(400, "message must not be empty");
    send_text(&sim, json!({ "phone": "+55 11 99999", "message": "m" })).refused(400, "digits only");
    send_text(&sim, json!({ "phone": "404-group", "message": "m" })).refused(404, "group 404-group not found");
    assert!(sim.messages().is_empty());
}

#[test]
fn only_admins_post_to_the_announcement_group() {
    let sim = Simulator::demo();
    let (_, announcement, _) = community_with_group(&sim, &[ANA]);
    send_text(&sim, json!({ "phone": announcement, "message": "to everyone" })).ok();
    set_connected_role(&sim, &announcement, true, false);
    send_text(&sim, json!({ "phone": announcement, "message": "again" }))
        .refused(403, "only community admins can send messages to the announcement group");
    assert_eq!(sim.messages().len(), 1);
}

#[test]
fn admin_only_groups_and_non_members() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    let body = json!({ "phone": group, "adminOnlyMessage": true });
    send(&sim, post("/update-group-settings", body)).ok();
    send_text(&sim, json!({ "phone": group, "message": "ok as admin" })).ok();
    set_connected_role(&sim, &group, true, false);
    send_text(&sim, json!({ "phone": group, "message": "m" })).refused(403, "only admins can send messages");
    set_connected_role(&sim, &group, false, false);
    send_text(&sim, json!({ "phone": group, "message": "m" })).refused(403, "not a member");
}

#[test]
fn group_mentions_work_inside_one_community() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &[ANA]);
    let body = json!({
        "phone": announcement,
        "message": format!("Welcome @{group}"),
        "groupMentioned": [{ "phone": group, "subject": "Street 1" }],
        "mentioned": [ANA, 5511922222222u64],
    });
    send_text(&sim, body).ok();
    let m = sim.messages().pop().unwrap();
    assert_eq!(m.group_mentioned, vec![SimGroupMention { phone: group.clone(), subject: "Street 1".into() }]);
    assert_eq!(m.mentioned, vec![ANA, "5511922222222"]);
    assert!(sim.community(&id).is_some());
}

#[test]
fn group_mention_refusals() {
    let sim = Simulator::demo();
    let (_, announcement, group) = community_with_group(&sim, &[ANA]);
    let free = new_group(&sim, "Free", &[ANA]);
    let (_, _, foreign) = community_with_group(&sim, &[ANA]);
    let mention = |target: &str, mentioned: &str| json!({ "phone": target, "message": "m", "groupMentioned": [{ "phone": mentioned, "subject": "S" }] });
    send_text(&sim, mention(&free, &group)).refused(400, "only work in a group that belongs to a community");
    send_text(&sim, mention(ANA, &group)).refused(400, "only work in a group that belongs to a community");
    send_text(&sim, mention(&announcement, &foreign)).refused(400, "is not in the same community");
    send_text(&sim, mention(&announcement, "404-group")).refused(404, "group 404-group not found");
    let bad = json!({ "phone": announcement, "message": "m", "groupMentioned": [{ "phone": group }] });
    send_text(&sim, bad).refused(400, "groupMentioned[0] must be an object");
    let bad = json!({ "phone": announcement, "message": "m", "mentioned": ["+55"] });
    send_text(&sim, bad).refused(400, "mentioned[0] must be a phone number");
    assert!(sim.messages().is_empty());
}

#[test]
fn edit_message_id_must_name_a_sent_message() {
    let sim = Simulator::demo();
    send_text(&sim, json!({ "phone": ANA, "message": "m", "editMessageId": "nope" }))
        .refused(404, "message nope not found");
    let first = send_text(&sim, json!({ "phone": ANA, "message": "typo" })).ok()["messageId"].clone();
    send_text(&sim, json!({ "phone": ANA, "message": "fixed", "editMessageId": first })).ok();
    assert_eq!(sim.messages()[1].edit_message_id.as_ref().map(|s| json!(s)), Some(first));
}
