//! `POST /create-group` — a community is built from groups (developer.z-api.io/group/create-group).

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{CreatedGroup, Phone};
use crate::wire::{response, shapes::WireCreatedGroup};

/// Creates a group with at least one other member (the connected number must not be listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateGroup {
    /// The group's name (1–100 characters).
    pub name: String,
    /// The first members (at least one).
    pub phones: Vec<Phone>,
    /// Send an invite link to numbers WhatsApp refuses to add directly.
    pub auto_invite: bool,
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    auto_invite: bool,
    group_name: String,
    phones: &'a [Phone],
}

impl Call for CreateGroup {
    type Output = CreatedGroup;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let name = validate::name("name", &self.name)?;
        validate::phone_list("phones", &self.phones)?;
        let body = json_body(&Body { auto_invite: self.auto_invite, group_name: name, phones: &self.phones });
        Ok(endpoint.request(Method::Post, "/create-group", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<CreatedGroup, Error> {
        response::json::<WireCreatedGroup>(response)?.into_created()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn call() -> CreateGroup {
        CreateGroup {
            name: "Z-API group".into(),
            phones: vec![Phone::parse("5544999999999").unwrap(), Phone::parse("5544888888888").unwrap()],
            auto_invite: true,
        }
    }

    #[test]
    fn builds_exact_request() {
        let r = call().build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/create-group"));
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(
            body(&r),
            json!({"autoInvite":true,"groupName":"Z-API group","phones":["5544999999999","5544888888888"]})
        );
    }

    #[test]
    fn validates_name_and_members() {
        assert_eq!(CreateGroup { name: "".into(), ..call() }.build(&endpoint()).unwrap_err().field(), Some("name"));
        assert_eq!(CreateGroup { phones: vec![], ..call() }.build(&endpoint()).unwrap_err().field(), Some("phones"));
    }

    #[test]
    fn parses_new_and_legacy_ids() {
        let g = call()
            .parse(&HttpResponse::new(
                200,
                r#"{"phone":"120363019502650977-group","invitationLink":"https://chat.whatsapp.com/x"}"#,
            ))
            .unwrap();
        assert_eq!(g.id.as_str(), "120363019502650977-group");
        assert_eq!(g.invitation_link.as_deref(), Some("https://chat.whatsapp.com/x"));
        let legacy = call().parse(&HttpResponse::new(200, r#"{"phone":"5511999999999-1623281429"}"#)).unwrap();
        assert_eq!(legacy.id.as_str(), "5511999999999-1623281429");
    }
}
