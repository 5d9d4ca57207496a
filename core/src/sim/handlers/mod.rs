//! One handler per call. Each validates everything before it changes anything, so a refused
//! request leaves the state untouched.

mod chats;
mod communities;
mod group_details;
mod groups;
mod invitations;
mod join_requests;
mod linking;
mod messages;
mod paging;
mod participants;
mod privacy;
mod queue;
mod webhooks;

pub use join_requests::InviteJoin;
pub(crate) use join_requests::{join_by_link, set_link_mode, withdraw_request};
pub(crate) use linking::MAX_GROUPS;
pub(crate) use queue::set_phone_connected;

use super::reply::Refusal;
use super::routes::Route;
use super::state::SimState;
use crate::http::{HttpRequest, HttpResponse};

/// What every handler returns: the answer, or a refusal rendered as `{"error": …}`.
pub(crate) type Outcome = Result<HttpResponse, Refusal>;

/// Runs the handler of `route`.
pub(crate) fn dispatch(state: &mut SimState, route: Route, request: &HttpRequest) -> Outcome {
    match route {
        Route::CreateCommunity => communities::create(state, request),
        Route::ListCommunities => communities::list(state, request),
        Route::CommunityMetadata(id) => communities::metadata(state, &id),
        Route::LinkGroups => linking::link(state, request),
        Route::UnlinkGroups => linking::unlink(state, request),
        Route::DeactivateCommunity(id) => communities::deactivate(state, &id),
        Route::CommunitySettings => communities::settings(state, request),
        Route::AddParticipant => participants::add_participants(state, request),
        Route::RemoveParticipant => participants::remove_participants(state, request),
        Route::AddAdmin => participants::promote(state, request),
        Route::RemoveAdmin => participants::demote(state, request),
        Route::RedefineInvitationLink(id) => invitations::redefine(state, &id),
        Route::UpdateCommunityDescription => communities::update_description(state, request),
        Route::UpdateCommunityPhoto => communities::update_photo(state, request),
        Route::ListChats => chats::list_chats(state, request),
        Route::ListGroups => chats::list_groups(state, request),
        Route::GroupMetadata(id) => groups::metadata(state, &id, true),
        Route::LightGroupMetadata(id) => groups::metadata(state, &id, false),
        Route::GroupInvitationLink(id) => invitations::group_link(state, &id),
        Route::UpdateGroupSettings => groups::update_settings(state, request),
        Route::SendText => messages::send_text(state, request),
        Route::CreateGroup => groups::create(state, request),
        Route::ApproveParticipant => join_requests::approve(state, request),
        Route::RejectParticipant => join_requests::reject(state, request),
        Route::LeaveGroup => group_details::leave(state, request),
        Route::UpdateGroupName => group_details::rename(state, request),
        Route::UpdateGroupDescription => group_details::describe(state, request),
        Route::UpdateGroupPhoto => group_details::set_photo(state, request),
        Route::AcceptInviteGroup => join_requests::accept_invite(state, request),
        Route::GroupInvitationMetadata => join_requests::invitation_metadata(state, request),
        Route::SetGroupAddPrivacy => privacy::set_group_add(state, request),
        Route::DisallowedContacts => privacy::disallowed_contacts(state, request),
        Route::SetWebhook(kind) => webhooks::set(state, request, kind),
        Route::SetEveryWebhook => webhooks::set_every(state, request),
        Route::SetNotifySentByMe => webhooks::notify_sent_by_me(state, request),
        Route::ListQueue => queue::list(state, request),
        Route::ClearQueue => queue::clear(state),
        Route::DeleteQueuedMessage(id) => queue::delete(state, &id),
    }
}

/// The active community `id`, or 404.
fn community_or_404<'a>(state: &'a SimState, id: &str) -> Result<&'a super::state::SimCommunity, Refusal> {
    state.active_community(id).ok_or_else(|| Refusal::not_found(format!("community {id} not found")))
}

/// The group `phone`, or 404.
fn group_or_404<'a>(state: &'a SimState, phone: &str) -> Result<&'a super::state::SimGroup, Refusal> {
    state.group(phone).ok_or_else(|| Refusal::not_found(format!("group {phone} not found")))
}

/// 403 unless the connected phone is a community admin
/// (developer.z-api.io/communities/update-community-description).
fn require_community_admin(state: &SimState, community_id: &str) -> Result<(), Refusal> {
    if state.connected_is_community_admin(community_id) {
        Ok(())
    } else {
        Err(Refusal::forbidden(format!("the connected phone is not an admin of community {community_id}")))
    }
}

/// 403 unless the connected phone is an admin of the group
/// (developer.z-api.io/group/update-group-settings).
fn require_group_admin(state: &SimState, phone: &str) -> Result<(), Refusal> {
    let group = group_or_404(state, phone)?;
    if state.connected_is_group_admin(group) {
        Ok(())
    } else {
        Err(Refusal::forbidden(format!("the connected phone is not an admin of group {phone}")))
    }
}
