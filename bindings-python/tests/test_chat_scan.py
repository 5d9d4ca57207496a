"""The chat-list scan: ``list_announcement_groups`` on both clients and over both simulators,
and ``parse_announcement_groups`` on a body the caller already has. Each answer is checked
against the plain way (``list_chats`` / ``json.loads`` and a filter)."""

from __future__ import annotations

import json
import time

import pytest
from conftest import PHONES, Backend
from test_gil import Counter

from zapi_communities import ApiError, DecodeError, ValidationError, parse_announcement_groups


def chat_list(count: int) -> bytes:
    """A chat list with an announcement group every 50 chats and the service's string scalars."""
    chats = []
    for i in range(count):
        announcement = i % 50 == 7
        phone = f"1203630{i:011d}-group" if announcement or i % 5 == 0 else f"55119{i:08d}"
        chats.append(
            {
                "phone": phone,
                "name": f"Chat {i} — «ünïcode»",
                "unread": str(i % 7),
                "isGroupAnnouncement": "true" if announcement and i % 2 else announcement,
                "isGroup": not announcement and i % 5 == 0,
                "profileThumbnail": None,
            }
        )
    return json.dumps(chats, ensure_ascii=False).encode()


def expected(body: bytes) -> list[str]:
    return [c["phone"] for c in json.loads(body) if c["isGroupAnnouncement"] in (True, "true")]


def test_list_announcement_groups_returns_the_flagged_chats(backend: Backend) -> None:
    c = backend.api
    first = c.create_community("Rua das Flores")
    second = c.create_community("Rua das Pedras")
    group = c.create_group("Building A", PHONES[:1])
    c.link_groups(first.id, [group.id])

    found = c.list_announcement_groups()
    assert sorted(found) == sorted([str(first.announcement_group), str(second.announcement_group)])
    assert group.id not in found
    flagged = [chat.phone for chat in c.list_chats(page=1, page_size=100) if chat.is_group_announcement]
    assert found == flagged
    assert c.list_announcement_groups(page=2, page_size=100) == []
    if backend.server:
        assert backend.server.requests()[-1]["query"] == [["page", "2"], ["pageSize", "100"]]


def test_list_announcement_groups_validates_paging(backend: Backend) -> None:
    with pytest.raises(ValidationError) as raised:
        backend.api.list_announcement_groups(page=0)
    assert raised.value.field == "page"


def test_parse_matches_json_loads_and_a_filter() -> None:
    body = chat_list(2_000)
    want = expected(body)
    assert len(want) == 40
    assert parse_announcement_groups(body) == want
    assert parse_announcement_groups(body.decode()) == want


def test_parse_tolerates_the_documented_quirks() -> None:
    # The documented example's trailing comma, and a `null` body meaning no chats.
    body = b'[{"phone": "120363019502650977-group", "isGroupAnnouncement": "true",},]'
    assert parse_announcement_groups(body) == ["120363019502650977-group"]
    assert parse_announcement_groups(b"null") == []
    assert parse_announcement_groups(b"  ") == []


def test_parse_refuses_error_bodies_and_other_types() -> None:
    with pytest.raises(ApiError) as api:
        parse_announcement_groups(b'{"error": "Instance not found"}')
    assert "Instance not found" in str(api.value)
    with pytest.raises(DecodeError):
        parse_announcement_groups(b"<html><title>502</title></html>")
    with pytest.raises(DecodeError):
        parse_announcement_groups(b'{"phone": "1"}')
    for wrong in (bytearray(b"[]"), memoryview(b"[]"), 42, None):
        with pytest.raises(TypeError, match="bytes or str"):
            parse_announcement_groups(wrong)  # type: ignore[arg-type]


def test_parse_releases_the_gil() -> None:
    # One scan of a ~20 MB body takes tens of milliseconds; holding the GIL throughout would
    # leave the counting thread at (about) zero for that time.
    body = chat_list(200_000)
    counter = Counter()
    counter.start()
    time.sleep(0.05)
    try:
        before = counter.count
        found = parse_announcement_groups(body)
        during = counter.count - before
    finally:
        counter.stop.set()
        counter.join()
    assert len(found) == 4_000
    assert during > 10_000, f"the other thread advanced only {during} times during the scan"
