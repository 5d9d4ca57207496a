"""Webhook bodies read into typed events, and taken apart the way a bot does: ``match`` on the
variant classes (``WebhookEvent.Message``, ``GroupNotification.JoinRequest``, …)."""

from __future__ import annotations

import json

import pytest

from zapi_communities import (
    DecodeError,
    DeliveryStatus,
    GroupNotification,
    JoinRequestMethod,
    MessageContent,
    WebhookEvent,
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
