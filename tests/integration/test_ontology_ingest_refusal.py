"""Ontology rules at the database boundary: rows with an unknown type or a domain/range violation are
refused with a message naming them; valid rows get exactly the ontology's labels."""

from __future__ import annotations

from extraction.models import ExtractionResult
from extraction.validate import validate_result
from graph.db import Database
from graph.ingest.run import ingest_results
from ontology import load_ontology
from ontology.export_graph import fetch_all
from ontology.schema import apply_schema

TEXT = "Viktor Example used +44 7700 900123 to recruit Anna Example at Sparkle Car Wash."


def _doc(
    doc_id: str, phone_type: str = "Phone", rel_type: str = "USES_PHONE", swap: bool = False
) -> ExtractionResult:
    src, dst = ("e2", "e1") if swap else ("e1", "e2")
    return ExtractionResult.model_validate(
        {
            "id": doc_id,
            "text": TEXT,
            "entities": [
                {"id": "e1", "type": "Person", "text": "Viktor Example", "start": 0, "end": 14,
                 "value": "Viktor Example", "confidence": 0.9},
                {"id": "e2", "type": phone_type, "text": "+44 7700 900123", "start": 20, "end": 35,
                 "value": "+447700900123", "confidence": 0.99},
            ],
            "relations": [
                {"id": "r1", "type": rel_type, "source": src, "target": dst, "start": 0, "end": 80,
                 "confidence": 0.8, "snippet": TEXT},
            ],
        }
    )  # fmt: skip


def test_unknown_type_and_domain_range_violation_are_refused_and_named(db: Database) -> None:
    apply_schema(db)
    docs = [_doc("doc-bad-type", phone_type="Telephone"), _doc("doc-bad-range", swap=True), _doc("doc-ok")]
    # the ontology validator names the offending item...
    assert "entity e2 (Telephone): unknown entity type 'Telephone'" in validate_result(docs[0])[0].message
    assert "USES_PHONE cannot start at Phone" in validate_result(docs[1])[0].message
    # ...and ingest refuses those documents, naming them, while the valid one is written
    summary = ingest_results(db, docs)
    failed = {f.id: f.reason for f in summary.failed}
    assert set(failed) == {"doc-bad-type", "doc-bad-range"}
    assert "Telephone" in failed["doc-bad-type"] and "e2" in failed["doc-bad-type"]
    assert "USES_PHONE" in failed["doc-bad-range"] and "r1" in failed["doc-bad-range"]

    nodes, rels = fetch_all(db)
    ont = load_ontology()
    docs_in_graph = {n["props"]["id"] for n in nodes if "Document" in n["labels"]}
    assert docs_in_graph == {"doc-ok"}
    for n in nodes:  # every label of every node is an ontology graph label
        assert all(ont.is_graph_label(label) for label in n["labels"]), n["labels"]
    phone = next(n for n in nodes if n["props"].get("kind") == "Phone")
    assert sorted(phone["labels"]) == sorted(ont.labels_for("Phone"))
    assert {r["type"] for r in rels} <= set(ont.relationship_types)
    assert "USES_PHONE" in {r["type"] for r in rels}
