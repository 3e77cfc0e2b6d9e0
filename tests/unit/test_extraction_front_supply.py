"""Labour supply (SUPPLIED_LABOUR_TO), front businesses (FrontBusiness) and an address split from its
business by the sentence splitter: invented sentences, fictional names."""

from __future__ import annotations

import pytest

from extraction.components.front_cues import front_cue, mark_front_businesses
from extraction.models import ExtractionResult, SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="GB")


def run(extractor: Extractor, text: str) -> ExtractionResult:
    return extractor.extract(SourceDocument(id="t", text=text))


def triples(result: ExtractionResult) -> set[tuple[str, str, str]]:
    by_id = {e.id: e for e in result.entities}
    root = {e.id: by_id[e.ref] if e.ref else e for e in result.entities}
    return {(r.type, root[r.source].text, root[r.target].text) for r in result.relations}


def kinds(result: ExtractionResult, text: str) -> set[str]:
    return {e.type for e in result.entities if e.text == text}


# ---------------------------------------------------------------- SUPPLIED_LABOUR_TO
def test_workers_supplied_by_the_labour_provider(extractor: Extractor) -> None:
    text = (
        "An inspection commissioned by Kestrel Salad Growers Ltd found that pickers at its farms had been "
        "supplied by the labour provider Brightwork Staffing Ltd, which later closed."
    )
    result = run(extractor, text)
    assert ("SUPPLIED_LABOUR_TO", "Brightwork Staffing Ltd", "Kestrel Salad Growers Ltd") in triples(result)
    rel = next(r for r in result.relations if r.type == "SUPPLIED_LABOUR_TO")
    assert text[rel.start : rel.end].startswith("An inspection commissioned by")  # evidence: the sentence
    assert rel.snippet and "supplied by the labour provider" in rel.snippet


def test_provider_supplied_workers_to_the_client(extractor: Extractor) -> None:
    text = "Brightwork Staffing Ltd supplied agency workers to Kestrel Salad Growers Ltd for the harvest."
    assert ("SUPPLIED_LABOUR_TO", "Brightwork Staffing Ltd", "Kestrel Salad Growers Ltd") in triples(
        run(extractor, text)
    )


def test_pickers_hired_through_an_agency(extractor: Extractor) -> None:
    text = "Kestrel Salad Growers Ltd said its pickers were hired through Brightwork Staffing Ltd in May."
    assert ("SUPPLIED_LABOUR_TO", "Brightwork Staffing Ltd", "Kestrel Salad Growers Ltd") in triples(
        run(extractor, text)
    )


def test_a_contract_or_a_co_mention_is_not_labour_supply(extractor: Extractor) -> None:
    for text in (
        "Kestrel Salad Growers Ltd said it had ended the contract with Brightwork Staffing Ltd last year.",
        "Kestrel Salad Growers Ltd and Brightwork Staffing Ltd both sponsor the county show.",
        "Brightwork Staffing Ltd supplied vans to Kestrel Salad Growers Ltd.",
        "Kestrel Salad Growers Ltd said new staff were hired by Brightwork Staffing Ltd.",  # who for?
    ):
        assert not {t for t in triples(run(extractor, text)) if t[0] == "SUPPLIED_LABOUR_TO"}, text


# ---------------------------------------------------------------- FrontBusiness
def test_a_raided_business_where_people_were_found_is_a_front(extractor: Extractor) -> None:
    text = (
        "Police raided the premises of Brightwork Staffing Ltd on Monday. Officers found 9 people who said "
        "they were fined for every day off.\n\nBrightwork Staffing Ltd has not commented."
    )
    result = run(extractor, text)
    assert kinds(result, "Brightwork Staffing Ltd") == {"FrontBusiness"}  # every mention in the document
    front = next(e for e in result.entities if e.type == "FrontBusiness")
    assert front.attributes["front_cue"] == "raided the premises of"


def test_a_raid_without_exploitation_evidence_keeps_the_kind(extractor: Extractor) -> None:
    text = "Tax inspectors raided the premises of Brightwork Staffing Ltd over late VAT returns in 2023."
    assert "FrontBusiness" not in kinds(run(extractor, text), "Brightwork Staffing Ltd")


def test_cues_before_and_after_the_name() -> None:
    text = (
        "They found abuse at the agency Brightwork Staffing Ltd. Kestrel Growers Ltd, a front for the gang."
    )
    agency = {"start": text.index("Brightwork"), "end": text.index(" Staffing Ltd.") + 13}
    grower = {"start": text.index("Kestrel"), "end": text.index(", a front")}
    assert front_cue(text, agency) == "abuse at the agency"
    assert front_cue(text, grower) == "a front for"
    assert front_cue("They visited Brightwork Staffing Ltd.", {"start": 13, "end": 36}) is None


def test_only_the_business_family_is_retyped() -> None:
    text = "Police raided the premises of Norwick Borough Council. Officers found 4 people in a shed."
    items = [
        {"key": 0, "type": "Authority", "start": 30, "end": 53, "value": "Norwick Borough Council",
         "ref": None, "attributes": {}},
    ]  # fmt: skip
    assert mark_front_businesses(text, items, exploitation=True) == []
    assert items[0]["type"] == "Authority"


# ---------------------------------------------------------------- LOCATED_IN across a sentence split
def test_which_gave_an_address_split_by_an_abbreviation(extractor: Extractor) -> None:
    text = (
        "An audit commissioned by Kestrel Growers Ltd found that workers at its sites had been supplied by "
        "the labour provider Zelbud Sp. z o.o., which gave ul. Lipowa 9, 30-702 Kraków as its office."
    )
    result = run(extractor, text)
    (supply,) = [r for r in result.relations if r.type == "SUPPLIED_LABOUR_TO"]
    assert "labour provider Zelbud Sp. z o.o., which" in supply.snippet  # evidence not cut at "Sp."
    located = {t for t in triples(result) if t[0] == "LOCATED_IN"}
    assert any(s.startswith("Zelbud") and d.startswith("ul. Lipowa 9") for _, s, d in located), located
