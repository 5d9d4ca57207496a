"""Every client method, on ``Client`` and ``AsyncClient``, against the HTTP simulator server and
the in-memory simulator: arguments arrive converted, results come back as the model classes, and
(over HTTP) the server saw exactly the expected request. The core's own logic is tested in Rust;
here the binding is."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CONNECTED_PHONE, PHONES, Backend, SimServer

from zapi_communities import (
    Announcement,
    AnnouncementGroup,
    AnnouncementSource,
    Chat,
    Community,
    CommunitySummary,
    CreatedGroup,
    GroupMetadata,
    GroupSettings,
    LinkedGroup,
    LinkOutcome,
    NotAnnouncementGroupError,
    Participant,
    SentMessage,
    UnlinkOutcome,
    WhoCanAddGroups,
)


def last(server: SimServer | None) -> dict[str, Any] | None:
    """The last request the server saw (None on the in-memory simulator)."""
    return server.requests()[-1] if server else None


def saw(server: SimServer | None, method: str, path: str, body: dict[str, Any] | None = None) -> None:
    """Asserts the last request's method, path and JSON body."""
    request = last(server)
    if request is None:
        return
    assert (request["method"], request["path"]) == (method, path)
    if body is not None:
        assert json.loads(request["body"]) == body


def test_communities(backend: Backend) -> None:
    c, server = backend.api, backend.server
    community = c.create_community("Rua das Flores", "Street news")
    assert isinstance(community, Community)
    assert (community.name, community.description) == ("Rua das Flores", "Street news")
    assert community.announcement_group is not None and community.announcement_group.endswith("-group")
    assert [type(g) for g in community.groups] == [LinkedGroup]
    saw(server, "POST", "/communities", {"name": "Rua das Flores", "description": "Street news"})

    page = c.list_communities(page=1, page_size=10)
    assert [p.id for p in page] == [community.id]
    assert all(isinstance(p, CommunitySummary) for p in page)
    if server:
        assert server.requests()[-1]["query"] == [["page", "1"], ["pageSize", "10"]]

    metadata = c.community_metadata(community.id)
    assert metadata == community
    saw(server, "GET", f"/communities-metadata/{community.id}")

    c.update_community_description(community.id, "New text")
    saw(server, "POST", "/update-community-description", {"communityId": community.id, "communityDescription": "New text"})
    assert c.community_metadata(community.id).description == "New text"

    c.update_community_photo(community.id, "https://example.com/logo.png")
    saw(
        server,
        "POST",
        "/update-community-photo",
        {"communityId": community.id, "communityPhoto": "https://example.com/logo.png"},
    )

    c.update_community_settings(community.id, "all")
    saw(server, "POST", "/communities/settings", {"communityId": community.id, "whoCanAddNewGroups": "all"})
    c.update_community_settings(community.id, WhoCanAddGroups.ADMINS)
    saw(server, "POST", "/communities/settings", {"communityId": community.id, "whoCanAddNewGroups": "admins"})

    c.deactivate_community(community.id)
    saw(server, "DELETE", f"/communities/{community.id}")
    assert c.cached_announcement_group(community.id) is None


