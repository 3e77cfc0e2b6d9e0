"""Community stability and the cost of a single-threaded community step, on the graph NEO4J_URI points at.

    python -m bench.communities --runs 5 --load 2

Runs `run_analysis(only="networks,communities")` `--runs` times with the community step at concurrency 1
(the default, `LANTERN_COMMUNITY_CONCURRENCY`) and `--runs` times at 4, optionally with `--load` busy
processes competing for the CPU, and prints per setting: the community step's time (median, min-max) and,
per run, how many entities are in a different community than in that setting's first run (membership,
whatever the ids) and how many have a different community id. It writes analysis results into that graph:
use a test or bench instance. Prints figures, asserts nothing (docs/design/reliability.md).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import defaultdict

STEP = "communities (leiden)"


def _partition(assign: dict[str, int]) -> dict[str, frozenset[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for eid, c in assign.items():
        groups[c].add(eid)
    return {eid: frozenset(groups[c]) for eid, c in assign.items()}


def measure(runs: int, concurrency: int) -> dict[str, object]:
    from api.config import get_settings
    from graph.analytics import load_options, run_analysis
    from graph.db import Database

    opts = load_options(community_concurrency=concurrency)
    times: list[int] = []
    moved: list[int] = []
    renumbered: list[int] = []
    first: dict[str, int] = {}
    with Database.connect(get_settings()) as db:
        for _ in range(runs):
            summary = run_analysis(db, only="networks,communities", options=opts)
            times.append(summary.step_ms[STEP])
            assign = {m["id"]: m["community_id"] for m in db.read("analysis/network_members")}
            first = first or assign
            p0, p1 = _partition(first), _partition(assign)
            moved.append(sum(1 for e in assign if p1[e] != p0.get(e)))
            renumbered.append(sum(1 for e in assign if assign[e] != first.get(e)))
    return {
        "concurrency": concurrency,
        "step_ms_median": statistics.median(times),
        "step_ms": times,
        "entities_moved_vs_first": moved,
        "ids_changed_vs_first": renumbered,
        "communities": len(set(first.values())),
        "entities": len(first),
    }


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load", type=int, default=0, help="busy processes competing for the CPU")
    args = parser.parse_args()
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(max(0, args.load))]
    try:
        for concurrency in (1, 4):
            print(measure(args.runs, concurrency), flush=True)
    finally:
        for p in burners:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
