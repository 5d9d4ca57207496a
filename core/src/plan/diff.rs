//! The sans-IO half of planning: a checked spec against the state the client read.

use std::collections::HashSet;

use super::change::{Plan, PlanChange, PlanStep, PlannedGroup};
use super::spec::{ValidGroup, ValidSpec};
use crate::error::Error;
use crate::model::{CommunityId, GroupId, Participant, Phone};

/// What the service reported about the community and the groups its spec names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CurrentState {
    /// The community with the spec's name, if the account has one.
    pub community: Option<CurrentCommunity>,
    /// The groups the spec names that exist: linked to the community, or belonging to none.
    pub groups: Vec<CurrentGroup>,
}

/// The community as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentCommunity {
    /// Its id.
    pub id: CommunityId,
    /// Its description.
    pub description: Option<String>,
    /// Its regular groups, id and name.
    pub linked: Vec<(GroupId, String)>,
    /// The members of its announcement group (its admins are the community's); read only when
    /// the spec lists the community's admins, else empty.
    pub members: Vec<Participant>,
}

/// A group the spec names, as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentGroup {
    /// Which of the spec's groups it is (its index in `groups`).
    pub index: usize,
    /// Its id.
    pub id: GroupId,
    /// Its name, as the service reports it.
    pub name: String,
    /// Whether it is linked to the community.
    pub linked: bool,
    /// Its members.
    pub participants: Vec<Participant>,
}

/// The steps that take `state` to `spec`, in the safe order ([`PlanChange::phase`]).
///
/// # Errors
/// [`Error::Validation`] for a spec the service could not reach: a new group without members
/// (`groups[i].members`), an `id` the state lacks (`groups[i].id`), two spec groups that are one
/// group (one by id, one by its current name), a community admin who is in none of its groups
/// (`admins[i]`).
pub fn diff(spec: &ValidSpec, state: &CurrentState) -> Result<Plan, Error> {
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    let community = state.community.as_ref();
    match community {
        None => {
            steps.push(PlanStep::new(
                PlanChange::CreateCommunity { name: spec.name.clone(), description: spec.description.clone() },
                format!("the account has no community named {:?}", spec.name),
            ));
            if let Some(photo) = &spec.photo {
                let change = PlanChange::UpdatePhoto { photo: photo.as_str().to_owned() };
                steps.push(PlanStep::new(change, "the spec sets a photo for the new community"));
            }
            if let Some(who) = spec.who_can_add_new_groups {
                let change = PlanChange::UpdateSettings { who_can_add_new_groups: who };
                steps.push(PlanStep::new(change, "the spec sets who may add groups to the new community"));
            }
        }
        Some(current) => {
            if let Some(wanted) = &spec.description
                && current.description.as_deref().unwrap_or("").trim() != wanted
            {
                let change = PlanChange::UpdateDescription { description: wanted.clone() };
                steps.push(PlanStep::new(change, "the description differs from the spec"));
            }
            if spec.photo.is_some() {
                notes.push("photo: the service does not report a community's photo; it is set only on creation".into());
            }
            if spec.who_can_add_new_groups.is_some() {
                notes.push("settings: the service does not report a community's settings; set only on creation".into());
            }
        }
    }

    let mut to_link = Vec::new();
    let mut known_members: HashSet<&str> = HashSet::new();
    if let Some(current) = community {
        known_members.extend(current.members.iter().map(|p| p.phone.as_str()));
    }
    for (i, group) in spec.groups.iter().enumerate() {
        match state.groups.iter().find(|g| g.index == i) {
            None => {
                if let Some(id) = &group.id {
                    let reason = format!("{} is not a group of the account outside other communities", id.as_str());
                    return Err(Error::validation(format!("groups[{i}].id"), reason));
                }
                let members = group.members.as_deref().unwrap_or_default();
                if members.is_empty() {
                    return Err(Error::validation(
                        format!("groups[{i}].members"),
                        "a new group needs at least one member besides the account",
                    ));
                }
                known_members.extend(members.iter().map(Phone::as_str));
                let planned = PlannedGroup { name: group.name.clone(), id: None };
                steps.push(PlanStep::new(
                    PlanChange::CreateGroup { name: group.name.clone(), members: strings(members) },
                    format!("the account has no group named {:?} outside other communities", group.name),
                ));
                to_link.push(planned.clone());
                if let Some(admins) = group.admins.as_ref().filter(|a| !a.is_empty()) {
                    let change = PlanChange::AddAdmins { group: Some(planned), phones: strings(admins) };
                    steps.push(PlanStep::new(change, "the spec lists them as admins of the new group"));
                }
            }
            Some(current) => {
                if let Some(first) = state.groups.iter().find(|g| g.id == current.id && g.index < i) {
                    let part = if group.id.is_some() { "id" } else { "name" };
                    let reason = format!("names the group groups[{}] names ({})", first.index, current.id.as_str());
                    return Err(Error::validation(format!("groups[{i}].{part}"), reason));
                }
                known_members.extend(current.participants.iter().map(|p| p.phone.as_str()));
                if let Some(members) = &group.members {
                    known_members.extend(members.iter().map(Phone::as_str));
                }
                let planned = PlannedGroup { name: group.name.clone(), id: Some(current.id.clone()) };
                if current.name != group.name {
                    let renamed = PlannedGroup { name: current.name.clone(), id: planned.id.clone() };
                    let change = PlanChange::RenameGroup { group: renamed, name: group.name.clone() };
                    steps.push(PlanStep::new(change, "the spec gives the group by its id, under another name"));
                }
                if !current.linked {
                    to_link.push(planned.clone());
                }
                membership(&mut steps, group, &current.participants, &planned);
            }
        }
    }
    if !to_link.is_empty() {
        let change = PlanChange::LinkGroups { groups: to_link.clone() };
        steps.push(PlanStep::new(change, "the spec lists them and they are not linked to the community"));
    }

    if let Some(current) = community {
        let wanted: HashSet<&GroupId> = state.groups.iter().map(|g| &g.id).collect();
        let mut to_unlink: Vec<PlannedGroup> = current
            .linked
            .iter()
            .filter(|(id, _)| !wanted.contains(id))
            .map(|(id, name)| PlannedGroup { name: name.clone(), id: Some(id.clone()) })
            .collect();
        if !to_unlink.is_empty() && to_unlink.len() == current.linked.len() && to_link.is_empty() {
            let kept = to_unlink.remove(0);
            notes.push(format!("{:?} stays linked: a community keeps at least one regular group", kept.name));
        }
        if !to_unlink.is_empty() {
            let change = PlanChange::UnlinkGroups { groups: to_unlink };
            steps.push(PlanStep::new(change, "they are linked to the community and the spec does not list them"));
        }
    }

    if let Some(admins) = &spec.admins {
        if let Some((i, phone)) = admins.iter().enumerate().find(|(_, p)| !known_members.contains(p.as_str())) {
            return Err(Error::validation(
                format!("admins[{i}]"),
                format!("{} is in none of the community's groups, so it cannot be made an admin", phone.as_str()),
            ));
        }
        let members = community.map(|c| c.members.as_slice()).unwrap_or_default();
        admin_changes(&mut steps, admins, members, None, "the community");
    }

    steps.sort_by_key(|s| s.change.phase());
    Ok(Plan {
        community_name: spec.name.clone(),
        community_id: community.map(|c| c.id.clone()),
        linked_groups: community.map_or(0, |c| c.linked.len() as u32),
        steps,
        notes,
    })
}

