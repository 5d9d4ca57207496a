//! The service's response bodies, read leniently, and their conversion to domain types.
//! Unknown fields are ignored everywhere; every field the docs do not promise is optional.

use std::fmt;

use serde::Deserialize;

use super::json_value::{JsonObject, JsonValue};
use super::lenient::{LooseBool, LooseString, LooseU64};
use crate::error::Error;
use crate::model::{
    Chat, Community, CommunityId, CommunitySummary, CreatedGroup, GroupId, GroupInvitationMetadata, GroupMetadata,
    InvitationLinkError, LinkedGroup, Participant, QueuePage, QueuedMessage, SentMessage,
};

/// `subGroups[]` of create-community and communities-metadata
/// (developer.z-api.io/communities/create-community,
/// developer.z-api.io/communities/community-metadata), read as a JSON object: the PT metadata
/// example repeats the key `phone` (developer.z-api.io/communities/community-metadata, whose
/// examples disagree), which a derived reader refuses but an object keeps, last value winning, and
/// the last one is the id.
fn read_sub_group(index: usize, object: JsonObject<'_>) -> Result<LinkedGroup, Error> {
    let text = |key: &str| match object.get(key) {
        Some(JsonValue::String(s)) if !s.trim().is_empty() => Some(s.to_string()),
        Some(JsonValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let phone = text("phone").ok_or_else(|| Error::decode(format!("subGroups[{index}] has no phone")))?;
    let id = GroupId::parse(&phone)
        .map_err(|_| Error::decode(format!("subGroups[{index}].phone {phone:?} is not a group id")))?;
    let is_announcement = match object.get("isGroupAnnouncement") {
        Some(value) => {
            LooseBool::deserialize(value)
                .map_err(|e| Error::decode(format!("subGroups[{index}].isGroupAnnouncement: {e}")))?
                .0
        }
        None => false,
    };
    Ok(LinkedGroup { id, name: text("name").unwrap_or_default(), is_announcement })
}

/// Both create-community (`{id, subGroups}`) and metadata (`{name, id, description, subGroups}`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireCommunity {
    #[serde(default)]
    id: LooseString,
    #[serde(default)]
    name: LooseString,
    #[serde(default)]
    description: LooseString,
    #[serde(default)]
    sub_groups: Option<Vec<JsonObject<'static>>>,
}

impl WireCommunity {
    /// Converts, filling the name/description from the request when the response has none
    /// (create-community does not echo them).
    pub(crate) fn into_community(
        self,
        fallback_name: Option<&str>,
        fallback_description: Option<&str>,
    ) -> Result<Community, Error> {
        let id = required_id(self.id, "id", |raw| CommunityId::parse_field(raw, "id"))?;
        let groups = self
            .sub_groups
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, object)| read_sub_group(i, object))
            .collect::<Result<Vec<_>, _>>()?;
        let announcement_group = groups.iter().find(|g| g.is_announcement).map(|g| g.id.clone());
        let name = self
            .name
            .non_empty()
            .or_else(|| fallback_name.map(str::to_owned))
            .or_else(|| groups.iter().find(|g| g.is_announcement).map(|g| g.name.clone()))
            .unwrap_or_default();
        let description = self.description.non_empty().or_else(|| fallback_description.map(str::to_owned));
        Ok(Community { id, name, description, announcement_group, groups })
    }
}

/// The id in `value`, or a decode error naming `field`, which is only written out on failure.
fn required_id<T>(
    value: LooseString,
    field: impl fmt::Display,
    parse: impl Fn(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    let raw = value.non_empty().ok_or_else(|| Error::decode(format!("the response has no {field}")))?;
    parse(&raw).map_err(|_| Error::decode(format!("the response's {field} {raw:?} is not a valid id")))
}

/// One element of `GET /communities`.
#[derive(Deserialize)]
pub(crate) struct WireCommunitySummary {
    #[serde(default)]
    id: LooseString,
    #[serde(default)]
    name: LooseString,
}

impl WireCommunitySummary {
    pub(crate) fn into_summary(self, index: usize) -> Result<CommunitySummary, Error> {
        let id = required_id(self.id, format_args!("[{index}].id"), |raw| CommunityId::parse_field(raw, "id"))?;
        Ok(CommunitySummary { id, name: self.name.0.unwrap_or_default() })
    }
}

/// One element of `GET /chats` (developer.z-api.io/chats/get-chats): nearly every scalar may be a
/// string.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireChat {
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    name: LooseString,
    #[serde(default)]
    is_group: LooseBool,
    #[serde(default)]
    is_group_announcement: LooseBool,
    #[serde(default)]
    unread: LooseU64,
    #[serde(default)]
    last_message_time: LooseU64,
    #[serde(default)]
    is_muted: LooseBool,
    #[serde(default)]
    archived: LooseBool,
    #[serde(default)]
    pinned: LooseBool,
}

