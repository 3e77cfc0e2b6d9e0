"""Analytics against the seed's ground truth, independent of extraction quality: every planted fact of
`seed/ground_truth.json` becomes a typed relation in an "oracle" extraction result (one document per
network, one for the broker), ingested through `ingest_results`. Hubs are planted in every document:
Europol (Authority), the Safe Harbour helpline phone — which every recruiter is wrongly linked to.

Expected: community-level ARI 1.0; network-level ARI < 1 because the planted broker really does join
two planted networks into one linked network; the broker (his phone) has the top betweenness.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extraction.models import ExtractionResult
from graph.analytics import evaluate_networks, run_analysis
from graph.db import Database

TRUTH = Path(__file__).resolve().parents[2] / "seed" / "ground_truth.json"
USES = {
    "Phone": "USES_PHONE",
    "Email": "USES_EMAIL",
    "SocialHandle": "USES_HANDLE",
    "BankAccount": "USES_ACCOUNT",
    "Address": "LOCATED_IN",
}
HUBS = [
    ("hub1", "Authority", "Europol"),
    ("hub2", "Phone", "+44 20 7946 0999"),
    ("hub3", "NGO", "Safe Harbour Network"),
]


def oracle_doc(
    doc_id: str, ents: list[tuple[str, str, str]], rels: list[tuple[str, str, str]]
) -> ExtractionResult:
    text, entities = "", []
    for eid, etype, surface in ents + HUBS:
        start = len(text)
        text += surface + ". "
        value = "+442079460999" if eid == "hub2" else (surface.lower() if etype == "Email" else surface)
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
    rels = [*rels, ("USES_PHONE", "hub3", "hub2")]
    relations = [
        {"id": f"r{i}", "type": t, "source": s, "target": o, "start": 0, "end": len(text), "confidence": 0.8}
        for i, (t, s, o) in enumerate(rels)
    ]
    return ExtractionResult.model_validate(
        {
            "id": doc_id,
            "text": text,
            "published": "2024-01-01",
            "entities": entities,
            "relations": relations,
            "classification": {"trafficking_types": [{"type": "ForcedLabour", "confidence": 0.9}]},
        }
    )


def oracle_results(truth: dict[str, Any]) -> list[ExtractionResult]:
    out = []
    for n in truth["networks"]:
        m = {x["key"]: x for x in n["members"]}
        ents = [(k, x["type"], x["value"]) for k, x in m.items()]
        ents += [(f"v{i}", "Person", v["name"]) for i, v in enumerate(n["victims"])]
        rels = [(USES[x["type"]], x["used_by"], k) for k, x in m.items() if x["used_by"]]
        for i in range(len(n["victims"])):
            rels += [("RECRUITED", "recruiter", f"v{i}"), ("TRANSPORTED", "transporter", f"v{i}")]
        rels += [
            ("OWNS", "exploiter", "front"),
            ("WORKS_FOR", "recruiter", "front"),
            ("ASSOCIATE_OF", "transporter", "recruiter"),
            ("USES_PHONE", "recruiter", "hub2"),
        ]
        out.append(oracle_doc(f"oracle-{n['id']}", ents, rels))
    for b in truth["brokers"]:
        ents, rels = [("b", "Person", b["name"]), ("bp", "Phone", b["phone"])], [("USES_PHONE", "b", "bp")]
        for n in truth["networks"]:
            if n["id"] in b["links"]:
                t = {x["key"]: x for x in n["members"]}
                ents += [
                    (f"t{n['id']}", "Person", t["transporter"]["value"]),
                    (f"tp{n['id']}", "Phone", t["transporter_phone"]["value"]),
                ]
                rels += [("USES_PHONE", f"t{n['id']}", f"tp{n['id']}"), ("USES_PHONE", f"t{n['id']}", "bp")]
        out.append(oracle_doc("oracle-broker", ents, rels))
    return out


def test_seed_truth_networks_recovered(db: Database) -> None:
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    apply_schema(db)
    assert not ingest_results(db, oracle_results(truth)).failed
    summary = run_analysis(db, only="networks,communities,centrality")
    assert {"Europol", "+44 20 7946 0999", "Safe Harbour Network"} <= {h.name for h in summary.excluded_hubs}
    community = evaluate_networks(db, TRUTH, level="community")
    network = evaluate_networks(db, TRUTH, level="network")
    assert community.matched == community.items and community.ari >= 0.9
    assert network.ari < community.ari  # the broker joins N1 and N7 into one linked network
    assert network.recovered_networks == len(truth["networks"]) - 1
    broker = truth["brokers"][0]
    top = summary.key_players[0]
    assert top["name"] in {broker["name"], "+44 7700 900888"} or top["id"] == f"phone:{broker['phone']}"
