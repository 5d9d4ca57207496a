//! `POST /communities/unlink` — unlink groups from a community
//! (developer.z-api.io/communities/unlink-groups).

use super::link_groups::{GroupsAnswer, GroupsBody};
use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{Community, CommunityId, GroupId};

/// What is known of a community's groups, used to validate link and unlink before sending.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommunityGroups {
    /// The regular (non-announcement) groups linked now.
    pub regular: Vec<GroupId>,
    /// The announcement group, when known.
    pub announcement: Option<GroupId>,
}

impl From<&Community> for CommunityGroups {
    fn from(c: &Community) -> Self {
        Self { regular: c.regular_groups().map(|g| g.id.clone()).collect(), announcement: c.announcement_group.clone() }
    }
}

/// Unlinks groups from a community; their members leave the announcement group (unless another
/// linked group still has them). The groups themselves are kept.
///
/// With `known`, the call refuses to remove the last regular group (a community must keep at least
/// one, developer.z-api.io/communities/unlink-groups), to unlink a group that is not linked, and to
/// unlink the announcement group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlinkGroups {
    /// The community.
    pub community_id: CommunityId,
    /// The groups to unlink (at least one, no repeats).
    pub group_ids: Vec<GroupId>,
    /// The community's current groups, when known.
    pub known: Option<CommunityGroups>,
}

impl UnlinkGroups {
    /// Unlinks `group_ids` from `community_id`, with no knowledge of the current state.
    pub fn new(community_id: CommunityId, group_ids: Vec<GroupId>) -> Self {
        Self { community_id, group_ids, known: None }
    }

    fn validate(&self) -> Result<(), Error> {
        validate::group_list("group_ids", &self.group_ids, validate::MAX_GROUPS_PER_COMMUNITY)?;
        validate::not_the_community_itself("group_ids", &self.community_id, &self.group_ids)?;
        let Some(known) = &self.known else { return Ok(()) };
        for (i, group) in self.group_ids.iter().enumerate() {
            if known.announcement.as_ref() == Some(group) {
                return Err(Error::validation(
                    format!("group_ids[{i}]"),
                    format!(
                        "{group} is the announcement group; it cannot be unlinked (deactivate the community instead)"
                    ),
                ));
            }
            if !known.regular.contains(group) {
                return Err(Error::validation(
                    format!("group_ids[{i}]"),
                    format!(
                        "{group} is not linked to community {} as far as this client knows (refresh with community_metadata)",
                        self.community_id
                    ),
                ));
            }
        }
        if known.regular.iter().all(|g| self.group_ids.contains(g)) {
            return Err(Error::validation(
                "group_ids",
                "a community must keep at least one regular group; this would unlink all of them (deactivate the community instead)",
            ));
        }
        Ok(())
    }
}

impl Call for UnlinkGroups {
    type Output = GroupsAnswer;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        self.validate()?;
        let body = json_body(&GroupsBody { community_id: self.community_id.as_str(), groups_phones: &self.group_ids });
        Ok(endpoint.request(Method::Post, "/communities/unlink", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<GroupsAnswer, Error> {
        GroupsAnswer::parse(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn gid(s: &str) -> GroupId {
        GroupId::parse(s).unwrap()
    }

    fn call(groups: &[&str]) -> UnlinkGroups {
        UnlinkGroups::new(CommunityId::parse("98372465382764532938").unwrap(), groups.iter().map(|g| gid(g)).collect())
    }

    #[test]
    fn builds_exact_request() {
        let r = call(&["1345353454354354-group"]).build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/communities/unlink"));
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(body(&r), json!({"communityId":"98372465382764532938","groupsPhones":["1345353454354354-group"]}));
    }

    #[test]
    fn never_removes_the_last_regular_group() {
        let mut c = call(&["11111111111-group"]);
        c.known = Some(CommunityGroups {
            regular: vec![gid("11111111111-group")],
            announcement: Some(gid("99999999999-group")),
        });
        let err = c.build(&endpoint()).unwrap_err();
        assert_eq!(err.field(), Some("group_ids"));
        assert!(err.to_string().contains("at least one regular group"));
        c.known.as_mut().unwrap().regular.push(gid("22222222222-group"));
        assert!(c.build(&endpoint()).is_ok());
    }

    #[test]
    fn refuses_unlinked_groups_and_the_announcement_group() {
        let known = CommunityGroups {
            regular: vec![gid("11111111111-group"), gid("22222222222-group")],
            announcement: Some(gid("99999999999-group")),
        };
        let mut c = call(&["33333333333-group"]);
        c.known = Some(known.clone());
        assert_eq!(c.build(&endpoint()).unwrap_err().field(), Some("group_ids[0]"));
        let mut a = call(&["11111111111-group", "99999999999-group"]);
        a.known = Some(known);
        assert_eq!(a.build(&endpoint()).unwrap_err().field(), Some("group_ids[1]"));
    }
}
