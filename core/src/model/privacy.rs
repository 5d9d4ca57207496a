//! Who may add the connected number to groups (developer.z-api.io/privacy/set-group-add): an
//! account setting, not a group's. It is why adding someone can fail: their own setting refuses it.

use serde::Serialize;

/// Who may add the connected number to groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, rename_all = "SCREAMING_SNAKE_CASE", module = "zapi_communities")
)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum GroupAddPrivacy {
    /// Everyone (`ALL`).
    All,
    /// Only the account's contacts (`CONTACTS`).
    Contacts,
    /// The contacts, except those on the blacklist (`CONTACT_BLACKLIST`).
    ContactBlacklist,
}

impl GroupAddPrivacy {
    /// The stable name shared by every language: `all`, `contacts` or `contact_blacklist`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Contacts => "contacts",
            Self::ContactBlacklist => "contact_blacklist",
        }
    }

    /// The service's value: `ALL`, `CONTACTS` or `CONTACT_BLACKLIST`.
    pub fn wire(self) -> &'static str {
        match self {
            Self::All => "ALL",
            Self::Contacts => "CONTACTS",
            Self::ContactBlacklist => "CONTACT_BLACKLIST",
        }
    }

    /// Reads a stable name or the service's value (case-insensitive), naming `field` in errors.
    ///
    /// # Errors
    /// [`crate::Error::Validation`] for anything else.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, crate::Error> {
        match raw.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "all" => Ok(Self::All),
            "contacts" => Ok(Self::Contacts),
            "contact_blacklist" => Ok(Self::ContactBlacklist),
            other => Err(crate::Error::validation(
                field,
                format!("must be \"all\", \"contacts\" or \"contact_blacklist\", got {other:?}"),
            )),
        }
    }
}
