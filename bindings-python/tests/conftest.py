"""Fixtures: the HTTP simulator server (``zapi-sim``) as a subprocess, clients on it and on the
in-memory simulator, and a view that runs ``AsyncClient`` calls to completion so one test body
covers both clients.

The server binary comes from ``$ZAPI_SIM_BIN``, else ``target/debug/zapi-sim`` or
``target/release/zapi-sim`` of the workspace (``cargo build -p zapi-sim --bin zapi-sim``).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, cast

import pytest

from zapi_communities import AsyncClient, AsyncPager, Client

ROOT = Path(__file__).resolve().parents[2]
BINDING = ROOT / "bindings-python"

INSTANCE_ID = "SIM-INSTANCE"
TOKEN = "sim-token"
CLIENT_TOKEN = "sim-client-token"
CONNECTED_PHONE = "5511900000000"
PHONES = ["5511911110001", "5511911110002", "5511911110003", "5511911110004"]
CANARY_TOKEN = "canary-tok-7f3a9c"
CANARY_CLIENT_TOKEN = "canary-ct-51d2e8"


def sim_binary() -> Path:
    """The ``zapi-sim`` executable; a clear failure when it was not built."""
    explicit = os.environ.get("ZAPI_SIM_BIN")
    candidates = [Path(explicit)] if explicit else [ROOT / "target" / p / "zapi-sim" for p in ("debug", "release")]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.fail(
        "zapi-sim not found (looked at "
        + ", ".join(str(c) for c in candidates)
        + "); build it with `cargo build -p zapi-sim --bin zapi-sim` or set ZAPI_SIM_BIN"
    )


class SimServer:
    """A running ``zapi-sim``: its URL and its control API (``/__sim/``)."""

    def __init__(self, *args: str) -> None:
        self.token = TOKEN
        self.client_token = CLIENT_TOKEN
        for flag, value in zip(args, args[1:]):
            if flag == "--token":
                self.token = value
            if flag == "--client-token":
                self.client_token = value
        self.process = subprocess.Popen(
            [str(sim_binary()), "--port", "0", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        first = self.process.stdout.readline().strip()
        prefix = "zapi-sim listening on "
        if not first.startswith(prefix):
            self.process.kill()
            raise RuntimeError(f"zapi-sim did not start: {first!r}")
        self.url = first[len(prefix) :]

    def control(self, method: str, endpoint: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/__sim/{endpoint}", data=data, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def requests(self) -> list[dict[str, Any]]:
        """What the server saw, oldest first (token never included)."""
        return cast("list[dict[str, Any]]", self.control("GET", "requests"))

    def routes(self) -> list[tuple[str, str]]:
        """``(method, path)`` of every request the server saw."""
        return [(r["method"], r["path"]) for r in self.requests()]

    def clear_log(self) -> None:
        self.control("DELETE", "requests")

    def reset(self) -> None:
        """Initial state, empty log, no pending fault."""
        self.control("POST", "reset")

    def fault(self, rule: dict[str, Any]) -> None:
        """Queues a fault rule (see zapi-sim/README.md)."""
        self.control("POST", "faults", rule)

    def state(self) -> dict[str, Any]:
        return cast("dict[str, Any]", self.control("GET", "state"))

    def decoy_connections(self) -> int:
        """Connections the decoy host (where ``redirect`` faults point) accepted since the last reset."""
        return cast(int, self.control("GET", "decoy")["connections"])

    def client(self, **options: Any) -> Client:
        settings: dict[str, Any] = {
            "instance_id": INSTANCE_ID,
            "token": self.token,
            "client_token": self.client_token,
            "base_url": self.url,
        }
        settings.update(options)
        return Client(**settings)

    def async_client(self, **options: Any) -> AsyncClient:
        settings: dict[str, Any] = {
            "instance_id": INSTANCE_ID,
            "token": self.token,
            "client_token": self.client_token,
            "base_url": self.url,
        }
        settings.update(options)
        return AsyncClient(**settings)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="session")
def sim_server() -> Iterator[SimServer]:
    server = SimServer()
    yield server
    server.stop()


@pytest.fixture
def sim(sim_server: SimServer) -> SimServer:
    """The session's server, reset to an empty instance with an empty log."""
    sim_server.reset()
    return sim_server


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


# ----- one test body for both clients ----------------------------------------------------------


class SyncPagerView:
    """An ``AsyncPager`` driven to completion item by item."""

    def __init__(self, pager: AsyncPager[Any], loop: asyncio.AbstractEventLoop) -> None:
        self._pager = pager
        self._loop = loop

    def __iter__(self) -> SyncPagerView:
        return self

    def __next__(self) -> Any:
        async def step() -> Any:
            return await self._pager.__anext__()

        try:
            return self._loop.run_until_complete(step())
        except StopAsyncIteration:
            raise StopIteration from None

    def next_page(self) -> Any:
        async def step() -> Any:
            return await self._pager.next_page()

        return self._loop.run_until_complete(step())


class SyncView:
    """Runs each ``AsyncClient`` method inside the event loop and waits for its awaitable, so a
    test written against ``Client`` exercises ``AsyncClient`` unchanged."""

    def __init__(self, client: AsyncClient, loop: asyncio.AbstractEventLoop) -> None:
        self._client = client
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            async def run() -> Any:
                # Called inside the running loop, as AsyncClient requires.
                result = attribute(*args, **kwargs)
                assert inspect.isawaitable(result) or not _is_io(name), f"{name} must return an awaitable"
                return await result if inspect.isawaitable(result) else result

            result = self._loop.run_until_complete(run())
            return SyncPagerView(result, self._loop) if isinstance(result, AsyncPager) else result

        return call


_NO_IO = {
    "communities",
    "chats",
    "remember_announcement_group",
    "cached_announcement_group",
    "invalidate",
    "invalidate_all",
}


def _is_io(name: str) -> bool:
    return name not in _NO_IO


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


@dataclass
class Backend:
    """A client under test: ``Client`` or ``AsyncClient`` (through ``SyncView``), on the HTTP
    server (``server`` set) or on the in-memory simulator (``server`` None)."""

    name: str
    api: Client
    server: SimServer | None
    make: Callable[..., Client]
    """Another client of the same kind and backend, with these keyword options."""


@pytest.fixture(params=["sync-http", "async-http", "sync-memory", "async-memory"])
def backend(request: pytest.FixtureRequest, sim: SimServer, loop: asyncio.AbstractEventLoop) -> Backend:
    name: str = request.param
    mode, where = name.split("-")
    server = sim if where == "http" else None

    def make(**options: Any) -> Client:
        if mode == "sync":
            return sim.client(**options) if server else Client.simulated()
        asynchronous = sim.async_client(**options) if server else AsyncClient.simulated()
        return cast(Client, SyncView(asynchronous, loop))

    return Backend(name, make(), server, make)


@pytest.fixture(params=["sync", "async"])
def http_backend(request: pytest.FixtureRequest, sim: SimServer, loop: asyncio.AbstractEventLoop) -> Backend:
    """Like ``backend``, on the HTTP server only (for faults and the request log)."""
    mode: str = request.param

    def make(**options: Any) -> Client:
        if mode == "sync":
            return sim.client(**options)
        return cast(Client, SyncView(sim.async_client(**options), loop))

    return Backend(f"{mode}-http", make(), sim, make)
