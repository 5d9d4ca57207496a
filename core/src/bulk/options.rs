//! [`BulkOptions`]: how a bulk membership call paces itself, declared once for every language.

use serde::Deserialize;

/// How a bulk call sends: chunk size, the pause between chunks, and (adds only) `autoInvite`.
/// Every part may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct BulkOptions {
    /// Numbers per request (1–100; default [`BulkOptions::DEFAULT_CHUNK_SIZE`]).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub chunk_size: Option<u32>,
    /// Milliseconds to wait between chunks (at most 600 000; default
    /// [`BulkOptions::DEFAULT_PAUSE_MS`]). WhatsApp is known to restrict accounts that add many
    /// people quickly, so the default is slow on purpose.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub pause_ms: Option<u32>,
    /// Adds only: ask the service to send the group's link to people it cannot add directly.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub auto_invite: bool,
}

impl BulkOptions {
    /// Numbers per request unless told otherwise.
    pub const DEFAULT_CHUNK_SIZE: u32 = 20;
    /// Milliseconds between chunks unless told otherwise.
    pub const DEFAULT_PAUSE_MS: u32 = 3_000;

    /// The chunk size and pause in force, checked.
    ///
    /// # Errors
    /// [`crate::Error::Validation`] naming `chunk_size` or `pause_ms`.
    pub fn pacing(&self) -> Result<(usize, u32), crate::Error> {
        let chunk = self.chunk_size.unwrap_or(Self::DEFAULT_CHUNK_SIZE);
        if !(1..=100).contains(&chunk) {
            return Err(crate::Error::validation("chunk_size", "must be from 1 to 100"));
        }
        let pause = self.pause_ms.unwrap_or(Self::DEFAULT_PAUSE_MS);
        if pause > 600_000 {
            return Err(crate::Error::validation("pause_ms", "must be at most 600000 (ten minutes)"));
        }
        Ok((chunk as usize, pause))
    }
}
