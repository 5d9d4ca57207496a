//! `GET /communities-metadata/{communityId}` — a community and its groups
//! (developer.z-api.io/communities/community-metadata).

use super::{Call, Endpoint, seg};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{Community, CommunityId};
use crate::wire::{response, shapes::WireCommunity};

/// Reads a community's name, description and groups, the announcement group included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetCommunityMetadata {
    /// The community.
    pub community_id: CommunityId,
}

impl Call for GetCommunityMetadata {
    type Output = Community;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        // The route is hyphenated and plural, not /communities/{id}/metadata.
        let path = format!("/communities-metadata/{}", seg(self.community_id.as_str()));
        Ok(endpoint.request(Method::Get, path, vec![], None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Community, Error> {
        let wire: WireCommunity = response::json(response)?;
        wire.into_community(None, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn call() -> GetCommunityMetadata {
        GetCommunityMetadata { community_id: CommunityId::parse("98372465382764532938").unwrap() }
    }

    #[test]
    fn builds_exact_request() {
        let r = call().build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/communities-metadata/98372465382764532938"));
        assert_eq!(headers(&r), BARE_HEADERS);
        assert_eq!(r.body, None);
    }

    #[test]
    fn parses_documented_example() {
        let body = r#"{"name":"My First Community","id":"98372465382764532938","description":"A community description",
          "subGroups":[{"name":"My First Community","phone":"342532456234453-group","isGroupAnnouncement":true},
                       {"name":"Another group","phone":"1203634230225498-group","isGroupAnnouncement":false}]}"#;
        let c = call().parse(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(c.description.as_deref(), Some("A community description"));
        assert_eq!(c.announcement_group.as_ref().unwrap().as_str(), "342532456234453-group");
        assert_eq!(c.regular_groups().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["1203634230225498-group"]);
    }

    #[test]
    fn tolerates_string_flags_null_description_and_duplicate_keys() {
        // The PT example repeats "phone" in each sub-group; serde keeps the last, which is the id.
        let body = r#"{"name":"C","id":"98372465382764532938","description":null,
          "subGroups":[{"phone":"C","phone":"342532456234453-group","isGroupAnnouncement":"true"}]}"#;
        let c = call().parse(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(c.description, None);
        assert_eq!(c.announcement_group.unwrap().as_str(), "342532456234453-group");
    }

    #[test]
    fn not_found_is_an_api_error() {
        let err = call().parse(&HttpResponse::new(404, r#"{"error":"community not found"}"#)).unwrap_err();
        assert_eq!(err, Error::Api { status: 404, detail: "community not found".into() });
    }
}
