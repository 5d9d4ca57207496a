//! Plan and apply on the client: read what the service reports about a spec's community and
//! groups, hand it to the sans-IO [`diff`], and run a plan's steps in the safe order.

use std::collections::HashMap;

use super::Client;
use crate::api::MemberTarget;
use crate::error::Error;
use crate::model::{Chat, CommunityId, GroupId, Participant, Phone, Photo};
use crate::plan::{
    ApplyOutcome, CommunitySpec, CurrentCommunity, CurrentGroup, CurrentState, Plan, PlanChange, PlannedGroup,
    StepOutcome, StepStatus, ValidSpec, diff,
};

impl Client {
    /// The changes that make the account's community match `spec`, each with its reason; empty
    /// when it already does. Reads the community list and the community's metadata, its members
    /// when the spec lists its admins, the group list when a group named only by name is not
    /// linked yet, and the members of each group whose members or admins the spec lists. Sends
    /// no change.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the spec field (`groups[1].members[0]`, a name shared by two
    /// communities or two free groups, an `id` the service does not know or that belongs to
    /// another community) before or after the reads; any read's error.
    pub async fn plan(&self, spec: &CommunitySpec) -> Result<Plan, Error> {
        let spec = spec.validate()?;
        let state = self.current_state(&spec).await?;
        diff(&spec, &state)
    }

    /// Runs `plan`'s steps in the safe order (community, its settings, new groups, links, adds,
    /// promotions, demotions, removals, unlinks), stopping at the first failure; with `dry_run`,
    /// sends nothing and reports what would run. Never unlinks a community's last regular group.
    ///
    /// # Errors
    /// None of its own: every step's failure is in the outcome.
    pub async fn apply(&self, plan: &Plan, dry_run: bool) -> Result<ApplyOutcome, Error> {
        let mut steps = plan.steps.clone();
        steps.sort_by_key(|s| s.change.phase());
        let mut run = Run {
            community: plan.community_id.clone(),
            created: HashMap::new(),
            linked: i64::from(plan.linked_groups),
            requests: 0,
        };
        let mut outcomes = Vec::with_capacity(steps.len());
        let mut failed = false;
        for step in steps {
            let (status, error) = if failed {
                (StepStatus::NotRun, None)
            } else if dry_run {
                (StepStatus::DryRun, None)
            } else {
                match run.step(self, &step.change).await {
                    Ok(()) => (StepStatus::Done, None),
                    Err(e) => {
                        failed = true;
                        (StepStatus::Failed, Some(self.endpoint().redact(&e.to_string())))
                    }
                }
            };
            outcomes.push(StepOutcome { step, status, error });
        }
        Ok(ApplyOutcome {
            steps: outcomes,
            complete: !failed,
            dry_run,
            community_id: run.community,
            requests: run.requests,
        })
    }

    async fn current_state(&self, spec: &ValidSpec) -> Result<CurrentState, Error> {
        let named: Vec<_> =
            self.communities().collect_all().await?.into_iter().filter(|c| c.name.trim() == spec.name).collect();
        if named.len() > 1 {
            let reason = format!("{} communities are named {:?}; rename one of them", named.len(), spec.name);
            return Err(Error::validation("name", reason));
        }
        let mut state = CurrentState::default();
        if let Some(summary) = named.into_iter().next() {
            let metadata = self.community_metadata(&summary.id).await?;
            let linked: Vec<(GroupId, String)> =
                metadata.regular_groups().map(|g| (g.id.clone(), g.name.trim().to_owned())).collect();
            // The announcement group's members are the community's admins: read only when the
            // spec manages them.
            let members = if spec.admins.is_some() { self.community_members(&summary.id).await? } else { Vec::new() };
            state.community =
                Some(CurrentCommunity { id: summary.id, description: metadata.description, linked, members });
        }
        let mut free_groups = None;
        let wants_members = spec.admins.is_some();
        for (index, group) in spec.groups.iter().enumerate() {
            let found = match &group.id {
                Some(id) => Some(self.group_by_id(state.community.as_ref(), index, id).await?),
                None => self.group_by_name(state.community.as_ref(), index, &group.name, &mut free_groups).await?,
            };
            let Some((id, name, linked, mut participants)) = found else { continue };
            if participants.is_none() && (group.members.is_some() || group.admins.is_some() || wants_members) {
                participants = Some(self.light_group_metadata(&id).await?.participants);
            }
            let participants = participants.unwrap_or_default();
            state.groups.push(CurrentGroup { index, id, name, linked, participants });
        }
        Ok(state)
    }
}

