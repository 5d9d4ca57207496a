use serde_json::json;

use super::*;
use crate::sim::Simulator;

const ANA: &str = "5511911111111";

#[test]
fn create_group_returns_phone_and_link_and_makes_the_connected_phone_creator() {
    let sim = Simulator::demo();
    let answer =
        send(&sim, post("/create-group", json!({ "autoInvite": true, "groupName": "Z-API group", "phones": [ANA] })));
    let body = answer.ok();
    assert_eq!(body.as_object().unwrap().len(), 2);
    let phone = body["phone"].as_str().unwrap();
    assert_eq!(phone, "120363000000000001-group");
    assert!(body["invitationLink"].as_str().unwrap().starts_with("https://chat.whatsapp.com/"));
    let group = sim.group(phone).unwrap();
    assert_eq!(group.name, "Z-API group");
    assert_eq!(group.owner, ME);
    assert!(group.participants[0].is_super_admin && group.participants[0].phone == ME);
    assert_eq!(group.participants[1].phone, ANA);
}

#[test]
fn create_group_refusals() {
    let sim = Simulator::demo();
    let create = |body| send(&sim, post("/create-group", body));
    create(json!({ "groupName": "G", "phones": [ME] })).refused(400, "must not include the connected phone");
    create(json!({ "groupName": "G", "phones": [] })).refused(400, "phones must not be empty");
    create(json!({ "phones": [ANA] })).refused(400, "groupName is required");
    create(json!({ "groupName": "G", "phones": ["55 11"] })).refused(400, "digits only");
    assert!(sim.state().groups.is_empty());
}

#[test]
fn group_metadata_has_the_documented_shape() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    let meta = send(&sim, get(&format!("/group-metadata/{group}"))).ok().clone();
    let stored = sim.group(&group).unwrap();
    assert_eq!(
        meta,
        json!({
            "phone": group,
            "description": "",
            "owner": ME,
            "subject": "Street 1",
            "creation": stored.creation,
            "invitationLink": stored.invitation_link,
            "invitationLinkError": null,
            "communityId": id,
            "adminOnlyMessage": false,
            "adminOnlySettings": false,
            "requireAdminApproval": false,
            "isGroupAnnouncement": false,
            "participants": [
                { "phone": ME, "isAdmin": true, "isSuperAdmin": true },
                { "phone": ANA, "isAdmin": false, "isSuperAdmin": false },
            ],
            "subjectTime": stored.creation,
            "subjectOwner": ME,
        })
    );
    assert!(stored.creation >= 1_700_000_000_000, "milliseconds");
}

#[test]
fn full_metadata_hides_the_link_from_non_admins_and_light_metadata_never_has_it() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    let light = send(&sim, get(&format!("/light-group-metadata/{group}"))).ok().clone();
    assert_eq!((light["invitationLink"].clone(), light["invitationLinkError"].clone()), (json!(null), json!(null)));
    assert_eq!(light["subject"], json!("G"));
    set_connected_role(&sim, &group, true, false);
    let full = send(&sim, get(&format!("/group-metadata/{group}"))).ok().clone();
    assert_eq!(full["invitationLink"], json!(null));
    assert_eq!(full["invitationLinkError"], json!("not-authorized"));
}

#[test]
fn metadata_of_unknown_groups_is_404() {
    let sim = Simulator::demo();
    send(&sim, get("/group-metadata/1-group")).refused(404, "group 1-group not found");
    send(&sim, get("/light-group-metadata/1-group")).refused(404, "group 1-group not found");
    let (id, _) = new_community(&sim, "N");
    send(&sim, get(&format!("/group-metadata/{id}"))).refused(404, "not found");
}

#[test]
fn update_group_settings_is_value_true_and_changes_the_flags() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    let body = json!({
        "phone": group, "adminOnlyMessage": true, "adminOnlySettings": true,
        "requireAdminApproval": false, "adminOnlyAddMember": true,
    });
    assert_eq!(send(&sim, post("/update-group-settings", body)).ok(), &json!({ "value": true }));
    let meta = send(&sim, get(&format!("/group-metadata/{group}"))).ok().clone();
    assert_eq!(meta["adminOnlyMessage"], json!(true));
    assert_eq!(meta["adminOnlySettings"], json!(true));
    assert_eq!(meta["requireAdminApproval"], json!(false));
    assert!(sim.group(&group).unwrap().admin_only_add_member);
}

#[test]
fn update_group_settings_accepts_the_har_shape() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    let body = json!({ "groupId": group, "requireAdminApproval": true });
    assert_eq!(send(&sim, post("/update-group-settings", body)).ok(), &json!({ "value": true }));
    let stored = sim.group(&group).unwrap();
    assert!(stored.require_admin_approval && !stored.admin_only_message);
}

#[test]
fn update_group_settings_refusals() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    let update = |body| send(&sim, post("/update-group-settings", body));
    update(json!({ "phone": group })).refused(400, "at least one of adminOnlyMessage");
    update(json!({ "phone": group, "adminOnlyMessage": "true" })).refused(400, "adminOnlyMessage must be a boolean");
    update(json!({ "adminOnlyMessage": true })).refused(400, "phone is required");
    update(json!({ "phone": "1-group", "adminOnlyMessage": true })).refused(404, "group 1-group not found");
    set_connected_role(&sim, &group, true, false);
    update(json!({ "phone": group, "adminOnlyMessage": true })).refused(403, "not an admin");
    assert!(!sim.group(&group).unwrap().admin_only_message);
}
