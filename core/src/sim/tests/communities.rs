use serde_json::json;

use super::*;
use crate::sim::{Simulator, WhoCanAddNewGroups};

#[test]
fn create_returns_id_and_the_announcement_group_with_the_same_name() {
    let sim = Simulator::demo();
    let answer = send(&sim, post("/communities", json!({ "name": "Neighbours", "description": "Street" })));
    assert_eq!(
        answer.ok(),
        &json!({
            "id": "120363000000000001",
            "subGroups": [{ "name": "Neighbours", "phone": "120363000000000002-group", "isGroupAnnouncement": true }],
        })
    );
    let community = sim.community("120363000000000001").expect("stored");
    assert_eq!(community.description, "Street");
    assert_eq!(community.announcement_group, "120363000000000002-group");
    assert_eq!(community.who_can_add_new_groups, WhoCanAddNewGroups::Admins);
}

#[test]
fn create_makes_the_connected_phone_super_admin_of_the_announcement_group() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    let meta = send(&sim, get(&format!("/group-metadata/{announcement}"))).ok().clone();
    assert_eq!(meta["communityId"], json!(id));
    assert_eq!(meta["isGroupAnnouncement"], json!(true));
    assert_eq!(meta["subject"], json!("N"));
    assert_eq!(meta["participants"], json!([{ "phone": ME, "isAdmin": true, "isSuperAdmin": true }]));
}

#[test]
fn create_is_deterministic() {
    let run = || {
        let sim = Simulator::demo();
        let a = send(&sim, post("/communities", json!({ "name": "A" }))).json;
        let b = send(&sim, post("/communities", json!({ "name": "B" }))).json;
        (a, b, sim.snapshot_json())
    };
    assert_eq!(run(), run());
    let (a, b, _) = run();
    assert_ne!(a["id"], b["id"]);
}

#[test]
fn create_refuses_missing_or_blank_name() {
    let sim = Simulator::demo();
    send(&sim, post("/communities", json!({}))).refused(400, "name is required");
    send(&sim, post("/communities", json!({ "name": "  " }))).refused(400, "name must not be empty");
    send(&sim, post("/communities", json!({ "name": "N", "description": 3 })))
        .refused(400, "description must be a string");
    assert!(sim.state().communities.is_empty());
}

#[test]
fn list_returns_name_and_id_only_and_pages() {
    let sim = Simulator::demo();
    let ids: Vec<String> = ["A", "B", "C"].iter().map(|n| new_community(&sim, n).0).collect();
    assert_eq!(
        send(&sim, get("/communities")).ok(),
        &json!([{ "name": "A", "id": ids[0] }, { "name": "B", "id": ids[1] }, { "name": "C", "id": ids[2] }])
    );
    assert_eq!(send(&sim, get_page("/communities", "2", "2")).ok(), &json!([{ "name": "C", "id": ids[2] }]));
    assert_eq!(send(&sim, get_page("/communities", "3", "2")).ok(), &json!([]));
}

#[test]
fn list_refuses_bad_paging() {
    let sim = Simulator::demo();
    send(&sim, get_page("/communities", "0", "2")).refused(400, "page must be a whole number");
    send(&sim, get_page("/communities", "1", "x")).refused(400, "pageSize must be a whole number");
    let mut r = get("/communities");
    r.query = vec![("page".into(), "1".into())];
    send(&sim, r).refused(400, "pageSize is required");
}

#[test]
fn metadata_lists_announcement_group_then_linked_groups() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &["5511911111111"]);
    assert_eq!(
        send(&sim, get(&format!("/communities-metadata/{id}"))).ok(),
        &json!({
            "name": "Neighbours",
            "id": id,
            "description": "",
            "subGroups": [
                { "name": "Neighbours", "phone": announcement, "isGroupAnnouncement": true },
                { "name": "Street 1", "phone": group, "isGroupAnnouncement": false },
            ],
        })
    );
}

#[test]
fn metadata_of_unknown_community_is_404() {
    let sim = Simulator::demo();
    send(&sim, get("/communities-metadata/999")).refused(404, "community 999 not found");
}

