use serde_json::json;

use super::*;
use crate::http::Method;
use crate::sim::Simulator;

/// A bodiless POST without Content-Type, as the redefine call is documented
/// (developer.z-api.io/communities/redefine-invitation-link).
fn redefine(sim: &Simulator, id: &str) -> Answer {
    send(sim, request(Method::Post, &format!("/redefine-invitation-link/{id}")))
}

fn link_of(answer: &Answer) -> String {
    let body = answer.ok();
    assert_eq!(body.as_object().unwrap().len(), 1, "only invitationLink expected: {body}");
    body["invitationLink"].as_str().expect("string link").to_owned()
}

#[test]
fn redefining_a_community_link_gives_a_new_different_link_each_time() {
    let sim = Simulator::demo();
    let (id, _) = new_community(&sim, "N");
    let before = sim.community(&id).unwrap().invitation_link;
    let first = link_of(&redefine(&sim, &id));
    let second = link_of(&redefine(&sim, &id));
    assert!(first.starts_with("https://chat.whatsapp.com/"), "{first}");
    assert_eq!(first.len(), "https://chat.whatsapp.com/".len() + 22);
    assert_ne!(first, before);
    assert_ne!(first, second);
    assert_eq!(sim.community(&id).unwrap().invitation_link, second);
}

#[test]
fn redefining_a_group_link_changes_what_group_invitation_link_returns() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &["5511911111111"]);
    let old = send(&sim, get(&format!("/group-invitation-link/{group}"))).ok()["invitationLink"].clone();
    let new = link_of(&redefine(&sim, &group));
    assert_ne!(json!(new), old);
    assert_eq!(
        send(&sim, get(&format!("/group-invitation-link/{group}"))).ok(),
        &json!({ "phone": group, "invitationLink": new })
    );
}

#[test]
fn redefine_refusals() {
    let sim = Simulator::demo();
    redefine(&sim, "42").refused(404, "community or group 42 not found");
    let (id, announcement) = new_community(&sim, "N");
    set_connected_role(&sim, &announcement, true, false);
    redefine(&sim, &id).refused(403, "not an admin of community");
    redefine(&sim, &announcement).refused(403, "not an admin of group");
}

#[test]
fn group_invitation_link_refusals() {
    let sim = Simulator::demo();
    send(&sim, get("/group-invitation-link/42-group")).refused(404, "group 42-group not found");
    let group = new_group(&sim, "G", &["5511911111111"]);
    set_connected_role(&sim, &group, true, false);
    send(&sim, get(&format!("/group-invitation-link/{group}"))).refused(403, "not an admin");
}
