"""Python figures of the benchmark suite (issue 9), side by side in one run against one zapi-sim.

    python python_bench.py SIM_URL WHEEL_PATH [--quick]

Prints a markdown section: `### Python` and a table `| figure | ours | alternative | ratio | target |`
with medians (min-max) over several rounds after a warm-up. Timing: time.perf_counter.
Rounds alternate ours / alternative so both see the same machine load.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

import aiohttp
import httpx
import requests

import zapi_communities as zc

SIM_URL, WHEEL = sys.argv[1], sys.argv[2]
QUICK = "--quick" in sys.argv
INSTANCE, TOKEN, CLIENT_TOKEN = "SIM-INSTANCE", "sim-token", "sim-client-token"
BASE = f"{SIM_URL}/instances/{INSTANCE}/token/{TOKEN}"
LIST_URL = f"{BASE}/communities"
PARAMS = {"page": "1", "pageSize": "10"}
HEADERS = {"Client-Token": CLIENT_TOKEN, "Accept": "application/json"}

ROUNDS = 5 if QUICK else 7
SEQ_CALLS = 200 if QUICK else 500
CONC = 64
CONC_CALLS = 640 if QUICK else 1920
CHATS = 100_000
RSS_CALLS = 10_000

rows: list[tuple[str, str, str, str, str]] = []
notes: list[str] = []


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def fmt(values: list[float], unit: str, digits: int = 0) -> str:
    med, lo, hi = summary(values)
    return f"{med:.{digits}f} {unit} ({lo:.{digits}f}–{hi:.{digits}f})"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def control(method: str, route: str, body: object | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{SIM_URL}/__sim/{route}", data=data, method=method)
    with urllib.request.urlopen(req) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None


def clear_log() -> None:
    # The simulator logs every request; keep its log short so it does not slow down over the run.
    control("DELETE", "requests")


# ---------------------------------------------------------------- setup: one community to list
client = zc.Client(instance_id=INSTANCE, token=TOKEN, client_token=CLIENT_TOKEN, base_url=SIM_URL,
                   max_body_bytes=256 * 1024 * 1024)
client.create_community("Bench community", "one community so the list is non-empty")
expected = len(client.list_communities(page=1, page_size=10))
assert expected >= 1, "the list must be non-empty"

session = requests.Session()
hx = httpx.Client()


def ours_seq() -> None:
    assert len(client.list_communities(page=1, page_size=10)) == expected


def requests_seq() -> None:
    r = session.get(LIST_URL, params=PARAMS, headers=HEADERS)
    r.raise_for_status()
    assert len(json.loads(r.content)) == expected


def httpx_seq() -> None:
    r = hx.get(LIST_URL, params=PARAMS, headers=HEADERS)
    r.raise_for_status()
    assert len(json.loads(r.content)) == expected


def per_call_us(fn, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls * 1e6


# ---------------------------------------------------------------- 1. sequential list_communities
seq = {"ours": [], "requests": [], "httpx": []}
fns = {"ours": ours_seq, "requests": requests_seq, "httpx": httpx_seq}
for fn in fns.values():  # warm-up: connections, caches
    per_call_us(fn, 50)
for r in range(ROUNDS):
    order = list(fns) if r % 2 == 0 else list(reversed(fns))
    for name in order:
        seq[name].append(per_call_us(fns[name], SEQ_CALLS))
    clear_log()

ratio_req = statistics.median(seq["ours"]) / statistics.median(seq["requests"])
rows.append(("sequential list_communities, per call", fmt(seq["ours"], "µs"),
             f"requests.Session {fmt(seq['requests'], 'µs')}", f"{ratio_req:.2f}×",
             f"≤0.25× — {verdict(ratio_req <= 0.25)}"))
ratio_hx = statistics.median(seq["ours"]) / statistics.median(seq["httpx"])
rows.append(("sequential list_communities, per call", fmt(seq["ours"], "µs"),
             f"httpx.Client {fmt(seq['httpx'], 'µs')}", f"{ratio_hx:.2f}×", "—"))

# The loopback limit: wrk -t1 -c1 against the same server and route.
if shutil.which("wrk"):
    wrk_us: list[float] = []
    for _ in range(ROUNDS if not QUICK else 3):
        out = subprocess.run(
            ["wrk", "-t1", "-c1", "-d3s", "-H", f"Client-Token: {CLIENT_TOKEN}", "-H", "Accept: application/json",
             f"{LIST_URL}?page=1&pageSize=10"], capture_output=True, text=True, check=True).stdout
        rps = float(next(line for line in out.splitlines() if line.startswith("Requests/sec:")).split()[1])
        wrk_us.append(1e6 / rps)
        clear_log()
    ratio_wrk = statistics.median(seq["ours"]) / statistics.median(wrk_us)
    rows.append(("sequential list_communities, per call", fmt(seq["ours"], "µs"),
                 f"loopback limit (wrk -t1 -c1) {fmt(wrk_us, 'µs')}", f"{ratio_wrk:.2f}×",
                 f"≤1.4× — {verdict(ratio_wrk <= 1.4)}"))
else:
    notes.append("wrk not installed: the loopback-limit figure is skipped.")


# ---------------------------------------------------------------- 2. asyncio, concurrency 64
async def throughput(call, calls: int) -> float:
    """Requests per second for `calls` calls, at most CONC in flight."""
    sem = asyncio.Semaphore(CONC)

    async def one() -> None:
        async with sem:
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(calls)))
    return calls / (time.perf_counter() - start)


async def concurrency() -> dict[str, list[float]]:
    aclient = zc.AsyncClient(instance_id=INSTANCE, token=TOKEN, client_token=CLIENT_TOKEN, base_url=SIM_URL)
    aio = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONC))
    ahx = httpx.AsyncClient(limits=httpx.Limits(max_connections=CONC, max_keepalive_connections=CONC))

    async def ours() -> None:
        assert len(await aclient.list_communities(page=1, page_size=10)) == expected

    async def via_aiohttp() -> None:
        async with aio.get(LIST_URL, params=PARAMS, headers=HEADERS) as r:
            r.raise_for_status()
            assert len(json.loads(await r.read())) == expected

    async def via_httpx() -> None:
        r = await ahx.get(LIST_URL, params=PARAMS, headers=HEADERS)
        r.raise_for_status()
        assert len(json.loads(r.content)) == expected

    afns = {"ours": ours, "aiohttp": via_aiohttp, "httpx": via_httpx}
    result: dict[str, list[float]] = {k: [] for k in afns}
    try:
        for fn in afns.values():
            await throughput(fn, CONC * 2)  # warm-up: opens the pools
        for r in range(ROUNDS):
            order = list(afns) if r % 2 == 0 else list(reversed(afns))
            for name in order:
                # httpx.AsyncClient is far slower at this concurrency: fewer calls keep the run short.
                calls = CONC_CALLS if name != "httpx" else CONC * 2
                result[name].append(await throughput(afns[name], calls))
            clear_log()
    finally:
        await aclient.close()
        await aio.close()
        await ahx.aclose()
    return result


conc = asyncio.run(concurrency())
ratio_aio = statistics.median(conc["ours"]) / statistics.median(conc["aiohttp"])
rows.append((f"asyncio list_communities, concurrency {CONC}", fmt(conc["ours"], "req/s"),
             f"aiohttp {fmt(conc['aiohttp'], 'req/s')}", f"{ratio_aio:.2f}× throughput",
             f"≥1.5× — {verdict(ratio_aio >= 1.5)}"))
ratio_ahx = statistics.median(conc["ours"]) / statistics.median(conc["httpx"])
rows.append((f"asyncio list_communities, concurrency {CONC}", fmt(conc["ours"], "req/s"),
             f"httpx.AsyncClient {fmt(conc['httpx'], 'req/s')}", f"{ratio_ahx:.2f}× throughput", "—"))


# ---------------------------------------------------------------- 3. the 100,000-chat scan
def chat_list_json(count: int) -> str:
    """The same list bench/src/chats.rs builds: one announcement group in every 500 chats."""
    parts = []
    for i in range(count):
        announcement = i % 500 == 7
        group = announcement or i % 5 == 0
        phone = f"1203630{i:011d}-group" if group else f"55119{i:08d}"
        parts.append(
            f'{{"archived":"false","pinned":"false","messagesUnread":0,"phone":"{phone}","unread":"{i % 7}",'
            f'"name":"Chat number {i} with a realistic name","lastMessageTime":"{1_622_991_687 + i}","muteEndTime":null,'
            f'"isMuted":"0","isMarkedSpam":"false","profileThumbnail":"https://pps.whatsapp.net/v/t61/{i}.jpg",'
            f'"isGroupAnnouncement":{str(announcement).lower()},"isGroup":{str(group and not announcement).lower()}}}'
        )
    return "[" + ",".join(parts) + "]"


body = chat_list_json(CHATS).encode()
# Two figures. In memory: `parse_announcement_groups(body)` against `json.loads(body)` and a
# filter, both from the same bytes. End to end: `list_announcement_groups` against requests +
# json.loads + filter, both fetching the same canned body from a static loopback responder in its
# own process (the simulator's control API caps bodies at 16 MiB); keep-alive on both sides.
BODY_FILE = os.path.join(os.environ.get("BENCH_TMP", "/tmp"), f"zapi-bench-chats-{os.getpid()}.json")
with open(BODY_FILE, "wb") as f:
    f.write(body)
STATIC = r"""
import http.server, sys
body = open(sys.argv[1], "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a): pass
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(f"http://127.0.0.1:{srv.server_address[1]}", flush=True)
srv.serve_forever()
"""
static = subprocess.Popen([sys.executable, "-c", STATIC, BODY_FILE], stdout=subprocess.PIPE, text=True)
STATIC_URL = static.stdout.readline().strip()
chat_client = zc.Client(instance_id=INSTANCE, token=TOKEN, client_token=CLIENT_TOKEN, base_url=STATIC_URL,
                        max_body_bytes=256 * 1024 * 1024)
CHATS_URL = f"{STATIC_URL}/instances/{INSTANCE}/token/{TOKEN}/chats"
scan_rounds = ROUNDS if not QUICK else 5


def ours_parse() -> int:
    return len(zc.parse_announcement_groups(body))


def json_filter() -> int:
    return len([c["phone"] for c in json.loads(body) if c.get("isGroupAnnouncement") is True])


def ours_fetch() -> int:
    return len(chat_client.list_announcement_groups(page=1, page_size=1000))


def requests_fetch() -> int:
    r = session.get(CHATS_URL, params={"page": "1", "pageSize": "1000"}, headers=HEADERS)
    r.raise_for_status()
    return len([c["phone"] for c in json.loads(r.content) if c.get("isGroupAnnouncement") is True])


def alternate(pair: dict[str, object]) -> dict[str, list[float]]:
    """Median-ready timings (ms) of each function in `pair`, rounds alternating their order."""
    global found
    times: dict[str, list[float]] = {name: [] for name in pair}
    names = list(pair)
    for r in range(scan_rounds + 1):  # the first round is the warm-up
        for name in names if r % 2 == 0 else names[::-1]:
            gc.collect()
            start = time.perf_counter()
            n = pair[name]()
            elapsed = (time.perf_counter() - start) * 1e3
            assert found is None or n == found, f"{name} found {n}, others {found}"
            found = n
            if r:
                times[name].append(elapsed)
    return times


found = None
memory = alternate({"ours": ours_parse, "json": json_filter})
wire = alternate({"ours": ours_fetch, "requests": requests_fetch})
ratio_memory = statistics.median(memory["json"]) / statistics.median(memory["ours"])
ratio_wire = statistics.median(wire["requests"]) / statistics.median(wire["ours"])
label = f"announcement groups in {CHATS:,} chats ({len(body) / 1e6:.0f} MB)"
rows.append((f"{label}: `parse_announcement_groups(body)`", fmt(memory["ours"], "ms"),
             f"json.loads + filter {fmt(memory['json'], 'ms')}", f"{ratio_memory:.2f}× faster",
             f"≥3× — {verdict(ratio_memory >= 3)}"))
rows.append((f"{label}, fetched: `list_announcement_groups`", fmt(wire["ours"], "ms"),
             f"requests + json.loads + filter {fmt(wire['requests'], 'ms')}", f"{ratio_wire:.2f}× faster",
             f"≥3× — {verdict(ratio_wire >= 3)}"))
static.terminate()
static.wait()
os.unlink(BODY_FILE)
chat_client.close()
notes.append(f"Chat scan: {found} announcement groups found by every side. The fetched figure includes the transfer "
             f"of the {len(body) / 1e6:.0f} MB body from a Python http.server in its own process; the client caps "
             f"page_size at 1000, so both ask for pageSize=1000 and the responder sends all {CHATS:,} chats anyway.")
del body

# ---------------------------------------------------------------- 3b. webhook events
# A typical received text message (the docs' example, tests/vectors/events.json case 0): the
# library's parse_webhook and reading five fields, against json.loads and reading the same ones.
EVENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "vectors", "events.json")
with open(EVENTS, encoding="utf-8") as f:
    event_body = json.load(f)[0]["body"].encode()
EVENT_COUNT = 20_000 if QUICK else 100_000


def ours_events() -> int:
    total = 0
    for _ in range(EVENT_COUNT):
        m = zc.parse_webhook(event_body).message
        content = m.content
        total += len(m.chat) + len(m.message_id or "") + len(m.sender_name or "") + len(m.chat_name or "")
        total += len(content.message) if isinstance(content, zc.MessageContent.Text) else 0
    return total


def json_events() -> int:
    total = 0
    for _ in range(EVENT_COUNT):
        e = json.loads(event_body)
        total += len(e["phone"]) + len(e.get("messageId") or "") + len(e.get("senderName") or "")
        total += len(e.get("chatName") or "") + len((e.get("text") or {}).get("message") or "")
    return total


assert ours_events() > 0 and json_events() > 0
events: dict[str, list[float]] = {"ours": [], "json": []}
for r in range(ROUNDS):
    for name, fn in (("ours", ours_events), ("json", json_events))[:: 1 if r % 2 == 0 else -1]:
        start = time.perf_counter()
        fn()
        events[name].append(EVENT_COUNT / (time.perf_counter() - start))
ratio_events = statistics.median(events["ours"]) / statistics.median(events["json"])
rows.append(("webhook events, a typical received message: `parse_webhook` + 5 fields", fmt(events["ours"], "events/s"),
             f"json.loads + the same fields {fmt(events['json'], 'events/s')}", f"{ratio_events:.2f}× faster",
             f"≥1× — {verdict(ratio_events >= 1)}"))

# ---------------------------------------------------------------- 4. wheel size, import time
wheel_kib = os.path.getsize(WHEEL) / 1024
rows.append(("wheel size", f"{wheel_kib:.0f} KiB", "—", "—", "—"))


def spawn_ms(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1e3


for _ in range(3):
    spawn_ms("pass"), spawn_ms("import zapi_communities")
bare, full = [], []
for _ in range(max(ROUNDS, 10)):
    bare.append(spawn_ms("pass"))
    full.append(spawn_ms("import zapi_communities"))
# The import itself, timed inside each fresh interpreter (the difference of two process
# start-ups is mostly noise at this size); the start-ups are shown beside it.
IMPORT_ALONE = "import time; t = time.perf_counter(); import zapi_communities; print((time.perf_counter() - t) * 1e3)"
alone = [float(subprocess.run([sys.executable, "-c", IMPORT_ALONE], check=True, capture_output=True, text=True).stdout)
         for _ in range(max(ROUNDS, 10))]
import_ms = statistics.median(alone)
rows.append(("`import zapi_communities` in a fresh interpreter", fmt(alone, "ms", 1),
             f"whole `python -c` {fmt(full, 'ms', 1)}, bare interpreter {fmt(bare, 'ms', 1)}",
             f"{import_ms:.1f} ms import", f"≤20 ms — {verdict(import_ms <= 20)}"))


# ---------------------------------------------------------------- 5. RSS growth after 10,000 calls
# In a fresh interpreter (this one has just freed the chat scan's heap), after a 500-call warm-up.
RSS_CODE = r"""
import gc, sys, zapi_communities as zc
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
c = zc.Client(instance_id=sys.argv[1], token=sys.argv[2], client_token=sys.argv[3], base_url=sys.argv[4])
for _ in range(500):
    c.list_communities(page=1, page_size=10)
gc.collect()
before = rss()
points = []
for i in range(int(sys.argv[5])):
    c.list_communities(page=1, page_size=10)
    if (i + 1) % 2500 == 0:
        gc.collect()
        points.append((rss() - before) / 1024)
print(" ".join(f"{p:.2f}" for p in points))
"""
clear_log()
out = subprocess.run([sys.executable, "-c", RSS_CODE, INSTANCE, TOKEN, CLIENT_TOKEN, SIM_URL, str(RSS_CALLS)],
                     capture_output=True, text=True, check=True).stdout
checkpoints = [float(x) for x in out.split()]
growth = checkpoints[-1]
rows.append((f"RSS growth after {RSS_CALLS:,} sync calls (fresh interpreter, after warm-up)", f"{growth:.1f} MiB",
             "after each 2,500 calls: " + ", ".join(f"{c:+.1f}" for c in checkpoints) + " MiB", "—",
             f"≤10 MB — {verdict(growth <= 10)}"))
clear_log()

client.close()
session.close()
hx.close()

# ---------------------------------------------------------------- report
print("### Python")
print()
print(f"CPython {sys.version.split()[0]}, wheel `{os.path.basename(WHEEL)}`, against `zapi-sim` on loopback "
      f"(GET /communities?page=1&pageSize=10, {expected} community). {ROUNDS} rounds after a warm-up, rounds "
      f"alternate ours / alternatives; median (min–max). Ratios: ours ÷ alternative for time, "
      f"ours ÷ alternative for throughput, alternative ÷ ours for 'faster'.")
print()
print("| figure | ours | alternative | ratio | target |")
print("|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
if notes:
    print()
    for note in notes:
        print(f"- {note}")
