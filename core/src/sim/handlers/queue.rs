//! The message queue (developer.z-api.io/queue/introduction): what `send-text` accepted while
//! the phone was disconnected, read a page at a time and deleted one by one or all at once.

use serde_json::{Value, json};

use super::super::body::JsonBody;
use super::super::reply::{Refusal, empty_ok, ok};
use super::super::state::{SimMessage, SimState};
use super::Outcome;
use super::messages::deliver;
use crate::http::HttpRequest;

/// `pageSize` when the body has none, and the most it may ask for
/// (developer.z-api.io/queue/post-queue).
const DEFAULT_PAGE_SIZE: u64 = 20;
const MAX_PAGE_SIZE: u64 = 30;

/// What the simulator's cursors start with; the rest is the offset of the next page. The
/// service's cursors are opaque (base64 in the examples), and so are these to a client.
const CURSOR_PREFIX: &str = "sim-queue-";

/// `POST /queue {pageSize?, pagingState?}` (an empty body or `{}` for the first page) →
/// `{messages, pagingState, hasMore}`, each message with the documented PascalCase keys
/// (developer.z-api.io/queue/post-queue). 400: a `pageSize` outside 1–30 or a cursor this queue
/// did not give.
pub(super) fn list(state: &SimState, request: &HttpRequest) -> Outcome {
    let has_body = request.body.as_deref().is_some_and(|b| !b.trim().is_empty());
    let (size, cursor) = if has_body {
        let body = JsonBody::parse(request)?;
        (body.optional_count("pageSize")?, body.optional_string("pagingState")?)
    } else {
        (None, None)
    };
    let size = match size {
        None => DEFAULT_PAGE_SIZE,
        Some(n @ 1..=MAX_PAGE_SIZE) => n,
        Some(_) => return Err(Refusal::bad_request(format!("pageSize must be 1 to {MAX_PAGE_SIZE}"))),
    };
    // At most 30, so it fits any usize.
    let size = (size as usize).min(state.limits.page_cap());
    let start = match cursor {
        None => 0,
        Some(c) => c
            .strip_prefix(CURSOR_PREFIX)
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| Refusal::bad_request("pagingState is not a cursor of this queue"))?,
    };
    let end = start.saturating_add(size).min(state.queue.len());
    let messages: Vec<Value> = state.queue.iter().skip(start).take(size).map(item).collect();
    let has_more = end < state.queue.len();
    let paging_state = if has_more { Value::String(format!("{CURSOR_PREFIX}{end}")) } else { Value::Null };
    ok(json!({ "messages": messages, "pagingState": paging_state, "hasMore": has_more }))
}

/// `DELETE /queue` → 200 with no body (none is documented,
/// developer.z-api.io/queue/delete-queue): none of the queued messages will be sent.
pub(super) fn clear(state: &mut SimState) -> Outcome {
    state.queue.clear();
    empty_ok()
}

/// `DELETE /queue/{zaapId}` → 200 with no body (developer.z-api.io/queue/delete-queue-id).
/// 404 when no queued message has that id (the simulator's choice: the docs name no error).
pub(super) fn delete(state: &mut SimState, zaap_id: &str) -> Outcome {
    let Some(at) = state.queue.iter().position(|m| m.zaap_id == zaap_id) else {
        return Err(Refusal::not_found(format!("no queued message {zaap_id}")));
    };
    state.queue.remove(at);
    empty_ok()
}

/// The phone connects or disconnects. On reconnection every queued message goes out, in order
/// (developer.z-api.io/queue/introduction). Returns how many were sent.
pub(crate) fn set_phone_connected(state: &mut SimState, connected: bool) -> usize {
    if state.phone_connected == connected {
        return 0;
    }
    state.tick();
    state.phone_connected = connected;
    state.notify_connection(connected);
    if !connected {
        return 0;
    }
    let queued = std::mem::take(&mut state.queue);
    let sent = queued.len();
    for message in queued {
        deliver(state, message);
    }
    sent
}

/// A queued message as the service lists it: PascalCase keys, `-1` and `0` for "no delay".
fn item(message: &SimMessage) -> Value {
    json!({
        "_id": message.zaap_id,
        "ZaapId": message.zaap_id,
        "MessageId": message.message_id,
        "Phone": message.phone,
        "Message": message.message,
        "DelayMessage": message.delay_message.map_or(-1, i64::from),
        "DelayTyping": message.delay_typing.unwrap_or(0),
        "Created": message.sent_at.saturating_mul(1000),
        "Beta": false,
        "IsTrial": false,
    })
}
