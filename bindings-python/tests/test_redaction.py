"""The instance token and the Client-Token never show: not in reprs, exception messages or
attributes, nor in log records, even at DEBUG and even when the server echoes them."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator

import pytest
from conftest import CANARY_CLIENT_TOKEN, CANARY_TOKEN, INSTANCE_ID, SimServer

from zapi_communities import ApiError, AsyncClient, Client, TransportError, ZapiError

CANARIES = (CANARY_TOKEN, CANARY_CLIENT_TOKEN)


def assert_clean(*texts: object) -> None:
    for text in texts:
        for canary in CANARIES:
            assert canary not in str(text), f"{canary} leaked into {text!r}"


def assert_exception_clean(e: BaseException) -> None:
    assert_clean(str(e), repr(e), e.args, vars(e))


@pytest.fixture(scope="module")
def canary_server() -> Iterator[SimServer]:
    server = SimServer("--token", CANARY_TOKEN, "--client-token", CANARY_CLIENT_TOKEN)
    yield server
    server.stop()


@pytest.fixture
def debug(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Captures the package's records at DEBUG (read ``.records`` in the test)."""
    with caplog.at_level(logging.DEBUG, logger="zapi_communities"):
        yield caplog


def canary_client(server: SimServer) -> Client:
    return Client(instance_id=INSTANCE_ID, token=CANARY_TOKEN, client_token=CANARY_CLIENT_TOKEN, base_url=server.url)


def test_repr_never_shows_tokens(canary_server: SimServer) -> None:
    client = canary_client(canary_server)
    assert_clean(repr(client), str(client))
    assert INSTANCE_ID in repr(client) and canary_server.url in repr(client)
    async_client = AsyncClient(instance_id=INSTANCE_ID, token=CANARY_TOKEN, client_token=CANARY_CLIENT_TOKEN)
    assert_clean(repr(async_client))


def test_successful_calls_log_without_tokens(canary_server: SimServer, debug: pytest.LogCaptureFixture) -> None:
    canary_server.reset()
    client = canary_client(canary_server)
    community = client.create_community("Rua das Flores")
    client.announce(community.id, "Hello")
    assert debug.records, "DEBUG records were expected"
    assert_clean(*(r.getMessage() for r in debug.records))
    # The tokens did reach the server (in the path and the header); the log there is redacted too.
    assert_clean(json.dumps(canary_server.requests()))


def test_server_echoing_the_token_is_redacted(canary_server: SimServer, debug: pytest.LogCaptureFixture) -> None:
    canary_server.reset()
    echo = json.dumps({"error": f"token {CANARY_TOKEN} and client token {CANARY_CLIENT_TOKEN} are wrong"})
    canary_server.fault({"fault": {"kind": "respond", "status": 400, "body": echo}, "times": 2})
    with pytest.raises(ApiError) as caught:
        canary_client(canary_server).create_community("Rua das Flores")
    assert "are wrong" in caught.value.detail
    assert_exception_clean(caught.value)
    assert_clean(*(r.getMessage() for r in debug.records))

    async def main() -> None:
        client = AsyncClient(
            instance_id=INSTANCE_ID, token=CANARY_TOKEN, client_token=CANARY_CLIENT_TOKEN, base_url=canary_server.url
        )
        with pytest.raises(ApiError) as caught:
            await client.create_community("Rua das Flores")
        assert_exception_clean(caught.value)

    asyncio.run(main())


def test_wrong_token_error_is_clean(sim: SimServer) -> None:
    client = Client(instance_id=INSTANCE_ID, token=CANARY_TOKEN, client_token=CANARY_CLIENT_TOKEN, base_url=sim.url)
    with pytest.raises(ApiError) as caught:
        client.list_chats()
    assert caught.value.status == 401
    assert_exception_clean(caught.value)


def test_connection_failures_are_clean(closed_port: int, debug: pytest.LogCaptureFixture) -> None:
    client = Client(
        instance_id=INSTANCE_ID,
        token=CANARY_TOKEN,
        client_token=CANARY_CLIENT_TOKEN,
        base_url=f"http://127.0.0.1:{closed_port}",
        max_retries=1,
    )
    with pytest.raises(TransportError) as caught:
        client.list_chats()
    assert_exception_clean(caught.value)
    assert any(r.levelno >= logging.INFO for r in debug.records)  # the retry and the failure were logged
    assert_clean(*(r.getMessage() for r in debug.records))


def test_bad_constructor_arguments_do_not_echo_the_token() -> None:
    with pytest.raises(ZapiError) as caught:
        Client(instance_id=INSTANCE_ID, token=f"{CANARY_TOKEN}/x")
    assert_exception_clean(caught.value)
