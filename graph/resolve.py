"""Entity resolution after ingest: review candidates, merge entities (reversibly), split a merge.

* `review(db)` — POSSIBLY_SAME_AS candidates (created by ingest, see `graph.resolve_people`) and merges.
* `merge(db, ids, by, reason)` — the first id survives; the others' mentions, evidence and candidates
  move onto it (evidence lists of the same fact are combined, never duplicated). The survivor keeps a
  merge record in `merge_log` (JSON: merge id, who, when, why, and a snapshot of every node involved
  with all its relationships) plus `merged_ids`, so later ingests map those keys to the survivor.
* `split(db, merge_id)` — restores the survivor and the absorbed nodes exactly as recorded. Documents
  ingested after the merge that mention the survivor lose their content hash: re-run `lantern ingest`
  on them and their evidence is rebuilt.
Everything runs in one transaction per call.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Database, FakeRunner
from graph.ingest.tx import CatalogTx, in_transaction
from ontology.names import C, R

EVIDENCE = ("ev_doc_ids", "ev_starts", "ev_ends", "ev_snippets", "ev_confidences")


class ResolveError(ValueError):
    """A merge/split that cannot be done; the message says why and what to do."""


@dataclass
class MergeResult:
    merge_id: str
    survivor: str
    absorbed: list[str]
    relationships: int


@dataclass
class SplitResult:
    merge_id: str
    restored: list[str]
    stale_documents: list[str]


def _combine(old: dict[str, Any] | None, new: dict[str, Any], type_: str) -> dict[str, Any]:
    """Two edges of one fact (or two provenance links to one document) become one."""
    if old is None:
        return dict(new)
    out = dict(old)
    if type_ == R.MENTIONED_IN:
        for k in ("starts", "ends", "texts"):
            out[k] = list(old.get(k) or []) + list(new.get(k) or [])
        out["confidence"] = max(old.get("confidence") or 0.0, new.get("confidence") or 0.0)
    elif "ev_doc_ids" in old or "ev_doc_ids" in new:
        for k in EVIDENCE:
            out[k] = list(old.get(k) or []) + list(new.get(k) or [])
        out["evidence_count"] = len(out["ev_doc_ids"])
        out["doc_count"] = len(set(out["ev_doc_ids"]))
        out["confidence"] = max(out["ev_confidences"] or [0.0])
    else:  # a candidate: keep the higher score
        if (new.get("score") or 0) > (old.get("score") or 0):
            out = dict(new)
    return out


def merged_relationships(survivor: str, snaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The survivor's relationships after the merge, as rows for resolve/set_relationships."""
    members = {s["id"] for s in snaps}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for snap in snaps:
        for rel in snap["rels"]:
            other = rel["other"]
            if other in members:
                continue  # between merged nodes: becomes a self-loop (kept in the snapshot only)
            key = (survivor, rel["type"], other) if rel["dir"] == "out" else (other, rel["type"], survivor)
            edges[key] = _combine(edges.get(key), rel["props"], rel["type"])
    return [{"src": s, "type": t, "dst": d, "props": p} for (s, t, d), p in sorted(edges.items())]


def _snapshots(tx: CatalogTx, ids: list[str]) -> list[dict[str, Any]]:
    snaps = {s["id"]: s for s in tx.run("resolve/node_snapshot", ids=ids)}
    missing = [i for i in ids if i not in snaps]
    if missing:
        raise ResolveError(f"no entity with id {', '.join(missing)}: find ids with `lantern resolve review`")
    return [snaps[i] for i in ids]


def merge(db: Database | FakeRunner, ids: list[str], by: str, reason: str) -> MergeResult:
    """Merge entities into the first id; reversible with `split(db, result.merge_id)`."""
    return in_transaction(db, lambda tx: merge_in_tx(tx, ids, by, reason))