def test_groups_linking_and_members(backend: Backend) -> None:
    c, server = backend.api, backend.server
    community = c.create_community("Rua das Flores")
    building = c.create_group("Building A", PHONES[:2], auto_invite=True)
    assert isinstance(building, CreatedGroup) and building.id.endswith("-group")
    saw(server, "POST", "/create-group", {"groupName": "Building A", "phones": PHONES[:2], "autoInvite": True})
    gardens = c.create_group("Gardens", ("+55 11 91111-0003", PHONES[1]))  # any sequence; phones normalised
    saw(server, "POST", "/create-group", {"groupName": "Gardens", "phones": [PHONES[2], PHONES[1]], "autoInvite": False})

    outcome = c.link_groups(community.id, [building.id, gardens.id])
    assert isinstance(outcome, LinkOutcome) and outcome.linked == [building.id, gardens.id] and outcome.skipped == []
    assert outcome.verified_by_metadata  # the answer said nothing of skipped groups: the metadata was read
    if server:
        link_request, metadata_request = server.requests()[-2:]
        assert link_request["path"] == "/communities/link"
        assert metadata_request["path"] == f"/communities-metadata/{community.id}"
        assert json.loads(link_request["body"]) == {"communityId": community.id, "groupsPhones": [building.id, gardens.id]}
    linked = c.community_metadata(community.id)
    assert sorted(g.id for g in linked.groups if not g.is_announcement) == sorted([building.id, gardens.id])

    unlinked = c.unlink_groups(community.id, [building.id])
    assert isinstance(unlinked, UnlinkOutcome) and unlinked.unlinked == [building.id] and unlinked.skipped == []
    if server:
        unlink = server.requests()[-2]
        assert json.loads(unlink["body"]) == {"communityId": community.id, "groupsPhones": [building.id]}

    c.add_participants(community.id, [PHONES[3]], auto_invite=True)
    saw(server, "POST", "/add-participant", {"communityId": community.id, "phones": [PHONES[3]], "autoInvite": True})
    c.add_admins(community.id, [PHONES[3]])
    saw(server, "POST", "/add-admin", {"communityId": community.id, "phones": [PHONES[3]]})
    c.remove_admins(community.id, [PHONES[3]])
    saw(server, "POST", "/remove-admin", {"communityId": community.id, "phones": [PHONES[3]]})
    c.remove_participants(community.id, [PHONES[3]])
    saw(server, "POST", "/remove-participant", {"communityId": community.id, "phones": [PHONES[3]]})
    # A group id as target is sent as groupId.
    c.add_participants(gardens.id, [PHONES[0]])
    saw(server, "POST", "/add-participant", {"groupId": gardens.id, "phones": [PHONES[0]], "autoInvite": False})

    metadata = c.group_metadata(gardens.id)
    assert isinstance(metadata, GroupMetadata)
    assert metadata.community_id == community.id and not metadata.is_group_announcement
    assert all(isinstance(p, Participant) for p in metadata.participants)
    assert {CONNECTED_PHONE, PHONES[0], PHONES[1], PHONES[2]} <= {p.phone for p in metadata.participants}
    saw(server, "GET", f"/group-metadata/{gardens.id}")

    settings = GroupSettings(admin_only_message=True, admin_only_add_member=True)
    c.update_group_settings(gardens.id, settings)
    saw(
        server,
        "POST",
        "/update-group-settings",
        {
            "phone": gardens.id,
            "adminOnlyMessage": True,
            "adminOnlySettings": False,
            "requireAdminApproval": False,
            "adminOnlyAddMember": True,
        },
    )
    assert c.group_metadata(gardens.id).admin_only_message is True


def test_invitation_links(backend: Backend) -> None:
    c, server = backend.api, backend.server
    community = c.create_community("Rua das Flores")
    group = c.create_group("Building A", PHONES[:1])
    link = c.community_invitation_link(community.id)
    assert link.startswith("https://chat.whatsapp.com/")
    saw(server, "GET", f"/group-invitation-link/{community.announcement_group}")
    assert c.group_invitation_link(group.id).startswith("https://chat.whatsapp.com/")
    saw(server, "GET", f"/group-invitation-link/{group.id}")
    new_link = c.redefine_invitation_link(community.id)
    assert new_link.startswith("https://chat.whatsapp.com/") and new_link != link
    if server:
        assert ("POST", f"/redefine-invitation-link/{community.id}") in server.routes()
    assert c.redefine_invitation_link(group.id) != c.redefine_invitation_link(group.id)


def test_chats_and_paging(backend: Backend) -> None:
    c = backend.api
    community = c.create_community("Rua das Flores")
    group = c.create_group("Building A", PHONES[:1])
    chats = c.list_chats(page=1, page_size=50)
    assert all(isinstance(chat, Chat) for chat in chats)
    by_phone = {chat.phone: chat for chat in chats}
    assert by_phone[group.id].is_group and not by_phone[group.id].is_group_announcement
    assert by_phone[str(community.announcement_group)].is_group_announcement
    assert [chat.phone for chat in c.chats(page_size=1)] == [chat.phone for chat in chats]
    assert [s.id for s in c.communities(page_size=5)] == [community.id]


