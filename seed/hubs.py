"""Institutions mentioned everywhere (hub distractors): police forces, prosecutors, NGOs, a helpline."""

from __future__ import annotations

import random

from ontology.names import C
from seed.identifiers import landline_format
from seed.markup import mark
from seed.places import country_of

AUTHORITIES: dict[str, list[str]] = {
    "Poland": ["Polish Border Guard", "Regional Prosecutor's Office in Kraków"],
    "Germany": ["Bundeskriminalamt", "Berlin State Police"],
    "United Kingdom": ["National Crime Agency", "Cambridgeshire Police"],
    "Austria": ["Vienna Police Department"],
    "France": ["Paris Prosecutor's Office"],
    "Ireland": ["An Garda Síochána"],
    "Czechia": ["Czech National Police"],
    "Romania": ["Romanian Border Police"],
    "Moldova": ["Moldovan Centre for Combating Trafficking"],
    "Turkey": ["Istanbul Chief Prosecutor's Office"],
    "Netherlands": ["Dutch Labour Inspectorate"],
    "Ukraine": ["National Police of Ukraine"],
}
EUROPEAN = ["Europol", "Eurojust"]
NGOS = ["Safe Harbour Network", "Open Road Anti-Slavery Trust", "Compass Refugee Support"]
HELPLINE = "+442079460999"  # Safe Harbour Network helpline, quoted in many documents (hub identifier)


def authority(rng: random.Random, city: str) -> str:
    names = AUTHORITIES.get(country_of(city), []) + EUROPEAN
    return mark(C.Authority, rng.choice(names))


def ngo(rng: random.Random) -> str:
    return mark(C.NGO, rng.choice(NGOS))


def helpline_sentence(rng: random.Random) -> str:
    return (
        f"The {mark(C.NGO, 'Safe Harbour Network')} helpline, "
        f"{mark(C.Phone, HELPLINE, landline_format(HELPLINE))}, is open 24 hours a day."
    )
