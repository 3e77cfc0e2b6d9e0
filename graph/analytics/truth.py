"""Recovered networks vs planted ones: adjusted Rand index over the ground-truth members.

Ground truth (`seed/ground_truth.json`, format lantern-seed-ground-truth/1): `networks[]` with `members[]`
({type, value}: E.164 phones, lower-case emails, full names, business names, addresses) and `victims[]`
({name}). Each truth item is matched to a graph entity by `value` or `name` (case-insensitive); when a
name matches several entities (a namesake), the one in the network holding most of the item's
colleagues wins. Items not found count as singletons (they lower the score) and are listed.

A member whose name is not found is then looked up through the seed's gold mentions
(`gold_entities*.jsonl` next to the truth file: document, exact span, canonical value): the graph entity
mentioned at exactly that span is the member as the text names it. Survivor testimonies give only a
first name ("My name is Khrystyna") while the ground truth lists "Khrystyna Savka"; the gold span says
which mention is she, so the extractor is scored on where it put *that* mention, not on a surname no
text states. Exact spans only: a truncated or mistyped extraction at another span does not count.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.db import Runner
from ontology.names import C


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
    via_gold_span: list[str] = field(default_factory=list)
    """Members no entity names, found as the entity at their gold mention span (e.g. first-name victims)."""


def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def truth_items(truth: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(truth network id, item type, normalised value) for every member and victim."""
    items = []
    for net in truth.get("networks", []):
        for m in net.get("members", []):
            items.append((net["id"], m.get("type", ""), _norm(m.get("value"))))
        for v in net.get("victims", []):
            items.append((net["id"], C.Person, _norm(v.get("name"))))
    return [i for i in items if i[2]]


def gold_spans(truth_path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Normalised gold value -> its mention spans ({doc, start, end}) from `gold_entities*.jsonl` beside
    the truth file (none when there is no such file)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(Path(truth_path).parent.glob("gold_entities*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            for m in row.get("mentions", []):
                out[_norm(m.get("value"))].append({"doc": row["id"], "start": m["start"], "end": m["end"]})
    return dict(out)


def match_items(
    items: list[tuple[str, str, str]],
    members: list[dict[str, Any]],
    level: str = "network_id",
    by_span: dict[str, set[int]] | None = None,
) -> dict[tuple[str, str, str], int | None]:
    """Truth item -> the graph group (`level`: network_id or community_id) of the entity it names.
    `by_span`: normalised truth value -> groups of the entities at its gold mention spans, used only for
    items no entity names."""
    index: dict[str, set[int]] = defaultdict(set)
    for m in members:
        if m.get(level) is None:
            continue
        for key in (m.get("value"), m.get("name")):
            if key:
                index[_norm(key)].add(int(m[level]))
    for value, groups in (by_span or {}).items():
        if value not in index and groups:
            index[value] = set(groups)
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
    by_span = _span_groups(db, items, members, truth_path, f"{level}_id")
    result = score(items, match_items(items, members, level=f"{level}_id", by_span=by_span))
    result.level = level
    result.via_gold_span = sorted({value for _, _, value in items if value in by_span})
    return result


def _span_groups(
    db: Runner,
    items: list[tuple[str, str, str]],
    members: list[dict[str, Any]],
    truth_path: Path | str,
    level: str,
) -> dict[str, set[int]]:
    """Groups of the entities at the gold spans of the truth items that no entity names."""
    named = {_norm(k) for m in members for k in (m.get("value"), m.get("name")) if k}
    wanted = {value for _, _, value in items if value not in named}
    spans = gold_spans(truth_path)
    query = [dict(s, value=v) for v in sorted(wanted) for s in spans.get(v, [])]
    if not query:
        return {}
    value_at = {(q["doc"], q["start"], q["end"]): q["value"] for q in query}
    rows = db.read(
        "analysis/members_at_spans", spans=[{k: q[k] for k in ("doc", "start", "end")} for q in query]
    )
    out: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        value = value_at.get((row["doc"], row["start"], row["end"]))
        if value is not None and row.get(level) is not None:
            out[value].add(int(row[level]))
    return dict(out)
