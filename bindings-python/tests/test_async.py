"""asyncio specifics of ``AsyncClient``: awaitables run concurrently, start when called, need a
running loop, and raise the same exceptions."""

from __future__ import annotations

import asyncio
import inspect

import pytest
from conftest import SimServer

from zapi_communities import AsyncClient, Community, NotAnnouncementGroupError, ValidationError


def test_methods_return_awaitables() -> None:
    async def main() -> None:
        client = AsyncClient.simulated()
        pending = client.create_community("Rua das Flores")
        assert inspect.isawaitable(pending)
        community = await pending
        assert isinstance(community, Community)
        # Calls that return nothing give None, like the blocking client.
        assert list(await asyncio.gather(client.update_community_description(community.id, "News"))) == [None]
        # No-I/O methods answer directly.
        cached = client.cached_announcement_group(community.id)
        assert cached is not None and cached.group_id == community.announcement_group

    asyncio.run(main())


def test_concurrent_calls(sim: SimServer) -> None:
    async def main() -> list[Community]:
        client = sim.async_client()
        return await asyncio.gather(*(client.create_community(f"Community {i}") for i in range(20)))

    communities = asyncio.run(main())
    assert len({c.id for c in communities}) == 20
    assert len(sim.requests()) == 20


def test_work_starts_when_called(sim: SimServer) -> None:
    async def main() -> None:
        client = sim.async_client()
        pending = client.create_community("Rua das Flores")
        await asyncio.sleep(0.3)
        assert [r["method"] for r in sim.requests()] == ["POST"]  # before any await of it
        await pending

    asyncio.run(main())


def test_a_running_loop_is_required() -> None:
    client = AsyncClient.simulated()
    with pytest.raises(RuntimeError):
        client.list_chats()


def test_exceptions_come_through_await() -> None:
    async def main() -> None:
        client = AsyncClient.simulated()
        community = await client.create_community("Rua das Flores")
        with pytest.raises(NotAnnouncementGroupError):
            await client.send_text(community.id, "Hello")
        with pytest.raises(ValidationError) as caught:
            await client.create_community("")
        assert caught.value.field == "name"

    asyncio.run(main())


def test_cancelling_a_call(sim: SimServer) -> None:
    sim.fault({"fault": {"kind": "delay", "ms": 2000}, "pathPrefix": "/chats"})

    async def main() -> None:
        client = sim.async_client()
        task = asyncio.ensure_future(client.list_chats())
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await client.list_communities() == []  # the client still works

    asyncio.run(main())


def test_with_wait_for_timeout(sim: SimServer) -> None:
    sim.fault({"fault": {"kind": "delay", "ms": 2000}, "pathPrefix": "/chats"})

    async def main() -> None:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(sim.async_client().list_chats(), timeout=0.2)

    asyncio.run(main())
