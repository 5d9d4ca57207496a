//! Conversions for the Kotlin/Swift binding (uniffi, feature `uniffi`).
//!
//! The id newtypes cross as strings. Going out they are the normalised form; coming in they are
//! parsed exactly as in Rust, and a bad value fails the call with [`crate::Error::Validation`] (naming
//! `community_id`, `group_id` or `phone`) before anything is sent: uniffi hands a failed argument
//! conversion back as the function's own error type when it is this crate's `Error`.

use crate::model::{CommunityId, GroupId, Phone};

uniffi::custom_type!(CommunityId, String, {
    lower: |id| id.as_str().to_owned(),
    try_lift: |raw| Ok(CommunityId::parse(&raw)?),
});

uniffi::custom_type!(GroupId, String, {
    lower: |id| id.as_str().to_owned(),
    try_lift: |raw| Ok(GroupId::parse(&raw)?),
});

uniffi::custom_type!(Phone, String, {
    lower: |phone| phone.as_str().to_owned(),
    try_lift: |raw| Ok(Phone::parse(&raw)?),
});
