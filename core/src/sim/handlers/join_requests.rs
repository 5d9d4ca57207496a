//! Joining a group: by its invitation link, or by an admin's approval of a join request
//! (developer.z-api.io/group/accept-group-invite, developer.z-api.io/group/group-invitation-metadata,
//! developer.z-api.io/group/approve-participant, developer.z-api.io/group/reject-participant).
//!
//! The docs have no call that lists pending requests (they reach the user as
//! `MEMBERSHIP_APPROVAL_REQUEST` webhooks), so they live in each group's `pendingRequests`,
//! seeded by fixtures or by someone following the link ([`join_by_link`], the control API's
//! `POST /__sim/invite-joins`), and withdrawn by them ([`withdraw_request`]).

use serde_json::{Value, json};

use super::super::body::{JsonBody, check_person_ids};
use super::super::lookup::is_participant;
use super::super::membership::add_to_announcement;
use super::super::reply::{Refusal, ok, success, value_true};
use super::super::state::{SimGroup, SimParticipant, SimState};
use super::linking::unique;
use super::{Outcome, group_or_404, require_group_admin};
use crate::http::HttpRequest;
use crate::webhook::LinkMode;

/// What following an invitation link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteJoin {
    /// The person is a member now.
    Joined,
    /// The group requires an admin's approval: the person waits in its join requests.
    Requested,
    /// The person was a member already; nothing changed.
    AlreadyMember,
}

impl InviteJoin {
    /// `joined`, `requested` or `already_member`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Joined => "joined",
            Self::Requested => "requested",
            Self::AlreadyMember => "already_member",
        }
    }
}

/// `phone` follows the invitation link `link` (a full link or its code): in a group with
/// `requireAdminApproval` that is a join request, else they join (and, in a linked group, the
/// community's announcement group too).
pub(crate) fn join_by_link(state: &mut SimState, link: &str, phone: &str) -> Result<InviteJoin, Refusal> {
    check_person_ids("phone", &[phone.to_owned()])?;
    let group = group_by_link(state, link)?;
    let group_id = group.phone.clone();
    if is_participant(group, phone) {
        return Ok(InviteJoin::AlreadyMember);
    }
    let requires_approval = group.require_admin_approval;
    let now = state.tick();
    let Some(group) = state.group_mut(&group_id) else {
        return Err(Refusal::inconsistent("group vanished"));
    };
    group.last_activity = now;
    let who = [phone.to_owned()];
    if requires_approval {
        if !group.pending_requests.iter().any(|p| p == phone) {
            group.pending_requests.push(phone.to_owned());
        }
        let method = [("requestMethod", "invite_link")];
        state.notify_group(&group_id, Some(phone), "MEMBERSHIP_APPROVAL_REQUEST", &who, &method);
        return Ok(InviteJoin::Requested);
    }
    admit(state, &group_id, &who);
    state.notify_group(&group_id, Some(phone), "GROUP_PARTICIPANT_ADD", &who, &[]);
    Ok(InviteJoin::Joined)
}

/// `phone` withdraws their request to join `group_id`, as they can in the WhatsApp app: `true`
/// (and a `REVOKED_MEMBERSHIP_REQUESTS`) if they had one, `false` if not.
pub(crate) fn withdraw_request(state: &mut SimState, group_id: &str, phone: &str) -> Result<bool, Refusal> {
    check_person_ids("phone", &[phone.to_owned()])?;
    let group = state.group(group_id).ok_or_else(|| Refusal::not_found("group not found"))?;
    if !group.pending_requests.iter().any(|p| p == phone) {
        return Ok(false);
    }
    let now = state.tick();
    let Some(group) = state.group_mut(group_id) else {
        return Err(Refusal::inconsistent("group vanished"));
    };
    group.pending_requests.retain(|p| p != phone);
    group.last_activity = now;
    state.notify_group(group_id, Some(phone), "REVOKED_MEMBERSHIP_REQUESTS", &[phone.to_owned()], &[]);
    Ok(true)
}

/// An admin of `group_id` sets in the WhatsApp app who may share its invitation link: `true`
/// (and a `GROUP_MEMBER_LINK_PROPERTY_UPDATE` with its `linkMode`) if that changed it.
pub(crate) fn set_link_mode(state: &mut SimState, group_id: &str, mode: LinkMode) -> Result<bool, Refusal> {
    let group = state.group(group_id).ok_or_else(|| Refusal::not_found("group not found"))?;
    let all = mode == LinkMode::AllMembers;
    if group.members_share_link == all {
        return Ok(false);
    }
    let admin = group.participants.iter().find(|p| p.is_super_admin).map(|p| p.phone.clone());
    let now = state.tick();
    let Some(group) = state.group_mut(group_id) else {
        return Err(Refusal::inconsistent("group vanished"));
    };
    group.members_share_link = all;
    group.last_activity = now;
    let link_mode = [("linkMode", if all { "ALL_MEMBER_LINK" } else { "ADMIN_LINK" })];
    state.notify_group(group_id, admin.as_deref(), "GROUP_MEMBER_LINK_PROPERTY_UPDATE", &[], &link_mode);
    Ok(true)
}

