//! Input rules shared by several calls. Limits the Z-API docs leave open come from WhatsApp's
//! own apps and are marked as such.

use std::collections::HashSet;

use crate::error::Error;
use crate::model::{CommunityId, GroupId, GroupMention, Phone};

/// WhatsApp caps group and community names at 100 characters (the Z-API docs set no limit).
pub const MAX_NAME_CHARS: usize = 100;
/// WhatsApp caps descriptions at 2,048 characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2048;
/// WhatsApp caps a text message at 65,536 characters.
pub const MAX_MESSAGE_CHARS: usize = 65_536;
/// A community holds at most 50 groups (developer.z-api.io/communities/link-groups).
pub const MAX_GROUPS_PER_COMMUNITY: usize = 50;
/// A WhatsApp group holds at most 1,024 members; a single call cannot add more.
pub const MAX_PHONES_PER_CALL: usize = 1024;
/// `delayMessage` and `delayTyping` accept 1–15 seconds
/// (developer.z-api.io/message/send-message-text).
pub const DELAY_SECONDS: std::ops::RangeInclusive<u32> = 1..=15;
/// Largest page size accepted; larger pages risk hitting the body cap.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// A non-empty name of at most [`MAX_NAME_CHARS`] characters, trimmed.
pub(crate) fn name(field: &str, raw: &str) -> Result<String, Error> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    let count = value.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(Error::validation(field, format!("must be at most {MAX_NAME_CHARS} characters, got {count}")));
    }
    Ok(value.to_owned())
}

/// A description of at most [`MAX_DESCRIPTION_CHARS`] characters (empty is allowed: it clears).
pub(crate) fn description(field: &str, raw: &str) -> Result<String, Error> {
    let count = raw.chars().count();
    if count > MAX_DESCRIPTION_CHARS {
        return Err(Error::validation(
            field,
            format!("must be at most {MAX_DESCRIPTION_CHARS} characters, got {count}"),
        ));
    }
    Ok(raw.to_owned())
}

/// A message text: not blank, at most [`MAX_MESSAGE_CHARS`].
pub(crate) fn message(field: &str, raw: &str) -> Result<(), Error> {
    if raw.trim().is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    let count = raw.chars().count();
    if count > MAX_MESSAGE_CHARS {
        return Err(Error::validation(field, format!("must be at most {MAX_MESSAGE_CHARS} characters, got {count}")));
    }
    Ok(())
}

/// A delay in seconds within [`DELAY_SECONDS`].
pub(crate) fn delay(field: &str, value: Option<u32>) -> Result<(), Error> {
    match value {
        Some(v) if !DELAY_SECONDS.contains(&v) => Err(Error::validation(
            field,
            format!("must be between {} and {} seconds, got {v}", DELAY_SECONDS.start(), DELAY_SECONDS.end()),
        )),
        _ => Ok(()),
    }
}

/// A non-empty list of groups with no repeats and at most `max` entries.
pub(crate) fn group_list(field: &str, groups: &[GroupId], max: usize) -> Result<(), Error> {
    if groups.is_empty() {
        return Err(Error::validation(field, "must list at least one group"));
    }
    if groups.len() > max {
        return Err(Error::validation(field, format!("at most {max} groups, got {}", groups.len())));
    }
    no_repeats(field, groups.iter().map(GroupId::as_str))
}

/// Refuses a community's own id with `-group` appended among its groups: a community is not one
/// of its groups, and its announcement group has an id of its own.
pub(crate) fn not_the_community_itself(field: &str, community: &CommunityId, groups: &[GroupId]) -> Result<(), Error> {
    match groups.iter().position(|g| g.digits() == community.as_str()) {
        Some(i) => Err(Error::validation(
            format!("{field}[{i}]"),
            format!(
                "{} is community {community}'s own id with -group appended, not one of its groups                  (its announcement group has an id of its own: resolve_announcement_group)",
                groups[i]
            ),
        )),
        None => Ok(()),
    }
}

/// A non-empty list of phones with no repeats.
pub(crate) fn phone_list(field: &str, phones: &[Phone]) -> Result<(), Error> {
    if phones.is_empty() {
        return Err(Error::validation(field, "must list at least one phone"));
    }
    if phones.len() > MAX_PHONES_PER_CALL {
        return Err(Error::validation(
            field,
            format!("at most {MAX_PHONES_PER_CALL} phones per call, got {}", phones.len()),
        ));
    }
    no_repeats(field, phones.iter().map(Phone::as_str))
}

fn no_repeats<'a>(field: &str, items: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for (i, item) in items.enumerate() {
        if !seen.insert(item) {
            return Err(Error::validation(format!("{field}[{i}]"), format!("{item} is listed twice")));
        }
    }
    Ok(())
}

