"""Movement relations (TRANSPORTED_FROM / _VIA / _TO) stated the way reports and testimony state them, and an
address placed at its city: invented sentences, fictional names."""

from __future__ import annotations

import pytest

from extraction.components.gazetteer import gazetteer
from extraction.components.locations import address_city
from extraction.models import ExtractionResult, SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="GB")


def moves(result: ExtractionResult) -> set[tuple[str, str, str]]:
    by_id = {e.id: e for e in result.entities}
    root = {e.id: by_id[e.ref] if e.ref else e for e in result.entities}
    return {
        (r.type, root[r.source].value, root[r.target].value)
        for r in result.relations
        if r.type.startswith("TRANSPORTED_")
    }


def run(extractor: Extractor, text: str) -> ExtractionResult:
    return extractor.extract(SourceDocument(id="t", text=text))


def test_a_testimony_gives_origin_transit_and_destination(extractor: Extractor) -> None:
    text = (
        'Marta Kovalenko was 24 when she left Kharkiv. "Someone called Halyna Pruss posted in a group, '
        'promising a job in a bakery."\n\nMarta says a driver, Bohdan Stelmakh, met the group in Przemysl. '
        '"He took our passports at the first petrol station." In Berlin the group were moved between flats.'
    )
    got = moves(run(extractor, text))
    assert ("TRANSPORTED_FROM", "Marta Kovalenko", "Kharkiv") in got
    assert ("TRANSPORTED_VIA", "Marta Kovalenko", "Przemyśl") in got  # written without its diacritic
    assert ("TRANSPORTED_TO", "Marta Kovalenko", "Berlin") in got
    assert not any(who == "Bohdan Stelmakh" for _, who, _ in got), (
        "the driver met them: no stated route of his"
    )


def test_a_vehicle_stop_and_the_driver_named_next(extractor: Extractor) -> None:
    text = (
        "Officers stopped a minibus near Przemysl carrying nine passengers from Ukraine. The driver, Bohdan "
        "Stelmakh, told officers he was paid by Ewald Brandt to bring people to Berlin."
    )
    got = moves(run(extractor, text))
    driver = "Bohdan Stelmakh"
    assert {("TRANSPORTED_VIA", driver, "Przemyśl"), ("TRANSPORTED_FROM", driver, "Ukraine"),
            ("TRANSPORTED_TO", driver, "Berlin")} <= got  # fmt: skip
    assert not any(who == "Ewald Brandt" for _, who, _ in got), "the one who paid did not drive"


def test_arrival_without_a_departure_has_no_origin(extractor: Extractor) -> None:
    text = (
        "Case summary. Client: Olena Zaritska, 22, from Odesa, Ukraine.\n\nThe client answered an advert. "
        "On arrival in Dublin she was taken to Unit 9, Harbour Court, Dublin 1, where others already lived."
    )
    got = moves(run(extractor, text))
    assert ("TRANSPORTED_TO", "Olena Zaritska", "Dublin") in got
    assert not any(kind == "TRANSPORTED_FROM" for kind, _, _ in got), "a home is not where a journey started"


def test_defendants_who_arranged_the_travel(extractor: Extractor) -> None:
    text = (
        "IN THE MATTER OF the prosecution of Ewald Brandt and Bohdan Stelmakh (co-defendants).\n\nSummary of "
        "the charge: the defendants arranged the travel of persons from Ukraine to Germany for exploitation."
    )
    got = moves(run(extractor, text))
    assert ("TRANSPORTED_FROM", "Ewald Brandt", "Ukraine") in got
    assert ("TRANSPORTED_TO", "Ewald Brandt", "Germany") in got


def test_no_movement_without_a_cue(extractor: Extractor) -> None:
    text = "Bohdan Stelmakh, 41, of Kharkiv, opened a bakery in Berlin last year and employs four people."
    assert moves(run(extractor, text)) == set()


def test_a_state_or_country_after_a_town_is_where_the_town_is_not_a_stop() -> None:
    us = Extractor(region="US")
    text = "Dmytro Testenko transported Jane Doe from Las Vegas, Nevada, to Orange County last spring."
    assert moves(run(us, text)) == {
        ("TRANSPORTED_FROM", "Jane Doe", "Las Vegas"),
        ("TRANSPORTED_TO", "Jane Doe", "Orange County"),
    }
    listed = "Kari Testova transported the women to Texas, Oklahoma and Kansas."  # a list stays a list
    assert {m[2] for m in moves(run(us, listed))} == {"Texas", "Oklahoma", "Kansas"}


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("Lindenstraße 48, 10969 Berlin", "Berlin"),
        ("Unit 4, Marsh Road Industrial Estate, Wisbech PE13 2XX", "Wisbech"),
        ("ul. Półkole 7, 31-580 Kraków", "Kraków"),
        ("Kuşdili Caddesi 31, Kadıköy, Istanbul", "Istanbul"),
        ("Unit 9, Harbour Court, Dublin 1", "Dublin"),
        ("12 Main Street", None),  # no city part: no coordinates rather than a guess
    ],
)
def test_an_address_is_placed_at_its_city(address: str, city: str | None) -> None:
    found = address_city(gazetteer("GB"), address)
    assert (found.name if found else None) == city


def test_the_address_mention_carries_its_city_coordinates(extractor: Extractor) -> None:
    text = "Police raided the premises of Kestrel Wellness GmbH at Lindenstraße 48, 10969 Berlin on Tuesday."
    address = next(e for e in run(extractor, text).entities if e.type == "Address")
    assert address.attributes["geo_basis"] == "city of the address: Berlin"
    assert round(address.attributes["lat"]) == 53 and round(address.attributes["lon"]) == 13