/// A group as found: its id, its name, whether it is linked, and its members when they were read
/// on the way.
type FoundGroup = (GroupId, String, bool, Option<Vec<Participant>>);

impl Client {
    /// The spec's group `index`, given by its id: linked to the community, or free.
    async fn group_by_id(
        &self,
        community: Option<&CurrentCommunity>,
        index: usize,
        id: &GroupId,
    ) -> Result<FoundGroup, Error> {
        if let Some((_, name)) = community.and_then(|c| c.linked.iter().find(|(linked, _)| linked == id)) {
            return Ok((id.clone(), name.clone(), true, None));
        }
        let field = format!("groups[{index}].id");
        let metadata = match self.light_group_metadata(id).await {
            Ok(metadata) => metadata,
            // The service's answer for a group it does not know is a client error.
            Err(Error::Api { status: 400..=499, detail }) => {
                return Err(Error::validation(field, format!("the service knows no such group: {detail}")));
            }
            Err(e) => return Err(e),
        };
        if metadata.community_id.is_some() {
            return Err(Error::validation(field, format!("{} belongs to another community", id.as_str())));
        }
        let name = metadata.name.as_deref().unwrap_or_default().trim().to_owned();
        Ok((id.clone(), name, false, Some(metadata.participants)))
    }

    /// The spec's group `index`, found by name: linked to the community, else among the
    /// account's groups that belong to no community (the group list read once, into `chats`).
    async fn group_by_name(
        &self,
        community: Option<&CurrentCommunity>,
        index: usize,
        name: &str,
        chats: &mut Option<Vec<Chat>>,
    ) -> Result<Option<FoundGroup>, Error> {
        let field = || format!("groups[{index}].name");
        let linked: Vec<&GroupId> =
            community.map_or_else(Vec::new, |c| c.linked.iter().filter(|(_, n)| n == name).map(|(id, _)| id).collect());
        if linked.len() > 1 {
            return Err(Error::validation(
                field(),
                format!("{} groups of the community are named {name:?}", linked.len()),
            ));
        }
        if let Some(id) = linked.first() {
            return Ok(Some(((*id).clone(), name.to_owned(), true, None)));
        }
        if chats.is_none() {
            *chats = Some(self.groups().collect_all().await?);
        }
        let mut free = Vec::new();
        for chat in chats.as_deref().unwrap_or_default().iter().filter(|c| c.is_group && !c.is_group_announcement) {
            if chat.name.as_deref().map(str::trim) != Some(name) {
                continue;
            }
            let Ok(id) = GroupId::parse(&chat.phone) else { continue };
            let metadata = self.light_group_metadata(&id).await?;
            if metadata.community_id.is_none() {
                free.push((id, metadata.participants));
            }
        }
        if free.len() > 1 {
            return Err(Error::validation(
                field(),
                format!("{} groups outside any community are named {name:?}", free.len()),
            ));
        }
        // Its members were read with it.
        Ok(free.pop().map(|(id, members)| (id, name.to_owned(), false, Some(members))))
    }
}

/// What an apply has learnt so far: the community (once created), the groups it created, and
/// how many regular groups are linked.
struct Run {
    community: Option<CommunityId>,
    created: HashMap<String, GroupId>,
    linked: i64,
    requests: u32,
}

