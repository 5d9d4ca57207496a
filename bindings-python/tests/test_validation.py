"""Bad arguments raise ``ValidationError`` naming the argument, before any request: the server's
log stays empty. Wrong Python types raise ``TypeError``, as everywhere in Python."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from conftest import PHONES, Backend

from zapi_communities import AsyncClient, Client, GroupMention, GroupSettings, ValidationError

COMMUNITY = "120363000000000001"
GROUP = "120363000000000003-group"
PHONE = PHONES[0]

# (what is called, the field the error must name)
CASES: list[tuple[str, Callable[[Client], Any], str]] = [
    ("create_community name", lambda c: c.create_community("  "), "name"),
    ("create_community description", lambda c: c.create_community("x", "d" * 2049), "description"),
    ("list_communities page", lambda c: c.list_communities(page=0), "page"),
    ("list_communities negative", lambda c: c.list_communities(page=-1), "page"),
    ("list_communities page_size", lambda c: c.list_communities(page_size=0), "page_size"),
    ("communities page_size", lambda c: c.communities(page_size=-1), "page_size"),
    ("community_metadata", lambda c: c.community_metadata(GROUP), "community_id"),
    ("link_groups empty", lambda c: c.link_groups(COMMUNITY, []), "group_ids"),
    ("link_groups item", lambda c: c.link_groups(COMMUNITY, [GROUP, "x"]), "group_ids[1]"),
    ("link_groups repeated", lambda c: c.link_groups(COMMUNITY, [GROUP, GROUP]), "group_ids[1]"),
    ("link_groups community", lambda c: c.link_groups("abc", [GROUP]), "community_id"),
    ("unlink_groups item", lambda c: c.unlink_groups(COMMUNITY, ["-group"]), "group_ids[0]"),
    ("deactivate_community", lambda c: c.deactivate_community(""), "community_id"),
    ("update_community_settings", lambda c: c.update_community_settings(COMMUNITY, "everyone"), "who_can_add_new_groups"),  # type: ignore[arg-type]
    ("update_community_description", lambda c: c.update_community_description(COMMUNITY, "d" * 2049), "description"),
    ("update_community_photo", lambda c: c.update_community_photo(COMMUNITY, "ftp://example.com/a.png"), "photo"),
    ("add_participants empty", lambda c: c.add_participants(COMMUNITY, []), "phones"),
    ("add_participants phone", lambda c: c.add_participants(COMMUNITY, [PHONE, "12"]), "phones[1]"),
    ("add_participants target", lambda c: c.add_participants("not-an-id", [PHONE]), "target"),
    ("remove_participants", lambda c: c.remove_participants(GROUP, ["x"]), "phones[0]"),
    ("add_admins", lambda c: c.add_admins(COMMUNITY, [PHONE, PHONE]), "phones[1]"),
    ("remove_admins", lambda c: c.remove_admins("", [PHONE]), "target"),
    ("redefine_invitation_link", lambda c: c.redefine_invitation_link("x"), "target"),
    ("community_invitation_link", lambda c: c.community_invitation_link(GROUP), "community_id"),
    ("group_invitation_link", lambda c: c.group_invitation_link("x"), "group_id"),
    ("create_group name", lambda c: c.create_group("", [PHONE]), "name"),
    ("create_group phones", lambda c: c.create_group("G", ["+55"]), "phones[0]"),
    ("list_chats", lambda c: c.list_chats(page_size=1001), "page_size"),
    ("chats", lambda c: c.chats(page_size=-5), "page_size"),
    ("group_metadata", lambda c: c.group_metadata("abc"), "group_id"),
    ("update_group_settings", lambda c: c.update_group_settings("x", GroupSettings()), "group_id"),
    ("send_text to", lambda c: c.send_text("hello", "Hi"), "to"),
    ("send_text message", lambda c: c.send_text(PHONE, "   "), "message"),
    ("send_text delay_message", lambda c: c.send_text(PHONE, "Hi", delay_message=16), "delay_message"),
    ("send_text delay_typing", lambda c: c.send_text(PHONE, "Hi", delay_typing=-1), "delay_typing"),
    ("send_text edit_message_id", lambda c: c.send_text(PHONE, "Hi", edit_message_id=" "), "edit_message_id"),
    ("send_text mentioned", lambda c: c.send_text(PHONE, "Hi", mentioned=["x"]), "mentioned[0]"),
    (
        "send_text group_mentioned id",
        lambda c: c.send_text(GROUP, "Hi", group_mentioned=[GroupMention(group_id="x", subject="S")]),
        "group_mentioned[0].group_id",
    ),
    (
        "send_text group_mentioned tag",
        lambda c: c.send_text(GROUP, "no tag", group_mentioned=[{"group_id": GROUP, "subject": "S"}]),
        "group_mentioned[0]",
    ),
    ("announce community", lambda c: c.announce("x", "Hi"), "community_id"),
    ("announce text", lambda c: c.announce(COMMUNITY, ""), "text"),
    ("announce delay", lambda c: c.announce(COMMUNITY, "Hi", delay_message=0), "delay_message"),
    ("resolve community", lambda c: c.resolve_announcement_group("x"), "community_id"),
    ("resolve source", lambda c: c.resolve_announcement_group(COMMUNITY, source="cache"), "source"),  # type: ignore[arg-type]
    ("remember", lambda c: c.remember_announcement_group(COMMUNITY, "x"), "group_id"),
    ("cached", lambda c: c.cached_announcement_group("x"), "community_id"),
    ("invalidate", lambda c: c.invalidate("x"), "community_id"),
]


@pytest.mark.parametrize(("name", "call", "field"), CASES, ids=[c[0] for c in CASES])
def test_refused_before_any_request(backend: Backend, name: str, call: Callable[[Client], Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call(backend.api)
    assert caught.value.field == field, caught.value
    assert caught.value.kind == "validation"
    if backend.server:
        assert backend.server.requests() == [], f"{name} sent a request"


@pytest.mark.parametrize("cls", [Client, AsyncClient])
@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"instance_id": "", "token": "t"}, "instance_id"),
        ({"instance_id": "i", "token": "a/b"}, "token"),
        ({"instance_id": "i", "token": "t", "base_url": "ftp://x"}, "base_url"),
        ({"instance_id": "i", "token": "t", "timeout_ms": 0}, "timeout_ms"),
        ({"instance_id": "i", "token": "t", "timeout_ms": -1}, "timeout_ms"),
        ({"instance_id": "i", "token": "t", "timeout_ms": 1.5}, "timeout_ms"),
        ({"instance_id": "i", "token": "t", "timeout_ms": [1]}, "timeout_ms"),
        ({"instance_id": "i", "token": "t", "proxy": "perhaps"}, "proxy"),
        ({"token": "t"}, "instance_id"),
        ({"instance_id": "i"}, "token"),
        ({"proxy": True}, "base_url"),
        ({"proxy": True, "base_url": "https://backend.example", "token": "t"}, "token"),
        ({"instance_id": "i", "token": "t", "base_url": "http://example.com"}, "base_url"),
        ({"instance_id": "i", "token": "t", "max_retries": -1}, "max_retries"),
        ({"instance_id": "i", "token": "t", "max_body_bytes": -1}, "max_body_bytes"),
    ],
)
def test_constructor_arguments(cls: type[Client] | type[AsyncClient], options: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        cls(**options)
    assert caught.value.field == field


def test_wrong_types_are_type_errors(backend: Backend) -> None:
    with pytest.raises(TypeError):
        backend.api.link_groups(COMMUNITY, GROUP)  # a str is a Sequence[str] to mypy, but not a list of ids
    with pytest.raises(TypeError):
        backend.api.create_community(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        backend.api.update_community_settings(COMMUNITY, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        backend.api.send_text(GROUP, "Hi", group_mentioned=[("x", "y")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        backend.api.update_group_settings(GROUP, {"admin_only_message": True})  # type: ignore[arg-type]
    if backend.server:
        assert backend.server.requests() == []


def test_async_client_reports_bad_arguments_through_the_awaitable() -> None:
    import asyncio

    async def main() -> None:
        client = AsyncClient.simulated()
        pending = client.community_metadata("not-a-community")  # no exception yet
        with pytest.raises(ValidationError):
            await pending

    asyncio.run(main())
