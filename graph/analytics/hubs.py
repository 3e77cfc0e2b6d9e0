"""Hub handling: institutions and generic places that appear everywhere must not glue cases together.

Rules, all configurable (see `AnalysisOptions`): an ontology class that never links cases
(Authority, NGO, Country, Region, City by default), a generic platform name (WhatsApp, Telegram, ...
— extraction sometimes tags them as organisations), an anonymised placeholder ("Jane Doe 1"), and
frequency — an entity mentioned in more than
`hub_max_doc_fraction` of the documents (at least `hub_min_docs`) or with more than `hub_max_degree`
typed links. Hubs are left out of the projection and reported with the reason.

Per source (`source_hubs`): an identifier, organisation or person without a suspect role that recurs in
unrelated documents of one source (office) is a hub of that source — a press line, a hotline, a press
contact, the office itself, a platform — when it recurs in `hub_source_min_unrelated` (2) unrelated documents
and nobody but officials and agencies is linked to it (uses, owns, works for, lives at): a number a person or
a business uses is evidence wherever it recurs (the seed's planted phones recur across one board's adverts
of different people). Documents are related when they mention a common person with a suspect role.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.analytics.options import AnalysisOptions
from graph.analytics.summary import Hub
from graph.db import Runner
from graph.ingest.office import ACCUSED, OFFICIAL, SUSPECT_ROLES, office_of


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
    if row.get("official"):
        reasons.append("official in the process (prosecutor, judge, police, spokesperson): never links cases")
    if row.get("contact"):
        reasons.append("contact line of an agency or official (or a government domain): never links cases")
    if row.get("street"):
        reasons.append("a street, not an address (no number): never links cases")
    if docs >= opts.hub_min_docs and total and docs / total > opts.hub_max_doc_fraction:
        reasons.append(
            f"mentioned in {docs} of {total} documents ({docs / total:.0%} > {opts.hub_max_doc_fraction:.0%})"
        )
    if degree > opts.hub_max_degree:
        reasons.append(f"{degree} typed links (> {opts.hub_max_degree})")
    return "; ".join(reasons)


def unrelated_groups(doc_persons: dict[str, set[str]]) -> int:
    """How many groups of related documents there are (documents sharing a person are related)."""
    parent = {d: d for d in doc_persons}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    holder: dict[str, str] = {}
    for doc in sorted(doc_persons):
        for p in doc_persons[doc]:
            if p in holder:
                parent[find(doc)] = find(holder[p])
            else:
                holder[p] = doc
    return len({find(d) for d in doc_persons})


def source_hubs(rows: list[dict[str, Any]], opts: AnalysisOptions) -> list[Hub]:
    """Hubs by recurrence in unrelated documents of one source (rows of analysis/source_hub_candidates)."""
    docs: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(dict))
    names: dict[str, dict[str, Any]] = {}
    held: set[str] = set()
    if opts.hub_source_min_unrelated <= 0:
        return []
    for r in rows:
        if r.get("held"):
            held.add(r["id"])
        office = office_of(r.get("source")) or ""
        docs[r["id"]][office][r["doc_id"]] = set(r.get("persons") or [])
        names[r["id"]] = r
    hubs = []
    for eid in sorted(docs):
        found = []
        if eid in held:
            continue  # a number a person or business uses links its documents: evidence, not a hotline
        for office, by_doc in sorted(docs[eid].items()):
            groups = unrelated_groups(by_doc) if office else 0
            if groups >= opts.hub_source_min_unrelated:
                found.append(f"recurs in {groups} unrelated documents of source {office}")
        if found:
            r = names[eid]
            total = sum(len(d) for d in docs[eid].values())
            hubs.append(
                Hub(id=eid, name=r.get("name") or eid, kind=r.get("kind") or "", docs=total, degree=0,
                    reason="; ".join(found))
            )  # fmt: skip
    return hubs


def find_hubs(db: Runner, opts: AnalysisOptions) -> list[Hub]:
    hubs = _global_hubs(db, opts)
    if opts.hub_source_min_unrelated > 0:
        rows = db.read(
            "analysis/source_hub_candidates",
            node_labels=opts.network_labels,
            min_docs=opts.hub_source_min_unrelated,
            case_roles=sorted(SUSPECT_ROLES),
            official_role=OFFICIAL,
        )
        known = {h.id: h for h in hubs}
        for hub in source_hubs(rows, opts):
            if hub.id in known:
                known[hub.id].reason = f"{known[hub.id].reason}; {hub.reason}"
            else:
                hubs.append(hub)
    return hubs


def _global_hubs(db: Runner, opts: AnalysisOptions) -> list[Hub]:
    rows = db.read(
        "analysis/hub_candidates",
        node_labels=opts.network_labels,
        exclude_labels=opts.hub_exclude_labels,
        min_docs=opts.hub_min_docs,
        max_doc_fraction=opts.hub_max_doc_fraction,
        max_degree=opts.hub_max_degree,
        names=[n.lower() for n in opts.hub_names],
        patterns=opts.hub_name_patterns,
        official_role=OFFICIAL,
        accused_role=ACCUSED,
        context=opts.hub_context,
        agency_domain=opts.hub_agency_domain,
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