def test_messages(backend: Backend) -> None:
    c, server = backend.api, backend.server
    community = c.create_community("Rua das Flores")
    group = c.create_group("Building A", PHONES[:2])
    c.link_groups(community.id, [group.id])

    sent = c.send_text(PHONES[0], "Hello")
    assert isinstance(sent, SentMessage) and sent.message_id and sent.zaap_id
    saw(server, "POST", "/send-text", {"phone": PHONES[0], "message": "Hello"})

    digits = group.id.removesuffix("-group")
    sent = c.send_text(
        str(community.announcement_group),
        f"Meeting in @{digits} with @{PHONES[1]}",
        delay_message=3,
        delay_typing=2,
        mentioned=[PHONES[1]],
        group_mentioned=[{"group_id": group.id, "subject": "Building A"}],
    )
    saw(
        server,
        "POST",
        "/send-text",
        {
            "phone": community.announcement_group,
            "message": f"Meeting in @{digits} with @{PHONES[1]}",
            "delayMessage": 3,
            "delayTyping": 2,
            "mentioned": [PHONES[1]],
            "groupMentioned": [{"phone": group.id, "subject": "Building A"}],
        },
    )
    c.send_text(PHONES[0], "Hello again", edit_message_id=sent.message_id)
    saw(server, "POST", "/send-text", {"phone": PHONES[0], "message": "Hello again", "editMessageId": sent.message_id})

    announcement = c.announce(community.id, "Street party!", delay_typing=2, mentioned=[PHONES[0]])
    assert isinstance(announcement, Announcement)
    assert announcement.announcement_group.group_id == community.announcement_group
    assert announcement.announcement_group.source == AnnouncementSource.CREATE_RESPONSE
    saw(
        server,
        "POST",
        "/send-text",
        {"phone": community.announcement_group, "message": "Street party!", "delayTyping": 2, "mentioned": [PHONES[0]]},
    )

    if server:
        server.clear_log()
    with pytest.raises(NotAnnouncementGroupError):
        c.send_text(community.id, "to the community id itself")
    assert server is None or server.requests() == []  # refused before any request


def test_announcement_group_resolution(backend: Backend) -> None:
    c, server = backend.api, backend.server
    community = c.create_community("Rua das Flores")
    first = c.resolve_announcement_group(community.id)
    assert isinstance(first, AnnouncementGroup)
    assert (first.source, first.from_cache) == (AnnouncementSource.CREATE_RESPONSE, True)
    assert c.cached_announcement_group(community.id) == first

    c.invalidate(community.id)
    assert c.cached_announcement_group(community.id) is None
    from_metadata = c.resolve_announcement_group(community.id)
    assert (from_metadata.source, from_metadata.group_id) == (AnnouncementSource.COMMUNITY_METADATA, first.group_id)
    from_chats = c.resolve_announcement_group(community.id, source="chat_list")
    assert from_chats.source == AnnouncementSource.CHAT_LIST and not from_chats.from_cache
    if server:
        assert ("GET", "/chats") in server.routes()
    again = c.resolve_announcement_group(community.id, AnnouncementSource.CHAT_LIST)
    assert again.source == AnnouncementSource.CHAT_LIST

    c.invalidate_all()
    assert c.cached_announcement_group(community.id) is None
    remembered = c.remember_announcement_group(community.id, first.group_id)
    assert (remembered.source, remembered.from_cache) == (AnnouncementSource.EXPLICIT, False)
    cached = c.resolve_announcement_group(community.id)
    assert (cached.source, cached.group_id) == (AnnouncementSource.EXPLICIT, first.group_id)
    assert c.resolve_announcement_group(community.id, source="explicit").group_id == first.group_id


def test_each_client_has_its_own_cache(http_backend: Backend) -> None:
    one, other = http_backend.api, http_backend.make()
    community = one.create_community("Rua das Flores")
    assert one.cached_announcement_group(community.id) is not None
    assert other.cached_announcement_group(community.id) is None
