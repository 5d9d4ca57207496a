//! Public domain types. The service's JSON never reaches users; these do.

pub mod community;
pub mod group;
pub mod ids;
pub mod invite;
pub mod linking;
pub mod message;
pub mod photo;
pub mod privacy;
pub mod queue;
pub mod webhooks;

pub use community::{
    AnnouncementGroup, AnnouncementSource, Community, CommunityContext, CommunitySummary, LinkedGroup, WhoCanAddGroups,
};
pub use group::{
    Chat, CreatedGroup, GroupMetadata, GroupSettings, InvitationLinkError, InvitationLinkErrorKind, Participant,
};
pub use ids::{CommunityId, GroupId, Phone, Recipient};
pub use invite::{GroupInvitationMetadata, INVITE_HOST, InviteLink};
pub use linking::{LinkOutcome, SkippedGroup, UnlinkOutcome};
pub use message::{Announcement, GroupMention, SentMessage};
pub use photo::Photo;
pub use privacy::GroupAddPrivacy;
pub use queue::{QueuePage, QueuedMessage};
pub use webhooks::WebhookKind;
