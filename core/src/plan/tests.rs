//! The sans-IO comparison on hand-built states: what the vectors cannot reach through the
//! simulator.

use super::*;
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
        groups: vec![CurrentGroup { id: group, name: "A".into(), linked: true, participants }],
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
    let plan =
        diff(&spec(r#"{"name": "Rua", "groups": [{"name": "B", "members": ["5511911110002"]}]}"#), &state(vec![]))
            .unwrap();
    let text = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<Plan>(&text).unwrap(), plan);
    assert!(text.contains(r#""kind":"create_group""#), "{text}");
}
