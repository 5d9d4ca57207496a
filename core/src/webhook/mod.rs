//! Webhooks: the JSON POSTs a Z-API instance sends to the URLs set with the webhook calls, read
//! into typed events (developer.z-api.io/webhooks/introduction).
//!
//! The service signs nothing: anyone who knows the URL can post to it. Put a secret in the URL
//! (see the README) and check it before parsing.
//!
//! [`parse_webhook`] is as lenient as the service: unknown fields are ignored, every optional
//! field may be missing or `null`, numbers may come as strings and strings as numbers, a repeated
//! key keeps its last value, the type may be spelled `ReceivedCallBack`, and a trailing comma is
//! forgiven. What is not an event at all (not JSON, not an object, no or an unknown `type`, a
//! body over [`MAX_WEBHOOK_BYTES`]) is an [`Error::Decode`].

mod content;
mod event;
mod fields;
mod keys;
mod notification;
mod secret;

pub use content::MessageContent;
pub use event::{
    Connection, Delivery, DeliveryStatus, Disconnection, MessageStatus, Presence, PresenceStatus, ReceivedMessage,
    WebhookEvent,
};
pub use notification::{GroupNotification, JoinRequestMethod, LinkMode};
pub use secret::WebhookSecret;

use fields::Fields;
use keys as key;

use crate::error::Error;
use crate::wire::json_value::JsonValue;
use crate::wire::response::parse_json;
use crate::wire::tape::{Kind, Tape};

/// The largest body [`parse_webhook`] reads: 1 MiB. Events carry media as URLs, so a real one is
/// a few kilobytes; a larger body is refused unread.
pub const MAX_WEBHOOK_BYTES: usize = 1 << 20;

/// Reads one webhook body into its event.
///
/// # Errors
/// [`Error::Decode`] for a body that is not an event: larger than [`MAX_WEBHOOK_BYTES`], not
/// JSON, not an object, or without a known `type`.
pub fn parse_webhook(body: &[u8]) -> Result<WebhookEvent, Error> {
    if body.len() > MAX_WEBHOOK_BYTES {
        return Err(Error::decode(format!(
            "a webhook body of {} bytes is over the {MAX_WEBHOOK_BYTES}-byte cap",
            body.len()
        )));
    }
    // The tape reads what the tree readers read; when it refuses a body, they say why.
    let Some(mut tape) = Tape::read(body) else {
        return Err(parse_json::<JsonValue<'static>>(body)
            .err()
            .unwrap_or_else(|| Error::decode("a webhook body is JSON the reader cannot take")));
    };
    if tape.root().kind() != Kind::Object {
        return Err(Error::decode("a webhook body is a JSON object"));
    }
    let body = Fields::body(&mut tape);
    let kind = body.text_ref(key::TYPE).ok_or_else(|| Error::decode("a webhook body names its type"))?;
    let instance_id = body.text(key::INSTANCE_ID);
    // The table spells `ReceivedCallBack`, every example `ReceivedCallback`.
    let is = |name: &str| kind.eq_ignore_ascii_case(name);
    Ok(match () {
        () if is("receivedcallback") => WebhookEvent::Message { message: received(body, instance_id)? },
        () if is("deliverycallback") => WebhookEvent::Delivery {
            delivery: Delivery {
                phone: body.text(key::PHONE),
                zaap_id: body.text(key::ZAAP_ID),
                message_id: body.text(key::MESSAGE_ID),
                instance_id,
            },
        },
        () if is("messagestatuscallback") => {
            let status_text = body.text(key::STATUS).unwrap_or_default();
            WebhookEvent::Status {
                status: MessageStatus {
                    status: delivery_status(&status_text),
                    status_text,
                    ids: body.texts(key::IDS),
                    phone: body.text(key::PHONE),
                    is_group: body.flag(key::IS_GROUP),
                    moment: moment(body),
                    instance_id,
                },
            }
        }
        () if is("connectedcallback") => WebhookEvent::Connected {
            connection: Connection {
                phone: body.text(key::PHONE),
                connected: body.flag(key::CONNECTED),
                moment: moment(body),
                instance_id,
            },
        },
        () if is("disconnectedcallback") => WebhookEvent::Disconnected {
            disconnection: Disconnection {
                error: body.text(key::ERROR),
                disconnected: body.flag(key::DISCONNECTED),
                moment: moment(body),
                instance_id,
            },
        },
        () if is("presencechatcallback") => {
            let status_text = body.text(key::STATUS).unwrap_or_default();
            WebhookEvent::Presence {
                presence: Presence {
                    phone: body.text(key::PHONE),
                    status: presence_status(&status_text),
                    status_text,
                    last_seen: body.number(key::LAST_SEEN),
                    instance_id,
                },
            }
        }
        () => return Err(Error::decode(format!("{kind:?} is not a webhook type the docs list"))),
    })
}

fn received(body: Fields<'_, '_>, instance_id: Option<String>) -> Result<ReceivedMessage, Error> {
    let chat = body.text(key::PHONE).ok_or_else(|| Error::decode("a received message names its chat (phone)"))?;
    Ok(ReceivedMessage {
        chat,
        message_id: body.text(key::MESSAGE_ID),
        is_group: body.flag(key::IS_GROUP),
        is_newsletter: body.flag(key::IS_NEWSLETTER),
        from_me: body.flag(key::FROM_ME),
        from_api: body.flag(key::FROM_API),
        is_edit: body.flag(key::IS_EDIT),
        moment: moment(body),
        participant_phone: body.text(key::PARTICIPANT_PHONE),
        sender_name: body.text(key::SENDER_NAME),
        chat_name: body.text(key::CHAT_NAME),
        connected_phone: body.text(key::CONNECTED_PHONE),
        instance_id,
        status: body.text(key::STATUS),
        reference_message_id: body.text(key::REFERENCE_MESSAGE_ID),
        content: MessageContent::read(body),
        notification: GroupNotification::read(body),
    })
}

/// `momment` (sic), or the poll-vote example's `moment`.
fn moment(body: Fields<'_, '_>) -> Option<u64> {
    body.number(key::MOMMENT).or_else(|| body.number(key::MOMENT))
}

fn delivery_status(raw: &str) -> DeliveryStatus {
    use DeliveryStatus as S;
    const NAMES: [(&str, DeliveryStatus); 5] = [
        ("SENT", S::Sent),
        ("RECEIVED", S::Received),
        ("READ", S::Read),
        ("READ_BY_ME", S::ReadByMe),
        ("PLAYED", S::Played),
    ];
    named(raw, &NAMES).unwrap_or(S::Other)
}

fn presence_status(raw: &str) -> PresenceStatus {
    use PresenceStatus as S;
    const NAMES: [(&str, PresenceStatus); 5] = [
        ("AVAILABLE", S::Available),
        ("UNAVAILABLE", S::Unavailable),
        ("COMPOSING", S::Composing),
        ("RECORDING", S::Recording),
        ("PAUSED", S::Paused),
    ];
    named(raw, &NAMES).unwrap_or(S::Other)
}

/// The status `raw` names, in any case and with spaces around it (compared in place rather than
/// upper-cased into a new string).
fn named<T: Copy>(raw: &str, names: &[(&str, T)]) -> Option<T> {
    let raw = raw.trim();
    names.iter().find(|(name, _)| raw.eq_ignore_ascii_case(name)).map(|&(_, status)| status)
}

#[cfg(test)]
mod tests;
