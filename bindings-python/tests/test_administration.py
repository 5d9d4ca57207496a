"""Running a group from Python, sync and async, on a shared embedded ``Simulator``: join requests
approved and rejected, renaming, previews from a link, leaving, and group-add privacy."""

from __future__ import annotations

import asyncio

import pytest

from zapi_communities import AsyncClient, Client, GroupAddPrivacy, GroupSettings, Simulator, ValidationError

ANA, BIA, CAIO = "5511911111111", "5511922222222", "5511933333333"


def test_a_join_request_is_approved_into_the_group_and_the_community() -> None:
    simulator = Simulator()
    client = Client.simulated(simulator)
    community = client.create_community("Rua das Flores")
    group = client.create_group("Bakery", [ANA])
    client.link_groups(community.id, [group.id])
    client.update_group_settings(group.id, GroupSettings(require_admin_approval=True))
    link = client.group_invitation_link(group.id)
    assert simulator.invite_join(link, BIA) == "requested"
    assert simulator.invite_join(link, CAIO) == "requested"
    client.approve_participants(group.id, [BIA])
    client.reject_participants(group.id, [CAIO])
    members = {p.phone for p in client.community_members(community.id)}
    assert BIA in members and CAIO not in members
    assert BIA in {p.phone for p in client.light_group_metadata(group.id).participants}
    assert client.community_of(group.id) == community.id
    with pytest.raises(ValidationError) as refused:
        simulator.invite_join("https://chat.whatsapp.com/NoSuchGroup01", BIA)
    assert refused.value.field == "link"


def test_details_previews_leaving_and_privacy() -> None:
    client = Client.simulated()
    group = client.create_group("Bakery", [ANA])
    client.update_group_name(group.id, "Bakery & Co")
    client.update_group_description(group.id, "Fresh bread")
    client.update_group_photo(group.id, "https://example.com/bread.png")
    preview = client.group_invitation_metadata(client.group_invitation_link(group.id))
    assert (preview.id, preview.name, preview.description) == (group.id, "Bakery & Co", "Fresh bread")
    assert [g.phone for g in client.list_groups(1, 10)] == [group.id]
    assert [g.phone for g in client.groups(page_size=1)] == [group.id]
    client.leave_group(group.id)
    assert [p.phone for p in client.light_group_metadata(group.id).participants] == [ANA]
    client.set_group_add_privacy("contact_blacklist", blacklist_add=[BIA, CAIO])
    client.set_group_add_privacy(GroupAddPrivacy.CONTACT_BLACKLIST, blacklist_remove=[BIA])
    assert client.group_add_privacy() == [CAIO]
    with pytest.raises(ValidationError) as refused:
        client.accept_group_invite("https://evil.example/abcdefgh1234")
    assert refused.value.field == "link"
    with pytest.raises(ValidationError) as refused:
        client.set_group_add_privacy("nobody")  # type: ignore[arg-type]
    assert refused.value.field == "who"


def test_the_async_client_runs_a_group_too() -> None:
    async def story() -> list[str]:
        simulator = Simulator()
        members: list[str] = []
        async with AsyncClient.simulated(simulator) as client:
            group = await client.create_group("Bakery", [ANA])
            await client.update_group_settings(group.id, GroupSettings(require_admin_approval=True))
            assert simulator.invite_join(await client.group_invitation_link(group.id), BIA) == "requested"
            await client.approve_participants(group.id, [BIA])
            await client.update_group_name(group.id, "Bakery & Co")
            metadata = await client.light_group_metadata(group.id)
            assert metadata.name == "Bakery & Co"
            members = [p.phone for p in metadata.participants]
        return members

    assert BIA in asyncio.run(story())
