//! Sending messages, and announcing to a whole community.

use crate::api::SendText;
use crate::error::Error;
use crate::model::{Announcement, CommunityId, GroupId, GroupMention, Phone, Recipient, SentMessage};

use super::Client;

/// Options of [`Client::announce`], typed. The bindings take [`crate::MessageOptions`], the raw
/// form, and parse it into these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnounceOptions {
    /// Seconds the queue waits before the next message (1–15).
    pub delay_message: Option<u32>,
    /// Seconds "typing…" is shown first (1–15).
    pub delay_typing: Option<u32>,
    /// Members to mention.
    pub mentioned: Vec<Phone>,
    /// Groups of the community to mention (the text must contain `@<group digits>`).
    pub group_mentioned: Vec<GroupMention>,
}

impl AnnounceOptions {
    /// A [`SendText`] of `message` to `to` with these options (and no `edit_message_id`): the
    /// one place the options become a call, for `announce` and for bindings whose `send_text`
    /// takes the same options.
    pub fn into_send_text(self, to: Recipient, message: impl Into<String>) -> SendText {
        SendText {
            to,
            message: message.into(),
            delay_message: self.delay_message,
            delay_typing: self.delay_typing,
            edit_message_id: None,
            mentioned: self.mentioned,
            group_mentioned: self.group_mentioned,
        }
    }
}

impl Client {
    /// Reads a recipient as a user typed it, refusing a community id the client knows (send to
    /// its announcement group instead).
    ///
    /// # Errors
    /// [`Error::NotAnnouncementGroup`] or [`Error::Validation`] naming `to`.
    pub fn recipient(&self, raw: &str) -> Result<Recipient, Error> {
        let trimmed = raw.trim();
        let digits = trimmed.strip_suffix("-group").or_else(|| trimmed.strip_suffix("@g.us")).unwrap_or(trimmed);
        self.refuse_community(digits)?;
        Recipient::parse_field(trimmed, "to")
    }

    fn refuse_community(&self, digits: &str) -> Result<(), Error> {
        let known = self.knowledge();
        match known.is_known_community(digits) {
            Some(community) => Err(Error::NotAnnouncementGroup {
                community_id: community.to_string(),
                announcement_group: known.announcement(community).map(|g| g.group_id.to_string()),
            }),
            None => Ok(()),
        }
    }

    /// Sends a text message. A community id the client knows is refused: a community is
    /// messaged through its announcement group ([`Client::announce`]).
    ///
    /// # Errors
    /// [`Error::NotAnnouncementGroup`], [`Error::Validation`] or any call error.
    pub async fn send_text(&self, call: &SendText) -> Result<SentMessage, Error> {
        let digits = match &call.to {
            Recipient::Phone(p) => p.as_str(),
            Recipient::Group(g) => g.digits(),
        };
        self.refuse_community(digits)?;
        self.execute(call).await
    }

    /// Sends `text` to the whole community: resolves its announcement group (cache first), then
    /// sends there. Only admins can post to it.
    ///
    /// # Errors
    /// [`Error::NotFound`] when no announcement group can be found, or any call error.
    pub async fn announce(
        &self,
        community_id: &CommunityId,
        text: &str,
        options: AnnounceOptions,
    ) -> Result<Announcement, Error> {
        // Validate the message before any lookup, so bad input costs no request at all.
        // A stand-in group recipient: only the message parts are checked here; the real
        // announcement group replaces it once resolved.
        let parts = options.into_send_text(Recipient::Group(GroupId::from_digits(community_id.as_str())), text);
        // The text is `text` here (`message` is send_text's name for it).
        parts.validate().map_err(|e| e.with_field_renamed("message", "text"))?;
        let group = self.resolve_announcement_group(community_id).await?;
        let call = SendText { to: Recipient::Group(group.group_id.clone()), ..parts };
        let message = self.execute(&call).await?;
        Ok(Announcement { announcement_group: group, message })
    }
}
