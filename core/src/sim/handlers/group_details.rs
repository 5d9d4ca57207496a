//! A group's name, description and photo, and leaving it
//! (developer.z-api.io/group/update-group-name, developer.z-api.io/group/update-group-description,
//! developer.z-api.io/group/update-group-photo, developer.z-api.io/group/leave-group).

use super::super::body::JsonBody;
use super::super::lookup::is_participant;
use super::super::reply::{Refusal, value_true};
use super::super::state::{SimGroup, SimState};
use super::{Outcome, group_or_404, require_group_admin};
use crate::http::HttpRequest;

/// `POST /update-group-name {groupId, groupName}` → `{"value": true}`. Only admins rename (403);
/// 404 unknown group; 400 for an empty name.
pub(super) fn rename(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let group_id = body.non_empty_string("groupId")?;
    let name = body.non_empty_string("groupName")?;
    change(state, &group_id, |g| g.name = name)
}

/// `POST /update-group-description {groupId, groupDescription}` → `{"value": true}`; an empty
/// description clears it. Only admins (the page's caution box: 403); 404 unknown group.
pub(super) fn describe(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let group_id = body.non_empty_string("groupId")?;
    let description = body.string("groupDescription")?;
    change(state, &group_id, |g| g.description = description)
}

/// `POST /update-group-photo {groupId, groupPhoto}` → `{"value": true}` (a URL or Base64, kept
/// as given). Only admins (403); 404 unknown group; 400 for an empty photo.
pub(super) fn set_photo(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let group_id = body.non_empty_string("groupId")?;
    let photo = body.non_empty_string("groupPhoto")?;
    change(state, &group_id, |g| g.photo = Some(photo))
}

/// Applies an admin's change to a group, once every check passed.
fn change(state: &mut SimState, group_id: &str, apply: impl FnOnce(&mut SimGroup)) -> Outcome {
    group_or_404(state, group_id)?;
    require_group_admin(state, group_id)?;
    let now = state.tick();
    if let Some(group) = state.group_mut(group_id) {
        apply(group);
        group.last_activity = now;
    }
    value_true()
}

/// `POST /leave-group {groupId}` → `{"value": true}`: the connected phone leaves. 404 unknown
/// group; 400 when it is not a member.
///
/// The docs do not say what happens when the last admin leaves. WhatsApp keeps a group with
/// members administered, so the simulator promotes the longest-standing remaining member (the
/// first in the list). A group left empty stays in the state, with no members. Leaving a linked
/// group does not take the connected phone out of the community: it stays in the announcement
/// group, as a member added to the community directly does.
pub(super) fn leave(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let group_id = body.non_empty_string("groupId")?;
    let group = group_or_404(state, &group_id)?;
    let me = state.connected_phone.clone();
    if !is_participant(group, &me) {
        return Err(Refusal::bad_request(format!("the connected phone is not a member of {group_id}")));
    }
    let now = state.tick();
    if let Some(group) = state.group_mut(&group_id) {
        group.participants.retain(|p| p.phone != me);
        if !group.participants.iter().any(|p| p.has_admin_rights()) {
            if let Some(next) = group.participants.first_mut() {
                next.is_admin = true;
            }
        }
        group.last_activity = now;
    }
    state.notify_group(&group_id, Some(&me), "GROUP_PARTICIPANT_LEAVE", std::slice::from_ref(&me), &[]);
    value_true()
}
