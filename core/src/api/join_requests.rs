//! `POST /approve-participant` and `POST /reject-participant`: decide pending join requests of a
//! group that requires an admin's approval (developer.z-api.io/group/approve-participant,
//! developer.z-api.io/group/reject-participant). The requests themselves arrive as
//! `MEMBERSHIP_APPROVAL_REQUEST` webhooks; the docs have no call that lists them.

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupId, Phone};
use crate::wire::response;

/// What becomes of the requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinDecision {
    /// The requesters become members (of the announcement group too, for a linked group).
    Approve,
    /// The requests are dropped.
    Reject,
}

/// Approves or rejects the join requests of `phones` in a group. The service answers only
/// `{"value": true}`: it says nothing per number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideJoinRequests {
    /// The group (for a community, its announcement group or a linked group).
    pub group_id: GroupId,
    /// The requesters (1–1024, no repeats).
    pub phones: Vec<Phone>,
    /// Approve or reject.
    pub decision: JoinDecision,
}

/// The request body, its fields in sorted key order (see `json_body`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    group_id: &'a str,
    phones: &'a [Phone],
}

impl Call for DecideJoinRequests {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        validate::phone_list("phones", &self.phones)?;
        let route = match self.decision {
            JoinDecision::Approve => "/approve-participant",
            JoinDecision::Reject => "/reject-participant",
        };
        let body = json_body(&Body { group_id: self.group_id.as_str(), phones: &self.phones });
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

    fn call(decision: JoinDecision) -> DecideJoinRequests {
        let phones = vec![Phone::parse("5544999999999").unwrap(), Phone::parse("5544888888888").unwrap()];
        DecideJoinRequests { group_id: GroupId::parse("120363019502650977-group").unwrap(), phones, decision }
    }

    #[test]
    fn builds_both_documented_requests() {
        for (decision, path) in
            [(JoinDecision::Approve, "/approve-participant"), (JoinDecision::Reject, "/reject-participant")]
        {
            let r = call(decision).build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Post, path));
            assert_eq!(headers(&r), JSON_HEADERS);
            assert_eq!(
                body(&r),
                json!({"groupId":"120363019502650977-group","phones":["5544999999999","5544888888888"]})
            );
        }
        let none = DecideJoinRequests { phones: vec![], ..call(JoinDecision::Approve) };
        assert_eq!(none.build(&endpoint()).unwrap_err().field(), Some("phones"));
        assert!(call(JoinDecision::Reject).parse(&HttpResponse::new(200, r#"{"value":false}"#)).is_err());
    }
}
