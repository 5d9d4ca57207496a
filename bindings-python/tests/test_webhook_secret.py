"""The secret in the webhook URL: made, kept, put in the URL given to the instance, and checked by
a handler with no framework (``http.server`` on loopback) before it reads the body."""

from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from zapi_communities import (
    MAX_WEBHOOK_BYTES,
    DecodeError,
    ValidationError,
    WebhookEvent,
    WebhookSecret,
    parse_webhook,
)

KEPT = "s3cr3t-path-segment_0123"


def test_a_generated_secret_is_url_safe_new_each_time_and_never_shown() -> None:
    a, b = WebhookSecret.generate(), WebhookSecret.generate()
    assert len(a.expose()) == 43 and a != b
    assert WebhookSecret(a.expose()) == a
    assert repr(a) == "WebhookSecret(***)" and a.expose() not in f"{a!r} {a}"


def test_a_kept_secret_and_a_base_url_are_checked() -> None:
    with pytest.raises(ValidationError) as short:
        WebhookSecret("abc")
    assert short.value.field == "secret"
    secret = WebhookSecret(KEPT)
    assert secret.url("https://bot.example/hooks/") == f"https://bot.example/hooks/{KEPT}"
    with pytest.raises(ValidationError) as plain:
        secret.url("http://bot.example/hooks")
    assert plain.value.field == "base_url"


def test_verify_reads_the_last_segment_of_the_target() -> None:
    secret = WebhookSecret(KEPT)
    assert secret.verify(f"/hooks/{KEPT}?from=zapi")
    assert secret.verify(f"https://bot.example/{KEPT}")
    assert not secret.verify(f"/hooks/{KEPT[:-1]}")
    assert not secret.verify(f"/hooks?secret={KEPT}")


class Receiver(BaseHTTPRequestHandler):
    """The README's handler: check the secret, refuse an oversized body unread, parse, answer."""

    secret = WebhookSecret(KEPT)
    events: list[WebhookEvent] = []

    def do_POST(self) -> None:
        if not self.secret.verify(self.path):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", "0"))
        if length > MAX_WEBHOOK_BYTES:
            self.send_error(413)
            return
        try:
            self.events.append(parse_webhook(self.rfile.read(length)))
        except DecodeError:
            self.send_error(400)
            return
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def post(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def announce_length(url: str, length: int) -> int:
    """A POST that says how long its body is and waits for the answer before sending any of it."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=5)
    try:
        connection.putrequest("POST", parts.path)
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_handler_without_a_framework_takes_only_the_instances_posts(receiver: str) -> None:
    Receiver.events.clear()
    url = Receiver.secret.url(f"{receiver}/hooks")
    event = json.dumps({"type": "DeliveryCallback", "phone": "5544999999999", "messageId": "M1"}).encode()
    assert post(f"{receiver}/hooks/not-the-secret", event) == 404
    assert post(url, b"not json") == 400
    assert announce_length(url, MAX_WEBHOOK_BYTES + 1) == 413
    assert post(url, event) == 200
    assert [type(e).__name__ for e in Receiver.events] == ["Delivery"]
