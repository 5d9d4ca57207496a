//! `GET /group-metadata/{id}` and `GET /light-group-metadata/{id}`
//! (developer.z-api.io/group/metadata-group, developer.z-api.io/group/light-metadata-group).

use super::{Call, Endpoint, seg};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupId, GroupMetadata};
use crate::wire::{response, shapes::WireGroupMetadata};

/// Reads a group's metadata: members, flags, and the community it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetGroupMetadata {
    /// The group.
    pub group_id: GroupId,
    /// Use the light route, which skips fetching the invitation link (cheaper).
    pub light: bool,
}

impl Call for GetGroupMetadata {
    type Output = GroupMetadata;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let route = if self.light { "light-group-metadata" } else { "group-metadata" };
        Ok(endpoint.request(Method::Get, format!("/{route}/{}", seg(self.group_id.as_str())), vec![], None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<GroupMetadata, Error> {
        response::json::<WireGroupMetadata>(response)?.into_metadata(&self.group_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn call(light: bool) -> GetGroupMetadata {
        GetGroupMetadata { group_id: GroupId::parse("120363019502650977-group").unwrap(), light }
    }

    #[test]
    fn builds_both_routes() {
        let r = call(false).build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/group-metadata/120363019502650977-group"));
        assert_eq!(headers(&r), BARE_HEADERS);
        assert_eq!(call(true).build(&endpoint()).unwrap().path, "/light-group-metadata/120363019502650977-group");
    }

    #[test]
    fn parses_new_style_with_string_flags() {
        let body = r#"{"phone":"120363019502650977-group","description":"d","owner":"5511999999999","subject":"News",
          "creation":1588721491000,"invitationLink":null,"invitationLinkError":"not-authorized","communityId":"120363019502650970",
          "adminOnlyMessage":true,"adminOnlySettings":"false","requireAdminApproval":false,"isGroupAnnouncement":true,
          "participants":[{"phone":"5511999999999","isAdmin":"true","isSuperAdmin":true,"short":"x","name":"y"},
                          {"phone":"5511888888888","isAdmin":false,"isSuperAdmin":false}],
          "subjectTime":1,"subjectOwner":"5511999999999"}"#;
        let m = call(false).parse(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(m.name.as_deref(), Some("News"));
        assert_eq!(m.community_id.unwrap().as_str(), "120363019502650970");
        assert!(m.is_group_announcement && m.admin_only_message && !m.admin_only_settings);
        assert_eq!(m.invitation_link, None);
        assert!(m.participants[0].is_admin && m.participants[0].is_super_admin);
        assert_eq!(m.participants.len(), 2);
    }

    #[test]
    fn parses_legacy_minimal_shape() {
        let body = r#"{"phone":"5511999999999-1623281429","owner":"5511999999999","subject":"Old","creation":1588721491000,
          "participants":[{"phone":"5511999999999","isAdmin":false,"isSuperAdmin":false}]}"#;
        let m = GetGroupMetadata { group_id: GroupId::parse("5511999999999-1623281429").unwrap(), light: false }
            .parse(&HttpResponse::new(200, body))
            .unwrap();
        assert_eq!(m.community_id, None);
        assert!(!m.is_group_announcement);
        assert_eq!(m.description, None);
    }
}
