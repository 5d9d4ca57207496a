use serde_json::json;

use super::*;
use crate::sim::{SimConfig, Simulator};

#[test]
fn the_log_records_requests_in_order_with_their_status() {
    let sim = Simulator::demo();
    send(&sim, post("/communities", json!({ "name": "N" }))).ok();
    send(&sim, get_page("/communities", "1", "5")).ok();
    let mut bad = get("/chats");
    bad.token = crate::secret::Secret::new("wrong");
    send(&sim, bad);
    let log = sim.requests();
    assert_eq!(log.len(), 3);
    assert_eq!((log[0].seq, log[0].method.as_str(), log[0].path.as_str()), (1, "POST", "/communities"));
    assert_eq!(log[0].body.as_deref(), Some(r#"{"name":"N"}"#));
    assert_eq!(log[0].status, 200);
    assert!(log[0].applied && log[0].fault.is_none());
    assert_eq!(log[1].query, vec![("page".to_owned(), "1".to_owned()), ("pageSize".to_owned(), "5".to_owned())]);
    assert_eq!(log[2].status, 401);
}

#[test]
fn the_log_never_holds_a_secret() {
    let sim = Simulator::demo();
    send(&sim, post("/communities", json!({ "name": "N" })));
    let serialized = serde_json::to_string(&sim.requests()).unwrap();
    assert!(!serialized.contains(SimConfig::DEMO_TOKEN), "{serialized}");
    assert!(!serialized.contains(SimConfig::DEMO_CLIENT_TOKEN), "{serialized}");
    assert!(serialized.contains(r#"["Client-Token","***"]"#), "{serialized}");
}

#[test]
fn clear_log_empties_it_and_restarts_numbering() {
    let sim = Simulator::demo();
    send(&sim, get_page("/chats", "1", "1"));
    sim.clear_log();
    assert!(sim.requests().is_empty());
    send(&sim, get_page("/chats", "1", "1"));
    assert_eq!(sim.requests()[0].seq, 1);
}

#[test]
fn a_faulted_request_not_applied_changes_nothing_but_is_logged() {
    let sim = Simulator::demo();
    let response = sim.handle_faulted(&post("/communities", json!({ "name": "Ghost" })), "status", false);
    assert_eq!(response.status, 200, "the answer is computed as if applied");
    assert!(sim.state().communities.is_empty());
    let entry = &sim.requests()[0];
    assert_eq!((entry.fault.as_deref(), entry.applied), (Some("status"), false));

    sim.handle_faulted(&post("/communities", json!({ "name": "Real" })), "delay", true);
    assert_eq!(sim.state().communities.len(), 1);
    assert_eq!(sim.requests()[1].fault.as_deref(), Some("delay"));
    assert!(sim.requests()[1].applied);
}

#[test]
fn refusals_leave_the_state_untouched() {
    let sim = Simulator::demo();
    let (id, _, group) = community_with_group(&sim, &["5511911111111"]);
    let before = sim.snapshot_json();
    // Mixed batch: one valid group and one unknown → 404 and nothing linked.
    let fresh = new_group(&sim, "Fresh", &["5511922222222"]);
    let after_create = sim.snapshot_json();
    assert_ne!(before, after_create);
    link(&sim, &id, &[&fresh, "nope-group"]).refused(404, "not found");
    unlink(&sim, &id, &[&group]).refused(400, "at least one group");
    assert_eq!(sim.snapshot_json(), after_create);
}
