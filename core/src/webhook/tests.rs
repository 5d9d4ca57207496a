//! The documented examples, the quirks, and properties over arbitrary bodies.

use proptest::prelude::*;
use serde::Deserialize;

use super::*;
use crate::wire::lenient::{LooseBool, LooseString, LooseU64};
use crate::wire::tape::tests::{KEYS, doc, print};
use keys::Key;

fn message(body: &str) -> ReceivedMessage {
    match parse_webhook(body.as_bytes()).unwrap() {
        WebhookEvent::Message { message } => message,
        other => panic!("not a message: {other:?}"),
    }
}

#[test]
fn a_join_request_through_the_link_names_the_requester() {
    // developer.z-api.io/webhooks/on-message-received, "group join request via an invitation link".
    let m = message(
        r#"{"isGroup": true, "instanceId": "A20DA9C0183A2D35A260F53F5D2B9244", "messageId": "A20DA9C0183A2D35A260F53F5D2B9244",
        "phone": "5544999999999-group", "connectedPhone": "5544999999999", "fromMe": false, "momment": 1682017970000,
        "status": "RECEIVED", "participantPhone": "5544999999999", "type": "ReceivedCallback",
        "notification": "MEMBERSHIP_APPROVAL_REQUEST", "notificationParameters": ["5544999999999"], "requestMethod": "invite_link"}"#,
    );
    assert_eq!((m.chat.as_str(), m.is_group, m.moment), ("5544999999999-group", true, Some(1_682_017_970_000)));
    assert_eq!(
        m.notification,
        Some(GroupNotification::JoinRequest {
            requesters: vec!["5544999999999".into()],
            method: JoinRequestMethod::InviteLink,
            added_by: None
        })
    );
    assert_eq!(m.content, None);
}

#[test]
fn a_member_adding_someone_is_a_request_with_who_added() {
    let m = message(
        r#"{"type": "ReceivedCallBack", "phone": "5544999999999-group", "participantPhone": "5544777777777",
        "notification": "MEMBERSHIP_APPROVAL_REQUEST", "notificationParameters": ["5544999999999", "5544888888888"],
        "requestMethod": "non_admin_add"}"#,
    );
    let Some(GroupNotification::JoinRequest { requesters, method, added_by }) = m.notification else { panic!() };
    assert_eq!(requesters.len(), 2);
    assert_eq!((method, added_by.as_deref()), (JoinRequestMethod::NonAdminAdd, Some("5544777777777")));
}