/// Page numbers start at 1 (every documented example); sizes are 1..=[`MAX_PAGE_SIZE`].
pub(crate) fn paging(page: u32, page_size: u32) -> Result<(), Error> {
    if page == 0 {
        return Err(Error::validation("page", "pages are numbered from 1"));
    }
    self::page_size(page_size, MAX_PAGE_SIZE)
}

/// A page size from 1 to `max`, named `page_size`.
pub(crate) fn page_size(page_size: u32, max: u32) -> Result<(), Error> {
    if page_size == 0 || page_size > max {
        return Err(Error::validation("page_size", format!("must be between 1 and {max}, got {page_size}")));
    }
    Ok(())
}

/// Parses a list of raw group ids, naming `field[i]` in errors (for bindings and examples).
///
/// # Errors
/// [`Error::Validation`] for the first entry that is not a group id.
pub fn parse_group_ids<S: AsRef<str>>(field: &str, raw: &[S]) -> Result<Vec<GroupId>, Error> {
    raw.iter().enumerate().map(|(i, s)| GroupId::parse_field(s.as_ref(), &format!("{field}[{i}]"))).collect()
}

/// Parses a list of raw phones, naming `field[i]` in errors (for bindings and examples).
///
/// # Errors
/// [`Error::Validation`] for the first entry that is not a phone.
pub fn parse_phones<S: AsRef<str>>(field: &str, raw: &[S]) -> Result<Vec<Phone>, Error> {
    raw.iter().enumerate().map(|(i, s)| Phone::parse_field(s.as_ref(), &format!("{field}[{i}]"))).collect()
}

/// Parses raw group mentions, given as `(group id, subject)` pairs, naming
/// `group_mentioned[i].group_id` in errors (for bindings and examples). Subjects are checked when
/// the message is built.
///
/// # Errors
/// [`Error::Validation`] for the first entry whose group id is not one.
pub fn parse_group_mentions<I, S>(raw: I) -> Result<Vec<GroupMention>, Error>
where
    I: IntoIterator<Item = (S, String)>,
    S: AsRef<str>,
{
    raw.into_iter()
        .enumerate()
        .map(|(i, (group_id, subject))| {
            let group_id = GroupId::parse_field(group_id.as_ref(), &format!("group_mentioned[{i}].group_id"))?;
            Ok(GroupMention { group_id, subject })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_mentions_name_the_bad_entry() {
        let ok = parse_group_mentions([("120363019502650977@g.us", "A".to_owned())]).unwrap();
        assert_eq!(ok[0].group_id.as_str(), "120363019502650977-group");
        let bad =
            parse_group_mentions([("120363019502650977-group", "A".to_owned()), ("nope", "B".to_owned())]).unwrap_err();
        assert_eq!(bad.field(), Some("group_mentioned[1].group_id"));
    }

    #[test]
    fn names() {
        assert_eq!(name("name", "  x ").unwrap(), "x");
        assert_eq!(name("name", " ").unwrap_err().field(), Some("name"));
        assert!(name("name", &"é".repeat(100)).is_ok());
        assert!(name("name", &"é".repeat(101)).is_err());
    }

    #[test]
    fn delays_and_paging() {
        assert!(delay("delay_message", Some(1)).is_ok());
        assert!(delay("delay_message", Some(15)).is_ok());
        assert!(delay("delay_message", None).is_ok());
        assert_eq!(delay("delay_message", Some(0)).unwrap_err().field(), Some("delay_message"));
        assert_eq!(delay("delay_typing", Some(16)).unwrap_err().field(), Some("delay_typing"));
        assert_eq!(paging(0, 10).unwrap_err().field(), Some("page"));
        assert_eq!(paging(1, 0).unwrap_err().field(), Some("page_size"));
    }

    #[test]
    fn lists() {
        let g = parse_group_ids("group_ids", &["1-group".replace('1', "12345"), "67890-group".into()]).unwrap();
        assert!(group_list("group_ids", &g, 50).is_ok());
        assert_eq!(group_list("group_ids", &[], 50).unwrap_err().field(), Some("group_ids"));
        let dup = vec![g[0].clone(), g[0].clone()];
        assert_eq!(group_list("group_ids", &dup, 50).unwrap_err().field(), Some("group_ids[1]"));
        assert_eq!(parse_phones("phones", &["5511999999999", "x"]).unwrap_err().field(), Some("phones[1]"));
        assert_eq!(phone_list("phones", &[]).unwrap_err().field(), Some("phones"));
    }
}
