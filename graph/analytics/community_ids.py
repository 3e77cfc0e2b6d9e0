"""Community ids that keep their meaning from one `lantern analyze` run to the next.

An investigator's "community 7" and a report's numbers must mean the same group tomorrow. Two causes
changed them (issue 23, item 14): Leiden with concurrency > 1 depends on thread scheduling (under CPU load
1 run in 3 moved 107 nodes), and ids were numbered from scratch each run (one moved node renumbers every
community after it). The community step therefore runs with `community_concurrency` 1 (deterministic with
the fixed seed on the same projection; the projection is built in entity-id order), ids are numbered
canonically (`networks.renumber`: by network, size, smallest member key), and then `carry_over` matches
them to the previous run's communities:

* a new community takes the id of the previous community from which it holds MORE THAN HALF of the members
  still in the graph (so each previous id goes to at most one new community); a new community that holds
  majorities of several previous ones takes the one it shares most members with (ties: lower id);
* every other new community gets a new id above every previous one, in canonical order (an id is never
  reused for a different group).

On an unchanged graph every community keeps its id; a graph that changed keeps the ids of the groups that
stayed recognisably the same. Which ids were carried is counted in the run summary.
"""

from __future__ import annotations

from collections import Counter, defaultdict


def _members(assignment: dict[str, int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for eid, c in assignment.items():
        out[c].add(eid)
    return out


def carry_over(new: dict[str, int], previous: dict[str, int]) -> tuple[dict[str, int], int]:
    """(entity -> community id with previous ids carried over, how many communities kept their id)."""
    top = max((c for c in previous.values() if c is not None), default=0)
    if not top:
        return new, 0
    previous = {e: c for e, c in previous.items() if e in new and c is not None}
    new_members = _members(new)
    surviving = {c: len(ms) for c, ms in _members(previous).items()}
    overlap = Counter((new[e], c) for e, c in previous.items())
    mapping: dict[int, int] = {}
    taken: set[int] = set()
    for (c, p), n in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0])):
        if c not in mapping and p not in taken and 2 * n > surviving[p]:
            mapping[c] = p
            taken.add(p)
    kept = len(mapping)
    next_id = top + 1
    for c in sorted(new_members):  # canonical order
        if c not in mapping:
            mapping[c] = next_id
            next_id += 1
    return {e: mapping[c] for e, c in new.items()}, kept
