//! The control API under `/__sim/`: read and clear the request log, reset or load the state,
//! read the state, queue and clear faults, read the decoy's connection count, have someone
//! follow an invitation link or withdraw a join request, change a group's link mode, see (or
//! inject) the webhooks posted, and fault their delivery. No credentials; loopback callers only.

use hyper::body::Bytes;
use hyper::{Method, Response};
use serde::Deserialize;
use serde_json::json;

use crate::body::SimBody;
use crate::fault::FaultRule;
use crate::respond;
use crate::server::Shared;
use crate::webhooks::DeliveryFault;

/// `POST /__sim/faults` takes one rule or an array of rules.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    Many(Vec<FaultRule>),
    One(Box<FaultRule>),
}

/// Answers a control request; `endpoint` is the path after `/__sim/`.
pub(crate) fn handle(shared: &Shared, method: &Method, endpoint: &str, body: &Bytes) -> Response<SimBody> {
    let allowed: &[Method] = match endpoint {
        "requests" => &[Method::GET, Method::DELETE],
        "reset" => &[Method::POST],
        "state" => &[Method::GET],
        "faults" => &[Method::GET, Method::POST, Method::DELETE],
        "decoy" => &[Method::GET, Method::DELETE],
        "invite-joins" => &[Method::POST],
        "webhooks" => &[Method::GET, Method::POST, Method::DELETE],
        "webhook-faults" => &[Method::GET, Method::POST],
        "join-request-withdrawals" | "link-modes" | "phone" => &[Method::POST],
        _ => return respond::error(404, "unknown control endpoint"),
    };
    if !allowed.contains(method) {
        return respond::error(405, "method not allowed");
    }
    match (endpoint, method.as_str()) {
        ("requests", "GET") => respond::json(200, &json!(shared.simulator.requests())),
        ("requests", _) => {
            shared.simulator.clear_log();
            respond::no_content()
        }
        ("reset", _) => reset(shared, body),
        ("invite-joins", _) => invite_join(shared, body),
        ("join-request-withdrawals", _) => withdraw_join_request(shared, body),
        ("link-modes", _) => set_link_mode(shared, body),
        ("phone", _) => set_phone_connected(shared, body),
        ("webhook-faults", "GET") => respond::json(200, &json!(shared.deliveries.pending_faults())),
        ("webhook-faults", _) => queue_delivery_faults(shared, body),
        ("webhooks", "GET") => respond::json(200, &json!(shared.deliveries.list())),
        ("webhooks", "POST") => inject(shared, body),
        ("webhooks", _) => {
            shared.deliveries.clear();
            respond::no_content()
        }
        ("state", _) => {
            let headers = [("content-type".to_owned(), "application/json".to_owned())];
            respond::build(200, &headers, SimBody::full(shared.simulator.snapshot_json()))
        }
        ("faults", "GET") => respond::json(200, &json!(shared.faults.pending())),
        ("faults", "POST") => queue_faults(shared, body),
        ("decoy", "GET") => respond::json(
            200,
            &json!({
                "url": shared.decoy_url(),
                "connections": shared.decoy.as_ref().map_or(0, |d| d.connections()),
            }),
        ),
        ("decoy", _) => {
            clear_decoy(shared);
            respond::no_content()
        }
        _ => {
            shared.faults.clear();
            respond::no_content()
        }
    }
}

/// Empty body → back to the initial state; a fixture body → that state. Either way the request
/// log and the pending faults are cleared.
fn reset(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    let text = String::from_utf8_lossy(body);
    if text.trim().is_empty() {
        shared.simulator.reset();
    } else if let Err(error) = shared.simulator.load_fixture_json(&text) {
        return respond::error(400, &error.to_string());
    }
    shared.faults.clear();
    shared.deliveries.clear();
    clear_decoy(shared);
    respond::json(200, &json!({ "reset": true }))
}

/// `{"link", "phone"}`: `phone` follows the invitation link (a full link or its code) as a person
/// outside the account would → `{"result": "requested" | "joined" | "already_member"}`; 400 for a
/// bad body, phone, or a link no group has.
fn invite_join(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Join {
        link: String,
        phone: String,
    }
    let join: Join = match serde_json::from_slice(body) {
        Ok(join) => join,
        Err(e) => return respond::error(400, &format!("expected {{\"link\", \"phone\"}}: {e}")),
    };
    match shared.simulator.invite_join(&join.link, &join.phone) {
        Ok(result) => {
            shared.deliveries.send(shared.simulator.take_webhooks());
            respond::json(200, &json!({ "result": result.as_str() }))
        }
        Err(error) => respond::error(400, &error.to_string()),
    }
}

