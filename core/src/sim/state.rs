//! The simulated instance's state. These types double as the fixture format: a fixture is a
//! [`SimState`] written as JSON, and [`crate::sim::Simulator::snapshot_json`] writes one back.

use serde::{Deserialize, Serialize};

/// Logical time a fresh simulator starts at (seconds; 2023-11-14). Time only moves when the
/// state changes, so runs are reproducible.
pub(crate) const START_CLOCK: u64 = 1_700_000_000;

/// Everything the simulated instance knows. Field names are the fixture's JSON keys (camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimState {
    /// The phone number of the WhatsApp account connected to the instance (digits only).
    /// Empty in a fixture means "take it from the [`crate::sim::SimConfig`]".
    #[serde(default)]
    pub connected_phone: String,
    /// Logical clock in seconds; it advances by one on every change.
    #[serde(default = "start_clock")]
    pub clock: u64,
    /// Counter behind every generated id, link and message id.
    #[serde(default = "first_seq")]
    pub next_seq: u64,
    /// Communities in creation order (deactivated ones stay, flagged).
    #[serde(default)]
    pub communities: Vec<SimCommunity>,
    /// Every group the account is in: regular groups and announcement groups, in creation order.
    #[serde(default)]
    pub groups: Vec<SimGroup>,
    /// One-to-one chats, created when a message is sent to a phone number.
    #[serde(default)]
    pub contact_chats: Vec<SimContactChat>,
    /// Every message accepted by `send-text`, oldest first.
    #[serde(default)]
    pub messages: Vec<SimMessage>,
    /// How the simulated service limits its answers (none by default). Written only when set,
    /// so the snapshots of a default simulator do not carry it.
    #[serde(default, skip_serializing_if = "SimLimits::is_unlimited")]
    pub limits: SimLimits,
    /// Who may add the connected phone to groups, and the blacklist
    /// (developer.z-api.io/privacy/set-group-add). Written only when changed.
    #[serde(default, skip_serializing_if = "SimGroupAdd::is_default")]
    pub group_add: SimGroupAdd,
    /// People whose own privacy (who may add them to groups: their contacts only, or nobody)
    /// keeps the connected phone from adding them directly, as WhatsApp lets everyone choose
    /// (developer.z-api.io/privacy/set-group-add is the same setting for the connected phone).
    /// `add-participant` still answers `{"value": true}` and leaves them out; with `autoInvite`
    /// they are sent the group's link instead (its `invited`). Seeded by fixtures; written only
    /// when set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refuses_adds: Vec<String>,
    /// The adds the per-minute limit counts: `[clock, numbers]` of each recent `add-participant`.
    /// Written only when set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent_adds: Vec<(u64, u32)>,
    /// Where the instance posts its events (developer.z-api.io/webhooks/introduction).
    #[serde(default, skip_serializing_if = "SimWebhooks::is_unset")]
    pub webhooks: SimWebhooks,
    /// Whether the phone is connected to the instance. While it is not, `send-text` is accepted
    /// and the message waits in `queue` (developer.z-api.io/queue/introduction). Written only
    /// when false.
    #[serde(default = "connected", skip_serializing_if = "is_connected")]
    pub phone_connected: bool,
    /// Messages accepted while the phone was disconnected, oldest first: sent, in order, when it
    /// reconnects ([`crate::sim::Simulator::set_phone_connected`]). Written only when set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queue: Vec<SimMessage>,
    /// Events the request being handled queued for the webhooks; never part of a fixture.
    #[serde(skip)]
    pub(crate) outbox: Vec<super::events::Queued>,
}

/// The webhook URLs set with the configuration routes (developer.z-api.io/webhooks/introduction).
/// Written only when one is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimWebhooks {
    /// Received messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// Received messages and the connected number's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_and_sent: Option<String>,
    /// Messages handed to WhatsApp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<String>,
    /// Message status changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_status: Option<String>,
    /// Disconnections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disconnected: Option<String>,
    /// Connections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected: Option<String>,
    /// Chat presence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_presence: Option<String>,
    /// Whether the connected number's own messages are posted too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notify_sent_by_me: bool,
}

impl SimWebhooks {
    /// Whether nothing is set.
    pub fn is_unset(&self) -> bool {
        *self == Self::default()
    }

    /// The URL of `kind`, if set.
    pub fn get(&self, kind: crate::model::WebhookKind) -> Option<&str> {
        use crate::model::WebhookKind as K;
        match kind {
            K::Received => self.received.as_deref(),
            K::ReceivedAndSent => self.received_and_sent.as_deref(),
            K::Delivery => self.delivery.as_deref(),
            K::MessageStatus => self.message_status.as_deref(),
            K::Disconnected => self.disconnected.as_deref(),
            K::Connected => self.connected.as_deref(),
            K::ChatPresence => self.chat_presence.as_deref(),
        }
    }

