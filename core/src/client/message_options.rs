//! [`MessageOptions`]: the optional parts of `send_text` and `announce`, declared once, in the
//! raw form every binding receives (strings as the caller typed them). [`MessageOptions::parse`]
//! turns them into the typed [`AnnounceOptions`] plus the edit id, naming the failing part
//! (`mentioned[2]`, `group_mentioned[1].group_id`), so every language reports a bad value the same
//! way. Kotlin/Swift get the record and JS the options type by derive; Python fills it from
//! keyword arguments.

use serde::Deserialize;

use crate::api::SendText;
use crate::api::validate::{parse_group_mentions, parse_phones};
use crate::error::Error;
use crate::model::Recipient;

use super::AnnounceOptions;

/// The optional parts of a text message: delays, mentions, and (for `send_text`) the message it
/// replaces. Every part may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MessageOptions {
    /// Seconds the queue waits before the next message (1–15).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub delay_message: Option<u32>,
    /// Seconds "typing…" is shown first (1–15).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub delay_typing: Option<u32>,
    /// The id of a message sent earlier that this one replaces (`send_text` only; needs a
    /// webhook configured on the instance).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub edit_message_id: Option<String>,
    /// Members to mention (phones with country code, or `…@lid`); the text may contain
    /// `@<number>` for each.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub mentioned: Vec<String>,
    /// Groups of the same community to mention; the text must contain `@<group digits>` for each.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub group_mentioned: Vec<GroupMentionInput>,
}

/// A group to mention, as given: its id and the name shown in the mention.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GroupMentionInput {
    /// The mentioned group (`…-group`).
    pub group_id: String,
    /// Its name as shown in the mention.
    pub subject: String,
}

impl MessageOptions {
    /// The typed options, and the edit id.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the part: `mentioned[i]`, `group_mentioned[i].group_id`.
    pub fn parse(self) -> Result<(AnnounceOptions, Option<String>), Error> {
        let mentions = self.group_mentioned.into_iter().map(|m| (m.group_id, m.subject));
        let options = AnnounceOptions {
            delay_message: self.delay_message,
            delay_typing: self.delay_typing,
            mentioned: parse_phones("mentioned", &self.mentioned)?,
            group_mentioned: parse_group_mentions(mentions)?,
        };
        Ok((options, self.edit_message_id))
    }

    /// The `send_text` call of `message` to `to` with these options (the call is validated when
    /// it is built).
    ///
    /// # Errors
    /// As [`MessageOptions::parse`].
    pub fn into_send_text(self, to: Recipient, message: impl Into<String>) -> Result<SendText, Error> {
        let (options, edit_message_id) = self.parse()?;
        Ok(SendText { edit_message_id, ..options.into_send_text(to, message) })
    }

    /// The options of `announce`, which sends a new message: an edit id is refused.
    ///
    /// # Errors
    /// As [`MessageOptions::parse`], and [`Error::Validation`] naming `edit_message_id`.
    pub fn into_announce(self) -> Result<AnnounceOptions, Error> {
        match self.parse()? {
            (options, None) => Ok(options),
            (_, Some(_)) => Err(Error::validation(
                "edit_message_id",
                "announce sends a new message; to edit one, use send_text to the announcement group",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_parsed_and_named() {
        let options =
            MessageOptions { mentioned: vec!["+55 11 99999-9999".into(), "nope".into()], ..Default::default() };
        assert_eq!(options.parse().unwrap_err().field(), Some("mentioned[1]"));
        let mention = |id: &str| GroupMentionInput { group_id: id.into(), subject: "S".into() };
        let groups = MessageOptions {
            group_mentioned: vec![mention("120363019502650977-group"), mention("x")],
            ..Default::default()
        };
        assert_eq!(groups.parse().unwrap_err().field(), Some("group_mentioned[1].group_id"));
        let edit = MessageOptions { edit_message_id: Some("ABC".into()), ..Default::default() };
        assert_eq!(edit.clone().into_announce().unwrap_err().field(), Some("edit_message_id"));
        let to = Recipient::parse("5511999999999").unwrap();
        assert_eq!(edit.into_send_text(to, "hi").unwrap().edit_message_id.as_deref(), Some("ABC"));
    }

    #[test]
    fn reads_the_camel_case_json_every_binding_shows() {
        let o: MessageOptions =
            serde_json::from_str(r#"{"delayTyping":2,"groupMentioned":[{"groupId":"1-group","subject":"S"}]}"#)
                .unwrap();
        assert_eq!((o.delay_typing, o.group_mentioned.len()), (Some(2), 1));
        assert!(serde_json::from_str::<MessageOptions>(r#"{"delay":1}"#).is_err());
    }
}
