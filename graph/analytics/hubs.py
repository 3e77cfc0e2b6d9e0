"""Hub handling: institutions and generic places that appear everywhere must not glue cases together.

Rules, all configurable (see `AnalysisOptions`): an ontology class that never links cases
(Authority, NGO, Country, Region, City by default), a generic platform name (WhatsApp, Telegram, ...
— extraction sometimes tags them as organisations), an anonymised placeholder ("Jane Doe 1"), and
frequency — an entity mentioned in more than
`hub_max_doc_fraction` of the documents (at least `hub_min_docs`) or with more than `hub_max_degree`
typed links. Hubs are left out of the projection and reported with the reason.
"""

from __future__ import annotations

from graph.analytics.options import AnalysisOptions
from graph.analytics.summary import Hub
from graph.db import Runner


def hub_reason(row: dict[str, object], opts: AnalysisOptions) -> str:
    classes = list(row.get("classes") or [])  # type: ignore[call-overload]
    docs = int(row.get("docs") or 0)  # type: ignore[call-overload]
    total = int(row.get("total_docs") or 0)  # type: ignore[call-overload]
    degree = int(row.get("degree") or 0)  # type: ignore[call-overload]
    reasons = []
    if classes:
        reasons.append(f"class {', '.join(classes)} never links cases")
    if row.get("platform"):
        reasons.append("generic platform or service")
    if row.get("placeholder"):
        reasons.append("anonymised placeholder name, not one person across cases")
    if docs >= opts.hub_min_docs and total and docs / total > opts.hub_max_doc_fraction:
        reasons.append(
            f"mentioned in {docs} of {total} documents ({docs / total:.0%} > {opts.hub_max_doc_fraction:.0%})"
        )
    if degree > opts.hub_max_degree:
        reasons.append(f"{degree} typed links (> {opts.hub_max_degree})")
    return "; ".join(reasons)


def find_hubs(db: Runner, opts: AnalysisOptions) -> list[Hub]:
    rows = db.read(
        "analysis/hub_candidates",
        node_labels=opts.network_labels,
        exclude_labels=opts.hub_exclude_labels,
        min_docs=opts.hub_min_docs,
        max_doc_fraction=opts.hub_max_doc_fraction,
        max_degree=opts.hub_max_degree,
        names=[n.lower() for n in opts.hub_names],
        patterns=opts.hub_name_patterns,
    )
    return [
        Hub(
            id=r["id"],
            name=r.get("name") or r["id"],
            kind=r.get("kind") or "",
            docs=int(r.get("docs") or 0),
            degree=int(r.get("degree") or 0),
            reason=hub_reason(r, opts),
        )
        for r in rows
    ]


def excluded_ids(hubs: list[Hub]) -> list[str]:
    """Hub ids the projection leaves out (class hubs are also left out by label)."""
    return [h.id for h in hubs]
