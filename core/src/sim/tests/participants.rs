use serde_json::json;

use super::*;
use crate::sim::Simulator;

const ANA: &str = "5511911111111";
const BIA: &str = "5511922222222";
const CAIO: &str = "5511933333333";

fn call(sim: &Simulator, route: &str, body: serde_json::Value) -> Answer {
    send(sim, post(route, body))
}

#[test]
fn community_add_participant_is_value_true_and_adds_a_direct_member() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let body = json!({ "autoInvite": true, "communityId": id, "phones": [ANA, BIA] });
    assert_eq!(call(&sim, "/add-participant", body).ok(), &json!({ "value": true }));
    assert_eq!(members(&sim, &id), vec![ME, ANA, BIA]);
    assert_eq!(sim.community(&id).unwrap().direct_members, vec![ANA, BIA]);
}

#[test]
fn group_add_participant_to_a_linked_group_also_joins_the_community() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    let body = json!({ "autoInvite": false, "groupId": group, "phones": [BIA] });
    assert_eq!(call(&sim, "/add-participant", body).ok(), &json!({ "value": true }));
    assert_eq!(members(&sim, &id), vec![ME, ANA, BIA]);
    assert!(sim.community(&id).unwrap().direct_members.is_empty());
    let phones: Vec<String> = sim.group(&group).unwrap().participants.into_iter().map(|p| p.phone).collect();
    assert_eq!(phones, vec![ME, ANA, BIA]);
}

#[test]
fn group_add_participant_to_a_free_group_touches_no_community() {
    let sim = Simulator::demo();
    let (id, _, _) = community_with_group(&sim, &[ANA]);
    let free = new_group(&sim, "Free", &[CAIO]);
    call(&sim, "/add-participant", json!({ "groupId": free, "phones": [BIA] })).ok();
    assert_eq!(members(&sim, &id), vec![ME, ANA]);
}

#[test]
fn exactly_one_of_community_id_and_group_id() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    for route in ["/add-participant", "/remove-participant", "/add-admin", "/remove-admin"] {
        let both = json!({ "communityId": id, "groupId": group, "phones": [ANA] });
        call(&sim, route, both).refused(400, "exactly one of communityId and groupId");
        call(&sim, route, json!({ "phones": [ANA] })).refused(400, "communityId or groupId is required");
    }
}

#[test]
fn participant_calls_validate_phones() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    call(&sim, "/add-participant", json!({ "communityId": id, "phones": ["+55 11 9111-1111"] }))
        .refused(400, "phones[0] must be digits only");
    call(&sim, "/add-participant", json!({ "communityId": id, "phones": [] })).refused(400, "phones must not be empty");
    call(&sim, "/add-participant", json!({ "communityId": id })).refused(400, "phones is required");
    call(&sim, "/add-participant", json!({ "communityId": id, "phones": [ANA], "autoInvite": "yes" }))
        .refused(400, "autoInvite must be a boolean");
    assert_eq!(members(&sim, &id), vec![ME]);
}

#[test]
fn lid_ids_are_accepted_as_people() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    call(&sim, "/add-participant", json!({ "communityId": id, "phones": ["999999999999999@lid"] })).ok();
    assert!(members(&sim, &id).contains(&"999999999999999@lid".to_owned()));
}

#[test]
fn participant_calls_on_unknown_targets_are_404() {
    let sim = Simulator::demo();
    call(&sim, "/add-participant", json!({ "communityId": "42", "phones": [ANA] }))
        .refused(404, "community 42 not found");
    call(&sim, "/remove-admin", json!({ "groupId": "42-group", "phones": [ANA] }))
        .refused(404, "group 42-group not found");
}

#[test]
fn participant_calls_need_an_admin() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &[ANA]);
    set_connected_role(&sim, &announcement, true, false);
    set_connected_role(&sim, &group, true, false);
    for route in ["/add-participant", "/remove-participant", "/add-admin", "/remove-admin"] {
        call(&sim, route, json!({ "communityId": id, "phones": [ANA] })).refused(403, "not an admin of community");
        call(&sim, route, json!({ "groupId": group, "phones": [ANA] })).refused(403, "not an admin of group");
    }
}

#[test]
fn community_remove_participant_removes_from_every_linked_group() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA, BIA]);
    let g2 = new_group(&sim, "G2", &[ANA]);
    link(&sim, &id, &[&g1, &g2]).ok();
    call(&sim, "/add-participant", json!({ "communityId": id, "phones": [CAIO] })).ok();
    let body = json!({ "communityId": id, "phones": [ANA, CAIO] });
    assert_eq!(call(&sim, "/remove-participant", body).ok(), &json!({ "value": true }));
    assert_eq!(members(&sim, &id), vec![ME, BIA]);
    assert!(sim.community(&id).unwrap().direct_members.is_empty());
    for g in [&g1, &g2] {
        assert!(!sim.group(g).unwrap().participants.iter().any(|p| p.phone == ANA));
    }
}

#[test]
fn group_remove_participant_leaves_the_community_unless_kept() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA, BIA]);
    let g2 = new_group(&sim, "G2", &[BIA]);
    link(&sim, &id, &[&g1, &g2]).ok();
    assert_eq!(
        call(&sim, "/remove-participant", json!({ "groupId": g1, "phones": [ANA, BIA] })).ok(),
        &json!({ "value": true })
    );
    // Ana was only in G1; Bia is still in G2.
    assert_eq!(members(&sim, &id), vec![ME, BIA]);
}

