use serde_json::json;

use super::*;
use crate::sim::Simulator;

const ANA: &str = "5511911111111";
const BIA: &str = "5511922222222";
const CAIO: &str = "5511933333333";

#[test]
fn link_answers_success_and_brings_members_into_the_announcement_group() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA]);
    let g2 = new_group(&sim, "G2", &[BIA]);
    assert_eq!(link(&sim, &id, &[&g1, &g2]).ok(), &json!({ "success": true }));
    assert_eq!(members(&sim, &id), vec![ME, ANA, BIA]);
    assert_eq!(send(&sim, get(&format!("/group-metadata/{g1}"))).ok()["communityId"], json!(id));
    assert_eq!(sim.group(&g2).unwrap().community_id.as_deref(), Some(id.as_str()));
}

#[test]
fn link_skips_groups_of_another_community_and_reports_them() {
    let sim = Simulator::demo();
    let (first, _, taken) = community_with_group(&sim, &[ANA]);
    let (second, _) = new_community(&sim, "Other");
    let free = new_group(&sim, "Free", &[BIA]);
    assert_eq!(
        link(&sim, &second, &[&taken, &free]).ok(),
        &json!({ "success": true, "skipped": [{ "phone": taken, "reason": "already in another community" }] })
    );
    assert_eq!(sim.group(&taken).unwrap().community_id.as_deref(), Some(first.as_str()));
    assert_eq!(sim.group(&free).unwrap().community_id.as_deref(), Some(second.as_str()));
    assert_eq!(members(&sim, &second), vec![ME, BIA]);
}

#[test]
fn link_with_every_group_taken_is_success_false_and_changes_nothing() {
    let sim = Simulator::demo();
    let (_, _, taken) = community_with_group(&sim, &[ANA]);
    let (second, _) = new_community(&sim, "Other");
    let before = sim.snapshot_json();
    assert_eq!(
        link(&sim, &second, &[&taken]).ok(),
        &json!({ "success": false, "skipped": [{ "phone": taken, "reason": "already in another community" }] })
    );
    assert_eq!(sim.snapshot_json(), before);
}

#[test]
fn linking_an_already_linked_group_again_is_harmless() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    assert_eq!(link(&sim, &id, &[&group, &group]).ok(), &json!({ "success": true }));
    assert_eq!(members(&sim, &id), vec![ME, ANA]);
}

#[test]
fn link_with_an_unknown_group_links_nothing() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let good = new_group(&sim, "G", &[ANA]);
    link(&sim, &id, &[&good, "999-group"]).refused(404, "group 999-group not found");
    assert_eq!(sim.group(&good).unwrap().community_id, None);
}

#[test]
fn link_refuses_an_announcement_group() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let (_, other_announcement) = new_community(&sim, "M");
    link(&sim, &id, &[&other_announcement]).refused(400, "is an announcement group");
}

#[test]
fn link_refuses_malformed_bodies_and_unknown_communities() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &[ANA]);
    link(&sim, "42", &[&group]).refused(404, "community 42 not found");
    let (id, _) = new_community(&sim, "N");
    link(&sim, &id, &[]).refused(400, "groupsPhones must not be empty");
    send(&sim, post("/communities/link", json!({ "groupsPhones": [group] }))).refused(400, "communityId is required");
    send(&sim, post("/communities/link", json!({ "communityId": id, "groupsPhones": group })))
        .refused(400, "groupsPhones must be an array of strings");
    send(&sim, post("/communities/link", json!({ "communityId": id, "groupsPhones": [1] })))
        .refused(400, "groupsPhones[0] must be a non-empty string");
}

#[test]
fn a_community_holds_at_most_50_groups() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let groups: Vec<String> = (0..51).map(|i| new_group(&sim, &format!("G{i}"), &[ANA])).collect();
    let first_50: Vec<&str> = groups[..50].iter().map(String::as_str).collect();
    assert_eq!(link(&sim, &id, &first_50).ok(), &json!({ "success": true }));
    link(&sim, &id, &[&groups[50]]).refused(400, "at most 50 groups");
    assert_eq!(sim.group(&groups[50]).unwrap().community_id, None);
}

#[test]
fn a_batch_that_would_pass_50_is_refused_whole() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let groups: Vec<String> = (0..51).map(|i| new_group(&sim, &format!("G{i}"), &[ANA])).collect();
    let all: Vec<&str> = groups.iter().map(String::as_str).collect();
    link(&sim, &id, &all).refused(400, "it has 0, 51 more requested");
    assert_eq!(sim.state().linked_groups(&id).count(), 0);
}

