//! Rule-by-rule tests of the simulator, written against `Simulator::handle` with hand-built
//! requests. Every rule test asserts the exact status and body shape.

mod administration;
mod auth;
mod chats;
mod communities;
mod events;
mod fixture;
mod groups;
mod invitations;
mod linking;
mod log;
mod messages;
mod participants;
mod queue;
mod routing;
mod transport;
mod webhooks;

use serde_json::{Value, json};

use super::{SimConfig, Simulator};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::secret::Secret;

/// The demo's connected phone.
pub(super) const ME: &str = SimConfig::DEMO_CONNECTED_PHONE;

/// A request with the demo credentials and no body.
pub(super) fn request(method: Method, path: &str) -> HttpRequest {
    HttpRequest {
        method,
        base_url: "http://sim.test".into(),
        instance_id: SimConfig::DEMO_INSTANCE_ID.into(),
        token: Secret::new(SimConfig::DEMO_TOKEN),
        path: path.to_owned().into(),
        query: Vec::new(),
        headers: vec![("Client-Token".into(), SimConfig::DEMO_CLIENT_TOKEN.into())],
        body: None,
    }
}

pub(super) fn get(path: &str) -> HttpRequest {
    request(Method::Get, path)
}

pub(super) fn get_page(path: &str, page: &str, page_size: &str) -> HttpRequest {
    let mut r = get(path);
    r.query = vec![("page".into(), page.into()), ("pageSize".into(), page_size.into())];
    r
}

pub(super) fn delete(path: &str) -> HttpRequest {
    request(Method::Delete, path)
}

/// A JSON POST with `Content-Type: application/json`.
pub(super) fn post(path: &str, body: Value) -> HttpRequest {
    let mut r = request(Method::Post, path);
    r.headers.push(("Content-Type".into(), "application/json".into()));
    r.body = Some(body.to_string());
    r
}

/// What came back, with the body parsed (`Null` when empty).
#[derive(Debug)]
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) json: Value,
    pub(super) response: HttpResponse,
}

impl Answer {
    /// Asserts a 200 and returns the JSON body.
    #[track_caller]
    pub(super) fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "expected 200, got {} {}", self.status, self.json);
        &self.json
    }

    /// Asserts `status` and a body that is exactly `{"error": <string containing needle>}`.
    #[track_caller]
    pub(super) fn refused(&self, status: u16, needle: &str) {
        assert_eq!(self.status, status, "body: {}", self.json);
        let object = self.json.as_object().unwrap_or_else(|| panic!("not an object: {}", self.json));
        assert_eq!(object.len(), 1, "only `error` expected: {}", self.json);
        let message = object["error"].as_str().unwrap_or_else(|| panic!("error not a string: {}", self.json));
        assert!(message.contains(needle), "{message:?} does not contain {needle:?}");
        assert_eq!(self.response.header("Content-Type"), Some("application/json"));
    }
}

/// Sends `request` to `sim`.
pub(super) fn send(sim: &Simulator, request: HttpRequest) -> Answer {
    let response = sim.handle(&request);
    let json = if response.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&response.body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", response.body))
    };
    Answer { status: response.status, json, response }
}

/// Creates a community; returns (community id, announcement group id).
pub(super) fn new_community(sim: &Simulator, name: &str) -> (String, String) {
    let body = send(sim, post("/communities", json!({ "name": name }))).ok().clone();
    let id = body["id"].as_str().expect("id").to_owned();
    let announcement = body["subGroups"][0]["phone"].as_str().expect("phone").to_owned();
    (id, announcement)
}

/// Creates a group with these members (besides the connected phone); returns its id.
pub(super) fn new_group(sim: &Simulator, name: &str, phones: &[&str]) -> String {
    let answer = send(sim, post("/create-group", json!({ "autoInvite": true, "groupName": name, "phones": phones })));
    answer.ok()["phone"].as_str().expect("phone").to_owned()
}

/// `POST /communities/link`.
pub(super) fn link(sim: &Simulator, community: &str, groups: &[&str]) -> Answer {
    send(sim, post("/communities/link", json!({ "communityId": community, "groupsPhones": groups })))
}

/// `POST /communities/unlink`.
pub(super) fn unlink(sim: &Simulator, community: &str, groups: &[&str]) -> Answer {
    send(sim, post("/communities/unlink", json!({ "communityId": community, "groupsPhones": groups })))
}

/// A community with one linked group holding `members`; returns (community, announcement, group).
pub(super) fn community_with_group(sim: &Simulator, members: &[&str]) -> (String, String, String) {
    let (id, announcement) = new_community(sim, "Neighbours");
    let group = new_group(sim, "Street 1", members);
    assert_eq!(link(sim, &id, &[&group]).ok(), &json!({ "success": true }));
    (id, announcement, group)
}

/// Members of the community's announcement group, sorted.
pub(super) fn members(sim: &Simulator, community: &str) -> Vec<String> {
    let mut members = sim.announcement_members(community).expect("active community");
    members.sort();
    members
}

/// Rewrites the connected phone's flags in `group` (drops it when `member` is false).
pub(super) fn set_connected_role(sim: &Simulator, group: &str, member: bool, admin: bool) {
    let mut state = sim.state();
    let g = state.groups.iter_mut().find(|g| g.phone == group).expect("group");
    g.participants.retain(|p| p.phone != ME);
    if member {
        g.participants.push(super::SimParticipant { phone: ME.into(), is_admin: admin, is_super_admin: false });
    }
    sim.load_state(state).expect("valid state");
}