impl Run {
    async fn step(&mut self, client: &Client, change: &PlanChange) -> Result<(), Error> {
        match change {
            PlanChange::CreateCommunity { name, description } => {
                let community = self.send(client.create_community(name, description.as_deref())).await?;
                self.community = Some(community.id);
            }
            PlanChange::RenameGroup { group, name } => {
                self.send(client.update_group_name(&self.id(group)?, name)).await?;
            }
            PlanChange::CreateGroup { name, members } => {
                let group = self.send(client.create_group(name, &phones(members)?, false)).await?;
                self.created.insert(name.clone(), group.id);
            }
            PlanChange::UpdateDescription { description } => {
                self.send(client.update_community_description(&self.community()?, description)).await?;
            }
            PlanChange::UpdateSettings { who_can_add_new_groups } => {
                self.send(client.update_community_settings(&self.community()?, *who_can_add_new_groups)).await?;
            }
            PlanChange::UpdatePhoto { photo } => {
                self.send(client.update_community_photo(&self.community()?, &Photo::parse(photo)?)).await?;
            }
            PlanChange::LinkGroups { groups } => {
                let outcome = self.send(client.link_groups(&self.community()?, &self.ids(groups)?)).await?;
                self.linked += outcome.linked.len() as i64;
                if let Some(s) = outcome.skipped.first() {
                    return Err(Error::validation("plan", format!("{} was not linked: {}", s.group_id, s.reason)));
                }
            }
            PlanChange::UnlinkGroups { groups } => {
                // Checked here too: a plan may have been edited, or made before someone else
                // unlinked a group.
                if self.linked - (groups.len() as i64) < 1 {
                    let reason = "refused: it would unlink the community's last regular group";
                    return Err(Error::validation("plan", reason));
                }
                let outcome = self.send(client.unlink_groups(&self.community()?, &self.ids(groups)?)).await?;
                self.linked -= outcome.unlinked.len() as i64;
                if let Some(s) = outcome.skipped.first() {
                    return Err(Error::validation("plan", format!("{} was not unlinked: {}", s.group_id, s.reason)));
                }
            }
            PlanChange::AddMembers { group, phones: p } => {
                self.send(client.add_participants(self.id(group)?, &phones(p)?, false)).await?;
            }
            PlanChange::RemoveMembers { group, phones: p } => {
                self.send(client.remove_participants(self.id(group)?, &phones(p)?)).await?;
            }
            PlanChange::AddAdmins { group, phones: p } => {
                self.send(client.add_admins(self.target(group.as_ref())?, &phones(p)?)).await?;
            }
            PlanChange::RemoveAdmins { group, phones: p } => {
                self.send(client.remove_admins(self.target(group.as_ref())?, &phones(p)?)).await?;
            }
        }
        Ok(())
    }

    /// Runs one call, counting it among the requests sent.
    async fn send<T>(&mut self, call: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
        self.requests += 1;
        call.await
    }

    /// The community: the plan's, or the one its first step created.
    fn community(&self) -> Result<CommunityId, Error> {
        self.community
            .clone()
            .ok_or_else(|| Error::validation("plan", "no community: the plan neither names nor creates one"))
    }

    /// A group, or the community when `group` is `None`.
    fn target(&self, group: Option<&PlannedGroup>) -> Result<MemberTarget, Error> {
        match group {
            Some(group) => Ok(self.id(group)?.into()),
            None => Ok(self.community()?.into()),
        }
    }

    /// A group's id: from the plan, else from the step that created it.
    fn id(&self, group: &PlannedGroup) -> Result<GroupId, Error> {
        group.id.clone().or_else(|| self.created.get(&group.name).cloned()).ok_or_else(|| {
            Error::validation("plan", format!("group {:?} has no id and no earlier step created it", group.name))
        })
    }

    fn ids(&self, groups: &[PlannedGroup]) -> Result<Vec<GroupId>, Error> {
        groups.iter().map(|g| self.id(g)).collect()
    }
}

fn phones(raw: &[String]) -> Result<Vec<Phone>, Error> {
    raw.iter().enumerate().map(|(i, p)| Phone::parse_field(p, &format!("phones[{i}]"))).collect()
}
