"""Stale Lantern projections: what a killed `lantern analyze` left in the GDS catalog, dropped at the next
start.

A run's projection is `lantern-networks-<run id>` and its AnalysisRun node records its owner (host name and
process id, `owner()`). `try/finally` drops the projection whenever Python gets to run; a kill -9 (or a lost
machine) does not, and each leftover held its memory in the Neo4j heap for good (36 MiB each on the
issue's graph). At the start of every run, a projection named `lantern-...` is stale when its run is

* not running any more (completed, failed, interrupted, or no record at all), or
* running according to its record, but its owner process is gone: same host, and no process with that
  id, or one started after the run did (the id was reused); a record without an owner (an older Lantern)
  counts as gone.

Runs owned by another host are left alone while their record says running (their process cannot be seen
from here). Runs whose owner is gone are marked `interrupted`. Names outside the `lantern-` prefix
(an analyst's own projections) are never touched.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from typing import Any

import psutil

from graph.db import Runner

PREFIX = "lantern-"
PID_REUSE_SLACK_S = 1.0
"""A process counts as the run's owner if it started no later than this after the run's start time."""


def projection_name(step: str, run_id: str) -> str:
    return f"{PREFIX}{step}-{run_id}"


def run_of(graph: str) -> str | None:
    """The run id in a Lantern projection name (`lantern-<step>-run-...`), or None."""
    if not graph.startswith(PREFIX) or "-run-" not in graph:
        return None
    return "run-" + graph.split("-run-", 1)[1]


def owner() -> dict[str, Any]:
    """The fields an AnalysisRun records about the process running it."""
    return {"host": socket.gethostname(), "pid": os.getpid()}


def owner_alive(run: dict[str, Any]) -> bool:
    host, pid, started_ms = run.get("host"), run.get("pid"), run.get("started_ms")
    if host is None or pid is None:
        return False
    if host != socket.gethostname():
        return True  # cannot be checked from here
    if int(pid) == os.getpid():
        return True
    try:
        created = psutil.Process(int(pid)).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False
    return started_ms is None or created <= started_ms / 1000 + PID_REUSE_SLACK_S


@dataclass
class Cleanup:
    dropped: list[str] = field(default_factory=list)
    """Projections dropped."""
    interrupted: list[str] = field(default_factory=list)
    """Runs marked interrupted (their process is gone)."""

    def note(self) -> str | None:
        if not self.dropped and not self.interrupted:
            return None
        return (
            f"cleaned up after killed runs: {len(self.dropped)} stale projection(s) dropped"
            f" ({', '.join(self.dropped) or 'none'}), {len(self.interrupted)} run(s) marked interrupted"
        )


def drop_stale_projections(db: Runner) -> Cleanup:
    """Drop every stale Lantern projection and mark the runs whose owner is gone as interrupted."""
    running = db.read("analysis/running_runs")
    gone = sorted(r["id"] for r in running if not owner_alive(r))
    live = {r["id"] for r in running} - set(gone)
    out = Cleanup()
    for row in db.read("analysis/list_graphs"):
        name = row["graph"]
        if name.startswith(PREFIX) and run_of(name) not in live:
            db.write("analysis/drop_graph", graph=name)
            out.dropped.append(name)
    if gone:
        reason = "interrupted: the process running it ended without finishing (killed?)"
        out.interrupted = db.write("analysis/interrupt_runs", ids=gone, reason=reason)[0]["interrupted"]
    return out
