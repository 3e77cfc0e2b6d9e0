"""How long a Neo4j keeps answering after `kill(pid, SIGSTOP)` returned, seen through /readyz's ping.

    LANTERN_NEO4J_BOLT_PORT=7841 LANTERN_NEO4J_INSTANCE_DIR=~/.cache/lantern/test-instance-7841 \\
    NEO4J_PASSWORD=lantern-test-password python -m bench.sigstop_window --trials 10

The kernel stops a process thread by thread: `kill` wakes one thread to take the signal, which stops the
others once it is scheduled. Per trial, two orders: `race` pings right after `kill` returned (what the
old frozen-Neo4j test did before asserting 503), `wait` pings once every thread of the JVM is in state
T (what the test does now). Prints, per trial, whether the ping answered "ready", how long it took, and
how many ms after the kill every thread was stopped; then the counts and the load average. FREEZES the
Neo4j of the settings (`lantern neo4j start`'s instance: pid from its pid file) for up to the ping
deadline per trial: point it at a test instance. Asserts nothing (docs/design/api-limits.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any


def _states(pid: int) -> list[str]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
        except OSError:  # a thread that ended meanwhile
            continue
    return out


def _all_stopped(pid: int) -> bool:
    states = _states(pid)
    return bool(states) and all(s == "T" for s in states)


async def _trial(access: Any, pid: int, order: str, deadline: float) -> dict[str, Any]:
    while not (await access.aping(deadline))[0]:  # start from a server that answers
        pass
    stopped_after: dict[str, float] = {}

    def watch(t0: float) -> None:
        while time.perf_counter() - t0 < 30:
            if _all_stopped(pid):
                stopped_after["ms"] = (time.perf_counter() - t0) * 1000
                return

    t0 = time.perf_counter()
    os.kill(pid, signal.SIGSTOP)
    try:
        watcher = threading.Thread(target=watch, args=(t0,))
        watcher.start()
        if order == "wait":
            watcher.join()
        t1 = time.perf_counter()
        ready, _reason = await access.aping(deadline)
        took = (time.perf_counter() - t1) * 1000
        watcher.join()
    finally:
        os.kill(pid, signal.SIGCONT)
    while "T" in _states(pid):
        time.sleep(0.005)
    return {
        "order": order,
        "ready": ready,
        "ping_ms": round(took, 1),
        "all_threads_stopped_ms": round(stopped_after.get("ms", -1.0), 2),
    }


async def _measure(trials: int, deadline: float) -> list[dict[str, Any]]:
    from api.config import get_settings
    from api.graph_access import GraphAccess
    from graph import neo4j_server

    settings = get_settings()
    pid = neo4j_server.status(settings).pid
    if pid is None:
        raise SystemExit("No Neo4j of these settings is running (`lantern neo4j status`).")
    access = GraphAccess(settings)
    rows = []
    try:
        for _ in range(trials):
            for order in ("race", "wait"):
                row = await _trial(access, pid, order, deadline)
                rows.append(row)
                print(json.dumps(row), flush=True)
    finally:
        os.kill(pid, signal.SIGCONT)
        await access.aclose()
    return rows


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--deadline", type=float, default=2.0, help="the ping's deadline, s (/readyz's)")
    args = parser.parse_args()
    rows = asyncio.run(_measure(args.trials, args.deadline))
    for order in ("race", "wait"):
        mine = [r for r in rows if r["order"] == order]
        stops = sorted(r["all_threads_stopped_ms"] for r in mine)
        print(
            f"{order}: ready while being stopped {sum(r['ready'] for r in mine)}/{len(mine)}; "
            f"every thread stopped after (ms) {stops}"
        )
    print("load average:", Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
