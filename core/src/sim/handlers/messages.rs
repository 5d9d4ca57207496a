//! `POST /send-text`, with delays, participant mentions and group mentions
//! (developer.z-api.io/message/send-message-text).

use serde_json::{Value, json};

use super::super::body::{JsonBody, is_person_id};
use super::super::reply::{Refusal, ok};
use super::super::state::{SimContactChat, SimGroupMention, SimMessage, SimState};
use super::{Outcome, group_or_404};
use crate::http::HttpRequest;

/// `POST /send-text {phone, message, delayMessage?, delayTyping?, editMessageId?, mentioned?,
/// groupMentioned?}` → `{zaapId, messageId, id}` (`id` = `messageId`,
/// developer.z-api.io/message/send-message-text and developer.z-api.io/message/send-message-text,
/// whose examples disagree). The message is recorded in the state's `messages`.
///
/// Refusals, nothing recorded:
/// - 400: missing/blank `phone` or `message`; a delay that is not a whole number from 1 to 15;
///   a recipient that is neither digits (optionally `@lid`) nor a group id; malformed mentions;
///   `groupMentioned` when the recipient is not in a community, or naming a group of another
///   community (developer.z-api.io/group/mention-group).
/// - 403: the connected phone is not in the group, or the group is an announcement group (
///   developer.z-api.io/communities/introduction) or admin-only
///   (developer.z-api.io/group/update-group-settings) and it is not an admin there.
/// - 404: unknown group, mentioned group, or `editMessageId`.
pub(super) fn send_text(state: &mut SimState, request: &HttpRequest) -> Outcome {
    let body = JsonBody::parse(request)?;
    let phone = body.non_empty_string("phone")?;
    let message = body.non_empty_string("message")?;
    let delay_message = body.optional_delay("delayMessage")?;
    let delay_typing = body.optional_delay("delayTyping")?;
    let edit_message_id = body.optional_string("editMessageId")?;
    let mentioned = mentioned(&body)?;
    let group_mentioned = group_mentions(&body)?;

    check_recipient(state, &phone)?;
    check_group_mentions(state, &phone, &group_mentioned)?;
    if let Some(edited) = &edit_message_id {
        if !state.messages.iter().any(|m| m.message_id == *edited) {
            return Err(Refusal::not_found(format!("message {edited} not found")));
        }
    }

    if !state.phone_connected && state.queue.len() >= MAX_QUEUED {
        return Err(Refusal::bad_request(format!(
            "the queue is full: {MAX_QUEUED} messages wait for the phone to reconnect"
        )));
    }
    let now = state.tick();
    let (zaap_id, message_id) = state.new_message_ids();
    let reply = json!({ "zaapId": zaap_id, "messageId": message_id, "id": message_id });
    let message = SimMessage {
        zaap_id,
        message_id,
        phone,
        message,
        delay_message,
        delay_typing,
        edit_message_id,
        mentioned,
        group_mentioned,
        sent_at: now,
    };
    if state.phone_connected {
        deliver(state, message);
    } else {
        // Accepted all the same: it waits in the queue (developer.z-api.io/queue/introduction).
        state.queue.push(message);
    }
    ok(reply)
}

/// The most messages the queue holds while the phone is disconnected; the next are refused
/// (developer.z-api.io/queue/introduction; the refusal's form is not documented).
pub(crate) const MAX_QUEUED: usize = 1000;

/// Hands a message to WhatsApp: its chat moves up, the delivery is posted, and it is recorded.
pub(crate) fn deliver(state: &mut SimState, message: SimMessage) {
    touch_chat(state, &message.phone, state.clock);
    state.notify_delivery(&message.phone, &message.zaap_id, &message.message_id);
    // An announcement reaches the whole community; the simulator has it read at once.
    if state.group(&message.phone).is_some_and(|g| g.is_group_announcement) {
        state.notify_status(&message.phone, &message.message_id, "READ", true);
    }
    state.messages.push(message);
}

/// Group ids carry a `-` (`…-group`, or legacy `<phone>-<seconds>`:
/// developer.z-api.io/group/introduction); people do not.
fn is_group_id(phone: &str) -> bool {
    phone.contains('-')
}

fn check_recipient(state: &SimState, phone: &str) -> Result<(), Refusal> {
    if !is_group_id(phone) {
        return if is_person_id(phone) {
            Ok(())
        } else {
            Err(Refusal::bad_request("phone must be digits only (country code + number), a …@lid id or a group id"))
        };
    }
    let group = group_or_404(state, phone)?;
    if !state.connected_is_member(group) {
        return Err(Refusal::forbidden(format!("the connected phone is not a member of group {phone}")));
    }
    let admin = state.connected_is_group_admin(group);
    if group.is_group_announcement && !admin {
        return Err(Refusal::forbidden("only community admins can send messages to the announcement group"));
    }
    if group.admin_only_message && !admin {
        return Err(Refusal::forbidden(format!("only admins can send messages to group {phone}")));
    }
    Ok(())
}

/// Group mentions work only inside a community, for groups of the same community
/// (developer.z-api.io/group/mention-group).
fn check_group_mentions(state: &SimState, phone: &str, mentions: &[SimGroupMention]) -> Result<(), Refusal> {
    if mentions.is_empty() {
        return Ok(());
    }
    let Some(community) = state.group(phone).and_then(|g| g.community_id.clone()) else {
        return Err(Refusal::bad_request("group mentions only work in a group that belongs to a community"));
    };
    for mention in mentions {
        let group = group_or_404(state, &mention.phone)?;
        if group.community_id.as_deref() != Some(community.as_str()) {
            return Err(Refusal::bad_request(format!(
                "group {} is not in the same community as {phone}",
                mention.phone
            )));
        }
    }
    Ok(())
}

/// `mentioned`: numbers to tag. The docs never say whether they are strings or numbers (
/// developer.z-api.io/group/mention-participant), so both are accepted; each must be digits only.
fn mentioned(body: &JsonBody) -> Result<Vec<String>, Refusal> {
    let Some(items) = body.optional_array("mentioned")? else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let phone = match item {
                Value::String(s) => s.clone(),
                Value::Number(n) if n.is_u64() => n.to_string(),
                _ => String::new(),
            };
            if is_person_id(&phone) {
                Ok(phone)
            } else {
                Err(Refusal::bad_request(format!("mentioned[{i}] must be a phone number (digits only)")))
            }
        })
        .collect()
}

/// `groupMentioned`: `[{phone, subject}]` (developer.z-api.io/group/mention-group).
fn group_mentions(body: &JsonBody) -> Result<Vec<SimGroupMention>, Refusal> {
    let Some(items) = body.optional_array("groupMentioned")? else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = |key: &str| item.get(key).and_then(Value::as_str).filter(|s| !s.trim().is_empty());
            match (field("phone"), field("subject")) {
                (Some(phone), Some(subject)) => Ok(SimGroupMention { phone: phone.into(), subject: subject.into() }),
                _ => Err(Refusal::bad_request(format!(
                    "groupMentioned[{i}] must be an object with non-empty string phone and subject"
                ))),
            }
        })
        .collect()
}

/// Moves the chat to the top of `/chats`, creating a contact chat on first contact.
fn touch_chat(state: &mut SimState, phone: &str, now: u64) {
    if let Some(group) = state.group_mut(phone) {
        group.last_activity = now;
    } else if let Some(chat) = state.contact_chats.iter_mut().find(|c| c.phone == phone) {
        chat.last_activity = now;
    } else {
        state.contact_chats.push(SimContactChat { phone: phone.into(), last_activity: now });
    }
}
