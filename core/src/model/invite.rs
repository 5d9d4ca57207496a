//! Group invitation links (developer.z-api.io/group/accept-group-invite,
//! developer.z-api.io/group/group-invitation-metadata).

use std::fmt;

use serde::Serialize;

use super::group::Participant;
use super::ids::GroupId;
use crate::error::Error;

/// WhatsApp's host for group invitation links.
pub const INVITE_HOST: &str = "chat.whatsapp.com";

/// An invitation link, read from a full link (`https://chat.whatsapp.com/CODE`, with or without
/// the scheme) or the bare code. Links to any other host are refused: a link is sent to the
/// service as given, and only WhatsApp's are meant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InviteLink {
    code: String,
}

impl InviteLink {
    /// Reads a link or a code, naming `field` in errors.
    ///
    /// # Errors
    /// [`Error::Validation`] for another host, an empty or malformed code.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(Error::validation(field, "must not be empty"));
        }
        let without_scheme =
            trimmed.strip_prefix("https://").or_else(|| trimmed.strip_prefix("http://")).unwrap_or(trimmed);
        let code = match without_scheme.split_once('/') {
            Some((host, rest)) => {
                let host = host.to_ascii_lowercase();
                if host != INVITE_HOST && host != format!("www.{INVITE_HOST}") {
                    return Err(Error::validation(
                        field,
                        format!("is a link to {host}; group invitation links are https://{INVITE_HOST}/<code>"),
                    ));
                }
                rest.split(['?', '#', '/']).next().unwrap_or_default()
            }
            None if trimmed.contains("://") || without_scheme.contains('.') => {
                return Err(Error::validation(
                    field,
                    format!("group invitation links are https://{INVITE_HOST}/<code>"),
                ));
            }
            None => without_scheme,
        };
        if !(8..=64).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::validation(
                field,
                format!("{code:?} is not an invitation code (8 to 64 letters and digits)"),
            ));
        }
        Ok(Self { code: code.to_owned() })
    }

    /// Reads a link or a code, naming `link` in errors.
    ///
    /// # Errors
    /// As [`InviteLink::parse_field`].
    pub fn parse(raw: &str) -> Result<Self, Error> {
        Self::parse_field(raw, "link")
    }

    /// The code after the host.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The full link, `https://chat.whatsapp.com/CODE`.
    pub fn url(&self) -> String {
        format!("https://{INVITE_HOST}/{}", self.code)
    }
}

impl fmt::Display for InviteLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url())
    }
}

/// A group previewed from its invitation link, before joining
/// (developer.z-api.io/group/group-invitation-metadata). Every field but the id may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct GroupInvitationMetadata {
    /// The group's id.
    pub id: GroupId,
    /// The group's name (`subject`).
    pub name: Option<String>,
    /// The description, when the service sent one.
    pub description: Option<String>,
    /// The creator's phone.
    pub owner: Option<String>,
    /// Creation time in milliseconds.
    pub creation: Option<u64>,
    /// How many members the group has, when the service said.
    pub participants_count: Option<u64>,
    /// The members the preview lists (possibly only some of them).
    pub participants: Vec<Participant>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_codes_are_read_and_other_hosts_refused() {
        for raw in [
            "https://chat.whatsapp.com/bh8XyNrIUj84YZoy5xcaa112",
            " chat.whatsapp.com/bh8XyNrIUj84YZoy5xcaa112 ",
            "http://CHAT.WHATSAPP.COM/bh8XyNrIUj84YZoy5xcaa112?utm=x",
            "bh8XyNrIUj84YZoy5xcaa112",
        ] {
            let link = InviteLink::parse(raw).unwrap();
            assert_eq!(link.url(), "https://chat.whatsapp.com/bh8XyNrIUj84YZoy5xcaa112", "{raw}");
        }
        for raw in [
            "",
            "https://evil.example/bh8XyNrIUj84YZoy5xcaa112",
            "evil.example",
            "short",
            "has space in it",
            "abc$%^&*()12",
        ] {
            assert_eq!(InviteLink::parse(raw).unwrap_err().field(), Some("link"), "{raw:?}");
        }
    }
}
