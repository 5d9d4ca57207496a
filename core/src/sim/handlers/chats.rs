//! `GET /chats` and `GET /groups`, with the string-typed scalars the service uses
//! (developer.z-api.io/chats/get-chats, developer.z-api.io/group/get-groups).

use serde_json::{Value, json};

use super::super::reply::ok;
use super::super::state::{SimGroup, SimState};
use super::Outcome;
use super::paging::{Page, paged};
use crate::http::HttpRequest;

/// `GET /chats?page=&pageSize=` (both required) → bare array, most recent activity first.
///
/// Regular groups have `isGroup: true`, announcement groups `isGroupAnnouncement: true` (and
/// `isGroup: false`, as the intro's wording implies: developer.z-api.io/chats/get-chats), contacts
/// neither. `unread`, `lastMessageTime` (seconds), `isMuted` are strings and
/// `isMarkedSpam`/`archived`/`pinned` are the strings `"false"`, as in the documented examples;
/// `messagesUnread` is the number 0.
pub(super) fn list_chats(state: &SimState, request: &HttpRequest) -> Outcome {
    let page = Page::from_query(state, request, true)?;
    let mut chats: Vec<(u64, Value)> = state.groups.iter().map(|g| (g.last_activity, group_chat(g))).collect();
    chats.extend(
        state.contact_chats.iter().map(|c| (c.last_activity, chat(&c.phone, &c.phone, c.last_activity, false, false))),
    );
    chats.sort_by_key(|(time, _)| std::cmp::Reverse(*time));
    let chats = chats.into_iter().map(|(_, chat)| chat).collect();
    ok(Value::Array(paged(page, chats)))
}

fn group_chat(group: &SimGroup) -> Value {
    let regular = !group.is_group_announcement;
    chat(&group.name, &group.phone, group.last_activity, regular, group.is_group_announcement)
}

fn chat(name: &str, phone: &str, last_activity: u64, is_group: bool, is_announcement: bool) -> Value {
    json!({
        "name": name,
        "phone": phone,
        "unread": "0",
        "lastMessageTime": last_activity.to_string(),
        "isMuted": "0",
        "isMarkedSpam": "false",
        "profileThumbnail": null,
        "isGroupAnnouncement": is_announcement,
        "isGroup": is_group,
        "archived": "false",
        "pinned": "false",
        "muteEndTime": null,
        "messagesUnread": 0,
    })
}

/// `GET /groups?page=&pageSize=` (both required) → regular groups only, without
/// `isGroupAnnouncement`, `lastMessageTime` in milliseconds and `messagesUnread` as the string
/// `"0"` — the differences developer.z-api.io/group/get-groups and
/// developer.z-api.io/chats/get-chats, whose examples disagree record against `/chats`.
pub(super) fn list_groups(state: &SimState, request: &HttpRequest) -> Outcome {
    let page = Page::from_query(state, request, true)?;
    let mut groups: Vec<&SimGroup> = state.groups.iter().filter(|g| !g.is_group_announcement).collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.last_activity));
    let items = groups
        .into_iter()
        .map(|g| {
            json!({
                "isGroup": true,
                "name": g.name,
                "phone": g.phone,
                "unread": "0",
                "lastMessageTime": g.last_activity.saturating_mul(1000).to_string(),
                "isMuted": "0",
                "isMarkedSpam": "false",
                "archived": "false",
                "pinned": "false",
                "muteEndTime": null,
                "messagesUnread": "0",
            })
        })
        .collect();
    ok(Value::Array(paged(page, items)))
}
