"""Webhook bodies read into typed events, and taken apart the way a bot does: ``match`` on the
variant classes (``WebhookEvent.Message``, ``GroupNotification.JoinRequest``, …); and the
simulator posting the events a bot reacts to."""

from __future__ import annotations

import json

import pytest

from zapi_communities import (
    Client,
    DecodeError,
    DeliveryStatus,
    GroupNotification,
    GroupSettings,
    JoinRequestMethod,
    LinkMode,
    MessageContent,
    Simulator,
    ValidationError,
    WebhookEvent,
    WebhookKind,
    parse_webhook,
)

JOIN = {
    "type": "ReceivedCallback",
    "phone": "120363019502650977-group",
    "isGroup": True,
    "participantPhone": "5544999999999",
    "notification": "MEMBERSHIP_APPROVAL_REQUEST",
    "notificationParameters": ["5544999999999"],
    "requestMethod": "invite_link",
}


def what_a_bot_does(body: bytes) -> str:
    match parse_webhook(body):
        case WebhookEvent.Message(message=m) if m.notification is not None:
            match m.notification:
                case GroupNotification.JoinRequest(requesters=people, method=JoinRequestMethod.INVITE_LINK):
                    return f"decide on {', '.join(people)} in {m.chat}"
                case GroupNotification.ParticipantsLeft(participants=people):
                    return f"{len(people)} left {m.chat}"
                case other:
                    return f"ignore {type(other).__name__}"
        case WebhookEvent.Message(message=m):
            match m.content:
                case MessageContent.Text(message=text):
                    return f"text: {text}"
                case _:
                    return "another kind"
        case WebhookEvent.Status(status=s) if s.status == DeliveryStatus.READ:
            return f"read: {len(s.ids)}"
        case _:
            return "not for the bot"


def test_a_bot_matches_on_the_event_and_its_notification() -> None:
    assert what_a_bot_does(json.dumps(JOIN).encode()) == "decide on 5544999999999 in 120363019502650977-group"
    left = {**JOIN, "notification": "GROUP_PARTICIPANT_LEAVE", "notificationParameters": ["1", "2"]}
    assert what_a_bot_does(json.dumps(left).encode()) == "2 left 120363019502650977-group"
    text = {"type": "ReceivedCallback", "phone": "5544999999999", "text": {"message": "oi"}}
    assert what_a_bot_does(json.dumps(text).encode()) == "text: oi"
    read = {"type": "MessageStatusCallback", "status": "READ", "ids": ["a", "b"]}
    assert what_a_bot_does(json.dumps(read).encode()) == "read: 2"
    assert what_a_bot_does(b'{"type": "ConnectedCallback", "connected": true}') == "not for the bot"


def test_events_are_frozen_values() -> None:
    first, second = parse_webhook(json.dumps(JOIN)), parse_webhook(json.dumps(JOIN).encode())
    assert first == second
    assert isinstance(first, WebhookEvent.Message)
    with pytest.raises(AttributeError):
        first.message.chat = "x"  # type: ignore[misc]


def test_what_is_not_an_event_raises_decode_error() -> None:
    for body in (b"", b"[]", b'{"type": "Nope"}'):
        with pytest.raises(DecodeError):
            parse_webhook(body)
    with pytest.raises(TypeError):
        parse_webhook(42)  # type: ignore[arg-type]


def test_the_simulator_posts_what_a_bot_reacts_to() -> None:
    simulator = Simulator()
    client = Client.simulated(simulator)
    client.set_webhook("received", "https://bot.example/hook")
    group = client.create_group("Bakery", ["5511911111111"])
    client.update_group_settings(group.id, GroupSettings(require_admin_approval=True))
    simulator.take_webhooks()  # the group's creation
    assert simulator.invite_join(client.group_invitation_link(group.id), "5511922222222") == "requested"
    for posted in simulator.take_webhooks():
        assert (posted.kind, posted.url) == (WebhookKind.RECEIVED, "https://bot.example/hook")
        event = parse_webhook(posted.body)
        if isinstance(event, WebhookEvent.Message) and isinstance(event.message.notification, GroupNotification.JoinRequest):
            client.approve_participants(event.message.chat, event.message.notification.requesters)
    after = [parse_webhook(p.body) for p in simulator.take_webhooks()]
    assert [e.message.notification for e in after if isinstance(e, WebhookEvent.Message)] == [
        GroupNotification.ParticipantsAdded(participants=["5511922222222"])
    ]


def test_the_simulator_plays_a_withdrawn_request_and_a_link_mode_change() -> None:
    simulator = Simulator()
    client = Client.simulated(simulator)
    group = client.create_group("Bakery", ["5511911111111"])
    client.update_group_settings(group.id, GroupSettings(require_admin_approval=True))
    simulator.invite_join(client.group_invitation_link(group.id), "5511922222222")
    simulator.take_webhooks()
    assert simulator.withdraw_join_request(group.id, "5511922222222")
    assert not simulator.withdraw_join_request(group.id, "5511922222222")
    assert simulator.set_link_mode(group.id, LinkMode.ALL_MEMBERS)
    notes = [parse_webhook(p.body) for p in simulator.take_webhooks()]
    assert [e.message.notification for e in notes if isinstance(e, WebhookEvent.Message)] == [
        GroupNotification.JoinRequestRevoked(requesters=["5511922222222"]),
        GroupNotification.LinkModeChanged(link_mode=LinkMode.ALL_MEMBERS),
    ]
    with pytest.raises(ValidationError) as missing:
        simulator.set_link_mode("120363000000000099-group", LinkMode.ADMINS_ONLY)
    assert missing.value.field == "group_id"
