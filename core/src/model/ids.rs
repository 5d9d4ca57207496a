//! Identifier newtypes. Each normalises what users paste into the form the service expects and
//! rejects what can never be valid, naming the field.
//!
//! The service's formats (developer.z-api.io/group/introduction): contacts are digits only with
//! country code; groups are `<digits>-group` (since Nov 2021) or the legacy
//! `<creatorPhone>-<unixSeconds>`; communities are bare digits with no suffix; `…@lid` is a privacy
//! id accepted where a phone is. `@g.us` never appears in Z-API, but users copy it from other
//! WhatsApp tools, so it is accepted on input.

use std::fmt;

use crate::error::Error;

/// Shortest and longest digit runs accepted for ids. WhatsApp ids seen in the docs have 13–20
/// digits; the bounds are loose on purpose, they only catch what can never be an id.
const ID_DIGITS: std::ops::RangeInclusive<usize> = 5..=32;
/// E.164 numbers have at most 15 digits; 8 is the shortest number with a country code in use.
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn check_digits(field: &str, what: &str, digits: &str, range: &std::ops::RangeInclusive<usize>) -> Result<(), Error> {
    if !all_digits(digits) {
        return Err(Error::validation(field, format!("{what} must be digits, got {digits:?}")));
    }
    if !range.contains(&digits.len()) {
        return Err(Error::validation(
            field,
            format!("{what} must have {}–{} digits, got {}", range.start(), range.end(), digits.len()),
        ));
    }
    Ok(())
}

/// The id of a community: bare digits, never with a `-group` suffix.
///
/// ```
/// use zapi_communities::CommunityId;
/// assert_eq!(CommunityId::parse(" 120363019502650977@g.us ")?.as_str(), "120363019502650977");
/// assert!(CommunityId::parse("120363019502650977-group").is_err()); // that is a group id
/// # Ok::<(), zapi_communities::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CommunityId(String);

impl CommunityId {
    /// Normalises and checks a community id, reporting problems against the field `community_id`.
    ///
    /// # Errors
    /// [`Error::Validation`] when the value is empty, carries a group suffix, or is not digits.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        Self::parse_field(raw, "community_id")
    }

    /// Like [`CommunityId::parse`], naming `field` in the error.
    ///
    /// # Errors
    /// [`Error::Validation`] as for [`CommunityId::parse`].
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(Error::validation(field, "must not be empty"));
        }
        if trimmed.ends_with("-group") {
            return Err(Error::validation(
                field,
                "a community id has no -group suffix; this looks like a group id (is it the announcement group?)",
            ));
        }
        let digits = trimmed.strip_suffix("@g.us").unwrap_or(trimmed);
        check_digits(field, "a community id", digits, &ID_DIGITS)?;
        Ok(Self(digits.to_owned()))
    }

    /// The id as the service expects it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lets maps keyed by community id be searched with a plain `&str` (hash and equality are the
/// inner string's, so the `Borrow` contract holds).
impl std::borrow::Borrow<str> for CommunityId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// The id of a group (a regular group or an announcement group): `<digits>-group`, or the legacy
/// `<creatorPhone>-<unixSeconds>` form of groups created before November 2021.
///
/// Bare digits and `<digits>@g.us` are completed to `<digits>-group`, except bare digits of a
/// phone number's length (8–15), which are refused: group ids look like `120363…-group`.
///
/// ```
/// use zapi_communities::GroupId;
/// assert_eq!(GroupId::parse("120363019502650977@g.us")?.as_str(), "120363019502650977-group");
/// assert_eq!(GroupId::parse("5511999999999-1623281429")?.as_str(), "5511999999999-1623281429");
/// # Ok::<(), zapi_communities::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GroupId(String);

