//! Properties of the id normalisers, the request builders and the response readers, over
//! generated input: nothing panics, bodies are JSON, ids round-trip.

use proptest::prelude::*;
use zapi_communities::api::{
    Call, ChangeMembers, CreateCommunity, Endpoint, LinkGroups, ListChats, MemberAction, MemberTarget, SendText,
};
use zapi_communities::{CommunityId, GroupId, HttpResponse, Phone, Recipient};

fn endpoint() -> Endpoint {
    Endpoint::new("INST", "TOKEN").unwrap().with_client_token("CT")
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[0-9 +()@.a-z-]{0,40}", "[0-9]{1,40}(-group|@g.us|@lid|@c.us)?"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn id_parsers_never_panic_and_are_idempotent(raw in any_text()) {
        if let Ok(id) = CommunityId::parse(&raw) {
            prop_assert_eq!(CommunityId::parse(id.as_str()).unwrap(), id.clone());
            prop_assert!(id.as_str().bytes().all(|b| b.is_ascii_digit()));
        }
        if let Ok(id) = GroupId::parse(&raw) {
            prop_assert_eq!(GroupId::parse(id.as_str()).unwrap(), id.clone());
        }
        if let Ok(phone) = Phone::parse(&raw) {
            prop_assert_eq!(Phone::parse(phone.as_str()).unwrap(), phone);
        }
        let _ = Recipient::parse(&raw);
    }

    #[test]
    fn digits_round_trip_through_every_id(digits in "[1-9][0-9]{9,14}") {
        let community = CommunityId::parse(&digits).unwrap();
        prop_assert_eq!(community.as_str(), digits.as_str());
        let group = GroupId::parse(&format!("{digits}-group")).unwrap();
        prop_assert_eq!(group.digits(), digits.as_str());
        prop_assert_eq!(GroupId::parse(&format!("{digits}@g.us")).unwrap(), group.clone());
        // Bare, the digits of a phone's length are refused as a group; longer ones are completed.
        prop_assert_eq!(GroupId::parse(&digits).ok(), (digits.len() > 15).then_some(group));
        let phone = Phone::parse(&format!("+{digits}")).unwrap();
        prop_assert_eq!(phone.as_str(), digits.as_str());
    }

    #[test]
    fn built_bodies_are_json_with_what_was_asked(name in any::<String>(), text in any::<String>(), delay in 0u32..20) {
        if let Ok(request) = CreateCommunity::new(name.clone()).build(&endpoint()) {
            let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
            prop_assert_eq!(body["name"].as_str().unwrap(), name.trim());
        }
        let mut send = SendText::new(Phone::parse("5511999999999").unwrap(), text.clone());
        send.delay_message = Some(delay);
        match send.build(&endpoint()) {
            Ok(request) => {
                let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
                prop_assert_eq!(body["message"].as_str().unwrap(), text.as_str());
                prop_assert!((1..=15).contains(&delay));
            }
            Err(error) => prop_assert!(error.field().is_some()),
        }
    }

    #[test]
    fn list_builders_never_panic(ids in proptest::collection::vec("[0-9]{5,20}", 0..60), phones in proptest::collection::vec("[0-9]{8,15}", 0..5)) {
        let groups: Vec<GroupId> = ids.iter().filter_map(|i| GroupId::parse(i).ok()).collect();
        let community = CommunityId::parse("120363019502650977").unwrap();
        if let Ok(request) = LinkGroups::new(community.clone(), groups.clone()).build(&endpoint()) {
            let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
            prop_assert_eq!(body["groupsPhones"].as_array().unwrap().len(), groups.len());
            prop_assert!(!groups.is_empty() && groups.len() <= 50);
        }
        let phones: Vec<Phone> = phones.iter().filter_map(|p| Phone::parse(p).ok()).collect();
        let call = ChangeMembers { target: MemberTarget::Community(community), action: MemberAction::AddAdmins, phones };
        let _ = call.build(&endpoint());
    }

    #[test]
    fn response_readers_never_panic(status in 100u16..600, body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let response = HttpResponse::new(status, body);
        let _ = CreateCommunity::new("x").parse(&response);
        let _ = ListChats { page: 1, page_size: 1 }.parse(&response);
        let _ = ListChats::announcement_groups(&response);
        let _ = SendText::new(Phone::parse("5511999999999").unwrap(), "x").parse(&response);
    }

    #[test]
    fn json_shaped_bodies_never_panic(body in r#"[\[\]{}",:0-9a-zA-Z \-]{0,120}"#) {
        for status in [200u16, 404, 429, 500] {
            let response = HttpResponse::new(status, body.clone());
            let _ = CreateCommunity::new("x").parse(&response);
            let _ = ListChats { page: 1, page_size: 1 }.parse(&response);
        }
    }
}

