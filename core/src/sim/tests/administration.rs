//! Join requests, invitation links, a group's details, leaving, and group-add privacy.

use serde_json::json;

use super::*;
use crate::sim::{InviteJoin, Simulator};

const ANA: &str = "5511911111111";
const BIA: &str = "5511922222222";
const CAIO: &str = "5511933333333";

fn require_approval(sim: &Simulator, group: &str) {
    let body = json!({ "phone": group, "requireAdminApproval": true });
    send(sim, post("/update-group-settings", body)).ok();
}

fn link_of(sim: &Simulator, group: &str) -> String {
    sim.group(group).unwrap().invitation_link
}

fn with_url(path: &str, url: &str) -> HttpRequest {
    let mut r = get(path);
    r.query = vec![("url".into(), url.into())];
    r
}

fn participants(sim: &Simulator, group: &str) -> Vec<String> {
    sim.group(group).unwrap().participants.iter().map(|p| p.phone.clone()).collect()
}

#[test]
fn an_invite_join_to_a_group_needing_approval_is_a_request_and_approval_admits_into_the_community() {
    let sim = Simulator::demo();
    let (community, _, group) = community_with_group(&sim, &[ANA]);
    require_approval(&sim, &group);
    let link = link_of(&sim, &group);
    assert_eq!(sim.invite_join(&link, BIA).unwrap(), InviteJoin::Requested);
    assert_eq!(sim.invite_join(&link, CAIO).unwrap(), InviteJoin::Requested);
    assert_eq!(sim.group(&group).unwrap().pending_requests, vec![BIA.to_owned(), CAIO.to_owned()]);
    assert!(!members(&sim, &community).contains(&BIA.to_owned()));

    let approve = post("/approve-participant", json!({ "groupId": group, "phones": [BIA, "5511900000000"] }));
    assert_eq!(send(&sim, approve).ok(), &json!({ "value": true }));
    assert!(participants(&sim, &group).contains(&BIA.to_owned()));
    assert!(members(&sim, &community).contains(&BIA.to_owned()), "a linked group's new member joins the community");
    assert_eq!(sim.group(&group).unwrap().pending_requests, vec![CAIO.to_owned()]);

    let reject = post("/reject-participant", json!({ "groupId": group, "phones": [CAIO] }));
    assert_eq!(send(&sim, reject).ok(), &json!({ "value": true }));
    assert!(sim.group(&group).unwrap().pending_requests.is_empty());
    assert!(!participants(&sim, &group).contains(&CAIO.to_owned()));
}

#[test]
fn an_invite_join_without_approval_joins_at_once() {
    let sim = Simulator::demo();
    let (community, _, group) = community_with_group(&sim, &[ANA]);
    let code = link_of(&sim, &group).rsplit('/').next().unwrap().to_owned();
    assert_eq!(sim.invite_join(&code, BIA).unwrap(), InviteJoin::Joined);
    assert_eq!(sim.invite_join(&code, BIA).unwrap(), InviteJoin::AlreadyMember);
    assert!(members(&sim, &community).contains(&BIA.to_owned()));
    assert_eq!(sim.invite_join("https://chat.whatsapp.com/Nope12345678", BIA).unwrap_err().field(), Some("link"));
    assert_eq!(sim.invite_join(&code, "+55 11").unwrap_err().field(), Some("phone"));
}

#[test]
fn deciding_requests_needs_an_admin_and_a_known_group() {
    let sim = Simulator::demo();
    let (_, _, group) = community_with_group(&sim, &[ANA]);
    require_approval(&sim, &group);
    sim.invite_join(&link_of(&sim, &group), BIA).unwrap();
    let decide = |path: &str, body| send(&sim, post(path, body));
    decide("/approve-participant", json!({ "groupId": "1203630999-group", "phones": [BIA] })).refused(404, "not found");
    decide("/approve-participant", json!({ "groupId": group, "phones": [] })).refused(400, "phones must not be empty");
    decide("/reject-participant", json!({ "phones": [BIA] })).refused(400, "groupId is required");
    set_connected_role(&sim, &group, true, false);
    decide("/approve-participant", json!({ "groupId": group, "phones": [BIA] })).refused(403, "not an admin");
    assert_eq!(sim.group(&group).unwrap().pending_requests, vec![BIA.to_owned()]);
}

#[test]
fn the_connected_phone_accepting_an_invite_joins_or_asks() {
    let sim = Simulator::demo();
    let (_, _, group) = community_with_group(&sim, &[ANA]);
    set_connected_role(&sim, &group, false, false);
    let url = link_of(&sim, &group);
    assert_eq!(send(&sim, with_url("/accept-invite-group", &url)).ok(), &json!({ "success": true }));
    assert!(participants(&sim, &group).contains(&ME.to_owned()));
    send(&sim, get("/accept-invite-group")).refused(400, "url is required");
    send(&sim, with_url("/accept-invite-group", "https://chat.whatsapp.com/Revoked00000"))
        .refused(404, "invitation link");
}

