"""The machine's cost of waking another process: a one-byte TCP round trip on loopback between two
processes, on two cores and on one, printed as a line for BENCHMARKS.md.

Every request in the sequential rows crosses between threads or processes several times, so this
is the floor under them. On a host whose vCPUs wake slowly (seen here: ~100-130 us on two cores
against ~25 on one), those rows move with the host rather than with the code, which this line lets
a reader of the table see.
"""

import os
import socket
import statistics
import time

ROUNDS = 5
TRIPS = 2000


def echo(listener: socket.socket, cpu: int) -> None:
    os.sched_setaffinity(0, {cpu})
    conn, _ = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    while data := conn.recv(16):
        conn.sendall(data)


def round_trip_us(server_cpu: int, client_cpu: int) -> float:
    """Median over rounds of the mean round trip in a round, with each side on the CPU given."""
    listener = socket.create_server(("127.0.0.1", 0))
    pid = os.fork()
    if pid == 0:
        # The child never returns into the caller's code, whatever happens in it.
        try:
            echo(listener, server_cpu)
        finally:
            os._exit(0)
    os.sched_setaffinity(0, {client_cpu})
    client = socket.create_connection(listener.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rounds = []
    for _ in range(ROUNDS + 1):
        start = time.perf_counter()
        for _ in range(TRIPS):
            client.sendall(b"x")
            client.recv(16)
        rounds.append((time.perf_counter() - start) / TRIPS * 1e6)
    client.close()
    os.waitpid(pid, 0)
    listener.close()
    return statistics.median(rounds[1:])


def main() -> None:
    cpus = sorted(os.sched_getaffinity(0))
    try:
        if len(cpus) < 2:
            print(f"One-byte loopback round trip between two processes: {round_trip_us(cpus[0], cpus[0]):.1f} µs (one core).")
            return
        apart = round_trip_us(cpus[0], cpus[1])
        together = round_trip_us(cpus[0], cpus[0])
    finally:
        os.sched_setaffinity(0, set(cpus))
    print(
        f"One-byte loopback round trip between two processes: {apart:.1f} µs on two cores, {together:.1f} µs on one "
        "(the floor under every sequential row; where the first is several times the second, the host wakes a "
        "sleeping core slowly and those rows move with it)."
    )


if __name__ == "__main__":
    main()
