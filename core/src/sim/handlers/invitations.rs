//! Invitation links: read a group's, or replace a community's or group's
//! (developer.z-api.io/communities/redefine-invitation-link,
//! developer.z-api.io/group/get-invitation-link,
//! developer.z-api.io/group/redefine-invitation-link).

use serde_json::json;

use super::super::reply::{Refusal, ok};
use super::super::state::SimState;
use super::{Outcome, group_or_404, require_community_admin, require_group_admin};

/// `POST /redefine-invitation-link/{id}` → `{"invitationLink": new}`; the old link is revoked.
///
/// One route for both: a group id (`…-group`) rotates that group's link, a bare community id the
/// community's (developer.z-api.io/communities/redefine-invitation-link). 404 when neither exists;
/// 403 when not an admin there.
pub(super) fn redefine(state: &mut SimState, id: &str) -> Outcome {
    if state.group(id).is_some() {
        require_group_admin(state, id)?;
        let link = state.new_invitation_link();
        let now = state.tick();
        if let Some(group) = state.group_mut(id) {
            group.invitation_link = link.clone();
            group.last_activity = now;
        }
        return ok(json!({ "invitationLink": link }));
    }
    if state.active_community(id).is_none() {
        return Err(Refusal::not_found(format!("community or group {id} not found")));
    }
    require_community_admin(state, id)?;
    let link = state.new_invitation_link();
    let now = state.tick();
    let mut announcement = None;
    if let Some(community) = state.active_community_mut(id) {
        community.invitation_link = link.clone();
        announcement = Some(community.announcement_group.clone());
    }
    // The announcement group carries the community's link, so reading it there sees the new one.
    if let Some(group) = announcement.and_then(|a| state.group_mut(&a)) {
        group.invitation_link = link.clone();
        group.last_activity = now;
    }
    ok(json!({ "invitationLink": link }))
}

/// `GET /group-invitation-link/{groupId}` → `{"phone", "invitationLink"}` (the current link;
/// developer.z-api.io/group/get-invitation-link). Only admins see it
/// (developer.z-api.io/group/metadata-group): 403 otherwise; 404 for an unknown group.
pub(super) fn group_link(state: &SimState, id: &str) -> Outcome {
    let group = group_or_404(state, id)?;
    require_group_admin(state, id)?;
    ok(json!({ "phone": group.phone, "invitationLink": group.invitation_link }))
}
