"""Context managers and ``close()``: the pool is released, later calls fail without I/O."""

from __future__ import annotations

import asyncio

import pytest
from conftest import SimServer

from zapi_communities import AsyncClient, Client, TransportError


def test_with_closes(sim: SimServer) -> None:
    with sim.client() as client:
        assert isinstance(client, Client) and not client.is_closed
        client.create_community("Rua das Flores")
    assert client.is_closed and "closed" in repr(client)
    with pytest.raises(TransportError) as caught:
        client.list_chats()
    assert caught.value.sent is False and "closed" in caught.value.detail
    assert [r["method"] for r in sim.requests()] == ["POST"]
    client.close()  # again: nothing happens


def test_with_does_not_swallow_exceptions() -> None:
    with pytest.raises(KeyError):
        with Client.simulated():
            raise KeyError("mine")


def test_simulated_and_properties() -> None:
    with Client.simulated() as client:
        assert client.instance_id == "SIM-INSTANCE"
        assert client.base_url == "http://simulator.invalid"
        assert (client.timeout_ms, client.max_retries, client.max_body_bytes) == (30000, 2, 32 * 1024 * 1024)
        assert client.page_size == 100
    custom = Client(
        instance_id="I", token="t", base_url="https://proxy.example/", timeout_ms=2500, max_retries=0, max_body_bytes=1024
    )
    assert (custom.base_url, custom.timeout_ms, custom.max_retries, custom.max_body_bytes) == (
        "https://proxy.example",
        2500,
        0,
        1024,
    )


def test_async_with_closes(sim: SimServer) -> None:
    async def main() -> AsyncClient:
        async with sim.async_client() as client:
            assert isinstance(client, AsyncClient)
            await client.create_community("Rua das Flores")
        assert client.is_closed
        with pytest.raises(TransportError):
            await client.list_chats()
        await client.close()
        return client

    client = asyncio.run(main())
    assert client.is_closed and [r["method"] for r in sim.requests()] == ["POST"]


def test_async_close_is_awaitable() -> None:
    async def main() -> None:
        client = AsyncClient.simulated()
        await client.close()
        assert client.is_closed

    asyncio.run(main())


def test_a_pager_outlives_close() -> None:
    client = Client.simulated()
    client.create_community("Rua das Flores")
    pager = client.communities()
    client.close()
    assert [c.name for c in pager] == ["Rua das Flores"]
