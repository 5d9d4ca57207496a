//! The route table: which (method, path) pairs exist, with their path parameters decoded.

use percent_encoding::percent_decode_str;

use super::reply::Refusal;
use crate::http::Method;

/// A recognised call, path parameters decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// `POST /communities` (facts §3.1).
    CreateCommunity,
    /// `GET /communities` (§3.2).
    ListCommunities,
    /// `GET /communities-metadata/{communityId}` (§3.3).
    CommunityMetadata(String),
    /// `POST /communities/link` (§3.4).
    LinkGroups,
    /// `POST /communities/unlink` (§3.5).
    UnlinkGroups,
    /// `DELETE /communities/{communityId}` (§3.6).
    DeactivateCommunity(String),
    /// `POST /communities/settings` (§3.7).
    CommunitySettings,
    /// `POST /add-participant` (§3.8, §4.8).
    AddParticipant,
    /// `POST /remove-participant` (§3.9, §4.8).
    RemoveParticipant,
    /// `POST /add-admin` (§3.10, §4.8).
    AddAdmin,
    /// `POST /remove-admin` (§3.11, §4.8).
    RemoveAdmin,
    /// `POST /redefine-invitation-link/{communityId or groupId}` (§3.12, §4.6).
    RedefineInvitationLink(String),
    /// `POST /update-community-description` (§3.13).
    UpdateCommunityDescription,
    /// `POST /update-community-photo` (§3.14).
    UpdateCommunityPhoto,
    /// `GET /chats` (§4.1).
    ListChats,
    /// `GET /groups` (§4.2).
    ListGroups,
    /// `GET /group-metadata/{groupId}` (§4.3).
    GroupMetadata(String),
    /// `GET /light-group-metadata/{groupId}` (§4.4).
    LightGroupMetadata(String),
    /// `GET /group-invitation-link/{groupId}` (§4.5).
    GroupInvitationLink(String),
    /// `POST /update-group-settings` (§4.7).
    UpdateGroupSettings,
    /// `POST /send-text` (§4.9–4.11).
    SendText,
    /// `POST /create-group` (§4.12).
    CreateGroup,
}

/// Finds the route for `method` + `path` (the part after `/instances/{id}/token/{token}`).
///
/// Unknown path → 404 `{"error":"route not found"}`; known path, other method → 405 with an
/// `Allow` header (facts §1.3). Where the docs disagree on a method (group metadata, group
/// invitation link: facts inconsistencies 10 and 13) the simulator accepts only the method the
/// page text and the Portuguese original agree on, GET.
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
    use Method::{Delete, Get, Post};
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
