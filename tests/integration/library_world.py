"""A small fictional world for the library and audit tests, as extraction results (the ingest contract).

People, businesses and numbers are invented; phones are in the UK drama range (+44 7700 900xxx).

* Viktor Drabek recruited Lena Morava and Ilse Varga in Brasov (Romania) with false job offers; both were
  transported from Brasov to Leeds (via Calais) by Tomas Hrubec and exploited at Bright Suds Car Wash,
  a front business owned by Karel Vonn.
* Karel Vonn also owns Northgate Haulage Ltd (Leeds), which shares the phone +44 7700 900456 and the
  address 12 Mill Road with Bright Suds → the planted EXPOSED supplier (owner → front / exploitation site).
* Greenfield Bakery (York) and Harbour Print Co (Hull) are legitimate businesses: matched, no exposure.
"""

from __future__ import annotations

import warnings
from typing import Any

from api.config import Settings
from extraction.models import ExtractionResult
from graph.db import Database

DOCS: list[dict[str, Any]] = [
    {
        "id": "lib-doc-1",
        "doc_type": "CaseNarrative",
        "published": "2024-03-01",
        "title": "Car wash workers recruited with false job offers",
        "text": (
            "Viktor Drabek recruited Lena Morava in Brasov with a false job offer. "
            "Lena Morava was transported from Brasov to Leeds via Calais by Tomas Hrubec. "
            "She was exploited at Bright Suds Car Wash, where her wages were withheld to repay a debt. "
            "Drabek used the phone +44 7700 900123. "
            "Bright Suds Car Wash is owned by Karel Vonn. "
            "Hrubec used the phone +44 7700 900777."
        ),
        "entities": [
            ("p1", "Person", "Viktor Drabek", "Viktor Drabek", {"roles": ["Recruiter"]}),
            ("p2", "Person", "Lena Morava", "Lena Morava", {"roles": ["Victim"]}),
            ("c1", "City", "Brasov", "Brasov", {"country_code": "RO", "lat": 45.64, "lon": 25.59}),
            ("c2", "City", "Leeds", "Leeds", {"country_code": "GB", "lat": 53.80, "lon": -1.55}),
            ("c3", "City", "Calais", "Calais", {"country_code": "FR", "lat": 50.95, "lon": 1.86}),
            ("p3", "Person", "Tomas Hrubec", "Tomas Hrubec", {"roles": ["Transporter"]}),
            ("b1", "FrontBusiness", "Bright Suds Car Wash", "Bright Suds Car Wash", {"location": "Leeds"}),
            ("ph1", "Phone", "+44 7700 900123", "+447700900123", {}),
            ("p4", "Person", "Karel Vonn", "Karel Vonn", {}),
            ("ph5", "Phone", "+44 7700 900777", "+447700900777", {}),
        ],
        "relations": [
            ("RECRUITED", "p1", "p2", 0),
            ("RECRUITED_IN", "p2", "c1", 0),
            ("TRANSPORTED_FROM", "p2", "c1", 1),
            ("TRANSPORTED_TO", "p2", "c2", 1),
            ("TRANSPORTED_VIA", "p2", "c3", 1),
            ("TRANSPORTED", "p3", "p2", 1),
            ("EXPLOITED_AT", "p2", "b1", 2),
            ("LOCATED_IN", "b1", "c2", 2),
            ("USES_PHONE", "p1", "ph1", 3),
            ("OWNS", "p4", "b1", 4),
            ("USES_PHONE", "p3", "ph5", 5),
        ],
        "types": ["ForcedLabour"],
        "indicators": [
            ("FalseJobOffer", "false job offer"),
            ("WithheldWages", "wages were withheld"),
            ("DebtBondage", "repay a debt"),
        ],
    },
    {
        "id": "lib-doc-2",
        "doc_type": "NewsArticle",
        "published": "2024-06-10",
        "title": "Haulage firm linked to car wash raid",
        "text": (
            "Karel Vonn, the owner of Bright Suds Car Wash, also owns Northgate Haulage Ltd, based at "
            "12 Mill Road, Leeds. "
            "Northgate Haulage Ltd uses the phone +44 7700 900456. "
            "Bright Suds Car Wash uses the phone +44 7700 900456 and is based at 12 Mill Road, Leeds. "
            "Viktor Drabek (+44 7700 900123) is an associate of Tomas Hrubec (+44 7700 900777)."
        ),
        "entities": [
            ("p4", "Person", "Karel Vonn", "Karel Vonn", {}),
            ("b2", "Business", "Northgate Haulage Ltd", "Northgate Haulage Ltd", {"location": "Leeds"}),
            ("a1", "Address", "12 Mill Road, Leeds", "12 Mill Road, Leeds", {"country_code": "GB"}),
            ("ph2", "Phone", "+44 7700 900456", "+447700900456", {}),
            ("b1", "FrontBusiness", "Bright Suds Car Wash", "Bright Suds Car Wash", {"location": "Leeds"}),
            ("p1", "Person", "Viktor Drabek", "Viktor Drabek", {}),
            ("p3", "Person", "Tomas Hrubec", "Tomas Hrubec", {}),
            ("ph1", "Phone", "+44 7700 900123", "+447700900123", {}),
            ("ph5", "Phone", "+44 7700 900777", "+447700900777", {}),
        ],
        "relations": [
            ("OWNS", "p4", "b1", 0),
            ("OWNS", "p4", "b2", 0),
            ("LOCATED_IN", "b2", "a1", 0),
            ("USES_PHONE", "b2", "ph2", 1),
            ("USES_PHONE", "b1", "ph2", 2),
            ("LOCATED_IN", "b1", "a1", 2),
            ("ASSOCIATE_OF", "p1", "p3", 3),
            ("USES_PHONE", "p1", "ph1", 3),
            ("USES_PHONE", "p3", "ph5", 3),
        ],
        "types": ["ForcedLabour"],
        "indicators": [],
    },
    {
        "id": "lib-doc-3",
        "doc_type": "CaseNarrative",
        "published": "2024-09-15",
        "title": "Second worker found at car wash",
        "text": (
            "Viktor Drabek recruited Ilse Varga in Brasov with a false job offer. "
            "Ilse Varga was transported from Brasov to Leeds by Tomas Hrubec. "
            "Ilse Varga was exploited at Bright Suds Car Wash near Leeds. "
            "Drabek used the phone +44 7700 900123 and Hrubec the phone +44 7700 900777."
        ),
        "entities": [
            ("p1", "Person", "Viktor Drabek", "Viktor Drabek", {"roles": ["Recruiter"]}),
            ("p5", "Person", "Ilse Varga", "Ilse Varga", {"roles": ["Victim"]}),
            ("c1", "City", "Brasov", "Brasov", {"country_code": "RO", "lat": 45.64, "lon": 25.59}),
            ("c2", "City", "Leeds", "Leeds", {"country_code": "GB", "lat": 53.80, "lon": -1.55}),
            ("p3", "Person", "Tomas Hrubec", "Tomas Hrubec", {}),
            ("b1", "FrontBusiness", "Bright Suds Car Wash", "Bright Suds Car Wash", {"location": "Leeds"}),
            ("ph1", "Phone", "+44 7700 900123", "+447700900123", {}),
            ("ph5", "Phone", "+44 7700 900777", "+447700900777", {}),
        ],
        "relations": [
            ("RECRUITED", "p1", "p5", 0),
            ("TRANSPORTED_FROM", "p5", "c1", 1),
            ("TRANSPORTED_TO", "p5", "c2", 1),
            ("TRANSPORTED", "p3", "p5", 1),
            ("EXPLOITED_AT", "p5", "b1", 2),
            ("USES_PHONE", "p1", "ph1", 3),
            ("USES_PHONE", "p3", "ph5", 3),
        ],
        "types": ["ForcedLabour"],
        "indicators": [("FalseJobOffer", "false job offer")],
    },
    {
        "id": "lib-doc-4",
        "doc_type": "PressRelease",
        "published": "2023-11-20",
        "title": "Local bakery and print shop win community award",
        "text": (
            "Greenfield Bakery in York uses the phone +44 7700 900789. "
            "Harbour Print Co in Hull uses the phone +44 7700 900321. "
            "Maria Lind works for Greenfield Bakery."
        ),
        "entities": [
            ("b3", "Business", "Greenfield Bakery", "Greenfield Bakery", {"location": "York"}),
            ("c4", "City", "York", "York", {"country_code": "GB", "lat": 53.96, "lon": -1.08}),
            ("ph3", "Phone", "+44 7700 900789", "+447700900789", {}),
            ("b4", "Business", "Harbour Print Co", "Harbour Print Co", {"location": "Hull"}),
            ("c5", "City", "Hull", "Hull", {"country_code": "GB", "lat": 53.74, "lon": -0.33}),
            ("ph4", "Phone", "+44 7700 900321", "+447700900321", {}),
            ("p6", "Person", "Maria Lind", "Maria Lind", {}),
        ],
        "relations": [
            ("LOCATED_IN", "b3", "c4", 0),
            ("USES_PHONE", "b3", "ph3", 0),
            ("LOCATED_IN", "b4", "c5", 1),
            ("USES_PHONE", "b4", "ph4", 1),
            ("WORKS_FOR", "p6", "b3", 2),
        ],
        "types": [],
        "indicators": [],
    },
]

