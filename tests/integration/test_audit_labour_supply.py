"""Labour supply in the audit: a client is exposed through a front that supplied its workers, and a
legitimate labour provider creates no exposure (neither for itself nor for its client)."""

from __future__ import annotations

from extraction.models import EntityMention, ExtractionResult, RelationMention
from graph import privacy as masking
from graph.audit import audit_suppliers
from graph.audit.suppliers import Supplier
from graph.db import Database
from graph.ingest import ingest_results


def _doc(
    doc_id: str, text: str, ents: list[tuple[str, str]], supply: tuple[int, int] | None
) -> ExtractionResult:
    mentions = []
    for n, (kind, name) in enumerate(ents, start=1):
        start = text.index(name)
        end = start + len(name)
        mentions.append(
            EntityMention(id=f"e{n}", type=kind, text=name, start=start, end=end, value=name, confidence=0.85)
        )
    relations = []
    if supply:
        relations.append(
            RelationMention(
                id="r1", type="SUPPLIED_LABOUR_TO", source=f"e{supply[0]}", target=f"e{supply[1]}",
                start=0, end=len(text), confidence=0.65, snippet=text,
            )
        )  # fmt: skip
    return ExtractionResult(id=doc_id, text=text, entities=mentions, relations=relations)


DOCS = [
    _doc(
        "ls-legit",
        "Brightwork Staffing Ltd supplied agency workers to Kestrel Growers Ltd for the harvest.",
        [("EmploymentAgency", "Brightwork Staffing Ltd"), ("Business", "Kestrel Growers Ltd")],
        (1, 2),
    ),
    _doc(
        "ls-raid",
        "Police raided the premises of Redmarsh Labour Ltd. Officers found 9 people in a caravan.",
        [("FrontBusiness", "Redmarsh Labour Ltd")],
        None,
    ),
    _doc(
        "ls-front",
        "Redmarsh Labour Ltd supplied pickers to Fenwick Farms Ltd last summer.",
        [("EmploymentAgency", "Redmarsh Labour Ltd"), ("Business", "Fenwick Farms Ltd")],
        (1, 2),
    ),
]


def test_front_supplier_exposes_its_client_and_a_legitimate_provider_does_not(db: Database) -> None:
    assert not ingest_results(db, DOCS, batch_size=1).failed
    masking.configure("labour-supply-test")
    names = ["Kestrel Growers Ltd", "Brightwork Staffing Ltd", "Fenwick Farms Ltd"]
    suppliers = [Supplier(row=i + 2, supplier_id=f"S-{i}", name=n) for i, n in enumerate(names)]
    report = audit_suppliers(db, suppliers, [], max_hops=3, role="admin")
    by = {r.name: r for r in report.results}
    assert by["Kestrel Growers Ltd"].status == "matched, no exposure found"
    assert by["Brightwork Staffing Ltd"].status == "matched, no exposure found"
    fenwick = by["Fenwick Farms Ltd"]
    assert fenwick.status == "exposed" and fenwick.rank == 1
    best = fenwick.paths[0]
    assert [(n.name, n.kind) for n in best.nodes] == [
        ("Fenwick Farms Ltd", "Business"),
        ("Redmarsh Labour Ltd", "FrontBusiness"),
    ]
    assert [(h.type, h.doc_ids) for h in best.hops] == [("SUPPLIED_LABOUR_TO", ["ls-front"])]
    assert best.reasons == ["front business"]
