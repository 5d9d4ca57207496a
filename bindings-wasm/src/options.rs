//! The one options object only JS has: `autoInvite` of `createGroup` and `addParticipants` (Python
//! takes it as a keyword argument, Kotlin and Swift as an argument with a default). Every other
//! options object is a core type (`ClientOptions`, `MessageOptions`).

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
