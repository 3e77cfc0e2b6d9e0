"""Community ids carried over from the previous run (graph.analytics.community_ids) and the stale-projection
rules (graph.analytics.stale), without a database."""

from __future__ import annotations

import os
import socket
import time

from graph.analytics.community_ids import carry_over
from graph.analytics.stale import drop_stale_projections, owner_alive, projection_name, run_of
from graph.db import FakeRunner


def test_an_unchanged_partition_keeps_every_previous_id() -> None:
    previous = {"a": 7, "b": 7, "c": 3, "d": 3, "e": 12}
    new = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}  # canonical numbering of the same groups
    assert carry_over(new, previous) == (previous, 3)


def test_a_group_that_kept_most_members_keeps_its_id_and_new_groups_get_fresh_ids() -> None:
    previous = {"a": 4, "b": 4, "c": 4, "d": 9, "e": 9}
    # a, b stay with a newcomer x; c leaves for a new group with y; d and e are split apart
    new = {"a": 1, "b": 1, "x": 1, "c": 2, "y": 2, "d": 3, "e": 4}
    ids, kept = carry_over(new, previous)
    assert kept == 1 and ids["a"] == ids["b"] == ids["x"] == 4
    assert ids["c"] == ids["y"] == 10  # above every previous id, canonical order
    assert (ids["d"], ids["e"]) == (11, 12)  # a half is not a majority: 9 is retired, never reused


def test_a_merge_takes_the_id_of_the_larger_previous_group() -> None:
    previous = {"a": 2, "b": 2, "c": 2, "d": 5, "e": 5}
    ids, kept = carry_over({k: 1 for k in previous}, previous)
    assert kept == 1 and set(ids.values()) == {2}


def test_without_a_previous_run_the_canonical_ids_stand() -> None:
    new = {"a": 1, "b": 2}
    assert carry_over(new, {}) == (new, 0)
    assert carry_over(new, {"gone": 3}) == ({"a": 4, "b": 5}, 0)  # ids of removed groups are not reused


def test_projection_names_carry_the_run_id() -> None:
    name = projection_name("networks", "run-20261207T031500-abc123")
    assert name == "lantern-networks-run-20261207T031500-abc123"
    assert run_of(name) == "run-20261207T031500-abc123"
    assert run_of("my-own-graph") is None and run_of("lantern-scratch") is None


def test_owner_alive_checks_the_process_on_this_host() -> None:
    now_ms = time.time() * 1000
    here = socket.gethostname()
    assert owner_alive({"host": here, "pid": os.getpid(), "started_ms": now_ms})
    assert not owner_alive({"host": here, "pid": 2**22 + 12345, "started_ms": now_ms})  # no such process
    assert not owner_alive({"host": here, "pid": os.getppid(), "started_ms": 0})  # pid reused since
    assert owner_alive({"host": "elsewhere.example.org", "pid": 1, "started_ms": now_ms})
    assert not owner_alive({"host": None, "pid": None, "started_ms": now_ms})  # an older Lantern's record


def test_only_stale_lantern_projections_are_dropped() -> None:
    here = socket.gethostname()
    running = [
        {"id": "run-live", "host": here, "pid": os.getpid(), "started_ms": time.time() * 1000},
        {"id": "run-killed", "host": here, "pid": 2**22 + 12345, "started_ms": 0},
    ]
    graphs = ["analyst-scratch", "lantern-networks-run-done", "lantern-networks-run-killed",
              "lantern-networks-run-live"]  # fmt: skip
    fake = FakeRunner(
        results={
            "analysis/running_runs": running,
            "analysis/list_graphs": [{"graph": g} for g in graphs],
            "analysis/interrupt_runs": lambda p: [{"interrupted": p["ids"]}],
        }
    )
    out = drop_stale_projections(fake)
    assert out.dropped == ["lantern-networks-run-done", "lantern-networks-run-killed"]
    assert out.interrupted == ["run-killed"]
    drops = [params["graph"] for name, _, params in fake.calls if name == "analysis/drop_graph"]
    assert drops == out.dropped
