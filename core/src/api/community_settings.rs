//! `POST /communities/settings` — who may add groups
//! (developer.z-api.io/communities/community-settings).

use serde::Serialize;

use super::{Call, Endpoint, json_body};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{CommunityId, WhoCanAddGroups};
use crate::wire::response;

/// Changes who may add new groups to a community. Only admins may change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateCommunitySettings {
    /// The community.
    pub community_id: CommunityId,
    /// Admins only, or every member.
    pub who_can_add_new_groups: WhoCanAddGroups,
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    community_id: &'a str,
    who_can_add_new_groups: &'a str,
}

impl Call for UpdateCommunitySettings {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let body = json_body(&Body {
            community_id: self.community_id.as_str(),
            who_can_add_new_groups: self.who_can_add_new_groups.as_str(),
        });
        Ok(endpoint.request(Method::Post, "/communities/settings", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_exact_request() {
        for (who, wire) in [(WhoCanAddGroups::Admins, "admins"), (WhoCanAddGroups::All, "all")] {
            let call = UpdateCommunitySettings {
                community_id: CommunityId::parse("98372465382764532938").unwrap(),
                who_can_add_new_groups: who,
            };
            let r = call.build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Post, "/communities/settings"));
            assert_eq!(headers(&r), JSON_HEADERS);
            assert_eq!(body(&r), json!({"communityId":"98372465382764532938","whoCanAddNewGroups":wire}));
        }
        assert_eq!(WhoCanAddGroups::parse("ADMINS").unwrap(), WhoCanAddGroups::Admins);
        assert_eq!(WhoCanAddGroups::parse("admins | all").unwrap_err().field(), Some("who_can_add_new_groups"));
    }
}
