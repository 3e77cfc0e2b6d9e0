"""Sectors of a business from its class and name (`graph/report/sectors.py`, `sectors.jsonl`)."""

from __future__ import annotations

import pytest

from graph.report import sectors
from ontology import load_ontology
from ontology.names import C


def test_every_cue_names_an_ontology_sector_and_every_sector_has_a_cue() -> None:
    named = {c.sector for c in sectors.cues()}
    assert named == set(load_ontology().individuals(C.Sector))


@pytest.mark.parametrize(
    ("name", "cls", "expected"),
    [
        ("AgriFlex Recruitment Ltd", C.EmploymentAgency, ["Agriculture", "Recruitment"]),
        ("Golden Hands Domestic Staffing", C.EmploymentAgency, ["DomesticAndCareWork", "Recruitment"]),
        ("Sunrise Cleaning Services", C.Business, ["Cleaning"]),
        ("Bright Suds Car Wash", C.Business, ["CarWash"]),
        ("Lotus Nail Bar", C.Business, ["BeautyAndMassage"]),
        ("Desert Inn Motel", C.Business, ["Hospitality"]),
        ("Nordlicht Logistik GmbH", C.Business, ["TransportAndLogistics"]),
        ("Dunărea Express SRL", C.TransportCompany, ["TransportAndLogistics"]),  # by its class alone
        ("Eternal Rose Introductions Ltd", C.Business, ["EscortAndDating"]),
        ("Vistula Modular Homes S.A.", C.Business, ["Construction"]),
        ("BudMax Sp. z o.o.", C.Business, []),  # its name names no sector
        ("Texas Bar Association", C.Business, []),  # a bar association is no bar
        ("Diamond Bar", C.Business, []),  # nor is a town
        ("Facebook", C.Business, ["OnlinePlatforms"]),  # where victims are advertised or recruited
        ("Craig’s List", C.Business, ["OnlinePlatforms"]),
        ("Backpage.com", C.Business, ["OnlinePlatforms"]),
        ("Applebee’s Grill", C.Business, ["Hospitality"]),  # "app" only as a word
    ],
)
def test_a_business_is_in_the_sectors_its_class_and_name_name(
    name: str, cls: str, expected: list[str]
) -> None:
    assert sectors.sectors_of(name, [cls]) == expected


def test_a_document_counts_once_per_sector_and_unknown_businesses_are_said() -> None:
    pairs = [("AgriFlex Recruitment Ltd", C.EmploymentAgency), ("Fenland Fresh Produce Ltd", C.Business),
             ("BudMax Sp. z o.o.", C.Business)]  # fmt: skip
    assert sectors.of_document(pairs) == {"Agriculture", "Recruitment", sectors.UNKNOWN}
    assert sectors.of_document([]) == set()


def test_a_cue_file_naming_what_the_ontology_does_not_know_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "sectors.jsonl"
    bad.write_text('{"label": "Mining", "regex": "mine", "classes": []}\n', encoding="utf-8")
    monkeypatch.setattr(sectors, "CUES_PATH", bad)
    sectors.cues.cache_clear()
    try:
        with pytest.raises(ValueError, match="not an ontology Sector individual"):
            sectors.cues()
    finally:
        sectors.cues.cache_clear()


def test_a_report_counts_documents_per_sector_and_names_each_business_sectors() -> None:
    from datetime import date

    from graph.report.build import Request, build_report
    from graph.report.render import to_html

    def row(doc: str, day: str, business: str, cls: str) -> dict[str, object]:
        text = f"Police in Leeds visited {business}."
        place = {"id": "c", "type": "City", "value": "Leeds", "start": 10, "end": 15}
        firm = {"id": "b", "type": cls, "value": business, "start": 24, "end": 24 + len(business)}
        kinds = {"trafficking_types": [{"type": "ForcedLabour"}], "indicators": []}
        return {"id": doc, "published": day, "text": text, "entities": [place, firm], "relations": [],
                "classification": kinds}  # fmt: skip

    rows = [row(f"h{m}", f"2024-{m:02d}-05", "Bright Suds Car Wash", C.Business) for m in range(1, 13)]
    rows += [row("a1", "2024-11-02", "AgriFlex Recruitment Ltd", C.EmploymentAgency),
             row("a2", "2024-12-03", "AgriFlex Recruitment Ltd", C.EmploymentAgency),
             row("a3", "2024-12-20", "AGRIFLEX  RECRUITMENT LTD", C.EmploymentAgency),  # headline capitals
             row("u1", "2024-12-04", "BudMax Sp. z o.o.", C.Business),
             row("p1", "2024-08-04", "AgriFlex Recruitment Ltd", C.EmploymentAgency)]  # fmt: skip
    rep = build_report(rows, Request(date(2024, 10, 1), date(2024, 12, 31)))
    by = {r["name"]: r for r in rep["sectors"]}  # type: ignore[attr-defined]
    assert (by["CarWash"]["documents"], by["CarWash"]["previous"]) == (3, 3)
    assert (
        by["Agriculture"]["documents"],
        by["Recruitment"]["documents"],
        by["Recruitment"]["previous"],
    ) == (3, 3, 1)
    assert by[sectors.UNKNOWN]["documents"] == 1 and "not known" in by[sectors.UNKNOWN]["label"]
    firms = {b["name"]: b["sectors"] for b in rep["businesses"]}  # type: ignore[attr-defined]
    agriflex = [b for b in rep["businesses"] if "agriflex" in b["name"].lower()]  # type: ignore[attr-defined]
    assert [(b["name"], b["documents"]) for b in agriflex] == [
        ("AgriFlex Recruitment Ltd", 3)
    ]  # one business
    assert firms["AgriFlex Recruitment Ltd"] == "agriculture and food processing; recruitment and staffing"
    assert firms["BudMax Sp. z o.o."] == "not known"
    (leeds,) = [t for t in rep["prevention_targeting"] if t["where"] == "Leeds"]  # type: ignore[attr-defined]
    assert set(leeds["sectors"].split("; ")) == {
        "car washes", "agriculture and food processing", "recruitment and staffing"}  # fmt: skip
    (said,) = [x for x in rep["summary"] if x.startswith("Sectors most exposed")]  # type: ignore[attr-defined]
    assert said.startswith("Sectors most exposed: car washes (3 documents, +0); ")  # known sectors only
    assert "not known" not in said
    html = to_html(rep)
    assert "car washes" in html and "recruitment and staffing" in html
