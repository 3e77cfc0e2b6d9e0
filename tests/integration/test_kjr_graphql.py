# ruff: noqa: E501
"""GraphQL `keyJudgementReport` on a real Neo4j: the report read from the graph (documents, movement
relationships, the analytics run's communities), the reader's role applied to every byte, clear
personal data audited, an empty routes section said out loud, bad input refused with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from extraction.models import ExtractionResult
from graph.analytics import load_options, run_analysis
from graph.db import Database
from graph.ingest import ingest_results

NAME, PHONE = "Dorin Vasile", "+44 7700 900321"
QUIET_NAME, QUIET_PHONE = "Ilona Marsh", "+44 7700 900322"
CAR_WASH = "Bright Suds Car Wash"


def _doc(doc_id: str, published: str, text: str, ents: list[tuple[str, str, str, str]],
         rels: list[tuple[str, str, str]]) -> ExtractionResult:  # fmt: skip
    entities = []
    for eid, etype, surface, value in ents:
        start = text.index(surface)
        entities.append({"id": eid, "type": etype, "text": surface, "start": start,
                         "end": start + len(surface), "value": value, "confidence": 0.9})  # fmt: skip
    relations = [{"id": f"r{n}", "type": t, "source": s, "target": o, "start": 0, "end": len(text),
                  "confidence": 0.8, "snippet": text} for n, (t, s, o) in enumerate(rels)]  # fmt: skip
    return ExtractionResult.model_validate(
        {"id": doc_id, "text": text, "published": published, "entities": entities, "relations": relations,
         "classification": {"trafficking_types": [{"type": "ForcedLabour", "confidence": 0.9, "spans": []}]}}
    )  # fmt: skip


def _world() -> list[ExtractionResult]:
    """A year of reports on Leeds, Bradford and Hull; a network (name + phone) active only in Q3 and
    another only in Q4; a journey Hull → Bradford → Leeds recorded in Q4 only."""
    docs = []
    for month in range(1, 13):
        for n, town in enumerate(("Leeds", "Leeds", "Bradford", "Hull")[: 2 + month % 3]):
            text = f"Outreach workers in {town} found workers kept in a house without pay."
            docs.append(_doc(f"kjr-{month:02d}-{n}", f"2025-{month:02d}-{10 + n:02d}", text,
                             [("e1", "City", town, town)], []))  # fmt: skip
    for n, month in enumerate((7, 8, 9)):
        text = f"{QUIET_NAME} called from {QUIET_PHONE} offering jobs in Leeds."
        docs.append(_doc(f"kjr-q3-net-{n}", f"2025-{month:02d}-20", text,
                         [("p", "Person", QUIET_NAME, QUIET_NAME), ("t", "Phone", QUIET_PHONE, "+447700900322"),
                          ("l", "City", "Leeds", "Leeds")], [("USES_PHONE", "p", "t")]))  # fmt: skip
    for n, month in enumerate((10, 11, 12)):
        text = f"{NAME} on {PHONE} drove a worker from Hull through Bradford to Leeds, to {CAR_WASH}."
        docs.append(_doc(f"kjr-q4-net-{n}", f"2025-{month:02d}-21", text,
                         [("p", "Person", NAME, NAME), ("t", "Phone", PHONE, "+447700900321"),
                          ("h", "City", "Hull", "Hull"), ("b", "City", "Bradford", "Bradford"),
                          ("l", "City", "Leeds", "Leeds"), ("w", "Business", CAR_WASH, CAR_WASH)],
                         [("USES_PHONE", "p", "t"), ("TRANSPORTED_FROM", "p", "h"), ("TRANSPORTED_VIA", "p", "b"),
                          ("TRANSPORTED_TO", "p", "l")]))  # fmt: skip
    return docs


def _post(client: TestClient, token: str, query: str) -> dict:
    return client.post("/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}).json()


Q = """{ keyJudgementReport(from: "%s", to: "%s"%s) { title readerRole summary
  keyJudgements { kind word probability text evidence { id date snippet } } content } }"""


def test_key_judgement_report_from_the_graph_by_role(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    ingest_results(db, _world())
    run_analysis(db, only="networks,communities", options=load_options())
    app = create_app(neo4j_settings.model_copy(update={"state_dir": tmp_path}))
    state = app.state.lantern
    state.feed_scheduler.stop()
    keys = {r: create_key(state.store, r, r) for r in ("investigator", "analyst", "auditor", "admin")}
    with TestClient(app) as client:
        body = _post(client, keys["investigator"], Q % ("2025-10-01", "2025-12-31", ', granularity: "month"'))
        assert "errors" not in body, body["errors"]
        rep = body["data"]["keyJudgementReport"]
        content = rep["content"]
        assert rep["readerRole"] == "investigator" and content["from"] == "2025-10-01"
        assert rep["keyJudgements"] and all(len(j["evidence"]) >= 2 for j in rep["keyJudgements"])
        assert rep["keyJudgements"] == [
            {k: j[k] for k in ("kind", "word", "probability", "text")}
            | {"evidence": [{k: e[k] for k in ("id", "date", "snippet")} for e in j["evidence"]]}
            for j in content["key_judgements"]
        ]  # typed fields and `content` carry the same report
        flows = content["routes"]["flows"]
        assert [f["name"] for f in flows] == ["Hull → Bradford → Leeds"] and flows[0]["persons"] == 1
        assert flows[0]["previous"] == 0 and content["routes"]["note"] is None
        # sectors from the graph's businesses: the Q4 network's car wash, new this quarter
        assert [(r["name"], r["documents"], r["previous"]) for r in content["sectors"]] == [("CarWash", 3, 0)]
        assert [(b["name"], b["sectors"]) for b in content["businesses"]] == [(CAR_WASH, "car washes")]
        nets = content["networks"]
        assert nets["available"] and content["provenance"]["graph"]["analysis_run"]
        assert any(n["documents"] == 3 and n["previous"] == 0 and "Phone" in n["members_by_kind"]
                   for n in nets["appeared"])  # fmt: skip
        assert any(n["documents"] == 0 and n["previous"] == 3 for n in nets["went_quiet"])
        assert NAME in json.dumps(body)  # an investigator sees names in clear ...
        log = _post(client, keys["admin"], "{ auditLog(limit: 5) { keyName operation entityIds } }")
        rows = [r for r in log["data"]["auditLog"] if r["keyName"] == "investigator"]
        assert rows and any("person:dorin vasile" in r["entityIds"] for r in rows)  # ... and it is audited

        text = json.dumps(_post(client, keys["auditor"], Q % ("2025-10-01", "2025-12-31", "")))
        assert '"errors"' not in text and "Hull \\u2192 Bradford \\u2192 Leeds" in text
        for secret in (NAME, "Dorin", PHONE, "+447700900321", "900321", QUIET_NAME):
            assert secret not in text, secret  # an auditor: no personal identifier in any byte
        text = json.dumps(_post(client, keys["analyst"], Q % ("2025-10-01", "2025-12-31", "")))
        assert NAME in text and "900321" not in text  # an analyst: names in clear, phones masked

        everywhere = json.loads(text)["data"]["keyJudgementReport"]["content"]
        uk = _post(client, keys["analyst"], Q % ("2025-10-01", "2025-12-31", ', region: "United Kingdom"'))
        uk = uk["data"]["keyJudgementReport"]["content"]  # a country: the documents of its towns
        assert uk["region_matched"] == "country GB: documents naming United Kingdom or a place in it"
        assert uk["provenance"]["documents_in_period"] == everywhere["provenance"]["documents_in_period"]

        earlier = _post(client, keys["auditor"], Q % ("2025-07-01", "2025-09-30", ""))["data"][
            "keyJudgementReport"
        ]
        routes = earlier["content"]["routes"]
        assert routes["flows"] == [] and routes["note"].startswith("No movement recorded in the period")
        assert earlier["content"]["intelligence_gaps"]["routes"] == routes["note"]

        for args, reason in (
            (("March", "2025-12-31", ""), "must be a date YYYY-MM-DD"),
            (("2025-12-31", "2025-10-01", ""), "`to` is before `from`"),
            (("2020-01-01", "2025-12-31", ""), "The period is longer than"),
            (("2025-10-01", "2025-12-31", ', granularity: "week"'), "granularity must be one of"),
            (("2019-10-01", "2019-12-31", ""), "fewer than 2 dated documents"),
            (("2025-10-01", "2025-12-31", f', region: "{NAME}"'), "fewer than 2 dated documents"),
        ):
            err = _post(client, keys["auditor"], Q % args)["errors"][0]
            assert reason in err["message"] and NAME not in err["message"], (args, err)
        unknown, person = (_post(client, keys["auditor"], Q % ("2025-10-01", "2025-12-31", f', region: "{r}"'))
                           ["errors"][0] for r in ("Nowhere Town", NAME))  # fmt: skip
        assert (unknown["message"], unknown["extensions"]["code"]) == (
            person["message"],
            person["extensions"]["code"],
        )
