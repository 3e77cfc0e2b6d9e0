"""Scores of an analysis against role-labelled gold (`lantern evaluate analysis`), per office. Pure functions.

A graph node is labelled from the gold mentions its own mentions overlap (raw-file offsets): `charged`,
`business`, `official`, `victim`, `witness`, `other`, `agency`, `place`, `identifier`, or `boilerplate` when
no gold mention matches (page furniture, headlines, contact blocks, non-entities). Figures per office:
risk precision@25 (charged people or businesses), recall of charged people in the top 50, officials and
boilerplate in the top 50, officials with any risk score (officials as suspects) or inside a linked network,
Person nodes per distinct official name (other nodes on an official's name listed apart), and networks that
join unrelated releases (two releases are related when they share a charged person by normalised name).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ontology.names import C

POSITIVE = ("charged", "business")
BAD = ("official", "boilerplate")
PRIORITY = ("charged", "business", "official", "victim", "witness", "other", "agency", "place", "identifier")
GOLD_KIND = {C.Business: "business", C.Authority: "agency", C.Organization: "agency", C.Location: "place",
             C.Phone: "identifier", C.Email: "identifier"}  # fmt: skip
TOP_PRECISION, TOP_RECALL = 25, 50


def norm_name(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower())).strip()


@dataclass
class GoldEntity:
    doc: str
    type: str
    role: str | None
    name: str
    spans: list[tuple[int, int]]


@dataclass
class NodeView:
    id: str
    kind: str
    name: str
    risk_score: float | None
    network_id: int | None
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    """(document, raw start, raw end); spans that did not align are left out."""
    label: str = "boilerplate"
    gold: list[GoldEntity] = field(default_factory=list)


@dataclass
class OfficeScore:
    office: str
    documents: int = 0
    ranked: int = 0
    precision_at_25: float = 0.0
    charged_recall_at_50: float = 0.0
    charged_names: int = 0
    bad_in_top_50: list[str] = field(default_factory=list)
    official_names: int = 0
    official_nodes: int = 0
    official_worst: str = ""
    official_fragments: list[str] = field(default_factory=list)
    """Nodes of another class on an official's name ("Teare Administration" as an organisation, "Burke" as a
    city): extraction errors, not counted as persons of that official."""
    officials_as_suspects: list[str] = field(default_factory=list)
    """Nodes labelled official with a risk score above 0 (anywhere in the ranking, not only the top 50)."""
    officials_in_networks: list[str] = field(default_factory=list)
    """Nodes labelled official inside a linked network (one with another node of the office)."""
    networks_joining_unrelated: int = 0
    releases_joined: int = 0
    """Releases that share a network with an unrelated release."""
    unrelated_links: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)

    @property
    def persons_per_official(self) -> float:
        return self.official_nodes / self.official_names if self.official_names else 1.0

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["persons_per_official"] = round(self.persons_per_official, 3)
        return out


def label_node(node: NodeView, gold_by_doc: dict[str, list[GoldEntity]]) -> None:
    """Attach the gold entities the node's mentions overlap, and its label (highest in PRIORITY)."""
    labels = set()
    for doc, start, end in node.mentions:
        for ent in gold_by_doc.get(doc, []):
            if any(start < e and end > s for s, e in ent.spans):
                if ent not in node.gold:
                    node.gold.append(ent)
                labels.add(
                    (ent.role or "other") if ent.type == C.Person else GOLD_KIND.get(ent.type, "other")
                )
    node.label = next((p for p in PRIORITY if p in labels), "boilerplate")


def rank(nodes: list[NodeView]) -> list[NodeView]:
    scored = [n for n in nodes if n.risk_score is not None and n.risk_score > 0]
    return sorted(scored, key=lambda n: (-float(n.risk_score or 0), n.name, n.id))


def _related_groups(docs: set[str], charged_by_doc: dict[str, set[str]]) -> list[set[str]]:
    groups: list[set[str]] = []
    for doc in sorted(docs):
        joined = [
            g for g in groups if any(charged_by_doc.get(doc, set()) & charged_by_doc.get(o, set()) for o in g)
        ]
        merged = {doc}.union(*joined) if joined else {doc}
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def score_office(office: str, nodes: list[NodeView], gold: list[GoldEntity], documents: int) -> OfficeScore:
    """Every figure for one office; `nodes` are the graph entities mentioned in its documents (labelled)."""
    out = OfficeScore(office=office, documents=documents)
    ranked = rank(nodes)
    out.ranked = len(ranked)
    top25, top50 = ranked[:TOP_PRECISION], ranked[:TOP_RECALL]
    out.top = [f"{n.name} [{n.kind}, {n.label}] {n.risk_score}" for n in top25]
    if top25:
        out.precision_at_25 = sum(n.label in POSITIVE for n in top25) / len(top25)
    charged = {g.name for g in gold if g.type == C.Person and g.role == "charged"}
    out.charged_names = len(charged)
    found = {g.name for n in top50 for g in n.gold if g.type == C.Person and g.role == "charged"}
    out.charged_recall_at_50 = len(found & charged) / len(charged) if charged else 1.0
    out.bad_in_top_50 = [f"{n.name} ({n.label})" for n in top50 if n.label in BAD]
    officials: dict[str, set[str]] = defaultdict(set)
    for n in nodes:
        for g in n.gold:
            if g.type == C.Person and g.role == "official":
                if n.kind == C.Person:
                    officials[g.name].add(n.id)
                elif f"{n.name} ({n.kind})" not in out.official_fragments:
                    out.official_fragments.append(f"{n.name} ({n.kind})")
    out.official_names = len(officials)
    out.official_nodes = sum(len(v) for v in officials.values())
    if officials:
        worst = max(officials, key=lambda k: (len(officials[k]), k))
        out.official_worst = f"{worst}: {len(officials[worst])} nodes"
    out.officials_as_suspects = [
        f"{n.name} (risk {float(n.risk_score or 0):g})" for n in ranked if n.label == "official"
    ]
    sizes = Counter(int(n.network_id) for n in nodes if n.network_id is not None)
    out.officials_in_networks = [
        f"{n.name} (network {n.network_id})"
        for n in nodes
        if n.label == "official" and n.network_id is not None and sizes[int(n.network_id)] >= 2
    ]
    charged_by_doc: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        if g.type == C.Person and g.role == "charged":
            charged_by_doc[g.doc].add(g.name)
    by_network: dict[int, list[NodeView]] = defaultdict(list)
    for n in nodes:
        if n.network_id is not None:
            by_network[int(n.network_id)].append(n)
    joined: set[str] = set()
    for net, members in sorted(by_network.items()):
        if len(members) < 2:
            continue  # an entity linked to nothing is not a network, however many releases mention it
        docs = {d for n in members for d, _, _ in n.mentions}
        groups = _related_groups(docs, charged_by_doc)
        if len(groups) < 2:
            continue
        out.networks_joining_unrelated += 1
        joined |= docs
        for n in members:
            spans = sum(1 for g in groups if g & {d for d, _, _ in n.mentions})
            if spans >= 2:
                out.unrelated_links.append(
                    f"network {net}: {n.name} ({n.kind}, {n.label}) joins {spans} cases"
                )
    out.releases_joined = len(joined)
    return out


def worst(scores: list[OfficeScore]) -> OfficeScore | None:
    """The office with the lowest precision@25 (ties: most bad entries in the top 50)."""
    return min(scores, key=lambda s: (s.precision_at_25, -len(s.bad_in_top_50), s.office), default=None)