#[test]
fn only_admins_link_unless_everyone_may() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    let group = new_group(&sim, "G", &[ANA]);
    set_connected_role(&sim, &announcement, true, false);
    link(&sim, &id, &[&group]).refused(403, "only admins can add groups");

    let mut state = sim.state();
    state.communities[0].who_can_add_new_groups = crate::sim::WhoCanAddNewGroups::All;
    sim.load_state(state).unwrap();
    assert_eq!(link(&sim, &id, &[&group]).ok(), &json!({ "success": true }));
}

#[test]
fn a_non_member_cannot_link_even_when_everyone_may() {
    let sim = Simulator::demo();
    let (id, announcement) = new_community(&sim, "N");
    let group = new_group(&sim, "G", &[ANA]);
    let mut state = sim.state();
    state.communities[0].who_can_add_new_groups = crate::sim::WhoCanAddNewGroups::All;
    sim.load_state(state).unwrap();
    set_connected_role(&sim, &announcement, false, false);
    link(&sim, &id, &[&group]).refused(403, "only admins can add groups");
}

#[test]
fn unlink_answers_success_and_drops_members_nothing_keeps() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA, BIA]);
    let g2 = new_group(&sim, "G2", &[BIA, CAIO]);
    link(&sim, &id, &[&g1, &g2]).ok();
    assert_eq!(members(&sim, &id), vec![ME, ANA, BIA, CAIO]);

    assert_eq!(unlink(&sim, &id, &[&g1]).ok(), &json!({ "success": true }));
    // Ana leaves; Bia stays because G2 still has her; the connected phone always stays.
    assert_eq!(members(&sim, &id), vec![ME, BIA, CAIO]);
    assert_eq!(send(&sim, get(&format!("/group-metadata/{g1}"))).ok()["communityId"], json!(null));
    let meta = send(&sim, get(&format!("/communities-metadata/{id}"))).ok().clone();
    assert_eq!(meta["subGroups"].as_array().unwrap().len(), 2);
}

#[test]
fn unlink_keeps_community_admins_and_direct_members() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA, BIA, CAIO]);
    let g2 = new_group(&sim, "G2", &["5511944444444"]);
    link(&sim, &id, &[&g1, &g2]).ok();
    send(&sim, post("/add-admin", json!({ "communityId": id, "phones": [ANA] }))).ok();
    send(&sim, post("/add-participant", json!({ "autoInvite": false, "communityId": id, "phones": [BIA] }))).ok();
    unlink(&sim, &id, &[&g1]).ok();
    assert_eq!(members(&sim, &id), vec![ME, ANA, BIA, "5511944444444"]);
}

#[test]
fn unlinking_the_last_group_is_refused() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    unlink(&sim, &id, &[&group]).refused(400, "at least one group");
    assert_eq!(sim.group(&group).unwrap().community_id.as_deref(), Some(id.as_str()));
    assert_eq!(members(&sim, &id), vec![ME, ANA]);
}

#[test]
fn unlinking_every_group_in_one_batch_is_refused() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let g1 = new_group(&sim, "G1", &[ANA]);
    let g2 = new_group(&sim, "G2", &[BIA]);
    link(&sim, &id, &[&g1, &g2]).ok();
    unlink(&sim, &id, &[&g1, &g2]).refused(400, "unlinking the last one is refused");
    assert_eq!(sim.state().linked_groups(&id).count(), 2);
}

#[test]
fn unlink_refusals() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &[ANA]);
    let stray = new_group(&sim, "Stray", &[BIA]);
    let extra = new_group(&sim, "Extra", &[BIA]);
    link(&sim, &id, &[&extra]).ok();
    unlink(&sim, &id, &[&stray]).refused(400, "is not linked to community");
    unlink(&sim, &id, &[&announcement]).refused(400, "announcement group and cannot be unlinked");
    unlink(&sim, &id, &["404-group"]).refused(404, "group 404-group not found");
    unlink(&sim, "42", &[&group]).refused(404, "community 42 not found");
    set_connected_role(&sim, &announcement, true, false);
    unlink(&sim, &id, &[&group]).refused(403, "not an admin");
    assert_eq!(sim.state().linked_groups(&id).count(), 2);
}