#[test]
fn every_named_group_notification_has_its_variant() {
    let note = |name: &str, params: &str, extra: &str| {
        let body = format!(
            r#"{{"type":"ReceivedCallback","phone":"1203630001-group","notification":"{name}","notificationParameters":{params}{extra}}}"#
        );
        message(&body).notification.unwrap()
    };
    let people = || vec!["5511911110001".to_owned(), "5511911110002".to_owned()];
    let two = r#"["5511911110001","5511911110002"]"#;
    assert_eq!(note("GROUP_PARTICIPANT_ADD", two, ""), GroupNotification::ParticipantsAdded { participants: people() });
    assert_eq!(
        note("GROUP_PARTICIPANT_REMOVE", two, ""),
        GroupNotification::ParticipantsRemoved { participants: people() }
    );
    assert_eq!(
        note("GROUP_PARTICIPANT_LEAVE", two, ""),
        GroupNotification::ParticipantsLeft { participants: people() }
    );
    assert_eq!(
        note("GROUP_CREATE", r#"["Bakery"]"#, ""),
        GroupNotification::GroupCreated { name: Some("Bakery".into()) }
    );
    assert_eq!(
        note("REVOKED_MEMBERSHIP_REQUESTS", r#"["5511911110001"]"#, ""),
        GroupNotification::JoinRequestRevoked { requesters: vec!["5511911110001".into()] }
    );
    assert_eq!(
        note("GROUP_MEMBER_LINK_PROPERTY_UPDATE", "[]", r#","linkMode":"ADMIN_LINK""#),
        GroupNotification::LinkModeChanged { link_mode: LinkMode::AdminsOnly }
    );
    assert_eq!(
        note("GROUP_MEMBER_LINK_PROPERTY_UPDATE", "[]", r#","linkMode":"ALL_MEMBER_LINK""#),
        GroupNotification::LinkModeChanged { link_mode: LinkMode::AllMembers }
    );
    assert_eq!(
        note("E2E_ENCRYPTED", "[]", ""),
        GroupNotification::Unknown { name: "E2E_ENCRYPTED".into(), parameters: vec![] }
    );
}

#[test]
fn text_keeps_the_docs_misspelled_description_and_a_repeated_key_keeps_its_last_value() {
    let m = message(
        r#"{"instanceId": "first", "phone": 5544999999999, "type": "ReceivedCallback", "instanceId": "second",
        "text": {"message": "test", "descritpion": "d", "title": "t"},}"#,
    );
    assert_eq!((m.chat.as_str(), m.instance_id.as_deref()), ("5544999999999", Some("second")));
    assert_eq!(
        m.content,
        Some(MessageContent::Text {
            message: "test".into(),
            title: Some("t".into()),
            description: Some("d".into()),
            url: None
        })
    );
}

#[test]
fn media_locations_reactions_and_other_kinds() {
    let image = message(
        r#"{"type":"ReceivedCallback","phone":"1","image":{"mimeType":"image/jpeg","imageUrl":"https://i","thumbnailUrl":"a","caption":"","thumbnailUrl":"b"}}"#,
    );
    assert_eq!(
        image.content,
        Some(MessageContent::Image {
            url: Some("https://i".into()),
            caption: None,
            mime_type: Some("image/jpeg".into())
        })
    );
    let place = message(
        r#"{"type":"ReceivedCallback","phone":"1","location":{"longitude":-46.6,"latitude":"-23.5","address":""}}"#,
    );
    assert_eq!(
        place.content,
        Some(MessageContent::Location { latitude: Some(-23.5), longitude: Some(-46.6), name: None, address: None })
    );
    let reaction = message(
        r#"{"type":"ReceivedCallback","phone":"1","reaction":{"value":"❤️","referencedMessage":{"messageId":"3EB0796DC6B777C0C7CD"}}}"#,
    );
    assert_eq!(
        reaction.content,
        Some(MessageContent::Reaction {
            value: Some("❤️".into()),
            referenced_message_id: Some("3EB0796DC6B777C0C7CD".into())
        })
    );
    let poll = message(r#"{"type":"ReceivedCallback","phone":"1","moment":7,"pollVote":{"options":[{"name":"a"}]}}"#);
    assert_eq!(poll.moment, Some(7));
    assert_eq!(
        poll.content,
        Some(MessageContent::Other { name: "pollVote".into(), json: r#"{"options":[{"name":"a"}]}"#.into() })
    );
}

#[test]
fn the_other_callback_types() {
    let status = parse_webhook(
        br#"{"instanceId":"i","status":"READ_BY_ME","ids":["999999999999999999999"],"momment":"1632234645000","phone":"5544999999999","type":"MessageStatusCallback","isGroup":false}"#,
    )
    .unwrap();
    let WebhookEvent::Status { status } = status else { panic!() };
    assert_eq!(
        (status.status, status.moment, status.ids.len()),
        (DeliveryStatus::ReadByMe, Some(1_632_234_645_000), 1)
    );
    let delivery =
        parse_webhook(br#"{"phone":"5544999999999","zaapId":"z","messageId":"m","type":"DeliveryCallback"}"#).unwrap();
    assert!(matches!(delivery, WebhookEvent::Delivery { delivery } if delivery.zaap_id.as_deref() == Some("z")));
    let up = parse_webhook(br#"{"type":"ConnectedCallback","connected":true,"phone":"5544999999999","momment":26}"#)
        .unwrap();
    assert!(
        matches!(up, WebhookEvent::Connected { connection } if connection.connected && connection.moment == Some(26))
    );
    let down = parse_webhook(br#"{"momment":1580163342,"error":"Device has been disconnected","disconnected":true,"type":"DisconnectedCallback"}"#).unwrap();
    assert!(matches!(down, WebhookEvent::Disconnected { disconnection } if disconnection.disconnected));
    let typing = parse_webhook(
        br#"{"type":"PresenceChatCallback","phone":"5544999999999","status":"COMPOSING","lastSeen":null}"#,
    )
    .unwrap();
    assert!(
        matches!(typing, WebhookEvent::Presence { presence } if presence.status == PresenceStatus::Composing && presence.last_seen.is_none())
    );
    let odd = parse_webhook(br#"{"type":"PresenceChatCallback","status":"DANCING"}"#).unwrap();
    assert!(
        matches!(odd, WebhookEvent::Presence { presence } if presence.status == PresenceStatus::Other && presence.status_text == "DANCING")
    );
}

#[test]
fn what_is_not_an_event_is_a_decode_error() {
    for body in
        [&b""[..], b"not json", b"[1,2]", b"{}", br#"{"type":"SomethingCallback"}"#, br#"{"type":"ReceivedCallback"}"#]
    {
        assert_eq!(parse_webhook(body).unwrap_err().kind(), "decode", "{}", String::from_utf8_lossy(body));
    }
    let huge = vec![b' '; MAX_WEBHOOK_BYTES + 1];
    assert!(parse_webhook(&huge).unwrap_err().to_string().contains("cap"));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_webhook(&body);
    }

    #[test]
    fn any_received_body_with_a_chat_is_a_message(
        phone in "[0-9]{8,18}(-group)?",
        from_me in any::<bool>(),
        moment in any::<u64>(),
        text in "\\PC{0,40}",
    ) {
        let body = serde_json::json!({"type": "ReceivedCallback", "phone": phone, "fromMe": from_me.to_string(),
            "momment": moment.to_string(), "text": {"message": text}});
        let m = message(&body.to_string());
        prop_assert_eq!(m.chat, phone);
        prop_assert_eq!(m.from_me, from_me);
        prop_assert_eq!(m.moment, Some(moment));
        let is_text = matches!(m.content, Some(MessageContent::Text { .. }));
        prop_assert!(is_text);
    }
}

/// What each field reader gives for one value, as a tuple that compares.
type Readings = (Option<String>, bool, Option<u64>, Option<u64>, Vec<String>, bool, Option<String>);

/// The readers of `fields.rs` for `key` of `object`.
fn read_with_fields(object: Fields<'_, '_>, key: Key) -> Readings {
    let float = object.float(key).map(f64::to_bits);
    let text = object.text(key);
    assert_eq!(object.text_ref(key).as_deref(), text.as_deref(), "the borrowed reading of {:?}", key.name);
    (
        text,
        object.flag(key),
        object.number(key),
        float,
        object.texts(key),
        object.object(key).is_some(),
        object.json(key),
    )
}

/// The same readings from serde_json's tree and the lenient field types, as the readers were
/// first written.
fn read_with_serde(object: &serde_json::Map<String, serde_json::Value>, key: &str) -> Readings {
    let value = object.get(key).filter(|v| !v.is_null());
    let text = |v: &serde_json::Value| LooseString::deserialize(v).ok().and_then(LooseString::non_empty);
    let float = value
        .and_then(|v| match v {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .filter(|f: &f64| f.is_finite())
        .map(f64::to_bits);
    let texts = match value {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(text).collect(),
        _ => Vec::new(),
    };
    (
        value.and_then(text),
        value.is_some_and(|v| LooseBool::deserialize(v).is_ok_and(|b| b.0)),
        value.and_then(|v| LooseU64::deserialize(v).ok()).and_then(|n| n.0),
        float,
        texts,
        value.is_some_and(serde_json::Value::is_object),
        value.map(|v| serde_json::to_string(v).unwrap_or_default()),
    )
}

/// The test documents' keys unescaped (`x\u0061` is `xa`), as the readers look them up.
static NAMES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let unescape = |k: &str| serde_json::from_str::<String>(&format!("\"{k}\"")).expect("a JSON string");
    KEYS.iter().map(|k| &*String::leak(unescape(k))).collect()
});

/// Every key of `object` and of the objects in it, read both ways. At the top of a body the
/// readers only ask for the filed keys ([`keys::KEYS`]); in a nested object, for any name.
fn compare(fields: Fields<'_, '_>, top: bool, tree: &serde_json::Map<String, serde_json::Value>, text: &str) {
    for &name in NAMES.iter() {
        let key = match keys::KEYS.find(name.as_bytes()) {
            Some(at) => Key { at: u8::try_from(at).expect("a small set"), name },
            None if top => continue,
            None => Key { at: u8::MAX, name },
        };
        assert_eq!(read_with_fields(fields, key), read_with_serde(tree, name), "{name:?} of {text}");
        if let (Some(inner), Some(serde_json::Value::Object(inner_tree))) = (fields.object(key), tree.get(name)) {
            compare(inner, false, inner_tree, text);
        }
    }
}

proptest! {
    #[test]
    fn every_field_reads_as_the_lenient_types_read_it(
        members in proptest::collection::vec((proptest::sample::select(KEYS), doc()), 0..12),
        style in any::<u64>(),
    ) {
        let text = print(&crate::wire::tape::tests::Doc::Obj(members), style);
        let mut tape = crate::wire::tape::Tape::read(text.as_bytes()).expect("a printed document reads");
        let tree: serde_json::Map<String, serde_json::Value> =
            crate::wire::response::parse_json(text.as_bytes()).expect("and so does the tree");
        compare(Fields::body(&mut tape), true, &tree, &text);
    }
}

#[test]
fn statuses_are_named_in_any_case_with_spaces_around() {
    let delivery = [
        (" read_by_me ", DeliveryStatus::ReadByMe),
        ("Read", DeliveryStatus::Read),
        ("sent\n", DeliveryStatus::Sent),
        ("RECEIVED", DeliveryStatus::Received),
        ("played", DeliveryStatus::Played),
        ("READ BY ME", DeliveryStatus::Other),
        ("", DeliveryStatus::Other),
    ];
    for (raw, expected) in delivery {
        assert_eq!(super::delivery_status(raw), expected, "{raw:?}");
    }
    let presence = [
        ("unavailable", PresenceStatus::Unavailable),
        (" Available", PresenceStatus::Available),
        ("COMPOSING", PresenceStatus::Composing),
        ("recording ", PresenceStatus::Recording),
        ("paused", PresenceStatus::Paused),
        ("typing", PresenceStatus::Other),
    ];
    for (raw, expected) in presence {
        assert_eq!(super::presence_status(raw), expected, "{raw:?}");
    }
}
