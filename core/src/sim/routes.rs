//! The route table: which (method, path) pairs exist, with their path parameters decoded.

use percent_encoding::percent_decode_str;

use super::reply::Refusal;
use crate::http::Method;

/// A recognised call, path parameters decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// `POST /communities` (developer.z-api.io/communities/create-community).
    CreateCommunity,
    /// `GET /communities` (developer.z-api.io/communities/list-communities).
    ListCommunities,
    /// `GET /communities-metadata/{communityId}`
    /// (developer.z-api.io/communities/community-metadata).
    CommunityMetadata(String),
    /// `POST /communities/link` (developer.z-api.io/communities/link-groups).
    LinkGroups,
    /// `POST /communities/unlink` (developer.z-api.io/communities/unlink-groups).
    UnlinkGroups,
    /// `DELETE /communities/{communityId}` (developer.z-api.io/communities/deactivate-community).
    DeactivateCommunity(String),
    /// `POST /communities/settings` (developer.z-api.io/communities/community-settings).
    CommunitySettings,
    /// `POST /add-participant` (developer.z-api.io/communities/add-community-participant,
    /// developer.z-api.io/group/add-participant).
    AddParticipant,
    /// `POST /remove-participant` (developer.z-api.io/communities/remove-participant,
    /// developer.z-api.io/group/add-participant).
    RemoveParticipant,
    /// `POST /add-admin` (developer.z-api.io/communities/add-community-admin,
    /// developer.z-api.io/group/add-participant).
    AddAdmin,
    /// `POST /remove-admin` (developer.z-api.io/communities/remove-admin,
    /// developer.z-api.io/group/add-participant).
    RemoveAdmin,
    /// `POST /redefine-invitation-link/{communityId or groupId}`
    /// (developer.z-api.io/communities/redefine-invitation-link,
    /// developer.z-api.io/group/redefine-invitation-link).
    RedefineInvitationLink(String),
    /// `POST /update-community-description`
    /// (developer.z-api.io/communities/update-community-description).
    UpdateCommunityDescription,
    /// `POST /update-community-photo` (developer.z-api.io/communities/update-community-photo).
    UpdateCommunityPhoto,
    /// `GET /chats` (developer.z-api.io/chats/get-chats).
    ListChats,
    /// `GET /groups` (developer.z-api.io/group/get-groups).
    ListGroups,
    /// `GET /group-metadata/{groupId}` (developer.z-api.io/group/metadata-group).
    GroupMetadata(String),
    /// `GET /light-group-metadata/{groupId}` (developer.z-api.io/group/light-metadata-group).
    LightGroupMetadata(String),
    /// `GET /group-invitation-link/{groupId}` (developer.z-api.io/group/get-invitation-link).
    GroupInvitationLink(String),
    /// `POST /update-group-settings` (developer.z-api.io/group/update-group-settings).
    UpdateGroupSettings,
    /// `POST /send-text` (developer.z-api.io/message/send-message-text).
    SendText,
    /// `POST /create-group` (developer.z-api.io/group/create-group).
    CreateGroup,
    /// `POST /approve-participant` (developer.z-api.io/group/approve-participant).
    ApproveParticipant,
    /// `POST /reject-participant` (developer.z-api.io/group/reject-participant).
    RejectParticipant,
    /// `POST /leave-group` (developer.z-api.io/group/leave-group).
    LeaveGroup,
    /// `POST /update-group-name` (developer.z-api.io/group/update-group-name).
    UpdateGroupName,
    /// `POST /update-group-description` (developer.z-api.io/group/update-group-description).
    UpdateGroupDescription,
    /// `POST /update-group-photo` (developer.z-api.io/group/update-group-photo).
    UpdateGroupPhoto,
    /// `GET /accept-invite-group?url=` (developer.z-api.io/group/accept-group-invite).
    AcceptInviteGroup,
    /// `GET /group-invitation-metadata?url=` (developer.z-api.io/group/group-invitation-metadata).
    GroupInvitationMetadata,
    /// `POST /privacy/group-add` (developer.z-api.io/privacy/set-group-add).
    SetGroupAddPrivacy,
    /// `GET /privacy/disallowed-contacts?type=` (developer.z-api.io/privacy/set-group-add).
    DisallowedContacts,
    /// `PUT /update-webhook-<kind>` (developer.z-api.io/webhooks/introduction).
    SetWebhook(crate::model::WebhookKind),
    /// `PUT /update-every-webhooks` (developer.z-api.io/webhooks/update-every-webhooks).
    SetEveryWebhook,
    /// `PUT /update-notify-sent-by-me` (developer.z-api.io/webhooks/update-notify-sent-by-me).
    SetNotifySentByMe,
    /// `POST /queue` (developer.z-api.io/queue/post-queue).
    ListQueue,
    /// `DELETE /queue` (developer.z-api.io/queue/delete-queue).
    ClearQueue,
    /// `DELETE /queue/{zaapId}` (developer.z-api.io/queue/delete-queue-id).
    DeleteQueuedMessage(String),
}