impl From<WireChat> for Chat {
    fn from(w: WireChat) -> Self {
        Chat {
            phone: w.phone.0.unwrap_or_default(),
            name: w.name.non_empty(),
            is_group: w.is_group.0,
            is_group_announcement: w.is_group_announcement.0,
            unread: w.unread.0.unwrap_or(0),
            last_message_time: w.last_message_time.0,
            is_muted: w.is_muted.0,
            archived: w.archived.0,
            pinned: w.pinned.0,
        }
    }
}

/// A chat with only what announcement-group discovery needs, borrowed from the body, so a
/// 100,000-chat list is scanned without building every `Chat`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireChatProbe<'a> {
    #[serde(default, borrow)]
    pub(crate) phone: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    pub(crate) is_group_announcement: LooseBool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireParticipant {
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    is_admin: LooseBool,
    #[serde(default)]
    is_super_admin: LooseBool,
}

/// `GET /group-metadata/{id}` (developer.z-api.io/group/metadata-group).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireGroupMetadata {
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    subject: LooseString,
    #[serde(default)]
    description: LooseString,
    #[serde(default)]
    owner: LooseString,
    #[serde(default)]
    creation: LooseU64,
    #[serde(default)]
    invitation_link: LooseString,
    #[serde(default)]
    invitation_link_error: LooseString,
    #[serde(default)]
    community_id: LooseString,
    #[serde(default)]
    is_group_announcement: LooseBool,
    #[serde(default)]
    admin_only_message: LooseBool,
    #[serde(default)]
    admin_only_settings: LooseBool,
    #[serde(default)]
    require_admin_approval: LooseBool,
    #[serde(default)]
    participants: Option<Vec<WireParticipant>>,
}

impl WireGroupMetadata {
    /// Converts; `requested` is used when the body omits its own id.
    pub(crate) fn into_metadata(self, requested: &GroupId) -> Result<GroupMetadata, Error> {
        let id = match self.phone.non_empty() {
            Some(raw) => GroupId::parse(&raw)
                .map_err(|_| Error::decode(format!("the response's phone {raw:?} is not a group id")))?,
            None => requested.clone(),
        };
        // A malformed communityId is treated as absent: it is a hint, and refusing the whole
        // metadata over it would hide the rest.
        let community_id = self.community_id.non_empty().and_then(|raw| CommunityId::parse(&raw).ok());
        Ok(GroupMetadata {
            id,
            name: self.subject.non_empty(),
            description: self.description.non_empty(),
            owner: self.owner.non_empty(),
            creation: self.creation.0,
            invitation_link: self.invitation_link.non_empty(),
            invitation_link_error: self.invitation_link_error.non_empty().and_then(|t| InvitationLinkError::parse(&t)),
            community_id,
            is_group_announcement: self.is_group_announcement.0,
            admin_only_message: self.admin_only_message.0,
            admin_only_settings: self.admin_only_settings.0,
            require_admin_approval: self.require_admin_approval.0,
            participants: participants(self.participants),
        })
    }
}

/// The members a body lists; an entry without a phone is skipped.
fn participants(wire: Option<Vec<WireParticipant>>) -> Vec<Participant> {
    wire.unwrap_or_default()
        .into_iter()
        .filter_map(|p| {
            Some(Participant {
                phone: p.phone.non_empty()?,
                is_admin: p.is_admin.0,
                is_super_admin: p.is_super_admin.0,
            })
        })
        .collect()
}

/// `GET /group-invitation-metadata?url=` (developer.z-api.io/group/group-invitation-metadata):
/// the English example's fields, and the Portuguese one's `description` and counts, all optional
/// but the group's id.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireInvitationMetadata {
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    subject: LooseString,
    #[serde(default)]
    description: LooseString,
    #[serde(default)]
    owner: LooseString,
    #[serde(default)]
    creation: LooseU64,
    #[serde(default)]
    participants_count: LooseU64,
    #[serde(default)]
    participants: Option<Vec<WireParticipant>>,
}