/// One chat as the service might render it: fields in any order, the flag in any of its forms,
/// phones of every kind, names with escapes, the odd nested value.
fn chat_json() -> impl Strategy<Value = String> {
    let phone = prop_oneof![
        "[1-9][0-9]{9,17}-group".prop_map(|p| format!("\"{p}\"")),
        "[1-9][0-9]{9,17}@g\\.us".prop_map(|p| format!("\"{p}\"")),
        "[1-9][0-9]{9,12}".prop_map(|p| format!("\"{p}\"")),
        Just("null".to_owned()),
        Just("\"\"".to_owned()),
        Just("\"1\\u002dgroup\"".to_owned()),
    ];
    let flag = prop_oneof![
        Just("true"),
        Just("false"),
        Just("null"),
        Just("\"true\""),
        Just("\"false\""),
        Just("\"TRUE\""),
        Just("\"1\""),
        Just("\"\""),
        Just("1"),
        Just("\"maybe\""),
    ];
    let other = prop_oneof![
        any::<String>().prop_map(|s| format!("\"name\":{}", serde_json::to_string(&s).unwrap())),
        (0u64..u64::MAX).prop_map(|n| format!("\"lastMessageTime\":\"{n}\"")),
        (-5i64..5).prop_map(|n| format!("\"muteEndTime\":{n}")),
        Just("\"pinned\":\"false\"".to_owned()),
        Just("\"extra\":{\"a\":[1,{\"b\":\"]\\\"\"}],\"c\":null}".to_owned()),
        Just("\"unread\":1.5e3".to_owned()),
    ];
    (proptest::option::of(phone), proptest::option::of(flag), proptest::collection::vec(other, 0..4), any::<u8>())
        .prop_map(|(phone, flag, mut fields, spin)| {
            if let Some(p) = phone {
                fields.push(format!("\"phone\":{p}"));
            }
            if let Some(f) = flag {
                fields.push(format!("\"isGroupAnnouncement\":{f}"));
            }
            let turn = usize::from(spin) % fields.len().max(1);
            fields.rotate_left(turn);
            format!("{{ {} }}", fields.join(" , "))
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// The announcement-group scan (a hand-written fast pass with serde behind it) finds exactly
    /// what the full parse and a filter find, whenever the full parse succeeds.
    #[test]
    fn chat_scan_agrees_with_the_full_parse(chats in proptest::collection::vec(chat_json(), 0..12), trailing in any::<bool>()) {
        let body = format!("[{}{}]", chats.join(",\n"), if trailing && !chats.is_empty() { "," } else { "" });
        let response = HttpResponse::new(200, body.clone());
        if let Ok(all) = (ListChats { page: 1, page_size: 100 }).parse(&response) {
            let flagged: Vec<GroupId> = all.iter().filter(|c| c.is_group_announcement).filter_map(|c| c.group_id()).collect();
            prop_assert_eq!(ListChats::announcement_groups(&response).unwrap(), flagged.clone());
            prop_assert_eq!(ListChats::announcement_groups_in_body(body.as_bytes()).unwrap(), flagged);
        }
    }
}
