//! The webhooks the simulator posts as its state changes, read back with the webhook parser.

use serde_json::json;

use super::*;
use crate::model::WebhookKind;
use crate::sim::Simulator;
use crate::webhook::{GroupNotification, JoinRequestMethod, WebhookEvent, parse_webhook};

const ANA: &str = "5511911111111";
const BIA: &str = "5511922222222";

fn notifications(sim: &Simulator) -> Vec<GroupNotification> {
    sim.take_webhooks()
        .into_iter()
        .filter_map(|w| match parse_webhook(w.body.as_bytes()).unwrap() {
            WebhookEvent::Message { message } => message.notification,
            _ => None,
        })
        .collect()
}

#[test]
fn a_join_request_and_its_approval_are_posted_as_the_docs_show_them() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "Bakery", &[ANA]);
    let put = |path: &str, body| {
        let mut r = post(path, body);
        r.method = Method::Put;
        send(&sim, r)
    };
    put("/update-webhook-received", json!({ "value": "https://bot.example/hook" })).ok();
    send(&sim, post("/update-group-settings", json!({ "phone": group, "requireAdminApproval": true }))).ok();
    assert_eq!(notifications(&sim), vec![GroupNotification::GroupCreated { name: Some("Bakery".into()) }]);

    sim.invite_join(&sim.group(&group).unwrap().invitation_link, BIA).unwrap();
    let posted = sim.take_webhooks();
    assert_eq!(posted.len(), 1);
    assert_eq!((posted[0].kind, posted[0].url.as_deref()), (WebhookKind::Received, Some("https://bot.example/hook")));
    let WebhookEvent::Message { message } = parse_webhook(posted[0].body.as_bytes()).unwrap() else { panic!() };
    assert_eq!((message.chat.as_str(), message.instance_id.as_deref()), (group.as_str(), Some("SIM-INSTANCE")));
    assert_eq!(
        message.notification,
        Some(GroupNotification::JoinRequest {
            requesters: vec![BIA.into()],
            method: JoinRequestMethod::InviteLink,
            added_by: None
        })
    );

    send(&sim, post("/approve-participant", json!({ "groupId": group, "phones": [BIA] }))).ok();
    assert_eq!(notifications(&sim), vec![GroupNotification::ParticipantsAdded { participants: vec![BIA.into()] }]);
    send(&sim, post("/remove-participant", json!({ "groupId": group, "phones": [BIA] }))).ok();
    assert_eq!(notifications(&sim), vec![GroupNotification::ParticipantsRemoved { participants: vec![BIA.into()] }]);
    send(&sim, post("/leave-group", json!({ "groupId": group }))).ok();
    assert_eq!(notifications(&sim), vec![GroupNotification::ParticipantsLeft { participants: vec![ME.into()] }]);
}

#[test]
fn a_message_is_delivered_and_an_announcement_read_and_a_refusal_posts_nothing() {
    let sim = Simulator::demo();
    let (_, announcement) = new_community(&sim, "Street");
    sim.take_webhooks();
    send(&sim, post("/send-text", json!({ "phone": announcement, "message": "hi" }))).ok();
    let kinds: Vec<WebhookKind> = sim.take_webhooks().into_iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![WebhookKind::Delivery, WebhookKind::MessageStatus]);
    send(&sim, post("/send-text", json!({ "phone": ANA, "message": "hi" }))).ok();
    let posted = sim.take_webhooks();
    assert_eq!(posted.len(), 1);
    assert!(matches!(parse_webhook(posted[0].body.as_bytes()).unwrap(), WebhookEvent::Delivery { .. }));
    assert_eq!(posted[0].url, None, "no delivery webhook is set");
    send(&sim, post("/add-participant", json!({ "groupId": "1203630999-group", "phones": [ANA] })))
        .refused(404, "not found");
    assert!(sim.take_webhooks().is_empty());
}

#[test]
fn a_withdrawn_request_and_a_link_mode_change_are_posted_once_each() {
    use crate::webhook::LinkMode;
    let sim = Simulator::demo();
    let group = new_group(&sim, "Bakery", &[ANA]);
    send(&sim, post("/update-group-settings", json!({ "phone": group, "requireAdminApproval": true }))).ok();
    sim.invite_join(&sim.group(&group).unwrap().invitation_link, BIA).unwrap();
    sim.take_webhooks();

    assert!(sim.withdraw_join_request(&group, BIA).unwrap());
    assert_eq!(notifications(&sim), vec![GroupNotification::JoinRequestRevoked { requesters: vec![BIA.into()] }]);
    assert!(sim.group(&group).unwrap().pending_requests.is_empty());
    assert!(!sim.withdraw_join_request(&group, BIA).unwrap(), "nothing left to withdraw");
    assert!(notifications(&sim).is_empty());

    assert!(sim.set_link_mode(&group, LinkMode::AllMembers).unwrap());
    assert!(!sim.set_link_mode(&group, LinkMode::AllMembers).unwrap(), "unchanged");
    assert!(sim.set_link_mode(&group, LinkMode::AdminsOnly).unwrap());
    assert_eq!(
        notifications(&sim),
        vec![
            GroupNotification::LinkModeChanged { link_mode: LinkMode::AllMembers },
            GroupNotification::LinkModeChanged { link_mode: LinkMode::AdminsOnly },
        ]
    );

    assert_eq!(sim.withdraw_join_request("120363000000000099-group", BIA).unwrap_err().field(), Some("group_id"));
    assert_eq!(sim.withdraw_join_request(&group, "not a phone").unwrap_err().field(), Some("phone"));
    assert_eq!(sim.set_link_mode("nope", LinkMode::AllMembers).unwrap_err().field(), Some("group_id"));
}
