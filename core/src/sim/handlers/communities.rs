//! Community lifecycle and preferences: create, list, metadata, deactivate, settings, description
//! and photo (developer.z-api.io/communities/create-community,
//! developer.z-api.io/communities/deactivate-community,
//! developer.z-api.io/communities/community-settings,
//! developer.z-api.io/communities/update-community-description,
//! developer.z-api.io/communities/update-community-photo).

use serde_json::{Value, json};

use super::super::body::JsonBody;
use super::super::reply::{Refusal, empty_ok, ok, success, value_true};
use super::super::state::{SimCommunity, SimGroup, SimParticipant, SimState, WhoCanAddNewGroups};
use super::paging::{Page, paged};
use super::{Outcome, community_or_404, require_community_admin};
use crate::http::HttpRequest;

/// `POST /communities {name, description?}` → `{id, subGroups:[announcement group]}`.
///
/// Creating a community creates its announcement group with the same name, the connected phone as
/// its creator (super admin), and that group is the only sub-group
/// (developer.z-api.io/communities/introduction, developer.z-api.io/communities/create-community).
pub(super) fn create(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let name = body.non_empty_string("name")?;
    let description = body.optional_string("description")?.unwrap_or_default();

    let now = state.tick();
    let id = state.new_community_id();
    let announcement = state.new_group_id();
    // The community's invite link is its announcement group's link: it is read from that group
    // and reset with the community id (developer.z-api.io/communities/redefine-invitation-link).
    let link = state.new_invitation_link();
    let me = state.connected_phone.clone();
    state.groups.push(SimGroup {
        phone: announcement.clone(),
        name: name.clone(),
        description: String::new(),
        owner: me.clone(),
        creation: now.saturating_mul(1000),
        community_id: Some(id.clone()),
        is_group_announcement: true,
        participants: vec![SimParticipant { phone: me, is_admin: true, is_super_admin: true }],
        invitation_link: link.clone(),
        // Only admins post in an announcement group (developer.z-api.io/communities/introduction).
        admin_only_message: true,
        admin_only_settings: true,
        require_admin_approval: false,
        admin_only_add_member: true,
        last_activity: now,
        photo: None,
        pending_requests: Vec::new(),
        members_share_link: false,
        invited: Vec::new(),
    });
    state.communities.push(SimCommunity {
        id: id.clone(),
        name: name.clone(),
        description,
        photo: None,
        announcement_group: announcement.clone(),
        who_can_add_new_groups: WhoCanAddNewGroups::Admins,
        invitation_link: link,
        direct_members: Vec::new(),
        deactivated: false,
    });
    ok(json!({
        "id": id,
        "subGroups": [{ "name": name, "phone": announcement, "isGroupAnnouncement": true }],
    }))
}

/// `GET /communities?page=&pageSize=` → bare array of `{name, id}`
/// (developer.z-api.io/communities/list-communities); paging optional.
pub(super) fn list(state: &SimState, request: &HttpRequest) -> Outcome {
    let page = Page::from_query(state, request, false)?;
    let items: Vec<Value> =
        state.communities.iter().filter(|c| !c.deactivated).map(|c| json!({ "name": c.name, "id": c.id })).collect();
    ok(Value::Array(paged(page, items)))
}

/// `GET /communities-metadata/{id}` → `{name, id, description, subGroups}`, the announcement
/// group first, then the linked groups (developer.z-api.io/communities/community-metadata).
pub(super) fn metadata(state: &SimState, id: &str) -> Outcome {
    let community = community_or_404(state, id)?;
    let mut sub_groups = Vec::new();
    if let Some(announcement) = state.announcement_group(id) {
        sub_groups.push(sub_group(announcement));
    }
    sub_groups.extend(state.linked_groups(id).map(sub_group));
    ok(json!({
        "name": community.name,
        "id": community.id,
        "description": community.description,
        "subGroups": sub_groups,
    }))
}

fn sub_group(group: &SimGroup) -> Value {
    json!({ "name": group.name, "phone": group.phone, "isGroupAnnouncement": group.is_group_announcement })
}

/// `DELETE /communities/{id}` → 200 with an empty body
/// (developer.z-api.io/communities/deactivate-community documents none).
///
/// Every linked group is detached and kept (developer.z-api.io/communities/deactivate-community):
/// it stays in `/chats` and its metadata shows `communityId: null`. The announcement group exists
/// only for the community, so it goes. The community stays in the state flagged `deactivated` and
/// answers 404 from then on.
pub(super) fn deactivate(state: &mut SimState, id: &str) -> Outcome {
    community_or_404(state, id)?;
    require_community_admin(state, id)?;
    let announcement = state.active_community(id).map(|c| c.announcement_group.clone()).unwrap_or_default();
    let now = state.tick();
    for group in state.groups.iter_mut().filter(|g| g.community_id.as_deref() == Some(id)) {
        group.community_id = None;
        group.last_activity = now;
    }
    state.groups.retain(|g| g.phone != announcement);
    if let Some(community) = state.active_community_mut(id) {
        community.deactivated = true;
    }
    empty_ok()
}

/// `POST /communities/settings {communityId, whoCanAddNewGroups: "admins"|"all"}` →
/// `{"success":true}` (developer.z-api.io/communities/community-settings).
pub(super) fn settings(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let id = body.non_empty_string("communityId")?;
    let who = match body.string("whoCanAddNewGroups")?.as_str() {
        "admins" => WhoCanAddNewGroups::Admins,
        "all" => WhoCanAddNewGroups::All,
        _ => return Err(Refusal::bad_request("whoCanAddNewGroups must be \"admins\" or \"all\"")),
    };
    community_or_404(state, &id)?;
    require_community_admin(state, &id)?;
    state.tick();
    if let Some(community) = state.active_community_mut(&id) {
        community.who_can_add_new_groups = who;
    }
    success()
}

/// `POST /update-community-description {communityId, communityDescription}` → `{"value":true}`.
/// Only admins may change it (developer.z-api.io/communities/update-community-description); an
/// empty description clears it.
pub(super) fn update_description(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let id = body.non_empty_string("communityId")?;
    let description = body.string("communityDescription")?;
    community_or_404(state, &id)?;
    require_community_admin(state, &id)?;
    state.tick();
    if let Some(community) = state.active_community_mut(&id) {
        community.description = description;
    }
    value_true()
}

/// `POST /update-community-photo {communityId, communityPhoto}` → `{"value":true}`
/// (developer.z-api.io/communities/update-community-photo); the photo is a URL or Base64, stored as
/// given.
pub(super) fn update_photo(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let id = body.non_empty_string("communityId")?;
    let photo = body.non_empty_string("communityPhoto")?;
    community_or_404(state, &id)?;
    require_community_admin(state, &id)?;
    state.tick();
    if let Some(community) = state.active_community_mut(&id) {
        community.photo = Some(photo);
    }
    value_true()
}
