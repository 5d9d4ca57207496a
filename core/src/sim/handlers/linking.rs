//! Linking groups to and unlinking them from a community
//! (developer.z-api.io/communities/introduction, developer.z-api.io/communities/link-groups,
//! developer.z-api.io/communities/unlink-groups).

use serde_json::{Value, json};

use super::super::body::JsonBody;
use super::super::membership::{add_to_announcement, drop_from_announcement_unless_kept};
use super::super::reply::{Refusal, ok, success};
use super::super::state::{SimState, WhoCanAddNewGroups};
use super::{Outcome, community_or_404, group_or_404, require_community_admin};
use crate::http::HttpRequest;

/// Most regular groups one community holds (developer.z-api.io/communities/link-groups).
pub(crate) const MAX_GROUPS: usize = 50;

/// `POST /communities/link {communityId, groupsPhones}` → `{"success": true}`.
///
/// - A group already in another community is skipped, the others are linked
///   (developer.z-api.io/communities/link-groups). The docs promise the skipped ones are "indicated
///   in the response" without saying how, so the simulator adds `"skipped": [{"phone": …, "reason":
///   "already in another community"}]` next to `success` (the key is absent when nothing was
///   skipped). When every group was skipped nothing changes and the answer is 200 `{"success":
///   false, "skipped": […]}` (a `false` in a 200 means failure,
///   developer.z-api.io/communities/create-community).
/// - A group already linked to this community counts as linked (a retry is harmless).
/// - Linked groups' members join the announcement group
///   (developer.z-api.io/communities/introduction).
/// - Refusals, nothing changed: 404 unknown community or group; 400 an announcement group in the
///   list, or more than 50 groups after linking (developer.z-api.io/communities/link-groups); 403
///   the connected phone is not a community admin and `whoCanAddNewGroups` is not `all` (or it is
///   not even a member).
pub(super) fn link(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let id = body.non_empty_string("communityId")?;
    let phones = unique(body.string_list("groupsPhones")?);
    let community = community_or_404(state, &id)?;
    let anyone_may_add = community.who_can_add_new_groups == WhoCanAddNewGroups::All;
    let allowed =
        state.connected_is_community_admin(&id) || (anyone_may_add && state.connected_is_community_member(&id));
    if !allowed {
        return Err(Refusal::forbidden(format!(
            "only admins can add groups to community {id} (whoCanAddNewGroups is admins)"
        )));
    }

    let mut to_link = Vec::new();
    let mut skipped = Vec::new();
    for phone in phones {
        let group = group_or_404(state, &phone)?;
        if group.is_group_announcement {
            return Err(Refusal::bad_request(format!("{phone} is an announcement group and cannot be linked")));
        }
        match group.community_id.as_deref() {
            Some(current) if current == id => {}
            Some(_) => skipped.push(json!({ "phone": phone, "reason": "already in another community" })),
            None => to_link.push(phone),
        }
    }
    let already = state.linked_groups(&id).count();
    if already + to_link.len() > MAX_GROUPS {
        return Err(Refusal::bad_request(format!(
            "a community holds at most {MAX_GROUPS} groups: it has {already}, {} more requested",
            to_link.len()
        )));
    }
    if to_link.is_empty() && !skipped.is_empty() {
        return ok(json!({ "success": false, "skipped": skipped }));
    }

    let now = state.tick();
    let mut members = Vec::new();
    for phone in &to_link {
        if let Some(group) = state.group_mut(phone) {
            group.community_id = Some(id.clone());
            group.last_activity = now;
            members.extend(group.participants.iter().map(|p| p.phone.clone()));
        }
    }
    add_to_announcement(state, &id, &members);
    if skipped.is_empty() { success() } else { ok(json!({ "success": true, "skipped": Value::Array(skipped) })) }
}

/// `POST /communities/unlink {communityId, groupsPhones}` → `{"success": true}`.
///
/// Unlinked groups keep existing with `communityId: null`; their members leave the announcement
/// group unless something keeps them (developer.z-api.io/communities/introduction, see
/// `membership`). Refusals, nothing changed: 404 unknown community or group; 403 not a community
/// admin; 400 a group not linked to this community, the announcement group, or a request that would
/// leave no regular group (developer.z-api.io/communities/unlink-groups).
pub(super) fn unlink(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let id = body.non_empty_string("communityId")?;
    let phones = unique(body.string_list("groupsPhones")?);
    community_or_404(state, &id)?;
    require_community_admin(state, &id)?;
    for phone in &phones {
        let group = group_or_404(state, phone)?;
        if group.is_group_announcement {
            return Err(Refusal::bad_request(format!("{phone} is the announcement group and cannot be unlinked")));
        }
        if group.community_id.as_deref() != Some(id.as_str()) {
            return Err(Refusal::bad_request(format!("group {phone} is not linked to community {id}")));
        }
    }
    if state.linked_groups(&id).count() <= phones.len() {
        return Err(Refusal::bad_request(
            "a community must keep at least one group besides the announcement group; unlinking the last one is refused",
        ));
    }

    let now = state.tick();
    let mut members = Vec::new();
    for phone in &phones {
        if let Some(group) = state.group_mut(phone) {
            group.community_id = None;
            group.last_activity = now;
            members.extend(group.participants.iter().map(|p| p.phone.clone()));
        }
    }
    drop_from_announcement_unless_kept(state, &id, &members);
    success()
}

/// The list without repeats, first occurrence kept.
pub(super) fn unique(items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::with_capacity(items.len());
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}
