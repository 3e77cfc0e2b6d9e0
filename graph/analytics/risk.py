"""Risk score per person / organisation, explained: every point comes from a sentence that names it.

Rules (points in brackets, caps keep one kind of fact from dominating):
* linked to N documents with indicators X, Y ........ 2 per document, at most 10
* has perpetrator role(s) Recruiter, Exploiter ....... 4 per role, at most 12
* recruited / transported / controlled N persons ..... 2 per person, at most 10
* broker between communities A and B ................. 5 when in the top 10 by betweenness, else 2
* shares <identifier> with <role> <name> ............. 3 each, at most 9
A person recorded only as a victim (recruited/transported/controlled by others, no perpetrator role
or acts) is not scored: score 0 with that sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.analytics.networks import NodeResults
from graph.analytics.options import PERPETRATOR_ROLES, AnalysisOptions
from graph.db import Runner

ACT_VERBS = {"RECRUITED": "recruited", "TRANSPORTED": "transported", "CONTROLLED": "controlled"}
SCORED_KINDS_QUERY_BATCH = 1000


@dataclass
class Risk:
    id: str
    name: str
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: int, sentence: str) -> None:
        if points > 0:
            self.score += points
            self.reasons.append(f"{sentence} (+{points})")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def score_entity(
    facts: dict[str, Any],
    shared: list[dict[str, Any]],
    broker: tuple[int, list[int]] | None,
) -> Risk:
    """One entity's score from its facts; `broker` = (betweenness rank, communities bridged) or None."""
    risk = Risk(id=facts["id"], name=facts.get("name") or facts["id"])
    roles = sorted(r for r in facts.get("roles") or [] if r in PERPETRATOR_ROLES)
    acts = {a["type"]: int(a["count"]) for a in facts.get("acts") or [] if a["type"] in ACT_VERBS}
    if not roles and not acts and (facts.get("victim_links") or "Victim" in (facts.get("roles") or [])):
        risk.reasons.append(
            "recorded as a victim (recruited, transported or controlled by others): not scored"
        )
        return risk
    n_docs = int(facts.get("indicator_docs") or 0)
    if n_docs:
        inds = ", ".join(sorted(facts.get("indicators") or []))
        risk.add(min(2 * n_docs, 10), f"linked to {_plural(n_docs, 'document')} with indicators {inds}")
    if roles:
        risk.add(min(4 * len(roles), 12), f"has perpetrator role {', '.join(roles)}")
    for act, n in sorted(acts.items()):
        risk.add(min(2 * n, 10), f"{ACT_VERBS[act]} {_plural(n, 'person')}")
    if broker:
        rank, comms = broker
        names = ", ".join(str(c) for c in comms[:-1]) + f" and {comms[-1]}"
        risk.add(5 if rank <= 10 else 2, f"broker between communities {names} (betweenness rank {rank})")
    for s in shared[:3]:
        kind = (s.get("identifier_kind") or "identifier").lower()
        role = ", ".join(r.lower() for r in sorted(s.get("other_roles") or []))
        risk.add(3, f"shares {kind} {s['identifier']} with {role} {s['other']}")
    if not risk.reasons:
        risk.reasons.append("no indicators, perpetrator roles, acts or shared identifiers recorded")
    return risk


def betweenness_ranks(res: NodeResults) -> dict[str, int]:
    positive = sorted(((-v, k) for k, v in res.betweenness.items() if v > 0))
    return {k: i + 1 for i, (_, k) in enumerate(positive)}


def run_risk(db: Runner, res: NodeResults, opts: AnalysisOptions, run_id: str) -> list[Risk]:
    """Score every person / organisation in the networks and write risk_score + risk_reasons."""
    ids = sorted(res.network)
    ranks = betweenness_ranks(res)
    risks: list[Risk] = []
    for i in range(0, len(ids), SCORED_KINDS_QUERY_BATCH):
        batch = ids[i : i + SCORED_KINDS_QUERY_BATCH]
        facts = db.read("analysis/risk_facts", ids=batch)
        shared: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in db.read("analysis/risk_shared_identifiers", ids=batch, roles=list(PERPETRATOR_ROLES)):
            shared[r["id"]].append(r)
        ranked = [eid for eid in batch if eid in ranks]
        bridges = {}
        for r in db.read("analysis/neighbour_communities", ids=ranked) if ranked else []:
            if len(r["communities"]) >= 2:
                bridges[r["id"]] = (ranks[r["id"]], list(r["communities"]))
        risks += [score_entity(f, shared.get(f["id"], []), bridges.get(f["id"])) for f in facts]
    rows = [{"id": r.id, "risk_score": r.score, "risk_reasons": r.reasons} for r in risks]
    for i in range(0, len(rows), opts.write_batch_size):
        db.write("analysis/write_risk", run_id=run_id, rows=rows[i : i + opts.write_batch_size])
    return sorted(risks, key=lambda r: (-r.score, r.name))
