"""The bot example, end to end: ``examples/community_bot.py`` runs as its own process with a real
``http.server`` receiver on loopback, ``zapi-sim`` posts it the webhooks (one of them twice), and
the bot approves the listed number, rejects the other and welcomes the new member in the
announcement group."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from conftest import BINDING, CLIENT_TOKEN, INSTANCE_ID, TOKEN, SimServer
from zapi_communities import GroupSettings

BOT = BINDING / "examples" / "community_bot.py"
LISTED, STRANGER, MEMBER = "5511911110099", "5511911110098", "5511911110001"
KEPT = "kept-secret-for-the-bot-test_1"


@pytest.fixture
def bot(sim: SimServer) -> Iterator[tuple[str, queue.Queue[str]]]:
    """The bot process on the simulator: its URL and the lines it prints."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ZAPI_INSTANCE_ID": INSTANCE_ID,
        "ZAPI_TOKEN": TOKEN,
        "ZAPI_CLIENT_TOKEN": CLIENT_TOKEN,
        "ZAPI_BASE_URL": sim.url,
        "WEBHOOK_SECRET": KEPT,
    }
    process = subprocess.Popen(
        [sys.executable, str(BOT), "--allow", LISTED, "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    assert first.startswith("listening on http://127.0.0.1:"), first
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout

    def forward() -> None:
        for line in stdout:
            lines.put(line.strip())

    threading.Thread(target=forward, daemon=True).start()
    try:
        yield first.removeprefix("listening on "), lines
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for(lines: queue.Queue[str], count: int) -> list[str]:
    got: list[str] = []
    while len(got) < count:
        try:
            got.append(lines.get(timeout=10))
        except queue.Empty:
            pytest.fail(f"the bot printed only {got}")
    return got


def test_the_bot_approves_the_list_rejects_the_rest_and_welcomes(
    sim: SimServer, bot: tuple[str, queue.Queue[str]]
) -> None:
    url, lines = bot
    client = sim.client()
    community = client.create_community("Rua das Flores")
    group = client.create_group("Bakery", [MEMBER])
    client.link_groups(community.id, [group.id])
    client.update_group_settings(group.id, GroupSettings(require_admin_approval=True))
    announcement = client.resolve_announcement_group(community.id).group_id
    sim.clear_log()

    # The first join request arrives twice, as a retry after a lost answer would.
    sim.control("POST", "webhook-faults", {"fault": "duplicate"})
    link = client.group_invitation_link(group.id)
    sim.control("POST", "invite-joins", {"link": link, "phone": LISTED})
    sim.control("POST", "invite-joins", {"link": link, "phone": STRANGER})

    said = wait_for(lines, 4)
    assert f"approved {LISTED} in {group.id}" in said
    assert f"rejected {STRANGER} in {group.id}" in said
    assert any(line.startswith("skipped ") and line.endswith("already handled") for line in said), said
    assert f'welcomed {LISTED} in community {community.id}: "Welcome, {LISTED}!"' in said

    members = {p.phone for p in client.group_metadata(group.id).participants}
    assert LISTED in members and STRANGER not in members
    everyone = {p.phone for p in client.community_members(community.id)}
    assert LISTED in everyone
    routes = [(r["method"], r["path"]) for r in sim.requests()]
    assert routes.count(("POST", "/approve-participant")) == 1, "the duplicate was not acted on"
    assert routes.count(("POST", "/reject-participant")) == 1
    sent = [r for r in sim.requests() if r["path"] == "/send-text"]
    bodies = [json.loads(r["body"]) for r in sent]
    assert [(b["phone"], b["message"]) for b in bodies] == [(announcement, f"Welcome, {LISTED}!")]

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(f"{url}/hooks/guess", data=b"{}"), timeout=5)
    assert refused.value.code == 404
