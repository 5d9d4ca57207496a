//! Functions over response bodies the app fetched itself: no client, no I/O.

use zapi_communities::api::ListChats;
use zapi_communities::{Error, GroupId, WebhookEvent};

/// The ids of the announcement groups (chats flagged `isGroupAnnouncement`) in the body of a
/// chat-list response (`GET /chats`) that the app fetched itself or stored: the same scan as
/// `Client.list_announcement_groups`, without building a `Chat` for every entry. Chats whose
/// id is not a group id are skipped. An empty body is an empty list.
///
/// # Errors
/// `Api` (status 200) for an `{"error": …}` body, `Decode` for a body that is not a chat list.
#[uniffi::export]
pub fn parse_announcement_groups(body: Vec<u8>) -> Result<Vec<GroupId>, Error> {
    ListChats::announcement_groups_in_body(&body)
}

/// Reads one webhook body (the bytes your handler received) into its event: a `WebhookEvent`
/// whose case says which callback it is (`Message`, `Delivery`, `Status`, `Connected`,
/// `Disconnected`, `Presence`). Group notifications (join requests, people added, removed or
/// leaving) are the `notification` of a received message.
///
/// The service signs nothing: check the secret in your webhook URL before calling this.
///
/// # Errors
/// `Decode` for a body that is not an event (over 1 MiB, not JSON, no known `type`).
#[uniffi::export]
pub fn parse_webhook(body: Vec<u8>) -> Result<WebhookEvent, Error> {
    zapi_communities::parse_webhook(&body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_flagged_groups_and_refuses_an_error_body() {
        let body = br#"[{"phone":"120363019502650977-group","isGroupAnnouncement":true},
                        {"phone":"120363019502650978-group","isGroupAnnouncement":false}]"#;
        let found = parse_announcement_groups(body.to_vec()).unwrap();
        assert_eq!(found.iter().map(GroupId::as_str).collect::<Vec<_>>(), ["120363019502650977-group"]);
        let refused = parse_announcement_groups(br#"{"error":"x"}"#.to_vec()).unwrap_err();
        assert!(matches!(refused, Error::Api { status: 200, ref detail } if detail == "x"), "{refused:?}");
        assert!(matches!(parse_announcement_groups(b"<html>".to_vec()), Err(Error::Decode { .. })));
    }
}

/// Reads a community spec document (JSON text, as `schemas/community-spec.v1.json` describes),
/// for `Client.plan`.
///
/// # Errors
/// `Validation` naming `spec`, with the position in the reason.
#[uniffi::export]
pub fn parse_community_spec(json: String) -> Result<zapi_communities::plan::CommunitySpec, Error> {
    zapi_communities::plan::CommunitySpec::from_json(&json)
}
