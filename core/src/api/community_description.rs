//! `POST /update-community-description`
//! (developer.z-api.io/communities/update-community-description).

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::CommunityId;
use crate::wire::response;

/// Replaces a community's description (empty clears it). Only admins may change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateCommunityDescription {
    /// The community.
    pub community_id: CommunityId,
    /// The new description (up to 2,048 characters).
    pub description: String,
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    community_description: &'a str,
    community_id: &'a str,
}

impl Call for UpdateCommunityDescription {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let description = validate::description("description", &self.description)?;
        let body = json_body(&Body { community_description: &description, community_id: self.community_id.as_str() });
        Ok(endpoint.request(Method::Post, "/update-community-description", vec![], Some(body)))
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
        let call = UpdateCommunityDescription {
            community_id: CommunityId::parse("120363019502650977").unwrap(),
            description: "descrição da comunidade".into(),
        };
        let r = call.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/update-community-description"));
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(
            body(&r),
            json!({"communityId":"120363019502650977","communityDescription":"descrição da comunidade"})
        );
        let long = UpdateCommunityDescription { description: "x".repeat(2049), ..call };
        assert_eq!(long.build(&endpoint()).unwrap_err().field(), Some("description"));
    }
}