SUPPLIERS_CSV = """supplier_id,name,address,phone,country
S-001,Greenfield Bakery,"1 Baker Lane, York",+44 7700 900789,GB
S-002,NORTHGATE HAULAGE LIMITED,"12 Mill Road, Leeds",07700 900456,United Kingdom
S-003,Harbor Print Company,"5 Dock St, Hull",,GB
S-004,Nowhere Widgets GmbH,"Hauptstrasse 1, Berlin",+49 30 1234567,DE
S-005,"Broken, Row Ltd",too,many,fields,here
S-006,,"2 Empty Name Road",,GB
"""


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.find(needle, start)
    if i < 0:
        raise ValueError(f"'{needle}' not in text")
    return i, i + len(needle)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split(". "):
        end = pos + len(part) + (1 if pos + len(part) < len(text) else 0)
        out.append((pos, min(end, len(text))))
        pos += len(part) + 2
    return out


def world_results() -> list[ExtractionResult]:
    results = []
    for d in DOCS:
        text = d["text"]
        sentences = _sentences(text)
        entities = []
        for eid, etype, surface, value, attrs in d["entities"]:
            s, e = _span(text, surface)
            entities.append(
                {
                    "id": eid,
                    "type": etype,
                    "text": surface,
                    "start": s,
                    "end": e,
                    "value": value,
                    "confidence": 0.9,
                    "attributes": attrs,
                }
            )
        relations = []
        for i, (rtype, src, dst, sent) in enumerate(d["relations"]):
            s, e = sentences[sent]
            relations.append(
                {
                    "id": f"r{i}",
                    "type": rtype,
                    "source": src,
                    "target": dst,
                    "start": s,
                    "end": e,
                    "confidence": 0.85,
                    "snippet": text[s:e],
                }
            )
        types = [{"type": t, "confidence": 0.9, "spans": [list(sentences[0])]} for t in d["types"]]
        indicators = [
            {"type": t, "start": _span(text, n)[0], "end": _span(text, n)[1], "text": n}
            for t, n in d["indicators"]
        ]
        results.append(
            ExtractionResult.model_validate(
                {
                    "id": d["id"],
                    "text": text,
                    "title": d["title"],
                    "published": d["published"],
                    "doc_type": d["doc_type"],
                    "source": "tests/library_world",
                    "extractor_version": "test-1",
                    "entities": entities,
                    "relations": relations,
                    "classification": {"trafficking_types": types, "indicators": indicators},
                }
            )
        )
    return results


def load_world(db: Database, settings: Settings, analytics: bool = False) -> bool:
    """Empty graph → schema → the world ingested. Returns whether analytics ran."""
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    db.write("platform/drop_all_gds_graphs")
    db.write("platform/wipe_graph")
    apply_schema(db)
    summary = ingest_results(db, world_results())
    assert not summary.failed, f"world did not ingest cleanly: {summary.failed}"
    if not analytics:
        return False
    try:
        from graph.analytics import run_analysis
    except ImportError:
        return False
    try:
        run_analysis(db, settings)
    except Exception as exc:  # analytics is another module; its failure must not hide library results
        warnings.warn(f"run_analysis failed, analytics-dependent library tests skip: {exc}", stacklevel=2)
        return False
    return True