impl WireInvitationMetadata {
    /// Converts; the preview must say which group it is.
    pub(crate) fn into_metadata(self) -> Result<GroupInvitationMetadata, Error> {
        let raw = self.phone.non_empty().ok_or_else(|| Error::decode("the preview names no group (phone)"))?;
        let id = GroupId::parse(&raw)
            .map_err(|_| Error::decode(format!("the preview's phone {raw:?} is not a group id")))?;
        Ok(GroupInvitationMetadata {
            id,
            name: self.subject.non_empty(),
            description: self.description.non_empty(),
            owner: self.owner.non_empty(),
            creation: self.creation.0,
            participants_count: self.participants_count.0,
            participants: participants(self.participants),
        })
    }
}

/// `POST /create-group` → `{phone, invitationLink}` (developer.z-api.io/group/create-group).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireCreatedGroup {
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    invitation_link: LooseString,
}

impl WireCreatedGroup {
    pub(crate) fn into_created(self) -> Result<CreatedGroup, Error> {
        let id = required_id(self.phone, "phone", GroupId::parse)?;
        Ok(CreatedGroup { id, invitation_link: self.invitation_link.non_empty() })
    }
}

/// `{invitationLink}` of the redefine and get-link calls.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireInvitationLink {
    #[serde(default)]
    invitation_link: LooseString,
}

impl WireInvitationLink {
    pub(crate) fn into_link(self) -> Result<String, Error> {
        self.invitation_link.non_empty().ok_or_else(|| Error::decode("the response has no invitationLink"))
    }
}

/// `POST /send-text` → `{zaapId, messageId, id}` (developer.z-api.io/message/send-message-text;
/// `id` repeats `messageId`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireSentMessage {
    #[serde(default)]
    zaap_id: LooseString,
    #[serde(default)]
    message_id: LooseString,
    #[serde(default)]
    id: LooseString,
}

impl WireSentMessage {
    pub(crate) fn into_sent(self) -> Result<SentMessage, Error> {
        let message_id = self
            .message_id
            .non_empty()
            .or_else(|| self.id.non_empty())
            .ok_or_else(|| Error::decode("the response has no messageId"))?;
        Ok(SentMessage { zaap_id: self.zaap_id.0.unwrap_or_default(), message_id })
    }
}

/// `POST /queue` → `{messages, pagingState, hasMore}` (developer.z-api.io/queue/post-queue).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireQueuePage {
    #[serde(default)]
    messages: Option<Vec<WireQueuedMessage>>,
    #[serde(default)]
    paging_state: LooseString,
    #[serde(default)]
    has_more: LooseBool,
}

/// One queued message. Its keys are PascalCase, unlike every other answer; the delays are
/// numbers on one page and strings on the other, and `-1` means none.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct WireQueuedMessage {
    #[serde(default)]
    zaap_id: LooseString,
    #[serde(default, rename = "_id")]
    id: LooseString,
    #[serde(default)]
    message_id: LooseString,
    #[serde(default)]
    phone: LooseString,
    #[serde(default)]
    message: LooseString,
    #[serde(default)]
    delay_message: LooseU64,
    #[serde(default)]
    delay_typing: LooseU64,
    #[serde(default)]
    created: LooseU64,
}

impl WireQueuePage {
    /// The older `GET /queue` answered the list alone (developer.z-api.io/queue/get-queue): a
    /// last page.
    pub(crate) fn from_list(messages: Vec<WireQueuedMessage>) -> Self {
        Self { messages: Some(messages), ..Self::default() }
    }

    pub(crate) fn into_page(self) -> Result<QueuePage, Error> {
        let messages = self.messages.unwrap_or_default().into_iter().enumerate();
        let messages = messages.map(|(i, m)| m.into_queued(i)).collect::<Result<_, _>>()?;
        Ok(QueuePage { messages, paging_state: self.paging_state.non_empty(), has_more: self.has_more.0 })
    }
}

impl WireQueuedMessage {
    fn into_queued(self, index: usize) -> Result<QueuedMessage, Error> {
        let zaap_id = self
            .zaap_id
            .non_empty()
            .or_else(|| self.id.non_empty())
            .ok_or_else(|| Error::decode(format!("messages[{index}] has no ZaapId")))?;
        // 0 and -1 both mean "no delay" in the documented examples.
        let delay = |value: LooseU64| value.0.filter(|&n| n > 0).map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        Ok(QueuedMessage {
            zaap_id,
            message_id: self.message_id.non_empty(),
            phone: self.phone.0.unwrap_or_default(),
            message: self.message.0.unwrap_or_default(),
            delay_message: delay(self.delay_message),
            delay_typing: delay(self.delay_typing),
            created: self.created.0,
        })
    }
}
