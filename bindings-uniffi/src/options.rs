//! Parameter bundles of calls whose core form carries the recipient itself.

use zapi_communities::api::SendText;
use zapi_communities::{GroupMention, Phone, Recipient};

/// Optional parts of `sendText`. Every field has a default, so `SendTextOptions()` is a plain
/// message. (`announce` takes the core's `AnnounceOptions`, which has no `editMessageId`.)
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct SendTextOptions {
    /// Seconds the queue waits before the next message (1–15).
    #[uniffi(default)]
    pub delay_message: Option<u32>,
    /// Seconds "typing…" is shown first (1–15).
    #[uniffi(default)]
    pub delay_typing: Option<u32>,
    /// Replace a message sent earlier (needs a webhook configured on the instance).
    #[uniffi(default)]
    pub edit_message_id: Option<String>,
    /// Members to mention; the text may contain `@<number>` for each.
    #[uniffi(default)]
    pub mentioned: Vec<Phone>,
    /// Groups of the same community to mention; the text must contain `@<group digits>` for each.
    #[uniffi(default)]
    pub group_mentioned: Vec<GroupMention>,
}

impl SendTextOptions {
    /// The core call: these options, sent to `to`.
    pub(crate) fn into_call(self, to: Recipient, message: String) -> SendText {
        SendText {
            to,
            message,
            delay_message: self.delay_message,
            delay_typing: self.delay_typing,
            edit_message_id: self.edit_message_id,
            mentioned: self.mentioned,
            group_mentioned: self.group_mentioned,
        }
    }
}
