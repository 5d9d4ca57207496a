"""The core's tracing events reach ``logging.getLogger("zapi_communities")``, at the level the
logger allows, following level changes between calls."""

from __future__ import annotations

import asyncio
import logging

import pytest
from conftest import SimServer

from zapi_communities import Client, TransportError

LOGGER = "zapi_communities"


def ours(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER]


def test_debug_records(sim: SimServer, caplog: pytest.LogCaptureFixture) -> None:
    client = sim.client()
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        client.create_community("Rua das Flores")
    messages = [r.getMessage() for r in ours(caplog)]
    assert "sending method=POST path=/communities attempt=0" in messages
    assert "answered path=/communities status=200" in messages
    assert all(r.levelno == logging.DEBUG for r in ours(caplog))


def test_nothing_below_the_logger_level(sim: SimServer, caplog: pytest.LogCaptureFixture) -> None:
    client = sim.client()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        client.create_community("Rua das Flores")
    assert ours(caplog) == []
    with caplog.at_level(logging.DEBUG, logger=LOGGER):  # a change is seen by the next call
        client.list_chats()
    assert ours(caplog)


def test_warnings_and_retries(closed_port: int, caplog: pytest.LogCaptureFixture) -> None:
    client = Client(instance_id="I", token="t", base_url=f"http://127.0.0.1:{closed_port}", max_retries=1)
    with caplog.at_level(logging.INFO, logger=LOGGER), pytest.raises(TransportError):
        client.list_chats()
    levels = [(r.levelno, r.getMessage().split()[0]) for r in ours(caplog)]
    assert levels == [(logging.INFO, "retrying"), (logging.WARNING, "failed")]


def test_logging_disable_silences(sim: SimServer, caplog: pytest.LogCaptureFixture) -> None:
    client = sim.client()
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        logging.disable(logging.CRITICAL)
        try:
            client.list_chats()
        finally:
            logging.disable(logging.NOTSET)
    assert ours(caplog) == []


def test_async_calls_log_too(sim: SimServer, caplog: pytest.LogCaptureFixture) -> None:
    async def main() -> None:
        await sim.async_client().list_chats()

    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        asyncio.run(main())
    assert any(r.getMessage().startswith("sending method=GET path=/chats") for r in ours(caplog))


def test_only_the_core_logs(sim: SimServer, caplog: pytest.LogCaptureFixture) -> None:
    # The HTTP stack's own events (which could show a URL, token included) are not forwarded.
    with caplog.at_level(logging.DEBUG):
        sim.client().list_chats()
    assert {r.name for r in caplog.records if r.name.startswith("zapi")} == {LOGGER}
    assert not any("connecting to" in r.getMessage() for r in caplog.records)
