//! `POST /add-participant`, `/remove-participant`, `/add-admin`, `/remove-admin`
//! (developer.z-api.io/communities/add-community-participant,
//! developer.z-api.io/group/add-participant). The routes are shared by groups and communities; the
//! body key (`communityId` or `groupId`) tells the service which one is meant, so exactly one is
//! ever sent.

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{CommunityId, GroupId, Phone};
use crate::wire::response;

/// Whose members are changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberTarget {
    /// A community (sent as `communityId`).
    Community(CommunityId),
    /// A group (sent as `groupId`).
    Group(GroupId),
}

impl MemberTarget {
    /// Reads a target as typed: group ids (`…-group`, `…@g.us`, legacy `phone-timestamp`) are
    /// groups, bare digits are communities. Errors name `field`.
    ///
    /// # Errors
    /// [`Error::Validation`] when the value is neither.
    pub fn parse(raw: &str, field: &str) -> Result<Self, Error> {
        match crate::model::Recipient::parse(raw) {
            Ok(crate::model::Recipient::Group(group)) => Ok(MemberTarget::Group(group)),
            _ => CommunityId::parse_field(raw, field).map(MemberTarget::Community),
        }
    }
}

/// What happens to the listed phones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberAction {
    /// Add them. With `auto_invite`, numbers that cannot be added directly get a private invite.
    AddParticipants {
        /// Send an invite link to numbers WhatsApp refuses to add directly.
        auto_invite: bool,
    },
    /// Remove them.
    RemoveParticipants,
    /// Make them admins.
    AddAdmins,
    /// Take their admin rights away.
    RemoveAdmins,
}

impl MemberAction {
    fn route(self) -> &'static str {
        match self {
            MemberAction::AddParticipants { .. } => "/add-participant",
            MemberAction::RemoveParticipants => "/remove-participant",
            MemberAction::AddAdmins => "/add-admin",
            MemberAction::RemoveAdmins => "/remove-admin",
        }
    }
}

/// Adds, removes, promotes or demotes members of a community or group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMembers {
    /// The community or group.
    pub target: MemberTarget,
    /// The change.
    pub action: MemberAction,
    /// The phones (at least one, no repeats).
    pub phones: Vec<Phone>,
}

/// The request body, its fields in sorted key order (see `json_body`). Exactly one of
/// `communityId` and `groupId` is sent, and `autoInvite` only when adding participants.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    auto_invite: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    community_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    phones: &'a [Phone],
}

impl Call for ChangeMembers {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        validate::phone_list("phones", &self.phones)?;
        let (community_id, group_id) = match &self.target {
            MemberTarget::Community(c) => (Some(c.as_str()), None),
            MemberTarget::Group(g) => (None, Some(g.as_str())),
        };
        let auto_invite = match self.action {
            MemberAction::AddParticipants { auto_invite } => Some(auto_invite),
            _ => None,
        };
        let body = json_body(&Body { auto_invite, community_id, group_id, phones: &self.phones });
        Ok(endpoint.request(Method::Post, self.action.route(), vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn phones() -> Vec<Phone> {
        vec![Phone::parse("5544999999999").unwrap(), Phone::parse("5544888888888").unwrap()]
    }

    #[test]
    fn community_variants_send_community_id() {
        let community = MemberTarget::Community(CommunityId::parse("120363019502650977").unwrap());
        let cases = [
            (
                MemberAction::AddParticipants { auto_invite: true },
                "/add-participant",
                json!({"autoInvite":true,"communityId":"120363019502650977","phones":["5544999999999","5544888888888"]}),
            ),
            (
                MemberAction::RemoveParticipants,
                "/remove-participant",
                json!({"communityId":"120363019502650977","phones":["5544999999999","5544888888888"]}),
            ),
            (
                MemberAction::AddAdmins,
                "/add-admin",
                json!({"communityId":"120363019502650977","phones":["5544999999999","5544888888888"]}),
            ),
            (
                MemberAction::RemoveAdmins,
                "/remove-admin",
                json!({"communityId":"120363019502650977","phones":["5544999999999","5544888888888"]}),
            ),
        ];
        for (action, path, want) in cases {
            let call = ChangeMembers { target: community.clone(), action, phones: phones() };
            let r = call.build(&endpoint()).unwrap();
            assert_eq!((r.method, &*r.path), (Method::Post, path));
            assert_eq!(headers(&r), JSON_HEADERS);
            assert_eq!(body(&r), want);
            assert_eq!(call.parse(&HttpResponse::new(200, r#"{"value":true}"#)), Ok(()));
        }
    }

    #[test]
    fn group_variant_sends_group_id_only() {
        let call = ChangeMembers {
            target: MemberTarget::Group(GroupId::parse("120363019502650977-group").unwrap()),
            action: MemberAction::AddParticipants { auto_invite: false },
            phones: phones()[..1].to_vec(),
        };
        let b = body(&call.build(&endpoint()).unwrap());
        assert_eq!(b, json!({"autoInvite":false,"groupId":"120363019502650977-group","phones":["5544999999999"]}));
    }

    #[test]
    fn targets_parse_by_shape() {
        assert!(matches!(MemberTarget::parse("120363019502650977", "target"), Ok(MemberTarget::Community(_))));
        assert!(matches!(MemberTarget::parse("120363019502650977-group", "target"), Ok(MemberTarget::Group(_))));
        assert!(matches!(MemberTarget::parse("5511999999999-1623281429", "target"), Ok(MemberTarget::Group(_))));
        assert_eq!(MemberTarget::parse("x", "target").unwrap_err().field(), Some("target"));
    }

    #[test]
    fn refuses_empty_phone_lists() {
        let call = ChangeMembers {
            target: MemberTarget::Community(CommunityId::parse("120363019502650977").unwrap()),
            action: MemberAction::AddAdmins,
            phones: vec![],
        };
        assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some("phones"));
    }
}