/// The group whose current link is `link` (or ends in its code); 404 otherwise, as for a revoked
/// link.
fn group_by_link<'a>(state: &'a SimState, link: &str) -> Result<&'a SimGroup, Refusal> {
    let code = link.trim().rsplit('/').next().unwrap_or_default();
    state
        .groups
        .iter()
        .find(|g| !code.is_empty() && g.invitation_link.rsplit('/').next() == Some(code))
        .ok_or_else(|| Refusal::not_found("invitation link not found or revoked"))
}

/// Makes `phones` members of `group_id` and, for a linked group, of its announcement group.
fn admit(state: &mut SimState, group_id: &str, phones: &[String]) {
    let Some(group) = state.group_mut(group_id) else { return };
    for phone in phones {
        if !is_participant(group, phone) {
            group.participants.push(SimParticipant::member(phone.clone()));
        }
    }
    let community = group.community_id.clone().filter(|_| !group.is_group_announcement);
    if let Some(community_id) = community {
        add_to_announcement(state, &community_id, phones);
    }
}

/// `GET /accept-invite-group?url=` → `{"success": true}`: the connected phone follows the link
/// (a join request where an admin must approve). 400 without `url`; 404 for a link no group has.
pub(super) fn accept_invite(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let url = query_url(request)?;
    let me = state.connected_phone.clone();
    join_by_link(state, &url, &me)?;
    success()
}

/// `GET /group-invitation-metadata?url=` → the group behind the link: the English example's
/// `phone`, `owner`, `subject`, `creation`, `participants`, `subjectTime`, `subjectOwner`, with
/// the Portuguese one's `description` and `participantsCount`. 400 without `url`; 404 for a link
/// no group has.
pub(super) fn invitation_metadata(state: &SimState, request: &HttpRequest) -> Outcome {
    let url = query_url(request)?;
    let group = group_by_link(state, &url)?;
    let participants: Vec<Value> = group
        .participants
        .iter()
        .map(|p| json!({ "phone": p.phone, "isAdmin": p.is_admin, "isSuperAdmin": p.is_super_admin }))
        .collect();
    ok(json!({
        "phone": group.phone,
        "owner": group.owner,
        "subject": group.name,
        "description": group.description,
        "creation": group.creation,
        "participantsCount": group.participants.len(),
        "participants": participants,
        "subjectTime": group.creation,
        "subjectOwner": group.owner,
    }))
}

fn query_url(request: &HttpRequest) -> Result<String, Refusal> {
    match request.query.iter().find(|(k, _)| k == "url") {
        Some((_, url)) if !url.trim().is_empty() => Ok(url.clone()),
        _ => Err(Refusal::bad_request("url is required")),
    }
}

/// `POST /approve-participant {groupId, phones}` → `{"value": true}`: each requester becomes a
/// member (of the announcement group too, for a linked group). Numbers with no pending request
/// are ignored, as the service reports nothing per number. 404 unknown group; 403 not an admin.
pub(super) fn approve(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let (group_id, phones) = decision(state, request)?;
    let now = state.tick();
    let mut approved = Vec::new();
    if let Some(group) = state.group_mut(&group_id) {
        approved = group.pending_requests.iter().filter(|p| phones.contains(p)).cloned().collect();
        group.pending_requests.retain(|p| !phones.contains(p));
        group.last_activity = now;
    }
    admit(state, &group_id, &approved);
    if !approved.is_empty() {
        let me = state.connected_phone.clone();
        state.notify_group(&group_id, Some(&me), "GROUP_PARTICIPANT_ADD", &approved, &[]);
    }
    value_true()
}

/// `POST /reject-participant {groupId, phones}` → `{"value": true}`: the requests are dropped.
/// 404 unknown group; 403 not an admin.
pub(super) fn reject(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let (group_id, phones) = decision(state, request)?;
    let now = state.tick();
    if let Some(group) = state.group_mut(&group_id) {
        group.pending_requests.retain(|p| !phones.contains(p));
        group.last_activity = now;
    }
    value_true()
}

/// The group and numbers of an approve or reject, checked.
fn decision(state: &SimState, request: &HttpRequest) -> Result<(String, Vec<String>), Refusal> {
    let body = JsonBody::parse(request)?;
    let group_id = body.non_empty_string("groupId")?;
    let phones = unique(body.string_list("phones")?);
    check_person_ids("phones", &phones)?;
    group_or_404(state, &group_id)?;
    require_group_admin(state, &group_id)?;
    Ok((group_id, phones))
}