#[test]
fn the_connected_phone_and_the_creator_cannot_be_removed() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    call(&sim, "/remove-participant", json!({ "communityId": id, "phones": [ME] }))
        .refused(400, "cannot remove itself");
    call(&sim, "/remove-participant", json!({ "groupId": group, "phones": [ME] })).refused(400, "cannot remove itself");

    let mut state = sim.state();
    let g = state.groups.iter_mut().find(|g| g.phone == group).unwrap();
    g.participants.iter_mut().for_each(|p| p.is_super_admin = p.phone == ANA);
    g.participants.iter_mut().for_each(|p| p.is_admin = true);
    sim.load_state(state).unwrap();
    call(&sim, "/remove-participant", json!({ "groupId": group, "phones": [ANA] })).refused(400, "is the creator");
}

#[test]
fn add_admin_makes_community_admins() {
    let sim = Simulator::demo();
    let (id, announcement, _) = community_with_group(&sim, &[ANA]);
    assert_eq!(call(&sim, "/add-admin", json!({ "communityId": id, "phones": [ANA] })).ok(), &json!({ "value": true }));
    let meta = send(&sim, get(&format!("/group-metadata/{announcement}"))).ok().clone();
    assert!(
        meta["participants"]
            .as_array()
            .unwrap()
            .contains(&json!({ "phone": ANA, "isAdmin": true, "isSuperAdmin": false }))
    );
}

#[test]
fn add_admin_in_a_group_changes_only_that_group() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    call(&sim, "/add-admin", json!({ "groupId": group, "phones": [ANA] })).ok();
    assert!(sim.group(&group).unwrap().participants.iter().any(|p| p.phone == ANA && p.is_admin));
    let announcement = sim.community(&id).unwrap().announcement_group;
    assert!(sim.group(&announcement).unwrap().participants.iter().any(|p| p.phone == ANA && !p.is_admin));
}

#[test]
fn add_admin_needs_members() {
    let sim = Simulator::demo();
    let (id, _, _) = community_with_group(&sim, &[ANA]);
    call(&sim, "/add-admin", json!({ "communityId": id, "phones": [ANA, BIA] }))
        .refused(400, "5511922222222 is not a member");
    assert!(
        sim.group(&sim.community(&id).unwrap().announcement_group)
            .unwrap()
            .participants
            .iter()
            .all(|p| p.phone != ANA || !p.is_admin)
    );
}

#[test]
fn remove_admin_demotes_but_not_the_creator() {
    let sim = Simulator::demo();
    let (id, announcement, _) = community_with_group(&sim, &[ANA]);
    call(&sim, "/add-admin", json!({ "communityId": id, "phones": [ANA] })).ok();
    assert_eq!(
        call(&sim, "/remove-admin", json!({ "communityId": id, "phones": [ANA] })).ok(),
        &json!({ "value": true })
    );
    assert!(sim.group(&announcement).unwrap().participants.iter().any(|p| p.phone == ANA && !p.is_admin));
    call(&sim, "/remove-admin", json!({ "communityId": id, "phones": [ME] }))
        .refused(400, "is the creator and cannot be demoted");
    call(&sim, "/remove-admin", json!({ "communityId": id, "phones": [BIA] })).refused(400, "is not a member");
}

#[test]
fn a_demoted_connected_phone_loses_admin_rights() {
    let sim = Simulator::demo();
    let (id, announcement, _) = community_with_group(&sim, &[ANA]);
    call(&sim, "/add-admin", json!({ "communityId": id, "phones": [ANA] })).ok();
    // Make ANA the creator, the connected phone a plain admin, then demote the connected phone.
    let mut state = sim.state();
    let g = state.groups.iter_mut().find(|g| g.phone == announcement).unwrap();
    g.participants.iter_mut().for_each(|p| p.is_super_admin = p.phone == ANA);
    sim.load_state(state).unwrap();
    call(&sim, "/remove-admin", json!({ "communityId": id, "phones": [ME] })).ok();
    let body = json!({ "communityId": id, "communityDescription": "x" });
    send(&sim, post("/update-community-description", body)).refused(403, "not an admin");
}

#[test]
fn group_id_of_an_announcement_group_manages_the_community() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    call(&sim, "/add-participant", json!({ "groupId": announcement, "phones": [ANA] })).ok();
    assert_eq!(sim.community(&id).unwrap().direct_members, vec![ANA]);
    call(&sim, "/add-admin", json!({ "groupId": announcement, "phones": [ANA] })).ok();
    assert!(sim.group(&announcement).unwrap().participants.iter().any(|p| p.phone == ANA && p.is_admin));
}

#[test]
fn people_whose_privacy_refuses_adds_are_left_out_and_invited_on_request_with_the_same_answer() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    let mut state = sim.state();
    state.refuses_adds = vec![BIA.into(), CAIO.into()];
    sim.load_state(state).unwrap();
    sim.take_webhooks();

    let quiet = json!({ "autoInvite": false, "groupId": group, "phones": [BIA] });
    assert_eq!(call(&sim, "/add-participant", quiet).ok(), &json!({ "value": true }), "no per-number outcome");
    assert!(sim.group(&group).unwrap().invited.is_empty());
    let invite = json!({ "autoInvite": true, "groupId": group, "phones": [BIA, CAIO, "5511944444444"] });
    assert_eq!(call(&sim, "/add-participant", invite).ok(), &json!({ "value": true }));
    let group_now = sim.group(&group).unwrap();
    let phones: Vec<&str> = group_now.participants.iter().map(|p| p.phone.as_str()).collect();
    assert_eq!(phones, vec![ME, ANA, "5511944444444"]);
    assert_eq!(group_now.invited, vec![BIA, CAIO]);
    assert_eq!(members(&sim, &id), vec![ME, ANA, "5511944444444"]);
    let added: Vec<String> = sim.take_webhooks().into_iter().map(|w| w.body).collect();
    assert_eq!(added.len(), 1, "one event, for the one person added: {added:?}");
    assert!(added[0].contains("5511944444444") && !added[0].contains(BIA));
}
