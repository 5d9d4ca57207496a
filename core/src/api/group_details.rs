//! `POST /update-group-name`, `/update-group-description` and `/update-group-photo`
//! (developer.z-api.io/group/update-group-name, developer.z-api.io/group/update-group-description,
//! developer.z-api.io/group/update-group-photo). Only admins may change them.

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupId, Photo};
use crate::wire::response;

/// What changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupDetail {
    /// The name (`subject`), 1–100 characters.
    Name(String),
    /// The description, up to 2,048 characters (empty clears it).
    Description(String),
    /// The photo: an http(s) URL or a base64 data URI.
    Photo(Photo),
}

/// Changes one detail of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateGroupDetail {
    /// The group.
    pub group_id: GroupId,
    /// The new value.
    pub detail: GroupDetail,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NameBody<'a> {
    group_id: &'a str,
    group_name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DescriptionBody<'a> {
    group_description: &'a str,
    group_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhotoBody<'a> {
    group_id: &'a str,
    group_photo: &'a str,
}

impl Call for UpdateGroupDetail {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let group_id = self.group_id.as_str();
        let (route, body) = match &self.detail {
            GroupDetail::Name(raw) => {
                let name = validate::name("name", raw)?;
                ("/update-group-name", json_body(&NameBody { group_id, group_name: &name }))
            }
            GroupDetail::Description(raw) => {
                let description = validate::description("description", raw)?;
                ("/update-group-description", json_body(&DescriptionBody { group_description: &description, group_id }))
            }
            GroupDetail::Photo(photo) => {
                ("/update-group-photo", json_body(&PhotoBody { group_id, group_photo: photo.as_str() }))
            }
        };
        Ok(endpoint.request(Method::Post, route, vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn call(detail: GroupDetail) -> UpdateGroupDetail {
        UpdateGroupDetail { group_id: GroupId::parse("120363019502650977-group").unwrap(), detail }
    }

    #[test]
    fn builds_the_three_documented_requests() {
        let cases = [
            (
                GroupDetail::Name(" Rua das Flores ".into()),
                "/update-group-name",
                json!({"groupId":"120363019502650977-group","groupName":"Rua das Flores"}),
            ),
            (
                GroupDetail::Description("".into()),
                "/update-group-description",
                json!({"groupId":"120363019502650977-group","groupDescription":""}),
            ),
            (
                GroupDetail::Photo(Photo::parse("https://example.com/logo.png").unwrap()),
                "/update-group-photo",
                json!({"groupId":"120363019502650977-group","groupPhoto":"https://example.com/logo.png"}),
            ),
        ];
        for (detail, path, want) in cases {
            let r = call(detail).build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Post, path));
            assert_eq!(headers(&r), JSON_HEADERS);
            assert_eq!(body(&r), want);
        }
        assert_eq!(call(GroupDetail::Name(" ".into())).build(&endpoint()).unwrap_err().field(), Some("name"));
        let long = GroupDetail::Description("x".repeat(2049));
        assert_eq!(call(long).build(&endpoint()).unwrap_err().field(), Some("description"));
    }
}
