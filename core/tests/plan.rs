//! Plan and apply over `tests/vectors/plans.json` (the cases every language runs): exact plans,
//! dry runs that send nothing, applies that complete, empty re-plans, and invalid specs refused
//! by field. Plus what the vectors cannot say in JSON: the safe order and the last-group guard.

use std::sync::Arc;

use serde_json::Value;
use zapi_communities::plan::{CommunitySpec, Plan, PlanChange, PlanStep, PlannedGroup, StepStatus};
use zapi_communities::sim::Simulator;
use zapi_communities::{Client, Error};

fn vectors() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/plans.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn summaries(plan: &Plan) -> Vec<String> {
    plan.steps.iter().map(|s| s.summary.clone()).collect()
}

fn writes(simulator: &Simulator) -> usize {
    simulator.requests().iter().filter(|r| r.method != "GET").count()
}

#[tokio::test]
async fn every_scenario_plans_dry_runs_applies_and_re_plans_empty() {
    let vectors = vectors();
    for scenario in vectors["scenarios"].as_array().unwrap() {
        let simulator = Arc::new(Simulator::demo());
        let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
        for (i, step) in scenario["steps"].as_array().unwrap().iter().enumerate() {
            let label = format!("{} / step {i}", scenario["name"]);
            let spec = CommunitySpec::from_json(&step["spec"].to_string()).unwrap();
            let plan = client.plan(&spec).await.unwrap();
            let expected: Vec<String> = serde_json::from_value(step["plan"].clone()).unwrap();
            assert_eq!(summaries(&plan), expected, "{label}");
            let notes: Vec<String> = serde_json::from_value(step["notes"].clone()).unwrap();
            assert_eq!(plan.notes, notes, "{label}");
            assert!(plan.steps.iter().all(|s| !s.reason.is_empty()), "{label}: every step says why");

            let before = writes(&simulator);
            let dry = client.apply(&plan, true).await.unwrap();
            assert_eq!((dry.requests, writes(&simulator)), (0, before), "{label}: a dry run sends nothing");
            assert!(dry.complete && dry.steps.iter().all(|s| s.status == StepStatus::DryRun), "{label}");
            assert_eq!(client.plan(&spec).await.unwrap(), plan, "{label}: a dry run changes nothing");

            let applied = client.apply(&plan, false).await.unwrap();
            assert!(applied.complete, "{label}: {applied:#?}");
            assert_eq!(applied.requests as usize, plan.steps.len(), "{label}: one write per step");
            let again = client.plan(&spec).await.unwrap();
            assert!(again.is_empty(), "{label}: re-plan {:?}", summaries(&again));
        }
        println!(
            "{}: {} steps, {} requests in all",
            scenario["name"],
            scenario["steps"].as_array().unwrap().len(),
            simulator.requests().len()
        );
    }
}

#[tokio::test]
async fn invalid_specs_are_refused_by_field_before_any_change() {
    for case in vectors()["invalid"].as_array().unwrap() {
        let simulator = Arc::new(Simulator::demo());
        let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
        let refused = match CommunitySpec::from_json(&case["spec"].to_string()) {
            Ok(spec) => client.plan(&spec).await.unwrap_err(),
            Err(error) => error,
        };
        let Error::Validation { field, .. } = &refused else { panic!("{}: {refused:?}", case["name"]) };
        assert_eq!(field, case["field"].as_str().unwrap(), "{}", case["name"]);
        assert_eq!(writes(&simulator), 0, "{}", case["name"]);
    }
}

