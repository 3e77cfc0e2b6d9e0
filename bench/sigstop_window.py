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

`--hold-signal-thread MS` makes the race deterministic, as a loaded machine does by chance: the JVM's
main thread (the one the kernel wakes to take the signal) is pinned to the last CPU, every other JVM
thread and this process to the others, and a SCHED_FIFO spinner (`chrt`, needs root) holds the last CPU
for MS around each kill. Affinities are restored at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
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


SPIN = "import time\nprint('go', flush=True)\nend = time.time() + {s}\nwhile time.time() < end:\n    pass\n"


def _hold(cpu: int, ms: float) -> subprocess.Popen[bytes]:
    """A SCHED_FIFO process spinning on `cpu` for `ms`, started (it printed) when this returns."""
    cmd = ["chrt", "-f", "10", "taskset", "-c", str(cpu), sys.executable, "-c", SPIN.format(s=ms / 1000)]
    spinner = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    assert spinner.stdout is not None
    spinner.stdout.readline()
    return spinner


async def _trial(access: Any, pid: int, order: str, deadline: float, hold_ms: float) -> dict[str, Any]:
    while not (await access.aping(deadline))[0]:  # start from a server that answers
        pass
    spinner = _hold(max(os.sched_getaffinity(pid)), hold_ms) if hold_ms else None
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
        if spinner is not None:
            spinner.wait()
        os.kill(pid, signal.SIGCONT)
    while "T" in _states(pid):
        time.sleep(0.005)
    return {
        "order": order,
        "ready": ready,
        "ping_ms": round(took, 1),
        "all_threads_stopped_ms": round(stopped_after.get("ms", -1.0), 2),
    }


def _pin(pid: int) -> dict[int, set[int]]:
    """Main thread of `pid` on the last CPU, its other threads and this process on the others; returns the
    affinities to restore."""
    cpus = sorted(os.sched_getaffinity(pid))
    if len(cpus) < 2:
        raise SystemExit("--hold-signal-thread needs two CPUs.")
    before = {}
    for task in [int(t.name) for t in Path(f"/proc/{pid}/task").iterdir()] + [os.getpid()]:
        try:
            before[task] = os.sched_getaffinity(task)
            os.sched_setaffinity(task, {cpus[-1]} if task == pid else set(cpus[:-1]))
        except OSError:  # a thread that ended meanwhile
            continue
    return before


def _unpin(before: dict[int, set[int]]) -> None:
    for task, cpus in before.items():
        try:
            os.sched_setaffinity(task, cpus)
        except OSError:
            continue


async def _measure(trials: int, deadline: float, hold_ms: float) -> list[dict[str, Any]]:
    from api.config import get_settings
    from api.graph_access import GraphAccess
    from graph import neo4j_server

    settings = get_settings()
    pid = neo4j_server.status(settings).pid
    if pid is None:
        raise SystemExit("No Neo4j of these settings is running (`lantern neo4j status`).")
    access = GraphAccess(settings)
    rows = []
    pinned = _pin(pid) if hold_ms else {}
    try:
        for _ in range(trials):
            for order in ("race", "wait"):
                row = await _trial(access, pid, order, deadline, hold_ms)
                rows.append(row)
                print(json.dumps(row), flush=True)
    finally:
        os.kill(pid, signal.SIGCONT)
        _unpin(pinned)
        await access.aclose()
    return rows


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--deadline", type=float, default=2.0, help="the ping's deadline, s (/readyz's)")
    parser.add_argument("--hold-signal-thread", type=float, default=0.0, metavar="MS")
    args = parser.parse_args()
    rows = asyncio.run(_measure(args.trials, args.deadline, args.hold_signal_thread))
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
