//! Who is in a community's announcement group (developer.z-api.io/communities/introduction):
//! linking a group brings its members in; unlinking it (or removing someone from a linked group)
//! takes them out again unless something else keeps them there.

use super::lookup::is_participant;
use super::state::{SimParticipant, SimState};

/// Adds `phones` to the announcement group of `community_id` as plain members; people already
/// there keep their admin flags.
pub(crate) fn add_to_announcement(state: &mut SimState, community_id: &str, phones: &[String]) {
    let Some(announcement) = state.announcement_group_mut(community_id) else {
        return;
    };
    for phone in phones {
        if !is_participant(announcement, phone) {
            announcement.participants.push(SimParticipant::member(phone.clone()));
        }
    }
}

/// Call after `phones` left a linked group of `community_id` (the group was unlinked or they were
/// removed from it): drops from the announcement group every one of them nothing keeps there.
///
/// A person is kept when they are the connected phone, a community admin, a member added to the
/// community directly, or still in another group linked to the community.
pub(crate) fn drop_from_announcement_unless_kept(state: &mut SimState, community_id: &str, phones: &[String]) {
    let leaving: Vec<String> = phones.iter().filter(|p| !is_kept(state, community_id, p)).cloned().collect();
    if let Some(announcement) = state.announcement_group_mut(community_id) {
        announcement.participants.retain(|p| !leaving.contains(&p.phone));
    }
}

fn is_kept(state: &SimState, community_id: &str, phone: &str) -> bool {
    if phone == state.connected_phone {
        return true;
    }
    let admin = state
        .announcement_group(community_id)
        .is_some_and(|g| g.participants.iter().any(|p| p.phone == phone && p.has_admin_rights()));
    let direct = state.active_community(community_id).is_some_and(|c| c.direct_members.iter().any(|m| m == phone));
    let in_other_group = state.linked_groups(community_id).any(|g| is_participant(g, phone));
    admin || direct || in_other_group
}
