//! The options objects only JS has: `autoInvite` of `createGroup` and `addParticipants`, and the
//! blacklist changes of `setGroupAddPrivacy` (Python takes them as keyword arguments, Kotlin and
//! Swift as arguments with defaults). Every other options object is a core type
//! (`ClientOptions`, `MessageOptions`).

use serde::Deserialize;
use tsify::Tsify;

/// Optional settings of `createGroup` and `addParticipants`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InviteOptions {
    /// Send a private invite link to numbers WhatsApp refuses to add directly. Default `false`.
    #[tsify(optional)]
    pub auto_invite: Option<bool>,
}

/// Optional changes to the blacklist of `setGroupAddPrivacy` (only with `contact_blacklist`).
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlacklistOptions {
    /// Numbers to put on the blacklist.
    #[tsify(optional)]
    pub blacklist_add: Option<Vec<String>>,
    /// Numbers to take off the blacklist.
    #[tsify(optional)]
    pub blacklist_remove: Option<Vec<String>>,
}

/// The options of the bulk calls: the core's `BulkOptions`, and `onProgress`, a function told a
/// `BulkProgress` after each chunk. Declared for TypeScript only: the function is taken out of
/// the object before the rest is read as `BulkOptions`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BulkCallOptions {
    /// Chunk size, pause and `autoInvite`.
    #[serde(flatten)]
    pub pacing: zapi_communities::bulk::BulkOptions,
    /// Called after each chunk; what it throws is ignored (the chunk is already sent).
    #[serde(default)]
    #[tsify(optional, type = "(progress: BulkProgress) => void")]
    pub on_progress: Option<serde::de::IgnoredAny>,
}