/// The member and admin changes of an existing group.
fn membership(steps: &mut Vec<PlanStep>, group: &ValidGroup, current: &[Participant], planned: &PlannedGroup) {
    if let Some(members) = &group.members {
        let add: Vec<&Phone> = members.iter().filter(|m| !current.iter().any(|p| p.phone == m.as_str())).collect();
        if !add.is_empty() {
            let change = PlanChange::AddMembers {
                group: planned.clone(),
                phones: add.iter().map(|p| p.as_str().to_owned()).collect(),
            };
            steps.push(PlanStep::new(change, format!("the spec lists them and they are not in {:?}", group.name)));
        }
        let remove: Vec<String> = current
            .iter()
            .filter(|p| !p.is_super_admin && !members.iter().any(|m| m.as_str() == p.phone))
            .map(|p| p.phone.clone())
            .collect();
        if !remove.is_empty() {
            let change = PlanChange::RemoveMembers { group: planned.clone(), phones: remove };
            steps.push(PlanStep::new(change, format!("they are in {:?} and the spec does not list them", group.name)));
        }
    }
    if let Some(admins) = &group.admins {
        let scope = format!("{:?}", group.name);
        admin_changes(steps, admins, current, Some(planned.clone()), &scope);
    }
}

/// Promotions of `wanted` who are not admins yet, demotions of admins (never the creator) not in it.
fn admin_changes(
    steps: &mut Vec<PlanStep>,
    wanted: &[Phone],
    current: &[Participant],
    group: Option<PlannedGroup>,
    scope: &str,
) {
    let is_admin = |phone: &str| current.iter().any(|p| p.phone == phone && (p.is_admin || p.is_super_admin));
    let promote: Vec<String> = wanted.iter().filter(|w| !is_admin(w.as_str())).map(|w| w.as_str().to_owned()).collect();
    if !promote.is_empty() {
        let change = PlanChange::AddAdmins { group: group.clone(), phones: promote };
        steps.push(PlanStep::new(change, format!("the spec lists them as admins of {scope} and they are not")));
    }
    let demote: Vec<String> = current
        .iter()
        .filter(|p| p.is_admin && !p.is_super_admin && !wanted.iter().any(|w| w.as_str() == p.phone))
        .map(|p| p.phone.clone())
        .collect();
    if !demote.is_empty() {
        let change = PlanChange::RemoveAdmins { group, phones: demote };
        steps.push(PlanStep::new(change, format!("they are admins of {scope} and the spec does not list them")));
    }
}

fn strings(phones: &[Phone]) -> Vec<String> {
    phones.iter().map(|p| p.as_str().to_owned()).collect()
}
