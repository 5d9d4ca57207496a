"""A client used before ``os.fork()`` keeps working in the children and in the parent: each
process calls on a runtime and connections of its own (``multiprocessing`` on Linux, process
pools and servers that fork workers after loading the application all fork this way)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import warnings
from typing import Callable

import pytest

from conftest import SimServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

CHILDREN = 3
CALLS = 40
# A child that hangs is killed by its alarm and counts as failed (a hung call would otherwise
# hang the test run).
CHILD_SECONDS = 20


def fork(child: Callable[[], bool]) -> int:
    """Forks; the child runs ``child()`` under an alarm and exits 0 only if it returned True."""
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a process with threads (AsyncClient's runtime has some).
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        code = 1
        try:
            signal.alarm(CHILD_SECONDS)
            code = 0 if child() is True else 1
        except BaseException as error:  # reported, then the child exits
            print(f"child {os.getpid()}: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        finally:
            os._exit(code)
    return pid


def exit_codes(pids: list[int]) -> list[int | None]:
    """Each child's exit code (None: killed by a signal, its alarm among them), waiting at most
    a little longer than a child's alarm."""
    deadline = time.monotonic() + CHILD_SECONDS + 10
    codes: dict[int, int | None] = {}
    while len(codes) < len(pids) and time.monotonic() < deadline:
        for pid in pids:
            if pid in codes:
                continue
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                codes[pid] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        time.sleep(0.02)
    for pid in pids:
        if pid not in codes:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    return [codes.get(pid, -1) for pid in pids]


def test_a_blocking_client_used_before_fork_works_in_children_and_parent(sim: SimServer) -> None:
    client = sim.client(timeout_ms=3000, max_retries=0)
    community = client.create_community("Forked", "used on both sides of a fork")
    group = client.resolve_announcement_group(community.id)
    assert client.list_communities(1, 10)

    def child() -> bool:
        # What the parent knew came along; the calls go on the child's own connections. Two
        # kinds of call, so that an answer meant for another process would not pass for one.
        known = client.cached_announcement_group(community.id)
        communities = [client.list_communities(1, 10) for _ in range(CALLS // 2)]
        metadata = [client.community_metadata(community.id) for _ in range(CALLS // 2)]
        return (
            known is not None
            and known.group_id == group.group_id
            and all(len(c) == 1 for c in communities)
            and all(m.id == community.id for m in metadata)
        )

    pids = [fork(child) for _ in range(CHILDREN)]
    # The parent calls meanwhile, on the connections it had.
    parents = [client.list_communities(1, 10) for _ in range(CALLS)]
    assert exit_codes(pids) == [0] * CHILDREN
    assert all(len(c) == 1 for c in parents)
    assert client.community_metadata(community.id).id == community.id


def test_an_async_client_used_before_fork_works_in_a_child(sim: SimServer) -> None:
    client = sim.async_client(timeout_ms=3000, max_retries=0)

    async def calls() -> bool:
        community = await client.create_community("Forked async", None)
        listed = await asyncio.gather(*(client.list_communities(1, 10) for _ in range(CALLS)))
        return all(any(c.id == community.id for c in page) for page in listed)

    assert asyncio.run(calls())
    pids = [fork(lambda: asyncio.run(calls())) for _ in range(CHILDREN)]
    assert exit_codes(pids) == [0] * CHILDREN
    assert asyncio.run(calls())
