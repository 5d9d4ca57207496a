//! `POST /communities` — create a community (developer.z-api.io/communities/create-community).

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::Community;
use crate::wire::{response, shapes::WireCommunity};

/// Creates a community. The service also creates its announcement group, with the same name,
/// and lists it in the response; the client remembers it from there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateCommunity {
    /// The name (1–100 characters).
    pub name: String,
    /// An optional description (up to 2,048 characters).
    pub description: Option<String>,
}

impl CreateCommunity {
    /// A community with this name and no description.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), description: None }
    }

    /// Adds a description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
struct Body {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    name: String,
}

impl Call for CreateCommunity {
    type Output = Community;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let name = validate::name("name", &self.name)?;
        let description = self.description.as_deref().map(|d| validate::description("description", d)).transpose()?;
        let body = json_body(&Body { description, name });
        Ok(endpoint.request(Method::Post, "/communities", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Community, Error> {
        let wire: WireCommunity = response::json(response)?;
        wire.into_community(Some(self.name.trim()), self.description.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_exact_request() {
        let r = CreateCommunity::new(" My first community ").with_description("News").build(&endpoint()).unwrap();
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.path, "/communities");
        assert!(r.query.is_empty());
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(body(&r), json!({"name": "My first community", "description": "News"}));
        let plain = CreateCommunity::new("x").build(&endpoint()).unwrap();
        assert_eq!(body(&plain), json!({"name": "x"}));
    }

    #[test]
    fn refuses_bad_names_before_building() {
        assert_eq!(CreateCommunity::new("  ").build(&endpoint()).unwrap_err().field(), Some("name"));
        assert_eq!(CreateCommunity::new("a".repeat(101)).build(&endpoint()).unwrap_err().field(), Some("name"));
        let long = CreateCommunity::new("ok").with_description("d".repeat(2049));
        assert_eq!(long.build(&endpoint()).unwrap_err().field(), Some("description"));
    }

    #[test]
    fn parses_documented_response_and_finds_announcement_group() {
        let call = CreateCommunity::new("My first community");
        let body = r#"{"id":"98372465382764532938","subGroups":[{"name":"My first community","phone":"342532456234453-group","isGroupAnnouncement":true}]}"#;
        let c = call.parse(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(c.id.as_str(), "98372465382764532938");
        assert_eq!(c.name, "My first community");
        assert_eq!(c.announcement_group.unwrap().as_str(), "342532456234453-group");
        assert_eq!(c.groups.len(), 1);
    }

    #[test]
    fn tolerates_missing_subgroups_and_refuses_missing_id() {
        let call = CreateCommunity::new("x");
        let c = call.parse(&HttpResponse::new(200, r#"{"id":12345678901,"extra":1}"#)).unwrap();
        assert_eq!(c.announcement_group, None);
        assert!(matches!(call.parse(&HttpResponse::new(200, "{}")), Err(Error::Decode { .. })));
    }
}
