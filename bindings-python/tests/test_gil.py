"""The GIL is released while a call waits: another thread keeps running Python code during a
slow answer (the server's ``delay`` fault), and the event loop keeps running other tasks. And a
blocked call still lets Python's signal handlers run: Ctrl-C interrupts it."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import SimServer

DELAY_MS = 800


class Counter(threading.Thread):
    """Counts in pure Python until stopped: it only advances while it holds the GIL."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.count = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.count += 1


def test_sync_calls_release_the_gil(sim: SimServer) -> None:
    client = sim.client()
    sim.fault({"fault": {"kind": "delay", "ms": DELAY_MS}, "pathPrefix": "/chats"})
    counter = Counter()
    counter.start()
    time.sleep(0.05)
    try:
        before = counter.count
        started = time.monotonic()
        client.list_chats()
        elapsed = time.monotonic() - started
        during = counter.count - before
    finally:
        counter.stop.set()
        counter.join()
    assert elapsed >= DELAY_MS / 1000 * 0.9
    # Holding the GIL for the whole call would leave the counter at (about) zero; released, it
    # counts hundreds of thousands of times in 0.8 s.
    assert during > 10_000, f"the other thread advanced only {during} times during a {elapsed:.2f} s call"


def test_sync_calls_from_threads_overlap(sim: SimServer) -> None:
    client = sim.client()
    sim.fault({"fault": {"kind": "delay", "ms": DELAY_MS}, "pathPrefix": "/chats", "times": 4})
    threads = [threading.Thread(target=client.list_chats) for _ in range(4)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    assert elapsed < DELAY_MS / 1000 * 2.5, f"4 slow calls took {elapsed:.2f} s: they ran one after another"


def test_async_calls_leave_the_event_loop_free(sim: SimServer) -> None:
    sim.fault({"fault": {"kind": "delay", "ms": DELAY_MS}, "pathPrefix": "/chats", "times": 3})

    async def main() -> tuple[int, float]:
        client = sim.async_client()
        ticks = 0
        done = False

        async def ticker() -> None:
            nonlocal ticks
            while not done:
                ticks += 1
                await asyncio.sleep(0.01)

        tick_task = asyncio.ensure_future(ticker())
        started = time.monotonic()
        await asyncio.gather(client.list_chats(), client.list_chats(), client.list_chats())
        elapsed = time.monotonic() - started
        done = True
        await tick_task
        return ticks, elapsed

    ticks, elapsed = asyncio.run(main())
    assert elapsed < DELAY_MS / 1000 * 2, f"3 concurrent slow calls took {elapsed:.2f} s"
    assert ticks > 20, f"the event loop ran only {ticks} ticks during {elapsed:.2f} s"


def test_a_signal_handler_interrupts_a_slow_call(sim: SimServer) -> None:
    client = sim.client()
    sim.fault({"fault": {"kind": "delay", "ms": 5000}, "pathPrefix": "/chats"})

    class Interrupted(Exception):
        pass

    def handler(signum: int, frame: object) -> None:
        raise Interrupted

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    started = time.monotonic()
    try:
        with pytest.raises(Interrupted):
            client.list_chats()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 2, "the handler ran only after the call ended"
    assert client.list_communities() == []  # the client still works


def test_ctrl_c_raises_keyboard_interrupt(sim: SimServer) -> None:
    sim.fault({"fault": {"kind": "delay", "ms": 10000}, "pathPrefix": "/chats"})
    script = f"""
import os, signal, threading, time
from zapi_communities import Client
client = Client(instance_id="SIM-INSTANCE", token="sim-token", client_token="sim-client-token", base_url="{sim.url}")
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
started = time.monotonic()
try:
    client.list_chats()
except KeyboardInterrupt:
    print(f"interrupted after {{time.monotonic() - started:.1f}} s")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.stdout.startswith("interrupted after 0."), (done.stdout, done.stderr)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process's threads in /proc")
def test_sync_calls_run_on_the_calling_thread(sim: SimServer) -> None:
    # In a fresh interpreter: a blocking call sends, waits and reads on the thread that makes it,
    # so after calls from the main thread and from another one, the process has started no thread
    # of its own for them (a runtime with a worker would show it here; an IP address needs no name
    # lookup, the one thing that runs on a helper thread).
    script = f"""
import os, threading, time
from zapi_communities import Client
client = Client(instance_id="SIM-INSTANCE", token="sim-token", client_token="sim-client-token", base_url="{sim.url}")
for _ in range(20):
    client.list_communities()
other = threading.Thread(target=client.list_communities)
other.start()
other.join()
# join() returns before the thread's OS thread is gone: give it a moment (a runtime's thread
# would stay for good).
deadline = time.monotonic() + 2
while len(os.listdir("/proc/self/task")) > 1 and time.monotonic() < deadline:
    time.sleep(0.01)
print(len(os.listdir("/proc/self/task")))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "1", (done.stdout, done.stderr)