    /// Sets the URL of `kind`.
    pub fn set(&mut self, kind: crate::model::WebhookKind, url: String) {
        use crate::model::WebhookKind as K;
        let slot = match kind {
            K::Received => &mut self.received,
            K::ReceivedAndSent => &mut self.received_and_sent,
            K::Delivery => &mut self.delivery,
            K::MessageStatus => &mut self.message_status,
            K::Disconnected => &mut self.disconnected,
            K::Connected => &mut self.connected,
            K::ChatPresence => &mut self.chat_presence,
        };
        *slot = Some(url);
    }
}

/// The account's group-add privacy setting (developer.z-api.io/privacy/set-group-add).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimGroupAdd {
    /// `ALL`, `CONTACTS` or `CONTACT_BLACKLIST`.
    pub who: String,
    /// The numbers on the blacklist, kept whichever setting is in force.
    #[serde(default)]
    pub blacklist: Vec<String>,
}

impl Default for SimGroupAdd {
    fn default() -> Self {
        Self { who: "ALL".to_owned(), blacklist: Vec::new() }
    }
}

/// Limits a real deployment may impose and the docs do not state: a test sets them to check
/// that a client copes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimLimits {
    /// The longest page a list route returns, whatever `pageSize` asks for
    /// (developer.z-api.io/chats/get-chats: no maximum is documented, so a service that caps pages
    /// below the requested size is possible). `None`: pages are as long as asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_page_size: Option<usize>,
    /// How many numbers `add-participant` takes in any 60 seconds of the clock, as WhatsApp
    /// restricts accounts that add many people quickly (no limit is documented, so the number is
    /// the fixture's). A request that would pass it is refused whole with `add_limit_status`.
    /// `None`: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adds_per_minute: Option<u32>,
    /// The status of that refusal: 429 (the default) carries a `Retry-After` with the seconds
    /// until the window has room; any other status is a plain error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_limit_status: Option<u16>,
}

impl SimLimits {
    /// Whether no limit is set.
    pub fn is_unlimited(&self) -> bool {
        *self == Self::default()
    }
}

/// A community. Its linked groups are the [`SimGroup`]s whose `communityId` is its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimCommunity {
    /// Bare numeric id, no `-group` suffix (developer.z-api.io/group/introduction).
    pub id: String,
    /// Name; the announcement group carries the same name
    /// (developer.z-api.io/communities/introduction).
    pub name: String,
    /// Description; empty when never set.
    #[serde(default)]
    pub description: String,
    /// Photo URL or Base64 last set with `update-community-photo`.
    #[serde(default)]
    pub photo: Option<String>,
    /// Id (`…-group`) of the announcement group. Required while the community is active.
    #[serde(default)]
    pub announcement_group: String,
    /// Who may link new groups (`admins` or `all`).
    #[serde(default)]
    pub who_can_add_new_groups: WhoCanAddNewGroups,
    /// Current invitation link of the community; empty in a fixture means "generate one".
    #[serde(default)]
    pub invitation_link: String,
    /// People added to the community itself with `add-participant` + `communityId`: they stay in
    /// the announcement group when a group they are also in is unlinked.
    #[serde(default)]
    pub direct_members: Vec<String>,
    /// Set by `DELETE /communities/{id}`; a deactivated community answers 404 everywhere.
    #[serde(default)]
    pub deactivated: bool,
}

/// Who may link new groups to a community (developer.z-api.io/communities/community-settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WhoCanAddNewGroups {
    /// Only community admins (the default).
    #[default]
    Admins,
    /// Any community member.
    All,
}

impl WhoCanAddNewGroups {
    /// The wire value: `admins` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            WhoCanAddNewGroups::Admins => "admins",
            WhoCanAddNewGroups::All => "all",
        }
    }
}

