"""A business one document calls an EmploymentAgency and another shows as a front ends up with kind
FrontBusiness (and both labels) whatever order the documents are ingested in, in one batch or several."""

from __future__ import annotations

import pytest

from extraction.models import EntityMention, ExtractionResult
from graph.db import Database
from graph.ingest import ingest_results
from graph.library import run_library_query

NAME = "Brightwork Staffing Ltd"


def _doc(doc_id: str, kind: str, text: str) -> ExtractionResult:
    start = text.index(NAME)
    mention = EntityMention(
        id="e1", type=kind, text=NAME, start=start, end=start + len(NAME), value=NAME, confidence=0.85
    )
    return ExtractionResult(id=doc_id, text=text, entities=[mention])


AD = _doc("kind-ad", "EmploymentAgency", f"{NAME} is recruiting pickers for the summer. Apply now.")
RAID = _doc("kind-raid", "FrontBusiness", f"Police raided the premises of {NAME}. Officers found 9 people.")


@pytest.mark.parametrize(
    ("order", "batch_size"),
    [((AD, RAID), 1), ((RAID, AD), 1), ((AD, RAID), 10), ((RAID, AD), 10)],
    ids=["agency-first-2-batches", "front-first-2-batches", "agency-first-1-batch", "front-first-1-batch"],
)
def test_front_business_kind_wins_over_a_sibling_kind(
    db: Database, order: tuple[ExtractionResult, ...], batch_size: int
) -> None:
    summary = ingest_results(db, list(order), batch_size=batch_size)
    assert not summary.failed
    hits = run_library_query(db, "search_entities", {"q": '"Brightwork Staffing"', "limit": 5})
    assert [(h["name"], h["kind"]) for h in hits] == [(NAME, "FrontBusiness")]
    entity = db.read("api/entity", id=hits[0]["id"])[0]["entity"]
    assert {"Business", "EmploymentAgency", "FrontBusiness"} <= set(entity["labels"])  # every class kept
