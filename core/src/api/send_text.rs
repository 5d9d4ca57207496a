//! `POST /send-text`, with delays and mentions (developer.z-api.io/message/send-message-text).

use serde::Serialize;

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupMention, Phone, Recipient, SentMessage};
use crate::wire::{response, shapes::WireSentMessage};

/// Sends a text message. A success means the message was queued, not delivered.
///
/// To message a whole community, send to its announcement group (see
/// [`crate::Client::announce`]); the client refuses a community id here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendText {
    /// The contact or group.
    pub to: Recipient,
    /// The text; WhatsApp formatting (`*bold*`, …) and emoji work.
    pub message: String,
    /// Seconds the queue waits before the next message (1–15).
    pub delay_message: Option<u32>,
    /// Seconds "typing…" is shown first (1–15).
    pub delay_typing: Option<u32>,
    /// Replace a message sent earlier (needs a webhook configured on the instance).
    pub edit_message_id: Option<String>,
    /// Members to mention; the text may contain `@<number>` for each (without it, a silent mention).
    pub mentioned: Vec<Phone>,
    /// Groups of the same community to mention; the text must contain `@<group digits>` for each.
    pub group_mentioned: Vec<GroupMention>,
}

impl SendText {
    /// A plain message to `to`.
    pub fn new(to: impl Into<Recipient>, message: impl Into<String>) -> Self {
        Self {
            to: to.into(),
            message: message.into(),
            delay_message: None,
            delay_typing: None,
            edit_message_id: None,
            mentioned: Vec::new(),
            group_mentioned: Vec::new(),
        }
    }

    /// Checks the input without building the request.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the offending field.
    pub fn validate(&self) -> Result<(), Error> {
        validate::message("message", &self.message)?;
        validate::delay("delay_message", self.delay_message)?;
        validate::delay("delay_typing", self.delay_typing)?;
        if let Some(id) = &self.edit_message_id {
            if id.trim().is_empty() {
                return Err(Error::validation("edit_message_id", "must not be empty when given"));
            }
        }
        if !self.mentioned.is_empty() {
            validate::phone_list("mentioned", &self.mentioned)?;
        }
        if !self.group_mentioned.is_empty() && matches!(self.to, Recipient::Phone(_)) {
            return Err(Error::validation(
                "group_mentioned",
                "groups can only be mentioned in a group of the same community",
            ));
        }
        for (i, mention) in self.group_mentioned.iter().enumerate() {
            if mention.subject.trim().is_empty() {
                return Err(Error::validation(format!("group_mentioned[{i}].subject"), "must not be empty"));
            }
            let tag = format!("@{}", mention.group_id.digits());
            if !self.message.contains(&tag) {
                return Err(Error::validation(
                    format!("group_mentioned[{i}]"),
                    format!("the message must contain {tag} where the group is mentioned"),
                ));
            }
        }
        Ok(())
    }
}

/// The request body, its fields in sorted key order (see `json_body`). Options left unset are
/// not sent.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    delay_message: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delay_typing: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edit_message_id: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    group_mentioned: Vec<Mention<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    mentioned: &'a [Phone],
    message: &'a str,
    phone: &'a str,
}

/// One `groupMentioned` entry: the group id goes as `phone`.
#[derive(Serialize)]
struct Mention<'a> {
    phone: &'a str,
    subject: &'a str,
}

impl Call for SendText {
    type Output = SentMessage;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        self.validate()?;
        let body = json_body(&Body {
            delay_message: self.delay_message,
            delay_typing: self.delay_typing,
            edit_message_id: self.edit_message_id.as_deref().map(str::trim),
            group_mentioned: self
                .group_mentioned
                .iter()
                .map(|m| Mention { phone: m.group_id.as_str(), subject: &m.subject })
                .collect(),
            mentioned: &self.mentioned,
            message: &self.message,
            phone: self.to.as_str(),
        });
        Ok(endpoint.request(Method::Post, "/send-text", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<SentMessage, Error> {
        response::json::<WireSentMessage>(response)?.into_sent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;
    use crate::model::GroupId;

    fn to_group() -> Recipient {
        Recipient::parse("5511999999999-group").unwrap()
    }

    #[test]
    fn builds_plain_message() {
        let r = SendText::new(Phone::parse("5511999999999").unwrap(), "Welcome to *Z-API*").build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/send-text"));
        assert_eq!(headers(&r), JSON_HEADERS);
        assert_eq!(body(&r), json!({"phone":"5511999999999","message":"Welcome to *Z-API*"}));
    }

    #[test]
    fn builds_every_option() {
        let mut call = SendText::new(to_group(), "Welcome @1203634230225498 and @5544999999999");
        call.delay_message = Some(15);
        call.delay_typing = Some(1);
        call.edit_message_id = Some("D241XXXX732339502B68".into());
        call.mentioned = vec![Phone::parse("5544999999999").unwrap()];
        call.group_mentioned = vec![GroupMention {
            group_id: GroupId::parse("1203634230225498-group").unwrap(),
            subject: "Z-API subgroup".into(),
        }];
        assert_eq!(
            body(&call.build(&endpoint()).unwrap()),
            json!({"phone":"5511999999999-group","message":"Welcome @1203634230225498 and @5544999999999","delayMessage":15,"delayTyping":1,
                   "editMessageId":"D241XXXX732339502B68","mentioned":["5544999999999"],
                   "groupMentioned":[{"phone":"1203634230225498-group","subject":"Z-API subgroup"}]})
        );
    }

    #[test]
    fn refuses_bad_input() {
        let base = SendText::new(to_group(), "hi");
        let cases: Vec<(SendText, &str)> = vec![
            (SendText { message: "  ".into(), ..base.clone() }, "message"),
            (SendText { delay_message: Some(0), ..base.clone() }, "delay_message"),
            (SendText { delay_message: Some(16), ..base.clone() }, "delay_message"),
            (SendText { delay_typing: Some(0), ..base.clone() }, "delay_typing"),
            (SendText { delay_typing: Some(16), ..base.clone() }, "delay_typing"),
            (SendText { edit_message_id: Some(" ".into()), ..base.clone() }, "edit_message_id"),
            (
                SendText {
                    group_mentioned: vec![GroupMention {
                        group_id: GroupId::parse("1203634230225498-group").unwrap(),
                        subject: "S".into(),
                    }],
                    ..base.clone()
                },
                "group_mentioned[0]",
            ),
            (
                SendText {
                    to: Recipient::parse("5511999999999").unwrap(),
                    group_mentioned: vec![GroupMention {
                        group_id: GroupId::parse("1203634230225498-group").unwrap(),
                        subject: "S".into(),
                    }],
                    ..base.clone()
                },
                "group_mentioned",
            ),
        ];
        for (call, field) in cases {
            assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some(field), "{call:?}");
        }
    }

    #[test]
    fn parses_all_id_shapes() {
        let call = SendText::new(to_group(), "hi");
        let sent = call
            .parse(&HttpResponse::new(
                200,
                r#"{"zaapId":"3999984263738042930CD6ECDE9VDWSA","messageId":"D241XXXX732339502B68"}"#,
            ))
            .unwrap();
        assert_eq!(sent.message_id, "D241XXXX732339502B68");
        let only_id = call.parse(&HttpResponse::new(200, r#"{"zaapId":"z","id":"m"}"#)).unwrap();
        assert_eq!(only_id.message_id, "m");
        assert!(matches!(call.parse(&HttpResponse::new(200, r#"{"zaapId":"z"}"#)), Err(Error::Decode { .. })));
    }
}