/// `{"groupId", "phone"}`: `phone` withdraws their request to join the group → `{"withdrawn":
/// bool}` (and a `REVOKED_MEMBERSHIP_REQUESTS` when true); 400 for a bad body, phone or group.
fn withdraw_join_request(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Withdraw {
        group_id: String,
        phone: String,
    }
    let Ok(withdraw) = serde_json::from_slice::<Withdraw>(body) else {
        return respond::error(400, "expected {\"groupId\", \"phone\"}");
    };
    let done = shared.simulator.withdraw_join_request(&withdraw.group_id, &withdraw.phone);
    acted(shared, done.map(|withdrawn| json!({ "withdrawn": withdrawn })))
}

/// `{"groupId", "linkMode": "admins_only" | "all_members"}`: an admin changes who may share the
/// group's invitation link → `{"changed": bool}` (and a `GROUP_MEMBER_LINK_PROPERTY_UPDATE` when
/// true); 400 for a bad body or group.
fn set_link_mode(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct SetLinkMode {
        group_id: String,
        link_mode: zapi_communities::webhook::LinkMode,
    }
    let Ok(set) = serde_json::from_slice::<SetLinkMode>(body) else {
        return respond::error(400, "expected {\"groupId\", \"linkMode\": \"admins_only\" | \"all_members\"}");
    };
    let done = shared.simulator.set_link_mode(&set.group_id, set.link_mode);
    acted(shared, done.map(|changed| json!({ "changed": changed })))
}

/// `{"connected": bool}`: the phone disconnects or reconnects → `{"sent": n}`, the queued
/// messages a reconnection sent (and a `DisconnectedCallback` or `ConnectedCallback` when it
/// changed); 400 for a bad body.
fn set_phone_connected(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SetPhone {
        connected: bool,
    }
    let Ok(set) = serde_json::from_slice::<SetPhone>(body) else {
        return respond::error(400, "expected {\"connected\": bool}");
    };
    let sent = shared.simulator.set_phone_connected(set.connected);
    acted(shared, Ok(json!({ "sent": sent })))
}

/// Posts the events an action queued and answers its result, or 400 with its error.
fn acted(shared: &Shared, done: Result<serde_json::Value, zapi_communities::Error>) -> Response<SimBody> {
    match done {
        Ok(result) => {
            shared.deliveries.send(shared.simulator.take_webhooks());
            respond::json(200, &result)
        }
        Err(error) => respond::error(400, &error.to_string()),
    }
}

/// One delivery fault or an array of them, applied to the next events posted, in order → 204;
/// 400 for one that could not be applied as asked.
fn queue_delivery_faults(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Faults {
        Many(Vec<DeliveryFault>),
        One(DeliveryFault),
    }
    let faults = match serde_json::from_slice::<Faults>(body) {
        Ok(Faults::Many(faults)) => faults,
        Ok(Faults::One(fault)) => vec![fault],
        Err(_) => {
            return respond::error(
                400,
                "expected {\"fault\": \"delay\" | \"drop\" | \"duplicate\", \"ms\"?, \"times\"?}",
            );
        }
    };
    if let Some(error) = faults.iter().find_map(|f| f.check().err()) {
        return respond::error(400, &error);
    }
    shared.deliveries.add_faults(faults);
    respond::no_content()
}

/// `{"kind", "body"}`: posts `body` (a JSON object, or its text) to the URL set for webhook
/// `kind`, as if the instance had sent it → `{"url": … | null}`; 400 for a bad kind or body.
fn inject(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inject {
        kind: String,
        body: serde_json::Value,
    }
    let inject: Inject = match serde_json::from_slice(body) {
        Ok(inject) => inject,
        Err(e) => return respond::error(400, &format!("expected {{\"kind\", \"body\"}}: {e}")),
    };
    let kind = match zapi_communities::WebhookKind::parse_field(&inject.kind, "kind") {
        Ok(kind) => kind,
        Err(error) => return respond::error(400, &error.to_string()),
    };
    let text = match inject.body {
        serde_json::Value::String(text) => text,
        other => other.to_string(),
    };
    let url = shared.simulator.state().webhooks.get(kind).map(str::to_owned);
    shared.deliveries.inject(kind, url.clone(), text);
    respond::json(200, &json!({ "url": url }))
}

fn clear_decoy(shared: &Shared) {
    if let Some(decoy) = &shared.decoy {
        decoy.clear();
    }
}

fn queue_faults(shared: &Shared, body: &Bytes) -> Response<SimBody> {
    let rules = match serde_json::from_slice::<OneOrMany>(body) {
        Ok(OneOrMany::Many(rules)) => rules,
        Ok(OneOrMany::One(rule)) => vec![*rule],
        Err(_) => {
            // The untagged error says nothing useful; parse as one rule for a precise message.
            let detail = serde_json::from_slice::<FaultRule>(body).err().map(|e| e.to_string()).unwrap_or_default();
            return respond::error(400, &format!("invalid fault rule: {detail}"));
        }
    };
    let queued = rules.len();
    match shared.faults.push_all(rules) {
        Ok(()) => respond::json(200, &json!({ "queued": queued, "pending": shared.faults.pending().len() })),
        Err(error) => respond::error(400, &error.to_string()),
    }
}
