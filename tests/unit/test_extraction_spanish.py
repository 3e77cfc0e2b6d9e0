"""Press releases in Spanish: organisation names and the model's Spanish noise (issue 21; fictional)."""

from __future__ import annotations

import pytest
import spacy

from extraction.components.spanish import is_spanish, person_span
from extraction.models import SourceDocument
from extraction.pipeline import Extractor
from ontology.names import C

ORGS = {C.Organization, C.Authority, C.Business, C.NGO}
RELEASE = (
    "Para Publicación Inmediata: La Fiscalía del Condado de Kestrel Lanza una Nueva Unidad\n"
    "Contra la Trata de Personas\n"
    "(Kestrel) – El Fiscal Penal del Condado de Kestrel, Ada Quillon, anunció hoy que la Unidad de Trata "
    "de Personas de la Fiscalía del Condado de Kestrel trabajó con el Departamento de Policía de Kestrel "
    "y el Centro de Defensa de los\nNiños de Kestrel. Casi cien casos fueron revisados por la División de "
    "Casos Fríos del Fiscal Quillon. Fue un año difícil, dijo el Fiscal de Distrito Ada Quillon. Sin "
    "embargo, nuestra oficina sigue adelante en el Condado de Kestrel, dijo el Fiscal del Distrito, Ada "
    "Quillon."
)


@pytest.fixture(scope="module")
def entities() -> list[tuple[str, str]]:
    result = Extractor().extract(SourceDocument(id="es", text=RELEASE))
    return [(e.type, e.text) for e in result.entities]


def test_spanish_organisation_names_are_found_with_their_edges(entities: list[tuple[str, str]]) -> None:
    orgs = {text for type_, text in entities if type_ in ORGS}
    assert {
        "Fiscalía del Condado de Kestrel",  # the headline's verb ("Lanza") is not part of it
        "Unidad\nContra la Trata de Personas",
        "Fiscal Penal del Condado de Kestrel",
        "Unidad de Trata de Personas",  # its office after "de la" is a name of its own
        "Departamento de Policía de Kestrel",
        "Centro de Defensa de los\nNiños de Kestrel",
        "División de Casos Fríos",  # "del Fiscal Quillon": the prosecutor, not the division
    } <= orgs, orgs
    assert not any("Ada" in o or "Lanza" in o or "Quillon" in o for o in orgs), orgs
    assert "Fiscal del Distrito" not in orgs, orgs  # the prosecutor's title: his office names a place


def test_a_county_written_the_spanish_way_is_a_place(entities: list[tuple[str, str]]) -> None:
    assert (C.Location, "Condado de Kestrel") in entities, entities


def test_spanish_function_words_are_no_names(entities: list[tuple[str, str]]) -> None:
    assert not any(text in {"Casi", "Fue", "Sin"} for _, text in entities), entities


def test_english_text_with_spanish_names_is_not_read_as_spanish() -> None:
    nlp = spacy.blank("en")
    english = (
        "Volunteers from Casa de la Luz met the staff of Oficina de Enlace in Westmark. The Kestrel Police "
        "Department said the shelter on Calle del Sol will reopen."
    )
    assert not is_spanish(nlp(english))
    assert is_spanish(nlp(RELEASE))


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("El Jefe Amos Quillon", "Amos Quillon"),  # titles and articles in front go
        ("La Sra. Ada Ruiz", "Ada Ruiz"),
        ("María de Lourdes Quillon", "María de Lourdes Quillon"),  # particles stay
        ("Durante la semana", None),  # a clause, not a name
        ("Esta nueva", None),
        ("Casi", None),
    ],
)
def test_a_spanish_person_span_keeps_the_name_only(words: str, name: str | None) -> None:
    doc = spacy.blank("en")(f"Dijo que {words} llegó.")
    start = doc.text.index(words)
    span = person_span(doc, start, start + len(words))
    assert (doc.text[span[0] : span[1]] if span else None) == name


def test_everyday_spanish_words_at_a_sentence_start_are_no_places() -> None:
    from extraction.models import SourceDocument
    from extraction.pipeline import Extractor

    text = (
        "La Fiscalía del Condado de Dallas anunció hoy que un hombre fue condenado por la muerte de su "
        "vecino. "
        "Formado en 2019, el equipo especial revisa los casos que no se resolvieron. "
        "Las investigaciones continúan en Garland y en Mesquite, según la oficina del fiscal. "
        "El jurado deliberó por dos horas antes de dictar su veredicto de culpabilidad."
    )
    found = {(e.text, e.type) for e in Extractor().extract(SourceDocument(id="t", text=text)).entities}
    assert not {"Formado", "Las investigaciones", "El jurado"} & {name for name, _ in found}, found
    assert {("Garland", "City"), ("Mesquite", "City")} <= found, found  # the places stay
