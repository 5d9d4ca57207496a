"""Code the stubs must reject: ``mypy --strict`` has to report an error on every line marked
``# error`` below, and on no other (checked by tests/steps/20-python.sh; pytest never imports it)."""

from __future__ import annotations

from zapi_communities import AsyncClient, Client, Community, GroupSettings


def sync_misuse(client: Client) -> None:
    client.create_community(name=42)  # error
    client.link_groups("120363000000000001", [1, 2])  # error
    client.update_community_settings("120363000000000001", "everyone")  # error
    client.resolve_announcement_group("120363000000000001", source="cache")  # error
    client.send_text("5511911110001", "Hi", delay_message="3")  # error
    client.send_text("5511911110001", "Hi", group_mentioned=[{"group_id": "1-group"}])  # error
    client.add_participants("120363000000000001", ["5511911110001"], True)  # error
    client.update_group_settings("1-group", GroupSettings(admin_only_message=1.5))  # error
    community: Community = client.list_communities()  # error
    name: int = client.create_community("x").name  # error
    client.create_community("x").name = "y"  # error
    print(community, name)


async def async_misuse(client: AsyncClient) -> None:
    community: Community = client.create_community("x")  # error
    chats: list[str] = await client.list_chats()  # error
    for summary in client.communities():  # error
        print(summary)
    print(community, chats)
