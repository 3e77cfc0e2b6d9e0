"""Risk score per person / organisation, explained: every point comes from a sentence that names it.

Rules (points in brackets, caps keep one kind of fact from dominating):
* linked to N documents with indicators X, Y ........ 2 per document, at most 10 — only for a business or an
  entity with a suspect role, act or shared identifier (a relative, a reporter, an unrecognised official or a
  tagger's ORG fragment earns nothing by standing near indicators: rank is earned by what the text says)
* charged, arrested or convicted in "<sentence>" ..... 6 (Role Accused, from the sentence context)
* has perpetrator role(s) Recruiter, Exploiter ....... 4 per role, at most 12
* recruited / transported / controlled N persons ..... 2 per person, at most 10
* broker between communities A and B ................. 5 when in the top 10 by betweenness, else 2
* shares <identifier> with <role> <name> ............. 3 each, at most 9
* uses account <a> with money red flag <f>: <why> ..... 4 per flag, at most 8 (LANTERN_MONEY_RISK_POINTS_*;
  the reason names the transfers behind the flag: graph/money/flags.py)
A person recorded only as a victim or witness (no perpetrator role, accusation or acts), and an official
(prosecutor, judge, police, spokesperson) who is not accused, is not scored: score 0 with the sentence.
Role and act reasons quote the sentence that justifies them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.analytics.networks import NodeResults
from graph.analytics.options import PERPETRATOR_ROLES, AnalysisOptions
from graph.db import Runner
from graph.ingest.office import ACCUSED, OFFICIAL
from graph.money.settings import MoneySettings
from graph.resolve_keys import is_business
from ontology.names import R

ACT_VERBS = {R.RECRUITED: "recruited", R.TRANSPORTED: "transported", R.CONTROLLED: "controlled"}
NOT_SUSPECT_ROLES = frozenset({"Victim", "Witness"})
ACCUSED_POINTS = 6
QUOTE_MAX = 160
SCORED_KINDS_QUERY_BATCH = 1000


SCALE = (
    (
        "documents with trafficking indicators",
        "2 per document, at most 10 (only for a business or a suspect)",
        10,
    ),
    ("charged, arrested or convicted", "6", ACCUSED_POINTS),
    (
        "perpetrator role (recruiter, transporter, exploiter, harbourer, financier, facilitator)",
        "4 per role, at most 12",
        12,
    ),
    ("persons recruited, transported or controlled", "2 per person, at most 10", 10),
    ("broker between communities", "5 in the top 10 by betweenness, else 2", 5),
    ("identifier shared with a suspect", "3 each, at most 9", 9),
    (
        "money red flag on an account the entity uses",
        f"{MoneySettings().risk_points_per_flag} per flag, at most {MoneySettings().risk_points_max}",
        MoneySettings().risk_points_max,
    ),
)
"""What each point of a risk score stands for: (fact, points, most points); the score is their sum."""
MAX_SCORE = sum(most for _, _, most in SCALE)


def scale_text() -> str:
    """The scale in one paragraph, for the API schema, the page and the docs."""
    rules = "; ".join(f"{fact}: {points}" for fact, points, _ in SCALE)
    return (
        f"A sum of points, 0 to {MAX_SCORE}, each from a fact a document states (riskReasons quotes it): "
        f"{rules}. "
        "0 = nothing stated against the entity (a victim, a witness or an official is not scored). A rank "
        "within one graph, not a probability: compare scores, read the reasons."
    )


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


def _quote(sentences: list[str] | None) -> str:
    """' in "<first sentence>"' for a reason (shortened), or '' when no sentence was recorded."""
    first = next((x.strip() for x in sentences or [] if x and x.strip()), "")
    if not first:
        return ""
    first = " ".join(first.split())
    return f' in "{first[: QUOTE_MAX - 1]}…"' if len(first) > QUOTE_MAX else f' in "{first}"'


def _evidence(facts: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in facts.get("role_evidence") or []:
        if item and item.get("role"):
            out.setdefault(item["role"], []).extend(item.get("evidence") or [])
    return out


def score_entity(
    facts: dict[str, Any],
    shared: list[dict[str, Any]],
    broker: tuple[int, list[int]] | None,
    money: list[dict[str, Any]] | None = None,
    money_settings: MoneySettings | None = None,
) -> Risk:
    """One entity's score from its facts; `broker` = (betweenness rank, communities bridged) or None;
    `money` = the flagged accounts it uses (`analysis/risk_money_flags` rows)."""
    risk = Risk(id=facts["id"], name=facts.get("name") or facts["id"])
    all_roles = set(facts.get("roles") or [])
    evidence = _evidence(facts)
    roles = sorted(r for r in all_roles if r in PERPETRATOR_ROLES)
    accused = ACCUSED in all_roles
    acts = {a["type"]: a for a in facts.get("acts") or [] if a["type"] in ACT_VERBS}
    suspect = bool(roles or acts or accused)
    if not suspect and OFFICIAL in all_roles:
        risk.reasons.append(
            "official in the process (prosecutor, judge, police, spokesperson)"
            f"{_quote(evidence.get(OFFICIAL))}: not scored as a suspect"
        )
        return risk
    if not suspect and (facts.get("victim_links") or all_roles & NOT_SUSPECT_ROLES):
        which = "a witness" if all_roles == {"Witness"} else "a victim"
        quote = _quote(evidence.get("Victim") or evidence.get("Witness"))
        risk.reasons.append(
            f"recorded as {which} (recruited, transported or controlled by others){quote}: not scored"
        )
        return risk
    n_docs = int(facts.get("indicator_docs") or 0)
    if n_docs:
        inds = ", ".join(sorted(facts.get("indicators") or []))
        if suspect or shared or is_business(facts.get("kind") or ""):
            risk.add(min(2 * n_docs, 10), f"linked to {_plural(n_docs, 'document')} with indicators {inds}")
        else:
            risk.reasons.append(
                f"mentioned in {_plural(n_docs, 'document')} with indicators {inds}, but no suspect role, "
                "act or shared identifier recorded: not scored for them"
            )
    if accused:
        risk.add(ACCUSED_POINTS, f"charged, arrested or convicted{_quote(evidence.get(ACCUSED))}")
    if roles:
        quote = _quote([x for r in roles for x in evidence.get(r, [])])
        risk.add(min(4 * len(roles), 12), f"has perpetrator role {', '.join(roles)}{quote}")
    for act, a in sorted(acts.items()):
        n = int(a["count"])
        risk.add(
            min(2 * n, 10), f"{ACT_VERBS[act]} {_plural(n, 'person')}{_quote([a.get('evidence') or ''])}"
        )
    if broker:
        rank, comms = broker
        names = ", ".join(str(c) for c in comms[:-1]) + f" and {comms[-1]}"
        risk.add(5 if rank <= 10 else 2, f"broker between communities {names} (betweenness rank {rank})")
    for s in shared[:3]:
        kind = (s.get("identifier_kind") or "identifier").lower()
        role = ", ".join(r.lower() for r in sorted(s.get("other_roles") or []))
        risk.add(3, f"shares {kind} {s['identifier']} with {role} {s['other']}")
    _money_reasons(risk, money or [], money_settings or MoneySettings())
    if not risk.reasons:
        risk.reasons.append("no indicators, perpetrator roles, acts or shared identifiers recorded")
    return risk


def _money_reasons(risk: Risk, money: list[dict[str, Any]], s: MoneySettings) -> None:
    """Points per money red flag on an account the entity uses, capped; one reason per flag, in words."""
    budget = s.risk_points_max
    for row in money:
        kind = (row.get("kind") or "account").lower()
        for reason in row.get("reasons") or []:
            points = min(s.risk_points_per_flag, budget)
            budget -= points
            sentence = f"uses {kind} {row['account']} with {reason}"
            if points > 0:
                risk.add(points, sentence)
            else:
                risk.reasons.append(
                    f"{sentence} (no more points: money flags are capped at {s.risk_points_max})"
                )


def betweenness_ranks(res: NodeResults) -> dict[str, int]:
    positive = sorted(((-v, k) for k, v in res.betweenness.items() if v > 0))
    return {k: i + 1 for i, (_, k) in enumerate(positive)}


def run_risk(db: Runner, res: NodeResults, opts: AnalysisOptions, run_id: str) -> list[Risk]:
    """Score every person / organisation in the networks and write risk_score + risk_reasons."""
    ids = sorted(res.network)
    ranks = betweenness_ranks(res)
    money_settings = MoneySettings()
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
        money: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in db.read("analysis/risk_money_flags", ids=batch):
            money[r["id"]].append(r)
        risks += [
            score_entity(f, shared.get(f["id"], []), bridges.get(f["id"]), money.get(f["id"]), money_settings)
            for f in facts
        ]
    rows = [{"id": r.id, "risk_score": r.score, "risk_reasons": r.reasons} for r in risks]
    for i in range(0, len(rows), opts.write_batch_size):
        db.write("analysis/write_risk", run_id=run_id, rows=rows[i : i + opts.write_batch_size])
    return sorted(risks, key=lambda r: (-r.score, r.name))
