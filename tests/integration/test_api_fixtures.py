"""Shared fixtures for the API integration tests: a small fictional corpus ingested with the real
`graph.ingest.ingest_results`, analytics properties, an app with one key per role.

(Fictional: reserved +44 7700 900xxx numbers, example.com addresses, invented people and firms.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from api.graph_access import GraphAccess
from extraction.models import ExtractionResult
from graph.db import Database

ROLES = ("admin", "investigator", "analyst", "auditor")


def _doc(doc_id: str, text: str, ents: list[tuple], rels: list[tuple], **extra: Any) -> ExtractionResult:
    """ents: (local id, type, surface, value, attributes); repeated surfaces match successive occurrences."""
    entities, cursor = [], {}
    for eid, etype, surface, value, attrs in ents:
        start = text.index(surface, cursor.get(surface, 0))
        cursor[surface] = start + 1
        ref = attrs.pop("ref", None) if attrs else None
        entities.append(
            {"id": eid, "type": etype, "text": surface, "start": start, "end": start + len(surface),
             "value": value, "confidence": 0.9, "ref": ref, "attributes": attrs or {}}
        )  # fmt: skip
    by_id = {e["id"]: e for e in entities}
    relations = []
    for n, (rtype, src, tgt) in enumerate(rels):
        s = min(by_id[src]["start"], by_id[tgt]["start"])
        e = max(by_id[src]["end"], by_id[tgt]["end"])
        sent_start = text.rfind(". ", 0, s) + 2 if text.rfind(". ", 0, s) >= 0 else 0
        sent_end = text.find(". ", e) + 1 or len(text)
        relations.append(
            {"id": f"r{n}", "type": rtype, "source": src, "target": tgt, "start": sent_start, "end": sent_end,
             "confidence": 0.8, "snippet": text[sent_start:sent_end]}
        )  # fmt: skip
    return ExtractionResult.model_validate(
        {"id": doc_id, "text": text, "entities": entities, "relations": relations, **extra}
    )


CASE_TEXT = (
    "Viktor Petrov recruited Anna Kowalska in Bucharest with a false job offer from Sunrise Staffing Ltd. "
    "Petrov used the phone +44 7700 900123 and the email viktor.petrov@example.com. "
    "Anna Kowalska was moved from Bucharest to London and exploited at Green Valley Farm."
)
NEWS_TEXT = (
    "Marek Nowak, owner of Clean Supplies Co, answered on 07700 900123. "
    "Clean Supplies Co paid Marek Nowak through account GB33BUKB20201555555555."
)
BAKERY_TEXT = "Quiet Bakery Ltd opened a new shop in Leeds."
SUPPLY_TEXT = "Harbour Foods Ltd took on pickers supplied by Sunrise Staffing Ltd for the harvest."


def corpus() -> list[ExtractionResult]:
    case = _doc(
        "case-001",
        CASE_TEXT,
        [
            ("e1", "Person", "Viktor Petrov", "Viktor Petrov", {"roles": ["Recruiter"]}),
            ("e2", "Person", "Anna Kowalska", "Anna Kowalska", {"roles": ["Victim"]}),
            ("e3", "City", "Bucharest", "Bucharest", {"country_code": "RO"}),
            ("e4", "EmploymentAgency", "Sunrise Staffing Ltd", "Sunrise Staffing Ltd", {}),
            ("e5", "Person", "Petrov", "Viktor Petrov", {"ref": "e1"}),
            ("e6", "Phone", "+44 7700 900123", "+447700900123", {}),
            ("e7", "Email", "viktor.petrov@example.com", "viktor.petrov@example.com", {}),
            ("e8", "Person", "Anna Kowalska", "Anna Kowalska", {"ref": "e2"}),
            ("e9", "City", "Bucharest", "Bucharest", {"country_code": "RO"}),
            ("e10", "City", "London", "London", {"country_code": "GB"}),
            ("e11", "Business", "Green Valley Farm", "Green Valley Farm", {}),
        ],
        [
            ("RECRUITED", "e1", "e2"),
            ("RECRUITED_IN", "e2", "e3"),
            ("WORKS_FOR", "e1", "e4"),
            ("USES_PHONE", "e5", "e6"),
            ("USES_EMAIL", "e5", "e7"),
            ("TRANSPORTED_FROM", "e8", "e9"),
            ("TRANSPORTED_TO", "e8", "e10"),
            ("EXPLOITED_AT", "e8", "e11"),
        ],
        title="Case narrative: Viktor Petrov recruitment ring",
        published="2025-03-01",
        doc_type="CaseNarrative",
        classification={
            "trafficking_types": [{"type": "ForcedLabour", "confidence": 0.9, "spans": []}],
            "indicators": [{"type": "FalseJobOffer", "start": 53, "end": 68, "text": "false job offer"}],
        },
    )
    news = _doc(
        "news-002",
        NEWS_TEXT,
        [
            ("n1", "Person", "Marek Nowak", "Marek Nowak", {}),
            ("n2", "Business", "Clean Supplies Co", "Clean Supplies Co", {}),
            ("n3", "Phone", "07700 900123", "+447700900123", {}),
            ("n4", "Business", "Clean Supplies Co", "Clean Supplies Co", {"ref": "n2"}),
            ("n5", "Person", "Marek Nowak", "Marek Nowak", {"ref": "n1"}),
            ("n6", "BankAccount", "GB33BUKB20201555555555", "GB33BUKB20201555555555", {}),
        ],
        [("OWNS", "n1", "n2"), ("USES_PHONE", "n1", "n3"), ("USES_ACCOUNT", "n4", "n6")],
        title="Supplier owner Marek Nowak questioned",
        published="2025-04-02",
        doc_type="NewsArticle",
    )
    bakery = _doc(
        "news-003",
        BAKERY_TEXT,
        [
            ("b1", "Business", "Quiet Bakery Ltd", "Quiet Bakery Ltd", {}),
            ("b2", "City", "Leeds", "Leeds", {}),
        ],
        [("LOCATED_IN", "b1", "b2")],
        title="New bakery in Leeds",
        published="2025-05-01",
        doc_type="NewsArticle",
    )
    supply = _doc(
        "news-004",
        SUPPLY_TEXT,
        [
            ("s1", "Business", "Harbour Foods Ltd", "Harbour Foods Ltd", {}),
            ("s2", "EmploymentAgency", "Sunrise Staffing Ltd", "Sunrise Staffing Ltd", {}),
        ],
        [("SUPPLIED_LABOUR_TO", "s2", "s1")],
        title="Harbour Foods hires seasonal pickers",
        published="2025-01-15",
        doc_type="NewsArticle",
    )
    return [case, news, bakery, supply]


REASON = "Viktor Petrov recruited a victim; shares phone +447700900123."
ANALYSIS = [
    {"name": "Viktor Petrov",
     "props": {"network_id": 1, "community_id": 10, "pagerank": 0.9, "risk_score": 0.92,
               "risk_reasons": [REASON]}},
    {"name": "Anna Kowalska", "props": {"network_id": 1, "community_id": 10, "pagerank": 0.5}},
    {"name": "Marek Nowak", "props": {"network_id": 1, "community_id": 11, "pagerank": 0.4}},
    {"name": "Sunrise Staffing Ltd", "props": {"network_id": 1, "community_id": 10, "pagerank": 0.3}},
    {"name": "Clean Supplies Co", "props": {"network_id": 1, "community_id": 11, "pagerank": 0.2}},
]  # fmt: skip
RUN = {"id": "run-test-1", "algorithms": ["wcc", "louvain", "pagerank"], "parameters": "{}", "node_count": 12,
       "relationship_count": 11, "started_at": "2025-06-01T00:00:00Z", "duration_ms": 42}  # fmt: skip


def load_corpus(db: Database) -> None:
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    apply_schema(db)  # includes the full-text index `entity_search`, online when it returns
    summary = ingest_results(db, corpus())
    assert not summary.failed, summary.failed
    db.write("api/test_fixture_analysis", rows=ANALYSIS, run=RUN)


@dataclass
class Api:
    app: Any
    client: TestClient
    tokens: dict[str, str]

    def gql(self, role: str | None, query: str, variables: dict[str, Any] | None = None,
                  operation: str | None = None) -> dict[str, Any]:  # fmt: skip
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        body: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation:
            body["operationName"] = operation
        r = self.client.post("/graphql", json=body, headers=headers)
        assert r.status_code == 200, r.text
        return r.json()


def make_app(settings: Settings, state_dir: Path) -> tuple[Any, dict[str, str]]:
    app = create_app(settings.model_copy(update={"state_dir": state_dir}))
    store = app.state.lantern.store
    return app, {role: create_key(store, f"test-{role}", role) for role in ROLES}


@pytest.fixture()
def api_graph(db: Database) -> Database:
    load_corpus(db)
    return db


def graph_objects(value: Any) -> list[Any]:
    """Nodes, relationships and paths anywhere inside a row value (the API's rows must have none)."""
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship | neo4j.graph.Path):
        return [value]
    if isinstance(value, dict):
        return [g for v in value.values() for g in graph_objects(v)]
    if isinstance(value, list | tuple):
        return [g for v in value for g in graph_objects(v)]
    return []


@pytest.fixture()
def api(neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    # GraphAccess hands out the records' own values (no `record.data()` copy): every query the API
    # runs in these tests is checked to return maps and scalars only, never graph objects
    read_async = GraphAccess._read_async

    async def checked(
        self: GraphAccess, driver: Any, name: str, timeout: float, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        rows = await read_async(self, driver, name, timeout, params)
        found = graph_objects(rows)
        assert not found, f"{name} returns graph objects; return map projections instead: {found[:1]}"
        return rows

    monkeypatch.setattr(GraphAccess, "_read_async", checked)
    app, tokens = make_app(neo4j_settings, tmp_path / "state")
    with TestClient(app) as client:
        yield Api(app, client, tokens)
