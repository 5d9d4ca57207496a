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
        let group = GroupId::parse(&digits).unwrap();
        prop_assert_eq!(group.digits(), digits.as_str());
        prop_assert_eq!(GroupId::parse(&format!("{digits}@g.us")).unwrap(), group);
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
