"""The model classes: the core's own types seen from Python — frozen, equal by value, with a
dataclass-style repr and the stable enum names."""

from __future__ import annotations

import pytest

import zapi_communities
from zapi_communities import (
    Announcement,
    AnnouncementGroup,
    AnnouncementSource,
    Chat,
    Client,
    Community,
    CommunitySummary,
    CreatedGroup,
    GroupMetadata,
    GroupSettings,
    LinkedGroup,
    Participant,
    SentMessage,
    WhoCanAddGroups,
)
from conftest import PHONES

MODELS = [
    Announcement,
    AnnouncementGroup,
    Chat,
    Community,
    CommunitySummary,
    CreatedGroup,
    GroupMetadata,
    GroupSettings,
    LinkedGroup,
    Participant,
    SentMessage,
]


def properties(cls: type) -> list[str]:
    return sorted(name for name, value in vars(cls).items() if not name.startswith("_") and hasattr(value, "__get__"))


def instances() -> list[object]:
    client = Client.simulated()
    community = client.create_community("Rua das Flores", "Street news")
    group = client.create_group("Building A", PHONES[:2])
    client.link_groups(community.id, [group.id])
    announcement = client.announce(community.id, "Hello")
    return [
        community,
        community.groups[0],
        client.list_communities()[0],
        client.resolve_announcement_group(community.id),
        group,
        client.list_chats()[0],
        client.group_metadata(group.id),
        client.group_metadata(group.id).participants[0],
        GroupSettings(admin_only_message=True),
        announcement.message,
        announcement,
    ]


@pytest.mark.parametrize("value", instances(), ids=lambda v: type(v).__name__)
def test_repr_equality_and_immutability(value: object) -> None:
    cls = type(value)
    assert cls.__module__ == "zapi_communities" and getattr(zapi_communities, cls.__name__) is cls
    text = repr(value)
    assert text.startswith(f"{cls.__name__}(")
    for name in properties(cls):  # every attribute is shown, as Python shows it
        assert f"{name}={getattr(value, name)!r}" in text
    assert value == value and value != object()
    name = properties(cls)[0]
    with pytest.raises(AttributeError):
        setattr(value, name, getattr(value, name))


def test_values_are_python_types() -> None:
    client = Client.simulated()
    community = client.create_community("Rua das Flores")
    assert type(community.id) is str and type(community.groups) is list
    assert community.description is None
    chat = client.list_chats()[0]
    assert type(chat.unread) is int and type(chat.is_group_announcement) is bool


def test_equality_is_by_value() -> None:
    client = Client.simulated()
    community = client.create_community("Rua das Flores")
    assert client.community_metadata(community.id) == community
    assert client.community_metadata(community.id) is not community
    assert GroupSettings(admin_only_message=True) == GroupSettings(admin_only_message=True)
    assert GroupSettings() != GroupSettings(admin_only_add_member=True)


def test_group_settings_constructor() -> None:
    s = GroupSettings(admin_only_message=True, require_admin_approval=True)
    assert (s.admin_only_message, s.admin_only_settings, s.require_admin_approval, s.admin_only_add_member) == (
        True,
        False,
        True,
        False,
    )
    with pytest.raises(TypeError):
        GroupSettings(True)  # type: ignore[call-arg]  # keyword-only


def test_enums() -> None:
    assert [s.value for s in (AnnouncementSource.CREATE_RESPONSE, AnnouncementSource.CHAT_LIST)] == [
        "create_response",
        "chat_list",
    ]
    assert str(AnnouncementSource.COMMUNITY_METADATA) == "community_metadata"
    assert repr(AnnouncementSource.EXPLICIT) == "AnnouncementSource.EXPLICIT"
    assert (WhoCanAddGroups.ADMINS.value, str(WhoCanAddGroups.ALL)) == ("admins", "all")
    assert WhoCanAddGroups.ALL == WhoCanAddGroups.ALL and WhoCanAddGroups.ALL != WhoCanAddGroups.ADMINS
    assert len({AnnouncementSource.CHAT_LIST, AnnouncementSource.CHAT_LIST, AnnouncementSource.EXPLICIT}) == 2


def test_models_cannot_be_built_by_hand() -> None:
    with pytest.raises(TypeError):
        Community()
