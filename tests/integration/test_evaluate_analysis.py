"""`lantern evaluate analysis` end to end on a fictional office (tests/data/analysis_releases): officials
quoted in every release, a tip line and a press line on each, page furniture, four releases of three cases."""

from __future__ import annotations

import json
from pathlib import Path

from extraction.evaluate_annotate import build_line
from extraction.evaluate_gold import GoldDocument
from graph.analytics.validation import validate_analysis
from graph.db import Database
from graph.ingest.office import ACCUSED, OFFICIAL

DATA = Path(__file__).resolve().parents[1] / "data" / "analysis_releases"


def _gold() -> list[GoldDocument]:
    works = json.loads((DATA / "worklists.json").read_text(encoding="utf-8"))
    return [build_line(w, (DATA / w["corpus"] / w["doc"]).read_text(encoding="utf-8")) for w in works]


def test_officials_and_contact_lines_stay_out_and_the_accused_rank_first(db: Database) -> None:
    report = validate_analysis(db, _gold(), DATA)
    assert report.skipped == []
    (office,) = report.offices
    assert office.office == "harbor_city_da" and office.documents == 4
    assert office.precision_at_25 == 1.0, office.top
    # Carla Mendt is lost upstream today: the tagger reads "PDF Version" + headline + dateline + her name as
    # one organisation (rejected at the door, but her name goes with it); the other three charged rank first
    assert office.charged_names == 4 and office.charged_recall_at_50 >= 0.75, office.top
    assert office.bad_in_top_50 == []
    # Miriam Okafor (quoted in all four releases) and Felix Brandt (two) are one node each
    assert (office.official_names, office.official_nodes) == (4, 4), office.official_worst
    assert office.networks_joining_unrelated == 0, office.unrelated_links
    assert office.officials_as_suspects == [] and office.officials_in_networks == []
    hubs = "\n".join(report.hubs)
    for name in (
        "202-555-0147 (Phone)",
        "202-555-0150 (Phone)",
        "Miriam Okafor (Person)",
    ):  # on every release
        reason = "unrelated documents of source harbor_city_da"
        assert any(name in h and reason in h for h in report.hubs), hubs

    ids = ["person:miriam okafor#@harbor_city_da", "person:dorian vale"]
    facts = {r["id"]: r for r in db.read("analysis/risk_facts", ids=ids)}
    assert OFFICIAL in facts[ids[0]]["roles"]
    vale = facts["person:dorian vale"]
    assert ACCUSED in vale["roles"]
    evidence = [s for e in vale["role_evidence"] if e["role"] == ACCUSED for s in e["evidence"]]
    assert any("Dorian Vale, 34, of Harbor City, was charged today" in s for s in evidence), evidence
    names = {
        r["name"] for r in db.read("analysis/evaluation_nodes", doc_ids=sorted(d.doc[:-4] for d in _gold()))
    }
    assert not names & {"PDF Version", "Share", "Read more", "Home", "News", "Press Releases"}, names
