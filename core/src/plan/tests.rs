//! The sans-IO comparison on hand-built states: what the vectors cannot reach through the
//! simulator.

use super::*;
use crate::error::Error;
use crate::model::{CommunityId, GroupId, Participant};

fn person(phone: &str, is_admin: bool, is_super_admin: bool) -> Participant {
    Participant { phone: phone.into(), is_admin, is_super_admin }
}

fn state(participants: Vec<Participant>) -> CurrentState {
    let group = GroupId::parse("120363000000000002-group").unwrap();
    CurrentState {
        community: Some(CurrentCommunity {
            id: CommunityId::parse("120363000000000001").unwrap(),
            description: Some("  Vizinhos ".into()),
            linked: vec![(group.clone(), "A".into())],
            members: participants.clone(),
        }),
        groups: vec![CurrentGroup { index: 0, id: group, name: "A".into(), linked: true, participants }],
    }
}

fn spec(json: &str) -> ValidSpec {
    CommunitySpec::from_json(json).unwrap().validate().unwrap()
}

#[test]
fn the_creator_is_never_removed_or_demoted() {
    let now = state(vec![person("5511900000000", true, true), person("5511911110001", true, false)]);
    let plan =
        diff(&spec(r#"{"name": "Rua", "groups": [{"name": "A", "members": [], "admins": []}], "admins": []}"#), &now)
            .unwrap();
    let summaries: Vec<&str> = plan.steps.iter().map(|s| s.summary.as_str()).collect();
    assert_eq!(
        summaries,
        ["demote 1 person in group \"A\"", "demote 1 person in the community", "remove 1 person from group \"A\""]
    );
    assert!(plan.steps.iter().all(|s| !format!("{:?}", s.change).contains("5511900000000")));
}

#[test]
fn a_description_equal_but_for_spaces_and_a_matching_group_plan_nothing() {
    let now = state(vec![person("5511911110001", false, false)]);
    let plan = diff(&spec(r#"{"name": "Rua", "description": "Vizinhos", "groups": [{"name": "A"}]}"#), &now).unwrap();
    assert!(plan.is_empty(), "{plan:?}");
    assert_eq!((plan.linked_groups, plan.community_id.is_some()), (1, true));
}

#[test]
fn a_plan_round_trips_through_json() {
    let now = CurrentState { groups: vec![], ..state(vec![]) };
    let plan =
        diff(&spec(r#"{"name": "Rua", "groups": [{"name": "B", "members": ["5511911110002"]}]}"#), &now).unwrap();
    let text = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<Plan>(&text).unwrap(), plan);
    assert!(text.contains(r#""kind":"create_group""#), "{text}");
}

#[test]
fn a_group_given_by_id_is_renamed_and_then_named_by_its_new_name() {
    let now = state(vec![person("5511911110001", false, false)]);
    let spec = spec(
        r#"{"name": "Rua", "groups": [{"id": "120363000000000002@g.us", "name": "A2", "members": ["5511911110001", "5511911110002"]}]}"#,
    );
    let summaries: Vec<String> = diff(&spec, &now).unwrap().steps.into_iter().map(|s| s.summary).collect();
    assert_eq!(summaries, ["rename group \"A\" to \"A2\"", "add 1 person to group \"A2\""]);
}

#[test]
fn a_group_given_by_an_id_the_state_lacks_is_refused_by_field() {
    let spec = spec(
        r#"{"name": "Rua", "groups": [{"id": "120363000000000009-group", "name": "A", "members": ["5511911110001"]}]}"#,
    );
    let now = CurrentState { groups: vec![], ..state(vec![]) };
    let Err(Error::Validation { field, .. }) = diff(&spec, &now) else { panic!("not refused") };
    assert_eq!(field, "groups[0].id");
}
