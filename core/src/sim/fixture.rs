//! Loading a fixture (a [`SimState`] as JSON): parse, fill the blanks, check the references.
//! The schema is documented on the `sim` module.

use std::collections::HashSet;

use super::handlers::MAX_GROUPS;
use super::state::SimState;
use crate::error::Error;

/// Parses fixture JSON. `connected_phone` fills an empty `connectedPhone`.
///
/// # Errors
/// [`Error::Validation`] (field `fixture…`) for invalid JSON, unknown keys or broken references.
pub(crate) fn parse(json: &str, connected_phone: &str) -> Result<SimState, Error> {
    let invalid_json = |e: serde_json::Error| Error::validation("fixture", e.to_string());
    let value: serde_json::Value = serde_json::from_str(json).map_err(invalid_json)?;
    // serde would also read a struct from an array; a fixture is an object.
    if !value.is_object() {
        return Err(Error::validation("fixture", "must be a JSON object"));
    }
    let state: SimState = serde_json::from_value(value).map_err(invalid_json)?;
    normalize(state, connected_phone)
}

/// Fills defaults (connected phone, owners, times, links) and checks that the state is one the
/// simulator can reach: unique ids, every active community with its own announcement group,
/// every `communityId` naming an active community, at most 50 linked groups each.
///
/// # Errors
/// [`Error::Validation`] naming the offending entry.
pub(crate) fn normalize(mut state: SimState, connected_phone: &str) -> Result<SimState, Error> {
    if state.connected_phone.is_empty() {
        state.connected_phone = connected_phone.to_owned();
    }
    check_ids(&state)?;
    check_communities(&state)?;
    check_groups(&state)?;
    fill_blanks(&mut state);
    Ok(state)
}

fn invalid(field: String, reason: impl Into<String>) -> Error {
    Error::validation(format!("fixture.{field}"), reason)
}

fn check_ids(state: &SimState) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for (i, c) in state.communities.iter().enumerate() {
        if c.id.is_empty() || c.id.ends_with("-group") {
            return Err(invalid(format!("communities[{i}].id"), "must be a bare id without -group"));
        }
        if !seen.insert(c.id.as_str()) {
            return Err(invalid(format!("communities[{i}].id"), format!("{} appears twice", c.id)));
        }
    }
    for (i, g) in state.groups.iter().enumerate() {
        if g.phone.is_empty() || !seen.insert(g.phone.as_str()) {
            return Err(invalid(format!("groups[{i}].phone"), format!("{:?} is empty or appears twice", g.phone)));
        }
    }
    Ok(())
}

fn check_communities(state: &SimState) -> Result<(), Error> {
    for (i, c) in state.communities.iter().enumerate().filter(|(_, c)| !c.deactivated) {
        let field = format!("communities[{i}].announcementGroup");
        let Some(group) = state.group(&c.announcement_group) else {
            return Err(invalid(field, format!("{:?} is not in groups", c.announcement_group)));
        };
        if !group.is_group_announcement || group.community_id.as_deref() != Some(c.id.as_str()) {
            return Err(invalid(field, "must name a group with isGroupAnnouncement true and this communityId"));
        }
        if state.linked_groups(&c.id).count() > MAX_GROUPS {
            return Err(invalid(format!("communities[{i}]"), format!("has more than {MAX_GROUPS} linked groups")));
        }
    }
    Ok(())
}

fn check_groups(state: &SimState) -> Result<(), Error> {
    for (i, g) in state.groups.iter().enumerate() {
        let field = format!("groups[{i}].communityId");
        match (&g.community_id, g.is_group_announcement) {
            (None, true) => return Err(invalid(field, "an announcement group needs its communityId")),
            (None, false) => {}
            (Some(id), announcement) => {
                let Some(community) = state.active_community(id) else {
                    return Err(invalid(field, format!("{id} is not an active community")));
                };
                if announcement && community.announcement_group != g.phone {
                    return Err(invalid(field, format!("community {id} has another announcement group")));
                }
            }
        }
        for (j, phone) in g.pending_requests.iter().enumerate() {
            let field = format!("groups[{i}].pendingRequests[{j}]");
            if !super::body::is_person_id(phone) {
                return Err(invalid(field, format!("{phone:?} is not a phone number (digits)")));
            }
            if super::lookup::is_participant(g, phone) || g.pending_requests[..j].contains(phone) {
                return Err(invalid(field, format!("{phone} is a member already or asks twice")));
            }
        }
    }
    Ok(())
}

fn fill_blanks(state: &mut SimState) {
    let now = state.clock;
    let me = state.connected_phone.clone();
    for i in 0..state.groups.len() {
        if state.groups[i].invitation_link.is_empty() {
            state.groups[i].invitation_link = state.new_invitation_link();
        }
        let group = &mut state.groups[i];
        if group.owner.is_empty() {
            group.owner = me.clone();
        }
        if group.creation == 0 {
            group.creation = now.saturating_mul(1000);
        }
        if group.last_activity == 0 {
            group.last_activity = now;
        }
    }
    for i in 0..state.communities.len() {
        if state.communities[i].invitation_link.is_empty() {
            state.communities[i].invitation_link = state.new_invitation_link();
        }
    }
    for chat in state.contact_chats.iter_mut().filter(|c| c.last_activity == 0) {
        chat.last_activity = now;
    }
}
