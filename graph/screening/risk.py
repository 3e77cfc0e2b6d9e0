"""A screening hit's risk band and its reasons, from the graph's analytics — never its evidence.

The band reads the risk score analytics wrote (graph/analytics/risk.py) on the persons and
organisations behind a hit (the hit itself, or those that use the identifier), their trafficking roles
and the indicator types of the documents that mention them (`screening/hit_context`). Reasons are
counts and category names only: no sentence, document, name or other identifier leaves the hub.

| band   | when                                                                     |
|--------|--------------------------------------------------------------------------|
| high   | a risk score ≥ :data:`HIGH_SCORE`, or an accused/perpetrator role with indicators |
| medium | a risk score ≥ :data:`MEDIUM_SCORE`, or a perpetrator role               |
| low    | held by the hub with nothing above (victims, witnesses, unscored)        |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.analytics.options import PERPETRATOR_ROLES

HIGH_SCORE = 10.0
MEDIUM_SCORE = 4.0
ACCUSED_ROLE = "Accused"


@dataclass(frozen=True)
class RiskBand:
    band: str
    reasons: list[str]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def risk_band(context: dict[str, Any] | None) -> RiskBand:
    """The band and reasons of one hit from its `screening/hit_context` row."""
    if not context:
        return RiskBand("low", ["held by the hub; no linked person or organisation was found"])
    subjects = context.get("subjects") or []
    scores = [float(s["risk_score"]) for s in subjects if s.get("risk_score") is not None]
    roles = sorted({r for s in subjects for r in s.get("roles") or []})
    suspect = sorted(r for r in roles if r in PERPETRATOR_ROLES or r == ACCUSED_ROLE)
    indicators = sorted({i for s in subjects for i in s.get("indicators") or []})
    top = max(scores, default=0.0)
    reasons = [f"linked to {_plural(len(subjects), 'person or organisation')} in the hub's graph"]
    if scores:
        reasons.append(f"highest risk score from the hub's analytics: {top:g}")
    else:
        reasons.append("no risk score from the hub's analytics yet")
    if suspect:
        reasons.append(f"trafficking roles recorded: {', '.join(suspect)}")
    if indicators:
        reasons.append(f"documents with trafficking indicators: {', '.join(indicators)}")
    docs = int(context.get("doc_count") or 0)
    if docs:
        reasons.append(f"named in {_plural(docs, 'document')}")
    if top >= HIGH_SCORE or (suspect and indicators):
        band = "high"
    elif top >= MEDIUM_SCORE or suspect:
        band = "medium"
    else:
        band = "low"
    return RiskBand(band, reasons)