/// Finds the route for `method` + `path` (the part after `/instances/{id}/token/{token}`).
///
/// Unknown path → 404 `{"error":"route not found"}`; known path, other method → 405 with an `Allow`
/// header (developer.z-api.io/communities/create-community). Where the docs disagree on a method
/// (developer.z-api.io/group/metadata-group and group/get-invitation-link, whose request samples
/// send another) the simulator accepts only the method the page text and the Portuguese original
/// agree on, GET.
pub(crate) fn resolve(method: Method, path: &str) -> Result<Route, Refusal> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let segments: Vec<&str> = trimmed.split('/').collect();
    let Some(candidates) = candidates(&segments)? else {
        return Err(Refusal::not_found("route not found"));
    };
    if let Some((_, route)) = candidates.iter().find(|(m, _)| *m == method) {
        return Ok(route.clone());
    }
    let allow: Vec<&str> = candidates.iter().map(|(m, _)| m.as_str()).collect();
    Err(Refusal::method_not_allowed(allow.join(", ")))
}

type Candidates = Option<Vec<(Method, Route)>>;

fn candidates(segments: &[&str]) -> Result<Candidates, Refusal> {
    use Method::{Delete, Get, Post, Put};
    let one = |method, route| Ok(Some(vec![(method, route)]));
    match segments {
        ["communities"] => Ok(Some(vec![(Post, Route::CreateCommunity), (Get, Route::ListCommunities)])),
        // The literal sub-routes win over `/communities/{id}` (which is DELETE only).
        ["communities", "link"] => one(Post, Route::LinkGroups),
        ["communities", "unlink"] => one(Post, Route::UnlinkGroups),
        ["communities", "settings"] => one(Post, Route::CommunitySettings),
        ["communities", id] => one(Delete, Route::DeactivateCommunity(decode(id)?)),
        ["communities-metadata", id] => one(Get, Route::CommunityMetadata(decode(id)?)),
        ["add-participant"] => one(Post, Route::AddParticipant),
        ["remove-participant"] => one(Post, Route::RemoveParticipant),
        ["add-admin"] => one(Post, Route::AddAdmin),
        ["remove-admin"] => one(Post, Route::RemoveAdmin),
        ["redefine-invitation-link", id] => one(Post, Route::RedefineInvitationLink(decode(id)?)),
        ["update-community-description"] => one(Post, Route::UpdateCommunityDescription),
        ["update-community-photo"] => one(Post, Route::UpdateCommunityPhoto),
        ["chats"] => one(Get, Route::ListChats),
        ["groups"] => one(Get, Route::ListGroups),
        ["group-metadata", id] => one(Get, Route::GroupMetadata(decode(id)?)),
        ["light-group-metadata", id] => one(Get, Route::LightGroupMetadata(decode(id)?)),
        ["group-invitation-link", id] => one(Get, Route::GroupInvitationLink(decode(id)?)),
        ["update-group-settings"] => one(Post, Route::UpdateGroupSettings),
        ["send-text"] => one(Post, Route::SendText),
        ["create-group"] => one(Post, Route::CreateGroup),
        ["approve-participant"] => one(Post, Route::ApproveParticipant),
        ["reject-participant"] => one(Post, Route::RejectParticipant),
        ["leave-group"] => one(Post, Route::LeaveGroup),
        ["update-group-name"] => one(Post, Route::UpdateGroupName),
        ["update-group-description"] => one(Post, Route::UpdateGroupDescription),
        ["update-group-photo"] => one(Post, Route::UpdateGroupPhoto),
        ["accept-invite-group"] => one(Get, Route::AcceptInviteGroup),
        ["group-invitation-metadata"] => one(Get, Route::GroupInvitationMetadata),
        ["privacy", "group-add"] => one(Post, Route::SetGroupAddPrivacy),
        ["privacy", "disallowed-contacts"] => one(Get, Route::DisallowedContacts),
        ["update-every-webhooks"] => one(Put, Route::SetEveryWebhook),
        ["update-notify-sent-by-me"] => one(Put, Route::SetNotifySentByMe),
        ["queue"] => Ok(Some(vec![(Post, Route::ListQueue), (Delete, Route::ClearQueue)])),
        ["queue", id] => one(Delete, Route::DeleteQueuedMessage(decode(id)?)),
        [route] if route.starts_with("update-webhook-") => {
            let kind = crate::model::WebhookKind::ALL.into_iter().find(|k| k.route()[1..] == **route);
            Ok(kind.map(|k| vec![(Put, Route::SetWebhook(k))]))
        }
        _ => Ok(None),
    }
}

/// Decodes one percent-encoded path parameter (`999%40lid` → `999@lid`).
fn decode(segment: &str) -> Result<String, Refusal> {
    if segment.is_empty() {
        return Err(Refusal::not_found("route not found"));
    }
    percent_decode_str(segment)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| Refusal::bad_request("a path parameter is not valid UTF-8 once percent-decoded"))
}
