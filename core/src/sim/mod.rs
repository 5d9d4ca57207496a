//! In-memory simulator of one Z-API instance: the Communities calls and the group and
//! messaging calls around them, with the service's rules and its response quirks.
//!
//! [`Simulator::handle`] takes an [`HttpRequest`](crate::HttpRequest) and returns the
//! [`HttpResponse`](crate::HttpResponse) the service would; [`SimulatorTransport`] plugs it into
//! the client as a [`Transport`](crate::Transport). The crate `zapi-sim` serves the
//! same simulator over loopback HTTP, with fault injection.
//!
//! # Routes
//!
//! Every route of the Communities pages (and the group, chat and send-text pages they use), under `/instances/{id}/token/{token}`:
//! `POST /communities`, `GET /communities?page=&pageSize=`, `GET /communities-metadata/{id}`,
//! `POST /communities/link`, `POST /communities/unlink`, `DELETE /communities/{id}`,
//! `POST /communities/settings`, `POST /add-participant`, `POST /remove-participant`,
//! `POST /add-admin`, `POST /remove-admin` (each with `communityId` xor `groupId`),
//! `POST /redefine-invitation-link/{communityId|groupId}`, `POST /update-community-description`,
//! `POST /update-community-photo`, `POST /create-group`, `GET /chats?page=&pageSize=`,
//! `GET /groups?page=&pageSize=`, `GET /group-metadata/{id}`, `GET /light-group-metadata/{id}`,
//! `GET /group-invitation-link/{id}`, `POST /update-group-settings`, `POST /send-text`, and the
//! group administration routes: `POST /approve-participant`, `POST /reject-participant`,
//! `POST /leave-group`, `POST /update-group-name`, `POST /update-group-description`,
//! `POST /update-group-photo`, `GET /accept-invite-group?url=`,
//! `GET /group-invitation-metadata?url=`, `POST /privacy/group-add`,
//! `GET /privacy/disallowed-contacts?type=groupAdd`, and the webhook configuration routes:
//! `PUT /update-webhook-{received, received-delivery, delivery, message-status, disconnected,
//! connected, chat-presence}`, `PUT /update-every-webhooks`, `PUT /update-notify-sent-by-me`, and
//! the queue's: `POST /queue`, `DELETE /queue`, `DELETE /queue/{zaapId}`. While the phone is
//! disconnected ([`Simulator::set_phone_connected`]) `send-text` queues each message (at most
//! 1000) instead of sending it; reconnecting sends the queue in order.
//!
//! # Success bodies
//!
//! As documented, quirks included: `{"success":true}` for link/unlink/settings, accepting an
//! invite and group-add privacy; `{"value":true}` for participants, admins, description, photo,
//! group settings, join-request decisions, leaving and a group's name, description and photo; `{"invitationLink":…}` for
//! redefine; an empty 200 for deactivate and the queue's deletions; the queue's page
//! `{messages, pagingState, hasMore}` with PascalCase message keys (`ZaapId`, `DelayMessage: -1`); `/chats` with string `unread`/`lastMessageTime`/
//! `isMuted` and `"false"` strings for `isMarkedSpam`/`archived`/`pinned`; `/groups` with
//! millisecond `lastMessageTime` and string `messagesUnread`; send-text `{zaapId, messageId, id}`.
//! Link adds `"skipped":[{"phone","reason"}]` when groups already in another community were
//! skipped, and answers `{"success":false,"skipped":[…]}` when all of them were.
//!
//! # Refusals
//!
//! Always `{"error": "<reason>"}` with `Content-Type: application/json`; a refused request changes
//! nothing. The service documents only 405 and 415
//! (developer.z-api.io/communities/create-community); the other statuses are ours:
//!
//! | Status | When |
//! |---|---|
//! | 401 | wrong instance id or token: `{"error":"instance not found or invalid token"}` (neither is echoed) |
//! | 403 | Client-Token configured but missing or wrong: `{"error":"null not allowed"}` (developer.z-api.io/security/client-token) |
//! | 404 | unknown route (`{"error":"route not found"}`), or unknown community, group or message id (a queued message's too) |
//! | 405 | known route, wrong method; `Allow` header lists the right one |
//! | 415 | POST with a body but without `Content-Type: application/json` |
//! | 400 | malformed body or query (not JSON, missing/mistyped field, delay outside 1..=15, phone not digits, both or neither of `communityId`/`groupId`), or a community rule: more than 50 groups, unlinking the last group, linking an announcement group, group mentions outside a community, removing/demoting the creator, a queue `pageSize` outside 1..=30 or a cursor it did not give, a message past the 1000 a disconnected phone's queue holds |
//! | 403 | the connected phone lacks the rights: not a community/group admin where one is needed (posting to an announcement group, settings, linking when `whoCanAddNewGroups` is `admins`, …) |
//! | 429 | `add-participant` past `limits.addsPerMinute` numbers in 60 s of the clock, with `Retry-After` (or `limits.addLimitStatus` without it) |
//!
//! # Fixture schema
//!
//! A fixture is a [`SimState`] as JSON; [`Simulator::snapshot_json`] writes the same format.
//! Unknown keys are rejected; every key but `name`, `id`, `phone` (and a community's
//! `announcementGroup` while active) may be left out.
//!
//! ```json
//! {
//!   "connectedPhone": "5511900000000",      // default: SimConfig::connected_phone
//!   "clock": 1700000000,                     // logical seconds, +1 per change
//!   "nextSeq": 1,                            // counter behind generated ids and links
//!   "communities": [{
//!     "id": "120363000000000001",            // bare digits, never "-group"
//!     "name": "Neighbours",
//!     "description": "",
//!     "photo": null,
//!     "announcementGroup": "120363000000000002-group",
//!     "whoCanAddNewGroups": "admins",        // or "all"
//!     "invitationLink": "",                  // "" = generate
//!     "directMembers": [],                   // added with add-participant + communityId
//!     "deactivated": false
//!   }],
//!   "groups": [{
//!     "phone": "120363000000000002-group",
//!     "name": "Neighbours",
//!     "description": "",
//!     "owner": "",                           // "" = connected phone
//!     "creation": 0,                         // ms; 0 = clock
//!     "communityId": "120363000000000001",   // null when not in a community
//!     "isGroupAnnouncement": true,
//!     "participants": [{"phone": "5511900000000", "isAdmin": true, "isSuperAdmin": true}],
//!     "invitationLink": "",
//!     "adminOnlyMessage": true, "adminOnlySettings": true,
//!     "requireAdminApproval": false, "adminOnlyAddMember": true,
//!     "lastActivity": 0,                     // seconds; orders /chats; 0 = clock
//!     "photo": null,                         // set by update-group-photo
//!     "pendingRequests": ["5511977776666"]   // join requests awaiting an admin's approval
//!   }],
//!   "contactChats": [{"phone": "5511988887777", "lastActivity": 0}],
//!   "messages": [{"zaapId": "…", "messageId": "…", "phone": "…", "message": "…",
//!                 "delayMessage": null, "delayTyping": null, "editMessageId": null,
//!                 "mentioned": [], "groupMentioned": [{"phone": "…", "subject": "…"}],
//!                 "sentAt": 0}],
//!   "limits": {"maxPageSize": 50,            // optional: the list routes return at most 50 per page
//!              "addsPerMinute": 100,         // optional: numbers add-participant takes per 60 s
//!              "addLimitStatus": 429},       // optional: the refusal past it (429 + Retry-After)
//!   "refusesAdds": ["5511…"],                // optional: people whose privacy refuses direct adds
//!   "recentAdds": [[1700000000, 20]],        // optional: the adds the limit counts, [clock, numbers]
//!   "groupAdd": {"who": "ALL", "blacklist": []}, // optional: who may add the connected phone
//!   "webhooks": {"received": "https://…", "notifySentByMe": false}, // optional: webhook URLs
//!   "phoneConnected": false,                 // optional (default true): false queues messages
//!   "queue": [{…as in messages}]             // optional: messages waiting for the phone
//! }
//! ```
//!
//! Loading checks that ids are unique, that every active community names an announcement
//! group whose `communityId` points back at it, that every `communityId` names an active
//! community, and that no community has more than 50 linked groups. A community's linked
//! groups are the regular groups whose `communityId` is its id; its admins are the admins of
//! its announcement group. To make the connected phone a non-admin, list it with
//! `"isAdmin": false` (or leave it out to make it a non-member).
//!
//! # Rules
//!
//! - Create: the announcement group has the community's name and is its only sub-group; the
//!   connected phone is its super admin (developer.z-api.io/communities/introduction,
//!   developer.z-api.io/communities/create-community).
//! - Link: the groups' members join the announcement group; a group already in another community is
//!   skipped (reported in `skipped`); at most 50 groups
//!   (developer.z-api.io/communities/introduction, developer.z-api.io/communities/link-groups).
//! - Unlink / removing someone from a linked group: they leave the announcement group unless they
//!   are the connected phone, a community admin, a direct member, or in another linked group.
//!   Unlinking the last regular group is refused (developer.z-api.io/communities/unlink-groups).
//! - Deactivate: every group is unlinked and kept (`communityId: null`, still in `/chats`); the
//!   announcement group is removed; the community answers 404 afterwards
//!   (developer.z-api.io/communities/deactivate-community).
//! - Only admins post to the announcement group, change settings, description, photo, admins,
//!   participants and links, and unlink or deactivate; linking is open to every member when
//!   `whoCanAddNewGroups` is `all` (developer.z-api.io/communities/introduction,
//!   developer.z-api.io/communities/update-community-description,
//!   developer.z-api.io/communities/community-settings).
//! - Join requests: following the invitation link of a group with `requireAdminApproval`
//!   ([`Simulator::invite_join`], `accept-invite-group` for the connected phone) adds a pending
//!   request; approving one makes the requester a member, and for a linked group a member of the
//!   announcement group too; rejecting drops it. Numbers with no request are ignored, as the
//!   service reports nothing per number (developer.z-api.io/group/approve-participant,
//!   developer.z-api.io/group/reject-participant).
//! - Only admins rename a group or change its description or photo
//!   (developer.z-api.io/group/update-group-description).
//! - Leaving removes the connected phone. The docs do not say what happens when the last admin
//!   leaves: the simulator makes the longest-standing remaining member admin, as WhatsApp keeps
//!   groups administered (developer.z-api.io/group/leave-group).
//! - While the phone is disconnected, `send-text` answers as usual and the message waits in the
//!   queue instead of going out (no delivery, no chat moved); reconnecting sends the queue in
//!   order (developer.z-api.io/queue/introduction).
//! - Ids come from `nextSeq`: communities `1203630000` + 8 digits, groups the same + `-group`,
//!   links `https://chat.whatsapp.com/SimInvite` + 13 digits; two runs of the same requests give
//!   identical answers.

mod auth;
mod body;
mod config;
mod events;
mod fixture;
mod handlers;
mod ids;
mod log;
mod lookup;
mod membership;
mod reply;
mod routes;
mod simulator;
mod state;
mod transport;

#[cfg(test)]
mod tests;

pub use config::SimConfig;
pub use events::SimWebhook;
pub use handlers::InviteJoin;
pub use log::LoggedRequest;
pub use simulator::Simulator;
pub use state::{
    SimCommunity, SimContactChat, SimGroup, SimGroupAdd, SimGroupMention, SimLimits, SimMessage, SimParticipant,
    SimState, SimWebhooks, WhoCanAddNewGroups,
};
pub use transport::SimulatorTransport;