impl GroupId {
    /// Normalises and checks a group id, reporting problems against the field `group_id`.
    ///
    /// # Errors
    /// [`Error::Validation`] when the value cannot be a group id.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        Self::parse_field(raw, "group_id")
    }

    /// Like [`GroupId::parse`], naming `field` in the error.
    ///
    /// # Errors
    /// [`Error::Validation`] as for [`GroupId::parse`].
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(Error::validation(field, "must not be empty"));
        }
        if let Some(digits) = trimmed.strip_suffix("-group").or_else(|| trimmed.strip_suffix("@g.us")) {
            check_digits(field, "a group id", digits, &ID_DIGITS)?;
            return Ok(Self(format!("{digits}-group")));
        }
        if let Some((phone, stamp)) = trimmed.split_once('-') {
            // Legacy id: creator phone, a dash, then the creation time in unix seconds.
            check_digits(field, "a legacy group id's phone part", phone, &PHONE_DIGITS)?;
            check_digits(field, "a legacy group id's timestamp part", stamp, &(9..=11))?;
            return Ok(Self(trimmed.to_owned()));
        }
        check_digits(field, "a group id", trimmed, &ID_DIGITS)?;
        if PHONE_DIGITS.contains(&trimmed.len()) {
            // Bare digits of a phone's length are far more often a contact pasted by mistake
            // than a group id whose suffix was dropped; with the suffix it is accepted.
            return Err(Error::validation(
                field,
                format!(
                    "{trimmed} looks like a phone number, not a group; group ids look like                      120363019502650977-group (write the -group suffix if this is one)"
                ),
            ));
        }
        Ok(Self(format!("{trimmed}-group")))
    }

    /// The group id `<digits>-group` of checked digits (a stand-in with a community's digits).
    pub(crate) fn from_digits(digits: &str) -> Self {
        Self(format!("{digits}-group"))
    }

    /// The id as the service expects it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The numeric part, as WhatsApp mentions write it after `@`.
    pub fn digits(&self) -> &str {
        self.0.strip_suffix("-group").unwrap_or(&self.0)
    }
}

/// A participant: a phone number (digits with country code) or a `…@lid` privacy id.
///
/// `+`, spaces, dashes, dots and parentheses are dropped; `@c.us` and `@s.whatsapp.net` suffixes
/// copied from other tools are removed.
///
/// ```
/// use zapi_communities::Phone;
/// assert_eq!(Phone::parse("+55 (11) 99999-9999")?.as_str(), "5511999999999");
/// assert_eq!(Phone::parse("999999999999999@lid")?.as_str(), "999999999999999@lid");
/// # Ok::<(), zapi_communities::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    /// Normalises and checks a phone, reporting problems against the field `phone`.
    ///
    /// # Errors
    /// [`Error::Validation`] when the value is not a plausible international number or lid.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        Self::parse_field(raw, "phone")
    }

    /// Like [`Phone::parse`], naming `field` in the error.
    ///
    /// # Errors
    /// [`Error::Validation`] as for [`Phone::parse`].
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(Error::validation(field, "must not be empty"));
        }
        if let Some(lid) = trimmed.strip_suffix("@lid") {
            check_digits(field, "a lid", lid, &ID_DIGITS)?;
            return Ok(Self(trimmed.to_owned()));
        }
        if trimmed.ends_with("-group") {
            return Err(Error::validation(field, "this is a group id, not a phone number"));
        }
        let bare = trimmed.strip_suffix("@c.us").or_else(|| trimmed.strip_suffix("@s.whatsapp.net")).unwrap_or(trimmed);
        let bare = bare.strip_prefix('+').unwrap_or(bare);
        let mut digits = String::with_capacity(bare.len());
        for c in bare.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                other => {
                    return Err(Error::validation(
                        field,
                        format!("unexpected character {other:?}; use digits with the country code, e.g. 5511999999999"),
                    ));
                }
            }
        }
        check_digits(field, "a phone number", &digits, &PHONE_DIGITS)?;
        Ok(Self(digits))
    }

    /// The phone as the service expects it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a message goes: a contact, or a group (including an announcement group).
///
/// There is deliberately no community variant: a community is messaged through its announcement
/// group (developer.z-api.io/communities/introduction).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// A contact's phone or lid.
    Phone(Phone),
    /// A group or announcement group.
    Group(GroupId),
}

impl Recipient {
    /// Reads a recipient: `…-group`, `…@g.us` and legacy ids are groups; anything else a phone.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `phone` when it is neither.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        Self::parse_field(raw, "phone")
    }

    /// Like [`Recipient::parse`], naming `field` in the error.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `field` when it is neither a group nor a phone.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        if trimmed.ends_with("-group") || trimmed.ends_with("@g.us") || is_legacy_group(trimmed) {
            GroupId::parse_field(trimmed, field).map(Recipient::Group)
        } else {
            Phone::parse_field(trimmed, field).map(Recipient::Phone)
        }
    }

    /// The value of the `phone` field of a send call.
    pub fn as_str(&self) -> &str {
        match self {
            Recipient::Phone(p) => p.as_str(),
            Recipient::Group(g) => g.as_str(),
        }
    }
}

