//! `GET /accept-invite-group?url=` and `GET /group-invitation-metadata?url=`: join a group, or
//! preview it, from its invitation link (developer.z-api.io/group/accept-group-invite,
//! developer.z-api.io/group/group-invitation-metadata). The link goes in the query, percent-encoded.

use super::{Call, Endpoint};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupInvitationMetadata, InviteLink};
use crate::wire::{response, shapes::WireInvitationMetadata};

/// The connected number joins the group of `link` (in a group that requires an admin's
/// approval, it asks to join).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptGroupInvite {
    /// The invitation link.
    pub link: InviteLink,
}

/// The group behind `link`, without joining it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetGroupInvitationMetadata {
    /// The invitation link.
    pub link: InviteLink,
}

fn with_url(endpoint: &Endpoint, route: &'static str, link: &InviteLink) -> HttpRequest {
    endpoint.request(Method::Get, route, vec![("url".into(), link.url())], None)
}

impl Call for AcceptGroupInvite {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        Ok(with_url(endpoint, "/accept-invite-group", &self.link))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

impl Call for GetGroupInvitationMetadata {
    type Output = GroupInvitationMetadata;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        Ok(with_url(endpoint, "/group-invitation-metadata", &self.link))
    }

    fn parse(&self, response: &HttpResponse) -> Result<GroupInvitationMetadata, Error> {
        response::json::<WireInvitationMetadata>(response)?.into_metadata()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn link() -> InviteLink {
        InviteLink::parse("https://chat.whatsapp.com/bh8XyNrIUj84YZoy5xcaa112").unwrap()
    }

    #[test]
    fn the_link_travels_encoded_in_the_query() {
        let r = AcceptGroupInvite { link: link() }.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/accept-invite-group"));
        assert_eq!(r.query, vec![("url".into(), "https://chat.whatsapp.com/bh8XyNrIUj84YZoy5xcaa112".to_owned())]);
        assert!(r.url().ends_with("?url=https%3A%2F%2Fchat.whatsapp.com%2Fbh8XyNrIUj84YZoy5xcaa112"), "{}", r.url());
        assert_eq!(headers(&r), BARE_HEADERS);
        let m = GetGroupInvitationMetadata { link: link() }.build(&endpoint()).unwrap();
        assert_eq!(m.path, "/group-invitation-metadata");
    }

    #[test]
    fn reads_both_documented_previews() {
        let en = r#"{"phone":"120363019502650977-group","owner":"5511999999999","subject":"Z-API","creation":1588721491000,
          "participants":[{"phone":"5511999999999","isAdmin":"true","isSuperAdmin":"true"}],"subjectTime":1,"subjectOwner":"x"}"#;
        let m = GetGroupInvitationMetadata { link: link() }.parse(&HttpResponse::new(200, en)).unwrap();
        assert_eq!((m.id.as_str(), m.name.as_deref()), ("120363019502650977-group", Some("Z-API")));
        assert!(m.participants[0].is_admin && m.participants[0].is_super_admin);
        let pt = r#"{"phone":"120363019502650977-group","description":"d","invitationLink":"x","contactsCount":1,"participantsCount":"12","participants":[]}"#;
        let m = GetGroupInvitationMetadata { link: link() }.parse(&HttpResponse::new(200, pt)).unwrap();
        assert_eq!((m.description.as_deref(), m.participants_count), (Some("d"), Some(12)));
        assert!(GetGroupInvitationMetadata { link: link() }.parse(&HttpResponse::new(200, "{}")).is_err());
    }
}