#[test]
fn deactivate_answers_empty_200_and_keeps_the_groups_unlinked() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &["5511911111111"]);
    let answer = send(&sim, delete(&format!("/communities/{id}")));
    assert_eq!(answer.status, 200);
    assert!(answer.response.body.is_empty());

    let meta = send(&sim, get(&format!("/group-metadata/{group}"))).ok().clone();
    assert_eq!(meta["communityId"], json!(null));
    let chats = send(&sim, get_page("/chats", "1", "50")).ok().clone();
    assert!(chats.as_array().unwrap().iter().any(|c| c["phone"] == json!(group) && c["isGroup"] == json!(true)));
    assert!(!chats.as_array().unwrap().iter().any(|c| c["phone"] == json!(announcement)));

    send(&sim, get(&format!("/communities-metadata/{id}"))).refused(404, "not found");
    send(&sim, get(&format!("/group-metadata/{announcement}"))).refused(404, "not found");
    assert_eq!(send(&sim, get("/communities")).ok(), &json!([]));
    assert!(sim.community(&id).expect("kept, flagged").deactivated);
    send(&sim, delete(&format!("/communities/{id}"))).refused(404, "not found");
}

#[test]
fn deactivate_needs_an_admin() {
    let sim = Simulator::demo();
    let (id, announcement, _) = community_with_group(&sim, &["5511911111111"]);
    set_connected_role(&sim, &announcement, true, false);
    send(&sim, delete(&format!("/communities/{id}"))).refused(403, "not an admin");
    assert!(!sim.community(&id).unwrap().deactivated);
}

#[test]
fn settings_switches_who_can_add_groups() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let body = json!({ "communityId": id, "whoCanAddNewGroups": "all" });
    assert_eq!(send(&sim, post("/communities/settings", body)).ok(), &json!({ "success": true }));
    assert_eq!(sim.community(&id).unwrap().who_can_add_new_groups, WhoCanAddNewGroups::All);
    let body = json!({ "communityId": id, "whoCanAddNewGroups": "admins" });
    assert_eq!(send(&sim, post("/communities/settings", body)).ok(), &json!({ "success": true }));
    assert_eq!(sim.community(&id).unwrap().who_can_add_new_groups, WhoCanAddNewGroups::Admins);
}

#[test]
fn settings_refusals() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    let bad = json!({ "communityId": id, "whoCanAddNewGroups": "admins | all" });
    send(&sim, post("/communities/settings", bad)).refused(400, "\"admins\" or \"all\"");
    let unknown = json!({ "communityId": "42", "whoCanAddNewGroups": "all" });
    send(&sim, post("/communities/settings", unknown)).refused(404, "community 42 not found");
    set_connected_role(&sim, &announcement, true, false);
    let body = json!({ "communityId": id, "whoCanAddNewGroups": "all" });
    send(&sim, post("/communities/settings", body)).refused(403, "not an admin");
    assert_eq!(sim.community(&id).unwrap().who_can_add_new_groups, WhoCanAddNewGroups::Admins);
}

#[test]
fn description_update_is_value_true_and_shows_in_metadata() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let body = json!({ "communityId": id, "communityDescription": "descrição da comunidade" });
    assert_eq!(send(&sim, post("/update-community-description", body)).ok(), &json!({ "value": true }));
    let meta = send(&sim, get(&format!("/communities-metadata/{id}"))).ok().clone();
    assert_eq!(meta["description"], json!("descrição da comunidade"));
}

#[test]
fn description_update_refusals() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    send(&sim, post("/update-community-description", json!({ "communityId": id })))
        .refused(400, "communityDescription is required");
    let unknown = json!({ "communityId": "42", "communityDescription": "d" });
    send(&sim, post("/update-community-description", unknown)).refused(404, "not found");
    set_connected_role(&sim, &announcement, true, false);
    let body = json!({ "communityId": id, "communityDescription": "d" });
    send(&sim, post("/update-community-description", body)).refused(403, "not an admin");
    assert_eq!(sim.community(&id).unwrap().description, "");
}

#[test]
fn photo_update_is_value_true_and_stored() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let url = "https://www.z-api.io/wp-content/themes/z-api/dist/images/logo.svg";
    let body = json!({ "communityId": id, "communityPhoto": url });
    assert_eq!(send(&sim, post("/update-community-photo", body)).ok(), &json!({ "value": true }));
    assert_eq!(sim.community(&id).unwrap().photo.as_deref(), Some(url));
}

#[test]
fn photo_update_refusals() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    let empty = json!({ "communityId": id, "communityPhoto": "" });
    send(&sim, post("/update-community-photo", empty)).refused(400, "communityPhoto must not be empty");
    let unknown = json!({ "communityId": "42", "communityPhoto": "x" });
    send(&sim, post("/update-community-photo", unknown)).refused(404, "not found");
    set_connected_role(&sim, &announcement, true, false);
    let body = json!({ "communityId": id, "communityPhoto": "x" });
    send(&sim, post("/update-community-photo", body)).refused(403, "not an admin");
    assert_eq!(sim.community(&id).unwrap().photo, None);
}