fn is_legacy_group(s: &str) -> bool {
    s.split_once('-').is_some_and(|(a, b)| all_digits(a) && all_digits(b) && (9..=11).contains(&b.len()))
}

impl From<Phone> for Recipient {
    fn from(value: Phone) -> Self {
        Recipient::Phone(value)
    }
}

impl From<GroupId> for Recipient {
    fn from(value: GroupId) -> Self {
        Recipient::Group(value)
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
    )*};
}
display_as_str!(CommunityId, GroupId, Phone, Recipient);

macro_rules! from_str_via_parse {
    ($($t:ty),*) => {$(
        impl std::str::FromStr for $t {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                Self::parse(s)
            }
        }
        impl TryFrom<&str> for $t {
            type Error = Error;
            fn try_from(s: &str) -> Result<Self, Error> {
                Self::parse(s)
            }
        }
        impl TryFrom<String> for $t {
            type Error = Error;
            fn try_from(s: String) -> Result<Self, Error> {
                Self::parse(&s)
            }
        }
    )*};
}
from_str_via_parse!(CommunityId, GroupId, Phone, Recipient);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn community_ids_normalise_and_refuse_group_ids() {
        assert_eq!(CommunityId::parse("98372465382764532938").unwrap().as_str(), "98372465382764532938");
        assert_eq!(CommunityId::parse("120363019502650977@g.us").unwrap().as_str(), "120363019502650977");
        for bad in ["", "  ", "120363019502650977-group", "abc", "12", "1203 6301"] {
            let err = CommunityId::parse(bad).unwrap_err();
            assert_eq!(err.field(), Some("community_id"), "{bad:?}");
        }
    }

    #[test]
    fn group_ids_accept_every_pasted_form() {
        for (raw, want) in [
            ("120363019502650977-group", "120363019502650977-group"),
            ("120363019502650977@g.us", "120363019502650977-group"),
            ("120363019502650977", "120363019502650977-group"),
            (" 5511999999999-1623281429 ", "5511999999999-1623281429"),
        ] {
            assert_eq!(GroupId::parse(raw).unwrap().as_str(), want);
        }
        for bad in ["", "-group", "abc-group", "55-1623281429", "5511999999999-16", "a b"] {
            assert!(GroupId::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(GroupId::parse("120363019502650977-group").unwrap().digits(), "120363019502650977");
    }

    #[test]
    fn a_phone_is_not_a_group() {
        for phone in ["5511999999999", "55119999999", "342532456234453"] {
            let err = GroupId::parse_field(phone, "group_ids[0]").unwrap_err();
            assert_eq!(err.field(), Some("group_ids[0]"));
            assert!(err.to_string().contains("looks like a phone number") && err.to_string().contains("-group"));
        }
        // With the suffix a 15-digit id is a group (the docs' own announcement group is one).
        assert_eq!(GroupId::parse("342532456234453-group").unwrap().as_str(), "342532456234453-group");
        assert_eq!(GroupId::parse("1345353454354354").unwrap().as_str(), "1345353454354354-group");
    }

    #[test]
    fn phones_strip_formatting() {
        for (raw, want) in [
            ("+55 11 99999-9999", "5511999999999"),
            ("(55) 11.99999.9999", "5511999999999"),
            ("5511999999999@c.us", "5511999999999"),
            ("5511999999999@s.whatsapp.net", "5511999999999"),
            ("999999999999999@lid", "999999999999999@lid"),
        ] {
            assert_eq!(Phone::parse(raw).unwrap().as_str(), want);
        }
        for bad in ["", "+", "1234567", "1234567890123456", "55119x", "1203-group", "abc@lid"] {
            let err = Phone::parse(bad).unwrap_err();
            assert_eq!(err.field(), Some("phone"), "{bad:?}");
        }
    }

    #[test]
    fn recipients_tell_groups_from_phones() {
        assert!(Recipient::parse("1203-group").is_err());
        assert!(matches!(Recipient::parse("120363019502650977-group"), Ok(Recipient::Group(_))));
        assert!(matches!(Recipient::parse("5511999999999-1623281429"), Ok(Recipient::Group(_))));
        assert!(matches!(Recipient::parse("+55 11 99999 9999"), Ok(Recipient::Phone(_))));
        assert!(matches!(Recipient::parse("120363019502650977@g.us"), Ok(Recipient::Group(_))));
    }
}
