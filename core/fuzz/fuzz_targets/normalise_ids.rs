//! The id, phone, photo and target normalisers on arbitrary text: a value that parses again to
//! itself, or a validation error naming a field; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zapi_communities::api::MemberTarget;
use zapi_communities::{CommunityId, GroupId, Phone, Photo, Recipient, WhoCanAddGroups};

fuzz_target!(|text: &str| {
    if let Ok(id) = CommunityId::parse(text) {
        assert_eq!(CommunityId::parse(id.as_str()).unwrap(), id);
    }
    if let Ok(id) = GroupId::parse(text) {
        assert_eq!(GroupId::parse(id.as_str()).unwrap(), id);
    }
    if let Ok(phone) = Phone::parse(text) {
        assert_eq!(Phone::parse(phone.as_str()).unwrap(), phone);
    }
    for result in [Recipient::parse(text).err(), Photo::parse(text).err(), WhoCanAddGroups::parse(text).err()] {
        if let Some(error) = result {
            assert!(error.field().is_some());
        }
    }
    let _ = MemberTarget::parse(text, "target");
});
