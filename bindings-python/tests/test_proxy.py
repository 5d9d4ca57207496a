"""Proxy mode: the client carries no secret and sends placeholders to your backend, which holds
the instance id and token."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from zapi_communities import AsyncClient, Client, ValidationError


@pytest.fixture
def backend_log() -> Iterator[tuple[str, list[tuple[str, str, str | None]]]]:
    """A stand-in backend on loopback recording (path, Client-Token header, body)."""
    seen: list[tuple[str, str, str | None]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else None
            seen.append((self.path, self.headers.get("Client-Token") or "", body))
            payload = b"[]" if self.command == "GET" else b'{"id":"120363000000000001","subGroups":[]}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/zapi", seen
    server.shutdown()
    server.server_close()


def test_placeholders_go_to_the_backend_and_no_secret(
    backend_log: tuple[str, list[tuple[str, str, str | None]]], loop: asyncio.AbstractEventLoop
) -> None:
    url, seen = backend_log
    client = Client(proxy=True, base_url=url)
    client.list_chats(1, 10)
    client.create_community("Rua")
    Client(proxy=True, base_url=url, instance_id="MINE").list_chats(1, 10)

    async def asynchronous() -> None:
        await AsyncClient(proxy=True, base_url=url).list_chats(1, 10)

    loop.run_until_complete(asynchronous())
    assert [path for path, _, _ in seen] == [
        "/zapi/instances/proxy/token/proxy/chats?page=1&pageSize=10",
        "/zapi/instances/proxy/token/proxy/communities",
        "/zapi/instances/MINE/token/proxy/chats?page=1&pageSize=10",
        "/zapi/instances/proxy/token/proxy/chats?page=1&pageSize=10",
    ]
    assert all(token == "" for _, token, _ in seen), "no Client-Token leaves a proxy-mode client"


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"proxy": True}, "base_url"),
        ({"proxy": True, "base_url": "https://b.example", "token": "t"}, "token"),
        ({"proxy": True, "base_url": "https://b.example", "client_token": "c"}, "client_token"),
        ({"proxy": True, "base_url": "http://b.example"}, "base_url"),
    ],
)
def test_proxy_mode_refuses_secrets_and_clear_text(options: dict[str, Any], field: str) -> None:
    for cls in (Client, AsyncClient):
        with pytest.raises(ValidationError) as caught:
            cls(**options)
        assert caught.value.field == field
