//! `DELETE /communities/{communityId}` — deactivate a community
//! (developer.z-api.io/communities/deactivate-community).

use super::{Call, Endpoint, seg};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::CommunityId;
use crate::wire::response;

/// Deactivates a community: every group is unlinked and kept (none is deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeactivateCommunity {
    /// The community.
    pub community_id: CommunityId,
}

impl Call for DeactivateCommunity {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let path = format!("/communities/{}", seg(self.community_id.as_str()));
        Ok(endpoint.request(Method::Delete, path, vec![], None))
    }

    /// The docs give no 200 body; an empty body, `{"success":…}` or `{"value":…}` are all read.
    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_exact_request_and_accepts_any_ack() {
        let call = DeactivateCommunity { community_id: CommunityId::parse("98372465382764532938").unwrap() };
        let r = call.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Delete, "/communities/98372465382764532938"));
        assert_eq!(headers(&r), BARE_HEADERS);
        assert_eq!(r.body, None);
        for body in ["", r#"{"success":true}"#, r#"{"value":true}"#, "{}"] {
            assert_eq!(call.parse(&HttpResponse::new(200, body)), Ok(()), "{body:?}");
        }
        assert!(call.parse(&HttpResponse::new(200, r#"{"value":false}"#)).is_err());
    }
}
