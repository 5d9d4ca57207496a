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
mod group_metadata;
mod group_settings;
mod invitation_link;
mod link_groups;
mod list_chats;
mod list_communities;
mod members;
mod send_text;
mod unlink_groups;

pub use community_description::UpdateCommunityDescription;
pub use community_metadata::GetCommunityMetadata;
pub use community_photo::UpdateCommunityPhoto;
pub use community_settings::UpdateCommunitySettings;
pub use create_community::CreateCommunity;
pub use create_group::CreateGroup;
pub use deactivate_community::DeactivateCommunity;
pub use endpoint::{DEFAULT_BASE_URL, Endpoint, PROXY_PLACEHOLDER};
pub use group_metadata::GetGroupMetadata;
pub use group_settings::UpdateGroupSettings;
pub use invitation_link::{GetGroupInvitationLink, RedefineInvitationLink};
pub use link_groups::LinkGroups;
pub use list_chats::ListChats;
pub use list_communities::ListCommunities;
pub use members::{ChangeMembers, MemberAction, MemberTarget};
pub use send_text::SendText;
pub use unlink_groups::{CommunityGroups, UnlinkGroups};

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

#[cfg(test)]
pub(crate) mod test_support {
    use super::Endpoint;
    use crate::http::HttpRequest;

    pub(crate) fn endpoint() -> Endpoint {
        Endpoint::new("INST", "TOKEN").unwrap().with_client_token("CT")
    }

    /// The body as JSON, for exact comparisons that ignore key order.
    pub(crate) fn body(request: &HttpRequest) -> serde_json::Value {
        serde_json::from_str(request.body.as_deref().expect("a body")).unwrap()
    }

    pub(crate) fn headers(request: &HttpRequest) -> Vec<(&str, &str)> {
        request.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }

    pub(crate) const JSON_HEADERS: [(&str, &str); 3] =
        [("Accept", "application/json"), ("Content-Type", "application/json"), ("Client-Token", "CT")];
    pub(crate) const BARE_HEADERS: [(&str, &str); 2] = [("Accept", "application/json"), ("Client-Token", "CT")];
}
