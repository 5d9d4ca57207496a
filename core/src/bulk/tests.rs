use proptest::prelude::*;

use super::*;
use crate::error::Error;
use crate::model::{Participant, Phone};

fn phone(raw: &str) -> Phone {
    Phone::parse(raw).unwrap()
}

#[test]
fn repeats_are_dropped_by_their_normal_form_and_their_indices_kept() {
    let input = BulkInput::read(&["+55 11 91111-0001", "5511911110002", "5511911110001", "5511911110002"]).unwrap();
    assert_eq!(input.phones, [phone("5511911110001"), phone("5511911110002")]);
    assert_eq!(input.duplicates, [2, 3]);
    let chunks: Vec<usize> = input.chunks(1).map(<[Phone]>::len).collect();
    assert_eq!(chunks, [1, 1]);
    assert_eq!(input.chunks(0).count(), 2, "a chunk size of 0 is read as 1");
}

#[test]
fn every_bad_entry_is_named_with_its_index_in_one_refusal() {
    let Err(Error::Validation { field, reason }) = BulkInput::read(&["5511911110001", "abc", "5511911110002", ""])
    else {
        panic!("accepted")
    };
    assert_eq!(field, "phones");
    assert!(
        reason.starts_with("2 entries are not a phone number, so nothing was sent: phones[1] \"abc\": "),
        "{reason}"
    );
    assert!(reason.contains("; phones[3] \"\": "), "{reason}");
    let many: Vec<String> = (0..30).map(|i| format!("x{i}")).collect();
    let Err(Error::Validation { reason, .. }) = BulkInput::read(&many) else { panic!("accepted") };
    assert!(reason.ends_with("; and 10 more"), "{reason}");
    assert!(matches!(BulkInput::read::<&str>(&[]), Err(Error::Validation { .. })));
}

#[test]
fn outcomes_come_from_the_members_after_the_call() {
    let member = |p: &str, admin: bool| Participant { phone: p.into(), is_admin: admin, is_super_admin: false };
    let after = Members::of(&[member("5511911110001", false), member("5511911110002", true)]);
    let (one, two, three) = (phone("5511911110001"), phone("5511911110002"), phone("5511911110003"));
    assert_eq!(classify(MemberChange::Add, &one, &after, false).status, BulkStatus::Done);
    assert_eq!(classify(MemberChange::Add, &three, &after, true).status, BulkStatus::Invited);
    let refused = classify(MemberChange::Add, &three, &after, false);
    assert_eq!(refused.status, BulkStatus::NotDone);
    assert!(refused.reason.unwrap().contains("privacy"));
    assert_eq!(classify(MemberChange::Remove, &three, &after, false).status, BulkStatus::Done);
    assert_eq!(classify(MemberChange::Promote, &two, &after, false).status, BulkStatus::Done);
    assert_eq!(classify(MemberChange::Demote, &two, &after, false).status, BulkStatus::NotDone);
    assert!(after.already(MemberChange::Add, &one) && after.already(MemberChange::Demote, &one));
    assert_eq!(BulkStatus::AlreadyDone.as_str(), "already_done");
}

proptest! {
    /// Whatever the list, the numbers kept plus the repeats dropped account for every entry, each
    /// number is kept once, and chunks put them back together in order.
    #[test]
    fn reading_loses_nothing(raw in proptest::collection::vec(0u8..12, 1..200), size in 1usize..40) {
        let entries: Vec<String> = raw.iter().map(|n| format!("55119111100{n:02}")).collect();
        let input = BulkInput::read(&entries).unwrap();
        prop_assert_eq!(input.phones.len() + input.duplicates.len(), entries.len());
        let unique: std::collections::HashSet<_> = input.phones.iter().collect();
        prop_assert_eq!(unique.len(), input.phones.len());
        let rejoined: Vec<Phone> = input.chunks(size).flatten().cloned().collect();
        prop_assert_eq!(rejoined, input.phones.clone());
        prop_assert!(input.chunks(size).all(|c| !c.is_empty() && c.len() <= size));
    }
}
