"""A community bot: approves join requests from the numbers on its list, rejects the rest, and
welcomes each new member in the community's announcement group. No framework: ``http.server``
receives the webhooks, a worker thread acts on them.

    ZAPI_INSTANCE_ID=… ZAPI_TOKEN=… ZAPI_CLIENT_TOKEN=… WEBHOOK_SECRET=… \\
        python examples/community_bot.py --allow 5511911110099,5511911110097 \\
            --public-url https://bot.example/hooks --port 8080

``--public-url`` is where the instance can reach this process (through your HTTPS proxy); the bot
sets the received webhook to it, with the secret as its last path segment. Without it the bot
gives the instance its own loopback address, which only a local simulator (``zapi-sim``) can
reach. ``WEBHOOK_SECRET`` is the secret kept from an earlier run (the instance keeps posting to
the same URL); without it the bot makes a new one and sets the webhook again. The bot prints
``listening on http://127.0.0.1:PORT`` when it is ready, and one line per thing it does.

The service delivers at least once: the same event can arrive twice, so the bot remembers the
message ids it has handled.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from zapi_communities import (
    MAX_WEBHOOK_BYTES,
    Client,
    DecodeError,
    GroupNotification,
    WebhookEvent,
    WebhookSecret,
    ZapiError,
    parse_webhook,
)


class CommunityBot:
    """What the bot does with one event; knows nothing of HTTP."""

    def __init__(self, client: Client, allowed: set[str]) -> None:
        self.client = client
        self.allowed = allowed
        # Message ids already handled, oldest first, so a redelivered event is not acted on twice.
        self.seen: OrderedDict[str, None] = OrderedDict()

    def handle(self, event: WebhookEvent) -> str | None:
        """Acts on one event; returns what it did, or ``None`` for an event it ignores."""
        if not isinstance(event, WebhookEvent.Message) or event.message.notification is None:
            return None
        message = event.message
        if message.message_id is not None:
            if message.message_id in self.seen:
                return f"skipped {message.message_id}, already handled"
            self.seen[message.message_id] = None
            if len(self.seen) > 10_000:
                self.seen.popitem(last=False)
        match message.notification:
            case GroupNotification.JoinRequest(requesters=requesters):
                return self.decide(message.chat, requesters)
            case GroupNotification.ParticipantsAdded(participants=participants):
                return self.welcome(message.chat, participants)
            case _:
                return None

    def decide(self, group_id: str, requesters: list[str]) -> str:
        approve = [p for p in requesters if p in self.allowed]
        reject = [p for p in requesters if p not in self.allowed]
        done = []
        if approve:
            self.client.approve_participants(group_id, approve)
            done.append(f"approved {', '.join(approve)} in {group_id}")
        if reject:
            self.client.reject_participants(group_id, reject)
            done.append(f"rejected {', '.join(reject)} in {group_id}")
        return "; ".join(done)

    def welcome(self, group_id: str, participants: list[str]) -> str | None:
        # The same people are added to the announcement group too; welcome them once, for the
        # linked group they joined.
        context = self.client.community_context(group_id)
        if context is None or context.is_announcement_group:
            return None
        text = f"Welcome, {', '.join(participants)}!"
        self.client.announce(context.community_id, text)
        return f'welcomed {", ".join(participants)} in community {context.community_id}: "{text}"'


def receiver(secret: WebhookSecret, events: queue.Queue[WebhookEvent]) -> type[BaseHTTPRequestHandler]:
    """A request handler that checks the secret, caps the body, parses it, queues the event and
    answers at once (the service waits for the answer; the worker does the slow part)."""

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if not secret.verify(self.path):
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_WEBHOOK_BYTES:
                self.send_error(413)
                return
            try:
                event = parse_webhook(self.rfile.read(length))
            except DecodeError:
                self.send_error(400)
                return
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()
            events.put(event)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the request line holds the secret

    return Hook


def work(bot: CommunityBot, events: queue.Queue[WebhookEvent]) -> None:
    while True:
        event = events.get()
        try:
            done = bot.handle(event)
        except ZapiError as error:  # one failed call must not stop the bot
            done = f"failed: {error}"
        except Exception as error:  # nor a bug in one handler: the worker thread must live on
            done = f"failed: {type(error).__name__}: {error}"
        if done:
            print(done, flush=True)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allow", default="", help="comma-separated numbers to approve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--public-url", help="the https:// URL the instance posts to (without the secret)")
    args = parser.parse_args(argv)
    allowed = {p.strip() for p in args.allow.split(",") if p.strip()}

    kept = os.environ.get("WEBHOOK_SECRET")
    secret = WebhookSecret(kept) if kept else WebhookSecret.generate()
    client = Client.from_env()
    events: queue.Queue[WebhookEvent] = queue.Queue()
    server = ThreadingHTTPServer((args.host, args.port), receiver(secret, events))
    local = f"http://{args.host}:{server.server_address[1]}"
    client.set_webhook("received", secret.url(args.public_url or local))
    threading.Thread(target=work, args=(CommunityBot(client, allowed), events), daemon=True).start()
    print(f"listening on {local}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