/// A group: a regular group or a community's announcement group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimGroup {
    /// Group id, `<digits>-group` (or a legacy `<phone>-<seconds>`).
    pub phone: String,
    /// Group name (`subject` in group metadata).
    pub name: String,
    /// Group description.
    #[serde(default)]
    pub description: String,
    /// Creator's phone; empty in a fixture means the connected phone.
    #[serde(default)]
    pub owner: String,
    /// Creation time in milliseconds; 0 in a fixture means "now".
    #[serde(default)]
    pub creation: u64,
    /// The community the group belongs to (linked group or announcement group), if any.
    #[serde(default)]
    pub community_id: Option<String>,
    /// Whether this is a community's announcement group.
    #[serde(default)]
    pub is_group_announcement: bool,
    /// Members with their admin flags, the connected phone included when it is a member.
    #[serde(default)]
    pub participants: Vec<SimParticipant>,
    /// Current invitation link; empty in a fixture means "generate one".
    #[serde(default)]
    pub invitation_link: String,
    /// Only admins may send messages.
    #[serde(default)]
    pub admin_only_message: bool,
    /// Only admins may edit the group's info.
    #[serde(default)]
    pub admin_only_settings: bool,
    /// Joining needs an admin's approval.
    #[serde(default)]
    pub require_admin_approval: bool,
    /// Only admins may add members.
    #[serde(default)]
    pub admin_only_add_member: bool,
    /// Logical time (seconds) of the last message or change; orders `/chats`. 0 means "now".
    #[serde(default)]
    pub last_activity: u64,
    /// Photo URL or Base64 last set with `update-group-photo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// People waiting for an admin's approval to join (digits), oldest first: someone who followed
    /// the invitation link of a group with `requireAdminApproval`
    /// (developer.z-api.io/group/approve-participant). Written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending_requests: Vec<String>,
    /// Every member may share the invitation link, not only admins: the group's "member link"
    /// property, changed in the WhatsApp app ([`crate::sim::Simulator::set_link_mode`]), which
    /// the instance reports as `GROUP_MEMBER_LINK_PROPERTY_UPDATE`. Written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub members_share_link: bool,
    /// People sent the group's invitation link instead of being added, because their privacy
    /// refused a direct add and the call asked for `autoInvite`, oldest first. Written only when
    /// there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invited: Vec<String>,
}

/// A member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimParticipant {
    /// Digits-only phone number (or `…@lid`).
    pub phone: String,
    /// Group admin. In an announcement group this makes the person a community admin.
    #[serde(default)]
    pub is_admin: bool,
    /// Creator of the group or community; cannot be demoted or removed.
    #[serde(default)]
    pub is_super_admin: bool,
}

impl SimParticipant {
    /// A member with no admin rights.
    pub fn member(phone: impl Into<String>) -> Self {
        Self { phone: phone.into(), is_admin: false, is_super_admin: false }
    }

    /// Whether the person has admin rights (admin or super admin).
    pub fn has_admin_rights(&self) -> bool {
        self.is_admin || self.is_super_admin
    }
}

/// A one-to-one chat, listed by `/chats` with `isGroup: false`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimContactChat {
    /// The contact's phone number.
    pub phone: String,
    /// Logical time (seconds) of the last message.
    #[serde(default)]
    pub last_activity: u64,
}

/// A message accepted by `POST /send-text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimMessage {
    /// Z-API side id returned as `zaapId`.
    pub zaap_id: String,
    /// WhatsApp side id returned as `messageId` (and `id`).
    pub message_id: String,
    /// Recipient: a phone number or a group id.
    pub phone: String,
    /// The text.
    pub message: String,
    /// `delayMessage` as sent (1..=15).
    #[serde(default)]
    pub delay_message: Option<u8>,
    /// `delayTyping` as sent (1..=15).
    #[serde(default)]
    pub delay_typing: Option<u8>,
    /// `editMessageId` as sent: the message this one replaces.
    #[serde(default)]
    pub edit_message_id: Option<String>,
    /// `mentioned` phone numbers.
    #[serde(default)]
    pub mentioned: Vec<String>,
    /// `groupMentioned` groups.
    #[serde(default)]
    pub group_mentioned: Vec<SimGroupMention>,
    /// Logical time (seconds) it was accepted.
    #[serde(default)]
    pub sent_at: u64,
}

/// One `groupMentioned` entry of a sent message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimGroupMention {
    /// The mentioned group's id.
    pub phone: String,
    /// The mentioned group's name as sent.
    pub subject: String,
}

fn connected() -> bool {
    true
}

fn is_connected(connected: &bool) -> bool {
    *connected
}

fn start_clock() -> u64 {
    START_CLOCK
}

fn first_seq() -> u64 {
    1
}

impl SimLimits {
    /// The longest page a list route may return: `max_page_size`, else no limit.
    pub(crate) fn page_cap(&self) -> usize {
        self.max_page_size.unwrap_or(usize::MAX).max(1)
    }
}

impl SimState {
    /// An instance with no communities, groups, chats or messages.
    pub fn empty(connected_phone: impl Into<String>) -> Self {
        Self {
            connected_phone: connected_phone.into(),
            clock: START_CLOCK,
            next_seq: 1,
            communities: Vec::new(),
            groups: Vec::new(),
            contact_chats: Vec::new(),
            messages: Vec::new(),
            limits: SimLimits::default(),
            group_add: SimGroupAdd::default(),
            refuses_adds: Vec::new(),
            recent_adds: Vec::new(),
            webhooks: SimWebhooks::default(),
            phone_connected: true,
            queue: Vec::new(),
            outbox: Vec::new(),
        }
    }
}
