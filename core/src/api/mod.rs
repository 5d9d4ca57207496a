//! Every call of the service as data plus two pure functions: `build` validates the input and
//! renders an [`HttpRequest`]; `parse` turns the [`HttpResponse`] into a typed result.
//!
//! This layer performs no I/O. Use it directly to drive your own HTTP stack:
//!
//! ```
//! use zapi_communities::api::{Call, CreateCommunity, Endpoint};
//! use zapi_communities::HttpResponse;
//!
//! let endpoint = Endpoint::new("MY-INSTANCE", "my-token")?;
//! let call = CreateCommunity::new("Neighbours").with_description("Street news");
//! let request = call.build(&endpoint)?; // send request.method to request.url() with its headers and body
//! # let _ = request;
//! let response = HttpResponse::new(200, r#"{"id":"120363000000000001","subGroups":[
//!     {"name":"Neighbours","phone":"120363000000000002-group","isGroupAnnouncement":true}]}"#);
//! let community = call.parse(&response)?;
//! assert_eq!(community.announcement_group.unwrap().as_str(), "120363000000000002-group");
//! # Ok::<(), zapi_communities::Error>(())
//! ```

mod endpoint;
pub mod validate;

mod community_description;
mod community_metadata;
mod community_photo;
mod community_settings;
mod create_community;
mod create_group;
mod deactivate_community;
mod group_add_privacy;
mod group_details;
mod group_invite;
mod group_metadata;
mod group_settings;
mod invitation_link;
mod join_requests;
mod leave_group;
mod link_groups;
mod list_chats;
mod list_communities;
mod list_groups;
mod members;
mod queue;
mod send_text;
mod unlink_groups;
mod webhook_config;

pub use community_description::UpdateCommunityDescription;
pub use community_metadata::GetCommunityMetadata;
pub use community_photo::UpdateCommunityPhoto;
pub use community_settings::UpdateCommunitySettings;
pub use create_community::CreateCommunity;
pub use create_group::CreateGroup;
pub use deactivate_community::DeactivateCommunity;
pub use endpoint::{DEFAULT_BASE_URL, Endpoint, PROXY_PLACEHOLDER};
pub use group_add_privacy::{GetGroupAddBlacklist, SetGroupAddPrivacy};
pub use group_details::{GroupDetail, UpdateGroupDetail};
pub use group_invite::{AcceptGroupInvite, GetGroupInvitationMetadata};
pub use group_metadata::GetGroupMetadata;
pub use group_settings::UpdateGroupSettings;
pub use invitation_link::{GetGroupInvitationLink, RedefineInvitationLink};
pub use join_requests::{DecideJoinRequests, JoinDecision};
pub use leave_group::LeaveGroup;
pub use link_groups::{GroupsAnswer, LinkGroups};
pub use list_chats::ListChats;
pub use list_communities::ListCommunities;
pub use list_groups::ListGroups;
pub use members::{ChangeMembers, MemberAction, MemberTarget};
pub use queue::{ClearQueue, DeleteQueuedMessage, ListQueue, MAX_QUEUE_PAGE_SIZE};
pub use send_text::SendText;
pub use unlink_groups::{CommunityGroups, UnlinkGroups};
pub use webhook_config::{SetEveryWebhook, SetNotifySentByMe, SetWebhook, webhook_url};

use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};

/// One call of the service.
pub trait Call {
    /// What a successful response becomes.
    type Output;

    /// Validates the input, then renders the request. Performs no I/O.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the offending field; no request is produced.
    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error>;

    /// Reads the response: status, error bodies and the documented quirks.
    ///
    /// # Errors
    /// [`Error::Api`], [`Error::RateLimited`] or [`Error::Decode`].
    fn parse(&self, response: &HttpResponse) -> Result<Self::Output, Error>;
}

/// Encodes an id as a path segment.
fn seg(id: &str) -> String {
    crate::wire::path::segment(id)
}

/// Renders a request body: a `#[derive(Serialize)]` struct of strings, numbers and booleans,
/// which serde_json always renders. The struct's field order is the body's key order, and every
/// body struct lists its fields sorted by key: bodies have always been sent that way (they were
/// built as `serde_json::Value` maps), and `tests::bodies_keep_their_key_order` holds them to it.
fn json_body(body: &impl serde::Serialize) -> String {
    serde_json::to_string(body).expect("a request body is plain JSON")
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::Endpoint;
    use crate::http::HttpRequest;
    /// For the tests' expected bodies.
    pub(crate) use serde_json::json;

    pub(crate) fn endpoint() -> Endpoint {
        Endpoint::new("INST", "TOKEN").unwrap().with_client_token("CT")
    }

    /// The body as JSON, for exact comparisons that ignore key order.
    pub(crate) fn body(request: &HttpRequest) -> serde_json::Value {
        serde_json::from_str(request.body.as_deref().expect("a body")).unwrap()
    }

    pub(crate) fn headers(request: &HttpRequest) -> Vec<(&str, &str)> {
        request.headers.iter().map(|(k, v)| (k.as_ref(), v.as_ref())).collect()
    }

    pub(crate) const JSON_HEADERS: [(&str, &str); 3] =
        [("Accept", "application/json"), ("Content-Type", "application/json"), ("Client-Token", "CT")];
    pub(crate) const BARE_HEADERS: [(&str, &str); 2] = [("Accept", "application/json"), ("Client-Token", "CT")];
}

#[cfg(test)]
mod tests {
    use super::test_support::endpoint;
    use super::*;
    use crate::model::{GroupId, GroupMention, Phone, Recipient};

    /// The exact bytes, which the JSON comparisons of the other tests do not pin.
    #[test]
    fn bodies_keep_their_key_order() {
        let phone = || Phone::parse("5544999999999").unwrap();
        let mut text = SendText::new(Recipient::parse("120363019502650977-group").unwrap(), "Hi @120363019502650978");
        text.delay_message = Some(15);
        text.delay_typing = Some(1);
        text.edit_message_id = Some(" ABC ".into());
        text.mentioned = vec![phone()];
        text.group_mentioned =
            vec![GroupMention { group_id: GroupId::parse("120363019502650978-group").unwrap(), subject: "S".into() }];
        let add = ChangeMembers {
            target: MemberTarget::parse("120363019502650977-group", "target").unwrap(),
            action: MemberAction::AddParticipants { auto_invite: false },
            phones: vec![phone()],
        };
        let cases = [
            (
                text.build(&endpoint()),
                r#"{"delayMessage":15,"delayTyping":1,"editMessageId":"ABC","groupMentioned":[{"phone":"120363019502650978-group","subject":"S"}],"mentioned":["5544999999999"],"message":"Hi @120363019502650978","phone":"120363019502650977-group"}"#,
            ),
            (
                add.build(&endpoint()),
                r#"{"autoInvite":false,"groupId":"120363019502650977-group","phones":["5544999999999"]}"#,
            ),
            (CreateCommunity::new("N").with_description("D").build(&endpoint()), r#"{"description":"D","name":"N"}"#),
        ];
        for (request, want) in cases {
            assert_eq!(request.unwrap().body.as_deref(), Some(want));
        }
    }
}