#[test]
fn an_invitation_previews_its_group() {
    let sim = Simulator::demo();
    let (_, _, group) = community_with_group(&sim, &[ANA]);
    let preview = send(&sim, with_url("/group-invitation-metadata", &link_of(&sim, &group))).ok().clone();
    assert_eq!(preview["phone"], json!(group));
    assert_eq!(preview["subject"], json!("Street 1"));
    assert_eq!(preview["participantsCount"], json!(2));
    assert_eq!(preview["participants"][1], json!({ "phone": ANA, "isAdmin": false, "isSuperAdmin": false }));
    send(&sim, with_url("/group-invitation-metadata", "https://chat.whatsapp.com/Revoked00000"))
        .refused(404, "invitation");
}

#[test]
fn only_admins_rename_describe_or_repaint_a_group() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "Street 1", &[ANA]);
    let change = |path: &str, body| send(&sim, post(path, body));
    assert_eq!(
        change("/update-group-name", json!({ "groupId": group, "groupName": "Street One" })).ok(),
        &json!({ "value": true })
    );
    change("/update-group-description", json!({ "groupId": group, "groupDescription": "Our street" })).ok();
    change("/update-group-photo", json!({ "groupId": group, "groupPhoto": "https://example.com/a.png" })).ok();
    let stored = sim.group(&group).unwrap();
    assert_eq!((stored.name.as_str(), stored.description.as_str()), ("Street One", "Our street"));
    assert_eq!(stored.photo.as_deref(), Some("https://example.com/a.png"));
    change("/update-group-name", json!({ "groupId": group, "groupName": " " })).refused(400, "groupName");
    change("/update-group-name", json!({ "groupId": "1203630999-group", "groupName": "X" })).refused(404, "not found");
    set_connected_role(&sim, &group, true, false);
    change("/update-group-name", json!({ "groupId": group, "groupName": "Mine" })).refused(403, "not an admin");
    change("/update-group-photo", json!({ "groupId": group, "groupPhoto": "x" })).refused(403, "not an admin");
    assert_eq!(sim.group(&group).unwrap().name, "Street One");
}

#[test]
fn leaving_removes_the_connected_phone_and_the_last_admin_hands_over() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "Street 1", &[ANA, BIA]);
    let leave = || send(&sim, post("/leave-group", json!({ "groupId": group })));
    assert_eq!(leave().ok(), &json!({ "value": true }));
    let stored = sim.group(&group).unwrap();
    assert_eq!(participants(&sim, &group), vec![ANA.to_owned(), BIA.to_owned()]);
    assert!(stored.participants[0].is_admin, "the longest-standing member becomes admin");
    assert!(!stored.participants[1].is_admin);
    leave().refused(400, "not a member");
    send(&sim, post("/leave-group", json!({ "groupId": "1203630999-group" }))).refused(404, "not found");
}

#[test]
fn group_add_privacy_keeps_the_setting_and_its_blacklist() {
    let sim = Simulator::demo();
    let set = |body| send(&sim, post("/privacy/group-add", body));
    let blacklist = || {
        let mut r = get("/privacy/disallowed-contacts");
        r.query = vec![("type".into(), "groupAdd".into())];
        send(&sim, r).ok().clone()
    };
    assert_eq!(blacklist(), json!({ "disallowedContacts": [] }));
    let add = json!({ "type": "CONTACT_BLACKLIST", "contactsBlacklist": [{ "action": "add", "phone": ANA }, { "action": "add", "phone": BIA }] });
    assert_eq!(set(add).ok(), &json!({ "success": true }));
    set(json!({ "type": "CONTACT_BLACKLIST", "contactsBlacklist": [{ "action": "remove", "phone": ANA }] })).ok();
    assert_eq!(blacklist(), json!({ "disallowedContacts": [BIA] }));
    assert_eq!(sim.state().group_add.who, "CONTACT_BLACKLIST");
    set(json!({ "type": "NOBODY" })).refused(400, "type must be");
    set(json!({ "type": "ALL", "contactsBlacklist": [{ "action": "add", "phone": ANA }] }))
        .refused(400, "only taken with");
    set(json!({ "type": "CONTACT_BLACKLIST", "contactsBlacklist": [{ "action": "drop", "phone": ANA }] }))
        .refused(400, "contactsBlacklist[0]");
    send(&sim, get("/privacy/disallowed-contacts")).refused(400, "type is required");
    assert_eq!(sim.state().group_add.blacklist, vec![BIA.to_owned()]);
}

#[test]
fn fixtures_seed_join_requests() {
    let fixture = json!({ "groups": [{ "phone": "120363000000000077-group", "name": "Bakery", "requireAdminApproval": true,
        "participants": [{ "phone": ME, "isAdmin": true }], "pendingRequests": [ANA] }] });
    let sim = Simulator::from_fixture_json(&fixture.to_string()).unwrap();
    let approve = post("/approve-participant", json!({ "groupId": "120363000000000077-group", "phones": [ANA] }));
    send(&sim, approve).ok();
    assert_eq!(participants(&sim, "120363000000000077-group"), vec![ME.to_owned(), ANA.to_owned()]);
    let twice = json!({ "groups": [{ "phone": "120363000000000077-group", "name": "B", "participants": [{ "phone": ANA }], "pendingRequests": [ANA] }] });
    assert_eq!(
        Simulator::from_fixture_json(&twice.to_string()).unwrap_err().field(),
        Some("fixture.groups[0].pendingRequests[0]")
    );
}
