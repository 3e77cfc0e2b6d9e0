"""Acronyms a document defines say what the abbreviated words are (issue 21; fictional text)."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor
from ontology.names import C

ORGS = {C.Organization, C.Authority, C.Business, C.NGO}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _orgs(extractor: Extractor, text: str) -> list[str]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    return [e.text for e in result.entities if e.type in ORGS]


def test_a_defined_organisation_is_named_in_full_and_by_its_acronym_everywhere(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "The DA, with the National Council of Jewish Women Kestrel (NCJW) and the Kestrel Children’s "
        "Advocacy Center (KCAC), announced the programme. Members of NCJW and KCAC attended.",
    )
    assert "National Council of Jewish Women Kestrel" in orgs, orgs
    assert "Kestrel Children’s Advocacy Center" in orgs, orgs
    assert orgs.count("NCJW") == 2 and orgs.count("KCAC") == 2, orgs


def test_a_law_named_with_its_acronym_is_no_organisation(extractor: Extractor) -> None:
    # "Senate" does not make a bill an authority, in full or as its acronym
    orgs = _orgs(extractor, "Westmark Senate Bill (SB) 912 makes it a felony. SB 912 passed in May.")
    assert "SB" not in orgs and not any("Bill" in o for o in orgs), orgs
