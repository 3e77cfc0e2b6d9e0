"""Recovered networks vs planted ones: adjusted Rand index over the ground-truth members.

Ground truth (`seed/ground_truth.json`, format lantern-seed-ground-truth/1): `networks[]` with `members[]`
({type, value}: E.164 phones, lower-case emails, full names, business names, addresses) and `victims[]`
({name}). Each truth item is matched to a graph entity by `value` or `name` (case-insensitive); when a
name matches several entities (a namesake), the one in the network holding most of the item's
colleagues wins. Items not found count as singletons (they lower the score) and are listed.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.db import Runner


@dataclass
class NetworkEvaluation:
    ari: float
    items: int
    matched: int
    truth_networks: int
    recovered_networks: int
    """Distinct graph networks the matched items fall into."""
    missing: list[str] = field(default_factory=list)
    per_network: list[dict[str, Any]] = field(default_factory=list)
    level: str = "network"


def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def truth_items(truth: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(truth network id, item type, normalised value) for every member and victim."""
    items = []
    for net in truth.get("networks", []):
        for m in net.get("members", []):
            items.append((net["id"], m.get("type", ""), _norm(m.get("value"))))
        for v in net.get("victims", []):
            items.append((net["id"], "Person", _norm(v.get("name"))))
    return [i for i in items if i[2]]


def match_items(
    items: list[tuple[str, str, str]], members: list[dict[str, Any]], level: str = "network_id"
) -> dict[tuple[str, str, str], int | None]:
    """Truth item -> the graph group (`level`: network_id or community_id) of the entity it names."""
    index: dict[str, set[int]] = defaultdict(set)
    for m in members:
        if m.get(level) is None:
            continue
        for key in (m.get("value"), m.get("name")):
            if key:
                index[_norm(key)].add(int(m[level]))
    majority: dict[str, Counter[int]] = defaultdict(Counter)
    for net, _, value in items:
        found = index.get(value, set())
        if len(found) == 1:
            majority[net][next(iter(found))] += 1
    out: dict[tuple[str, str, str], int | None] = {}
    for item in items:
        found = index.get(item[2], set())
        if not found:
            out[item] = None
        elif len(found) == 1:
            out[item] = next(iter(found))
        else:
            out[item] = max(found, key=lambda n: (majority[item[0]][n], -n))
    return out


def score(
    items: list[tuple[str, str, str]], matched: dict[tuple[str, str, str], int | None]
) -> NetworkEvaluation:
    from sklearn.metrics import adjusted_rand_score

    unique = list(dict.fromkeys(items))
    truth_ids = {n: i for i, n in enumerate(dict.fromkeys(i[0] for i in unique))}
    labels_true = [truth_ids[i[0]] for i in unique]
    labels_pred = []
    for k, item in enumerate(unique):
        net = matched.get(item)
        labels_pred.append(net if net is not None else -(k + 1))
    ari = float(adjusted_rand_score(labels_true, labels_pred)) if unique else 0.0
    per_net: dict[str, Counter[int]] = defaultdict(Counter)
    for item in unique:
        if matched.get(item) is not None:
            per_net[item[0]][matched[item]] += 1  # type: ignore[index]
    per_network = [
        {"truth": n, "items": sum(1 for i in unique if i[0] == n), "found_in": dict(per_net[n].most_common())}
        for n in truth_ids
    ]
    found = [i for i in unique if matched.get(i) is not None]
    return NetworkEvaluation(
        ari=round(ari, 4),
        items=len(unique),
        matched=len(found),
        truth_networks=len(truth_ids),
        recovered_networks=len({matched[i] for i in found}),
        missing=[f"{i[0]} {i[1]} {i[2]}" for i in unique if matched.get(i) is None],
        per_network=per_network,
    )


def evaluate_networks(db: Runner, truth_path: Path | str, level: str = "network") -> NetworkEvaluation:
    """ARI of the last `lantern analyze` vs the planted networks in `truth_path`.

    `level="network"` scores the linked networks (WCC); `level="community"` the communities inside
    them — a planted broker legitimately joins two planted networks into one linked network, and the
    communities are what separate them again.
    """
    if level not in ("network", "community"):
        raise ValueError(f"level must be network or community, not '{level}'")
    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    items = truth_items(truth)
    members = db.read("analysis/network_members")
    result = score(items, match_items(items, members, level=f"{level}_id"))
    result.level = level
    return result
