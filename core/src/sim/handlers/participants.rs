//! `add-participant`, `remove-participant`, `add-admin`, `remove-admin`: one route each for
//! communities and groups, told apart by which key the body carries
//! (developer.z-api.io/communities/add-community-participant,
//! developer.z-api.io/group/add-participant).

use super::super::body::{JsonBody, check_person_ids};
use super::super::lookup::is_participant;
use super::super::membership::{add_to_announcement, drop_from_announcement_unless_kept};
use super::super::reply::{Refusal, value_true};
use super::super::state::{SimGroup, SimParticipant, SimState};
use super::linking::unique;
use super::{Outcome, community_or_404, group_or_404, require_community_admin, require_group_admin};
use crate::http::HttpRequest;

/// Whom a participant call is about.
enum Target {
    /// A community (`communityId`, or `groupId` naming its announcement group, which the intro says
    /// is how community members are managed with the group calls:
    /// developer.z-api.io/communities/introduction).
    Community { id: String, announcement: String },
    /// A regular group (`groupId`).
    Group(String),
}

impl Target {
    /// The group whose participant list changes.
    fn group_phone(&self) -> &str {
        match self {
            Target::Community { announcement, .. } => announcement,
            Target::Group(phone) => phone,
        }
    }
}

/// Reads `communityId` xor `groupId` (exactly one: developer.z-api.io/group/add-participant),
/// checks it exists (404) and that the connected phone is an admin there (403); both keys or
/// neither → 400.
fn target(state: &SimState, body: &JsonBody) -> Result<Target, Refusal> {
    let target = match (body.has("communityId"), body.has("groupId")) {
        (true, true) => return Err(Refusal::bad_request("send exactly one of communityId and groupId, not both")),
        (false, false) => return Err(Refusal::bad_request("communityId or groupId is required")),
        (true, false) => {
            let id = body.non_empty_string("communityId")?;
            let announcement = community_or_404(state, &id)?.announcement_group.clone();
            Target::Community { id, announcement }
        }
        (false, true) => {
            let phone = body.non_empty_string("groupId")?;
            let group = group_or_404(state, &phone)?;
            match (&group.community_id, group.is_group_announcement) {
                (Some(id), true) => Target::Community { id: id.clone(), announcement: phone },
                (None, true) => return Err(Refusal::inconsistent("announcement group without a community")),
                _ => Target::Group(phone),
            }
        }
    };
    match &target {
        Target::Community { id, .. } => require_community_admin(state, id)?,
        Target::Group(phone) => require_group_admin(state, phone)?,
    }
    Ok(target)
}

/// The phones of a participant call: a non-empty list of digits-only numbers
/// (developer.z-api.io/group/introduction).
fn phones(body: &JsonBody) -> Result<Vec<String>, Refusal> {
    let phones = unique(body.string_list("phones")?);
    check_person_ids("phones", &phones)?;
    Ok(phones)
}

fn group_of<'a>(state: &'a SimState, target: &Target) -> Result<&'a SimGroup, Refusal> {
    state.group(target.group_phone()).ok_or_else(|| Refusal::inconsistent("announcement group missing"))
}

/// Counts `count` numbers against the per-minute add limit, refusing the request whole when the
/// last 60 seconds of the clock have no room for them.
fn within_add_limit(state: &mut SimState, count: usize) -> Result<(), Refusal> {
    let Some(limit) = state.limits.adds_per_minute else { return Ok(()) };
    let now = state.clock;
    state.recent_adds.retain(|(at, _)| now < at + 60);
    let used: u64 = state.recent_adds.iter().map(|(_, n)| u64::from(*n)).sum();
    if used + count as u64 > u64::from(limit) {
        let oldest = state.recent_adds.first().map_or(now, |(at, _)| *at);
        let status = state.limits.add_limit_status.unwrap_or(429);
        return Err(Refusal::add_limit(status, (oldest + 60).saturating_sub(now).max(1)));
    }
    state.recent_adds.push((now, u32::try_from(count).unwrap_or(u32::MAX)));
    Ok(())
}

