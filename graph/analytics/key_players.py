"""Where the planted key players rank by risk: the seed's brokers and each network's recruiter.

Rank is competition ranking over every scored person / organisation (1 + the number scored strictly
higher), so ties share a rank. A name held by several entities (namesakes, unresolved duplicates) takes
its best-ranked entity; a key player no entity names is listed as not found (rank None).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from graph.db import Runner
from ontology.names import C


@dataclass
class KeyPlayerRank:
    name: str
    why: str
    """'broker of N1, N7' or 'recruiter of N1'."""
    rank: int | None
    score: float | None
    entity_id: str | None
    reasons: list[str] = field(default_factory=list)


def planted_key_players(truth: dict) -> list[tuple[str, str]]:
    """(name, why) for every broker and every network's recruiter of a ground-truth file."""
    out = [(b["name"], f"broker of {', '.join(b.get('links') or [])}") for b in truth.get("brokers") or []]
    for net in truth.get("networks") or []:
        for m in net.get("members") or []:
            if m.get("type") == C.Person and "Recruiter" in (m.get("roles") or []):
                out.append((m["value"], f"recruiter of {net['id']}"))
    return out


def rank_key_players(db: Runner, truth_path: Path) -> tuple[list[KeyPlayerRank], int]:
    """Ranks of the planted key players and the number of scored entities."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    rows = db.read("analysis/risk_ranking")
    scores = sorted((float(r["score"]) for r in rows), reverse=True)
    by_name: dict[str, dict] = {}
    for r in rows:  # highest score first: the first entity of a name is its best
        by_name.setdefault(str(r["name"] or "").casefold(), r)
    out = []
    for name, why in planted_key_players(truth):
        hit = by_name.get(name.casefold())
        if hit is None:
            out.append(KeyPlayerRank(name, why, None, None, None))
            continue
        score = float(hit["score"])
        rank = 1 + sum(1 for s in scores if s > score)
        out.append(KeyPlayerRank(name, why, rank, score, hit["id"], list(hit["reasons"])))
    return out, len(rows)
