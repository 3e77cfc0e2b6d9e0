"""One definition of exposure: GraphQL `businessExposure` (queries/api/business_exposure_paths.cypher) and
`lantern audit` (queries/supplier_audit/exposure_paths.cypher, typed hops) reach the same trafficking-linked
entities, at the same distance, for every business of the API fixture world (docs/design/exposure.md)."""

from __future__ import annotations

import pytest

from graph.db import Database
from tests.integration.test_api_fixtures import api_graph  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")


@pytest.mark.parametrize("min_risk", [None, 0.5])
def test_graphql_and_audit_agree_on_every_business(db: Database, min_risk: float | None) -> None:
    businesses = [
        row["entity"]["id"]
        for name in ("Clean Supplies Co", "Harbour Foods Ltd", "Quiet Bakery Ltd", "Sunrise Staffing Ltd")
        for row in db.read("api/business_lookup", id="", business_name=name)
    ]
    assert len(businesses) == 4
    exposed = 0
    for business in businesses:
        api = db.read(
            "api/business_exposure_paths", id=business, max_hops=3, min_risk=min_risk, limit=100, ev_limit=1
        )
        audit = db.read(
            "supplier_audit/exposure_paths",
            business_id=business,
            max_hops=3,
            risk_threshold=min_risk,
            include_weak=False,
            limit=100,
        )
        api_ends = {(r["target"]["id"], r["hops"]) for r in api}
        audit_ends = {(r["nodes"][-1]["id"], r["hops"]) for r in audit}
        assert api_ends == audit_ends, business
        exposed += bool(api_ends)
    assert exposed >= 2, "the fixture world has exposed businesses"