/// `POST /add-participant {autoInvite, communityId|groupId, phones}` → `{"value": true}`.
///
/// Community: the people join the announcement group and are remembered as direct members. Group:
/// they join the group and, if it is linked, the announcement group too
/// (developer.z-api.io/communities/introduction). People whose privacy refuses a direct add
/// (`refusesAdds`) are left out, and with `autoInvite` sent the link instead (`invited`); the
/// answer is `{"value": true}` all the same, since the service reports no per-number outcome
/// (developer.z-api.io/communities/add-community-participant).
pub(super) fn add_participants(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let auto_invite = body.optional_bool("autoInvite")?.unwrap_or(false);
    let requested = phones(&body)?;
    let target = target(state, &body)?;
    within_add_limit(state, requested.len())?;
    let (refused, phones): (Vec<String>, Vec<String>) =
        requested.into_iter().partition(|p| state.refuses_adds.contains(p));
    let now = state.tick();
    if let Some(group) = state.group_mut(target.group_phone()) {
        for phone in &phones {
            if !is_participant(group, phone) {
                group.participants.push(SimParticipant::member(phone.clone()));
            }
        }
        if auto_invite {
            for phone in &refused {
                if !is_participant(group, phone) && !group.invited.contains(phone) {
                    group.invited.push(phone.clone());
                }
            }
        }
        group.last_activity = now;
    }
    if phones.is_empty() {
        return value_true();
    }
    let me = state.connected_phone.clone();
    state.notify_group(target.group_phone(), Some(&me), "GROUP_PARTICIPANT_ADD", &phones, &[]);
    match &target {
        Target::Community { id, .. } => {
            if let Some(community) = state.active_community_mut(id) {
                for phone in &phones {
                    if !community.direct_members.contains(phone) {
                        community.direct_members.push(phone.clone());
                    }
                }
            }
        }
        Target::Group(phone) => {
            if let Some(community_id) = state.group(phone).and_then(|g| g.community_id.clone()) {
                add_to_announcement(state, &community_id, &phones);
            }
        }
    }
    value_true()
}

/// `POST /remove-participant {communityId|groupId, phones}` → `{"value": true}`.
///
/// Community: the people leave the announcement group and every group linked to it. Group: they
/// leave the group and, if it is linked, the announcement group unless something keeps them.
/// People who are not members are ignored. Refusals: 400 for the connected phone itself or a
/// super admin (the creator), which cannot be removed.
pub(super) fn remove_participants(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let phones = phones(&body)?;
    let target = target(state, &body)?;
    let group = group_of(state, &target)?;
    check_removable(state, group, &phones)?;
    let now = state.tick();
    let me = state.connected_phone.clone();
    state.notify_group(target.group_phone(), Some(&me), "GROUP_PARTICIPANT_REMOVE", &phones, &[]);
    match &target {
        Target::Community { id, announcement } => {
            for group in
                state.groups.iter_mut().filter(|g| g.phone == *announcement || g.community_id.as_deref() == Some(id))
            {
                group.participants.retain(|p| !phones.contains(&p.phone));
                group.last_activity = now;
            }
            if let Some(community) = state.active_community_mut(id) {
                community.direct_members.retain(|m| !phones.contains(m));
            }
        }
        Target::Group(phone) => {
            let mut community_id = None;
            if let Some(group) = state.group_mut(phone) {
                group.participants.retain(|p| !phones.contains(&p.phone));
                group.last_activity = now;
                community_id = group.community_id.clone();
            }
            if let Some(community_id) = community_id {
                drop_from_announcement_unless_kept(state, &community_id, &phones);
            }
        }
    }
    value_true()
}

fn check_removable(state: &SimState, group: &SimGroup, phones: &[String]) -> Result<(), Refusal> {
    if phones.contains(&state.connected_phone) {
        return Err(Refusal::bad_request("the connected phone cannot remove itself"));
    }
    if let Some(owner) = group.participants.iter().find(|p| p.is_super_admin && phones.contains(&p.phone)) {
        return Err(Refusal::bad_request(format!("{} is the creator and cannot be removed", owner.phone)));
    }
    Ok(())
}

/// `POST /add-admin {communityId|groupId, phones}` → `{"value": true}`. In a community the
/// people become admins of the announcement group, i.e. community admins. Everyone must already
/// be a member (400 otherwise).
pub(super) fn promote(state: &mut SimState, request: &HttpRequest) -> Outcome {
    set_admin(state, request, true)
}

/// `POST /remove-admin {communityId|groupId, phones}` → `{"value": true}`. Everyone must be a
/// member (400) and none may be the creator (super admin, 400).
pub(super) fn demote(state: &mut SimState, request: &HttpRequest) -> Outcome {
    set_admin(state, request, false)
}

fn set_admin(state: &mut SimState, request: &HttpRequest, admin: bool) -> Outcome {
    let body = JsonBody::parse(request)?;
    let phones = phones(&body)?;
    let target = target(state, &body)?;
    let group = group_of(state, &target)?;
    for phone in &phones {
        let Some(member) = group.participants.iter().find(|p| p.phone == *phone) else {
            return Err(Refusal::bad_request(format!("{phone} is not a member of {}", group.phone)));
        };
        if !admin && member.is_super_admin {
            return Err(Refusal::bad_request(format!("{phone} is the creator and cannot be demoted")));
        }
    }
    let now = state.tick();
    if let Some(group) = state.group_mut(target.group_phone()) {
        for member in group.participants.iter_mut().filter(|p| phones.contains(&p.phone)) {
            member.is_admin = admin;
        }
        group.last_activity = now;
    }
    value_true()
}
