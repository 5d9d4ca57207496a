//! Groups: create, metadata (full and light) and settings (developer.z-api.io/group/metadata-group,
//! developer.z-api.io/group/light-metadata-group, developer.z-api.io/group/update-group-settings,
//! developer.z-api.io/group/create-group).

use serde_json::{Value, json};

use super::super::body::{JsonBody, check_person_ids};
use super::super::reply::{Refusal, ok, value_true};
use super::super::state::{SimGroup, SimParticipant, SimState};
use super::linking::unique;
use super::{Outcome, group_or_404, require_group_admin};
use crate::http::HttpRequest;

/// `POST /create-group {autoInvite, groupName, phones}` → `{"phone": "<id>-group", "invitationLink"}`.
///
/// The connected phone creates the group and is its super admin; it must not be listed in `phones`
/// (400), and at least one valid contact is needed (400) (developer.z-api.io/group/create-group).
pub(super) fn create(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    body.optional_bool("autoInvite")?;
    let name = body.non_empty_string("groupName")?;
    let phones = unique(body.string_list("phones")?);
    check_person_ids("phones", &phones)?;
    let me = state.connected_phone.clone();
    if phones.contains(&me) {
        return Err(Refusal::bad_request("phones must not include the connected phone"));
    }
    let now = state.tick();
    let phone = state.new_group_id();
    let link = state.new_invitation_link();
    let mut participants = vec![SimParticipant { phone: me.clone(), is_admin: true, is_super_admin: true }];
    participants.extend(phones.into_iter().map(SimParticipant::member));
    state.groups.push(SimGroup {
        phone: phone.clone(),
        name: name.clone(),
        description: String::new(),
        owner: me.clone(),
        creation: now.saturating_mul(1000),
        community_id: None,
        is_group_announcement: false,
        participants,
        invitation_link: link.clone(),
        admin_only_message: false,
        admin_only_settings: false,
        require_admin_approval: false,
        admin_only_add_member: false,
        last_activity: now,
        photo: None,
        pending_requests: Vec::new(),
        members_share_link: false,
        invited: Vec::new(),
    });
    state.notify_group(&phone, Some(&me), "GROUP_CREATE", std::slice::from_ref(&name), &[]);
    ok(json!({ "phone": phone, "invitationLink": link }))
}

/// `GET /group-metadata/{id}` (`full`) and `GET /light-group-metadata/{id}` (not `full`).
///
/// Shape of developer.z-api.io/group/metadata-group: `communityId` is set for linked and
/// announcement groups, null otherwise; participants carry boolean `isAdmin`/`isSuperAdmin`. The
/// full variant returns the link only when the connected phone is admin, else `invitationLink:
/// null` with `invitationLinkError: "not-authorized"`; the light one always has both null
/// (developer.z-api.io/group/light-metadata-group).
pub(super) fn metadata(state: &SimState, id: &str, full: bool) -> Outcome {
    let group = group_or_404(state, id)?;
    let (link, link_error) = match (full, state.connected_is_group_admin(group)) {
        (false, _) => (Value::Null, Value::Null),
        (true, true) => (json!(group.invitation_link), Value::Null),
        (true, false) => (Value::Null, json!("not-authorized")),
    };
    let participants: Vec<Value> = group
        .participants
        .iter()
        .map(|p| json!({ "phone": p.phone, "isAdmin": p.is_admin, "isSuperAdmin": p.is_super_admin }))
        .collect();
    ok(json!({
        "phone": group.phone,
        "description": group.description,
        "owner": group.owner,
        "subject": group.name,
        "creation": group.creation,
        "invitationLink": link,
        "invitationLinkError": link_error,
        "communityId": group.community_id,
        "adminOnlyMessage": group.admin_only_message,
        "adminOnlySettings": group.admin_only_settings,
        "requireAdminApproval": group.require_admin_approval,
        "isGroupAnnouncement": group.is_group_announcement,
        "participants": participants,
        "subjectTime": group.creation,
        "subjectOwner": group.owner,
    }))
}

/// Sets one flag of a group.
type FlagSetter = fn(&mut SimGroup, bool);

/// The four flags of `update-group-settings`, as (wire key, setter).
const FLAGS: [(&str, FlagSetter); 4] = [
    ("adminOnlyMessage", |g, v| g.admin_only_message = v),
    ("adminOnlySettings", |g, v| g.admin_only_settings = v),
    ("requireAdminApproval", |g, v| g.require_admin_approval = v),
    ("adminOnlyAddMember", |g, v| g.admin_only_add_member = v),
];

/// `POST /update-group-settings {phone, adminOnlyMessage, adminOnlySettings, requireAdminApproval,
/// adminOnlyAddMember}` → `{"value": true}` (developer.z-api.io/group/update-group-settings).
///
/// The page lists all five as required while the HAR sample sends `groupId` and one flag
/// (developer.z-api.io/group/update-group-settings, whose examples disagree), so the simulator takes
/// the group from `phone` or `groupId` and changes only the flags present (at least one, each a
/// boolean). 404 unknown group; 403 not an admin.
pub(super) fn update_settings(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let phone = match (body.has("phone"), body.has("groupId")) {
        (true, _) => body.non_empty_string("phone")?,
        (false, true) => body.non_empty_string("groupId")?,
        (false, false) => return Err(Refusal::bad_request("phone is required")),
    };
    let mut changes = Vec::new();
    for (key, set) in FLAGS {
        if let Some(value) = body.optional_bool(key)? {
            changes.push((set, value));
        }
    }
    if changes.is_empty() {
        return Err(Refusal::bad_request(
            "at least one of adminOnlyMessage, adminOnlySettings, requireAdminApproval, adminOnlyAddMember is required",
        ));
    }
    group_or_404(state, &phone)?;
    require_group_admin(state, &phone)?;
    let now = state.tick();
    if let Some(group) = state.group_mut(&phone) {
        for (set, value) in changes {
            set(group, value);
        }
        group.last_activity = now;
    }
    value_true()
}
