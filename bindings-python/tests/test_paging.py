"""``communities()`` / ``chats()``: iterators and async iterators over items across pages,
``next_page()``, and a failed page asked for again."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import PHONES, ROOT, Backend, SimServer

from zapi_communities import ApiError, AsyncPager, Chat, Client, CommunitySummary, Pager


def three(client: Client) -> list[str]:
    return [client.create_community(f"Community {i}").id for i in range(3)]


def test_items_across_pages(backend: Backend) -> None:
    ids = three(backend.api)
    pager = backend.api.communities(page_size=2)
    items = list(pager)
    assert [c.id for c in items] == ids and all(isinstance(c, CommunitySummary) for c in items)
    assert list(pager) == []  # exhausted
    if backend.server:
        pages = [r["query"] for r in backend.server.requests() if r["path"] == "/communities" and r["method"] == "GET"]
        assert pages == [[["page", "1"], ["pageSize", "2"]], [["page", "2"], ["pageSize", "2"]]]


def test_next_page(backend: Backend) -> None:
    ids = three(backend.api)
    pager = backend.api.communities(page_size=2)
    first = pager.next_page()
    assert first is not None and [c.id for c in first] == ids[:2]
    second = pager.next_page()
    assert second is not None and [c.id for c in second] == ids[2:]
    assert pager.next_page() is None


def test_next_page_after_partial_iteration(backend: Backend) -> None:
    ids = three(backend.api)
    pager = backend.api.communities(page_size=2)
    assert next(pager).id == ids[0]
    rest = pager.next_page()
    assert rest is not None and [c.id for c in rest] == [ids[1]]
    assert [c.id for c in pager] == [ids[2]]


def test_chats(backend: Backend) -> None:
    for i in range(3):
        backend.api.create_group(f"Group {i}", PHONES[:1])
    chats = list(backend.api.chats(page_size=2))
    assert len(chats) == 3 and all(isinstance(c, Chat) and c.is_group for c in chats)


def test_a_failed_page_is_asked_for_again(sim: SimServer) -> None:
    client = sim.client(max_retries=0)
    ids = three(client)
    sim.clear_log()
    sim.fault({"fault": {"kind": "status", "status": 500}, "method": "GET", "pathPrefix": "/communities"})
    pager = client.communities(page_size=2)
    with pytest.raises(ApiError):
        next(pager)
    assert [c.id for c in pager] == ids


def test_pager_types() -> None:
    client = Client.simulated()
    pager: Pager[CommunitySummary] = client.communities()
    assert iter(pager) is pager
    assert isinstance(pager, Iterator)
    assert Pager[CommunitySummary] is not None  # subscriptable at runtime, as in the stubs
    assert "Pager" in repr(pager)


def test_async_iteration(sim: SimServer) -> None:
    ids = three(sim.client())

    async def main() -> None:
        client = sim.async_client()
        pager = client.communities(page_size=2)
        assert isinstance(pager, AsyncPager)
        assert pager.__aiter__() is pager
        assert [c.id async for c in pager] == ids
        with pytest.raises(StopAsyncIteration):
            await pager.__anext__()
        pages = client.chats(page_size=1)
        first = await pages.next_page()
        assert first is not None and len(first) == 1
        async for chat in pages:
            assert isinstance(chat, Chat)

    asyncio.run(main())


def test_async_failed_page(sim: SimServer) -> None:
    ids = three(sim.client())
    sim.fault({"fault": {"kind": "status", "status": 500}, "method": "GET", "pathPrefix": "/communities"})

    async def main() -> None:
        pager = sim.async_client(max_retries=0).communities(page_size=2)
        with pytest.raises(ApiError):
            await pager.__anext__()
        assert [c.id async for c in pager] == ids

    asyncio.run(main())


PAGING: list[dict[str, Any]] = json.loads((ROOT / "tests" / "vectors" / "paging.json").read_text())


@pytest.mark.parametrize("case", PAGING, ids=[c["name"] for c in PAGING])
def test_paging_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    """tests/vectors/paging.json: a pager walked to the end over a server that may cap its pages."""
    server = http_backend.server
    assert server
    server.control("POST", "reset", case["fixture"])
    pager = getattr(http_backend.api, case["pager"])(page_size=case["page_size"])
    items = list(pager)
    ids = [item.id if isinstance(item, CommunitySummary) else item.phone for item in items]
    assert len(ids) == case["expect"]["count"] and ids == case["expect"]["ids"]
    seen = [
        f"{r['method']} {r['path']}" + ("?" + "&".join(f"{k}={v}" for k, v in r["query"]) if r["query"] else "")
        for r in server.requests()
    ]
    assert seen == case["requests"]
