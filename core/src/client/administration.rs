//! Running a group: join requests, its name, description and photo, leaving it, and joining or
//! previewing one from its invitation link.

use crate::api::{
    AcceptGroupInvite, DecideJoinRequests, GetGroupInvitationMetadata, GroupDetail, JoinDecision, LeaveGroup,
    UpdateGroupDetail,
};
use crate::error::Error;
use crate::model::{GroupId, GroupInvitationMetadata, InviteLink, Phone, Photo};

use super::Client;

impl Client {
    /// Approves the pending join requests of `phones` in a group that requires an admin's
    /// approval: they become members (of the community's announcement group too, for a linked
    /// group). Requests arrive as `MEMBERSHIP_APPROVAL_REQUEST` webhooks; the service says
    /// nothing per number.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn approve_participants(&self, group_id: &GroupId, phones: &[Phone]) -> Result<(), Error> {
        self.decide(group_id, phones, JoinDecision::Approve).await
    }

    /// Rejects the pending join requests of `phones` in a group; the service says nothing per
    /// number.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn reject_participants(&self, group_id: &GroupId, phones: &[Phone]) -> Result<(), Error> {
        self.decide(group_id, phones, JoinDecision::Reject).await
    }

    async fn decide(&self, group_id: &GroupId, phones: &[Phone], decision: JoinDecision) -> Result<(), Error> {
        self.execute(&DecideJoinRequests { group_id: group_id.clone(), phones: phones.to_vec(), decision }).await
    }

    /// The connected number leaves a group.
    ///
    /// # Errors
    /// Any call error.
    pub async fn leave_group(&self, group_id: &GroupId) -> Result<(), Error> {
        self.execute(&LeaveGroup { group_id: group_id.clone() }).await
    }

    /// Renames a group (1–100 characters). Only admins can.
    ///
    /// # Errors
    /// [`Error::Validation`] (`name`) or any call error.
    pub async fn update_group_name(&self, group_id: &GroupId, name: &str) -> Result<(), Error> {
        self.update_detail(group_id, GroupDetail::Name(name.to_owned())).await
    }

    /// Replaces a group's description (at most 2048 characters; empty clears it). Only admins can.
    ///
    /// # Errors
    /// [`Error::Validation`] (`description`) or any call error.
    pub async fn update_group_description(&self, group_id: &GroupId, description: &str) -> Result<(), Error> {
        self.update_detail(group_id, GroupDetail::Description(description.to_owned())).await
    }

    /// Replaces a group's photo (an https URL or Base64 data). Only admins can.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_group_photo(&self, group_id: &GroupId, photo: &Photo) -> Result<(), Error> {
        self.update_detail(group_id, GroupDetail::Photo(photo.clone())).await
    }

    async fn update_detail(&self, group_id: &GroupId, detail: GroupDetail) -> Result<(), Error> {
        self.execute(&UpdateGroupDetail { group_id: group_id.clone(), detail }).await
    }

    /// The connected number joins a group from its invitation link (`https://chat.whatsapp.com/CODE`
    /// or the bare code); where an admin must approve, it asks to join.
    ///
    /// # Errors
    /// Any call error.
    pub async fn accept_group_invite(&self, link: &InviteLink) -> Result<(), Error> {
        self.execute(&AcceptGroupInvite { link: link.clone() }).await
    }

    /// Previews the group behind an invitation link (`https://chat.whatsapp.com/CODE` or the bare
    /// code) without joining it.
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_invitation_metadata(&self, link: &InviteLink) -> Result<GroupInvitationMetadata, Error> {
        self.execute(&GetGroupInvitationMetadata { link: link.clone() }).await
    }
}
