"""`timeline(entityId, from, to)` on a real Neo4j: documents of the entity and its neighbours in date
order, a sighting report marked as a report, an alert from the state store, date bounds, masking."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from extraction.models import ExtractionResult
from graph.db import Database
from graph.ingest import ingest_results


def _doc(
    doc_id: str,
    published: str,
    text: str,
    ents: list[tuple[str, str, str, str]],
    rels: list[tuple[str, str, str]],
    doc_type: str | None = None,
) -> ExtractionResult:
    entities = []
    for eid, etype, surface, value in ents:
        start = text.index(surface)
        entities.append(
            {
                "id": eid,
                "type": etype,
                "text": surface,
                "start": start,
                "end": start + len(surface),
                "value": value,
                "confidence": 0.9,
            }
        )
    relations = [
        {
            "id": f"r{n}",
            "type": t,
            "source": s,
            "target": o,
            "start": 0,
            "end": len(text),
            "confidence": 0.8,
            "snippet": text,
        }
        for n, (t, s, o) in enumerate(rels)
    ]
    return ExtractionResult.model_validate(
        {
            "id": doc_id,
            "text": text,
            "published": published,
            "doc_type": doc_type,
            "entities": entities,
            "relations": relations,
        }
    )


def _gql(client: TestClient, token: str, query: str) -> dict:
    body = client.post("/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}).json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def test_timeline_of_an_entity_and_its_neighbours(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    app = create_app(neo4j_settings.model_copy(update={"state_dir": tmp_path}))
    state = app.state.lantern
    state.feed_scheduler.stop()
    inv, ana = create_key(state.store, "inv", "investigator"), create_key(state.store, "ana", "analyst")
    ingest_results(
        db,
        [
            _doc(
                "case-t1",
                "2026-01-10",
                "Dorin Vasile used the phone +44 7700 900321 to recruit workers.",
                [
                    ("e1", "Person", "Dorin Vasile", "Dorin Vasile"),
                    ("e2", "Phone", "+44 7700 900321", "+447700900321"),
                ],
                [("USES_PHONE", "e1", "e2")],
            ),
            _doc(
                "other-t3",
                "2026-02-01",
                "Quiet Bakery Ltd opened in Leeds.",
                [("e1", "Business", "Quiet Bakery Ltd", "Quiet Bakery Ltd")],
                [],
            ),
        ],
    )
    state.watches.add_watch("inv", "identifier", "phone:+447700900321", {}, None)
    ingest_results(
        db,
        [
            _doc(
                "report:r_t2",
                "2026-03-05",
                "A van driver gave out +44 7700 900321 at the car wash.",
                [("e1", "Phone", "+44 7700 900321", "+447700900321")],
                [],
                "SightingReport",
            )
        ],
    )
    with TestClient(app) as client:
        q = '{ timeline(entityId: "person:dorin vasile"%s) { date kind id entityIds } }'
        events = _gql(client, inv, q % "")["timeline"]
        assert [(e["date"], e["kind"], e["id"]) for e in events[:2]] == [
            ("2026-01-10", "document", "case-t1"),
            ("2026-03-05", "report", "report:r_t2"),
        ]
        assert events[1]["entityIds"] == ["phone:+447700900321"]  # reached through the neighbour
        assert [e["kind"] for e in events[2:]] == ["alert"] and "other-t3" not in {e["id"] for e in events}
        bounded = _gql(client, inv, q % ', from: "2026-02-01", to: "2026-04-01"')["timeline"]
        assert [e["id"] for e in bounded] == ["report:r_t2"]
        masked = _gql(client, ana, q % ', to: "2026-01-31"')["timeline"]
        shown = sorted(masked[0]["entityIds"])  # analysts: phones pseudonymous, people in clear
        assert (
            masked[0]["id"] == "case-t1"
            and shown[0].startswith("anon:")
            and shown[1] == "person:dorin vasile"
        )
        bad = client.post(
            "/graphql",
            json={"query": '{ timeline(entityId: "x", from: "March") { id } }'},
            headers={"Authorization": f"Bearer {inv}"},
        ).json()
        assert "must be a date YYYY-MM-DD" in bad["errors"][0]["message"]
