//! Who may add the connected phone to groups, and the blacklist
//! (developer.z-api.io/privacy/set-group-add).

use serde_json::json;

use super::super::body::{JsonBody, is_person_id};
use super::super::reply::{Refusal, ok, success};
use super::super::state::{SimGroupAdd, SimState};
use super::Outcome;
use crate::http::HttpRequest;

/// `POST /privacy/group-add {type, contactsBlacklist?}` → `{"success": true}`. `type` is `ALL`,
/// `CONTACTS` or `CONTACT_BLACKLIST`; `contactsBlacklist` lists changes
/// (`{action: "add" | "remove", phone}`) and is only taken with `CONTACT_BLACKLIST` (400
/// otherwise). Any other value is a 400 and changes nothing.
pub(super) fn set_group_add(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let who = body.non_empty_string("type")?;
    if !["ALL", "CONTACTS", "CONTACT_BLACKLIST"].contains(&who.as_str()) {
        return Err(Refusal::bad_request("type must be ALL, CONTACTS or CONTACT_BLACKLIST"));
    }
    let mut changes = Vec::new();
    for (i, change) in body.optional_array("contactsBlacklist")?.into_iter().flatten().enumerate() {
        let action = change.get("action").and_then(|a| a.as_str());
        let phone = change.get("phone").and_then(|p| p.as_str()).filter(|p| is_person_id(p));
        match (action, phone) {
            (Some(action @ ("add" | "remove")), Some(phone)) => changes.push((action == "add", phone.to_owned())),
            _ => {
                return Err(Refusal::bad_request(format!(
                    "contactsBlacklist[{i}] must be {{\"action\": \"add\" | \"remove\", \"phone\": digits}}"
                )));
            }
        }
    }
    if !changes.is_empty() && who != "CONTACT_BLACKLIST" {
        return Err(Refusal::bad_request("contactsBlacklist is only taken with type CONTACT_BLACKLIST"));
    }
    state.tick();
    let setting = &mut state.group_add;
    setting.who = who;
    for (add, phone) in changes {
        setting.blacklist.retain(|p| *p != phone);
        if add {
            setting.blacklist.push(phone);
        }
    }
    success()
}

/// `GET /privacy/disallowed-contacts?type=groupAdd` → `{"disallowedContacts": [...]}`, the
/// blacklist (kept whatever `type` is in force). Only `groupAdd` is simulated: another or no
/// `type` is a 400.
pub(super) fn disallowed_contacts(state: &SimState, request: &HttpRequest) -> Outcome {
    match request.query.iter().find(|(k, _)| k == "type") {
        Some((_, kind)) if kind == "groupAdd" => ok(json!({ "disallowedContacts": state.group_add.blacklist })),
        Some(_) => Err(Refusal::bad_request("only type=groupAdd is simulated")),
        None => Err(Refusal::bad_request("type is required")),
    }
}

impl SimGroupAdd {
    /// Whether this is a fresh account's setting (everyone, no blacklist).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