def merge_in_tx(tx: CatalogTx, ids: list[str], by: str, reason: str) -> MergeResult:
    """`merge` inside a transaction the caller holds (ingest merges an office's official name forms)."""
    ids = list(dict.fromkeys(ids))
    if len(ids) < 2:
        raise ResolveError("give at least two different entity ids to merge")
    if not reason.strip():
        raise ResolveError("say why these are the same (--reason): the merge record keeps it")
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    merge_id = "merge-" + hashlib.sha1(f"{ids}|{at}|{by}".encode()).hexdigest()[:10]
    snaps = _snapshots(tx, ids)
    kinds = {s["props"].get("kind") for s in snaps}
    if len({C.Person in s["labels"] for s in snaps}) > 1:
        raise ResolveError(f"cannot merge a person with a non-person ({', '.join(sorted(map(str, kinds)))})")
    survivor, absorbed = snaps[0], snaps[1:]
    rows = merged_relationships(survivor["id"], snaps)
    props = survivor["props"]
    record = {"merge_id": merge_id, "survivor": survivor["id"], "absorbed": ids[1:], "by": by, "at": at,
              "reason": reason, "snapshots": snaps}  # fmt: skip
    labels = sorted({label for s in snaps for label in s["labels"]})
    names = [s["props"].get("name") for s in absorbed] + [
        a for s in absorbed for a in s["props"].get("aliases") or []
    ]
    aliases = list(
        dict.fromkeys([*(props.get("aliases") or []), *(n for n in names if n and n != props.get("name"))])
    )
    tx.run("resolve/delete_entities", ids=ids[1:])
    tx.run("resolve/clear_relationships", id=survivor["id"])
    tx.run("resolve/set_relationships", rows=rows)
    tx.run(
        "resolve/set_merge_state", id=survivor["id"], labels=labels, aliases=aliases,
        merged_ids=[*(props.get("merged_ids") or []), *ids[1:]],
        merge_ids=[*(props.get("merge_ids") or []), merge_id],
        merge_log=[*(props.get("merge_log") or []), json.dumps(record, default=str)],
    )  # fmt: skip
    tx.run("ingest/refresh_entities", ids=[survivor["id"]])
    return MergeResult(merge_id, survivor["id"], ids[1:], len(rows))


def split(db: Database | FakeRunner, merge_id: str) -> SplitResult:
    """Undo a merge: the survivor and the absorbed nodes come back as recorded."""
    found = db.read("resolve/find_merge", merge_id=merge_id)
    if not found:
        raise ResolveError(f"no merge '{merge_id}': list merges with `lantern resolve review`")
    holder = found[0]
    if holder["merge_ids"][-1] != merge_id:
        raise ResolveError(f"{holder['id']} was merged again later: split {holder['merge_ids'][-1]} first")
    record = json.loads(holder["merge_log"][-1])

    def work(tx: CatalogTx) -> SplitResult:
        stale = tx.run("resolve/stale_documents", ids=[record["survivor"]], since=record["at"])
        stale_ids = stale[0]["doc_ids"] if stale else []
        tx.run("resolve/clear_relationships", id=record["survivor"])
        snaps = record["snapshots"]
        tx.run(
            "resolve/restore_entities",
            rows=[{"id": s["id"], "labels": s["labels"], "props": s["props"]} for s in snaps],
        )
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for s in snaps:
            for rel in s["rels"]:
                key = (
                    (s["id"], rel["type"], rel["other"])
                    if rel["dir"] == "out"
                    else (rel["other"], rel["type"], s["id"])
                )
                rows[key] = {"src": key[0], "type": key[1], "dst": key[2], "props": rel["props"]}
        tx.run("resolve/set_relationships", rows=list(rows.values()))
        tx.run("ingest/refresh_entities", ids=[s["id"] for s in snaps])
        return SplitResult(merge_id, [s["id"] for s in snaps], stale_ids)

    return in_transaction(db, work)


def review(
    db: Database | FakeRunner, min_score: float = 0.0, limit: int = 50
) -> dict[str, list[dict[str, Any]]]:
    """Candidates to look at (highest score first) and the merges done so far."""
    merges = []
    for row in db.read("resolve/list_merges", limit=limit):
        for entry in row["merge_log"]:
            rec = json.loads(entry)
            merges.append({k: rec[k] for k in ("merge_id", "survivor", "absorbed", "by", "at", "reason")})
    return {"candidates": db.read("resolve/candidates", min_score=min_score, limit=limit), "merges": merges}