#[tokio::test]
async fn apply_runs_a_shuffled_plan_in_the_safe_order_and_stops_at_the_first_failure() {
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let spec = CommunitySpec::from_json(
        r#"{"name": "Rua", "groups": [{"name": "A", "members": ["5511911110001"], "admins": ["5511911110001"]}]}"#,
    )
    .unwrap();
    let mut plan = client.plan(&spec).await.unwrap();
    plan.steps.reverse();
    let applied = client.apply(&plan, false).await.unwrap();
    let kinds: Vec<&str> = applied.steps.iter().map(|s| s.step.change.kind_name()).collect();
    assert_eq!(kinds, ["create_community", "create_group", "link_groups", "add_admins"]);
    assert!(applied.complete && client.plan(&spec).await.unwrap().is_empty());

    // A hand-made plan that would unlink the only group: the add before it runs, the unlink is
    // refused without a request.
    let community = applied.community_id.clone().unwrap();
    let group = client.community_metadata(&community).await.unwrap().regular_groups().next().unwrap().id.clone();
    let only = PlannedGroup { name: "A".into(), id: Some(group) };
    let bad = Plan {
        steps: vec![
            PlanStep::new(PlanChange::UnlinkGroups { groups: vec![only.clone()] }, "test"),
            PlanStep::new(PlanChange::AddMembers { group: only, phones: vec!["5511911110002".into()] }, "test"),
        ],
        linked_groups: 1,
        community_id: applied.community_id.clone(),
        ..plan
    };
    let before = writes(&simulator);
    let outcome = client.apply(&bad, false).await.unwrap();
    let statuses: Vec<StepStatus> = outcome.steps.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [StepStatus::Done, StepStatus::Failed]);
    assert!(!outcome.complete && outcome.steps[1].error.as_deref().unwrap().contains("last regular group"));
    assert_eq!((writes(&simulator), outcome.requests), (before + 1, 1));
}

/// A client whose account has community `community` with one group per name in `groups` (each
/// with one member) linked to it; the groups' ids in order.
async fn linked(community: &str, groups: &[&str]) -> (Client, Vec<zapi_communities::GroupId>) {
    let client = Client::simulated_with(Arc::new(Simulator::demo())).unwrap();
    let community = client.create_community(community, None).await.unwrap();
    let phones = [zapi_communities::Phone::parse("5511911110001").unwrap()];
    let mut ids = Vec::new();
    for name in groups {
        ids.push(client.create_group(name, &phones, false).await.unwrap().id);
    }
    client.link_groups(&community.id, &ids).await.unwrap();
    (client, ids)
}

/// The field and reason `plan` refuses the spec document `json` with.
async fn refusal(client: &Client, json: &str) -> (String, String) {
    match client.plan(&CommunitySpec::from_json(json).unwrap()).await {
        Err(Error::Validation { field, reason }) => (field, reason),
        other => panic!("not refused by field: {other:?}"),
    }
}

#[tokio::test]
async fn two_linked_groups_with_the_spec_name_are_refused_not_guessed() {
    let (client, _) = linked("Rua", &["Dup", "Dup"]).await;
    let (field, reason) = refusal(&client, r#"{"name": "Rua", "groups": [{"name": "Dup"}]}"#).await;
    assert_eq!((field.as_str(), reason.contains("2 groups")), ("groups[0].name", true), "{reason}");
}

#[tokio::test]
async fn a_group_of_another_community_given_by_id_is_refused_by_field() {
    let (client, ids) = linked("Outra", &["Dela"]).await;
    let json = format!(r#"{{"name": "Rua", "groups": [{{"id": "{}", "name": "Minha"}}]}}"#, ids[0].as_str());
    let (field, reason) = refusal(&client, &json).await;
    assert_eq!((field.as_str(), reason.contains("another community")), ("groups[0].id", true), "{reason}");
}

#[tokio::test]
async fn one_group_given_by_id_and_by_its_current_name_is_refused() {
    let (client, ids) = linked("Rua", &["Velho"]).await;
    let json = format!(
        r#"{{"name": "Rua", "groups": [{{"id": "{}", "name": "Novo"}}, {{"name": "Velho"}}]}}"#,
        ids[0].as_str()
    );
    let (field, _) = refusal(&client, &json).await;
    assert_eq!(field, "groups[1].name");
}
