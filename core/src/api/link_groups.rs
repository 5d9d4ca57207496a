//! `POST /communities/link` — link groups to a community
//! (developer.z-api.io/communities/link-groups).

use serde::Serialize;

use super::{Call, CommunityGroups, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{CommunityId, GroupId, SkippedGroup};
use crate::wire::response;

/// Links groups to a community; their members join the announcement group.
///
/// What the caller knows about the current state makes validation stricter: with `known` the
/// 50-group limit counts the groups already linked, and `linked_elsewhere` refuses a group that
/// already belongs to another community (a group belongs to at most one,
/// developer.z-api.io/communities/link-groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkGroups {
    /// The community.
    pub community_id: CommunityId,
    /// The groups to link (1–50, no repeats).
    pub group_ids: Vec<GroupId>,
    /// The community's current groups, when known.
    pub known: Option<CommunityGroups>,
    /// Groups known to belong to some community, with that community.
    pub linked_elsewhere: Vec<(GroupId, CommunityId)>,
}

impl LinkGroups {
    /// Links `group_ids` to `community_id`, with no knowledge of the current state.
    pub fn new(community_id: CommunityId, group_ids: Vec<GroupId>) -> Self {
        Self { community_id, group_ids, known: None, linked_elsewhere: Vec::new() }
    }

    fn validate(&self) -> Result<(), Error> {
        validate::group_list("group_ids", &self.group_ids, validate::MAX_GROUPS_PER_COMMUNITY)?;
        validate::not_the_community_itself("group_ids", &self.community_id, &self.group_ids)?;
        for (i, group) in self.group_ids.iter().enumerate() {
            if let Some((_, other)) = self.linked_elsewhere.iter().find(|(g, c)| g == group && *c != self.community_id)
            {
                return Err(Error::validation(
                    format!("group_ids[{i}]"),
                    format!(
                        "{group} already belongs to community {other}; a group belongs to at most one community \
                         (unlink it there first)"
                    ),
                ));
            }
        }
        if let Some(known) = &self.known {
            if let Some((i, group)) =
                self.group_ids.iter().enumerate().find(|(_, g)| known.announcement.as_ref() == Some(*g))
            {
                return Err(Error::validation(
                    format!("group_ids[{i}]"),
                    format!("{group} is this community's announcement group"),
                ));
            }
            let new = self.group_ids.iter().filter(|g| !known.regular.contains(g)).count();
            let total = known.regular.len() + new;
            if total > validate::MAX_GROUPS_PER_COMMUNITY {
                return Err(Error::validation(
                    "group_ids",
                    format!(
                        "the community already has {} groups; linking {new} more would exceed the limit of {}",
                        known.regular.len(),
                        validate::MAX_GROUPS_PER_COMMUNITY
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// The request body of link and unlink, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct GroupsBody<'a> {
    pub(super) community_id: &'a str,
    pub(super) groups_phones: &'a [GroupId],
}

/// What a link or unlink answer says about the groups, before the client checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupsAnswer {
    /// The groups the answer lists as skipped (`skipped`: the simulator's form, the service's being
    /// undocumented, developer.z-api.io/communities/link-groups), or `None` when it lists none: the
    /// documented `{"success": true}` does not say whether every group was linked.
    pub skipped: Option<Vec<SkippedGroup>>,
}

impl GroupsAnswer {
    /// Reads an acknowledgement and its `skipped` list, if any.
    pub(super) fn parse(response: &HttpResponse) -> Result<Self, Error> {
        let listed = response::ack_listing(response, "skipped")?;
        let skipped = listed.map(|entries| {
            entries
                .into_iter()
                .filter_map(|(id, reason)| {
                    Some(SkippedGroup {
                        group_id: GroupId::parse(&id).ok()?,
                        reason: reason.unwrap_or_else(|| "skipped by the service".to_owned()),
                        other_community: None,
                    })
                })
                .collect()
        });
        Ok(Self { skipped })
    }
}

impl Call for LinkGroups {
    type Output = GroupsAnswer;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        self.validate()?;
        let body = json_body(&GroupsBody { community_id: self.community_id.as_str(), groups_phones: &self.group_ids });
        Ok(endpoint.request(Method::Post, "/communities/link", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<GroupsAnswer, Error> {
        GroupsAnswer::parse(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn community() -> CommunityId {
        CommunityId::parse("98372465382764532938").unwrap()
    }

    fn groups(n: usize) -> Vec<GroupId> {
        groups_from(0, n)
    }

    fn groups_from(start: u64, n: usize) -> Vec<GroupId> {
        (0..n as u64).map(|i| GroupId::parse(&format!("{}", 1_203_634_230_225_000 + start + i)).unwrap()).collect()
    }

    #[test]
    fn builds_exact_request() {
        let call = LinkGroups::new(
            community(),
            vec![GroupId::parse("1345353454354354-group").unwrap(), GroupId::parse("1203634230225498-group").unwrap()],
        );
        let r = call.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/communities/link"));
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(
            body(&r),
            json!({"communityId":"98372465382764532938","groupsPhones":["1345353454354354-group","1203634230225498-group"]})
        );
        assert_eq!(call.parse(&HttpResponse::new(200, r#"{"success":true}"#)), Ok(GroupsAnswer { skipped: None }));
        assert!(call.parse(&HttpResponse::new(200, r#"{"success":false}"#)).is_err());
        let partial = r#"{"success":true,"skipped":[{"phone":"1203634230225498-group","reason":"already in another community"}]}"#;
        let skipped = call.parse(&HttpResponse::new(200, partial)).unwrap().skipped.unwrap();
        assert_eq!(skipped[0].group_id.as_str(), "1203634230225498-group");
        assert_eq!(skipped[0].reason, "already in another community");
    }

    #[test]
    fn enforces_the_fifty_group_limit() {
        assert!(LinkGroups::new(community(), groups(50)).build(&endpoint()).is_ok());
        assert_eq!(LinkGroups::new(community(), groups(51)).build(&endpoint()).unwrap_err().field(), Some("group_ids"));
        let all = groups(50);
        let mut call = LinkGroups::new(community(), all[45..].to_vec());
        call.known = Some(CommunityGroups { regular: all[..45].to_vec(), announcement: None });
        assert!(call.build(&endpoint()).is_ok(), "45 + 5 = 50 is allowed");
        call.known = Some(CommunityGroups { regular: groups_from(100, 46), announcement: None });
        let err = call.build(&endpoint()).unwrap_err();
        assert_eq!(err.field(), Some("group_ids"));
        assert!(err.to_string().contains("already has 46"));
    }

    #[test]
    fn refuses_groups_of_another_community_and_the_announcement_group() {
        let g = groups(2);
        let mut call = LinkGroups::new(community(), g.clone());
        call.linked_elsewhere = vec![(g[1].clone(), CommunityId::parse("111111111111111111").unwrap())];
        assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some("group_ids[1]"));
        call.linked_elsewhere = vec![(g[1].clone(), community())];
        assert!(call.build(&endpoint()).is_ok(), "already in this community is not an error");
        call.known = Some(CommunityGroups { regular: vec![], announcement: Some(g[0].clone()) });
        assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some("group_ids[0]"));
    }

    #[test]
    fn refuses_empty_and_repeated_lists() {
        assert_eq!(LinkGroups::new(community(), vec![]).build(&endpoint()).unwrap_err().field(), Some("group_ids"));
        let g = groups(1);
        let twice = vec![g[0].clone(), g[0].clone()];
        assert_eq!(LinkGroups::new(community(), twice).build(&endpoint()).unwrap_err().field(), Some("group_ids[1]"));
    }
}
