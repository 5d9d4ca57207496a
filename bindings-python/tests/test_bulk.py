"""Bulk membership against zapi-sim: an outcome per number, read from the members after each
chunk; repeats dropped; every bad number named before anything is sent."""

from __future__ import annotations

import asyncio

import pytest

from conftest import SimServer
from zapi_communities import BulkStatus, ValidationError

MEMBER, NEWCOMER, REFUSER, OTHER = "5511983000001", "5511983000002", "5511983000003", "5511983000004"
LIST = [MEMBER, NEWCOMER, "+55 11 98300-0002", REFUSER, OTHER]
EXPECTED = [
    (MEMBER, BulkStatus.ALREADY_DONE),
    (NEWCOMER, BulkStatus.DONE),
    (REFUSER, BulkStatus.NOT_DONE),
    (OTHER, BulkStatus.DONE),
]


def test_each_number_gets_its_outcome(sim: SimServer) -> None:
    sim.control("POST", "reset", {"refusesAdds": [REFUSER]})
    client = sim.client()
    group = client.create_group("Big", [MEMBER])
    outcome = client.add_participants_bulk(group.id, LIST, chunk_size=2, pause_ms=0)
    assert [(o.phone, o.status) for o in outcome.outcomes] == EXPECTED
    assert outcome.outcomes[2].reason is not None and "privacy" in outcome.outcomes[2].reason
    assert outcome.duplicates == [2] and outcome.complete
    assert (outcome.requests, outcome.metadata_reads) == (2, 3)
    assert sim.routes().count(("POST", "/add-participant")) == 2
    invited = client.add_participants_bulk(group.id, [REFUSER], pause_ms=0, auto_invite=True)
    assert invited.outcomes[0].status == BulkStatus.INVITED and invited.outcomes[0].status.value == "invited"


def test_the_async_client_and_the_other_changes(sim: SimServer) -> None:
    async def run() -> list[BulkStatus]:
        async with sim.async_client() as client:
            group = await client.create_group("Big", [MEMBER])
            await client.add_participants_bulk(group.id, [NEWCOMER], pause_ms=0)
            promoted = await client.add_admins_bulk(group.id, [NEWCOMER], pause_ms=0)
            demoted = await client.remove_admins_bulk(group.id, [NEWCOMER], pause_ms=0)
            removed = await client.remove_participants_bulk(group.id, [NEWCOMER, OTHER], pause_ms=0)
        return [o.status for o in promoted.outcomes + demoted.outcomes + removed.outcomes]

    assert asyncio.run(run()) == [BulkStatus.DONE, BulkStatus.DONE, BulkStatus.DONE, BulkStatus.ALREADY_DONE]


def test_bad_numbers_are_all_named_before_anything_is_sent(sim: SimServer) -> None:
    client = sim.client()
    with pytest.raises(ValidationError) as refused:
        client.add_participants_bulk("120363000000000001-group", [MEMBER, "abc", "x"])
    assert refused.value.field == "phones"
    assert 'phones[1] "abc"' in refused.value.reason and "phones[2]" in refused.value.reason
    with pytest.raises(ValidationError) as chunk:
        client.add_participants_bulk("120363000000000001-group", [MEMBER], chunk_size=0)
    assert chunk.value.field == "chunk_size"
    assert sim.requests() == []


def test_the_seeded_per_minute_add_limit_is_waited_out(sim: SimServer) -> None:
    import time

    client = sim.client()
    group = client.create_group("Big", [MEMBER])
    # 20 adds a minute, all used 58 seconds ago: room again in 2 seconds.
    state = sim.state()
    state["limits"] = {"addsPerMinute": 20}
    state["recentAdds"] = [[state["clock"] - 58, 20]]
    sim.control("POST", "reset", state)
    started = time.monotonic()
    outcome = client.add_participants_bulk(group.id, [NEWCOMER, OTHER], pause_ms=0)
    assert time.monotonic() - started >= 2, "the limit's Retry-After was honoured"
    assert outcome.complete and {o.status for o in outcome.outcomes} == {BulkStatus.DONE}
    statuses = [r["status"] for r in sim.requests() if r["path"] == "/add-participant"]
    assert statuses[-2:] == [429, 200] and outcome.requests == 2


def test_progress_is_told_after_each_chunk(sim: SimServer) -> None:
    from zapi_communities import AsyncClient, BulkProgress

    sim.reset()
    client = sim.client()
    group = client.create_group("Big", [MEMBER])
    seen: list[BulkProgress] = []
    people = [f"55119830001{i:02}" for i in range(25)]
    outcome = client.add_participants_bulk(group.id, [MEMBER, *people], chunk_size=10, pause_ms=0, progress=seen.append)
    assert [(p.settled, p.total, p.chunks_sent, p.chunks) for p in seen] == [(11, 26, 1, 3), (21, 26, 2, 3), (26, 26, 3, 3)]
    assert [len(p.latest) for p in seen] == [10, 10, 5] and seen[-1].latest == outcome.outcomes[21:]

    # The asyncio client calls it too (from the runtime's thread, with the GIL); an exception in
    # it is reported, and the run goes on.
    told: list[int] = []

    def tell(progress: BulkProgress) -> None:
        told.append(progress.chunks_sent)
        raise RuntimeError("a broken progress bar")

    async def promote() -> bool:
        async_client: AsyncClient = sim.async_client()
        done = await async_client.add_admins_bulk(group.id, people[:4], chunk_size=2, pause_ms=0, progress=tell)
        return done.complete

    import sys

    reported: list[str] = []
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: reported.append(repr(unraisable.exc_value))
    try:
        assert asyncio.run(promote())
    finally:
        sys.unraisablehook = hook
    assert told == [1, 2]
    assert reported == ["RuntimeError('a broken progress bar')"] * 2
