//! `POST /update-community-photo` (developer.z-api.io/communities/update-community-photo).

use serde::Serialize;

use super::{Call, Endpoint, json_body};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{CommunityId, Photo};
use crate::wire::response;

/// Replaces a community's photo with an image URL or a base64 data URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateCommunityPhoto {
    /// The community.
    pub community_id: CommunityId,
    /// The photo (validated by [`Photo::parse`]).
    pub photo: Photo,
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    community_id: &'a str,
    community_photo: &'a str,
}

impl Call for UpdateCommunityPhoto {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let body = json_body(&Body { community_id: self.community_id.as_str(), community_photo: self.photo.as_str() });
        Ok(endpoint.request(Method::Post, "/update-community-photo", vec![], Some(body)))
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
    fn builds_exact_request_for_url_and_base64() {
        for photo in
            ["https://www.z-api.io/wp-content/themes/z-api/dist/images/logo.svg", "data:image/png;base64,iVBORw0KGgo="]
        {
            let call = UpdateCommunityPhoto {
                community_id: CommunityId::parse("120363019502650977").unwrap(),
                photo: Photo::parse(photo).unwrap(),
            };
            let r = call.build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Post, "/update-community-photo"));
            assert_eq!(headers(&r), JSON_HEADERS);
            assert_eq!(body(&r), json!({"communityId":"120363019502650977","communityPhoto":photo}));
        }
    }
}
