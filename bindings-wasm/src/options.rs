//! The option objects JS callers pass, and their conversion into core values with the core's
//! own parsers (so a bad value fails exactly as in every other language, naming its field).
//!
//! These shapes exist only in JS (raw strings in, parsed here); everything the client returns
//! is a core type.

use serde::Deserialize;
use tsify::Tsify;
use zapi_communities::api::SendText;
use zapi_communities::api::validate::{parse_group_mentions, parse_phones};
use zapi_communities::{Error, GroupMention, Recipient};

use crate::convert::whole_u32;

/// A group of the same community mentioned in a message; the text must contain
/// `@<the group's digits>`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MentionInput {
    /// The mentioned group.
    pub group_id: String,
    /// Its name as shown in the mention.
    pub subject: String,
}

/// Optional settings of `sendText`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendTextOptions {
    /// Seconds the queue waits before the next message (1–15).
    #[tsify(optional)]
    pub delay_message: Option<f64>,
    /// Seconds "typing…" is shown first (1–15).
    #[tsify(optional)]
    pub delay_typing: Option<f64>,
    /// Replace a message sent earlier (needs a webhook configured on the instance).
    #[tsify(optional)]
    pub edit_message_id: Option<String>,
    /// Members to mention; the text may contain `@<number>` for each.
    #[tsify(optional)]
    pub mentioned: Option<Vec<String>>,
    /// Groups of the same community to mention (only in a community's groups).
    #[tsify(optional, type = "GroupMention[]")]
    pub group_mentioned: Option<Vec<MentionInput>>,
}

/// Optional settings of `announce`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnnounceOptions {
    /// Seconds the queue waits before the next message (1–15).
    #[tsify(optional)]
    pub delay_message: Option<f64>,
    /// Seconds "typing…" is shown first (1–15).
    #[tsify(optional)]
    pub delay_typing: Option<f64>,
    /// Members to mention; the text may contain `@<number>` for each.
    #[tsify(optional)]
    pub mentioned: Option<Vec<String>>,
    /// Groups of the community to mention; the text must contain `@<group digits>` for each.
    #[tsify(optional, type = "GroupMention[]")]
    pub group_mentioned: Option<Vec<MentionInput>>,
}

/// Optional settings of `createGroup` and `addParticipants`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InviteOptions {
    /// Send a private invite link to numbers WhatsApp refuses to add directly. Default `false`.
    #[tsify(optional)]
    pub auto_invite: Option<bool>,
}

impl SendTextOptions {
    /// The core call, every part parsed (the core validates the whole call before sending).
    pub(crate) fn into_call(self, to: Recipient, message: String) -> Result<SendText, Error> {
        let shared = AnnounceOptions {
            delay_message: self.delay_message,
            delay_typing: self.delay_typing,
            mentioned: self.mentioned,
            group_mentioned: self.group_mentioned,
        };
        Ok(SendText { edit_message_id: self.edit_message_id, ..shared.into_core()?.into_send_text(to, message) })
    }
}

impl AnnounceOptions {
    /// The core options, every part parsed.
    pub(crate) fn into_core(self) -> Result<zapi_communities::AnnounceOptions, Error> {
        Ok(zapi_communities::AnnounceOptions {
            delay_message: self.delay_message.map(|d| whole_u32("delay_message", d)).transpose()?,
            delay_typing: self.delay_typing.map(|d| whole_u32("delay_typing", d)).transpose()?,
            mentioned: parse_phones("mentioned", &self.mentioned.unwrap_or_default())?,
            group_mentioned: mentions(self.group_mentioned.unwrap_or_default())?,
        })
    }
}

fn mentions(raw: Vec<MentionInput>) -> Result<Vec<GroupMention>, Error> {
    parse_group_mentions(raw.into_iter().map(|m| (m.group_id, m.subject)))
}
