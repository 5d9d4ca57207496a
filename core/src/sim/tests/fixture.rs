use serde_json::{Value, json};

use super::*;
use crate::error::Error;
use crate::sim::{SimConfig, SimState, Simulator};

const ANA: &str = "5511911111111";

fn fixture() -> Value {
    json!({
        "communities": [{
            "id": "120363999900000001",
            "name": "Fixture",
            "announcementGroup": "120363999900000002-group",
        }],
        "groups": [
            {
                "phone": "120363999900000002-group",
                "name": "Fixture",
                "communityId": "120363999900000001",
                "isGroupAnnouncement": true,
                "participants": [{ "phone": ME, "isAdmin": false }],
            },
            {
                "phone": "120363999900000003-group",
                "name": "Linked",
                "communityId": "120363999900000001",
                "participants": [{ "phone": ME, "isAdmin": true }, { "phone": ANA }],
            },
        ],
    })
}

fn field(error: Error) -> String {
    assert_eq!(error.kind(), "validation", "{error}");
    error.field().unwrap_or_default().to_owned()
}

#[test]
fn a_fixture_sets_the_state_and_fills_blanks() {
    let sim = Simulator::from_fixture_json(&fixture().to_string()).unwrap();
    let state = sim.state();
    assert_eq!(state.connected_phone, ME);
    let group = sim.group("120363999900000003-group").unwrap();
    assert_eq!(group.owner, ME);
    assert!(group.invitation_link.starts_with("https://chat.whatsapp.com/"));
    assert!(!sim.community("120363999900000001").unwrap().invitation_link.is_empty());
    // The fixture made the connected phone a plain member: admin-only calls are refused.
    let body = json!({ "phone": "120363999900000002-group", "message": "m" });
    send(&sim, post("/send-text", body)).refused(403, "only community admins");
}

#[test]
fn snapshots_round_trip() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &[ANA]);
    send(&sim, post("/send-text", json!({ "phone": group, "message": "m", "delayTyping": 3 }))).ok();
    send(&sim, post("/send-text", json!({ "phone": ANA, "message": "m" }))).ok();
    let snapshot = sim.snapshot_json();
    let copy = Simulator::from_fixture_json(&snapshot).unwrap();
    assert_eq!(copy.snapshot_json(), snapshot);
    assert_eq!(copy.state(), sim.state());
    // The copy continues where the original was: same next ids.
    assert_eq!(new_community(&copy, "Next"), new_community(&sim, "Next"));
    assert!(copy.community(&id).is_some());
}

#[test]
fn generated_ids_never_collide_with_fixture_ids() {
    let taken = json!({ "groups": [{ "phone": "120363000000000001-group", "name": "Taken", "participants": [{ "phone": ME }] }] });
    let sim = Simulator::from_fixture_json(&taken.to_string()).unwrap();
    let (id, announcement) = new_community(&sim, "N");
    assert_eq!(id, "120363000000000002");
    assert_eq!(announcement, "120363000000000003-group");
}

#[test]
fn invalid_fixtures_are_validation_errors() {
    let err = |json: Value| field(Simulator::from_fixture_json(&json.to_string()).unwrap_err());
    assert_eq!(field(Simulator::from_fixture_json("{").unwrap_err()), "fixture");
    assert_eq!(err(json!({ "comunities": [] })), "fixture");
    let mut f = fixture();
    f["communities"][0]["announcementGroup"] = json!("1-group");
    assert_eq!(err(f), "fixture.communities[0].announcementGroup");
    let mut f = fixture();
    f["groups"][1]["communityId"] = json!("777");
    assert_eq!(err(f), "fixture.groups[1].communityId");
    let mut f = fixture();
    f["groups"][1]["phone"] = json!("120363999900000002-group");
    assert_eq!(err(f), "fixture.groups[1].phone");
    let mut f = fixture();
    f["communities"][0]["id"] = json!("1-group");
    assert_eq!(err(f), "fixture.communities[0].id");
    let mut f = fixture();
    f["groups"][0]["isGroupAnnouncement"] = json!(false);
    assert_eq!(err(f), "fixture.communities[0].announcementGroup");
}

#[test]
fn more_than_50_linked_groups_is_invalid() {
    let mut f = fixture();
    let groups = f["groups"].as_array_mut().unwrap();
    for i in 0..50 {
        groups.push(json!({ "phone": format!("9{i}-group"), "name": "G", "communityId": "120363999900000001" }));
    }
    let error = Simulator::from_fixture_json(&f.to_string()).unwrap_err();
    assert_eq!(field(error), "fixture.communities[0]");
}

#[test]
fn load_and_reset() {
    let sim = Simulator::demo();
    new_community(&sim, "Before");
    sim.load_fixture_json(&fixture().to_string()).unwrap();
    assert!(sim.requests().is_empty(), "loading empties the log");
    assert_eq!(sim.state().communities[0].name, "Fixture");
    assert!(sim.load_fixture_json("[]").is_err());
    assert_eq!(sim.state().communities[0].name, "Fixture", "a bad fixture changes nothing");
    sim.reset();
    assert_eq!(sim.state(), SimState::empty(ME));
}

#[test]
fn with_state_takes_a_typed_state_and_custom_credentials() {
    let mut state = SimState::empty("");
    state.clock = 42;
    let config = SimConfig { connected_phone: "5511900001111".into(), ..SimConfig::demo() };
    let sim = Simulator::with_state(config, state).unwrap();
    assert_eq!(sim.state().connected_phone, "5511900001111");
    assert_eq!(sim.state().clock, 42);
}

#[test]
fn extreme_counters_do_not_panic() {
    let f = json!({ "clock": u64::MAX, "nextSeq": u64::MAX });
    let sim = Simulator::from_fixture_json(&f.to_string()).unwrap();
    let (id, announcement) = new_community(&sim, "Edge");
    assert_ne!(id, announcement.trim_end_matches("-group"));
    let group = new_group(&sim, "G", &[ANA]);
    assert_eq!(send(&sim, get_page("/groups", "1", "5")).ok()[0]["phone"], json!(group));
}
