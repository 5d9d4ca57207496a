//! `POST /leave-group`: the connected number leaves a group (developer.z-api.io/group/leave-group).

use serde::Serialize;

use super::{Call, Endpoint, json_body};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::GroupId;
use crate::wire::response;

/// The connected number leaves `group_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveGroup {
    /// The group.
    pub group_id: GroupId,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    group_id: &'a str,
}

impl Call for LeaveGroup {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let body = json_body(&Body { group_id: self.group_id.as_str() });
        Ok(endpoint.request(Method::Post, "/leave-group", vec![], Some(body)))
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
        let call = LeaveGroup { group_id: GroupId::parse("120363019502650977-group").unwrap() };
        let r = call.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/leave-group"));
        assert_eq!(body(&r), json!({"groupId":"120363019502650977-group"}));
        assert_eq!(call.parse(&HttpResponse::new(200, r#"{"value":true}"#)), Ok(()));
    }
}
